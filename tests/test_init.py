"""`iomstrat init`: the file it writes validates clean and holds the figures given."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from iomstrat.core.init import ScaffoldError, parse_line
from iomstrat.core.pipeline import Run, check_file
from iomstrat.model.errors import read_strategy

from .conftest import run_cli

BASE = [
    "--organisation",
    "Office of the UN High Commissioner for Refugees",
    "--acronym",
    "UNHCR",
    "--start",
    "2024",
    "--end",
    "2027",
    "--finance-act-code",
    "§06.32.10.16",
    "--line",
    "core:Core funding:core:100",
    "--line",
    "africa:Soft earmarked: Africa, innovation:soft_earmarked:20.5/20/25/25",
]


def test_init_writes_a_file_that_validates(tmp_path: Path) -> None:
    target = tmp_path / "unhcr.yaml"
    run = run_cli("init", str(target), *BASE)
    assert run.exit_code == 0, run.stderr
    assert run.stdout == ""
    assert run.stderr == f"wrote {target}; check it with: iomstrat validate {target}\n"
    before = run_cli("validate", str(target), "--as-of", "2023-12-01", "--strict")
    assert before.exit_code == 0, before.stdout
    assert "0 errors, 0 warnings, 4 notes" in before.stderr  # the four planned years
    during = run_cli("validate", str(target), "--as-of", "2025-06-01")
    assert during.exit_code == 0
    codes = {line.split()[2] for line in during.stdout.splitlines()}
    assert codes <= {"IOM205", "IOM206"}  # approval reminders only

    strategy = read_strategy(str(target)).strategy
    assert strategy is not None
    info = strategy.strategy
    assert (info.organisation.acronym, info.period.start, info.period.end) == ("UNHCR", 2024, 2027)
    assert (info.currency, info.unit, info.finance_act_code) == ("DKK", "million", "§06.32.10.16")
    core, africa = strategy.budget.lines
    assert core.amounts == {2024: 100, 2025: 100, 2026: 100, 2027: 100}
    assert africa.name == "Soft earmarked: Africa, innovation"
    assert africa.amounts == {
        2024: Decimal("20.5"),
        2025: Decimal(20),
        2026: Decimal(25),
        2027: Decimal(25),
    }
    (total,) = strategy.budget.totals
    assert total.stated == {2024: Decimal("120.5"), 2025: 120, 2026: 125, 2027: 125}
    assert [a.status for a in strategy.approvals] == ["planned"] * 4


def test_budget_show_of_the_new_file(tmp_path: Path) -> None:
    target = tmp_path / "unhcr.yaml"
    run_cli("init", str(target), *BASE)
    out = run_cli("budget", "show", str(target), "-f", "csv").stdout
    assert "total,,Total contributions,total,,120.5,120,125,125,490.5,stated,,,true" in (
        out.splitlines()
    )


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "strategy.yaml"
    target.write_text("mine\n", encoding="utf-8")
    run = run_cli("init", str(target), *BASE)
    assert run.exit_code == 2
    assert run.stderr == (
        f"iomstrat: {target}: exists; iomstrat init does not overwrite (choose another PATH)\n"
    )
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_init_to_stdout() -> None:
    run = run_cli("init", "-", *BASE, "--unit", "thousand", "--currency", "EUR")
    assert run.exit_code == 0
    assert "  currency: EUR\n  unit: thousand\n" in run.stdout
    assert "    amounts: {2024: 20.5, 2025: 20, 2026: 25, 2027: 25}\n" in run.stdout


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--line", "core:Core:Core:1"), "kind 'Core' must be lower case letters"),
        (("--line", "Core:Core:core:1"), "id 'Core' must be lower case"),
        (("--line", "other:Other:other:1/5"), "2 amounts for 4 years (2024-2027)"),
        (("--line", "core:Core:core:1.5e3"), "'1.5e3' is not a number"),
        (("--commitment", "100/100"), "--commitment: 2 amounts for 4 years"),
        (("--commitment-total", "400"), "--commitment-total needs --commitment"),
        (("--erratum", "cover.commitment.total"), "expected PATH:REASON"),
        (("--erratum", "cover.total:x"), "--erratum 'cover.total': names no figure"),
        (("--focus", ""), "--focus must be text on one line"),
        (("--line", "core-only"), "expected id:name:kind:amount"),
        (("--finance-act-code", "06.32"), "'06.32' is not of the form §NN.NN.NN.NN"),
        (("--end", "2020"), "period 2024-2020: start must not be after end"),
        (("--currency", "kr"), "--currency 'kr' is not an ISO 4217 code"),
        (("--unit", "billion"), "--unit 'billion' is not one of million, thousand, kroner"),
    ],
)
def test_bad_options(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    args = list(BASE)
    if change[0] in args and change[0] != "--line":
        args[args.index(change[0]) + 1] = change[1]
    else:
        args += list(change)
    target = tmp_path / "new.yaml"
    run = run_cli("init", str(target), *args)
    assert run.exit_code == 2
    assert run.stderr.startswith("iomstrat: ") and message in run.stderr
    assert len(run.stderr.splitlines()) == 1
    assert not target.exists()


def test_duplicate_line_ids() -> None:
    run = run_cli("init", "-", *BASE, "--line", "core:Again:core:1")
    assert run.exit_code == 2
    assert "ids must be unique; given: core, africa, core" in run.stderr


def test_parse_line_keeps_colons_in_the_name() -> None:
    line = parse_line("x:a: b: c:other:1.25")
    assert (line.id, line.name, line.kind, line.amounts) == (
        "x",
        "a: b: c",
        "other",
        (Decimal("1.25"),),
    )
    with pytest.raises(ScaffoldError):
        parse_line("x::other:1")


def test_what_would_not_validate_is_not_written(tmp_path: Path) -> None:
    target = tmp_path / "new.yaml"
    run = run_cli("init", str(target), *BASE, "--unit", "kroner", "--line", "x:X:other:1.001")
    assert run.exit_code == 2
    assert run.stderr == (
        "iomstrat: the new file would not validate: amount 1.001 (kroner) is more precise "
        "than one øre; write at most 2 decimals\n"
    )
    assert not target.exists()


def test_init_speaks_danish_of_its_options() -> None:
    """A bad option is worded in the command's language, as every usage problem is."""
    run = run_cli("init", "-", *BASE, "--line", "core:Again:core:1", "--locale", "da")
    assert run.exit_code == 2
    assert run.stderr == "iomstrat: --line-id'er skal være entydige; givet: core, africa, core\n"
    args = [*BASE[:-2], "--line", "x:X:other:47,5", "--locale", "da"]
    run = run_cli("init", "-", *args)
    assert run.stderr == (
        "iomstrat: --line 'x:X:other:47,5': beløb '47,5': et komma er hverken decimaltegn eller "
        "skilletegn her; skriv 47.5 for 47,5, og adskil årenes tal med '/' (48/48/50/50)\n"
    )
    run = run_cli("init", "-", *BASE, "--unit", "kroner", "--line", "x:X:other:1.001", "-l", "da")
    assert run.stderr.startswith("iomstrat: den nye fil ville ikke validere: ")


