"""Indonesian dates: the forms news writes, the publication date, and the date checks."""
import datetime as dt

import pytest

from newslint import lint_text
from newslint.builtin import builtin_rules_dir
from newslint.knowledge.dates import dateline_abroad, dateline_date, find_dates, load_table, year_readings
from newslint.document import Document
from newslint.plugins import load_registry
from newslint.post.fixes import apply_fixes

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
        ("Kamis (18/6/20250), dan 18 Juni 20255", [(3, 18, 6, None), (None, 18, 6, None)]),  # five-digit years
        ("nomor 18/6/12345", []),
        ("pada 18 Juni 20.250 orang", [(None, 18, 6, None)]),
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
    doc = load_registry().document("a.txt", f"{header}\n\nIsi.\n")
    assert doc.meta["published"] == date


def test_the_dateline_time_comes_from_the_table(tmp_path):
    """What marks a header's date as the dateline is the table's `dateline_time`: a house that
    writes "17h49" says so in its table; without the key any hh:mm does."""
    own = (builtin_rules_dir() / "Indonesian" / "_dates.yml").read_text(encoding="utf-8")
    header = "Selasa, 3 Maret 2025 17h49\n\nIsi.\n"
    assert dateline_date(header, TABLE) is None
    without = "\n".join(line for line in own.splitlines() if not line.startswith("dateline_time:")) + "\n"
    (tmp_path / "a.yml").write_text(without + "dateline_time: '\\d{1,2}h\\d{2}'\n", encoding="utf-8")
    assert dateline_date(header, load_table(str(tmp_path / "a.yml"))) == dt.date(2025, 3, 3)
    (tmp_path / "b.yml").write_text(without, encoding="utf-8")
    plain = load_table(str(tmp_path / "b.yml"))
    assert dateline_date("3 Maret 2025, 17:49\n\nIsi.\n", plain) == dt.date(2025, 3, 3)
    assert dateline_date("3 Maret 2025 WIB\n\nIsi.\n", plain) is None
    assert dateline_date("3 Maret 2025 WIB\n\nIsi.\n", TABLE) == dt.date(2025, 3, 3)


def test_a_body_date_is_not_a_dateline():
    assert dateline_date("Judul\n\nRapat digelar Senin (3/3/2025) di Jakarta.\n", TABLE) is None


WRONG = "Selasa 12 Nov 2024 17:49 WIB\n\nRapat digelar Rabu (12/11) di Jakarta.\n"


def test_weekday_resolved_against_the_dateline_offers_both_readings_when_nothing_decides():
    (f,) = lint_text(WRONG, select=["Indonesian.WeekdayMismatch"])
    assert (f.line, f.column, f.match, f.fix) == (3, 15, "Rabu (12/11)", None)
    assert f.suggestions == ("Selasa (12/11)", "Rabu (13/11)")
    assert f.message == (
        "'Rabu' and 12 November 2024 disagree: 12 November 2024 is a Selasa, "
        "and the nearest Rabu is 13 November 2024. Check which one is meant."
    )


def test_front_matter_and_date_option_give_the_publication_date(newslint, write):
    body = "Rapat digelar Rabu (12/11) di Jakarta.\n"
    assert lint_text(body, select=["date"]) == []  # no publication date: the year is unknown
    front = write("fm.md", "---\ntitle: Rapat\ndate: 2024-11-12\n---\n" + body)
    run = newslint("--format", "json", "--select", "date", front)
    assert [(f["line"], f["suggestions"][0], f.get("fix")) for f in run.findings] == [(5, "Selasa (12/11)", None)]
    plain = write("plain.txt", body)
    run = newslint("--format", "json", "--select", "date", "--date", "2024-11-12", plain)
    assert [f["match"] for f in run.findings] == ["Rabu (12/11)"]
    assert newslint("--format", "json", "--select", "date", "--date", "2025-11-12", plain).findings == []


def test_bad_date_option(newslint, write):
    run = newslint("--date", "12/11/2024", write("a.txt", "Isi.\n"))
    assert run.code == 2 and "not a date (YYYY-MM-DD)" in run.err


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


# -- WeekdayMismatch: which part of the date is wrong ----------------------------------------

WEEKDAY = ["Indonesian.WeekdayMismatch"]


def weekday_finding(text):
    (f,) = lint_text(text, select=WEEKDAY)
    return f


