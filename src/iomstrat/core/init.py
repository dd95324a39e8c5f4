"""A new strategy file from the facts of its cover and budget table (`iomstrat init`): the
organisation and the donor with their IATI ids, the file number, the responsible unit and the
officers, the period, the budget lines with their yearly amounts, the cover table with its
printed totals, the geographic focus, and errata of the source. Returns text; writes nothing."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from iomstrat.core.pipeline import Run, check_bytes
from iomstrat.findings import Diagnostic, Usage
from iomstrat.loader import documents as loader
from iomstrat.loader.embedded import SCHEMA_FILE
from iomstrat.loader.git import repository_root
from iomstrat.model.errors import format_path, parse_path
from iomstrat.model.kinds import LINE_KINDS
from iomstrat.model.strategy import FINANCE_ACT_PATTERN, UNIT_FACTORS, marked_figure

__all__ = [
    "LINE_KINDS",
    "CoverSpec",
    "NewStrategy",
    "ScaffoldError",
    "cover_row",
    "parse_erratum",
    "parse_figures",
    "parse_line",
    "schema_comment",
]

_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_AMOUNT = re.compile(r"^[0-9]+(\.[0-9]+)?$")
_DECIMAL_COMMA = re.compile(r"^[0-9]+,[0-9]+$")
YEAR_SEPARATOR = "/"
"""Between the years' figures: 48/48/50/50. Not a comma, which Danish writes for decimals."""


class ScaffoldError(ValueError):
    """An option that cannot make a valid strategy: `usage` says which and why, as a key of
    `render/usage.py` and its values (and `finding`, the first finding of a file that would
    not validate, with `hint`, what to write for it), worded by the command line."""

    def __init__(
        self, usage: Usage, finding: Diagnostic | None = None, hint: Usage | None = None
    ) -> None:
        super().__init__(usage.key)
        self.usage = usage
        self.finding = finding
        self.hint = hint


def _usage(key: str, **values: Any) -> Usage:
    return Usage(f"init.{key}", tuple(values.items()))


def parse_figures(text: str, what: Usage) -> tuple[Decimal, ...]:
    """One figure for every year, or one per year separated by '/'; `what` names the option and
    the text in messages. A comma is refused, never
    taken as a separator: `47,5` is the Danish way of writing 47.5, and splitting it would
    record 47 and 5."""
    figures = [part.strip() for part in text.split(YEAR_SEPARATOR)]
    for figure in figures:
        if "," in figure and _DECIMAL_COMMA.match(figure):
            point = figure.replace(",", ".")
            raise ScaffoldError(_usage("decimal_comma", what=what, point=point, comma=figure))
        if "," in figure:
            raise ScaffoldError(_usage("comma", what=what))
        if not _AMOUNT.match(figure):
            raise ScaffoldError(_usage("not_a_number", what=what, figure=loader.echo(figure)))
    return tuple(Decimal(figure) for figure in figures)


def parse_erratum(text: str) -> tuple[str, str]:
    """`PATH:REASON`, e.g. `cover.commitment.total:printed 2.055; 5 x 510 = 2.550`."""
    at, sep, reason = text.partition(":")
    if not sep or not at.strip() or not reason.strip():
        raise ScaffoldError(_usage("erratum_form", text=loader.echo(text)))
    return at.strip(), reason.strip()


@dataclass(frozen=True)
class LineSpec:
    id: str
    name: str
    kind: str
    amounts: tuple[Decimal, ...]  # one for every year, or one per year of the period


def parse_line(text: str) -> LineSpec:
    """`id:name:kind:amount`, the name may hold colons; amount is one figure for every year or
    one per year separated by '/', e.g. `core:Core funding:core:48` or
    `core:Core funding:core:48/48/50/50`. The kind is any lower-case identifier."""
    head, sep, rest = text.partition(":")
    parts = rest.rsplit(":", 2)
    if not sep or len(parts) != 3:
        raise ScaffoldError(_usage("line_form", text=loader.echo(text)))
    line_id, (name, kind, amounts) = head.strip(), (p.strip() for p in parts)
    for what, value in (("id", line_id), ("kind", kind)):
        if not _ID.match(value):
            shown = {"text": loader.echo(text), "value": loader.echo(value)}
            raise ScaffoldError(
                _usage("line_kind", **shown, kinds=LINE_KINDS)
                if what == "kind"
                else _usage("line_id", **shown)
            )
    if not name:
        raise ScaffoldError(_usage("line_name", text=loader.echo(text)))
    figures = _usage("what_line", text=loader.echo(text), amounts=loader.echo(amounts))
    return LineSpec(line_id, name, kind, parse_figures(amounts, figures))


