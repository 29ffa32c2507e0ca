"""Needs: a purpose alone names the categories it shops for."""

from __future__ import annotations

import pytest

from pricing.complements.needs import DEMO_NEEDS, categories_for_need, need_named, spec_floors
from retrieval.catalog import demo_catalog_path, load_catalog
from retrieval.filters import category_keys


@pytest.mark.parametrize(
    ("use_case", "first"),
    [
        ("home office", "laptop"),
        ("my Home Office setup", "laptop"),  # case and extra words
        ("working from home", "laptop"),  # the shopper's own word forms: working -> work
        ("work from home", "laptop"),
        ("my boyfriend who runs", "shoe"),
        ("a keen hiker", "shoe"),
        ("travelling", "power bank"),
        ("a gamer", "monitor"),
        ("photographer", "digital camera"),
        ("gaming", "monitor"),
        ("the gym", "dumbbell"),
        ("making coffee at home", "coffee machine"),  # "making coffee" beats nothing; no "home" need
        ("listening to music", "headphone"),  # the longest need wins over "music"
        ("photo", None),  # word families, not prefixes
        ("home", None),
        ("", None),
        (None, None),
    ],
)
def test_categories_for_need(use_case: str | None, first: str | None) -> None:
    found = categories_for_need(use_case)
    assert (found[0] if found else None) == first


def test_the_longest_matching_need_wins() -> None:
    needs = {"music": ("speaker",), "listening to music": ("headphone", "earbud")}
    assert categories_for_need("listening to music on the go", needs) == ("headphone", "earbud")
    assert categories_for_need("music", needs) == ("speaker",)


@pytest.mark.skipif(not demo_catalog_path().exists(), reason="the demo catalog is not written yet")
def test_every_demo_need_names_categories_the_demo_catalog_carries() -> None:
    catalog = load_catalog(demo_catalog_path())
    carried = {key for product in catalog for key in category_keys(product.category_path)}
    missing = {category for categories in DEMO_NEEDS.values() for category in categories} - carried
    assert not missing


def test_need_named_is_the_need_key_a_phrase_names() -> None:
    assert need_named("coffee lover") == "coffee"
    assert need_named("a keen runner") == "running"
    assert need_named("listening to music on the go") == "listening to music"
    assert need_named("my mum") is None
    assert need_named(None) is None


def test_pour_over_is_its_own_need_and_the_longer_name_wins() -> None:
    assert need_named("pour over coffee set") == "pour over coffee"
    assert need_named("I want to get into pour-over") == "pour over"
    assert need_named("a coffee set") == "coffee"
    assert "coffee machine" not in categories_for_need("pour over")


def test_outdoor_needs_take_nothing_from_the_demo_home_lighting_shelf() -> None:
    # the demo's lighting is desk and table lamps: "stuff for a camping trip" had shown a monitor light bar
    for use_case in ("camping trip", "hiking", "a long flight", "travelling"):
        assert "lighting" not in categories_for_need(use_case)
    assert categories_for_need("camping") == ("power bank", "water bottle", "speaker")


def test_what_a_purpose_needs_of_a_kinds_numbers() -> None:
    assert spec_floors("video editing", "laptop") == {"ram_gb": 16}
    assert spec_floors("editing videos for youtube", "laptop") == {"ram_gb": 16}  # word forms count
    assert spec_floors("gaming", "monitor") == {"refresh_hz": 120}
    assert spec_floors("video editing", "mouse") == {}  # nothing asked of a mouse
    assert spec_floors("school", "laptop") == {} and spec_floors(None, "laptop") == {}
