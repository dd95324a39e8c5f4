"""Every IOM4xx code: a failing case on an edit of the illustrative example, which itself is
the passing case (test_example_has_no_findings). Findings read 'file:line:CODE'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from iomstrat.core.payments import read_ledger
from iomstrat.core.pipeline import Run, check_file
from iomstrat.findings import Severity
from iomstrat.loader.payments import Payments
from iomstrat.render.messages import text as words

from .disbursement_helpers import (
    YEAR_END,
    codes,
    edit,
    example_text,
    ledger_text,
    line_in,
    write_example,
)

Y = "illustrative_2023.yaml"
L = "illustrative_2023_ledger.csv"
CORE_1 = "voucher: DK-2023-001}"
SOFT_USD_ECB = "voucher: DK-2023-005"


def test_example_has_no_findings(tmp_path: Path) -> None:
    assert codes(tmp_path, prefix="IOM") == []


def test_iom401_payment_before_approval(tmp_path: Path) -> None:
    text = edit(example_text(), "decided_on: 2023-03-15", "decided_on: 2023-04-10")
    assert codes(tmp_path, text) == [f"{Y}:{line_in(text, CORE_1)}:IOM401", f"{L}:2:IOM401"]


def test_iom401_payment_for_a_year_not_yet_approved(tmp_path: Path) -> None:
    ledger = ledger_text() + "2024-01-15,personnel,500000.00,DKK,DK-2024-P01,,,\n"
    assert codes(tmp_path, ledger=ledger) == [f"{L}:7:IOM401"]


def test_iom402_payment_above_the_approved_amount(tmp_path: Path) -> None:
    text = edit(
        example_text(),
        "    status: approved\n    finance_act",
        "    status: reduced\n    amount: 90\n    finance_act",
    )
    # 80.66 million paid, within the reduced 90; 10 million more crosses it (and the core line).
    ledger = ledger_text() + "2023-12-20,core,10000000.00,DKK,DK-2023-007,,,\n"
    assert codes(tmp_path, text, ledger) == [f"{L}:7:IOM402", f"{L}:7:IOM411"]


def test_iom402_per_line_when_the_approval_names_lines(tmp_path: Path) -> None:
    text = edit(
        example_text(),
        "    status: approved\n    finance_act",
        "    status: reduced\n    amount: 90\n    lines: {core: 38, soft_earmarked: 50, "
        "personnel: 2}\n    finance_act",
    )
    second_core = line_in(text, "voucher: DK-2023-004")
    assert codes(tmp_path, text) == [f"{Y}:{second_core}:IOM402"]


def test_iom403_soft_earmarked_payment_before_any_allocation(tmp_path: Path) -> None:
    text = edit(example_text(), "  - date: 2023-04-20\n", "  - date: 2023-05-10\n")
    line = line_in(text, "voucher: DK-2023-002")
    assert codes(tmp_path, text) == [f"{Y}:{line}:IOM403"]


def test_iom403_payment_naming_an_unknown_allocation(tmp_path: Path) -> None:
    text = edit(example_text(), "allocation: horn_data", "allocation: nowhere")
    assert codes(tmp_path, text) == [f"{Y}:{line_in(text, SOFT_USD_ECB)}:IOM403"]


def test_iom404_payments_above_the_allocated_amount(tmp_path: Path) -> None:
    # 25 million allocated by 15 June; 12 + 6.8 paid, then 10 more on 20 June.
    ledger = ledger_text() + "2023-06-20,soft_earmarked,10000000.00,DKK,DK-2023-008,,,\n"
    assert codes(tmp_path, ledger=ledger) == [f"{L}:7:IOM404"]


def test_iom404_payment_above_its_allocation_item(tmp_path: Path) -> None:
    ledger = ledger_text().replace("5000000.00,DKK,DK-2023-006", "5500000.00,DKK,DK-2023-006")
    assert codes(tmp_path, ledger=ledger) == [f"{L}:5:IOM404"]


def test_iom405_allocations_above_the_soft_earmarked_amount(tmp_path: Path) -> None:
    text = edit(
        example_text(),
        "        amount: 10\n        priority_area: 2",
        "        amount: 11\n        priority_area: 2",
    )
    items = line_in(text, "half_year: 2023-H2") + 2
    assert codes(tmp_path, text) == [f"{Y}:{items + 1}:IOM405"]


def test_iom405_is_worded_without_a_doubled_quote_in_both_languages(tmp_path: Path) -> None:
    # 2023's allocations: 12 + 8 + 5 (H1) + 11 + 10 + 5 (H2) = 51 million on a line of 50.
    text = edit(
        example_text(),
        "        amount: 10\n        priority_area: 2",
        "        amount: 11\n        priority_area: 2",
    )
    path = write_example(tmp_path, text)
    [above] = [d for d in check_file(str(path), Run(YEAR_END)).diagnostics if d.code == "IOM405"]
    assert words(above) == (
        "allocations for 2023 reach 51 (million), above the 50 line 'soft_earmarked' has for "
        "the year"
    )
    assert words(above, "da") == (
        "allokeringerne for 2023 når 51 (mio.), over de 50, linjen 'soft_earmarked' har for året"
    )


def test_iom406_allocation_outside_africa(tmp_path: Path) -> None:
    text = edit(example_text(), "country: Morocco", "country: Afghanistan")
    assert codes(tmp_path, text) == [f"{Y}:{line_in(text, 'Afghanistan')}:IOM406"]


def test_iom406_region_outside_africa(tmp_path: Path) -> None:
    text = edit(example_text(), "region: Horn of Africa", "region: Western Asia")
    assert codes(tmp_path, text) == [f"{Y}:{line_in(text, 'Western Asia')}:IOM406"]


def test_iom407_unknown_country_or_region(tmp_path: Path) -> None:
    text = edit(example_text(), "country: Morocco", "country: Atlantis")
    text = edit(text, "region: Sahel", "region: Middle Earth")
    assert codes(tmp_path, text) == [
        f"{Y}:{line_in(text, 'Middle Earth')}:IOM407",
        f"{Y}:{line_in(text, 'Atlantis')}:IOM407",
    ]


def test_african_regions_and_iso_codes_are_accepted(tmp_path: Path) -> None:
    text = edit(example_text(), "country: Morocco", "country: NA")  # Namibia
    text = edit(text, "region: Sahel", "region: Eastern Africa")
    assert codes(tmp_path, text) == []


def test_iom408_dialogue_decisions_too_far_apart(tmp_path: Path) -> None:
    text = edit(example_text(), "  - date: 2023-04-20\n", "  - date: 2023-02-01\n")
    assert codes(tmp_path, text) == [f"{Y}:{line_in(text, '- date: 2023-10-12')}:IOM408"]


def test_iom409_payment_outside_its_appropriation_year(tmp_path: Path) -> None:
    ledger = ledger_text() + "2024-01-10,soft_earmarked,100000.00,DKK,DK-2023-P05,,,\n"
    ledger = ledger.replace("exchange_rate,allocation,note", "exchange_rate,allocation,note,year")
    ledger = "\n".join(line + "," if i else line for i, line in enumerate(ledger.splitlines()))
    ledger = ledger.replace("DK-2023-P05,,,,", "DK-2023-P05,,,,2023") + "\n"
    assert codes(tmp_path, ledger=ledger) == [f"{L}:7:IOM409"]


def test_iom409_allocation_outside_the_period(tmp_path: Path) -> None:
    text = edit(example_text(), "half_year: 2023-H2", "half_year: 2027-H2")
    assert f"{Y}:{line_in(text, '2027-H2')}:IOM409" in codes(tmp_path, text)


def test_iom410_duplicate_voucher(tmp_path: Path) -> None:
    ledger = ledger_text().replace("DK-2023-P02", "DK-2023-001")
    assert codes(tmp_path, ledger=ledger) == [f"{L}:3:IOM410"]


def test_iom411_personnel_support_above_its_line(tmp_path: Path) -> None:
    ledger = ledger_text() + "2023-12-20,personnel,1.00,DKK,DK-2023-P09,,,\n"
    assert codes(tmp_path, ledger=ledger) == [f"{L}:7:IOM411"]


def test_iom412_unknown_priority_area_and_srf_code(tmp_path: Path) -> None:
    text = edit(example_text(), "priority_area: 2", "priority_area: 5")
    text = edit(text, "outputs: [3b.1.1]", "outputs: [3b.9.9]")
    assert codes(tmp_path, text) == [
        f"{Y}:{line_in(text, 'priority_area: 5')}:IOM412",
        f"{Y}:{line_in(text, '3b.9.9')}:IOM412",
    ]


def test_iom413_payment_on_an_unknown_line(tmp_path: Path) -> None:
    ledger = ledger_text() + "2023-12-20,travel,100.00,DKK,DK-2023-T01,,,\n"
    assert codes(tmp_path, ledger=ledger) == [f"{L}:7:IOM413"]


def test_iom414_currency_without_an_ecb_rate(tmp_path: Path) -> None:
    ledger = ledger_text() + "2023-12-20,soft_earmarked,100.00,XOF,DK-2023-X01,,,\n"
    assert codes(tmp_path, ledger=ledger) == [f"{L}:7:IOM414"]
    stated = ledger.replace("XOF,DK-2023-X01,", "XOF,DK-2023-X01,0.0113")
    assert codes(tmp_path, ledger=stated) == []


def test_iom415_payment_after_the_shipped_ecb_history(tmp_path: Path) -> None:
    ledger = ledger_text() + "2099-01-05,personnel,100.00,USD,DK-2099-1,,,\n"
    found = codes(tmp_path, ledger=ledger, as_of=dt.date(2099, 1, 31))
    assert f"{L}:7:IOM415" in found


def test_iom416_schedule_not_adding_up(tmp_path: Path) -> None:
    text = edit(
        example_text(),
        "\napprovals:",
        "\nschedule:\n  core:\n    2023:\n      - {quarter: 1, share: 0.5}\n"
        "      - {quarter: 3, amount: 20}\n  travel:\n    2023:\n"
        "      - {quarter: 1, share: 1}\napprovals:",
    )
    assert codes(tmp_path, text) == [
        f"{Y}:{line_in(text, '  core:') + 2}:IOM416",
        f"{Y}:{line_in(text, 'travel:')}:IOM416",
    ]


def test_iom420_missing_ledger(tmp_path: Path) -> None:
    text = edit(example_text(), "ledgers: [illustrative_2023_ledger.csv]", "ledgers: [gone.csv]")
    assert codes(tmp_path, text) == ["gone.csv:1:IOM420"]


def test_iom421_ledger_header(tmp_path: Path) -> None:
    ledger = ledger_text().replace("exchange_rate,", "rate,", 1)
    assert codes(tmp_path, ledger=ledger) == [f"{L}:1:IOM421"]


def test_iom422_bad_ledger_rows_name_their_line(tmp_path: Path) -> None:
    ledger = ledger_text().replace(
        "2023-06-30,personnel,500000.00", "2023-06-31,personnel,500000.00"
    )
    ledger = ledger.replace("2023-09-29,personnel,500000.00", "2023-09-29,personnel,5e5")
    assert codes(tmp_path, ledger=ledger) == [f"{L}:3:IOM422", f"{L}:4:IOM422"]


def test_csv_row_numbers_count_physical_lines(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text(
        "date,line,amount,currency,voucher,exchange_rate,note\n"
        '2023-01-02,core,1.00,DKK,A,,"two\nlines"\n'
        "\n"
        "2023-01-03,core,x,DKK,B,,\n",
        encoding="utf-8",
    )
    payments = Payments(["strategy"])
    read_ledger(str(path), payments)
    assert [(p.voucher, p.row) for p in payments.records] == [("A", 2)]
    assert [(d.line, d.code) for d in payments.diagnostics] == [(5, "IOM422")]


def test_yaml_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.yaml"
    path.write_text(
        "disbursements:\n"
        "  - {date: 2023-01-02, line: core, amount: 10, currency: DKK, voucher: A}\n"
        "  - {date: 2023-01-03, line: core, amount: ten, currency: DKK, voucher: B}\n",
        encoding="utf-8",
    )
    payments = Payments(["strategy"])
    read_ledger(str(path), payments)
    # the model takes the file whole: none of it is read, and the ledger says so (fatal)
    assert [(d.line, d.code, d.severity) for d in payments.diagnostics] == [
        (3, "IOM020", Severity.ERROR),
        (1, "IOM420", Severity.FATAL),
    ]
    assert list(payments.records) == []
    path.write_text(
        "disbursements:\n"
        "  - {date: 2023-01-02, line: core, amount: 10, currency: DKK, voucher: A}\n",
        encoding="utf-8",
    )
    payments = Payments(["strategy"])
    read_ledger(str(path), payments)
    assert [(p.voucher, p.row, p.year) for p in payments.records] == [("A", 2, 2023)]


def test_findings_per_code_are_limited_then_counted(tmp_path: Path) -> None:
    rows = "".join(f"2023-01-{1 + i % 28:02d},personnel,1.00,DKK,Q-{i},,,\n" for i in range(1005))
    found = codes(tmp_path, ledger=ledger_text() + rows)
    assert found.count(f"{L}:7:IOM401") == 1
    assert len([c for c in found if c.endswith("IOM401")]) == 1001
    path = tmp_path / "illustrative_2023.yaml"
    last = [d for d in check_file(str(path), Run(dt.date(2023, 12, 31))).diagnostics][-1]
    from iomstrat.render.messages import text

    # 1005 early payments, the first 1000 listed: 5 more, from the 1001st's line (7 + 1000)
    assert text(last) == (
        "5 more IOM401 findings from line 1007 on, not listed (the first 1000 are)"
    )
    assert text(last, "da") == (
        "5 kontrolresultater mere af IOM401 fra linje 1007 og frem, ikke vist (de første 1000 er)"
    )
