"""Complementarity: curated graph, basket association rules, compatibility rules, substitutes."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from assistant.errors import ConfigurationError
from assistant.settings import BundleSettings
from pricing.complements import (
    BasketComplementModel,
    CompatibilityChecker,
    CoOccurrence,
    GraphComplementModel,
    are_substitutes,
    complement_model,
)
from retrieval.catalog import demo_catalog_path, load_catalog
from retrieval.catalog.schema import Product
from tests.conftest import shared_data


@pytest.fixture(scope="module")
def demo() -> dict[str, Product]:
    return {product.title: product for product in load_catalog(demo_catalog_path())}


def _titled(demo: dict[str, Product], fragment: str) -> Product:
    return next(product for title, product in demo.items() if fragment in title)


def test_modules_stay_pure() -> None:
    """pricing/ must not pull in torch or faiss (checked in a fresh interpreter: other tests load them)."""
    code = (
        "import sys, pricing.bundles, pricing.complements\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'faiss', 'httpx', 'requests'}))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert output.stdout.strip() == "[]"


def test_graph_roles_follow_the_demo_catalog(demo: dict[str, Product]) -> None:
    graph = GraphComplementModel()
    phone = _titled(demo, "iPhone 16 128GB")
    assert graph.roles_for(phone)[:3] == ["case", "screen protector", "charger"]
    assert graph.score(phone, _titled(demo, "Silicone Case")) == 1.0
    cleanser = _titled(demo, "Hydrating Facial Cleanser")
    assert graph.roles_for(cleanser)[:4] == ["toner", "serum essence", "moisturiser", "sunscreen"]
    assert graph.score(phone, cleanser) == 0.0
    assert "coffee bean capsule" in graph.roles_for(_titled(demo, "Vertuo Next"))


def test_a_reverse_edge_never_makes_a_device_an_add_on(demo: dict[str, Product]) -> None:
    """Bose earbuds came with a Galaxy A16 phone and a watch: the reverse of phone -> earbud."""
    graph = GraphComplementModel()
    earbuds = _titled(demo, "QuietComfort Ultra Earbuds")
    assert graph.roles_for(earbuds) == ["cable", "charger"]
    assert graph.score(earbuds, _titled(demo, "iPhone 16 128GB")) > 0  # they still go together
    assert graph.roles_for(_titled(demo, "Pegasus 41"))[:5].count("smartwatch") == 1  # a forward edge
    peers = GraphComplementModel(graph={"shoe": {"sock": 1.0}}, devices=frozenset())
    assert peers.roles_for(
        Product(id="s", title="Sock", price=Decimal(5), currency="USD", category="sock")
    ) == ["shoe"]


def test_compatibility_from_attributes(demo: dict[str, Product]) -> None:
    checker = CompatibilityChecker()
    iphone = _titled(demo, "iPhone 16 128GB")
    assert checker.compatible(iphone, _titled(demo, "iPhone 16 Silicone Case"))
    assert checker.conflict(iphone, _titled(demo, "iPhone 16 Pro Clear Case")) == "fits model"
    camera = _titled(demo, "ZV-E10 II")
    assert checker.compatible(camera, _titled(demo, "SDXC UHS-I Card, 64GB"))
    microsd = next(p for p in demo.values() if p.attributes.get("format") == "microSDXC")
    assert checker.conflict(camera, microsd) == "card format"
    vertuo = _titled(demo, "Vertuo Next")
    assert checker.compatible(vertuo, _titled(demo, "Vertuo Melozio"))
    assert checker.conflict(vertuo, _titled(demo, "Ispirazione Roma")) == "capsule system"
    assert checker.conflict(vertuo, _titled(demo, "Lavazza Super Crema")) == "coffee system"
    grinder = _titled(demo, "Smart Grinder Pro")  # was offered with a capsule machine and a Barista Express
    assert checker.conflict(vertuo, grinder) == "grinder use"
    espresso, kettle = _titled(demo, "Dedica Style"), _titled(demo, "Buono Drip Kettle")
    assert checker.conflict(espresso, kettle) == "brew method"  # was an espresso machine's add-on
    assert checker.compatible(kettle, _titled(demo, "V60 Ceramic Coffee Dripper"))  # pour-over goes together
    frother = _titled(demo, "Aeroccino3")
    assert checker.conflict(espresso, frother) == "milk frother"  # the Dedica has its own
    assert checker.compatible(vertuo, frother)
    assert checker.conflict(_titled(demo, "Barista Express"), grinder) == "grinder use"  # grinds its own
    assert checker.compatible(_titled(demo, "Bambino Plus"), grinder)
    assert checker.conflict(grinder, _titled(demo, "illy Classico Ground")) == "grinder use"
    assert checker.compatible(grinder, _titled(demo, "Lavazza Super Crema"))  # whole beans
    bean_to_cup = _titled(demo, "Magnifica Evo")
    assert checker.conflict(bean_to_cup, _titled(demo, "illy Classico Ground")) == "coffee system"
    assert checker.compatible(bean_to_cup, _titled(demo, "Lavazza Super Crema"))
    glycolic = _titled(demo, "Glycolic Acid 7%")  # came with a 30% AHA + BHA peel for a teenager's skin
    assert checker.conflict(glycolic, _titled(demo, "AHA 30% + BHA 2%")) == "one strong active"
    assert checker.conflict(glycolic, _titled(demo, "Retinol 0.5%")) == "one strong active"
    assert checker.compatible(glycolic, _titled(demo, "Niacinamide 10%"))
    watch = _titled(demo, "Series 10 GPS 46mm")
    assert checker.compatible(watch, _titled(demo, "46mm Sport Band"))
    assert checker.conflict(watch, _titled(demo, "42mm Sport Loop")) == "fits watch"
    pixel, lightning = _titled(demo, "Pixel 9a 128GB"), _titled(demo, "USB-C to Lightning Cable")
    assert (
        checker.conflict(pixel, lightning) == "cable connector"
    )  # both say USB-C; the phone end is Lightning
    assert checker.compatible(pixel, _titled(demo, "USB-A to USB-C Cable"))
    assert checker.compatible(pixel, _titled(demo, "Samsung 5A USB-C to USB-C Cable"))
    charger = next(p for p in demo.values() if p.category.endswith("Chargers"))  # USB-C ports
    assert checker.compatible(charger, lightning)  # its power end is USB-C
    assert checker.conflict(charger, _titled(demo, "USB-A to USB-C Cable")) == "cable connector"
    redmi_case = _titled(demo, "Case for Redmi Note 14 Pro 5G")
    xiaomi_glass = _titled(demo, "Screen Protector for Xiaomi 15")
    assert checker.conflict(redmi_case, xiaomi_glass) == "same device"  # two phones' accessories
    assert checker.compatible(
        _titled(demo, "Thin Fit Case for Pixel 9"), _titled(demo, "Protector for Pixel 9")
    )


def test_pour_over_gear_goes_with_beans_not_capsules_or_a_frother(demo: dict[str, Product]) -> None:
    """'pour over coffee set' came with Vertuo pods beside a hand grinder, and a frother as its anchor."""
    checker = CompatibilityChecker()
    dripper, pods = _titled(demo, "V60 Ceramic Coffee Dripper"), _titled(demo, "Vertuo Melozio")
    hand_grinder, frother = _titled(demo, "Skerton Pro"), _titled(demo, "Aeroccino3")
    assert checker.conflict(dripper, pods) == "brew method"
    assert checker.conflict(hand_grinder, pods) == "grinder use"
    assert checker.conflict(frother, dripper) == "brew method"
    assert checker.conflict(frother, hand_grinder) == "milk frother"
    assert checker.compatible(dripper, _titled(demo, "Peet's Coffee Major Dickason's"))
    assert checker.compatible(hand_grinder, _titled(demo, "Peet's Coffee Major Dickason's"))


def test_a_wireless_charger_charges_only_what_charges_wirelessly(demo: dict[str, Product]) -> None:
    checker = CompatibilityChecker()
    puck = _titled(demo, "MagSafe Charger")
    assert checker.conflict(puck, _titled(demo, "MacBook Air 13-inch")) == "wireless charging"
    plain_airpods = demo["Apple AirPods 4"]  # its case charges by cable only
    assert checker.conflict(puck, plain_airpods) == "wireless charging"
    assert checker.compatible(puck, _titled(demo, "iPhone 16 128GB"))
    assert checker.conflict(puck, _titled(demo, "Series 10 GPS 46mm")) == "wireless charging"  # no port
    assert checker.compatible(puck, _titled(demo, "AirPods Pro 2"))
    assert checker.compatible(puck, _titled(demo, "Apple 20W USB-C"))  # the adapter that powers it
    laptop_charger = _titled(demo, "Apple 70W USB-C")
    assert checker.compatible(laptop_charger, _titled(demo, "MacBook Air 13-inch"))  # wired: no constraint


def test_clothes_for_one_wearer(demo: dict[str, Product]) -> None:
    checker = CompatibilityChecker()
    womens_shoes, mens_tee = _titled(demo, "Vomero 18"), _titled(demo, "Own the Run Tee")
    assert checker.conflict(womens_shoes, mens_tee) == "same wearer"
    assert checker.compatible(womens_shoes, _titled(demo, "Swiftly Tech"))
    unisex = next(p for p in demo.values() if p.attributes.get("gender") == "unisex")
    assert checker.compatible(unisex, mens_tee) and checker.compatible(womens_shoes, unisex)


def test_no_attribute_no_constraint() -> None:
    bare = Product(id="a", title="a", price=Decimal(1), currency="USD")
    case = Product(
        id="b", title="b", price=Decimal(1), currency="USD", attributes={"compatible_models": ["X"]}
    )
    assert CompatibilityChecker().compatible(bare, case)


def test_substitutes_share_a_leaf_category(demo: dict[str, Product]) -> None:
    assert are_substitutes(_titled(demo, "iPhone 16 128GB"), _titled(demo, "Pixel 9"))
    assert not are_substitutes(_titled(demo, "iPhone 16 128GB"), _titled(demo, "iPhone 16 Silicone Case"))


def test_association_rule_measures() -> None:
    baskets = [["a", "b"], ["a", "b"], ["a", "c"], ["c"], ["b", "c"]]
    rule = CoOccurrence(baskets).rule("a", "b")
    assert rule is not None
    assert rule.support == pytest.approx(2 / 5)
    assert rule.confidence == pytest.approx(2 / 3)
    assert rule.lift == pytest.approx((2 / 3) / (3 / 5))
    assert CoOccurrence(baskets).rule("a", "c") is None  # seen once: below min_pair_count


def test_groceries_rule_matches_the_arules_reference() -> None:
    path = shared_data("groceries_arules", "groceries.csv")
    baskets = [line.split(",") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rule = CoOccurrence(baskets).rule("root vegetables", "other vegetables")
    assert rule is not None
    assert rule.support == pytest.approx(0.0474, abs=1e-4)
    assert rule.confidence == pytest.approx(0.4347, abs=1e-4)
    assert rule.lift == pytest.approx(2.2466, abs=1e-4)


def test_basket_model_scores_items_and_categories() -> None:
    def item(ident: str, category: str) -> Product:
        return Product(id=ident, title=ident, price=Decimal(1), currency="USD", category=category)

    products = {
        p.id: p
        for p in [
            item("p1", "A > Phones"),
            item("c1", "A > Cases"),
            item("c2", "A > Cases"),
            item("x", "B > Socks"),
            item("y", "B > Pans"),
        ]
    }
    baskets = [["p1", "c1"], ["p1", "c1"], ["p1", "c2"], ["x"], ["y"], ["x", "y"]]
    model = BasketComplementModel(baskets, products, min_item_pair_count=2, min_category_pair_count=2)
    assert model.roles_for(products["p1"]) == ["case"]
    assert model.items.strength("p1", "c1") > 0 == model.items.strength("p1", "c2")  # c2 seen once only
    assert model.score(products["p1"], products["c2"]) > 0  # its category still goes with phones
    assert model.score(products["p1"], products["x"]) == 0.0


def test_factory_prefers_baskets_when_the_shop_has_them() -> None:
    product = Product(id="a", title="a", price=Decimal(1), currency="USD", category="X")
    assert isinstance(complement_model(BundleSettings()), GraphComplementModel)
    chosen = complement_model(BundleSettings(), baskets=[["a"]], products={"a": product})
    assert isinstance(chosen, BasketComplementModel)
    assert isinstance(
        complement_model(BundleSettings(complement_source="graph"), baskets=[["a"]], products={"a": product}),
        GraphComplementModel,
    )
    with pytest.raises(ConfigurationError):
        complement_model(BundleSettings(complement_source="baskets"))


def test_the_checker_says_which_pairs_it_can_judge(demo: dict[str, Product]) -> None:
    """A tripod and a phone state nothing of each other, so 'compatible' says nothing of them either."""
    checker = CompatibilityChecker()
    phone, tripod = _titled(demo, "iPhone 16 128GB"), _titled(demo, "PIXI Mini Tripod")
    charger = _titled(demo, "Nano Charger")
    assert not checker.judges(tripod, phone) and checker.compatible(tripod, phone)
    assert checker.judges(charger, phone) and checker.judges(phone, charger)
