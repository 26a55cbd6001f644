"""Knowledge tables about countries, their leaders' titles, office holders and name spellings.

Tables are YAML in a rule pack (``_countries.yml``, ``_officeholders.yml``, ``_spellings.yml``);
this module loads them and answers: which titles does a country have, which offices did a
person hold on a date, which spellings name one person or place.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from newslint.cache import by_content
from newslint.errors import RuleError
from newslint.yamlfile import read_mapping


@dataclass(frozen=True)
class Office:
    title: str
    country: str
    start: dt.date | None
    end: dt.date | None  # None: still in office (as far as the table knows)
    uncertain: bool = False
    alias: bool = False  # another name of the office ("also_called"), right but not suggested
    approx: bool = False  # its dates are placeholders: within APPROX_WINDOW of either, no verdict

    def active(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def near_approx_date(self, day: dt.date) -> bool:
        """An ``approx`` office's start or end is within a month of ``day``: the table does not
        know on which side of the handover the day falls."""
        return self.approx and any(d is not None and abs((day - d).days) <= APPROX_WINDOW.days for d in (self.start, self.end))

    def began_by(self, day: dt.date) -> bool:
        return self.start is None or self.start <= day


# An office marked ``approx: true`` has placeholder dates: one month either side of each is a
# window inside which the title check says nothing about whether the title was held.
APPROX_WINDOW = dt.timedelta(days=31)


@dataclass(frozen=True)
class Period:
    """A title that existed from ``start`` to ``end`` (None: open), from ``former_titles`` or an office."""
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def covers_year(self, year: int) -> bool:
        return (self.start is None or self.start.year <= year) and (self.end is None or year <= self.end.year)


@dataclass
class Person:
    name: str
    spellings: list[str]
    offices: list[Office]


@dataclass
class Country:
    name: str
    aliases: list[str]
    head_of_state: set[str]  # titles of one role are interchangeable ("Raja" / "Ratu")
    head_of_government: set[str]
    leader_words: set[str]  # words news uses for any of its leaders ("Pemimpin Tertinggi" for Korea Utara)
    titles: set[str] = field(default_factory=set)  # every title this country has now
    display: list[str] = field(default_factory=list)  # its leaders' titles, in the table's order
    history: dict[str, list[Period]] = field(default_factory=dict)  # titles of the past: when each existed
    complete_from: dt.date | None = None  # its titles (now and past) are complete from this date on
    wrong_titles: dict[str, str] = field(default_factory=dict)  # a title media give it by mistake -> the right one

    def had_title(self, title: str, day: dt.date) -> bool:
        """Did the country have ``title`` on ``day``? Current titles count from ``complete_from`` on."""
        return title in self.titles or any(p.covers(day) for p in self.history.get(title, ()))

    def fits(self, written: str, held: str) -> bool:
        """Does the written title name the office held?"""
        if written == held or written in self.leader_words and held in self.head_of_state | self.head_of_government:
            return True
        return any(written in role and held in role for role in (self.head_of_state, self.head_of_government))


@dataclass
class Tables:
    countries: dict[str, Country]  # by canonical name
    country_by_form: dict[str, str]  # every written form -> canonical name
    people: list[Person]
    person_by_spelling: dict[str, Person]
    leader_titles: tuple[str, ...]  # titles whose absence in a country is an error
    generic_titles: tuple[str, ...]  # "Pemimpin": right for any head of state or government
    spelling_groups: list[list[str]]
    role_words: tuple[str, ...] = ()  # "Juru Bicara" Presiden: the title names whose aide, spokesperson...
    same_office_words: dict[str, str] = field(default_factory=dict)  # "Departemen" -> "Kementerian"
    deputy_words: tuple[str, ...] = ()  # "Wakil" Presiden: the deputy of a title's holder
    former_words: tuple[str, ...] = ()  # "mantan" Presiden: held the title before; the first is suggested
    past_words: tuple[str, ...] = ()  # "saat itu": the sentence tells of another time than the article's
    wrong_titles: dict[str, str] = field(default_factory=dict)  # any country: a title media give by mistake -> a role or title
    distinct: list[set[str]] = field(default_factory=list)  # names that look alike but name different things

    def are_distinct(self, a: str, b: str) -> bool:
        """Do ``a`` and ``b`` name different things (``distinct`` in the spellings table)?"""
        return names_distinct(a, b, self.distinct)

    def same_office(self, a: str, b: str) -> bool:
        """Two titles that differ only in words naming one office ("Juru Bicara Departemen Luar
        Negeri" / "Juru Bicara Kementerian Luar Negeri")."""
        def plain(title: str) -> list[str]:
            return [self.same_office_words.get(w, w) for w in title.split()]
        return plain(a) == plain(b)


def _plain(text: str) -> list[str]:
    """Lower-case words without diacritics: "Kim Jong-un" -> ["kim", "jong", "un"]."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return [w for w in re.split(r"[\s\-‐.]+", text) if w]


def is_variant(a: str, b: str) -> bool:
    """Two spellings of one name ("Zelensky"/"Zelenskiy", "Kim Jong Un"/"Kim Jong-un",
    "Mohammed"/"Muhammad"), not a short form or nickname ("Jokowi", "MBS", "Joe"/"Joseph",
    "Donald J. Trump"): as many words, each alike."""
    wa, wb = _plain(a), _plain(b)
    if len(wa) != len(wb):
        return False
    return all(x == y or SequenceMatcher(None, x, y).ratio() >= 0.7 for x, y in zip(wa, wb))


def variant_groups(spellings: list[str]) -> list[list[str]]:
    """Spellings grouped by variant. Where the variants differ only in the surname, the group is
    the surnames, so that "Erdoğan" alone is caught beside "Recep Tayyip Erdogan"."""
    groups: list[list[str]] = []
    for s in spellings:
        for g in groups:
            if any(is_variant(s, t) for t in g):
                g.append(s)
                break
        else:
            groups.append([s])
    out = []
    for g in groups:
        heads = {tuple(x.split()[:-1]) for x in g}
        lasts = list(dict.fromkeys(x.split()[-1] for x in g))
        if len(g) > 1 and len(heads) == 1 and len(lasts) > 1 and all(len(w) >= 4 for w in lasts):
            out.append(lasts)
        else:
            out.append(g)
    return out


def _date(value, path, what) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RuleError(f"{what}: not a date: {value!r}", path) from None


# Every key each table may hold. A key not listed is a load error naming its file and line, so
# that no field is silently ignored. NOTES are for editors and are not read.
COUNTRIES_TOP = {
    "leader_titles", "generic_titles", "role_words", "deputy_words", "former_words", "past_words",
    "consort_titles", "same_office_words", "wrong_titles", "countries",
}
COUNTRY_KEYS = {
    "name", "aliases", "head_of_state", "head_of_government", "leader_titles_used_in_news",
    "other_official_titles", "former_titles", "titles_complete_from", "wrong_titles",
}
COUNTRY_NOTES = {"note", "epithets", "un_member", "gubernur_jenderal", "part_of"}
FORMER_KEYS = {"title", "role", "from", "until", "note"}
ROLES = {"head_of_state", "head_of_government", "leader", "other"}
HOLDERS_TOP = {"holders"}
HOLDER_KEYS = {"name", "spellings", "offices", "uncertain"}
HOLDER_NOTES = {"note", "not_titles"}
OFFICE_KEYS = {"title", "country", "from", "to", "uncertain", "approx", "also_called", "note"}
SPELLINGS_TOP = {"groups", "distinct"}


def _key_line(path: str, trail: tuple) -> int | None:
    """The line of the key at the end of ``trail`` (keys and list indexes from the root), for an
    error message; None when it cannot be found."""
    import yaml

    from newslint.yamlfile import decode

    try:
        node = yaml.compose(decode(open(path, "rb").read(), path, RuleError), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError):
        return None
    line = None
    for step in trail:
        if isinstance(step, int) and isinstance(node, yaml.SequenceNode) and step < len(node.value):
            node = node.value[step]
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == step:
                    line, node = key.start_mark.line + 1, value
                    break
            else:
                return line
        else:
            return line
    return line


def _check_keys(path: str, mapping, known: set, trail: tuple, what: str) -> None:
    """A key of ``mapping`` that is not in ``known`` is an error naming the file and its line."""
    if not isinstance(mapping, dict):
        raise RuleError(f"{what}: expected a mapping, not {mapping!r}", path, _key_line(path, trail) if trail else None)
    for key in mapping:
        if key not in known:
            raise RuleError(
                f"{what}: unknown key {key!r} (known: {', '.join(sorted(known))})", path, _key_line(path, (*trail, key)),
            )


def _load(path: str, *keys: str, known: set | None = None) -> list[list]:
    """The lists under ``keys`` in the YAML table at ``path``; with ``known``, any other top-level
    key is an error."""
    mapping, lines = read_mapping(path, RuleError)
    if known is not None:
        for key in mapping:
            if key not in known:
                raise RuleError(f"unknown key {key!r} in the table (known: {', '.join(sorted(known))})", path, lines.get(key))
    out = []
    for key in keys:
        value = mapping.get(key)
        if not isinstance(value, list):
            raise RuleError(f"the table needs a list under '{key}'", path, lines.get(key))
        out.append(value)
    return out


def _strip_country(title: str, forms) -> str:
    """ "Pemimpin Korea Utara" -> "Pemimpin": titles are stored without their country."""
    for form in sorted(forms, key=len, reverse=True):
        if title.endswith(" " + form):
            return title[: -len(form) - 1]
    return title


@by_content  # on the tables' content: an edit is seen by the next call
def load_tables(countries_path: str, holders_path: str, spellings_path: str | None = None) -> Tables:
    countries: dict[str, Country] = {}
    by_form: dict[str, str] = {}
    entries, leader_titles, generic = _load(countries_path, "countries", "leader_titles", "generic_titles", known=COUNTRIES_TOP)
    role_words, consorts, same_words, deputy_words, former_words, past_words, wrong_any = _optional(
        countries_path, role_words=list, consort_titles=dict, same_office_words=list, deputy_words=list,
        former_words=list, past_words=list, wrong_titles=dict,
    )
    for i, entry in enumerate(entries):
        trail = ("countries", i)
        _check_keys(countries_path, entry, COUNTRY_KEYS | COUNTRY_NOTES, trail, f"country {entry.get('name', i + 1) if isinstance(entry, dict) else i + 1}")
        name = entry["name"]
        what = f"country {name}"
        hos, hog = set(entry.get("head_of_state") or []), set(entry.get("head_of_government") or [])
        words = set(entry.get("leader_titles_used_in_news") or [])
        other = set(map(str, entry.get("other_official_titles") or []))
        order = list(dict.fromkeys([*(entry.get("head_of_state") or []), *(entry.get("head_of_government") or [])]))
        country = Country(name, list(entry.get("aliases") or []), hos, hog, words, hos | hog | words | other, order)
        for j, f in enumerate(entry.get("former_titles") or []):
            _check_keys(countries_path, f, FORMER_KEYS, (*trail, "former_titles", j), f"{what}, former_titles")
            if "title" not in f or "until" not in f:
                raise RuleError(f"{what}: a former title needs 'title' and 'until'", countries_path, _key_line(countries_path, (*trail, "former_titles")))
            if f.get("role") is not None and f["role"] not in ROLES:
                raise RuleError(f"{what}: unknown role {f['role']!r} (known: {', '.join(sorted(ROLES))})", countries_path, _key_line(countries_path, (*trail, "former_titles", j, "role")))
            period = Period(_date(f.get("from"), countries_path, what), _date(f["until"], countries_path, what))
            country.history.setdefault(str(f["title"]), []).append(period)
        country.complete_from = _date(entry.get("titles_complete_from"), countries_path, what)
        wrong = entry.get("wrong_titles") or {}
        if not isinstance(wrong, dict):
            raise RuleError(f"{what}: 'wrong_titles' must be a mapping of a wrong title to the right one", countries_path, _key_line(countries_path, (*trail, "wrong_titles")))
        country.wrong_titles = {str(k): str(v) for k, v in wrong.items()}
        # "Ratu Yordania": a country with a king has a queen (his consort), not a second ruler.
        country.titles |= {str(consorts[t]) for t in list(country.titles) if t in consorts}
        for title, periods in list(country.history.items()):
            if title in consorts:
                country.history.setdefault(str(consorts[title]), []).extend(periods)
        countries[name] = country
        for form in [name, *country.aliases]:
            by_form.setdefault(form, name)

    people, by_spelling = [], {}
    (holders,) = _load(holders_path, "holders", known=HOLDERS_TOP)
    for i, entry in enumerate(holders):
        trail = ("holders", i)
        _check_keys(holders_path, entry, HOLDER_KEYS | HOLDER_NOTES, trail, f"holder {entry.get('name', i + 1) if isinstance(entry, dict) else i + 1}")
        spellings = list(entry.get("spellings") or [entry["name"]])
        if entry["name"] not in spellings:
            spellings.insert(0, entry["name"])
        offices = []
        for j, o in enumerate(entry.get("offices") or []):
            _check_keys(holders_path, o, OFFICE_KEYS, (*trail, "offices", j), f"holder {entry['name']}, office")
            country = o.get("country", "")
            forms = [country, *(countries[country].aliases if country in countries else [])]
            start = _date(o.get("from"), holders_path, entry["name"])
            end = _date(o.get("to"), holders_path, entry["name"])
            uncertain = bool(o.get("uncertain", entry.get("uncertain")))
            # "also_called": other correct names of the same office ("Pemimpin Korea Utara").
            for n, title in enumerate(dict.fromkeys([str(o["title"]), *map(str, o.get("also_called") or [])])):
                title = _strip_country(title, forms)
                offices.append(Office(title, country, start, end, uncertain, alias=n > 0, approx=bool(o.get("approx"))))
                if country in countries and title not in countries[country].titles:
                    # The country had the title while this person held it.
                    countries[country].history.setdefault(title, []).append(Period(start, None if uncertain else end))
        person = Person(entry["name"], spellings, offices)
        people.append(person)
        for s in spellings:
            by_spelling.setdefault(s, person)

    distinct: list[set[str]] = []
    groups = [g for p in people for g in variant_groups(p.spellings) if len(g) > 1]
    if spellings_path:
        (declared,) = _load(spellings_path, "groups", known=SPELLINGS_TOP)
        (distinct_lists,) = _optional(spellings_path, distinct=list)
        mapping, lines = read_mapping(spellings_path, RuleError)
        for i, group in enumerate(distinct_lists):
            if not isinstance(group, list) or len(group) < 2:
                raise RuleError("'distinct': each entry is a list of two or more names", spellings_path, lines.get(("distinct", i)))
            distinct.append(set(map(str, group)))
        for i, group in enumerate(declared):
            clash = [(a, b) for a in group for b in group if names_distinct(a, b, distinct)]
            if clash:
                raise RuleError(f"group {group}: {clash[0][0]!r} and {clash[0][1]!r} are listed as distinct", spellings_path, lines.get(("groups", i)))
        groups += [list(g) for g in declared]
    groups = [part for g in groups for part in _split_distinct(g, distinct) if len(part) > 1]
    same = {str(w): str(group[0]) for group in same_words for w in group}
    return Tables(
        countries, by_form, people, by_spelling, tuple(map(str, leader_titles)), tuple(map(str, generic)), groups,
        tuple(map(str, role_words)), same, tuple(map(str, deputy_words)), tuple(map(str, former_words)),
        tuple(map(str, past_words)), {str(k): str(v) for k, v in wrong_any.items()}, distinct,
    )


def names_distinct(a: str, b: str, distinct: list[set[str]]) -> bool:
    """Do ``a`` and ``b`` name different things? Either is listed with the other in one entry of
    ``distinct``, or, word for word, they differ in a pair of words so listed ("Giorgia Meloni" /
    "Georgia Meloni")."""
    if a == b or not distinct:
        return False
    if any(a in d and b in d for d in distinct):
        return True
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) > 1 and any(x != y and any(x in d and y in d for d in distinct) for x, y in zip(wa, wb))


def _split_distinct(group: list[str], distinct: list[set[str]]) -> list[list[str]]:
    """A group holding names listed as distinct (a city and its province, a person and a place)
    is split: each spelling joins the part most like it that holds no name distinct from it."""
    parts: list[list[str]] = []
    for s in group:
        fits = [p for p in parts if not any(names_distinct(s, x, distinct) for x in p)]
        if fits:
            max(fits, key=lambda p: SequenceMatcher(None, " ".join(_plain(s)), " ".join(_plain(p[0]))).ratio()).append(s)
        else:
            parts.append([s])
    return parts


def _optional(path: str, **kinds) -> list:
    """The optional keys of the YAML table at ``path``, each of the given type (empty if absent)."""
    mapping, lines = read_mapping(path, RuleError)
    out = []
    for key, kind in kinds.items():
        value = mapping.get(key)
        if value is not None and not isinstance(value, kind):
            raise RuleError(f"'{key}' must be a {kind.__name__}", path, lines.get(key))
        out.append(value or kind())
    return out
