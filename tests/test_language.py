"""Untranslated and mixed-language passages, on spans written for the tests."""
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newslint import engine
from newslint.document import Document
from newslint.plugins import load_registry
from newslint.ruleset import load_ruleset

SPANS = yaml.safe_load((Path(__file__).parent / "data" / "language_spans.yaml").read_text(encoding="utf-8"))["items"]
RULES = ("Indonesian.EnglishSentence", "Indonesian.EnglishClause", "Indonesian.EnglishFurniture")
CHECKS = [c for c in load_ruleset(load_registry()).checks if c.rule.id in RULES]


def verdict(text: str) -> str:
    rules = {f.rule for f in engine.run(CHECKS, Document("<span>", text)).findings}
    if rules & {"Indonesian.EnglishSentence", "Indonesian.EnglishFurniture"}:
        return "foreign"
    return "clause" if "Indonesian.EnglishClause" in rules else "quiet"


@pytest.mark.parametrize("span", [s for s in SPANS if s["cls"] in ("id", "ms", "id_names")], ids=lambda s: s["text"][:40])
def test_indonesian_malay_and_english_names_are_never_reported(span):
    assert verdict(span["text"]) == "quiet"


def test_english_sentences_clauses_and_furniture_are_found():
    def share(cls):
        spans = [s for s in SPANS if s["cls"] == cls]
        right = {"foreign": {"foreign", "clause"}, "clause": {"clause"}, "quiet": {"quiet"}}
        return sum(verdict(s["text"]) in right[s["expect"]] for s in spans) / len(spans)

    assert share("en") >= 0.95
    assert share("furniture") >= 0.95
    assert share("id_clause") >= 0.9  # unquoted clauses found, quoted ones left alone


LAZY = """
import sys
from newslint.cli import main
code = main(sys.argv[1:])
print("langdetect loaded:", "langdetect" in sys.modules, "exit:", code)
"""


def run_in_fresh_process(*args):
    proc = subprocess.run([sys.executable, "-c", LAZY, *map(str, args)], capture_output=True, text=True)
    return proc.stdout.strip().splitlines()[-1]


def test_a_clean_article_does_not_load_langdetect(tmp_path):
    clean = tmp_path / "bersih.txt"
    clean.write_text("Presiden meresmikan jalan tol di Jawa Tengah pada Senin pagi.\n\nWarga menyambut baik.\n", encoding="utf-8")
    assert run_in_fresh_process(clean) == "langdetect loaded: False exit: 0"
    english = tmp_path / "campur.txt"
    english.write_text("Harga naik. The government said it would review the policy next week.\n", encoding="utf-8")
    assert run_in_fresh_process("--select", "language", english) == "langdetect loaded: True exit: 1"


ENGLISH = "Harga naik. The government said it would review the policy next week.\n"


def test_the_articles_language_decides(newslint, write):
    assert len(newslint("--format", "json", "--select", "language", write("a.txt", ENGLISH)).findings) == 1
    assert newslint("--format", "json", "--select", "language", "--language", "en", write("b.txt", ENGLISH)).findings == []
    front = write("c.md", "---\nlanguage: en\n---\n" + ENGLISH)
    assert newslint("--format", "json", "--select", "language", front).findings == []
    write("proj/.newslint.yaml", "language: en\n")
    assert newslint("--format", "json", "--select", "language", write("proj/d.txt", ENGLISH)).findings == []


def test_quoted_english_is_a_suggestion_and_titles_are_left_alone(newslint, write):
    text = (
        "Ia menulis di X: \"We will not back down from this fight, whatever it takes.\"\n\n"
        "AFP menulis berita berjudul \"Indonesia revokes most mining permits after outcry\".\n"
    )
    run = newslint("--format", "json", "--select", "language", write("q.txt", text))
    assert [(f["rule"], f["severity"], f["line"]) for f in run.findings] == [("Indonesian.EnglishQuote", "suggestion", 1)]
