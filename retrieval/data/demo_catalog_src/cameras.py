# ruff: noqa: E501
"""Cameras and what goes with them: lenses, memory cards, tripods and camera bags.

Cameras list the card formats they accept (`memory_card`); cards carry one `format`; lenses and cameras share
`mount` strings, so a bundle only pairs parts that actually fit.
"""

from __future__ import annotations

from .common import Product, join_en, record

CAMERA = "Electronics > Cameras > Digital Cameras"
LENS = "Electronics > Cameras > Lenses"
CARD = "Electronics > Cameras > Memory Cards"
TRIPOD = "Electronics > Cameras > Tripods"
CAMERA_BAG = "Electronics > Cameras > Camera Bags"

SD = ["SDXC"]


def _camera(
    pid: str,
    brand: str,
    model: str,
    title: str,
    title_zh: str,
    mount: str,
    sensor: str,
    megapixels: float,
    video: str,
    memory_card: list[str],
    price: str,
    note: str,
) -> Product:
    lens = "fixed lens" if mount == "fixed" else f"{mount} mount"
    description = (
        f"{note} {megapixels}MP {sensor} sensor, {lens}, {video} video; takes {join_en(memory_card)} cards."
    )
    attributes = {
        "model": model,
        "memory_card": memory_card,
        "mount": mount,
        "sensor": sensor,
        "megapixels": megapixels,
        "video": video,
    }
    if "Body Only" in title:
        attributes["requires"] = ["lens"]  # takes no photo without one: bundles must hold a lens
    return record(pid, title, title_zh, brand, CAMERA, description, price, attributes)


def _lens(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    mount: str,
    focal_length_mm: list[int],
    aperture: str,
    price: str,
    note: str,
) -> Product:
    focal = (
        f"{focal_length_mm[0]}mm"
        if focal_length_mm[0] == focal_length_mm[1]
        else f"{focal_length_mm[0]}-{focal_length_mm[1]}mm"
    )
    description = f"{note} {focal} {aperture} lens for {mount} mount cameras."
    return record(
        pid,
        title,
        title_zh,
        brand,
        LENS,
        description,
        price,
        {"mount": mount, "focal_length_mm": focal_length_mm, "aperture": aperture},
    )


def _card(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    card_format: str,
    capacity_gb: int,
    speed_class: str,
    read_mb_s: int,
    price: str,
) -> Product:
    description = f"{card_format} {capacity_gb}GB memory card, {speed_class}, up to {read_mb_s} MB/s read."
    attributes = {
        "format": card_format,
        "capacity_gb": capacity_gb,
        "speed_class": speed_class,
        "read_mb_s": read_mb_s,
    }
    return record(pid, title, title_zh, brand, CARD, description, price, attributes)


def _tripod(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    kind: str,
    max_load_kg: float,
    weight_kg: float,
    price: str,
    note: str,
) -> Product:
    description = f"{note} {kind.capitalize()} tripod, holds up to {max_load_kg} kg, weighs {weight_kg} kg."
    return record(
        pid,
        title,
        title_zh,
        brand,
        TRIPOD,
        description,
        price,
        {"type": kind, "max_load_kg": max_load_kg, "weight_kg": weight_kg},
    )


def _bag(
    pid: str, brand: str, title: str, title_zh: str, fits: str, capacity_l: float, price: str, note: str
) -> Product:
    description = f"{note} {capacity_l} L; fits a {fits} camera kit."
    return record(
        pid, title, title_zh, brand, CAMERA_BAG, description, price, {"fits": fits, "capacity_l": capacity_l}
    )


