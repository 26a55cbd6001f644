"""The summary line under the text output: counts by level, most severe first, files, errors."""
import pytest

from conftest import rule_file

LEVELED = {"Galat": "error", "Awas": "warning", "Saran": "suggestion"}


@pytest.fixture
def pack(tmp_path, write):
    """Rules T.Galat, T.Awas and T.Saran report the words galat, awas and saran at their levels."""
    for name, level in LEVELED.items():
        rule_file(tmp_path / "r", "T", name, f"extends: existence\ncategory: garbled\nlevel: {level}\nmessage: \"'%s'\"\ntokens: [{name.lower()}]\n")
    write(".newslint.yaml", "rule-paths: [r]\nselect: [T]\nfail-level: error\n")


def summary(run):
    return run.out.splitlines()[-1]


def test_counts_by_level_most_severe_first(newslint, write, pack):
    run = newslint(write("a.txt", "saran awas galat awas saran\n"), write("b.txt", "saran\n"), write("c.txt", "bersih\n"))
    assert (run.code, run.err) == (1, "")
    assert summary(run) == "Found 6 problems (1 error, 2 warnings, 3 suggestions) in 2 of 3 files."


def test_one_of_each(newslint, write, pack):
    run = newslint(write("a.txt", "awas\n"))
    assert (run.code, summary(run)) == (0, "Found 1 problem (1 warning) in 1 of 1 file.")
    run = newslint(write("b.txt", "saran galat\n"), write("c.txt", "bersih\n"))
    assert summary(run) == "Found 2 problems (1 error, 1 suggestion) in 1 of 2 files."


def test_errors_are_counted_after_the_findings(newslint, write, pack, tmp_path):
    clean = write("bersih.txt", "bersih\n")
    one = newslint(tmp_path / "hilang.txt", clean)
    assert (one.code, summary(one)) == (2, "No problems found in 1 file. 1 error reported above.")
    two = newslint(tmp_path / "hilang.txt", tmp_path / "hilang2.txt", write("a.txt", "awas\n"), clean)
    assert (two.code, summary(two)) == (2, "Found 1 problem (1 warning) in 1 of 2 files. 2 errors reported above.")


def test_unreadable_files_in_a_directory_are_counted_and_the_rest_linted(newslint, write, pack, tmp_path):
    write("korpus/a.txt", b"\x00biner")
    write("korpus/b.txt", b"caf\xe9")
    write("korpus/c.txt", "awas\n")
    run = newslint(tmp_path / "korpus")
    assert len(run.err.splitlines()) == 2
    # b.txt is linted all the same, its bad byte read as U+FFFD (told on stderr).
    assert (run.code, summary(run)) == (2, "Found 1 problem (1 warning) in 1 of 2 files. 2 errors reported above.")


def test_a_rule_that_cannot_be_loaded_is_counted_once(newslint, write, pack, tmp_path):
    rule_file(tmp_path / "r", "T", "Rusak", "extends: existence\ncategory: garbled\nmessage: m\ntokens: [\n")
    run = newslint(write("a.txt", "awas\n"), write("b.txt", "bersih\n"))
    assert len(run.err.splitlines()) == 1
    assert (run.code, summary(run)) == (2, "Found 1 problem (1 warning) in 1 of 2 files. 1 error reported above.")
