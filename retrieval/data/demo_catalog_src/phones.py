# ruff: noqa: E501
"""Smartphones and what fits them: cases, screen protectors, chargers, cables and power banks.

Cases and protectors name the exact smartphone `model` strings they fit (`compatible_models`).
"""

from __future__ import annotations

from typing import Any

from .common import Product, join_en, record, slug, storage_label, zh

PHONE = "Electronics > Phones > Smartphones"
CASE = "Electronics > Phone Accessories > Cases"
PROTECTOR = "Electronics > Phone Accessories > Screen Protectors"
CHARGER = "Electronics > Phone Accessories > Chargers"
CABLE = "Electronics > Phone Accessories > Cables"
POWER_BANK = "Electronics > Phone Accessories > Power Banks"

Variant = tuple[int, str, str, str]  # storage_gb, colour, colour in Chinese, price


def _phone(
    brand: str, model: str, os: str, screen_in: float, camera_mp: int, camera_score: int, battery_mah: int,
    ram_gb: int, charging_w: int, wireless: bool, note: str, variants: list[Variant],
    *, zh_name: str = "", memory_card: bool = False,
) -> list[Product]:  # fmt: skip
    products = []
    name = model if model.startswith(brand) else f"{brand} {model}"
    for storage_gb, colour, colour_zh, price in variants:
        size = storage_label(storage_gb)
        attributes: dict[str, Any] = {
            "model": model, "os": os, "connector": "USB-C", "storage_gb": storage_gb, "ram_gb": ram_gb,
            "screen_in": screen_in, "main_camera_mp": camera_mp, "camera_score": camera_score,
            "battery_mah": battery_mah, "colour": colour, "max_charging_w": charging_w, "wireless_charging": wireless,
        }  # fmt: skip
        if memory_card:
            attributes["memory_card"] = "microSDXC"
        specs = (
            f"{screen_in}-inch display, {camera_mp}MP main camera, {battery_mah} mAh battery, "
            f"{charging_w}W wired charging over USB-C{' plus wireless charging' if wireless else ''}"
            f"{', microSDXC card slot' if memory_card else ''}; {ram_gb}GB RAM, {size} storage, {os}."
        )
        products.append(record(
            f"phone-{slug(model)}-{size.lower().removesuffix('gb')}-{slug(colour)}",
            f"{name} {size}, {colour}", f"{zh_name or zh(brand) + ' ' + model} {size} {colour_zh}",
            brand, PHONE, f"{note} {specs}", price, attributes,
        ))  # fmt: skip
    return products


# Phone brand by model-name prefix, so accessory descriptions read "Fits Samsung Galaxy S25" (iPhones need none).
_MODEL_BRANDS = {
    "Galaxy": "Samsung",
    "Pixel": "Google",
    "Redmi": "Xiaomi",
    "Pura": "Huawei",
    "Mate": "Huawei",
    "nova": "Huawei",
    "Find": "OPPO",
    "Reno": "OPPO",
    "Xperia": "Sony",
}


def _fits(models: list[str]) -> str:
    """'iPhone 16 and iPhone 15', 'Google Pixel 9 and Google Pixel 9 Pro', ..."""
    return join_en(
        f"{_MODEL_BRANDS[m.split()[0]]} {m}" if m.split()[0] in _MODEL_BRANDS else m for m in models
    )


def _case(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    models: list[str],
    colour: str,
    material: str,
    magsafe: bool,
    price: str,
    note: str = "",
) -> Product:
    mag = "; MagSafe/Qi2 magnetic compatible" if magsafe else ""
    description = f"Fits {_fits(models)}. {material} case, {colour}{mag}. {note}".strip()
    return record(
        pid,
        title,
        title_zh,
        brand,
        CASE,
        description,
        price,
        {"compatible_models": models, "colour": colour, "material": material, "magsafe": magsafe},
    )


def _protector(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    models: list[str],
    material: str,
    privacy: bool,
    price: str,
    pack: int = 1,
) -> Product:
    kind = f"{pack}-pack {material}" if pack > 1 else material.capitalize()
    description = f"Fits {_fits(models)}. {kind} screen protector{' with privacy filter' if privacy else ''}, case-friendly edges."
    return record(
        pid,
        title,
        title_zh,
        brand,
        PROTECTOR,
        description,
        price,
        {"compatible_models": models, "material": material, "privacy": privacy, "pack": pack},
    )


def _charger(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    wattage_w: int,
    ports: int,
    gan: bool,
    price: str,
    note: str,
    **extra: Any,
) -> Product:
    description = (
        f"USB-C, {wattage_w}W{' GaN' if gan else ''}, {ports} port{'s' if ports > 1 else ''}. {note}"
    )
    return record(
        pid,
        title,
        title_zh,
        brand,
        CHARGER,
        description,
        price,
        {"connector": "USB-C", "wattage_w": wattage_w, "ports": ports, "gan": gan, **extra},
    )


def _cable(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    ends: list[str],
    length_m: float,
    wattage_w: int,
    price: str,
    note: str,
) -> Product:
    description = f"{ends[0]} to {ends[1]}, {length_m} m, up to {wattage_w}W charging. {note}"
    return record(
        pid,
        title,
        title_zh,
        brand,
        CABLE,
        description,
        price,
        {"connectors": ends, "length_m": length_m, "wattage_w": wattage_w},
    )


