"""Catalog vocabulary: canonical category and brand names for what shoppers type."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.intent.vocabulary import SlotVocabulary, _unless_modifier, kind_on_shelf, short_model_names
from retrieval.catalog.schema import Catalog
from tests.retrieval.factories import product, small_catalog


@pytest.fixture(scope="module")
def vocabulary() -> SlotVocabulary:
    return SlotVocabulary.from_catalog(small_catalog())


def test_categories_come_from_every_segment_of_the_paths(vocabulary: SlotVocabulary) -> None:
    categories = vocabulary.categories
    for name in (
        "phone",
        "smartphone",
        "case",
        "charger",
        "sunscreen",
        "skincare",
        "serum",
        "coffee machine",
    ):
        assert name in categories
    assert categories == sorted(categories)
    assert all(">" not in name for name in categories)  # path prefixes are not category names
    assert all(name == name.lower() for name in categories)


def test_brands_are_the_catalog_spellings(vocabulary: SlotVocabulary) -> None:
    assert vocabulary.brands == [
        "Anker", "Apple", "Estée Lauder", "Google", "La Roche-Posay", "Nespresso", "Samsung", "Spigen",
        "Tomtoc", "Xiaomi",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("phone", "phone"),
        ("phones", "phone"),
        ("Phones", "phone"),
        ("a new phone", "phone"),
        ("cellphone", "phone"),
        ("smartphones", "smartphone"),
        ("手机", "phone"),
        ("cases", "case"),
        ("phone case", "case"),
        ("护肤品", "skincare"),
        ("skin care", "skincare"),
        ("skincare set", "skincare"),
        ("sunblock", "sunscreen"),
        ("防晒霜", "sunscreen"),
        ("coffee machines", "coffee machine"),
        ("coffe machine", "coffee machine"),  # typo, by spelling similarity
        ("pods", "capsule"),  # "a coffee machine and some pods"
        ("coffee pods", "capsule"),
        ("books", "book"),  # not carried: kept, cleaned
        ("noise cancelling phones", "phone"),  # the head noun names the category
        ("protective cover", "case"),  # ... or an alias of one
        ("heavy duty phone case", "case"),
        ("wireless book", "book"),  # not carried either way: named by its head noun
        ("office calendars", "calendar"),
        ("accessories", ""),  # a generic word names no kind of product
        ("配件", ""),
        ("--", ""),  # nor do dashes ("a -- mouse" had got "We don't carry -s")
        ("phone accessories", "phone"),  # ... but what it is for does
        ("降噪耳机", "earbud"),  # Chinese puts the head noun last too (耳机)
        ("护肤品", "skincare"),
        ("  Books! ", "book"),
    ],
)
def test_category(vocabulary: SlotVocabulary, text: str, canonical: str) -> None:
    assert vocabulary.category(text) == canonical


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("estee lauder", "Estée Lauder"),
        ("Estée Lauder", "Estée Lauder"),
        ("雅诗兰黛", "Estée Lauder"),
        ("samsnug", "Samsung"),
        ("galaxy", "Samsung"),
        ("三星", "Samsung"),
        ("APPLE", "Apple"),
        ("iphone", "Apple"),
        ("苹果", "Apple"),
        ("Aple", "Apple"),
        ("la roche", "La Roche-Posay"),
        ("la roche posay", "La Roche-Posay"),
        ("理肤泉", "La Roche-Posay"),
        ("xiaomi ", "Xiaomi"),
        ("pixel", "Google"),
        ("Nokia", "Nokia"),  # not carried: kept as typed
        ("Banker", "Banker"),  # close to Anker by spelling, but a typo keeps the first letter
        ("ankr", "Anker"),
        ("  Nokia  ", "Nokia"),
    ],
)
def test_brand(vocabulary: SlotVocabulary, text: str, canonical: str) -> None:
    assert vocabulary.brand(text) == canonical


def test_no_embedder_means_no_semantic_match(vocabulary: SlotVocabulary) -> None:
    assert vocabulary.category("cellular telephone") == "telephone"  # not carried: its head noun


class _CountingEmbedder:
    """Stands in for an embedder; only counts calls (never asked for anything it cannot answer)."""

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: list[str]) -> Any:
        self.calls += 1
        raise AssertionError(f"embedder should not be needed for {texts!r}")


def test_exact_and_alias_matches_never_call_the_embedder() -> None:
    embedder = _CountingEmbedder()
    vocabulary = SlotVocabulary.from_catalog(small_catalog(), embedder=embedder)  # type: ignore[arg-type]
    assert vocabulary.category("phones") == "phone"
    assert vocabulary.category("sunblock") == "sunscreen"
    assert vocabulary.category("护肤品") == "skincare"
    assert embedder.calls == 0


@pytest.mark.integration
def test_category_by_embedding_similarity(minilm: Any) -> None:
    vocabulary = SlotVocabulary.from_catalog(small_catalog(), embedder=minilm)
    assert vocabulary.category("smartphone device") == "smartphone"  # 0.90
    # 0.67: a synonym below the threshold is lost, as the price of not reading earrings as earbuds (0.77)
    assert vocabulary.category("cellular telephone") == "telephone"
    assert vocabulary.category("espresso maker") == "coffee machine"
    assert vocabulary.category("books") == "book"  # below the threshold: kept, not forced onto a category


@pytest.mark.integration
def test_a_nearby_category_name_is_not_a_different_kind_of_product(minilm: Any) -> None:
    """At the old threshold (0.6) earrings were earbuds, a beanie coffee beans, a webcam a camera and a
    microphone 'audio': bundles of the wrong thing, where the shop should say it doesn't sell them."""
    from retrieval.catalog import demo_catalog_path, load_catalog

    vocabulary = SlotVocabulary.from_catalog(load_catalog(demo_catalog_path()), embedder=minilm)
    for text, kept in [("earrings", "earring"), ("beanie", "beanie"), ("webcam", "webcam"),
                       ("microphone", "microphone"), ("kettlebell", "kettlebell")]:  # fmt: skip
        assert vocabulary.category(text) == kept
    assert vocabulary.category("backpack") == "laptop bag"  # where the shop files its backpacks
    assert vocabulary.category("light") == "lighting"  # still by similarity, above the threshold
    # similar, but the match is what the phrase says about its head noun: not a sleeve, mouse or laptop
    for text, kept in [("long sleeve top", "top"), ("mousepad", "mousepad"), ("mouse pad", "pad"),
                       ("laptop stand", "stand")]:  # fmt: skip
        assert vocabulary.category(text) == kept


