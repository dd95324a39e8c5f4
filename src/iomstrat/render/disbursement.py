"""Disbursement reports and the portfolio as a Rich table, JSON, CSV or Markdown."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from iomstrat.render.completeness import banner, csv_mark, json_mark
from iomstrat.render.formats import DisbursementFormat
from iomstrat.render.numbers import figure, plain, rounded
from iomstrat.render.tabular import (
    LONG_TABLE,
    CsvStyle,
    fit,
    framed_rows,
    md_cell,
    md_table,
    progress_text,
    stacked,
    to_text,
)
from iomstrat.render.words import date, quarter, word
from iomstrat.results.completeness import COMPLETE, Completeness

if TYPE_CHECKING:  # annotations only: `validate` loads this module for the enum, not the reports
    from iomstrat.results.disbursement import (
        DialoguePeriodRow,
        DisbursementReport,
        DisbursementRow,
        Figures,
        Portfolio,
        PortfolioRow,
        PriorityRow,
    )


FIGURE_COLUMNS = (
    "planned",
    "approved",
    "allocated",
    "unallocated",
    "disbursed",
    "remaining",
    "rate",
    "scheduled",
    "variance",
    "forecast",
)
TABLE_COLUMNS = tuple(c for c in FIGURE_COLUMNS if c != "scheduled")
"""The table leaves out `scheduled` (variance says how far from it); JSON and CSV have it."""
FULL_WIDTH = 180
"""The figures' table where no terminal says its width: ten columns of figures, a bar and the
line's name, each whole."""
EMPTY = "—"
ON_PLAN = "*"
"""The mark of an unallocated figure measured (wholly or partly) against the plan."""


def _whole(value: Decimal | None, locale: str) -> str:
    """Table figures in whole currency units; exact values are in JSON and CSV."""
    if value is None:
        return EMPTY
    return figure(value.quantize(Decimal(1)), locale)


def _percent(value: Decimal | None, locale: str) -> str:
    if value is None:
        return EMPTY
    return rounded(value * 100, 1, locale)


def subtitle(report: DisbursementReport, locale: str) -> str:
    return word("disbursement_title", locale).format(
        date=date(report.as_of, locale),
        by=word(f"by_{report.by}", locale),
        currency=report.currency,
    )


def _title(report: DisbursementReport, locale: str) -> str:
    return f"{report.title}\n{subtitle(report, locale)}"


def portfolio_title(combined: Portfolio, locale: str) -> str:
    return word("portfolio_title", locale).format(
        count=len(combined.files), date=date(combined.as_of, locale), currency=combined.currency
    )


def nothing_recorded(report: DisbursementReport, locale: str) -> str:
    return word("nothing_recorded", locale).format(file=report.file)


def notes(report: DisbursementReport, locale: str) -> list[str]:
    """The report's notes for people: how figures were converted, then the engine's own."""
    said = list(report.notes)
    c = report.conversion
    if c is not None:
        rate = rounded(c.rate, 6, locale)
        said.insert(
            0,
            word("conversion", locale).format(
                date=date(c.on, locale), source=c.source, target=c.target, rate=rate
            ),
        )
    if any(on_plan(row.figures) for row in report.rows) or any(
        p.basis_kind == "planned" for p in report.dialogue_periods
    ):
        said.append(word("unallocated_note", locale))
    return said


def on_plan(figures: Figures) -> bool:
    """Whether the row's unallocated figure rests, wholly or partly, on a year's plan."""
    return figures.unallocated_basis in ("planned", "mixed")


def basis_word(kind: str | None, locale: str) -> str:
    """What an unallocated figure is measured against, in words; "" where there is none."""
    return word(f"basis_{kind}", locale) if kind else ""


def row_label(row: DisbursementRow, locale: str) -> str:
    """A row's name in `locale`: a line's from the file, the others from their kind, year
    and quarter."""
    if row.kind == "subtotal" and row.year is not None:
        return word("total_year", locale).format(row.year)
    if row.kind == "total":
        return word("total_year", locale).format(row.key) if row.key else word("total", locale)
    if row.quarter is not None and row.year is not None:
        return quarter(row.year, row.quarter, locale)
    return row.label or str(row.year or "")


