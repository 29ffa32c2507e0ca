"""Hard search filters applied exactly (prices compared in integer minor units, never as floats)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import numpy as np
import numpy.typing as npt

from assistant.errors import InvalidInputError
from retrieval.catalog.currencies import MINOR_UNITS
from retrieval.catalog.schema import Catalog, Product
from retrieval.text import category_key, fold, model_key, word_family

COMPATIBILITY_PREFIX = "compatible_"  # attributes listing what a product fits: models, watches, os
PLATFORM_ATTRIBUTE = "os"  # a device's platform, which a `compatible_os` list names
MODEL_LISTS = ("compatible_models", "compatible_watches")  # exact models: a case fits one phone, not a brand
WEARER_ATTRIBUTE = "gender"  # who a garment or fragrance is made for: women, men or unisex
UNISEX = "unisex"
SKIN_TYPE_ATTRIBUTE = "skin_type"  # the skin types a skincare product is made for ("all" for any)
ALL_SKIN = "all"


@dataclass(frozen=True, slots=True)
class SpecBound:
    """A number products of one kind must state past a value: a laptop's `weight_kg` under 1.24
    ('something lighter'). Products of other kinds are not bound by it."""

    kind: str  # a category phrase ('laptop')
    key: str  # the attribute ('weight_kg')
    more: bool  # True: above `value` ('a bigger screen'); False: below it
    value: float
    inclusive: bool = False  # `value` itself passes ('at least 16 GB')


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Constraints every result must meet. Categories and brands match case- and accent-insensitively."""

    max_price: Decimal | None = None
    min_price: Decimal | None = None
    categories: tuple[str, ...] = ()
    brands: tuple[str, ...] = ()
    exclude_brands: tuple[str, ...] = ()
    in_stock: bool = False
    currency: str | None = None
    fits: tuple[str, ...] = ()  # device models and platforms: a product that lists what it fits lists one
    wearer: str | None = None  # "women" or "men": a product made for one of them must be for this one
    skin_type: str | None = None  # "dry": a product that lists skin types must list it (or "all")
    platform: str | None = None  # "android only": a product that states the platform it runs must run it
    specs: tuple[SpecBound, ...] = ()  # "something lighter": stated numbers past the shown ones

    def __post_init__(self) -> None:
        for name in ("max_price", "min_price"):
            value = getattr(self, name)
            if value is not None and (not value.is_finite() or value < 0):
                raise InvalidInputError(f"{name} must be a non-negative number, got {value}")
        if self.max_price is not None and self.min_price is not None and self.min_price > self.max_price:
            raise InvalidInputError(f"min_price {self.min_price} is above max_price {self.max_price}")
        if self.currency is not None and self.currency not in MINOR_UNITS:
            raise InvalidInputError(f"unknown currency {self.currency!r}")
        for bound in self.specs:
            if not math.isfinite(bound.value):
                raise InvalidInputError(
                    f"the bound on {bound.key} must be a finite number, got {bound.value}"
                )

    @property
    def is_empty(self) -> bool:
        """True when nothing is filtered out."""
        return self == SearchFilters()


