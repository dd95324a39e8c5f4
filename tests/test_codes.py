"""Every finding code the source uses is catalogued once, documented in the README, and
described in SARIF output."""

from __future__ import annotations

import json
import re
from pathlib import Path

from iomstrat.codes import CODES, help_text, summary
from iomstrat.findings import Diagnostic, Severity
from iomstrat.render.sarif import render_sarif

from .conftest import DATA_FILE, ROOT, run_cli

USED = {
    code
    for path in (ROOT / "src" / "iomstrat").rglob("*.py")
    if path.name != "codes.py"
    for code in re.findall(r'"(IOM\d{3})"', path.read_text(encoding="utf-8"))
}


def test_catalogue_has_each_code_once_in_order() -> None:
    codes = [c.code for c in CODES]
    assert codes == sorted(set(codes))
    assert all(c.severity in {"fatal", "error", "warning", "note"} for c in CODES)


def test_every_code_in_the_source_is_catalogued_and_none_is_stale() -> None:
    assert set(USED) == {c.code for c in CODES}


def test_readme_table_is_the_catalogue() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (IOM\d{3}) \| (\w+) \| (.+) \|$", readme, re.M)
    assert [(code, severity, text.replace("\\|", "|")) for code, severity, text in rows] == [
        (c.code, c.severity, c.summary) for c in CODES
    ]


def test_sarif_rules_carry_the_summary() -> None:
    finding = Diagnostic("s.yaml", 3, 4, "IOM101", Severity.ERROR, "stated 98, computed 97")
    [rule] = json.loads(render_sarif([finding]))["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "IOM101"
    assert rule["shortDescription"] == {"text": summary("IOM101")}
    assert "stated total" in rule["shortDescription"]["text"]
    assert rule["fullDescription"]["text"] == (
        "Stated total differs from the sum of its lines by more than rounding."
    )
    assert rule["defaultConfiguration"] == {"level": "error"}
    assert "printed_step" in rule["help"]["text"] and rule["help"]["markdown"].startswith(
        "**IOM101**: Stated total"
    )


def test_sarif_rules_carry_githubs_recommended_properties() -> None:
    """precision and problem.severity on every rule; no primaryLocationLineHash of ours (the
    upload action computes it from the line, and warns on one it did not)."""
    levels = {"IOM101": "error", "IOM102": "warning", "IOM206": "recommendation", "IOM001": "error"}
    found = [Diagnostic("s.yaml", 3, 4, code, Severity.ERROR, "x") for code in levels]
    run = json.loads(render_sarif(found))["runs"][0]
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["properties"] == {
            "precision": "very-high",
            "problem.severity": levels[rule["id"]],
        }
    assert all("primaryLocationLineHash" not in r["partialFingerprints"] for r in run["results"])
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "its own fingerprint, `primaryLocationLineHash`" in readme


def test_every_catalogued_code_has_help() -> None:
    assert [c.code for c in CODES if not help_text(c.code)] == []
    assert "§NN.NN.NN.NN" in help_text("IOM301")
    assert "quote text" in help_text("IOM005") and "strategy:" in help_text("IOM011")


def test_one_severity_word_in_findings_summaries_readme_and_sarif() -> None:
    """Before the period the data file has IOM206 notes: text, summary, JSON, README table
    and SARIF all call them `note`; the catalogue's words are the levels' words."""
    assert {c.severity for c in CODES} <= {s.label for s in Severity}
    args = ("validate", str(DATA_FILE), "--as-of", "2022-12-01")
    text = run_cli(*args)
    assert ": note IOM206 " in text.stdout and " info " not in text.stdout
    assert re.search(r", [0-9]+ notes\n$", text.stderr)
    labels = {
        item["code"]: item["severity"] for item in json.loads(run_cli(*args, "-f", "json").stdout)
    }
    assert labels["IOM206"] == "note"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| IOM206 | note |" in readme
    sarif = json.loads(run_cli(*args, "-f", "sarif").stdout)["runs"][0]
    assert {r["level"] for r in sarif["results"] if r["ruleId"] == "IOM206"} == {"note"}
    assert run_cli(*args, "-f", "json").exit_code == 0


def test_a_kind_may_have_its_own_severity_and_the_reader_emits_it(tmp_path: Path) -> None:
    """IOM420 is fatal, its `absent` kind (a ledger named under `ledgers:`, to `validate`) a
    warning: the catalogue says so, the README row says so, and the ledger reader emits it."""
    from iomstrat.codes import severity
    from iomstrat.core.payments import read_ledger
    from iomstrat.loader.payments import Payments

    assert all(set(c.severities) <= set(c.kinds) for c in CODES)
    assert (severity("IOM420"), severity("IOM420", "missing")) == ("fatal", "fatal")
    assert severity("IOM420", "absent") == "warning"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "| IOM420 | fatal |" in readme and "absent is a warning to `validate` |" in readme
    gone = str(tmp_path / "gone.csv")
    for optional, kind, level in ((True, "absent", "warning"), (False, "missing", "fatal")):
        payments = Payments(sources=[])
        read_ledger(gone, payments, optional=optional)
        [found] = payments.diagnostics
        assert (found.code, found.kind, found.severity.label) == ("IOM420", kind, level)
