"""Behaviour users rely on that once broke without any test noticing (issue 15): each test here
was checked to fail with its breakage put back."""

from conftest import rule_file

from newslint import lint_text
from newslint.checks import Check, Hit
from newslint.hookspecs import hookimpl
from newslint.plugins import load_registry

RULE = "extends: existence\ncategory: garbled\nmessage: \"{message}\"\n{extra}tokens: [{token}]\n"


def _pack(tmp_path, write, select="Uji", **rules):
    for name, (token, message, extra) in rules.items():
        rule_file(tmp_path / "gaya", "Uji", name, RULE.format(token=token, message=message, extra=extra))
    write(".newslint.yaml", f"rule-paths: [gaya]\nselect: [{select}]\n")


# -- rule actions and the JSON fix -----------------------------------------------------------

def test_replace_with_one_parameter_is_the_fix_and_remove_is_an_empty_fix(newslint, write, tmp_path):
    _pack(
        tmp_path, write,
        Ganti=("ibukota", "ganti", "action: {name: replace, params: [ibu kota]}\n"),
        Hapus=("Iklan", "hapus", "action: {name: remove}\n"),
        Dua=("bagi jika", "dua", "action: {name: replace, params: [bagi, jika]}\n"),
    )
    article = write("a.txt", "Iklan\nIa tiba di ibukota bagi jika perlu.\n")
    got = {f["rule"]: (f["suggestions"], f.get("fix")) for f in newslint("--format", "json", article, cwd=tmp_path).findings}
    assert got == {
        "Uji.Ganti": (["ibu kota"], {"replacement": "ibu kota", "applicability": "unsafe"}),
        "Uji.Hapus": ([], {"replacement": "", "applicability": "unsafe"}),
        "Uji.Dua": (["bagi", "jika"], None),  # two choices: suggestions, no fix
    }


# -- output order ----------------------------------------------------------------------------

def test_findings_come_out_sorted_by_position_whatever_the_rule_order(newslint, write, tmp_path):
    # Rules run in file-name order (Alpha before Zeta); the output follows the text.
    _pack(tmp_path, write, Alpha=("kedua", "a", ""), Zeta=("pertama", "z", ""))
    article = write("a.txt", "Ada pertama datang.\nAda kedua dan pertama pergi.\n")
    run = newslint("--format", "json", article, cwd=tmp_path)
    assert [(f["line"], f["column"], f["rule"]) for f in run.findings] == [
        (1, 5, "Uji.Zeta"), (2, 5, "Uji.Alpha"), (2, 15, "Uji.Zeta"),
    ]
    text = newslint(article, cwd=tmp_path).out.splitlines()
    assert [line.split(": ")[0] for line in text[:3]] == [f"{article}:1:5", f"{article}:2:5", f"{article}:2:15"]


class Twice(Check):
    """A kind that reports the same place twice (as a line and as a sentence, say)."""

    def find(self, doc):
        start = doc.norm.find("ibukota")
        if start >= 0:
            yield Hit(start, start + 7, ("ibukota",))
            yield Hit(start, start + 7, ("ibukota",))


class TwicePlugin:
    @hookimpl
    def newslint_check_kinds(self):
        return {"twice": Twice}


def test_one_rule_reporting_one_place_twice_gives_one_finding(tmp_path):
    rule_file(tmp_path / "gaya", "Uji", "Dua", "extends: twice\ncategory: garbled\nmessage: \"'%s'\"\n")
    registry = load_registry(extra_plugins=(TwicePlugin(),))
    found = lint_text("Ia tiba di ibukota.\n", select=["Uji"], rule_paths=[tmp_path / "gaya"], registry=registry)
    assert [(f.line, f.column, f.match) for f in found] == [(1, 12, "ibukota")]


# -- configuration ---------------------------------------------------------------------------

def test_newslint_yaml_beats_pyproject_in_the_same_folder(newslint, write, tmp_path):
    _pack(tmp_path, write, Alpha=("kedua", "a", ""), Zeta=("pertama", "z", ""))
    write(".newslint.yaml", "rule-paths: [gaya]\nselect: [Uji.Alpha]\n")
    write("pyproject.toml", '[tool.newslint]\nrule-paths = ["gaya"]\nselect = ["Uji.Zeta"]\n')
    article = write("a.txt", "Yang pertama dan kedua.\n")
    assert [f["rule"] for f in newslint("--format", "json", article, cwd=tmp_path).findings] == ["Uji.Alpha"]


def test_stdin_filename_finds_the_configuration_of_that_path(newslint, write, tmp_path):
    rule_file(tmp_path / "proj" / "gaya", "Uji", "Alpha", RULE.format(token="kedua", message="a", extra=""))
    write("proj/sub/.newslint.yaml", "rule-paths: [../gaya]\nselect: [Uji.Alpha]\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    name = str(tmp_path / "proj" / "sub" / "berita.txt")
    run = newslint("--format", "json", "--stdin-filename", name, "-", stdin="Yang kedua.\n".encode(), cwd=elsewhere)
    assert [(f["path"], f["rule"]) for f in run.findings] == [(name, "Uji.Alpha")]
    # Without the name, the configuration of the current folder (none: built-in rules) applies.
    plain = newslint("--format", "json", "-", stdin="Yang kedua.\n".encode(), cwd=elsewhere)
    assert "Uji.Alpha" not in [f["rule"] for f in plain.findings]


# -- the command line beats the article's front matter ---------------------------------------

def test_date_option_beats_front_matter(newslint, write):
    # 13/11/2024 was a Wednesday (Rabu); 13/11/2025 a Thursday.
    article = write("a.md", "---\ndate: 2024-11-13\n---\nRapat digelar Rabu (13/11) di Jakarta.\n")
    assert newslint("--format", "json", "--select", "Indonesian.WeekdayMismatch", article).findings == []
    run = newslint("--format", "json", "--select", "Indonesian.WeekdayMismatch", "--date", "2025-11-13", article)
    assert [(f["line"], f["match"]) for f in run.findings] == [(4, "Rabu (13/11)")]


def test_language_option_beats_front_matter(newslint, write):
    english = "The minister said that the agreement would be signed next week in Jakarta.\n"
    article = write("a.md", "---\nlanguage: en\n---\nMenteri itu hadir di Jakarta pada hari Senin.\n\n" + english)
    assert newslint("--format", "json", "--select", "Indonesian.EnglishSentence", article).findings == []
    run = newslint("--format", "json", "--select", "Indonesian.EnglishSentence", "--language", "id", article)
    assert [f["line"] for f in run.findings] == [6]
