"""`IntentParser`: one message in, intent + confidence + canonical slots out, from the fine-tuned model."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np

from assistant.errors import InvalidInputError
from assistant.intent.markup import Span, decode_tags, spans_from_tags, whole_compounds
from assistant.intent.model import encode
from assistant.intent.runtime import IntentRuntime
from assistant.intent.slots import Slots, assemble_slots
from assistant.intent.taxonomy import REQUEST_OR_CHANGE
from assistant.intent.units import UNIT
from assistant.intent.values import (
    asks_for_others,
    category_features,
    names_wearer_only,
    negation_before,
    parse_price_direction,
    wearer,
)
from assistant.intent.vocabulary import LINE_NICKNAMES, PRODUCT_LINES, NamedModel, SlotVocabulary
from assistant.intent.words import has_cjk, in_english, split_words
from retrieval.text import fold
from retrieval.zh_lexicon import gloss_text

_NAMING_SLOTS = ("brand", "exclude_brand", "category")  # "mens" is who it is for, never a brand
MAX_MESSAGE_CHARS = 1000  # longer messages are cut; a shopping request never needs more


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """The understanding of one message."""

    intent: str
    confidence: float
    slots: Slots
    spans: tuple[tuple[str, str], ...] = field(default=())  # (slot, surface text) as tagged
    owned: tuple[str, ...] = ()  # categories the shopper already has ("a case for my phone"): not to sell
    fits: tuple[str, ...] = ()  # catalog models what they buy must fit ("a case for my iPhone 16 Pro")
    device_brands: tuple[str, ...] = ()  # brands named with that model ("my [Canon] EOS R50"): not wanted
    models: tuple[str, ...] = ()  # every catalog model named: an answer to "which phone is it for?"
    line_brands: tuple[str, ...] = ()  # brands a product line implies: "the cheapest [iphone]" is Apple's
    wearer: str | None = None  # "women" or "men": "women's running shoes", "a perfume for [my husband]"
    others: bool = False  # "something different", "other options": not the products shown
    # P(build_bundle) + P(refine): how sure the model is that it asks for products, if not in which way
    request_confidence: float = 0.0
    # what was said of the kind beyond its category ('gaming' of [gaming mouse], 'compact' of a compact
    # [camera]): no slot of the taxonomy, so the eval contract is unchanged; the goal keeps it for retrieval
    features: tuple[str, ...] = ()
    # models said as the shopper's own ("my iphone 15 died, I need a new phone"): not a model asked for
    own_models: tuple[str, ...] = ()

    @property
    def goal_slots(self) -> Slots:
        """The slots as the shopper's wishes: a product line's brand is wanted ("cheapest iphone"), a
        brand said with their own device is not ("a tripod for my [Canon] EOS R50")."""
        brands = [
            brand
            for brand in dict.fromkeys((*self.slots.brand, *self.line_brands))
            if brand not in self.device_brands and brand not in self.slots.exclude_brand
        ]
        return self.slots if brands == self.slots.brand else self.slots.model_copy(update={"brand": brands})

    def to_json(self) -> dict[str, Any]:
        """The `bundlewise intent --json` shape."""
        return {"intent": self.intent, "confidence": round(self.confidence, 4), "slots": self.slots.to_json()}


class MessageParser(Protocol):
    """Anything that understands messages: the fine-tuned model, or the rules baseline."""

    def warm_up(self) -> None:
        """Load what parsing needs."""
        ...

    def parse_many(self, texts: list[str]) -> list[ParsedMessage]:
        """Parse several messages at once."""
        ...


def clean_message(text: str) -> str:
    """Printable, single-spaced, bounded text; raises `InvalidInputError` when nothing is left."""
    if not isinstance(text, str):
        raise InvalidInputError(f"message must be text, got {type(text).__name__}")
    visible = "".join(
        ch if unicodedata.category(ch)[0] != "C" else " "
        for ch in unicodedata.normalize("NFKC", text[: MAX_MESSAGE_CHARS * 2])
    )
    cleaned = " ".join(visible.split())[:MAX_MESSAGE_CHARS]
    if not cleaned:
        raise InvalidInputError("message is empty")
    return cleaned


def has_words(text: str) -> bool:
    """False for emoji-only or punctuation-only messages, which carry no request."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


