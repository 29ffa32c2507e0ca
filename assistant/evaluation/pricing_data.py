"""Real price structures for the market simulator: bundles built from the demo catalog, UCI Online
Retail baskets and Steam's publisher bundles. File reading lives here; `pricing/` only sees bundles.

Where a data set has no costs they are assumed (documented constants below) and the report says so.
"""

from __future__ import annotations

import csv
import gzip
import itertools
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from assistant.errors import InvalidInputError
from pricing.simulation import MarketBundle
from pricing.types import BundleDraft, BundleItem
from retrieval.catalog.schema import Catalog, Product

UCI_COST_SHARE = Decimal("0.60")  # giftware: cost assumed at 60% of the median unit price (no costs in data)
STEAM_COST_SHARE = Decimal("0.30")  # digital games: the store's 30% cut is the only marginal cost assumed
STEAM_MAX_ITEMS = 12  # larger "complete" packs are left out of the simulator (kept for the realism check)
DEMO_COMPLEMENTARITY = 0.8  # curated anchor -> accessory pairs

# Demo catalog: anchor leaf category -> accessory leaf categories, in the order they join a bundle.
DEMO_RECIPES: dict[str, tuple[str, ...]] = {
    "Smartphones": ("Cases", "Chargers", "Screen Protectors"),
    "Laptops": ("Mice", "Laptop Bags & Sleeves", "USB-C Hubs"),
    "Digital Cameras": ("Memory Cards", "Camera Bags", "Tripods"),
    "Coffee Machines": ("Coffee Grinders", "Coffee Beans & Capsules", "Mugs & Accessories"),
    "Cleansers": ("Toners", "Serums & Essences", "Moisturisers"),
    "Smartwatches": ("Watch Bands",),
}


@dataclass(frozen=True, slots=True)
class SteamBundle:
    """A publisher's bundle as sold on Steam: its items and the discount the publisher chose."""

    bundle: MarketBundle
    publisher_discount: Decimal  # 0.10 for "10%"


def demo_bundles(catalog: Catalog) -> list[MarketBundle]:
    """Anchor + 1..3 accessories of the same family (sizes rotate so size pricing has groups to learn)."""
    by_leaf: dict[str, list[Product]] = {}
    for product in catalog:
        leaf = product.category_path[-1] if product.category_path else ""
        by_leaf.setdefault(leaf, []).append(product)
    bundles = []
    for leaf, roles in DEMO_RECIPES.items():
        for index, anchor in enumerate(by_leaf.get(leaf, [])):
            accessories = [_best_accessory(anchor, by_leaf.get(role, [])) for role in roles]
            chosen = [item for item in accessories if item is not None][: 1 + index % len(roles)]
            if chosen:
                bundles.append(_bundle(anchor, chosen, complementarity=DEMO_COMPLEMENTARITY))
    return bundles


def uci_bundles(
    directory: Path, *, anchors: int = 60, pool: int = 200, min_together: int = 25
) -> list[MarketBundle]:
    """Anchors among the most-bought products with up to 3 partners they are most often bought with
    (by lift); complementarity grows with lift, and designs of the same product type partly substitute."""
    products = _uci_products(directory / "products.csv", pool)
    baskets = _uci_baskets(directory / "baskets_full_year_stockcodes.csv.gz", set(products))
    single = Counter(code for basket in baskets for code in basket)
    pairs = Counter(pair for basket in baskets for pair in itertools.combinations(sorted(basket), 2))
    total = len(baskets)
    bundles = []
    for rank, code in enumerate(sorted(products, key=lambda c: -single[c])[:anchors]):
        lifts = []
        for other in products:
            together = pairs[(min(code, other), max(code, other))] if other != code else 0
            if together >= min_together:
                lifts.append((together * total / (single[code] * single[other]), other))
        partners = [other for _, other in sorted(lifts, reverse=True)[: 1 + rank % 3]]
        if not partners:
            continue
        lift = max(value for value, _ in sorted(lifts, reverse=True)[: len(partners)])
        members = [products[code], *(products[other] for other in partners)]
        bundles.append(
            MarketBundle(
                draft=_draft(members, complementarity=min(max((lift - 1) / 9, 0.0), 1.0)),
                substitutability=0.5 * _shared_share(members, lambda p: {p.category or ""}),
            )
        )
    return bundles


