"""The loader keeps positions and refuses silent changes (the hostile cases have their own file)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from iomstrat.loader.documents import load_text
from iomstrat.model.errors import read_strategy
from iomstrat.render.messages import text as message_text

from .conftest import DATA_FILE, edited, findings, line_of


def test_positions_of_values_and_keys() -> None:
    text = DATA_FILE.read_text()
    doc = load_text("s.yaml", text)
    pos = doc.position(("budget", "lines", 0, "amounts", 2024))
    assert pos.line == line_of(text, "amounts: {2023: 48")
    assert text.splitlines()[pos.line - 1][pos.column - 1 :].startswith("48, 2025")
    assert doc.key_position(("strategy", "file_no")).line == line_of(text, "file_no:")


def test_scalars_keep_what_was_written() -> None:
    doc = load_text(
        "s.yaml",
        "a: 47.10\nb: 2023-03-15\nc: '06.32'\nd: 1_000\ne: '1,000'\nf: true\ng: ~\nh: 12\n",
    )
    assert doc.data == {
        "a": Decimal("47.10"),
        "b": dt.date(2023, 3, 15),
        "c": "06.32",
        "d": "1_000",
        "e": "1,000",
        "f": True,
        "g": None,
        "h": 12,
    }
    assert str(doc.data["a"]) == "47.10"


def test_money_is_decimal_from_the_text() -> None:
    reading = read_strategy(str(DATA_FILE))
    assert reading.strategy is not None
    amount = reading.strategy.budget.lines[0].amounts[2023]
    assert type(amount) is Decimal and amount == Decimal("48")


def test_duplicate_key_is_an_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = edited("  desk_officer: Lea", '  file_no: "2022-99999"\n  desk_officer: Lea')
    assert findings(tmp_path, text) == [f"{line_of(text, '2022-99999')}:IOM004"]


def test_duplicate_year_key_quoted_and_unquoted(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = edited("amounts: {2023: 48, 2024: 48,", 'amounts: {2023: 48, "2023": 40, 2024: 48,')
    line = line_of(text, '"2023": 40')
    assert findings(tmp_path, text) == [f"{line}:IOM004"]


def test_yaml11_boolean_where_text_is_meant(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = edited("currency: DKK", "currency: NO")
    assert findings(tmp_path, text) == [f"{line_of(text, 'currency: NO')}:IOM005"]


def test_unknown_key_suggests_the_known_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = edited("      amounts: {2023: 2,", "      ammounts: {2023: 2,")
    path = tmp_path / "s.yaml"
    path.write_text(text)
    reading = read_strategy(str(path))
    messages = [message_text(d) for d in reading.diagnostics if d.code == "IOM021"]
    assert messages == ["budget.lines[2]: unknown key 'ammounts'; did you mean 'amounts'?"]
    danish = [message_text(d, "da") for d in reading.diagnostics if d.code == "IOM021"]
    assert danish == ["budget.lines[2]: ukendt nøgle 'ammounts'; mente du 'amounts'?"]
    assert sorted(d.code for d in reading.diagnostics) == ["IOM021", "IOM022"]


def test_text_where_a_number_is_meant(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = edited("amounts: {2023: 2,", "amounts: {2023: 2 million,")
    path = tmp_path / "s.yaml"
    path.write_text(text)
    [diag] = read_strategy(str(path)).diagnostics
    assert diag.code == "IOM020" and diag.line == line_of(text, "{2023: 2 million")
    assert "expected a number, got text '2 million'" in message_text(diag)
    assert message_text(diag, "da") == (
        "budget.lines[2].amounts[2023]: der forventes et tal, men her står teksten '2 million'"
    )
