"""Applying fixes to a text: each finding's fix replaces its span.

Fixes are applied from the start of the text; one that overlaps a fix already taken is left for a
later pass (lint again, fix again), as ruff does.
"""
from __future__ import annotations

from newslint.findings import Finding


def fixable(f: Finding, unsafe: bool = False) -> bool:
    return f.fix is not None and (f.applicability == "safe" or unsafe)


def apply_fixes(text: str, findings, unsafe: bool = False) -> tuple[str, list[Finding]]:
    """``text`` with the fixes of ``findings`` applied (safe ones; unsafe too when asked) and the
    findings whose fix was applied. Offsets are code points into ``text``."""
    out, applied, pos = [], [], 0
    for f in sorted((f for f in findings if fixable(f, unsafe)), key=lambda f: (f.offset, f.end_offset)):
        if f.offset < pos:
            continue  # overlaps a fix already taken: next pass
        out.append(text[pos:f.offset])
        out.append(f.fix)
        pos = f.end_offset
        applied.append(f)
    out.append(text[pos:])
    return "".join(out), applied