def _row_label(row: DisbursementRow, by: str, locale: str) -> str:
    if by == "line" and row.kind == "line":
        year = row.year if row.year is not None else word("period", locale)
        return f"{year}  {row_label(row, locale)}"
    return row_label(row, locale)


def priority_label(row: PriorityRow, locale: str) -> str:
    """A priority or place row's name in `locale`; the engine's keys say which rows are its
    own."""
    from iomstrat.engine.disbursement import NO_AREA, NOT_LINKED  # here: validate needs none

    if row.kind == "total":
        return word("total", locale)
    if row.kind == "subtotal" and row.year is not None:
        return word("total_year", locale).format(row.year)
    if row.kind == "region":  # a continent's total in the view by place
        return word("total_region", locale).format(row.label or word("unknown_place", locale))
    own = {NO_AREA: "no_priority_area", NOT_LINKED: "not_linked"}
    return word(own[row.key], locale) if row.key in own else row.label


def heading(column: str, locale: str) -> str:
    return word(column, locale)


def _figure_cell(figures: Figures, column: str, locale: str) -> str:
    if column == "rate":
        return _percent(figures.rate, locale)
    text = _whole(getattr(figures, column), locale)
    if column == "unallocated" and on_plan(figures):
        return text + ON_PLAN
    return text


def _figure_cells(row: DisbursementRow, locale: str) -> list[str]:
    return [_figure_cell(row.figures, c, locale) for c in TABLE_COLUMNS]


DIALOGUE_HEADINGS = (
    "line",
    "dialogue_period",
    "year_basis",
    "allocated_in_period",
    "unallocated_after",
)


def dialogue_title(report: DisbursementReport, locale: str) -> str:
    return f"{report.title}\n{word('dialogue_periods_title', locale)} ({report.currency})"


def _dialogue_cells(row: DialoguePeriodRow, locale: str) -> list[str]:
    mark = ON_PLAN if row.basis_kind == "planned" else ""
    return [
        row.label or row.line,
        row.period,
        _whole(row.basis, locale) + mark,
        _whole(row.allocated, locale),
        _whole(row.unallocated, locale) + mark,
    ]


def _dialogue_table(report: DisbursementReport, locale: str, *, compact: bool = False) -> Any:
    grid = _table(title=dialogue_title(report, locale), compact=compact)
    for key in DIALOGUE_HEADINGS:
        numeric = key not in ("line", "dialogue_period")
        grid.add_column(
            word(key, locale),
            justify="right" if numeric else "left",
            no_wrap=numeric,
            overflow="fold",
        )
    rows = report.dialogue_periods
    for row, after in zip(rows, (*rows[1:], None), strict=True):
        year_ends = after is None or (after.line, after.year) != (row.line, row.year)
        grid.add_row(*_dialogue_cells(row, locale), end_section=year_ends)
    return grid


def _dialogue_stacked(report: DisbursementReport, locale: str, width: int) -> Any:
    headers = [word(k, locale) for k in DIALOGUE_HEADINGS]
    rows = [(_dialogue_cells(r, locale), False) for r in report.dialogue_periods]
    return stacked(dialogue_title(report, locale), headers, rows, width=width)


def _table(**options: Any) -> Any:
    """A Rich table; `compact` drops the frame and the padding at its edges."""
    from rich import box
    from rich.table import Table

    compact = options.pop("compact", False)
    return Table(
        box=None if compact else box.HEAVY_HEAD,
        show_edge=not compact,
        pad_edge=not compact,
        **options,
    )


