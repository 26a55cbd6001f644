"""Untranslated and mixed-language passages, on spans written for the tests."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import plain_id
from newslint import engine, lint_text
from newslint.document import Document
from newslint.builtin import builtin_rules_dir
from newslint.knowledge.langid import english_probability, load_lexicon
from newslint.plugins import load_registry
from newslint.ruleset import load_ruleset

SPANS = yaml.safe_load((Path(__file__).parent / "data" / "language_spans.yaml").read_text(encoding="utf-8"))["items"]
RULES = ("Indonesian.EnglishSentence", "Indonesian.EnglishClause", "Indonesian.EnglishFurniture")
REGISTRY = load_registry()
CHECKS = [c for c in load_ruleset(REGISTRY).checks if c.rule.id in RULES]
LEXICON = load_lexicon(str(builtin_rules_dir() / "Indonesian" / "_language.yml"))
RIVALS = LEXICON.rivals  # Indonesian first, then the languages Indonesian news quotes


def verdict(text: str) -> str:
    rules = {f.rule for f in engine.run(CHECKS, REGISTRY.document("<span>", text)).findings}
    if rules & {"Indonesian.EnglishSentence", "Indonesian.EnglishFurniture"}:
        return "foreign"
    return "clause" if "Indonesian.EnglishClause" in rules else "quiet"


@pytest.mark.parametrize("span", [s for s in SPANS if s["cls"] in ("id", "ms", "id_names", "quoted")], ids=lambda s: plain_id(s["text"]))
def test_indonesian_malay_english_names_and_quoted_english_are_never_reported(span):
    assert verdict(span["text"]) == "quiet"


def test_english_sentences_clauses_and_furniture_are_found():
    def share(cls):
        spans = [s for s in SPANS if s["cls"] == cls]
        right = {"foreign": {"foreign", "clause"}, "clause": {"clause"}, "quiet": {"quiet"}}
        return sum(verdict(s["text"]) in right[s["expect"]] for s in spans) / len(spans)

    assert share("en") >= 0.95
    assert share("furniture") >= 0.95
    assert share("id_clause") >= 0.9  # unquoted clauses found, quoted ones left alone


FRESH = """
import json, sys
from newslint.cli import main
from newslint.knowledge.langid import profile
code = main(sys.argv[1:])
print(json.dumps({"exit": code, "langdetect": "langdetect" in sys.modules, "profiles": profile.cache_info().currsize}))
"""


def run_in_fresh_process(*args, hash_seed="0"):
    """A one-file run in a new interpreter: (its findings as JSON, what it had loaded)."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run([sys.executable, "-c", FRESH, "--format", "json", *map(str, args)], capture_output=True, text=True, env=env)
    *findings, status = proc.stdout.strip().splitlines()
    return json.loads("\n".join(findings)), json.loads(status)


def test_english_is_found_and_a_clean_article_passes_without_importing_langdetect(tmp_path):
    clean = tmp_path / "bersih.txt"
    clean.write_text("Presiden meresmikan jalan tol di Jawa Tengah pada Senin pagi.\n\nWarga menyambut baik.\n", encoding="utf-8")
    findings, loaded = run_in_fresh_process(clean)
    assert findings == []
    assert loaded == {"exit": 0, "langdetect": False, "profiles": 0}  # no profile read either
    english = tmp_path / "campur.txt"
    english.write_text("Harga naik. The government said it would review the policy next week.\n", encoding="utf-8")
    findings, loaded = run_in_fresh_process("--select", "language", english)
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [("Indonesian.EnglishSentence", 1, 13)]
    assert loaded == {"exit": 1, "langdetect": False, "profiles": 1 + len(RIVALS)}
    assert RIVALS[0] == "id" and len(RIVALS) == 8


MIXED = (
    "Harga naik. The government said it would review the policy next week.\n\n"
    "Pasar bereaksi dengan tenang pada hari itu.\n\n"
    "Juru bicara kepolisian mengatakan the suspect is still being questioned oleh penyidik.\n\n"
    "Happy birthday to the love of my life, tulisnya sambil mengunggah foto berdua.\n\n"
    "Lagu itu dibuka dengan lirik yang sederhana.\n\n"
    "Oh, never let me go\n\n"
    "Warga berkumpul di alun-alun kota sejak pagi.\n\n"
    'Ia menulis: "We will not back down from this fight, whatever it takes."\n'
)


