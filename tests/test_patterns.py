"""Time limits on user patterns: every key a pattern can sit under is limited per search, the
runaway rule is named with its file and key, and an honest rule on a big article keeps every
finding. The command line runs in a subprocess with a generous `timeout=`, so a hang fails the
test instead of stalling the suite (a catastrophic pattern here would run for hours)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest
import regex

from conftest import ROOT
from newslint.patterns import PatternTimeout, UserPattern

HANG = 60  # seconds: far above the 1 s limit and a slow shared machine, far below a hang

# A line on which `(a|aa)+$` (or a pattern built on it) tries every way of splitting 61 letters.
RUNAWAY = "(a|aa)+$"
LETTERS = "a" * 61 + "!"

HONEST = "extends: existence\ncategory: garbled\nmessage: \"'%s'\"\ntokens: [menekan]\n"
COMMON = "category: garbled\nmessage: \"'%s'\"\n"
DATES = "category: date\nmessage: \"%s %s %s %s %s %s\"\ntable: _dates.yml\n"

# name -> (rule body, the key named in the error, the article)
CASES = {
    "raw": (f"extends: existence\n{COMMON}nonword: true\nraw: ['{RUNAWAY}']\n", "raw", LETTERS),
    "tokens": (f"extends: existence\n{COMMON}nonword: true\ntokens: ['{RUNAWAY}']\n", "tokens", LETTERS),
    "exceptions": (f"extends: existence\n{COMMON}nonword: true\ntokens: ['a+!']\nexceptions: ['{RUNAWAY}']\n", "exceptions", LETTERS),
    "unless": (f"extends: existence\n{COMMON}tokens: [menekan]\nunless:\n  line: ['{RUNAWAY}']\n", "unless: line", f"menekan {LETTERS}"),
    "when": (f"extends: existence\n{COMMON}tokens: [menekan]\nwhen:\n  sentence: ['{RUNAWAY}']\n", "when: sentence", f"menekan {LETTERS}"),
    "glued split": (f"extends: glued\n{COMMON}tokens: ['a+!']\nsplit: ['(?={RUNAWAY})']\n", "split", LETTERS),
    "glued keep": (f"extends: glued\n{COMMON}tokens: ['a+!']\nsplit: ['(?=!)']\nkeep: ['{RUNAWAY}']\n", "keep", LETTERS),
    "glued parts": (f"extends: glued\n{COMMON}tokens: ['a+!']\nsplit: ['(?=!)']\nparts: '(a|aa)+b'\n", "parts", LETTERS),
    "duplicate prefixes": (f"extends: duplicate\n{COMMON}prefixes: ['{RUNAWAY}']\n", "prefixes", LETTERS),
    "duplicate skip": (f"extends: duplicate\n{COMMON}skip: ['{RUNAWAY}']\n", "skip", LETTERS),
    "date skip": (f"extends: weekday\n{DATES}skip: ['{RUNAWAY}']\n", "skip", f"{LETTERS} Rabu (19/6/2025)."),
}


def lint_subprocess(folder: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newslint", "-j", "1", *map(str, args)],
        capture_output=True, text=True, cwd=folder, timeout=HANG, env={**os.environ, "NEWSLINT_NO_CACHE": "1"},
    )


def pack(folder: Path, rules: dict[str, str], table: str | None = None) -> Path:
    """Rules T.<name> beside a copy of the Indonesian date table (``table``: its text), selected
    alone by a .newslint.yaml in ``folder``."""
    rules_dir = folder / "r" / "T"
    rules_dir.mkdir(parents=True)
    for name, body in rules.items():
        (rules_dir / f"{name}.yml").write_text(body, encoding="utf-8")
    dates = (ROOT / "rules" / "Indonesian" / "_dates.yml").read_text(encoding="utf-8")
    (rules_dir / "_dates.yml").write_text(table if table is not None else dates, encoding="utf-8")
    (folder / ".newslint.yaml").write_text("rule-paths: [r]\nselect: [T]\n", encoding="utf-8")
    return rules_dir


def _line_of(path: Path, key: str) -> int:
    top = key.split(":")[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines, 1) if line.startswith(f"{top}:"))
    if ":" in key:  # unless/when: the scope's own line
        scope = key.split(": ")[1]
        at = next(i for i, line in enumerate(lines, 1) if i > at and line.strip().startswith(f"{scope}:"))
    return at


@pytest.fixture(scope="module")
def runaway_runs(tmp_path_factory):
    """One run per case, all started at once (each waits out a 1 s limit, so in turn they would
    take half a minute): the runaway rule T.Slow and the honest rule T.Honest over a.txt (the
    case's article) and b.txt (an honest finding only). Two tests read each run."""
    started = {}
    for case, (body, key, article) in CASES.items():
        folder = tmp_path_factory.mktemp("runaway")
        rules_dir = pack(folder, {"Slow": body, "Honest": HONEST})
        (folder / "a.txt").write_text(f"Kedua menteri menekan perjanjian itu.\n{article}\n", encoding="utf-8")
        (folder / "b.txt").write_text("Presiden menekan undang-undang itu.\n", encoding="utf-8")
        proc = subprocess.Popen(
            [sys.executable, "-m", "newslint", "-j", "1", "--format", "json", "a.txt", "b.txt"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=folder,
            env={**os.environ, "NEWSLINT_NO_CACHE": "1"},
        )
        started[case] = (proc, rules_dir / "Slow.yml", key)
    runs = {}
    for case, (proc, rule_path, key) in started.items():
        try:
            stdout, stderr = proc.communicate(timeout=HANG)
        except subprocess.TimeoutExpired:
            for other, _, _ in started.values():
                other.kill()
            raise
        runs[case] = (subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), rule_path, key)
    return runs


@pytest.mark.parametrize("case", list(CASES))
def test_runaway_pattern_is_stopped_and_the_other_rules_still_report(runaway_runs, case):
    proc, _, _ = runaway_runs[case]
    errors = [line for line in proc.stderr.splitlines() if "ran longer than 1 s" in line]
    assert len(errors) == 1, proc.stderr
    assert "a.txt: rule T.Slow" in errors[0] and errors[0].endswith("rule skipped for this file")
    assert proc.returncode == 2
    found = {(Path(f["path"]).name, f["rule"], f["line"]) for f in json.loads(proc.stdout)}
    assert {("a.txt", "T.Honest", 1), ("b.txt", "T.Honest", 1)} <= found
    assert not any(rule == "T.Slow" and path == "a.txt" for path, rule, _ in found)


@pytest.mark.parametrize("case", list(CASES))
def test_runaway_pattern_error_names_rule_file_line_and_key(runaway_runs, case):
    proc, rule_path, key = runaway_runs[case]
    (error,) = [line for line in proc.stderr.splitlines() if "ran longer than 1 s" in line]
    line = _line_of(rule_path, key)
    assert f"a.txt: rule T.Slow ({rule_path}:{line}, key '{key}'): pattern ran longer than 1 s" in error


def test_runaway_table_pattern_is_named_with_its_table_and_key(tmp_path):
    """A date table's `local_time` is a user pattern too: stopped, named by the rule that ran it."""
    dates = (ROOT / "rules" / "Indonesian" / "_dates.yml").read_text(encoding="utf-8")
    table = regex.sub(r"(?m)^local_time: .*$", f"local_time: '{RUNAWAY}'", dates)
    pack(tmp_path, {"Slow": f"extends: weekday\n{DATES}", "Honest": HONEST}, table)
    (tmp_path / "a.txt").write_text(f"Kedua menteri menekan perjanjian itu pada Rabu (19/6/2025) {LETTERS}\n", encoding="utf-8")
    proc = lint_subprocess(tmp_path, "--format", "json", "a.txt")
    (error,) = [line for line in proc.stderr.splitlines() if "ran longer than 1 s" in line]
    assert "a.txt: rule T.Slow" in error
    assert [f["rule"] for f in json.loads(proc.stdout)] == ["T.Honest"]


def test_timeout_message_names_rule_file_line_and_key(tmp_path):
    """What the engine prints for a runaway pattern (PatternTimeout.message)."""
    from newslint.plugins import load_registry
    from newslint.rules import load_rule

    registry = load_registry()
    path = pack(tmp_path, {"Slow": CASES["exceptions"][0]}) / "Slow.yml"
    _, check = load_rule(path, "T", registry.kinds, registry.categories)
    with pytest.raises(PatternTimeout) as exc:
        check.except_re.fullmatch(LETTERS)
    assert exc.value.message("T.Slow") == (
        f"rule T.Slow ({path}:6, key 'exceptions'): pattern ran longer than 1 s on one search "
        "(catastrophic backtracking?); rule skipped for this file"
    )


def test_honest_rule_on_a_5_mb_article_keeps_every_finding(tmp_path):
    """Each search has its own limit: a long honest scan never trips it, and every one of the
    paragraphs' findings is reported."""
    paragraph = (
        "Kedua menteri menekan perjanjian kerja sama itu di Jakarta pada pagi hari.\n"
        + "Warga kota menunggu kabar dari pemerintah tentang harga beras dan minyak goreng di pasar.\n" * 40
        + "\n"
    )
    copies = 5_000_000 // len(paragraph) + 1
    rule = "extends: existence\ncategory: garbled\nmessage: \"'%s'\"\ntokens: ['\\w+(?:\\s+\\w+){0,2}\\s+menekan\\s+perjanjian']\n"
    pack(tmp_path, {"Honest": rule})
    (tmp_path / "big.txt").write_text(paragraph * copies, encoding="utf-8")
    big = lint_subprocess(tmp_path, "--format", "json", "big.txt")
    assert "ran longer" not in big.stderr and big.returncode == 1, big.stderr
    lines = [f["line"] for f in json.loads(big.stdout)]
    assert lines == [1 + 42 * i for i in range(copies)]


class _ClockRunsOut:
    """A compiled pattern whose scanner's clock runs out after ``after`` matches, as regex's does
    when a long scan (or the caller's work between matches) passes the limit."""

    def __init__(self, compiled, after: int):
        self.compiled, self.after = compiled, after

    def __getattr__(self, name):
        return getattr(self.compiled, name)

    def finditer(self, *args, **kwargs):
        for i, m in enumerate(self.compiled.finditer(*args, **kwargs)):
            if i == self.after:
                raise TimeoutError("regex time-out")
            yield m


SOURCES = (r"a+b", r"\bab\b", r"x*", r"(?<=a)b|$", r"^\w+", r"a+b(?= )", r"a??", r"[ab]+", r"(?=a)|a")
TEXT = "ab aab\nxx ab  aaab b\n" * 5 + "a" * 30 + "b"


@pytest.mark.parametrize("after", [0, 1, 3])
def test_a_scan_whose_clock_runs_out_goes_on_with_searches_of_its_own(after):
    """The matches are exactly regex's own, whichever match the scanner's clock stops at
    (empty matches and a non-empty one at the same place included)."""
    for source in SOURCES:
        compiled = regex.compile(source, regex.MULTILINE)
        pattern = UserPattern(compiled)
        pattern.regex = _ClockRunsOut(compiled, after)
        want = [m.span() for m in compiled.finditer(TEXT, 3, len(TEXT) - 2)]
        got = islice(pattern.finditer(TEXT, 3, len(TEXT) - 2), len(want) + 1)  # a loop fails, not hangs
        assert [m.span() for m in got] == want, source


def test_search_across_windows_finds_what_one_search_finds(monkeypatch):
    """A long text is searched window by window; the matches are regex's own, also where a match
    runs past a window."""
    from newslint import patterns

    monkeypatch.setattr(patterns, "WINDOW", 7)
    monkeypatch.setattr(patterns, "LOOKAHEAD", 5)
    for source in SOURCES:
        compiled = regex.compile(source, regex.MULTILINE)
        for overlapped in (False, True):
            want = [m.span() for m in compiled.finditer(TEXT, 3, len(TEXT) - 2, overlapped=overlapped)]
            pattern = UserPattern(_ClockRunsOut(compiled, 0))  # every match by windowed searches
            got = [m.span() for m in islice(pattern.finditer(TEXT, 3, len(TEXT) - 2, overlapped=overlapped), len(want) + 1)]
            assert got == want, (source, overlapped)