@dataclass(frozen=True)
class CoverSpec:
    """A row of the cover table as printed: per year, and the period's total if printed; the
    footnote markers printed after them (`""` where none), per figure and for the total."""

    by_year: tuple[Decimal, ...]
    total: Decimal | None = None
    markers: tuple[str, ...] = ()  # one per figure of `by_year`
    total_marker: str = ""


def _unmarked(text: str) -> tuple[str, tuple[str, ...]]:
    """The cover's figures as typed, their footnote markers split off as the file reads them
    (`375*`, `70¹`): `100/70¹` gives ('100/70', ('', '¹'))."""
    parts, markers = [], []
    for part in text.split(YEAR_SEPARATOR):
        found = marked_figure(part)
        parts.append(part if found is None else str(found[0]))
        markers.append("" if found is None else found[1])
    return YEAR_SEPARATOR.join(parts), tuple(markers)


def cover_row(option: str, figures: str | None, total: str | None) -> CoverSpec | None:
    """A cover row from `--commitment 100/100/100/100 --commitment-total 400`; a figure may
    carry the footnote marker the cover prints after it (`--commitment-total 400*`)."""
    if figures is None:
        if total is not None:
            raise ScaffoldError(_usage("total_alone", option=option))
        return None
    printed, total_marker = None, ""
    if total is not None:
        number, (total_marker, *more) = _unmarked(total)
        found = parse_figures(
            number, _usage("what", option=f"{option}-total", text=loader.echo(total))
        )
        if len(found) != 1 or more:
            raise ScaffoldError(_usage("total_one", option=option))
        printed = found[0]
    numbers, markers = _unmarked(figures)
    by_year = parse_figures(numbers, _usage("what", option=option, text=loader.echo(figures)))
    return CoverSpec(by_year, printed, markers, total_marker)


@dataclass(frozen=True)
class NewStrategy:
    organisation: str
    acronym: str | None
    start: int
    end: int
    lines: tuple[LineSpec, ...]
    finance_act_code: str
    currency: str = "DKK"
    unit: str = "million"
    title: str | None = None
    organisation_iati: str | None = None
    donor: str | None = None
    donor_acronym: str | None = None
    donor_iati: str | None = None
    file_no: str | None = None
    responsible_unit: str | None = None
    desk_officer: str | None = None
    financial_officer: str | None = None
    commitment: CoverSpec | None = None
    projected_disbursement: CoverSpec | None = None
    geographic_focus: tuple[str, ...] = ()
    errata: tuple[tuple[str, str], ...] = field(default=())  # (data path, reason)
    schema: str | None = None  # the `$schema` path or URL; None: the repository's schema


