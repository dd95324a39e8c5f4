"""One catalogue of findings: every code's messages in English and Danish name the values its
findings carry (codes.py), and the Danish quotes the same figures as the English."""

from __future__ import annotations

import ast
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from iomstrat import codes
from iomstrat.core.pipeline import Run, check_file
from iomstrat.findings import Diagnostic, Money, Severity, finding, phrase
from iomstrat.render.messages import MESSAGES, PHRASES, SUMMARIES_DA, template_values, text

from .conftest import ROOT, edited, real_text, run_cli
from .disbursement_helpers import edit, example_text, write_example
from .test_errata import MISPRINT  # the cover prints 2.055 for 5 x 510 = 2.550

READER_WORDED = {c.code for c in codes.CODES if not c.messages()}
"""Codes whose findings their reader words (YAML, pydantic, ledgers, IATI): English text, in
Danish the code's summary with the data path and the values quoted."""


def test_every_catalogued_message_has_both_languages_naming_its_values() -> None:
    declared = {key: names for c in codes.CODES for key, names in c.messages().items()}
    assert set(MESSAGES) == set(declared)
    for key, message in MESSAGES.items():
        assert message.en.strip() and message.da.strip(), key
        assert template_values(message.en) == set(declared[key]), key
        assert template_values(message.da) == set(declared[key]), key


def test_every_phrase_has_both_languages_naming_its_values() -> None:
    assert set(PHRASES) == set(codes.PHRASES)
    for key, message in PHRASES.items():
        assert template_values(message.en) == set(codes.PHRASES[key]), key
        assert template_values(message.da) == set(codes.PHRASES[key]), key


def test_every_code_has_a_danish_summary_and_only_readers_word_their_own() -> None:
    assert set(SUMMARIES_DA) == {c.code for c in codes.CODES}
    # the checks and the engine word nothing: only readers of bytes and the IATI validators do
    assert all(
        code[:4] in {"IOM0", "IOM7"} or code[:5] in {"IOM42", "IOM43", "IOM80", "IOM81", "IOM90"}
        for code in READER_WORDED
    )


def test_a_finding_must_carry_the_values_its_code_names() -> None:
    with pytest.raises(ValueError, match="IOM205 carries"):
        finding("s.yaml", 1, 1, "IOM205", ("approvals",), year=2024)
    with pytest.raises(ValueError, match=r"phrase sum\.total"):
        phrase("sum.total", year=2024)


def test_the_severity_comes_from_the_catalogue() -> None:
    planned = Money(Decimal(90), "DKK", "million")
    late = finding("s.yaml", 1, 1, "IOM205", (), year=2024, planned=planned, as_of=dt.date.max)
    assert late.severity is Severity.WARNING
    noted = finding("s.yaml", 1, 1, "IOM206", (), year=2025, planned=planned)
    assert noted.severity is Severity.INFO
    assert text(late, "da").startswith("2024 er begyndt (pr. 9999-12-31), og årets 90 mio. kr.")
    assert text(noted) == "2025: DKK 90 million planned, subject to annual parliamentary approval"


def test_a_whole_sum_is_quoted_without_a_spurious_decimal() -> None:
    # 2023 of the signed strategy: 75 apportioned over the lines as 36.0 + 37.5 + 1.5 = 75.0
    planned = Money(Decimal("75.0"), "DKK", "million")
    late = finding("s.yaml", 1, 1, "IOM205", (), year=2023, planned=planned, as_of=dt.date.max)
    assert "its DKK 75 million still" in text(late)
    assert "årets 75 mio. kr. har" in text(late, "da")
    # 100,000.0 + 165,001 = 265,001.0 against a stated 265,000.50: the file's figures as written
    terms = [("x", Decimal("100000.0"), 3), ("y", Decimal("165001"), 4)]
    sum_ = finding(
        "s.yaml", 1, 1, "IOM102", (), subject="total", stated=Decimal("265000.50"),
        computed=Decimal("265001.0"), terms=terms, difference=Decimal("0.50"),
        tolerance=Decimal("1.0"),
    )  # fmt: skip
    assert "stated 265,000.50, computed 265,001 (" in text(sum_)
    assert "(x 100,000.0 at line 3 + y 165,001 at line 4); differs by +0.50," in text(sum_)
    assert "angivet 265.000,50, beregnet 265.001 (" in text(sum_, "da")