class IntentParser:
    """The fine-tuned joint model behind `MessageParser`; loads the shipped LoRA artefact in `warm_up`."""

    def __init__(
        self,
        *,
        artifact_dir: Path,
        base_model_path: Path | None,
        vocabulary: SlotVocabulary,
        torch_threads: int | None = None,
        runtime: Literal["auto", "onnx", "torch"] = "auto",
        cache_dir: Path | None = None,
    ) -> None:
        self._artifact_dir = artifact_dir
        self._base_model_path = base_model_path
        self._vocabulary = vocabulary
        self._torch_threads = torch_threads
        self._runtime_kind = runtime
        self._cache_dir = cache_dir
        self._model: IntentRuntime | None = None
        self._tokenizer: Any = None
        self._intents: list[str] = []
        self._tags: list[str] = []
        self._lock = threading.Lock()

    @property
    def vocabulary(self) -> SlotVocabulary:
        """The catalog vocabulary slots are normalised against."""
        return self._vocabulary

    def warm_up(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            from transformers import AutoTokenizer

            from assistant.intent.artifact import load_artifact, read_config
            from assistant.intent.runtime import OnnxRuntime, TorchRuntime, onnx_model_file
            from retrieval.embedders.sentence_transformer import configure_torch_threads, default_model_path
            from retrieval.onnx import onnx_available

            configure_torch_threads(self._torch_threads)
            base = self._base_model_path or default_model_path()
            use_onnx = self._runtime_kind == "onnx" or (
                self._runtime_kind == "auto" and self._cache_dir is not None and onnx_available()
            )
            config = read_config(self._artifact_dir)
            if use_onnx:
                cache_dir = self._cache_dir or Path.home() / ".cache" / "bundlewise"
                model_file = onnx_model_file(self._artifact_dir, base, cache_dir)
                tokenizer = AutoTokenizer.from_pretrained(str(base), local_files_only=True)
                runtime: IntentRuntime = OnnxRuntime(model_file)
            else:
                model, tokenizer, config = load_artifact(self._artifact_dir, base)
                runtime = TorchRuntime(model)
            self._intents, self._tags = config.intents, config.tags
            self._tokenizer, self._model = tokenizer, runtime

    def parse(self, text: str) -> ParsedMessage:
        """Understand one message."""
        return self.parse_many([text])[0]

    def parse_many(self, texts: list[str]) -> list[ParsedMessage]:
        cleaned = [clean_message(text) for text in texts]
        self.warm_up()
        assert self._model is not None
        # Emoji- or punctuation-only messages carry no request: out of scope without a model call.
        results = [
            None if has_words(text) else ParsedMessage("out_of_scope", 1.0, Slots()) for text in cleaned
        ]
        pending = [i for i, result in enumerate(results) if result is None]
        if pending:
            words = [split_words(cleaned[i]) for i in pending]
            encoded = encode(self._tokenizer, words)
            intent_logits, tag_logits = self._model(encoded.inputs)
            probabilities = _softmax(intent_logits)
            tag_log_probs = np.log(_softmax(tag_logits) + 1e-12)
            for row, index in enumerate(pending):
                intent_id = int(probabilities[row].argmax())
                confidence = probabilities[row, intent_id]
                tags = _word_tags(tag_log_probs[row], encoded.first_piece[row], self._tags)
                spans = whole_compounds(cleaned[index], spans_from_tags(cleaned[index], words[row], tags))
                message = self._message(
                    cleaned[index], self._intents[int(intent_id)], float(confidence), spans
                )
                either = sum(
                    float(probabilities[row, self._intents.index(name)]) for name in REQUEST_OR_CHANGE
                )
                results[index] = replace(message, request_confidence=either)
        return [result for result in results if result is not None]  # every slot is filled by now

    def _device_lines(self, text: str, spans: list[Span]) -> list[Span]:
        """Product lines named right before an accessory's kind ('an [iphone] [case]', 'a [pixel] [case]',
        '[macbook] [charger]'): the device it is for, not a phone to sell beside a case nor a brand of case.
        A line before a kind of device names that device ('[pixel] [watch]', '[galaxy] [watch]'); a brand's
        own name is its brand ('[mac] [lipstick]')."""
        found = []
        for span, following in pairwise(spans):
            line = text[span.start : span.end]
            if (
                span.slot in ("category", "brand")
                and following.slot == "category"
                and not text[span.end : following.start].strip()
                and self._vocabulary.line_kind(line)
                and not self._vocabulary.is_brand_name(line)  # '[mac] [lipstick]' is MAC's lipstick
            ):
                wanted = self._vocabulary.category(text[following.start : following.end])
                if (
                    wanted
                    and not self._vocabulary.is_device_kind(wanted)
                    and not self._vocabulary.titles_line_of(line, text[following.start : following.end])
                ):
                    found.append(span)
        return found

    def _product_lines(self, text: str, spans: list[Span]) -> list[Span]:
        """A product line tagged as a kind right before a kind its products are titled with ('[galaxy]
        [buds]', '[pixel] [buds]'): the name of those products, said as what they are, not a phone to sell
        beside them nor the shopper's phone."""
        return [
            span
            for span, following in pairwise(spans)
            if span.slot == "category"
            and following.slot == "category"
            and not text[span.end : following.start].strip()
            and self._vocabulary.line_kind(text[span.start : span.end])
            and self._vocabulary.titles_line_of(
                text[span.start : span.end], text[following.start : following.end]
            )
        ]

    def _features(
        self, text: str, spans: list[Span], slots: Slots, *, devices: Iterable[str] = ()
    ) -> tuple[str, ...]:
        """What was said of the main kind asked for (the first category): 'gaming' of 'a gaming mouse and a
        keyboard', never 'mechanical' of the keyboard beside it, nor the device it is for ('iphone 16 pro
        case': no 'pro' case)."""
        first = slots.category[:1]
        own = [
            span
            for span in spans
            if span.slot == "category" and [self._vocabulary.category(text[span.start : span.end])] == first
        ]
        described = [_in_english(surface) for surface in described_categories(text, spans, own)]
        use = slots.use_case or ""
        if not slots.category:  # "what about wireless ones", "swap the mouse for a gaming one": the kind's
            described = [match.group(0) for match in _ONES.finditer(text)]
            use = ""  # a use said of 'one' is what it must be made for
        others = [*slots.attributes.values(), *slots.brand, use, *devices]
        tagged = category_features([_in_english(text[s.start : s.end]) for s in own], slots.category, others)
        # 'earbuds [with noise cancelling]': what it must have, said after the kind (the AirPods 4, which
        # have none, had led a bundle)
        described += [f"{clause} {slots.category[0]}" for clause in with_clauses(text, spans, own[:1])]
        # a word the tagger left out counts only if products are described by it ('a compact [camera]'),
        # never 'she' of 'she likes [skincare]'; one inside the span counts either way ('hiking shoes':
        # the reply says none is described so)
        return tuple(
            word
            for word in category_features(described, slots.category, others)
            if word in tagged or self._vocabulary.describes(word)
        )

    def _message(self, text: str, intent: str, confidence: float, spans: list[Span]) -> ParsedMessage:
        spans = form_factors(text, wanted_brands(text, whole_brands(text, spans, self._vocabulary)))
        spans = merge_modifiers(text, attach_numbers(text, resolutions(text, spans)), self._vocabulary)
        spans = lines_after_articles(
            text, brands_before_categories(text, spans, self._vocabulary), self._vocabulary
        )
        kept = [
            span
            for span in spans
            if not (span.slot.startswith("budget") and _not_money(text, span))
            and not (span.slot in _NAMING_SLOTS and names_wearer_only(text[span.start : span.end]))
        ]
        kept = items_not_bundles(text, kept)  # 'swap [the second item] in the first bundle'
        kept = interfaces_not_kinds(text, kept)  # '[Micro USB] Power Supply [Charger]'
        device_lines = self._device_lines(text, kept)  # '[iphone] [case]': a case for an iPhone
        named_lines = self._product_lines(text, kept)  # '[galaxy] [buds]': Galaxy Buds, no phone
        kept = [span for span in kept if span not in device_lines and span not in named_lines]
        slots, owned = span_slots(text, kept, self._vocabulary)
        chinese_refine = intent == "refine" and has_cjk(text) and not slots.to_json()
        if chinese_refine and (direction := parse_price_direction(text)):
            # '贵一点的' read as refine with no span (the tagger is weaker on glossed Chinese): the change its
            # words name, not "I can't narrow it down". English words are left to the tagger: as substrings
            # of a whole message, 'best', 'top' and 'less' name no price ("what brand is best of these")
            slots = slots.model_copy(update={"price_direction": direction})
        device = fitted_device(text, kept, slots, owned, self._vocabulary)
        surfaces = tuple((span.slot, text[span.start : span.end]) for span in kept)
        own_lines = [
            text[span.start : span.end]
            for span in kept
            if span.slot in ("brand", "category")
            and _POSSESSIVE.search(text, 0, span.start)
            and self._vocabulary.line_kind(text[span.start : span.end])
        ]  # 'earbuds for my [pixel]', 'a case for my [galaxy]': their phone, not a wish for Google earbuds
        own_lines += untagged_own_lines(text, kept, self._vocabulary)
        own_lines += [text[span.start : span.end] for span in device_lines]
        line_kinds = [self._vocabulary.line_kind(line) or "" for line in own_lines]
        owned = tuple(dict.fromkeys((*owned, *device.kinds, *line_kinds)))
        lines = line_brands(text, kept, owned, self._vocabulary)
        own_devices = [
            surface
            for slot, surface in surfaces
            if slot == "category" and self._vocabulary.category(surface) in owned
        ]
        fits = device.models or line_platforms(
            (*own_devices, *own_lines), self._vocabulary
        )  # 'earbuds for my iphone': iOS
        ordered = sorted(kept, key=lambda span: span.start)
        branded = [  # 'my [samsung] [phone]': the brand of their device, not one wanted for the watch
            self._vocabulary.brand(text[brand.start : brand.end])
            for brand, device_span in pairwise(ordered)
            if brand.slot == "brand"
            and device_span.slot == "category"
            and (_POSSESSIVE.search(text, 0, brand.start) or _FOR_ONE.search(text, 0, brand.start))
            and self._vocabulary.category(text[device_span.start : device_span.end]) in owned
        ]  # 'a lens for a [canon] [camera]' too
        device_brands = (*device.brands, *(self._vocabulary.brand(line) for line in own_lines), *branded)
        recipients = (wearer(surface) for slot, surface in surfaces if slot == "recipient")
        who = wearer(text, kin=False) or next((found for found in recipients if found), None)
        return ParsedMessage(
            intent,
            confidence,
            slots,
            surfaces,
            owned,
            fits,
            device_brands,
            device.named,
            lines,
            who,
            asks_for_others(text),
            features=tuple(
                dict.fromkeys(
                    (
                        *self._features(text, kept, slots, devices=[*own_lines, *device.named]),
                        *(fold(text[span.start : span.end]) for span in named_lines),
                    )
                )
            ),
            own_models=device.own,
        )


_ONES = re.compile(r"\b(?:[A-Za-z][A-Za-z-]*\s+){1,2}ones?\b", re.IGNORECASE)


def _in_english(surface: str) -> str:
    """A Chinese span's English gloss where the lexicon has one ('游戏鼠标' -> 'gaming mouse')."""
    return (gloss_text(surface)[0] or surface) if has_cjk(surface) else surface


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z-]*)\s+$")


