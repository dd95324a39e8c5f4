"""IATI 2.03 export: the default strategy validates against the official XSD; budgets, planned
disbursements and commitments carry the strategy's figures; --check catches broken exports."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from iomstrat.core.pipeline import Run, check_file
from iomstrat.export.iati import Export, check_iati, gap_findings, iati_activities
from iomstrat.export.iati_rules import check_rules
from iomstrat.render.messages import text as message_text

from .conftest import DATA_FILE, ROOT, draft_text, edited, line_of, real_text, run_cli

AS_OF = dt.date(2024, 6, 1)

DECIDED = """approvals:
  - year: 2023
    status: approved
    finance_act: Finance Act 2023
    decided_on: 2023-03-15
  - year: 2024
    status: reduced
    finance_act: Finance Act 2024
    decided_on: 2023-12-20
    amount: 95.5
    lines: {core: 45.5, soft_earmarked: 48, personnel: 2}
  - year: 2025
    status: planned
  - year: 2026
    status: planned
"""


def decided_text() -> str:
    text = edited("approvals:", "approvals_old:")
    return text[: text.index("approvals_old:")] + DECIDED


def export_of(path: Path | str) -> str:
    checked = check_file(str(path), Run(AS_OF))
    assert checked.strategy is not None and checked.book is not None
    export = iati_activities([(checked.strategy, checked.book)], AS_OF)
    assert export.text is not None
    return export.text


def tree(text: str) -> etree._Element:
    return etree.fromstring(text.encode("utf-8"))


def test_default_strategy_export_validates_against_the_xsd() -> None:
    text = export_of(DATA_FILE)
    assert check_iati(text, "iom.xml") == []
    root = tree(text)
    assert root.get("version") == "2.03"
    (activity,) = root.findall("iati-activity")
    assert activity.get("default-currency") == "DKK"
    assert activity.findtext("iati-identifier") == "XM-DAC-3-1-2022-18394"
    assert activity.find("reporting-org").get("ref") == "XM-DAC-3-1"  # type: ignore[union-attr]
    orgs = [(o.get("role"), o.get("ref")) for o in activity.findall("participating-org")]
    assert orgs == [("1", "XM-DAC-3-1"), ("4", "XM-DAC-47066")]
    dates = [(d.get("type"), d.get("iso-date")) for d in activity.findall("activity-date")]
    assert dates == [("1", "2023-01-01"), ("3", "2026-12-31")]
    assert activity.find("activity-status").get("code") == "2"  # type: ignore[union-attr]


def test_budgets_are_indicative_while_planned() -> None:
    activity = tree(export_of(DATA_FILE)).find("iati-activity")
    assert activity is not None
    budgets = [
        (
            b.get("type"),
            b.get("status"),
            b.find("period-start").get("iso-date"),
            b.findtext("value"),
        )  # type: ignore[union-attr]
        for b in activity.findall("budget")
    ]
    # 2023 as signed: 75 million (the draft: 100).
    assert budgets == [("1", "1", "2023-01-01", "75000000")] + [
        ("1", "1", f"{year}-01-01", "100000000") for year in (2024, 2025, 2026)
    ]
    planned = [p.findtext("value") for p in activity.findall("planned-disbursement")]
    assert planned == ["75000000"] + ["100000000"] * 3
    assert activity.findall("transaction") == []


def test_approval_commits_and_a_reduction_revises(tmp_path: Path) -> None:
    path = tmp_path / "decided.yaml"
    path.write_text(decided_text(), encoding="utf-8")
    text = export_of(path)
    assert check_iati(text, "decided.xml") == []
    activity = tree(text).find("iati-activity")
    assert activity is not None
    budgets = [
        (
            b.get("type"),
            b.get("status"),
            b.find("period-start").get("iso-date"),
            b.findtext("value"),
        )  # type: ignore[union-attr]
        for b in activity.findall("budget")
    ]
    assert budgets == [
        ("1", "2", "2023-01-01", "100000000"),
        ("1", "1", "2024-01-01", "100000000"),
        ("2", "2", "2024-01-01", "95500000"),
        ("1", "1", "2025-01-01", "100000000"),
        ("1", "1", "2026-01-01", "100000000"),
    ]
    transactions = [
        (
            t.find("transaction-type").get("code"),  # type: ignore[union-attr]
            t.find("transaction-date").get("iso-date"),  # type: ignore[union-attr]
            t.findtext("value"),
            t.find("value").get("value-date"),  # type: ignore[union-attr]
        )
        for t in activity.findall("transaction")
    ]
    # One commitment per line approved: 2023 as planned (48 + 50 + 2 million), 2024 reduced to
    # 45.5 + 48 + 2 million on 2023-12-20.
    assert transactions == [
        ("2", "2023-03-15", "48000000", "2023-03-15"),
        ("2", "2023-03-15", "50000000", "2023-03-15"),
        ("2", "2023-03-15", "2000000", "2023-03-15"),
        ("2", "2023-12-20", "45500000", "2023-12-20"),
        ("2", "2023-12-20", "48000000", "2023-12-20"),
        ("2", "2023-12-20", "2000000", "2023-12-20"),
    ]


def test_check_catches_a_negative_budget_a_long_period_an_overlap_and_no_value_date(
    tmp_path: Path,
) -> None:
    """Our budget rules: stricter than IATI's 7.5.3, which lets 2024-01-01 to 2025-01-01 pass."""
    draft = tmp_path / "draft.yaml"
    draft.write_text(draft_text(), encoding="utf-8")
    text = export_of(draft)
    text = text.replace(">100000000</value>", ">-100000000</value>", 1)
    text = text.replace(
        '<period-end iso-date="2024-12-31"/>', '<period-end iso-date="2025-01-01"/>', 1
    )
    text = text.replace('value-date="2026-01-01"', "", 1)
    lines = text.splitlines()

    def line_of(needle: str) -> int:
        return next(i for i, line in enumerate(lines, 1) if needle in line)

    budget_2024 = line_of('<period-start iso-date="2024-01-01"/>') - 1
    budget_2025 = line_of('<period-start iso-date="2025-01-01"/>') - 1
    no_date = line_of('<value currency="DKK" >100000000</value>')
    assert [(d.line, d.code, message_text(d)) for d in check_iati(text, "broken.xml")] == [
        (line_of(">-100000000<"), "IOM704", "budget value -100000000 is negative"),
        (
            budget_2024,
            "IOM702",
            "budget period 2024-01-01 to 2025-01-01 is longer than 12 months",
        ),
        (
            budget_2025,
            "IOM703",
            "budget 2025-01-01 to 2025-12-31 overlaps budget 2024-01-01 to 2025-01-01 "
            "of the same type 1",
        ),
        (
            no_date,
            "IOM701",
            "IATI 2.03 schema: Element 'value': The attribute 'value-date' is required "
            "but missing.",
        ),
        (no_date, "IOM705", "budget value has no value-date"),
    ]