def _findings(tmp_path: Path, text_: str, as_of: dt.date) -> list[Diagnostic]:
    path = tmp_path / "strategy.yaml"
    path.write_text(text_, encoding="utf-8")
    return check_file(str(path), Run(as_of)).diagnostics


def test_a_misprinted_cover_quotes_stated_computed_and_difference_in_danish(
    tmp_path: Path,
) -> None:
    [cover] = [d for d in _findings(tmp_path, MISPRINT, dt.date(2021, 1, 1)) if d.code == "IOM103"]
    assert text(cover, "da") == (
        "forsidens tilsagn i alt 2022-2026: angivet 2.055, beregnet 2.550 (core 2.000 + "
        "relief 550); afviger med -495, mere end afrundingen kan forklare (±0,5); står det "
        "sådan i kilden, så anerkend det under `errata:` ved cover.commitment.total"
    )
    assert text(cover) == (
        "2022-2026 cover commitment total: stated 2,055, computed 2,550 (core 2,000 + "
        "relief 550); differs by -495, more than rounding explains (±0.5); if the source prints "
        "it so, acknowledge it under `errata:` at cover.commitment.total"
    )


def test_a_year_started_without_approval_names_its_year_in_both_languages(
    tmp_path: Path,
) -> None:
    found = _findings(tmp_path, MISPRINT, dt.date(2022, 3, 1))
    [late] = [d for d in found if d.code == "IOM205"]
    assert text(late) == (
        "2022 has started (as of 2022-03-01) and its DKK 510 million still has no recorded "
        "parliamentary approval"
    )
    assert text(late, "da") == (
        "2022 er begyndt (pr. 2022-03-01), og årets 510 mio. kr. har stadig ingen registreret "
        "bevilling fra Folketinget"
    )


def test_an_annual_dialogue_is_worded_as_annual_in_both_languages(tmp_path: Path) -> None:
    text_ = edit(example_text(), "every_months: 6 ", "every_months: 12")
    text_ = edit(text_, "  source: section 5\n", "")  # the dialogue's citation
    late = (
        "  - date: 2024-12-02\n    half_year: 2024-H2\n    approved_by: Desk\n"
        "    items: [{country: Niger, purpose: Border management, amount: 1}]\n"
    )
    text_ = edit(text_, "\n# ILLUSTRATIVE payments", late + "\n# ILLUSTRATIVE payments")
    path = write_example(tmp_path, text_)
    gaps = [
        d
        for d in check_file(str(path), Run(dt.date(2024, 12, 31))).diagnostics
        if d.code == "IOM408"
    ]
    [gap] = gaps  # 12 October 2023 to 2 December 2024: more than 12 + 1 months
    assert text(gap) == (
        "dialogue decision of 2024-12-02 comes 417 days after the one of 2023-10-12; the "
        "dialogue meets once a year (a gap of up to 1 month more is allowed)"
    )
    assert text(gap, "da") == (
        "dialogbeslutningen af 2024-12-02 kommer 417 dage efter den af 2023-10-12; dialogen "
        "mødes én gang om året (et mellemrum på op til 1 måned mere tillades)"
    )
    run = run_cli("disbursement", str(path), "--as-of", "2024-12-31", "--locale", "da")
    [said] = [line for line in run.stderr.splitlines() if "IOM408" in line]
    assert "én gang om året" in said and "halv" not in said and "seks" not in said


