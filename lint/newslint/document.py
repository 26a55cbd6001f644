"""The Document: one article's text, its lines, paragraphs and sentences, and offset -> position.

Every span is a pair of code-point offsets into ``text``. Checks match against ``norm``, which is
``text`` with every Unicode space (U+00A0, U+2009, tabs, ...) replaced by a plain space one for
one, so a rule written with " " matches "Presiden\u00a0Korea" and every offset still points into
the original text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from newslint.sentences import split_sentences

# Whitespace other than "\n" that real articles put between words, and the zero-width space
# (U+200B) and byte-order mark (U+FEFF) that scraping leaves between them: mapped 1:1 to " ", so
# "Benggala\u200bBarat" is still "Benggala Barat" to the checks (Indonesian.InvisibleCharacter
# reports the character itself).
_SPACES = "\u200b\ufeff\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_TO_SPACE = str.maketrans({ch: " " for ch in _SPACES})
_BREAK = re.compile(r"\r\n?|\n")
_LONE_CR = re.compile(r"\r(?!\n)")


def line_starts(text: str) -> list[int]:
    """The offset where each line starts. A line ends at "\n", "\r\n" or a lone "\r" (old Mac
    files): as every editor counts lines, so that positions match what the user sees."""
    if "\r" not in text:
        return newline_starts(text)
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def newline_starts(text: str) -> list[int]:
    """The offset after each "\n" (and 0): lines as Python's html.parser counts them."""
    starts = [0]
    i = text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their line ends (as :func:`line_starts` counts them)."""
    return _BREAK.split(text)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Document:
    path: str
    text: str
    meta: dict = field(default_factory=dict)
    # Words after which a full stop does not end a sentence ("dr", "jl"): the language pack's.
    abbreviations: frozenset = frozenset()

    def __post_init__(self):
        # A lone "\r" ends a line: the checks see it as "\n"; the "\r" of "\r\n" as a space.
        text = _LONE_CR.sub("\n", self.text) if "\r" in self.text else self.text
        self.norm = text.translate(_TO_SPACE)
        self._line_starts = line_starts(self.text)
        self._unit_starts: dict[str, list[int]] = {}
        self._shared: dict[tuple, tuple[tuple, object]] = {}

    # -- positions -------------------------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of the character at ``offset``."""
        line = bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def span_position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column); the end points just past the last character."""
        line, col = self.position(start)
        if end <= start:
            return line, col, line, col
        end_line, end_col = self.position(end - 1)
        return line, col, end_line, end_col + 1

    # -- analyses shared by the checks -------------------------------------------------------
    def shared(self, compute, *inputs):
        """``compute(self, *inputs)``, computed once for this Document and shared by every check
        that asks with the same function and the same input objects (a language's date table,
        its lexicon): the date rules find the dates once, the language rules the quotations once.
        Inputs are compared by identity, so an unhashable table is a key too."""
        key = (id(compute), *map(id, inputs))
        entry = self._shared.get(key)
        if entry is None:  # the entry holds the function and inputs, so their ids stay theirs
            entry = self._shared[key] = ((compute, *inputs), compute(self, *inputs))
        return entry[1]

    # -- structure -------------------------------------------------------------------------
    @cached_property
    def lines(self) -> list[Span]:
        """Each line without its line break (and without a "\r" before it)."""
        spans = []
        starts = self._line_starts
        for n, start in enumerate(starts):
            end = starts[n + 1] - 1 if n + 1 < len(starts) else len(self.text)
            if end > start and self.text[end - 1] == "\r":
                end -= 1
            spans.append(Span(start, end))
        return spans

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Runs of non-blank lines, separated by blank lines (as Vale reads plain text)."""
        paras, start, end = [], None, None
        for line in self.lines:
            if self.norm[line.start:line.end].strip():
                if start is None:
                    start = line.start
                end = line.end
            elif start is not None:
                paras.append(Span(start, end))
                start = None
        if start is not None:
            paras.append(Span(start, end))
        return paras

    @cached_property
    def sentences(self) -> list[Span]:
        out = []
        for para in self.paragraphs:
            for start, end in split_sentences(self.norm, para.start, para.end, self.abbreviations):
                out.append(Span(start, end))
        return out

    def units(self, scope: str) -> list[Span]:
        """The spans a rule's ``scope`` names."""
        if scope == "text":
            return [Span(0, len(self.text))]
        if scope == "paragraph":
            return self.paragraphs
        if scope == "sentence":
            return self.sentences
        if scope == "line":
            return self.lines
        raise ValueError(f"unknown scope {scope!r}")

    def enclosing(self, scope: str, offset: int) -> Span:
        """The unit of ``scope`` that holds ``offset`` (the whole text if none does)."""
        units = self.units(scope)
        starts = self._unit_starts.get(scope)
        if starts is None:
            starts = self._unit_starts[scope] = [u.start for u in units]
        i = bisect_right(starts, offset) - 1
        if i >= 0 and units[i].start <= offset < max(units[i].end, units[i].start + 1):
            return units[i]
        return Span(0, len(self.text))