def with_clauses(text: str, spans: list[Span], of: list[Span]) -> list[str]:
    """The untagged words of a 'with' clause right after each span in `of` ('earbuds [with noise
    cancelling] under 200'), up to the next span, punctuation or a word that starts another part."""
    clauses = []
    for span in of:
        found = _WITH_AFTER.match(text, span.end)
        if found is None:
            continue
        end = min((other.start for other in spans if other.start >= found.end()), default=len(text))
        words = []
        for word in _CLAUSE_WORD.finditer(text, found.end(), end):
            if word.group(0).casefold() in _CLAUSE_STOPS:
                break
            words.append(word.group(0))
            if text[word.end() : word.end() + 1] in ",.;!?":
                break
        if words and not _DEGREE & {word.casefold() for word in words}:
            clauses.append(" ".join(words))  # 'with long battery life' asks for more of a number, no word
    return clauses


_WITH_AFTER = re.compile(
    r"\s+(?:with|that\s+(?:has|have)|having|featuring)\s+(?:(?:an?|the|some|good|great|decent)\s+)?", re.I
)
_CLAUSE_WORD = re.compile(r"[\w'-]+")
_DEGREE = frozenset(
    {"long", "longer", "big", "bigger", "large", "larger", "fast", "faster", "high", "higher", "more", "lots",
     "plenty", "low", "lower", "small", "smaller", "light", "lighter", "better", "best", "good", "great"}
)  # fmt: skip
_CLAUSE_STOPS = frozenset(
    {"for", "under", "below", "over", "and", "or", "in", "from", "to", "that", "which", "but"}
)


