"""Titles of officials and name spellings, on tables written for the tests."""
import pytest

from newslint import lint_text

from conftest import rule_file

COUNTRIES = """
leader_titles: [Presiden, Perdana Menteri, Kanselir, Raja, Ratu, Pemimpin Tertinggi]
generic_titles: [Pemimpin]
deputy_words: [Wakil]
former_words: [mantan, eks]
countries:
  - {name: Korea Utara, aliases: [Korut], head_of_state: [Ketua Komisi Urusan Negara], head_of_government: [Perdana Menteri], leader_titles_used_in_news: [Pemimpin Tertinggi], titles_complete_from: 2000-01-01}
  - {name: Amerika Serikat, aliases: [AS, Amerika], head_of_state: [Presiden], head_of_government: [Presiden], titles_complete_from: 2000-01-01}
  - {name: Inggris, aliases: [Britania Raya], head_of_state: [Raja, Ratu], head_of_government: [Perdana Menteri], titles_complete_from: 2000-01-01}
  - {name: Arab Saudi, aliases: [Saudi], head_of_state: [Raja], head_of_government: [Perdana Menteri], leader_titles_used_in_news: [Putra Mahkota], titles_complete_from: 2000-01-01}
  - {name: Indonesia, aliases: [RI], head_of_state: [Presiden], head_of_government: [Presiden], titles_complete_from: 2000-01-01}
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
  - name: JD Vance
    offices:
      - {title: Wakil Presiden, country: Amerika Serikat, from: 2025-01-20}
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


def test_deputy_and_former_words_come_from_the_table(pack):
    import datetime as dt

    day = dt.date(2025, 6, 18)
    assert lint(pack, "Wakil Presiden AS JD Vance tiba.", published=day) == []
    (f,) = lint(pack, "Presiden AS JD Vance tiba.", published=day)
    assert f.suggestions == ("Wakil Presiden AS",)
    (f,) = lint(pack, "Wakil Presiden AS Donald Trump tiba.", published=day)
    assert f.match == "Wakil Presiden AS"
    assert lint(pack, "eks Presiden Joko Widodo hadir.", published=day) == []
    # Another house's words for "former": the table's first one is suggested.
    folder = pack(TITLE_RULE)
    (folder / "T" / "_countries.yml").write_text(COUNTRIES.replace("former_words: [mantan, eks]", "former_words: [bekas]"), encoding="utf-8")

    def other_house(text):
        return lint_text(text, select=["T"], rule_paths=[folder], meta={"published": day})

    (f,) = other_house("Presiden Joko Widodo hadir.")
    assert f.suggestions == ("bekas Presiden",)
    assert other_house("bekas Presiden Joko Widodo hadir.") == []
    assert len(other_house("eks Presiden Joko Widodo hadir.")) == 1


def test_people_and_bodies_the_tables_do_not_know_are_left_alone(pack):
    assert lint(pack, "Presiden Komisi Eropa Ursula von der Leyen dan Presiden Budi Santoso hadir.") == []


def test_names_minority_spelling_with_majority_as_fix(pack):
    found = lint(pack, "Kim Jong Un tiba. Kim Jong-un bicara. Kim Jong Un pulang. Warga Kyiv dan Kiev.", rule=NAMES_RULE)
    assert [(f.match, f.fix) for f in found] == [("Kim Jong-un", "Kim Jong Un"), ("Kiev", "Kyiv")]
    assert lint(pack, "Muhammad bin Salman tiba.", rule=NAMES_RULE) == []  # one spelling only


def test_names_house_spelling(pack):
    found = lint(pack, "Muhammad bin Salman tiba.", rule=NAMES_RULE, extra="house: [Mohammed bin Salman]\n")
    assert [(f.match, f.fix) for f in found] == [("Muhammad bin Salman", "Mohammed bin Salman")]


TITLE_KNOWLEDGE = """
role_words: [Juru Bicara, ajudan, era]
consort_titles: {Raja: Ratu}
same_office_words: [[Kementerian, Departemen]]
"""
EXTRA_COUNTRY = "  - {name: Swiss, head_of_state: [Presiden Konfederasi], head_of_government: [Dewan Federal], leader_titles_used_in_news: [Presiden], titles_complete_from: 2000-01-01}\n"
EXTRA_HOLDERS = """
  - name: Ned Fiksi
    offices:
      - {title: Juru Bicara Departemen Luar Negeri AS, country: Amerika Serikat, from: 2023-01-01}
  - name: Marco Fiksi
    offices:
      - {title: Menteri Luar Negeri, country: Amerika Serikat, from: 2023-01-01}
