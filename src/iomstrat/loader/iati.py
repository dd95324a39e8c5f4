"""IATI 2.0x activity files, streamed: each `iati-activity` is read, offered to the caller and
cleared, so a publisher's file of thousands of activities costs the memory of one. Safe: no
entity is expanded, no DTD or external file is loaded, nothing goes to the network, and a file
that declares a DTD at all is refused (IATI files have none; a DTD is how entity bombs and
external entities come in). lxml is imported by this module alone (the `iati` extra)."""

from __future__ import annotations

import datetime as dt
import os
import re
from decimal import Decimal
from typing import Any, NamedTuple

from lxml import etree

from iomstrat.findings import Diagnostic, Phrase, Severity, echo, finding, phrase

UNREADABLE = "IOM001"
UNSAFE = "IOM900"
NOT_IATI = "IOM901"
BAD_VALUE = "IOM902"

_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,  # libxml2's limits on depth and text size stay on
    "remove_comments": True,
}
PROLOG = 65536
"""Bytes read before parsing, to refuse a DTD unparsed (the document type stands before the
root element; lxml's own report of a DTD backs this up in any encoding)."""
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class Transaction(NamedTuple):
    """One published transaction; `ref` is the publisher's reference, `file` and `line` where
    the `transaction` element starts."""

    kind: str  # TransactionType code
    date: dt.date
    amount: Decimal
    currency: str
    value_date: dt.date
    ref: str
    provider: str
    provider_activity: str
    receiver: str
    receiver_activity: str
    aid_type: str
    activity: str
    file: str
    line: int


class Plan(NamedTuple):
    """A budget or a planned disbursement: a plan, never a transaction."""

    kind: str  # "budget" or "planned-disbursement"
    start: dt.date | None
    end: dt.date | None
    amount: Decimal
    currency: str
    value_date: dt.date | None
    activity: str
    file: str
    line: int


class Activity(NamedTuple):
    identifier: str
    reporting_org: str
    participants: tuple[str, ...]  # refs of the participating organisations
    transactions: tuple[Transaction, ...]
    plans: tuple[Plan, ...]
    file: str
    line: int


class Read(NamedTuple):
    """What one file gave: the activities the caller kept, how many were read, findings."""

    activities: list[Activity]
    read: int
    diagnostics: list[Diagnostic]


class Interest(NamedTuple):
    """Which activities to read in full: reported by a key of `names`, and naming one of its
    organisations (as participant, provider or receiver), or naming one of `identifiers` (as
    its own identifier or a provider's activity). The rest are skipped at the parser's speed."""

    names: dict[str, frozenset[str]]
    identifiers: frozenset[str]


_NAMED = "participating-org/@ref | transaction/provider-org/@ref | transaction/receiver-org/@ref"
_ACTIVITIES = "iati-identifier/text() | transaction/provider-org/@provider-activity-id"


def read_activities(path: str, interest: Interest) -> Read:
    """Stream the activities of `path`, keeping those of `interest`, each read in full."""
    found: list[Diagnostic] = []
    if not os.path.isfile(path):
        what = (
            "iati_directory"
            if os.path.isdir(path)
            else "iati_not_regular"
            if os.path.exists(path)
            else "iati_missing"
        )
        return Read([], 0, [_fatal(path, 1, UNREADABLE, what)])
    problem = _refused(path)
    if problem is not None:
        return Read([], 0, [problem])
    named: Any = etree.XPath(_NAMED)
    identified: Any = etree.XPath(_ACTIVITIES)
    kept: list[Activity] = []
    count = 0
    try:
        for _, element in etree.iterparse(path, tag="iati-activity", **_PARSER_OPTIONS):
            count += 1
            reporter = _attribute(element.find("reporting-org"), "ref")
            if reporter in interest.names and (
                not interest.names[reporter].isdisjoint(map(str.strip, named(element)))
                or not interest.identifiers.isdisjoint(map(str.strip, identified(element)))
            ):
                kept.append(_activity(element, path, found))
            element.clear()
            parent = element.getparent()
            while element.getprevious() is not None and parent is not None:
                del parent[0]
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        not_xml = _fatal(path, line, NOT_IATI, "not_well_formed", reason=echo(error.msg))
        return Read([], count, [not_xml])
    except OSError as error:
        unread = _fatal(path, 1, UNREADABLE, "os_error", reason=echo(str(error.strerror)))
        return Read([], count, [unread])
    return Read(kept, count, found)


