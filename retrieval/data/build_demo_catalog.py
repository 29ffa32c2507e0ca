"""Build the team-written demo catalog, `demo_catalog.jsonl`, from the tables in `demo_catalog_src/`.

This is the demo catalog the team wrote by hand (it is not scraped data): phones and their accessories,
audio, wearables, tablets, laptops and peripherals, cameras, skincare, makeup, fragrance, coffee, home and
sports, priced in USD with a Chinese title for every product. Accessories carry compatibility attributes
because a bundle with a case that doesn't fit is wrong: cases and screen protectors name the phone `model`s
they fit (`compatible_models`), chargers their `connector` and `wattage_w`, memory cards their `format`,
cameras the card formats they take (`memory_card`), lenses and cameras their `mount`, watch bands the watch
`model`s they fit (`compatible_watches`) and capsules their `capsule_system`.

The family modules hold the hand-written fields; this script derives the rest deterministically (the same
input always gives byte-identical output): `cost` from a margin band per category and a hash of the id,
`stock` from a hash of the id (with a fixed list of sold-out products), and `image_url`/`url` from the id.
It then checks the invariants (see `problems`) and raises `CatalogBuildError` listing every violation,
so a broken catalog is never written.

Run from the repository root:

    python retrieval/data/build_demo_catalog.py
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "demo_catalog.jsonl"
FAMILIES = ("phones", "audio_wearables", "computers", "cameras", "beauty", "home_sports")
BASE_URL = "https://demo.bundlewise.dev"
KEY_ORDER = (
    "id", "title", "title_zh", "brand", "category", "description", "price", "currency", "cost", "stock",
    "attributes", "image_url", "url",
)  # fmt: skip
MIN_PRODUCTS = 330
SOLD_OUT_SHARE = (0.03, 0.06)

PHONE = "Electronics > Phones > Smartphones"
CASE = "Electronics > Phone Accessories > Cases"
PROTECTOR = "Electronics > Phone Accessories > Screen Protectors"
CHARGER = "Electronics > Phone Accessories > Chargers"
WATCH = "Electronics > Wearables > Smartwatches"
BAND = "Electronics > Wearables > Watch Bands"
CAMERA = "Electronics > Cameras > Digital Cameras"
LENS = "Electronics > Cameras > Lenses"
CARD = "Electronics > Cameras > Memory Cards"
MACHINE = "Home & Kitchen > Coffee > Coffee Machines"
BEANS = "Home & Kitchen > Coffee > Coffee Beans & Capsules"

# Margin bands: cost is this fraction of the price (low, high), picked per product from a hash of its id.
_DEVICES = (
    ("0.78", "0.88"),
    [
        PHONE,
        "Electronics > Tablets",
        "Computers > Laptops",
        "Computers > Monitors",
        CAMERA,
    ],
)
_LENSES = ("0.75", "0.85"), [LENS]
_GADGETS = (
    ("0.60", "0.75"),
    [
        "Electronics > Audio > Earbuds",
        "Electronics > Audio > Headphones",
        "Electronics > Audio > Speakers",
        WATCH,
        MACHINE,
        "Home & Kitchen > Coffee > Coffee Grinders",
        "Home & Kitchen > Small Appliances",
    ],
)
_ACCESSORIES = (
    ("0.30", "0.50"),
    [
        CASE,
        PROTECTOR,
        CHARGER,
        "Electronics > Phone Accessories > Cables",
        "Electronics > Phone Accessories > Power Banks",
        BAND,
        "Computers > Accessories > Mice",
        "Computers > Accessories > Keyboards",
        "Computers > Accessories > Laptop Bags & Sleeves",
        "Computers > Accessories > USB-C Hubs",
        CARD,
        "Electronics > Cameras > Tripods",
        "Electronics > Cameras > Camera Bags",
    ],
)
_BEAUTY = (
    ("0.35", "0.55"),
    [
        "Beauty > Skincare > Cleansers",
        "Beauty > Skincare > Toners",
        "Beauty > Skincare > Serums & Essences",
        "Beauty > Skincare > Moisturisers",
        "Beauty > Skincare > Eye Creams",
        "Beauty > Skincare > Sunscreen",
        "Beauty > Skincare > Masks",
        "Beauty > Makeup > Foundation",
        "Beauty > Makeup > Lipstick",
        "Beauty > Makeup > Mascara",
        "Beauty > Makeup > Makeup Brushes",
        "Beauty > Fragrance > Women",
        "Beauty > Fragrance > Men",
    ],
)
_COFFEE = ("0.50", "0.60"), [BEANS]
_HOME_SPORTS = (
    ("0.45", "0.65"),
    [
        "Home & Kitchen > Coffee > Mugs & Accessories",
        "Home & Kitchen > Cookware",
        "Home > Bedding",
        "Home > Lighting",
        "Home > Cleaning",
        "Sports > Fitness > Yoga Mats",
        "Sports > Fitness > Dumbbells",
        "Sports > Fitness > Recovery",
        "Sports > Running > Shoes",
        "Sports > Running > Apparel",
        "Sports > Outdoor > Water Bottles",
    ],
)
MARGINS: dict[str, tuple[Decimal, Decimal]] = {
    category: (Decimal(low), Decimal(high))
    for (low, high), categories in (_DEVICES, _LENSES, _GADGETS, _ACCESSORIES, _BEAUTY, _COFFEE, _HOME_SPORTS)
    for category in categories
}
CATEGORIES = frozenset(MARGINS)  # the only category paths a product may use

# Sold out (stock 0): spread over categories, never every variant of one phone.
SOLD_OUT = frozenset(
    {
        "phone-galaxy-s25-ultra-512-titanium-black",
        "phone-pixel-9-pro-256-obsidian",
        "case-otterbox-iphone-16-pro-symmetry-black",
        "protector-belkin-iphone-16-pro-ultraglass-privacy",
        "charger-anker-prime-100w-3port",
        "headphones-sony-wh-1000xm6-black",
        "watch-garmin-fenix-8-47mm-amoled",
        "laptop-razer-blade-14-2025-rtx5070-16-1tb",
        "camera-fujifilm-x100vi-silver",
        "card-sony-tough-cfexpress-type-a-160",
        "skincare-sk-ii-facial-treatment-essence-230ml",
        "makeup-dior-rouge-dior-999-satin",
        "fragrance-chanel-no5-edp-100ml",
        "coffee-machine-breville-bambino-plus",
        "yoga-lululemon-the-mat-5mm-black",
    }
)

REQUIRED_BRANDS = (
    "Apple",
    "Samsung",
    "Xiaomi",
    "Huawei",
    "OPPO",
    "Google",
    "Sony",
    "Anker",
    "Logitech",
    "SK-II",
    "Estée Lauder",
    "Shiseido",
    "Lancôme",
    "La Roche-Posay",
)
REQUIRED_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    PHONE: (
        "model",
        "os",
        "connector",
        "storage_gb",
        "ram_gb",
        "screen_in",
        "main_camera_mp",
        "camera_score",
        "battery_mah",
        "colour",
        "max_charging_w",
        "wireless_charging",
    ),
    CASE: ("compatible_models", "colour", "material", "magsafe"),
    PROTECTOR: ("compatible_models", "material", "privacy"),
    CHARGER: ("connector", "wattage_w", "ports", "gan"),
    "Electronics > Phone Accessories > Cables": ("connectors", "length_m", "wattage_w"),
    "Electronics > Phone Accessories > Power Banks": ("connector", "capacity_mah", "wattage_w", "magsafe"),
    "Electronics > Audio > Earbuds": ("connector", "wireless", "anc", "battery_h", "compatible_os"),
    "Electronics > Audio > Headphones": ("connector", "wireless", "anc", "battery_h", "compatible_os"),
    "Electronics > Audio > Speakers": ("connector", "wireless", "battery_h", "waterproof"),
    WATCH: ("model", "compatible_os", "case_mm", "band_size_mm"),
    BAND: ("compatible_watches", "material", "colour"),
    "Electronics > Tablets": ("model", "os", "connector", "storage_gb", "screen_in"),
    "Computers > Laptops": (
        "model",
        "os",
        "screen_in",
        "ram_gb",
        "storage_gb",
        "connector",
        "ports",
        "weight_kg",
        "charging_w",
    ),
    "Computers > Accessories > Mice": ("connection", "compatible_os"),
    "Computers > Accessories > Keyboards": ("connection", "compatible_os", "layout"),
    "Computers > Accessories > Laptop Bags & Sleeves": ("fits_screen_in", "type"),
    "Computers > Accessories > USB-C Hubs": ("connector", "ports", "power_delivery_w"),
    "Computers > Monitors": ("size_in", "resolution", "inputs", "refresh_hz", "usb_c_power_w"),
    CAMERA: ("model", "memory_card", "mount", "sensor", "megapixels", "video"),
    LENS: ("mount", "focal_length_mm", "aperture"),
    CARD: ("format", "capacity_gb", "speed_class"),
    "Electronics > Cameras > Tripods": ("max_load_kg", "type", "weight_kg"),
    "Electronics > Cameras > Camera Bags": ("fits",),
    MACHINE: ("type", "needs_ground_coffee"),
    "Home & Kitchen > Coffee > Coffee Grinders": ("grinder_type",),
    "Beauty > Makeup > Foundation": ("shade", "finish", "skin_type"),
    "Beauty > Makeup > Lipstick": ("colour", "finish"),
    "Beauty > Makeup > Mascara": ("colour", "finish"),
    "Beauty > Fragrance > Women": ("volume_ml", "concentration", "notes", "gender"),
    "Beauty > Fragrance > Men": ("volume_ml", "concentration", "notes", "gender"),
}
SKINCARE_ATTRIBUTES = ("step", "skin_type", "key_ingredients")
SKINCARE_STEPS = {"cleanser", "toner", "essence", "serum", "moisturiser", "eye cream", "sunscreen", "mask"}
SKIN_TYPES = {"dry", "oily", "combination", "normal", "sensitive", "all"}
CARD_FORMATS = {"SDXC", "microSDXC", "CFexpress Type A", "CFexpress Type B"}
MOUNTS = {"Sony E", "Canon RF", "Nikon Z", "Fujifilm X", "fixed"}
MACHINE_TYPES = {"espresso", "capsule", "drip", "pour-over"}
CONCENTRATIONS = {"EDP", "EDT", "parfum", "cologne"}
GENDERS = {"women", "men", "unisex"}
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PRICE_PATTERN = re.compile(r"^[1-9][0-9]*\.(?:99|00|95)$")
CJK = re.compile(r"[\u4e00-\u9fff]")


class CatalogBuildError(ValueError):
    """The hand-written tables break an invariant; the message lists every violation."""


def load_tables() -> list[dict[str, Any]]:
    """The hand-written records of every family module, in family order."""
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    records: list[dict[str, Any]] = []
    for family in FAMILIES:
        module = importlib.import_module(f"demo_catalog_src.{family}")
        records.extend(module.products())
    return records


def _unit(product_id: str, salt: str) -> Decimal:
    """A stable number in [0, 1] derived from the id (same id, same number, on every machine)."""
    digest = hashlib.sha256(f"{product_id}:{salt}".encode()).hexdigest()
    return Decimal(int(digest[:8], 16)) / Decimal(0xFFFFFFFF)


def cost_of(product_id: str, category: str, price: str) -> str:
    """Cost inside the category's margin band, at a point chosen by the id's hash."""
    low, high = MARGINS[category]
    share = low + (high - low) * _unit(product_id, "cost")
    return str((Decimal(price) * share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def stock_of(product_id: str) -> int:
    """0 for the sold-out list, otherwise 5-200 from the id's hash."""
    if product_id in SOLD_OUT:
        return 0
    return 5 + int(_unit(product_id, "stock") * 195)


