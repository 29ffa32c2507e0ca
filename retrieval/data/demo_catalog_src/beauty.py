# ruff: noqa: E501
"""Beauty: skincare by routine step, makeup and fragrance.

Skincare carries `step` (cleanser, toner, essence, serum, moisturiser, eye cream, sunscreen, mask) and
`skin_type`, so a routine bundle can take one product per step for the shopper's skin type.
"""

from __future__ import annotations

from typing import Any

from .common import Product, join_en, record

CLEANSER = "Beauty > Skincare > Cleansers"
TONER = "Beauty > Skincare > Toners"
SERUM = "Beauty > Skincare > Serums & Essences"
MOISTURISER = "Beauty > Skincare > Moisturisers"
EYE = "Beauty > Skincare > Eye Creams"
SUNSCREEN = "Beauty > Skincare > Sunscreen"
MASK = "Beauty > Skincare > Masks"
FOUNDATION = "Beauty > Makeup > Foundation"
LIPSTICK = "Beauty > Makeup > Lipstick"
MASCARA = "Beauty > Makeup > Mascara"
BRUSHES = "Beauty > Makeup > Makeup Brushes"
WOMEN = "Beauty > Fragrance > Women"
MEN = "Beauty > Fragrance > Men"

ALL = ["all"]


def _skin(
    category: str,
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    step: str,
    skin_type: list[str],
    volume_ml: int,
    ingredients: list[str],
    price: str,
    note: str,
    *,
    spf: int = 0,
    sheets: int = 0,
) -> Product:
    others = [kind for kind in skin_type if kind != "all"]
    skin = (
        f"{join_en(others)} skin"
        if "all" not in skin_type
        else "all skin types" + (f", including {join_en(others)}" if others else "")
    )
    size = f"{sheets} sheet masks" if sheets else f"{volume_ml} ml"
    protection = f", SPF {spf}" if spf else ""
    description = f"{note} {size} {step} for {skin}{protection}; key ingredients: {join_en(ingredients)}."
    attributes: dict[str, Any] = {"step": step, "skin_type": skin_type, "key_ingredients": ingredients}
    if volume_ml:
        attributes["volume_ml"] = volume_ml
    if spf:
        attributes["spf"] = spf
    if sheets:
        attributes["sheets"] = sheets
    return record(pid, title, title_zh, brand, category, description, price, attributes)


def _makeup(
    category: str, pid: str, brand: str, title: str, title_zh: str, price: str, note: str, **attributes: Any
) -> Product:
    details = [
        f"{value} ml"
        if key == "volume_ml"
        else f"{key.replace('_', ' ')} {join_en(value) if isinstance(value, list) else value}"
        for key, value in attributes.items()
        if not isinstance(value, bool)
    ]
    text = "; ".join(details)
    description = f"{note} {text[:1].upper()}{text[1:]}."
    return record(pid, title, title_zh, brand, category, description, price, attributes)


def _fragrance(
    pid: str,
    brand: str,
    title: str,
    title_zh: str,
    gender: str,
    concentration: str,
    volume_ml: int,
    notes: list[str],
    price: str,
    note: str,
    *,
    category: str = "",
) -> Product:
    category = category or (MEN if gender == "men" else WOMEN)
    label = {
        "EDP": "Eau de Parfum (EDP)",
        "EDT": "Eau de Toilette (EDT)",
        "parfum": "Parfum",
        "cologne": "Cologne",
    }[concentration]
    description = f"{note} {label}, {volume_ml} ml; notes of {join_en(notes)}; {'unisex' if gender == 'unisex' else 'for ' + gender}."
    attributes = {"volume_ml": volume_ml, "concentration": concentration, "notes": notes, "gender": gender}
    return record(pid, title, title_zh, brand, category, description, price, attributes)


