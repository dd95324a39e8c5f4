"""`iomstrat init`: write a new strategy file from options; never overwrites."""

from __future__ import annotations

import sys

import typer

from iomstrat.cli.common import LOCALE_OPTION, Locale, fail, state
from iomstrat.findings import usage
from iomstrat.model.kinds import LINE_KINDS

LINE_HELP = (
    "A budget line (repeat for each); KIND is any lower-case identifier, e.g. "
    f"{', '.join(LINE_KINDS)}; AMOUNT is one figure for every year or one per year separated "
    "by '/' (48/48/50/50), decimals with a point (47.5: a comma is refused)."
)
SUMMARY = "Write a new strategy file that validates."
"""The command's line in the list of commands (whole: not its help cut short)."""
EPILOG = (
    "Example: iomstrat init unhcr.yaml --organisation 'Office of the UN High Commissioner for "
    "Refugees' --acronym UNHCR --organisation-iati XM-DAC-41121 --donor-iati XM-DAC-3-1 "
    "--file-no 2023-12345 --responsible-unit HMC --desk-officer 'Jane Doe' --start 2024 "
    "--end 2027 --finance-act-code '§06.32.10.16' --line 'core:Core funding:core:100' "
    "--line 'relief:Syria crisis:humanitarian:20/20/25/25' --commitment 120/120/125/125 "
    "--commitment-total 490 --focus 'Western Asia'. Then: iomstrat validate unhcr.yaml. "
    "Exit codes: 0 written; 2 cannot run (bad options, a file that would not validate, or the "
    "file exists)."
)
FIGURES = "FIGURES"
FIGURES_HELP = "one figure for every year or one per year separated by '/', as printed"


def command(
    path: str = typer.Argument(..., metavar="PATH", help="The new file ('-' prints it)."),
    organisation: str = typer.Option(..., "--organisation", help="Full name of the organisation."),
    acronym: str = typer.Option(None, "--acronym", help="Short name, e.g. IOM."),
    organisation_iati: str = typer.Option(
        None, "--organisation-iati", metavar="ID", help="IATI id, e.g. XM-DAC-47066 (IOM)."
    ),
    start: int = typer.Option(..., "--start", help="First year of the strategy."),
    end: int = typer.Option(..., "--end", help="Last year of the strategy."),
    lines: list[str] = typer.Option(
        ...,
        "--line",
        metavar="ID:NAME:KIND:AMOUNT",
        help=LINE_HELP,
    ),
    finance_act_code: str = typer.Option(
        ..., "--finance-act-code", metavar="CODE", help="Finance Act code, e.g. §06.32.10.14."
    ),
    currency: str = typer.Option("DKK", "--currency", help="ISO 4217 currency code."),
    unit: str = typer.Option("million", "--unit", help="million, thousand or kroner."),
    title: str = typer.Option(None, "--title", help="Title of the strategy."),
    file_no: str = typer.Option(None, "--file-no", help="The ministry's file number."),
    responsible_unit: str = typer.Option(
        None, "--responsible-unit", metavar="UNIT", help="Unit responsible for the strategy."
    ),
    desk_officer: str = typer.Option(
        None, "--desk-officer", metavar="NAME", help="Desk officer named on the cover."
    ),
    financial_officer: str = typer.Option(
        None, "--financial-officer", metavar="NAME", help="Financial officer on the cover."
    ),
    donor: str = typer.Option(
        None,
        "--donor",
        metavar="NAME",
        help="The donor (with --donor-acronym or --donor-iati: default Ministry of Foreign "
        "Affairs of Denmark).",
    ),
    donor_acronym: str = typer.Option(
        None, "--donor-acronym", metavar="ACRONYM", help="The donor's short name, e.g. MFA."
    ),
    donor_iati: str = typer.Option(
        None, "--donor-iati", metavar="ID", help="The donor's IATI id, e.g. XM-DAC-3-1."
    ),
    commitment: str = typer.Option(
        None, "--commitment", metavar=FIGURES, help=f"Cover table: Commitment, {FIGURES_HELP}."
    ),
    commitment_total: str = typer.Option(
        None, "--commitment-total", metavar="FIGURE", help="Cover table: the printed total."
    ),
    projected: str = typer.Option(
        None,
        "--projected-disbursement",
        metavar=FIGURES,
        help=f"Cover table: Projected annual disbursement, {FIGURES_HELP}.",
    ),
    projected_total: str = typer.Option(
        None,
        "--projected-disbursement-total",
        metavar="FIGURE",
        help="Cover table: the printed total.",
    ),
    focus: list[str] = typer.Option(
        [],
        "--focus",
        metavar="PLACE",
        help="Geographic focus: a continent, UN region, named region or country (repeat).",
    ),
    errata: list[str] = typer.Option(
        [],
        "--erratum",
        metavar="PATH:REASON",
        help="A figure the document misprints, by data path, e.g. "
        "'cover.commitment.total:printed 2.055; 5 x 510 = 2.550' (repeat).",
    ),
    schema: str = typer.Option(
        None,
        "--schema",
        metavar="PATH-OR-URL",
        help="The JSON Schema editors check the file with (default: the nearest "
        "schema/strategy.schema.json at or above PATH inside its repository, else where "
        "'iomstrat schema --output' would write it at the repository's top).",
    ),
    language: Locale = LOCALE_OPTION,  # of its usage errors; the file's comments are English
) -> None:
    """Write a new strategy file that validates: organisation and donor, cover facts, period,
    budget lines, a total of all lines, the cover table as printed, the geographic focus, every
    year planned (awaiting its Finance Act)."""
    # The core is imported here, not above: other commands, `--help` and `--version` need none.
    from iomstrat.core.init import (
        NewStrategy,
        ScaffoldError,
        cover_row,
        parse_erratum,
        parse_line,
        strategy_text,
    )

    try:
        spec = NewStrategy(
            organisation=organisation,
            acronym=acronym,
            start=start,
            end=end,
            lines=tuple(parse_line(line) for line in lines),
            finance_act_code=finance_act_code,
            currency=currency,
            unit=unit,
            title=title,
            organisation_iati=organisation_iati,
            donor=donor,
            donor_acronym=donor_acronym,
            donor_iati=donor_iati,
            file_no=file_no,
            responsible_unit=responsible_unit,
            desk_officer=desk_officer,
            financial_officer=financial_officer,
            commitment=cover_row("--commitment", commitment, commitment_total),
            projected_disbursement=cover_row(
                "--projected-disbursement", projected, projected_total
            ),
            geographic_focus=tuple(focus),
            errata=tuple(parse_erratum(text) for text in errata),
            schema=schema,
        )
        text = strategy_text(spec, file_name=path)
    except ScaffoldError as error:
        if error.finding is None:
            fail(error.usage)
        else:
            from iomstrat.render.diagnostics import message
            from iomstrat.render.usage import usage_text

            hint = "" if error.hint is None else usage_text(error.hint, state.locale)
            said = usage_text(error.usage, state.locale)
            fail(f"{said}: {message(error.finding, state.locale)}{hint}")
        return
    if path == "-":
        sys.stdout.write(text)
        return
    try:
        # "x": refuse to overwrite, atomically, even if the file appears meanwhile.
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        fail(usage("init.exists", path=path))
    except OSError as error:
        fail(usage("cannot_write", output=path, reason=error.strerror or str(error)))
    from iomstrat.render.usage import usage_text

    sys.stderr.write(usage_text(usage("init.wrote", path=path), state.locale) + "\n")
