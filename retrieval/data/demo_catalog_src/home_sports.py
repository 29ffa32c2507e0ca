# ruff: noqa: E501
"""Home and sports: coffee, cookware, small appliances, bedding, lighting, cleaning, fitness, running, bottles.

Coffee machines carry `type`, `needs_ground_coffee` and (capsule machines only) `capsule_system`; capsules carry
the same `capsule_system`, so a bundle never pairs Vertuo pods with an Original-line machine.
"""

from __future__ import annotations

from typing import Any

from .common import Product, record

MACHINE = "Home & Kitchen > Coffee > Coffee Machines"
GRINDER = "Home & Kitchen > Coffee > Coffee Grinders"
BEANS = "Home & Kitchen > Coffee > Coffee Beans & Capsules"
COFFEE_GEAR = "Home & Kitchen > Coffee > Mugs & Accessories"
COOKWARE = "Home & Kitchen > Cookware"
APPLIANCE = "Home & Kitchen > Small Appliances"
BEDDING = "Home > Bedding"
LIGHTING = "Home > Lighting"
CLEANING = "Home > Cleaning"
YOGA = "Sports > Fitness > Yoga Mats"
DUMBBELLS = "Sports > Fitness > Dumbbells"
RECOVERY = "Sports > Fitness > Recovery"
SHOES = "Sports > Running > Shoes"
APPAREL = "Sports > Running > Apparel"
BOTTLES = "Sports > Outdoor > Water Bottles"

VERTUO = "Nespresso Vertuo"
ORIGINAL = "Nespresso Original"
MEN_SHOE = [7, 7.5, 8, 8.5, 9, 9.5, 10, 10.5, 11, 11.5, 12, 13]
WOMEN_SHOE = [5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10, 11]
LETTER_SIZES = ["XS", "S", "M", "L", "XL", "XXL"]


def _item(
    category: str,
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    price: str,
    description: str,
    **attributes: Any,
) -> Product:
    return record(pid, title, title_zh, brand, category, description, price, attributes)


