"""Finding dates in text with a language's date table, and the publication date of a Document.

The table (YAML, e.g. ``rules/Indonesian/_dates.yml``) names weekdays, months and relative words;
this module knows only the shapes news writes dates in:

    Rabu (18/6/2025)    Rabu (18/6)    Rabu, 18 Juni 2025    18 Jun 2025 17:49 WIB    18/06/2025
    19 Juni (the year from the publication date)    Kamis (18/6/20250) (a year typed with a digit too many)

Ranges ("22-23 April 2025", "22 April-1 Mei") are not dates of one day and are skipped.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from newslint.cache import by_content
from newslint.errors import RuleError
from newslint.patterns import UserPattern, literal_alternation as _names
from newslint.yamlfile import read_mapping

HEADER_LINES = 6  # a dateline is looked for in the first lines of an article
# A year as written: four digits, or five starting like a year (a digit typed twice: "20250").
_YEAR = r"(?:19|20)\d{3}|\d{4}"


# A clock time after the date: what makes a header's date the dateline. A table adds its time zones
# under `dateline_time`.
_TIME = r"\d{1,2}[.:]\d{2}"


@dataclass(frozen=True)
class DateTable:
    path: str
    weekdays: dict  # lower-case name -> 0..6
    months: dict  # lower-case name -> 1..12
    relative: dict  # phrase -> (min days, max days) from publication
    relative_window: int
    local_time: UserPattern
    past: UserPattern
    future: UserPattern
    numeric: UserPattern
    named: UserPattern
    relative_re: UserPattern
    said: UserPattern | None  # words that report what was said or done ("kata", "dikutip")
    abroad: UserPattern | None  # a dateline in a place abroad ("SEOUL -")
    dateline_time: UserPattern  # the time after a dateline's date ("17:49 WIB")
    bad_numeric: UserPattern | None = None  # a numeric date in brackets or after a weekday, any numbers
    outlet: str | None = None  # the `dateline_outlet` pattern, as written


@by_content  # on the table's content: an edit is seen by the next call
def load_table(path: str) -> DateTable:
    mapping, lines = read_mapping(path, RuleError)
    for key in ("weekdays", "months", "days_from_publication", "local_time", "past_markers", "future_markers"):
        if key not in mapping:
            raise RuleError(f"date table needs '{key}'", path)
    weekdays = {k.lower(): int(v) for k, v in mapping["weekdays"].items()}
    months = {k.lower(): int(v) for k, v in mapping["months"].items()}
    relative = {k.lower(): (int(v[0]), int(v[1])) for k, v in mapping["days_from_publication"].items()}
    wd, mon = _names(weekdays), _names(months)
    part = _names(mapping.get("day_parts") or [])
    wd_prefix = rf"(?P<wd>\b(?:{wd}))(?:\s+(?:{part}))?" if part else rf"(?P<wd>\b(?:{wd}))"
    flags = regex.IGNORECASE | regex.MULTILINE

    def compiled(source: str, key: str) -> UserPattern:
        # Table entries are user patterns: timed, and named by this file and key if they run away.
        try:
            return UserPattern.compile(source, flags, path=path, line=lines.get(key), key=key)
        except regex.error as exc:
            raise RuleError(f"bad pattern in '{key}': {exc}", path, lines.get(key)) from None

    # "Rabu (18/6/2025)", "Rabu, 18/6/2025", "18/06/2025"; a weekday is needed when the year is missing.
    numeric = compiled(
        rf"(?:{wd_prefix}\s*,?\s*\(?\s*)?(?<![\d/.-])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>{_YEAR}|\d{{2}}))?(?![\d/])(?:\s*\))?",
        "weekdays",
    )
    # "Selasa, 12 November 2024", "12 Nov 2024", "Rabu (18 Juni 2025)", "19 Juni".
    named = compiled(
        rf"(?:{wd_prefix}\s*[,(]?\s*)?(?<![\d–-]\s?)(?<![\d]\s?[–-]\s?)\b(?P<d>\d{{1,2}})\s+(?P<mon>(?:{mon}))\b\.?(?![–-]|\s*[–-]\s*\d)(?:\s+(?P<y>{_YEAR})\b)?",
        "months",
    )
    # "(13/57/2025)", "Rabu, 31/13/2025": a numeric date the writer marked as one (in brackets, or
    # after a weekday) whose day or month cannot be; the plain pattern above skips such numbers.
    bad_numeric = compiled(
        rf"(?:{wd_prefix}\s*,?\s*)?(?P<open>\(\s*)?(?<![\d/.-])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>(?:19|20)\d{{2}})(?![\d/])(?P<close>\s*\))?",
        "weekdays",
    )
    relative_re = compiled(rf"\b(?:{_names(relative)})\b", "days_from_publication")
    said = compiled(rf"\b(?:{mapping['said_markers']})\b", "said_markers") if mapping.get("said_markers") else None
    abroad = None
    if mapping.get("places_abroad"):
        outlet = mapping.get("dateline_outlet")
        before = rf"(?:(?:{outlet})\s*,\s*)?" if outlet else ""
        after = rf"(?:,\s*(?:{outlet})\s*)?" if outlet else ""
        places = _names(mapping["places_abroad"])
        abroad = compiled(rf"^\s*{before}(?:{places})\s*{after}[-–—]", "places_abroad")
    return DateTable(
        path=path,
        weekdays=weekdays,
        months=months,
        relative=relative,
        relative_window=int(mapping.get("relative_window", 40)),
        local_time=compiled(mapping["local_time"], "local_time"),
        past=compiled(rf"\b(?:{mapping['past_markers']})\b", "past_markers"),
        future=compiled(rf"\b(?:{mapping['future_markers']})\b", "future_markers"),
        numeric=numeric,
        named=named,
        relative_re=relative_re,
        said=said,
        abroad=abroad,
        dateline_time=compiled(mapping.get("dateline_time") or _TIME, "dateline_time"),
        bad_numeric=bad_numeric,
        outlet=mapping.get("dateline_outlet"),
    )


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None  # as written (two-digit years expanded); None when missing or mistyped
    weekday: int | None  # the weekday named before the date, if any
    weekday_span: tuple[int, int] | None
    text: str
    day_span: tuple[int, int] = (0, 0)
    month_span: tuple[int, int] = (0, 0)
    year_span: tuple[int, int] | None = None
    year_digits: str | None = None  # the year's digits as typed

    @property
    def mistyped_year(self) -> bool:
        """A year typed with five digits ("20250")."""
        return self.year_digits is not None and len(self.year_digits) == 5

    def date(self, year: int | None = None) -> dt.date | None:
        """The date, in ``year`` when none is written; None when impossible."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        try:
            return dt.date(y, self.month, self.day)
        except ValueError:
            return None


