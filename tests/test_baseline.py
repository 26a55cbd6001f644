"""--write-baseline and --baseline: a repository of old articles adopts newslint and fails only on
new problems. Real files on disk, the real command line."""
from __future__ import annotations

import json
import os
import stat

import pytest

import newslint
from conftest import run_subprocess

SIGNED = "Jakarta - Presiden menekan perjanjian itu kemarin.\n"  # Indonesian.Meneken
READ_ALSO = "Baca Juga: Harga cabai naik lagi\n"  # Indonesian.BacaJuga, a safe fix (delete the line)
CLEAN = "Jakarta - Presiden meneken perjanjian itu kemarin.\n"


@pytest.fixture
def repo(tmp_path, write):
    write("arsip/lama.txt", SIGNED + "\n" + READ_ALSO)
    write("arsip/bersih.txt", CLEAN)
    return tmp_path


def rules_and_lines(run) -> list[tuple[str, str, int]]:
    return [(f["path"], f["rule"], f["line"]) for f in run.findings]


def test_a_baseline_hides_every_finding_it_recorded(newslint, repo):
    wrote = newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    assert wrote.code == 0
    assert wrote.out == ""  # the findings go to the file, not to the screen
    assert wrote.err == "Wrote 2 findings in 1 file to the baseline baseline.json.\n"
    run = newslint("--baseline", "baseline.json", "arsip", cwd=repo)
    assert run.code == 0
    assert run.out == "No problems found in 2 files. 2 known problems in the baseline not shown.\n"


def test_the_file_is_sorted_json_naming_rule_and_the_text_around(newslint, repo):
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert data == {
        "format": "newslint-baseline",
        "version": 1,
        "findings": [
            {"path": "arsip/lama.txt", "rule": "Indonesian.BacaJuga", "before": "",
             "match": "Baca Juga: Harga cabai naik lagi", "after": "", "count": 1},
            {"path": "arsip/lama.txt", "rule": "Indonesian.Meneken", "before": "Jakarta - Presiden ",
             "match": "menekan", "after": " perjanjian itu kema", "count": 1},
        ],
    }


def test_writing_twice_gives_the_same_bytes_whatever_the_order_of_the_paths(newslint, repo, write):
    write("berita/baru.txt", "Jakarta - Menteri menekan perjanjian damai.\n")
    newslint("--write-baseline", "one.json", "arsip", "berita", cwd=repo)
    newslint("--write-baseline", "two.json", "berita", "arsip", "-j", "1", cwd=repo)
    one = (repo / "one.json").read_bytes()
    assert one == (repo / "two.json").read_bytes()
    paths = [e["path"] for e in json.loads(one)["findings"]]
    assert paths == sorted(paths) == ["arsip/lama.txt", "arsip/lama.txt", "berita/baru.txt"]
    assert one.endswith(b"}\n") and b"\r" not in one


def test_a_finding_moved_down_by_an_edit_above_it_is_still_known(newslint, repo):
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    lama = repo / "arsip" / "lama.txt"
    lama.write_text("Paragraf baru di atas.\n\nSatu lagi.\n\n" + lama.read_text(encoding="utf-8"), encoding="utf-8")
    run = newslint("--baseline", "baseline.json", "--format", "json", "arsip", cwd=repo)
    assert run.code == 0
    assert run.findings == []


def test_a_new_finding_is_reported_and_fails_the_run(newslint, repo):
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    (repo / "arsip" / "bersih.txt").write_text("Jakarta - Gubernur menekan perjanjian kerja sama.\n", encoding="utf-8")
    run = newslint("--baseline", "baseline.json", "--format", "json", "arsip", cwd=repo)
    assert run.code == 1
    assert rules_and_lines(run) == [("arsip/bersih.txt", "Indonesian.Meneken", 1)]


def test_the_same_finding_in_another_file_is_new(newslint, repo):
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    (repo / "arsip" / "bersih.txt").write_text(SIGNED, encoding="utf-8")  # the very text of a known finding
    run = newslint("--baseline", "baseline.json", "--format", "json", "arsip", cwd=repo)
    assert rules_and_lines(run) == [("arsip/bersih.txt", "Indonesian.Meneken", 1)]


