"""Association rules from co-purchase baskets: support, confidence and lift, at item and category level.

Baskets are passed in (lists of product ids); nothing here reads files. Scores are normalised pointwise mutual
information (NPMI = log lift / -log support), clipped to 0..1: unlike raw lift it does not explode for pairs
seen once among rare items, and unlike confidence it does not favour best-sellers that go with everything.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Generic, TypeVar

from pricing.complements.roles import leaf_role
from retrieval.catalog.schema import Product

Key = TypeVar("Key", bound=Hashable)


@dataclass(frozen=True, slots=True)
class AssociationRule(Generic[Key]):
    """`antecedent -> consequent` with the classic measures over `baskets` baskets."""

    antecedent: Key
    consequent: Key
    support: float  # share of baskets holding both
    confidence: float  # P(consequent | antecedent)
    lift: float  # confidence / P(consequent)
    npmi: float  # log(lift) / -log(support), in -1..1


class CoOccurrence(Generic[Key]):
    """Pair and single counts over baskets of keys (items or categories); each key counted once per basket."""

    def __init__(self, baskets: Iterable[Iterable[Key]], *, min_pair_count: int = 2) -> None:
        self._singles: Counter[Key] = Counter()
        self._pairs: Counter[tuple[Key, Key]] = Counter()
        self._baskets = 0
        self._min_pair_count = min_pair_count
        for basket in baskets:
            keys = sorted(set(basket), key=repr)
            if not keys:
                continue
            self._baskets += 1
            self._singles.update(keys)
            self._pairs.update(combinations(keys, 2))
        self._partners: dict[Key, Counter[Key]] = {}
        for (first, second), count in self._pairs.items():
            if count >= min_pair_count:
                self._partners.setdefault(first, Counter())[second] = count
                self._partners.setdefault(second, Counter())[first] = count

    @property
    def basket_count(self) -> int:
        """Baskets that held at least one key."""
        return self._baskets

    def pair_count(self, first: Key, second: Key) -> int:
        """Baskets holding both keys (0 below `min_pair_count`, treated as noise)."""
        if first == second:
            return 0
        return self._partners.get(first, Counter()).get(second, 0)

    def rule(self, antecedent: Key, consequent: Key) -> AssociationRule[Key] | None:
        """The rule `antecedent -> consequent`, or None when the pair was not seen often enough."""
        both = self.pair_count(antecedent, consequent)
        if both == 0:
            return None
        total = self._baskets
        support = both / total
        confidence = both / self._singles[antecedent]
        lift = confidence / (self._singles[consequent] / total)
        npmi = 1.0 if support >= 1.0 else math.log(lift) / -math.log(support)
        return AssociationRule(antecedent, consequent, support, confidence, lift, npmi)

    def strength(self, first: Key, second: Key) -> float:
        """NPMI of the pair clipped to 0..1 (0: unseen or no more often than chance)."""
        rule = self.rule(first, second)
        return 0.0 if rule is None else min(1.0, max(0.0, rule.npmi))

    def partners(self, key: Key) -> list[tuple[Key, float]]:
        """Keys seen with `key`, strongest (NPMI) first."""
        scored = [(other, self.strength(key, other)) for other in self._partners.get(key, Counter())]
        return sorted((pair for pair in scored if pair[1] > 0), key=lambda pair: (-pair[1], repr(pair[0])))

    def rules(self, *, min_support: float = 0.0, min_confidence: float = 0.0) -> list[AssociationRule[Key]]:
        """Every rule meeting the thresholds, by lift then confidence (for inspection and reports)."""
        found = []
        for key, partners in self._partners.items():
            for other in partners:
                rule = self.rule(key, other)
                if rule and rule.support >= min_support and rule.confidence >= min_confidence:
                    found.append(rule)
        return sorted(found, key=lambda rule: (-rule.lift, -rule.confidence, repr(rule.antecedent)))


class BasketComplementModel:
    """Complementarity learned from baskets: item pairs where seen, else their categories' pairs.

    Item evidence is the more specific but sparse; category evidence generalises to items never bought
    together. The score is the stronger of item NPMI and `category_weight` x category NPMI.
    """

    def __init__(
        self,
        baskets: Sequence[Sequence[str]],
        products: Mapping[str, Product],
        *,
        role_of: Callable[[Product], str] = leaf_role,
        min_item_pair_count: int = 2,
        min_category_pair_count: int = 2,
        category_weight: float = 0.8,
        max_roles: int = 8,
    ) -> None:
        self._role_of = role_of
        known = [[item for item in basket if item in products] for basket in baskets]
        self.items = CoOccurrence(known, min_pair_count=min_item_pair_count)
        self.categories = CoOccurrence(
            ([role_of(products[item]) for item in basket] for basket in known),
            min_pair_count=min_category_pair_count,
        )
        self._category_weight = category_weight
        self._max_roles = max_roles

    @property
    def has_evidence(self) -> bool:
        """True when at least one basket held a known product."""
        return self.items.basket_count > 0

    def score(self, first: Product, second: Product) -> float:
        """0..1: how much more often than chance the two (or their categories) are bought together."""
        item = self.items.strength(first.id, second.id)
        first_role, second_role = self._role_of(first), self._role_of(second)
        category = 0.0 if first_role == second_role else self.categories.strength(first_role, second_role)
        return max(item, self._category_weight * category)

    def roles_for(self, anchor: Product) -> list[str]:
        """Categories bought with the anchor's category, strongest first (its own category excluded)."""
        own = self._role_of(anchor)
        return [role for role, _ in self.categories.partners(own) if role != own][: self._max_roles]