def described_categories(text: str, spans: list[Span], of: list[Span], words: int = 2) -> list[str]:
    """The text of each span in `of` (category spans among `spans`) with up to `words` untagged words just
    before it: 'a compact [camera]' -> 'compact camera' (the tagger often leaves that word out)."""
    described = []
    for span in of:
        start = span.start
        floor = max((other.end for other in spans if other.end <= span.start), default=0)
        for _ in range(words):
            before = _WORD_BEFORE.search(text, floor, start)
            if before is None:
                break
            start = before.start()
        described.append(text[start : span.end])
    return described


def span_slots(
    text: str, spans: list[Span], vocabulary: SlotVocabulary, *, labelled: bool = False
) -> tuple[Slots, tuple[str, ...]]:
    """Canonical slots of tagged spans, and the categories named as the shopper's own; gold annotations
    (`labelled`) are normalised through here too, so a score compares like with like, except that their
    budget bounds are the annotator's."""
    if not labelled:
        spans = negated_budgets(text, spans)
    pairs = [(span.slot, text[span.start : span.end]) for span in spans]
    slots = assemble_slots(pairs, vocabulary, labelled=labelled)
    categories = [text[span.start : span.end] for span in spans if span.slot == "category"]
    devices = [
        text[span.start : span.end]
        for span in spans
        if span.slot == "category"
        and (
            _POSSESSIVE.search(text, 0, span.start)
            or (_POSSESSIVE_BRANDED.search(text, 0, span.start) and _brand_right_before(spans, span))
            or (
                (
                    _ITS_ACCESSORIES.match(text, span.end)
                    or _ACCESSORIES_FOR.search(text, 0, span.start)
                    or _for_device_after_kind(text, spans, span, vocabulary)
                    or _compatible_before_kind(text, spans, span)
                )
                and vocabulary.is_device_kind(vocabulary.category(text[span.start : span.end]))
            )
        )
    ]
    owned = owned_categories(text, devices, slots, vocabulary)
    return (fit_to_devices(categories, devices, slots, vocabulary) if owned else slots), owned


# words asking for what goes with a device: "accessories for my iphone 16", "photography stuff for my ..."
# their device is what they shop for anew: replacing, upgrading, or one lost or broken
_REPLACING = re.compile(
    r"\b(?:new(?:er)?\s+one|replac\w*|upgrad\w*|chang\w*\s+(?:my|our)|broke|broken|lost|died|dead|stolen"
    r"|cracked|stopped\s+working)\b|换(?:个|一个|部|台)?新|坏了|丢了",
    re.IGNORECASE,
)
_FOR_IT = re.compile(
    r"\b(?:accessor(?:y|ies)|add-?ons?|extras|stuff|gear|things|bits|essentials)\b|配件", re.IGNORECASE
)
# A device named as what the accessories are for, owned or not: "camera accessories", "accessories for a
# camera", "相机配件" (these had shown cameras); a kind no catalog model is of stays a kind ("coffee stuff")
_ACCESSORY_WORDS = r"(?:accessor(?:y|ies)|add-?ons?|extras|stuff|gear|bits|essentials)"
_ITS_ACCESSORIES = re.compile(rf"\s*(?:{_ACCESSORY_WORDS}\b|配件)", re.IGNORECASE)
_ACCESSORIES_FOR = re.compile(  # 'accessories for a [HP] laptop': one word, its brand, may sit between
    rf"\b{_ACCESSORY_WORDS}\s+for\s+(?:(?:a|an|the|his|her|their)\s+)?(?:[\w'’-]+\s+)?$", re.IGNORECASE
)
# '能连iPhone的' (that connects to an iPhone) speaks of their iPhone as '我的iPhone' does
_POSSESSIVE_WORDS = r"(?:\b(?:my|our)\s+(?:(?:new|old|current)\s+)?|我的|我家的|能连|可以连|连接|兼容|适配)"
_POSSESSIVE = re.compile(_POSSESSIVE_WORDS + "$", re.IGNORECASE)
# 'my samsung phone': their device with its brand said between ("a smartwatch for my samsung phone" had
# offered Samsung phones beside the watch)
_POSSESSIVE_BRANDED = re.compile(
    r"\b(?:my|our)\s+(?:(?:new|old|current)\s+)?(?:[\w'’-]+\s+){1,2}$", re.IGNORECASE
)  # 'my samsung phone', 'my sony a7 camera' (the brand's span right before the kind)