def test_the_same_input_always_gets_the_same_answer(tmp_path):
    # langdetect drew n-grams at random; the n-gram scoring has no randomness to seed.
    path = tmp_path / "campur.txt"
    path.write_text(MIXED, encoding="utf-8")
    runs = [run_in_fresh_process("--select", "language", path, hash_seed=seed)[0] for seed in ("1", "2", "3")]
    assert runs[0] and runs[0] == runs[1] == runs[2]
    sentence = "The government said it would review the policy next week."
    assert len({english_probability(sentence, RIVALS) for _ in range(5)}) == 1


@pytest.mark.parametrize(
    "text, english",
    [
        ("The government said it would review the policy next week.", True),
        ("Pemerintah mengatakan akan meninjau kebijakan itu pekan depan.", False),
        ("Kerajaan negeri akan memberi bantuan wang kepada mangsa banjir di kampung itu.", False),  # Malay
        ("Het is een mooie dag in de stad en we gaan naar het park.", False),  # Dutch
        ("Oh, never let me go", False),  # too few letters to tell; langdetect said Norwegian
        ("", False),
    ],
)
def test_confirmation_weighs_english_against_the_articles_language_and_its_neighbours(text, english):
    assert (english_probability(text, RIVALS) >= 0.8) is english


ENGLISH = "Harga naik. The government said it would review the policy next week.\n"


def test_the_articles_language_decides(newslint, write):
    assert len(newslint("--format", "json", "--select", "language", write("a.txt", ENGLISH)).findings) == 1
    assert newslint("--format", "json", "--select", "language", "--language", "en", write("b.txt", ENGLISH)).findings == []
    front = write("c.md", "---\nlanguage: en\n---\n" + ENGLISH)
    assert newslint("--format", "json", "--select", "language", front).findings == []
    write("proj/.newslint.yaml", "language: en\n")
    assert newslint("--format", "json", "--select", "language", write("proj/d.txt", ENGLISH)).findings == []


def test_english_quote_runs_only_when_selected_by_id_and_leaves_titles_alone(newslint, write):
    text = (
        "Ia menulis di X: \"We will not back down from this fight, whatever it takes.\"\n\n"
        "AFP menulis berita berjudul \"Indonesia revokes most mining permits after outcry\".\n"
    )
    path = write("q.txt", text)
    assert newslint("--format", "json", "--select", "language", path).findings == []
    assert newslint("--format", "json", path).findings == []
    run = newslint("--format", "json", "--select", "Indonesian.EnglishQuote", path)
    assert [(f["rule"], f["severity"], f["line"], f["match"]) for f in run.findings] == [
        ("Indonesian.EnglishQuote", "suggestion", 1, '"We will not back down from this fight, whatever it takes."')
    ]
    assert "no translation follows it" in run.findings[0]["message"]


def quote_findings(text):
    return [f.match for f in lint_text(text, select=["Indonesian.EnglishQuote"])]


def test_english_quote_is_quiet_when_a_translation_follows():
    quote = '"Every child in this country deserves a good school,"'
    assert quote_findings(f"{quote} kata menteri itu.") == [quote]
    assert quote_findings(f"{quote} (Setiap anak di negeri ini berhak atas sekolah yang baik) kata menteri itu.") == []
    assert quote_findings(f"{quote} kata menteri itu. Artinya, setiap anak berhak atas sekolah yang baik.") == []
    # A bracket that is not a translation does not count.
    assert quote_findings(f"{quote} (AFP) kata menteri itu.") == [quote]


def found(text):
    return [(f.rule.split(".")[1], f.match) for f in lint_text(text, select=list(RULES))]


ENGLISH_SENTENCE = "The ministry said the new rules would take effect in January next year."


