"""One measurement: a command run in a fresh process, its wall time and peak memory.

Each run goes through a small probe process that starts the command, waits for it and reads
`resource.getrusage(RUSAGE_CHILDREN)`: its `ru_maxrss` is then the peak resident memory of that
one command and nothing else (the probe's own start-up is outside the timed span).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from dataclasses import dataclass, field

_PROBE = r"""
import json, resource, subprocess, sys, time
argv = json.loads(sys.argv[1])
start = time.perf_counter()
done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "wall": wall,
    "cpu": usage.ru_utime + usage.ru_stime,
    "maxrss_kib": usage.ru_maxrss,
    "rc": done.returncode,
    "stderr": done.stderr[-4000:].decode("utf-8", "replace"),
}))
"""


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # seconds, user + system
    peak_mib: float
    rc: int
    stderr: str


@dataclass(frozen=True)
class Case:
    """A command to measure: `records` is how many ledger records it reads (for records/s)."""

    name: str
    argv: tuple[str, ...]
    group: str
    records: int | None = None
    size: int | None = None
    kind: str = ""
    note: str = ""


@dataclass
class Measured:
    case: Case
    samples: list[Sample] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def peak_mib(self) -> float:
        return max(s.peak_mib for s in self.samples)

    @property
    def rc(self) -> int:
        return self.samples[-1].rc

    @property
    def per_second(self) -> float | None:
        if self.case.records is None:
            return None
        return self.case.records / self.wall

    @property
    def spread(self) -> float:
        """Relative spread (max-min)/median of the wall times, to show how noisy a case was."""
        walls = [s.wall for s in self.samples]
        return (max(walls) - min(walls)) / self.wall if len(walls) > 1 else 0.0


def run_once(argv: tuple[str, ...]) -> Sample:
    probe = subprocess.run(
        [sys.executable, "-I", "-c", _PROBE, json.dumps(list(argv))],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(probe.stdout)
    return Sample(data["wall"], data["cpu"], data["maxrss_kib"] / 1024, data["rc"], data["stderr"])


def measure(cases: list[Case], repeats: int, *, warmup: bool = True) -> list[Measured]:
    """Run the cases round-robin `repeats` times, so drift in machine load hits all alike."""
    results = [Measured(case) for case in cases]
    if warmup:
        for case in cases:
            run_once(case.argv)
    for _ in range(repeats):
        for result in results:
            result.samples.append(run_once(result.case.argv))
    return results
