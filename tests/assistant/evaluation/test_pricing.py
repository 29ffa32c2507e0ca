from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.components import open_catalog
from assistant.evaluation.pricing_data import demo_bundles, steam_bundles, uci_bundles
from assistant.settings import get_settings
from tests.conftest import shared_data


def test_demo_bundles_pair_anchors_with_fitting_accessories() -> None:
    bundles = demo_bundles(open_catalog(get_settings(), "demo"))
    assert len(bundles) > 50
    assert {len(bundle.draft.items) for bundle in bundles} == {2, 3, 4}
    first = bundles[0].draft.products
    assert "Smartphones" in (first[0].category or "")
    assert first[0].attributes["model"] in first[1].attributes["compatible_models"]
    assert all(p.cost is not None for bundle in bundles for p in bundle.draft.products)


def test_steam_file_is_parsed_with_publisher_discounts(tmp_path: Path) -> None:
    record = {
        "bundle_id": "1",
        "bundle_discount": "20%",
        "items": [
            {"item_id": "10", "item_name": "Foo", "genre": "Action, Indie", "discounted_price": "$9.99"},
            {
                "item_id": "11",
                "item_name": "Foo - Soundtrack",
                "genre": "Action",
                "discounted_price": "$1.99",
            },
        ],
    }
    broken = {"bundle_id": "2", "bundle_discount": "10%", "items": [{"discounted_price": "Free"}]}
    path = tmp_path / "bundles.json"
    path.write_text(json.dumps([record, broken]))
    (parsed,) = steam_bundles(path)
    assert parsed.publisher_discount == Decimal("0.2")
    assert parsed.bundle.draft.list_total == Decimal("11.98")
    assert parsed.bundle.draft.complementarity == 1.0  # same franchise
    assert parsed.bundle.draft.products[0].cost == Decimal("3.00")


def test_real_data_sets_load() -> None:
    steam = steam_bundles(shared_data("steam_bundles", "bundle_data.json"))
    assert len(steam) > 400
    uci = uci_bundles(shared_data("uci_online_retail"))
    assert len(uci) >= 40 and all(b.draft.products[0].currency == "GBP" for b in uci)


def test_cli_eval_pricing_on_the_demo_catalog(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    steam = tmp_path / "steam.json"
    items = [
        {"item_id": str(i), "item_name": f"Game{i}", "genre": "Indie", "discounted_price": f"${5 + i}.99"}
        for i in range(3)
    ]
    steam.write_text(
        json.dumps([{"bundle_id": str(b), "bundle_discount": "15%", "items": items} for b in range(5)])
    )
    code = main(
        ["eval", "pricing", "--data-dir", str(tmp_path), "--steam", str(steam), "--shoppers", "30", "--json"]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["datasets"]) == {"demo_catalog", "steam_bundles"}
    demo = report["datasets"]["demo_catalog"]
    assert set(demo["policies"]) >= {
        "separate",
        "fixed_10pct",
        "pure_bundling",
        "size_discount",
        "ours",
        "oracle",
    }
    assert demo["ours_over_oracle"] <= 1
    assert report["steam_realism"]["bundles"] == 5
    assert sum(bucket["publisher"] for bucket in report["steam_realism"]["histogram_pct"].values()) == 5


def test_cli_refuses_a_missing_steam_file(tmp_path: Path) -> None:
    assert main(["eval", "pricing", "--steam", str(tmp_path / "nope.json"), "--json"]) == 2