def _power_bank(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    capacity_mah: int,
    wattage_w: int,
    magsafe: bool,
    price: str,
    note: str,
) -> Product:
    mag = ", magnetic MagSafe/Qi2 wireless charging" if magsafe else ""
    description = f"{capacity_mah} mAh, {wattage_w}W USB-C{mag}. {note}"
    return record(
        pid,
        title,
        title_zh,
        brand,
        POWER_BANK,
        description,
        price,
        {"connector": "USB-C", "capacity_mah": capacity_mah, "wattage_w": wattage_w, "magsafe": magsafe},
    )


def _phones() -> list[Product]:
    camera = "Strong camera phone for photography:"
    # fmt: off
    tables = [
        _phone("Apple", "iPhone 16", "iOS", 6.1, 48, 8, 3561, 8, 25, True, "A18 iPhone with Camera Control and a 48MP Fusion camera.", [(128, "Black", "黑色", "799.00"), (256, "Ultramarine", "群青色", "899.00")]),
        _phone("Apple", "iPhone 16 Plus", "iOS", 6.7, 48, 8, 4674, 8, 25, True, "Large-screen A18 iPhone with Camera Control.", [(128, "Pink", "粉色", "899.00")]),
        _phone("Apple", "iPhone 16 Pro", "iOS", 6.3, 48, 9, 3582, 8, 25, True, f"{camera} A18 Pro, 5x telephoto and 4K 120fps Dolby Vision video.", [(128, "Natural Titanium", "原色钛金属", "999.00"), (256, "Black Titanium", "黑色钛金属", "1099.00")]),
        _phone("Apple", "iPhone 16 Pro Max", "iOS", 6.9, 48, 9, 4685, 8, 25, True, f"{camera} A18 Pro, 5x telephoto and the longest iPhone battery life.", [(256, "Desert Titanium", "沙漠色钛金属", "1199.00"), (1024, "Black Titanium", "黑色钛金属", "1599.00")]),
        _phone("Apple", "iPhone 16e", "iOS", 6.1, 48, 7, 4005, 8, 20, True, "Lower-priced A18 iPhone with a single 48MP camera and Qi wireless charging (no MagSafe).", [(128, "White", "白色", "599.00")]),
        _phone("Apple", "iPhone 15", "iOS", 6.1, 48, 7, 3349, 6, 20, True, "A16 Bionic iPhone with Dynamic Island and a 48MP main camera.", [(128, "Blue", "蓝色", "699.00")]),
        _phone("Samsung", "Galaxy S25", "Android", 6.2, 50, 8, 4000, 12, 25, True, "Compact Snapdragon 8 Elite flagship with a 3x telephoto camera.", [(128, "Navy", "海军蓝", "799.99"), (256, "Icyblue", "冰川蓝", "859.99")]),
        _phone("Samsung", "Galaxy S25+", "Android", 6.7, 50, 8, 4900, 12, 45, True, "Snapdragon 8 Elite flagship with a QHD+ screen and 45W charging.", [(256, "Silver Shadow", "银影灰", "999.99")]),
        _phone("Samsung", "Galaxy S25 Ultra", "Android", 6.9, 200, 9, 5000, 12, 45, True, f"{camera} 200MP sensor, 5x and 3x telephoto, built-in S Pen.", [(256, "Titanium Silverblue", "钛银蓝", "1299.99"), (512, "Titanium Black", "钛黑", "1419.99")]),
        _phone("Samsung", "Galaxy A56", "Android", 6.7, 50, 7, 5000, 8, 45, False, "Mid-range 5G phone with six years of OS updates.", [(128, "Awesome Graphite", "石墨黑", "499.99")]),
        _phone("Samsung", "Galaxy A36", "Android", 6.7, 50, 6, 5000, 6, 45, False, "Affordable 5G phone with a 120Hz AMOLED screen.", [(128, "Awesome Black", "玄黑", "399.99")]),
        _phone("Samsung", "Galaxy A16 5G", "Android", 6.7, 50, 5, 5000, 4, 25, False, "Budget 5G phone with a microSD slot for extra storage.", [(128, "Blue Black", "蓝黑", "199.99")], memory_card=True),
        _phone("Samsung", "Galaxy Z Flip6", "Android", 6.7, 50, 7, 4000, 12, 25, True, "Foldable flip phone with a 3.4-inch FlexWindow cover screen.", [(256, "Silver Shadow", "银影灰", "1099.99")]),
        _phone("Google", "Pixel 9", "Android", 6.3, 50, 9, 4700, 12, 27, True, f"{camera} Tensor G4, Night Sight and Add Me.", [(128, "Obsidian", "曜石黑", "799.00"), (256, "Wintergreen", "冬青绿", "899.00")]),
        _phone("Google", "Pixel 9 Pro", "Android", 6.3, 50, 10, 4700, 16, 27, True, f"{camera} Tensor G4, 5x telephoto and Super Res Zoom.", [(128, "Porcelain", "陶瓷白", "999.00"), (256, "Obsidian", "曜石黑", "1099.00")]),
        _phone("Google", "Pixel 9a", "Android", 6.3, 48, 8, 5100, 8, 23, True, "Budget Pixel with Tensor G4 and Pixel camera processing.", [(128, "Iris", "鸢尾紫", "499.00")]),
        _phone("Xiaomi", "Xiaomi 15", "Android", 6.36, 50, 9, 5240, 12, 90, True, f"{camera} compact Leica triple camera with Snapdragon 8 Elite.", [(256, "Black", "黑色", "899.00")], zh_name="小米15"),
        _phone("Xiaomi", "Xiaomi 15 Ultra", "Android", 6.73, 50, 10, 5410, 16, 90, True, f"{camera} Leica 1-inch main sensor and 200MP periscope telephoto.", [(512, "Silver Chrome", "经典黑银", "1499.00")], zh_name="小米15 Ultra"),
        _phone("Xiaomi", "Redmi Note 14 Pro 5G", "Android", 6.67, 200, 6, 5110, 8, 45, False, "Budget 5G phone with a 200MP main camera and IP68 rating.", [(256, "Midnight Black", "子夜黑", "349.00")], zh_name="小米 Redmi Note 14 Pro 5G"),
        _phone("Huawei", "Pura 70", "HarmonyOS", 6.6, 50, 9, 4900, 12, 66, True, f"{camera} XMAGE camera with a 5x telephoto.", [(256, "White", "雪域白", "799.00")]),
        _phone("Huawei", "Mate 60 Pro", "HarmonyOS", 6.82, 50, 8, 5000, 12, 88, True, "Flagship with satellite calling and a variable-aperture camera.", [(512, "Black", "雅丹黑", "1099.00")]),
        _phone("Huawei", "nova 12", "HarmonyOS", 6.7, 50, 7, 4600, 8, 100, False, "Slim mid-range phone with a 60MP selfie camera and 100W charging.", [(256, "Black", "曜金黑", "449.00")]),
        _phone("OPPO", "Find X8", "Android", 6.59, 50, 9, 5630, 12, 80, True, f"{camera} Hasselblad triple camera with 3x periscope telephoto.", [(256, "Space Black", "星野黑", "799.00")]),
        _phone("OPPO", "Reno13", "Android", 6.59, 50, 7, 5600, 12, 80, True, "Slim mid-range 5G phone with IP69 water resistance.", [(256, "Midnight Black", "午夜黑", "499.00")]),
        _phone("Sony", "Xperia 1 VI", "Android", 6.5, 48, 8, 5000, 12, 30, True, "Flagship with a 3.5-7.1x optical zoom and a 3.5mm headphone jack.", [(256, "Black", "黑色", "1299.99")], memory_card=True),
        _phone("Sony", "Xperia 10 VI", "Android", 6.1, 48, 6, 5000, 8, 30, False, "Light mid-range phone with a 3.5mm headphone jack.", [(128, "White", "白色", "449.99")], memory_card=True),
    ]
    # fmt: on
    return [phone for table in tables for phone in table]


