"""newslint against its peers on the same generated corpus (issue 10, items 1 and 5).

Run from the checkout with the project's venv (peers are installed on first use):

    .venv/bin/python benchmarks/bench.py                  # 2,000 articles, 5 runs of each
    .venv/bin/python benchmarks/bench.py --runs 3         # quicker
    .venv/bin/python benchmarks/bench.py --newslint /other/venv/bin/newslint

It generates the corpus (fixed seed) in a temporary folder, then times whole processes from
outside, alternating the tools run by run (A B C, B C A, ...), and prints medians with min-max:
throughput, one-file wall time (a clean article; the same with one English sentence), peak
memory on 500 and on all the files, and newslint with the built-in rules against the built-in
rules plus 1,000 generated ones. It ends with the issue's targets, each MET or NOT MET.
docs/performance.md explains the set-up and holds the latest figures.
"""
from __future__ import annotations

import argparse
import re
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_corpus  # noqa: E402
import bench_peers  # noqa: E402
from bench_measure import Series, run_measured  # noqa: E402

TARGET_THROUGHPUT_RATIO = 8.0  # newslint's MB/s at least 8 x textlint+prh's
TARGET_ONE_FILE_RATIO = 0.25  # newslint's one-file time at most 1/4 of textlint's
FLAT_TOLERANCE = 1.25  # "does not grow": under 25 % more, the noise level of this machine
OK_EXIT = (0, 1)  # every tool here exits 1 when it has findings


@dataclass
class Variant:
    """One way of running one tool: a label and how to build its command for some paths."""

    label: str
    command: Callable[..., list[str]]
    env: Callable[[], dict] = lambda: dict(os.environ)
    cleanup: Callable[[], None] = lambda: None
    series: dict[str, Series] = field(default_factory=dict)  # by input name


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    ap.add_argument("--small-articles", type=int, default=500,
                    help="the smaller corpus for memory growth and rule scaling (default 500)")
    ap.add_argument("--runs", type=int, default=5, help="runs of each measurement (default 5)")
    ap.add_argument("--one-file-runs", type=int, default=0,
                    help="runs of each one-file measurement (default: max(5, --runs))")
    ap.add_argument("--rules", type=int, default=1000, help="generated rules for the scaling run")
    ap.add_argument("--seed", type=int, default=10, help="corpus and rule seed (default 10)")
    ap.add_argument("--newslint", default=str(Path(sys.executable).parent / "newslint"),
                    help="the newslint executable to measure (default: this venv's)")
    ap.add_argument("--no-peers", action="store_true", help="measure newslint only")
    ap.add_argument("--no-install", action="store_true", help="never install a missing peer")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--json", metavar="FILE", help="also write every run's figures here")
    return ap.parse_args(argv)


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("*.txt"))


