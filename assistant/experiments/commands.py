"""CLI commands of experiments and the learning loop, registered by `assistant.cli`:
`experiments report`, `experiments refit-wtp` and `export-hard-examples`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.errors import InvalidInputError
from assistant.settings import Settings, get_settings


def add_experiments_command(commands: Any) -> None:
    """`bundlewise experiments report|refit-wtp`."""
    experiments = commands.add_parser("experiments", help="A/B experiment report and WTP refit")
    sub = experiments.add_subparsers(dest="experiments_command", required=True)
    report = sub.add_parser("report", help="per-arm conversion, order value, revenue and profit per shopper")
    report.add_argument("--experiment", help="experiment name (default: the configured one)")
    report.add_argument("--chart", help="write the chart here (.svg, or .html for a page)")
    report.add_argument("--json", action="store_true")
    report.set_defaults(handler=report_command)
    refit = sub.add_parser("refit-wtp", help="refit willingness to pay from logged accept/decline outcomes")
    refit.add_argument("--experiment", help="only this experiment's offers (default: every logged offer)")
    refit.add_argument("--holdout", type=float, default=0.3, help="share of conversations held out")
    refit.add_argument("--catalog", help="catalog for item categories and costs (default: the served one)")
    refit.add_argument("--json", action="store_true")
    refit.set_defaults(handler=refit_command)


def add_hard_examples_command(commands: Any) -> None:
    """`bundlewise export-hard-examples`."""
    export = commands.add_parser(
        "export-hard-examples", help="corrected and low-confidence messages as JSONL to label"
    )
    export.add_argument("--output", help="JSONL file (default: standard output)")
    export.add_argument(
        "--below-confidence", type=float, help="unsure below this (default: intent.clarify_below_confidence)"
    )
    export.set_defaults(handler=export_hard_examples_command)


def report_command(args: argparse.Namespace) -> int:
    from assistant.experiments.chart import render_html, render_svg
    from assistant.experiments.config import analysis_options
    from assistant.experiments.outcomes import load_experiment
    from assistant.storage.database import open_store
    from pricing.experiments import analyse

    settings = get_settings()
    experiment = _experiment(settings, args.experiment)
    store = open_store(settings)
    try:
        data = load_experiment(store.engine, experiment.name)
    finally:
        store.close()
    report = analyse(
        experiment, data.outcomes, currency=data.currency, options=analysis_options(settings.experiments)
    )
    payload = {
        **report.to_json(),
        "orders_without_cost": data.purchases_without_cost,
        "units_in_several_arms": data.conflicting_units,
    }
    if args.chart:
        chart = Path(args.chart)
        chart.parent.mkdir(parents=True, exist_ok=True)
        chart.write_text(render_html(report) if chart.suffix == ".html" else render_svg(report), "utf-8")
        payload["chart"] = str(chart)
    print(json.dumps(payload, ensure_ascii=False, indent=None if args.json else 2))
    return 0


def refit_command(args: argparse.Namespace) -> int:
    from assistant.components import open_catalog
    from assistant.learning.wtp_refit import load_offers, refit_report
    from assistant.storage.database import open_store

    if not 0 < args.holdout < 1:
        raise InvalidInputError(f"--holdout must be between 0 and 1, got {args.holdout}")
    settings = get_settings()
    products = {product.id: product for product in open_catalog(settings, args.catalog)}
    store = open_store(settings)
    try:
        offers = load_offers(store.engine, products=products, experiment=args.experiment)
    finally:
        store.close()
    _, report = refit_report(offers, holdout_share=args.holdout)
    print(json.dumps(report, indent=None if args.json else 2))
    return 0


def export_hard_examples_command(args: argparse.Namespace) -> int:
    from assistant.learning.hard_examples import hard_examples, load_turns
    from assistant.storage.database import open_store

    settings = get_settings()
    threshold = (
        args.below_confidence
        if args.below_confidence is not None
        else settings.intent.clarify_below_confidence
    )
    store = open_store(settings)
    try:
        records = list(hard_examples(load_turns(store.engine), below_confidence=threshold))
    finally:
        store.close()
    lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    if args.output:
        Path(args.output).write_text(lines, encoding="utf-8")
    else:
        sys.stdout.write(lines)
    print(f"{len(records)} hard examples", file=sys.stderr)
    return 0


def _experiment(settings: Settings, name: str | None) -> Any:
    from assistant.experiments.config import experiment_from_settings

    experiment = experiment_from_settings(settings.experiments)
    if experiment is None:
        raise InvalidInputError("no experiment configured: set BUNDLEWISE_EXPERIMENTS__NAME and __ARMS")
    if name is not None and name != experiment.name:
        raise InvalidInputError(f"experiment {name!r} is not the configured one ({experiment.name!r})")
    return experiment
