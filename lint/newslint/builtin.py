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

    return KINDS


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

    return {".txt": read_plain_text, ".text": read_plain_text, ".md": read_plain_text}


@hookimpl
def newslint_formatters():
    from newslint.formatters import format_json, format_text

    return {"text": format_text, "json": format_json}
