"""The clarifying questions the assistant asks instead of guessing (one per turn, plain words)."""

from __future__ import annotations

from retrieval.zh_lexicon import in_chinese

# The bundle labels as a Chinese reply names them
LABELS_ZH = {"value": "实惠款", "balanced": "均衡款", "premium": "高端款", "best match": "推荐款"}

_UNSURE = {
    "build_bundle": "Should I put together a set for you? Tell me what it's for and your budget.",
    "search_product": "Which product are you looking for?",
    "refine": "What should I change: the budget, the brand, or something else?",
    "swap_item": "Which item should I swap, and for what?",
    "add_item": "What would you like me to add?",
    "remove_item": "Which item should I take out?",
    "compare": "Which bundles should I compare?",
    "ask_explanation": "What would you like me to explain?",
    "accept_bundle": "Which bundle would you like to take?",
}


# People named by what they are, who need an article ("a gift for a 10 year old", not "for 10 year old");
# "mum", "dad" or a name read as names, and "my wife" has its possessive
_PEOPLE_NOUNS = frozenset(
    {"baby", "toddler", "kid", "child", "boy", "girl", "teen", "teenager", "newborn", "student", "friend"}
    | {"colleague", "coworker", "neighbour", "neighbor", "lover", "fan", "beginner", "person", "guy", "lady"}
)


# Relatives the shopper has, said back as theirs ("a gift for your wife"); "mum", "dad", "grandma" read as
# names and stay bare
_RELATIVES = frozenset(
    {"wife", "husband", "son", "daughter", "sister", "brother", "boyfriend", "girlfriend", "partner"}
    | {"fiance", "fiancee", "niece", "nephew", "aunt", "uncle", "cousin", "grandson", "granddaughter"}
    | {"kids", "children", "parents", "grandparents", "grandchildren", "boss", "bestie", "sons", "daughters"}
    | {"family"}
)
_PARENTS = frozenset({"mum", "mom", "dad", "mother", "father", "parent", "grandma", "grandpa", "grandmother"})
_DETERMINERS = frozenset({"a", "an", "the", "my", "his", "her", "our", "their", "your", "some"})


def with_article(phrase: str) -> str:
    """`phrase` with "a"/"an" when it names a kind of person without one: "10 year old" -> "a 10 year old",
    "coffee lover" -> "a coffee lover"; with "your" for a relative or for the shopper's "my": "wife" ->
    "your wife", "my mum" -> "your mum"; "mum" and "the twins" stay as they are."""
    words = phrase.split()
    if words and words[0].casefold() == "my":  # the shopper's words, said back by the assistant
        return " ".join(["your", *words[1:]])
    if not words or words[0].casefold() in _DETERMINERS:
        return phrase
    if words[-1].casefold() in _RELATIVES:
        return f"your {phrase}"
    kind_of_parent = len(words) > 1 and words[-1].casefold() in _PARENTS  # "new mom", not "mum"
    if not (words[0][0].isdigit() or words[-1].casefold() in _PEOPLE_NOUNS or kind_of_parent):
        return phrase
    vowel_sound = words[0][0].casefold() in "aeio" or words[0].startswith(("8", "11", "18"))
    return f"{'an' if vowel_sound else 'a'} {phrase}"


class questions:  # noqa: N801 - a namespace of question builders, read as `questions.what_for()`
    """Question texts, kept in one place so wording and tone stay consistent."""

    @staticmethod
    def unsure(intent: str) -> str:
        """When the model is not confident about what the shopper wants."""
        return "Sorry, I'm not sure I understood. " + _UNSURE.get(intent, "What are you shopping for?")

    @staticmethod
    def what_for() -> str:
        """A shopping request that names nothing to shop for."""
        return "What are you shopping for? For example a phone, a skincare set or a coffee setup."

    @staticmethod
    def gift_details(recipient: str | None, *, has_budget: bool = False) -> str:
        """A gift with no kind of product: ask (once) rather than show random sets."""
        who = with_article(recipient) if recipient else "them"
        budget = "" if has_budget else ", and what's your budget"
        return f"Happy to help with a gift for {who}! What do they like{budget}?"

    @staticmethod
    def nothing_shown() -> str:
        """A reference to bundles before any were shown."""
        return "I haven't shown you any bundles yet. What are you shopping for?"

    @staticmethod
    def unknown_bundle(count: int) -> str:
        """A reference to a bundle that does not exist."""
        return f"I showed {count} bundle{'s' if count != 1 else ''}. Which one do you mean?"

    @staticmethod
    def which_bundle(count: int) -> str:
        """Accepting without saying which of several bundles."""
        options = ["first", "second", "third", "fourth", "fifth"][: max(2, min(count, 5))]
        return f"Which of the {count} bundles would you like: the {', '.join(options[:-1])} or {options[-1]}?"

    @staticmethod
    def which_item(intent: str) -> str:
        """A swap/add/remove without an item."""
        return _UNSURE.get(intent, "Which item do you mean?")

    @staticmethod
    def cheaper_than_what() -> str:
        """'Cheaper' with nothing shown and no budget."""
        return "Cheaper than what? Tell me a budget, e.g. 'under $300'."

    @staticmethod
    def what_budget() -> str:
        """'My budget is limited' with no amount."""
        return "What budget should I keep to? Tell me the most you'd spend, e.g. 'under $300'."

    @staticmethod
    def already_there(role: str) -> str:
        """'Add a mouse' to bundles that each hold one."""
        return f"Each of those bundles already has a {role}. Want a different one? Say 'swap the {role}'."

    @staticmethod
    def not_there(role: str, *, intent: str, label: str | None = None) -> str:
        """'Remove the lens' from bundles that hold none: it was "Removed it" over the same bundles.
        `label`: the one bundle asked about ('the value bundle has no lens')."""
        which = f"The {label} bundle has no {role}" if label else f"None of those bundles has a {role}"
        if intent == "remove_item":
            return f"{which}, so there is nothing to remove."
        return f"{which}. Want me to add one? Say 'add a {role}'."

    @staticmethod
    def keeps_its_main_item(role: str) -> str:
        """'Remove the camera' from camera bundles: without it they are not the bundles asked for."""
        return (
            f"The {role} is what those bundles are built around. Want a different one? Say 'swap the {role}'."
        )

    @staticmethod
    def nothing_to_change(*, said_something: bool) -> str:
        """A refinement that changes nothing: one the bundles already meet, or one we cannot read
        ("something lighter"), rather than the same bundles again as if it had been applied."""
        if said_something:
            return "The bundles I showed already fit that. Want a different budget, brand or item?"
        return (
            "I can't narrow it down by that. I can change the budget, the brands, the colour or size,"
            " or swap, add and remove items."
        )


