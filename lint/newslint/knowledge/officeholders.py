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

    def active(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def began_by(self, day: dt.date) -> bool:
        return self.start is None or self.start <= day


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
    titles: set[str] = field(default_factory=set)  # every title this country has or had
    display: list[str] = field(default_factory=list)  # its leaders' titles, in the table's order

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


def _load(path: str, *keys: str) -> list[list]:
    """The lists under ``keys`` in the YAML table at ``path``."""
    mapping, lines = read_mapping(path, RuleError)
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
    entries, leader_titles, generic = _load(countries_path, "countries", "leader_titles", "generic_titles")
    role_words, consorts, same_words, deputy_words, former_words = _optional(
        countries_path, role_words=list, consort_titles=dict, same_office_words=list, deputy_words=list, former_words=list,
    )
    for entry in entries:
        name = entry["name"]
        hos, hog = set(entry.get("head_of_state") or []), set(entry.get("head_of_government") or [])
        words = set(entry.get("leader_titles_used_in_news") or [])
        order = list(dict.fromkeys([*(entry.get("head_of_state") or []), *(entry.get("head_of_government") or [])]))
        former = {str(f["title"]) for f in entry.get("former_titles") or [] if isinstance(f, dict) and "title" in f}
        country = Country(name, list(entry.get("aliases") or []), hos, hog, words, hos | hog | words | former, order)
        # "Ratu Yordania": a country with a king has a queen (his consort), not a second ruler.
        country.titles |= {str(consorts[t]) for t in list(country.titles) if t in consorts}
        countries[name] = country
        for form in [name, *country.aliases]:
            by_form.setdefault(form, name)

    people, by_spelling = [], {}
    (holders,) = _load(holders_path, "holders")
    for entry in holders:
        spellings = list(entry.get("spellings") or [entry["name"]])
        if entry["name"] not in spellings:
            spellings.insert(0, entry["name"])
        offices = []
        for o in entry.get("offices") or []:
            country = o.get("country", "")
            forms = [country, *(countries[country].aliases if country in countries else [])]
            start = _date(o.get("from"), holders_path, entry["name"])
            end = _date(o.get("to"), holders_path, entry["name"])
            uncertain = bool(o.get("uncertain", entry.get("uncertain")))
            # "also_called": other correct names of the same office ("Pemimpin Korea Utara").
            for n, title in enumerate(dict.fromkeys([str(o["title"]), *map(str, o.get("also_called") or [])])):
                title = _strip_country(title, forms)
                offices.append(Office(title, country, start, end, uncertain, alias=n > 0))
                if country in countries:
                    countries[country].titles.add(title)
        person = Person(entry["name"], spellings, offices)
        people.append(person)
        for s in spellings:
            by_spelling.setdefault(s, person)

    groups = [g for p in people for g in variant_groups(p.spellings) if len(g) > 1]
    if spellings_path:
        groups += [list(g) for g in _load(spellings_path, "groups")[0]]
    same = {str(w): str(group[0]) for group in same_words for w in group}
    return Tables(
        countries, by_form, people, by_spelling, tuple(map(str, leader_titles)), tuple(map(str, generic)), groups,
        tuple(map(str, role_words)), same, tuple(map(str, deputy_words)), tuple(map(str, former_words)),
    )


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
