"""language: passages that are not in the article's language (by default Indonesian).

``target`` picks what the rule reports:

- ``sentence``: a sentence in English (cheap test, then langdetect to confirm);
- ``clause``: an English clause inside a sentence of the article's language;
- ``quote``: English inside quotation marks (a quote presented as such: report it softly);
- ``furniture``: a whole line of English page furniture ("Back To Top").

The rule runs on articles whose language (``doc.meta["language"]``: front matter, ``--language``
or the ``language`` config key; Indonesian when none is given) is in ``languages``. Malay is
never reported: its function words are not English, and langdetect has no Malay profile.
"""
from __future__ import annotations


import regex

from newslint.checks import Check, Hit
from newslint.langid import detect_english, english_run, load_lexicon, quote_spans, tokens

TARGETS = ("sentence", "clause", "quote", "furniture")
_WORD = regex.compile(r"[\p{L}]+(?:['’][\p{L}]+)*")


class LanguageCheck(Check):
    keys = {
        "table": ("str", "word lists, relative to the rule's folder"),
        "target": ("str", "sentence, clause, quote or furniture"),
        "languages": ("list", "article languages the rule applies to (default: [id])"),
        "min_words": ("int", "words a sentence needs, after masking, to be judged (default 5)"),
        "min_english_percent": ("int", "share of English function words that makes a candidate (default 25)"),
        "clause_words": ("int", "words in an English clause (default 4)"),
        "clause_function_words": ("int", "English function words in a clause (default 2)"),
        "confirm_percent": ("int", "langdetect's English probability needed to confirm (default 80)"),
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
        quoted = quote_spans(doc.norm, doc.lines)
        if self.target == "quote":
            yield from self.quotes(doc, quoted)
            return
        for s in doc.sentences:
            if not self.has_english_word(doc.norm[s.start:s.end]):
                continue  # most sentences stop here, before any tokenising
            if self.target == "sentence" and self.is_furniture(doc.norm[s.start:s.end]):
                continue  # the furniture rule reports these lines
            yield from self.sentence_or_clause(doc, s, quoted)

    def has_english_word(self, text: str) -> bool:
        return any(w.lower() in self.lex.english for w in _WORD.findall(text))

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

    def sentence_or_clause(self, doc, s, quoted):
        toks = tokens(doc.norm, s.start, s.end, self.lex, quoted)
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
            if headline and not whole:
                yield Hit(s.start, s.end, (_preview(doc.text[s.start:s.end]),))  # langdetect is erratic on a few words
            elif whole and detect_english(doc.norm[s.start:s.end]) >= self.confirm:
                yield Hit(s.start, s.end, (_preview(doc.text[s.start:s.end]),))
        elif not whole and run is not None and local >= 1:
            yield Hit(run[0].start, run[-1].end, (doc.text[run[0].start:run[-1].end],))

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
                if detect_english(doc.norm[inner_start:inner_end]) >= self.confirm:
                    yield Hit(q_start, q_end, (_preview(doc.text[inner_start:inner_end]),))


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
