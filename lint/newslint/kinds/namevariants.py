"""name_variants: one name spelled two ways in one article, for any capitalised name (no table of
people needed): "Sheinbaum" and "Sheinbuam", "Los Angeles" and "Lo Angeles", "Raja Charles III"
and "Charles II".

Three shapes of variant are compared, each form against the others of the same article:

- **words**: two capitalised words of at least ``min_length`` letters, with the same first letter,
  one letter apart (a letter added, dropped or changed, or two letters swapped: optimal string
  alignment distance 1), or two letters apart in words of the same length from ``long_length``
  letters up. Candidate pairs come from an index of each word's one- and two-letter deletions, so
  the cost grows with the number of distinct words, not with its square.
- **pairs of words**: two capitalised words in a row where one word has lost or gained its last
  letter beside the same other word ("Lo Angeles" / "Los Angeles", "York Time" / "York Times"):
  short or common words are compared only this way, with the other word as the context.
- **regnal numbers**: a name with a Roman numeral ("Charles III" / "Charles II"), when the name is
  given a ruler's title (``regnal_titles``) somewhere in the article.

A form is reported at each of its occurrences when another form is used more often (at least
twice), with that majority as the fix (the rule decides how far it can be trusted). It is left
alone when it could be another name: a word that the frequency lists know (``languages``: the
lists' Zipf frequency from which a word exists; "Ivana" beside "Ivanka"), a word also written in
lower case in the article (a common word), a majority never capitalised inside a sentence (a
sentence-initial word), neighbouring name words that differ ("Fian Yunus" / "Dian Martin"), a
numbered name given its own ruler's title, named in one sentence with the other, or with a word
of ``distinct_words`` or a span of years in its sentence ("Paus Leo XIII" beside "Paus Leo XIV").
Words in ``titles`` are not names; a word ending in one of ``clitics`` ("Albanesenya") counts as
its base when the base is in the article too.
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

import regex

from newslint.checks import Check, Hit
from newslint.errors import RuleError
from newslint.knowledge.words import zipf
from newslint.yamlfile import read_mapping

# A capitalised word: a capital and lower-case letters, nothing glued to it (no letter, digit or
# apostrophe before; "JakartaPT" and "DiPermata" are glue, not names).
_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}_'’])\p{Lu}\p{Ll}[\p{Ll}\p{M}]*(?![\p{L}\p{M}\p{N}_])")
_ROMAN = r"(?=[IVXLC])(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_NUMBERED = regex.compile(rf"(?<![\p{{L}}\p{{M}}\p{{N}}_'’])(\p{{Lu}}\p{{Ll}}+) ({_ROMAN})(?![\p{{L}}\p{{M}}\p{{N}}_])")
_YEARS = regex.compile(r"\b1\d{3}\s*[-–]\s*(?:1\d|20)?\d{2}\b")
_LETTERS = regex.compile(r"[\p{L}\p{N}]")
_LOWER = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])\p{Ll}[\p{L}\p{M}]*")


@dataclass(frozen=True)
class NameTable:
    languages: dict  # language -> the Zipf frequency from which a word exists there
    min_length: int
    long_length: int
    titles: frozenset  # capitalised words that are not names (titles, articles)
    regnal_titles: tuple  # longest first
    distinct_words: frozenset  # casefolded
    clitics: tuple  # longest first


def load_names(path: str) -> NameTable:
    mapping, lines = read_mapping(path, RuleError)

    def words(key: str) -> list[str]:
        value = mapping.get(key) or []
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise RuleError(f"'{key}' must be a list of words", path, lines.get(key))
        return [w.strip() for w in value if w.strip()]

    def number(key: str, default: int) -> int:
        value = mapping.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 2:
            raise RuleError(f"'{key}' must be a whole number from 2", path, lines.get(key))
        return value

    languages = mapping.get("languages")
    if not isinstance(languages, dict) or not languages or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in languages.values()
    ):
        raise RuleError("'languages' must map languages to Zipf frequencies", path, lines.get("languages"))
    return NameTable(
        {str(k): float(v) for k, v in languages.items()},
        number("min_length", 5),
        number("long_length", 8),
        frozenset(words("titles")),
        tuple(sorted(words("regnal_titles"), key=len, reverse=True)),
        frozenset(w.casefold() for w in words("distinct_words")),
        tuple(sorted(words("clitics"), key=len, reverse=True)),
    )


def osa(a: str, b: str, bound: int) -> int:
    """Optimal string alignment distance (edits: add, drop or change a letter, swap two
    neighbours), or ``bound + 1`` once it is certain to exceed ``bound``."""
    if abs(len(a) - len(b)) > bound:
        return bound + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > bound:
            return bound + 1
        previous2, previous = previous, row
    return previous[-1]


def _deletions(word: str, depth: int) -> set[str]:
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


@dataclass
class _Occurrence:
    form: str  # NFC
    start: int
    end: int


class NameVariants(Check):
    """%s: the spelling found; %s: the spelling used more often in the article."""

    keys = {"table": ("str", "name table beside the rule (languages, lengths, titles, regnal titles, clitics)")}
    required = ("table",)

    def compile(self):
        self.table = self.load_table(load_names, "table")

    # -- the article's capitalised words ---------------------------------------------------------
    def occurrences(self, doc) -> list[_Occurrence]:
        found = [_Occurrence(unicodedata.normalize("NFC", m.group()), m.start(), m.end()) for m in _WORD.finditer(doc.norm)]
        forms = Counter(o.form for o in found)
        for o in found:  # "Albanesenya" is "Albanese" when "Albanese" is in the article
            for clitic in self.table.clitics:
                base = o.form[: -len(clitic)]
                if o.form.endswith(clitic) and len(base) >= self.table.min_length and base in forms:
                    o.form, o.end = base, o.end - len(clitic)
                    break
        return found

    def find(self, doc):
        found = self.occurrences(doc)
        if not found:
            return
        checks = _Article(doc, found, self.table)
        hits = {}
        for hit in (*checks.word_variants(), *checks.pair_variants(), *checks.numbered_variants()):
            hits.setdefault((hit.start, hit.end), hit)
        yield from (hits[k] for k in sorted(hits))


class _Article:
    """One article's names and the questions the checks ask about them (answers cached)."""

    def __init__(self, doc, found: list[_Occurrence], table: NameTable):
        self.doc, self.found, self.table = doc, found, table
        self.by_form: dict[str, list[_Occurrence]] = defaultdict(list)
        for o in found:
            self.by_form[o.form].append(o)
        self.count = {form: len(os) for form, os in self.by_form.items()}
        self._lower: set[str] | None = None
        self._neighbours: tuple[dict, dict] | None = None

    # -- what a form is ---------------------------------------------------------------------
    def lower_case_too(self, form: str) -> bool:
        """Whether the article also writes the word in lower case (then it is a common word)."""
        if self._lower is None:  # one pass over the article, on the first question
            self._lower = {unicodedata.normalize("NFC", m.group()) for m in _LOWER.finditer(self.doc.norm)}
        return form.lower() in self._lower

    def attested(self, form: str) -> bool:
        return any(zipf(form, lang, 0.0) >= least for lang, least in self.table.languages.items())

    def initial(self, o: _Occurrence) -> bool:
        """The first word of its sentence (or line), where any word is capitalised."""
        sentence = self.doc.enclosing("sentence", o.start)
        line = self.doc.enclosing("line", o.start)
        start = max(sentence.start, line.start)
        return _LETTERS.search(self.doc.norm, start, o.start) is None

    def name(self, form: str) -> bool:
        """Capitalised inside a sentence at least once and never written in lower case."""
        return (form not in self.table.titles and not self.lower_case_too(form)
                and any(not self.initial(o) for o in self.by_form[form]))

    def neighbours(self):
        """Each form's name words right before and right after it (titles left out)."""
        if self._neighbours is None:
            before, after = defaultdict(set), defaultdict(set)
            norm, titles = self.doc.norm, self.table.titles
            for a, b in zip(self.found, self.found[1:]):
                if norm[a.end:b.start] == " " and a.form not in titles and b.form not in titles:
                    after[a.form].add(b.form)
                    before[b.form].add(a.form)
            self._neighbours = before, after
        return self._neighbours

    def other_person(self, minority: str, majority: str) -> bool:
        """"Fian Yunus" and "Dian Martin": the name words beside the two forms are other names
        (a word that is not a name, "Kisah Ruangsuak" in a headline, tells nothing)."""
        for side in self.neighbours():
            mine = {w for w in side[minority] if self.name(w)}
            theirs = {w for w in side[majority] if self.name(w)}
            if mine and theirs and not mine & theirs:
                return True
        return False

    def pick(self, minority: str, candidates) -> str | None:
        """The form to use instead of ``minority``: the most frequent candidate, used more often
        than it (so at least twice)."""
        best = max(candidates, key=lambda f: (self.count[f], f), default=None)
        if best is None or self.count[best] <= self.count[minority]:
            return None
        return best

    # -- words --------------------------------------------------------------------------------
    def word_variants(self):
        t = self.table
        forms = [f for f in self.by_form if len(f) >= t.min_length and f not in t.titles]
        index: dict[tuple, list[str]] = defaultdict(list)
        for form in forms:
            for key in _deletions(form, 1):
                index[("1", key)].append(form)
            if len(form) >= t.long_length:
                for key in _deletions(form, 2):
                    index[("2", len(form), key)].append(form)
        close: dict[str, set[str]] = defaultdict(set)
        for (depth, *_), group in index.items():
            if len(group) < 2:
                continue
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if a == b or a[0] != b[0] or b in close[a]:
                        continue
                    bound = 1 if depth == "1" else 2
                    if osa(a, b, bound) <= bound and (bound == 1 or len(a) == len(b)):
                        close[a].add(b)
                        close[b].add(a)
        for minority in sorted(close):
            majority = self.pick(minority, close[minority])
            if majority is None or not self.word_pair_fits(minority, majority):
                continue
            for o in self.by_form[minority]:
                yield self.doc_hit(o.start, o.end, majority)

    def word_pair_fits(self, minority: str, majority: str) -> bool:
        # The cheap questions first; the frequency lists are read only for a pair that passed.
        return (not self.lower_case_too(minority) and self.name(majority)
                and not self.other_person(minority, majority) and not self.attested(minority))

    # -- pairs of words ---------------------------------------------------------------------
    def pair_variants(self):
        """"Lo Angeles" beside "Los Angeles": one word lost (or gained) its last letter next to
        the same name word."""
        norm, pairs = self.doc.norm, defaultdict(list)
        for a, b in zip(self.found, self.found[1:]):
            if norm[a.end:b.start] == " ":
                pairs[(a.form, b.form)].append((a.start, b.end))
        for (x, y), spans in sorted(pairs.items()):
            # Each pair meets the pair with one letter less at the end of either word.
            for other, shared in (((x[:-1], y), y), ((x, y[:-1]), x)):
                if other not in pairs or len(other[0]) < 2 or len(other[1]) < 2:
                    continue
                if shared in self.table.titles or len(shared) < 3 or self.lower_case_too(shared):
                    continue
                minority, majority = sorted(((x, y), other), key=lambda p: (len(pairs[p]), p == other))
                if len(pairs[majority]) <= len(pairs[minority]):  # a tie tells no majority
                    continue
                use = " ".join(majority)
                for start, end in pairs[minority]:
                    yield self.doc_hit(start, end, use)

    # -- regnal numbers ---------------------------------------------------------------------
    def numbered_variants(self):
        by_name: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for m in _NUMBERED.finditer(self.doc.norm):
            by_name[m[1]][m[2]].append(m)
        for name, numbers in sorted(by_name.items()):
            if len(numbers) < 2:
                continue
            titled = {n for n, ms in numbers.items() if any(self.titled(m.start()) for m in ms)}
            counts = {n: len(ms) for n, ms in numbers.items()}
            majority = max(numbers, key=lambda n: (counts[n], n))
            if counts[majority] < 2 or majority not in titled:
                continue
            for number, ms in sorted(numbers.items()):
                if number == majority or counts[number] >= counts[majority] or number in titled:
                    continue
                if any(self.named_apart(m, numbers[majority]) for m in ms):
                    continue
                for m in ms:
                    yield self.doc_hit(m.start(), m.end(), f"{name} {majority}")

    def titled(self, start: int) -> bool:
        """A ruler's title right before ``start`` ("Raja Charles III", "Sri Paus Leo XIV")."""
        before = self.doc.norm[max(0, start - 40):start]
        return any(before.endswith(title + " ") and (len(before) == len(title) + 1 or not before[-len(title) - 2].isalnum())
                   for title in self.table.regnal_titles)

    def named_apart(self, m, others) -> bool:
        """The numbered name is another person: named in one sentence with the majority, or with
        a word such as "pendahulunya" or a span of years."""
        sentence = self.doc.enclosing("sentence", m.start())
        if any(sentence.start <= o.start() < sentence.end for o in others):
            return True
        text = self.doc.norm[sentence.start:sentence.end]
        if _YEARS.search(text):
            return True
        return any(w.casefold() in self.table.distinct_words for w in regex.findall(r"[\p{L}\p{M}]+", text))

    # -- hits ----------------------------------------------------------------------------------
    def doc_hit(self, start: int, end: int, use: str) -> Hit:
        return Hit(start, end, (self.doc.text[start:end], use), (use,), use)
