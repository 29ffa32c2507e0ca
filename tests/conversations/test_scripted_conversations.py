"""Every scripted conversation in this folder passes against the real engine (models, index, SQLite)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chat.engine import ShoppingAssistant
from assistant.components import build_chat_engine, open_catalog
from assistant.conversations.runner import engine_sender, format_report, run_script
from assistant.conversations.script import load_script
from assistant.settings import Settings
from assistant.storage.database import open_store

pytestmark = pytest.mark.integration

SCRIPTS = sorted(Path(__file__).parent.glob("*.yaml"))


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> ShoppingAssistant:
    settings = Settings(explainer={"backend": "template"})  # instant; the model has its own tests
    store = open_store(url=f"sqlite:///{tmp_path_factory.mktemp('db') / 'chat.db'}")
    assistant: ShoppingAssistant = build_chat_engine(settings, open_catalog(settings), store=store)
    assistant.warm_up()
    return assistant


def test_there_are_enough_scripts() -> None:
    assert len(SCRIPTS) >= 25


@pytest.mark.parametrize("path", SCRIPTS, ids=[path.stem for path in SCRIPTS])
def test_script_passes(path: Path, engine: ShoppingAssistant) -> None:
    report = run_script(load_script(path), engine_sender(engine))
    assert report.failed == 0, format_report(report)