class _Dumper(yaml.SafeDumper):
    """Amounts as the decimal numbers they are, never through float; no anchors or aliases
    (the loader counts them, and people should see each figure written out)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _decimal(dumper: yaml.SafeDumper, value: Decimal) -> yaml.ScalarNode:
    text = format(value.normalize(), "f")
    tag = "tag:yaml.org,2002:float" if "." in text else "tag:yaml.org,2002:int"
    return dumper.represent_scalar(tag, text)


_Dumper.add_representer(Decimal, _decimal)


def _one_line(text: str | None, option: str) -> None:
    if text is not None and (not text.strip() or not text.isprintable()):
        raise ScaffoldError(_usage("one_line", option=option))


def _check(spec: NewStrategy) -> None:
    _one_line(spec.organisation, "--organisation")
    for option, value in (
        ("--acronym", spec.acronym),
        ("--title", spec.title),
        ("--organisation-iati", spec.organisation_iati),
        ("--donor", spec.donor),
        ("--donor-acronym", spec.donor_acronym),
        ("--donor-iati", spec.donor_iati),
        ("--file-no", spec.file_no),
        ("--responsible-unit", spec.responsible_unit),
        ("--desk-officer", spec.desk_officer),
        ("--financial-officer", spec.financial_officer),
        *(("--focus", place) for place in spec.geographic_focus),
    ):
        _one_line(value, option)
    if not 1900 <= spec.start <= spec.end <= 2200:
        raise ScaffoldError(_usage("period", start=spec.start, end=spec.end))
    if not re.fullmatch(r"[A-Z]{3}", spec.currency):
        raise ScaffoldError(_usage("currency", currency=loader.echo(spec.currency)))
    if spec.unit not in UNIT_FACTORS:
        raise ScaffoldError(_usage("unit", unit=loader.echo(spec.unit), units=tuple(UNIT_FACTORS)))
    if not FINANCE_ACT_PATTERN.fullmatch(spec.finance_act_code):
        raise ScaffoldError(_usage("finance_act_code", code=loader.echo(spec.finance_act_code)))
    if not spec.lines:
        raise ScaffoldError(_usage("no_line"))
    ids = [line.id for line in spec.lines]
    if len(set(ids)) != len(ids):
        raise ScaffoldError(_usage("line_ids", ids=tuple(ids)))
    years = spec.end - spec.start + 1
    counted = [(f"--line {line.id}", line.amounts) for line in spec.lines]
    counted += [
        (option, row.by_year)
        for option, row in (
            ("--commitment", spec.commitment),
            ("--projected-disbursement", spec.projected_disbursement),
        )
        if row is not None
    ]
    for what, amounts in counted:
        if len(amounts) not in (1, years):
            raise ScaffoldError(
                _usage(
                    "amounts",
                    what=what,
                    count=len(amounts),
                    years=years,
                    start=spec.start,
                    end=spec.end,
                )
            )


def strategy_data(spec: NewStrategy) -> dict[str, Any]:
    """The file's content as plain data, in the order the file format documents."""
    _check(spec)
    years = list(range(spec.start, spec.end + 1))
    who = spec.acronym or spec.organisation
    period = f"{spec.start}-{spec.end}"

    def by_year(amounts: tuple[Decimal, ...]) -> dict[int, Decimal]:
        figures = amounts * len(years) if len(amounts) == 1 else amounts
        return dict(zip(years, figures, strict=True))

    amounts = {line.id: by_year(line.amounts) for line in spec.lines}
    lines = [
        {
            "id": line.id,
            "name": line.name,
            "kind": line.kind,
            "finance_act_code": spec.finance_act_code,
            "amounts": amounts[line.id],
        }
        for line in spec.lines
    ]
    info: dict[str, Any] = {
        "title": spec.title or f"Strategy for the engagement with {spec.organisation} {period}",
        "organisation": _organisation(spec.organisation, spec.acronym, spec.organisation_iati),
    }
    if spec.donor or spec.donor_acronym or spec.donor_iati:
        name = spec.donor or "Ministry of Foreign Affairs of Denmark"
        info["donor"] = _organisation(name, spec.donor_acronym, spec.donor_iati)
    for key in ("file_no", "responsible_unit", "desk_officer", "financial_officer"):
        if getattr(spec, key) is not None:
            info[key] = getattr(spec, key)
    info |= {
        "period": {"start": spec.start, "end": spec.end},
        "currency": spec.currency,
        "unit": spec.unit,
        "finance_act_code": spec.finance_act_code,
    }
    data: dict[str, Any] = {
        "schema_version": 1,
        "strategy": info,
        "budget": {
            "title": f"Contributions to {who} {period}",
            "lines": lines,
            "totals": [
                {
                    "id": "total",
                    "name": "Total contributions",
                    "lines": [line.id for line in spec.lines],
                    "stated": {
                        year: sum((figures[year] for figures in amounts.values()), Decimal(0))
                        for year in years
                    },
                }
            ],
        },
    }
    cover = {
        key: {"by_year": by_year(row.by_year)}
        | ({"total": row.total} if row.total is not None else {})
        | ({"markers": marked} if (marked := _cover_markers(row, years)) else {})
        for key, row in (
            ("commitment", spec.commitment),
            ("projected_disbursement", spec.projected_disbursement),
        )
        if row is not None
    }
    if cover:
        data["cover"] = cover
    data["approvals"] = [{"year": year, "status": "planned"} for year in years]
    if spec.geographic_focus:
        data["geographic_focus"] = list(spec.geographic_focus)
    if spec.errata:
        data["errata"] = [_erratum(data, at, reason) for at, reason in spec.errata]
    return data