def _coffee() -> list[Product]:
    # fmt: off
    return [
        _item(MACHINE, "coffee-machine-nespresso-vertuo-next-black", "Nespresso", "Nespresso Vertuo Next Coffee and Espresso Machine, Matte Black", "Nespresso 奈斯派索 Vertuo Next 胶囊咖啡机 哑光黑", "169.00", "Capsule machine for Nespresso Vertuo pods only; reads each capsule's barcode to brew espresso to 14 oz coffee. 1.1 L water tank.", type="capsule", capsule_system=VERTUO, needs_ground_coffee=False, water_tank_l=1.1),
        _item(MACHINE, "coffee-machine-nespresso-essenza-mini-black", "Nespresso", "Nespresso Essenza Mini Espresso Machine, Piano Black", "Nespresso 奈斯派索 Essenza Mini 胶囊咖啡机 钢琴黑", "179.00", "Compact capsule machine for Nespresso Original capsules; 19-bar pump for espresso and lungo. 0.6 L water tank.", type="capsule", capsule_system=ORIGINAL, needs_ground_coffee=False, water_tank_l=0.6),
        _item(MACHINE, "coffee-machine-delonghi-dedica-ec685", "De'Longhi", "De'Longhi Dedica Style EC685 Espresso Machine, Stainless Steel", "德龙 Dedica EC685 半自动意式咖啡机 不锈钢", "299.95", "Slim 15-bar pump espresso machine with a manual milk frother; needs ground coffee (or ESE pods). 1.1 L water tank.", type="espresso", needs_ground_coffee=True, pressure_bar=15, water_tank_l=1.1, milk_frother=True),
        _item(MACHINE, "coffee-machine-delonghi-magnifica-evo", "De'Longhi", "De'Longhi Magnifica Evo Fully Automatic Espresso Machine with LatteCrema", "德龙 Magnifica Evo 全自动意式咖啡机 自动奶泡", "899.95", "Bean-to-cup espresso machine with a built-in conical burr grinder and automatic milk system; uses whole beans. 1.8 L water tank.", type="espresso", needs_ground_coffee=False, built_in_grinder=True, water_tank_l=1.8, milk_frother=True),
        _item(MACHINE, "coffee-machine-breville-barista-express", "Breville", "Breville Barista Express Espresso Machine BES870XL, Brushed Stainless Steel", "铂富 Breville BES870XL 半自动意式咖啡机 带磨豆", "699.95", "Espresso machine with a built-in conical burr grinder and steam wand; grinds whole beans on demand. 2 L water tank.", type="espresso", needs_ground_coffee=False, built_in_grinder=True, water_tank_l=2.0, milk_frother=True),
        _item(MACHINE, "coffee-machine-breville-bambino-plus", "Breville", "Breville Bambino Plus Espresso Machine BES500, Brushed Stainless Steel", "铂富 Breville Bambino Plus 半自动意式咖啡机", "499.95", "Compact espresso machine with 3-second heat-up and automatic milk texturing; needs ground coffee and a grinder. 1.9 L water tank.", type="espresso", needs_ground_coffee=True, water_tank_l=1.9, milk_frother=True),
        _item(MACHINE, "coffee-machine-breville-precision-brewer-thermal", "Breville", "Breville Precision Brewer Thermal Drip Coffee Maker, 12 Cups", "铂富 Breville 精准滴滤咖啡机 保温壶款 12杯", "329.95", "SCA-certified drip coffee maker with a thermal carafe and adjustable temperature; needs ground coffee.", type="drip", needs_ground_coffee=True, capacity_cups=12),
        _item(GRINDER, "coffee-grinder-baratza-encore-esp", "Baratza", "Baratza Encore ESP Conical Burr Coffee Grinder", "Baratza Encore ESP 电动锥刀磨豆机", "199.95", "Electric conical burr grinder with a dedicated espresso range and 40 settings.", grinder_type="electric conical burr", settings=40, best_for=["espresso", "pour-over", "drip"]),
        _item(GRINDER, "coffee-grinder-baratza-encore", "Baratza", "Baratza Encore Conical Burr Coffee Grinder, Black", "Baratza Encore 电动锥刀磨豆机 黑色", "149.95", "Electric conical burr grinder with 40 settings for drip, pour-over and French press.", grinder_type="electric conical burr", settings=40, best_for=["pour-over", "drip", "French press"]),
        _item(GRINDER, "coffee-grinder-breville-smart-grinder-pro", "Breville", "Breville Smart Grinder Pro BCG820, Brushed Stainless Steel", "铂富 Breville BCG820 智能电动磨豆机", "199.95", "Electric conical burr grinder with 60 settings and dose timer.", grinder_type="electric conical burr", settings=60, best_for=["espresso", "pour-over", "drip"]),
        _item(GRINDER, "coffee-grinder-hario-skerton-pro", "Hario", "Hario Skerton Pro Ceramic Coffee Mill", "HARIO Skerton Pro 手摇陶瓷磨豆机", "55.00", "Manual grinder with ceramic burrs and a 100 g bean hopper.", grinder_type="manual ceramic burr", best_for=["pour-over", "French press"]),
        _item(BEANS, "coffee-capsules-nespresso-vertuo-melozio-30", "Nespresso", "Nespresso Vertuo Melozio Coffee Pods, 30 Capsules", "Nespresso 奈斯派索 Vertuo Melozio 胶囊咖啡 30颗", "36.00", "Medium roast 7.77 oz coffee capsules for Nespresso Vertuo machines only.", capsule_system=VERTUO, roast="medium", count=30),
        _item(BEANS, "coffee-capsules-nespresso-vertuo-double-espresso-chiaro-30", "Nespresso", "Nespresso Vertuo Double Espresso Chiaro Pods, 30 Capsules", "Nespresso 奈斯派索 Vertuo 双份浓缩 Chiaro 胶囊 30颗", "37.00", "Double espresso capsules for milk drinks; Nespresso Vertuo machines only.", capsule_system=VERTUO, roast="medium", count=30),
        _item(BEANS, "coffee-capsules-nespresso-original-roma-50", "Nespresso", "Nespresso Original Ispirazione Roma Espresso Capsules, 50 Pods", "Nespresso 奈斯派索 Original 罗马 意式浓缩胶囊 50颗", "42.00", "Dark roast espresso capsules for Nespresso Original machines only.", capsule_system=ORIGINAL, roast="dark", count=50),
        _item(BEANS, "coffee-capsules-nespresso-original-arpeggio-50", "Nespresso", "Nespresso Original Ispirazione Firenze Arpeggio Capsules, 50 Pods", "Nespresso 奈斯派索 Original 佛罗伦萨 Arpeggio 胶囊 50颗", "42.00", "Intense dark roast capsules for Nespresso Original machines only.", capsule_system=ORIGINAL, roast="dark", count=50),
        _item(BEANS, "coffee-beans-lavazza-super-crema-1kg", "Lavazza", "Lavazza Super Crema Whole Bean Coffee, 1 kg", "拉瓦萨 Lavazza 醇香咖啡豆 1kg", "22.99", "Medium roast whole bean espresso blend of Arabica and Robusta, 1000 g.", roast="medium", weight_g=1000, whole_bean=True),
        _item(BEANS, "coffee-ground-illy-classico-250g", "illy", "illy Classico Ground Espresso Coffee, Medium Roast, 250g", "illy 意利 经典中度烘焙 意式咖啡粉 250g", "12.99", "Medium roast 100% Arabica ground coffee, 250 g; no grinder needed.", roast="medium", weight_g=250, whole_bean=False),
        _item(BEANS, "coffee-beans-stumptown-hair-bender-340g", "Stumptown", "Stumptown Hair Bender Whole Bean Coffee, 340g", "Stumptown Hair Bender 中烘咖啡豆 340g", "18.99", "Medium roast whole bean blend for espresso or filter, 340 g.", roast="medium", weight_g=340, whole_bean=True),
        _item(BEANS, "coffee-beans-peets-major-dickasons-510g", "Peet's Coffee", "Peet's Coffee Major Dickason's Blend Whole Bean, 510g", "Peet's 皮爷咖啡 Major Dickason's 深烘咖啡豆 510g", "14.99", "Dark roast whole bean blend, 510 g.", roast="dark", weight_g=510, whole_bean=True),
        _item(COFFEE_GEAR, "coffee-hario-v60-ceramic-dripper-02", "Hario", "Hario V60 Ceramic Coffee Dripper, Size 02, White", "HARIO V60 陶瓷滤杯 02 白色", "25.00", "Pour-over cone for 1-4 cups; uses V60 02 paper filters and ground coffee.", material="ceramic", type="pour-over dripper", brew_method="pour-over", colour="White"),
        _item(COFFEE_GEAR, "coffee-hario-v60-buono-kettle-1-2l", "Hario", "Hario V60 Buono Drip Kettle, 1.2 L", "HARIO V60 Buono 不锈钢手冲壶 1.2L", "45.00", "Gooseneck stovetop kettle for pour-over, 1.2 L, stainless steel.", material="stainless steel", capacity_l=1.2, brew_method="pour-over"),
        _item(COFFEE_GEAR, "coffee-fellow-stagg-ekg-kettle", "Fellow", "Fellow Stagg EKG Electric Pour-Over Kettle, 0.9 L, Matte Black", "Fellow Stagg EKG 温控电热手冲壶 0.9L 哑光黑", "165.00", "Variable-temperature electric gooseneck kettle, 0.9 L, 1200W.", material="stainless steel", capacity_l=0.9, brew_method="pour-over", colour="Matte Black"),
        _item(COFFEE_GEAR, "coffee-nespresso-aeroccino3-black", "Nespresso", "Nespresso Aeroccino3 Milk Frother, Black", "Nespresso 奈斯派索 Aeroccino3 奶泡机 黑色", "99.00", "One-touch hot or cold milk frother for cappuccino and latte, 240 ml.", capacity_l=0.24, froths_milk=True, colour="Black"),
        _item(COFFEE_GEAR, "coffee-le-creuset-stoneware-mug-350ml-cerise", "Le Creuset", "Le Creuset Stoneware Mug, 350ml, Cerise", "酷彩 Le Creuset 炻瓷马克杯 350ml 樱桃红", "30.00", "Dishwasher- and microwave-safe stoneware mug, 350 ml.", material="stoneware", capacity_l=0.35, colour="Cerise"),
    ]
    # fmt: on