def test_a_payment_outside_its_year_and_supplementary_period_names_the_months_once() -> None:
    dated = {"voucher": "V-7", "date": dt.date(2025, 5, 2), "year": 2024}
    late = finding("s.yaml", 1, 1, "IOM409", (), kind="payment_year_months", **dated, months=3)
    assert text(late) == (
        "payment V-7 of 2025-05-02 is dated outside its appropriation year 2024 and its "
        "supplementary period of 3 months"
    )
    assert text(late, "da") == (
        "udbetalingen V-7 af 2025-05-02 er dateret uden for sit bevillingsår 2024 og dets "
        "supplementsperiode på 3 måneder"
    )
    one = finding("s.yaml", 1, 1, "IOM409", (), kind="payment_year_months", **dated, months=1)
    assert text(one).endswith("supplementary period of 1 month")
    assert text(one, "da").endswith("supplementsperiode på 1 måned")


def test_payments_dated_later_are_counted_in_words_singular_and_plural() -> None:
    dated = {"voucher": "V-9", "date": dt.date(2024, 12, 1), "as_of": dt.date(2024, 6, 30)}
    one = finding("s.yaml", 1, 1, "IOM458", (), **dated, payments=1)
    assert text(one) == (
        "payment V-9 of 2024-12-01 is dated after the as-of date 2024-06-30: not counted as of "
        "that date (1 payment of this file is dated so)"
    )
    assert text(one, "da") == (
        "udbetalingen V-9 af 2024-12-01 er dateret efter opgørelsesdatoen 2024-06-30: ikke "
        "medregnet pr. den dato (1 udbetaling i denne fil er dateret sådan)"
    )
    today = dt.date(2024, 7, 1)
    later = finding("s.yaml", 1, 1, "IOM459", (), kind="counted", **dated, today=today, payments=3)
    assert text(later, "da") == (
        "udbetalingen V-9 af 2024-12-01 er dateret efter i dag (2024-07-01), en udbetaling, der "
        "endnu ikke er sket: medregnet pr. 2024-06-30 (3 udbetalinger i denne fil er dateret "
        "sådan)"
    )


def test_danish_wording_of_the_review() -> None:
    """Payments are udbetalinger, an allocation is decided (approval is Parliament's), a
    YAML mapping is a collection of keys and values, a count names what it counts."""
    from iomstrat.findings import Usage
    from iomstrat.render.usage import usage_text
    from iomstrat.render.words import word

    absent = finding("s.yaml", 1, 1, "IOM420", (), kind="absent")
    assert text(absent, "da") == (
        "oversigtsfilen findes ikke (nævnt under `ledgers:`; ikke committet eller ignoreret af "
        "git?): strategien kontrolleres uden sine udbetalinger"
    )
    values = {"voucher": "V-1", "line": "soft", "date": dt.date(2024, 3, 1), "year": 2024}
    assert text(finding("s.yaml", 1, 1, "IOM403", (), **values), "da") == (
        "udbetalingen V-1 på linjen 'soft' af 2024-03-01 har ingen allokering for 2024, som en "
        "dialogbeslutning har besluttet senest den dato"
    )
    listed = finding(
        "s.yaml", 1, 1, "IOM809", (), kind="list", written="lines", count=3, reason="skøn"
    )
    assert text(listed, "da") == (
        "lines: listen med 3 poster er denne fils antagelse, ikke dokumentets: skøn"
    )
    extra = Usage("extra", (("extra", "xlsx"), ("modules", "openpyxl")))
    assert usage_text(extra, "da") == (
        "dette kræver den valgfrie del 'xlsx' (openpyxl er ikke installeret): "
        "pip install 'iomstrat[xlsx]'"
    )
    assert word("unallocated_note", "da") == (
        "Ikke allokeret: bevilget minus allokeret pr. dialoglinje; et tal markeret med * er "
        "målt mod planen for et år, der endnu ikke er bevilget."
    )
    assert SUMMARIES_DA["IOM904"] == (
        "en udbetaling i oversigterne står ikke blandt de offentliggjorte udbetalinger"
    )
    assert SUMMARIES_DA["IOM905"] == "en offentliggjort udbetaling står ikke i oversigterne"
    assert SUMMARIES_DA["IOM011"] == (
        "tom fil, flere dokumenter eller et øverste niveau, der ikke er en samling af nøgler og "
        "værdier"
    )


