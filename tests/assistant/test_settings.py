"""Settings from BUNDLEWISE_* environment variables, their validation, and which catalog gets served."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.components import catalog_store, resolve_catalog_path
from assistant.settings import Settings, get_settings
from retrieval.catalog import demo_catalog_path


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No BUNDLEWISE_* variable from the calling shell leaks into these tests."""
    for name in list(os.environ):
        if name.startswith("BUNDLEWISE_"):
            monkeypatch.delenv(name)


def write_catalog(path: Path, title: str) -> Path:
    record = {"id": "a", "title": title, "price": "5.00", "currency": "EUR"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_defaults() -> None:
    settings = Settings()
    assert settings.server.host == "127.0.0.1"
    assert settings.server.port == 7860
    assert settings.retrieval.dense_weight == 0.7
    assert settings.catalog.path is None


def test_nested_environment_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUNDLEWISE_RETRIEVAL__DENSE_WEIGHT", "0.3")
    monkeypatch.setenv("BUNDLEWISE_SERVER__PORT", "9000")
    monkeypatch.setenv("BUNDLEWISE_RETRIEVAL__INDEX_KIND", "hnsw")

    settings = Settings()

    assert settings.retrieval.dense_weight == 0.3
    assert settings.server.port == 9000
    assert settings.retrieval.index_kind == "hnsw"
    assert settings.server.host == "127.0.0.1"  # untouched fields keep their defaults
    assert settings.retrieval.candidate_pool == 100


def test_get_settings_reads_the_environment_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUNDLEWISE_SERVER__PORT", "9001")
    assert get_settings().server.port == 9001
    monkeypatch.setenv("BUNDLEWISE_SERVER__PORT", "9002")
    assert get_settings().server.port == 9001
    get_settings.cache_clear()
    assert get_settings().server.port == 9002


def test_paths_follow_xdg_directories(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    settings = Settings()
    assert settings.paths.data_dir == tmp_path / "data" / "bundlewise"
    assert settings.paths.cache_dir == tmp_path / "cache" / "bundlewise"


@pytest.mark.parametrize(
    ("name", "value", "field"),
    [
        ("BUNDLEWISE_SERVER__PORT", "0", "port"),
        ("BUNDLEWISE_SERVER__PORT", "65536", "port"),
        ("BUNDLEWISE_SERVER__PORT", "eighty", "port"),
        ("BUNDLEWISE_RETRIEVAL__DENSE_WEIGHT", "1.5", "dense_weight"),
        ("BUNDLEWISE_RETRIEVAL__DENSE_WEIGHT", "-0.1", "dense_weight"),
        ("BUNDLEWISE_RETRIEVAL__DEVICE", "tpu", "device"),
        ("BUNDLEWISE_RETRIEVAL__BATCH_SIZE", "0", "batch_size"),
    ],
)
def test_invalid_values_are_rejected(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, field: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError) as caught:
        Settings()
    assert [error["loc"][-1] for error in caught.value.errors()] == [field]


def test_settings_are_frozen() -> None:
    settings = Settings()
    with pytest.raises(ValidationError):
        settings.server = settings.server  # type: ignore[misc]


# --- which catalog is served: explicit > environment > imported > demo -----------------------------------


def test_demo_catalog_when_nothing_is_configured() -> None:
    assert resolve_catalog_path(Settings()) == demo_catalog_path()
    assert demo_catalog_path().name == "demo_catalog.jsonl"


def test_imported_catalog_beats_the_demo(tmp_path: Path) -> None:
    settings = Settings()
    imported = catalog_store(settings).import_file(write_catalog(tmp_path / "imported.jsonl", "Imported"))

    resolved = resolve_catalog_path(settings)

    assert resolved == settings.paths.data_dir / "catalog" / "catalogs" / f"{imported.content_hash}.jsonl"
    assert resolved.is_file()


def test_environment_beats_the_imported_catalog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    catalog_store(Settings()).import_file(write_catalog(tmp_path / "imported.jsonl", "Imported"))
    from_env = write_catalog(tmp_path / "env.jsonl", "From env")
    monkeypatch.setenv("BUNDLEWISE_CATALOG__PATH", str(from_env))

    assert resolve_catalog_path(Settings()) == from_env


def test_explicit_path_beats_everything(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    catalog_store(Settings()).import_file(write_catalog(tmp_path / "imported.jsonl", "Imported"))
    monkeypatch.setenv("BUNDLEWISE_CATALOG__PATH", str(write_catalog(tmp_path / "env.jsonl", "From env")))
    explicit = write_catalog(tmp_path / "explicit.jsonl", "Explicit")

    assert resolve_catalog_path(Settings(), explicit) == explicit
    assert resolve_catalog_path(Settings(), str(explicit)) == explicit


def test_explicit_demo_forces_the_demo(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    catalog_store(Settings()).import_file(write_catalog(tmp_path / "imported.jsonl", "Imported"))
    monkeypatch.setenv("BUNDLEWISE_CATALOG__PATH", str(write_catalog(tmp_path / "env.jsonl", "From env")))

    assert resolve_catalog_path(Settings(), "demo") == demo_catalog_path()


def test_a_configured_intent_model_that_is_missing_is_an_error(tmp_path: Path) -> None:
    from assistant.components import intent_artifact_dir
    from assistant.errors import ConfigurationError
    from assistant.intent.artifact import shipped_artifact_dir

    settings = Settings.model_validate({"intent": {"artifact_dir": str(tmp_path / "nowhere")}})
    with pytest.raises(ConfigurationError, match=r"intent\.artifact_dir"):
        intent_artifact_dir(settings, catalog=None)  # type: ignore[arg-type]  # not reached
    assert intent_artifact_dir(Settings(), catalog=None) == shipped_artifact_dir()  # type: ignore[arg-type]
