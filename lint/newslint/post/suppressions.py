"""Suppression comments: silencing findings from inside a Markdown or HTML article.

The readers list a file's HTML comments in ``Document.meta["comments"]`` as ``(start, end,
text)``; a plain text file has none, so nothing here touches it (it has ``per-file-ignores``).
Three comments are read, each naming rules, packs or categories as ``--select`` does,
comma-separated, or nothing for every rule; text after `` -- `` is a reason, not read:

- ``<!-- newslint-disable LIST -->``: silences those rules from the comment on, until
- ``<!-- newslint-enable LIST -->`` turns them on again (with no list: every rule);
- ``<!-- newslint-disable-next-line LIST -->``: silences them on the line after the comment's.

A finding is silenced by where it starts. Two built-in pseudo-rules report on the comments
themselves, as ruff's RUF102 and RUF100 do for ``# noqa``:

- ``newslint.InvalidSuppression`` (error, always): a name that is no rule, pack or category, or a
  ``newslint-...`` comment that is none of the three. The rest of the comment still applies; a
  comment whose names are all unknown silences nothing (never everything).
- ``newslint.UnusedSuppression`` (warning, only when ``meta["report_unused_suppressions"]`` is
  set, by ``--report-unused-suppressions``): a disable comment that silenced nothing in this run.
  Its fix deletes the comment, unsafe: a rule left out of the run by ``--select``, ``--ignore`` or
  ``--min-level`` silences nothing either. A comment that silenced something but names a rule
  that silenced nothing is reported for that name (as ruff's "unused: E501"), without a fix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.findings import CATEGORIES, Finding

INVALID = "newslint.InvalidSuppression"
UNUSED = "newslint.UnusedSuppression"
CATEGORY = "suppression"

DIRECTIVE = re.compile(r"\s*newslint-(?P<kind>[\w-]+)(?P<names>.*?)\s*\Z", re.DOTALL)
KINDS = ("disable", "enable", "disable-next-line")


@dataclass
class Directive:
    kind: str  # one of KINDS
    start: int  # the comment's span in the file
    end: int
    selectors: tuple[str, ...]  # lower case; () means every rule
    text: str  # as written, spaces squeezed
    used: bool = False  # set when it silences a finding
    names: tuple[str, ...] = ()  # the selectors as written, in the order of ``selectors``
    used_selectors: set = None  # the selectors that silenced a finding

    def covers(self, finding: Finding, pack: str) -> bool:
        names = (finding.rule.lower(), pack.lower(), finding.category.lower())
        return not self.selectors or any(s in names for s in self.selectors)

    def silence(self, finding: Finding, pack: str) -> None:
        self.used = True
        names = (finding.rule.lower(), pack.lower(), finding.category.lower())
        self.used_selectors = (self.used_selectors or set()) | {s for s in self.selectors if s in names}


def suppress(findings: list[Finding], document, rules) -> list[Finding]:
    """``findings`` less those the file's suppression comments silence, plus the findings about
    the comments themselves (see the module's docstring)."""
    comments = document.meta.get("comments") or ()
    if not comments:
        return findings
    directives, problems = _directives(comments, document, rules)
    if not directives and not problems:
        return findings
    packs = {r.id: r.pack for r in rules.rules}
    kept = [f for f in findings if not _silenced(f, packs.get(f.rule, f.rule.split(".")[0]), directives, document)]
    if document.meta.get("report_unused_suppressions"):
        problems += [_finding(document, d.start, d.end, UNUSED, "warning",
                              f"Unused suppression: '{d.text}' silenced nothing; delete the comment.", fix="")
                     for d in directives if not d.used and d.kind != "enable"]
        problems += [_finding(document, d.start, d.end, UNUSED, "warning",
                              f"Unused name in suppression: {name!r} in '{d.text}' silenced nothing; remove it from the comment.")
                     for d in directives if d.used
                     for selector, name in zip(d.selectors, d.names) if selector not in d.used_selectors]
    return sorted(kept + problems, key=Finding.sort_key)


def _directives(comments, document, rules) -> tuple[list[Directive], list[Finding]]:
    known = {c.lower() for c in CATEGORIES}
    for rule in rules.rules:
        known.update((rule.id.lower(), rule.pack.lower(), rule.category.lower()))
    directives, problems = [], []
    for start, end, text in sorted(comments):
        m = DIRECTIVE.match(text)
        if m is None:
            continue  # an ordinary comment
        if m["kind"] not in KINDS:
            problems.append(_finding(document, start, end, INVALID, "error",
                                     f"Unknown suppression comment 'newslint-{m['kind']}': write newslint-disable, "
                                     "newslint-enable or newslint-disable-next-line."))
            continue
        names = [n for n in re.split(r"[,\s]+", m["names"].split(" --")[0]) if n]
        unknown = [n for n in names if n.lower() not in known]
        for name in unknown:
            problems.append(_finding(document, start, end, INVALID, "error",
                                     f"Unknown rule, pack or category {name!r} in a newslint-{m['kind']} comment: it silences nothing."))
        written = tuple(n for n in names if n.lower() in known)
        if names and not written:
            continue  # every name unknown: not "every rule"
        directives.append(Directive(m["kind"], start, end, tuple(n.lower() for n in written), " ".join(text.split()), names=written))
    return directives, problems


def _silenced(f: Finding, pack: str, directives: list[Directive], document) -> bool:
    for d in directives:
        if d.kind == "disable-next-line" and document.position(max(d.start, d.end - 1))[0] + 1 == f.line and d.covers(f, pack):
            d.silence(f, pack)
            return True
    by = None  # the disable comment in force for this finding
    for d in directives:
        if d.end > f.offset:
            break
        if d.kind == "disable" and by is None and d.covers(f, pack):
            by = d
        elif d.kind == "enable" and d.covers(f, pack):
            by = None
    if by is not None:
        by.silence(f, pack)
    return by is not None


def _finding(document, start: int, end: int, rule: str, level: str, message: str, fix: str | None = None) -> Finding:
    line, column, end_line, end_column = document.span_position(start, end)
    return Finding(document.path, line, column, end_line, end_column, rule, CATEGORY, level, message,
                   document.text[start:end], fix=fix, applicability=None if fix is None else "unsafe",
                   offset=start, end_offset=end)
