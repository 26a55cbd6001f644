"""What a plugin may add to newslint. The built-ins use these same hooks.

A plugin is a module (or object) with functions marked ``@hookimpl`` named as below, found through
the ``newslint`` entry-point group::

    [project.entry-points.newslint]
    myplugin = "myplugin.newslint_plugin"
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pluggy

hookspec = pluggy.HookspecMarker("newslint")
hookimpl = pluggy.HookimplMarker("newslint")


@hookspec
def newslint_check_kinds() -> dict[str, type]:
    """Check kinds: ``{extends-name: Check subclass}`` (see ``newslint.checks.Check``)."""


@hookspec
def newslint_rule_dirs() -> list[Path]:
    """Folders of rule packs (``<folder>/<Pack>/<Rule>.yml``) to load with every run."""


@hookspec
def newslint_categories() -> list[str]:
    """Finding categories that rules may use, besides those of other plugins."""


@hookspec
def newslint_readers() -> dict[str, Callable]:
    """Readers by file suffix (".txt"): ``reader(path: str, text: str) -> (text, meta: dict)``.
    The text returned keeps every character's position: it is the file's text with what must not
    be linted (markup, code, front matter) blanked with spaces, line breaks kept, so that offsets
    point into the file. A text of another length or with other line breaks is an input error."""


@hookspec
def newslint_formatters() -> dict[str, Callable]:
    """Output formats: ``formatter(report: newslint.report.Report, stream) -> None``. A formatter
    may also take ``show_source``, ``color`` and ``statistics`` keyword arguments: it is passed
    those its signature names (newslint.formatters.call_formatter)."""


@hookspec
def newslint_document_meta(document) -> dict | None:
    """Metadata to add to a Document before the checks run (publication date, language...)."""


@hookspec
def newslint_abbreviations() -> list[str]:
    """Words after which a full stop does not end a sentence (lower case, without the dot: "dr",
    "jl"), for the sentence splitter. A language pack's words come from its plugin."""


@hookspec
def newslint_month_names() -> dict:
    """Month names (and their short forms) of a language, mapped to 1..12, for reading a corpus's
    publication dates as outlets print them ("Senin, 16 Jun 2025 12:40 WIB"). A language pack's
    names come from its plugin."""


@hookspec
def newslint_filter_findings(findings: list, document, rules) -> list | None:
    """One file's findings after the checks ran, to filter or transform before they are reported
    (one finding per problem, suppressions, a baseline): the new list, or None to keep it. Every
    plugin's hook runs in turn on what the one before returned (``tryfirst``/``trylast`` order
    them); the built-in one, which keeps one finding per problem, runs first. ``rules``: the
    compiled rule set (``rules.supersedes``: rule id -> the ids it is more specific than)."""
