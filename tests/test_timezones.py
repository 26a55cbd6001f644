"""Local times and their WIB/WITA/WIT conversions (Indonesian.LocalTimeZone): the place's UTC
offset on the article's date, daylight saving both ways, half-hour zones, and the places and
sentences that must be left alone."""
import datetime as dt

import pytest

from newslint import lint_text
from newslint.builtin import builtin_rules_dir
from newslint.knowledge.zones import dateline_place, load_zones, offsets, show_offset
from newslint.post.fixes import apply_fixes

RULE = ["Indonesian.LocalTimeZone"]
ZONES = load_zones(str(builtin_rules_dir() / "Indonesian" / "_zones.yml"), str(builtin_rules_dir() / "Indonesian" / "_dates.yml"))


def header(day, month, year=2025):
    months = {1: "Jan", 3: "Mar", 6: "Jun", 7: "Jul", 10: "Okt", 11: "Nov", 12: "Des"}
    return f"Senin, {day} {months[month]} {year} 09:00 WIB\n\n"


def found(text):
    return [(f.match, f.suggestions, f.fix) for f in lint_text(text, select=RULE)]


# -- offsets from zoneinfo ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "zone, day, minutes",
    [
        ("Europe/Paris", dt.date(2025, 6, 18), {120}),
        ("Europe/Paris", dt.date(2025, 12, 10), {60}),
        ("Australia/Sydney", dt.date(2025, 6, 18), {600}),
        ("Australia/Sydney", dt.date(2025, 12, 10), {660}),
        ("Asia/Kolkata", dt.date(2025, 6, 18), {330}),
        ("Asia/Kathmandu", dt.date(2025, 6, 18), {345}),
        ("America/New_York", dt.date(2025, 1, 15), {-300}),
        ("Europe/London", dt.date(2025, 3, 30), {0, 60}),  # the day the clocks go forward
    ],
)
def test_offsets_on_a_date(zone, day, minutes):
    assert offsets(zone, day, day) == frozenset(minutes)


def test_offsets_are_shown_as_utc_offsets():
    assert [show_offset(m) for m in (120, 330, -240, 0, 345)] == ["+2", "+5:30", "-4", "+0", "+5:45"]


# -- daylight saving, both sides of the year, both hemispheres ----------------------------------

@pytest.mark.parametrize(
    "head, place, local, right, wrong",
    [
        (header(16, 6), "PARIS, KOMPAS.com - ", "09.00", "14.00", "15.00"),  # Paris in summer: UTC+2
        (header(8, 12), "PARIS, KOMPAS.com - ", "09.00", "15.00", "14.00"),  # ... in winter: UTC+1
        (header(16, 6), "SYDNEY - ", "19.00", "16.00", "15.00"),  # Sydney in June: UTC+10
        (header(8, 12), "SYDNEY - ", "19.00", "15.00", "16.00"),  # ... in December: UTC+11
        (header(16, 6), "Liputan6.com, Washington - ", "10.00", "21.00", "22.00"),  # UTC-4
        (header(8, 12), "Liputan6.com, Washington - ", "10.00", "22.00", "21.00"),  # UTC-5
        (header(16, 6), "Dubai - ", "20.00", "23.00", "22.00"),  # no daylight saving
    ],
)
def test_the_offset_on_the_article_date(head, place, local, right, wrong):
    ok = f"{head}{place}Upacara dimulai pukul {local} waktu setempat atau {right} WIB."
    bad = ok.replace(f"atau {right} WIB", f"atau {wrong} WIB")
    assert found(ok) == []
    (f,) = lint_text(bad, select=RULE)
    assert (f.match, f.fix, f.applicability) == (wrong, right, "unsafe")
    assert f"is {right} WIB, not {wrong} WIB" in f.message


