"""Scripted conversations (DESIGN.md format): load, validate, and check each turn's expectations.

A script is YAML with `name`, optional `catalog` (`demo` or a path) and `locale`, and `turns` of
`{user, expect}`. An unknown key anywhere is an error, never a silent pass. Beyond DESIGN.md's keys,
`every_bundle` takes `excludes_category` (no item's category path holds the text) and `excludes_title`
(no item's title does: "Pro Max" when the case must fit an iPhone 16 Pro); nothing is renamed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import InvalidInputError

SCRIPT_KEYS = frozenset({"name", "catalog", "locale", "turns", "description"})
TURN_KEYS = frozenset({"user", "expect"})
EXPECT_KEYS = frozenset(
    {
        "intent",
        "slots",
        "bundles",
        "every_bundle",
        "reply_contains",
        "reply_not_contains",
        "status",
        "error_type",
    }
)
BUNDLES_KEYS = frozenset({"min", "max"})
EVERY_BUNDLE_KEYS = frozenset(
    {
        "max_price",
        "min_price",
        "includes_category",
        "excludes_category",
        "excludes_title",
        "excludes_brand",
        "includes_brand",
        "currency",
        "price_below_previous",
        "explanation_faithful",
    }
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True, slots=True)
class ScriptTurn:
    """One shopper message and what its answer must satisfy."""

    user: Any  # usually text; other types are sent as they are (bad-input scripts)
    expect: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Script:
    """A whole scripted conversation."""

    name: str
    catalog: str
    locale: str | None
    turns: tuple[ScriptTurn, ...]
    path: Path | None = None


@dataclass(frozen=True, slots=True)
class TurnOutcome:
    """What the assistant answered: a status, and the `/v1/chat` JSON body (or a problem body)."""

    status: int
    body: Mapping[str, Any]


@dataclass
class ScriptReport:
    """Per-turn failures of one run; a turn passes when it has none."""

    name: str
    failures: dict[int, list[str]] = field(default_factory=dict)
    turns: int = 0

    @property
    def passed(self) -> int:
        return self.turns - len(self.failures)

    @property
    def failed(self) -> int:
        return len(self.failures)


def load_script(path: Path) -> Script:
    """Parse and validate a script file; `InvalidInputError` names the file and the bad key."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise InvalidInputError(f"{path}: not a readable YAML script: {error}") from error
    return parse_script(raw, source=str(path), path=path)


def parse_script(raw: Any, *, source: str = "<script>", path: Path | None = None) -> Script:
    """Validate a loaded script object."""
    if not isinstance(raw, dict):
        raise InvalidInputError(f"{source}: a script is a mapping with name and turns")
    _known(raw, SCRIPT_KEYS, source)
    turns = raw.get("turns")
    if not isinstance(turns, list) or not turns:
        raise InvalidInputError(f"{source}: 'turns' must be a non-empty list")
    parsed = []
    for number, turn in enumerate(turns, start=1):
        where = f"{source} turn {number}"
        if not isinstance(turn, dict) or "user" not in turn:
            raise InvalidInputError(f"{where}: each turn needs 'user'")
        _known(turn, TURN_KEYS, where)
        expect = turn.get("expect") or {}
        if not isinstance(expect, dict):
            raise InvalidInputError(f"{where}: 'expect' must be a mapping")
        _known(expect, EXPECT_KEYS, f"{where} expect")
        for key, allowed in (("bundles", BUNDLES_KEYS), ("every_bundle", EVERY_BUNDLE_KEYS)):
            if key in expect:
                if not isinstance(expect[key], dict):
                    raise InvalidInputError(f"{where} expect.{key}: must be a mapping")
                _known(expect[key], allowed, f"{where} expect.{key}")
        parsed.append(ScriptTurn(turn["user"], expect))
    return Script(
        name=str(raw.get("name") or (path.stem if path else "script")),
        catalog=str(raw.get("catalog") or "demo"),
        locale=raw.get("locale"),
        turns=tuple(parsed),
        path=path,
    )


def check_turn(
    expect: Mapping[str, Any], outcome: TurnOutcome, previous: Sequence[Mapping[str, Any]]
) -> list[str]:
    """Failures of one answer against its expectations (empty when it passes).

    `previous` is the bundles of the last turn that showed some (for `price_below_previous`).
    """
    failures: list[str] = []
    body = outcome.body
    wanted_status = expect.get("status", 200)
    if outcome.status != wanted_status:
        failures.append(f"status {outcome.status}, expected {wanted_status}: {body.get('detail', '')}")
    if "error_type" in expect and body.get("type") != expect["error_type"]:
        failures.append(f"error type {body.get('type')!r}, expected {expect['error_type']!r}")
    if outcome.status != 200:
        return failures
    intent = body.get("intent", {})
    if "intent" in expect and intent.get("name") != expect["intent"]:
        failures.append(f"intent {intent.get('name')!r}, expected {expect['intent']!r}")
    if "slots" in expect:
        failures += _check_slots(expect["slots"], intent.get("slots", {}))
    bundles = list(body.get("bundles", []))
    limits = expect.get("bundles", {})
    if "min" in limits and len(bundles) < int(limits["min"]):
        failures.append(f"{len(bundles)} bundles, expected at least {limits['min']}")
    if "max" in limits and len(bundles) > int(limits["max"]):
        failures.append(f"{len(bundles)} bundles, expected at most {limits['max']}")
    for rule, value in expect.get("every_bundle", {}).items():
        for index, bundle in enumerate(bundles, start=1):
            problem = _check_bundle(rule, value, bundle, previous)
            if problem:
                failures.append(f"bundle {index}: {problem}")
    reply = str(body.get("reply", ""))
    for text in _as_list(expect.get("reply_contains")):
        if str(text).lower() not in reply.lower():
            failures.append(f"reply lacks {text!r}: {reply!r}")
    for text in _as_list(expect.get("reply_not_contains")):
        if str(text).lower() in reply.lower():
            failures.append(f"reply contains {text!r}: {reply!r}")
    return failures


