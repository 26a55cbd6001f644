"""The output formats for people and for CI: text (--show-source, --color, --statistics),
jsonl, SARIF, GitHub Actions, GitLab Code Quality and JUnit, and --exit-zero. Every run goes
through the real command line on articles written here, linted with a small pack of rules at
the three levels (one fixed by replacing, one by deleting, two without a fix)."""
from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from conftest import ROOT, rule_file, run_subprocess

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

RULES = {
    "Korut": (
        "level: error\nmessage: \"Write 'Korea Utara', not '%s'.\"\ntokens: [Korut]\n"
        "action: {name: replace, params: [Korea Utara]}\napplicability: safe\n"
        "description: |\n  House style names a country in full. Abbreviations such as Korut read as slang.\n"
        "link: https://example.com/gaya#korut\n"
    ),
    "Iklan": "level: warning\nmessage: \"An ad label: remove it.\"\ntokens: [IKLAN]\naction: {name: remove}\n",
    "Persen": "level: suggestion\nmessage: \"'%s': write 'persen', not '%'.\"\nraw: ['\\d+%']\n",
    "Baris": "level: suggestion\nmessage: \"'%s' is broken over two lines.\"\nraw: ['akhir\\s+baris']\n",
}

# Line 1: "“" before Korut is one column though it is three bytes. Line 4-5: a match over a line break.
ARTICLE = (
    "Kata “Korut” menolak usul itu.\n"
    "IKLAN\n"
    "Harga naik 50% bulan ini, kata Korut.\n"
    "Kalimat ini patah di akhir\n"
    "baris tadi.\n"
)


@pytest.fixture
def project(tmp_path, write):
    """A folder with the pack Uji and a configuration that selects it; runs start in it."""
    for name, body in RULES.items():
        rule_file(tmp_path / "r", "Uji", name, "extends: existence\ncategory: garbled\n" + body)
    write(".newslint.yaml", "rule-paths: [r]\nselect: [Uji]\n")
    return tmp_path


@pytest.fixture
def lint(newslint, project):
    """lint("--format", "sarif", "berita.txt", ...) run in the project folder."""
    return lambda *args, **kw: newslint("--no-cache", *args, cwd=project, **kw)


def test_jsonl_is_the_json_findings_one_per_line(lint, write):
    write("berita.txt", ARTICLE)
    as_json, as_jsonl = lint("--format", "json", "berita.txt"), lint("--format", "jsonl", "berita.txt")
    assert (as_jsonl.code, as_jsonl.err) == (1, "")
    lines = as_jsonl.out.splitlines()
    assert [json.loads(line) for line in lines] == as_json.findings
    assert [json.loads(line)["rule"] for line in lines] == ["Uji.Korut", "Uji.Iklan", "Uji.Persen", "Uji.Korut", "Uji.Baris"]
    assert all("\n" not in line for line in lines) and as_jsonl.out.endswith("\n")


def test_jsonl_without_findings_writes_nothing(lint, write):
    write("bersih.txt", "Semua baik.\n")
    assert lint("--format", "jsonl", "bersih.txt").out == ""


# -- SARIF ---------------------------------------------------------------------------------------------
def sarif(run) -> dict:
    log = json.loads(run.out)
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(log)
    return log


def test_sarif_is_valid_against_the_oasis_schema_and_the_check_can_fail(lint, write):
    write("berita.txt", ARTICLE)
    log = sarif(lint("--format", "sarif", "berita.txt"))
    broken = json.loads(json.dumps(log))
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(broken)


