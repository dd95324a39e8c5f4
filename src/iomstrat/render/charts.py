"""The report's charts, drawn by matplotlib as inline SVG: text as paths (no font to fetch),
hatching as well as colour so that they read in grey scale and in print."""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape
from typing import Any

import matplotlib

matplotlib.use("svg")

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from iomstrat.render.numbers import figure
from iomstrat.results.briefing import Allocation, SchedulePoint, YearFigures
from iomstrat.results.budget import BudgetTable

# Colour-blind safe (Okabe-Ito) and of distinct lightness; each series also has its own hatch.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
HATCHES = ("//", "..", "xx", "\\\\", "oo", "++", "--")
WIDTH_IN = 7.0
MAX_BARS = 20
HEIGHT_IN = 3.4

RC: dict[str, Any] = {
    "svg.fonttype": "path",  # glyphs as paths: the page never fetches a font
    "font.family": "DejaVu Sans",  # shipped with matplotlib
    "font.size": 9,
    "hatch.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}

_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|href="#)([^")]+)')


def _number(locale: str) -> FuncFormatter:
    def tick(value: float, _pos: int) -> str:
        return figure(Decimal(str(round(float(value), 6))), locale)

    return FuncFormatter(tick)


def _text(text: str, width: int = 38) -> str:
    """Text from the file as a chart label: wrapped, and never read as mathtext ($) or as a
    label matplotlib hides (leading underscore)."""
    text = "\n".join(textwrap.wrap(text, width)) or text
    text = text.replace("$", r"\$")
    return " " + text if text.startswith("_") else text


def _svg(fig: Figure, key: str, label: str) -> str:
    """The figure as an <svg> element for inlining: ids made unique to this chart, no XML
    prologue, an accessible name, and sized by the page's CSS."""
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = out.getvalue()
    text = text[text.index("<svg") :]
    text = _ID.sub(lambda m: f'id="{key}-{m.group(1)}"', text)
    text = _REF.sub(lambda m: f"{m.group(1)}{key}-{m.group(2)}", text)
    opening = f'<svg class="chart" role="img" aria-label="{escape(label, quote=True)}" '
    return text.replace("<svg ", opening, 1)


def _draw(key: str, label: str, paint: Callable[[Any], None], height: float = HEIGHT_IN) -> str:
    # The salt makes clip-path and hatch ids reproducible from run to run.
    settings: Any = {**RC, "svg.hashsalt": key}
    with matplotlib.rc_context(settings):
        fig = Figure(figsize=(WIDTH_IN, height), layout="constrained")
        paint(fig.add_subplot())
        return _svg(fig, key, label)


def _bar_style(index: int) -> dict[str, Any]:
    return {
        "color": COLOURS[index % len(COLOURS)],
        "hatch": HATCHES[index % len(HATCHES)],
        "edgecolor": "#222222",
        "linewidth": 0.6,
    }


def _finish(ax: Any, locale: str, ylabel: str, *, legend_cols: int = 2) -> None:
    ax.yaxis.set_major_formatter(_number(locale))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=False))
    ax.set_ylabel(ylabel)
    ax.grid(axis="y", color="#bbbbbb", linewidth=0.5)
    ax.set_axisbelow(True)
    # Below the plot, so that every chart spans the page's width whatever its labels.
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), frameon=False, ncols=legend_cols)


def budget_by_line(
    table: BudgetTable, locale: str, ylabel: str, title: str, *, key: str = ""
) -> str:
    """Stacked bars: each budget line's amount per year, the year's total above its bar."""
    years = [h.year for h in table.years]
    lines = [r for r in table.rows if r.kind == "line"]

    def paint(ax: Any) -> None:
        bottoms = [0.0] * len(years)
        for index, row in enumerate(lines):
            heights = [float(row.amounts[y]) for y in years]
            ax.bar(
                [str(y) for y in years],
                heights,
                bottom=bottoms,
                label=_text(f"{row.label} {row.name}".strip(), 50),
                **_bar_style(index),
            )
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        totals = [sum((r.amounts[y] for r in lines), Decimal(0)) for y in years]
        for x, (top, total) in enumerate(zip(bottoms, totals, strict=True)):
            ax.annotate(
                figure(total, locale), (x, top), ha="center", va="bottom", xytext=(0, 2),
                textcoords="offset points", fontweight="bold",
            )  # fmt: skip
        ax.margins(y=0.12)
        _finish(ax, locale, ylabel)

    return _draw(f"{key}budget", title, paint)