def _cover_markers(row: CoverSpec, years: list[int]) -> dict[str, str]:
    """The markers of a cover row by year (one figure for every year: its marker on each) and
    `total`, as the file's `markers:` holds them."""
    each = row.markers * len(years) if len(row.markers) == 1 else row.markers
    found = {str(year): mark for year, mark in zip(years, each, strict=False) if mark}
    return found | ({"total": row.total_marker} if row.total_marker else {})


def _organisation(name: str, acronym: str | None, iati: str | None) -> dict[str, str]:
    found = {"name": name}
    if acronym:
        found["acronym"] = acronym
    if iati:
        found["iati_identifier"] = iati
    return found


def _erratum(data: dict[str, Any], at: str, reason: str) -> dict[str, Any]:
    """An errata entry for the figure the new file holds at `at`, printed as it is."""
    _one_line(reason, "--erratum's reason")
    path = parse_path(at)
    value: Any = data
    for part in path or ():
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and isinstance(part, int) and part < len(value):
            value = value[part]
        else:
            value = None
    if path is None or not isinstance(value, Decimal):
        raise ScaffoldError(_usage("erratum_path", at=loader.echo(at)))
    return {"at": format_path(path), "printed": value, "reason": reason}


def strategy_text(spec: NewStrategy, *, file_name: str = "strategy.yaml") -> str:
    """The new file's text. It is read back through the one pipeline of `validate` before it
    is returned, so what `init` writes validates without errors."""
    body = yaml.dump(
        strategy_data(spec),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=None,
        width=100,
    )
    schema = (
        f"# yaml-language-server: $schema={spec.schema}\n"
        if spec.schema
        else schema_comment(file_name)
    )
    text = schema + (
        f"# {spec.organisation}: organisation strategy {spec.start}-{spec.end}, "
        "written by `iomstrat init`.\n"
        "# Amounts are in the file's `unit`; check every edit with `iomstrat validate`.\n"
        + statements_example(spec)
        + body
        + later_sections(spec)
    )
    problems = _errors(file_name, text, spec.start)
    if problems:  # e.g. more precise than one øre, or a printed total that does not add up
        first = problems[0]
        hint = (
            _usage("erratum_hint", path=format_path(first.path))
            if first.code in {"IOM101", "IOM103"}
            else None
        )
        raise ScaffoldError(_usage("invalid"), first, hint)
    return text


def statements_example(spec: NewStrategy) -> str:
    """A commented example of the document's own statements (IOM8xx), from the first line: the
    text's figure for it, held against the budget; and an assumption of the file."""
    line = spec.lines[0]
    unit = "units" if spec.unit == "kroner" else spec.unit
    amount = line.amounts[0]
    return (
        "#\n"
        "# The document's own statements, held against its data by `validate` (README: the\n"
        "# document checked against itself); uncomment and fill in, e.g.:\n"
        "# tables:                     # the annex tables (table files), relative to this file\n"
        "#   annex2: annex2_funding.yaml\n"
        "# statements:\n"
        f"#   - id: {line.id}_annually\n"
        "#     kind: amount            # or share, count, rank, ranking, year, reference, same\n"
        f"#     stated: {amount}\n"
        f"#     currency: {spec.currency}\n"
        f"#     unit: {unit}\n"
        "#     wording: exactly        # about, around, more_than, almost, nearly, up_to ...\n"
        f"#     of: {{line: {line.id}}}  # every year's amount of the line\n"
        f"#     text: {line.name} of {spec.currency} {amount} {unit} annually\n"
        "#     at: {section: 5. Budget, page: 10, line: 250}\n"
        "# assumptions:                # values the document does not state: the file's\n"
        "#   - at: dialogue.grace_months\n"
        "#     reason: the document sets no deadline for the dialogue's decisions\n"
        "#\n"
    )


