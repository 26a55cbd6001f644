"""glued: two words run together where a scraper stripped a link or a styled span
("eraNadiem", "Kejaksaan Agungakan", "DEMIANterkenal").

``tokens`` find a glued token (the whole token); ``split`` patterns mark where the space goes
(zero-width, tried in order, the first that splits wins) so the finding can offer the token with
spaces as its fix. ``exceptions`` are whole tokens that are spelled solid on purpose (brands:
WhatsApp, iPhone, MotoGP); ``keep`` are spellings never split inside a longer token
("diiPhone" gets no suggestion rather than "dii Phone"); ``parts`` is what every part must look
like for the fix to be offered ("atauBRIterus" -> "atau BRIterus" is not). %s is the token found.

With a word table (``words``), word knowledge judges the split (``judge``):

- ``case``: a case change is a split only where the parts are words: a word of the article's
  language in lower case before it ("dariPhoneArena" -> "dari PhoneArena"), or a word of that
  language on either side of a capitalised pair ("JakartaKetua"). A token that is itself a word or
  brand in a frequency list (JetBlue, PepsiCo) is left alone, and so is a coinage on a
  combining form (IndoStrategi). A clitic such as "Nya" is joined with a hyphen ("kehendak-Nya").
- ``capitals``: a capital run glued to a lower-case tail is split after the whole run
  ("KPK telah"), before its last capital ("PSSI Erick"), or is a capital typed as the second
  letter ("DIkutip" -> "Dikutip"), whichever the words say.

- ``foreign``: a lower-case token that is no word is read as the fewest known words it can be cut
  into ("harusfriendlykepada" -> "harus friendly kepada"); it is reported only when exactly one
  such reading exists and it holds a word of another language (English) beside a word of the
  article's own. A word with an affix ("didownload", "updatenya", "direspons") is left alone.

``names`` (a table beside the rule with a ``names`` list, such as outlets: detikcom, Kompas.com)
adds spellings kept whole regardless of case, and finds every token that has a word glued to one
("kepadadetikcomdi" -> "kepada detikcom di").

A fix is safe only where the words leave one reading; every other fix is unsafe.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from newslint.checks import Check, Hit
from newslint.errors import RuleError
from newslint.knowledge.words import Lexicon
from newslint.yamlfile import read_mapping

JUDGES = ("case", "capitals", "foreign")
_CAPITALS = regex.compile(r"(\p{Lu}+)(\p{Ll}+)")
_ACRONYM = regex.compile(r"[\p{Lu}\d]+")
_CASE_CHANGE = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
_SLIP = regex.compile(r"\p{Lu}{2}\p{Ll}+")  # "DIkutip": maybe a capital typed as the second letter


@dataclass(frozen=True)
class WordTable:
    lexicon: Lexicon
    joined: float  # a token this common as written, in any language, is a word or brand
    names: float  # a capitalised part this common in any language is a name or word
    function_words: tuple[str, ...]  # longest first
    combining_forms: frozenset[str]
    hyphenated: frozenset[str]
    name_openers: frozenset[str]  # lower-case words a name follows inside one sentence
    prefixes: tuple[str, ...] = ()  # affixes a loanword takes ("di|download"): never a part of its own
    suffixes: tuple[str, ...] = ()  # ("update|nya", "transform|asi")
    foreign: tuple[str, ...] = ()  # the languages whose words count as foreign (judge: foreign)
    foreign_zipf: float = 99.0  # how common a foreign part must be there


def load_words(path: str) -> WordTable:
    mapping, _ = read_mapping(path, RuleError)
    freq = mapping.get("frequencies")
    if not isinstance(freq, dict) or not freq:
        raise RuleError("'frequencies' must map languages to Zipf frequencies", path)
    words = lambda key: [str(w) for w in mapping.get(key) or []]  # noqa: E731
    min_zipf = {str(k): float(v) for k, v in freq.items()}
    joined, names = float(mapping.get("joined", 99)), float(mapping.get("names", min(min_zipf.values())))
    floor = min(joined, names, *min_zipf.values())  # no question asks about rarer words
    return WordTable(
        Lexicon(min_zipf, float(mapping.get("native_margin", 0)), floor),
        joined,
        names,
        tuple(sorted(words("function_words"), key=len, reverse=True)),
        frozenset(words("combining_forms")),
        frozenset(words("hyphenated")),
        frozenset(words("name_openers")),
        tuple(words("prefixes")),
        tuple(words("suffixes")),
        tuple(words("foreign")),
        float(mapping.get("foreign_zipf", 99)),
    )


def load_names(path: str) -> tuple[str, ...]:
    mapping, _ = read_mapping(path, RuleError)
    names = mapping.get("names")
    if not isinstance(names, list) or not names:
        raise RuleError("'names' must be a list of spellings", path)
    return tuple(sorted({str(n) for n in names}, key=len, reverse=True))


@dataclass(frozen=True)
class Split:
    text: str  # the token with its spaces (or hyphens, or a corrected case)
    safe: bool


class Glued(Check):
    keys = {
        "tokens": ("list", "patterns that match a whole glued token"),
        "split": ("list", "zero-width patterns where the space belongs, tried in order"),
        "exceptions": ("list", "whole tokens written solid on purpose"),
        "keep": ("list", "spellings never split inside a token"),
        "parts": ("str", "a fix is offered only when every part after splitting matches this"),
        "suffixes": ("list", "endings a kept spelling may take without being glue (YouTuber, WhatsAppnya)"),
        "ignorecase": ("bool", "match regardless of case"),
        "words": ("str", "word table beside the rule (frequency lists, function words, combining forms)"),
        "judge": ("str", "how the word table judges a token: case (case changes), capitals (a capital run and a lower-case tail) or foreign (a lower-case token read as words of two languages)"),
        "names": ("str", "table beside the rule whose 'names' (outlets) are kept whole regardless of case and split from words glued to them"),
    }

    def compile(self):
        rule = self.rule
        names = self.load_table(load_names, "names") if rule.option("names") else ()
        tokens = list(rule.option("tokens") or [])
        if names:  # a name with letters glued to it; not in a URL, a domain or an address
            # (at most 40 letters on either side: a longer run is no glued phrase, and is not searched)
            tokens.append("(?<![\\p{L}\\d@#/._-])\\p{L}{0,40}(?i:" + "|".join(map(regex.escape, names)) + ")[\\p{L}\\d]{0,40}(?![\\p{L}\\d@/])")
        if not tokens:
            raise rule.error("'tokens' (or 'names') is required", "tokens")
        self.regex = rule.alternation(tokens, "tokens")
        self.splits = [rule.pattern(p, "split", i) for i, p in enumerate(rule.option("split") or [])]
        keep = list(rule.option("keep") or []) + [f"(?i:{regex.escape(n)})" for n in names]
        self.keep = rule.alternation(keep, "keep", ignorecase=False) if keep else None
        self.except_re = self.exceptions()
        suffixes = rule.option("suffixes")
        self.suffix = rule.alternation(suffixes, "suffixes", ignorecase=False) if suffixes else None
        parts = rule.option("parts")
        self.parts = rule.pattern(parts, "parts", ignorecase=False) if parts else None
        self.judge = rule.option("judge")
        if self.judge is not None and self.judge not in JUDGES:
            raise rule.error(f"judge must be one of {', '.join(JUDGES)}", "judge")
        self.words = self.load_table(load_words, "words") if rule.option("words") else None
        if (self.judge is None) != (self.words is None):
            raise rule.error("'judge' and 'words' go together", "judge" if self.judge else "words")
        if self.judge is None and not self.splits:
            raise rule.error("'split' is required without 'judge'", "tokens")

    def find(self, doc):
        for m in self.matches(doc):
            token = m.group()
            if not token or (self.except_re is not None and self.except_re.fullmatch(token)):
                continue
            split = self.judged(token) if self.judge else self.patterned(token)
            if split is None:
                continue
            if not split.text:
                yield Hit(m.start(), m.end(), (token,))
                continue
            yield Hit(m.start(), m.end(), (token,), (split.text,), split.text, applicability="safe" if split.safe else "unsafe")

    # -- split by patterns alone ----------------------------------------------------------------
    def protected(self, token: str) -> list[tuple[int, int]]:
        """The spans of kept spellings in ``token``. With a word table, a kept spelling that starts
        in lower case after other letters counts only after a word: "di|iPhone", not "dar|iPhone"
        in "dariPhoneArena"."""
        if self.keep is None:
            return []
        spans = [(m.start(), m.end()) for m in self.keep.finditer(token, overlapped=True)]
        if self.words is not None:
            spans = [(a, b) for a, b in spans if not (a and token[a].islower()) or self.follows_word(token, a)]
        return _outermost(spans)

    def follows_word(self, token: str, at: int) -> bool:
        """Whether the lower-case letters before ``at`` are a word, and a likelier one than they
        make with the next letter ("di|iPhone"; not "dar|iPhone", since "dari" is likelier)."""
        before = regex.search(r"\p{Lu}?\p{Ll}+$", token[:at])  # "Menurut|kompascom" too
        lex = self.words.lexicon
        if before is None or not lex.known(before.group(), lex.home):
            return False
        return lex.frequency(before.group() + token[at]) < lex.frequency(before.group())

    def kept_edges(self, token: str, protected) -> set[int]:
        """Where a kept spelling has a word run into either side: "dikutipdetikJogja",
        "WhatsAppmengumumkan" (not "WhatsAppnya": a suffix it may take)."""
        edges = {a for a, _ in protected if a > 0}
        edges |= {b for _, b in protected if b < len(token) and not (self.suffix and self.suffix.fullmatch(token, b))}
        return edges

    def split_points(self, token: str) -> list[int]:
        """Where spaces belong: the first ``split`` pattern that finds a point outside every kept
        spelling ("YouTuber" has none: its case change is inside "YouTube")."""
        protected = self.protected(token)
        edges = self.kept_edges(token, protected)
        for split in self.splits:
            points = {
                m.start() for m in split.finditer(token)
                if 0 < m.start() < len(token) and not any(a < m.start() < b for a, b in protected)
            }
            if points or edges:
                return sorted(points | edges)
        return []

    def patterned(self, token: str) -> Split | None:
        points = self.split_points(token)
        if not points:
            return None
        parts = _cut(token, points)
        if self.parts is not None and not all(
            self.parts.fullmatch(part) or (self.keep is not None and self.keep.fullmatch(part)) for part in parts
        ):
            return Split("", False)  # a part is still glued ("atau BRIterus"): no certain fix
        return Split(" ".join(parts), False)

    # -- split by word knowledge ----------------------------------------------------------------
    def judged(self, token: str) -> Split | None:
        if self.judge == "capitals":
            if not _SLIP.fullmatch(token) and self.joined(token):
                return None
            return self.capitals(token)
        if self.judge == "foreign":
            # The home language's list first: most tokens are its words, and the others' lists
            # are then not loaded at all.
            home = self.words.lexicon.home
            if self.words.lexicon.frequency(token, home) >= self.words.joined or self.joined(token):
                return None
            return self.foreign(token)
        clitic = self.clitic(token)
        if clitic is not None:
            return clitic
        return None if self.joined(token) else self.case(token)

    def foreign(self, token: str) -> Split | None:
        """A lower-case token read as the fewest known words ("harus friendly kepada"), when that
        reading is the only one and holds a foreign word beside a word of the article's own."""
        lex = self.words.lexicon
        if len(token) > 60:
            return None  # no glued phrase; cutting it would take time for nothing
        readings = _readings(token, self.part_known)
        if len(readings) != 1:
            return None
        parts = readings[0]
        if len(parts) < 2 or not any(map(lex.native, parts)):
            return None
        foreign = [p for p in parts if self.is_foreign(p)]
        if not foreign or not all(lex.native(p) or p in foreign for p in parts):
            return None
        if any(self.affixed(a + b) for a, b in zip(parts, parts[1:]) if a in foreign or b in foreign):
            return None  # "dire|spons" is "direspons", "akhirnya|dire|schedule" "akhirnya direschedule"
        return Split(" ".join(parts), False)

    def part_known(self, part: str) -> bool:
        """A part a glued token may be cut into: a known word of four letters or more, or a
        function word; never an affix ("nya", "asi")."""
        words = self.words
        if part in words.suffixes or part in words.prefixes:
            return False
        return (len(part) >= 4 or part in words.function_words) and words.lexicon.known(part)

    def is_foreign(self, part: str) -> bool:
        lex = self.words.lexicon
        home = lex.frequency(part, lex.home)
        return len(part) >= 4 and any(
            lex.frequency(part, code) >= max(self.words.foreign_zipf, home + lex.native_margin) for code in self.words.foreign
        )

    def affixed(self, token: str) -> bool:
        """A word with the article's affixes: a loanword ("didownload", "updatenya",
        "transformasi") or a rarer form of its own ("direspons", "lambannya")."""
        for prefix in ("", *self.words.prefixes):
            for suffix in ("", *self.words.suffixes):
                core = token[len(prefix): len(token) - len(suffix)]
                if (prefix or suffix) and token.startswith(prefix) and token.endswith(suffix) and len(core) >= 3 and self.words.lexicon.frequency(core) >= self.words.names:
                    return True
        return False

    def joined(self, token: str) -> bool:
        """A word or a brand as written (JetBlue, PepsiCo, WiFi, JPMorgan)."""
        return self.words.lexicon.frequency(token) >= self.words.joined

    def clitic(self, token: str) -> Split | None:
        """A word with a capitalised clitic: "kehendakNya" -> "kehendak-Nya"."""
        lex = self.words.lexicon
        for clitic in self.words.hyphenated:
            stem = token[: -len(clitic)]
            if token.endswith(clitic) and stem[:1].islower() and stem.isalpha() and lex.known(stem, lex.home):
                return Split(f"{stem}-{clitic}", True)
        return None

    def case(self, token: str) -> Split | None:
        """Split at the case changes the words confirm (see the module's note)."""
        protected = self.protected(token)
        edges = self.kept_edges(token, protected)
        points = sorted(
            {m.start() for m in _CASE_CHANGE.finditer(token) if not any(a < m.start() < b for a, b in protected)} | edges
        )
        if not points:
            return None
        segments = _cut(token, points)
        text, safe, split_any = segments[0], True, False
        for i, point in enumerate(points):
            left, right = segments[i], segments[i + 1]
            if point in edges:  # a kept spelling's edge: sure when the word beside it is one
                verdict = "safe" if self.is_settled(left) and self.is_settled(right) else "unsafe"
            else:
                verdict = self.case_verdict(left, right)
            if verdict is None:
                text += right
                continue
            split_any = True
            safe = safe and verdict != "unsafe"
            text += ("-" if verdict == "hyphen" else " ") + right
        if not split_any:
            return None
        settled, sure = self.settle_parts(text)
        return Split(settled, safe and sure)

    def case_verdict(self, left: str, right: str) -> str | None:
        """How ``left`` and ``right`` meet: "hyphen", "safe" or "unsafe" split, or None (solid)."""
        words = self.words
        if left in words.combining_forms or len(left) < 2:
            return None  # IndoStrategi; kWp, iPhone
        if left[0].islower():
            if not words.lexicon.known(left, words.lexicon.home):
                return None  # a lower-case brand part (macOS, watchOS) or more glue
            # "dariAntara" is one sentence; "peringkatThailand" may be two list items run
            # together, where a space alone would make a run-on: sure only after a name opener.
            return "safe" if self.is_settled(right) and left.lower() in words.name_openers else "unsafe"
        if left[0].isupper() and left[1:].islower():
            native = words.lexicon.native
            if native(left) or (not _ACRONYM.fullmatch(right) and native(right)):
                return "unsafe"  # "JakartaKetua", but brands coin names this way too
        return None

    def is_settled(self, part: str) -> bool:
        """Whether a part after a split is surely whole: a known word or name, an acronym or a kept
        spelling, or a name whose first segment is one ("PhoneArena")."""
        if _ACRONYM.fullmatch(part) or (self.keep is not None and self.keep.fullmatch(part)):
            return True
        first = _cut(part, [m.start() for m in _CASE_CHANGE.finditer(part)])[0]
        return self.words.lexicon.frequency(first) >= self.words.names

    def settle_parts(self, text: str) -> tuple[str, bool]:
        """Split what is still glued inside the parts ("Israeldi" -> "Israel di", "BMKGucapkan" ->
        "BMKG ucapkan"); the result is sure only if nothing needed it."""
        out, sure = [], True
        for part in regex.split(r"(?<=[ -])", text):
            bare = part.rstrip(" -")
            fixed = self.settle(bare)
            if fixed is None:
                out.append(part)
                continue
            sure = False
            out.append(fixed.text + part[len(bare):])
        return "".join(out), sure

    def settle(self, part: str) -> Split | None:
        """A further split of one part, or None when it is whole or no split is known."""
        if self.keep is not None and self.keep.fullmatch(part):
            return None
        if _CAPITALS.fullmatch(part) and len(_CAPITALS.fullmatch(part).group(1)) >= 2:
            return self.capitals(part)
        if not part[:1].isalpha() or self.words.lexicon.frequency(part) >= self.words.names:
            return None
        return self.function_word_tail(part)

    def function_word_tail(self, part: str) -> Split | None:
        """``part`` = known word + function word ("Israeldi", "Irandan", "Copilotini")."""
        for word in self.words.function_words:
            stem = part[: -len(word)]
            if part.endswith(word) and len(stem) >= 3 and self.words.lexicon.frequency(stem) >= self.words.names:
                return Split(f"{stem} {word}", False)
        return None

    def capitals(self, token: str) -> Split | None:
        """A capital run glued to a lower-case tail: split after the run, before its last capital,
        or lower the second capital (see the module's note); the reading the words favour."""
        m = _CAPITALS.fullmatch(token)
        if m is None:
            return None
        run, tail = m.groups()
        lex, home = self.words.lexicon, self.words.lexicon.home
        readings = []  # (score, text, whether the text needed no further split)
        after = tail if lex.native(tail) else None
        if after is None:
            settled = self.function_word_tail(tail) or self.function_word_head(tail)
            after = settled.text if settled else None
        if after is not None:
            readings.append((*self.score(run, tail), f"{run} {after}", after == tail))
        head, name = run[:-1], run[-1] + tail
        if lex.frequency(head) >= self.words.names:
            whole = lex.frequency(name) >= self.words.names
            settled = None if whole else self.function_word_tail(name)
            if whole or settled:
                # One letter before a capitalised word is as often a coinage (RPerpres, XPeng) as
                # glue ("Grup APiala"): it is a reading that silences the others, never a fix.
                text = f"{head} {settled.text if settled else name}" if len(head) >= 2 else ""
                # Never sure: a capitalised word after an acronym may open the next sentence or
                # list item ("dari Bank BCABuruan Daftar"), where a space makes a run-on.
                readings.append((*self.score(head, name), text, False))
        if len(run) == 2:
            slip = run[0] + run[1].lower() + tail
            if lex.known(slip, home):
                readings.append((lex.frequency(slip), 2 * lex.frequency(slip), slip, True))
        if not readings:
            return None
        *_, text, whole = max(readings)
        return Split(text, whole and len(readings) == 1) if text else None

    def score(self, head: str, tail: str) -> tuple[float, float]:
        """How likely a reading "head tail" is: its weaker part, a head (an acronym) counted as a
        word of the article's language ("PT Chery", not "PTC hery"); then both, the head in any
        language ("CNBC Rabu", not "CNBCR abu")."""
        lex = self.words.lexicon
        tail_score = lex.frequency(tail)
        return min(lex.frequency(head, lex.home), tail_score), lex.frequency(head) + tail_score

    def function_word_head(self, part: str) -> Split | None:
        """``part`` = function word + known word ("daripolitik")."""
        lex = self.words.lexicon
        for word in self.words.function_words:
            rest = part[len(word):]
            if part.startswith(word) and len(rest) >= 3 and lex.known(rest, lex.home):
                return Split(f"{word} {rest}", False)
        return None


def _readings(token: str, known, most: int = 4) -> list[list[str]]:
    """The ways to cut ``token`` into the fewest parts (at most ``most``) that ``known`` accepts."""
    for count in range(1, most + 1):
        found = _cuts(token, count, known)
        if found:
            return found
    return []


def _cuts(token: str, count: int, known) -> list[list[str]]:
    if count == 1:
        return [[token]] if known(token) else []
    return [[token[:i], *rest] for i in range(2, len(token) - 1) if known(token[:i]) for rest in _cuts(token[i:], count - 1, known)]


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans not inside a longer one, left to right, without overlaps."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not out or a >= out[-1][1]:
            out.append((a, b))
    return out


def _cut(token: str, points: list[int]) -> list[str]:
    return [token[a:b] for a, b in zip([0, *points], [*points, len(token)])]
