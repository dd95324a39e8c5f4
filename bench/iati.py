"""`iomstrat reconcile` on a publisher's whole IATI file (issue 29): a 50 MB file of thousands
of the donor's activities, one of which is the strategy's, read beside the floor of reading it
at all (lxml's iterparse clearing every activity, no work) and libxml2's own streaming reader
(`xmllint --stream`, where installed).

    python -m bench.iati [--megabytes 50] [--repeats 3]    # prints and writes bench/IATI.md
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from bench.measure import Case, Measured, measure

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STRATEGY = ROOT / "examples" / "illustrative_2023.yaml"
DONOR = ROOT / "tests" / "iati_files" / "denmark_iom_2023.xml"
FLOOR = (
    "import sys\nfrom lxml import etree\n"
    "for _, e in etree.iterparse(sys.argv[1], tag='iati-activity', resolve_entities=False, "
    "no_network=True, load_dtd=False):\n"
    "    e.clear()\n"
    "    while e.getprevious() is not None:\n"
    "        del e.getparent()[0]\n"
)


def publisher_file(out: Path, megabytes: int) -> tuple[Path, int]:
    """The donor's file: the strategy's activity amid copies of it given to another
    organisation (UNDP, XM-DAC-41114) under other identifiers; written once per size."""
    text = DONOR.read_text(encoding="utf-8")
    start = text.index("  <iati-activity ")
    end = text.index("</iati-activities>")
    ours = text[start:end]
    other = ours.replace("XM-DAC-47066", "XM-DAC-41114")
    count = megabytes * 1_000_000 // len(other.encode("utf-8"))
    path = out / f"iati_publisher_{megabytes}mb.xml"
    if path.exists() and path.stat().st_size > megabytes * 900_000:
        return path, count + 1
    out.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as file:
        file.write(text[:start])
        for index in range(count):
            if index == count // 2:
                file.write(ours)
            file.write(other.replace("XM-DAC-3-1-2022-18394", f"XM-DAC-3-1-BENCH-{index}"))
        file.write(text[end:])
    return path, count + 1


def cases(path: Path) -> list[Case]:
    floor = (sys.executable, "-c", FLOOR, str(path))
    ours = (sys.executable, "-m", "iomstrat", "reconcile", str(STRATEGY), "--iati", str(path),
            "--as-of", "2024-01-31", "--format", "json")  # fmt: skip
    found = [
        Case("floor: lxml iterparse, each activity cleared", floor, "iati"),
        Case("iomstrat reconcile (one activity of the strategy among them)", ours, "iati"),
    ]
    xmllint = shutil.which("xmllint")
    if xmllint:
        stream = (xmllint, "--stream", "--noout", str(path))
        found.insert(1, Case("xmllint --stream --noout", stream, "iati"))
    return found


def table(results: list[Measured], size: float, activities: int) -> str:
    floor = results[0]
    lines = [
        f"`iomstrat reconcile` on a publisher file of {size:.1f} MB ({activities} activities), "
        "median of the runs; ratios to the floor of reading the file with lxml at all. On a shared "
        "machine the CPU time (user + system) is the steadier measure; the wall time includes "
        "waiting for a core. iomstrat's includes its start-up, the strategy's checks and the ECB "
        "rates.",
        "",
        "| case | wall s | cpu s | peak MiB | wall x floor | cpu x floor | exit |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        lines.append(
            f"| {result.case.name} | {result.wall:.2f} | {result.cpu:.2f} | "
            f"{result.peak_mib:.0f} | {result.wall / floor.wall:.2f} | "
            f"{result.cpu / floor.cpu:.2f} | {result.rc} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.iati", description=__doc__)
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--results", type=Path, default=HERE / "IATI.md")
    args = parser.parse_args(argv)
    path, activities = publisher_file(args.out, args.megabytes)
    results = measure(cases(path), args.repeats)
    text = "# IATI: a publisher's file\n\n" + table(results, path.stat().st_size / 1e6, activities)
    sys.stdout.write(text)
    args.results.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
