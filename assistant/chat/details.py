"""Questions about a shown product's details, answered from its catalog attributes and nothing else.

"Does it have wireless charging?", "how long does the battery last?", "is the grinder good for espresso?"
had been answered with what the bundle is built around. The answer is a fact the catalog states or a plain
"the catalog doesn't say": the spec a question names (by the attribute's own words or a shopper's synonym for
them, "battery life" for `battery_h`), or any attribute whose text value holds a word of the question
("espresso" in a grinder's `best_for`). Pure: products and words in, facts out; `replies` words them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.chat.specs import NOT_SPECS, spec_number, unit_suffix
from retrieval.catalog.schema import Product
from retrieval.filters import COMPATIBILITY_PREFIX, MODEL_LISTS, as_list
from retrieval.text import category_key, model_key
from retrieval.zh_lexicon import gloss_text

# A question asking why or what it costs is about the bundle, which the bundle explanation answers
_ABOUT_BUNDLE = re.compile(
    r"\b(?:why|how\s+much|price|cost|costs|discount|save|saving|cheaper|pricier|expensive|total|altogether)\b"
    r"|\bwhat(?:'s|’s|\s+is|s)?\s+in\b|\b(?:included|includes?|inside)\b|有什么|包括|包含"
    r"|为什么|为啥|多少钱|价格|便宜|贵|折扣|省|总共|一共|总价",
    re.IGNORECASE,
)
# "how much" of a spec, not of the price: "how much does the first one weigh", "how much RAM does it have"
_HOW_MUCH_OF = re.compile(
    r"\bhow\s+much\s+(?:does|do|did)\b.*\bweigh\w*|\bhow\s+much\s+(?!(?:is|are|was|does|do|did|for|in|would|will"
    r"|altogether|total|money|it|they|this|that|those|these)\b)[a-z]+",
    re.IGNORECASE,
)
_COMPATIBLE = re.compile(
    r"\b(?:compatible|compatibility|fits?\s+(?:the|with|together|an?|my)|work(?:s)?\s+(?:with|together|on)"
    r"|go(?:es)?\s+together)\b"
    r"|兼容|适配|配得上|能一起用|能用吗",
    re.IGNORECASE,
)
# A yes/no or what/how question about a detail ("does it...", "is the...", "how heavy", "what's the")
_DETAIL_QUESTION = re.compile(
    r"^\s*(?:and\s+|so\s+|but\s+)?(?:does|do|is|are|can|could|will|would|has|have|how|what|which)\b"
    r"|\?\s*$|吗|多大|多重|多长|多久|有没有|能不能|是不是|支持",
    re.IGNORECASE,
)
# Shopper words for a spec, keyed by the words of its attribute key ('battery' covers battery_h, _mah, _days)
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "anc": ("noise", "cancelling", "canceling", "anc"),
    "battery": ("battery", "charge", "last", "lasts", "runtime"),
    "wireless charging": ("wireless", "qi"),
    "weight": ("heavy", "heavier", "heaviest", "weigh", "weight", "light", "lighter", "lightest"),
    "screen": ("screen", "display", "big", "bigger", "biggest", "large", "larger", "smaller", "size", "inch"),
    "size": ("size", "big", "bigger", "biggest", "large", "larger", "small", "smaller", "smallest", "inch"),
    "storage": ("storage", "space", "memory", "gb"),
    "ram": ("ram", "memory"),
    "main camera": ("camera", "megapixel", "mp", "photo"),
    "megapixels": ("megapixel", "mp", "resolution"),
    "waterproof": ("waterproof", "water", "rain", "swim", "shower"),
    "capacity": ("capacity", "hold", "big", "bigger", "larger", "smaller", "fit", "fits"),
    "key ingredients": ("ingredient", "contain", "contains", "made"),
    "material": ("material", "made"),
    "connector": ("port", "plug", "cable", "usb", "lightning", "connector"),
    "format": ("hardcover", "paperback", "ebook", "format", "kindle"),
    "os": ("android", "ios", "platform", "os"),
    "refresh": ("refresh", "hz", "smooth"),
    "max charging": ("fast", "charging", "watt"),
    "milk frother": ("milk", "froth", "frother", "latte", "cappuccino"),
    "induction": ("induction", "hob", "stove"),
    "oven safe": ("oven",),
    "spf": ("spf", "sun", "uv"),
    "video": ("video", "4k", "film", "record"),
    "insulated": ("insulated", "hot", "cold", "warm"),
    "notes": ("smell", "smells", "scent", "note", "notes", "sweet", "fresh", "floral"),
    "concentration": ("strong", "strength", "edp", "edt", "concentration", "lasting"),
    "colour": (
        "colour",
        "color",
        "black",
        "white",
        "blue",
        "red",
        "green",
        "pink",
        "grey",
        "gray",
        "silver",
        "gold",
        "purple",
        "yellow",
        "orange",
        "brown",
        "beige",
    ),
}


def _words(text: str) -> set[str]:
    """Casefolded words, singular ('does' -> 'doe', 'cases' -> 'case')."""
    return {category_key(word) for word in re.findall(r"[\w-]+", text.casefold())}


# Chinese spec words, as the English word `_SYNONYMS` knows them by
_ZH_SPEC_WORDS = {
    "无线充电": "wireless", "续航": "battery", "电池": "battery", "防水": "waterproof", "降噪": "noise",
    "重量": "weight", "多重": "heavy", "屏幕": "screen", "存储": "storage", "内存": "memory",
    "像素": "megapixel", "摄像头": "camera", "接口": "port", "颜色": "colour", "香味": "scent",
    "味道": "smell", "香调": "notes", "成分": "ingredient", "肤质": "skin", "防晒": "spf", "容量": "capacity",
    "材质": "material", "快充": "fast", "轻": "light", "重": "heavy",
}  # fmt: skip
_STOP = frozenset(
    {
        "a", "an", "the", "it", "its", "it's", "this", "that", "these", "those", "is", "are", "does", "do",
        "can", "could", "will", "would", "has", "have", "how", "what", "which", "and", "so", "but", "of",
        "for", "to", "in", "on", "with", "my", "me", "i", "you", "your", "there", "they", "them", "be", "any",
        "good", "ok", "okay", "one",
    }
)  # fmt: skip
_REFERENCES = frozenset(
    {
        "about", "first", "second", "third", "last", "other", "bundle", "option", "item", "product", "thing",
        "cheap", "premium", "value", "balanced", "1st", "2nd", "3rd", "work", "really", "actually", "also",
        "tell", "more", "know", "think", "get", "come", "say", "please", "pls",
    }
)  # fmt: skip
MAX_FACTS = 4
# Words a title may carry that say what a product has, not which one it is: "does it have 5g?" of the
# 'Xiaomi Redmi Note 14 Pro 5G' asks of a feature (it had been answered with what the bundle is built around)
_FEATURE_TOKENS = frozenset(
    {
        "5g",
        "4g",
        "lte",
        "gps",
        "wifi",
        "wi-fi",
        "cellular",
        "bluetooth",
        "wireless",
        "anc",
        "nfc",
        "esim",
        "magsafe",
    }
)
# compared after singularising, as the question's words are ('does' -> 'doe')
_STOP_KEYS = frozenset(key for word in _STOP | _REFERENCES for key in _words(word))


@dataclass(frozen=True, slots=True)
class Facts:
    """What the catalog states about one product that the question asks for (attribute key, value)."""

    product: Product
    specs: tuple[tuple[str, object], ...]
    said: str | None = None  # else the sentence of its description that speaks of it, word for word
    named: str | None = None  # else the words of its title asked about, as written ('GPS', 'Mechanical')


def asks_compatibility(question: str) -> bool:
    """'is the lens compatible with the camera?', 'will the case fit?': whether the items work together."""
    return bool(_COMPATIBLE.search(question))


@dataclass(frozen=True, slots=True)
class Fit:
    """What a product lists as working with (`compatible_*` values), and whether a device the shopper named
    is among them: None when it lists nothing, or lists models and the shopper named none."""

    product: Product
    listed: tuple[str, ...]
    fits: bool | None


def fits_named(products: Sequence[Product], models: Sequence[str], platforms: Sequence[str]) -> list[Fit]:
    """For each product, whether the catalog says it works with a device the shopper named (`models`:
    'iPhone 16 Pro'; `platforms`: 'iOS'). "Do they work with iphone?" had been answered "the items were
    checked to work together", which is about the bundle's items, not the shopper's phone. A product made
    for listed models is judged by a model only ('iphone' names none: its models are listed instead)."""
    wanted_models = {model_key(model) for model in models}
    wanted_platforms = {model_key(platform) for platform in platforms}
    fits = []
    for product in products:
        made_for = [str(value) for key in MODEL_LISTS for value in as_list(product.attributes.get(key))]
        runs_on = [str(value) for value in as_list(product.attributes.get(f"{COMPATIBILITY_PREFIX}os"))]
        if made_for:
            verdict = bool(wanted_models & {model_key(m) for m in made_for}) if wanted_models else None
            fits.append(Fit(product, tuple(made_for), verdict))
        elif runs_on and wanted_platforms:
            fits.append(
                Fit(product, tuple(runs_on), bool(wanted_platforms & {model_key(p) for p in runs_on}))
            )
        else:
            fits.append(Fit(product, tuple(runs_on), None))
    return fits


def asks_detail(question: str, products: Sequence[Product]) -> bool:
    """Whether a follow-up asks about a detail of `products` rather than why the bundle is what it is: a
    question that names something besides the products themselves ("what about the second one?" does not)."""
    if not _DETAIL_QUESTION.search(question) or _ABOUT_BUNDLE.search(_HOW_MUCH_OF.sub(" ", question)):
        return False
    return bool(feature_words(question, products))


def feature_words(question: str, products: Sequence[Product]) -> set[str]:
    """The question's words that could name a feature: not filler, not a reference ('the second one'),
    not a word of the products' own names or kinds ('the grinder', 'the Pixel'). Chinese words are glossed,
    and spec words the shopping lexicon lacks (无线充电, 续航) read as their English synonyms."""
    english, _ = gloss_text(question)
    english += "".join(f" {word}" for chinese, word in _ZH_SPEC_WORDS.items() if chinese in question)
    naming = {word for product in products for word in _words(_naming_text(product))} - _FEATURE_TOKENS
    return {word for word in _words(english) - _STOP_KEYS - naming if len(word) > 1}


def asked_facts(question: str, products: Sequence[Product]) -> list[Facts]:
    """For each product, the attributes the question asks about (none found: an empty `specs`)."""
    words = feature_words(question, products)
    facts = []
    for product in products:
        specs = tuple(_matching(product, words))
        said = None if specs else _sentence(product.description, words)
        named = None if specs or said else _title_words(product.title, words)
        facts.append(Facts(product, specs, said, named))
    return facts


def _title_words(title: str, words: set[str]) -> str | None:
    """The words of a title the question asks about, as written ('does it have gps?': 'GPS')."""
    found = [word for word in re.findall(r"[\w-]+", title) if _words(word) & words]
    return " ".join(dict.fromkeys(found)) or None


# Which way a comparison asks a number to go: 'lighter', 'the longest battery', 'more storage', 更轻, 轻一点
_MORE = re.compile(
    r"\b(?:long|bigg|larg|high|fast|heav|strong|bright)(?:i?er|i?est)\b|\b(?:more|(?<!at\s)most|better|best)\b"
    r"|更长|最长|更大|最大|更多|最多|更快|最快|更重|最重|更久|最久|(?:大|长|多|重|快|久)一?点",
    re.IGNORECASE,
)
_LESS = re.compile(
    r"\b(?:light|small|short|low|thin|slow|quiet)(?:i?er|i?est)\b|\b(?:less|(?<!at\s)least|fewer|fewest)\b"
    r"|更轻|最轻|更小|最小|更少|最少|更薄|最薄|(?:轻|小|少|薄|短)一?点",
    re.IGNORECASE,
)
# 'too heavy' asks for less of it, 'too small' for more
_TOO_MUCH = re.compile(r"\btoo\s+(?:heavy|big|large|bulky|long|thick)\b|太重|太大|太厚", re.IGNORECASE)
_TOO_LITTLE = re.compile(r"\btoo\s+(?:light|small|short|tiny|thin|slow)\b|太小|太短|太慢", re.IGNORECASE)


def wants_more(question: str) -> bool | None:
    """Which way the question asks a number to go: True for more ('a bigger screen', 'too small'), False for
    less ('lighter', 'too heavy'), None for neither or both."""
    more = bool(_MORE.search(question) or _TOO_LITTLE.search(question))
    less = bool(_LESS.search(question) or _TOO_MUCH.search(question))
    return more if more != less else None


def shared_number(question: str, products: Sequence[Product]) -> str | None:
    """The first spec the question asks about that every one of `products` states as a number: one it
    names by the spec's own words first ('存储大一点的' is storage, though 大 'big' can mean the screen)."""
    facts = asked_facts(question, products)
    if not facts:
        return None
    numbers = [
        [key for key, value in f.specs if spec_number(value) is not None] for f in facts
    ]  # in the catalog's order
    shared = [key for key in numbers[0] if all(key in each for each in numbers)]
    words = feature_words(question, products)
    return min(shared, key=lambda key: not words & set(_stem(key).split()), default=None)