class FilterColumns:
    """Per-catalog columns that turn `SearchFilters` into a boolean row mask in a few vector operations."""

    def __init__(self, catalog: Catalog) -> None:
        self._size = len(catalog)
        self._currency = np.array([product.currency for product in catalog])
        self._price_minor = np.array(
            [int(product.price.scaleb(MINOR_UNITS[product.currency])) for product in catalog], dtype=np.int64
        )
        self._in_stock = np.array([product.in_stock for product in catalog], dtype=bool)
        self._brand = np.array([fold(product.brand or "").strip() for product in catalog])
        category_rows: dict[str, list[int]] = defaultdict(list)
        for row, product in enumerate(catalog):
            for key in category_keys(product.category_path):
                category_rows[key].append(row)
        self._category_rows = {key: np.asarray(rows, dtype=np.int64) for key, rows in category_rows.items()}
        fits_rows: dict[str, list[int]] = defaultdict(list)
        self._declares_fit = np.zeros(self._size, dtype=bool)
        self._lists_models = np.array([lists_models(product.attributes) for product in catalog], dtype=bool)
        self._platforms = platform_keys(catalog)
        for row, product in enumerate(catalog):
            for model in compatible_models(product.attributes):
                fits_rows[model_key(model)].append(row)
                self._declares_fit[row] = True
        self._fits_rows = {key: np.asarray(rows, dtype=np.int64) for key, rows in fits_rows.items()}
        self._wearer = np.array(
            [fold(str(product.attributes.get(WEARER_ATTRIBUTE) or "")) for product in catalog]
        )
        skin_rows: dict[str, list[int]] = defaultdict(list)
        self._any_skin = np.ones(self._size, dtype=bool)  # lists no skin type, or "all"
        for row, product in enumerate(catalog):
            listed = {_skin_key(str(value)) for value in as_list(product.attributes.get(SKIN_TYPE_ATTRIBUTE))}
            listed.discard("")
            if listed and ALL_SKIN not in listed:
                self._any_skin[row] = False
                for value in listed:
                    skin_rows[value].append(row)
        self._skin_rows = {key: np.asarray(rows, dtype=np.int64) for key, rows in skin_rows.items()}
        self._attributes = [product.attributes for product in catalog]
        self._platform = np.array(
            [fold(str(product.attributes.get(PLATFORM_ATTRIBUTE) or "")) for product in catalog]
        )
        self._numbers: dict[str, npt.NDArray[np.float64]] = {}  # per spec key, filled when first bound

    @property
    def category_rows(self) -> dict[str, npt.NDArray[np.int64]]:
        """Rows per category phrase (segments, their '&' parts, and path prefixes)."""
        return self._category_rows

    def mask(self, filters: SearchFilters) -> npt.NDArray[np.bool_]:
        """Rows that satisfy every filter."""
        allowed = np.ones(self._size, dtype=bool)
        if filters.currency is not None:
            allowed &= self._currency == filters.currency
        if filters.max_price is not None or filters.min_price is not None:
            allowed &= self._price_mask(filters.min_price, filters.max_price)
        if filters.in_stock:
            allowed &= self._in_stock
        if filters.brands:
            allowed &= np.isin(self._brand, [fold(brand).strip() for brand in filters.brands])
        if filters.exclude_brands:
            allowed &= ~np.isin(self._brand, [fold(brand).strip() for brand in filters.exclude_brands])
        if filters.categories:
            in_category = np.zeros(self._size, dtype=bool)
            for category in filters.categories:
                rows = self._category_rows.get(_path_key(category.split(">")))
                if rows is not None:
                    in_category[rows] = True
            allowed &= in_category
        if filters.fits:  # a case for the iPhone 16 Pro, never one for the Pro Max; chargers fit anything
            fits = ~self._declares_fit
            if all(model_key(name) in self._platforms for name in filters.fits):
                fits |= self._lists_models  # 'my iphone', no model said: which case fits is not known yet
            for model in filters.fits:
                rows = self._fits_rows.get(model_key(model))
                if rows is not None:
                    fits[rows] = True
            allowed &= fits
        if filters.wearer is not None:  # running shoes for my wife: women's or unisex, or not said
            allowed &= np.isin(self._wearer, ["", UNISEX, fold(filters.wearer)])
        if filters.skin_type is not None:  # for dry skin: no peel made for oily and combination skin
            suits = self._any_skin.copy()
            rows = self._skin_rows.get(_skin_key(filters.skin_type))
            if rows is not None:
                suits[rows] = True
            allowed &= suits
        if filters.platform is not None:  # a phone states its own platform; a case states none
            allowed &= np.isin(self._platform, ["", fold(filters.platform)])
        for bound in filters.specs:
            allowed &= self._spec_mask(bound)
        return allowed

    def _spec_mask(self, bound: SpecBound) -> npt.NDArray[np.bool_]:
        """Rows of the bound's kind that state its number past the value, and every row of other kinds;
        a product of the kind that states no such number is not known to be lighter, so it is left out."""
        numbers = self._numbers.get(bound.key)
        if numbers is None:
            numbers = np.array([_number(row.get(bound.key)) for row in self._attributes], dtype=np.float64)
            self._numbers[bound.key] = numbers
        with np.errstate(invalid="ignore"):
            if bound.inclusive:
                past = numbers >= bound.value if bound.more else numbers <= bound.value
            else:
                past = numbers > bound.value if bound.more else numbers < bound.value
        of_kind = np.zeros(self._size, dtype=bool)
        rows = self._category_rows.get(_path_key([bound.kind]))
        if rows is not None:
            of_kind[rows] = True
        return ~of_kind | past

    def _price_mask(self, low: Decimal | None, high: Decimal | None) -> npt.NDArray[np.bool_]:
        mask = np.zeros(self._size, dtype=bool)
        for currency in np.unique(self._currency):
            places = MINOR_UNITS[str(currency)]
            lowest = -math.inf if low is None else int(low.scaleb(places).to_integral_value(ROUND_CEILING))
            highest = math.inf if high is None else int(high.scaleb(places).to_integral_value(ROUND_FLOOR))
            rows = self._currency == currency
            mask |= rows & (self._price_minor >= lowest) & (self._price_minor <= highest)
        return mask


def _number(value: object) -> float:
    """A spec's number; NaN (past no bound) for text, lists, flags and nothing."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return math.nan


def _skin_key(skin_type: str) -> str:
    """'Dry skin' and 'dry' name the same type."""
    folded = fold(skin_type).strip()
    return folded.removesuffix(" skin").strip() or folded


def compatible_models(attributes: Mapping[str, object]) -> list[str]:
    """The device models and platforms a product says it fits (every `compatible_*` attribute)."""
    models: list[str] = []
    for name, value in attributes.items():
        if name.startswith(COMPATIBILITY_PREFIX):
            models += [
                item for item in (value if isinstance(value, list) else [value]) if isinstance(item, str)
            ]
    return models


def platform_keys(catalog: Catalog) -> frozenset[str]:
    """What the catalog's `os` and `compatible_os` name (model keys): platforms, never device models."""
    return frozenset(
        model_key(str(name))
        for product in catalog
        for key in (PLATFORM_ATTRIBUTE, COMPATIBILITY_PREFIX + PLATFORM_ATTRIBUTE)
        for name in as_list(product.attributes.get(key))
    )


