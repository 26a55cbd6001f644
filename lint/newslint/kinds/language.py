"""language: passages that are not in the article's language (by default Indonesian).

``target`` picks what the rule reports:

- ``sentence``: a sentence in English (cheap test, then character n-grams to confirm);
- ``clause``: an English clause inside a sentence of the article's language;
- ``quote``: English inside quotation marks that no translation follows (for houses that want
  every quote translated; the rule using it is opt-in);
- ``furniture``: a whole line of English page furniture ("Back To Top").

English the article presents as quoted material is journalism, not an untranslated passage, and
``sentence`` and ``clause`` leave it alone: quoted text, English opened by a colon or by a word
such as "berbunyi" or "dalam bahasa Inggris", lyrics under a heading, English closed by who
posted it ("..., tulisnya") or followed by its translation (in brackets, or "Artinya, ..."), and
embedded posts. The words are the table's (``quote_openers`` and the lists after it).

The rule runs on articles whose language (``doc.meta["language"]``: front matter, ``--language``
or the ``language`` config key; Indonesian when none is given) is in ``languages``. Malay is
never reported: its function words are not English, and its n-grams read as Indonesian.
"""
from __future__ import annotations

from bisect import bisect_right

import regex

from newslint.checks import Check, Hit
from newslint.knowledge.langid import TOKEN, english_probability, english_run, load_lexicon, quote_spans, tokens

TARGETS = ("sentence", "clause", "quote", "furniture")
_WORD = regex.compile(r"[\p{L}]+(?:['’][\p{L}]+)*")
_COLON = regex.compile(r"(?<!\d):|:(?!\d)")
_EDGE = " \t,;:–—-\"“”‘’'"
LEAD_WORDS = 6  # words between an opener and the English it opens ("bahasa Inggris, ia berkata:")


