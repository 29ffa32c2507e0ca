"""The `bundlewise` CLI run in-process: exit codes, stdout/stderr and the `search --json` contract."""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from assistant.cli import main
from assistant.components import catalog_store
from assistant.settings import get_settings
from retrieval.catalog import load_catalog
from tests.assistant.conftest import CATEGORY_OF, COFFEE, PHONES, PRICE_OF, SHOP
from tests.conftest import shared_data

RESULT_KEYS = {"product_id", "title", "brand", "category", "price", "currency", "score"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def search(
    capsys: pytest.CaptureFixture[str], catalog: Path, query: str, *options: str
) -> tuple[int, str, str]:
    """`bundlewise search QUERY --catalog CATALOG --json OPTIONS...`"""
    return run(capsys, "search", query, "--catalog", str(catalog), "--json", *options)


def json_lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


# --- catalog validate / import / convert ----------------------------------------------------------------


def test_validate_good_catalog(capsys: pytest.CaptureFixture[str], shop_catalog: Path) -> None:
    code, out, err = run(capsys, "catalog", "validate", str(shop_catalog))

    assert code == 0
    content_hash = load_catalog(shop_catalog).content_hash
    assert out == f"{shop_catalog}: valid, 20 products, content hash {content_hash[:16]}\n"
    assert err == ""


def test_validate_warns_about_fields_outside_the_contract(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "extra.jsonl"
    path.write_text(
        json.dumps({"id": "a", "title": "Mug", "price": "5", "currency": "EUR", "rating": 4, "colour": "red"})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "catalog", "validate", str(path))
    assert code == 0
    assert "valid, 1 products" in out
    assert err == f"warning: {path}: ignoring fields not in the contract: colour, rating\n"


BAD_LINES = {
    "missing-price": ('{"id": "b", "title": "Mug", "currency": "EUR"}', "price", "required field is missing"),
    "negative-price": (
        '{"id": "b", "title": "Mug", "price": "-2", "currency": "EUR"}',
        "price",
        "greater than 0",
    ),
    "unknown-currency": ('{"id": "b", "title": "Mug", "price": "2", "currency": "XYZ"}', "currency", "'XYZ'"),
    "duplicate-id": (
        '{"id": "a", "title": "Mug", "price": "2", "currency": "EUR"}',
        "id",
        "first seen on line 1",
    ),
    "infinite-stock": (
        '{"id": "b", "title": "Mug", "price": "2", "currency": "EUR", "stock": "Infinity"}',
        "stock",
        "whole",
    ),
    "bad-stock": (
        '{"id": "b", "title": "Mug", "price": "2", "currency": "EUR", "stock": 1.5}',
        "stock",
        "whole",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_LINES))
def test_validate_bad_catalog_exits_2_naming_file_line_and_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, case: str
) -> None:
    line, field, message = BAD_LINES[case]
    path = tmp_path / "bad.jsonl"
    path.write_text(
        '{"id": "a", "title": "Cup", "price": "3.50", "currency": "EUR"}\n' + line + "\n", encoding="utf-8"
    )

    code, out, err = run(capsys, "catalog", "validate", str(path))

    assert code == 2
    assert out == ""
    assert err.startswith("error: 1 problem(s) in catalog:\n")
    assert f"{path}:2: {field}: " in err
    assert message in err


def test_validate_broken_json_and_bad_bytes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(
        b'{"id": "a", "title": "Cup", "price": "3.50", "currency": "EUR"}\n'
        b'{"id": "b", "title": \n'
        b'{"id": "c", "title": "Caf\xe9", "price": "3.50", "currency": "EUR"}\n'
    )
    code, _, err = run(capsys, "catalog", "validate", str(path))
    assert code == 2
    assert "2 problem(s)" in err
    assert f"{path}:2: broken JSON" in err
    assert f"{path}:3: not valid UTF-8" in err


def test_validate_csv_missing_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,title,price\na,Cup,3.50\n", encoding="utf-8")
    code, _, err = run(capsys, "catalog", "validate", str(path))
    assert code == 2
    assert f"{path}:1: currency: required column missing" in err


def test_validate_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "catalog", "validate", str(tmp_path / "absent.jsonl"))
    assert code == 2
    assert "cannot read file" in err


def test_import_then_bad_import_keeps_the_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, shop_catalog: Path
) -> None:
    code, out, _ = run(capsys, "catalog", "import", str(shop_catalog))
    assert code == 0
    content_hash = load_catalog(shop_catalog).content_hash
    assert out == f"imported 20 products from {shop_catalog} (content hash {content_hash[:16]})\n"
    current = catalog_store(get_settings()).current_path()
    assert current is not None

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "title": "Cup", "price": "0", "currency": "EUR"}\n', encoding="utf-8")
    code, out, err = run(capsys, "catalog", "import", str(bad))

    assert code == 2
    assert out == ""
    assert f"{bad}:1: price: " in err
    assert catalog_store(get_settings()).current_path() == current
    assert load_catalog(current).content_hash == content_hash


