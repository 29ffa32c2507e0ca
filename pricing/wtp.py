"""Willingness to pay: what a shopper would pay for a bundle, and how likely they buy at a price.

Each item's WTP is anchored on its list price (shifted per category when known); the bundle's WTP is
their sum raised by complementarity, moved by the shopper's price sensitivity and pulled towards a
stated budget. Purchase probability is logistic in the relative gap (1 - price / WTP), so one
dispersion parameter serves a $3 cable and a $900 phone. Floats are used here only: prices that leave
`pricing/` are rounded in `pricing.money`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize

from assistant.errors import InvalidInputError
from pricing.types import BundleDraft, ShopperSignals
from retrieval.catalog.schema import Product

FloatArray = NDArray[np.float64]

_MIN_BUDGET_SHARE = 1e-3  # a budget of 0 means "almost nothing", not log(0)


@dataclass(frozen=True, slots=True)
class WtpParameters:
    """The model's parameters; defaults are a cautious prior used until `fit` has seen outcomes.

    Attributes:
        anchor: log WTP of a typical shopper relative to list price (0: list price is the median WTP).
        dispersion: logistic scale of (1 - price / WTP); 0.15 means a 15% price change moves the
            log-odds of buying by about one.
        complement_gamma: bundle WTP = sum of item WTPs x (1 + gamma x complementarity).
        sensitivity_weight: log WTP shift per unit of (0.5 - price_sensitivity): a shopper who asked
            for cheaper options (sensitivity 1) values the bundle exp(-0.5 x weight) times less.
        budget_weight: pull of log WTP towards a stated budget_max (0 ignores it, 1 takes it as the WTP).
        fallback_share: share of the items' standalone margin a shopper who declines the bundle still
            brings by buying items alone (mixed bundling); the bundle must beat that, not zero.
        category_anchor: extra log WTP per category path (or an ancestor of it), e.g. premium categories.
        category_dispersion: multiplier of `dispersion` per category path (or ancestor).
    """

    anchor: float = 0.0
    dispersion: float = 0.15
    complement_gamma: float = 0.10
    sensitivity_weight: float = 0.30
    budget_weight: float = 0.50
    fallback_share: float = 0.0
    category_anchor: Mapping[str, float] = field(default_factory=dict)
    category_dispersion: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PriceObservation:
    """One observed offer: the bundle, what the conversation revealed, the price offered and the outcome.

    `fallback_margin` is the margin the shop still earned from items bought alone after a decline
    (None when unknown); it lets `fit` estimate `fallback_share`.
    """

    draft: BundleDraft
    shopper: ShopperSignals
    offered_price: Decimal
    accepted: bool
    fallback_margin: Decimal | None = None


def _category_value(product: Product, table: Mapping[str, float], default: float) -> float:
    """The most specific entry of `table` for the product's category path (full path, then ancestors)."""
    path = product.category_path
    for depth in range(len(path), 0, -1):
        key = " > ".join(path[:depth])
        if key in table:
            return table[key]
    return default


@dataclass(frozen=True, slots=True)
class _Features:
    """Per-observation inputs of the likelihood that do not depend on the parameters."""

    log_anchored_list: FloatArray  # log sum(list price x exp(category anchor))
    complementarity: FloatArray
    sensitivity_gap: FloatArray  # 0.5 - price_sensitivity
    has_budget: FloatArray  # 1.0 where a budget_max was stated
    log_budget: FloatArray  # log budget_max (0 where absent)
    dispersion_factor: FloatArray  # price-weighted category dispersion multiplier
    price: FloatArray