def _skincare() -> list[Product]:
    pitera = ["Pitera (galactomyces ferment filtrate)"]
    # fmt: off
    return [
        _skin(CLEANSER, "skincare-cerave-hydrating-cleanser-473ml", "CeraVe", "CeraVe Hydrating Facial Cleanser, 473ml", "适乐肤 修护保湿洁面乳 473ml", "cleanser", ["dry", "normal"], 473, ["ceramides", "hyaluronic acid"], "17.99", "Non-foaming fragrance-free face wash."),
        _skin(CLEANSER, "skincare-cerave-foaming-cleanser-473ml", "CeraVe", "CeraVe Foaming Facial Cleanser, 473ml", "适乐肤 控油泡沫洁面啫喱 473ml", "cleanser", ["oily", "combination", "normal"], 473, ["ceramides", "niacinamide", "hyaluronic acid"], "17.99", "Gel-to-foam cleanser that removes excess oil."),
        _skin(CLEANSER, "skincare-lrp-toleriane-hydrating-cleanser-400ml", "La Roche-Posay", "La Roche-Posay Toleriane Hydrating Gentle Cleanser, 400ml", "理肤泉 特安舒缓保湿洁面乳 400ml", "cleanser", ["sensitive", "dry", "normal"], 400, ["ceramide-3", "niacinamide", "prebiotic thermal water"], "18.99", "Creamy cleanser tested on sensitive skin."),
        _skin(CLEANSER, "skincare-lrp-effaclar-purifying-gel-400ml", "La Roche-Posay", "La Roche-Posay Effaclar Purifying Foaming Gel Cleanser, 400ml", "理肤泉 清痘净肤控油洁面啫喱 400ml", "cleanser", ["oily", "combination"], 400, ["zinc pidolate", "thermal water"], "18.99", "Soap-free foaming gel for oily, blemish-prone skin."),
        _skin(CLEANSER, "skincare-bioderma-sensibio-h2o-500ml", "Bioderma", "Bioderma Sensibio H2O Micellar Water, 500ml", "贝德玛 舒妍多效洁肤液 卸妆水 500ml", "cleanser", ["sensitive", "normal", "dry"], 500, ["micelles", "cucumber extract"], "19.99", "Micellar water that removes makeup without rinsing."),
        _skin(CLEANSER, "skincare-kiehls-ultra-facial-cleanser-150ml", "Kiehl's", "Kiehl's Ultra Facial Cleanser, 150ml", "科颜氏 高保湿洁面乳 150ml", "cleanser", ALL, 150, ["squalane", "apricot kernel oil"], "25.00", "Gentle foaming cleanser."),
        _skin(CLEANSER, "skincare-clinique-liquid-facial-soap-mild-200ml", "Clinique", "Clinique Liquid Facial Soap Mild, 200ml", "倩碧 温和洁面皂液 200ml", "cleanser", ["dry", "combination"], 200, ["cucumber extract", "sunflower seed cake"], "24.00", "Step 1 of Clinique's 3-Step routine."),
        _skin(CLEANSER, "skincare-innisfree-green-tea-amino-foam-150ml", "Innisfree", "Innisfree Green Tea Amino Acid Cleansing Foam, 150ml", "悦诗风吟 绿茶氨基酸洁面乳 150ml", "cleanser", ["combination", "normal"], 150, ["green tea", "amino acids"], "12.00", "Low-pH amino acid foam cleanser."),
        _skin(CLEANSER, "skincare-the-ordinary-squalane-cleanser-150ml", "The Ordinary", "The Ordinary Squalane Cleanser, 150ml", "The Ordinary 角鲨烷卸妆洁面膏 150ml", "cleanser", ALL, 150, ["squalane"], "17.99", "Balm-to-oil cleanser that also removes makeup."),
        _skin(CLEANSER, "skincare-sk-ii-facial-treatment-cleanser-120g", "SK-II", "SK-II Facial Treatment Cleanser, 120g", "SK-II 护肤洁面霜 氨基酸洁面 120g", "cleanser", ALL, 120, ["amino acids"], "65.00", "Rich amino acid foam cleanser."),
        _skin(TONER, "skincare-sk-ii-facial-treatment-clear-lotion-160ml", "SK-II", "SK-II Facial Treatment Clear Lotion, 160ml", "SK-II 嫩肤清莹露 清莹露 160ml", "toner", ALL, 160, [*pitera, "AHA"], "80.00", "Exfoliating toner that preps skin for the essence."),
        _skin(TONER, "skincare-lancome-tonique-confort-400ml", "Lancôme", "Lancôme Tonique Confort Hydrating Toner, 400ml", "兰蔻 清滢柔肤水 粉水 400ml", "toner", ["dry", "normal", "sensitive"], 400, ["hyaluronic acid", "acacia honey"], "56.00", "Alcohol-free hydrating toner."),
        _skin(TONER, "skincare-kiehls-calendula-toner-250ml", "Kiehl's", "Kiehl's Calendula Herbal-Extract Alcohol-Free Toner, 250ml", "科颜氏 金盏花植物精华爽肤水 250ml", "toner", ["normal", "oily", "combination"], 250, ["calendula petals", "allantoin"], "51.00", "Soothing toner with whole calendula petals."),
        _skin(TONER, "skincare-the-ordinary-glycolic-acid-7-toner-240ml", "The Ordinary", "The Ordinary Glycolic Acid 7% Exfoliating Toning Solution, 240ml", "The Ordinary 7%甘醇酸焕肤爽肤水 240ml", "toner", ["oily", "combination", "normal"], 240, ["glycolic acid", "aloe vera", "ginseng"], "12.99", "Exfoliating toner for texture and radiance; use in the evening."),
        _skin(TONER, "skincare-laneige-cream-skin-toner-170ml", "Laneige", "Laneige Cream Skin Toner & Moisturizer, 170ml", "兰芝 奶油肌保湿精华水 170ml", "toner", ["dry", "normal"], 170, ["white leaf tea water", "ceramides"], "36.00", "Milky 2-in-1 toner and moisturiser."),
        _skin(TONER, "skincare-innisfree-green-tea-hyaluronic-toner-170ml", "Innisfree", "Innisfree Green Tea Hyaluronic Acid Toner, 170ml", "悦诗风吟 绿茶玻尿酸保湿爽肤水 170ml", "toner", ["combination", "normal"], 170, ["green tea", "hyaluronic acid"], "18.00", "Lightweight hydrating toner."),
        _skin(TONER, "skincare-clinique-clarifying-lotion-2-400ml", "Clinique", "Clinique Clarifying Lotion 2, 400ml", "倩碧 温和净肤水 2号 400ml", "toner", ["dry", "combination"], 400, ["salicylic acid", "witch hazel"], "38.00", "Step 2 of Clinique's 3-Step routine."),
        _skin(TONER, "skincare-lrp-effaclar-clarifying-solution-200ml", "La Roche-Posay", "La Roche-Posay Effaclar Clarifying Solution, 200ml", "理肤泉 清痘净肤 细致爽肤水 200ml", "toner", ["oily"], 200, ["salicylic acid", "LHA"], "22.99", "Pore-refining toner for oily skin."),
        _skin(SERUM, "skincare-sk-ii-facial-treatment-essence-230ml", "SK-II", "SK-II Facial Treatment Essence, 230ml", "SK-II 护肤精华露 神仙水 230ml", "essence", ALL, 230, pitera, "270.00", "The original Pitera essence for clearer, smoother skin."),
        _skin(SERUM, "skincare-sk-ii-facial-treatment-essence-160ml", "SK-II", "SK-II Facial Treatment Essence, 160ml", "SK-II 护肤精华露 神仙水 160ml", "essence", ALL, 160, pitera, "199.00", "The original Pitera essence, mid size."),
        _skin(SERUM, "skincare-estee-lauder-anr-serum-50ml", "Estée Lauder", "Estée Lauder Advanced Night Repair Synchronized Multi-Recovery Complex Serum, 50ml", "雅诗兰黛 特润修护肌活精华露 小棕瓶 50ml", "serum", ALL, 50, ["hyaluronic acid", "tripeptide-32", "bifida ferment lysate"], "115.00", "Night repair serum applied after cleansing in the evening."),
        _skin(SERUM, "skincare-estee-lauder-anr-serum-100ml", "Estée Lauder", "Estée Lauder Advanced Night Repair Synchronized Multi-Recovery Complex Serum, 100ml", "雅诗兰黛 特润修护肌活精华露 小棕瓶 100ml", "serum", ALL, 100, ["hyaluronic acid", "tripeptide-32", "bifida ferment lysate"], "185.00", "Night repair serum, large size."),
        _skin(SERUM, "skincare-lancome-advanced-genifique-50ml", "Lancôme", "Lancôme Advanced Génifique Face Serum, 50ml", "兰蔻 小黑瓶 精华肌底液 50ml", "serum", ALL, 50, ["bifidus prebiotic", "hyaluronic acid"], "110.00", "Microbiome serum for radiance and a stronger skin barrier."),
        _skin(SERUM, "skincare-shiseido-ultimune-concentrate-50ml", "Shiseido", "Shiseido Ultimate Power Infusing Concentrate, 50ml", "资生堂 红妍肌活精华露 红腰子 50ml", "serum", ALL, 50, ["ImuGeneration Red Technology", "reishi mushroom", "iris root"], "95.00", "Barrier-strengthening serum used before other skincare."),
        _skin(SERUM, "skincare-lrp-hyalu-b5-serum-30ml", "La Roche-Posay", "La Roche-Posay Hyalu B5 Hyaluronic Acid Serum, 30ml", "理肤泉 B5 玻尿酸修护精华 30ml", "serum", ["sensitive", "dry", "normal"], 30, ["hyaluronic acid", "vitamin B5", "madecassoside"], "44.99", "Plumping, soothing serum for sensitive skin."),
        _skin(SERUM, "skincare-the-ordinary-niacinamide-10-zinc-30ml", "The Ordinary", "The Ordinary Niacinamide 10% + Zinc 1%, 30ml", "The Ordinary 10%烟酰胺+1%锌精华 30ml", "serum", ["oily", "combination"], 30, ["niacinamide", "zinc PCA"], "6.00", "Budget serum for blemishes and visible pores."),
        _skin(SERUM, "skincare-the-ordinary-hyaluronic-acid-b5-30ml", "The Ordinary", "The Ordinary Hyaluronic Acid 2% + B5, 30ml", "The Ordinary 2%玻尿酸+B5 保湿精华 30ml", "serum", ALL, 30, ["hyaluronic acid", "vitamin B5"], "8.99", "Budget hydrating serum."),
        _skin(SERUM, "skincare-the-ordinary-retinol-0-5-squalane-30ml", "The Ordinary", "The Ordinary Retinol 0.5% in Squalane, 30ml", "The Ordinary 0.5%视黄醇角鲨烷精华 A醇 30ml", "serum", ["normal", "combination", "oily"], 30, ["retinol", "squalane"], "7.00", "Evening retinol serum; use sunscreen by day."),
        _skin(SERUM, "skincare-kiehls-midnight-recovery-concentrate-30ml", "Kiehl's", "Kiehl's Midnight Recovery Concentrate, 30ml", "科颜氏 夜间修护精华油 30ml", "serum", ["dry", "normal"], 30, ["lavender essential oil", "evening primrose oil", "squalane"], "56.00", "Overnight face oil serum."),
        _skin(SERUM, "skincare-clinique-even-better-dark-spot-30ml", "Clinique", "Clinique Even Better Clinical Radical Dark Spot Corrector + Interrupter, 30ml", "倩碧 镭射瓶 淡斑精华 30ml", "serum", ALL, 30, ["UP302", "glucosamine", "salicylic acid"], "64.00", "Dark-spot and uneven-tone serum."),
        _skin(SERUM, "skincare-laneige-water-bank-hyaluronic-serum-50ml", "Laneige", "Laneige Water Bank Blue Hyaluronic Serum, 50ml", "兰芝 水酷 玻尿酸保湿精华 50ml", "serum", ["dry", "normal", "combination"], 50, ["blue hyaluronic acid", "green mineral water"], "38.00", "Lightweight hydrating serum."),
        _skin(SERUM, "skincare-innisfree-green-tea-seed-serum-80ml", "Innisfree", "Innisfree Green Tea Seed Hyaluronic Serum, 80ml", "悦诗风吟 绿茶籽精萃水分精华 小绿瓶 80ml", "serum", ALL, 80, ["green tea seed", "hyaluronic acid"], "27.00", "Moisture-boosting first serum."),
        _skin(SERUM, "skincare-cerave-resurfacing-retinol-serum-30ml", "CeraVe", "CeraVe Resurfacing Retinol Serum, 30ml", "适乐肤 A醇焕亮修护精华 30ml", "serum", ALL, 30, ["encapsulated retinol", "niacinamide", "ceramides"], "21.99", "Budget retinol serum for post-blemish marks and pores."),
        _skin(MOISTURISER, "skincare-cerave-moisturizing-cream-453g", "CeraVe", "CeraVe Moisturizing Cream, 453g", "适乐肤 修护保湿润肤霜 C霜 453g", "moisturiser", ["dry", "normal"], 453, ["ceramides", "hyaluronic acid"], "19.99", "Rich face and body cream."),
        _skin(MOISTURISER, "skincare-cerave-am-lotion-spf30-89ml", "CeraVe", "CeraVe AM Facial Moisturizing Lotion SPF 30, 89ml", "适乐肤 AM 日间修护保湿乳 SPF30 89ml", "moisturiser", ["normal", "combination", "dry"], 89, ["ceramides", "niacinamide", "zinc oxide"], "19.99", "Daytime moisturiser with broad-spectrum protection.", spf=30),
        _skin(MOISTURISER, "skincare-cerave-pm-lotion-89ml", "CeraVe", "CeraVe PM Facial Moisturizing Lotion, 89ml", "适乐肤 PM 夜间修护保湿乳 89ml", "moisturiser", ["normal", "oily", "combination"], 89, ["ceramides", "niacinamide", "hyaluronic acid"], "17.99", "Lightweight oil-free night lotion."),
        _skin(MOISTURISER, "skincare-kiehls-ultra-facial-cream-50ml", "Kiehl's", "Kiehl's Ultra Facial Cream, 50ml", "科颜氏 高保湿面霜 50ml", "moisturiser", ALL, 50, ["squalane", "glacial glycoprotein"], "38.00", "24-hour daily face cream."),
        _skin(MOISTURISER, "skincare-clinique-ddml-plus-125ml", "Clinique", "Clinique Dramatically Different Moisturizing Lotion+, 125ml", "倩碧 卓越润肤乳 黄油 125ml", "moisturiser", ["dry", "combination"], 125, ["hyaluronic acid", "sunflower seed cake"], "39.00", "Step 3 of Clinique's 3-Step routine."),
        _skin(MOISTURISER, "skincare-clinique-ddmg-gel-125ml", "Clinique", "Clinique Dramatically Different Moisturizing Gel, 125ml", "倩碧 卓越润肤啫喱 无油黄油 125ml", "moisturiser", ["oily", "combination"], 125, ["hyaluronic acid", "cucumber extract"], "39.00", "Oil-free gel version of Clinique's step 3."),
        _skin(MOISTURISER, "skincare-laneige-water-bank-cream-50ml", "Laneige", "Laneige Water Bank Blue Hyaluronic Cream Moisturizer, 50ml", "兰芝 水酷 玻尿酸保湿面霜 50ml", "moisturiser", ["normal", "dry"], 50, ["blue hyaluronic acid", "green mineral water"], "40.00", "Hydrating cream for normal to dry skin."),
        _skin(MOISTURISER, "skincare-lrp-toleriane-double-repair-75ml", "La Roche-Posay", "La Roche-Posay Toleriane Double Repair Face Moisturizer, 75ml", "理肤泉 特安 双重修护保湿乳 75ml", "moisturiser", ["sensitive", "normal", "dry"], 75, ["ceramide-3", "niacinamide", "prebiotic thermal water"], "23.99", "Oil-free barrier-repair moisturiser."),
        _skin(MOISTURISER, "skincare-shiseido-benefiance-wrinkle-cream-50ml", "Shiseido", "Shiseido Benefiance Wrinkle Smoothing Cream, 50ml", "资生堂 盼丽风姿 抗皱面霜 50ml", "moisturiser", ["dry", "normal"], 50, ["ReNeura Technology++", "retinyl acetate"], "78.00", "Anti-ageing day and night cream."),
        _skin(MOISTURISER, "skincare-estee-lauder-revitalizing-supreme-50ml", "Estée Lauder", "Estée Lauder Revitalizing Supreme+ Youth Power Creme, 50ml", "雅诗兰黛 多效智妍面霜 50ml", "moisturiser", ALL, 50, ["moringa extract", "hyaluronic acid"], "95.00", "Firming anti-ageing moisturiser."),
        _skin(MOISTURISER, "skincare-lancome-renergie-hpn-300-peptide-50ml", "Lancôme", "Lancôme Rénergie H.P.N. 300-Peptide Cream, 50ml", "兰蔻 塑颜百肽霜 50ml", "moisturiser", ALL, 50, ["peptides", "hyaluronic acid", "niacinamide"], "150.00", "Lifting and firming face cream."),
        _skin(MOISTURISER, "skincare-sk-ii-skinpower-cream-80g", "SK-II", "SK-II Skinpower Cream, 80g", "SK-II 赋能焕采精华霜 大红瓶 80g", "moisturiser", ALL, 80, [*pitera, "ginseng root extract"], "155.00", "Firming Pitera moisturiser."),
        _skin(MOISTURISER, "skincare-innisfree-green-tea-seed-cream-50ml", "Innisfree", "Innisfree Green Tea Seed Hyaluronic Cream, 50ml", "悦诗风吟 绿茶籽精萃保湿面霜 50ml", "moisturiser", ["normal", "combination"], 50, ["green tea seed", "hyaluronic acid"], "29.00", "Lightweight gel cream."),
        _skin(EYE, "skincare-estee-lauder-anr-eye-gel-creme-15ml", "Estée Lauder", "Estée Lauder Advanced Night Repair Eye Supercharged Gel-Creme, 15ml", "雅诗兰黛 特润修护肌透眼霜 小棕瓶眼霜 15ml", "eye cream", ALL, 15, ["hyaluronic acid", "caffeine", "bifida ferment lysate"], "80.00", "Eye gel-cream for dark circles and puffiness."),
        _skin(EYE, "skincare-kiehls-avocado-eye-14ml", "Kiehl's", "Kiehl's Creamy Eye Treatment with Avocado, 14ml", "科颜氏 牛油果保湿眼霜 14ml", "eye cream", ALL, 14, ["avocado oil", "shea butter"], "38.00", "Rich moisturising eye cream."),
        _skin(EYE, "skincare-clinique-all-about-eyes-15ml", "Clinique", "Clinique All About Eyes, 15ml", "倩碧 全效眼霜 15ml", "eye cream", ALL, 15, ["caffeine", "vitamin E"], "40.00", "Light eye cream for puffiness."),
        _skin(EYE, "skincare-lancome-genifique-eye-cream-15ml", "Lancôme", "Lancôme Advanced Génifique Eye Cream, 15ml", "兰蔻 小黑瓶眼霜 15ml", "eye cream", ALL, 15, ["bifidus prebiotic", "hyaluronic acid"], "78.00", "Smoothing eye cream."),
        _skin(EYE, "skincare-shiseido-benefiance-eye-15ml", "Shiseido", "Shiseido Benefiance Wrinkle Smoothing Eye Cream, 15ml", "资生堂 盼丽风姿 抗皱眼霜 15ml", "eye cream", ["dry", "normal"], 15, ["ReNeura Technology++", "hyaluronic acid"], "68.00", "Anti-wrinkle eye cream."),
        _skin(EYE, "skincare-cerave-eye-repair-cream-14ml", "CeraVe", "CeraVe Eye Repair Cream, 14ml", "适乐肤 修护眼霜 14ml", "eye cream", ALL, 14, ["ceramides", "hyaluronic acid", "niacinamide"], "16.99", "Budget eye cream for dark circles."),
        _skin(EYE, "skincare-the-ordinary-caffeine-egcg-30ml", "The Ordinary", "The Ordinary Caffeine Solution 5% + EGCG, 30ml", "The Ordinary 5%咖啡因眼部精华 30ml", "eye cream", ALL, 30, ["caffeine", "EGCG"], "8.99", "Budget eye serum for puffiness."),
        _skin(SUNSCREEN, "skincare-lrp-anthelios-uvmune-400-fluid-50ml", "La Roche-Posay", "La Roche-Posay Anthelios UVMune 400 Invisible Fluid SPF 50+, 50ml", "理肤泉 Anthelios 大哥大 清爽防晒霜 SPF50+ 50ml", "sunscreen", ["all", "sensitive"], 50, ["Mexoryl 400", "thermal water"], "37.99", "Invisible face sunscreen fluid.", spf=50),
        _skin(SUNSCREEN, "skincare-lrp-anthelios-melt-in-milk-spf60-150ml", "La Roche-Posay", "La Roche-Posay Anthelios Melt-in Milk Sunscreen SPF 60, 150ml", "理肤泉 Anthelios 面部及身体防晒霜 SPF60 150ml", "sunscreen", ALL, 150, ["Cell-Ox Shield", "thermal water"], "37.99", "Face and body sunscreen, water resistant 80 minutes.", spf=60),
        _skin(SUNSCREEN, "skincare-shiseido-ultimate-sun-protector-spf50-50ml", "Shiseido", "Shiseido Ultimate Sun Protector Lotion SPF 50+, 50ml", "资生堂 新艳阳夏 蓝胖子 防晒霜 SPF50+ 50ml", "sunscreen", ALL, 50, ["SynchroShield", "hyaluronic acid"], "49.00", "Water-resistant face and body sunscreen.", spf=50),
        _skin(SUNSCREEN, "skincare-bioderma-photoderm-aquafluide-spf50-40ml", "Bioderma", "Bioderma Photoderm Aquafluide SPF 50+, 40ml", "贝德玛 Photoderm 水感防晒霜 SPF50+ 40ml", "sunscreen", ["sensitive", "all"], 40, ["Cellular Bioprotection", "vitamin E"], "24.99", "Ultra-light fluid for sensitive skin.", spf=50),
        _skin(SUNSCREEN, "skincare-cerave-hydrating-mineral-sunscreen-spf30-75ml", "CeraVe", "CeraVe Hydrating Mineral Sunscreen SPF 30, 75ml", "适乐肤 矿物防晒霜 SPF30 75ml", "sunscreen", ["sensitive", "dry", "normal"], 75, ["zinc oxide", "titanium dioxide", "ceramides"], "17.99", "Mineral face sunscreen.", spf=30),
        _skin(SUNSCREEN, "skincare-supergoop-unseen-sunscreen-spf40-50ml", "Supergoop!", "Supergoop! Unseen Sunscreen SPF 40, 50ml", "Supergoop! 隐形防晒霜 SPF40 50ml", "sunscreen", ALL, 50, ["meadowfoam seed", "frankincense"], "38.00", "Invisible oil-free gel that works as a makeup primer.", spf=40),
        _skin(SUNSCREEN, "skincare-innisfree-daily-uv-defense-spf36-50ml", "Innisfree", "Innisfree Daily UV Defense Sunscreen SPF 36, 50ml", "悦诗风吟 每日清透防晒霜 SPF36 50ml", "sunscreen", ALL, 50, ["green tea", "cica", "hyaluronic acid"], "19.00", "Lightweight everyday sunscreen.", spf=36),
        _skin(SUNSCREEN, "skincare-clinique-mineral-sunscreen-spf50-30ml", "Clinique", "Clinique Broad Spectrum SPF 50 Mineral Sunscreen Fluid for Face, 30ml", "倩碧 矿物防晒霜 SPF50 30ml", "sunscreen", ["sensitive", "all"], 30, ["titanium dioxide", "zinc oxide"], "32.00", "Mineral fluid for sensitive faces.", spf=50),
        _skin(SUNSCREEN, "skincare-kiehls-ultra-light-uv-defense-spf50-60ml", "Kiehl's", "Kiehl's Ultra Light Daily UV Defense SPF 50, 60ml", "科颜氏 清爽防晒霜 SPF50 60ml", "sunscreen", ALL, 60, ["vitamin E", "Mexoryl"], "42.00", "Lightweight daily sunscreen.", spf=50),
        _skin(MASK, "skincare-sk-ii-facial-treatment-mask-6", "SK-II", "SK-II Facial Treatment Mask, 6 Sheets", "SK-II 护肤面膜 前男友面膜 6片装", "mask", ALL, 0, pitera, "115.00", "Pitera-soaked sheet masks.", sheets=6),
        _skin(MASK, "skincare-laneige-water-sleeping-mask-70ml", "Laneige", "Laneige Water Sleeping Mask, 70ml", "兰芝 夜间修护睡眠面膜 70ml", "mask", ALL, 70, ["squalane", "probiotics", "hyaluronic acid"], "34.00", "Leave-on overnight mask."),
        _skin(MASK, "skincare-laneige-lip-sleeping-mask-berry-20g", "Laneige", "Laneige Lip Sleeping Mask, Berry, 20g", "兰芝 夜间修护唇膜 莓果味 20g", "mask", ALL, 20, ["vitamin C", "murumuru seed butter"], "24.00", "Overnight lip mask."),
        _skin(MASK, "skincare-kiehls-rare-earth-clay-mask-142ml", "Kiehl's", "Kiehl's Rare Earth Deep Pore Cleansing Masque, 142ml", "科颜氏 亚马逊白泥净致面膜 142ml", "mask", ["oily", "combination"], 142, ["Amazonian white clay", "aloe vera"], "38.00", "Clay mask for pores and oil."),
        _skin(MASK, "skincare-innisfree-super-volcanic-clay-mask-100ml", "Innisfree", "Innisfree Super Volcanic Pore Clay Mask, 100ml", "悦诗风吟 超级火山泥面膜 100ml", "mask", ["oily", "combination"], 100, ["Jeju volcanic clusters", "AHA"], "22.00", "Pore-cleansing clay mask."),
        _skin(MASK, "skincare-estee-lauder-anr-powerfoil-mask-4", "Estée Lauder", "Estée Lauder Advanced Night Repair Concentrated Recovery PowerFoil Mask, 4 Sheets", "雅诗兰黛 小棕瓶 特润修护精华面膜 4片装", "mask", ALL, 0, ["hyaluronic acid", "bifida ferment lysate"], "70.00", "Foil-backed sheet masks with Advanced Night Repair serum.", sheets=4),
        _skin(MASK, "skincare-the-ordinary-aha-30-bha-2-peel-30ml", "The Ordinary", "The Ordinary AHA 30% + BHA 2% Peeling Solution, 30ml", "The Ordinary 果酸焕肤面膜 AHA 30% + BHA 2% 30ml", "mask", ["normal", "oily", "combination"], 30, ["glycolic acid", "salicylic acid"], "9.99", "10-minute exfoliating mask, at most twice a week."),
    ]
    # fmt: on