def test_the_message_names_the_place_offset_and_date():
    (f,) = lint_text(header(16, 6) + "PARIS, KOMPAS.com - Pertemuan dimulai pukul 09.00 waktu setempat atau 21.00 WIB.", select=RULE)
    assert f.message == (
        "09.00 waktu setempat in Paris (UTC+2 on 16 Juni 2025) is 14.00 WIB, not 21.00 WIB: one of the two times is wrong."
    )
    assert f.line == 3


def test_a_date_in_the_sentence_beats_the_publication_date():
    # Published in June, but the meeting is on Wednesday 10 December: Paris is then UTC+1.
    text = header(16, 6) + "PARIS - Pertemuan digelar Rabu (10/12/2025) pukul 09.00 waktu setempat atau {} WIB."
    assert found(text.format("15.00")) == []
    assert [m for m, _, _ in found(text.format("14.00"))] == ["14.00"]


@pytest.mark.parametrize(
    "text",
    [
        # New Delhi is UTC+5:30, Tehran UTC+3:30, Kathmandu UTC+5:45
        "Pesawat jatuh di Ahmedabad, Kamis (12/6/2025) pukul 13.38 waktu setempat atau pukul 15.08 WIB.",
        "Ledakan terdengar di Teheran pada Jumat (13/6/2025) pukul 03.00 waktu setempat (06.30 WIB).",
        "Gempa mengguncang Kathmandu pukul 10.00 waktu setempat atau 11.15 WIB, Senin (16/6/2025).",
    ],
)
def test_half_hour_zones(text):
    assert found(text) == []
    wrong = text.replace("15.08", "14.08").replace("06.30", "07.00").replace("11.15", "11.00")
    assert len(found(wrong)) == 1


def test_a_change_of_day_is_right():
    assert found(header(16, 6) + "LONDON - Laga dimulai pukul 22.00 waktu setempat atau 04.00 WIB keesokan harinya.") == []
    assert found(header(16, 6) + "SYDNEY - Parade dimulai pukul 23.00 WIB (02.00 waktu setempat).") == []


@pytest.mark.parametrize(
    "text, right",
    [
        # the WIB time first, the local one in brackets
        ("Pukul 21.00 WIB (10.00 waktu setempat), rombongan tiba di Tokyo, Rabu (18/6/2025).", "08.00"),
        # the place named after "waktu"
        ("Pidato dimulai pukul 9 pagi waktu Washington (22.00 WIB), Rabu (18/6/2025).", "20.00"),
        # WITA
        ("Upacara di Paris dimulai pukul 10.00 waktu setempat atau 17.00 WITA, Rabu (18/6/2025).", "16.00"),
        # a fixed zone
        ("Sinyal terakhir diterima pada 17 Juni 2025 pukul 02:03 GMT atau pukul 10:03 WIB.", "09:03"),
        # the zones of home
        ("Siaran dimulai pukul 19.00 WIB atau 21.00 WITA, Rabu (18/6/2025).", "20.00"),
        # a weekday between the two times
        ("Laga di Dubai dimulai pukul 20.00 waktu setempat, Rabu (18/6/2025), atau 22.00 WIB.", "23.00"),
    ],
)
def test_forms_of_the_pair(text, right):
    (f,) = lint_text(text, select=RULE)
    assert f.suggestions == (right,)


def test_the_fix_keeps_how_the_time_is_written():
    text = "Laga digelar di Dubai pukul 20:00 waktu setempat atau 22:00 WIB."
    out, _ = apply_fixes(text, lint_text(text, select=RULE), unsafe=True)
    assert out == "Laga digelar di Dubai pukul 20:00 waktu setempat atau 23:00 WIB."
    assert apply_fixes(text, lint_text(text, select=RULE))[0] == text  # unsafe: --fix alone leaves it


def test_sekitar_allows_half_an_hour():
    assert found("Di New Delhi pukul 11.00 waktu setempat atau sekitar 12.00 WIB, Senin (16/6/2025).") == []
    assert len(found("Di New Delhi pukul 11.00 waktu setempat atau 12.00 WIB, Senin (16/6/2025).")) == 1


