"""The `ChatModel` protocol the explainer depends on, and `FakeChatModel` for unit tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Role = Literal["system", "user", "assistant"]
Conversation = Sequence["ChatMessage"]


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One chat turn."""

    role: Role
    content: str


@dataclass(frozen=True, slots=True)
class TextDelta:
    """New text of conversation `index` in a batch; `tokens` is how many model tokens it came from."""

    index: int
    text: str
    tokens: int = 1


class ChatModel(Protocol):
    """A chat model that answers a batch of conversations in one call, streamed as text deltas."""

    @property
    def name(self) -> str: ...

    def warm_up(self) -> None: ...

    def stream(self, conversations: Sequence[Conversation], *, max_new_tokens: int) -> Iterator[TextDelta]:
        """Deltas of all conversations interleaved as generated; closing the iterator stops generation."""
        ...


def generate(model: ChatModel, conversations: Sequence[Conversation], *, max_new_tokens: int) -> list[str]:
    """The complete answers of a batch (drains `model.stream`)."""
    texts = [""] * len(conversations)
    for delta in model.stream(conversations, max_new_tokens=max_new_tokens):
        texts[delta.index] += delta.text
    return texts


class FakeChatModel:
    """A test double: answers each conversation with `respond(conversation)`, streamed a few characters at
    a time, so explainer logic (checking, fallback, streaming) is tested without loading a model."""

    def __init__(self, respond: Callable[[Conversation], str], *, chunk_chars: int = 4) -> None:
        self._respond = respond
        self._chunk_chars = chunk_chars
        self.calls: list[int] = []  # batch sizes seen, so tests can assert one call per turn
        self.warmed_up = False

    @property
    def name(self) -> str:
        return "fake-chat-model"

    def warm_up(self) -> None:
        self.warmed_up = True

    def stream(self, conversations: Sequence[Conversation], *, max_new_tokens: int) -> Iterator[TextDelta]:
        self.calls.append(len(conversations))
        answers = [self._respond(conversation) for conversation in conversations]
        longest = max((len(answer) for answer in answers), default=0)
        for start in range(0, longest, self._chunk_chars):
            for index, answer in enumerate(answers):
                chunk = answer[start : start + self._chunk_chars]
                if chunk:
                    yield TextDelta(index, chunk)