def find_dates(text: str, table: DateTable, start: int = 0, end: int | None = None) -> list[DateMention]:
    end = len(text) if end is None else end
    found: dict[int, DateMention] = {}
    for kind, pattern in (("numeric", table.numeric), ("named", table.named)):
        for m in pattern.finditer(text, start, end):
            day = int(m["d"])
            if kind == "numeric":
                month = int(m["m"])
                if m["y"] is None and m["wd"] is None:
                    continue  # "1/2" without a weekday or a year is not a date
            else:
                month = table.months[m["mon"].lower()]
            if not (1 <= month <= 12) or not (1 <= day <= 31):
                continue
            year = int(m["y"]) if m["y"] else None
            if year is not None and year < 100:
                year += 2000
            if year is not None and year > 9999:
                year = None  # mistyped: see year_readings
            wd = m["wd"]
            mention = DateMention(
                start=m.start(),
                end=m.end(),
                day=day,
                month=month,
                year=year,
                weekday=table.weekdays[wd.lower()] if wd else None,
                weekday_span=(m.start("wd"), m.end("wd")) if wd else None,
                text=m.group(),
                day_span=m.span("d"),
                month_span=m.span("m" if kind == "numeric" else "mon"),
                year_span=m.span("y") if m["y"] else None,
                year_digits=m["y"],
            )
            # Keep the longest mention starting at one place.
            if m.start() not in found or found[m.start()].end < m.end():
                found[m.start()] = mention
    mentions = sorted(found.values(), key=lambda x: x.start)
    out, last_end = [], -1
    for mention in mentions:  # drop mentions inside a longer one
        if mention.start >= last_end:
            out.append(mention)
            last_end = mention.end
    return out




