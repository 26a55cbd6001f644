"""Sentence boundaries for news text.

A sentence ends at ". ! ? ..." (with any closing quotes or brackets after it) when the next word
starts a new sentence (a capital, a digit or an opening quote), unless the word before the stop is
one of the language pack's abbreviations ("dr.", "Jl.", "No."; ``_sentences.yml``), an initial
("H.") or a word with a dot inside ("a.n."). A line break inside a paragraph ends a
sentence when the line ends with a stop or the next line starts like a sentence: scraped articles
put headlines, captions and bylines on lines of their own without a full stop.
"""
from __future__ import annotations

import regex

_STOP = regex.compile(r"""[.!?…]+["'”’»)\]]*(?=\s)""")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)$")
_SENTENCE_START = regex.compile(r"""\s*["'“‘«(\[]?[\p{Lu}\p{N}]""")


def _ends_with_abbreviation(text: str, stop_at: int, abbreviations) -> bool:
    m = _WORD_BEFORE.search(text, max(0, stop_at - 12), stop_at)
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if len(word) == 1:  # an initial: "H. Agus", "M. Yamin"
        return True
    return word in abbreviations or "." in word  # "a.n", "S.H", "U.S"


def split_sentences(text: str, start: int, end: int, abbreviations=frozenset()) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph), whitespace trimmed.
    ``abbreviations``: lower-case words, without the dot, after which a full stop goes on."""
    cuts = []
    for m in _STOP.finditer(text, start, end):
        if m.group()[0] == "." and _ends_with_abbreviation(text, m.start(), abbreviations):
            continue
        if _SENTENCE_START.match(text, m.end(), end) or text.find("\n", m.end(), m.end() + 2) != -1:
            cuts.append(m.end())
    # Line breaks inside the paragraph.
    pos = text.find("\n", start, end)
    while pos != -1:
        if _SENTENCE_START.match(text, pos + 1, end):
            cuts.append(pos)
        pos = text.find("\n", pos + 1, end)
    spans, begin = [], start
    for cut in sorted(set(cuts)):
        spans.append((begin, cut))
        begin = cut
    spans.append((begin, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out
