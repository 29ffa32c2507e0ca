"""`bundlewise experiments report --json --chart` on traffic stored through the API, and the chart."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.experiments.chart import render_html, render_svg
from assistant.experiments.traffic import run_traffic
from assistant.settings import get_settings
from pricing.simulation.market import MarketConfig
from pricing.simulation.shoppers import QuoteShoppers
from tests.assistant.experiments.conftest import CONTROL, NO_DISCOUNT, SIM_KEY, fake_shop

ARMS = [CONTROL, NO_DISCOUNT]


@pytest.fixture
def shop_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data dir holding 120 simulated shoppers' traffic, configured as the environment's experiment."""
    with fake_shop(tmp_path, ARMS) as shop:
        run_traffic(
            shop.client,
            shoppers=120,
            shopper_model=QuoteShoppers(config=MarketConfig(), seed=3),
            site_key=SIM_KEY,
        )
    monkeypatch.setenv("BUNDLEWISE_PATHS__DATA_DIR", str(tmp_path))
    monkeypatch.setenv("BUNDLEWISE_EXPERIMENTS__NAME", "pricing-test")
    monkeypatch.setenv("BUNDLEWISE_EXPERIMENTS__SALT", "pricing-test-salt")
    monkeypatch.setenv("BUNDLEWISE_EXPERIMENTS__ARMS", json.dumps(ARMS))
    get_settings.cache_clear()
    return tmp_path


def test_report_json_and_chart(shop_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chart = shop_dir / "report.svg"
    assert main(["experiments", "report", "--json", "--chart", str(chart)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [arm["arm"] for arm in report["arms"]] == ["control", "no_discount"]
    assert sum(arm["shoppers"] for arm in report["arms"]) == 120
    for arm in report["arms"]:
        for metric in ("conversion_rate", "average_order_value", "revenue_per_shopper", "profit_per_shopper"):
            assert set(arm[metric]) == {"estimate", "low", "high"}
    # each probability is printed to 4 decimals, so their sum is 1 within the rounding of two values
    assert sum(arm["probability_best_profit"] for arm in report["arms"]) == pytest.approx(1.0, abs=2e-4)
    assert set(report["sample_ratio"]) == {"p_value", "mismatch"}
    assert report["decision"]["alpha"] == 0.05
    assert any("minimum sample size" in warning for warning in report["warnings"])  # 120 is too few
    svg = ElementTree.parse(chart).getroot()  # well-formed SVG
    text = " ".join(node.text or "" for node in svg.iter())
    assert "control" in text and "no_discount" in text and "P(best)" in text and "Profit per shopper" in text


def test_report_without_an_experiment_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BUNDLEWISE_PATHS__DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    assert main(["experiments", "report", "--json"]) == 2
    assert "no experiment configured" in capsys.readouterr().err


def test_html_chart_wraps_the_svg(tmp_path: Path) -> None:
    with fake_shop(tmp_path, ARMS) as shop:
        run_traffic(shop.client, shoppers=30, shopper_model=QuoteShoppers(seed=4), site_key=SIM_KEY)
        report, _ = shop.report()
    page = render_html(report)
    assert page.startswith("<!doctype html>") and render_svg(report) in page and "<script" not in page
