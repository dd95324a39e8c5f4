"""Checks of the document's later versions (IOM106, IOM107): each change names a value the file
gives and may change; a year whose cover commitment a version changes without its lines is
noted as apportioned."""

from __future__ import annotations

from iomstrat.checks.context import Context
from iomstrat.engine.versions import applicable, resolve, unsplit_years
from iomstrat.findings import Diagnostic, Money

VERSION_CHANGE = "IOM106"
APPORTIONED_YEAR = "IOM107"


def check_versions(ctx: Context) -> list[Diagnostic]:
    strategy = ctx.strategy
    if not strategy.versions:
        return []
    data = strategy.model_dump(exclude_defaults=True)
    found = []
    for v_index, version in enumerate(strategy.versions):
        for c_index, change in enumerate(version.changes):
            place = resolve(data, change.at)
            if place is None:
                kind = "no_value"
            elif not applicable(change.at, place.parent[place.key], change.value):
                kind = "not_applicable"
            else:
                continue
            found.append(
                ctx.finding(
                    VERSION_CHANGE,
                    ("versions", v_index, "changes", c_index, "at"),
                    kind=kind,
                    version=version.id,
                    change=change.at,
                )
            )
    index = {v.id: i for i, v in reversed(list(enumerate(strategy.versions)))}
    currency, unit = strategy.strategy.currency, strategy.strategy.unit
    for year, version_id, total in unsplit_years(strategy):
        v_index = index[version_id]
        c_index = next(
            i
            for i, c in enumerate(strategy.versions[v_index].changes)
            if c.at == f"cover.commitment.by_year.{year}"
        )
        found.append(
            ctx.finding(
                APPORTIONED_YEAR,
                ("versions", v_index, "changes", c_index, "value"),
                version=version_id,
                year=year,
                total=Money(total, currency, unit),  # worded as money, as IOM205 is
            )
        )
    return found