_FOR_ONE = re.compile(r"\bfor\s+(?:a|an|the|his|her|their)\s+$", re.IGNORECASE)
# between a kind and the device it is for: 'case [for] macbook', 'a charger [for a] laptop', 'a lens [for a
# canon] camera', 'earbuds [compatible with] iphone', 'a case [that fits the] pixel' (one word, usually the
# brand, may sit between)
_FOR_BETWEEN = re.compile(
    r"\s+(?:for(?:\s+use\s+with)?|compatible\s+with|(?:(?:that|which)\s+)?(?:works?|goes?|fits?)(?:\s+with)?)\s+"
    r"(?:(?:a|an|the|his|her|their)\s+)?(?:\d+(?:\.\d+)?[\s-]*(?:inch|in|\"|”)\s+)?(?:[\w'’-]+\s+)?",
    re.IGNORECASE,
)  # 'a laptop bag that fits a [16 inch] laptop': its size may come before it too
# after a device, before the kind for it: 'iphone[ compatible ]earbuds', 'android-compatible watch'
_COMPATIBLE_BEFORE_KIND = re.compile(r"(?:\s+|-)compatible\s+", re.IGNORECASE)


def _for_device_after_kind(text: str, spans: list[Span], span: Span, vocabulary: SlotVocabulary) -> bool:
    """Whether `span` is the device a kind said just before it is for ('a case for a macbook'): that kind is
    no device itself (a phone 'for a kid' or 'for a laptop' user stays a phone)."""
    kinds = [other for other in spans if other.slot == "category" and other.end <= span.start]
    if not kinds:
        return False
    before = kinds[-1]
    if vocabulary.is_device_kind(vocabulary.category(text[before.start : before.end])):
        return False
    return bool(_FOR_BETWEEN.fullmatch(text, before.end, span.start))


def _compatible_before_kind(text: str, spans: list[Span], span: Span) -> bool:
    """Whether `span` is a device said as what the kind after it must be compatible with ('[iphone]
    compatible [earbuds]': earbuds, not an iPhone beside them)."""
    after = _COMPATIBLE_BEFORE_KIND.match(text, span.end)
    return after is not None and any(
        other.slot == "category" and other.start == after.end() for other in spans
    )


def _brand_right_before(spans: list[Span], span: Span) -> bool:
    """Whether the span just before `span` is a brand ('my [samsung] [phone]')."""
    before = [other for other in spans if other.end <= span.start]
    return bool(before) and before[-1].slot == "brand"


def owned_categories(
    text: str, devices: list[str], slots: Slots, vocabulary: SlotVocabulary
) -> tuple[str, ...]:
    """Categories named as the shopper's own (`devices`: 'a case for my [phone]', '我的[手机]'), when the
    message also names something else to buy or asks for accessories: the device they are for, which a
    bundle must fit, not include."""
    owned = {vocabulary.category(device) for device in devices}
    if set(slots.category) <= owned and not _FOR_IT.search(text):
        return ()  # "a case for my phone" names the case; "my phone broke, need a new one" wants a phone
    if _REPLACING.search(text) and not _FOR_IT.search(text):
        # "changing my old cell phone for a newer one ... a good camera and good battery" wants a phone,
        # the camera and battery said of it (cameras had been shown, the phone taken as theirs)
        return ()
    return tuple(category for category in slots.category if category in owned)


