"""`BundleBuilder`: the best anchor + complements under the request's constraints, as distinct alternatives.

For each anchor the complements are chosen exactly (`ComplementSearch`) to maximise
relevance(anchor) + sum(relevance(item) x (match_share + (1 - match_share) x complementarity(anchor, item)))
under the budget, one item per role, no substitutes, only compatible accessories: an item offered for one of
the bundle's roles earns most of its gain by matching the request, the rest by going with the anchor.
Relevance is clipped to 0..1 here, once, so every caller scores bundles alike. Alternatives come from the
same search under price windows: the best bundle ("balanced"), the best clearly cheaper one ("value"), the
best clearly dearer one ("premium"), then the best bundles around other anchors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from functools import lru_cache
from itertools import combinations

from assistant.settings import BundleSettings
from pricing.bundles.messages import format_money, nothing_fits_reason
from pricing.bundles.request import BundleRequest
from pricing.bundles.result import BuildResult
from pricing.bundles.search import Choice, ComplementSearch, Option
from pricing.complements.compatibility import CompatibilityChecker, CompatibilityProfile
from pricing.complements.model import ComplementModel
from pricing.complements.roles import category_phrases, is_named_kind, leaf_role, required_roles
from pricing.types import ANCHOR_ROLE, BundleDraft, BundleItem, BundleLabel, ScoredProduct, tier_labels
from retrieval.catalog.currencies import MINOR_UNITS
from retrieval.catalog.schema import Product
from retrieval.text import category_key, fold

_Kind = tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]  # leaf category, rule attribute values
_KINDS_PER_LEAF = 3  # option kinds kept per leaf category and anchor (leaf dominance kept one)
_ANCHOR = ANCHOR_ROLE  # role of an indexed anchor candidate until a complement role claims it


@lru_cache(maxsize=4096)
def _brand_key(brand: str | None) -> str:
    """Case- and accent-insensitive brand (cached: every candidate is checked on every build)."""
    return fold(brand or "").strip()


def _clipped(relevance: float) -> float:
    """Relevance as the objective counts it: 0..1 (mention boosts lift fused scores past 1), NaN as 0."""
    return min(1.0, max(0.0, float(relevance))) if relevance == relevance else 0.0


@dataclass(frozen=True, slots=True)
class _Solution:
    """One anchor's best choice of complements under a price window."""

    anchor: int  # index into the builder's product table
    anchor_gain: float
    choice: Choice

    @property
    def score(self) -> float:
        return self.anchor_gain + self.choice.gain

    @property
    def price(self) -> int:
        return self.choice.price

    @property
    def keys(self) -> frozenset[int]:
        return frozenset({self.anchor, *(option.key for option in self.choice.options)})


class BundleBuilder:
    """Builds up to `settings.max_bundles` distinct bundles from scored anchors and role candidates."""

    def __init__(
        self,
        *,
        settings: BundleSettings,
        complements: ComplementModel,
        compatibility: CompatibilityChecker | None = None,
        max_anchors: int = 12,
        wanted_role_floor: float = 0.5,
        match_share: float = 0.9,
        price_step: float = 0.2,
    ) -> None:
        """
        Args:
            settings: max_bundles, max_items and candidates_per_role.
            complements: scores how well each candidate goes with the anchor.
            compatibility: attribute rules; the default checks models, connectors, card formats ...
            max_anchors: the most relevant anchors considered.
            wanted_role_floor: complementarity credited to a role the shopper asked for by name.
            match_share: share of a complement's gain earned by its relevance to the request alone. With
                the learned complementarity alone (0.5 before) complements that matched the request less
                won, and real BundleRec bundles were recovered worse than by plain search; 0.9 was chosen
                on a validation split of the fit bundles (`eval bundles`), never on the test bundles.
            price_step: how much cheaper (dearer) "value" ("premium") must be than "balanced", as a share.
        """
        self._settings = settings
        self._complements = complements
        self._compatibility = compatibility or CompatibilityChecker()
        self._max_anchors = max_anchors
        self._wanted_role_floor = wanted_role_floor
        self._match_share = match_share
        self._price_step = price_step

    def build(
        self,
        request: BundleRequest,
        anchors: Sequence[ScoredProduct],
        candidates_by_role: Mapping[str, Sequence[ScoredProduct]],
    ) -> BuildResult:
        """Bundles for `request`, cheapest first; an honest empty result (with a reason) if none fit."""
        return _BuildRun(self, request, anchors, candidates_by_role).run()

    # Shared by runs; kept here so configuration lives in one place.
    @property
    def settings(self) -> BundleSettings:
        return self._settings

    @property
    def complements(self) -> ComplementModel:
        return self._complements

    @property
    def compatibility(self) -> CompatibilityChecker:
        return self._compatibility

    @property
    def max_anchors(self) -> int:
        return self._max_anchors

    @property
    def wanted_role_floor(self) -> float:
        return self._wanted_role_floor

    @property
    def match_share(self) -> float:
        return self._match_share

    @property
    def price_step(self) -> float:
        return self._price_step