def test_without_any_date_only_a_pair_no_season_allows_is_reported():
    assert found("Pertemuan di Paris dimulai pukul 09.00 waktu setempat atau 14.00 WIB.") == []
    assert found("Pertemuan di Paris dimulai pukul 09.00 waktu setempat atau 15.00 WIB.") == []
    (f,) = lint_text("Pertemuan di Paris dimulai pukul 09.00 waktu setempat atau 21.00 WIB.", select=RULE)
    assert (f.suggestions, f.fix) == (("14.00", "15.00"), None)
    assert f.message == "09.00 waktu setempat in Paris (UTC+1/+2) is 14.00 WIB or 15.00 WIB, not 21.00 WIB: one of the two times is wrong."


def test_an_article_without_dateline_takes_its_own_dates():
    # No publication date; the article's dates are of December 2025: Paris is UTC+1.
    text = "Pertemuan digelar Rabu, 10 Desember 2025.\n\nDi Paris, sesi dimulai pukul 09.00 waktu setempat atau {} WIB.\n"
    assert found(text.format("15.00")) == []
    assert [s for _, s, _ in found(text.format("14.00"))] == [("15.00",)]


# -- where the time is kept ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        # a place the table does not know: its zone is unknown
        "Laga digelar di Lusail pukul 20.00 waktu setempat atau 22.00 WIB, Rabu (18/6/2025).",
        # countries with several zones, only through a city
        "Parade digelar di AS pukul 09.00 waktu setempat atau 14.00 WIB, Sabtu (14/6/2025).",
        "Peluncuran dilakukan di Rusia pukul 09.00 waktu setempat atau 14.00 WIB, Sabtu (14/6/2025).",
        "Upacara digelar di Australia pukul 09.00 waktu setempat atau 14.00 WIB, Sabtu (14/6/2025).",
        # a country as an adjective is not where the time is kept
        "Klub Inggris itu bertanding pukul 15.00 waktu setempat (02.00 WIB), Rabu (18/6/2025).",
        # a club named after a city is not that city
        "Real Madrid ditahan Al Hilal pukul 15.00 waktu setempat (02.00 WIB), Rabu (18/6/2025).",
        # no place at all
        "Acara dimulai pukul 09.00 waktu setempat atau 21.00 WIB, Rabu (18/6/2025).",
        # quoted
        '"Kami mulai pukul 09.00 waktu setempat atau 21.00 WIB," kata panitia di Paris, Rabu (18/6/2025).',
        # a link to another article
        "Baca juga: Laga di Dubai Dimulai Pukul 20.00 Waktu Setempat atau 22.00 WIB",
        # two times of one zone are a choice, not a conversion
        "Sidang digelar pukul 09.00 WIB atau 13.00 WIB, Rabu (18/6/2025).",
        # the three zones of home, right
        "Siaran dimulai pukul 19.00 WIB atau 20.00 WITA, Rabu (18/6/2025).",
    ],
)
def test_left_alone(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # the dateline's city would not fit, but the time is kept in a city the table does not know
        header(8, 12) + "WASHINGTON - Gubernur berbicara di Boise pukul 08.00 waktu setempat atau 22.00 WIB.",
        header(16, 6) + "NEW YORK - Parade digelar di AS bagian barat pukul 09.00 waktu setempat atau 23.00 WIB.",
        # a known city is named too, but so is one the table does not know
        "Dari Paris, ia terbang ke Lusail dan tiba pukul 20.00 waktu setempat atau 00.00 WIB, Rabu (18/6/2025).",
    ],
)
def test_an_unknown_place_beside_a_known_one_keeps_the_sentence_quiet(text):
    assert found(text) == []
    # the same sentence without the unknown place is reported
    known = text.replace("di Boise", "di sana").replace("di AS bagian barat", "di sana").replace("ke Lusail", "ke sana")
    assert len(found(known)) == 1


