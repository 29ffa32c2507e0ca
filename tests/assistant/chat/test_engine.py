"""The chat loop on the real stages: stream order, persistence, prices from the pricing engine."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.chat.engine import ShoppingAssistant
from assistant.components import build_chat_engine, open_catalog
from assistant.errors import InvalidInputError, NotFoundError
from assistant.settings import Settings
from assistant.storage.database import open_store
from assistant.storage.store import SqlSessionStore
from pricing.bundles.messages import format_money
from pricing.complements.needs import categories_for_need
from retrieval.filters import category_keys

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> SqlSessionStore:
    return open_store(url=f"sqlite:///{tmp_path_factory.mktemp('db') / 'chat.db'}")


@pytest.fixture(scope="module")
def engine(store: SqlSessionStore) -> ShoppingAssistant:
    settings = Settings(explainer={"backend": "template"})  # instant; the model has its own tests
    assistant: ShoppingAssistant = build_chat_engine(settings, open_catalog(settings), store=store)
    assistant.warm_up()
    return assistant


def test_stream_sends_bundles_first_then_text_then_done(engine: ShoppingAssistant) -> None:
    events = list(engine.stream("a phone for photography under $900"))
    kinds = [event.kind for event in events]
    assert kinds[0] == "bundles" and kinds[-1] == "done" and "delta" in kinds
    first, done = events[0].data, events[-1].data
    assert [b["quote_id"] for b in first["bundles"]] == [b["quote_id"] for b in done["bundles"]]  # type: ignore[index]
    assert all(b["explanation"] for b in done["bundles"])  # type: ignore[index]


def test_every_shown_number_adds_up_and_respects_the_budget(engine: ShoppingAssistant) -> None:
    result = engine.turn("skincare routine for dry skin under 150")
    assert result.bundles
    for bundle in result.bundles:
        assert bundle.list_price == sum(item.unit_price for item in bundle.items)
        assert bundle.savings == bundle.list_price - bundle.bundle_price >= 0
        assert bundle.bundle_price <= Decimal(150)
        assert str(bundle.bundle_price) in result.reply


@pytest.mark.parametrize(
    "message",
    [
        "gaming setup",
        "stuff for my home office",
        "a gift for my boyfriend who runs",  # a Dyson vacuum and a phone charger: "runs" was no need
        "a gift for a coffee lover",  # asked what they like: who they are says it
        "a gift for my son, he is a gamer",  # asked what he likes: no span covers "gamer"
        "a coffee setup for a beginner under 300",  # single bags of beans: 'coffee' was the category
        "我想给我妈买个生日礼物，她喜欢喝咖啡",  # single items: 咖啡 was tagged as the Coffee department
        "hand brew set",  # "we don't carry hands or brews": both words were tagged as categories
        "espresso set",  # "what are you shopping for?": 'espresso' was tagged as a brand the shop lacks
        "pour over set",  # "what would you like me to add?": an unsure add_item with nothing shown
        "pourover set",  # nothing tagged and build_bundle at 0.43: the need is read from the words
        "desk setup",  # "no ready-made set for 'desk'": the tagged use names no need, the words do
        "remote work set",  # "we don't carry remotes": [remote] [work] tagged, a kind inside the need's name
        "wfh set",  # out_of_scope at 0.57 once retrained: a need said as a set is shopping
    ],
)
def test_a_purpose_alone_gets_what_it_shops_for(
    engine: ShoppingAssistant, store: SqlSessionStore, message: str
) -> None:
    """Before needs, "home office" was a text search: a pillow and a coffee grinder came back."""
    result = engine.turn(message)
    goal = store.load_state(result.conversation_id).goal
    wanted = set(categories_for_need(goal.use_case))
    assert result.bundles and wanted and not goal.categories  # the shopper named no category
    for bundle in result.bundles:
        kinds = [set(category_keys(_path(item.category))) for item in bundle.items]
        assert kinds[0] & wanted  # the anchor is something the purpose needs
        assert sum(bool(kind & wanted) for kind in kinds) >= 2
        assert not any("Bedding" in (item.category or "") for item in bundle.items)


@pytest.mark.parametrize("message", ["pour over coffee set", "pour over coffee starter kit under 200"])
def test_a_fuller_need_in_the_message_beats_the_tagged_one(engine: ShoppingAssistant, message: str) -> None:
    """'pour over coffee set' was tagged 'coffee' and got espresso machines with capsules; 'pour over coffee
    starter kit', tagged [pour] [coffee], a Nespresso and a mug (a coffee setup, not the fuller need)."""
    result = engine.turn(message)
    assert result.bundles
    for bundle in result.bundles:
        for item in bundle.items:
            assert not (item.category or "").endswith("Coffee Machines")
            assert "Capsules" not in item.title and "Pods" not in item.title


@pytest.mark.parametrize("message", ["pour over set", "pourover kit", "hand brew set"])
def test_a_need_is_anchored_by_what_names_it_on_a_shared_shelf(
    engine: ShoppingAssistant, message: str
) -> None:
    """The dripper, kettles and mugs share one shelf: 'pour over set' came back as a mug, a grinder and
    beans, with nothing to brew in."""
    result = engine.turn(message)
    assert result.bundles
    for bundle in result.bundles:
        anchor = bundle.items[0].title.casefold()
        assert "mug" not in anchor and any(word in anchor for word in ("dripper", "kettle", "drip"))


def test_a_purpose_prefers_what_names_it_in_every_role(engine: ShoppingAssistant) -> None:
    """'gaming setup' had paired gaming monitors with an office keyboard (Pebble Keys) while the shop
    sells a gaming one; headphones, of which none says gaming, are chosen as before."""
    result = engine.turn("gaming setup")
    items = [item for bundle in result.bundles for item in bundle.items]
    keyboards = [item for item in items if "Keyboards" in (item.category or "")]
    assert keyboards and all("Gaming" in item.title for item in keyboards)
    mice = [item for item in items if "Mice" in (item.category or "")]
    assert mice and all("Gaming" in item.title for item in mice)
    assert any("Gaming" in bundle.items[0].title for bundle in result.bundles)  # two of the monitors say it


def _path(category: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (category or "").split(">"))


def test_a_cheaper_swap_is_cheaper_and_a_swap_of_nothing_changes_nothing(engine: ShoppingAssistant) -> None:
    """'Swap the tripod for a cheaper one' came back dearer; 'remove the lens' said "Removed it" to
    camera bundles that had none; 'swap the camera' kept the camera."""
    first = engine.turn("I want to start vlogging, budget 1500")
    assert first.bundles

    def prices(result: object, role_word: str) -> list[Decimal]:
        return [
            item.unit_price
            for bundle in result.bundles  # type: ignore[attr-defined]
            for item in bundle.items
            if role_word in (item.category or "")
        ]

    shown_tripods = prices(first, "Tripod")
    cheaper = engine.turn("swap the tripod for a cheaper one", conversation_id=first.conversation_id)
    if cheaper.bundles:
        assert shown_tripods and max(prices(cheaper, "Tripod")) < min(shown_tripods)
    else:
        assert "cheapest tripod" in cheaper.reply
    nothing = engine.turn("remove the lens", conversation_id=first.conversation_id)
    assert not nothing.bundles and "no" in nothing.reply.lower() and "lens" in nothing.reply
    other = engine.turn("swap the camera", conversation_id=first.conversation_id)
    before = {bundle.items[0].product_id for bundle in (cheaper.bundles or first.bundles)}
    assert other.bundles and not {bundle.items[0].product_id for bundle in other.bundles} & before


def test_something_different_shows_other_main_products_within_the_same_wishes(
    engine: ShoppingAssistant,
) -> None:
    first = engine.turn("a phone under 1000")
    other = engine.turn("something different", conversation_id=first.conversation_id)
    assert first.bundles and other.bundles
    assert not {b.items[0].product_id for b in first.bundles} & {b.items[0].product_id for b in other.bundles}
    assert all(b.bundle_price <= 1000 and "Phone" in (b.items[0].category or "") for b in other.bundles)


def test_adding_after_a_swap_keeps_the_swapped_item(engine: ShoppingAssistant) -> None:
    """'Add a charger' after 'swap the case for a black one' put the old case back."""
    first = engine.turn("an iphone 16 with a case")
    swapped = engine.turn("swap the case for a black one", conversation_id=first.conversation_id)
    added = engine.turn("add a charger", conversation_id=first.conversation_id)

    def cases(result: object) -> set[str]:
        return {
            item.product_id
            for bundle in result.bundles  # type: ignore[attr-defined]
            for item in bundle.items
            if "Case" in (item.category or "")
        }

    assert swapped.bundles and added.bundles and cases(swapped) and cases(swapped) != cases(first)
    assert cases(added) <= cases(swapped)
    assert all(any("Charger" in (item.category or "") for item in bundle.items) for bundle in added.bundles)


def test_a_colour_asked_for_is_the_colour_shown_or_said_to_be_missing(engine: ShoppingAssistant) -> None:
    first = engine.turn("a phone for photography")
    white = engine.turn("make it white", conversation_id=first.conversation_id)
    assert white.bundles and all(
        "White" in bundle.items[0].title for bundle in white.bundles
    )  # one was black
    phone = engine.turn("an iphone 16 with a case")
    pink = engine.turn("swap the case for a pink one", conversation_id=phone.conversation_id)
    assert pink.reply.startswith("No pink case fits")  # the demo has none: not "Swapped it" alone


def test_a_kind_asked_for_that_the_shop_lacks_is_named_beside_what_it_has(engine: ShoppingAssistant) -> None:
    """'A red lipstick and a matching nail polish' showed lipsticks and never said there was no polish."""
    result = engine.turn("a red lipstick and a matching nail polish")
    assert result.bundles and result.reply.startswith("We don't carry polish")
    assert "carry" not in engine.turn("a laptop and a mouse").reply  # both carried: nothing to say


def test_a_colour_the_shown_bundles_already_have_is_said_so(engine: ShoppingAssistant) -> None:
    """'in black' after black iPhone 15 cases had answered with the same bundles as if it had narrowed them;
    a colour they lack is never said to be met."""
    catalog = {product.id: product for product in open_catalog(Settings())}
    cases = engine.turn("a case for my iphone 15")
    mains = [catalog[bundle.items[0].product_id] for bundle in cases.bundles]
    assert mains and all(main.attributes.get("colour") == "Black" for main in mains)  # the demo's: all black
    black = engine.turn("in black", conversation_id=cases.conversation_id)
    assert black.reply.startswith("These are already black")
    blue = engine.turn("in blue", conversation_id=cases.conversation_id)
    assert "already" not in blue.reply and "blue" in blue.reply


