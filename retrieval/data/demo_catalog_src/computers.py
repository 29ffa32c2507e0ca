# ruff: noqa: E501
"""Laptops and peripherals: mice, keyboards, laptop bags and sleeves, USB-C hubs and monitors.

Bags and sleeves carry `fits_screen_in` (the largest laptop screen they take), so a bundle can match a laptop's
`screen_in`; hubs and monitors carry their USB-C power delivery so they can be matched to a laptop's `charging_w`.
"""

from __future__ import annotations

from .common import Product, join_en, record

LAPTOP = "Computers > Laptops"
MOUSE = "Computers > Accessories > Mice"
KEYBOARD = "Computers > Accessories > Keyboards"
BAG = "Computers > Accessories > Laptop Bags & Sleeves"
HUB = "Computers > Accessories > USB-C Hubs"
MONITOR = "Computers > Monitors"

ALL_OS = ["Windows", "macOS", "iPadOS", "ChromeOS", "Linux"]
TB4x2 = ["Thunderbolt 4 USB-C x2"]


def _laptop(
    pid: str,
    brand: str,
    model: str,
    title: str,
    title_zh: str,
    os: str,
    screen_in: float,
    ram_gb: int,
    storage_gb: int,
    ports: list[str],
    weight_kg: float,
    charging_w: int,
    price: str,
    note: str,
) -> Product:
    description = f"{note} {screen_in}-inch screen, {ram_gb}GB RAM, {storage_gb}GB SSD, {weight_kg} kg, {charging_w}W USB-C charging; ports: {', '.join(ports)}."
    attributes = {
        "model": model,
        "os": os,
        "screen_in": screen_in,
        "ram_gb": ram_gb,
        "storage_gb": storage_gb,
        "connector": "USB-C",
        "ports": ports,
        "weight_kg": weight_kg,
        "charging_w": charging_w,
    }
    return record(pid, title, title_zh, brand, LAPTOP, description, price, attributes)


def _input(
    category: str,
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    connection: list[str],
    compatible_os: list[str],
    price: str,
    note: str,
    layout: str = "",
) -> Product:
    attributes: dict[str, object] = {"connection": connection, "compatible_os": compatible_os}
    if layout:
        attributes["layout"] = layout
    description = f"{note} Connects via {join_en(connection)}; works with {join_en(compatible_os)}{f'; {layout} layout' if layout else ''}."
    return record(pid, title, title_zh, brand, category, description, price, attributes)


def _bag(
    pid: str, brand: str, title: str, title_zh: str, kind: str, fits_screen_in: float, price: str, note: str
) -> Product:
    description = f"{note} {kind.capitalize()} for laptops up to {fits_screen_in} inches."
    return record(
        pid, title, title_zh, brand, BAG, description, price, {"type": kind, "fits_screen_in": fits_screen_in}
    )


def _hub(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    ports: list[str],
    power_delivery_w: int,
    price: str,
    note: str,
) -> Product:
    description = f"{note} USB-C; ports: {', '.join(ports)}; {power_delivery_w}W pass-through charging."
    return record(
        pid,
        title,
        title_zh,
        brand,
        HUB,
        description,
        price,
        {"connector": "USB-C", "ports": ports, "power_delivery_w": power_delivery_w},
    )


def _monitor(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    size_in: float,
    resolution: str,
    inputs: list[str],
    refresh_hz: int,
    usb_c_power_w: int,
    price: str,
    note: str,
) -> Product:
    power = f"; USB-C with {usb_c_power_w}W laptop charging" if usb_c_power_w else ""
    description = f"{note} {size_in}-inch {resolution} at {refresh_hz}Hz; inputs: {', '.join(inputs)}{power}."
    attributes = {
        "size_in": size_in,
        "resolution": resolution,
        "inputs": inputs,
        "refresh_hz": refresh_hz,
        "usb_c_power_w": usb_c_power_w,
    }
    return record(pid, title, title_zh, brand, MONITOR, description, price, attributes)


