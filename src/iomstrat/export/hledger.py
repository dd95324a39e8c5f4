"""An hledger journal of strategies, idiomatic enough for `hledger check -s ordereddates payees`
(and `uniqueleafnames` for one strategy): parliament's approvals are revenue of the Finance Act
code, disbursements are expenses per budget line paid from the appropriations, and the
strategy's plan is a periodic transaction per year, so `hledger bal --budget -Y` compares plan
with approvals and disbursements. Every account name comes from its own strategy alone (its
organisation, code and line), so it is the same whichever files are exported together.

Text of the strategy reaches the journal only through `text()`, `tag()` and `component()`: none of
it can end a line, start a directive or a comment, or add a tag."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from iomstrat.export.records import Decision, Recorded, booked, decisions, planned, year_start
from iomstrat.export.text import capped, one_line
from iomstrat.findings import Usage, usage
from iomstrat.loader.payments import Payment
from iomstrat.model.strategy import BudgetLine, Strategy

APPROPRIATIONS = "assets:appropriations"
"""What parliament approved and is not yet disbursed, one account per organisation (type A: an
asset, not cash, so that `hledger cf` lists no approval as a cash flow)."""
REVENUES = "revenues:appropriation"
"""Parliament's approvals, one account per organisation and Finance Act code (type R)."""
EXPENSES = "expenses"
"""Disbursements, one account per organisation, Finance Act code and budget line (type X)."""

TYPES = (("assets", "A"), ("revenues", "R"), ("expenses", "X"))

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Journal:
    text: str
    problems: tuple[Usage, ...] = ()


# --- Text that cannot break out of its place -------------------------------------------------

_UNSAFE_COMPONENT = re.compile(r"[^\w§.\-/()&+' ]")


def text(value: str) -> str:
    """Text for a description or comment: one line, without `;` (which would start a comment)."""
    return one_line(value).replace(";", ",")


def payee(value: str) -> str:
    """A payee: description text without `|` (which ends the payee) and without a leading
    `*`, `!` or `(` (which hledger would read as a status or a transaction code)."""
    return text(value).replace("|", "/").lstrip("*!( ") or "-"


def tag(value: str) -> str:
    """A tag value: description text without `,` (which would end it and start another tag)."""
    return text(value).replace(",", " ").strip() or "-"


def component(value: str) -> str:
    """One part of an account name: single spaces, no `:` and nothing but letters, digits and
    `§ . - / ( ) & + '`; never empty."""
    return _UNSAFE_COMPONENT.sub("-", one_line(value)) or "-"


def _tags(pairs: Iterable[tuple[str, str | None]]) -> str:
    found = [f"{name}:{tag(value)}" for name, value in pairs if value]
    return "  ; " + ", ".join(found) if found else ""


# --- Accounts ---------------------------------------------------------------------------------


def appropriations_account(who: str) -> str:
    return f"{APPROPRIATIONS}:{component(who)}"


def revenue_account(who: str, code: str) -> str:
    return f"{REVENUES}:{component(who)}:{component(code)}"


def expense_account(who: str, code: str, line_id: str) -> str:
    return f"{EXPENSES}:{component(who)}:{component(code)}:{component(line_id)}"


# --- Transactions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Posting:
    account: str
    amount: str | None  # None: hledger infers the balancing amount
    tags: tuple[tuple[str, str | None], ...] = ()


@dataclass(frozen=True)
class Entry:
    """A regular (dated) or periodic (`~ yearly from … to …`) transaction."""

    head: str  # the date or the periodic rule
    payee: str
    note: str
    postings: tuple[Posting, ...]
    tags: tuple[tuple[str, str | None], ...] = ()
    date: dt.date = dt.date.min  # regular transactions are written in date order

    def lines(self) -> list[str]:
        width = max(len(p.account) for p in self.postings) + 4
        out = [f"{self.head} {payee(self.payee)} | {text(self.note)}{_tags(self.tags)}"]
        for p in self.postings:
            amount = f"{p.amount:>24}" if p.amount is not None else ""
            out.append(f"    {p.account:<{width}}{amount}{_tags(p.tags)}".rstrip())
        return [*out, ""]


def _amount(value: Decimal, currency: str) -> str:
    return f"{value.quantize(CENT):f} {currency}"


