"""`python -m bench`: generate a synthetic portfolio, measure, print, write bench/RESULTS.md."""

from __future__ import annotations

import argparse
import compileall
import sys
from pathlib import Path

from bench import report
from bench.cases import find_tools, ledger_cases, line_cases, startup_cases
from bench.generate import LEDGER_SIZES, SEED, generate, label
from bench.measure import Measured, measure

HERE = Path(__file__).resolve().parent

METHOD = """\
Every figure is one command run in a fresh process; wall time is the median of the runs
(cases are run round-robin after one warm-up run, so a change in machine load hits all of them
alike), peak memory is `ru_maxrss` of `resource.getrusage(RUSAGE_CHILDREN)` in a probe process
that runs only that command. Ratios compare cases measured side by side in the same run: each
round's sample of one case against the same round's sample of the other, and the median of
those paired ratios is shown with their range (one run of each is one sample, not a result).
The machine is shared (see the load average above): wall time then includes waiting for a core,
so the targets are judged on CPU time (user + system), which is what a single-threaded command
costs on an idle machine; the wall-time ratio is shown beside it.
The ledger cases run what users run: the repository's own strategy with its `dialogue:` and
`geographic_focus:`, every year approved and six-monthly dialogue decisions whose items have
ids; the payments on the soft-earmarked line each name one of them, every tenth payment on
the other lines is in US dollars (converted at the ECB rate of its day), and the same ledger is
read as a Danish finance system exports it (semicolons, `31.12.2025`, `1.234,56`, its own
headers and account numbers mapped by `ledgers:`). "slowest" is the slowest of iomstrat's
commands on one size, against the floor.
Growth exponents b (cost ∝ n^b) are computed between consecutive ledger sizes; "net" subtracts
the cost of `iomstrat validate` on the default file (start-up), which does not grow with n.
The ledgers are synthetic (bench/generate.py, seed {seed}): payments of the three budget lines
over the approved years 2023-2025, adding up to the øre to the planned amounts; the CSV, the
YAML and the hledger journal hold the same payments. iomstrat is byte-compiled first, as a
wheel install leaves it (the reference tools were byte-compiled when installed).
"""


def compiled() -> None:
    """Byte-compile iomstrat as `pip install` does for a wheel: with PYTHONDONTWRITEBYTECODE set
    (as on this machine) an editable install would otherwise recompile its source on every run,
    while the libraries it is compared with were compiled when installed."""
    import iomstrat

    compileall.compile_dir(str(Path(iomstrat.__file__).parent), quiet=1)


REFERENCE_TOOLS = ("hledger", "ledger bal")
"""Cases of other tools, by the start of their names (bench/cases.py)."""


