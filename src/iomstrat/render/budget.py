"""The budget table as a Rich table, JSON, CSV or Markdown."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from iomstrat.render.completeness import banner, csv_mark, json_mark
from iomstrat.render.formats import BudgetFormat
from iomstrat.render.numbers import figure, plain
from iomstrat.render.tabular import CsvStyle, fit, md_cell, md_row, stacked
from iomstrat.render.words import unit as unit_words
from iomstrat.render.words import word
from iomstrat.results.completeness import COMPLETE, Completeness

if TYPE_CHECKING:  # annotations only: commands that print no budget do not build these classes
    from iomstrat.results.budget import (
        ApprovedLine,
        BudgetRow,
        BudgetTable,
        CoverFigures,
        YearHeading,
    )


def year_header(heading: YearHeading, locale: str) -> str:
    return word(f"head_{heading.status}", locale).format(heading.year)


def caption(table: BudgetTable, locale: str) -> str:
    return f"({unit_words(table.currency, table.unit, locale)})"


def footnote(table: BudgetTable, locale: str) -> str:
    """The file's own approval note, else the default one in the locale."""
    return table.footnote or word("default_footnote", locale)


def _any_decided(table: BudgetTable) -> bool:
    return any(h.status != "planned" for h in table.years)


def _approved_cells(table: BudgetTable, locale: str) -> list[str]:
    """The decided amount of each year; empty while a year is only planned."""
    amounts = [h.approved_amount for h in table.years]
    return ["" if amount is None else figure(amount, locale) for amount in amounts]


def _approved_line_cells(line: ApprovedLine, table: BudgetTable, locale: str) -> list[str]:
    """A line's approved amounts, shown where a year is reduced or withheld."""
    amounts = [line.amounts.get(h.year) for h in table.years]
    return ["" if amount is None else figure(amount, locale) for amount in amounts]


def approved_line_name(line: ApprovedLine, locale: str) -> str:
    return word("approved_line", locale).format(line.name)


def approved_rows(table: BudgetTable, locale: str) -> list[tuple[str, list[str]]]:
    """The rows under the plan once a year is decided: what parliament approved each year, and
    per line where a year is reduced or withheld; (name, a cell per year)."""
    rows = (
        [(word("approved_row", locale), _approved_cells(table, locale))]
        if _any_decided(table)
        else []
    )
    rows += [
        (approved_line_name(line, locale), _approved_line_cells(line, table, locale))
        for line in table.approved_lines
    ]
    return rows


def row_name(row: BudgetRow, locale: str) -> str:
    """A row's label and name; the grand total the file does not state and the total of a
    Finance Act code are named in `locale`."""
    if row.kind == "code":
        return word("total_code", locale).format(row.finance_act_code)
    return f"{row.label} {row.name}".strip() or word("total", locale)


def headers(table: BudgetTable, locale: str) -> list[str]:
    years = [h.year for h in table.years]
    return [
        caption(table, locale),
        word("finance_act_code", locale),
        *(year_header(h, locale) for h in table.years),
        word("total_years", locale).format(years[0], years[-1]),
    ]


APPORTIONED = "†"
"""The mark of a figure apportioned over the lines (a later version gives the year's total
only), in every format that prints figures as text; CSV and JSON say it in a column or key."""


def apportioned(table: BudgetTable, row: BudgetRow) -> frozenset[int]:
    """The years of `row` whose figure is apportioned, not printed: a line's, and a sum of
    lines (a subtotal, a Finance Act code's total) in a year a later version leaves unsplit.
    The stated total of the year is the version's own figure."""
    return table.apportioned_years if row.kind in ("line", "subtotal", "code") else frozenset()


def source(table: BudgetTable, row: BudgetRow) -> str:
    """How the row's figures were obtained, for CSV: `stated` or `apportioned` (some year)."""
    return "apportioned" if apportioned(table, row) else "stated"


def cells(table: BudgetTable, row: BudgetRow, locale: str) -> list[str]:
    """A row's name, code and figures; a figure a later version leaves unsplit is marked †."""
    marked = apportioned(table, row)
    return [
        row_name(row, locale),
        row.finance_act_code,
        *(figure(row.amounts[h.year], locale) + _mark(h.year in marked) for h in table.years),
        figure(row.total, locale) + _mark(bool(marked)),
    ]


def _mark(marked: bool) -> str:
    return APPORTIONED if marked else ""


_COVER_ROWS = {"commitment": "cover_commitment", "projected_disbursement": "cover_projected"}


