"""`CandidateFinder`: the products a turn may bundle. From the goal it plans the searches (`planning`), finds
the main items (anchors) and, for each complement role, the add-ons that go with them: of the kind asked for,
within budget where any is, fitting the shopper's own device, of the colour or brand a swap asked for, never a
kind they already own. It decides which products may go together, not how they are combined or priced
(`pricing.bundles`, `pricing.optimiser`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import cached_property

from assistant.chat.catalog_view import PLATFORM_LIST, CatalogView, head_noun, line_of, model_of
from assistant.chat.planning import RetrievalPlan, plan
from assistant.chat.reading import category_surfaces
from assistant.chat.turn import Turn, shown_bundles
from assistant.dialogue.state import ConversationState, ShoppingGoal, TurnAction
from assistant.experiments.variants import Variant
from assistant.intent.vocabulary import title_names
from assistant.intent.words import in_english
from pricing.complements.compatibility import CompatibilityChecker
from pricing.complements.model import ComplementModel
from pricing.complements.needs import NeedsMap, categories_for_need, need_named
from pricing.complements.roles import bundle_roles, is_named_kind, leaf_role, required_roles
from pricing.types import ANCHOR_ROLE, ScoredProduct
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

# an accessory's attribute -> what a device states when it takes such an accessory
_INTERFACES = {
    "mount": "mount",
    "format": "memory_card",
    "compatible_models": "model",
    "compatible_watches": "model",
}
_NO_INTERFACE = frozenset({"none", "fixed"})  # a compact camera's 'fixed' mount takes no lens
ANCHOR_POOL = 30  # anchor candidates retrieved per turn
ROLE_ANCHORS = 3  # complement roles are gathered around this many top anchors
MAX_ACCESSORY_ROLES = 4  # "accessories for my camera": the first few complement roles of a camera
CHEAP_RANK_PENALTY = 0.2  # "the cheapest X": score lost from the cheapest to the dearest candidate kept
NAMED_ACCESSORY_ROLES = 2  # "a case for my phone": the case, and at most this many of the phone's others
UNNAMED_PURPOSE = 0.5  # relevance kept by products not naming the shopper's purpose, beside ones that do
OTHERS_AFTER_SWAP = 0.5  # relevance kept by items the shown bundles did not hold, after the main item's swap


class CandidateFinder:
    """Searches one catalog for a turn's main items and add-ons."""

    def __init__(
        self, retriever: Retriever, view: CatalogView, needs: NeedsMap, candidates_per_role: int = 20
    ) -> None:
        self._retriever = retriever
        self._view = view
        self._needs = needs
        self._per_role = candidates_per_role

    def retrieve(
        self, turn: Turn, action: TurnAction, variant: Variant, devices: list[Product]
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
        turn: Turn,
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
            if hits and purpose_only(goal) and not accessories_of:
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

    def purpose_unknown(self, turn: Turn, action: TurnAction) -> bool:
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

    def must_ask_model(
        self, turn: Turn, action: TurnAction, devices: list[Product], hits: list[SearchHit]
    ) -> str | None:
        """The kind of device to ask the model of, once, when what the shopper asked for fits exact models
        (most top matches list them: cases, screen protectors, watch bands) and the model is not known: any
        one shown would be a guess at their phone presented as a fact. Their own device's kind, else the
        kind the listed models are ("a phone case" had shown a Xiaomi 15, a Galaxy Z Flip6 and an iPhone 15
        case)."""
        state = turn.state
        if action.kind != "build" or self.knows_model(state.goal) or state.asked_device_model:
            return None
        top = hits[:ROLE_ANCHORS]
        if not top:
            return None
        if not _lists_models(top):
            # 'a lens for my camera': lenses fit a mount, and the cameras theirs may be take three
            varied = bool(state.goal.owned) and _plugs_into_varied(top, devices)
            return state.goal.owned[0] if varied else None
        kinds = Counter(
            leaf_role(device)
            for hit in top
            for model in compatible_models(hit.product.attributes)
            for device in self._view.by_model.get(model_key(model), [])[:1]
        )
        listed = kinds.most_common(1)[0][0] if kinds else None
        if state.goal.owned:
            if not devices:
                return None
            owned = state.goal.owned[0]
            # 'cases for tablets': the cases list phones, so it is the phone's model to ask, and the tablet
            # is a device none fits (`other_device`), not "which tablet is it for?"
            fitted = not kinds or any(leaf_role(p) in kinds for p in self._view.of_category(owned))
            return owned if fitted else listed
        return listed

    def other_device(self, turn: Turn, device: str) -> str | None:
        """A kind of device the message names for an accessory made for exact models of `device` ('cases
        for [tablets]', '[tablet] cover' where the cases fit phones): the shop has none for it."""
        # every kind asked for ('GPS navigator and case': the navigator is no device the case is for)
        accessory = {category_key(kind) for kind in turn.state.goal.categories}
        for surface in category_surfaces(turn.parsed):
            for kind in category_key(in_english(surface)).split():  # 平板壳: 'tablet case'
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

    def knows_model(self, goal: ShoppingGoal) -> bool:
        """A model of the shopper's device is known ('my iPhone 16'), not just its platform ('my iphone')."""
        return any(model_key(name) not in self._view.platforms for name in goal.fits)

    def example_models(
        self,
        device: str,
        platforms: Sequence[str] = (),
        count: int = 3,
        said: str = "",
        taking: Product | None = None,
    ) -> list[str]:
        """Models of the shopper's kind of device, one per brand, from the brands the shop carries most of
        that kind ('iPhone 16, Galaxy S25 or Pixel 9'), each brand's best match for the kind; on their
        platform when it is known ('my iphone': iPhones only, so several of one brand), and of the product
        line their words `said` name ('a pixel case': Pixels, not a Galaxy and a Xiaomi); that can take the
        accessory asked for (`taking`: a lens needs a camera with a mount, not a compact's fixed lens)."""
        first: dict[str, str] = {}
        carried: Counter[str] = Counter()
        hits = self._of_kind(device, ANCHOR_POOL)
        hits = [hit for hit in hits if _runs_on(hit.product, platforms)] or hits
        if taking is not None:
            hits = [hit for hit in hits if _has_interface(taking, hit.product.attributes)] or hits
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

    def own_devices(self, goal: ShoppingGoal) -> list[Product]:
        """The shopper's devices: the products of the model they named ("my iPhone 16 Pro"), else the
        catalog's best matches for each kind they own (what 'my phone' most likely is)."""
        exact = [product for model in goal.fits for product in self._view.by_model.get(model_key(model), [])]
        if exact:
            return exact
        devices: list[Product] = []
        brands = {fold(brand) for brand in goal.owned_brands}
        for device in goal.owned:
            hits = self._of_kind(device, ANCHOR_POOL if brands else ROLE_ANCHORS)
            # 'my canon camera': the Canon cameras, whose lenses are not the Sony ones a guess had offered
            branded = [hit for hit in hits if fold(hit.product.brand or "") in brands]
            hits = (branded or hits)[:ROLE_ANCHORS]
            kind = Counter(leaf_role(hit.product) for hit in hits).most_common(1)  # a lens may rank too
            devices.extend(hit.product for hit in hits if kind and leaf_role(hit.product) == kind[0][0])
        return [device for device in devices if _runs_on(device, goal.fits)] or devices  # 'my iphone': iOS

    def _candidates(
        self,
        the_plan: RetrievalPlan,
        hits: list[SearchHit],
        turn: Turn,
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
        shown_mains = self._view.shown_anchors(turn.state)
        if turn.parsed.slots.price_direction == "higher" and action.kind == "build" and shown_mains:
            # "more premium": a dearer main item, not the same headphones with a dearer charger
            top = max(shown_mains, key=lambda product: product.price)
            dearer = [hit for hit in hits if hit.product.price > top.price]
            if dearer:
                hits = dearer
            elif any(hit.product.id == top.id for hit in hits):
                turn.dearest = top
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
        anchors = [scored(hit) for hit in hits]
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
                item.role
                for bundle in shown_bundles(turn.state, action.bundle_ids)
                for item in bundle.items[1:]
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
                    self._replacing(found, _shown_item_ids(turn.state, role, action.item_kind), direction),
                    action,
                    turn,
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
                by_role[role] = [scored(hit) for hit in found]
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


def _plugs_into_varied(hits: Sequence[SearchHit], devices: Sequence[Product]) -> bool:
    """Whether what the hits plug into (a lens's mount) differs among the devices the shopper's may be, so
    the one they have must be asked, not guessed; a memory card's format, the same in every camera, not."""
    for key, needed in _INTERFACES.items():
        if needed == "model" or not any(key in hit.product.attributes for hit in hits):
            continue  # listed models are `_lists_models`'
        if len({str(device.attributes[needed]) for device in devices if needed in device.attributes}) > 1:
            return True
    return False


def _has_interface(product: Product, device: Mapping[str, object]) -> bool:
    """Whether the shopper's device has what an accessory made for one plugs into: a lens needs a mount, a
    memory card a card slot, a case a model (the checker, which needs both sides stated, had let a Canon RF
    lens through "for your iPhone 16")."""
    return all(
        str(device.get(needed, "none")).casefold() not in _NO_INTERFACE
        for key, needed in _INTERFACES.items()
        if key in product.attributes
    )


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


def _as_said(hits: list[SearchHit], turn: Turn) -> list[SearchHit]:
    """Anchors of the kind the shopper's own word names, where the catalog files it on a wider shelf (`a
    kettle` is read as the Mugs & Accessories shelf, whose dripper and mug had led the kettles), and of the
    features they said of it ('electric')."""
    kind = said_kind(turn)
    named = [hit for hit in hits if titled(hit.product, kind)] or hits
    # what was said of the kind, where any product has it: 'a gaming mouse' had been an office mouse
    features = turn.state.goal.features
    return [hit for hit in named if has_features(hit.product, features)] or named


def _as_asked(hits: list[SearchHit], action: TurnAction, turn: Turn) -> list[SearchHit]:
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


def _speaks_of(product: Product, purpose: str) -> bool:
    """Whether a product's title, category, text attributes or description name a word of the purpose."""
    words = set(category_key(purpose).split()) - {"for", "and", "the", "a", "my"}
    text = " ".join((_product_words(product), product.category or "", product.description or ""))
    return bool(words & set(category_key(text).split()))


def _runs_on(product: Product, platforms: Sequence[str]) -> bool:
    """The product's platform (`os`) is one of `platforms`."""
    own = fold(str(product.attributes.get(PLATFORM_ATTRIBUTE, "")))
    return bool(own) and own in {fold(name) for name in platforms}


def _anchor_ids(state: ConversationState, action: TurnAction) -> set[str]:
    if action.kind not in ("swap", "add", "remove"):
        return set()
    return {bundle.items[0].product_id for bundle in shown_bundles(state, action.bundle_ids) if bundle.items}


def _shown_item_ids(state: ConversationState, role: str, kind: str | None = None) -> set[str]:
    """The shown products of `role`; of those, the ones titled `kind` when given ('the kettle')."""
    return {
        item.product_id
        for bundle in state.shown
        for item in bundle.items
        if item.role == role and (kind is None or title_names(item.title, kind))
    }


def titled(product: Product, kind: str | None) -> bool:
    """Whether the product's title names `kind` (a singular word: 'kettle', 'frother')."""
    return title_names(product.title, kind)


def said_kind(turn: Turn) -> str | None:
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


def purpose_only(goal: ShoppingGoal) -> bool:
    """The goal names a purpose and no product, brand or device: what to show is read from the purpose."""
    return bool(goal.use_case) and not (goal.categories or goal.brands or goal.products or goal.owned)


def scored(hit: SearchHit) -> ScoredProduct:
    return ScoredProduct(hit.product, hit.score)  # the builder clips relevance to 0..1 for its objective