def test_cli_export_check_passes_on_the_default_strategy(tmp_path: Path) -> None:
    out = tmp_path / "iom.xml"
    result = run_cli("export", "iati", "--output", str(out), "--check", "--as-of", "2024-06-01")
    assert result.exit_code == 0, result.stderr
    assert check_iati(out.read_text(encoding="utf-8"), str(out)) == []


def test_cli_export_check_fails_on_a_negative_budget(tmp_path: Path) -> None:
    path = tmp_path / "negative.yaml"
    path.write_text(
        edited("amounts: {2023: 48, 2024: 48,", "amounts: {2023: 48, 2024: -148,").replace(
            "stated: {2023: 98, 2024: 98,", "stated: {2023: 98, 2024: -98,"
        ),
        encoding="utf-8",
    )
    out = tmp_path / "negative.xml"
    # A negative line (IOM303) makes the plan wrong: withheld, unless written on purpose.
    result = run_cli("export", "iati", str(path), "--output", str(out), "--check")
    assert result.exit_code == 1 and not out.exists()
    assert "error IOM303" in result.stderr and "no figures written" in result.stderr
    result = run_cli("export", "iati", str(path), "--output", str(out), "--check", "--partial")
    assert result.exit_code == 1
    assert (
        f"{out}:" in result.stderr and "IOM704 budget value -96000000 is negative" in result.stderr
    )


def test_cli_export_without_identifiers_cannot_run(tmp_path: Path) -> None:
    path = tmp_path / "anonymous.yaml"
    path.write_text(edited("    iati_identifier: XM-DAC-3-1", ""), encoding="utf-8")
    result = run_cli("export", "iati", str(path))
    assert result.exit_code == 2
    assert "strategy.donor.iati_identifier" in result.stderr


def test_cli_export_refuses_a_table_file_and_a_missing_file(tmp_path: Path) -> None:
    table = run_cli("export", "iati", str(DATA_FILE.parent / "annex2_funding_2021.yaml"))
    assert table.exit_code == 2
    assert "a table file (top-level `table:`), not a strategy; `iomstrat export`" in table.stderr
    missing = run_cli("export", "hledger", str(tmp_path / "nothing.yaml"))
    assert missing.exit_code == 2
    assert "IOM001" in missing.stderr


