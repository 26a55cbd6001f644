"""The matching plan: one scan of the article tells which rules can fire at all.

Every indexed rule has trigger words, literals one of which each of its matches contains (read
from its pattern by ``newslint.literals``, or declared by its check kind through ``triggers()``).
All trigger words of all rules go into one Aho-Corasick automaton; one pass over the article's
lower-cased text finds the words present, and only the rules with a trigger among them run. A rule
without triggers (its pattern is all classes, or its kind looks at the whole article) is unindexed
and always runs. So the cost of the lexicon grows with the text, not with the number of rules.
"""
from __future__ import annotations

from newslint.literals import required

# Built-in kinds whose every hit is a match of the check's `regex`.
_PATTERN_KINDS = ("existence", "substitution")


def triggers(check) -> frozenset[str] | None:
    """The rule's trigger words, or None when it must always run."""
    declared = getattr(check, "triggers", None)
    if callable(declared):
        words = declared()
        if words is not None:
            return frozenset(w.lower() for w in words)
    if check.rule.extends in _PATTERN_KINDS:
        regex = getattr(check, "regex", None)
        source = getattr(regex, "pattern", None) or getattr(regex, "source", None)
        if isinstance(source, str):
            return required(source)
    return None


class Plan:
    def __init__(self, checks):
        import ahocorasick

        self.checks = list(checks)
        self.unindexed = []
        self.automaton = ahocorasick.Automaton()
        by_word: dict[str, list[int]] = {}
        for i, check in enumerate(self.checks):
            words = triggers(check)
            if not words:
                self.unindexed.append(i)
                continue
            for word in words:
                by_word.setdefault(word, []).append(i)
        for word, rules in by_word.items():
            self.automaton.add_word(word, tuple(rules))
        self.indexed = bool(by_word)
        if self.indexed:
            self.automaton.make_automaton()

    def runnable(self, text: str) -> list:
        """The checks that can fire on ``text`` (the Document's ``norm``), in their order."""
        chosen = set(self.unindexed)
        if self.indexed:
            for _, rules in self.automaton.iter(text.lower()):
                chosen.update(rules)
        return [self.checks[i] for i in sorted(chosen)]


_PLANS: dict[tuple, tuple[list, Plan]] = {}


def plan_for(checks) -> Plan:
    """The plan for this list of checks, built once per distinct list of check objects."""
    key = tuple(id(c) for c in checks)
    entry = _PLANS.get(key)
    if entry is None or any(a is not b for a, b in zip(entry[0], checks)):
        if len(_PLANS) > 16:
            _PLANS.clear()
        entry = _PLANS[key] = (list(checks), Plan(checks))
    return entry[1]
