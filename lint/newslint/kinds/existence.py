"""existence: report every match of any of ``tokens`` (words) or ``raw`` (patterns).

An ``action`` replacement starts with a capital where the match opens a sentence."""
from __future__ import annotations

from newslint.checks import Check, Hit
from newslint.kinds.substitution import match_case
from newslint.patterns import words


class Existence(Check):
    keys = {
        "tokens": ("list", "words or patterns, matched as whole words"),
        "raw": ("list", "patterns, concatenated as they are"),
        "ignorecase": ("bool", "match regardless of case"),
        "nonword": ("bool", "do not require word boundaries around tokens"),
        "exceptions": ("list", "matches equal to one of these are left alone"),
    }

    def compile(self):
        rule = self.rule
        tokens, raw = rule.option("tokens"), rule.option("raw")
        if not tokens and not raw:
            raise rule.error("extends: existence needs 'tokens' or 'raw'", "extends")
        if tokens and raw:
            raise rule.error("use 'tokens' or 'raw', not both", "raw")
        if tokens:
            body = words(["{}"], rule.option("nonword", False))
            order = sorted(range(len(tokens)), key=lambda i: -len(tokens[i]))  # longest first
            self.regex = rule.alternation([tokens[i] for i in order], "tokens", keys=order, template=body)
        else:
            self.regex = rule.pattern("".join(raw), "raw")
        self.except_re = self.exceptions()
        self.suggestions, self.fix = self.action_suggestions()

    def find(self, doc):
        for m in self.matches(doc):
            if m.end() == m.start():
                continue
            if self.except_re is not None and self.except_re.fullmatch(m.group()):
                continue
            found = doc.text[m.start():m.end()]
            suggestions = tuple(match_case(doc.text, m.start(), m.end(), s) for s in self.suggestions)
            fix = match_case(doc.text, m.start(), m.end(), self.fix) if self.fix else self.fix
            yield Hit(m.start(), m.end(), (found,), suggestions, fix)