def finish(record: dict[str, Any]) -> dict[str, Any]:
    """Add the derived fields and put the keys in contract order."""
    product_id = record["id"]
    full = {
        **record,
        "currency": "USD",
        "cost": cost_of(product_id, record["category"], record["price"])
        if record["category"] in MARGINS
        else "0",
        "stock": stock_of(product_id),
        "image_url": f"{BASE_URL}/img/{product_id}.jpg",
        "url": f"{BASE_URL}/p/{product_id}",
    }
    extra = set(full) - set(KEY_ORDER)
    if extra:
        raise CatalogBuildError(f"{product_id}: fields outside the contract: {sorted(extra)}")
    return {key: full[key] for key in KEY_ORDER}


def _leaf(products: list[dict[str, Any]], category: str) -> list[dict[str, Any]]:
    return [product for product in products if product["category"] == category]


def problems(products: list[dict[str, Any]]) -> list[str]:
    """Every invariant violation in `products` (empty when the catalog is good)."""
    found: list[str] = []
    if len(products) < MIN_PRODUCTS:
        found.append(f"only {len(products)} products; at least {MIN_PRODUCTS} are required")
    for field in ("id", "title"):
        for value, count in Counter(product[field] for product in products).items():
            if count > 1:
                found.append(f"duplicate {field} {value!r} ({count} products)")
    for product in products:
        pid, attributes = product["id"], product["attributes"]
        if not ID_PATTERN.match(pid):
            found.append(f"{pid}: id must be lower-case words joined by hyphens")
        for field in ("title", "title_zh", "brand", "description"):
            if not isinstance(product.get(field), str) or not product[field].strip():
                found.append(f"{pid}: {field} is missing or empty")
        if not CJK.search(product.get("title_zh") or ""):
            found.append(f"{pid}: title_zh has no Chinese characters")
        if product["category"] not in CATEGORIES:
            found.append(f"{pid}: unknown category {product['category']!r}")
        if not PRICE_PATTERN.match(product["price"]):
            found.append(f"{pid}: price {product['price']!r} must be a decimal string ending .99, .00 or .95")
        elif not Decimal(product["price"]) > Decimal(product["cost"]) > 0:
            found.append(f"{pid}: need price > cost > 0, got price {product['price']} cost {product['cost']}")
        if not isinstance(product["stock"], int) or product["stock"] < 0:
            found.append(f"{pid}: stock must be a non-negative integer")
        required = REQUIRED_ATTRIBUTES.get(product["category"], ())
        if product["category"].startswith("Beauty > Skincare"):
            required = SKINCARE_ATTRIBUTES
            if attributes.get("step") not in SKINCARE_STEPS:
                found.append(
                    f"{pid}: skincare step {attributes.get('step')!r} is not one of {sorted(SKINCARE_STEPS)}"
                )
            if not set(attributes.get("skin_type", [])) <= SKIN_TYPES:
                found.append(f"{pid}: unknown skin_type in {attributes.get('skin_type')}")
            if attributes.get("step") == "sunscreen" and not attributes.get("spf"):
                found.append(f"{pid}: sunscreen without spf")
        missing = [key for key in required if key not in attributes]
        if missing:
            found.append(f"{pid}: attributes missing {missing}")
        if product["category"].startswith("Beauty > Fragrance") and (
            attributes.get("concentration") not in CONCENTRATIONS or attributes.get("gender") not in GENDERS
        ):
            found.append(
                f"{pid}: fragrance concentration/gender outside {sorted(CONCENTRATIONS)}/{sorted(GENDERS)}"
            )
    found.extend(_compatibility_problems(products))
    brands = {product["brand"] for product in products}
    found.extend(
        f"required brand {brand!r} has no product" for brand in REQUIRED_BRANDS if brand not in brands
    )
    sold_out = [product for product in products if product["stock"] == 0]
    low, high = SOLD_OUT_SHARE
    if products and not low <= len(sold_out) / len(products) <= high:
        found.append(
            f"{len(sold_out)} of {len(products)} products are sold out; must be {low:.0%}-{high:.0%}"
        )
    unknown = SOLD_OUT - {product["id"] for product in products}
    if unknown:
        found.append(f"SOLD_OUT names unknown ids: {sorted(unknown)}")
    return found


