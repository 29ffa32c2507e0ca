"""Needs: what a shopper who names only a purpose ("stuff for my home office", "gaming setup") shops for.

A need maps to category phrases (see `roles`), most central first: the first the catalog carries is the
anchor, the rest are the roles the bundle may fill. Without it, such a request is a text search for the
purpose, and words like "home" or "office" pull in whatever shares them (a pillow and a coffee grinder for
a home office). Like the complement graph, the default map is curated for the demo catalog and a Python
literal, so `pricing/` reads no files; a shop passes its own.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from retrieval.text import category_key, word_family

NeedsMap = Mapping[str, tuple[str, ...]]

_DESK = ("laptop", "monitor", "keyboard", "mouse", "usb c hub", "lighting")
_WORKOUT = ("dumbbell", "yoga mat", "water bottle", "recovery")
_PHOTO = ("digital camera", "lens", "tripod", "memory card", "camera bag")
_COFFEE = ("coffee machine", "coffee grinder", "coffee bean capsule", "mug")
_POUR_OVER = ("mug", "coffee grinder", "coffee bean capsule")  # dripper and kettle are filed with the mugs
_TRAVEL = ("power bank", "earbud", "charger", "water bottle")
_FLIGHT = ("headphone", "power bank", "earbud", "charger")  # a long flight: quiet first

DEMO_NEEDS: NeedsMap = {
    "home office": _DESK,
    "office": _DESK,
    "work from home": _DESK,
    "wfh": _DESK,
    "remote work": _DESK,
    "desk setup": _DESK,
    "gaming": ("monitor", "headphone", "keyboard", "mouse"),
    "school": ("laptop", "headphone", "mouse", "laptop bag sleeve"),
    "study": ("laptop", "headphone", "mouse", "laptop bag sleeve"),
    "studying": ("laptop", "headphone", "mouse", "laptop bag sleeve"),
    "university": ("laptop", "headphone", "mouse", "laptop bag sleeve"),
    "college": ("laptop", "headphone", "mouse", "laptop bag sleeve"),
    "travel": _TRAVEL,
    "commute": ("earbud", "power bank", "water bottle"),
    "commuting": ("earbud", "power bank", "water bottle"),
    # the demo's lighting is desk and table lamps: a portable speaker goes camping, a monitor light bar not
    "camping": ("power bank", "water bottle", "speaker"),
    "hiking": ("shoe", "water bottle", "smartwatch", "power bank"),
    "gym": _WORKOUT,
    "workout": _WORKOUT,
    "working out": _WORKOUT,
    "home workout": _WORKOUT,
    "fitness": _WORKOUT,
    "yoga": ("yoga mat", "water bottle", "recovery"),
    "running": ("shoe", "smartwatch", "water bottle", "apparel"),
    "marathon": ("shoe", "smartwatch", "water bottle", "apparel"),
    "photography": _PHOTO,
    "vlogging": ("digital camera", "tripod", "memory card", "camera bag"),  # no video lights: not desk lamps
    "coffee": _COFFEE,
    "making coffee": _COFFEE,
    "espresso": _COFFEE,
    "pour over": _POUR_OVER,
    "pour over coffee": _POUR_OVER,
    "pourover": _POUR_OVER,
    "hand brew": _POUR_OVER,
    "cooking": ("cookware", "small appliance"),
    "baking": ("small appliance", "cookware"),
    "music": ("headphone", "speaker", "earbud"),
    "listening to music": ("headphone", "speaker", "earbud"),
    # last, so a more telling word wins a tie ("hiking trip" is hiking, "camping holiday" camping)
    "flight": _FLIGHT,
    "flying": _FLIGHT,
    "plane": _FLIGHT,
    "trip": _TRAVEL,
    "vacation": _TRAVEL,
    "holiday": _TRAVEL,
}


# What a purpose needs of a kind's numbers, at the least (kind -> spec key -> minimum): a laptop with 8 GB
# of RAM is no laptop for video editing, however cheap ("a laptop for video editing" had led with one).
# Curated for the demo catalog, like the needs; a shop passes its own.
NeedSpecs = Mapping[str, Mapping[str, Mapping[str, float]]]
_WORKSTATION = {"laptop": {"ram_gb": 16}}
DEMO_NEED_SPECS: NeedSpecs = {
    "video editing": _WORKSTATION,
    "editing video": _WORKSTATION,
    "photo editing": _WORKSTATION,
    "editing photo": _WORKSTATION,
    "programming": _WORKSTATION,
    "coding": _WORKSTATION,
    "software development": _WORKSTATION,
    "data science": _WORKSTATION,
    "gaming": {"laptop": {"ram_gb": 16}, "monitor": {"refresh_hz": 120}},
}


def spec_floors(use_case: str | None, kind: str, specs: NeedSpecs = DEMO_NEED_SPECS) -> dict[str, float]:
    """The minimum numbers the purpose `use_case` names needs of `kind` (a category phrase); {} for none."""
    need = need_named(use_case, specs)
    return dict(specs[need].get(category_key(kind), {})) if need is not None else {}


def categories_for_need(use_case: str | None, needs: NeedsMap = DEMO_NEEDS) -> tuple[str, ...]:
    """The categories of the need `use_case` names (`need_named`); () when it names none."""
    need = need_named(use_case, needs)
    return tuple(needs[need]) if need is not None else ()


def need_named(text: str | None, needs: Collection[str] = DEMO_NEEDS) -> str | None:
    """The longest need whose words occur in a row in `text` ('my home office setup' -> home office);
    None when none does. Words are compared case-folded and by word family, so a shopper's own form of the
    activity finds it ("a gift for my boyfriend who runs" -> running, "for a keen hiker" -> hiking,
    "working from home" -> work from home)."""
    if not text:
        return None
    words = _families(text)
    best: str | None = None
    best_length = 0
    for need in needs:
        need_words = _families(need)
        if len(need_words) > best_length and _contains(words, need_words):
            best, best_length = need, len(need_words)
    return best


def _families(text: str) -> list[str]:
    return [word_family(word) for word in category_key(text).split()]


def _contains(words: list[str], part: list[str]) -> bool:
    """True when `part` occurs in `words` as a run of consecutive words."""
    size = len(part)
    return any(words[start : start + size] == part for start in range(len(words) - size + 1))
