"""Compiling rule patterns, and matching them with a time limit.

Rules come from users; a pattern that backtracks catastrophically must end with an error that
names the rule, never hang the run. The ``regex`` package gives every search a timeout.
"""
from __future__ import annotations

import regex

# Seconds one search may take before the rule is abandoned for that file.
PATTERN_TIMEOUT = 1.0


class PatternTimeout(Exception):
    """A rule's pattern exceeded PATTERN_TIMEOUT on one text."""


def compile_pattern(pattern: str, ignorecase: bool = False) -> regex.Pattern:
    """Compile with Python ``re`` syntax (plus the regex package's Unicode properties).
    Raises ``regex.error`` for a bad pattern."""
    flags = regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0)
    return regex.compile(pattern, flags)


def words(terms: list[str], nonword: bool) -> str:
    """One alternation of ``terms``, longest first, each a pattern; bounded by word boundaries
    unless ``nonword``. Letters, digits and "_" make words."""
    body = "|".join(f"(?:{t})" for t in sorted(terms, key=len, reverse=True))
    if nonword:
        return f"(?:{body})"
    return rf"(?<![\p{{L}}\p{{N}}_])(?:{body})(?![\p{{L}}\p{{N}}_])"


def literal_alternation(words) -> str:
    """An alternation of literal words, longest first (so "Korea Utara" wins over "Korea")."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def finditer(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    try:
        yield from pattern.finditer(text, pos, len(text) if endpos is None else endpos, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None


def search(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None):
    try:
        return pattern.search(text, pos, len(text) if endpos is None else endpos, timeout=PATTERN_TIMEOUT)
    except TimeoutError:
        raise PatternTimeout(pattern.pattern) from None
