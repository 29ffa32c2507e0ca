"""A reduced training run, so the training code cannot rot: train a few steps, save, load, parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.intent.artifact import CONFIG_FILE, WEIGHTS_FILE, read_config
from assistant.intent.markup import parse_markup
from assistant.intent.parser import IntentParser
from assistant.intent.taxonomy import INTENTS
from assistant.intent.training.train import TrainingOptions, train_intent_model
from assistant.intent.vocabulary import SlotVocabulary
from retrieval.embedders.sentence_transformer import default_model_path
from tests.retrieval.factories import small_catalog

EXAMPLES = [
    parse_markup(
        "I want a [phone](category) for [photography](use_case) [under $900](budget_max)", "build_bundle"
    ),
    parse_markup("[cheaper](price_direction) please", "refine"),
    parse_markup("我想买一套[护肤品](category)送给[妈妈](recipient)", "build_bundle"),
    parse_markup("I'll take [the second one](bundle_ref)", "accept_bundle"),
    parse_markup("hello there", "greeting"),
] * 4


@pytest.mark.integration
def test_short_training_run_saves_a_loadable_artefact(tmp_path: Path) -> None:
    figures = train_intent_model(
        EXAMPLES,
        base_model_path=default_model_path(),
        base_model_name="test-minilm",
        output_dir=tmp_path,
        options=TrainingOptions(max_steps=4, batch_size=8),
        show_progress=False,
    )
    assert figures["steps"] == 4 and figures["examples"] == len(EXAMPLES)
    assert (tmp_path / CONFIG_FILE).is_file() and (tmp_path / WEIGHTS_FILE).stat().st_size < 8_000_000
    config = read_config(tmp_path)
    assert config.intents == list(INTENTS) and config.training["examples_sha256"]
    assert json.loads((tmp_path / CONFIG_FILE).read_text())["base_model"] == "test-minilm"

    parser = IntentParser(
        artifact_dir=tmp_path, base_model_path=None, vocabulary=SlotVocabulary.from_catalog(small_catalog())
    )
    parsed = parser.parse("a phone under $500")
    assert parsed.intent in INTENTS and 0.0 <= parsed.confidence <= 1.0


@pytest.mark.integration
@pytest.mark.parametrize(
    "options",
    [
        TrainingOptions(max_steps=2, batch_size=8),
        # the tuning options too
        TrainingOptions(max_steps=2, batch_size=8, word_dropout=0.2, rdrop=1.0, rdrop_tags=1.0),
    ],
)
def test_training_is_deterministic_for_a_seed(tmp_path: Path, options: TrainingOptions) -> None:
    runs = []
    for name in ("a", "b"):
        figures = train_intent_model(
            EXAMPLES,
            base_model_path=default_model_path(),
            base_model_name="test-minilm",
            output_dir=tmp_path / name,
            options=options,
            show_progress=False,
        )
        runs.append(figures["final_loss"])
    assert runs[0] == runs[1]
    assert (tmp_path / "a" / WEIGHTS_FILE).read_bytes() == (tmp_path / "b" / WEIGHTS_FILE).read_bytes()
