"""Chooses the complementarity source from `BundleSettings.complement_source`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant.errors import ConfigurationError
from assistant.settings import BundleSettings
from pricing.complements.baskets import BasketComplementModel
from pricing.complements.graph import DEMO_COMPLEMENT_GRAPH, ComplementGraph, GraphComplementModel
from pricing.complements.model import ComplementModel
from retrieval.catalog.schema import Product


def complement_model(
    settings: BundleSettings,
    *,
    baskets: Sequence[Sequence[str]] = (),
    products: Mapping[str, Product] | None = None,
    graph: ComplementGraph = DEMO_COMPLEMENT_GRAPH,
) -> ComplementModel:
    """The basket model where the shop has order history ("auto"/"baskets"), else the curated graph.

    Args:
        settings: the bundle section; `complement_source` is "auto", "graph" or "baskets".
        baskets: past orders as lists of product ids (empty for a shop without history).
        products: id -> product for the basket items' categories.
        graph: the category complement graph used without baskets.
    """
    source = settings.complement_source
    if source != "graph" and baskets and products:
        model = BasketComplementModel(baskets, products)
        if model.has_evidence:
            return model
    if source == "baskets":
        raise ConfigurationError(
            "complement_source is 'baskets' but no order history with known products was given"
        )
    return GraphComplementModel(graph=graph)
