"""Writes docs/rules.md from the rule files, so the documentation cannot drift from the rules.

    python -m newslint.docgen docs/rules.md     # rewrite
    python -m newslint.docgen --check docs/rules.md   # exit 1 if it is out of date
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from newslint.plugins import load_registry
from newslint.rules import example_text
from newslint.ruleset import load_ruleset


def _quote(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.rstrip("\n").split("\n"))


def fix_kinds(check, registry) -> str:
    """What fixes the rule's own `flag` examples get: "safe", "unsafe", both, or "none"."""
    from newslint import engine

    seen = set()
    from newslint.rules import example_text, unmark

    for example in check.rule.tests.get("flag", []):
        doc = registry.document("<example>", unmark(example_text(example))[0])
        for f in engine.run([check], doc).findings:
            if f.fix is not None:
                seen.add(f.applicability)
    return ", ".join(sorted(seen)) or "none"


def render(checks, registry) -> str:
    rules = [c.rule for c in checks]
    fixes = {c.rule.id: fix_kinds(c, registry) for c in checks}
    by_pack = defaultdict(list)
    for rule in rules:
        by_pack[rule.pack].append(rule)
    out = [
        "# Rules",
        "",
        "Generated from the rule files by `python -m newslint.docgen docs/rules.md`; do not edit by hand.",
        "A test fails when this page and the rules disagree.",
        "",
        "The *fix* column says what fixes a rule's own examples get: `safe` (applied by `--fix`), `unsafe`",
        "(probably right, needs a look) or `none` (suggestions at most). See docs/fixes.md for why.",
        "",
    ]
    for pack in sorted(by_pack):
        pack_rules = sorted(by_pack[pack], key=lambda r: (r.category, r.id))
        out += [f"## {pack}", "", "| rule | category | level | kind | fix |", "|---|---|---|---|---|"]
        out += [f"| [{r.id}](#{r.id.lower().replace('.', '')}) | {r.category} | {r.level} | {r.extends} | {fixes[r.id]} |" for r in pack_rules]
        out.append("")
        for r in pack_rules:
            opt_in = ", opt-in" if r.opt_in else ""
            out += [f"### {r.id}", "", f"*{r.category}, {r.level}, `extends: {r.extends}`, fix: {fixes[r.id]}{opt_in}*", ""]
            if r.description:
                out += [r.description.strip(), ""]
            out += [f"Message: {r.message}", ""]
            if r.link:
                out += [f"More: <{r.link}>", ""]
            if r.tests.get("flag"):
                out += ["Flagged (what is reported is marked {{so}}):", ""] + [_quote(example_text(t)) + "\n" for t in r.tests["flag"]]
            if r.tests.get("ok"):
                out += ["Left alone:", ""] + [_quote(t) + "\n" for t in r.tests["ok"]]
            if r.tests.get("fix"):
                out += ["Fixed:", ""]
                for ex in r.tests["fix"]:
                    out += [_quote(ex["text"]), "", f"becomes ({ex.get('applicability', 'safe')} fix)", "", _quote(ex["output"]) + "\n"]
    return "\n".join(out).rstrip("\n") + "\n"


def builtin_page() -> str:
    registry = load_registry()
    return render(load_ruleset(registry).checks, registry)


def main(argv=None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    if len(args) != 1:
        sys.stderr.write("usage: python -m newslint.docgen [--check] docs/rules.md\n")
        return 2
    target = Path(args[0])
    page = builtin_page()
    if check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != page:
            sys.stderr.write(f"{target} is out of date: run python -m newslint.docgen {target}\n")
            return 1
        return 0
    target.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
