"""Knowledge tables about countries, their leaders' titles, office holders and name spellings.

Tables are YAML in a rule pack (``_countries.yml``, ``_officeholders.yml``, ``_spellings.yml``);
this module loads them and answers: which titles does a country have, which offices did a
person hold on a date, which spellings name one person or place.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newslint.errors import RuleError
from newslint.yamlfile import decode, load_mapping


@dataclass(frozen=True)
class Office:
    title: str
    country: str
    start: dt.date | None
    end: dt.date | None  # None: still in office (as far as the table knows)
    uncertain: bool = False

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
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RuleError(f"cannot read table: {exc.strerror}", path) from None
    mapping, lines = load_mapping(decode(data, path, RuleError), path, RuleError)
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


@lru_cache(maxsize=None)
def load_tables(countries_path: str, holders_path: str, spellings_path: str | None = None) -> Tables:
    countries: dict[str, Country] = {}
    by_form: dict[str, str] = {}
    entries, leader_titles, generic = _load(countries_path, "countries", "leader_titles", "generic_titles")
    for entry in entries:
        name = entry["name"]
        hos, hog = set(entry.get("head_of_state") or []), set(entry.get("head_of_government") or [])
        words = set(entry.get("leader_titles_used_in_news") or [])
        order = list(dict.fromkeys([*(entry.get("head_of_state") or []), *(entry.get("head_of_government") or [])]))
        country = Country(name, list(entry.get("aliases") or []), hos, hog, words, hos | hog | words, order)
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
            title = _strip_country(str(o["title"]), forms)
            offices.append(Office(title, country, _date(o.get("from"), holders_path, entry["name"]),
                                  _date(o.get("to"), holders_path, entry["name"]), bool(o.get("uncertain", entry.get("uncertain")))))
            if country in countries:
                countries[country].titles.add(title)
        person = Person(entry["name"], spellings, offices)
        people.append(person)
        for s in spellings:
            by_spelling.setdefault(s, person)

    groups = [p.spellings for p in people if len(p.spellings) > 1]
    if spellings_path:
        groups += [list(g) for g in _load(spellings_path, "groups")[0]]
    return Tables(countries, by_form, people, by_spelling, tuple(map(str, leader_titles)), tuple(map(str, generic)), groups)
