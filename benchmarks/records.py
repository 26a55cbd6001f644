"""Corpus records per second: one process, all cores, and a Dask LocalCluster; memory on a big file.

Run from the checkout with the project's venv (Dask comes with the test extra, or
`pip install -e '.[dask]'`):

    .venv/bin/python benchmarks/records.py                 # 1,000 records, 3 runs of each
    .venv/bin/python benchmarks/records.py --records 300 --runs 1 --big-records 600   # a quick look

It writes a JSON Lines corpus in a temporary folder, from the articles of benchmarks/articles/
(written for the project) recombined with a fixed seed as benchmarks/bench_corpus.py does, one
article a record with an id, a title, a publication date (ISO or as an outlet prints it) and an
outlet. Then, each a whole `newslint --format jsonl` process timed from outside, its output thrown
away, median (min-max) of the runs:

- `-j 1`, and `-j N` with N the cores available;
- `--scheduler` on a LocalCluster of 1 and of 2 worker processes (one thread each), started
  before the runs as an existing cluster would be, so its start-up is not timed; each run's
  client reads the corpus, sends the records in batches and writes the findings in order;
- peak memory (ru_maxrss of the run, from resource.getrusage(RUSAGE_CHILDREN) in a wrapper
  process of its own) of `--format jsonl -j 1` on a small corpus and on a big one: each of their
  records also carries a raw `html` field of --html-kb KB that is read but not linted, as a
  scrape keeps the page beside the text, so the big file is hundreds of MB while its run stays
  a few minutes long. Memory that does not grow from the small file to the big one is streaming.

The report goes to standard output (--json FILE writes the figures too); docs/scale.md holds the
latest figures and how they were made.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_corpus  # noqa: E402

WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
OUTLETS = ["Kompas", "Detik", "Tempo", "Antara", "CNN Indonesia", "Liputan6"]
FIELDS = ["--title-field", "title", "--date-field", "published", "--source-field", "source"]

# Runs in a process of its own: runs the command, then tells the largest RSS of its children.
WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def records(count: int, seed: int, html_kb: int = 0):
    """Dicts of generated articles: the title apart, the lead and body as the text."""
    rng, pool = random.Random(seed), bench_corpus.load_pool()
    filler = "<div class=\"iklan\">" + "x" * 1000 + "</div>\n"
    for i in range(count):
        title, text = bench_corpus._article(rng, pool).split("\n\n", 1)
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
        published = day.isoformat() if i % 2 else (
            f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year} {rng.randrange(24):02d}:{rng.randrange(60):02d} WIB")
        row = {"id": f"r{i:07d}", "title": title, "published": published, "source": rng.choice(OUTLETS), "text": text}
        if html_kb:
            row["html"] = filler * html_kb
        yield row


def write_corpus(path: Path, count: int, seed: int, html_kb: int = 0) -> int:
    with open(path, "w", encoding="utf-8") as f:
        for row in records(count, seed, html_kb):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path.stat().st_size


def newslint_command(*args) -> list[str]:
    return [sys.executable, "-m", "newslint", "--format", "jsonl", *FIELDS, *args]


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
    return wall


def peak_rss_mib(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, ru_maxrss in MiB) of cmd, measured in a wrapper process of its own."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True, check=True).stdout.split()
    wall = time.perf_counter() - start
    if int(out[0]) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {out[0]}")
    return wall, int(out[1]) / 1024  # KiB on Linux


def summary(walls: list[float], count: int) -> dict:
    median = statistics.median(walls)
    return {"walls": walls, "median_s": median, "min_s": min(walls), "max_s": max(walls), "records_per_s": count / median}


def log(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--records", type=int, default=1000, help="records of the throughput corpus (default 1000)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each throughput measurement (default 3)")
    ap.add_argument("--small-records", type=int, default=300, help="records of the small file for memory (default 300)")
    ap.add_argument("--big-records", type=int, default=3000, help="records of the big file for memory (default 3000)")
    ap.add_argument("--html-kb", type=int, default=100, help="KB of unlinted html per record in the memory files (default 100)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--no-dask", action="store_true", help="skip the LocalCluster runs")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory runs")
    ap.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    args = ap.parse_args(argv)

    from newslint.parallel import available_cores

    cores = available_cores()
    figures: dict = {"machine": {"cores": cores, "python": platform.python_version(), "platform": platform.platform(),
                                 "load_at_start": os.getloadavg()}, "throughput": {}, "memory": {}}
    with tempfile.TemporaryDirectory(prefix="newslint-records-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        size = write_corpus(corpus, args.records, args.seed)
        figures["corpus"] = {"records": args.records, "bytes": size}
        log(f"corpus: {args.records} records, {size / 1e6:.2f} MB")
        # Warm the compiled-rule cache once, as every run after the first on a machine finds it.
        warm = Path(tmp) / "warm.jsonl"
        write_corpus(warm, 1, args.seed)
        timed(newslint_command("-j", "1", str(warm)))

        variants = {"-j 1": lambda: newslint_command("-j", "1", str(corpus)),
                    f"-j {cores}": lambda: newslint_command("-j", str(cores), str(corpus))}
        clusters = []
        if not args.no_dask:
            import logging

            from distributed import LocalCluster

            logging.getLogger("distributed").setLevel(logging.WARNING)  # not its start and stop lines

            for workers in (1, 2):
                cluster = LocalCluster(n_workers=workers, processes=True, threads_per_worker=1, dashboard_address=None)
                clusters.append(cluster)
                variants[f"LocalCluster, {workers} worker{'s' if workers > 1 else ''}"] = (
                    lambda address=cluster.scheduler_address: newslint_command("--scheduler", address, str(corpus)))
        try:
            walls: dict[str, list[float]] = {label: [] for label in variants}
            labels = list(variants)
            for run in range(args.runs):  # each round runs every variant, the order rotating
                for label in labels[run % len(labels):] + labels[: run % len(labels)]:
                    walls[label].append(timed(variants[label]()))
                    log(f"run {run + 1}: {label}: {walls[label][-1]:.1f} s")
        finally:
            for cluster in clusters:
                cluster.close()
        for label, values in walls.items():
            figures["throughput"][label] = summary(values, args.records)

        if not args.no_memory:
            for name, count in (("small", args.small_records), ("big", args.big_records)):
                path = Path(tmp) / f"{name}.jsonl"
                size = write_corpus(path, count, args.seed + 1, args.html_kb)
                log(f"memory, {name}: {count} records, {size / 1e6:.0f} MB")
                wall, peak = peak_rss_mib(newslint_command("-j", "1", str(path)))
                figures["memory"][name] = {"records": count, "bytes": size, "wall_s": wall, "peak_mib": peak}
                path.unlink()
    figures["machine"]["load_at_end"] = os.getloadavg()

    print(f"Machine: {cores} cores, Python {figures['machine']['python']}, load average "
          f"{figures['machine']['load_at_start'][0]:.1f} at the start, {figures['machine']['load_at_end'][0]:.1f} at the end")
    print(f"Corpus: {args.records} records, {figures['corpus']['bytes'] / 1e6:.2f} MB; median (min-max) of {args.runs} runs")
    print()
    print("| run | wall s | records/s |")
    print("|---|---|---|")
    for label, t in figures["throughput"].items():
        print(f"| {label} | {t['median_s']:.1f} ({t['min_s']:.1f}-{t['max_s']:.1f}) | {t['records_per_s']:.1f} |")
    if figures["memory"]:
        print()
        print("| file | records | MB | wall s | peak RSS MiB |")
        print("|---|---|---|---|---|")
        for name, m in figures["memory"].items():
            print(f"| {name} | {m['records']} | {m['bytes'] / 1e6:.0f} | {m['wall_s']:.1f} | {m['peak_mib']:.0f} |")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
