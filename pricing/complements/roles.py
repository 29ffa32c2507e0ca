"""Roles: the category phrase a product plays in a bundle ("smartphone", "case", "memory card").

A role is a normalised category phrase (`retrieval.text.category_key`), so the same string names a graph node,
a basket-rule category and a search filter (`SearchFilters(categories=(role,))`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import lru_cache

from pricing.complements.model import ComplementModel
from retrieval.catalog.schema import CATEGORY_SEPARATOR, Product
from retrieval.text import category_key


def leaf_role(product: Product) -> str:
    """The product's most specific category phrase; its own id when it has no category."""
    return leaf_phrase(product.category) or f"item:{product.id}"


def is_named_kind(product: Product, categories: Collection[str]) -> bool:
    """True when one of the named categories (category keys) is the product's own kind: its leaf phrase or
    that phrase's head noun ("camera" for Digital Cameras), not a department above it (Cameras over Lenses,
    Memory Cards and Camera Bags)."""
    leaf = leaf_role(product)
    return leaf in categories or leaf.rsplit(" ", 1)[-1] in categories


def leaf_phrase(category: str | None) -> str | None:
    """The most specific phrase of a category path ('Electronics > Laptops' -> 'laptop'); None if empty."""
    phrases = _phrases(category)
    return phrases[0] if phrases else None


def category_phrases(product: Product) -> tuple[str, ...]:
    """Phrases naming the category, most specific first: leaf segment, its '&' parts, then parents."""
    return _phrases(product.category)


@lru_cache(maxsize=8192)
def _phrases(category: str | None) -> tuple[str, ...]:
    """Cached per category path: normalising text is the costliest step of building a bundle."""
    phrases: list[str] = []
    for segment in reversed(category.split(CATEGORY_SEPARATOR) if category else []):
        for phrase in (segment, *segment.split("&")):
            key = category_key(phrase) if phrase.strip() else ""
            if key and key not in phrases:
                phrases.append(key)
    return tuple(phrases)


REQUIRES_ATTRIBUTE = "requires"  # category phrases a product is unusable without ("Body Only" -> ["lens"])


def required_roles(product: Product) -> tuple[str, ...]:
    """The category phrases the product needs one of its bundle to hold, from its `requires` attribute
    (a string or a list): a camera sold as a body alone takes no photo without a lens."""
    value = product.attributes.get(REQUIRES_ATTRIBUTE)
    listed = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    return tuple(dict.fromkeys(category_key(str(item)) for item in listed if str(item).strip()))


def role_in(product: Product, roles: Collection[str]) -> str | None:
    """The most specific of the product's category phrases that is one of `roles`, if any."""
    for phrase in category_phrases(product):
        if phrase in roles:
            return phrase
    return None


def are_substitutes(first: Product, second: Product) -> bool:
    """Same product, or the same leaf category: a shopper buys one of them, never both in one bundle."""
    return first.id == second.id or leaf_role(first) == leaf_role(second)


def bundle_roles(
    anchors: Sequence[Product],
    complements: ComplementModel,
    *,
    around: int,
    of_request: Sequence[Product] = (),
) -> list[str]:
    """The roles a bundle may fill, without repeats: the learned complement roles of the `around` most
    relevant `anchors`, then the categories of `of_request`, the request's own results.

    A request whose results span categories ("camping gear", "photography accessories") asks for those
    categories too, even where no co-purchase links them to the anchor. On real BundleRec bundles they raised
    the share of each real bundle's categories recovered by a sixth to a quarter (validation split of the
    fit bundles, `eval bundles`). A caller that searched one named category passes no `of_request`: the
    shopper asked for one of those, not for several kinds of it.
    """
    roles: list[str] = []
    for anchor in anchors[:around]:
        roles.extend(role for role in complements.roles_for(anchor) if role not in roles)
    for product in of_request:
        role = leaf_role(product)
        if role not in roles:
            roles.append(role)
    return roles