def test_sarif_tool_rules_and_levels(lint, write):
    from newslint import __version__

    write("berita.txt", ARTICLE)
    run = lint("--format", "sarif", "berita.txt")
    assert (run.code, run.err) == (1, "")
    (only,) = sarif(run)["runs"]
    driver = only["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("newslint", __version__)
    rules = driver["rules"]
    assert [r["id"] for r in rules] == ["Uji.Baris", "Uji.Iklan", "Uji.Korut", "Uji.Persen"]
    korut = rules[2]
    assert korut["shortDescription"] == {"text": "House style names a country in full."}
    assert korut["fullDescription"] == {"text": "House style names a country in full. Abbreviations such as Korut read as slang."}
    assert korut["help"]["text"].endswith("More: https://example.com/gaya#korut")
    assert korut["helpUri"] == "https://example.com/gaya#korut"
    assert "helpUri" not in rules[0]
    assert [r["defaultConfiguration"]["level"] for r in rules] == ["note", "warning", "error", "note"]
    assert only["columnKind"] == "unicodeCodePoints"
    results = only["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("Uji.Korut", "error"), ("Uji.Iklan", "warning"), ("Uji.Persen", "note"), ("Uji.Korut", "error"), ("Uji.Baris", "note"),
    ]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert only["invocations"] == [{"executionSuccessful": True}]


def test_sarif_regions_count_code_points_and_end_past_the_match(lint, write):
    write("berita.txt", ARTICLE)
    results = sarif(lint("--format", "sarif", "berita.txt"))["runs"][0]["results"]
    first, last = results[0]["locations"][0]["physicalLocation"], results[-1]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"] == {"uri": "berita.txt"}
    assert first["region"] == {"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 12, "snippet": {"text": "Korut"}}
    assert last["region"] == {"startLine": 4, "startColumn": 22, "endLine": 5, "endColumn": 6, "snippet": {"text": "akhir\nbaris"}}
    assert results[0]["message"] == {"text": "Write 'Korea Utara', not 'Korut'."}


def test_sarif_fixes_replace_or_delete_the_region(lint, write):
    write("berita.txt", ARTICLE)
    results = sarif(lint("--format", "sarif", "berita.txt"))["runs"][0]["results"]
    (replace,) = results[0]["fixes"]
    assert replace["artifactChanges"] == [{
        "artifactLocation": {"uri": "berita.txt"},
        "replacements": [{
            "deletedRegion": {"startLine": 1, "startColumn": 7, "endLine": 1, "endColumn": 12},
            "insertedContent": {"text": "Korea Utara"},
        }],
    }]
    (delete,) = results[1]["fixes"]
    assert delete["artifactChanges"][0]["replacements"] == [
        {"deletedRegion": {"startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 6}}
    ]
    assert [("fixes" in r) for r in results] == [True, True, False, True, False]


def test_sarif_tells_errors_as_notifications_and_an_unsuccessful_run(lint, write, project):
    write("berita.txt", ARTICLE)
    run = lint("--format", "sarif", "hilang.txt", "berita.txt")
    assert run.code == 2
    (invocation,) = sarif(run)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"] == [{
        "level": "error",
        "message": {"text": "hilang.txt: no such file or directory"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": "hilang.txt"}}}],
    }]
    assert run.err == "newslint: error: hilang.txt: no such file or directory\n"


def test_sarif_of_corpus_records_names_each_record(lint, write):
    write("korpus.jsonl", '{"id": "a-1", "text": "Judul\\nKorut."}\n{"id": "a-2", "text": "Korut."}\n')
    results = sarif(lint("--format", "sarif", "korpus.jsonl"))["runs"][0]["results"]
    assert [(r["locations"][0]["logicalLocations"], r["properties"]["record"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in results] == [([{"name": "a-1", "kind": "record"}], "a-1", 2), ([{"name": "a-2", "kind": "record"}], "a-2", 1)]


def test_sarif_uri_is_the_relative_path_percent_encoded(lint, write):
    write("arsip lama/berita #1.txt", "Korut.\n")
    results = sarif(lint("--format", "sarif", "arsip lama/berita #1.txt"))["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "arsip%20lama/berita%20%231.txt"


def test_sarif_of_a_clean_run_in_a_subprocess(project, write):
    write("bersih.txt", "Semua baik.\n")
    run = run_subprocess("--format", "sarif", "bersih.txt", cwd=project)
    assert (run.code, run.err) == (0, "")
    log = sarif(run)
    assert (log["runs"][0]["results"], log["runs"][0]["tool"]["driver"]["rules"]) == ([], [])


# -- GitHub Actions ------------------------------------------------------------------------------------
def test_github_workflow_commands_exactly(lint, write):
    write("berita.txt", ARTICLE)
    run = lint("--format", "github", "berita.txt")
    assert (run.code, run.err) == (1, "")
    assert run.out.splitlines() == [
        "::error file=berita.txt,line=1,col=7,endLine=1,endColumn=12,title=Uji.Korut::Write 'Korea Utara', not 'Korut'.",
        "::warning file=berita.txt,line=2,col=1,endLine=2,endColumn=6,title=Uji.Iklan::An ad label: remove it.",
        "::notice file=berita.txt,line=3,col=12,endLine=3,endColumn=15,title=Uji.Persen::'50%25': write 'persen', not '%25'.",
        "::error file=berita.txt,line=3,col=32,endLine=3,endColumn=37,title=Uji.Korut::Write 'Korea Utara', not 'Korut'.",
        "::notice file=berita.txt,line=4,col=22,endLine=5,endColumn=6,title=Uji.Baris::'akhir%0Abaris' is broken over two lines.",
    ]


def test_github_escapes_commas_and_colons_in_the_file_property(lint, write):
    write("a,b:c.txt", "IKLAN\r\n")
    run = lint("--format", "github", "a,b:c.txt")
    assert run.out == "::warning file=a%2Cb%3Ac.txt,line=1,col=1,endLine=1,endColumn=6,title=Uji.Iklan::An ad label: remove it.\n"


def test_github_annotates_the_errors_too(lint, write, project):
    write("berita.txt", "IKLAN\n")
    (project / "rusak.txt").write_bytes(b"Jakarta\n\xff\n")
    write("r/Uji/Rusak.yml", "extends: existence\ncategory: garbled\nmessage: 'Rusak.'\nlevel: loud\ntokens: [rusak]\n")
    run = lint("--format", "github", "berita.txt", "rusak.txt", "hilang.txt")
    assert run.code == 2
    assert run.out.splitlines()[1:] == [
        "::error file=r/Uji/Rusak.yml,line=4,title=newslint::level must be one of suggestion, warning, error, not 'loud'",
        "::error file=rusak.txt,title=newslint::not UTF-8: byte 0xff at offset 8 (line 2, column 1) cannot be decoded (replaced by U+FFFD; the rest is linted)",
        "::error file=hilang.txt,title=newslint::no such file or directory",
    ]
    assert run.err.count("newslint: error: ") == 3  # still on standard error as well, for a person reading the log


# -- GitLab Code Quality -------------------------------------------------------------------------------
def test_gitlab_code_quality_issues(lint, write):
    write("berita.txt", ARTICLE)
    run = lint("--format", "gitlab", "berita.txt")
    assert (run.code, run.err) == (1, "")
    issues = json.loads(run.out)
    assert issues[0] == {
        "description": "Uji.Korut: Write 'Korea Utara', not 'Korut'.",
        "check_name": "Uji.Korut",
        "fingerprint": issues[0]["fingerprint"],
        "severity": "major",
        "location": {"path": "berita.txt", "lines": {"begin": 1}},
    }
    assert [(i["check_name"], i["severity"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("Uji.Korut", "major", 1), ("Uji.Iklan", "minor", 2), ("Uji.Persen", "info", 3), ("Uji.Korut", "major", 3), ("Uji.Baris", "info", 4),
    ]
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == 5  # the two Korut findings are two problems
    assert all(len(fp) == 64 and int(fp, 16) >= 0 for fp in fingerprints)


def test_gitlab_fingerprints_survive_a_line_inserted_above(lint, write):
    write("berita.txt", ARTICLE)
    before = json.loads(lint("--format", "gitlab", "berita.txt").out)
    write("berita.txt", "Judul baru di atas.\n\n" + ARTICLE)
    after = json.loads(lint("--format", "gitlab", "berita.txt").out)
    assert [i["location"]["lines"]["begin"] for i in after] == [i["location"]["lines"]["begin"] + 2 for i in before]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    write("berita.txt", ARTICLE.replace("Korut”", "Korut” dan Korut"))  # another Korut: a new problem
    more = json.loads(lint("--format", "gitlab", "berita.txt").out)
    assert {i["fingerprint"] for i in before} < {i["fingerprint"] for i in more}
    write("lain.txt", ARTICLE)  # the same text in another file: other problems
    other = json.loads(lint("--format", "gitlab", "lain.txt").out)
    assert not {i["fingerprint"] for i in before} & {i["fingerprint"] for i in other}


# -- JUnit -----------------------------------------------------------------------------------------------
def test_junit_a_suite_per_file_a_failure_per_finding(lint, write):
    write("berita.txt", ARTICLE)
    write("bersih.txt", "Semua baik.\n")
    run = lint("--format", "junit", "berita.txt", "bersih.txt", "hilang.txt")
    assert run.code == 2
    root = ET.fromstring(run.out.encode("utf-8"))
    assert (root.tag, root.get("tests"), root.get("failures"), root.get("errors")) == ("testsuites", "7", "5", "1")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["berita.txt", "bersih.txt", "hilang.txt"]
    cases = suites["berita.txt"].findall("testcase")
    assert [c.get("name") for c in cases] == ["1:7 Uji.Korut", "2:1 Uji.Iklan", "3:12 Uji.Persen", "3:32 Uji.Korut", "4:22 Uji.Baris"]
    failure = cases[0].find("failure")
    assert (failure.get("type"), failure.get("message")) == ("Uji.Korut", "Write 'Korea Utara', not 'Korut'.")
    assert failure.text == "berita.txt:1:7: error Uji.Korut Write 'Korea Utara', not 'Korut'."
    assert cases[4].find("failure").get("message") == "'akhir\nbaris' is broken over two lines."
    (clean,) = suites["bersih.txt"].findall("testcase")
    assert (clean.find("failure"), clean.find("error"), suites["bersih.txt"].get("failures")) == (None, None, "0")
    (missing,) = suites["hilang.txt"].findall("testcase")
    assert missing.find("error").get("message") == "hilang.txt: no such file or directory"


def test_junit_stays_well_formed_with_characters_xml_cannot_hold(lint, write, project):
    rule_file(project / "r", "Uji", "Kontrol", "extends: existence\ncategory: garbled\nmessage: \"'%s' is a control character.\"\nraw: ['\\x1b']\n")
    write("berita.txt", "halaman satu\x1bhalaman dua\n")
    run = lint("--format", "junit", "berita.txt")
    case = ET.fromstring(run.out.encode("utf-8")).find("testsuite/testcase")
    assert case.find("failure").get("message") == "'\\x1b' is a control character."


# -- text: --show-source, --color, --statistics ---------------------------------------------------------
def test_show_source_puts_carets_under_each_match(lint, write):
    write("berita.txt", ARTICLE)
    run = lint("--show-source", "berita.txt")
    assert (run.code, run.err) == (1, "")
    assert run.out == (
        "berita.txt:1:7: error Uji.Korut [*] Write 'Korea Utara', not 'Korut'.\n"
        "1 | Kata “Korut” menolak usul itu.\n"
        "  |       ^^^^^\n"
        "  = fix (safe): replace with 'Korea Utara'\n"
        "\n"
        "berita.txt:2:1: warning Uji.Iklan An ad label: remove it.\n"
        "2 | IKLAN\n"
        "  | ^^^^^\n"
        "  = fix (unsafe): delete\n"
        "\n"
        "berita.txt:3:12: suggestion Uji.Persen '50%': write 'persen', not '%'.\n"
        "3 | Harga naik 50% bulan ini, kata Korut.\n"
        "  |            ^^^\n"
        "\n"
        "berita.txt:3:32: error Uji.Korut [*] Write 'Korea Utara', not 'Korut'.\n"
        "3 | Harga naik 50% bulan ini, kata Korut.\n"
        "  |                                ^^^^^\n"
        "  = fix (safe): replace with 'Korea Utara'\n"
        "\n"
        "berita.txt:4:22: suggestion Uji.Baris 'akhir baris' is broken over two lines.\n"
        "4 | Kalimat ini patah di akhir\n"
        "  |                      ^^^^^\n"
        "5 | baris tadi.\n"
        "  | ^^^^^\n"
        "\n"
        "Found 5 problems (2 errors, 1 warning, 2 suggestions) in 1 of 1 file.\n"
        "[*] 2 fixable with the --fix option (1 hidden fix can be enabled with the --unsafe-fixes option).\n"
    )


def test_show_source_aligns_after_wide_characters_and_cuts_long_lines(lint, write):
    long_line = "Sebuah paragraf panjang " * 8 + "menyebut Korut di tengah " + "dan terus berlanjut " * 8
    write("berita.txt", "北京 Korut\n" + long_line + "\n")
    lines = lint("--show-source", "--min-level", "error", "berita.txt").out.splitlines()
    assert lines[1:3] == ["1 | 北京 Korut", "  |      ^^^^^"]
    shown, carets = lines[6], lines[7]
    assert shown.startswith("2 | …") and shown.endswith("…") and len(shown) < 140
    assert shown[carets.index("^"):carets.rindex("^") + 1] == "Korut"


def test_no_colour_unless_asked_or_on_a_terminal(lint, write):
    write("berita.txt", ARTICLE)
    assert "\x1b[" not in lint("--show-source", "berita.txt").out  # captured output is no terminal
    coloured = lint("--show-source", "--color", "always", "berita.txt").out
    assert "\x1b[31;1merror\x1b[0m" in coloured and "\x1b[31;1m^^^^^\x1b[0m" in coloured
    assert "\x1b[" not in lint("--color", "never", "berita.txt").out


def _on_a_terminal(project, env_extra: dict) -> str:
    """Run newslint with its stdout on a pseudo-terminal and return what it wrote there."""
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update(TERM="xterm", **env_extra)
    proc = subprocess.run([sys.executable, "-m", "newslint", "berita.txt"], cwd=project, env=env, stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed: everything was read
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert proc.returncode == 1, proc.stderr
    return out.decode("utf-8")


def test_colour_on_a_terminal_but_never_with_no_color(project, write):
    write("berita.txt", ARTICLE)
    assert "\x1b[31;1merror\x1b[0m" in _on_a_terminal(project, {})
    plain = _on_a_terminal(project, {"NO_COLOR": "1"})
    assert "\x1b[" not in plain and "berita.txt:1:7: error Uji.Korut" in plain


def test_statistics_count_findings_and_fixes_per_rule(lint, write):
    write("berita.txt", ARTICLE)
    write("lagi.txt", "Korut dan Korut.\n")
    run = lint("--statistics", "berita.txt", "lagi.txt")
    assert (run.code, run.err) == (1, "")
    assert run.out == (
        "4  Uji.Korut   4 fixable\n"
        "1  Uji.Baris\n"
        "1  Uji.Iklan\n"
        "1  Uji.Persen\n"
        "\n"  # then per category (tests/test_corpus_stats.py has the sources of a corpus)
        "category  articles  with findings  findings  per 100 articles\n"
        "garbled          2              2         7             350.0\n"
        "\n"
        "Found 7 problems (4 errors, 1 warning, 2 suggestions) in 2 of 2 files.\n"
        "[*] 4 fixable with the --fix option (1 hidden fix can be enabled with the --unsafe-fixes option).\n"
    )
    as_json = lint("--statistics", "--format", "json", "berita.txt", "lagi.txt")
    per_rule = [{k: r[k] for k in ("rule", "count", "fixable")} for r in json.loads(as_json.out)["rules"]]
    assert per_rule == [
        {"rule": "Uji.Korut", "count": 4, "fixable": 4},
        {"rule": "Uji.Baris", "count": 1, "fixable": 0},
        {"rule": "Uji.Iklan", "count": 1, "fixable": 0},
        {"rule": "Uji.Persen", "count": 1, "fixable": 0},
    ]


@pytest.mark.parametrize("option", ["--statistics", "--show-source"])
def test_an_option_the_format_cannot_show_is_a_usage_error(lint, write, option):
    write("berita.txt", ARTICLE)
    run = lint(option, "--format", "sarif", "berita.txt")
    assert (run.code, run.out) == (2, "")
    assert run.err == f"newslint: error: {option} does not work with --format sarif\n"


# -- the same output from the results cache and from worker processes ------------------------------------
def test_source_lines_and_rule_metadata_survive_the_cache_and_worker_processes(newslint, project, write):
    for i in range(16):  # enough files for two workers
        write(f"korpus/{i:02}.txt", ARTICLE if i % 3 else "Semua baik.\n")
    outputs = []
    for args in (["--no-cache", "-j", "1"], ["-j", "1"], ["-j", "1"], ["--no-cache", "-j", "2"]):  # 2nd/3rd: cache
        text = newslint(*args, "--show-source", "korpus", cwd=project)
        log = newslint(*args, "--format", "sarif", "korpus", cwd=project)
        outputs.append((text.code, text.out, log.out))
    assert outputs[0][0] == 1 and "  |       ^^^^^\n" in outputs[0][1]
    assert json.loads(outputs[0][2])["runs"][0]["tool"]["driver"]["rules"][2]["helpUri"] == "https://example.com/gaya#korut"
    assert outputs[1:] == [outputs[0]] * 3


# -- --exit-zero -----------------------------------------------------------------------------------------
def test_exit_zero_with_findings_but_not_with_errors(lint, write):
    write("berita.txt", ARTICLE)
    run = lint("--exit-zero", "--format", "github", "berita.txt")
    assert (run.code, len(run.out.splitlines())) == (0, 5)
    assert lint("--exit-zero", "hilang.txt", "berita.txt").code == 2


def test_every_built_in_format_is_documented():
    """Listed where the options table describes --format, and (but text) given a section of its own."""
    from newslint.plugins import load_registry

    usage = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    row = next(line for line in usage.splitlines() if line.startswith("| `--format FORMAT` |"))
    for name in load_registry().formatters:
        assert f"`{name}`" in row, name
        assert name == "text" or f"`--format {name}` writes" in usage, name
