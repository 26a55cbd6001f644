"""Telling English apart from the article's language, cheaply and deterministically.

The cheap test counts function words. Before counting, everything that is allowed to be English
in an Indonesian article is masked: URLs, e-mail addresses, @handles, #hashtags, quoted text,
runs of capitalised words (names, titles of songs, films and organisations), all-capitals
acronyms, an English expansion before its acronym ("earnings before interest ... (EBITDA)") and
the English set phrases Indonesian news uses ("by name by address"). A content word counts as
English-looking by langdetect's English and Indonesian character n-gram profiles.

A span the cheap test calls English is confirmed by naive Bayes over character 1-3-grams with
the same profiles (see ``english_probability``). The profiles are langdetect's JSON data files,
read on first use, one language at a time; langdetect itself is never imported.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from newslint.cache import by_content
from newslint.errors import RuleError
from newslint.patterns import UserPattern
from newslint.yamlfile import read_mapping

TOKEN = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{M}\p{N}]+)*")
URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|co\.id|go\.id|ac\.id|or\.id|id|org|net|io|tv)\b(?:/\S*)?", regex.I)
EMAIL = regex.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
HANDLE = regex.compile(r"(?<![\w])[@#][\w.]+")
# Straight and curly double quotes pair with each other: scraped text mixes them ("“...\"").
QUOTES = regex.compile(
    r"[\"“][^\"“”\n]{1,600}[\"”“]|‘[^‘’\n]{1,600}’(?!\w)|(?<!\w)'(?=\w)[^'\n]{1,600}(?<=\w[.,!?]?)'(?!\w)"
)
# A paragraph of a quotation that goes on in the next paragraph opens a quote and does not close it.
OPEN_QUOTE = regex.compile(r"[ \t]*[\"“]")
ACRONYM = regex.compile(r"\(\s*([A-Z]{3,8})\s*\)")
SENTENCE_OPENERS = set(".!?:;\"“”([–—-")


@dataclass(frozen=True)
class Lexicon:
    english: frozenset
    local: frozenset  # the article language's function words
    loanwords: frozenset
    malay: frozenset
    furniture: frozenset
    idioms: regex.Pattern | None
    title_words: regex.Pattern | None  # "berjudul": a quotation after it is a title
    furniture_patterns: regex.Pattern | None
    # English presented as quoted material (see _language.yml): words before it, a heading above
    # it, words after it, translation markers after it, lines of an embedded post.
    quote_openers: regex.Pattern | None = None
    block_openers: regex.Pattern | None = None
    quote_attributions: regex.Pattern | None = None
    translation_markers: regex.Pattern | None = None
    post_patterns: regex.Pattern | None = None
    # The n-gram profiles: the article language's own (langdetect's code), and the languages
    # English is weighed against before a sentence is reported (the article's first).
    profile: str = ""
    rivals: tuple[str, ...] = ()
    name_connectors: frozenset = frozenset()  # lower-case words inside a name ("Save the Children", "bin")
    gloss_skip: frozenset = frozenset()  # words an acronym's initials skip ("Bank of Japan (BOJ)")


@by_content  # on the table's content: an edit is seen by the next call
def load_lexicon(path: str) -> Lexicon:
    mapping, lines = read_mapping(path, RuleError)
    words = {k: frozenset(str(w).lower() for w in mapping.get(k) or []) for k in ("english", "indonesian", "loanwords", "malay", "furniture")}
    if words["english"] & words["indonesian"]:
        raise RuleError(f"words in both lists: {', '.join(sorted(words['english'] & words['indonesian']))}", path)
    idioms = sorted({str(w).lower() for w in mapping.get("idioms") or []}, key=len, reverse=True)
    idiom_re = regex.compile(r"(?<!\p{L})(?:" + "|".join(regex.escape(i).replace(r"\ ", r"[\s-]+") for i in idioms) + r")(?!\p{L})", regex.I) if idioms else None
    titles = [str(w) for w in mapping.get("title_words") or []]
    title_re = regex.compile(r"\b(?:" + "|".join(map(regex.escape, titles)) + r")\b[^\n]{0,25}$", regex.I) if titles else None
    patterns = [str(p) for p in mapping.get("furniture_patterns") or []]
    # User patterns from the table: every search under the time limit, named by file, line and key.
    furniture_re = UserPattern.compile(
        "|".join(f"(?:{p})" for p in patterns), regex.I, path=path, line=lines.get("furniture_patterns"), key="furniture_patterns"
    ) if patterns else None
    posts = [str(p) for p in mapping.get("post_patterns") or []]
    local = mapping.get("profile")
    if not isinstance(local, str) or not local:
        raise RuleError("'profile' must name the n-gram profile of the article's language (e.g. id)", path, lines.get("profile"))
    rivals = [str(r) for r in mapping.get("rivals") or []]
    for lang in (local, *rivals):
        if lang not in available_profiles():
            raise RuleError(f"no n-gram profile '{lang}' (langdetect has: {', '.join(sorted(available_profiles()))})", path, lines.get("rivals" if lang != local else "profile"))
    return Lexicon(
        words["english"], words["indonesian"], words["loanwords"], words["malay"], words["furniture"], idiom_re, title_re, furniture_re,
        quote_openers=_phrases(mapping.get("quote_openers")),
        block_openers=_phrases(mapping.get("block_openers")),
        quote_attributions=_phrases(mapping.get("quote_attributions")),
        translation_markers=_phrases(mapping.get("translation_markers")),
        post_patterns=UserPattern.compile(
            "|".join(f"(?:{p})" for p in posts), 0, path=path, line=lines.get("post_patterns"), key="post_patterns"
        ) if posts else None,
        profile=local,
        rivals=tuple(dict.fromkeys([local, *rivals])),
        name_connectors=frozenset(str(w).lower() for w in mapping.get("name_connectors") or []),
        gloss_skip=frozenset(str(w).lower() for w in mapping.get("gloss_skip") or []),
    )


def _phrases(items) -> regex.Pattern | None:
    """Whole words or phrases, in any case, with any spacing between the words."""
    phrases = sorted({str(w).lower() for w in items or []}, key=len, reverse=True)
    if not phrases:
        return None
    alternatives = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in phrases)
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{alternatives})(?![\p{{L}}\p{{N}}])", regex.I)


@lru_cache(maxsize=50000)
def english_lookingness(word: str, local: str) -> float:
    """> 0: the word's letter pairs and triples are commoner in English than in the language of
    profile ``local`` (Indonesian: "id")."""
    (en, en_floor), (idn, id_floor) = _log_profile("en"), _log_profile(local)
    padded = f" {word} "
    grams = [padded[i:i + n] for n in (2, 3) for i in range(len(padded) - n + 1) if padded[i:i + n].strip()]
    total = sum(en.get(g, en_floor[len(g) - 1]) - idn.get(g, id_floor[len(g) - 1]) for g in grams)
    return total / max(1, len(grams))


@lru_cache(maxsize=None)
def _log_profile(lang: str):
    """A profile's log-frequencies, and the floor for an n-gram it does not know."""
    freq, totals = profile(lang)
    return {g: math.log(f) for g, f in freq.items()}, [math.log(0.5 / n) for n in totals]


