"""Runs checks over a Document and turns their hits into findings.

A check that raises, or whose pattern runs past its time limit, is reported as an error for that
file and rule; the other checks still run.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from newslint.checks import format_message
from newslint.document import Document
from newslint.errors import NewslintError
from newslint.findings import Finding
from newslint.patterns import PatternTimeout, search
from newslint.plan import plan_for

class CheckFailed(NewslintError):
    """A check raised or timed out on one file."""


@dataclass
class EngineResult:
    findings: list[Finding]
    errors: list[NewslintError]


def _context_matches(pattern, scope: str, doc: Document, start: int) -> bool:
    unit = doc.enclosing("text" if scope == "document" else scope, start)
    return search(pattern, doc.norm, unit.start, unit.end) is not None


def _silenced(rule, doc: Document, start: int) -> bool:
    """``unless``: any scope matching silences; ``when``: every scope listed must match."""
    if any(_context_matches(p, scope, doc, start) for scope, p in rule.unless.items()):
        return True
    return not all(_context_matches(p, scope, doc, start) for scope, p in rule.when.items())


def run_check(check, doc: Document) -> list[Finding]:
    rule = check.rule
    findings: list[Finding] = []
    seen = set()
    for hit in check.find(doc):
        if (rule.unless or rule.when) and _silenced(rule, doc, hit.start):
            continue
        if hit.end > hit.start + 1 and doc.text[hit.end - 1] == "\r":
            # The checks read the "\r" of "\r\n" as a space: a match never holds a line end.
            hit = replace(hit, end=hit.end - 1)
        line, col, end_line, end_col = doc.span_position(hit.start, hit.end)
        if (line, col) in seen:
            continue
        seen.add((line, col))
        findings.append(
            Finding(
                path=doc.path,
                line=line,
                column=col,
                end_line=end_line,
                end_column=end_col,
                rule=rule.id,
                category=rule.category,
                severity=rule.level,
                message=hit.message or format_message(rule.message, hit.args),
                match=doc.text[hit.start:hit.end],
                suggestions=tuple(hit.suggestions),
                fix=hit.fix,
                applicability=(hit.applicability or rule.applicability) if hit.fix is not None else None,
                offset=hit.start,
                end_offset=hit.end,
            )
        )
        if rule.limit is not None and len(findings) >= rule.limit:
            break
    return findings


def run(checks, doc: Document) -> EngineResult:
    """Every check that can fire on ``doc`` (the matching plan skips rules whose trigger words are
    absent), its findings sorted by position, and the checks that failed."""
    findings: list[Finding] = []
    errors: list[NewslintError] = []
    for check in plan_for(checks).runnable(doc.norm):
        rule = check.rule
        try:
            findings.extend(run_check(check, doc))
        except PatternTimeout as exc:  # names the pattern's file, line and key
            errors.append(CheckFailed(exc.message(rule.id), doc.path))
        except Exception as exc:  # a plugin's bug: report it in one line and go on
            detail = str(exc).splitlines()[0] if str(exc) else ""
            errors.append(CheckFailed(f"rule {rule.id} failed: {type(exc).__name__}: {detail}".rstrip(": "), doc.path))
    findings.sort(key=Finding.sort_key)
    return EngineResult(findings, errors)
