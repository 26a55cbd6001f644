"""The shipped office-holder table (rules/Indonesian/_officeholders.yml), issue 16 item 4 and
issue 13 item 3: Indonesian offices that news names daily complete since 2000, people with all
their offices, the G20's finance and foreign ministers and the African Union's leaders.

Each family has a sentence that is right on its date (quiet) and one whose title the person did
not hold on that date (found by Indonesian.TitleOfOffice)."""
import datetime as dt
import functools
from pathlib import Path

import pytest
import yaml

from newslint import lint_text

RULE = "Indonesian.TitleOfOffice"
TABLE = Path(__file__).resolve().parent.parent / "rules" / "Indonesian" / "_officeholders.yml"


def titles_found(text: str, day: str) -> list[str]:
    findings = lint_text(text, select=[RULE], meta={"published": dt.date.fromisoformat(day)})
    return [f.message for f in findings]


# (date, right sentence, wrong sentence): the wrong one names an office the person did not hold
# on that date (an office of another time, or someone else's).
CASES = {
    "Panglima TNI": ("2022-03-01", "Panglima TNI Andika Perkasa meninjau pasukan di Natuna.",
                     "Panglima TNI Gatot Nurmantyo meninjau pasukan di Natuna."),
    "Panglima TNI, 2000s": ("2004-03-01", "Panglima TNI Endriartono Sutarto meninjau pasukan.",
                            "Panglima TNI Djoko Santoso meninjau pasukan."),
    "Kapolri": ("2024-03-01", "Kapolri Listyo Sigit Prabowo meninjau lokasi ledakan.",
                "Kapolri Idham Azis meninjau lokasi ledakan."),
    "Kapolri, then Mendagri": ("2021-03-01", "Mendagri Tito Karnavian meminta kepala daerah bersiap.",
                               "Kapolri Tito Karnavian meminta kepala daerah bersiap."),
    "Gubernur BI": ("2024-03-01", "Gubernur BI Perry Warjiyo menahan suku bunga acuan.",
                    "Gubernur BI Agus Martowardojo menahan suku bunga acuan."),
    "Gubernur Bank Indonesia, Boediono": ("2008-09-01", "Gubernur Bank Indonesia Boediono menaikkan BI Rate.",
                                          "Gubernur Bank Indonesia Darmin Nasution menaikkan BI Rate."),
    "Jaksa Agung": ("2023-03-01", "Jaksa Agung ST Burhanuddin mengumumkan tersangka baru.",
                    "Jaksa Agung H.M. Prasetyo mengumumkan tersangka baru."),
    "Ketua MPR": ("2025-03-01", "Ketua MPR Ahmad Muzani membuka sidang tahunan.",
                  "Ketua MPR Bambang Soesatyo membuka sidang tahunan."),
    "Ketua DPR": ("2024-03-01", "Ketua DPR RI Puan Maharani membuka masa sidang.",
                  "Ketua MPR Puan Maharani membuka masa sidang."),
    "Ketua DPR, 2000s": ("2007-03-01", "Ketua DPR Agung Laksono menerima delegasi.",
                         "Ketua DPR Akbar Tandjung menerima delegasi."),
    "Ketua KPK": ("2025-03-01", "Ketua KPK Setyo Budiyanto memberi keterangan pers.",
                  "Ketua KPK Firli Bahuri memberi keterangan pers."),
    "Wakil Ketua KPK": ("2013-03-01", "Wakil Ketua KPK Busyro Muqoddas memberi keterangan pers.",
                        "Ketua KPK Busyro Muqoddas memberi keterangan pers."),
    "Kepala BIN": ("2025-03-01", "Kepala BIN Muhammad Herindra hadir di Istana.",
                   "Kepala BIN Budi Gunawan hadir di Istana."),
    "Kepala Bappenas, Sri Mulyani": ("2005-03-01", "Kepala Bappenas Sri Mulyani memaparkan rencana itu.",
                                     "Menteri Keuangan Sri Mulyani memaparkan rencana itu."),
    "Menteri Keuangan AS": ("2023-06-01", "Menteri Keuangan AS Janet Yellen tiba di Beijing.",
                            "Menteri Keuangan AS Scott Bessent tiba di Beijing."),
    "Menteri Keuangan Jepang": ("2023-06-01", "Menteri Keuangan Jepang Shunichi Suzuki berbicara di Tokyo.",
                                "Menteri Keuangan Jepang Katsunobu Kato berbicara di Tokyo."),
    "Menteri Keuangan Jerman": ("2023-06-01", "Menteri Keuangan Jerman Christian Lindner menolak usulan itu.",
                                "Menteri Keuangan Jerman Lars Klingbeil menolak usulan itu."),
    "Menteri Keuangan Inggris": ("2022-08-01", "Menteri Keuangan Inggris Nadhim Zahawi menolak usulan itu.",
                                 "Menteri Keuangan Inggris Kwasi Kwarteng menolak usulan itu."),
    "Menteri Keuangan Turki": ("2024-06-01", "Menteri Keuangan Turki Mehmet Şimşek berbicara di Ankara.",
                               "Menteri Keuangan Turki Nureddin Nebati berbicara di Ankara."),
    "Menteri Keuangan India": ("2024-06-01", "Menteri Keuangan India Nirmala Sitharaman berbicara.",
                               "Menteri Pertahanan India Nirmala Sitharaman berbicara."),
    "Menteri Keuangan Brasil": ("2024-06-01", "Menteri Keuangan Brasil Fernando Haddad hadir di Rio.",
                                "Menteri Keuangan Brasil Paulo Guedes hadir di Rio."),
    "Menteri Luar Negeri Jepang": ("2024-06-01", "Menteri Luar Negeri Jepang Yoko Kamikawa tiba di Jakarta.",
                                   "Menteri Luar Negeri Jepang Yoshimasa Hayashi tiba di Jakarta."),
    "Menteri Luar Negeri Prancis": ("2024-06-01", "Menteri Luar Negeri Prancis Stéphane Séjourné tiba di Jakarta.",
                                    "Menteri Luar Negeri Prancis Catherine Colonna tiba di Jakarta."),
    "Menteri Luar Negeri Argentina": ("2024-03-01", "Menteri Luar Negeri Argentina Diana Mondino tiba di Jakarta.",
                                      "Menteri Luar Negeri Argentina Santiago Cafiero tiba di Jakarta."),
    "Menteri Luar Negeri Afrika Selatan": ("2023-03-01", "Menteri Luar Negeri Afrika Selatan Naledi Pandor hadir.",
                                           "Menteri Luar Negeri Afrika Selatan Ronald Lamola hadir."),
    "Wakil Perdana Menteri Kanada": ("2023-03-01", "Wakil Perdana Menteri Kanada Chrystia Freeland hadir.",
                                     "Perdana Menteri Kanada Chrystia Freeland hadir."),
    "Ketua Komisi Uni Afrika": ("2025-06-01", "Ketua Komisi Uni Afrika Mahmoud Ali Youssouf berbicara.",
                                "Ketua Komisi Uni Afrika Moussa Faki Mahamat berbicara."),
    "Ketua Uni Afrika": ("2023-06-01", "Ketua Uni Afrika Azali Assoumani berbicara di Addis Ababa.",
                         "Ketua Uni Afrika Macky Sall berbicara di Addis Ababa."),
    "Presiden, Ketua Uni Afrika": ("2025-06-01", "Presiden Angola João Lourenço berbicara di Luanda.",
                                   "Presiden Senegal Macky Sall berbicara di Dakar."),
}