def products() -> list[Product]:
    """Laptops first, then peripherals."""
    mac_ports = ["Thunderbolt 4 USB-C x2", "MagSafe 3", "3.5mm headphone jack"]
    mbp_ports = ["Thunderbolt USB-C x3", "HDMI", "SDXC card slot", "MagSafe 3", "3.5mm headphone jack"]
    # fmt: off
    return [
        _laptop("laptop-apple-macbook-air-13-m4-16-256", "Apple", "MacBook Air 13-inch (M4)", "Apple MacBook Air 13-inch, M4, 16GB, 256GB SSD, Midnight", "苹果 MacBook Air 13英寸 M4 芯片 16GB 256GB 午夜色", "macOS", 13.6, 16, 256, mac_ports, 1.24, 30, "999.00", "Fanless M4 laptop with up to 18 hours battery."),
        _laptop("laptop-apple-macbook-air-15-m4-16-256", "Apple", "MacBook Air 15-inch (M4)", "Apple MacBook Air 15-inch, M4, 16GB, 256GB SSD, Sky Blue", "苹果 MacBook Air 15英寸 M4 芯片 16GB 256GB 天蓝色", "macOS", 15.3, 16, 256, mac_ports, 1.51, 35, "1199.00", "Large-screen fanless M4 laptop with six speakers."),
        _laptop("laptop-apple-macbook-pro-14-m4-16-512", "Apple", "MacBook Pro 14-inch (M4)", "Apple MacBook Pro 14-inch, M4, 16GB, 512GB SSD, Space Black", "苹果 MacBook Pro 14英寸 M4 芯片 16GB 512GB 深空黑色", "macOS", 14.2, 16, 512, mbp_ports, 1.55, 70, "1599.00", "Liquid Retina XDR display with a built-in SD card reader for photographers."),
        _laptop("laptop-apple-macbook-pro-16-m4-pro-24-512", "Apple", "MacBook Pro 16-inch (M4 Pro)", "Apple MacBook Pro 16-inch, M4 Pro, 24GB, 512GB SSD, Silver", "苹果 MacBook Pro 16英寸 M4 Pro 芯片 24GB 512GB 银色", "macOS", 16.2, 24, 512, ["Thunderbolt 5 USB-C x3", "HDMI", "SDXC card slot", "MagSafe 3", "3.5mm headphone jack"], 2.14, 140, "2499.00", "Pro laptop for video editing with up to 24 hours battery."),
        _laptop("laptop-dell-xps-13-9350-ultra7-16-512", "Dell", "XPS 13 (9350)", "Dell XPS 13 9350 Laptop, Intel Core Ultra 7 258V, 16GB, 512GB SSD", "戴尔 XPS 13 9350 笔记本电脑 酷睿 Ultra 7 258V 16GB 512GB", "Windows", 13.4, 16, 512, TB4x2, 1.19, 60, "1399.99", "Compact Copilot+ PC with all-day battery."),
        _laptop("laptop-dell-xps-14-9440-ultra7-16-512", "Dell", "XPS 14 (9440)", "Dell XPS 14 9440 Laptop, Intel Core Ultra 7 155H, 16GB, 512GB SSD", "戴尔 XPS 14 9440 笔记本电脑 酷睿 Ultra 7 155H 16GB 512GB", "Windows", 14.5, 16, 512, ["Thunderbolt 4 USB-C x3", "microSD card reader", "3.5mm headphone jack"], 1.68, 100, "1699.99", "14.5-inch creator laptop with optional RTX graphics."),
        _laptop("laptop-lenovo-thinkpad-x1-carbon-gen-13-32-1tb", "Lenovo", "ThinkPad X1 Carbon Gen 13", "Lenovo ThinkPad X1 Carbon Gen 13, Intel Core Ultra 7 258V, 32GB, 1TB SSD", "联想 ThinkPad X1 Carbon Gen 13 笔记本电脑 酷睿 Ultra 7 258V 32GB 1TB", "Windows", 14, 32, 1024, ["Thunderbolt 4 USB-C x2", "USB-A x2", "HDMI", "3.5mm headphone jack"], 0.99, 65, "2199.00", "Business ultralight under 1 kg with a carbon-fibre lid."),
        _laptop("laptop-lenovo-yoga-slim-7x-x-elite-16-512", "Lenovo", "Yoga Slim 7x", "Lenovo Yoga Slim 7x, Snapdragon X Elite, 16GB, 512GB SSD", "联想 YOGA Slim 7x 笔记本电脑 骁龙 X Elite 16GB 512GB", "Windows", 14.5, 16, 512, ["USB-C x3"], 1.28, 70, "1199.99", "Arm-based Copilot+ PC with a 3K OLED display and long battery life."),
        _laptop("laptop-hp-spectre-x360-14-ultra7-16-1tb", "HP", "Spectre x360 14", "HP Spectre x360 14 2-in-1 Laptop, Intel Core Ultra 7, 16GB, 1TB SSD", "惠普 Spectre x360 14 二合一翻转笔记本 酷睿 Ultra 7 16GB 1TB", "Windows", 14, 16, 1024, ["Thunderbolt 4 USB-C x2", "USB-A", "3.5mm headphone jack"], 1.44, 65, "1449.99", "Convertible 2-in-1 with a 2.8K OLED touchscreen and pen."),
        _laptop("laptop-asus-zenbook-14-oled-ultra5-16-512", "ASUS", "Zenbook 14 OLED (UX3405)", "ASUS Zenbook 14 OLED UX3405, Intel Core Ultra 5, 16GB, 512GB SSD", "华硕 灵耀14 Zenbook 14 OLED 笔记本 酷睿 Ultra 5 16GB 512GB", "Windows", 14, 16, 512, ["Thunderbolt 4 USB-C x2", "USB-A", "HDMI", "3.5mm headphone jack"], 1.2, 65, "899.99", "Mid-range ultrabook with a 3K OLED display."),
        _laptop("laptop-huawei-matebook-x-pro-2024-16-1tb", "Huawei", "MateBook X Pro (2024)", "Huawei MateBook X Pro 2024, Intel Core Ultra 7 155H, 16GB, 1TB SSD", "华为 MateBook X Pro 2024 笔记本电脑 酷睿 Ultra 7 155H 16GB 1TB", "Windows", 14.2, 16, 1024, ["Thunderbolt 4 USB-C x2", "USB-C x2", "3.5mm headphone jack"], 0.98, 90, "1799.00", "980 g magnesium-alloy laptop with a 3.1K OLED touchscreen."),
        _laptop("laptop-xiaomi-redmi-book-pro-14-ultra5-16-512", "Xiaomi", "Redmi Book Pro 14 (2024)", "Xiaomi Redmi Book Pro 14 2024, Intel Core Ultra 5 125H, 16GB, 512GB SSD", "小米 Redmi Book Pro 14 2024 笔记本电脑 酷睿 Ultra 5 125H 16GB 512GB", "Windows", 14, 16, 512, ["Thunderbolt 4 USB-C", "USB-C", "USB-A", "HDMI"], 1.39, 100, "749.00", "Value laptop with a 2.8K 120Hz display."),
        _laptop("laptop-samsung-galaxy-book5-pro-14-ultra7-16-512", "Samsung", "Galaxy Book5 Pro 14", "Samsung Galaxy Book5 Pro 14, Intel Core Ultra 7 256V, 16GB, 512GB SSD", "三星 Galaxy Book5 Pro 14 笔记本电脑 酷睿 Ultra 7 256V 16GB 512GB", "Windows", 14, 16, 512, ["Thunderbolt 4 USB-C x2", "USB-A", "HDMI", "microSD card reader"], 1.23, 65, "1449.99", "3K AMOLED Copilot+ PC that works with Galaxy phones."),
        _laptop("laptop-razer-blade-14-2025-rtx5070-16-1tb", "Razer", "Blade 14 (2025)", "Razer Blade 14 (2025) Gaming Laptop, Ryzen AI 9 365, RTX 5070, 16GB, 1TB SSD", "雷蛇 灵刃14 2025 游戏本 锐龙 AI 9 365 RTX 5070 16GB 1TB", "Windows", 14, 16, 1024, ["USB-C x2", "USB-A x2", "HDMI", "3.5mm headphone jack"], 1.62, 100, "2299.99", "Thin gaming laptop with a 3K 120Hz OLED display; charges over USB-C or the included adapter."),
        _laptop("laptop-lenovo-ideapad-slim-3-15-ryzen5-8-512", "Lenovo", "IdeaPad Slim 3 15", "Lenovo IdeaPad Slim 3 15, AMD Ryzen 5 7530U, 8GB, 512GB SSD", "联想 IdeaPad Slim 3 15 笔记本电脑 锐龙5 7530U 8GB 512GB", "Windows", 15.6, 8, 512, ["USB-C", "USB-A x2", "HDMI", "SD card reader"], 1.62, 65, "479.99", "Budget 15.6-inch laptop for school and office work."),
        _input(MOUSE, "mouse-logitech-mx-master-3s-graphite", "Logitech", "Logitech MX Master 3S Wireless Mouse, Graphite", "罗技 MX Master 3S 无线蓝牙鼠标 石墨黑", ["Bluetooth", "USB receiver"], ALL_OS, "99.99", "Quiet-click ergonomic mouse with 8K DPI and MagSpeed scroll wheel, USB-C rechargeable."),
        _input(MOUSE, "mouse-logitech-mx-anywhere-3s", "Logitech", "Logitech MX Anywhere 3S Compact Wireless Mouse, Graphite", "罗技 MX Anywhere 3S 便携无线鼠标 石墨黑", ["Bluetooth"], ALL_OS, "79.99", "Travel mouse that tracks on glass, USB-C rechargeable."),
        _input(MOUSE, "mouse-logitech-lift-vertical", "Logitech", "Logitech Lift Vertical Ergonomic Mouse, Graphite", "罗技 Lift 人体工学垂直鼠标 石墨黑", ["Bluetooth", "USB receiver"], ALL_OS, "69.99", "57-degree vertical mouse for small to medium hands."),
        _input(MOUSE, "mouse-logitech-pebble-mouse-2-m350s", "Logitech", "Logitech Pebble Mouse 2 M350s, Graphite", "罗技 Pebble 2 M350s 鹅卵石无线鼠标 石墨黑", ["Bluetooth"], ALL_OS, "29.99", "Slim silent-click mouse with a 24-month battery."),
        _input(MOUSE, "mouse-logitech-g305-lightspeed", "Logitech", "Logitech G305 Lightspeed Wireless Gaming Mouse, Black", "罗技 G305 LIGHTSPEED 无线游戏鼠标 黑色", ["USB receiver"], ["Windows", "macOS"], "39.99", "12K-DPI HERO sensor gaming mouse."),
        _input(MOUSE, "mouse-apple-magic-mouse-usb-c-white", "Apple", "Apple Magic Mouse (USB-C), White", "苹果 妙控鼠标 USB-C 白色", ["Bluetooth"], ["macOS", "iPadOS"], "79.00", "Multi-Touch surface; charges over USB-C."),
        _input(MOUSE, "mouse-razer-deathadder-v3-pro", "Razer", "Razer DeathAdder V3 Pro Wireless Gaming Mouse, Black", "雷蛇 炼狱蝰蛇 V3 专业版 无线游戏鼠标 黑色", ["USB receiver", "USB-C cable"], ["Windows", "macOS"], "149.99", "63 g ergonomic esports mouse with a 30K-DPI sensor."),
        _input(MOUSE, "mouse-razer-basilisk-v3", "Razer", "Razer Basilisk V3 Wired Gaming Mouse", "雷蛇 巴塞利斯蛇 V3 有线游戏鼠标", ["USB-A cable"], ["Windows", "macOS"], "69.99", "11 programmable buttons and Chroma RGB."),
        _input(KEYBOARD, "keyboard-logitech-mx-keys-s-graphite", "Logitech", "Logitech MX Keys S Wireless Keyboard, Graphite", "罗技 MX Keys S 无线蓝牙键盘 石墨黑", ["Bluetooth", "USB receiver"], ALL_OS, "109.99", "Full-size backlit keyboard with smart illumination and three device slots.", "US English"),
        _input(KEYBOARD, "keyboard-logitech-mx-keys-mini", "Logitech", "Logitech MX Keys Mini Wireless Keyboard, Graphite", "罗技 MX Keys Mini 无线蓝牙键盘 石墨黑", ["Bluetooth"], ALL_OS, "99.99", "Compact backlit keyboard without a number pad.", "US English"),
        _input(KEYBOARD, "keyboard-logitech-pebble-keys-2-k380s", "Logitech", "Logitech Pebble Keys 2 K380s, Graphite", "罗技 K380s Pebble Keys 2 蓝牙键盘 石墨黑", ["Bluetooth"], ALL_OS, "39.99", "Slim multi-device keyboard with a 36-month battery.", "US English"),
        _input(KEYBOARD, "keyboard-logitech-pop-keys-cosmos", "Logitech", "Logitech POP Keys Wireless Mechanical Keyboard, Cosmos Lavender", "罗技 POP Keys 无线机械键盘 星空紫", ["Bluetooth", "USB receiver"], ALL_OS, "79.99", "Typewriter-style mechanical keyboard with emoji keys.", "US English"),
        _input(KEYBOARD, "keyboard-apple-magic-keyboard-touch-id-usb-c", "Apple", "Apple Magic Keyboard with Touch ID (USB-C), US English", "苹果 带有触控 ID 的妙控键盘 USB-C 美式英文", ["Bluetooth", "USB-C cable"], ["macOS"], "149.00", "Touch ID works with Apple silicon Macs.", "US English"),
        _input(KEYBOARD, "keyboard-keychron-k2-max-brown", "Keychron", "Keychron K2 Max Wireless Mechanical Keyboard, Gateron Brown", "Keychron K2 Max 无线机械键盘 佳达隆茶轴", ["Bluetooth", "USB receiver", "USB-C cable"], ["Windows", "macOS", "Linux"], "109.99", "75% hot-swappable QMK keyboard with Mac and Windows keycaps.", "US English"),
        _input(KEYBOARD, "keyboard-keychron-q1-max-red", "Keychron", "Keychron Q1 Max Wireless Custom Mechanical Keyboard, Gateron Red", "Keychron Q1 Max 铝合金客制化无线机械键盘 佳达隆红轴", ["Bluetooth", "USB receiver", "USB-C cable"], ["Windows", "macOS", "Linux"], "219.00", "75% aluminium gasket-mount QMK keyboard.", "US English"),
        _input(KEYBOARD, "keyboard-razer-blackwidow-v4-75", "Razer", "Razer BlackWidow V4 75% Mechanical Gaming Keyboard", "雷蛇 黑寡妇蜘蛛 V4 75% 机械游戏键盘", ["USB-C cable"], ["Windows", "macOS"], "189.99", "Hot-swappable tactile switches with Chroma RGB.", "US English"),
        _bag("bag-tomtoc-360-sleeve-13", "Tomtoc", "Tomtoc 360 Protective Laptop Sleeve, 13-inch, Black", "tomtoc 360° 防护笔记本内胆包 13英寸 黑色", "sleeve", 13.6, "29.99", "Corner-armour sleeve for MacBook Air 13-inch."),
        _bag("bag-tomtoc-360-sleeve-14", "Tomtoc", "Tomtoc 360 Protective Laptop Sleeve, 14-inch, Grey", "tomtoc 360° 防护笔记本内胆包 14英寸 灰色", "sleeve", 14.5, "32.99", "Corner-armour sleeve for 14-inch laptops and MacBook Pro 14."),
        _bag("bag-tomtoc-360-sleeve-16", "Tomtoc", "Tomtoc 360 Protective Laptop Sleeve, 16-inch, Black", "tomtoc 360° 防护笔记本内胆包 16英寸 黑色", "sleeve", 16.2, "36.99", "Corner-armour sleeve for MacBook Pro 16 and 15.6-inch laptops."),
        _bag("bag-tomtoc-slim-messenger-14", "Tomtoc", "Tomtoc Slim Laptop Messenger Bag, 14-inch, Black", "tomtoc 轻薄单肩电脑包 14英寸 黑色", "messenger", 14.5, "49.99", "Water-resistant shoulder bag with an accessory pocket."),
        _bag("bag-incase-icon-sleeve-woolenex-14", "Incase", "Incase Icon Sleeve with Woolenex, 14-inch, Graphite", "Incase Icon 羊毛混纺笔记本内胆包 14英寸 石墨色", "sleeve", 14.2, "59.95", "Padded sleeve with faux-fur lining."),
        _bag("bag-incase-compact-sleeve-flight-nylon-13", "Incase", "Incase Compact Sleeve in Flight Nylon, 13-inch, Black", "Incase 航空尼龙笔记本内胆包 13英寸 黑色", "sleeve", 13.6, "49.95", "Slim sleeve with a front zip pocket."),
        _bag("bag-incase-icon-backpack-16", "Incase", "Incase Icon Backpack, 16-inch, Black", "Incase Icon 双肩电脑包 16英寸 黑色", "backpack", 16.2, "169.95", "Commuter backpack with a padded laptop compartment."),
        _bag("bag-samsonite-classic-business-backpack-15-6", "Samsonite", "Samsonite Classic Business 2.0 Everyday Backpack, 15.6-inch", "新秀丽 商务双肩电脑包 15.6英寸", "backpack", 15.6, "129.99", "Business backpack with RFID pocket and trolley sleeve."),
        _bag("bag-lenovo-thinkpad-essential-backpack-16", "Lenovo", "Lenovo ThinkPad Essential 16-inch Backpack (Eco)", "联想 ThinkPad 16英寸 环保双肩电脑包", "backpack", 16, "49.99", "Recycled-material backpack for 16-inch laptops."),
        _bag("bag-dell-ecoloop-pro-sleeve-14", "Dell", "Dell EcoLoop Pro Sleeve, 14-inch", "戴尔 EcoLoop Pro 笔记本内胆包 14英寸", "sleeve", 14.5, "39.99", "Recycled-fabric sleeve for Dell XPS and 14-inch laptops."),
        _hub("hub-anker-341-7in1", "Anker", "Anker 341 USB-C Hub (7-in-1)", "安克 341 USB-C 七合一扩展坞", ["HDMI 4K@30Hz", "USB-C PD in", "USB-C data", "USB-A x2", "SD", "microSD"], 85, "34.99", "Compact hub for MacBook and Windows laptops."),
        _hub("hub-ugreen-revodok-6in1", "UGREEN", "UGREEN Revodok 6-in-1 USB-C Hub", "绿联 Revodok 六合一 USB-C 扩展坞", ["HDMI 4K@60Hz", "USB-C PD in", "USB-A x2", "SD", "microSD"], 100, "29.99", "Aluminium hub with SD and microSD readers for photos."),
        _hub("hub-belkin-connect-7in1", "Belkin", "Belkin Connect USB-C 7-in-1 Multiport Adapter", "贝尔金 USB-C 七合一多功能扩展坞", ["HDMI 4K@60Hz", "USB-C PD in", "USB-A x2", "Gigabit Ethernet", "SD", "microSD"], 100, "79.99", "Adds Ethernet, HDMI and card readers."),
        _hub("hub-baseus-metal-gleam-6in1", "Baseus", "Baseus Metal Gleam 6-in-1 USB-C Hub", "倍思 金属光 六合一 USB-C 扩展坞", ["HDMI 4K@30Hz", "USB-C PD in", "USB-A x3", "Gigabit Ethernet"], 100, "29.99", "Budget hub with Ethernet."),
        _hub("hub-caldigit-ts4-thunderbolt-4", "CalDigit", "CalDigit TS4 Thunderbolt 4 Dock", "CalDigit TS4 雷电4 扩展坞", ["Thunderbolt 4 x3", "USB-C x3", "USB-A x5", "DisplayPort 1.4", "2.5GbE", "SD", "microSD", "3.5mm audio"], 98, "399.99", "18-port desk dock for MacBook Pro and Thunderbolt laptops."),
        _monitor("monitor-apple-studio-display", "Apple", "Apple Studio Display, Standard Glass", "苹果 Studio Display 27英寸 5K 显示器 标准玻璃", 27, "5K (5120x2880)", ["Thunderbolt 3"], 60, 96, "1599.00", "5K Retina display with a 12MP Center Stage camera and six speakers."),
        _monitor("monitor-dell-ultrasharp-u2724de", "Dell", "Dell UltraSharp 27 Thunderbolt Hub Monitor U2724DE", "戴尔 UltraSharp U2724DE 27英寸 2K 雷电4 显示器", 27, "QHD (2560x1440)", ["HDMI", "DisplayPort", "Thunderbolt 4"], 120, 90, "579.99", "IPS Black hub monitor with Ethernet and USB ports."),
        _monitor("monitor-dell-s2722qc", "Dell", "Dell 27 4K UHD USB-C Monitor S2722QC", "戴尔 S2722QC 27英寸 4K USB-C 显示器", 27, "4K UHD (3840x2160)", ["HDMI x2", "USB-C"], 60, 65, "299.99", "4K IPS monitor with built-in speakers."),
        _monitor("monitor-lg-27up850k-w", "LG", "LG 27UP850K-W 27-inch 4K UHD IPS USB-C Monitor", "LG 27UP850K-W 27英寸 4K IPS USB-C 显示器", 27, "4K UHD (3840x2160)", ["HDMI x2", "DisplayPort", "USB-C"], 60, 96, "449.99", "DisplayHDR 400 monitor for photo editing."),
        _monitor("monitor-lg-ultragear-27gr95qe-oled", "LG", "LG UltraGear 27GR95QE-B 27-inch OLED Gaming Monitor", "LG UltraGear 27GR95QE-B 27英寸 OLED 电竞显示器", 27, "QHD (2560x1440)", ["HDMI x2", "DisplayPort"], 240, 0, "799.99", "OLED gaming monitor with 0.03 ms response time."),
        _monitor("monitor-samsung-odyssey-g55c-32", "Samsung", "Samsung Odyssey G55C 32-inch Curved Gaming Monitor", "三星 Odyssey G55C 32英寸 2K 曲面电竞显示器", 32, "QHD (2560x1440)", ["HDMI", "DisplayPort"], 165, 0, "279.99", "1000R curved VA gaming monitor."),
        _monitor("monitor-asus-proart-pa278cv", "ASUS", "ASUS ProArt Display PA278CV 27-inch Monitor", "华硕 ProArt PA278CV 27英寸 2K 专业设计显示器", 27, "QHD (2560x1440)", ["HDMI", "DisplayPort x2", "USB-C"], 75, 65, "399.00", "Factory-calibrated 100% sRGB monitor for creators."),
        _monitor("monitor-huawei-mateview-28", "Huawei", "Huawei MateView 28.2-inch 4K+ Monitor", "华为 MateView 28.2英寸 4K+ 显示器", 28.2, "4K+ (3840x2560)", ["HDMI", "Mini DisplayPort", "USB-C"], 60, 65, "699.00", "3:2 display with wireless projection."),
    ]
    # fmt: on
