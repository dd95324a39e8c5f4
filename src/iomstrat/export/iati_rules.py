"""IATI's own rules on an activities document: the standard ruleset of IATI-Rulesets (the rules
IATI's validator applies, by their ids: 6.2.2 sector, 3.7.1 recipient, 11.2.1 transaction date in
the future…) and every value against the codelist IATI-Codelists' mapping names. Both ship in
`iati_data/` (see its SOURCES.md); the evaluation follows the ruleset's SPEC (JS edition)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from typing import Any, cast

from lxml import etree

DATA = "iomstrat.export.iati_data"
ORG_ID_PREFIX = "ORG-ID-PREFIX"
_DATE = re.compile(r"(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})")
_DATETIME = re.compile(r"(-?[0-9]{4,})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})")


@dataclass(frozen=True, order=True)
class Failure:
    """One rule that fails: where (line), its id and severity as IATI gives them, its message."""

    line: int
    rule: str
    severity: str  # "error" or "warning"
    message: str


@cache
def _json(name: str) -> Any:
    return json.loads(resources.files(DATA).joinpath(name).read_text(encoding="utf-8"))


def ruleset() -> dict[str, Any]:
    found: dict[str, Any] = _json("standard.json")
    return found


def codelists() -> dict[str, Any]:
    found: dict[str, Any] = _json("codelists.json")
    return found


def _line(node: Any) -> int:
    element = node.getparent() if isinstance(node, etree._ElementUnicodeResult) else node
    line = getattr(element, "sourceline", None)
    return line if isinstance(line, int) else 1


def _text(node: Any) -> str:
    if isinstance(node, etree._Element):
        return node.text or ""
    return str(node)


def _truthy(result: Any) -> bool:
    if isinstance(result, list):
        return bool(result)
    if isinstance(result, float):
        return result == result and result != 0  # NaN is false
    return bool(result)


def _utc(when: dt.datetime) -> dt.datetime:
    """A naive UTC time (a naive `when` is taken as UTC already)."""
    if when.tzinfo is None:
        return when
    return when.astimezone(dt.UTC).replace(tzinfo=None)


def _date(text: str) -> dt.date | None:
    match = _DATE.match(text)
    try:
        return dt.date(*map(int, match.groups())) if match else None
    except ValueError:
        return None  # the schema reports an impossible date


class _Case:
    """One case of one rule on one context element."""

    def __init__(self, element: etree._Element, case: dict[str, Any], now: dt.datetime) -> None:
        self.element, self.case, self.now = element, case, now

    def xpath(self, path: str) -> Any:
        try:
            return self.element.xpath(path)
        except etree.XPathError:
            return []

    def matches(self) -> list[Any]:
        found: list[Any] = []
        for path in self.case.get("paths", []):
            result = self.xpath(path)
            found += result if isinstance(result, list) else []
        return found

    def dates(self, path: str) -> list[tuple[dt.date, int]]:
        if path == "NOW":
            return [(self.now.date(), _line(self.element))]
        if path == "TODAY":
            return [(self.now.date(), _line(self.element))]
        found = [(_date(_text(node)), _line(node)) for node in self.xpath(path)]
        return [(date, line) for date, line in found if date is not None]

    # Each rule returns the lines where it fails (empty: passes).

    def no_more_than_one(self) -> list[int]:
        return [] if len(self.matches()) <= 1 else [_line(self.matches()[1])]

    def atleast_one(self) -> list[int]:
        return [] if self.matches() else [_line(self.element)]

    def one_or_all(self) -> list[int]:
        if self.xpath(self.case["one"]):
            return []
        wanted = self.case["all"]
        if wanted == "lang":
            nodes = self.xpath("descendant::narrative[not(@xml:lang)]")
        elif wanted == "sector":
            nodes = self.xpath("transaction[not(sector)]")
        else:  # currency
            nodes = self.xpath(
                "descendant::value[not(@currency)] | descendant::forecast[not(@currency)]"
                " | descendant::loan-status[not(@currency)]"
            )
        return [_line(node) for node in nodes[:1]]

    def dependent(self) -> list[int]:
        found = [bool(self.xpath(path)) for path in self.case["paths"]]
        return [] if all(found) or not any(found) else [_line(self.element)]

    def unique(self) -> list[int]:
        texts = [_text(node) for node in self.matches()]
        return [] if len(texts) == len(set(texts)) else [_line(self.element)]

    def _sum(self) -> Decimal | None:
        try:
            return sum((Decimal(_text(node)) for node in self.matches()), Decimal(0))
        except InvalidOperation:
            return None  # the schema reports a value that is not a number

    def strict_sum(self) -> list[int]:
        total = self._sum()
        return [] if total is None or total == Decimal(str(self.case["sum"])) else [self.here()]

    def sum(self) -> list[int]:
        return self.strict_sum() if self.matches() else []

    def here(self) -> int:
        return _line(self.element)

    def date_order(self) -> list[int]:
        more = self.dates(self.case["more"])
        return sorted(
            {line for less, line in self.dates(self.case["less"]) for m, _ in more if less > m}
        )

    def date_now(self) -> list[int]:
        found = []
        for node in self.xpath(self.case["date"]):
            match = _DATETIME.match(_text(node))
            if match:
                year, month, day, hour, minute, second = map(int, match.groups())
                try:
                    when = dt.datetime(year, month, day, hour, minute, second)
                except ValueError:
                    continue  # the schema reports an impossible time
                if when > _utc(self.now):
                    found.append(_line(node))
        return found

    def time_limit(self) -> list[int]:
        starts, ends = self.dates(self.case["start"]), self.dates(self.case["end"])
        if not starts or not ends:
            return []
        start, end = starts[0][0], ends[0][0]
        try:
            limit = start.replace(year=start.year + 1)
        except ValueError:  # 29 February, or year 9999
            limit = dt.date(min(start.year + 1, dt.MAXYEAR), 3, 1)
        return [self.here()] if end > limit else []

    def between_dates(self) -> list[int]:
        start, end = self.dates(self.case["start"]), self.dates(self.case["end"])
        if not start or not end:
            return []
        return [
            line
            for date, line in self.dates(self.case["date"])
            if not start[0][0] < date < end[0][0]
        ]

    def regex_matches(self) -> list[int]:
        regex = re.compile(self.case["regex"])
        return [_line(n) for n in self.matches() if regex.search(_text(n)) is None]

    def regex_no_matches(self) -> list[int]:
        regex = re.compile(self.case["regex"])
        return [_line(n) for n in self.matches() if regex.search(_text(n)) is not None]

    def only_one_of(self) -> list[int]:
        """None of `paths` where an `excluded` element exists, else exactly one."""
        if any(self.xpath(path) for path in self.case["excluded"]):
            return [_line(self.matches()[0])] if self.matches() else []
        return [] if len(self.matches()) == 1 else [self.here()]

    def startswith(self) -> list[int]:
        separator = self.case.get("separator", "")
        starts = []
        if "start" in self.case:  # the older form: one prefix path
            starts += [_text(node) for node in self.xpath(self.case["start"])[:1]]
        for path in self.case.get("prefix", []):
            if path == ORG_ID_PREFIX:
                starts += codelists()["codelists"]["OrganisationRegistrationAgency"]["codes"]
            else:
                starts += [_text(node) + separator for node in self.xpath(path)]
        return [
            _line(node)
            for node in self.matches()
            if not any(_text(node).startswith(start) for start in starts)
        ]

    def no_spaces(self) -> list[int]:
        return [_line(n) for n in self.matches() if _text(n) != _text(n).strip()]

    def if_then(self) -> list[int]:
        if not _truthy(self.xpath(self.case["if"])):
            return []
        return [] if _truthy(self.xpath(self.case["then"])) else [self.here()]

    def range(self) -> list[int]:
        found = []
        for node in self.matches():
            try:
                value = Decimal(_text(node))
            except InvalidOperation:
                continue
            low = Decimal(str(self.case.get("min", value)))
            high = Decimal(str(self.case.get("max", value)))
            if not low <= value <= high:
                found.append(_line(node))
        return found


def _cases(element: etree._Element, rule: str, case: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The case itself, or for a `loop` each `do` case with `$1` replaced by each value."""
    if rule != "loop":
        yield {"rule": rule, **case}
        return
    matched = element.xpath(case["foreach"])
    values = sorted({_text(v) for v in matched}) if isinstance(matched, list) else []
    for sub_rule, sub_cases in case["do"].items():
        for sub_case in sub_cases["cases"]:
            for value in values:
                filled = dict(sub_case)
                for key in case["subs"]:
                    if key in filled:
                        old = filled[key]
                        filled[key] = (
                            [v.replace("$1", value) for v in old]
                            if isinstance(old, list)
                            else old.replace("$1", value)
                        )
                yield {"rule": sub_rule, **filled}


