"""The literal words a pattern cannot match without: what the matching plan scans for.

``required(source)`` reads a pattern's source (the ``regex`` package's syntax) and returns a set of
lower-case strings such that every match of the pattern contains at least one of them, or None when
no such set can be found (a pattern of classes only, ``\\p{Lu}+``). It is conservative: whatever it
does not understand makes it answer None, so a rule is never skipped wrongly, only left unindexed.
"""
from __future__ import annotations

# Escapes that stand for one literal character.
_LITERAL_ESCAPES = set(".^$*+?()[]{}|\\/-'\"#&~%@!:;,<>= \t")
# Escapes that match nothing (zero width): they end a literal run but require nothing.
_ZERO_WIDTH_ESCAPES = set("bBAZGmM")
_MIN_LENGTH = 2  # shorter literals are in nearly every text: not worth indexing


class _Unknown(Exception):
    """A construct the reader does not understand: no requirement can be claimed."""


def required(source: str) -> frozenset[str] | None:
    try:
        req, _ = _alternation(source, 0, top=True)
    except (_Unknown, IndexError):
        return None
    if req is None or any(len(lit) < _MIN_LENGTH for lit in req):
        return None
    return frozenset(req)


def _alternation(src: str, i: int, top: bool = False):
    """Alternatives from ``i`` up to the closing ``)`` (or the end at top level): the union of
    each alternative's requirement, or None if one alternative has none."""
    union: set[str] = set()
    missing = False
    while True:
        req, i = _sequence(src, i)
        if req is None:
            missing = True
        else:
            union |= req
        if i >= len(src):
            if not top:
                raise _Unknown("unclosed group")
            return (None if missing else union), i
        if src[i] == "|":
            i += 1
            continue
        if src[i] == ")":
            if top:
                raise _Unknown("unbalanced )")
            return (None if missing else union), i
        raise _Unknown(src[i])


def _sequence(src: str, i: int):
    """One alternative: the best requirement among its mandatory parts."""
    best: set[str] | None = None
    run: list[str] = []

    def close_run():
        nonlocal best, run
        if run:
            best = _better(best, {"".join(run).lower()})
        run = []

    while i < len(src) and src[i] not in "|)":
        ch = src[i]
        if ch == "\\":
            kind, value, i = _escape(src, i)
            if kind == "literal":
                i = _append_or_quantify(src, i, run, value, close_run)
                continue
            close_run()
            i = _skip_quantifier(src, i)[0]
            continue
        if ch == "[":
            close_run()
            i = _skip_quantifier(src, _class_end(src, i))[0]
            continue
        if ch == "(":
            close_run()
            req, i = _group(src, i)
            i, optional = _skip_quantifier(src, i)
            if req is not None and not optional:
                best = _better(best, req)
            continue
        if ch in ".^$":
            close_run()
            i = _skip_quantifier(src, i + 1)[0]
            continue
        if ch in "*+?{":
            raise _Unknown("quantifier without an item")
        i = _append_or_quantify(src, i + 1, run, ch, close_run)
    close_run()
    return best, i


def _append_or_quantify(src: str, i: int, run: list, ch: str, close_run) -> int:
    """Add ``ch`` (just read, ``i`` is past it) to the run unless a quantifier makes it optional
    or repeats it; either way a quantifier ends the run."""
    j, optional = _skip_quantifier(src, i)
    if j == i:
        run.append(ch)
        return i
    if not optional:
        run.append(ch)  # "a+" still needs one "a"
    close_run()
    return j


def _skip_quantifier(src: str, i: int) -> tuple[int, bool]:
    """Past a quantifier at ``i`` (and its lazy/possessive mark); whether it allows zero."""
    if i >= len(src):
        return i, False
    ch = src[i]
    if ch in "*?":
        optional, i = True, i + 1
    elif ch == "+":
        optional, i = False, i + 1
    elif ch == "{":
        end = src.find("}", i)
        if end < 0:
            raise _Unknown("{")
        body = src[i + 1:end]
        low = body.split(",")[0].strip()
        if not low.isdigit() and low != "":
            raise _Unknown("{" + body + "}")
        optional, i = (low in ("", "0")), end + 1
    else:
        return i, False
    if i < len(src) and src[i] in "?+":
        i += 1
    return i, optional


def _escape(src: str, i: int):
    ch = src[i + 1]
    if ch in _LITERAL_ESCAPES:
        return "literal", ch, i + 2
    if ch in _ZERO_WIDTH_ESCAPES:
        return "zero", None, i + 2
    if ch in "pPN" and i + 2 < len(src) and src[i + 2] == "{":
        end = src.find("}", i)
        if end < 0:
            raise _Unknown("\\p{")
        return "class", None, end + 1
    if ch in "sSdDwWhHvVX":
        return "class", None, i + 2
    if ch in "tnr":
        return "class", None, i + 2  # a tab or a line end: no need to index it
    raise _Unknown("\\" + ch)  # back-references, \x.., \u...: not read


def _class_end(src: str, i: int) -> int:
    """Past a character class that starts at ``i`` (nested classes and escapes included)."""
    depth = 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            depth += 1
            if src.startswith("[^", i):
                i += 1
            if i + 1 < len(src) and src[i + 1] == "]":
                i += 1  # a "]" right after the opening is a literal
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise _Unknown("unclosed [")


def _group(src: str, i: int):
    """A group at ``i``: its requirement (None for a lookaround: it consumes nothing) and the
    position past its ``)``."""
    j = i + 1
    lookaround = False
    if src.startswith("?", j):
        if src.startswith(("?=", "?!"), j):
            lookaround, j = True, j + 2
        elif src.startswith(("?<=", "?<!"), j):
            lookaround, j = True, j + 3
        elif src.startswith("?:", j):
            j += 2
        elif src.startswith(("?P<", "?<"), j) and not src.startswith(("?<=", "?<!"), j):
            j = src.index(">", j) + 1
        elif src.startswith("?>", j):
            j += 2
        else:  # inline flags: (?i) (?i:...) (?-i:...)
            k = j + 1
            while k < len(src) and (src[k].isalpha() or src[k] == "-"):
                k += 1
            if k < len(src) and src[k] == ")":
                return None, k + 1  # (?i) applies to the rest: matching lower-cases anyway
            if k < len(src) and src[k] == ":":
                j = k + 1
            else:
                raise _Unknown("(?" + src[j + 1:k + 1])
    req, end = _alternation(src, j)
    return (None if lookaround else req), end + 1


def _better(current: set[str] | None, candidate: set[str]) -> set[str]:
    """The more selective requirement: the one whose shortest literal is longer."""
    if current is None:
        return candidate
    return candidate if min(map(len, candidate)) > min(map(len, current)) else current
