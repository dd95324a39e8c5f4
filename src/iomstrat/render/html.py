"""The briefing report as one self-contained HTML page: Jinja2 with every value escaped, styles
inline, charts as inline SVG, words and figures in the chosen locale."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from iomstrat import __version__
from iomstrat.findings import Severity
from iomstrat.loader.embedded import SHIPPED_DATA, default_strategy_path
from iomstrat.model.strategy import Cover
from iomstrat.render import charts
from iomstrat.render import statement_words as said
from iomstrat.render.budget import (
    approved_rows,
    caption,
    cells,
    footnote,
    headers,
    printed_mark,
    row_name,
    version_notes,
)
from iomstrat.render.completeness import banner
from iomstrat.render.diagnostics import message
from iomstrat.render.disbursement import ON_PLAN
from iomstrat.render.numbers import figure
from iomstrat.render.words import date, quarter, severity, status, unit, word, words
from iomstrat.results.briefing import Allocation, Briefing, Report, SourceFile
from iomstrat.results.budget import BudgetRow, BudgetTable
from iomstrat.results.completeness import COMPLETE, Completeness
from iomstrat.results.disbursement import Portfolio
from iomstrat.results.statements import Verdict


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("iomstrat.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _table_view(table: BudgetTable, locale: str) -> dict[str, Any]:
    names = headers(table, locale)

    def row(r: BudgetRow) -> dict[str, Any]:
        shown = cells(table, r, locale)  # a figure a later version leaves unsplit is marked
        return {
            "name": row_name(r, locale),
            "kind": r.kind,
            "code": r.finance_act_code,
            "amounts": shown[2:-1],
            "total": shown[-1],
        }

    return {
        "title": table.title,
        "funding_basis": table.funding_basis,
        "caption": caption(table, locale),
        "headings": names[2:-1],
        "total_heading": names[-1],
        "rows": [row(r) for r in table.rows],
        "approved": [{"name": n, "amounts": cells} for n, cells in approved_rows(table, locale)],
        "footnote": footnote(table, locale),
        "versions": version_notes(table, locale),
    }


def _size(size: int | None, locale: str) -> str | None:
    return None if size is None else figure(Decimal(size), locale)


def _shown(path: str, absolute: bool) -> str:
    """A path as shown: relative to the working folder when inside it (another reader's
    machine has no use for this one's folders), a shipped file from its package
    (`iomstrat/data/…`), else as given; absolute on request."""
    if absolute or not os.path.isabs(path):
        return path
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    if not relative.startswith(os.pardir):
        return relative
    # The file shipped with iomstrat (the default strategy): named from the package, not by
    # where this machine installed it.
    shipped = os.path.dirname(default_strategy_path())
    if os.path.dirname(path) == shipped:
        return f"{SHIPPED_DATA}/{os.path.basename(path)}"
    # Elsewhere outside the working folder a '../../' path says less than the one given.
    return path


def _path(source: SourceFile, absolute: bool) -> str:
    return _shown(source.absolute_path, absolute)


def _on_plan(basis: str | None) -> str:
    """The mark of an unallocated figure that rests, wholly or partly, on a year's plan."""
    return ON_PLAN if basis in ("planned", "mixed") else ""


def _whole(value: Decimal) -> Decimal:
    """Whole currency units, as the report's tables promise (the exact figures are in
    `iomstrat disbursement --format json`)."""
    return value.quantize(Decimal(1))


def _money(value: Decimal | None, locale: str, missing: str = "—") -> str:
    """An amount in whole currency units, or `missing` where there is none."""
    return missing if value is None else figure(_whole(value), locale)


def _named(allocations: tuple[Allocation, ...], locale: str) -> list[Allocation]:
    """Countries and regions named in the reader's language ("Tchad" in Danish); a region the
    place table does not know keeps the file's own name."""
    if locale == "en" or not allocations:
        return list(allocations)
    from iomstrat.places import Places

    places = Places()
    return [
        replace(a, recipient=places.name(a.code, locale) or a.recipient) if a.code else a
        for a in allocations
    ]


def _cover_view(cover: Cover | None, locale: str) -> dict[str, Any] | None:
    """The cover table as printed: commitment and projected disbursement per year, with the
    totals the cover prints (— where it prints none), in the strategy's unit."""
    if cover is None:
        return None
    rows = [
        (key, row)
        for key, row in (
            ("cover_commitment", cover.commitment),
            ("cover_projected", cover.projected_disbursement),
        )
        if row is not None
    ]
    if not rows:
        return None
    years = sorted({year for _, row in rows for year in row.by_year})

    def shown(value: Decimal | None) -> str:
        return "—" if value is None else figure(value, locale)

    return {
        "years": years,
        "rows": [
            {
                "name": word(key, locale),
                # a figure keeps the footnote marker the cover prints after it, in brackets
                # (375[*]): not the report's own marks († apportioned, * against plan)
                "amounts": [
                    shown(row.by_year.get(year)) + printed_mark(row.markers.get(str(year)))
                    for year in years
                ],
                "total": shown(row.total) + printed_mark(row.markers.get("total")),
            }
            for key, row in rows
        ],
    }


def _portfolio_view(report: Report, locale: str) -> dict[str, Any] | None:
    """The portfolio's rows per Finance Act code and year, and per code over the period, in
    whole units of its currency; a reason instead when it could not be summed."""
    w = words(locale)
    if report.portfolio is None:
        if not report.portfolio_no_rate:
            return None
        first = next(b.facts for b in report.briefings if b.facts is not None)
        problem = w["portfolio_no_rate"].format(currency=first.currency)
        return {"problem": problem, "heading": w["portfolio"]}
    combined: Portfolio = report.portfolio

    def money(value: Decimal | None) -> str:
        return _money(value, locale)

    one = len(combined.files) == 1  # one strategy whose lines are on several codes
    return {
        "problem": None,
        "heading": w["by_code" if one else "portfolio"],
        "title": w["by_code_title" if one else "portfolio_title"].format(
            count=len(combined.files),
            date=date(combined.as_of, locale),
            currency=combined.currency,
        ),
        "unit": unit(combined.currency, "kroner", locale),
        "note": w["by_code_note" if one else "portfolio_note"].format(
            currency=combined.currency, date=date(combined.as_of, locale)
        ),
        "rows": [
            {
                "code": r.finance_act_code or w["all_codes"],
                "year": w["total"] if r.year is None else str(r.year),
                "total": r.year is None,
                "planned": money(r.planned),
                "approved": money(r.approved),
                "allocated": money(r.allocated),
                "disbursed": money(r.disbursed),
                "remaining": money(r.remaining),
                "files": r.files,
            }
            for r in combined.rows
        ],
    }


def _statements_view(item: Briefing, locale: str) -> dict[str, Any] | None:
    """The text's statements and whether each holds; the file's assumptions."""
    if not item.statements and not item.assumptions:
        return None
    w = words(locale)
    count = Counter(r.verdict for r in item.statements)
    return {
        "summary": w["statements_summary"].format(
            holds=count[Verdict.HOLDS],
            differs=count[Verdict.DIFFERS] + count[Verdict.UNRESOLVED],
            acknowledged=count[Verdict.ACKNOWLEDGED],
            unchecked=count[Verdict.UNCHECKED],
        ),
        "rows": [
            {
                "id": r.statement.id,
                "text": r.statement.text,
                "place": said.place(r.statement.at, locale),
                "verdict": w[f"verdict_{r.verdict.value}"],
                "verdict_class": r.verdict.value,
                "data": "; ".join(
                    f"{said.where(f, locale)}: {said.figure(f, locale)}" for f in r.found[:4]
                )
                + (" …" if len(r.found) > 4 else ""),
            }
            for r in item.statements
        ],
        "assumptions": item.assumptions,
    }


def _briefing_view(index: int, item: Briefing, locale: str, absolute: bool) -> dict[str, Any]:
    w = words(locale)

    def money(value: Decimal | None, missing: str = "—") -> str:
        return _money(value, locale, missing)

    # Worst first, then in the file's order: an error is never below a page of notes.
    findings = sorted(item.diagnostics, key=lambda d: (-d.severity, d))
    worst = max((d.severity for d in findings), default=None)
    view: dict[str, Any] = {
        "id": f"b{index}",
        "source": item.source,
        "path": _path(item.source, absolute),
        "diagnostics": [
            {
                "file": _shown(d.file, absolute),
                "position": f":{d.line}:{d.column}",
                "code": d.code,
                "severity": severity(d.severity.label, locale),
                "severity_class": d.severity.label,
                "message": message(d, locale),
            }
            for d in findings
        ],
        "has_errors": worst is not None and worst >= Severity.ERROR,
        "only_notes": worst is Severity.INFO,
        "notes_only": w["notes_only"].format(count=len(findings)),
        "facts": item.facts,
        "is_table": item.is_table,
        "size": _size(item.source.size, locale),
        "ledgers": [],
        "table": None,
        "cover": None,
        "statements": _statements_view(item, locale),
        "period": ""
        if item.facts is None
        else w["years"].format(
            start=item.facts.start,
            end=item.facts.end,
            count=item.facts.end - item.facts.start + 1,
        ),
    }
    if item.facts is None or item.table is None:
        return view
    budget_unit = unit(item.facts.currency, item.facts.unit, locale)
    # The charts of money per year, quarter and recipient are drawn in whole currency units,
    # as the tables under them show it: one unit for a chart and its table.
    money_unit = unit(item.facts.currency, "kroner", locale)
    key = f"b{index}-"  # several briefings share one page, so chart ids carry its number
    names = {k: w[k] for k in ("planned", "approved", "disbursed", "remaining", "scheduled")}
    names["gap"] = w["gap"]
    view |= {
        "unit": budget_unit,
        "money_unit": money_unit,
        "currency": item.facts.currency,
        "table": _table_view(item.table, locale),
        "cover": _cover_view(item.cover, locale),
        "years": [
            {
                "year": y.year,
                "status": status(y.status, locale),
                "planned": money(y.planned),
                "approved": money(y.approved, w["not_decided"]),
                "allocated": money(y.allocated),
                "unallocated": money(y.unallocated) + _on_plan(y.unallocated_basis),
                "disbursed": money(y.disbursed),
                "remaining": money(y.remaining),
            }
            for y in item.years
        ],
        "on_plan": any(_on_plan(y.unallocated_basis) for y in item.years)
        or any(_on_plan(p.basis_kind) for p in item.dialogue_periods),
        "dialogue_periods": [
            {
                "line": p.label or p.line,
                "period": p.period,
                "basis": money(p.basis) + _on_plan(p.basis_kind),
                "allocated": money(p.allocated),
                "unallocated": money(p.unallocated) + _on_plan(p.basis_kind),
            }
            for p in item.dialogue_periods
        ],
        "schedule": [
            {
                "quarter": quarter(p.year, p.quarter, locale),
                "scheduled": money(p.scheduled),
                "disbursed": money(p.disbursed),
                "cumulative_scheduled": money(p.cumulative_scheduled),
                "cumulative_disbursed": money(p.cumulative_disbursed),
            }
            for p in item.schedule
        ],
        "allocations": [
            {"recipient": a.recipient, "amount": money(a.amount)}
            for a in _named(item.allocations, locale)
        ],
        "payments": item.payments,
        "allocates": item.allocates,
        "ledgers": [
            {"source": ledger, "path": _path(ledger, absolute), "size": _size(ledger.size, locale)}
            for ledger in item.ledgers
        ],
        "charts": {
            "by_line": Markup(
                charts.budget_by_line(item.table, locale, budget_unit, w["chart_by_line"], key=key)
            ),
            "by_year": Markup(
                charts.money_by_year(
                    item.years, locale, money_unit, w["chart_by_year"], names, key=key
                )
            ),
            "cumulative": Markup(
                charts.cumulative_disbursement(
                    item.schedule,
                    locale,
                    money_unit,
                    w["chart_cumulative"],
                    names,
                    key=key,
                    labels=[
                        word("quarter_short", locale).format(quarter=p.quarter)
                        + (f"\n{p.year}" if p.quarter == 1 else "")
                        for p in item.schedule
                    ],
                )
            ),
            "allocations": Markup(
                charts.allocations_by_recipient(
                    _named(item.allocations, locale),
                    locale,
                    money_unit,
                    w["chart_allocations"],
                    others=w["others"],
                    key=key,
                )
            )
            if item.allocations
            else None,
        },
    }
    return view


def render(
    report: Report,
    locale: str,
    *,
    absolute_paths: bool = False,
    completeness: Completeness = COMPLETE,
) -> str:
    """The whole report as one HTML document, needing nothing from the network; paths relative
    to the working folder unless `absolute_paths`; a banner first when the figures are not
    complete."""
    w = words(locale)
    template = _environment().get_template("report.html.j2")
    titles = [b.facts.title for b in report.briefings if b.facts is not None]
    briefings = [
        _briefing_view(i, b, locale, absolute_paths) for i, b in enumerate(report.briefings, 1)
    ]
    return template.render(
        lang=locale,
        w=w,
        incomplete=banner(completeness, locale),
        title=titles[0] if len(titles) == 1 else w["report"],
        as_of=date(report.as_of, locale),
        as_of_iso=report.as_of.isoformat(),
        version=__version__,
        briefings=briefings,
        portfolio=_portfolio_view(report, locale),
        contents=[
            {
                "id": b["id"],
                "title": b["facts"].title if b["facts"] else b["path"],
                "has_errors": b["has_errors"],
            }
            for b in briefings
        ]
        if len(briefings) > 1
        else [],
    )
