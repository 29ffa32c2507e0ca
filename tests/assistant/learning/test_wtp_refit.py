"""Refit WTP from accept/decline outcomes logged through the API; held-out fit improves on the prior."""

from __future__ import annotations

from pathlib import Path

from assistant.experiments.traffic import run_traffic
from assistant.learning.wtp_refit import load_offers, refit_report
from pricing.simulation.market import MarketConfig
from pricing.simulation.shoppers import QuoteShoppers
from tests.assistant.experiments.conftest import CONTROL, NO_DISCOUNT, SIM_KEY, fake_shop


def test_refit_from_logged_outcomes_beats_the_prior_on_held_out_offers(tmp_path: Path) -> None:
    market = MarketConfig(anchor=-0.2)  # shoppers value items well under list: the prior is too optimistic
    with fake_shop(tmp_path, [CONTROL, NO_DISCOUNT]) as shop:
        run_traffic(
            shop.client,
            shoppers=240,
            shopper_model=QuoteShoppers(config=market, seed=11),
            site_key=SIM_KEY,
            retry_share=0,
        )
        offers = load_offers(shop.store.engine, experiment="pricing-test")
    assert len(offers) == 480 and any(o.observation.accepted for o in offers)
    fitted, report = refit_report(offers, holdout_share=0.3)
    print(report)
    assert report["offers"]["held_out"] > 100
    assert report["after"]["mean_log_likelihood"] > report["before"]["mean_log_likelihood"]
    assert report["after"]["accuracy"] >= report["before"]["accuracy"]
    assert fitted.parameters.anchor < 0  # learnt that shoppers value bundles under list