def _check_slots(expected: Mapping[str, Any], actual: Mapping[str, Any]) -> list[str]:
    """Subset match, case-insensitive; a list slot matches when it contains the expected values."""
    failures = []
    for name, want in expected.items():
        have = actual.get(name)
        if isinstance(want, dict):
            have_map = {str(k).lower(): str(v).lower() for k, v in (have or {}).items()}
            for key, value in want.items():
                if have_map.get(str(key).lower()) != str(value).lower():
                    failures.append(
                        f"slot {name}.{key} is {have_map.get(str(key).lower())!r}, expected {value!r}"
                    )
        elif isinstance(have, list):
            have_set = {str(v).lower() for v in have}
            missing = [v for v in _as_list(want) if str(v).lower() not in have_set]
            if missing:
                failures.append(f"slot {name} is {have!r}, expected it to contain {missing!r}")
        elif not _same(want, have):
            failures.append(f"slot {name} is {have!r}, expected {want!r}")
    return failures


def _check_bundle(
    rule: str, value: Any, bundle: Mapping[str, Any], previous: Sequence[Mapping[str, Any]]
) -> str | None:
    price = Decimal(str(bundle["bundle_price"]))
    items = bundle.get("items", [])
    if rule == "max_price" and price > _decimal(value):
        return f"price {price} above {value}"
    if rule == "min_price" and price < _decimal(value):
        return f"price {price} below {value}"
    if rule == "currency" and bundle.get("currency") != value:
        return f"currency {bundle.get('currency')}, expected {value}"
    if rule == "includes_category":
        for text in _as_list(value):
            needle = str(text).lower()
            if not any(needle in f"{i.get('category') or ''} {i.get('title', '')}".lower() for i in items):
                return f"no item in category {text!r}"
    if rule == "excludes_category":  # the category path only: a case's title names the phone it fits
        for text in _as_list(value):
            hits = [i["title"] for i in items if str(text).lower() in str(i.get("category") or "").lower()]
            if hits:
                return f"items in excluded category {text!r}: {hits}"
    if rule == "excludes_title":  # "Pro Max" for a case that must fit the iPhone 16 Pro
        for text in _as_list(value):
            hits = [i["title"] for i in items if str(text).lower() in str(i.get("title", "")).lower()]
            if hits:
                return f"items titled with excluded {text!r}: {hits}"
    if rule == "excludes_brand":
        banned = {str(b).lower() for b in _as_list(value)}
        hits = [i["title"] for i in items if str(i.get("brand") or "").lower() in banned]
        if hits:
            return f"items from excluded brands: {hits}"
    if rule == "includes_brand":
        wanted = {str(b).lower() for b in _as_list(value)}
        if not any(str(i.get("brand") or "").lower() in wanted for i in items):
            return f"no item from {sorted(wanted)}"
    if rule == "price_below_previous" and value and previous:
        cheapest = min(Decimal(str(b["bundle_price"])) for b in previous)
        if price >= cheapest:
            return f"price {price} not below the previous cheapest {cheapest}"
    if rule == "explanation_faithful" and value:
        return _unfaithful(bundle)
    return None


def _unfaithful(bundle: Mapping[str, Any]) -> str | None:
    """Every number in the explanation must be one of the bundle's figures (prices, savings, item
    prices) or a number that appears in an item title (e.g. '128GB', '30W')."""
    text = str(bundle.get("explanation", ""))
    if not text.strip():
        return "empty explanation"
    allowed = {_canonical(str(bundle[key])) for key in ("list_price", "bundle_price", "savings")}
    allowed |= {_canonical(str(item["unit_price"])) for item in bundle.get("items", [])}
    titles = " ".join(str(item.get("title", "")) for item in bundle.get("items", []))
    allowed |= {_canonical(number) for number in _NUMBER.findall(titles)}
    strange = [n for n in _NUMBER.findall(text) if _canonical(n) not in allowed]
    return f"explanation states numbers not in the facts: {strange}" if strange else None


def _canonical(number: str) -> str:
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return number
    return (
        str(value.normalize()) if value == value.to_integral_value() else str(value.quantize(Decimal("0.01")))
    )


def _same(want: Any, have: Any) -> bool:
    if isinstance(want, (int, float, Decimal)) and not isinstance(want, bool):
        try:
            return Decimal(str(have)) == Decimal(str(want))
        except (InvalidOperation, ValueError):
            return False
    return str(want).lower() == str(have).lower()


def _decimal(value: Any) -> Decimal:
    return Decimal(str(value))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _known(mapping: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(map(str, mapping)) - allowed)
    if unknown:
        raise InvalidInputError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")