_UNSURE_ZH = {
    "build_bundle": "要我帮你搭配一套吗？告诉我用途和预算。",
    "search_product": "你在找哪款商品？",
    "refine": "要改什么：预算、品牌，还是别的？",
    "swap_item": "要换哪件商品，换成什么？",
    "add_item": "想加点什么？",
    "remove_item": "要去掉哪件商品？",
    "compare": "要比较哪几套？",
    "ask_explanation": "想让我解释什么？",
    "accept_bundle": "你想要哪一套？",
}


class questions_zh(questions):  # noqa: N801 - the same namespace, in Chinese
    """The questions for a shopper writing Chinese; same meaning, same order of information."""

    @staticmethod
    def unsure(intent: str) -> str:
        return "抱歉，我没太明白。" + _UNSURE_ZH.get(intent, "你想买什么？")

    @staticmethod
    def what_for() -> str:
        return "你想买什么？比如手机、护肤套装或咖啡设备。"

    @staticmethod
    def gift_details(recipient: str | None, *, has_budget: bool = False) -> str:
        budget = "" if has_budget else "预算大概多少"
        return f"很乐意帮你挑礼物！对方平时喜欢什么？{budget}" + ("？" if budget else "")

    @staticmethod
    def nothing_shown() -> str:
        return "我还没给你推荐套装呢。你想买什么？"

    @staticmethod
    def unknown_bundle(count: int) -> str:
        return f"我推荐了{count}套，你指的是哪一套？"

    @staticmethod
    def which_bundle(count: int) -> str:
        options = ["第一", "第二", "第三", "第四", "第五"][: max(2, min(count, 5))]
        return f"这{count}套里你想要哪一套：{'、'.join(options[:-1])}还是{options[-1]}套？"

    @staticmethod
    def which_item(intent: str) -> str:
        return _UNSURE_ZH.get(intent, "你指的是哪件商品？")

    @staticmethod
    def cheaper_than_what() -> str:
        return "比什么便宜？告诉我预算，比如“3000元以内”。"

    @staticmethod
    def what_budget() -> str:
        return "预算大概多少？告诉我最多想花多少，比如“3000元以内”。"

    @staticmethod
    def already_there(role: str) -> str:
        name = in_chinese(role)
        return f"这些套装里已经有{name}了。想换一个的话，可以说“换掉{name}”。"

    @staticmethod
    def not_there(role: str, *, intent: str, label: str | None = None) -> str:
        name = in_chinese(role)
        which = f"{LABELS_ZH.get(label, label)}套装里" if label else "这些套装里"
        if intent == "remove_item":
            return f"{which}没有{name}，不用去掉。"
        return f"{which}没有{name}。要加一个的话，可以说“加一个{name}”。"

    @staticmethod
    def keeps_its_main_item(role: str) -> str:
        name = in_chinese(role)
        return f"这些套装都是围绕{name}搭配的。想换一款的话，可以说“换掉{name}”。"

    @staticmethod
    def nothing_to_change(*, said_something: bool) -> str:
        if said_something:
            return "刚才推荐的套装已经符合这个要求了。要换预算、品牌或者商品吗？"
        return "这个条件我还没法筛选。我可以调整预算、品牌、颜色或尺寸，也可以替换、添加或移除商品。"


def for_locale(locale: str) -> type[questions]:
    """The question wording for `locale` (Chinese for zh*, else English), like `replies.for_locale`."""
    return questions_zh if locale.lower().startswith("zh") else questions
