"""Applying fixes to a text: each finding's fix replaces its span.

Fixes are applied from the start of the text; one that overlaps a fix already taken is left for a
later pass (lint again, fix again), as ruff does. A fix that deletes everything on a line (a
boilerplate line) deletes the line with its line end, so no empty line is left where it stood.
"""
from __future__ import annotations

from newslint.findings import Finding


def fixable(f: Finding, unsafe: bool = False) -> bool:
    return f.fix is not None and (f.applicability == "safe" or unsafe)


def _edit_span(text: str, f: Finding) -> tuple[int, int]:
    """The span the fix replaces: the finding's, widened to the line end when it empties a line."""
    start, end = f.offset, f.end_offset
    if f.fix != "" or end <= start:
        return start, end
    at_line_start = start == 0 or text[start - 1] in "\n\r"  # "\n", "\r\n" or a lone "\r" ends a line
    for ending in ("\r\n", "\n", "\r"):
        if at_line_start and text.startswith(ending, end):
            return start, end + len(ending)
    if at_line_start and end == len(text) and start > 0:  # the last line: take the line end before it
        return start - (2 if text[max(0, start - 2):start] == "\r\n" else 1), end
    return start, end


def apply_fixes(text: str, findings, unsafe: bool = False) -> tuple[str, list[Finding]]:
    """``text`` with the fixes of ``findings`` applied (safe ones; unsafe too when asked) and the
    findings whose fix was applied. Offsets are code points into ``text``."""
    out, applied, pos = [], [], 0
    for f in sorted((f for f in findings if fixable(f, unsafe)), key=lambda f: (f.offset, f.end_offset)):
        start, end = _edit_span(text, f)
        if start < pos <= f.offset:
            start = pos  # the line end it would take went with the fix before
        if start < pos:
            continue  # overlaps a fix already taken: next pass
        out.append(text[pos:start])
        out.append(f.fix)
        pos = end
        applied.append(f)
    out.append(text[pos:])
    return "".join(out), applied
