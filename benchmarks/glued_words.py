"""What the glued rules' word knowledge costs: start-up time and peak memory of a one-file run,
and what each candidate word source costs to load.

    python benchmarks/glued_words.py [--runs 5] [FILE]

A one-file run is timed on FILE (default examples/artikel.txt) and on the same text with one
glued token added (which makes the glued rules load the word lists), each the median of --runs
runs with the compiled-rule cache warm (NEWSLINT_NO_CACHE unset), with the peak RSS of the
process. Then, in fresh interpreters, the load time and memory of each word source: wordfreq's
Indonesian and English lists as newslint.knowledge.words reads them (what the glued rules use), the same
through wordfreq's own API, and PySastrawi's root-word list (when installed; it has no English
and no inflected forms).
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GLUED_LINE = "\nKabar itu dikutip dariAntara pada Senin, kata Ketua Umum PSSIErick Thohir.\n"

SOURCES = {
    "newslint.knowledge.words id+en": "from newslint.knowledge.words import zipf\nzipf('dan', 'id'); zipf('and', 'en')\n",
    "wordfreq API id+en": (
        "from wordfreq import zipf_frequency\n"
        "zipf_frequency('dan', 'id'); zipf_frequency('and', 'en')\n"
    ),
    "PySastrawi roots": (
        "import importlib.resources as r\n"
        "words = set(r.files('Sastrawi.Stemmer.data').joinpath('kata-dasar.txt').read_text().split())\n"
    ),
}


def one_run(path: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of `newslint PATH`."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_NO_CACHE"}
    start = time.perf_counter()
    code = (
        "import resource, sys\n"
        "from newslint.cli import main\n"
        "try:\n    main([sys.argv[1]])\nexcept SystemExit:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    return elapsed, int(proc.stderr.strip().splitlines()[-1]) / 1024


def median_run(path: Path, runs: int) -> tuple[float, float]:
    one_run(path)  # warm the compiled-rule cache and the disk
    results = [one_run(path) for _ in range(runs)]
    return statistics.median(t for t, _ in results), max(m for _, m in results)


def source_cost(code: str) -> str:
    probe = (
        "import resource, time\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "start = time.perf_counter()\n"
        f"{code}"
        "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)\n"
    )
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    if proc.returncode:
        return "not installed"
    seconds, kib = proc.stdout.split()
    return f"{float(seconds) * 1000:.0f} ms, +{int(kib) / 1024:.1f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("file", nargs="?", default=str(ROOT / "examples" / "artikel.txt"))
    args = parser.parse_args()
    clean = Path(args.file)
    with tempfile.TemporaryDirectory() as folder:
        glued = Path(folder) / "glued.txt"
        glued.write_text(clean.read_text(encoding="utf-8") + GLUED_LINE, encoding="utf-8")
        for label, path in (("one-file run", clean), ("with a glued token", glued)):
            seconds, rss = median_run(path, args.runs)
            print(f"{label:28} median {seconds * 1000:.0f} ms, peak RSS {rss:.0f} MiB")
    for name, code in SOURCES.items():
        print(f"{'load ' + name:28} {source_cost(code)}")
    print(f"(self: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB)")


if __name__ == "__main__":
    main()