def test_a_budget_nothing_meets_keeps_the_bundles_shown_and_its_offer_can_be_taken(
    engine: ShoppingAssistant,
) -> None:
    """'under 100' after perfumes from $120: "The closest bundle I can offer is $120: want me to show it?";
    'yes' had answered "I haven't shown you any bundles yet", and so had 'the first one'."""
    perfumes = engine.turn("a perfume for my wife")
    cheapest = min(bundle.bundle_price for bundle in perfumes.bundles)
    assert cheapest > 100  # the demo's cheapest fragrance is dearer than the budget below
    under = engine.turn("under 100", conversation_id=perfumes.conversation_id)
    assert not under.bundles and "want me to show it?" in under.reply
    first = engine.turn("the first one", conversation_id=perfumes.conversation_id)
    assert "is yours" in first.reply  # the bundles on show are still there to take
    other = engine.turn("a perfume for my wife")
    engine.turn("under 100", conversation_id=other.conversation_id)
    shown = engine.turn("yes please", conversation_id=other.conversation_id)
    assert shown.bundles and all(bundle.bundle_price <= cheapest for bundle in shown.bundles)
    again = engine.turn("yes", conversation_id=other.conversation_id)  # no offer stands now
    assert not again.bundles


def test_a_brand_the_shop_lacks_asked_for_alone_asks_what_to_look_for(engine: ShoppingAssistant) -> None:
    """'a present for my nephew who likes lego' had shown power banks, keyboards and tablets as "the
    closest alternatives" to Lego; with a kind of product said, the others of that kind are still shown."""
    lego = engine.turn("birthday present for my 10 year old nephew who likes lego")
    assert not lego.bundles and "don't carry lego" in lego.reply.lower() and "What kind" in lego.reply
    headphones = engine.turn("headphones", conversation_id=lego.conversation_id)
    assert headphones.bundles
    shoes = engine.turn("lego running shoes")
    assert shoes.bundles and "closest alternatives" in shoes.reply


def test_a_kind_asked_for_that_no_bundle_holds_is_said(engine: ShoppingAssistant) -> None:
    """'A laptop and a monitor under 700' showed laptops alone and never said why; 'cheaper' past the
    cheapest lamp and bedding dropped the bedding the same way."""
    tight = engine.turn("a laptop and a monitor under 700")
    assert tight.bundles and all(len(bundle.items) == 1 for bundle in tight.bundles)
    assert tight.reply.startswith("No bundle within $700 has room for a monitor too")
    roomy = engine.turn("a lamp and bedding under 300")
    assert roomy.bundles and "room for" not in roomy.reply
    cheaper = engine.turn("cheaper", conversation_id=roomy.conversation_id)
    assert "has room for bedding too" in cheaper.reply


def test_a_purpose_with_no_set_asks_once_what_to_shop_for(engine: ShoppingAssistant) -> None:
    """'Something for my garden' showed skincare, a lamp and a pillow: whatever shared its words."""
    asked = engine.turn("something for my garden")
    assert not asked.bundles and asked.reply.startswith("I have no ready-made set for")
    anyway = engine.turn("just show me anything", conversation_id=asked.conversation_id)
    # asked once; then the search, which keeps to products that speak of the purpose: here none does, so it
    # says so in other words (it had shown skincare and a lamp "for the garden")
    assert not anyway.bundles and anyway.reply.startswith('Nothing we sell is made for "garden"')
    flight = engine.turn("what do you recommend for a long flight?")  # a vacuum and an air fryer, before
    kinds = " ".join(item.category or "" for bundle in flight.bundles for item in bundle.items)
    assert flight.bundles and "Headphones" in kinds and "Vacuum" not in kinds


def test_a_quantity_is_not_silently_priced_as_one(engine: ShoppingAssistant) -> None:
    """'I need two of them' showed the same one-unit prices as if they were for two."""
    first = engine.turn("earbuds under 100")
    two = engine.turn("I need two of them", conversation_id=first.conversation_id)
    assert two.bundles and two.reply.startswith("These prices are for one of each item; choose 2 at")
    assert "checkout" not in first.reply


def test_an_added_item_joins_each_bundle_as_shown(engine: ShoppingAssistant) -> None:
    """A rebuild had dropped what made room for the new item ('add a mascara' lost a foundation); now each
    bundle keeps every item and gains one; one that cannot (budget, nothing fits) is left out and named."""
    first = engine.turn("I need a laptop for school under 1000")
    added = engine.turn("add a tripod", conversation_id=first.conversation_id)
    assert added.bundles and "Added it" in added.reply
    before = {bundle.items[0].product_id: [i.product_id for i in bundle.items] for bundle in first.bundles}
    for bundle in added.bundles:
        ids = [item.product_id for item in bundle.items]
        tripods = [item for item in bundle.items if "Tripod" in (item.category or "")]
        assert ids[: len(before[ids[0]])] == before[ids[0]]  # what was there stays, in order
        assert len(tripods) == 1 and sum(item.unit_price for item in bundle.items) <= 1000
    if len(added.bundles) < len(first.bundles):  # one the tripod would take over budget: left out, and said
        assert "over your budget" in added.reply


def test_an_added_kind_narrower_than_its_shelf_is_that_kind_and_never_a_second_copy(
    engine: ShoppingAssistant,
) -> None:
    """'add a milk frother' is read as the mug shelf: a bundle holding a mug had been given the same mug
    again, and one holding a frother a mug; now a frother joins a bundle without one, and the reply names
    it."""
    first = engine.turn("an espresso machine under 400")
    added = engine.turn("add a milk frother", conversation_id=first.conversation_id)
    assert added.bundles
    for bundle in added.bundles:
        ids = [item.product_id for item in bundle.items]
        assert len(ids) == len(set(ids))
        assert sum("Frother" in item.title for item in bundle.items) == 1
    if len(added.bundles) < len(first.bundles):
        assert "No frother we have fits" in added.reply or "over your budget" in added.reply


def test_an_item_named_narrower_than_its_shelf_is_that_item_alone(engine: ShoppingAssistant) -> None:
    """The mug shelf holds kettles, drippers, a frother and a mug, all in the role 'mug'. 'remove the mug'
    had removed the frother of a Nespresso bundle too, and 'remove the kettle' from bundles holding no
    kettle had removed their mugs."""
    first = engine.turn("espresso machine")
    frothers = {b.label for b in first.bundles if any("Frother" in item.title for item in b.items)}
    mugs = {b.label for b in first.bundles if any("Mug" in item.title for item in b.items)}
    assert frothers and mugs  # the demo catalog's espresso bundles: a frother in one, a mug in others
    removed = engine.turn("remove the mug", conversation_id=first.conversation_id)
    assert {b.label for b in removed.bundles if any("Frother" in i.title for i in b.items)} == frothers
    assert not any("Mug" in item.title for b in removed.bundles for item in b.items)
    gift = engine.turn("coffee gift for my dad")
    assert not any("Kettle" in item.title for b in gift.bundles for item in b.items)
    kettle = engine.turn("remove the kettle", conversation_id=gift.conversation_id)
    assert "has a kettle" in kettle.reply and "mug" not in kettle.reply.lower()
    swap = engine.turn("swap the kettle for a cheaper one", conversation_id=gift.conversation_id)
    assert "kettle" in swap.reply and "mug" not in swap.reply.lower()


@pytest.mark.parametrize(
    ("message", "word"),
    [
        ("a gaming mouse", "Gaming"),
        ("a mechanical keyboard", "Mechanical"),
        ("an electric kettle", "Electric"),
        ("a compact camera for travel", "Compact"),  # the tagger left 'compact' out of the span
        ("我想要一个游戏鼠标", "Gaming"),  # read through the span's English gloss
        ("a desk light", "Desk"),  # 'light' is the Lighting shelf's own word: no narrower kind
    ],
)
def test_what_the_shopper_says_of_the_kind_holds_for_every_main_item(
    engine: ShoppingAssistant, message: str, word: str
) -> None:
    """'a gaming mouse' had been a Pebble, an MX Anywhere and an MX Master: the tagger's category is the
    mouse, and 'gaming' was dropped with the rest of the span."""
    result = engine.turn(message)
    assert result.bundles
    assert all(word in bundle.items[0].title for bundle in result.bundles)
    if message.isascii():
        assert f"Here are {word.lower()} " in result.reply  # "Here are gaming mouse bundles"


@pytest.mark.parametrize("change", ["swap the camera for a cheaper one", "swap the camera for a better one"])
def test_a_swapped_main_item_stays_of_its_kind(engine: ShoppingAssistant, change: str) -> None:
    """'swap the camera for a cheaper one' had shown a memory card alone: cheaper products of the Cameras
    department, not cheaper cameras."""
    first = engine.turn("a camera for vlogging")
    swapped = engine.turn(change, conversation_id=first.conversation_id)
    assert swapped.bundles or "already the cheapest digital camera" in swapped.reply
    assert all((b.items[0].category or "").endswith("Digital Cameras") for b in swapped.bundles)


def test_an_iphone_case_for_my_iphone_sells_cases_that_fit_it_not_iphones(engine: ShoppingAssistant) -> None:
    """'a white iphone case for my iphone 16' had shown iPhone 16 phones: [iphone] [case] were two kinds."""
    result = engine.turn("a white iphone case for my iphone 16")
    assert result.bundles and "for your iPhone 16" in result.reply
    for bundle in result.bundles:
        assert not any("Smartphones" in (item.category or "") for item in bundle.items)
        assert any("Cases" in (item.category or "") for item in bundle.items)


def test_what_is_said_of_one_kind_is_not_asked_of_the_other(engine: ShoppingAssistant) -> None:
    """'a gaming mouse and a mechanical keyboard' had asked the mouse to be 'gaming mechanical'."""
    result = engine.turn("a gaming mouse and a mechanical keyboard")
    assert result.bundles and "described as" not in result.reply
    assert all("Gaming" in bundle.items[0].title for bundle in result.bundles)


def test_an_addition_has_what_was_said_of_it(engine: ShoppingAssistant) -> None:
    first = engine.turn("a gaming mouse")
    added = engine.turn("add a mechanical keyboard", conversation_id=first.conversation_id)
    assert added.bundles and "Added it" in added.reply
    for bundle in added.bundles:
        keyboards = [item for item in bundle.items if (item.category or "").endswith("Keyboards")]
        assert len(keyboards) == 1 and "Mechanical" in keyboards[0].title


@pytest.mark.parametrize("change", ["add a vertical mouse", "swap the mouse for a gaming one"])
def test_a_described_replacement_has_what_was_said_of_it(engine: ShoppingAssistant, change: str) -> None:
    first = engine.turn("a laptop for work")
    changed = engine.turn(change, conversation_id=first.conversation_id)
    assert changed.bundles and "Swapped it" in changed.reply
    word = "Vertical" if "vertical" in change else "Gaming"
    for bundle in changed.bundles:
        mice = [item for item in bundle.items if (item.category or "").endswith("Mice")]
        assert len(mice) == 1 and word in mice[0].title


