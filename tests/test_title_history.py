"""Title histories since 2000 in the shipped tables (issue 16): for each country that changed its
system or its titles, a correct historical sentence (with "mantan", a year or a past publication
date) stays quiet and a wrong one is still found. Also: heads of government under other names
(issue 13), completeness dates, ``approx`` office dates and the tables' known keys."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint import lint_text
from newslint.errors import NewslintError

from conftest import rule_file

RULE = "Indonesian.TitleOfOffice"


def found(text: str, day: dt.date | None) -> list[str]:
    meta = {"published": day} if day else {}
    return [f.match for f in lint_text(text, select=[RULE], meta=meta)]


D = dt.date

# (country, sentence, publication date) that must stay quiet, then ones that must be found.
QUIET = [
    # Kenya had a Perdana Menteri 2008-2013 (Raila Odinga).
    ("Kenya", "Mantan Perdana Menteri Kenya Raila Odinga meninggal dunia di India.", D(2025, 10, 15)),
    ("Kenya", "Perdana Menteri Kenya Raila Odinga bertemu para pemimpin oposisi.", D(2010, 3, 2)),
    ("Kenya", "Raila Odinga, yang menjabat Perdana Menteri Kenya pada 2008 hingga 2013, dimakamkan.", D(2025, 10, 19)),
    ("Kenya", "Perdana Menteri Kenya saat itu, Raila Odinga, menandatangani kesepakatan tersebut.", D(2025, 10, 19)),
    ("Kenya", "Perdana Menteri Kenya Raila Odinga berpidato.", None),  # undated: he held it once
    # Togo: Perdana Menteri until the 2025 constitution (Presiden Dewan Menteri since).
    ("Togo", "Perdana Menteri Togo Victoire Tomegah Dogbé membuka konferensi itu.", D(2024, 6, 1)),
    ("Togo", "Mantan Perdana Menteri Togo itu kini memimpin partai oposisi.", D(2025, 9, 1)),
    ("Togo", "Presiden Dewan Menteri Togo Faure Gnassingbé tiba di Paris.", D(2025, 9, 1)),
    # Nepal: a king until 2008.
    ("Nepal", "Raja Nepal Gyanendra membubarkan pemerintahan.", D(2005, 2, 1)),
    ("Nepal", "Ribuan pendukung mantan Raja Nepal Gyanendra berunjuk rasa di Kathmandu.", D(2025, 3, 28)),
    ("Nepal", "Presiden Nepal Ram Chandra Paudel menerima surat pengunduran diri itu.", D(2025, 9, 9)),
    # Sudan: a president until April 2019, then a military council and the Sovereignty Council.
    ("Sudan", "Presiden Sudan Omar al-Bashir tiba di Khartoum.", D(2015, 6, 15)),
    ("Sudan", "Mantan Presiden Sudan Omar al-Bashir dipindahkan ke rumah sakit militer.", D(2025, 4, 1)),
    ("Sudan", "Ketua Dewan Kedaulatan Sudan Abdel Fattah al-Burhan menolak gencatan senjata.", D(2025, 4, 1)),
    ("Sudan", "Ketua Dewan Militer Transisi Sudan berjanji menggelar pemilu.", D(2019, 5, 2)),
    # Zimbabwe: a Perdana Menteri 2009-2013 (Morgan Tsvangirai).
    ("Zimbabwe", "Perdana Menteri Zimbabwe Morgan Tsvangirai menghadiri pertemuan itu.", D(2011, 4, 4)),
    ("Zimbabwe", "Mendiang Perdana Menteri Zimbabwe Morgan Tsvangirai dikenang para pendukungnya.", D(2025, 2, 14)),
    # Gabon: a Perdana Menteri until 2025.
    ("Gabon", "Perdana Menteri Gabon Raymond Ndong Sima mengumumkan kabinet baru.", D(2024, 1, 10)),
    ("Gabon", "Mantan Perdana Menteri Gabon itu mencalonkan diri.", D(2025, 10, 1)),
    # Kyrgyzstan: Ketua Kabinet Menteri since 2021, still called Perdana Menteri in the news.
    ("Kirgistan", "Perdana Menteri Kirgistan mengundurkan diri.", D(2015, 4, 1)),
    ("Kirgistan", "Perdana Menteri Kirgistan menghadiri KTT itu.", D(2025, 4, 1)),
    # Turkey: a Perdana Menteri until July 2018.
    ("Turki", "Perdana Menteri Turki Ahmet Davutoglu tiba di Brussel.", D(2015, 11, 29)),
    ("Turki", "Mantan Perdana Menteri Turki Ahmet Davutoglu mendirikan partai baru.", D(2025, 1, 5)),
    ("Turki", "Perdana Menteri Turki kala itu, Binali Yildirim, menolak tuduhan tersebut.", D(2025, 1, 5)),
    # Afghanistan: a president until August 2021.
    ("Afghanistan", "Presiden Afghanistan Ashraf Ghani meninggalkan Kabul.", D(2021, 8, 15)),
    ("Afghanistan", "Mantan Presiden Afghanistan Ashraf Ghani meminta maaf.", D(2025, 8, 15)),
    # Yemen: a president until April 2022; Syria: a prime minister until March 2025.
    ("Yaman", "Presiden Yaman Abd-Rabbu Mansour Hadi tiba di Riyadh.", D(2015, 3, 26)),
    ("Suriah", "Perdana Menteri Suriah Mohammed Ghazi al-Jalali bertemu pemimpin oposisi.", D(2024, 12, 9)),
    # Bahrain: an emir until 2002; Angola: a prime minister 2002-2010; Benin: twice.
    ("Bahrain", "Emir Bahrain Hamad bin Isa Al Khalifa mengumumkan reformasi.", D(2001, 2, 15)),
    ("Angola", "Perdana Menteri Angola tiba di Luanda.", D(2006, 5, 1)),
    ("Benin", "Perdana Menteri Benin Lionel Zinsou kalah dalam pemilu.", D(2016, 3, 21)),
    # Barbados: a republic since November 2021.
    ("Barbados", "Ratu Barbados diwakili Gubernur Jenderal.", D(2019, 1, 1)),
    # Armenia, Georgia, Samoa, Tunisia, Sri Lanka, Myanmar: titles that did not change.
    ("Armenia", "Perdana Menteri Armenia Nikol Pashinyan tiba di Moskwa.", D(2025, 5, 9)),
    ("Georgia", "Perdana Menteri Georgia Irakli Kobakhidze menolak tuduhan itu.", D(2025, 5, 9)),
    ("Samoa", "Perdana Menteri Samoa membuka pertemuan Persemakmuran.", D(2024, 10, 25)),
    ("Tunisia", "Perdana Menteri Tunisia dilantik pada Rabu.", D(2025, 3, 21)),
    ("Myanmar", "Penasihat Negara Myanmar Aung San Suu Kyi tiba di Den Haag.", D(2019, 12, 10)),
    # other_official_titles are read: prime ministers beside a president.
    ("Sri Lanka", "Perdana Menteri Sri Lanka Harini Amarasuriya menyambut delegasi itu.", D(2025, 6, 1)),
    ("Peru", "Perdana Menteri Peru mengundurkan diri pada Selasa.", D(2025, 5, 14)),
    ("Tanzania", "Perdana Menteri Tanzania membuka pameran itu.", D(2025, 5, 14)),
    ("Uganda", "Perdana Menteri Uganda mengunjungi kamp pengungsi.", D(2025, 5, 14)),
    ("Namibia", "Perdana Menteri Namibia tiba di Windhoek.", D(2025, 5, 14)),
    # Heads of government under other names.
    ("Hong Kong", "Kepala Eksekutif Hong Kong John Lee mengumumkan anggaran.", D(2025, 2, 26)),
    ("Hong Kong", "Sekretaris Keuangan Hong Kong Paul Chan membacakan anggaran.", D(2025, 2, 26)),
    ("Makau", "Kepala Eksekutif Makau Sam Hou Fai dilantik.", D(2024, 12, 20)),
    ("Greenland", "Perdana Menteri Greenland menolak tawaran itu.", D(2025, 3, 30)),
    ("Vatikan", "Paus Leo XIV menerima Presiden Kegubernuran Vatikan.", D(2025, 6, 1)),
    ("Argentina", "Kepala Kabinet Menteri Argentina Guillermo Francos mengundurkan diri.", D(2025, 10, 31)),
    ("Kanada", "Perdana Menteri Kanada Mark Carney tiba di Washington.", D(2025, 5, 6)),
    # A role phrase with a title of the past: often a time ("era"), so only its existence counts.
    ("Turki", "Proyek itu dimulai pada era Perdana Menteri Turki Ahmet Davutoglu.", D(2025, 1, 5)),
    # A title no country had here, after "mantan": the table may not reach that far back.
    ("Iran", "Mantan Perdana Menteri Iran Mir Hossein Mousavi masih menjadi tahanan rumah.", D(2025, 3, 1)),
    # A year in the sentence before the table is complete: another time.
    ("Iran", "Pada 1985, Perdana Menteri Iran mengunjungi Damaskus.", D(2025, 3, 1)),
]

FOUND = [
    ("Kenya", "Perdana Menteri Kenya menghadiri pertemuan itu.", D(2025, 10, 15), "Perdana Menteri Kenya"),
    ("Kenya", "Perdana Menteri Kenya menghadiri pertemuan itu.", D(2005, 10, 15), "Perdana Menteri Kenya"),
    ("Togo", "Perdana Menteri Togo membuka konferensi itu.", D(2025, 9, 1), "Perdana Menteri Togo"),
    ("Nepal", "Raja Nepal Gyanendra berpidato di depan pendukungnya.", D(2025, 3, 28), "Raja Nepal"),
    ("Sudan", "Presiden Sudan menolak gencatan senjata.", D(2025, 4, 1), "Presiden Sudan"),
    ("Zimbabwe", "Perdana Menteri Zimbabwe tiba di Harare.", D(2020, 1, 1), "Perdana Menteri Zimbabwe"),
    ("Gabon", "Perdana Menteri Gabon mengumumkan kabinet baru.", D(2025, 10, 1), "Perdana Menteri Gabon"),
    ("Kirgistan", "Raja Kirgistan menyambut tamunya.", D(2025, 4, 1), "Raja Kirgistan"),
    ("Turki", "Perdana Menteri Turki menyambut delegasi itu di Ankara.", D(2025, 1, 5), "Perdana Menteri Turki"),
    ("Afghanistan", "Presiden Afghanistan menerima delegasi Qatar.", D(2025, 8, 15), "Presiden Afghanistan"),
    ("Yaman", "Presiden Yaman tiba di Riyadh.", D(2025, 3, 26), "Presiden Yaman"),
    ("Suriah", "Perdana Menteri Suriah menyambut delegasi itu.", D(2025, 10, 1), "Perdana Menteri Suriah"),
    ("Bahrain", "Emir Bahrain menerima Presiden Prabowo.", D(2025, 2, 15), "Emir Bahrain"),
    ("Angola", "Perdana Menteri Angola tiba di Luanda.", D(2025, 5, 1), "Perdana Menteri Angola"),
    ("Benin", "Perdana Menteri Benin tiba di Cotonou.", D(2014, 5, 1), "Perdana Menteri Benin"),
    ("Barbados", "Ratu Barbados diwakili Gubernur Jenderal.", D(2025, 1, 1), "Ratu Barbados"),
    ("Armenia", "Kanselir Armenia tiba di Moskwa.", D(2025, 5, 9), "Kanselir Armenia"),
    ("Georgia", "Raja Georgia menolak tuduhan itu.", D(2025, 5, 9), "Raja Georgia"),
    ("Samoa", "Presiden Samoa membuka pertemuan Persemakmuran.", D(2024, 10, 25), "Presiden Samoa"),
    ("Tunisia", "Raja Tunisia dilantik pada Rabu.", D(2025, 3, 21), "Raja Tunisia"),
    ("Sri Lanka", "Kanselir Sri Lanka menyambut delegasi itu.", D(2025, 6, 1), "Kanselir Sri Lanka"),
    ("Peru", "Raja Peru mengundurkan diri pada Selasa.", D(2025, 5, 14), "Raja Peru"),
    ("Hong Kong", "Perdana Menteri Hong Kong mengumumkan anggaran.", D(2025, 2, 26), "Perdana Menteri Hong Kong"),
    ("Hong Kong", "Menteri Keuangan Hong Kong Paul Chan membacakan anggaran.", D(2025, 2, 26), "Menteri Keuangan Hong Kong"),
    ("Makau", "Perdana Menteri Makau Sam Hou Fai dilantik.", D(2024, 12, 20), "Perdana Menteri Makau"),
    ("Makau", "Menteri Keuangan Makau mengumumkan bantuan tunai.", D(2025, 4, 1), "Menteri Keuangan Makau"),
    ("Greenland", "Presiden Greenland menolak tawaran itu.", D(2025, 3, 30), "Presiden Greenland"),
    ("Vatikan", "Raja Vatikan menerima tamu.", D(2025, 6, 1), "Raja Vatikan"),
    ("Kanada", "Presiden Kanada Mark Carney tiba di Washington.", D(2025, 5, 6), "Presiden Kanada"),
    ("Kanada", "Presiden Kanada tiba di Washington.", None, "Presiden Kanada"),  # undated: as of today
    ("Kanada", "Juru Bicara Presiden Kanada menolak berkomentar.", D(2025, 5, 6), "Presiden Kanada"),  # a role phrase still needs the title
    ("Israel", "Netanyahu, kepala kabinet Israel, menolak usulan itu.", D(2025, 5, 6), "kepala kabinet Israel"),
    ("Israel", "Kepala Kabinet Israel Benjamin Netanyahu menolak usulan itu.", D(2025, 5, 6), "Kepala Kabinet Israel"),
]


@pytest.mark.parametrize("country, text, day", QUIET, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(QUIET)])
def test_a_correct_title_of_its_time_stays_quiet(country, text, day):
    assert found(text, day) == []


@pytest.mark.parametrize("country, text, day, match", FOUND, ids=[f"{c}-{i}" for i, (c, _, _, _) in enumerate(FOUND)])
def test_a_wrong_title_is_still_found(country, text, day, match):
    assert found(text, day) == [match]


def test_the_messages_say_what_to_write():
    (f,) = lint_text("Perdana Menteri Kenya menghadiri pertemuan itu.", select=[RULE], meta={"published": D(2025, 10, 15)})
    assert "until 2013-04-09" in f.message and f.suggestions[0] == "mantan Perdana Menteri Kenya"
    assert f.fix is None
    (f,) = lint_text("Menteri Keuangan Hong Kong Paul Chan tiba.", select=[RULE], meta={"published": D(2025, 2, 26)})
    assert f.suggestions == ("Sekretaris Keuangan Hong Kong",)
    assert "'Sekretaris Keuangan Hong Kong'" in f.message
    (f,) = lint_text("Kepala Kabinet Israel tiba.", select=[RULE], meta={"published": D(2025, 2, 26)})
    assert f.suggestions == ("Perdana Menteri Israel",)


def test_every_country_says_from_when_its_titles_are_complete_except_the_doubtful():
    from newslint.knowledge.officeholders import load_tables
    from newslint.builtin import builtin_rules_dir

    folder = builtin_rules_dir() / "Indonesian"
    t = load_tables(str(folder / "_countries.yml"), str(folder / "_officeholders.yml"), str(folder / "_spellings.yml"))
    missing = sorted(name for name, c in t.countries.items() if c.complete_from is None)
    assert missing == ["Bosnia dan Herzegovina", "Komoro"]
    assert t.countries["Hong Kong"].complete_from == D(1997, 7, 1)


# On tables written for the tests: completeness, approx dates, known keys.

COUNTRIES = """
leader_titles: [Presiden, Perdana Menteri, Raja]
generic_titles: [Pemimpin]
former_words: [mantan]
countries:
  - name: Lengkap
    head_of_state: [Presiden]
    head_of_government: [Presiden]
    other_official_titles: [Perdana Menteri]
    titles_complete_from: 2010-01-01
  - name: Ragu
    head_of_state: [Presiden]
    head_of_government: [Presiden]