def fixed_line(text, line, select=WEEKDAY):
    """The given line of ``text`` after applying the safe fixes (what --fix would write)."""
    findings = lint_text(text, select=select)
    out, _ = apply_fixes(text, [f for f in findings])
    return out.split("\n")[line - 1]


# Publication dates: Wed 18 June 2025, Thu 19 June 2025, Fri 20 June 2025.
WED, THU, FRI = "Rabu, 18 Jun 2025 13:00 WIB\n\n", "Kamis, 19 Jun 2025 09:00 WIB\n\n", "Jumat, 20 Jun 2025 18:00 WIB\n\n"


@pytest.mark.parametrize(
    "text, match, fix, part",
    [
        # a year a year away, the same day this year is the weekday and the article's date
        (FRI + "Foto itu diunggah Jumat (20/6/2026) malam.", "2026", "2025", "year"),
        (FRI + "Foto itu diunggah Jumat, 20 Juni 2026 malam.", "2026", "2025", "year"),
        (FRI + "Foto itu diunggah Jumat (20/6/26) malam.", "26", "25", "year"),
        # a month away, the same day in the article's month fits
        (WED + "Menurut keterangan resmi, Rabu (18/5/2025), tim lolos.", "5", "6", "month"),
        (WED + "Menurut keterangan resmi, Rabu (18/05/2025), tim lolos.", "05", "06", "month"),
        (WED + "Menurut keterangan resmi, Rabu, 18 Mei 2025, tim lolos.", "Mei", "Juni", "month"),
        # January: last year's year typed out of habit
        ("Selasa, 7 Jan 2025 10:00 WIB\n\nIa ditangkap Senin (6/1/2024) malam.", "2024", "2025", "year"),
    ],
)
def test_a_date_far_from_publication_whose_one_part_correction_is_in_its_week(text, match, fix, part):
    f = weekday_finding(text)
    assert (f.match, f.fix, f.applicability) == (match, fix, "safe")
    assert f"the {part} is wrong" in f.message and "only this reading lies within a week of it" in f.message


def test_a_far_date_with_no_correction_near_publication_is_undecided():
    f = weekday_finding(WED + "Sekolah itu disegel pada Selasa (18/5/2025).")
    assert (f.match, f.fix) == ("Selasa (18/5/2025)", None)
    assert f.suggestions == ("Minggu (18/5/2025)", "Selasa (20/5/2025)")


@pytest.mark.parametrize(
    "text",
    [
        FRI + "Setahun lalu, Jumat (20/6/2024), ia dilantik.",  # an anniversary: the year may be right
        FRI + "Ia pernah ditahan pada Jumat (20/6/2015).",  # ten years off: not a slip of one
        WED + "Rapat digelar Rabu, 18 Mar 2025.",  # three months off: not a slip of one
    ],
)
def test_no_safe_year_or_month_fix_where_the_date_may_be_meant(text):
    f = weekday_finding(text)
    assert f.fix is None and len(f.suggestions) == 2


def test_said_or_done_after_publication_means_the_day_is_wrong():
    text = WED.replace("13:00", "20:00") + '"Kami siap," kata Budi kepada wartawan, Rabu (19/6/2025).'
    f = weekday_finding(text)
    assert (f.line, f.match, f.fix, f.applicability) == (3, "19", "18", "safe")
    assert f.message == (
        "The weekday 'Rabu' is right and the day is wrong (told as done or said, it cannot lie after "
        "the article's date, 18 Juni 2025): 18 Juni 2025, not 19 Juni 2025."
    )
    assert fixed_line(text, 3) == '"Kami siap," kata Budi kepada wartawan, Rabu (18/6/2025).'


def test_said_on_publication_day_with_a_weekday_of_tomorrow_means_the_weekday_is_wrong():
    f = weekday_finding(THU + "Hal itu dikatakan Ani, Jumat (19/6/2025).")
    assert (f.match, f.fix, f.applicability) == ("Jumat", "Kamis", "safe")
    assert "the weekday is wrong, write Kamis" in f.message


@pytest.mark.parametrize(
    "text",
    [
        WED.replace("13:00", "20:00") + "Rapat akan digelar Rabu (19/6/2025).",  # a plan, not a past event
        WED.replace("13:00", "20:00") + '"Kami siap," kata Budi, Rabu (19/6/2025) waktu setempat.',  # local time
        WED.replace("13:00", "20:00") + 'TOKYO - "Kami siap," kata Budi, Rabu (19/6/2025).',  # dateline abroad
        THU + "Laga itu dimainkan Rabu (19/6/2025).",  # both readings lie before publication
    ],
)
def test_undecided_when_publication_order_cannot_tell(text):
    f = weekday_finding(text)
    assert f.fix is None and len(f.suggestions) == 2 and "Check which one is meant" in f.message


