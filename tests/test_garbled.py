"""Garbled phrases and suggestions computed from the match, through the shipped rules (issue 9).

Every text here is written for the tests."""
import pytest

from newslint import lint_text
from newslint.post.fixes import apply_fixes


def lint(rule: str, text: str):
    return lint_text(text, select=[f"Indonesian.{rule}"])


def fixed(rule: str, text: str, unsafe: bool = True) -> str:
    return apply_fixes(text, lint(rule, text), unsafe=unsafe)[0]


# -- DoubledWord ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, output", [
    ("Surat itu dikirim dari dari Bandung kemarin.", "Surat itu dikirim dari Bandung kemarin."),
    ("Rapat ditunda pada pada Kamis pagi.", "Rapat ditunda pada Kamis pagi."),
    ("Warga yang yang terdampak menerima bantuan.", "Warga yang terdampak menerima bantuan."),
])
def test_a_doubled_function_word_loses_a_copy_safely(text, output):
    (f,) = lint("DoubledWord", text)
    assert f.applicability == "safe"
    assert f.message == f"'{f.fix}' is written twice in a row: keep one copy."
    assert fixed("DoubledWord", text, unsafe=False) == output


def test_a_doubled_noun_is_offered_with_a_hyphen_but_needs_a_look():
    text = "Nelayan menyusuri pulau pulau kecil di selatan."
    (f,) = lint("DoubledWord", text)
    assert (f.match, f.fix, f.applicability) == ("pulau pulau", "pulau-pulau", "unsafe")
    assert f.suggestions == ("pulau-pulau", "pulau")
    assert "hyphen ('pulau-pulau')" in f.message and "keep one copy" in f.message
    assert fixed("DoubledWord", text, unsafe=False) == text  # never applied blindly
    assert fixed("DoubledWord", text) == "Nelayan menyusuri pulau-pulau kecil di selatan."


def test_a_reduplication_at_a_sentence_start_keeps_its_capital():
    assert fixed("DoubledWord", "Hari hari sulit sudah lewat.") == "Hari-hari sulit sudah lewat."


def test_words_that_do_reduplicate_are_joined_not_dropped():
    # "oleh", "sama" and "dalam" are function-like but have reduplicated forms.
    for word in ("oleh", "sama", "dalam"):
        (f,) = lint("DoubledWord", f"Mereka membawa {word} {word} dari sana.")
        assert (f.fix, f.applicability) == (f"{word}-{word}", "unsafe")


def test_a_two_word_phrase_printed_twice_loses_a_copy():
    text = "Petugas berjaga di setiap di setiap pintu masuk."
    (f,) = lint("DoubledWord", text)
    assert (f.match, f.fix, f.applicability) == ("di setiap di setiap", "di setiap", "safe")
    assert fixed("DoubledWord", text, unsafe=False) == "Petugas berjaga di setiap pintu masuk."


@pytest.mark.parametrize("text", [
    "Lagu baru Ayu Ting Ting diputar di radio.",
    "Gerobak Mie Tek Tek itu mangkal di depan sekolah.",
    "Suporter bernyanyi hei hei ho ho tanpa henti.",
    "Anak-anak bermain layang-layang.",
    "Katanya, dari, dari mana saja boleh.",
    "Ia menulis kata pada\npada baris berikutnya.",
])
def test_names_chants_hyphens_and_breaks_are_left_alone(text):
    assert lint("DoubledWord", text) == []


# -- SelfCoordinated -----------------------------------------------------------------------

@pytest.mark.parametrize("text, match", [
    ("Kelompok itu menolak “tanda baca dan tanda baca” dari Barat.", "tanda baca dan tanda baca"),
    ("Tim tampil dengan semangat dan semangat yang tinggi.", "semangat dan semangat"),
    ("Mereka menuntut keadilan atau keadilan.", "keadilan atau keadilan"),
])
def test_a_phrase_coordinated_with_itself_is_flagged(text, match):
    assert [f.match for f in lint("SelfCoordinated", text)] == [match]


@pytest.mark.parametrize("text", [
    "Dana itu dibagi antara pemerintah dan pemerintah daerah.",
    "Rapat antara kementerian dan kementerian perhubungan berlangsung lama.",
    "Yang rugi saya dan saya sendiri.",
    "Laga ini berarti bagi saya dan saya senang bisa mencetak gol.",
    "Ia mencari pekerjaan atau pekerjaan yang lebih baik.",
    "Tekan tombol untuk memulai dan memulai kembali mesin.",
    "Laptop itu tersedia dalam varian Pro dan Pro+ tahun ini.",
    "Penerbangan Maumere - Kupang dan Kupang - Maumere dibuka lagi.",
    "Ia berlatih lagi dan lagi.",
    "Kami terus bekerja dan bekerja.",
])
def test_coordination_that_goes_on_after_the_copy_is_left_alone(text):
    assert lint("SelfCoordinated", text) == []


# -- EnglishDecimalPoint: the suggestion is the number found -----------------------------

