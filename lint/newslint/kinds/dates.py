"""Date checks: a weekday that does not fit its date, an impossible date, a relative word
("kemarin", "pekan lalu") that disagrees with the date beside it, and an event told as past but
dated after the publication date (or with a year that jumps).

Each rule names its language's date table with ``table`` (a file beside the rule). The
publication date comes from ``doc.meta["published"]`` (dateline, front matter or ``--date``);
without it, only checks that need no publication date run. ``skip`` lists patterns for lines
whose dates are not the article's own (links to other articles: "Baca juga: ... Rabu (18/6)").
"""
from __future__ import annotations

import datetime as dt

from newslint.checks import Check, Hit
from newslint.dates import DateTable, find_dates, load_table, nearest_year
from newslint.engine import format_message


class DateCheck(Check):
    keys = {
        "table": ("str", "the date table, relative to the rule's folder"),
        "skip": ("list", "lines that start like this hold other articles' dates"),
    }
    required = ("table",)

    def compile(self):
        rule = self.rule
        self.table: DateTable = self.load_table(load_table, "table")
        skip = rule.option("skip")
        self.skip = rule.alternation(skip, "skip", ignorecase=True) if skip else None
        self.month_names = _longest_names(self.table.months)
        self.weekday_names = _first_names(self.table.weekdays)

    # -- helpers -----------------------------------------------------------------------------
    def mentions(self, doc):
        """(mention, sentence span, quoted, skipped line) for every date in the document."""
        out = []
        for sentence in doc.sentences:
            for m in find_dates(doc.norm, self.table, sentence.start, sentence.end):
                line = doc.enclosing("line", m.start)
                line_text = doc.norm[line.start:line.end].lstrip()
                skipped = bool(self.skip is not None and self.skip.match(line_text))
                before = doc.norm[line.start:m.start]
                quoted = (before.count('"') + before.count("“") - before.count("”")) % 2 == 1
                out.append((m, sentence, quoted, skipped))
        return out

    def resolve(self, mention, published, quoted) -> dt.date | None:
        if mention.year is not None:
            return mention.date()
        if published is None or quoted:
            return None  # a year-less date in a quoted title has no known context
        return mention.date(nearest_year(mention.day, mention.month, published))

    def show(self, date: dt.date) -> str:
        return f"{date.day} {self.month_names[date.month]} {date.year}"

    def weekday_name(self, index: int, like: str) -> str:
        name = self.weekday_names[index]
        return name.upper() if like.isupper() else name if like[:1].isupper() else name.lower()


def _longest_names(table: dict) -> dict:
    out: dict = {}
    for name, value in table.items():
        if value not in out or len(name) > len(out[value]):
            out[value] = name
    return {k: v.capitalize() for k, v in out.items()}


def _first_names(table: dict) -> dict:
    out: dict = {}
    for name, value in table.items():
        out.setdefault(value, name.capitalize())
    return out


class WeekdayCheck(DateCheck):
    """%s: the weekday written; %s: the date; %s: the weekday it really was. With
    ``message_year``, a mistyped year is named when the weekday fits the publication year."""

    keys = {**DateCheck.keys, "message_year": ("str", "message when the weekday fits another year")}

    def find(self, doc):
        published = doc.meta.get("published")
        for m, _, quoted, skipped in self.mentions(doc):
            if m.weekday is None or skipped:
                continue
            date = self.resolve(m, published, quoted)
            if date is None or date.weekday() == m.weekday:
                continue
            ws, we = m.weekday_span
            written = doc.text[ws:we]
            right = self.weekday_name(date.weekday(), written)
            args = (written, self.show(date), right)
            message = None
            fitting = [y for y in (date.year - 1, date.year + 1) if _weekday(y, m.month, m.day) == m.weekday]
            if m.year is not None and published is not None and published.year in fitting and self.rule.option("message_year"):
                message = format_message(self.rule.option("message_year"), args + (str(published.year),))
            yield Hit(ws, we, args, (right,), right, message)


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