def money_by_year(
    years: Sequence[YearFigures],
    locale: str,
    ylabel: str,
    title: str,
    names: dict[str, str],
    *,
    per_unit: Decimal = Decimal(1),
    key: str = "",
) -> str:
    """Grouped bars planned / approved / disbursed / remaining per year: the remaining balance
    is a bar of its year too, not a line (the years' balances are no trend); amounts divided
    by `per_unit` (currency units per unit of the axis)."""
    labels = [str(y.year) for y in years]
    series = [
        (names["planned"], [float(y.planned / per_unit) for y in years]),
        (names["approved"], [float((y.approved or 0) / per_unit) for y in years]),
        (names["disbursed"], [float(y.disbursed / per_unit) for y in years]),
        (names["remaining"], [float(y.remaining / per_unit) for y in years]),
    ]
    width = 0.2

    def paint(ax: Any) -> None:
        for index, (name, values) in enumerate(series):
            offsets = [x + (index - 1.5) * width for x in range(len(years))]
            ax.bar(offsets, values, width=width, label=name, **_bar_style(index))
        ax.set_xticks(range(len(years)), labels)
        if all(v >= 0 for _, values in series for v in values):  # else overspent: show below 0
            ax.set_ylim(bottom=0)
        ax.margins(y=0.1)
        _finish(ax, locale, ylabel, legend_cols=4)

    return _draw(f"{key}years", title, paint)


def cumulative_disbursement(
    points: Sequence[SchedulePoint],
    locale: str,
    ylabel: str,
    title: str,
    names: dict[str, str],
    *,
    per_unit: Decimal = Decimal(1),
    key: str = "",
    labels: Sequence[str] | None = None,
) -> str:
    """Cumulative disbursement made against the schedule, quarter by quarter; the line of
    payments stops at the report's date. `labels` name the quarters (default Q1 2023 …)."""
    if labels is None:
        labels = [f"Q{p.quarter}\n{p.year}" if p.quarter == 1 else f"Q{p.quarter}" for p in points]
    scheduled = [float(p.cumulative_scheduled / per_unit) for p in points]
    made = [
        float(p.cumulative_disbursed / per_unit)
        for p in points
        if p.cumulative_disbursed is not None
    ]

    def paint(ax: Any) -> None:
        x = list(range(len(points)))
        ax.plot(
            x, scheduled, color=COLOURS[0], linestyle="--", marker="o", markersize=4,
            linewidth=1.5, label=names["scheduled"],
        )  # fmt: skip
        known = x[: len(made)]
        ax.plot(
            known, made, color="#000000", linestyle="-", marker="s", markersize=4, linewidth=2,
            label=names["disbursed"],
        )  # fmt: skip
        ax.fill_between(
            known, made, scheduled[: len(made)], facecolor="none", edgecolor="#888888",
            hatch="//", linewidth=0, label=names["gap"],
        )  # fmt: skip
        ax.set_xticks(x, labels)
        ax.set_ylim(bottom=0)
        ax.margins(y=0.1)
        _finish(ax, locale, ylabel, legend_cols=3)

    return _draw(f"{key}schedule", title, paint)


def allocations_by_recipient(
    allocations: Sequence[Allocation],
    locale: str,
    xlabel: str,
    title: str,
    *,
    per_unit: Decimal = Decimal(1),
    others: str = "Others ({})",
    key: str = "",
) -> str:
    """Horizontal bars: soft-earmarked allocations by country or region, largest first; past
    MAX_BARS the smallest share one bar (the table beside the chart lists them all)."""
    ordered = sorted(allocations, key=lambda a: (-a.amount, a.recipient))
    if len(ordered) > MAX_BARS:
        rest = ordered[MAX_BARS - 1 :]
        total = sum((a.amount for a in rest), Decimal(0))
        ordered = [*ordered[: MAX_BARS - 1], Allocation(others.format(len(rest)), "", total)]

    def paint(ax: Any) -> None:
        names = [_text(a.recipient, 30) for a in ordered]
        amounts = [a.amount / per_unit for a in ordered]
        bars = ax.barh(names, [float(a) for a in amounts], **_bar_style(1))
        for bar, amount in zip(bars, amounts, strict=True):
            ax.annotate(
                figure(amount, locale), (bar.get_width(), bar.get_y() + 0.4),
                xytext=(3, 0), textcoords="offset points", va="center",
            )  # fmt: skip
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(_number(locale))
        ax.set_xlabel(xlabel)
        ax.margins(x=0.15)
        ax.grid(axis="x", color="#bbbbbb", linewidth=0.5)
        ax.set_axisbelow(True)

    return _draw(f"{key}allocations", title, paint, height=1.2 + 0.32 * len(ordered))
