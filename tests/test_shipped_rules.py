"""Every shipped rule loads, carries examples it must flag and must leave alone, and keeps to them."""
import pytest

from newslint import engine
from newslint.document import Document
from newslint.plugins import load_registry
from newslint.ruleset import load_ruleset

REGISTRY = load_registry()
BUILTIN = load_ruleset(REGISTRY)
RULES = BUILTIN.rules
CHECKS = {c.rule.id: c for c in BUILTIN.checks}


def test_every_shipped_rule_loads():
    assert [str(e) for e in BUILTIN.errors] == []
    assert len(RULES) >= 5


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples_both_ways(rule):
    assert rule.tests.get("flag"), f"{rule.path}: no 'tests: flag' examples"
    assert rule.tests.get("ok"), f"{rule.path}: no 'tests: ok' examples"
    assert rule.description, f"{rule.path}: no description"


CASES = [(r, kind, text) for r in RULES for kind in ("flag", "ok") for text in r.tests.get(kind, [])]


@pytest.mark.parametrize("rule, kind, text", CASES, ids=[f"{r.id}-{k}-{i}" for i, (r, k, _) in enumerate(CASES)])
def test_rule_examples(rule, kind, text):
    doc = Document("<example>", text)
    REGISTRY.document_meta(doc)
    result = engine.run([CHECKS[rule.id]], doc)
    assert result.errors == []
    found = result.findings
    if kind == "flag":
        assert found, f"{rule.id} should flag: {text!r}"
        for f in found:  # and each finding points at its match
            line = text.split("\n")[f.line - 1]
            assert line[f.column - 1:f.end_column - 1] == f.match or f.end_line > f.line
    else:
        assert not found, f"{rule.id} should leave alone: {text!r} (flagged {[f.match for f in found]})"


LANGUAGE_RULES = [c for c in BUILTIN.checks if c.rule.category in ("mistranslation", "garbled")]
OK_TEXTS = sorted({t for r in RULES for t in r.tests.get("ok", [])})


@pytest.mark.parametrize("text", OK_TEXTS, ids=range(len(OK_TEXTS)))
def test_no_language_rule_flags_any_rules_trap(text):
    """Each rule's traps must also be left alone by every mistranslation and garbled rule: a trap
    written for one rule ("Pyongyang", "negara bagian Texas") is real text for all of them."""
    result = engine.run(LANGUAGE_RULES, Document("<example>", text))
    assert [(f.rule, f.match) for f in result.findings] == []
