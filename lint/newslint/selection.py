"""--select / --ignore: a selector names a rule id ("Indonesian.BenggalaBarat"), a pack
("Indonesian") or a category ("boilerplate"), case-insensitively."""
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


def chosen(rules, select, ignore) -> list:
    """The rules that ``select`` (None = all) picks and ``ignore`` does not drop."""
    return [
        r for r in rules
        if (select is None or any(matches(s, r) for s in select)) and not any(matches(s, r) for s in ignore)
    ]
