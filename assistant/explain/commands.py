"""CLI commands of the explainer (`train-explainer`, `eval explanations`), registered by `assistant.cli`."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path
from typing import Any

from assistant.errors import InvalidInputError
from assistant.settings import Settings, get_settings

VARIANTS = ("base", "tuned")


def add_train_command(commands: Any) -> None:
    """`bundlewise train-explainer`."""
    train = commands.add_parser("train-explainer", help="fine-tune the explanation model (LoRA on SmolLM2)")
    train.add_argument("--data", help="JSONL of {facts, explanation} (default: the shipped training pairs)")
    train.add_argument("--epochs", type=int, help="passes over the data (default 2)")
    train.add_argument("--max-steps", type=int, help="stop after this many steps (smoke runs)")
    train.add_argument("--output", help="adapter directory (default: the configured or shipped one)")
    train.set_defaults(handler=train_explainer_command)


def add_eval_command(eval_commands: Any) -> None:
    """`bundlewise eval explanations`."""
    evaluate = eval_commands.add_parser(
        "explanations", help="explanations: rejection rate, faithfulness, speed"
    )
    evaluate.add_argument("--data", help="JSONL of bundle facts (default: the shipped held-out bundles)")
    evaluate.add_argument("--limit", type=int, help="only N bundles, spread evenly over the file")
    evaluate.add_argument("--variants", default="base,tuned", help="comma-separated: base, tuned")
    evaluate.add_argument("--json", action="store_true")
    evaluate.set_defaults(handler=eval_explanations_command)


def train_explainer_command(args: argparse.Namespace) -> int:
    from assistant.explain.training.dataset import TRAIN_FILE
    from assistant.explain.training.train import (
        ExplainerTrainingOptions,
        load_pairs,
        shipped_adapter_dir,
        train_explainer,
    )

    settings = get_settings()
    data = _existing(Path(args.data)) if args.data else TRAIN_FILE
    output = Path(args.output) if args.output else settings.explainer.adapter_dir or shipped_adapter_dir()
    options = ExplainerTrainingOptions(max_steps=args.max_steps)
    if args.epochs is not None:
        options = dataclasses.replace(options, epochs=args.epochs)
    figures = train_explainer(
        load_pairs(data), cache_dir=settings.paths.cache_dir / "explainer", output_dir=output, options=options
    )
    print(json.dumps({"output": str(output), **figures}, default=str))
    return 0


def eval_explanations_command(args: argparse.Namespace) -> int:
    from assistant.components import build_chat_model, build_explainer, open_catalog
    from assistant.explain.checker import ExplanationChecker
    from assistant.explain.evaluation import (
        TimedChatModel,
        evaluate_variant,
        heldout_path,
        load_bundles,
        side_by_side,
        spread,
    )
    from assistant.explain.filling import fill
    from assistant.explain.prompting import PromptBuilder

    variants = [name.strip() for name in args.variants.split(",") if name.strip()]
    if not variants or any(name not in VARIANTS for name in variants):
        raise InvalidInputError(f"--variants: choose from {', '.join(VARIANTS)}")
    bundles = spread(load_bundles(_existing(Path(args.data)) if args.data else heldout_path()), args.limit)
    settings = get_settings()
    catalog = open_catalog(settings, "demo")
    checker = ExplanationChecker(known_names=[n for p in catalog for n in (p.brand, p.title) if n])
    prompts = PromptBuilder(version=settings.explainer.prompt_version)
    template = [fill(prompts.fallback(facts), facts) for facts in bundles]
    report: dict[str, Any] = {"bundles": len(bundles), "variants": {}}
    for name in variants:
        variant_settings = _variant(settings, tuned=name == "tuned")
        timer = TimedChatModel(build_chat_model(variant_settings))
        explainer = build_explainer(variant_settings, catalog, chat_model=timer)
        figures, shown = evaluate_variant(explainer, timer, bundles, checker)
        report["variants"][name] = figures
        report[f"side_by_side_{name}"] = side_by_side(bundles, shown, template)
        if not args.json:
            print(f"{name}: {json.dumps(figures)}", flush=True)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    return 0


def _variant(settings: Settings, *, tuned: bool) -> Settings:
    section = settings.explainer.model_copy(update={"use_adapter": tuned})
    return settings.model_copy(update={"explainer": section})


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise InvalidInputError(f"no such file: {path}")
    return path
