"""conditional: when ``first`` appears, ``second`` must too.

If ``second`` has a capture group, each text captured by ``first``'s group must also be captured
by ``second`` somewhere in the scope unit (an acronym must be spelled out). Otherwise ``second``
merely has to occur. %s is the text captured by ``first`` (or its whole match).
"""
from __future__ import annotations

from newslint.checks import Check, Hit


class Conditional(Check):
    keys = {
        "first": ("str", "the pattern that sets the condition"),
        "second": ("str", "the pattern that must then be present"),
        "ignorecase": ("bool", "match regardless of case"),
        "exceptions": ("list", "captures of 'first' that need nothing"),
    }
    required = ("first", "second")

    def compile(self):
        self.first = self.rule.pattern(self.rule.option("first"), "first")
        self.second = self.rule.pattern(self.rule.option("second"), "second")
        self.except_re = self.exceptions()

    def find(self, doc):
        for _, (firsts, seconds) in self.matches_by_unit(doc, self.first, self.second):
            satisfied = {m.group(1) for m in seconds} if self.second.groups else None
            for m in firsts:
                key = m.group(1) if self.first.groups else m.group()
                if self.except_re is not None and self.except_re.fullmatch(key):
                    continue
                if satisfied is None and seconds:
                    continue
                if satisfied is not None and key in satisfied:
                    continue
                yield Hit(m.start(), m.end(), (key,))
