"""repetition: the same token twice in a row ("yang yang", "di di").

Reported over both copies, with one copy as the fix. ``alpha`` counts only tokens made of
letters; ``exceptions`` lists tokens that may legitimately repeat.
"""
from __future__ import annotations

from newslint.checks import Check, Hit
from newslint.patterns import finditer


class Repetition(Check):
    keys = {
        "tokens": ("list", "patterns that make a token"),
        "ignorecase": ("bool", "compare regardless of case"),
        "alpha": ("bool", "only tokens made entirely of letters"),
        "exceptions": ("list", "tokens that may repeat"),
    }
    required = ("tokens",)

    def compile(self):
        rule = self.rule
        self.regex = rule.alternation(rule.option("tokens"), "tokens")
        self.except_re = self.exceptions()
        self.alpha = rule.option("alpha", False)
        self.ignorecase = rule.option("ignorecase", False)

    def find(self, doc):
        text = doc.norm
        for unit in doc.units(self.rule.scope):
            previous = None
            for m in finditer(self.regex, text, unit.start, unit.end):
                token = m.group()
                if not token or (self.alpha and not token.isalpha()):
                    previous = None
                    continue
                key = token.lower() if self.ignorecase else token
                # Only spaces between the two copies: not "yang, yang", and not across a line
                # break (a heading, a caption or "Advertisement" printed on the next line).
                gap = text[previous[1]:m.start()] if previous is not None else None
                if previous is not None and previous[0] == key and not gap.strip(" "):
                    if self.except_re is None or not self.except_re.fullmatch(token):
                        first = doc.text[previous[2]:previous[1]]
                        yield Hit(previous[2], m.end(), (doc.text[m.start():m.end()],), (first,), first)
                previous = (key, m.end(), m.start())