def _report_grid(
    report: DisbursementReport,
    locale: str,
    *,
    compact: bool,
    only: Sequence[int] | None = None,
) -> Any:
    """Lines (or years, quarters) with their figures; the full layout adds a progress bar.
    `only`: these rows alone (the rows `framed_rows` has Rich lay out)."""
    from rich.progress_bar import ProgressBar

    caption = "\n".join(notes(report, locale)) or None
    grid = _table(title=_title(report, locale), caption=caption, compact=compact)
    first = word("line_year" if report.by == "line" else f"by_{report.by}", locale)
    grid.add_column(first.capitalize(), no_wrap=True, overflow="ellipsis", max_width=30)
    for column in TABLE_COLUMNS:
        grid.add_column(heading(column, locale), justify="right", no_wrap=True)
        if column == "rate" and not compact:
            grid.add_column(word("progress", locale), no_wrap=True)
    for row in report.rows if only is None else [report.rows[i] for i in only]:
        cells: list[Any] = _figure_cells(row, locale)
        if not compact:
            bar = ProgressBar(total=100, completed=_completed(row), width=BAR_WIDTH)
            cells.insert(TABLE_COLUMNS.index("rate") + 1, bar)
        grid.add_row(
            _row_label(row, report.by, locale),
            *cells,
            style="bold" if row.kind != "line" else None,
            end_section=row.kind != "line",
        )
    return grid


BAR_WIDTH = 12


def _completed(row: DisbursementRow) -> float:
    """The row's progress bar: per cent disbursed, at most 100."""
    rate = row.figures.rate if row.figures.rate is not None else Decimal(0)
    return float(min(rate, Decimal(1)) * 100)


def _long_report(report: DisbursementReport, locale: str, width: int = FULL_WIDTH) -> str:
    """The framed table of a long report without colour, written row by row in the widths
    Rich chooses (`framed_rows`): the same text as Rich's, in a fraction of the time; Rich's
    own where a cell needs more than padding."""
    bar_at = TABLE_COLUMNS.index("rate") + 1
    cells = []
    for row in report.rows:
        figures = _figure_cells(row, locale)
        figures.insert(bar_at, progress_text(_completed(row), BAR_WIDTH))
        cells.append([_row_label(row, report.by, locale), *figures])
    right = [False, *(i != bar_at for i in range(len(TABLE_COLUMNS) + 1))]
    written = framed_rows(
        lambda rows: _report_grid(report, locale, compact=False, only=rows),
        cells,
        right,
        [row.kind != "line" for row in report.rows],
        width=width,
    )
    if written is not None:
        return written
    return to_text(_report_grid(report, locale, compact=False), width=width, color=False)


def _report_stacked(report: DisbursementReport, locale: str, width: int) -> Any:
    headers = ["", *(heading(c, locale) for c in TABLE_COLUMNS)]
    rows = [
        ([_row_label(row, report.by, locale), *_figure_cells(row, locale)], row.kind != "line")
        for row in report.rows
    ]
    title = "\n".join([_title(report, locale), *notes(report, locale)])
    return stacked(title, headers, rows, width=width)


def _priority_cells(row: PriorityRow, locale: str) -> list[str]:
    return [
        str(row.year) if row.year is not None else "",
        priority_label(row, locale),
        _whole(row.allocated, locale),
        _whole(row.disbursed, locale),
        str(row.items),
    ]


PRIORITY_HEADINGS = ("year", "priority_area", "allocated", "disbursed", "allocations")
GROUPED = ("priority", "place")
"""Views of the allocations and the payments naming them: per priority area, per place."""


def group_headings(by: str) -> tuple[str, ...]:
    """The grouped view's column keys: its second names the group (priority area or place)."""
    return ("year", "place" if by == "place" else "priority_area", *PRIORITY_HEADINGS[2:])


def _priority_table(report: DisbursementReport, locale: str, *, compact: bool = False) -> Any:
    caption = "\n".join(notes(report, locale)) or None
    grid = _table(title=_title(report, locale), caption=caption, compact=compact)
    grid.add_column(word("year", locale), no_wrap=True)
    grid.add_column(word(group_headings(report.by)[1], locale), ratio=1, overflow="fold")
    for key in PRIORITY_HEADINGS[2:]:
        grid.add_column(word(key, locale), justify="right", no_wrap=True)
    for row in report.priority_rows:
        grid.add_row(*_priority_cells(row, locale), style="bold" if row.kind != "line" else None)
    return grid


def _priority_stacked(report: DisbursementReport, locale: str, width: int) -> Any:
    headers = [word(k, locale) for k in group_headings(report.by)]
    rows = [(_priority_cells(r, locale)[1:], r.kind != "line") for r in report.priority_rows]
    return stacked(_title(report, locale), headers[1:], rows, width=width)