class LanguageCheck(Check):
    keys = {
        "table": ("str", "word lists, relative to the rule's folder"),
        "target": ("str", "sentence, clause, quote or furniture"),
        "languages": ("list", "article languages the rule applies to (default: [id])"),
        "min_words": ("int", "words a sentence needs, after masking, to be judged (default 5)"),
        "min_english_percent": ("int", "share of English function words that makes a candidate (default 25)"),
        "clause_words": ("int", "words in an English clause (default 4)"),
        "clause_function_words": ("int", "English function words in a clause (default 2)"),
        "confirm_percent": ("int", "English probability (naive Bayes over character n-grams) needed to confirm (default 80)"),
    }
    required = ("table", "target")

    def compile(self):
        rule = self.rule
        self.lex = self.load_table(load_lexicon, "table")
        self.target = rule.option("target")
        if self.target not in TARGETS:
            raise rule.error(f"target must be one of {', '.join(TARGETS)}", "target")
        self.languages = set(rule.option("languages") or ["id"])
        self.min_words = rule.option("min_words", 5)
        self.ratio = rule.option("min_english_percent", 25) / 100
        self.clause_words = rule.option("clause_words", 4)
        self.clause_function_words = rule.option("clause_function_words", 2)
        self.confirm = rule.option("confirm_percent", 80) / 100

    def find(self, doc):
        if (doc.meta.get("language") or "id") not in self.languages:
            return
        if self.target == "furniture":
            yield from self.furniture(doc)
            return
        if self.target == "quote":
            yield from self.quotes(doc, doc.shared(quotations))
            return
        for s, toks in doc.shared(english_candidates, self.lex):
            if self.target == "sentence" and self.is_furniture(doc.norm[s.start:s.end]):
                continue  # the furniture rule reports these lines
            yield from self.sentence_or_clause(doc, s, toks)

    def has_english_word(self, text: str) -> bool:
        return has_english_word(text, self.lex)

    def is_furniture(self, text: str) -> bool:
        text = text.strip()
        if len(text) > 120:
            return False
        if self.lex.furniture_patterns is not None and self.lex.furniture_patterns.match(text):
            return True
        letters = " ".join(_WORD.findall(text.lower().replace("'", "").replace("’", "")))
        return bool(letters) and letters in self.lex.furniture

    def furniture(self, doc):
        for line in doc.lines:
            text = doc.norm[line.start:line.end]
            if self.is_furniture(text):
                start = line.start + len(text) - len(text.lstrip())
                yield Hit(start, line.start + len(text.rstrip()), (text.strip(),))

    def sentence_or_clause(self, doc, s, toks):
        words = [t for t in toks if t.kind != "M"]
        n = len(words)
        english = sum(t.kind == "E" for t in words)
        local = sum(t.kind == "I" for t in words)
        run = english_run(toks, self.clause_words, self.clause_function_words)
        mixed = local >= 2 or _local_stretch(toks)
        whole = n >= self.min_words and (
            (english / n >= self.ratio and english > local and not (mixed and run and len(run) < 0.8 * n))
            or (run is not None and len(run) >= 0.8 * n and not mixed)
        )
        # A short English headline ("Rupiah hits weakest level since 1998"): no word of the
        # article's language, an English function word, and nearly every word English-looking.
        headline = (
            3 <= n and len(toks) <= 8 and "\n" not in doc.norm[s.start:s.end]
            and local == 0 and english >= 1 and sum(t.kind in ("E", "e", "L") for t in words) >= 0.75 * n
        )
        if self.target == "sentence":
            # A headline is not confirmed by n-grams: a few words are too little evidence.
            if (headline and not whole) or (whole and english_probability(doc.norm[s.start:s.end], self.lex.rivals) >= self.confirm):
                english_words = [t for t in words if t.kind in ("E", "e")] or words
                # An Indonesian word that looks English ("foto") can stretch the English past
                # its attribution ("..., tulisnya sambil mengunggah foto"): what follows the
                # English run is asked too.
                markers = (self.lex.quote_attributions, self.lex.translation_markers)
                if not self.presented(doc, english_words[0].start, english_words[-1].end) and not (
                    run is not None and self.closed(doc, run[-1].end, *markers)
                ):
                    yield Hit(s.start, s.end, (_preview(doc.text[s.start:s.end]),))
        elif not whole and run is not None and local >= 1 and not self.presented(doc, run[0].start, run[-1].end):
            yield Hit(run[0].start, run[-1].end, (doc.text[run[0].start:run[-1].end],))

    # English presented as quoted material.
    def presented(self, doc, start: int, end: int) -> bool:
        """Whether the English at [start, end) is quoted material the article presents as such."""
        line = doc.enclosing("line", start)
        if self.lex.post_patterns is not None and self.lex.post_patterns.search(doc.norm, line.start, line.end):
            return True  # an embedded post
        return self.opened(doc, start) or self.closed(doc, end, self.lex.quote_attributions, self.lex.translation_markers)

    def opened(self, doc, start: int) -> bool:
        """An opener right before ``start`` in its sentence, or ending a sentence above it with
        only English sentences between ("Berikut isi unggahannya:" and two English sentences)."""
        sentences, i = _sentence_index(doc, start)
        before = doc.norm[sentences[i].start:start]
        if _WORD.search(before):
            return self._opener_at_end(before)
        for k in range(i - 1, -1, -1):
            text = doc.norm[sentences[k].start:sentences[k].end]
            if self._opens_what_follows(text):
                return True
            if not self._english_leaning(text):
                return False
        return False

    def closed(self, doc, end: int, *markers) -> bool:
        """What follows ``end`` in its sentence, or the next sentence after only English ones,
        names who posted it or translates it."""
        sentences, j = _sentence_index(doc, max(end - 1, 0))
        after = doc.norm[end:sentences[j].end]
        if _WORD.search(after):
            return self._closes(after, markers)
        for k in range(j + 1, len(sentences)):
            text = doc.norm[sentences[k].start:sentences[k].end]
            if self._closes(text, markers):
                return True
            if not self._english_leaning(text):
                return False
        return False

    def translated_after(self, doc, end: int) -> bool:
        """A translation right after ``end``, or at the start of the next sentence (after the
        attribution: '"...," tulisnya. Artinya, ...')."""
        sentences, j = _sentence_index(doc, max(end - 1, 0))
        markers = (self.lex.translation_markers,)
        if self._closes(doc.norm[end:sentences[j].end], markers):
            return True
        return j + 1 < len(sentences) and self._closes(doc.norm[sentences[j + 1].start:sentences[j + 1].end], markers)

    def _opener_ends(self, text: str) -> list[int]:
        """Where each colon (not a time's) and each opener word in ``text`` ends."""
        ends = [m.end() for m in _COLON.finditer(text)]
        if self.lex.quote_openers is not None:
            ends += [m.end() for m in self.lex.quote_openers.finditer(text)]
        return ends

    def _opener_at_end(self, text: str) -> bool:
        """A colon or an opener among the last few words of ``text``."""
        return any(len(_WORD.findall(text[pos:])) <= LEAD_WORDS for pos in self._opener_ends(text))

    def _opens_what_follows(self, text: str) -> bool:
        """A sentence that opens the English after it: it ends with a colon, it is a short
        lyrics heading, or an opener in it is followed by English (which goes on below)."""
        if text.rstrip().rstrip("\"“”‘’'").endswith(":"):
            return True
        heading = not text.rstrip(_EDGE).endswith((".", "!", "?")) and len(_WORD.findall(text)) <= 15
        if heading and self.lex.block_openers is not None and self.lex.block_openers.search(text):
            return True
        last = max(self._opener_ends(text), default=None)
        return last is not None and self._english_leaning(text[last:])

    def _closes(self, text: str, markers) -> bool:
        """``text`` starts with a translation in brackets, or one of ``markers`` is among its
        first two words ("tulisnya", "Begitu tulis", "Jika diterjemahkan")."""
        rest = text.lstrip(_EDGE)
        if rest.startswith("("):
            inside = rest[1:rest.find(")")] if ")" in rest else rest[1:200]
            toks = [t for t in tokens(inside, 0, len(inside), self.lex) if t.kind != "M"]
            return len(toks) >= 2 and not any(t.kind == "E" for t in toks) and sum(t.kind in ("I", "i") for t in toks) >= 2
        first_two = [m.start() for m in TOKEN.finditer(rest)][:2]
        return any(p is not None and p.match(rest, pos) for p in markers for pos in first_two)

    def _english_leaning(self, text: str) -> bool:
        """More English function words than local ones, or a short line with neither ("Reff")."""
        toks = [t for t in tokens(text, 0, len(text), self.lex) if t.kind != "M"]
        english = sum(t.kind == "E" for t in toks)
        local = sum(t.kind == "I" for t in toks)
        return english > local or (english == local == 0 and len(toks) <= LEAD_WORDS)

    def quotes(self, doc, quoted):
        for q_start, q_end in quoted:
            inner_start, inner_end = q_start + 1, q_end - 1
            if not self.has_english_word(doc.norm[inner_start:inner_end]):
                continue
            line = doc.enclosing("line", q_start)
            if self.lex.title_words is not None and self.lex.title_words.search(doc.norm, line.start, q_start):
                continue  # 'berjudul "..."': the title of a song, a book or another article
            toks = [t for t in tokens(doc.norm, inner_start, inner_end, self.lex) if t.kind != "M"]
            english = sum(t.kind == "E" for t in toks)
            local = sum(t.kind == "I" for t in toks)
            if len(toks) >= self.min_words and english / len(toks) >= self.ratio and english > local:
                if self.translated_after(doc, q_end):
                    continue
                if english_probability(doc.norm[inner_start:inner_end], self.lex.rivals) >= self.confirm:
                    yield Hit(q_start, q_end, (_preview(doc.text[inner_start:inner_end]),))


