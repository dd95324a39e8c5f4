"""`iomstrat reconcile` for people and programs: the year table and the transaction matches as
a text table, Markdown, CSV, JSON or an xlsx workbook, in English or Danish."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from iomstrat.findings import Diagnostic
from iomstrat.render.completeness import banner, csv_mark, json_mark
from iomstrat.render.formats import DisbursementFormat
from iomstrat.render.numbers import figure, plain
from iomstrat.render.tabular import WIDE, CsvStyle, fit, md_table, md_text, stacked
from iomstrat.render.words import Word
from iomstrat.results.completeness import COMPLETE, Completeness
from iomstrat.results.published import Pair, Reconciliation, Side, YearRow

_WORDS: dict[str, Word] = {
    "title": Word("Reconciliation with IATI", "Afstemning med IATI"),
    "read": Word(
        "{file} against {files}: {read} activities read; the donor's concerning the strategy: "
        "{donor}; the organisation's with receipts from the donor: {own}.",
        "{file} mod {files}: {read} aktiviteter læst; donorens, der vedrører strategien: "
        "{donor}; organisationens med modtagelser fra donoren: {own}.",
    ),
    "tolerance": Word(
        "Tolerance: amounts in one currency match within {rounding} {unit}; in different "
        "currencies, each converted to {currency} at its own rate (payments as booked, published "
        "values at the ECB reference rate of their value-date), within {percent} % (the "
        "organisation books at the UN operational rate of exchange); dates within {window} days. "
        "Budgets and planned disbursements are plans, shown apart, never added to transactions.",
        "Tolerance: beløb i samme valuta stemmer inden for {rounding} {unit}; i forskellige "
        "valutaer, hver omregnet til {currency} til sin egen kurs (udbetalinger som bogført, "
        "offentliggjorte værdier til ECB's referencekurs på deres value-date), inden for "
        "{percent} % (organisationen bogfører til FN's operationelle kurs); datoer inden for "
        "{window} dage. Budgetter og planlagte udbetalinger er planer, vist for sig, aldrig lagt "
        "til transaktioner.",
    ),
    "none": Word("(none)", "(ingen)"),
    "year": Word("Year", "År"),
    "line": Word("Line", "Linje"),
    "total": Word("Total", "I alt"),
    "unassigned": Word("(line not known)", "(linje ukendt)"),
    "approved": Word("Approved", "Bevilget"),
    "committed": Word("Published commitments", "Offentliggjorte tilsagn"),
    "commitment_difference": Word("Commitments - approved", "Tilsagn - bevilget"),
    "paid": Word("Paid (ledgers)", "Udbetalt (oversigter)"),
    "disbursed": Word("Published disbursements", "Offentliggjorte udbetalinger"),
    "disbursement_difference": Word("Disbursements - paid", "Udbetalinger - betalt"),
    "received_commitments": Word("Incoming commitments", "Modtagne tilsagn"),
    "received": Word("Incoming funds", "Modtagne midler"),
    "receipt_difference": Word("Received - disbursed", "Modtaget - udbetalt"),
    "budgets": Word("Budgets (plan)", "Budgetter (plan)"),
    "planned": Word("Planned disbursements (plan)", "Planlagte udbetalinger (plan)"),
    "transactions": Word("Transactions", "Transaktioner"),
    "by_year": Word("Per year and line", "Pr. år og linje"),
    "comparison": Word("Comparison", "Sammenligning"),
    "status": Word("Status", "Status"),
    "ours": Word("Ours", "Vores"),
    "theirs": Word("Published", "Offentliggjort"),
    "difference": Word("Difference", "Forskel"),
    "disbursements": Word("disbursements", "udbetalinger"),
    "incoming_funds": Word("incoming funds", "modtagne midler"),
    "incoming_commitments": Word("incoming commitments", "modtagne tilsagn"),
    "match": Word("match", "stemmer"),
    "amount": Word("other amount", "andet beløb"),
    "year_status": Word("other year", "andet år"),
    "missing": Word("no published counterpart", "ingen offentliggjort modpart"),
    "extra": Word("none of ours", "ingen af vores"),
    "ecb": Word("ECB {rate} of {on}", "ECB {rate} af {on}"),
}
SHOWN_RATE = Decimal("0.000001")
"""A rate as shown: six decimals (the figures were converted at every digit)."""
YEAR_COLUMNS = (
    "approved",
    "committed",
    "commitment_difference",
    "paid",
    "disbursed",
    "disbursement_difference",
    "received_commitments",
    "received",
    "receipt_difference",
    "budgets",
    "planned",
)


def word(key: str, locale: str) -> str:
    entry = _WORDS[key]
    return entry.da if locale == "da" else entry.en


def _money(value: Decimal | None, locale: str) -> str:
    return "-" if value is None else figure(value, locale)


def _line(row: YearRow, locale: str) -> str:
    if not row.budget_line:
        return word("total", locale)
    return word("unassigned", locale) if row.budget_line == "?" else row.budget_line


def _status(pair: Pair, locale: str) -> str:
    return word("year_status" if pair.status == "year" else pair.status, locale)


def _side(side: Side | None, currency: str, locale: str) -> str:
    if side is None:
        return ""
    text = f"{side.file}:{side.line} {side.date.isoformat()} {figure(side.amount, locale)} "
    text += side.currency
    if side.reference:
        text += f" [{side.reference}]"
    if side.rate is not None and side.rate_on is not None:
        rate = f"{figure(side.rate.quantize(SHOWN_RATE), locale)} {currency}/{side.currency}"
        text += " (" + word("ecb", locale).format(rate=rate, on=side.rate_on.isoformat()) + ")"
    return text


def year_columns(result: Reconciliation) -> tuple[str, ...]:
    """The year table's figures; the organisation's receipts only where its file gave some."""
    received = any(r.received is not None for r in result.rows)
    return tuple(c for c in YEAR_COLUMNS if received or not c.startswith(RECEIPTS))


RECEIPTS = ("received", "receipt")


def year_grid(result: Reconciliation, locale: str) -> tuple[list[str], list[list[str]]]:
    columns = year_columns(result)
    headers = [word("year", locale), word("line", locale)]
    headers += [f"{word(c, locale)} ({result.currency})" for c in columns]
    rows = [
        [str(row.year), _line(row, locale)] + [_money(getattr(row, c), locale) for c in columns]
        for row in result.rows
    ]
    return headers, rows


def pair_grid(result: Reconciliation, locale: str) -> tuple[list[str], list[list[str]]]:
    headers = [word(k, locale) for k in ("comparison", "status", "ours", "theirs", "difference")]
    rows = [
        [
            word(pair.comparison, locale),
            _status(pair, locale),
            _side(pair.ours, result.currency, locale),
            _side(pair.theirs, result.currency, locale),
            ""
            if pair.difference is None
            else f"{figure(pair.difference, locale)} {pair.currency or result.currency}",
        ]
        for pair in result.pairs
    ]
    return headers, rows


def notes(result: Reconciliation, locale: str) -> list[str]:
    none = word("none", locale)
    read = word("read", locale).format(
        file=result.file,
        files=", ".join(result.files),
        read=result.read,
        donor=", ".join(result.donor_activities) or none,
        own=", ".join(result.organisation_activities) or none,
    )
    tolerance = word("tolerance", locale).format(
        rounding=figure(result.rounding, locale),
        unit=result.currency,
        currency=result.currency,
        percent=figure(result.tolerance * 100, locale),
        window=result.window,
    )
    return [read, tolerance]


def render(
    result: Reconciliation,
    fmt: DisbursementFormat,
    locale: str,
    *,
    width: int | None = None,
    completeness: Completeness = COMPLETE,
) -> str:
    """`width`: the terminal's, for the table (None: every row on one line). Figures that are
    not complete (a payment or a published value not read or priced) carry the mark: a banner
    first, `complete` in JSON and in every CSV row."""
    if fmt is DisbursementFormat.json:
        data = as_json(result) | json_mark(completeness)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt is DisbursementFormat.csv:
        return _csv(result, locale, completeness)
    if fmt is DisbursementFormat.markdown:
        return _markdown(result, locale, completeness)
    return _text(result, locale, width, completeness)


def _text(
    result: Reconciliation, locale: str, width: int | None, completeness: Completeness
) -> str:
    marked = banner(completeness, locale)
    out = [*([marked] if marked else []), word("title", locale), *notes(result, locale), ""]
    for title, (headers, rows), right in (
        (word("by_year", locale), year_grid(result, locale), 2),
        (word("transactions", locale), pair_grid(result, locale), 4),
    ):
        out.append(_fitted(title, headers, rows, right, width).rstrip())
    return "\n".join(out) + "\n"


def _fitted(
    title: str, headers: list[str], rows: list[list[str]], right: int, width: int | None
) -> str:
    from rich import box
    from rich.table import Table

    def grid(compact: bool) -> Any:
        table = Table(
            title=title,
            box=None if compact else box.HEAVY_HEAD,
            show_edge=not compact,
            pad_edge=not compact,
        )
        for index, header in enumerate(headers):
            table.add_column(header, justify="right" if index >= right else "left")
        for row in rows:
            table.add_row(*row)
        return table

    def stack(columns: int) -> Any:
        if right == 2:  # the year table: a block per year and line
            blocks = [([f"{row[0]} {row[1]}", *row[2:]], False) for row in rows]
            return stacked(title, headers[1:], blocks, width=columns)
        return stacked(title, headers, [(row, False) for row in rows], width=columns)

    return fit(grid, stack, width=width, full_width=WIDE, color=False)


def _markdown(result: Reconciliation, locale: str, completeness: Completeness) -> str:
    marked = banner(completeness, locale)
    out = [f"> **{md_text(marked)}**", ""] if marked else []
    out += [f"## {word('title', locale)}", "", *(md_text(n) for n in notes(result, locale)), ""]
    headers, rows = year_grid(result, locale)
    out += [f"### {word('by_year', locale)}", "", *md_table(headers, rows, 2), ""]
    out += [f"### {word('transactions', locale)}", ""]
    headers, rows = pair_grid(result, locale)
    out += md_table(headers, rows, 4)
    return "\n".join(out) + "\n"


def _csv(result: Reconciliation, locale: str, completeness: Completeness) -> str:
    """Two tables; the last column of each, `complete`, is `true` on every row when every
    payment and published value was read and priced, else `false`."""
    style = CsvStyle(locale)
    out = io.StringIO()
    writer = style.writer(out)
    mark = csv_mark(completeness)
    columns = year_columns(result)
    writer.writerow(["year", "line", *columns, "complete"])
    for row in result.rows:
        values = [getattr(row, c) for c in columns]
        writer.writerow(
            [row.year, row.budget_line, *("" if v is None else style.number(v) for v in values),
             mark]
        )  # fmt: skip
    writer.writerow([])
    writer.writerow(
        ["comparison", "status", "our_file", "our_line", "our_date", "our_amount",
         "our_currency", "their_file", "their_line", "their_date", "their_amount",
         "their_currency", "their_reference", "rate", "rate_date", "difference", "currency",
         "complete"]
    )  # fmt: skip
    for pair in result.pairs:
        writer.writerow(
            [pair.comparison, pair.status, *_csv_side(pair.ours, style)[:5],
             *_csv_side(pair.theirs, style),
             "" if pair.difference is None else style.number(pair.difference),
             pair.currency or (result.currency if pair.difference is not None else ""), mark]
        )  # fmt: skip
    return out.getvalue()


def _csv_side(side: Side | None, style: CsvStyle) -> list[str]:
    if side is None:
        return [""] * 8
    return [
        side.file,
        str(side.line),
        side.date.isoformat(),
        style.number(side.amount),
        side.currency,
        side.reference,
        "" if side.rate is None else style.number(side.rate),
        "" if side.rate_on is None else side.rate_on.isoformat(),
    ]


def _json_side(side: Side | None) -> dict[str, Any] | None:
    if side is None:
        return None
    return {
        "kind": side.kind,
        "file": side.file,
        "line": side.line,
        "date": side.date.isoformat(),
        "value_date": side.value_date.isoformat(),
        "amount": plain(side.amount),
        "currency": side.currency,
        "converted": None if side.converted is None else plain(side.converted),
        "reference": side.reference,
        "budget_line": side.budget_line,
        "activity": side.activity,
        "rate": None if side.rate is None else plain(side.rate),
        "rate_date": None if side.rate_on is None else side.rate_on.isoformat(),
    }


def as_json(result: Reconciliation) -> dict[str, Any]:
    def number(value: Decimal | None) -> str | None:
        return None if value is None else plain(value)

    return {
        "file": result.file,
        "currency": result.currency,
        "iati_files": list(result.files),
        "activities_read": result.read,
        "donor_activities": list(result.donor_activities),
        "organisation_activities": list(result.organisation_activities),
        "tolerance": {
            "share": plain(result.tolerance),
            "rounding": plain(result.rounding),
            "window_days": result.window,
        },
        "years": [
            {"year": r.year, "line": r.budget_line or None}
            | {c: number(getattr(r, c)) for c in YEAR_COLUMNS}
            for r in result.rows
        ],
        "transactions": [
            {
                "comparison": p.comparison,
                "status": p.status,
                "ours": _json_side(p.ours),
                "published": _json_side(p.theirs),
                "currency": p.currency or (result.currency if p.difference is not None else None),
                "difference": number(p.difference),
            }
            for p in result.pairs
        ],
    }


def workbook(
    result: Reconciliation,
    locale: str,
    findings: Sequence[Diagnostic],
    completeness: Completeness = COMPLETE,
) -> bytes:
    from iomstrat.render.xlsx import Cell, Sheet
    from iomstrat.render.xlsx import workbook as make

    heading = tuple(notes(result, locale))
    columns = year_columns(result)
    headers, _ = year_grid(result, locale)
    years: list[tuple[Cell, ...]] = [
        (r.budget_line or word("total", locale), r.year, *(getattr(r, c) for c in columns))
        for r in result.rows
    ]
    first = (headers[1], headers[0], *headers[2:])
    pair_headers, pair_rows = pair_grid(result, locale)
    pairs = tuple(
        (*row[:4], pair.difference) for row, pair in zip(pair_rows, result.pairs, strict=True)
    )
    sheets = [
        Sheet(
            word("by_year", locale)[:31],
            heading,
            first,
            tuple(years),
            tuple("line" if r.budget_line else "total" for r in result.rows),
            column_formats=(None, "0"),
        ),
        Sheet(
            word("transactions", locale)[:31],
            heading[:1],
            tuple(pair_headers),
            pairs,
            tuple("line" for _ in pairs),
        ),
    ]
    return make(sheets, locale=locale, findings=findings, completeness=completeness)
