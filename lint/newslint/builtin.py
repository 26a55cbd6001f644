"""newslint's own plugin: registered through the ``newslint`` entry point like any other."""
from __future__ import annotations

from pathlib import Path

from newslint.hookspecs import hookimpl


def builtin_rules_dir() -> Path:
    """rules/ ships inside the wheel as newslint/rules; in a checkout it sits beside lint/."""
    here = Path(__file__).resolve().parent
    shipped = here / "rules"
    return shipped if shipped.is_dir() else here.parent.parent / "rules"


@hookimpl
def newslint_check_kinds():
    from newslint.kinds import KINDS
    from newslint.kinds.timezones import TimeZoneCheck

    return {**KINDS, "time_zone": TimeZoneCheck}


@hookimpl
def newslint_rule_dirs():
    return [builtin_rules_dir()]


@hookimpl
def newslint_categories():
    from newslint.findings import CATEGORIES

    return list(CATEGORIES)


@hookimpl
def newslint_readers():
    from newslint.readers import read_plain_text

    return {".txt": read_plain_text, ".text": read_plain_text, ".md": _read_markdown, ".markdown": _read_markdown,
            ".html": _read_html, ".htm": _read_html}


# The Markdown and HTML parsers are imported only when such a file is met.
def _read_markdown(path, text):
    from newslint.markdown import read_markdown

    return read_markdown(path, text)


def _read_html(path, text):
    from newslint.html import read_html

    return read_html(path, text)


@hookimpl
def newslint_document_meta(document):
    """The publication date from the article's dateline, read with the packs' date tables."""
    if document.meta.get("published") is not None:
        return None
    from newslint.knowledge.dates import dateline_date, load_table

    for table in sorted(builtin_rules_dir().glob("*/_dates.yml")):
        date = dateline_date(document.norm, load_table(str(table)))
        if date is not None:
            return {"published": date, "published_from": "dateline"}
    return None


@hookimpl
def newslint_abbreviations():
    """The packs' sentence abbreviations (``abbreviations`` in ``<pack>/_sentences.yml``)."""
    from newslint.errors import RuleError
    from newslint.yamlfile import read_mapping

    words: list[str] = []
    for table in sorted(builtin_rules_dir().glob("*/_sentences.yml")):
        mapping, lines = read_mapping(str(table), RuleError)
        found = mapping.get("abbreviations") or []
        if not isinstance(found, list) or not all(isinstance(w, str) for w in found):
            # YAML reads an unquoted no, yes, on or off as a boolean.
            raise RuleError("'abbreviations' must be a list of words (quote \"no\", \"on\" ...)", str(table), lines.get("abbreviations"))
        words += map(str, found)
    return words


@hookimpl
def newslint_month_names():
    """The packs' month names (``months`` in ``<pack>/_dates.yml``)."""
    from newslint.errors import RuleError
    from newslint.yamlfile import read_mapping

    names: dict = {}
    for table in sorted(builtin_rules_dir().glob("*/_dates.yml")):
        mapping, lines = read_mapping(str(table), RuleError)
        found = mapping.get("months") or {}
        if not isinstance(found, dict) or not all(isinstance(v, int) and 1 <= v <= 12 for v in found.values()):
            raise RuleError("'months' must map month names to 1..12", str(table), lines.get("months"))
        names.update({str(k): v for k, v in found.items()})
    return names


@hookimpl(tryfirst=True)
def newslint_filter_findings(findings, document, rules):
    """One finding per problem (see newslint.post.overlaps), then what the file's suppression
    comments silence (newslint.post.suppressions), before any other plugin's filter. One hook, so
    that the order of the two never depends on how pluggy orders implementations."""
    from newslint.post.overlaps import one_per_problem
    from newslint.post.suppressions import suppress

    return suppress(one_per_problem(findings, rules.supersedes), document, rules)


@hookimpl
def newslint_formatters():
    from newslint.formatters import format_json, format_jsonl, format_text

    return {
        "text": format_text, "json": format_json, "jsonl": format_jsonl,
        "sarif": _lazy("sarif"), "github": _lazy("github"), "gitlab": _lazy("gitlab"), "junit": _lazy("junit"),
    }


def _lazy(name: str):
    """The CI formats' modules are imported only when their format is asked for."""
    def formatter(report, stream) -> None:
        import importlib

        getattr(importlib.import_module(f"newslint.formats.{name}"), f"format_{name}")(report, stream)

    return formatter
