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
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import combinations
from typing import Protocol

from assistant.chat import replies
from assistant.chat.candidates import (
    CandidateFinder,
    purpose_only,
    said_kind,
    titled,
)
from assistant.chat.catalog_view import PLATFORM_LIST, CatalogView
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
from assistant.chat.planning import shopper_signals
from assistant.chat.reading import MessageReader
from assistant.chat.safety import danger_in
from assistant.chat.spec_limits import (
    holder,
)
from assistant.chat.turn import Turn, shown_bundles
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
from assistant.intent.words import has_cjk, in_english
from assistant.storage.records import EventRecord, QuoteRecord, TurnRecord
from pricing.bundles import BuildResult, BundleBuilder
from pricing.complements.compatibility import RULES, CompatibilityChecker
from pricing.complements.model import ComplementModel
from pricing.complements.needs import (
    DEMO_NEED_SPECS,
    DEMO_NEEDS,
    NeedsMap,
    NeedSpecs,
    need_named,
)
from pricing.complements.roles import leaf_phrase, leaf_role, required_roles
from pricing.optimiser import BundlePricer
from pricing.quotes import QuoteSigner
from pricing.types import ANCHOR_ROLE, BundleDraft, BundleItem, PricedBundle, ScoredProduct
from retrieval.catalog.schema import Product
from retrieval.filters import (
    has_colour,
    has_features,
)
from retrieval.search import Retriever
from retrieval.text import category_key, fold, model_key

log = logging.getLogger("bundlewise.chat")
_CHINESE_STOP_SPACE = re.compile(r"([。！？：；])\s+")

