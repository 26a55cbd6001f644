"""A broken rule file names its file and line; the other rules still run; exit code 2."""
import pytest

from newslint.errors import RuleError
from newslint.plugins import load_registry
from newslint.rules import load_rule

from conftest import rule_file

GOOD = "extends: existence\ncategory: garbled\nmessage: \"'%s' found\"\ntokens: [bagi jika]\n"


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def load(tmp_path, registry, body: str):
    path = rule_file(tmp_path, "T", "Broken", body)
    return load_rule(path, "T", registry.kinds, registry.categories)


@pytest.mark.parametrize(
    "body, line, words",
    [
        ("extends: existence\ncategory: garbled\nmessage: x\ntokens: [a, b\n", 4, "malformed YAML"),
        ("extends: existence\ncategory: garbled\nmessage: x\ntokens: [a]\ncolour: red\n", 5, "unknown key 'colour'"),
        ("extends: existence\ncategory: garbled\nmessage: x\ntokens:\n  - fine\n  - 'bad[('\n", 6, "bad pattern"),
        ("extends: substitution\ncategory: garbled\nmessage: x\nswap:\n  ok: fine\n  'x(': y\n", 6, "bad pattern"),
        # The pattern as written, and the position in it (not in the group the check wraps it in).
        ("extends: substitution\ncategory: garbled\nmessage: x\nswap:\n  '(tutup': buka\n", 5,
         "bad pattern '(tutup' in 'swap': missing ) at position 6"),
        ("extends: spelling\ncategory: garbled\nmessage: x\n", 1, "unknown check kind 'spelling'"),
        ("extends: existence\ncategory: gossip\nmessage: x\ntokens: [a]\n", 2, "unknown category 'gossip'"),
        ("extends: existence\ncategory: garbled\nmessage: x\ntokens: [a]\nlevel: fatal\n", 5, "level must be one of"),
        ("extends: existence\ncategory: garbled\nmessage: x\nmessage: y\ntokens: [a]\n", 4, "duplicate key 'message'"),
        ("extends: existence\ncategory: garbled\nmessage: x\ntokens: a\n", 4, "'tokens' must be a non-empty list"),
        ("extends: existence\ncategory: garbled\ntokens: [a]\n", 1, "missing required key 'message'"),
        ("extends: substitution\ncategory: garbled\nmessage: x\n", 1, "needs 'swap'"),
        ("extends: existence\ncategory: garbled\nmessage: x\ntokens: !!python/object/apply:os.system ['echo owned']\n", 4, "unsupported YAML"),
        ("- just\n- a list\n", 1, "expected a mapping"),
        ("extends: weekday\ncategory: date\nmessage: x\ntable: _none.yml\n", 4, "table '_none.yml' not found beside the rule"),
        ("extends: language\ncategory: language\nmessage: x\ntable: _none.yml\ntarget: clause\n", 4, "not found beside the rule"),
    ],
)
def test_broken_rule_names_file_and_line(tmp_path, registry, body, line, words):
    with pytest.raises(RuleError) as exc:
        load(tmp_path, registry, body)
    message = str(exc.value)
    assert message.startswith(f"{tmp_path / 'T' / 'Broken.yml'}:{line}: "), message
    assert words in message


def test_rule_file_that_is_not_utf8(tmp_path, registry):
    path = tmp_path / "T" / "Latin1.yml"
    path.parent.mkdir()
    path.write_bytes(GOOD.replace("bagi jika", "caf\xe9").encode("latin-1"))
    with pytest.raises(RuleError) as exc:
        load_rule(path, "T", registry.kinds, registry.categories)
    assert "not UTF-8" in str(exc.value) and ":4:" in str(exc.value)


def test_cli_reports_broken_rule_once_and_still_lints_with_the_others(newslint, write, tmp_path):
    rule_file(tmp_path / "rules", "T", "Good", GOOD)
    rule_file(tmp_path / "rules", "T", "Bad", GOOD + "colour: red\n")
    write(".newslint.yaml", "rule-paths: [rules]\nselect: [T]\n")
    a = write("a.txt", "Bantuan bagi jika diserang.\n")
    b = write("b.txt", "Bantuan bagi jika diserang.\n")
    run = newslint(a, b)
    assert run.code == 2
    assert run.err.count("Bad.yml:5: unknown key 'colour'") == 1
    assert f"{a}:1:9: warning T.Good 'bagi jika' found" in run.out
    assert f"{b}:1:9: warning T.Good 'bagi jika' found" in run.out
    assert "Traceback" not in run.err


def test_hidden_and_underscored_yaml_files_are_not_rules(newslint, write, tmp_path):
    pack = tmp_path / "Gaya"
    rule_file(tmp_path, "Gaya", "Good", GOOD)
    (pack / ".newslint.yaml").write_text("rule-paths: [.]\nselect: [Gaya]\n", encoding="utf-8")
    (pack / "_table.yml").write_text("countries: [Indonesia]\n", encoding="utf-8")
    run = newslint("--format", "json", write("Gaya/a.txt", "Bantuan bagi jika diserang.\n"))
    assert run.code == 1, run.err
    assert [f["rule"] for f in run.findings] == ["Gaya.Good"]