@pytest.mark.parametrize(
    "text, match, fix, line",
    [
        (THU + "RUPS digelar hari ini, Kamis (20/6/2025), di Jakarta.", "20", "19", "RUPS digelar hari ini, Kamis (19/6/2025), di Jakarta."),
        (THU + "RUPS digelar hari ini, Rabu (19/6/2025), di Jakarta.", "Rabu", "Kamis", "RUPS digelar hari ini, Kamis (19/6/2025), di Jakarta."),
        (WED + "Pelaku ditangkap kemarin, Selasa (18/6/2025) sore.", "18", "17", "Pelaku ditangkap kemarin, Selasa (17/6/2025) sore."),
        (WED + "Sidang digelar besok, Rabu (19/6/2025).", "Rabu", "Kamis", "Sidang digelar besok, Kamis (19/6/2025)."),
    ],
)
def test_a_relative_word_names_the_day(text, match, fix, line):
    f = weekday_finding(text)
    assert (f.match, f.fix, f.applicability) == (match, fix, "safe")
    assert "puts it on" in f.message
    assert fixed_line(text, 3) == line


def test_the_same_weekday_elsewhere_decides_but_not_safely():
    text = FRI + "Ia hadir di Jakarta, Jumat (20/6/2025).\n\nHal itu diungkap Dony, dikutip Jumat (18/6/2025)."
    f = weekday_finding(text)
    assert (f.line, f.match, f.fix, f.applicability) == (5, "18", "20", "unsafe")
    assert "(the article names Jumat 20 Juni 2025 elsewhere)" in f.message
    assert fixed_line(text, 5) == "Hal itu diungkap Dony, dikutip Jumat (18/6/2025)."  # --fix leaves it
    out, _ = apply_fixes(text, lint_text(text, select=WEEKDAY), unsafe=True)
    assert out.split("\n")[4] == "Hal itu diungkap Dony, dikutip Jumat (20/6/2025)."


def test_the_dateline_is_not_another_mention_of_the_event():
    # The dateline names Friday 20 June; a match on "Sabtu, 20 Juni" may be tomorrow's.
    f = weekday_finding("Jumat, 20 Jun 2025 15:00 WIB\n\nLaga pertama dimainkan Sabtu, 20 Juni 2025 di Jakarta.")
    assert (f.match, f.fix) == ("Sabtu, 20 Juni 2025", None)
    assert f.suggestions == ("Jumat, 20 Juni 2025", "Sabtu, 21 Juni 2025")


def test_evidence_that_disagrees_decides_nothing():
    # "hari ini" says the date is right (19/6); the other Rabu says the day is wrong (18/6).
    f = weekday_finding(THU + "Rapat digelar Rabu (18/6/2025).\n\nHasilnya diumumkan hari ini, Rabu (19/6/2025).")
    assert f.fix is None and f.match == "Rabu (19/6/2025)"


def test_without_a_publication_date_both_readings_are_offered():
    f = weekday_finding("Kepolisian menggelar rapat pada Rabu (16/6/2025) di Jakarta.")
    assert (f.match, f.fix) == ("Rabu (16/6/2025)", None)
    assert f.suggestions == ("Senin (16/6/2025)", "Rabu (18/6/2025)")
    assert f.message == (
        "'Rabu' and 16 Juni 2025 disagree: 16 Juni 2025 is a Senin, and the nearest Rabu is 18 Juni 2025. "
        "Check which one is meant."
    )


# -- five-digit years --------------------------------------------------------------------------


def test_year_readings_drop_one_digit():
    assert year_readings("20250") == [2025, 2020, 2050]
    assert year_readings("20255") == [2025, 2055]


def test_a_five_digit_year_gets_the_article_year_as_a_safe_fix():
    text = THU + "Laga digelar Kamis (19/6/20250), di Bandung."
    (f,) = lint_text(text, select=["Indonesian.ImpossibleDate"])
    assert (f.match, f.fix, f.applicability, f.suggestions) == ("20250", "2025", "safe", ("2025", "2020", "2050"))
    assert f.message == "'20250' is not a year: a digit was typed twice or once too many; 2025 is probably meant."
    assert fixed_line(text, 3, ["Indonesian.ImpossibleDate"]) == "Laga digelar Kamis (19/6/2025), di Bandung."
    assert lint_text(text, select=WEEKDAY) == []  # Thursday 19/6/2025 fits


