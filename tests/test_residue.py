"""Scraping residue and damage: the boilerplate rules' new forms, their fixes, mojibake and the
same quote translated twice. Every article here is written for the tests."""
import sys

import pytest

from newslint import lint_text
from newslint.document import Document
from newslint.post.fixes import apply_fixes


def lint(text, *rules):
    return lint_text(text, select=[f"Indonesian.{r}" for r in rules])


def fixed(text, *rules, unsafe=False):
    return apply_fixes(text, lint(text, *rules), unsafe=unsafe)[0]


# Residue lines that were missed.

@pytest.mark.parametrize("rule, line", [
    ("Syndication", "Artikel ini telah naik di detikSulsel dengan judul \"Jalan Poros Longsor\"."),
    ("Syndication", "Berita ini pertama kali terbit di Kompas.id."),
    ("Syndication", "Artikel ini bersumber dari pemberitaan di KONTAN."),
    ("SiteFooter", "Saksikan Live DetikSore:"),
    ("Embed", "Tonton juga video: Kebakaran Gudang Plastik di Tangerang"),
])
def test_a_residue_line_is_removed_whole_and_safely(rule, line):
    text = f"Jalan itu ditutup sejak pagi.\n{line}\nPengendara diminta memutar."
    (f,) = lint(text, rule)
    assert (f.line, f.column, f.match) == (2, 1, line)
    assert (f.fix, f.applicability) == ("", "safe")
    assert fixed(text, rule) == "Jalan itu ditutup sejak pagi.\nPengendara diminta memutar."  # the line goes with its line end


@pytest.mark.parametrize("rule, line", [
    ("Syndication", "Berita ini bersumber dari keterangan tertulis Polda Jawa Timur."),
    ("Syndication", "Harga saham itu telah naik di atas Rp 5.000 per lembar."),
    ("SiteFooter", "Saksikan live streaming laga Persebaya malam ini di Vidio."),
    ("Embed", "Lihat juga video berikut agar tidak salah langkah."),
])
def test_story_sentences_that_look_like_residue_are_left_alone(rule, line):
    assert lint(f"Jalan itu ditutup sejak pagi.\n{line}", rule) == []


# "Baca Juga" boxes glued into a paragraph.

def test_a_glued_box_goes_with_its_headlines_and_the_paragraph_keeps_one_space():
    text = "Gudang terbakar pukul 02.00 WIB.Baca JugaTiga Rumah Rusak Diterjang AnginJembatan Putus di HuluPetugas pemadam tiba setengah jam kemudian."
    (f,) = lint(text, "BacaJuga", "BacaJugaGlued", "BacaJugaInline")
    assert f.rule == "Indonesian.BacaJugaGlued"
    assert f.match == "Baca JugaTiga Rumah Rusak Diterjang AnginJembatan Putus di Hulu"
    assert (f.fix, f.applicability) == (" ", "unsafe")
    assert fixed(text, "BacaJugaGlued") == text  # unsafe: --fix leaves it
    assert fixed(text, "BacaJugaGlued", unsafe=True) == "Gudang terbakar pukul 02.00 WIB. Petugas pemadam tiba setengah jam kemudian."


def test_a_glued_box_before_a_quote_ends_at_the_quote():
    text = "Warga mengungsi.Baca Juga:Sungai Meluap Lagi“Air naik cepat,” kata Lurah."
    (f,) = lint(text, "BacaJugaGlued")
    assert fixed(text, "BacaJugaGlued", unsafe=True) == "Warga mengungsi. “Air naik cepat,” kata Lurah."


def test_a_box_at_the_end_of_the_line_goes_to_the_end():
    text = "Laga disiarkan di televisi.Baca Juga: Hasil Liga: Tim A Menang 2-1 atas Tim B\nLaga berikutnya Sabtu."
    (f,) = lint(text, "BacaJuga", "BacaJugaGlued", "BacaJugaInline")
    assert (f.rule, f.match) == ("Indonesian.BacaJugaInline", "Baca Juga: Hasil Liga: Tim A Menang 2-1 atas Tim B")
    # No fix: where the headline ends is a guess (and deleting the label alone would leave it).
    assert (f.fix, fixed(text, "BacaJugaInline", unsafe=True)) == (None, text)


def test_a_sentence_ending_the_line_is_not_taken_for_a_headline():
    text = "Laga disiarkan di televisi.Baca Juga Pelatih menyebut timnya siap bertanding."
    (f,) = lint(text, "BacaJugaInline")
    assert f.match == "Baca Juga "  # only the label: where the headline ends is not known


def test_a_baca_juga_line_of_its_own_is_one_safe_finding():
    text = "Harga emas turun.\nBaca juga: Harga Perak Ikut Melemah\nPedagang mengeluh."
    (f,) = lint(text, "BacaJuga", "BacaJugaGlued", "BacaJugaInline")
    assert (f.rule, f.line, f.applicability) == ("Indonesian.BacaJuga", 2, "safe")


