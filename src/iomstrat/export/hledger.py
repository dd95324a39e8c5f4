"""An hledger journal of a strategy: planned commitments, parliament's approvals and recorded
disbursements, in the strategy's currency to the øre, on accounts named by kind, Finance Act code
and budget line, so that `hledger bal` can cross-check iomstrat's totals."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from iomstrat.export.records import Recorded, booked, decisions, planned
from iomstrat.model.strategy import Strategy

COMMITMENT = "commitment"
APPROVED = "approved"
DISBURSED = "disbursed"
UNALLOCATED = "unallocated"

_UNSAFE = re.compile(r"[;\n\r\t]|  +")


@dataclass(frozen=True)
class Journal:
    text: str
    problems: tuple[str, ...] = ()


def account(kind: str, finance_act_code: str, line_id: str) -> str:
    """E.g. commitment:§06.32.10.14:core."""
    return f"{kind}:{finance_act_code}:{line_id}"


def _safe(text: str) -> str:
    """Text fit for a description or comment: no ';', tabs, newlines or double spaces."""
    return _UNSAFE.sub(" ", text).strip()


def _amount(value: Decimal, currency: str) -> str:
    return f"{value.quantize(Decimal('0.01')):f} {currency}"


def _in_year(date: dt.date, year: int) -> dt.date | None:
    """A posting date in the appropriation `year` when the transaction's date is in another."""
    if date.year == year:
        return None
    return dt.date(year, 1, 1) if year > date.year else dt.date(year, 12, 31)


def _transaction(
    date: dt.date,
    description: str,
    postings: list[tuple[str, Decimal]],
    balance: str,
    cur: str,
    year: int | None = None,
) -> list[str]:
    """Dated as it happened; its postings dated into the appropriation year where that differs,
    so that `hledger bal -Y` gives the balance per appropriation year."""
    posting_date = _in_year(date, year) if year is not None else None
    tag = f"  ; date:{posting_date.isoformat()}" if posting_date else ""
    width = max(len(name) for name, _ in postings) + 4
    lines = [f"{date.isoformat()} {_safe(description)}"]
    lines += [f"    {name:<{width}}{_amount(value, cur):>20}{tag}" for name, value in postings]
    lines += [f"    {balance}{tag}", ""]
    return lines


def _header(strategy: Strategy) -> list[str]:
    info = strategy.strategy
    return [
        f"; {_safe(info.title)}",
        f"; Finance Act code {info.finance_act_code}; file no. {info.file_no or '-'}; "
        f"amounts in {info.currency} to the øre.",
        f"; {COMMITMENT}:CODE:LINE  planned by the strategy, against strategy:FILE",
        f"; {APPROVED}:CODE:LINE    approved by parliament, against appropriation:CODE",
        f"; {DISBURSED}:CODE:LINE   payments (converted as `disbursement` does), against cash:CODE",
        "; Postings are dated into their appropriation year (`; date:`) when decided in another.",
        "",
    ]


def _journal_lines(recorded: Recorded) -> tuple[list[str], list[str]]:
    strategy, book = recorded
    info = strategy.strategy
    cur = info.currency
    codes = {line.id: line.finance_act_code for line in strategy.budget.lines}
    names = {line.id: line.name for line in strategy.budget.lines}
    plan = planned(strategy)
    out = _header(strategy)
    problems: list[str] = []
    for year in info.period.years:
        postings = [
            (account(COMMITMENT, codes[line_id], line_id), plan[(line_id, year)])
            for line_id in codes
        ]
        out += _transaction(
            dt.date(year, 1, 1),
            f"Commitment {year} | {info.organisation.acronym or info.organisation.name}",
            postings,
            f"strategy:{info.file_no or info.period.start}",
            cur,
        )
    for decision in decisions(strategy):
        if decision.lines is not None:
            postings = [
                (account(APPROVED, codes.get(line_id, info.finance_act_code), line_id), value)
                for line_id, value in decision.lines.items()
            ]
        else:
            postings = [(account(APPROVED, info.finance_act_code, UNALLOCATED), decision.total)]
        act = f" ({decision.finance_act})" if decision.finance_act else ""
        out += _transaction(
            decision.date,
            f"Approval {decision.year}: {decision.status}{act}",
            postings,
            f"appropriation:{info.finance_act_code}",
            cur,
            decision.year,
        )
    for payment, value in booked(book):
        if value is None:
            problems.append(
                f"disbursement of {payment.amount} {payment.currency} on {payment.date} "
                f"(line {payment.line}, voucher {payment.voucher}) has no rate to {cur}; left out"
            )
            continue
        code = codes.get(payment.line, info.finance_act_code)
        voucher = f", voucher {payment.voucher}" if payment.voucher else ""
        rate = f"at {payment.exchange_rate}" if payment.exchange_rate else "at the ECB rate"
        original = (
            f", {payment.amount} {payment.currency} {rate}" if payment.currency != cur else ""
        )
        out += _transaction(
            payment.date,
            f"Disbursement | {names.get(payment.line, payment.line)}{voucher}{original}",
            [(account(DISBURSED, code, payment.line), value)],
            f"cash:{code}",
            cur,
            payment.year,
        )
    return out, problems


def journal(strategies: Sequence[Recorded]) -> Journal:
    """The journal of every strategy, one after the other."""
    currencies = sorted({s.strategy.currency for s, _ in strategies})
    lines = [f"commodity 1000.00 {currency}" for currency in currencies] + [""]
    problems: list[str] = []
    for strategy in strategies:
        more, found = _journal_lines(strategy)
        lines += more
        problems += found
    return Journal("\n".join(lines), tuple(problems))
