"""The document checked against itself (IOM800-IOM811): each statement of its text held
against the table, row, column or budget figure it speaks of, with the tolerance its wording
gives; a figure printed in two places; statements of the same quantity; the monitoring
framework's outputs under the outcomes their codes name; and the file's assumptions, shown as
the file's, not the source's. The figures come from `engine.statements`."""

from __future__ import annotations

from decimal import Decimal

from iomstrat.checks.context import Context
from iomstrat.engine.statements import hold_statements
from iomstrat.engine.targets import section_key
from iomstrat.findings import DataPath, Diagnostic, Severity, echo
from iomstrat.model.errors import parse_path
from iomstrat.model.statements import Place, Statement
from iomstrat.results.statements import Bounds, Found, Problem, StatementResult, Verdict

STATEMENT_DIFFERS = "IOM800"
RANKING_DIFFERS = "IOM801"
WRONG_REFERENCE = "IOM802"
FIGURE_REPEATED_DIFFERS = "IOM803"
STATEMENTS_DISAGREE = "IOM804"
ACKNOWLEDGED_STATEMENT = "IOM805"
UNRESOLVED_STATEMENT = "IOM806"
UNREADABLE_TABLE = "IOM807"
DUPLICATE_STATEMENT = "IOM808"
ASSUMPTION = "IOM809"
BAD_ASSUMPTION = "IOM810"
OUTPUT_OUTSIDE_OUTCOMES = "IOM811"

PARTS = {
    "period_years": "years of the period",
    "priority_areas": "priority areas",
    "budget_lines": "budget lines",
    "dialogue.every_months": "dialogue.every_months",
}
"""What a count of a part of the strategy counts, as a finding names it."""
QUOTE = 240
"""Characters of a statement's words quoted in a finding."""


# --- words of a finding (English; render/words.py holds the Danish summaries) ---------------


def place(at: Place) -> str:
    parts = [at.section]
    if at.paragraph:
        parts.append(f"paragraph '{at.paragraph}'")
    if at.page:
        parts.append(f"p. {at.page}")
    if at.line:
        parts.append(f"transcription line {at.line}")
    return ", ".join(parts)


def quoted(statement: Statement) -> str:
    return f"'{echo(statement.text, QUOTE)}' ({place(statement.at)})"


def _number(value: Decimal) -> str:
    """A figure as the file or table has it: 5.50 stays 5.50."""
    return f"{value:,f}"


def _computed(value: Decimal) -> str:
    """A computed figure (a bound, a difference) without trailing zeros: 10.80 -> 10.8."""
    text = f"{value:,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def where(found: Found) -> str:
    """Where a figure stands: 'ANNEX 3 - Donor overview (UNEARMARKED FUNDING OVERVIEW), row
    'Denmark', column 2021' or 'budget line core, 2023'."""
    if found.table is None and found.year is None and found.line in PARTS:
        return PARTS[found.line]
    if found.table is None:
        return f"budget {found.line}" + (f", {found.year}" if found.year else "")
    text = found.section or found.table
    if found.title and found.title != found.section:
        text += f" ({found.title})"
    if found.row:
        text += f", row '{found.row}'"
    if found.column:
        text += f", column {found.column}"
    if not found.row and not found.column:
        text += ", grand total"
    elif not found.row:
        text += " total"
    return text


def figure(found: Found) -> str:
    """The figure as printed, with its currency and unit: 'USD 5.50 million', 'DKK 48 million'."""
    if found.printed is None:
        return _number(found.amount) if found.amount is not None else "nothing"
    unit = "" if found.unit in (None, "units", "kroner") else f" {found.unit}"
    currency = f"{found.currency} " if found.currency else ""
    return f"{currency}{_number(found.printed)}{unit}"


def allowed(bounds: Bounds | None) -> str:
    if bounds is None:
        return "the figure stated"
    low, high = bounds.low, bounds.high
    if low is not None and high is not None:
        return f"{_computed(low)} to {_computed(high)}"
    if low is not None:
        return f"{'above' if bounds.open_low else 'at least'} {_computed(low)}"
    if high is not None:
        return f"{'below' if bounds.open_high else 'at most'} {_computed(high)}"
    return "any figure"


def _stated(statement: Statement) -> str:
    if statement.stated is None:
        return ""
    wording = "" if statement.wording == "exactly" else statement.wording.replace("_", " ") + " "
    if statement.kind == "amount":
        unit = "" if statement.unit == "units" else f" {statement.unit}"
        return f"{wording}{statement.currency} {_number(statement.stated)}{unit}"
    if statement.kind == "share":
        return f"{wording}{_number(statement.stated)} per cent"
    return f"{wording}{_number(statement.stated)}"


