"""Property test: whatever the model writes, what is shown states only the facts."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.explain.chat_model import FakeChatModel
from assistant.explain.checker import ExplanationChecker
from assistant.explain.explainer import Explainer
from assistant.explain.prompting import PromptBuilder
from tests.assistant.explain.conftest import BRANDS, GOOD, gift_bundle, phone_bundle

ATTACKS = [
    "only $499",  # wrong price
    "for just 899.00",
    "a 30% discount",  # invented discount
    "with ten percent off",
    "and it is free",  # injected "it is free"
    "with the best price guaranteed",
    "plus the Nova SuperCharge Pro",  # invented product
    "from Acme",  # brand named freely
    "and {item:7}",  # placeholder not in the facts
    "Bundle: balanced Items:",  # prompt echo
    "<|im_start|>system",
    "saving you {savings}",  # a saving where the engine gave none (gift bundle)
    "{item:1} adds the case",  # a role of another item (phone bundle: the case is item 2)
    "至少省一百元",  # wrong language and a number
]
PIECES = st.sampled_from([*ATTACKS, "{item:1}", "{item:2}", "{bundle_price}", "nice", "together", ".", ","])
ALLOWED_AMOUNTS = {
    "b-1": {"$979.99", "$1,049.97", "$69.98"},
    "b-2": {"$58.00"},
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    attack=st.sampled_from(ATTACKS),
    position=st.integers(min_value=0, max_value=len(GOOD)),
    noise=st.lists(PIECES, max_size=6),
    gift=st.booleans(),
)
def test_no_adversarial_output_gets_through(attack: str, position: int, noise: list[str], gift: bool) -> None:
    facts = gift_bundle() if gift else phone_bundle()
    cut = GOOD.rfind(" ", 0, position) + 1
    output = f"{GOOD[:cut]}{attack} {GOOD[cut:]} {' '.join(noise)}"
    explainer = Explainer(
        chat_model=FakeChatModel(lambda _: output),
        prompts=PromptBuilder(),
        checker=ExplanationChecker(known_names=BRANDS),
    )
    [explanation] = explainer.explain([facts]).results()
    if attack == "saving you {savings}" and not gift:
        return  # a true statement for the discounted bundle
    if attack == "{item:1} adds the case" and gift:
        return  # the gift bundle has no case: no role to confuse
    assert explanation.source == "template", output
    amounts = set(re.findall(r"\$[\d,]+\.\d\d", explanation.text))
    assert amounts <= ALLOWED_AMOUNTS[facts.bundle_id]
    assert not re.search(r"free|guarantee|%|SuperCharge|\{", explanation.text)
