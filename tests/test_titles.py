"""Titles of officials and name spellings, on tables written for the tests."""
import pytest

from newslint import lint_text

from conftest import rule_file

COUNTRIES = """
leader_titles: [Presiden, Perdana Menteri, Kanselir, Raja, Ratu, Pemimpin Tertinggi]
generic_titles: [Pemimpin]
countries:
  - {name: Korea Utara, aliases: [Korut], head_of_state: [Ketua Komisi Urusan Negara], head_of_government: [Perdana Menteri], leader_titles_used_in_news: [Pemimpin Tertinggi]}
  - {name: Amerika Serikat, aliases: [AS, Amerika], head_of_state: [Presiden], head_of_government: [Presiden]}
  - {name: Inggris, aliases: [Britania Raya], head_of_state: [Raja, Ratu], head_of_government: [Perdana Menteri]}
  - {name: Arab Saudi, aliases: [Saudi], head_of_state: [Raja], head_of_government: [Perdana Menteri], leader_titles_used_in_news: [Putra Mahkota]}
  - {name: Indonesia, aliases: [RI], head_of_state: [Presiden], head_of_government: [Presiden]}
"""
HOLDERS = """
holders:
  - name: Kim Jong Un
    spellings: [Kim Jong Un, Kim Jong-un]
    offices:
      - {title: Ketua Komisi Urusan Negara, country: Korea Utara, from: 2016-06-29}
  - name: Donald Trump
    offices:
      - {title: Presiden, country: Amerika Serikat, from: 2017-01-20, to: 2021-01-20}
      - {title: Presiden terpilih, country: Amerika Serikat, from: 2024-11-06, to: 2025-01-19}
      - {title: Presiden, country: Amerika Serikat, from: 2025-01-20}
  - name: Mohammed bin Salman
    spellings: [Mohammed bin Salman, Muhammad bin Salman]
    offices:
      - {title: Putra Mahkota, country: Arab Saudi, from: 2017-06-21}
      - {title: Perdana Menteri, country: Arab Saudi, from: 2022-09-27}
  - name: Joko Widodo
    spellings: [Joko Widodo, Jokowi]
    offices:
      - {title: Presiden, country: Indonesia, from: 2014-10-20, to: 2024-10-20}
"""
TITLE_RULE = (
    "extends: title\ncategory: title\nmessage: \"'%s' is not the title %s held: write %s.\"\n"
    "message_country: \"'%s %s' does not exist: %s.\"\ncountries: _countries.yml\nholders: _officeholders.yml\n"
)
NAMES_RULE = (
    "extends: names\ncategory: consistency\nmessage: \"'%s' -> '%s'\"\ncountries: _countries.yml\n"
    "holders: _officeholders.yml\nspellings: _spellings.yml\n"
)


@pytest.fixture
def pack(tmp_path):
    def make(rule: str, extra: str = ""):
        folder = tmp_path / "T"
        rule_file(tmp_path, "T", "R", rule + extra)
        (folder / "_countries.yml").write_text(COUNTRIES, encoding="utf-8")
        (folder / "_officeholders.yml").write_text(HOLDERS, encoding="utf-8")
        (folder / "_spellings.yml").write_text("groups:\n  - [Kyiv, Kiev]\n", encoding="utf-8")
        return tmp_path

    return make


def lint(pack, text, rule=TITLE_RULE, published=None, extra=""):
    meta = {"published": published} if published else {}
    return lint_text(text, select=["T"], rule_paths=[pack(rule, extra)], meta=meta)


def test_a_title_the_country_does_not_have(pack):
    found = lint(pack, "Presiden Inggris dan Perdana Menteri Amerika Serikat bertemu. Raja Inggris hadir.")
    assert [(f.match, f.message) for f in found] == [
        ("Presiden Inggris", "'Presiden Inggris' does not exist: Raja / Ratu / Perdana Menteri."),
        ("Perdana Menteri Amerika Serikat", "'Perdana Menteri Amerika Serikat' does not exist: Presiden."),
    ]


def test_north_korea_has_no_president_also_across_a_comma(pack):
    (f,) = lint(pack, "TRIBUNNEWS.COM - Presiden Korea Utara, Kim Jong Un mengirim pasukan.")
    assert (f.match, f.fix) == ("Presiden Korea Utara", "Ketua Komisi Urusan Negara Korea Utara")
    assert lint(pack, "Pemimpin Korea Utara Kim Jong Un dan Pemimpin Tertinggi Korut, Kim Jong-un, hadir.") == []


def test_crown_prince_is_not_king(pack):
    import datetime as dt

    (f,) = lint(pack, "Raja Arab Saudi Mohammed bin Salman menerima tamu.", published=dt.date(2024, 5, 1))
    assert f.match == "Raja Arab Saudi"
    assert f.suggestions == ("Putra Mahkota Arab Saudi", "Perdana Menteri Arab Saudi")
    assert lint(pack, "Putra Mahkota Arab Saudi Mohammed bin Salman menerima tamu.", published=dt.date(2024, 5, 1)) == []


def test_president_elect(pack):
    import datetime as dt

    (f,) = lint(pack, "Presiden AS Donald Trump berjanji mengakhiri perang.", published=dt.date(2024, 11, 12))
    assert (f.match, f.fix) == ("Presiden AS", "Presiden terpilih AS")
    assert f.message == "'Presiden AS' is not the title Donald Trump held: write 'Presiden terpilih AS'."
    assert lint(pack, "Presiden AS Donald Trump berjanji.", published=dt.date(2025, 3, 1)) == []
    assert lint(pack, "Presiden AS Donald Trump berjanji.") == []  # no date: he did hold it


def test_former_titles_and_years_in_the_sentence(pack):
    import datetime as dt

    day = dt.date(2025, 6, 18)
    (f,) = lint(pack, "Presiden Joko Widodo hadir di Solo.", published=day)
    assert f.suggestions == ("mantan Presiden",)
    assert lint(pack, "Mantan Presiden Jokowi dan mantan Presiden RI Joko Widodo hadir.".replace("Mantan", "mantan"), published=day) == []
    assert lint(pack, "Presiden Joko Widodo meresmikan tol itu pada 2019.", published=day) == []


def test_people_and_bodies_the_tables_do_not_know_are_left_alone(pack):
    assert lint(pack, "Presiden Komisi Eropa Ursula von der Leyen dan Presiden Budi Santoso hadir.") == []


def test_names_minority_spelling_with_majority_as_fix(pack):
    found = lint(pack, "Kim Jong Un tiba. Kim Jong-un bicara. Kim Jong Un pulang. Warga Kyiv dan Kiev.", rule=NAMES_RULE)
    assert [(f.match, f.fix) for f in found] == [("Kim Jong-un", "Kim Jong Un"), ("Kiev", "Kyiv")]
    assert lint(pack, "Muhammad bin Salman tiba.", rule=NAMES_RULE) == []  # one spelling only


def test_names_house_spelling(pack):
    found = lint(pack, "Muhammad bin Salman tiba.", rule=NAMES_RULE, extra="house: [Mohammed bin Salman]\n")
    assert [(f.match, f.fix) for f in found] == [("Muhammad bin Salman", "Mohammed bin Salman")]
