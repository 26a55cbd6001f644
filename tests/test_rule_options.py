"""Rule keys that shape what the user gets: fix applicability, opt-in rules, supersedes."""
from conftest import rule_file

ARTICLE = "Kata Kepala Dinas Ibukota itu kemarin, ibukota baru siap.\n"

SAFE = """extends: substitution
category: garbled
message: "Write '%s'"
applicability: safe
swap: {Ibukota: ibu kota}
"""

UNSAFE = """extends: substitution
category: garbled
message: "Write '%s'"
swap: {ibukota: ibu kota}
"""

OPT_IN = """extends: existence
category: garbled
message: "'%s'"
opt-in: true
tokens: [kemarin]
"""

GENERIC = """extends: existence
category: garbled
message: "'%s' generic"
ignorecase: true
tokens: [Dinas Ibukota]
"""

SPECIFIC = """extends: existence
category: garbled
message: "'%s' specific"
supersedes: [Generic]
tokens: [Ibukota]
"""


def _setup(tmp_path, write, **rules):
    for name, body in rules.items():
        rule_file(tmp_path / "gaya", "Rumah", name, body)
    write(".newslint.yaml", "rule-paths: [gaya]\nselect: [Rumah]\n")
    return write("a.txt", ARTICLE)


def test_json_fix_carries_its_applicability(newslint, write, tmp_path):
    path = _setup(tmp_path, write, Safe=SAFE, Unsafe=UNSAFE)
    run = newslint("--format", "json", path, cwd=tmp_path)
    got = sorted((f["rule"], f["match"], f["fix"]) for f in run.findings)
    assert got == [
        ("Rumah.Safe", "Ibukota", {"replacement": "ibu kota", "applicability": "safe"}),
        ("Rumah.Unsafe", "ibukota", {"replacement": "ibu kota", "applicability": "unsafe"}),
    ]


def test_bad_applicability_is_a_rule_error_at_its_line(newslint, write, tmp_path):
    path = _setup(tmp_path, write, Safe=SAFE.replace("applicability: safe", "applicability: sure"))
    run = newslint(path, cwd=tmp_path)
    assert run.code == 2
    assert "Safe.yml:4: applicability must be one of safe, unsafe, not 'sure'" in run.err


def test_opt_in_rule_runs_only_when_named(newslint, write, tmp_path):
    path = _setup(tmp_path, write, OptIn=OPT_IN, Safe=SAFE)
    by_pack = newslint("--format", "json", path, cwd=tmp_path)
    assert [f["rule"] for f in by_pack.findings] == ["Rumah.Safe"]
    by_category = newslint("--format", "json", "--select", "garbled", path, cwd=tmp_path)
    assert "Rumah.OptIn" not in [f["rule"] for f in by_category.findings]
    named = newslint("--format", "json", "--select", "rumah.optin", path, cwd=tmp_path)
    assert [(f["rule"], f["match"]) for f in named.findings] == [("Rumah.OptIn", "kemarin")]


def test_supersedes_keeps_one_finding_on_overlapping_spans(newslint, write, tmp_path):
    path = _setup(tmp_path, write, Generic=GENERIC, Specific=SPECIFIC)
    run = newslint("--format", "json", path, cwd=tmp_path)
    # "Dinas Ibukota" (generic) overlaps "Ibukota" (specific): only the specific one is told.
    assert [(f["rule"], f["match"]) for f in run.findings] == [("Rumah.Specific", "Ibukota")]
    alone = newslint("--format", "json", "--select", "Rumah.Generic", path, cwd=tmp_path)
    assert [(f["rule"], f["match"]) for f in alone.findings] == [("Rumah.Generic", "Dinas Ibukota")]


def test_supersedes_naming_no_rule_is_an_error(newslint, write, tmp_path):
    path = _setup(tmp_path, write, Specific=SPECIFIC)
    run = newslint(path, cwd=tmp_path)
    assert run.code == 2
    assert "Specific.yml:4: 'supersedes' names 'Rumah.Generic', which is not a rule" in run.err


def test_rules_that_supersede_each_other_are_an_error(newslint, write, tmp_path):
    """Which of two rules superseding each other is kept would depend on the order of findings."""
    path = _setup(tmp_path, write, Generic=GENERIC + "supersedes: [Specific]\n", Specific=SPECIFIC)
    run = newslint(path, cwd=tmp_path)
    assert run.code == 2
    assert "Specific.yml:4: 'supersedes' goes round in a circle: Rumah.Specific -> Rumah.Generic -> Rumah.Specific" in run.err
    selfish = _setup(tmp_path, write, Generic=GENERIC + "supersedes: [Generic]\n", Specific=SPECIFIC.replace("supersedes: [Generic]\n", ""))
    run = newslint(selfish, cwd=tmp_path)
    assert "Generic.yml:6: 'supersedes' goes round in a circle: Rumah.Generic -> Rumah.Generic" in run.err
