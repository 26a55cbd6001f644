"""Rules: YAML files ``<pack>/<Rule>.yml``, validated against the keys their check kind declares.

The keys every rule may use are below; each check kind adds its own (Vale's names where Vale has
the kind). An unknown key, a wrong type or a bad pattern is a RuleError naming file and line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex

from newslint.errors import RuleError
from newslint.findings import APPLICABILITIES, LEVELS
from newslint.patterns import UserPattern, compile_pattern
from newslint.yamlfile import read_mapping

SCOPES = ("text", "paragraph", "sentence", "line")
UNLESS_SCOPES = ("document", "paragraph", "sentence", "line")
ACTIONS = ("replace", "remove", "suggest")

# key -> (type, what it is). Types: str, bool, int, list (of str), map (str -> str), or a
# special name handled in Rule.validate.
COMMON_KEYS = {
    "extends": ("str", "the check kind"),
    "message": ("str", "what is wrong and what to write; %s is filled in by the kind"),
    "level": ("str", "suggestion, warning (default) or error"),
    "category": ("str", "one of the categories"),
    "link": ("str", "where to read more"),
    "description": ("str", "longer explanation for the docs"),
    "scope": ("str", "text (default), paragraph, sentence or line"),
    "limit": ("int", "report at most this many findings per file"),
    "action": ("action", "{name: replace|remove|suggest, params: [...]}"),
    "applicability": ("str", "of the rule's fixes: safe (applied by --fix) or unsafe (default: needs a look)"),
    "unless": ("context", "{document|paragraph|sentence|line: [patterns]}: stay quiet when one matches there"),
    "when": ("context", "{document|paragraph|sentence|line: [patterns]}: report only when one matches there"),
    "opt-in": ("bool", "run only when selected by its id (off by default)"),
    "supersedes": ("list", "rules this one is more specific than: where both report overlapping spans, only this one is kept"),
    "tests": ("tests", "{flag: [texts], ok: [texts], fix: [{text: ..., output: ...}]}"),
}


@dataclass
class Rule:
    id: str  # "<pack>.<name>"
    pack: str
    name: str
    path: str
    data: dict
    lines: dict
    extends: str = ""
    message: str = ""
    level: str = "warning"
    category: str = ""
    link: str = ""
    description: str = ""
    scope: str = "text"
    limit: int | None = None
    action: dict = field(default_factory=dict)
    applicability: str = "unsafe"
    supersedes: tuple[str, ...] = ()  # rule ids, "Pack.Rule"
    opt_in: bool = False
    unless: dict = field(default_factory=dict)  # scope -> compiled pattern
    when: dict = field(default_factory=dict)  # scope -> compiled pattern
    tests: dict = field(default_factory=dict)  # "flag"/"ok" -> list of texts

    # -- errors that name the line ----------------------------------------------------------
    def error(self, message: str, *where) -> RuleError:
        line = self.lines.get(where if len(where) > 1 else where[0]) if where else None
        if line is None and where:
            line = self.lines.get(where[0])
        return RuleError(message, self.path, line or 1)

    def option(self, key, default=None):
        return self.data.get(key, default)

    def alternation(self, items, *where, keys=None, template: str = "{}", ignorecase: bool | None = None,
                    written=None) -> UserPattern:
        """One pattern matching any of ``items``, placed into ``template``. Compiling is the slow
        part of a run's start, so items are compiled one by one (to name the bad one's line) only
        when the whole fails; ``written``: the items as the rule wrote them (before the caller
        wrapped them), which the error quotes so that its position is the user's."""
        source = template.replace("{}", "|".join(f"(?:{p})" for p in items))
        try:
            return self._user_pattern(compile_pattern(source, self._ignorecase(ignorecase)), where[:2] if where and where[0] in ("unless", "when") else where[:1])
        except regex.error:
            for i, item in enumerate(written or items):
                self.pattern(item, *where, keys[i] if keys else i, ignorecase=ignorecase)
            return self.pattern(source, *where, ignorecase=ignorecase)

    def _ignorecase(self, ignorecase: bool | None) -> bool:
        return bool(self.data.get("ignorecase", False)) if ignorecase is None else ignorecase

    def pattern(self, source: str, *where, ignorecase: bool | None = None) -> UserPattern:
        """Compile one of this rule's patterns; a bad one is an error at its line."""
        try:
            return self._user_pattern(compile_pattern(source, self._ignorecase(ignorecase)), where)
        except regex.error as exc:
            raise self.error(f"bad pattern {source!r} in '{where[0]}': {exc}", *where) from None

    def _user_pattern(self, compiled, where) -> UserPattern:
        """The pattern with its rule, file, line and key, for the error if it runs too long
        (``unless``/``when`` name their scope too: "unless: sentence")."""
        line = (self.lines.get(tuple(where)) if len(where) > 1 else None) or self.lines.get(where[0]) if where else None
        key = where[0] if where else None
        if key in ("unless", "when") and len(where) > 1:
            key = f"{key}: {where[1]}"
        return UserPattern(compiled, rule=self.id, path=self.path, line=line, key=key)