_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth"}


def _ordinal(rank: int) -> str:
    return _ORDINALS.get(rank, f"{rank}th")


def _swapped(
    result: StatementResult, others: tuple[StatementResult, ...]
) -> StatementResult | None:
    """Another wrong reference that sends the reader where this one's matter is, for what
    this one sends them to: the two are the other way round."""
    mine, there = result.statement.refers_to or "", result.found[0].section or ""
    for other in others:
        if other is result or other.statement.kind != "reference" or not other.failing:
            continue
        theirs, their_place = other.statement.refers_to or "", other.found[0].section or ""
        if section_key(theirs) == section_key(there) and section_key(their_place) == section_key(
            mine
        ):
            return other
    return None


def _differs(result: StatementResult, others: tuple[StatementResult, ...] = ()) -> tuple[str, str]:
    """Code and message of a statement the data does not bear out."""
    statement = result.statement
    text = quoted(statement)
    if statement.kind == "ranking":
        return RANKING_DIFFERS, _ranking(result, text)
    if statement.kind == "reference":
        found = result.found[0]
        swapped = _swapped(result, others)
        return WRONG_REFERENCE, (
            f"the text sends the reader to {statement.refers_to}"
            + (f" for {statement.about}" if statement.about else "")
            + f": {text}; but that is in {found.section or found.table}"
            + (f" ({found.title})" if found.title else "")
            + (
                f". It is the other way round: {quoted(swapped.statement)} sends the reader "
                f"to {swapped.statement.refers_to} for what is in {statement.refers_to}"
                if swapped is not None
                else ""
            )
        )
    if statement.kind == "same":
        one, other = result.found
        assert one.amount is not None and other.amount is not None
        return FIGURE_REPEATED_DIFFERS, (
            f"one figure printed in two places differs: {where(one)} has {figure(one)}, "
            f"{where(other)} has {figure(other)} (a difference of "
            f"{one.currency} {_computed(abs(one.amount - other.amount))}, more than the rounding "
            f"of either): {text}"
        )
    if statement.kind == "rank":
        found = result.found[0]
        return STATEMENT_DIFFERS, (
            f"the text ranks {found.row} {_ordinal(int(statement.stated or 0))}: {text}; but "
            f"{where(found)} ranks it {_ordinal(int(found.amount or 0))} ({figure(found)})"
        )
    failing = ", ".join(f"{where(f)}: {figure(f)}" for f in result.failing)
    return STATEMENT_DIFFERS, (
        f"the text states {_stated(statement)}: {text}; but {failing} "
        f"(the wording allows {allowed(result.bounds)})"
    )


def _ranking(result: StatementResult, text: str) -> str:
    """The rows the text ranks out of the table's order, quoting both figures."""
    statement = result.statement
    claims = ", ".join(
        f"{name} {_ordinal(statement.first + i)}"
        for i, (name, found) in enumerate(zip(statement.order, result.found, strict=True))
        if found in result.failing
    )
    against = []
    for i, one in enumerate(result.found):
        for other in result.found[i + 1 :]:
            if (one.printed or 0) < (other.printed or 0):
                against.append(f"{other.row} at {figure(other)} above {one.row} at {figure(one)}")
    column = result.found[0].column
    table = result.found[0].section or result.found[0].table
    facts = "; ".join(against) or ", ".join(
        f"{f.row} {_ordinal(int(f.amount or 0))} ({figure(f)})" for f in result.failing
    )
    return f"the text ranks {claims}: {text}; but {table}, column {column} has {facts}"


_PROBLEMS = {
    Problem.UNKNOWN_TABLE: "names table '{}', which `tables:` does not list",
    Problem.UNREADABLE_TABLE: "names table '{}', whose file could not be read as a table",
    Problem.UNKNOWN_ROW: "names row '{}', which the table does not have",
    Problem.AMBIGUOUS_ROW: "names row '{}', which the table prints more than once",
    Problem.UNKNOWN_COLUMN: "names column '{}', which the table does not have (or none)",
    Problem.EMPTY_CELL: "names the cell {}, which is printed empty",
    Problem.UNKNOWN_LINE: "names budget line or year '{}', which the budget does not have",
    Problem.UNKNOWN_TOTAL: "names stated total '{}', which the budget does not have",
    Problem.NOT_COMPARABLE: "speaks of something its kind cannot be held against ({})",
    Problem.NO_TOTAL: "names a share of column {}, whose total is zero",
}