def machine_summary() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), "0")
    node = shutil.which("node")
    node_version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip() if node else "-"
    return [f"machine: {cpu}, {os.cpu_count()} cores, {int(mem) / 1024 / 1024:.0f} GiB, "
            f"{platform.platform()}",
            f"python {platform.python_version()}, node {node_version}",
            f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"]


class NewslintRunner:
    """newslint's variants: compiled-rule cache warm or cold, -j when the CLI has it."""

    def __init__(self, exe: str, workdir: Path):
        self.exe = exe
        self.workdir = workdir
        helptext = subprocess.run([exe, "--help"], capture_output=True, text=True).stdout
        self.has_jobs = bool(re.search(r"(?<![\w-])-j\b|--jobs\b", helptext))
        self.version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()
        self.primed: dict[str, Path] = {}
        self.counter = 0

    def base(self, config: Path | None, jobs: int | None) -> list[str]:
        cmd = [self.exe, "--format", "json"]
        if jobs is not None and self.has_jobs:
            cmd += ["-j", str(jobs)]
        if config:
            cmd += ["--config", str(config)]
        return cmd

    def env(self, cache: Path) -> dict:
        env = dict(os.environ)
        env.pop("NEWSLINT_NO_CACHE", None)
        env["NEWSLINT_CACHE_DIR"] = str(cache)
        return env

    def prime(self, config: Path | None) -> Path:
        """A cache folder holding only the compiled rules (filled by linting one tiny file,
        so that a results cache, where there is one, knows none of the corpus)."""
        key = str(config)
        if key not in self.primed:
            folder = self.workdir / f"cache-primed-{len(self.primed)}"
            probe = self.workdir / "prime" / "probe.txt"
            probe.parent.mkdir(exist_ok=True)
            probe.write_text("Cuaca cerah di Jakarta.\n", encoding="utf-8")
            subprocess.run(self.base(config, None) + [str(probe)], env=self.env(folder),
                           capture_output=True)
            self.primed[key] = folder
        return self.primed[key]

    def fresh_cache(self, config: Path | None, warm: bool) -> Path:
        self.counter += 1
        folder = self.workdir / f"cache-run-{self.counter}"
        shutil.rmtree(folder, ignore_errors=True)
        if warm and self.prime(config).exists():
            shutil.copytree(self.prime(config), folder)
        return folder

    def variant(self, label: str, *, warm: bool = True, jobs: int | None = 1,
                config: Path | None = None) -> Variant:
        state: dict[str, Path] = {}

        def env() -> dict:
            state["cache"] = self.fresh_cache(config, warm)
            return self.env(state["cache"])

        def cleanup() -> None:
            shutil.rmtree(state.pop("cache", Path("/nonexistent")), ignore_errors=True)

        return Variant(label, lambda *paths: self.base(config, jobs) + [str(p) for p in paths],
                       env=env, cleanup=cleanup)


def peer_variant(peer: bench_peers.Peer) -> Variant:
    return Variant(peer.name, peer.command)


def count_findings(label: str, output: Path) -> str:
    """What the tool reported on its first run: a check that it really linted the files."""
    try:
        text = output.read_text(errors="replace")
        if label.startswith("textlint"):
            data = json.loads(text)
            return f"{sum(len(f['messages']) for f in data)} findings in {len(data)} files"
        if label.startswith("newslint"):
            data = json.loads(text)
            return f"{len(data)} findings in {len({f['path'] for f in data})} files"
        return f"{sum(1 for line in text.splitlines() if line.strip())} findings"
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return f"output not understood ({type(exc).__name__})"


def measure(variants: list[Variant], inputs: dict[str, Path], runs: int, workdir: Path) -> None:
    """Every variant on every input, runs times, rotating the order each round (A B C, B C A)."""
    for round_ in range(runs):
        shift = round_ % len(variants)
        for variant in variants[shift:] + variants[:shift]:
            for name, path in inputs.items():
                series = variant.series.setdefault(name, Series())
                if series.failure:
                    continue
                out = workdir / "out" / f"{abs(hash((variant.label, name)))}.out"
                out.parent.mkdir(exist_ok=True)
                env = variant.env()
                try:
                    run = run_measured(variant.command(path), env=env, stdout_path=out)
                finally:
                    variant.cleanup()
                if run.returncode not in OK_EXIT:
                    series.failure = f"exit {run.returncode}: {run.stderr_tail.strip()[-300:]}"
                    print(f"  {variant.label} on {name}: FAILED ({series.failure})", file=sys.stderr)
                    continue
                if not series.runs:
                    series.note = count_findings(variant.label, out)
                series.runs.append(run)
                print(f"  round {round_ + 1}/{runs} {variant.label:<28} {name:<10} "
                      f"{run.wall:7.2f} s {run.peak_mib:7.0f} MiB", file=sys.stderr)


# -- the report ---------------------------------------------------------------------------

def fmt_time(series: Series | None) -> str:
    if series is None:
        return "-"
    if series.failure or not series.runs:
        return "failed"
    low, high = series.spread()
    return f"{series.median_wall():.3f} ({low:.3f}-{high:.3f})"


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def report(args, facts: dict, throughput: list[Variant], memory: list[Variant],
           one_file: list[Variant], scaling: list[Variant], nl: NewslintRunner,
           peers: list[bench_peers.Peer]) -> str:
    lines: list[str] = []
    say = lines.append
    mb, n = facts["corpus_bytes"] / 1e6, args.articles
    say("")
    say("== newslint benchmark ==")
    say("command: " + " ".join([Path(sys.executable).name, *sys.argv]))
    for line in facts["machine"]:
        say(line)
    say(f"load average at end: {facts['load_end']}")
    say(f"newslint: {nl.exe} ({nl.version}); -j: {'yes' if nl.has_jobs else 'not in this CLI'}")
    for peer in peers:
        say(f"peer {peer.name}: {peer.version or '-'}" + (f"  SKIPPED: {peer.problem}" if peer.problem else ""))
    say(f"corpus: {n} articles, {mb:.2f} MB (seed {args.seed}); small corpus: {args.small_articles} "
        f"articles, {facts['small_bytes'] / 1e6:.2f} MB; runs: {args.runs}; one-file runs: {facts['one_file_runs']}")
    say("")
    say(f"Throughput, {n} files (whole process, median (min-max) of {args.runs})")
    say(f"{'tool':<30} {'wall s':>24} {'MB/s':>7} {'art./s':>8} {'peak MiB':>9}  output")
    for v in throughput:
        s = v.series.get("corpus")
        ok = s and s.runs and not s.failure
        say(f"{v.label:<30} {fmt_time(s):>24} "
            f"{(mb / s.median_wall()) if ok else 0:>7.2f} {(n / s.median_wall()) if ok else 0:>8.1f} "
            f"{s.median_peak() if ok else 0:>9.0f}  {(s.failure or s.note) if s else ''}")
    say("")
    say(f"One file, wall s (median (min-max) of {facts['one_file_runs']})")
    say(f"{'tool':<30} {'clean article':>24} {'one English sentence':>24} {'peak MiB (English)':>19}")
    for v in one_file:
        c, e = v.series.get("clean"), v.series.get("english")
        peak = e.median_peak() if e and e.runs else 0
        say(f"{v.label:<30} {fmt_time(c):>24} {fmt_time(e):>24} {peak:>19.0f}")
    say("")
    say(f"Peak memory, MiB (median of {args.runs}): {args.small_articles} files against {n} files")
    for v in memory:
        small, big = v.series.get("small"), v.series.get("corpus")
        if not (small and big and small.runs and big.runs):
            say(f"{v.label:<30} failed")
            continue
        say(f"{v.label:<30} {small.median_peak():>8.0f} {big.median_peak():>8.0f}  "
            f"x{big.median_peak() / small.median_peak():.2f}")
    say("")
    say(f"Rule-count scaling, newslint on the {args.small_articles}-file corpus (median (min-max) of {args.runs})")
    small_mb = facts["small_bytes"] / 1e6
    for v in scaling:
        s = v.series.get("small")
        rate = f"{small_mb / s.median_wall():.2f} MB/s" if s and s.runs and not s.failure else ""
        say(f"{v.label:<44} {fmt_time(s):>24} {rate}")
    say("")
    say("Targets (issue 10, item 5; medians)")
    verdicts = targets(args, facts, throughput, memory, one_file, scaling)
    lines.extend(verdicts)
    return "\n".join(lines)


def _median(variants: list[Variant], label: str, name: str) -> float | None:
    for v in variants:
        s = v.series.get(name)
        if v.label == label and s and s.runs and not s.failure:
            return s.median_wall()
    return None


def _peak(variants: list[Variant], label: str, name: str) -> float | None:
    for v in variants:
        s = v.series.get(name)
        if v.label == label and s and s.runs and not s.failure:
            return s.median_peak()
    return None


def targets(args, facts, throughput, memory, one_file, scaling) -> list[str]:
    out = []
    main, tl = facts["newslint_label"], "textlint+prh"
    nl_t, tl_t = _median(throughput, main, "corpus"), _median(throughput, tl, "corpus")
    if nl_t and tl_t:
        ratio = tl_t / nl_t  # same bytes, so the time ratio is the throughput ratio
        out.append(f"throughput >= {TARGET_THROUGHPUT_RATIO:g}x textlint+prh (one process): "
                   f"{ratio:.2f}x  {verdict(ratio >= TARGET_THROUGHPUT_RATIO)}")
    else:
        out.append("throughput vs textlint+prh: not measured (a tool failed or was skipped)")
    for name, what in (("clean", "clean article"), ("english", "article with one English sentence")):
        a, b = _median(one_file, main, name), _median(one_file, tl, name)
        if a and b:
            out.append(f"one file <= {TARGET_ONE_FILE_RATIO:g} of textlint's ({what}): "
                       f"{a / b:.2f} ({a:.3f} s vs {b:.3f} s)  {verdict(a / b <= TARGET_ONE_FILE_RATIO)}")
        else:
            out.append(f"one file ({what}) vs textlint: not measured")
    small, big = _peak(memory, main, "small"), _peak(memory, main, "corpus")
    if small and big:
        out.append(f"peak memory not growing with the files ({args.small_articles} -> {args.articles}): "
                   f"{small:.0f} -> {big:.0f} MiB, x{big / small:.2f} (flat = under x{FLAT_TOLERANCE:g})  "
                   f"{verdict(big / small < FLAT_TOLERANCE)}")
    else:
        out.append("peak memory growth: not measured")
    base = _median(scaling, scaling[0].label, "small") if scaling else None
    more = _median(scaling, scaling[1].label, "small") if len(scaling) > 1 else None
    if base and more:
        out.append(f"cost grows with the text, not the rules (+{args.rules} rules, item 2): "
                   f"x{more / base:.2f} (flat = under x{FLAT_TOLERANCE:g})  {verdict(more / base < FLAT_TOLERANCE)}")
    else:
        out.append("rule-count scaling: not measured")
    return out


def series_as_dict(variants: list[Variant]) -> dict:
    return {v.label: {name: {"walls": s.walls(), "peaks_mib": [r.peak_mib for r in s.runs],
                             "failure": s.failure, "note": s.note}
                      for name, s in v.series.items()} for v in variants}


def main(argv=None) -> int:
    args = parse_args(argv)
    one_file_runs = args.one_file_runs or max(5, args.runs)
    if not Path(args.newslint).exists() and not shutil.which(args.newslint):
        print(f"newslint executable not found: {args.newslint}", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="newslint-bench-"))
    facts: dict = {"machine": machine_summary(), "one_file_runs": one_file_runs}
    try:
        corpus, small = workdir / "corpus", workdir / "small"
        facts["corpus_bytes"] = bench_corpus.generate_corpus(corpus, args.articles, args.seed)
        facts["small_bytes"] = bench_corpus.generate_corpus(small, args.small_articles, args.seed)
        clean, english = bench_corpus.write_one_file_articles(workdir / "one")
        rules = bench_corpus.generate_rules(workdir / "rules", args.rules, args.seed)
        builtin_cfg = workdir / "builtin.yaml"
        builtin_cfg.write_text("language: id\n")
        plus_cfg = workdir / "plus-rules.yaml"
        plus_cfg.write_text(f"language: id\nrule-paths: [{json.dumps(str(rules))}]\n")
        print(f"corpus: {args.articles} articles, {facts['corpus_bytes'] / 1e6:.2f} MB in {corpus}",
              file=sys.stderr)

        nl = NewslintRunner(args.newslint, workdir)
        peers = [] if args.no_peers else [bench_peers.textlint(workdir, not args.no_install),
                                          bench_peers.proselint(not args.no_install)]
        for peer in peers:
            if peer.problem:
                print(f"peer {peer.name} skipped: {peer.problem}", file=sys.stderr)
        usable = [peer_variant(p) for p in peers if not p.problem]

        main_label = "newslint -j 1" if nl.has_jobs else "newslint"
        facts["newslint_label"] = main_label
        warm = nl.variant(main_label)
        cold = nl.variant(main_label + ", cold cache", warm=False)
        parallel = [nl.variant(f"newslint -j {k}", jobs=k) for k in range(2, (os.cpu_count() or 1) + 1)
                    if nl.has_jobs]

        print("throughput (and peak memory on all the files) ...", file=sys.stderr)
        throughput = [warm, cold, *parallel, *usable]
        measure(throughput, {"corpus": corpus}, args.runs, workdir)
        print(f"peak memory on {args.small_articles} files ...", file=sys.stderr)
        memory = [warm, *parallel, *usable]
        measure(memory, {"small": small}, args.runs, workdir)
        print("one file ...", file=sys.stderr)
        one_file = [warm, cold, *usable]
        measure(one_file, {"clean": clean, "english": english}, one_file_runs, workdir)
        print(f"rule-count scaling ({args.rules} generated rules) ...", file=sys.stderr)
        scaling = [nl.variant("newslint, built-in rules", config=builtin_cfg),
                   nl.variant(f"newslint, built-in + {args.rules} generated rules", config=plus_cfg)]
        measure(scaling, {"small": small}, args.runs, workdir)

        facts["load_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
        print(report(args, facts, throughput, memory, one_file, scaling, nl, peers))
        if args.json:
            Path(args.json).write_text(json.dumps(
                {"facts": facts, "args": vars(args),
                 "runs": series_as_dict(list({id(v): v for v in throughput + one_file + scaling}.values()))},
                indent=1))
    finally:
        if args.keep:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
