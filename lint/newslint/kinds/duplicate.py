"""duplicate: a line or sentence printed twice in one article (a caption under a photo and again
below it, the lede repeated after the dateline "TRIBUNNEWS.COM - ").

Copies are compared after ``prefixes`` (datelines, widget labels) are stripped, case is folded,
quotes are unified and spaces collapsed. Units shorter than ``min_length`` characters are left to
other rules: a short line ("Advertisement", "Foto: Antara") repeats legitimately or is boilerplate,
and so do formulaic sentences in a round-up ("Postingan itu beredar sejak pekan lalu."), hence the
separate ``min_sentence_length``. Lines matching ``skip`` (list items) are never compared.
The later copy is reported, with the line of the first as the message's %s.
"""
from __future__ import annotations

import regex

from newslint.checks import Check, Hit

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'"})
_SPACES = regex.compile(r"\s+")
_EDGES = " \t\"'.,;:!?-–—()[]"


class Duplicate(Check):
    keys = {
        "min_length": ("int", "shortest line (in characters, after normalising) worth reporting"),
        "min_sentence_length": ("int", "shortest sentence inside a longer line worth reporting"),
        "skip": ("list", "lines that start like this are never compared (list items repeat legitimately)"),
        "prefixes": ("list", "patterns stripped from the start of a unit before comparing"),
    }

    def compile(self):
        rule = self.rule
        self.min_length = rule.option("min_length", 30)
        self.min_sentence_length = rule.option("min_sentence_length", self.min_length)
        skip = rule.option("skip") or []
        self.skip = rule.alternation(skip, "skip") if skip else None
        prefixes = rule.option("prefixes") or []
        self.prefix = rule.alternation(prefixes, "prefixes") if prefixes else None

    def key(self, text: str) -> tuple[str, int]:
        """The comparable form of a unit, and how many characters the prefix took."""
        skipped = 0
        if self.prefix is not None:
            m = self.prefix.match(text)
            if m:
                skipped = m.end()
                text = text[skipped:]
        text = _SPACES.sub(" ", text.translate(_QUOTES)).strip(_EDGES).casefold()
        return text, skipped

    def find(self, doc):
        first_line: dict[str, int] = {}  # comparable text -> line of its first copy
        sentences = iter(doc.sentences)
        sentence = next(sentences, None)
        for n, line in enumerate(doc.lines, 1):
            # The sentences that start on this line.
            mine = []
            while sentence is not None and sentence.start < line.end + 1:
                if sentence.start >= line.start:
                    mine.append(sentence)
                sentence = next(sentences, None)
            text = doc.norm[line.start:line.end]
            if self.skip is not None and self.skip.match(text.lstrip()):
                continue
            key, skipped = self.key(text)
            if len(key) >= self.min_length and first_line.get(key, n) != n:
                yield Hit(line.start + skipped, line.end, (first_line[key],))
                continue
            if len(key) >= self.min_length:
                first_line.setdefault(key, n)
            # Sentences repeated inside a longer line: one finding per line, over the repeats.
            repeats, earliest = [], None
            for s in mine:
                skey, sskip = self.key(doc.norm[s.start:s.end])
                if len(skey) < self.min_sentence_length:
                    continue
                seen = first_line.setdefault(skey, n)
                if seen != n:
                    repeats.append((s.start + sskip, s.end))
                    earliest = seen if earliest is None else min(earliest, seen)
            if repeats:
                yield Hit(repeats[0][0], repeats[-1][1], (earliest,))
