"""The payment checks answer from the book's columns and sums, and walk only the payments that
may hold a finding (issue 24): their findings are those of a walk through every payment, and a
ledger without findings builds no payment record at all."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iomstrat.checks.allocations import (
    PAID_ABOVE_ALLOCATION,
    PAID_WITHOUT_ALLOCATION,
    check_dialogue_payments,
)
from iomstrat.checks.context import Context
from iomstrat.core.pipeline import Checked, Run, check_file
from iomstrat.engine.book import ZERO, book_payments
from iomstrat.engine.plan import allocation_line, dialogue_lines, factor
from iomstrat.findings import Diagnostic, Money
from iomstrat.loader import payments as payment_records
from iomstrat.loader.payments import Payment, Payments
from iomstrat.rates import EcbRates

from .conftest import ROOT

UNHCR = ROOT / "examples" / "illustrative_unhcr_2024.yaml"
END_2024 = dt.date(2024, 12, 31)
RATES = EcbRates()


def strategy_with_dialogue(folder: Path) -> Checked:
    """The illustrative UNHCR strategy with a dialogue on its soft-earmarked line: one decision
    of 1 March 2024 allocating jordan_camps 25, lebanon_cash 20 and an item without id 15
    (DKK million)."""
    text = UNHCR.read_text(encoding="utf-8") + "dialogue: {lines: [soft_earmarked]}\n"
    path = folder / "unhcr.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(str(path), Run(END_2024))
    assert checked.strategy is not None
    return checked


def context(checked: Checked, records: list[Payment]) -> Context:
    assert checked.strategy is not None
    book = book_payments(Payments(["ledger.csv"], records), "DKK", RATES)
    return Context(checked.strategy, checked.document, END_2024, book)


def walk_every_payment(ctx: Context) -> list[tuple[int, str, str]]:
    """The rule of IOM403/IOM404 for payments, as a walk through every payment in date order
    (what the check did before it answered from sums)."""
    assert ctx.book is not None
    strategy, book, found = ctx.strategy, ctx.book, []
    dialogue = set(dialogue_lines(strategy))
    unit = factor(strategy)
    items = {i.id: (a, i) for a in strategy.allocations for i in a.items if i.id is not None}
    decided: dict[tuple[str | None, int], tuple[list[dt.date], list[Decimal]]] = {}
    for a in sorted(strategy.allocations, key=lambda a: a.date):
        dates, totals = decided.setdefault((allocation_line(strategy, a), a.year), ([], []))
        dates.append(a.date)
        totals.append((totals[-1] if totals else ZERO) + sum(i.amount for i in a.items) * unit)
    paid: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    paid_item: dict[str, Decimal] = defaultdict(Decimal)
    reported: set[object] = set()
    for p, amount in book.dated:
        on_dialogue = p.line in dialogue
        dates, totals = decided.get((p.line, p.year), ([], []))
        taken = bisect.bisect_right(dates, p.date)
        if on_dialogue and not taken:
            found.append((p.row, PAID_WITHOUT_ALLOCATION, "no decision"))
            continue
        if p.allocation is not None:
            target = items.get(p.allocation)
            if target is None or target[0].date > p.date:
                found.append((p.row, PAID_WITHOUT_ALLOCATION, p.allocation))
            else:
                paid_item[p.allocation] += amount
                above = paid_item[p.allocation] > target[1].amount * unit
                if above and p.allocation not in reported:
                    reported.add(p.allocation)
                    found.append((p.row, PAID_ABOVE_ALLOCATION, p.allocation))
        if on_dialogue:
            key = (p.line, p.year)
            paid[key] += amount
            if paid[key] > totals[taken - 1] and key not in reported:
                reported.add(key)
                found.append((p.row, PAID_ABOVE_ALLOCATION, p.line))
    return found


def kind(finding: Diagnostic) -> str:
    """What a finding names, in the words `walk_every_payment` uses."""
    if finding.kind in ("unknown_item", "later_item", "item"):
        return str(finding.values["allocation"])
    return "soft_earmarked" if "paid" in finding.values else "no decision"


payment = st.tuples(
    st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    st.sampled_from(["soft_earmarked", "soft_earmarked", "core"]),
    st.sampled_from([-5, 1, 4, 8, 15]),  # DKK million; -5 a refund
    st.sampled_from([None, None, "jordan_camps", "lebanon_cash", "nosuch"]),
)


@pytest.fixture(scope="module")
def unhcr(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    return strategy_with_dialogue(tmp_path_factory.mktemp("unhcr"))


@settings(max_examples=150, deadline=None)
@given(st.lists(payment, max_size=14))
def test_findings_from_sums_are_those_of_a_walk_through_every_payment(
    unhcr: Checked, drawn: list[tuple[dt.date, str, int, str | None]]
) -> None:
    records = [
        Payment(day, line, Decimal(m * 1_000_000), "DKK", f"V-{n}", None, 2024, item, 0, n, m < 0)
        for n, (day, line, m, item) in enumerate(drawn, start=2)
    ]
    ctx = context(unhcr, records)
    found = [(d.line, d.code, kind(d)) for d in check_dialogue_payments(ctx)]
    assert found == walk_every_payment(ctx)


def test_a_refund_of_an_item_is_walked_and_the_payment_above_it_named(unhcr: Checked) -> None:
    # jordan_camps is 25 million: 20 + 10 passes it on 1 May (row 3); the refund of 10 on
    # 2 May brings the sum back under it, which the item's total alone would hide.
    records = [
        Payment(dt.date(2024, 4, 1), "soft_earmarked", Decimal(20_000_000), "DKK", "A", None,
                2024, "jordan_camps", 0, 2),
        Payment(dt.date(2024, 5, 1), "soft_earmarked", Decimal(10_000_000), "DKK", "B", None,
                2024, "jordan_camps", 0, 3),
        Payment(dt.date(2024, 5, 2), "soft_earmarked", Decimal(-10_000_000), "DKK", "C", None,
                2024, "jordan_camps", 0, 4, True),
    ]  # fmt: skip
    found = check_dialogue_payments(context(unhcr, records))
    assert [(d.line, d.code, d.kind, dict(d.values)) for d in found] == [
        (
            3,
            "IOM404",
            "item",
            {
                "voucher": "B",
                "allocation": "jordan_camps",
                "paid": Money(Decimal(30_000_000), "DKK"),
                "allocated": Money(Decimal(25_000_000), "DKK"),
            },
        )
    ]


class Counted:
    """Counts the payment records the checks build."""

    def __init__(self) -> None:
        self.built = 0


@pytest.fixture
def records_built(monkeypatch: pytest.MonkeyPatch) -> Counted:
    counted = Counted()
    getitem = payment_records.Records.__getitem__

    def counting(self: payment_records.Records, index: int) -> Payment:
        counted.built += 1
        return getitem(self, index)  # type: ignore[no-any-return]

    def refused(self: payment_records.Records) -> None:
        raise AssertionError("a check walked every payment as a record")

    monkeypatch.setattr(payment_records.Records, "__getitem__", counting)
    monkeypatch.setattr(payment_records.Records, "__iter__", refused)
    return counted


LEDGER = """\
date,line,amount,currency,voucher,exchange_rate,allocation,refund
2024-02-15,core,100000000,DKK,UN-2024-001,,,
2024-03-02,soft_earmarked,20000000,DKK,UN-2024-002,,jordan_camps,
2024-03-05,core,1000000,USD,UN-2024-003,,,
2024-04-10,soft_earmarked,15000000,DKK,UN-2024-004,,lebanon_cash,
2024-04-20,soft_earmarked,2000000,DKK,UN-2024-005,,lebanon_cash,
2024-05-02,syria_response,40000000,DKK,UN-2024-006,,,
2024-06-02,soft_earmarked,10000000,DKK,UN-2024-007,,,
"""


def checked_with_ledger(folder: Path, ledger: str) -> Checked:
    text = UNHCR.read_text(encoding="utf-8")
    text = text[: text.index("disbursements:")] + "dialogue: {lines: [soft_earmarked]}\n"
    (folder / "ledger.csv").write_text(ledger, encoding="utf-8")
    path = folder / "unhcr.yaml"
    path.write_text(text + "ledgers: [ledger.csv]\n", encoding="utf-8")
    return check_file(str(path), Run(END_2024))


def test_a_ledger_without_findings_builds_no_payment_record(
    tmp_path: Path, records_built: Counted
) -> None:
    # Allocations named, a payment in dollars, a payment on a line without a dialogue: every
    # check answers from the columns and sums.
    checked = checked_with_ledger(tmp_path, LEDGER)
    assert [d.code for d in checked.diagnostics if d.severity.name != "INFO"] == []
    assert checked.book is not None
    assert checked.book.daily.named == {
        ("soft_earmarked", 2024, dt.date(2024, 3, 2), "jordan_camps"): Decimal(20_000_000),
        ("soft_earmarked", 2024, dt.date(2024, 4, 10), "lebanon_cash"): Decimal(15_000_000),
        ("soft_earmarked", 2024, dt.date(2024, 4, 20), "lebanon_cash"): Decimal(2_000_000),
    }
    assert records_built.built == 0


def test_a_finding_builds_the_records_of_its_line_and_year_only(
    tmp_path: Path, records_built: Counted
) -> None:
    # The second payment of lebanon_cash becomes 7 million on 12 April: the item is paid
    # 15 + 7 = 22 million of its 20 (row 6). Only that payment is made a record.
    ledger = LEDGER.replace(
        "2024-04-20,soft_earmarked,2000000", "2024-04-12,soft_earmarked,7000000"
    )
    checked = checked_with_ledger(tmp_path, ledger)
    found = [(d.line, d.code) for d in checked.diagnostics if d.severity.name != "INFO"]
    assert found == [(6, "IOM404")]
    assert records_built.built == 1