def _refused(path: str) -> Diagnostic | None:
    """Why the file is not read at all: it declares a DTD, is not XML, or its root is not
    IATI 2.0x `iati-activities`. Only its start is parsed for this."""
    try:
        with open(path, "rb") as file:
            start = file.read(PROLOG)
    except OSError as error:
        return _fatal(path, 1, UNREADABLE, "os_error", reason=echo(str(error.strerror)))
    if b"<!DOCTYPE" in start or b"<!ENTITY" in start:  # refused before libxml2 parses a DTD
        return _fatal(path, start.count(b"\n", 0, start.find(b"<!")) + 1, UNSAFE, "")
    try:
        for _, root in etree.iterparse(path, events=("start",), **_PARSER_OPTIONS):
            info = root.getroottree().docinfo
            if info.internalDTD is not None or info.system_url or info.public_id:
                return _fatal(path, 1, UNSAFE, "")
            version = root.get("version", "")
            if root.tag != "iati-activities":
                tag = echo(str(root.tag), 40)
                return _fatal(path, root.sourceline or 1, NOT_IATI, "root", tag=tag)
            if not version.startswith("2."):
                return _fatal(
                    path, root.sourceline or 1, NOT_IATI, "version", version=echo(version, 20)
                )
            return None
    except etree.XMLSyntaxError as error:
        return _fatal(path, error.lineno or 1, NOT_IATI, "not_xml", reason=echo(error.msg))
    except OSError as error:
        return _fatal(path, 1, UNREADABLE, "os_error", reason=echo(str(error.strerror)))
    return _fatal(path, 1, NOT_IATI, "no_root")


def _fatal(path: str, line: int, code: str, kind: str, **values: Any) -> Diagnostic:
    return finding(path, line, 1, code, kind=kind, severity=Severity.FATAL, **values)


def _activity(element: Any, path: str, found: list[Diagnostic]) -> Activity:
    identifier = (element.findtext("iati-identifier") or "").strip()
    reporting = element.find("reporting-org")
    currency = element.get("default-currency", "")
    participants = tuple(
        org.get("ref", "").strip() for org in element.iterfind("participating-org")
    )
    transactions = []
    for item in element.iterfind("transaction"):
        transaction = _transaction(item, identifier, currency, path, found)
        if transaction is not None:
            transactions.append(transaction)
    plans = []
    for kind in ("budget", "planned-disbursement"):
        for item in element.iterfind(kind):
            plan = _plan(kind, item, identifier, currency, path, found)
            if plan is not None:
                plans.append(plan)
    return Activity(
        identifier,
        reporting.get("ref", "").strip() if reporting is not None else "",
        participants,
        tuple(transactions),
        tuple(plans),
        path,
        element.sourceline or 1,
    )


def _transaction(
    item: Any, activity: str, default: str, path: str, found: list[Diagnostic]
) -> Transaction | None:
    line = item.sourceline or 1
    kind = item.find("transaction-type")
    date = _date(item.find("transaction-date"), "iso-date")
    value = _value(item.find("value"), default)
    if kind is None or date is None or isinstance(value, Phrase):
        why = (
            phrase("iati.no_type")
            if kind is None
            else phrase("iati.no_date")
            if date is None
            else value
        )
        found.append(_bad(path, line, "transaction", activity=echo(activity), problem=why))
        return None
    amount, currency, value_date = value
    provider = item.find("provider-org")
    receiver = item.find("receiver-org")
    aid = item.find("aid-type")
    return Transaction(
        kind.get("code", "").strip(),
        date,
        amount,
        currency,
        value_date or date,
        item.get("ref", "").strip(),
        _attribute(provider, "ref"),
        _attribute(provider, "provider-activity-id"),
        _attribute(receiver, "ref"),
        _attribute(receiver, "receiver-activity-id"),
        _attribute(aid, "code"),
        activity,
        path,
        line,
    )


def _plan(
    kind: str, item: Any, activity: str, default: str, path: str, found: list[Diagnostic]
) -> Plan | None:
    value = _value(item.find("value"), default)
    if isinstance(value, Phrase):
        line = item.sourceline or 1
        found.append(_bad(path, line, "plan", plan=kind, activity=echo(activity), problem=value))
        return None
    amount, currency, value_date = value
    start = _date(item.find("period-start"), "iso-date")
    end = _date(item.find("period-end"), "iso-date")
    return Plan(kind, start, end, amount, currency, value_date, activity, path, item.sourceline)


def _bad(path: str, line: int, kind: str, **values: Any) -> Diagnostic:
    return finding(path, line, 1, BAD_VALUE, kind=kind, **values)


def _attribute(element: Any, name: str) -> str:
    return "" if element is None else str(element.get(name, "")).strip()


def _date(element: Any, name: str) -> dt.date | None:
    text = _attribute(element, name)[:10]
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _value(element: Any, default: str) -> tuple[Decimal, str, dt.date | None] | Phrase:
    """(amount, currency, value-date) of a `value` element, or what is wrong with it."""
    if element is None:
        return phrase("iati.no_value")
    text = (element.text or "").strip()
    if not _DECIMAL.fullmatch(text) or len(text) > 40:
        return phrase("iati.not_number", text=echo(text, 40))
    currency = _attribute(element, "currency") or default
    if not re.fullmatch(r"[A-Z]{3}", currency):
        return phrase("iati.no_currency", text=text)
    return Decimal(text), currency, _date(element, "value-date")