def test_a_describing_word_tagged_as_a_kind_describes_the_next_one(engine: ShoppingAssistant) -> None:
    """'a light laptop for travel' had been a monitor light bar with a laptop: [light] [laptop]."""
    result = engine.turn("a light laptop for travel")
    assert result.bundles
    assert all((bundle.items[0].category or "").endswith("Laptops") for bundle in result.bundles)
    assert not any("Lighting" in (item.category or "") for b in result.bundles for item in b.items)


def test_a_feature_no_product_has_is_said_to_be_missing_not_passed_off(engine: ShoppingAssistant) -> None:
    result = engine.turn("hiking shoes for women")  # the demo's shoes are all running shoes
    assert result.bundles and result.reply.startswith("None of our shoes is described as hiking")


def test_a_budget_below_every_product_with_the_feature_says_so_rather_than_drop_the_feature(
    engine: ShoppingAssistant,
) -> None:
    first = engine.turn("a gaming mouse")
    cheaper = engine.turn("cheaper", conversation_id=first.conversation_id)
    assert not cheaper.bundles and "the cheapest starts at" in cheaper.reply  # not an office mouse
    other = engine.turn("a keyboard", conversation_id=first.conversation_id)
    assert other.bundles and not all("Gaming" in b.items[0].title for b in other.bundles)


def test_turns_and_state_are_stored(engine: ShoppingAssistant, store: SqlSessionStore) -> None:
    first = engine.turn("a laptop for work under 2000")
    second = engine.turn("cheaper please", conversation_id=first.conversation_id)
    state = store.load_state(first.conversation_id)
    assert state.turns == 2 and [b.bundle_id for b in state.shown] == [b.bundle_id for b in second.bundles]
    assert len(store.get_conversation(first.conversation_id)["turns"]) == 2


def test_bad_input_and_unknown_conversations_are_errors(engine: ShoppingAssistant) -> None:
    with pytest.raises(InvalidInputError):
        engine.turn("   ")
    with pytest.raises(NotFoundError):
        engine.turn("hello", conversation_id="no-such-conversation")


def test_an_accessory_for_an_unnamed_phone_asks_which_phone_once(
    engine: ShoppingAssistant, store: SqlSessionStore
) -> None:
    asked = engine.turn("a case for my phone")
    assert not asked.bundles and "Which phone" in asked.reply
    answered = engine.turn("pixel 9 please, under 60", conversation_id=asked.conversation_id)
    assert answered.bundles and "Pixel 9" in answered.reply
    for bundle in answered.bundles:
        assert bundle.bundle_price <= Decimal(60)
        assert not any("Smartphones" in (item.category or "") for item in bundle.items)  # they have one
        assert "Pixel 9" in bundle.items[0].title and "9a" not in bundle.items[0].title
    assert store.load_state(asked.conversation_id).goal.fits[:1] == ["Pixel 9"]
    again = engine.turn("a case for my phone")  # a new conversation asks again ...
    assert "Which phone" in again.reply
    shown = engine.turn("just show me some", conversation_id=again.conversation_id)
    assert shown.bundles  # ... but only once: then it shows what it has


def test_the_which_model_question_gives_examples_of_the_line_named(engine: ShoppingAssistant) -> None:
    """'a pixel case' had been asked 'e.g. Galaxy A36, Pixel 9 or Xiaomi 15 Ultra'."""
    asked = engine.turn("a pixel case")
    assert not asked.bundles and "is it for?" in asked.reply
    examples = asked.reply.split("(e.g. ")[1]
    assert examples.count("Pixel") == 3 and "Galaxy" not in examples


def test_accessories_fit_the_model_named_and_sell_no_device(engine: ShoppingAssistant) -> None:
    result = engine.turn("a tripod and an sd card for my canon eos r50")
    assert result.bundles and "EOS R50" in result.reply
    for bundle in result.bundles:
        kinds = " ".join(item.category or "" for item in bundle.items)
        assert "Tripods" in kinds and "Memory Cards" in kinds and "Digital Cameras" not in kinds
        assert any(item.brand != "Canon" for item in bundle.items)  # Canon is the camera's brand, not a wish


def test_a_model_asked_for_by_name_is_what_is_shown(engine: ShoppingAssistant) -> None:
    result = engine.turn("do you have the galaxy s25 ultra in stock")
    assert result.bundles  # it once asked "What are you shopping for?"
    assert all("Galaxy S25 Ultra" in bundle.items[0].title for bundle in result.bundles)
    assert all("Smartphones" in (bundle.items[0].category or "") for bundle in result.bundles)


def test_a_product_line_means_its_brand_and_cheapest_means_the_cheap_end(engine: ShoppingAssistant) -> None:
    result = engine.turn("the cheapest iphone you have")
    assert result.bundles and all(bundle.items[0].brand == "Apple" for bundle in result.bundles)
    iphones = [
        p.price for p in open_catalog(Settings()) if p.brand == "Apple" and p.category.endswith("Smartphones")
    ]
    assert min(bundle.bundle_price for bundle in result.bundles) == min(iphones)  # it showed a $699 one first
    cheap = engine.turn("cheap wireless earbuds")
    assert cheap.bundles
    for bundle in cheap.bundles:  # a cable or a charger may come along, never a phone or a tablet
        kinds = " ".join(item.category or "" for item in bundle.items)
        assert "Smartphones" not in kinds and "Tablets" not in kinds, kinds
    result = engine.turn("skincare for oily skin, nothing from the ordinary")
    assert result.bundles
    assert not any(item.brand == "The Ordinary" for bundle in result.bundles for item in bundle.items)


def test_a_model_named_with_an_accessory_anchors_the_bundle(engine: ShoppingAssistant) -> None:
    result = engine.turn("the iphone 16 pro with a case")
    assert result.bundles and "iPhone 16 Pro bundles" in result.reply
    for bundle in result.bundles:
        anchor, *rest = bundle.items
        assert anchor.title.startswith("Apple iPhone 16 Pro ") and "Max" not in anchor.title
        assert any(
            "Case for iPhone 16 Pro" in item.title or "iPhone 16 Pro Clear" in item.title for item in rest
        )


def test_everything_offered_for_a_known_device_works_with_it(engine: ShoppingAssistant) -> None:
    from pricing.complements.compatibility import CompatibilityChecker

    catalog = {product.id: product for product in open_catalog(Settings())}
    camera = next(p for p in catalog.values() if p.attributes.get("model") == "ZV-E10 II")
    result = engine.turn("a memory card for my sony zv-e10")
    assert result.bundles
    for bundle in result.bundles:
        assert "Memory Cards" in (bundle.items[0].category or "")
        for item in bundle.items:
            assert CompatibilityChecker().compatible(catalog[item.product_id], camera), item.title
            assert item.unit_price <= max(
                b.items[0].unit_price for b in result.bundles
            )  # add-ons, no $500 lens


def test_complements_we_choose_are_add_ons_no_dearer_than_what_was_asked_for(
    engine: ShoppingAssistant,
) -> None:
    result = engine.turn("i need new running shoes")
    assert result.bundles and max(len(bundle.items) for bundle in result.bundles) >= 2
    dearest_anchor = max(bundle.items[0].unit_price for bundle in result.bundles)
    for bundle in result.bundles:  # it added a $299 massage gun and a smartwatch to $140 shoes
        assert all(item.unit_price <= dearest_anchor for item in bundle.items[1:]), bundle.items


def test_a_brand_without_that_kind_of_product_gets_the_others_and_is_told_so(
    engine: ShoppingAssistant, store: SqlSessionStore
) -> None:
    """It answered "Sorry, we don't carry water bottle" to "a nike water bottle" (Nike makes shoes here)."""
    result = engine.turn("a nike water bottle")
    assert result.bundles and all("Water Bottles" in (b.items[0].category or "") for b in result.bundles)
    assert result.reply.startswith("No Nike water bottle here, so these are from other brands.")
    assert not store.load_state(result.conversation_id).goal.brands


def test_a_body_only_camera_is_never_offered_without_a_lens(engine: ShoppingAssistant) -> None:
    """A "camera" request had offered a Fujifilm X-T5 body with no lens; then (with lenses required)
    a value bundle led by a lens, from the Cameras department."""
    result = engine.turn("a camera for photography")
    assert any("Body Only" in bundle.items[0].title for bundle in result.bundles)  # not vacuous
    for bundle in result.bundles:
        assert "Digital Cameras" in (bundle.items[0].category or "")
        if "Body Only" in bundle.items[0].title:
            assert any("Lenses" in (item.category or "") for item in bundle.items[1:]), bundle.items


@pytest.mark.parametrize(
    ("message", "help_text"),
    [
        ("i need a rope to hang myself", "988"),
        ("my chest hurts and my left arm is numb", "emergency number"),
        ("我不想活了", "热线"),
    ],
)
def test_someone_in_danger_gets_help_not_products(
    engine: ShoppingAssistant, message: str, help_text: str
) -> None:
    """The model read 'a rope to hang myself' as a request for rope, and an emergency as out of scope
    ("what are you looking for?")."""
    result = engine.turn(message)
    assert not result.bundles and help_text in result.reply
    assert result.intent.name == "out_of_scope" and not result.intent.slots


def test_cheaper_keeps_to_the_kind_asked_for(engine: ShoppingAssistant) -> None:
    """'cheaper' after camera bundles came back as a lone memory card and a bag: the cheaper half of the
    Cameras department's candidates held no camera."""
    first = engine.turn("a camera for my daughter, she's starting photography")
    shown = engine.turn("not Canon", conversation_id=first.conversation_id)
    cheaper = engine.turn("cheaper", conversation_id=first.conversation_id)
    assert cheaper.bundles
    for bundle in cheaper.bundles:
        assert (bundle.items[0].category or "").endswith("Digital Cameras")
        assert bundle.bundle_price < min(b.bundle_price for b in shown.bundles)


def test_a_detail_question_is_answered_from_the_catalog(engine: ShoppingAssistant) -> None:
    """'does it have wireless charging?' was answered with what the bundle is built around."""
    first = engine.turn("I'm looking for a phone for vlogging")
    answer = engine.turn("does it have wireless charging?", conversation_id=first.conversation_id)
    assert answer.reply.startswith("From the catalog") and not answer.bundles
    products = {p.id: p for p in open_catalog(Settings())}
    for bundle in first.bundles:
        phone = products[bundle.items[0].product_id]
        said = "yes" if phone.attributes.get("wireless_charging") else "no"
        assert f"wireless charging: {said}" in answer.reply or "wireless_charging" not in phone.attributes
    unknown = engine.turn("is the second one waterproof?", conversation_id=first.conversation_id)
    assert "doesn't say" in unknown.reply  # the demo catalog states no phone's water resistance


