"""The Python API: newslint.lint_paths lints files as the command line does and returns a Report;
newslint.lint_text lints a string."""
import pytest

import newslint
from newslint.errors import ConfigError, NewslintError

from conftest import rule_file

ARTICLE = """Jakarta, Selasa (12/11/2024)

Kedua menteri menekan perjanjian itu di Jakarta.

Baca Juga: Harga Beras Naik Lagi

Pemimpin Korut itu tiba di di Moskwa.
"""


def test_lint_paths_reports_findings_errors_and_the_exit_code(write, tmp_path):
    write("berita/a.txt", ARTICLE)
    write("berita/b.txt", "Para analis menilai kesepakatan itu penting.\n")
    write("berita/rusak.txt", b"\xff\xfe")
    report = newslint.lint_paths([tmp_path / "berita", tmp_path / "hilang.txt"])
    assert isinstance(report, newslint.Report)
    assert {(f.path, f.rule) for f in report.findings} == {
        (str(tmp_path / "berita" / "a.txt"), rule)
        for rule in ("Indonesian.Meneken", "Indonesian.BacaJuga", "Indonesian.DoubledWord")
    }
    assert [str(e) for e in report.error_list] == [
        f"{tmp_path / 'berita' / 'rusak.txt'}: not UTF-8: byte 0xff at offset 0 (line 1, column 1) cannot be decoded",
        f"{tmp_path / 'hilang.txt'}: no such file or directory",
    ]
    assert (report.files, report.errors, report.exit_code) == (2, 2, 2)
    assert report.summary() == "Found 3 problems (3 warnings) in 1 of 2 files. 2 errors reported above."


def test_lint_paths_takes_the_command_lines_options(write, tmp_path):
    path = write("a.txt", ARTICLE)
    only = newslint.lint_paths(path, select="boilerplate,Indonesian.Meneken", ignore=["Indonesian.BacaJuga"])
    assert [f.rule for f in only.findings] == ["Indonesian.Meneken"]
    assert newslint.lint_paths(str(path), min_level="error").findings == []
    assert newslint.lint_paths(path, fail_level="error").exit_code == 0
    rule_file(tmp_path / "gaya", "Redaksi", "Korut", "extends: existence\ncategory: consistency\nmessage: \"'%s'\"\ntokens: [Korut]\n")
    house = newslint.lint_paths(path, select=["Redaksi"], rule_paths=[tmp_path / "gaya"])
    assert [(f.rule, f.match) for f in house.findings] == [("Redaksi.Korut", "Korut")]


def test_lint_paths_finds_configuration_from_each_file_or_uses_the_one_given(write, tmp_path):
    path = write("proj/a.txt", ARTICLE)
    write("proj/.newslint.yaml", "select: [Indonesian.DoubledWord]\n")
    assert [f.rule for f in newslint.lint_paths(path).findings] == ["Indonesian.DoubledWord"]
    other = write("lain.yaml", "select: [Indonesian.BacaJuga]\n")
    assert [f.rule for f in newslint.lint_paths(path, config=other).findings] == ["Indonesian.BacaJuga"]
    with pytest.raises(ConfigError, match="configuration file not found"):
        newslint.lint_paths(path, config=tmp_path / "tidak-ada.yaml")


def test_a_bad_selector_is_an_error_in_the_report(write):
    report = newslint.lint_paths(write("a.txt", ARTICLE), select=["NoSuchRule"])
    assert (report.findings, report.files, report.exit_code) == ([], 0, 2)
    assert [type(e) for e in report.error_list] == [ConfigError]
    assert "unknown rule, pack or category 'NoSuchRule'" in str(report.error_list[0])


def test_linter_tells_each_error_as_it_is_found_in_input_order(write, tmp_path):
    from newslint.api import Linter

    write("a.txt", ARTICLE)
    told = []
    report = Linter().lint_paths([str(tmp_path / "x.txt"), str(tmp_path / "a.txt"), str(tmp_path / "y.txt")], on_error=told.append)
    assert [e.path for e in told] == [str(tmp_path / "x.txt"), str(tmp_path / "y.txt")]
    assert told == report.error_list and report.files == 1


def test_lint_text_still_returns_findings_and_raises_on_a_broken_rule(tmp_path):
    found = newslint.lint_text(ARTICLE, path="artikel.txt", select="Indonesian.Meneken")
    assert [(f.path, f.line, f.column, f.match) for f in found] == [("artikel.txt", 3, 15, "menekan")]
    rule_file(tmp_path, "Rusak", "Salah", "extends: existence\nmessage: x\n")
    with pytest.raises(NewslintError, match="Salah.yml"):
        newslint.lint_text(ARTICLE, rule_paths=[tmp_path])


def test_a_broken_rule_is_told_once_per_run_even_after_an_unreadable_file(write, tmp_path):
    from newslint.api import Linter
    from newslint.hookspecs import hookimpl
    from newslint.plugins import load_registry

    broken = rule_file(tmp_path / "pack", "Rusak", "Salah", "extends: existence\nmessage: x\n").parent.parent

    class BrokenPack:
        @hookimpl
        def newslint_rule_dirs(self):
            return [broken]

    files = [str(write("rusak.txt", b"\xff")), str(write("a.txt", ARTICLE)), str(write("b.txt", ARTICLE))]
    report = Linter(registry=load_registry((BrokenPack(),))).lint_paths(files)
    assert [e.path for e in report.error_list] == [files[0], str(broken / "Rusak" / "Salah.yml")]
    assert (report.files, len(report.findings)) == (2, 6)
