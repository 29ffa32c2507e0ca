"""Complementarity: which products go together (graph or baskets), which are substitutes, which fit."""

from __future__ import annotations

from pricing.complements.baskets import AssociationRule, BasketComplementModel, CoOccurrence
from pricing.complements.compatibility import CompatibilityChecker, CompatibilityRule
from pricing.complements.factory import complement_model
from pricing.complements.graph import DEMO_COMPLEMENT_GRAPH, ComplementGraph, GraphComplementModel
from pricing.complements.model import ComplementModel
from pricing.complements.roles import are_substitutes, bundle_roles, category_phrases, leaf_role, role_in

__all__ = [
    "DEMO_COMPLEMENT_GRAPH",
    "AssociationRule",
    "BasketComplementModel",
    "CoOccurrence",
    "CompatibilityChecker",
    "CompatibilityRule",
    "ComplementGraph",
    "ComplementModel",
    "GraphComplementModel",
    "are_substitutes",
    "bundle_roles",
    "category_phrases",
    "complement_model",
    "leaf_role",
    "role_in",
]