def _compatibility_problems(products: list[dict[str, Any]]) -> list[str]:
    found: list[str] = []
    phones = _leaf(products, PHONE)
    models = {phone["attributes"]["model"] for phone in phones}
    for phone in phones:
        attributes = phone["attributes"]
        if attributes.get("connector") not in {"USB-C", "Lightning"}:
            found.append(f"{phone['id']}: connector must be USB-C or Lightning")
        if attributes.get("memory_card", "microSDXC") != "microSDXC":
            found.append(f"{phone['id']}: a phone's memory_card can only be 'microSDXC'")
    sold_out_models = {
        model for model in models if all(p["stock"] == 0 for p in phones if p["attributes"]["model"] == model)
    }
    found.extend(f"every variant of phone {model!r} is sold out" for model in sorted(sold_out_models))
    for category, noun in ((CASE, "case"), (PROTECTOR, "screen protector")):
        fitted: set[str] = set()
        for item in _leaf(products, category):
            names = item["attributes"].get("compatible_models", [])
            if not names:
                found.append(f"{item['id']}: compatible_models is empty")
            unknown = [name for name in names if name not in models]
            if unknown:
                found.append(f"{item['id']}: compatible_models name unknown phone models {unknown}")
            fitted.update(names)
        found.extend(f"phone model {model!r} has no {noun}" for model in sorted(models - fitted))
    for charger in _leaf(products, CHARGER):
        if not charger["attributes"].get("connector") or not charger["attributes"].get("wattage_w", 0) > 0:
            found.append(f"{charger['id']}: a charger needs a connector and a positive wattage_w")
    watches = {watch["attributes"]["model"] for watch in _leaf(products, WATCH)}
    for band in _leaf(products, BAND):
        unknown = [name for name in band["attributes"].get("compatible_watches", []) if name not in watches]
        if unknown or not band["attributes"].get("compatible_watches"):
            found.append(f"{band['id']}: compatible_watches empty or naming unknown watches {unknown}")
    machines = _leaf(products, MACHINE)
    systems = {
        machine["attributes"]["capsule_system"]
        for machine in machines
        if "capsule_system" in machine["attributes"]
    }
    for machine in machines:
        kind = machine["attributes"].get("type")
        if kind not in MACHINE_TYPES or (kind == "capsule") != ("capsule_system" in machine["attributes"]):
            found.append(f"{machine['id']}: type {kind!r}; capsule machines (only) need a capsule_system")
    for item in _leaf(products, BEANS):
        system = item["attributes"].get("capsule_system")
        if system is not None and system not in systems:
            found.append(f"{item['id']}: capsule_system {system!r} matches no coffee machine")
        if system is None and not {"roast", "weight_g", "whole_bean"} <= set(item["attributes"]):
            found.append(f"{item['id']}: coffee needs roast, weight_g and whole_bean")
    cards = _leaf(products, CARD)
    formats = {card["attributes"].get("format") for card in cards}
    if (
        not formats <= CARD_FORMATS
        or not {"SDXC", "microSDXC", "CFexpress Type A", "CFexpress Type B"} <= formats
    ):
        found.append(
            f"memory card formats {sorted(map(str, formats))} must be, and cover, {sorted(CARD_FORMATS)}"
        )
    cameras = _leaf(products, CAMERA)
    for camera in cameras:
        accepted = camera["attributes"].get("memory_card")
        if not isinstance(accepted, list) or not set(accepted) & formats:
            found.append(f"{camera['id']}: no memory card in the catalog matches its formats {accepted}")
        if camera["attributes"].get("mount") not in MOUNTS:
            found.append(f"{camera['id']}: unknown mount {camera['attributes'].get('mount')!r}")
    mounts = {camera["attributes"].get("mount") for camera in cameras}
    for lens in _leaf(products, LENS):
        if lens["attributes"].get("mount") not in mounts - {"fixed"}:
            found.append(
                f"{lens['id']}: mount {lens['attributes'].get('mount')!r} fits no camera in the catalog"
            )
    return found


def build() -> list[dict[str, Any]]:
    """The finished, validated catalog records (raises CatalogBuildError listing every problem)."""
    products = [finish(record) for record in load_tables()]
    found = problems(products)
    if found:
        raise CatalogBuildError(f"{len(found)} problem(s) in the demo catalog:\n  " + "\n  ".join(found))
    return products


def write(products: list[dict[str, Any]], path: Path = OUTPUT) -> None:
    """One JSON object per line, UTF-8, Chinese kept as is."""
    lines = (json.dumps(product, ensure_ascii=False) + "\n" for product in products)
    path.write_text("".join(lines), encoding="utf-8")


def main() -> int:
    products = build()
    write(products)
    roots = Counter(product["category"].split(" > ")[0] for product in products)
    sold_out = sum(1 for product in products if product["stock"] == 0)
    print(f"wrote {len(products)} products ({sold_out} sold out) to {OUTPUT}")
    for root, count in sorted(roots.items()):
        print(f"  {root}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
