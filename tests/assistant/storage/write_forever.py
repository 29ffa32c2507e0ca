"""A writer for the SIGKILL test: saves turns with quotes and prints `ack N` only after each commit.

Run as `python -m tests.assistant.storage.write_forever URL`; it writes until it is killed.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from assistant.dialogue.state import ConversationState
from assistant.storage import QuoteRecord, TurnRecord, open_store


def main(url: str) -> None:
    store = open_store(url=url)
    conversation_id = store.create_conversation()
    print(f"conversation {conversation_id}", flush=True)
    position = 0
    while True:
        now = datetime.now(UTC)
        quote = QuoteRecord(
            quote_id=f"quote-{position + 1}",
            conversation_id=conversation_id,
            bundle={"turn": position + 1},
            price=Decimal("19.99") + position,
            currency="USD",
            valid_until=now + timedelta(hours=1),
        )
        record = TurnRecord(message=f"message {position + 1}", reply="ok", intent={}, created_at=now)
        position = store.save_turn(conversation_id, record, ConversationState(turns=position + 1), [quote])
        print(f"ack {position}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
