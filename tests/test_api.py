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
    write("berita/rusak.txt", b"\x00\xff")
    report = newslint.lint_paths([tmp_path / "berita", tmp_path / "hilang.txt"])
    assert isinstance(report, newslint.Report)
    assert {(f.path, f.rule) for f in report.findings} == {
        (str(tmp_path / "berita" / "a.txt"), rule)
        for rule in ("Indonesian.Meneken", "Indonesian.BacaJuga", "Indonesian.DoubledWord")
    }
    assert [str(e) for e in report.error_list] == [
        f"{tmp_path / 'berita' / 'rusak.txt'}: binary file (NUL byte at offset 0), not linted",
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

    files = [str(write("rusak.txt", b"\x00\xff")), str(write("a.txt", ARTICLE)), str(write("b.txt", ARTICLE))]
    report = Linter(registry=load_registry((BrokenPack(),))).lint_paths(files)
    assert [e.path for e in report.error_list] == [files[0], str(broken / "Rusak" / "Salah.yml")]
    assert (report.files, len(report.findings)) == (2, 6)


def test_lint_text_names_its_findings_text_and_takes_ignore():
    assert {f.path for f in newslint.lint_text(ARTICLE)} == {"<text>"}
    kept = newslint.lint_text(ARTICLE, ignore="Indonesian.BacaJuga, Indonesian.DoubledWord")
    assert [f.rule for f in kept] == ["Indonesian.Meneken"]


def test_lint_paths_meta_gives_the_publication_date(write):
    import datetime as dt

    # 12/11/2024 was a Tuesday (Selasa), 12/11/2025 a Wednesday (Rabu).
    path = write("a.txt", "Rapat digelar Rabu (12/11) di Jakarta.\n")
    assert newslint.lint_paths(path, select="Indonesian.WeekdayMismatch").findings == []  # the year is unknown
    report = newslint.lint_paths(path, select="Indonesian.WeekdayMismatch", meta={"published": dt.date(2024, 11, 12)})
    assert [(f.line, f.match) for f in report.findings] == [(1, "Rabu (12/11)")]
    assert newslint.lint_paths(path, select="Indonesian.WeekdayMismatch", meta={"published": dt.date(2025, 11, 12)}).findings == []


def test_lint_paths_reads_standard_input_as_the_file_stdin_filename_names(write, tmp_path, monkeypatch):
    import io
    import sys

    write("proj/.newslint.yaml", "select: [Indonesian.DoubledWord]\n")
    name = str(tmp_path / "proj" / "berita.txt")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode())))
    report = newslint.lint_paths("-", stdin_filename=name)
    # The findings carry the name, and the configuration beside it applies.
    assert [(f.path, f.rule) for f in report.findings] == [(name, "Indonesian.DoubledWord")]


def test_an_unusable_cache_is_the_reports_one_warning(write, tmp_path, monkeypatch):
    import os

    from newslint.api import Linter

    files = [str(write(f"a/{n}.txt", ARTICLE)) for n in range(3)]
    cache = tmp_path / "cache"
    cache.mkdir()
    os.chmod(cache, 0o777)  # others could plant entries: the cache is not used
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    told = []
    report = Linter().lint_paths(files, on_warning=told.append)
    message = f"cache {cache}: other users can write to it (chmod 700 it, or remove it); running without the cache"
    assert report.warnings == told == [message]
    assert (report.files, len(report.findings), report.exit_code) == (3, 9, 1)


def test_a_message_with_more_placeholders_than_the_kind_fills_leaves_them_empty(tmp_path):
    rule_file(tmp_path, "Redaksi", "Korut", "extends: existence\ncategory: consistency\nmessage: \"'%s' ditulis %s.\"\ntokens: [Korut]\n")
    (f,) = newslint.lint_text("Pemimpin Korut itu tiba.\n", select="Redaksi", rule_paths=[tmp_path])
    assert f.message == "'Korut' ditulis ."


# A plugin kind whose rules share one analysis of two inputs through Document.shared.
SHARED_CALLS: list = []
NAMES = {"Korut": "Korea Utara"}  # unhashable: compared by identity
WORDS = ["Korut"]


def _name_spans(doc, names, words):
    SHARED_CALLS.append(doc.path)
    return [(i, w) for w in words if w in names for i in range(len(doc.text)) if doc.text.startswith(w, i)]