def products() -> list[Product]:
    """Cameras first, then lenses, cards, tripods and bags."""
    # fmt: off
    return [
        _camera("camera-sony-a7-iv-body", "Sony", "Alpha 7 IV", "Sony Alpha 7 IV Full-Frame Mirrorless Camera, Body Only", "索尼 Alpha 7 IV 全画幅微单相机 单机身 A7M4", "Sony E", "full-frame", 33, "4K 60p", ["CFexpress Type A", "SDXC"], "2499.99", "All-round hybrid camera for photo and video."),
        _camera("camera-sony-zv-e10-ii-body", "Sony", "ZV-E10 II", "Sony ZV-E10 II APS-C Vlog Camera, Body Only, Black", "索尼 ZV-E10 II 二代 APS-C Vlog 微单相机 单机身 黑色", "Sony E", "APS-C", 26, "4K 60p", SD, "999.99", "Vlogging camera with a flip-out screen and product-showcase mode."),
        _camera("camera-sony-a6700-body", "Sony", "Alpha 6700", "Sony Alpha 6700 APS-C Mirrorless Camera, Body Only", "索尼 Alpha 6700 APS-C 微单相机 单机身", "Sony E", "APS-C", 26, "4K 120p", SD, "1399.99", "In-body stabilised APS-C camera with AI subject recognition."),
        _camera("camera-sony-rx100-vii", "Sony", "RX100 VII", "Sony Cyber-shot RX100 VII Compact Camera", "索尼 黑卡 RX100 VII 数码相机 24-200mm", "fixed", "1-inch", 20, "4K 30p", SD, "1299.99", "Pocket camera with a 24-200mm zoom and pop-up viewfinder."),
        _camera("camera-canon-eos-r6-mark-ii-body", "Canon", "EOS R6 Mark II", "Canon EOS R6 Mark II Full-Frame Mirrorless Camera, Body Only", "佳能 EOS R6 Mark II 全画幅微单相机 单机身", "Canon RF", "full-frame", 24, "4K 60p", SD, "2499.00", "Fast full-frame camera with 40 fps shooting and dual SD slots."),
        _camera("camera-canon-eos-r50-kit-18-45", "Canon", "EOS R50", "Canon EOS R50 Mirrorless Camera with RF-S 18-45mm Lens Kit, Black", "佳能 EOS R50 微单相机 RF-S 18-45mm 镜头套机 黑色", "Canon RF", "APS-C", 24, "4K 30p", SD, "799.99", "Beginner-friendly kit with a kit zoom lens."),
        _camera("camera-canon-eos-r8-body", "Canon", "EOS R8", "Canon EOS R8 Full-Frame Mirrorless Camera, Body Only", "佳能 EOS R8 全画幅微单相机 单机身", "Canon RF", "full-frame", 24, "4K 60p", SD, "1499.00", "Lightest Canon full-frame body."),
        _camera("camera-nikon-z6iii-body", "Nikon", "Z6III", "Nikon Z6III Full-Frame Mirrorless Camera, Body Only", "尼康 Z6III 全画幅微单相机 单机身 Z63", "Nikon Z", "full-frame", 24.5, "6K 60p RAW", ["CFexpress Type B", "SDXC"], "2499.95", "Partially stacked sensor with 6K internal RAW video."),
        _camera("camera-nikon-z-fc-kit-16-50", "Nikon", "Z fc", "Nikon Z fc Mirrorless Camera with NIKKOR Z DX 16-50mm Lens Kit, Silver", "尼康 Z fc 复古微单相机 16-50mm 镜头套机 银色", "Nikon Z", "APS-C", 20.9, "4K 30p", SD, "1099.95", "Retro-styled camera with dials and a vari-angle screen."),
        _camera("camera-fujifilm-x-t5-body", "Fujifilm", "X-T5", "Fujifilm X-T5 Mirrorless Camera, Body Only, Black", "富士 X-T5 微单相机 单机身 黑色", "Fujifilm X", "APS-C", 40, "6.2K 30p", SD, "1699.00", "40MP stills camera with film simulations and dual SD slots."),
        _camera("camera-fujifilm-x100vi-silver", "Fujifilm", "X100VI", "Fujifilm X100VI Compact Camera, Silver", "富士 X100VI 旁轴数码相机 银色", "fixed", "APS-C", 40, "6.2K 30p", SD, "1599.00", "Compact with a fixed 23mm f/2 lens, hybrid viewfinder and in-body stabilisation."),
        _lens("lens-sony-fe-24-70-f2-8-gm-ii", "Sony", "Sony FE 24-70mm F2.8 GM II Lens", "索尼 FE 24-70mm F2.8 GM II 全画幅标准变焦镜头", "Sony E", [24, 70], "f/2.8", "2299.99", "Light G Master standard zoom."),
        _lens("lens-sony-fe-50-f1-8", "Sony", "Sony FE 50mm F1.8 Lens", "索尼 FE 50mm F1.8 全画幅标准定焦镜头", "Sony E", [50, 50], "f/1.8", "279.99", "Affordable full-frame standard prime for portraits."),
        _lens("lens-sigma-18-50-f2-8-dc-dn-sony-e", "Sigma", "Sigma 18-50mm F2.8 DC DN Contemporary Lens for Sony E", "适马 18-50mm F2.8 DC DN 半画幅变焦镜头 索尼E卡口", "Sony E", [18, 50], "f/2.8", "549.00", "Compact constant-aperture zoom for APS-C cameras."),
        _lens("lens-canon-rf-50-f1-8-stm", "Canon", "Canon RF 50mm F1.8 STM Lens", "佳能 RF 50mm F1.8 STM 小痰盂 定焦镜头", "Canon RF", [50, 50], "f/1.8", "199.99", "Compact 'nifty fifty' prime."),
        _lens("lens-canon-rf-24-105-f4-l-is-usm", "Canon", "Canon RF 24-105mm F4 L IS USM Lens", "佳能 RF 24-105mm F4 L IS USM 红圈变焦镜头", "Canon RF", [24, 105], "f/4", "1399.00", "Stabilised L-series travel zoom."),
        _lens("lens-nikon-z-40-f2", "Nikon", "Nikon NIKKOR Z 40mm f/2 Lens", "尼康 NIKKOR Z 40mm f/2 定焦镜头", "Nikon Z", [40, 40], "f/2", "299.95", "Small, light everyday prime."),
        _lens("lens-fujifilm-xf-33-f1-4-r-lm-wr", "Fujifilm", "Fujifilm XF 33mm F1.4 R LM WR Lens", "富士 XF 33mm F1.4 R LM WR 定焦镜头", "Fujifilm X", [33, 33], "f/1.4", "799.00", "Weather-resistant fast standard prime."),
        _card("card-sandisk-extreme-pro-sdxc-64", "SanDisk", "SanDisk Extreme PRO SDXC UHS-I Card, 64GB", "闪迪 Extreme PRO SDXC UHS-I 存储卡 64GB V30", "SDXC", 64, "UHS-I U3 V30", 200, "17.99"),
        _card("card-sandisk-extreme-pro-sdxc-128", "SanDisk", "SanDisk Extreme PRO SDXC UHS-I Card, 128GB", "闪迪 Extreme PRO SDXC UHS-I 存储卡 128GB V30", "SDXC", 128, "UHS-I U3 V30", 200, "24.99"),
        _card("card-sandisk-extreme-pro-sdxc-uhs-ii-256", "SanDisk", "SanDisk Extreme PRO SDXC UHS-II Card, 256GB", "闪迪 Extreme PRO SDXC UHS-II 存储卡 256GB V90", "SDXC", 256, "UHS-II U3 V90", 300, "149.99"),
        _card("card-lexar-professional-1800x-sdxc-128", "Lexar", "Lexar Professional 1800x SDXC UHS-II Card GOLD Series, 128GB", "雷克沙 1800x SDXC UHS-II 存储卡 128GB V60", "SDXC", 128, "UHS-II U3 V60", 280, "69.99"),
        _card("card-sony-tough-sf-g-sdxc-128", "Sony", "Sony TOUGH SF-G SDXC UHS-II Card, 128GB", "索尼 TOUGH SF-G SDXC UHS-II 三防存储卡 128GB V90", "SDXC", 128, "UHS-II U3 V90", 300, "129.99"),
        _card("card-sandisk-extreme-microsdxc-256", "SanDisk", "SanDisk Extreme microSDXC UHS-I Card with Adapter, 256GB", "闪迪 Extreme microSDXC TF 存储卡 256GB A2 V30", "microSDXC", 256, "UHS-I U3 V30 A2", 190, "29.99"),
        _card("card-samsung-pro-plus-microsdxc-128", "Samsung", "Samsung PRO Plus microSDXC Card with Adapter, 128GB", "三星 PRO Plus microSDXC TF 存储卡 128GB", "microSDXC", 128, "UHS-I U3 V30 A2", 180, "17.99"),
        _card("card-sony-tough-cfexpress-type-a-160", "Sony", "Sony TOUGH CFexpress Type A Card, 160GB", "索尼 TOUGH CFexpress Type A 存储卡 160GB", "CFexpress Type A", 160, "VPG200", 800, "259.99"),
        _card("card-lexar-cfexpress-type-a-gold-160", "Lexar", "Lexar Professional CFexpress Type A Card GOLD Series, 160GB", "雷克沙 CFexpress Type A 存储卡 GOLD 160GB", "CFexpress Type A", 160, "VPG200", 900, "199.99"),
        _card("card-sandisk-extreme-pro-cfexpress-type-b-256", "SanDisk", "SanDisk Extreme PRO CFexpress Type B Card, 256GB", "闪迪 Extreme PRO CFexpress Type B 存储卡 256GB", "CFexpress Type B", 256, "VPG400", 1700, "199.99"),
        _tripod("tripod-manfrotto-befree-advanced-lever", "Manfrotto", "Manfrotto Befree Advanced Aluminium Travel Tripod, Lever Lock", "曼富图 Befree Advanced 铝合金旅行三脚架 扳扣式", "travel", 8, 1.59, "199.99", "Folds to 41 cm with a ball head and Arca-Swiss plate."),
        _tripod("tripod-manfrotto-pixi-mini", "Manfrotto", "Manfrotto PIXI Mini Tripod, Black", "曼富图 PIXI 迷你桌面三脚架 黑色", "tabletop", 1, 0.23, "29.99", "Pocket tabletop tripod for compacts and vlogging."),
        _tripod("tripod-joby-gorillapod-3k-kit", "Joby", "Joby GorillaPod 3K Kit with Ballhead", "JOBY 章鱼三脚架 3K 套装 带云台", "flexible", 3, 0.37, "79.95", "Wrap-around legs for mirrorless cameras."),
        _tripod("tripod-joby-gorillapod-1k-kit", "Joby", "Joby GorillaPod 1K Kit with Ballhead", "JOBY 章鱼三脚架 1K 套装 带云台", "flexible", 1, 0.13, "39.95", "Wrap-around legs for compact cameras and phones with a mount."),
        _tripod("tripod-peak-design-travel-aluminum", "Peak Design", "Peak Design Travel Tripod, Aluminum", "Peak Design 旅行三脚架 铝合金版", "travel", 9.1, 1.56, "399.95", "Packs to the diameter of a water bottle; built-in phone mount."),
        _tripod("tripod-peak-design-travel-carbon", "Peak Design", "Peak Design Travel Tripod, Carbon Fiber", "Peak Design 旅行三脚架 碳纤维版", "travel", 9.1, 1.27, "649.95", "Carbon-fibre version of the compact travel tripod."),
        _bag("camerabag-peak-design-everyday-backpack-20l", "Peak Design", "Peak Design Everyday Backpack 20L V2, Black", "Peak Design Everyday 双肩摄影包 20L V2 黑色", "mirrorless", 20, "289.95", "Camera backpack with FlexFold dividers and a 15-inch laptop sleeve."),
        _bag("camerabag-peak-design-everyday-sling-6l", "Peak Design", "Peak Design Everyday Sling 6L V2, Black", "Peak Design Everyday 单肩斜挎摄影包 6L V2 黑色", "mirrorless", 6, "99.95", "Sling for one body and two small lenses."),
        _bag("camerabag-lowepro-protactic-bp-450-aw-ii", "Lowepro", "Lowepro ProTactic BP 450 AW II Camera Backpack", "乐摄宝 ProTactic BP 450 AW II 专业双肩摄影包", "DSLR", 25, "229.95", "Modular backpack for a DSLR or pro mirrorless kit and a 15-inch laptop."),
        _bag("camerabag-lowepro-adventura-cs-20-iii", "Lowepro", "Lowepro Adventura CS 20 III Compact Camera Case", "乐摄宝 Adventura CS 20 III 卡片相机包", "compact", 0.5, "19.95", "Padded pouch for a compact camera with a belt loop."),
    ]
    # fmt: on