# --- IATI's own rules: sector, recipients, types, datetimes, identifiers, the ruleset ----------

UTC = dt.UTC
GENERATED = dt.datetime(2026, 11, 29, 12, 0, 0, tzinfo=UTC)
EXAMPLE = ROOT / "examples" / "illustrative_2023.yaml"


def exported(path: Path | str, **kwargs: Any) -> Export:
    checked = check_file(str(path), Run(AS_OF))
    assert checked.strategy is not None and checked.book is not None
    export = iati_activities([(checked.strategy, checked.book)], AS_OF, **kwargs)
    assert export.text is not None
    return export


def test_the_activity_has_sector_recipient_types_and_datetimes() -> None:
    export = exported(
        DATA_FILE, generated=GENERATED, updated=[dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)]
    )
    assert export.text is not None
    assert check_iati(export.text, "iom.xml", GENERATED) == []
    assert export.gaps == ()
    root = tree(export.text)
    assert root.get("generated-datetime") == "2026-11-29T12:00:00Z"
    (activity,) = root.findall("iati-activity")
    assert activity.get("last-updated-datetime") == "2026-01-02T03:04:05Z"
    assert [(s.get("vocabulary"), s.get("code")) for s in activity.findall("sector")] == [
        ("1", "15190")
    ]
    # No allocation recorded: the declared default region takes all, without a percentage.
    regions = [(r.get("code"), r.get("percentage")) for r in activity.findall("recipient-region")]
    assert regions == [("998", None)]
    assert activity.findall("recipient-country") == []
    defaults = {e.tag: e.get("code") for e in activity if e.tag.startswith("default-")}
    # The lines share flow (ODA) and finance type (grant); their aid types differ.
    assert defaults == {"default-flow-type": "10", "default-finance-type": "110"}


def test_recipients_are_the_allocations_shares_adding_up_to_100() -> None:
    export = exported(EXAMPLE)
    assert export.text is not None
    activity = tree(export.text).find("iati-activity")
    assert activity is not None
    found = [
        (e.tag, e.get("code"), e.get("percentage"))
        for e in activity
        if e.tag in {"recipient-country", "recipient-region"}
    ]
    # Of the 400 million planned: Niger 12 (3 %), Morocco 10 (2.5 %), Sudan 5 and ETH (Ethiopia,
    # its ISO alpha-3 code) 5 (1.25 % each); Sahel 8 and Horn of Africa 10 have no IATI code, and
    # with the 368 million no allocation places they go to the declared region 998:
    # 368 / 400 = 92 %. 3 + 2.5 + 1.25 + 1.25 + 92 = 100.
    assert found == [
        ("recipient-country", "ET", "1.25"),
        ("recipient-country", "MA", "2.5"),
        ("recipient-country", "NE", "3"),
        ("recipient-country", "SD", "1.25"),
        ("recipient-region", "998", "92"),
    ]
    assert [(g.path, g.code, g.severity.name) for g in export.gaps] == [
        (("allocations", 0, "items", 1, "region"), "IOM709", "WARNING"),
        (("allocations", 1, "items", 0, "region"), "IOM709", "WARNING"),
    ]
    document = check_file(str(EXAMPLE), Run(AS_OF)).document
    [sahel, _] = gap_findings(export.gaps, [(str(EXAMPLE), document)])
    assert "'Sahel' is not on IATI's Region codelist" in message_text(sahel)
    assert "reported under iati.recipient_region or recipient_country" in message_text(sahel)
    assert "'Sahel' står ikke på IATI's kodeliste Region" in message_text(sahel, "da")


def test_each_transaction_carries_its_lines_aid_type() -> None:
    export = exported(EXAMPLE)
    assert export.text is not None
    found = [
        (
            t.find("transaction-type").get("code"),  # type: ignore[union-attr]
            t.findtext("description/narrative"),
            t.find("aid-type").get("code"),  # type: ignore[union-attr]
        )
        for t in tree(export.text).iter("transaction")
    ]
    assert found[:4] == [
        ("2", "2023: Finance Act 2023 (illustrative); Core funding", "B02"),
        (
            "2",
            "2023: Finance Act 2023 (illustrative); Soft earmarked: Migration management and "
            "capacity building in Africa and innovation",
            "B03",
        ),
        ("2", "2023: Finance Act 2023 (illustrative); Personnel support", "D01"),
        ("3", "personnel, voucher DK-2023-P01", "D01"),
    ]
    assert ("3", "core, voucher DK-2023-001", "B02") in found


