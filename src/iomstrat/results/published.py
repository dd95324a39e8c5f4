"""What `iomstrat reconcile` shows: the strategy and its ledgers side by side with what the donor
and the organisation published to IATI, per year and line, and every transaction's match."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Side:
    """One transaction on one side: a payment of the ledgers, or a published transaction.
    `converted` is the amount in the strategy's currency (a payment: as booked; a published
    value: at the ECB rate of its value-date, `rate` units per unit of `currency`, of `rate_on`;
    None where no rate is known)."""

    kind: str  # payment | commitment | disbursement | incoming_funds | incoming_commitment
    file: str
    line: int
    date: dt.date
    value_date: dt.date
    amount: Decimal
    currency: str
    converted: Decimal | None
    reference: str  # the voucher, or the publisher's transaction reference
    budget_line: str  # the strategy's line it belongs to ("" not known)
    activity: str = ""  # the IATI activity it is published in
    rate: Decimal | None = None
    rate_on: dt.date | None = None


@dataclass(frozen=True)
class Pair:
    """Two sides compared, or one side without a counterpart. `status`: match, amount (beyond
    the tolerance), year (dates in different years), missing (`ours` has no published
    counterpart), extra (`theirs` has none of ours)."""

    comparison: str  # disbursements | incoming_funds | incoming_commitments
    status: str
    ours: Side | None
    theirs: Side | None
    currency: str = ""  # the currency both are compared in
    ours_amount: Decimal | None = None
    theirs_amount: Decimal | None = None
    difference: Decimal | None = None  # theirs - ours


@dataclass(frozen=True)
class YearRow:
    """One year and budget line ("" the year's total): the strategy, the ledgers, and the
    published figures in the strategy's currency. Budgets and planned disbursements are plans,
    shown beside the transactions, never added to them; the organisation's receipts name no
    line and stand in the total row only."""

    year: int
    budget_line: str
    approved: Decimal | None  # None: not decided
    committed: Decimal  # the donor's published commitments (type 2)
    paid: Decimal  # the ledgers, by payment date
    disbursed: Decimal  # the donor's published disbursements (type 3)
    received_commitments: Decimal | None  # the organisation's incoming commitments (type 11)
    received: Decimal | None  # the organisation's incoming funds (type 1)
    budgets: Decimal  # the donor's published budgets (plans)
    planned: Decimal  # the donor's planned disbursements (plans)
    commitment_difference: Decimal | None  # committed - approved
    disbursement_difference: Decimal  # disbursed - paid
    receipt_difference: Decimal | None  # received - disbursed


@dataclass(frozen=True)
class Reconciliation:
    """The strategy against its published record. `tolerance` is the share by which two
    amounts compared in different currencies may differ (each side's own rate), `rounding` the
    difference allowed in one currency, `window` the days two dates of a match may be apart."""

    file: str
    currency: str
    files: tuple[str, ...]  # the IATI files read
    read: int  # activities read in them
    donor_activities: tuple[str, ...]  # identifiers of the donor's activities concerned
    organisation_activities: tuple[str, ...]  # the organisation's activities with its receipts
    tolerance: Decimal
    rounding: Decimal
    window: int
    rows: tuple[YearRow, ...]
    pairs: tuple[Pair, ...]
    commitments: tuple[Side, ...] = ()  # the donor's published commitments

    @property
    def differences(self) -> tuple[Pair, ...]:
        return tuple(p for p in self.pairs if p.status != "match")
