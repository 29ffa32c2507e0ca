"""Hard examples for labelling: messages the shopper corrected ("no, I meant a tablet") and messages the
intent model was unsure of. They are written in the annotation format of `assistant/intent/data/
ANNOTATION.md` with the model's guess as the intent and no spans, so a labeller fixes the intent and
marks the spans, then `bundlewise train-intent --extra FILE` trains on them."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.storage.models import Turn

CORRECTION = re.compile(
    r"^\s*(no|nope|nah|not that|wrong)\b[\s,.!]*|\bi (meant|said|asked for|wanted)\b|\bthat'?s not what\b"
    r"|^\s*(不是|不对|我是说|我要的是)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class LoggedTurn:
    """What the store kept of one turn: the message and how it was understood."""

    conversation_id: str
    position: int
    message: str
    intent: str
    confidence: float
    slots: dict[str, Any]


def is_correction(message: str) -> bool:
    """True when the message tells the assistant it misunderstood."""
    return CORRECTION.search(message) is not None


def hard_examples(turns: Sequence[LoggedTurn], *, below_confidence: float) -> Iterator[dict[str, Any]]:
    """Annotation records for the corrected turns (and their corrections) and the unsure parses, once
    each, in conversation order."""
    seen: set[tuple[str, int]] = set()
    for index, turn in enumerate(turns):
        reasons: list[tuple[LoggedTurn, str]] = []
        if is_correction(turn.message):
            previous = turns[index - 1] if index > 0 else None
            if previous is not None and previous.conversation_id == turn.conversation_id:
                reasons.append((previous, "corrected_by_shopper"))
            reasons.append((turn, "correction"))
        if turn.confidence < below_confidence:
            reasons.append((turn, "low_confidence"))
        for chosen, reason in reasons:
            key = (chosen.conversation_id, chosen.position)
            if key not in seen:
                seen.add(key)
                yield _record(chosen, reason)


def load_turns(engine: Engine) -> list[LoggedTurn]:
    """Every stored turn, grouped by conversation, in order."""
    with Session(engine) as session:
        rows = session.scalars(select(Turn).order_by(Turn.conversation_id, Turn.position)).all()
        return [
            LoggedTurn(
                conversation_id=row.conversation_id,
                position=row.position,
                message=row.message,
                intent=str(row.intent.get("name", "")),
                confidence=float(row.intent.get("confidence", 1.0)),
                slots=dict(row.intent.get("slots") or {}),
            )
            for row in rows
        ]


def _record(turn: LoggedTurn, reason: str) -> dict[str, Any]:
    text = " ".join(turn.message.replace("[", " ").replace("]", " ").split())  # brackets are markup
    return {
        "text": text,
        "intent": turn.intent,
        "needs_review": True,
        "reason": reason,
        "confidence": round(turn.confidence, 4),
        "predicted_slots": turn.slots,
        "source": f"traffic:{turn.conversation_id}:{turn.position}",
    }