def test_check_reports_transactions_in_the_future() -> None:
    now = dt.datetime(2023, 6, 1, tzinfo=UTC)
    export = exported(EXAMPLE, generated=now)
    assert export.text is not None
    lines = export.text.splitlines()
    future = [
        i
        for i, line in enumerate(lines, 1)
        if "<transaction-date" in line and line.split('"')[1] > "2023-06-01"
    ]
    # Paid after 2023-06-01: 06-15, 06-30, 09-29 (two), 11-15, 12-01, 12-15.
    assert len(future) == 7
    found = [(d.line, d.code, message_text(d)) for d in check_iati(export.text, "x.xml", now)]
    assert found == [
        item
        for line in future
        for item in (
            (line, "IOM707", "IATI rule 11.2.1: The transaction date must not be in the future."),
            (
                line + 1,
                "IOM707",
                "IATI rule 11.2.2: The transaction value date must not be in the future.",
            ),
        )
    ]


def test_cli_check_reports_a_payment_dated_after_today(tmp_path: Path) -> None:
    later = dt.date.today() + dt.timedelta(days=30)
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "disbursements:\n",
        "disbursements:\n"
        f"  - {{date: {later}, line: core, amount: 1, currency: DKK, voucher: LATER}}\n",
        1,
    )
    (tmp_path / "later.yaml").write_text(text, encoding="utf-8")
    shutil.copy(EXAMPLE.with_name("illustrative_2023_ledger.csv"), tmp_path)
    out = tmp_path / "later.xml"
    result = run_cli(
        "export", "iati", str(tmp_path / "later.yaml"), "-o", str(out), "--check", "--partial"
    )
    assert result.exit_code == 1
    assert "IOM707 IATI rule 11.2.1: The transaction date must not be in the future." in (
        result.stderr
    )


def without_iati() -> str:
    text = real_text()
    return text[: text.index("# What IATI needs")] + text[text.index("cover:") :]


