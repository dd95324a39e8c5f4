"""Recorded disbursements in both exports: IATI type-3 transactions in the payment's currency,
and hledger postings converted to DKK at the stated rate, checked by the real `hledger bal`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from lxml import etree
from pydantic import Field

from iomstrat import loader
from iomstrat.export.hledger import journal
from iomstrat.export.iati import check_iati, iati_activities
from iomstrat.export.records import disbursements, in_kroner
from iomstrat.model import Model as Base
from iomstrat.model import Money, Strategy
from iomstrat.reading import validate_as

from .conftest import real_text
from .test_export_hledger import CODE, hledger_balances


class Payment(Base):
    """The shape of a recorded disbursement (issue 4's model has the same fields)."""

    date: dt.date
    line: str
    amount: Money
    currency: str
    voucher: str
    exchange_rate: Money | None = None
    year: int | None = None


class StrategyWithPayments(Strategy):
    disbursements: list[Payment] = Field(default_factory=list)


PAYMENTS = """
disbursements:
  - {date: 2023-04-10, line: core, amount: 24000000, currency: DKK, voucher: V-1}
  - {date: 2023-09-01, line: soft_earmarked, amount: 3500000, currency: USD, voucher: V-2,
     exchange_rate: 6.854321}
  - {date: 2023-10-02, line: core, amount: 23999999.99, currency: DKK, voucher: V-3}
  - {date: 2024-01-15, line: personnel, amount: 2000000, currency: DKK, voucher: V-4, year: 2023}
"""


def strategy() -> Strategy:
    document = loader.load_text("payments.yaml", real_text() + PAYMENTS)
    model = validate_as(document, StrategyWithPayments)
    assert model is not None, document.diagnostics
    return model


def test_payments_are_converted_to_the_ore() -> None:
    payments = disbursements(strategy())
    assert [p.voucher for p in payments] == ["V-1", "V-2", "V-3", "V-4"]
    assert [in_kroner(p, "DKK") for p in payments] == [
        Decimal("24000000.00"),
        Decimal("23990123.50"),  # 3 500 000 USD at 6.854321
        Decimal("23999999.99"),
        Decimal("2000000.00"),
    ]


def test_iati_disbursements_are_type_3_in_their_own_currency() -> None:
    export = iati_activities([strategy()], dt.date(2023, 11, 1))
    assert export.text is not None
    assert check_iati(export.text, "payments.xml") == []
    root = etree.fromstring(export.text.encode("utf-8"))
    found = [
        (
            t.find("transaction-type").get("code"),  # type: ignore[union-attr]
            t.find("transaction-date").get("iso-date"),  # type: ignore[union-attr]
            t.find("value").get("currency"),  # type: ignore[union-attr]
            t.find("value").get("value-date"),  # type: ignore[union-attr]
            t.findtext("value"),
        )
        for t in root.iter("transaction")
    ]
    assert found == [
        ("3", "2023-04-10", "DKK", "2023-04-10", "24000000"),
        ("3", "2023-09-01", "USD", "2023-09-01", "3500000"),
        ("3", "2023-10-02", "DKK", "2023-10-02", "23999999.99"),
        ("3", "2024-01-15", "DKK", "2024-01-15", "2000000"),
    ]


def test_hledger_disbursed_per_line_and_year_to_the_ore(tmp_path: Path) -> None:
    path = tmp_path / "payments.journal"
    result = journal([strategy()])
    assert result.problems == ()
    path.write_text(result.text, encoding="utf-8")
    balances = hledger_balances(path)
    disbursed = {k: v for k, v in balances.items() if k[0].startswith("disbursed:") and v}
    assert disbursed == {
        (f"disbursed:{CODE}:core", "2023"): Decimal("47999999.99"),
        (f"disbursed:{CODE}:soft_earmarked", "2023"): Decimal("23990123.50"),
        # paid 2024-01-15 for the 2023 appropriation: counted in 2023
        (f"disbursed:{CODE}:personnel", "2023"): Decimal("2000000.00"),
    }
    assert balances[(f"cash:{CODE}", "2023")] == Decimal("-73990123.49")


def test_hledger_leaves_out_a_payment_without_a_rate() -> None:
    text = real_text() + PAYMENTS.replace(",\n     exchange_rate: 6.854321}", "}")
    document = loader.load_text("payments.yaml", text)
    model = validate_as(document, StrategyWithPayments)
    assert model is not None
    result = journal([model])
    assert result.problems == (
        "disbursement of 3500000 USD on 2023-09-01 (line soft_earmarked) has no exchange rate "
        "to DKK; left out",
    )
    assert "V-2" not in result.text