@pytest.mark.parametrize(
    "text",
    [
        "Dalam unggahannya ia menulis: " + ENGLISH_SENTENCE,
        "Dalam bahasa Inggris, juru bicara itu menjelaskan bahwa the ministry would issue new rules in January.",
        ENGLISH_SENTENCE + " (Kementerian menyebut aturan baru itu berlaku mulai Januari tahun depan.)",
        ENGLISH_SENTENCE + " Artinya, aturan baru itu berlaku mulai Januari tahun depan.",
        ENGLISH_SENTENCE + " Begitu tulis kedutaan itu di akun resminya.",
        "The ministry said the new rules would take effect in January, tulisnya di X.",
        "Berikut isi pengumuman itu:\n\n" + ENGLISH_SENTENCE + "\n\nPengumuman itu dibagikan ribuan kali.",
        "Lirik Lagu Hujan Pagi - Grup Fiksi\n\nI have been walking in the rain all day long\nAnd I know that you are gone",
        '"' + ENGLISH_SENTENCE + '\n"We hope everyone will be ready by then," kata pejabat itu.',
        ENGLISH_SENTENCE + " #Update pic.twitter.com/AbCdEf12",
    ],
    ids=["colon", "bahasa-inggris", "bracket", "artinya", "begitu-tulis", "tulisnya", "block", "lyrics", "open-quote", "post"],
)
def test_english_presented_as_quoted_material_is_left_alone(text):
    assert found(text) == []


def test_untranslated_english_next_to_those_forms_is_still_found():
    # An Indonesian sentence between the opener and the English ends the quoted material.
    text = "Berikut isi pengumuman itu:\n\nWe are ready.\n\nPengumuman itu dibagikan ribuan kali oleh warga.\n\n" + ENGLISH_SENTENCE
    assert found(text) == [("EnglishSentence", ENGLISH_SENTENCE)]
    # "menulis" with no colon opens nothing; a time is not a colon that opens a quote.
    assert found("Ia menulis surat kepada gubernur. " + ENGLISH_SENTENCE) == [("EnglishSentence", ENGLISH_SENTENCE)]
    assert found("Rapat selesai pukul 21:45 WIB. " + ENGLISH_SENTENCE) == [("EnglishSentence", ENGLISH_SENTENCE)]
    # A spoken attribution does not make an untranslated sentence a presented quote.
    assert found("The ministry said the new rules would take effect soon, kata sumber itu.") == [
        ("EnglishClause", "The ministry said the new rules would take effect soon")
    ]
    # A one-word gloss in brackets is not a translation of the sentence.
    assert found("Menurut laporan itu, the ministry would issue new rules (aturan) hingga akhir tahun.") == [
        ("EnglishClause", "the ministry would issue new rules")
    ]


def test_a_quote_whose_paragraphs_go_on_below_is_masked_to_its_line_end():
    from newslint.knowledge.langid import quote_spans

    doc = Document("<q>", '"First paragraph of the quote.\n"Last one," she said. Mixed “quote marks" here.')
    spans = [doc.norm[a:b] for a, b in quote_spans(doc.norm, doc.lines)]
    assert spans == ['"First paragraph of the quote.', '"Last one,"', '“quote marks"']


def test_the_profiles_come_from_the_table_and_a_wrong_one_names_its_line(tmp_path):
    from newslint.errors import RuleError

    own = (builtin_rules_dir() / "Indonesian" / "_language.yml").read_text(encoding="utf-8")
    table = tmp_path / "_language.yml"
    table.write_text(own.replace("rivals: [nl, de,", "rivals: [xx, nl, de,"), encoding="utf-8")
    line = own.splitlines().index(next(l for l in own.splitlines() if l.startswith("rivals:"))) + 1
    with pytest.raises(RuleError) as exc:
        load_lexicon(str(table))
    assert (exc.value.path, exc.value.line) == (str(table), line) and "no n-gram profile 'xx'" in exc.value.message
    table.write_text(own.replace("profile: id\n", ""), encoding="utf-8")
    with pytest.raises(RuleError, match="'profile' must name"):
        load_lexicon(str(table))
    # Weighed against fewer languages, Dutch reads as English.
    dutch = "Het is een mooie dag in de stad en we gaan naar het park."
    assert english_probability(dutch, RIVALS) < 0.8 <= english_probability(dutch, ("id",))
