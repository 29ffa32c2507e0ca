"""Imported catalogs: validated before anything is written, swapped in atomically, idempotent."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import CatalogError
from retrieval.catalog import load_catalog
from retrieval.catalog.store import CatalogStore, write_atomically


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


GOOD = [
    {"id": "a", "title": "Espresso Cup", "price": "8.50", "currency": "EUR", "category": "Home > Kitchen"},
    {"id": "b", "title": "Milk Jug", "price": 12, "currency": "EUR", "stock": 3, "attributes": {"ml": 350}},
]


def files_under(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def test_nothing_is_current_before_an_import(tmp_path: Path) -> None:
    assert CatalogStore(tmp_path / "store").current_path() is None


def test_import_makes_the_catalog_current(tmp_path: Path) -> None:
    store = CatalogStore(tmp_path / "store")
    imported = store.import_file(write_jsonl(tmp_path / "good.jsonl", GOOD))

    current = store.current_path()
    assert current is not None
    assert current == tmp_path / "store" / "catalogs" / f"{imported.content_hash}.jsonl"
    reloaded = load_catalog(current)
    assert reloaded.products == imported.products
    assert reloaded.content_hash == imported.content_hash
    pointer = json.loads((tmp_path / "store" / "current.json").read_text(encoding="utf-8"))
    assert pointer["content_hash"] == imported.content_hash
    assert pointer["source"] == str(tmp_path / "good.jsonl")


@pytest.mark.parametrize(
    "bad_content",
    [
        '{"id": "x", "title": "Mug", "price": "-1", "currency": "EUR"}\n',
        '{"id": "x", "title": "Mug", "price": "4.00", "currency": "EUR"}\n{broken\n',
        "",
    ],
    ids=["negative-price", "broken-json", "empty"],
)
def test_bad_import_leaves_the_previous_catalog_current(tmp_path: Path, bad_content: str) -> None:
    store = CatalogStore(tmp_path / "store")
    first = store.import_file(write_jsonl(tmp_path / "good.jsonl", GOOD))
    before = files_under(tmp_path / "store")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(bad_content, encoding="utf-8")

    with pytest.raises(CatalogError):
        store.import_file(bad)

    current = store.current_path()
    assert current == tmp_path / "store" / "catalogs" / f"{first.content_hash}.jsonl"
    assert load_catalog(current).products == first.products
    assert load_catalog(current).content_hash == first.content_hash
    assert files_under(tmp_path / "store") == before


def test_bad_first_import_writes_nothing(tmp_path: Path) -> None:
    store = CatalogStore(tmp_path / "store")
    bad = write_jsonl(tmp_path / "bad.jsonl", [{"id": "x", "title": "Mug", "price": "1", "currency": "XYZ"}])
    with pytest.raises(CatalogError):
        store.import_file(bad)
    assert store.current_path() is None
    assert not (tmp_path / "store").exists() or files_under(tmp_path / "store") == []


def test_second_good_import_replaces_the_first(tmp_path: Path) -> None:
    store = CatalogStore(tmp_path / "store")
    store.import_file(write_jsonl(tmp_path / "one.jsonl", GOOD))
    second = store.import_file(write_jsonl(tmp_path / "two.jsonl", GOOD[:1]))

    current = store.current_path()
    assert current is not None
    assert [product.id for product in load_catalog(current)] == ["a"]
    assert current.name == f"{second.content_hash}.jsonl"


def test_importing_the_same_content_twice_is_idempotent(tmp_path: Path) -> None:
    store = CatalogStore(tmp_path / "store")
    first = store.import_file(write_jsonl(tmp_path / "good.jsonl", GOOD))
    first_path = store.current_path()
    assert first_path is not None
    stored_bytes = first_path.read_bytes()

    csv_copy = tmp_path / "same.csv"
    csv_copy.write_text(
        "id,title,price,currency,category,stock,attributes\n"
        "a,Espresso Cup,8.50,EUR,Home > Kitchen,,\n"
        'b,Milk Jug,12.00,EUR,,3,"{""ml"": 350}"\n',
        encoding="utf-8",
    )
    again = store.import_file(csv_copy)

    assert again.content_hash == first.content_hash
    assert store.current_path() == first_path
    assert first_path.read_bytes() == stored_bytes
    assert files_under(tmp_path / "store") == ["catalogs/" + first_path.name, "current.json"]


def test_import_leaves_no_temporary_files(tmp_path: Path) -> None:
    store = CatalogStore(tmp_path / "store")
    store.import_file(write_jsonl(tmp_path / "one.jsonl", GOOD))
    store.import_file(write_jsonl(tmp_path / "two.jsonl", GOOD[1:]))
    assert not [name for name in files_under(tmp_path / "store") if Path(name).name.startswith(".")]
    assert len(list((tmp_path / "store" / "catalogs").iterdir())) == 2


def test_write_atomically_replaces_content_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "dir" / "file.json"
    write_atomically(target, b"first")
    write_atomically(target, b"second")

    assert target.read_bytes() == b"second"
    assert sorted(path.name for path in target.parent.iterdir()) == ["file.json"]


def test_write_atomically_failure_keeps_old_file_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "file.json"
    write_atomically(target, b"old")

    def failing_replace(source: Any, destination: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, b"new")

    assert target.read_bytes() == b"old"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["file.json"]
