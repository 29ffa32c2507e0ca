"""The bucketing sampler: every utterance once per epoch, batches of like lengths, deterministic."""

from __future__ import annotations

import random

from assistant.intent.training.train import length_batches


def _lengths(count: int = 1000) -> list[int]:
    draw = random.Random(0)
    return [draw.randint(3, 64) for _ in range(count)]


def test_each_index_once_in_batches_of_at_most_the_batch_size() -> None:
    batches = length_batches(_lengths(), 32, 10, random.Random(1))
    flat = [i for batch in batches for i in batch]
    assert sorted(flat) == list(range(1000))
    assert all(1 <= len(batch) <= 32 for batch in batches)
    assert len(batches) == -(-1000 // 32)  # as many steps per epoch as without buckets


def test_buckets_cut_padding() -> None:
    lengths = _lengths()

    def padded(bucket: int) -> int:
        batches = length_batches(lengths, 32, bucket, random.Random(1))
        return sum(max(lengths[i] for i in batch) * len(batch) for batch in batches)

    assert padded(50) < 0.7 * padded(1)


def test_one_bucket_is_a_plain_shuffle() -> None:
    indices = list(range(100))
    random.Random(5).shuffle(indices)
    batches = length_batches(_lengths(100), 32, 1, random.Random(5))
    assert [i for batch in batches for i in batch] == indices


def test_same_seed_same_batches() -> None:
    lengths = _lengths()
    first, again = (length_batches(lengths, 32, 50, random.Random(3)) for _ in range(2))
    assert first == again
