"""`ShoppingAssistant`: one turn = parse -> update state -> retrieve per role -> build -> price -> quote ->
explain -> reply, with the conversation kept in a store.

Every number in a reply or a bundle card comes from `pricing` (list totals, bundle prices, savings) or
from the catalog (unit prices); the explainer only fills placeholders from the same facts. Stages are
timed and logged by name and duration, never with the shopper's words.
"""

from __future__ import annotations

import difflib
import logging
import re
import time
import uuid
from collections import Counter
from collections.abc import Callable, Collection, Generator, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cached_property
from itertools import combinations
from typing import Protocol

from assistant.chat import replies
from assistant.chat.details import (
    asked_facts,
    asks_compatibility,
    asks_detail,
    fits_named,
    ranked_on,
    spec_family,
    wants_more,
)
from assistant.chat.naming import products_named, shown_named
from assistant.chat.planning import RetrievalPlan, plan, shopper_signals
from assistant.chat.safety import danger_in
from assistant.chat.spec_limits import (
    beats,
    holder,
    names_spec,
    spec_limit,
    stated_limits,
    states_number,
)
from assistant.chat.specs import spec_number
from assistant.chat.types import BundleView, ChatEvent, IntentView, ItemView, TurnResult
from assistant.dialogue import clarify
from assistant.dialogue.state import (
    ConversationState,
    ShoppingGoal,
    ShownBundle,
    ShownItem,
    SpecLimit,
    TurnAction,
)
from assistant.dialogue.tracker import DialogueTracker, held_role
from assistant.experiments.events import impressions
from assistant.experiments.variants import Variant, Variants
from assistant.intent.parser import MessageParser, ParsedMessage
from assistant.intent.slots import Slots
from assistant.intent.taxonomy import AFTER_SHOWN
from assistant.intent.words import has_cjk, split_words
from assistant.storage.records import EventRecord, QuoteRecord, TurnRecord
from pricing.bundles import BuildResult, BundleBuilder
from pricing.complements.compatibility import RULES, CompatibilityChecker
from pricing.complements.model import ComplementModel
from pricing.complements.needs import (
    DEMO_NEED_SPECS,
    DEMO_NEEDS,
    NeedsMap,
    NeedSpecs,
    categories_for_need,
    need_named,
    spec_floors,
)
from pricing.complements.roles import bundle_roles, is_named_kind, leaf_phrase, leaf_role, required_roles
from pricing.optimiser import BundlePricer
from pricing.quotes import QuoteSigner
from pricing.types import ANCHOR_ROLE, BundleDraft, BundleItem, PricedBundle, ScoredProduct
from retrieval.catalog.schema import Product
from retrieval.filters import (
    PLATFORM_ATTRIBUTE,
    SearchFilters,
    category_keys,
    compatible_models,
    flag_words,
    has_colour,
    has_features,
    lists_models,
    names_category_part,
    names_flag,
    platform_keys,
)
from retrieval.search import Retriever, SearchHit
from retrieval.text import category_key, fold, model_key, word_family
from retrieval.zh_lexicon import gloss

log = logging.getLogger("bundlewise.chat")