@dataclass
class Token:
    text: str  # lower case
    start: int
    end: int
    kind: str  # E English function word, I local function word, L loanword, e/i English/local-looking, M masked


def _opens_sentence(text: str, pos: int, lo: int) -> bool:
    i = pos - 1
    while i >= lo and text[i].isspace():
        i -= 1
    return i < lo or text[i] in SENTENCE_OPENERS


def quote_spans(text: str, lines) -> list[tuple[int, int]]:
    """Quotations, found line by line: a quote often holds several sentences. A line that opens
    a quote it does not close is the first paragraphs of a longer quotation: quoted to its end."""
    out = []
    for line in lines:
        found = [(m.start(), m.end()) for m in QUOTES.finditer(text, line.start, line.end)]
        opener = OPEN_QUOTE.match(text, line.start, line.end)
        if opener and not any(a <= opener.end() - 1 < b for a, b in found):
            found.append((opener.end() - 1, line.end))
        out += found
    return out


def tokens(text: str, start: int, end: int, lex: Lexicon, quoted=()) -> list[Token]:
    """The words of text[start:end], each with its class; allowed English is masked (M).
    ``quoted``: spans of quotations to mask."""
    masked: list[tuple[int, int]] = [q for q in quoted if q[0] < end and start < q[1]]
    for pattern in (URL, EMAIL, HANDLE):
        masked += [(m.start(), m.end()) for m in pattern.finditer(text, start, end)]
    if lex.idioms is not None:
        for m in lex.idioms.finditer(text, start, end):
            before = TOKEN.findall(text[max(start, m.start() - 40):m.start()])
            after = TOKEN.findall(text[m.end():min(end, m.end() + 40)])
            if not (before and before[-1].lower() in lex.english) and not (after and after[0].lower() in lex.english):
                masked.append((m.start(), m.end()))  # an island in Indonesian: "by name by address"
    raw = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]
    masked += _gloss_spans(text, start, raw, lex.gloss_skip)
    letters = [c for c in text[start:end] if c.isalpha()]
    shouting = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.6
    names = set() if shouting else _name_runs(text, start, raw, lex)
    covered = _Cover(masked)
    out = []
    for i, (word, a, b) in enumerate(raw):
        low = word.lower().replace("’", "'")
        if i in names or covered.overlaps(a, b):
            kind = "M"
        elif not shouting and word.isupper() and (len(word) >= 2 or (word in ("A", "I") and not _opens_sentence(text, a, start))):
            kind = "M"  # an acronym: "AS", "IT", "MAN"
        elif low in lex.english:
            kind = "E"
        elif low in lex.local:
            kind = "I"
        elif low in lex.loanwords:
            kind = "L"
        elif low in lex.malay:
            kind = "i"
        else:
            kind = "e" if english_lookingness(low, lex.profile) > 0 else "i"
        out.append(Token(low, a, b, kind))
    return out


