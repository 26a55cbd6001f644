"""--select / --ignore: a selector names a rule id ("Indonesian.BenggalaBarat"), a pack
("Indonesian") or a category ("boilerplate"), case-insensitively.

A rule marked ``opt-in: true`` runs only when a selector names it by its id (as ruff's rules that
need explicit selection): selecting its pack or category, or selecting nothing, leaves it off."""
from __future__ import annotations

from newslint.errors import ConfigError


def matches(selector: str, rule) -> bool:
    s = selector.lower()
    return s in (rule.id.lower(), rule.pack.lower(), rule.category.lower())


def validate(selectors, rules, categories, where: str | None) -> None:
    known = {c.lower() for c in categories}
    for rule in rules:
        known.update((rule.id.lower(), rule.pack.lower()))
    for s in selectors:
        if s.lower() not in known:
            raise ConfigError(f"unknown rule, pack or category {s!r} in {where or 'the command line'}")


def picked(rule, select) -> bool:
    if rule.opt_in:
        return select is not None and any(s.lower() == rule.id.lower() for s in select)
    return select is None or any(matches(s, rule) for s in select)


def chosen(rules, select, ignore) -> list:
    """The rules that ``select`` (None = all but the opt-in ones) picks and ``ignore`` does not drop."""
    return [r for r in rules if picked(r, select) and not any(matches(s, r) for s in ignore)]
