"""The registry of strategy checks: small pure functions with stable codes, one module per code
family, kept in a tuple built fresh per call. Table files have their own registry in
`checks.annex`, loaded only for them."""

from __future__ import annotations

from iomstrat.checks import (
    allocations,
    approvals,
    budget_lines,
    currencies,
    dialogue,
    errata,
    payments,
    schedule,
    statements,
    totals,
    versions,
)
from iomstrat.checks.context import Check, Context
from iomstrat.findings import Diagnostic


def transcription_checks() -> tuple[Check, ...]:
    """Checks of the file as it transcribes its document: ids, codes, years, figures, sums,
    errata, the record of later versions and the document's statements. With versions
    recorded they judge the file as written, so that no figure a later version replaces hides
    a fault of the transcription."""
    return (
        budget_lines.check_line_ids,
        budget_lines.check_finance_act_codes,
        budget_lines.check_years,
        budget_lines.check_amounts,
        totals.check_budget_totals,
        totals.check_cover,
        errata.check_strategy_errata,
        versions.check_versions,
        # The document's own statements speak of the version they are printed in.
        statements.check_statements,
        statements.check_output_outcomes,
        statements.check_assumptions,
    )


def figure_checks() -> tuple[Check, ...]:
    """Checks of the figures in force (the latest version's) and what is done with them:
    approvals, payments, allocations, the schedule."""
    return (
        approvals.check_approvals,
        approvals.check_decision_dates,
        approvals.check_approval_dates,
        currencies.check_currencies,
        currencies.check_stated_rates,
        payments.check_payment_lines,
        payments.check_payments_approved,
        payments.check_payment_dates,
        payments.check_line_limits,
        allocations.check_dialogue_payments,
        allocations.check_allocation_amounts,
        allocations.check_allocation_places,
        allocations.check_result_codes,
        allocations.check_dialogue_gaps,
        dialogue.check_allocation_periods,
        dialogue.check_dialogue_overdue,
        payments.check_years,
        payments.check_refunds,
        payments.check_vouchers,
        schedule.check_schedule,
        schedule.check_forecast,
    )


def strategy_checks() -> tuple[Check, ...]:
    """Every check of a strategy file, in reporting order; a fresh tuple per call."""
    return transcription_checks() + figure_checks()


def check_versions_in_force(written: Context, latest: Context) -> list[Diagnostic]:
    """A file with later versions: its transcription judged as written, the figures in force
    as the latest version has them, and the cover again as that version prints it."""
    found = run_checks(written, transcription_checks())
    # A place the transcription already reports is not reported again for the version.
    places = {(d.line, d.column, d.code) for d in found}
    found += [d for d in totals.check_cover(latest) if (d.line, d.column, d.code) not in places]
    return found + run_checks(latest, figure_checks())


def run_checks(ctx: Context, checks: tuple[Check, ...] | None = None) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for check in checks if checks is not None else strategy_checks():
        found += check(ctx)
    return found