def test_removing_an_item_keeps_the_rest_of_each_bundle(
    engine: ShoppingAssistant, store: SqlSessionStore
) -> None:
    """'remove the charger' rebuilt the bundles: earbuds took the charger's place and a smartwatch joined."""
    first = engine.turn("I need a new phone")
    before = store.load_state(first.conversation_id).shown
    removed = engine.turn("remove the charger", conversation_id=first.conversation_id)
    assert removed.bundles and removed.reply.startswith("Removed it")
    assert any(item.role == "charger" for bundle in before for item in bundle.items)
    after = store.load_state(first.conversation_id).shown
    for old, new in zip(before, after, strict=True):
        assert [i.product_id for i in new.items] == [i.product_id for i in old.items if i.role != "charger"]


def test_what_a_main_item_cannot_work_without_is_not_removed(
    engine: ShoppingAssistant, store: SqlSessionStore
) -> None:
    first = engine.turn("a sony camera for vlogging")
    shown = store.load_state(first.conversation_id).shown
    body_only = {b.items[0].product_id for b in shown if any(item.role == "lens" for item in b.items)}
    assert body_only  # the demo's body-only Sony cameras come with a lens
    removed = engine.turn("remove the lens", conversation_id=first.conversation_id)
    assert "can't be used without a lens" in removed.reply
    engine.turn("remove the bag", conversation_id=first.conversation_id)
    for bundle in store.load_state(first.conversation_id).shown:
        if bundle.items[0].product_id in body_only:
            assert any(item.role == "lens" for item in bundle.items)


def test_a_case_that_fits_listed_phones_is_not_added_to_earbuds(engine: ShoppingAssistant) -> None:
    """'add a case' to AirPods added an iPhone 16 Pro case: AirPods state no model the case lists."""
    first = engine.turn("what's the difference between airpods pro and airpods 4")
    added = engine.turn("add a case", conversation_id=first.conversation_id)
    assert not any("iPhone" in item.title for bundle in added.bundles for item in bundle.items)
    taken = engine.turn("I'll take the pro", conversation_id=first.conversation_id)
    assert "is yours" in taken.reply and "$249" in taken.reply


def test_a_kind_filed_on_a_wider_shelf_leads_with_itself(engine: ShoppingAssistant) -> None:
    """'a kettle' is read as the Mugs & Accessories shelf, whose dripper and mug had led the kettles."""
    for message in ("a kettle", "a gooseneck kettle for pour over"):
        result = engine.turn(message)
        assert result.bundles
        assert all("kettle" in bundle.items[0].title.casefold() for bundle in result.bundles)
        assert "kettle bundles" in result.reply  # not "mug bundles"


def test_a_pastime_said_in_chinese_names_its_need(engine: ShoppingAssistant) -> None:
    """她喜欢听音乐 (she likes listening to music) after the gift question had shown a lamp, a perfume and a
    yoga mat: 听音乐 and 音乐 were not in the lexicon, so the model read '听 音乐' as nothing."""
    gift = engine.turn("送女朋友的生日礼物，预算1000美元以内")
    music = engine.turn("她喜欢听音乐", conversation_id=gift.conversation_id)
    assert music.intent.slots.get("use_case") == "listening to music" and music.bundles
    audio = {"Headphones", "Earbuds", "Speakers"}
    for bundle in music.bundles:
        assert any(part in (item.category or "") for item in bundle.items for part in audio), bundle.label
    cooking = engine.turn("送给喜欢做饭的妈妈的礼物")
    assert cooking.intent.slots.get("use_case") == "cooking"


def test_a_gift_for_a_pastime_the_shop_has_nothing_for_asks_what_kind_of_product(
    engine: ShoppingAssistant,
) -> None:
    """'he likes football' for a nephew showed a table lamp and a cast-iron skillet, then cosmetics."""
    first = engine.turn("christmas gift for my 10 year old nephew, around 50 bucks")
    answer = engine.turn("he likes football", conversation_id=first.conversation_id)
    assert not answer.bundles and "What kind of product" in answer.reply


def test_a_budget_spoken_of_without_an_amount_is_asked_for(engine: ShoppingAssistant) -> None:
    """An MG-ShopDial turn after phones: "Unfortunatelly, my budget is limited cunrrently" had got "I can't
    narrow it down by that"."""
    phones = engine.turn("I lost my smartphone a few days back, so I'm looking for a new one")
    asked = engine.turn(
        "Unfortunatelly, my budget is limited cunrrently", conversation_id=phones.conversation_id
    )
    assert not asked.bundles and asked.reply.startswith("What budget should I keep to?")
    answered = engine.turn("500", conversation_id=phones.conversation_id)
    assert answered.bundles and all(b.bundle_price <= 500 for b in answered.bundles)


@pytest.mark.parametrize(
    ("message", "reply"),
    [
        ("我想买一个手机支架", "抱歉，本店没有手机支架。"),  # had been read as 手机: phones were shown
        ("我想买一个鼠标垫", "抱歉，本店没有鼠标垫。"),  # had been read as 鼠标: mice were shown
        ("我想买一个平板壳", "抱歉，本店没有平板壳。"),  # had asked which phone the case was for
    ],
)
def test_a_chinese_accessory_the_shop_lacks_is_said_in_the_shoppers_words(
    engine: ShoppingAssistant, message: str, reply: str
) -> None:
    result = engine.turn(message)
    assert not result.bundles and result.reply.startswith(reply)


@pytest.mark.parametrize(
    ("message", "shelf"),
    [("我想买一个笔记本包", "Laptop Bags & Sleeves"), ("我想买一个扩展坞", "USB-C Hubs")],
)
def test_a_chinese_accessory_the_shop_carries_is_shown(
    engine: ShoppingAssistant, message: str, shelf: str
) -> None:
    """笔记本包 had been read as a laptop; 扩展坞 (tagged as a connector) had been asked "你想买什么？"."""
    result = engine.turn(message)
    assert result.bundles and all((b.items[0].category or "").endswith(shelf) for b in result.bundles)


def test_more_premium_means_a_dearer_main_item_or_says_there_is_none(engine: ShoppingAssistant) -> None:
    """'more premium' after headphones led by the AirPods Max had shown the AirPods Max again with a dearer
    charger, as if that were the more premium bundle."""
    first = engine.turn("headphones under 900 bucks for my mum's birthday")
    shown = [engine.catalog.by_id[b.items[0].product_id] for b in first.bundles]
    dearest = max(shown, key=lambda product: product.price)
    more = engine.turn("more premium", conversation_id=first.conversation_id)
    assert more.reply.startswith("The AirPods Max (USB-C) is the most premium headphone we have.")
    assert {b.items[0].product_id for b in more.bundles} == {dearest.id}
    laptops = engine.turn("a laptop under 1000")
    top = max(engine.catalog.by_id[b.items[0].product_id].price for b in laptops.bundles)
    better = engine.turn("more premium", conversation_id=laptops.conversation_id)
    assert better.bundles and all(
        engine.catalog.by_id[b.items[0].product_id].price > top for b in better.bundles
    )


def test_an_addition_some_bundles_hold_and_the_rest_cannot_take_says_both(engine: ShoppingAssistant) -> None:
    """'with a grinder' after espresso machines, two bundles holding one and a capsule machine that takes
    none: it had said only that no grinder fits the capsule machine."""
    machines = engine.turn("espresso machine under 500")
    had = sum(
        any((item.category or "").endswith("Coffee Grinders") for item in b.items[1:])
        for b in machines.bundles
    )
    assert len(machines.bundles) == 3 and had == 2  # the case this test is about
    grinder = engine.turn("with a grinder", conversation_id=machines.conversation_id)
    assert not grinder.bundles and grinder.reply.startswith(
        "2 of the 3 bundles already had a coffee grinder. "
    )


def test_products_that_say_nothing_of_the_shoppers_device_are_not_offered_as_fitting_it(
    engine: ShoppingAssistant,
) -> None:
    """'a tripod for my iphone 16' had offered "tripod bundles for your iPhone 16"; tripods state nothing of
    phones, and 'for my iphone' after tripods had changed nothing without a word."""
    tripods = engine.turn("a tripod for my iphone 16")
    assert tripods.bundles and tripods.reply.startswith(
        "The catalog doesn't say which tripods work with your iPhone 16, so these are not chosen for it."
    )
    assert "for your iPhone 16" not in tripods.reply
    first = engine.turn("a tripod")
    iphone = engine.turn("for my iphone", conversation_id=first.conversation_id)
    assert iphone.reply.startswith("The catalog doesn't say which tripods work with iOS devices")
    charger = engine.turn("a charger for my pixel 9")  # a charger's connector meets the phone's port
    assert charger.reply.startswith("Here are charger bundles for your Pixel 9")


def test_a_model_of_the_shoppers_own_device_named_after_bundles_says_which_it_is(
    engine: ShoppingAssistant,
) -> None:
    """'the macbook air 13' after laptop bags for their MacBook had been an Apple brand wish ("No Apple
    laptop bag here")."""
    bags = engine.turn("Case for macbook")
    model = engine.turn("the macbook air 13", conversation_id=bags.conversation_id)
    assert model.bundles and model.reply.startswith(
        "Here are laptop bag bundles for your MacBook Air 13-inch"
    )
    assert all("Laptop Bags" in (b.items[0].category or "") for b in model.bundles)


def test_a_laptop_case_is_a_laptop_bag_not_a_phone_case(engine: ShoppingAssistant) -> None:
    """It asked "Which phone is it for?": 'laptop case' had been read as the phone cases' kind."""
    result = engine.turn("a laptop case")
    assert result.bundles and result.reply.startswith("Here are laptop bag bundles")
    assert all(b.items[0].category.endswith("Laptop Bags & Sleeves") for b in result.bundles)


def test_owning_an_item_of_the_bundles_takes_it_out_and_compatibility_is_answered(
    engine: ShoppingAssistant,
) -> None:
    """'I already have a tripod' was read as 'add a tripod' ("Each of those bundles already has a tripod")."""
    first = engine.turn("I want to get into photography, budget around 1500")
    owned = engine.turn("I already have a tripod", conversation_id=first.conversation_id)
    assert owned.bundles and owned.reply.startswith("Removed it")
    assert not any("Tripod" in item.title or "PIXI" in item.title for b in owned.bundles for item in b.items)
    checked = engine.turn(
        "is the memory card compatible with the camera?", conversation_id=first.conversation_id
    )
    assert checked.reply.startswith("Yes: the items") and not checked.bundles
    polish = engine.turn("add a nail polish", conversation_id=first.conversation_id)
    assert "we don't carry nail polishes" in polish.reply  # their words, not the head noun alone
    pad = engine.turn("add a mouse pad", conversation_id=first.conversation_id)  # read as 'pad'
    assert "we don't carry mouse pads." in pad.reply and "computer accessories" in pad.reply


