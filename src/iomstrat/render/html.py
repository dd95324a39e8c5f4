"""The briefing report as one self-contained HTML page: Jinja2 with every value escaped, styles
inline, charts as inline SVG, words and figures in the chosen locale."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel.dates import format_date
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from iomstrat import __version__
from iomstrat.findings import Severity
from iomstrat.model.strategy import UNIT_FACTORS
from iomstrat.render import charts
from iomstrat.render.numbers import figure
from iomstrat.results.briefing import Briefing, Report
from iomstrat.results.budget import BudgetRow, BudgetTable, YearHeading

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "report": "Briefing",
        "organisation": "Organisation",
        "years": "{start}-{end} ({count} years)",
        "file_no": "File no.",
        "period": "Period",
        "finance_act_code": "Finance Act code",
        "responsible_units": "Responsible units",
        "desk_officer": "Desk officer",
        "financial_officer": "Financial officer",
        "findings": "Validation findings",
        "no_findings": "No validation findings: every total, approval and code checks out.",
        "findings_lead": "The source file has findings; check them before using the figures.",
        "notes_lead": "Notes on the source file; none of them puts a figure in doubt.",
        "unreadable": "The file could not be read as a strategy; no figures are shown.",
        "table_file": "A table file, not a strategy: `iomstrat table show` shows its figures.",
        "budget": "Budget",
        "charts": "Charts",
        "by_line": "Budget by line and year",
        "by_year": "Planned, approved and disbursed per year, with the remaining balance",
        "cumulative": "Cumulative disbursement against the schedule",
        "allocations": "Soft-earmarked allocations by country or region",
        "no_allocations": "No soft-earmarked allocations are recorded in the file.",
        "no_disbursements": "No disbursements are recorded in the file; disbursed is shown as 0.",
        "schedule_basis": "Schedule: the file's tranches where it gives them, else the cover "
        "table's projected annual disbursement in four equal tranches due at quarter ends.",
        "money_note": "Amounts in {currency}, as of {date}; payments in other currencies at "
        "their stated rate or the ECB reference rate of their date.",
        "quarter": "Quarter",
        "allocated": "Allocated",
        "ledger": "Payment ledger",
        "year": "Year",
        "status": "Status",
        "planned": "Planned",
        "approved": "Approved",
        "disbursed": "Disbursed",
        "remaining": "Remaining",
        "scheduled": "Scheduled",
        "cumulative_scheduled": "Scheduled, cumulative",
        "cumulative_disbursed": "Disbursed, cumulative",
        "gap": "Difference from schedule",
        "recipient": "Country or region",
        "others": "{} others",
        "amount": "Amount",
        "not_decided": "not yet decided",
        "status_planned": "planned",
        "status_approved": "approved",
        "status_reduced": "reduced",
        "status_withheld": "withheld",
        "head_planned": "Planned {}*",
        "head_approved": "Approved {}",
        "head_reduced": "Reduced {}",
        "head_withheld": "Withheld {}",
        "total_years": "Total {}-{}",
        "provenance": "Source",
        "as_of": "Figures as of",
        "source_file": "Source file",
        "sha256": "SHA-256 of its content",
        "size": "Size",
        "bytes": "bytes",
        "made_by": "Made by",
        "location": "Location",
        "code": "Code",
        "severity": "Severity",
        "message": "Message",
        "severity_fatal": "fatal",
        "severity_error": "error",
        "severity_warning": "warning",
        "severity_info": "info",
    },
    "da": {
        "report": "Briefing",
        "organisation": "Organisation",
        "years": "{start}-{end} ({count} år)",
        "file_no": "J.nr.",
        "period": "Periode",
        "finance_act_code": "Finanslovskonto",
        "responsible_units": "Ansvarlige enheder",
        "desk_officer": "Sagsbehandler",
        "financial_officer": "Økonomiansvarlig",
        "findings": "Valideringsfund",
        "no_findings": "Ingen valideringsfund: alle totaler, bevillinger og koder stemmer.",
        "findings_lead": "Kildefilen har fund; gennemgå dem, før tallene bruges.",
        "notes_lead": "Bemærkninger til kildefilen; ingen af dem sår tvivl om tallene.",
        "unreadable": "Filen kunne ikke læses som en strategi; der vises ingen tal.",
        "table_file": "En tabelfil, ikke en strategi: `iomstrat table show` viser dens tal.",
        "budget": "Budget",
        "charts": "Diagrammer",
        "by_line": "Budget pr. linje og år",
        "by_year": "Planlagt, bevilget og udbetalt pr. år med restbeløb",
        "cumulative": "Akkumuleret udbetaling i forhold til planen",
        "allocations": "Blødt øremærkede allokeringer pr. land eller region",
        "no_allocations": "Filen indeholder ingen blødt øremærkede allokeringer.",
        "no_disbursements": "Filen indeholder ingen udbetalinger; udbetalt vises som 0.",
        "schedule_basis": "Plan: filens rater, hvor den angiver dem, ellers forsidens "
        "forventede årlige udbetaling i fire lige store rater ved kvartalernes udgang.",
        "money_note": "Beløb i {currency} pr. {date}; betalinger i andre valutaer til deres "
        "angivne kurs eller ECB's referencekurs på dagen.",
        "quarter": "Kvartal",
        "allocated": "Allokeret",
        "ledger": "Betalingsregnskab",
        "year": "År",
        "status": "Status",
        "planned": "Planlagt",
        "approved": "Bevilget",
        "disbursed": "Udbetalt",
        "remaining": "Rest",
        "scheduled": "Planlagt udbetaling",
        "cumulative_scheduled": "Planlagt, akkumuleret",
        "cumulative_disbursed": "Udbetalt, akkumuleret",
        "gap": "Afvigelse fra planen",
        "recipient": "Land eller region",
        "others": "{} øvrige",
        "amount": "Beløb",
        "not_decided": "endnu ikke besluttet",
        "status_planned": "planlagt",
        "status_approved": "bevilget",
        "status_reduced": "reduceret",
        "status_withheld": "tilbageholdt",
        "head_planned": "Planlagt {}*",
        "head_approved": "Bevilget {}",
        "head_reduced": "Reduceret {}",
        "head_withheld": "Tilbageholdt {}",
        "total_years": "I alt {}-{}",
        "provenance": "Kilde",
        "as_of": "Tal pr.",
        "source_file": "Kildefil",
        "sha256": "SHA-256 af indholdet",
        "size": "Størrelse",
        "bytes": "byte",
        "made_by": "Lavet med",
        "location": "Sted",
        "code": "Kode",
        "severity": "Alvor",
        "message": "Besked",
        "severity_fatal": "fatal",
        "severity_error": "fejl",
        "severity_warning": "advarsel",
        "severity_info": "info",
    },
}

UNIT_WORDS = {"en": {"million": "million", "thousand": "thousand", "kroner": ""}}
UNIT_WORDS["da"] = {"million": "mio.", "thousand": "t.", "kroner": ""}


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("iomstrat.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _unit(currency: str, unit: str, locale: str) -> str:
    return f"{currency} {UNIT_WORDS[locale][unit]}".strip()


def _year_header(heading: YearHeading, words: dict[str, str]) -> str:
    return words[f"head_{heading.status}"].format(heading.year)


def _table_view(table: BudgetTable, locale: str, words: dict[str, str]) -> dict[str, Any]:
    years = [h.year for h in table.years]

    def row(r: BudgetRow) -> dict[str, Any]:
        return {
            "name": f"{r.label} {r.name}".strip(),
            "kind": r.kind,
            "code": r.finance_act_code,
            "amounts": [figure(r.amounts[y], locale) for y in years],
            "total": figure(r.total, locale),
        }

    return {
        "title": table.title,
        "funding_basis": table.funding_basis,
        "caption": f"({_unit(table.currency, table.unit, locale)})",
        "headings": [_year_header(h, words) for h in table.years],
        "total_heading": words["total_years"].format(years[0], years[-1]),
        "rows": [row(r) for r in table.rows],
        "footnote": table.footnote,
    }


def _size(size: int | None, locale: str) -> str | None:
    return None if size is None else figure(Decimal(size), locale)


def _briefing_view(index: int, item: Briefing, locale: str) -> dict[str, Any]:
    words = WORDS[locale]

    def money(value: Decimal | None, missing: str = "—") -> str:
        return missing if value is None else figure(value, locale)

    worst = max((d.severity for d in item.diagnostics), default=None)
    view: dict[str, Any] = {
        "id": f"b{index}",
        "source": item.source,
        "diagnostics": [
            {
                "file": d.file,
                "position": f":{d.line}:{d.column}",
                "code": d.code,
                "severity": words[f"severity_{d.severity.label}"],
                "severity_class": d.severity.label,
                "message": d.message,
            }
            for d in item.diagnostics
        ],
        "has_errors": worst is not None and worst >= Severity.ERROR,
        "only_notes": worst is Severity.INFO,
        "facts": item.facts,
        "is_table": item.is_table,
        "size": _size(item.source.size, locale),
        "ledgers": [],
        "table": None,
        "period": ""
        if item.facts is None
        else words["years"].format(
            start=item.facts.start,
            end=item.facts.end,
            count=item.facts.end - item.facts.start + 1,
        ),
    }
    if item.facts is None or item.table is None:
        return view
    unit = _unit(item.facts.currency, item.facts.unit, locale)
    per_unit = UNIT_FACTORS[item.facts.unit]  # the charts are drawn in the budget's unit
    key = f"b{index}-"  # several briefings share one page, so chart ids carry its number
    names = {k: words[k] for k in ("planned", "approved", "disbursed", "remaining", "scheduled")}
    names["gap"] = words["gap"]
    view |= {
        "unit": unit,
        "currency": item.facts.currency,
        "table": _table_view(item.table, locale, words),
        "years": [
            {
                "year": y.year,
                "status": words[f"status_{y.status}"],
                "planned": money(y.planned),
                "approved": money(y.approved, words["not_decided"]),
                "allocated": money(y.allocated),
                "disbursed": money(y.disbursed),
                "remaining": money(y.remaining),
            }
            for y in item.years
        ],
        "schedule": [
            {
                "quarter": f"{p.year} Q{p.quarter}",
                "scheduled": money(p.scheduled),
                "disbursed": money(p.disbursed),
                "cumulative_scheduled": money(p.cumulative_scheduled),
                "cumulative_disbursed": money(p.cumulative_disbursed),
            }
            for p in item.schedule
        ],
        "allocations": [
            {"recipient": a.recipient, "amount": money(a.amount)} for a in item.allocations
        ],
        "payments": item.payments,
        "ledgers": [
            {"source": ledger, "size": _size(ledger.size, locale)} for ledger in item.ledgers
        ],
        "charts": {
            "by_line": Markup(
                charts.budget_by_line(item.table, locale, unit, words["by_line"], key=key)
            ),
            "by_year": Markup(
                charts.money_by_year(
                    item.years, locale, unit, words["by_year"], names, per_unit=per_unit, key=key
                )
            ),
            "cumulative": Markup(
                charts.cumulative_disbursement(
                    item.schedule,
                    locale,
                    unit,
                    words["cumulative"],
                    names,
                    per_unit=per_unit,
                    key=key,
                )
            ),
            "allocations": Markup(
                charts.allocations_by_recipient(
                    item.allocations,
                    locale,
                    unit,
                    words["allocations"],
                    per_unit=per_unit,
                    others=words["others"],
                    key=key,
                )
            )
            if item.allocations
            else None,
        },
    }
    return view


def render(report: Report, locale: str) -> str:
    """The whole report as one HTML document, needing nothing from the network."""
    words = WORDS[locale]
    template = _environment().get_template("report.html.j2")
    titles = [b.facts.title for b in report.briefings if b.facts is not None]
    return template.render(
        lang=locale,
        w=words,
        title=titles[0] if len(titles) == 1 else words["report"],
        as_of=format_date(report.as_of, format="long", locale=locale),
        as_of_iso=report.as_of.isoformat(),
        version=__version__,
        briefings=[_briefing_view(i, b, locale) for i, b in enumerate(report.briefings, 1)],
    )