def _home() -> list[Product]:
    # fmt: off
    return [
        _item(COOKWARE, "cookware-lodge-cast-iron-skillet-10-25", "Lodge", "Lodge Cast Iron Skillet, 10.25-inch", "Lodge 铸铁平底煎锅 26cm", "24.95", "Pre-seasoned cast iron skillet, 10.25-inch (26 cm); works on induction and in the oven.", material="cast iron", size_in=10.25, induction=True, oven_safe=True),
        _item(COOKWARE, "cookware-lodge-enameled-dutch-oven-6qt-red", "Lodge", "Lodge Enameled Cast Iron Dutch Oven, 6 Quart, Island Spice Red", "Lodge 珐琅铸铁锅 5.7L 红色", "79.95", "Enamelled cast iron Dutch oven, 6 qt (5.7 L), oven-safe to 500°F.", material="enamelled cast iron", capacity_l=5.7, induction=True, oven_safe=True, colour="Island Spice Red"),
        _item(COOKWARE, "cookware-le-creuset-signature-dutch-oven-5-5qt-flame", "Le Creuset", "Le Creuset Signature Enameled Cast Iron Round Dutch Oven, 5.5 Quart, Flame", "酷彩 Le Creuset 经典珐琅铸铁圆形炖锅 5.2L 火焰橙", "430.00", "Enamelled cast iron round Dutch oven, 5.5 qt (5.2 L), for all hobs including induction.", material="enamelled cast iron", capacity_l=5.2, induction=True, oven_safe=True, colour="Flame"),
        _item(COOKWARE, "cookware-le-creuset-signature-skillet-10-25-cerise", "Le Creuset", "Le Creuset Signature Enameled Cast Iron Skillet, 10.25-inch, Cerise", "酷彩 Le Creuset 珐琅铸铁煎锅 26cm 樱桃红", "200.00", "Enamelled cast iron skillet, 10.25-inch (26 cm), induction-ready.", material="enamelled cast iron", size_in=10.25, induction=True, oven_safe=True, colour="Cerise"),
        _item(COOKWARE, "cookware-all-clad-d3-fry-pan-10", "All-Clad", "All-Clad D3 Stainless Steel Fry Pan, 10-inch", "All-Clad D3 三层钢不锈钢煎锅 10英寸", "109.95", "Tri-ply stainless steel fry pan, 10-inch, induction compatible, oven-safe to 600°F.", material="tri-ply stainless steel", size_in=10, induction=True, oven_safe=True),
        _item(COOKWARE, "cookware-t-fal-ultimate-hard-anodized-12pc", "T-fal", "T-fal Ultimate Hard Anodized Nonstick Cookware Set, 12 Pieces", "特福 T-fal 硬质阳极氧化不粘锅具 12件套", "149.99", "Hard-anodised aluminium nonstick set with pans, saucepans and a Dutch oven; not for induction.", material="hard-anodised aluminium, nonstick", pieces=12, induction=False, oven_safe=True),
        _item(APPLIANCE, "appliance-philips-airfryer-3000-4-1l", "Philips", "Philips 3000 Series Airfryer L, 4.1 L", "飞利浦 3000系列 空气炸锅 4.1L", "99.99", "Air fryer with Rapid Air technology, 4.1 L basket, 1400W.", capacity_l=4.1, power_w=1400),
        _item(APPLIANCE, "appliance-breville-smart-oven-air-fryer-pro", "Breville", "Breville Smart Oven Air Fryer Pro BOV900, Brushed Stainless Steel", "铂富 Breville BOV900 智能空气炸烤箱 Pro", "399.95", "Countertop convection oven and air fryer with 13 cooking functions, 1800W.", capacity_l=28, power_w=1800),
        _item(APPLIANCE, "appliance-instant-pot-duo-7in1-6qt", "Instant Pot", "Instant Pot Duo 7-in-1 Electric Pressure Cooker, 6 Quart", "Instant Pot Duo 七合一 电压力锅 5.7L", "99.95", "Pressure cooker, slow cooker, rice cooker, steamer and more, 6 qt (5.7 L), 1000W.", capacity_l=5.7, power_w=1000),
        _item(APPLIANCE, "appliance-kitchenaid-artisan-stand-mixer-5qt-red", "KitchenAid", "KitchenAid Artisan Series 5-Quart Tilt-Head Stand Mixer, Empire Red", "凯膳怡 KitchenAid Artisan 抬头式厨师机 4.8L 帝国红", "449.99", "Tilt-head stand mixer with a 5 qt (4.8 L) stainless bowl and 10 speeds, 325W.", capacity_l=4.8, power_w=325, colour="Empire Red"),
        _item(APPLIANCE, "appliance-xiaomi-smart-air-fryer-6-5l", "Xiaomi", "Xiaomi Smart Air Fryer 6.5L", "小米 米家智能空气炸锅 6.5L", "99.99", "App-controlled air fryer with a 6.5 L basket and viewing window, 1800W.", capacity_l=6.5, power_w=1800),
        _item(APPLIANCE, "appliance-ninja-professional-blender-bl610", "Ninja", "Ninja Professional Blender BL610, 72 oz", "Ninja 专业破壁料理机 BL610 2.1L", "99.99", "1000W countertop blender with a 72 oz (2.1 L) pitcher for smoothies and crushed ice.", capacity_l=2.1, power_w=1000),
        _item(BEDDING, "bedding-ikea-dvala-sheet-set-queen-white", "IKEA", "IKEA DVALA Sheet Set, Queen, White", "宜家 DVALA 达瓦拉 床单套件 双人 白色", "29.99", "100% cotton fitted sheet, flat sheet and two pillowcases, Queen size.", material="cotton", size="Queen", colour="White"),
        _item(BEDDING, "bedding-ikea-bergpalm-duvet-cover-queen-grey", "IKEA", "IKEA BERGPALM Duvet Cover and Pillowcases, Full/Queen, Grey Stripe", "宜家 BERGPALM 被套和枕套 双人 灰色条纹", "39.99", "Cotton duvet cover with two pillowcases, Full/Queen size.", material="cotton", size="Full/Queen", colour="Grey stripe"),
        _item(BEDDING, "bedding-brooklinen-luxe-core-sheet-set-queen-white", "Brooklinen", "Brooklinen Luxe Core Sheet Set, Queen, White", "Brooklinen Luxe 缎面纯棉床单套件 Queen 白色", "179.00", "480-thread-count cotton sateen sheet set, Queen size.", material="cotton sateen", size="Queen", thread_count=480, colour="White"),
        _item(BEDDING, "bedding-coop-original-adjustable-pillow-queen", "Coop Sleep Goods", "Coop Sleep Goods Original Adjustable Pillow, Queen", "Coop 可调节记忆棉枕头 Queen", "79.99", "Shredded memory foam pillow; remove fill to adjust loft. Queen size.", material="memory foam", size="Queen"),
        _item(BEDDING, "bedding-casper-original-pillow-standard", "Casper", "Casper Original Pillow, Standard", "Casper 原创枕头 标准尺寸", "65.00", "Pillow-in-pillow design with a cotton cover, Standard size.", material="polyester fibre", size="Standard"),
        _item(LIGHTING, "lighting-philips-hue-a19-color-starter-kit", "Philips", "Philips Hue White and Color Ambiance A19 Starter Kit, 3 Bulbs + Bridge", "飞利浦 Hue 智能彩色灯泡 E26 入门套装 3只装+桥接器", "199.99", "Three E26 smart colour bulbs and a Hue Bridge; works with Alexa, Google Home and Apple Home.", bulbs=3, base="E26", smart=True, connectivity=["Zigbee", "Bluetooth"]),
        _item(LIGHTING, "lighting-philips-hue-go-portable-lamp", "Philips", "Philips Hue Go Portable Table Lamp", "飞利浦 Hue Go 便携智能氛围灯", "99.99", "Battery-powered colour smart lamp for indoors and outdoors.", smart=True, portable=True, connectivity=["Zigbee", "Bluetooth"]),
        _item(LIGHTING, "lighting-ikea-fado-table-lamp-white", "IKEA", "IKEA FADO Table Lamp, White", "宜家 FADO 法都 台灯 白色", "24.99", "Glass globe table lamp for an E12 bulb (sold separately).", base="E12", smart=False, colour="White"),
        _item(LIGHTING, "lighting-benq-screenbar-monitor-light", "BenQ", "BenQ ScreenBar Monitor Light Bar", "明基 BenQ ScreenBar 屏幕挂灯", "109.00", "USB-powered monitor light bar with auto-dimming and adjustable colour temperature.", power="USB", smart=False),
        _item(LIGHTING, "lighting-xiaomi-led-desk-lamp-1s", "Xiaomi", "Xiaomi Mi LED Desk Lamp 1S", "小米 米家 LED 智能台灯 1S", "49.99", "App- and voice-controlled LED desk lamp with adjustable colour temperature.", smart=True, connectivity=["Wi-Fi", "Bluetooth"]),
        _item(CLEANING, "cleaning-dyson-v15-detect-absolute", "Dyson", "Dyson V15 Detect Absolute Cordless Vacuum", "戴森 Dyson V15 Detect Absolute 无绳吸尘器", "749.99", "Cordless stick vacuum with a laser dust-detect head and up to 60 minutes run time.", type="cordless stick", runtime_min=60),
        _item(CLEANING, "cleaning-dyson-v8-absolute", "Dyson", "Dyson V8 Absolute Cordless Vacuum", "戴森 Dyson V8 Absolute 无绳吸尘器", "399.99", "Cordless stick vacuum with up to 40 minutes run time and a HEPA-grade filter.", type="cordless stick", runtime_min=40),
        _item(CLEANING, "cleaning-roborock-q5-pro-robot-vacuum", "Roborock", "Roborock Q5 Pro Robot Vacuum", "石头 Roborock Q5 Pro 扫地机器人", "299.99", "Robot vacuum with LiDAR navigation, dual rubber brushes and 5500 Pa suction.", type="robot", runtime_min=180),
        _item(CLEANING, "cleaning-shark-navigator-lift-away-nv352", "Shark", "Shark Navigator Lift-Away Upright Vacuum NV352", "Shark 鲨客 NV352 可拆卸立式吸尘器", "199.99", "Corded upright vacuum with a lift-away canister and HEPA filter.", type="corded upright", corded=True),
    ]
    # fmt: on