@pytest.mark.integration
def test_convert_dummyjson_writes_a_valid_catalog(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = shared_data("dummyjson", "products.json")
    output = tmp_path / "dummyjson.jsonl"

    code, out, _ = run(capsys, "catalog", "convert", "dummyjson", str(source), str(output))
    assert code == 0
    assert out == f"wrote 194 products to {output}\n"

    code, out, err = run(capsys, "catalog", "validate", str(output))
    assert code == 0
    assert "valid, 194 products" in out
    assert err == ""


def test_convert_missing_source_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(
        capsys, "catalog", "convert", "sephora", str(tmp_path / "nope.csv"), str(tmp_path / "o.jsonl")
    )
    assert code == 2
    assert "no such file" in err
    assert not (tmp_path / "o.jsonl").exists()


# --- search (real MiniLM) ---------------------------------------------------------------------------------


@pytest.mark.integration
def test_search_json_shape(capsys: pytest.CaptureFixture[str], shop_catalog: Path) -> None:
    code, out, _ = search(capsys, shop_catalog, "noise cancelling headphones", "--top-k", "3")

    assert code == 0
    [payload] = json_lines(out)
    assert set(payload) == {"query", "results"}
    assert payload["query"] == "noise cancelling headphones"
    assert len(payload["results"]) == 3
    for result in payload["results"]:
        assert set(result) == RESULT_KEYS
        assert isinstance(result["price"], str)
        assert result["price"] == PRICE_OF[result["product_id"]]
        assert result["currency"] == "USD"
        assert isinstance(result["score"], float)
    assert payload["results"][0]["product_id"] == "hp-2"
    scores = [result["score"] for result in payload["results"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.integration
def test_search_max_price_is_exact_at_the_boundary(
    capsys: pytest.CaptureFixture[str], shop_catalog: Path
) -> None:
    # hp-1 and co-5 cost exactly 49.99; hp-2 costs 50.00, one cent above.
    code, out, _ = search(capsys, shop_catalog, "headphones", "--top-k", "20", "--max-price", "49.99")

    assert code == 0
    [payload] = json_lines(out)
    returned = {result["product_id"] for result in payload["results"]}
    affordable = {record["id"] for record in SHOP if Decimal(record["price"]) <= Decimal("49.99")}
    assert returned == affordable
    assert {"hp-1", "co-5"} <= returned
    assert "hp-2" not in returned
    assert payload["results"][0]["product_id"] in {"hp-1", "hp-5"}


@pytest.mark.integration
def test_search_category_filter(capsys: pytest.CaptureFixture[str], shop_catalog: Path) -> None:
    code, out, _ = search(
        capsys, shop_catalog, "something for the morning", "--top-k", "10", "--category", "coffee"
    )

    assert code == 0
    [payload] = json_lines(out)
    assert {result["product_id"] for result in payload["results"]} == {"co-1", "co-2", "co-3", "co-4", "co-5"}
    assert all(CATEGORY_OF[result["product_id"]] == COFFEE for result in payload["results"])


@pytest.mark.integration
def test_search_queries_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, shop_catalog: Path
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("espresso machine\n\nvitamin c serum\n   \nsmartphone\n"))

    code, out, _ = search(capsys, shop_catalog, "-", "--top-k", "2")

    assert code == 0
    payloads = json_lines(out)
    assert [payload["query"] for payload in payloads] == ["espresso machine", "vitamin c serum", "smartphone"]
    assert all(set(payload) == {"query", "results"} and len(payload["results"]) == 2 for payload in payloads)
    assert payloads[0]["results"][0]["product_id"] == "co-1"
    assert payloads[1]["results"][0]["product_id"] == "sk-2"
    assert all(CATEGORY_OF[result["product_id"]] == PHONES for result in payloads[2]["results"])


@pytest.mark.integration
def test_search_uses_the_imported_catalog_by_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, shop_catalog: Path
) -> None:
    monkeypatch.delenv("BUNDLEWISE_CATALOG__PATH", raising=False)
    assert run(capsys, "catalog", "import", str(shop_catalog))[0] == 0

    code, out, _ = run(capsys, "search", "coffee grinder", "--top-k", "1", "--json")

    assert code == 0
    [payload] = json_lines(out)
    assert payload["results"][0]["product_id"] == "co-2"


@pytest.mark.integration
@pytest.mark.parametrize(
    ("query", "options", "message"),
    [
        ("   ", [], "error: query is empty"),
        ("headphones", ["--top-k", "0"], "error: top_k must be between 1 and 1000, got 0"),
    ],
    ids=["whitespace-query", "top-k-zero"],
)
def test_search_bad_input_exits_2(
    capsys: pytest.CaptureFixture[str], shop_catalog: Path, query: str, options: list[str], message: str
) -> None:
    code, out, err = search(capsys, shop_catalog, query, *options)
    assert code == 2
    assert out == ""
    assert err == message + "\n"


def test_search_min_price_above_max_price_exits_2(
    capsys: pytest.CaptureFixture[str], shop_catalog: Path
) -> None:
    code, _, err = search(capsys, shop_catalog, "mug", "--min-price", "60", "--max-price", "50")
    assert code == 2
    assert err == "error: min_price 60 is above max_price 50\n"


def test_search_non_numeric_max_price_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["search", "mug", "--max-price", "cheap"])
    assert caught.value.code == 2
    assert "not a number: 'cheap'" in capsys.readouterr().err