def test_a_five_digit_year_without_publication_date_is_only_suggested():
    (f,) = lint_text("Laga digelar Kamis (18/6/20250) di Bandung.", select=["Indonesian.ImpossibleDate"])
    assert f.fix is None
    assert f.suggestions[0] == "2020"  # the reading the weekday fits first; it may be the slip itself
    assert set(f.suggestions) == {"2020", "2025", "2050"}


def test_a_five_digit_year_beside_a_wrong_weekday_is_two_findings():
    found = lint_text(THU + "Laga digelar Kamis (18/6/20250), di Bandung.", select=["date"])
    by_rule = {f.rule: f for f in found}
    assert by_rule["Indonesian.ImpossibleDate"].fix == "2025"
    weekday = by_rule["Indonesian.WeekdayMismatch"]
    assert weekday.fix is None
    assert weekday.suggestions == ("Rabu (18/6/2025)", "Kamis (19/6/2025)")  # the year repaired in both


# -- RelativeDate: "hari ini" one day off ------------------------------------------------------

RELATIVE = ["Indonesian.RelativeDate"]


@pytest.mark.parametrize(
    "opening",
    [
        "",
        "JAKARTA, KOMPAS.com - ",
        "Liputan6.com, Bandung - ",
        "REPUBLIKA.CO.ID, CIREBON — ",
    ],
)
def test_hari_ini_one_day_off_at_home_is_reported(opening):
    (f,) = lint_text(WED + opening + "Rapat digelar hari ini, Selasa (17/6/2025).", select=RELATIVE)
    assert f.match == "hari ini"
    assert f.message == "'hari ini' means 18 Juni 2025 for an article of 18 Juni 2025, but the date beside it is 17 Juni 2025."


@pytest.mark.parametrize(
    "text",
    [
        WED + "Rapat digelar hari ini, Selasa (17/6/2025) waktu setempat.",
        WED + "NEW YORK, KOMPAS.com - Rapat digelar hari ini, Selasa (17/6/2025).",
        WED + "Liputan6.com, Moskow - Rapat digelar hari ini, Selasa (17/6/2025).",
        WED + "SEOUL - Rapat digelar hari ini, Kamis (19/6/2025).",
        WED + "REPUBLIKA.CO.ID, TEHERAN — Rapat digelar hari ini, Selasa (17/6/2025).",
    ],
)
def test_hari_ini_one_day_off_in_local_time_or_abroad_is_accepted(text):
    assert lint_text(text, select=RELATIVE) == []


def test_hari_ini_two_days_off_abroad_is_still_reported():
    (f,) = lint_text(WED + "SEOUL - Rapat digelar hari ini, Senin (16/6/2025).", select=RELATIVE)
    assert f.match == "hari ini"


@pytest.mark.parametrize(
    "text, abroad",
    [
        ("SEOUL - Isi.", True),
        ("Kamis 19 Jun 2025\n\nJudul\n\nLOS ANGELES- Isi.", True),
        ("TEMPO.CO, Washington - Isi.", True),
        ("JAKARTA, KOMPAS.com - Isi.", False),
        ("Seoul menjadi tuan rumah.", False),
        ("Paris, kota mode, bersiap.", False),
        ("Judul\n\n" + "Isi.\n" * 12 + "SEOUL - terlalu jauh dari awal.", False),
    ],
)
def test_dateline_abroad(text, abroad):
    assert dateline_abroad(text, TABLE) is abroad


# -- an article without a dateline: its own full dates give the year ---------------------------

NO_DATELINE = "Rapat pertama digelar Senin, 16 Juni 2025 di Jenewa.\n\n"


def test_without_a_dateline_the_articles_own_dates_give_the_year():
    (f,) = lint_text(NO_DATELINE + "Rapat kedua digelar Rabu (19/6).\n", select=WEEKDAY)
    assert (f.line, f.match, f.fix) == (3, "Rabu (19/6)", None)
    assert f.suggestions == ("Kamis (19/6)", "Rabu (18/6)")
    assert lint_text(NO_DATELINE + "Rapat kedua digelar Kamis (19/6).\n", select=WEEKDAY) == []


