"""Properties of the calculator over random payments: every view adds up to the same money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from iomstrat.engine.book import Book
from iomstrat.engine.disbursement import disbursement_report, portfolio
from iomstrat.loader.payments import Payment, Payments
from iomstrat.model.errors import read_strategy
from iomstrat.model.strategy import Approval
from iomstrat.results.disbursement import DisbursementReport

from .disbursement_helpers import EXAMPLE

READING = read_strategy(str(EXAMPLE))
assert READING.strategy is not None
STRATEGY = READING.strategy


class NoRates:
    def known(self, currency: str) -> bool:
        return currency == "DKK"

    def quote(self, currency: str, into: str, on: dt.date) -> None:
        raise AssertionError("a DKK report needs no rate")


payments = st.lists(
    st.tuples(
        st.dates(dt.date(2023, 1, 1), dt.date(2026, 12, 31)),
        st.sampled_from(["core", "soft_earmarked", "personnel"]),
        st.decimals(min_value=0, max_value=10_000_000, places=2),
    ),
    max_size=40,
)


def book(items: list[tuple[dt.date, str, Decimal]]) -> Book:
    records = [
        Payment(day, line, amount, "DKK", f"V{i}", None, day.year, None, 0, i + 1)
        for i, (day, line, amount) in enumerate(items)
    ]
    amounts: list[Decimal | None] = [p.amount for p in records]
    dated = sorted(((p, p.amount) for p in records), key=lambda pair: pair[0].date)
    return Book(Payments(["x"], records), amounts, [], dated)


@settings(max_examples=60, deadline=None)
@given(payments, st.dates(dt.date(2022, 6, 1), dt.date(2027, 6, 1)))
def test_views_agree(items: list[tuple[dt.date, str, Decimal]], as_of: dt.date) -> None:
    ledger = book(items)
    paid = sum((amount for day, _, amount in items if day <= as_of), Decimal(0))
    views = {
        by: disbursement_report(STRATEGY, ledger, file="x", as_of=as_of, by=by, rates=NoRates())
        for by in ("line", "year", "quarter")
    }
    assert views["line"].rows[-1].figures.disbursed == paid
    assert views["year"].rows[-1].figures.disbursed == paid
    quarters = [r for r in views["quarter"].rows if r.kind == "line"]
    assert sum((r.figures.disbursed for r in quarters), Decimal(0)) == paid
    for row in views["line"].rows:
        f = row.figures
        basis = f.approved if f.approved is not None else f.planned
        if row.year is not None:
            assert f.remaining == basis - f.disbursed
        assert f.variance == f.disbursed - f.scheduled
        assert f.forecast >= f.disbursed


def _approval(year: int, choice: tuple[str, int, bool]) -> Approval:
    status, month, with_lines = choice
    decided = dt.date(year, month, 15)
    if status == "planned":
        return Approval(year=year, status="planned")
    if status == "approved":
        return Approval(year=year, status="approved", finance_act="FL", decided_on=decided)
    if status == "withheld":
        return Approval(year=year, status="withheld", finance_act="FL", decided_on=decided)
    lines = {"core": Decimal(43), "soft_earmarked": Decimal(45), "personnel": Decimal(1)}
    return Approval(
        year=year,
        status="reduced",
        finance_act="FL",
        decided_on=decided,
        amount=Decimal(89) if with_lines else Decimal("91.3"),
        lines=lines if with_lines else None,
    )


decisions = st.lists(
    st.tuples(
        st.sampled_from(["planned", "approved", "reduced", "withheld"]),
        st.integers(1, 12),
        st.booleans(),
    ),
    min_size=4,
    max_size=4,
)
items = [i.id for a in STRATEGY.allocations for i in a.items if i.id is not None]
linked_payments = st.lists(
    st.tuples(
        st.dates(dt.date(2023, 1, 1), dt.date(2027, 2, 28)),
        st.sampled_from(["core", "soft_earmarked", "personnel"]),
        st.decimals(min_value=0, max_value=10_000_000, places=2),
        st.sampled_from([None, *items]),
        st.booleans(),  # charged to the previous year (supplementary period)
    ),
    max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(decisions, linked_payments, st.dates(dt.date(2022, 6, 1), dt.date(2027, 6, 1)))
def test_every_view_of_a_year_is_the_same_year(
    chosen: list[tuple[str, int, bool]],
    generated: list[tuple[dt.date, str, Decimal, str | None, bool]],
    as_of: dt.date,
) -> None:
    """For generated decisions and ledgers: the line view's year, the year view, the quarter
    view's year, the priority view's year and the portfolio agree to the øre, and their parts
    add up to them."""
    years = list(STRATEGY.strategy.period.years)
    # model_construct, not model_copy: a copy would keep the original's lookup indexes.
    fields = {name: getattr(STRATEGY, name) for name in type(STRATEGY).model_fields}
    fields["approvals"] = [_approval(y, c) for y, c in zip(years, chosen, strict=True)]
    strategy = type(STRATEGY).model_construct(**fields)
    records = []
    for i, (day, line, amount, allocation, previous) in enumerate(generated):
        year = day.year - 1 if previous and day.month <= 3 else day.year
        if year not in years:
            continue
        linked = allocation if line == "soft_earmarked" else None
        records.append(Payment(day, line, amount, "DKK", f"V{i}", None, year, linked, 0, i + 1))
    dated = sorted(((p, p.amount) for p in records), key=lambda pair: pair[0].date)
    ledger = Book(Payments(["x"], records), [p.amount for p in records], [], dated)

    def view(by: str) -> DisbursementReport:
        return disbursement_report(strategy, ledger, file="x", as_of=as_of, by=by, rates=NoRates())

    by_line, by_year, by_quarter, by_priority = (
        view(by) for by in ("line", "year", "quarter", "priority")
    )
    combined = portfolio(
        [(strategy, ledger)], as_of=as_of, currency="DKK", files=("x",), rates=NoRates()
    )
    for year in years:
        key = str(year)
        year_row = next(r.figures for r in by_year.rows if r.key == key)
        assert next(r.figures for r in by_line.rows if r.key == key) == year_row
        assert next(r.figures for r in by_quarter.rows if r.key == key) == year_row
        lines = [r.figures for r in by_line.rows if r.kind == "line" and r.year == year]
        for name in ("planned", "disbursed", "remaining", "scheduled", "variance", "forecast"):
            assert sum((getattr(f, name) for f in lines), Decimal(0)) == getattr(year_row, name)
        quarters = [r.figures for r in by_quarter.rows if r.kind == "line" and r.year == year]
        assert sum((q.disbursed for q in quarters), Decimal(0)) == year_row.disbursed
        assert sum((q.scheduled for q in quarters), Decimal(0)) == year_row.scheduled
        soft = next(r.figures for r in by_line.rows if r.key == "soft_earmarked" and r.year == year)
        priority = [p for p in by_priority.priority_rows if p.year == year]
        if priority:
            subtotal = priority[-1]
            assert subtotal.kind == "subtotal"
            assert (subtotal.allocated, subtotal.disbursed) == (soft.allocated, soft.disbursed)
            parts = priority[:-1]
            assert sum((p.disbursed for p in parts), Decimal(0)) == subtotal.disbursed
            assert sum((p.allocated for p in parts), Decimal(0)) == subtotal.allocated
        else:
            assert soft.disbursed == 0 and not soft.allocated
        fa_year = next(r for r in combined.rows if r.year == year)
        assert (fa_year.planned, fa_year.approved, fa_year.disbursed, fa_year.remaining) == (
            year_row.planned,
            year_row.approved,
            year_row.disbursed,
            year_row.remaining,
        )
        if year_row.approved is not None:
            decided = strategy.approval(year)
            assert decided is not None and decided.status != "planned"
