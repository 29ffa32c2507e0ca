from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest

from assistant.errors import InvalidInputError
from pricing.types import ShopperSignals
from pricing.wtp import PriceObservation, WillingnessToPay, WtpParameters
from tests.pricing.factories import draft, product

BUNDLE = draft(product("a", "80.00", "20.00"), product("b", "20.00", "5.00"), complementarity=0.5)


def test_wtp_moves_with_signals_and_complementarity() -> None:
    model = WillingnessToPay()
    typical = model.bundle_wtp(BUNDLE, ShopperSignals())
    assert typical == pytest.approx(100 * 1.05)
    assert model.bundle_wtp(BUNDLE, ShopperSignals(price_sensitivity=1.0)) < typical
    assert model.bundle_wtp(BUNDLE, ShopperSignals(budget_max=Decimal("50"))) < typical
    prices = np.array([50.0, 100.0, 150.0])
    probabilities = model.purchase_probability(BUNDLE, ShopperSignals(), prices)
    assert np.all(np.diff(probabilities) < 0) and np.all((probabilities > 0) & (probabilities < 1))


def test_category_tables_apply_to_ancestors() -> None:
    params = WtpParameters(category_anchor={"Electronics": 0.1}, category_dispersion={"Electronics": 2.0})
    model = WillingnessToPay(params)
    assert model.item_wtp(product("x", "10.00", None)) == pytest.approx(10 * np.exp(0.1))
    assert model.dispersion(BUNDLE) == pytest.approx(0.30)


def test_fit_recovers_known_parameters() -> None:
    truth = WillingnessToPay(
        WtpParameters(anchor=-0.1, dispersion=0.1, sensitivity_weight=0.8, budget_weight=0.0)
    )
    rng = np.random.default_rng(3)
    observations = []
    for _ in range(4000):
        shopper = ShopperSignals(price_sensitivity=float(rng.uniform()))
        price = float(rng.uniform(60, 120))
        chance = truth.purchase_probability(BUNDLE, shopper, np.array([price]))[0]
        observations.append(
            PriceObservation(BUNDLE, shopper, Decimal(repr(round(price, 2))), bool(rng.uniform() < chance))
        )
    fitted = WillingnessToPay().fit(observations).parameters
    assert fitted.anchor == pytest.approx(-0.1, abs=0.03)
    assert fitted.dispersion == pytest.approx(0.1, rel=0.15)
    assert fitted.sensitivity_weight == pytest.approx(0.8, abs=0.15)


def test_fit_needs_both_outcomes() -> None:
    same = [PriceObservation(BUNDLE, ShopperSignals(), Decimal("90"), True)] * 3
    with pytest.raises(InvalidInputError, match="accepted and declined"):
        WillingnessToPay().fit(same)


def test_fallback_share_is_estimated_from_declines() -> None:
    observations = [
        PriceObservation(BUNDLE, ShopperSignals(), Decimal("90"), False, fallback_margin=Decimal("15")),
        PriceObservation(BUNDLE, ShopperSignals(), Decimal("90"), False, fallback_margin=Decimal("0")),
        PriceObservation(BUNDLE, ShopperSignals(), Decimal("80"), True),
    ]
    fitted = WillingnessToPay().fit(observations).parameters
    assert fitted.fallback_share == pytest.approx(15 / 150)