def as_list(value: object) -> list[object]:
    """A value that may be one item, a list or nothing, as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def lists_models(attributes: Mapping[str, object]) -> bool:
    """True when a product fits only the exact device models it lists (cases, screen protectors, bands)."""
    return any(attributes.get(name) for name in MODEL_LISTS)


_SAME_COLOUR = {"gray": "grey", "navy": "blue"}  # spellings and shades read as one colour


def has_colour(product: Product, colour: str) -> bool | None:
    """Whether the product's stated colour is `colour` ('white' is 'Awesome White', 'gray' is 'Space
    Grey'); None when the product states none, so colourless kinds are not ruled out."""
    stated = product.attributes.get("colour")
    if not isinstance(stated, str) or not stated.strip():
        return None
    words = {_SAME_COLOUR.get(word, word) for word in fold(stated).replace("/", " ").split()}
    return all(_SAME_COLOUR.get(word, word) in words for word in fold(colour).split())


def has_features(product: Product, features: Iterable[str]) -> bool:
    """Whether the product's own words (title, category, description, text attributes, and the names of the
    attributes it has, such as `waterproof`) name every feature: 'gaming', 'mechanical', 'electric'. Word
    forms count ('cancelling' is named by 'Canceling' and 'cancellation')."""
    wanted = list(features)
    if not wanted:  # most turns ask for none: no need to read the product's words
        return True
    # A feature a yes/no attribute names is that attribute: 'noise cancelling' of AirPods whose description
    # says "No active noise cancellation" is `anc: False`, whatever its words say
    asked = {word_family(word) for feature in wanted for word in category_key(feature).split()}
    decided: set[str] = set()
    for key, value in product.attributes.items():
        if not isinstance(value, bool):
            continue
        if names_flag(asked, key):
            if not value:
                return False
            named = flag_words(key)
            decided |= {said for said in asked if any(_same_family(said, word) for word in named)}
    families = product_word_families(product)
    rest = [
        feature
        for feature in wanted
        if not {word_family(word) for word in category_key(feature).split()} <= decided
    ]
    return all(names_feature(families, feature) for feature in rest)


def flag_words(key: str) -> frozenset[str]:
    """The word families a yes/no attribute's key is said with ('wireless_charging': wireless, charg)."""
    return _FLAG_WORDS.get(key) or frozenset(word_family(word) for word in key.split("_"))


def names_flag(families: Collection[str], key: str) -> bool:
    """Whether the word `families` a shopper said name every word of the yes/no attribute `key`."""
    return all(any(_same_family(said, word) for said in families) for word in flag_words(key))


def _same_family(said: str, word: str) -> bool:
    """'cancellation' is of 'cancel': the same family, or one a stem of 5 letters or more starts."""
    return said == word or (len(word) >= 5 and said.startswith(word))


# Yes/no attributes whose key is not what shoppers say ('anc' is noise cancelling)
_FLAG_WORDS = {"anc": frozenset({word_family("noise"), word_family("cancelling")})}


def product_word_families(product: Product) -> frozenset[str]:
    """The word families (`word_family`) of everything the product says of itself."""
    values = [value for value in product.attributes.values() if isinstance(value, str)]
    named = [name for name, value in product.attributes.items() if value not in (None, False, "", 0)]
    text = " ".join([product.title, product.category or "", product.description or "", *values, *named])
    return frozenset(word_family(word) for word in category_key(text.replace("_", " ")).split())


def names_feature(families: Collection[str], feature: str) -> bool:
    """Whether one of `families` is the feature's word family, or (for a stem of 5 letters or more) starts
    with it: 'cancel' names 'cancellation'. A feature that is no word names nothing."""
    stem = word_family(category_key(feature)) if category_key(feature) else ""
    return bool(stem) and any(_same_family(family, stem) for family in families)


def names_category_part(role: str, product: Product) -> bool | None:
    """Whether the product's title names `role` when `role` is one part of its leaf ("sleeve" of "Laptop
    Bags & Sleeves", "capsule" of "Coffee Beans & Capsules"); None when it is no such part. A leaf of
    two kinds answers a search for either, so only the title tells a sleeve from a backpack."""
    leaf = product.category_path[-1] if product.category_path else ""
    role_key = category_key(role)
    if "&" not in leaf or role_key not in {category_key(part) for part in leaf.split("&")}:
        return None
    return role_key.split()[-1] in category_key(product.title).split()


def category_keys(path: Iterable[str]) -> set[str]:
    """Every phrase that names this category path: segments, their '&' parts and path prefixes."""
    segments = list(path)
    keys: set[str] = set()
    for depth, segment in enumerate(segments):
        keys.add(category_key(segment))
        keys.update(category_key(part) for part in segment.split("&") if part.strip())
        keys.add(_path_key(segments[: depth + 1]))
    return keys


def _path_key(segments: Iterable[str]) -> str:
    return " > ".join(category_key(segment) for segment in segments if segment.strip())