def _makeup_and_fragrance() -> list[Product]:
    # fmt: off
    return [
        _makeup(FOUNDATION, "makeup-estee-lauder-double-wear-1w2-30ml", "Estée Lauder", "Estée Lauder Double Wear Stay-in-Place Foundation SPF 10, 1W2 Sand, 30ml", "雅诗兰黛 DW 持妆粉底液 1W2 30ml", "52.00", "24-hour long-wear foundation.", shade="1W2 Sand", finish="matte", coverage="full", skin_type=["oily", "combination"], volume_ml=30),
        _makeup(FOUNDATION, "makeup-lancome-teint-idole-220c-30ml", "Lancôme", "Lancôme Teint Idole Ultra Wear Foundation, 220C, 30ml", "兰蔻 持妆粉底液 220C 30ml", "54.00", "Transfer-resistant long-wear foundation.", shade="220C", finish="matte", coverage="full", skin_type=["oily", "combination", "normal"], volume_ml=30),
        _makeup(FOUNDATION, "makeup-maybelline-fit-me-matte-128-30ml", "Maybelline", "Maybelline Fit Me Matte + Poreless Foundation, 128 Warm Nude, 30ml", "美宝莲 FIT ME 定制哑光粉底液 128 30ml", "9.99", "Budget poreless matte foundation.", shade="128 Warm Nude", finish="matte", coverage="medium", skin_type=["oily", "normal"], volume_ml=30),
        _makeup(FOUNDATION, "makeup-dior-forever-skin-glow-2n-30ml", "Dior", "Dior Forever Skin Glow Foundation, 2N Neutral, 30ml", "迪奥 锁妆光采粉底液 2N 30ml", "58.00", "Radiant 24-hour foundation with SPF 20.", shade="2N Neutral", finish="radiant", coverage="medium", skin_type=["dry", "normal"], volume_ml=30),
        _makeup(FOUNDATION, "makeup-shiseido-synchro-skin-230-30ml", "Shiseido", "Shiseido Synchro Skin Self-Refreshing Foundation SPF 30, 230 Alder, 30ml", "资生堂 智感光透粉底液 230 30ml", "49.00", "Breathable long-wear foundation.", shade="230 Alder", finish="natural", coverage="medium", skin_type=["all"], volume_ml=30),
        _makeup(FOUNDATION, "makeup-mac-studio-fix-fluid-nc25-30ml", "MAC", "MAC Studio Fix Fluid SPF 15 Foundation, NC25, 30ml", "魅可 MAC 定制无瑕粉底液 NC25 30ml", "40.00", "Matte medium-to-full coverage foundation.", shade="NC25", finish="matte", coverage="medium to full", skin_type=["oily", "combination"], volume_ml=30),
        _makeup(LIPSTICK, "makeup-mac-matte-lipstick-ruby-woo", "MAC", "MAC Retro Matte Lipstick, Ruby Woo", "魅可 MAC 子弹头口红 Ruby Woo", "25.00", "Iconic blue-red lipstick.", colour="Ruby Woo (vivid blue-red)", finish="matte"),
        _makeup(LIPSTICK, "makeup-dior-rouge-dior-999-satin", "Dior", "Dior Rouge Dior Lipstick, 999 Satin", "迪奥 烈艳蓝金唇膏 999 缎光", "47.00", "Classic red couture lipstick.", colour="999 (true red)", finish="satin"),
        _makeup(LIPSTICK, "makeup-chanel-rouge-allure-velvet-58", "Chanel", "Chanel Rouge Allure Velvet Luminous Matte Lipstick, 58 Rouge Vie", "香奈儿 炫亮魅力丝绒唇膏 58", "47.00", "Luminous matte lipstick.", colour="58 Rouge Vie (red)", finish="luminous matte"),
        _makeup(LIPSTICK, "makeup-maybelline-superstay-matte-ink-pioneer", "Maybelline", "Maybelline SuperStay Matte Ink Liquid Lipstick, Pioneer", "美宝莲 巨持久哑光染唇液 Pioneer", "12.99", "Budget 16-hour liquid lipstick.", colour="Pioneer (red)", finish="matte"),
        _makeup(LIPSTICK, "makeup-estee-lauder-pure-color-matte-333", "Estée Lauder", "Estée Lauder Pure Color Matte Lipstick, 333 Persuasive", "雅诗兰黛 倾慕哑光唇膏 333", "42.00", "Creamy matte lipstick.", colour="333 Persuasive (brick red)", finish="matte"),
        _makeup(MASCARA, "makeup-maybelline-sky-high-mascara-black", "Maybelline", "Maybelline Lash Sensational Sky High Mascara, Blackest Black", "美宝莲 Sky High 飞箭睫毛膏 黑色", "13.99", "Budget lengthening mascara.", colour="Blackest Black", finish="lengthening", waterproof=False),
        _makeup(MASCARA, "makeup-lancome-lash-idole-black", "Lancôme", "Lancôme Lash Idôle Lash-Lifting Mascara, Black", "兰蔻 Lash Idôle 纤长卷翘睫毛膏 黑色", "29.00", "Lifting and lengthening mascara.", colour="Black", finish="lifting", waterproof=False),
        _makeup(MASCARA, "makeup-dior-diorshow-iconic-overcurl-black", "Dior", "Dior Diorshow Iconic Overcurl Mascara, Black", "迪奥 Diorshow 惊艳卷翘睫毛膏 黑色", "33.00", "Curling volume mascara.", colour="Black", finish="curling", waterproof=False),
        _makeup(BRUSHES, "makeup-mac-170-rounded-slant-brush", "MAC", "MAC 170 Synthetic Rounded Slant Brush", "魅可 MAC 170 斜角粉底刷", "42.00", "Dense brush for liquid and cream foundation.", material="synthetic", use="foundation"),
        _makeup(BRUSHES, "makeup-real-techniques-everyday-essentials-set", "Real Techniques", "Real Techniques Everyday Essentials Makeup Brush Set", "Real Techniques 日常基础化妆刷套装", "19.99", "Set with sponge and four brushes.", material="synthetic", use="foundation, blush, concealer"),
        _makeup(BRUSHES, "makeup-shiseido-daiya-fude-face-duo", "Shiseido", "Shiseido DAIYA FUDE Face Duo Brush", "资生堂 DAIYA FUDE 双头化妆刷", "32.00", "Double-ended brush for foundation and powder.", material="synthetic", use="foundation, powder"),
        _fragrance("fragrance-chanel-coco-mademoiselle-edp-100ml", "Chanel", "Chanel Coco Mademoiselle Eau de Parfum, 100ml", "香奈儿 可可小姐 淡香精 100ml", "women", "EDP", 100, ["orange", "rose", "patchouli"], "182.00", "Fresh oriental fragrance."),
        _fragrance("fragrance-chanel-no5-edp-100ml", "Chanel", "Chanel N°5 Eau de Parfum, 100ml", "香奈儿 五号香水 N°5 淡香精 100ml", "women", "EDP", 100, ["aldehydes", "rose", "jasmine", "vanilla"], "182.00", "Classic floral aldehyde."),
        _fragrance("fragrance-dior-miss-dior-edp-100ml", "Dior", "Dior Miss Dior Eau de Parfum, 100ml", "迪奥 Miss Dior 花漾淡香精 100ml", "women", "EDP", 100, ["lily of the valley", "rose", "musk"], "165.00", "Floral fragrance."),
        _fragrance("fragrance-lancome-la-vie-est-belle-edp-100ml", "Lancôme", "Lancôme La Vie Est Belle Eau de Parfum, 100ml", "兰蔻 美丽人生 香水 100ml", "women", "EDP", 100, ["iris", "praline", "vanilla"], "145.00", "Gourmand floral fragrance."),
        _fragrance("fragrance-lancome-idole-edp-50ml", "Lancôme", "Lancôme Idôle Eau de Parfum, 50ml", "兰蔻 IDÔLE 唯我香水 50ml", "women", "EDP", 50, ["pear", "rose", "jasmine", "white musk"], "120.00", "Clean rose fragrance."),
        _fragrance("fragrance-jo-malone-english-pear-freesia-100ml", "Jo Malone", "Jo Malone London English Pear & Freesia Cologne, 100ml", "祖玛珑 英国梨与小苍兰 香水 100ml", "unisex", "cologne", 100, ["pear", "freesia", "patchouli"], "170.00", "Light fruity floral; layerable."),
        _fragrance("fragrance-dior-sauvage-edt-100ml", "Dior", "Dior Sauvage Eau de Toilette, 100ml", "迪奥 旷野男士淡香水 100ml", "men", "EDT", 100, ["bergamot", "Sichuan pepper", "ambroxan"], "130.00", "Fresh spicy fragrance."),
        _fragrance("fragrance-dior-sauvage-edp-100ml", "Dior", "Dior Sauvage Eau de Parfum, 100ml", "迪奥 旷野男士香水 淡香精 100ml", "men", "EDP", 100, ["bergamot", "nutmeg", "vanilla"], "150.00", "Warmer, ambery version of Sauvage."),
        _fragrance("fragrance-chanel-bleu-de-chanel-edp-100ml", "Chanel", "Bleu de Chanel Eau de Parfum, 100ml", "香奈儿 蔚蓝男士淡香精 100ml", "men", "EDP", 100, ["grapefruit", "incense", "sandalwood"], "165.00", "Woody aromatic fragrance."),
        _fragrance("fragrance-chanel-allure-homme-sport-edt-100ml", "Chanel", "Chanel Allure Homme Sport Eau de Toilette, 100ml", "香奈儿 魅力男士运动淡香水 100ml", "men", "EDT", 100, ["orange", "sea notes", "cedar", "musk"], "135.00", "Fresh sporty fragrance."),
        _fragrance("fragrance-jo-malone-wood-sage-sea-salt-100ml", "Jo Malone", "Jo Malone London Wood Sage & Sea Salt Cologne, 100ml", "祖玛珑 鼠尾草与海盐 香水 100ml", "unisex", "cologne", 100, ["ambrette seed", "sea salt", "sage"], "170.00", "Mineral woody fragrance; worn by men and women.", category=MEN),
        _fragrance("fragrance-armani-acqua-di-gio-edp-75ml", "Giorgio Armani", "Giorgio Armani Acqua di Giò Eau de Parfum, 75ml", "阿玛尼 寄情水男士香水 75ml", "men", "EDP", 75, ["green mandarin", "clary sage", "vetiver"], "120.00", "Aquatic aromatic fragrance."),
    ]
    # fmt: on


def products() -> list[Product]:
    """Skincare, then makeup and fragrance."""
    return _skincare() + _makeup_and_fragrance()
