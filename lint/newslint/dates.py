"""Finding dates in text with a language's date table, and the publication date of a Document.

The table (YAML, e.g. ``rules/Indonesian/_dates.yml``) names weekdays, months and relative words;
this module knows only the shapes news writes dates in:

    Rabu (18/6/2025)    Rabu (18/6)    Rabu, 18 Juni 2025    18 Jun 2025 17:49 WIB    18/06/2025
    19 Juni (the year from the publication date)

Ranges ("22-23 April 2025", "22 April-1 Mei") are not dates of one day and are skipped.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import regex

from newslint.errors import RuleError
from newslint.patterns import literal_alternation as _names
from newslint.yamlfile import read_mapping

HEADER_LINES = 6  # a dateline is looked for in the first lines of an article


@dataclass(frozen=True)
class DateTable:
    path: str
    weekdays: dict  # lower-case name -> 0..6
    months: dict  # lower-case name -> 1..12
    relative: dict  # phrase -> (min days, max days) from publication
    relative_window: int
    local_time: regex.Pattern
    past: regex.Pattern
    future: regex.Pattern
    numeric: regex.Pattern
    named: regex.Pattern
    relative_re: regex.Pattern


@lru_cache(maxsize=None)
def load_table(path: str) -> DateTable:
    mapping, _ = read_mapping(path, RuleError)
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
    # "Rabu (18/6/2025)", "Rabu, 18/6/2025", "18/06/2025"; a weekday is needed when the year is missing.
    numeric = regex.compile(
        rf"(?:{wd_prefix}\s*,?\s*\(?\s*)?(?<![\d/.-])(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:/(?P<y>\d{{4}}|\d{{2}}))?(?![\d/])(?:\s*\))?",
        flags,
    )
    # "Selasa, 12 November 2024", "12 Nov 2024", "Rabu (18 Juni 2025)", "19 Juni".
    named = regex.compile(
        rf"(?:{wd_prefix}\s*[,(]?\s*)?(?<![\d–-]\s?)(?<![\d]\s?[–-]\s?)\b(?P<d>\d{{1,2}})\s+(?P<mon>(?:{mon}))\b\.?(?![–-]|\s*[–-]\s*\d)(?:\s+(?P<y>\d{{4}})\b)?",
        flags,
    )
    relative_re = regex.compile(rf"\b(?:{_names(relative)})\b", flags)
    return DateTable(
        path=path,
        weekdays=weekdays,
        months=months,
        relative=relative,
        relative_window=int(mapping.get("relative_window", 40)),
        local_time=regex.compile(mapping["local_time"], flags),
        past=regex.compile(rf"\b(?:{mapping['past_markers']})\b", flags),
        future=regex.compile(rf"\b(?:{mapping['future_markers']})\b", flags),
        numeric=numeric,
        named=named,
        relative_re=relative_re,
    )


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    day: int
    month: int
    year: int | None  # as written (two-digit years expanded)
    weekday: int | None  # the weekday named before the date, if any
    weekday_span: tuple[int, int] | None
    text: str

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


_TIME = regex.compile(r"\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT|GMT|UTC)?|WIB")


def dateline_date(text: str, table: DateTable) -> dt.date | None:
    """The publication date from an article's header: a full date followed by a time
    ("Selasa 12 Nov 2024 17:49 WIB", "Kompas.com- 18/06/2025, 20:31 WIB") in its first lines."""
    pos = 0
    for _ in range(HEADER_LINES):
        nl = text.find("\n", pos)
        line_end = len(text) if nl == -1 else nl
        for mention in find_dates(text, table, pos, line_end):
            tail = text[mention.end:min(line_end, mention.end + 12)]
            if mention.year is not None and _TIME.search(tail):
                return mention.date()
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
