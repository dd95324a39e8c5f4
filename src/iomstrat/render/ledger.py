"""`iomstrat ledger inspect` as text: what iomstrat reads in a ledger, and the entry to paste."""

from __future__ import annotations

from typing import TYPE_CHECKING

from iomstrat.render.diagnostics import line as finding_line
from iomstrat.render.ledger_words import dialect_words

if TYPE_CHECKING:
    from iomstrat.core.ledger import LedgerView


def render_inspection(view: LedgerView) -> str:
    out = [f"ledger: {view.path}"]
    found = view.inspection
    if found is not None:
        out.append(f"dialect: {dialect_words(found)}")
        out.append("header: " + ", ".join(f"'{h}'" for h in found.header[:20]))
        mapped = ", ".join(f"{f} <- '{h}'" for f, h in found.columns.items())
        out.append(f"columns: {mapped or 'none matched'}")
        if found.missing:
            out.append(f"columns it needs: {', '.join(found.missing)}")
        if found.accounts:
            out.append("account values to map to line ids: " + ", ".join(found.accounts))
    if view.rows:
        out.append("first rows read:")
        out += [
            f"  line {p.row}: {p.date.isoformat()} {p.line} {p.amount} {p.currency} "
            f"{p.voucher}" + (f" rate {p.exchange_rate}" if p.exchange_rate is not None else "")
            for p in view.rows
        ]
    if view.problems:
        out.append("first problems:")
        out += ["  " + finding_line(d) for d in view.problems]
    if view.entry:
        base = view.relative_to or "the working folder"
        out.append(f"ledgers: entry (path relative to {base}):")
        out.append(f"  - {view.entry}")
    return "\n".join(out) + "\n"