def _fact(at: str, locale: str) -> str:
    """A changed fact's name for people: 'Commitment 2023', 'Financial officer'."""
    parts = at.split(".")
    if parts[0] == "cover" and len(parts) >= 3:
        name = word(_COVER_ROWS.get(parts[1], "cover_commitment"), locale)
        if parts[2] == "by_year":
            return f"{name} {parts[3]}"
        return f"{name}, {word('total', locale).lower()}"
    if parts[0] == "strategy" and len(parts) == 2:
        key = parts[1] if parts[1] in ("desk_officer", "financial_officer", "file_no") else None
        return word(key or f"fact_{parts[1]}", locale)
    return at


def _value(value: object, locale: str) -> str:
    from decimal import Decimal

    return figure(value, locale) if isinstance(value, Decimal) else str(value)


def printed_mark(marker: str | None) -> str:
    """The source's own footnote marker after a cover figure, in brackets (`[*]`), so that it
    is not read as one of the tool's marks (`*` planned or measured against plan, `†`
    apportioned)."""
    return f"[{marker}]" if marker else ""


def _cover_line(row: CoverFigures, locale: str) -> str:
    """'Commitment 90 / 90 / 70[¹], total 250[*]': a cover row as printed, with its markers."""
    years = " / ".join(
        figure(v, locale) + printed_mark(row.markers.get(str(y))) for y, v in row.by_year.items()
    )
    total = (
        f", {word('total', locale).lower()} {figure(row.total, locale)}"
        + printed_mark(row.markers.get("total"))
        if row.total is not None
        else ""
    )
    return f"{word(_COVER_ROWS[row.name], locale)} {years}{total}"


def cover_name(row: CoverFigures, locale: str) -> str:
    """A cover row's name as a row of a table: 'Cover table: Commitment'."""
    return f"{word('cover_table', locale)}: {word(_COVER_ROWS[row.name], locale)}"


def notes(table: BudgetTable, locale: str) -> list[str]:
    """The lines under `budget show`'s table: which version it shows (`version_notes`), else
    the file's cover as printed, which the budget lines must add up to (IOM103)."""
    if table.history is not None and table.history.shown is not None:
        return version_notes(table, locale)
    return [f"{word('cover_table', locale)}: {_cover_line(row, locale)}" for row in table.cover]


def version_notes(table: BudgetTable, locale: str) -> list[str]:
    """Which version the figures follow, the cover as that version prints it, what it changed
    from the file's version, and the years whose lines it does not give. None without versions."""
    history = table.history
    shown = history.shown if history else None
    if history is None or shown is None:
        return []
    earlier = history.transcribed or word("version_earlier", locale)
    reference = shown.reference + (
        ", " + word("version_dated", locale).format(date=shown.date.isoformat())
        if shown.date
        else ""
    )
    notes = [
        word("version_shown", locale).format(version=shown.id, name=shown.name, reference=reference)
    ]
    if shown.url:
        notes.append(shown.url)
    cover = word("cover_of", locale).format(version=shown.id)
    notes += [f"{cover}: {_cover_line(row, locale)}" for row in table.cover]
    notes.append(word("version_transcribed", locale).format(version=earlier))
    notes += [
        word("version_changed", locale).format(
            fact=_fact(c.at, locale),
            now=_value(c.now, locale),
            version=earlier,
            was=_value(c.was, locale),
        )
        for c in history.changes
    ]
    totals = {
        (y, c.version): c.now
        for c in history.changes
        for y in [c.at.rsplit(".", 1)[-1]]
        if c.at.startswith("cover.commitment.by_year.")
    }
    notes += [
        word("version_apportioned", locale).format(
            year=year,
            version=version,
            total=_value(totals.get((str(year), version), ""), locale),
            earlier=earlier,
        )
        for year, version in history.apportioned
    ]
    return notes


def _grid(table: BudgetTable, locale: str, *, compact: bool) -> Any:
    """The Rich table; `compact` drops the frame and the padding at the edges and lets names
    fold narrower, for a narrow terminal."""
    from rich import box
    from rich.table import Table

    title = f"{table.title}\n{table.funding_basis}".strip()
    grid = Table(
        title=title,
        caption=footnote(table, locale),
        caption_justify="left",
        box=None if compact else box.HEAVY_HEAD,
        show_edge=not compact,
        pad_edge=not compact,
    )
    names = headers(table, locale)
    if compact:
        names[1] = word("finance_act_code_short", locale)
    for index, header in enumerate(names):
        if index == 0:
            grid.add_column(header, ratio=1, min_width=12 if compact else 24, overflow="fold")
        else:
            header = "\n".join(header.rsplit(" ", 1)) if index > 1 else header
            grid.add_column(header, justify="left" if index == 1 else "right", no_wrap=True)
    for row in table.rows:
        style = "bold" if row.kind != "line" else None
        grid.add_row(*cells(table, row, locale), style=style, end_section=row.kind != "line")
    for name, shown in approved_rows(table, locale):
        grid.add_row(name, "", *shown, "", style="italic")
    return grid


