"""Scraping damage (issue 13, item 6): a full stop glued to the next sentence
(Indonesian.GluedSentences), an outlet's name glued to the words beside it (Indonesian.GluedOutlet,
the glued kind's ``names`` table) and lower-case English glued to Indonesian
(Indonesian.GluedForeignWord, the glued kind's ``judge: foreign``). Each trap the issue names has
its own test."""
import pytest

from newslint import lint_text
from newslint.errors import NewslintError

from conftest import rule_file


def found(rule: str, text: str) -> dict:
    return {f.match: (f.fix, f.applicability) for f in lint_text(text, select=[f"Indonesian.{rule}"])}


# -- a full stop with no space after it -----------------------------------------------------------
@pytest.mark.parametrize("text, match, fix", [
    ("Hal itu disampaikan di Gedung Putih.Hal itu memicu protes.", "Putih.Hal", "Putih. Hal"),
    ("Ia menolak berkomentar saat dihubungi.Ikuti berita kami.", "dihubungi.Ikuti", "dihubungi. Ikuti"),
    ("Rudal diluncurkan pada Kamis (19/6/2025).Selain itu, warga diminta waspada.", "(19/6/2025).Selain", "(19/6/2025). Selain"),
    ("Hal itu diumumkan AS.Ikuti perkembangannya.", "AS.Ikuti", "AS. Ikuti"),
    ("Ujian digelar di kampus siber.UBSI menjadi tuan rumah.", "siber.UBSI", "siber. UBSI"),
    ("Kata dia dengan “Meets Intelligence”.Ini bentuk kolaborasi.", "Intelligence”.Ini", "Intelligence”. Ini"),
    ("Acara itu digelar Juni 2025.Bertempat di Jakarta, acara dibuka.", "2025.Bertempat", "2025. Bertempat"),
    ("Ia pulang ke rumah sehari-hari.Ia mengaku lelah.", "sehari-hari.Ia", "sehari-hari. Ia"),
    ("Kata dia, “siap,” ujarnya.Ma’ruf menilai langkah itu tepat.", "ujarnya.Ma’ruf", "ujarnya. Ma’ruf"),
    ("Barang itu dijual dengan harga miring dll.Ia membeli dua.", "dll.Ia", "dll. Ia"),
])
def test_a_full_stop_glued_to_the_next_sentence_gets_a_safe_space(text, match, fix):
    assert found("GluedSentences", text) == {match: (fix, "safe")}


@pytest.mark.parametrize("text", [
    # decimals and version numbers
    "Ekonomi tumbuh 2.5 persen, indeks naik ke 19.5 poin dan aplikasi kini versi 2.1.3.",
    "Android 14.Beta masih diuji.",
    # domains and outlets, in any case
    "Dikutip dari Liputan6.com, detik.com, kompas.id dan X.com pada Senin.",
    "Laporan itu dimuat di Kompas.Com, Tribunnews.Com dan Tempo.Co.",
    "Laporan REPUBLIKA.CO.ID, JAKARTA dan TEMPO.CO, Jakarta terbit pagi.",
    # abbreviations and initials
    "Kuasa hukumnya, Budi Santoso, S.H., menyebut A.S. dan J.P. Morgan terlibat.",
    "Rektor Prof.Dr. Hasan, M.Pd, dan dr. Andi, Sp.PD, serta Subsp.G.E.H. hadir.",
    "Ia diperiksa dr.Tirta di Jln.Sudirman bersama Moh.Hatta dan H.Sarbin.",
    # URLs and e-mail addresses
    "Daftar di https://bit.ly/daftar-unm.Ikuti atau www.contoh.com/Berita.Lengkap sekarang.",
    "Kirim surel ke nama.Lengkap@contoh.com hari ini.",
    # file names
    "Unduh berkas laporan.PDF dan panduan.Docx serta foto.JPG di laman itu.",
    # ellipses
    "Ia terdiam... Lalu pergi. Katanya...Itu urusan nanti.",
    # quotes: the quote mark after the stop may open the next sentence or close this one
    "\"Kami siap.\"Ia lalu pergi. “Kami siap.”Ia pergi.",
    # numbered lists
    "Syaratnya: 1.Fotokopi KTP 2.Pas foto 3.Surat lamaran.",
    # dotted codes and a full stop with its space
    "Putusan No.92/PDT.SUS-HK/2024 dibacakan. Ini kalimat kedua.",
])
def test_a_full_stop_leaves_the_traps_alone(text):
    assert found("GluedSentences", text) == {}