def later_sections(spec: NewStrategy) -> str:
    """Commented examples of what a team records later (approvals, a dialogue and its
    allocations, ledgers, a later version of the document), in the new file's own lines and
    years: each validates once uncommented (tests/test_init.py uncomments them)."""
    year = spec.start + 1 if spec.end > spec.start else spec.start
    line = next((ln for ln in spec.lines if ln.kind == "soft_earmarked"), spec.lines[0])
    amounts = line.amounts * (spec.end - spec.start + 1) if len(line.amounts) == 1 else line.amounts
    share = amounts[year - spec.start]
    first, second = _figure(share / 2), _figure(share / 4)
    return f"""
# --- To fill in later: uncomment a section and edit it; `iomstrat validate` checks each. ------
#
# Parliament's decision on a year: replace the year's `planned` entry under `approvals:` with
# - year: {year}
#   status: approved                # or reduced, with `amount:` (and `lines:` if it says how)
#   finance_act: Finance Act {year}
#   decided_on: {year - 1}-12-14
#
# A dialogue that allocates a line's funds; payments on its lines need an allocation decided
# by their date. `every_months` names the allocation periods: 12 `{year}`, 6 `{year}-H1`,
# 3 `{year}-Q3`.
# dialogue:
#   lines: [{line.id}]
#   every_months: 6
#   grace_months: 1
#   source: section 5
#
# allocations:
#   - date: {year}-01-20
#     period: {year}-H1
#     approved_by: Head of Department
#     items:
#       - {{id: first_allocation, country: Niger, purpose: Border management, amount: {first}}}
#       - {{region: Sahel, purpose: Climate resilience, amount: {second}}}
#
# Payments: ledger files relative to this file (CSV, TSV, xlsx or YAML), or `disbursements:`.
# ledgers:
#   - payments.csv
#   - {{path: export.xlsx, sheet: Payments, columns: {{date: Bogføringsdato, amount: Beløb}}}}
#
# A later version of the document and what it changed (the figures then follow it):
# versions:
#   - id: signed
#     name: The strategy as signed
#     reference: URU Alm.del Bilag 1 (the published reference)
#     changes:
#       - {{at: budget.lines.{line.id}.amounts.{year}, value: {_figure(share)}}}
"""


def _figure(value: Decimal) -> str:
    return format(value.normalize(), "f")


def schema_comment(path: str) -> str:
    """The line that makes editors (yaml-language-server) check the new file against the
    repository's copy of the JSON Schema: the nearest `schema/strategy.schema.json` in the
    file's folder or above it (inside its repository, where it has one); if there is none yet,
    where `iomstrat schema --output` would put it at the repository's top (else beside the
    file's folder), with that command."""
    folder = os.path.dirname(os.path.abspath(path if path != "-" else "strategy.yaml"))
    repository = repository_root(folder)
    here = folder
    while True:
        schema = os.path.join(here, SCHEMA_FILE)
        if os.path.isfile(schema) or here == repository or os.path.dirname(here) == here:
            break
        here = os.path.dirname(here)
    if not os.path.isfile(schema):
        schema = os.path.join(repository or folder, SCHEMA_FILE)
    line = f"# yaml-language-server: $schema={Path(os.path.relpath(schema, folder)).as_posix()}\n"
    if os.path.isfile(schema):
        return line
    where = os.path.relpath(schema)
    folder_of = os.path.dirname(where)
    make = f"mkdir -p {folder_of} && " if folder_of and not os.path.isdir(folder_of) else ""
    return line + f"# (not there yet: {make}iomstrat schema --output {where})\n"


def _errors(name: str, text: str, start: int) -> tuple[Diagnostic, ...]:
    # Judged before the period starts (through the one pipeline): planned years are then as
    # they should be; the new file has no payments.
    run = Run(dt.date(start - 1, 12, 1), payments=False)
    return check_bytes(name, text.encode("utf-8"), run).errors
