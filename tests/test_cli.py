"""The command line: paths, formats, selection, levels and exit codes."""
import json

import pytest

from conftest import ROOT, rule_file

ARTICLE = """Jakarta, Selasa (12/11/2024)

Dua Negara Teken Pakta

Kedua menteri menekan perjanjian itu di Jakarta.

Baca Juga: Harga Beras Naik Lagi

Kata Presiden\u00a0Korea\u00a0Utara Kim Jong Un singkat.
"""

CLEAN = "Menteri luar negeri kedua negara meneken perjanjian itu di Jakarta pada Selasa.\n"

CONTRACT = {"path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "match", "suggestions"}


def test_json_follows_the_contract_and_columns_point_at_match(newslint, write):
    path = write("artikel.txt", ARTICLE)
    run = newslint("--format", "json", path)
    assert run.code == 1
    findings = run.findings
    assert {f["rule"] for f in findings} >= {"Indonesian.Meneken", "Indonesian.BacaJuga", "Indonesian.TitleOfOffice"}
    lines = ARTICLE.split("\n")
    for f in findings:
        assert CONTRACT <= set(f), f
        assert f["path"] == str(path)
        assert f["line"] == f["end_line"]
        assert lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1] == f["match"]
    title = next(f for f in findings if f["rule"] == "Indonesian.TitleOfOffice")
    assert title["match"] == "Presiden\u00a0Korea\u00a0Utara"
    assert (title["category"], title["severity"]) == ("title", "error")
    assert "Pemimpin Tertinggi Korea Utara" in title["suggestions"]
    sign = next(f for f in findings if f["rule"] == "Indonesian.Meneken")
    assert (sign["line"], sign["column"], sign["match"]) == (5, 15, "menekan")
    assert "fix" not in sign  # two suggestions: no single certain fix


def test_text_output_lines_and_summary(newslint, write):
    path = write("artikel.txt", ARTICLE)
    run = newslint(path, "--select", "Indonesian.Meneken")
    assert run.code == 1
    out = run.out.splitlines()
    assert out[0].startswith(f"{path}:5:15: warning Indonesian.Meneken Write meneken or menandatangani:")
    assert out[-1] == "Found 1 problem (1 warning) in 1 of 1 file."


def test_clean_article_exits_zero(newslint, write):
    run = newslint(write("bersih.txt", CLEAN))
    assert (run.code, run.out.strip()) == (0, "No problems found in 1 file.")
    assert newslint("--format", "json", write("b2.txt", CLEAN)).out.strip() == "[]"


def test_missing_file_exits_two_with_one_line(newslint, write, tmp_path):
    good = write("artikel.txt", ARTICLE)
    run = newslint("--format", "json", tmp_path / "hilang.txt", good)
    assert run.code == 2
    assert run.err.strip().splitlines() == [f"newslint: error: {tmp_path / 'hilang.txt'}: no such file or directory"]
    assert any(f["path"] == str(good) for f in run.findings)  # the other file is still linted


@pytest.mark.parametrize(
    "selector, rules",
    [
        ("Indonesian.Meneken", {"Indonesian.Meneken"}),
        ("indonesian.meneken", {"Indonesian.Meneken"}),
        ("boilerplate", {"Indonesian.BacaJuga"}),
        ("title,boilerplate", {"Indonesian.BacaJuga", "Indonesian.TitleOfOffice"}),
    ],
)
def test_select(newslint, write, selector, rules):
    run = newslint("--format", "json", "--select", selector, write("a.txt", ARTICLE))
    assert {f["rule"] for f in run.findings} == rules


def test_ignore_by_pack_category_and_rule(newslint, write):
    path = write("a.txt", ARTICLE)
    assert newslint("--format", "json", "--ignore", "Indonesian", path).findings == []
    rules = {f["rule"] for f in newslint("--format", "json", "--ignore", "boilerplate", "--ignore", "Indonesian.Meneken", path).findings}
    assert rules == {"Indonesian.TitleOfOffice"}