@pytest.mark.parametrize(
    ("request_text", "owning", "never"),
    [
        # read as "espresso machines, please": the gift's coffee machines came back as the main items
        ("a gift for my dad who loves coffee", "he has an espresso machine already", "Coffee Machines"),
        ("stuff for vlogging", "i already have a camera", "Digital Cameras"),
    ],
)
def test_owning_a_main_item_shops_for_the_rest_of_the_need(
    engine: ShoppingAssistant, store: SqlSessionStore, request_text: str, owning: str, never: str
) -> None:
    first = engine.turn(request_text)
    assert any(never in (item.category or "") for b in first.bundles for item in b.items)
    owned = engine.turn(owning, conversation_id=first.conversation_id)
    assert owned.bundles
    assert not any(never in (item.category or "") for b in owned.bundles for item in b.items)
    goal = store.load_state(first.conversation_id).goal
    assert goal.owned and goal.use_case  # the purpose (and who it is for) stays
    asked = engine.turn("has the tripod shipped already?", conversation_id=first.conversation_id)
    assert not asked.reply.startswith("Removed it")  # a question owns nothing


def test_owning_a_kind_unrelated_to_the_bundles_is_not_shopped_around(
    engine: ShoppingAssistant, store: SqlSessionStore
) -> None:
    """'I already have a laptop' beside phone bundles had shown the phones alone (a laptop's add-ons)."""
    first = engine.turn("a phone under 500")
    engine.turn("I already have a laptop", conversation_id=first.conversation_id)
    assert store.load_state(first.conversation_id).goal.owned == []


def test_an_addition_no_bundle_can_take_says_which_and_keeps_the_bundles(
    engine: ShoppingAssistant, store: SqlSessionStore
) -> None:
    """'add a case' to earbuds had answered "Sorry, no bundle with a case fits", blaming the bundles."""
    first = engine.turn("wireless earbuds for the gym under 150")
    shown = store.load_state(first.conversation_id).shown
    added = engine.turn("add a case", conversation_id=first.conversation_id)
    assert not added.bundles and added.reply.startswith("No case we have fits the ")
    assert added.reply.endswith("so the bundles stay as they are.")
    assert store.load_state(first.conversation_id).shown == shown  # what was shown is still what "it" means


def test_a_swap_changes_that_item_alone_or_says_none_fits(
    engine: ShoppingAssistant, store: SqlSessionStore
) -> None:
    """'swap the case for a black one' had dropped the Pixel 9a's case for a power bank: no other black case
    fit it, and a joint rebuild filled the bundle with what another one held."""
    first = engine.turn("a phone for photography under $900")
    before = store.load_state(first.conversation_id).shown
    swapped = engine.turn("swap the case for a black one", conversation_id=first.conversation_id)
    after = {b.items[0].product_id: b for b in store.load_state(first.conversation_id).shown}
    # the first bundles may already hold every black case that fits their phones: then they stay as shown
    # (a rebuild had dropped the cases), and the reply says so
    assert (swapped.bundles and "Swapped it" in swapped.reply) or (
        not swapped.bundles and "no other black case" in swapped.reply
    )
    for old in before:
        new = after[old.items[0].product_id]
        assert [i.role for i in new.items] == [i.role for i in old.items]  # the same roles, in place
        changed = [
            a.product_id for a, b in zip(old.items, new.items, strict=True) if a.product_id != b.product_id
        ]
        assert len(changed) <= 1 and all(i.role == "case" for i in old.items if i.product_id in changed)


def test_each_phone_gets_a_case_for_its_model_before_and_after_swapping_the_phone(
    engine: ShoppingAssistant,
) -> None:
    """Cases were searched beside the first phone's title only, so the Galaxy A16 and A36 that replaced a
    Pixel in 'swap the phone for a cheaper one' (and the OPPO beside two Pixels) were shown without one."""
    first = engine.turn("a phone for photography under $900")
    swapped = engine.turn("swap the phone for a cheaper one", conversation_id=first.conversation_id)
    assert swapped.bundles and "Swapped it" in swapped.reply
    for result in (first, swapped):
        for bundle in result.bundles:
            phone = bundle.items[0].title.split(" 128GB")[0].split(" 256GB")[0]
            cases = [item for item in bundle.items if (item.category or "").endswith("Cases")]
            assert len(cases) == 1, [item.title for item in bundle.items]
            model = phone.removeprefix("Google ").removeprefix("Samsung ").removeprefix("Huawei ")
            assert model.split()[-1] in cases[0].title, (phone, cases[0].title)


def test_a_purpose_nothing_in_the_shop_speaks_of_never_gets_unrelated_products(
    engine: ShoppingAssistant,
) -> None:
    """After the purpose question, 'cheaper' searched 'cycling' as text: a screen protector, a foundation
    and a lipstick for a dad who cycles."""
    first = engine.turn("a birthday present for my dad who's into cycling, max 200")
    again = engine.turn("cheaper", conversation_id=first.conversation_id)
    assert not first.bundles and not again.bundles
    assert '"cycling"' in again.reply and again.reply != first.reply  # said, not asked again word for word
    yoga = engine.turn("stuff for yoga")  # a purpose the shop's products do speak of still gets them
    assert yoga.bundles and any("Yoga" in item.title for b in yoga.bundles for item in b.items)


def test_a_comparison_on_a_spec_answers_it_from_the_catalog(
    engine: ShoppingAssistant, store: SqlSessionStore
) -> None:
    """'which one is lighter?' had been answered with the specs that differed, none of them the weight."""
    first = engine.turn("a laptop for university under 1200")
    anchors = [engine.catalog.by_id[bundle.items[0].product_id] for bundle in first.bundles]
    lightest = min(anchors, key=lambda product: float(product.attributes["weight_kg"]))  # type: ignore[arg-type]
    lighter = engine.turn("which one is lighter?", conversation_id=first.conversation_id)
    ahead = lighter.reply.split(" comes out ahead")[0]
    assert ahead.startswith("On weight, the ")
    assert lightest.title.split(",")[0].removeprefix(f"{lightest.brand} ") in ahead
    compared = engine.turn("compare them", conversation_id=first.conversation_id)
    assert "(laptop, " in compared.reply  # each bundle's items, singular
    named = engine.turn("which has the bigger battery, pixel 9 or iphone 16")  # named, not shown
    assert named.reply.startswith("On battery, the Pixel 9 128GB comes out ahead: 4700 mAh, against 3561 mAh")
    assert len(named.bundles) == 2  # each offered alone at the engine's price, as before


def test_naming_a_price_when_taking_a_bundle_keeps_the_quote(engine: ShoppingAssistant) -> None:
    first = engine.turn("a phone under 500")
    quoted = first.bundles[1].bundle_price
    taken = engine.turn("give me the second one for $1", conversation_id=first.conversation_id)
    assert taken.reply.startswith("I can't change prices: the shop sets them.")
    assert f"${quoted}" in taken.reply and "$1," not in taken.reply


def test_a_change_that_leaves_the_bundles_as_they_were_says_so(engine: ShoppingAssistant) -> None:
    """'not sony' when no bundle held Sony had shown the same bundles as if they were new."""
    first = engine.turn("noise cancelling headphones under 300")
    assert first.bundles and not any(item.brand == "Sony" for b in first.bundles for item in b.items)
    again = engine.turn("not sony", conversation_id=first.conversation_id)
    assert again.reply.startswith("None of these was from Sony anyway, so they stay as they are.")
    assert [b.bundle_price for b in again.bundles] == [b.bundle_price for b in first.bundles]
    cheaper = engine.turn("a phone under 500")
    different = engine.turn("something different", conversation_id=cheaper.conversation_id)
    assert "stay as they are" not in different.reply


def test_something_else_for_a_purpose_moves_on_to_its_next_kind(engine: ShoppingAssistant) -> None:
    """A runner's gift at $150 showed the two shoes within budget, then 'something else' ended the chat with
    "Those are all the products that fit" while the need's bottles and apparel were left."""
    first = engine.turn("gift ideas for my boyfriend, he loves running, around 150")
    shown = {bundle.items[0].product_id for bundle in first.bundles}
    other = engine.turn("something else", conversation_id=first.conversation_id)
    assert other.bundles and not shown & {bundle.items[0].product_id for bundle in other.bundles}
    assert all(bundle.bundle_price <= 150 for bundle in other.bundles)


def test_a_colour_no_main_item_that_fits_has_is_said_not_hidden(engine: ShoppingAssistant) -> None:
    """'in black' showed the same white and grey shoes as if they were black."""
    first = engine.turn("women's running shoes size 8 under 150")
    assert first.bundles and not any("Black" in b.items[0].title for b in first.bundles)
    black = engine.turn("in black", conversation_id=first.conversation_id)
    assert black.reply.startswith("None of the shoes that fit comes in black, so these are the closest.")
    assert black.bundles
    found = engine.turn("a white phone under 500")
    assert "comes in white" not in found.reply  # some phone is white: nothing to say


def test_asking_about_a_product_line_none_shown_shows_it(engine: ShoppingAssistant) -> None:
    """'what about the pixel?' after Galaxy and nova phones got 'the catalog doesn't say that' for each."""
    first = engine.turn("a phone under 500")
    assert not any("Pixel" in b.items[0].title for b in first.bundles)
    pixels = engine.turn("what about the pixel?", conversation_id=first.conversation_id)
    assert pixels.bundles and all("Pixel" in b.items[0].title for b in pixels.bundles)
    assert all(b.bundle_price <= 500 for b in pixels.bundles)  # the rest of the goal stays


def test_a_detail_question_is_never_taking_the_bundle(
    engine: ShoppingAssistant, store: SqlSessionStore
) -> None:
    """'第一个多重' (how heavy is the first one) had been read as accept_bundle, answered with the price."""
    first = engine.turn("我想买一台笔记本电脑")
    asked = engine.turn("第一个多重", conversation_id=first.conversation_id)
    assert asked.reply.startswith("根据商品资料") and "kg" in asked.reply
    assert store.load_state(first.conversation_id).accepted_bundle_id is None
    taken = engine.turn("就要第一个", conversation_id=first.conversation_id)
    assert taken.reply.startswith("好的！")


def _weight(engine: ShoppingAssistant, bundle: object) -> float:
    return float(engine.catalog.by_id[bundle.items[0].product_id].attributes["weight_kg"])  # type: ignore[attr-defined,arg-type]


