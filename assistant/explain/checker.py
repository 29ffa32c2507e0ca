"""Rejects any explanation that could say something the facts do not: the last guard before a shopper.

The model's text is checked in placeholder form: it may contain no number, no name or brand, no claim
the pricing engine did not make, no placeholder the facts cannot fill, only 2-3 sentences, in the facts'
language, and no echo of the prompt. The shown (filled) text is audited again with the facts' own
strings taken out, so a filled explanation is faithful by construction and by check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.explain.facts import ExplanationFacts
from assistant.explain.filling import ANY_BRACED, PLACEHOLDER, allowed_placeholders, fact_values

_DIGITS = re.compile(r"[0-9０-９]")
_MONEY_SIGNS = re.compile(r"[$€£¥￥%％]")
_EN_NUMBER_WORDS = re.compile(
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|billion|half|dozen|dollars?|bucks|cents?|usd|euros?|pounds?|"
    r"yuan|rmb|percent|per cent)\b",
    re.IGNORECASE,
)
_ZH_NUMBERS = re.compile(r"[〇零二三四五六七八九十百千万亿两]|美元|人民币|元钱|块钱|折")
# Claims no pricing fact can back, whatever the bundle.
_EN_ALWAYS = re.compile(
    r"\b(free|freebie|gratis|guarantee[sd]?|guaranteed|best price|lowest price|cheapest|limited[- ]time|"
    r"today only|only today|warrant(?:y|ies)|coupon|promo(?:tion)?|clearance|sale|refund|price match|"
    r"ignore|instruction|instructions)\b",
    re.IGNORECASE,
)
_EN_SAVING = re.compile(
    r"\b(discount(?:ed|s)?|sav(?:e|es|ed|ing|ings)|deal|bargain|reduced|off|less than|lower price|"
    r"markdown)\b",
    re.IGNORECASE,
)
_EN_COMPARISON = re.compile(
    r"\b(cheaper|pricier|costs? more|worth the extra|more expensive)\b",
    re.IGNORECASE,
)
_ZH_ALWAYS = re.compile(r"免费|赠送|白送|包邮|保证|最低价|最便宜|限时|今天|仅此|退款|忽略|指令")
_ZH_SAVING = re.compile(r"优惠|折扣|节省|省下|省钱|便宜|划算|减")
_ZH_COMPARISON = re.compile(r"更便宜|更贵|贵一些|实惠的那套")
_ECHO_MARKERS = re.compile(
    r"<\||\|>|im_start|im_end|\b(system|assistant|user)\s*:|\bbundle:|\bneed:|\bitems:|\bprice:|\blanguage:|"
    r"\bplaceholder|\bfacts?\b",
    re.IGNORECASE,
)
# What an amount is, by the words before it: "instead of {list_price}", "save {savings}",
# "you pay {bundle_price}".
# "costs {savings} less" is a difference, so a saving may follow a cost verb when "less" or "more" comes next.
_MONEY_CUES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (
        re.compile(
            r"\b(?:instead of|rather than|against|down from|compared (?:with|to)|versus|total of)"
            r"\s+(\{\w+\})",
            re.IGNORECASE,
        ),
        frozenset({"{list_price}"}),
    ),
    (
        re.compile(r"\b(?:save|saves|saving(?: you| of)?|savings of|keeping)\s+(\{\w+\})", re.IGNORECASE),
        frozenset({"{savings}"}),
    ),
    (
        re.compile(r"\b(?:you pay|costs?|comes? to)\s+(\{\w+\})(?!\s+(?:less|more)\b)", re.IGNORECASE),
        frozenset({"{bundle_price}"}),
    ),
)
# "{item:2} takes care of the case": a verb that gives the item before it a role, then the role.
_ROLE_VERBS = (
    r"(?:covers?|takes? care of|adds?|handles?|brings?|suppl(?:y|ies)|provides?|is|are|as|serves? as|"
    r"works? as|fills? in as|rounds? it out as)"
)
_ITEM = re.compile(r"\{item:(\d{1,2})\}")
_AMOUNT = re.compile(r"\{(?:bundle_price|list_price|savings)\}")
_JOINT = re.compile(r"\s*(?:,|and|,\s*and)\s*")  # "{item:2} and {item:3} supply the ..."
_CLAUSE_END = re.compile(r"[.!?;。！？；]")
_SENTENCE_END = re.compile(r"[.!?。！？]+(?=\s|$)|[。！？]+")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]*|\b[a-z]+[A-Z][\w-]*")
_WORD = re.compile(r"\{[^{}]*\}|[\w'’-]+")
_ECHO_NGRAM = 6  # this many consecutive words shared with the prompt is an echo
_SHOPPER_NGRAM = 5  # this many consecutive words of the shopper's text is parroting (injection)


@dataclass(frozen=True, slots=True)
class Verdict:
    """The checker's decision; `reasons` name every rule broken (empty when accepted)."""

    reasons: tuple[str, ...] = ()

    @property
    def accepted(self) -> bool:
        return not self.reasons


