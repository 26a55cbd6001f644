"""The glued kind with word knowledge: where a glued token splits, and how sure the fix is.

The rules and the word table here are written for the tests; the frequencies are wordfreq's.
"""
import subprocess
import sys

import pytest

from newslint import lint_text
from newslint.errors import NewslintError

from conftest import rule_file

WORDS = """\
frequencies: {id: 3.0, en: 3.0}
native_margin: 0.5
joined: 2.0
names: 2.0
function_words: [yang, dan, di, pada, dari]
combining_forms: [Indo]
hyphenated: [Nya]
name_openers: [dari, di, ke]
"""

CASE = (
    "extends: glued\ncategory: garbled\nmessage: \"'%s' glued\"\n"
    "tokens: ['(?<![\\p{L}\\d])[\\p{L}\\d]*\\p{Ll}\\p{Lu}[\\p{L}\\d]*']\n"
    "words: _w.yml\njudge: case\nkeep: [iPhone, WhatsApp, YouTube]\nsuffixes: [r, nya]\n"
)
CAPITALS = (
    "extends: glued\ncategory: garbled\nmessage: \"'%s' capitals\"\n"
    "tokens: ['(?<![\\p{L}\\d])\\p{Lu}{2,}\\p{Ll}{3,}(?![\\p{L}\\d])']\n"
    "words: _w.yml\njudge: capitals\n"
)


@pytest.fixture
def glued(tmp_path):
    def _lint(body: str, text: str, words: str = WORDS):
        (tmp_path / "T").mkdir(exist_ok=True)
        (tmp_path / "T" / "_w.yml").write_text(words, encoding="utf-8")
        rule_file(tmp_path, "T", "R", body)
        return {f.match: (f.fix, f.applicability) for f in lint_text(text, select=["T"], rule_paths=[tmp_path])}

    return _lint


# -- a capital run glued to a lower-case tail ---------------------------------------------------
def test_capitals_split_after_the_whole_run_when_the_tail_is_a_word(glued):
    found = glued(CAPITALS, "Penyidik KPKtelah memeriksa, TIGApemain absen, PSIdengan tegas.")
    assert found == {"KPKtelah": ("KPK telah", "safe"), "TIGApemain": ("TIGA pemain", "safe"), "PSIdengan": ("PSI dengan", "safe")}


def test_capitals_split_before_the_last_capital_when_it_starts_a_name(glued):
    # Offered, never safe: a capitalised word after an acronym may open the next sentence.
    found = glued(CAPITALS, "Ketua PSSIErick hadir; saham PTGaruda dan PTVale naik.")
    assert found == {"PSSIErick": ("PSSI Erick", "unsafe"), "PTGaruda": ("PT Garuda", "unsafe"), "PTVale": ("PT Vale", "unsafe")}
    boundary = glued(CAPITALS, "Daftar di Bank BCABuruan daftar sekarang.")
    assert boundary == {"BCABuruan": ("BCA Buruan", "unsafe")}


def test_capitals_second_capital_typed_by_mistake_is_a_case_slip(glued):
    found = glued(CAPITALS, "PErancis menang, kata PRabowo.")
    assert found == {"PErancis": ("Perancis", "safe"), "PRabowo": ("Prabowo", "safe")}


def test_capitals_two_readings_give_the_likelier_as_an_unsafe_fix(glued):
    # "Dikutip" or "DI kutip"; "AI dan" or "Aidan"; "PT Chery" or "PTC hery".
    found = glued(CAPITALS, "DIkutip dari dunia AIdan dari PTChery.")
    assert found == {"DIkutip": ("Dikutip", "unsafe"), "AIdan": ("AI dan", "unsafe"), "PTChery": ("PT Chery", "unsafe")}


def test_capitals_leave_coinages_and_brands_alone(glued):
    # One letter before a word (RPerpres, XPeng, "Grup ALiga") and a brand as written (JPMorgan).
    assert glued(CAPITALS, "RPerpres, XPeng, Grup ALiga dan JPMorgan.") == {}


def test_capitals_split_a_function_word_off_the_tail(glued):
    found = glued(CAPITALS, "Anggaran UMKMBengkuluyang dibangun.")
    assert found == {"UMKMBengkuluyang": ("UMKM Bengkulu yang", "unsafe")}


# -- case changes ---------------------------------------------------------------------------------
def test_case_split_after_a_lower_case_word_keeps_the_name_after_it_whole(glued):
    found = glued(CASE, "Dikutip dariPhoneArena dan dariAntara.")
    assert found == {"dariPhoneArena": ("dari PhoneArena", "safe"), "dariAntara": ("dari Antara", "safe")}