"""


@pytest.fixture
def knowing_pack(tmp_path):
    """The test tables with role words, consorts, same-office words and a Swiss entry (in a
    folder of their own: tables are cached by path)."""
    root = tmp_path / "knowing"
    folder = root / "T"
    rule_file(root, "T", "R", TITLE_RULE)
    (folder / "_countries.yml").write_text(TITLE_KNOWLEDGE + COUNTRIES + EXTRA_COUNTRY, encoding="utf-8")
    (folder / "_officeholders.yml").write_text(HOLDERS + EXTRA_HOLDERS, encoding="utf-8")
    (folder / "_spellings.yml").write_text("groups: []\n", encoding="utf-8")
    return root


def lint_knowing(pack_path, text, published=None):
    import datetime as dt

    meta = {"published": published or dt.date(2025, 6, 18)}
    return [(f.match, f.suggestions, f.fix) for f in lint_text(text, select=["T"], rule_paths=[pack_path], meta=meta)]


def test_a_title_in_a_role_phrase_is_not_a_claim_about_the_name(knowing_pack):
    # Jokowi was president until 2024: plain, the 2025 title is wrong ...
    assert lint_knowing(knowing_pack, "Ketua DPR mengundang Presiden Joko Widodo.") == [("Presiden", ("mantan Presiden",), "mantan Presiden")]
    # ... but his aide, his era and a spokesman are role phrases, in any case.
    assert lint_knowing(knowing_pack, "Ia mantan ajudan Presiden Joko Widodo.") == []
    assert lint_knowing(knowing_pack, "Tol itu dibangun pada Era Presiden Joko Widodo.") == []
    assert lint_knowing(knowing_pack, "Juru Bicara Presiden RI Donald Trump hadir.") == []
    # A role phrase still needs a title the country has.
    assert lint_knowing(knowing_pack, "Juru Bicara Presiden Korea Utara Kim Jong Un hadir.") == [
        ("Presiden Korea Utara", ("Ketua Komisi Urusan Negara Korea Utara", "Perdana Menteri Korea Utara"), None)
    ]


def test_a_kings_consort_is_a_queen_but_not_the_king(knowing_pack, pack):
    assert lint_knowing(knowing_pack, "Ratu Arab Saudi menghadiri acara itu.") == []
    assert lint(pack, "Ratu Arab Saudi menghadiri acara itu.") != []  # without consort_titles
    (match, suggestions, _), = lint_knowing(knowing_pack, "Ratu Arab Saudi Mohammed bin Salman hadir.")
    assert (match, suggestions) == ("Ratu Arab Saudi", ("Putra Mahkota Arab Saudi", "Perdana Menteri Arab Saudi"))


def test_a_leader_title_media_use_is_right_and_others_still_wrong(knowing_pack):
    assert lint_knowing(knowing_pack, "Presiden Swiss menyambut tamu di Bern.") == []
    assert lint_knowing(knowing_pack, "Perdana Menteri Swiss menyambut tamu.") == [
        ("Perdana Menteri Swiss", ("Presiden Konfederasi Swiss", "Dewan Federal Swiss"), None)
    ]


def test_words_naming_one_office_are_house_style(knowing_pack):
    assert lint_knowing(knowing_pack, "Juru Bicara Kementerian Luar Negeri AS Ned Fiksi menolak berkomentar.") == []
    assert lint_knowing(knowing_pack, "Juru Bicara Departemen Luar Negeri AS Ned Fiksi menolak berkomentar.") == []
    assert lint_knowing(knowing_pack, "Menteri Luar Negeri AS Ned Fiksi menolak berkomentar.") == [
        ("Menteri Luar Negeri AS", ("Juru Bicara Departemen Luar Negeri AS",), "Juru Bicara Departemen Luar Negeri AS")
    ]


def test_a_broken_optional_table_key_names_the_table(tmp_path):
    from newslint.errors import NewslintError

    folder = tmp_path / "T"
    rule_file(tmp_path, "T", "R", TITLE_RULE)
    (folder / "_countries.yml").write_text("role_words: Juru Bicara\n" + COUNTRIES, encoding="utf-8")
    (folder / "_officeholders.yml").write_text(HOLDERS, encoding="utf-8")
    with pytest.raises(NewslintError, match=r"_countries.yml:1: 'role_words' must be a list"):
        lint_text("Presiden Inggris hadir.", select=["T"], rule_paths=[tmp_path])


def test_shipped_title_and_spelling_fixes_are_unsafe(newslint, write):
    text = "Selasa 12 Nov 2024 17:49 WIB\n\nPresiden AS Donald Trump tiba. Kim Jong Un dan Kim Jong-un dan Kim Jong Un.\n"
    run = newslint("--format", "json", "--select", "Indonesian.TitleOfOffice,Indonesian.NameSpelling", write("t.txt", text))
    assert [(f["rule"], f["match"], f["fix"]) for f in run.findings] == [
        ("Indonesian.TitleOfOffice", "Presiden AS", {"replacement": "Presiden terpilih AS", "applicability": "unsafe"}),
        ("Indonesian.NameSpelling", "Kim Jong-un", {"replacement": "Kim Jong Un", "applicability": "unsafe"}),
    ]


def test_a_suggested_title_that_names_the_country_already_gets_no_second_country():
    """The shipped tables: North Korea's leader is also Sekretaris Jenderal Partai Pekerja Korea;
    "... Partai Pekerja Korea Korea Utara" would be a garbled suggestion."""
    findings = [f for f in lint_text("Presiden Korea Utara Kim Jong Un tiba di Moskwa.\n") if f.rule == "Indonesian.TitleOfOffice"]
    assert findings[0].suggestions == (
        "Pemimpin Tertinggi Korea Utara", "Ketua Komisi Urusan Negara Korea Utara", "Sekretaris Jenderal Partai Pekerja Korea")


def test_names_of_different_things_are_not_spellings_of_one(tmp_path):
    """``distinct`` in the spellings table: a city and its province, a person and a place."""
    from newslint.errors import NewslintError

    holders = HOLDERS + "  - name: Giorgia Fiksi\n    spellings: [Giorgia Fiksi, Georgia Fiksi, Giorgia Fiksie]\n    offices: []\n"
    spellings = "groups:\n  - [Dnipropetrovsk, Dnepropetrovsk]\ndistinct:\n  - [Dnipro, Dnipropetrovsk]\n  - [Giorgia, Georgia]\n"
    root = tmp_path / "d"
    rule_file(root, "T", "R", NAMES_RULE)
    (root / "T" / "_countries.yml").write_text(COUNTRIES, encoding="utf-8")
    (root / "T" / "_officeholders.yml").write_text(holders, encoding="utf-8")
    (root / "T" / "_spellings.yml").write_text(spellings, encoding="utf-8")

    def names(text):
        return [(f.match, f.fix) for f in lint_text(text, select=["T"], rule_paths=[root])]

    assert names("Rudal menghantam Dnipro, ibu kota wilayah Dnipropetrovsk. Warga Dnipro mengungsi.") == []
    assert names("Wilayah Dnipropetrovsk dan Dnepropetrovsk. Dnipropetrovsk lagi.") == [("Dnepropetrovsk", "Dnipropetrovsk")]
    # The holder's surname group is built from his spellings; Giorgia and Georgia are split apart,
    # and each keeps the spellings most like it.
    assert names("Giorgia Fiksi tiba. Georgia Fiksi pulang. Giorgia Fiksi bicara.") == []
    assert names("Giorgia Fiksi tiba. Giorgia Fiksie pulang. Giorgia Fiksi bicara.") == [("Giorgia Fiksie", "Giorgia Fiksi")]
    # A declared group that holds two distinct names contradicts the table: a load error.
    (root / "T" / "_spellings.yml").write_text("groups:\n  - [Dnipro, Dnipropetrovsk]\ndistinct:\n  - [Dnipro, Dnipropetrovsk]\n", encoding="utf-8")
    with pytest.raises(NewslintError, match=r"_spellings.yml:2: .*listed as distinct"):
        names("Dnipro.")


def test_shipped_spellings_keep_the_city_and_the_province_apart():
    text = "Rudal menghantam Dnipro, ibu kota wilayah Dnipropetrovsk. Warga Dnipro mengungsi ke luar Dnipro.\n"
    assert [f for f in lint_text(text) if f.rule == "Indonesian.NameSpelling"] == []
    text = "Wilayah Dnipropetrovsk diserang. Gubernur Dnepropetrovsk bicara. Dnipropetrovsk gelap.\n"
    assert [f.match for f in lint_text(text) if f.rule == "Indonesian.NameSpelling"] == ["Dnepropetrovsk"]
