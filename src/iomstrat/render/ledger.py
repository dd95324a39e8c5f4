"""`iomstrat ledger inspect` as text, in English or Danish: what iomstrat reads in a ledger, and
the entry to paste."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iomstrat.render.diagnostics import line as finding_line
from iomstrat.render.ledger_words import dialect_words, entry, word
from iomstrat.render.numbers import digits

if TYPE_CHECKING:
    from iomstrat.core.ledger import LedgerView
    from iomstrat.loader.payments import Payment


def _row(p: Payment, locale: str) -> str:
    """A row as read: its date, line, amount and currency, voucher, and stated rate."""
    shown = [p.date.isoformat(), p.line, digits(p.amount, locale), p.currency, p.voucher]
    if p.exchange_rate is not None:
        shown.append(word("inspect.rate", locale).format(digits(p.exchange_rate, locale)))
    return "  " + word("inspect.row", locale).format(p.row, " ".join(shown))


def render_inspection(view: LedgerView, locale: str = "en") -> str:
    out = [word("inspect.ledger", locale).format(view.path)]
    found = view.inspection
    if found is not None:
        out.append(word("inspect.dialect", locale).format(dialect_words(found, locale)))
        out.append(
            word("inspect.header", locale).format(", ".join(f"'{h}'" for h in found.header[:20]))
        )
        mapped = ", ".join(f"{f} <- '{h}'" for f, h in found.columns.items())
        out.append(
            word("inspect.columns", locale).format(mapped or word("inspect.none_matched", locale))
        )
        if found.missing:
            out.append(word("inspect.missing", locale).format(", ".join(found.missing)))
        if found.accounts:
            out.append(word("inspect.accounts", locale).format(", ".join(found.accounts)))
    if view.rows:
        out.append(word("inspect.rows", locale))
        out += [_row(p, locale) for p in view.rows]
    if view.problems:
        out.append(word("inspect.problems", locale))
        out += ["  " + finding_line(d, locale) for d in view.problems]
    if view.entry:
        base = view.relative_to or word("inspect.working_folder", locale)
        out.append(word("inspect.entry", locale).format(base))
        out.append(f"  - {entry(view.entry, locale)}")
    return "\n".join(out) + "\n"
