from __future__ import annotations

import pytest

from assistant.cli import main
from assistant.components import build_explainer
from assistant.explain.chat_model import FakeChatModel
from assistant.explain.evaluation import distinct_n, heldout_path, load_bundles, spread
from assistant.settings import ExplainerSettings, Settings
from tests.assistant.explain.conftest import GOOD, phone_bundle


def test_eval_refuses_an_unknown_variant(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "explanations", "--variants", "huge", "--json"]) == 2
    assert "--variants" in capsys.readouterr().err


def test_the_composition_root_picks_the_prompt_style_from_the_settings() -> None:
    fake = FakeChatModel(lambda _: GOOD)
    tuned = build_explainer(Settings(), chat_model=fake)
    base = build_explainer(Settings(explainer=ExplainerSettings(use_adapter=False)), chat_model=fake)
    assert tuned.explain([phone_bundle()]).results()[0].source == "model"
    assert len(fake.calls) == 1 and base.explain([phone_bundle()]).results()[0].source == "model"


def test_spread_takes_bundles_from_the_whole_file() -> None:
    bundles = load_bundles(heldout_path())
    chosen = spread(bundles, 10)
    assert len(chosen) == 10 and {b.bundle_id.split("-")[0] for b in chosen} == {"demo", "sephora"}
    assert spread(bundles, None) == bundles


def test_distinct_n_counts_variety() -> None:
    assert distinct_n(["a b c", "a b d"], 2) == 0.75
    assert distinct_n([], 1) is None
