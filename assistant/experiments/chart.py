"""The experiment report as a chart a merchant can read: one self-contained SVG (no plotting library),
optionally wrapped in an HTML page. Panels: conversion rate and profit per shopper, each arm's estimate
with its 95% interval, the probability it is best, and the verdict and warnings in words."""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from pricing.experiments import ArmSummary, ExperimentReport
from pricing.experiments.statistics import Interval

WIDTH = 760
ROW = 34
PALETTE = ("#2563eb", "#d97706", "#059669", "#db2777", "#7c3aed", "#0891b2")
_LABEL_X, _PLOT_X, _PLOT_W = 20, 170, 400

_Format = Callable[[float], str]


def render_svg(report: ExperimentReport) -> str:
    """The report's chart as an SVG document."""
    parts: list[str] = []
    y = 34
    parts.append(_text(_LABEL_X, y, f"Experiment “{report.experiment}”", size=18, weight="bold"))
    y += 24
    verdict = report.decision.winner
    headline = (
        f"Winner: {verdict} (profit per shopper, error rate {report.decision.alpha:.0%})"
        if verdict
        else f"No winner yet: {report.decision.reason}"
    )
    parts.append(_text(_LABEL_X, y, headline, size=14, fill="#065f46" if verdict else "#92400e"))
    y += 16
    currency = report.currency or ""
    panels: tuple[tuple[str, Callable[[ArmSummary], Interval], _Format], ...] = (
        ("Conversion rate (share of shoppers who bought)", _conversion, _percent),
        (f"Profit per shopper ({currency})" if currency else "Profit per shopper", _profit, _money),
    )
    for title, metric, fmt in panels:
        y += 30
        parts.append(_text(_LABEL_X, y, title, size=14, weight="bold"))
        parts.append(_text(_PLOT_X + _PLOT_W + 30, y, "P(best)", size=12, fill="#555"))
        y += 8
        intervals = [metric(arm) for arm in report.arms]
        low, high = _axis(intervals)
        for index, (arm, interval) in enumerate(zip(report.arms, intervals, strict=True)):
            y += ROW
            best = arm.probability_best_profit if "Profit" in title else arm.probability_best_conversion
            parts.extend(_row(arm, interval, index, y, low, high, fmt, best))
        y += 22
        parts.append(_axis_labels(y, low, high, fmt))
    y += 30
    srm = report.sample_ratio_p_value
    facts = [
        "Shoppers per arm: "
        + ", ".join(f"{a.arm} {a.shoppers}" for a in report.arms)
        + f" (sample-ratio check p = {srm:.3g}{', MISMATCH' if report.sample_ratio_mismatch else ''})",
        f"Needed per arm to detect the configured lift: {report.required_shoppers_per_arm}",
        *(f"Warning: {w}" for w in report.warnings),
    ]
    for line in facts:
        parts.append(
            _text(_LABEL_X, y, line, size=12, fill="#b91c1c" if line.startswith("Warning") else "#333")
        )
        y += 18
    height = y + 10
    body = "\n".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="Helvetica, Arial, sans-serif" role="img" '
        f'aria-label="Experiment report for {escape(report.experiment)}">\n'
        f'<rect width="100%" height="100%" fill="white"/>\n{body}\n</svg>\n'
    )


def render_html(report: ExperimentReport) -> str:
    """A self-contained HTML page holding the chart (opens in any browser, no scripts)."""
    title = escape(f"Experiment {report.experiment}")
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>\n'
        f'<body style="margin:24px">\n{render_svg(report)}</body></html>\n'
    )


def _row(
    arm: ArmSummary,
    interval: Interval,
    index: int,
    y: float,
    low: float,
    high: float,
    fmt: _Format,
    best: float,
) -> list[str]:
    colour = PALETTE[index % len(PALETTE)]
    x_low, x_high, x_mid = (_x(v, low, high) for v in (interval.low, interval.high, interval.estimate))
    return [
        _text(_LABEL_X, y + 4, arm.arm, size=13),
        f'<line x1="{_PLOT_X}" y1="{y}" x2="{_PLOT_X + _PLOT_W}" y2="{y}" stroke="#eee"/>',
        f'<line x1="{x_low:.1f}" y1="{y}" x2="{x_high:.1f}" y2="{y}" stroke="{colour}" stroke-width="3"/>',
        _cap(x_low, y, colour),
        _cap(x_high, y, colour),
        f'<circle cx="{x_mid:.1f}" cy="{y}" r="6" fill="{colour}"/>',
        _text(x_mid, y - 10, fmt(interval.estimate), size=11, anchor="middle", fill="#333"),
        _text(
            _PLOT_X + _PLOT_W + 30, y + 4, f"{best:.0%}", size=13, weight="bold" if best >= 0.95 else "normal"
        ),
    ]


def _cap(x: float, y: float, colour: str) -> str:
    return f'<line x1="{x:.1f}" y1="{y - 7}" x2="{x:.1f}" y2="{y + 7}" stroke="{colour}" stroke-width="2"/>'


def _conversion(arm: ArmSummary) -> Interval:
    return arm.conversion_rate


def _profit(arm: ArmSummary) -> Interval:
    return arm.profit_per_shopper


def _percent(value: float) -> str:
    return f"{value:.1%}"


def _money(value: float) -> str:
    return f"{value:,.2f}"


def _axis(intervals: list[Interval]) -> tuple[float, float]:
    finite = [v for i in intervals for v in (i.low, i.high, i.estimate) if math.isfinite(v)]
    low = min([0.0, *finite])
    high = max(finite, default=1.0)
    if high <= low:
        high = low + 1.0
    return low, high + (high - low) * 0.05


def _axis_labels(y: float, low: float, high: float, fmt: _Format) -> str:
    ticks = [low + (high - low) * step / 4 for step in range(5)]
    return "\n".join(_text(_x(t, low, high), y, fmt(t), size=10, anchor="middle", fill="#777") for t in ticks)


def _x(value: float, low: float, high: float) -> float:
    value = min(max(value, low), high) if math.isfinite(value) else (high if value > 0 else low)
    return _PLOT_X + (value - low) / (high - low) * _PLOT_W


def _text(
    x: float,
    y: float,
    content: str,
    *,
    size: int,
    weight: str = "normal",
    fill: str = "#111",
    anchor: str = "start",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-weight="{weight}" fill="{fill}" '
        f'text-anchor="{anchor}">{escape(content)}</text>'
    )
