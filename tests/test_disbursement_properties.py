"""Properties of the calculator over random payments: every view adds up to the same money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from iomstrat.engine.book import Book
from iomstrat.engine.disbursement import disbursement_report
from iomstrat.loader.ledgers import Payment, Payments
from iomstrat.model.errors import read_strategy

from .disbursement_helpers import EXAMPLE

READING = read_strategy(str(EXAMPLE))
assert READING.strategy is not None
STRATEGY = READING.strategy


class NoRates:
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
