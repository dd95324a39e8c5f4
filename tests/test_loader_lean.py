"""A lean document (positions of collections and list items only) answers every position and
finding exactly as a full one; files with findings or rare features are read in full."""

from __future__ import annotations

import textwrap

import pytest

from iomstrat.core.payments import LedgerFile, read_ledger
from iomstrat.loader.documents import Document, load_text
from iomstrat.loader.payments import Payments
from iomstrat.model.errors import validate_as

LEDGER = textwrap.dedent(
    """\
    # a ledger with findings in several records
    disbursements:
      - date: 2023-01-05
        line: core
        amount: 100.50
        currency: DKK
        voucher: V-1
        exchange_rate: null
      - date: 2023-02-05
        line: core
        amount: "12"
        currency: DKK
        voucher: V-2
      - {date: 2023-03-05, line: core, amount: 7, currency: DKK, voucher: V-3, colour: red}
      - date: 2023-04-05
        line: soft_earmarked
        currency: DKK
        voucher: V-4
      - date: 2023-05-05
        line: personnel
        amount: 12.25
        currency: DK
        voucher:
          - V-5
        exchange_rate: 1.5
        note: |
          paid twice
    """
)


def shape(positions: dict[tuple[object, ...], object]) -> list[object]:
    """Positions by path, a dropped duplicate key (a fresh object each reading) by its kind."""
    return [
        (tuple("dropped" if type(p).__name__ == "_Ignored" else p for p in path), position)
        for path, position in positions.items()
    ]


def every_path(doc: Document) -> list[tuple[object, ...]]:
    paths = [*doc.values, *doc.keys]
    # and paths that do not exist, whose answer is the nearest ancestor's position
    return [*paths, ("disbursements", 1, "exchange_rate"), ("disbursements", 9), ("nope",)]


def test_clean_ledger_keeps_only_record_positions_and_the_same_data() -> None:
    clean = "disbursements:\n" + "".join(
        f"  - {{date: 2023-01-0{i}, line: core, amount: {i}.5, currency: DKK, voucher: V{i}}}\n"
        for i in range(1, 4)
    )
    full, lean = load_text("l.yaml", clean), load_text("l.yaml", clean, lean=True)
    assert lean.source is not None
    assert lean.data == full.data
    assert lean.keys == {}
    assert lean.values == {
        (): (1, 1),
        ("disbursements",): (2, 3),
        ("disbursements", 0): (2, 5),
        ("disbursements", 1): (3, 5),
        ("disbursements", 2): (4, 5),
    }
    assert lean.position(("disbursements", 2)) == (4, 5)
    assert lean.source is not None  # a record's position needs no second reading
    assert lean.position(("disbursements", 2, "amount")) == (4, 44)
    # read again, keeping the keys and values of that record (and of the mappings above it)
    assert lean.detailed == {(), ("disbursements",), ("disbursements", 2)}
    assert lean.keys == {
        ("disbursements",): (1, 1),
        ("disbursements", 2, "date"): (4, 6),
        ("disbursements", 2, "line"): (4, 24),
        ("disbursements", 2, "amount"): (4, 36),
        ("disbursements", 2, "currency"): (4, 49),
        ("disbursements", 2, "voucher"): (4, 64),
    }
    assert lean.values == {
        path: position
        for path, position in full.values.items()
        if len(path) < 3 or path[:2] == ("disbursements", 2)
    }


def test_positions_and_findings_match_the_full_reading() -> None:
    full, lean = load_text("l.yaml", LEDGER), load_text("l.yaml", LEDGER, lean=True)
    assert lean.data == full.data and lean.source is not None
    assert validate_as(lean, LedgerFile) is None
    assert validate_as(full, LedgerFile) is None
    assert lean.diagnostics == full.diagnostics
    # one more reading, for the records with findings only
    assert lean.detailed == {(), ("disbursements",), *(("disbursements", i) for i in (1, 2, 3, 4))}
    assert ("disbursements", 0, "amount") not in lean.values
    found = [(d.line, d.column, d.code) for d in lean.diagnostics]
    assert found == [
        (11, 13, "IOM020"),  # amount "12" is text
        (14, 76, "IOM021"),  # colour: an unknown key, at the key
        (15, 5, "IOM022"),  # record 4 has no amount: at the record
        (22, 15, "IOM020"),  # currency DK
        (24, 7, "IOM020"),  # voucher is a list
    ]
    for path in every_path(full):
        assert lean.position(path) == full.position(path), path
        assert lean.key_position(path) == full.key_position(path), path


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key
        "a: yes\n",  # YAML 1.1 boolean
        "a: !!str 5\n",  # tag
        "a: &x {b: 1}\nc: *x\n",  # alias
        "a: &x {b: 1}\nc: {<<: *x, d: 2}\n",  # merge key
        "a: {2023: 1,500}\n",  # thousands separator
        "a: 007\n",  # leading zero
        "a: 1\n---\nb: 2\n",  # two documents
        "- a\n",  # not a mapping
        "",  # empty
        "a: [1, 2\n",  # syntax error
        "a: 1e400\n",  # too many digits
        "'<<': 1\nb: <<\n",  # merge-key lookalikes
        "? [a]\n: 1\n",  # a list as a key
        "1: a\ntrue: b\n",  # equal keys written differently
    ],
)
def test_findings_and_rare_features_read_in_full(text: str) -> None:
    full, lean = load_text("f.yaml", text), load_text("f.yaml", text, lean=True)
    assert lean.source is None  # read in full
    assert lean.data == full.data
    assert (shape(lean.values), shape(lean.keys)) == (shape(full.values), shape(full.keys))
    assert lean.diagnostics == full.diagnostics


def test_yaml_ledger_findings_name_file_line_and_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ledger.yaml"
    path.write_text(LEDGER)
    payments = Payments(sources=["s.yaml"])
    read_ledger(str(path), payments)
    full = load_text(str(path), LEDGER)
    validate_as(full, LedgerFile)
    *found, unread = payments.diagnostics  # the last: none of its payments is read (IOM420)
    assert found == full.diagnostics
    assert (unread.file, unread.line, unread.code) == (str(path), 1, "IOM420")
    assert {(d.file, d.line) for d in payments.diagnostics} >= {(str(path), 11), (str(path), 15)}


NESTED = textwrap.dedent(
    """\
    top:
      - name: a
        parts: [1, 2.5, {x: 2023-01-01, "y": 'q'}]
        more: {deep: {deeper: [true, null, ~]}}
      - name: b
        2024: |
          text
    other: {k: v}
    """
)


def test_each_position_alone_matches_the_full_reading() -> None:
    full = load_text("n.yaml", NESTED)
    for path in every_path(full):
        lean = load_text("n.yaml", NESTED, lean=True)
        assert lean.position(path) == full.position(path), path
        lean = load_text("n.yaml", NESTED, lean=True)
        assert lean.key_position(path) == full.key_position(path), path
        assert lean.source is not None  # read again for the path's mappings, not in full


def test_positions_already_kept_are_not_read_again() -> None:
    lean = load_text("l.yaml", LEDGER, lean=True)
    lean.complete_positions([("disbursements", 1, "amount")])
    kept = lean.values
    lean.complete_positions([("disbursements", 1, "voucher")])
    assert lean.values is kept
    assert lean.position(("disbursements", 1, "voucher")) == (13, 14)
    assert lean.key_position(("disbursements", 1, "voucher")) == (13, 5)
    assert lean.values is kept