# -- outlet names glued to words ------------------------------------------------------------------
@pytest.mark.parametrize("text, match, fix, safety", [
    ("Hal itu disampaikan kepadadetikcomdi Jakarta.", "kepadadetikcomdi", "kepada detikcom di", "safe"),
    ("Menurutkompascom, harga naik.", "Menurutkompascom", "Menurut kompascom", "safe"),
    ("Ia mengatakan hal itu olehLiputan6.compada Rabu.", "olehLiputan6.compada", "oleh Liputan6.com pada", "safe"),
    ("Berdasarkan pengamatanKompas.comdi lokasi, antrean panjang.", "pengamatanKompas.comdi", "pengamatan Kompas.com di", "safe"),
    ("Kabar itu dikutipLiputan6.com.", "dikutipLiputan6.com", "dikutip Liputan6.com", "safe"),
    ("Kata dia kepadatribunnewsdi Medan.", "kepadatribunnewsdi", "kepada tribunnews di", "safe"),
])
def test_an_outlet_glued_to_words_is_split_off(text, match, fix, safety):
    assert found("GluedOutlet", text) == {match: (fix, safety)}


def test_an_outlet_rule_wins_over_the_case_change_rule():
    findings = lint_text("Berdasarkan pengamatanKompas.comdi lokasi.", select=["Indonesian"])
    assert [(f.rule, f.fix) for f in findings] == [("Indonesian.GluedOutlet", "pengamatan Kompas.com di")]


@pytest.mark.parametrize("text", [
    "Hal itu disampaikan kepada detikcom di Jakarta, menurut Kompas.com.",
    "Baca di www.detik.com, m.liputan6.com atau https://kompas.id/baca/ekonomi.",
    "Kirim surel ke redaksi@kompas.com dan redaksi@detik.com.",
    # names that are words, or end words, are not outlets here
    "Lantaran pasokan seret, sementara warga Nusantara dan Danantara menunggu.",
    "Laporan detikcomnya belum terbit; detikcom, detikNews dan CNNIndonesia.com memuatnya.",
])
def test_an_outlet_alone_or_in_an_address_is_left_alone(text):
    assert found("GluedOutlet", text) == {}


# -- lower-case English glued to Indonesian -------------------------------------------------------
@pytest.mark.parametrize("text, match, fix", [
    ("Pelayanan publik harusfriendlykepada semua warga.", "harusfriendlykepada", "harus friendly kepada"),
    ("Penumpang pesawatdelayselama tiga jam.", "pesawatdelayselama", "pesawat delay selama"),
    ("Tim melakukanassessmentdan evaluasi.", "melakukanassessmentdan", "melakukan assessment dan"),
    ("Wisatawan kini mengikuti trenwellness di Bali.", "trenwellness", "tren wellness"),
])
def test_english_glued_to_indonesian_is_split_unsafely(text, match, fix):
    assert found("GluedForeignWord", text) == {match: (fix, "unsafe")}


