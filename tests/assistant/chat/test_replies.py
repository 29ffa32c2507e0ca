"""Reply wording per locale: the words around the facts, never the facts themselves."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from assistant.chat.replies import ChineseReplies, EnglishReplies, for_locale
from assistant.chat.specs import spec_differences
from assistant.chat.types import BundleView, ItemView
from assistant.dialogue.state import ShoppingGoal, ShownBundle, ShownItem, SpecLimit, TurnAction
from retrieval.catalog.schema import Product


def test_the_locale_picks_the_language() -> None:
    assert isinstance(for_locale("zh-CN"), ChineseReplies)
    assert type(for_locale("en-GB")) is EnglishReplies


def test_a_chinese_reply_names_categories_in_chinese_where_the_lexicon_can() -> None:
    reply = ChineseReplies().category_not_carried(["phone", "running shoes", "zither"], [])
    assert "手机" in reply and "跑鞋" in reply and "phone" not in reply
    assert "zither" in reply  # no Chinese word known: the name stays, rather than vanish


def test_currency_not_used_names_both_currencies() -> None:
    for words in (EnglishReplies(), ChineseReplies()):
        reply = words.currency_not_used("CNY", ["USD"])
        assert "CNY" in reply and "USD" in reply
        shown = words.currency_not_used("CNY", ["USD"], shown=True)  # bundles at any price follow
        assert "CNY" in shown and "USD" in shown and shown != reply


def test_accessories_for_an_owned_device_are_announced_as_such() -> None:
    offer = ShoppingGoal(owned=["camera"], budget_max=Decimal("200"), currency="USD")
    reply = EnglishReplies().offer([], offer, TurnAction(kind="build"), notes=[])
    assert reply.startswith("Here are accessories for your camera within $200")
    bought = ShoppingGoal(categories=["camera bag"], owned=["camera"])
    assert (
        EnglishReplies()
        .offer([], bought, TurnAction(kind="build"), notes=[])
        .startswith("Here are camera bag bundles")
    )


def test_a_shop_policy_question_is_told_where_the_answer_is() -> None:
    for words, policy, other in (
        (EnglishReplies(), "do you ship to norway?", "what's the weather"),
        (ChineseReplies(), "退货怎么办", "今天天气怎么样"),
    ):
        assert words.out_of_scope(policy) != words.out_of_scope(other) == words.out_of_scope()
    assert "shipping" in EnglishReplies().out_of_scope("Can I pay with PayPal?")


def test_the_device_is_called_what_its_models_share() -> None:
    watch = ShoppingGoal(
        owned=["smartwatch"], fits=["Apple Watch Series 10 42mm", "Apple Watch Series 10 46mm"]
    )
    assert (
        EnglishReplies()
        .offer([], watch, TurnAction(kind="build"), notes=[])
        .startswith("Here are accessories for your Apple Watch Series 10:")
    )
    phone = ShoppingGoal(categories=["case"], owned=["smartphone"], fits=["iPhone 16 Pro", "iOS"])
    assert "case bundles for your iPhone 16 Pro:" in EnglishReplies().offer(
        [], phone, TurnAction(kind="build"), notes=[]
    )


def test_a_chinese_offer_names_the_shoppers_device() -> None:
    goal = ShoppingGoal(categories=["case"], owned=["smartphone"], fits=["iPhone 16", "iOS"])
    assert (
        ChineseReplies().offer([], goal, TurnAction(kind="build"), notes=[]).startswith("为你的iPhone 16搭配")
    )
    assert (
        ChineseReplies().offer([], ShoppingGoal(), TurnAction(kind="build"), notes=[]).startswith("为你搭配")
    )


def _priced(currency: str) -> BundleView:
    return BundleView(
        bundle_id="b",
        label="value",
        items=(),
        list_price=Decimal("120"),
        bundle_price=Decimal("110"),
        savings=Decimal("10"),
        currency=currency,
        explanation="",
        quote_id="q",
        valid_until=datetime(2030, 1, 1, tzinfo=UTC),
    )


def test_a_budget_that_names_no_currency_is_read_in_the_shops_and_a_chinese_reply_says_so() -> None:
    build = TurnAction(kind="build")
    bare = ShoppingGoal(categories=["smartphone"], budget_max=Decimal("3000"))
    chinese = ChineseReplies().offer([_priced("USD")], bare, build, notes=[])
    assert "预算$3000以内，按USD计" in chinese and "3000元以内" in chinese  # how to say yuan instead
    dollars = bare.model_copy(update={"currency": "USD"})
    assert "（预算$3000以内）" in ChineseReplies().offer([_priced("USD")], dollars, build, notes=[])
    english = EnglishReplies().offer([_priced("EUR")], bare, build, notes=[])
    assert english.startswith("Here are smartphone bundles within €3000:")  # was dollars in any shop


def _earbuds(pid: str, price: str, **attributes: object) -> Product:
    return Product(
        id=pid,
        title=f"Apple {pid}",
        brand="Apple",
        price=Decimal(price),
        currency="USD",
        attributes=attributes,
    )


def test_spec_differences_are_catalog_values_both_state_and_do_not_share() -> None:
    pro = _earbuds("AirPods Pro 2", "249.00", anc=True, battery_h=6, connector="USB-C", compatible_os=["iOS"])
    four = _earbuds("AirPods 4", "129.00", anc=False, battery_h=5, connector="USB-C", compatible_os=["iOS"])
    assert spec_differences([pro, four]) == [("noise cancelling", ["yes", "no"]), ("battery", ["6 h", "5 h"])]
    assert spec_differences([pro]) == []
    assert spec_differences([pro, _earbuds("Other", "9.00", colour="red")]) == []  # nothing stated by both


def test_a_comparison_of_named_products_gives_each_price_as_offered_and_their_differences() -> None:
    pro = _earbuds("AirPods Pro 2", "249.00", anc=True, battery_h=6)
    four = _earbuds("AirPods 4", "129.00", anc=False, battery_h=5)
    offers = [_offer(pro, "239.00"), _offer(four, "129.00")]  # the engine's price, not the catalog's
    text = EnglishReplies().compare_products(offers, [pro, four])
    assert text.startswith("The Apple AirPods Pro 2 is $239; the Apple AirPods 4 is $129.")
    assert "noise cancelling: yes vs no; battery: 6 h vs 5 h" in text
    assert "主动降噪：是 / 否" in ChineseReplies().compare_products(offers, [pro, four])


def _offer(product: Product, price: str) -> BundleView:
    item = ItemView(product.id, product.title, product.brand, product.category, product.price)
    return BundleView(
        bundle_id=f"b_{product.id}",
        label="value",
        items=(item,),
        list_price=product.price,
        bundle_price=Decimal(price),
        savings=product.price - Decimal(price),
        currency="USD",
        explanation="",
        quote_id="q",
        valid_until=datetime(2026, 1, 1, tzinfo=UTC),
    )


def test_comparing_shown_bundles_counts_their_items_in_plain_english() -> None:
    def shown(label: str, roles: list[str], price: str) -> ShownBundle:
        items = [ShownItem(product_id=role, title=role, role=role) for role in roles]
        price_ = Decimal(price)
        return ShownBundle(bundle_id=label, label=label, items=items, bundle_price=price_, currency="USD")

    text = EnglishReplies().compare(
        [shown("value", ["anchor"], "99.99"), shown("premium", ["anchor", "cable", "charger"], "132.97")]
    )
    assert text.startswith("value: 1 item (") and "premium: 3 items (" in text  # was "1 items"
    assert "$99.99" in text and "$132.97" in text and "The value one costs least." in text
    paired = EnglishReplies().compare(
        [shown("value", ["anchor", "earbud"], "9"), shown("premium", ["anchor"], "8")]
    )
    assert "(anchor, earbuds)" in paired  # said in pairs: not "earbud"


def test_explaining_a_bundle_says_what_it_costs_and_saves_as_quoted() -> None:
    items = [ShownItem(product_id="c", title="CeraVe Cleanser", role="anchor")]
    items.append(ShownItem(product_id="s", title="Sunscreen", role="sunscreen"))
    bundle = ShownBundle(
        bundle_id="b",
        label="value",
        items=items,
        bundle_price=Decimal("81.99"),
        list_price=Decimal("84.97"),
        currency="USD",
    )
    goal = ShoppingGoal()
    english = EnglishReplies().explain([bundle], goal)
    assert english.endswith("It's $81.99 for everything, $2.98 less than buying the items alone.")
    assert "CeraVe Cleanser, with a sunscreen that goes with it." in english  # not "with sunscreen that go"
    more = [*items, ShownItem(product_id="e", title="Buds", role="earbud")]
    listed = EnglishReplies().explain([bundle.model_copy(update={"items": more})], goal)
    assert "with a sunscreen and earbuds that go with it." in listed
    # the main item's name up to its details, then the purpose; 'a usb c hub', not 'an usb c hub'
    laptop = [
        ShownItem(product_id="l", title="Lenovo IdeaPad Slim 3 15, 8GB, 512GB SSD", role="anchor"),
        ShownItem(product_id="h", title="Anker 341 USB-C Hub", role="usb c hub"),
    ]
    college = EnglishReplies().explain(
        [bundle.model_copy(update={"items": laptop})], ShoppingGoal(use_case="college")
    )
    assert "built around the Lenovo IdeaPad Slim 3 15 for college, with a usb c hub that goes" in college
    chinese = ChineseReplies().explain([bundle], goal)
    # it was in English
    assert chinese == "实惠款套装以CeraVe Cleanser为主，搭配防晒。整套$81.99，比单独购买省$2.98。"
    unsaved = bundle.model_copy(update={"list_price": None})  # a state saved before list prices were kept
    assert EnglishReplies().explain([unsaved], goal).endswith("It's $81.99 for everything.")
    undiscounted = bundle.model_copy(update={"list_price": Decimal("81.99")})  # "how much do I save?"
    assert (
        EnglishReplies()
        .explain([undiscounted], goal)
        .endswith(
            "It's $81.99 for everything, the same as buying the items alone: this one has no bundle discount."
        )
    )
    assert (
        ChineseReplies().explain([undiscounted], goal).endswith("整套$81.99，和单独购买一样，这套没有折扣。")
    )


def test_what_the_shop_does_not_carry_is_named_in_the_plural() -> None:
    reply = EnglishReplies().category_not_carried(["earring", "box", "battery", "socks"], ["Audio"])
    assert reply.startswith("Sorry, we don't carry earrings or boxes or batteries or socks.")  # was "earring"
    assert EnglishReplies().some_not_carried(["sock"]) == "We don't carry socks, so these are without them."
    assert EnglishReplies().left_out(["monitor"], Decimal(700), "USD") == (
        "No bundle within $700 has room for a monitor too, so these have none."
    )
    assert EnglishReplies().left_out(["coffee grinder"], None, "USD") == (
        "No coffee grinder we have goes with these, so they have none."
    )
    assert ChineseReplies().left_out(["monitor"], Decimal(700), "USD").startswith("预算$700以内放不下")
    lacking = EnglishReplies().features_lacking(["gaming"], "computer mouse")
    assert lacking == "None of our computer mice is described as gaming, so these are the closest."


def test_thanks_and_goodbyes_are_not_answered_with_a_hello() -> None:
    """'thanks!' after choosing a bundle got "Hi! Tell me what you're shopping for"."""
    english, chinese = EnglishReplies(), ChineseReplies()
    assert english.greeting("thanks so much!").startswith("You're welcome")
    assert english.greeting("ok that's all, bye").startswith("Bye")
    assert english.greeting("hello there").startswith("Hi")
    assert chinese.greeting("太感谢了").startswith("不客气") and chinese.greeting("拜拜").startswith("再见")
    assert chinese.greeting("你好").startswith("你好")


def test_an_addition_that_fits_none_lists_them_in_one_sentence() -> None:
    products = [_earbuds(pid, "99.99") for pid in ("Buds A", "Buds B", "Buds C")]  # titled "Apple Buds A"
    assert EnglishReplies().fits_none("case", products[:1]) == (
        "No case we have fits the Buds A, so the bundles stay as they are."
    )
    assert EnglishReplies().fits_none("case", products) == (
        "No case we have fits the Buds A, the Buds B or the Buds C, so the bundles stay as they are."
    )
    assert (
        ChineseReplies().fits_none("case", products[:2])
        == "本店没有适合Buds A或Buds B的保护壳，套装保持不变。"
    )


def test_an_exclusion_that_changes_nothing_is_said_to() -> None:
    assert EnglishReplies().none_excluded(["Sony"]) == (
        "None of these was from Sony anyway, so they stay as they are."
    )
    assert ChineseReplies().none_excluded(["Sony"]) == "这些套装里本来就没有Sony的商品，保持不变。"


def test_a_missing_colour_is_named_with_the_kind() -> None:
    assert EnglishReplies().colour_missing("black", "shoe") == (
        "None of the shoes that fit comes in black, so these are the closest."
    )
    assert ChineseReplies().colour_missing("black", "shoe").endswith("以下是最接近的。")


def test_a_discount_question_names_only_the_quoted_savings() -> None:
    def shown(label: str, price: str, alone: str | None) -> ShownBundle:
        item = ShownItem(product_id=label, title=label, role="anchor")
        return ShownBundle(
            bundle_id=label,
            label=label,
            items=[item],
            bundle_price=Decimal(price),
            currency="USD",
            list_price=None if alone is None else Decimal(alone),
        )

    both = [shown("value", "90", "99.99"), shown("premium", "120", "120"), shown("balanced", "100", None)]
    assert (
        EnglishReplies()
        .discounts(both)
        .startswith("The bundle discount is already in these prices: the value bundle saves $9.99.")
    )
    assert EnglishReplies().discounts([shown("premium", "120", "120")]).startswith("These bundles are priced")
    assert ChineseReplies().discounts(both).startswith("这些价格已含套装优惠：实惠款省$9.99。")
    assert "What are you after?" in EnglishReplies().discounts([])


def test_limits_on_one_spec_and_side_are_said_once_as_the_strictest() -> None:
    """'more ram' past video editing's 16 GB floor had read "RAM over 16 GB and at least 16 GB"."""
    floor = SpecLimit(kind="laptop", key="ram_gb", more=True, value=16, inclusive=True)
    more = SpecLimit(kind="laptop", key="ram_gb", more=True, value=16)
    window = SpecLimit(kind="laptop", key="screen_in", more=False, value=15)
    said = EnglishReplies().limits_held([more, floor, window], "laptop", "Nothing fits.")
    assert "over 16 GB" in said and "at least" not in said and "under 15" in said
    assert "at least 32 GB" in EnglishReplies().limits_held(
        [floor, floor.model_copy(update={"value": 32})], "laptop", "Nothing fits."
    )
    chinese = ChineseReplies().limits_held([more, floor], "laptop", "没有。")
    assert chinese.count("16") == 1


