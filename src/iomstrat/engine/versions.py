"""Versions of the strategy document: the file transcribes one (`strategy.source.version`) and
records what later ones changed (`versions:`). The figures follow the latest version: its
changes are applied in order, and a year whose cover figure a version changes without giving
its lines is apportioned over the lines in proportion to the earlier version's, as a reduction
without lines is (`plan.apportion`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

from iomstrat.engine.plan import apportion
from iomstrat.model.strategy import UNIT_FACTORS, Strategy, marked_figure
from iomstrat.results.versions import ChangedFact, History, VersionShown

Step = str | int
"""One step of a data path: a key, a year or a list index."""


class Resolved(NamedTuple):
    """Where a change lands in the file's data: the container, its key, and the path with list
    items named by index (as findings place them)."""

    parent: dict[Any, Any] | list[Any]
    key: Any
    path: tuple[Step, ...]


def steps(at: str) -> list[Step]:
    """`cover.commitment.by_year.2023` as keys; digits are a year or an index."""
    return [int(part) if part.isdigit() else part for part in at.split(".")]


def resolve(data: dict[str, Any], at: str) -> Resolved | None:
    """The place `at` names in `data` (the file's values as plain data), or None where it names
    no value the file gives. A list item is named by its index or its `id`."""
    node: Any = data
    path: list[Step] = []
    parts = steps(at)
    for i, step in enumerate(parts):
        last = i == len(parts) - 1
        if isinstance(node, list):
            index = step if isinstance(step, int) else _by_id(node, step)
            if index is None or not 0 <= index < len(node):
                return None
            if last:
                return Resolved(node, index, (*path, index))
            node, path = node[index], [*path, index]
        elif isinstance(node, dict):
            if step not in node:
                return None
            if last:
                return Resolved(node, step, (*path, step))
            node, path = node[step], [*path, step]
        else:
            return None
    return None


def _by_id(items: list[Any], name: Step) -> int | None:
    return next(
        (i for i, item in enumerate(items) if isinstance(item, dict) and item.get("id") == name),
        None,
    )


def is_figure(value: Any) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


TEXT_FACTS = frozenset(
    ("title", "file_no", "responsible_unit", "desk_officer", "financial_officer", "funding_basis")
)
"""The strategy's texts a version may change (`strategy.financial_officer`); a version changes
the budget's and the cover's figures, not the file's structure."""


def printed(at: str, value: Any) -> tuple[Any, str | None]:
    """A version's value as the figures take it, and the footnote marker printed after it: a
    cover figure may be written as printed (`375*`), as the file's own cover may."""
    found = marked_figure(value) if steps(at)[0] == "cover" else None
    return (value, None) if found is None else found


def applicable(at: str, old: Any, new: Any) -> bool:
    """A figure of the budget or the cover replaced by a figure (a cover's as printed, with its
    marker), or one of the strategy's free texts by a text."""
    parts = steps(at)
    if is_figure(old):
        return is_figure(printed(at, new)[0]) and parts[0] in ("budget", "cover")
    return (
        isinstance(old, str)
        and isinstance(new, str)
        and len(parts) == 2
        and parts[0] == "strategy"
        and parts[1] in TEXT_FACTS
    )


class Apportioned(NamedTuple):
    """A year whose cover figure a version changes without giving its lines."""

    year: int
    version: str  # the version's id
    total: Decimal  # the version's figure for the year, in the file's unit


def unsplit_years(strategy: Strategy) -> list[Apportioned]:
    """Per version, the years whose cover commitment it changes while it names no line amount
    of that year."""
    found: list[Apportioned] = []
    for version in strategy.versions:
        lines_given = {
            s[-1]
            for s in (steps(c.at) for c in version.changes)
            if s[:2] == ["budget", "lines"] and len(s) == 5 and isinstance(s[-1], int)
        }
        for change in version.changes:
            s = steps(change.at)
            value = printed(change.at, change.value)[0]
            if (
                len(s) == 4
                and s[0] == "cover"
                and s[2] == "by_year"
                and isinstance(s[3], int)
                and s[3] not in lines_given
                and s[1] == "commitment"
                and is_figure(value)
                and not any(a.year == s[3] and a.version == version.id for a in found)
            ):
                found.append(Apportioned(s[3], version.id, Decimal(value)))
    return found


def latest(strategy: Strategy) -> tuple[Strategy, History | None]:
    """The strategy as its latest recorded version has it, and what the versions changed.
    Changes that name no value of the file, or one a version does not change, are left out
    (IOM106 reports them). Unchanged, and no history, where the file records no version."""
    if not strategy.versions:
        return strategy, None
    data = strategy.model_dump(exclude_defaults=True)
    unit = UNIT_FACTORS[strategy.strategy.unit]
    facts: list[ChangedFact] = []
    split = unsplit_years(strategy)
    for version in strategy.versions:
        for change in version.changes:
            place = resolve(data, change.at)
            if place is None or not applicable(change.at, place.parent[place.key], change.value):
                continue
            value, marker = printed(change.at, change.value)
            facts.append(ChangedFact(change.at, place.parent[place.key], value, version.id))
            place.parent[place.key] = value
            _mark_cover(data, steps(change.at), marker)
        for year, _version, total in (a for a in split if a.version == version.id):
            _apportion_year(data, year, total, unit)
    source = strategy.strategy.source
    history = History(
        transcribed=(source.version or "") if source else "",
        versions=tuple(
            VersionShown(v.id, v.name, v.reference, v.date, v.url or "") for v in strategy.versions
        ),
        changes=tuple(facts),
        apportioned=tuple((a.year, a.version) for a in split),
    )
    return Strategy.model_validate(data), history


def _mark_cover(data: dict[str, Any], at: list[Step], marker: str | None) -> None:
    """A cover figure a version changes carries the marker the version prints after it, if
    any: never the earlier version's (which printed another figure)."""
    if at[0] != "cover" or len(at) < 3 or not isinstance(data["cover"].get(at[1]), dict):
        return
    key = "total" if at[2] == "total" else str(at[-1])
    markers = data["cover"][at[1]].setdefault("markers", {})
    if marker is None:
        markers.pop(key, None)
    else:
        markers[key] = marker


def _apportion_year(data: dict[str, Any], year: int, total: Decimal, unit: Decimal) -> None:
    """The lines' amounts of `year` scaled to `total` (to the cent, in whole currency units),
    and the stated totals of the year recomputed from them: the version prints neither."""
    lines = data["budget"]["lines"]
    weights = {str(i): Decimal(line["amounts"].get(year, 0)) for i, line in enumerate(lines)}
    parts = apportion(total * unit, weights)
    for i, line in enumerate(lines):
        if year in line["amounts"]:
            line["amounts"][year] = (parts[str(i)] / unit).normalize() + 0
    by_id = {line["id"]: line for line in lines}
    for stated in data["budget"].get("totals", []):
        if year in stated["stated"]:
            stated["stated"][year] = (
                sum(
                    (
                        Decimal(by_id[i]["amounts"].get(year, 0))
                        for i in stated["lines"]
                        if i in by_id
                    ),
                    Decimal(0),
                ).normalize()
                + 0
            )
