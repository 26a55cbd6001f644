"""Recall on translated international news (issue 13): articles written for the tests, in
folders of tests/recall/ by class of error, each folder with an answer key in the format of the
editors' seed key (expected.yaml: {file, line, cats, level}; level required, stretch, tolerated or
trap). Every class must be found at least 90 % of the time, with no false alarm: a finding on a
line the key does not list, or lists as a trap, is one."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

RECALL = Path(__file__).resolve().parent / "recall"
CLASSES = sorted(p.name for p in RECALL.iterdir() if (p / "expected.yaml").is_file()) if RECALL.is_dir() else []
MIN_RECALL = 0.9
MIN_ARTICLES = 40


def load_key(path: Path) -> dict:
    key = {}
    for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        level = item.get("level", "required")
        assert level in ("required", "stretch", "tolerated", "trap"), item
        key[(item["file"], int(item["line"]))] = (level, set(item.get("cats", [])))
    return key


def score(folder: Path) -> tuple[int, int, list, list]:
    """(required found, required, missed, false alarms) for one folder's articles."""
    key = load_key(folder / "expected.yaml")
    articles = sorted(p.name for p in folder.glob("*.txt"))
    assert {f for f, _ in key} <= set(articles), "the key names an article that is not there"
    proc = subprocess.run([sys.executable, "-m", "newslint", "--no-cache", "--format", "json", *articles],
                          capture_output=True, text=True, cwd=folder)
    assert proc.returncode in (0, 1), proc.stderr
    got: dict = defaultdict(set)
    for f in json.loads(proc.stdout):
        got[(f["path"], f["line"])].add((f["category"], f["rule"]))
    found = total = 0
    missed = []
    for where, (level, cats) in sorted(key.items()):
        if level != "required":
            continue
        total += 1
        if {c for c, _ in got.get(where, ())} & cats:
            found += 1
        else:
            missed.append((where, sorted(cats), sorted(got.get(where, ()))))
    false = [(where, sorted(found_here)) for where, found_here in sorted(got.items())
             if where not in key or key[where][0] == "trap"]
    return found, total, missed, false


@pytest.mark.parametrize("name", CLASSES)
def test_each_class_of_error_is_found_without_false_alarms(name):
    found, total, missed, false = score(RECALL / name)
    assert total > 0
    assert found / total >= MIN_RECALL, f"{name}: {found}/{total} found; missed: {missed}"
    assert false == [], f"{name}: false alarms: {false}"


def test_the_recall_set_is_big_enough():
    articles = list(RECALL.glob("*/*.txt"))
    assert len(articles) >= MIN_ARTICLES, f"{len(articles)} articles in tests/recall, want {MIN_ARTICLES}"