def test_a_copy_beyond_the_count_recorded_is_new(newslint, repo):
    lama = repo / "arsip" / "lama.txt"
    lama.write_text(SIGNED + "\n" + SIGNED, encoding="utf-8")
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    entries = json.loads((repo / "baseline.json").read_text())["findings"]
    assert [e["count"] for e in entries if e["rule"] == "Indonesian.Meneken"] == [2]
    lama.write_text(SIGNED + "\n" + SIGNED + "\n" + SIGNED, encoding="utf-8")
    run = newslint("--baseline", "baseline.json", "--format", "json", "arsip", cwd=repo)
    new = [finding for finding in rules_and_lines(run) if finding[1] == "Indonesian.Meneken"]
    assert new == [("arsip/lama.txt", "Indonesian.Meneken", 5)]  # the last one: two are known


def test_a_change_next_to_a_finding_makes_it_new(newslint, repo):
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    lama = repo / "arsip" / "lama.txt"
    lama.write_text(lama.read_text(encoding="utf-8").replace("Presiden menekan", "Wakil Presiden menekan"), encoding="utf-8")
    run = newslint("--baseline", "baseline.json", "--format", "json", "arsip", cwd=repo)
    assert rules_and_lines(run) == [("arsip/lama.txt", "Indonesian.Meneken", 1)]


def test_fixed_findings_leave_stale_entries_that_the_summary_tells(newslint, repo):
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    (repo / "arsip" / "lama.txt").write_text(CLEAN + "\n" + READ_ALSO, encoding="utf-8")
    run = newslint("--baseline", "baseline.json", "arsip", cwd=repo)
    assert run.code == 0
    assert run.out == ("No problems found in 2 files. 1 known problem in the baseline not shown. "
                       "1 baseline entry no longer found (fixed? --write-baseline updates the file).\n")


def test_paths_are_relative_to_the_baseline_so_any_working_folder_works(newslint, repo):
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    (repo / "arsip" / "bersih.txt").write_text("Jakarta - Gubernur menekan perjanjian kerja sama.\n", encoding="utf-8")
    run = newslint("--baseline", "../baseline.json", "--format", "json", "lama.txt", "bersih.txt", cwd=repo / "arsip")
    assert rules_and_lines(run) == [("bersih.txt", "Indonesian.Meneken", 1)]


def test_findings_at_the_error_level_in_the_baseline_do_not_fail(newslint, repo):
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    run = newslint("--baseline", "baseline.json", "--fail-level", "suggestion", "arsip", cwd=repo)
    assert run.code == 0
    assert newslint("--fail-level", "suggestion", "arsip", cwd=repo).code == 1  # without it the run fails


def test_parallel_workers_apply_the_baseline_the_same_way(newslint, tmp_path, write):
    for n in range(20):  # enough files for worker processes
        write(f"arsip/{n:02}.txt", SIGNED + "\n" + READ_ALSO)
    newslint("--write-baseline", "baseline.json", "arsip", "-j", "1", cwd=tmp_path)
    for n in range(0, 20, 3):
        (tmp_path / "arsip" / f"{n:02}.txt").write_text(SIGNED + "\n" + READ_ALSO + "\n" + SIGNED.replace("Presiden", "Menteri"), encoding="utf-8")
    serial = run_subprocess("--baseline", "baseline.json", "arsip", "-j", "1", cwd=tmp_path)
    parallel = run_subprocess("--baseline", "baseline.json", "arsip", "-j", "2", cwd=tmp_path)
    assert serial.code == parallel.code == 1
    assert serial.out == parallel.out
    assert serial.out.count("Indonesian.Meneken") == 7
    assert "Found 7 problems (7 warnings) in 7 of 20 files. 40 known problems in the baseline not shown." in serial.out


def test_fix_with_a_baseline_fixes_only_the_new_findings(newslint, repo):
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    (repo / "arsip" / "bersih.txt").write_text(CLEAN + "\n" + READ_ALSO, encoding="utf-8")
    run = newslint("--baseline", "baseline.json", "--fix", "arsip", cwd=repo)
    assert run.code == 0
    assert (repo / "arsip" / "bersih.txt").read_text(encoding="utf-8") == CLEAN + "\n"
    assert (repo / "arsip" / "lama.txt").read_text(encoding="utf-8") == SIGNED + "\n" + READ_ALSO  # old: untouched


