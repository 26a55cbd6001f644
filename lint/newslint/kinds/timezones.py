"""A clock time in local time paired with its conversion ("pukul 09.00 waktu setempat atau 21.00
WIB", "21.00 WIB (09.00 waktu setempat)", "02.03 GMT atau 09.03 WIB") that the place's UTC offset
on the article's date makes impossible.

The zone table (``zones``, e.g. ``_zones.yml``) names the zones times are converted to, fixed
zones and places -> IANA zones; the date table (``table``) the weekdays and months. The place of a
"waktu setempat" is any city of the table named in the paragraph, a country named where the
paragraph puts something ("di Iran"), or the dateline's city; the pair is reported only when it
fits none of them. The date that decides daylight saving is a date in the sentence, else the
publication date (or the article's own full dates when it has none), else any date of 2000-2035.
"""
from __future__ import annotations

import datetime as dt

from newslint.checks import Hit, format_message
from newslint.kinds.dates import DateCheck
from newslint.knowledge.zones import WIDE, dateline_place, load_zones, offsets, pairs, show_offset

DAY = 24 * 60
NEAR_PUBLICATION = 10  # days: an event told without a date lies this close to publication


class TimeZoneCheck(DateCheck):
    """%s: the local time as written; %s: the place; %s: its UTC offset; %s: the date; %s: the
    right converted time; %s: the converted time as written (``message_undated`` has no date)."""

    keys = {
        **DateCheck.keys,
        "zones": ("str", "the zone table, relative to the rule's folder"),
        "message_undated": ("str", "the message when no date is known: as the message, without the date"),
    }
    required = ("table", "zones")

    def compile(self):
        super().compile()
        self.zones = self.load_table(load_zones, "zones", "table")

    def find(self, doc):
        zt = self.zones
        published = doc.meta.get("published")
        anchors = mentions = None
        for m in pairs(doc.norm, zt):
            if self._skipped(doc, m.start()):
                continue
            sides = {n: _side(m, n, zt) for n in ("a", "b")}
            ref, other = _roles(sides)
            if ref is None or sides[ref]["zone"] == sides[other]["zone"]:
                continue  # no known zone, or two times of one zone: a choice ("09.00 WIB atau 13.00 WIB")
            if mentions is None:  # the article's dates, once a pair is found
                mentions = self.mentions(doc)
                anchors = self.anchors(doc) if published is None else None
            sentence = doc.enclosing("sentence", m.start())
            first, last, shown = self._dates(sentence, m, mentions, published, anchors)
            places = self._places(doc, sentence, m, sides[other], doc.shared(_dateline, zt))
            if not places:
                continue
            hit = self._check(doc, m, sides, ref, other, places, first, last, shown)
            if hit is not None:
                yield hit

    # -- what is compared ------------------------------------------------------------------------
    def _skipped(self, doc, offset: int) -> bool:
        """In a quotation opened earlier on its line, or on a line the rule skips."""
        line = doc.enclosing("line", offset)
        before = doc.norm[line.start:offset]
        if (before.count('"') + before.count("“") - before.count("”")) % 2 == 1:
            return True
        return self.skip is not None and bool(self.skip.match(doc.norm[line.start:line.end].lstrip()))

    def _dates(self, sentence, m, mentions, published, anchors):
        """(first, last, shown): the days whose offsets count, and the date the message names."""
        near = [(min(abs(d.start - m.start()), abs(d.start - m.end())), d, q) for d, s, q, sk in mentions
                if s.start == sentence.start and not sk]
        for _, mention, quoted in sorted(near, key=lambda x: x[0]):
            date = self.resolve(mention, published, quoted, anchors)
            if date is not None:
                return date - dt.timedelta(days=1), date + dt.timedelta(days=1), date
        if published is not None:
            span = dt.timedelta(days=NEAR_PUBLICATION)
            return published - span, published + span, published
        if anchors:
            span = dt.timedelta(days=NEAR_PUBLICATION)
            return anchors[0] - span, anchors[-1] + span, None
        return WIDE[0], WIDE[1], None

    def _places(self, doc, sentence, m, side, dateline):
        """[(offset in the text or None, name, zone)] where the local side's time may be kept: the
        places of its paragraph (a "waktu setempat" may be of a place named a sentence earlier),
        those of its sentence first (the nearest before the pair, then those after it), the
        dateline's city last. Empty when the paragraph names a place the table does not know."""
        zt = self.zones
        if side["kind"] != "local":
            return [(None, side["label"], side["zone"])]
        para = doc.enclosing("paragraph", m.start())
        text, start, end = doc.norm, para.start, para.end
        masked = [x.span() for x in zt.not_places.finditer(text, start, end)] if zt.not_places else []
        free = lambda a, b: not any(s < b and a < e for s, e in masked)  # noqa: E731
        found = [(p.start(), p.group(), zt.places[p.group()]) for p in zt.place_re.finditer(text, start, end) if free(*p.span())]
        found += [(c.start("c"), c["c"], zt.countries[c["c"]]) for c in zt.country_re.finditer(text, start, end) if free(*c.span("c"))]
        others = tuple(set(zt.countries) | zt.venues)
        for u in zt.unknown_re.finditer(text, start, end):
            at = u.start("w")
            if not free(*u.span("w")) or zt.place_re.match(text, at) or any(
                    text.startswith(w, at) and not text[at + len(w):at + len(w) + 1].isalnum() for w in others):
                continue
            return []  # "di Seattle", "di AS": a place the table does not know, or with several zones

        def rank(place):
            at = place[0]
            inside = sentence.start <= at < sentence.end
            return (not inside, at >= m.start(), -at if at < m.start() else at)

        return sorted(found, key=rank) + ([(None, *dateline)] if dateline else [])

    def _check(self, doc, m, sides, ref, other, places, first, last, shown):
        zt = self.zones
        r, o = sides[ref], sides[other]
        r_off = offsets(r["zone"], first, last)
        tolerance = zt.approximate_minutes if zt.approximate.search(m.group()) else 0
        o_read, r_read = self._readings(o), self._readings(r)

        def expected(zone):
            return sorted({(t - off + roff) % DAY for t in o_read for off in offsets(zone, first, last) for roff in r_off})

        for _, _, zone in places:
            if any(_close(e, t, tolerance) for e in expected(zone) for t in r_read):
                return None
        _, name, zone = places[0]
        right = expected(zone)
        shown_right = [_clock(e, r["clock"]) for e in right]
        written = doc.text[m.start(f"{ref}_t"):m.end(f"{ref}_t")]
        local = doc.text[m.start(f"{other}_t"):o["end"]]
        offset = "/".join(show_offset(x) for x in sorted(offsets(zone, first, last)))
        label = r["label"]
        args = [local, name, offset, *([self.show(shown)] if shown else []),
                " or ".join(f"{t} {label}" for t in shown_right), f"{written} {label}"]
        template = self.rule.message if shown else (self.rule.option("message_undated") or self.rule.message)
        fix = shown_right[0] if len(right) == 1 and r["part"] is None and ("." in r["clock"] or ":" in r["clock"]) else None
        start, end = m.span(f"{ref}_t")
        return Hit(start, end, tuple(args), tuple(shown_right), fix, format_message(template, tuple(args)), "unsafe")

    def _readings(self, side) -> set:
        """The minutes after midnight a written time may stand for: "09.00" is 09.00, "pukul 9
        malam" 21.00, a bare "pukul 9" 09.00 or 21.00."""
        clock, part = side["clock"], side["part"]
        hour, _, minutes = clock.replace(":", ".").partition(".")
        h, mm = int(hour) % 24, int(minutes or 0)
        if part is not None and int(hour) <= 12:
            lo, hi = self.zones.day_parts[part.lower()]
            both = [h % 12, h % 12 + 12]
            hours = [x for x in both if lo <= x <= hi or lo <= x + 24 <= hi] or both
        elif not minutes and 0 < int(hour) <= 12:
            hours = [h % 12, h % 12 + 12]
        else:
            hours = [h]
        return {x * 60 + mm for x in hours}


