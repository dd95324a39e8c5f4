"""Benchmark results to text: the measurements, the ratios against the references, the growth
exponents, the import-time findings and the machine they come from."""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
import platform
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from bench.generate import label
from bench.measure import Measured


@dataclass(frozen=True)
class Ratio:
    name: str
    value: float
    target: float | None  # at most; None when there is no target
    unit: str = "x"
    cpu: float | None = None  # the same ratio of CPU time (user + system)
    cpu_range: tuple[float, float] | None = None  # lowest and highest paired ratio

    @property
    def judged(self) -> float:
        """What the target is judged on: CPU time where measured (the machine is shared)."""
        return self.cpu if self.cpu is not None else self.value

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return "meets target" if self.judged <= self.target else "MISSES target"


def machine() -> list[tuple[str, str]]:
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            names = re.findall(r"^model name\s*:\s*(.+)$", handle.read(), re.MULTILINE)
        cpu = names[0] if names else cpu
    except OSError:
        pass
    memory = ""
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        memory = f"{pages / 2**30:.1f} GiB"
    except (ValueError, OSError):
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return [
        ("date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("load average (1, 5, 15 min) at the end", f"{load} (the machine is shared)"),
        ("CPU", cpu),
        ("cores", str(os.cpu_count())),
        ("memory", memory),
        ("OS", platform.platform()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("libraries", _versions()),
    ]


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("iomstrat", "typer", "pydantic", "pyyaml", "rich", "babel", "check-jsonschema"):
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            continue
    return ", ".join(found)


def tool_version(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=30)
    except OSError:
        return "not installed"
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else "?"


def by_name(results: list[Measured]) -> dict[str, Measured]:
    return {r.case.name: r for r in results}


def ratio(name: str, ours: Measured, reference: Measured, target: float | None) -> Ratio:
    """The median of the paired ratios, round by round (the cases run round-robin, so each
    pair shares the machine's load of its moment), of wall and of CPU time, and the range of
    the CPU ratios. Where the rounds differ in number, the medians are compared."""
    pairs = list(zip(ours.samples, reference.samples, strict=False))
    if len(ours.samples) != len(reference.samples) or not pairs:
        return Ratio(name, ours.wall / reference.wall, target, cpu=ours.cpu / reference.cpu)
    walls = [o.wall / r.wall for o, r in pairs]
    cpus = [o.cpu / r.cpu for o, r in pairs]
    spread = (min(cpus), max(cpus))
    return Ratio(name, median(walls), target, cpu=median(cpus), cpu_range=spread)


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def line_ratios(results: dict[str, Measured]) -> list[Ratio]:
    """Ten times the budget lines against the time of the smaller strategy (target: 10x)."""
    found = []
    for command in ("validate", "disbursement"):
        small, large = results.get(f"{command} 480 lines"), results.get(f"{command} 4800 lines")
        if small and large:
            found.append(ratio(f"{command} 4800 lines / 480 lines", large, small, 10.0))
    return found


def startup_ratios(results: dict[str, Measured]) -> list[Ratio]:
    floor = results.get("floor: import typer, pydantic, yaml")
    validate = results.get("iomstrat validate (default file)")
    jsonschema = results.get("check-jsonschema (default file)")
    ratios = []
    if floor and validate:
        ratios.append(ratio("validate (default file) / floor", validate, floor, 1.15))
        ratios.append(ratio("--version / floor", results["iomstrat --version"], floor, None))
    if jsonschema and validate:
        ratios.append(
            ratio("validate (default file) / check-jsonschema", validate, jsonschema, 0.85)
        )
    if floor and jsonschema:
        ratios.append(ratio("floor / check-jsonschema", floor, jsonschema, None))
    return ratios


def ledger_ratios(results: list[Measured], sizes: list[int]) -> list[Ratio]:
    named = by_name(results)
    ratios = []
    for size in sizes:
        hledger = named.get(f"hledger check {label(size)}")
        floor = named.get(f"floor: csv + Decimal sums {label(size)}")
        ledger_cli = named.get(f"ledger bal {label(size)}")
        ours = named.get(f"validate CSV {label(size)}")
        if ledger_cli is not None and ours is not None:
            ratios.append(ratio(f"validate CSV {label(size)} / ledger bal", ours, ledger_cli, None))
        for command in ("validate", "disbursement"):
            ours = named.get(f"{command} CSV {label(size)}")
            if floor is not None and ours is not None:
                goal = {100_000: 2.5, 1_000_000: 1.5}.get(size) if command == "validate" else None
                ratios.append(ratio(f"{command} CSV {label(size)} / floor", ours, floor, goal))
        for command in ("validate", "disbursement"):
            for kind, target in (("CSV", 0.3), ("YAML", 1.0)):
                ours = named.get(f"{command} {kind} {label(size)}")
                if ours is None:
                    continue
                if hledger is not None:
                    ratios.append(
                        ratio(
                            f"{command} {kind} {label(size)} / hledger check",
                            ours,
                            hledger,
                            target if size == 100_000 else None,
                        )
                    )
                limit = {100_000: 300.0, 1_000_000: 400.0}.get(size)
                ratios.append(
                    Ratio(
                        f"{command} {kind} {label(size)} peak memory", ours.peak_mib, limit, "MiB"
                    )
                )
        ours_all = [
            named[name]
            for name in (
                f"validate CSV {label(size)}",
                f"validate Danish CSV {label(size)}",
                f"disbursement CSV {label(size)}",
            )
            if name in named
        ]
        if floor is not None and ours_all:
            slowest = max(ours_all, key=lambda r: r.cpu)
            name = f"slowest ({slowest.case.name}) / floor"
            goal = {100_000: 2.5, 1_000_000: 1.5}.get(size)
            ratios.append(ratio(name, slowest, floor, goal))
            danish = named.get(f"validate Danish CSV {label(size)}")
            if danish is not None:
                ratios.append(
                    ratio(f"validate Danish CSV {label(size)} / floor", danish, floor, goal)
                )
                limit = {100_000: 300.0, 1_000_000: 400.0}.get(size)
                ratios.append(
                    Ratio(
                        f"validate Danish CSV {label(size)} peak memory",
                        danish.peak_mib,
                        limit,
                        "MiB",
                    )
                )
        findings = named.get(f"validate data file + CSV {label(size)}")
        if floor is not None and findings is not None:  # no target: it lists findings
            name = f"validate data file + CSV {label(size)} (findings on most rows) / floor"
            ratios.append(ratio(name, findings, floor, None))
    for command in ("validate", "disbursement"):
        small = named.get(f"{command} CSV 100k")
        large = named.get(f"{command} CSV 1m")
        if small and large:
            ratios.append(ratio(f"{command} CSV 1m / 100k time", large, small, 11.0))
    return ratios


@dataclass(frozen=True)
class Growth:
    name: str
    steps: list[tuple[str, float, float, float, float]]  # span, time, memory, net time, net memory


def growth(results: list[Measured], startup: dict[str, Measured]) -> list[Growth]:
    """Exponents b in cost ∝ n^b between consecutive ledger sizes, raw and net of start-up."""
    families: dict[str, list[Measured]] = defaultdict(list)
    for result in results:
        if result.case.size is not None:
            families[result.case.name.rsplit(" ", 1)[0]].append(result)
    base = startup.get("iomstrat validate (default file)")
    found = []
    for name, members in families.items():
        members.sort(key=lambda r: r.case.size or 0)
        fixed_time = base.wall if base and not name.startswith("hledger") else 0.0
        fixed_mem = base.peak_mib if base and not name.startswith("hledger") else 0.0
        steps = []
        for a, b in itertools.pairwise(members):
            scale = math.log((b.case.size or 1) / (a.case.size or 1))
            steps.append(
                (
                    f"{label(a.case.size or 0)}→{label(b.case.size or 0)}",
                    _exponent(a.wall, b.wall, scale),
                    _exponent(a.peak_mib, b.peak_mib, scale),
                    _exponent(a.wall - fixed_time, b.wall - fixed_time, scale),
                    _exponent(a.peak_mib - fixed_mem, b.peak_mib - fixed_mem, scale),
                )
            )
        if steps:
            found.append(Growth(name, steps))
    return found


def _exponent(small: float, large: float, log_ratio: float) -> float:
    if small <= 0 or large <= 0:
        return float("nan")
    return math.log(large / small) / log_ratio


@dataclass(frozen=True)
class ImportProfile:
    command: str
    total_ms: float
    packages: list[tuple[str, float]]  # top-level package, self time ms, largest first
    loaded: set[str]


def import_profile(iomstrat_args: list[str], runs: int = 3) -> ImportProfile:
    """`python -X importtime` of one iomstrat command: self time summed by top-level package
    (the fastest of `runs` runs for each), and which packages it loads at all."""
    best: dict[str, float] = {}
    total = math.inf
    for _ in range(runs):
        argv = ["iomstrat", *iomstrat_args]
        code = f"import sys; sys.argv = {argv!r}; import iomstrat.cli as c; c.main()"
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            capture_output=True,
            text=True,
            check=False,
        )
        sums: dict[str, float] = defaultdict(float)
        for match in re.finditer(r"^import time:\s+(\d+) \|\s+\d+ \|( *)(\S+)$", done.stderr, re.M):
            sums[match.group(3).split(".")[0]] += int(match.group(1)) / 1000
        for package, ms in sums.items():
            best[package] = min(best.get(package, math.inf), ms)
        total = min(total, sum(sums.values()))
    ranked = sorted(best.items(), key=lambda item: -item[1])
    return ImportProfile(" ".join(["iomstrat", *iomstrat_args]), total, ranked, set(best))


def _table(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=False)]
    fmt: Callable[[list[str]], str] = lambda row: "  ".join(  # noqa: E731
        c.ljust(w) if i == 0 else c.rjust(w)
        for i, (c, w) in enumerate(zip(row, widths, strict=False))
    )
    return "\n".join([fmt(header), fmt(["-" * w for w in widths]), *map(fmt, rows)]) + "\n"


