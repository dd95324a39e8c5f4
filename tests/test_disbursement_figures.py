"""The illustrative year 2023 reconciled line by line with figures computed by hand.

Hand computation (DKK): core 24,000,000 (3 Apr) + 24,000,000 (29 Sep); soft earmarked
12,000,000 (2 May) + USD 1,000,000 at the stated 6.80 = 6,800,000 (15 Jun) + USD 1,000,000 at
the ECB rate of 15 Nov 2023 (7.4588 / 1.0868) = 6,863,084.28 + 5,000,000 (1 Dec, CSV ledger);
personnel 4 x 500,000 (CSV ledger). Default schedule: a quarter of each line at each quarter end.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from iomstrat.core.pipeline import Run, check_file
from iomstrat.engine.disbursement import disbursement_report, portfolio
from iomstrat.engine.plan import schedule
from iomstrat.rates import EcbRates
from iomstrat.render.messages import text as message
from iomstrat.results.disbursement import DisbursementReport, Figures

from .disbursement_helpers import EXAMPLE, YEAR_END, edit, example_text, write_example

RATES = EcbRates()


def report(as_of: dt.date, by: str = "line", currency: str | None = None) -> DisbursementReport:
    result = check_file(str(EXAMPLE), Run(as_of, rates=RATES))
    assert result.strategy is not None and result.book is not None
    return disbursement_report(
        result.strategy,
        result.book,
        file="example",
        as_of=as_of,
        by=by,
        currency=currency,
        rates=RATES,
    )


def cell(rep: DisbursementReport, key: str, year: int | None) -> Figures:
    return next(r.figures for r in rep.rows if r.key == key and r.year == year)


def test_example_is_clean() -> None:
    result = check_file(str(EXAMPLE), Run(YEAR_END, rates=RATES))
    assert [d for d in result.diagnostics if d.severity.name != "INFO"] == []


def test_year_end_line_by_line() -> None:
    rep = report(YEAR_END)
    core, soft, staff = (cell(rep, k, 2023) for k in ("core", "soft_earmarked", "personnel"))
    assert core == Figures(
        planned=D(48_000_000),
        approved=D(48_000_000),
        allocated=None,
        disbursed=D(48_000_000),
        remaining=D(0),
        rate=D(1),
        scheduled=D(48_000_000),
        variance=D(0),
        forecast=D(48_000_000),
    )
    assert soft.allocated == D(50_000_000)
    assert soft.disbursed == D("30663084.28")
    assert soft.remaining == D("19336915.72")
    assert soft.rate == D("0.6133")
    assert soft.variance == D("-19336915.72")
    assert soft.forecast == D("30663084.28")  # the year is over: what was paid
    assert (staff.disbursed, staff.remaining) == (D(2_000_000), D(0))
    total = cell(rep, "2023", 2023)
    assert (total.planned, total.approved, total.disbursed) == (
        D(100_000_000),
        D(100_000_000),
        D("80663084.28"),
    )
    assert total.remaining == D("19336915.72")


def test_mid_year_line_by_line() -> None:
    rep = report(dt.date(2023, 6, 30))
    core, soft, staff = (cell(rep, k, 2023) for k in ("core", "soft_earmarked", "personnel"))
    assert (core.disbursed, core.scheduled, core.variance, core.forecast) == (
        D(24_000_000),
        D(24_000_000),
        D(0),
        D(48_000_000),
    )
    # 12,000,000 + 6,800,000; one dialogue decision (25 million) so far.
    assert (soft.allocated, soft.disbursed, soft.remaining, soft.rate) == (
        D(25_000_000),
        D(18_800_000),
        D(31_200_000),
        D("0.376"),
    )
    # Behind schedule by 6.2 million; forecast assumes the rest of the schedule is paid.
    assert (soft.scheduled, soft.variance, soft.forecast) == (
        D(25_000_000),
        D(-6_200_000),
        D(43_800_000),
    )
    assert (staff.disbursed, staff.forecast) == (D(1_000_000), D(2_000_000))


def test_before_approval_nothing_is_approved() -> None:
    rep = report(dt.date(2023, 3, 1))
    core = cell(rep, "core", 2023)
    assert core.approved is None
    assert core.remaining == D(48_000_000)  # measured against the plan until approved


def test_period_totals() -> None:
    rep = report(YEAR_END)
    total = cell(rep, "2023-2026", None)
    assert total.planned == D(400_000_000)
    assert total.approved == D(100_000_000)
    assert total.disbursed == D("80663084.28")
    # 2023 against its approval, 2024-2026 against the plan.
    assert total.remaining == D("319336915.72")
    core_period = next(r for r in rep.rows if r.key == "core" and r.year is None)
    assert core_period.figures.planned == D(192_000_000)


def test_by_year() -> None:
    rep = report(YEAR_END, by="year")
    assert [r.key for r in rep.rows] == ["2023", "2024", "2025", "2026", "2023-2026"]
    assert rep.rows[0].figures.disbursed == D("80663084.28")
    assert rep.rows[1].figures.forecast == D(100_000_000)  # not started: the schedule


def test_by_quarter() -> None:
    rep = report(YEAR_END, by="quarter")
    paid = {r.key: r.figures.disbursed for r in rep.rows if r.year == 2023}
    assert paid == {
        "2023-Q1": D(500_000),  # personnel 31 Mar
        "2023-Q2": D(12_000_000) + D(6_800_000) + D(24_000_000) + D(500_000),
        "2023-Q3": D(24_000_000) + D(500_000),
        "2023-Q4": D("6863084.28") + D(5_000_000) + D(500_000),
        "2023": D("80663084.28"),
    }


def test_by_priority() -> None:
    rep = report(YEAR_END, by="priority")
    rows = {(r.year, r.key): (r.allocated, r.disbursed, r.items) for r in rep.priority_rows}
    # Every soft-earmarked payment of 2023 names an allocation: no "not linked" row; years with
    # nothing allocated or paid are left out.
    assert rows == {
        (2023, "1"): (D(0), D(0), 0),
        (2023, "2"): (D(10_000_000), D("6863084.28"), 1),
        (2023, "3"): (D(27_000_000), D(17_000_000), 3),
        (2023, "4"): (D(13_000_000), D(6_800_000), 2),
        (2023, "2023"): (D(50_000_000), D("30663084.28"), 6),
        (None, "total"): (D(50_000_000), D("30663084.28"), 6),
    }
    soft = cell(report(YEAR_END), "soft_earmarked", 2023)
    assert (soft.allocated, soft.disbursed) == (D(50_000_000), D("30663084.28"))


def test_by_place() -> None:
    rep = report(YEAR_END, by="place")
    rows = {(r.year, r.kind, r.key): (r.allocated, r.disbursed, r.items) for r in rep.priority_rows}
    # The two 2023 decisions' six items by country or region, under Africa; the payments that
    # name them (the Horn of Africa's in USD at the ECB rate of its date); the year as --by line.
    assert rows == {
        (2023, "line", "Ethiopia"): (D(5_000_000), D(5_000_000), 1),
        (2023, "line", "Horn of Africa"): (D(10_000_000), D("6863084.28"), 1),
        (2023, "line", "Morocco"): (D(10_000_000), D(0), 1),
        (2023, "line", "Niger"): (D(12_000_000), D(12_000_000), 1),
        (2023, "line", "Sahel"): (D(8_000_000), D(6_800_000), 1),
        (2023, "line", "Sudan"): (D(5_000_000), D(0), 1),
        (2023, "region", "region:Africa"): (D(50_000_000), D("30663084.28"), 6),
        (2023, "subtotal", "2023"): (D(50_000_000), D("30663084.28"), 6),
        (None, "total", "total"): (D(50_000_000), D("30663084.28"), 6),
    }
    by_priority = report(YEAR_END, by="priority").priority_rows[-1]
    assert (by_priority.allocated, by_priority.disbursed) == rows[(None, "total", "total")][:2]


def test_by_place_names_a_payment_without_allocation_and_each_continent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Morocco's allocation moved to Jordan (Western Asia): a second continent, with its total.
    text = example_text().replace("country: Morocco", "country: Jordan", 1)
    path = write_example(tmp_path, text)
    result = check_file(str(path), Run(YEAR_END, rates=RATES))
    assert result.strategy is not None and result.book is not None
    rep = disbursement_report(
        result.strategy, result.book, file="s", as_of=YEAR_END, by="place", rates=RATES
    )
    regions = {r.label: r.allocated for r in rep.priority_rows if r.kind == "region"}
    assert regions == {"Africa": D(40_000_000), "Asia": D(10_000_000)}


def test_report_in_usd() -> None:
    rep = report(YEAR_END, currency="USD")
    soft = cell(rep, "soft_earmarked", 2023)
    # ECB reference rates, 29 Dec 2023 (the last before 31 Dec): USD 1.1050, DKK 7.4529.
    assert soft.planned == (D(50_000_000) * D("1.1050") / D("7.4529")).quantize(D("0.01"))
    # The two payments made in USD at their own amount; the DKK ones at the ECB rate of their
    # date (ECB reference rates: 2 May 2023 USD 1.0965, DKK 7.4538; 1 Dec 2023 USD 1.0875,
    # DKK 7.4543).
    may = (D(12_000_000) * D("1.0965") / D("7.4538")).quantize(D("0.01"))
    december = (D(5_000_000) * D("1.0875") / D("7.4543")).quantize(D("0.01"))
    expected = D(2_000_000) + may + december
    assert soft.disbursed == expected


def test_default_schedule_spreads_the_projected_disbursement_by_quarter() -> None:
    result = check_file(str(EXAMPLE), Run(YEAR_END))
    assert result.strategy is not None
    tranches = schedule(result.strategy)
    assert tranches[("core", 2023)] == [
        (dt.date(2023, 3, 31), D(12_000_000)),
        (dt.date(2023, 6, 30), D(12_000_000)),
        (dt.date(2023, 9, 30), D(12_000_000)),
        (dt.date(2023, 12, 31), D(12_000_000)),
    ]


def test_explicit_schedule(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = edit(
        example_text(),
        "\napprovals:",
        "\nschedule:\n  core:\n    2023:\n      - {date: 2023-04-01, share: 0.5}\n"
        "      - {quarter: 3, amount: 24}\napprovals:",
    )
    path = write_example(tmp_path, text)
    result = check_file(str(path), Run(dt.date(2023, 6, 30)))
    # the payments after 30 June are not counted, and a note in each file says so (IOM458)
    payment_findings = [d.code for d in result.diagnostics if d.code.startswith("IOM4")]
    assert payment_findings == ["IOM458", "IOM458"]
    assert result.strategy is not None and result.book is not None
    rep = disbursement_report(
        result.strategy, result.book, file="x", as_of=dt.date(2023, 6, 30), rates=RATES
    )
    core = cell(rep, "core", 2023)
    assert (core.scheduled, core.variance, core.forecast) == (
        D(24_000_000),
        D(0),
        D(48_000_000),
    )


@pytest.mark.parametrize("as_of", [dt.date(2023, 12, 31)])
def test_portfolio_totals_per_finance_act_code_and_year(tmp_path, as_of) -> None:  # type: ignore[no-untyped-def]
    first = check_file(str(EXAMPLE), Run(as_of, rates=RATES))
    # A second strategy under another Finance Act code, its 2023 reduced to 90 (core 40).
    other_text = (
        example_text()
        .replace("§06.32.10.14", "§06.39.01.10")
        .replace("ledgers: [illustrative_2023_ledger.csv]", "")
        .replace(
            "    status: approved\n    finance_act: Finance Act 2023 (illustrative)",
            "    status: reduced\n    amount: 90\n    lines: {core: 40, soft_earmarked: 50, "
            "personnel: 0}\n    finance_act: Finance Act 2023 (illustrative)",
        )
        .replace("line: core, amount: 24000000", "line: core, amount: 20000000")
    )
    other_path = tmp_path / "other.yaml"
    other_path.write_text(other_text, encoding="utf-8")
    second = check_file(str(other_path), Run(as_of, rates=RATES))
    assert [message(d) for d in second.diagnostics if d.severity.name == "ERROR"] == []
    books = []
    for result in (first, second, first):
        assert result.strategy is not None and result.book is not None
        books.append((result.strategy, result.book))
    combined = portfolio(books, as_of=as_of, currency="DKK", files=("a", "b", "c"), rates=RATES)
    rows = {(r.finance_act_code, r.year): r for r in combined.rows}
    ours = rows[("§06.32.10.14", 2023)]
    assert (ours.planned, ours.approved, ours.disbursed, ours.files) == (
        D(200_000_000),
        D(200_000_000),
        D("161326168.56"),
        2,
    )
    theirs = rows[("§06.39.01.10", 2023)]
    # core 40 + soft 50 + personnel 0 approved; paid 2 x 20,000,000 + 12,000,000 + 6,800,000
    # + 6,863,084.28 (no CSV ledger in this one).
    assert (theirs.planned, theirs.approved, theirs.disbursed) == (
        D(100_000_000),
        D(90_000_000),
        D("65663084.28"),
    )
    assert theirs.remaining == D("24336915.72")
    assert rows[("§06.32.10.14", None)].planned == D(800_000_000)
    assert rows[("§06.39.01.10", 2024)].approved is None
