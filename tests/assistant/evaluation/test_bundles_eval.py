"""`eval bundles` on a tiny BundleRec-layout directory (fake embedder) and, when present, the real data."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from assistant.errors import InvalidInputError
from assistant.evaluation.bundlerec import category_path, find_domains, read_domain
from assistant.evaluation.bundles import EvaluationOptions, evaluate_bundles, fit_baskets, split_bundles
from assistant.settings import get_settings
from retrieval.embedders import HashEmbedder
from tests.conftest import shared_data

_ITEMS = {
    "1": (
        "Nikon D3500 digital SLR camera body",
        "[[Electronics,Camera & Photo,Digital Cameras,DSLR Cameras]]",
    ),
    "2": (
        "Canon EOS Rebel digital SLR camera",
        "[[Electronics,Camera & Photo,Digital Cameras,DSLR Cameras]]",
    ),
    "3": ("SanDisk 64GB SD memory card for cameras", "[[Electronics,Computers & Accessories,Memory Cards]]"),
    "4": ("Camera tripod aluminium lightweight", "[[Electronics,Camera & Photo,Tripods]]"),
    "5": ("Camera bag shoulder padded", "[[Electronics,Camera & Photo,Bags & Cases]]"),
    "6": ("Laptop 15 inch notebook computer", "[[Electronics,Computers & Accessories,Laptops]]"),
    "7": ("Wireless mouse for laptop", "[[Electronics,Computers & Accessories,Mice]]"),
    "8": ("Laptop sleeve 15 inch case", "[[Electronics,Computers & Accessories,Laptop Sleeves]]"),
    "9": ("USB keyboard for computer, black", "[[Electronics,Computers & Accessories,Keyboards]]"),
}
_BUNDLES = {
    "b1": (["1", "3", "4"], "camera with accessories"),
    "b2": (["2", "3", "5"], "photography kit for a camera"),
    "b3": (["1", "4", "5"], "camera gear"),
    "b4": (["6", "7", "8"], "laptop setup"),
    "b5": (["6", "7", "9"], "computer and accessories"),
    "b6": (["2", "3", "4"], "camera accessories"),
}


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture
def bundlerec_dir(tmp_path: Path) -> Path:
    domain = tmp_path / "electronic"
    domain.mkdir()
    _write(domain / "item_titles.csv", ["item ID", "titles"], [[k, t] for k, (t, _) in _ITEMS.items()])
    _write(
        domain / "item_categories.csv", ["item ID", "categories"], [[k, c] for k, (_, c) in _ITEMS.items()]
    )
    _write(
        domain / "bundle_item.csv",
        ["bundle ID", "item ID"],
        [[b, i] for b, (items, _) in _BUNDLES.items() for i in items],
    )
    _write(
        domain / "bundle_intent.csv",
        ["bundle ID", "intent"],
        [[b, intent] for b, (_, intent) in _BUNDLES.items()],
    )
    _write(
        domain / "session_item.csv",
        ["session ID", "item ID"],
        [["s1", "1"], ["s1", "3"], ["s2", "6"], ["s2", "7"]],
    )
    _write(domain / "session_bundle.csv", ["session ID", "bundle ID"], [["s1", "b1"], ["s2", "b4"]])
    return tmp_path


def test_category_paths_keep_names_with_commas() -> None:
    text = "[[Clothing, Shoes & Jewelry,Women],[Clothing, Shoes & Jewelry,Women,Jewelry,Earrings]]"
    assert category_path(text) == ("Clothing, Shoes & Jewelry", "Women", "Jewelry", "Earrings")


def test_split_is_seeded_and_never_fits_on_test_bundles(bundlerec_dir: Path) -> None:
    domain = read_domain(bundlerec_dir / "electronic")
    fit, test = split_bundles(domain, seed=3, test_share=0.34)
    assert (fit, test) == split_bundles(domain, seed=3, test_share=0.34)
    assert not set(fit) & set(test) and len(fit) + len(test) == len(_BUNDLES)
    baskets = fit_baskets(domain, fit, test)
    test_items = [set(domain.bundles[bundle]) for bundle in test]
    assert all(
        not any(len(set(basket) & items) >= 2 for items in test_items) for basket in baskets[len(fit) :]
    )


def test_evaluation_reports_ours_and_the_baseline(bundlerec_dir: Path) -> None:
    report = evaluate_bundles(
        bundlerec_dir,
        settings=get_settings(),
        embedder=HashEmbedder(),
        options=EvaluationOptions(seed=1, test_share=0.5),
    )
    figures = report["domains"]["electronic"]
    assert figures["split"] == {"fit_bundles": 3, "test_bundles": 3, "seed": 1}
    for side in ("ours", "retrieval_only"):
        assert set(figures[side]) == {"category_recall", "item_recall", "item_precision", "item_hit_rate"}
        assert all(0.0 <= value <= 1.0 for value in figures[side].values())
    json.dumps(report)  # the CLI prints it as JSON


def test_a_directory_without_bundles_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="no BundleRec domain"):
        find_domains(tmp_path)


@pytest.mark.slow
@pytest.mark.integration
def test_real_bundlerec_ours_beats_retrieval_on_category_recall(minilm: object) -> None:
    data = shared_data("bundlerec_sigir22", "electronic")
    report = evaluate_bundles(data, settings=get_settings(), embedder=minilm, options=EvaluationOptions())  # type: ignore[arg-type]
    figures = report["domains"]["electronic"]
    assert figures["ours"]["category_recall"] > figures["retrieval_only"]["category_recall"]
