"""Differences between the strategy, its ledgers and what is published to IATI, beyond the
stated tolerance: one finding each, at one side's place, naming the other side's place."""

from __future__ import annotations

from typing import Any

from iomstrat.findings import Diagnostic, Money, Phrase, echo, finding, phrase
from iomstrat.results.published import Pair, Reconciliation, Side

NOTHING_CONCERNS = "IOM903"
NOT_PUBLISHED = "IOM904"
NOT_PAID = "IOM905"
OTHER_AMOUNT = "IOM906"
OTHER_YEAR = "IOM907"
ABOVE_APPROVAL = "IOM908"
NOT_RECEIVED = "IOM909"
NOT_DISBURSED = "IOM910"
RECEIVED_OTHER_AMOUNT = "IOM911"
NO_RATE = "IOM915"

_CODES: dict[tuple[str, str], str] = {
    ("disbursements", "missing"): NOT_PUBLISHED,
    ("disbursements", "extra"): NOT_PAID,
    ("disbursements", "amount"): OTHER_AMOUNT,
    ("incoming_funds", "missing"): NOT_RECEIVED,
    ("incoming_funds", "extra"): NOT_DISBURSED,
    ("incoming_funds", "amount"): RECEIVED_OTHER_AMOUNT,
    ("incoming_commitments", "missing"): "IOM912",
    ("incoming_commitments", "extra"): "IOM913",
    ("incoming_commitments", "amount"): "IOM914",
}
"""Which code a difference is: its comparison and status (the code's message says which
list the side is missing from)."""


def check_published(result: Reconciliation, approvals: dict[int, int]) -> list[Diagnostic]:
    """Every difference beyond the tolerance; `approvals` is the line of each year's approval
    in the strategy file."""
    found: list[Diagnostic] = []
    if not result.donor_activities and not result.organisation_activities:
        where = result.files[0] if result.files else result.file
        found.append(finding(where, 1, 1, NOTHING_CONCERNS, read=result.read))
    for pair in result.pairs:
        found += _pair(pair, result)
    for row in result.rows:
        if row.budget_line or row.approved is None:
            continue
        if row.committed - row.approved > result.rounding:
            places = tuple(place(c) for c in result.commitments if c.date.year == row.year)
            found.append(
                finding(
                    result.file,
                    approvals.get(row.year, 1),
                    1,
                    ABOVE_APPROVAL,
                    year=row.year,
                    committed=Money(row.committed, result.currency),
                    places=places,
                    approved=Money(row.approved, result.currency),
                    excess=Money(row.committed - row.approved, result.currency),
                )
            )
    for pair in result.pairs:
        for side in (pair.ours, pair.theirs):
            if side is not None and side.kind != "payment" and side.converted is None:
                found.append(
                    finding(
                        side.file,
                        side.line,
                        1,
                        NO_RATE,
                        currency=side.currency,
                        date=side.value_date,
                    )
                )
    return sorted(set(found))


def place(side: Side) -> str:
    """'file:line' of a side."""
    return f"{side.file}:{side.line}"


def describe(side: Side, into: str) -> Phrase:
    """A side as a message names it: its kind, reference, date, amount, rate and place."""
    values: dict[str, Any] = {
        "transaction": side.kind,
        "date": side.date,
        "amount": Money(side.amount, side.currency),
        "place": place(side),
    }
    key = "side"
    if side.reference:
        key += "_reference"
        values["reference"] = echo(side.reference, 40)
    if side.rate is not None and side.rate_on is not None:
        key += "_rate"
        values |= {"rate": side.rate, "into": into, "of": side.currency, "on": side.rate_on}
    return phrase(key, **values)


def _pair(pair: Pair, result: Reconciliation) -> list[Diagnostic]:
    if pair.status == "match":
        return []
    if pair.status == "year":
        assert pair.ours is not None and pair.theirs is not None
        return [
            _at(
                pair.theirs,
                OTHER_YEAR,
                theirs=describe(pair.theirs, result.currency),
                ours=describe(pair.ours, result.currency),
                year=pair.theirs.date.year,
                expected=pair.ours.date.year,
            )
        ]
    code = _CODES[pair.comparison, pair.status]
    if pair.status == "missing":
        assert pair.ours is not None
        ours = describe(pair.ours, result.currency)
        return [_at(pair.ours, code, ours=ours, files=tuple(result.files))]
    if pair.status == "extra":
        assert pair.theirs is not None
        return [_at(pair.theirs, code, theirs=describe(pair.theirs, result.currency))]
    assert pair.ours is not None and pair.theirs is not None
    theirs = describe(pair.theirs, result.currency)
    if pair.difference is None:
        return [_at(pair.theirs, code, kind="no_rate", theirs=theirs)]
    currency = pair.currency or result.currency
    compared: dict[str, Any] = {
        "theirs": theirs,
        "ours": describe(pair.ours, result.currency),
        "difference": Money(pair.difference, currency),
    }
    if pair.currency:
        allowed = Money(result.rounding, currency)
        return [_at(pair.theirs, code, kind="same_currency", **compared, allowed=allowed)]
    percent = (result.tolerance * 100).normalize()
    return [_at(pair.theirs, code, **compared, percent=percent)]


def _at(side: Side, code: str, *, kind: str = "", **values: Any) -> Diagnostic:
    return finding(side.file, side.line, 1, code, kind=kind, **values)
