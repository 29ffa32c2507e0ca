"""`ShoppingAssistant`: one turn = parse -> update state -> retrieve per role -> build -> price -> quote ->
explain -> reply, with the conversation kept in a store.

Every number in a reply or a bundle card comes from `pricing` (list totals, bundle prices, savings) or
from the catalog (unit prices); the explainer only fills placeholders from the same facts. Stages are
timed and logged by name and duration, never with the shopper's words.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cached_property
from itertools import combinations
from typing import Protocol

from assistant.chat import replies
from assistant.chat.catalog_view import PLATFORM_LIST, CatalogView, head_noun, line_of, model_of
from assistant.chat.details import (
    asked_facts,
    asks_compatibility,
    asks_detail,
    fits_named,
    ranked_on,
    spec_family,
    wants_more,
)
from assistant.chat.naming import products_named
from assistant.chat.planning import RetrievalPlan, plan, shopper_signals
from assistant.chat.reading import MessageReader, category_surfaces
from assistant.chat.safety import danger_in
from assistant.chat.spec_limits import (
    holder,
)
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
from assistant.intent.words import has_cjk
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
)
from pricing.complements.roles import bundle_roles, is_named_kind, leaf_phrase, leaf_role, required_roles
from pricing.optimiser import BundlePricer
from pricing.quotes import QuoteSigner
from pricing.types import ANCHOR_ROLE, BundleDraft, BundleItem, PricedBundle, ScoredProduct
from retrieval.catalog.schema import Product
from retrieval.filters import (
    PLATFORM_ATTRIBUTE,
    SearchFilters,
    compatible_models,
    has_colour,
    has_features,
    lists_models,
    names_category_part,
)
from retrieval.search import Retriever, SearchHit
from retrieval.text import category_key, fold, model_key, word_family

log = logging.getLogger("bundlewise.chat")

# "any discount if i buy two?" (ask_explanation 0.43: "not sure I understood"), 有优惠吗: about prices, not a
# request; answered from the quoted savings, and no discount is ever made up
_DISCOUNT_ASK = re.compile(
    r"\b(?:discounts?|coupons?|promo(?:tion)?s?(?:\s+codes?)?|vouchers?|bulk\s+(?:price|pricing|deal)s?"
    r"|(?:cheaper|deal)\s+if\s+i\s+(?:buy|get|order))\b|优惠|折扣|打折|满减",
    re.IGNORECASE,
)
# an accessory's attribute -> what a device states when it takes such an accessory
_INTERFACES = {
    "mount": "mount",
    "format": "memory_card",
    "compatible_models": "model",
    "compatible_watches": "model",
}
ANCHOR_POOL = 30  # anchor candidates retrieved per turn
ROLE_ANCHORS = 3  # complement roles are gathered around this many top anchors
NAMED_POOL = 10  # search hits a product named in a comparison is looked for in
MAX_ACCESSORY_ROLES = 4  # "accessories for my camera": the first few complement roles of a camera
CHEAP_RANK_PENALTY = 0.2  # "the cheapest X": score lost from the cheapest to the dearest candidate kept
NAMED_ACCESSORY_ROLES = 2  # "a case for my phone": the case, and at most this many of the phone's others
UNNAMED_PURPOSE = 0.5  # relevance kept by products not naming the shopper's purpose, beside ones that do
OTHERS_AFTER_SWAP = 0.5  # relevance kept by items the shown bundles did not hold, after the main item's swap
MAX_ASKED = 3  # products a question about shown bundles is answered for ("does it have wireless charging?")


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
        self._view = CatalogView(retriever.catalog)
        self._reader = MessageReader(self._view, needs, need_specs)
        self._variants = variants or Variants(
            default=Variant(builder=builder, pricer=pricer, complements=complements)
        )

    @property
    def catalog(self) -> CatalogView:
        """What the assistant knows of its catalog (products by id, the kinds it carries)."""
        return self._view

    def _compared_products(self, parsed: ParsedMessage, message: str) -> list[Product]:
        """The catalog products a comparison names, when it names two or more; [] otherwise (then it
        compares what was shown: "compare the first two")."""
        if parsed.intent != "compare":
            return []
        named = products_named(message, lambda part: self._retriever.search(part, top_k=NAMED_POOL))
        return named if len(named) >= 2 else []

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
            locale = locale or ("zh" if has_cjk(message) else "en")
            complements = self._variants.for_conversation(conversation_id).complements
            read = self._reader.read(parsed, state, message, complements)
            parsed, which, limit = read.parsed, read.which, read.limit
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
                    state,
                    parsed,
                    ask=clarify.for_locale(locale),
                    limit=limit,
                    stated=[*read.floors, *read.stated],
                )
        turn = _Turn(
            conversation_id,
            message,
            parsed,
            state,
            locale,
            new=new,
            limit=limit,
            stated=list(read.stated),
            floors=list(read.floors),
        )
        self._act(turn, action, timings)
        return turn

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
            if self._view.beaten([*held, limit], state.goal):
                return None
            anchors = self._view.shown_anchors(state)
            said = words.limits_unmet([*held, limit], limit.kind) if held else None
            return TurnAction(
                kind="clarify", question=said or words.spec_unbeaten(limit, holder(limit, anchors))
            )
        if not state.shown or parsed.intent not in ("refine", "search_product") or parsed.slots.to_json():
            return None
        anchors = self._view.shown_anchors(state)
        spec = spec_family(message, anchors) if anchors and wants_more(message) is not None else None
        if spec is None:
            return None
        kind = (state.goal.categories or [leaf_role(anchors[0])])[0]
        return TurnAction(kind="clarify", question=words.spec_unstated(spec, kind))

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
                self._view.by_id[pid] for pid in ids if pid in self._view.by_id
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
            models, platforms = self._view.devices_named(turn.parsed, turn.message)
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
            BundleItem(item.role or ANCHOR_ROLE, self._view.by_id[item.product_id])
            for item in bundle.items
            if item.product_id in self._view.by_id
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
        return [self._view.by_id[pid] for pid in dict.fromkeys(ids) if pid in self._view.by_id][:MAX_ASKED]

    def _offer(self, turn: _Turn, action: TurnAction, timings: dict[str, float]) -> None:
        """Build, price and quote bundles for the goal (search: single items; add and swap: the shown bundles
        with the one item changed (`_edited`), else rebuilt around the shown anchors with the change)."""
        words = replies.for_locale(turn.locale)
        unknown = [brand for brand in turn.state.goal.brands if fold(brand) not in self._view.known_brands]
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
        if (
            goal.currency is not None and goal.currency not in self._view.currencies
        ):  # "3000元以内" in a USD shop
            turn.reply = words.currency_not_used(goal.currency, self._view.currencies)
            unpriced = goal.model_copy(update={"budget_max": None, "budget_min": None, "currency": None})
            asked = turn.state.model_copy(update={"goal": unpriced, "asked_budget": True})
            turn.state = self._tracker.record_shown(asked, [])
            return
        if action.kind == "add" and action.item_role and not self._view.carries(action.item_role):
            # "add a nail polish": the shop has none ("no bundle with a polish fits" blamed the bundles)
            lacked = [_kind_as_said(action.item_role, turn.parsed)]
            turn.reply = words.category_not_carried(lacked, self._view.departments)
            return
        if self._purpose_unknown(turn, action):  # a text search for "my garden" showed skincare and lamps
            turn.reply = words.purpose_unknown(goal.use_case or "", self._view.departments)
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
            kept = any(leaf_role(anchor) == limits[0].kind for anchor in self._view.shown_anchors(turn.state))
            turn.reply = words.limits_unmet(
                limits, goal.categories[0], kept=kept, best=self._view.nearest(limits)
            )
            return
        if not hits and goal.categories:
            lacked = [_kind_as_said(kind, turn.parsed) for kind in goal.categories]
            turn.reply = words.category_not_carried(lacked, self._view.departments)
            turn.state = self._tracker.record_shown(turn.state, [])
            return
        if not hits and _purpose_only(goal):  # nothing in the shop speaks of it: say so, show nothing
            purpose, carried = goal.use_case or "", self._view.departments
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
            turn.reply = words.category_not_carried([kind], self._view.departments)
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
            models = [name for name in goal.fits if model_key(name) not in self._view.platforms]
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
            role
            for role in the_plan.request.roles or ()
            if role not in by_role and not self._view.carries(role)
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
        carried = [kind for kind in named.categories if self._view.carries(kind)]
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
            self._view.by_id[b.items[0].product_id]
            for b in turn.bundles
            if b.items[0].product_id in self._view.by_id
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
        products = [self._view.by_id[product_id] for product_id in action.product_ids]
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
        named = [
            product for model in goal.products for product in self._view.by_model.get(model_key(model), [])
        ]
        if named and goal.categories and leaf_role(named[0]) not in goal.categories:
            # "the iphone 16 pro with a case": the phone is the anchor and the case goes with it
            goal = goal.model_copy(update={"categories": [leaf_role(named[0]), *goal.categories]})
        categories: list[str | None] = list(goal.categories) or [None]
        needed = () if goal.categories else categories_for_need(goal.use_case, self._needs)
        if needed and goal.owned:
            # 'he has an espresso machine already': the rest of the need; a device the need does not
            # take ('photography stuff for my iphone 16') gets what goes with it instead
            heads = {head_noun(kind) for kind in goal.owned}
            rest = tuple(kind for kind in needed if head_noun(kind) not in heads)
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
        if not need or self._view.carries(need):
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
            for device in self._view.by_model.get(model_key(model), [])[:1]
        )
        return kinds.most_common(1)[0][0] if kinds else None

    def _other_device(self, turn: _Turn, device: str) -> str | None:
        """A kind of device the message names for an accessory made for exact models of `device` ('cases
        for [tablets]', '[tablet] cover' where the cases fit phones): the shop has none for it."""
        accessory = {category_key(kind) for kind in turn.state.goal.categories[:1]}
        for surface in category_surfaces(turn.parsed):
            for kind in category_key(surface).split():
                if kind in accessory or not self._view.carries(kind):
                    continue
                kinds = {leaf_role(product) for product in self._view.of_category(kind)}
                if kinds & ({device} | {leaf_role(product) for product in self._view.of_category(device)}):
                    continue  # 'a case for my [phone]': the phone is the device the cases fit
                if any(kind in leaf.split() and leaf not in kinds for leaf in self._leaves):
                    continue  # 'laptop case': the shop has laptop sleeves, which is not "no laptop cases"
                return kind
        return None

    @cached_property
    def _leaves(self) -> frozenset[str]:
        """Every product's leaf category phrase."""
        return frozenset(leaf_role(product) for product in self._view.by_id.values())

    def _knows_model(self, goal: ShoppingGoal) -> bool:
        """A model of the shopper's device is known ('my iPhone 16'), not just its platform ('my iphone')."""
        return any(model_key(name) not in self._view.platforms for name in goal.fits)

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
        hits = [hit for hit in hits if line_of(hit.product) in words] or hits
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
        exact = [product for model in goal.fits for product in self._view.by_model.get(model_key(model), [])]
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
        exact = [device for device in devices if model_of(device) in fitted]
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
            hits = [hit for hit in hits if model_of(hit.product) in asked] or hits
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
            kinds = {leaf_role(self._view.by_id[pid]) for pid in keep_anchor if pid in self._view.by_id}
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
        prices = [self._view.by_id[pid].price for pid in shown if pid in self._view.by_id]
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


def _kind_as_said(kind: str, parsed: ParsedMessage) -> str:
    """The shopper's own phrase for a kind the shop does not carry, where its name kept only the head noun:
    'a mouse pad' is read as 'pad' (no shelf's name), and "we don't carry pads" misquoted them."""
    for slot, surface in parsed.spans:
        words = category_key(surface).split() if slot in ("category", "item_ref") else []
        if len(words) > 1 and words[-1] == category_key(kind):
            return " ".join(words)
    return kind


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