def parse_sizes(text: str) -> list[int]:
    sizes = []
    for part in text.split(","):
        part = part.strip().lower()
        factor = {"k": 1_000, "m": 1_000_000}.get(part[-1:], 1)
        sizes.append(int(part.rstrip("km")) * factor)
    return sorted(set(sizes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="10k,100k", help="ledger sizes (default 10k,100k)")
    parser.add_argument("--full", action="store_true", help="also the 1m-record ledger")
    parser.add_argument("--repeats", type=int, default=7, help="runs of each start-up case")
    parser.add_argument("--ledger-repeats", type=int, default=3, help="runs of each ledger case")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="generated files")
    parser.add_argument(
        "--results", type=Path, default=HERE / "RESULTS.md", help="markdown report to write"
    )
    parser.add_argument("--no-results", action="store_true", help="print only")
    args = parser.parse_args(argv)
    sizes = parse_sizes(args.sizes)
    if args.full:
        sizes = sorted({*sizes, *LEDGER_SIZES})

    def log(text: str) -> None:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    compiled()
    tools = find_tools()
    portfolio = generate(args.out, tuple(sizes), log=sys.stderr)

    log(f"measuring start-up ({args.repeats} runs each) ...")
    startup = measure(startup_cases(tools, portfolio), args.repeats)
    log(f"measuring strategies of many lines ({args.ledger_repeats} runs each) ...")
    startup += measure(line_cases(tools, portfolio), args.ledger_repeats)
    ledger: list[Measured] = []
    skipped: list[str] = []
    if not tools.check_jsonschema:
        skipped.append("check-jsonschema: not available (pip install -e '.[bench]')")
    for size in sizes:
        cases, missing = ledger_cases(tools, portfolio, size)
        skipped += missing
        if size <= 100_000:
            log(
                f"measuring the {label(size)} ledger ({len(cases)} cases, "
                f"{args.ledger_repeats} runs each) ..."
            )
            ledger += measure(cases, args.ledger_repeats, warmup=size <= 10_000)
            continue
        # The million: iomstrat and the floor as often as the smaller ledgers (one run on a
        # shared machine is one sample of its load), the reference tools once (hledger needs
        # 45 s and 6 GiB for it).
        own = [c for c in cases if not c.name.startswith(REFERENCE_TOOLS)]
        others = [c for c in cases if c.name.startswith(REFERENCE_TOOLS)]
        log(
            f"measuring the {label(size)} ledger ({len(own)} cases, {args.ledger_repeats} runs "
            f"each; {len(others)} once) ..."
        )
        ledger += measure(own, args.ledger_repeats, warmup=False) + measure(others, 1, warmup=False)
    log("profiling imports ...")
    profiles = [
        report.import_profile(args)
        for args in (["--version"], ["--help"], ["validate"], ["validate", "--format", "json"])
    ]

    startup_named = report.by_name(startup)
    ratios = (
        report.startup_ratios(startup_named)
        + report.line_ratios(startup_named)
        + report.ledger_ratios(ledger, sizes)
    )
    grown = report.growth(ledger, startup_named)
    versions = [
        ("hledger", report.tool_version([tools.hledger, "--version"]) if tools.hledger else "-"),
        ("ledger", report.tool_version([tools.ledger, "--version"]) if tools.ledger else "-"),
    ]
    for markdown in (False, True):
        text = render(markdown, startup + ledger, ratios, grown, profiles, skipped, versions, sizes)
        if not markdown:
            sys.stdout.write(text)
        elif not args.no_results:
            args.results.write_text(text, encoding="utf-8")
            log(f"wrote {args.results}")
    return 0


def render(
    markdown: bool,
    results: list[Measured],
    ratios: list[report.Ratio],
    grown: list[report.Growth],
    profiles: list[report.ImportProfile],
    skipped: list[str],
    versions: list[tuple[str, str]],
    sizes: list[int],
) -> str:
    def heading(text: str) -> str:
        return f"\n## {text}\n\n" if markdown else f"\n{text}\n{'=' * len(text)}\n"

    parts = []
    if markdown:
        parts.append("# iomstrat benchmark results\n\n")
        parts.append(
            "Written by `python -m bench"
            + (" --full" if 1_000_000 in sizes else "")
            + '` (see "Speed" in the project README); regenerate rather than edit. '
            "What the numbers mean, and what was done about them: bench/findings.md, "
            "included at the end.\n"
        )
    parts.append(heading("Machine"))
    for key, value in [*report.machine(), *versions]:
        parts.append(f"- {key}: {value}\n" if markdown else f"{key}: {value}\n")
    parts.append(heading("Measurements"))
    parts.append(report.measurements_table(results, markdown))
    for line in skipped:
        parts.append(f"\n- {line}" if markdown else f"{line}\n")
    if skipped and markdown:
        parts.append("\n")
    parts.append(heading("Ratios (side by side, same run)"))
    parts.append(report.ratios_table(ratios, markdown))
    parts.append(heading("Growth exponents (cost ∝ n^b)"))
    parts.append(report.growth_table(grown, markdown) if grown else "no ledger cases measured\n")
    parts.append(heading("Import time (python -X importtime, fastest of 3)"))
    parts.append(report.imports_table(profiles, markdown))
    if markdown:
        parts.append(heading("Method"))
        parts.append(METHOD.format(seed=SEED))
        findings = HERE / "findings.md"
        if findings.exists():
            parts.append("\n" + findings.read_text(encoding="utf-8"))
    return "".join(parts)


if __name__ == "__main__":
    sys.exit(main())
