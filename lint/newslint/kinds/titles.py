"""Titles of officials and spellings of names, against the pack's knowledge tables.

``title``: "<Title> <Country> <Name>" (also across a comma, or without the country) where the
country has no such title ("Presiden Inggris"), or the named person did not hold it on the
article's date ("Presiden Korea Utara Kim Jong Un"; "Presiden AS Donald Trump" while he was
president-elect). "mantan <Title>" asks only that the office began before that date. People and
countries the tables do not know are left alone. A title after one of the table's
``role_words`` is part of a role phrase, not a claim ("Juru Bicara Presiden RI Prasetyo Hadi",
"ajudan Presiden Joko Widodo", "era Presiden ..."): left alone. A title the country lacks is
reported only from its ``titles_complete_from`` date on; a title of its past only when the
sentence does not place itself in the past ("mantan", a year of the time, a ``past_words`` word);
a title the table lists under ``wrong_titles`` always. Near an office's ``approx`` dates (a month
either side) nothing is said about the person holding it.

``names``: one person or place spelled two ways in one article ("Kim Jong Un" / "Kim Jong-un");
each spelling in the minority is reported with the majority as the fix, or every spelling but
the house one when the rule names it in ``house``.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

import regex

from newslint.checks import Check, Hit, format_message
from newslint.knowledge.officeholders import Tables, load_tables
from newslint.patterns import UserPattern, literal_alternation as _alternation


class TableCheck(Check):
    keys = {
        "countries": ("str", "countries table, relative to the rule's folder"),
        "holders": ("str", "office holders table, relative to the rule's folder"),
        "spellings": ("str", "extra spelling groups (places), relative to the rule's folder"),
    }
    required = ("countries", "holders")

    def load(self) -> Tables:
        return self.load_table(load_tables, "countries", "holders", "spellings")

    def table_pattern(self, source: str, flags: int, key: str) -> UserPattern:
        """A pattern built from the tables, named by the rule key that brings the table in."""
        rule = self.rule
        return UserPattern.compile(source, flags, rule=rule.id, path=rule.path, line=rule.lines.get(key), key=key)


class TitleCheck(TableCheck):
    """%s: the title and country as written; %s: the name; %s: what to write instead."""

    keys = {
        **TableCheck.keys,
        "message_country": ("str", "message for a title the country does not have: %s title, %s country, %s its titles"),
        "message_past": ("str", "message for a title the country no longer has: %s title, %s country, %s when it ended, %s its titles now"),
        "message_wrong": ("str", "message for a title the table says the country does not use: %s title, %s country, %s the right title"),
    }

    def compile(self):
        t = self.tables = self.load()
        titles = {o.title for p in t.people for o in p.offices} | set(t.leader_titles) | set(t.generic_titles)
        titles |= {c for country in t.countries.values() for c in (*country.titles, *country.history, *country.wrong_titles)}
        # Wrong titles are also found in lower case ("kepala kabinet Israel"), mapped back.
        self.wrong_forms = {w: w for country in t.countries.values() for w in country.wrong_titles} | {w: w for w in t.wrong_titles}
        self.wrong_forms |= {w[:1].lower() + w[1:].lower(): w for w in list(self.wrong_forms)}
        titles |= set(self.wrong_forms)
        deputy = rf"(?P<deputy>(?:{_alternation(t.deputy_words)})\s+)?" if t.deputy_words else "(?P<deputy>(?!))?"
        title_re = rf"(?P<title>\b{deputy}(?:{_alternation(titles)}))"
        country_re = rf"(?P<country>(?:{_alternation(t.country_by_form)}))\b"
        former = rf"(?P<former>\b(?i:{_alternation(t.former_words)})\s+)?" if t.former_words else "(?P<former>(?!))?"
        # Names are looked up word by word after the match: one regex of a thousand names
        # would cost more to compile than a whole run.
        self.regex = self.table_pattern(
            rf"{former}{title_re}(?:\s+{country_re})?(?![\p{{L}}\p{{N}}])",
            regex.MULTILINE, "holders",
        )
        self.name_words = max((len(s.split()) for s in t.person_by_spelling), default=1)
        self.past_words = (
            self.table_pattern(rf"(?<![\p{{L}}\p{{N}}])(?:{_alternation(t.past_words)})(?![\p{{L}}\p{{N}}])", regex.I, "countries")
            if t.past_words else None
        )
        self.role_before = (
            self.table_pattern(rf"(?<![\p{{L}}\p{{N}}])(?:{_alternation(t.role_words)})\s+$", regex.I, "countries")
            if t.role_words else None
        )

    def name_after(self, text: str, pos: int) -> tuple[str, int, int] | None:
        """The longest known name starting after ``pos`` (across a comma): (name, start, end)."""
        m = regex.compile(r"\s*,?\s*").match(text, pos)
        start = m.end()
        # A full stop ends a word, so that a name ending a sentence is found ("... Joko Widodo.");
        # an initial's stays inside the candidate ("Donald J. Trump").
        words = list(regex.finditer(r"[^\s,;:()]+?(?=[.!?]*(?:[\s,;:()]|$))", text[start:start + 120]))[: self.name_words]
        for n in range(len(words), 0, -1):
            candidate = text[start:start + words[n - 1].end()]
            if candidate in self.tables.person_by_spelling:
                return candidate, start, start + len(candidate)
        return None

    def find(self, doc):
        published: dt.date | None = doc.meta.get("published")
        t = self.tables
        for m in self.regex.finditer(doc.norm):
            written_title = m["title"]
            country = t.country_by_form.get(m["country"]) if m["country"] else None
            # In a role phrase the name after the title is not the title's holder ("Juru Bicara
            # Presiden RI Prasetyo Hadi") or not on this date ("ajudan Presiden Joko Widodo"):
            # only whether the country has the title at all is checked.
            role = self.in_role_phrase(doc, m.start())
            found = None if role else self.name_after(doc.norm, m.end())
            name = found[0] if found else None
            if country is None and name is None:
                continue
            base = written_title[len(m["deputy"]):] if m["deputy"] else written_title
            span_end = m.end("country") if m["country"] else m.end("title")
            if base in self.wrong_forms:
                hit = self._wrong_title(m, self.wrong_forms[base], country, span_end) if country and not m["deputy"] else None
                if hit is not None:
                    yield hit
                    continue
                if base != self.wrong_forms[base]:
                    continue  # the lower-case form of a wrong title, right here: no title at all
            if country is not None and base in t.leader_titles:
                verdict = self._title_on_date(doc, m, base, country, published, role)
                if verdict is not None:
                    have = t.countries[country].display
                    person = t.person_by_spelling.get(name) if name else None
                    titles = self._right_titles(person, country, published, written_title) if person else have
                    suggestions = tuple(_with_country(h, m["country"]) for h in titles)
                    if verdict == "absent":  # a title the country does not have at all
                        template = self.rule.option("message_country")
                        message = format_message(template, (written_title, m["country"], " / ".join(have))) if template else None
                        fix = suggestions[0] if person and len(suggestions) == 1 else None
                    else:  # a title it had until a date before the article's
                        former = f"{t.former_words[0]} {written_title} {m['country']}" if t.former_words else None
                        suggestions = tuple(dict.fromkeys([*([former] if former else []), *suggestions]))
                        template = self.rule.option("message_past") or self.rule.option("message_country")
                        message = format_message(template, (written_title, m["country"], verdict, " / ".join(have))) if template else None
                        fix = None
                    yield Hit(m.start("title"), span_end, (f"{written_title} {m['country']}", " or ".join(suggestions)), suggestions, fix, message)
                    continue
            if name is None:
                continue
            person = t.person_by_spelling.get(name)
            if person is None:
                continue
            offices = [o for o in person.offices if country is None or o.country == country]
            held = [o for o in offices if self._title_fits(written_title if m["deputy"] else base, o, country)]
            if published is not None and any(o.near_approx_date(published) for o in held):
                continue  # a placeholder date at a handover: the table cannot say
            if m["former"]:
                ok = any(published is None or o.began_by(published) for o in held)
            elif published is None:
                ok = bool(held)
            else:
                ok = any(o.active(published) for o in held)
                if not ok and any(o.uncertain and o.began_by(published) for o in held):
                    ok = True  # the table is not sure when this office ended
            if not ok and published is not None and held:
                # "Presiden Joko Widodo meresmikan ... pada 2019": the title of the time of the event.
                sentence = doc.enclosing("sentence", m.start())
                years = {int(y) for y in regex.findall(r"\b(?:19|20)\d{2}\b", doc.norm[sentence.start:sentence.end])}
                ok = any(_active_in_year(o, y) for o in held for y in years)
            if ok:
                continue
            right = self._right_titles(person, country, published, base)
            if not right and held and published is not None and any(o.began_by(published) for o in held):
                right = [f"{t.former_words[0]} {written_title}"] if t.former_words else []
            written = doc.text[m.start("title"):span_end]
            if right:
                country_form = m["country"] or ""
                suggestions = tuple(_with_country(r, country_form) for r in right)
                advice = " or ".join(f"'{s}'" for s in suggestions)
            else:
                suggestions, advice = (), "check the title"
            yield Hit(m.start("title"), span_end, (written, name, advice), suggestions, suggestions[0] if len(suggestions) == 1 else None)

    def _title_on_date(self, doc, m, title: str, country: str, published: dt.date | None, role: bool = False) -> str | None:
        """None when the country had ``title`` on the article's date as far as the tables know;
        "absent" when it never had it in the time its titles are complete for; else the date
        (ISO) its last period ended. An undated article is taken as published today for
        completeness, and a title the country had at any time is right in it (as for people)."""
        c = self.tables.countries[country]
        if title in c.titles:
            return None
        periods = c.history.get(title, [])
        if m["former"] or role and periods:
            # "mantan Perdana Menteri Iran": held at some time before, perhaps before the table
            # begins; "era Perdana Menteri Turki ...": a role phrase, often of a past time.
            return None
        if published is None:
            if periods:
                return None
            day = dt.date.today()
        else:
            day = published
            if any(p.covers(day) for p in periods):
                return None
        if c.complete_from is None or day < c.complete_from:
            return None  # the table does not know all of this country's titles on that date
        sentence = doc.enclosing("sentence", m.start())
        text = doc.norm[sentence.start:sentence.end]
        years = {int(y) for y in regex.findall(r"\b(?:19|20)\d{2}\b", text)}
        if any(y < c.complete_from.year or any(p.covers_year(y) for p in periods) for y in years):
            return None  # "Perdana Menteri Kenya ... pada 2010": the title of the time
        if self.past_words is not None and self.past_words.search(text):
            return None  # "Perdana Menteri Kenya saat itu": another time, perhaps before the table
        ends = [p.end for p in periods if p.end is not None and p.end < day]
        return max(ends).isoformat() if ends else "absent"

    def _wrong_title(self, m, title: str, country: str, span_end: int):
        """A title the table says the country does not use ("Menteri Keuangan Hong Kong": its
        Sekretaris Keuangan). A table-wide entry names a role or a title and holds for every
        country that does not have the title itself."""
        t = self.tables
        c = t.countries[country]
        right = c.wrong_titles.get(title)
        if right is None:
            if title in c.titles or title in c.history or title not in t.wrong_titles:
                return None
            right = t.wrong_titles[title]
        if right in ("head_of_state", "head_of_government"):
            roles = c.head_of_state if right == "head_of_state" else c.head_of_government
            options = [o for o in c.display if o in roles] or sorted(roles)
        else:
            options = [right]
        if not options:
            return None
        suggestions = tuple(_with_country(o, m["country"]) for o in options)
        written = m["title"]
        template = self.rule.option("message_wrong") or self.rule.option("message_country")
        message = format_message(template, (written, m["country"], " or ".join(f"'{s}'" for s in suggestions))) if template else None
        fix = suggestions[0] if len(suggestions) == 1 else None
        return Hit(m.start("title"), span_end, (f"{written} {m['country']}", " or ".join(suggestions)), suggestions, fix, message)

    def in_role_phrase(self, doc, start: int) -> bool:
        """"Juru Bicara | Presiden RI ...": the title names whose spokesperson (aide, era...) it is."""
        if self.role_before is None:
            return False
        line = doc.enclosing("line", start)
        return self.role_before.search(doc.norm[max(line.start, start - 60):start]) is not None

    def _title_fits(self, written: str, office, country) -> bool:
        if written == office.title or self.tables.same_office(written, office.title):
            return True
        c = self.tables.countries.get(office.country)
        if c is None:
            return False
        if written in self.tables.generic_titles:  # "Pemimpin Korea Utara": any of its leaders
            return office.title in c.head_of_state | c.head_of_government | c.leader_words
        return c.fits(written, office.title)

    def _right_titles(self, person, country, published, written: str) -> list[str]:
        """The titles to suggest: the person's offices on that date, the leading ones when a
        leader's title was written ("Raja" -> "Putra Mahkota", not his party posts)."""
        offices = [o for o in person.offices if not o.alias and (country is None or o.country == country)]
        if published is not None:
            offices = [o for o in offices if o.active(published)]
        if written in self.tables.leader_titles:
            leading = [o for o in offices if self._leading(o, written)]
            offices = leading or offices
        return list(dict.fromkeys(o.title for o in offices))

    def _leading(self, office, written: str) -> bool:
        c = self.tables.countries.get(office.country)
        heads = (c.head_of_state | c.head_of_government | c.leader_words) if c else set()
        return office.title in heads or office.title in self.tables.leader_titles or office.title.startswith(written + " ")


