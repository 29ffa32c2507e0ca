"""One end-to-end run through the REAL chat engine over HTTP: arms price real bundles, every quote and
impression carries its arm, accepts are recorded, and the report covers both arms."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.api.app import create_app
from assistant.chat.explaining import TemplateExplainer
from assistant.components import build_chat_engine, open_catalog
from assistant.experiments.config import analysis_options, experiment_from_settings
from assistant.experiments.outcomes import load_experiment
from assistant.experiments.traffic import run_traffic
from assistant.storage import open_store
from assistant.storage.models import Event, Quote
from pricing.experiments import analyse
from pricing.simulation.market import MarketConfig
from pricing.simulation.shoppers import QuoteShoppers
from tests.assistant.experiments.conftest import (
    CONTROL,
    LOOPBACK_CLIENT,
    NO_DISCOUNT,
    SIM_KEY,
    experiment_settings,
)

pytestmark = pytest.mark.integration


def test_simulated_shoppers_through_the_real_chat_engine(tmp_path: Path) -> None:
    settings = experiment_settings(tmp_path, [CONTROL, NO_DISCOUNT])
    store = open_store(settings)
    engine = build_chat_engine(settings, open_catalog(settings), store=store, explainer=TemplateExplainer())
    engine.warm_up()
    client = TestClient(create_app(engine=engine, store=store, settings=settings), client=LOOPBACK_CLIENT)
    summary = run_traffic(
        client, shoppers=40, shopper_model=QuoteShoppers(config=MarketConfig(), seed=2), site_key=SIM_KEY
    )
    with Session(store.engine) as session:
        quotes = session.scalars(select(Quote)).all()
        impressions = session.scalars(select(Event).where(Event.type == "impression")).all()
        accepts = session.scalars(select(Event).where(Event.type == "accept")).all()
    experiment = experiment_from_settings(settings.experiments)
    assert experiment is not None
    data = load_experiment(store.engine, experiment.name)
    report = analyse(
        experiment, data.outcomes, currency=data.currency, options=analysis_options(settings.experiments)
    )
    store.close()
    assert summary.failed_requests == 0 and summary.shown_bundles > 0 and summary.accepted > 0
    assert {q.arm for q in quotes} == {"control", "no_discount"}
    no_discount = [q for q in quotes if q.arm == "no_discount"]
    assert all(q.bundle["savings"] in ("0", "0.00") for q in no_discount)  # the arm's cap is 0
    assert len(impressions) == len(quotes) and len(accepts) == summary.accepted
    assert all(e.arm in {"control", "no_discount"} for e in [*impressions, *accepts])
    assert sum(arm.shoppers for arm in report.arms) == len({q.conversation_id for q in quotes})
    assert sum(arm.orders for arm in report.arms) == summary.accepted