def quotations(doc) -> list[tuple[int, int]]:
    """The Document's quotations, found once for every language rule."""
    return quote_spans(doc.norm, doc.lines)


def english_candidates(doc, lex) -> list:
    """(sentence, its tokens) for each sentence with an English word of ``lex``, once per
    Document and lexicon for the sentence and clause rules; most sentences have none and are
    never tokenised."""
    quoted = doc.shared(quotations)
    out = []
    for s in doc.sentences:
        if has_english_word(doc.norm[s.start:s.end], lex):
            out.append((s, tokens(doc.norm, s.start, s.end, lex, quoted)))
    return out


def has_english_word(text: str, lex) -> bool:
    return any(w.lower() in lex.english for w in _WORD.findall(text))


def _sentence_index(doc, offset: int):
    """The document's sentences and the index of the one holding ``offset`` (or the last before it)."""
    sentences = doc.sentences
    return sentences, max(0, bisect_right([s.start for s in sentences], offset) - 1)


def _local_stretch(toks) -> bool:
    """Three or more words of the article's language in a row, with a function word among them."""
    run, has_function_word = 0, False
    for t in toks:
        if t.kind in ("I", "i", "L"):
            run += 1
            has_function_word |= t.kind == "I"
            if run >= 3 and has_function_word:
                return True
        else:
            run, has_function_word = 0, False
    return False


def _preview(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
