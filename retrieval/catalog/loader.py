"""Read a catalog file (JSONL or CSV, per the DESIGN.md contract) into a validated `Catalog`.

Validation is all-or-nothing: every row is checked, every problem is reported with file, line and
field, and a catalog is returned only when there are none, so a bad file can never half-import.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from assistant.errors import CatalogError, CatalogIssue
from retrieval.catalog.currencies import MINOR_UNITS
from retrieval.catalog.schema import CATEGORY_SEPARATOR, Catalog, Product

KNOWN_FIELDS = (
    "id", "title", "price", "currency", "category", "brand", "description", "cost", "stock",
    "attributes", "image_url", "url", "title_zh",
)  # fmt: skip
REQUIRED_FIELDS = ("id", "title", "price", "currency")
_TEXT_FIELDS = ("category", "brand", "description", "image_url", "url", "title_zh")
MAX_REPORTED_ISSUES = 50
MAX_MINOR_UNITS = 10**15  # prices are compared as int64 minor units; this leaves ample headroom
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


class _RowError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def load_catalog(path: str | Path) -> Catalog:
    """Load and validate the catalog at `path` (`.jsonl`/`.json` or `.csv`).

    Raises:
        CatalogError: listing every problem found (file, line, field); nothing is returned partially.
    """
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CatalogError([CatalogIssue(name, None, None, f"cannot read file: {error.strerror}")]) from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(raw, name)
    elif suffix in {".jsonl", ".ndjson", ".json"}:
        rows = _jsonl_rows(raw, name)
    else:
        raise CatalogError([CatalogIssue(name, None, None, "unknown format: use .jsonl or .csv")])
    return parse_catalog(rows, name)


def parse_catalog(rows: Iterator[tuple[int, Mapping[str, Any] | CatalogIssue]], source: str) -> Catalog:
    """Validate `(line, record)` pairs (or already-found issues) into a catalog, all or nothing."""
    issues: list[CatalogIssue] = []
    products: list[Product] = []
    first_line_of: dict[str, int] = {}
    for line, record in rows:
        if isinstance(record, CatalogIssue):
            issues.append(record)
            continue
        try:
            product = _product(record)
        except _RowError as error:
            issues.append(CatalogIssue(source, line, error.field, error.message))
            continue
        if product.id in first_line_of:
            message = f"duplicate id {product.id!r} (first seen on line {first_line_of[product.id]})"
            issues.append(CatalogIssue(source, line, "id", message))
            continue
        first_line_of[product.id] = line
        products.append(product)
    if not issues and not products:
        issues.append(CatalogIssue(source, None, None, "catalog has no products"))
    if issues:
        raise CatalogError(issues[:MAX_REPORTED_ISSUES], total=len(issues))
    return Catalog(tuple(products), source=source)


def unknown_fields(path: str | Path) -> set[str]:
    """Columns/keys in the file that the contract does not define (ignored on import, worth a warning)."""
    path = Path(path)
    raw = path.read_bytes()
    rows = _csv_rows(raw, str(path)) if path.suffix.lower() == ".csv" else _jsonl_rows(raw, str(path))
    found: set[str] = set()
    for _, record in rows:
        if not isinstance(record, CatalogIssue):
            found.update(key for key in record if key not in KNOWN_FIELDS)
    return found


def _decode(raw: bytes, source: str) -> str | CatalogIssue:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return CatalogIssue(source, line, None, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})")


def _jsonl_rows(raw: bytes, source: str) -> Iterator[tuple[int, Mapping[str, Any] | CatalogIssue]]:
    for line_number, line_bytes in enumerate(raw.split(b"\n"), start=1):
        text = _decode(line_bytes, source)
        if isinstance(text, CatalogIssue):
            yield line_number, CatalogIssue(source, line_number, None, text.message)
            continue
        if not text.strip():
            continue
        try:
            record = json.loads(text, parse_float=Decimal)
        except json.JSONDecodeError as error:
            yield line_number, CatalogIssue(source, line_number, None, f"broken JSON: {error.msg}")
            continue
        if not isinstance(record, dict):
            yield line_number, CatalogIssue(source, line_number, None, "each line must be a JSON object")
            continue
        yield line_number, record


def _csv_rows(raw: bytes, source: str) -> Iterator[tuple[int, Mapping[str, Any] | CatalogIssue]]:
    text = _decode(raw, source)
    if isinstance(text, CatalogIssue):
        yield text.line or 0, text
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
        missing = [name for name in REQUIRED_FIELDS if name not in header]
        if missing:
            yield 1, CatalogIssue(source, 1, ", ".join(missing), "required column missing from header")
            return
        end = reader.line_num
        for values in reader:
            line, end = end + 1, reader.line_num  # a quoted field may span lines: report the first
            if not any(value.strip() for value in values):
                continue
            if len(values) > len(header):
                yield line, CatalogIssue(source, line, None, "more values than header columns")
                continue
            yield line, {key: value for key, value in zip(header, values, strict=False) if value != ""}
    except csv.Error as error:
        yield reader.line_num, CatalogIssue(source, reader.line_num, None, f"broken CSV: {error}")


def _product(record: Mapping[str, Any]) -> Product:
    for name in REQUIRED_FIELDS:
        if record.get(name) in (None, ""):
            raise _RowError(name, "required field is missing")
    product_id = _identifier(record["id"])
    currency = record["currency"]
    if not isinstance(currency, str) or currency.strip().upper() not in MINOR_UNITS:
        raise _RowError("currency", f"unknown currency {currency!r} (expected an ISO 4217 code such as USD)")
    currency = currency.strip().upper()
    price = _money(record["price"], "price", currency)
    if price <= 0:
        raise _RowError("price", f"price must be greater than 0, got {price}")
    cost = _money(record["cost"], "cost", currency) if record.get("cost") not in (None, "") else None
    if cost is not None and cost < 0:
        raise _RowError("cost", f"cost must not be negative, got {cost}")
    texts = {name: _text(record.get(name), name) for name in _TEXT_FIELDS}
    if texts["category"] is not None:
        texts["category"] = _category(texts["category"])
    return Product(
        id=product_id,
        title=_required_text(record["title"], "title"),
        price=price,
        currency=currency,
        cost=cost,
        stock=_stock(record.get("stock")),
        attributes=_attributes(record.get("attributes")),
        **texts,
    )


def _identifier(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _RowError("id", "must be a string or an integer")
    text = str(value).strip()
    if not text or len(text) > 200 or any(ch in text for ch in "\r\n\t"):
        raise _RowError("id", "must be 1-200 characters without tabs or line breaks")
    return text


def _money(value: Any, field: str, currency: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise _RowError(field, f"must be a decimal number or string, got {type(value).__name__}")
    places = MINOR_UNITS[currency]
    text = str(value).strip()
    if not _DECIMAL.fullmatch(text):
        raise _RowError(field, f"not a plain decimal number: {value!r}")
    try:
        amount = Decimal(text)
        exact = amount.quantize(Decimal(1).scaleb(-places))
        if abs(exact.scaleb(places)) > MAX_MINOR_UNITS:
            raise InvalidOperation
    except InvalidOperation:
        raise _RowError(field, f"not a number of sensible size: {value!r}") from None
    if amount != exact:
        raise _RowError(field, f"{value} has more than {places} decimal places for {currency}")
    return exact


def _stock(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        number = Decimal(str(value).strip())
        if not number.is_finite() or number != number.to_integral_value() or abs(number) >= 2**63:
            raise InvalidOperation
    except InvalidOperation:
        raise _RowError("stock", f"must be a whole number, got {value!r}") from None
    if number < 0:
        raise _RowError("stock", f"must not be negative, got {value}")
    return int(number)


def _attributes(value: Any) -> dict[str, Any]:
    if value in (None, ""):
        return {}
    if isinstance(value, str):
        try:
            value = json.loads(value, parse_float=Decimal)
        except json.JSONDecodeError as error:
            raise _RowError("attributes", f"not a JSON object: {error.msg}") from None
    if not isinstance(value, dict):
        raise _RowError("attributes", "must be a JSON object")
    return {str(key): _plain(item) for key, item in value.items()}


def _plain(value: Any) -> Any:
    """JSON values with Decimals turned back into int/float so attributes compare naturally."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def _text(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _RowError(field, f"must be a string, got {type(value).__name__}")
    return " ".join(value.split()) or None


def _required_text(value: Any, field: str) -> str:
    text = _text(value, field)
    if text is None:
        raise _RowError(field, "required field is empty")
    return text


def _category(text: str) -> str:
    segments = [segment.strip() for segment in text.split(">")]
    if any(not segment for segment in segments):
        raise _RowError("category", f"empty segment in category path {text!r}")
    return CATEGORY_SEPARATOR.join(segments)
