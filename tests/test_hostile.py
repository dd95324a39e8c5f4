"""Hostile and broken strategy files, each built from the real data file: every one gets a
finding at file:line:col and exit 1 (content) or 2 (cannot read); none gets a traceback, none
is echoed back at length, none is silently changed."""

from __future__ import annotations

import gzip
import os
import re
import resource
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from iomstrat.cli import build
from iomstrat.loader import documents as loader
from iomstrat.model.errors import STRATEGY_LIMITS, read_strategy

from .conftest import DATA_FILE, edited, line_of, real_text

app = build()

REAL = real_text()
FINDING = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): "
    r"(?P<severity>fatal|error|warning|note) (?P<code>IOM\d{3}) (?P<message>.+)$"
)
MAX_ECHO = 200
"""Longest run of input characters any output may repeat."""


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str

    def findings(self) -> list[dict[str, str]]:
        found = []
        for text in self.stdout.splitlines():
            match = FINDING.match(text)
            assert match, f"not a finding line: {text[:300]!r}"
            found.append(match.groupdict())
        return found


def validate(path: str, *, input: bytes | None = None) -> Outcome:
    """`iomstrat validate PATH` in-process, exceptions not caught (a crash fails the test)."""
    result = CliRunner().invoke(
        app, ["validate", path, "--as-of", "2022-12-01"], input=input, catch_exceptions=False
    )
    return Outcome(result.exit_code, result.stdout, result.stderr)


def echoes(output: str, source: str, size: int = MAX_ECHO) -> bool:
    """Whether some line of `output` repeats `size` or more characters of `source` in a row."""
    return any(
        text[start : start + size] in source
        for text in output.splitlines()
        for start in range(len(text) - size + 1)
    )


# --- the bad files -------------------------------------------------------------------------

Build = Callable[[], bytes]
Where = Callable[[bytes], int]


def text(old: str, new: str) -> Build:
    return lambda: edited(old, new).encode()


def at(needle: str, occurrence: int = 1) -> Where:
    """The line (1-based) of the n-th line of the file holding `needle`."""

    def where(data: bytes) -> int:
        hits = [i for i, line in enumerate(data.split(b"\n"), 1) if needle.encode() in line]
        return hits[occurrence - 1]

    return where


def line(number: int) -> Where:
    return lambda data: number


def comments_only() -> bytes:
    return "".join(ln + "\n" for ln in REAL.splitlines() if ln.startswith("#")).encode()


def as_list() -> bytes:
    return ("-\n" + textwrap.indent(REAL, "  ")).encode()