def _cost(payment: Payment, value: Decimal, currency: str) -> str:
    """The payment in its own currency with its cost in the strategy's: `@ rate` where the file
    states a rate that gives the booked amount to the øre, else the total `@@ amount`."""
    own = f"{payment.amount:f} {payment.currency}"
    rate = payment.exchange_rate
    if rate is not None and payment.amount * rate == value:
        return f"{own} @ {rate:f} {currency}"
    return f"{own} @@ {_amount(value, currency)}"


def _in_year(date: dt.date, year: int) -> str | None:
    """The posting date in the appropriation `year` when the transaction's date is in another."""
    if date.year == year:
        return None
    start = year_start(year)
    assert start is not None  # the callers leave out years that are not dates
    return (start if year > date.year else start.replace(month=12, day=31)).isoformat()


class _Book:
    """The journal being written: entries, accounts, payees, currencies, problems."""

    def __init__(self) -> None:
        self.periodic: list[Entry] = []
        self.regular: list[Entry] = []
        self.payees: set[str] = set()
        self.currencies: set[str] = set()
        self.problems: list[Usage] = []
        self.header: list[str] = []

    def accounts(self) -> set[str]:
        return {p.account for e in (*self.periodic, *self.regular) for p in e.postings}


def _plan(book: _Book, strategy: Strategy, who: str) -> None:
    info = strategy.strategy
    cur = info.currency
    plan = planned(strategy)
    org = info.organisation.short_name
    for year in info.period.years:
        postings = [
            Posting(
                expense_account(org, line.finance_act_code, line.id),
                _amount(plan[(line.id, year)], cur),
                (("line", line.id),),
            )
            for line in strategy.budget.lines
        ]
        by_code: dict[str, Decimal] = {}
        for line in strategy.budget.lines:
            code = line.finance_act_code
            by_code[code] = by_code.get(code, Decimal(0)) + plan[(line.id, year)]
        postings += [
            Posting(revenue_account(org, code), _amount(-total, cur), (("finance_act_code", code),))
            for code, total in by_code.items()
        ]
        book.periodic.append(
            Entry(
                f"~ yearly from {year}-01-01 to {year + 1}-01-01 ",
                who,
                f"plan {year}",
                tuple(postings),
                (("year", str(year)), ("file_no", info.file_no)),
            )
        )


def _period(book: _Book, strategy: Strategy, who: str) -> None:
    """The first and last day of the period, marked by transactions without amounts, so that
    reports (`bal --budget -Y`) cover every year of the plan even before anything happened."""
    info = strategy.strategy
    first, last = year_start(info.period.start), year_start(info.period.end)
    assert first is not None and last is not None  # the model bounds the period's years
    for date, what in ((first, "begins"), (last.replace(month=12, day=31), "ends")):
        book.regular.append(
            Entry(
                date.isoformat(),
                who,
                f"strategy period {what}",
                (
                    Posting(
                        appropriations_account(info.organisation.short_name),
                        _amount(Decimal(0), info.currency),
                    ),
                ),
                (("file_no", info.file_no),),
                date,
            )
        )


def _approval(book: _Book, strategy: Strategy, who: str, decision: Decision) -> None:
    info = strategy.strategy
    cur = info.currency
    codes = {line.id: line.finance_act_code for line in strategy.budget.lines}
    org = info.organisation.short_name
    when = _in_year(decision.date, decision.year)
    dated = (("date", when),)
    # A reduction that names no lines: split as the figures split it, and tagged so.
    split = decision.lines if decision.lines is not None else decision.apportioned
    apportioned = (("apportioned", "in proportion to the plan"),) if decision.lines is None else ()
    if split is not None:
        revenue = [
            Posting(
                revenue_account(org, codes.get(line_id, info.finance_act_code)),
                _amount(-value, cur),
                (("line", line_id), *apportioned, *dated),
            )
            for line_id, value in split.items()
        ]
    else:
        revenue = [
            Posting(
                revenue_account(org, info.finance_act_code), _amount(-decision.total, cur), dated
            )
        ]
    book.regular.append(
        Entry(
            decision.date.isoformat(),
            who,
            f"approval {decision.year}: {decision.status}",
            (Posting(appropriations_account(org), _amount(decision.total, cur), dated), *revenue),
            (
                ("year", str(decision.year)),
                ("status", decision.status),
                ("finance_act", decision.finance_act),
                ("finance_act_code", info.finance_act_code),
            ),
            decision.date,
        )
    )


