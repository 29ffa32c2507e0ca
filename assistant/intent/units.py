"""Units shoppers say numbers of specs in ('16gb', '1.3 kg', '6.1"', '20000mah', '1.3公斤'): read by the
stated limits (`assistant/chat/spec_limits.py`) and by the parser, for which a number in one is no budget."""

from __future__ import annotations

# unit -> (family, factor to the family's base unit); 'g' and 'oz' name two families, the kind decides
UNITS: tuple[tuple[str, tuple[tuple[str, float], ...]], ...] = (
    (r"tb|terabytes?", (("bytes", 1024.0),)),
    (r"gb|gigs?|gigabytes?", (("bytes", 1.0),)),
    (r"kg|kgs|kilos?|kilograms?|公斤|千克", (("mass", 1.0),)),
    (r"g|grams?|克", (("mass", 0.001), ("bytes", 1.0))),
    (r"lbs?", (("mass", 0.4536),)),
    (r"oz|ounces?", (("litres", 0.0295735), ("mass", 0.02835))),
    (
        r"inch(?:es)?|in(?=\s*(?:screen|display|monitor|laptop|tablet|phone)s?\b|\s*(?:$|[,.;!?)]))|\"|”|″|英寸|寸",
        (("inches", 1.0),),
    ),
    (r"hours?|hrs?|h|小时", (("hours", 1.0),)),
    (r"mah|毫安时?", (("mah", 1.0),)),
    (r"mp|megapixels?|百万像素", (("mp", 1.0),)),
    (r"hz|赫兹", (("hz", 1.0),)),
    (r"w|watts?|瓦", (("watts", 1.0),)),
    (r"ml|毫升", (("ml", 1.0),)),
    (r"l|litres?|liters?|升", (("litres", 1.0),)),
    (r"mm|毫米", (("mm", 1.0),)),
)
# any one of them, as a regex alternation (no groups)
UNIT = "|".join(f"(?:{pattern})" for pattern, _ in UNITS)
