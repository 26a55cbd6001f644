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

from newslint.checks import Check, Hit, format_message
from newslint.knowledge.dates import (
    DateTable, anchor_year, dateline_abroad, dateline_mention, find_dates, find_impossible_numeric, load_table, nearest_weekday,
    nearest_year, year_readings,
)


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
        for m, sentence, quoted in doc.shared(date_mentions, self.table):
            skipped = False
            if self.skip is not None:
                line = doc.enclosing("line", m.start)
                skipped = bool(self.skip.match(doc.norm[line.start:line.end].lstrip()))
            out.append((m, sentence, quoted, skipped))
        return out

    def anchors(self, doc):
        """The article's own full dates when it has no publication date (see :func:`own_dates`)."""
        return doc.shared(own_dates, self.table, self.skip)

    def resolve(self, mention, published, quoted, anchors=None) -> dt.date | None:
        """The date meant; a year-less one takes the year nearest the publication date or, with
        none, nearest the article's own full dates (``anchors``)."""
        if mention.mistyped_year:
            year = likely_year(mention, published)
            return mention.date(year) if year is not None else None
        if mention.year is not None:
            return mention.date()
        if quoted:
            return None  # a year-less date in a quoted title has no known context
        if published is not None:
            return mention.date(nearest_year(mention.day, mention.month, published))
        year = anchor_year(mention.day, mention.month, anchors) if anchors else None
        return mention.date(year) if year is not None else None

    def show(self, date: dt.date) -> str:
        return f"{date.day} {self.month_names[date.month]} {date.year}"

    def weekday_name(self, index: int, like: str) -> str:
        name = self.weekday_names[index]
        return name.upper() if like.isupper() else name if like[:1].isupper() else name.lower()


def date_mentions(doc, table: DateTable) -> list:
    """(mention, sentence span, quoted) for every date of ``doc``, found once per Document and
    date table for all the date rules. Quoted: inside a quotation opened earlier on its line."""
    out = []
    for sentence in doc.sentences:
        for m in find_dates(doc.norm, table, sentence.start, sentence.end):
            line = doc.enclosing("line", m.start)
            before = doc.norm[line.start:m.start]
            quoted = (before.count('"') + before.count("“") - before.count("”")) % 2 == 1
            out.append((m, sentence, quoted))
    return out


def own_dates(doc, table: DateTable, skip) -> tuple | None:
    """An article without a publication date takes its year and month from its own full dates
    ("16 Juni 2025", "(16/6/2025)"): those outside quotations and skipped lines, sorted, when they
    all lie in one year; None when there are none or their years differ (an old date, a birth
    date: then nothing tells which year a year-less date is in)."""
    dates = []
    for m, _sentence, quoted in doc.shared(date_mentions, table):
        if quoted or m.year is None or m.mistyped_year:
            continue
        if skip is not None:
            line = doc.enclosing("line", m.start)
            if skip.match(doc.norm[line.start:line.end].lstrip()):
                continue
        date = m.date()
        if date is not None:
            dates.append(date)
    if not dates or len({d.year for d in dates}) != 1:
        return None
    return tuple(sorted(dates))


def abroad(doc, table: DateTable) -> bool:
    """Whether the article is datelined abroad (once per Document and table)."""
    return dateline_abroad(doc.norm, table)


