"""Bundle pricing: the discount that maximises expected profit within the shop's rules.

Rules, in order of precedence: the bundle never costs more than its items bought alone (mixed
bundling), never less than costs x (1 + min_margin) rounded up, never more than `max_discount` off,
and charm endings (.99) only ever lower a price. Within those, the price maximises
P(buy) x (price - costs) + (1 - P(buy)) x fallback margin, and stays within a stated budget when any
allowed price does. Floats are used to compare candidates only; every candidate is exact money.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

import numpy as np

from assistant.errors import InvalidInputError
from pricing.money import apply_price_ending, money_ceiling, to_money
from pricing.types import BundleDraft, PriceBreakdown, PricedBundle, ShopperSignals, tier_labels
from pricing.wtp import FloatArray, WillingnessToPay

if TYPE_CHECKING:
    from assistant.settings import PricingSettings

_RATE_PLACES = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class PricingPolicy:
    """The shop's pricing rules (defaults as in `PricingSettings`)."""

    min_margin: Decimal = Decimal("0.10")
    max_discount: Decimal = Decimal("0.25")
    price_ending: Decimal | None = Decimal("0.99")
    grid_size: int = 121  # candidate prices between the lowest allowed price and the list total

    @classmethod
    def from_settings(cls, section: PricingSettings) -> PricingPolicy:
        """The policy configured in the `pricing` settings section."""
        return cls(
            min_margin=section.min_margin,
            max_discount=section.max_discount,
            price_ending=section.price_ending,
        )


@dataclass(frozen=True, slots=True)
class PriceLadder:
    """The allowed bundle prices of one draft, independent of the shopper (computed once per draft)."""

    currency: str
    list_total: Decimal
    cost_total: Decimal | None
    margin_floor: Decimal | None
    lowest: Decimal  # max(margin floor, list total x (1 - max discount)), rounded up
    candidates: tuple[Decimal, ...]  # ascending, the list total last; one candidate means no discount
    reasons: tuple[str, ...]  # why no discount is possible, when that is the case


class BundlePricer:
    """Prices bundle drafts for a shopper with a willingness-to-pay model and the shop's rules."""

    def __init__(self, *, policy: PricingPolicy | None = None, wtp: WillingnessToPay | None = None) -> None:
        self.policy = policy or PricingPolicy()
        self.wtp = wtp or WillingnessToPay()

    def price(self, draft: BundleDraft, shopper: ShopperSignals | None = None) -> PricedBundle:
        """The profit-maximising allowed price of `draft` for `shopper`, with its full breakdown."""
        return self.price_many(draft, [shopper or ShopperSignals()])[0]

    def price_offers(
        self, drafts: Sequence[BundleDraft], shopper: ShopperSignals
    ) -> tuple[PricedBundle, ...]:
        """Each of a turn's alternatives priced for `shopper`, cheapest price shown first and labelled by
        it: discounts can reorder what list totals ordered, and a "premium" bundle shown cheaper than the
        "balanced" one misleads."""
        priced = sorted(
            (self.price(draft, shopper) for draft in drafts),
            key=lambda offer: (offer.bundle_price, offer.draft.list_total),
        )
        labels = tier_labels(len(priced)) if len(drafts) > 1 else [draft.label for draft in drafts]
        return tuple(
            offer if offer.draft.label == label else replace(offer, draft=replace(offer.draft, label=label))
            for offer, label in zip(priced, labels, strict=True)
        )

    def price_many(self, draft: BundleDraft, shoppers: Sequence[ShopperSignals]) -> list[PricedBundle]:
        """`price` for many shoppers of one draft (the price ladder is built once)."""
        ladder = self.ladder(draft)
        checked = [_checked(shopper) for shopper in shoppers]
        prices = np.array([float(p) for p in ladder.candidates])
        probabilities = self.wtp.purchase_probabilities(draft, checked, prices)
        return [
            self._price_on(ladder, draft, shopper, row)
            for shopper, row in zip(checked, probabilities, strict=True)
        ]

    def ladder(self, draft: BundleDraft) -> PriceLadder:
        """The candidate prices the rules allow for `draft`; InvalidInputError for an unpriceable draft."""
        currency = _single_currency(draft)
        policy = self.policy
        list_total = to_money(draft.list_total, currency)
        costs = [product.cost for product in draft.products]
        cost_total = None if None in costs else sum((c for c in costs if c is not None), Decimal(0))
        floor = None if cost_total is None else money_ceiling(cost_total * (1 + policy.min_margin), currency)
        by_cap = money_ceiling(list_total * (1 - policy.max_discount), currency)
        lowest = max(by_cap, floor) if floor is not None else list_total
        reason = _no_discount_reason(draft, cost_total, floor, list_total, policy)
        if reason is not None:
            return PriceLadder(currency, list_total, cost_total, floor, list_total, (list_total,), (reason,))
        return PriceLadder(
            currency,
            list_total,
            cost_total,
            floor,
            lowest,
            self._candidates(lowest, list_total, currency),
            (),
        )

    def _candidates(self, lowest: Decimal, list_total: Decimal, currency: str) -> tuple[Decimal, ...]:
        steps = max(self.policy.grid_size - 1, 1)
        span = list_total - lowest
        prices = {list_total, lowest}
        for step in range(steps):
            raw = to_money(lowest + span * step / steps, currency, ROUND_FLOOR)
            prices.add(apply_price_ending(raw, self.policy.price_ending, currency, floor=lowest))
        return tuple(sorted(prices))

    def _price_on(
        self, ladder: PriceLadder, draft: BundleDraft, shopper: ShopperSignals, probability: FloatArray
    ) -> PricedBundle:
        prices = np.array([float(p) for p in ladder.candidates])
        reasons = list(ladder.reasons)
        if len(ladder.candidates) == 1:
            return _priced(draft, ladder, 0, probability, reasons)
        cost = float(ladder.cost_total or 0)
        fallback = self.wtp.parameters.fallback_share * max(float(ladder.list_total) - cost, 0.0)
        profit: FloatArray = probability * (prices - cost) + (1.0 - probability) * fallback
        allowed = _within_budget(ladder, shopper, reasons)
        profit = np.where(allowed, profit, -np.inf)
        best = int(np.flatnonzero(profit >= profit.max() - 1e-9)[-1])  # ties: the smaller discount
        reasons.extend(self._why(ladder, ladder.candidates[best]))
        return _priced(draft, ladder, best, probability, reasons)

    def _why(self, ladder: PriceLadder, price: Decimal) -> list[str]:
        policy = self.policy
        if price == ladder.list_total:
            return ["no discount: the list total earns the most"]
        reasons = []
        if price == ladder.margin_floor:
            reasons.append("margin floor")
        elif price == ladder.lowest:
            reasons.append(f"capped at {_percent(policy.max_discount)}")
        ending = policy.price_ending
        if ending is not None and price - price.to_integral_value(rounding=ROUND_FLOOR) == ending:
            reasons.append(f"price ending {ending}")
        return [*reasons, "profit-maximising discount"]


