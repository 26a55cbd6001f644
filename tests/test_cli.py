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