@pytest.mark.parametrize("text", [
    "Pelayanan publik harus friendly kepada semua warga.",
    # a loanword with an Indonesian affix is a word
    "Lagu itu sudah didownload, updatenya dirilis, dan transformasinya cepat.",
    # an Indonesian word with an affix, though "dire" and "lamb" are English
    "Permintaannya direspons dengan lambannya birokrasi.",
    # "akhirnya direschedule menjadi": di + reschedule, not "dire schedule"
    "Jadwal itu akhirnyadireschedulemenjadi pekan depan.",
    # Indonesian words run together are another rule's; rare Indonesian words are words
    "Pemerintah menilaitransformasi dan mendalamidunia industri, sinematik dan polarisasi.",
    # English words as written, and English compounds
    "Ia membuka website dan smartphone; soundtrack film itu laris.",
    # two readings as few: "date sudah" or "dates udah"
    "Tiket itu datesudah habis.",
    # addresses and hashtags
    "Kunjungi https://contoh.com/harusfriendlykepada atau #harusfriendlykepada.",
])
def test_english_glued_to_indonesian_leaves_words_and_uncertain_splits_alone(text):
    assert found("GluedForeignWord", text) == {}


# -- the glued kind's options ---------------------------------------------------------------------
WORDS = """\
frequencies: {id: 3.0, en: 3.0}
native_margin: 0.5
joined: 2.0
names: 2.0
function_words: [yang, dan, di]
foreign: [en]
foreign_zipf: 3.5
prefixes: [di]
suffixes: [nya]
"""


def lint_with(tmp_path, body, text, table=None):
    (tmp_path / "T").mkdir(exist_ok=True)
    (tmp_path / "T" / "_w.yml").write_text(WORDS, encoding="utf-8")
    if table is not None:
        (tmp_path / "T" / "_n.yml").write_text(table, encoding="utf-8")
    rule_file(tmp_path, "T", "R", body)
    return {f.match: f.fix for f in lint_text(text, select=["T"], rule_paths=[tmp_path])}


NAMES = "extends: glued\ncategory: garbled\nmessage: \"'%s'\"\nnames: _n.yml\nwords: _w.yml\njudge: case\n"


def test_names_table_makes_the_tokens_in_any_case(tmp_path):
    assert lint_with(tmp_path, NAMES, "Kata dia kepadaberitakuDi sana, dariBeritaku.id pagi.", "names: [beritaku.id, beritaku]\n") == {
        "kepadaberitakuDi": "kepada beritaku Di", "dariBeritaku.id": "dari Beritaku.id"}


def test_names_table_must_list_names(tmp_path):
    with pytest.raises(NewslintError, match="'names' must be a list"):
        lint_with(tmp_path, NAMES, "x", "names: beritaku\n")


def test_tokens_or_names_are_required(tmp_path):
    body = "extends: glued\ncategory: garbled\nmessage: \"'%s'\"\nwords: _w.yml\njudge: case\n"
    with pytest.raises(NewslintError, match="'tokens' \\(or 'names'\\) is required"):
        lint_with(tmp_path, body, "x")


def test_foreign_judge_needs_one_fewest_parts_reading_with_both_languages(tmp_path):
    body = ("extends: glued\ncategory: garbled\nmessage: \"'%s'\"\nwords: _w.yml\njudge: foreign\n"
            "tokens: ['(?<![\\p{L}])\\p{Ll}{8,}(?![\\p{L}])']\n")
    text = "Jalan rumahfriendlyyang, lalu didownload, updatenya, rumahsakit dan friendlyhouse."
    # rumahsakit: two Indonesian words; friendlyhouse: two English ones; the affixed are words
    assert lint_with(tmp_path, body, text) == {"rumahfriendlyyang": "rumah friendly yang"}


# -- long lines -----------------------------------------------------------------------------------
def test_long_lines_without_spaces_are_searched_in_linear_time():
    # Before the URL look-back was bounded, a line of stops with no space in it was searched back
    # from every stop (quadratic): the search ran past its time limit and the rule was skipped.
    text = ("x" * 300_000 + ".Ia\n" + "https://contoh.com/" + "ab.Cd" * 60_000 + "\n"
            + "harusfriendly" * 30_000 + "\n" + "kepadadetikcom" * 20_000 + "\n")
    findings = lint_text(text, select=["Indonesian.GluedSentences", "Indonesian.GluedOutlet", "Indonesian.GluedForeignWord"])
    assert [(f.rule, f.line) for f in findings] == [("Indonesian.GluedSentences", 1)]
