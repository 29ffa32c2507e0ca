"""Refit the willingness-to-pay model from logged offers: every quote shown is an offer, accepted or not.

Offers are split by conversation (a hash, so the split is stable and one shopper's offers stay on one
side); the model is fitted on the training side and both the prior and the refit model are scored on the
held-out side, so "better" means better on shoppers the fit never saw.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from assistant.dialogue.state import ConversationState
from assistant.storage.models import Conversation, Quote
from pricing.experiments import bucket
from pricing.types import BundleDraft, BundleItem, ShopperSignals
from pricing.wtp import PriceObservation, WillingnessToPay
from pricing.wtp_evaluation import score
from retrieval.catalog.schema import Product

HOLDOUT_SALT = "wtp-holdout"
COMPLEMENTARITY_UNLOGGED = 0.6  # quotes do not log it; a typical bundle of items that go together


@dataclass(frozen=True, slots=True)
class LoggedOffer:
    """One shown quote as an observation, with the conversation it belongs to."""

    conversation_id: str
    observation: PriceObservation


def load_offers(
    engine: Engine, *, products: Mapping[str, Product] | None = None, experiment: str | None = None
) -> list[LoggedOffer]:
    """Every stored quote (of `experiment`, if given) as an accept/decline observation. Items take their
    catalog record when `products` has it (category, cost), else what the quote showed."""
    query = select(Quote, Conversation.state).join(Conversation, Conversation.id == Quote.conversation_id)
    if experiment is not None:
        query = query.where(Quote.experiment == experiment)
    with Session(engine) as session:
        rows = session.execute(query.order_by(Quote.created_at)).all()
    offers = []
    for quote, state in rows:
        conversation = ConversationState.from_json(state)
        signals = ShopperSignals(
            budget_max=conversation.goal.budget_max,
            budget_min=conversation.goal.budget_min,
            price_sensitivity=conversation.price_sensitivity,
        )
        draft = _draft(quote.bundle, quote.currency, products or {})
        observation = PriceObservation(draft, signals, Decimal(quote.price), quote.accepted_at is not None)
        offers.append(LoggedOffer(quote.conversation_id, observation))
    return offers


def refit_report(
    offers: Sequence[LoggedOffer], *, holdout_share: float = 0.3, prior: WillingnessToPay | None = None
) -> tuple[WillingnessToPay, dict[str, Any]]:
    """(the refit model, before/after figures on held-out offers)."""
    prior = prior or WillingnessToPay()
    train = [o.observation for o in offers if bucket(HOLDOUT_SALT, o.conversation_id) >= holdout_share]
    held_out = [o.observation for o in offers if bucket(HOLDOUT_SALT, o.conversation_id) < holdout_share]
    fitted = prior.fit(train)
    report = {
        "offers": {"train": len(train), "held_out": len(held_out)},
        "accept_rate": {
            "train": _rate(train),
            "held_out": _rate(held_out),
        },
        "before": score(prior, held_out).to_json(),
        "after": score(fitted, held_out).to_json(),
        "parameters": {
            "before": _parameters(prior),
            "after": _parameters(fitted),
        },
    }
    return fitted, report


def _rate(observations: Sequence[PriceObservation]) -> float | None:
    return round(sum(o.accepted for o in observations) / len(observations), 4) if observations else None


def _parameters(model: WillingnessToPay) -> dict[str, float]:
    values = asdict(model.parameters)
    return {k: round(v, 4) for k, v in values.items() if isinstance(v, float)}


def _draft(bundle: Mapping[str, Any], currency: str, products: Mapping[str, Product]) -> BundleDraft:
    items = []
    for item in bundle.get("items", []):
        product = products.get(item["product_id"]) or Product(
            id=item["product_id"],
            title=item.get("title") or item["product_id"],
            price=Decimal(item["unit_price"]),
            currency=currency,
            category=item.get("category"),
            brand=item.get("brand"),
        )
        items.append(BundleItem(role=product.category or product.id, product=product))
    return BundleDraft(
        label="balanced", items=tuple(items), score=1.0, complementarity=COMPLEMENTARITY_UNLOGGED
    )
