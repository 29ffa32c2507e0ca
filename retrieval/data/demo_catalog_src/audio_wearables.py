# ruff: noqa: E501
"""Earbuds, headphones, speakers, smartwatches, watch bands and tablets.

Watch bands name the exact smartwatch `model` strings they fit (`compatible_watches`).
"""

from __future__ import annotations

from .common import Product, join_en, record

EARBUDS = "Electronics > Audio > Earbuds"
HEADPHONES = "Electronics > Audio > Headphones"
SPEAKER = "Electronics > Audio > Speakers"
WATCH = "Electronics > Wearables > Smartwatches"
BAND = "Electronics > Wearables > Watch Bands"
TABLET = "Electronics > Tablets"

IOS = ["iOS"]
ANDROID = ["Android"]
BOTH = ["iOS", "Android"]


# Earbuds whose case charges on a Qi or MagSafe pad (the compatibility rules keep a wireless charger away
# from the others).
_WIRELESS_CHARGING_CASES = frozenset(
    {
        "earbuds-apple-airpods-pro-2-usb-c",
        "earbuds-apple-airpods-4-anc",
        "earbuds-samsung-galaxy-buds3-pro",
        "earbuds-google-pixel-buds-pro-2",
        "earbuds-sony-wf-1000xm5",
        "earbuds-anker-soundcore-liberty-4-nc",
        "earbuds-huawei-freebuds-pro-4",
        "earbuds-beats-powerbeats-pro-2",
    }
)


def _audio(
    category: str,
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    anc: bool,
    battery_h: float,
    compatible_os: list[str],
    price: str,
    note: str,
) -> Product:
    noise = "Active noise cancellation" if anc else "No active noise cancellation"
    description = f"{note} {noise}, up to {battery_h} h battery per charge, USB-C charging; works with {join_en(compatible_os)}."
    attributes = {
        "connector": "USB-C",
        "wireless": True,
        "anc": anc,
        "battery_h": battery_h,
        "compatible_os": compatible_os,
    }
    if category == EARBUDS:
        attributes["wireless_charging"] = pid in _WIRELESS_CHARGING_CASES
    return record(pid, title, title_zh, brand, category, description, price, attributes)


def _speaker(
    pid: str, brand: str, title: str, title_zh: str, battery_h: int, waterproof: str, price: str, note: str
) -> Product:
    description = (
        f"{note} Bluetooth, {battery_h} h battery, {waterproof} water and dust resistant, USB-C charging."
    )
    attributes = {"connector": "USB-C", "wireless": True, "battery_h": battery_h, "waterproof": waterproof}
    return record(pid, title, title_zh, brand, SPEAKER, description, price, attributes)


def _watch(
    pid: str,
    brand: str,
    model: str,
    title: str,
    title_zh: str,
    compatible_os: list[str],
    case_mm: int,
    band_size_mm: int,
    battery_days: float,
    price: str,
    note: str,
) -> Product:
    description = f"{note} {case_mm}mm case, {band_size_mm}mm band size, up to {battery_days} days battery; works with {join_en(compatible_os)}."
    attributes = {
        "model": model,
        "compatible_os": compatible_os,
        "case_mm": case_mm,
        "band_size_mm": band_size_mm,
        "battery_days": battery_days,
    }
    return record(pid, title, title_zh, brand, WATCH, description, price, attributes)


def _band(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    watches: list[str],
    material: str,
    colour: str,
    price: str,
) -> Product:
    description = f"Fits {join_en(watches)}. {material.capitalize()} band, {colour}."
    return record(
        pid,
        title,
        title_zh,
        brand,
        BAND,
        description,
        price,
        {"compatible_watches": watches, "material": material, "colour": colour},
    )


def _tablet(
    pid: str,
    brand: str,
    model: str,
    title: str,
    title_zh: str,
    os: str,
    storage_gb: int,
    screen_in: float,
    price: str,
    note: str,
) -> Product:
    description = f"{note} {screen_in}-inch display, {storage_gb}GB storage, USB-C, {os}."
    attributes = {
        "model": model,
        "os": os,
        "connector": "USB-C",
        "storage_gb": storage_gb,
        "screen_in": screen_in,
    }
    return record(pid, title, title_zh, brand, TABLET, description, price, attributes)