# A question about what a shown bundle holds: "what's in the first one", "what comes with it", 第一个里有什么
_CONTENTS = re.compile(
    r"\bwhat(?:'s|’s|\s+is|s)?\s+(?:in|inside|included\s+in)\b|\bwhat\s+(?:comes|do\s+i\s+get)\s+(?:in|with)\b"
    r"|里(?:面)?有(?:什么|啥|哪些)|包括(?:什么|哪些)|包含(?:什么|哪些)",
    re.IGNORECASE,
)
# A question which one of a kind goes with what was shown: "what memory card goes with it", "what lens do I
# need", "which tripod should I get", "配什么三脚架"
_WHICH_KIND = re.compile(
    r"^\s*(?:so\s+|and\s+|ok\s+)?(?:what|which)\b(?!.*\b(?:cheap|expensive|price|cost)).*\b(?:goes|go|need|get"
    r"|buy|fits?|works?|recommend|suggest)\b|配什么|用哪个|需要什么|该买哪个",
    re.IGNORECASE,
)
# "any discount if i buy two?" (ask_explanation 0.43: "not sure I understood"), 有优惠吗: about prices, not a
# request; answered from the quoted savings, and no discount is ever made up
_DISCOUNT_ASK = re.compile(
    r"\b(?:discounts?|coupons?|promo(?:tion)?s?(?:\s+codes?)?|vouchers?|bulk\s+(?:price|pricing|deal)s?"
    r"|(?:cheaper|deal)\s+if\s+i\s+(?:buy|get|order))\b|优惠|折扣|打折|满减",
    re.IGNORECASE,
)
_WITH_BEFORE = re.compile(r"\b(?:with|that\s+(?:has|have)|having)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_DESCRIBING = ("less", "ed", "ing", "able", "ible", "ful", "ive", "proof")  # wireless, wired, protecting
PLATFORM_LIST = "compatible_os"  # what an add-on lists of the platforms it works with
# an accessory's attribute -> what a device states when it takes such an accessory
_INTERFACES = {
    "mount": "mount",
    "format": "memory_card",
    "compatible_models": "model",
    "compatible_watches": "model",
}
_WORKS_WITH = re.compile(
    r"\b(?:works?|working|compatible|goes?|pairs?|connects?|syncs?)\s+(?:with|to)\b|\bfor\s+(?:my|an?)\b"
    r"|能连|可以连|连接|兼容|适配|支持",
    re.IGNORECASE,
)
_PRAISE_BEFORE = re.compile(
    r"\b(?:good|great|better|best|nice|decent|excellent|amazing|strong|long|big|bigger|fast)\s+$",
    re.IGNORECASE,
)
_WITH_MORE = re.compile(r"^\s*(?:ok\s+|and\s+|also\s+)?(?:with|plus|and)\b", re.IGNORECASE)
# Words of a greeting, thanks or goodbye
_SMALL_TALK = re.compile(
    r"\b(?:hi|hiya|hello|hey|yo|thanks?|thank\s*(?:you|u)|thx|ty|cheers|bye|goodbye|morning|evening)\b"
    r"|你好|您好|嗨|哈喽|谢谢|多谢|感谢|再见|拜拜",
    re.IGNORECASE,
)
# Words that ask about what the shop has, not what was shown: "the lightest you have", "你们有没有更轻的"
_WHAT_YOU_HAVE = re.compile(
    r"\byou\s+(?:have|got|sell|carry|stock)\b|\byou've\s+got\b|\bin\s+stock\b|你们(?:有|卖)|店里",
    re.IGNORECASE,
)
ANCHOR_POOL = 30  # anchor candidates retrieved per turn
ROLE_ANCHORS = 3  # complement roles are gathered around this many top anchors
NAMED_POOL = 10  # search hits a product named in a comparison is looked for in
MAX_ACCESSORY_ROLES = 4  # "accessories for my camera": the first few complement roles of a camera
CHEAP_RANK_PENALTY = 0.2  # "the cheapest X": score lost from the cheapest to the dearest candidate kept
NAMED_ACCESSORY_ROLES = 2  # "a case for my phone": the case, and at most this many of the phone's others
UNNAMED_PURPOSE = 0.5  # relevance kept by products not naming the shopper's purpose, beside ones that do
OTHERS_AFTER_SWAP = 0.5  # relevance kept by items the shown bundles did not hold, after the main item's swap
MAX_ASKED = 3  # products a question about shown bundles is answered for ("does it have wireless charging?")
# intents whose words may name a shown bundle's product ("I'll take the pro")
_NAMES_A_BUNDLE = ("accept_bundle", "ask_explanation")


# the clause before a kind says it is theirs, or 'already' follows it ("I have a laptop already")
_OWNED_BEFORE = re.compile(
    r"(?:\balready\s+(?:have|has|own|owns|got)|\b(?:i|we|i've|we've|i\s+do)\s+(?:have|own|got)|已经有|家里有|我有)"
    r"\s*(?:(?:a|an|the|my|our|one|decent|good|new|nice)\s+)?(?:[\w'’-]+\s+)?$",
    re.IGNORECASE,
)
_OWNED_AFTER = re.compile(r"\s*(?:already\b|了)", re.IGNORECASE)
_ALREADY = re.compile(
    r"\balready\s+(?:have|has|owns?|got)\b|\b(?:have|has|owns?|got)\b[^.?!]{0,40}\balready\b"
    r"|已经有|家里有|我有.{0,12}了",
    re.IGNORECASE,
)  # one is owned: "I already have a tripod", "i've got a memory card already", "he has one already",
# "我已经有三脚架了"
# Words that make the thing before them a whole setup: 'a coffee setup' is a machine, a grinder and beans
_SETUP = re.compile(
    r"\s+(?:setup|set-up|set up|kit|station|corner|essentials|starter pack|stuff|gear|things|accessories"
    r"|equipment|supplies)\b",
    re.IGNORECASE,
)


class ConversationStore(Protocol):
    """Where conversations live between turns (`assistant.storage.SqlSessionStore`)."""

    def load_state(self, conversation_id: str) -> ConversationState: ...

    def save_turn(
        self,
        conversation_id: str,
        record: TurnRecord,
        state: ConversationState,
        quotes: Sequence[QuoteRecord],
        *,
        new: bool = False,
        events: Sequence[EventRecord] = (),
    ) -> object: ...


@dataclass(frozen=True, slots=True)
class ExplanationDelta:
    """Text for bundle `index` as it is generated; `final` carries the whole checked explanation."""

    index: int
    text: str
    final: bool = False
    source: str = "template"  # "model" when the checked model text was kept


class BundleExplainer(Protocol):
    """Writes the checked explanations of a turn's bundles, streaming."""

    def warm_up(self) -> None: ...

    def stream(
        self, bundles: Sequence[PricedBundle], *, goal_need: dict[str, str | None], locale: str
    ) -> Iterator[ExplanationDelta]: ...


@dataclass
class _Turn:
    """What one turn has produced so far."""

    conversation_id: str
    message: str
    parsed: ParsedMessage
    state: ConversationState
    locale: str
    reply: str = ""
    bundles: tuple[BundleView, ...] = ()
    priced: tuple[PricedBundle, ...] = ()
    quotes: tuple[QuoteRecord, ...] = ()
    timings: dict[str, float] | None = None
    new: bool = False  # the conversation starts with this turn
    unmet_wish: str | None = None  # a swap asked for a colour or brand no candidate has
    colour_missing: str | None = None  # the colour asked of the main items, which none that fits has
    # main items no added or swapped-in item suits: none fits them ("add a lens"), or none within budget
    unfitted: list[Product] = field(default_factory=list)
    over_budget: list[Product] = field(default_factory=list)
    edited_kind: str | None = None  # what an edit added, when narrower than its shelf ("frother", not "mug")
    limit: SpecLimit | None = None  # the spec this turn asked the main products to beat ("something lighter")
    stated: list[SpecLimit] = field(default_factory=list)  # limits said in numbers ("at least 16gb ram")
    floors: list[SpecLimit] = field(default_factory=list)  # what the purpose needs ("video editing": 16 GB)
    fits_no_device: bool = False  # nothing of the kind asked for works with the shopper's own device


class ShoppingAssistant:
    """The `ChatEngine`: a shopping conversation over one catalog."""

    def __init__(
        self,
        *,
        parser: MessageParser,
        tracker: DialogueTracker,
        retriever: Retriever,
        complements: ComplementModel,
        builder: BundleBuilder,
        pricer: BundlePricer,
        signer: QuoteSigner,
        store: ConversationStore,
        explainer: BundleExplainer,
        quote_ttl: timedelta,
        candidates_per_role: int = 20,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        variants: Variants | None = None,
        needs: NeedsMap = DEMO_NEEDS,
        need_specs: NeedSpecs = DEMO_NEED_SPECS,
    ) -> None:
        """`variants` gives each conversation its experiment arm's builder and pricer (sticky by
        conversation id); without it every conversation gets `builder`, `pricer` and `complements`.
        `needs` says what a purpose alone ("a home office") shops for."""
        self._parser = parser
        self._tracker = tracker
        self._retriever = retriever
        self._signer = signer
        self._store = store
        self._explainer = explainer
        self._quote_ttl = quote_ttl
        self._per_role = candidates_per_role
        self._clock = clock
        self._needs = needs
        self._need_specs = need_specs
        self._variants = variants or Variants(
            default=Variant(builder=builder, pricer=pricer, complements=complements)
        )

    @cached_property
    def _carried_categories(self) -> list[str]:
        """The catalog's departments (second path level where there is one), most products first."""
        counts = Counter(
            (p.category_path[1] if len(p.category_path) > 1 else p.category_path[0])
            for p in self._retriever.catalog
            if p.category_path
        )
        return [name for name, _ in counts.most_common()]

    @cached_property
    def _category_names(self) -> frozenset[str]:
        return frozenset(self._by_category_key)

    def _carries(self, category: str) -> bool:
        """Whether any product's category path names `category` (a role asked for may just not fit)."""
        return category_key(category) in self._category_names

    @cached_property
    def _currencies(self) -> list[str]:
        """The currencies the catalog prices in, most products first."""
        return [code for code, _ in Counter(p.currency for p in self._retriever.catalog).most_common()]

    @cached_property
    def _by_id(self) -> dict[str, Product]:
        return {product.id: product for product in self._retriever.catalog}

    def _compared_products(self, parsed: ParsedMessage, message: str) -> list[Product]:
        """The catalog products a comparison names, when it names two or more; [] otherwise (then it
        compares what was shown: "compare the first two")."""
        if parsed.intent != "compare":
            return []
        named = products_named(message, lambda part: self._retriever.search(part, top_k=NAMED_POOL))
        return named if len(named) >= 2 else []

    @cached_property
    def _by_model(self) -> dict[str, list[Product]]:
        """Products by the model they are ('iphone 16 pro' -> the iPhone 16 Pro in each storage size)."""
        products: dict[str, list[Product]] = {}
        for product in self._retriever.catalog:
            if _model_of(product):
                products.setdefault(_model_of(product), []).append(product)
        return products

    @cached_property
    def _platforms(self) -> frozenset[str]:
        return platform_keys(self._retriever.catalog)

    @cached_property
    def _known_brands(self) -> frozenset[str]:
        return frozenset(fold(product.brand) for product in self._retriever.catalog if product.brand)

    def warm_up(self) -> None:
        """Load the intent model, the index and the explainer (idempotent)."""
        self._parser.warm_up()
        self._retriever.warm_up()
        self._explainer.warm_up()

    def turn(
        self, message: str, *, conversation_id: str | None = None, locale: str | None = None
    ) -> TurnResult:
        """Answer one message (explanations complete)."""
        run = self._run(message, conversation_id, locale)
        while True:
            try:
                next(run)
            except StopIteration as finished:
                result: TurnResult = finished.value
                return result

    def stream(
        self, message: str, *, conversation_id: str | None = None, locale: str | None = None
    ) -> Iterator[ChatEvent]:
        """The turn as events: `bundles` as soon as they are priced, explanation `delta`s, then `done`
        once the turn is stored (so a client never sees an unacknowledged turn as done)."""
        yield from self._run(message, conversation_id, locale)

    def _run(
        self, message: str, conversation_id: str | None, locale: str | None
    ) -> Generator[ChatEvent, None, TurnResult]:
        timings: dict[str, float] = {}
        turn = self._understand(message, conversation_id, locale, timings)
        if turn.bundles:
            yield ChatEvent("bundles", self._partial(turn))
            texts = ["" for _ in turn.bundles]
            sources = ["template" for _ in turn.bundles]
            with _timed(timings, "explain"):
                for delta in self._explainer.stream(
                    turn.priced, goal_need=_need(turn.state), locale=turn.locale
                ):
                    if delta.final:
                        texts[delta.index], sources[delta.index] = delta.text, delta.source
                    else:
                        yield ChatEvent("delta", {"bundle_index": delta.index, "text": delta.text})
            turn.bundles = tuple(
                _with_explanation(view, text, source)
                for view, text, source in zip(turn.bundles, texts, sources, strict=True)
            )
        turn.timings = timings
        self._save(turn)
        result = TurnResult(
            conversation_id=turn.conversation_id,
            reply=turn.reply,
            intent=_intent(turn.parsed),
            bundles=turn.bundles,
            timings_ms=timings,
        )
        log.info(
            "turn", extra={"intent": turn.parsed.intent, "bundles": len(turn.bundles), "timings_ms": timings}
        )
        yield ChatEvent("done", result.to_json())
        return result

    # ---- stages

    def _understand(
        self, message: str, conversation_id: str | None, locale: str | None, timings: dict[str, float]
    ) -> _Turn:
        with _timed(timings, "parse"):
            parsed = self._parser.parse_many([message])[0]
        with _timed(timings, "state"):
            new = conversation_id is None
            if conversation_id is None:
                conversation_id = uuid.uuid4().hex  # stored with its first turn: one commit, not two
                state = ConversationState()
            else:
                state = self._store.load_state(conversation_id)
            parsed = self._kinds_said(parsed, state, message)
            # a follow-up with nothing shown to follow up on may be a request the model misread
            request = parsed.intent == "build_bundle" or (parsed.intent in AFTER_SHOWN and not state.shown)
            purposed = self._with_purpose(parsed.slots, message, request=request)
            if purposed is not parsed.slots and request and not parsed.slots.to_json():
                # nothing tagged, and the words name a need ('pourover set', build_bundle at 0.43): the
                # request is read from the words, not the model, so sure whatever the clarifying threshold
                parsed = replace(parsed, intent="build_bundle", confidence=1.0, slots=purposed)
            elif purposed is not parsed.slots:
                parsed = replace(parsed, slots=purposed)
            locale = locale or ("zh" if has_cjk(message) else "en")
            mains = {leaf_role(anchor) for anchor in self._shown_anchors(state)}
            parsed = _already_owned(self._naming_shown(parsed, state, message), state, message, mains)
            parsed = self._owned_beside(parsed, message, conversation_id)
            parsed = self._question_not_accept(parsed, state, message)
            if state.shown and _CONTENTS.search(message):
                # "what's in the cheapest one" (ask_explanation 0.49), 第一个套装里有什么 (add_item 0.30): a
                # question about what a shown bundle holds, read from its words ("not sure I understood")
                parsed = replace(parsed, intent="ask_explanation", confidence=1.0)
            parsed = self._with_one_more(parsed, state, message, conversation_id)
            parsed = self._fitting_shown(parsed, state, message)
            which = self._asks_which_goes_with(parsed, state, message, conversation_id)
            if which:
                # "what lens do I need?" (search_product 0.44), "which tripod should I get" (compare 0.34):
                # one that goes with what was shown, added where a bundle lacks it
                slots = Slots(category=[which], bundle_ref=parsed.slots.bundle_ref)
                parsed = replace(parsed, intent="add_item", confidence=1.0, slots=slots)
            # "at least 16gb of memory" states its own limit (`_stated_limits`), not one past the shown
            limit = None if states_number(message) else self._spec_limit(parsed, state, message)
            if limit is not None and parsed.slots.category:  # 有没有屏幕更大的: 屏幕 is the spec, not a kind
                parsed = replace(parsed, slots=parsed.slots.model_copy(update={"category": []}))
            if limit is not None and parsed.intent not in ("refine", "search_product"):
                parsed = replace(parsed, intent="refine", confidence=1.0)
            parsed = self._flag_use(parsed, message)
            spec_words = [
                kind for kind in parsed.slots.category if names_spec(kind) and not self._carries(kind)
            ]
            if spec_words and states_number(message):
                # 'laptop, 16gb [ram]', 'at least 12gb [ram] then': RAM is what the number is of, not a kind
                kinds = [kind for kind in parsed.slots.category if kind not in spec_words]
                parsed = replace(parsed, slots=parsed.slots.model_copy(update={"category": kinds}))
            stated = self._stated_limits(parsed, state, message)
            floors = self._need_floors(parsed, state, stated)
            if danger_in(message):  # never shopping, whatever the model read ('a rope to hang myself')
                parsed = ParsedMessage("out_of_scope", 1.0, Slots())
                state = state.model_copy(update={"turns": state.turns + 1})
                action = TurnAction(kind="danger")
            elif named := self._compared_products(parsed, message):
                # "the difference between airpods pro and airpods 4": those two, shown or not
                state, action = self._tracker.compare_products(state, [product.id for product in named])
            elif which and (held := _held_items(state.shown, which)):
                # "what memory card goes with it?" of bundles that each hold one: name them
                state = state.model_copy(update={"turns": state.turns + 1})
                action = TurnAction(
                    kind="clarify", question=replies.for_locale(locale).held_items(which, held)
                )
            elif _DISCOUNT_ASK.search(message) and not parsed.slots.category:
                # "any discount if i buy two?": what the quoted prices already save, and that none is added
                state = state.model_copy(update={"turns": state.turns + 1})
                action = TurnAction(
                    kind="clarify", question=replies.for_locale(locale).discounts(state.shown)
                )
            elif refused := self._spec_refusal(parsed, state, message, limit, locale):
                # "something lighter" than the lightest we have, "too heavy" of phones that state no weight
                state, action, limit = state.model_copy(update={"turns": state.turns + 1}), refused, None
            else:
                state, action = self._tracker.advance(
                    state, parsed, ask=clarify.for_locale(locale), limit=limit, stated=[*floors, *stated]
                )
        turn = _Turn(
            conversation_id,
            message,
            parsed,
            state,
            locale,
            new=new,
            limit=limit,
            stated=stated,
            floors=floors,
        )
        self._act(turn, action, timings)
        return turn

    def _naming_shown(self, parsed: ParsedMessage, state: ConversationState, message: str) -> ParsedMessage:
        """'I'll take the pro', 'does the pixel have wireless charging?': the shown bundle whose main product
        the words name, when the model tagged no bundle (it had asked which of the two)."""
        slots = parsed.slots
        if (
            parsed.intent not in (*_NAMES_A_BUNDLE, "refine")
            or slots.bundle_ref is not None
            or not state.shown
        ):
            return parsed
        anchors = [
            self._by_id.get(bundle.items[0].product_id) if bundle.items else None for bundle in state.shown
        ]
        if any(anchor is None for anchor in anchors):  # a reloaded catalog lacks one: positions would shift
            return parsed
        said = {word for slot, text in parsed.spans if slot == "item_ref" for word in fold(text).split()}
        lines = {line: brand for line, brand in self._line_brands.items() if line in said}
        shown_lines = {_line_of(anchor) for anchor in anchors if anchor is not None}
        if parsed.intent != "accept_bundle" and lines and not set(lines) & shown_lines:
            # "what about the pixel?" when no Pixel was shown (read as a question or, unsure, a change): show
            # Pixels ("the catalog doesn't say" had answered it for each Galaxy shown); the line settles it
            brands = list(dict.fromkeys(lines.values()))
            return replace(parsed, intent="refine", confidence=1.0, slots=Slots(brand=brands))
        if parsed.intent not in _NAMES_A_BUNDLE:
            return parsed
        position = shown_named(message, [anchor for anchor in anchors if anchor is not None])
        if position is not None:
            return replace(parsed, slots=slots.model_copy(update={"bundle_ref": position}))
        return parsed

    def _question_not_accept(
        self, parsed: ParsedMessage, state: ConversationState, message: str
    ) -> ParsedMessage:
        """A question about a shown product's detail is never taking it: '第一个多重' (how heavy is the first
        one) had been read as accept_bundle and answered with the checkout price."""
        if parsed.intent != "accept_bundle" or not state.shown:
            return parsed
        asked = asks_detail(message, self._shown_anchors(state))
        return replace(parsed, intent="ask_explanation") if asked else parsed

    def _spec_limit(self, parsed: ParsedMessage, state: ConversationState, message: str) -> SpecLimit | None:
        """The spec a refinement asks the shown main products to beat ('something lighter', '屏幕大一点');
        none when it names a kind the shop carries ('a lighter laptop bag' is a new request)."""
        # '更轻一点' and '屏幕再大一点' were read as greetings (0.86, 0.88): a message with no word of
        # greeting or thanks that asks a shown spec to go one way is a refinement whatever the model read
        misread = parsed.intent == "greeting" and not _SMALL_TALK.search(message)
        # "the lightest you have" (accept_bundle 0.46: "which bundle would you like to take?") asks past what
        # was shown, into what the shop has
        misread |= parsed.intent in ("accept_bundle", "compare", "ask_explanation") and bool(
            _WHAT_YOU_HAVE.search(message)
        )
        # "I wish to buy the newest one with the best camera" after phones (build_bundle, no slots): the same
        # bundles again had been the answer
        misread |= parsed.intent == "build_bundle" and not parsed.slots.to_json()
        if not state.shown or not (parsed.intent in ("refine", "search_product") or misread):
            return None
        if any(self._carries(kind) for kind in parsed.slots.category):  # "a lighter laptop bag"
            return None
        return spec_limit(message, self._shown_anchors(state))

    def _owned_beside(self, parsed: ParsedMessage, message: str, conversation_id: str) -> ParsedMessage:
        """'I already have a laptop, I need a phone': the laptop is theirs, not a kind to shop for (laptops
        had been shown, and the phone left out). It stays their device, which what is bought must work with,
        only where the other kinds go with it ('I have a laptop, I need a mouse'); beside a phone it is none
        of the phone's business."""
        kinds = parsed.slots.category
        surfaces = _category_surfaces(parsed)
        if len(kinds) < 2 or len(surfaces) != len(kinds):
            return parsed
        owned = [
            kind for kind, surface in zip(kinds, surfaces, strict=True) if _said_as_owned(message, surface)
        ]
        if not owned or len(owned) == len(kinds):
            return parsed
        complements = self._variants.for_conversation(conversation_id).complements
        roles = {
            kind: {category_key(role) for product in self._of_category(kind)[:ROLE_ANCHORS] for role in
                   complements.roles_for(product)}
            for kind in owned
        }  # fmt: skip
        goes = set().union(*roles.values())
        rest = [
            _of_device(kind, surface, goes)
            for kind, surface in zip(kinds, surfaces, strict=True)
            if kind not in owned
        ]  # 'I have a camera, I need a tripod and a bag': a camera bag, not the laptop bag 'bag' reads as
        devices = [kind for kind in owned if roles[kind] & {category_key(other) for other in rest}]
        slots = parsed.slots.model_copy(update={"category": list(dict.fromkeys(rest))})
        return replace(parsed, slots=slots, owned=tuple(dict.fromkeys((*parsed.owned, *devices))))

    def _kinds_said(self, parsed: ParsedMessage, state: ConversationState, message: str) -> ParsedMessage:
        """The kinds a message asks for, as the shop has them: 'Mouse (wireless and wired)' tagged the two
        words as kinds ("We don't carry wireless or wireds"): a word the shop carries no kind of and that
        reads as a description is none; 'different keyboards' with nothing shown (swap_item, the keyboard as
        the item) asks for keyboards ("I haven't shown you any bundles yet")."""
        slots = parsed.slots
        kinds = [
            kind
            for kind in slots.category
            if self._carries(kind) or not kind.endswith(_DESCRIBING) or " " in kind
        ]
        if kinds != slots.category and any(self._carries(kind) for kind in kinds):
            slots = slots.model_copy(update={"category": kinds})
        surfaces = _category_surfaces(parsed)
        if len(kinds) == 2 == len(surfaces) and self._carries(kinds[0]) and not self._carries(kinds[1]):
            # 'sony camera battery', 索尼照相机电池: a battery for their camera, which the shop lacks; not
            # cameras with "we don't carry batteries"
            between = _between(message, surfaces[0], surfaces[1])
            if between is not None and not between.strip():
                kinds = [kinds[1]]
                slots = slots.model_copy(update={"category": kinds})
        praised = self._praised_specs(parsed, message)
        if praised and len(praised) < len(slots.category):
            # "a newer phone ... a good camera and good batery": what the phone must be good at, not a
            # camera to sell beside it (camera bags had been shown)
            slots = slots.model_copy(update={"category": [c for c in slots.category if c not in praised]})
        ref = slots.item_ref
        asks = not state.shown and parsed.intent in ("swap_item", "add_item") and not slots.category
        if asks and isinstance(ref, str) and self._carries(ref):
            slots = slots.model_copy(update={"category": [ref], "item_ref": None})
        return parsed if slots is parsed.slots else replace(parsed, slots=slots)

    def _praised_specs(self, parsed: ParsedMessage, message: str) -> list[str]:
        """The kinds after the first said with praise that are specs the first kind states: 'a good camera'
        of a phone (`main_camera_mp`), 'good batery' (`battery_mah`, a typo); never 'a phone and a camera'."""
        kinds = parsed.slots.category
        surfaces = _category_surfaces(parsed)
        if len(kinds) < 2 or len(surfaces) != len(kinds):
            return []
        spec_words = {
            word
            for product in self._of_category(kinds[0])
            for key, value in product.attributes.items()
            if spec_number(value) is not None
            for word in key.split("_")
            if len(word) > 3
        }
        praised = []
        for kind, surface in zip(kinds[1:], surfaces[1:], strict=True):
            at = message.casefold().find(surface.casefold())
            if at < 0 or not _PRAISE_BEFORE.search(message, 0, at):
                continue
            if difflib.get_close_matches(category_key(surface), spec_words, n=1, cutoff=0.8):
                praised.append(kind)
        return praised

    def _flag_use(self, parsed: ParsedMessage, message: str) -> ParsedMessage:
        """'a phone with [wireless charging]' (tagged as a use): a yes/no attribute the kind states, so a
        feature the main products must have (the Galaxy A16, which has none, had led a bundle)."""
        use, kinds = parsed.slots.use_case, parsed.slots.category
        if not use or not kinds:
            return parsed
        surface = next((said for slot, said in parsed.spans if slot == "use_case"), use)
        at = message.casefold().find(surface.casefold())
        if at < 0 or not _WITH_BEFORE.search(message, 0, at):
            return parsed
        said = category_key(use).split()
        families = {word_family(word) for word in said}
        flags = {
            key for product in self._of_category(kinds[0]) for key, value in product.attributes.items()
            if isinstance(value, bool)
        }  # fmt: skip
        if not any(names_flag(families, key) and len(flag_words(key)) == len(families) for key in flags):
            return parsed
        slots = parsed.slots.model_copy(update={"use_case": None})
        return replace(parsed, slots=slots, features=tuple(dict.fromkeys((*parsed.features, *said))))

    def _stated_limits(
        self, parsed: ParsedMessage, state: ConversationState, message: str
    ) -> list[SpecLimit]:
        """The limits a request or refinement states in numbers on the kind it is about ('a laptop under 1.3
        kg', 'at least 16gb ram' after laptops): the main products must meet them."""
        kind = _asked_kind(parsed, state)
        return stated_limits(message, self._of_category(kind)) if kind else []

    def _need_floors(
        self, parsed: ParsedMessage, state: ConversationState, stated: Sequence[SpecLimit]
    ) -> list[SpecLimit]:
        """What the request's purpose needs of its kind's numbers ('a laptop for video editing': RAM at
        least 16 GB), where the message states no limit on that spec itself and some product meets it."""
        kind, use = _asked_kind(parsed, state), parsed.slots.use_case or state.goal.use_case
        if not kind or not use:
            return []
        products = self._of_category(kind)
        said = {limit.key for limit in stated}
        floors = []
        for key, least in spec_floors(use, kind, self._need_specs).items():
            stating = [
                (product, number)
                for product in products
                if (number := spec_number(product.attributes.get(key))) is not None
            ]
            if key in said or not any(number >= least for _, number in stating):
                continue
            leaf = Counter(leaf_role(product) for product, _ in stating).most_common(1)[0][0]
            floors.append(SpecLimit(kind=leaf, key=key, more=True, value=least, inclusive=True))
        return floors

    def _of_category(self, category: str) -> list[Product]:
        """The catalog's products a category phrase names ('phone': the smartphones, 'laptop bag')."""
        return self._by_category_key.get(category_key(category), [])

    @cached_property
    def _by_category_key(self) -> dict[str, list[Product]]:
        """Products under each phrase that names their category path (segments, parts, prefixes)."""
        found: dict[str, list[Product]] = {}
        for product in self._retriever.catalog:
            for key in category_keys(product.category_path):
                found.setdefault(key, []).append(product)
        return found

    def _fitting_shown(self, parsed: ParsedMessage, state: ConversationState, message: str) -> ParsedMessage:
        """'one that works with my iphone' after watches (refine, the iPhone read as the kind): the same kind,
        fitting their device (iPhones had been shown); 'compatible with android' too (the platform named as
        a model: "I can't narrow it down")."""
        if not state.shown or parsed.intent not in ("refine", "search_product", "build_bundle"):
            return parsed
        platforms = [model for model in parsed.models if model_key(model) in self._platforms]
        anchors = self._shown_anchors(state)
        bare = bool(platforms) and not parsed.slots.category and not _WORKS_WITH.search(message)
        if bare and anchors and all(PLATFORM_ATTRIBUTE in anchor.attributes for anchor in anchors):
            # "android only", "iOS if it is possible" after phones: what they run, not what they fit
            said = parsed.slots.attributes | {PLATFORM_ATTRIBUTE: platforms[0]}
            slots = parsed.slots.model_copy(update={"attributes": said})
            return replace(parsed, intent="refine", confidence=1.0, slots=slots)
        # "android only" after watches, which list the platforms they work with: what they must fit
        listed = bare and bool(anchors) and all(PLATFORM_LIST in anchor.attributes for anchor in anchors)
        fits = tuple(dict.fromkeys((*parsed.fits, *platforms)))
        if not fits or not (listed or _WORKS_WITH.search(message)):
            return parsed
        mains = {leaf_role(anchor) for anchor in anchors}
        owned = {category_key(kind) for kind in parsed.owned}
        for kind in parsed.slots.category:
            kinds = {leaf_role(product) for product in self._of_category(kind)}
            if (category_key(kind) not in owned and not kinds & owned) or kinds & mains:
                return parsed  # 'a case for my iphone' asks for cases: a request of its own
        slots = parsed.slots.model_copy(update={"category": []})
        return replace(parsed, intent="refine", confidence=1.0, slots=slots, fits=fits, owned=())

    def _with_one_more(
        self, parsed: ParsedMessage, state: ConversationState, message: str, conversation_id: str
    ) -> ParsedMessage:
        """'with a spare band' after watches (refine 0.66, the band as the kind to shop for: "which phone is
        it for?"): one more item that goes with the shown main items, added to their bundles."""
        kinds = parsed.slots.category
        if not state.shown or parsed.intent != "refine" or len(kinds) != 1 or not _WITH_MORE.match(message):
            return parsed
        complements = self._variants.for_conversation(conversation_id).complements
        goes = {
            category_key(role)
            for anchor in self._shown_anchors(state)
            for role in complements.roles_for(anchor)
        }
        return (
            replace(parsed, intent="add_item", confidence=1.0) if category_key(kinds[0]) in goes else parsed
        )

    def _asks_which_goes_with(
        self, parsed: ParsedMessage, state: ConversationState, message: str, conversation_id: str
    ) -> str | None:
        """The kind a question asks which one of goes with the shown main items, of a kind that does
        ('what lens do I need' after cameras); None for 'which phone should I get' after laptops, a new
        request."""
        ref = parsed.slots.item_ref
        said = parsed.slots.category or ([ref] if isinstance(ref, str) else [])
        if not state.shown or not _WHICH_KIND.search(message) or len(said) != 1:
            return None
        kind = category_key(said[0])
        complements = self._variants.for_conversation(conversation_id).complements
        anchors = self._shown_anchors(state)
        goes = {category_key(role) for anchor in anchors for role in complements.roles_for(anchor)}
        return kind if kind in goes or held_role(state.shown, kind) not in (None, ANCHOR_ROLE) else None

    def _spec_refusal(
        self,
        parsed: ParsedMessage,
        state: ConversationState,
        message: str,
        limit: SpecLimit | None,
        locale: str,
    ) -> TurnAction | None:
        """Why a refinement on a spec changes nothing, when it cannot: nothing in stock beats the limit with
        the goal's others on its kind ("a bigger screen" than any light laptop), or the shown main products
        do not all state the spec it names ("too heavy" of phones). The bundles stay."""
        words = replies.for_locale(locale)
        if limit is not None:
            held = _held_with(limit, state.goal)
            if self._beaten([*held, limit], state.goal):
                return None
            anchors = self._shown_anchors(state)
            said = words.limits_unmet([*held, limit], limit.kind) if held else None
            return TurnAction(
                kind="clarify", question=said or words.spec_unbeaten(limit, holder(limit, anchors))
            )
        if not state.shown or parsed.intent not in ("refine", "search_product") or parsed.slots.to_json():
            return None
        anchors = self._shown_anchors(state)
        spec = spec_family(message, anchors) if anchors and wants_more(message) is not None else None
        if spec is None:
            return None
        kind = (state.goal.categories or [leaf_role(anchors[0])])[0]
        return TurnAction(kind="clarify", question=words.spec_unstated(spec, kind))

    def _beaten(self, limits: Sequence[SpecLimit], goal: ShoppingGoal) -> bool:
        """Whether any product in stock that the goal's brands allow beats every one of `limits`, at any
        price (the builder says what a budget rules out)."""
        excluded = {fold(brand) for brand in goal.exclude_brands}
        wanted = {fold(brand) for brand in goal.brands}
        return any(
            product.in_stock
            and fold(product.brand or "") not in excluded
            and (not wanted or fold(product.brand or "") in wanted)
            and all(beats(product, limit) for limit in limits)
            for product in self._by_id.values()
        )

    def _nearest(self, limits: Sequence[SpecLimit]) -> float | None:
        """How near any product in stock comes to the one limit no product meets ('RAM at least 64 GB':
        32); None for several limits, or two on one spec (a size window)."""
        if len(limits) != 1:
            return None
        (limit,) = limits
        values = [
            number
            for product in self._by_id.values()
            if product.in_stock and leaf_role(product) == limit.kind
            and (number := spec_number(product.attributes.get(limit.key))) is not None
        ]  # fmt: skip
        return (max(values) if limit.more else min(values)) if values else None

    def _shown_anchors(self, state: ConversationState) -> list[Product]:
        """The main products of the bundles shown last (any a reloaded catalog lacks left out)."""
        ids = [bundle.items[0].product_id for bundle in state.shown if bundle.items]
        return [self._by_id[pid] for pid in ids if pid in self._by_id]

    def _devices_named(self, parsed: ParsedMessage, message: str) -> tuple[list[str], list[str]]:
        """The device models and platforms a message names ('iPhone 16 Pro', 'iOS'); a product line alone
        ('iphone') names the one platform its models run."""
        models = [name for name in parsed.models if model_key(name) not in self._platforms]
        platforms = [name for name in parsed.models if model_key(name) in self._platforms]
        for word in re.findall(r"[\w-]+", fold(message)):
            platforms += [p for p in self._line_platforms.get(word, ()) if p not in platforms]
        return models, platforms

    @cached_property
    def _line_platforms(self) -> dict[str, tuple[str, ...]]:
        """Product lines whose catalog models all run one platform ('iphone' -> iOS)."""
        platforms: dict[str, set[str]] = {}
        for product in self._retriever.catalog:
            line, runs = _line_of(product), product.attributes.get("os")
            if line and isinstance(runs, str):
                platforms.setdefault(line, set()).add(runs)
        return {line: tuple(found) for line, found in platforms.items() if len(found) == 1}

    @cached_property
    def _line_brands(self) -> dict[str, str]:
        """Product lines the catalog's models begin with, and their brand ('pixel' -> Google)."""
        lines: dict[str, str] = {}
        for product in self._retriever.catalog:
            line = _line_of(product)
            if line and product.brand and fold(product.brand) != line:  # 'galaxy', not 'xiaomi' 15 Ultra
                lines.setdefault(line, product.brand)
        return lines

    def _with_purpose(self, slots: Slots, message: str, *, request: bool) -> Slots:
        """`slots` with the need the message names outside any use_case span, else `slots` itself;
        `request`: the message may ask for something new (build_bundle, or a follow-up with nothing shown to
        follow up on), so a need in its bare words counts."""
        message = _in_english(message)
        setup = self._setup(slots, message) or self._gift_department(slots)
        if setup is not None:  # a fuller need the words name wins: 'pour over coffee starter kit'
            fuller = self._fuller_need(slots.model_copy(update={"use_case": setup}), message)
            return slots.model_copy(update={"use_case": fuller or setup, "category": []})
        instead = self._need_over_unknowns(slots, message)
        if instead is not None:
            return slots.model_copy(update={"use_case": instead, "category": [], "brand": []})
        need = (
            self._pastime(slots, message)
            or self._fuller_need(slots, message)
            or (self._unspanned_need(slots, message) if request else None)
        )
        if need is None:
            return slots
        # 'remote work set' tagged [remote] [work]: a kind the shop does not sell, said inside the need's
        # name, is a word of the need ("we don't carry remotes" answered it)
        kinds = [c for c in slots.category if self._carries(c) or fold(c) not in fold(need).split()]
        return slots.model_copy(update={"use_case": need, "category": kinds})

    def _fuller_need(self, slots: Slots, message: str) -> str | None:
        """A need the message names that holds the tagged use and says more: 'pour over coffee set' tags
        'coffee' (espresso machines, capsules) where the shopper said pour-over (dripper, grinder, beans);
        'desk setup' tags 'desk', which names no need at all."""
        if not slots.use_case:
            return None
        said = need_named(slots.use_case, self._needs) or slots.use_case
        fuller = need_named(message, self._needs)
        if fuller is None or fuller == said:
            return None
        return fuller if need_named(fuller, {said: ()}) == said else None

    def _need_over_unknowns(self, slots: Slots, message: str) -> str | None:
        """The need the message names when every kind or brand tagged is one the shop does not know: 'hand
        brew set' tagged 'hand' and 'brew' as categories, 'espresso set' 'espresso' as a brand, and got "we
        don't carry hands or brews" where the shop sells the need's dripper, grinder and beans."""
        if slots.use_case or not (slots.category or slots.brand):
            return None
        if any(self._carries(c) for c in slots.category) or any(
            fold(b) in self._known_brands for b in slots.brand
        ):
            return None
        return need_named(message, self._needs)

    def _unspanned_need(self, slots: Slots, message: str) -> str | None:
        """The need a request names when the tagger left it out of every span ('what do you recommend for
        a long flight?' with no slots at all): read from the words, rather than asking what they shop for."""
        if slots.category or slots.use_case or slots.recipient or slots.brand:
            return None
        return need_named(message, self._needs)

    def _setup(self, slots: Slots, message: str) -> str | None:
        """'a coffee setup for a beginner' showed bags of beans: a category that is also a need, said as a
        setup ('coffee setup', 'espresso kit', 'baking essentials', 'coffee stuff'), is the need and all
        it takes."""
        if len(slots.category) != 1 or (slots.use_case and need_named(slots.use_case, self._needs)):
            return None
        need = need_named(slots.category[0], self._needs)
        if need is None:
            return None
        for setup in _SETUP.finditer(message):
            if need_named(" ".join(message[: setup.start()].split()[-3:]), self._needs) == need:
                return need
        return None

    def _gift_department(self, slots: Slots) -> str | None:
        """A gift whose one category is a department that is also a need ('她喜欢喝咖啡' tags 咖啡, the
        Coffee department): the need and all it takes, as 'she loves coffee' gets, not bags of beans. A use
        that names no need ('喝', drink, tagged beside it) does not stop it."""
        if not (slots.recipient or slots.occasion) or len(slots.category) != 1:
            return None
        if slots.use_case and need_named(slots.use_case, self._needs):
            return None
        need = need_named(slots.category[0], self._needs)
        return need if need == slots.category[0] else None

    def _pastime(self, slots: Slots, message: str) -> str | None:
        """The need a gift's recipient stands for when the message names no use: 'a coffee lover', 'a
        runner', or said of them in the message, 'my son, he is a gamer' (the tagger leaves 'gamer' out of
        every span). The whole message is read only for a gift with no product named, where the question
        would otherwise be "what do they like?". A use that names no need ('喝', drink, in '她喜欢喝咖啡')
        does not stop it."""
        if (slots.use_case and need_named(slots.use_case, self._needs)) or not slots.recipient:
            return None
        named = need_named(slots.recipient, self._needs)
        if named is None and not slots.category:
            named = need_named(message, self._needs)
        return named

    def _act(self, turn: _Turn, action: TurnAction, timings: dict[str, float]) -> None:
        words = replies.for_locale(turn.locale)
        kind = action.kind
        if kind == "greet":
            turn.reply = words.greeting(turn.message)
        elif kind == "out_of_scope":
            turn.reply = words.out_of_scope(turn.message)
        elif kind == "danger":
            turn.reply = words.danger(danger_in(turn.message) or "emergency")
        elif kind == "clarify":
            turn.reply = action.question or words.clarify()
        elif kind == "accept":
            chosen = _shown(turn.state, action.bundle_ids)
            offered = turn.parsed.slots.budget_max  # "I'll take the second one for $1": the quote stands
            haggled = bool(chosen) and offered is not None and offered < chosen[0].bundle_price
            turn.reply = words.accepted(chosen[0], haggled=haggled) if chosen else words.clarify()
        elif kind == "compare":
            shown = _shown(turn.state, action.bundle_ids)
            ids = [bundle.items[0].product_id for bundle in shown if bundle.items]
            anchors = [
                self._by_id[pid] for pid in ids if pid in self._by_id
            ]  # a reloaded catalog may lack one
            ranking = ranked_on(turn.message, anchors)  # "which one is lighter?": the weight, first
            labels: dict[str, list[str]] = {}  # one main item may lead two bundles: "(value and balanced)"
            for bundle in shown:
                if bundle.items:
                    labels.setdefault(bundle.items[0].product_id, []).append(bundle.label)
            asks_spec = not ranking and anchors and wants_more(turn.message) is not None
            spec = spec_family(turn.message, anchors) if asks_spec else None
            if ranking:
                turn.reply = words.ranking(ranking, labels)
                if ranking.best is not None and len(labels.get(ranking.best.id, [])) == 1:
                    # "I'll take that one" next means the one it favoured (it had asked "which of the 3?")
                    favoured = next(
                        b.bundle_id for b in shown if b.items and b.items[0].product_id == ranking.best.id
                    )
                    turn.state = turn.state.model_copy(update={"focused_bundle_id": favoured})
            elif spec is not None:  # "which is the lightest" of earbuds the catalog gives no weight for
                turn.reply = words.rank_unstated(spec, leaf_role(anchors[0]))
            else:
                turn.reply = words.compare(shown, anchors)
        elif kind == "compare_products":
            self._compare_products(turn, action, timings)
        elif kind == "remove":
            self._remove(turn, action, timings)
        elif kind == "explain":
            shown = _shown(turn.state, action.bundle_ids)
            asked = self._asked_about(shown, action.item_role)
            models, platforms = self._devices_named(turn.parsed, turn.message)
            if shown and asks_compatibility(turn.message) and (models or platforms):
                # "do they work with iphone?": the shopper's device, as each product's listing says
                products = asked or self._asked_about(shown, None)
                turn.reply = words.fits_named(
                    fits_named(products, models, platforms), [*models, *platforms][0]
                )
            elif shown and asks_compatibility(turn.message):  # "is the lens compatible with the camera?"
                # the bundle asked about holds no lens: "Yes: checked to work together" had implied one
                missing = [
                    named
                    for slot, text in turn.parsed.spans
                    if slot == "item_ref" and (named := _named_kind(text)) and held_role(shown, named) is None
                ]
                if missing:
                    label = shown[0].label if len(shown) == 1 and len(turn.state.shown) > 1 else None
                    turn.reply = clarify.for_locale(turn.locale).not_there(
                        missing[0], intent="ask_explanation", label=label
                    )
                else:
                    turn.reply = words.checked_together(shown)
            elif asked and asks_detail(turn.message, asked):  # "does it have wireless charging?"
                turn.reply = words.details(asked_facts(turn.message, asked))  # the catalog's facts
            else:
                turn.reply = words.explain(shown, turn.state.goal)
        else:
            self._offer(turn, action, timings)

    def _remove(self, turn: _Turn, action: TurnAction, timings: dict[str, float]) -> None:
        """'remove the charger': each bundle shown without it, priced again, and nothing else changed (a
        rebuild had put earbuds where the charger was and a smartwatch into another bundle). What a main item
        cannot work without (a body-only camera's lens) stays, and the reply says so."""
        variant = self._variants.for_conversation(turn.conversation_id)
        targets = {bundle.bundle_id for bundle in _shown(turn.state, action.bundle_ids)}
        drafts, kept, changed = [], [], False
        for bundle in turn.state.shown:
            items = self._bundle_items(bundle)
            if not items:
                continue
            needed = set(required_roles(items[0].product))
            if bundle.bundle_id in targets and action.item_role in needed:
                kept.append(items[0].product)
            elif bundle.bundle_id in targets:
                remaining = [item for item in items if item.role != action.item_role]
                changed |= len(remaining) < len(items)
                items = remaining
            drafts.append(_draft(bundle.label, items, variant.complements))
        words = replies.for_locale(turn.locale)
        turn.reply = " ".join(words.needs_kept(product, action.item_role or "") for product in kept)
        if changed:  # else nothing was removed: the notes alone, the bundles as shown
            self._show(turn, drafts, variant, timings)
            turn.reply += (" " if kept else "") + words.offer(turn.bundles, turn.state.goal, action, notes=())

    def _edited(
        self, turn: _Turn, action: TurnAction, variant: Variant, by_role: dict[str, list[ScoredProduct]]
    ) -> list[BundleDraft] | None:
        """'add a mascara', 'swap the case for a black one': every bundle as shown, with that one item added
        to (or swapped in) each bundle asked about: the most relevant candidate (of the colour, brand or price
        asked for) that works with the bundle's other items and keeps it within budget; an addition may take
        a bundle one item past the builder's own limit. Joint rebuilds had dropped a foundation to make room
        for a mascara, and the Pixel 9a's case for a power bank where no other black case fit it. A bundle no
        candidate suits is named in the reply (`unfitted`, `over_budget`): left out after an addition, since
        every bundle shown after "add a tripod" holds one, kept as it was after a swap. None (rebuild instead)
        when no bundle could change."""
        role, adding = action.item_role or "", action.kind == "add"
        candidates = by_role.get(role, [])
        # "add a milk frother", read as the mug shelf: a frother, and a bundle holds one only if it has one
        kind = _said_kind(turn) if adding else None
        if not any(_titled(scored.product, kind) for scored in candidates):
            kind = None
        turn.edited_kind = kind
        # what was said of it, where any candidate has it: 'add a mechanical keyboard'
        wanted = (
            turn.parsed.features
            if any(has_features(c.product, turn.parsed.features) for c in candidates)
            else ()
        )
        checker, budget = variant.builder.compatibility, turn.state.goal.budget_max
        targets = {bundle.bundle_id for bundle in _shown(turn.state, action.bundle_ids)}
        drafts: list[BundleDraft] = []
        changed = False
        for bundle in turn.state.shown:
            items = self._bundle_items(bundle)
            if not items:
                return None
            at = next(
                (
                    index
                    for index, item in enumerate(items)
                    if (_titled(item.product, kind) if kind else item.role == role)
                ),
                None,
            )
            if bundle.bundle_id in targets and adding == (at is None):
                if adding and len(items) > variant.builder.settings.max_items:
                    return None
                rest = items if at is None else [item for index, item in enumerate(items) if index != at]
                total = sum((item.product.price for item in rest), Decimal(0))
                held = {item.product.id for item in items}  # never the same product twice in one bundle
                fitting = [
                    product
                    for product in _fits_with(candidates, rest, checker)
                    if product.id not in held
                    and (kind is None or _titled(product, kind))
                    and has_features(product, wanted)
                ]
                within = [product for product in fitting if budget is None or total + product.price <= budget]
                if not within:
                    (turn.over_budget if fitting else turn.unfitted).append(items[0].product)
                    if adding:
                        continue
                elif at is None:
                    items = [*items, BundleItem(role, within[0])]
                else:
                    items[at] = BundleItem(role, within[0])
                changed |= bool(within)
            drafts.append(_draft(bundle.label, items, variant.complements))
        return drafts if changed else None

    def _bundle_items(self, bundle: ShownBundle) -> list[BundleItem]:
        """A shown bundle's items as the builder's (role, product), those the catalog still has."""
        return [
            BundleItem(item.role or ANCHOR_ROLE, self._by_id[item.product_id])
            for item in bundle.items
            if item.product_id in self._by_id
        ]

    def _asked_about(self, bundles: Sequence[ShownBundle], role: str | None) -> list[Product]:
        """The products a question about `bundles` is about: the item of `role` in each ('the grinder'),
        else each bundle's main item; once each, those the catalog still has."""
        ids = [
            next((item.product_id for item in bundle.items if item.role == role), None)
            if role
            else (bundle.items[0].product_id if bundle.items else None)
            for bundle in bundles
        ]
        return [self._by_id[pid] for pid in dict.fromkeys(ids) if pid in self._by_id][:MAX_ASKED]

    def _offer(self, turn: _Turn, action: TurnAction, timings: dict[str, float]) -> None:
        """Build, price and quote bundles for the goal (search: single items; add and swap: the shown bundles
        with the one item changed (`_edited`), else rebuilt around the shown anchors with the change)."""
        words = replies.for_locale(turn.locale)
        unknown = [brand for brand in turn.state.goal.brands if fold(brand) not in self._known_brands]
        if unknown:  # a brand the shop does not carry: say so, and look across the brands it does carry
            goal = turn.state.goal.model_copy(
                update={"brands": [b for b in turn.state.goal.brands if b not in unknown]}
            )
            turn.state = turn.state.model_copy(update={"goal": goal})
        goal = turn.state.goal
        if goal.currency is not None and goal.budget_max is None and goal.budget_min is None:
            # a currency word with no amount ('蓝牙音箱模块': 块 of 模块) is no budget to ask about
            goal = goal.model_copy(update={"currency": None})
            turn.state = turn.state.model_copy(update={"goal": goal})
        if goal.currency is not None and goal.currency not in self._currencies:  # "3000元以内" in a USD shop
            turn.reply = words.currency_not_used(goal.currency, self._currencies)
            unpriced = goal.model_copy(update={"budget_max": None, "budget_min": None, "currency": None})
            asked = turn.state.model_copy(update={"goal": unpriced, "asked_budget": True})
            turn.state = self._tracker.record_shown(asked, [])
            return
        if action.kind == "add" and action.item_role and not self._carries(action.item_role):
            # "add a nail polish": the shop has none ("no bundle with a polish fits" blamed the bundles)
            turn.reply = words.category_not_carried([action.item_role], self._carried_categories)
            return
        if self._purpose_unknown(turn, action):  # a text search for "my garden" showed skincare and lamps
            turn.reply = words.purpose_unknown(goal.use_case or "", self._carried_categories)
            turn.state = turn.state.model_copy(update={"asked_purpose": True})
            return
        variant = self._variants.for_conversation(turn.conversation_id)
        with _timed(timings, "retrieve"):
            devices = self._own_devices(goal)
            the_plan, hits, anchors, by_role = self._retrieve(turn, action, variant, devices)
            lacking: list[str] = []
            if not hits and goal.categories and goal.brands:
                # "a nike water bottle": bottles are carried, Nike's are not. Say so and show the others,
                # rather than "we don't carry water bottles".
                lacking, goal = list(goal.brands), goal.model_copy(update={"brands": []})
                turn.state = turn.state.model_copy(update={"goal": goal})
                the_plan, hits, anchors, by_role = self._retrieve(turn, action, variant, devices)
        if not hits and goal.categories and goal.spec_limits:  # none of the kind is lighter and bigger
            limits = goal.spec_limits
            kept = any(leaf_role(anchor) == limits[0].kind for anchor in self._shown_anchors(turn.state))
            turn.reply = words.limits_unmet(limits, goal.categories[0], kept=kept, best=self._nearest(limits))
            return
        if not hits and goal.categories:
            turn.reply = words.category_not_carried(goal.categories, self._carried_categories)
            turn.state = self._tracker.record_shown(turn.state, [])
            return
        if not hits and _purpose_only(goal):  # nothing in the shop speaks of it: say so, show nothing
            purpose, carried = goal.use_case or "", self._carried_categories
            again = turn.state.asked_purpose  # asked once already: not the same question again
            turn.reply = (
                words.purpose_not_carried(purpose, carried)
                if again
                else words.purpose_unknown(purpose, carried)
            )
            turn.state = self._tracker.record_shown(turn.state.model_copy(update={"asked_purpose": True}), [])
            return
        if action.avoid_product_ids and not anchors:  # nothing else fits: keep what was shown
            turn.reply = words.no_others(goal.categories)
            return
        swapped = action.item_role if action.kind == "swap" else None
        if swapped and not (anchors if swapped == ANCHOR_ROLE else by_role.get(swapped)):
            # nothing else fits where it goes: say so and keep the bundles shown, not "Swapped it" over them
            shown = _shown(turn.state, action.bundle_ids)
            kind = leaf_phrase(shown[0].items[0].category) if swapped == ANCHOR_ROLE and shown else swapped
            turn.reply = words.no_alternative(kind or swapped, turn.parsed.slots.price_direction)
            return
        device = self._must_ask_model(turn, action, devices, hits)
        other = self._other_device(turn, device) if device and goal.categories else None
        if other:  # "cases for tablets", "tablet cover": the shop's cases are for phones, not "which phone?"
            kind = f"{other} {goal.categories[0]}"
            turn.reply = words.category_not_carried([kind], self._carried_categories)
            turn.state = self._tracker.record_shown(turn.state, [])
            return
        if device:  # "a case for my phone", "a phone case": which phone?
            examples = self._example_models(device, goal.fits, said=turn.message)
            # the shelf's 'smartphone' is what a shopper calls a phone
            turn.reply = words.which_model(
                device.removeprefix("smart") if device != "smart" else device, examples
            )
            turn.state = turn.state.model_copy(update={"asked_device_model": True})
            return
        edited = None
        if action.kind == "add" or (swapped and swapped != ANCHOR_ROLE):
            edited = self._edited(turn, action, variant, by_role)
            if swapped and edited is None and (turn.unfitted or turn.over_budget):
                # no other (black) case fits any of these phones: a rebuild had dropped their cases
                wish = action.item_attributes.get("colour") or action.item_attributes.get("brand")
                kind = f"{wish} {swapped}" if wish else swapped
                turn.reply = words.no_alternative(kind, turn.parsed.slots.price_direction)
                return
            if action.kind == "add" and edited is None and (turn.unfitted or turn.over_budget):
                # "add a case" where no case fits the earbuds: say so of each, and the bundles shown stay
                # (a rebuild had answered "Sorry, no bundle with a case fits")
                role = turn.edited_kind or action.item_role or ""
                notes = [words.fits_none(role, turn.unfitted)] if turn.unfitted else []
                turn.reply = " ".join(
                    [*notes, *(words.over_budget(role, product) for product in turn.over_budget)]
                )
                return
        if edited:  # "add a tripod", "swap the case for a black one": the bundles as shown, one item changed
            targets = _shown(turn.state, action.bundle_ids)
            self._show(turn, edited, variant, timings)
            role = turn.edited_kind or action.item_role or ""
            notes = [words.none_fits(role, product, swap=bool(swapped)) for product in turn.unfitted]
            had = sum(any(item.role == action.item_role for item in b.items[1:]) for b in targets)
            if action.kind == "add" and 0 < had < len(targets):  # "Added it" hid that two had one already
                notes.append(words.joined_the_rest(role, had, len(targets)))
            notes += [words.over_budget(role, product) for product in turn.over_budget]
            if turn.unmet_wish:
                notes.append(words.colour_lacks(turn.unmet_wish, role))
            turn.reply = " ".join([*notes, words.offer(turn.bundles, goal, action, notes=())])
            return
        if not anchors and turn.fits_no_device:
            models = [name for name in goal.fits if model_key(name) not in self._platforms]
            kind = (goal.owned[0] if goal.owned else "device").removeprefix("smart")
            device = models[0] if models else " ".join([*goal.fits[:1], kind])  # 'iOS phone'
            turn.reply = words.fits_no_device(goal.categories[0], device, named=bool(models))
            return
        with _timed(timings, "build"):
            result = variant.builder.build(the_plan.request, anchors, by_role)
            if action.kind == "add" and action.item_role:
                result = _holding(result, action.item_role)
        if not result.ok:
            turn.reply = self._nothing_fits(result, turn, variant.pricer)
            if action.kind not in ("swap", "add", "remove") and turn.limit is None:
                # a failed edit leaves the bundles shown, and so does "lighter" past them: the next "bigger
                # screen" or "cheaper" is still about them
                turn.state = self._tracker.record_shown(turn.state, [])
            return
        before = [[item.product_id for item in bundle.items] for bundle in turn.state.shown]
        self._show(turn, result.bundles, variant, timings)
        excluded = turn.parsed.slots.exclude_brand
        if excluded and before == [[item.product_id for item in b.items] for b in turn.bundles]:
            # "not sony" when none shown was Sony: the same bundles again, said as such
            turn.reply = words.none_excluded(excluded) + " "
        if unknown:
            turn.reply += words.not_carried(unknown) + " "
        if lacking:
            turn.reply += words.brand_lacks(lacking, goal.categories) + " "
        if turn.unmet_wish and action.item_role:
            turn.reply += words.colour_lacks(turn.unmet_wish, action.item_role) + " "
        if turn.limit is not None:  # "something lighter": "Weight: under 1.24 kg for each laptop here."
            turn.reply += words.spec_beyond(turn.limit, (goal.categories or [turn.limit.kind])[0]) + " "
        if turn.stated:  # "a laptop under 1.3 kg": "Weight under 1.3 kg for each laptop here."
            turn.reply += words.limits_met(turn.stated, (goal.categories or [turn.stated[0].kind])[0]) + " "
        if turn.floors:  # "a laptop for video editing": "For video editing, RAM at least 16 GB ..."
            need = need_named(goal.use_case, self._need_specs) or goal.use_case or ""
            kind = (goal.categories or [turn.floors[0].kind])[0]
            turn.reply += words.floors_met(turn.floors, kind, need) + " "
        quantity = turn.parsed.slots.quantity
        if quantity is not None and quantity > 1:  # "I need two of them": bundles are priced one of each
            turn.reply += words.one_of_each(quantity) + " "
        absent = [
            role for role in the_plan.request.roles or () if role not in by_role and not self._carries(role)
        ]
        if absent:  # "a red lipstick and a matching nail polish": lipsticks, and say there is no polish
            turn.reply += words.some_not_carried(absent) + " "
        said = {category_key(kind) for kind in goal.categories}  # a need's kinds are ours to choose, not said
        left_out = [role for role in result.left_out if category_key(role) in said]
        if left_out:  # "a laptop and a monitor under 700": laptops alone, said so
            budget = goal.budget_max if goal.budget_max is not None and turn.bundles else None
            currency = turn.bundles[0].currency if turn.bundles else "USD"
            turn.reply += words.left_out(left_out, budget, currency) + " "
        named = goal if self._knows_model(goal) else goal.model_copy(update={"fits": []})  # not "your iOS"
        carried = [kind for kind in named.categories if self._carries(kind)]
        if carried and carried != named.categories:  # "battery and charger": charger bundles, said as such
            named = named.model_copy(update={"categories": carried})
        kind = _said_kind(turn)
        if (
            kind
            and named.categories
            and all(kind in category_key(b.items[0].title).split() for b in turn.bundles)
        ):
            named = named.model_copy(update={"categories": [kind, *named.categories[1:]]})  # kettle, not mug
        mains = [
            self._by_id[b.items[0].product_id] for b in turn.bundles if b.items[0].product_id in self._by_id
        ]
        if turn.colour_missing and named.categories:
            turn.reply += words.colour_missing(turn.colour_missing, named.categories[0]) + " "
        if goal.features and named.categories and mains:
            if not any(has_features(main, goal.features) for main in mains):  # "hiking shoes": running ones
                turn.reply += words.features_lacking(goal.features, named.categories[0]) + " "
            elif not turn.locale.lower().startswith("zh") and all(
                has_features(m, goal.features) for m in mains
            ):
                # "gaming mouse bundles" (a Chinese reply names the kind in Chinese: the features are English)
                described = " ".join([*goal.features, named.categories[0]])
                named = named.model_copy(update={"categories": [described, *named.categories[1:]]})
        turn.reply += words.offer(turn.bundles, named, action, notes=result.notes)

    def _compare_products(self, turn: _Turn, action: TurnAction, timings: dict[str, float]) -> None:
        """Named products side by side, each offered alone at the price the engine sets, with the specs
        that tell them apart (every value from the catalog)."""
        products = [self._by_id[product_id] for product_id in action.product_ids]
        drafts = [
            BundleDraft(
                label="best match", items=(BundleItem(ANCHOR_ROLE, product),), score=1.0, complementarity=0.0
            )
            for product in products
        ]
        self._show(turn, drafts, self._variants.for_conversation(turn.conversation_id), timings)
        by_product = {view.items[0].product_id: view for view in turn.bundles}
        offers = [by_product[product.id] for product in products]
        ranking = ranked_on(turn.message, products)  # "which is lighter, the macbook air or the xps?"
        turn.reply = replies.for_locale(turn.locale).compare_products(offers, products, ranking)

    def _show(
        self, turn: _Turn, drafts: Sequence[BundleDraft], variant: Variant, timings: dict[str, float]
    ) -> None:
        """Price, quote and show `drafts`: the turn's bundles, and what the next turn refers to."""
        with _timed(timings, "price"):
            signals = shopper_signals(turn.state.goal, turn.state.price_sensitivity)
            priced = variant.pricer.price_offers(drafts, signals)
        with _timed(timings, "quote"):
            now = self._clock()
            views, quotes = [], []
            for offer in priced:
                quote = self._signer.issue(offer, now, self._quote_ttl, reference=turn.conversation_id)
                view = _view(offer, quote.quote_id, quote.valid_until)
                views.append(view)
                quotes.append(
                    QuoteRecord(
                        quote_id=quote.quote_id,
                        conversation_id=turn.conversation_id,
                        bundle=view.to_json(),
                        price=offer.bundle_price,
                        currency=offer.breakdown.currency,
                        valid_until=quote.valid_until,
                        arm=variant.arm,
                        experiment=variant.experiment,
                        cost_total=offer.breakdown.cost_total,
                    )
                )
        turn.priced, turn.bundles, turn.quotes = priced, tuple(views), tuple(quotes)
        turn.state = self._tracker.record_shown(
            turn.state, [_shown_bundle(v, p) for v, p in zip(views, priced, strict=True)]
        )

    def _retrieve(
        self, turn: _Turn, action: TurnAction, variant: Variant, devices: list[Product]
    ) -> tuple[RetrievalPlan, list[SearchHit], list[ScoredProduct], dict[str, list[ScoredProduct]]]:
        """The plan, anchor hits, and the builder's anchors and role candidates for the turn's goal."""
        the_plan, hits = self._anchor_hits(
            turn,
            single_item=action.kind == "search",
            accessories_of=devices,
            complements=variant.complements,
            avoid=frozenset(action.avoid_product_ids),
        )
        return the_plan, hits, *self._candidates(the_plan, hits, turn, action, variant, devices)

    def _anchor_hits(
        self,
        turn: _Turn,
        *,
        single_item: bool,
        accessories_of: list[Product],
        complements: ComplementModel,
        avoid: frozenset[str] = frozenset(),
    ) -> tuple[RetrievalPlan, list[SearchHit]]:
        """Anchors for the first of the goal's categories the catalog has (a word it does not use, like
        "noise cancelling", is skipped); within budget, else above it so the builder can say what the
        budget ruled out. None when the shop carries none of the categories asked for (no stand-ins).

        A purpose alone ("stuff for my home office") shops for its need's categories, then plainly; those
        are ours to choose, so any of them within budget comes before the first one above it. So do
        accessories for a device the shopper owns ("accessories for my camera"): its complement roles."""
        goal = turn.state.goal
        named = [product for model in goal.products for product in self._by_model.get(model_key(model), [])]
        if named and goal.categories and leaf_role(named[0]) not in goal.categories:
            # "the iphone 16 pro with a case": the phone is the anchor and the case goes with it
            goal = goal.model_copy(update={"categories": [leaf_role(named[0]), *goal.categories]})
        categories: list[str | None] = list(goal.categories) or [None]
        needed = () if goal.categories else categories_for_need(goal.use_case, self._needs)
        if needed and goal.owned:
            # 'he has an espresso machine already': the rest of the need; a device the need does not
            # take ('photography stuff for my iphone 16') gets what goes with it instead
            heads = {_head(kind) for kind in goal.owned}
            rest = tuple(kind for kind in needed if _head(kind) not in heads)
            needed = rest if len(rest) < len(needed) else ()
        if not goal.categories and not needed and accessories_of:
            needed = _accessory_roles(accessories_of, complements)
        if needed:
            goal, categories = goal.model_copy(update={"categories": list(needed)}), [*needed, None]
        plans = [
            plan(goal, message=turn.message, single_item=single_item, anchor_category=category)
            for category in categories
        ]
        if needed:
            passes = [(the_plan, within) for within in (True, False) for the_plan in plans]
        else:
            passes = [(the_plan, within) for the_plan in plans for within in (True, False)]
        for the_plan, within in passes:
            filters = the_plan.anchor_filters if within else replace(the_plan.anchor_filters, max_price=None)
            hits = self._retriever.search(the_plan.anchor_query, top_k=ANCHOR_POOL, filters=filters)
            if needed and avoid:
                # "something else" after a runner's shoes: the need's next kind, when every shoe within budget
                # was shown ("those are all the products" had ended a gift chat with a watch and socks left)
                hits = [hit for hit in hits if hit.product.id not in avoid]
            if hits and _purpose_only(goal) and not accessories_of:
                # a purpose no need maps, searched as text: only products that speak of it ("cycling" for a
                # dad had come back as a screen protector, a foundation and a lipstick)
                hits = [hit for hit in hits if _speaks_of(hit.product, goal.use_case or "")]
            if (
                hits
                and within
                and goal.features
                and not any(has_features(hit.product, goal.features) for hit in hits)
            ):
                # no gaming mouse within budget: above it, when there is one, so the builder says what the
                # budget ruled out ("cheaper" than the cheapest gaming mouse had shown an office mouse)
                above = replace(filters, max_price=None)
                found = self._retriever.search(the_plan.anchor_query, top_k=ANCHOR_POOL, filters=above)
                if any(has_features(hit.product, goal.features) for hit in found):
                    continue
            if hits:
                if needed:
                    return the_plan, self._naming_need(hits, goal.use_case)
                # 'a laptop for gaming': the gaming laptop, where the shop has one, before office ones
                return the_plan, _favouring(_as_said(hits, turn), self._spellings(goal.use_case))
        return plans[-1], []

    def _naming_need(self, hits: list[SearchHit], use_case: str | None) -> list[SearchHit]:
        """A need's anchors keep to the products that name it (in any spelling the needs know: pourover,
        pour over) in their title or attributes, when there are enough for every bundle: the pour-over
        dripper and kettles, not the mug filed on the same shelf ("pour over set" came back as a mug, a
        grinder and beans, with nothing to brew in)."""
        if need_named(use_case, self._needs) is None:
            return hits
        spellings = self._spellings(use_case)
        naming = [hit for hit in hits if need_named(_product_words(hit.product), spellings) is not None]
        # fewer than one per bundle: those first, the rest after them (two gaming monitors of five)
        return naming if len(naming) >= ROLE_ANCHORS else _favouring(hits, spellings)

    def _spellings(self, use_case: str | None) -> NeedsMap:
        """The ways a product may name the shopper's purpose: its need's spellings ('pourover', 'pour
        over'), else the purpose as said ('gaming' of a laptop); empty for none, and for a purpose that is
        a kind the shop files ('coffee': a grinder is for coffee whether or not its title says so)."""
        need = need_named(use_case, self._needs) or use_case
        if not need or self._carries(need):
            return {}
        same = {name: () for name in self._needs if name.replace(" ", "") == need.replace(" ", "")}
        return same or {need: ()}

    def _purpose_unknown(self, turn: _Turn, action: TurnAction) -> bool:
        """A purpose alone that no need maps ('something for my garden', 'stuff for a picnic'): ask once
        what they would like for it, rather than show whatever shares its words; asked once, a shopper
        who still names nothing gets the search."""
        goal, state = turn.state.goal, turn.state
        # who a gift is for names no product: "he likes football" for a nephew had shown a lamp and a skillet
        named = any((goal.categories, goal.brands, goal.products, goal.owned))
        return (
            action.kind == "build"
            and bool(goal.use_case)
            and not named
            and not state.asked_purpose
            and not categories_for_need(goal.use_case, self._needs)
        )

    def _must_ask_model(
        self, turn: _Turn, action: TurnAction, devices: list[Product], hits: list[SearchHit]
    ) -> str | None:
        """The kind of device to ask the model of, once, when what the shopper asked for fits exact models
        (most top matches list them: cases, screen protectors, watch bands) and the model is not known: any
        one shown would be a guess at their phone presented as a fact. Their own device's kind, else the
        kind the listed models are ("a phone case" had shown a Xiaomi 15, a Galaxy Z Flip6 and an iPhone 15
        case)."""
        state = turn.state
        if action.kind != "build" or self._knows_model(state.goal) or state.asked_device_model:
            return None
        top = hits[:ROLE_ANCHORS]
        if not top or not _lists_models(top):
            return None
        if state.goal.owned:
            return state.goal.owned[0] if devices else None
        kinds = Counter(
            leaf_role(device)
            for hit in top
            for model in compatible_models(hit.product.attributes)
            for device in self._by_model.get(model_key(model), [])[:1]
        )
        return kinds.most_common(1)[0][0] if kinds else None

    def _other_device(self, turn: _Turn, device: str) -> str | None:
        """A kind of device the message names for an accessory made for exact models of `device` ('cases
        for [tablets]', '[tablet] cover' where the cases fit phones): the shop has none for it."""
        accessory = {category_key(kind) for kind in turn.state.goal.categories[:1]}
        for surface in _category_surfaces(turn.parsed):
            for kind in category_key(surface).split():
                if kind in accessory or not self._carries(kind):
                    continue
                kinds = {leaf_role(product) for product in self._of_category(kind)}
                if kinds & ({device} | {leaf_role(product) for product in self._of_category(device)}):
                    continue  # 'a case for my [phone]': the phone is the device the cases fit
                if any(kind in leaf.split() and leaf not in kinds for leaf in self._leaves):
                    continue  # 'laptop case': the shop has laptop sleeves, which is not "no laptop cases"
                return kind
        return None

    @cached_property
    def _leaves(self) -> frozenset[str]:
        """Every product's leaf category phrase."""
        return frozenset(leaf_role(product) for product in self._by_id.values())

    def _knows_model(self, goal: ShoppingGoal) -> bool:
        """A model of the shopper's device is known ('my iPhone 16'), not just its platform ('my iphone')."""
        return any(model_key(name) not in self._platforms for name in goal.fits)

    def _example_models(
        self, device: str, platforms: Sequence[str] = (), count: int = 3, said: str = ""
    ) -> list[str]:
        """Models of the shopper's kind of device, one per brand, from the brands the shop carries most of
        that kind ('iPhone 16, Galaxy S25 or Pixel 9'), each brand's best match for the kind; on their
        platform when it is known ('my iphone': iPhones only, so several of one brand), and of the product
        line their words `said` name ('a pixel case': Pixels, not a Galaxy and a Xiaomi)."""
        first: dict[str, str] = {}
        carried: Counter[str] = Counter()
        hits = self._of_kind(device, ANCHOR_POOL)
        hits = [hit for hit in hits if _runs_on(hit.product, platforms)] or hits
        words = set(fold(said).split())
        hits = [hit for hit in hits if _line_of(hit.product) in words] or hits
        hits = [hit for hit in hits if fold(hit.product.brand or "") in words] or hits  # 'my samsung phone'
        models = list(
            dict.fromkeys(
                model for hit in hits if isinstance(model := hit.product.attributes.get("model"), str)
            )
        )
        for hit in hits:
            model = hit.product.attributes.get("model")
            if isinstance(model, str) and hit.product.brand:
                first.setdefault(hit.product.brand, model)
                carried[hit.product.brand] += 1
        examples = [first[brand] for brand, _ in carried.most_common(count)]
        return examples + [model for model in models if model not in examples][: count - len(examples)]

    def _of_kind(self, category: str, top_k: int) -> list[SearchHit]:
        """The catalog's best matches for a kind of product named alone ('phone')."""
        the_plan = plan(ShoppingGoal(categories=[category]), message=category, anchor_category=category)
        return self._retriever.search(the_plan.anchor_query, top_k=top_k, filters=the_plan.anchor_filters)

    def _own_devices(self, goal: ShoppingGoal) -> list[Product]:
        """The shopper's devices: the products of the model they named ("my iPhone 16 Pro"), else the
        catalog's best matches for each kind they own (what 'my phone' most likely is)."""
        exact = [product for model in goal.fits for product in self._by_model.get(model_key(model), [])]
        if exact:
            return exact
        devices: list[Product] = []
        for device in goal.owned:
            hits = self._of_kind(device, ROLE_ANCHORS)
            kind = Counter(leaf_role(hit.product) for hit in hits).most_common(1)  # a lens may rank too
            devices.extend(hit.product for hit in hits if kind and leaf_role(hit.product) == kind[0][0])
        return [device for device in devices if _runs_on(device, goal.fits)] or devices  # 'my iphone': iOS

    def _candidates(
        self,
        the_plan: RetrievalPlan,
        hits: list[SearchHit],
        turn: _Turn,
        action: TurnAction,
        variant: Variant,
        devices: list[Product],
    ) -> tuple[list[ScoredProduct], dict[str, list[ScoredProduct]]]:
        """`devices`: the shopper's own; their kinds are never offered, and what goes with a charger for
        their laptop is what goes with the laptop (a sleeve, a hub), not the phones a charger also charges.
        Once the model is known, everything offered must work with it by the builder's compatibility rules
        (a memory card of its format, a lens of its mount, a sleeve of its size)."""
        complements = variant.complements
        owned = frozenset(leaf_role(device) for device in devices)
        fitted = {model_key(model) for model in turn.state.goal.fits}
        exact = [device for device in devices if _model_of(device) in fitted]
        guessed = bool(devices) and not exact  # 'my phone': which phone is a guess
        # a guessed device's add-ons must suit every device it may be: 'accessories for my camera' had offered
        # a Canon RF lens, a guess at the mount presented as a fit; a card, a bag and a tripod suit any
        fits_device = _works_with(devices if guessed else exact, variant.builder.compatibility, every=guessed)
        unowned = [hit for hit in hits if leaf_role(hit.product) not in owned]  # never theirs again
        fitting = [hit for hit in unowned if fits_device(hit)]
        if not fitting and guessed:  # none suits every phone it may be: those that suit one of them
            fitting = [hit for hit in unowned if _works_with(devices, variant.builder.compatibility)(hit)]
        if unowned and not fitting and devices and turn.state.goal.categories:
            # "a lens for my iphone 16", "a memory card for my iphone": none plugs into it (lenses had been
            # shown "for your iPhone 16"); the reply says so
            turn.fits_no_device = True
        hits = fitting or ([] if exact or turn.fits_no_device else unowned)
        asked = {model_key(model) for model in turn.state.goal.products}
        if asked:  # "do you have the galaxy s25 ultra?": the phone itself, not the cases that fit it
            hits = [hit for hit in hits if _model_of(hit.product) in asked] or hits
        named = {category_key(category) for category in the_plan.request.anchor_categories}
        # of the kind named, where the word is also a department's: "camera for travel" had ranked the
        # Peak Design Travel Tripod first in the Cameras department, and the add-ons were chosen around
        # tripods (a camera with a lens and nothing else); "cheaper" cameras are not its memory cards
        hits = [hit for hit in hits if is_named_kind(hit.product, named)] or hits
        removed = the_plan.removed_roles - named
        if removed:  # "remove the toner", then "not cerave": a toner had come back as a main item
            hits = [hit for hit in hits if leaf_role(hit.product) not in removed] or hits
        cheap = turn.parsed.slots.price_direction == "lower" and action.kind in ("build", "search")
        if cheap:  # "the cheapest iphone you have": the cheap end, cheapest first
            hits = _cheaper_half(hits)
        if action.avoid_product_ids:  # "something different"
            hits = [hit for hit in hits if hit.product.id not in action.avoid_product_ids]
        colour = turn.state.goal.attributes.get("colour")
        if colour:  # "make it white": a black phone ranked among white ones by its title's other words
            coloured = [hit for hit in hits if has_colour(hit.product, colour) is not False]
            if hits and not coloured and action.kind in ("build", "search"):
                turn.colour_missing = colour  # "in black" where no shoe that fits is black: said, not hidden
            hits = coloured or hits
        keep_anchor = _anchor_ids(turn.state, action)
        direction = turn.parsed.slots.price_direction if action.kind == "swap" else None
        if keep_anchor and action.kind == "swap" and action.item_role == ANCHOR_ROLE:
            # another camera: of the shown main items' kind, not the cheaper memory cards and tripods filed
            # in the Cameras department ("swap the camera for a cheaper one" had shown a card alone)
            kinds = {leaf_role(self._by_id[pid]) for pid in keep_anchor if pid in self._by_id}
            same = [hit for hit in hits if leaf_role(hit.product) in kinds]
            hits = _as_asked(self._replacing(same, keep_anchor, direction), action, turn)
        elif keep_anchor:  # swap/add/remove edit the shown bundle: keep its anchor when it still fits
            kept = [hit for hit in hits if hit.product.id in keep_anchor]
            hits = kept or hits
        anchors = [_scored(hit) for hit in hits]
        if the_plan.request.roles == ():
            return anchors, {}
        roles: list[str] = list(the_plan.request.roles or ())
        suggested = not roles  # roles the shopper did not name: ours to choose, as add-ons
        # main items that are devices of their own ('a smartwatch that works with my iphone') take add-ons
        # that go with them, as the builder checks; only add-ons for the shopper's device ('a case for my
        # phone' and its protector) must suit that device (the watch had come alone, with the phone's roles)
        own_device_anchors = bool(devices) and any(
            "model" in anchor.product.attributes and leaf_role(anchor.product) not in owned
            for anchor in anchors[:ROLE_ANCHORS]
        )
        if not roles and devices and not own_device_anchors:
            anchor_roles = {leaf_role(anchor.product) for anchor in anchors[:ROLE_ANCHORS]}
            roles = [role for role in _accessory_roles(devices, complements) if role not in anchor_roles]
            if turn.state.goal.categories:  # "a case for my phone" asked for a case: a protector, a charger
                roles = roles[:NAMED_ACCESSORY_ROLES]
        elif not roles:
            products = [anchor.product for anchor in anchors]
            spans_categories = not the_plan.request.anchor_categories  # no category named: the results' own
            roles = bundle_roles(
                products, complements, around=ROLE_ANCHORS, of_request=products if spans_categories else ()
            )
            # What an anchor is unusable without (a body-only camera's lens) is searched for too, so the
            # builder can hold it to that, whether or not co-purchases rank the role.
            roles.extend(dict.fromkeys(need for product in products for need in required_roles(product)))
            roles = list(dict.fromkeys(roles))
        # what a main item cannot work without stays, even once removed elsewhere (a body-only camera's lens)
        needed = {role for anchor in anchors[:ROLE_ANCHORS] for role in required_roles(anchor.product)}
        roles = [role for role in roles if role not in the_plan.removed_roles or role in needed]
        if keep_anchor:  # an edit changes one item: the others are what the shown bundles hold
            held = {
                item.role for bundle in _shown(turn.state, action.bundle_ids) for item in bundle.items[1:]
            }
            roles = [role for role in roles if role in held or role == action.item_role]
        if not roles:
            return anchors, {}
        modelled = bool(exact) or any(
            "model" in anchor.product.attributes for anchor in anchors[:ROLE_ANCHORS]
        )
        colour = action.item_attributes.get("colour") if action.kind == "swap" else None
        shared = the_plan.role_filters

        def searches(role: str, tops: Sequence[str]) -> list[tuple[str, SearchFilters]]:
            wish = colour if role == action.item_role else None
            query = [" ".join(part for part in (wish, role, top) if part) for top in tops]
            return [(text, replace(shared, categories=(role,))) for text in query]

        tops = list(dict.fromkeys(anchor.product.title for anchor in anchors[:ROLE_ANCHORS])) or [""]
        found_by_role = self._retriever.search_each(  # one embedding call
            [search for role in roles for search in searches(role, tops[:1])], top_k=self._per_role
        )
        # A role whose products fit listed models (cases, protectors, bands) is searched beside each top
        # anchor's title too: the Galaxy A16's case is not among the 20 nearest "case Huawei nova 12", and
        # the A16 that replaced a Pixel had been shown with none.
        modelled_roles = [
            at for at, found in enumerate(found_by_role) if modelled and _lists_models(found[:ROLE_ANCHORS])
        ]
        if modelled_roles and len(tops) > 1:
            more = self._retriever.search_each(
                [search for at in modelled_roles for search in searches(roles[at], tops[1:])],
                top_k=self._per_role,
            )
            others = len(tops) - 1
            for n, at in enumerate(modelled_roles):
                found_by_role[at] = _merged(
                    [found_by_role[at], *more[n * others : (n + 1) * others]], self._per_role
                )
        by_role: dict[str, list[ScoredProduct]] = {}
        said = set(category_key(turn.message).split())  # the shopper's own words, singular
        purpose = self._spellings(turn.state.goal.use_case)
        for role, found in zip(roles, found_by_role, strict=True):
            role_words = set(category_key(role).split()[-1:])
            if action.kind == "swap" and role == action.item_role:
                found = _as_asked(
                    self._replacing(found, _shown_item_ids(turn.state, role), direction), action, turn
                )
            elif keep_anchor and role != action.item_role:  # an edit keeps the rest (a swapped case too)
                shown_ids = _shown_item_ids(turn.state, role)
                kept = [hit for hit in found if hit.product.id in shown_ids]
                if action.kind == "swap" and action.item_role == ANCHOR_ROLE:
                    # a new camera may not take the old lens: the rest first, others where it does not fit;
                    # a case made for the old phone's model fits no new one, so its role starts afresh
                    made_for_one = any(lists_models(hit.product.attributes) for hit in kept)
                    later = 1.0 if made_for_one else OTHERS_AFTER_SWAP
                    kept += [replace(hit, score=hit.score * later) for hit in found if hit not in kept]
                found = kept or found
            found = [
                hit
                for hit in found
                if leaf_role(hit.product) not in owned
                # an add-on that says which platforms it works with pairs with their device: earbuds beside a
                # watch for an iPhone work with iOS; a band fits the watch, which the builder checks
                and ((own_device_anchors and PLATFORM_LIST not in hit.product.attributes) or fits_device(hit))
            ]
            if (guessed and not own_device_anchors) or not modelled:
                # a case for a phone we guessed would be a guess presented as a fact;
                # one that fits listed models fits none of main items that state no model (AirPods: not an
                # iPhone 16 Pro case)
                found = [hit for hit in found if not lists_models(hit.product.attributes)]
            # "a phone and a camera": a camera, not the memory cards of the Cameras department
            found = [hit for hit in found if is_named_kind(hit.product, {category_key(role)})] or found
            if role_words & said:  # "a sleeve": not a backpack from the same "Laptop Bags & Sleeves" shelf
                found = [hit for hit in found if names_category_part(role, hit.product) is not False] or found
            # What we add is an add-on, no dearer than what was asked for: running shoes come with socks
            # and a bottle, not a $299 massage gun; a memory card with a bag, not a $549 lens; cheap
            # earbuds with a cable, not a phone. Roles the shopper named may cost what they cost.
            if (cheap or suggested) and anchors:  # no main item (nothing fits): no add-on is dearer than one
                ceiling = max(anchor.product.price for anchor in anchors[:ROLE_ANCHORS])
                found = [hit for hit in found if hit.product.price <= ceiling]
            if purpose:  # a gaming setup's keyboard is the gaming one, where the shelf has one
                found = _favouring(found, purpose)
            if found:
                by_role[role] = [_scored(hit) for hit in found]
        return anchors, by_role

    def _replacing(self, hits: list[SearchHit], shown: set[str], direction: str | None) -> list[SearchHit]:
        """What may replace the `shown` products in a swap: another product, cheaper than every one shown
        for "a cheaper one" (it came back dearer), dearer than every one for "a better one"."""
        others = [hit for hit in hits if hit.product.id not in shown]
        prices = [self._by_id[pid].price for pid in shown if pid in self._by_id]
        if direction == "lower" and prices:
            others = [hit for hit in others if hit.product.price < min(prices)]
        elif direction == "higher" and prices:
            others = [hit for hit in others if hit.product.price > max(prices)]
        return others

    def _nothing_fits(self, result: BuildResult, turn: _Turn, pricer: BundlePricer) -> str:
        words = replies.for_locale(turn.locale)
        nearest = None
        if result.nearest:
            signals = shopper_signals(turn.state.goal, turn.state.price_sensitivity)
            priced = pricer.price(result.nearest[0], signals)
            nearest = (priced.bundle_price, priced.breakdown.currency)
        said = words.nothing_fits(result.reason, nearest)
        limits = turn.state.goal.spec_limits
        if limits:  # "a bigger screen" after "lighter": both hold, and the shopper is told what was searched
            return words.limits_held(limits, (turn.state.goal.categories or [limits[0].kind])[0], said)
        return said

    def _partial(self, turn: _Turn) -> dict[str, object]:
        return {
            "conversation_id": turn.conversation_id,
            "reply": turn.reply,
            "intent": _intent(turn.parsed).to_json(),
            "bundles": [view.to_json() for view in turn.bundles],
        }

    def _save(self, turn: _Turn) -> None:
        record = TurnRecord(
            message=turn.message,
            reply=turn.reply,
            intent=_intent(turn.parsed).to_json(),
            created_at=self._clock(),
            bundles=[view.to_json() for view in turn.bundles],
            timings_ms=dict(turn.timings or {}),
        )
        quotes = [
            replace(quote, bundle=view.to_json())
            for quote, view in zip(turn.quotes, turn.bundles, strict=True)
        ]
        shown = impressions(quotes, record.created_at)  # in the turn's transaction: one commit
        self._store.save_turn(turn.conversation_id, record, turn.state, quotes, new=turn.new, events=shown)


# ---- helpers


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = round(timings.get(stage, 0.0) + (time.perf_counter() - started) * 1000, 2)


def _model_of(product: Product) -> str:
    """The product's own model, as a key ('' when it names none)."""
    return model_key(str(product.attributes.get("model", "")))


def _held_items(shown: Sequence[ShownBundle], kind: str) -> list[tuple[str, str]]:
    """(bundle label, item title) of the item of `kind` in each shown bundle; none unless every one holds
    one (then it is added where lacking)."""
    role = held_role(list(shown), kind)
    items = [next((item for item in bundle.items if item.role == role), None) for bundle in shown]
    if role is None or any(item is None for item in items):
        return []
    return [(bundle.label, item.title) for bundle, item in zip(shown, items, strict=True) if item is not None]


def _named_kind(said: str) -> str:
    """The kind an item reference names: 'the lens' -> 'lens'; '' for an ordinal or a pronoun."""
    words = [
        word for word in category_key(said).split() if word not in ("the", "a", "an", "this", "that", "it")
    ]
    return " ".join(words) if words and not any(word.isdigit() for word in words) else ""


def _held_with(limit: SpecLimit, goal: ShoppingGoal) -> list[SpecLimit]:
    """The goal's limits on the same kind as `limit` and other specs: they hold together."""
    return [held for held in goal.spec_limits if held.kind == limit.kind and held.key != limit.key]


def _line_of(product: Product) -> str:
    """The product line its model begins with, folded ('Galaxy A36' -> 'galaxy'; '' when it names none)."""
    words = fold(str(product.attributes.get("model", ""))).split()
    return words[0] if words else ""


def _runs_on(product: Product, platforms: Sequence[str]) -> bool:
    """The product's platform (`os`) is one of `platforms`."""
    own = fold(str(product.attributes.get(PLATFORM_ATTRIBUTE, "")))
    return bool(own) and own in {fold(name) for name in platforms}


def _accessory_roles(devices: list[Product], complements: ComplementModel) -> tuple[str, ...]:
    """The complement roles of the shopper's own devices (their learned complements), the devices' own
    roles left out: "accessories for my camera" shops for a memory card, a lens, a bag, a tripod."""
    owned = {leaf_role(device) for device in devices}
    roles = bundle_roles(devices, complements, around=ROLE_ANCHORS)
    return tuple(role for role in roles if role not in owned)[:MAX_ACCESSORY_ROLES]


def _cheaper_half(hits: list[SearchHit], keep: int = ROLE_ANCHORS) -> list[SearchHit]:
    """The cheaper half of the anchor candidates (at least `keep`), scored by price: a request that asks
    for cheap ("the cheapest iphone", "cheap earbuds") is answered from the low end. Relevance (capped
    at 1, as the builder caps it) still scales the score, so a cheap but unrelated item does not win;
    among relevant ones the cheapest scores highest, the dearest kept one 20% lower."""
    kept = sorted(hits, key=lambda hit: hit.product.price)[: max(keep, (len(hits) + 1) // 2)]
    last = max(1, len(kept) - 1)
    return [
        replace(hit, score=min(1.0, hit.score) * (1.0 - CHEAP_RANK_PENALTY * rank / last))
        for rank, hit in enumerate(kept)
    ]


def _works_with(
    devices: list[Product], checker: CompatibilityChecker, *, every: bool = False
) -> Callable[[SearchHit], bool]:
    """A test that a product works with one of `devices` (`every`: with each of them); any test passes
    when there are none."""
    if not devices:
        return lambda hit: True
    profiles = [checker.profile(device) for device in devices]
    quantifier = all if every else any

    def works(hit: SearchHit) -> bool:
        profile = checker.profile(hit.product)
        return quantifier(
            checker.profile_conflict(profile, device) is None
            and _has_interface(hit.product, device.attributes)
            for device in profiles
        )

    return works


def _has_interface(product: Product, device: Mapping[str, object]) -> bool:
    """Whether the shopper's device has what an accessory made for one plugs into: a lens needs a mount, a
    memory card a card slot, a case a model (the checker, which needs both sides stated, had let a Canon RF
    lens through "for your iPhone 16")."""
    return all(needed in device for key, needed in _INTERFACES.items() if key in product.attributes)


def _holding(result: BuildResult, role: str) -> BuildResult:
    """Only the bundles that hold an added role: the shopper asked for it, so a set without it (the builder
    may find one scores higher in a price window) is no answer to "add a tripod"."""
    if not result.ok:
        return result
    kept = tuple(draft for draft in result.bundles if any(item.role == role for item in draft.items))
    return replace(result, bundles=kept) if kept else BuildResult((), reason=f"no bundle with a {role} fits")


def _intent(parsed: ParsedMessage) -> IntentView:
    return IntentView(parsed.intent, parsed.confidence, parsed.slots.to_json())


def _scored(hit: SearchHit) -> ScoredProduct:
    return ScoredProduct(hit.product, hit.score)  # the builder clips relevance to 0..1 for its objective


def _view(priced: PricedBundle, quote_id: str, valid_until: datetime) -> BundleView:
    breakdown = priced.breakdown
    return BundleView(
        bundle_id=f"b_{uuid.uuid4().hex[:12]}",
        label=priced.draft.label,
        items=tuple(
            ItemView(
                product_id=item.product.id,
                title=item.product.title,
                brand=item.product.brand,
                category=item.product.category,
                unit_price=item.product.price,
            )
            for item in priced.draft.items
        ),
        list_price=breakdown.list_total,
        bundle_price=breakdown.bundle_price,
        savings=breakdown.savings,
        currency=breakdown.currency,
        explanation="",
        quote_id=quote_id,
        valid_until=valid_until,
    )


def _with_explanation(view: BundleView, text: str, source: str) -> BundleView:
    return replace(view, explanation=text, explanation_source="model" if source == "model" else "template")


def _shown_bundle(view: BundleView, priced: PricedBundle) -> ShownBundle:
    return ShownBundle(
        bundle_id=view.bundle_id,
        label=view.label,
        items=[
            ShownItem(
                product_id=item.product.id,
                title=item.product.title,
                category=item.product.category,
                brand=item.product.brand,
                role=item.role,
            )
            for item in priced.draft.items
        ],
        bundle_price=view.bundle_price,
        currency=view.currency,
        quote_id=view.quote_id,
        list_price=view.list_price,
    )


_DEVICE_FITS = frozenset({"fits model", "fits watch", "card format", "lens mount", "sleeve size"})


def _declared_fit(product: Product, device: Product) -> bool:
    """An accessory made for certain devices (a lens of a mount, a card of a format, a case for listed
    models) goes into a bundle only when the main item states what it is: the checker passes what the
    catalog leaves unsaid, and an RF lens would have joined a fixed-lens compact camera."""
    return all(
        rule.device_attribute in device.attributes
        for rule in RULES
        if rule.name in _DEVICE_FITS and rule.accessory_attribute in product.attributes
    )


def _fits_with(
    candidates: Sequence[ScoredProduct], items: Sequence[BundleItem], checker: CompatibilityChecker
) -> list[Product]:
    """The candidates, most relevant first, made for the bundle's main item and working with all its items."""
    return [
        scored.product
        for scored in sorted(candidates, key=lambda scored: -scored.relevance)
        if _declared_fit(scored.product, items[0].product)
        and all(checker.compatible(scored.product, item.product) for item in items)
    ]


def _draft(label: str, items: Sequence[BundleItem], complements: ComplementModel) -> BundleDraft:
    """A bundle of chosen items, its complementarity measured as the builder measures it (pricing uses it)."""
    pairs = list(combinations([item.product for item in items], 2))
    fit = sum(complements.score(a, b) for a, b in pairs) / len(pairs) if pairs else 0.0
    return BundleDraft(label=label, items=tuple(items), score=1.0, complementarity=fit)  # type: ignore[arg-type]


def _already_owned(
    parsed: ParsedMessage, state: ConversationState, message: str, mains: Collection[str] = ()
) -> ParsedMessage:
    """'I already have a tripod' after bundles holding one: take it out (it was read as "add a tripod" and
    answered "Each of those bundles already has a tripod"); one of the kind of the main items shown
    (`mains`, their roles) is shopped around instead."""
    kinds = parsed.slots.category
    if not (state.shown and len(kinds) == 1 and _ALREADY.search(message)) or message.rstrip()[-1:] in "?？":
        return parsed  # "has the case shipped already?" owns nothing
    held = {item.role for bundle in state.shown for item in bundle.items[1:]}
    if kinds[0] not in held:
        if _head(kinds[0]) not in {_head(kind) for kind in mains}:
            return parsed  # "I already have a laptop" beside phones changes nothing about them
        # 'he has an espresso machine already', of the main items: shop around the one owned, for the rest
        # of the goal (it was read as "espresso machines, please" and showed them)
        slots = parsed.slots.model_copy(update={"category": []})
        owned = tuple(dict.fromkeys((*parsed.owned, kinds[0])))
        return replace(parsed, intent="build_bundle", confidence=1.0, slots=slots, owned=owned)
    slots = parsed.slots.model_copy(update={"item_ref": kinds[0], "category": []})
    # read from the words, not the model: sure whatever the shop's clarifying threshold
    return replace(parsed, intent="remove_item", confidence=1.0, slots=slots)


def _of_device(kind: str, surface: str, roles: Collection[str]) -> str:
    """The kind a bare word names beside a device the shopper has: its complement role of that name ('bag'
    beside a camera: the camera bag), else `kind` as read."""
    said = category_key(surface)
    if category_key(kind) in roles or " " in said:
        return kind
    return next((role for role in sorted(roles) if role.split()[-1] == said), kind)


def _asked_kind(parsed: ParsedMessage, state: ConversationState) -> str | None:
    """The kind a request or refinement is about: the first it names, else the goal's; None for others."""
    if parsed.intent not in ("build_bundle", "search_product", "refine"):
        return None
    kinds = parsed.slots.category or state.goal.categories
    return kinds[0] if kinds else None


def _category_surfaces(parsed: ParsedMessage) -> list[str]:
    """The words the tagger marked as kinds, in order (`slots.category` holds their canonical names)."""
    return [surface for slot, surface in parsed.spans if slot == "category"]


def _between(message: str, first: str, second: str) -> str | None:
    """The text between two surfaces said in that order; None when they are not."""
    folded = message.casefold()
    start = folded.find(first.casefold())
    end = folded.find(second.casefold(), start + len(first)) if start >= 0 else -1
    return message[start + len(first) : end] if end >= 0 else None


def _said_as_owned(message: str, surface: str) -> bool:
    """Whether the message says the shopper has the kind `surface` names ('I already have a [laptop]', 'we
    own a [coffee machine]', 'got a [tripod] already', '我已经有[笔记本]了')."""
    at = message.casefold().find(surface.casefold())
    if at < 0:
        return False
    return bool(_OWNED_BEFORE.search(message, 0, at) or _OWNED_AFTER.match(message, at + len(surface)))


def _purpose_only(goal: ShoppingGoal) -> bool:
    """The goal names a purpose and no product, brand or device: what to show is read from the purpose."""
    return bool(goal.use_case) and not (goal.categories or goal.brands or goal.products or goal.owned)


def _speaks_of(product: Product, purpose: str) -> bool:
    """Whether a product's title, category, text attributes or description name a word of the purpose."""
    words = set(category_key(purpose).split()) - {"for", "and", "the", "a", "my"}
    text = " ".join((_product_words(product), product.category or "", product.description or ""))
    return bool(words & set(category_key(text).split()))


def _said_kind(turn: _Turn) -> str | None:
    """The kind the shopper's own word names where the goal holds the wider shelf it maps to ('a kettle':
    the mug shelf); None when the word is the shelf's own ('a phone') or the message names no category."""
    heads = [
        category_key(surface).split()[-1]
        for slot, surface in turn.parsed.spans
        if slot == "category" and category_key(surface)
    ]
    shelves = {
        word_family(word)
        for category in (*turn.state.goal.categories, *turn.state.goal.owned)
        for word in category_key(category).split()
    }  # 'light' is the Lighting shelf's own word, in another form; 'my machine' is theirs, not what to sell
    # the first kind said is the one asked for ('Mouse (wireless and wired)' is no 'wireless' shelf)
    return next((head for head in heads[:1] if word_family(head) not in shelves), None)


def _lists_models(hits: Sequence[SearchHit]) -> bool:
    """Most of the hits fit only the exact device models they list."""
    return 2 * sum(lists_models(hit.product.attributes) for hit in hits) > len(hits)


def _merged(results: Sequence[list[SearchHit]], limit: int) -> list[SearchHit]:
    """Several searches' hits as one list of at most `limit`: taken in turns from each search's best, so each
    has its share (the builder's time grows with its candidates); each product once, at its best score."""
    best: dict[str, SearchHit] = {}
    for rank in range(max((len(hits) for hits in results), default=0)):
        for hits in results:
            if rank < len(hits) and len(best) < limit:
                hit = hits[rank]
                if hit.product.id not in best or hit.score > best[hit.product.id].score:
                    best[hit.product.id] = hit
    return sorted(best.values(), key=lambda hit: -hit.score)


def _as_said(hits: list[SearchHit], turn: _Turn) -> list[SearchHit]:
    """Anchors of the kind the shopper's own word names, where the catalog files it on a wider shelf (`a
    kettle` is read as the Mugs & Accessories shelf, whose dripper and mug had led the kettles), and of the
    features they said of it ('electric')."""
    kind = _said_kind(turn)
    named = [hit for hit in hits if _titled(hit.product, kind)] or hits
    # what was said of the kind, where any product has it: 'a gaming mouse' had been an office mouse
    features = turn.state.goal.features
    return [hit for hit in named if has_features(hit.product, features)] or named


def _titled(product: Product, kind: str | None) -> bool:
    """Whether the product's title names `kind` (a singular word: 'kettle', 'frother')."""
    return bool(kind) and kind in category_key(product.title).split()


def _as_asked(hits: list[SearchHit], action: TurnAction, turn: _Turn) -> list[SearchHit]:
    """A swap's replacements of the colour and brand asked for ("swap the case for a black one", "swap the
    shoes for brooks"); when none is, all of them, and the turn says so rather than "Swapped it" as if the
    new one were black."""
    colour, brand = action.item_attributes.get("colour"), action.item_attributes.get("brand")
    features = action.item_attributes.get("features", "").split()  # "swap the mouse for a vertical one"
    kept = [
        hit
        for hit in hits
        if (not colour or has_colour(hit.product, colour))
        and (not brand or fold(hit.product.brand or "") == fold(brand))
        and has_features(hit.product, features)
    ]
    if hits and not kept:
        turn.unmet_wish = " ".join(wish for wish in (colour, brand, *features) if wish)
    return kept or hits


def _shown(state: ConversationState, bundle_ids: Sequence[str]) -> list[ShownBundle]:
    wanted = set(bundle_ids)
    return [bundle for bundle in state.shown if bundle.bundle_id in wanted]


def _anchor_ids(state: ConversationState, action: TurnAction) -> set[str]:
    if action.kind not in ("swap", "add", "remove"):
        return set()
    return {bundle.items[0].product_id for bundle in _shown(state, action.bundle_ids) if bundle.items}


def _shown_item_ids(state: ConversationState, role: str) -> set[str]:
    return {item.product_id for bundle in state.shown for item in bundle.items if item.role == role}


def _need(state: ConversationState) -> dict[str, str | None]:
    goal = state.goal
    return {"use_case": goal.use_case, "recipient": goal.recipient, "occasion": goal.occasion}


def _in_english(message: str) -> str:
    """The message in the words the needs are named with: Chinese words glossed through the lexicon, so
    '她喜欢喝咖啡' names the coffee need as 'she loves coffee' does; other text unchanged."""
    if not has_cjk(message):
        return message
    return " ".join(gloss(word.text) for word in split_words(message))


def _head(kind: str) -> str:
    """A kind's head noun, singular ('coffee machines' -> 'machine'; '' for none)."""
    words = category_key(kind).split()
    return words[-1] if words else ""


def _favouring(hits: list[SearchHit], spellings: NeedsMap) -> list[SearchHit]:
    """`hits` with those that name the purpose (any of `spellings`: 'gaming', 'pour over') first: the rest
    keep a share of their relevance, so the builder takes them only where nothing naming it fits (a gaming
    setup had shown an office keyboard beside the shop's gaming one). Unchanged when none names it."""
    names = [need_named(_product_words(hit.product), spellings) is not None for hit in hits]
    if all(names) or not any(names):
        return hits
    naming = [hit for hit, named in zip(hits, names, strict=True) if named]
    rest = [
        replace(hit, score=hit.score * UNNAMED_PURPOSE)
        for hit, named in zip(hits, names, strict=True)
        if not named
    ]
    return naming + rest


def _product_words(product: Product) -> str:
    """A product's title and its text attribute values, for matching the words of a need."""
    values = [value for value in product.attributes.values() if isinstance(value, str)]
    return " ".join([product.title, *values])
