"""Limits on a number the catalog states: refinements ('something lighter', 'a bigger screen', 'more
storage') and numbers a message states ('at least 16gb ram', 'under 1.3 kg', 'a 14 inch laptop').

The model reads them as `refine` with no slot (the taxonomy has none for them), and they had been answered
"I can't narrow it down by that". The spec is the one a comparison of the shown main products would rank
on (`details.shared_number`); the limit is the best of them on it, so what comes next beats everything
shown: lighter than the lightest. Pure: the message and products in, a limit out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.chat.details import shared_number, wants_more
from assistant.chat.specs import spec_number
from assistant.dialogue.state import SpecLimit
from assistant.intent.units import UNIT, UNITS
from pricing.complements.roles import leaf_role
from retrieval.catalog.schema import Product
from retrieval.text import category_key


def spec_limit(message: str, anchors: Sequence[Product]) -> SpecLimit | None:
    """The limit `message` asks of the shown main products (`anchors`, all of one kind); None when it names
    no direction, no number they all state, or they are of different kinds (a need's bundles)."""
    more = wants_more(message)
    if more is None or not anchors or len({leaf_role(anchor) for anchor in anchors}) > 1:
        return None
    key = shared_number(message, anchors)
    if key is None:
        return None
    values = [float(anchor.attributes[key]) for anchor in anchors]
    return SpecLimit(
        kind=leaf_role(anchors[0]), key=key, more=more, value=max(values) if more else min(values)
    )


def beats(product: Product, limit: SpecLimit) -> bool:
    """Whether `product` is of the limit's kind and states its number past it."""
    value = product.attributes.get(limit.key)
    if leaf_role(product) != limit.kind or not isinstance(value, int | float) or isinstance(value, bool):
        return False
    return beats_value(value, limit)


def beats_value(value: float, limit: SpecLimit) -> bool:
    """Whether a number is past the limit (or on it, for an inclusive one)."""
    if limit.inclusive:
        return value >= limit.value if limit.more else value <= limit.value
    return value > limit.value if limit.more else value < limit.value


def holder(limit: SpecLimit, anchors: Iterable[Product]) -> Product | None:
    """The shown main product whose number the limit is ('the MacBook Air's 1.24 kg')."""
    return next((anchor for anchor in anchors if anchor.attributes.get(limit.key) == limit.value), None)


# -- limits a message states in numbers: "at least 16gb ram", "under 1.3 kg", "a 14 inch laptop" ----------

# family -> the catalog's keys for it, with the factor from the family's base unit
_KEYS: dict[str, dict[str, float]] = {
    "bytes": {"ram_gb": 1, "storage_gb": 1, "capacity_gb": 1},
    "mass": {"weight_kg": 1, "max_load_kg": 1, "weight_g": 1000},
    "inches": {"screen_in": 1, "size_in": 1, "fits_screen_in": 1},
    "hours": {"battery_h": 1},
    "mah": {"capacity_mah": 1},
    "mp": {"megapixels": 1, "main_camera_mp": 1},
    "hz": {"refresh_hz": 1},
    "watts": {
        "charging_w": 1, "max_charging_w": 1, "wattage_w": 1, "power_w": 1, "power_delivery_w": 1,
        "usb_c_power_w": 1,
    },
    "ml": {"volume_ml": 1},
    "litres": {"capacity_l": 1, "water_tank_l": 1},
    "mm": {"case_mm": 1, "thickness_mm": 1},
}  # fmt: skip
# words that pick one key of a family ('16gb ram' against '512gb storage')
_HINTS: dict[str, re.Pattern[str]] = {
    key: re.compile(rf"(?<![a-z])(?:{words})(?![a-z])", re.IGNORECASE)
    for key, words in {
        # a phone's "internal memory" is its storage, as shop listings say it
        "ram_gb": r"ram|(?<!internal\s)(?<!built-in\s)(?<!onboard\s)memory|内存|运存",
        "storage_gb": r"storage|ssd|rom|disk|drive|space|(?:internal|built-in|onboard)\s+memory|存储|硬盘",
        "max_load_kg": r"load|holds?|carry|carries|bears?|承重",
        "water_tank_l": r"tank|水箱",
        "max_charging_w": r"charg\w*|充电",
        "charging_w": r"charg\w*|充电",
    }.items()
}
_SPEC_WORDS = frozenset({"ram", "memory", "storage", "ssd", "battery", "screen", "display", "weight", "spf"})
_NEAR = 16  # characters either side of a number where a word naming its spec is looked for
# keys whose bare number is a minimum ('16gb ram', 'spf 50'), and those where it is a maximum ('1.2 kg')
_AT_LEAST = frozenset(
    {"ram_gb", "storage_gb", "capacity_gb", "battery_h", "capacity_mah", "megapixels", "main_camera_mp",
     "refresh_hz", "charging_w", "max_charging_w", "wattage_w", "power_w", "power_delivery_w",
     "usb_c_power_w", "spf", "max_load_kg", "fits_screen_in"}
)  # fmt: skip
_AT_MOST = frozenset({"weight_kg"})
_NETWORK = re.compile(r"[2-5]g", re.IGNORECASE)  # '5g', '4g' written as one word
_MEMORY_OR_WEIGHT = re.compile(
    r"\b(?:ram|memory|storage|gram|grams|weigh\w*|heavy|light)\b|内存|存储|重", re.I
)
_MEMORY_SIZES = frozenset({4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0, 64.0, 128.0, 256.0, 512.0})
_NUMBER = r"(\d+(?:\.\d+)?)"
_STATED = re.compile(
    rf"{_NUMBER}\s*(?:-\s*)?({UNIT})(?![a-z])"
    r"|spf\s*(\d+)\+?",
    re.IGNORECASE,
)
_MORE_BEFORE = re.compile(
    r"(?:(at\s+least|min(?:imum)?|no\s+less\s+than|not\s+less\s+than|>=|至少|不少于|不低于)"
    r"|(over|above|(?<!no\s)(?<!not\s)more\s+than|greater\s+than|bigger\s+than|larger\s+than"
    r"|longer\s+than|>|大于|超过))\s*$",
    re.IGNORECASE,
)
_LESS_BEFORE = re.compile(
    r"(?:(at\s+most|max(?:imum)?|no\s+more\s+than|not\s+more\s+than|up\s+to|<=|不超过|最多)"
    r"|(under|below|(?<!no\s)(?<!not\s)less\s+than|lighter\s+than|smaller\s+than|<|低于|小于|不到))\s*$",
    re.IGNORECASE,
)
_MORE_AFTER = re.compile(
    r"\s*(?:\+|or\s+(?:more|above|bigger|higher|larger|longer)\b|and\s+up\b|以上|起)", re.I
)
_LESS_AFTER = re.compile(r"\s*(?:or\s+(?:less|under|lighter|below|smaller)\b|max\b|以下|以内|之内)", re.I)


def stated_limits(message: str, products: Sequence[Product]) -> list[SpecLimit]:
    """The limits `message` states in numbers on the kind `products` are of (the products of the kind asked
    for): 'at least 16gb ram' (RAM 16 GB or more), 'under 1.3 kg' (weight below 1.3), 'a 14 inch laptop'
    (a screen from 14 to under 15 inches). A number on a spec none of them states is passed over."""
    limits: list[SpecLimit] = []
    for match in _STATED.finditer(message):
        if match.group(3):  # 'spf 50', 'spf50+'
            found = _resolve(message, match, [("spf", float(match.group(3)))], products)
        elif _NETWORK.fullmatch(message, match.start(1), match.end(2)) and not _MEMORY_OR_WEIGHT.search(
            message
        ):
            continue  # 'do they all have 5g': the network, not 5 GB of RAM
        else:
            unit = next(
                families for pattern, families in UNITS if re.fullmatch(pattern, match.group(2), re.I)
            )
            value = float(match.group(1))
            if match.group(2).lower() == "g" and value in _MEMORY_SIZES:  # '16g' of a phone is its memory
                unit = tuple(sorted(unit, key=lambda reading: reading[0] != "bytes"))
            found = _resolve(message, match, [(family, value * factor) for family, factor in unit], products)
        if found is not None:
            kept = [limit for limit in limits if limit.key != found[0].key]
            limits = [*kept, *found]
    return limits


def states_number(message: str) -> bool:
    """Whether the message states a number on a spec ('at least 16gb', 'spf 50'), in any kind's unit."""
    return bool(_STATED.search(message))


def names_spec(word: str) -> bool:
    """Whether a word names a spec, not a kind to shop for ('16gb [ram]' tagged as a category)."""
    return category_key(word) in _SPEC_WORDS


def _resolve(
    message: str, match: re.Match[str], readings: list[tuple[str, float]], products: Sequence[Product]
) -> list[SpecLimit] | None:
    stated = {
        key
        for product in products
        for key, value in product.attributes.items()
        if spec_number(value) is not None
    }
    for family, base in readings:
        named = _hinted(message, match, list(_KEYS.get(family) or {family: 1.0}))
        keys = [key for key in (named or _KEYS.get(family) or {family: 1.0}) if key in stated]
        if named and not keys:  # '8gb ram' of phones the catalog gives no RAM for: not their storage
            return None
        if not named and family == "bytes" and len(keys) > 1:  # '16gb' of a laptop: its RAM; '512gb': storage
            keys = [key for key in keys if (key == "ram_gb") == (base <= 64)] or keys
        elif not named and len(keys) > 1:  # a tripod's '1.5kg' is its weight, not what it holds
            keys = [key for key in keys if key not in _HINTS] or keys
        if not keys:
            continue
        key = keys[0]
        value = base * (_KEYS.get(family) or {key: 1.0})[key]
        kind = _kind(products, key)
        return _bounds(message, match, kind, key, value)
    return None


def _hinted(message: str, match: re.Match[str], keys: list[str]) -> list[str]:
    """The keys a word right after the number names ('16gb ram'), else right before it ('ram of 16gb'), else
    anywhere in the message."""
    after = message[match.end() : match.end() + _NEAR]
    before = message[max(0, match.start() - _NEAR) : match.start()]
    for text in (after, before, message):
        named = [key for key in keys if key in _HINTS and _HINTS[key].search(text)]
        if named:
            return named
    return []


def _bounds(message: str, match: re.Match[str], kind: str, key: str, value: float) -> list[SpecLimit]:
    before, after = message[: match.start()], message[match.end() :]
    if found := _MORE_BEFORE.search(before):
        return [SpecLimit(kind=kind, key=key, more=True, value=value, inclusive=bool(found.group(1)))]
    if found := _LESS_BEFORE.search(before):
        return [SpecLimit(kind=kind, key=key, more=False, value=value, inclusive=bool(found.group(1)))]
    if _MORE_AFTER.match(after) or (key == "spf" and match.group(0).endswith("+")):
        return [SpecLimit(kind=kind, key=key, more=True, value=value, inclusive=True)]
    if _LESS_AFTER.match(after):
        return [SpecLimit(kind=kind, key=key, more=False, value=value, inclusive=True)]
    if key in _AT_LEAST:
        return [SpecLimit(kind=kind, key=key, more=True, value=value, inclusive=True)]
    if key in _AT_MOST:
        return [SpecLimit(kind=kind, key=key, more=False, value=value, inclusive=True)]
    # a size said as it is ('a 14 inch laptop', 'a 1 litre bottle'): that size, as shops round it
    if key.endswith("_in"):  # '15 inch' is 15 to 15.9 ('15.6'); '6.1 inch' is 6.1
        low, high = (value, value + 1) if value.is_integer() else (value - 0.05, value + 0.05)
    else:
        low, high = value * 0.9, value * 1.1
    return [
        SpecLimit(kind=kind, key=key, more=True, value=round(low, 3), inclusive=True),
        SpecLimit(kind=kind, key=key, more=False, value=round(high, 3)),
    ]


def _kind(products: Sequence[Product], key: str) -> str:
    """The leaf kind most of the products stating `key` are of."""
    kinds = [
        leaf_role(product) for product in products if spec_number(product.attributes.get(key)) is not None
    ]
    return max(set(kinds), key=kinds.count)
