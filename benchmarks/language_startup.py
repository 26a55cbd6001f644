"""Benchmark (not a test): what a one-file run costs on a clean article and on one with an English
sentence, what reading the n-gram profiles costs, and that neither run imports langdetect. Run from
the checkout with the project's venv:

    .venv/bin/python benchmarks/language_startup.py

Each figure is the median of 7 fresh processes (wall clock), after one run that warms the
compiled-rule cache. The machines are shared, so compare the figures of one run with each other,
not with another day's.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
ENGLISH = "Harga naik. The government said it would review the policy next week.\n"
# What a run loaded: langdetect (it must not be), and how many n-gram profiles it read.
LOADED = """
import io, contextlib, json, sys
from newslint.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
from newslint.knowledge.langid import profile
print(json.dumps({"langdetect": "langdetect" in sys.modules, "profiles": profile.cache_info().currsize}))
"""
# Reading the profiles English is weighed against, in a fresh process (the module already imported).
PROFILES = """
import time
from newslint.builtin import builtin_rules_dir
from newslint.knowledge.langid import english_probability, load_lexicon, profile
RIVALS = load_lexicon(str(builtin_rules_dir() / "Indonesian" / "_language.yml")).rivals
t = time.perf_counter()
for lang in ("en", *RIVALS):
    profile(lang)
loaded = time.perf_counter() - t
t = time.perf_counter()
english_probability("The government said it would review the policy next week.", RIVALS)
print(round(loaded * 1000, 1), round((time.perf_counter() - t) * 1000, 2))
"""
COLD_LANGDETECT = """
from langdetect import DetectorFactory, detect_langs
DetectorFactory.seed = 0
detect_langs("The government said it would review the policy next week.")
"""


def newslint_command() -> list[str]:
    script = Path(sys.executable).parent / "newslint"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newslint"]


def median_wall(cmd) -> float:
    walls = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=ROOT)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def output(cmd) -> str:
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout.strip()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        english = Path(tmp) / "english.txt"
        english.write_text(ENGLISH, encoding="utf-8")
        clean = ROOT / "examples" / "bersih.txt"
        subprocess.run([*newslint_command(), str(english)], capture_output=True)  # warm the rule cache
        print(f"{'what':52s} {'median wall s':>13s}  loaded")
        for label, path in (("newslint on a clean article (examples/bersih.txt)", clean), ("newslint on an article with one English sentence", english)):
            wall = median_wall([*newslint_command(), str(path)])
            loaded = json.loads(output([sys.executable, "-c", LOADED, str(path)]))
            print(f"{label:52s} {wall:13.3f}  langdetect: {loaded['langdetect']}, profiles read: {loaded['profiles']}")
        print(f"{'langdetect: import and first detection (avoided)':52s} {median_wall([sys.executable, '-c', COLD_LANGDETECT]):13.3f}")
        print(f"{'python -c pass (interpreter start)':52s} {median_wall([sys.executable, '-c', 'pass']):13.3f}")
        runs = [output([sys.executable, "-c", PROFILES]).split() for _ in range(RUNS)]
        load_ms = statistics.median(float(r[0]) for r in runs)
        first_ms = statistics.median(float(r[1]) for r in runs)
        print(f"reading the profiles (en and the rivals), in-process: {load_ms:.1f} ms; scoring one sentence: {first_ms:.2f} ms")


if __name__ == "__main__":
    main()