@dataclass(frozen=True)
class BadDate:
    """A numeric date marked as a date whose day or month cannot be: "(13/57/2025)"."""
    start: int
    end: int
    day: int
    month: int
    year: int
    weekday: int | None
    text: str


def find_impossible_numeric(text: str, table: DateTable, start: int = 0, end: int | None = None) -> list[BadDate]:
    """Numeric dates in brackets ("(13/57/2025)") or after a weekday ("Rabu, 31/13/2025") with a
    month outside 1-12 or a day outside 1-31. Days a month lacks (31/6) are :func:`find_dates`'s."""
    if table.bad_numeric is None:
        return []
    out = []
    for m in table.bad_numeric.finditer(text, start, len(text) if end is None else end):
        if not ((m["open"] and m["close"]) or m["wd"]):
            continue
        day, month = int(m["d"]), int(m["m"])
        if 1 <= day <= 31 and 1 <= month <= 12:
            continue
        wd = m["wd"]
        out.append(BadDate(m.start(), m.end(), day, month, int(m["y"]),
                           table.weekdays[wd.lower()] if wd else None, m.group()))
    return out


def anchor_year(day: int, month: int, anchors) -> int | None:
    """For an article with no publication date: the year that puts day/month nearest one of the
    article's own full dates (``anchors``, all of one year), if that is within ANCHOR_DAYS."""
    best = None
    year = anchors[0].year
    for candidate in (year - 1, year, year + 1):
        try:
            date = dt.date(candidate, month, day)
        except ValueError:
            continue
        distance = min(abs((date - a).days) for a in anchors)
        if best is None or distance < best[0]:
            best = (distance, candidate)
    return best[1] if best and best[0] <= ANCHOR_DAYS else None


# A year-less date is read in the year of the article's own full dates only this close to one of them.
ANCHOR_DAYS = 60


def dateline_date(text: str, table: DateTable) -> dt.date | None:
    """The publication date from an article's header: a full date followed by a time
    ("Selasa 12 Nov 2024 17:49 WIB", "Kompas.com- 18/06/2025, 20:31 WIB") in its first lines."""
    mention = dateline_mention(text, table)
    return mention.date() if mention is not None else None


def dateline_mention(text: str, table: DateTable) -> DateMention | None:
    """The date of the article's dateline (see :func:`dateline_date`), where it is written."""
    pos = 0
    for _ in range(HEADER_LINES):
        nl = text.find("\n", pos)
        line_end = len(text) if nl == -1 else nl
        for mention in find_dates(text, table, pos, line_end):
            tail = text[mention.end:min(line_end, mention.end + 12)]
            if mention.year is not None and table.dateline_time.search(tail) and mention.date() is not None:
                return mention
        if nl == -1:
            break
        pos = nl + 1
    return None


def nearest_year(day: int, month: int, published: dt.date) -> int | None:
    """The year that puts day/month closest to the publication date (for "Rabu (18/6)")."""
    best = None
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        distance = abs((candidate - published).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def year_readings(digits: str) -> list[int]:
    """The years a five-digit year may have meant, one digit dropped ("20250" -> 2025, 2020,
    2050), the last digit dropped first (the likeliest slip: a key hit once more)."""
    out: list[int] = []
    for i in reversed(range(len(digits))):
        year = int(digits[:i] + digits[i + 1:])
        if 1900 <= year <= 2099 and year not in out:
            out.append(year)
    return out


def nearest_weekday(date: dt.date, weekday: int) -> dt.date:
    """The date with ``weekday`` at most three days from ``date``."""
    shift = (weekday - date.weekday()) % 7
    return date + dt.timedelta(days=shift if shift <= 3 else shift - 7)


def dateline_abroad(text: str, table: DateTable, lines: int = HEADER_LINES + 4) -> bool:
    """Whether one of the article's first lines opens with a dateline in a place abroad
    ("SEOUL -", "NEW YORK, KOMPAS.com -", "Liputan6.com, Moskow -")."""
    if table.abroad is None:
        return False
    pos = 0
    for _ in range(lines):
        if table.abroad.match(text, pos):
            return True
        nl = text.find("\n", pos)
        if nl == -1:
            return False
        pos = nl + 1
    return False