def test_a_dialogue_gap_is_worded_from_the_file(tmp_path: Path) -> None:
    planned = {"after": dt.date(2024, 9, 1), "days": 428, "before": dt.date(2023, 6, 30)}
    annual = finding("s.yaml", 1, 1, "IOM408", (), **planned, every_months=12, grace_months=1)
    assert text(annual) == (
        "dialogue decision of 2024-09-01 comes 428 days after the one of 2023-06-30; the "
        "dialogue meets once a year (a gap of up to 1 month more is allowed)"
    )
    assert text(annual, "da") == (
        "dialogbeslutningen af 2024-09-01 kommer 428 dage efter den af 2023-06-30; dialogen "
        "mødes én gang om året (et mellemrum på op til 1 måned mere tillades)"
    )
    cited = finding(
        "s.yaml",
        1,
        1,
        "IOM408",
        (),
        kind="cited",
        **planned,
        every_months=4,
        grace_months=2,
        source="section 7",
    )
    assert text(cited).endswith(
        "meets every 4 months (a gap of up to 2 months more is allowed; section 7)"
    )
    assert "hver 4. måned" in text(cited, "da")


def test_validate_speaks_danish(tmp_path: Path) -> None:
    path = tmp_path / "strategy.yaml"
    path.write_text(MISPRINT, encoding="utf-8")
    run = run_cli("validate", "--as-of", "2021-01-01", "--locale", "da", str(path))
    assert run.exit_code == 1
    assert "fejl IOM103 forsidens tilsagn i alt 2022-2026: angivet 2.055" in run.stdout
    assert run.stderr == "1 fil kontrolleret: 1 fejl, 0 advarsler, 5 bemærkninger\n"
    assert "bemærkning IOM206 2022: 510 mio. kr. planlagt, med forbehold for" in run.stdout
    github = run_cli(
        "validate", "--as-of", "2021-01-01", "-l", "da", "--format", "github", str(path)
    )
    assert "::error file=" in github.stdout and "afviger med -495" in github.stdout


def test_sarif_stays_english_with_danish_as_markdown(tmp_path: Path) -> None:
    import json

    path = tmp_path / "strategy.yaml"
    path.write_text(MISPRINT, encoding="utf-8")
    run = run_cli("validate", "--as-of", "2021-01-01", "-l", "da", "-f", "sarif", str(path))
    [result] = [r for r in json.loads(run.stdout)["runs"][0]["results"] if r["ruleId"] == "IOM103"]
    assert result["message"]["text"].startswith("2022-2026 cover commitment total: stated 2,055")
    assert result["message"]["markdown"].startswith("forsidens tilsagn i alt 2022-2026")


def test_json_findings_carry_their_values(tmp_path: Path) -> None:
    import json

    path = tmp_path / "strategy.yaml"
    path.write_text(MISPRINT, encoding="utf-8")
    run = run_cli("validate", "--as-of", "2021-01-01", "-f", "json", str(path))
    [cover] = [f for f in json.loads(run.stdout) if f["code"] == "IOM103"]
    assert cover["values"]["stated"] == "2055"
    assert cover["values"]["computed"] == "2550"
    assert cover["values"]["difference"] == "-495"
    assert cover["values"]["at"] == "cover.commitment.total"


def test_the_notice_of_the_embedded_example_speaks_danish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = run_cli("validate", "--locale", "da")
    assert "ingen strategifil i denne mappe; bruger det indbyggede eksempel" in run.stderr


def test_a_danish_message_of_every_kind_quotes_what_the_english_quotes(tmp_path: Path) -> None:
    """Over real findings of many codes: each figure, date and id the English quotes (in the
    English digits) is in the Danish too (in the Danish digits)."""
    broken = (
        edited("every_months: 6", "every_months: 1")
        if "every_months: 6" in real_text()
        else real_text()
    )
    found = _findings(tmp_path, broken, dt.date(2025, 6, 1))
    found += _findings(tmp_path, MISPRINT, dt.date(2022, 6, 1))
    catalogued = [d for d in found if not d.message]
    assert catalogued
    for d in catalogued:
        english, danish = text(d), text(d, "da")
        for number in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", english):
            as_danish = number.replace(",", "\0").replace(".", ",").replace("\0", ".")
            assert number in danish or as_danish in danish, (d.code, number, danish)


