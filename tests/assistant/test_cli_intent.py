"""`bundlewise intent` and `bundlewise eval intent` in-process, with the shipped model."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assistant.cli import main

pytestmark = pytest.mark.integration


def test_intent_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["intent", "a phone for photography under $900", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {"intent", "confidence", "slots"}
    assert payload["intent"] == "build_bundle" and payload["slots"]["budget_max"] == 900


def test_intent_stdin_gives_one_object_per_line_and_errors_inline(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("cheaper please\n\nnot samsung\n\x00\x01\n"))
    assert main(["intent", "-", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["text"] for line in lines] == ["cheaper please", "not samsung", "\x00\x01"]
    assert lines[0]["intent"] == "refine" and lines[1]["slots"]["exclude_brand"] == ["Samsung"]
    assert lines[2]["error"]["type"] == "invalid-input"


def test_rules_baseline_is_selectable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["intent", "I'll take the second one", "--rules", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["slots"]["bundle_ref"] == 2


def test_empty_text_argument_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["intent", "   ", "--json"]) == 2
    assert "empty" in capsys.readouterr().err


def test_eval_intent_runs_on_any_file_in_the_contract_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "gold.jsonl"
    rows = [
        {"text": "a phone for photography under $900", "intent": "build_bundle",
         "slots": {"category": ["phone"], "budget_max": 900, "currency": "USD", "use_case": "photography"}},
        {"text": "hello!", "intent": "greeting", "slots": {}},
    ]  # fmt: skip
    data.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    assert main(["eval", "intent", "--data", str(data), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["model"]["examples"] == 2 and report["model"]["intent_accuracy"] == 1.0
    assert report["model"]["slot_micro_f1"] == 1.0
    assert "rules_baseline" in report


def test_eval_intent_rejects_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "bad.jsonl"
    data.write_text('{"text": "hi", "intent": "dance"}\n', encoding="utf-8")
    assert main(["eval", "intent", "--data", str(data), "--json"]) == 2
    assert f"{data}:1" in capsys.readouterr().err


def test_eval_intent_against_a_second_annotation(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, other = tmp_path / "gold.jsonl", tmp_path / "other.jsonl"
    gold.write_text(
        '{"text": "a [phone](category) [under $900](budget_max)", "intent": "build_bundle"}\n'
        '{"text": "[cheaper](price_direction) please", "intent": "refine"}\n',
        encoding="utf-8",
    )
    other.write_text(
        '{"text": "a [phone](category) under $900", "intent": "build_bundle"}\n'
        '{"text": "[cheaper](price_direction) please", "intent": "refine"}\n',
        encoding="utf-8",
    )
    assert main(["eval", "intent", "--data", str(gold), "--against", str(other), "--json"]) == 0
    agreement = json.loads(capsys.readouterr().out)["agreement"]
    assert agreement["intent_accuracy"] == 1.0
    assert agreement["slot_micro_f1"] == 0.6667  # gold 4 pairs (phone, 900, USD, lower), other 2: 4/6
    assert main(["eval", "intent", "--against", str(tmp_path / "missing.jsonl"), "--json"]) == 2
