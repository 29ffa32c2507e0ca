"""Choose intent-model training settings on the validation split, never on the test files.

Each candidate trains from scratch on the training data minus the validation split
(`assistant/intent/training/validation.py`) and is scored on that split, under two seeds (13 and 7), as are
the shipped settings. The rule: a candidate replaces the shipped settings only if the mean of its two
intent accuracy + slot F1 sums beats the shipped mean by more than the larger seed-to-seed gap of the two.
Only then is the model retrained on all data and the test files scored, once. (Until 2026-11-29 the rule
took the candidate's seed 13 against the better shipped seed plus their gap; that day the shipped seeds
landed 0.001 apart, so a candidate whose seed 7 was flat passed it: one run's gap is not the noise.)

    python bench/intent_tuning.py [--only NAME ...] [--keep DIR] > tuning.json   # ~7 min a candidate and seed
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# bench/retrieval.py would shadow the `retrieval` package: drop bench/ from the import path.
if sys.path and Path(sys.path[0] or ".").resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

from assistant.components import build_embedder, open_catalog, validation_scores
from assistant.intent.training.dataset import training_examples
from assistant.intent.training.train import TrainingOptions, train_intent_model
from assistant.intent.training.validation import validation_split
from assistant.settings import get_settings
from retrieval.embedders.sentence_transformer import default_model_path

SHIPPED = "shipped"
# name -> (TrainingOptions changes, training_examples changes); each with the reason it might help
CANDIDATES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    SHIPPED: ({}, {}),
    f"{SHIPPED}_seed_7": ({"seed": 7}, {}),
    "no_label_smoothing": ({"intent_label_smoothing": 0.0}, {}),  # was chosen on test scores: recheck
    "epochs_6": ({"epochs": 6}, {}),  # the loss is still falling at 4 epochs
    "written_weight_3": ({}, {"written_weight": 3}),  # real phrasing over generated frames
    "no_length_buckets": ({"length_buckets": 1}, {}),  # random batches, as before bucketing: same accuracy?
    "no_length_buckets_seed_7": ({"length_buckets": 1, "seed": 7}, {}),
    # the written repeat as a chat-noised copy: real turns carry typos, "pls", "oh so" that written lines lack
    "noisy_copies": ({}, {"noisy_copies": True}),
    "noisy_copies_seed_7": ({"seed": 7}, {"noisy_copies": True}),
    # bucketing halved training time: spend it on twice the generated frames (vocabulary, slot boundaries)
    "generated_3000": ({}, {"generated": 3000}),
    "generated_3000_seed_7": ({"seed": 7}, {"generated": 3000}),
    # real shop-chat turns (MG-ShopDial) 4x: the test turns the model misses most are of that kind
    "dialogue_weight_4": ({}, {"dialogue_weight": 4}),
    "dialogue_weight_4_seed_7": ({"seed": 7}, {"dialogue_weight": 4}),
    # word pieces masked at random: the turns it misses are short chat replies with typos ("cheeper pls",
    # "Prise seems reasonable") where one odd word decides the reading
    "word_dropout": ({"word_dropout": 0.1}, {}),
    "word_dropout_seed_7": ({"word_dropout": 0.1, "seed": 7}, {}),
    # half the generated frames: they teach the vocabulary, but their phrasing is unlike the chats it misses
    "generated_750": ({}, {"generated": 750}),
    "generated_750_seed_7": ({"seed": 7}, {"generated": 750}),
    # both, since each gained on both seeds without clearing the noise alone
    "word_dropout_generated_750": ({"word_dropout": 0.1}, {"generated": 750}),
    "word_dropout_generated_750_seed_7": ({"word_dropout": 0.1, "seed": 7}, {"generated": 750}),
    # two dropout passes held to one intent reading: the seed-to-seed swings are on short ambiguous turns
    # (shipped since 2026-11-30: the shipped settings now include it; "no_rdrop" is the settings before)
    "no_rdrop": ({"rdrop": 0.0}, {}),
    "no_rdrop_seed_7": ({"rdrop": 0.0, "seed": 7}, {}),
    # the same consistency for the slot tags: held-out slot F1 lags most on chat turns (0.83 against 0.92),
    # where a span's edge moves with one dropped unit
    "rdrop_tags": ({"rdrop_tags": 1.0}, {}),
    "rdrop_tags_seed_7": ({"rdrop_tags": 1.0, "seed": 7}, {}),
    # a stronger pull to one intent reading: R-Drop at 1.0 gained on both seeds, its weight was not tuned
    "rdrop_2": ({"rdrop": 2.0}, {}),
    "rdrop_2_seed_7": ({"rdrop": 2.0, "seed": 7}, {}),
    # R-Drop's consistency term slows convergence (its paper trains longer): one more epoch, ~100 s more
    "epochs_5": ({"epochs": 5}, {}),
    "epochs_5_seed_7": ({"epochs": 5, "seed": 7}, {}),
    # softer intent targets: the chat turns it misses are the ones people label two ways (0.1 was never tuned)
    "label_smoothing_0.2": ({"intent_label_smoothing": 0.2}, {}),
    "label_smoothing_0.2_seed_7": ({"intent_label_smoothing": 0.2, "seed": 7}, {}),
}


def run(name: str, settings: Any, catalog: Any, embedder: Any, keep: Path | None = None) -> dict[str, Any]:
    """Train candidate `name` without the validation split, score it on the split; `keep`: a folder to
    leave the model in (as `keep/name`), so it can be re-scored or its errors read later."""
    option_changes, data_changes = CANDIDATES[name]
    options = dataclasses.replace(TrainingOptions(), **option_changes)
    split = validation_split()
    examples, counts = training_examples(catalog, seed=options.seed, held_back=split.texts, **data_changes)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        directory = keep / name if keep else Path(scratch)
        figures = train_intent_model(
            examples,
            base_model_path=settings.retrieval.embedding_model_path or default_model_path(),
            base_model_name=embedder.name,
            output_dir=directory,
            options=options,
            show_progress=False,
        )
        scores = validation_scores(split, settings, catalog, directory, embedder)
    return {
        "changes": {**option_changes, **data_changes},
        "train_examples": counts["total"],
        "final_loss": figures["final_loss"],
        "minutes": round((time.perf_counter() - started) / 60, 1),
        "validation": scores,
        "sum": round(scores["intent_accuracy"] + scores["slot_micro_f1"], 4),
    }


def decide(results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Apply the rule in the module docstring; a setting run under one seed only cannot be chosen."""
    sums: dict[str, list[float]] = {}
    for name, result in results.items():
        sums.setdefault(name.split("_seed_")[0], []).append(result["sum"])
    shipped = sums.pop(SHIPPED, [])
    if len(shipped) < 2:
        return {"choice": None, "why": "the shipped settings need both seeds"}
    margins = {
        name: round(_mean(runs) - _mean(shipped) - max(_gap(runs), _gap(shipped)), 4)
        for name, runs in sums.items()
        if len(runs) >= 2
    }
    best = max(margins, key=margins.__getitem__, default=None)
    choice = best if best is not None and margins[best] > 0 else SHIPPED
    alone = sorted(set(sums) - set(margins))
    return {"choice": choice, "margins_over_noise": margins, "one_seed_only": alone}


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def _gap(values: list[float]) -> float:
    return max(values) - min(values)


def main() -> None:
    """Run the candidates (all, or --only) and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--only", nargs="+", choices=sorted(CANDIDATES), help="run just these")
    parser.add_argument("--keep", type=Path, help="leave each candidate's model in KEEP/NAME")
    args = parser.parse_args()
    settings = get_settings()
    catalog = open_catalog(settings)
    embedder = build_embedder(settings)
    results: dict[str, dict[str, Any]] = {}
    for name in args.only or CANDIDATES:
        print(f"training {name} ...", file=sys.stderr, flush=True)
        results[name] = run(name, settings, catalog, embedder, args.keep)
        print(json.dumps({name: results[name]}), file=sys.stderr, flush=True)
    split = validation_split()
    print(
        json.dumps(
            {"validation_examples": len(split.records), "candidates": results, "decision": decide(results)},
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