def _dateline(doc, table):
    return dateline_place(doc.norm, table)


def _side(m, n: str, zt) -> dict:
    """What one side of a pair says: its clock, its part of the day, its label's kind and zone
    (None for a local time), and where the side ends."""
    for kind in ("home", "fixed", "local", "place"):
        if m[f"{n}_{kind}"] is not None:
            label = m[f"{n}_{kind}"]
            break
    table = {"home": zt.home, "fixed": zt.fixed, "place": {**zt.places, **zt.countries}}.get(kind, {})
    return {"kind": kind, "label": label, "clock": m[f"{n}_t"], "part": m[f"{n}_part"], "zone": table.get(label),
            "end": m.end(f"{n}_{kind}")}


def _roles(sides):
    """(the side converted to, the other one): a zone of home, else a fixed zone, the later side
    first; None when neither side has a known zone."""
    for kinds in (("home",), ("fixed",)):
        for ref, other in (("b", "a"), ("a", "b")):
            if sides[ref]["kind"] in kinds:
                return ref, other
    return None, None


def _close(a: int, b: int, tolerance: int) -> bool:
    d = abs(a - b) % DAY
    return min(d, DAY - d) <= tolerance


def _clock(minutes: int, like: str) -> str:
    """``minutes`` after midnight written as ``like`` is ("09.00", "9:00")."""
    sep = ":" if ":" in like else "."
    h, m = divmod(minutes, 60)
    hour = f"{h:02d}" if len(like.replace(":", ".").partition(".")[0]) == 2 else str(h)
    return f"{hour}{sep}{m:02d}"