"""
HOLDERS = """
holders:
  - name: Budi Fiksi
    offices:
      - {title: Juru Bicara Kementerian Pertahanan, country: Lengkap, from: 2021-01-20, to: 2025-01-01, approx: true}
      - {title: Menteri Pertahanan, country: Lengkap, from: 2025-01-01, approx: true}
  - name: Sari Fiksi
    offices:
      - {title: Juru Bicara Kementerian Pertahanan, country: Lengkap, from: 2021-01-20, to: 2025-01-01}
"""
TITLE_RULE = (
    "extends: title\ncategory: title\nmessage: \"'%s' is not the title %s held: write %s.\"\n"
    "message_country: \"'%s %s' does not exist: %s.\"\ncountries: _countries.yml\nholders: _officeholders.yml\n"
)


def make_pack(root, countries=COUNTRIES, holders=HOLDERS, spellings=None):
    rule = TITLE_RULE + ("spellings: _spellings.yml\n" if spellings is not None else "")
    rule_file(root, "T", "R", rule)
    (root / "T" / "_countries.yml").write_text(countries, encoding="utf-8")
    (root / "T" / "_officeholders.yml").write_text(holders, encoding="utf-8")
    if spellings is not None:
        (root / "T" / "_spellings.yml").write_text(spellings, encoding="utf-8")
    return root


def lint_pack(root, text, day=None):
    return [f.match for f in lint_text(text, select=["T"], rule_paths=[root], meta={"published": day} if day else {})]


def test_a_missing_title_is_reported_only_where_the_table_is_complete(tmp_path):
    root = make_pack(tmp_path)
    assert lint_pack(root, "Raja Lengkap menyambut tamu.", D(2012, 1, 1)) == ["Raja Lengkap"]
    assert lint_pack(root, "Raja Lengkap menyambut tamu.", D(2005, 1, 1)) == []  # before the table is complete
    assert lint_pack(root, "Raja Lengkap menyambut tamu.") == ["Raja Lengkap"]  # undated: today
    assert lint_pack(root, "Raja Ragu menyambut tamu.", D(2025, 1, 1)) == []  # never said complete
    # other_official_titles are titles the country has.
    assert lint_pack(root, "Perdana Menteri Lengkap menyambut tamu.", D(2012, 1, 1)) == []


def test_an_approx_date_is_a_month_wide_window_without_a_verdict(tmp_path):
    root = make_pack(tmp_path)
    text = "Juru Bicara Kementerian Pertahanan Lengkap {} menolak berkomentar."
    # Sari's dates are exact: ten days after her term she is no longer the spokeswoman.
    assert lint_pack(root, text.format("Sari Fiksi"), D(2025, 1, 11)) == ["Juru Bicara Kementerian Pertahanan Lengkap"]
    # Budi's are placeholders: within a month of them, nothing is said either way ...
    for day in (D(2025, 1, 11), D(2025, 1, 31), D(2024, 12, 5)):
        assert lint_pack(root, text.format("Budi Fiksi"), day) == [], day
    assert lint_pack(root, "Menteri Pertahanan Lengkap Budi Fiksi tiba.", D(2024, 12, 10)) == []
    # ... and beyond the month, the table is believed again.
    assert lint_pack(root, text.format("Budi Fiksi"), D(2025, 3, 1)) == ["Juru Bicara Kementerian Pertahanan Lengkap"]
    assert lint_pack(root, "Menteri Pertahanan Lengkap Budi Fiksi tiba.", D(2024, 11, 1)) == ["Menteri Pertahanan Lengkap"]


@pytest.mark.parametrize("table, text, line", [
    ("countries", COUNTRIES.replace("    titles_complete_from: 2010-01-01\n", "    titles_complete_from: 2010-01-01\n    other_titles: [Raja]\n"), 11),
    ("countries", "head_of_states: [Presiden]\n" + COUNTRIES, 1),
    ("countries", COUNTRIES.replace("    titles_complete_from: 2010-01-01\n", "    titles_complete_from: 2010-01-01\n    former_titles:\n      - {title: Raja, until: 2009-01-01, sejak: 2000-01-01}\n"), 12),
    ("holders", HOLDERS.replace("  - name: Sari Fiksi\n", "  - name: Sari Fiksi\n    jabatan: []\n"), 8),
    ("holders", HOLDERS.replace("from: 2021-01-20, to: 2025-01-01}", "from: 2021-01-20, until: 2025-01-01}"), 9),
    ("holders", "people: []\n" + HOLDERS, 1),
    ("spellings", "groups: []\nsame: [[Kyiv, Kiev]]\n", 2),
])
def test_a_key_the_loader_does_not_know_is_an_error_naming_file_and_line(tmp_path, table, text, line):
    kwargs = {"countries": COUNTRIES, "holders": HOLDERS, "spellings": "groups: []\n"}
    kwargs[table] = text
    root = make_pack(tmp_path, **kwargs)
    name = {"countries": "_countries.yml", "holders": "_officeholders.yml", "spellings": "_spellings.yml"}[table]
    with pytest.raises(NewslintError, match=rf"{name}:{line}: .*unknown key"):
        lint_text("Presiden Lengkap tiba.", select=["T"], rule_paths=[root])


def test_the_shipped_tables_load_with_no_unknown_key():
    assert lint_text("Presiden Kanada tiba.", select=[RULE], meta={"published": D(2025, 1, 1)}) != []
