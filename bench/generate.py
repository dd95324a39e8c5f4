"""Seeded synthetic portfolios: strategy files, payment ledgers as CSV, YAML and hledger journal.

Everything is derived from the embedded IOM strategy so that the files are valid: the ledger's
strategy records every year as approved, and the payments of each line and year add up, to the
øre, to the line's planned amount for that year (so `disbursement` has real work and no findings).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from iomstrat.core.schema import schema_text
from iomstrat.loader.embedded import default_strategy_path

SEED = 20230101
LEDGER_SIZES = (10_000, 100_000, 1_000_000)
MAX_YAML_SIZE = 100_000
"""Largest YAML ledger written: beyond it a YAML file exceeds the loader's size limit (MAX_BYTES,
32 MiB), by design; the 1 000 000-record ledger is CSV only."""
STRATEGIES = 20
CSV_HEADER = "date,line,amount,currency,voucher,exchange_rate,allocation"
DANISH_HEADER = "Bilagsdato;Konto;Beløb;Valuta;Bilagsnr.;Kurs;Bevilling"
DANISH_ACCOUNTS = {"core": "4010", "soft_earmarked": "4020", "personnel": "4030"}
"""The finance system's accounts for the budget lines in the Danish export (`ledgers: lines:`)."""
USD_EVERY = 10
"""Every tenth payment on a line without a dialogue is made in US dollars, at the ECB rate."""
PAID_YEARS = (2023, 2024, 2025)
"""Years the ledger pays in: approved, and wholly before today, so no payment lies in the future."""
FORMAT_VERSION = 6
"""Bump when the generated files change, so that cached portfolios are rebuilt."""
AS_OF = "2025-12-31"
"""The date the ledger cases are judged as of: the end of the paid years, when the strategy's
dialogue is up to date (later, its next decision is overdue: a warning)."""
LINE_COUNTS = (480, 4800)
"""Budget lines of the strategies `many_lines` writes (issue 24)."""


Payment = tuple[str, str, str, str, str, str]
"""One payment: ISO date, line id, amount with its cents (text, exact), currency, voucher, the
allocation item it names (or "")."""


@dataclass(frozen=True)
class Portfolio:
    """Where the generated files are."""

    root: Path

    @property
    def strategies(self) -> Path:
        return self.root / "strategies"

    @property
    def strategy(self) -> Path:
        """The strategy the ledgers belong to (default strategy with the years approved)."""
        return self.root / "strategy.yaml"

    @property
    def schema(self) -> Path:
        return self.root / "strategy.schema.json"

    def csv(self, size: int) -> Path:
        return self.root / f"ledger_{label(size)}.csv"

    def yaml(self, size: int) -> Path:
        return self.root / f"ledger_{label(size)}.yaml"

    def journal(self, size: int) -> Path:
        return self.root / f"ledger_{label(size)}.journal"

    def danish(self, size: int) -> Path:
        """The same payments as a Danish finance system's export (`danish_lines`)."""
        return self.root / f"ledger_{label(size)}_dk.csv"

    def danish_strategy(self, size: int) -> Path:
        """The strategy naming the Danish export, with its dialect, under `ledgers:`."""
        return self.root / f"strategy_{label(size)}_dk.yaml"

    def many_lines(self, count: int) -> Path:
        """A strategy with `count` budget lines and a cover table (`many_lines`)."""
        return self.root / f"strategy_{count}_lines.yaml"

    def linked_strategy(self, size: int, kind: str) -> Path:
        """A copy of the strategy whose `ledgers:` key names the ledger of this size and kind."""
        return self.root / f"strategy_{label(size)}_{kind}.yaml"


def label(size: int) -> str:
    return f"{size // 1_000_000}m" if size % 1_000_000 == 0 else f"{size // 1000}k"


DOCUMENT_ONLY = ("tables", "statements", "assumptions")
"""The document checked against itself (issue 28): not what the bench measures, and the annex
tables the statements name are not beside the generated files."""