def alias_bomb(levels: int = 9) -> str:
    """Billion laughs: each level repeats the one before nine times; 9**9 strings if expanded."""
    names = "abcdefghij"
    rows = ["lol_a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
    for level in range(1, levels):
        name, before = names[level], names[level - 1]
        rows.append(f"lol_{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]")
    return "\n".join(rows) + "\n"


def bytes_replaced(old: bytes, new: bytes) -> Build:
    def build() -> bytes:
        data = DATA_FILE.read_bytes()
        assert old in data
        return data.replace(old, new, 1)

    return build


def big_file() -> bytes:
    """The real file followed by a 50 MB comment: well-formed YAML, far above the limit."""
    return REAL.encode() + b"# " + b"x" * (50 * 2**20) + b"\n"


CORE = "amounts: {2023: 48, 2024: 48, 2025: 48, 2026: 48}"
ORIGIN = line(1)


def case(id: str, build: Build, code: str, exit_code: int, where: Where, says: str = "") -> object:
    return pytest.param(build, code, exit_code, where, says, id=id)


BAD = [
    # syntax
    case("bad-indentation", text("    acronym: IOM", "      acronym: IOM"), "IOM003", 1,
         at("acronym: IOM")),
    case("dedented-key", text("  currency: DKK", " currency: DKK"), "IOM003", 1,
         at(" currency: DKK")),
    case("tab-indent", text("  title: Strategy", "\ttitle: Strategy"), "IOM003", 1,
         at("\ttitle"), "tab"),
    # The parser stops where the runaway quote ends; the message names where it opened.
    case("unclosed-quote", text('file_no: "2022-18394"', 'file_no: "2022-18394'), "IOM003", 1,
         at('finance_act_code: "'),
         f"quote opened on line {line_of(REAL, 'file_no: ')}"),
    case("unclosed-flow-mapping", text(CORE, CORE[:-1]), "IOM003", 1,
         at("- id: soft_earmarked")),
    case("multiple-documents", lambda: (REAL + "---\n" + REAL).encode(), "IOM011", 1,
         line(REAL.count("\n") + 1)),
    case("empty", lambda: b"", "IOM011", 1, ORIGIN),
    case("blank-lines-only", lambda: b"\n  \n\n", "IOM011", 1, ORIGIN),
    case("only-comments", comments_only, "IOM011", 1, ORIGIN),
    case("top-level-list", as_list, "IOM011", 1, ORIGIN),
    case("top-level-text", lambda: REAL.splitlines()[0].encode(), "IOM011", 1, ORIGIN),
    # encoding
    case("invalid-utf8", bytes_replaced(b"Geneva ", "Genève ".encode("latin-1")), "IOM002", 2,
         at("responsible_unit: Gen")),
    case("nul-byte", text("Lea Rasmussen", "Lea\x00Rasmussen"), "IOM002", 2, at("Lea")),
    case("bell", text("Lea Rasmussen", "Lea\x07Rasmussen"), "IOM002", 2, at("Lea")),
    case("ansi-escape", text("Lea Rasmussen", "\x1b[31mLea"), "IOM002", 2, at("desk_officer")),
    case("c1-control", text("Lea Rasmussen", "Lea\x80Rasmussen"), "IOM002", 2, at("Lea")),
    case("byte-order-mark-inside", text("  currency: DKK", "\ufeff  currency: DKK"), "IOM002", 2,
         at("currency: DKK"), "byte-order mark"),
    case("gzip", lambda: gzip.compress(REAL.encode()), "IOM002", 2, ORIGIN, "gzip"),
    case("utf16-without-bom", lambda: REAL.encode("utf-16-le"), "IOM002", 2, ORIGIN, "UTF-16"),
    case("utf32", lambda: REAL.encode("utf-32"), "IOM002", 2, ORIGIN, "UTF-32"),
    case("binary-noise", lambda: bytes(range(256)) * 8, "IOM002", 2, ORIGIN),
    # silent-change traps
    case("duplicate-top-level-key", lambda: (REAL + "schema_version: 2\n").encode(), "IOM004", 1,
         at("schema_version: 2")),
    case("duplicate-nested-key", text("    acronym: IOM", "    acronym: IOM\n    acronym: UN"),
         "IOM004", 1, at("acronym: UN")),
    case("duplicate-key-in-line",
         text("      kind: core\n", "      kind: core\n      kind: other\n"),
         "IOM004", 1, at("kind: other")),
    case("duplicate-year", text(CORE, CORE.replace("}", ", 2025: 40}")), "IOM004", 1,
         at("2025: 40")),
    case("duplicate-in-approval",
         text("  - year: 2024\n    status: planned\n",
              "  - year: 2024\n    status: planned\n    status: approved\n"),
         "IOM004", 1, at("status: approved")),
    case("year-as-text-and-number", text("{2023: 48,", '{2023: 48, "2023": 40,'), "IOM004", 1,
         at('"2023": 40')),
    case("one-and-true-keys", text("{2023: 48,", "{2023: 48, 1: 0, true: 0,"), "IOM004", 1,
         at("true: 0")),
    case("year-as-text", text("{2023: 48,", '{"2023": 48,'), "IOM020", 1, at('"2023": 48'),
         "write years without quotes"),
    case("approval-year-as-text", text("  - year: 2023", '  - year: "2023"'), "IOM020", 1,
         at('year: "2023"')),
    case("NO-as-text", text("acronym: IOM", "acronym: NO"), "IOM005", 1, at("acronym: NO")),
    case("no-as-text", text("currency: DKK", "currency: no"), "IOM005", 1, at("currency: no")),
    case("on-as-amount", text("{2023: 48,", "{2023: on,"), "IOM005", 1, at("{2023: on")),
    case("yes-as-kind", text("kind: personnel", "kind: yes"), "IOM005", 1, at("kind: yes")),
    case("Off-as-placement", text("placement: above", "placement: Off"), "IOM005", 1,
         at("placement: Off")),
    case("code-read-as-number", text('finance_act_code: "§06.32.10.14"', "finance_act_code: 06.32"),
         "IOM020", 1, at("finance_act_code: 06.32"), "got the number 6.32"),
    case("code-with-a-short-group",  # without its § a code is still read (as §06.32.10.14)
         text('finance_act_code: "§06.32.10.14"', "finance_act_code: 06.32.10.4"),
         "IOM301", 1, at("finance_act_code: 06.32.10.4")),
    case("thousands-comma", text("    total: 400", "    total: 1,000"), "IOM005", 1,
         at("total: 1,000"), "write 1000 without thousands separators"),
    case("thousands-comma-in-flow", text("{2023: 48,", "{2023: 1,500,"), "IOM005", 1,
         at("1,500"), "thousands separators"),
    case("thousands-underscore", text("{2023: 48,", "{2023: 1_000,"), "IOM020", 1, at("1_000"),
         "without separators"),
    case("thousands-space", text("    total: 400", "    total: 1 000"), "IOM020", 1,
         at("total: 1 000"), "without separators"),
    case("boolean-amount", text("{2023: 48,", "{2023: true,"), "IOM020", 1, at("{2023: true"),
         "true/false"),
    case("boolean-total", text("    total: 400", "    total: false"), "IOM020", 1,
         at("total: false")),
    case("boolean-schema-version", text("schema_version: 1", "schema_version: true"), "IOM020", 1,
         at("schema_version: true")),
    # values
    case("negative", text("{2023: 48,", "{2023: -48,"), "IOM303", 1, at("-48")),
    case("nan", text("{2023: 48,", "{2023: .nan,"), "IOM020", 1, at(".nan"), "finite"),
    case("infinity", text("{2023: 48,", "{2023: .inf,"), "IOM020", 1, at(".inf"), "finite"),
    case("minus-infinity", text("{2023: 48,", "{2023: -.inf,"), "IOM020", 1, at("-.inf")),
    case("overflow", text("{2023: 48,", "{2023: 1.0e+400,"), "IOM010", 1, at("1.0e+400")),
    case("underflow", text("{2023: 48,", "{2023: 1e-400,"), "IOM010", 1, at("1e-400")),
    case("400-digits", text("{2023: 48,", "{2023: " + "9" * 400 + ","), "IOM010", 1,
         at("9999")),
    case("5000-digits", text("{2023: 48,", "{2023: " + "9" * 5000 + ","), "IOM010", 1,
         at("9999")),
    case("implausibly-large", text("{2023: 48,", "{2023: 4800000000000000000,"), "IOM020", 1,
         at("48000000"), "implausibly large"),
    # The rule: no amount more precise than one øre; in DKK million that is 8 decimals.
    case("finer-than-one-ore", text("{2023: 48,", "{2023: 48.000000001,"), "IOM306", 1,
         at("48.000000001"), "øre"),
    case("year-before-period", text("{2023: 48,", "{2022: 0, 2023: 48,"), "IOM302", 1,
         at("{2022: 0"), "outside the period"),
    case("year-missing", text("{2023: 48, ", "{"), "IOM302", 1, at("amounts: {2024: 48"),
         "no amount for 2023"),
    case("period-out-of-range", text("start: 2023", "start: 1800"), "IOM020", 1,
         at("start: 1800")),
    case("approval-outside-period", text("  - year: 2026", "  - year: 2027"), "IOM202", 1,
         at("year: 2027")),
    case("duplicate-line-id", text("- id: soft_earmarked", "- id: core"), "IOM304", 1,
         at("- id: core", 2)),
    case("misspelt-key", text(CORE, CORE.replace("amounts", "ammounts")), "IOM021", 1,
         at("ammounts"), "did you mean 'amounts'?"),
    case("misspelt-section", text("\nbudget:\n", "\nbudgett:\n"), "IOM021", 1, at("budgett:"),
         "did you mean 'budget'?"),
    case("missing-key", text("  unit: million", "  # unit: million"), "IOM022", 1,
         at("title: Strategy for"), "required key is missing"),
    # hostile
    case("billion-laughs", lambda: (REAL + alias_bomb()).encode(), "IOM007", 1,
         at("lol_e: &e"), "alias bomb"),
    case("python-object-apply",
         text("acronym: IOM", 'acronym: !!python/object/apply:os.system ["touch PWNED"]'),
         "IOM006", 1, at("acronym: !!python")),
    case("python-name", text("acronym: IOM", "acronym: !!python/name:os.system"), "IOM006", 1,
         at("acronym: !!python")),
    case("python-object-new",
         text("acronym: IOM", "acronym: !!python/object/new:subprocess.Popen [[touch, PWNED]]"),
         "IOM006", 1, at("acronym: !!python")),
    case("unknown-tag", text("{2023: 48,", "{2023: !money 48,"), "IOM006", 1, at("!money")),
    case("verbatim-tag", text("acronym: IOM", "acronym: !<tag:example.com,2024:x> IOM"),
         "IOM006", 1, at("acronym: !<")),
    case("binary-tag", text("acronym: IOM", "acronym: !!binary SU9N"), "IOM006", 1,
         at("acronym: !!binary")),
    case("unknown-alias", text("acronym: IOM", "acronym: *nowhere"), "IOM003", 1,
         at("acronym: *nowhere")),
    case("merge-of-a-number", text("    acronym: IOM", "    acronym: IOM\n    <<: 5"), "IOM003", 1,
         at("<<: 5"), "merge key"),
    case("nested-10000-flow-lists", lambda: (REAL + "deep: " + "[" * 10_000 + "]" * 10_000)
         .encode(), "IOM008", 1, at("deep:"), "deeper than 64"),
    case("nested-10000-flow-mappings", lambda: (REAL + "deep: " + "{a: " * 10_000 + "1" +
         "}" * 10_000).encode(), "IOM008", 1, at("deep:"), "deeper than 64"),
    case("nested-10000-block-lists", lambda: (REAL + "deep:\n" + "- " * 10_000 + "1\n").encode(),
         "IOM008", 1, at("- - -")),
    case("string-of-1-MB", text("acronym: IOM", "acronym: " + "I" * 10**6), "IOM020", 1,
         at("acronym: III"), "at most 2000 characters"),
    case("quoted-string-of-1-MB", text("acronym: IOM", 'acronym: "' + "I" * 10**6 + '"'),
         "IOM020", 1, at("acronym: \"III"), "at most 2000 characters"),
    case("key-of-5000-characters", text("    acronym: IOM", f'    ? "{"k" * 5000}"\n    : IOM'),
         "IOM009", 1, at("kkkk"), "key of 5000 characters"),
    case("200-000-values", lambda: (REAL + "many: [" + "0," * 200_000 + "0]\n").encode(),
         "IOM009", 1, at("many:"), f"more than {STRATEGY_LIMITS.max_nodes} values"),
    case("file-of-50-MB", big_file, "IOM001", 2, ORIGIN, "larger than the limit of 2.0 MiB"),
]  # fmt: skip


@pytest.mark.parametrize(("build", "code", "exit_code", "where", "says"), BAD)
def test_bad_file_gets_a_finding_not_a_crash(
    tmp_path: Path, build: Build, code: str, exit_code: int, where: Where, says: str
) -> None:
    data = build()
    path = tmp_path / "strategy.yaml"
    path.write_bytes(data)
    outcome = validate(str(path))
    assert outcome.exit_code == exit_code, outcome.stdout[:2000]
    found = outcome.findings()
    assert found and all(f["file"] == str(path) for f in found)
    expected = where(data)
    matching = [f for f in found if f["code"] == code and int(f["line"]) == expected]
    assert matching, f"no {code} at line {expected} in:\n{outcome.stdout[:2000]}"
    assert says in matching[0]["message"]
    assert all(int(f["line"]) >= 1 and int(f["column"]) >= 1 for f in found)
    output = outcome.stdout + outcome.stderr
    assert "Traceback" not in output
    source = data.decode("utf-8", errors="replace")
    assert not echoes(outcome.stdout, source)
    assert not (tmp_path / "PWNED").exists() and not Path("PWNED").exists()


def test_alias_bomb_is_counted_not_expanded() -> None:
    """Nine levels of nine aliases would be 387 million strings; the loader stops counting
    at the limit, having built only the file's own nodes."""
    doc = loader.load_text("bomb.yaml", REAL + alias_bomb())
    assert [d.code for d in doc.diagnostics] == ["IOM007"]
    assert doc.data is None


def test_merge_key_only_when_plain(tmp_path: Path) -> None:
    """`<<` merges; a quoted "<<" is an ordinary key, reported as unknown."""
    quoted = edited("    acronym: IOM", '    acronym: IOM\n    "<<": {name: Other}')
    path = tmp_path / "s.yaml"
    path.write_text(quoted)
    [finding] = validate(str(path)).findings()
    assert finding["code"] == "IOM021" and "unknown key '<<'" in finding["message"]


# --- the file system -------------------------------------------------------------------------


def assert_cannot_read(outcome: Outcome, name: str, says: str) -> None:
    assert outcome.exit_code == 2
    [finding] = outcome.findings()
    assert (finding["file"], finding["line"], finding["code"]) == (name, "1", "IOM001")
    assert says in finding["message"]
    assert "Traceback" not in outcome.stdout + outcome.stderr


def test_missing_file(tmp_path: Path) -> None:
    name = str(tmp_path / "nowhere.yaml")
    assert_cannot_read(validate(name), name, "no such file")


def test_directory_without_yaml_files(tmp_path: Path) -> None:
    """A usage error with what to give (test_cli_validate), not a finding 'is a directory'."""
    (tmp_path / "notes.txt").write_text("not a strategy")
    outcome = validate(str(tmp_path))
    assert (outcome.exit_code, outcome.stdout) == (2, "")
    assert "no YAML file in this folder" in outcome.stderr


def test_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    assert_cannot_read(validate(str(loop)), str(loop), "symbolic link loop")


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.yaml"
    link.symlink_to(tmp_path / "deleted.yaml")
    assert_cannot_read(validate(str(link)), str(link), "does not exist")


def test_no_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may run as root, who reads any file; so the refusal is made by the opening itself."""
    from iomstrat.loader import files

    path = tmp_path / "strategy.yaml"
    path.write_text(REAL)

    def refuse(file: str, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", file)

    monkeypatch.setattr(files, "open_regular", refuse)
    assert_cannot_read(validate(str(path)), str(path), "permission denied")


def test_no_read_permission_for_real(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads files whatever their mode; see test_no_read_permission")
    path = tmp_path / "strategy.yaml"
    path.write_text(REAL)
    path.chmod(0)
    assert_cannot_read(validate(str(path)), str(path), "permission denied")


@pytest.fixture
def annexes(tmp_path: Path) -> None:
    """The real strategy's annex tables beside its copy: it names them relative to itself."""
    for table in DATA_FILE.parent.glob("annex*.yaml"):
        shutil.copy(table, tmp_path / table.name)


def test_standard_input_reads_like_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA_FILE.parent)  # standard input names its tables from here
    from_stdin = validate("-", input=DATA_FILE.read_bytes())
    from_file = validate(str(DATA_FILE))
    assert from_stdin.exit_code == from_file.exit_code == 0
    assert from_stdin.stdout == from_file.stdout.replace(str(DATA_FILE), "-")