class _BuildRun:
    """The state of one `build` call (product table, caches); discarded afterwards."""

    def __init__(
        self,
        builder: BundleBuilder,
        request: BundleRequest,
        anchors: Sequence[ScoredProduct],
        candidates_by_role: Mapping[str, Sequence[ScoredProduct]],
    ) -> None:
        self.builder = builder
        self.request = request
        self.settings = builder.settings
        self.raw_anchors = anchors
        self.candidates_by_role = candidates_by_role
        self.products: list[Product] = []
        self.relevance: list[float] = []  # clipped to 0..1; NaN counts as 0
        self.index_of: dict[str, int] = {}
        self.anchors: list[int] = []  # by relevance, descending
        self.roles: list[str] = []  # role each indexed product was first offered for (or _ANCHOR)
        self.leaves: list[str] = []
        self.profiles: list[CompatibilityProfile] = []  # attributes prepared for compatibility checks
        # (leaf category, rule attribute values): products alike here conflict with exactly the same items
        self.kinds: list[_Kind] = []
        self.prices: list[int] = []  # minor units, rounded up so a bundle never looks cheaper than it is
        self._conflicts: dict[tuple[int, int], bool] = {}
        self.currency = request.currency or self._default_currency()
        self.places = MINOR_UNITS.get(self.currency, 2)
        self.excluded = {fold(brand).strip() for brand in request.exclude_brands}
        self.wanted_brands = {fold(brand).strip() for brand in request.brands}
        self.anchor_categories = {category_key(category) for category in request.anchor_categories}
        self.capacity = self._minor(request.budget_max, ROUND_FLOOR)
        self.min_total = self._minor(request.budget_min, ROUND_CEILING) or 0

    def run(self) -> BuildResult:
        if not self.raw_anchors:
            return BuildResult((), reason="no candidate products to build a bundle from")
        self.anchors = self._anchor_indices()
        if not self.anchors:
            return BuildResult((), reason=self._no_anchor_reason())
        self._prepare_roles()
        notes: list[str] = []
        best = self._best(low=self.min_total, high=self.capacity)
        if best is None and self.min_total:
            best = self._best(low=0, high=self.capacity)
            if best is not None:
                notes.append(
                    f"no bundle reaches the minimum budget of {self._money(self.min_total)}; "
                    "showing the closest below it"
                )
                self.min_total = 0
        if best is None:
            return self._nothing_fits()
        chosen = self._alternatives(best)
        if not best.choice.options and self._search_for(best.anchor).has_options:
            notes.append("no complement fits the budget alongside the best anchor")
        held = frozenset().union(*(self._named_in(solution) for solution, _ in chosen))
        unheld = {category_key(role) for role in self.named - held}
        left_out = tuple(role for role in self.request.roles or () if category_key(role) in unheld)
        return BuildResult(self._label(chosen), notes=tuple(notes), left_out=left_out)

    # -- candidates -----------------------------------------------------------------------------

    def _default_currency(self) -> str:
        best = max(self.raw_anchors, key=lambda scored: scored.relevance, default=None)
        return best.product.currency if best is not None else "USD"

    def _minor(self, amount: Decimal | None, rounding: str) -> int | None:
        if amount is None:
            return None
        return int(amount.scaleb(self.places).to_integral_value(rounding))

    def _price(self, product: Product) -> int:
        return int(product.price.scaleb(self.places).to_integral_value(ROUND_CEILING))

    def _money(self, minor: int) -> str:
        return format_money(Decimal(minor).scaleb(-self.places), self.currency)

    def _usable(self, product: Product) -> bool:
        """In stock, in the request's currency, not of an excluded brand, with a sane price."""
        return (
            product.in_stock
            and product.currency == self.currency
            and product.price.is_finite()
            and product.price >= 0
            and _brand_key(product.brand) not in self.excluded
        )

    def _is_anchor(self, product: Product) -> bool:
        if self.wanted_brands and _brand_key(product.brand) not in self.wanted_brands:
            return False
        return not self.anchor_categories or bool(self.anchor_categories & set(category_phrases(product)))

    def _is_named_kind(self, product: Product) -> bool:
        return bool(self.anchor_categories) and is_named_kind(product, self.anchor_categories)

    def _index(self, scored: ScoredProduct, role: str) -> int:
        product = scored.product
        index = self.index_of.get(product.id)
        if index is None:
            index = len(self.products)
            self.index_of[product.id] = index
            self.products.append(product)
            self.relevance.append(_clipped(scored.relevance))
            self.roles.append(role)
            self.leaves.append(leaf_role(product))
            self.prices.append(self._price(product))
            profile = self.builder.compatibility.profile(product)
            self.profiles.append(profile)
            ruled = tuple(sorted((name, tuple(sorted(values))) for name, values in profile.names.items()))
            self.kinds.append((self.leaves[-1], ruled))
        else:
            self.relevance[index] = max(self.relevance[index], _clipped(scored.relevance))
        return index

    def _anchor_indices(self) -> list[int]:
        eligible = sorted(
            (
                scored
                for scored in self.raw_anchors
                if self._usable(scored.product) and self._is_anchor(scored.product)
            ),
            key=lambda scored: (-scored.relevance, scored.product.id),
        )
        # "a camera" names the Digital Cameras shelf and the Cameras department both: a lens or a camera bag
        # is in the department, not a camera. Where some product is the named kind itself, only those lead.
        itself = [scored for scored in eligible if self._is_named_kind(scored.product)]
        eligible = itself or eligible
        indices: list[int] = []
        for scored in eligible:
            index = self._index(scored, _ANCHOR)
            if index not in indices:
                indices.append(index)
            if len(indices) >= self.builder.max_anchors:
                break
        return indices

    def _prepare_roles(self) -> None:
        """Index each role's usable candidates (the most relevant `candidates_per_role`) once per run."""
        wanted = self.request.wanted_roles
        self.per_role: list[tuple[bool, list[int]]] = []
        self.named: set[str] = set()  # roles the shopper asked for that have a usable candidate
        for role, candidates in self.candidates_by_role.items():
            is_wanted = wanted is not None and category_key(role) in wanted
            if wanted is not None and not is_wanted:
                continue
            usable = sorted(
                (scored for scored in candidates if self._usable(scored.product)),
                key=lambda scored: (-scored.relevance, scored.product.id),
            )[: self.settings.candidates_per_role]
            indices = [self._index(scored, role) for scored in usable]
            for index in indices:
                if self.roles[index] == _ANCHOR:
                    self.roles[index] = role  # an anchor candidate may still complete another anchor
            # A product offered for two roles fills the first only (it could not be in a bundle twice).
            self.per_role.append((is_wanted, [index for index in indices if self.roles[index] == role]))
            if is_wanted and self.per_role[-1][1]:
                self.named.add(role)
        # Complementarity is at most 1, so an anchor's complements add at most the best relevance of each
        # of its best roles: an anchor whose relevance plus this cannot win is skipped.
        best_per_role = sorted(
            (max((self.relevance[index] for index in indices), default=0.0) for _, indices in self.per_role),
            reverse=True,
        )
        self.complement_bound = sum(best_per_role[: self.settings.max_items - 1])
        self._searches: dict[int, ComplementSearch] = {}
        self._required: dict[int, list[frozenset[int]]] = {}

    def _search_for(self, anchor: int) -> ComplementSearch:
        """The anchor's complement search over usable options (gain > 0, compatible, no substitutes);
        built on first use, because most anchors are pruned before they need one."""
        search = self._searches.get(anchor)
        if search is None:
            roles = [self._options(anchor, is_wanted, indices) for is_wanted, indices in self.per_role]
            search = self._searches[anchor] = ComplementSearch(roles, conflict=self._conflict)
            self._required[anchor] = self._requirements(anchor, roles)
        return search

    def _requirements(self, anchor: int, roles: list[list[Option]]) -> list[frozenset[int]]:
        """For each category the anchor cannot be used without ("requires": a body-only camera's lens)
        that this run offers candidates of, the keys of the anchor's options of that category (empty when
        none fits it, so the anchor makes no bundle). A requirement no role offers is the shopper's choice
        ("a sony a7 iv and a tripod" named no lens) and is not enforced."""
        required: list[frozenset[int]] = []
        for phrase in required_roles(self.products[anchor]):
            offered = any(
                phrase in category_phrases(self.products[index])
                for _, indices in self.per_role
                for index in indices
            )
            if offered:
                required.append(
                    frozenset(
                        option.key
                        for options in roles
                        for option in options
                        if phrase in category_phrases(self.products[option.key])
                    )
                )
        return required

    def _options(self, anchor: int, is_wanted: bool, indices: list[int]) -> list[Option]:
        """One role's options for `anchor`, best gain first. Without a minimum total, an option that is
        neither better nor cheaper than a kept one of the same kind (leaf category and the attributes the
        compatibility rules read, so the two conflict with exactly the same items) cannot be in a best
        bundle: it is dropped before its (costlier) compatibility check. Dominance across kinds was wrong:
        ground coffee dropped whole beans, then lost to the grinder the beans would have gone with."""
        anchor_product, anchor_leaf = self.products[anchor], self.leaves[anchor]
        room = None if self.capacity is None else self.capacity - self.prices[anchor]
        score, products, prices, leaves, relevance = (
            self.builder.complements.score,
            self.products,
            self.prices,
            self.leaves,
            self.relevance,
        )
        floor = self.builder.wanted_role_floor if is_wanted else 0.0
        share = self.builder.match_share
        ranked: list[tuple[float, int, int]] = []  # (-gain, price, index): sorts best gain first
        for index in indices:
            price = prices[index]
            if (room is not None and price > room) or leaves[index] == anchor_leaf:
                continue
            if self.min_total and not is_wanted and price > prices[anchor]:
                # a floor is met by what the shopper asked for, not padded with dear add-ons of our choosing:
                # "a laptop over 1500" had met it with a $500 laptop and a $1,599 display
                continue
            fit = max(floor, min(1.0, score(anchor_product, products[index])))
            gain = relevance[index] * (share + (1.0 - share) * fit)
            if gain > 0:
                ranked.append((-gain, price, index))
        ranked.sort()
        options: list[Option] = []
        cheapest: dict[_Kind, int] = {}  # per kind: dominance only among true substitutes
        kinds_of_leaf: Counter[str] = Counter()
        for negative_gain, price, index in ranked:
            kind = self.kinds[index]
            if not self.min_total and kind in cheapest and price >= cheapest[kind]:
                continue
            if not self.min_total and kind not in cheapest and kinds_of_leaf[kind[0]] >= _KINDS_PER_LEAF:
                continue  # the search stays small: a few alternatives per leaf category are enough
            if self._conflict(anchor, index):
                continue
            options.append(Option(index, -negative_gain, price))
            if kind not in cheapest:
                kinds_of_leaf[kind[0]] += 1
            cheapest[kind] = min(price, cheapest.get(kind, price))
        return options

    def _conflict(self, first: int, second: int) -> bool:
        """Substitutes (same product or leaf category) or incompatible by attributes."""
        if first == second or self.leaves[first] == self.leaves[second]:
            return True
        first_profile, second_profile = self.profiles[first], self.profiles[second]
        if not (
            first_profile.accessory_mask & second_profile.device_mask
            or second_profile.accessory_mask & first_profile.device_mask
        ):
            return False  # no compatibility rule applies to this pair
        key = (first, second) if first < second else (second, first)
        cached = self._conflicts.get(key)
        if cached is None:
            conflict = self.builder.compatibility.profile_conflict(first_profile, second_profile)
            cached = self._conflicts[key] = conflict is not None
        return cached

    # -- search ---------------------------------------------------------------------------------

    def _solve(self, anchor: int, *, low: int, high: int | None) -> _Solution | None:
        anchor_price = self.prices[anchor]
        if high is not None and anchor_price > high:
            return None
        search = self._search_for(anchor)
        choice = search.best(
            max_count=self.settings.max_items - 1,
            capacity=None if high is None else high - anchor_price,
            min_total=max(0, low - anchor_price),
            required=self._required[anchor],
        )
        if choice is None:
            return None
        total = Choice(choice.options, choice.gain, anchor_price + choice.price)
        return _Solution(anchor, self.relevance[anchor], total)

    def _top(
        self,
        count: int,
        *,
        low: int,
        high: int | None,
        skip: Collection[int] = (),
        covering: frozenset[str] = frozenset(),
    ) -> list[_Solution]:
        """The `count` best bundles with distinct anchors in the price window that hold an item of
        every role in `covering`, best first."""
        found: list[_Solution] = []
        for anchor in self.anchors:  # by relevance, descending
            if len(found) >= count and self.relevance[anchor] + self.complement_bound <= found[-1].score:
                break  # no later anchor can reach the weakest kept bundle
            if anchor in skip:
                continue
            solution = self._solve(anchor, low=low, high=high)
            if solution is not None and covering <= self._named_in(solution):
                found.append(solution)
                found.sort(key=lambda kept: (-kept.score, kept.price))
                del found[count:]
        return found

    def _best(
        self, *, low: int, high: int | None, covering: frozenset[str] = frozenset()
    ) -> _Solution | None:
        top = self._top(1, low=low, high=high, covering=covering)
        return top[0] if top else None

    def _named_in(self, solution: _Solution) -> frozenset[str]:
        """The asked-for roles the bundle holds an item of."""
        return frozenset(self.roles[option.key] for option in solution.choice.options) & self.named

    def _alternatives(self, best: _Solution) -> list[tuple[_Solution, BundleLabel]]:
        """`best` ("balanced"), the best clearly cheaper ("value") and clearly dearer ("premium") bundles
        (around another anchor where one fits), then other anchors' best bundles, labelled by their price
        against `best`. None holds fewer of the
        roles the shopper named than `best` does: "a coffee machine and some capsules" gets no machine
        alone as its value bundle (fewer bundles rather than one that ignores the request)."""
        covering = self._named_in(best)
        chosen: list[tuple[_Solution, BundleLabel]] = [(best, "balanced")]
        limit = self.settings.max_bundles
        step = self.builder.price_step
        cheaper, dearer = int(best.price * (1 - step)), int(best.price * (1 + step)) + 1
        windows: list[tuple[BundleLabel, int, int | None]] = [
            ("value", self.min_total, cheaper),
            ("premium", max(self.min_total, dearer), self.capacity),
        ]
        for window_label, low, high in windows:
            if len(chosen) >= limit or (high is not None and high < low):
                continue
            # Tiers differ in the main product where one fits the window: a laptop student got the same
            # laptop as value (with a hub) and balanced (with a $399 monitor).
            used = {solution.anchor for solution, _ in chosen}
            found = next(iter(self._top(1, low=low, high=high, skip=used, covering=covering)), None)
            found = found or self._best(low=low, high=high, covering=covering)
            if found is not None and found.keys not in {solution.keys for solution, _ in chosen}:
                chosen.append((found, window_label))
        if len(chosen) < limit:
            used = {solution.anchor for solution, _ in chosen}
            others = self._top(
                limit - len(chosen), low=self.min_total, high=self.capacity, skip=used, covering=covering
            )
            for solution in others:
                if solution.keys in {existing.keys for existing, _ in chosen}:
                    continue
                taken = {label for _, label in chosen}
                label: BundleLabel = "best match"
                if solution.price <= cheaper and "value" not in taken:
                    label = "value"
                elif solution.price >= dearer and "premium" not in taken:
                    label = "premium"
                chosen.append((solution, label))
        return chosen[:limit]

    # -- results --------------------------------------------------------------------------------

    def _draft(self, solution: _Solution, label: BundleLabel = "best match") -> BundleDraft:
        anchor = self.products[solution.anchor]
        items = [BundleItem(ANCHOR_ROLE, anchor)]
        items += [
            BundleItem(self.roles[option.key], self.products[option.key])
            for option in solution.choice.options
        ]
        products = [item.product for item in items]
        pairs = list(combinations(products, 2))
        fit = sum(self.builder.complements.score(a, b) for a, b in pairs) / len(pairs) if pairs else 0.0
        return BundleDraft(label=label, items=tuple(items), score=solution.score, complementarity=fit)

    def _label(self, chosen: list[tuple[_Solution, BundleLabel]]) -> tuple[BundleDraft, ...]:
        """Drafts cheapest first, labelled by price position (`tier_labels`)."""
        ordered = sorted(chosen, key=lambda pair: (pair[0].price, -pair[0].score))
        labels = tier_labels(len(ordered))
        return tuple(
            self._draft(solution, label) for (solution, _), label in zip(ordered, labels, strict=True)
        )

    def _nothing_fits(self) -> BuildResult:
        """No anchor fits the budget: say so, and offer the cheapest anchor and the best unbudgeted bundle."""
        cheapest = min(self.anchors, key=lambda anchor: (self.prices[anchor], -self.relevance[anchor]))
        alone = _Solution(cheapest, self.relevance[cheapest], Choice((), 0.0, self.prices[cheapest]))
        nearest = [self._draft(alone, "value")]
        self.capacity, budget = None, self.capacity
        self._searches.clear()  # options were cut to the budget
        unbudgeted = self._best(low=0, high=None)
        if unbudgeted is not None and unbudgeted.keys != alone.keys:
            nearest.append(self._draft(unbudgeted, "best match"))
        reason = nothing_fits_reason(
            budget=None if budget is None else self._money(budget),
            what=self._anchor_name(),
            cheapest=self._money(alone.price),
        )
        return BuildResult((), reason=reason, nearest=tuple(nearest))

    def _anchor_name(self) -> str:
        if self.request.anchor_categories:
            return self.request.anchor_categories[0]
        return leaf_role(self.products[self.anchors[0]])

    def _no_anchor_reason(self) -> str:
        what = " or ".join(self.request.anchor_categories) or "product"
        parts = []
        if self.request.brands:
            parts.append("from " + " or ".join(self.request.brands))
        if self.request.exclude_brands:
            parts.append("not from " + " or ".join(self.request.exclude_brands))
        constraint = (" " + " and ".join(parts)) if parts else ""
        return f"no {what}{constraint} is in stock in {self.currency} among the candidates"
