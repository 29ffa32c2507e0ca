"""Writes the explainer's data files: training pairs and held-out bundles, from two catalogs.

Run once (`python -m assistant.explain.training.dataset`); the files are committed so training and
evaluation need neither the network nor `../shared/data`. Training and held-out bundles have disjoint
anchor products (`bundles.split_of`), and every training pair passes the checker.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Sequence
from pathlib import Path

from assistant.explain.checker import ExplanationChecker
from assistant.explain.facts import ExplanationFacts
from assistant.explain.training.bundles import sample_bundle_facts
from assistant.explain.training.pairs import compose_explanation
from retrieval.catalog import demo_catalog_path, load_catalog
from retrieval.catalog.converters import from_sephora
from retrieval.catalog.loader import parse_catalog
from retrieval.catalog.schema import Product

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
TRAIN_FILE = DATA_DIR / "train.jsonl"
HELDOUT_FILE = DATA_DIR / "heldout.jsonl"
SEED = 13


def sephora_products(path: Path) -> list[Product]:
    """The Sephora products (real data, converted to the catalog contract)."""
    catalog = parse_catalog(((line, record) for line, record in enumerate(from_sephora(path), 2)), str(path))
    return list(catalog.products)


def build(sephora_csv: Path, *, train_per_catalog: int, heldout_per_catalog: int) -> dict[str, int]:
    """Write `train.jsonl` and `heldout.jsonl`; returns their sizes."""
    sources = {
        "demo": list(load_catalog(demo_catalog_path()).products),
        "sephora": sephora_products(sephora_csv),
    }
    checker = ExplanationChecker(known_names=_names(sources))
    rng = random.Random(SEED)
    train: list[dict[str, object]] = []
    heldout: list[ExplanationFacts] = []
    for offset, (source, products) in enumerate(sources.items()):
        facts = sample_bundle_facts(
            products,
            split="train",
            count=train_per_catalog,
            seed=SEED + offset,
            source=source,
            injection_share=0.05,
        )
        for bundle in facts:
            explanation = compose_explanation(bundle, rng)
            verdict = checker.check(explanation, bundle)
            if not verdict.accepted:
                raise AssertionError(f"training pair rejected ({verdict.reasons}): {explanation}")
            train.append({"facts": bundle.to_record(), "explanation": explanation})
        heldout += sample_bundle_facts(
            products,
            split="heldout",
            count=heldout_per_catalog,
            seed=SEED + 100 + offset,
            source=source,
            injection_share=0.05,
        )
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    _write(TRAIN_FILE, train)
    _write(HELDOUT_FILE, [bundle.to_record() for bundle in heldout])
    return {"train": len(train), "heldout": len(heldout)}


def _names(sources: dict[str, list[Product]]) -> set[str]:
    return {name for products in sources.values() for p in products for name in (p.brand, p.title) if name}


def _write(path: Path, records: Sequence[object]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sephora", default="../shared/data/sephora_products/product_info.csv")
    parser.add_argument("--train-per-catalog", type=int, default=240)
    parser.add_argument("--heldout-per-catalog", type=int, default=120)
    args = parser.parse_args()
    print(
        build(
            Path(args.sephora),
            train_per_catalog=args.train_per_catalog,
            heldout_per_catalog=args.heldout_per_catalog,
        )
    )


if __name__ == "__main__":
    main()