@pytest.mark.parametrize(
    ("key", "match", "kept"),
    [
        ("long sleeve top", "sleeve", None), ("laptop stand", "laptop", None), ("mousepad", "mouse", None),
        ("coffee bean grinder", "coffee bean", None), ("espresso maker", "coffee machine", "coffee machine"),
        ("headphones", "headphone", "headphone"), ("smartphone device", "smartphone", "smartphone"),
        ("earphone", "earbud", "earbud"), ("cell", None, None),
    ],
)  # fmt: skip
def test_a_similar_category_that_only_modifies_the_head_noun_is_not_taken(
    key: str, match: str | None, kept: str | None
) -> None:
    assert _unless_modifier(key, match) == kept


def test_a_word_names_the_category_whose_product_titles_end_in_it() -> None:
    bags = "Electronics > Computer Accessories > Laptop Bags & Sleeves"
    rows = [
        product("b1", "Incase Icon Backpack, 16-inch, Black", "169.95", category=bags),
        product("b2", "Peak Design Everyday Backpack 20L V2, Black", "279.95", category=bags),
        product("s1", "La Roche-Posay Anthelios Light Fluid Sunscreen SPF 60", "35",
                category="Beauty > Skincare > Sunscreen"),
    ]  # fmt: skip
    vocabulary = SlotVocabulary.from_catalog(Catalog(tuple(rows), source="titles"))
    assert vocabulary.category("backpacks") == "laptop bag"  # past the model code and size
    assert vocabulary.category("fluid") == "fluid"  # a word in a title, not what the product is


def _device_catalog() -> Catalog:
    phones, watches = "Electronics > Phones > Smartphones", "Electronics > Wearables > Smartwatches"
    rows = [
        product("p1", "Apple iPhone 16 Pro", "999", category=phones,
                attributes={"model": "iPhone 16 Pro", "os": "iOS"}),
        product("p2", "Apple iPhone 16 Pro Max", "1199", category=phones,
                attributes={"model": "iPhone 16 Pro Max"}),
        product("w1", "Apple Watch Series 10 42mm", "399", category=watches,
                attributes={"model": "Apple Watch Series 10 42mm"}),
        product("w2", "Apple Watch Series 10 46mm", "429", category=watches,
                attributes={"model": "Apple Watch Series 10 46mm"}),
        product("c1", "Case for iPhone 15", "20", category="Electronics > Phone Accessories > Cases",
                attributes={"compatible_models": ["iPhone 15", "Android"]}),
    ]  # fmt: skip
    return Catalog(tuple(rows), source="devices")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("a case for my iphone 16 pro max", [(14, ("iPhone 16 Pro Max",))]),  # the longest name wins
        ("a case for my iPhone 16 Pro, black", [(14, ("iPhone 16 Pro",))]),
        (
            "strap for my apple watch series 10",
            [(13, ("Apple Watch Series 10 42mm", "Apple Watch Series 10 46mm"))],
        ),
        ("我的iPhone 15需要手机壳", [(2, ("iPhone 15",))]),
        ("an iphone and a case", []),  # a product line alone is a category, not a model
        ("screen protector for my 16 pro max", [(24, ("iPhone 16 Pro Max",))]),  # the line's name dropped
        ("case for my 16 pro", [(12, ("iPhone 16 Pro",))]),
        ("a 16 inch laptop", []),  # a bare number is no iPhone 16
    ],
)
def test_models_named(text: str, named: list[tuple[int, tuple[str, ...]]]) -> None:
    found = SlotVocabulary.from_catalog(_device_catalog()).models_named(text)
    assert [(model.start, model.names) for model in found] == named


