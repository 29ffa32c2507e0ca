"""Training regularisers: word-piece masking (only real pieces, about the share asked, seeded) and R-Drop's
symmetric KL."""

from __future__ import annotations

import pytest
import torch

from assistant.intent.training.train import masked_pieces, symmetric_kl
from retrieval.embedders.sentence_transformer import default_model_path


@pytest.fixture(scope="module")
def tokenizer():  # type: ignore[no-untyped-def]
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(str(default_model_path()), local_files_only=True)


def test_masking_spares_special_tokens_and_padding_and_is_seeded(tokenizer) -> None:  # type: ignore[no-untyped-def]
    texts = ["a phone for photography under 900 dollars please", "cheaper"] * 50
    inputs = dict(tokenizer(texts, padding=True, return_tensors="pt"))
    ids = inputs["input_ids"]
    masked = masked_pieces(inputs, tokenizer, 0.3, torch.Generator().manual_seed(3))
    again = masked_pieces(inputs, tokenizer, 0.3, torch.Generator().manual_seed(3))
    assert torch.equal(masked, again)
    changed = masked != ids
    special = torch.isin(ids, torch.tensor(tokenizer.all_special_ids))
    assert not (changed & special).any()  # [CLS], [SEP], [PAD] untouched
    assert (masked[changed] == tokenizer.mask_token_id).all()
    real = inputs["attention_mask"].bool() & ~special
    share = changed.sum().item() / real.sum().item()
    assert 0.2 < share < 0.4
    assert torch.equal(masked_pieces(inputs, tokenizer, 0.0, torch.Generator()), ids)


def test_symmetric_kl_is_zero_for_the_same_reading_and_symmetric() -> None:
    first, second = torch.randn(5, 9, generator=torch.Generator().manual_seed(1)), torch.randn(5, 9)
    assert float(symmetric_kl(first, first)) == pytest.approx(0.0, abs=1e-6)
    assert float(symmetric_kl(first, second)) == pytest.approx(float(symmetric_kl(second, first)))
    assert float(symmetric_kl(first, second)) > 0
