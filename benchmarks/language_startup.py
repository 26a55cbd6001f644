"""Benchmark (not a test): what a one-file run costs, and that a clean article never loads
langdetect. Run from the checkout with the project's venv:

    .venv/bin/python benchmarks/language_startup.py

Times are wall-clock medians of several fresh processes; the machines are shared, so compare
the figures of one run with each other, not with another day's.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
PROBE = """
import sys, time
t = time.perf_counter()
from newslint.cli import main
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
print(round(time.perf_counter() - t, 4), "langdetect" in sys.modules)
"""
COLD_LANGDETECT = """
import time
t = time.perf_counter()
from langdetect import DetectorFactory, detect_langs
DetectorFactory.seed = 0
detect_langs("The government said it would review the policy next week.")
print(round(time.perf_counter() - t, 4))
"""


def median_of(cmd) -> tuple[float, str]:
    walls, last = [], ""
    for _ in range(RUNS):
        start = time.perf_counter()
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout.strip()
        walls.append(time.perf_counter() - start)
        last = out
    return statistics.median(walls), last


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        english = Path(tmp) / "english.txt"
        english.write_text("Harga naik. The government said it would review the policy next week.\n", encoding="utf-8")
        subprocess.run([sys.executable, "-m", "newslint", str(english)], capture_output=True)  # warm the rule cache
        rows = [
            ("clean Indonesian article (examples/bersih.txt)", [sys.executable, "-c", PROBE, "examples/bersih.txt"]),
            ("article with an English sentence", [sys.executable, "-c", PROBE, str(english)]),
            ("langdetect alone: import + first detection", [sys.executable, "-c", COLD_LANGDETECT]),
            ("python -c pass (interpreter start)", [sys.executable, "-c", "pass"]),
        ]
        print(f"{'what':50s} {'median wall s':>14s}  in-process s / langdetect loaded")
        for label, cmd in rows:
            wall, out = median_of(cmd)
            print(f"{label:50s} {wall:14.3f}  {out}")


if __name__ == "__main__":
    main()