def _disbursement(
    book: _Book,
    strategy: Strategy,
    lines: dict[str, BudgetLine],
    who: str,
    payment: Payment,
    value: Decimal,
) -> None:
    info = strategy.strategy
    cur = info.currency
    line = lines.get(payment.line)
    code = line.finance_act_code if line else info.finance_act_code
    org = info.organisation.short_name
    name = line.name if line else payment.line
    when = _in_year(payment.date, payment.year)
    amount = _amount(value, cur) if payment.currency == cur else _cost(payment, value, cur)
    book.currencies.add(payment.currency)
    book.regular.append(
        Entry(
            payment.date.isoformat(),
            who,
            f"disbursement: {name}",
            (
                Posting(expense_account(org, code, payment.line), amount, (("date", when),)),
                Posting(appropriations_account(org), _amount(-value, cur), (("date", when),)),
            ),
            (
                ("voucher", payment.voucher),
                ("line", payment.line),
                ("finance_act_code", code),
                ("allocation", payment.allocation),
                ("year", str(payment.year)),
            ),
            payment.date,
        )
    )


def _strategy(book: _Book, recorded: Recorded) -> None:
    strategy, payments = recorded
    info = strategy.strategy
    who = info.organisation.name
    book.payees.add(payee(who))
    book.currencies.add(info.currency)
    book.header += [
        f"; {text(info.title)}",
        f"; Finance Act code {text(info.finance_act_code)}; file no. {text(info.file_no or '-')}; "
        f"amounts in {info.currency} to the øre.",
    ]
    _plan(book, strategy, who)
    _period(book, strategy, who)
    for decision in decisions(strategy):
        if year_start(decision.year) is None:
            book.problems.append(usage("hledger_year", year=decision.year))
            continue
        _approval(book, strategy, who, decision)
    lines = {line.id: line for line in strategy.budget.lines}
    for payment, value in booked(payments):
        where = {"date": payment.date, "line": payment.line, "voucher": capped(payment.voucher)}
        if value is None:
            book.problems.append(
                usage(
                    "hledger_no_rate",
                    amount=payment.amount,
                    currency=payment.currency,
                    target=info.currency,
                    **where,
                )
            )
        elif year_start(payment.year) is None:
            book.problems.append(usage("hledger_payment_year", year=payment.year, **where))
        else:
            _disbursement(book, strategy, lines, who, payment, value)


HOW = (
    "; Accounts: revenues:appropriation:ORG:CODE is what parliament approved (tagged line:; a",
    "; reduction naming no lines split in proportion to the plan, tagged apportioned:),",
    "; expenses:ORG:CODE:LINE what was disbursed, assets:appropriations:ORG what is left to",
    "; disburse; ORG is the organisation's acronym, else its name.",
    "; The plan is one periodic transaction a year: `hledger bal --budget -Y -B` compares it",
    "; with approvals (revenues) and disbursements (expenses). Postings are dated into their",
    "; appropriation year (`; date:`) when decided or paid in another.",
)


def journal(strategies: Sequence[Recorded]) -> Journal:
    """The journal of every strategy: directives, then the plans, then every approval and
    disbursement in date order."""
    book = _Book()
    for recorded in strategies:
        _strategy(book, recorded)
    types = dict(TYPES)
    lines = [*book.header, *HOW, ""]
    lines += [f"commodity 1000.00 {currency}" for currency in sorted(book.currencies)] + [""]
    declared = [(name, types[name]) for name, _ in TYPES]
    for account in sorted(book.accounts()):
        kind = types.get(account) or types[account.split(":", 1)[0]]
        declared.append((account, kind))
    lines += [f"account {name}  ; type: {kind}" for name, kind in dict(declared).items()]
    lines += [""] + [f"payee {name}" for name in sorted(book.payees)] + [""]
    for entry in book.periodic:
        lines += entry.lines()
    for entry in sorted(book.regular, key=lambda e: e.date):
        lines += entry.lines()
    return Journal("\n".join(lines), tuple(book.problems))
