"""Joint intent classification + BIO slot tagging on the MiniLM encoder (JointBERT style).

Words are glossed (Chinese -> English, via the lexicon) and word-piece tokenised; a word's tag is read
from its first piece. The intent head reads the mean of the token states, the pooling MiniLM was
trained with. The encoder is adapted with LoRA, so the shipped artefact is a few MB, not 90.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import torch
from torch import nn

from assistant.intent.words import Word
from retrieval.zh_lexicon import gloss

MAX_TOKENS = 64


@dataclass(frozen=True, slots=True)
class Encoded:
    """Model inputs for a batch, plus where each word's first piece sits."""

    inputs: dict[str, torch.Tensor]
    first_piece: list[list[int]]  # per utterance, token position of each word (-1 if truncated away)


class JointIntentSlotModel(nn.Module):
    """Encoder + intent head (mean pooled) + per-token tag head."""

    def __init__(self, encoder: Any, *, intents: int, tags: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        hidden = int(encoder.config.hidden_size)
        self.dropout = nn.Dropout(dropout)
        self.intent_head = nn.Linear(hidden, intents)
        self.tag_head = nn.Linear(hidden, tags)

    def forward(self, **inputs: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """(intent logits [batch, intents], tag logits [batch, tokens, tags])."""
        states = self.encoder(**inputs).last_hidden_state
        mask = inputs["attention_mask"].unsqueeze(-1).to(states.dtype)
        pooled = (states * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        return self.intent_head(self.dropout(pooled)), self.tag_head(self.dropout(states))

    def head_state(self) -> dict[str, torch.Tensor]:
        """Weights of the two heads (saved beside the LoRA adapter)."""
        return {f"intent_head.{k}": v for k, v in self.intent_head.state_dict().items()} | {
            f"tag_head.{k}": v for k, v in self.tag_head.state_dict().items()
        }


def encode(tokenizer: Any, utterances: list[list[Word]]) -> Encoded:
    """Tokenise glossed words; records each word's first word-piece position."""
    batch = [[gloss(word.text) for word in words] or ["."] for words in utterances]
    encoding = tokenizer(
        batch,
        is_split_into_words=True,
        truncation=True,
        max_length=MAX_TOKENS,
        padding=True,
        return_tensors="pt",
    )
    first_piece: list[list[int]] = []
    for row, words in enumerate(utterances):
        positions = [-1] * len(words)
        for position, word_id in enumerate(encoding.word_ids(row)):
            if word_id is not None and word_id < len(words) and positions[word_id] == -1:
                positions[word_id] = position
        first_piece.append(positions)
    return Encoded(dict(encoding), first_piece)