def test_a_refinement_on_a_spec_shows_main_products_past_the_best_shown(engine: ShoppingAssistant) -> None:
    """'something lighter' (refine, no slot) had been answered "I can't narrow it down by that"."""
    first = engine.turn("a laptop under 2000")
    lightest = min(_weight(engine, bundle) for bundle in first.bundles)
    lighter = engine.turn("something lighter", conversation_id=first.conversation_id)
    assert lighter.reply.startswith(f"Weight: under {lightest:g} kg for each laptop here.")
    assert lighter.bundles and all(_weight(engine, bundle) < lightest for bundle in lighter.bundles)
    assert all(bundle.bundle_price <= 2000 for bundle in lighter.bundles)  # the budget still holds
    state = engine._store.load_state(first.conversation_id)
    assert [limit.key for limit in state.goal.spec_limits] == ["weight_kg"]
    cheaper = engine.turn("cheaper", conversation_id=first.conversation_id)  # the limit stays with the goal
    assert cheaper.bundles and all(_weight(engine, bundle) < lightest for bundle in cheaper.bundles)


def test_a_spec_nothing_beats_or_the_catalog_does_not_state_keeps_the_bundles(
    engine: ShoppingAssistant,
) -> None:
    earbuds = engine.turn("earbuds")
    longest = engine.turn("longer battery", conversation_id=earbuds.conversation_id)
    assert longest.reply.startswith("Battery: nothing we have that fits beats the ")
    assert not longest.bundles
    state = engine._store.load_state(earbuds.conversation_id)
    assert state.goal.spec_limits == [] and len(state.shown) == len(earbuds.bundles)  # as they were
    phones = engine.turn("a phone under 1500")
    heavy = engine.turn("too heavy", conversation_id=phones.conversation_id)  # phones state no weight
    assert heavy.reply.startswith("The catalog doesn't give the weight of every one of these phones")
    screen = engine.turn("有没有屏幕更大的", conversation_id=phones.conversation_id)  # 屏幕 tagged as a kind
    widest = max(
        float(engine.catalog.by_id[b.items[0].product_id].attributes["screen_in"]) for b in phones.bundles
    )  # type: ignore[arg-type]
    assert screen.reply.startswith(f"屏幕：这里每款手机都高于{widest:g} in。")
    assert all(
        float(engine.catalog.by_id[b.items[0].product_id].attributes["screen_in"]) > widest
        for b in screen.bundles
    )  # type: ignore[arg-type]


def test_a_kind_that_names_a_department_is_anchored_by_that_kind(engine: ShoppingAssistant) -> None:
    """'camera for travel' had ranked the Peak Design Travel Tripod first in the Cameras department, and
    the add-ons were chosen around tripods: each camera came with a lens and nothing else."""
    travel = engine.turn("camera for travel")
    assert travel.bundles
    for bundle in travel.bundles:
        assert _path(bundle.items[0].category)[-1] == "Digital Cameras"
        assert {"Memory Cards", "Camera Bags"} <= {_path(item.category)[-1] for item in bundle.items}


def test_accessories_for_a_device_of_unknown_model_suit_any_such_device(engine: ShoppingAssistant) -> None:
    """'camera accessories' had shown cameras; 'accessories for my camera' a Canon RF lens, a guess at the
    mount. Named by its model, the camera gets the lens of its mount."""
    for message in (
        "camera accessories",
        "accessories for a camera",
        "what accessories do i need for my camera",
    ):
        reply = engine.turn(message)
        kinds = {_path(item.category)[-1] for bundle in reply.bundles for item in bundle.items}
        assert reply.bundles and "Digital Cameras" not in kinds and "Lenses" not in kinds, message
    exact = engine.turn("accessories for my canon eos r50")
    lenses = [item for b in exact.bundles for item in b.items if _path(item.category)[-1] == "Lenses"]
    assert lenses and all(
        engine.catalog.by_id[item.product_id].attributes.get("mount") == "Canon RF" for item in lenses
    )


def test_what_goes_in_the_shopper_s_own_device_is_never_that_device(engine: ShoppingAssistant) -> None:
    """'coffee for my machine' had shown espresso machines: 'machine' was read as the kind to sell."""
    coffee = engine.turn("coffee for my machine")
    kinds = {_path(item.category)[-1] for bundle in coffee.bundles for item in bundle.items}
    assert coffee.bundles and "Coffee Machines" not in kinds and "Coffee Beans & Capsules" in kinds


def test_a_brand_of_several_words_the_shop_lacks_is_named_whole(engine: ShoppingAssistant) -> None:
    shoes = engine.turn("new balance running shoes")
    assert shoes.reply.startswith("We don't carry New Balance, so here are the closest alternatives.")
    assert shoes.bundles


def test_what_a_shown_bundle_holds_is_answered_however_unsure_the_model(engine: ShoppingAssistant) -> None:
    """'what's in the cheapest one' (ask_explanation 0.49) and 第一个套装里有什么 (add_item 0.30) had been
    "not sure I understood"."""
    first = engine.turn("coffee stuff for a beginner")  # a need, not single bags of coffee
    assert first.bundles and all(len(bundle.items) > 1 for bundle in first.bundles)
    cheapest = engine.turn("what's in the cheapest one", conversation_id=first.conversation_id)
    assert cheapest.reply.startswith(f"The {first.bundles[0].label} bundle is built around the ")
    skincare = engine.turn("护肤品推荐，干皮，300美元以内")
    contents = engine.turn("第一个套装里有什么", conversation_id=skincare.conversation_id)
    assert contents.reply.startswith("实惠款套装以") and contents.intent.name == "ask_explanation"


def test_whether_shown_products_work_with_the_shopper_s_device_is_answered_from_listings(
    engine: ShoppingAssistant,
) -> None:
    headphones = engine.turn("wireless headphones with noise cancelling under 200")
    works = engine.turn("do they work with iphone?", conversation_id=headphones.conversation_id)
    assert works.reply.startswith("From the catalog: the ") and "iOS" in works.reply
    assert "checked to work together" not in works.reply  # that is about the items with each other
    cases = engine.turn("a case for my iphone 16 pro")
    older = engine.turn("will it fit an iphone 15", conversation_id=cases.conversation_id)
    assert older.reply.startswith("From the catalog: ") and older.reply.count("so not for iPhone 15") >= 1


def test_an_accessory_made_for_exact_models_asks_which_device_it_is_for(engine: ShoppingAssistant) -> None:
    """'a phone case' had shown a Xiaomi 15, a Galaxy Z Flip6 and an iPhone 15 case: a guess at the phone."""
    asked = engine.turn("a phone case")
    assert asked.reply.startswith("Which phone is it for?") and not asked.bundles
    answered = engine.turn("iphone 16 pro", conversation_id=asked.conversation_id)
    assert answered.bundles and "iPhone 16 Pro" in answered.reply
    for bundle in answered.bundles:
        case = engine.catalog.by_id[bundle.items[0].product_id]
        assert "iPhone 16 Pro" in case.attributes.get("compatible_models", [])


def test_spec_limits_hold_together_and_what_was_shown_stays_the_reference(engine: ShoppingAssistant) -> None:
    """'更轻一点' had been read as a greeting; once no light laptop fit the budget the shown bundles were
    dropped, and '屏幕再大一点' (a bigger screen) then got "we don't carry laptops"."""
    first = engine.turn("我想买一台笔记本电脑，预算1500美元")
    lighter = engine.turn("更轻一点", conversation_id=first.conversation_id)
    assert lighter.intent.name == "refine" and lighter.reply.startswith("只看重量低于")
    state = engine._store.load_state(first.conversation_id)
    assert len(state.shown) == len(first.bundles)  # nothing fit in budget: the bundles shown stay
    bigger = engine.turn("屏幕再大一点", conversation_id=first.conversation_id)
    assert bigger.reply.startswith("本店没有重量低于") and "屏幕高于" in bigger.reply
    assert engine.turn("谢谢", conversation_id=first.conversation_id).intent.name == "greeting"


def test_a_superlative_about_what_the_shop_has_looks_past_what_was_shown(engine: ShoppingAssistant) -> None:
    """'which is the lightest you have?' had asked which shown bundle to take, or compared the shown ones."""
    first = engine.turn("a laptop under 2000")
    lightest = min(_weight(engine, bundle) for bundle in first.bundles)
    asked = engine.turn("which is the lightest you have?", conversation_id=first.conversation_id)
    assert asked.intent.name == "refine" and asked.bundles
    assert all(_weight(engine, bundle) < lightest for bundle in asked.bundles)
    shown = engine.turn("which one is lighter?", conversation_id=first.conversation_id)  # among those shown
    assert shown.reply.startswith("On weight, the ") and not shown.bundles


def test_a_compatibility_question_about_an_item_the_bundle_lacks_says_so(engine: ShoppingAssistant) -> None:
    """'is the lens compatible with the camera?' of a bundle with no lens had been "Yes: the items were
    checked to work together", as if it held one."""
    first = engine.turn("a camera")
    lensless = [b for b in first.bundles if not any(_path(i.category)[-1] == "Lenses" for i in b.items)]
    assert lensless, "the demo's value camera bundle holds no lens"
    position = first.bundles.index(lensless[0]) + 1
    asked = engine.turn(
        f"is the lens in bundle {position} compatible with the camera?", conversation_id=first.conversation_id
    )
    assert asked.reply.startswith(f"The {lensless[0].label} bundle has no lens.")  # the one asked about
    together = engine.turn(
        "is the memory card compatible with the camera?", conversation_id=first.conversation_id
    )
    assert together.reply.startswith("Yes: the items in ")


def test_which_one_of_a_kind_goes_with_what_was_shown_is_answered(engine: ShoppingAssistant) -> None:
    """'what memory card goes with it' (add_item 0.56: "already has one"), 'what lens do I need'
    (search_product 0.44) and 'which case should I get' (compare 0.31) had been "not sure I understood" or a
    bare refusal."""
    first = engine.turn("a camera")
    card = engine.turn("what memory card goes with it", conversation_id=first.conversation_id)
    assert card.reply.startswith(
        "Each bundle already has a memory card checked to work with the rest: value: the "
    )
    phones = engine.turn("a phone under 500")
    case = engine.turn("which case should I get", conversation_id=phones.conversation_id)
    assert case.bundles and all(
        any(_path(item.category)[-1] == "Cases" for item in bundle.items) for bundle in case.bundles
    )
    laptops = engine.turn("a laptop")
    other = engine.turn("which phone should I get", conversation_id=laptops.conversation_id)
    assert other.intent.name != "add_item"  # a phone does not go with a laptop: not added to its bundles