def test_standard_input_binary_and_too_large() -> None:
    gz = validate("-", input=gzip.compress(DATA_FILE.read_bytes()))
    assert gz.exit_code == 2 and gz.findings()[0]["code"] == "IOM002"
    big = validate("-", input=REAL.encode() + b"#" * STRATEGY_LIMITS.max_bytes)
    assert big.exit_code == 2
    [finding] = big.findings()
    assert finding["file"] == "-"
    assert "standard input is larger than the limit" in finding["message"]


# --- good but tricky: accepted, and read exactly as the plain file ---------------------------


def anchors_and_merge_keys() -> bytes:
    """The same strategy written with anchors, aliases and merge keys (`<<`), overrides included."""
    code = '"§06.32.10.14"'
    head, _, _ = REAL.partition("\napprovals:")
    head = head.replace(f"finance_act_code: {code}", f"finance_act_code: &code {code}", 1)
    head = head.replace(f"finance_act_code: {code}", "finance_act_code: *code")
    cover = REAL[REAL.index("  commitment:") : REAL.index("\napprovals:")]
    head = head.replace(
        cover,
        "  commitment: &row\n"
        + cover.split("\n", 1)[1].split("  projected_disbursement:")[0]
        + "  projected_disbursement: *row\n",
    )
    note = "Planned; subject to annual parliamentary approval."
    approvals = f"""
approvals:
  - &planned
    year: 2023
    status: planned
    note: {note}
  - <<: *planned
    year: 2024
  - {{<<: *planned, year: 2025}}
  - <<: [*planned]
    year: 2026
"""
    later = REAL[REAL.index("\n# Later versions of the document") :]  # the signed version
    text = head + approvals + later
    assert text.count("*code") == 3 and "*row" in text and text.count("<<") == 3
    return text.encode()


