"""Differences between the strategy, its ledgers and what is published to IATI, beyond the
stated tolerance: one finding each, at one side's place, naming the other side's place."""

from __future__ import annotations

from decimal import Decimal

from iomstrat.findings import Diagnostic, Severity, echo
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


_WHERE = {
    "disbursements": "the donor's published disbursements",
    "incoming_funds": "the organisation's incoming funds",
    "incoming_commitments": "the organisation's incoming commitments",
}
_OURS = {
    "disbursements": "the payments of the ledgers",
    "incoming_funds": "the donor's disbursements",
    "incoming_commitments": "the donor's commitments",
}


def check_published(result: Reconciliation, approvals: dict[int, int]) -> list[Diagnostic]:
    """Every difference beyond the tolerance; `approvals` is the line of each year's approval
    in the strategy file."""
    found: list[Diagnostic] = []
    if not result.donor_activities and not result.organisation_activities:
        found.append(
            Diagnostic(
                result.files[0] if result.files else result.file,
                1,
                1,
                NOTHING_CONCERNS,
                Severity.ERROR,
                f"none of the {result.read} activities read concerns the strategy (the donor's "
                "for the organisation, or the organisation's receipts from the donor): nothing "
                "to reconcile",
            )
        )
    for pair in result.pairs:
        found += _pair(pair, result)
    for row in result.rows:
        if row.budget_line or row.approved is None:
            continue
        if row.committed - row.approved > result.rounding:
            places = ", ".join(place(c) for c in result.commitments if c.date.year == row.year)
            found.append(
                Diagnostic(
                    result.file,
                    approvals.get(row.year, 1),
                    1,
                    ABOVE_APPROVAL,
                    Severity.ERROR,
                    f"published commitments of {row.year} ('{_money(row.committed)} "
                    f"{result.currency}' at {places}) exceed the approval "
                    f"('{_money(row.approved)}') by '{_money(row.committed - row.approved)}'",
                )
            )
    for pair in result.pairs:
        for side in (pair.ours, pair.theirs):
            if side is not None and side.kind != "payment" and side.converted is None:
                found.append(
                    Diagnostic(
                        side.file,
                        side.line,
                        1,
                        NO_RATE,
                        Severity.ERROR,
                        f"no ECB reference rate for {side.currency} on "
                        f"{side.value_date.isoformat()}: the value is not converted",
                    )
                )
    return sorted(set(found))


def place(side: Side) -> str:
    """'file:line', quoted: a Danish message shows the quoted values of the English one."""
    return f"'{side.file}:{side.line}'"


def describe(side: Side, into: str) -> str:
    """'incoming funds of 2023-05-02, 1500000 USD (ECB 6.81 DKK/USD of 2023-05-02) (f:9)'."""
    kind = side.kind.replace("_", " ")
    reference = f" '{echo(side.reference, 40)}'" if side.reference else ""
    rate = (
        f" (ECB {side.rate:.6f} {into}/{side.currency} of {side.rate_on.isoformat()})"
        if side.rate is not None and side.rate_on is not None
        else ""
    )
    return (
        f"{kind}{reference} of {side.date.isoformat()}, '{_money(side.amount)} {side.currency}'"
        f"{rate} at {place(side)}"
    )


def _pair(pair: Pair, result: Reconciliation) -> list[Diagnostic]:
    if pair.status == "match":
        return []
    ours = describe(pair.ours, result.currency) if pair.ours is not None else ""
    theirs = describe(pair.theirs, result.currency) if pair.theirs is not None else ""
    if pair.status == "year":
        assert pair.ours is not None and pair.theirs is not None
        return [
            _at(
                pair.theirs,
                OTHER_YEAR,
                f"{theirs} matches {ours} but is dated in "
                f"'{pair.theirs.date.year}', not '{pair.ours.date.year}'",
            )
        ]
    code = _CODES[pair.comparison, pair.status]
    if pair.status == "missing":
        assert pair.ours is not None
        where = _WHERE[pair.comparison]
        return [_at(pair.ours, code, f"{ours} is not among {where} ({', '.join(result.files)})")]
    if pair.status == "extra":
        assert pair.theirs is not None
        return [_at(pair.theirs, code, f"{theirs} is not among {_OURS[pair.comparison]}")]
    assert pair.ours is not None and pair.theirs is not None
    if pair.difference is None:
        return [_at(pair.theirs, code, f"{theirs}: no rate to compare it")]
    currency = pair.currency or result.currency
    allowed = (
        f"{_money(result.rounding)} {currency}"
        if pair.currency
        else f"{(result.tolerance * 100).normalize():f} % (each at its own rate)"
    )
    return [
        _at(
            pair.theirs,
            code,
            f"{theirs} differs from {ours} by "
            f"'{_money(pair.difference)} {currency}' (allowed: {allowed})",
        )
    ]


def _at(side: Side, code: str, message: str) -> Diagnostic:
    return Diagnostic(side.file, side.line, 1, code, Severity.ERROR, message)


def _money(value: Decimal) -> str:
    """A figure as it is compared: whole units, or cents where it has them."""
    return f"{value:f}" if value != value.to_integral_value() else f"{value:.0f}"