PORTFOLIO_HEADINGS = (
    "finance_act_code",
    "year",
    "planned",
    "approved",
    "allocated",
    "disbursed",
    "remaining",
    "files",
)


def portfolio_code(row: PortfolioRow, locale: str) -> str:
    """The row's Finance Act code, or words for the rows of every code together (the engine's
    empty code, which JSON and CSV keep)."""
    return row.finance_act_code or word("all_codes", locale)


def _portfolio_cells(row: PortfolioRow, locale: str) -> list[str]:
    return [
        portfolio_code(row, locale),
        str(row.year) if row.year is not None else word("total", locale),
        _whole(row.planned, locale),
        _whole(row.approved, locale),
        _whole(row.allocated, locale),
        _whole(row.disbursed, locale),
        _whole(row.remaining, locale),
        str(row.files),
    ]


def _portfolio_table(combined: Portfolio, locale: str, *, compact: bool = False) -> Any:
    grid = _table(title=portfolio_title(combined, locale), compact=compact)
    for key in PORTFOLIO_HEADINGS:
        grid.add_column(word(key, locale), justify="left" if key == "finance_act_code" else "right")
    for row in combined.rows:
        grid.add_row(
            *_portfolio_cells(row, locale),
            style="bold" if row.year is None else None,
            end_section=row.year is None,
        )
    return grid


def _portfolio_stacked(combined: Portfolio, locale: str, width: int) -> Any:
    headers = [word(k, locale) for k in PORTFOLIO_HEADINGS]
    rows = [(_portfolio_cells(r, locale), r.year is None) for r in combined.rows]
    return stacked(portfolio_title(combined, locale), headers, rows, width=width)


def render_table(
    reports: Sequence[DisbursementReport],
    combined: Portfolio | None,
    locale: str,
    *,
    color: bool,
    width: int | None = None,
    completeness: Completeness = COMPLETE,
) -> str:
    """Each report at the terminal's `width`: framed with progress bars, then compact, then
    stacked, whichever first shows every figure whole; `width` None: framed at 160 columns.
    Figures that are not complete come under a banner saying what was left out."""
    from rich.text import Text

    parts: list[str] = []
    if not completeness.complete:
        parts.append(
            to_text(
                Text(banner(completeness, locale), style="bold red"),
                width=width or 160,
                color=color,
            )
        )

    def show(grid: Any, stack: Any, full_width: int = 160) -> None:
        parts.append(fit(grid, stack, width=width, full_width=full_width, color=color))

    narrow = width or 160
    for report in reports:
        if report.nothing_recorded:
            parts.append(
                to_text(
                    Text(nothing_recorded(report, locale), style="bold"), width=narrow, color=color
                )
            )
        if report.by in GROUPED:
            show(
                lambda compact, r=report: _priority_table(r, locale, compact=compact),
                lambda columns, r=report: _priority_stacked(r, locale, columns),
            )
        elif width is None and not color and len(report.rows) >= LONG_TABLE:
            parts.append(_long_report(report, locale))
        else:
            show(
                lambda compact, r=report: _report_grid(r, locale, compact=compact),
                lambda columns, r=report: _report_stacked(r, locale, columns),
                FULL_WIDTH,
            )
        if report.dialogue_periods:
            show(
                lambda compact, r=report: _dialogue_table(r, locale, compact=compact),
                lambda columns, r=report: _dialogue_stacked(r, locale, columns),
            )
    if combined is not None:
        show(
            lambda compact: _portfolio_table(combined, locale, compact=compact),
            lambda columns: _portfolio_stacked(combined, locale, columns),
        )
    return "".join(parts)


def _exact(value: Decimal | None) -> str | None:
    return None if value is None else plain(value)


def _row_data(row: DisbursementRow, locale: str) -> dict[str, Any]:
    return {
        "key": row.key,
        "label": row_label(row, locale),
        "kind": row.kind,
        "year": row.year,
        **{column: _exact(getattr(row.figures, column)) for column in FIGURE_COLUMNS},
        "unallocated_basis": row.figures.unallocated_basis,
    }