def test_unknown_selector_is_a_usage_error(newslint, write):
    run = newslint("--select", "Indonesian.Nope", write("a.txt", ARTICLE))
    assert run.code == 2 and "unknown rule, pack or category 'Indonesian.Nope'" in run.err


def test_min_level_and_fail_level(newslint, write):
    path = write("a.txt", ARTICLE)
    run = newslint("--format", "json", "--min-level", "error", path)
    assert {f["severity"] for f in run.findings} == {"error"} and run.code == 1
    warn_only = newslint("--select", "boilerplate", path)
    assert warn_only.code == 1  # default fail level: warning
    assert newslint("--select", "boilerplate", "--fail-level", "error", path).code == 0


def test_directories_are_walked_recursively_in_sorted_order(newslint, write, tmp_path):
    write("korpus/b.txt", ARTICLE)
    write("korpus/sub/a.md", ARTICLE)
    write("korpus/.hidden/c.txt", ARTICLE)
    write("korpus/gambar.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    run = newslint("--format", "json", "--select", "Indonesian.Meneken", tmp_path / "korpus")
    assert [f["path"] for f in run.findings] == [str(tmp_path / "korpus" / "b.txt"), str(tmp_path / "korpus" / "sub" / "a.md")]


def test_stdin(newslint, write):
    run = newslint("--format", "json", "--select", "Indonesian.Meneken", "-", stdin=ARTICLE.encode())
    assert [(f["path"], f["line"]) for f in run.findings] == [("-", 5)]
    named = newslint("--format", "json", "--select", "Indonesian.Meneken", "--stdin-filename", "berita.txt", "-", stdin=ARTICLE.encode())
    assert named.findings[0]["path"] == "berita.txt"


def test_unknown_format_and_no_paths(newslint, write):
    assert newslint("--format", "xml", write("a.txt", CLEAN)).code == 2
    run = newslint()
    assert run.code == 2 and "no paths given" in run.err


def test_list_rules(newslint):
    run = newslint("--list-rules")
    assert run.code == 0
    ids = [line.split("\t")[0] for line in run.out.splitlines()]
    assert "Indonesian.Meneken" in ids and "Indonesian.BacaJuga" in ids


def test_example_article_in_readme_has_findings(newslint):
    run = newslint("--format", "json", ROOT / "examples" / "artikel.txt")
    assert run.code == 1
    assert {f["category"] for f in run.findings} >= {"mistranslation", "boilerplate", "garbled"}


def test_module_entry_point_runs(tmp_path):
    from conftest import run_subprocess

    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    run = run_subprocess("--format", "json", "--select", "title", path)
    assert run.code == 1 and json.loads(run.out)[0]["rule"] == "Indonesian.TitleOfOffice"


def test_text_output_keeps_each_finding_on_one_line(newslint, write, tmp_path):
    rule_file(tmp_path / "r", "T", "Multi", "extends: existence\ncategory: garbled\nmessage: \"'%s'\"\nnonword: true\nraw: ['yang\\nitu']\n")
    write(".newslint.yaml", "rule-paths: [r]\nselect: [T]\n")
    run = newslint(write("a.txt", "kata yang\nitu\n"))
    assert run.out.splitlines()[0].endswith("T.Multi 'yang itu'")
    assert len(run.out.splitlines()) == 2


# -- what the user sees on stderr and stdout when a run cannot start or stops --------------------


def test_unknown_format_names_the_formats_there_are(newslint, write):
    run = newslint("--format", "xml", write("a.txt", CLEAN))
    assert (run.code, run.out, run.err) == (2, "", "newslint: error: unknown format 'xml' (available: github, gitlab, json, jsonl, junit, sarif, text)\n")


def test_no_paths_prints_the_usage_on_stderr(newslint):
    run = newslint()
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith("usage: newslint [-h]")
    assert run.err.endswith("]\nnewslint: error: no paths given (use - for standard input)\n")


def test_a_config_error_skips_only_the_files_it_governs(newslint, write, tmp_path):
    good = write("a/artikel.txt", ARTICLE)
    cfg = write("b/.newslint.yaml", "select: 5\n")
    run = newslint("--select", "Indonesian.Meneken", tmp_path / "hilang.txt", good, write("b/artikel.txt", ARTICLE), write("c/artikel.txt", ARTICLE))
    assert run.code == 2
    assert run.err.splitlines() == [
        f"newslint: error: {tmp_path / 'hilang.txt'}: no such file or directory",
        f"newslint: error: {cfg}:1: 'select' must be a list of rule ids, packs or categories",
    ]
    other = tmp_path / "c" / "artikel.txt"
    assert run.out.splitlines()[2:] == ["Found 2 problems (2 warnings) in 2 of 2 files. 2 errors reported above."]
    assert run.out.startswith(f"{good}:5:15: warning Indonesian.Meneken ")
    assert run.out.splitlines()[1].startswith(f"{other}:5:15: warning Indonesian.Meneken ")


def test_hidden_files_in_a_directory_are_skipped(newslint, write, tmp_path):
    write("korpus/.draf.txt", ARTICLE)
    write("korpus/b.txt", ARTICLE)
    run = newslint("--format", "json", "--select", "Indonesian.Meneken", tmp_path / "korpus")
    assert [f["path"] for f in run.findings] == [str(tmp_path / "korpus" / "b.txt")]


def test_json_is_indented_and_keeps_non_ascii_text(newslint, write):
    path = write("a.txt", ARTICLE)
    run = newslint("--format", "json", "--select", "title", path)
    assert run.out.startswith(f'[\n  {{\n    "path": {json.dumps(str(path))},\n    "line": 9,\n')
    assert '"match": "Presiden\u00a0Korea\u00a0Utara",\n' in run.out
    assert run.out.endswith("\n  }\n]\n")


def test_text_output_keeps_the_messages_own_spacing(newslint, write, tmp_path):
    rule_file(tmp_path / "r", "T", "Spasi", "extends: existence\ncategory: garbled\nmessage: \"Hapus  '%s'.\"\nraw: ['yang\\nitu']\n")
    write(".newslint.yaml", "rule-paths: [r]\nselect: [T]\n")
    run = newslint(write("a.txt", "kata yang\nitu\n"))
    assert run.out.splitlines()[0] == f"{tmp_path / 'a.txt'}:1:6: warning T.Spasi Hapus  'yang itu'."


# -- --list-rules ---------------------------------------------------------------------------------


def test_list_rules_shows_each_rules_first_description_line(newslint, write, tmp_path):
    rule_file(tmp_path / "r", "T", "Berdoc", "extends: existence\ncategory: garbled\nlevel: error\nmessage: m\n"
              "description: |\n  Kalimat pertama, di\n  dua baris. Kalimat kedua.\ntokens: [satu]\n")
    rule_file(tmp_path / "r", "T", "Polos", "extends: existence\ncategory: garbled\nmessage: m\ntokens: [dua]\n")
    write(".newslint.yaml", "rule-paths: [r]\nselect: [T]\n")
    run = newslint("--list-rules", cwd=tmp_path)
    assert (run.code, run.err) == (0, "")
    assert run.out == "T.Berdoc\tgarbled\terror\texistence\tindexed\tKalimat pertama, di dua baris.\nT.Polos\tgarbled\twarning\texistence\tindexed\t\n"


def test_list_rules_names_unindexed_rules(newslint, write, tmp_path):
    rule_file(tmp_path / "r", "T", "Kapital", "extends: existence\ncategory: garbled\nmessage: m\nraw: ['\\p{Lu}{5,}']\n")
    rule_file(tmp_path / "r", "T", "Kata", "extends: substitution\ncategory: garbled\nmessage: m\nswap: {ibukota: ibu kota}\n")
    write(".newslint.yaml", "rule-paths: [r]\nselect: [T]\n")
    run = newslint("--list-rules", cwd=tmp_path)
    assert [line.split("\t")[:5] for line in run.out.splitlines()] == [
        ["T.Kapital", "garbled", "warning", "existence", "unindexed"],
        ["T.Kata", "garbled", "warning", "substitution", "indexed"],
    ]


def test_list_rules_tells_a_broken_rule_and_exits_two(newslint, write, tmp_path):
    rule_file(tmp_path / "r", "T", "Polos", "extends: existence\ncategory: garbled\nmessage: m\ntokens: [dua]\n")
    broken = rule_file(tmp_path / "r", "T", "Rusak", "extends: existence\ncategory: garbled\nmessage: m\ntokens: [\n")
    write(".newslint.yaml", "rule-paths: [r]\nselect: [T]\n")
    run = newslint("--list-rules", cwd=tmp_path)
    assert run.code == 2
    assert run.out == "T.Polos\tgarbled\twarning\texistence\tindexed\t\n"
    assert run.err.startswith(f"newslint: error: {broken}:") and run.err.count("\n") == 1


# -- a plugin's reader and formatter, installed for the run (real files, found by entry point) -----

PLUGIN = '''
import datetime

from newslint.hookspecs import hookimpl


def read_berita(path, text):
    if "CTRL-C" in text:
        raise KeyboardInterrupt
    if "RUSAK" in text:
        raise ValueError(f"cannot parse {path}")
    return text, {"published": datetime.date(2024, 11, 12)}


def broken_pipe(report, stream):
    raise BrokenPipeError(32, "Broken pipe")


def crash(report, stream):
    raise RuntimeError("formatter bug")


@hookimpl
def newslint_readers():
    return {".berita": read_berita}


@hookimpl
def newslint_formatters():
    return {"pipa": broken_pipe, "rusak": crash}
'''

DATED = "Rapat digelar Rabu (12/11) di Jakarta.\n"


@pytest.fixture
def plugin(tmp_path, monkeypatch):
    import uuid

    name = f"newslint_uji_{uuid.uuid4().hex[:8]}"
    site = tmp_path / "site"
    (site / name).mkdir(parents=True)
    (site / name / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    dist = site / f"{name}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[newslint]\nuji = {name}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    return name


def test_plugin_reader_is_picked_by_suffix_whatever_its_case(newslint, write, plugin):
    run = newslint("--format", "json", "--select", "date", write("RAPAT.BERITA", DATED), write("rapat.txt", DATED))
    assert [(f["path"].rsplit("/", 1)[-1], f["match"]) for f in run.findings] == [("RAPAT.BERITA", "Rabu (12/11)")]


def test_plugin_reader_that_fails_is_one_line_per_file_and_the_run_goes_on(newslint, write, tmp_path, plugin):
    a = write("korpus/a.berita", "RUSAK\n")
    b = write("korpus/b.berita", "RUSAK juga\n")
    write("korpus/c.berita", DATED)
    run = newslint("--select", "date", tmp_path / "korpus")
    assert run.code == 2
    assert run.err.splitlines() == [
        f"newslint: error: {a}: internal error: ValueError: cannot parse {a}",
        f"newslint: error: {b}: internal error: ValueError: cannot parse {b}",
    ]
    assert run.out.splitlines()[-1] == "Found 1 problem (1 error) in 1 of 1 file. 2 errors reported above."


def test_interrupted_run_exits_130(newslint, write, plugin):
    assert newslint(write("a.berita", "CTRL-C\n")).code == 130


def test_closed_output_pipe_exits_quietly(newslint, write, plugin):
    run = newslint("--format", "pipa", write("a.txt", CLEAN))
    assert (run.code, run.err) == (0, "")


def test_failing_formatter_is_one_line_never_a_traceback(newslint, write, plugin):
    run = newslint("--format", "rusak", write("a.txt", CLEAN))
    assert (run.code, run.err) == (2, "newslint: error: internal error: RuntimeError: formatter bug\n")


# -- -j/--jobs, and --list-rules with an unusable cache --------------------------------------------


def test_help_tells_what_jobs_does(newslint, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    run = newslint("--help")
    assert (run.code, run.err) == (0, "")
    flat = " ".join(run.out.split())
    assert "-j N, --jobs N lint files in N processes (default: the cores available; 1: this process only)" in flat


def test_list_rules_warns_of_an_unusable_cache(newslint, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o777)  # others could plant entries: the cache is not used
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    run = newslint("--list-rules")
    assert run.code == 0 and "Indonesian.Meneken\t" in run.out
    assert run.err == f"newslint: warning: cache {cache}: other users can write to it (chmod 700 it, or remove it); running without the cache\n"


# A check that reports the process that ran it, and a metadata hook that fails on some articles.
PIDS = '''
import os
from pathlib import Path

from newslint.checks import Check, Hit
from newslint.hookspecs import hookimpl


class Process(Check):
    def find(self, doc):
        yield Hit(0, 5, (str(os.getpid()),))


@hookimpl
def newslint_check_kinds():
    return {"process": Process}


@hookimpl
def newslint_rule_dirs():
    return [Path(__file__).parent / "rules"]


@hookimpl
def newslint_document_meta(document):
    if "RUSAK" in document.text:
        raise ValueError("cannot read the metadata")
'''


@pytest.fixture
def pids_plugin(tmp_path, monkeypatch):
    import uuid

    name = f"newslint_pids_{uuid.uuid4().hex[:8]}"
    site = tmp_path / "site"
    (site / name / "rules" / "Pid").mkdir(parents=True)
    (site / name / "__init__.py").write_text(PIDS, encoding="utf-8")
    (site / name / "rules" / "Pid" / "Process.yml").write_text(
        "extends: process\ncategory: consistency\nlevel: suggestion\nmessage: \"pid %s\"\n", encoding="utf-8"
    )
    dist = site / f"{name}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[newslint]\npids = {name}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    return name


def test_jobs_decides_whether_files_are_linted_in_this_process_or_in_workers(newslint, write, tmp_path, pids_plugin):
    import os

    for n in range(16):  # enough files for two workers
        write(f"korpus/{n:02d}.txt", f"Berita nomor {n}.\n")
    runs = {j: newslint("--no-cache", "--format", "json", "--select", "Pid", "-j", j, tmp_path / "korpus") for j in (1, 2)}
    for run in runs.values():
        assert (run.code, run.err, len(run.findings)) == (0, "", 16)
    pids = {j: {f["message"] for f in run.findings} for j, run in runs.items()}
    assert pids[1] == {f"pid {os.getpid()}"}  # -j 1: this process only
    assert len(pids[2]) == 2 and f"pid {os.getpid()}" not in pids[2]  # -j 2: two workers


def test_a_failing_metadata_hook_on_standard_input_is_one_line_naming_it(newslint, write, pids_plugin):
    other = write("b.txt", "Berita lain.\n")
    run = newslint("--select", "Pid", "-", other, stdin=b"Berita RUSAK.\n")
    assert run.code == 2
    assert run.err == "newslint: error: -: internal error: ValueError: cannot read the metadata\n"
    assert run.out.splitlines()[-1] == "Found 1 problem (1 suggestion) in 1 of 1 file. 1 error reported above."
    # Named as the findings would name it: --stdin-filename.
    run = newslint("--select", "Pid", "--stdin-filename", "berita.txt", "-", stdin=b"Berita RUSAK.\n")
    assert run.err == "newslint: error: berita.txt: internal error: ValueError: cannot read the metadata\n"
