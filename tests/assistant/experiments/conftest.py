"""The real API over a real SQLite store with FakePricedEngine: arms priced by the real pricer, real
quotes, impressions, accepts and events; only retrieval and the models are left out (for volume)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.experiments.config import analysis_options, experiment_from_settings
from assistant.experiments.fakes import FakePricedEngine
from assistant.experiments.outcomes import ExperimentData, load_experiment
from assistant.experiments.variants import build_variants
from assistant.settings import Settings
from assistant.storage import SqlSessionStore, open_store
from pricing.experiments import ExperimentReport, analyse
from pricing.quotes import QuoteSigner
from pricing.wtp import WillingnessToPay, WtpParameters

SIM_KEY = "pk_sim_traffic"
LOOPBACK_CLIENT = ("127.0.0.1", 50000)
CONTROL = {"name": "control"}  # the shop's defaults: discounts up to 25%
NO_DISCOUNT = {"name": "no_discount", "max_discount": "0"}
# the shop's WTP model (what the pricer believes): shoppers value bundles ~10% under list
SHOP_WTP = WillingnessToPay(WtpParameters(anchor=-0.1))


def experiment_settings(data_dir: Path, arms: list[dict[str, Any]], name: str = "pricing-test") -> Settings:
    """Settings with the experiment and a loopback site key fast enough for simulated traffic."""
    sim_key = {"key": SIM_KEY, "loopback_only": True, "requests_per_minute": 1e9, "burst": 10**9}
    return Settings.model_validate(
        {
            "paths": {"data_dir": data_dir},
            "api": {"site_keys": [sim_key], "ip_requests_per_minute": 1e9, "ip_burst": 10**9},
            "experiments": {"name": name, "salt": f"{name}-salt", "arms": arms},
        }
    )


@dataclass
class Shop:
    """A running shop: client, store and settings of one experiment."""

    client: TestClient
    store: SqlSessionStore
    settings: Settings

    def report(self) -> tuple[ExperimentReport, ExperimentData]:
        experiment = experiment_from_settings(self.settings.experiments)
        assert experiment is not None
        data = load_experiment(self.store.engine, experiment.name)
        options = analysis_options(self.settings.experiments)
        return analyse(experiment, data.outcomes, currency=data.currency, options=options), data


@contextmanager
def fake_shop(directory: Path, arms: list[dict[str, Any]]) -> Iterator[Shop]:
    """The API with FakePricedEngine for `arms`."""
    settings = experiment_settings(directory, arms)
    store = open_store(settings)  # the default SQLite file in the data dir, as the CLI opens it
    signer = QuoteSigner(b"experiment-test-secret-0123456789")
    variants = build_variants(settings, experiment_from_settings(settings.experiments), wtp=SHOP_WTP)
    engine = FakePricedEngine(store=store, signer=signer, variants=variants)
    app = create_app(engine=engine, store=store, quote_verifier=signer, settings=settings)
    try:
        yield Shop(TestClient(app, client=LOOPBACK_CLIENT, raise_server_exceptions=False), store, settings)
    finally:
        store.close()
