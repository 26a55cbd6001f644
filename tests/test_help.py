"""`newslint --help` and `--version`: what they print, and that docs/usage.md lists the same options."""
import re
from importlib.metadata import version

import pytest

from conftest import ROOT

# What `newslint --help` says of each argument, as the user reads it (wrapping aside).
HELP = {
    "PATH": "files or directories to lint; - reads standard input",
    "-h, --help": "show this help message and exit",
    "--format FORMAT": "output format: text (default), json, jsonl, sarif, github, gitlab, junit, or one a plugin adds",
    "--show-source": "text format: show each finding's line with carets under the match",
    "--statistics": "text or json format: count the findings per rule, category and source instead of listing them",
    "--color {auto,always,never}": "colour the text format (auto: on a terminal, unless NO_COLOR is set)",
    "--exit-zero": "exit 0 even when there are findings (errors still exit 2)",
    "--select LIST": "only these rules, packs or categories (comma-separated)",
    "--ignore LIST": "skip these rules, packs or categories (comma-separated)",
    "--min-level {suggestion,warning,error}": "report findings at or above this level (default: suggestion)",
    "--fail-level {suggestion,warning,error}": "exit 1 when a finding is at or above this level (default: warning)",
    "--date YYYY-MM-DD": "publication date of the articles (default: from each dateline or front matter)",
    "--language CODE": "language of the articles, e.g. id or en (default: front matter, config, else id)",
    "--config FILE": "use this .newslint.yaml or pyproject.toml for every file",
    "--stdin-filename NAME": "name to show (and find config from) for standard input",
    "--fix": "apply the safe fixes to the files (standard input: the fixed text to stdout)",
    "--unsafe-fixes": "with --fix or --diff, apply the unsafe fixes too; alone, count them as fixable",
    "--diff": "print a unified diff of what --fix would change, and write nothing",
    "--output FILE": "with --fix on a corpus: write the cleaned corpus to FILE (the corpus itself is never rewritten)",
    "--exclude GLOB": "skip files and folders matching GLOB when a folder is linted (repeatable)",
    "--no-cache": "neither read nor write the compiled-rule and results caches",
    "--list-rules": "list the available rules and exit",
    "--explain RULE": "describe a rule, with its examples, and exit",
    "--version": "show program's version number and exit",
}
DESCRIPTION = (
    "Lint news articles for mistranslations, garbled text, contradictory dates, wrong titles, "
    "inconsistent names, untranslated passages and scraping residue."
)
EPILOG = "Exit status: 0 clean, 1 findings at or above the fail level, 2 usage/input/config error."


@pytest.fixture
def help_text(newslint, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # one line per help text where argparse allows it
    run = newslint("--help")
    assert (run.code, run.err) == (0, "")
    return run.out


def entries(help_text: str) -> dict[str, str]:
    """{invocation: help} from the 'positional arguments' and 'options' sections."""
    out: dict[str, str] = {}
    current = None
    for line in help_text.splitlines():
        if not line.startswith("  "):
            current = None
            if line.endswith(":") and ("arguments" in line or "options" in line):
                current = ""
            continue
        if current is None:
            continue
        if line[2] != " ":
            invocation, _, text = line.strip().partition("  ")
            current = invocation
            out[current] = text.strip()
        else:
            out[current] = (out[current] + " " + line.strip()).strip()
    return out


def test_help_describes_every_argument(help_text):
    found = entries(help_text)
    assert {k: found.get(k) for k in HELP} == HELP


def test_help_names_the_program_and_tells_the_exit_status(help_text):
    assert help_text.startswith("usage: newslint [-h] [--format FORMAT] [--select LIST] [--ignore LIST]")
    assert "[PATH ...]" in help_text.split("\n\n")[0]
    flat = " ".join(help_text.split())
    assert DESCRIPTION in flat
    assert flat.endswith(EPILOG)


def doc_options() -> dict[str, str]:
    """{invocation as --help shows it: meaning} from the options table of docs/usage.md."""
    page = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    table = page.split("## Options\n", 1)[1].strip().split("\n\n", 1)[0]
    out = {}
    for row in table.splitlines()[2:]:
        first, meaning = row.strip("|").split("|", 1)
        out[", ".join(re.findall(r"`([^`]+)`", first))] = meaning.strip(" |")
    return out


def test_docs_options_table_lists_what_help_shows(help_text):
    shown = [k for k in entries(help_text) if k.startswith("-")]
    documented = doc_options()
    assert len(shown) == len(documented)
    for invocation in shown:
        choices = re.search(r" \{(.+)\}$", invocation)
        if choices:  # the table names the values in its meaning column and a metavar in the first
            option = invocation[: choices.start()]
            matches = [d for d in documented if re.fullmatch(re.escape(option) + r" [A-Z]+", d)]
            assert len(matches) == 1, invocation
            assert all(f"`{c}`" in documented[matches[0]] for c in choices.group(1).split(",")), invocation
        else:
            assert invocation in documented, invocation


def test_version(newslint):
    run = newslint("--version")
    assert (run.code, run.out, run.err) == (0, f"newslint {version('newslint')}\n", "")


@pytest.mark.parametrize("option", ["--min-level", "--fail-level"])
def test_a_level_option_takes_only_a_level(newslint, write, option):
    run = newslint(option, "loud", write("a.txt", "Isi.\n"))
    assert (run.code, run.out) == (2, "")
    assert f"newslint: error: argument {option}: invalid choice: 'loud'" in run.err
