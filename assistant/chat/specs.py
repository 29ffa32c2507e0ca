"""How catalog attributes read to a shopper: spec names, values with their units, and what differs.

Shared by the replies (comparisons, detail answers) and `details` (which attributes a question asks for).
"""

from __future__ import annotations

from collections.abc import Sequence

from retrieval.catalog.schema import Product

# Spec keys as a shopper reads them; keys ending in a unit ('battery_h') show it with the value ('6 h')
SPEC_NAMES = {
    "anc": "noise cancelling", "os": "platform", "main_camera_mp": "main camera", "ram_gb": "RAM",
    "spf": "SPF",
}  # fmt: skip
UNITS = {
    "mb_s": "MB/s", "mah": "mAh", "gb": "GB", "mp": "MP", "hz": "Hz", "mm": "mm", "cm": "cm", "kg": "kg",
    "ml": "ml", "min": "min", "days": "days", "in": "in", "h": "h", "w": "W", "g": "g", "l": "L", "m": "m",
    "bar": "bar",
}  # fmt: skip
_SUFFIXES = sorted(UNITS, key=len, reverse=True)
SPEC_NAMES_ZH = {
    "noise cancelling": "主动降噪", "battery": "续航", "wireless charging": "无线充电", "platform": "系统",
    "storage": "存储", "RAM": "运行内存", "screen": "屏幕", "main camera": "主摄", "colour": "颜色",
    "connector": "接口", "weight": "重量", "megapixels": "像素", "sensor": "传感器", "mount": "卡口",
}  # fmt: skip
# Keys for matching products, not for shoppers: what a product fits or needs, internal scores
NOT_SPECS = ("compatible_", "requires", "camera_score", "gender", "fits", "model", "step")
MAX_SPECS = 5


def spec_differences(
    products: Sequence[Product], *, yes: str = "yes", no: str = "no"
) -> list[tuple[str, list[str]]]:
    """(spec name, each product's value) for the catalog attributes every product states and not all
    alike, in the first product's order, at most `MAX_SPECS`: the facts a comparison rests on. None for
    fewer than two different products (two bundles around one phone differ in their add-ons)."""
    if len({product.id for product in products}) < 2:
        return []
    differing: list[tuple[str, list[str]]] = []
    for key in products[0].attributes:
        if key.startswith(NOT_SPECS) or not all(key in product.attributes for product in products):
            continue
        values = [spec_value(key, product.attributes[key], yes, no) for product in products]
        if len(set(values)) > 1:
            differing.append((spec_name(key), values))
    return differing[:MAX_SPECS]


def spec_name(key: str) -> str:
    suffix = unit_suffix(key)
    stem = key[: -len(suffix) - 1] if suffix else key
    return SPEC_NAMES.get(key) or stem.replace("_", " ")


def spec_number(value: object) -> float | None:
    """A spec's value as a number; None for text, lists, flags (True is no 1) and nothing."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def spec_value(key: str, value: object, yes: str, no: str) -> str:
    if isinstance(value, bool):
        return yes if value else no
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    suffix = unit_suffix(key)
    return f"{value} {UNITS[suffix]}" if suffix else str(value)


def unit_suffix(key: str) -> str | None:
    """The unit a spec key ends in ('battery_mah' -> 'mah'), longest first; None for none."""
    return next((suffix for suffix in _SUFFIXES if key.endswith(f"_{suffix}")), None)
