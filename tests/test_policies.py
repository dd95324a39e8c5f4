"""A strategy's policies are data of its file: the dialogue, the geographic focus, line kinds.
A second strategy (UNHCR-like, illustrative) declares none and is judged by none; the IOM files
declare theirs, and findings cite a section only where the file names one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from iomstrat.core.pipeline import Run, check_file
from iomstrat.render.messages import text as message

from .conftest import ROOT, run_cli
from .disbursement_helpers import edit, example_text, line_in, write_example

UNHCR = ROOT / "examples" / "illustrative_unhcr_2024.yaml"
END_2024 = dt.date(2024, 12, 31)


def unhcr_text() -> str:
    return UNHCR.read_text(encoding="utf-8")


def findings(folder: Path, text: str, as_of: dt.date = END_2024) -> list[tuple[int, str, str]]:
    """(line, code, message) of every finding above info level."""
    path = folder / "unhcr.yaml"
    path.write_text(text, encoding="utf-8")
    return [
        (d.line, d.code, message(d))
        for d in check_file(str(path), Run(as_of)).diagnostics
        if d.severity.name != "INFO"
    ]


def test_a_second_strategy_validates_without_iom_rules() -> None:
    # A humanitarian and a climate line, soft-earmarked payments without any allocation
    # (UN-2024-002), allocations in Jordan, Lebanon and Western Asia: nothing to report.
    run = run_cli("validate", str(UNHCR), "--as-of", "2024-12-31", "--strict")
    assert run.exit_code == 0, run.stdout
    assert run.stderr == "1 file checked: 0 errors, 0 warnings, 3 notes\n"
    assert {line.split()[2] for line in run.stdout.splitlines()} == {"IOM206"}


def test_declaring_a_dialogue_requires_allocations(tmp_path: Path) -> None:
    text = unhcr_text() + "dialogue: {lines: [soft_earmarked]}\n"
    # UN-2024-002 is paid on 20 February, before the only decision (1 March).
    assert findings(tmp_path, text) == [
        (
            line_in(text, "UN-2024-002"),
            "IOM403",
            "payment UN-2024-002 on line 'soft_earmarked' of 2024-02-20 has no allocation "
            "approved in a dialogue decision for 2024 by that date",
        )
    ]


def test_an_allocation_without_line_needs_a_single_dialogue_line(tmp_path: Path) -> None:
    text = edit(unhcr_text(), "    line: soft_earmarked\n", "")
    assert findings(tmp_path, text) == [
        (
            line_in(text, "- date: 2024-03-01"),
            "IOM413",
            "allocation names no line; write `line:` (the file's `dialogue:` declares no single "
            "line to take by default)",
        )
    ]
    declared = text + "dialogue: {lines: [soft_earmarked]}\n"
    assert [code for _, code, _ in findings(tmp_path, declared)] == ["IOM403"]


def test_a_declared_focus_judges_allocations_without_citing_a_section(tmp_path: Path) -> None:
    text = unhcr_text() + "geographic_focus: [Africa]\n"
    assert findings(tmp_path, text) == [
        (
            line_in(text, "Jordan"),
            "IOM406",
            "country 'Jordan' is in Asia, outside the geographic focus on Africa",
        ),
        (
            line_in(text, "Lebanon"),
            "IOM406",
            "country 'Lebanon' is in Asia, outside the geographic focus on Africa",
        ),
        (
            line_in(text, "Western Asia"),
            "IOM406",
            "region 'Western Asia' is in Asia, outside the geographic focus on Africa",
        ),
    ]
    cited = unhcr_text() + 'geographic_focus: {places: [Africa, Europe], source: "section 3"}\n'
    assert findings(tmp_path, cited)[0][2] == (
        "country 'Jordan' is in Asia, outside the geographic focus on Africa, Europe (section 3)"
    )


def test_a_focus_of_its_continent_or_on_other_lines_is_quiet(tmp_path: Path) -> None:
    assert findings(tmp_path, unhcr_text() + "geographic_focus: [Asia]\n") == []
    other_line = "geographic_focus: {places: [Africa], lines: [syria_response]}\n"
    assert findings(tmp_path, unhcr_text() + other_line) == []


def test_unknown_focus_and_policy_lines_are_errors(tmp_path: Path) -> None:
    text = unhcr_text() + (
        "geographic_focus: {places: [Atlantis], lines: [nowhere]}\ndialogue: {lines: [gone]}\n"
    )
    focus, dialogue = line_in(text, "Atlantis"), line_in(text, "{lines: [gone]}")
    assert [(line, code) for line, code, _ in findings(tmp_path, text)] == [
        (focus, "IOM407"),
        (focus, "IOM305"),
        (dialogue, "IOM305"),
    ]


def test_a_dialogue_rhythm_is_checked_only_where_declared(tmp_path: Path) -> None:
    second = (
        "  - date: 2024-11-15\n    half_year: 2024-H2\n    approved_by: Desk (illustrative)\n"
        "    line: soft_earmarked\n"
        "    items: [{country: Syria, purpose: Shelter (illustrative), amount: 0}]\n"
    )
    text = edit(unhcr_text(), "\ndisbursements:", second + "\ndisbursements:")
    assert findings(tmp_path, text) == []
    # 1 March to 15 November: 259 days, more than 6 + 1 months.
    timed = text + "dialogue: {lines: [soft_earmarked], every_months: 6, grace_months: 1}\n"
    assert findings(tmp_path, timed) == [
        (
            line_in(text, "- date: 2024-11-15"),
            "IOM408",
            "dialogue decision of 2024-11-15 comes 259 days after the one of 2024-03-01; the "
            "dialogue meets every six months (a gap of up to 1 month more is allowed)",
        ),
        (line_in(text, "UN-2024-002"), "IOM403", findings(tmp_path, timed)[1][2]),
    ]
    loose = text + "dialogue: {lines: [soft_earmarked], every_months: 6, grace_months: 3}\n"
    assert [code for _, code, _ in findings(tmp_path, loose)] == ["IOM403"]


def test_line_kinds_are_open_but_lower_case(tmp_path: Path) -> None:
    text = edit(unhcr_text(), "kind: climate", "kind: resilience_2030")
    assert findings(tmp_path, text) == []
    wrong = edit(unhcr_text(), "kind: climate", "kind: Climate")
    assert [(line, code) for line, code, _ in findings(tmp_path, wrong)] == [
        (line_in(wrong, "kind: Climate"), "IOM020")
    ]


def test_the_iom_example_cites_section_5_as_its_file_says(tmp_path: Path) -> None:
    text = edit(example_text(), "country: Morocco", "country: Afghanistan")
    text = edit(text, "  - date: 2023-04-20\n", "  - date: 2023-02-01\n")
    path = write_example(tmp_path, text)
    messages = {
        d.code: message(d)
        for d in check_file(str(path), Run(dt.date(2023, 12, 31))).diagnostics
        if d.code in {"IOM406", "IOM408"}
    }
    assert messages == {
        "IOM406": "country 'Afghanistan' is in Asia, outside the geographic focus on Africa "
        "(section 5)",
        "IOM408": "dialogue decision of 2023-10-12 comes 253 days after the one of 2023-02-01; "
        "the dialogue meets every six months (a gap of up to 1 month more is allowed; section 5)",
    }


def test_no_finding_cites_the_iom_document_unless_the_file_does(tmp_path: Path) -> None:
    # Every rule of the IOM example broken once, its citations removed: no message names a
    # section or annex.
    text = example_text().replace("  source: section 5\n", "")
    text = edit(text, "country: Morocco", "country: Afghanistan")
    text = edit(text, "  - date: 2023-04-20\n", "  - date: 2023-02-01\n")
    text = edit(text, "outputs: [3b.1.1]", "outputs: [9z.9.9]")
    path = write_example(tmp_path, text)
    found = check_file(str(path), Run(dt.date(2023, 12, 31))).diagnostics
    assert {"IOM406", "IOM408", "IOM412"} <= {d.code for d in found}
    assert [message(d) for d in found if "ection" in message(d) or "nnex" in message(d)] == []


def test_a_focus_on_a_region_or_a_country_holds_what_lies_within(tmp_path: Path) -> None:
    # Jordan and Lebanon lie in M49's Western Asia, and so does the region itself.
    assert findings(tmp_path, unhcr_text() + "geographic_focus: [Western Asia]\n") == []
    assert findings(tmp_path, unhcr_text() + "geographic_focus: [Vestasien]\n") == []  # Danish
    only = unhcr_text() + "geographic_focus: [Jordan]\n"
    assert [(line, code) for line, code, _ in findings(tmp_path, only)] == [
        (line_in(only, "Lebanon"), "IOM406"),
        (line_in(only, "Western Asia"), "IOM406"),
    ]


def test_an_unknown_place_gets_the_names_close_to_it(tmp_path: Path) -> None:
    text = edit(unhcr_text(), "country: Lebanon", "country: Lebanonn")
    assert findings(tmp_path, text) == [
        (
            line_in(text, "Lebanonn"),
            "IOM407",
            "country 'Lebanonn' is not known; did you mean Lebanon or Libanon or Albanien?",
        )
    ]


def test_the_focus_is_written_as_simply_as_the_user_likes(tmp_path: Path) -> None:
    for focus in ("Africa", "[Africa]", "{places: [Africa]}"):
        text = unhcr_text() + f"geographic_focus: {focus}\n"
        assert [code for _, code, _ in findings(tmp_path, text)] == ["IOM406"] * 3, focus
    wrong = unhcr_text() + "geographic_focus: {places: []}\n"
    assert [code for _, code, _ in findings(tmp_path, wrong)] == ["IOM020"]
