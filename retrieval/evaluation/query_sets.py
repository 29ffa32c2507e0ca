"""Labelled query sets built from real third-party data in ../shared/data (never copied into the repo).

Every set follows one rule: the labels come from a field that is NOT indexed. The category a query is
built from is stripped from its catalog before indexing, so a system can only find the products through
titles, brands and descriptions, which is how a shop's real search meets a shopper's words. Query texts
are phrasings a shopper would type ("Clinique moisturizer", "mobile phone", "Memory Card Readers"), and
every rule below (phrasings, thresholds, sample sizes, seed) was fixed before any result was looked at.

Sets:
- `sephora_brand_category`: "<brand> <product type>" over Sephora's titles and brands; relevant = that
  brand's products in that tertiary category.
- `dummyjson_category`: one or two phrasings of each DummyJSON category over titles, brands and
  descriptions; relevant = the category's products.
- `bundlerec_electronic_leaf`: Amazon leaf-category names over BundleRec's electronics item titles;
  relevant = items whose category paths contain that name.
"""

from __future__ import annotations

import csv
import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retrieval.catalog.converters import from_dummyjson, from_sephora
from retrieval.catalog.loader import parse_catalog
from retrieval.catalog.schema import Catalog

SEED = 20240611  # fixed once; changing it re-samples the queries (and invalidates comparisons)
SEPHORA_MIN_PRODUCTS = 3
SEPHORA_MAX_QUERIES = 300
BUNDLEREC_MIN_ITEMS = 5
BUNDLEREC_MAX_SHARE = 0.05  # leaves holding more than 5% of the items are navigation nodes, not product types
BUNDLEREC_MAX_QUERIES = 300
PLACEHOLDER_PRICE = "1.00"  # BundleRec has no prices; the catalog contract needs one and retrieval ignores it


@dataclass(frozen=True, slots=True)
class LabelledQuery:
    """A query and the ids of the products that answer it."""

    text: str
    relevant: frozenset[str]


@dataclass(frozen=True)
class LabelledSet:
    """A catalog (labels' source field stripped) and its labelled queries."""

    name: str
    description: str  # one line: how the queries and labels were built
    catalog: Catalog
    queries: tuple[LabelledQuery, ...]


@dataclass(frozen=True, slots=True)
class QuerySetSource:
    """A set builder and the files under the shared data directory it needs."""

    name: str
    files: tuple[str, ...]
    build: Callable[[Path], LabelledSet]

    def missing(self, data_dir: Path) -> list[str]:
        """Required files absent from `data_dir`."""
        return [name for name in self.files if not (data_dir / name).is_file()]


# Sephora tertiary category -> what a shopper types. Categories that name no product type ("For Body",
# "Accessories", "Eye Sets", "Body Products") are left out. Several categories may share one phrase
# ("Face Wash & Cleansers" and the men's "Face Wash"): their products are then relevant to that phrase.
SEPHORA_PHRASES: Mapping[str, str] = {
    "Perfume": "perfume",
    "Moisturizers": "moisturizer",
    "Moisturizer & Treatments": "moisturizer",
    "Face Serums": "face serum",
    "Rollerballs & Travel Size": "travel size perfume",
    "Hair Styling Products": "hair styling product",
    "Shampoo": "shampoo",
    "Face Wash & Cleansers": "face wash",
    "Face Wash": "face wash",
    "Body Lotions & Body Oils": "body lotion",
    "Candles": "candle",
    "Conditioner": "conditioner",
    "Foundation": "foundation",
    "Eye Creams & Treatments": "eye cream",
    "Eye Cream": "eye cream",
    "Mascara": "mascara",
    "Lipstick": "lipstick",
    "Perfume Gift Sets": "perfume gift set",
    "Setting Spray & Powder": "setting spray",
    "Hair Masks": "hair mask",
    "Eyebrow": "eyebrow makeup",
    "Face Masks": "face mask",
    "Cologne": "cologne",
    "Eyeliner": "eyeliner",
    "Eye Palettes": "eyeshadow palette",
    "Face Primer": "face primer",
    "Highlighter": "highlighter",
    "Scalp Treatments": "scalp treatment",
    "Blush": "blush",
    "Lip Balm & Treatment": "lip balm",
    "Toners": "toner",
    "Face Brushes": "face brush",
    "Concealer": "concealer",
    "Diffusers": "diffuser",
    "Face Sunscreen": "face sunscreen",
    "Leave-In Conditioner": "leave-in conditioner",
    "Face Oils": "face oil",
    "Lip Gloss": "lip gloss",
    "Hair Oil": "hair oil",
    "Bronzer": "bronzer",
    "Mists & Essences": "face mist",
    "Eyeshadow": "eyeshadow",
    "Body Wash & Shower Gel": "body wash",
    "Beauty Supplements": "beauty supplement",
    "Eye Brushes": "eye brush",
    "Facial Peels": "facial peel",
    "Hair Primers": "hair primer",
    "Anti-Aging": "anti-aging device",
    "False Eyelashes": "false eyelashes",
    "Dry Shampoo": "dry shampoo",
    "Brushes & Combs": "hair brush",
    "Hair Straighteners & Flat Irons": "hair straightener",
    "Lip Liner": "lip liner",
    "Exfoliators": "face exfoliator",
    "Blemish & Acne Treatments": "acne treatment",
    "Makeup Removers": "makeup remover",
    "Deodorant & Antiperspirant": "deodorant",
    "Hair Dryers": "hair dryer",
    "Curling Irons": "curling iron",
    "Scrub & Exfoliants": "body scrub",
    "Hair Spray": "hair spray",
    "Sponges & Applicators": "makeup sponge",
    "Contour": "contour",
    "Facial Rollers": "facial roller",
    "Sheet Masks": "sheet mask",
    "Hand Cream & Foot Cream": "hand cream",
    "Liquid Lipstick": "liquid lipstick",
    "Lip Plumper": "lip plumper",
    "Body Mist & Hair Mist": "body mist",
    "Cheek Palettes": "cheek palette",
    "Eye Primer": "eye primer",
    "Night Creams": "night cream",
    "BB & CC Cream": "bb cream",
    "BB & CC Creams": "bb cream",
    "Decollete & Neck Creams": "neck cream",
    "Tinted Moisturizer": "tinted moisturizer",
    "Brush Cleaners": "brush cleaner",
    "Color Correct": "color corrector",
    "Cellulite & Stretch Marks": "stretch mark cream",
    "Facial Cleansing Brushes": "facial cleansing brush",
    "Teeth Whitening": "teeth whitening",
    "Eye Masks": "eye mask",
    "Aftershave": "aftershave",
    "Eyelash Curlers": "eyelash curler",
    "Body Sunscreen": "body sunscreen",
}