def steam_bundles(path: Path) -> list[SteamBundle]:
    """Every bundle of a file in the Steam bundle format whose item prices all parse and are positive."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InvalidInputError(f"{path}: not a readable Steam bundle JSON file ({error})") from None
    if not isinstance(records, list):
        raise InvalidInputError(f"{path}: expected a JSON list of bundles")
    bundles = []
    for record in records:
        parsed = _steam_bundle(record)
        if parsed is not None:
            bundles.append(parsed)
    return bundles


def simulator_steam_bundles(bundles: Iterable[SteamBundle]) -> list[MarketBundle]:
    """The Steam bundles small enough for the simulator's exhaustive standalone choice."""
    return [item.bundle for item in bundles if len(item.bundle.draft.items) <= STEAM_MAX_ITEMS]


def _steam_bundle(record: Any) -> SteamBundle | None:
    try:
        discount = Decimal(str(record["bundle_discount"]).strip().rstrip("%")) / 100
        members = []
        for index, item in enumerate(record["items"]):
            price = Decimal(str(item["discounted_price"]).strip().lstrip("$").replace(",", ""))
            if not price.is_finite() or price <= 0:
                return None
            genres = [g.strip() for g in str(item.get("genre") or "").split(",") if g.strip()]
            members.append(
                Product(
                    id=str(item.get("item_id") or f"{record.get('bundle_id')}-{index}"),
                    title=str(item.get("item_name") or ""),
                    price=price,
                    currency="USD",
                    category=genres[0] if genres else "Unknown",
                    cost=(price * STEAM_COST_SHARE).quantize(Decimal("0.01")),
                    attributes={"genres": genres},
                )
            )
    except (KeyError, TypeError, AttributeError, InvalidOperation):
        return None
    if len(members) < 2:
        return None
    franchise = _shared_share(members, lambda p: {_franchise(p.title)})
    same_genre = _shared_share(members, lambda p: set(p.attributes.get("genres", [])))
    bundle = MarketBundle(
        draft=_draft(members, complementarity=franchise),
        substitutability=0.5 * max(same_genre - franchise, 0.0),
    )
    return SteamBundle(bundle=bundle, publisher_discount=discount)


def _franchise(title: str) -> str:
    """A game's franchise key: its first word (DLC, soundtracks and sequels share it)."""
    words = title.lower().replace(":", " ").split()
    return words[0] if words else ""


def _shared_share(members: Sequence[Product], keys: Any) -> float:
    """Share of item pairs whose key sets intersect."""
    pairs = list(itertools.combinations(members, 2))
    if not pairs:
        return 0.0
    return sum(1 for a, b in pairs if keys(a) & keys(b)) / len(pairs)


def _uci_products(path: Path, pool: int) -> dict[str, Product]:
    """The `pool` most-invoiced products, priced at their median unit price (GBP), costs assumed."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda row: -int(row["n_invoices"]))
    products = {}
    for row in rows[:pool]:
        price = Decimal(row["median_unit_price"])
        if price <= 0:
            continue
        words = row["Description"].split()
        products[row["StockCode"]] = Product(
            id=row["StockCode"],
            title=row["Description"],
            price=price,
            currency="GBP",
            category=words[-1] if words else "ITEM",  # product type, e.g. "HOLDER", "BAG"
            cost=(price * UCI_COST_SHARE).quantize(Decimal("0.01")),
        )
    return products


def _uci_baskets(path: Path, known: set[str]) -> list[frozenset[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        baskets = (frozenset(code.strip() for code in line.split(",")) & known for line in handle)
        return [basket for basket in baskets if len(basket) > 1]


def _best_accessory(anchor: Product, candidates: Sequence[Product]) -> Product | None:
    """The accessory that fits the anchor best: named model, then connector/brand, then catalog order."""
    model = str(anchor.attributes.get("model", ""))
    connector = anchor.attributes.get("connector")

    def fit(product: Product) -> int:
        models = product.attributes.get("compatible_models") or []
        score = 2 if model and model in models else 0
        if connector and product.attributes.get("connector") == connector:
            score += 1
        return score + (1 if product.brand == anchor.brand else 0)

    in_stock = [product for product in candidates if product.in_stock]
    return max(in_stock, key=fit) if in_stock else None


def _bundle(anchor: Product, accessories: Sequence[Product], *, complementarity: float) -> MarketBundle:
    return MarketBundle(draft=_draft([anchor, *accessories], complementarity=complementarity))


def _draft(members: Sequence[Product], *, complementarity: float) -> BundleDraft:
    items = tuple(
        BundleItem(role="anchor" if index == 0 else f"item{index}", product=product)
        for index, product in enumerate(members)
    )
    return BundleDraft(label="balanced", items=items, score=1.0, complementarity=complementarity)