def base_strategy() -> dict[str, Any]:
    """The shipped strategy as its draft transcribes it (100 million a year): the synthetic
    payments and approvals follow that plan, not a later version's."""
    with open(default_strategy_path(), encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    for key in DOCUMENT_ONLY:
        data.pop(key, None)
    for area in data.get("priority_areas", []):  # outputs under an outcome listed (IOM811)
        area["outcomes"] = sorted(
            {*area.get("outcomes", []), *(o.rsplit(".", 1)[0] for o in area.get("outputs", []))}
        )
    data.pop("versions", None)
    return data


def approve_all(data: dict[str, Any]) -> dict[str, Any]:
    """Every year of the period approved as planned by its Finance Act."""
    lines = data["budget"]["lines"]
    approvals = []
    for year in range(data["strategy"]["period"]["start"], data["strategy"]["period"]["end"] + 1):
        approvals.append(
            {
                "year": year,
                "status": "approved",
                "finance_act": f"Finance Act for {year}",
                "decided_on": dt.date(year - 1, 12, 20),
                "amount": sum(line["amounts"][year] for line in lines),
            }
        )
    return {**data, "approvals": approvals}


ALLOCATED = (
    ("H1", 1, (("Niger", None, 12), (None, "Sahel", 10), ("Ethiopia", None, 8))),
    ("H2", 7, (("Morocco", None, 10), (None, "Horn of Africa", 10))),
)
"""Each paid year's dialogue decisions: half-year, month decided, items (country, region, DKK
million); they allocate the soft-earmarked line's 50 million a year."""


def item_id(year: int, half: str, index: int) -> str:
    return f"y{year}_{half.lower()}_{index + 1}"


def with_allocations(data: dict[str, Any]) -> dict[str, Any]:
    """Six-monthly dialogue decisions allocating each paid year's soft-earmarked amount (in the
    file's unit, million): 30 from 1 January, 20 more from 1 July, each item with an id the
    payments name."""
    decisions = []
    for year in PAID_YEARS:
        for half, month, items in ALLOCATED:
            decisions.append(
                {
                    "date": dt.date(year, month, 1),
                    "half_year": f"{year}-{half}",
                    "approved_by": "Department of Migration, Stabilization and Fragility",
                    "items": [
                        {
                            "id": item_id(year, half, index),
                            **({"country": country} if country else {"region": region}),
                            "purpose": "Migration management and capacity building (synthetic)",
                            "amount": amount,
                        }
                        for index, (country, region, amount) in enumerate(items)
                    ],
                }
            )
    return {**data, "allocations": decisions}


def scaled(data: dict[str, Any], factor: int, index: int) -> dict[str, Any]:
    """A strategy for another organisation: every figure times `factor`, so totals still add up."""

    def times(by_year: dict[int, int]) -> dict[int, int]:
        return {year: value * factor for year, value in by_year.items()}

    info = data["strategy"]
    budget = data["budget"]
    cover = data["cover"]
    return approve_all(
        {
            **data,
            "strategy": {
                **info,
                "title": f"{info['title']} (synthetic portfolio member {index:03d})",
                "organisation": {"name": f"Organisation {index:03d}", "acronym": f"ORG{index:03d}"},
                "file_no": f"2022-{18394 + index}",
            },
            "budget": {
                **budget,
                "lines": [{**line, "amounts": times(line["amounts"])} for line in budget["lines"]],
                "totals": [
                    {**total, "stated": times(total["stated"])} for total in budget["totals"]
                ],
            },
            "cover": {
                name: {"by_year": times(row["by_year"]), "total": row["total"] * factor}
                for name, row in cover.items()
            },
        }
    )


def many_lines(data: dict[str, Any], count: int) -> dict[str, Any]:
    """The strategy with `count` budget lines: its own, and lines of DKK 1 million a year
    added to its grand total and its cover table, so that every stated total still adds up."""
    budget = data["budget"]
    own = budget["lines"]
    template = next(line for line in own if line["id"] == "core")
    added = [
        {
            "id": f"line_{index:05d}",
            "name": f"Synthetic line {index}",
            "kind": "core",
            "finance_act_code": template["finance_act_code"],
            "amounts": {year: 1 for year in template["amounts"]},
        }
        for index in range(1, count - len(own) + 1)
    ]
    lines = own + added
    extra = len(added)
    totals = [
        {**total, "lines": [line["id"] for line in lines], "stated": plus(total["stated"], extra)}
        if total["id"] == "total"
        else total
        for total in budget["totals"]
    ]
    cover = {
        name: {"by_year": plus(row["by_year"], extra), "total": row["total"] + 4 * extra}
        for name, row in data["cover"].items()
    }
    return {**data, "budget": {**budget, "lines": lines, "totals": totals}, "cover": cover}


def plus(by_year: dict[int, int], amount: int) -> dict[int, int]:
    return {year: value + amount for year, value in by_year.items()}


def dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def payments(size: int, strategy: dict[str, Any], seed: int = SEED) -> list[Payment]:
    """`size` payments over the paid years, as a ledger of this strategy holds them: each line
    and year sums to its planned amount (to the øre in DKK; a little less where a payment is
    made in US dollars, converted at the ECB rate of its date); the soft-earmarked line's
    payments each name an allocation item and add up to its amount, made from the date of the
    decision that allocated it (`with_allocations`)."""
    rng = random.Random(f"{seed}-{size}")
    factor = 1_000_000 if strategy["strategy"]["unit"] == "million" else 1
    dialogue = set(strategy.get("dialogue", {}).get("lines", []))
    plan: list[tuple[int, str, int, int, str]] = []  # year, line, øre, first month, item
    for year in PAID_YEARS:
        for line in strategy["budget"]["lines"]:
            if line["id"] not in dialogue:
                plan.append((year, line["id"], int(line["amounts"][year] * factor * 100), 1, ""))
                continue
            for half, month, items in ALLOCATED:
                for index, item in enumerate(items):
                    ore = item[2] * factor * 100
                    plan.append((year, line["id"], ore, month, item_id(year, half, index)))
    whole = sum(entry[2] for entry in plan)
    found: list[tuple[dt.date, str, int, str]] = []
    given = 0
    for index, (year, line_id, ore, month, item) in enumerate(plan):
        count = size - given if index == len(plan) - 1 else round(size * ore / whole)
        given += count
        first = dt.date(year, month, 1).toordinal()
        days = dt.date(year, 12, 31).toordinal() - first + 1
        for day, part in zip(
            (rng.randrange(days) for _ in range(count)), split(ore, count, rng), strict=True
        ):
            found.append((dt.date.fromordinal(first + day), line_id, part, item))
    found.sort()
    dollars = _dollar_rates({date for date, *_ in found})
    rows: list[Payment] = []
    for n, (date, line_id, ore, item) in enumerate(found, start=1):
        currency = "DKK"
        if not item and n % USD_EVERY == 0:
            # Cents of USD whose value at the ECB rate is at most the øre planned, so that no
            # line is paid above its amount.
            ore, currency = max(1, int(Decimal(ore) / dollars[date])), "USD"
        amount = f"{ore // 100}.{ore % 100:02d}"
        rows.append((date.isoformat(), line_id, amount, currency, f"IOM-{date.year}-{n:07d}", item))
    return rows


def _dollar_rates(days: set[dt.date]) -> dict[dt.date, Decimal]:
    """DKK per USD on each day, as iomstrat converts (ECB reference rates)."""
    from iomstrat.rates import EcbRates

    rates = EcbRates()
    found = {}
    for day in days:
        quote = rates.quote("USD", "DKK", day)
        assert quote is not None, day
        found[day] = quote.rate
    return found


def split(total: int, count: int, rng: random.Random) -> list[int]:
    """`count` positive parts, varied in size, that add up to exactly `total`."""
    weights = [rng.random() ** 2 + 0.02 for _ in range(count)]
    scale = (total - count) / sum(weights)
    parts = [1 + int(w * scale) for w in weights]
    short = total - sum(parts)
    for i in range(short):
        parts[i % count] += 1
    return parts


def csv_lines(rows: list[Payment]) -> Iterator[str]:
    yield CSV_HEADER + "\n"
    for date, line, amount, currency, voucher, item in rows:
        yield f"{date},{line},{amount},{currency},{voucher},,{item}\n"


def danish_lines(rows: list[Payment]) -> Iterator[str]:
    """The payments as a Danish finance system exports them: semicolons, day-first dates with
    points, decimal comma with thousands points, its own headers and account numbers."""
    yield DANISH_HEADER + "\r\n"
    for date, line, amount, currency, voucher, item in rows:
        units, cents = amount.split(".")
        grouped = f"{int(units):,}".replace(",", ".")
        yield (
            f"{date[8:10]}.{date[5:7]}.{date[:4]};{DANISH_ACCOUNTS[line]};{grouped},{cents};"
            f"{currency};{voucher};;{item}\r\n"
        )


DANISH_LEDGER = {
    "columns": {
        "date": "Bilagsdato",
        "line": "Konto",
        "amount": "Beløb",
        "currency": "Valuta",
        "voucher": "Bilagsnr.",
        "exchange_rate": "Kurs",
        "allocation": "Bevilling",
    },
    "delimiter": ";",
    "decimal": ",",
    "thousands": ".",
    "date_format": "%d.%m.%Y",
    "lines": {account: line for line, account in DANISH_ACCOUNTS.items()},
}
"""The `ledgers:` entry that declares the Danish export's dialect."""


def yaml_lines(rows: list[Payment]) -> Iterator[str]:
    yield "# Synthetic payment ledger (bench/generate.py).\n"
    yield "disbursements:\n"
    for date, line, amount, currency, voucher, item in rows:
        yield (
            f"  - date: {date}\n    line: {line}\n    amount: {amount}\n"
            f"    currency: {currency}\n    voucher: {voucher}\n    exchange_rate: null\n"
            + (f"    allocation: {item}\n" if item else "")
        )


def journal_lines(rows: list[Payment], code: str) -> Iterator[str]:
    yield "; Synthetic payment ledger (bench/generate.py), the same payments as the CSV.\n"
    yield "commodity 1,000.00 DKK\ncommodity 1,000.00 USD\n\n"
    for date, line, amount, currency, voucher, item in rows:
        yield (
            f"{date} {voucher}\n"
            f"    expenses:iom:{line}  {amount} {currency}  ; finance_act_code: {code}"
            + (f", allocation: {item}" if item else "")
            + f"\n    assets:bank:{currency.lower()}\n\n"
        )


def write_lines(path: Path, lines: Iterator[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.writelines(lines)


def generate(
    root: Path,
    sizes: tuple[int, ...],
    *,
    strategies: int = STRATEGIES,
    log: Any = sys.stderr,
) -> Portfolio:
    """Write (or reuse, when already written with the same seed and sizes) a portfolio."""
    portfolio = Portfolio(root)
    stamp = root / "manifest.json"
    manifest = {"version": FORMAT_VERSION, "seed": SEED, "strategies": strategies}
    done: dict[str, Any] = {}
    if stamp.exists():
        done = json.loads(stamp.read_text(encoding="utf-8"))
        if {k: done.get(k) for k in manifest} != manifest:
            done = {}
    made = set(done.get("sizes", []))
    root.mkdir(parents=True, exist_ok=True)
    base = base_strategy()
    if not done:
        portfolio.strategies.mkdir(exist_ok=True)
        rng = random.Random(SEED)
        for index in range(1, strategies + 1):
            text = dump(scaled(base, rng.randint(1, 5), index))
            (portfolio.strategies / f"strategy_{index:03d}.yaml").write_text(text, "utf-8")
        portfolio.schema.write_text(schema_text(), "utf-8")  # what `iomstrat schema` prints
        portfolio.strategy.write_text(dump(with_allocations(approve_all(base))), "utf-8")
        for count in LINE_COUNTS:
            text = dump(approve_all(many_lines(base, count)))
            portfolio.many_lines(count).write_text(text, "utf-8")
    approved = with_allocations(approve_all(base))
    for size in sizes:
        if size in made:
            continue
        log.write(f"generating a ledger of {size:,} payments ...\n")
        log.flush()
        rows = payments(size, approved)
        write_lines(portfolio.csv(size), csv_lines(rows))
        write_lines(portfolio.danish(size), danish_lines(rows))
        danish = {**approved, "ledgers": [{"path": portfolio.danish(size).name, **DANISH_LEDGER}]}
        portfolio.danish_strategy(size).write_text(dump(danish), "utf-8")
        write_lines(
            portfolio.journal(size), journal_lines(rows, approved["strategy"]["finance_act_code"])
        )
        kinds = ["csv"]
        if size <= MAX_YAML_SIZE:
            write_lines(portfolio.yaml(size), yaml_lines(rows))
            kinds.append("yaml")
        for kind in kinds:
            ledger = portfolio.csv(size) if kind == "csv" else portfolio.yaml(size)
            linked = {**approved, "ledgers": [ledger.name]}
            portfolio.linked_strategy(size, kind).write_text(dump(linked), "utf-8")
        made.add(size)
        stamp.write_text(json.dumps({**manifest, "sizes": sorted(made)}), "utf-8")
    stamp.write_text(json.dumps({**manifest, "sizes": sorted(made)}), "utf-8")
    return portfolio