def _accessories() -> list[Product]:
    # fmt: off
    return [
        _case("case-apple-iphone-16-pro-clear-magsafe", "Apple", "Apple iPhone 16 Pro Clear Case with MagSafe", "苹果 iPhone 16 Pro MagSafe 透明保护壳", ["iPhone 16 Pro"], "Clear", "Polycarbonate and TPU", True, "49.00"),
        _case("case-spigen-iphone-16-pro-ultra-hybrid-clear", "Spigen", "Spigen Ultra Hybrid MagFit Case for iPhone 16 Pro, Clear", "Spigen 适用 iPhone 16 Pro 磁吸透明手机壳 Ultra Hybrid", ["iPhone 16 Pro"], "Clear", "TPU and polycarbonate", True, "24.99"),
        _case("case-otterbox-iphone-16-pro-symmetry-black", "OtterBox", "OtterBox Symmetry Series for MagSafe, iPhone 16 Pro, Black", "OtterBox Symmetry 炫彩系列 iPhone 16 Pro 磁吸手机壳 黑色", ["iPhone 16 Pro"], "Black", "Polycarbonate and synthetic rubber", True, "59.95", "Drop-tested to 3x military standard."),
        _case("case-apple-iphone-16-pro-max-silicone-denim", "Apple", "Apple iPhone 16 Pro Max Silicone Case with MagSafe, Denim", "苹果 iPhone 16 Pro Max MagSafe 硅胶保护壳 丹宁色", ["iPhone 16 Pro Max"], "Denim", "Silicone", True, "49.00"),
        _case("case-spigen-iphone-16-pro-max-tough-armor-black", "Spigen", "Spigen Tough Armor MagFit Case for iPhone 16 Pro Max, Black", "Spigen 适用 iPhone 16 Pro Max 磁吸防摔手机壳 带支架 黑色", ["iPhone 16 Pro Max"], "Black", "TPU and polycarbonate", True, "29.99", "Built-in kickstand."),
        _case("case-esr-iphone-16-pro-max-classic-hybrid-clear", "ESR", "ESR Classic Hybrid Case with HaloLock for iPhone 16 Pro Max, Clear", "亿色 ESR 适用 iPhone 16 Pro Max 磁吸透明手机壳", ["iPhone 16 Pro Max"], "Clear", "Polycarbonate and TPU", True, "16.99"),
        _case("case-apple-iphone-16-silicone-black", "Apple", "Apple iPhone 16 Silicone Case with MagSafe, Black", "苹果 iPhone 16 MagSafe 硅胶保护壳 黑色", ["iPhone 16"], "Black", "Silicone", True, "49.00"),
        _case("case-spigen-iphone-16-liquid-air-black", "Spigen", "Spigen Liquid Air Case for iPhone 16, Matte Black", "Spigen 适用 iPhone 16 轻薄防摔手机壳 哑光黑", ["iPhone 16"], "Matte Black", "TPU", False, "14.99"),
        _case("case-esr-iphone-16-plus-classic-hybrid-clear", "ESR", "ESR Classic Hybrid Case with HaloLock for iPhone 16 Plus, Clear", "亿色 ESR 适用 iPhone 16 Plus 磁吸透明手机壳", ["iPhone 16 Plus"], "Clear", "Polycarbonate and TPU", True, "15.99"),
        _case("case-spigen-iphone-16e-ultra-hybrid-clear", "Spigen", "Spigen Ultra Hybrid Case for iPhone 16e, Crystal Clear", "Spigen 适用 iPhone 16e 透明防摔手机壳", ["iPhone 16e"], "Crystal Clear", "TPU and polycarbonate", False, "15.99"),
        _case("case-otterbox-iphone-15-commuter-black", "OtterBox", "OtterBox Commuter Series for MagSafe, iPhone 15, Black", "OtterBox Commuter 通勤系列 iPhone 15 磁吸手机壳 黑色", ["iPhone 15"], "Black", "Polycarbonate and synthetic rubber", True, "49.95"),
        _case("case-samsung-galaxy-s25-ultra-silicone-black", "Samsung", "Samsung Galaxy S25 Ultra Silicone Case, Black", "三星 Galaxy S25 Ultra 原装硅胶保护壳 黑色", ["Galaxy S25 Ultra"], "Black", "Silicone", False, "29.99"),
        _case("case-spigen-galaxy-s25-ultra-tough-armor-black", "Spigen", "Spigen Tough Armor Case for Galaxy S25 Ultra, Black", "Spigen 适用三星 Galaxy S25 Ultra 防摔手机壳 带支架 黑色", ["Galaxy S25 Ultra"], "Black", "TPU and polycarbonate", False, "24.99", "Built-in kickstand."),
        _case("case-otterbox-galaxy-s25-ultra-defender-black", "OtterBox", "OtterBox Defender Series Pro for Galaxy S25 Ultra, Black", "OtterBox Defender 防御者系列 三星 Galaxy S25 Ultra 手机壳 黑色", ["Galaxy S25 Ultra"], "Black", "Polycarbonate and synthetic rubber", False, "69.95", "Multi-layer rugged case with port covers."),
        _case("case-samsung-galaxy-s25-clear", "Samsung", "Samsung Galaxy S25 Clear Case", "三星 Galaxy S25 原装透明保护壳", ["Galaxy S25"], "Clear", "Polycarbonate and TPU", False, "19.99"),
        _case("case-spigen-galaxy-s25-liquid-air-black", "Spigen", "Spigen Liquid Air Case for Galaxy S25, Matte Black", "Spigen 适用三星 Galaxy S25 轻薄手机壳 哑光黑", ["Galaxy S25"], "Matte Black", "TPU", False, "14.99"),
        _case("case-spigen-galaxy-s25-plus-ultra-hybrid-clear", "Spigen", "Spigen Ultra Hybrid Case for Galaxy S25+, Crystal Clear", "Spigen 适用三星 Galaxy S25+ 透明防摔手机壳", ["Galaxy S25+"], "Crystal Clear", "TPU and polycarbonate", False, "15.99"),
        _case("case-spigen-galaxy-a56-rugged-armor-black", "Spigen", "Spigen Rugged Armor Case for Galaxy A56, Matte Black", "Spigen 适用三星 Galaxy A56 防摔手机壳 哑光黑", ["Galaxy A56"], "Matte Black", "TPU", False, "13.99"),
        _case("case-spigen-galaxy-a36-liquid-air-black", "Spigen", "Spigen Liquid Air Case for Galaxy A36, Matte Black", "Spigen 适用三星 Galaxy A36 轻薄手机壳 哑光黑", ["Galaxy A36"], "Matte Black", "TPU", False, "12.99"),
        _case("case-otterbox-galaxy-a16-react-clear", "OtterBox", "OtterBox React Series for Galaxy A16 5G, Clear", "OtterBox React 系列 三星 Galaxy A16 5G 透明手机壳", ["Galaxy A16 5G"], "Clear", "Polycarbonate and TPU", False, "29.95"),
        _case("case-samsung-galaxy-z-flip6-silicone-black", "Samsung", "Samsung Galaxy Z Flip6 Silicone Case, Black", "三星 Galaxy Z Flip6 原装硅胶保护壳 黑色", ["Galaxy Z Flip6"], "Black", "Silicone", False, "39.99", "Two-piece case that keeps the hinge free."),
        _case("case-google-pixel-9-pro-case-obsidian", "Google", "Google Pixel 9 / 9 Pro Case, Obsidian", "谷歌 Pixel 9 / 9 Pro 原装保护壳 曜石黑", ["Pixel 9", "Pixel 9 Pro"], "Obsidian", "Silicone", False, "29.99"),
        _case("case-spigen-pixel-9-thin-fit-black", "Spigen", "Spigen Thin Fit Case for Pixel 9 / 9 Pro, Black", "Spigen 适用谷歌 Pixel 9 / 9 Pro 超薄手机壳 黑色", ["Pixel 9", "Pixel 9 Pro"], "Black", "Polycarbonate", False, "14.99"),
        _case("case-google-pixel-9a-case-obsidian", "Google", "Google Pixel 9a Case, Obsidian", "谷歌 Pixel 9a 原装保护壳 曜石黑", ["Pixel 9a"], "Obsidian", "Silicone", False, "29.99"),
        _case("case-xiaomi-15-protective-black", "Xiaomi", "Xiaomi 15 Protective Case, Black", "小米15 原装保护壳 黑色", ["Xiaomi 15"], "Black", "PU leather", False, "19.99"),
        _case("case-xiaomi-15-ultra-protective-black", "Xiaomi", "Xiaomi 15 Ultra Protective Case, Black", "小米15 Ultra 原装保护壳 黑色", ["Xiaomi 15 Ultra"], "Black", "PU leather", False, "24.99"),
        _case("case-spigen-redmi-note-14-pro-5g-rugged-armor-black", "Spigen", "Spigen Rugged Armor Case for Redmi Note 14 Pro 5G, Matte Black", "Spigen 适用红米 Redmi Note 14 Pro 5G 防摔手机壳 哑光黑", ["Redmi Note 14 Pro 5G"], "Matte Black", "TPU", False, "12.99"),
        _case("case-huawei-pura-70-pu-black", "Huawei", "Huawei Pura 70 PU Case, Black", "华为 Pura 70 原装素皮保护壳 黑色", ["Pura 70"], "Black", "PU leather", False, "29.00"),
        _case("case-huawei-mate-60-pro-silicone-black", "Huawei", "Huawei Mate 60 Pro Silicone Case, Black", "华为 Mate 60 Pro 原装硅胶保护壳 黑色", ["Mate 60 Pro"], "Black", "Silicone", False, "25.00"),
        _case("case-huawei-nova-12-clear", "Huawei", "Huawei nova 12 Transparent Case", "华为 nova 12 原装透明保护壳", ["nova 12"], "Clear", "TPU", False, "15.00"),
        _case("case-oppo-find-x8-magnetic-black", "OPPO", "OPPO Find X8 Magnetic Case, Black", "OPPO Find X8 原装磁吸保护壳 黑色", ["Find X8"], "Black", "Aramid fibre and TPU", True, "29.00"),
        _case("case-oppo-reno13-clear", "OPPO", "OPPO Reno13 Clear Case", "OPPO Reno13 原装透明保护壳", ["Reno13"], "Clear", "TPU", False, "15.00"),
        _case("case-sony-xperia-1-vi-style-cover-black", "Sony", "Sony Xperia 1 VI Style Cover with Stand, Black", "索尼 Xperia 1 VI 原装支架保护壳 黑色", ["Xperia 1 VI"], "Black", "Polycarbonate", False, "39.99", "Fold-out stand for landscape video."),
        _case("case-sony-xperia-10-vi-style-cover-black", "Sony", "Sony Xperia 10 VI Style Cover with Stand, Black", "索尼 Xperia 10 VI 原装支架保护壳 黑色", ["Xperia 10 VI"], "Black", "Polycarbonate", False, "29.99"),
        _protector("protector-esr-iphone-16-pro-armorite-2pack", "ESR", "ESR Armorite Tempered Glass Screen Protector for iPhone 16 Pro, 2-Pack", "亿色 ESR iPhone 16 Pro 钢化膜 2片装", ["iPhone 16 Pro"], "tempered glass", False, "15.99", 2),
        _protector("protector-belkin-iphone-16-pro-ultraglass-privacy", "Belkin", "Belkin UltraGlass 2 Privacy Screen Protector for iPhone 16 Pro", "贝尔金 iPhone 16 Pro 防窥钢化膜", ["iPhone 16 Pro"], "tempered glass", True, "49.95"),
        _protector("protector-belkin-iphone-16-pro-max-ultraglass", "Belkin", "Belkin UltraGlass 2 Screen Protector for iPhone 16 Pro Max", "贝尔金 iPhone 16 Pro Max 高清钢化膜", ["iPhone 16 Pro Max"], "tempered glass", False, "39.95"),
        _protector("protector-spigen-iphone-16-15-glastr-2pack", "Spigen", "Spigen GLAS.tR EZ Fit Screen Protector for iPhone 16 / iPhone 15, 2-Pack", "Spigen iPhone 16 / 15 钢化膜 秒贴盒 2片装", ["iPhone 16", "iPhone 15"], "tempered glass", False, "19.99", 2),
        _protector("protector-spigen-iphone-16-plus-glastr-2pack", "Spigen", "Spigen GLAS.tR EZ Fit Screen Protector for iPhone 16 Plus, 2-Pack", "Spigen iPhone 16 Plus 钢化膜 秒贴盒 2片装", ["iPhone 16 Plus"], "tempered glass", False, "19.99", 2),
        _protector("protector-esr-iphone-16e-armorite-2pack", "ESR", "ESR Armorite Tempered Glass Screen Protector for iPhone 16e, 2-Pack", "亿色 ESR iPhone 16e 钢化膜 2片装", ["iPhone 16e"], "tempered glass", False, "13.99", 2),
        _protector("protector-spigen-galaxy-s25-ultra-glastr-2pack", "Spigen", "Spigen GLAS.tR EZ Fit Screen Protector for Galaxy S25 Ultra, 2-Pack", "Spigen 三星 Galaxy S25 Ultra 钢化膜 2片装", ["Galaxy S25 Ultra"], "tempered glass", False, "24.99", 2),
        _protector("protector-spigen-galaxy-s25-glastr-2pack", "Spigen", "Spigen GLAS.tR EZ Fit Screen Protector for Galaxy S25, 2-Pack", "Spigen 三星 Galaxy S25 钢化膜 2片装", ["Galaxy S25"], "tempered glass", False, "19.99", 2),
        _protector("protector-esr-galaxy-s25-plus-tempered-2pack", "ESR", "ESR Tempered Glass Screen Protector for Galaxy S25+, 2-Pack", "亿色 ESR 三星 Galaxy S25+ 钢化膜 2片装", ["Galaxy S25+"], "tempered glass", False, "15.99", 2),
        _protector("protector-spigen-galaxy-a56-glastr-2pack", "Spigen", "Spigen GLAS.tR Slim Screen Protector for Galaxy A56, 2-Pack", "Spigen 三星 Galaxy A56 钢化膜 2片装", ["Galaxy A56"], "tempered glass", False, "12.99", 2),
        _protector("protector-spigen-galaxy-a36-glastr-2pack", "Spigen", "Spigen GLAS.tR Slim Screen Protector for Galaxy A36, 2-Pack", "Spigen 三星 Galaxy A36 钢化膜 2片装", ["Galaxy A36"], "tempered glass", False, "12.99", 2),
        _protector("protector-esr-galaxy-a16-tempered-3pack", "ESR", "ESR Tempered Glass Screen Protector for Galaxy A16 5G, 3-Pack", "亿色 ESR 三星 Galaxy A16 5G 钢化膜 3片装", ["Galaxy A16 5G"], "tempered glass", False, "11.99", 3),
        _protector("protector-spigen-galaxy-z-flip6-neoflex-2pack", "Spigen", "Spigen NeoFlex Film Screen Protector for Galaxy Z Flip6, 2-Pack", "Spigen 三星 Galaxy Z Flip6 内屏软膜 2片装", ["Galaxy Z Flip6"], "film", False, "17.99", 2),
        _protector("protector-spigen-pixel-9-glastr-2pack", "Spigen", "Spigen GLAS.tR EZ Fit Screen Protector for Pixel 9 / 9 Pro, 2-Pack", "Spigen 谷歌 Pixel 9 / 9 Pro 钢化膜 2片装", ["Pixel 9", "Pixel 9 Pro"], "tempered glass", False, "19.99", 2),
        _protector("protector-spigen-pixel-9a-glastr-2pack", "Spigen", "Spigen GLAS.tR EZ Fit Screen Protector for Pixel 9a, 2-Pack", "Spigen 谷歌 Pixel 9a 钢化膜 2片装", ["Pixel 9a"], "tempered glass", False, "16.99", 2),
        _protector("protector-esr-xiaomi-15-tempered-2pack", "ESR", "ESR Tempered Glass Screen Protector for Xiaomi 15, 2-Pack", "亿色 ESR 小米15 钢化膜 2片装", ["Xiaomi 15"], "tempered glass", False, "12.99", 2),
        _protector("protector-esr-xiaomi-15-ultra-film-2pack", "ESR", "ESR Curved Film Screen Protector for Xiaomi 15 Ultra, 2-Pack", "亿色 ESR 小米15 Ultra 曲面软膜 2片装", ["Xiaomi 15 Ultra"], "film", False, "12.99", 2),
        _protector("protector-esr-redmi-note-14-pro-5g-tempered-2pack", "ESR", "ESR Tempered Glass Screen Protector for Redmi Note 14 Pro 5G, 2-Pack", "亿色 ESR 红米 Redmi Note 14 Pro 5G 钢化膜 2片装", ["Redmi Note 14 Pro 5G"], "tempered glass", False, "9.99", 2),
        _protector("protector-baseus-pura-70-tempered-2pack", "Baseus", "Baseus Tempered Glass Screen Protector for Huawei Pura 70, 2-Pack", "倍思 华为 Pura 70 钢化膜 2片装", ["Pura 70"], "tempered glass", False, "11.99", 2),
        _protector("protector-baseus-mate-60-pro-film-2pack", "Baseus", "Baseus Curved Film Screen Protector for Huawei Mate 60 Pro, 2-Pack", "倍思 华为 Mate 60 Pro 曲面水凝膜 2片装", ["Mate 60 Pro"], "film", False, "11.99", 2),
        _protector("protector-baseus-nova-12-film-2pack", "Baseus", "Baseus Curved Film Screen Protector for Huawei nova 12, 2-Pack", "倍思 华为 nova 12 曲面水凝膜 2片装", ["nova 12"], "film", False, "9.99", 2),
        _protector("protector-baseus-find-x8-tempered-2pack", "Baseus", "Baseus Tempered Glass Screen Protector for OPPO Find X8, 2-Pack", "倍思 OPPO Find X8 钢化膜 2片装", ["Find X8"], "tempered glass", False, "11.99", 2),
        _protector("protector-baseus-reno13-tempered-2pack", "Baseus", "Baseus Tempered Glass Screen Protector for OPPO Reno13, 2-Pack", "倍思 OPPO Reno13 钢化膜 2片装", ["Reno13"], "tempered glass", False, "9.99", 2),
        _protector("protector-spigen-xperia-1-vi-glastr-2pack", "Spigen", "Spigen GLAS.tR Slim Screen Protector for Xperia 1 VI, 2-Pack", "Spigen 索尼 Xperia 1 VI 钢化膜 2片装", ["Xperia 1 VI"], "tempered glass", False, "14.99", 2),
        _protector("protector-spigen-xperia-10-vi-glastr-2pack", "Spigen", "Spigen GLAS.tR Slim Screen Protector for Xperia 10 VI, 2-Pack", "Spigen 索尼 Xperia 10 VI 钢化膜 2片装", ["Xperia 10 VI"], "tempered glass", False, "12.99", 2),
        _charger("charger-apple-20w-usb-c", "Apple", "Apple 20W USB-C Power Adapter", "苹果 20W USB-C 电源适配器", 20, 1, False, "19.00", "Fast-charges iPhone to 50% in about 30 minutes."),
        _charger("charger-apple-35w-dual-usb-c", "Apple", "Apple 35W Dual USB-C Port Compact Power Adapter", "苹果 35W 双 USB-C 端口小型电源适配器", 35, 2, False, "59.00", "Charges an iPhone and AirPods or a MacBook Air at once."),
        _charger("charger-apple-70w-usb-c", "Apple", "Apple 70W USB-C Power Adapter", "苹果 70W USB-C 电源适配器", 70, 1, False, "59.00", "For MacBook Air and MacBook Pro 14-inch."),
        _charger("charger-apple-magsafe-25w-1m", "Apple", "Apple MagSafe Charger (1 m), 25W", "苹果 MagSafe 磁吸充电器 1米 25W", 25, 1, False, "39.00", "Magnetic wireless charging puck with a 1 m USB-C cable; up to 25W on iPhone 16 models.", wireless=True, magsafe=True),
        _charger("charger-anker-nano-30w", "Anker", "Anker Nano Charger 30W USB-C", "安克 Nano 30W USB-C 氮化镓充电器", 30, 1, True, "19.99", "Pocket-size charger for phones and earbuds."),
        _charger("charger-anker-prime-67w-3port", "Anker", "Anker Prime 67W GaN Charger, 3 Ports", "安克 Prime 67W 氮化镓三口充电器", 67, 3, True, "49.99", "Two USB-C and one USB-A port; powers a laptop and a phone together."),
        _charger("charger-anker-prime-100w-3port", "Anker", "Anker Prime 100W GaN Charger, 3 Ports", "安克 Prime 100W 氮化镓三口充电器", 100, 3, True, "69.99", "Enough for a MacBook Pro 16-inch plus a phone."),
        _charger("charger-samsung-45w-usb-c", "Samsung", "Samsung 45W Super Fast Charging Power Adapter", "三星 45W 超级快充 USB-C 充电器", 45, 1, False, "49.99", "PPS Super Fast Charging 2.0 for Galaxy S25+ and S25 Ultra."),
        _charger("charger-samsung-25w-usb-c", "Samsung", "Samsung 25W Super Fast Charging Power Adapter", "三星 25W 超级快充 USB-C 充电器", 25, 1, False, "19.99", "PPS fast charging for Galaxy phones."),
        _charger("charger-google-30w-usb-c", "Google", "Google 30W USB-C Charger", "谷歌 30W USB-C 充电器", 30, 1, False, "25.00", "Fast-charges Pixel phones."),
        _charger("charger-ugreen-nexode-65w-3port", "UGREEN", "UGREEN Nexode 65W GaN Charger, 3 Ports", "绿联 Nexode 65W 氮化镓三口充电器", 65, 3, True, "39.99", "Two USB-C and one USB-A port."),
        _charger("charger-baseus-gan5-pro-65w", "Baseus", "Baseus GaN5 Pro 65W Charger, 3 Ports", "倍思 GaN5 Pro 65W 氮化镓充电器 三口", 65, 3, True, "35.99", "Two USB-C and one USB-A port, foldable plug."),
        _charger("charger-belkin-boostcharge-pro-65w-dual", "Belkin", "Belkin BoostCharge Pro 65W Dual USB-C GaN Charger", "贝尔金 65W 双 USB-C 氮化镓充电器", 65, 2, True, "49.99", "Shares power between a laptop and a phone."),
        _cable("cable-apple-240w-usb-c-2m", "Apple", "Apple 240W USB-C Charge Cable (2 m)", "苹果 240W USB-C 充电线 2米", ["USB-C", "USB-C"], 2.0, 240, "29.00", "Woven design; charges iPhone, iPad and MacBook."),
        _cable("cable-apple-60w-usb-c-1m", "Apple", "Apple 60W USB-C Charge Cable (1 m)", "苹果 60W USB-C 充电线 1米", ["USB-C", "USB-C"], 1.0, 60, "19.00", "Woven design; for iPhone 15 and iPhone 16 models."),
        _cable("cable-apple-usb-c-lightning-1m", "Apple", "Apple USB-C to Lightning Cable (1 m)", "苹果 USB-C 转 Lightning 连接线 1米", ["USB-C", "Lightning"], 1.0, 20, "19.00", "For Lightning iPhones and accessories (not iPhone 15 or 16)."),
        _cable("cable-anker-240w-usb-c-1-8m", "Anker", "Anker USB-C to USB-C Cable 240W, 1.8 m Braided", "安克 240W USB-C 双头编织快充线 1.8米", ["USB-C", "USB-C"], 1.8, 240, "15.99", "Nylon braided; charges laptops, phones and tablets."),
        _cable("cable-anker-100w-usb-c-0-9m-2pack", "Anker", "Anker USB-C to USB-C Cable 100W, 0.9 m, 2-Pack", "安克 100W USB-C 双头快充线 0.9米 2条装", ["USB-C", "USB-C"], 0.9, 100, "12.99", "Two short cables for phones and earbuds."),
        _cable("cable-ugreen-100w-usb-c-2m", "UGREEN", "UGREEN USB-C to USB-C Cable 100W, 2 m", "绿联 100W USB-C 双头快充线 2米", ["USB-C", "USB-C"], 2.0, 100, "11.99", "E-marked for 100W laptop charging."),
        _cable("cable-samsung-5a-usb-c-1-8m", "Samsung", "Samsung 5A USB-C to USB-C Cable, 1.8 m", "三星 5A USB-C 双头数据线 1.8米", ["USB-C", "USB-C"], 1.8, 100, "19.99", "Needed for 45W Super Fast Charging on Galaxy phones."),
        _cable("cable-baseus-usb-a-to-usb-c-100w-1m", "Baseus", "Baseus USB-A to USB-C Cable 100W, 1 m", "倍思 USB-A 转 USB-C 100W 快充线 1米", ["USB-A", "USB-C"], 1.0, 100, "9.99", "For older USB-A chargers."),
        _power_bank("powerbank-anker-maggo-10k-qi2", "Anker", "Anker MagGo Power Bank 10K, Qi2 15W", "安克 MagGo Qi2 磁吸充电宝 10000mAh", 10000, 27, True, "69.99", "Snaps onto MagSafe iPhones; 15W Qi2 wireless plus 27W USB-C."),
        _power_bank("powerbank-anker-737-24k-140w", "Anker", "Anker 737 Power Bank 24,000mAh 140W", "安克 737 大容量充电宝 24000mAh 140W", 24000, 140, False, "109.99", "Can charge a laptop; smart display shows remaining power."),
        _power_bank("powerbank-anker-zolo-20k-30w", "Anker", "Anker Zolo Power Bank 20K, 30W with Built-in USB-C Cable", "安克 Zolo 充电宝 20000mAh 30W 自带线", 20000, 30, False, "29.99", "Built-in USB-C cable."),
        _power_bank("powerbank-belkin-boostcharge-pro-magnetic-10k", "Belkin", "Belkin BoostCharge Pro Magnetic Power Bank 10K, Qi2", "贝尔金 Qi2 磁吸充电宝 10000mAh", 10000, 20, True, "59.99", "Qi2 15W magnetic wireless charging with a kickstand."),
        _power_bank("powerbank-esr-halolock-mini-5k", "ESR", "ESR HaloLock Mini Qi2 Power Bank 5000mAh", "亿色 ESR HaloLock Qi2 迷你磁吸充电宝 5000mAh", 5000, 20, True, "39.99", "Slim magnetic battery for MagSafe iPhones."),
        _power_bank("powerbank-ugreen-nexode-20k-100w", "UGREEN", "UGREEN Nexode Power Bank 20000mAh, 100W", "绿联 Nexode 充电宝 20000mAh 100W", 20000, 100, False, "49.99", "Two USB-C and one USB-A port; charges laptops."),
        _power_bank("powerbank-baseus-blade-20k-100w", "Baseus", "Baseus Blade HD Power Bank 20000mAh, 100W", "倍思 刀锋 超薄充电宝 20000mAh 100W", 20000, 100, False, "69.99", "Flat laptop power bank with a digital display."),
        _power_bank("powerbank-samsung-10k-25w", "Samsung", "Samsung 10,000mAh 25W Battery Pack", "三星 25W 超级快充移动电源 10000mAh", 10000, 25, False, "39.99", "25W Super Fast Charging for Galaxy phones."),
    ]
    # fmt: on


def products() -> list[Product]:
    """Smartphones first, then their accessories."""
    return _phones() + _accessories()