def _checked(shopper: ShopperSignals) -> ShopperSignals:
    """`shopper` if its signals are usable; InvalidInputError naming the bad field otherwise."""
    for name in ("budget_max", "budget_min"):
        value = getattr(shopper, name)
        if value is not None and (not Decimal(value).is_finite() or value < 0):
            raise InvalidInputError(f"{name}: must be a non-negative number, got {value}")
    sensitivity = shopper.price_sensitivity
    if not (0.0 <= sensitivity <= 1.0):  # also false for NaN
        raise InvalidInputError(f"price_sensitivity: must be between 0 and 1, got {sensitivity}")
    return shopper


def _single_currency(draft: BundleDraft) -> str:
    if not draft.items:
        raise InvalidInputError("draft: a bundle needs at least one item")
    currencies = sorted({product.currency for product in draft.products})
    if len(currencies) > 1:
        raise InvalidInputError(f"currency: a bundle cannot mix currencies ({', '.join(currencies)})")
    return currencies[0]


def _no_discount_reason(
    draft: BundleDraft,
    cost_total: Decimal | None,
    floor: Decimal | None,
    list_total: Decimal,
    policy: PricingPolicy,
) -> str | None:
    if len(draft.items) == 1:
        return "single item: no bundle discount"
    if cost_total is None:
        return "no cost known: no discount"
    if floor is not None and floor >= list_total:
        return "margin floor at or above the list total: no discount"
    if policy.max_discount <= 0:
        return "discounts disabled: no discount"
    return None


def _within_budget(ladder: PriceLadder, shopper: ShopperSignals, reasons: list[str]) -> FloatArray:
    """Which candidates respect the stated budget; all of them when none does (the reason says so)."""
    budget = shopper.budget_max
    everything: FloatArray = np.ones(len(ladder.candidates), dtype=bool)
    if budget is None or ladder.list_total <= budget:
        return everything
    within: FloatArray = np.array([price <= budget for price in ladder.candidates])
    if within.any():
        reasons.append(f"within budget {budget}")
        return within
    reasons.append(f"over budget: no allowed price reaches {budget}")
    return everything


def _priced(
    draft: BundleDraft, ladder: PriceLadder, index: int, probability: FloatArray, reasons: list[str]
) -> PricedBundle:
    price = ladder.candidates[index]
    savings = ladder.list_total - price
    rate = (savings / ladder.list_total).quantize(_RATE_PLACES) if ladder.list_total > 0 else Decimal(0)
    chance = float(probability[index])
    margin = None if ladder.cost_total is None else price - ladder.cost_total
    expected = None if margin is None else to_money(Decimal(repr(chance)) * margin, ladder.currency)
    breakdown = PriceBreakdown(
        list_total=ladder.list_total,
        bundle_price=price,
        savings=savings,
        discount_rate=rate,
        cost_total=ladder.cost_total,
        margin_floor=ladder.margin_floor,
        margin=margin,
        expected_profit=expected,
        purchase_probability=chance,
        currency=ladder.currency,
        reasons=tuple(reasons),
    )
    return PricedBundle(draft=draft, breakdown=breakdown)


def _percent(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"