def _diagnostics(
    ctx: Context, result: StatementResult, others: tuple[StatementResult, ...]
) -> list[Diagnostic]:
    path = ("statements", result.index)
    statement = result.statement
    found: list[Diagnostic] = []
    if result.verdict is Verdict.UNRESOLVED:
        problem = result.problem or Problem.NOT_COMPARABLE
        found.append(
            ctx.document.diagnostic(
                (*path, "of"),
                UNRESOLVED_STATEMENT,
                Severity.ERROR,
                f"statement '{statement.id}' "
                + _PROBLEMS[problem].format(echo(result.missing or ""))
                + "; it is not checked",
            )
        )
    elif result.verdict in (Verdict.DIFFERS, Verdict.ACKNOWLEDGED) and (
        result.failing or statement.kind == "ranking"
    ):
        code, message = _differs(result, others)
        if result.verdict is Verdict.ACKNOWLEDGED:
            code, message = (
                ACKNOWLEDGED_STATEMENT,
                (f"acknowledged in errata ({echo(result.reason or '')}): {message}"),
            )
        severity = Severity.INFO if code == ACKNOWLEDGED_STATEMENT else Severity.WARNING
        found.append(ctx.document.diagnostic(path, code, severity, message))
    for other in result.disagrees_with:
        earlier = ctx.strategy.statements[other]
        found.append(
            ctx.document.diagnostic(
                path,
                ACKNOWLEDGED_STATEMENT
                if result.verdict is Verdict.ACKNOWLEDGED
                else STATEMENTS_DISAGREE,
                Severity.INFO if result.verdict is Verdict.ACKNOWLEDGED else Severity.WARNING,
                f"two statements of one quantity ({statement.quantity}) disagree: "
                f"{_stated(statement)} in {quoted(statement)}, but {_stated(earlier)} in "
                f"{quoted(earlier)}",
            )
        )
    return found


def check_statements(ctx: Context) -> list[Diagnostic]:
    """Every statement held against its data and the others (IOM800-IOM806)."""
    statements = ctx.strategy.statements
    if not statements:
        return []
    found: list[Diagnostic] = []
    seen: set[str] = set()
    for index, statement in enumerate(statements):
        if statement.id in seen:
            found.append(
                ctx.document.diagnostic(
                    ("statements", index, "id"),
                    DUPLICATE_STATEMENT,
                    Severity.ERROR,
                    f"statement id '{statement.id}' is used twice",
                )
            )
        seen.add(statement.id)
    results = hold_statements(ctx.strategy, ctx.tables or {})
    for result in results:
        found += _diagnostics(ctx, result, results)
    return found


def check_assumptions(ctx: Context) -> list[Diagnostic]:
    """Each value the file assumes is shown as the file's, not the document's (IOM809, at the
    assumption, so the file's own findings keep their order); an assumption naming no value of
    the file is an error (IOM810)."""
    found = []
    for index, assumption in enumerate(ctx.strategy.assumptions):
        path = parse_path(assumption.at)
        value = _value(ctx.document.data, path) if path is not None else None
        if path is None or value is None:
            found.append(
                ctx.document.diagnostic(
                    ("assumptions", index, "at"),
                    BAD_ASSUMPTION,
                    Severity.ERROR,
                    f"assumption at '{echo(assumption.at)}' names no value of the file",
                )
            )
            continue
        found.append(
            ctx.document.diagnostic(
                ("assumptions", index, "at"),
                ASSUMPTION,
                Severity.INFO,
                f"{assumption.at}: {_shown(value)} is this file's assumption, not the "
                f"document's: {echo(assumption.reason, QUOTE)}",
            )
        )
    return found


def _shown(value: object) -> str:
    if isinstance(value, list):
        return f"the list of {len(value)}"
    if isinstance(value, dict):
        return "the mapping"
    return echo(str(value))


def _value(data: object, path: DataPath) -> object:
    """The plain value at `path` in the loaded file; None where it names nothing."""
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def check_output_outcomes(ctx: Context) -> list[Diagnostic]:
    """A monitoring framework output (`3b.4.2`) stands under a short-term outcome its code
    names (`3b.4`) that the same priority area lists (IOM811)."""
    found = []
    for area_index, area in enumerate(ctx.strategy.priority_areas):
        if not area.outcomes:
            continue
        outcomes = set(area.outcomes)
        for index, output in enumerate(area.outputs):
            outcome = output.rsplit(".", 1)[0]
            if outcome not in outcomes:
                found.append(
                    ctx.document.diagnostic(
                        ("priority_areas", area_index, "outputs", index),
                        OUTPUT_OUTSIDE_OUTCOMES,
                        Severity.WARNING,
                        f"priority area {area.id}: output {output} belongs by its code to "
                        f"outcome {outcome}, which the area does not list (it lists "
                        f"{', '.join(area.outcomes)})",
                    )
                )
    return found