def likely_year(m, published) -> int | None:
    """The year a five-digit year meant: the reading within a year of publication (the weekday
    beside it cannot decide: it may be the slip itself); None without a publication date."""
    if published is None:
        return None
    near = [y for y in year_readings(m.year_digits) if abs(y - published.year) <= 1]
    return min(near, key=lambda y: abs(y - published.year)) if near else None


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
    """A weekday that does not fit its date. Either part may be the slip, so the article is asked
    which: a relative word before the date ("hari ini, Rabu (19/6)"), an event told as done but
    dated after publication, a written date far from publication whose one-field correction lies
    in the article's own week, another mention of the same weekday with a fitting date. Where
    that decides, the finding covers the wrong part with its correction as the fix; where it does
    not, it covers the whole date and suggests both readings, with no fix."""

    keys = {
        **DateCheck.keys,
        "message_weekday": ("str", "the weekday is wrong: %s weekday, %s date, %s its weekday, %s evidence, %s fix"),
        "message_date": ("str", "the date is wrong: %s weekday, %s part, %s evidence, %s right date, %s date written"),
        "parts": ("map", "names of the parts of a date in messages: day, month, year, date"),
        "evidence": ("map", "evidence wording: relative (%s word, %s date), told_after (%s publication), near (%s publication), same_event (%s weekday, %s date)"),
    }
    # Evidence strong enough for a safe fix (another mention of the weekday may be another event).
    SAFE_EVIDENCE = ("relative", "told_after", "near")

    def compile(self):
        super().compile()
        self.parts = {"day": "day", "month": "month", "year": "year", "date": "date", **(self.rule.option("parts") or {})}
        self.evidence_text = self.rule.option("evidence") or {}

    def find(self, doc):
        published = doc.meta.get("published")
        anchors = self.anchors(doc) if published is None else None
        slack_abroad = doc.shared(abroad, self.table)
        mentions = self.mentions(doc)
        # Other mentions whose weekday fits, but not the dateline: it is the publication date, not an event.
        dateline = dateline_mention(doc.norm, self.table)
        fitting = [(m.weekday, d) for m, _, q, sk in mentions
                   if m.weekday is not None and not sk and not (dateline and m.start < dateline.end and dateline.start < m.end)
                   for d in [self.resolve(m, published, q, anchors)] if d is not None and d.weekday() == m.weekday]
        for m, sentence, quoted, skipped in mentions:
            if m.weekday is None or skipped:
                continue
            date = self.resolve(m, published, quoted, anchors)
            if date is None or date.weekday() == m.weekday:
                continue
            readings = date_readings(date, m, published)
            slack = 1 if slack_abroad or self.table.local_time.search(doc.norm, sentence.start, sentence.end) else 0
            choices = [date, *readings]
            evidence = [
                ("relative", self._by_relative_word(doc, m, sentence, choices, published, slack)),
                ("told_after", self._by_publication_order(doc, m, sentence, choices, published, slack)),
                ("near", _by_distance(choices, published)),
                ("same_event", _by_other_mention(m, choices, fitting)),
            ]
            evidence = [(kind, allowed, args) for kind, found in evidence
                        if found and len(found[0]) < len(choices) for allowed, args in [found]]
            left = [c for c in choices if all(c in allowed for _, allowed, _ in evidence)]
            hit = self._decided(doc, m, date, left[0], evidence) if evidence and len(left) == 1 else None
            yield hit or self._undecided(doc, m, date, readings[0])

    # -- evidence: each returns (the readings it allows, args for its wording) or None ----------
    # The readings are the date as written (the weekday is wrong) and the dates the weekday may
    # have meant (the date is wrong). Only a reading every piece of evidence allows can be the fix.
    def _by_relative_word(self, doc, m, sentence, choices, published, slack):
        """"hari ini, Rabu (19/6)": the relative word names the day."""
        if published is None:
            return None
        window = self.table.relative_window
        words = list(self.table.relative_re.finditer(doc.norm, max(sentence.start, m.start - window), m.start))
        if not words or find_dates(doc.norm, self.table, words[-1].end(), m.start):
            return None
        word = words[-1]
        low, high = self.table.relative[word.group().lower()]
        low, high = published + dt.timedelta(days=low - slack), published + dt.timedelta(days=high + slack)
        implied = self.show(low) if low == high else f"{self.show(low)} – {self.show(high)}"
        return [c for c in choices if low <= c <= high], (doc.text[word.start():word.end()], implied)

    def _by_publication_order(self, doc, m, sentence, choices, published, slack):
        """An event told as done or said cannot be dated after the article."""
        if published is None:
            return None
        text, near_start = doc.norm, max(sentence.start, m.start - 60)
        told = self.table.past.search(text, near_start, min(sentence.end, m.end + 12)) or (
            self.table.said is not None and self.table.said.search(text, near_start, m.start))
        if not told or self.table.future.search(text, sentence.start, sentence.end):
            return None
        return [c for c in choices if c <= published + dt.timedelta(days=slack)], (published,)

    # -- findings ------------------------------------------------------------------------------
    def _decided(self, doc, m, date, right, evidence):
        """The finding on the wrong part, citing the first evidence that alone decides (else the
        first of those that decide together: then the fix is unsafe)."""
        alone = [(k, a) for k, allowed, a in evidence if allowed == [right]]
        kind, args = alone[0] if alone else (evidence[0][0], evidence[0][2])
        applicability = "safe" if alone and kind in self.SAFE_EVIDENCE else "unsafe"
        ws, we = m.weekday_span
        written = doc.text[ws:we]
        if kind == "same_event":  # "the article names Jumat 20 Juni 2025 elsewhere"
            args = (written if right != date else self.weekday_name(date.weekday(), written), right)
        shown = tuple(self.show(a) if isinstance(a, dt.date) else a for a in args)
        reason = format_message(self.evidence_text.get(kind, kind), shown)
        if right == date:
            fix = self.weekday_name(date.weekday(), written)
            args = (written, self.show(date), fix, reason, fix)
            message = format_message(self.rule.option("message_weekday") or self.rule.message, args)
            return Hit(ws, we, args, (fix,), fix, message, applicability)
        change = self.rewrite(doc, m, date, right)
        if change is None:
            return None
        start, end, fix, part = change
        args = (written, self.parts[part], reason, self.show(right), self.show(date))
        message = format_message(self.rule.option("message_date") or self.rule.message, args)
        return Hit(start, end, args, (fix,), fix, message, applicability)

    def _undecided(self, doc, m, date, other):
        """Both readings, as whole dates: the weekday of the date, or the date of the weekday
        (a five-digit year repaired in both)."""
        ws, we = m.weekday_span
        written = doc.text[ws:we]
        right_weekday = self.weekday_name(date.weekday(), written)
        suggestions = [self._mention_text(doc, m, right_weekday, date, date)]
        if self.rewrite(doc, m, date, other) is not None:
            suggestions.append(self._mention_text(doc, m, written, date, other))
        args = (written, self.show(date), self.show(date), right_weekday, written, self.show(other))
        return Hit(ws, m.end, args, tuple(suggestions), None)

    def _mention_text(self, doc, m, weekday: str, written: dt.date, right: dt.date) -> str:
        """The mention from its weekday on, with ``weekday`` and the date ``right``."""
        we = m.weekday_span[1]
        change = self.rewrite(doc, m, written, right)
        if change is None:
            return weekday + doc.text[we:m.end]
        start, end, text, _ = change
        return weekday + doc.text[we:start] + text + doc.text[end:m.end]

    def rewrite(self, doc, m, written: dt.date, right: dt.date):
        """(start, end, replacement, part) turning the written date into ``right``, keeping how it
        is written (padding, month names, two-digit years); None when a part to change is not written."""
        fields = []
        if right.day != written.day:
            fields.append(("day", m.day_span, _pad(right.day, m.day_span, doc.text)))
        if right.month != written.month:
            fields.append(("month", m.month_span, self.month_text(right.month, m, doc.text)))
        if right.year != written.year or m.mistyped_year:  # a five-digit year is repaired too
            if m.year_span is None:
                return None
            width = m.year_span[1] - m.year_span[0]
            fields.append(("year", m.year_span, str(right.year)[-2:] if width == 2 else str(right.year)))
        if not fields:
            return None
        start, end = min(f[1][0] for f in fields), max(f[1][1] for f in fields)
        out, pos = [], start
        for _, (s, e), text in sorted(fields, key=lambda f: f[1][0]):
            out += [doc.text[pos:s], text]
            pos = e
        out.append(doc.text[pos:end])
        return start, end, "".join(out), fields[0][0] if len(fields) == 1 else "date"

    def month_text(self, month: int, m, text: str) -> str:
        written = text[m.month_span[0]:m.month_span[1]]
        if written.isdigit():
            return _pad(month, m.month_span, text)
        # A full name for a full name ("Mei" -> "Juni"), else the abbreviation nearest in length.
        if written.lower() == self.month_names[self.table.months[written.lower()]].lower():
            name = self.month_names[month]
        else:
            names = [n for n, v in self.table.months.items() if v == month and n != self.month_names[month].lower()]
            name = min(names or [self.month_names[month]], key=lambda n: (abs(len(n) - len(written)), -len(n)))
        return name.upper() if written.isupper() else name.capitalize() if written[:1].isupper() else name