def test_a_model_knows_its_kind_even_when_the_shop_only_sells_accessories_for_it() -> None:
    vocabulary = SlotVocabulary.from_catalog(_device_catalog())
    (sold,) = vocabulary.models_named("iphone 16 pro")
    (fitted_only,) = vocabulary.models_named("iphone 15")  # no iPhone 15 for sale: kind of the other iPhones
    assert sold.kinds[:2] == fitted_only.kinds[:2] == ("smartphone", "phone")
    assert vocabulary.models_named("android")[0].kinds == ()
    assert sold.platforms == ("iOS",) and fitted_only.platforms == ()


def test_a_brand_named_without_its_article_is_still_the_brand() -> None:
    vocabulary = SlotVocabulary(brands=["The Ordinary", "Clinique"], categories=["serum"])
    assert vocabulary.brand("ordinary") == vocabulary.brand("the ordinary") == "The Ordinary"
    assert vocabulary.brand("extraordinary") == "extraordinary"  # no partial matches


def test_a_product_line_names_its_brand(vocabulary: SlotVocabulary) -> None:
    assert vocabulary.line_brand("iPhones") == vocabulary.line_brand("iphone") == "Apple"
    assert vocabulary.line_brand("galaxy") == "Samsung"
    assert vocabulary.line_brand("phone") is None and vocabulary.line_brand("lauder") is None
    assert SlotVocabulary(brands=[], categories=[]).line_brand("iphone") is None  # no Apple in the shop
    # "what about a mac?": a nickname of the MacBook line, though no brand alias (MAC sells lipstick)
    assert vocabulary.line_brand("mac") == vocabulary.line_brand("Macs") == "Apple"
    assert vocabulary.category("mac") == "laptop" and vocabulary.brand("mac") != "Apple"


def test_a_product_line_names_its_kind_and_the_platform_its_models_share() -> None:
    vocabulary = SlotVocabulary.from_catalog(_device_catalog())
    assert vocabulary.line_kind("iPhones") == vocabulary.line_kind("iphone 16") == "smartphone"
    assert vocabulary.line_platforms("iphone") == ("iOS",)  # 'earbuds for my iphone' must work with iOS
    assert vocabulary.line_kind("android") is None and vocabulary.line_platforms("phone") == ()


def test_short_model_names_are_what_shoppers_drop_the_line_name_to() -> None:
    keys = ["galaxy s25 ultra", "galaxy s25", "galaxy a16 5g", "ipad a16", "ipad air 11 inch m3"]
    keys += ["alpha 7 iv", "alpha 6700", "eos r50", "eos r8", "iphone 16", "iphone 16 pro"]
    short = short_model_names(keys)
    assert short["s25 ultra"] == "galaxy s25 ultra" and short["s25"] == "galaxy s25"
    assert short["r50"] == "eos r50"
    assert short["a7 iv"] == short["a7iv"] == short["7 iv"] == "alpha 7 iv"  # every Alpha is numbered
    assert short["a6700"] == "alpha 6700"
    assert "a16" not in short  # the iPad A16 would take the Galaxy A16 5G's name
    assert "16" not in short and short["16 pro"] == "iphone 16 pro"  # a number alone is no model
    assert "i16" in short  # iPhones are all numbered
    assert "g25" not in short and "e50" not in short  # Galaxy and EOS models start with letters


def test_a_described_kind_is_found_by_its_head_where_the_shop_files_it(minilm: Any) -> None:
    """'gooseneck kettle' had been 'kettle', a kind the shop does not know ("we don't carry kettles"), while
    'kettle' alone found the Mugs & Accessories shelf its kettles are filed on."""
    from retrieval.catalog import demo_catalog_path, load_catalog

    vocabulary = SlotVocabulary.from_catalog(load_catalog(demo_catalog_path()), embedder=minilm)
    assert vocabulary.category("gooseneck kettle") == vocabulary.category("kettle") == "mug"
    # a head the shop's own category names use is a kind of its own: a sleeping bag is no laptop bag
    assert vocabulary.category("sleeping bag") == "bag"


