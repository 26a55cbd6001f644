"""Mutation testing of newslint's core modules with mutmut: how many small breakages the tests catch.

    python benchmarks/mutation.py            # run (or resume) and print the score and the survivors
    python benchmarks/mutation.py --diffs    # also print each surviving mutant's diff
    python benchmarks/mutation.py --fresh    # start again from nothing
    python benchmarks/mutation.py --sample 30  # 30 random unchecked mutants per module, not all
    python benchmarks/mutation.py --recheck    # run the survivors again (after new tests)

mutmut (a test dependency) mutates the modules listed under [tool.mutmut] in pyproject.toml, runs
for each mutant the tests that reach the mutated function, and records whether a test failed
(killed) or not (survived). It knows only `./`, `src/` and `source/` layouts, so the run happens in
a copy of the last commit under .mutation/ (git-ignored) where src/ is a link to lint/; results stay
there, so a second run resumes. Prints `killed K of N mutants (P%)` and the survivors, and exits 1
when the score is under the floor in docs/testing.md (80 %).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
FLOOR = 80.0
# What mutmut's exit codes mean (mutmut.stats.status_by_exit_code): a test failed, or the mutant
# hung or crashed. Every other checked mutant survived, including those no test reaches.
KILLED = {1, 3, 36, 24, -24, 152, 255, 37, -11, -9}


def prepare(fresh: bool) -> None:
    """.mutation/ holds the last commit's files (not the working tree's: edits in progress would
    make the baseline test run fail), with src/ linked to lint/ for mutmut."""
    if fresh and WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(exist_ok=True)
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, capture_output=True, check=True).stdout
    tests_changed = False
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            data = tar.extractfile(member).read()
            dst = WORK / member.name
            if not dst.exists() or dst.read_bytes() != data:
                dst.parent.mkdir(parents=True, exist_ok=True)
                dst.write_bytes(data)
                tests_changed |= member.name.startswith("tests/")
    if tests_changed:  # mutmut's map of tests to functions names tests by id: a stale id breaks its baseline run
        (WORK / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
    link = WORK / "src"
    if not link.is_symlink():
        link.symlink_to("lint", target_is_directory=True)


def run_mutmut(jobs: int, names: list[str] = ()) -> int:
    env = {k: v for k, v in os.environ.items() if k != "NEWSLINT_NO_CACHE"}  # the cache tests need it on
    cmd = [sys.executable, "-m", "mutmut", "run", "--max-children", str(jobs), *names]
    with open(WORK / "mutmut.log", "w") as log:  # mutmut's progress and, when a baseline run fails, why
        return subprocess.run(cmd, cwd=WORK, env=env, stdout=log).returncode


def results() -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for meta in sorted((WORK / "mutants").rglob("*.py.meta")):
        out.update(json.loads(meta.read_text())["exit_code_by_key"])
    return out


def module_of(name: str) -> str:
    """"newslint.cache.xǁResultCacheǁkey__mutmut_2" -> "newslint.cache"."""
    return name.split("__mutmut_")[0].rsplit(".", 1)[0]


def sample(size: int, seed: int) -> list[str]:
    """Up to ``size`` unchecked mutants of each module, drawn at random: a full run reaches the
    engine's mutants only after hours, since nearly every test exercises them."""
    if not results():  # mutmut writes its list of mutants on its first run
        run_mutmut(1, ["generate-only-no-such-mutant"])
    rng = random.Random(seed)
    by_module: dict[str, list[str]] = {}
    for name, code in sorted(results().items()):
        if code is None:
            by_module.setdefault(module_of(name), []).append(name)
    picked = []
    for names in by_module.values():
        picked += rng.sample(names, min(size, len(names)))
    return picked


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fresh", action="store_true", help="forget earlier results")
    ap.add_argument("--diffs", action="store_true", help="print each survivor's diff")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--sample", type=int, metavar="N", help="run only N random unchecked mutants of each module")
    ap.add_argument("--seed", type=int, default=1, help="seed of --sample")
    ap.add_argument("--recheck", action="store_true", help="run the mutants that survived again (mutmut keeps a result until the function changes, even when tests are added)")
    args = ap.parse_args()
    prepare(args.fresh)
    partial = args.sample is not None or args.recheck
    names = sample(args.sample, args.seed) if args.sample is not None else []
    if args.recheck:
        names += [k for k, c in results().items() if c is not None and c not in KILLED]
    code = run_mutmut(args.jobs, names) if names or not partial else 0
    codes = results()
    if not codes:
        print(f"mutmut produced no results (exit {code}); run it in {WORK} to see why", file=sys.stderr)
        return 2
    killed = sorted(k for k, c in codes.items() if c in KILLED)
    survived = sorted(k for k, c in codes.items() if c is not None and c not in KILLED)
    unchecked = sorted(k for k, c in codes.items() if c is None)
    total = len(killed) + len(survived)
    score = 100.0 * len(killed) / total if total else 0.0
    for name in survived:
        print(f"survived: {name}")
        if args.diffs:
            diff = subprocess.run([sys.executable, "-m", "mutmut", "show", name], cwd=WORK, capture_output=True, text=True)
            print(diff.stdout)
    print("module                    killed  checked  not run")
    for module in sorted({module_of(k) for k in codes}):
        k = sum(module_of(n) == module for n in killed)
        checked = k + sum(module_of(n) == module for n in survived)
        todo = sum(module_of(n) == module for n in unchecked)
        print(f"{module:24s} {k:7d} {checked:8d} {todo:8d}")
    if unchecked:
        print(f"not run yet: {len(unchecked)} mutants (run again to resume)")
    print(f"killed {len(killed)} of {total} mutants ({score:.1f}%)")
    return 0 if score >= FLOOR else 1


if __name__ == "__main__":
    sys.exit(main())