def test_init_points_editors_at_the_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's copy of the schema, relative to the new file; a repository without one
    is told how to write it where the comment points."""
    repo = tmp_path / "strategies"
    (repo / ".git").mkdir(parents=True)
    (repo / "unhcr").mkdir()
    monkeypatch.chdir(repo)
    first = run_cli("init", "unhcr/2024.yaml", *BASE)
    assert first.exit_code == 0, first.stderr
    lines = (repo / "unhcr" / "2024.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == [
        "# yaml-language-server: $schema=../schema/strategy.schema.json",
        "# (not there yet: mkdir -p schema && iomstrat schema --output "
        "schema/strategy.schema.json)",
    ]
    (repo / "schema").mkdir()
    assert run_cli("schema", "--output", "schema/strategy.schema.json").exit_code == 0
    second = run_cli("init", "unhcr/2025.yaml", *BASE)
    assert second.exit_code == 0, second.stderr
    text = (repo / "unhcr" / "2025.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/strategy.schema.json\n# ")
    assert "not there yet" not in text
    # The editor's check: the new file against that schema, as check-jsonschema reads it.
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile",
         "schema/strategy.schema.json", "unhcr/2025.yaml"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout


WHOLE = [
    *BASE,
    "--organisation-iati",
    "XM-DAC-41121",
    "--donor-iati",
    "XM-DAC-3-1",
    "--donor-acronym",
    "MFA",
    "--file-no",
    "2023-12345",
    "--responsible-unit",
    "Department for Humanitarian Action",
    "--desk-officer",
    "Jane Doe",
    "--financial-officer",
    "John Doe",
    # The cover as printed: 120.5 + 120 + 125 + 125 = 490.5; disbursement flat, 4 x 122.625.
    "--commitment",
    "120.5/120/125/125",
    "--commitment-total",
    "490.5",
    "--projected-disbursement",
    "120.5/120/125/125",
    "--projected-disbursement-total",
    "490.5",
    "--focus",
    "Africa",
    "--focus",
    "Western Asia",
]


def test_init_writes_a_whole_strategy(tmp_path: Path) -> None:
    target = tmp_path / "unhcr.yaml"
    run = run_cli("init", str(target), *WHOLE, "--schema", "../schema/strategy.schema.json")
    assert run.exit_code == 0, run.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../schema/strategy.schema.json\n"
        "# Office of the UN High Commissioner for Refugees: organisation strategy 2024-2027"
    )
    assert run_cli("validate", str(target), "--as-of", "2023-12-01", "--strict").exit_code == 0

    strategy = read_strategy(str(target)).strategy
    assert strategy is not None
    info = strategy.strategy
    assert info.organisation.iati_identifier == "XM-DAC-41121"
    assert info.donor is not None
    assert (info.donor.name, info.donor.acronym, info.donor.iati_identifier) == (
        "Ministry of Foreign Affairs of Denmark",
        "MFA",
        "XM-DAC-3-1",
    )
    assert (info.file_no, info.responsible_unit) == (
        "2023-12345",
        "Department for Humanitarian Action",
    )
    assert (info.desk_officer, info.financial_officer) == ("Jane Doe", "John Doe")
    assert strategy.cover is not None and strategy.cover.commitment is not None
    assert strategy.cover.commitment.by_year == {
        2024: Decimal("120.5"),
        2025: 120,
        2026: 125,
        2027: 125,
    }
    assert strategy.cover.commitment.total == Decimal("490.5")
    assert strategy.cover.projected_disbursement == strategy.cover.commitment
    assert strategy.geographic_focus is not None
    assert strategy.geographic_focus.places == ["Africa", "Western Asia"]
    assert strategy.errata == []


def test_the_schema_comment_points_at_the_repository_schema(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "strategy.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "strategies" / "un").mkdir(parents=True)
    target = tmp_path / "strategies" / "un" / "unhcr.yaml"
    assert run_cli("init", str(target), *BASE).exit_code == 0
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/strategy.schema.json"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--line",
            "core:Core funding:core:47,5",
            "--line 'core:Core funding:core:47,5': amount '47,5': a comma is neither a decimal "
            "point nor a separator here; write 47.5 for 47,5, and separate the years' figures "
            "with '/' (48/48/50/50)",
        ),
        (
            "--commitment",
            "100,5/100/100/100",
            "--commitment '100,5/100/100/100': a comma is neither a decimal point nor a separator "
            "here; write 100.5 for 100,5, and separate the years' figures with '/' (48/48/50/50)",
        ),
        (
            "--line",
            "core:Core funding:core:48,48,50,50",
            "--line 'core:Core funding:core:48,48,50,50': amount '48,48,50,50': a comma is "
            "neither a decimal point nor a separator here; write decimals with a point (47.5), "
            "and separate the years' figures with '/' (48/48/50/50)",
        ),
    ],
)
def test_a_decimal_comma_is_refused_never_split(option: str, value: str, message: str) -> None:
    args = [*BASE, option, value] if option != "--line" else [*BASE[:-2], option, value]
    run = run_cli("init", "-", *args)
    assert run.exit_code == 2
    assert run.stderr == f"iomstrat: {message}\n"
    assert run.stdout == ""


MISPRINTED = [
    *BASE[:-2],  # core only: 100 a year, 400 for the period, printed 40
    "--commitment",
    "100",
    "--commitment-total",
    "40",
]


def test_a_misprinted_cover_total_is_refused_then_written_with_its_erratum(
    tmp_path: Path,
) -> None:
    target = tmp_path / "new.yaml"
    run = run_cli("init", str(target), *MISPRINTED)
    assert run.exit_code == 2
    assert run.stderr == (
        "iomstrat: the new file would not validate: 2024-2027 cover commitment total: stated 40, "
        "computed 400 (core 400); differs by -360, more than rounding explains (±0.5); if the "
        "source prints it so, acknowledge it under `errata:` at cover.commitment.total; here: "
        "--erratum 'cover.commitment.total:REASON'\n"
    )
    assert not target.exists()
    reason = "printed 40; 4 x 100 = 400"
    run = run_cli("init", str(target), *MISPRINTED, "--erratum", f"cover.commitment.total:{reason}")
    assert run.exit_code == 0, run.stderr
    written = target.read_text(encoding="utf-8")
    assert (
        "errata:\n- {at: cover.commitment.total, printed: 40, reason: printed 40; 4 x 100 = 400}\n"
        "\n# --- To fill in later"
    ) in written
    checked = run_cli("validate", str(target), "--as-of", "2023-12-01")
    assert checked.exit_code == 0
    assert "note IOM104 2024-2027 cover commitment total: stated 40, computed 400" in checked.stdout
    assert checked.stdout.splitlines()[0].endswith(f"acknowledged: {reason}")


def _uncommented(text: str, key: str) -> str:
    """The commented example section `key:` of an `init` file, uncommented."""
    lines = text.splitlines()
    start = lines.index(f"# {key}:")
    end = next(
        (i for i in range(start, len(lines)) if lines[i] == "#" or not lines[i].strip()),
        len(lines),
    )
    return "\n".join(line[2:] for line in lines[start:end]) + "\n"


def test_init_writes_commented_examples_that_validate_once_uncommented(tmp_path: Path) -> None:
    target = tmp_path / "unhcr.yaml"
    assert run_cli("init", str(target), *BASE).exit_code == 0
    text = target.read_text(encoding="utf-8")
    for section in ("dialogue", "allocations", "ledgers", "versions"):
        assert f"\n# {section}:\n" in text
    assert "# - year: 2025\n#   status: approved" in text
    # Uncommented: the approval of 2025, the dialogue, an allocation of the soft-earmarked
    # line's 2025 amount (20: 10 and 5), a ledger, a later version.
    lines = text.splitlines()
    approval = lines.index("# - year: 2025")
    decided = "\n".join(line[2:] for line in lines[approval : approval + 4])
    body = text.replace("- {year: 2025, status: planned}", decided, 1)
    body += "".join(
        _uncommented(text, k) for k in ("dialogue", "allocations", "ledgers", "versions")
    )
    assert "amount: 10}" in body and "amount: 5}" in body
    (tmp_path / "payments.csv").write_text(
        "date,line,amount,currency,voucher,exchange_rate,allocation,note\n"
        "2025-02-01,africa,4000000,DKK,V-1,,first_allocation,\n",
        encoding="utf-8",
    )
    (tmp_path / "export.xlsx").write_bytes(b"")
    full = tmp_path / "full.yaml"
    full.write_text(body.replace("  - {path: export.xlsx", "  # - {path: export.xlsx"), "utf-8")
    run = run_cli("validate", str(full), "--as-of", "2025-03-01")
    assert run.exit_code == 0, run.stdout
    # Only the reminders of the years without a decision (2024 started, 2026-2027 planned).
    assert {line.split()[2] for line in run.stdout.splitlines()} == {"IOM205", "IOM206"}
    # The commented file itself validates as before: the examples are comments.
    assert run_cli("validate", str(target), "--as-of", "2023-12-01", "--strict").exit_code == 0


def test_init_keeps_the_cover_s_footnote_markers(tmp_path: Path) -> None:
    """The cover typed as printed (`125¹`, `490.5*`): the figures are numbers that add up, the
    markers kept in `markers:` and shown by `budget show`; a marker alone is no figure."""
    target = tmp_path / "marked.yaml"
    cover = ("--commitment", "120.5/120/125/125¹", "--commitment-total", "490.5*")
    run = run_cli(
        "init", str(target), *BASE, *cover, "--projected-disbursement", "120.5/120/125/125"
    )
    assert run.exit_code == 0, run.stderr
    checked = check_file(str(target), Run(dt.date(2023, 12, 1)))
    assert checked.errors == () and checked.strategy is not None
    assert checked.strategy.cover is not None and checked.strategy.cover.commitment is not None
    row = checked.strategy.cover.commitment
    assert (row.by_year[2027], row.total, row.markers) == (
        Decimal(125),
        Decimal("490.5"),
        {"2027": "¹", "total": "*"},
    )
    shown = run_cli("budget", "show", str(target)).stdout
    assert "Cover table: Commitment 120.5 / 120 / 125 / 125[¹], total 490.5[*]" in shown
    refused = run_cli("init", str(tmp_path / "no.yaml"), *BASE, "--commitment", "120.5/120/125/*")
    assert refused.exit_code == 2 and "is not a number" in refused.stderr