# "any discount if i buy two?" (ask_explanation 0.43: "not sure I understood"), 有优惠吗: about prices, not a
# request; answered from the quoted savings, and no discount is ever made up
_DISCOUNT_ASK = re.compile(
    r"\b(?:discounts?|coupons?|promo(?:tion)?s?(?:\s+codes?)?|vouchers?|bulk\s+(?:price|pricing|deal)s?"
    r"|(?:cheaper|deal)\s+if\s+i\s+(?:buy|get|order))\b|优惠|折扣|打折|满减",
    re.IGNORECASE,
)
NAMED_POOL = 10  # search hits a product named in a comparison is looked for in
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
        self._finder = CandidateFinder(retriever, self._view, needs, candidates_per_role)
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
    ) -> Turn:
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
            if state.offered_price is not None:  # an offer stands for the one reply to it
                state = state.model_copy(update={"offered_price": None})
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
            elif read.budget_unsaid:  # "my budget is limited": how much, answered by a bare amount next
                state = state.model_copy(update={"turns": state.turns + 1, "asked_budget": True})
                action = TurnAction(kind="clarify", question=clarify.for_locale(locale).what_budget())
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
        turn = Turn(
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

    def _act(self, turn: Turn, action: TurnAction, timings: dict[str, float]) -> None:
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
            chosen = shown_bundles(turn.state, action.bundle_ids)
            offered = turn.parsed.slots.budget_max  # "I'll take the second one for $1": the quote stands
            haggled = bool(chosen) and offered is not None and offered < chosen[0].bundle_price
            turn.reply = words.accepted(chosen[0], haggled=haggled) if chosen else words.clarify()
        elif kind == "compare":
            shown = shown_bundles(turn.state, action.bundle_ids)
            if len(shown) == 1:  # "is the second one cheaper?": against the others shown
                shown += [bundle for bundle in turn.state.shown if bundle.bundle_id != shown[0].bundle_id]
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
            shown = shown_bundles(turn.state, action.bundle_ids)
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
            if turn.unchosen_spec and turn.bundles:
                said = words.spec_not_chosen(turn.unchosen_spec, turn.state.goal.categories[0])
                turn.reply = f"{said} {turn.reply}".strip()
            if turn.foreign_currency:  # it had asked for the budget again and shown nothing
                said = words.currency_not_used(
                    turn.foreign_currency, self._view.currencies, shown=bool(turn.bundles)
                )
                turn.reply = f"{said} {turn.reply}".strip()
        if turn.locale.lower().startswith("zh"):  # sentences joined with spaces, as English ones are
            turn.reply = _CHINESE_STOP_SPACE.sub(r"\1", turn.reply)

    def _remove(self, turn: Turn, action: TurnAction, timings: dict[str, float]) -> None:
        """'remove the charger': each bundle shown without it, priced again, and nothing else changed (a
        rebuild had put earbuds where the charger was and a smartwatch into another bundle). What a main item
        cannot work without (a body-only camera's lens) stays, and the reply says so."""
        variant = self._variants.for_conversation(turn.conversation_id)
        targets = {bundle.bundle_id for bundle in shown_bundles(turn.state, action.bundle_ids)}
        drafts, kept, changed = [], [], False
        for bundle in turn.state.shown:
            items = self._bundle_items(bundle)
            if not items:
                continue
            needed = set(required_roles(items[0].product))
            if bundle.bundle_id in targets and action.item_role in needed:
                kept.append(items[0].product)
            elif bundle.bundle_id in targets:  # 'the kettle': of the mug shelf's items, the kettle alone
                remaining = [
                    item
                    for item in items
                    if item.role != action.item_role
                    or (action.item_kind and not titled(item.product, action.item_kind))
                ]
                changed |= len(remaining) < len(items)
                items = remaining
            drafts.append(_draft(bundle.label, items, variant.complements))
        words = replies.for_locale(turn.locale)
        turn.reply = " ".join(words.needs_kept(product, action.item_role or "") for product in kept)
        if changed:  # else nothing was removed: the notes alone, the bundles as shown
            self._show(turn, drafts, variant, timings)
            turn.reply += (" " if kept else "") + words.offer(turn.bundles, turn.state.goal, action, notes=())

    def _edited(
        self, turn: Turn, action: TurnAction, variant: Variant, by_role: dict[str, list[ScoredProduct]]
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
        # "add a milk frother", read as the mug shelf: a frother, and a bundle holds one only if it has one;
        # "swap the kettle for a cheaper one": the mug shelf's kettle, for another kettle; "swap the backpack
        # for a sleeve": the backpack, for a sleeve
        said = said_kind(turn)
        if not any(titled(scored.product, said) for scored in candidates):
            said = None
        held_kind = said if adding else action.item_kind
        kind = said or (None if adding else action.item_kind)
        turn.edited_kind = kind
        # what was said of it, where any candidate has it: 'add a mechanical keyboard'
        wanted = (
            turn.parsed.features
            if any(has_features(c.product, turn.parsed.features) for c in candidates)
            else ()
        )
        checker, budget = variant.builder.compatibility, turn.state.goal.budget_max
        targets = {bundle.bundle_id for bundle in shown_bundles(turn.state, action.bundle_ids)}
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
                    # an added frother is held wherever it sits; a swapped kettle is the role's kettle
                    if (item.role == role or (adding and held_kind))
                    and (held_kind is None or titled(item.product, held_kind))
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
                    and (kind is None or titled(product, kind))
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

    def _fits_none_of(self, goal: ShoppingGoal, words: replies.EnglishReplies) -> str:
        """'None of our lenses fit your iPhone 16.', 'None of our earbuds fit an iPadOS device.'"""
        models = [name for name in goal.fits if model_key(name) not in self._view.platforms]
        kind = (goal.owned[0] if goal.owned else "device").removeprefix("smart")
        device = models[0] if models else " ".join([*goal.fits[:1], kind])  # 'iOS phone'
        return words.fits_no_device(goal.categories[0], device, named=bool(models))

    def _met_already(self, turn: Turn) -> str | None:
        """The colour or brand a refinement asks for ('in black', 'apple only') where every main item
        shown has it; None where any lacks it or states none."""
        mains = [self._view.by_id.get(b.items[0].product_id) for b in turn.bundles if b.items]
        if not mains or None in mains:
            return None
        colour = turn.parsed.slots.attributes.get("colour")
        if colour and all(main and has_colour(main, colour) for main in mains):
            return colour
        brand = turn.parsed.slots.brand[0] if turn.parsed.slots.brand else None
        if brand and all(main and fold(main.brand or "") == fold(brand) for main in mains):
            return brand
        return None

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

    def _offer(self, turn: Turn, action: TurnAction, timings: dict[str, float]) -> None:
        """Build, price and quote bundles for the goal (search: single items; add and swap: the shown bundles
        with the one item changed (`_edited`), else rebuilt around the shown anchors with the change)."""
        words = replies.for_locale(turn.locale)
        unknown = [brand for brand in turn.state.goal.brands if fold(brand) not in self._view.known_brands]
        if unknown:  # a brand the shop does not carry: say so, and look across the brands it does carry
            goal = turn.state.goal.model_copy(
                update={"brands": [b for b in turn.state.goal.brands if b not in unknown]}
            )
            turn.state = turn.state.model_copy(update={"goal": goal})
            if not (goal.categories or goal.brands or goal.products or goal.owned or goal.use_case):
                # "a present for my nephew who likes lego": nothing left to look for; a search had shown
                # power banks and keyboards as "the closest alternatives"
                turn.reply = words.brand_alone_not_carried(unknown, self._view.departments)
                turn.state = self._tracker.record_shown(turn.state, [])
                return
        goal = turn.state.goal
        if goal.currency is not None and goal.budget_max is None and goal.budget_min is None:
            # a currency word with no amount ('蓝牙音箱模块': 块 of 模块) is no budget to ask about
            goal = goal.model_copy(update={"currency": None})
            turn.state = turn.state.model_copy(update={"goal": goal})
        if (
            goal.currency is not None and goal.currency not in self._view.currencies
        ):  # "3000元以内" in a USD shop: shown at any price, and asked for a budget in the shop's currency
            turn.foreign_currency = goal.currency
            goal = goal.model_copy(update={"budget_max": None, "budget_min": None, "currency": None})
            turn.state = turn.state.model_copy(update={"goal": goal, "asked_budget": True})
        if action.kind == "add" and action.item_role and not self._view.carries(action.item_role):
            # "add a nail polish": the shop has none ("no bundle with a polish fits" blamed the bundles)
            lacked = [_kind_as_said(action.item_role, turn.parsed)]
            turn.reply = words.category_not_carried(lacked, self._view.departments)
            return
        if self._finder.purpose_unknown(
            turn, action
        ):  # a text search for "my garden" showed skincare and lamps
            turn.reply = words.purpose_unknown(goal.use_case or "", self._view.departments)
            turn.state = turn.state.model_copy(update={"asked_purpose": True})
            return
        variant = self._variants.for_conversation(turn.conversation_id)
        with _timed(timings, "retrieve"):
            devices = self._finder.own_devices(goal)
            the_plan, hits, anchors, by_role = self._finder.retrieve(turn, action, variant, devices)
            lacking: list[str] = []
            if not hits and goal.categories and goal.brands:
                # "a nike water bottle": bottles are carried, Nike's are not. Say so and show the others,
                # rather than "we don't carry water bottles".
                lacking, goal = list(goal.brands), goal.model_copy(update={"brands": []})
                turn.state = turn.state.model_copy(update={"goal": goal})
                the_plan, hits, anchors, by_role = self._finder.retrieve(turn, action, variant, devices)
        unstated = [limit for limit in goal.spec_limits if not self._view.all_state(limit)]
        if not hits and goal.categories and unstated:
            # '5kg dumbbells': sets and adjustable pairs give their weights otherwise, so "No dumbbell we have
            # has weight at most 5 kg" would be a claim the catalog does not make: shown without it
            goal = goal.model_copy(
                update={"spec_limits": [limit for limit in goal.spec_limits if limit not in unstated]}
            )
            turn.state = turn.state.model_copy(update={"goal": goal})
            turn.stated = [limit for limit in turn.stated if limit not in unstated]
            turn.unchosen_spec = unstated[0].key
            with _timed(timings, "retrieve"):
                the_plan, hits, anchors, by_role = self._finder.retrieve(turn, action, variant, devices)
        if not hits and goal.categories and goal.spec_limits:  # none of the kind is lighter and bigger
            limits = goal.spec_limits
            kept = any(leaf_role(anchor) == limits[0].kind for anchor in self._view.shown_anchors(turn.state))
            turn.reply = words.limits_unmet(
                limits, goal.categories[0], kept=kept, best=self._view.nearest(limits)
            )
            return
        if not hits and goal.categories and goal.fits and all(map(self._view.carries, goal.categories)):
            # earbuds 'for an ipad', none listing iPadOS: not "we don't carry earbuds"
            turn.reply = self._fits_none_of(goal, words)
            return
        if not hits and goal.categories:
            lacked = [_kind_as_said(kind, turn.parsed) for kind in goal.categories]
            turn.reply = words.category_not_carried(lacked, self._view.departments)
            turn.state = self._tracker.record_shown(turn.state, [])
            return
        if not hits and purpose_only(goal):  # nothing in the shop speaks of it: say so, show nothing
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
            shown = shown_bundles(turn.state, action.bundle_ids)
            anchor_kind = leaf_phrase(shown[0].items[0].category) if shown else None
            # 'the kettle', not the mug shelf it sits on
            kind = action.item_kind or (anchor_kind if swapped == ANCHOR_ROLE else swapped)
            turn.reply = words.no_alternative(kind or swapped, turn.parsed.slots.price_direction)
            return
        device = self._finder.must_ask_model(turn, action, devices, hits)
        other = self._finder.other_device(turn, device) if device and goal.categories else None
        if other:  # "cases for tablets", "tablet cover": the shop's cases are for phones, not "which phone?"
            kind = f"{other} {goal.categories[0]}"
            turn.reply = words.category_not_carried([kind], self._view.departments)
            turn.state = self._tracker.record_shown(turn.state, [])
            return
        if device:  # "a case for my phone", "a phone case": which phone?
            taking = hits[0].product if hits else None
            examples = self._finder.example_models(device, goal.fits, said=turn.message, taking=taking)
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
                new_kind = turn.edited_kind or swapped  # 'no other kettle', not 'no other mug'
                kind = f"{wish} {new_kind}" if wish else new_kind
                turn.reply = words.no_alternative(kind, turn.parsed.slots.price_direction)
                return
            if action.kind == "add" and edited is None and (turn.unfitted or turn.over_budget):
                # "add a case" where no case fits the earbuds: say so of each, and the bundles shown stay
                # (a rebuild had answered "Sorry, no bundle with a case fits")
                role = turn.edited_kind or action.item_role or ""
                notes = [words.fits_none(role, turn.unfitted)] if turn.unfitted else []
                targets = shown_bundles(turn.state, action.bundle_ids)
                had = sum(any(item.role == action.item_role for item in b.items[1:]) for b in targets)
                if 0 < had < len(targets):  # 'with a grinder' after espresso machines, two holding one
                    notes.insert(0, words.already_had(role, had, len(targets)))
                turn.reply = " ".join(
                    [*notes, *(words.over_budget(role, product) for product in turn.over_budget)]
                )
                return
        if edited:  # "add a tripod", "swap the case for a black one": the bundles as shown, one item changed
            targets = shown_bundles(turn.state, action.bundle_ids)
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
            turn.reply = self._fits_none_of(goal, words)
            return
        with _timed(timings, "build"):
            result = variant.builder.build(the_plan.request, anchors, by_role)
            if action.kind == "add" and action.item_role:
                result = _holding(result, action.item_role)
        if not result.ok:
            turn.reply, offered = self._nothing_fits(result, turn, variant.pricer)
            if action.kind not in ("swap", "add", "remove") and turn.limit is None and not _narrowing(turn):
                # a failed edit leaves the bundles shown, and so does "lighter" or "under 100" past them:
                # the next "bigger screen", "cheaper" or "the first one" is still about them
                turn.state = self._tracker.record_shown(turn.state, [])
            turn.state = turn.state.model_copy(update={"offered_price": offered})
            return
        before = [[item.product_id for item in bundle.items] for bundle in turn.state.shown]
        self._show(turn, result.bundles, variant, timings)
        excluded = turn.parsed.slots.exclude_brand
        same = before == [[item.product_id for item in b.items] for b in turn.bundles]
        if excluded and same:
            # "not sony" when none shown was Sony: the same bundles again, said as such
            turn.reply = words.none_excluded(excluded) + " "
        elif same and turn.parsed.intent == "refine" and (wish := self._met_already(turn)):
            turn.reply = words.already_as_asked(wish) + " "  # "in black" when the cases were black
        if unknown:
            turn.reply += words.not_carried(unknown) + " "
        if lacking:
            turn.reply += words.brand_lacks(lacking, goal.categories) + " "
        if turn.unmet_wish and action.item_role:
            turn.reply += words.colour_lacks(turn.unmet_wish, action.item_role) + " "
        if turn.limit is not None:  # "something lighter": "Weight: under 1.24 kg for each laptop here."
            turn.reply += words.spec_beyond(turn.limit, (goal.categories or [turn.limit.kind])[0]) + " "
        shown_kinds = {leaf_role(self._view.by_id[b.items[0].product_id]) for b in turn.bundles if b.items}
        stated = [limit for limit in turn.stated if limit.kind in shown_kinds]
        if stated:  # "a laptop under 1.3 kg": "Weight under 1.3 kg for each laptop here." (not of add-ons:
            # "5kg dumbbells" beside yoga mats had said "Weight at most 5 kg for each yoga mat here")
            turn.reply += words.limits_met(stated, (goal.categories or [stated[0].kind])[0]) + " "
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
        named = (
            goal if self._finder.knows_model(goal) else goal.model_copy(update={"fits": []})
        )  # not "your iOS"
        carried = [kind for kind in named.categories if self._view.carries(kind)]
        if carried and carried != named.categories:  # "battery and charger": charger bundles, said as such
            named = named.model_copy(update={"categories": carried})
        kind = said_kind(turn)
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
        if turn.dearest is not None and named.categories:  # nothing dearer than the AirPods Max
            turn.reply += words.most_premium(turn.dearest, named.categories[0]) + " "
        judges = variant.builder.compatibility.judges
        judged = not goal.fits or (
            any(judges(main, device) for main in mains for device in devices)
            if devices
            else any(PLATFORM_LIST in main.attributes for main in mains)
        )  # only asked where the shopper named a device
        if mains and named.categories and not judged:
            # 'a tripod for my iphone 16', 'for my iphone' after tripods: tripods say nothing of phones, so
            # none was chosen for it ("tripod bundles for your iPhone 16" had implied they were)
            models = [name for name in goal.fits if model_key(name) not in self._view.platforms]
            turn.reply += words.fit_unstated(named.categories[0], models[:1] or goal.fits[:1]) + " "
            named = named.model_copy(update={"fits": []})
        if goal.features and named.categories and mains:
            if not any(has_features(main, goal.features) for main in mains):  # "hiking shoes": running ones
                turn.reply += words.features_lacking(goal.features, named.categories[0]) + " "
            elif not turn.locale.lower().startswith("zh") and all(
                has_features(m, goal.features) for m in mains
            ):
                # "gaming mouse bundles" (a Chinese reply names the kind in Chinese: the features are English)
                kind_words = category_key(named.categories[0]).split()  # not "laptop laptop bag bundles"
                extra = [feature for feature in goal.features if feature not in kind_words]
                described = " ".join([*extra, named.categories[0]])
                named = named.model_copy(update={"categories": [described, *named.categories[1:]]})
        turn.reply += words.offer(turn.bundles, named, action, notes=result.notes)

    def _compare_products(self, turn: Turn, action: TurnAction, timings: dict[str, float]) -> None:
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
        self, turn: Turn, drafts: Sequence[BundleDraft], variant: Variant, timings: dict[str, float]
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
                view = _bundle_view(offer, quote.quote_id, quote.valid_until)
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

    def _nothing_fits(
        self, result: BuildResult, turn: Turn, pricer: BundlePricer
    ) -> tuple[str, Decimal | None]:
        """Why nothing fits, and the price of the closest bundle it offers to show, if any."""
        words = replies.for_locale(turn.locale)
        nearest = None
        if result.nearest:
            signals = shopper_signals(turn.state.goal, turn.state.price_sensitivity)
            priced = pricer.price(result.nearest[0], signals)
            nearest = (priced.bundle_price, priced.breakdown.currency)
        said = words.nothing_fits(result.reason, nearest)
        offered = nearest[0] if nearest else None
        limits = turn.state.goal.spec_limits
        if limits:  # "a bigger screen" after "lighter": both hold, and the shopper is told what was searched
            kind = (turn.state.goal.categories or [limits[0].kind])[0]
            return words.limits_held(limits, kind, said), offered
        return said, offered

    def _partial(self, turn: Turn) -> dict[str, object]:
        return {
            "conversation_id": turn.conversation_id,
            "reply": turn.reply,
            "intent": _intent(turn.parsed).to_json(),
            "bundles": [view.to_json() for view in turn.bundles],
        }

    def _save(self, turn: Turn) -> None:
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


def _holding(result: BuildResult, role: str) -> BuildResult:
    """Only the bundles that hold an added role: the shopper asked for it, so a set without it (the builder
    may find one scores higher in a price window) is no answer to "add a tripod"."""
    if not result.ok:
        return result
    kept = tuple(draft for draft in result.bundles if any(item.role == role for item in draft.items))
    return replace(result, bundles=kept) if kept else BuildResult((), reason=f"no bundle with a {role} fits")


def _intent(parsed: ParsedMessage) -> IntentView:
    return IntentView(parsed.intent, parsed.confidence, parsed.slots.to_json())


def _bundle_view(priced: PricedBundle, quote_id: str, valid_until: datetime) -> BundleView:
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


def _narrowing(turn: Turn) -> bool:
    """A refinement of bundles on show ('under 100', 'not apple'): where nothing meets it they stay shown."""
    return turn.parsed.intent == "refine" and bool(turn.state.shown) and not turn.parsed.slots.category


def _kind_as_said(kind: str, parsed: ParsedMessage) -> str:
    """The shopper's own phrase for a kind the shop does not carry, where its name kept only the head noun:
    'a mouse pad' is read as 'pad' (no shelf's name), and "we don't carry pads" misquoted them; '鼠标垫'
    stays 鼠标垫 ("本店没有pad")."""
    for slot, surface in parsed.spans:
        words = category_key(in_english(surface)).split() if slot in ("category", "item_ref") else []
        if len(words) > 1 and words[-1] == category_key(kind):
            return surface if has_cjk(surface) else " ".join(words)
    return kind


def _need(state: ConversationState) -> dict[str, str | None]:
    goal = state.goal
    return {"use_case": goal.use_case, "recipient": goal.recipient, "occasion": goal.occasion}
