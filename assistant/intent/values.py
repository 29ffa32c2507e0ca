"""Turn tagged surface text into values: money, quantities, ordinals, price direction.

Pure functions over strings; canonical brand and category names are matched in `vocabulary.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from retrieval.text import category_key

_CURRENCY_WORDS: tuple[tuple[str, str], ...] = (
    ("美元", "USD"), ("美金", "USD"), ("欧元", "EUR"), ("英镑", "GBP"),  # before 元 (yuan): they contain it
    # dollars of other countries before the bare '$' they contain
    ("r$", "BRL"), ("c$", "CAD"), ("ca$", "CAD"), ("a$", "AUD"), ("au$", "AUD"), ("hk$", "HKD"),
    ("s$", "SGD"), ("cad", "CAD"), ("aud", "AUD"), ("hkd", "HKD"), ("sgd", "SGD"),
    ("usd", "USD"), ("$", "USD"), ("dollar", "USD"), ("buck", "USD"),
    ("rmb", "CNY"), ("cny", "CNY"), ("yuan", "CNY"), ("人民币", "CNY"), ("元", "CNY"), ("块", "CNY"),
    ("¥", "CNY"), ("￥", "CNY"),
    ("eur", "EUR"), ("€", "EUR"), ("euro", "EUR"), ("gbp", "GBP"), ("£", "GBP"), ("pound", "GBP"),
    ("quid", "GBP"),
    # other currencies, so a shop pricing in one says it does not price in these ("under 12,000 nok" had
    # been read as $12,000)
    ("nok", "NOK"), ("sek", "SEK"), ("dkk", "DKK"), ("krone", "NOK"), ("kroner", "NOK"), ("kronor", "SEK"),
    ("chf", "CHF"), ("franc", "CHF"), ("jpy", "JPY"), ("yen", "JPY"), ("円", "JPY"), ("日元", "JPY"),
    ("inr", "INR"), ("rupee", "INR"), ("₹", "INR"), ("krw", "KRW"), ("₩", "KRW"), ("brl", "BRL"),
    ("rub", "RUB"), ("₽", "RUB"), ("ruble", "RUB"), ("rouble", "RUB"), ("pln", "PLN"), ("zloty", "PLN"),
    ("zł", "PLN"),
)  # fmt: skip
_NUMBER = re.compile(
    r"(\d+(?:[,\s]\d{3})*(?:\.\d+)?|\.\d+)(?!\d)\s*(k|K|grand|千|万|thousand|hundred)?"
    r"(?!(?!usd|rmb|cny|eur|gbp|yuan|dollar|buck|euro|pound|quid|nok|sek|dkk|chf|jpy|yen|inr|cad|aud"
    r"|krw|hkd|sgd|brl|rub|pln)[a-z])"  # '500rmb' yes, '256gb' no
)
_WORD_NUMBERS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000, "k": 1000}
_CN_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
    "5th": 5, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
}  # fmt: skip
_CARDINALS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_LABELS = {
    "premium": "premium", "best": "premium", "high end": "premium", "high-end": "premium",
    "luxury": "premium",
    "fancy": "premium", "value": "value", "budget": "value", "cheapest": "value", "cheap": "value",
    "basic": "value", "balanced": "balanced", "middle": "balanced", "mid": "balanced", "高端": "premium",
    "便宜": "value", "最便宜": "value", "中间": "balanced",
}  # fmt: skip
_LOWER = ("too expensive", "too pricey", "pricey", "cheap", "less", "lower", "budget", "afford", "save",
          "down", "便宜", "太贵", "省")  # fmt: skip
_HIGHER = ("more expensive", "premium", "better", "higher", "fancier", "luxur", "nicer", "upgrade",
           "high end",
           "high-end", "top", "pricier", "best", "高端", "更好", "好一点", "贵一点")  # fmt: skip


def parse_money(text: str) -> tuple[Decimal | None, str | None]:
    """Amount and ISO currency in a money phrase: '1.2k' -> 1200, 'under 900 bucks' -> (900, USD),
    '3000元以内' -> (3000, CNY), '两千' -> 2000. The largest amount wins ('300-500' -> 500)."""
    lowered = text.lower()
    if "%" in lowered or "percent" in lowered:  # "90% off" is a discount wish, not a budget
        return None, None
    currency = next((code for word, code in _CURRENCY_WORDS if word in lowered), None)
    scaled = (_scaled(number, scale) for number, scale in _NUMBER.findall(lowered))
    amounts = [amount for amount in scaled if amount is not None]
    if not amounts:
        spoken = _spoken_number(lowered) or _chinese_number(text)
        amounts = [Decimal(spoken)] if spoken else []
    return (_tidy(max(amounts)) if amounts else None), currency


def parse_money_low(text: str) -> tuple[Decimal | None, str | None]:
    """Like `parse_money` but the smallest amount wins (for a lower bound such as 'from 300-500')."""
    lowered = text.lower()
    amounts = [_scaled(number, scale) for number, scale in _NUMBER.findall(lowered)]
    present = [amount for amount in amounts if amount is not None]
    if not present:
        return parse_money(text)
    return _tidy(min(present)), parse_money(text)[1]


_LOWER_BOUND = re.compile(
    r"\b(?:at least|over|above|more than|upwards of|from|min(?:imum)?|starting at)\b|\+$|以上|起"
)
_UPPER_BOUND = re.compile(
    r"\b(?:under|below|less than|max(?:imum)?|up to|at most|within|sub|cheaper than|tops)\b"
    r"|以内|以下|之内|不超过|最多"
)


_ABOUT = re.compile(r"\b(?:around|about|roughly|approximately|approx|circa)\b|~|ish\b|左右")


def budget_bound(text: str) -> str | None:
    """'budget_min' or 'budget_max' when a money phrase's own words say which bound it is ('at least
    200', 'over $500', '3000元以内', 'around 50' is the most they mean to spend), None when they don't
    ('$900')."""
    lowered = text.lower().strip()
    if re.search(r"\bno(?:t)? (?:more|higher) than\b", lowered):
        return "budget_max"
    if re.search(r"\bno(?:t)? (?:less|lower) than\b", lowered):
        return "budget_min"
    lower, upper = _LOWER_BOUND.search(lowered), _UPPER_BOUND.search(lowered)
    if not lower and not upper and _ABOUT.search(lowered):
        return "budget_max"  # 'around 200' is what they mean to spend: the ceiling (ANNOTATION.md)
    if bool(lower) == bool(upper):
        return None
    bound = lower or upper
    assert bound is not None
    negation = _NEGATION.search(lowered)
    if negation and negation.start() < bound.start():  # 'nothing over 150' is at most 150
        lower, upper = upper, lower
    return "budget_min" if lower else "budget_max"


_NEGATION = re.compile(r"\b(?:nothing|not|no|never|cannot)\b|n't\b")
# The words a negation may stand apart from the bound by: "I don't want to spend over 500", not "no
# problem paying over 500"
_NEGATED_LEAD = re.compile(
    r"(?:\b(?:nothing|not|no|never|cannot)|n't)"
    r"(?:\s+(?:want|wanna|to|spend|spending|go|going|pay|paying|anything|something|that|that's|thats|which|"
    r"is|it|be|looking|for|really|costing|cost|costs|a|penny|cent|dollar))*\s+$"
)


def negation_before(text: str, start: int) -> int | None:
    """Where a negation that governs the money phrase at `start` begins ('nothing [over 150]', "I can't go
    [above 500]"), else None; the tagger leaves it out of the span."""
    lead = _NEGATED_LEAD.search(text.lower(), max(0, start - 60), start)
    return lead.start() if lead else None


def parse_quantity(text: str) -> int | None:
    """'two' -> 2, '3' -> 3, 'a couple of' / 'a pair' -> 2, '两个' -> 2."""
    lowered = text.lower()
    digits = re.search(r"\d+", lowered)
    if digits:
        return int(digits.group())
    spoken = _spoken_number(lowered) or _chinese_number(text)
    if spoken:
        return spoken
    if "dozen" in lowered:
        return 12
    if "couple" in lowered or "pair" in lowered or "both" in lowered:
        return 2
    return None


_FIRST_N = re.compile(r"first (two|three|2|3)\b|[前头](两|二|三|2|3)(?![一二三四五六七八九十百千万\d])")


def parse_bundle_ref(text: str) -> int | str | list[int] | None:
    """'the second one' -> 2, 'bundle 3' -> 3, 'the last one' -> -1, 'the premium one' -> 'premium',
    'the first two' and '前两个' -> [1, 2], '第二个' -> 2."""
    lowered = text.lower()
    first_n = _FIRST_N.search(lowered)
    if first_n:
        count = first_n.group(1) or first_n.group(2)
        return list(range(1, {"two": 2, "three": 3, "2": 2, "3": 3, "两": 2, "二": 2, "三": 3}[count] + 1))
    if "last" in lowered or "最后" in text:
        return -1
    for label in sorted(_LABELS, key=len, reverse=True):
        if label in lowered:
            return _LABELS[label]
    number = re.search(r"\d+", lowered)
    if number:
        return int(number.group())
    named = re.search(r"(?:bundle|option|number|no\.?|set|#)\s*(one|two|three|four|five)\b", lowered)
    if named:
        return _CARDINALS[named.group(1)]
    for word in re.findall(r"[a-z0-9]+|[一二两三四]", lowered):
        if word in _ORDINALS:
            return _ORDINALS[word]
    return None


def parse_price_direction(text: str) -> str | None:
    """'cheaper' / 'too expensive' / '便宜点' -> 'lower'; 'more premium' / '高端' -> 'higher'."""
    lowered = text.lower()
    if any(word in lowered for word in ("more expensive", "pricier", "贵一点")):
        return "higher"
    if any(word in lowered for word in _LOWER):
        return "lower"
    if any(word in lowered for word in _HIGHER):
        return "higher"
    return None


def _tidy(amount: Decimal) -> Decimal:
    """1200.0 -> 1200; 99.50 stays 99.50."""
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


def _scaled(number: str, scale: str) -> Decimal | None:
    try:
        value = Decimal(re.sub(r"[,\s]", "", number))
    except InvalidOperation:
        return None
    multiplier = {"k": 1000, "grand": 1000, "thousand": 1000, "千": 1000, "万": 10000, "hundred": 100}
    return value * multiplier.get(scale.lower() if scale else "", 1)


def _spoken_number(text: str) -> int | None:
    total, current, seen = 0, 0, False
    for word in re.findall(r"[a-z]+", text):
        if word in _WORD_NUMBERS and word not in ("a", "an"):
            current += _WORD_NUMBERS[word]
            seen = True
        elif word in ("a", "an"):
            current = current or 1
        elif word in _SCALES and (seen or current):
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
            seen = True
    return total + current if seen else None


def _chinese_number(text: str) -> int | None:
    run = re.search(r"[零一二两三四五六七八九十百千万]+", text)
    if not run:
        return None
    total, section, digit, last_unit, zero = 0, 0, 0, 1, False
    for char in run.group():
        if char == "零":
            zero = True
        elif char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char == "万":
            total += (section + digit) * 10000
            section, digit, last_unit, zero = 0, 0, 10000, False
        else:
            section += max(digit, 1) * _CN_UNITS[char]
            digit, last_unit = 0, _CN_UNITS[char]
    if digit and not zero and last_unit >= 100:  # 三千五 is 3500, not 3005 (三千零五 is 3005)
        digit *= last_unit // 10
    return total + section + digit or None


_SEX_WORDS: dict[str, tuple[str, ...]] = {
    "women": ("women", "womens", "woman", "ladies", "lady", "female", "girls"),
    "men": ("men", "mens", "man", "gentlemen", "male", "boys"),
}
_KIN_WORDS: dict[str, tuple[str, ...]] = {
    "women": (
        "her", "she", "wife", "mum", "mom", "mother", "mama", "mummy", "mommy", "girlfriend", "gf", "sister",
        "daughter", "grandma", "grandmother", "granny", "nan", "aunt", "auntie", "niece", "fiancee", "girl",
    ),
    "men": (
        "him", "he", "husband", "dad", "daddy", "father", "papa", "boyfriend", "bf", "brother", "son",
        "grandpa", "grandfather", "uncle", "nephew", "fiance", "boy", "guy",
    ),
}  # fmt: skip
_SEX_ZH = {"women": ("女士", "女款", "女式", "女性", "女生"), "men": ("男士", "男款", "男式", "男性", "男生")}
_KIN_ZH = {
    "women": ("女", "老婆", "妻子", "太太", "媳妇", "妈", "母亲", "姐", "妹", "奶奶", "外婆", "姥姥",
              "阿姨", "她"),
    "men": ("男", "老公", "丈夫", "先生", "爸", "父亲", "哥", "弟", "儿子", "爷爷", "外公", "姥爷", "叔叔",
            "他"),
}  # fmt: skip
_ANY_SEX_WORD = frozenset(word for words in _SEX_WORDS.values() for word in words)
_ANY_SEX_ZH = frozenset(word for words in _SEX_ZH.values() for word in words)
_ENGLISH_WORD = re.compile(r"[a-z]+")


def wearer(text: str, *, kin: bool = True) -> str | None:
    """'women' or 'men' when `text` names only one of them; None when it names neither or both ("my mum
    and dad"). `kin`: also read relatives and pronouns (a recipient's words: "my wife", "for him"); a
    whole message is read with `kin=False`, for "women's" or "for men" only."""
    folded = _unpossessive(text)
    words = _ENGLISH_WORD.findall(folded)
    found: set[str] = set()
    refused: set[str] = set()
    for who in ("women", "men"):
        english = _SEX_WORDS[who] + (_KIN_WORDS[who] if kin else ())
        chinese = _SEX_ZH[who] + (_KIN_ZH[who] if kin else ())
        for at, word in enumerate(words):
            if word in english:
                (refused if _negated(words, at) else found).add(who)
        if any(word in folded for word in chinese):
            found.add(who)
    if not found and len(refused) == 1:  # "nothing for men", "not the women's ones"
        found = {"men" if refused.pop() == "women" else "women"}
    return found.pop() if len(found) == 1 else None


_NEGATIONS = frozenset({"no", "not", "nothing", "none", "non", "never", "without", "except", "dont", "t"})
_NEGATION_GAP = frozenset(
    {"for", "the", "a", "any", "my", "from", "made", "in", "of", "want", "need", "like"}
)


def _negated(words: list[str], at: int) -> bool:
    """True when a negation comes right before `words[at]`, across filler ("nothing for men", "not the
    men's", "no womens", "don't want men's")."""
    before = at - 1
    while before >= 0 and words[before] in _NEGATION_GAP:
        before -= 1
    return before >= 0 and words[before] in _NEGATIONS


def names_wearer_only(surface: str) -> bool:
    """True for a span that only says who it is for ("mens", "women's", "男士"): no brand, no kind."""
    folded = _unpossessive(surface).strip()
    words = _ENGLISH_WORD.findall(folded)
    return all(word in _ANY_SEX_WORD for word in words) if words else folded in _ANY_SEX_ZH


def _unpossessive(text: str) -> str:
    """Case-folded, "women's" read as "womens"."""
    return text.casefold().replace("'s", "s").replace("\u2019s", "s")


_OTHERS = re.compile(
    r"\b(?:something|anything|any|show me|got|have)\s+(?:else|different|other)\b"
    r"|\b(?:other|different|more|alternative|new)\s+(?:options?|ones?|choices?|bundles?|sets?|suggestions?|ideas?)\b"
    r"|\balternatives?\b|\bsomething else\b|\bwhat else\b|别的|其他|换一批|换几个|换一些",
    re.IGNORECASE,
)


def asks_for_others(text: str) -> bool:
    """'Something different', 'other options', '还有别的吗': other products than the ones shown."""
    return bool(_OTHERS.search(text))


# Words said with a product that tell no kind of it apart: praise, price, size in general, who it is for (the
# wearer is read on its own), and fillers ('a nice cheap phone', 'a new laptop', "men's shoes")
_NOT_FEATURES = frozenset({
    "good", "great", "best", "better", "nice", "nicer", "decent", "cheap", "cheaper", "cheapest",
    "affordable", "inexpensive", "budget", "expensive", "premium", "quality", "high", "top", "new", "newest",
    "latest", "cool", "awesome", "simple", "basic", "proper", "real", "solid", "reliable", "fancy", "popular",
    "cute", "pretty", "beautiful", "stylish", "big", "small", "large", "little", "tiny", "huge", "some",
    "any", "another", "other", "first", "second", "third", "one", "more", "less", "very", "really", "pair",
    "men", "women", "man", "woman", "kid", "boy", "girl", "lady", "guy", "her", "him", "his", "hers", "their",
    "your", "our", "mine", "the", "and", "with", "for", "this", "that", "these", "those", "what", "which",
    "buy", "need", "want", "get", "find", "show", "looking", "look", "recommend", "suggest", "have", "like",
    "love", "give", "gift", "send", "order", "add", "swap", "remove", "replace", "change", "take", "try",
    "instead", "also", "just", "only", "maybe", "please", "pls", "thanks", "hello", "hey", "can", "could",
    "would", "should", "will", "you", "are", "all", "not", "same", "different", "similar", "about", "how",
    "from", "into", "over", "under", "than", "then", "them", "they", "there", "here", "its", "who", "she",
    "much", "many", "lot", "bit", "kind", "sort", "type", "way",
    "ear",  # 'in-ear', 'over-ear': a form factor, which names the kind itself (`parser.form_factors`)
    "compatible", "matching", "spare",  # what goes with what, checked by the builder, not a product's word
    "old", "older", "newer", "cell",  # 'my old cell phone': its age and its other name, said of theirs
    "out", "off", "down", "trying", "testing", "using", "starting", "upgrade", "upgrading",  # trying out ...
})  # fmt: skip


def category_features(
    surfaces: Iterable[str], categories: Iterable[str], others: Iterable[str] = ()
) -> tuple[str, ...]:
    """Words said before a product's kind that describe the one wanted and that its normalised category
    drops: 'gaming' of [gaming mouse] -> mouse, 'electric' of [electric kettle], 'noise cancelling' of
    [noise cancelling headphones]; singular, in order, never a word of the categories or of `others` (the
    message's colour, brands and use), never praise or price ('a good cheap phone')."""
    named = {word for phrase in (*categories, *others) for word in category_key(phrase).split()}
    found: list[str] = []
    for surface in surfaces:
        for word in category_key(surface).split()[:-1]:  # the last word is the kind itself
            if len(word) >= 3 and word.isalpha() and word not in named | _NOT_FEATURES and word not in found:
                found.append(word)
    return tuple(found)