@pytest.mark.parametrize(
    "place, local, right",
    [
        ("Mexico City", "08.00", "21.00"),  # "City" ends a club's name ("Manchester City"), not this one's
        ("Rio de Janeiro", "09.00", "19.00"),  # a place of several words, "de" in lower case
        ("St. Petersburg", "09.00", "13.00"),
    ],
)
def test_places_of_several_words(place, local, right):
    text = f"Acara di {place} dimulai pukul {local} waktu setempat atau {{}} WIB, Rabu (15/1/2025)."
    assert found(text.format(right)) == []
    assert [s for _, s, _ in found(text.format("23.30"))] == [(right,)]


def test_a_place_named_a_sentence_earlier_counts():
    # Kyiv (UTC+3 in June) is named before; the dateline is Paris (UTC+2).
    text = header(16, 6) + "PARIS - Rudal menghantam Kyiv. Serangan dimulai pukul 03.00 waktu setempat atau {} WIB."
    assert found(text.format("07.00")) == []
    (f,) = lint_text(text.format("09.00"), select=RULE)
    assert "in Kyiv (UTC+3" in f.message and f.suggestions == ("07.00",)
    # a place the table does not know, a sentence earlier, keeps it quiet too
    assert found(text.replace("menghantam Kyiv", "jatuh di Lusail").format("09.00")) == []


def test_a_dateline_at_home_is_not_the_place():
    text = "JAKARTA, KOMPAS.com - Serangan dimulai pukul 09.00 waktu setempat atau 21.00 WIB, Rabu (18/6/2025)."
    assert found(text) == []
    assert dateline_place(text, ZONES) is None
    assert dateline_place("PARIS, KOMPAS.com - Isi.", ZONES) == ("Paris", "Europe/Paris")
    assert dateline_place("Liputan6.com, Kairo - Isi.", ZONES) == ("Kairo", "Africa/Cairo")
    assert dateline_place("Dubai (ANTARA) - Isi.", ZONES) == ("Dubai", "Asia/Dubai")
    assert dateline_place("Paris, kota mode, bersiap.", ZONES) is None


def test_a_country_where_the_sentence_puts_the_time_is_the_place():
    text = "Ledakan terjadi di Iran pukul 03.00 waktu setempat atau 06.00 WIB, Jumat (13/6/2025)."
    assert [s for _, s, _ in found(text)] == [("06.30",)]


def test_any_place_of_the_sentence_that_fits_is_enough():
    # Paris (UTC+2) and Tokyo (UTC+9) are both named: 16.00 in Tokyo is 14.00 WIB.
    assert found("Dari Paris, ia terbang ke Tokyo dan tiba pukul 16.00 waktu setempat atau 14.00 WIB, Rabu (18/6/2025).") == []
    # neither fits: the place nearest before the time is named
    (f,) = lint_text("Dari Paris, ia terbang ke Tokyo dan tiba pukul 16.00 waktu setempat atau 19.00 WIB, Rabu (18/6/2025).", select=RULE)
    assert "in Tokyo (UTC+9" in f.message and f.suggestions == ("14.00",)


def test_a_bad_zone_in_the_table_is_a_rule_error(tmp_path, newslint, write):
    pack = tmp_path / "rules" / "Uji"
    pack.mkdir(parents=True)
    own = (builtin_rules_dir() / "Indonesian" / "_zones.yml").read_text(encoding="utf-8")
    (pack / "_zones.yml").write_text(own.replace("Paris: Europe/Paris", "Paris: Europe/Pariss"), encoding="utf-8")
    (pack / "_dates.yml").write_text((builtin_rules_dir() / "Indonesian" / "_dates.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (pack / "Zona.yml").write_text(
        "extends: time_zone\ncategory: date\nmessage: '%s'\ntable: _dates.yml\nzones: _zones.yml\n", encoding="utf-8"
    )
    (tmp_path / ".newslint.yaml").write_text("rule-paths: [rules]\n", encoding="utf-8")
    article = write("a.txt", "Isi.\n")
    run = newslint("--config", str(tmp_path / ".newslint.yaml"), article)
    assert run.code == 2
    assert "'Europe/Pariss' is no IANA time zone" in run.err
