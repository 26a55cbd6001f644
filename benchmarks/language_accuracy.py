"""Benchmark (not a test): accuracy and speed of the language rules on the spans written for
them (tests/data/language_spans.yaml: Indonesian, English, Malay, Indonesian with English names
and terms, Indonesian with an English clause, English page furniture).

    .venv/bin/python benchmarks/language_accuracy.py
"""
from __future__ import annotations

import collections
import statistics
import time
from pathlib import Path

import yaml

from newslint import engine
from newslint.plugins import load_registry
from newslint.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
RULES = ("Indonesian.EnglishSentence", "Indonesian.EnglishClause", "Indonesian.EnglishFurniture")
RIGHT = {"foreign": {"foreign", "clause"}, "clause": {"clause"}, "quiet": {"quiet"}}


def main() -> None:
    spans = yaml.safe_load((ROOT / "tests" / "data" / "language_spans.yaml").read_text(encoding="utf-8"))["items"]
    registry = load_registry()
    checks = [c for c in load_ruleset(registry).checks if c.rule.id in RULES]

    def verdict(text):
        rules = {f.rule for f in engine.run(checks, registry.document("<span>", text)).findings}
        if rules & {"Indonesian.EnglishSentence", "Indonesian.EnglishFurniture"}:
            return "foreign"
        return "clause" if "Indonesian.EnglishClause" in rules else "quiet"

    verdict("The government said it would review the policy.")  # read the n-gram profiles outside the timing
    score = collections.defaultdict(lambda: [0, 0, 0])  # right, total, false alarms
    for s in spans:
        got = verdict(s["text"])
        row = score[s["cls"]]
        row[0] += got in RIGHT[s["expect"]]
        row[1] += 1
        row[2] += s["expect"] == "quiet" and got != "quiet"
    print(f"{'class':10s} {'right':>9s} {'false alarms':>13s}")
    for cls, (right, total, false) in sorted(score.items()):
        print(f"{cls:10s} {right:4d}/{total:<4d} {false:13d}")
    times = []
    for _ in range(5):
        start = time.perf_counter()
        for s in spans:
            verdict(s["text"])
        times.append((time.perf_counter() - start) / len(spans) * 1000)
    print(f"median of 5: {statistics.median(times) * 1000:.0f} ms per 1000 spans ({len(spans)} spans, profiles read)")


if __name__ == "__main__":
    main()