class ImpossibleDateCheck(DateCheck):
    """%s: the date as written; %s: how many days its month has."""

    def find(self, doc):
        published = doc.meta.get("published")
        for m, _sentence, _quoted, _skipped in self.mentions(doc):
            year = m.year if m.year is not None else (published.year if published else 2001)
            if m.month == 2 and m.day == 29 and m.year is None and published is None:
                continue  # 29 February without a year may well exist
            if _weekday(year, m.month, m.day) is not None:
                continue
            days = 29 if m.month == 2 and _weekday(year, 2, 29) is not None else _month_length(year, m.month)
            yield Hit(m.start, m.end, (doc.text[m.start:m.end].strip(), f"{days}"))


def _month_length(year: int, month: int) -> int:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


class RelativeDateCheck(DateCheck):
    """A relative word followed closely by an explicit date ("kemarin, Senin (16/6)") must agree
    with it. A word after the date ("pada 10 Juni kemarin") is the loose "recently" and is left
    alone. %s: the word; %s: the date it implies (or the range); %s: the publication date; %s:
    the date written."""

    def find(self, doc):
        published = doc.meta.get("published")
        if published is None:
            return
        window = self.table.relative_window
        for m, sentence, quoted, skipped in self.mentions(doc):
            if skipped or quoted:
                continue
            date = self.resolve(m, published, quoted)
            if date is None:
                continue
            # The relative word nearest before this date, with no other date in between.
            words = list(self.table.relative_re.finditer(doc.norm, max(sentence.start, m.start - window), m.start))
            if not words:
                continue
            r = words[-1]
            if find_dates(doc.norm, self.table, r.end(), m.start):
                continue
            low, high = self.table.relative[r.group().lower()]
            if self.table.local_time.search(doc.norm, sentence.start, sentence.end):
                low, high = low - 1, high + 1
            if low <= (date - published).days <= high:
                continue
            if low == high:
                implied = self.show(published + dt.timedelta(days=low))
            else:
                implied = f"{self.show(published + dt.timedelta(days=low))} to {self.show(published + dt.timedelta(days=high))}"
            yield Hit(r.start(), r.end(), (doc.text[r.start():r.end()], implied, self.show(published), self.show(date)))


class TimelineCheck(DateCheck):
    """An event told as past but dated after publication. %s: the date; %s: the publication
    date. When the date is a year on at the same time of year, ``message_year`` says the year
    was probably mistyped."""

    keys = {**DateCheck.keys, "message_year": ("str", "message for a mistyped year: %s date, %s publication date, %s likely year")}

    def find(self, doc):
        published = doc.meta.get("published")
        if published is None:
            return
        for m, sentence, quoted, skipped in self.mentions(doc):
            if skipped or quoted or m.year is None:
                continue
            date = m.date()
            if date is None or (m.weekday is not None and date.weekday() != m.weekday):
                continue  # impossible, or already reported as a weekday that does not fit
            text = doc.norm
            local = self.table.local_time.search(text, sentence.start, sentence.end) is not None
            future = self.table.future.search(text, sentence.start, sentence.end) is not None
            near_start, near_end = max(sentence.start, m.start - 60), min(sentence.end, m.end + 12)
            past = self.table.past.search(text, near_start, near_end) is not None
            slack = 2 if local else 1
            if not past or future or (date - published).days <= slack:
                continue
            message = None
            # The same time of year as the article, one year on: the year was mistyped.
            same_day = _weekday(published.year, date.month, date.day) is not None
            if date.year == published.year + 1 and same_day and abs((date.replace(year=published.year) - published).days) <= 10:
                template = self.rule.option("message_year")
                if template:
                    message = format_message(template, (self.show(date), self.show(published), str(published.year)))
            yield Hit(m.start, m.end, (self.show(date), self.show(published)), (), None, message)
