"""Indonesian dates: the forms news writes, the publication date, and the date checks."""
import datetime as dt

import pytest

from newslint import lint_text
from newslint.builtin import builtin_rules_dir
from newslint.dates import dateline_date, find_dates, load_table
from newslint.document import Document
from newslint.plugins import load_registry

TABLE = load_table(str(builtin_rules_dir() / "Indonesian" / "_dates.yml"))


def parsed(text):
    return [(m.weekday, m.day, m.month, m.year) for m in find_dates(text, TABLE)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("pada Selasa (12/11/2024) pagi", [(1, 12, 11, 2024)]),
        ("Selasa (12/11) lalu", [(1, 12, 11, None)]),
        ("Selasa, 12 November 2024", [(1, 12, 11, 2024)]),
        ("12 Nov 2024 17:49 WIB", [(None, 12, 11, 2024)]),
        ("tertanggal 12/11/2024", [(None, 12, 11, 2024)]),
        ("Jum'at, 15 Agu 2025", [(4, 15, 8, 2025)]),
        ("Ahad (17/8) dan 1 Sept 2025 dan 3 Ags dan 4 Agt 2024", [(6, 17, 8, None), (None, 1, 9, 2025), (None, 3, 8, None), (None, 4, 8, 2024)]),
        ("30 Nopember 2023 atau 2 Pebruari 2024", [(None, 30, 11, 2023), (None, 2, 2, 2024)]),
        ("Rabu malam (18/6)", [(2, 18, 6, None)]),
        ("pada 19 Juni", [(None, 19, 6, None)]),
        ("pada 22-23 April 2025 dan 22 April-1 Mei", []),
        ("Selasa-Rabu (22-23/4/2025)", []),
        ("skor 1/2 dan musim 2024/25", []),
    ],
)
def test_date_forms(text, expected):
    assert parsed(text) == expected


@pytest.mark.parametrize(
    "header, date",
    [
        ("Selasa 12 Nov 2024 17:49 WIB", dt.date(2024, 11, 12)),  # the reference articles
        ("Senin, 3 Mar 2025 08:15 WIB", dt.date(2025, 3, 3)),  # detik
        ("Kompas.com- 03/03/2025, 08:15 WIB", dt.date(2025, 3, 3)),  # kompas
        ("Diperbarui 3 Mar 2025, 08:15 WIB", dt.date(2025, 3, 3)),  # liputan6
        ("Jurnalis-Senin, 3 Maret 2025 |08:15 WIB", dt.date(2025, 3, 3)),  # okezone
        ("3 Maret 2025 | 08.15 WIB", dt.date(2025, 3, 3)),  # tempo
        ("Senin   3 Mar 2025  08:15 WIB", dt.date(2025, 3, 3)),  # republika
    ],
)
def test_publication_date_from_each_outlets_dateline(header, date):
    assert dateline_date(f"{header}\n\nJudul Berita\n\nIsi berita pada Jumat (28/2/2025).\n", TABLE) == date
    doc = Document("a.txt", f"{header}\n\nIsi.\n")
    load_registry().document_meta(doc)
    assert doc.meta["published"] == date


def test_a_body_date_is_not_a_dateline():
    assert dateline_date("Judul\n\nRapat digelar Senin (3/3/2025) di Jakarta.\n", TABLE) is None


WRONG = "Selasa 12 Nov 2024 17:49 WIB\n\nRapat digelar Rabu (12/11) di Jakarta.\n"


def test_weekday_resolved_against_the_dateline_with_the_right_weekday_as_fix():
    (f,) = lint_text(WRONG, select=["Indonesian.WeekdayMismatch"])
    assert (f.line, f.column, f.match, f.fix) == (3, 15, "Rabu", "Selasa")
    assert f.message == "'Rabu' does not fit 12 November 2024, which was a Selasa: the weekday or the date is wrong."


def test_front_matter_and_date_option_give_the_publication_date(newslint, write):
    body = "Rapat digelar Rabu (12/11) di Jakarta.\n"
    assert lint_text(body, select=["date"]) == []  # no publication date: the year is unknown
    front = write("fm.md", "---\ntitle: Rapat\ndate: 2024-11-12\n---\n" + body)
    run = newslint("--format", "json", "--select", "date", front)
    assert [(f["line"], f["fix"]["replacement"]) for f in run.findings] == [(5, "Selasa")]
    plain = write("plain.txt", body)
    run = newslint("--format", "json", "--select", "date", "--date", "2024-11-12", plain)
    assert [f["match"] for f in run.findings] == ["Rabu"]
    assert newslint("--format", "json", "--select", "date", "--date", "2025-11-12", plain).findings == []


def test_bad_date_option(newslint, write):
    run = newslint("--date", "12/11/2024", write("a.txt", "Isi.\n"))
    assert run.code == 2 and "not a date (YYYY-MM-DD)" in run.err


def test_mistyped_year_is_named():
    (f,) = lint_text("Jumat 20 Jun 2025 17:57 WIB\n\nIa mengunggahnya Jumat (20/6/2026).\n", select=["date"])
    assert f.message.endswith("in 2025 (the article's year) it fits: the year is probably mistyped.")


def test_relative_word_message_shows_the_arithmetic():
    (f,) = lint_text("Rabu, 18 Jun 2025 06:00 WIB\n\nPelaku ditangkap kemarin, Minggu (15/6/2025).\n", select=["Indonesian.RelativeDate"])
    assert f.match == "kemarin"
    assert f.message == "'kemarin' means 17 Juni 2025 for an article of 18 Juni 2025, but the date beside it is 15 Juni 2025."


def test_dates_in_read_also_lines_and_quoted_titles_are_left_alone():
    text = (
        "Rabu, 18 Jun 2025 06:00 WIB\n\n"
        "Baca juga: Banjir Rabu (11/6) Rendam Jakarta\n\n"
        "Film berjudul \"Kamis (12/6) Kelabu\" tayang pekan ini.\n"
    )
    assert lint_text(text, select=["date"]) == []