def test_numbers_a_request_states_hold_its_main_products(engine: ShoppingAssistant) -> None:
    """'A laptop under 1.3 kg' had been a budget of $1.30 ('nothing under $1.30 includes a laptop'), and
    'at least 16gb ram' was a search word that let an 8 GB laptop lead the value bundle."""
    light = engine.turn("a laptop under 1.3 kg")
    assert light.bundles and light.reply.startswith("Weight under 1.3 kg for each laptop here.")
    catalog = {product.id: product for product in open_catalog(Settings())}
    for bundle in light.bundles:
        assert catalog[bundle.items[0].product_id].attributes["weight_kg"] < 1.3
    roomy = engine.turn("a laptop with at least 16gb ram under 1500")
    assert roomy.bundles and "within $1500" in roomy.reply
    assert all(catalog[b.items[0].product_id].attributes["ram_gb"] >= 16 for b in roomy.bundles)
    sized = engine.turn("a 14 inch laptop")
    assert sized.bundles and all(
        14 <= catalog[b.items[0].product_id].attributes["screen_in"] < 15 for b in sized.bundles
    )
    more = engine.turn("with 32gb ram", conversation_id=sized.conversation_id)  # the screen size still holds
    assert more.bundles and all(
        catalog[b.items[0].product_id].attributes["ram_gb"] >= 32
        and 14 <= catalog[b.items[0].product_id].attributes["screen_in"] < 15
        for b in more.bundles
    )
    none = engine.turn("a laptop with 64gb ram")
    assert (
        not none.bundles
        and none.reply == "No laptop we have has RAM at least 64 GB; the most any has is 32 GB."
    )
    big = engine.turn("a 17 inch laptop")  # a size window: the nearest side of it
    assert not big.bundles and big.reply == (
        "No laptop we have has screen at least 17 in and under 18 in; the most any has is 16.2 in."
    )


def test_a_question_about_discounts_is_answered_from_the_quoted_savings(engine: ShoppingAssistant) -> None:
    """'any discount if i buy two?' (ask_explanation 0.43) had been "not sure I understood"."""
    first = engine.turn("skincare for dry skin")
    asked = engine.turn("any discount if i buy two?", conversation_id=first.conversation_id)
    saved = [bundle for bundle in first.bundles if bundle.savings > 0]
    assert saved and not asked.bundles
    assert asked.reply.startswith("The bundle discount is already in these prices:")
    for bundle in saved:
        assert f"the {bundle.label} bundle saves {format_money(bundle.savings, 'USD')}" in asked.reply
    assert "I can't add coupons or other discounts" in asked.reply
    assert engine.turn("do you have any coupons?").reply.startswith("A bundle's price can hold a discount")


def test_a_kind_said_as_theirs_beside_one_to_buy_is_not_shopped_for(engine: ShoppingAssistant) -> None:
    """'I already have a laptop, I need a phone' had shown laptops and said no phone fitted; the laptop
    is theirs, and beside a phone it constrains nothing (its accessories had all been dropped)."""
    phone = engine.turn("I already have a laptop, I need a phone under 600")
    assert phone.bundles and all("Smartphones" in (b.items[0].category or "") for b in phone.bundles)
    assert any(len(bundle.items) > 1 for bundle in phone.bundles) and "room for" not in phone.reply
    kit = engine.turn("I have a camera, I need a tripod and a bag")
    assert kit.bundles
    for bundle in kit.bundles:
        kinds = [item.category or "" for item in bundle.items]
        assert any(kind.endswith("Camera Bags") for kind in kinds), kinds  # 'bag' had been a laptop bag
        assert not any(kind.endswith(("Digital Cameras", "Laptop Bags & Sleeves")) for kind in kinds), kinds


def test_kinds_a_need_brings_are_not_said_to_be_left_out(engine: ShoppingAssistant) -> None:
    """A need's kinds are ours to choose: 'she loves cooking, around 100' had said no small appliance fit."""
    result = engine.turn("something for my mum, she loves cooking, around 100")
    assert result.bundles and "room for" not in result.reply


def test_what_a_request_says_its_kind_has_holds_by_the_catalogs_yes_and_no(engine: ShoppingAssistant) -> None:
    """'a phone with wireless charging' (tagged as a use) had led with a Galaxy A16, which has none; the
    plain AirPods 4 ("No active noise cancellation") had passed as noise cancelling by their words."""
    catalog = {product.id: product for product in open_catalog(Settings())}
    charging = engine.turn("a phone with wireless charging under 500")
    assert charging.bundles
    assert all(catalog[b.items[0].product_id].attributes.get("wireless_charging") for b in charging.bundles)
    quiet = engine.turn("wireless earbuds with noise cancelling under 200")
    assert quiet.bundles and all(catalog[b.items[0].product_id].attributes.get("anc") for b in quiet.bundles)


def test_a_ranking_points_that_one_at_the_bundle_it_favours(engine: ShoppingAssistant) -> None:
    """'which one has the most ram?' then 'I will take that one' had asked which of the three."""
    laptops = engine.turn("a laptop")
    ranked = engine.turn("which one is the lightest?", conversation_id=laptops.conversation_id)
    assert "comes out ahead" in ranked.reply
    taken = engine.turn("I will take that one", conversation_id=laptops.conversation_id)
    favoured = ranked.reply.split("(")[1].split(")")[0]  # the label the ranking named
    assert taken.reply.startswith(f"Great choice! The {favoured} bundle is yours")
    earbuds = engine.turn("wireless earbuds under 200")
    unstated = engine.turn("which is the lightest", conversation_id=earbuds.conversation_id)
    assert (
        unstated.reply
        == "The catalog doesn't give the weight of every one of these earbuds, so I can't rank them by it."
    )


def test_what_the_assistant_can_do_is_said_when_asked(engine: ShoppingAssistant) -> None:
    assert engine.turn("what can you do?").reply.startswith("I'm this shop's shopping assistant.")
    assert engine.turn("你能做什么").reply.startswith("我是本店的购物助手。")


def test_real_bundle_intents_read_as_the_shop_has_them(engine: ShoppingAssistant) -> None:
    """Amazon bundle intents (BundleRec) the engine had misread: words of description taken for kinds, a
    kind the shop lacks leading the reply, cases for a device no case fits, a swap with nothing shown."""
    mice = engine.turn("Mouse (wireless and wired)")
    assert mice.bundles and mice.reply.startswith("Here are mouse bundles")  # not "We don't carry wireds"
    chargers = engine.turn("Battery and charger")
    assert chargers.bundles and "Here are charger bundles" in chargers.reply
    for asked in ("tablet cover", "cases for tablets"):
        tablet = engine.turn(asked)
        assert not tablet.bundles and tablet.reply.startswith("Sorry, we don't carry tablet cases."), asked
    assert engine.turn("a case for my phone").reply.startswith("Which phone is it for?")
    navigator = engine.turn("GPS navigator and case")  # had been "we don't carry case navigators"
    assert "case navigators" not in navigator.reply
    keyboards = engine.turn("different keyboards")  # nothing shown: keyboards, not "nothing shown yet"
    assert keyboards.bundles and all("Keyboards" in (b.items[0].category or "") for b in keyboards.bundles)


def test_a_purpose_holds_its_kind_to_what_it_needs(engine: ShoppingAssistant) -> None:
    """'a laptop for video editing under 2500' had led with an 8 GB laptop; a limit the shopper states on
    the same spec is theirs to set."""
    catalog = {product.id: product for product in open_catalog(Settings())}
    editing = engine.turn("a laptop for video editing under 2500")
    assert editing.reply.startswith("For video editing, RAM at least 16 GB for each laptop here.")
    assert editing.bundles and all(
        catalog[b.items[0].product_id].attributes["ram_gb"] >= 16 for b in editing.bundles
    )
    roomier = engine.turn("a laptop for video editing with 32gb ram")
    assert roomier.reply.startswith("RAM at least 32 GB for each laptop here.")
    school = engine.turn("a laptop for school under 800")  # school asks nothing of the RAM
    assert "RAM" not in school.reply and any(
        catalog[b.items[0].product_id].attributes["ram_gb"] < 16 for b in school.bundles
    )


def test_a_removed_kind_stays_out_and_an_addition_says_where_it_went(engine: ShoppingAssistant) -> None:
    """After 'remove the toner', 'not cerave' had led a bundle with a toner; 'add a sunscreen' where two of
    three bundles held one had said only 'Added it'."""
    first = engine.turn("a skincare routine for dry skin under 120")
    cid = first.conversation_id
    assert any(
        any("Toners" in (item.category or "") for item in b.items) for b in first.bundles
    )  # not vacuous
    engine.turn("remove the toner", conversation_id=cid)
    added = engine.turn("add a sunscreen", conversation_id=cid)
    assert added.reply.startswith("2 of the 3 bundles already had a sunscreen, so it joined the other.")
    rebuilt = engine.turn("not cerave", conversation_id=cid)
    assert rebuilt.bundles
    for bundle in rebuilt.bundles:
        assert not any("Toners" in (item.category or "") for item in bundle.items), bundle.label


def test_a_device_bought_for_the_shoppers_own_gets_its_own_add_ons(engine: ShoppingAssistant) -> None:
    """'a smartwatch that works with my iphone' had come alone (add-ons were held to fit the phone, and a
    band fits a watch); 'for my samsung phone' had offered Samsung phones beside the watch."""
    catalog = {product.id: product for product in open_catalog(Settings())}
    watch = engine.turn("a smartwatch that works with my iphone")
    assert watch.bundles and any(len(bundle.items) > 1 for bundle in watch.bundles)
    for bundle in watch.bundles:
        for item in bundle.items:
            platforms = catalog[item.product_id].attributes.get("compatible_os")
            assert platforms is None or "iOS" in platforms, item.title  # what pairs with it works with iOS
    samsung = engine.turn("a smartwatch for my samsung phone")
    assert samsung.bundles
    for bundle in samsung.bundles:
        assert not any("Smartphones" in (item.category or "") for item in bundle.items), bundle.label
    assert any(
        "Samsung" not in (b.items[0].title or "") for b in samsung.bundles
    )  # their phone's brand, not a wish
    asked = engine.turn("a case for my samsung phone").reply
    assert asked.startswith("Which phone is it for?") and "iPhone" not in asked  # Galaxy examples
    for text in ("iphone compatible earbuds", "earbuds compatible with iphone", "兼容iPhone的耳机"):
        earbuds = engine.turn(text)  # had shown iPhones, beside earbuds or alone
        assert earbuds.bundles, text
        for bundle in earbuds.bundles:
            assert not any("Smartphones" in (item.category or "") for item in bundle.items), text
            for item in bundle.items:
                platforms = catalog[item.product_id].attributes.get("compatible_os")
                assert platforms is None or "iOS" in platforms, (text, item.title)