def test_missing_sector_recipient_and_types_are_findings_naming_the_field(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bare.yaml"
    path.write_text(without_iati(), encoding="utf-8")
    out = tmp_path / "bare.xml"
    result = run_cli("export", "iati", str(path), "-o", str(out), "--check")
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    top = line_of(without_iati(), "schema_version:")  # no `iati:` block: the file's first key
    assert f"{path}:{top}:1: error IOM709 iati.sector is missing" in result.stderr
    assert (
        f"{path}:{top}:1: error IOM709 iati.recipient_region (or recipient_country) is missing"
    ) in result.stderr
    for line in ("core", "soft_earmarked", "personnel"):
        assert (
            f"{path}:{top}:1: warning IOM709 iati.lines has no entry for budget line {line}: IATI "
            "reports each contribution's flow, finance and aid type"
        ) in result.stderr
    # IATI's own rules say the same of the document.
    assert any("IOM707 IATI rule 6.2.2:" in e for e in errors)
    assert any("IOM707 IATI rule 3.7.1:" in e for e in errors)


def test_types_of_a_line_missing_or_of_no_line_are_warnings(tmp_path: Path) -> None:
    text = real_text().replace(
        '- {line: personnel, aid_type: D01, finance_type: "110", flow_type: "10"}',
        "- {line: secondment, aid_type: D01}",
    )
    text = text.replace('- {line: core, aid_type: B02, finance_type: "110", flow_type: "10"}',
                        "- {line: core, aid_type: B02}")  # fmt: skip
    path = tmp_path / "types.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("export", "iati", str(path), "-o", str(tmp_path / "types.xml"))
    assert result.exit_code == 0, result.stderr  # warnings only
    core = line_of(text, "- {line: core")
    assert (
        f"{path}:{core}:7: warning IOM709 iati.lines[0] (core) lacks flow_type, finance_type:"
    ) in result.stderr
    block = line_of(text, "  sector:")  # the `iati:` mapping
    assert (
        f"{path}:{block}:3: warning IOM709 iati.lines has no entry for budget line personnel:"
    ) in result.stderr
    assert (
        f"{path}:{line_of(text, '- {line: secondment')}:14: warning IOM709 iati.lines[2].line: the "
        "budget has no line 'secondment'"
    ) in result.stderr


def test_a_value_off_its_codelist_is_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "codes.yaml"
    path.write_text(
        real_text()
        .replace('sector: "15190"', 'sector: "99999"')
        .replace("aid_type: B02", "aid_type: Z99"),
        encoding="utf-8",
    )
    text = exported(path).text
    assert text is not None
    found = [
        (d.code, d.severity.name, message_text(d)) for d in check_iati(text, "x.xml", GENERATED)
    ]
    assert (
        "IOM708",
        "ERROR",
        "//iati-activity/sector/@code '99999' is not on IATI's Sector codelist",
    ) in found
    assert (
        "IOM708",
        "ERROR",
        "//iati-activity/transaction/aid-type/@code 'Z99' is not on IATI's AidType codelist",
    ) not in found  # no transaction yet
    assert len([f for f in found if f[0] == "IOM708"]) == 1


def test_two_strategies_with_one_identifier_are_a_finding(tmp_path: Path) -> None:
    # Two strategies (two titles) without a file_no, both from 2023: one identifier, the
    # donor's and the first year. (One file_no in two files is one strategy: IOM460.)
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    text = real_text().replace('  file_no: "2022-18394"', "  # no file_no")
    first.write_text(text, encoding="utf-8")
    second.write_text(text.replace("  title: Strategy", "  title: Another strategy"), "utf-8")
    out = tmp_path / "both.xml"
    result = run_cli("export", "iati", str(first), str(second), "-o", str(out), "--check")
    assert result.exit_code == 1
    title = line_of(text, "  title: Strategy for")  # the strategy's, where its file_no goes
    assert (
        f"{second}:{title}:3: error IOM710 IATI identifier XM-DAC-3-1-2023 is also that "
        "of strategy 1 of this export: give each strategy its own strategy.file_no"
    ) in result.stderr
    xml = out.read_text(encoding="utf-8")
    again = line_of(xml, "<iati-identifier>", 2)
    assert (
        f"{out}:{again}:1: error IOM710 activity identifier XM-DAC-3-1-2023 is also that "
        f"of the activity at line {line_of(xml, '<iati-identifier>')}"
    ) in result.stderr


def test_control_characters_never_reach_lxml(tmp_path: Path) -> None:
    checked = check_file(str(DATA_FILE), Run(AS_OF))
    strategy, book = checked.strategy, checked.book
    assert strategy is not None and book is not None
    hostile = "IOM\x00\x01\x1b[31m\x0b\x7f\u202e\u2028\ud800 <&>"
    info = strategy.strategy.model_copy(
        update={
            "title": hostile,
            "file_no": hostile,
            "organisation": strategy.strategy.organisation.model_copy(update={"name": hostile}),
        }
    )
    strategy = strategy.model_copy(update={"strategy": info})
    export = iati_activities([(strategy, book)], AS_OF, generated=GENERATED)
    assert export.text is not None
    root = tree(export.text)
    assert root.findtext("iati-activity/title/narrative") == "IOM [31m <&>"
    assert root.findtext("iati-activity/iati-identifier") == "XM-DAC-3-1-IOM [31m <&>"
    schema = [d for d in check_iati(export.text, "x.xml", GENERATED) if d.code == "IOM701"]
    assert schema == []


def test_approval_years_0_and_10000_are_no_traceback(tmp_path: Path) -> None:
    text = real_text().replace("  - year: 2026\n", "  - year: 10000\n")
    text = text.replace("  - year: 2025\n    status: planned", "  - year: 0\n    status: approved")
    path = tmp_path / "years.yaml"
    path.write_text(text, encoding="utf-8")
    out = str(tmp_path / "years.xml")
    result = run_cli("export", "iati", str(path), "-o", out, "--check", "--partial")
    assert result.exit_code == 1  # the approvals outside the period are errors of `validate`
    xml = (tmp_path / "years.xml").read_text(encoding="utf-8")
    assert "<transaction>" not in xml  # neither is a commitment of the period


META_TESTS = Path(__file__).parent / "iati_meta_tests"


@pytest.mark.parametrize(
    ("rules", "xml", "passes"),
    [line.split() for line in (META_TESTS / "cases.txt").read_text().splitlines()],
)
def test_the_ruleset_evaluator_agrees_with_iatis_own_meta_tests(
    rules: str, xml: str, passes: str
) -> None:
    """IATI-Rulesets' meta tests: each ruleset on each XML passes or fails as IATI says."""
    ruleset = json.loads((META_TESTS / f"{rules}.json").read_text(encoding="utf-8"))
    document = etree.parse(str(META_TESTS / f"{xml}.xml")).getroot()
    failures = check_rules(document, dt.datetime.now(UTC), ruleset)
    assert (not failures) == (passes == "True"), failures