def check_type(rule: Rule, key: str, kind: str, value) -> None:
    def fail(expected):
        raise rule.error(f"'{key}' must be {expected}, not {type(value).__name__}", key)

    if kind == "str" and not isinstance(value, str):
        fail("a string")
    elif kind == "bool" and not isinstance(value, bool):
        fail("true or false")
    elif kind == "int" and (not isinstance(value, int) or isinstance(value, bool)):
        fail("a whole number")
    elif kind == "list":
        if not isinstance(value, list) or not value:
            fail("a non-empty list of strings")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise rule.error(f"'{key}' item {i + 1} must be a string, not {type(item).__name__}", key, i)
    elif kind == "map":
        if not isinstance(value, dict) or not value:
            fail("a non-empty mapping of strings to strings")
        for k, v in value.items():
            if not isinstance(k, str) or not isinstance(v, str):
                raise rule.error(f"'{key}' entry {k!r}: both sides must be strings", key, k)


def _context_patterns(rule: Rule, key: str, value) -> dict:
    """``unless`` / ``when``: scope -> one compiled alternation of the patterns listed there."""
    if not isinstance(value, dict) or not value:
        raise rule.error(f"'{key}' must map {'/'.join(UNLESS_SCOPES)} to lists of patterns", key)
    out = {}
    for scope, patterns in value.items():
        if scope not in UNLESS_SCOPES:
            raise rule.error(f"'{key}' scope must be one of {', '.join(UNLESS_SCOPES)}, not {scope!r}", key, scope)
        if not isinstance(patterns, list) or not patterns or not all(isinstance(p, str) for p in patterns):
            raise rule.error(f"'{key}: {scope}' must be a non-empty list of patterns", key, scope)
        out[scope] = rule.alternation(patterns, key, scope)
    return out


def _validate_common(rule: Rule, categories) -> None:
    data = rule.data
    for key in ("message", "category"):
        if key not in data:
            raise rule.error(f"missing required key '{key}'", "extends")
    rule.message = data["message"]
    rule.level = data.get("level", "warning")
    if rule.level not in LEVELS:
        raise rule.error(f"level must be one of {', '.join(LEVELS)}, not {rule.level!r}", "level")
    rule.category = data["category"]
    if rule.category not in categories:
        raise rule.error(f"unknown category {rule.category!r} (known: {', '.join(categories)})", "category")
    rule.link = data.get("link", "")
    rule.description = data.get("description", "")
    rule.scope = data.get("scope", "text")
    if rule.scope not in SCOPES:
        raise rule.error(f"scope must be one of {', '.join(SCOPES)}, not {rule.scope!r}", "scope")
    rule.limit = data.get("limit")
    rule.opt_in = data.get("opt-in", False)
    rule.supersedes = tuple(n if "." in n else f"{rule.pack}.{n}" for n in data.get("supersedes", ()))
    rule.applicability = data.get("applicability", "unsafe")
    if rule.applicability not in APPLICABILITIES:
        raise rule.error(f"applicability must be one of {', '.join(APPLICABILITIES)}, not {rule.applicability!r}", "applicability")

    action = data.get("action")
    if action is not None:
        if not isinstance(action, dict) or set(action) - {"name", "params"} or action.get("name") not in ACTIONS:
            raise rule.error(f"action must be {{name: {'|'.join(ACTIONS)}, params: [...]}}", "action")
        params = action.get("params", [])
        if not isinstance(params, list) or not all(isinstance(p, str) for p in params):
            raise rule.error("action params must be a list of strings", "action")
        rule.action = {"name": action["name"], "params": params}

    for key in ("unless", "when"):
        if key in data:
            setattr(rule, key, _context_patterns(rule, key, data[key]))

    tests = data.get("tests")
    if tests is not None:
        if not isinstance(tests, dict) or set(tests) - {"flag", "ok", "fix"}:
            raise rule.error("'tests' must be {flag: [texts it must flag], ok: [texts it must leave alone], fix: [{text: ..., output: ...}]}", "tests")
        for key, texts in tests.items():
            if key == "fix":
                if not isinstance(texts, list) or not all(_fix_example(t) for t in texts):
                    raise rule.error("'tests: fix' must be a list of {text: ..., output: ...} (and applicability: safe|unsafe)", "tests", key)
            elif key == "flag":
                if not isinstance(texts, list) or not all(_flag_example(t) for t in texts):
                    raise rule.error("'tests: flag' must be a list of texts with the reported spans marked {{so}}, or of {text: ..., suggestions: [...]}", "tests", key)
            elif not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                raise rule.error(f"'tests: {key}' must be a list of texts", "tests", key)
        rule.tests = {"flag": tests.get("flag", []), "ok": tests.get("ok", []), "fix": tests.get("fix", [])}