def _stacked(table: BudgetTable, locale: str, width: int) -> Any:
    rows = [(cells(table, r, locale), r.kind != "line") for r in table.rows]
    rows += [([name, "", *shown, ""], False) for name, shown in approved_rows(table, locale)]
    title = "\n".join(t for t in (table.title, table.funding_basis, caption(table, locale)) if t)
    return stacked(title, headers(table, locale), rows, width=width)


def render_table(table: BudgetTable, locale: str, *, color: bool, width: int | None = None) -> str:
    """The table at the terminal's `width`: framed, then compact, then stacked, whichever first
    shows every figure whole; `width` None: the framed table at 120 columns, as when piped."""
    text = fit(
        lambda compact: _grid(table, locale, compact=compact),
        lambda columns: _stacked(table, locale, columns),
        width=width,
        full_width=120,
        color=color,
    )
    import textwrap

    columns = width or 120
    return text + "".join(
        textwrap.fill(note, columns, break_long_words=True, break_on_hyphens=False) + "\n"
        for note in notes(table, locale)
    )


def as_data(table: BudgetTable, locale: str = "en") -> dict[str, Any]:
    """Plain data for JSON: amounts as strings holding exact decimals."""
    return {
        "title": table.title,
        "currency": table.currency,
        "unit": table.unit,
        "funding_basis": table.funding_basis,
        "years": [
            {
                "year": h.year,
                "status": h.status,
                "approved_amount": None if h.approved_amount is None else plain(h.approved_amount),
            }
            for h in table.years
        ],
        "rows": [
            {
                "id": r.id,
                "label": r.label,
                "name": r.name or row_name(r, locale),
                "kind": r.kind,
                "finance_act_code": r.finance_act_code,
                "amounts": {str(y): plain(v) for y, v in r.amounts.items()},
                "total": plain(r.total),
                "apportioned": sorted(apportioned(table, r)),
            }
            for r in table.rows
        ],
        "approved_lines": [
            {
                "id": line.id,
                "name": line.name,
                "apportioned": line.apportioned,
                "amounts": {
                    str(y): None if v is None else plain(v) for y, v in line.amounts.items()
                },
            }
            for line in table.approved_lines
        ],
        "footnote": footnote(table, locale),
        "cover": cover_data(table),
        **({"version": _version_data(table)} if table.history else {}),
    }


def cover_data(table: BudgetTable) -> dict[str, Any]:
    """The cover's rows as the version shown prints them: figures as exact decimals, and the
    footnote marker printed after a figure under `markers`, by year or `total` (the figure stays
    a number: `"total": "375"`, `"markers": {"total": "*"}`)."""
    return {
        row.name: {
            "by_year": {str(y): plain(v) for y, v in row.by_year.items()},
            "total": None if row.total is None else plain(row.total),
            "markers": dict(cover_markers(row)),
        }
        for row in table.cover
    }


def _version_data(table: BudgetTable) -> dict[str, Any]:
    """Which version the figures follow and where each changed one comes from."""
    history = table.history
    assert history is not None
    return {
        "transcribed": history.transcribed,
        "shown": history.shown.id if history.shown else history.transcribed,
        "versions": [
            {
                "id": v.id,
                "name": v.name,
                "reference": v.reference,
                "date": v.date.isoformat() if v.date else None,
                "url": v.url,
            }
            for v in history.versions
        ],
        "changes": [
            {
                "at": c.at,
                "version": c.version,
                "value": c.now if isinstance(c.now, str) else plain(c.now),
                "was": c.was if isinstance(c.was, str) else plain(c.was),
            }
            for c in history.changes
        ],
        "cover": cover_data(table),
        "apportioned": [{"year": y, "version": v} for y, v in history.apportioned],
    }


