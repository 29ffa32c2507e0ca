"""The assistant's short reply texts, in English and Chinese.

Deterministic wording around facts: every amount is a `Decimal` handed over from the pricing engine
(bundle prices, savings) and formatted here, never computed here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from assistant.chat.details import Facts, Fit, Ranking
from assistant.chat.safety import Danger
from assistant.chat.specs import SPEC_NAMES_ZH, spec_differences, spec_name, spec_value
from assistant.chat.types import BundleView
from assistant.dialogue.clarify import LABELS_ZH
from assistant.dialogue.state import ShoppingGoal, ShownBundle, SpecLimit, TurnAction
from assistant.intent.vocabulary import kind_on_shelf
from pricing.bundles.messages import MASS_NOUNS, format_money, said_in_pairs
from pricing.complements.roles import leaf_phrase
from pricing.types import ANCHOR_ROLE
from retrieval.catalog.schema import Product
from retrieval.zh_lexicon import in_chinese

# Shop policy the assistant cannot answer ("do you ship to norway?", "退货怎么办"): say where the answer is
_POLICY = re.compile(
    r"\b(?:ship|shipping|shipped|deliver(?:y|ies|ed)?|postage|courier|pay|payment|paypal|klarna|instal?ments?|"
    r"refunds?|returns?|warranty|track(?:ing)?|coupons?|promo(?:tion)? codes?|discount codes?|vouchers?|"
    r"membership)\b|运费|快递|发货|物流|配送|付款|支付|退货|退款|换货|保修|优惠券",
    re.IGNORECASE,
)

# Thanks and goodbyes are not a hello: never answered with "Hi! Tell me what you're shopping for"
# "what can you do?" (out_of_scope 0.69: "I can only help with shopping"), "how does this work", 你能做什么
_CAPABILITIES = re.compile(
    r"\bwhat\s+(?:can|do)\s+you\s+do\b|\bhow\s+(?:does|do)\s+(?:this|it|you)\s+work\b|\bwho\s+are\s+you\b"
    r"|\bwhat\s+are\s+you\b|\bhow\s+can\s+you\s+help\b|你能做什么|你会做什么|你会什么|怎么用|你是谁",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"\b(?:thanks?|thank\s*(?:you|u)|thx|tnx|ty|cheers|ta|appreciate(?:d)?|much\s+obliged|helpful)\b"
    r"|谢谢|感谢|多谢|谢啦|帮大忙",
    re.IGNORECASE,
)
_GOODBYE = re.compile(
    r"\b(?:bye|goodbye|good\s*night|see\s+(?:you|ya)|cya|later|that'?s\s+all|have\s+a\s+(?:good|nice|great))\b"
    r"|再见|拜拜|回头见|晚安",
    re.IGNORECASE,
)


class EnglishReplies:
    """Replies for `en` (the default)."""

    def greeting(self, message: str = "") -> str:
        if _CAPABILITIES.search(message):
            return self.capabilities()
        if _GOODBYE.search(message):
            return "Bye for now! Come back any time you need something."
        if _THANKS.search(message):
            return "You're welcome! Anything else I can find for you?"
        return "Hi! Tell me what you're shopping for, e.g. 'a phone for photography under $900'."

    def capabilities(self) -> str:
        """What the assistant does, for "what can you do?"."""
        return (
            "I'm this shop's shopping assistant. Tell me what you need and your budget, and I'll put together"
            " a few bundles of products that work together, each priced with its bundle discount. Then I can"
            " make them cheaper or more premium, swap, add or remove items, compare them and answer questions"
            " about the products. For example: 'a phone for photography under $900'."
        )

    def out_of_scope(self, message: str = "") -> str:
        if _CAPABILITIES.search(message):
            return self.capabilities()
        if _POLICY.search(message):
            return (
                "I can't answer questions about shipping, payment or returns: the shop's help pages have"
                " those. I can find products and bundles for you. What are you looking for?"
            )
        return "I can only help with shopping in this store. What are you looking for?"

    def danger(self, danger: Danger) -> str:
        if danger == "self_harm":
            return (
                "I'm really sorry you're feeling this way. I'm only a shopping assistant, but you don't have"
                " to go through this alone: please talk to someone now. In the US or Canada call or text 988;"
                " in the UK or Ireland call Samaritans on 116 123; elsewhere call your local emergency number"
                " or a crisis line. If you're in immediate danger, call emergency services."
            )
        return (
            "This sounds like an emergency: please call your local emergency number now (911 in the US and"
            " Canada, 999 or 112 in the UK, 112 in the EU, 120 in China). I'm only a shopping assistant and"
            " can't give medical help."
        )

    def clarify(self) -> str:
        return "Could you tell me a bit more about what you're looking for?"

    def offer(
        self, bundles: Sequence[BundleView], goal: ShoppingGoal, action: TurnAction, *, notes: Sequence[str]
    ) -> str:
        lead = {
            "swap": "Swapped it: here are the updated bundles.",
            "add": "Added it: here are the updated bundles.",
            "remove": "Removed it: here are the updated bundles.",
            "search": "Here's what I found.",
        }.get(action.kind, _lead(goal, bundles[0].currency if bundles else "USD"))
        parts = [f"{b.label}: {_money(b.bundle_price, b.currency)}" + _saves(b) for b in bundles]
        note = f" Note: {notes[0]}." if notes else ""
        return f"{lead} {'; '.join(parts)}.{note}"

    def not_carried(self, brands: Sequence[str]) -> str:
        return f"We don't carry {' or '.join(brands)}, so here are the closest alternatives."

    def brand_lacks(self, brands: Sequence[str], categories: Sequence[str]) -> str:
        return f"No {' or '.join(brands)} {' or '.join(categories)} here, so these are from other brands."

    def brand_alone_not_carried(self, brands: Sequence[str], carried: Sequence[str]) -> str:
        """A brand the shop lacks, asked for with no kind of product: what to look for instead is theirs."""
        offer = f" We have {', '.join(carried[:6]).lower()} and more." if carried else ""
        return f"We don't carry {' or '.join(brands)}. What kind of product would you like?{offer}"

    def colour_lacks(self, colour: str, role: str) -> str:
        return f"No {colour} {role} fits, so here is another one."

    def needs_kept(self, product: Product, role: str) -> str:
        return f"The {_short(product)} can't be used without a {role}, so its bundle keeps one."

    def none_fits(self, role: str, product: Product, *, swap: bool = False) -> str:
        if swap:
            return f"No other {role} fits the {_short(product)}, so its bundle keeps its {role}."
        return f"No {role} we have fits the {_short(product)}."

    def none_excluded(self, excluded: Sequence[str]) -> str:
        """An exclusion that leaves the bundles shown as they were ('not sony' when none was Sony)."""
        return f"None of these was from {' or '.join(excluded)} anyway, so they stay as they are."

    def already_as_asked(self, wish: str) -> str:
        """A wish the bundles shown already met ('in black' when the cases were black): said, not the same
        bundles again as if something had changed."""
        return f"These are already {wish}, so they stay as they are."

    def fits_none(self, role: str, products: Sequence[Product]) -> str:
        """An addition no shown bundle can take: the bundles shown stay."""
        listed = _and([f"the {_short(product)}" for product in products], "or")
        return f"No {role} we have fits {listed}, so the bundles stay as they are."

    def over_budget(self, role: str, product: Product) -> str:
        return f"A {role} would take the {_short(product)} bundle over your budget."

    def fits_no_device(self, kind: str, device: str, *, named: bool) -> str:
        """Nothing of the kind works with the shopper's device: 'None of our lenses fit your iPhone 16.'"""
        theirs = f"your {device}" if named else _with_article(device.removeprefix("smart"))
        return f"None of our {_kinds(kind)} fit {theirs}. What else can I find for you?"

    def already_had(self, role: str, had: int, total: int) -> str:
        """An addition some shown bundles already held and none of the others can take."""
        return f"{had} of the {total} bundles already had {_with_article(role)}."

    def joined_the_rest(self, role: str, had: int, total: int) -> str:
        """An addition some shown bundles already held: it joined the others only."""
        rest = "the other" if total - had == 1 else f"the other {total - had}"
        return f"{had} of the {total} bundles already had {_with_article(role)}, so it joined {rest}."

    def no_others(self, categories: Sequence[str]) -> str:
        """'Something different' when nothing else fits what was asked for."""
        kinds = " or ".join(_plural(c) for c in categories) or "products"
        return f"Those are all the {kinds} that fit what you asked for. Want to change the budget or brand?"

    def no_alternative(self, kind: str, direction: str | None) -> str:
        """A swap with nothing to swap to: the bundles shown stay as they were."""
        if direction == "lower":
            return f"That's already the cheapest {kind} that fits these bundles, so they stay as they are."
        if direction == "higher":
            return f"That's already the best {kind} that fits these bundles, so they stay as they are."
        return f"There's no other {kind} that fits these bundles, so they stay as they are."

    def which_model(self, device: str, examples: Sequence[str]) -> str:
        named = f" (e.g. {_or(examples)})" if examples else ""
        return f"Which {device} is it for? I'll only show what fits that exact model{named}."

    def one_of_each(self, quantity: int) -> str:
        return f"These prices are for one of each item; choose {quantity} at checkout."

    def discounts(self, shown: Sequence[ShownBundle]) -> str:
        """A question about discounts: what the shown bundles' quoted prices already save; none is added."""
        policy = (
            "I can't add coupons or other discounts: the shop sets the prices, and they are for one of each"
            " item (choose how many at checkout)."
        )
        if not shown:
            bundled = "A bundle's price can hold a discount on items bought together."
            return f"{bundled} {policy} What are you after?"
        saving = [f"the {label} bundle saves {money}" for label, money in _savings(shown)]
        said = (
            f"The bundle discount is already in these prices: {_and(saving)}."
            if saving
            else "These bundles are priced as their items bought alone: none has a bundle discount."
        )
        return f"{said} {policy}"

    def purpose_unknown(self, purpose: str, carried: Sequence[str]) -> str:
        offer = f" We have {', '.join(carried[:6]).lower()} and more." if carried else ""
        return f'I have no ready-made set for "{purpose}". What kind of product would you like?{offer}'

    def purpose_not_carried(self, purpose: str, carried: Sequence[str]) -> str:
        offer = (
            f" We have {', '.join(carried[:6]).lower()} and more: name one and I'll put bundles together."
            if carried
            else ""
        )
        return f"Nothing we sell is made for \"{purpose}\", so I won't show you things that aren't.{offer}"

    def some_not_carried(self, categories: Sequence[str]) -> str:
        return f"We don't carry {' or '.join(_plural(c) for c in categories)}, so these are without them."

    def left_out(self, roles: Sequence[str], budget: Decimal | None, currency: str) -> str:
        """Kinds asked for that no bundle holds: none fits the budget, or none goes with the main items."""
        if budget is not None:
            kinds = _and([_with_article(role) for role in roles], "or")
            within = _money(budget, currency)
            return f"No bundle within {within} has room for {kinds} too, so these have none."
        kinds = " or ".join(_paired(role) for role in roles)
        return f"No {kinds} we have goes with these, so they have none."

    def colour_missing(self, colour: str, kind: str) -> str:
        """'in black' where no shoe that fits the rest of the request is black: the closest, said to be so."""
        return f"None of the {_kinds(kind)} that fit comes in {colour}, so these are the closest."

    def most_premium(self, product: Product, kind: str) -> str:
        """'more premium' after bundles whose dearest main item has nothing dearer: said, not implied by
        the same item with dearer add-ons."""
        return f"The {_short(product)} is the most premium {kind} we have."

    def fit_unstated(self, kind: str, device: Sequence[str]) -> str:
        """Products that say nothing of what they work with, asked for the shopper's device: not chosen
        for it, and said so (a model: 'your iPhone 16'; a platform: 'iOS devices')."""
        said = f"your {device[0]}" if device and device[0] not in _PLATFORM_NAMES else f"{device[0]} devices"
        return (
            f"The catalog doesn't say which {_kinds(kind)} work with {said}, so these are not chosen for it."
        )

    def spec_beyond(self, limit: SpecLimit, kind: str) -> str:
        """Bundles rebuilt past a spec limit, said so: 'Weight: under 1.24 kg for each laptop here.'"""
        return f"{_capitalised(spec_name(limit.key))}: {_past(limit)} for each {kind} here."

    def limits_met(self, limits: Sequence[SpecLimit], kind: str) -> str:
        """Limits the message stated, said as met: 'RAM at least 16 GB for each laptop here.'"""
        return f"{_capitalised(_held(limits))} for each {kind} here."

    def floors_met(self, limits: Sequence[SpecLimit], kind: str, need: str) -> str:
        """What the purpose needs, said as met: 'For video editing, RAM at least 16 GB for each ...'."""
        return f"For {need}, {_held(limits)} for each {kind} here."

    def limits_held(self, limits: Sequence[SpecLimit], kind: str, said: str) -> str:
        """`said` (that nothing fits), led by what the search was held to: 'Looking only at laptops with
        weight under 1.24 kg and screen over 14 in: sorry, ...'."""
        return f"Looking only at {_kinds(kind)} with {_held(limits)}: {said[:1].lower()}{said[1:]}"

    def limits_unmet(
        self,
        limits: Sequence[SpecLimit],
        kind: str,
        *,
        kept: bool = True,
        best: tuple[SpecLimit, float] | None = None,
    ) -> str:
        """Limits that no product of the kind meets together; `kept`: bundles shown stay; `best`: the limit
        missed and the nearest any product comes to it ('the most any has is 32 GB')."""
        text = f"No {kind} we have has {_held(limits)}"
        if best is not None:
            missed, value = best
            text += f"; the {'most' if missed.more else 'least'} any has is {_number(missed, value)}"
        return text + (", so the bundles stay as they are." if kept else ".")

    def held_items(self, kind: str, held: Sequence[tuple[str, str]]) -> str:
        """'What memory card goes with it?' of bundles that each hold one: which, checked to work with it."""
        listed = "; ".join(f"{label}: the {title.split(',')[0]}" for label, title in held)
        return f"Each bundle already has {_with_article(kind)} checked to work with the rest: {listed}."

    def spec_unstated(self, spec: str, kind: str) -> str:
        """'Too heavy' of products the catalog gives no weight for: why it changes nothing."""
        return (
            f"The catalog doesn't give the {spec_name(spec)} of every one of these {_kinds(kind)}, so I can't"
            " choose by it without guessing. I can change the budget, the brands, the colour or size, or"
            " swap, add and remove items."
        )

    def spec_not_chosen(self, spec: str, kind: str) -> str:
        """A limit asked on a spec not every product of the kind states as one number ('5kg dumbbells': sets
        and adjustable pairs): shown without it, and said so."""
        said = f"The catalog doesn't give every {kind}'s {spec_name(spec)} as one number"
        return f"{said}, so these aren't chosen by it."

    def rank_unstated(self, spec: str, kind: str) -> str:
        """'Which is the lightest?' of products the catalog gives no weight for: no ranking, no guess."""
        these = f"every one of these {_kinds(kind)}"
        return f"The catalog doesn't give the {spec_name(spec)} of {these}, so I can't rank them by it."

    def spec_unbeaten(self, limit: SpecLimit, holder: Product | None) -> str:
        """'Something lighter' than the lightest we have: the bundles stay, and the shopper is told why."""
        name = _capitalised(spec_name(limit.key))
        if holder is None:
            return f"{name}: nothing we have that fits goes {_past(limit)}, so the bundles stay as they are."
        return (
            f"{name}: nothing we have that fits beats the {_short(holder)}, at {_limit_value(limit)}, so the"
            " bundles stay as they are."
        )

    def features_lacking(self, features: Sequence[str], kind: str) -> str:
        """'hiking shoes' where no shoe says hiking: the nearest, said to be so, not passed off as hiking."""
        return f"None of our {_kinds(kind)} is described as {' '.join(features)}, so these are the closest."

    def category_not_carried(self, categories: Sequence[str], carried: Sequence[str]) -> str:
        offer = f" We have {', '.join(carried[:6]).lower()} and more." if carried else ""
        kinds = " or ".join(_plural(c) for c in categories)
        return f"Sorry, we don't carry {kinds}.{offer} What else can I find for you?"

    def currency_not_used(self, currency: str, used: Sequence[str], *, shown: bool = False) -> str:
        """A budget in a currency the shop does not price in; `shown`: bundles at any price follow."""
        said = f"Prices here are in {' and '.join(used)}, not {currency}, and I don't convert currencies"
        if shown:
            return f"{said}, so these are at any price: tell me your budget in {used[0]} to narrow them."
        return f"{said}. What's your budget in {used[0]}?"

    def nothing_fits(self, reason: str | None, nearest: tuple[Decimal, str] | None) -> str:
        text = f"Sorry, {reason}." if reason else "Sorry, nothing in the catalog fits that."
        if nearest is not None:
            text += f" The closest bundle I can offer is {_money(*nearest)}: want me to show it?"
        return text

    def accepted(self, bundle: ShownBundle, haggled: bool = False) -> str:
        """`haggled`: the shopper named another price ("the second one for $1"); the quote stands."""
        price = _money(bundle.bundle_price, bundle.currency)
        taken = (
            f"The {bundle.label} bundle is yours at {price}, the quoted price held until it expires."
            " Use the accept button to check out."
        )
        return f"I can't change prices: the shop sets them. {taken}" if haggled else f"Great choice! {taken}"

    def compare(self, bundles: Sequence[ShownBundle], anchors: Sequence[Product] = ()) -> str:
        """Shown bundles side by side; `anchors` (their main products) add the specs that differ."""
        if len(bundles) < 2:
            return "Which two bundles should I compare?"
        lines = [
            f"{b.label}: {_items(len(b.items))} ({_roles(b)}) for {_money(b.bundle_price, b.currency)}"
            for b in bundles
        ]
        cheapest = min(bundles, key=lambda b: b.bundle_price)
        text = "; ".join(lines) + f". The {cheapest.label} one costs least."
        differing = spec_differences(anchors)
        if differing:
            text += f" Their main items ({_versus(anchors)}) differ in {_en_specs(differing)}."
        return text

    def ranking(self, ranking: Ranking, labels: Mapping[str, Sequence[str]] | None = None) -> str:
        """A comparison on the spec asked ('which one is lighter?'): the one it favours first, each value
        from the catalog; `labels` names the bundles holding each product id."""
        name, best = spec_name(ranking.key), ranking.best

        def who(product: Product) -> str:
            held_by = (labels or {}).get(product.id)
            return f"the {_short(product)}" + (f" ({_and(held_by)})" if held_by else "")

        def of(product: Product, value: object) -> str:
            return f"{spec_value(ranking.key, value, 'yes', 'no')} for {who(product)}"

        shown = {spec_value(ranking.key, value, "yes", "no") for _, value in ranking.values}
        if len(shown) == 1:
            return f"They're alike on {name}: {shown.pop()} each."
        if best is None:
            return f"{_capitalised(name)} of each: {_and([of(*pair) for pair in ranking.values])}."
        ahead = next(spec_value(ranking.key, v, "yes", "no") for p, v in ranking.values if p.id == best.id)
        others = [of(product, value) for product, value in ranking.values if product.id != best.id]
        return f"On {name}, {who(best)} comes out ahead: {ahead}, against {_and(others)}."

    def compare_products(
        self, offers: Sequence[BundleView], products: Sequence[Product], ranking: Ranking | None = None
    ) -> str:
        """Named products side by side: the spec asked about (`ranking`) first, else after each one's price
        as offered the specs that differ."""
        prices = [
            f"the {o.items[0].title} is {_money(o.bundle_price, o.currency)}" for o in offers if o.items
        ]
        text = _capitalised("; ".join(prices)) + "."
        if ranking is not None:
            return f"{self.ranking(ranking)} {text}"
        differing = spec_differences(products)
        if differing:
            text += f" Where they differ ({_versus(products)}): {_en_specs(differing)}."
        return text

    def explain(self, bundles: Sequence[ShownBundle], goal: ShoppingGoal) -> str:
        if not bundles:
            return "Which bundle should I explain?"
        bundle = bundles[0]
        # the title up to its details ('Lenovo IdeaPad Slim 3 15'): 'for college' after '512GB SSD' read as
        # part of the product's name
        anchor = bundle.items[0].title.split(",")[0] if bundle.items else "the main item"
        extras = [_with_article(_role(i.role, i.title, i.category)) for i in bundle.items[1:]]
        need = f" for {goal.use_case}" if goal.use_case else ""
        verb = "goes" if len(extras) == 1 else "go"
        with_extras = f", with {_and(extras)} that {verb} with it" if extras else ""
        return f"The {bundle.label} bundle is built around the {anchor}{need}{with_extras}. {_cost(bundle)}"

    def checked_together(self, bundles: Sequence[ShownBundle]) -> str:
        which = f"the {bundles[0].label} bundle" if len(bundles) == 1 else "each bundle"
        return (
            f"Yes: the items in {which} were checked to work together wherever the catalog states it (device"
            " model and fit, lens mount, memory card format, connectors, sleeve size, coffee system)."
        )

    def fits_named(self, fits: Sequence[Fit], device: str) -> str:
        """Whether each product works with the shopper's device, as its catalog listing says."""

        def line(fit: Fit) -> str:
            name, listed = _short(fit.product), ", ".join(fit.listed)
            if fit.fits is None:
                return (
                    f"the {name} is made for {listed}"
                    if listed
                    else f"it doesn't say what the {name} works with"
                )
            return f"the {name} lists {listed}, so {'yes' if fit.fits else f'not for {device}'}"

        return "From the catalog: " + "; ".join(line(fit) for fit in fits) + "."

    def details(self, facts: Sequence[Facts]) -> str:
        lines = [
            f"the {_short(f.product)} has "
            + ", ".join(f"{spec_name(key)}: {spec_value(key, value, 'yes', 'no')}" for key, value in f.specs)
            if f.specs
            else f'the {_short(f.product)}: "{f.said}"'
            if f.said
            else f'the {_short(f.product)}: its name says "{f.named}"'
            if f.named
            else f"the catalog doesn't say that for the {_short(f.product)}"
            for f in facts
        ]
        if not any(f.specs or f.said or f.named for f in facts):
            return f"Sorry, {'; '.join(lines)}, so I can't tell you without guessing."
        return f"From the catalog: {'; '.join(lines)}."