def _dialogue_data(row: DialoguePeriodRow) -> dict[str, Any]:
    return {
        "line": row.line,
        "label": row.label,
        "year": row.year,
        "period": row.period,
        "basis": plain(row.basis),
        "basis_kind": row.basis_kind,
        "allocated": plain(row.allocated),
        "unallocated": plain(row.unallocated),
    }


def _priority_data(row: PriorityRow, locale: str) -> dict[str, Any]:
    return {
        "key": row.key,
        "label": priority_label(row, locale),
        "kind": row.kind,
        "year": row.year,  # null for the period's total, as in the other rows
        "allocated": plain(row.allocated),
        "disbursed": plain(row.disbursed),
        "items": row.items,
    }


def as_data(
    reports: Sequence[DisbursementReport],
    combined: Portfolio | None,
    locale: str = "en",
    completeness: Completeness = COMPLETE,
) -> dict[str, Any]:
    """Plain data for JSON: amounts as strings holding exact decimals; `complete` first (and
    the findings that make the figures incomplete)."""
    return {
        **json_mark(completeness),
        "reports": [
            {
                "file": r.file,
                "title": r.title,
                "currency": r.currency,
                "as_of": r.as_of.isoformat(),
                "by": r.by,
                "nothing_recorded": r.nothing_recorded,
                "payments": r.payments,
                "allocations": r.allocations,
                "rows": [_row_data(row, locale) for row in r.rows],
                ("places" if r.by == "place" else "priority_areas"): [
                    _priority_data(row, locale) for row in r.priority_rows
                ],
                "dialogue_periods": [_dialogue_data(p) for p in r.dialogue_periods],
                "notes": notes(r, locale),
            }
            for r in reports
        ],
        "portfolio": None
        if combined is None
        else {
            "currency": combined.currency,
            "as_of": combined.as_of.isoformat(),
            "files": list(combined.files),
            "rows": [
                {
                    "finance_act_code": row.finance_act_code,
                    "year": row.year,
                    "planned": plain(row.planned),
                    "approved": _exact(row.approved),
                    "allocated": _exact(row.allocated),
                    "disbursed": plain(row.disbursed),
                    "remaining": plain(row.remaining),
                    "files": row.files,
                }
                for row in combined.rows
            ],
        },
    }


def render_json(
    reports: Sequence[DisbursementReport],
    combined: Portfolio | None,
    locale: str = "en",
    completeness: Completeness = COMPLETE,
) -> str:
    import json  # here, not above: only JSON output needs it

    data = as_data(reports, combined, locale, completeness)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_HEADER = (
    "file",
    "section",
    "key",
    "label",
    "kind",
    "year",
    "currency",
    *FIGURE_COLUMNS,
    "unallocated_basis",
    "period",
    "items",
    "finance_act_code",
    "complete",
)


def render_csv(
    reports: Sequence[DisbursementReport],
    combined: Portfolio | None,
    locale: str = "en",
    completeness: Completeness = COMPLETE,
) -> str:
    """One table of exact figures: sections rows, priority and portfolio. ',' separated with
    '.' decimals in English; ';' separated with ',' decimals where the locale writes a decimal
    comma (Danish), so that a spreadsheet in that locale reads numbers. The last column,
    `complete`, is `true` on every row when every payment was read and accepted, else `false`."""
    style = CsvStyle(locale)
    out = io.StringIO()
    writer = style.dict_writer(out, CSV_HEADER)
    mark = csv_mark(completeness)

    def localised(row: dict[str, Any]) -> dict[str, Any]:
        row["complete"] = mark
        if not style.decimal_comma:
            return row
        return {
            k: v.replace(".", ",") if k in FIGURE_COLUMNS and isinstance(v, str) else v
            for k, v in row.items()
        }

    writer.writeheader()
    for r in reports:
        base = {"file": r.file, "currency": r.currency}
        for row in r.rows:
            writer.writerow(localised({**base, "section": "rows", **_row_data(row, locale)}))
        for p in r.priority_rows:
            section = "place" if r.by == "place" else "priority"
            writer.writerow(localised({**base, "section": section, **_priority_data(p, locale)}))
        for d in r.dialogue_periods:
            writer.writerow(
                localised(
                    {
                        **base,
                        "section": "dialogue_period",
                        "key": f"{d.line}/{d.period}",  # one row per line and period
                        "label": d.label,
                        "kind": "period",
                        "year": d.year,
                        "period": d.period,
                        d.basis_kind: plain(d.basis),  # the year's approved amount, else plan
                        "allocated": plain(d.allocated),
                        "unallocated": plain(d.unallocated),
                        "unallocated_basis": d.basis_kind,
                    }
                )
            )
    if combined is not None:
        for total in combined.rows:
            writer.writerow(
                localised(
                    {
                        "section": "portfolio",
                        "currency": combined.currency,
                        "key": total.finance_act_code,
                        "year": total.year if total.year is not None else "",
                        "planned": plain(total.planned),
                        "approved": _exact(total.approved) or "",
                        "allocated": _exact(total.allocated) or "",
                        "disbursed": plain(total.disbursed),
                        "remaining": plain(total.remaining),
                        "items": total.files,
                        "finance_act_code": total.finance_act_code,
                    }
                )
            )
    return out.getvalue()