SENTENCE = re.compile(r"[A-Za-zæøåÆØÅ]+(?: +[A-Za-zæøåÆØÅ]+){2,}")


def _name(node: ast.expr | None) -> str:
    """The class a `raise` or an `except` names (`Error`, `module.Error`, `Error(...)`)."""
    if isinstance(node, ast.Call):
        return _name(node.func)
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _sentences(path: Path, *, raised_only: bool = False) -> list[str]:
    """String constants of three words or more that are neither docstrings nor the text of
    an exception the module raises and catches itself (its text never reaches a person); with
    `raised_only`, those in the exceptions it raises alone."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    caught = {
        _name(kind)
        for node in ast.walk(tree)
        if isinstance(node, ast.ExceptHandler) and node.type is not None
        for kind in (node.type.elts if isinstance(node.type, ast.Tuple) else [node.type])
    }
    skipped: set[int] = set()
    raised: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))  # a docstring
        if isinstance(node, ast.Raise) and node.exc is not None:
            inner = {id(inner) for inner in ast.walk(node.exc)}
            raised |= inner
            if _name(node.exc) in caught:
                skipped |= inner
    return [
        f"{path.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and (id(node) in raised or not raised_only)
        and SENTENCE.search(node.value)
    ]


STILL_WORDED: set[str] = set()
"""Modules whose findings are still worded where they are read (issue 25 moves them to the
catalogue one by one): each is named, so a new sentence anywhere else fails."""

NOT_FOR_FINDINGS = {
    "model/strategy.py",  # field descriptions: the JSON Schema's and `iomstrat schema`'s text
    "core/schema.py",  # the JSON Schema's own descriptions (English, as JSON Schema is)
    "core/init.py",  # the comments of the strategy file `iomstrat init` writes
}
"""Modules whose text is part of a file format, not words to a person running a command."""


def test_no_module_below_render_writes_a_sentence() -> None:
    """The engine, the checks, the core, the model and the readers give codes and values; only
    `render/` words them (and the modules named above, each for its stated reason)."""
    src = ROOT / "src" / "iomstrat"
    found = [
        sentence
        for package in ("engine", "checks", "core", "model", "loader", "results")
        for path in sorted((src / package).rglob("*.py"))
        if path.relative_to(src).as_posix() not in STILL_WORDED | NOT_FOR_FINDINGS
        for sentence in _sentences(path)
    ]
    assert found == []
    # a module whose text is part of a file format still raises no sentence for people
    raised = [
        sentence
        for name in NOT_FOR_FINDINGS
        for sentence in _sentences(src / name, raised_only=True)
    ]
    assert raised == []
    # the list shrinks as modules move to the catalogue: a name of it that no longer words
    # anything is taken off
    assert all(_sentences(src / name) for name in STILL_WORDED | NOT_FOR_FINDINGS)


def test_the_sentence_test_finds_a_sentence(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""Doc string here."""\nX = f"payment {v} is above the line"\n')
    assert _sentences(module) == ["m.py:2: ' is above the line'"]
    # the text of an exception raised to the caller is a sentence; of one caught here, not
    module.write_text(
        'def f():\n    raise ValueError("the file is too long")\n'
        'def g():\n    try:\n        raise _Inner("a line too long")\n'
        "    except _Inner:\n        pass\n"
    )
    assert _sentences(module) == ["m.py:2: 'the file is too long'"]
    assert _sentences(module, raised_only=True) == ["m.py:2: 'the file is too long'"]


def test_a_place_outside_the_focus_names_the_continent_in_the_readers_language() -> None:
    place = {"field": "country", "name": "Jordan", "continents": ("Asia",), "focus": ("Africa",)}
    outside = finding("s.yaml", 1, 1, "IOM406", (), **place)
    assert text(outside) == ("country 'Jordan' is in Asia, outside the geographic focus on Africa")
    # the focus is quoted as the file writes it; the continent is the tool's word
    assert text(outside, "da") == (
        "landet 'Jordan' ligger i Asien, uden for det geografiske fokus på Africa"
    )