class ChineseReplies(EnglishReplies):
    """Replies for `zh`."""

    def greeting(self, message: str = "") -> str:
        if _CAPABILITIES.search(message):
            return self.capabilities()
        if _GOODBYE.search(message):
            return "再见，需要什么随时回来找我！"
        if _THANKS.search(message):
            return "不客气！还需要帮你找别的吗？"
        return "你好！告诉我你想买什么，比如“900美元以内的拍照手机”。"

    def capabilities(self) -> str:
        return (
            "我是本店的购物助手。告诉我你需要什么、预算多少，我会搭配几套能一起用的商品，每套都按套装优惠定价。"
            "之后可以让套装更便宜或更高端，替换、添加或移除商品，比较套装，或询问商品详情。"
            "比如：“900美元以内的拍照手机”。"
        )

    def out_of_scope(self, message: str = "") -> str:
        if _CAPABILITIES.search(message):
            return self.capabilities()
        if _POLICY.search(message):
            return (
                "运费、付款和退换货的问题我无法解答，请查看本店的帮助页面。"
                "我可以帮你找商品和套装，你想买什么呢？"
            )
        return "我只能帮你在本店购物。你想买什么呢？"

    def danger(self, danger: Danger) -> str:
        if danger == "self_harm":
            return (
                "听到你这样说我很难过。我只是购物助手，但你不必独自面对：请现在就找人聊聊，"
                "拨打当地的心理援助热线，或告诉你信任的人。如果你有立即的危险，请拨打110或120。"
            )
        return (
            "这听起来是紧急情况：请立即拨打急救电话（中国大陆120，香港999）。"
            "我只是购物助手，无法提供医疗帮助。"
        )

    def clarify(self) -> str:
        return "能再具体说说你想买什么吗？"

    def offer(
        self, bundles: Sequence[BundleView], goal: ShoppingGoal, action: TurnAction, *, notes: Sequence[str]
    ) -> str:
        labels = LABELS_ZH
        parts = [
            f"{labels.get(b.label, b.label)}：{_money(b.bundle_price, b.currency)}"
            + (f"（省{_money(b.savings, b.currency)}）" if b.savings > 0 else "")
            for b in bundles
        ]
        lead = f"为你的{_device_name(goal.fits)}搭配了这些套装" if goal.fits else "为你搭配了这些套装"
        return lead + _budget_zh(goal, bundles) + "：" + "；".join(parts) + "。"

    def not_carried(self, brands: Sequence[str]) -> str:
        return f"本店没有{'、'.join(brands)}的商品，为你推荐相近的选择。"

    def brand_alone_not_carried(self, brands: Sequence[str], carried: Sequence[str]) -> str:
        return f"本店没有{'、'.join(brands)}的商品。你想买哪类商品？"

    def brand_lacks(self, brands: Sequence[str], categories: Sequence[str]) -> str:
        kinds = "、".join(in_chinese(c) for c in categories)
        return f"本店没有{'、'.join(brands)}的{kinds}，为你推荐其他品牌的{kinds}。"

    def colour_lacks(self, colour: str, role: str) -> str:
        return f"没有适合的{in_chinese(colour, 'colour')}{in_chinese(role)}，为你换了另一款。"

    def needs_kept(self, product: Product, role: str) -> str:
        return f"{_short(product)}离不开{in_chinese(role)}，所以这一套保留了它。"

    def none_fits(self, role: str, product: Product, *, swap: bool = False) -> str:
        if swap:
            return f"没有别的{in_chinese(role)}适合{_short(product)}，这一套保留原来的。"
        return f"本店没有适合{_short(product)}的{in_chinese(role)}。"

    def none_excluded(self, excluded: Sequence[str]) -> str:
        return f"这些套装里本来就没有{'或'.join(excluded)}的商品，保持不变。"

    def already_as_asked(self, wish: str) -> str:
        return f"这些已经是{in_chinese(wish)}的了，保持不变。"

    def fits_none(self, role: str, products: Sequence[Product]) -> str:
        names = [_short(product) for product in products]
        listed = "或".join(["、".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        return f"本店没有适合{listed}的{in_chinese(role)}，套装保持不变。"

    def over_budget(self, role: str, product: Product) -> str:
        return f"加上{in_chinese(role)}后，{_short(product)}这一套会超出预算。"

    def fits_no_device(self, kind: str, device: str, *, named: bool) -> str:
        return f"本店没有适合{in_chinese(device)}的{in_chinese(kind)}。还想找点别的吗？"

    def already_had(self, role: str, had: int, total: int) -> str:
        return f"{total}个套装中已有{had}个含{in_chinese(role)}。"

    def joined_the_rest(self, role: str, had: int, total: int) -> str:
        return f"{total}个套装中已有{had}个含{in_chinese(role)}，只加到了其余的套装里。"

    def no_others(self, categories: Sequence[str]) -> str:
        kinds = "或".join(in_chinese(c) for c in categories) or "商品"
        return f"符合你要求的{kinds}就只有这些了。要调整预算或品牌吗？"

    def no_alternative(self, kind: str, direction: str | None) -> str:
        name = in_chinese(kind)
        if direction == "lower":
            return f"这已经是适合这些套装的最便宜的{name}了，套装保持不变。"
        if direction == "higher":
            return f"这已经是适合这些套装的最好的{name}了，套装保持不变。"
        return f"没有其他适合这些套装的{name}了，套装保持不变。"

    def which_model(self, device: str, examples: Sequence[str]) -> str:
        named = f"（例如{'、'.join(examples)}）" if examples else ""
        return f"是哪款{in_chinese(device)}呢？我只推荐能适配该型号的商品{named}。"

    def one_of_each(self, quantity: int) -> str:
        return f"以下价格为每件一份，结算时可选择数量{quantity}。"

    def discounts(self, shown: Sequence[ShownBundle]) -> str:
        policy = "我无法额外打折或使用优惠券，价格由商店设定，且为每件一份（结算时可选数量）。"
        if not shown:
            return f"套装价格可能含有一起购买的优惠。{policy}想买点什么呢？"
        saving = [f"{LABELS_ZH.get(label, label)}省{money}" for label, money in _savings(shown)]
        said = (
            f"这些价格已含套装优惠：{'，'.join(saving)}。"
            if saving
            else "这些套装没有套装优惠，价格与单买相同。"
        )
        return said + policy

    def purpose_unknown(self, purpose: str, carried: Sequence[str]) -> str:
        return f"我还没有适合“{purpose}”的现成套装。你想买哪类商品？"

    def purpose_not_carried(self, purpose: str, carried: Sequence[str]) -> str:
        return f"本店没有专为“{purpose}”准备的商品，我不想随便推荐。告诉我想买哪类商品，我来搭配套装。"

    def some_not_carried(self, categories: Sequence[str]) -> str:
        return f"本店没有{'、'.join(in_chinese(c) for c in categories)}，以下套装不含这一项。"

    def left_out(self, roles: Sequence[str], budget: Decimal | None, currency: str) -> str:
        kinds = "、".join(in_chinese(role) for role in roles)
        if budget is not None:
            return f"预算{_money(budget, currency)}以内放不下{kinds}，以下套装不含这一项。"
        return f"没有能和这些商品搭配的{kinds}，以下套装不含这一项。"

    def colour_missing(self, colour: str, kind: str) -> str:
        return f"符合条件的{in_chinese(kind)}都没有{in_chinese(colour, 'colour')}的，以下是最接近的。"

    def most_premium(self, product: Product, kind: str) -> str:
        return f"{_short(product)}已经是本店最高端的{in_chinese(kind)}。"

    def fit_unstated(self, kind: str, device: Sequence[str]) -> str:
        said = device[0] if device else "你的设备"
        return f"商品信息没有说明哪些{in_chinese(kind)}适用于{said}，以下并非按此挑选。"

    def spec_beyond(self, limit: SpecLimit, kind: str) -> str:
        return f"{_zh_spec(limit)}：这里每款{in_chinese(kind)}都{_zh_past(limit)}{_limit_value(limit)}。"

    def limits_met(self, limits: Sequence[SpecLimit], kind: str) -> str:
        return f"这里每款{in_chinese(kind)}都满足：{_zh_held(limits)}。"

    def floors_met(self, limits: Sequence[SpecLimit], kind: str, need: str) -> str:
        return f"考虑到{in_chinese(need)}的需要，这里每款{in_chinese(kind)}都满足：{_zh_held(limits)}。"

    def limits_held(self, limits: Sequence[SpecLimit], kind: str, said: str) -> str:
        return f"只看{_zh_held(limits)}的{in_chinese(kind)}：{said}"

    def held_items(self, kind: str, held: Sequence[tuple[str, str]]) -> str:
        listed = "；".join(f"{LABELS_ZH.get(label, label)}：{title.split(',')[0]}" for label, title in held)
        return f"每套都已配好能一起用的{in_chinese(kind)}：{listed}。"

    def spec_not_chosen(self, spec: str, kind: str) -> str:
        name = spec_name(spec)
        return f"商品资料没有写明每款{in_chinese(kind)}的{SPEC_NAMES_ZH.get(name, name)}，以下未按它筛选。"

    def rank_unstated(self, spec: str, kind: str) -> str:
        name = spec_name(spec)
        return f"商品资料没有写明每款{in_chinese(kind)}的{SPEC_NAMES_ZH.get(name, name)}，无法按它比较。"

    def spec_unstated(self, spec: str, kind: str) -> str:
        name = spec_name(spec)
        return f"商品资料没有写明每款{in_chinese(kind)}的{SPEC_NAMES_ZH.get(name, name)}，我不能靠猜来挑选。"

    def limits_unmet(
        self,
        limits: Sequence[SpecLimit],
        kind: str,
        *,
        kept: bool = True,
        best: tuple[SpecLimit, float] | None = None,
    ) -> str:
        text = f"本店没有{_zh_held(limits)}的{in_chinese(kind)}"
        if best is not None:
            missed, value = best
            text += f"，{'最高' if missed.more else '最低'}为{_number(missed, value)}"
        return text + ("，套装保持不变。" if kept else "。")

    def spec_unbeaten(self, limit: SpecLimit, holder: Product | None) -> str:
        of = f"{_short(holder)}的" if holder else ""
        past = f"{_zh_past(limit)}{of}{_limit_value(limit)}"
        return f"{_zh_spec(limit)}：没有合适的商品{past}，所以套装保持不变。"

    def features_lacking(self, features: Sequence[str], kind: str) -> str:
        return f"本店的{in_chinese(kind)}都没有标明“{' '.join(features)}”，以下是最接近的。"

    def category_not_carried(self, categories: Sequence[str], carried: Sequence[str]) -> str:
        return f"抱歉，本店没有{'、'.join(in_chinese(c) for c in categories)}。还想找点别的吗？"

    def currency_not_used(self, currency: str, used: Sequence[str], *, shown: bool = False) -> str:
        said = f"本店以{'、'.join(used)}标价，不是{currency}，我也不做汇率换算"
        if shown:
            return f"{said}，以下套装未按预算筛选。告诉我以{used[0]}计的预算，我再帮你缩小范围。"
        return f"{said}。你的预算是多少{used[0]}？"

    def nothing_fits(self, reason: str | None, nearest: tuple[Decimal, str] | None) -> str:
        text = "抱歉，没有符合条件的套装。"
        if nearest is not None:
            text += f"最接近的套装价格为{_money(*nearest)}，需要看看吗？"
        return text

    def accepted(self, bundle: ShownBundle, haggled: bool = False) -> str:
        price = f"这个套装的价格为{_money(bundle.bundle_price, bundle.currency)}，报价有效期内可直接下单。"
        return f"价格由商店设定，我无法更改。{price}" if haggled else f"好的！{price}"

    def explain(self, bundles: Sequence[ShownBundle], goal: ShoppingGoal) -> str:
        if not bundles:
            return "要我介绍哪一套？"
        bundle = bundles[0]
        label = LABELS_ZH.get(bundle.label, bundle.label)
        anchor = bundle.items[0].title if bundle.items else "主商品"
        extras = "、".join(in_chinese(i.role or "") for i in bundle.items[1:] if i.role)
        with_extras = f"，搭配{extras}" if extras else ""
        cost = f"整套{_money(bundle.bundle_price, bundle.currency)}"
        saved = _saved(bundle)
        if saved > 0:
            cost += f"，比单独购买省{_money(saved, bundle.currency)}"
        elif bundle.list_price is not None:  # "能省多少？" deserves a plain answer
            cost += "，和单独购买一样，这套没有折扣"
        return f"{label}套装以{anchor}为主{with_extras}。{cost}。"

    def checked_together(self, bundles: Sequence[ShownBundle]) -> str:
        which = f"{LABELS_ZH.get(bundles[0].label, bundles[0].label)}套装" if len(bundles) == 1 else "每一套"
        return (
            f"是的：{which}里的商品都按商品资料核对过能一起用（机型与尺寸、镜头卡口、存储卡格式、接口、"
            "电脑包尺寸、咖啡机系统）。"
        )

    def fits_named(self, fits: Sequence[Fit], device: str) -> str:
        def line(fit: Fit) -> str:
            name, listed = _short(fit.product), "、".join(fit.listed)
            if fit.fits is None:
                return f"{name}适配{listed}" if listed else f"商品资料没有写明{name}适配哪些设备"
            return f"{name}标明支持{listed}，" + ("可以" if fit.fits else f"不包括{device}")

        return "根据商品资料：" + "；".join(line(fit) for fit in fits) + "。"

    def details(self, facts: Sequence[Facts]) -> str:
        lines = [
            f"{_short(f.product)}："
            + "，".join(
                f"{SPEC_NAMES_ZH.get(spec_name(key), spec_name(key))} {spec_value(key, value, '是', '否')}"
                for key, value in f.specs
            )
            if f.specs
            else f"{_short(f.product)}：“{f.said}”"
            if f.said
            else f"{_short(f.product)}：商品名称写明“{f.named}”"
            if f.named
            else f"商品资料没有写明{_short(f.product)}的这一项"
            for f in facts
        ]
        if not any(f.specs or f.said or f.named for f in facts):
            return "抱歉，" + "；".join(lines) + "，我不想瞎猜。"
        return "根据商品资料：" + "；".join(lines) + "。"

    def ranking(self, ranking: Ranking, labels: Mapping[str, Sequence[str]] | None = None) -> str:
        name = spec_name(ranking.key)
        shown = {spec_value(ranking.key, value, "是", "否") for _, value in ranking.values}
        if len(shown) == 1:
            return f"它们的{SPEC_NAMES_ZH.get(name, name)}都一样：{shown.pop()}。"
        listed = "，".join(
            f"{_short(product)}"
            + (
                f"（{'、'.join(LABELS_ZH.get(label, label) for label in held_by)}）"
                if (held_by := (labels or {}).get(product.id))
                else ""
            )
            + f" {spec_value(ranking.key, value, '是', '否')}"
            for product, value in ranking.values
        )
        text = f"{SPEC_NAMES_ZH.get(name, name)}：{listed}。"
        return text + (f"{_short(ranking.best)}更符合你的要求。" if ranking.best is not None else "")

    def compare(self, bundles: Sequence[ShownBundle], anchors: Sequence[Product] = ()) -> str:
        if len(bundles) < 2:
            return "要比较哪两个套装呢？"
        lines = [
            f"{LABELS_ZH.get(b.label, b.label)}：{len(b.items)}件，{_money(b.bundle_price, b.currency)}"
            for b in bundles
        ]
        cheapest = min(bundles, key=lambda b: b.bundle_price)
        text = "；".join(lines) + f"。{LABELS_ZH.get(cheapest.label, cheapest.label)}最便宜。"
        differing = spec_differences(anchors, yes="是", no="否")
        if differing:
            text += "主商品的区别：" + _zh_specs(differing) + "。"
        return text

    def compare_products(
        self, offers: Sequence[BundleView], products: Sequence[Product], ranking: Ranking | None = None
    ) -> str:
        prices = [f"{o.items[0].title}：{_money(o.bundle_price, o.currency)}" for o in offers if o.items]
        text = "；".join(prices) + "。"
        if ranking is not None:
            return self.ranking(ranking) + text
        differing = spec_differences(products, yes="是", no="否")
        if differing:
            text += "主要区别：" + _zh_specs(differing) + "。"
        return text


def _en_specs(differing: Sequence[tuple[str, list[str]]]) -> str:
    return "; ".join(f"{label}: {' vs '.join(values)}" for label, values in differing)


def _with_article(kind: str) -> str:
    """'a coffee grinder', 'an eye cream', 'earbuds' (said in pairs), 'skincare' (a mass noun), a product
    title as it is."""
    if not kind or kind[:1].isupper() or kind in MASS_NOUNS:
        return kind
    if said_in_pairs(kind) or kind in _SAID_IN_PLURAL:
        return _plural(kind)
    vowel = kind[:1] in "aeiou" and not kind.startswith(_SAID_WITH_Y)  # 'a usb c hub', 'an eye cream'
    return f"{'an' if vowel else 'a'} {kind}"


_PLATFORM_NAMES = frozenset({"iOS", "Android", "macOS", "Windows", "HarmonyOS", "watchOS", "Wear OS"})
_SAID_WITH_Y = ("usb", "uni", "use", "eu", "one", "uv", "ua")  # vowels said as a consonant: 'a USB hub'


def _and(parts: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or 'a, b or c')."""
    return f" {conjunction} ".join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)


def _kinds(kind: str) -> str:
    """A kind named as many: 'shoes', 'mice', 'lighting products' (a mass noun takes 'products')."""
    return f"{kind} products" if kind in MASS_NOUNS else _plural(kind)


def _versus(products: Sequence[Product]) -> str:
    return " vs ".join(_short(product) for product in products)


def _zh_specs(differing: Sequence[tuple[str, list[str]]]) -> str:
    return "；".join(
        f"{SPEC_NAMES_ZH.get(label, label)}：{' / '.join(values)}" for label, values in differing
    )


def _savings(shown: Sequence[ShownBundle]) -> list[tuple[str, str]]:
    """(label, amount saved) of each shown bundle priced below its items bought alone, as quoted."""
    return [
        (b.label, _money(b.list_price - b.bundle_price, b.currency))
        for b in shown
        if b.list_price is not None and b.list_price > b.bundle_price
    ]


def _held(limits: Sequence[SpecLimit]) -> str:
    """'weight under 1.24 kg and screen over 14 in'; two on one spec as one ('screen at least 14 in and
    under 15 in')."""
    by_key: dict[str, list[SpecLimit]] = {}
    for limit in _tightest(limits):
        by_key.setdefault(limit.key, []).append(limit)
    return _and(
        [f"{spec_name(key)} {' and '.join(_past(one) for one in same)}" for key, same in by_key.items()]
    )


def _zh_held(limits: Sequence[SpecLimit]) -> str:
    return "、".join(f"{_zh_spec(one)}{_zh_past(one)}{_limit_value(one)}" for one in _tightest(limits))


def _tightest(limits: Sequence[SpecLimit]) -> list[SpecLimit]:
    """The strictest limit of each spec and direction, in order: 'more ram' past a use's 16 GB floor is 'RAM
    over 16 GB', not 'over 16 GB and at least 16 GB'."""
    kept: dict[tuple[str, bool], SpecLimit] = {}
    for limit in limits:
        held = kept.get((limit.key, limit.more))
        if held is None or _stricter(limit, held):
            kept[(limit.key, limit.more)] = limit
    return [limit for limit in limits if kept[(limit.key, limit.more)] is limit]


def _stricter(limit: SpecLimit, than: SpecLimit) -> bool:
    if limit.value != than.value:
        return (limit.value > than.value) == limit.more
    return than.inclusive and not limit.inclusive


def _past(limit: SpecLimit) -> str:
    """'under 1.24 kg', 'over 512 GB', 'at least 16 GB'."""
    if limit.inclusive:
        return f"{'at least' if limit.more else 'at most'} {_limit_value(limit)}"
    return f"{'over' if limit.more else 'under'} {_limit_value(limit)}"


def _zh_spec(limit: SpecLimit) -> str:
    name = spec_name(limit.key)
    return SPEC_NAMES_ZH.get(name, name)


def _zh_past(limit: SpecLimit) -> str:
    if limit.inclusive:
        return "不低于" if limit.more else "不高于"
    return "高于" if limit.more else "低于"


def _limit_value(limit: SpecLimit) -> str:
    """The limit's number as the catalog states such numbers: '1.24 kg', '512 GB' (not '512.0 GB')."""
    return _number(limit, limit.value)


def _number(limit: SpecLimit, value: float) -> str:
    """A number on the limit's spec, with its unit."""
    number = float(value)
    return spec_value(limit.key, int(number) if number.is_integer() else number, "yes", "no")


def _short(product: Product) -> str:
    """A product's name without the brand and the details after a comma ('AirPods Pro 2 with ...')."""
    title = product.title.split(",")[0]
    if product.brand and title.casefold().startswith(product.brand.casefold() + " "):
        title = title[len(product.brand) + 1 :]
    return title


def _cost(bundle: ShownBundle) -> str:
    """What the bundle costs as quoted, and what it saves when it does (both from the pricing engine)."""
    cost = f"It's {_money(bundle.bundle_price, bundle.currency)} for everything"
    saved = _saved(bundle)
    if saved > 0:
        cost += f", {_money(saved, bundle.currency)} less than buying the items alone"
    elif bundle.list_price is not None:  # "how much do I save?" deserves a plain answer
        cost += ", the same as buying the items alone: this one has no bundle discount"
    return cost + "."


def _saved(bundle: ShownBundle) -> Decimal:
    return bundle.list_price - bundle.bundle_price if bundle.list_price is not None else Decimal(0)


_SAID_IN_PLURAL = frozenset({"pod", "capsule", "coffee bean", "coffee pod"})  # sold by the box
_IRREGULAR = {
    "mouse": "mice", "knife": "knives", "shelf": "shelves", "man": "men", "woman": "women", "lens": "lenses",
}  # fmt: skip


def _plural(kind: str) -> str:
    """'earring' -> 'earrings', 'box' -> 'boxes', 'battery' -> 'batteries', 'mouse' -> 'mice' (category
    names are singular)."""
    head, _, last = kind.rpartition(" ")
    if last in MASS_NOUNS:  # 'laptop cooling', 'wifi': "we don't carry wifis" had been said
        return kind
    if last in _IRREGULAR:
        return f"{head} {_IRREGULAR[last]}".strip()
    if kind.endswith(("s", "x", "ch", "sh")):
        return kind if kind.endswith("s") else f"{kind}es"
    if kind.endswith("y") and kind[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return f"{kind[:-1]}ies"
    return f"{kind}s"


def _items(count: int) -> str:
    return f"{count} item" if count == 1 else f"{count} items"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def for_locale(locale: str) -> EnglishReplies:
    """The reply wording for `locale` (Chinese for zh*, else English)."""
    return ChineseReplies() if locale.lower().startswith("zh") else EnglishReplies()


def _budget_zh(goal: ShoppingGoal, bundles: Sequence[BundleView]) -> str:
    """The budget as understood. '3000以内' names no currency: say which one it was read in, because a
    shopper writing Chinese in a shop priced in dollars may well have meant yuan."""
    if goal.budget_max is None or not bundles:
        return ""
    currency = goal.currency or bundles[0].currency
    amount = format(goal.budget_max.normalize(), "f")
    assumed = "" if goal.currency else f"，按{currency}计；若指人民币，请说“{amount}元以内”"
    return f"（预算{_money(goal.budget_max, currency)}以内{assumed}）"


def _lead(goal: ShoppingGoal, priced_in: str) -> str:
    """'Here are phone bundles within $900:' (a budget that named no currency is in the shop's)."""
    budget = (
        f" within {_money(goal.budget_max, goal.currency or priced_in)}"
        if goal.budget_max is not None
        else ""
    )
    if goal.products:  # "the iphone 16 pro with a case": the phone is what the bundles are built around
        return f"Here are {goal.products[0]} bundles{budget}:"
    if goal.categories:
        device = f" for your {_device_name(goal.fits)}" if goal.fits else ""
        return f"Here are {goal.categories[0]} bundles{device}{budget}:"
    if goal.owned:  # "accessories for my camera": the bundles go with their device, they hold no camera
        device = _device_name(goal.fits) if goal.fits else " and ".join(goal.owned)
        return f"Here are accessories for your {device}{budget}:"
    return f"Here are bundles{budget}:"


def _device_name(models: Sequence[str]) -> str:
    """What the shopper's device is called: the first model, cut to the words it shares with the other
    models of its line ('Apple Watch Series 10' for the 42mm and the 46mm); a platform ('iOS') is no line."""
    words = models[0].split()
    for other in models[1:]:
        theirs = other.split()
        if theirs[:1] != words[:1]:
            continue
        shared = 0
        while shared < min(len(words), len(theirs)) and words[shared] == theirs[shared]:
            shared += 1
        words = words[:shared]
    return " ".join(words)


def _or(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _saves(bundle: BundleView) -> str:
    return f" (save {_money(bundle.savings, bundle.currency)})" if bundle.savings > 0 else ""


def _money(amount: Decimal, currency: str) -> str:
    return format_money(amount, currency)


def _roles(bundle: ShownBundle) -> str:
    return ", ".join(_paired(_role(item.role, item.title, item.category)) for item in bundle.items)


def _paired(kind: str) -> str:
    """A kind said in pairs in the plural ('headphones', 'earbuds'); others as they are."""
    return _plural(kind) if said_in_pairs(kind) else kind


def _role(role: str | None, title: str, category: str | None = None) -> str:
    """What an item does in its bundle: its role, or for the anchor its own category; on a shelf of several
    kinds, the one the item is ('a mug', 'a milk frother', not 'a mug accessory')."""
    if role == ANCHOR_ROLE and category:  # singular, as the other roles are: "laptop", not "laptops"
        return kind_on_shelf(leaf_phrase(category) or category.split(" > ")[-1].lower(), title, category)
    if role and role != ANCHOR_ROLE and not role.startswith("item:"):
        return kind_on_shelf(role, title, category)
    return title