def _active_in_year(office, year: int) -> bool:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return (office.start is None or office.start <= last) and (office.end is None or office.end >= first)


class NamesCheck(TableCheck):
    """%s: the spelling found; %s: the spelling to use."""

    keys = {**TableCheck.keys, "house": ("list", "spellings to use whenever one of their group appears")}

    def compile(self):
        t = self.load()
        house = set(self.rule.option("house") or [])
        self.groups = []
        for group in t.spelling_groups:
            spellings = list(dict.fromkeys(group))
            preferred = next((s for s in spellings if s in house), None)
            self.groups.append((spellings, preferred))
        # One pass over the text for every group; the spelling found tells the group.
        self.group_of = {s: i for i, (spellings, _) in enumerate(self.groups) for s in spellings}
        self.regex = self.table_pattern(
            rf"(?<![\p{{L}}\p{{N}}-])(?:{_alternation(self.group_of)})(?![\p{{L}}\p{{N}}]|-\p{{Ll}})", 0,
            "spellings" if self.rule.option("spellings") else "holders")

    def find(self, doc):
        by_group: dict[int, list] = {}
        for m in self.regex.finditer(doc.norm):
            by_group.setdefault(self.group_of[m.group()], []).append(m)
        for index, found in sorted(by_group.items()):
            preferred = self.groups[index][1]
            counts = Counter(m.group() for m in found)
            if preferred is None:
                if len(counts) < 2:
                    continue
                top = max(counts.values())
                # The majority; on a tie, the spelling used first.
                use = next(m.group() for m in found if counts[m.group()] == top)
            else:
                use = preferred
            for m in found:
                if m.group() != use:
                    yield Hit(m.start(), m.end(), (doc.text[m.start():m.end()], use), (use,), use)


def _with_country(title: str, country: str) -> str:
    """The title with the country after it, unless the title names it already: "Sekretaris Jenderal
    Partai Pekerja Korea" + "Korea Utara" is not "... Korea Korea Utara" (the party's name ends the title)."""
    if not country:
        return title
    words, country_words = title.split(), country.split()
    if country.casefold() in title.casefold() or (words and words[-1].casefold() == country_words[0].casefold()):
        return title
    return f"{title} {country}"
