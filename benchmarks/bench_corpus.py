"""The benchmark's inputs: a generated corpus, the one-file articles and 1,000 generated rules.

Everything is built from benchmarks/articles/ (articles written for the project) with a fixed
seed, so two runs with the same arguments lint byte-identical files.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent / "articles"
CLEAN_ARTICLE = "14-kesehatan-dbd.txt"  # newslint finds nothing in it
# Glued to the end of the clean article's fourth paragraph for the "one English sentence" file.
ENGLISH_SENTENCE = "Health officials said the outbreak was expected to peak before the end of the year."
SPLICE_SHARE = 0.3  # share of body paragraphs made of the sentences of two paragraphs
SENTENCE_END = re.compile(r"(?<=[.!?\"])\s+(?=[A-Z\"])")


@dataclass
class Pool:
    titles: list[str]
    leads: list[str]  # "CITY, OUTLET - ..." first paragraphs
    bodies: list[str]  # every other paragraph, boilerplate lines included


def load_pool(folder: Path = ARTICLES) -> Pool:
    pool = Pool([], [], [])
    for path in sorted(folder.glob("*.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        pool.titles.append(paragraphs[0])
        pool.leads.append(paragraphs[1])
        pool.bodies.extend(paragraphs[2:])
    return pool


def _splice(rng: random.Random, first: str, second: str) -> str:
    a, b = SENTENCE_END.split(first), SENTENCE_END.split(second)
    if len(a) < 2 or len(b) < 2:
        return first  # a one-line paragraph (boilerplate, a quote) stays as written
    return " ".join(a[: len(a) // 2] + b[len(b) // 2:])


def _article(rng: random.Random, pool: Pool) -> str:
    target = rng.uniform(2500, 5500)  # bytes; mean about 4 KB like the corpus
    parts = [rng.choice(pool.titles), rng.choice(pool.leads)]
    size = sum(len(p.encode()) for p in parts)
    order = rng.sample(pool.bodies, len(pool.bodies))  # no paragraph twice in one article
    for paragraph in order:
        if size >= target:
            break
        if rng.random() < SPLICE_SHARE:
            paragraph = _splice(rng, paragraph, rng.choice(pool.bodies))
        parts.append(paragraph)
        size += len(paragraph.encode()) + 2
    return "\n\n".join(parts) + "\n"


def generate_corpus(folder: Path, count: int, seed: int) -> int:
    """Write count articles as folder/a00000.txt ...; returns the total bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    rng, pool, total = random.Random(seed), load_pool(), 0
    for i in range(count):
        data = _article(rng, pool).encode("utf-8")
        (folder / f"a{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def write_one_file_articles(folder: Path) -> tuple[Path, Path]:
    """The clean article and the same article with one English sentence in it."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (ARTICLES / CLEAN_ARTICLE).read_text(encoding="utf-8")
    clean = folder / "clean.txt"
    clean.write_text(text, encoding="utf-8")
    paragraphs = text.split("\n\n")
    paragraphs[3] = paragraphs[3].rstrip() + " " + ENGLISH_SENTENCE
    english = folder / "english.txt"
    english.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return clean, english


# -- 1,000 generated rules ---------------------------------------------------------------

SYLLABLES = [c + v for c in "bdgjklmnprstw" for v in "aiueo"]
RULE_TEMPLATE_EXISTENCE = """extends: existence
category: garbled
level: warning
message: "'%s' is a generated benchmark word."
tokens:
  - {word}
"""
RULE_TEMPLATE_SUBSTITUTION = """extends: substitution
category: garbled
level: warning
message: "Write %s, not '%s' (generated benchmark rule)."
swap:
  {word}: {replacement}
"""


def _words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4)))
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


def generate_rules(folder: Path, count: int, seed: int) -> Path:
    """Write count rules (half existence, half substitution), each with its own literal word,
    into folder/Bench/; returns folder, the value for a config's rule-paths."""
    pack = folder / "Bench"
    pack.mkdir(parents=True, exist_ok=True)
    vocabulary = set(re.findall(r"\w+", " ".join(p.read_text(encoding="utf-8").lower()
                                              for p in ARTICLES.glob("*.txt"))))
    rng = random.Random(seed)
    words = _words(rng, 2 * count, set(vocabulary))  # never a word of the corpus
    for i in range(count):
        word, replacement = words[2 * i], words[2 * i + 1]
        template = RULE_TEMPLATE_EXISTENCE if i % 2 == 0 else RULE_TEMPLATE_SUBSTITUTION
        (pack / f"Generated{i:04d}.yml").write_text(
            template.format(word=word, replacement=replacement), encoding="utf-8")
    return folder
