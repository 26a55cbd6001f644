"""Loading plugins (the built-ins among them) and gathering what they provide."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pluggy

from newslint import hookspecs
from newslint.errors import NewslintError

ENTRY_POINT_GROUP = "newslint"


def _merge(name: str, dicts: list[dict]) -> dict:
    merged: dict = {}
    for d in reversed(dicts):  # pluggy calls the last registered first; keep registration order
        for key, value in (d or {}).items():
            if key in merged and merged[key] is not value:
                raise NewslintError(f"two plugins provide the {name} {key!r}")
            merged[key] = value
    return merged


@dataclass
class Registry:
    """Everything the installed plugins provide."""

    pm: pluggy.PluginManager

    @cached_property
    def kinds(self) -> dict:
        return _merge("check kind", self.pm.hook.newslint_check_kinds())

    @cached_property
    def categories(self) -> tuple[str, ...]:
        out: list[str] = []
        for cats in reversed(self.pm.hook.newslint_categories()):
            out.extend(c for c in cats or () if c not in out)
        return tuple(out)

    @cached_property
    def rule_dirs(self) -> list[Path]:
        return [Path(p) for dirs in reversed(self.pm.hook.newslint_rule_dirs()) for p in dirs or ()]

    @cached_property
    def readers(self) -> dict:
        return _merge("reader for", self.pm.hook.newslint_readers())

    @cached_property
    def formatters(self) -> dict:
        return _merge("output format", self.pm.hook.newslint_formatters())

    @cached_property
    def month_names(self) -> dict[str, int]:
        """Lower-case month name -> 1..12, from every plugin (see hookspecs.newslint_month_names)."""
        return {str(k).lower(): v for names in reversed(self.pm.hook.newslint_month_names()) for k, v in (names or {}).items()}

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        return frozenset(str(w).lower().strip(".") for words in self.pm.hook.newslint_abbreviations() for w in words or ())

    def document(self, path: str, text: str, meta: dict | None = None):
        """The Document the checks read: split into sentences with the plugins' abbreviations,
        its metadata completed by their hooks."""
        from newslint.document import Document

        doc = Document(path, text, dict(meta or {}), self.abbreviations)
        self.document_meta(doc)
        return doc

    def filter_findings(self, findings: list, document, rules) -> list:
        """``findings`` passed through every plugin's ``newslint_filter_findings``, in call order."""
        for impl in reversed(self.pm.hook.newslint_filter_findings.get_hookimpls()):
            out = impl.function(findings=findings, document=document, rules=rules)
            if out is not None:
                findings = list(out)
        return findings

    def document_meta(self, document) -> None:
        for meta in reversed(self.pm.hook.newslint_document_meta(document=document)):
            if meta:
                document.meta.update(meta)


def load_registry(extra_plugins: tuple = ()) -> Registry:
    """Plugins from the ``newslint`` entry points, plus ``extra_plugins`` (objects or modules)."""
    pm = pluggy.PluginManager("newslint")
    pm.add_hookspecs(hookspecs)
    try:
        pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
    except Exception as exc:  # a broken third-party plugin must not end in a traceback
        raise NewslintError(f"a plugin failed to load: {type(exc).__name__}: {exc}") from None
    for plugin in extra_plugins:
        pm.register(plugin)
    if not any(name == "builtin" for name, _ in pm.list_name_plugin()):
        raise NewslintError("newslint's built-in plugin is not registered: is newslint installed (pip install .)?")
    return Registry(pm)
