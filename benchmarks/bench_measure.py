"""Run one command and measure it from outside: wall time and peak memory of its process tree.

Peak memory is the larger of two readings:
- ``wait4``'s ``ru_maxrss``: exact, but only the largest single process (and its waited-for
  children), so a worker pool's sum is missed;
- the sum of RSS over the process group, sampled every 0.2 s from /proc: catches pools, may
  miss a short peak. The sampling is sparse on purpose: it shares the 2 cores with the run.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_SECONDS = 0.2


@dataclass
class Run:
    wall: float  # seconds
    peak_mib: float
    returncode: int
    stderr_tail: str = ""


@dataclass
class Series:
    """Every run of one measurement, and its summary."""

    runs: list[Run] = field(default_factory=list)
    failure: str = ""  # why the measurement is unusable, "" when it is fine
    note: str = ""  # what the tool reported on its first run

    def walls(self) -> list[float]:
        return [r.wall for r in self.runs]

    def median_wall(self) -> float:
        return statistics.median(self.walls())

    def median_peak(self) -> float:
        return statistics.median(r.peak_mib for r in self.runs)

    def spread(self) -> tuple[float, float]:
        return min(self.walls()), max(self.walls())


def _group_rss_kib(pgid: int) -> int:
    total = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
            # fields after the ')' that closes the command name: state ppid pgrp ...
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[2]) != pgid:
                continue
            for line in Path(f"/proc/{entry.name}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
        except (OSError, ValueError):
            continue  # the process ended while we looked
    return total


def run_measured(cmd: list[str], *, env: dict | None = None, cwd: Path | None = None,
                 stdout_path: Path | None = None) -> Run:
    """Run cmd to completion; its output goes to stdout_path (or is discarded)."""
    out = open(stdout_path, "wb") if stdout_path else open(os.devnull, "wb")
    err_path = (stdout_path.with_suffix(".stderr") if stdout_path
                else Path(os.devnull))
    err = open(err_path, "wb")
    peak_tree = 0
    stop = threading.Event()
    start = time.perf_counter()
    # A new session makes the tool's pid its process group, so its workers can be found.
    proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd, start_new_session=True)

    def sample() -> None:
        nonlocal peak_tree
        while not stop.wait(SAMPLE_SECONDS):
            peak_tree = max(peak_tree, _group_rss_kib(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped by wait4, tell Popen
    out.close()
    err.close()
    tail = ""
    if stdout_path and proc.returncode not in (0, 1):
        tail = err_path.read_text(errors="replace")[-400:]
    peak_mib = max(usage.ru_maxrss, peak_tree) / 1024  # both in KiB on Linux
    return Run(wall=wall, peak_mib=peak_mib, returncode=proc.returncode, stderr_tail=tail)
