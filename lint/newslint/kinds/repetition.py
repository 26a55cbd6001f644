"""repetition: the same token, or the same run of tokens, twice in a row ("yang yang", "di setiap
di setiap").

Reported over both copies. ``alpha`` counts only tokens made of letters; ``exceptions`` lists
tokens that may legitimately repeat. By default (Vale's behaviour) the fix keeps one copy. A
language whose repeated words are mostly reduplications written without their hyphen names the
words that are only ever a slip under ``drop`` and sets ``join``: a repeat of a ``drop`` word (or a
run holding one) keeps one copy; any other single word is offered joined ("pulau-pulau"), as an
unsafe fix, with one copy as the second suggestion.
"""
from __future__ import annotations

from dataclasses import dataclass

from newslint.checks import Check, Hit, format_message


@dataclass(frozen=True)
class Token:
    key: str  # compared form
    start: int
    end: int


class Repetition(Check):
    keys = {
        "tokens": ("list", "patterns that make a token"),
        "ignorecase": ("bool", "compare regardless of case"),
        "alpha": ("bool", "only tokens made entirely of letters"),
        "exceptions": ("list", "tokens that may repeat"),
        "max_tokens": ("int", "longest run of tokens that is compared with the run after it (default 1)"),
        "drop": ("list", "tokens whose repeat is always a slip: the fix keeps one copy"),
        "join": ("str", "other single tokens are offered joined with this (unsafe fix), one copy second"),
        "message_join": ("str", "message for a repeat offered joined: %s the token, %s the joined form"),
    }
    required = ("tokens",)

    def compile(self):
        rule = self.rule
        self.regex = rule.alternation(rule.option("tokens"), "tokens")
        self.except_re = self.exceptions()
        self.alpha = rule.option("alpha", False)
        self.ignorecase = rule.option("ignorecase", False)
        self.max_tokens = rule.option("max_tokens", 1)
        if self.max_tokens < 1:
            raise rule.error("max_tokens must be 1 or more", "max_tokens")
        drop = rule.option("drop")
        self.drop_re = rule.alternation(drop, "drop", ignorecase=True) if drop else None
        self.join = rule.option("join")

    def find(self, doc):
        for _, (tokens,) in self.matches_by_unit(doc, self.regex):
            for run in self._runs(doc, tokens):
                yield from self._repeats(doc, run)

    def _runs(self, doc, tokens):
        """Tokens (matches in one unit) in stretches separated only by spaces: not "yang, yang",
        and not across a line break (a heading, a caption or "Advertisement" printed on the next line)."""
        text, run = doc.norm, []
        for m in tokens:
            token = m.group()
            if not token or (self.alpha and not token.isalpha()):
                yield run
                run = []
                continue
            if run and text[run[-1].end:m.start()].strip(" "):
                yield run
                run = []
            run.append(Token(token.lower() if self.ignorecase else token, m.start(), m.end()))
        yield run

    def _repeats(self, doc, run):
        i = 0
        while i < len(run):
            n = self._repeat_length(doc, run, i)
            if n:
                yield self._hit(doc, run[i:i + n], run[i + n:i + 2 * n])
                i += 2 * n
            else:
                i += 1

    def _repeat_length(self, doc, run, i) -> int:
        """The shortest n for which the n tokens from ``i`` are printed again right after them."""
        for n in range(1, self.max_tokens + 1):
            first, second = run[i:i + n], run[i + n:i + 2 * n]
            if len(second) < n or [t.key for t in first] != [t.key for t in second]:
                continue
            if self.except_re is not None and self._excepted(doc, second):
                continue
            return n
        return 0

    def _excepted(self, doc, copy) -> bool:
        """A single token the exceptions allow; a longer run only when they allow every token
        (a chant of interjections)."""
        return all(self.except_re.fullmatch(doc.norm[t.start:t.end]) for t in copy)

    def _hit(self, doc, first, second):
        start, end = first[0].start, second[-1].end
        one = doc.text[start:first[-1].end]
        repeated = doc.text[second[0].start:end]
        if self.join is not None and not self._has_drop_word(doc, first):
            if len(first) == 1:
                joined = one + self.join + repeated
                message = self.rule.option("message_join")
                message = format_message(message, (repeated, joined)) if message else None
                return Hit(start, end, (repeated,), (joined, one), joined, message, "unsafe")
            return Hit(start, end, (repeated,), (one,), one, None, "unsafe")
        return Hit(start, end, (repeated,), (one,), one)

    def _has_drop_word(self, doc, tokens) -> bool:
        return self.drop_re is not None and any(self.drop_re.fullmatch(doc.norm[t.start:t.end]) for t in tokens)