def _shared_kind_registry():
    from newslint.checks import Check, Hit
    from newslint.hookspecs import hookimpl
    from newslint.plugins import load_registry

    class Names(Check):
        keys = {"nth": ("int", "which occurrence to report")}

        def find(self, doc):
            start, word = doc.shared(_name_spans, NAMES, WORDS)[self.rule.option("nth")]
            yield Hit(start, start + len(word), (word,))

    class NamesPlugin:
        @hookimpl
        def newslint_check_kinds(self):
            return {"shared_names": Names}

    return load_registry(extra_plugins=(NamesPlugin(),))


def test_rules_sharing_an_analysis_of_two_inputs_compute_it_once_per_document(tmp_path):
    for nth, name in enumerate(("Satu", "Dua")):
        rule_file(tmp_path, "Uji", name, f"extends: shared_names\ncategory: consistency\nmessage: \"{name} '%s'\"\nnth: {nth}\n")
    registry = _shared_kind_registry()
    SHARED_CALLS.clear()
    found = newslint.lint_text("Korut dan Korut.\n", path="a.txt", select="Uji", rule_paths=[tmp_path], registry=registry)
    assert [(f.column, f.message) for f in found] == [(1, "Satu 'Korut'"), (11, "Dua 'Korut'")]
    assert SHARED_CALLS == ["a.txt"]
    newslint.lint_text("Korut, Korut.\n", path="b.txt", select="Uji", rule_paths=[tmp_path], registry=registry)
    assert SHARED_CALLS == ["a.txt", "b.txt"]  # once per Document


# An installed plugin whose check reports the process that linted the file, to see where the
# Python API lints: in the caller's process, or in worker processes.
PID_PLUGIN = '''
import os
from pathlib import Path

from newslint.checks import Check, Hit
from newslint.hookspecs import hookimpl


class Process(Check):
    def find(self, doc):
        yield Hit(0, 1, (str(os.getpid()),))


@hookimpl
def newslint_check_kinds():
    return {"api_process": Process}


@hookimpl
def newslint_rule_dirs():
    return [Path(__file__).parent / "rules"]
'''

WHERE = """
import json, os, sys
import newslint
from newslint.api import Linter, Overrides

files = sys.argv[1:]

def where(report):
    assert report.files == len(report.findings) and not report.error_list, report
    pids = {f.message.split()[1] for f in report.findings}
    return "here" if pids == {str(os.getpid())} else len(pids - {str(os.getpid())})

print(json.dumps({
    "default": where(newslint.lint_paths(files, select="Proses")),
    "jobs1": where(newslint.lint_paths(files, select="Proses", jobs=1)),
    "jobs2": where(newslint.lint_paths(files, select="Proses", jobs=2)),
    "jobs2_15_files": where(newslint.lint_paths(files[:15], select="Proses", jobs=2)),
    "linter_default": where(Linter(overrides=Overrides(select=("Proses",))).lint_paths(files)),
}))
"""


def test_the_python_api_lints_in_this_process_unless_jobs_asks_for_workers_and_there_are_enough_files(tmp_path):
    import json
    import os
    import subprocess
    import sys

    site = tmp_path / "site"
    pkg = site / "newslint_api_pids"
    (pkg / "rules" / "Proses").mkdir(parents=True)
    (pkg / "__init__.py").write_text(PID_PLUGIN, encoding="utf-8")
    (pkg / "rules" / "Proses" / "Pid.yml").write_text("extends: api_process\ncategory: consistency\nmessage: \"pid %s\"\n", encoding="utf-8")
    dist = site / "newslint_api_pids-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: newslint-api-pids\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[newslint]\napi_pids = newslint_api_pids\n", encoding="utf-8")
    files = []
    for n in range(32):
        files.append(tmp_path / "berita" / f"{n:02d}.txt")
        files[-1].parent.mkdir(exist_ok=True)
        files[-1].write_text(f"Berita nomor {n}.\n", encoding="utf-8")
    # No results cache: a finding read from it would name the process of an earlier run.
    env = {**os.environ, "NEWSLINT_NO_CACHE": "1", "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "-c", WHERE, *map(str, files)], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {
        "default": "here",  # jobs=1 by default, for lint_paths and for a Linter
        "jobs1": "here",
        "jobs2": 2,  # 32 files: two worker processes
        "jobs2_15_files": "here",  # fewer than 8 files a worker: not worth starting one
        "linter_default": "here",
    }