def test_with_one_more_after_bundles_adds_it(engine: ShoppingAssistant) -> None:
    """'with a tripod' after cameras (refine) had rebuilt around tripods."""
    cameras = engine.turn("a camera")
    more = engine.turn("with a tripod", conversation_id=cameras.conversation_id)
    assert more.bundles and all(
        any("Tripods" in (item.category or "") for item in bundle.items) for bundle in more.bundles
    )
    assert all("Digital Cameras" in (bundle.items[0].category or "") for bundle in more.bundles)
    watches = engine.turn("a smartwatch that works with my iphone")
    band = engine.turn("with a spare band", conversation_id=watches.conversation_id)  # add_item at 0.44
    assert band.reply.startswith("Each of those bundles already has a watch band")  # not "what to add?"


@pytest.mark.parametrize(
    ("follow_up", "platform"),
    [
        ("one that works with my iphone", "iOS"),
        ("要能连iPhone的", "iOS"),
        ("compatible with android please", "Android"),
    ],
)
def test_a_device_to_work_with_narrows_the_shown_kind(
    engine: ShoppingAssistant, follow_up: str, platform: str
) -> None:
    """'one that works with my iphone' after watches had shown iPhones; 'compatible with android' had been
    "I can't narrow it down"."""
    catalog = {product.id: product for product in open_catalog(Settings())}
    watches = engine.turn("a smartwatch for running")
    narrowed = engine.turn(follow_up, conversation_id=watches.conversation_id)
    assert narrowed.bundles
    for bundle in narrowed.bundles:
        main = catalog[bundle.items[0].product_id]
        assert main.category.endswith("Smartwatches") and platform in main.attributes["compatible_os"]


def test_real_chat_turns_a_shopper_might_send(engine: ShoppingAssistant) -> None:
    """MG-ShopDial client turns: 'the best camera' after phones had shown the same bundles again; 'a
    tripode for my Sony A7 camera, and some lights' had sold a Sony camera beside the tripod."""
    catalog = {product.id: product for product in open_catalog(Settings())}
    phones = engine.turn("Hi! I would like to buy a smartphone")
    shown = max(catalog[b.items[0].product_id].attributes["main_camera_mp"] for b in phones.bundles)
    better = engine.turn(
        "I wish to buy the newest one with the best camera", conversation_id=phones.conversation_id
    )
    assert better.bundles and better.reply.startswith("Main camera: over")
    assert all(catalog[b.items[0].product_id].attributes["main_camera_mp"] > shown for b in better.bundles)
    kit = engine.turn(
        "I was looking for a tripode for my Sony A7 camera, and some lights for illuminating the scenes"
    )
    assert kit.bundles
    for bundle in kit.bundles:
        assert not any("Digital Cameras" in (item.category or "") for item in bundle.items), bundle.label


@pytest.mark.parametrize(
    ("message", "reply"),
    [
        (
            "a lens for my iphone 16",
            "None of our lenses fit your iPhone 16.",
        ),  # had been "for your iPhone 16"
        ("a lens for my phone", "None of our lenses fit a phone."),
        ("a lens for my rx100", "None of our lenses fit your RX100 VII."),  # a fixed lens; the code alone
        ("a memory card for my iphone", "None of our memory cards fit an iOS phone."),  # no card slot
    ],
)
def test_an_accessory_that_plugs_into_no_such_device_is_not_offered_for_it(
    engine: ShoppingAssistant, message: str, reply: str
) -> None:
    result = engine.turn(message)
    assert not result.bundles and result.reply.startswith(reply)


def test_a_lens_for_an_unknown_camera_asks_which_and_a_brand_narrows_the_guess(
    engine: ShoppingAssistant,
) -> None:
    """'a lens for my camera' had shown a Sony FE lens (cameras take three mounts); 'a lens for my canon
    camera' had too, and 'a lens for a canon camera' answered "None of our lenses fit a camera"."""
    asked = engine.turn("a lens for my camera")
    assert not asked.bundles and asked.reply.startswith("Which camera is it for?")
    assert "RX100" not in asked.reply and "X100VI" not in asked.reply  # compacts take no lens
    answered = engine.turn("the canon eos r50", conversation_id=asked.conversation_id)
    assert answered.bundles and all(b.items[0].title.startswith("Canon RF") for b in answered.bundles)
    for message in ("a lens for my canon camera", "a lens for a canon camera"):
        canon = engine.turn(message)
        mounts = {engine.catalog.by_id[b.items[0].product_id].attributes.get("mount") for b in canon.bundles}
        assert canon.bundles and mounts == {"Canon RF"}, message
    card = engine.turn("a memory card for my camera")  # every camera takes SD: nothing to ask
    assert card.bundles and "Memory Cards" in (card.bundles[0].items[0].category or "")


def test_an_accessory_for_a_device_that_takes_it_is_still_offered(engine: ShoppingAssistant) -> None:
    card = engine.turn("a memory card for my canon eos r50")
    assert card.bundles and all("Memory Cards" in (b.items[0].category or "") for b in card.bundles)


def test_a_replacement_phone_with_good_specs_is_a_phone_request(engine: ShoppingAssistant) -> None:
    """An MG-ShopDial opening: the old phone had been taken as theirs and the camera and battery as kinds
    to sell (camera bags were shown, 'described as old cell'); 'a phone and a camera' had paired phones with
    memory cards from the Cameras department."""
    turn = engine.turn(
        "Hello, I was looking for changing my old cell phone for a newer one. I am not interested in a"
        " particular brand, but I would like to have a good camera and good batery. Any suggestions?"
    )
    assert turn.bundles and all("Smartphones" in (b.items[0].category or "") for b in turn.bundles)
    assert "described as" not in turn.reply and "carry" not in turn.reply
    pair = engine.turn("a phone and a camera")
    assert pair.bundles and all(
        any("Digital Cameras" in (item.category or "") for item in b.items) for b in pair.bundles
    )


def test_a_stated_bound_in_a_follow_up_replaces_the_last(engine: ShoppingAssistant) -> None:
    """'at least 16gb of memory' after phones had been read as 'less storage' ("nothing beats the Galaxy
    A16"); 'at least 12gb ram then' had made RAM the kind to shop for ("No ram we have ...")."""
    catalog = {product.id: product for product in open_catalog(Settings())}
    phones = engine.turn("I'm looking for a smartphone")
    cid = phones.conversation_id
    more = engine.turn("do you have anything with at least 16gb of memory?", conversation_id=cid)
    assert more.reply.startswith("RAM at least 16 GB for each smartphone here.")
    less = engine.turn("at least 12gb ram then", conversation_id=cid)
    assert less.reply.startswith("RAM at least 12 GB for each smartphone here.") and less.bundles
    assert all(catalog[b.items[0].product_id].attributes["ram_gb"] >= 12 for b in less.bundles)


def test_chinese_shop_queries_read_as_meant(engine: ShoppingAssistant) -> None:
    """Real Chinese e-commerce queries (Multi-CPR): 索尼照相机电池 (a Sony camera battery) had shown cameras
    with "本店没有battery"; 蓝牙音箱模块 had asked for a budget in USD (块 of 模块 read as yuan)."""
    battery = engine.turn("索尼照相机电池")
    assert not battery.bundles and battery.reply.startswith("抱歉，本店没有电池。")
    assert engine.turn("sony camera battery").reply.startswith("Sorry, we don't carry batteries.")
    speaker = engine.turn("蓝牙音箱模块")
    assert speaker.bundles and "USD" not in speaker.reply
    both = engine.turn("a camera and a battery")  # two kinds said apart: cameras, and no battery, said
    assert both.bundles and both.reply.startswith("We don't carry batteries")


@pytest.mark.parametrize(
    ("request_", "follow_up", "platform"),
    [
        ("I'm looking for a smartphone", "iOS if it is possible", "iOS"),  # an MG-ShopDial turn
        ("a smartphone under 500", "android only", "Android"),
        ("a smartwatch for running", "android only", "Android"),  # watches list what they work with
    ],
)
def test_a_platform_alone_narrows_the_shown_kind(
    engine: ShoppingAssistant, request_: str, follow_up: str, platform: str
) -> None:
    """It had been "I can't narrow it down by that"."""
    catalog = {product.id: product for product in open_catalog(Settings())}
    shown = engine.turn(request_)
    narrowed = engine.turn(follow_up, conversation_id=shown.conversation_id)
    assert narrowed.bundles
    for bundle in narrowed.bundles:
        main = catalog[bundle.items[0].product_id].attributes
        assert main.get("os") == platform or platform in main.get("compatible_os", [])


def test_a_comparison_asked_of_one_bundle_is_against_the_others(engine: ShoppingAssistant) -> None:
    """'is the second one cheaper?' had asked "Which two bundles should I compare?"."""
    shoes = engine.turn("running shoes")
    assert len(shoes.bundles) > 1
    asked = engine.turn("is the second one cheaper?", conversation_id=shoes.conversation_id)
    assert "Which two bundles" not in asked.reply
    assert all(format_money(b.bundle_price, b.currency) in asked.reply for b in shoes.bundles)


def test_a_limit_said_of_an_add_on_is_not_said_of_the_main_items(engine: ShoppingAssistant) -> None:
    """'5kg dumbbells' beside yoga mats had said "Weight at most 5 kg for each yoga mat here"."""
    mats = engine.turn("yoga mat and dumbbells")
    dumbbells = engine.turn("5kg dumbbells", conversation_id=mats.conversation_id)
    assert "yoga mat here" not in dumbbells.reply


def test_a_limit_on_a_spec_not_every_product_states_is_not_claimed_unmet(engine: ShoppingAssistant) -> None:
    """'5kg dumbbells' had answered "No dumbbell we have has weight at most 5 kg; the least any has is 9.1 kg"
    while a set of 1.4-3.6 kg pairs and a 2.3-23.8 kg adjustable pair were on the shelf (their weights are
    lists and ranges, not one number). Where every product states it, none meeting it is still said."""
    dumbbells = engine.turn("5kg dumbbells")
    assert dumbbells.bundles and dumbbells.reply.startswith(
        "The catalog doesn't give every dumbbell's weight"
    )
    assert engine.turn("a laptop under 0.5 kg").reply.startswith("No laptop we have has weight under 0.5 kg")


def test_a_kind_none_of_which_fits_the_device_is_not_said_to_be_missing(engine: ShoppingAssistant) -> None:
    """Earbuds 'for an ipad' (none lists iPadOS) had answered "Sorry, we don't carry earbuds"."""
    earbuds = engine.turn("earbuds")
    ipad = engine.turn("for an ipad", conversation_id=earbuds.conversation_id)
    assert "don't carry" not in ipad.reply and "iPadOS" in ipad.reply