def _sports() -> list[Product]:
    # fmt: off
    return [
        _item(YOGA, "yoga-manduka-pro-6mm-black", "Manduka", "Manduka PRO Yoga Mat 6mm, 71-inch, Black", "Manduka PRO 瑜伽垫 6mm 黑色", "139.00", "Dense 6 mm PVC mat, 180 cm long, 3.4 kg; lifetime guarantee.", thickness_mm=6, length_cm=180, material="PVC", weight_kg=3.4, colour="Black"),
        _item(YOGA, "yoga-manduka-prolite-4-7mm-black", "Manduka", "Manduka PROlite Yoga Mat 4.7mm, 71-inch, Black", "Manduka PROlite 瑜伽垫 4.7mm 黑色", "99.00", "Lighter 4.7 mm PVC travel mat, 180 cm long, 1.8 kg.", thickness_mm=4.7, length_cm=180, material="PVC", weight_kg=1.8, colour="Black"),
        _item(YOGA, "yoga-lululemon-the-mat-5mm-black", "Lululemon", "Lululemon The Mat 5mm Yoga Mat, Black", "lululemon The Mat 5mm 瑜伽垫 黑色", "108.00", "5 mm natural rubber mat with a polyurethane grip top layer, 180 cm long, 2.4 kg.", thickness_mm=5, length_cm=180, material="natural rubber and polyurethane", weight_kg=2.4, colour="Black"),
        _item(YOGA, "yoga-gaiam-essentials-10mm-navy", "Gaiam", "Gaiam Essentials Thick Yoga Mat 10mm, Navy", "Gaiam 加厚瑜伽垫 10mm 藏青色", "24.99", "Budget 10 mm NBR foam mat with a carrying strap, 183 cm long.", thickness_mm=10, length_cm=183, material="NBR foam", weight_kg=1.0, colour="Navy"),
        _item(DUMBBELLS, "dumbbells-bowflex-selecttech-552-pair", "Bowflex", "Bowflex SelectTech 552 Adjustable Dumbbells, Pair", "Bowflex SelectTech 552 可调节哑铃 一对 2-24kg", "429.00", "Pair of adjustable dumbbells, 5-52.5 lb (2.3-23.8 kg) each with a turn of the dial.", adjustable=True, weight_range_kg=[2.3, 23.8], pair=True),
        _item(DUMBBELLS, "dumbbells-cap-coated-hex-20lb", "CAP Barbell", "CAP Barbell Coated Hex Dumbbell, 20 lb (Single)", "CAP 包胶六角哑铃 9kg 单只", "39.99", "Rubber-coated hex dumbbell, 20 lb (9.1 kg), sold singly.", adjustable=False, weight_kg=9.1, pair=False),
        _item(DUMBBELLS, "dumbbells-amazon-basics-neoprene-set-stand", "Amazon Basics", "Amazon Basics Neoprene Dumbbell Set with Stand, 3, 5 and 8 lb Pairs", "Amazon Basics 浸塑哑铃套装 带支架 3/5/8磅", "49.99", "Three pairs of neoprene-coated dumbbells (1.4, 2.3 and 3.6 kg) with a stand.", adjustable=False, weights_kg=[1.4, 2.3, 3.6], pair=True),
        _item(RECOVERY, "recovery-therabody-theragun-prime", "Therabody", "Therabody Theragun Prime Percussive Massage Gun", "Therabody Theragun Prime 筋膜枪", "299.00", "Percussive massage gun with 5 speeds, 4 attachments and 120-minute battery.", battery_min=120, attachments=4),
        _item(RECOVERY, "recovery-therabody-theragun-mini-2", "Therabody", "Therabody Theragun Mini (2nd Gen) Massage Gun", "Therabody Theragun Mini 二代 迷你筋膜枪", "199.00", "Pocket-size percussive massage gun with 3 attachments and 150-minute battery.", battery_min=150, attachments=3),
        _item(RECOVERY, "recovery-triggerpoint-grid-foam-roller", "TriggerPoint", "TriggerPoint GRID Foam Roller, 13-inch", "TriggerPoint GRID 泡沫轴 33cm", "36.99", "Hollow-core foam roller with a multi-density surface, 33 cm long.", length_cm=33, material="EVA foam"),
        _item(SHOES, "shoes-nike-pegasus-41-men-black", "Nike", "Nike Pegasus 41 Men's Road Running Shoes, Black/White", "耐克 Pegasus 41 男子公路跑步鞋 黑白", "140.00", "Neutral daily trainer with ReactX foam and Air Zoom units; 10 mm drop.", gender="men", sizes_us=MEN_SHOE, drop_mm=10, support="neutral", colour="Black/White"),
        _item(SHOES, "shoes-nike-vomero-18-women-white", "Nike", "Nike Vomero 18 Women's Road Running Shoes, White", "耐克 Vomero 18 女子公路跑步鞋 白色", "150.00", "Max-cushion neutral trainer with ZoomX and ReactX foam; 10 mm drop.", gender="women", sizes_us=WOMEN_SHOE, drop_mm=10, support="neutral", colour="White"),
        _item(SHOES, "shoes-adidas-adizero-boston-12-men", "Adidas", "Adidas Adizero Boston 12 Men's Running Shoes, Core Black", "阿迪达斯 Adizero Boston 12 男子竞速跑鞋 黑色", "160.00", "Uptempo trainer with Lightstrike Pro foam and EnergyRods; 6.5 mm drop.", gender="men", sizes_us=MEN_SHOE, drop_mm=6.5, support="neutral", colour="Core Black"),
        _item(SHOES, "shoes-adidas-ultraboost-5-women-black", "Adidas", "Adidas Ultraboost 5 Women's Running Shoes, Core Black", "阿迪达斯 Ultraboost 5 女子跑鞋 黑色", "190.00", "Cushioned daily runner with Light Boost foam and a Primeknit upper; 10 mm drop.", gender="women", sizes_us=WOMEN_SHOE, drop_mm=10, support="neutral", colour="Core Black"),
        _item(SHOES, "shoes-hoka-clifton-9-men-black", "HOKA", "HOKA Clifton 9 Men's Running Shoes, Black", "HOKA Clifton 9 男子缓震跑鞋 黑色", "145.00", "Lightweight cushioned neutral trainer; 5 mm drop.", gender="men", sizes_us=MEN_SHOE, drop_mm=5, support="neutral", colour="Black"),
        _item(SHOES, "shoes-brooks-ghost-16-women-grey", "Brooks", "Brooks Ghost 16 Women's Running Shoes, Grey", "Brooks 布鲁克斯 Ghost 16 女子跑鞋 灰色", "140.00", "Soft neutral daily trainer with DNA Loft v3 foam; 12 mm drop.", gender="women", sizes_us=WOMEN_SHOE, drop_mm=12, support="neutral", colour="Grey"),
        _item(APPAREL, "apparel-lululemon-swiftly-tech-ss-2-women-black", "Lululemon", "Lululemon Swiftly Tech Short-Sleeve Shirt 2.0, Women's, Black", "lululemon Swiftly Tech 女士运动短袖T恤 2.0 黑色", "78.00", "Seamless, sweat-wicking running shirt with anti-stink treatment.", gender="women", sizes=["2", "4", "6", "8", "10", "12", "14"], material="nylon/elastane knit", colour="Black"),
        _item(APPAREL, "apparel-lululemon-pace-breaker-short-7-men-black", "Lululemon", "Lululemon Pace Breaker Linerless Short 7\", Men's, Black", "lululemon Pace Breaker 男士无内衬运动短裤 7英寸 黑色", "68.00", "Lightweight 7-inch running shorts with a zip pocket.", gender="men", sizes=LETTER_SIZES, material="polyester/elastane", colour="Black"),
        _item(APPAREL, "apparel-nike-stride-dri-fit-5-short-men-black", "Nike", "Nike Stride Men's Dri-FIT 5\" Brief-Lined Running Shorts, Black", "耐克 Stride 男子 Dri-FIT 5英寸 跑步短裤 黑色", "50.00", "Sweat-wicking 5-inch shorts with a brief liner.", gender="men", sizes=LETTER_SIZES, material="polyester", colour="Black"),
        _item(APPAREL, "apparel-adidas-own-the-run-tee-men-black", "Adidas", "Adidas Own the Run Tee, Men's, Black", "阿迪达斯 Own the Run 男子跑步短袖T恤 黑色", "30.00", "Lightweight AEROREADY running tee with reflective details.", gender="men", sizes=LETTER_SIZES, material="recycled polyester", colour="Black"),
        _item(BOTTLES, "bottle-hydro-flask-32oz-wide-mouth-black", "Hydro Flask", "Hydro Flask 32 oz Wide Mouth Water Bottle with Flex Cap, Black", "Hydro Flask 32oz 宽口保温水壶 946ml 黑色", "44.95", "Vacuum-insulated 18/8 stainless steel bottle, 946 ml; cold up to 24 h.", capacity_l=0.95, insulated=True, material="stainless steel", colour="Black"),
        _item(BOTTLES, "bottle-hydro-flask-21oz-standard-mouth-pacific", "Hydro Flask", "Hydro Flask 21 oz Standard Mouth Water Bottle, Pacific", "Hydro Flask 21oz 标准口保温水壶 621ml 太平洋蓝", "34.95", "Vacuum-insulated stainless steel bottle, 621 ml; fits most cup holders.", capacity_l=0.62, insulated=True, material="stainless steel", colour="Pacific"),
        _item(BOTTLES, "bottle-stanley-quencher-h2-0-40oz", "Stanley", "Stanley Quencher H2.0 FlowState Tumbler, 40 oz, Charcoal", "Stanley 史丹利 Quencher H2.0 吸管保温杯 1.18L 炭灰色", "45.00", "Vacuum-insulated stainless steel tumbler with a handle and straw, 1.18 L.", capacity_l=1.18, insulated=True, material="stainless steel", colour="Charcoal"),
        _item(BOTTLES, "bottle-nalgene-32oz-wide-mouth-sustain", "Nalgene", "Nalgene 32 oz Wide Mouth Sustain Water Bottle, Clear", "Nalgene 宽口运动水壶 1L 透明", "16.99", "BPA-free Tritan Renew bottle, 1 L; not insulated.", capacity_l=1.0, insulated=False, material="Tritan Renew plastic", colour="Clear"),
    ]
    # fmt: on


def products() -> list[Product]:
    """Coffee, then home, then sports."""
    return _coffee() + _home() + _sports()
