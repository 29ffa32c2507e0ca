"""(facts -> explanation) pairs in placeholder form, composed from hand-written phrase banks.

Each explanation is two or three sentences: what each item covers for the shopper's need, why the items
belong together (or why it is a gift, or why it is worth more than the cheaper bundle), and what the
shopper pays or saves. Every phrase was written and read by hand; every pair must pass the checker,
so the model learns only statements the facts support.
"""

from __future__ import annotations

import random

from assistant.explain.facts import ExplanationFacts, ItemFact

_INJECTION_MARKERS = ("ignore", "say ", "tell me", "forget", "write the")

_OPENERS_NEED = [
    "For {need}, {a1} is the core of this set, and {rest}.",
    "{A1} is the main pick for {need}, while {rest}.",
    "This bundle is built around {a1} for {need}; {rest}.",
    "{A1} covers the main job of {need}, and {rest}.",
    "If {need} is the goal, {a1} does the heavy lifting and {rest}.",
    "{A1} handles {need}, and {rest}.",
]
_OPENERS_PLAIN = [
    "{A1} is the centre of this set, and {rest}.",
    "This bundle starts with {a1}, and {rest}.",
    "{A1} is the main piece here, while {rest}.",
    "Everything here is built around {a1}; {rest}.",
    "{A1} anchors the set, and {rest}.",
]
_REST_ONE = [
    "{item} adds the {role} that goes with it",
    "{item} brings the {role}",
    "{item} takes care of the {role}",
    "{item} covers the {role}",
    "{item} fills in as the {role}",
]
_REST_TWO = [
    "{i2} adds the {r2} and {i3} covers the {r3}",
    "{i2} brings the {r2} and {i3} rounds it out as the {r3}",
    "{i2} takes care of the {r2}, with {i3} as the {r3}",
    "{i2} and {i3} supply the {r2} and the {r3}",
]
_TOGETHER = [
    "Each piece does a different job, so they complement each other instead of overlapping.",
    "They are meant to be used together, so nothing is missing when you start.",
    "Buying them as one set means the pieces are chosen to fit each other.",
    "The items work as a team, each covering a part the others do not.",
    "As a whole they make a complete setup rather than a single purchase.",
    "They are picked to match, so you can use them side by side from day one.",
]
_GIFT_RECIPIENT = [
    "It makes a well-rounded gift for your {recipient}.",
    "As a gift for your {recipient}, it covers more than a single item would.",
    "Your {recipient} gets a complete set instead of one lonely item.",
    "It is an easy, thoughtful gift for your {recipient}.",
]
_GIFT_OCCASION = [
    "It makes a complete {occasion} gift.",
    "For {occasion}, it is a gift that feels complete.",
    "It is a ready-made gift for {occasion}.",
]
_GIFT_BOTH = [
    "It makes a well-rounded {occasion} gift for your {recipient}.",
    "For {occasion}, your {recipient} gets a complete set rather than a single item.",
    "It is a thoughtful {occasion} gift for your {recipient}.",
]
_WHY_NOT_CHEAPER = [
    "It costs more than the cheaper bundle because {a1} is the stronger {r1}.",
    "The cheaper bundle is there if price comes first, but this one gives you a better {r1}.",
    "Compared with the cheaper bundle, the extra goes into a stronger {r1}, which is where it matters most.",
    "It is pricier than the cheaper option, and the difference buys a better {r1}.",
]
_PRICE_SAVING = [
    "Together they cost {bundle_price} instead of {list_price}, so you save {savings}.",
    "As a set you pay {bundle_price} rather than {list_price}, keeping {savings} in your pocket.",
    "The bundle price is {bundle_price}, which is {savings} less than the items' total of {list_price}.",
    "You pay {bundle_price} for the set instead of {list_price}, a saving of {savings}.",
    "Bought together, the set costs {bundle_price} against {list_price} separately, saving you {savings}.",
]
_PRICE_NOTABLE = [
    "The set comes to {bundle_price} instead of {list_price}, a real saving of {savings}.",
    "Buying them together saves a solid {savings}: {bundle_price} instead of {list_price}.",
]
_PRICE_NONE = [
    "The set costs {bundle_price}, the same as buying each item on its own.",
    "You pay {bundle_price} for everything, with each item at its regular price.",
    "Together they come to {bundle_price}, and each item keeps its usual price.",
    "The total is {bundle_price}, exactly what the items cost separately.",
]


def compose_explanation(facts: ExplanationFacts, rng: random.Random) -> str:
    """One explanation of `facts` in placeholder form (the training target)."""
    items = facts.items
    first, *others = items
    need = facts.need.use_case
    if need and any(marker in need.lower() for marker in _INJECTION_MARKERS):
        need = None  # the shopper's instruction is not a need: explain without it
    opener = rng.choice(_OPENERS_NEED if need else _OPENERS_PLAIN)
    sentences = [_fill_opener(opener, first, others, need, rng)]
    middle = _middle_sentence(facts, first, rng)
    if middle:
        sentences.append(middle)
    sentences.append(_price_sentence(facts, rng))
    return " ".join(sentences)


def _fill_opener(
    opener: str, first: ItemFact, others: list[ItemFact], need: str | None, rng: random.Random
) -> str:
    if len(others) == 1:
        rest = rng.choice(_REST_ONE).format(item=_ref(others[0]), role=others[0].role)
    else:
        second, third = others[0], others[1]
        rest = rng.choice(_REST_TWO).format(i2=_ref(second), r2=second.role, i3=_ref(third), r3=third.role)
    return opener.format(a1=_ref(first), A1=_ref(first), need=need, rest=rest)


def _middle_sentence(facts: ExplanationFacts, first: ItemFact, rng: random.Random) -> str | None:
    need = facts.need
    if need.recipient and need.occasion:
        return rng.choice(_GIFT_BOTH).format(recipient=need.recipient, occasion=need.occasion)
    if need.recipient:
        return rng.choice(_GIFT_RECIPIENT).format(recipient=need.recipient)
    if need.occasion:
        return rng.choice(_GIFT_OCCASION).format(occasion=need.occasion)
    if facts.has_cheaper_alternative:
        return rng.choice(_WHY_NOT_CHEAPER).format(a1=_ref(first), r1=first.role)
    return rng.choice(_TOGETHER) if rng.random() < 0.6 else None


def _price_sentence(facts: ExplanationFacts, rng: random.Random) -> str:
    if facts.saving_size == "notable" and rng.random() < 0.5:
        return rng.choice(_PRICE_NOTABLE)
    return rng.choice(_PRICE_SAVING if facts.has_savings else _PRICE_NONE)


def _ref(item: ItemFact) -> str:
    return f"{{item:{item.index}}}"
