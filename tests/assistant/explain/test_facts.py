"""Facts from a priced bundle: what the explainer model sees must match what it was trained on."""

from __future__ import annotations

from assistant.explain.facts import ExplanationFacts, role_of
from pricing.optimiser import BundlePricer
from pricing.types import ANCHOR_ROLE, BundleDraft, BundleItem
from tests.pricing.factories import product


def test_the_main_product_is_named_by_its_kind_as_in_training() -> None:
    """The builder marks the main product "anchor", a role the model never saw in training (its roles are
    leaf categories): it fell back on the category and wrote "a better digital cameras"."""
    camera = product("cam", "999.00", "700.00", category="Electronics > Cameras > Digital Cameras")
    card = product("card", "29.00", "10.00", category="Electronics > Cameras > Memory Cards")
    draft = BundleDraft(
        "premium", (BundleItem(ANCHOR_ROLE, camera), BundleItem("memory card", card)), 1.0, 0.8
    )
    facts = ExplanationFacts.from_priced(BundlePricer().price(draft), bundle_id="b")
    assert [item.role for item in facts.items] == ["digital camera", "memory card"]
    assert role_of(camera) == "digital camera"