@dataclass(frozen=True, slots=True)
class LengthLimits:
    """How long an explanation may be, in sentences and in words (en) or characters (zh)."""

    min_sentences: int = 2
    max_sentences: int = 3
    min_words: int = 12
    max_words: int = 75
    min_chars_zh: int = 20
    max_chars_zh: int = 150


class ExplanationChecker:
    """Accepts only explanations whose every statement the facts support."""

    def __init__(self, *, known_names: Iterable[str] = (), limits: LengthLimits | None = None) -> None:
        # Names of the catalog's brands and products: none may be written freely (only via {item:N}).
        self._catalog_names = _names_pattern(known_names)
        self._limits = limits or LengthLimits()

    def check(self, text: str, facts: ExplanationFacts, *, prompt: str = "") -> Verdict:
        """Judge a complete model output (placeholder form) against `facts` and the prompt it answered."""
        reasons = list(self._content_reasons(text, facts))
        reasons += self._length_reasons(text, facts)
        if prompt and _shares_ngram(text, prompt, _ECHO_NGRAM):
            reasons.append("echo: repeats the prompt")
        return Verdict(tuple(dict.fromkeys(reasons)))

    def check_prefix(self, text: str, facts: ExplanationFacts) -> Verdict:
        """Judge the beginning of a streamed output: everything except the rules that need the end."""
        reasons = list(self._content_reasons(text, facts))
        if len(_sentences(text)) > self._limits.max_sentences:
            reasons.append("length: too many sentences")
        return Verdict(tuple(dict.fromkeys(reasons)))

    def check_shown(self, text: str, facts: ExplanationFacts) -> Verdict:
        """Audit a filled explanation: with the facts' own strings taken out, nothing else may remain."""
        stripped = text
        for placeholder, value in sorted(fact_values(facts).items(), key=lambda kv: -len(kv[1])):
            stripped = stripped.replace(value, placeholder)
        return Verdict(tuple(dict.fromkeys(self._content_reasons(stripped, facts))))

    def _content_reasons(self, text: str, facts: ExplanationFacts) -> Iterable[str]:
        allowed = allowed_placeholders(facts)
        for braced in ANY_BRACED.findall(text):
            if braced not in allowed:
                yield f"placeholder: {braced} is not in the facts"
        plain = PLACEHOLDER.sub(" ", text)
        if "{" in plain or "}" in plain:
            yield "placeholder: malformed braces"
        if _DIGITS.search(plain) or _MONEY_SIGNS.search(plain) or _EN_NUMBER_WORDS.search(plain):
            yield "number: writes a number or amount"
        if _ZH_NUMBERS.search(plain):
            yield "number: writes a number or amount"
        yield from self._claim_reasons(plain, facts)
        yield from _role_reasons(text, facts)
        yield from _money_reasons(text)
        yield from self._name_reasons(plain, facts)
        if _ECHO_MARKERS.search(plain):
            yield "echo: repeats prompt markup"
        if any(_shares_ngram(text, words, _SHOPPER_NGRAM) for words in facts.need.words()):
            yield "echo: repeats the shopper's words"
        yield from _language_reasons(plain, facts)

    def _claim_reasons(self, plain: str, facts: ExplanationFacts) -> Iterable[str]:
        if _EN_ALWAYS.search(plain) or _ZH_ALWAYS.search(plain):
            yield "claim: a promise the facts do not make"
        if not facts.has_savings and (_EN_SAVING.search(plain) or _ZH_SAVING.search(plain)):
            yield "claim: a saving the pricing engine did not give"
        comparison = _EN_COMPARISON.search(plain) or _ZH_COMPARISON.search(plain)
        if comparison and not facts.has_cheaper_alternative:
            yield "claim: compares with a bundle that is not offered"

    def _name_reasons(self, plain: str, facts: ExplanationFacts) -> Iterable[str]:
        bundle_names = [n for item in facts.items for n in (item.brand, item.title, item.title_zh) if n]
        for pattern in (self._catalog_names, _names_pattern(bundle_names)):
            found = pattern.search(plain) if pattern else None
            if found:
                yield f"name: writes {found.group(0)!r} instead of a placeholder"
                return
        shopper_words = {word for text in facts.need.words() for word in _WORD.findall(text)}
        for sentence in _sentences(plain):
            for match in _CAPITALISED.finditer(sentence.strip()):
                word = match.group(0)
                if word != "I" and word not in shopper_words:
                    yield f"name: capitalised word {word!r} looks like a name"
                    return

    def _length_reasons(self, text: str, facts: ExplanationFacts) -> Iterable[str]:
        limits = self._limits
        sentences = len(_sentences(text))
        if sentences < limits.min_sentences:
            yield "length: too few sentences"
        if sentences > limits.max_sentences:
            yield "length: too many sentences"
        if facts.locale == "zh":
            size = len(PLACEHOLDER.sub("商品", text).strip())
            low, high = limits.min_chars_zh, limits.max_chars_zh
        else:
            size, low, high = len(_WORD.findall(text)), limits.min_words, limits.max_words
        if size < low:
            yield "length: too short"
        if size > high:
            yield "length: too long"