def test_the_readers_findings_are_worded_from_their_values_in_both_languages() -> None:
    from iomstrat.loader.documents import Limits, load_bytes, load_text

    doc = load_text("s.yaml", "a: 1\na: 2\nb: yes\n")
    assert [text(d) for d in doc.diagnostics] == [
        "duplicate key 'a' first given on line 1; a key may appear once",
        "'yes' means true/false to some YAML readers and text to others; write \"yes\" in "
        "quotes for text, or true/false",
    ]
    assert [text(d, "da") for d in doc.diagnostics] == [
        "nøglen 'a' står to gange, første gang på linje 1; en nøgle må kun stå én gang",
        "'yes' betyder true/false for nogle YAML-læsere og tekst for andre; skriv \"yes\" i "
        "anførselstegn for tekst, ellers true/false",
    ]
    [binary] = load_bytes("b.yaml", b"a: 1\x00\n").diagnostics
    assert (binary.code, binary.line, binary.column) == ("IOM002", 1, 5)
    assert text(binary, "da") == "NUL-byte i teksten; binær eller beskadiget fil"
    # 3 MiB against a limit of 2 MiB, each to one decimal as the locale writes it
    big = load_bytes("big.yaml", b"#" * (3 * 2**20), Limits(max_bytes=2 * 2**20)).diagnostics[0]
    assert text(big) == "input is 3.0 MiB, larger than the limit of 2.0 MiB"
    assert text(big, "da") == "inddata er 3,0 MiB, større end grænsen på 2,0 MiB"


def test_only_the_reader_of_pydantic_and_of_ledgers_and_iati_words_its_own() -> None:
    """The YAML reader's codes (IOM001-IOM012) and the statements (IOM800-IOM811) are
    catalogued: every finding of theirs is worded here, in both languages."""
    worded = {c.code for c in codes.CODES if c.messages()}
    assert {f"IOM00{n}" for n in range(1, 10)} | {"IOM010", "IOM011", "IOM012"} <= worded
    assert {f"IOM8{n:02d}" for n in range(12)} <= worded


def test_every_usage_sentence_has_both_languages_naming_the_same_values() -> None:
    from iomstrat.render.usage import USAGE

    for key, words in USAGE.items():
        assert words.en.strip() and words.da.strip(), key
        assert template_values(words.en) == template_values(words.da), key


def test_a_usage_error_is_data_worded_in_the_readers_language() -> None:
    from iomstrat.findings import usage
    from iomstrat.render.usage import usage_text

    problem = usage("no_rate", file="s.yaml", source="DKK", target="XYZ")
    assert usage_text(problem) == "s.yaml: no ECB reference rate from DKK to XYZ"
    assert usage_text(problem, "da") == "s.yaml: ingen ECB-referencekurs fra DKK til XYZ"


def test_a_refused_value_is_worded_from_its_values_in_both_languages(tmp_path: Path) -> None:
    text_ = MISPRINT.replace("status: planned", "status: plannned", 1)
    assert text_ != MISPRINT
    [wrong] = [d for d in _findings(tmp_path, text_, dt.date(2021, 1, 1)) if d.code == "IOM020"]
    choices = "'planned', 'approved', 'reduced'"
    assert text(wrong).endswith(f"Input should be {choices} or 'withheld', got 'plannned'")
    assert text(wrong, "da").endswith(
        f"værdien skal være {choices} eller 'withheld', men her står 'plannned'"
    )
    assert text(wrong, "da").split(":")[0] == text(wrong).split(":")[0]  # the same data path


