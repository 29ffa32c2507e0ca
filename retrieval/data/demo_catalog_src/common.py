# ruff: noqa: E501
"""Shared helpers for the demo catalog tables: one record shape, Chinese brand names, text joins.

Each family module returns records with id, title, title_zh, brand, category, description, price and
attributes; `build_demo_catalog.py` adds currency, cost, stock and the URLs, then validates everything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

Product = dict[str, Any]

# How Chinese shops write the brand in a product title.
BRAND_ZH: dict[str, str] = {
    "Apple": "苹果", "Samsung": "三星", "Xiaomi": "小米", "Huawei": "华为", "Google": "谷歌", "Sony": "索尼",
    "OPPO": "OPPO", "Anker": "安克", "Logitech": "罗技", "Belkin": "贝尔金", "UGREEN": "绿联",
    "Baseus": "倍思", "ESR": "亿色 ESR", "Spigen": "Spigen", "OtterBox": "OtterBox", "Bose": "Bose",
    "JBL": "JBL", "Garmin": "佳明", "Dell": "戴尔", "Lenovo": "联想", "HP": "惠普", "ASUS": "华硕", "Razer": "雷蛇",
    "Keychron": "Keychron", "Tomtoc": "tomtoc", "Incase": "Incase", "LG": "LG", "Canon": "佳能",
    "Nikon": "尼康", "Fujifilm": "富士", "SanDisk": "闪迪", "Lexar": "雷克沙", "Manfrotto": "曼富图",
    "Joby": "JOBY", "Peak Design": "Peak Design", "Sennheiser": "森海塞尔", "Beats": "Beats",
    "CalDigit": "CalDigit", "Sigma": "适马", "Lowepro": "乐摄宝", "Samsonite": "新秀丽",
}  # fmt: skip


def record(
    pid: str,
    title: str,
    title_zh: str,
    brand: str,
    category: str,
    description: str,
    price: str,
    attributes: dict[str, Any],
) -> Product:
    """One catalog record before the derived fields (cost, stock, URLs) are added."""
    return {
        "id": pid,
        "title": title,
        "title_zh": title_zh,
        "brand": brand,
        "category": category,
        "description": description,
        "price": price,
        "attributes": attributes,
    }


def zh(brand: str) -> str:
    """The brand as written in a Chinese title (the brand itself when shops keep it in Latin letters)."""
    return BRAND_ZH.get(brand, brand)


def slug(text: str) -> str:
    """Lower-case, hyphenated, ASCII-only form of `text` for ids."""
    text = text.lower().replace("+", " plus").replace("ē", "e").replace("é", "e").replace("ô", "o")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def join_en(items: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    words = list(items)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def storage_label(gigabytes: int) -> str:
    """128 -> '128GB', 1024 -> '1TB'."""
    return f"{gigabytes // 1024}TB" if gigabytes >= 1024 else f"{gigabytes}GB"