def test_the_issue_example_a_november_article_without_dateline():
    text = "Pemilu AS digelar Selasa, 5 November 2024.\n\nHasilnya diumumkan {} (6/11).\n"
    assert lint_text(text.format("Rabu"), select=["date"]) == []
    (f,) = lint_text(text.format("Kamis"), select=["date"])
    assert f.suggestions[0] == "Rabu (6/11)"


@pytest.mark.parametrize(
    "text",
    [
        # full dates in two years: which year "Rabu (19/6)" is in is not known
        "Rapat pertama digelar Senin, 16 Juni 2025, seperti pada 12 Mei 1998.\n\nRapat kedua digelar Rabu (19/6).\n",
        # no full date at all
        "Rapat kedua digelar Rabu (19/6).\n",
        # far from every full date of the article
        "Rapat pertama digelar Senin, 16 Juni 2025.\n\nRapat kedua digelar Rabu (19/11).\n",
        # in a quoted title
        NO_DATELINE + 'Film "Rabu (19/6) Kelabu" tayang pekan ini.\n',
        # in a link to another article
        NO_DATELINE + "Baca juga: Banjir Rabu (19/6) Rendam Jenewa\n",
    ],
)
def test_without_a_dateline_an_unknown_year_stays_quiet(text):
    assert lint_text(text, select=WEEKDAY) == []


def test_an_old_date_in_a_quote_does_not_count_against_the_year():
    text = NO_DATELINE + '"Pada 12 Mei 1998, kami ditembaki," ujarnya.\n\nSidang berlanjut Rabu (19/6).\n'
    (f,) = lint_text(text, select=WEEKDAY)
    assert f.match == "Rabu (19/6)"


def test_without_a_dateline_29_february_takes_the_articles_year():
    text = "Sidang digelar Rabu, 5 Maret 2025.\n\nPutusan dibacakan Sabtu (29/2).\n"
    (f,) = lint_text(text, select=["Indonesian.ImpossibleDate"])
    assert f.message == "'Sabtu (29/2)' cannot be: that month has only 28 days."
    assert lint_text(text.replace("2025", "2024"), select=["Indonesian.ImpossibleDate"]) == []


# -- a day or month no calendar has ------------------------------------------------------------

IMPOSSIBLE = ["Indonesian.ImpossibleDate"]


@pytest.mark.parametrize(
    "text, match, message",
    [
        ("Pertemuan digelar Rabu (13/57/2025) di Paris.", "Rabu (13/57/2025)", "'Rabu (13/57/2025)' cannot be: there is no month 57."),
        ("Gencatan senjata berlaku (32/5/2025) pukul 06.00.", "(32/5/2025)", "'(32/5/2025)' cannot be: no month has a day 32."),
        ("Pertemuan digelar Rabu, 0/5/2025 di Paris.", "Rabu, 0/5/2025", "'Rabu, 0/5/2025' cannot be: no month has a day 0."),
        ("Sidang itu ditunda hingga (31/6/2025).", "(31/6/2025)", "'(31/6/2025)' cannot be: that month has only 30 days."),
    ],
)
def test_an_impossible_day_or_month(text, match, message):
    (f,) = lint_text(text, select=IMPOSSIBLE)
    assert (f.match.strip(), f.message) == (match, message)


def test_day_and_month_in_the_american_order():
    (f,) = lint_text("KTT digelar Rabu (6/18/2025) di Kanada.", select=IMPOSSIBLE)
    assert (f.match, f.fix, f.applicability) == ("Rabu (6/18/2025)", "Rabu (18/6/2025)", "unsafe")
    assert f.message == "'Rabu (6/18/2025)' cannot be: there is no month 18; day and month are in the American order. Write Rabu (18/6/2025)."
    (f,) = lint_text("KTT digelar Senin (6/18/2025) di Kanada.", select=IMPOSSIBLE)  # 18 June was a Wednesday
    assert (f.fix, f.suggestions) == (None, ("Senin (18/6/2025)",))


@pytest.mark.parametrize(
    "text",
    [
        "Surat bernomor 13/57/2025 diterbitkan kementerian.",  # a reference number, not a date
        "Putusan Nomor (13/57/20255) dibacakan.",  # not a year
        "Rasio (12/40) dan (3/4/25) dicatat.",
    ],
)
def test_numbers_that_are_no_dates(text):
    assert lint_text(text, select=IMPOSSIBLE) == []