def test_case_split_after_a_word_that_is_no_name_opener_is_not_safe(glued):
    # Two list items run together: "naik 2 peringkat" / "Thailand kini ...". A space is the split,
    # but it makes a run-on, so the fix needs a look.
    found = glued(CASE, "Indonesia naik 2 peringkatThailand kini di posisi 5.")
    assert found == {"peringkatThailand": ("peringkat Thailand", "unsafe")}


def test_case_kept_spelling_counts_only_after_a_word(glued):
    # "di|iPhone" is a word and a brand; "dar|iPhone" loses to "dari|Phone".
    found = glued(CASE, "Main diiPhone, lalu diunggah keYouTube.")
    assert found == {"diiPhone": ("di iPhone", "safe"), "keYouTube": ("ke YouTube", "safe")}


def test_case_brands_products_units_stay_quiet(glued):
    text = (
        "HarmonyOS, ChromeOS, NotebookLM, JetBlue, NetBlocks, PepsiCo, YouTuber, DeFi, WiFi, "
        "kWp, tvN, iPhone, MoU, DDoS, NewsWeek, JuniorGP dan IndoStrategi."
    )
    assert glued(CASE, text) == {}


def test_case_capitalised_pair_is_an_unsafe_split(glued):
    found = glued(CASE, "Liputan6.com, JakartaKetua Umum hadir.")
    assert found == {"JakartaKetua": ("Jakarta Ketua", "unsafe")}


def test_case_clitic_nya_takes_a_hyphen(glued):
    found = glued(CASE, "Semua atas kehendakNya dan rahmatNya.")
    assert found == {"kehendakNya": ("kehendak-Nya", "safe"), "rahmatNya": ("rahmat-Nya", "safe")}


def test_case_further_glue_inside_a_part_makes_the_fix_unsafe(glued):
    found = glued(CASE, "Warga diIranpada pekan lalu; mitraBMKGucapkan terima kasih.")
    assert found == {"diIranpada": ("di Iran pada", "unsafe"), "mitraBMKGucapkan": ("mitra BMKG ucapkan", "unsafe")}


def test_case_combining_forms_come_from_the_table(glued):
    assert glued(CASE, "Survei IndoStrategi rilis.") == {}
    assert glued(CASE, "Survei IndoStrategi rilis.", WORDS.replace("[Indo]", "[Mega]")) == {
        "IndoStrategi": ("Indo Strategi", "unsafe")
    }


def test_finding_message_suggestion_and_span(tmp_path):
    (tmp_path / "T").mkdir()
    (tmp_path / "T" / "_w.yml").write_text(WORDS, encoding="utf-8")
    rule_file(tmp_path, "T", "R", CAPITALS)
    (f,) = lint_text("Direksi PLNkini berubah.", select=["T"], rule_paths=[tmp_path])
    assert (f.column, f.end_column, f.message, f.suggestions, f.fix) == (9, 16, "'PLNkini' capitals", ("PLN kini",), "PLN kini")


# -- rule errors ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "body, words, message",
    [
        (CASE.replace("judge: case\n", ""), WORDS, "'judge' and 'words' go together"),
        (CASE.replace("judge: case", "judge: camel"), WORDS, "judge must be one of case, capitals"),
        (CASE, "joined: 2.0\n", "'frequencies' must map languages"),
    ],
)
def test_bad_glued_configuration_is_a_rule_error(tmp_path, body, words, message):
    (tmp_path / "T").mkdir()
    (tmp_path / "T" / "_w.yml").write_text(words, encoding="utf-8")
    rule_file(tmp_path, "T", "R", body)
    with pytest.raises(NewslintError, match=message):
        lint_text("x", select=["T"], rule_paths=[tmp_path])


# -- the shipped rules ----------------------------------------------------------------------------
def test_one_finding_per_glued_token_across_the_shipped_rules():
    select = ["Indonesian.GluedWords", "Indonesian.GluedFunctionWord", "Indonesian.GluedCapitals", "Indonesian.GluedNameWord"]
    found = lint_text("Kata Erdman kepadaBBCbahwa hutan hilang di UMKMBengkuluyang.", select=select)
    assert [(f.rule, f.match, f.fix) for f in found] == [
        ("Indonesian.GluedWords", "kepadaBBCbahwa", "kepada BBC bahwa"),
        ("Indonesian.GluedCapitals", "UMKMBengkuluyang", "UMKM Bengkulu yang"),
    ]


def test_a_clean_article_does_not_load_the_word_lists(tmp_path):
    code = (
        "from newslint import lint_text; from newslint.knowledge.words import _frequencies\n"
        "lint_text('Presiden Prabowo Subianto hadir di Jakarta pada Senin.')\n"
        "print(_frequencies.cache_info().currsize > 0)\n"
        "lint_text('Dikutip dariAntara pada Senin.')\n"
        "print(_frequencies.cache_info().currsize > 0)\n"
    )
    env = {"NEWSLINT_CACHE_DIR": str(tmp_path), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True).stdout
    assert out.split() == ["False", "True"]
