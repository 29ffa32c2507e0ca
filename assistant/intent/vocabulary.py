"""Canonical brand and category names of the served catalog, and matching a shopper's words to them.

Matching goes from cheap and certain to fuzzy: exact (case/accent/plural-insensitive), known aliases and
the Chinese lexicon, spelling similarity (typos), and for categories sentence-embedding similarity
("cellular telephone" -> phone). Unmatched words are kept, cleaned, so the assistant can say honestly
that the shop does not carry them.
"""

from __future__ import annotations

import difflib
import re
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from pricing.complements.roles import category_phrases
from retrieval.catalog.schema import Catalog
from retrieval.embedders import Embedder
from retrieval.filters import (
    PLATFORM_ATTRIBUTE,
    category_keys,
    compatible_models,
    names_feature,
    product_word_families,
)
from retrieval.text import category_key, fold, model_key
from retrieval.zh_lexicon import LexiconEntry, zh_lexicon

CATEGORY_ALIASES = {
    "mobile": "phone", "mobile phone": "phone", "cellphone": "phone", "cell phone": "phone",
    "smart phone": "phone", "handset": "phone", "earphone": "earbud", "earpod": "earbud", "airpod": "earbud",
    "headset": "headphone", "moisturizer": "moisturiser", "moisturising cream": "moisturiser",
    "face cream": "moisturiser", "sun cream": "sunscreen", "sunblock": "sunscreen", "spf": "sunscreen",
    "skin care": "skincare", "face wash": "cleanser", "notebook": "laptop", "computer": "laptop",
    "watch": "smartwatch", "smart watch": "smartwatch", "charging cable": "cable", "usb cable": "cable",
    "portable charger": "power bank", "battery pack": "power bank", "sd card": "memory card",
    "memory": "memory card", "perfume": "fragrance", "cologne": "fragrance", "scent": "fragrance",
    "make up": "makeup", "espresso machine": "coffee machine", "coffee maker": "coffee machine",
    "screen guard": "screen protector", "tempered glass": "screen protector", "cover": "case",
    "phone cover": "case", "phone case": "case", "sneaker": "running shoe", "trainer": "running shoe",
    "pan": "cookware", "pot": "cookware", "lamp": "lighting", "bottle": "water bottle", "tab": "tablet",
    "ipad": "tablet", "lens kit": "lens", "laptop bag": "laptop bag", "iphone": "phone", "macbook": "laptop",
    "macbook pro": "laptop", "macbook air": "laptop", "chromebook": "laptop", "pod": "capsule",
    "coffee pod": "capsule", "mac": "laptop", "dslr": "camera", "mirrorless": "camera", "camcorder": "camera",
    "pc": "laptop", "bulb": "lighting", "light": "lighting",
}  # fmt: skip
# Form factors that name a kind ('over ear please', 'in-ear headphones': `parser.form_factors`); apart from
# the aliases, which the training generator draws phrasings from
FORM_FACTORS = {
    "over ear": "headphone", "over the ear": "headphone", "on ear": "headphone", "in ear": "earbud",
    "in ear headphone": "earbud", "in ear earbud": "earbud", "in ear earphone": "earbud",
    "over ear headphone": "headphone", "over the ear headphone": "headphone", "on ear headphone": "headphone",
}  # fmt: skip
BRAND_ALIASES = {
    "sk2": "SK-II", "sk ii": "SK-II", "skii": "SK-II", "estee": "Estée Lauder", "lauder": "Estée Lauder",
    "lrp": "La Roche-Posay", "la roche": "La Roche-Posay", "lancome": "Lancôme", "mi": "Xiaomi",
    "redmi": "Xiaomi", "pixel": "Google", "galaxy": "Samsung", "iphone": "Apple", "macbook": "Apple",
    "airpods": "Apple", "ipad": "Apple", "thinkpad": "Lenovo", "gopro": "GoPro", "bose": "Bose",
}  # fmt: skip
# Brands of several words that shops often carry and the demo catalog does not: read whole, wherever the
# tagger took part of the name ("the north face" had been the colour 'north', "under armour" a feature
# 'armour', "new balance" nothing), so the reply can say "We don't carry The North Face". Single words
# ('patagonia') the tagger takes whole; a catalog's own brands are read by `SlotVocabulary` as they are.
# Names that are also everyday words ("Black Diamond": a black diamond ring) are left out.
OTHER_BRANDS = (
    "The North Face", "New Balance", "Under Armour", "Calvin Klein", "Ralph Lauren", "Tommy Hilfiger",
    "Michael Kors", "Kate Spade", "Marc Jacobs", "Tom Ford", "Hugo Boss", "Louis Vuitton",
    "Yves Saint Laurent", "Canada Goose", "Dr. Martens", "Urban Decay", "Charlotte Tilbury", "Bobbi Brown",
    "Too Faced", "Fenty Beauty", "Burt's Bees", "Paula's Choice", "Drunk Elephant", "Glow Recipe",
    "Bang & Olufsen", "Bowers & Wilkins", "Western Digital", "Hamilton Beach", "Black & Decker",
    "Russell Hobbs", "Mountain Hardwear", "Royal Canin", "Victoria's Secret", "American Eagle",
)  # fmt: skip
# Brand aliases that name a product line, which shoppers use as a kind of product ("the cheapest iphone")
PRODUCT_LINES = frozenset({"iphone", "ipad", "macbook", "airpods", "galaxy", "pixel", "thinkpad", "redmi"})
# Everyday names of a product line that are no brand alias, because a catalog brand owns the word ("MAC"
# makes lipstick): read as the line only where tagged a category ("what about a mac?")
LINE_NICKNAMES = {"mac": "macbook"}
MATCH_CACHE_SIZE = 10_000
_FILLER = re.compile(
    r"\b(a|an|the|some|new|set|sets|bundle|bundles|kit|kits|stuff|things|thing|routine|gear|products|"
    r"product|items|item|one|ones|of|for|my|accessory|accessories|equipment|supplies|supply|electronics|"
    r"essentials|setup|setups)\b"
)
# Words that name no kind of product ('accessories', 'gear'): never a category on their own (ANNOTATION.md)
_GENERIC = frozenset({
    "accessory", "accessories", "gear", "kit", "stuff", "thing", "things", "equipment", "supply", "supplies",
    "electronic", "electronics", "essential", "essentials", "setup", "set", "bundle", "product", "item",
    "配件", "装备", "东西", "用品",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class DeviceModel:
    """A model products are or fit ('iPhone 16 Pro'): its kind of product, as category phrases most
    specific first ('smartphone', 'phone', ...), and the platforms it runs ('iOS'); empty when unknown."""

    name: str
    kinds: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NamedModel:
    """The device models a message names between `start` and `end` ('iphone 16 pro')."""

    start: int
    end: int
    models: tuple[DeviceModel, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(model.name for model in self.models)

    @property
    def kinds(self) -> tuple[str, ...]:
        return next((model.kinds for model in self.models if model.kinds), ())

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(platform for model in self.models for platform in model.platforms))

    @property
    def fit_names(self) -> tuple[str, ...]:
        """What a product for this device may list as what it fits: the models and their platforms."""
        return (*self.names, *self.platforms)


_MODEL_CODE = re.compile(r"(?=.*[a-z])(?=.*\d)[a-z\d-]{3,}")  # 'rx100', 'z6iii', 'x100vi'


class SlotVocabulary:
    """Brand and category names of one catalog; `warm_up` embeds category names when given an embedder."""

    def __init__(
        self,
        *,
        brands: Iterable[str],
        categories: Iterable[str],
        embedder: Embedder | None = None,
        embedding_threshold: float = 0.78,
        models: Iterable[DeviceModel] = (),
        ranges: Mapping[str, Iterable[str]] | None = None,
        titled: Iterable[tuple[str, str]] = (),
        described: Iterable[str] = (),
    ) -> None:
        """`models`: the device models products are or fit; `ranges`: brand -> the categories it sells;
        `described`: the word families products use of themselves (`product_word_families`)."""
        self._described = frozenset(described)
        self._brands = {fold(brand).strip(): brand for brand in brands if brand}
        # OTHER_BRANDS this catalog lacks, by their words, and as patterns over a message (a catalog's own
        # brands are left to the tagger, which the generator trains on them: "peet's [coffee]" keeps its kind)
        carried = {_brand_key(brand) for brand in self._brands.values()}
        self._other_brands = {
            _brand_key(name): name for name in OTHER_BRANDS if _brand_key(name) not in carried
        }
        self._whole_brands = [
            (_whole_name(name), name) for name in sorted(self._other_brands.values(), key=len, reverse=True)
        ]
        self._ranges = {fold(brand).strip(): frozenset(kinds) for brand, kinds in (ranges or {}).items()}
        self._models = {model_key(model.name): model for model in models if model_key(model.name)}
        self._models.update(
            {alias: self._models[full] for alias, full in short_model_names(self._models).items()}
        )
        self._longest_model = max((len(key.split()) for key in self._models), default=0)
        self._model_prefixes: dict[str, list[DeviceModel]] = defaultdict(list)
        for key, entry in self._models.items():
            words = key.split()
            # a model code alone names its model ('my rx100' of the RX100 VII); a line's name alone
            # ('galaxy', 'pixel') names none
            first = 1 if _MODEL_CODE.fullmatch(words[0]) else 2
            for size in range(first, len(words)):
                self._model_prefixes[" ".join(words[:size])].append(entry)
        self._line_platforms: dict[str, set[str]] = defaultdict(set)  # 'iphone' -> {'iOS'}
        self._line_kinds: dict[str, Counter[str]] = defaultdict(Counter)  # 'pixel' -> {'smartphone': 4, ...}
        for key, entry in self._models.items():
            if key.split()[0] in PRODUCT_LINES:
                self._line_platforms[key.split()[0]].update(entry.platforms)
                self._line_kinds[key.split()[0]].update(entry.kinds[:1])
        self._categories = sorted(set(categories))
        self._category_set = frozenset(self._categories)
        # each title's words and head noun (singular) with its product's own kind, for `_title_match`
        self._titled: list[tuple[frozenset[str], str, str]] = []
        self._title_keys: list[str] = []  # each title's words in order, singular: ' samsung galaxy bud fe '
        for title, category in titled:
            words = [category_key(word) for word in _WORD.findall(fold(title))]
            self._titled.append((frozenset(words), title_head(title), category))
            self._title_keys.append(f" {' '.join(words)} ")
        self._embedder = embedder
        self._threshold = embedding_threshold
        self._category_vectors: Any = None
        self._matched: dict[str, str | None] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_catalog(cls, catalog: Catalog, *, embedder: Embedder | None = None) -> SlotVocabulary:
        """The vocabulary of `catalog`: its brands and every category phrase its paths contain."""
        names: set[str] = set()
        ranges: dict[str, set[str]] = defaultdict(set)
        titled: list[tuple[str, str]] = []
        for product in catalog:
            if product.category_path:  # its own kind: the first name of the last segment, "laptop bag"
                titled.append((product.title, category_key(product.category_path[-1].split("&")[0])))
            keys = [key for key in category_keys(product.category_path) if ">" not in key]
            names.update(keys)
            if product.brand:
                ranges[product.brand].update(keys)
        return cls(
            brands={p.brand for p in catalog if p.brand},
            categories=names,
            embedder=embedder,
            models=_models(catalog),
            ranges=ranges,
            titled=titled,
            described={family for product in catalog for family in product_word_families(product)},
        )

    @property
    def brands(self) -> list[str]:
        """Canonical brand names."""
        return sorted(self._brands.values())

    @property
    def categories(self) -> list[str]:
        """Canonical category names (lower case, singular)."""
        return list(self._categories)

    def warm_up(self) -> None:
        """Embed the category names once (when an embedder was given)."""
        with self._lock:
            if self._embedder is None or self._category_vectors is not None:
                return
            self._category_vectors = self._embedder.embed(self._categories)

    def brand_selling(self, text: str, category: str) -> str | None:
        """The catalog brand `text` is, spelled exactly (no alias), when that brand sells `category`
        (a canonical name): 'MAC' sells lipstick; 'mac' is no brand of chargers."""
        brand = self._brands.get(fold(text).strip(" .,!?'\""))
        return brand if brand is not None and category in self._ranges.get(fold(brand), ()) else None

    def brand(self, text: str) -> str:
        """Canonical brand for `text` ('estee lauder', '雅诗兰黛', 'samsnug' -> catalog names)."""
        folded = fold(text).strip(" .,!?'\"")
        entry = zh_lexicon().get(text.strip())
        if entry is not None and entry.kind == "brand":
            folded = fold(entry.english)
        folded = fold(BRAND_ALIASES.get(folded, folded))
        if folded in self._brands:
            return self._brands[folded]
        if fold(folded) in self._brands:
            return self._brands[fold(folded)]
        if f"the {folded}" in self._brands:  # "nothing from ordinary": The Ordinary
            return self._brands[f"the {folded}"]
        other = self._other_brands.get(_brand_key(folded))
        if other is not None:  # "north face": The North Face, which the shop does not carry
            return other
        close = difflib.get_close_matches(folded, [*self._brands, *BRAND_ALIASES], n=1, cutoff=0.8)
        if not close or close[0][:1] != folded[:1]:  # typos keep the first letter: 'billy' is not Illy
            return text.strip()
        name = fold(BRAND_ALIASES.get(close[0], close[0]))  # a typo of an alias ("iphoen" -> Apple)
        return self._brands.get(name, text.strip())

    def whole_brands(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, brand) for each of `OTHER_BRANDS` the catalog lacks that `text` names, the longest
        name first where two overlap: 'the north face' -> The North Face, 'bang and olufsen' -> Bang &
        Olufsen."""
        found: list[tuple[int, int, str]] = []
        for pattern, name in self._whole_brands:
            for match in pattern.finditer(text):
                if all(match.end() <= start or match.start() >= end for start, end, _ in found):
                    found.append((match.start(), match.end(), name))
        return sorted(found)

    def models_named(self, text: str) -> list[NamedModel]:
        """Each catalog model `text` names, longest match first: 'my iphone 16 pro max' names the iPhone 16
        Pro Max, not the iPhone 16 Pro. A name that starts two or more words of models names them all:
        'apple watch series 10' is the 42mm and the 46mm."""
        matches = list(_MODEL_WORD.finditer(text))
        words = [(m.start(), "+" if m.group().casefold() == "plus" else fold(m.group())) for m in matches]
        found: list[NamedModel] = []
        start = 0
        while start < len(words):
            stops = range(min(len(words), start + self._longest_model), start, -1)
            keys = [(end, " ".join(word for _, word in words[start:end])) for end in stops]
            exact = [(end, [self._models[key]]) for end, key in keys if key in self._models]
            prefix = [(end, self._model_prefixes[key]) for end, key in keys if key in self._model_prefixes]
            if not exact and not prefix:
                start += 1
                continue
            end, models = (exact or prefix)[0]
            found.append(NamedModel(words[start][0], matches[end - 1].end(), tuple(models)))
            start = end
        return found

    def line_brand(self, text: str) -> str | None:
        """The catalog brand a product line names ('iPhones', 'macbook air' -> Apple), else None."""
        key = _line_key(text)
        if key in PRODUCT_LINES and fold(BRAND_ALIASES[key]) in self._brands:
            return self._brands[fold(BRAND_ALIASES[key])]
        return None

    def line_platforms(self, text: str) -> tuple[str, ...]:
        """The platform a product line's catalog models all run ('my iphone' -> iOS), else (): what is
        bought for 'my iphone' must work with iOS even before the shopper says which iPhone."""
        platforms = self._line_platforms.get(_line_key(text), set())
        return tuple(platforms) if len(platforms) == 1 else ()

    def describes(self, word: str) -> bool:
        """Whether the catalog uses `word` (in any of its forms) of some product: 'compact', 'gaming' are
        features a shopper can be held to; 'she' in 'she likes skincare' is none."""
        return names_feature(self._described, word)

    def is_brand_name(self, text: str) -> bool:
        """Whether `text` is itself a catalog brand's name ('mac' is MAC, the cosmetics brand), not a product
        line a brand makes ('pixel')."""
        return fold(text).strip() in self._brands

    def is_device_kind(self, category: str) -> bool:
        """Whether catalog models are of this kind ('smartwatch', 'earbud'): 'pixel watch' names a watch,
        where 'pixel case' names what a case is for."""
        key = category_key(category)
        return any(key in model.kinds for model in self._models.values())

    def titles_line_of(self, line: str, kind: str) -> bool:
        """Whether a product is titled with the line's name right before the kind's word ('Samsung Galaxy
        Buds FE': the galaxy line makes earbuds too), so '[galaxy] [buds]' names those earbuds, not a Galaxy
        phone's; a case titled '... for iPhone 16' is no 'iphone case' line."""
        said = f" {category_key(line)} {category_key(kind)} "
        return any(said in title for title in self._title_keys)

    def line_kind(self, text: str) -> str | None:
        """The kind of device most of a product line's catalog models are ('pixel' -> smartphone)."""
        kinds = self._line_kinds.get(_line_key(text))
        return kinds.most_common(1)[0][0] if kinds else None

    def category(self, text: str) -> str:
        """Canonical category for `text` ('phones', 'cellphone', '护肤品', 'headphnes' -> catalog names)."""
        entry = zh_lexicon().get(text.strip()) or _zh_head(text.strip())
        phrase = entry.english if entry is not None else text
        key = category_key(_FILLER.sub(" ", fold(phrase))) or category_key(phrase)
        if key in _GENERIC or text.strip() in _GENERIC or not any(char.isalnum() for char in key):
            return ""  # 'a -- mouse': no kind is named by dashes ("We don't carry -s")
        known = self._known(key)
        if known:
            return known
        close = difflib.get_close_matches(key, [*self._categories, *CATEGORY_ALIASES], n=1, cutoff=0.8)
        if close:  # a typo of a name or of an alias ("iphoen" -> "iphone" -> phone)
            return CATEGORY_ALIASES.get(close[0], close[0])
        # A kind of product the shop doesn't know is still named by its head noun: 'office calendar',
        # 'cinderella costume' are a calendar and a costume, whichever modifiers the shopper adds.
        found = (
            self._head_match(key)
            or self._title_match(key)
            or self._titled_head(key)
            or _unless_modifier(key, self._embedding_match(key))
        )
        return found or key.split(" ")[-1]

    def known(self, text: str) -> str | None:
        """The catalog category `text` names exactly (name, one-word spelling or alias), else None."""
        return self._known(category_key(text))

    def _head_match(self, key: str) -> str | None:
        """The catalog name a phrase ends in: English puts the head noun last, so 'noise cancelling
        headphone', 'corner lamp' and 'spare strap' name a headphone, a lamp, a strap."""
        words = key.split()
        for size in range(len(words) - 1, 0, -1):
            known = self._known(" ".join(words[-size:]))
            if known:
                return known
        return None

    def title_kinds(self) -> frozenset[str]:
        """The head nouns product titles say their products are ('kettle', 'dripper', 'sleeve'), other
        than category names and aliases: the kinds a shelf of several holds ('Mugs & Accessories')."""
        return frozenset(head for _, head, _ in self._titled if head and self._known(head) is None)

    def _titled_head(self, key: str) -> str | None:
        """The shelf of the products whose titles' head noun is the phrase's, when only describing words
        come before it: 'gooseneck kettle' is a kettle, filed with the mugs. Not when a category name uses
        the noun ('sleeping bag' is no laptop bag: the shop's bags are kinds of their own), nor when a word
        before it is a kind of product ('mouse pad' is no tablet, though tablets are titled '... Pad')."""
        words = key.split()
        if len(words) < 2 or any(words[-1] in name.split() for name in self._categories):
            return None
        if any(self._known(word) for word in words[:-1]):
            return None
        return self._title_match(words[-1])

    def _title_match(self, key: str) -> str | None:
        """The category of the products whose titles name `key` as what they are (its last word is the
        title's head noun, its other words are in the title): a backpack is whatever the shop files its
        backpacks under. 'earring', 'beanie', 'webcam' name no product, where the nearest category name
        (earbud, coffee bean, camera) misleads; 'light' in 'Anthelios Light Fluid Sunscreen' is no head."""
        words = key.split()
        kinds = Counter(
            category for title, head, category in self._titled if head == words[-1] and set(words) <= title
        )
        return kinds.most_common(1)[0][0] if kinds else None

    def _known(self, key: str) -> str | None:
        """`key` as a catalog category: itself, written as one word, or through a known alias."""
        for candidate in (
            key,
            CATEGORY_ALIASES.get(key, ""),
            FORM_FACTORS.get(key, ""),
            key.replace(" ", ""),
        ):
            if candidate in self._category_set:
                return candidate
        return CATEGORY_ALIASES.get(key)

    def _embedding_match(self, key: str) -> str | None:
        if self._embedder is None or not key:
            return None
        if key in self._matched:
            return self._matched[key]
        self.warm_up()
        scores = self._category_vectors @ self._embedder.embed([key])[0]
        best = int(np.argmax(scores))
        match = self._categories[best] if float(scores[best]) >= self._threshold else None
        if len(self._matched) < MATCH_CACHE_SIZE:  # shoppers reuse words; each miss costs a model call
            self._matched[key] = match
        return match


_VAGUE_HEADS = frozenset({"device", "gadget", "model", "unit", "option", "type", "version", "piece"})


def _unless_modifier(key: str, match: str | None) -> str | None:
    """`match`, unless it is what the phrase only says about its head noun: a 'long sleeve top' is no laptop
    sleeve, a 'laptop stand' no laptop, a 'mousepad' no mouse (a one-word compound puts its head last too)."""
    if match is None:
        return None
    *modifiers, head = key.split()
    if head in _VAGUE_HEADS:  # 'smartphone device' is a smartphone
        return match
    if match in modifiers or " ".join(modifiers).endswith(match):
        return None
    if not modifiers and head.startswith(match) and len(head) - len(match) >= 3:
        return None
    return match


_MODEL_WORD = re.compile(r"[0-9A-Za-z]+|\+")
_WORD = re.compile(r"[0-9a-z]+")


def _brand_key(name: str) -> str:
    """A brand's words, folded, without 'the', 'and' or punctuation: 'The North Face' -> 'north face'."""
    words = re.findall(r"\w+", fold(name).replace("'", ""))
    return " ".join(word for word in words if word not in ("the", "and"))


def _whole_name(name: str) -> re.Pattern[str]:
    """A brand's name as a shopper types it: any case, 'the' optional, '&' or 'and' or nothing between words,
    dots and a final apostrophe optional ('dr martens', 'bang and olufsen', 'burts bees')."""
    words = [
        re.escape(word[:-1]) + "'?s" if word.endswith("s") else re.escape(word)
        for word in _brand_key(name).split()
    ]
    between = r"(?:\s*(?:&|\+|\band\b)?\s*|\.\s*|-)"
    return re.compile(r"(?<!\w)(?:the\s+)?" + between.join(words) + r"(?!\w)", re.IGNORECASE)


def kind_on_shelf(kind: str, title: str, category: str | None) -> str:
    """`kind` where the item's shelf is one kind; on a shelf of several ('Mugs & Accessories', 'Coffee Beans
    & Capsules', 'Laptop Bags & Sleeves'), what its title says it is: the shelf's part of that name ('laptop
    bag', 'capsule'), a word of the shelf's path ('coffee', 'mug'), the part it names ('sleeve'), else its own
    ('frother', 'backpack'). 'A mug accessory', 'an eco' (of '... Backpack (Eco)') had been said."""
    path = (category or "").split(">")
    parts = [category_key(part) for part in path[-1].split("&") if part.strip()]
    if len(parts) < 2 or kind not in {category_key(path[-1]), *parts}:
        return kind  # a role of its own ('tripod'), or a shelf of one kind
    head = title_head(re.sub(r"\([^)]*\)", " ", title))
    words = category_key(title.split(",")[0]).split()
    path_words = {word for segment in path for word in category_key(segment).split()}
    return (
        next((part for part in parts if part.split()[-1] == head), None)
        or (head if head in path_words else None)
        or next((part for part in parts if part.split()[-1] in words), None)
        or head
        or kind
    )


def title_names(title: str, kind: str | None) -> bool:
    """Whether a product title names `kind` (a singular word: 'kettle', 'frother') among its words."""
    return bool(kind) and kind in category_key(title).split()


def title_head(title: str) -> str:
    """What a product title says the product is: the last plain word before its first comma, past model
    codes and sizes ('Peak Design Everyday Backpack 20L V2, Black' -> 'backpack')."""
    words = [w for w in _WORD.findall(fold(title.split(",")[0])) if w.isalpha() and len(w) > 2]
    return category_key(words[-1]) if words else ""


def _line_key(text: str) -> str:
    """'iPhones' -> 'iphone', 'macbook air' -> 'macbook', 'airpods' stays, 'macs' -> 'macbook': the first
    word, folded, made singular unless it already names a line, nicknames read as their line."""
    words = fold(text).strip(" .,!?'\"").split()
    if not words or words[0] in PRODUCT_LINES:
        return words[0] if words else ""
    key = words[0] if words[0] in LINE_NICKNAMES else category_key(words[0])
    return LINE_NICKNAMES.get(key, key)


def short_model_names(keys: Iterable[str]) -> dict[str, str]:
    """Short names shoppers use for a model of a product line, alias -> model key: 'galaxy s25 ultra' is
    also 's25 ultra', 'eos r50' is 'r50', and in a line whose every model is numbered, the initial joins
    the number: 'alpha 7 iv' is '7 iv', 'a7 iv' and 'a7iv'. A line is a first word two or more models
    share. Only a short name with a letter and a digit that names one model, and starts no name from
    another line, counts: the iPhone 16 is never '16' (a number), and 'a16' is no iPad A16 when a Galaxy
    A16 5G is sold ('16 pro' may start '16 pro max': the longest match wins)."""
    keys = list(keys)
    rests: dict[str, list[list[str]]] = defaultdict(list)
    for key in keys:
        line, *rest = key.split()
        if rest:
            rests[line].append(rest)
    found: dict[str, set[str]] = defaultdict(set)
    for key in keys:
        line, *rest = key.split()
        if not rest or len(rests[line]) < 2:
            continue
        shorts = [" ".join(rest)]
        if all(other[0][0].isdigit() for other in rests[line]):
            fused = line[0] + rest[0]
            shorts += [" ".join([fused, *rest[1:]]), fused + "".join(rest[1:])]
        for short in shorts:
            if re.search(r"[a-z]", short) and re.search(r"[0-9]", short):
                found[short].add(key)
    line_of = {key: key.split()[0] for key in keys}
    line_of.update({short: line_of[next(iter(full))] for short, full in found.items()})
    return {
        short: next(iter(full))
        for short, full in found.items()
        if len(full) == 1
        and short not in line_of.keys() - found.keys()
        and not any(name.startswith(short + " ") and line != line_of[short] for name, line in line_of.items())
    }


def _models(catalog: Catalog) -> list[DeviceModel]:
    """Every model a product is (its `model`) or fits (`compatible_*`). Its kind is the category of the
    products that are that model, else of the products whose model starts with the same word (a case
    'for iPhone 15' in a shop that sells no iPhone 15 is still for a phone); its platforms are their `os`."""
    kinds: dict[str, tuple[str, ...]] = {}
    platforms: dict[str, list[str]] = defaultdict(list)
    by_first_word: dict[str, Counter[tuple[str, ...]]] = defaultdict(Counter)
    for product in catalog:
        own = product.attributes.get("model")
        if isinstance(own, str) and model_key(own) and product.category_path:
            kind = category_phrases(product)
            kinds.setdefault(own, kind)
            by_first_word[model_key(own).split()[0]][kind] += 1
            platform = product.attributes.get(PLATFORM_ATTRIBUTE)
            if isinstance(platform, str) and platform not in platforms[own]:
                platforms[own].append(platform)
    for product in catalog:
        for name in compatible_models(product.attributes):
            if name not in kinds and model_key(name):
                first = by_first_word.get(model_key(name).split()[0])
                kinds[name] = first.most_common(1)[0][0] if first else ()
    return [DeviceModel(name, kind, tuple(platforms.get(name, ()))) for name, kind in kinds.items()]


def _zh_head(text: str) -> LexiconEntry | None:
    """The category word a Chinese phrase ends in: '降噪耳机' (noise-cancelling earbuds) names earbuds, as
    Chinese, like English, puts the head noun last."""
    lexicon = zh_lexicon()
    for start in range(1, len(text) - 1):
        entry = lexicon.get(text[start:])
        if entry is not None and entry.kind == "category":
            return entry
    return None