# DummyJSON category slug -> its name in plain words, then (optionally) a common synonym a shopper uses.
DUMMYJSON_PHRASES: Mapping[str, tuple[str, ...]] = {
    "beauty": ("beauty products", "makeup"),
    "fragrances": ("fragrances", "perfume"),
    "furniture": ("furniture",),
    "groceries": ("groceries", "food"),
    "home-decoration": ("home decoration", "home decor"),
    "kitchen-accessories": ("kitchen accessories", "kitchen utensils"),
    "laptops": ("laptops", "notebook computer"),
    "mens-shirts": ("men's shirts",),
    "mens-shoes": ("men's shoes",),
    "mens-watches": ("men's watches",),
    "mobile-accessories": ("mobile accessories", "phone accessories"),
    "motorcycle": ("motorcycle", "motorbike"),
    "skin-care": ("skin care",),
    "smartphones": ("smartphones", "mobile phone"),
    "sports-accessories": ("sports accessories", "sports equipment"),
    "sunglasses": ("sunglasses",),
    "tablets": ("tablets",),
    "tops": ("women's tops",),
    "vehicle": ("vehicle", "car"),
    "womens-bags": ("women's bags", "handbag"),
    "womens-dresses": ("women's dresses",),
    "womens-jewellery": ("women's jewellery", "jewelry"),
    "womens-shoes": ("women's shoes",),
    "womens-watches": ("women's watches",),
}


def sephora_brand_category(data_dir: Path) -> LabelledSet:
    """ "<brand> <product type>" queries over Sephora titles and brands (category not indexed).

    Relevant = the brand's products whose tertiary category maps to that product type; only pairs with
    at least `SEPHORA_MIN_PRODUCTS` products are kept, and `SEPHORA_MAX_QUERIES` are sampled (seeded).
    """
    path = data_dir / "sephora_products" / "product_info.csv"
    catalog = _catalog(from_sephora(path, with_category=False), str(path))
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            phrase = SEPHORA_PHRASES.get(row.get("tertiary_category", "").strip())
            brand = " ".join(row.get("brand_name", "").split())
            if phrase and brand:
                groups[(brand, phrase)].add(row["product_id"])
    queries = [
        LabelledQuery(f"{brand} {phrase}", frozenset(ids))
        for (brand, phrase), ids in groups.items()
        if len(ids) >= SEPHORA_MIN_PRODUCTS
    ]
    return LabelledSet(
        name="sephora_brand_category",
        description=(
            f"Sephora product_info.csv, {len(catalog)} products indexed by title and brand only; query "
            f"'<brand> <tertiary category in shopper words>', relevant = that brand's products in it; pairs "
            f"with >= {SEPHORA_MIN_PRODUCTS} products, {SEPHORA_MAX_QUERIES} sampled with seed {SEED}"
        ),
        catalog=catalog,
        queries=_sample(_merge(queries), SEPHORA_MAX_QUERIES),
    )