# Mojibake.

def test_mojibake_is_found_and_repaired_word_by_word():
    text = "Luas lahan Â±300 hektare atau 3 kmÂ², kata Direktur PT CafÃ© Nusantara."
    found = lint(text, "Mojibake")
    assert [(f.match, f.fix, f.applicability) for f in found] == [
        ("Â±300", "±300", "safe"), ("kmÂ²", "km²", "safe"), ("CafÃ©", "Café", "safe")]
    assert found[0].message == "'Â±300' is mojibake: UTF-8 text read as Windows-1252 on its way here; write '±300'."
    assert found[0].suggestions == ("±300",)
    assert fixed(text, "Mojibake") == "Luas lahan ±300 hektare atau 3 km², kata Direktur PT Café Nusantara."


def test_mojibake_of_quotes_and_of_a_whole_non_latin_word():
    text = "Ia menyebutnya â€œberbahayaâ€\x9d, dari kata Ø³Ù\x90Ø¬Ù\x90Ù\x91Ù\x8aÙ\x84."
    assert fixed(text, "Mojibake") == "Ia menyebutnya “berbahaya”, dari kata سِجِّيل."


@pytest.mark.parametrize("text", [
    "Erdoğan bertemu Nguyễn Phú Trọng dan Peña di café itu… lalu pulang.",
    "“Kami siap,” kata Ñíguez; ﬁnal digelar di Ｔｏｋｙｏ.",  # ftfy would restyle these; not mojibake
    "Suhu 30°C, luas ±5 km², harga naik ½ persen.",
    "Ã est une lettre; Â aussi.",
])
def test_correct_text_is_not_mojibake(text):
    assert lint(text, "Mojibake") == []


def test_a_clean_article_does_not_load_ftfy():
    from newslint.kinds.mojibake import Mojibake
    sys.modules.pop("ftfy", None)
    check = Mojibake.__new__(Mojibake)
    assert list(check.find(Document("<t>", "Harga cabai naik. “Kami siap,” kata Erdoğan."))) == []
    assert "ftfy" not in sys.modules


# The same quote translated twice.

QUOTE_TWICE = (
    "\"Kami akan membangun jembatan baru yang kuat dan tahan gempa untuk warga desa,\" kata Bupati.\n"
    "\n"
    "Proyek itu dibiayai APBD.\n"
    "\n"
    "“Kami akan mendirikan jembatan baru yang kokoh dan tahan gempa bagi warga desa,” ujarnya.\n"
)


def test_a_quote_translated_twice_is_reported_at_the_second_version():
    (f,) = lint(QUOTE_TWICE, "RepeatedQuote")
    assert (f.line, f.column) == (5, 2)
    assert f.match == "Kami akan mendirikan jembatan baru yang kokoh dan tahan gempa bagi warga desa,"
    assert f.message.startswith("This quote says again what the quote on line 1 says, in other words")
    assert f.fix is None


@pytest.mark.parametrize("text", [
    # other figures, other names: a formula repeated, not a statement
    "\"Terdakwa dihukum penjara selama 11 tahun dan denda Rp 500 juta,\" kata hakim.\n"
    "\"Terdakwa dihukum penjara selama 14 tahun dan denda Rp 500 juta,\" kata jaksa.",
    "\"Klaim hadiah dari Bank Sentosa lewat tautan di bawah ini sekarang juga.\"\n"
    "\"Klaim hadiah dari Bank Makmur lewat tautan di bawah ini sekarang juga.\"",
    # word for word: DuplicateText's
    "\"Kami akan membangun jembatan baru yang kuat dan tahan gempa untuk warga,\" katanya.\n"
    "\"Kami akan membangun jembatan baru yang kuat dan tahan gempa untuk warga,\" ujarnya.",
    # ordinary sentences are not compared, however alike
    "Postingan itu juga disertai dengan tautan yang mengarahkan kita pada website tertentu.\n"
    "Postingan itu juga disertai dengan tautan yang mengarah pada website tertentu.",
])
def test_alike_passages_that_are_not_one_quote_retold(text):
    assert lint(text, "RepeatedQuote") == []


# One finding per problem.

def test_an_ad_line_is_one_finding_whatever_else_sees_it():
    text = "Harga minyak naik 3 persen.\nSCROLL TO CONTINUE WITH CONTENT\nADVERTISEMENT\nPedagang mengeluh."
    found = lint_text(text, select=["boilerplate", "language"])
    assert [(f.line, f.rule) for f in found] == [(2, "Indonesian.Advertisement"), (3, "Indonesian.Advertisement")]