def spec_family(question: str, products: Sequence[Product]) -> str | None:
    """The one spec the question's words name ('too heavy': weight), whether or not `products` state it;
    None for none, or for words that name several ('big': the screen or the capacity)."""
    words = feature_words(question, products)
    named = [family for family, said in _SYNONYMS.items() if words & (set(said) | set(family.split()))]
    if words & _OF_COLOUR:  # 'a lighter shade' of foundations is a colour, not a weight
        named = [family for family in named if family != "weight"]
    return named[0] if len(named) == 1 else None


_OF_COLOUR = frozenset({"shade", "tone", "colour", "color", "hue", "tint"})


@dataclass(frozen=True, slots=True)
class Ranking:
    """A comparison on one spec: each product's value, and the one the question's direction favours."""

    key: str
    values: tuple[tuple[Product, object], ...]
    best: Product | None  # None when the question names no direction, or two products tie for it


def ranked_on(question: str, products: Sequence[Product]) -> Ranking | None:
    """The number a comparison asks about that every one of `products` states ('which one is lighter?':
    `weight_kg`), with the product it favours; None when the question names no such spec. It had been
    answered with whatever specs differed, none of them the weight."""
    products = list({product.id: product for product in products}.values())
    if len(products) < 2:  # one product held by two bundles is ranked once, not tied with itself
        return None
    key = shared_number(question, products)
    if key is None:
        return None
    values = tuple((product, product.attributes[key]) for product in products)
    more, best = wants_more(question), None
    if more is not None:
        ordered = sorted(values, key=lambda pair: float(pair[1]), reverse=more)
        if ordered[0][1] != ordered[1][1]:
            best = ordered[0][0]
    return Ranking(key, values, best)