NEAR_DAYS = 7  # a corrected date this close to publication is the article's own news ...
FAR_DAYS = 20  # ... when the date as written is this far from it


def date_readings(date: dt.date, m, published) -> list[dt.date]:
    """The dates the writer may have meant if the weekday is right and one part of the date is
    wrong: the nearest day with that weekday first, then, near publication, the same day in the
    month before or after (a slip of one: "13/5" for "13/6") or, for a written year one off the
    article's, in the article's year ("2026" for "2025"; an older year may be an anniversary)."""
    out = [nearest_weekday(date, m.weekday)]
    if published is not None:
        years = [published.year] if m.year is not None and abs(date.year - published.year) == 1 else []
        candidates = [(date.day, month, date.year) for month in (date.month - 1, date.month + 1) if 1 <= month <= 12]
        candidates += [(date.day, date.month, y) for y in years]
        for day, month, year in candidates:
            if _weekday(year, month, day) == m.weekday:
                other = dt.date(year, month, day)
                if other not in out and abs((other - published).days) <= NEAR_DAYS:
                    out.append(other)
    return out


def _by_distance(choices, published):
    """A date far from publication: only readings in the article's own week are allowed."""
    date = choices[0]
    if published is None or abs((date - published).days) <= FAR_DAYS:
        return None
    return [c for c in choices if abs((c - published).days) <= NEAR_DAYS], (published,)