# Before a device the purchase is for: "for my", "works with the", "compatible with", "我的", "适用于";
# one word may sit between, usually its brand ("for my canon eos r50").
_FOR_DEVICE = re.compile(
    r"(?:\b(?:for|fits?|fitting|(?:works?|compatible|goes?) with|for use with)\s+"
    r"(?:(?:my|our|the|a|an|his|her)\s+)?|\b(?:my|our)\s+)"
    r"(?:(?:new|old|current)\s+)?(?:[\w'’-]+\s+)?$|(?:我的|适用于?|适合)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FittedDevice:
    """Catalog models a purchase must fit (and their platforms: earbuds for a Pixel must work with Android),
    their kinds of product, and brands named with them."""

    models: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    named: tuple[str, ...] = ()  # every model the message names, theirs or not ("iphone 16 pro" alone)
    own: tuple[str, ...] = ()  # the models said as theirs ("my iphone 15 died"), fitted to or not


def fitted_device(
    text: str, spans: list[Span], slots: Slots, owned: tuple[str, ...], vocabulary: SlotVocabulary
) -> FittedDevice:
    """Catalog models named as the shopper's own or as what the purchase is for ('a case for my iPhone
    16 Pro', '适用于iPhone 16的手机壳'), when the message names something else to buy or asks for
    accessories: what they buy must fit the model, its kind is not for sale, and a brand named with it
    ('for my [Canon] EOS R50') is the device's, not one wanted for the tripod.
    'my iphone 15 died, I need a new phone' wants that kind: nothing is fitted."""
    buying = set(slots.category) - set(owned)
    every = vocabulary.models_named(text)
    mentioned = tuple(dict.fromkeys(name for model in every for name in model.fit_names))
    own = tuple(
        dict.fromkeys(
            name for model in every if _POSSESSIVE.search(text, 0, model.start) for name in model.fit_names
        )
    )
    named: list[tuple[int, NamedModel]] = []
    for model in every:
        owner = _FOR_DEVICE.search(text, 0, model.start)
        if owner is not None and not buying & set(model.kinds):
            named.append((owner.start(), model))
        elif buying and not buying & set(model.kinds) and _kind_follows(text, model.end, spans):
            named.append((model.start, model))  # 'an iphone 16 pro case', 'a galaxy s25 case'

    if not named or not (buying or _FOR_IT.search(text)):
        return FittedDevice(named=mentioned, own=own)
    brands = [
        vocabulary.brand(text[span.start : span.end])
        for span in spans
        if span.slot == "brand" and any(begin <= span.start and span.end <= m.end for begin, m in named)
    ]
    return FittedDevice(
        models=tuple(dict.fromkeys(name for _, model in named for name in model.fit_names)),
        kinds=tuple(dict.fromkeys(model.kinds[0] for _, model in named if model.kinds)),
        brands=tuple(dict.fromkeys(brands)),
        named=mentioned,
        own=own,
    )


def _kind_follows(text: str, end: int, spans: list[Span]) -> bool:
    """Whether a category span starts right after `end` (nothing but spaces between)."""
    return any(
        span.slot == "category" and span.start >= end and not text[end : span.start].strip() for span in spans
    )


_OWN_LINE = re.compile(
    _POSSESSIVE_WORDS + f"({'|'.join(sorted({*PRODUCT_LINES, *LINE_NICKNAMES}))})s?\\b", re.IGNORECASE
)


def untagged_own_lines(text: str, spans: Iterable[Span], vocabulary: SlotVocabulary) -> list[str]:
    """Product lines said as the shopper's own that no span covers: 'a case for my galaxy' (the model
    tags no slot on 'galaxy') is a case for their Galaxy phone, not for any phone."""
    covered = [(span.start, span.end) for span in spans]
    found = []
    for match in _OWN_LINE.finditer(text):
        start, end = match.span(1)
        if not any(a < end and start < b for a, b in covered) and vocabulary.line_kind(match.group(1)):
            found.append(match.group(1))
    return found


def line_platforms(lines: Iterable[str], vocabulary: SlotVocabulary) -> tuple[str, ...]:
    """The platforms of the product lines among `lines` (the shopper's own device named by its line, no
    model said: 'my iphone' is iOS); words that name no line give none."""
    return tuple(dict.fromkeys(platform for line in lines for platform in vocabulary.line_platforms(line)))


def line_brands(
    text: str, spans: list[Span], owned: tuple[str, ...], vocabulary: SlotVocabulary
) -> tuple[str, ...]:
    """Brands of product lines named as categories ('iphone', 'galaxy', 'macbook'), unless the line is
    the shopper's own device ('a case for my iphone' wants no Apple case)."""
    brands = []
    for span in spans:
        surface = text[span.start : span.end]
        if span.slot == "category" and vocabulary.category(surface) not in owned:
            brand = vocabulary.line_brand(surface)
            if brand:
                brands.append(brand)
    return tuple(dict.fromkeys(brands))


def fit_to_devices(
    categories: list[str], devices: list[str], slots: Slots, vocabulary: SlotVocabulary
) -> Slots:
    """'a bag for my camera' is a camera bag, not the laptop bag 'bag' alone would match: an accessory
    word joined to the shopper's device, when the catalog has that exact category, names it."""
    renamed: dict[str, str] = {}
    for surface in (category for category in categories if category not in devices):
        for device in devices:
            # '我的相机的包' is a camera bag too; 'iPhone 耳机' is no phone, though 'iphone' alone names one
            compound = vocabulary.known(f"{in_english(device)} {in_english(surface)}")
            if compound and compound != vocabulary.category(device):
                renamed[vocabulary.category(surface)] = compound
                break
    if not renamed:
        return slots
    fitted = list(dict.fromkeys(renamed.get(category, category) for category in slots.category))
    return slots.model_copy(update={"category": fitted})


# A word that describes a product and is never one: '[external] [hard drive]', '[wireless] [flash trigger]'
_DESCRIBES = re.compile(
    r"(?:remote|cold|hot|smart|mini|micro|compact|external|internal|portable|wireless|wired|electric|digital|"
    r"manual|automatic|mechanical|ergonomic|waterproof|adjustable|foldable|rechargeable|cordless|light|"
    r"lightweight|heavy|thin|slim|large|small|big|usb|hdmi|thunderbolt|displayport|bluetooth)",
    re.IGNORECASE,
)


def merge_modifiers(text: str, spans: list[Span], vocabulary: SlotVocabulary) -> list[Span]:
    """Join a category span to the next one when it is a modifier of it: '[mechanical] [keyboard]' tagged
    as two categories is one mechanical keyboard. Two known categories side by side ('[shoes] [bottle]')
    stay two; only a first span the catalog does not know, followed by one it does, is a modifier, or a word
    that only describes ('[light] [laptop]': a light laptop, not a lamp and a laptop)."""
    known = set(vocabulary.categories)
    merged: list[Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        first = text[previous.start : previous.end] if previous is not None else ""
        describes = _DESCRIBES.fullmatch(first) is not None
        if (
            previous is not None
            and previous.slot == span.slot == "category"
            and not text[previous.end : span.start].strip()
            and (
                (
                    vocabulary.category(first) not in known
                    and (vocabulary.category(text[previous.start : span.end]) in known or describes)
                )
                or (describes and vocabulary.category(text[span.start : span.end]) in known)
            )
        ):
            merged[-1] = Span(previous.start, span.end, "category")
        else:
            merged.append(span)
    return merged


_RESOLUTION = re.compile(r"[2458]k", re.IGNORECASE)
_AS_A_FEATURE = re.compile(r"\b(?:make it|in|a|an|want|need|with|the|is it|get|go|prefer)\s+$", re.IGNORECASE)


def resolutions(text: str, spans: list[Span]) -> list[Span]:
    """'make it [4k]' and 'in [4k]' ask for a 4K screen, not a $4,000 budget: a bare 2k/4k/5k/8k tagged as
    money, said as a feature, is the size attribute (as in 'a [4k] monitor'); 'budget is 4k' stays money."""
    return [
        Span(span.start, span.end, "size")
        if span.slot.startswith("budget")
        and _RESOLUTION.fullmatch(text[span.start : span.end])
        and _AS_A_FEATURE.search(text, 0, span.start)
        else span
        for span in spans
    ]


_INTERFACE = re.compile(
    r"(?:micro|mini)?[\s-]*(?:usb(?:[\s-]*c)?|hdmi|lightning|thunderbolt|displayport)", re.I
)


def interfaces_not_kinds(text: str, spans: list[Span]) -> list[Span]:
    """A 'kind' that is only an interface ('[Micro USB] Power Supply [Charger]', tagged as two kinds: "we
    don't carry usbs"), beside a kind that is one, is the connector that kind must have."""
    kinds = [span for span in spans if span.slot == "category"]
    if len(kinds) < 2:
        return spans
    return [
        Span(span.start, span.end, "connector")
        if span.slot == "category" and _INTERFACE.fullmatch(text[span.start : span.end].strip())
        else span
        for span in spans
    ]


_ITEM_WORD = re.compile(r"\b(?:item|product|thing|piece)s?\b", re.IGNORECASE)


def items_not_bundles(text: str, spans: list[Span]) -> list[Span]:
    """A bundle reference that says 'item' ('swap [the second item] in the first bundle', tagged as two
    bundles) is the item at that place in the bundle: an item reference."""
    return [
        Span(span.start, span.end, "item_ref")
        if span.slot == "bundle_ref" and _ITEM_WORD.search(text, span.start, span.end)
        else span
        for span in spans
    ]


def negated_budgets(text: str, spans: list[Span]) -> list[Span]:
    """A money span takes in the negation before it ('nothing [over 150]' -> '[nothing over 150]'), so its
    words say the bound it is: at most 150, not at least."""
    widened = []
    for span in spans:
        start = negation_before(text, span.start) if span.slot.startswith("budget") else None
        widened.append(span if start is None else Span(start, span.end, span.slot))
    return widened


# Words before a brand that exclude it: "nothing from the north face", "anything but new balance"
_EXCLUDING = re.compile(
    r"\b(?:not|no|nothing\s+(?:from|by)|anything\s+but|except|without|avoid|hate)\s+$", re.IGNORECASE
)


def whole_brands(text: str, spans: list[Span], vocabulary: SlotVocabulary) -> list[Span]:
    """Each brand of several words the catalog lacks (`OTHER_BRANDS`) as one brand span, whatever the
    tagger made of its words ('the [north](colour) face', 'under [armour](category)', untagged 'new
    balance'); an excluded one stays excluded. Spans reaching past the name keep their own words ('[balance
    running shoes](category)' keeps 'running shoes')."""
    found = vocabulary.whole_brands(text)
    if not found:
        return spans
    kept = list(spans)
    for start, end, _ in found:
        overlapping = [span for span in kept if span.start < end and span.end > start]
        excluded = any(span.slot == "exclude_brand" for span in overlapping) or bool(
            _EXCLUDING.search(text, 0, start)
        )
        kept = [span for span in kept if span not in overlapping]
        for span in overlapping:  # the words outside the name, trimmed of the spaces next to it
            if span.end > end and text[end : span.end].strip():
                outside = len(text[end : span.end]) - len(text[end : span.end].lstrip())
                kept.append(Span(end + outside, span.end, span.slot))
            if span.start < start and text[span.start : start].strip():
                kept.append(Span(span.start, span.start + len(text[span.start : start].rstrip()), span.slot))
        kept.append(Span(start, end, "exclude_brand" if excluded else "brand"))
    return sorted(kept, key=lambda span: span.start)


def form_factors(text: str, spans: list[Span]) -> list[Span]:
    """An untagged form factor that names a kind ('over ear please' after earbuds: headphones) as the
    category, when the message names no other (the tagger marked nothing, and the answer had been "I can't
    narrow it down by that"); right before a tagged kind, one with it ('in-ear headphones' are earbuds)."""
    found = _FORM_FACTOR.search(text)
    if not found or any(span.start < found.end() and span.end > found.start() for span in spans):
        return spans
    following = next(
        (
            span
            for span in spans
            if span.slot == "category"
            and span.start >= found.end()
            and not text[found.end() : span.start].strip()
        ),
        None,
    )
    if following is not None:  # 'in-ear [headphones]': one kind, earbuds, not headphones described as 'ear'
        merged = Span(found.start(), following.end, "category")
        return sorted(
            [*(span for span in spans if span is not following), merged], key=lambda span: span.start
        )
    if any(span.slot == "category" for span in spans):
        return spans
    return sorted([*spans, Span(found.start(), found.end(), "category")], key=lambda span: span.start)


_FORM_FACTOR = re.compile(r"\b(?:over|on|in)[\s-]?(?:the[\s-])?ears?\b", re.IGNORECASE)


# Words right before a brand that want it, and words anywhere before it that would still exclude it
_WANTING = re.compile(
    r"\b(?:prefers?|preferably|likes?|loves?|wants?|fan\s+of|rather(?:\s+have)?|go(?:es)?\s+(?:for|with)"
    r"|sticks?\s+(?:to|with)|stay(?:s|ing)?\s+(?:with|on|loyal\s+to)|keep(?:s|ing)?\s+(?:with|using)"
    r"|loyal\s+to|remain\s+with|continue\s+with|only(?:\s+(?:uses?|buys?|wears?|trusts?))?)\s+(?:the\s+|an?\s+)?$",
    re.IGNORECASE,
)
_NEGATING = re.compile(
    r"\b(?:not|no|don'?t|doesn'?t|didn'?t|won'?t|never|hates?|other\s+than|but|except|without|avoid|instead)\b",
    re.IGNORECASE,
)


def wanted_brands(text: str, spans: list[Span]) -> list[Span]:
    """An exclusion the words want instead: 'she prefers [apple](exclude_brand)' had excluded Apple from a
    gift for someone who prefers it. Only where a wanting word is right before the brand and nothing
    before it negates ('she likes anything but apple' stays excluded)."""
    return [
        Span(span.start, span.end, "brand")
        if span.slot == "exclude_brand"
        and _WANTING.search(text, 0, span.start)
        and not _NEGATING.search(text, 0, span.start)
        else span
        for span in spans
    ]


def brands_before_categories(text: str, spans: list[Span], vocabulary: SlotVocabulary) -> list[Span]:
    """A category span that is a brand's exact name, right before a category that brand sells, is the
    brand: '[mac] [lipstick]' is MAC lipstick, not a laptop and a lipstick; 'mac charger' stays a laptop
    charger, because MAC sells no chargers."""
    relabelled = list(spans)
    for index, (span, following) in enumerate(pairwise(spans)):
        if span.slot == "category" and _brand_selling_next(text, span, following, vocabulary):
            relabelled[index] = Span(span.start, span.end, "brand")
    return relabelled


def _brand_selling_next(text: str, span: Span, following: Span | None, vocabulary: SlotVocabulary) -> bool:
    """`span`'s words name a brand that sells the category span right after it ('[mac] [lipstick]')."""
    return (
        following is not None
        and following.slot == "category"
        and not text[span.end : following.start].strip()
        and vocabulary.brand_selling(
            text[span.start : span.end], vocabulary.category(text[following.start : following.end])
        )
        is not None
    )


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|this|that)\s+$", re.IGNORECASE)


def lines_after_articles(text: str, spans: list[Span], vocabulary: SlotVocabulary) -> list[Span]:
    """A product line's everyday name tagged as the brand that owns the word, after an article and before
    no category that brand sells, is the line: 'what about [a mac]?' asks for a laptop, not for MAC
    cosmetics; 'a [mac] [lipstick]' stays MAC."""
    relabelled = list(spans)
    for index, span in enumerate(spans):
        following = spans[index + 1] if index + 1 < len(spans) else None
        if (
            span.slot == "brand"
            and text[span.start : span.end].casefold() in LINE_NICKNAMES
            and _ARTICLE_BEFORE.search(text, 0, span.start)
            and not _brand_selling_next(text, span, following, vocabulary)
        ):
            relabelled[index] = Span(span.start, span.end, "category")
    return relabelled


_NUMBER_BEFORE = re.compile(r"(\d+(?:[.,]\d+)?\s*|\d+[.,])$")
_UNIT_ONLY = re.compile(
    r"(?:gb|gig|gigs|tb|mah|kg|g|ml|l|mm|cm|m|meters?|metres?|inch(?:es)?|w|watts?)", re.IGNORECASE
)


def attach_numbers(text: str, spans: list[Span]) -> list[Span]:
    """A size or storage span keeps its whole number: '512 [gig]' and '1.[5 meters]' (the tagger reads
    a decimal as three words) are '[512 gig]' and '[1.5 meters]'; a span the number was tagged as alone
    ('[1](budget_max)') is dropped."""
    result: list[Span] = []
    for span in spans:
        before = _NUMBER_BEFORE.search(text, 0, span.start)
        surface = text[span.start : span.end]
        unit_only = bool(_UNIT_ONLY.fullmatch(surface))
        decimal_tail = surface[:1].isdigit() and before is not None and before.group(0)[-1] in ".,"
        if span.slot in ("size", "storage") and before is not None and (unit_only or decimal_tail):
            span = Span(before.start(), span.end, span.slot)
            result = [other for other in result if other.end <= span.start]
        result.append(span)
    return result


def _not_money(text: str, span: Span) -> bool:
    """Whether a budget span's last number is not money ('[under 1.3 kg]' was tagged whole)."""
    numbers = list(_DIGITS.finditer(text, span.start, span.end))
    if numbers and _SPF.search(text, 0, numbers[-1].start()):  # 'spf [50]': a sun protection factor
        return True
    return _not_money_after(text, numbers[-1].end() if numbers else span.end)


def _not_money_after(text: str, end: int) -> bool:
    """'90% off' names a discount, 'no more than 2 items' a count and 'under 1.3 kg' a weight, not a budget:
    the number is followed by a percent sign or word, by what it counts, or by a unit."""
    return bool(_NOT_MONEY_AFTER.match(text, end))


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SPF = re.compile(r"\bspf\s*$", re.IGNORECASE)
_NOT_MONEY_AFTER = re.compile(
    r"\s*(?:%|percent\b|pct\b|items?\b|things?\b|products?\b|pieces?\b|pcs\b|units?\b|of them\b|件|个商品"
    # a spec's unit: 'under 1.3 kg' is a weight, never a budget of $1.30 (`spec_limits.stated_limits`)
    rf"|(?:{UNIT})(?![a-z]))",
    re.IGNORECASE,
)


def _word_tags(log_probs: np.ndarray, first_piece: list[int], tags: list[str]) -> list[str]:
    """Each word's tag, read at its first word piece; words cut off by truncation are O."""
    kept = [position for position in first_piece if position >= 0]
    decoded = iter(decode_tags(log_probs[kept], tags))
    return [next(decoded) if position >= 0 else "O" for position in first_piece]


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=-1, keepdims=True))