@pytest.mark.parametrize("text, match, suggestion", [
    ("Inflasi tahunan naik 0.79% pada Juni.", "0.79", "0,79"),
    ("Laba bersih mencapai Rp 475.8 miliar.", "475.8", "475,8"),
    ("Sebanyak 3.25 juta pemudik pulang kampung.", "3.25", "3,25"),
])
def test_decimal_point_suggestion_is_computed_from_the_number(text, match, suggestion):
    (f,) = lint("EnglishDecimalPoint", text)
    assert (f.match, f.suggestions, f.fix, f.applicability) == (match, (suggestion,), suggestion, "unsafe")
    assert f.message.startswith(f"Write '{suggestion}', not '{match}'")
    assert fixed("EnglishDecimalPoint", text) == text.replace(match, suggestion)


@pytest.mark.parametrize("text", ["Dana Rp 1.250 miliar cair.", "Kereta berangkat pukul 07.45 WIB.", "Naik 2,5 persen."])
def test_decimal_point_leaves_thousands_and_times_alone(text):
    assert lint("EnglishDecimalPoint", text) == []


# -- Mistranslation fixes and suggestions fit what was matched ---------------------------

@pytest.mark.parametrize("rule, text, output", [
    ("MenteriSekretarisDoubleTitle", "Menteri Keuangan Sekretaris Janet Yellen tiba.", "Menteri Keuangan Janet Yellen tiba."),
    ("ScoreAGoalAsTujuan", "Striker itu mencetak tiga tujuan malam ini.", "Striker itu mencetak tiga gol malam ini."),
    ("SekretarisEnergi", "Sekretaris Energi AS tiba di Riyadh.", "Menteri Energi AS tiba di Riyadh."),
    ("SekretarisPertanian", "Ia bertemu Sekretaris Pertanian di Iowa.", "Ia bertemu Menteri Pertanian AS di Iowa."),
    ("DepartemenKeadilanForJusticeDepartment", "Jaksa Departemen Keadilan AS mundur.", "Jaksa Departemen Kehakiman AS mundur."),
    ("FirstLadyCalque", "Wanita Pertama Jill Biden berpidato.", "Ibu Negara Jill Biden berpidato."),
    ("HasilForYield", "Hasil Treasury tenor 10 tahun naik.", "Imbal hasil Treasury tenor 10 tahun naik."),
    ("HasilForYield", "Investor memantau hasil obligasi bertenor 5 tahun.", "Investor memantau imbal hasil obligasi bertenor 5 tahun."),
    ("ModalForCapitalCity", "Rudal jatuh di modal Iran, Teheran.", "Rudal jatuh di ibu kota Iran, Teheran."),
    ("KantorLuarNegeriForForeignOffice", "Kantor Luar Negeri Jerman memanggil dubes.", "Kementerian Luar Negeri Jerman memanggil dubes."),
    ("KantorRumahForHomeOffice", "Kantor Rumah Inggris menolak visa itu.", "Kementerian Dalam Negeri Inggris menolak visa itu."),
    ("StreetNamesTranslated", "Indeks di Jalan Wall melemah.", "Indeks di Wall Street melemah."),
    ("KamarForChamber", "RUU itu lolos di kamar bawah parlemen.", "RUU itu lolos di majelis rendah parlemen."),
    ("CeasefireCalque", "Penghentian api berlaku pukul enam.", "Gencatan senjata berlaku pukul enam."),
])
def test_mistranslation_fixes_keep_what_the_match_said(rule, text, output):
    found = lint(rule, text)
    assert found and all(f.applicability == "unsafe" for f in found)
    assert fixed(rule, text) == output


