"""The catalogue of finding codes: one entry each, the source of SARIF rules, the README table
and the messages of `render/messages.py`.

A code is stable once released: its meaning may be sharpened, never changed. A code names the
values its findings carry; `render/messages.py` words each in English and Danish from them
(docs/DESIGN.md, "Adding a finding code").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Code:
    code: str
    severity: str  # the severity findings with this code usually have
    summary: str
    values: tuple[str, ...] | None = None
    """The names of the values its findings carry, for its one message; None for a code whose
    reader words the finding itself (YAML, pydantic, ledgers, IATI: the finding's `message`)."""
    kinds: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """A code with several messages: each kind's value names (a finding names its kind)."""
    severities: Mapping[str, str] = field(default_factory=dict)
    """A kind whose findings have another severity than the code's (its summary says so)."""

    def messages(self) -> dict[str, tuple[str, ...]]:
        """Message key (`IOM204` or `IOM204.duplicate`) -> the values its findings carry."""
        found = {f"{self.code}.{kind}": names for kind, names in self.kinds.items()}
        if self.values is not None:
            found[self.code] = self.values
        return found


CODES: tuple[Code, ...] = (
    Code(
        "IOM001",
        "fatal",
        "file cannot be read (missing, directory, permission, symlink loop or broken link, too large)",
        kinds={
            "stdin_too_large": ("max_bytes",),
            "too_large": ("size", "max_bytes"),
            "input_too_large": ("size", "max_bytes"),
            "grew": ("max_bytes",),
            "directory": (),
            "not_regular": ("is_a",),
            "broken_link": (),
            "missing": (),
            "permission": (),
            "loop": (),
            "os_error": ("reason",),
            "iati_directory": (),
            "iati_not_regular": (),
            "iati_missing": (),
        },
    ),
    Code(
        "IOM002",
        "fatal",
        "not text: binary, gzip, invalid UTF-8, UTF-16 without or UTF-32, NUL or control characters, a byte-order mark inside the text",
        kinds={
            "gzip": (),
            "utf32": (),
            "utf16_no_bom": (),
            "utf16_invalid": (),
            "utf8_invalid": (),
            "nul": (),
            "control": ("codepoint",),
            "bom_inside": (),
            "yaml_character": ("codepoint",),
        },
    ),
    Code(
        "IOM003",
        "error",
        "YAML syntax error (with a hint for a tab or an unclosed quote), unknown alias, merge of a non-mapping",
        kinds={
            "syntax": ("problem",),
            "syntax_tab": ("problem",),
            "syntax_quote": ("problem", "opened"),
            "yaml": ("problem",),
            "unknown_alias": ("alias",),
            "collection_key": (),
            "merge": (),
        },
    ),
    Code(
        "IOM004",
        "error",
        'duplicate key (including `2024` and `"2024"` in one mapping)',
        values=("text", "first"),
    ),
    Code(
        "IOM005",
        "error",
        "ambiguous scalar: YAML 1.1 booleans (`yes`, `no`, `on`, `off`, `NO`), leading zeros, `{2023: 1,500}` split at a thousands separator, a decimal comma (`47,5`), thousands points (`90.000.000`) or commas, a day-month-year date (`15-03-2023`), invalid dates",
        kinds={
            "not_boolean": ("text",),
            "yaml11_boolean": ("text",),
            "point_once": ("text", "meant"),
            "leading_zero": ("text",),
            "bad_date": ("text",),
            "not_number": ("text",),
            "split_thousands": ("text", "meant", "decimal"),
            "split_decimal": ("text", "meant"),
            "comma_thousands": ("text", "meant", "decimal"),
            "comma_decimal": ("text", "meant"),
            "comma_groups": ("text", "meant"),
            "point_groups": ("text", "meant"),
            "day_month_year": ("text", "meant"),
        },
    ),
    Code(
        "IOM006",
        "error",
        "a tag such as `!!python/object`, `!!binary` or `!money`",
        values=("tag",),
    ),
    Code(
        "IOM007", "error", "aliases repeat too many nodes (alias bomb)", kinds={"bomb": ("most",)}
    ),
    Code("IOM008", "error", "nested too deep", kinds={"deep": ("most",)}),
    Code(
        "IOM009",
        "error",
        "too large: more values than the limit, or a key longer than 200 characters",
        kinds={"values": ("most",), "key": ("count", "most")},
    ),
    Code(
        "IOM010",
        "error",
        "a number with too many digits, counted written out (`1e400` has 401)",
        values=("count", "most"),
        kinds={"written_out": ("text", "count", "most")},
    ),
    Code(
        "IOM011",
        "error",
        "empty file, several documents, or a top level that is not a mapping",
        kinds={"empty": (), "documents": (), "top_list": (), "top_value": ()},
    ),
    Code(
        "IOM012",
        "note",
        "a folder's YAML name that is not a regular file (a FIFO, a socket, a device, a broken "
        "symbolic link or a link loop) is skipped",
        values=("is_a",),
    ),
    Code(
        "IOM020",
        "error",
        "wrong type or value (text where a number is meant, a boolean as amount, NaN, a control or bidi character in a text, a period that ends before it starts, …)",
        kinds={
            "value": ("at", "problem"),
            "key": ("at", "name", "problem"),
            "quoted_year": ("at", "name", "problem"),
        },
    ),
    Code(
        "IOM021",
        "error",
        "unknown key (with the closest known key suggested)",
        kinds={"suggest": ("parent", "name", "suggestion"), "known": ("parent", "name", "known")},
    ),
    Code("IOM022", "error", "required key missing", values=("at",)),
    Code(
        "IOM101",
        "error",
        "stated total differs from the sum of its lines by more than rounding",
        values=("subject", "stated", "computed", "terms", "difference", "tolerance", "at"),
    ),
    Code(
        "IOM102",
        "warning",
        "stated total differs by no more than the rounding of printed figures",
        values=("subject", "stated", "computed", "terms", "difference", "tolerance"),
    ),
    Code(
        "IOM103",
        "error",
        "cover table (commitment, projected disbursement) differs from the budget",
        values=("subject", "stated", "computed", "terms", "difference", "tolerance", "at"),
    ),
    Code(
        "IOM104",
        "note",
        "a difference caused by a figure listed under `errata:`, a misprint of the source (with its reason)",
        values=("subject", "stated", "computed", "terms", "difference", "reason"),
        kinds={"growth": ("column", "printed", "computed", "before", "now", "rounded", "reason")},
    ),
    Code(
        "IOM105",
        "error",
        "an erratum whose `printed` is not the file's value there, or whose path names no stated figure",
        kinds={
            "no_figure": ("text", "roots", "example"),
            "twice": ("at",),
            "no_printed": ("at",),
            "no_statement": ("text", "count"),
            "statement_printed": ("at", "printed", "stated"),
            "not_printed": ("at", "printed", "value"),
        },
    ),
    Code(
        "IOM106",
        "error",
        "a version's change names no value of the file, or is not a figure of the budget or "
        "cover replaced by a figure, nor a strategy text by a text",
        kinds={"no_value": ("version", "change"), "not_applicable": ("version", "change")},
    ),
    Code(
        "IOM107",
        "note",
        "a later version gives a year's cover commitment without its lines: the lines are "
        "apportioned in proportion to the file's split",
        values=("version", "year", "total"),
    ),
    Code("IOM201", "error", "a year of the period has no approval entry", values=("year",)),
    Code(
        "IOM202", "error", "approval for a year outside the period", values=("year", "start", "end")
    ),
    Code("IOM203", "error", "reduction without an approved amount", values=("year",)),
    Code(
        "IOM204",
        "error",
        "approval flags inconsistent with amounts or dates",
        kinds={
            "duplicate": ("year", "first"),
            "approved_not_planned": ("year", "amount", "planned"),
            "reduced_not_below": ("year", "amount", "planned"),
            "approved_not_planned_units": (
                "year",
                "amount",
                "planned",
                "currency",
                "unit",
                "file_unit",
                "written",
            ),
            "reduced_not_below_units": (
                "year",
                "amount",
                "planned",
                "currency",
                "unit",
                "file_unit",
                "written",
            ),
            "withheld_amount": ("year", "amount"),
            "line_above_plan": ("year", "amount", "line", "planned"),
            "lines_sum": ("year", "amount", "sum"),
        },
    ),
    Code(
        "IOM205",
        "warning",
        "a year has started without a recorded approval (or with a decision dated after the as-of date)",
        values=("year", "planned", "as_of"),
        kinds={"later": ("year", "planned", "as_of", "decided_on")},
    ),
    Code(
        "IOM206",
        "note",
        "a year's amounts are planned, subject to parliamentary approval",
        values=("year", "planned"),
    ),
    Code(
        "IOM207",
        "error",
        "a decision dated after its year's end and supplementary period, or more than a year before its year",
        kinds={
            "after": ("year", "date", "bound"),
            "after_supplementary": ("year", "date", "bound", "months"),
            "before": ("year", "date", "bound"),
        },
    ),
    Code("IOM301", "error", "Finance Act code not of the form §NN.NN.NN.NN", values=("text",)),
    Code(
        "IOM302",
        "error",
        "years missing or outside the period",
        kinds={
            "period": ("start", "end"),
            "outside": ("what", "year", "start", "end"),
            "missing": ("what", "years", "start", "end"),
        },
    ),
    Code("IOM303", "error", "negative amount", values=("amount",)),
    Code(
        "IOM304",
        "error",
        "duplicate line or total id",
        kinds={"lines": ("id", "count"), "totals": ("id", "count")},
    ),
    Code(
        "IOM305",
        "error",
        "a total, approval, `dialogue` or `geographic_focus` names a line the budget does not have",
        kinds={
            "total": ("total", "line", "lines"),
            "policy": ("setting", "line", "lines"),
            "approval": ("year", "line"),
        },
    ),
    Code(
        "IOM306", "error", "amount more precise than one øre", values=("amount", "unit", "decimals")
    ),
    Code(
        "IOM307",
        "note",
        "a year of the stated period no line has an amount for: shown as unfunded (a period "
        "longer than its funded years)",
        values=("year", "start", "end"),
    ),
    Code(
        "IOM401",
        "error",
        "a payment before its year's parliamentary approval (or with none recorded)",
        values=("voucher", "date", "year", "finance_act", "decided_on"),
        kinds={"none": ("voucher", "date", "year")},
    ),
    Code(
        "IOM402",
        "error",
        "payments above the approved amount of the year (or of a line the approval names)",
        values=("voucher", "year", "paid", "approved", "excess"),
        kinds={"line": ("voucher", "year", "paid", "approved", "excess", "line")},
    ),
    Code(
        "IOM403",
        "error",
        "a payment on a `dialogue:` line without an allocation decided by its date, or naming an unknown allocation",
        values=("voucher", "line", "date", "year"),
        kinds={"unknown_item": ("voucher", "allocation"), "later_item": ("voucher", "allocation")},
    ),
    Code(
        "IOM404",
        "error",
        "payments on a `dialogue:` line above the amount allocated by their date, or above their allocation item",
        values=("voucher", "line", "year", "paid", "allocated", "date"),
        kinds={"item": ("voucher", "allocation", "paid", "allocated")},
    ),
    Code(
        "IOM405",
        "error",
        "a line's allocations of a year above its amount (approved, else planned)",
        values=("year", "allocated", "unit", "line", "limit"),
    ),
    Code(
        "IOM406",
        "warning",
        "an allocation to a country or region outside the file's `geographic_focus`",
        values=("field", "name", "continents", "focus"),
        kinds={"cited": ("field", "name", "continents", "focus", "source")},
    ),
    Code(
        "IOM407",
        "error",
        "an allocation's or the geographic focus's country or region is not known",
        values=("field", "name"),
        kinds={"suggest": ("field", "name", "suggestions")},
    ),
    Code(
        "IOM408",
        "warning",
        "dialogue decisions further apart than the file's `dialogue.every_months` and `grace_months`",
        values=("after", "days", "before", "every_months", "grace_months"),
        kinds={"cited": ("after", "days", "before", "every_months", "grace_months", "source")},
    ),
    Code(
        "IOM409",
        "error",
        "a payment dated outside its appropriation year or the period; an allocation outside the period",
        kinds={
            "payment_period": ("voucher", "year", "start", "end"),
            "payment_year": ("voucher", "date", "year"),
            "payment_year_months": ("voucher", "date", "year", "months"),
            "allocation": ("period", "start", "end"),
        },
    ),
    Code(
        "IOM410",
        "error",
        "a voucher reference used twice (names the first use)",
        values=("voucher", "file", "line"),
        kinds={"as": ("voucher", "file", "line", "first")},
    ),
    Code(
        "IOM411",
        "error",
        "a line's payments in a year above its planned amount (personnel support above its line)",
        values=("voucher", "line", "line_kind", "year", "paid", "planned"),
    ),
    Code(
        "IOM412",
        "error",
        "an allocation tagged with a priority area or SRF code the strategy does not have",
        kinds={
            "area": ("area", "areas"),
            "no_area": ("area",),
            "outputs": ("srf",),
            "outcomes": ("srf",),
        },
    ),
    Code(
        "IOM413",
        "error",
        "a payment or allocation on a line the budget does not have, or an allocation naming no line",
        kinds={"payment": ("voucher", "line", "lines"), "no_line": (), "allocation": ("line",)},
    ),
    Code(
        "IOM414",
        "error",
        "no ECB reference rate for a payment's currency and date, and none stated",
        values=("voucher", "currency", "date", "target"),
    ),
    Code(
        "IOM415",
        "warning",
        "a payment after the shipped ECB history, converted at its latest rate",
        values=("voucher", "date", "rate_date"),
    ),
    Code(
        "IOM416",
        "error",
        "a schedule that adds up to neither the line's planned nor its approved amount, or names an unknown line or year",
        kinds={
            "line": ("line",),
            "year": ("year",),
            "sum": ("line", "year", "total", "planned", "unit"),
            "sum_approved": ("line", "year", "total", "planned", "approved", "unit"),
            "date": ("date", "year"),
        },
    ),
    Code(
        "IOM417",
        "warning",
        "a line's forecast for a decided year above what parliament approved (a schedule still written for the plan)",
        values=("year", "forecast", "approved"),
        kinds={"line": ("year", "forecast", "approved", "line")},
    ),
    Code(
        "IOM418",
        "error",
        "a negative payment not marked as a refund, or a refund that is not negative",
        kinds={"negative": ("voucher", "amount"), "refund": ("voucher", "amount")},
    ),
    Code(
        "IOM420",
        "fatal",
        "a ledger cannot be read (missing, not a workbook, unknown kind); one named under `ledgers:` and absent is a warning to `validate`",
        kinds={
            "missing": (),
            "absent": (),  # named under `ledgers:`, to `validate`: the strategy checked without it
            "permission": (),
            "os_error": ("reason",),
            "unknown_kind": (),
            "zip": ("written_as",),
            "utf16": (),
            "workbook": ("problem",),
            "nul": (),
            "csv": ("reason",),
            "long_line": ("most_mib",),
            "yaml": (),
        },
        severities={"absent": "warning"},
    ),
    Code(
        "IOM421",
        "fatal",
        "a ledger's header is not the expected one, nor matches its `columns:` mapping (nothing of it is read; the finding gives a `ledgers:` entry to paste)",
        kinds={
            "empty": (),
            "twice": (),
            "doubled": ("doubled",),
            "delimiter": ("faults", "delimiter", "shown", "foreign", "declare"),
            "split": ("faults", "shown", "split_by", "encoding"),
            "columns": ("faults", "dialect", "shown", "matched", "entry"),
        },
    ),
    Code(
        "IOM422",
        "error",
        "a ledger row with a bad value (date, amount, line, currency, voucher, rate; a control or bidi character in a voucher or allocation)",
        kinds={
            "row": ("problem",),
            "cell": ("sheet", "cell", "problem"),
        },
    ),
    Code(
        "IOM423",
        "fatal",
        "a ledger's dialect cannot be told (dates with no day above 12, an unknown encoding): declare it",
        kinds={
            "dates": ("text", "day", "month", "day_format", "month_format"),
            "encoding": ("encoding",),
        },
    ),
    Code(
        "IOM424",
        "fatal",
        "a ledger not read: an absolute path or one outside the strategy's repository, not a regular file, over the limits",
        kinds={
            "refused": ("problem",),
            "named": ("path", "problem"),
            "too_many": ("count", "most"),
        },
    ),
    Code(
        "IOM425",
        "error",
        'a currency that is not an ISO 4217 code (`XYZ`; `DKR`, `Kr.`, `kr` with "did you mean DKK")',
        kinds={
            "suggest": ("currency", "suggestion"),
            "unknown": ("currency",),
            "payment_suggest": ("voucher", "currency", "suggestion"),
            "payment_unknown": ("voucher", "currency"),
        },
    ),
    Code(
        "IOM426",
        "error",
        "an exchange rate other than 1 on a payment in the strategy's own currency",
        values=("voucher", "currency", "stated"),
    ),
    Code(
        "IOM427",
        "error",
        "a stated exchange rate more than 1.5 times above or below the ECB reference rate of its day",
        values=("voucher", "stated", "currency", "into", "date", "rate", "band"),
    ),
    Code(
        "IOM428",
        "fatal",
        "a `--ledger` mapping that is not a `ledgers:` entry (YAML flow style: `{path: FILE, columns: {…}}`)",
        values=("problems",),
    ),
    Code(
        "IOM430",
        "fatal",
        "a ledger's number settings contradict each other (decimal and thousands marks alike) or what its amounts show",
        kinds={
            "same_marks": ("mark",),
            "decimal": ("declared", "text", "mark"),
            "thousands": ("declared", "text", "mark"),
        },
    ),
    Code(
        "IOM431",
        "error",
        "a payment converted at its rate is 10^15 or more in the strategy currency (beyond the limit of an amount): not counted",
        values=("voucher", "amount", "rate", "limit"),
    ),
    Code(
        "IOM432",
        "warning",
        "an xlsx ledger's first sheet is hidden, very hidden or a chart sheet (or not the one it opens at): the sheet shown on opening is read",
        values=("note",),
    ),
    Code(
        "IOM433",
        "fatal",
        "an xlsx ledger beyond a limit: more rows than Excel allows (empty `<row/>` aside), too many shared strings, an element too long",
        values=("problem",),
    ),
    Code(
        "IOM434",
        "fatal",
        "a ledger changed (size or modification time) while it was read: none of its payments are taken",
        values=(),
    ),
    Code(
        "IOM440",
        "error",
        "an allocation's period not in the dialogue's cadence (`2024` annual, `2024-H1` six-monthly, `2024-Q3` quarterly)",
        values=("period", "named", "every_months", "cadence", "example"),
        kinds={"cited": ("period", "named", "every_months", "cadence", "example", "source")},
    ),
    Code(
        "IOM441",
        "error",
        "a dialogue decision dated neither within its period nor shortly before it (one period) nor within the grace after it",
        values=("date", "period", "start", "end", "earliest"),
        kinds={"grace": ("date", "period", "start", "end", "earliest", "grace_months")},
    ),
    Code(
        "IOM442",
        "warning",
        "as of the date, no dialogue decision on a line for longer than `dialogue.every_months` and `grace_months` (names the last decision)",
        kinds={
            "decided": ("line", "as_of", "since", "every_months", "due", "days"),
            "decided_cited": (
                "line",
                "as_of",
                "since",
                "every_months",
                "due",
                "days",
                "source",
            ),
            "never": ("line", "as_of", "since", "every_months", "due"),
            "never_cited": (
                "line",
                "as_of",
                "since",
                "every_months",
                "due",
                "source",
            ),
        },
    ),
    Code(
        "IOM450",
        "warning",
        "a table file given to `disbursement` or `export` beside strategies (or in a folder): "
        "left out of the figures (`iomstrat table show` shows it)",
        values=("table",),
    ),
    Code(
        "IOM451",
        "error",
        "a decided year (approved, reduced, withheld) without its Finance Act or decision date, "
        "or a planned year that records a decision (Finance Act, date, amount or lines)",
        kinds={
            "planned_decided": ("year",),
            "undecided": ("year", "status", "setting"),
        },
    ),
    Code(
        "IOM458",
        "note",
        "payments dated after the as-of date: not counted as of that date (one note per ledger "
        "file, at the first)",
        values=("voucher", "date", "as_of", "payments"),
    ),
    Code(
        "IOM459",
        "warning",
        "payments dated after today: not yet made, counted or not as of the as-of date (one "
        "warning per ledger file, at the first)",
        kinds={
            "left_out": ("voucher", "date", "as_of", "today", "payments"),
            "counted": ("voucher", "date", "as_of", "today", "payments"),
        },
    ),
    Code(
        "IOM460",
        "error",
        "two strategy files given together are one strategy (the same `strategy.file_no`, or "
        "without one the same title and period): the later is left out of the figures, which "
        "would count it twice",
        values=("first", "file_no"),
        kinds={"titled": ("first", "title", "start", "end")},
    ),
    Code(
        "IOM601",
        "error",
        "a table row has a different number of cells than the table has columns",
        values=("what", "count", "columns"),
    ),
    Code(
        "IOM602",
        "error",
        "a figure carries a footnote marker the table does not define",
        values=("marker", "known"),
        kinds={"none_known": ("marker",)},
    ),
    Code(
        "IOM603",
        "note",
        "a footnote the table defines is used by no figure or heading",
        values=("marker",),
    ),
    Code(
        "IOM604",
        "error",
        "a refund that is not negative, or a negative figure not marked as a refund",
        kinds={"positive_refund": ("row", "amount"), "negative": ("row", "amount")},
    ),
    Code(
        "IOM605",
        "error",
        "a printed growth percentage differs from its column totals by more than rounding",
        values=("column", "printed", "computed", "before", "now", "rounded", "low", "high"),
        kinds={"no_previous": ("printed", "column")},
    ),
    Code(
        "IOM606",
        "warning",
        "a printed growth percentage differs within the rounding of the printed figures",
        values=("column", "printed", "computed", "before", "now", "rounded", "low", "high"),
    ),
    Code(
        "IOM701",
        "error",
        "the IATI export is not valid against the IATI 2.03 schema",
        kinds={"not_xml": ("reason",), "schema": ("version", "reason")},
    ),
    Code(
        "IOM702",
        "error",
        "an IATI budget period longer than 12 months, or ending before it starts",
        kinds={"ends_before": ("start", "end"), "longer": ("start", "end")},
    ),
    Code(
        "IOM703",
        "error",
        "IATI budgets of one type overlapping",
        values=("start", "end", "other_start", "other_end", "budget_type"),
    ),
    Code(
        "IOM704",
        "error",
        "a negative IATI budget or planned disbursement",
        values=("element", "amount"),
    ),
    Code("IOM705", "error", "an IATI value without a value-date", values=("element",)),
    Code("IOM706", "error", "the strategy lacks the IATI identifiers an export needs"),
    Code(
        "IOM707",
        "error",
        "a rule of IATI's standard ruleset fails (the rule's id and message: sector 6.2.2, recipient 3.7.1, transaction date in the future 11.2.1…)",
        values=("rule", "reason"),
    ),
    Code(
        "IOM708",
        "error",
        "an IATI value not on its IATI codelist (a warning for an open or withdrawn code)",
        kinds={
            "not_on": ("element", "value", "codelist"),
            "withdrawn": ("element", "value", "codelist"),
        },
    ),
    Code(
        "IOM709",
        "error",
        "the strategy lacks data an IATI rule needs (names the field to add: sector, recipient, aid type…)",
        kinds={
            "sector": (),
            "recipient": (),
            "types_line": ("number", "line", "missing"),
            "types_none": ("line",),
            "types_unknown": ("number", "line"),
            "place_country": ("allocation", "item", "name"),
            "place_region": ("allocation", "item", "name"),
        },
    ),
    Code(
        "IOM710",
        "error",
        "one IATI activity identifier given to two activities",
        kinds={"strategy": ("key", "other"), "activity": ("key", "first")},
    ),
    Code(
        "IOM800",
        "warning",
        "a statement of the text (an amount, share, count, rank or year) does not hold against the figure it speaks of, with the tolerance its wording gives",
        values=("states", "statement", "failing", "allowed"),
        kinds={"rank": ("row", "rank", "statement", "where", "actual", "figure")},
    ),
    Code(
        "IOM801",
        "warning",
        "the text ranks rows (donors) in an order their table's column does not have",
        kinds={
            "above": ("claims", "statement", "table", "column", "above"),
            "ranks": ("claims", "statement", "table", "column", "ranks"),
        },
    ),
    Code(
        "IOM802",
        "warning",
        "the text sends the reader to a section (an annex) that does not hold what it promises",
        values=("refers_to", "statement", "holder"),
        kinds={
            "about": ("refers_to", "about", "statement", "holder"),
            "swapped": ("refers_to", "statement", "holder", "swapped", "swapped_to"),
            "about_swapped": (
                "refers_to",
                "about",
                "statement",
                "holder",
                "swapped",
                "swapped_to",
            ),
        },
    ),
    Code(
        "IOM803",
        "warning",
        "one figure printed in two places (two annexes, an annex and the budget) differs by more than the rounding of either",
        values=("one", "one_figure", "other", "other_figure", "currency", "gap", "statement"),
    ),
    Code(
        "IOM804",
        "warning",
        "two statements of the same quantity disagree",
        values=("quantity", "states", "statement", "earlier_states", "earlier"),
    ),
    Code(
        "IOM805",
        "note",
        "a statement that does not hold, acknowledged under `errata:` (with its reason)",
        values=("reason", "finding"),
    ),
    Code(
        "IOM806",
        "error",
        "a statement names a table, row, column, budget line or total the data does not have",
        kinds={
            problem: ("id", "missing")
            for problem in (
                "unknown_table",
                "unreadable_table",
                "unknown_row",
                "ambiguous_row",
                "unknown_column",
                "empty_cell",
                "unknown_line",
                "unknown_total",
                "not_comparable",
                "no_total",
            )
        }
        | {"no_column": ("id",)},
    ),
    Code(
        "IOM807",
        "warning",
        "a table file named under `tables:` cannot be read or is not a valid table: statements about it are not checked",
        kinds={"unreadable": ("table", "file", "problem"), "not_table": ("table", "file")},
    ),
    Code("IOM808", "error", "a statement id is used twice", values=("id",)),
    Code(
        "IOM809",
        "note",
        "a value of the file the document does not state: the file's assumption, not the source's",
        kinds={
            "value": ("written", "value", "reason"),
            "list": ("written", "count", "reason"),
            "mapping": ("written", "reason"),
        },
    ),
    Code(
        "IOM810",
        "error",
        "an assumption whose path names no value of the file",
        values=("written",),
    ),
    Code(
        "IOM811",
        "warning",
        "a monitoring framework output whose code names an outcome its priority area does not list",
        values=("area", "output", "outcome", "outcomes"),
    ),
    Code(
        "IOM900",
        "fatal",
        "IATI file refused: it declares a DTD (entities that expand or reach other files)",
        values=(),
    ),
    Code(
        "IOM901",
        "fatal",
        "not an IATI 2.0x activity file: not XML, a root other than `iati-activities`, version 1",
        kinds={
            "not_well_formed": ("reason",),
            "not_xml": ("reason",),
            "root": ("tag",),
            "version": ("version",),
            "no_root": (),
        },
    ),
    Code(
        "IOM902",
        "error",
        "a published transaction, budget or planned disbursement without type, date, number or currency (left out)",
        kinds={"transaction": ("activity", "problem"), "plan": ("plan", "activity", "problem")},
    ),
    Code(
        "IOM903",
        "error",
        "no activity of the IATI files concerns the strategy: nothing to reconcile",
        values=("read",),
    ),
    Code(
        "IOM904",
        "error",
        "a payment of the ledgers is not among the donor's published disbursements",
        values=("ours", "files"),
    ),
    Code(
        "IOM905",
        "error",
        "a published disbursement of the donor is not in the ledgers",
        values=("theirs",),
    ),
    Code(
        "IOM906",
        "error",
        "a published disbursement differs in amount from its payment beyond the tolerance",
        values=("theirs", "ours", "difference", "percent"),
        kinds={
            "same_currency": ("theirs", "ours", "difference", "allowed"),
            "no_rate": ("theirs",),
        },
    ),
    Code(
        "IOM907",
        "error",
        "a transaction and its counterpart are dated in different years",
        values=("theirs", "ours", "year", "expected"),
    ),
    Code(
        "IOM908",
        "error",
        "the donor's published commitments of a year exceed the approval",
        values=("year", "committed", "places", "approved", "excess"),
    ),
    Code(
        "IOM909",
        "error",
        "a disbursement of the donor is not among the organisation's incoming funds",
        values=("ours", "files"),
    ),
    Code(
        "IOM910",
        "error",
        "incoming funds the organisation reports from the donor are not among the donor's disbursements",
        values=("theirs",),
    ),
    Code(
        "IOM911",
        "error",
        "incoming funds differ in amount from the donor's disbursement beyond the tolerance",
        values=("theirs", "ours", "difference", "percent"),
        kinds={
            "same_currency": ("theirs", "ours", "difference", "allowed"),
            "no_rate": ("theirs",),
        },
    ),
    Code(
        "IOM912",
        "error",
        "a commitment of the donor is not among the organisation's incoming commitments",
        values=("ours", "files"),
    ),
    Code(
        "IOM913",
        "error",
        "an incoming commitment the organisation reports from the donor is not among the donor's commitments",
        values=("theirs",),
    ),
    Code(
        "IOM914",
        "error",
        "an incoming commitment differs in amount from the donor's commitment beyond the tolerance",
        values=("theirs", "ours", "difference", "percent"),
        kinds={
            "same_currency": ("theirs", "ours", "difference", "allowed"),
            "no_rate": ("theirs",),
        },
    ),
    Code(
        "IOM915",
        "error",
        "no ECB reference rate for a published value's currency on its value-date",
        values=("currency", "date"),
    ),
)


FAMILY_HELP: tuple[tuple[str, str], ...] = (
    (
        "IOM00",
        "The file could not be read as plain YAML the way every reader would read it the same. "
        "Fix the text at the position named: save as UTF-8, quote text that YAML 1.1 readers "
        "take for true/false (yes, no, on, off, NO) or for an octal number (06.32), write "
        "amounts without thousands separators, and remove tags, anchors that repeat too much "
        "and duplicate keys.",
    ),
    (
        "IOM01",
        "The file is not one YAML mapping with a top-level `strategy:` or `table:` key. A "
        "strategy file is one document; start from `iomstrat init` or the example in data/.",
    ),
    (
        "IOM02",
        "A value does not fit the file format: wrong type, unknown key or a required key "
        "missing. The message names the key and, for a misspelt one, the closest known key; "
        "`iomstrat schema` prints every key with its description.",
    ),
    (
        "IOM1",
        "A total the document prints differs from the sum of its lines. Check the transcription "
        "of the lines and of the printed total against the source document; a difference within "
        "the rounding of the printed figures (budget.printed_step) is only a warning.",
    ),
    (
        "IOM2",
        "Parliament's decisions do not fit the budget: each year of the period needs one entry "
        "under approvals with its status (planned, approved, reduced, withheld); a reduced year "
        "needs the approved amount, an approved one the date of the decision.",
    ),
    (
        "IOM3",
        "A budget line is malformed: Finance Act codes are written §NN.NN.NN.NN (in quotes; the "
        "§ may be left out), amounts are zero or more and no finer than one øre, every funded "
        "year of the period has an amount on every line, and ids are unique.",
    ),
    (
        "IOM4",
        "Payments, dialogue allocations or the schedule do not fit the approved budget. The "
        "message names the payment (voucher) or allocation and the figure it exceeds; fix the "
        "ledger row or record the approval or allocation that covers it.",
    ),
    (
        "IOM6",
        "A table file (an annex of the document) does not add up or does not fit together: "
        "check the row against the printed table, its footnote markers and its refunds.",
    ),
    (
        "IOM8",
        "The document disagrees with itself: a statement of its text against the table it "
        "speaks of, two annexes, or two statements. Check the statement against the printed "
        "document; if the document is wrong, acknowledge it under errata with "
        "`at: statements[N]` and the reason.",
    ),
    (
        "IOM7",
        "The IATI export would not pass IATI's schema or rules. Add the data the message names "
        "to the strategy file (identifiers, dates, non-negative budgets) and export again.",
    ),
    (
        "IOM9",
        "What is published to IATI differs from the strategy or its ledgers. The message names "
        "both sides' places: correct the ledger, ask the publisher to correct its file, or list "
        "the donor's activities of the strategy under `iati.activities`.",
    ),
)
"""Help for a family of codes (by prefix, longest first wins): what to do about a finding."""


PHRASES: Mapping[str, tuple[str, ...]] = {
    # what a stated total is the sum of (IOM101-IOM104)
    "sum.total": ("year", "name"),
    "sum.cover_year": ("year", "cover"),
    "sum.cover_total": ("start", "end", "cover"),
    "sum.row": ("row", "heading"),
    "sum.row_total": ("row",),
    "sum.column": ("column",),
    "sum.grand_rows": (),
    "sum.grand_columns": (),
    "sum.figures": ("count",),
    "sum.negative_figures": ("count",),
    # whose cells are counted (IOM601)
    "cells.row": ("row",),
    "cells.column_totals": (),
    "cells.growth": (),
    "cells.column_names": (),
    # whose figures cover the years (IOM302)
    "figures.line": ("id",),
    "figures.total": ("id",),
    "figures.cover": ("cover",),
    # what is wrong with a value (IOM020): the model's refusals and pydantic's
    "value.separated": ("got",),
    "value.not_number": ("got",),
    "value.not_finite": (),
    "value.implausible": ("limit",),
    "value.not_one": ("got",),
    "value.period_order": ("start", "end"),
    "value.one_of": ("first", "second"),
    "value.marker_key": ("name", "names"),
    "value.not_figure": ("got",),
    "value.target_several": ("chosen",),
    "value.target_none": (),
    "value.table_parts": (),
    "value.table_year": (),
    "value.statement_needs": ("statement_kind", "missing"),
    "value.ranking_column": (),
    "value.unsafe_line_break": ("position",),
    "value.unsafe_tab": ("position",),
    "value.unsafe_character": ("position", "codepoint", "character"),
    "value.int_type": ("got",),
    "value.decimal_type": ("got",),
    "value.bool_type": ("got",),
    "value.date_type": ("got",),
    "value.string_type": ("got",),
    "value.string_quote": ("got",),
    "value.choice": ("choices",),
    "value.choice_text": ("choices", "text"),
    "value.greater_than_equal": ("bound",),
    "value.less_than_equal": ("bound",),
    "value.greater_than": ("bound",),
    "value.less_than": ("bound",),
    "value.string_too_long": ("characters",),
    "value.string_too_short": ("characters",),
    "value.pattern": ("pattern",),
    "value.list_too_short": ("items", "actual"),
    "value.list_too_long": ("items", "actual"),
    "value.dict_type": (),
    "value.list_type": (),
    "value.other": ("detail",),
    # what is wrong with a published transaction or plan (IOM902)
    "iati.no_type": (),
    "iati.no_date": (),
    "iati.no_value": (),
    "iati.not_number": ("text",),
    "iati.no_currency": ("text",),
    # what a ledger's header lacks (IOM421)
    "header.no_column": ("columns",),
    "header.no_header": ("columns",),
    "header.unknown": ("name", "required", "optional"),
    "header.doubled": ("column", "heading", "at"),
    # why a workbook is not read (IOM420, IOM433) and which sheet is (IOM432)
    "workbook.extra": (),
    "workbook.shared_strings": ("most",),
    "workbook.broken": ("error",),
    "workbook.unpacked": ("mib", "most_mib"),
    "workbook.no_sheet": ("sheet", "sheets"),
    "workbook.chart": ("sheet",),
    "workbook.no_visible": (),
    "workbook.no_worksheet": (),
    "workbook.rows": ("sheet", "most"),
    "workbook.columns": ("row", "most"),
    "workbook.sheet_element": (),
    "workbook.workbook_element": (),
    "first_sheet.chart": ("first", "chosen"),
    "first_sheet.hidden": ("first", "chosen"),
    "first_sheet.very_hidden": ("first", "chosen"),
    "first_sheet.not_active": ("first", "chosen"),
    # why a ledger is not read (IOM424)
    "refused.absolute": (),
    "refused.nul": (),
    "refused.outside": ("root",),
    "refused.not_regular": ("is_a",),
    "refused.too_large": ("mib", "most_mib"),
    "refused.total": ("most_mib",),
    # what is wrong with a ledger row (IOM422)
    "ledger.fields": ("count", "width"),
    "ledger.unlisted": (),
    "ledger.date": ("text", "format"),
    "ledger.date_other": ("text", "format", "other", "declare"),
    "ledger.amount_bound": ("text",),
    "ledger.amount_decimals": ("text",),
    "ledger.amount": ("text", "decimal", "thousands", "example"),
    "ledger.amount_other": (
        "text",
        "decimal",
        "thousands",
        "example",
        "reads",
        "other_decimal",
        "other_thousands",
        "declare",
    ),
    "ledger.line_mapped": ("text", "known"),
    "ledger.line": ("text",),
    "ledger.currency_suggest": ("text", "suggestion"),
    "ledger.currency": ("text",),
    "ledger.voucher_empty": (),
    "ledger.voucher": ("problem",),
    "ledger.allocation": ("problem",),
    "ledger.rate": ("text",),
    "ledger.rate_comma": ("text",),
    "ledger.year": ("text",),
    "ledger.refund": ("text",),
    # a transaction of a ledger or an IATI file (IOM904-IOM914)
    "side": ("transaction", "date", "amount", "place"),
    "side_reference": ("transaction", "date", "amount", "place", "reference"),
    "side_rate": ("transaction", "date", "amount", "place", "rate", "into", "of", "on"),
    "side_reference_rate": (
        "transaction",
        "date",
        "amount",
        "place",
        "reference",
        "rate",
        "into",
        "of",
        "on",
    ),
}
"""Parts of messages a finding's values carry (`findings.phrase`): key -> the values they name."""


MORE: tuple[str, ...] = ("code", "count", "line", "shown")
"""The values of the one finding (kind `more`, of any code) standing for the findings of a
code in a file beyond the first `shown`: how many, and from which line on."""


def message_key(code: str, kind: str = "") -> str:
    """The key of a finding's message in `render/messages.py`."""
    return f"{code}.{kind}" if kind else code


_BY_CODE: dict[str, Code] = {c.code: c for c in CODES}
"""The catalogue by code: a finding is made per payment of a ledger, so look-ups are by key."""


def values(code: str, kind: str = "") -> tuple[str, ...] | None:
    """The names of the values a finding of `code` (and `kind`) carries; None if it has none
    catalogued (its reader words it)."""
    entry = _BY_CODE.get(code)
    if entry is None:
        return None
    if kind == "more":
        return MORE
    if kind:
        return entry.kinds.get(kind)
    return entry.values


def summary(code: str) -> str:
    """One-line meaning of a code; empty for an unknown one."""
    entry = _BY_CODE.get(code)
    return "" if entry is None else entry.summary


def severity(code: str, kind: str = "") -> str:
    """The severity findings of a code (of that kind) have; empty for an unknown one."""
    entry = _BY_CODE.get(code)
    return "" if entry is None else entry.severities.get(kind, entry.severity)


def help_text(code: str) -> str:
    """What to do about a finding of this code; empty for an unknown family."""
    prefixes = sorted((p for p, _ in FAMILY_HELP if code.startswith(p)), key=len, reverse=True)
    return dict(FAMILY_HELP)[prefixes[0]] if prefixes else ""
