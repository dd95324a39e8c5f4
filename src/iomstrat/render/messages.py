"""Each finding's message in English and Danish: a template per code (and kind) over the values
its findings carry, as `codes.py` names them. Only here are findings worded; numbers, money,
dates and the file's keys are formatted by the locale (babel).

A template names values in braces: `{year}`, `{stated}`. A value is formatted by its name where
the name says what it is (`terms`, `at`, `difference`, `unit`, `cover`, `field`, `status`), else
by its type: Money and Decimal by the locale's digits, a date as the file writes it, a list as
a list, a `Phrase` from `PHRASES` below.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from string import Formatter
from typing import Any, NamedTuple

from iomstrat.codes import message_key
from iomstrat.codes import values as catalogued
from iomstrat.findings import Diagnostic, Money, Phrase
from iomstrat.model.base import Named, Unnamed
from iomstrat.render import ledger_words, statement_words
from iomstrat.render.numbers import digits
from iomstrat.render.words import column


class Message(NamedTuple):
    en: str
    da: str


_SUM_EN = "{subject}: stated {stated}, computed {computed} ({terms}); differs by {difference}"
_SUM_DA = "{subject}: angivet {stated}, beregnet {computed} ({terms}); afviger med {difference}"
_GROWTH_EN = (
    "growth in {column}: printed {printed}%, computed {computed}% from the column totals "
    "{before} -> {now} (rounds to {rounded}%)"
)
_GROWTH_DA = (
    "vækst i {column}: trykt {printed} %, beregnet {computed} % ud fra kolonnesummerne "
    "{before} -> {now} (afrundet {rounded} %)"
)
_ERRATA_EN = " as findings print it, e.g. {example}"
_TOO_MUCH_EN = ", more than rounding explains (±{tolerance})"
_TOO_MUCH_DA = ", mere end afrundingen kan forklare (±{tolerance})"
_ACKNOWLEDGE_EN = "; if the source prints it so, acknowledge it under `errata:` at {at}"
_ACKNOWLEDGE_DA = "; står det sådan i kilden, så anerkend det under `errata:` ved {at}"

_TYPES_EN = (
    ": IATI reports each contribution's flow, finance and aid type (OECD DAC codes, e.g. "
    "flow_type 10 ODA, finance_type 110 standard grant, aid_type B02 core contribution)"
)
_TYPES_DA = (
    ": IATI angiver hvert bidrags flow-, finansierings- og bistandstype (OECD DAC-koder, fx "
    "flow_type 10 ODA, finance_type 110 almindelig gave, aid_type B02 kernebidrag)"
)
_PLACE_EN = "; its share is reported under iati.recipient_region or recipient_country"
_PLACE_DA = "; dens andel angives under iati.recipient_region eller recipient_country"
_SWAPPED_EN = (
    ". It is the other way round: {swapped} sends the reader to {swapped_to} for what is in "
    "{refers_to}"
)
_SWAPPED_DA = (
    ". Det er omvendt: {swapped} henviser læseren til {swapped_to} angående det, der står i "
    "{refers_to}"
)
_UNRESOLVED_EN = "statement '{id}' "
_UNRESOLVED_DA = "udsagnet '{id}' "
_UNCHECKED_EN = "; it is not checked"
_UNCHECKED_DA = "; det kontrolleres ikke"
_TABLE_UNCHECKED_EN = "; validate it for the details. Statements about it are not checked"
_TABLE_UNCHECKED_DA = (
    "; kontrollér den med `iomstrat validate` for detaljerne. Udsagn om den kontrolleres ikke"
)

MESSAGES: Mapping[str, Message] = {
    # Reading the file (IOM001-IOM012): what the loader found, worded here
    "IOM001.stdin_too_large": Message(
        "standard input is larger than the limit of {max_bytes}",
        "standardinput er større end grænsen på {max_bytes}",
    ),
    "IOM001.too_large": Message(
        "file is {size}, larger than the limit of {max_bytes}",
        "filen er {size}, større end grænsen på {max_bytes}",
    ),
    "IOM001.input_too_large": Message(
        "input is {size}, larger than the limit of {max_bytes}",
        "inddata er {size}, større end grænsen på {max_bytes}",
    ),
    "IOM001.grew": Message(
        "file is larger than the limit of {max_bytes}",
        "filen er større end grænsen på {max_bytes}",
    ),
    "IOM001.directory": Message(
        "is a directory, not a file",
        "er en mappe, ikke en fil",
    ),
    "IOM001.not_regular": Message(
        "is {is_a}, not a regular file",
        "er {is_a}, ikke en almindelig fil",
    ),
    "IOM001.broken_link": Message(
        "symbolic link to a file that does not exist",
        "symbolsk link til en fil, der ikke findes",
    ),
    "IOM001.missing": Message(
        "no such file",
        "filen findes ikke",
    ),
    "IOM001.permission": Message(
        "permission denied",
        "adgang nægtet",
    ),
    "IOM001.loop": Message(
        "symbolic link loop",
        "symbolske links i en løkke",
    ),
    "IOM001.iati_directory": Message(
        "cannot read the IATI file: a folder", "IATI-filen kan ikke læses: en mappe"
    ),
    "IOM001.iati_not_regular": Message(
        "cannot read the IATI file: not a regular file (a FIFO, a device, a socket)",
        "IATI-filen kan ikke læses: ikke en almindelig fil (en FIFO, en enhed, en sokkel)",
    ),
    "IOM001.iati_missing": Message(
        "cannot read the IATI file: not found", "IATI-filen kan ikke læses: findes ikke"
    ),
    "IOM001.os_error": Message(
        "cannot read: {reason}",
        "kan ikke læses: {reason}",
    ),
    "IOM002.gzip": Message(
        "binary content (gzip-compressed data), not a YAML text file",
        "binært indhold (gzip-komprimerede data), ikke en YAML-tekstfil",
    ),
    "IOM002.utf32": Message(
        "UTF-32 text is not supported; save the file as UTF-8",
        "UTF-32-tekst understøttes ikke; gem filen som UTF-8",
    ),
    "IOM002.utf16_no_bom": Message(
        "UTF-16 text without a byte-order mark; save the file as UTF-8",
        "UTF-16-tekst uden byte-order mark; gem filen som UTF-8",
    ),
    "IOM002.utf16_invalid": Message(
        "invalid UTF-16 text",
        "ugyldig UTF-16-tekst",
    ),
    "IOM002.utf8_invalid": Message(
        "invalid UTF-8 byte; save the file as UTF-8",
        "ugyldig UTF-8-byte; gem filen som UTF-8",
    ),
    "IOM002.nul": Message(
        "NUL byte in text; binary or corrupted file",
        "NUL-byte i teksten; binær eller beskadiget fil",
    ),
    "IOM002.control": Message(
        "control character {codepoint} in text; binary or corrupted file",
        "styretegnet {codepoint} i teksten; binær eller beskadiget fil",
    ),
    "IOM002.bom_inside": Message(
        "byte-order mark (U+FEFF) inside the text; were files joined?",
        "byte-order mark (U+FEFF) inde i teksten; er filer sat sammen?",
    ),
    "IOM002.yaml_character": Message(
        "character {codepoint} is not allowed in YAML text",
        "tegnet {codepoint} er ikke tilladt i YAML-tekst",
    ),
    "IOM003.syntax": Message(
        "YAML syntax: {problem}",
        "YAML-syntaks: {problem}",
    ),
    "IOM003.syntax_tab": Message(
        "YAML syntax: {problem}; a tab character: indent with spaces",
        "YAML-syntaks: {problem}; et tabulatortegn: indryk med mellemrum",
    ),
    "IOM003.syntax_quote": Message(
        "YAML syntax: {problem}; a quote opened on line {opened} may not be closed",
        "YAML-syntaks: {problem}; et anførselstegn åbnet på linje {opened} er måske ikke lukket",
    ),
    "IOM003.yaml": Message(
        "YAML: {problem}",
        "YAML: {problem}",
    ),
    "IOM003.unknown_alias": Message(
        "unknown alias *{alias}",
        "ukendt alias *{alias}",
    ),
    "IOM003.collection_key": Message(
        "a mapping or list cannot be a key",
        "en samling af nøgler og værdier eller en liste kan ikke være en nøgle",
    ),
    "IOM003.merge": Message(
        "a merge key '<<' takes a mapping or list of mappings",
        "en fletnøgle '<<' tager en samling af nøgler og værdier eller en liste af dem",
    ),
    "IOM004": Message(
        "duplicate key '{text}' first given on line {first}; a key may appear once",
        "nøglen '{text}' står to gange, første gang på linje {first}; en nøgle må kun stå én gang",
    ),
    "IOM005.not_boolean": Message(
        "'{text}' is not true or false",
        "'{text}' er hverken true eller false",
    ),
    "IOM005.yaml11_boolean": Message(
        "'{text}' means true/false to some YAML readers and text to others; write \"{text}\" in "
        "quotes for text, or true/false",
        "'{text}' betyder true/false for nogle YAML-læsere og tekst for andre; skriv \"{text}\" i "
        "anførselstegn for tekst, ellers true/false",
    ),
    "IOM005.point_once": Message(
        "'{text}' is read as {text} with a decimal point; if the point groups thousands, write "
        "{meant}",
        "'{text}' læses som {text} med decimalpunktum; skiller punktummet tusinder, så skriv "
        "{meant}",
    ),
    "IOM005.leading_zero": Message(
        "'{text}' has a leading zero, which some YAML readers take as octal; write it in quotes "
        "if it is a code, or without the zero if it is a number",
        "'{text}' har et foranstillet nul, som nogle YAML-læsere læser som oktalt; skriv det i "
        "anførselstegn, hvis det er en kode, eller uden nullet, hvis det er et tal",
    ),
    "IOM005.bad_date": Message(
        "'{text}' is not a valid date",
        "'{text}' er ikke en gyldig dato",
    ),
    "IOM005.not_number": Message(
        "'{text}' is not a number",
        "'{text}' er ikke et tal",
    ),
    "IOM005.split_thousands": Message(
        "'{text}' reads as two values, split at the comma; write {meant} without thousands "
        "separators (or {decimal} if the comma is a decimal comma)",
        "'{text}' læses som to værdier, delt ved kommaet; skriv {meant} uden tusindtalsskilletegn "
        "(eller {decimal}, hvis kommaet er et decimalkomma)",
    ),
    "IOM005.split_decimal": Message(
        "'{text}' reads as two values, split at the comma; write {meant} (a decimal point, not a "
        "comma)",
        "'{text}' læses som to værdier, delt ved kommaet; skriv {meant} (decimalpunktum, ikke "
        "komma)",
    ),
    "IOM005.comma_thousands": Message(
        "'{text}' is not a number; write {meant} without thousands separators (or {decimal} if "
        "the comma is a decimal comma)",
        "'{text}' er ikke et tal; skriv {meant} uden tusindtalsskilletegn (eller {decimal}, hvis "
        "kommaet er et decimalkomma)",
    ),
    "IOM005.comma_decimal": Message(
        "'{text}' is not a number; write {meant} (a decimal point, not a comma)",
        "'{text}' er ikke et tal; skriv {meant} (decimalpunktum, ikke komma)",
    ),
    "IOM005.comma_groups": Message(
        "'{text}' groups thousands with commas; write {meant}",
        "'{text}' skiller tusinder med kommaer; skriv {meant}",
    ),
    "IOM005.point_groups": Message(
        "'{text}' groups thousands with points; write {meant}",
        "'{text}' skiller tusinder med punktummer; skriv {meant}",
    ),
    "IOM005.day_month_year": Message(
        "'{text}' is a date written day-month-year; write {meant} (year-month-day)",
        "'{text}' er en dato skrevet dag-måned-år; skriv {meant} (år-måned-dag)",
    ),
    "IOM006": Message(
        "tag {tag} is not allowed; strategy files use plain YAML values",
        "mærket (tag) {tag} er ikke tilladt; strategifiler bruger almindelige YAML-værdier",
    ),
    "IOM007.bomb": Message(
        "aliases repeat more than {most} nodes (an alias bomb?); write the values out",
        "aliaser gentager mere end {most} værdier (en aliasbombe?); skriv værdierne ud",
    ),
    "IOM008.deep": Message(
        "nested deeper than {most} levels",
        "indlejret dybere end {most} niveauer",
    ),
    "IOM009.values": Message(
        "more than {most} values in one file; far more than it needs",
        "mere end {most} værdier i én fil; langt flere, end den har brug for",
    ),
    "IOM009.key": Message(
        "key of {count} characters; at most {most}",
        "en nøgle på {count} tegn; højst {most}",
    ),
    "IOM010": Message(
        "number has {count} digits; at most {most}",
        "tallet har {count} cifre; højst {most}",
    ),
    "IOM010.written_out": Message(
        "'{text}' has {count} digits written out; at most {most}",
        "'{text}' har {count} cifre skrevet ud; højst {most}",
    ),
    "IOM011.empty": Message(
        "file is empty (no YAML content)",
        "filen er tom (intet YAML-indhold)",
    ),
    "IOM011.documents": Message(
        "more than one YAML document ('---'); a file holds one strategy",
        "mere end ét YAML-dokument ('---'); en fil rummer én strategi",
    ),
    "IOM011.top_list": Message(
        "top level is a list; expected a mapping of keys to values",
        "øverste niveau er en liste; der forventes en samling af nøgler og værdier",
    ),
    "IOM011.top_value": Message(
        "top level is a single value; expected a mapping of keys to values",
        "øverste niveau er en enkelt værdi; der forventes en samling af nøgler og værdier",
    ),
    "IOM012": Message(
        "skipped: {is_a}, not a regular file",
        "springes over: {is_a}, ikke en almindelig fil",
    ),
    # A value of the wrong type or out of bounds (IOM020): what is wrong is a phrase
    "IOM020.value": Message("{at}: {problem}", "{at}: {problem}"),
    "IOM020.key": Message(
        "{at}: key '{name}' is not valid: {problem}", "{at}: nøglen '{name}' er ugyldig: {problem}"
    ),
    "IOM020.quoted_year": Message(
        "{at}: key '{name}' is not valid: {problem} (write years without quotes)",
        "{at}: nøglen '{name}' er ugyldig: {problem} (skriv årstal uden anførselstegn)",
    ),
    # The file's keys (IOM021, IOM022; IOM020 is pydantic's, worded by its reader)
    "IOM021.suggest": Message(
        "{parent}: unknown key '{name}'; did you mean '{suggestion}'?",
        "{parent}: ukendt nøgle '{name}'; mente du '{suggestion}'?",
    ),
    "IOM021.known": Message(
        "{parent}: unknown key '{name}'; known keys: {known}",
        "{parent}: ukendt nøgle '{name}'; kendte nøgler: {known}",
    ),
    "IOM022": Message("{at}: required key is missing", "{at}: påkrævet nøgle mangler"),
    # Sums (IOM101-IOM104)
    "IOM101": Message(
        _SUM_EN + _TOO_MUCH_EN + _ACKNOWLEDGE_EN, _SUM_DA + _TOO_MUCH_DA + _ACKNOWLEDGE_DA
    ),
    "IOM102": Message(
        _SUM_EN + ", within the rounding of printed figures (±{tolerance})",
        _SUM_DA + ", inden for afrundingen af de trykte tal (±{tolerance})",
    ),
    "IOM103": Message(
        _SUM_EN + _TOO_MUCH_EN + _ACKNOWLEDGE_EN, _SUM_DA + _TOO_MUCH_DA + _ACKNOWLEDGE_DA
    ),
    "IOM104": Message(
        _SUM_EN + "; an erratum of the source, acknowledged: {reason}",
        _SUM_DA + "; en trykfejl i kilden, anerkendt: {reason}",
    ),
    "IOM104.growth": Message(
        _GROWTH_EN + "; an erratum of the source, acknowledged: {reason}",
        _GROWTH_DA + "; en trykfejl i kilden, anerkendt: {reason}",
    ),
    "IOM105.no_figure": Message(
        "erratum at '{text}' names no stated figure; write the data path of a figure under "
        "{roots}" + _ERRATA_EN,
        "rettelsen ved '{text}' peger ikke på et angivet tal; skriv datastien til et tal under "
        "{roots}, som kontrolresultaterne viser den, fx {example}",
    ),
    "IOM105.twice": Message(
        "erratum at {at} is listed twice", "rettelsen ved {at} er angivet to gange"
    ),
    "IOM105.no_printed": Message(
        "erratum at {at} needs `printed`, the figure as printed",
        "rettelsen ved {at} mangler `printed`, tallet som trykt",
    ),
    "IOM105.no_statement": Message(
        "erratum at '{text}' names no statement; write statements[N], N counted from 0 (the "
        "file has {count})",
        "rettelsen ved '{text}' peger ikke på et udsagn; skriv statements[N] med N talt fra 0 "
        "(filen har {count})",
    ),
    "IOM105.statement_printed": Message(
        "erratum at {at} says {printed} is printed, but the statement states {stated}",
        "rettelsen ved {at} siger, at der er trykt {printed}, men udsagnet angiver {stated}",
    ),
    "IOM105.not_printed": Message(
        "erratum at {at} says {printed} is printed, but the file holds {value} there; "
        "transcribe the figure as printed",
        "rettelsen ved {at} siger, at der er trykt {printed}, men filen har {value} dér; "
        "skriv tallet af, som det er trykt",
    ),
    # Later versions of the document (IOM106-IOM107)
    "IOM106.no_value": Message(
        "version '{version}': change at {change} names no value the file gives (a year, line "
        "or key it does not have)",
        "versionen '{version}': ændringen ved {change} peger ikke på en værdi, filen angiver "
        "(et år, en linje eller en nøgle, den ikke har)",
    ),
    "IOM106.not_applicable": Message(
        "version '{version}': change at {change} is not a change a version makes: a figure of "
        "the budget or the cover by a figure, or one of the strategy's texts (title, file_no, "
        "responsible_unit, desk_officer, financial_officer, funding_basis) by a text",
        "versionen '{version}': ændringen ved {change} er ikke en ændring, en version "
        "foretager: et tal i budgettet eller på forsiden med et tal eller en af strategiens "
        "tekster (title, file_no, responsible_unit, desk_officer, financial_officer, "
        "funding_basis) med en tekst",
    ),
    "IOM107": Message(
        "version '{version}' gives {year}'s commitment ({total}) without its lines: the lines "
        "of {year} are apportioned in proportion to the file's split",
        "versionen '{version}' angiver tilsagnet for {year} ({total}) uden linjerne: linjerne "
        "for {year} fordeles forholdsmæssigt efter filens fordeling",
    ),
    # Parliament's decisions (IOM201-IOM206)
    "IOM201": Message(
        "{year} has no approval entry; add one (status: planned until the Finance Act is passed)",
        "{year} har ingen post under `approvals`; tilføj en (status: planned, indtil finansloven "
        "er vedtaget)",
    ),
    "IOM202": Message(
        "approval for {year}, outside the period {start}-{end}",
        "bevilling for {year}, uden for perioden {start}-{end}",
    ),
    "IOM203": Message(
        "{year} is 'reduced' but states no approved amount",
        "{year} er 'reduced' (reduceret), men angiver intet bevilget beløb",
    ),
    "IOM204.duplicate": Message(
        "{year} has more than one approval entry (first is entry {first})",
        "{year} har mere end én post under `approvals` (den første er nr. {first})",
    ),
    "IOM204.approved_not_planned": Message(
        "{year} is 'approved' for {amount} but the budget plans {planned}; use status "
        "'reduced' for a lower amount",
        "{year} er 'approved' (bevilget) med {amount}, men budgettet planlægger {planned}; "
        "brug status 'reduced' for et lavere beløb",
    ),
    "IOM204.reduced_not_below": Message(
        "{year} is 'reduced' to {amount}, not below the planned {planned}",
        "{year} er 'reduced' (reduceret) til {amount}, som ikke er under de planlagte {planned}",
    ),
    "IOM204.approved_not_planned_units": Message(
        "{year} is 'approved' for {amount} but the budget plans {planned}; use status "
        "'reduced' for a lower amount; the file counts in {currency} {unit} "
        "(`unit: {file_unit}`): {amount} {currency} is written {written}",
        "{year} er 'approved' (bevilget) med {amount}, men budgettet planlægger {planned}; "
        "brug status 'reduced' for et lavere beløb; filen regner i {currency} {unit} "
        "(`unit: {file_unit}`): {amount} {currency} skrives {written}",
    ),
    "IOM204.reduced_not_below_units": Message(
        "{year} is 'reduced' to {amount}, not below the planned {planned}; the file counts in "
        "{currency} {unit} (`unit: {file_unit}`): {amount} {currency} is written {written}",
        "{year} er 'reduced' (reduceret) til {amount}, som ikke er under de planlagte "
        "{planned}; filen regner i {currency} {unit} (`unit: {file_unit}`): {amount} {currency} "
        "skrives {written}",
    ),
    "IOM204.withheld_amount": Message(
        "{year} is 'withheld' but states an approved amount of {amount}",
        "{year} er 'withheld' (tilbageholdt), men angiver et bevilget beløb på {amount}",
    ),
    "IOM204.line_above_plan": Message(
        "{year} approves {amount} for '{line}', more than the planned {planned}",
        "{year} bevilger {amount} til '{line}', mere end de planlagte {planned}",
    ),
    "IOM204.lines_sum": Message(
        "{year} approval amount {amount} differs from its lines' sum {sum}",
        "bevillingen for {year} på {amount} afviger fra summen af dens linjer, {sum}",
    ),
    "IOM205": Message(
        "{year} has started (as of {as_of}) and its {planned} still has no recorded "
        "parliamentary approval",
        "{year} er begyndt (pr. {as_of}), og årets {planned} har stadig ingen registreret "
        "bevilling fra Folketinget",
    ),
    "IOM205.later": Message(
        "{year} has started (as of {as_of}) and its {planned} still has no recorded "
        "parliamentary approval in force (the decision recorded is dated {decided_on}, after "
        "that date)",
        "{year} er begyndt (pr. {as_of}), og årets {planned} har stadig ingen gældende "
        "bevilling fra Folketinget (den registrerede beslutning er dateret {decided_on}, efter "
        "den dato)",
    ),
    "IOM206": Message(
        "{year}: {planned} planned, subject to annual parliamentary approval",
        "{year}: {planned} planlagt, med forbehold for Folketingets årlige bevilling",
    ),
    "IOM207.after": Message(
        "the decision on {year} is dated {date}, after its year's end ({bound}); a typo in the "
        "year?",
        "beslutningen om {year} er dateret {date}, efter årets udgang ({bound}); en tastefejl i "
        "årstallet?",
    ),
    "IOM207.after_supplementary": Message(
        "the decision on {year} is dated {date}, after its year's end and {months} of "
        "supplementary period ({bound}); a typo in the year?",
        "beslutningen om {year} er dateret {date}, efter årets udgang og {months} "
        "supplementsperiode ({bound}); en tastefejl i årstallet?",
    ),
    "IOM207.before": Message(
        "the decision on {year} is dated {date}, before the year before it ({bound}); a typo in "
        "the year?",
        "beslutningen om {year} er dateret {date}, før året inden det ({bound}); en tastefejl i "
        "årstallet?",
    ),
    # Budget lines (IOM301-IOM307)
    "IOM301": Message(
        "Finance Act code '{text}' is not of the form §NN.NN.NN.NN (e.g. §06.32.10.14; the § may "
        "be left out)",
        "finanslovskontoen '{text}' har ikke formen §NN.NN.NN.NN (fx §06.32.10.14; § kan udelades)",
    ),
    "IOM302.period": Message(
        "period ends ({end}) before it starts ({start})",
        "perioden slutter ({end}), før den begynder ({start})",
    ),
    "IOM302.outside": Message(
        "{what}: year {year} is outside the period {start}-{end}",
        "{what}: året {year} ligger uden for perioden {start}-{end}",
    ),
    "IOM302.missing": Message(
        "{what}: no amount for {years} (the period is {start}-{end}; write 0 for a year "
        "without one)",
        "{what}: intet beløb for {years} (perioden er {start}-{end}; skriv 0 for et år uden beløb)",
    ),
    "IOM303": Message("amount {amount} is negative", "beløbet {amount} er negativt"),
    "IOM304.lines": Message(
        "budget lines id '{id}' is used {count} times; ids must be unique",
        "linje-id'et '{id}' er brugt {count} gange; et id må kun bruges én gang",
    ),
    "IOM304.totals": Message(
        "budget totals id '{id}' is used {count} times; ids must be unique",
        "sum-id'et '{id}' er brugt {count} gange; et id må kun bruges én gang",
    ),
    "IOM305.total": Message(
        "total '{total}' adds up line '{line}', which the budget does not have (lines: {lines})",
        "summen '{total}' lægger linjen '{line}' sammen, som budgettet ikke har (linjer: {lines})",
    ),
    "IOM305.policy": Message(
        "`{setting}` names line '{line}', which the budget does not have (lines: {lines})",
        "`{setting}` nævner linjen '{line}', som budgettet ikke har (linjer: {lines})",
    ),
    "IOM305.approval": Message(
        "{year} approval names line '{line}', which the budget does not have",
        "bevillingen for {year} nævner linjen '{line}', som budgettet ikke har",
    ),
    "IOM306": Message(
        "amount {amount} ({unit}) is more precise than one øre; write at most {decimals} decimals",
        "beløbet {amount} ({unit}) er mere præcist end én øre; skriv højst {decimals} decimaler",
    ),
    "IOM307": Message(
        "{year} is in the period {start}-{end} but no line has an amount for it: shown as unfunded",
        "{year} ligger i perioden {start}-{end}, men ingen linje har et beløb for året: vist som "
        "ufinansieret",
    ),
    # Payments, allocations, the schedule (IOM401-IOM418)
    "IOM401": Message(
        "payment {voucher} of {date} precedes the approval of {year} ({finance_act}, {decided_on})",
        "udbetalingen {voucher} af {date} ligger før bevillingen for {year} ({finance_act}, "
        "{decided_on})",
    ),
    "IOM401.none": Message(
        "payment {voucher} of {date} for {year} is made before the year's parliamentary "
        "approval (none recorded)",
        "udbetalingen {voucher} af {date} for {year} er foretaget før årets bevilling fra "
        "Folketinget (ingen registreret)",
    ),
    "IOM402": Message(
        "payment {voucher} brings {year} to {paid}, above the approved {approved} by {excess}",
        "udbetalingen {voucher} bringer udbetalingerne for {year} op på {paid}, {excess} over de "
        "bevilgede {approved}",
    ),
    "IOM402.line": Message(
        "payment {voucher} brings line '{line}' of {year} to {paid}, above the approved "
        "{approved} by {excess}",
        "udbetalingen {voucher} bringer linjen '{line}' for {year} op på {paid}, {excess} over "
        "de bevilgede {approved}",
    ),
    "IOM403": Message(
        "payment {voucher} on line '{line}' of {date} has no allocation approved in a dialogue "
        "decision for {year} by that date",
        "udbetalingen {voucher} på linjen '{line}' af {date} har ingen allokering for {year}, "
        "som en dialogbeslutning har besluttet senest den dato",
    ),
    "IOM403.unknown_item": Message(
        "payment {voucher} names allocation '{allocation}': no dialogue decision has it",
        "udbetalingen {voucher} nævner allokeringen '{allocation}': ingen dialogbeslutning "
        "indeholder den",
    ),
    "IOM403.later_item": Message(
        "payment {voucher} names allocation '{allocation}': decided later",
        "udbetalingen {voucher} nævner allokeringen '{allocation}': den er besluttet senere",
    ),
    "IOM404": Message(
        "payment {voucher} brings line '{line}' of {year} to {paid}, above the {allocated} "
        "allocated by {date}",
        "udbetalingen {voucher} bringer linjen '{line}' for {year} op på {paid}, over de "
        "{allocated}, der var allokeret pr. {date}",
    ),
    "IOM404.item": Message(
        "payment {voucher} brings allocation '{allocation}' to {paid}, above its {allocated}",
        "udbetalingen {voucher} bringer allokeringen '{allocation}' op på {paid}, over dens "
        "{allocated}",
    ),
    "IOM405": Message(
        "allocations for {year} reach {allocated} ({unit}), above the {limit} line '{line}' "
        "has for the year",
        "allokeringerne for {year} når {allocated} ({unit}), over de {limit}, linjen '{line}' "
        "har for året",
    ),
    "IOM406": Message(
        "{field} '{name}' is in {continents}, outside the geographic focus on {focus}",
        "{field} '{name}' ligger i {continents}, uden for det geografiske fokus på {focus}",
    ),
    "IOM406.cited": Message(
        "{field} '{name}' is in {continents}, outside the geographic focus on {focus} ({source})",
        "{field} '{name}' ligger i {continents}, uden for det geografiske fokus på {focus} "
        "({source})",
    ),
    "IOM407": Message(
        "{field} '{name}' is not known; use a country name or ISO code, a continent, a UN "
        "region (e.g. Western Asia) or a named region (e.g. Sahel, Lake Chad Basin)",
        "{field} '{name}' er ukendt; skriv et lands navn eller ISO-kode, et kontinent, en "
        "FN-region (fx Western Asia) eller en navngiven region (fx Sahel, Lake Chad Basin)",
    ),
    "IOM407.suggest": Message(
        "{field} '{name}' is not known; did you mean {suggestions}?",
        "{field} '{name}' er ukendt; mente du {suggestions}?",
    ),
    "IOM408": Message(
        "dialogue decision of {after} comes {days} days after the one of {before}; the "
        "dialogue meets {every_months} (a gap of up to {grace_months} more is allowed)",
        "dialogbeslutningen af {after} kommer {days} dage efter den af {before}; dialogen "
        "mødes {every_months} (et mellemrum på op til {grace_months} mere tillades)",
    ),
    "IOM408.cited": Message(
        "dialogue decision of {after} comes {days} days after the one of {before}; the "
        "dialogue meets {every_months} (a gap of up to {grace_months} more is allowed; "
        "{source})",
        "dialogbeslutningen af {after} kommer {days} dage efter den af {before}; dialogen "
        "mødes {every_months} (et mellemrum på op til {grace_months} mere tillades; "
        "{source})",
    ),
    "IOM409.payment_period": Message(
        "payment {voucher} is for {year}, outside the period {start}-{end}",
        "udbetalingen {voucher} er for {year}, uden for perioden {start}-{end}",
    ),
    "IOM409.payment_year": Message(
        "payment {voucher} of {date} is dated outside its appropriation year {year}",
        "udbetalingen {voucher} af {date} er dateret uden for sit bevillingsår {year}",
    ),
    "IOM409.payment_year_months": Message(
        "payment {voucher} of {date} is dated outside its appropriation year {year} and its "
        "supplementary period of {months}",
        "udbetalingen {voucher} af {date} er dateret uden for sit bevillingsår {year} og dets "
        "supplementsperiode på {months}",
    ),
    "IOM409.allocation": Message(
        "allocation for {period}, outside the period {start}-{end}",
        "allokering for {period}, uden for strategiperioden {start}-{end}",
    ),
    "IOM458": Message(
        "payment {voucher} of {date} is dated after the as-of date {as_of}: not counted as of "
        "that date ({payments})",
        "udbetalingen {voucher} af {date} er dateret efter opgørelsesdatoen {as_of}: ikke "
        "medregnet pr. den dato ({payments})",
    ),
    "IOM459.left_out": Message(
        "payment {voucher} of {date} is dated after today ({today}), a payment not yet made: "
        "not counted as of {as_of} ({payments})",
        "udbetalingen {voucher} af {date} er dateret efter i dag ({today}), en udbetaling, der "
        "endnu ikke er sket: ikke medregnet pr. {as_of} ({payments})",
    ),
    "IOM459.counted": Message(
        "payment {voucher} of {date} is dated after today ({today}), a payment not yet made: "
        "counted as of {as_of} ({payments})",
        "udbetalingen {voucher} af {date} er dateret efter i dag ({today}), en udbetaling, der "
        "endnu ikke er sket: medregnet pr. {as_of} ({payments})",
    ),
    "IOM460": Message(
        "the same strategy as {first} (file_no '{file_no}'): left out of the figures, which "
        "would count it twice; give each strategy once",
        "samme strategi som {first} (file_no '{file_no}'): udeladt af tallene, der ellers ville "
        "tælle den to gange; angiv hver strategi én gang",
    ),
    "IOM460.titled": Message(
        "the same strategy as {first} (title '{title}', period {start}-{end}, no file_no): left "
        "out of the figures, which would count it twice; give each strategy once",
        "samme strategi som {first} (titel '{title}', periode {start}-{end}, uden file_no): "
        "udeladt af tallene, der ellers ville tælle den to gange; angiv hver strategi én gang",
    ),
    "IOM410": Message(
        "voucher {voucher} is already used at {file}:{line}",
        "bilaget {voucher} er allerede brugt i {file}:{line}",
    ),
    "IOM410.as": Message(
        "voucher {voucher} is already used at {file}:{line} (as {first})",
        "bilaget {voucher} er allerede brugt i {file}:{line} (som {first})",
    ),
    "IOM411": Message(
        "payment {voucher} brings line '{line}' ({line_kind}) for {year} to {paid}, above its "
        "line of {planned}",
        "udbetalingen {voucher} bringer linjen '{line}' ({line_kind}) for {year} op på {paid}, "
        "over linjens {planned}",
    ),
    "IOM412.area": Message(
        "priority area {area} is not one of the strategy's ({areas})",
        "prioritetsområdet {area} er ikke et af strategiens ({areas})",
    ),
    "IOM412.no_area": Message(
        "priority area {area} is not one of the strategy's (none recorded)",
        "prioritetsområdet {area} er ikke et af strategiens (den angiver ingen)",
    ),
    "IOM412.outputs": Message(
        "SRF output {srf} is not among those the strategy's priority areas select",
        "SRF-output {srf} er ikke blandt dem, strategiens prioritetsområder vælger",
    ),
    "IOM412.outcomes": Message(
        "SRF outcome {srf} is not among those the strategy's priority areas select",
        "SRF-outcome {srf} er ikke blandt dem, strategiens prioritetsområder vælger",
    ),
    "IOM413.payment": Message(
        "payment {voucher} is on line '{line}', which the budget does not have (lines: {lines})",
        "udbetalingen {voucher} står på linjen '{line}', som budgettet ikke har (linjer: {lines})",
    ),
    "IOM413.no_line": Message(
        "allocation names no line; write `line:` (the file's `dialogue:` declares no single "
        "line to take by default)",
        "allokeringen nævner ingen linje; skriv `line:` (filens `dialogue:` angiver ikke én "
        "linje, der kan bruges som standard)",
    ),
    "IOM413.allocation": Message(
        "allocation names line '{line}', which the budget does not have",
        "allokeringen nævner linjen '{line}', som budgettet ikke har",
    ),
    "IOM414": Message(
        "payment {voucher}: no ECB reference rate for {currency} on {date}; state its "
        "exchange_rate ({target} per {currency})",
        "udbetalingen {voucher}: ingen ECB-referencekurs for {currency} den {date}; angiv dens "
        "exchange_rate ({target} pr. {currency})",
    ),
    "IOM415": Message(
        "payment {voucher} on {date} is after the shipped ECB history; converted at the rate "
        "of {rate_date}; state its exchange_rate",
        "udbetalingen {voucher} den {date} ligger efter den medfølgende ECB-historik; omregnet "
        "til kursen pr. {rate_date}; angiv dens exchange_rate",
    ),
    "IOM416.line": Message(
        "schedule for line '{line}', which the budget does not have",
        "udbetalingsplan for linjen '{line}', som budgettet ikke har",
    ),
    "IOM416.year": Message(
        "schedule year {year} outside the period",
        "udbetalingsplanens år {year} ligger uden for perioden",
    ),
    "IOM416.sum": Message(
        "tranches of '{line}' for {year} add up to {total}, not the planned {planned} ({unit})",
        "raterne for '{line}' i {year} summer til {total}, ikke de planlagte {planned} ({unit})",
    ),
    "IOM416.sum_approved": Message(
        "tranches of '{line}' for {year} add up to {total}, not the planned {planned} or the "
        "approved {approved} ({unit})",
        "raterne for '{line}' i {year} summer til {total}, hverken de planlagte {planned} eller "
        "de bevilgede {approved} ({unit})",
    ),
    "IOM416.date": Message(
        "tranche dated {date} outside {year}", "raten dateret {date} ligger uden for {year}"
    ),
    "IOM417": Message(
        "{year}: forecast {forecast} is above the {approved} approved; write its schedule for "
        "the approved amount",
        "{year}: prognosen {forecast} er over de bevilgede {approved}; skriv udbetalingsplanen "
        "for det bevilgede beløb",
    ),
    "IOM417.line": Message(
        "line '{line}' of {year}: forecast {forecast} is above the {approved} approved; write "
        "its schedule for the approved amount",
        "linjen '{line}' for {year}: prognosen {forecast} er over de bevilgede {approved}; "
        "skriv udbetalingsplanen for det bevilgede beløb",
    ),
    "IOM418.negative": Message(
        "payment {voucher} is negative ({amount}); a refund is marked as one (refund: true, or "
        "a refund column saying yes), any other payment is positive",
        "udbetalingen {voucher} er negativ ({amount}); en tilbagebetaling markeres som sådan "
        "(refund: true eller en refund-kolonne med yes), alle andre udbetalinger er positive",
    ),
    "IOM418.refund": Message(
        "refund {voucher} is not negative ({amount}); write the amount returned",
        "tilbagebetalingen {voucher} er ikke negativ ({amount}); skriv det tilbagebetalte "
        "beløb med minus",
    ),
    # Money inputs checked as money (IOM425-IOM427)
    "IOM420.missing": Message("no such ledger file", "oversigtsfilen findes ikke"),
    "IOM420.absent": Message(
        "no such ledger file (named under `ledgers:`; not committed, or ignored by git?): the "
        "strategy is checked without its payments",
        "oversigtsfilen findes ikke (nævnt under `ledgers:`; ikke committet eller ignoreret af "
        "git?): strategien kontrolleres uden sine udbetalinger",
    ),
    "IOM420.permission": Message("permission denied", "adgang nægtet"),
    "IOM420.os_error": Message(
        "cannot read ledger: {reason}", "oversigten kan ikke læses: {reason}"
    ),
    "IOM420.unknown_kind": Message(
        "cannot tell what kind of ledger this is from its name; read are CSV (.csv, .txt), TSV "
        "(.tsv, .tab), xlsx (.xlsx, .xlsm) or YAML (.yaml, .yml)",
        "oversigtens navn siger ikke, hvilken slags fil den er; der læses CSV (.csv, .txt), TSV "
        "(.tsv, .tab), xlsx (.xlsx, .xlsm) og YAML (.yaml, .yml)",
    ),
    "IOM420.zip": Message(
        "this is a zip file (an xlsx workbook?), not {written_as}; name it .xlsx if it is one",
        "dette er en zip-fil (en xlsx-projektmappe?), ikke {written_as}; giv den endelsen .xlsx, "
        "hvis den er en",
    ),
    "IOM420.utf16": Message(
        'UTF-16 text (Excel\'s "Unicode Text"); iomstrat reads UTF-8 and cp1252: save the ledger '
        'as "CSV UTF-8" or "CSV (semikolonsepareret)"',
        'UTF-16-tekst (Excels "Unicode-tekst"); iomstrat læser UTF-8 og cp1252: gem oversigten '
        'som "CSV UTF-8" eller "CSV (semikolonsepareret)"',
    ),
    "IOM424.refused": Message("{problem}", "{problem}"),
    "IOM424.named": Message(
        "ledger '{path}' is not read: {problem}", "oversigten '{path}' læses ikke: {problem}"
    ),
    "IOM424.too_many": Message(
        "{count} ledgers beyond the limit of {most} per strategy are not read",
        "{count} oversigter over grænsen på {most} pr. strategi læses ikke",
    ),
    "IOM434": Message(
        "the ledger changed while it was read (its size or modification time); read it again "
        "when nothing writes to it",
        "oversigten blev ændret, mens den blev læst (størrelse eller ændringstid); læs den "
        "igen, når intet skriver til den",
    ),
    "IOM420.workbook": Message("{problem}", "{problem}"),
    "IOM420.nul": Message(
        "NUL byte in a CSV ledger: a binary or corrupted file",
        "NUL-byte i en CSV-oversigt: en binær eller beskadiget fil",
    ),
    "IOM420.csv": Message("CSV: {reason}", "CSV: {reason}"),
    "IOM420.yaml": Message(
        "a YAML ledger with errors (each named at its line): none of its payments is read until "
        "they are fixed",
        "en YAML-oversigt med fejl (hver nævnt ved sin linje): ingen af dens udbetalinger læses, "
        "før de er rettet",
    ),
    "IOM420.long_line": Message(
        "CSV: a line longer than {most_mib} MiB", "CSV: en linje længere end {most_mib} MiB"
    ),
    "IOM423.encoding": Message(
        "a byte that is not {encoding} text near this line; declare the ledger's `encoding:` "
        "(utf-8, cp1252 or latin-1)",
        "en byte, der ikke er {encoding}-tekst, nær denne linje; angiv oversigtens `encoding:` "
        "(utf-8, cp1252 eller latin-1)",
    ),
    "IOM430.same_marks": Message(
        "the `ledgers:` entry declares decimal '{mark}' and thousands '{mark}': the decimal mark "
        "and the thousands separator must differ",
        "posten under `ledgers:` angiver decimal '{mark}' og thousands '{mark}': decimaltegnet "
        "og tusindtalsskilletegnet skal være forskellige",
    ),
    "IOM430.decimal": Message(
        "the `ledgers:` entry declares decimal '{declared}', but amounts such as '{text}' in "
        "the file are written with decimal '{mark}'; declare `decimal: \"{mark}\"` (and a "
        "thousands separator other than '{mark}')",
        "posten under `ledgers:` angiver decimal '{declared}', men beløb som '{text}' i filen "
        "er skrevet med decimaltegnet '{mark}'; angiv `decimal: \"{mark}\"` (og et andet "
        "tusindtalsskilletegn end '{mark}')",
    ),
    "IOM430.thousands": Message(
        "the `ledgers:` entry declares thousands '{declared}', but amounts such as '{text}' in "
        "the file are written with decimal '{mark}'; declare `decimal: \"{mark}\"` (and a "
        "thousands separator other than '{mark}')",
        "posten under `ledgers:` angiver thousands '{declared}', men beløb som '{text}' i filen "
        "er skrevet med decimaltegnet '{mark}'; angiv `decimal: \"{mark}\"` (og et andet "
        "tusindtalsskilletegn end '{mark}')",
    ),
    "IOM432": Message(
        "{note}; name another with `sheet:` in the ledger's `ledgers:` entry",
        "{note}; angiv et andet med `sheet:` i oversigtens post under `ledgers:`",
    ),
    "IOM433": Message("{problem}", "{problem}"),
    "IOM421.empty": Message("ledger is empty (no header)", "oversigten er tom (ingen overskrift)"),
    "IOM421.twice": Message(
        "ledger header: a column is named twice",
        "oversigtens overskrift: en kolonne har samme navn som en anden",
    ),
    "IOM421.doubled": Message(
        "ledger header: a column it reads is named twice: {doubled}; which one to read cannot "
        "be told: give one of them another name in the export",
        "oversigtens overskrift: en kolonne, der læses, har samme navn to steder: {doubled}; "
        "hvilken der skal læses, kan ikke afgøres: giv en af dem et andet navn i oversigten",
    ),
    "IOM421.delimiter": Message(
        "ledger header: {faults}; the header read with delimiter {delimiter} is one column "
        "{shown}, which holds {foreign}: declare `delimiter: {declare}` in its `ledgers:` entry; "
        "nothing of this ledger is read",
        "oversigtens overskrift: {faults}; overskriften læst med skilletegn {delimiter} er én "
        "kolonne {shown}, som indeholder {foreign}: angiv `delimiter: {declare}` i dens post "
        "under `ledgers:`; intet af oversigten læses",
    ),
    "IOM421.split": Message(
        "ledger header: {faults}; the header is one column {shown} split by '{split_by}', which "
        "is no delimiter iomstrat reads: save the export with `;`, `,` or tab between its "
        "columns (encoding {encoding}); nothing of this ledger is read",
        "oversigtens overskrift: {faults}; overskriften er én kolonne {shown} delt med "
        "'{split_by}', som ikke er et skilletegn, iomstrat læser: gem oversigten med `;`, `,` "
        "eller tabulator mellem kolonnerne (tegnsæt {encoding}); intet af oversigten læses",
    ),
    "IOM421.columns": Message(
        "ledger header: {faults}; the header ({dialect}) has {shown}; columns it could match: "
        "{matched}; nothing of this ledger is read. Map its columns in the strategy file: "
        "ledgers: [{entry}]",
        "oversigtens overskrift: {faults}; overskriften ({dialect}) har {shown}; kolonner, den "
        "kunne passe til: {matched}; intet af oversigten læses. Angiv dens kolonner i "
        "strategifilen: ledgers: [{entry}]",
    ),
    "IOM423.dates": Message(
        "dates such as '{text}' read as {day} or {month} (no day above 12 tells them apart); "
        'declare `date_format: "{day_format}"` (or "{month_format}") in the ledger\'s '
        "`ledgers:` entry",
        "datoer som '{text}' kan læses som {day} eller {month} (ingen dag over 12 skiller dem "
        'ad); angiv `date_format: "{day_format}"` (eller "{month_format}") i oversigtens post '
        "under `ledgers:`",
    ),
    "IOM422.row": Message("ledger row: {problem}", "række i oversigten: {problem}"),
    "IOM422.cell": Message(
        "ledger row: {sheet}!{cell}: {problem}", "række i oversigten: {sheet}!{cell}: {problem}"
    ),
    "IOM425.suggest": Message(
        "currency '{currency}' is not an ISO 4217 code; did you mean {suggestion}?",
        "valutaen '{currency}' er ikke en ISO 4217-kode; mente du {suggestion}?",
    ),
    "IOM425.unknown": Message(
        "currency '{currency}' is not an ISO 4217 code (e.g. DKK, EUR, USD)",
        "valutaen '{currency}' er ikke en ISO 4217-kode (fx DKK, EUR, USD)",
    ),
    "IOM425.payment_suggest": Message(
        "payment {voucher}: currency '{currency}' is not an ISO 4217 code; did you mean "
        "{suggestion}?",
        "udbetalingen {voucher}: valutaen '{currency}' er ikke en ISO 4217-kode; mente du "
        "{suggestion}?",
    ),
    "IOM425.payment_unknown": Message(
        "payment {voucher}: currency '{currency}' is not an ISO 4217 code (e.g. DKK, EUR, USD)",
        "udbetalingen {voucher}: valutaen '{currency}' er ikke en ISO 4217-kode (fx DKK, EUR, USD)",
    ),
    "IOM426": Message(
        "payment {voucher} is in {currency}, the strategy's currency, but states exchange_rate "
        "{stated}; a payment in {currency} has no rate (or 1): is its currency wrong, or the rate?",
        "udbetalingen {voucher} er i {currency}, strategiens valuta, men angiver exchange_rate "
        "{stated}; en udbetaling i {currency} har ingen kurs (eller 1): er valutaen forkert, "
        "eller kursen?",
    ),
    "IOM427": Message(
        "payment {voucher} states exchange_rate {stated} {into} per {currency}; the ECB "
        "reference rate of {date} is {rate}, more than {band} times apart",
        "udbetalingen {voucher} angiver exchange_rate {stated} {into} pr. {currency}; ECB's "
        "referencekurs den {date} er {rate}, mere end {band} gange derfra",
    ),
    "IOM428": Message(
        "the --ledger mapping is not a `ledgers:` entry: {problems}",
        "--ledger-angivelsen er ikke en post under `ledgers:`: {problems}",
    ),
    "IOM431": Message(
        "payment {voucher}: {amount} at the rate {rate} is {limit} or more, beyond the limit of "
        "an amount; it is not counted (check the amount and the exchange_rate)",
        "udbetalingen {voucher}: {amount} til kursen {rate} giver {limit} eller mere, over "
        "grænsen for et beløb; den tælles ikke med (kontrollér beløbet og exchange_rate)",
    ),
    "IOM440": Message(
        "allocation for {period} names {named}; the dialogue meets {every_months}: name {cadence},"
        " e.g. `period: {example}`",
        "allokeringen for {period} angiver {named}; dialogen mødes {every_months}: angiv "
        "{cadence}, fx `period: {example}`",
    ),
    "IOM440.cited": Message(
        "allocation for {period} names {named}; the dialogue meets {every_months} ({source}): name"
        " {cadence}, e.g. `period: {example}`",
        "allokeringen for {period} angiver {named}; dialogen mødes {every_months} ({source}): "
        "angiv {cadence}, fx `period: {example}`",
    ),
    "IOM441": Message(
        "dialogue decision of {date} is for {period} ({start} to {end}); a decision falls within "
        "its period or shortly before it (from {earliest}): check the date and the period",
        "dialogbeslutningen af {date} gælder {period} ({start} til {end}); en beslutning falder i "
        "sin periode eller kort før den (fra {earliest}): kontrollér datoen og perioden",
    ),
    "IOM441.grace": Message(
        "dialogue decision of {date} is for {period} ({start} to {end}); a decision falls within "
        "its period or shortly before it (from {earliest}, up to {grace_months} late): check the "
        "date and the period",
        "dialogbeslutningen af {date} gælder {period} ({start} til {end}); en beslutning falder i "
        "sin periode eller kort før den (fra {earliest}, op til {grace_months} for sent): "
        "kontrollér datoen og perioden",
    ),
    "IOM442.decided": Message(
        "dialogue line '{line}': as of {as_of} the last dialogue decision, of {since}, is {days} "
        "days old; the dialogue meets {every_months}, so a decision was due by {due}",
        "dialoglinjen '{line}': pr. {as_of} er den seneste dialogbeslutning, af {since}, {days} "
        "dage gammel; dialogen mødes {every_months}, så en beslutning skulle være truffet "
        "senest {due}",
    ),
    "IOM442.decided_cited": Message(
        "dialogue line '{line}': as of {as_of} the last dialogue decision, of {since}, is {days} "
        "days old; the dialogue meets {every_months} ({source}), so a decision was due by {due}",
        "dialoglinjen '{line}': pr. {as_of} er den seneste dialogbeslutning, af {since}, {days} "
        "dage gammel; dialogen mødes {every_months} ({source}), så en beslutning skulle være "
        "truffet senest {due}",
    ),
    "IOM442.never": Message(
        "dialogue line '{line}': as of {as_of} no dialogue decision is recorded since the period "
        "began ({since}); the dialogue meets {every_months}, so a decision was due by {due}",
        "dialoglinjen '{line}': pr. {as_of} er der ikke registreret nogen dialogbeslutning, siden "
        "perioden begyndte ({since}); dialogen mødes {every_months}, så en beslutning skulle "
        "være truffet senest {due}",
    ),
    "IOM442.never_cited": Message(
        "dialogue line '{line}': as of {as_of} no dialogue decision is recorded since the period "
        "began ({since}); the dialogue meets {every_months} ({source}), so a decision was due by "
        "{due}",
        "dialoglinjen '{line}': pr. {as_of} er der ikke registreret nogen dialogbeslutning, siden "
        "perioden begyndte ({since}); dialogen mødes {every_months} ({source}), så en beslutning "
        "skulle være truffet senest {due}",
    ),
    # Tables of the document (IOM601-IOM606)
    "IOM450": Message(
        "a table file (top-level `table:`), not a strategy: left out of the figures and the "
        "export; show the table with `iomstrat table show {table}`",
        "en tabelfil (`table:` øverst), ikke en strategi: udeladt af tallene og eksporten; vis "
        "tabellen med `iomstrat table show {table}`",
    ),
    "IOM451.planned_decided": Message(
        "{year} is 'planned' but records a decision (finance_act, decided_on, amount or "
        "lines); set status to approved, reduced or withheld",
        "{year} er 'planned' (planlagt), men angiver en beslutning (finance_act, decided_on, "
        "amount eller lines); sæt status til approved, reduced eller withheld",
    ),
    "IOM451.undecided": Message(
        "{year} is '{status}' but has no {setting}",
        "{year} er '{status}', men mangler {setting}",
    ),
    "IOM601": Message(
        "{what} has {count} entries for {columns} columns",
        "{what} har {count} celler til {columns} kolonner",
    ),
    "IOM602": Message(
        "footnote marker '{marker}' has no footnote under `table.markers` (known: {known})",
        "fodnotemarkeringen '{marker}' har ingen fodnote under `table.markers` (kendte: {known})",
    ),
    "IOM602.none_known": Message(
        "footnote marker '{marker}' has no footnote under `table.markers`",
        "fodnotemarkeringen '{marker}' har ingen fodnote under `table.markers`",
    ),
    "IOM603": Message(
        "footnote '{marker}' is printed but no figure or heading carries the marker",
        "fodnoten '{marker}' er trykt, men intet tal og ingen overskrift bærer markeringen",
    ),
    "IOM604.positive_refund": Message(
        "row '{row}' is a refund but its figure {amount} is positive; write refunds as "
        "negative amounts",
        "rækken '{row}' er en tilbagebetaling, men dens tal {amount} er positivt; skriv "
        "tilbagebetalinger som negative beløb",
    ),
    "IOM604.negative": Message(
        "row '{row}' has a negative figure {amount}; only refunds are negative (mark the row "
        "`refund: true`)",
        "rækken '{row}' har det negative tal {amount}; kun tilbagebetalinger er negative "
        "(markér rækken `refund: true`)",
    ),
    "IOM605": Message(
        _GROWTH_EN + "; more than the rounding of the printed totals explains ({low}% to {high}%)",
        _GROWTH_DA + "; mere end afrundingen af de trykte summer kan forklare ({low} % til "
        "{high} %)",
    ),
    "IOM605.no_previous": Message(
        "growth {printed}% under {column} has no previous column total to grow from",
        "væksten {printed} % under {column} har ingen foregående kolonnesum at vokse fra",
    ),
    "IOM606": Message(
        _GROWTH_EN + "; within the rounding of the printed totals ({low}% to {high}%)",
        _GROWTH_DA + "; inden for afrundingen af de trykte summer ({low} % til {high} %)",
    ),
    # The document against itself (IOM800-IOM811; values worded by render/statement_words.py)
    "IOM800": Message(
        "the text states {states}: {statement}; but {failing} (the wording allows {allowed})",
        "teksten angiver {states}: {statement}; men {failing} (ordlyden tillader {allowed})",
    ),
    "IOM800.rank": Message(
        "the text ranks {row} {rank}: {statement}; but {where} ranks it {actual} ({figure})",
        "teksten placerer {row} som {rank}: {statement}; men {where} placerer den som {actual} "
        "({figure})",
    ),
    "IOM801.above": Message(
        "the text ranks {claims}: {statement}; but {table}, {column} has {above}",
        "teksten placerer {claims}: {statement}; men {table}, {column} har {above}",
    ),
    "IOM801.ranks": Message(
        "the text ranks {claims}: {statement}; but {table}, {column} has {ranks}",
        "teksten placerer {claims}: {statement}; men {table}, {column} har {ranks}",
    ),
    "IOM802": Message(
        "the text sends the reader to {refers_to}: {statement}; but that is in {holder}",
        "teksten henviser læseren til {refers_to}: {statement}; men det står i {holder}",
    ),
    "IOM802.about": Message(
        "the text sends the reader to {refers_to} for {about}: {statement}; but that is in "
        "{holder}",
        "teksten henviser læseren til {refers_to} angående {about}: {statement}; men det står i "
        "{holder}",
    ),
    "IOM802.swapped": Message(
        "the text sends the reader to {refers_to}: {statement}; but that is in {holder}"
        + _SWAPPED_EN,
        "teksten henviser læseren til {refers_to}: {statement}; men det står i {holder}"
        + _SWAPPED_DA,
    ),
    "IOM802.about_swapped": Message(
        "the text sends the reader to {refers_to} for {about}: {statement}; but that is in "
        "{holder}" + _SWAPPED_EN,
        "teksten henviser læseren til {refers_to} angående {about}: {statement}; men det står i "
        "{holder}" + _SWAPPED_DA,
    ),
    "IOM803": Message(
        "one figure printed in two places differs: {one} has {one_figure}, {other} has "
        "{other_figure} (a difference of {currency} {gap}, more than the rounding of either): "
        "{statement}",
        "ét tal trykt to steder afviger: {one} har {one_figure}, {other} har {other_figure} (en "
        "forskel på {gap} {currency}, mere end afrundingen af hvert af dem): {statement}",
    ),
    "IOM804": Message(
        "two statements of one quantity ({quantity}) disagree: {states} in {statement}, but "
        "{earlier_states} in {earlier}",
        "to udsagn om samme størrelse ({quantity}) er uenige: {states} i {statement}, men "
        "{earlier_states} i {earlier}",
    ),
    "IOM805": Message(
        "acknowledged in errata ({reason}): {finding}",
        "anerkendt under errata ({reason}): {finding}",
    ),
    "IOM806.unknown_table": Message(
        _UNRESOLVED_EN + "names table '{missing}', which `tables:` does not list" + _UNCHECKED_EN,
        _UNRESOLVED_DA + "nævner tabellen '{missing}', som `tables:` ikke har" + _UNCHECKED_DA,
    ),
    "IOM806.unreadable_table": Message(
        _UNRESOLVED_EN
        + "names table '{missing}', whose file could not be read as a table"
        + _UNCHECKED_EN,
        _UNRESOLVED_DA
        + "nævner tabellen '{missing}', hvis fil ikke kunne læses som en tabel"
        + _UNCHECKED_DA,
    ),
    "IOM806.unknown_row": Message(
        _UNRESOLVED_EN + "names row '{missing}', which the table does not have" + _UNCHECKED_EN,
        _UNRESOLVED_DA + "nævner rækken '{missing}', som tabellen ikke har" + _UNCHECKED_DA,
    ),
    "IOM806.ambiguous_row": Message(
        _UNRESOLVED_EN
        + "names row '{missing}', which the table prints more than once"
        + _UNCHECKED_EN,
        _UNRESOLVED_DA
        + "nævner rækken '{missing}', som tabellen trykker mere end én gang"
        + _UNCHECKED_DA,
    ),
    "IOM806.unknown_column": Message(
        _UNRESOLVED_EN + "names a column the table does not have: '{missing}'" + _UNCHECKED_EN,
        _UNRESOLVED_DA + "nævner en kolonne, som tabellen ikke har: '{missing}'" + _UNCHECKED_DA,
    ),
    "IOM806.no_column": Message(
        _UNRESOLVED_EN
        + "ranks rows or takes the largest of them without naming a column"
        + _UNCHECKED_EN,
        _UNRESOLVED_DA
        + "rangordner rækker eller tager de største uden at nævne en kolonne"
        + _UNCHECKED_DA,
    ),
    "IOM806.empty_cell": Message(
        _UNRESOLVED_EN + "names the cell {missing}, which is printed empty" + _UNCHECKED_EN,
        _UNRESOLVED_DA + "nævner cellen {missing}, som er trykt tom" + _UNCHECKED_DA,
    ),
    "IOM806.unknown_line": Message(
        _UNRESOLVED_EN
        + "names budget line or year '{missing}', which the budget does not have"
        + _UNCHECKED_EN,
        _UNRESOLVED_DA
        + "nævner budgetlinjen eller året '{missing}', som budgettet ikke har"
        + _UNCHECKED_DA,
    ),
    "IOM806.unknown_total": Message(
        _UNRESOLVED_EN
        + "names stated total '{missing}', which the budget does not have"
        + _UNCHECKED_EN,
        _UNRESOLVED_DA
        + "nævner den angivne sum '{missing}', som budgettet ikke har"
        + _UNCHECKED_DA,
    ),
    "IOM806.not_comparable": Message(
        _UNRESOLVED_EN
        + "speaks of something its kind cannot be held against ({missing})"
        + _UNCHECKED_EN,
        _UNRESOLVED_DA
        + "taler om noget, som dets art ikke kan holdes op mod ({missing})"
        + _UNCHECKED_DA,
    ),
    "IOM806.no_total": Message(
        _UNRESOLVED_EN
        + "names a share of '{missing}', a column whose total is zero"
        + _UNCHECKED_EN,
        _UNRESOLVED_DA
        + "nævner en andel af '{missing}', en kolonne, hvis sum er nul"
        + _UNCHECKED_DA,
    ),
    "IOM807.unreadable": Message(
        "table '{table}' ({file}) cannot be used: {problem}" + _TABLE_UNCHECKED_EN,
        "tabellen '{table}' ({file}) kan ikke bruges: {problem}" + _TABLE_UNCHECKED_DA,
    ),
    "IOM807.not_table": Message(
        "table '{table}' ({file}) cannot be used: it is not a valid table file"
        + _TABLE_UNCHECKED_EN,
        "tabellen '{table}' ({file}) kan ikke bruges: den er ikke en gyldig tabelfil"
        + _TABLE_UNCHECKED_DA,
    ),
    "IOM808": Message(
        "statement id '{id}' is used twice", "udsagns-id'et '{id}' er brugt to gange"
    ),
    "IOM809.value": Message(
        "{written}: {value} is this file's assumption, not the document's: {reason}",
        "{written}: {value} er denne fils antagelse, ikke dokumentets: {reason}",
    ),
    "IOM809.list": Message(
        "{written}: the list of {count} is this file's assumption, not the document's: {reason}",
        "{written}: listen med {count} poster er denne fils antagelse, ikke dokumentets: {reason}",
    ),
    "IOM809.mapping": Message(
        "{written}: the mapping is this file's assumption, not the document's: {reason}",
        "{written}: nøgletabellen er denne fils antagelse, ikke dokumentets: {reason}",
    ),
    "IOM810": Message(
        "assumption at '{written}' names no value of the file",
        "antagelsen ved '{written}' peger ikke på en værdi i filen",
    ),
    "IOM811": Message(
        "priority area {area}: output {output} belongs by its code to outcome {outcome}, which "
        "the area does not list (it lists {outcomes})",
        "prioritetsområde {area}: output {output} hører efter sin kode til outcome {outcome}, "
        "som området ikke nævner (det nævner {outcomes})",
    ),
    # Published to IATI against the ledgers (IOM903-IOM915; IOM900-IOM902 are the reader's)
    "IOM903": Message(
        "none of the {read} activities read concerns the strategy (the donor's for the "
        "organisation, or the organisation's receipts from the donor): nothing to reconcile",
        "ingen af de {read} læste aktiviteter vedrører strategien (donorens til organisationen "
        "eller organisationens modtagelser fra donoren): intet at afstemme",
    ),
    "IOM904": Message(
        "{ours} is not among the donor's published disbursements ({files})",
        "{ours} findes ikke blandt donorens offentliggjorte udbetalinger ({files})",
    ),
    "IOM905": Message(
        "{theirs} is not among the payments of the ledgers",
        "{theirs} findes ikke blandt udbetalingerne i udbetalingsoversigterne",
    ),
    "IOM906": Message(
        "{theirs} differs from {ours} by {difference} (allowed: {percent} %, each at its own rate)",
        "{theirs} afviger fra {ours} med {difference} (tilladt: {percent} %, hver til sin egen "
        "kurs)",
    ),
    "IOM906.same_currency": Message(
        "{theirs} differs from {ours} by {difference} (allowed: {allowed})",
        "{theirs} afviger fra {ours} med {difference} (tilladt: {allowed})",
    ),
    "IOM906.no_rate": Message(
        "{theirs}: no rate to compare it", "{theirs}: ingen kurs at sammenligne den med"
    ),
    "IOM907": Message(
        "{theirs} matches {ours} but is dated in {year}, not {expected}",
        "{theirs} svarer til {ours}, men er dateret i {year}, ikke {expected}",
    ),
    "IOM908": Message(
        "published commitments of {year} ({committed} at {places}) exceed the approval "
        "({approved}) by {excess}",
        "de offentliggjorte tilsagn for {year} ({committed} i {places}) overstiger bevillingen "
        "({approved}) med {excess}",
    ),
    "IOM909": Message(
        "{ours} is not among the organisation's incoming funds ({files})",
        "{ours} findes ikke blandt organisationens modtagne midler ({files})",
    ),
    "IOM910": Message(
        "{theirs} is not among the donor's disbursements",
        "{theirs} findes ikke blandt donorens udbetalinger",
    ),
    "IOM911": Message(
        "{theirs} differs from {ours} by {difference} (allowed: {percent} %, each at its own rate)",
        "{theirs} afviger fra {ours} med {difference} (tilladt: {percent} %, hver til sin egen "
        "kurs)",
    ),
    "IOM911.same_currency": Message(
        "{theirs} differs from {ours} by {difference} (allowed: {allowed})",
        "{theirs} afviger fra {ours} med {difference} (tilladt: {allowed})",
    ),
    "IOM911.no_rate": Message(
        "{theirs}: no rate to compare it", "{theirs}: ingen kurs at sammenligne den med"
    ),
    "IOM912": Message(
        "{ours} is not among the organisation's incoming commitments ({files})",
        "{ours} findes ikke blandt organisationens modtagne tilsagn ({files})",
    ),
    "IOM913": Message(
        "{theirs} is not among the donor's commitments",
        "{theirs} findes ikke blandt donorens tilsagn",
    ),
    "IOM914": Message(
        "{theirs} differs from {ours} by {difference} (allowed: {percent} %, each at its own rate)",
        "{theirs} afviger fra {ours} med {difference} (tilladt: {percent} %, hver til sin egen "
        "kurs)",
    ),
    "IOM914.same_currency": Message(
        "{theirs} differs from {ours} by {difference} (allowed: {allowed})",
        "{theirs} afviger fra {ours} med {difference} (tilladt: {allowed})",
    ),
    "IOM914.no_rate": Message(
        "{theirs}: no rate to compare it", "{theirs}: ingen kurs at sammenligne den med"
    ),
    "IOM701.not_xml": Message("not XML: {reason}", "ikke XML: {reason}"),
    "IOM701.schema": Message("IATI {version} schema: {reason}", "IATI {version}-skemaet: {reason}"),
    "IOM702.ends_before": Message(
        "budget ends {end} before it starts {start}",
        "budgettet slutter {end}, før det begynder {start}",
    ),
    "IOM702.longer": Message(
        "budget period {start} to {end} is longer than 12 months",
        "budgetperioden {start} til {end} er længere end 12 måneder",
    ),
    "IOM703": Message(
        "budget {start} to {end} overlaps budget {other_start} to {other_end} of the same type "
        "{budget_type}",
        "budgettet {start} til {end} overlapper budgettet {other_start} til {other_end} af samme "
        "type {budget_type}",
    ),
    "IOM704": Message(
        "{element} value {amount} is negative", "{element}-værdien {amount} er negativ"
    ),
    "IOM705": Message(
        "{element} value has no value-date", "{element}-værdien har ingen value-date"
    ),
    "IOM707": Message("IATI rule {rule}: {reason}", "IATI-regel {rule}: {reason}"),
    "IOM708.not_on": Message(
        "{element} '{value}' is not on IATI's {codelist} codelist",
        "{element} '{value}' står ikke på IATI's kodeliste {codelist}",
    ),
    "IOM708.withdrawn": Message(
        "{element} '{value}' is withdrawn from IATI's {codelist} codelist",
        "{element} '{value}' er udgået af IATI's kodeliste {codelist}",
    ),
    "IOM709.sector": Message(
        "iati.sector is missing: IATI rule 6.2.2 wants the activity's sector; add its OECD DAC "
        "5-digit purpose code (IATI Sector codelist, e.g. 15190)",
        "iati.sector mangler: IATI-regel 6.2.2 kræver aktivitetens sektor; tilføj dens "
        "femcifrede OECD DAC-formålskode (IATI's kodeliste Sector, fx 15190)",
    ),
    "IOM709.recipient": Message(
        "iati.recipient_region (or recipient_country) is missing: IATI rule 3.7.1 wants a "
        "recipient for the share of the plan no allocation places; add its OECD DAC region code "
        "(e.g. 998, developing countries unspecified)",
        "iati.recipient_region (eller recipient_country) mangler: IATI-regel 3.7.1 kræver en "
        "modtager for den del af planen, ingen allokering placerer; tilføj dens OECD "
        "DAC-regionskode (fx 998, udviklingslande, uspecificeret)",
    ),
    "IOM709.types_line": Message(
        "iati.lines[{number}] ({line}) lacks {missing}" + _TYPES_EN,
        "iati.lines[{number}] ({line}) mangler {missing}" + _TYPES_DA,
    ),
    "IOM709.types_none": Message(
        "iati.lines has no entry for budget line {line}" + _TYPES_EN,
        "iati.lines har ingen post for budgetlinjen {line}" + _TYPES_DA,
    ),
    "IOM709.types_unknown": Message(
        "iati.lines[{number}].line: the budget has no line '{line}'",
        "iati.lines[{number}].line: budgettet har ingen linje '{line}'",
    ),
    "IOM709.place_country": Message(
        "allocations[{allocation}].items[{item}].country '{name}' is not on IATI's Country "
        "codelist: write its ISO 3166-1 alpha-2 code" + _PLACE_EN,
        "allocations[{allocation}].items[{item}].country '{name}' står ikke på IATI's kodeliste "
        "Country: skriv dens ISO 3166-1 alpha-2-kode" + _PLACE_DA,
    ),
    "IOM709.place_region": Message(
        "allocations[{allocation}].items[{item}].region '{name}' is not on IATI's Region "
        "codelist: write its OECD DAC region code" + _PLACE_EN,
        "allocations[{allocation}].items[{item}].region '{name}' står ikke på IATI's kodeliste "
        "Region: skriv dens OECD DAC-regionskode" + _PLACE_DA,
    ),
    "IOM710.strategy": Message(
        "IATI identifier {key} is also that of strategy {other} of this export: give each "
        "strategy its own strategy.file_no",
        "IATI-identifikatoren {key} har også strategi nr. {other} i denne eksport: giv hver "
        "strategi sit eget strategy.file_no",
    ),
    "IOM710.activity": Message(
        "activity identifier {key} is also that of the activity at line {first}",
        "aktivitets-id'et {key} har også aktiviteten på linje {first}",
    ),
    "IOM900": Message(
        "refused: the file declares a DTD (entities that expand or reach other files); IATI "
        "activity files have none",
        "afvist: filen erklærer en DTD (entiteter, der udfoldes eller henter andre filer); "
        "IATI-aktivitetsfiler har ingen",
    ),
    "IOM901.not_well_formed": Message(
        "not well-formed XML: {reason}", "ikke velformet XML: {reason}"
    ),
    "IOM901.not_xml": Message("not XML: {reason}", "ikke XML: {reason}"),
    "IOM901.root": Message(
        "not an IATI activity file: the root element is <{tag}>, not <iati-activities>",
        "ikke en IATI-aktivitetsfil: rodelementet er <{tag}>, ikke <iati-activities>",
    ),
    "IOM901.version": Message(
        "IATI version '{version}' is not read; only 2.0x files are",
        "IATI-version '{version}' læses ikke; kun 2.0x-filer læses",
    ),
    "IOM901.no_root": Message(
        "not an IATI activity file: no root element",
        "ikke en IATI-aktivitetsfil: intet rodelement",
    ),
    "IOM902.transaction": Message(
        "transaction of activity {activity}: {problem}",
        "transaktion i aktiviteten {activity}: {problem}",
    ),
    "IOM902.plan": Message("{plan} of {activity}: {problem}", "{plan} i {activity}: {problem}"),
    "IOM915": Message(
        "no ECB reference rate for {currency} on {date}: the value is not converted",
        "ingen ECB-referencekurs for {currency} den {date}: værdien er ikke omregnet",
    ),
}
"""Message key (`IOM204` or `IOM204.duplicate`, see `codes.message_key`) -> its two languages."""

PHRASES: Mapping[str, Message] = {
    "sum.total": Message("{year} {name}", "{year} {name}"),
    "iati.no_type": Message("no transaction-type", "ingen transaction-type"),
    "iati.no_date": Message(
        "no transaction-date (YYYY-MM-DD)", "ingen transaction-date (ÅÅÅÅ-MM-DD)"
    ),
    "iati.no_value": Message("no value", "ingen value"),
    "iati.not_number": Message("value '{text}' is not a number", "value '{text}' er ikke et tal"),
    "iati.no_currency": Message(
        "value {text} has no currency (nor a default-currency of its activity)",
        "value {text} har ingen valuta (og aktiviteten ingen default-currency)",
    ),
    "sum.cover_year": Message("{year} cover {cover}", "forsidens {cover} {year}"),
    "sum.cover_total": Message(
        "{start}-{end} cover {cover} total", "forsidens {cover} i alt {start}-{end}"
    ),
    "sum.row": Message("row '{row}', {heading}", "rækken '{row}', {heading}"),
    "sum.row_total": Message("row '{row}', total", "rækken '{row}', i alt"),
    "sum.column": Message("{column} total", "{column} i alt"),  # {column}: 'column 2021'
    "sum.grand_rows": Message(
        "grand total against the row totals", "totalen sammenholdt med rækkesummerne"
    ),
    "sum.grand_columns": Message(
        "grand total against the column totals", "totalen sammenholdt med kolonnesummerne"
    ),
    "sum.figures": Message("{count} figures", "{count} tal"),
    "sum.negative_figures": Message("{count} negative figures", "{count} negative tal"),
    "cells.row": Message("row '{row}'", "rækken '{row}'"),
    "cells.column_totals": Message("column totals", "kolonnesummerne"),
    "cells.growth": Message("growth percentages", "vækstprocenterne"),
    "cells.column_names": Message("column names", "kolonnenavnene"),
    "figures.line": Message("line '{id}'", "linjen '{id}'"),
    "figures.total": Message("total '{id}'", "summen '{id}'"),
    "figures.cover": Message("cover {cover}", "forsidens {cover}"),
    "side": Message(
        "{transaction} of {date}, {amount} at {place}",
        "{transaction} af {date}, {amount} i {place}",
    ),
    "side_reference": Message(
        "{transaction} '{reference}' of {date}, {amount} at {place}",
        "{transaction} '{reference}' af {date}, {amount} i {place}",
    ),
    "side_rate": Message(
        "{transaction} of {date}, {amount} (ECB {rate} {into}/{of} of {on}) at {place}",
        "{transaction} af {date}, {amount} (ECB {rate} {into}/{of} pr. {on}) i {place}",
    ),
    "side_reference_rate": Message(
        "{transaction} '{reference}' of {date}, {amount} (ECB {rate} {into}/{of} of {on}) at "
        "{place}",
        "{transaction} '{reference}' af {date}, {amount} (ECB {rate} {into}/{of} pr. {on}) i "
        "{place}",
    ),
    "value.separated": Message(
        "expected a number, got {got}; write it without separators",
        "der forventes et tal, men her står {got}; skriv det uden tusindtalsskilletegn",
    ),
    "value.not_number": Message(
        "expected a number, got {got}",
        "der forventes et tal, men her står {got}",
    ),
    "value.not_finite": Message(
        "expected a finite number, got NaN or infinity",
        "der forventes et endeligt tal, men her står NaN eller uendelig",
    ),
    "value.implausible": Message(
        "amount is implausibly large (at least {limit})",
        "beløbet er usandsynligt stort (mindst {limit})",
    ),
    "value.not_one": Message(
        "expected the number 1, got {got}",
        "der forventes tallet 1, men her står {got}",
    ),
    "value.period_order": Message(
        "the period ends ({end}) before it starts ({start})",
        "perioden slutter ({end}), før den begynder ({start})",
    ),
    "value.marker_key": Message(
        "a footnote marker of '{name}', which is not a figure of the row ({names})",
        "en fodnotemarkering til '{name}', som ikke er et tal i rækken ({names})",
    ),
    "value.one_of": Message(
        "give exactly one of {first} or {second}",
        "angiv præcis én af {first} og {second}",
    ),
    "value.not_figure": Message(
        "expected a figure, '-', or a figure with its footnote marker such as 4.10*, got {got}",
        "der forventes et tal, '-' eller et tal med sin fodnotemarkering som 4.10*, men her står "
        "{got}",
    ),
    "value.target_several": Message(
        "name exactly one of table, line, total or part (got {chosen})",
        "angiv præcis én af table, line, total og part (her står {chosen})",
    ),
    "value.target_none": Message(
        "name exactly one of table, line, total or part",
        "angiv præcis én af table, line, total og part",
    ),
    "value.table_parts": Message(
        "row, column and top belong to a table",
        "row, column og top hører til en tabel",
    ),
    "value.table_year": Message(
        "a table's year is its column: write column, not year",
        "en tabels år er dens kolonne: skriv column, ikke year",
    ),
    "value.statement_needs": Message(
        "a statement of kind {statement_kind} needs {missing}",
        "et udsagn af arten {statement_kind} kræver {missing}",
    ),
    "value.ranking_column": Message(
        "a ranking needs of: {{table, column}}",
        "en rangordning kræver of: {{table, column}}",
    ),
    "value.unsafe_line_break": Message(
        "text holds a line break at character {position}; keep the text on one line (in YAML, a "
        "folded >- block is one line)",
        "teksten har et linjeskift ved tegn {position}; hold teksten på én linje (i YAML er en "
        "foldet >--blok én linje)",
    ),
    "value.unsafe_tab": Message(
        "text holds a tab at character {position}; use a space",
        "teksten har et tabulatortegn ved tegn {position}; brug et mellemrum",
    ),
    "value.unsafe_character": Message(
        "text holds {codepoint} ({character}) at character {position}; remove it",
        "teksten har {codepoint} ({character}) ved tegn {position}; fjern det",
    ),
    "value.int_type": Message(
        "Input should be a valid integer, got {got}",
        "der forventes et heltal, men her står {got}",
    ),
    "value.decimal_type": Message(
        "Decimal input should be an integer, float, string or Decimal object, got {got}",
        "der forventes et tal, men her står {got}",
    ),
    "value.bool_type": Message(
        "Input should be a valid boolean, got {got}",
        "der forventes true eller false, men her står {got}",
    ),
    "value.date_type": Message(
        "Input should be a valid date, got {got}",
        "der forventes en dato (ÅÅÅÅ-MM-DD), men her står {got}",
    ),
    "value.string_type": Message(
        "Input should be a valid string, got {got}",
        "der forventes en tekst, men her står {got}",
    ),
    "value.string_quote": Message(
        "Input should be a valid string, got {got}; write text in quotes",
        "der forventes en tekst, men her står {got}; skriv tekst i anførselstegn",
    ),
    "value.choice": Message(
        "Input should be {choices}",
        "værdien skal være {choices}",
    ),
    "value.choice_text": Message(
        "Input should be {choices}, got '{text}'",
        "værdien skal være {choices}, men her står '{text}'",
    ),
    "value.greater_than_equal": Message(
        "Input should be greater than or equal to {bound}",
        "værdien skal være mindst {bound}",
    ),
    "value.less_than_equal": Message(
        "Input should be less than or equal to {bound}",
        "værdien må højst være {bound}",
    ),
    "value.greater_than": Message(
        "Input should be greater than {bound}",
        "værdien skal være større end {bound}",
    ),
    "value.less_than": Message(
        "Input should be less than {bound}",
        "værdien skal være mindre end {bound}",
    ),
    "value.string_too_long": Message(
        "String should have at most {characters}",
        "teksten må højst have {characters}",
    ),
    "value.string_too_short": Message(
        "String should have at least {characters}",
        "teksten skal have mindst {characters}",
    ),
    "value.pattern": Message(
        "String should match pattern '{pattern}'",
        "teksten skal passe til mønstret '{pattern}'",
    ),
    "value.list_too_short": Message(
        "List should have at least {items} after validation, not {actual}",
        "listen skal have mindst {items}, ikke {actual}",
    ),
    "value.list_too_long": Message(
        "List should have at most {items} after validation, not {actual}",
        "listen må højst have {items}, ikke {actual}",
    ),
    "value.dict_type": Message(
        "Input should be a valid dictionary",
        "der forventes en samling af nøgler og værdier",
    ),
    "value.list_type": Message(
        "Input should be a valid list",
        "der forventes en liste",
    ),
    "value.other": Message(
        "{detail}",
        "ugyldig værdi: {detail}",
    ),
    "workbook.extra": Message(
        "install iomstrat[xlsx] (openpyxl) to read xlsx ledgers",
        "installér iomstrat[xlsx] (openpyxl) for at læse xlsx-oversigter",
    ),
    "workbook.shared_strings": Message(
        "the workbook holds more than {most} shared strings (texts); a ledger sheet of a "
        "million payments holds about a million",
        "projektmappen har mere end {most} delte tekster; et ark med 1.000.000 udbetalinger "
        "har omkring lige så mange",
    ),
    "workbook.broken": Message(
        "not a readable xlsx workbook ({error})", "ikke en læsbar xlsx-projektmappe ({error})"
    ),
    "workbook.unpacked": Message(
        "the workbook unpacks to {mib} MiB, over the limit of {most_mib} MiB (a million "
        "payments take about 150 MiB)",
        "projektmappen fylder {mib} MiB udpakket, over grænsen på {most_mib} MiB "
        "(1.000.000 udbetalinger fylder omkring 150 MiB)",
    ),
    "workbook.no_sheet": Message(
        "the workbook has no sheet '{sheet}' (sheets: {sheets})",
        "projektmappen har intet ark '{sheet}' (ark: {sheets})",
    ),
    "workbook.chart": Message(
        "the sheet '{sheet}' is a chart sheet, not a worksheet",
        "arket '{sheet}' er et diagramark, ikke et regneark",
    ),
    "workbook.no_visible": Message(
        "the workbook has no visible worksheet; name the sheet to read with `sheet:`",
        "projektmappen har intet synligt regneark; angiv arket, der skal læses, med `sheet:`",
    ),
    "workbook.no_worksheet": Message(
        "the workbook has no worksheet", "projektmappen har intet regneark"
    ),
    "workbook.rows": Message(
        "the sheet '{sheet}' has more than {most} rows (Excel's own limit)",
        "arket '{sheet}' har mere end {most} rækker (Excels egen grænse)",
    ),
    "workbook.columns": Message(
        "row {row} has a cell beyond column {most}",
        "række {row} har en celle ud over kolonne {most}",
    ),
    "workbook.sheet_element": Message(
        "the sheet's XML has an element longer than 64 MiB",
        "arkets XML har et element, der er længere end 64 MiB",
    ),
    "workbook.workbook_element": Message(
        "the workbook's XML has an element longer than 64 MiB",
        "projektmappens XML har et element, der er længere end 64 MiB",
    ),
    "first_sheet.chart": Message(
        "the workbook's first sheet '{first}' is a chart sheet; read is '{chosen}', the sheet "
        "shown on opening it",
        "projektmappens første ark '{first}' er et diagramark; læst er '{chosen}', arket, der "
        "vises, når den åbnes",
    ),
    "first_sheet.hidden": Message(
        "the workbook's first sheet '{first}' is hidden; read is '{chosen}', the sheet shown on "
        "opening it",
        "projektmappens første ark '{first}' er skjult; læst er '{chosen}', arket, der vises, "
        "når den åbnes",
    ),
    "first_sheet.very_hidden": Message(
        "the workbook's first sheet '{first}' is very hidden; read is '{chosen}', the sheet "
        "shown on opening it",
        "projektmappens første ark '{first}' er meget skjult; læst er '{chosen}', arket, der "
        "vises, når den åbnes",
    ),
    "first_sheet.not_active": Message(
        "the workbook's first sheet '{first}' is not the one the workbook opens at; read is "
        "'{chosen}', the sheet shown on opening it",
        "projektmappens første ark '{first}' er ikke det, projektmappen åbner med; læst er "
        "'{chosen}', arket, der vises, når den åbnes",
    ),
    "header.no_column": Message("no column {columns}", "ingen kolonne {columns}"),
    "header.no_header": Message("no header for {columns}", "ingen overskrift for {columns}"),
    "header.doubled": Message(
        "{column} <- '{heading}' (columns {at})", "{column} <- '{heading}' (kolonnerne {at})"
    ),
    "header.unknown": Message(
        "unknown column '{name}'; expected {required} (optional: {optional})",
        "ukendt kolonne '{name}'; der forventes {required} (valgfri: {optional})",
    ),
    "refused.absolute": Message(
        "a ledger a strategy names is a path relative to the strategy file",
        "en oversigt, som en strategi nævner, angives med en sti i forhold til strategifilen",
    ),
    "refused.nul": Message(
        "a ledger path with a NUL character", "en sti til en oversigt med et NUL-tegn"
    ),
    "refused.outside": Message(
        "the ledger leads outside the strategy's repository ({root})",
        "oversigten fører uden for strategiens repository ({root})",
    ),
    "refused.not_regular": Message(
        "ledger is {is_a}, not a regular file", "oversigten er {is_a}, ikke en almindelig fil"
    ),
    "refused.too_large": Message(
        "ledger is {mib} MiB, over the limit of {most_mib} MiB",
        "oversigten er {mib} MiB, over grænsen på {most_mib} MiB",
    ),
    "refused.total": Message(
        "the ledgers of this strategy add up to more than {most_mib} MiB; this one is not read",
        "strategiens oversigter fylder tilsammen mere end {most_mib} MiB; denne læses ikke",
    ),
    "ledger.unlisted": Message(
        "a bad row beyond those listed", "en forkert række ud over de viste"
    ),
    "ledger.fields": Message(
        "{count} fields, the header has {width}",
        "{count} felter, overskriften har {width}",
    ),
    "ledger.date": Message(
        "date '{text}' is not a date ({format})",
        "datoen '{text}' er ikke en dato ({format})",
    ),
    "ledger.date_other": Message(
        "date '{text}' is not a date ({format}); it reads as {other}: if the ledger writes its "
        'dates so, declare `date_format: "{declare}"` in its `ledgers:` entry',
        "datoen '{text}' er ikke en dato ({format}); den læses som {other}: skriver oversigten "
        'sine datoer sådan, så angiv `date_format: "{declare}"` i dens post under `ledgers:`',
    ),
    "ledger.amount_bound": Message(
        "amount '{text}' is beyond the limit of an amount (below 10^15, at most 15 digits before "
        "the decimals)",
        "beløbet '{text}' er over grænsen for et beløb (under 10^15, højst 15 cifre før "
        "decimalerne)",
    ),
    "ledger.amount_decimals": Message(
        "amount '{text}' has more than 2 decimals, finer than an øre or a cent; if its point "
        "groups thousands, write the amount without it",
        "beløbet '{text}' har mere end 2 decimaler, finere end en øre eller en cent; "
        "grupperer punktummet tusinder, så skriv beløbet uden det",
    ),
    "ledger.amount": Message(
        "amount '{text}' is not a number of whole currency units with at most 2 decimals written "
        "with decimal '{decimal}', thousands {thousands} (e.g. {example})",
        "beløbet '{text}' er ikke et tal i hele valutaenheder med højst 2 decimaler skrevet med "
        "decimaltegn '{decimal}', tusindtalsskilletegn {thousands} (fx {example})",
    ),
    "ledger.amount_other": Message(
        "amount '{text}' is not a number of whole currency units with at most 2 decimals "
        "written with decimal '{decimal}', thousands {thousands} (e.g. {example}); it reads as "
        "{reads} with decimal '{other_decimal}', thousands {other_thousands}: if the ledger "
        "writes its amounts so, declare `{declare}` in its `ledgers:` entry",
        "beløbet '{text}' er ikke et tal i hele valutaenheder med højst 2 decimaler skrevet med "
        "decimaltegn '{decimal}', tusindtalsskilletegn {thousands} (fx {example}); det læses "
        "som {reads} med decimaltegn '{other_decimal}', tusindtalsskilletegn {other_thousands}: "
        "skriver oversigten sine beløb sådan, så angiv `{declare}` i dens post "
        "under `ledgers:`",
    ),
    "ledger.line_mapped": Message(
        "line '{text}' is neither a budget line id nor a value of this ledger's `lines:` mapping "
        "({known})",
        "linjen '{text}' er hverken et budgetlinje-id eller en værdi under oversigtens `lines:` "
        "({known})",
    ),
    "ledger.line": Message(
        "line '{text}' is not a budget line id; map the finance system's values to line ids with "
        "`lines:` in the ledger's `ledgers:` entry",
        "linjen '{text}' er ikke et budgetlinje-id; oversæt økonomisystemets værdier til "
        "linje-id'er med `lines:` i oversigtens post under `ledgers:`",
    ),
    "ledger.currency_suggest": Message(
        "currency '{text}' is not an ISO 4217 code (did you mean {suggestion}?)",
        "valutaen '{text}' er ikke en ISO 4217-kode (mente du {suggestion}?)",
    ),
    "ledger.currency": Message(
        "currency '{text}' is not an ISO 4217 code (e.g. DKK)",
        "valutaen '{text}' er ikke en ISO 4217-kode (fx DKK)",
    ),
    "ledger.voucher_empty": Message(
        "voucher is empty",
        "bilagsnummeret er tomt",
    ),
    "ledger.voucher": Message(
        "voucher: {problem}",
        "bilag: {problem}",
    ),
    "ledger.allocation": Message(
        "allocation: {problem}",
        "allokering: {problem}",
    ),
    "ledger.rate": Message(
        "exchange_rate '{text}' is not a positive number",
        "exchange_rate '{text}' er ikke et positivt tal",
    ),
    "ledger.rate_comma": Message(
        "exchange_rate '{text}' is not a positive number; for a decimal comma declare `decimal: "
        '","`',
        "exchange_rate '{text}' er ikke et positivt tal; angiv `decimal: \",\"` for et "
        "decimalkomma",
    ),
    "ledger.year": Message(
        "year '{text}' is not a year",
        "året '{text}' er ikke et årstal",
    ),
    "ledger.refund": Message(
        "refund '{text}' is not yes or no (ja or nej)",
        "refund '{text}' er hverken ja eller nej (yes eller no)",
    ),
}
"""Parts of messages (`findings.Phrase`), keyed as `codes.PHRASES`."""

_WORDS: Mapping[str, Message] = {
    "cover.commitment": Message("commitment", "tilsagn"),
    "cover.projected_disbursement": Message("projected disbursement", "forventede udbetaling"),
    "field.country": Message("country", "landet"),
    "field.region": Message("region", "regionen"),
    "field.focus": Message("geographic focus", "det geografiske fokus"),
    "unit.million": Message("million", "mio."),
    "unit.thousand": Message("thousand", "tusind"),
    "unit.kroner": Message("kroner", "kroner"),
    "unit.units": Message("units", "enheder"),
    "money.million": Message("{currency} {amount} million", "{amount} mio. {currency}"),
    "money.thousand": Message("{currency} {amount} thousand", "{amount} tusind {currency}"),
    "or": Message(" or ", " eller "),
    "nothing": Message("nothing", "ingenting"),
    "top_level": Message("(top level)", "(øverste niveau)"),
    "at_line": Message("{term} at line {line}", "{term} på linje {line}"),
    "every_1": Message("every month", "hver måned"),
    "every_6": Message("every six months", "hvert halve år"),
    "every_12": Message("once a year", "én gang om året"),
    "every": Message("every {n} months", "hver {n}. måned"),
    "period.year": Message("a year", "et år"),
    "transaction.payment": Message("payment", "udbetalingen"),
    "transaction.commitment": Message("commitment", "tilsagnet"),
    "transaction.disbursement": Message("disbursement", "udbetalingen"),
    "transaction.incoming_funds": Message("incoming funds", "de modtagne midler"),
    "transaction.incoming_commitment": Message("incoming commitment", "det modtagne tilsagn"),
    "period.half_year": Message("a half-year", "et halvår"),
    "period.quarter": Message("a quarter", "et kvartal"),
    "months_1": Message("1 month", "1 måned"),
    "months": Message("{n} months", "{n} måneder"),
    "got.boolean": Message("true/false ({text})", "true/false ({text})"),
    "got.text": Message("text '{text}'", "teksten '{text}'"),
    "got.nothing": Message("nothing (empty value)", "ingenting (tom værdi)"),
    "got.mapping": Message("a mapping", "en samling af nøgler og værdier"),
    "got.list": Message("a list", "en liste"),
    "got.number": Message("the number {text}", "tallet {text}"),
    "got.other": Message("{text}", "{text}"),
    "characters": Message("{n} characters", "{n} tegn"),
    "nothing_matched": Message("none", "ingen"),
    "and": Message(" and ", " og "),
    # a budget line's kind (model/kinds.py LINE_KINDS; English: the file's own value)
    "line_kind.core": Message("core", "kernebidrag"),
    "line_kind.soft_earmarked": Message("soft_earmarked", "blødt øremærket"),
    "line_kind.earmarked": Message("earmarked", "øremærket"),
    "line_kind.personnel": Message("personnel", "personale"),
    "line_kind.humanitarian": Message("humanitarian", "humanitært"),
    "line_kind.thematic": Message("thematic", "tematisk"),
    "line_kind.climate": Message("climate", "klima"),
    "line_kind.other": Message("other", "andet"),
    "characters_1": Message("{n} character", "{n} tegn"),
    "items": Message("{n} items", "{n} elementer"),
    "items_1": Message("{n} item", "{n} element"),
    "payments": Message(
        "{n} payments of this file are dated so", "{n} udbetalinger i denne fil er dateret sådan"
    ),
    "payments_1": Message(
        "{n} payment of this file is dated so", "{n} udbetaling i denne fil er dateret sådan"
    ),
    "is_a.directory": Message("a directory", "en mappe"),
    "is_a.fifo": Message("a FIFO (named pipe)", "en FIFO (navngivet rør)"),
    "is_a.device": Message("a device", "en enhed"),
    "is_a.socket": Message("a socket", "en sokkel"),
    "is_a.other": Message("not a regular file", "ikke en almindelig fil"),
    "is_a.broken_link": Message(
        "a symbolic link to a file that does not exist",
        "et symbolsk link til en fil, der ikke findes",
    ),
    "is_a.link_loop": Message("a symbolic link loop", "en løkke af symbolske links"),
    "bytes": Message("{n} bytes", "{n} byte"),
    "mebibytes": Message("{n} MiB", "{n} MiB"),
}
"""Words for values that are keys (a cover row, a field) or counts that read better in words."""


SUMMARIES_DA: Mapping[str, str] = {
    "IOM001": "filen kan ikke læses (mangler, er en mappe, adgang nægtet, brudt link, for stor)",
    "IOM002": "ikke tekst: binær, komprimeret, ugyldig UTF-8, UTF-16/32 eller styretegn",
    "IOM003": "YAML-syntaksfejl",
    "IOM004": "nøglen er angivet to gange i samme afsnit",
    "IOM005": "tvetydig værdi (decimalkomma, tusindtalspunktum, dansk dato, ja/nej, foranstillet "
    "nul)",
    "IOM006": "et YAML-mærke (tag) er ikke tilladt",
    "IOM007": "aliaser gentager for mange værdier",
    "IOM008": "for dybt indlejret",
    "IOM009": "for stor: for mange værdier eller en for lang nøgle",
    "IOM010": "et tal med for mange cifre",
    "IOM011": "tom fil, flere dokumenter eller et øverste niveau, der ikke er en samling af "
    "nøgler og værdier",
    "IOM012": "springes over: ikke en almindelig fil (en FIFO, en sokkel, en enhed, et brudt "
    "symbolsk link)",
    "IOM020": "forkert type eller værdi",
    "IOM021": "ukendt nøgle",
    "IOM022": "påkrævet nøgle mangler",
    "IOM101": "den angivne sum afviger fra summen af linjerne med mere end afrunding",
    "IOM102": "den angivne sum afviger inden for afrundingen af de trykte tal",
    "IOM103": "forsidens tilsagn eller forventede udbetaling afviger fra budgettet",
    "IOM104": "en afvigelse, der skyldes et tal under `errata:`, en trykfejl i kilden (med "
    "begrundelse)",
    "IOM105": "en rettelse, hvis `printed` ikke er filens værdi dér, eller hvis sti ikke peger på "
    "et angivet tal",
    "IOM106": "en senere versions ændring peger ikke på en værdi i filen, eller erstatter ikke "
    "et tal i budgettet eller forsiden med et tal eller en tekst om strategien med en tekst",
    "IOM107": "en senere version angiver et års tilsagn uden linjerne: linjerne fordeles "
    "forholdsmæssigt efter filens fordeling",
    "IOM201": "et år i perioden mangler en bevillingsangivelse",
    "IOM202": "bevilling for et år uden for perioden",
    "IOM203": "reduktion uden bevilget beløb",
    "IOM204": "bevillingsstatus stemmer ikke med beløb eller datoer",
    "IOM205": "et år er begyndt uden registreret bevilling (eller med en beslutning dateret efter "
    "opgørelsesdatoen)",
    "IOM206": "årets beløb er planlagte og forudsætter Folketingets bevilling",
    "IOM207": "en beslutning dateret efter årets udgang og supplementsperioden eller mere end et "
    "år før sit år",
    "IOM301": "finanslovskontoen har ikke formen §NN.NN.NN.NN",
    "IOM302": "år mangler eller ligger uden for perioden",
    "IOM303": "negativt beløb",
    "IOM304": "linje- eller sum-id angivet to gange",
    "IOM305": "en sum, en bevilling, `dialogue` eller `geographic_focus` nævner en linje, "
    "budgettet ikke har",
    "IOM306": "beløb mere præcist end én øre",
    "IOM307": "et år i den angivne periode, som ingen linje har et beløb for: vist som "
    "ufinansieret",
    "IOM401": "udbetaling før årets bevilling på finansloven (eller uden registreret bevilling)",
    "IOM402": "udbetalinger over årets (eller linjens) bevilgede beløb",
    "IOM403": "en udbetaling på en `dialogue:`-linje uden en allokering besluttet senest på "
    "datoen, eller som nævner en ukendt allokering",
    "IOM404": "udbetalinger på en `dialogue:`-linje over det beløb, der var allokeret på deres "
    "dato, eller over deres allokeringspost",
    "IOM405": "en linjes allokeringer i et år over linjens beløb (bevilget, ellers planlagt)",
    "IOM406": "allokering til et land eller en region uden for filens `geographic_focus`",
    "IOM407": "allokeringens land eller region er ukendt",
    "IOM408": "dialogbeslutninger med længere mellemrum end filens `dialogue.every_months` og "
    "`grace_months`",
    "IOM409": "udbetaling dateret uden for sit bevillingsår eller perioden; allokering uden for "
    "perioden",
    "IOM410": "bilagsnummer brugt to gange",
    "IOM458": "udbetalinger dateret efter opgørelsesdatoen: ikke medregnet pr. den dato (én "
    "note pr. fil, ved den første)",
    "IOM459": "udbetalinger dateret efter i dag: endnu ikke sket, medregnet eller ej pr. "
    "opgørelsesdatoen (én advarsel pr. fil, ved den første)",
    "IOM411": "en linjes udbetalinger i et år over det planlagte beløb",
    "IOM412": "allokering mærket med et prioritetsområde eller en SRF-kode, strategien ikke har",
    "IOM413": "udbetaling eller allokering på en linje, budgettet ikke har",
    "IOM414": "ingen ECB-referencekurs for udbetalingens valuta og dato, og ingen angivet",
    "IOM415": "udbetaling efter den medfølgende ECB-historik, omregnet til seneste kurs",
    "IOM416": "en udbetalingsplan summer ikke til linjens planlagte beløb eller nævner en ukendt "
    "linje eller et ukendt år",
    "IOM417": "en linjes prognose for et besluttet år overstiger det bevilgede (en "
    "udbetalingsplan, der stadig følger planen)",
    "IOM418": "en negativ udbetaling, der ikke er markeret som tilbagebetaling, eller en "
    "tilbagebetaling, der ikke er negativ",
    "IOM420": "en udbetalingsoversigt kan ikke læses (mangler, er ikke en projektmappe, ukendt "
    "filtype); en oversigt nævnt under `ledgers:`, som ikke findes, er en advarsel for `validate`",
    "IOM421": "oversigtens overskriftsrække er ikke den forventede og passer ikke til dens "
    "`columns:`",
    "IOM422": "en række i udbetalingsoversigten har en forkert værdi (dato, beløb, linje, valuta, "
    "bilag, kurs)",
    "IOM423": "oversigtens format kan ikke afgøres (datoer uden en dag over 12, ukendt tegnsæt): "
    "angiv det",
    "IOM424": "en oversigt læses ikke: en absolut sti eller en sti uden for strategiens "
    "repository, ikke en almindelig fil, over grænserne",
    "IOM425": "en valuta, der ikke er en ISO 4217-kode (`XYZ`; `DKR`, `Kr.`, `kr`: mente du DKK?)",
    "IOM426": "en kurs forskellig fra 1 på en udbetaling i strategiens egen valuta",
    "IOM427": "en angivet kurs mere end 1,5 gange over eller under ECB's referencekurs for dagen",
    "IOM428": "en `--ledger`-angivelse, der ikke er en post under `ledgers:` (YAML i flow-stil: "
    "`{path: FIL, columns: {…}}`)",
    "IOM430": "oversigtens talformat modsiger sig selv (samme decimaltegn og tusindtalsskilletegn) "
    "eller det, beløbene i filen viser",
    "IOM431": "en udbetaling omregnet med sin kurs er 10^15 eller mere i strategiens valuta (over "
    "grænsen for et beløb): den tælles ikke med",
    "IOM432": "projektmappens første ark er skjult, meget skjult eller et diagramark (eller ikke "
    "det, mappen åbner med): arket, der vises ved åbning, læses",
    "IOM433": "en projektmappe over en grænse: flere rækker end Excel tillader, for "
    "mange delte tekster, et element for langt",
    "IOM434": "en oversigt blev ændret (størrelse eller ændringstid), mens den blev læst: ingen af "
    "dens udbetalinger medtages",
    "IOM440": "allokeringens periode følger ikke dialogens rytme (`2024` årlig, `2024-H1` "
    "halvårlig, `2024-Q3` kvartalsvis)",
    "IOM441": "en dialogbeslutning dateret hverken i sin periode, kort før den eller inden for "
    "fristen efter den",
    "IOM442": "på datoen ingen dialogbeslutning for en linje i længere tid end dialogens rytme og "
    "frist (nævner den seneste beslutning)",
    "IOM450": "en tabelfil er givet sammen med strategier og er udeladt af tallene (vis den med "
    "`iomstrat table show`)",
    "IOM451": "et besluttet år (approved, reduced, withheld) uden finanslov eller "
    "beslutningsdato, eller et planlagt år, der angiver en beslutning",
    "IOM460": "to strategifiler givet sammen er én strategi (samme `strategy.file_no` eller, "
    "uden et, samme titel og periode): den sidste er udeladt af tallene, der ellers ville tælle "
    "den to gange",
    "IOM601": "en tabelrække har et andet antal celler end tabellen har kolonner",
    "IOM602": "et tal har en fodnotemarkering, tabellen ikke definerer",
    "IOM603": "en fodnote, tabellen definerer, bruges ikke",
    "IOM604": "en tilbagebetaling, der ikke er negativ, eller et negativt tal uden markering",
    "IOM605": "en trykt vækstprocent afviger fra kolonnesummerne med mere end afrunding",
    "IOM606": "en trykt vækstprocent afviger inden for afrundingen",
    "IOM701": "IATI-eksporten er ikke gyldig efter IATI 2.03-skemaet",
    "IOM702": "en IATI-budgetperiode er længere end 12 måneder eller slutter før den begynder",
    "IOM703": "IATI-budgetter af samme type overlapper",
    "IOM704": "negativt IATI-budget eller planlagt udbetaling",
    "IOM705": "en IATI-værdi uden value-date",
    "IOM706": "strategien mangler de IATI-identifikatorer, en eksport kræver",
    "IOM707": "en regel i IATI's standardregelsæt er ikke opfyldt (reglens id og tekst: sektor "
    "6.2.2, modtager 3.7.1, transaktionsdato i fremtiden 11.2.1 …)",
    "IOM708": "en IATI-værdi står ikke på sin IATI-kodeliste (advarsel for en åben eller "
    "udgået kode)",
    "IOM709": "strategien mangler data, en IATI-regel kræver (nævner feltet, der skal tilføjes: "
    "sektor, modtager, bistandstype …)",
    "IOM710": "samme IATI-aktivitets-id givet til to aktiviteter",
    "IOM800": "et udsagn i teksten (beløb, andel, antal, placering eller år) holder ikke mod det "
    "tal, det taler om, med den margin dets ordlyd giver",
    "IOM801": "teksten rangordner rækker (donorer) anderledes end tabellens kolonne",
    "IOM802": "teksten henviser til et afsnit (et bilag), der ikke indeholder det lovede",
    "IOM803": "et tal trykt to steder afviger med mere end afrundingen",
    "IOM804": "to udsagn om samme størrelse er uenige",
    "IOM805": "et udsagn, der ikke holder, anerkendt under `errata:` (med begrundelse)",
    "IOM806": "et udsagn nævner en tabel, række, kolonne, budgetlinje eller sum, som data ikke har",
    "IOM807": "en tabelfil under `tables:` kan ikke læses eller er ikke en gyldig tabel: "
    "udsagn om den kontrolleres ikke",
    "IOM808": "et udsagns-id er brugt to gange",
    "IOM809": "en værdi, dokumentet ikke angiver: filens antagelse, ikke kildens",
    "IOM810": "en antagelse, hvis sti ikke peger på en værdi i filen",
    "IOM811": "et output i resultatrammen, hvis kode nævner et outcome, prioritetsområdet ikke har",
    "IOM900": "IATI-filen afvises: den erklærer en DTD (entiteter, der udfoldes eller henter "
    "andre filer)",
    "IOM901": "ikke en IATI 2.0x-aktivitetsfil (ikke XML, rodelementet er ikke iati-activities, "
    "version 1)",
    "IOM902": "en offentliggjort transaktion, et budget eller en planlagt udbetaling uden type, "
    "dato, tal eller valuta (tælles ikke med)",
    "IOM903": "ingen af de læste IATI-aktiviteter vedrører strategien",
    "IOM904": "en udbetaling i oversigterne står ikke blandt de offentliggjorte udbetalinger",
    "IOM905": "en offentliggjort udbetaling står ikke i oversigterne",
    "IOM906": "en offentliggjort udbetaling afviger i beløb fra udbetalingen ud over tolerancen",
    "IOM907": "en transaktion og dens modpart er dateret i forskellige år",
    "IOM908": "et års offentliggjorte tilsagn overstiger bevillingen",
    "IOM909": "en udbetaling fra donoren står ikke blandt organisationens modtagne midler",
    "IOM910": "organisationens modtagne midler fra donoren står ikke blandt donorens udbetalinger",
    "IOM911": "modtagne midler afviger i beløb fra donorens udbetaling ud over tolerancen",
    "IOM912": "et tilsagn fra donoren står ikke blandt organisationens modtagne tilsagn",
    "IOM913": "organisationens modtagne tilsagn fra donoren står ikke blandt donorens tilsagn",
    "IOM914": "et modtaget tilsagn afviger i beløb fra donorens tilsagn ud over tolerancen",
    "IOM915": "ingen ECB-referencekurs for en offentliggjort værdis valuta på dens value-date",
}
"""The Danish summary of every code (`codes.py` holds the English one): the Danish of a
finding its reader words in English, with the data path and the values it quotes."""


def _word(key: str, locale: str) -> str:
    entry = _WORDS[key]
    return entry.da if locale == "da" else entry.en


_COMPUTED = frozenset({"computed", "difference", "planned"})
"""The values of a finding the tool computes (a sum, a year's plan, a difference), not
quoted from the file: whole, without a spurious `.0`."""


def _figure(value: Decimal, locale: str, *, signed: bool = False) -> str:
    """A figure a finding quotes: every digit it has, but a whole number without a spurious
    `.0` (a year's plan summed from apportioned lines is 75.0: 'DKK 75 million', '265,001')."""
    if value.is_finite() and value == value.to_integral_value():
        value = value.to_integral_value()
    return digits(value, locale, signed=signed)


def _money(value: Money, locale: str) -> str:
    if value.unit in ("million", "thousand"):
        currency = "kr." if locale == "da" and value.currency == "DKK" else value.currency
        return _word(f"money.{value.unit}", locale).format(
            currency=currency, amount=_figure(value.amount, locale)
        )
    if locale == "en":
        return f"{value.currency} {value.amount:,.2f}"
    from babel.numbers import format_currency

    return str(format_currency(value.amount, value.currency, locale=locale))


def path_text(path: tuple[str | int, ...]) -> str:
    """A data path as the file's keys: budget.lines[0].amounts.2024."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text


def _got(value: tuple[str, str], locale: str) -> str:
    """What a refused value is (`model.base.got`): 'text '48 mio'', 'a list'."""
    kind, shown = value
    return _word(f"got.{kind}", locale).format(text=shown)


def _months(count: int, locale: str) -> str:
    return _word("months_1", locale) if count == 1 else _word("months", locale).format(n=count)


def _every(count: int, locale: str) -> str:
    key = f"every_{count}"
    return _word(key, locale) if key in _WORDS else _word("every", locale).format(n=count)


def _place(name: str, locale: str) -> str:
    """A continent or region the checks name (in English, as M49 does) in `locale`."""
    if locale == "en":
        return name
    from iomstrat.places import Places  # here: only a finding about a place needs the table

    places = Places()
    found = places.resolve(name)
    return (places.name(found.code, locale) if found else None) or name


def _term(term: tuple[Any, Decimal, int | None], locale: str) -> str:
    label, amount, line = term
    text = f"{_value('label', label, locale)} {digits(amount, locale)}"
    return text if line is None else _word("at_line", locale).format(term=text, line=line)


def _value(name: str, value: Any, locale: str) -> str:
    """One value of a finding as its message shows it in `locale`."""
    if name == "problems":  # the findings of reading an entry (IOM428)
        return "; ".join(text(d, locale) for d in value)
    if isinstance(value, Diagnostic):  # what made a table unreadable; a statement's finding
        return text(value, locale)
    if statement_words.applies(name, value):
        return statement_words.value(name, value, locale)
    if name == "terms":
        return " + ".join(_term(t, locale) for t in value) or _word("nothing", locale)
    if name == "at" and isinstance(value, list):  # the places of a column named twice
        return _word("and", locale).join(value)
    if name in ("at", "parent"):
        return path_text(value) or _word("top_level", locale)
    if name in ("cover", "field", "unit"):
        return _word(f"{name}.{value}", locale)
    if name == "label" and isinstance(value, Named):  # a sum's term: '2021 1 + column 2 3'
        return str(value)
    if isinstance(value, Named | Unnamed):  # a table's column, the word 'column' with it
        return column(value, locale)
    if name in ("thousands", "other_thousands"):  # a ledger's thousands separator
        return ledger_words.thousands(value, locale)
    if name in ("delimiter", "foreign"):
        return ledger_words.delimiter(value, locale)
    if name == "dialect":
        return ledger_words.dialect_words(value, locale)
    if name in ("format", "other", "day", "month") and str(value).startswith("%"):
        return ledger_words.date_pattern(value, locale)  # a ledger's date format
    if name == "entry":  # a `ledgers:` entry to paste, its places to fill in worded
        return ledger_words.entry(value, locale)
    if name == "faults":
        return "; ".join(_value("fault", fault, locale) for fault in value)
    if name == "matched":
        pairs = ", ".join(f"{column} <- '{heading}'" for column, heading in value)
        return pairs or _word("nothing_matched", locale)
    if name == "got":
        return _got(value, locale)
    if name == "choices":
        quoted = [f"'{choice}'" for choice in value]
        last = _word("or", locale).join(quoted[-2:])
        return ", ".join([*quoted[:-2], last])
    if name in ("characters", "items", "payments") and isinstance(value, int):
        return _word(f"{name}_1" if value == 1 else name, locale).format(n=value)
    if name == "is_a":
        return _word(f"is_a.{value}", locale)
    if name in ("size", "max_bytes"):
        if value >= 2**20:
            mib = digits((Decimal(value) / 2**20).quantize(Decimal("0.1")), locale)
            return _word("mebibytes", locale).format(n=mib)
        return _word("bytes", locale).format(n=value)
    if name == "codepoint":
        return f"U+{value:04X}"
    if name == "line_kind" and f"line_kind.{value}" in _WORDS:  # a kind of its own: as written
        return _word(f"line_kind.{value}", locale)
    if name in ("named", "cadence"):
        return _word(f"period.{value}", locale)
    if name == "transaction":
        return _word(f"transaction.{value}", locale)
    if name == "rate" and isinstance(value, Decimal):
        return digits(value.quantize(Decimal("0.000001")), locale)
    if name == "every_months":
        return _every(value, locale)
    if name in ("grace_months", "months"):
        return _months(value, locale)
    if name == "suggestions":
        return _word("or", locale).join(value)
    if name == "continents":
        return ", ".join(_place(place, locale) for place in value)
    if isinstance(value, Phrase):
        return _worded(PHRASES[value.key], dict(value.values), locale)
    if isinstance(value, Money):
        return _money(value, locale)
    if isinstance(value, Decimal) and name in _COMPUTED:
        return _figure(value, locale, signed=name == "difference")
    if isinstance(value, Decimal):  # as the file wrote it: a stated 68.0 stays 68.0
        return digits(value, locale)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return ", ".join(_value(name, item, locale) for item in value)
    return str(value)


class _Values(dict[str, Any]):
    """A finding's values, each formatted for `locale` when a template asks for it."""

    def __init__(self, values: Mapping[str, Any], locale: str) -> None:
        super().__init__(values)
        self.locale = locale

    def __missing__(self, name: str) -> str:
        return "?"

    def __getitem__(self, name: str) -> str:
        if name not in self:
            return "?"
        return _value(name, super().__getitem__(name), self.locale)


def _worded(message: Message, values: Mapping[str, Any], locale: str) -> str:
    template = message.da if locale == "da" else message.en
    return template.format_map(_Values(values, locale))


def template_values(template: str) -> set[str]:
    """The names of the values a template quotes."""
    return {name for _, name, _, _ in Formatter().parse(template) if name}


MORE = Message(
    "{count} more {code} findings from line {line} on, not listed (the first {shown} are)",
    "{count} kontrolresultater mere af {code} fra linje {line} og frem, ikke vist (de første "
    "{shown} er)",
)
"""The finding standing for a code's findings beyond the first thousand (`codes.MORE`)."""


def text(d: Diagnostic, locale: str = "en") -> str:
    """A finding's message in `locale`: from its code's template and values; a finding its
    reader worded (YAML, pydantic, ledgers, IATI) in English, in Danish its code's Danish
    summary with the data path and the values it quotes."""
    key = message_key(d.code, d.kind)
    if not d.message and d.kind == "more":
        return _worded(MORE, d.values, locale)
    if not d.message and key in MESSAGES and catalogued(d.code, d.kind) is not None:
        return _worded(MESSAGES[key], d.values, locale)
    return _reader_message(d.code, d.message, d.path, locale)


def json_values(d: Diagnostic) -> dict[str, Any]:
    """The values a finding quotes, for programs: numbers and dates as exact text, money as
    amount and currency, a phrase or a key in English words, lists as lists."""
    return {name: _plain(name, value) for name, value in d.values.items()}


def _plain(name: str, value: Any) -> Any:
    if isinstance(value, Money):
        return {"amount": str(value.amount), "currency": value.currency, "unit": value.unit}
    if name == "problems":
        return [text(d, "en") for d in value]
    if isinstance(value, Diagnostic) or statement_words.applies(name, value):
        return _value(name, value, "en")
    if name in ("dialect", "faults", "entry"):
        return _value(name, value, "en")
    if isinstance(value, Phrase) or name in ("terms", "at"):
        return _value(name, value, "en")
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, tuple | list):
        return [_plain(name, item) for item in value]
    return str(value)


_QUOTED = re.compile(r"'([^']{1,80})'")
_WRITE = re.compile(r"\bwrite ([^\s;,]+)")


def _reader_message(code: str, message: str, path: tuple[str | int, ...], locale: str) -> str:
    """The message of a finding for people: English as the check wrote it; in Danish the code's
    Danish summary with the data path, the values the English message quotes and what to write."""
    if locale != "da" or code not in SUMMARIES_DA:
        return message
    details = []
    if path:
        details.append(path_text(path))
    quoted = _QUOTED.findall(message)
    if quoted:
        details.append(", ".join(f"'{q}'" for q in dict.fromkeys(quoted)))
    advice = _WRITE.findall(message)
    if advice:
        details.append(f"{'skriv' if locale == 'da' else 'write'} {advice[0]}")
    summary = SUMMARIES_DA[code]
    return f"{summary}: {'; '.join(details)}" if details else summary
