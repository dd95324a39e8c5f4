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
from iomstrat.checks.context import FOREVER, Context
from iomstrat.checks.payments import (
    check_line_limits,
    check_payment_lines,
    check_payments_approved,
    check_refunds,
    check_vouchers,
    check_years,
)
from iomstrat.core.pipeline import Checked, Run, check_file
from iomstrat.engine.book import ZERO, book_payments
from iomstrat.engine.plan import (
    allocation_line,
    approved_line,
    approved_year,
    dialogue_lines,
    factor,
    planned,
)
from iomstrat.findings import Diagnostic, Money, echo
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
    st.sampled_from(["DKK", "DKK", "DKK", "XYZ"]),  # XYZ: no rate, so no amount to sum
)


@pytest.fixture(scope="module")
def unhcr(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    return strategy_with_dialogue(tmp_path_factory.mktemp("unhcr"))


@settings(max_examples=150, deadline=None)
@given(st.lists(payment, max_size=14))
def test_findings_from_sums_are_those_of_a_walk_through_every_payment(
    unhcr: Checked, drawn: list[tuple[dt.date, str, int, str | None, str]]
) -> None:
    records = [
        Payment(day, line, Decimal(m * 1_000_000), cur, f"V-{n}", None, 2024, item, 0, n, m < 0)
        for n, (day, line, m, item, cur) in enumerate(drawn, start=2)
    ]
    ctx = context(unhcr, records)
    found = [(d.line, d.code, kind(d)) for d in check_dialogue_payments(ctx)]
    # in the order of their files' lines, as every command lists them
    assert sorted(found) == sorted(walk_every_payment(ctx))


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


# --- the payment checks of checks/payments.py, by column against a walk through every payment


def every_payment_approved(ctx: Context) -> list[Diagnostic]:
    """IOM401/IOM402 as a walk through every payment in date order (the row path)."""
    assert ctx.book is not None
    strategy, book, found = ctx.strategy, ctx.book, []
    approvals = {a.year: a for a in reversed(strategy.approvals)}
    year_limit = {y: approved_year(strategy, y, FOREVER) for y in approvals}
    line_limit: dict[tuple[str, int], Decimal | None] = {}
    paid_year: dict[int, Decimal] = defaultdict(Decimal)
    paid_line: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    reported: set[tuple[str, int]] = set()
    for p, amount in book.dated:
        approval = approvals.get(p.year)
        voucher = echo(p.voucher)
        if approval is None or approval.status == "planned":
            found.append(
                book.payments.finding(
                    p, "IOM401", kind="none", voucher=voucher, date=p.date, year=p.year
                )
            )
            continue
        if approval.decided_on is not None and p.date < approval.decided_on:
            found.append(
                book.payments.finding(
                    p,
                    "IOM401",
                    voucher=voucher,
                    date=p.date,
                    year=p.year,
                    finance_act=approval.finance_act or "",
                    decided_on=approval.decided_on,
                )
            )
        paid_year[p.year] += amount
        limits = [("", p.year, year_limit[p.year], paid_year[p.year])]
        if approval.lines is not None:
            key = (p.line, p.year)
            paid_line[key] += amount
            if key not in line_limit:
                line_limit[key] = approved_line(strategy, p.line, p.year, FOREVER)
            limits.append((p.line, p.year, line_limit[key], paid_line[key]))
        for line_id, year, limit, paid in limits:
            if limit is not None and paid > limit and (line_id, year) not in reported:
                reported.add((line_id, year))
                found.append(
                    book.payments.finding(
                        p,
                        "IOM402",
                        kind="line" if line_id else "",
                        voucher=voucher,
                        year=year,
                        paid=Money(paid, "DKK"),
                        approved=Money(limit, "DKK"),
                        excess=Money(paid - limit, "DKK"),
                        **({"line": line_id} if line_id else {}),
                    )
                )
    return found


def every_payment_within_its_line(ctx: Context) -> list[Diagnostic]:
    """IOM411 as a walk through every payment in date order."""
    assert ctx.book is not None
    kinds = {line.id: line.kind for line in ctx.strategy.budget.lines}
    paid: dict[tuple[str, int], Decimal] = defaultdict(Decimal)
    found, reported = [], set()
    for p, amount in ctx.book.dated:
        if p.line not in kinds:
            continue
        key = (p.line, p.year)
        paid[key] += amount
        limit = planned(ctx.strategy, p.line, p.year)
        if paid[key] > limit and key not in reported:
            reported.add(key)
            found.append(
                ctx.book.payments.finding(
                    p,
                    "IOM411",
                    voucher=echo(p.voucher),
                    line=p.line,
                    line_kind=kinds[p.line],
                    year=p.year,
                    paid=Money(paid[key], "DKK"),
                    planned=Money(limit, "DKK"),
                )
            )
    return found


def every_payment_in_its_year(ctx: Context) -> list[Diagnostic]:
    """IOM409 of payments as a walk through every payment in file order: a payment dated in
    the first `months` months of the next year (the supplementary period) is in its year."""
    assert ctx.book is not None
    period, found = ctx.strategy.strategy.period, []
    months = ctx.strategy.strategy.supplementary_period_months
    for p in ctx.book.payments.records:
        values: dict[str, object]
        late = p.date.year == p.year + 1 and p.date.month <= (months or 0)
        if p.year not in period.years:
            values = {"kind": "payment_period", "year": p.year}
            values.update(start=period.start, end=period.end)
        elif p.date.year != p.year and not late and months:
            values = {"kind": "payment_year_months", "date": p.date, "year": p.year}
            values.update(months=months)
        elif p.date.year != p.year and not late:
            values = {"kind": "payment_year", "date": p.date, "year": p.year}
        else:
            continue
        found.append(ctx.book.payments.finding(p, "IOM409", voucher=echo(p.voucher), **values))
    return found


def every_refund(ctx: Context) -> list[Diagnostic]:
    """IOM418 as a walk through every payment."""
    assert ctx.book is not None
    found = []
    for p in ctx.book.payments.records:
        wrong = "negative" if p.amount < 0 and not p.refund else ""
        wrong = "refund" if p.refund and p.amount >= 0 else wrong
        if wrong:
            found.append(
                ctx.book.payments.finding(
                    p, "IOM418", kind=wrong, voucher=echo(p.voucher), amount=p.amount
                )
            )
    return found


def every_voucher(ctx: Context) -> list[Diagnostic]:
    """IOM410 as a walk through every payment, folding each voucher."""
    assert ctx.book is not None
    payments, first, found = ctx.book.payments, {}, []
    for p in payments.records:
        earlier = first.setdefault(" ".join(p.voucher.split()).casefold(), p)
        if earlier is not p:
            file, line = payments.where(earlier)
            used = {"voucher": echo(p.voucher.strip()), "file": file, "line": line}
            found.append(
                payments.finding(p, "IOM410", **used)
                if earlier.voucher == p.voucher
                else payments.finding(
                    p, "IOM410", kind="as", **used, first=echo(earlier.voucher.strip())
                )
            )
    return found


def every_payment_line(ctx: Context) -> list[Diagnostic]:
    assert ctx.book is not None
    known = {line.id for line in ctx.strategy.budget.lines}
    return [
        ctx.book.payments.finding(
            p,
            "IOM413",
            kind="payment",
            voucher=echo(p.voucher),
            line=p.line,
            lines=tuple(sorted(known)),
        )
        for p in ctx.book.payments.records
        if p.line not in known
    ]


BY_COLUMN_AND_BY_ROW = [
    (check_payments_approved, every_payment_approved),
    (check_line_limits, every_payment_within_its_line),
    (check_years, every_payment_in_its_year),
    (check_refunds, every_refund),
    (check_vouchers, every_voucher),
    (check_payment_lines, every_payment_line),
]

LINE_APPROVAL = (
    "  - {year: 2024, status: reduced, finance_act: Finance Act 2024 (illustrative), "
    "decided_on: 2023-12-14, amount: 230,\n"
    "     lines: {core: 140, soft_earmarked: 50, syria_response: 30, climate_displacement: 10}}\n"
)


@pytest.fixture(scope="module")
def unhcr_by_line(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    """The UNHCR strategy with 2024 approved line by line, reduced to 230 million."""
    text = UNHCR.read_text(encoding="utf-8")
    start = text.index("  - {year: 2024, status: approved")
    text = text[:start] + LINE_APPROVAL + text[text.index("\n", start) + 1 :]
    path = tmp_path_factory.mktemp("by_line") / "unhcr.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_file(str(path), Run(END_2024))
    assert checked.strategy is not None
    approval = checked.strategy.approval(2024)
    assert approval is not None and approval.lines is not None
    return checked


any_payment = st.tuples(
    st.sampled_from(
        [
            dt.date(2023, 12, 1),
            dt.date(2023, 12, 20),
            dt.date(2024, 3, 1),
            dt.date(2024, 3, 1),
            dt.date(2024, 6, 30),
            dt.date(2024, 11, 2),
            dt.date(2025, 1, 15),
            dt.date(2025, 3, 31),
            dt.date(2025, 4, 1),
            dt.date(2025, 7, 1),
        ]
    ),
    st.sampled_from(["core", "soft_earmarked", "syria_response", "climate_displacement", "x"]),
    st.sampled_from(["-60", "-0.00", "0", "10", "45", "90", "130"]),  # DKK million
    st.sampled_from([2023, 2024, 2024, 2025]),
    st.sampled_from(["DKK", "DKK", "DKK", "XOF"]),  # XOF: no ECB rate, no amount
    st.sampled_from(["V-1", "v-1", " V-1", "V-2", "V 3", "Straße", "STRASSE", ""]),
    st.booleans(),  # marked as a refund
)


@settings(max_examples=200, deadline=None)
@given(st.lists(any_payment, max_size=16), st.booleans(), st.sampled_from([None, 3, 6, 12]))
def test_payment_checks_by_column_find_what_a_walk_through_every_payment_finds(
    unhcr: Checked,
    unhcr_by_line: Checked,
    drawn: list[tuple[dt.date, str, str, int, str, str, bool]],
    by_line: bool,
    months: int | None,
) -> None:
    """Refunds, payments before approval or in a year not approved, years and lines above
    what was approved, vouchers equal once folded, unknown lines, payments without a rate,
    payments dated after their year within or beyond a supplementary period of `months`:
    each check's findings by column are those of the walk through every payment, in order."""
    records = [
        Payment(day, line, Decimal(m) * 1_000_000, currency, f"{voucher}{n % 3}", None, year,
                None, 0, n, refund)
        for n, (day, line, m, year, currency, voucher, refund) in enumerate(drawn, start=2)
    ]  # fmt: skip
    ctx = context(unhcr_by_line if by_line else unhcr, records)
    cover = ctx.strategy.strategy.model_copy(update={"supplementary_period_months": months})
    ctx = ctx._replace(strategy=ctx.strategy.model_copy(update={"strategy": cover}))
    for by_column, by_row in BY_COLUMN_AND_BY_ROW:
        assert sorted(by_column(ctx)) == sorted(by_row(ctx)), by_column.__name__


def test_a_refund_marked_as_one_is_checked_by_column_without_a_record(
    tmp_path: Path, records_built: Counted
) -> None:
    # A refund on the core line: every payment check keeps answering from the columns; the
    # refund's sign and mark are compared by column (it is marked as one: no finding), so no
    # record is made.
    ledger = LEDGER.replace("2024-02-15,core,100000000,DKK,UN-2024-001,,,", "")
    ledger += "2024-07-01,core,-10000000,DKK,UN-2024-008,,,yes\n"
    checked = checked_with_ledger(tmp_path, ledger)
    assert [d.code for d in checked.diagnostics if d.severity.name != "INFO"] == []
    assert records_built.built == 0


def test_findings_of_a_ledger_with_a_refund_build_their_records_only(
    tmp_path: Path, records_built: Counted
) -> None:
    # The core line is 150 million in 2024: 100 + 60 passes it on 1 July (row 9), the refund
    # of 20 on 2 July brings it back under; a voucher used twice (row 10, written lower case),
    # a payment for 2025 (planned: row 11). Only the refund and the findings are made records.
    ledger = LEDGER + (
        "2024-07-01,core,60000000,DKK,UN-2024-009,,,\n"
        "2024-07-02,core,-20000000,DKK,un-2024-009,,,yes\n"
        "2025-01-10,core,1000000,DKK,UN-2025-001,,,\n"
    )
    text = ledger.replace(",,\n2025-01-10,core,1000000,DKK,UN-2025-001,,,", ",,")
    assert text  # the ledger as written above
    checked = checked_with_ledger(tmp_path, ledger)
    found = [(d.line, d.code) for d in checked.diagnostics if d.severity.name != "INFO"]
    assert sorted(found) == [(9, "IOM411"), (10, "IOM410"), (11, "IOM401")]
    # IOM411 and IOM401 build their record; IOM410 builds both payments of the voucher;
    # the refund is read by check_refunds
    assert records_built.built <= 6


def test_two_lines_paid_on_one_day_with_a_refund_pass_the_year_between_them(
    unhcr_by_line: Checked,
) -> None:
    # 2024 approved at 230 million. By 2 November 170 are paid; that day soft-earmarked gets
    # 50 (220), climate 20 (240: above the year, row 5, and above climate's 10), then the 50
    # come back (190). The day's sums alone (+0 and +20) would hide the year's finding: a
    # day's peak is the sum of its lines' rises.
    def paid(n: int, day: dt.date, line: str, million: int) -> Payment:
        amount = Decimal(million * 1_000_000)
        return Payment(day, line, amount, "DKK", f"V{n}", None, 2024, None, 0, n, million < 0)

    november = dt.date(2024, 11, 2)
    records = [
        paid(2, dt.date(2024, 3, 1), "core", 140),
        paid(3, dt.date(2024, 6, 30), "syria_response", 30),
        paid(4, november, "soft_earmarked", 50),
        paid(5, november, "climate_displacement", 20),
        paid(6, november, "soft_earmarked", -50),
    ]
    ctx = context(unhcr_by_line, records)
    found = check_payments_approved(ctx)
    assert [(d.line, d.kind, d.values.get("line")) for d in found] == [
        (5, "", None),
        (5, "line", "climate_displacement"),
    ]
    assert sorted(found) == sorted(every_payment_approved(ctx))