def _by_other_mention(m, choices, fitting):
    """The article names the same weekday elsewhere with a date that fits it (one of the
    readings), or names this date elsewhere with its right weekday."""
    date = choices[0]
    same = {d for wd, d in fitting if wd == m.weekday and d in choices[1:]}
    other = any(d == date for _, d in fitting)
    if len(same) == 1 and not other:
        return list(same), ()
    if other and not same:
        return [date], ()
    return None


def _pad(number: int, span, text: str) -> str:
    width = span[1] - span[0]
    return str(number).zfill(width) if text[span[0]] == "0" else str(number)


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


class ImpossibleDateCheck(DateCheck):
    """%s: the date as written; %s: how many days its month has. A year typed with five digits
    ("18/6/20250") is reported with ``message_year`` (%s: the year; %s: the likeliest reading),
    its readings as suggestions; the fix, when the publication year or the weekday decides. A
    numeric date in brackets or after a weekday whose month is not 1-12 or whose day is not 1-31
    ("(13/57/2025)") is reported with ``message_month`` or ``message_day`` (%s: the date; %s: the
    number), or ``message_swapped`` when day and month read the other way round make a date (%s:
    the date; %s: the month written; %s: the date swapped): the American order."""

    keys = {
        **DateCheck.keys,
        "message_year": ("str", "message for a five-digit year: %s as typed, %s the year meant"),
        "message_month": ("str", "message for a month outside 1-12: %s the date, %s the month"),
        "message_day": ("str", "message for a day outside 1-31: %s the date, %s the day"),
        "message_swapped": ("str", "message for day and month swapped: %s the date, %s the month, %s the date swapped"),
    }

    def find(self, doc):
        published = doc.meta.get("published")
        anchors = self.anchors(doc) if published is None else None
        for m, _sentence, quoted, _skipped in self.mentions(doc):
            if m.mistyped_year:
                yield self._five_digit_year(doc, m, published)
                continue
            if m.year is not None:
                year = m.year
            elif published is not None:
                year = published.year
            elif anchors and not quoted:  # the year of the day's month nearest the article's dates
                year = anchor_year(min(m.day, 28), m.month, anchors)
            else:
                year = None
            if m.month == 2 and m.day == 29 and year is None:
                continue  # 29 February without a year may well exist
            year = 2001 if year is None else year
            if _weekday(year, m.month, m.day) is not None:
                continue
            days = 29 if m.month == 2 and _weekday(year, 2, 29) is not None else _month_length(year, m.month)
            start, end = m.start, m.end
            if doc.text[start:end].rstrip().endswith(")") and "(" not in doc.text[start:end]:
                # "(31/6/2025)": the date is found from its day on; report it with both brackets.
                start -= doc.text[start - 1:start] == "("
                end -= start == m.start
            yield Hit(start, end, (doc.text[start:end].strip(), f"{days}"))
        for sentence in doc.sentences:
            for bad in find_impossible_numeric(doc.norm, self.table, sentence.start, sentence.end):
                hit = self._out_of_range(doc, bad)
                if hit is not None:
                    yield hit

    def _out_of_range(self, doc, bad):
        if self.skip is not None:
            line = doc.enclosing("line", bad.start)
            if self.skip.match(doc.norm[line.start:line.end].lstrip()):
                return None
        written = doc.text[bad.start:bad.end].strip()
        swapped = _weekday(bad.year, bad.day, bad.month) is not None
        if not (1 <= bad.month <= 12) and swapped:
            # "(6/18/2025)": the month first, as American dates are written.
            text = doc.text[bad.start:bad.end]
            i = text.index(f"{bad.day}/{bad.month}/")
            fixed = text[:i] + f"{bad.month}/{bad.day}/" + text[i + len(f"{bad.day}/{bad.month}/"):]
            right = dt.date(bad.year, bad.day, bad.month)
            fits = bad.weekday is not None and right.weekday() == bad.weekday
            args = (written, str(bad.month), fixed.strip())
            template = self.rule.option("message_swapped") or self.rule.message
            return Hit(bad.start, bad.end, args, (fixed,), fixed if fits else None, format_message(template, args), "unsafe")
        key, number = ("message_month", bad.month) if not (1 <= bad.month <= 12) else ("message_day", bad.day)
        args = (written, str(number))
        return Hit(bad.start, bad.end, args, (), None, format_message(self.rule.option(key) or self.rule.message, args))

    def _five_digit_year(self, doc, m, published) -> Hit:
        year = likely_year(m, published)
        # The likeliest first: the publication's year, else one the weekday fits, else the last digit dropped.
        readings = sorted(year_readings(m.year_digits), key=lambda y: (y != year, _weekday(y, m.month, m.day) != m.weekday))
        safe = year is not None and year == published.year
        shown = [str(y) for y in readings]
        start, end = m.year_span
        template = self.rule.option("message_year") or self.rule.message
        args = (m.year_digits, " or ".join(shown) if year is None else shown[0])
        fix = str(year) if year is not None else None
        return Hit(start, end, args, tuple(shown), fix, format_message(template, args), "safe" if safe else "unsafe")


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
        is_abroad = doc.shared(abroad, self.table)
        for m, sentence, quoted, skipped in self.mentions(doc):
            if skipped or quoted or m.mistyped_year:
                continue
            date = self.resolve(m, published, quoted)
            if date is None or (m.weekday is not None and date.weekday() != m.weekday):
                continue  # the weekday check weighs the word against both readings
            # The relative word nearest before this date, with no other date in between.
            words = list(self.table.relative_re.finditer(doc.norm, max(sentence.start, m.start - window), m.start))
            if not words:
                continue
            r = words[-1]
            if find_dates(doc.norm, self.table, r.end(), m.start):
                continue
            low, high = self.table.relative[r.group().lower()]
            # Local time or a dateline abroad: the day there may be one off the day of publication.
            if is_abroad or self.table.local_time.search(doc.norm, sentence.start, sentence.end):
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
        is_abroad = doc.shared(abroad, self.table)
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
            slack = 2 if local or is_abroad else 1
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