def render_json(
    table: BudgetTable, locale: str = "en", completeness: Completeness = COMPLETE
) -> str:
    import json  # here, not above: `validate` loads this module for the enum alone

    data = {**json_mark(completeness), **as_data(table, locale)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_csv(table: BudgetTable, locale: str, completeness: Completeness = COMPLETE) -> str:
    """CSV a spreadsheet opens as numbers: ',' separated with '.' decimals in English,
    ';' separated with ',' decimals where the locale writes a decimal comma (Danish). `source`
    says how a row's figures were obtained: `stated` as the document prints them, or
    `apportioned` where a later version gives a year's total only (the years in
    `apportioned_years`, space separated; the row's total then includes them). The cover's
    rows follow (kind `cover`), the footnote markers it prints after a figure in `markers`
    (`2027:¹ total:*`), so that every figure cell stays a number. `complete` on every row:
    false where errors made the figures incomplete (`--partial`)."""
    style = CsvStyle(locale)
    out = io.StringIO()
    writer, mark = style.writer(out), csv_mark(completeness)
    years = [h.year for h in table.years]
    writer.writerow(
        [
            "id",
            "label",
            "name",
            "kind",
            "finance_act_code",
            *map(str, years),
            "total",
            "source",
            "apportioned_years",
            "markers",
            "complete",
        ]
    )
    number = style.number

    for row in table.rows:
        writer.writerow(
            [
                row.id,
                row.label,
                row.name or row_name(row, locale),
                row.kind,
                row.finance_act_code,
                *(number(row.amounts[y]) for y in years),
                number(row.total),
                source(table, row),
                " ".join(map(str, sorted(apportioned(table, row)))),
                "",
                mark,
            ]
        )
    if _any_decided(table):
        approved = [h.approved_amount for h in table.years]
        cells = ["" if value is None else number(value) for value in approved]
        writer.writerow(
            [
                *("approved", "", word("approved_row", locale), "approved", ""),
                *(*cells, "", "stated", "", "", mark),
            ]
        )
    for line in table.approved_lines:
        cells = ["" if (v := line.amounts[y]) is None else number(v) for y in years]
        name = approved_line_name(line, locale)
        how = "apportioned" if line.apportioned else "stated"
        row_id = f"approved:{line.id}"
        writer.writerow([row_id, "", name, "approved", "", *cells, "", how, "", "", mark])
    for cover in table.cover:  # the cover as printed; its footnote markers in their column
        cells = ["" if (v := cover.by_year.get(y)) is None else number(v) for y in years]
        total = "" if cover.total is None else number(cover.total)
        name = cover_name(cover, locale)
        marks = " ".join(f"{key}:{mark}" for key, mark in cover_markers(cover))
        writer.writerow(
            [f"cover:{cover.name}", "", name, "cover", "", *cells, total, "stated", "", marks, mark]
        )
    return out.getvalue()


def cover_markers(row: CoverFigures) -> list[tuple[str, str]]:
    """The markers the cover prints after its figures, in its order: the years', then the
    total's ('2027', '¹'), ('total', '*')."""
    keys = [*map(str, row.by_year), "total"]
    return [(key, row.markers[key]) for key in keys if row.markers.get(key)]


def render_markdown(table: BudgetTable, locale: str) -> str:
    names = headers(table, locale)
    lines = [
        f"### {md_cell(table.title)}",
        "",
        md_row(names),
        "|" + "---|" * 2 + "---:|" * (len(names) - 2),
    ]
    for row in table.rows:
        shown = cells(table, row, locale)
        if row.kind != "line":
            shown = [f"**{c}**" if c else c for c in shown]
        lines.append(md_row(shown))
    if _any_decided(table):
        approved = [f"_{word('approved_row', locale)}_", "", *_approved_cells(table, locale), ""]
        lines.append(md_row(approved))
    for line in table.approved_lines:
        name = approved_line_name(line, locale)
        lines.append(md_row([f"_{name}_", "", *_approved_line_cells(line, table, locale), ""]))
    lines += ["", f"_{md_cell(footnote(table, locale))}_", ""]
    lines += [f"{md_cell(note)}  " for note in notes(table, locale)]
    return "\n".join(lines)


def render(
    table: BudgetTable,
    fmt: BudgetFormat,
    locale: str,
    *,
    color: bool = False,
    width: int | None = None,
    completeness: Completeness = COMPLETE,
) -> str:
    """The table in `fmt`; figures an error made incomplete (`--partial`) marked so: a banner
    above the table and the Markdown, `complete` in JSON and in every CSV row."""
    if fmt is BudgetFormat.table:
        marked = banner(completeness, locale)
        text = render_table(table, locale, color=color, width=width)
        return f"{marked}\n{text}" if marked else text
    if fmt is BudgetFormat.json:
        return render_json(table, locale, completeness)
    if fmt is BudgetFormat.csv:
        return render_csv(table, locale, completeness)
    if fmt is BudgetFormat.xlsx:
        raise ValueError("xlsx is binary: use iomstrat.render.xlsx.budget_workbook")
    marked = banner(completeness, locale)
    text = render_markdown(table, locale)
    return f"> **{md_cell(marked)}**\n\n{text}" if marked else text
