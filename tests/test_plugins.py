"""Plugins: a third-party package found by its ``newslint`` entry point adds check kinds, rule
packs and formats through the same hooks the built-ins use; a crashing check is reported and the
run goes on."""
import json
import os
from importlib.metadata import entry_points

from newslint.plugins import load_registry

from conftest import run_subprocess

PLUGIN = '''
from pathlib import Path

from newslint.checks import Check, Hit
from newslint.hookspecs import hookimpl


class Shouting(Check):
    """Words of at least ``min`` capital letters."""
    keys = {"min": ("int", "shortest shout")}
    required = ("min",)

    def compile(self):
        import regex
        self.regex = regex.compile(r"\\b\\p{Lu}{%d,}\\b" % self.rule.option("min"))

    def find(self, doc):
        for m in self.regex.finditer(doc.norm):
            yield Hit(m.start(), m.end(), (m.group(),), (m.group().title(),), m.group().title())


class Crashing(Check):
    def find(self, doc):
        raise ZeroDivisionError("plugin bug")


@hookimpl
def newslint_check_kinds():
    return {"shouting": Shouting, "crashing": Crashing}


@hookimpl
def newslint_rule_dirs():
    return [Path(__file__).parent / "rules"]


@hookimpl
def newslint_categories():
    return ["style"]


@hookimpl
def newslint_formatters():
    def count(report, stream):
        stream.write(f"{len(report.findings)} findings\\n")
    return {"count": count}
'''


def install_plugin(site):
    pkg = site / "newslint_demo"
    (pkg / "rules" / "Demo").mkdir(parents=True)
    (pkg / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    (pkg / "rules" / "Demo" / "Shout.yml").write_text(
        "extends: shouting\ncategory: style\nmessage: \"'%s' is shouting\"\nmin: 5\n", encoding="utf-8"
    )
    (pkg / "rules" / "Demo" / "Boom.yml").write_text("extends: crashing\ncategory: style\nmessage: never\n", encoding="utf-8")
    dist = site / "newslint_demo-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: newslint-demo\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[newslint]\ndemo = newslint_demo\n", encoding="utf-8")


def env_with(site):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(site) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_builtins_register_through_the_newslint_entry_point():
    names = {ep.name: ep.value for ep in entry_points(group="newslint")}
    assert names.get("builtin") == "newslint.builtin"
    registry = load_registry()
    assert "builtin" in dict(registry.pm.list_name_plugin())
    assert {"existence", "substitution", "occurrence", "repetition", "consistency", "conditional"} <= set(registry.kinds)


def test_third_party_plugin_adds_kind_rules_category_and_format(tmp_path):
    site = tmp_path / "site"
    install_plugin(site)
    article = tmp_path / "a.txt"
    article.write_text("Warga BERTERIAK di jalan.\nKedua menteri menekan perjanjian itu.\n", encoding="utf-8")
    run = run_subprocess("--format", "json", "--ignore", "Demo.Boom", article, env=env_with(site))
    found = {(f["rule"], f["line"], f["column"], f["match"]) for f in json.loads(run.out)}
    assert ("Demo.Shout", 1, 7, "BERTERIAK") in found
    assert ("Indonesian.Meneken", 2, 15, "menekan") in found
    assert run.code == 1, run.err
    counted = run_subprocess("--format", "count", "--ignore", "Demo.Boom", article, env=env_with(site))
    assert counted.out.strip() == f"{len(found)} findings"


def test_crashing_check_is_reported_in_one_line_and_the_run_goes_on(tmp_path):
    site = tmp_path / "site"
    install_plugin(site)
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Warga BERTERIAK.\n", encoding="utf-8")
    b.write_text("Kedua menteri menekan perjanjian itu.\n", encoding="utf-8")
    run = run_subprocess("--format", "json", a, b, env=env_with(site))
    assert run.code == 2
    assert run.err.splitlines() == [
        f"newslint: error: {a}: rule Demo.Boom failed: ZeroDivisionError: plugin bug",
        f"newslint: error: {b}: rule Demo.Boom failed: ZeroDivisionError: plugin bug",
    ]
    rules = {(f["path"], f["rule"]) for f in json.loads(run.out)}
    assert rules == {(str(a), "Demo.Shout"), (str(b), "Indonesian.Meneken")}


def test_plugin_that_fails_to_import_is_one_line(tmp_path):
    site = tmp_path / "site"
    install_plugin(site)
    (site / "newslint_demo" / "__init__.py").write_text("raise ImportError('no such thing')\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Teks.\n", encoding="utf-8")
    run = run_subprocess(article, env=env_with(site))
    assert run.code == 2
    assert run.err.strip() == "newslint: error: a plugin failed to load: ImportError: no such thing"


def test_plugin_kind_that_fails_to_compile_a_rule_is_a_rule_error(tmp_path):
    site = tmp_path / "site"
    install_plugin(site)
    init = site / "newslint_demo" / "__init__.py"
    init.write_text(init.read_text().replace('self.regex = regex.compile(', 'self.regex = [][1] or regex.compile('), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Kedua menteri menekan perjanjian itu.\n", encoding="utf-8")
    run = run_subprocess("--ignore", "Demo.Boom", article, env=env_with(site))
    assert run.code == 2
    shout = site / "newslint_demo" / "rules" / "Demo" / "Shout.yml"
    assert f"newslint: error: {shout}:1: check kind 'shouting' could not load this rule: IndexError: list index out of range" in run.err
    assert "Traceback" not in run.err
    assert f"{article}:1:15: warning Indonesian.Meneken" in run.out  # the other rules still ran


def test_a_plugin_filters_findings_after_one_per_problem():
    """A plugin's `newslint_filter_findings` gets the file's findings once the built-in filter has
    kept one per problem, and what it returns is what the user gets."""
    from dataclasses import replace

    from newslint import lint_text
    from newslint.hookspecs import hookimpl

    seen = []

    class HouseStyle:
        @hookimpl
        def newslint_filter_findings(self, findings, document, rules):
            seen.append(([f.rule for f in findings], document.path, bool(rules.rules)))
            return [replace(f, message=f"[rumah] {f.message}") for f in findings if f.rule != "Indonesian.BacaJuga"]

    text = "Kedua menteri menekan perjanjian itu.\n\nBaca Juga: Harga Beras Naik\n\nAdvertisement\n"
    plain = lint_text(text, path="a.txt")
    assert {f.rule for f in plain} == {"Indonesian.Meneken", "Indonesian.BacaJuga", "Indonesian.Advertisement"}
    found = lint_text(text, path="a.txt", registry=load_registry(extra_plugins=(HouseStyle(),)))
    assert [(f.rule, f.message[:8]) for f in found] == [("Indonesian.Meneken", "[rumah] "), ("Indonesian.Advertisement", "[rumah] ")]
    # It saw what the user gets without it: one finding per problem ("Advertisement" is English
    # page furniture too, told once).
    assert seen == [([f.rule for f in plain], "a.txt", True)]
    assert "Indonesian.EnglishFurniture" in {f.rule for f in lint_text("Advertisement\n", select=["Indonesian.EnglishFurniture"])}
