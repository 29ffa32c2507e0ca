"""`ComplementSearch`: exact choice of at most one complement per role in a price window (branch and bound).

This is a multiple-choice knapsack with a cardinality limit and pairwise conflicts. Roles are explored in
order of their best gain, options in order of gain, and a branch is cut when even the best remaining gains
(one per role, at most the remaining item count) cannot beat the incumbent. With a few roles of a few
candidates each it visits hundreds of nodes, not the millions of the full product.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

_EPSILON = 1e-12


@dataclass(frozen=True, slots=True)
class Option:
    """One candidate complement: `key` identifies it to the caller; `price` is in minor units."""

    key: int
    gain: float
    price: int


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen options (in role order), their total gain and total price (minor units)."""

    options: tuple[Option, ...]
    gain: float
    price: int


class ComplementSearch:
    """Best complements for one anchor; `roles` hold each role's options, `conflict` says which two
    options cannot share a bundle (substitutes, incompatible)."""

    def __init__(self, roles: Sequence[Sequence[Option]], *, conflict: Callable[[int, int], bool]) -> None:
        ordered = [sorted(options, key=lambda o: (-o.gain, o.price, o.key)) for options in roles if options]
        ordered.sort(key=lambda options: -options[0].gain)
        self._roles = ordered
        self._best_gain_sums = [0.0, *accumulate(options[0].gain for options in ordered)]
        self._max_prices = [max(option.price for option in options) for options in ordered]
        self._conflict = conflict

    @property
    def has_options(self) -> bool:
        """True when at least one complement could join the anchor."""
        return bool(self._roles)

    def best(
        self,
        *,
        max_count: int,
        capacity: int | None,
        min_total: int = 0,
        required: Sequence[frozenset[int]] = (),
    ) -> Choice | None:
        """The highest-gain choice of at most `max_count` options, total price in [min_total, capacity],
        holding an option of each set of keys in `required` (a body-only camera's lens); None when no
        choice (not even the empty one) fits the window."""
        self._max_count = max_count
        self._capacity = capacity
        self._min_total = min_total
        self._required = required
        self._incumbent: Choice | None = None
        self._visit(0, (), 0.0, 0)
        return self._incumbent

    def _optimistic(self, start: int, count: int) -> float:
        """Most gain the roles from `start` can add with `count` more options (one per role)."""
        end = min(len(self._roles), start + count)
        return self._best_gain_sums[end] - self._best_gain_sums[start] if end > start else 0.0

    def _reachable(self, start: int, count: int, price: int) -> bool:
        """Whether the most expensive additions could still lift the total to `min_total`."""
        if price >= self._min_total:
            return True
        extra = sum(heapq.nlargest(count, self._max_prices[start:]))
        return price + extra >= self._min_total

    def _holds_required(self, chosen: tuple[Option, ...]) -> bool:
        keys = {option.key for option in chosen}
        return all(keys & options for options in self._required)

    def _visit(self, start: int, chosen: tuple[Option, ...], gain: float, price: int) -> None:
        incumbent = self._incumbent
        if (
            price >= self._min_total
            and self._holds_required(chosen)
            and (
                incumbent is None
                or gain > incumbent.gain + _EPSILON
                or (abs(gain - incumbent.gain) <= _EPSILON and price < incumbent.price)
            )
        ):
            self._incumbent = incumbent = Choice(chosen, gain, price)
        remaining = self._max_count - len(chosen)
        if remaining <= 0:
            return
        for role in range(start, len(self._roles)):
            if (
                incumbent is not None
                and gain + self._optimistic(role, remaining) <= incumbent.gain + _EPSILON
            ):
                return  # later roles have smaller best gains: nothing further can win
            if self._min_total and not self._reachable(role, remaining, price):
                return
            for option in self._roles[role]:
                if incumbent is not None and (
                    gain + option.gain + self._optimistic(role + 1, remaining - 1)
                    <= incumbent.gain + _EPSILON
                ):
                    break  # options are by gain: the rest of this role cannot win either
                if self._capacity is not None and price + option.price > self._capacity:
                    continue
                if any(self._conflict(option.key, other.key) for other in chosen):
                    continue
                self._visit(role + 1, (*chosen, option), gain + option.gain, price + option.price)
                incumbent = self._incumbent