@pytest.mark.parametrize("family", sorted(CASES))
def test_a_right_title_is_quiet(family):
    day, right, _ = CASES[family]
    assert titles_found(right, day) == []


@pytest.mark.parametrize("family", sorted(CASES))
def test_a_wrong_title_is_found(family):
    day, _, wrong = CASES[family]
    assert len(titles_found(wrong, day)) == 1


def test_former_holders_are_right_with_mantan():
    assert titles_found("Hadir pula mantan Kapolri Tito Karnavian dan mantan Ketua KPK Agus Rahardjo.", "2024-03-01") == []
    assert titles_found("Hadir pula mantan Gubernur BI Boediono dan mantan Jaksa Agung Basrief Arief.", "2024-03-01") == []


# People the table knows are named with every office of the kinds it covers: each of these was
# flagged as an office the person never held before the person's other offices were added.
ALL_OFFICES = [
    ("2008-09-01", "Gubernur Bank Indonesia Boediono menaikkan BI Rate."),
    ("2005-03-01", "Kepala Bappenas Sri Mulyani Indrawati memaparkan rencana itu."),
    ("2021-03-01", "Mendagri Tito Karnavian meminta kepala daerah bersiap."),
    ("2023-03-01", "Menteri ATR/BPN Hadi Tjahjanto menyerahkan sertifikat tanah."),
    ("2024-06-01", "Menteri Keuangan Malaysia Anwar Ibrahim mengumumkan anggaran."),
    ("2016-06-01", "Gubernur Bank Inggris Mark Carney memperingatkan risiko Brexit."),
    ("2012-06-01", "Perdana Menteri Lebanon Najib Mikati bertemu delegasi itu."),
    ("2008-06-01", "Wakil Kanselir Jerman Frank-Walter Steinmeier tiba di Jakarta."),
    ("2022-06-01", "Menteri Pertahanan Kanada Anita Anand tiba di Singapura."),
    ("2018-06-01", "Penasihat Keamanan Nasional Korea Selatan Chung Eui-yong tiba di Washington."),
    ("2020-06-01", "Wakil Perdana Menteri Pertama Rusia Andrei Belousov memimpin rapat."),
    ("2016-06-01", "Menteri Dalam Negeri Inggris Theresa May menolak usulan itu."),
    ("2019-06-01", "Kepala Sekretaris Kabinet Jepang Yoshihide Suga memberi keterangan."),
    ("2024-06-01", "Hadir pula mantan Perdana Menteri Israel Shimon Peres dalam arsip foto itu."),
]