def products() -> list[Product]:
    """Audio first, then wearables and tablets."""
    # fmt: off
    return [
        _audio(EARBUDS, "earbuds-apple-airpods-pro-2-usb-c", "Apple", "Apple AirPods Pro 2 with MagSafe Charging Case (USB-C)", "苹果 AirPods Pro 2 主动降噪无线耳机 USB-C", True, 6, IOS, "249.00", "In-ear earbuds with Adaptive Audio, Transparency mode and hearing-health features."),
        _audio(EARBUDS, "earbuds-apple-airpods-4-anc", "Apple", "Apple AirPods 4 with Active Noise Cancellation", "苹果 AirPods 4 主动降噪款 无线耳机", True, 5, IOS, "179.00", "Open-fit earbuds with a wireless charging case."),
        _audio(EARBUDS, "earbuds-apple-airpods-4", "Apple", "Apple AirPods 4", "苹果 AirPods 4 无线耳机", False, 5, IOS, "129.00", "Open-fit earbuds with Personalized Spatial Audio."),
        _audio(EARBUDS, "earbuds-samsung-galaxy-buds3-pro", "Samsung", "Samsung Galaxy Buds3 Pro, Silver", "三星 Galaxy Buds3 Pro 主动降噪无线耳机 银色", True, 6, ANDROID, "249.99", "Hi-Fi 24-bit audio with Galaxy AI interpreter; best with Galaxy phones."),
        _audio(EARBUDS, "earbuds-samsung-galaxy-buds-fe", "Samsung", "Samsung Galaxy Buds FE, Graphite", "三星 Galaxy Buds FE 主动降噪无线耳机 石墨黑", True, 6, ANDROID, "99.99", "Budget earbuds with wing tips for a secure fit."),
        _audio(EARBUDS, "earbuds-google-pixel-buds-pro-2", "Google", "Google Pixel Buds Pro 2, Hazel", "谷歌 Pixel Buds Pro 2 主动降噪无线耳机 榛果色", True, 8, ANDROID, "229.00", "Tensor A1 chip and Gemini on Android phones."),
        _audio(EARBUDS, "earbuds-sony-wf-1000xm5", "Sony", "Sony WF-1000XM5 Wireless Noise Canceling Earbuds, Black", "索尼 WF-1000XM5 真无线降噪耳机 黑色", True, 8, BOTH, "299.99", "LDAC hi-res audio and multipoint connection."),
        _audio(EARBUDS, "earbuds-bose-quietcomfort-ultra-earbuds", "Bose", "Bose QuietComfort Ultra Earbuds, Black", "Bose QC Ultra 消噪耳塞 大鲨3代 黑色", True, 6, BOTH, "299.00", "Immersive spatial audio and CustomTune noise cancelling."),
        _audio(EARBUDS, "earbuds-anker-soundcore-liberty-4-nc", "Anker", "Anker Soundcore Liberty 4 NC Wireless Earbuds", "安克 声阔 Liberty 4 NC 降噪蓝牙耳机", True, 10, BOTH, "99.99", "LDAC support and wireless charging case."),
        _audio(EARBUDS, "earbuds-huawei-freebuds-pro-4", "Huawei", "Huawei FreeBuds Pro 4, Black", "华为 FreeBuds Pro 4 主动降噪无线耳机 黑色", True, 6.5, ["HarmonyOS", "Android", "iOS"], "199.00", "Dual-driver earbuds with lossless L2HC audio on Huawei phones."),
        _audio(EARBUDS, "earbuds-beats-powerbeats-pro-2", "Beats", "Beats Powerbeats Pro 2, Jet Black", "Beats Powerbeats Pro 2 运动降噪耳机 黑色", True, 8, BOTH, "249.99", "Sport earbuds with ear hooks and heart-rate sensing."),
        _audio(EARBUDS, "earbuds-jbl-tune-beam", "JBL", "JBL Tune Beam Noise Cancelling Earbuds, Black", "JBL Tune Beam 主动降噪真无线耳机 黑色", True, 8, BOTH, "99.95", "Stick-style earbuds with four microphones for calls."),
        _audio(HEADPHONES, "headphones-sony-wh-1000xm5-black", "Sony", "Sony WH-1000XM5 Wireless Noise Canceling Headphones, Black", "索尼 WH-1000XM5 头戴式无线降噪耳机 黑色", True, 30, BOTH, "399.99", "Over-ear headphones with eight microphones and LDAC."),
        _audio(HEADPHONES, "headphones-sony-wh-1000xm6-black", "Sony", "Sony WH-1000XM6 Wireless Noise Canceling Headphones, Black", "索尼 WH-1000XM6 头戴式无线降噪耳机 黑色", True, 30, BOTH, "449.99", "Foldable over-ear headphones with the QN3 noise-cancelling processor."),
        _audio(HEADPHONES, "headphones-bose-quietcomfort-ultra", "Bose", "Bose QuietComfort Ultra Headphones, Black", "Bose QC Ultra 消噪耳机 头戴式 黑色", True, 24, BOTH, "429.00", "Over-ear headphones with immersive spatial audio."),
        _audio(HEADPHONES, "headphones-bose-quietcomfort", "Bose", "Bose QuietComfort Headphones, White Smoke", "Bose QC 消噪耳机 头戴式 白色", True, 24, BOTH, "349.00", "Comfortable over-ear headphones with adjustable EQ."),
        _audio(HEADPHONES, "headphones-apple-airpods-max-usb-c", "Apple", "Apple AirPods Max (USB-C), Midnight", "苹果 AirPods Max 头戴式降噪耳机 USB-C 午夜色", True, 20, IOS, "549.00", "Over-ear headphones with Personalized Spatial Audio."),
        _audio(HEADPHONES, "headphones-sennheiser-momentum-4", "Sennheiser", "Sennheiser Momentum 4 Wireless Headphones, Black", "森海塞尔 MOMENTUM 4 大馒头4 头戴式降噪耳机 黑色", True, 60, BOTH, "379.95", "Over-ear headphones with aptX Adaptive."),
        _audio(HEADPHONES, "headphones-anker-soundcore-space-one", "Anker", "Anker Soundcore Space One Noise Cancelling Headphones", "安克 声阔 Space One 头戴式降噪耳机", True, 40, BOTH, "99.99", "Budget over-ear headphones with LDAC."),
        _audio(HEADPHONES, "headphones-beats-studio-pro", "Beats", "Beats Studio Pro Wireless Headphones, Black", "Beats Studio Pro 头戴式无线降噪耳机 黑色", True, 24, BOTH, "349.99", "Over-ear headphones with USB-C lossless audio."),
        _speaker("speaker-jbl-flip-6-black", "JBL", "JBL Flip 6 Portable Bluetooth Speaker, Black", "JBL Flip 6 音乐万花筒6 便携蓝牙音箱 黑色", 12, "IP67", "129.95", "Portable speaker with a separate tweeter."),
        _speaker("speaker-jbl-charge-5-blue", "JBL", "JBL Charge 5 Portable Bluetooth Speaker, Blue", "JBL Charge 5 音乐冲击波5 蓝牙音箱 蓝色", 20, "IP67", "179.95", "Also works as a power bank for your phone."),
        _speaker("speaker-bose-soundlink-flex-2", "Bose", "Bose SoundLink Flex (2nd Gen) Bluetooth Speaker, Black", "Bose SoundLink Flex 二代 便携蓝牙音箱 黑色", 12, "IP67", "149.00", "Floats in water; shortcut button for voice assistant."),
        _speaker("speaker-sony-ult-field-1", "Sony", "Sony ULT Field 1 Wireless Speaker, Black", "索尼 ULT FIELD 1 便携蓝牙音箱 黑色", 12, "IP67", "129.99", "Compact speaker with ULT bass boost and a strap."),
        _speaker("speaker-anker-soundcore-motion-300", "Anker", "Anker Soundcore Motion 300 Wireless Hi-Res Speaker", "安克 声阔 Motion 300 无线高解析蓝牙音箱", 13, "IPX7", "79.99", "30W stereo sound with LDAC hi-res audio."),
        _watch("watch-apple-watch-series-10-42mm-gps", "Apple", "Apple Watch Series 10 42mm", "Apple Watch Series 10 GPS 42mm Aluminium Case with Sport Band", "苹果 Apple Watch Series 10 GPS 42毫米 铝金属表壳 运动型表带", IOS, 42, 42, 1.5, "399.00", "Thinnest Apple Watch with a wide-angle OLED display and sleep apnoea notifications; needs an iPhone."),
        _watch("watch-apple-watch-series-10-46mm-gps", "Apple", "Apple Watch Series 10 46mm", "Apple Watch Series 10 GPS 46mm Aluminium Case with Sport Band", "苹果 Apple Watch Series 10 GPS 46毫米 铝金属表壳 运动型表带", IOS, 46, 46, 1.5, "429.00", "Larger Series 10 with a wide-angle OLED display; needs an iPhone."),
        _watch("watch-apple-watch-ultra-2-49mm", "Apple", "Apple Watch Ultra 2 49mm", "Apple Watch Ultra 2 GPS + Cellular 49mm Titanium Case", "苹果 Apple Watch Ultra 2 GPS + 蜂窝网络 49毫米 钛金属表壳", IOS, 49, 49, 3, "799.00", "Rugged titanium watch with dual-frequency GPS and a dive computer; needs an iPhone."),
        _watch("watch-apple-watch-se-40mm-gps", "Apple", "Apple Watch SE 40mm", "Apple Watch SE GPS 40mm Aluminium Case with Sport Band", "苹果 Apple Watch SE GPS 40毫米 铝金属表壳 运动型表带", IOS, 40, 40, 1.5, "249.00", "Entry Apple Watch with crash detection; needs an iPhone."),
        _watch("watch-samsung-galaxy-watch7-40mm", "Samsung", "Galaxy Watch7 40mm", "Samsung Galaxy Watch7 40mm Bluetooth, Green", "三星 Galaxy Watch7 智能手表 40mm 蓝牙版 绿色", ANDROID, 40, 20, 1.5, "299.99", "Wear OS watch with BioActive sensor and dual-frequency GPS; needs an Android phone."),
        _watch("watch-samsung-galaxy-watch7-44mm", "Samsung", "Galaxy Watch7 44mm", "Samsung Galaxy Watch7 44mm Bluetooth, Silver", "三星 Galaxy Watch7 智能手表 44mm 蓝牙版 银色", ANDROID, 44, 20, 1.5, "329.99", "Larger Wear OS watch with BioActive sensor; needs an Android phone."),
        _watch("watch-google-pixel-watch-3-41mm", "Google", "Pixel Watch 3 41mm", "Google Pixel Watch 3 41mm Wi-Fi, Matte Black", "谷歌 Pixel Watch 3 智能手表 41mm 哑光黑", ANDROID, 41, 41, 1, "349.99", "Wear OS watch with Fitbit readiness and running coaching; uses Pixel Watch bands."),
        _watch("watch-garmin-forerunner-265", "Garmin", "Forerunner 265", "Garmin Forerunner 265 GPS Running Smartwatch, Black", "佳明 Forerunner 265 跑步智能手表 黑色", BOTH, 46, 22, 13, "449.99", "AMOLED running watch with training readiness and HRV status."),
        _watch("watch-garmin-venu-3", "Garmin", "Venu 3", "Garmin Venu 3 GPS Smartwatch, Slate", "佳明 Venu 3 智能运动手表 石板灰", BOTH, 45, 22, 14, "449.99", "Health and fitness smartwatch with sleep coaching."),
        _watch("watch-garmin-fenix-8-47mm-amoled", "Garmin", "fēnix 8 47mm", "Garmin fēnix 8 47mm AMOLED Multisport GPS Watch", "佳明 fēnix 8 飞耐时8 47mm AMOLED 户外运动手表", BOTH, 47, 22, 16, "999.99", "Rugged multisport watch with maps, LED flashlight and QuickFit 22 bands."),
        _watch("watch-huawei-watch-gt-5-46mm", "Huawei", "Watch GT 5 46mm", "Huawei Watch GT 5 46mm, Black", "华为 WATCH GT 5 智能手表 46mm 黑色", ["HarmonyOS", "Android", "iOS"], 46, 22, 14, "249.00", "Long-battery smartwatch with TruSense health tracking."),
        _band("band-apple-sport-band-46mm-black", "Apple", "Apple 46mm Sport Band, Black, M/L", "苹果 46毫米 运动型表带 黑色 M/L", ["Apple Watch Series 10 46mm", "Apple Watch Ultra 2 49mm"], "fluoroelastomer", "Black", "49.00"),
        _band("band-apple-sport-loop-42mm-plum", "Apple", "Apple 42mm Sport Loop, Plum", "苹果 42毫米 回环式运动表带 梅子色", ["Apple Watch Series 10 42mm", "Apple Watch SE 40mm"], "nylon weave", "Plum", "49.00"),
        _band("band-apple-trail-loop-49mm-black", "Apple", "Apple 49mm Trail Loop, Black, M/L", "苹果 49毫米 野径回环式表带 黑色 M/L", ["Apple Watch Ultra 2 49mm", "Apple Watch Series 10 46mm"], "nylon weave", "Black", "99.00"),
        _band("band-samsung-sport-band-20mm-ml", "Samsung", "Samsung Galaxy Watch Sport Band 20mm, M/L, Graphite", "三星 Galaxy Watch 运动表带 20mm M/L 石墨黑", ["Galaxy Watch7 40mm", "Galaxy Watch7 44mm"], "fluoroelastomer", "Graphite", "29.99"),
        _band("band-garmin-quickfit-22-silicone-black", "Garmin", "Garmin QuickFit 22 Silicone Watch Band, Black", "佳明 QuickFit 22mm 快拆硅胶表带 黑色", ["fēnix 8 47mm"], "silicone", "Black", "49.99"),
        _band("band-garmin-quick-release-22-silicone-black", "Garmin", "Garmin Quick Release 22mm Silicone Band, Black", "佳明 22mm 快拆硅胶表带 黑色", ["Forerunner 265", "Venu 3"], "silicone", "Black", "29.99"),
        _band("band-google-pixel-watch-active-41mm", "Google", "Google Pixel Watch Active Band 41mm, Obsidian", "谷歌 Pixel Watch 运动表带 41mm 曜石黑", ["Pixel Watch 3 41mm"], "fluoroelastomer", "Obsidian", "49.99"),
        _tablet("tablet-apple-ipad-air-11-m3-128", "Apple", "iPad Air 11-inch (M3)", "Apple iPad Air 11-inch (M3) Wi-Fi 128GB, Space Grey", "苹果 iPad Air 11英寸 M3 芯片 WLAN 128GB 深空灰色", "iPadOS", 128, 11, "599.00", "M3 tablet with Apple Pencil Pro and Magic Keyboard support."),
        _tablet("tablet-apple-ipad-pro-13-m4-256", "Apple", "iPad Pro 13-inch (M4)", "Apple iPad Pro 13-inch (M4) Wi-Fi 256GB, Space Black", "苹果 iPad Pro 13英寸 M4 芯片 WLAN 256GB 深空黑色", "iPadOS", 256, 13, "1299.00", "Ultra Retina XDR tandem OLED display and Thunderbolt port."),
        _tablet("tablet-apple-ipad-a16-128", "Apple", "iPad (A16)", "Apple iPad 11-inch (A16) Wi-Fi 128GB, Blue", "苹果 iPad 11英寸 A16 芯片 WLAN 128GB 蓝色", "iPadOS", 128, 11, "349.00", "Entry iPad with Apple Pencil (USB-C) support."),
        _tablet("tablet-samsung-galaxy-tab-s10-plus-256", "Samsung", "Galaxy Tab S10+", "Samsung Galaxy Tab S10+ Wi-Fi 256GB, Moonstone Gray", "三星 Galaxy Tab S10+ 平板电脑 WLAN 256GB 月岩灰", "Android", 256, 12.4, "999.99", "Dynamic AMOLED 2X tablet with the S Pen included and IP68 rating."),
        _tablet("tablet-samsung-galaxy-tab-s10-fe-128", "Samsung", "Galaxy Tab S10 FE", "Samsung Galaxy Tab S10 FE Wi-Fi 128GB, Gray", "三星 Galaxy Tab S10 FE 平板电脑 WLAN 128GB 灰色", "Android", 128, 10.9, "499.99", "Mid-range tablet with the S Pen included and IP68 rating."),
        _tablet("tablet-xiaomi-pad-7-128", "Xiaomi", "Xiaomi Pad 7", "Xiaomi Pad 7 8GB + 128GB, Graphite Gray", "小米平板7 8GB+128GB 石墨灰", "Android", 128, 11.2, "399.00", "3.2K 144Hz display and Snapdragon 7+ Gen 3."),
    ]
    # fmt: on
