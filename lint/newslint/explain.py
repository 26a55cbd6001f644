"""`newslint --explain RULE`: one rule in full, as `ruff rule` tells one. Its id and first
sentence, the description, level, category, kind, fix, link, and the rule's own test examples:
what it flags (the reported span between » and «), what it leaves alone, and what its fixes write.
"""
from __future__ import annotations

import difflib

from newslint.docgen import fix_kinds
from newslint.errors import NewslintError
from newslint.report import first_sentence
from newslint.rules import example_text, unmark


def find_check(checks, name: str):
    """The check of the rule ``name`` names: its id, in any case, or its bare name when only one
    pack has a rule of that name. Otherwise a NewslintError, with the closest ids as suggestions."""
    wanted = name.strip().lower()
    by_id = {c.rule.id.lower(): c for c in checks}
    if wanted in by_id:
        return by_id[wanted]
    by_name = [c for c in checks if c.rule.name.lower() == wanted]
    if len(by_name) == 1:
        return by_name[0]
    if by_name:
        ids = sorted(c.rule.id for c in by_name)
        raise NewslintError(f"rule name {name!r} is in several packs: {_either(ids, 'and')}; give the full id")
    # Rule names are compared, not whole ids (a pack's name is common to all its rules):
    # "indonesian.menekan", "menekan" and "Indonesia.Meneken" all find Indonesian.Meneken.
    names: dict[str, list[str]] = {}
    for c in checks:
        names.setdefault(c.rule.name.lower(), []).append(c.rule.id)
    close = difflib.get_close_matches(wanted.rpartition(".")[2], names, n=3)
    suggestions = [rule_id for key in close for rule_id in sorted(names[key])]  # the closest first
    hint = f" (did you mean {_either(suggestions, 'or')}?)" if suggestions else " (--list-rules lists them)"
    raise NewslintError(f"no rule {name!r}{hint}")


def _either(ids: list[str], word: str) -> str:
    quoted = [f"'{i}'" for i in ids]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} {word} {quoted[-1]}"


def _item(text: str, prefix: str = "  - ") -> list[str]:
    """An example as a list item; its further lines (a paragraph break, a line break) indented."""
    first, *rest = text.rstrip("\n").split("\n")
    return [prefix + first] + [f"{' ' * len(prefix)}{line}" if line else "" for line in rest]


def _flagged(example) -> str:
    """The example with what the rule reports between » and «, instead of the {{marks}}."""
    text, spans = unmark(example_text(example))
    for start, end in reversed(spans):
        text = f"{text[:start]}»{text[start:end]}«{text[end:]}"
    return text


def explain(check, registry) -> str:
    r = check.rule
    summary = first_sentence(r.description)
    out = [f"{r.id}: {summary}" if summary else r.id, ""]
    if summary != " ".join(r.description.split()):  # more than the heading says
        out += [r.description.strip(), ""]
    out += [
        f"Level: {r.level}",
        f"Category: {r.category}",
        f"Kind: {r.extends}",
        f"Fix: {fix_kinds(check, registry)}",
    ]
    if r.opt_in:
        out.append("Opt-in: runs only when --select or select names it by its id")
    out.append(f"Message: {r.message}")
    if r.link:
        out.append(f"More: {r.link}")
    out.append("")
    if r.tests.get("flag"):
        out += ["Flagged (what is reported is between » and «):", ""]
        out += [line for t in r.tests["flag"] for line in _item(_flagged(t))] + [""]
    if r.tests.get("ok"):
        out += ["Left alone:", ""] + [line for t in r.tests["ok"] for line in _item(t)] + [""]
    if r.tests.get("fix"):
        out += ["Fixed:", ""]
        for ex in r.tests["fix"]:
            out += _item(ex["text"]) + _item(ex["output"], f"    {ex.get('applicability', 'safe')} fix -> ")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