def _select(tree: etree._ElementTree, context: str) -> list[etree._Element]:
    """The elements of a context path. A union of plain paths (`a/b | c/d`) is selected part by
    part: libxml2 sorts a union's nodes into document order, quadratic in their number."""
    parts = context.split(" | ") if "[" not in context else [context]
    found: list[etree._Element] = []
    for part in parts:
        found += cast(list[etree._Element], tree.xpath(part))
    return found


def check_rules(
    document: etree._Element, now: dt.datetime, rules: dict[str, Any] | None = None
) -> list[Failure]:
    """Every failure of IATI's standard ruleset (or `rules`) in the document, at `now`."""
    tree = etree.ElementTree(document)
    found: set[Failure] = set()
    for context, rules_here in (rules or ruleset()).items():
        for element in _select(tree, context):
            for rule, body in rules_here.items():
                for raw in body["cases"]:
                    for case in _cases(element, rule, raw):
                        info = case.get("ruleInfo", {})
                        state = _Case(element, case, now)
                        if "condition" in case and not _truthy(state.xpath(case["condition"])):
                            continue
                        test: Callable[[], list[int]] | None = getattr(state, case["rule"], None)
                        if test is None:
                            continue
                        for line in test():
                            found.add(
                                Failure(
                                    line,
                                    info.get("id", "?"),
                                    info.get("severity", "error"),
                                    info.get("message", f"{case['rule']} fails"),
                                )
                            )
    return sorted(found)


