"""The records every payment reader produces: one `Payment` per disbursement as recorded, and
`Payments`, a strategy's records with the files they come from and the findings of reading
them. Light on purpose: the engine and the checks need these types for every file, the ledger
readers only for a strategy that names ledgers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from iomstrat.findings import Diagnostic, Severity


class Payment(NamedTuple):
    """One disbursement as recorded: amount in whole units of its own currency."""

    date: dt.date
    line: str
    amount: Decimal
    currency: str
    voucher: str
    exchange_rate: Decimal | None
    year: int  # appropriation year
    allocation: str | None
    source: int  # index into Payments.sources
    row: int  # 1-based line in that source
    refund: bool = False  # money returned: the amount is negative


@dataclass
class Payments:
    """Every payment of one strategy: the files they come from, the records, read findings."""

    sources: list[str] = field(default_factory=list)
    records: list[Payment] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def where(self, payment: Payment) -> tuple[str, int]:
        return self.sources[payment.source], payment.row

    def diagnostic(
        self, payment: Payment, code: str, severity: Severity, message: str
    ) -> Diagnostic:
        return Diagnostic(self.sources[payment.source], payment.row, 1, code, severity, message)