def _role_reasons(text: str, facts: ExplanationFacts) -> Iterable[str]:
    """A role given to the wrong item: "{item:3} covers the charger" when the charger is item 2.

    Subjects are the item placeholders (joined by "and" or commas); their predicate runs to the next item
    or the end of the clause. Only roles of the bundle's other items count, right after a role verb.
    """
    roles = {item.index: item.role.lower() for item in facts.items if item.role}
    if len(set(roles.values())) < 2 or facts.locale != "en":
        return
    names = "|".join(re.escape(name) for name in sorted(set(roles.values()), key=len, reverse=True))
    one_role = rf"(?:the|a|an|your)\s+({names})\b"
    # "covers the screen protector and the power bank": every role of a coordinated list counts
    listed_roles = rf"\b{_ROLE_VERBS}\s+{one_role}(?:\s*(?:,\s*and|,|and)\s+{one_role})*"
    chain = re.compile(listed_roles, re.IGNORECASE)
    role = re.compile(one_role, re.IGNORECASE)
    mentions = list(_ITEM.finditer(text))
    subjects: set[int] = set()
    for position, mention in enumerate(mentions):
        subjects.add(int(mention.group(1)))
        following = mentions[position + 1] if position + 1 < len(mentions) else None
        end = following.start() if following else len(text)
        between = text[mention.end() : end]
        if following is not None and _JOINT.fullmatch(between):
            continue  # the next item shares this predicate
        clause = _CLAUSE_END.split(between, maxsplit=1)[0]
        said = {
            named.group(1).lower()
            for listed in chain.finditer(clause)
            for named in role.finditer(listed.group(0))
        }
        own = {roles.get(index) for index in subjects}
        wrong = sorted(said - own)
        subjects = set()
        if wrong:
            yield f"claim: gives {mention.group(0)} the role {wrong[0]!r} of another item"
            return


def _money_reasons(text: str) -> Iterable[str]:
    """An amount in the wrong place: "against {list_price} instead of {savings}" fills, and every number
    is the engine's, but it says the saving is what the items would cost. One amount twice in a sentence
    ("costs {bundle_price} against {list_price} instead of {list_price}") is garbled, whatever its cues."""
    for cue, meant in _MONEY_CUES:
        for found in cue.finditer(text):
            if found.group(1) not in meant:
                yield f"claim: {found.group(1)} where {sorted(meant)[0]} is meant ({found.group(0)!r})"
                return
    for sentence in _sentences(text):
        amounts = _AMOUNT.findall(sentence)
        repeated = sorted({amount for amount in amounts if amounts.count(amount) > 1})
        if repeated:
            yield f"claim: {repeated[0]} twice in one sentence"
            return


def _language_reasons(plain: str, facts: ExplanationFacts) -> Iterable[str]:
    cjk = len(_CJK.findall(plain))
    latin = len(_LATIN_WORD.findall(plain))
    if facts.locale == "en" and cjk:
        yield "language: Chinese text in an English explanation"
    if facts.locale == "zh" and latin:
        yield "language: Latin-script words in a Chinese explanation"


def _sentences(text: str) -> list[str]:
    parts = _SENTENCE_END.split(text.strip())
    return [part for part in parts if _WORD.search(part) or _CJK.search(part)]


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _shares_ngram(text: str, source: str, size: int) -> bool:
    source_words = _words(source)
    if len(source_words) < size:
        return False
    grams = {tuple(source_words[i : i + size]) for i in range(len(source_words) - size + 1)}
    words = _words(text)
    return any(tuple(words[i : i + size]) in grams for i in range(len(words) - size + 1))


def _names_pattern(names: Iterable[str | None]) -> re.Pattern[str] | None:
    """One compiled alternation of the checkable `names` as whole words (longest first), or None.

    Streaming checks every prefix of every explanation, so a catalog's hundreds of names are matched
    in one pass rather than one regular expression each (which measured 25 ms per check).
    """
    checkable = sorted(
        {name for name in names if name and _is_checkable_name(name)}, key=lambda n: (-len(n), n)
    )
    if not checkable:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(name) for name in checkable)})(?!\w)")


def _is_checkable_name(name: str | None) -> bool:
    """Names worth searching for verbatim: at least 3 characters and not an all-lowercase common word
    (Sephora's brand "fresh"); capitalised mentions are caught by the capitalisation rule anyway."""
    return bool(name) and len(name or "") >= 3 and not (name or "").islower()
