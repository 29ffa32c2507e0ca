"""The shipped data: enough varied pairs, all checked, and held-out bundles that training never saw."""

from __future__ import annotations

from assistant.explain.checker import ExplanationChecker
from assistant.explain.evaluation import distinct_n, heldout_path, load_bundles
from assistant.explain.training.bundles import split_of
from assistant.explain.training.dataset import TRAIN_FILE
from assistant.explain.training.train import load_pairs


def test_training_pairs_are_varied_checked_and_cover_gifts_and_cheaper_alternatives() -> None:
    pairs = load_pairs(TRAIN_FILE)
    assert len(pairs) >= 300
    checker = ExplanationChecker()
    assert all(checker.check(text, facts).accepted for facts, text in pairs)
    assert sum(facts.need.is_gift for facts, _ in pairs) >= 50
    assert sum(facts.has_cheaper_alternative and "cheaper" in text for facts, text in pairs) >= 30
    assert sum(not facts.has_savings for facts, _ in pairs) >= 50
    assert distinct_n([text for _, text in pairs], 2) > 0.05  # phrase banks, not one template


def test_held_out_bundles_are_many_from_two_catalogs_and_disjoint_from_training() -> None:
    heldout = load_bundles(heldout_path())
    assert len(heldout) >= 200
    assert {facts.bundle_id.split("-")[0] for facts in heldout} == {"demo", "sephora"}
    train_titles = {tuple(item.title for item in facts.items) for facts, _ in load_pairs(TRAIN_FILE)}
    assert not train_titles & {tuple(item.title for item in facts.items) for facts in heldout}
    train_anchors = {facts.items[0].title for facts, _ in load_pairs(TRAIN_FILE)}
    assert not train_anchors & {facts.items[0].title for facts in heldout}


def test_the_split_is_stable() -> None:
    assert split_of("phone-iphone-16-128-black") == split_of("phone-iphone-16-128-black")
