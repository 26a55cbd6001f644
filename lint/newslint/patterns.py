"""User patterns: compiled once, matched under a time limit that names their rule, file and key.

Rules and tables come from users; a pattern that backtracks catastrophically must end with an
error that says which one it was, never hang the run. Every pattern a user supplies (a rule's
keys, ``exceptions``, ``unless``/``when``, a knowledge table's entries) is a :class:`UserPattern`,
and every search through it runs under the ``regex`` package's timeout.

The limit is counted per search (the look for one match), not per scan of a file, and in a long
text one search covers at most ``WINDOW`` starting positions (seeing ``LOOKAHEAD`` characters past
them), so an honest rule on a 200 MB article never trips it while a pattern that runs away on one
line still does.
"""
from __future__ import annotations

import regex

# Seconds one search may take before the rule is abandoned for that file.
PATTERN_TIMEOUT = 1.0
# In a text longer than this, one search tries at most WINDOW starting positions...
WINDOW = 100_000
# ...and sees this many characters after the last of them (a match found is then checked
# against the whole text, so one running past the window is still found whole).
LOOKAHEAD = 20_000


class PatternTimeout(Exception):
    """A user pattern exceeded PATTERN_TIMEOUT on one search."""

    def __init__(self, pattern: UserPattern):
        self.pattern = pattern
        super().__init__(self.message())

    def message(self, rule: str | None = None) -> str:
        """The one-line report; ``rule``: the rule being run (a table's pattern serves several)."""
        p = self.pattern
        rule = rule or p.rule or "?"
        where = f"{p.path}:{p.line or 1}, " if p.path else ""
        key = f"key '{p.key}'" if p.key else "a pattern"
        return (
            f"rule {rule} ({where}{key}): pattern ran longer than {PATTERN_TIMEOUT:g} s on one search "
            "(catastrophic backtracking?); rule skipped for this file"
        )


def compile_pattern(pattern: str, ignorecase: bool = False) -> regex.Pattern:
    """Compile with Python ``re`` syntax (plus the regex package's Unicode properties).
    Raises ``regex.error`` for a bad pattern."""
    flags = regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0)
    return regex.compile(pattern, flags)


class UserPattern:
    """A compiled user pattern and where it was written: ``rule`` (id), ``path`` (the rule or
    table file), ``line`` and ``key``. Its search, match, fullmatch and finditer take the same
    arguments as ``regex``'s and raise :class:`PatternTimeout` past the limit."""

    def __init__(self, compiled: regex.Pattern, rule: str | None = None, path: str | None = None,
                 line: int | None = None, key: str | None = None):
        self.regex = compiled
        self.rule, self.path, self.line, self.key = rule, path, line, key

    @classmethod
    def compile(cls, source: str, flags: int = regex.MULTILINE, **where) -> UserPattern:
        """Raises ``regex.error`` for a bad pattern."""
        return cls(regex.compile(source, flags), **where)

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    @property
    def groups(self) -> int:
        return self.regex.groups

    def __repr__(self) -> str:
        return f"UserPattern({self.pattern!r}, rule={self.rule!r}, key={self.key!r})"

    def _timed(self, method, *args, **kwargs):
        try:
            return method(*args, timeout=PATTERN_TIMEOUT, **kwargs)
        except TimeoutError:
            raise PatternTimeout(self) from None

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._timed(self.regex.match, text, pos, _end(text, endpos))

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._timed(self.regex.fullmatch, text, pos, _end(text, endpos))

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        """The first match starting at ``pos`` or later, as ``regex`` finds it; each window of a
        long text is its own timed search."""
        endpos = _end(text, endpos)
        while pos <= endpos:  # (regex would clamp a later pos to endpos)
            window_end = pos + WINDOW
            if window_end + LOOKAHEAD >= endpos:
                return self._timed(self.regex.search, text, pos, endpos)
            m = self._timed(self.regex.search, text, pos, window_end + LOOKAHEAD)
            if m is None or m.start() >= window_end:
                pos = window_end  # the next window sees these starts with their full lookahead
                continue
            # The window hid the text after it: take the match at this start against all of it.
            whole = self._timed(self.regex.match, text, m.start(), endpos)
            if whole is not None:
                return whole
            pos = m.start() + 1
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, overlapped: bool = False):
        """Like ``regex``'s finditer (including ``overlapped``), each match under its own limit.

        regex's scanner is fast but its clock runs from its start, counting the whole scan and
        the caller's work between matches; when it runs out, the next match is looked for with a
        search of its own, and only a search that runs out on its own stops the rule."""
        endpos = _end(text, endpos)
        if overlapped:
            yield from self._overlapped(text, pos, endpos)
            return
        skip = False  # a fresh scanner at an empty match finds that match first: drop it
        while True:
            last = None
            try:
                for m in self.regex.finditer(text, pos, endpos, timeout=PATTERN_TIMEOUT):
                    last = m
                    if skip:
                        skip = False
                        continue
                    yield m
                return
            except TimeoutError:
                pass
            m = self._next_after(text, last, pos, skip, endpos)
            if m is None:
                return
            yield m
            pos, skip = m.end(), m.end() == m.start()

    def _next_after(self, text: str, last, pos: int, skip: bool, endpos: int):
        """The match after ``last`` (None: the first from ``pos``, or the one after the empty
        match at ``pos`` when ``skip``), found by searches with their own limit."""
        if last is not None:
            pos, skip = last.end(), last.end() == last.start()
        if not skip:
            return self.search(text, pos, endpos)
        # After an empty match a non-empty one may start at the same place (as in re).
        again = self._nonempty_at(text, pos, endpos)
        return again if again is not None else self.search(text, pos + 1, endpos)

    def _overlapped(self, text: str, pos: int, endpos: int):
        """Each match starts one character after the last one's start."""
        while pos <= endpos:
            m = self.search(text, pos, endpos)
            if m is None:
                return
            yield m
            pos = m.start() + 1

    def _nonempty_at(self, text: str, pos: int, endpos: int):
        """regex's own answer: a scanner's second match at ``pos`` must not be empty there."""
        try:
            scanner = self.regex.scanner(text, pos, endpos, timeout=PATTERN_TIMEOUT)
            scanner.match()
            return scanner.match()
        except TimeoutError:
            raise PatternTimeout(self) from None


def _end(text: str, endpos: int | None) -> int:
    return len(text) if endpos is None else min(endpos, len(text))


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


def _user(pattern) -> UserPattern:
    return pattern if isinstance(pattern, UserPattern) else UserPattern(pattern)


def finditer(pattern, text: str, pos: int = 0, endpos: int | None = None):
    """``pattern.finditer`` under the limit, for a UserPattern or a bare compiled pattern."""
    return _user(pattern).finditer(text, pos, endpos)


def search(pattern, text: str, pos: int = 0, endpos: int | None = None):
    return _user(pattern).search(text, pos, endpos)