@dataclass(frozen=True, order=True)
class CodeProblem:
    line: int
    path: str
    codelist: str
    value: str
    withdrawn: bool
    complete: bool


ACTIVITY = "//iati-activity/"


def _mapped(tree: etree._ElementTree, path: str) -> list[Any]:
    """What a mapping's path selects. `//iati-activity/…` is asked of each activity: a search
    of the whole document per mapping (over a hundred of them) costs seconds on a large one."""
    try:
        if path.startswith(ACTIVITY):
            found: list[Any] = []
            for activity in tree.getroot().iterchildren("iati-activity"):
                found += cast(list[Any], activity.xpath(path[len(ACTIVITY) :]))
            return found
        nodes = tree.xpath(path)
    except etree.XPathError:
        return []
    return nodes if isinstance(nodes, list) else []


def check_codelists(document: etree._Element) -> list[CodeProblem]:
    """Every attribute or text on a codelist whose value the codelist lacks (or withdrew)."""
    data = codelists()
    tree = etree.ElementTree(document)
    found = []
    for mapping in data["mapping"]:
        codelist = data["codelists"][mapping["codelist"]]
        codes, withdrawn = set(codelist["codes"]), set(codelist.get("withdrawn", ()))
        for node in _mapped(tree, mapping["path"]):
            parent = cast(
                etree._Element | None,
                node.getparent() if isinstance(node, etree._ElementUnicodeResult) else node,
            )
            condition = mapping["condition"]
            if condition and parent is not None and not _truthy(parent.xpath(condition)):
                continue
            value = _text(node).strip()
            if value in codes and value not in withdrawn:
                continue
            found.append(
                CodeProblem(
                    _line(node),
                    mapping["path"],
                    mapping["codelist"],
                    value,
                    value in withdrawn,
                    bool(codelist["complete"]),
                )
            )
    return sorted(set(found))


def country_code(name: str) -> str | None:
    """The IATI (ISO 3166-1 alpha-2) code of a country given by that code or its English name."""
    return _lookup("Country", name)


def region_code(name: str) -> str | None:
    """The IATI (OECD DAC) code of a region given by that code or its English name."""
    return _lookup("Region", name)


_THE = re.compile(r"\s*\(the\)")


def _simple(name: str) -> str:
    """ISO's "Niger (the)" as people write it: "niger"."""
    return _THE.sub("", name).strip().casefold()


def _lookup(codelist: str, name: str) -> str | None:
    data = codelists()["codelists"][codelist]
    wanted = _simple(name)
    for code in data["codes"]:
        if code.casefold() == wanted:
            return str(code)
    for code, english in data.get("names", {}).items():
        if _simple(english) == wanted:
            return str(code)
    return None
