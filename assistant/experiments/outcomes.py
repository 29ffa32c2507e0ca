"""Per-shopper outcomes of an experiment, read from the store.

A shopper is a conversation that was shown at least one bundle in the experiment (an impression). Their
orders are the quotes they accepted (revenue: the quoted price; profit: price less the items' costs) plus
purchases reported through `POST /v1/events` that no accepted quote already covers (revenue counted;
profit unknown, so counted as zero and reported).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.storage.models import Event, Quote
from pricing.experiments import UnitOutcome


@dataclass(frozen=True, slots=True)
class ExperimentData:
    """The outcomes of one experiment and what could not be attributed cleanly."""

    outcomes: tuple[UnitOutcome, ...]
    currency: str | None
    purchases_without_cost: int  # orders whose profit is unknown (counted as zero profit)
    conflicting_units: int  # conversations seen in more than one arm (should be none)


def load_experiment(engine: Engine, experiment: str) -> ExperimentData:
    """Every exposed shopper of `experiment` with their orders, revenue and profit."""
    with Session(engine) as session:
        exposures = session.execute(
            select(Event.conversation_id, Event.arm).where(
                Event.experiment == experiment, Event.type == "impression"
            )
        ).all()
        accepted = session.scalars(
            select(Quote).where(Quote.experiment == experiment, Quote.accepted_at.is_not(None))
        ).all()
        purchases = session.scalars(
            select(Event).where(Event.experiment == experiment, Event.type == "purchase")
        ).all()
    arms: dict[str, set[str]] = defaultdict(set)
    for conversation_id, arm in exposures:
        if conversation_id is not None and arm is not None:
            arms[conversation_id].add(arm)
    orders: Counter[str] = Counter()
    revenue: dict[str, Decimal] = defaultdict(Decimal)
    profit: dict[str, Decimal] = defaultdict(Decimal)
    currencies: Counter[str] = Counter()
    covered = set()
    for quote in accepted:
        covered.add(quote.quote_id)
        price = Decimal(quote.price)
        orders[quote.conversation_id] += 1
        revenue[quote.conversation_id] += price
        currencies[quote.currency] += 1
        if quote.cost_total is not None:
            profit[quote.conversation_id] += price - Decimal(quote.cost_total)
    without_cost = sum(1 for quote in accepted if quote.cost_total is None)
    for event in purchases:
        if event.conversation_id is None or event.quote_id in covered or event.amount is None:
            continue
        orders[event.conversation_id] += 1
        revenue[event.conversation_id] += Decimal(event.amount)
        without_cost += 1
    outcomes = tuple(
        UnitOutcome(
            unit_id=unit,
            arm=min(seen),
            orders=orders[unit],
            revenue=revenue[unit],
            profit=profit[unit],
        )
        for unit, seen in sorted(arms.items())
    )
    return ExperimentData(
        outcomes=outcomes,
        currency=currencies.most_common(1)[0][0] if currencies else None,
        purchases_without_cost=without_cost,
        conflicting_units=sum(1 for seen in arms.values() if len(seen) > 1),
    )