class WillingnessToPay:
    """Bundle WTP and purchase probability for a shopper; `fit` re-estimates it from outcomes."""

    def __init__(self, parameters: WtpParameters | None = None) -> None:
        self.parameters = parameters or WtpParameters()

    def item_wtp(self, product: Product) -> float:
        """A typical shopper's WTP for one item: its list price shifted by the (category) anchor."""
        params = self.parameters
        shift = params.anchor + _category_value(product, params.category_anchor, 0.0)
        return float(product.price) * math.exp(shift)

    def bundle_wtp(self, draft: BundleDraft, shopper: ShopperSignals) -> float:
        """This shopper's WTP for the whole bundle (same currency as its prices)."""
        return float(self.bundle_wtps(draft, [shopper])[0])

    def bundle_wtps(self, draft: BundleDraft, shoppers: Sequence[ShopperSignals]) -> FloatArray:
        """`bundle_wtp` for many shoppers of one draft at once."""
        features = self._features([(draft, shopper, Decimal(0)) for shopper in shoppers])
        return _log_wtp(features, self._vector(self.parameters))

    def dispersion(self, draft: BundleDraft) -> float:
        """The logistic scale for this bundle: the pooled dispersion x its categories' multipliers."""
        return self.parameters.dispersion * _dispersion_factor(draft, self.parameters)

    def purchase_probability(
        self, draft: BundleDraft, shopper: ShopperSignals, prices: FloatArray
    ) -> FloatArray:
        """P(the shopper buys the bundle) at each of `prices`."""
        row: FloatArray = self.purchase_probabilities(draft, [shopper], prices)[0]
        return row

    def purchase_probabilities(
        self, draft: BundleDraft, shoppers: Sequence[ShopperSignals], prices: FloatArray
    ) -> FloatArray:
        """P(buy) for each shopper (rows) at each of `prices` (columns)."""
        wtp = np.maximum(self.bundle_wtps(draft, shoppers), 1e-12)
        gap = (1.0 - np.asarray(prices, dtype=np.float64)[None, :] / wtp[:, None]) / self.dispersion(draft)
        return _sigmoid(gap)

    def fit(self, observations: Sequence[PriceObservation]) -> WillingnessToPay:
        """A new model whose pooled parameters maximise the likelihood of the observed outcomes.

        Category tables are kept as given (they scale the pooled anchor and dispersion). Raises
        InvalidInputError when the outcomes cannot identify a price response (all accepted or all declined).
        """
        accepted = np.array([obs.accepted for obs in observations], dtype=np.float64)
        if accepted.size == 0 or accepted.min() == accepted.max():
            raise InvalidInputError("observations: need both accepted and declined offers to fit WTP")
        features = self._features([(obs.draft, obs.shopper, obs.offered_price) for obs in observations])
        start = self._vector(self.parameters)
        result = minimize(
            _negative_log_likelihood,
            start,
            args=(features, accepted),
            method="L-BFGS-B",
            bounds=[(-2.0, 2.0), (math.log(0.01), math.log(2.0)), (-0.5, 2.0), (-3.0, 3.0), (0.0, 1.0)],
        )
        anchor, log_dispersion, gamma, sensitivity, budget = (float(x) for x in result.x)
        fitted = replace(
            self.parameters,
            anchor=anchor,
            dispersion=math.exp(log_dispersion),
            complement_gamma=gamma,
            sensitivity_weight=sensitivity,
            budget_weight=budget,
            fallback_share=_fallback_share(observations, self.parameters.fallback_share),
        )
        return WillingnessToPay(fitted)

    def _features(self, rows: Sequence[tuple[BundleDraft, ShopperSignals, Decimal]]) -> _Features:
        anchored: dict[int, tuple[float, float]] = {}  # id(draft) -> (log anchored list, dispersion factor)
        columns: list[list[float]] = [[] for _ in range(7)]
        for draft, shopper, price in rows:
            key = id(draft)
            if key not in anchored:
                total = sum(
                    float(p.price) * math.exp(_category_value(p, self.parameters.category_anchor, 0.0))
                    for p in draft.products
                )
                anchored[key] = (math.log(max(total, 1e-12)), _dispersion_factor(draft, self.parameters))
            log_list, factor = anchored[key]
            budget = shopper.budget_max
            floor_budget = _MIN_BUDGET_SHARE * math.exp(log_list)
            values = (
                log_list,
                draft.complementarity,
                0.5 - shopper.price_sensitivity,
                0.0 if budget is None else 1.0,
                0.0 if budget is None else math.log(max(float(budget), floor_budget, 1e-12)),
                factor,
                float(price),
            )
            for column, value in zip(columns, values, strict=True):
                column.append(value)
        arrays = [np.asarray(column, dtype=np.float64) for column in columns]
        return _Features(*arrays)

    @staticmethod
    def _vector(params: WtpParameters) -> FloatArray:
        return np.array(
            [
                params.anchor,
                math.log(params.dispersion),
                params.complement_gamma,
                params.sensitivity_weight,
                params.budget_weight,
            ]
        )


def _log_wtp(features: _Features, theta: FloatArray) -> FloatArray:
    """Bundle WTP (in money, not log) for each row of `features`."""
    anchor, _, gamma, sensitivity, budget = theta
    own = (
        features.log_anchored_list
        + anchor
        + np.log1p(np.maximum(gamma * features.complementarity, -0.9))
        + sensitivity * features.sensitivity_gap
    )
    pull = budget * features.has_budget
    result: FloatArray = np.exp((1.0 - pull) * own + pull * features.log_budget)
    return result


def _negative_log_likelihood(theta: FloatArray, features: _Features, accepted: FloatArray) -> float:
    wtp = _log_wtp(features, theta)
    scale = math.exp(theta[1]) * features.dispersion_factor
    gap = (1.0 - features.price / np.maximum(wtp, 1e-12)) / scale
    # log sigmoid(x) = -logaddexp(0, -x): stable for large |x|
    return float(np.sum(accepted * np.logaddexp(0.0, -gap) + (1.0 - accepted) * np.logaddexp(0.0, gap)))


def _sigmoid(x: FloatArray) -> FloatArray:
    result: FloatArray = np.exp(-np.logaddexp(0.0, -x))
    return result


def _dispersion_factor(draft: BundleDraft, params: WtpParameters) -> float:
    """Price-weighted mean of the items' category dispersion multipliers (1 when none is configured)."""
    if not params.category_dispersion:
        return 1.0
    weights = [float(p.price) for p in draft.products]
    factors = [_category_value(p, params.category_dispersion, 1.0) for p in draft.products]
    total = sum(weights)
    if total <= 0:
        return sum(factors) / len(factors)
    return sum(w * f for w, f in zip(weights, factors, strict=True)) / total


def _fallback_share(observations: Sequence[PriceObservation], default: float) -> float:
    """Observed margin from items bought alone after a decline, as a share of their standalone margin."""
    earned = 0.0
    possible = 0.0
    for obs in observations:
        if obs.accepted or obs.fallback_margin is None:
            continue
        costs = [p.cost for p in obs.draft.products]
        if any(cost is None for cost in costs):
            continue
        margin = float(obs.draft.list_total - sum((c for c in costs if c is not None), Decimal(0)))
        if margin > 0:
            earned += float(obs.fallback_margin)
            possible += margin
    return min(max(earned / possible, 0.0), 1.0) if possible > 0 else default
