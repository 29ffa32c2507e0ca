"""Value parsers: money, quantities, bundle references and price direction, with exact results."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.intent.values import (
    asks_for_others,
    budget_bound,
    category_features,
    names_wearer_only,
    negation_before,
    parse_bundle_ref,
    parse_money,
    parse_money_low,
    parse_price_direction,
    parse_quantity,
    wearer,
)

D = Decimal


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("under $900", D(900), "USD"),
        ("1.2k", D(1200), None),
        ("below 1.2k", D(1200), None),
        ("under 900 bucks", D(900), "USD"),
        ("max 50 bucks", D(50), "USD"),
        ("3000元以内", D(3000), "CNY"),
        ("500美元以内", D(500), "USD"),  # 美元 contains 元 but is not yuan
        ("200欧元", D(200), "EUR"),
        ("100英镑以下", D(100), "GBP"),
        ("¥3000", D(3000), "CNY"),
        ("no more than ¥3000", D(3000), "CNY"),
        ("两千", D(2000), None),
        ("两万", D(20000), None),
        ("五百块", D(500), "CNY"),
        ("1万", D(10000), None),
        ("under 900 yuan", D(900), "CNY"),
        ("no more than 1,299 dollars", D(1299), "USD"),
        ("1 299", D(1299), None),
        ("$1,000,000", D(1000000), "USD"),
        ("under 1000 usd", D(1000), "USD"),
        ("£200 max", D(200), "GBP"),
        ("50 quid", D(50), "GBP"),
        ("under 900 pounds", D(900), "GBP"),
        ("€150 or less", D(150), "EUR"),
        ("100 euros", D(100), "EUR"),
        ("over 2k", D(2000), None),
        ("under $1k", D(1000), "USD"),
        (".5k", D(500), None),
        ("2.5 grand", D(2500), None),
        ("two grand", D(2000), None),
        ("a thousand", D(1000), None),
        ("ten thousand", D(10000), None),
        ("five hundred", D(500), None),
        ("twenty five hundred", D(2500), None),
        ("$49.99", D("49.99"), "USD"),
        ("$0.99", D("0.99"), "USD"),
        ("300-500", D(500), None),
        ("between 300 and 500", D(500), None),
        ("nothing", None, None),
        ("under 12,000 nok", D(12000), "NOK"),  # an MG-ShopDial turn: it had been $12,000
        ("C$400", D(400), "CAD"),  # not USD for the '$' inside
        ("R$ 2000", D(2000), "BRL"),
        ("50000 yen", D(50000), "JPY"),
        ("under 300 cad", D(300), "CAD"),
    ],
)
def test_parse_money(text: str, amount: Decimal | None, currency: str | None) -> None:
    assert parse_money(text) == (amount, currency)


def test_parse_money_keeps_cents_exactly() -> None:
    amount, _ = parse_money("$49.99")
    assert str(amount) == "49.99"
    whole, _ = parse_money("1.2k")
    assert str(whole) == "1200"  # tidied: no trailing ".0"


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("300-500", D(300), None),
        ("between 300 and 500", D(300), None),
        ("from $300 to $500", D(300), "USD"),
        ("at least 50 bucks", D(50), "USD"),
        ("two grand", D(2000), None),  # no digits: falls back to parse_money
        ("nothing", None, None),
    ],
)
def test_parse_money_low(text: str, amount: Decimal | None, currency: str | None) -> None:
    assert parse_money_low(text) == (amount, currency)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("500rmb", D(500), "CNY"),
        ("under 900usd", D(900), "USD"),
        ("50bucks", D(50), "USD"),
        ("200eur max", D(200), "EUR"),
    ],
)
def test_parse_money_amount_glued_to_currency_word(text: str, amount: Decimal, currency: str) -> None:
    # BUG: `_NUMBER`'s `(?![a-z])` lookahead makes the regex backtrack one digit ("500" + "rmb" fails,
    # "50" + "0" matches), so "500rmb" comes out as 50.
    assert parse_money(text) == (amount, currency)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("三千五", D(3500)),
        ("一千二", D(1200)),
        ("两万五", D(25000)),
        ("一百五", D(150)),
        ("三千零五", D(3005)),  # with 零 the trailing digit really is units
    ],
)
def test_parse_money_colloquial_chinese_abbreviated_amounts(text: str, amount: Decimal) -> None:
    # BUG: "三千五" is 3500 in everyday Chinese, but `_chinese_number` adds the trailing 五 as units (3005).
    assert parse_money(text) == (amount, None)


CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}


@given(n=st.integers(min_value=1, max_value=10**7), symbol=st.sampled_from(sorted(CURRENCY_SYMBOLS)))
def test_parse_money_under_symbol_amount_property(n: int, symbol: str) -> None:
    assert parse_money(f"under {symbol}{n}") == (Decimal(n), CURRENCY_SYMBOLS[symbol])


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("two", 2),
        ("3", 3),
        ("one", 1),
        ("a couple of", 2),
        ("a pair", 2),
        ("both", 2),
        ("a dozen", 12),
        ("两个", 2),
        ("十个", 10),
        ("2 of them", 2),
        ("nothing", None),
    ],
)
def test_parse_quantity(text: str, quantity: int | None) -> None:
    assert parse_quantity(text) == quantity


@pytest.mark.parametrize(("text", "quantity"), [("3 pairs", 3), ("three pairs", 3)])
def test_parse_quantity_explicit_number_beats_pair_word(text: str, quantity: int) -> None:
    # BUG: the "couple"/"pair"/"both" check runs before the digit and spoken-number checks.
    assert parse_quantity(text) == quantity


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("the second one", 2),
        ("the first one", 1),
        ("the third", 3),
        ("the 2nd one", 2),
        ("bundle 3", 3),
        ("bundle #2", 2),
        ("bundle two", 2),
        ("option one", 1),
        ("number two", 2),
        ("the last one", -1),
        ("最后一个", -1),
        ("the premium one", "premium"),
        ("the fancy one", "premium"),
        ("the best one", "premium"),
        ("the cheapest", "value"),
        ("the cheapest one", "value"),
        ("the middle one", "balanced"),
        ("the first two", [1, 2]),
        ("前两个", [1, 2]),
        ("头三款", [1, 2, 3]),
        ("the first three", [1, 2, 3]),
        ("第二个", 2),
        ("that one", None),
        ("the one", None),
    ],
)
def test_parse_bundle_ref(text: str, ref: int | str | list[int] | None) -> None:
    assert parse_bundle_ref(text) == ref


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("cheaper", "lower"),
        ("cheaper please", "lower"),
        ("less expensive", "lower"),
        ("too expensive", "lower"),
        ("便宜一点", "lower"),
        ("more premium", "higher"),
        ("more expensive", "higher"),
        ("higher end", "higher"),
        ("pricier", "higher"),
        ("高端", "higher"),
        ("贵一点", "higher"),
        ("blue", None),
        ("", None),
    ],
)
def test_parse_price_direction(text: str, direction: str | None) -> None:
    assert parse_price_direction(text) == direction


@pytest.mark.parametrize(
    ("text", "kin", "who"),
    [
        ("women's", False, "women"),
        ("mens", False, "men"),
        ("ladies running shoes", False, "women"),
        ("男士香水", False, "men"),
        ("my wife", True, "women"),
        ("for him", True, "men"),
        ("我老公", True, "men"),
        ("my mum and dad", True, None),  # both: nothing to filter on
        ("a 10 year old", True, None),
        ("my wife", False, None),  # a message is read for explicit words only
        ("the chemist", True, None),
        ("nothing for men, a running jacket", False, "women"),  # refusing one side asks for the other
        ("running shoes, not the mens ones", False, "women"),
        ("don't want women's", False, "men"),
        ("for my mum, not my dad", True, "women"),
        ("shoes for men, not women", False, "men"),
        ("something for a man without much time", False, "men"),  # "without" is about the time
    ],
)
def test_wearer(text: str, kin: bool, who: str | None) -> None:
    assert wearer(text, kin=kin) == who


@pytest.mark.parametrize(
    ("surface", "only"),
    [("mens", True), ("Women's", True), ("男士", True), ("men's shoes", False), ("Nike", False)],
)
def test_a_span_that_only_says_who_it_is_for(surface: str, only: bool) -> None:
    assert names_wearer_only(surface) is only


@pytest.mark.parametrize(
    ("phrase", "bound"),
    [
        ("over 150", "budget_min"),
        ("nothing over 150", "budget_max"),  # headphones came back at $400 and $500
        ("n't go above 500", "budget_max"),
        ("not more than 20 euro", "budget_max"),
        ("nothing under 100", "budget_min"),
        ("3000元以内", "budget_max"),
        ("around 50", "budget_max"),  # "headphones around 200" showed headphones from $200 up
        ("5000左右", "budget_max"),
        ("$900", None),
    ],
)
def test_a_negated_bound_is_the_other_bound(phrase: str, bound: str | None) -> None:
    assert budget_bound(phrase) == bound


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("headphones, nothing over 150", "nothing "),
        ("I can't go above 500", "n't go "),
        ("I don't want to spend over 500", "n't want to spend "),
        ("I have no problem paying over 500", None),  # 'no' governs 'problem', not the amount
        ("not sure, over 300", None),
        ("over 300", None),
    ],
)
def test_the_negation_governing_a_money_phrase_is_found(text: str, lead: str | None) -> None:
    start = text.index("over" if "over" in text else "above")
    found = negation_before(text, start)
    assert (text[found:start] if found is not None else None) == lead


@pytest.mark.parametrize(
    ("text", "others"),
    [
        ("something different", True),
        ("show me other options", True),
        ("anything else?", True),
        ("还有别的吗", True),
        ("a different colour", False),  # a refinement, not other products
        ("cheaper please", False),
    ],
)
def test_asking_for_other_products(text: str, others: bool) -> None:
    assert asks_for_others(text) is others


@pytest.mark.parametrize(
    ("surfaces", "categories", "others", "features"),
    [
        (["gaming mouse"], ["mouse"], [], ("gaming",)),
        (["noise cancelling headphones"], ["headphone"], [], ("noise", "cancelling")),
        (["electric kettle"], ["mug"], [], ("electric",)),  # the kind's own word is no feature
        (["coffee machine"], ["coffee machine"], [], ()),  # words of the category itself
        (["good cheap phone"], ["phone"], [], ()),  # praise and price tell no kind apart
        (["men's running shoes"], ["shoe"], [], ("running",)),  # the wearer is read on its own
        (["black case"], ["case"], ["black"], ()),  # the colour is its own slot
        (["4k monitor"], ["monitor"], [], ()),  # numbers are sizes and storage, read as attributes
        (["护肤品"], ["skincare"], [], ()),
        (["trying out earbuds"], ["earbud"], [], ()),  # "None of our earbuds is described as out"
    ],
)
def test_category_features_are_what_the_category_drops_of_the_words_said(
    surfaces: list[str], categories: list[str], others: list[str], features: tuple[str, ...]
) -> None:
    assert category_features(surfaces, categories, others) == features