def test_a_markdown_article_is_matched_on_the_file_text(newslint, tmp_path, write):
    write("post.md", "---\ntitle: Uji\n---\n\nJakarta - Presiden `kode` menekan perjanjian itu.\n")
    newslint("--write-baseline", "baseline.json", "post.md", cwd=tmp_path)
    entry = json.loads((tmp_path / "baseline.json").read_text())["findings"][0]
    assert (entry["before"], entry["match"]) == ("a - Presiden `kode` ", "menekan")  # 20 characters of the file's line
    assert newslint("--baseline", "baseline.json", "post.md", cwd=tmp_path).code == 0


def test_a_new_baseline_file_is_readable_by_others_as_any_new_file(newslint, repo):
    old = os.umask(0o022)
    try:
        newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    finally:
        os.umask(old)
    assert stat.S_IMODE((repo / "baseline.json").stat().st_mode) == 0o644
    (repo / "baseline.json").chmod(0o600)
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)  # rewritten: its mode is kept
    assert stat.S_IMODE((repo / "baseline.json").stat().st_mode) == 0o600
    assert [p.name for p in repo.iterdir() if p.name.startswith(".baseline")] == []  # no temporary file left


def test_write_baseline_records_findings_even_with_input_errors_and_exits_2(newslint, repo):
    (repo / "arsip" / "rusak.txt").write_bytes(b"Jakarta \xff\n")
    run = newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    assert run.code == 2
    assert "rusak.txt" in run.err
    assert len(json.loads((repo / "baseline.json").read_text())["findings"]) == 2


@pytest.mark.parametrize("content, message", [
    (None, "baseline.json: baseline file not found (write one with --write-baseline)"),
    ('{"format": "newslint-baseline",\n "version": 1,\n "findings": [}', "baseline.json:3: not valid JSON"),
    ('[]', 'baseline.json: not a newslint baseline (no "format": "newslint-baseline")'),
    ('{"format": "newslint-baseline", "version": 9, "findings": []}', "baseline.json: baseline version 9 is not supported"),
    ('{"format": "newslint-baseline", "version": 1, "findings": {}}', 'baseline.json: "findings" is not a list'),
    ('{"format": "newslint-baseline", "version": 1, "findings": [{"path": "a.txt", "rule": "X"}]}',
     "baseline.json: finding 1 is malformed"),
    ('{"format": "newslint-baseline", "version": 1, "findings": [{"path": "a", "rule": "X", "before": "",'
     ' "match": "m", "after": "", "count": 0}]}', "baseline.json: finding 1 is malformed"),
])
def test_a_bad_baseline_is_one_line_and_lints_nothing(newslint, repo, content, message):
    if content is not None:
        (repo / "baseline.json").write_text(content, encoding="utf-8")
    run = newslint("--baseline", "baseline.json", "arsip", cwd=repo)
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith("newslint: error: " + message)
    assert run.err.count("\n") == 1


def test_write_baseline_refuses_fix_and_baseline(newslint, repo):
    run = newslint("--write-baseline", "baseline.json", "--fix", "arsip", cwd=repo)
    assert (run.code, run.err) == (2, "newslint: error: --write-baseline does not work with --fix\n")
    run = newslint("--write-baseline", "a.json", "--baseline", "b.json", "arsip", cwd=repo)
    assert run.code == 2 and "not allowed with argument" in run.err
    assert not (repo / "baseline.json").exists() and not (repo / "a.json").exists()


def test_the_python_api_takes_a_baseline(newslint, repo, monkeypatch):
    newslint("--write-baseline", "baseline.json", "arsip", cwd=repo)
    monkeypatch.chdir(repo)
    report = newslint_api_lint(["arsip"], baseline=repo / "baseline.json")
    assert (report.findings, report.baselined, report.exit_code) == ([], 2, 0)
    report = newslint_api_lint(["arsip"])
    assert len(report.findings) == 2


def newslint_api_lint(paths, **options):
    return newslint.lint_paths(paths, **options)