def measurements_table(results: list[Measured], markdown: bool) -> str:
    rows = []
    for r in results:
        rate = f"{r.per_second:,.0f}" if r.per_second is not None else ""
        rows.append(
            [
                r.case.name,
                f"{r.wall:.3f}",
                f"{r.cpu:.3f}",
                f"±{r.spread * 50:.0f}%",
                rate,
                f"{r.peak_mib:.0f}",
                str(r.rc),
                str(len(r.samples)),
            ]
        )
    header = ["case", "wall s", "cpu s", "spread", "records/s", "peak MiB", "exit", "runs"]
    return _table(header, rows, markdown)


def ratios_table(ratios: list[Ratio], markdown: bool) -> str:
    rows = [
        [
            r.name,
            f"{r.value:.2f} {r.unit}" if r.unit == "x" else f"{r.value:.0f} {r.unit}",
            f"{r.cpu:.2f} {r.unit}" if r.cpu is not None else "",
            f"{r.cpu_range[0]:.2f}-{r.cpu_range[1]:.2f}" if r.cpu_range else "",
            (f"≤ {r.target:g} {r.unit}" if r.target is not None else ""),
            r.verdict,
        ]
        for r in ratios
    ]
    header = ["ratio", "wall", "cpu", "cpu, each round", "target", "(on cpu time)"]
    return _table(header, rows, markdown)


def growth_table(found: list[Growth], markdown: bool) -> str:
    rows = [
        [g.name, span, f"{t:.2f}", f"{m:.2f}", f"{nt:.2f}", f"{nm:.2f}"]
        for g in found
        for span, t, m, nt, nm in g.steps
    ]
    header = ["case", "sizes", "time exp.", "memory exp.", "time exp. net", "memory exp. net"]
    return _table(header, rows, markdown)


def imports_table(profiles: list[ImportProfile], markdown: bool) -> str:
    watch = ("rich", "babel", "pygments", "markdown_it", "typer", "pydantic", "yaml", "email")
    rows = []
    for p in profiles:
        top = ", ".join(f"{name} {ms:.0f}" for name, ms in p.packages[:6])
        rows.append(
            [
                p.command,
                f"{p.total_ms:.0f}",
                ", ".join(w for w in watch if w in p.loaded) or "-",
                ", ".join(w for w in ("rich", "babel") if w not in p.loaded) or "-",
                top,
            ]
        )
    header = ["command", "imports ms", "loads", "does not load", "largest (self ms)"]
    return _table(header, rows, markdown)