def _sentence(description: str | None, words: set[str]) -> str | None:
    """The first sentence (or clause) of a description holding a word of the question, or the rating a
    description gives for one ('are they waterproof?': "... and IP68 rating")."""
    wanted = words | {rating for word in words for rating in _SAID_AS.get(word, ())}
    for sentence in re.split(r"(?<=[.;!?])\s+", description or ""):
        if wanted & _words(sentence):
            return sentence.strip().rstrip(".;")
    return None


# How a description says what a shopper asks ('waterproof' as an IP rating)
_SAID_AS = {
    "waterproof": ("ip68", "ip67", "ip69", "ipx7", "ipx8", "ipx4", "ip54", "ip55", "water-resistant"),
    "water": ("ip68", "ip67", "ip69", "ipx7", "ipx8", "ipx4", "water-resistant"),
}


def _naming_text(product: Product) -> str:
    """The words that name the product rather than describe it: brand, model and kind where the catalog
    states a model (so 'GPS' in 'Apple Watch SE GPS 40mm' is a feature a question may ask about), else
    the whole title."""
    model = product.attributes.get("model")
    name = str(model) if isinstance(model, str) and model else product.title
    return " ".join((name, product.brand or "", (product.category or "").replace(">", " ")))


def _matching(product: Product, words: set[str]) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for key, value in product.attributes.items():
        if key.startswith(NOT_SPECS):
            continue
        names = set(category_key(key.replace("_", " ")).split())
        said = set(_SYNONYMS.get(_stem(key), ())) | names
        in_value = isinstance(value, str | list) and words & _value_words(value)
        if words & said or in_value:
            found.append((key, value))
    return found[:MAX_FACTS]


def _stem(key: str) -> str:
    """'battery_mah' -> 'battery', 'wireless_charging' -> 'wireless charging': the key without its unit."""
    suffix = unit_suffix(key)
    return (key[: -len(suffix) - 1] if suffix else key).replace("_", " ")


def _value_words(value: object) -> set[str]:
    return _words(" ".join(map(str, value)) if isinstance(value, list) else str(value)) - _STOP