@pytest.mark.parametrize("day,text", ALL_OFFICES)
def test_a_person_named_with_another_of_their_offices_is_quiet(day, text):
    assert titles_found(text, day) == []


# The offices news names daily, complete since 2000 (or since the office began): the only gaps
# longer than a few weeks are periods led by an acting holder the table leaves out or by the
# commissioners together (KPK, March to December 2010).
FAMILIES = {
    "Panglima TNI": ({"Panglima TNI"}, "2000-01-01", 3),
    "Kapolri": ({"Kapolri", "Plt Kapolri"}, "2000-01-04", 3),
    "Gubernur Bank Indonesia": ({"Gubernur Bank Indonesia", "Pjs Gubernur Bank Indonesia"}, "2000-01-01", 80),
    "Jaksa Agung": ({"Jaksa Agung"}, "2000-01-01", 70),
    "Ketua MPR": ({"Ketua MPR"}, "2000-01-01", 31),
    "Ketua DPR": ({"Ketua DPR"}, "2000-01-01", 45),
    "Ketua KPK": ({"Ketua KPK", "Plt Ketua KPK"}, "2003-12-29", 290),
    "Kepala Bappenas": ({"Kepala Bappenas"}, "2001-08-10", 10),
    "Kepala Badan Intelijen Negara": ({"Kepala Badan Intelijen Negara"}, "2001-08-10", 10),
    "Menteri Dalam Negeri Indonesia": ({"Menteri Dalam Negeri"}, "2000-01-01", 10),
}


@functools.cache
def _holders():
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))["holders"]


def _terms(titles, country="Indonesia"):
    holders = _holders()
    return sorted(
        (o["from"], o["to"] or dt.date.today(), person["name"])
        for person in holders for o in person.get("offices") or []
        if o["title"] in titles and o["country"] == country
    )


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_indonesian_offices_are_complete_since_2000(family):
    titles, start, longest_gap = FAMILIES[family]
    covered = dt.date.fromisoformat(start)
    for begin, end, name in _terms(titles):
        gap = (begin - covered).days
        assert gap <= longest_gap, f"{family}: nobody from {covered} to {begin} ({name} next)"
        covered = max(covered, end)
    assert covered >= dt.date(2025, 10, 1), f"{family}: nobody after {covered}"


@pytest.mark.parametrize("country", ["Amerika Serikat", "Jepang", "Jerman", "Prancis", "Italia", "Kanada",
                                     "Australia", "Korea Selatan", "China", "India", "Rusia", "Arab Saudi",
                                     "Turki", "Afrika Selatan", "Brasil", "Argentina", "Inggris", "Indonesia"])
@pytest.mark.parametrize("title", ["Menteri Keuangan", "Menteri Luar Negeri"])
def test_g20_finance_and_foreign_ministers_are_known_since_2020(country, title):
    terms = _terms({title}, country)
    covered = dt.date(2020, 1, 1)
    for begin, end, name in terms:
        if end < covered:
            continue
        assert (begin - covered).days <= 90, f"{title} {country}: nobody from {covered} to {begin}"
        covered = max(covered, end)
    assert covered >= dt.date(2025, 10, 1), f"{title} {country}: nobody after {covered}"


def test_african_union_leaders_are_known_since_2020():
    for title in ("Ketua Komisi Uni Afrika", "Ketua Uni Afrika"):
        terms = _terms({title}, "AU")
        covered = dt.date(2020, 1, 1)
        for begin, end, name in terms:
            if end < covered:
                continue
            assert (begin - covered).days <= 3, f"{title}: nobody from {covered} to {begin}"
            covered = max(covered, end)
        assert covered >= dt.date(2025, 10, 1), title


def test_every_spelling_names_one_person():
    seen = {}
    for person in _holders():
        for spelling in {person["name"], *(person.get("spellings") or [])}:
            assert seen.setdefault(spelling, person["name"]) == person["name"], spelling