def _name_runs(text, lo, raw, lex) -> set[int]:
    """Indexes of words in runs of two or more capitalised words ("Save the Children")."""
    out, i, n = set(), 0, len(raw)
    while i < n:
        word, pos, _ = raw[i]
        if not word[0].isupper():
            i += 1
            continue
        caps, k, last = [i], i + 1, i
        while k < n:
            gap = text[raw[k - 1][2]:raw[k][1]]
            if gap.strip(" -&") != "":
                break
            if raw[k][0][0].isupper():
                caps.append(k)
                last = k
            elif not (raw[k][0].lower() in lex.name_connectors and k - last <= 2):
                break
            k += 1
        first = i
        # A capital that opens a sentence is no sign of a name ("The", "In", "Ia").
        if _opens_sentence(text, pos, lo) and (word.lower() in lex.english or word.lower() in lex.local or len(caps) < 2 or caps[1] != i + 1):
            first = i + 1
        if sum(1 for c in caps if c >= first) >= 2:
            out.update(range(first, last + 1))
        i = last + 1
    return out


class _Cover:
    """Spans merged and sorted, so that whether a word overlaps one is a binary search, not a walk
    through every span (a 1 MB line has thousands of quotations and glosses)."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def overlaps(self, a: int, b: int) -> bool:
        """Whether [a, b) overlaps a span: the last span starting before b must end after a."""
        from bisect import bisect_left

        i = bisect_left(self.starts, b) - 1
        return i >= 0 and self.ends[i] > a


def _gloss_spans(text, lo, raw, skip) -> list[tuple[int, int]]:
    """An English expansion right before its acronym: its initials spell the acronym."""
    from bisect import bisect_right

    out = []
    ends = [b for _, _, b in raw]  # in order: the words before an acronym are a prefix of raw
    for m in ACRONYM.finditer(text, lo, raw[-1][2] + 12 if raw else lo):
        acronym = m.group(1).lower()
        initials, first = [], None
        for j in range(bisect_right(ends, m.start()) - 1, -1, -1):  # the words before it, nearest first
            w, a, _ = raw[j]
            if w.lower() in skip:
                continue
            initials.append(w[0].lower())
            first = a
            if len(initials) == len(acronym):
                break
        got = "".join(reversed(initials))
        if first is not None and len(got) == len(acronym) and (got == acronym or (len(acronym) >= 4 and got[1:] == acronym[1:])):
            out.append((first, m.end()))
    return out


def english_run(toks: list[Token], min_words: int, min_function_words: int):
    """The longest run of English words (a content word right after an English function word is
    taken along: "the rupiah"); local function words, masked items and other local words end it."""
    best, run = None, []

    def close():
        nonlocal best
        while run and run[-1][1] == "x":
            run.pop()
        count = sum(1 for _, k in run if k == "E")
        if len(run) >= min_words and count >= min_function_words and (best is None or len(run) > len(best)):
            best = [t for t, _ in run]
        run.clear()

    for t in toks:
        if t.kind in ("E", "e"):
            run.append((t, t.kind))
        elif t.kind in ("i", "L") and run and run[-1][1] == "E":
            run.append((t, "x"))
        else:
            close()
    close()
    return best


# Confirming a candidate: naive Bayes over character n-grams, as langdetect scores text, but over
# every n-gram of the span instead of langdetect's random draws (seven trials of up to a thousand
# samples each), so the same text always gets the same answer, and against a few profiles instead
# of all 55 (langdetect loads them all on import: 0.75 s before its first answer).

SMOOTHING = 0.5 / 10000  # langdetect's: alpha 0.5 over its base frequency 10000
LATIN1_SPACES = "\xa0«°»"  # Latin-1 signs langdetect reads as a space


def _profile_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("langdetect")  # finds the installed package without importing it
    if spec is None or spec.origin is None:
        raise RuntimeError("the language rules need the langdetect package (for its n-gram profiles): pip install langdetect")
    return Path(spec.origin).parent / "profiles"


@lru_cache(maxsize=None)
def available_profiles() -> frozenset[str]:
    return frozenset(p.name for p in _profile_dir().iterdir())


@lru_cache(maxsize=None)
def profile(lang: str) -> tuple[dict[str, float], list[int]]:
    """langdetect's profile of ``lang``: each 1-3-gram's share among the n-grams of its length,
    and how many 1-, 2- and 3-grams the profile was built from."""
    data = json.loads((_profile_dir() / lang).read_text(encoding="utf-8"))
    totals = data["n_words"]
    return {g: c / totals[len(g) - 1] for g, c in data["freq"].items() if 1 <= len(g) <= 3}, totals


def _normal(ch: str) -> str:
    """langdetect's normalisation, for the scripts news in Latin letters uses: ASCII other than
    letters, a few Latin-1 signs and general punctuation (dashes, curly quotes) become a space."""
    code = ord(ch)
    if code < 0x80:
        return ch if ch.isalpha() else " "
    if code < 0x100:
        return " " if ch in LATIN1_SPACES else ch
    return " " if 0x2000 <= code <= 0x206F else ch


def ngrams(text: str) -> list[str]:
    """The 1-, 2- and 3-grams langdetect draws from ``text``: within words, a word's first and last
    letters paired with the space around it, and none inside an all-capitals word ("NATO")."""
    out, grams, capital_word = [], " ", False
    for ch in text:
        ch = _normal(ch)
        last = grams[-1]
        if last == " ":
            grams, capital_word = " ", False
            if ch == " ":
                continue
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        capital_word = ch.isupper() and last.isupper()
        if capital_word:
            continue
        out += [grams[-n:] for n in (1, 2, 3) if n <= len(grams) and grams[-n:] != " "]
    return out


def english_probability(text: str, rivals: tuple[str, ...]) -> float:
    """The probability that ``text`` is English rather than one of ``rivals`` (langdetect's profile
    codes, a lexicon's ``rivals``): naive Bayes over all its character 1-3-grams with equal priors
    (0.0 when no n-gram is known to any profile)."""
    text = HANDLE.sub(" ", EMAIL.sub(" ", URL.sub(" ", text)))
    tables = [profile(lang)[0] for lang in ("en", *rivals)]
    scores, known = [0.0] * len(tables), False
    for gram in ngrams(text):
        shares = [t.get(gram, 0.0) for t in tables]
        if not any(shares):
            continue  # known to none of these languages: it tells them apart no better than chance
        known = True
        for i, share in enumerate(shares):
            scores[i] += math.log(SMOOTHING + share)
    if not known:
        return 0.0
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    return weights[0] / sum(weights)