def test_a_brand_of_several_words_the_shop_lacks_is_read_whole_however_it_is_typed() -> None:
    """'the north face' had been the colour 'north' and 'under armour' the feature 'armour', so a reply could
    not say which brand the shop does not carry."""
    vocabulary = SlotVocabulary(brands=["Nike", "Hydro Flask"], categories=["shoe"])
    text = "new balance or the north face, not bang and olufsen, burts bees, hydro flask"
    assert [(text[start:end], name) for start, end, name in vocabulary.whole_brands(text)] == [
        ("new balance", "New Balance"),
        ("the north face", "The North Face"),
        ("bang and olufsen", "Bang & Olufsen"),
        ("burts bees", "Burt's Bees"),
    ]  # a catalog's own brand is left to the tagger
    assert (
        vocabulary.brand("north face") == "The North Face" and vocabulary.brand("DR MARTENS") == "Dr. Martens"
    )
    assert vocabulary.whole_brands("a phone with good balance, under 500") == []
    carried = SlotVocabulary(
        brands=["New Balance"], categories=["shoe"]
    )  # a shop that carries it reads it itself
    assert carried.whole_brands("new balance shoes") == [] and carried.brand("new balance") == "New Balance"


def test_a_line_names_a_kind_only_where_titles_say_them_together() -> None:
    """'[galaxy] [buds]' are Samsung's earbuds; an 'iphone case' is a case for an iPhone."""
    from assistant.components import open_catalog
    from assistant.settings import Settings

    demo = SlotVocabulary.from_catalog(open_catalog(Settings()))
    assert demo.titles_line_of("galaxy", "buds") and demo.titles_line_of("Pixel", "Buds")
    assert not demo.titles_line_of("iphone", "case") and not demo.titles_line_of("galaxy", "case")


def test_a_model_code_alone_names_its_model_and_a_line_alone_none() -> None:
    from assistant.components import open_catalog
    from assistant.settings import Settings

    demo = SlotVocabulary.from_catalog(open_catalog(Settings()))
    (rx100,) = demo.models_named("a lens for my rx100")
    assert [model.name for model in rx100.models] == ["RX100 VII"]
    assert demo.models_named("a case for my galaxy") == []


def test_title_kinds_are_what_titles_call_products_beyond_the_category_names() -> None:
    """The mug shelf ('Mugs & Accessories') holds kettles, a dripper and a frother: the tracker needs
    those words to tell 'the kettle' from the mug; a category name or alias ('mug', 'earphone') is none."""
    shelf = "Home & Kitchen > Coffee > Mugs & Accessories"
    rows = [
        product("k", "Hario V60 Buono Drip Kettle, 1.2 L", "45", category=shelf),
        product("d", "Hario V60 Ceramic Coffee Dripper, Size 02", "25", category=shelf),
        product("f", "Nespresso Aeroccino3 Milk Frother, Black", "99", category=shelf),
        product("m", "Le Creuset Stoneware Mug, 350ml", "30", category=shelf),
        product("e", "Sony WF-C700N Wireless Earphones", "99", category="Electronics > Audio > Earbuds"),
    ]
    kinds = SlotVocabulary.from_catalog(Catalog(rows)).title_kinds()
    assert kinds == {"kettle", "dripper", "frother"}


@pytest.mark.parametrize(
    ("role", "title", "category", "named"),
    [
        (
            "mug accessory",
            "Nespresso Aeroccino3 Milk Frother, Black",
            "Coffee > Mugs & Accessories",
            "frother",
        ),
        ("mug accessory", "Le Creuset Stoneware Mug, 350ml", "Coffee > Mugs & Accessories", "mug"),
        (
            "coffee bean capsule",
            "Lavazza Whole Bean Coffee, 1 kg",
            "Coffee > Coffee Beans & Capsules",
            "coffee",
        ),
        (
            "laptop bag sleeve",
            "Lenovo Essential 16-inch Backpack (Eco)",
            "Computers > Laptop Bags & Sleeves",
            "backpack",
        ),
        ("tripod", "Manfrotto PIXI Mini Tripod", "Cameras > Tripods", "tripod"),  # a shelf of one kind
    ],
)
def test_an_item_on_a_shelf_of_several_kinds_is_named_as_what_it_is(
    role: str, title: str, category: str, named: str
) -> None:
    """Explanations had said 'covers the mug accessory', 'adds the coffee bean capsule', 'an eco'."""
    assert kind_on_shelf(role, title, category) == named
