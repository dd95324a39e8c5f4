"""A new strategy file from a few facts (`iomstrat init`): the organisation, the period, the
budget lines with their yearly amounts, the Finance Act code. Returns text; writes nothing."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args

import yaml

from iomstrat.core.pipeline import Run, check_bytes
from iomstrat.findings import Diagnostic
from iomstrat.loader import documents as loader
from iomstrat.loader.embedded import SCHEMA_FILE
from iomstrat.loader.git import repository_root
from iomstrat.model.strategy import FINANCE_ACT_PATTERN, UNIT_FACTORS, BudgetLine

LINE_KINDS: tuple[str, ...] = get_args(BudgetLine.model_fields["kind"].annotation)
_ID = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_AMOUNT = re.compile(r"^[0-9]+(\.[0-9]+)?$")


class ScaffoldError(ValueError):
    """An option that cannot make a valid strategy; the message says which and why."""


@dataclass(frozen=True)
class LineSpec:
    id: str
    name: str
    kind: str
    amounts: tuple[Decimal, ...]  # one for every year, or one per year of the period


def parse_line(text: str) -> LineSpec:
    """`id:name:kind:amount`, the name may hold colons; amount is one figure for every year or
    figures for each year separated by commas, e.g. `core:Core funding:core:48` or
    `core:Core funding:core:48,48,50,50`."""
    head, sep, rest = text.partition(":")
    parts = rest.rsplit(":", 2)
    if not sep or len(parts) != 3:
        raise ScaffoldError(f"--line '{loader.echo(text)}': expected id:name:kind:amount")
    line_id, (name, kind, amounts) = head.strip(), (p.strip() for p in parts)
    if not _ID.match(line_id):
        raise ScaffoldError(
            f"--line '{loader.echo(text)}': id '{loader.echo(line_id)}' must be lower case "
            "letters, digits and _, starting with a letter"
        )
    if not name:
        raise ScaffoldError(f"--line '{loader.echo(text)}': the name is empty")
    if kind not in LINE_KINDS:
        raise ScaffoldError(
            f"--line '{loader.echo(text)}': kind '{loader.echo(kind)}' is not one of "
            f"{', '.join(LINE_KINDS)}"
        )
    figures = [a.strip() for a in amounts.split(",")]
    if not all(_AMOUNT.match(a) for a in figures):
        raise ScaffoldError(
            f"--line '{loader.echo(text)}': amount '{loader.echo(amounts)}' must be a number "
            "(with '.' for decimals) or numbers separated by commas, one per year"
        )
    return LineSpec(line_id, name, kind, tuple(Decimal(a) for a in figures))


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


def _check(spec: NewStrategy) -> None:
    if not spec.organisation.strip() or not spec.organisation.isprintable():
        raise ScaffoldError("--organisation must be a name on one line")
    if not 1900 <= spec.start <= spec.end <= 2200:
        raise ScaffoldError(
            f"period {spec.start}-{spec.end}: start must not be after end, both within 1900-2200"
        )
    if not re.fullmatch(r"[A-Z]{3}", spec.currency):
        raise ScaffoldError(f"--currency '{loader.echo(spec.currency)}' is not an ISO 4217 code")
    if spec.unit not in UNIT_FACTORS:
        raise ScaffoldError(
            f"--unit '{loader.echo(spec.unit)}' is not one of {', '.join(UNIT_FACTORS)}"
        )
    if not FINANCE_ACT_PATTERN.fullmatch(spec.finance_act_code):
        raise ScaffoldError(
            f"--finance-act-code '{loader.echo(spec.finance_act_code)}' is not of the form "
            "§NN.NN.NN.NN (e.g. §06.32.10.14)"
        )
    if not spec.lines:
        raise ScaffoldError("give at least one --line id:name:kind:amount")
    ids = [line.id for line in spec.lines]
    if len(set(ids)) != len(ids):
        raise ScaffoldError(f"--line ids must be unique; given: {', '.join(ids)}")
    years = spec.end - spec.start + 1
    for line in spec.lines:
        if len(line.amounts) not in (1, years):
            raise ScaffoldError(
                f"--line {line.id}: {len(line.amounts)} amounts for {years} years "
                f"({spec.start}-{spec.end}); give one, or one per year"
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
    organisation: dict[str, str] = {"name": spec.organisation}
    if spec.acronym:
        organisation["acronym"] = spec.acronym
    return {
        "schema_version": 1,
        "strategy": {
            "title": spec.title or f"Strategy for the engagement with {spec.organisation} {period}",
            "organisation": organisation,
            "period": {"start": spec.start, "end": spec.end},
            "currency": spec.currency,
            "unit": spec.unit,
            "finance_act_code": spec.finance_act_code,
        },
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
        "approvals": [{"year": year, "status": "planned"} for year in years],
    }


def strategy_text(spec: NewStrategy, *, file_name: str = "strategy.yaml") -> str:
    """The new file's text. It is read back through the loader, the model and every check
    before it is returned, so what `init` writes validates without errors."""
    body = yaml.dump(
        strategy_data(spec),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=None,
        width=100,
    )
    text = schema_comment(file_name) + (
        f"# {spec.organisation}: organisation strategy {spec.start}-{spec.end}, "
        "written by `iomstrat init`.\n"
        "# Amounts are in the file's `unit`; check every edit with `iomstrat validate`.\n" + body
    )
    problems = _errors(file_name, text, spec.start)
    if problems:  # e.g. more precise than one øre, or implausibly large
        raise ScaffoldError(f"the new file would not validate: {problems[0].message}")
    return text


def schema_comment(path: str) -> str:
    """The line that makes editors (yaml-language-server) check the new file against the
    repository's copy of the JSON Schema: the nearest `schema/strategy.schema.json` in the
    file's folder or above it, inside its repository; if there is none yet, where `iomstrat
    schema --output` would put it at the repository's top, with that command."""
    folder = os.path.dirname(os.path.abspath(path if path != "-" else "strategy.yaml"))
    top = repository_root(folder) or folder
    here = folder
    while True:
        schema = os.path.join(here, SCHEMA_FILE)
        if os.path.isfile(schema) or here == top or os.path.dirname(here) == here:
            break
        here = os.path.dirname(here)
    if not os.path.isfile(schema):
        schema = os.path.join(top, SCHEMA_FILE)
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
