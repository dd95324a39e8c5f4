"""Why a command cannot run, and what an export left out, in English and Danish: a template per
`findings.Usage` key over the values it quotes. The command line prints them on stderr."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from iomstrat.findings import Usage


class Words(NamedTuple):
    en: str
    da: str


USAGE: Mapping[str, Words] = {
    "table_given": Words(
        "{file}: a table file (top-level `table:`), not a strategy; `iomstrat {command}` reads "
        "strategies: show the table with `iomstrat table show {file}`",
        "{file}: en tabelfil (`table:` øverst), ikke en strategi; `iomstrat {command}` læser "
        "strategier: vis tabellen med `iomstrat table show {file}`",
    ),
    "strategy_given": Words(
        "{file}: is a strategy file, not a table; try 'iomstrat budget show'",
        "{file}: er en strategifil, ikke en tabel; prøv 'iomstrat budget show'",
    ),
    "ledger_one": Words(
        "--ledger needs exactly one strategy file", "--ledger kræver præcis én strategifil"
    ),
    "unknown_view": Words(
        "unknown view '{view}'; one of {views}", "ukendt visning '{view}'; vælg en af {views}"
    ),
    "unknown_unit": Words(
        "unknown unit '{unit}'; choose one of {units}", "ukendt enhed '{unit}'; vælg en af {units}"
    ),
    "unknown_currency": Words(
        "currency '{currency}' has no ECB reference rate (e.g. DKK, USD)",
        "valutaen '{currency}' har ingen ECB-referencekurs (fx DKK, USD)",
    ),
    "no_rate": Words(
        "{file}: no ECB reference rate from {source} to {target}",
        "{file}: ingen ECB-referencekurs fra {source} til {target}",
    ),
    "portfolio_no_rate": Words(
        "portfolio: no ECB reference rate from {source} to {target}",
        "porteføljen: ingen ECB-referencekurs fra {source} til {target}",
    ),
    "is_input": Words(
        "{output}: is an input ({clash}); choose another --output, nothing was written",
        "{output}: er en inddatafil ({clash}); vælg en anden --output, intet er skrevet",
    ),
    "cannot_write": Words(
        "{output}: cannot write: {reason}", "{output}: kan ikke skrives: {reason}"
    ),
    "output_not_regular": Words(
        "{output}: is not a regular file (a device, a FIFO or a socket) and is not replaced by "
        "one; give a file, or - for standard output; nothing was written",
        "{output}: er ikke en almindelig fil (en enhed, en FIFO eller en sokkel) og erstattes "
        "ikke af en; angiv en fil, eller - for standardoutput; intet er skrevet",
    ),
    "needs_file": Words(
        "--format {format} writes a file: give --output FILE",
        "--format {format} skriver en fil: angiv --output FIL",
    ),
    "extra": Words(
        "this needs the optional '{extra}' part ({modules} not installed): "
        "pip install 'iomstrat[{extra}]'",
        "dette kræver den valgfrie del '{extra}' ({modules} er ikke installeret): "
        "pip install 'iomstrat[{extra}]'",
    ),
    "reconcile_identifiers": Words(
        "{file}: reconcile needs the IATI identifiers of the donor and the organisation "
        "(strategy.donor.iati_identifier, strategy.organisation.iati_identifier)",
        "{file}: reconcile kræver donorens og organisationens IATI-identifikatorer "
        "(strategy.donor.iati_identifier, strategy.organisation.iati_identifier)",
    ),
    "diff_currency": Words(
        "the old version is in {old}, the new one in {new}: figures in two currencies are not "
        "compared (every figure changes its meaning); diff versions in one currency",
        "den gamle version er i {old}, den nye i {new}: tal i to valutaer sammenlignes ikke "
        "(hvert tal skifter betydning); sammenlign versioner i én valuta",
    ),
    "rev_one": Words("with --rev give at most one PATH", "med --rev angives højst én PATH"),
    "two_files": Words(
        "give two files, OLD and NEW, or --rev GIT_REV [PATH]",
        "angiv to filer, OLD og NEW, eller --rev GIT_REV [PATH]",
    ),
    "git_not_revision": Words(
        "{file}: '{rev}' is not a git revision", "{file}: '{rev}' er ikke en git-revision"
    ),
    "git_unknown": Words(
        "{file}: '{rev}' is not a revision of this repository",
        "{file}: '{rev}' er ikke en revision i dette repository",
    ),
    "git_range": Words(
        "{file}: '{rev}' is not a revision of this repository (a range such as A..B is not "
        "one: name one commit)",
        "{file}: '{rev}' er ikke en revision i dette repository (et interval som A..B er ikke "
        "en: angiv én commit)",
    ),
    "git_missing": Words("{file}: git is not installed", "{file}: git er ikke installeret"),
    "git_failed": Words(
        "{file}: git could not run: {reason}", "{file}: git kunne ikke køre: {reason}"
    ),
    "git_exit": Words("{file}: git exited {status}", "{file}: git sluttede med {status}"),
    "git_said": Words("{file}: {reason}", "{file}: {reason}"),
    "reconcile_one": Words("reconcile takes one strategy file", "reconcile tager én strategifil"),
    "empty_folder": Words(
        "{folder}: no YAML file in this folder or its subfolders; give the folder or files of "
        "your strategies (*.yaml), or write one with `iomstrat init`",
        "{folder}: ingen YAML-fil i denne mappe eller dens undermapper; angiv mappen med "
        "strategierne eller deres filer (*.yaml), eller skriv en med `iomstrat init`",
    ),
    "missing_identifier": Words(
        "missing {field} (e.g. {example} for {whose})",
        "mangler {field} (fx {example} for {whose})",
    ),
    "hledger_year": Words(
        "approval of year {year} is not a calendar year; left out",
        "bevillingen for året {year} er ikke et kalenderår; udeladt",
    ),
    "hledger_no_rate": Words(
        "disbursement of {amount} {currency} on {date} (line {line}, voucher {voucher}) has no "
        "rate to {target}; left out",
        "udbetalingen på {amount} {currency} den {date} (linje {line}, bilag {voucher}) har "
        "ingen kurs til {target}; udeladt",
    ),
    "hledger_payment_year": Words(
        "disbursement on {date} (line {line}, voucher {voucher}) has appropriation year {year}; "
        "left out",
        "udbetalingen den {date} (linje {line}, bilag {voucher}) har bevillingsåret {year}; "
        "udeladt",
    ),
    # `iomstrat init`: an option that cannot make a valid strategy
    "init.what": Words("{option} '{text}'", "{option} '{text}'"),
    "init.what_line": Words(
        "--line '{text}': amount '{amounts}'", "--line '{text}': beløb '{amounts}'"
    ),
    "init.decimal_comma": Words(
        "{what}: a comma is neither a decimal point nor a separator here; write {point} for "
        "{comma}, and separate the years' figures with '/' (48/48/50/50)",
        "{what}: et komma er hverken decimaltegn eller skilletegn her; skriv {point} for "
        "{comma}, og adskil årenes tal med '/' (48/48/50/50)",
    ),
    "init.comma": Words(
        "{what}: a comma is neither a decimal point nor a separator here; write decimals with "
        "a point (47.5), and separate the years' figures with '/' (48/48/50/50)",
        "{what}: et komma er hverken decimaltegn eller skilletegn her; skriv decimaler med "
        "punktum (47.5), og adskil årenes tal med '/' (48/48/50/50)",
    ),
    "init.not_a_number": Words(
        "{what}: '{figure}' is not a number; write digits with '.' for decimals, the years' "
        "figures separated by '/' (48/48/50/50)",
        "{what}: '{figure}' er ikke et tal; skriv cifre med '.' som decimaltegn og årenes tal "
        "adskilt med '/' (48/48/50/50)",
    ),
    "init.erratum_form": Words(
        "--erratum '{text}': expected PATH:REASON", "--erratum '{text}': forventet STI:GRUND"
    ),
    "init.erratum_path": Words(
        "--erratum '{at}': names no figure of the new file; write a data path such as "
        "cover.commitment.total or budget.lines[0].amounts[2024]",
        "--erratum '{at}': nævner intet tal i den nye fil; skriv en datasti som "
        "cover.commitment.total eller budget.lines[0].amounts[2024]",
    ),
    "init.erratum_hint": Words(
        "; here: --erratum '{path}:REASON'", "; her: --erratum '{path}:GRUND'"
    ),
    "init.line_form": Words(
        "--line '{text}': expected id:name:kind:amount",
        "--line '{text}': forventet id:navn:art:beløb",
    ),
    "init.line_id": Words(
        "--line '{text}': id '{value}' must be lower case letters, digits and _, starting "
        "with a letter",
        "--line '{text}': id '{value}' skal være små bogstaver, cifre og _ og begynde med et "
        "bogstav",
    ),
    "init.line_kind": Words(
        "--line '{text}': kind '{value}' must be lower case letters, digits and _, starting "
        "with a letter (e.g. {kinds})",
        "--line '{text}': arten '{value}' skal være små bogstaver, cifre og _ og begynde med "
        "et bogstav (fx {kinds})",
    ),
    "init.line_name": Words(
        "--line '{text}': the name is empty", "--line '{text}': navnet er tomt"
    ),
    "init.line_ids": Words(
        "--line ids must be unique; given: {ids}", "--line-id'er skal være entydige; givet: {ids}"
    ),
    "init.no_line": Words(
        "give at least one --line id:name:kind:amount",
        "angiv mindst én --line id:navn:art:beløb",
    ),
    "init.total_alone": Words(
        "{option}-total needs {option} (the figures by year)",
        "{option}-total kræver {option} (tallene pr. år)",
    ),
    "init.total_one": Words(
        "{option}-total: one figure, the period's total as printed",
        "{option}-total: ét tal, periodens total som trykt",
    ),
    "init.one_line": Words(
        "{option} must be text on one line", "{option} skal være tekst på én linje"
    ),
    "init.period": Words(
        "period {start}-{end}: start must not be after end, both within 1900-2200",
        "perioden {start}-{end}: start må ikke ligge efter slut, begge inden for 1900-2200",
    ),
    "init.currency": Words(
        "--currency '{currency}' is not an ISO 4217 code",
        "--currency '{currency}' er ikke en ISO 4217-kode",
    ),
    "init.unit": Words(
        "--unit '{unit}' is not one of {units}", "--unit '{unit}' er ikke en af {units}"
    ),
    "init.finance_act_code": Words(
        "--finance-act-code '{code}' is not of the form §NN.NN.NN.NN (e.g. §06.32.10.14)",
        "--finance-act-code '{code}' har ikke formen §NN.NN.NN.NN (fx §06.32.10.14)",
    ),
    "init.amounts": Words(
        "{what}: {count} amounts for {years} years ({start}-{end}); give one, or one per year",
        "{what}: {count} beløb for {years} år ({start}-{end}); angiv ét eller ét pr. år",
    ),
    "init.exists": Words(
        "{path}: exists; iomstrat init does not overwrite (choose another PATH)",
        "{path}: findes allerede; iomstrat init overskriver ikke (vælg en anden PATH)",
    ),
    "init.wrote": Words(
        "wrote {path}; check it with: iomstrat validate {path}",
        "skrev {path}; kontrollér den med: iomstrat validate {path}",
    ),
    "init.invalid": Words("the new file would not validate", "den nye fil ville ikke validere"),
    "not_a_date": Words(
        "{option} '{text}' is not a date (YYYY-MM-DD)",
        "{option} '{text}' er ikke en dato (ÅÅÅÅ-MM-DD)",
    ),
    # the command line's own errors, which click detects (its words quoted where it gives them)
    "line.missing": Words(
        "missing {kind} {name}; see '{command} --help'",
        "mangler {kind} {name}; se '{command} --help'",
    ),
    "line.no_such_option": Words(
        "no such option {name}; see '{command} --help'",
        "intet tilvalg {name}; se '{command} --help'",
    ),
    "line.no_such_option_near": Words(
        "no such option {name}; did you mean {near}? See '{command} --help'",
        "intet tilvalg {name}; mente du {near}? Se '{command} --help'",
    ),
    "line.not_one_of": Words(
        "invalid value for {name}: '{value}' is not one of {choices}; see '{command} --help'",
        "ugyldig værdi for {name}: '{value}' er ikke en af {choices}; se '{command} --help'",
    ),
    "line.not_whole": Words(
        "invalid value for {name}: '{value}' is not a whole number; see '{command} --help'",
        "ugyldig værdi for {name}: '{value}' er ikke et helt tal; se '{command} --help'",
    ),
    "line.bad_value": Words(
        "invalid value for {name}: {detail}; see '{command} --help'",
        "ugyldig værdi for {name}: {detail}; se '{command} --help'",
    ),
    "line.needs_value": Words(
        "option {name} needs a value; see '{command} --help'",
        "tilvalget {name} skal have en værdi; se '{command} --help'",
    ),
    "line.takes_no_value": Words(
        "option {name} takes no value; see '{command} --help'",
        "tilvalget {name} tager ingen værdi; se '{command} --help'",
    ),
    "line.no_such_command": Words(
        "no such command {name}; see '{command} --help'",
        "ingen kommando {name}; se '{command} --help'",
    ),
    "line.extra": Words(
        "not understood: {words}; see '{command} --help'",
        "ikke forstået: {words}; se '{command} --help'",
    ),
    "line.other": Words(
        "{detail}; see '{command} --help'", "forkert brug: {detail}; se '{command} --help'"
    ),
}
"""Usage key -> its sentence in both languages (a test holds them to the same values)."""

_WHOSE: Mapping[str, Words] = {
    "donor": Words("Denmark's MFA", "Udenrigsministeriet"),
    "organisation": Words("IOM", "IOM"),
}
_KINDS: Mapping[str, Words] = {
    "option": Words("option", "tilvalget"),
    "argument": Words("argument", "argumentet"),
}
"""What a command line lacks (`line.missing`)."""


def _shown(name: str, value: Any, locale: str) -> str:
    if name in ("whose", "kind"):
        words = (_WHOSE if name == "whose" else _KINDS)[value]
        return words.da if locale == "da" else words.en
    if isinstance(value, Usage):  # a part worded in its own right (`init`'s option and text)
        return usage_text(value, locale)
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return str(value)


def usage_text(problem: Usage | str, locale: str = "en") -> str:
    """A usage problem in `locale` (a plain text, from a tool outside ours, as it is)."""
    if isinstance(problem, str):
        return problem
    words = USAGE[problem.key]
    template = words.da if locale == "da" else words.en
    return template.format(**{n: _shown(n, v, locale) for n, v in problem.values})