def test_the_iati_readers_findings_speak_danish(tmp_path: Path) -> None:
    pytest.importorskip("lxml")
    from iomstrat.loader.iati import Interest, read_activities

    path = tmp_path / "a.xml"
    path.write_text('<?xml version="1.0"?>\n<iati-organisations version="2.03"/>\n')
    [root] = read_activities(str(path), Interest({}, frozenset())).diagnostics
    assert (root.code, root.line) == ("IOM901", 2)
    assert text(root) == (
        "not an IATI activity file: the root element is <iati-organisations>, not <iati-activities>"
    )
    assert text(root, "da") == (
        "ikke en IATI-aktivitetsfil: rodelementet er <iati-organisations>, ikke <iati-activities>"
    )


def test_a_ledger_not_read_says_why_in_both_languages(tmp_path: Path) -> None:
    from iomstrat.core.payments import read_ledger
    from iomstrat.loader.dialect import Declared
    from iomstrat.loader.payments import Payments

    payments = Payments(["strategy"])
    read_ledger(Declared(str(tmp_path / "missing.csv")), payments)
    zipped = tmp_path / "ledger.csv"
    zipped.write_bytes(b"PK\x03\x04 not a CSV")
    read_ledger(Declared(str(zipped)), payments)
    assert [(d.code, text(d)) for d in payments.diagnostics] == [
        ("IOM420", "no such ledger file"),
        ("IOM420", "this is a zip file (an xlsx workbook?), not CSV; name it .xlsx if it is one"),
    ]
    assert [text(d, "da") for d in payments.diagnostics] == [
        "oversigtsfilen findes ikke",
        "dette er en zip-fil (en xlsx-projektmappe?), ikke CSV; giv den endelsen .xlsx, hvis den "
        "er en",
    ]


def test_a_refused_character_is_named_in_both_languages(tmp_path: Path) -> None:
    text_ = MISPRINT.replace(
        "title: Strategy with a misprinted cover total", 'title: "Strategy\\twith a tab"', 1
    )
    [tab] = [d for d in _findings(tmp_path, text_, dt.date(2021, 1, 1)) if d.code == "IOM020"]
    assert text(tab) == "strategy.title: text holds a tab at character 9; use a space"
    assert text(tab, "da") == (
        "strategy.title: teksten har et tabulatortegn ved tegn 9; brug et mellemrum"
    )


def test_a_ledger_header_is_taught_in_danish_with_the_same_entry(tmp_path: Path) -> None:
    from iomstrat.core.payments import read_ledger
    from iomstrat.loader.dialect import Declared
    from iomstrat.loader.payments import Payments

    path = tmp_path / "l.csv"
    path.write_text(
        "Dato;Konto;Beløb;Valuta;Bilag\n15.03.2023;core;1.250,50;DKK;A1\n", encoding="cp1252"
    )
    payments = Payments(["strategy"])
    read_ledger(Declared(str(path)), payments)
    [header] = payments.diagnostics
    assert header.code == "IOM421"
    danish = text(header, "da")
    assert danish.startswith(
        "oversigtens overskrift: ingen kolonne date, line, amount, currency, voucher, "
        "exchange_rate; overskriften (cp1252, skilletegn semikolon ';', datoer dag.måned.år, "
        "decimaltegn ',', tusindtalsskilletegn '.') har 'Dato', 'Konto', 'Beløb'"
    )
    # the entry to paste is the file's syntax, the same in both languages
    entry = "ledgers: [{path: l.csv, columns: {date: Dato, line: Konto, amount: Beløb,"
    assert entry in danish and entry in text(header)
    assert "dates day.month.year, decimal ',', thousands '.'" in text(header)


def test_the_count_of_findings_not_listed_names_the_same_values_in_both_languages() -> None:
    from iomstrat.render.messages import MORE

    assert template_values(MORE.en) == template_values(MORE.da) == set(codes.MORE)


def test_a_git_revision_that_is_none_is_said_in_both_languages(tmp_path: Path) -> None:
    from iomstrat.loader.git import file_at
    from iomstrat.render.usage import usage_text

    old = file_at("-x", str(tmp_path / "s.yaml"))  # an option, never passed to git
    assert old.data is None and old.error is not None
    assert usage_text(old.error).endswith("s.yaml: '-x' is not a git revision")
    assert usage_text(old.error, "da").endswith("s.yaml: '-x' er ikke en git-revision")
