"""Bundle facts for explainer tests: a discounted phone bundle, a no-discount gift, a Chinese one."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.explain.checker import ExplanationChecker
from assistant.explain.facts import ExplanationFacts, ItemFact, ShopperNeed
from assistant.explain.smollm import SmolLMChatModel, dequantised_copy, gguf_path
from assistant.explain.training.train import shipped_adapter_dir

BRANDS = ["Acme", "Nova", "Zen", "Glow Lab"]


def phone_bundle(**changes: object) -> ExplanationFacts:
    """A $1,049.97 phone bundle sold for $979.99 (saves $69.98), for photography."""
    facts = ExplanationFacts(
        bundle_id="b-1",
        label="balanced",
        locale="en",
        currency="USD",
        items=(
            ItemFact(1, "smartphone", "Acme Photon X Smartphone", "Acme", "Smartphones", "Acme 光子 X 手机"),
            ItemFact(2, "case", "Nova Clear Case for Photon X", "Nova", "Phone Cases", "Nova 透明手机壳"),
            ItemFact(3, "charger", "Zen 30W USB-C Charger", "Zen", "Chargers", "Zen 30W 充电器"),
        ),
        list_price=Decimal("1049.97"),
        bundle_price=Decimal("979.99"),
        savings=Decimal("69.98"),
        need=ShopperNeed(use_case="photography"),
    )
    return dataclasses.replace(facts, **changes)  # type: ignore[arg-type]


def gift_bundle() -> ExplanationFacts:
    """A skincare gift with no discount (list price = bundle price)."""
    return phone_bundle(
        bundle_id="b-2",
        label="value",
        items=(
            ItemFact(1, "moisturizer", "Glow Lab Daily Cream", "Glow Lab", "Moisturizers"),
            ItemFact(2, "cleanser", "Glow Lab Gentle Wash", "Glow Lab", "Cleansers"),
        ),
        list_price=Decimal("58.00"),
        bundle_price=Decimal("58.00"),
        savings=Decimal("0.00"),
        need=ShopperNeed(recipient="mom", occasion="Mother's Day"),
    )


GOOD = (
    "For photography, {item:1} is the core of this set, and {item:2} keeps it safe while {item:3} "
    "keeps it charged. Together they cost {bundle_price} instead of {list_price}, so you save {savings}."
)


@pytest.fixture
def checker() -> ExplanationChecker:
    return ExplanationChecker(known_names=BRANDS)


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The de-quantised copy, made once per session (about 20 s) and shared by the tests here."""
    cache = tmp_path_factory.mktemp("explainer")
    dequantised_copy(gguf_path(), cache)
    return cache


@pytest.fixture(scope="session")
def tuned_model(model_cache: Path) -> Iterator[SmolLMChatModel]:
    model = SmolLMChatModel(
        cache_dir=model_cache, adapter_dir=shipped_adapter_dir(), device="cpu", quantize="auto"
    )
    model.warm_up()
    yield model