def exact_decimals() -> bytes:
    """47.1 + 50.7 + 2.2 is exactly 100.0 in decimal (100.00000000000001 in float)."""
    text = REAL.replace("amounts: {2023: 48,", "amounts: {2023: 47.1,")
    text = text.replace("amounts: {2023: 50,", "amounts: {2023: 50.7,")
    text = text.replace("amounts: {2023: 2,", "amounts: {2023: 2.2,")
    text = text.replace("stated: {2023: 98,", "stated: {2023: 97.8,")
    return text.replace("stated: {2023: 100,", "stated: {2023: 100.0,").encode()


def dumped(**options: object) -> Build:
    """The plain data written back by PyYAML: no comments, other key order, other styles."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    # the statements' figures (27.4 per cent) are Decimals, written back as the numbers they are
    Dumper.add_representer(
        Decimal,
        lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value)),
    )

    def build() -> bytes:
        data = loader.load_text("x", REAL).data
        return yaml.dump(data, Dumper=Dumper, allow_unicode=True, **options).encode()  # type: ignore[no-any-return]

    return build


def framed() -> bytes:
    """Directive, document start and end markers, explicit tags on plain values."""
    text = REAL.replace("acronym: IOM", "acronym: !!str IOM").replace(
        "total: 400", "total: !!int 400"
    )
    return ("%YAML 1.1\n---\n" + text + "...\n").encode()


GOOD = [
    pytest.param(lambda: b"\xef\xbb\xbf" + REAL.encode(), True, id="utf8-bom"),
    pytest.param(lambda: REAL.replace("\n", "\r\n").encode(), True, id="crlf"),
    pytest.param(lambda: b"\xef\xbb\xbf" + REAL.replace("\n", "\r\n").encode(), True,
                 id="bom-and-crlf"),
    pytest.param(lambda: REAL.replace("\n", "\r").encode(), True, id="cr-only"),
    pytest.param(lambda: REAL.encode("utf-16"), True, id="utf16-with-bom"),
    pytest.param(lambda: "\ufeff".encode("utf-16-be") + REAL.encode("utf-16-be"), True,
                 id="utf16-big-endian-with-bom"),
    pytest.param(lambda: REAL.replace('"§06.32.10.14"', "§06.32.10.14").encode(), True,
                 id="unquoted-section-sign"),
    pytest.param(framed, False, id="directive-markers-and-tags"),
    pytest.param(anchors_and_merge_keys, False, id="anchors-and-merge-keys"),
    pytest.param(dumped(sort_keys=True), False, id="re-dumped-sorted-keys"),
    pytest.param(dumped(default_flow_style=True, width=60), False, id="re-dumped-flow-style"),
]  # fmt: skip


@pytest.mark.parametrize(("build", "same_lines"), GOOD)
def test_tricky_file_reads_exactly_like_the_original(
    tmp_path: Path, build: Build, same_lines: bool, annexes: None
) -> None:
    original = read_strategy(str(DATA_FILE))
    path = tmp_path / "strategy.yaml"
    path.write_bytes(build())
    reading = read_strategy(str(path))
    assert reading.diagnostics == []
    assert reading.strategy == original.strategy is not None
    outcome = validate(str(path))
    expected = validate(str(DATA_FILE))
    assert outcome.exit_code == expected.exit_code == 0
    codes = [(f["code"], f["message"]) for f in outcome.findings()]
    # in the file's order: a re-dumped file orders its keys (and so its findings) otherwise
    assert sorted(codes) == sorted((f["code"], f["message"]) for f in expected.findings())
    if same_lines:  # only the bytes differ: every value keeps its line and column
        assert reading.document.values == original.document.values
        assert outcome.stdout == expected.stdout.replace(str(DATA_FILE), str(path))


def test_exact_decimals_validate_clean(tmp_path: Path, annexes: None) -> None:
    path = tmp_path / "strategy.yaml"
    path.write_bytes(exact_decimals())
    reading = read_strategy(str(path))
    assert reading.strategy is not None
    lines = reading.strategy.budget.lines
    amounts = [line.amounts[2023] for line in lines]
    assert amounts == [Decimal("47.1"), Decimal("50.7"), Decimal("2.2")]
    assert sum(amounts, Decimal(0)) == Decimal("100.0")
    assert 47.1 + 50.7 + 2.2 != 100.0  # the float trap the Decimal path avoids
    outcome = CliRunner().invoke(
        app, ["validate", str(path), "--as-of", "2022-12-01"], catch_exceptions=False
    )
    assert outcome.exit_code == 0, outcome.stdout
    # no sum is off, not even by rounding; the warnings are the document's own (IOM8xx): the
    # text's "DKK 48 million annually" no longer holds for 2023's 47.1 (IOM800)
    assert "0 errors" in outcome.stderr
    assert not any(f"IOM10{n}" in outcome.stdout for n in (1, 2, 3))  # IOM107: 2023 as signed
    assert {line.split()[2] for line in outcome.stdout.splitlines() if " warning " in line} <= {
        "IOM800",
        "IOM801",
        "IOM802",
        "IOM803",
        "IOM804",
        "IOM811",
    }


# --- the real entry point, under the resource limits the issue sets --------------------------

LIMIT_SECONDS = 10
LIMIT_BYTES = 512 * 2**20


def entry_point() -> list[str]:
    script = Path(sys.executable).with_name("iomstrat")
    return [str(script)] if script.exists() else [sys.executable, "-m", "iomstrat"]


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (LIMIT_SECONDS, LIMIT_SECONDS))


SUBPROCESS = {  # the before-stop hook's four, then the biggest of the cases above
    "empty": lambda: b"",
    "tab-indent": text("  title: Strategy", "\ttitle: Strategy"),
    # under the alias limit; with a key of ours, or validate skips it as another tool's YAML
    "alias-bomb-9x9x9x9": lambda: ("schema_version: 1\n" + alias_bomb(levels=4)).encode(),
    "billion-laughs": lambda: (REAL + alias_bomb(levels=9)).encode(),
    "gzip": lambda: gzip.compress(REAL.encode()),
    "file-of-50-MB": big_file,
    "string-of-1-MB": text("acronym: IOM", "acronym: " + "I" * 10**6),
    "nested-10000": lambda: (REAL + "deep:\n" + "- " * 10_000 + "1\n").encode(),
    "5000-digits": text("{2023: 48,", "{2023: " + "9" * 5000 + ","),
    "200-000-values": lambda: (REAL + "many: [" + "0," * 200_000 + "0]\n").encode(),
}


@pytest.mark.parametrize("name", SUBPROCESS)
def test_real_entry_point_within_10_s_and_512_MiB(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"strategy-{name}.yaml"  # a strategy by name: checked even if no mapping
    path.write_bytes(SUBPROCESS[name]())
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    started = time.monotonic()
    with out.open("wb") as stdout, err.open("wb") as stderr:
        child = subprocess.Popen(
            [*entry_point(), "validate", str(path)],
            stdout=stdout,
            stderr=stderr,
            preexec_fn=limited,
        )
        # Wait for this child alone: its own peak memory, not the largest of every child the
        # test run has started so far (RUSAGE_CHILDREN), which an earlier test can set.
        timer = threading.Timer(LIMIT_SECONDS, child.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.monotonic() - started
    output = out.read_text() + err.read_text()
    assert child.returncode in (1, 2), output
    assert "Traceback" not in output
    assert out.read_text().startswith(f"{path}:"), output[:500]
    assert elapsed < LIMIT_SECONDS
    assert usage.ru_maxrss * 1024 < LIMIT_BYTES  # kibibytes on Linux


def grouped(number: int) -> str:
    return f"{number:_}".replace("_", " ")


def test_readme_states_the_limits_the_code_applies() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    rows = [
        f"| file size (strategy files, also on standard input) | "
        f"{STRATEGY_LIMITS.max_bytes // 2**20} MiB |",
        f"| file size (other YAML the loader reads, such as ledgers) | "
        f"{loader.MAX_BYTES // 2**20} MiB |",
        "| values (scalars, mappings, lists) in a strategy file | "
        f"{grouped(STRATEGY_LIMITS.max_nodes)} |",
        f"| nesting depth | {loader.MAX_DEPTH} levels |",
        f"| nodes repeated through aliases | {grouped(loader.MAX_ALIAS_NODES)} |",
        f"| digits in a number, written out | {loader.MAX_DIGITS} |",
        f"| length of a key | {loader.MAX_KEY_CHARS} characters |",
    ]
    for row in rows:
        assert row in readme
    assert f"at most {loader.MAX_ECHO} characters of the file" in readme
