"""Word knowledge: is a string a word of a language, and how common is it there.

The answers come from wordfreq's word-frequency lists (Zipf scale: 7 for "dan", 3 for a word
met once in a million words, 0 for one never seen). Loading the Indonesian and English lists takes
about 0.2 s and 35 MiB, so nothing is loaded until the first question: an article without a
candidate token never pays.
The thresholds are data (a pack's word table), not code.
"""
from __future__ import annotations

import gzip
import importlib.util
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def _frequencies(lang: str, floor: float) -> dict[str, float] | None:
    """wordfreq's list for ``lang`` read straight from its data file (word -> Zipf, only words at
    ``floor`` or above: the rest count as unseen), or None if the file is not in the format this
    reader knows. Importing wordfreq itself takes longer than reading the file (0.2-0.4 s: it
    imports its tokenisers), so it is the fallback only."""
    import msgpack  # a dependency of wordfreq

    folder = Path(importlib.util.find_spec("wordfreq").submodule_search_locations[0]) / "data"
    path = next((p for p in (folder / f"large_{lang}.msgpack.gz", folder / f"small_{lang}.msgpack.gz") if p.is_file()), None)
    if path is None:
        return None
    with gzip.open(path, "rb") as f:
        data = msgpack.load(f, raw=False)
    if not isinstance(data[0], dict) or data[0].get("format") != "cB" or data[0].get("version") != 1:
        return None
    # The list at index i (after the header) holds the words at -i centibels: Zipf 9 - i/100.
    table: dict[str, float] = {}
    for i, words in enumerate(data[1 : int(round((9 - floor) * 100)) + 2]):
        if words:
            table.update(dict.fromkeys(words, round(9 - i / 100, 2)))
    return table


@lru_cache(maxsize=200_000)
def zipf(word: str, lang: str, floor: float = 0.0) -> float:
    """The Zipf frequency of ``word`` (any case) in ``lang``; 0.0 for an unseen word or one rarer
    than ``floor``."""
    table = _frequencies(lang, floor)
    if table is None:
        from wordfreq import zipf_frequency

        value = zipf_frequency(word, lang)
        return value if value >= floor else 0.0
    return table.get(word.casefold(), 0.0)


class Lexicon:
    """Words of a few languages, each known from a Zipf frequency up (``{"id": 3.0, "en": 3.0}``).
    The first language is the article's own."""

    def __init__(self, min_zipf: dict[str, float], native_margin: float = 0.0, floor: float = 0.0):
        self.min_zipf = dict(min_zipf)
        self.home = next(iter(self.min_zipf))
        self.native_margin = native_margin
        self.floor = floor  # rarer words are not loaded (less time and memory) and count as unseen

    def frequency(self, word: str, lang: str | None = None) -> float:
        """The word's Zipf frequency in ``lang`` (default: its highest in any of the languages)."""
        if lang is not None:
            return zipf(word, lang, self.floor)
        return max(zipf(word, code, self.floor) for code in self.min_zipf)

    def known(self, word: str, lang: str | None = None) -> bool:
        """A word of ``lang`` (default: of any of the languages)."""
        langs = [lang] if lang else self.min_zipf
        return any(zipf(word, code, self.floor) >= self.min_zipf[code] for code in langs)

    def native(self, word: str) -> bool:
        """A word of the home language more common there than anywhere else by ``native_margin``
        ("dari", "Presiden"; not "Harmony" or "Junior", which English uses as much or more)."""
        home = zipf(word, self.home, self.floor)
        return home >= self.min_zipf[self.home] and all(
            home >= zipf(word, code, self.floor) + self.native_margin for code in self.min_zipf if code != self.home
        )
