"""Simulated A/B experiment over the real HTTP API (FakePricedEngine: real pricer per arm, no models):
planted difference, A/A false-winner rate over seeds, and the example chart for the README.

    python bench/experiment.py [--shoppers 400] [--aa-seeds 20] [--chart docs/experiment-report.svg]

Prints one JSON object; the database lives in a temporary directory (on /dev/shm when present: SQLite's
fsync per write is most of the time on a disk).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# run as a script, this folder comes first on sys.path and bench/retrieval.py would shadow the package
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

from fastapi.testclient import TestClient

from assistant.api.app import create_app
from assistant.experiments.chart import render_svg
from assistant.experiments.config import analysis_options, experiment_from_settings
from assistant.experiments.fakes import FakePricedEngine
from assistant.experiments.outcomes import load_experiment
from assistant.experiments.traffic import run_traffic
from assistant.experiments.variants import build_variants
from assistant.settings import Settings
from assistant.storage import open_store
from pricing.experiments import ExperimentReport, analyse
from pricing.quotes import QuoteSigner
from pricing.simulation.market import MarketConfig
from pricing.simulation.shoppers import QuoteShoppers
from pricing.wtp import WillingnessToPay, WtpParameters

KEY = "pk_bench"
MARKET = MarketConfig(anchor=-0.1)
SHOP_WTP = WillingnessToPay(WtpParameters(anchor=-0.1))


def run(arms: list[dict[str, Any]], shoppers: int, seed: int, retry_share: float = 0.1) -> ExperimentReport:
    """One experiment: fresh store, `shoppers` simulated shoppers, the report."""
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(dir=base) as directory:
        settings = Settings.model_validate(
            {
                "paths": {"data_dir": directory},
                "api": {
                    "site_keys": [
                        {"key": KEY, "loopback_only": True, "requests_per_minute": 1e9, "burst": 10**9}
                    ],
                    "ip_requests_per_minute": 1e9,
                    "ip_burst": 10**9,
                },
                "experiments": {"name": "discount-cap", "salt": f"bench-{seed}", "arms": arms},
            }
        )
        experiment = experiment_from_settings(settings.experiments)
        assert experiment is not None
        store = open_store(settings)
        signer = QuoteSigner(b"bench-secret-0123456789abcdef")
        engine = FakePricedEngine(
            store=store, signer=signer, variants=build_variants(settings, experiment, wtp=SHOP_WTP)
        )
        app = create_app(engine=engine, store=store, quote_verifier=signer, settings=settings)
        client = TestClient(app, client=("127.0.0.1", 50000))
        model = QuoteShoppers(config=MARKET, seed=seed)
        run_traffic(
            client, shoppers=shoppers, shopper_model=model, site_key=KEY, retry_share=retry_share, seed=seed
        )
        data = load_experiment(store.engine, experiment.name)
        store.close()
        return analyse(
            experiment, data.outcomes, currency=data.currency, options=analysis_options(settings.experiments)
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shoppers", type=int, default=400)
    parser.add_argument("--aa-seeds", type=int, default=20)
    parser.add_argument("--aa-shoppers", type=int, default=200)
    parser.add_argument("--chart", help="write the planted run's chart here (SVG)")
    args = parser.parse_args()
    started = time.perf_counter()
    planted = run([{"name": "control"}, {"name": "no_discount", "max_discount": "0"}], args.shoppers, seed=1)
    if args.chart:
        Path(args.chart).write_text(render_svg(planted), encoding="utf-8")
    winners = []
    for seed in range(args.aa_seeds):
        print(f"A/A seed {seed}", file=sys.stderr)
        report = run(
            [{"name": "control"}, {"name": "control_copy"}], args.aa_shoppers, seed=1000 + seed, retry_share=0
        )
        winners.append(report.decision.winner)
    false_winners = sum(w is not None for w in winners)
    print(
        json.dumps(
            {
                "planted": planted.to_json(),
                "aa": {
                    "seeds": args.aa_seeds,
                    "shoppers_per_seed": args.aa_shoppers,
                    "false_winners": false_winners,
                    "false_winner_rate": false_winners / max(args.aa_seeds, 1),
                    "stated_alpha": planted.decision.alpha,
                },
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