def dummyjson_category(data_dir: Path) -> LabelledSet:
    """Category phrasings over DummyJSON titles, brands and descriptions (category not indexed).

    Relevant = every product of the category; both phrasings of a category are separate queries.
    """
    path = data_dir / "dummyjson" / "products.json"
    records: list[dict[str, Any]] = []
    members: dict[str, set[str]] = defaultdict(set)
    for record in from_dummyjson(path):
        category = record.pop("category", None)
        if category:
            members[category.lower().replace(" ", "-")].add(str(record["id"]))
        records.append(record)
    catalog = _catalog(records, str(path))
    queries = [
        LabelledQuery(phrase, frozenset(ids))
        for slug, ids in members.items()
        for phrase in DUMMYJSON_PHRASES.get(slug, ())
    ]
    synonyms = sum(1 for slug in members if len(DUMMYJSON_PHRASES.get(slug, ())) > 1)
    return LabelledSet(
        name="dummyjson_category",
        description=(
            f"DummyJSON products.json, {len(catalog)} products indexed by title, brand, description and "
            f"attributes; query = the category in plain words and, for {synonyms} of {len(members)}, a "
            "common synonym; relevant = the category's products"
        ),
        catalog=catalog,
        queries=_merge(queries),
    )


def bundlerec_electronic_leaf(data_dir: Path) -> LabelledSet:
    """Amazon leaf-category names over BundleRec electronics item titles (categories not indexed).

    Relevant = items with that name anywhere in one of their category paths; names that end at least
    one path, hold >= `BUNDLEREC_MIN_ITEMS` items and at most `BUNDLEREC_MAX_SHARE` of the catalog.
    """
    folder = data_dir / "bundlerec_sigir22" / "electronic"
    records = []
    with (folder / "item_titles.csv").open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            title = " ".join((row.get("titles") or "").split())
            if title:
                # Placeholder price: the catalog contract requires one, BundleRec has none, and
                # retrieval never reads prices.
                records.append(
                    {"id": row["item ID"], "title": title, "price": PLACEHOLDER_PRICE, "currency": "USD"}
                )
    catalog = _catalog(records, str(folder / "item_titles.csv"))
    members: dict[str, set[str]] = defaultdict(set)
    leaves: set[str] = set()
    with (folder / "item_categories.csv").open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            if row["item ID"] not in catalog.row_of:
                continue
            for path in parse_amazon_categories(row.get("categories") or ""):
                if len(path) > 1:  # a bare root ("Electronics") is no product type
                    leaves.add(path[-1])
                for segment in path:
                    members[segment].add(row["item ID"])
    most = max(BUNDLEREC_MIN_ITEMS, int(BUNDLEREC_MAX_SHARE * len(catalog)))
    queries = [
        LabelledQuery(leaf, frozenset(members[leaf]))
        for leaf in leaves
        if BUNDLEREC_MIN_ITEMS <= len(members[leaf]) <= most
    ]
    return LabelledSet(
        name="bundlerec_electronic_leaf",
        description=(
            f"BundleRec (SIGIR'22) electronic item_titles.csv, {len(catalog)} items indexed by title only; "
            f"query = an Amazon leaf category name, relevant = items with it in a category path; names with "
            f"{BUNDLEREC_MIN_ITEMS}..{most} items, up to {BUNDLEREC_MAX_QUERIES} sampled with seed {SEED}"
        ),
        catalog=catalog,
        queries=_sample(_merge(queries), BUNDLEREC_MAX_QUERIES),
    )


SOURCES: tuple[QuerySetSource, ...] = (
    QuerySetSource("sephora_brand_category", ("sephora_products/product_info.csv",), sephora_brand_category),
    QuerySetSource("dummyjson_category", ("dummyjson/products.json",), dummyjson_category),
    QuerySetSource(
        "bundlerec_electronic_leaf",
        ("bundlerec_sigir22/electronic/item_titles.csv", "bundlerec_sigir22/electronic/item_categories.csv"),
        bundlerec_electronic_leaf,
    ),
)


def parse_amazon_categories(text: str) -> list[list[str]]:
    """BundleRec's `[[A,B,C],[A,D]]` paths; a comma followed by a space is part of a name
    ("Clothing, Shoes & Jewelry"), any other comma separates segments."""
    text = text.strip()
    if not (text.startswith("[[") and text.endswith("]]")):
        return []
    paths = []
    for chunk in text[2:-2].split("],["):
        segments = [segment.strip() for segment in re.split(r",(?! )", chunk)]
        if all(segments):
            paths.append(segments)
    return paths


def _catalog(records: Iterable[dict[str, Any]], source: str) -> Catalog:
    rows: Iterator[tuple[int, dict[str, Any]]] = enumerate(records, start=1)
    return parse_catalog(rows, source)


def _merge(queries: Iterable[LabelledQuery]) -> tuple[LabelledQuery, ...]:
    """One query per distinct text (relevant ids united), sorted by text so order never depends on dicts."""
    merged: dict[str, set[str]] = defaultdict(set)
    for query in queries:
        merged[query.text].update(query.relevant)
    return tuple(LabelledQuery(text, frozenset(ids)) for text, ids in sorted(merged.items()))


def _sample(queries: tuple[LabelledQuery, ...], limit: int) -> tuple[LabelledQuery, ...]:
    if len(queries) <= limit:
        return queries
    chosen = random.Random(SEED).sample(range(len(queries)), limit)
    return tuple(queries[index] for index in sorted(chosen))