MARK_OPEN, MARK_CLOSE = "{{", "}}"


def unmark(example: str) -> tuple[str, list[tuple[int, int]]]:
    """A `flag` example's text without its marks, and the spans the marks enclose: in
    "Kedua menteri {{menekan}} perjanjian" the rule must report exactly "menekan"."""
    text, spans, pos = [], [], 0
    length = 0
    while True:
        start = example.find(MARK_OPEN, pos)
        if start < 0:
            break
        end = example.find(MARK_CLOSE, start + len(MARK_OPEN))
        if end < 0:
            break
        text.append(example[pos:start])
        length += start - pos
        inner = example[start + len(MARK_OPEN):end]
        spans.append((length, length + len(inner)))
        text.append(inner)
        length += len(inner)
        pos = end + len(MARK_CLOSE)
    text.append(example[pos:])
    return "".join(text), spans


def _flag_example(example) -> bool:
    """A text, or {text: ..., suggestions: [...]} to check the marked finding's suggestions too."""
    if isinstance(example, str):
        return True
    return (
        isinstance(example, dict) and "text" in example and set(example) <= {"text", "suggestions"}
        and isinstance(example["text"], str)
        and all(isinstance(s, str) for s in example.get("suggestions", []))
    )


def example_text(example) -> str:
    return example if isinstance(example, str) else example["text"]


def _fix_example(example) -> bool:
    return (
        isinstance(example, dict) and {"text", "output"} <= set(example) <= {"text", "output", "applicability"}
        and isinstance(example["text"], str) and isinstance(example["output"], str)
        and example.get("applicability", "safe") in APPLICABILITIES
    )


def load_rule(path: Path, pack: str, kinds: dict, categories) -> tuple[Rule, object]:
    """Read, validate and compile one rule file. Returns the rule and its ready check."""
    mapping, lines = read_mapping(path, RuleError)
    rule = Rule(id=f"{pack}.{path.stem}", pack=pack, name=path.stem, path=str(path), data=mapping, lines=lines)
    if not mapping:
        raise rule.error("empty rule file")
    extends = mapping.get("extends")
    if extends is None:
        raise rule.error(f"missing required key 'extends' (one of: {', '.join(sorted(kinds))})")
    if extends not in kinds:
        raise rule.error(f"unknown check kind {extends!r} (known: {', '.join(sorted(kinds))})", "extends")
    rule.extends = extends
    kind = kinds[extends]
    allowed = {**COMMON_KEYS, **kind.keys}
    for key, value in mapping.items():
        if key not in allowed:
            raise rule.error(f"unknown key '{key}' for extends: {extends} (allowed: {', '.join(sorted(allowed))})", key)
        if allowed[key][0] in ("str", "bool", "int", "list", "map"):
            check_type(rule, key, allowed[key][0], value)
    for key in kind.required:
        if key not in mapping:
            raise rule.error(f"extends: {extends} needs '{key}'", "extends")
    _validate_common(rule, categories)
    try:
        check = kind(rule)
    except RuleError:
        raise
    except Exception as exc:  # a plugin kind's bug: name the rule, not a traceback
        raise rule.error(f"check kind {extends!r} could not load this rule: {type(exc).__name__}: {exc}", "extends") from None
    return rule, check


def find_rule_files(root: Path) -> list[tuple[str, Path]]:
    """(pack, file) for each rule under ``root``: a folder of packs, or a pack itself."""
    def rule_files(folder: Path):
        return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file() and not p.name.startswith((".", "_")))

    if not root.is_dir():
        raise RuleError("rule folder not found", str(root))
    direct = rule_files(root)
    if direct:
        return [(root.name, p) for p in direct]
    out = []
    for pack in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        out.extend((pack.name, p) for p in rule_files(pack))
    return out
