"""The catalog loader: JSONL and CSV read to the same products, and every bad row is located precisely."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from assistant.errors import CatalogError, CatalogIssue
from retrieval.catalog import load_catalog
from retrieval.catalog.loader import KNOWN_FIELDS, unknown_fields

RECORDS: list[dict[str, Any]] = [
    {
        "id": "phone-1",
        "title": "Photon X Smartphone 256GB",
        "price": "899.00",
        "currency": "USD",
        "category": "Electronics > Phones",
        "brand": "Acme",
        "description": "Triple camera, USB-C",
        "cost": "610.50",
        "stock": 7,
        "attributes": {"colour": "black", "storage_gb": 256, "weight_kg": 0.18},
        "image_url": "https://example.com/p1.jpg",
        "url": "https://example.com/p1",
        "title_zh": "光子 X 智能手机",
    },
    {
        "id": "case-1",
        "title": "Photon X Silicone Case",
        "price": "19.99",
        "currency": "USD",
        "category": "Electronics > Phone Accessories > Cases",
        "brand": "Acme",
        "stock": 0,
        "attributes": {"compatible_models": ["Photon X"]},
    },
    {"id": "tea-1", "title": "Sencha Green Tea 100g", "price": "1500", "currency": "JPY"},
]


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text(
        "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8"
    )
    return path


def write_csv(path: Path, records: list[dict[str, Any]], columns: tuple[str, ...] = KNOWN_FIELDS) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for record in records:
        row = {key: json.dumps(value) if isinstance(value, dict) else value for key, value in record.items()}
        writer.writerow({key: row.get(key, "") for key in columns})
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def issues_of(path: Path) -> list[CatalogIssue]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    return caught.value.issues


def only_issue(path: Path) -> CatalogIssue:
    issues = issues_of(path)
    assert len(issues) == 1, issues
    return issues[0]


def valid(product_id: str = "x", **fields: Any) -> dict[str, Any]:
    return {"id": product_id, "title": f"Product {product_id}", "price": "10.00", "currency": "USD", **fields}


# --- valid catalogs -------------------------------------------------------------------------------------


def test_jsonl_loads_every_field(tmp_path: Path) -> None:
    catalog = load_catalog(write_jsonl(tmp_path / "c.jsonl", RECORDS))

    assert [product.id for product in catalog] == ["phone-1", "case-1", "tea-1"]
    phone = catalog.by_id("phone-1")
    assert phone.price == Decimal("899.00")
    assert phone.cost == Decimal("610.50")
    assert phone.stock == 7
    assert phone.category_path == ("Electronics", "Phones")
    assert phone.attributes == {"colour": "black", "storage_gb": 256, "weight_kg": 0.18}
    assert phone.title_zh == "光子 X 智能手机"
    assert catalog.by_id("case-1").in_stock is False
    assert catalog.currencies == {"USD", "JPY"}


def test_csv_with_same_content_loads_equal_products_and_hash(tmp_path: Path) -> None:
    from_jsonl = load_catalog(write_jsonl(tmp_path / "c.jsonl", RECORDS))
    from_csv = load_catalog(write_csv(tmp_path / "c.csv", RECORDS))

    assert from_csv.products == from_jsonl.products
    assert from_csv.content_hash == from_jsonl.content_hash
    assert len(from_csv.content_hash) == 64


def test_content_hash_changes_with_content(tmp_path: Path) -> None:
    original = load_catalog(write_jsonl(tmp_path / "a.jsonl", RECORDS))
    cheaper = [dict(RECORDS[0], price="898.99"), *RECORDS[1:]]
    changed = load_catalog(write_jsonl(tmp_path / "b.jsonl", cheaper))
    assert changed.content_hash != original.content_hash


def test_prices_are_exact_decimals_from_strings_and_json_numbers(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"id": "s", "title": "String price", "price": "19.99", "currency": "USD"}\n'
        '{"id": "n", "title": "Number price", "price": 19.99, "currency": "USD"}\n'
        '{"id": "t", "title": "Tiny number", "price": 0.1, "currency": "USD", "cost": 0.07}\n'
        '{"id": "i", "title": "Integer price", "price": 20, "currency": "usd"}\n',
        encoding="utf-8",
    )
    catalog = load_catalog(path)

    for product_id in ("s", "n"):
        price = catalog.by_id(product_id).price
        assert isinstance(price, Decimal)
        assert price == Decimal("19.99")
        assert str(price) == "19.99"
    assert str(catalog.by_id("t").price) == "0.10"
    assert catalog.by_id("t").cost == Decimal("0.07")
    assert str(catalog.by_id("i").price) == "20.00"
    assert catalog.by_id("i").currency == "USD"


def test_zero_decimal_currency_accepts_whole_amount(tmp_path: Path) -> None:
    catalog = load_catalog(write_jsonl(tmp_path / "c.jsonl", [valid("tea", price="1500", currency="JPY")]))
    assert catalog[0].price == Decimal("1500")
    assert str(catalog[0].price) == "1500"


def test_zero_decimal_currency_rejects_fractional_amount(tmp_path: Path) -> None:
    issue = only_issue(write_jsonl(tmp_path / "c.jsonl", [valid("tea", price="15.5", currency="JPY")]))
    assert (issue.line, issue.field) == (1, "price")
    assert "more than 0 decimal places for JPY" in issue.message


def test_more_decimals_than_usd_has_are_rejected_not_rounded(tmp_path: Path) -> None:
    issue = only_issue(write_jsonl(tmp_path / "c.jsonl", [valid("a", price=19.999)]))
    assert (issue.line, issue.field) == (1, "price")
    assert "19.999" in issue.message


def test_blank_lines_are_skipped_and_line_numbers_stay_physical(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps(valid("a")),
        "",
        "   ",
        json.dumps(valid("b")),
        "",
        json.dumps(valid("c", price="-1")),
    ]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")

    issue = only_issue(path)
    assert (issue.line, issue.field) == (6, "price")

    path.write_text("\n".join(lines[:-1]) + "\n\n", encoding="utf-8")
    assert [product.id for product in load_catalog(path)] == ["a", "b"]


def test_crlf_line_endings_load(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(f"{json.dumps(valid('a'))}\r\n{json.dumps(valid('b'))}\r\n".encode())
    assert [product.id for product in load_catalog(path)] == ["a", "b"]


def test_csv_with_byte_order_mark_loads(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("\ufeffid,title,price,currency\nm1,Matcha Whisk,12.50,EUR\n".encode())

    catalog = load_catalog(path)
    assert len(catalog) == 1
    assert catalog[0].id == "m1"
    assert catalog[0].price == Decimal("12.50")
    assert unknown_fields(path) == set()


def test_unknown_fields_are_ignored_by_load_but_listed(tmp_path: Path) -> None:
    jsonl = write_jsonl(tmp_path / "c.jsonl", [valid("a", rating=4.5), valid("b", colour="red", rating=3)])
    catalog = load_catalog(jsonl)
    assert len(catalog) == 2
    assert catalog.by_id("b").attributes == {}
    assert unknown_fields(jsonl) == {"rating", "colour"}

    plain = load_catalog(write_jsonl(tmp_path / "plain.jsonl", [valid("a"), valid("b")]))
    assert catalog.content_hash == plain.content_hash

    columns = ("id", "title", "price", "currency", "loves_count")
    csv_path = write_csv(tmp_path / "c.csv", [valid("a", loves_count="12")], columns=columns)
    assert len(load_catalog(csv_path)) == 1
    assert unknown_fields(csv_path) == {"loves_count"}


def test_category_is_normalised_to_the_separator(tmp_path: Path) -> None:
    catalog = load_catalog(
        write_jsonl(tmp_path / "c.jsonl", [valid("a", category="Beauty>Skincare >  Serums")])
    )
    assert catalog[0].category == "Beauty > Skincare > Serums"


# --- invalid catalogs: one problem each -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "field", "message_part"),
    [
        pytest.param(
            {"id": "a", "title": "No price", "currency": "USD"}, "price", "required", id="missing-price"
        ),
        pytest.param(valid("a", price=""), "price", "required", id="empty-price"),
        pytest.param(valid("a", price="-5.00"), "price", "greater than 0", id="negative-price"),
        pytest.param(valid("a", price="0"), "price", "greater than 0", id="zero-price"),
        pytest.param(valid("a", price="abc"), "price", "'abc'", id="non-numeric-price"),
        pytest.param(valid("a", price=True), "price", "bool", id="boolean-price"),
        pytest.param(valid("a", currency="XYZ"), "currency", "unknown currency 'XYZ'", id="unknown-currency"),
        pytest.param(valid("a", cost="-1"), "cost", "negative", id="negative-cost"),
        pytest.param(valid("a", stock=-1), "stock", "must not be negative", id="negative-stock"),
        pytest.param(valid("a", stock=2.5), "stock", "whole number", id="fractional-stock"),
        pytest.param(valid("a", stock="2.5"), "stock", "whole number", id="fractional-stock-string"),
        pytest.param(valid("a", stock="NaN"), "stock", "whole number", id="nan-stock"),
        pytest.param(valid("a", stock="Infinity"), "stock", "whole number", id="infinite-stock"),
        pytest.param(
            valid("a", category="A >  > B"), "category", "empty segment", id="empty-category-segment"
        ),
        pytest.param(valid("a", category="A > B >"), "category", "empty segment", id="trailing-separator"),
        pytest.param(valid("a", attributes=[1, 2]), "attributes", "JSON object", id="attributes-not-object"),
        pytest.param(valid("a", title="   "), "title", "empty", id="blank-title"),
        pytest.param(valid("a", brand=42), "brand", "must be a string", id="numeric-brand"),
        pytest.param(valid("a", id=["a"]), "id", "string or an integer", id="list-id"),
    ],
)
def test_bad_row_is_reported_with_file_line_and_field(
    tmp_path: Path, record: dict[str, Any], field: str, message_part: str
) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", [valid("ok-1"), record, valid("ok-2")])

    issue = only_issue(path)
    assert issue.file == str(path)
    assert issue.line == 2
    assert issue.field == field
    assert message_part in issue.message
    assert str(issue).startswith(f"{path}:2: {field}: ")


def test_json_infinity_literal_for_stock_is_a_catalog_error(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "a", "title": "Mug", "price": "5", "currency": "EUR", "stock": Infinity}\n')
    issue = only_issue(path)
    assert (issue.line, issue.field) == (1, "stock")


@pytest.mark.parametrize(
    ("price", "currency"),
    [("100000000000000000000.00", "USD"), ("10000000000000000000000000", "JPY")],
    ids=["usd-1e20", "jpy-1e25"],
)
def test_price_too_large_for_exact_minor_units_is_rejected(tmp_path: Path, price: str, currency: str) -> None:
    # Filters compare prices as int64 minor units; a price that cannot be one must not load.
    issue = only_issue(write_jsonl(tmp_path / "c.jsonl", [valid("a", price=price, currency=currency)]))
    assert (issue.line, issue.field) == (1, "price")


def test_error_message_lists_the_issue(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "bad.jsonl", [valid("a", currency="XYZ")])
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert caught.value.exit_code == 2
    assert caught.value.status == 422
    assert caught.value.detail.startswith("1 problem(s) in catalog:\n")
    assert f"{path}:1: currency: unknown currency 'XYZ'" in caught.value.detail


def test_duplicate_id_names_the_first_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "dup.jsonl", [valid("a"), valid("b"), valid("c"), valid(" a ")])
    issue = only_issue(path)
    assert (issue.line, issue.field) == (4, "id")
    assert "duplicate id 'a'" in issue.message
    assert "first seen on line 1" in issue.message


def test_integer_and_string_ids_collide(tmp_path: Path) -> None:
    issue = only_issue(write_jsonl(tmp_path / "dup.jsonl", [valid(7), valid("7")]))
    assert (issue.line, issue.field) == (2, "id")
    assert "first seen on line 1" in issue.message


def test_broken_json_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        f'{json.dumps(valid("a"))}\n{{"id": "b", "title": \n{json.dumps(valid("c"))}\n', encoding="utf-8"
    )
    issue = only_issue(path)
    assert (issue.file, issue.line, issue.field) == (str(path), 2, None)
    assert issue.message.startswith("broken JSON")


@pytest.mark.parametrize("line", ['["a", "b"]', '"just text"', "42", "null"])
def test_non_object_json_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(f"{json.dumps(valid('a'))}\n{line}\n", encoding="utf-8")
    issue = only_issue(path)
    assert issue.line == 2
    assert "must be a JSON object" in issue.message


def test_non_utf8_bytes_in_jsonl_name_the_right_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    good = json.dumps(valid("a")).encode()
    bad = b'{"id": "b", "title": "Caf\xe9", "price": "3.00", "currency": "EUR"}'
    path.write_bytes(b"\n".join([good, b"", good.replace(b'"a"', b'"c"'), bad]) + b"\n")
    issue = only_issue(path)
    assert issue.line == 4
    assert "not valid UTF-8" in issue.message
    assert "0xe9" in issue.message


def test_non_utf8_bytes_in_csv_name_the_right_line(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes(b"id,title,price,currency\na,Tea,3.00,EUR\nb,Caf\xe9,3.00,EUR\n")
    issue = only_issue(path)
    assert issue.line == 3
    assert "not valid UTF-8" in issue.message


def test_bad_attributes_json_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "id,title,price,currency,attributes\n"
        'a,Case,9.99,USD,"{""fits"": ""X""}"\n'
        "b,Cable,4.99,USD,{fits: X}\n",
        encoding="utf-8",
    )
    issue = only_issue(path)
    assert (issue.line, issue.field) == (3, "attributes")
    assert "not a JSON object" in issue.message


def test_csv_row_with_more_values_than_header(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,title,price,currency\na,Tea,3.00,EUR\nb,Tea,3.00,EUR,extra\n", encoding="utf-8")
    issue = only_issue(path)
    assert issue.line == 3
    assert "more values than header columns" in issue.message


def test_csv_missing_required_column(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,title,currency\na,Tea,EUR\n", encoding="utf-8")
    issue = only_issue(path)
    assert (issue.line, issue.field) == (1, "price")
    assert "required column missing" in issue.message


def test_csv_record_spanning_lines_is_reported_at_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        "id,title,price,currency,description\n"  # line 1
        'a,Tea,3.00,EUR,"Green tea\nfrom Shizuoka"\n'  # lines 2-3
        'b,Cup,-1,EUR,"Glazed cup\nhand made"\n',  # lines 4-5: the bad record starts on line 4
        encoding="utf-8",
    )
    issue = only_issue(path)
    assert (issue.line, issue.field) == (4, "price")


def test_csv_line_numbers_count_the_header(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,title,price,currency\na,Tea,3.00,EUR\n\nb,Tea,0,EUR\n", encoding="utf-8")
    issue = only_issue(path)
    assert (issue.line, issue.field) == (4, "price")


@pytest.mark.parametrize("content", ["", "\n\n  \n"], ids=["empty", "only-blank-lines"])
def test_empty_jsonl_is_rejected(tmp_path: Path, content: str) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(content, encoding="utf-8")
    issue = only_issue(path)
    assert issue.file == str(path)
    assert "no products" in issue.message


def test_empty_csv_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("", encoding="utf-8")
    assert issues_of(path)

    path.write_text("id,title,price,currency\n", encoding="utf-8")
    assert "no products" in only_issue(path).message


def test_unknown_extension_and_missing_file_are_catalog_errors(tmp_path: Path) -> None:
    path = tmp_path / "c.xlsx"
    path.write_text("id", encoding="utf-8")
    assert "unknown format" in only_issue(path).message
    assert "cannot read file" in only_issue(tmp_path / "absent.jsonl").message


# --- several problems -------------------------------------------------------------------------------------


def test_every_problem_in_a_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [
        json.dumps(valid("a")),
        json.dumps({"id": "b", "title": "No price", "currency": "USD"}),
        "{not json",
        json.dumps(valid("c", currency="XYZ")),
        json.dumps(valid("a")),
        json.dumps(valid("d", stock=-3)),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    issues = issues_of(path)
    assert [(issue.line, issue.field) for issue in issues] == [
        (2, "price"),
        (3, None),
        (4, "currency"),
        (5, "id"),
        (6, "stock"),
    ]
    assert all(issue.file == str(path) for issue in issues)


def test_only_first_fifty_issues_are_listed_but_all_are_counted(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [valid(str(n), price="0") for n in range(60)])
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    assert len(caught.value.issues) == 50
    assert caught.value.detail.startswith("60 problem(s) in catalog:")
    assert caught.value.detail.endswith("... and 10 more")
