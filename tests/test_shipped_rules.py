"""Every shipped rule loads, carries examples it must flag and must leave alone, and keeps to them."""
import pytest

from newslint import engine
from newslint.plugins import load_registry
from newslint.post.fixes import apply_fixes
from newslint.rules import example_text, unmark
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


@pytest.mark.parametrize("rule, kind, example", CASES, ids=[f"{r.id}-{k}-{i}" for i, (r, k, _) in enumerate(CASES)])
def test_rule_examples(rule, kind, example):
    """`ok` texts get no finding; in a `flag` text the rule reports exactly the spans marked
    {{so}} (with the suggestions listed, when the example lists them)."""
    text, marked = unmark(example_text(example))
    found = _lint(rule, text)
    if kind == "ok":
        assert not found, f"{rule.id} should leave alone: {text!r} (flagged {[f.match for f in found]})"
        return
    assert found, f"{rule.id} should flag: {text!r}"
    for f in found:  # each finding's match is the text at its position
        assert text[f.offset:f.end_offset] == f.match
        line = text.split("\n")[f.line - 1]
        assert line[f.column - 1:f.end_column - 1] == f.match or f.end_line > f.line
    assert marked, f"{rule.id}: the flag example names no span; mark what is reported {{{{so}}}}: {text!r}"
    assert sorted((f.offset, f.end_offset) for f in found) == marked, (
        f"{rule.id} reported {[f.match for f in found]}, the example marks {[text[a:b] for a, b in marked]}"
    )
    if isinstance(example, dict) and "suggestions" in example:
        assert [list(f.suggestions) for f in found] == [example["suggestions"]] * len(found)


def _lint(rule, text):
    doc = REGISTRY.document("<example>", text)
    result = engine.run([CHECKS[rule.id]], doc)
    assert result.errors == []
    return result.findings


FIX_CASES = [(r, ex) for r in RULES for ex in r.tests.get("fix", [])]


@pytest.mark.parametrize("rule, example", FIX_CASES, ids=[f"{r.id}-fix-{i}" for i, (r, _) in enumerate(FIX_CASES)])
def test_rule_fix_examples(rule, example):
    """A `fix` example: the rule's fixes applied to `text` give exactly `output` (the whole text),
    and each applied fix has the example's applicability (safe unless it says otherwise)."""
    found = _lint(rule, example["text"])
    fixed, applied = apply_fixes(example["text"], found, unsafe=True)
    assert applied, f"{rule.id} offers no fix for {example['text']!r}"
    assert fixed == example["output"]
    assert {f.applicability for f in applied} == {example.get("applicability", "safe")}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_fix_has_a_fix_example(rule):
    """A rule whose examples get a fix shows it applied to a whole text, for each applicability
    its examples get (a safe one above all: `--fix` applies it unseen)."""
    texts = [unmark(example_text(e))[0] for e in rule.tests.get("flag", [])]
    kinds = {f.applicability for text in texts for f in _lint(rule, text) if f.fix is not None}
    shown = {ex.get("applicability", "safe") for ex in rule.tests.get("fix", [])}
    assert kinds <= shown, f"{rule.path}: fixes ({', '.join(sorted(kinds - shown))}) without a 'tests: fix' example"


LANGUAGE_RULES = [c for c in BUILTIN.checks if c.rule.category in ("mistranslation", "garbled")]
OK_TEXTS = sorted({t for r in RULES for t in r.tests.get("ok", [])})


@pytest.mark.parametrize("text", OK_TEXTS, ids=range(len(OK_TEXTS)))
def test_no_language_rule_flags_any_rules_trap(text):
    """Each rule's traps must also be left alone by every mistranslation and garbled rule: a trap
    written for one rule ("Pyongyang", "negara bagian Texas") is real text for all of them."""
    result = engine.run(LANGUAGE_RULES, REGISTRY.document("<example>", text))
    assert [(f.rule, f.match) for f in result.findings] == []
