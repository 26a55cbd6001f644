"""duplicate: a line or sentence printed twice in one article (a caption under a photo and again
below it, the lede repeated after the dateline "TRIBUNNEWS.COM - ").

Copies are compared after ``prefixes`` (datelines, widget labels) are stripped, case is folded,
quotes are unified and spaces collapsed. Units shorter than ``min_length`` characters are left to
other rules: a short line ("Advertisement", "Foto: Antara") repeats legitimately or is boilerplate,
and so do formulaic sentences in a round-up ("Postingan itu beredar sejak pekan lalu."), hence the
separate ``min_sentence_length``. Lines matching ``skip`` (list items) are never compared.
The later copy is reported, with the line of the first as the message's %s.

With ``similarity`` the rule looks for the same passage said again in other words instead (a quote
translated twice). Passages (the first group of a ``passages`` pattern, such as quotations; or
sentences) of at least ``min_words`` words are compared as word sequences; a later passage whose
similarity to an earlier one on another line reaches ``similarity`` percent is reported when the
two differ by a word replaced (not only by words added: that is a copy with more around it) and
carry the same numbers and names (a round-up repeats a formula with other figures or other names:
"11 tahun" then "14 tahun", "Bank A" then "Bank B").
"""
from __future__ import annotations

from difflib import SequenceMatcher

import regex

from newslint.checks import Check, Hit

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'"})
_SPACES = regex.compile(r"\s+")
_EDGES = " \t\"'.,;:!?-–—()[]"
_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")


class Duplicate(Check):
    keys = {
        "min_length": ("int", "shortest line (in characters, after normalising) worth reporting"),
        "min_sentence_length": ("int", "shortest sentence inside a longer line worth reporting"),
        "skip": ("list", "lines that start like this are never compared (list items repeat legitimately)"),
        "prefixes": ("list", "patterns stripped from the start of a unit before comparing"),
        "similarity": ("int", "percent: report passages this similar to an earlier one, not exact copies"),
        "passages": ("list", "with similarity: patterns whose first group (or whole match) is a passage; default sentences"),
        "min_words": ("int", "with similarity: shortest passage worth comparing, in words (default 8)"),
    }

    def compile(self):
        rule = self.rule
        self.min_length = rule.option("min_length", 30)
        self.min_sentence_length = rule.option("min_sentence_length", self.min_length)
        skip = rule.option("skip") or []
        self.skip = rule.alternation(skip, "skip") if skip else None
        prefixes = rule.option("prefixes") or []
        self.prefix = rule.alternation(prefixes, "prefixes") if prefixes else None
        self.similarity = rule.option("similarity")
        if self.similarity is not None and not 0 < self.similarity <= 100:
            raise rule.error("similarity is a percentage, 1 to 100", "similarity")
        self.min_words = rule.option("min_words", 8)
        self.passages = [rule.pattern(p, "passages") for p in rule.option("passages") or []]

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
        if self.similarity is not None:
            yield from self.find_similar(doc)
            return
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

    # Similarity mode: the same passage in other words.
    def passage_spans(self, doc) -> list[tuple[int, int]]:
        if not self.passages:
            return [(s.start, s.end) for s in doc.sentences]
        spans = set()
        for pattern in self.passages:
            for m in pattern.finditer(doc.norm):
                group = 1 if m.re.groups else 0
                if m.end(group) > m.start(group):
                    spans.add((m.start(group), m.end(group)))
        return sorted(spans)

    def find_similar(self, doc):
        # The passages seen so far, (line, words, set of words, numbers and names), grouped by their
        # numbers and names (a retelling keeps them all) and once per wording (a copy of a passage
        # says nothing new): a long text compares each passage with few others, not with all.
        earlier: dict[frozenset, dict[tuple, tuple]] = {}
        for start, end in self.passage_spans(doc):
            original = _WORD.findall(doc.norm, start, end)
            if len(original) < self.min_words:
                continue
            words = [w.casefold() for w in original]
            line = doc.position(start)[0]
            facts = _numbers_and_names(original)
            passage = (line, words, set(words), facts)
            group = earlier.setdefault(facts, {})
            match = next((e for e in group.values() if self.retells(e, passage)), None)
            if match is not None:
                yield Hit(start, end, (match[0],))
            group.setdefault(tuple(words), passage)

    def retells(self, first, later) -> bool:
        """Whether ``later`` says ``first`` again in other words."""
        line0, words0, set0, facts0 = first
        line, words, set1, facts = later
        if line0 == line or words0 == words or facts0 != facts:
            return False
        if len(set0 & set1) * 2 < min(len(set0), len(set1)):  # cheap bound before aligning
            return False
        matcher = SequenceMatcher(None, words0, words, autojunk=False)
        if matcher.ratio() * 100 < self.similarity:
            return False
        return any(op == "replace" for op, *_ in matcher.get_opcodes())


def _numbers_and_names(words: list[str]) -> frozenset[str]:
    """The figures and capitalised words of a passage (its first word aside, capitalised anyway)."""
    return frozenset(w.casefold() for i, w in enumerate(words) if w[0].isdigit() or (i and w[0].isupper()))
