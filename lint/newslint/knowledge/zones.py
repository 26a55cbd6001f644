"""Time zones: a language's table of clock words and places (``rules/Indonesian/_zones.yml``) and
the UTC offsets of IANA zones on a date, from Python's zoneinfo (the data of the tzdata package).

The table names the zones a time is converted to (WIB, WITA, WIT), fixed zones (GMT, UTC), the
words for "local time", and places -> IANA zone; this module builds the pattern of a pair of
times ("pukul 09.00 waktu setempat atau 21.00 WIB") and knows how offsets are looked up.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import regex

from newslint.cache import by_content
from newslint.errors import RuleError
from newslint.knowledge.dates import load_table
from newslint.patterns import UserPattern, literal_alternation as _names
from newslint.yamlfile import read_mapping

# The hour of a clock time, not preceded by a digit or a separator ("1.000" is no time).
_HOUR = r"(?<![\d.,:/])(?:[01]?\d|2[0-4])"
_CLOCK = rf"{_HOUR}(?:[.:][0-5]\d(?![\d])|(?![.:,]?\d))"
# Without a date, offsets are those a zone had over these years.
WIDE = (dt.date(2000, 1, 1), dt.date(2035, 12, 31))


@dataclass(frozen=True)
class ZoneTable:
    path: str
    home: dict  # label as written -> IANA key ("WIB": "Asia/Jakarta")
    fixed: dict  # "GMT": "UTC"
    places: dict  # city or region -> IANA key
    countries: dict  # country -> IANA key
    approximate_minutes: int
    day_parts: dict  # lower-case part -> (lowest hour, highest hour)
    venues: frozenset
    pair: UserPattern  # two clock times, each with its label
    place_re: UserPattern  # a city or region of the table
    country_re: UserPattern  # a country of the table, where the sentence puts the time there
    unknown_re: UserPattern  # a locative before a capitalised word: the time may be kept there
    not_places: UserPattern | None
    approximate: UserPattern
    home_keys: frozenset  # the IANA zones of home: a dateline there is never the place of a local time
    dateline: UserPattern | None  # "PARIS, KOMPAS.com -", "Dubai -", "Liputan6.com, Paris -"
    places_lower: dict  # lower-case city -> the table's name
    labels: UserPattern  # what a pair holds twice: a zone, "waktu setempat", "waktu <place>"


@by_content  # on the tables' content: an edit is seen by the next call
def load_zones(path: str, dates: str | None = None) -> ZoneTable:
    """The zone table at ``path``; the weekdays written between two times come from the date
    table ``dates``."""
    mapping, lines = read_mapping(path, RuleError)
    date_table = load_table(dates) if dates else None
    weekdays = tuple(date_table.weekdays) if date_table else ()
    for key in ("home_zones", "places", "local_words", "connectors"):
        if key not in mapping:
            raise RuleError(f"zone table needs '{key}'", path)

    def zones(key: str) -> dict:
        found = mapping.get(key) or {}
        if not isinstance(found, dict):
            raise RuleError(f"'{key}' must map names to IANA time zones", path, lines.get(key))
        for name, zone in found.items():
            try:
                ZoneInfo(str(zone))
            except (ZoneInfoNotFoundError, ValueError):
                raise RuleError(f"'{key}': {name}: {zone!r} is no IANA time zone", path, lines.get(key)) from None
        return {str(k): str(v) for k, v in found.items()}

    home, fixed, places, countries = zones("home_zones"), zones("fixed_zones"), zones("places"), zones("countries")
    flags = regex.IGNORECASE | regex.MULTILINE

    def compiled(source: str, key: str, flags: int = flags) -> UserPattern:
        try:
            return UserPattern.compile(source, flags, path=path, line=lines.get(key), key=key)
        except regex.error as exc:
            raise RuleError(f"bad pattern in '{key}': {exc}", path, lines.get(key)) from None

    parts = {}
    for name, span in (mapping.get("day_parts") or {}).items():
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(h, int) for h in span)):
            raise RuleError(f"'day_parts': {name} must be [lowest hour, highest hour]", path, lines.get("day_parts"))
        parts[str(name).lower()] = (span[0], span[1])
    # Names are matched as written: "Nice" or "Male" in lower case is no place; a dateline's
    # "PARIS" is matched separately (see dateline_place).
    cased = lambda names: rf"(?-i:(?<![\p{{L}}\d])(?:{_names(names)})(?![\p{{L}}\d]))"  # noqa: E731
    home_re, fixed_re = cased(home), cased(fixed) if fixed else "(?!)"
    all_places = cased({**places, **countries})
    words = lambda key: rf"\b(?:{mapping[key]})\b" if mapping.get(key) else "(?!)"  # noqa: E731
    approx, time_words = words("approximate"), words("time_words")
    part = rf"\b(?:{_names(parts)})\b" if parts else "(?!)"
    place_word = words("place_time_word")
    connectors = [c.strip() for c in str(mapping["connectors"]).split("|") if c.strip()]
    conn = "|".join(rf"\b{regex.escape(c)}\b" if c[0].isalnum() else regex.escape(c) for c in connectors)
    weekday = rf"\b(?:{_names(weekdays)})\b" if weekdays else "(?!)"
    # A weekday and its date between or before the times: "09.00 waktu setempat, Rabu (18/6), atau ...".
    day = rf"(?:{weekday}(?:\s+{part})?(?:\s*\(\s*\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\s*\))?\s*,?\s*)"

    def side(n: str) -> str:
        return (
            rf"(?:(?P<{n}_approx>{approx})\s+)?(?:{time_words}\s+)?(?P<{n}_t>{_CLOCK})"
            rf"(?:\s*[-–]\s*(?:{time_words}\s+)?{_CLOCK})?(?:\s+(?P<{n}_part>{part}))?\s+"
            rf"(?:(?P<{n}_home>{home_re})|(?P<{n}_fixed>{fixed_re})|(?P<{n}_local>{words('local_words')})"
            rf"|{place_word}\s+(?P<{n}_place>{all_places}))"
        )

    pair = compiled(
        rf"{side('a')}(?:\s*,)?\s*{day}?"
        rf"(?:\(\s*(?:(?:{conn})\s*)?(?:{approx}\s+)?{day}?|(?:{conn})\s*{day}?)"
        rf"{side('b')}",
        "connectors",
    )
    locatives = words("locatives")
    outlet = date_table.outlet if date_table else None
    before = rf"(?:(?:{outlet})\s*,\s*)?" if outlet else ""
    after = rf"(?:,\s*(?:{outlet})\s*)?" if outlet else ""
    dateline = compiled(rf"^\s*{before}(?P<p>\b(?:{_names(places)})\b)\s*(?:\(\s*[\p{{L}}.]+\s*\)\s*)?{after}[-–—]", "places")
    home_keys = frozenset(str(z) for z in mapping.get("home_zone_keys") or home.values())
    venues = frozenset(str(v) for v in mapping.get("venues") or [])
    not_places = mapping.get("not_places") or []
    return ZoneTable(
        path=path,
        home=home,
        fixed=fixed,
        places=places,
        countries=countries,
        approximate_minutes=int(mapping.get("approximate_minutes", 0)),
        day_parts=parts,
        venues=venues,
        pair=pair,
        place_re=compiled(cased(places), "places"),
        # A country counts after a locative ("di Iran"), a comma ("Lyon, Prancis") or "waktu".
        country_re=compiled(rf"(?:{locatives}|{place_word}|,)\s+(?P<c>{cased(countries)})", "countries"),
        unknown_re=compiled(rf"(?:{locatives})\s+(?P<w>(?-i:\p{{Lu}}[\p{{L}}.'-]*)(?:\s+(?-i:\p{{Lu}}[\p{{L}}.'-]*))*)", "locatives"),
        # As written: "Real Madrid" is a club, "real" is a word.
        not_places=compiled("|".join(f"(?:{p})" for p in not_places), "not_places", regex.MULTILINE) if not_places else None,
        approximate=compiled(approx, "approximate"),
        home_keys=home_keys,
        dateline=dateline,
        places_lower={name.lower(): name for name in places},
        labels=compiled(rf"{home_re}|{fixed_re}|{words('local_words')}|{place_word}", "local_words"),
    )


def pairs(text: str, table: ZoneTable, reach: int = 160):
    """The pairs of times in ``text``: the pair pattern is tried only near a zone's label (most of
    an article has none), in windows that are merged where they meet."""
    windows: list[list[int]] = []
    for m in table.labels.finditer(text):
        start, end = max(0, m.start() - reach), min(len(text), m.end() + reach)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    for start, end in windows:
        # A window starts after a line break or a space, so that no pair is cut into at its start.
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        yield from table.pair.finditer(text, start, end)


def dateline_place(text: str, table: ZoneTable, lines: int = 10) -> tuple[str, str] | None:
    """(the table's name, its zone) of the city an article is datelined in, when one of its first
    lines opens with one ("PARIS, KOMPAS.com -"); None for none, or for a city at home."""
    if table.dateline is None:
        return None
    by_lower = table.places_lower
    pos = 0
    for _ in range(lines):
        m = table.dateline.match(text, pos)
        if m:
            name = by_lower.get(regex.sub(r"\s+", " ", m["p"]).lower())
            if name is None or table.places[name] in table.home_keys:
                return None
            return name, table.places[name]
        nl = text.find("\n", pos)
        if nl == -1:
            return None
        pos = nl + 1
    return None


@lru_cache(maxsize=4096)
def offsets(zone: str, first: dt.date, last: dt.date) -> frozenset:
    """The UTC offsets, in minutes, that ``zone`` has at some moment from ``first`` to ``last``
    (sampled every 6 hours, every 12 over long spans: every daylight-saving period is seen)."""
    tz = ZoneInfo(zone)
    utc = dt.timezone.utc
    start = dt.datetime(first.year, first.month, first.day, tzinfo=utc) - dt.timedelta(hours=14)
    end = dt.datetime(last.year, last.month, last.day, tzinfo=utc) + dt.timedelta(hours=38)
    step = dt.timedelta(hours=6 if (last - first).days <= 62 else 12)
    found = set()
    moment = start
    while moment <= end:
        found.add(int(moment.astimezone(tz).utcoffset().total_seconds() // 60))
        moment += step
    return frozenset(found)


def show_offset(minutes: int) -> str:
    """+2, +5:30, -4, +0."""
    sign = "-" if minutes < 0 else "+"
    h, m = divmod(abs(minutes), 60)
    return f"{sign}{h}" + (f":{m:02d}" if m else "")