def render_markdown(
    reports: Sequence[DisbursementReport],
    combined: Portfolio | None,
    locale: str,
    completeness: Completeness = COMPLETE,
) -> str:
    lines: list[str] = []
    if not completeness.complete:
        lines += [f"> **{md_cell(banner(completeness, locale))}**", ""]
    for r in reports:
        lines += [f"### {md_cell(r.title)}", "", md_cell(subtitle(r, locale)), ""]
        if r.nothing_recorded:
            lines += [f"_{md_cell(nothing_recorded(r, locale))}_", ""]
        if r.by in GROUPED:
            headers = [word(k, locale) for k in group_headings(r.by)]
            rows = [_priority_cells(p, locale) for p in r.priority_rows]
            lines += md_table(headers, rows, 2)
        else:
            first = word("line_year" if r.by == "line" else f"by_{r.by}", locale).capitalize()
            headers = [first, *(heading(c, locale) for c in TABLE_COLUMNS)]
            rows = []
            for row in r.rows:
                label = _row_label(row, r.by, locale)
                rows.append(
                    [f"**{label}**" if row.kind != "line" else label, *_figure_cells(row, locale)]
                )
            lines += md_table(headers, rows, 1)
        if r.dialogue_periods:
            title = word("dialogue_periods_title", locale)
            lines += ["", f"**{md_cell(title)}** ({r.currency})", ""]
            lines += md_table(
                [word(k, locale) for k in DIALOGUE_HEADINGS],
                [_dialogue_cells(d, locale) for d in r.dialogue_periods],
                2,
            )
        lines += ["", *(f"_{md_cell(n)}_" for n in notes(r, locale)), ""]
    if combined is not None:
        headers = [word(k, locale) for k in PORTFOLIO_HEADINGS]
        rows = [_portfolio_cells(t, locale) for t in combined.rows]
        lines += [
            f"### {md_cell(portfolio_title(combined, locale))}",
            "",
            *md_table(headers, rows, 1),
            "",
        ]
    return "\n".join(lines)


def render(
    reports: Sequence[DisbursementReport],
    combined: Portfolio | None,
    fmt: DisbursementFormat,
    locale: str = "en",
    *,
    color: bool = False,
    width: int | None = None,
    completeness: Completeness = COMPLETE,
) -> str:
    """The figures in `fmt`, marked when they are not `complete`."""
    if fmt is DisbursementFormat.table:
        return render_table(
            reports, combined, locale, color=color, width=width, completeness=completeness
        )
    if fmt is DisbursementFormat.json:
        return render_json(reports, combined, locale, completeness)
    if fmt is DisbursementFormat.csv:
        return render_csv(reports, combined, locale, completeness)
    if fmt is DisbursementFormat.xlsx:
        raise ValueError("xlsx is binary: use iomstrat.render.xlsx_disbursement")
    return render_markdown(reports, combined, locale, completeness)