@pytest.mark.parametrize("rule, text, suggestions", [
    ("TuanForMr", "Nyonya Reeves menaikkan pajak.", ("Reeves",)),
    ("MayorForWaliKota", "Mayor Paris menutup jalan.", ("Wali Kota Paris",)),
    ("AdministrasiForAdministration", "Kebijakan administrasi Obama dibatalkan.", ("pemerintahan Obama",)),
    ("NegaraForUSState", "Banjir melanda negara Ohio.", ("negara bagian Ohio",)),
    ("NegaraBagianRegionalBloc", "Menlu negara bagian Nordik bertemu.", ("negara-negara Nordik",)),
    ("NegaraBagianSovereignAdjective", "Iran disebut negara-negara bagian satelit.", ("negara-negara satelit",)),
    ("SekretarisAngkatan", "Sekretaris Angkatan Udara AS Troy Meink hadir.", ("Menteri Angkatan Udara AS",)),
    ("MemukulRekor", "Rupiah memukul titik terendah.", ("mencapai titik terendah", "menyentuh titik terendah")),
    ("MakeSenseAsMembuatRasa", "Alasan itu tidak akan membuat rasa.", ("tidak akan masuk akal",)),
    ("OnTheSamePage", "Kedua partai belum berada di halaman yang sama.",
     ("belum sepemahaman", "belum satu suara", "belum sepakat")),
    ("PapanForBoard", "Rapat papan komisaris digelar Senin.", ("dewan komisaris",)),
    ("PestaForPoliticalParty", "Kader Pesta Konservatif berkumpul.", ("Partai Konservatif",)),
    ("PengadilanForSportsCourt", "Ia jago di pengadilan rumput.", ("lapangan rumput",)),
    ("PemogokanForStrike", "Warga mengungsi setelah pemogokan rudal.", ("serangan rudal",)),
    ("PowerAsKekuatan", "Warga mengeluhkan pemadaman kekuatan.", ("pemadaman listrik",)),
    ("DewanKeselamatanForSecurityCouncil", "Ia bertemu penasihat keselamatan nasional.", ("penasihat keamanan nasional",)),
    ("BersatuCalques", "Pasar Emirat Arab Bersatu dibuka.", ("Uni Emirat Arab",)),
    ("NegaraBagianYahudiPalestina", "Ia menolak negara bagian Palestina.", ("negara Palestina",)),
    ("CorporateChiefOfficer", "Ia ditunjuk jadi kepala pejabat teknologi.", ("CTO", "Direktur Teknologi")),
    ("PollsCalque", "Warga berbondong-bondong ke jajak pendapat sejak pagi.", ("memberikan suara", "datang ke TPS")),
    ("TanamanForPlant", "Buruh tanaman semen mogok.", ("pabrik semen", "fasilitas semen")),
    ("KerangForShell", "Tentara menembakkan kerang semalaman.", ("peluru artileri", "mortir", "proyektil")),
    ("KeyakinanForConviction", "Pengacara mengajukan banding atas keyakinannya.", ("vonisnya", "putusan bersalahnya")),
    ("TugasForCustomsDuty", "Pemerintah menaikkan tugas ekspor nikel.", ("bea keluar",)),
    ("CallForAsMemanggil", "Ada panggilan untuk boikot produk itu.", ("seruan untuk", "desakan untuk")),
])
def test_mistranslation_suggestions_are_computed_from_the_match(rule, text, suggestions):
    (f,) = lint(rule, text)
    assert f.suggestions == suggestions
    assert f.fix is None
    assert suggestions[0] in f.message and f.match in f.message


@pytest.mark.parametrize("rule, text, match, suggestions", [
    # Only the mistranslated word is reported, so a suggestion replaces it and the rest stays.
    ("BiayaForCharges", "Ia dijerat dua biaya pidana.", "biaya", ("dakwaan", "tuduhan")),
    ("IkatanForBond", "Lelang ikatan pemerintah sepi peminat.", "ikatan", ("obligasi", "surat utang")),
    ("TangkiForTank", "Jerman mengirim tangki Leopard.", "tangki", ("tank",)),
    ("KalimatForSentence", "Ia dijatuhi kalimat 10 tahun.", "kalimat", ("hukuman", "vonis")),
    ("MayorForMajorAdjective", "Itu kemunduran mayor bagi partai.", "mayor", ("besar", "utama", "signifikan")),
    ("StokForStock", "Bursa stok Tokyo dibuka menguat.", "stok", ("saham",)),
    ("AplikasiForApplication", "Aplikasi paten itu ditolak.", "Aplikasi", ("Permohonan",)),
])
def test_a_suggestion_replaces_only_the_mistranslated_word(rule, text, match, suggestions):
    (f,) = lint(rule, text)
    assert (f.match, f.suggestions, f.fix) == (match, suggestions, None)


def test_a_fix_does_not_repeat_the_country_already_written():
    for rule, text in [("SekretarisPerdagangan", "Sekretaris Perdagangan AS Howard Lutnick tiba."),
                       ("SekretarisTenagaKerja", "Sekretaris Perburuhan AS berbicara.")]:
        assert " AS AS " not in fixed(rule, text)


# -- NegaraBagian: member states of an alliance, bloc or pact ----------------------------

@pytest.mark.parametrize("text", [
    "Semua negara bagian anggota aliansi wajib membayar iuran.",
    "Negara-negara bagian anggota blok itu menolak sanksi.",
    "Lima negara bagian anggota pakta keamanan bertemu di Canberra pekan ini.",
    "Sejumlah negara bagian anggota OPEC memangkas produksi.",
])
def test_member_states_of_an_alliance_are_countries(text):
    (f,) = lint("NegaraBagian", text)
    assert f.match.lower() == "negara bagian"
    assert (f.fix.lower(), f.applicability) == ("negara", "unsafe")


@pytest.mark.parametrize("text", [
    "Dua puluh negara bagian anggota Aliansi Iklim menargetkan nol emisi.",
    "Tiap negara bagian anggota federasi memiliki konstitusi sendiri.",
    "Negara bagian anggota pakta antarnegara bagian itu sepakat soal suara elektoral.",
    "Gubernur negara bagian anggota aliansi itu bertemu di Texas.",
])
def test_federal_states_in_organisations_of_their_own_are_left_alone(text):
    assert lint("NegaraBagian", text) == []


def test_negara_bagian_fix_keeps_the_plural_and_the_sentence_capital():
    assert fixed("NegaraBagian", "Negara-negara bagian anggota blok itu menolak sanksi.") == \
        "Negara-negara anggota blok itu menolak sanksi."
    assert fixed("NegaraBagian", "Negara bagian anggota aliansi itu menolak.") == "Negara anggota aliansi itu menolak."
