"""substitution: ``swap`` maps what was written (a pattern) to what to write instead.

The message's first %s is the suggestion, a second %s the text found. "a|b" on the right offers
several suggestions. A match that already reads as the suggestion is not reported.
"""
from __future__ import annotations

from newslint.checks import Check, Hit
from newslint.patterns import finditer, words


class Substitution(Check):
    keys = {
        "swap": ("map", "observed pattern -> expected text"),
        "ignorecase": ("bool", "match regardless of case"),
        "nonword": ("bool", "do not require word boundaries"),
        "exceptions": ("list", "matches equal to one of these are left alone"),
    }
    required = ("swap",)

    def compile(self):
        rule = self.rule
        swap = rule.option("swap")
        # Longest first, each in its own numbered group so we know which one matched.
        self.observed = sorted(swap, key=len, reverse=True)
        self.expected = [swap[k] for k in self.observed]
        # One numbered group per entry tells which matched, so an entry may not add groups of its own.
        template = words(["{}"], rule.option("nonword", False))
        self.regex = rule.alternation([f"({k})" for k in self.observed], "swap", keys=self.observed, template=template)
        if self.regex.groups != len(self.observed):
            for key in self.observed:
                if rule.pattern(key, "swap", key).groups:
                    raise rule.error(f"swap pattern {key!r} has a capture group; use (?:...)", "swap", key)
        self.except_re = self.exceptions()
        self.plain_suggest = rule.action.get("name") == "suggest"

    def find(self, doc):
        for unit in doc.units(self.rule.scope):
            yield from self._find(doc, unit.start, unit.end)

    def _find(self, doc, start, end):
        for m in finditer(self.regex, doc.norm, start, end):
            i = next(n for n in range(1, len(self.observed) + 1) if m.group(n) is not None)
            found = doc.text[m.start():m.end()]
            expected = self.expected[i - 1]
            options = tuple(s.strip() for s in expected.split("|"))
            if m.group() in options:
                continue
            if self.except_re is not None and self.except_re.fullmatch(m.group()):
                continue
            fix = options[0] if len(options) == 1 and not self.plain_suggest else None
            yield Hit(m.start(), m.end(), (" or ".join(options), found), options, fix)
