"""`CatalogView`: what a conversation needs to know about one catalog, computed once and shared by the
stage that reads a message (`reading`) and the engine that answers it: which kinds the shop carries, its
products by id, model and category phrase, the platforms and product lines its devices run, and whether any
product in stock meets a spec limit.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cached_property

from assistant.chat.spec_limits import beats, beats_value
from assistant.chat.specs import spec_number
from assistant.dialogue.state import ConversationState, ShoppingGoal, SpecLimit
from assistant.intent.parser import ParsedMessage
from pricing.complements.roles import leaf_role
from retrieval.catalog.schema import Catalog, Product
from retrieval.filters import category_keys, platform_keys
from retrieval.text import category_key, fold, model_key

PLATFORM_LIST = "compatible_os"  # what an add-on lists of the platforms it works with
CONTAINER_WORDS = frozenset({"case", "cover", "sleeve", "bag", "pouch"})  # what a device is carried in


class CatalogView:
    """Lookups over one catalog's products (the catalog does not change under a running assistant)."""

    def __init__(self, catalog: Catalog) -> None:
        self._products = catalog

    @cached_property
    def departments(self) -> list[str]:
        """The catalog's departments (second path level where there is one), most products first. A name
        that ends another's is said with its top level: 'Computers > Accessories' beside 'Phone Accessories'
        is 'computer Accessories', not "we have phone accessories, ..., accessories"."""
        paths = [p.category_path for p in self._products if p.category_path]
        names = {path[1] for path in paths if len(path) > 1}
        counts = Counter(
            (
                f"{category_key(path[0])} {path[1]}"
                if any(other != path[1] and other.endswith(f" {path[1]}") for other in names)
                else path[1]
            )
            if len(path) > 1
            else path[0]
            for path in paths
        )
        return [name for name, _ in counts.most_common()]

    @cached_property
    def _category_names(self) -> frozenset[str]:
        return frozenset(self._by_category_key)

    def carries(self, category: str) -> bool:
        """Whether any product's category path names `category` (a role asked for may just not fit)."""
        return category_key(category) in self._category_names

    @cached_property
    def currencies(self) -> list[str]:
        """The currencies the catalog prices in, most products first."""
        return [code for code, _ in Counter(p.currency for p in self._products).most_common()]

    @cached_property
    def by_id(self) -> dict[str, Product]:
        return {product.id: product for product in self._products}

    @cached_property
    def by_model(self) -> dict[str, list[Product]]:
        """Products by the model they are ('iphone 16 pro' -> the iPhone 16 Pro in each storage size)."""
        products: dict[str, list[Product]] = {}
        for product in self._products:
            if model_of(product):
                products.setdefault(model_of(product), []).append(product)
        return products

    @cached_property
    def platforms(self) -> frozenset[str]:
        return platform_keys(self._products)

    @cached_property
    def known_brands(self) -> frozenset[str]:
        return frozenset(fold(product.brand) for product in self._products if product.brand)

    def department_stating(self, attribute: str) -> str | None:
        """The department (second path level) most of the products that state `attribute` sit in, as a
        category phrase: 'skin_type' -> 'skincare' (moisturisers, serums, ..., beside six foundations)."""
        counts = Counter(
            category_key(product.category_path[1])
            for product in self._products
            if attribute in product.attributes and len(product.category_path) > 1
        )
        return counts.most_common(1)[0][0] if counts else None

    def all_state(self, limit: SpecLimit) -> bool:
        """Whether every product of the limit's kind states its spec as a number: "none has it" is true."""
        of_kind = [product for product in self._products if leaf_role(product) == limit.kind]
        return all(spec_number(product.attributes.get(limit.key)) is not None for product in of_kind)

    def states(self, category: str, attribute: str) -> bool:
        """Whether any product of `category` states `attribute`."""
        return any(attribute in product.attributes for product in self.of_category(category))

    def of_category(self, category: str) -> list[Product]:
        """The catalog's products a category phrase names ('phone': the smartphones, 'laptop bag')."""
        return self._by_category_key.get(category_key(category), [])

    def names_kind(self, word: str) -> bool:
        """Whether a word names a kind the shop sells ('phone', 'laptops'): a shelf below the top level, and
        under one department only (not 'electronic', nor 'accessory', which computers and phones both
        have)."""
        return category_key(word) in self._kind_words

    @cached_property
    def _kind_words(self) -> frozenset[str]:
        tops: dict[str, set[str]] = {}
        for product in self._products:
            for segment in product.category_path[1:]:
                for part in segment.split("&"):
                    if category_key(part):
                        tops.setdefault(category_key(part), set()).add(product.category_path[0])
        # 'accessory' (Computers) also ends 'phone accessory' (Electronics): a word of two departments
        generic = {
            key
            for key, under in tops.items()
            for other, elsewhere in tops.items()
            if other.endswith(f" {key}") and elsewhere - under
        }
        return frozenset(key for key, under in tops.items() if len(under) == 1 and key not in generic)

    def line_kind(self, word: str) -> str | None:
        """The kind most of a product line's models are ('macbook': laptop), for a line said as a device."""
        return self._line_kinds.get(fold(word))

    @cached_property
    def _line_kinds(self) -> dict[str, str]:
        kinds: dict[str, Counter[str]] = {}
        for product in self._products:
            if line_of(product):
                kinds.setdefault(line_of(product), Counter())[leaf_role(product)] += 1
        return {line: counted.most_common(1)[0][0] for line, counted in kinds.items()}

    def holder_for(self, device: str) -> str | None:
        """The kind the shop sells to carry `device` in, named for it ('laptop': laptop bag, 'camera': camera
        bag); None where none is ('phone': its cases are just 'cases')."""
        said = category_key(device)
        holders = [
            key
            for key in self._by_category_key
            if ">" not in key and said in key.split()[:-1] and key.split()[-1] in CONTAINER_WORDS
        ]
        return min(holders, key=len) if holders else None

    @cached_property
    def _by_category_key(self) -> dict[str, list[Product]]:
        """Products under each phrase that names their category path (segments, parts, prefixes)."""
        found: dict[str, list[Product]] = {}
        for product in self._products:
            for key in category_keys(product.category_path):
                found.setdefault(key, []).append(product)
        return found

    def shown_anchors(self, state: ConversationState) -> list[Product]:
        """The main products of the bundles shown last (any a reloaded catalog lacks left out)."""
        ids = [bundle.items[0].product_id for bundle in state.shown if bundle.items]
        return [self.by_id[pid] for pid in ids if pid in self.by_id]

    def devices_named(self, parsed: ParsedMessage, message: str) -> tuple[list[str], list[str]]:
        """The device models and platforms a message names ('iPhone 16 Pro', 'iOS'); a product line alone
        ('iphone') names the one platform its models run."""
        models = [name for name in parsed.models if model_key(name) not in self.platforms]
        platforms = [name for name in parsed.models if model_key(name) in self.platforms]
        for word in re.findall(r"[\w-]+", fold(message)):
            platforms += [p for p in self.line_platforms.get(word, ()) if p not in platforms]
        return models, platforms

    @cached_property
    def line_platforms(self) -> dict[str, tuple[str, ...]]:
        """Product lines whose catalog models all run one platform ('iphone' -> iOS)."""
        platforms: dict[str, set[str]] = {}
        for product in self._products:
            line, runs = line_of(product), product.attributes.get("os")
            if line and isinstance(runs, str):
                platforms.setdefault(line, set()).add(runs)
        return {line: tuple(found) for line, found in platforms.items() if len(found) == 1}

    @cached_property
    def line_brands(self) -> dict[str, str]:
        """Product lines the catalog's models begin with, and their brand ('pixel' -> Google)."""
        lines: dict[str, str] = {}
        for product in self._products:
            line = line_of(product)
            if line and product.brand and fold(product.brand) != line:  # 'galaxy', not 'xiaomi' 15 Ultra
                lines.setdefault(line, product.brand)
        return lines

    def beaten(self, limits: Sequence[SpecLimit], goal: ShoppingGoal) -> bool:
        """Whether any product in stock that the goal's brands allow beats every one of `limits`, at any
        price (the builder says what a budget rules out)."""
        excluded = {fold(brand) for brand in goal.exclude_brands}
        wanted = {fold(brand) for brand in goal.brands}
        return any(
            product.in_stock
            and fold(product.brand or "") not in excluded
            and (not wanted or fold(product.brand or "") in wanted)
            and all(beats(product, limit) for limit in limits)
            for product in self.by_id.values()
        )

    def nearest(self, limits: Sequence[SpecLimit]) -> tuple[SpecLimit, float] | None:
        """How near any product in stock comes to limits on one spec that no product meets, and the limit it
        misses: 'RAM at least 64 GB' (32, the most any has), 'a 17 inch laptop' (at least 17 and under 18:
        16, the biggest); None for limits on several specs."""
        if not limits or len({(limit.kind, limit.key) for limit in limits}) != 1:
            return None
        values = [
            number
            for product in self.by_id.values()
            if product.in_stock and leaf_role(product) == limits[0].kind
            and (number := spec_number(product.attributes.get(limits[0].key))) is not None
        ]  # fmt: skip
        missed = [
            (limit, max(below) if limit.more else min(below))
            for limit in limits
            if (below := [value for value in values if not beats_value(value, limit)])
        ]
        # the side of the window the nearest value lies on ('a 17 inch laptop': below its floor)
        return min(missed, key=lambda found: abs(found[1] - found[0].value)) if missed else None


def model_of(product: Product) -> str:
    """The product's own model, as a key ('' when it names none)."""
    return model_key(str(product.attributes.get("model", "")))


def line_of(product: Product) -> str:
    """The product line its model begins with, folded ('Galaxy A36' -> 'galaxy'; '' when it names none)."""
    words = fold(str(product.attributes.get("model", ""))).split()
    return words[0] if words else ""


def head_noun(kind: str) -> str:
    """A kind's head noun, singular ('coffee machines' -> 'machine'; '' for none)."""
    words = category_key(kind).split()
    return words[-1] if words else ""
