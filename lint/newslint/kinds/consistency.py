"""consistency: ``either`` pairs two spellings; an article should use one of them.

When both appear, each use of the less frequent one is reported with the other as the fix (on a
tie, the spelling that appears second). %s is the spelling found.
"""
from __future__ import annotations

from newslint.checks import Check, Hit
from newslint.patterns import words


class Consistency(Check):
    keys = {
        "either": ("map", "one spelling pattern -> the other"),
        "ignorecase": ("bool", "match regardless of case"),
        "nonword": ("bool", "do not require word boundaries"),
    }
    required = ("either",)

    def compile(self):
        rule = self.rule
        nonword = rule.option("nonword", False)
        self.pairs = []
        for first, second in rule.option("either").items():
            a = rule.pattern(words([first], nonword), "either", first)
            b = rule.pattern(words([second], nonword), "either", first)
            self.pairs.append((a, b))

    def find(self, doc):
        for a, b in self.pairs:
            for _, (found_a, found_b) in self.matches_by_unit(doc, a, b):
                if not found_a or not found_b:
                    continue
                if len(found_a) != len(found_b):
                    minority, majority = (found_a, found_b) if len(found_a) < len(found_b) else (found_b, found_a)
                else:  # tie: the form that came second is the stray one
                    minority, majority = (found_b, found_a) if found_a[0].start() < found_b[0].start() else (found_a, found_b)
                preferred = doc.text[majority[0].start():majority[0].end()]
                for m in minority:
                    yield Hit(m.start(), m.end(), (doc.text[m.start():m.end()],), (preferred,), preferred)
