"""substitution: ``swap`` maps what was written (a pattern) to what to write instead.

The message's first %s is the suggestion, a second %s the text found. "a|b" on the right offers
several suggestions. As in Vale, ``$1``, ``$2``... on the right are the texts the pattern's own
capture groups matched, so a suggestion is computed from the match ("0.79%" -> "0,79%"). A match
that already reads as the suggestion is not reported.
"""
from __future__ import annotations

import regex

from newslint.checks import Check, Hit
from newslint.patterns import words

_REFERENCE = regex.compile(r"\$(?:(\d)|\{(\d+)\})")
# Before a match that opens a sentence: nothing on the line, the end of a sentence, or an
# opening quote (a quoted sentence starts with a capital after "kata dia,").
_SENTENCE_START = regex.compile(r"(?:(?:\A|[.!?…][\"”’)\]]*\s)[\s\"“‘(\[]*|[“‘\"]\s*)\Z")


def match_case(text: str, start: int, end: int, replacement: str) -> str:
    """``replacement`` for ``text[start:end]``, starting with a capital where the match opens a
    sentence ("Pemilu paruh waktu" -> "Pemilu sela", not "pemilu sela"). Elsewhere a capital in
    the match is a name's or a title's, and the replacement is kept as written; so is one that
    only changes the case, which is the point of its rule."""
    found = text[start:end]
    if not (found[:1].isupper() and replacement[:1].islower()) or found.lower() == replacement.lower():
        return replacement
    line = text[text.rfind("\n", 0, start) + 1:start]
    return replacement[:1].upper() + replacement[1:] if _SENTENCE_START.search(line) else replacement


class Substitution(Check):
    keys = {
        "swap": ("map", "observed pattern -> expected text ($1, $2: the pattern's capture groups)"),
        "ignorecase": ("bool", "match regardless of case"),
        "nonword": ("bool", "do not require word boundaries"),
        "exceptions": ("list", "matches equal to one of these are left alone"),
    }
    required = ("swap",)

    def compile(self):
        rule = self.rule
        swap = rule.option("swap")
        # Longest first, each in its own numbered group so we know which one matched; an entry's
        # own groups are numbered after its outer group.
        self.observed = sorted(swap, key=len, reverse=True)
        self.expected = [swap[k] for k in self.observed]
        template = words(["{}"], rule.option("nonword", False))
        self.regex = rule.alternation([f"({k})" for k in self.observed], "swap", keys=self.observed, template=template,
                                      written=self.observed)
        self.outer = self._outer_groups()
        self.except_re = self.exceptions()
        self.plain_suggest = rule.action.get("name") == "suggest"

    def _outer_groups(self) -> list[int]:
        """The group number of each entry's outer group (entries without groups of their own:
        1, 2, 3...; only then are the entries compiled one by one to count theirs)."""
        if self.regex.groups == len(self.observed):
            return list(range(1, len(self.observed) + 1))
        numbers, n = [], 1
        for i, key in enumerate(self.observed):
            own = self.rule.pattern(key, "swap", key).groups
            if any(int(a or b) > own for a, b in _REFERENCE.findall(self.expected[i])):
                raise self.rule.error(f"swap {key!r}: the replacement names a group the pattern does not have", "swap", key)
            numbers.append(n)
            n += 1 + own
        return numbers

    def find(self, doc):
        for m in self.matches(doc):
            i = next(i for i, g in enumerate(self.outer) if m.group(g) is not None)
            found = doc.text[m.start():m.end()]
            options = tuple(match_case(doc.text, m.start(), m.end(), self._expand(doc.text, m, i, s.strip())) for s in self.expected[i].split("|"))
            if m.group() in options:
                continue
            if self.except_re is not None and self.except_re.fullmatch(m.group()):
                continue
            fix = options[0] if len(options) == 1 and not self.plain_suggest else None
            yield Hit(m.start(), m.end(), (" or ".join(options), found), options, fix)

    def _expand(self, text: str, m, i, expected: str) -> str:
        """``expected`` with ``$n`` replaced by what entry ``i``'s group n matched (in the
        original text, not the space-normalised one)."""
        def group(ref):
            g = self.outer[i] + int(ref.group(1) or ref.group(2))
            return text[m.start(g):m.end(g)] if m.start(g) >= 0 else ""
        return _REFERENCE.sub(group, expected)
