"""Messages about a person in danger: answered with where to get help, never read as shopping.

The intent model reads "I need a rope to hang myself" as a request for rope and "my chest hurts and my left
arm is numb" as out of scope ("what are you looking for?"). Both are wrong answers a shop cannot afford, so
this check runs on every message before the model's reading is acted on. It is a phrase list, not a model:
it must not depend on a classifier's confidence, and each phrase speaks of the writer's own harm or an
emergency in the first person or the present ("this price is killing me", "Suicide Squad on blu-ray",
"I'm dying to try it", "I cut myself shaving", "masks I can't breathe in", "跳楼价" stay shopping). A false
alarm costs one caring reply; a miss costs far more.
"""

from __future__ import annotations

import re
from typing import Literal

Danger = Literal["self_harm", "emergency"]

_SELF_HARM = re.compile(
    r"\b(?:kill(?:ing)?|hang(?:ing)?|harm(?:ing)?|shoot(?:ing)?|poison(?:ing)?|off(?:ing)?)\s+my\s?self\b"
    r"|\b(?:end(?:ing)?|take|taking)\s+my\s+(?:own\s+)?life\b"
    r"|\b(?:want|wanna|plan(?:ning)?)\s+(?:to\s+)?die\b"
    r"|\bdon'?t\s+want\s+to\s+(?:live|be\s+alive|wake\s+up)\b"
    r"|\bsuicid(?:e|al)\b(?!\s+squad)"
    r"|\bself[-\s]?harm"
    r"|\bno\s+reason\s+to\s+live\b"
    r"|自杀|自殺|想死|不想活|轻生|輕生|结束(?:我的)?生命|割腕|跳楼(?!价|大?甩卖)",
    re.IGNORECASE,
)
_EMERGENCY = re.compile(
    r"\bhaving\s+an?\s+(?:heart\s+attack|stroke|seizure)\b|\boverdos(?:e|ed|ing)\b"
    r"|\b(?:can'?t|cannot|can\s+not)\s+breathe\b(?!\s+(?:in|through|with|when|at)\b)"
    r"|\bchest\s+(?:pain|hurts?|is\s+(?:hurting|tight))\b"
    r"|\b(?:call|need)\s+an?\s+ambulance\b"
    r"|\b(?:bleeding|bleeds)\s+(?:a\s+lot|heavily|badly|won'?t\s+stop)\b"
    r"|\b(?:unconscious|not\s+breathing)\b"
    r"|心脏病发作|心梗|中风|喘不过气|呼吸困难|胸口(?:疼|痛)|胸痛|叫救护车|吃了?太多药|昏迷|不省人事",
    re.IGNORECASE,
)


def danger_in(message: str) -> Danger | None:
    """Whether the message speaks of the writer harming themselves, or of a medical emergency."""
    message = message.replace("\u2019", "'")  # can’t, don’t
    if _SELF_HARM.search(message):
        return "self_harm"
    if _EMERGENCY.search(message):
        return "emergency"
    return None