def test_an_item_of_a_shelf_of_several_kinds_is_named_as_what_it_is() -> None:
    """'with a coffee bean capsule and a mug accessory', 'an eco' (of '... Backpack (Eco)') had been said."""

    def item(title: str, category: str, role: str) -> ShownItem:
        return ShownItem(product_id=title, title=title, category=category, role=role)

    coffee = "Home & Kitchen > Coffee > "
    bundle = ShownBundle(
        bundle_id="b",
        label="value",
        items=[
            item("Nespresso Vertuo Next", coffee + "Coffee Machines", "anchor"),
            item(
                "Nespresso Vertuo Melozio Coffee Pods, 30 Capsules",
                coffee + "Coffee Beans & Capsules",
                "coffee bean capsule",
            ),
            item(
                "Lavazza Super Crema Whole Bean Coffee, 1 kg",
                coffee + "Coffee Beans & Capsules",
                "coffee bean capsule",
            ),
            item("Nespresso Aeroccino3 Milk Frother, Black", coffee + "Mugs & Accessories", "mug accessory"),
            item(
                "Lenovo ThinkPad Essential 16-inch Backpack (Eco)",
                "Computers > Accessories > Laptop Bags & Sleeves",
                "laptop bag sleeve",
            ),
            item(
                "Tomtoc Slim Laptop Messenger Bag, 14-inch",
                "Computers > Accessories > Laptop Bags & Sleeves",
                "laptop bag sleeve",
            ),
            item("Manfrotto PIXI Mini Tripod", "Electronics > Cameras > Tripods", "tripod"),
        ],
        bundle_price=Decimal("500"),
        currency="USD",
    )
    said = EnglishReplies().explain([bundle], ShoppingGoal())
    assert "with pods, coffee, a frother, a backpack, a laptop bag and a tripod that go with it" in said


def test_a_spec_family_is_named_in_words_not_by_its_key() -> None:
    """'The catalog doesn't give the anc of every one of these earbuds' had been said."""
    said = EnglishReplies().rank_unstated("anc", "earbud")
    assert "noise cancelling" in said and " anc " not in said
    assert "noise cancelling" in EnglishReplies().spec_unstated("anc", "earbud")
    assert "主动降噪" in ChineseReplies().rank_unstated("anc", "earbud")


def test_a_mass_noun_the_shop_lacks_is_not_made_plural() -> None:
    said = EnglishReplies().category_not_carried(["laptop cooling", "wifi", "earring"], [])
    assert "laptop cooling" in said and "coolings" not in said and "wifis" not in said and "earrings" in said
