"""Every word iomstrat prints for people, in English and Danish: one typed table.

A key maps to a `Word(en, da)`; a renderer asks `word(key, locale)`. Units, quarter names,
statuses, severities and the Danish summary of every finding code live here too. Machine names
(JSON keys, CSV column names, enum values) are not words for people and stay as they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple


class Word(NamedTuple):
    en: str
    da: str


_WORDS: dict[str, Word] = {
    # Budget table
    "head_planned": Word("Planned {}*", "Planlagt {}*"),
    "head_approved": Word("Approved {}", "Bevilget {}"),
    "head_reduced": Word("Reduced {}", "Reduceret {}"),
    "head_withheld": Word("Withheld {}", "Tilbageholdt {}"),
    "head_unfunded": Word("Unfunded {}", "Ufinansieret {}"),
    "total_years": Word("Total {}-{}", "I alt {}-{}"),
    "total_year": Word("Total {}", "I alt {}"),
    "total": Word("Total", "I alt"),
    "total_code": Word("Total {}", "I alt {}"),
    "finance_act_code": Word("Finance Act code", "Finanslovskonto"),
    "finance_act_code_short": Word("FA code", "FL-konto"),
    "approved_row": Word("Approved by parliament", "Bevilget på finansloven"),
    "approved_line": Word("{} (approved)", "{} (bevilget)"),
    "default_footnote": Word(
        "*Subject to annual parliamentary approval.",
        "*Med forbehold for Folketingets årlige bevilling.",
    ),
    # Statuses of a year
    "status_planned": Word("planned", "planlagt"),
    "status_approved": Word("approved", "bevilget"),
    "status_reduced": Word("reduced", "reduceret"),
    "status_withheld": Word("withheld", "tilbageholdt"),
    "status_unfunded": Word("unfunded", "ufinansieret"),
    "not_decided": Word("not yet decided", "endnu ikke vedtaget"),
    # Disbursement
    "planned": Word("Planned", "Planlagt"),
    "approved": Word("Approved", "Bevilget"),
    "allocated": Word("Allocated", "Allokeret"),
    "unallocated": Word("Unallocated", "Ikke allokeret"),
    "unallocated_basis": Word("Basis", "Grundlag"),
    "basis_approved": Word("approved", "bevilget"),
    "basis_planned": Word("planned", "planlagt"),
    "basis_mixed": Word("approved and planned", "bevilget og planlagt"),
    "unallocated_note": Word(
        "Unallocated: approved less allocated, per dialogue line; marked *, the plan stands "
        "in for a year not yet approved.",
        "Ikke allokeret: bevilget minus allokeret pr. dialoglinje; et tal markeret med * er "
        "målt mod planen for et år, der endnu ikke er bevilget.",
    ),
    "dialogue_periods_title": Word(
        "Allocated and unallocated by dialogue period",
        "Allokeret og ikke allokeret pr. dialogperiode",
    ),
    "year_basis": Word("Year's amount", "Årets beløb"),
    "allocated_in_period": Word("Allocated in period", "Allokeret i perioden"),
    "unallocated_after": Word("Unallocated at its end", "Ikke allokeret ved periodens slutning"),
    "disbursed": Word("Disbursed", "Udbetalt"),
    "remaining": Word("Remaining", "Restbeløb"),
    "rate": Word("%", "%"),
    "rate_long": Word("Rate", "Udbetalingsgrad"),
    "scheduled": Word("Scheduled", "Iflg. plan"),
    "variance": Word("Variance", "Afvigelse"),
    "forecast": Word("Forecast", "Prognose"),
    "progress": Word("Progress", "Fremdrift"),
    "line_year": Word("Line / year", "Linje / år"),
    "line": Word("Line", "Linje"),
    "year": Word("Year", "År"),
    "quarter": Word("Quarter", "Kvartal"),
    "period": Word("Period", "Periode"),
    "priority_area": Word("Priority area", "Prioritetsområde"),
    "allocations": Word("Allocations", "Allokeringer"),
    "no_priority_area": Word("No priority area tagged", "Intet prioritetsområde angivet"),
    "not_linked": Word("Not linked to an allocation", "Ikke knyttet til en allokering"),
    "files": Word("Files", "Filer"),
    "disbursement_title": Word(
        "Disbursement as of {date}, by {by} ({currency})",
        "Udbetalinger pr. {date} fordelt på {by} ({currency})",
    ),
    "by_line": Word("line", "linje"),
    "by_year": Word("year", "år"),
    "by_quarter": Word("quarter", "kvartal"),
    "by_priority": Word("priority area", "prioritetsområde"),
    "by_place": Word("country or region", "land eller region"),
    "place": Word("Country or region", "Land eller region"),
    "total_region": Word("Total {}", "I alt {}"),
    "unknown_place": Word("unknown place", "ukendt sted"),
    "all_codes": Word("All Finance Act codes", "Alle finanslovskonti"),
    "portfolio_title": Word(
        "Portfolio of {count} strategies as of {date} ({currency})",
        "Portefølje med {count} strategier pr. {date} ({currency})",
    ),
    "nothing_recorded": Word(
        "Nothing recorded yet in {file}: no payments and no dialogue allocations. The figures "
        "below are the plan; add approvals, `allocations:`, `disbursements:` or `ledgers:` to "
        "the file (or --ledger FILE) to track them.",
        "Intet registreret endnu i {file}: ingen udbetalinger og ingen allokeringer fra "
        "dialogen. Tallene nedenfor er planen; tilføj bevillinger, `allocations:`, "
        "`disbursements:` eller `ledgers:` i filen (eller --ledger FIL) for at følge dem.",
    ),
    "conversion": Word(
        "Plans, approvals and allocations converted at the ECB reference rate of {date}: "
        "1 {source} = {rate} {target}; payments at the rate of their date (payments made in "
        "{target} at their own amount).",
        "Planer, bevillinger og allokeringer er omregnet til ECB's referencekurs pr. {date}: "
        "1 {source} = {rate} {target}; udbetalinger til kursen på deres dato (udbetalinger i "
        "{target} med deres eget beløb).",
    ),
    # Workbooks: a Kind column to filter on, a banner when figures come with errors
    "kind": Word("Kind", "Art"),
    "kind_line": Word("line", "linje"),
    "kind_subtotal": Word("subtotal", "subtotal"),
    "kind_total": Word("total", "total"),
    "kind_approved": Word("approved", "bevilget"),
    "kind_code": Word("code total", "kontototal"),
    "kind_cover": Word("cover", "forside"),
    "kind_region": Word("region total", "regionstotal"),
    "xlsx_errors": Word(
        "{n} errors: figures may be incomplete", "{n} fejl: tallene kan være ufuldstændige"
    ),
    "xlsx_error": Word(
        "1 error: figures may be incomplete", "1 fejl: tallene kan være ufuldstændige"
    ),
    "xlsx_more": Word("… and {n} more", "… og {n} flere"),
    # Figures that rest on payments not all read and accepted (`--partial`, the terminal table)
    "incomplete": Word(
        "INCOMPLETE: {errors} in {causes} ({files}){rows}; the figures leave out or misstate "
        "what they name",
        "UFULDSTÆNDIG: {errors} i {causes} ({files}){rows}; tallene udelader eller fejlangiver "
        "det, fejlene nævner",
    ),
    "withheld": Word(
        "no figures written: {errors} in {causes} ({files}); fix them, or give --partial to "
        "write the figures marked incomplete",
        "ingen tal skrevet: {errors} i {causes} ({files}); ret dem, eller giv --partial for at "
        "skrive tallene mærket ufuldstændige",
    ),
    "incomplete_error": Word("1 error", "1 fejl"),
    "incomplete_errors": Word("{n} errors", "{n} fejl"),
    "incomplete_row": Word("; 1 ledger row left out", "; 1 række i en oversigt udeladt"),
    "incomplete_rows": Word("; {n} ledger rows left out", "; {n} rækker i oversigter udeladt"),
    # what the errors that make figures incomplete are about (results/completeness.py CAUSES)
    "cause_plan": Word("the plan", "planen"),
    "cause_approvals": Word("approvals", "bevillingerne"),
    "cause_payments": Word("payments", "udbetalingerne"),
    "cause_rates": Word("exchange rates", "valutakurserne"),
    "cause_allocations": Word("allocations", "allokeringerne"),
    "cause_schedule": Word("the schedule", "udbetalingsplanen"),
    "cause_published": Word("published IATI values", "offentliggjorte IATI-værdier"),
    "cause_left_out": Word("a file left out of the figures", "en fil, der er udeladt af tallene"),
    "cause_left_out_files": Word(
        "files left out of the figures", "filer, der er udeladt af tallene"
    ),
    "and_last": Word(" and ", " og "),
    "xlsx_page": Word("Page &P of &N", "Side &P af &N"),
    "sheet_disbursement": Word("Disbursement", "Udbetalinger"),
    "sheet_priority": Word("Priority areas", "Prioritetsområder"),
    "sheet_place": Word("Places", "Steder"),
    "sheet_dialogue": Word("Dialogue periods", "Dialogperioder"),
    "sheet_portfolio": Word("Portfolio", "Portefølje"),
    "sheet_budget": Word("Budget", "Budget"),
    # Diff
    "no_change": Word(
        "No change in budget figures, approvals, allocations, payments or findings.",
        "Ingen ændringer i budgettal, bevillinger, allokeringer, udbetalinger eller "
        "kontrolresultater.",
    ),
    "budget_changes": Word("Budget changes", "Budgetændringer"),
    "budget_lines": Word("Budget lines", "Budgetlinjer"),
    "totals": Word("Totals", "Summer"),
    "old": Word("Old", "Før"),
    "new": Word("New", "Efter"),
    "change": Word("Change", "Ændring"),
    "approval_flags": Word("Approvals", "Bevillinger"),
    "dialogue_period": Word("Period", "Periode"),
    "allocation": Word("Allocation", "Allokering"),
    "payments": Word("Payments", "Udbetalinger"),
    "old_count_sum": Word("Old (count: sum)", "Før (antal: sum)"),
    "new_count_sum": Word("New (count: sum)", "Efter (antal: sum)"),
    "none": Word("(none)", "(ingen)"),
    "findings_changed": Word(
        "Findings (+ appeared, - disappeared)", "Kontrolresultater (+ nye, - forsvundne)"
    ),
    "findings": Word("Findings", "Kontrolresultater"),
    "appeared": Word("appeared", "ny"),
    "disappeared": Word("disappeared", "forsvundet"),
    "at": Word("at", "i"),
    # Versions of the document
    "version_shown": Word(
        "Figures of the {version} version: {name} ({reference}).",
        "Tallene følger versionen {version}: {name} ({reference}).",
    ),
    "version_dated": Word("dated {date}", "dateret {date}"),
    "version_transcribed": Word(
        "The file transcribes the {version} version; the {version} version's figures where they "
        "differ are given in brackets.",
        "Filen gengiver versionen {version}; tallene fra versionen {version} står i parentes, "
        "hvor de afviger.",
    ),
    "version_changed": Word("{fact}: {now} ({version}: {was})", "{fact}: {now} ({version}: {was})"),
    "version_apportioned": Word(
        "† {year}: the {version} version gives the year's total only ({total}); its split over "
        "the lines is not published, so the lines are apportioned in proportion to the "
        "{earlier} version's.",
        "† {year}: versionen {version} angiver kun årets total ({total}); fordelingen på "
        "linjerne er ikke offentliggjort, så linjerne er fordelt forholdsmæssigt efter "
        "versionen {earlier}.",
    ),
    "version_earlier": Word("earlier", "tidligere"),
    "cover_of": Word("Cover of the {version} version", "Forside i versionen {version}"),
    "fact_title": Word("Title", "Titel"),
    "fact_funding_basis": Word("Funding basis", "Finansieringsgrundlag"),
    "fact_responsible_unit": Word("Responsible unit", "Ansvarlig enhed"),
    # Findings
    "severity_fatal": Word("fatal", "kritisk"),
    "severity_error": Word("error", "fejl"),
    "severity_warning": Word("warning", "advarsel"),
    "severity_note": Word("note", "bemærkning"),
    "write": Word("write", "skriv"),
    "column_n": Word("column {n}", "kolonne {n}"),
    "column_named": Word("column {name}", "kolonnen {name}"),
    "github_hidden": Word(
        "not shown as annotations (GitHub shows {n} per level and step): {parts}; --format text "
        "or sarif lists them all",
        "ikke vist som annoteringer (GitHub viser {n} pr. niveau og trin): {parts}; --format "
        "text eller sarif viser dem alle",
    ),
    "github_more_error": Word("{n} more errors", "{n} fejl mere"),
    "github_more_error_one": Word("{n} more error", "{n} fejl mere"),
    "github_more_warning": Word("{n} more warnings", "{n} advarsler mere"),
    "github_more_warning_one": Word("{n} more warning", "{n} advarsel mere"),
    "github_more_notice": Word("{n} more notices", "{n} bemærkninger mere"),
    "github_more_notice_one": Word("{n} more notice", "{n} bemærkning mere"),
    # Report
    "report": Word("Briefing", "Orientering"),
    "organisation": Word("Organisation", "Organisation"),
    "years": Word("{start}-{end} ({count} years)", "{start}-{end} ({count} år)"),
    "file_no": Word("File no.", "J.nr."),
    "responsible_units": Word("Responsible units", "Ansvarlige enheder"),
    "desk_officer": Word("Desk officer", "Sagsbehandler"),
    "financial_officer": Word("Financial officer", "Økonomiansvarlig"),
    "validation_findings": Word("Validation findings", "Kontrolresultater"),
    "no_findings": Word(
        "No validation findings: every total, approval and code checks out.",
        "Ingen kontrolresultater: alle summer, bevillinger og koder stemmer.",
    ),
    "findings_lead": Word(
        "The source file has findings; check them before using the figures.",
        "Kildefilen har kontrolresultater; gennemgå dem, før tallene bruges.",
    ),
    "errors_lead": Word(
        "The source file has errors; the figures below may be wrong until they are fixed.",
        "Kildefilen har fejl; tallene nedenfor kan være forkerte, indtil de er rettet.",
    ),
    "members_with_errors": Word(
        "These files have errors; their figures, and the portfolio's, may be wrong until they "
        "are fixed:",
        "Disse filer har fejl; deres tal og porteføljens kan være forkerte, indtil de er rettet:",
    ),
    "has_errors": Word("has errors", "har fejl"),
    "notes_only": Word(
        "{count} note(s) on the source file; none puts a figure in doubt.",
        "{count} bemærkning(er) til kildefilen; ingen af dem sår tvivl om tallene.",
    ),
    "unreadable": Word(
        "The file could not be read as a strategy; no figures are shown.",
        "Filen kunne ikke læses som en strategi; der vises ingen tal.",
    ),
    "table_file": Word(
        "A table file, not a strategy: `iomstrat table show` shows its figures.",
        "En tabelfil, ikke en strategi: `iomstrat table show` viser dens tal.",
    ),
    "budget": Word("Budget", "Budget"),
    "charts": Word("Charts", "Diagrammer"),
    "chart_by_line": Word("Budget by line and year", "Budget pr. linje og år"),
    "chart_by_year": Word(
        "Planned, approved and disbursed per year, with the remaining balance",
        "Planlagt, bevilget og udbetalt pr. år med restbeløb",
    ),
    "chart_cumulative": Word(
        "Cumulative disbursement against the schedule",
        "Akkumuleret udbetaling i forhold til udbetalingsplanen",
    ),
    "chart_allocations": Word(
        "Soft-earmarked allocations by country or region",
        "Blødt øremærkede allokeringer pr. land eller region",
    ),
    "no_allocations": Word(
        "No soft-earmarked allocations are recorded in the file.",
        "Filen indeholder ingen blødt øremærkede allokeringer.",
    ),
    "no_disbursements": Word(
        "No disbursements are recorded in the file; disbursed is shown as 0.",
        "Filen indeholder ingen udbetalinger; udbetalt vises som 0.",
    ),
    "schedule_basis": Word(
        "Schedule: the file's tranches where it gives them; else, in four equal tranches due at "
        "quarter ends, a decided year's approved amount and a planned year's projected annual "
        "disbursement from the cover table.",
        "Udbetalingsplan: filens rater, hvor den angiver dem; ellers, i fire lige store rater ved "
        "kvartalernes udgang, et besluttet års bevilgede beløb og et planlagt års forventede "
        "årlige udbetaling fra forsiden.",
    ),
    "money_note": Word(
        "Amounts in whole {currency}, as of {date}; payments in other currencies at their "
        "stated rate or the ECB reference rate of their date.",
        "Beløb i hele {currency} pr. {date}; udbetalinger i andre valutaer er omregnet til den "
        "angivne kurs eller ECB's referencekurs på udbetalingsdagen.",
    ),
    "contents": Word("Contents", "Indhold"),
    "portfolio": Word("Portfolio", "Portefølje"),
    "by_code": Word("By Finance Act code", "Pr. finanslovskonto"),
    "by_code_title": Word(
        "The strategy per Finance Act code as of {date} ({currency})",
        "Strategien pr. finanslovskonto pr. {date} ({currency})",
    ),
    "by_code_note": Word(
        "The strategy's lines summed per Finance Act code and year, in whole {currency} as of "
        "{date}, as iomstrat disbursement gives them.",
        "Strategiens linjer lagt sammen pr. finanslovskonto og år, i hele {currency} pr. "
        "{date}, som iomstrat disbursement giver dem.",
    ),
    "portfolio_note": Word(
        "Each strategy's figures summed per Finance Act code and year, in whole {currency} as "
        "of {date}; a strategy in another currency converted at ECB reference rates.",
        "Hver strategis tal lagt sammen pr. finanslovskonto og år, i hele {currency} pr. "
        "{date}; en strategi i en anden valuta omregnet til ECB's referencekurser.",
    ),
    "portfolio_no_rate": Word(
        "No portfolio: a strategy's currency has no ECB reference rate for {currency} on the "
        "report's date.",
        "Ingen portefølje: en strategis valuta har ingen ECB-referencekurs til {currency} på "
        "rapportens dato.",
    ),
    "cover_table": Word("Cover table", "Forsidetabel"),
    "cover_commitment": Word("Commitment", "Tilsagn"),
    "cover_projected": Word("Projected annual disbursement", "Forventet årlig udbetaling"),
    "cover_note": Word(
        "As printed on the strategy's cover; totals as printed (— where none is printed).",
        "Som trykt på strategiens forside; totaler som trykt (— hvor ingen er trykt).",
    ),
    "statements": Word("The document against itself", "Dokumentet holdt op mod sig selv"),
    "statements_lead": Word(
        "Each quantitative or referential statement of the text, held against the table, "
        "budget figure or other statement it speaks of.",
        "Hvert talmæssigt udsagn eller henvisning i teksten, holdt op mod den tabel, det "
        "budgettal eller det andet udsagn, det taler om.",
    ),
    "statements_summary": Word(
        "{holds} hold, {differs} do not hold, {acknowledged} acknowledged, {unchecked} not "
        "checked (nothing in the data to hold them against).",
        "{holds} holder, {differs} holder ikke, {acknowledged} anerkendt, {unchecked} ikke "
        "kontrolleret (intet i data at holde dem op mod).",
    ),
    "statement": Word("Statement", "Udsagn"),
    "statement_place": Word("Place in the document", "Sted i dokumentet"),
    "statement_verdict": Word("Verdict", "Resultat"),
    "statement_data": Word("In the data", "I data"),
    "verdict_holds": Word("holds", "holder"),
    "verdict_differs": Word("does not hold", "holder ikke"),
    "verdict_acknowledged": Word("acknowledged (errata)", "anerkendt (errata)"),
    "verdict_unchecked": Word("not checked", "ikke kontrolleret"),
    "verdict_unresolved": Word("names nothing in the data", "peger på intet i data"),
    "assumptions": Word("This file's assumptions", "Filens antagelser"),
    "assumptions_lead": Word(
        "Values of the file the document does not state: the file's, not the source's.",
        "Værdier i filen, som dokumentet ikke angiver: filens, ikke kildens.",
    ),
    "ledger": Word("Payment ledger", "Udbetalingsoversigt"),
    "status": Word("Status", "Status"),
    "cumulative_scheduled": Word("Scheduled, cumulative", "Iflg. plan, akkumuleret"),
    "cumulative_disbursed": Word("Disbursed, cumulative", "Udbetalt, akkumuleret"),
    "gap": Word("Difference from schedule", "Afvigelse fra planen"),
    "recipient": Word("Country or region", "Land eller region"),
    "others": Word("{} others", "{} øvrige"),
    "amount": Word("Amount", "Beløb"),
    "provenance": Word("Source", "Kilde"),
    "as_of": Word("Figures as of", "Tal pr."),
    "source_file": Word("Source file", "Kildefil"),
    "sha256": Word("SHA-256 of its content", "SHA-256 af indholdet"),
    "size": Word("Size", "Størrelse"),
    "bytes": Word("bytes", "byte"),
    "made_by": Word("Made by", "Udarbejdet med"),
    "location": Word("Location", "Placering"),
    "code": Word("Code", "Kode"),
    "severity": Word("Severity", "Alvorlighed"),
    "message": Word("Message", "Beskrivelse"),
    # Units: a caption in parentheses, e.g. (DKK million) / (mio. kr.)
    "unit_million": Word("{currency} million", "mio. {currency}"),
    "unit_thousand": Word("{currency} thousand", "1.000 {currency}"),
    "unit_kroner": Word("{currency}", "{currency}"),
    "unit_units": Word("{currency}", "{currency}"),
    "computed": Word("Computed", "Beregnet"),
    "growth_percent": Word("Growth (%)", "Vækst (%)"),
    # Notices on stderr
    "notice_embedded": Word(
        "no strategy file in this folder; using the embedded example (Denmark-IOM 2023-2026). "
        "Give PATH to use your own.",
        "ingen strategifil i denne mappe; bruger det indbyggede eksempel (Danmark-IOM "
        "2023-2026). Angiv PATH for at bruge din egen.",
    ),
    "notice_found": Word(
        "no PATH given; using {files} from this folder",
        "ingen PATH angivet; bruger {files} fra denne mappe",
    ),
    "notice_several": Word(
        "{count} strategy files in this folder ({files}): give PATH",
        "{count} strategifiler i denne mappe ({files}): angiv PATH",
    ),
    "notice_skipped": Word(
        "{file}: skipped, no top-level strategy: or table: key (another tool's YAML)",
        "{file}: sprunget over, ingen strategy:- eller table:-nøgle øverst (et andet værktøjs "
        "YAML)",
    ),
    "summary": Word(
        "{files} checked{skipped}: {errors}, {warnings}, {notes}",
        "{files} kontrolleret{skipped}: {errors}, {warnings}, {notes}",
    ),
    "summary_skipped": Word(" ({n} skipped)", " ({n} sprunget over)"),
    "count_yaml": Word("1 other YAML file", "1 anden YAML-fil"),
    "count_yamls": Word("{n} other YAML files", "{n} andre YAML-filer"),
    "count_file": Word("1 file", "1 fil"),
    "count_files": Word("{n} files", "{n} filer"),
    "count_error": Word("1 error", "1 fejl"),
    "count_errors": Word("{n} errors", "{n} fejl"),
    "count_warning": Word("1 warning", "1 advarsel"),
    "count_warnings": Word("{n} warnings", "{n} advarsler"),
    "count_note": Word("1 note", "1 bemærkning"),
    "count_notes": Word("{n} notes", "{n} bemærkninger"),
    "quarter_name": Word("Q{quarter} {year}", "{quarter}. kvt. {year}"),
    "quarter_short": Word("Q{quarter}", "K{quarter}"),  # a chart's tick: short, never colliding
}
WORDS: Mapping[str, Word] = MappingProxyType(_WORDS)


def word(key: str, locale: str) -> str:
    """The word for `key` in `locale` ("en" or "da")."""
    entry = WORDS[key]
    return entry.da if locale == "da" else entry.en


def column(name: str | int, locale: str) -> str:
    """A table's column: by its heading ('column 2021' / 'kolonnen 2021'), or by its number when
    printed without one ('column 3' / 'kolonne 3')."""
    if isinstance(name, str):
        return word("column_named", locale).format(name=name)
    return word("column_n", locale).format(n=int(name))


def words(locale: str) -> dict[str, str]:
    """Every word in `locale`, for a template."""
    return {key: word(key, locale) for key in WORDS}


def unit(currency: str, unit_name: str, locale: str) -> str:
    """The unit of figures: 'DKK million' / 'mio. kr.', 'DKK thousand' / '1.000 kr.'."""
    money = "kr." if locale == "da" and currency == "DKK" else currency
    return word(f"unit_{unit_name}", locale).format(currency=money)


def quarter(year: int, number: int, locale: str) -> str:
    """'Q2 2023' / '2. kvt. 2023'."""
    return word("quarter_name", locale).format(quarter=number, year=year)


def status(name: str, locale: str) -> str:
    return word(f"status_{name}", locale)


def severity(label: str, locale: str) -> str:
    return word(f"severity_{label}", locale)


ENGLISH_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
"""CLDR's English month names, as babel gives them (a test compares)."""


def date(value: dt.date, locale: str) -> str:
    """A date the European way: '30 June 2024' / '30. juni 2024'."""
    if locale == "en":  # without loading babel's locale data (0.05-0.1 s) for it
        return f"{value.day} {ENGLISH_MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_date  # here: most commands print no date in words

    return str(format_date(value, "d. MMMM y" if locale == "da" else "d MMMM y", locale=locale))
