"""The base of every check kind.

A check kind is the code behind an ``extends:`` value. It declares the YAML keys it reads
(``keys``; ``required`` among them), compiles what it needs when the rule is loaded, and
``find(doc)`` yields :class:`Hit` s. It never reads files, prints or knows about the command line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Iterator

from newslint import cache
from newslint.document import Document
from newslint.errors import RuleError
from newslint.rules import Rule


_PLACEHOLDER = re.compile(r"%[sd]")


def format_message(template: str, args: tuple) -> str:
    """A rule's message with its %s / %d filled from ``args``, in order."""
    values = iter(args)
    return _PLACEHOLDER.sub(lambda m: str(next(values, "")), template)


@dataclass(frozen=True)
class Hit:
    start: int  # code-point offsets into the document text
    end: int
    args: tuple = ()  # fills the rule message's %s / %d, in order
    suggestions: tuple[str, ...] = ()
    fix: str | None = None
    message: str | None = None  # a complete message, when the kind writes its own
    applicability: str | None = None  # of the fix: "safe"/"unsafe"; None = the rule's `applicability`


class Check:
    keys: ClassVar[dict[str, tuple[str, str]]] = {}
    required: ClassVar[tuple[str, ...]] = ()

    def __init__(self, rule: Rule):
        self.rule = rule
        self.compile()

    def compile(self) -> None:
        """Validate this kind's keys and compile its patterns (raise ``rule.error(...)``)."""

    def find(self, doc: Document) -> Iterator[Hit]:
        raise NotImplementedError

    # Helpers shared by the kinds.
    def matches(self, doc: Document, pattern=None):
        """Each match of ``pattern`` (default: the check's ``regex``) inside the units of the
        rule's ``scope`` (a match never crosses a sentence when the scope is a sentence), in order."""
        pattern = self.regex if pattern is None else pattern
        for unit in doc.units(self.rule.scope):
            yield from pattern.finditer(doc.norm, unit.start, unit.end)

    def matches_by_unit(self, doc: Document, *patterns):
        """For each unit of the rule's ``scope``: (the unit, the list of each pattern's matches in it)."""
        for unit in doc.units(self.rule.scope):
            yield unit, [list(p.finditer(doc.norm, unit.start, unit.end)) for p in patterns]

    def exceptions(self):
        """A pattern that a whole match must equal to be left alone (Vale's ``exceptions``)."""
        terms = self.rule.option("exceptions")
        if not terms:
            return None
        return self.rule.alternation(terms, "exceptions")

    def table_path(self, key: str) -> str | None:
        """The knowledge table a rule names under ``key`` (a file beside the rule), or None."""
        name = self.rule.option(key)
        if name is None:
            return None
        path = Path(self.rule.path).parent / name
        if not path.is_file():
            raise self.rule.error(f"table {name!r} not found beside the rule", key)
        cache.record(path)  # the compiled rule is reused only while this table is unchanged
        return str(path)

    def load_table(self, loader, *keys: str):
        """``loader(*paths)`` on the tables named under ``keys``; a broken table is an error
        of this rule that names the table's file and line."""
        try:
            return loader(*(self.table_path(k) for k in keys))
        except RuleError as exc:
            if exc.path == self.rule.path:
                raise
            raise self.rule.error(f"table {exc.path}:{exc.line or 1}: {exc.message}", keys[0]) from None

    def action_suggestions(self) -> tuple[tuple[str, ...], str | None]:
        """Suggestions and fix from the rule's ``action``."""
        action = self.rule.action
        if not action:
            return (), None
        if action["name"] == "remove":
            return (), ""
        params = tuple(action["params"])
        fix = params[0] if action["name"] == "replace" and len(params) == 1 else None
        return params, fix
