"""occurrence: ``token`` may appear at most ``max`` (or at least ``min``) times per scope unit.

Too many: reported at the first occurrence past ``max``. Too few: reported over the unit.
The message's %s / %d is the count.
"""
from __future__ import annotations

from newslint.checks import Check, Hit


class Occurrence(Check):
    keys = {
        "token": ("str", "the pattern to count"),
        "max": ("int", "most occurrences allowed per scope unit"),
        "min": ("int", "fewest occurrences allowed per scope unit"),
        "ignorecase": ("bool", "match regardless of case"),
    }
    required = ("token",)

    def compile(self):
        rule = self.rule
        if rule.option("max") is None and rule.option("min") is None:
            raise rule.error("extends: occurrence needs 'max' or 'min'", "extends")
        self.regex = rule.pattern(rule.option("token"), "token")
        self.max, self.min = rule.option("max"), rule.option("min")

    def find(self, doc):
        for unit, (found,) in self.matches_by_unit(doc, self.regex):
            matches = [m for m in found if m.end() > m.start()]
            if self.max is not None and len(matches) > self.max:
                m = matches[self.max]
                yield Hit(m.start(), m.end(), (len(matches),))
            if self.min is not None and len(matches) < self.min and unit.end > unit.start:
                yield Hit(unit.start, unit.end, (len(matches),))
