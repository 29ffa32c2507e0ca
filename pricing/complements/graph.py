"""`GraphComplementModel`: curated category complements for shops without order history (the demo catalog).

Nodes are leaf category phrases (see `roles`); an edge anchor -> complement carries how strongly a shopper
buying the anchor wants that complement (0..1). The default graph is a Python literal, not a data file, so
`pricing/` reads no files; a shop passes its own mapping to the constructor.
"""

from __future__ import annotations

from collections.abc import Mapping

from pricing.complements.roles import role_in
from retrieval.catalog.schema import Product

ComplementGraph = Mapping[str, Mapping[str, float]]

_SKINCARE_ROUTINE = ("cleanser", "toner", "serum essence", "moisturiser", "sunscreen")

DEMO_COMPLEMENT_GRAPH: ComplementGraph = {
    "smartphone": {
        "case": 1.0,
        "screen protector": 0.9,
        "charger": 0.8,
        "power bank": 0.6,
        "earbud": 0.6,
        "cable": 0.4,
        "smartwatch": 0.3,
    },
    "phone": {"case": 1.0, "screen protector": 0.9, "charger": 0.8, "power bank": 0.6, "earbud": 0.6},
    "tablet": {"keyboard": 0.7, "charger": 0.7, "earbud": 0.5, "cable": 0.4, "usb c hub": 0.4},
    "laptop": {
        "mouse": 1.0,
        "laptop bag sleeve": 0.9,
        "usb c hub": 0.8,
        "keyboard": 0.6,
        "monitor": 0.5,
        "charger": 0.4,
        "headphone": 0.3,
    },
    "monitor": {"keyboard": 0.8, "mouse": 0.8, "usb c hub": 0.6},
    "digital camera": {
        "memory card": 1.0,
        "lens": 0.8,
        "tripod": 0.7,
        "camera bag": 0.7,
        "camera battery": 0.6,
    },
    "camera": {"memory card": 1.0, "tripod": 0.7, "camera bag": 0.7, "camera battery": 0.6},
    "lens": {"camera bag": 0.5, "tripod": 0.4},
    "smartwatch": {"watch band": 1.0, "charger": 0.5, "earbud": 0.4},
    "headphone": {"cable": 0.3, "charger": 0.3},
    "earbud": {"charger": 0.3, "cable": 0.3},
    "coffee machine": {"coffee bean capsule": 1.0, "coffee grinder": 0.8, "mug accessory": 0.7},
    "coffee grinder": {"coffee bean capsule": 1.0, "mug accessory": 0.6},
    "shoe": {"apparel": 0.8, "water bottle": 0.7, "smartwatch": 0.6, "sock": 0.8, "recovery": 0.4},
    "yoga mat": {"water bottle": 0.7, "recovery": 0.6, "dumbbell": 0.5, "apparel": 0.5},
    "dumbbell": {"yoga mat": 0.6, "recovery": 0.5, "water bottle": 0.5},
    "foundation": {"makeup brush": 0.9, "mascara": 0.6, "lipstick": 0.6},
    "lipstick": {"mascara": 0.6, "foundation": 0.5},
    "mascara": {"lipstick": 0.6, "foundation": 0.5},
    # The skincare routine: each step complements the steps after it, nearest steps most strongly.
    **{
        step: {
            later: round(1.0 - 0.1 * (distance - 1), 2)
            for distance, later in enumerate(_SKINCARE_ROUTINE[index + 1 :], start=1)
        }
        | {"eye cream": 0.5, "mask": 0.4}
        for index, step in enumerate(_SKINCARE_ROUTINE)
        if index + 1 < len(_SKINCARE_ROUTINE)
    },
    "sunscreen": {"moisturiser": 0.6, "cleanser": 0.5},
}


# Devices the graph's accessories serve. Its reverse edges suggest them as add-ons (a phone for someone buying
# earbuds, a camera with a tripod): a shopper buying an accessory owns or chooses the device, so a reverse
# edge never makes a device a role to fill. Forward edges still do (a smartwatch with running shoes).
DEMO_DEVICES = frozenset(
    {"smartphone", "phone", "tablet", "laptop", "monitor", "digital camera", "camera", "lens", "smartwatch",
     "coffee machine"}
)  # fmt: skip


class GraphComplementModel:
    """Complementarity read from a curated category graph; 0 for unrelated or equal roles."""

    def __init__(
        self,
        *,
        graph: ComplementGraph = DEMO_COMPLEMENT_GRAPH,
        reverse_weight: float = 0.5,
        devices: frozenset[str] = DEMO_DEVICES,
    ) -> None:
        # A listed edge counts fully; its reverse (a phone for someone choosing a case, running shoes for a
        # watch) counts `reverse_weight` of it: plausible, but not what the anchor's shopper came for.
        weights: dict[str, dict[str, float]] = {}
        for anchor, edges in graph.items():
            for complement, weight in edges.items():
                if anchor == complement:
                    continue
                clipped = min(1.0, max(0.0, weight))
                for source, target, value in (
                    (anchor, complement, clipped),
                    (complement, anchor, clipped * reverse_weight),
                ):
                    row = weights.setdefault(source, {})
                    row[target] = max(row.get(target, 0.0), value)
        self._weights = weights
        self._nodes = frozenset(weights)
        self._roles = {  # what roles_for offers: no device reached only by a reverse edge
            source: {
                target: value
                for target, value in row.items()
                if target not in devices or target in graph.get(source, {})
            }
            for source, row in weights.items()
        }
        self._role_by_category: dict[str | None, str | None] = {}

    def role_of(self, product: Product) -> str | None:
        """The graph node this product plays, most specific category phrase first (cached per category)."""
        category = product.category
        if category not in self._role_by_category:
            self._role_by_category[category] = role_in(product, self._nodes)
        return self._role_by_category[category]

    def score(self, first: Product, second: Product) -> float:
        """Edge weight from the first product's role to the second's, 0..1."""
        first_role, second_role = self.role_of(first), self.role_of(second)
        if first_role is None or second_role is None:
            return 0.0
        return self._weights.get(first_role, {}).get(second_role, 0.0)

    def roles_for(self, anchor: Product) -> list[str]:
        """Complement roles of the anchor's role, strongest first (never its device, `DEMO_DEVICES`)."""
        role = self.role_of(anchor)
        edges = self._roles.get(role, {}) if role is not None else {}
        return [name for name, _ in sorted(edges.items(), key=lambda edge: (-edge[1], edge[0]))]
