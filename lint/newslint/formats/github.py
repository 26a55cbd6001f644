"""GitHub Actions workflow commands: one ``::error file=...::message`` line per finding, which
GitHub shows as an annotation on the file. The run's errors (an unreadable file, a broken rule or
configuration) become ``::error`` annotations too, on their file when they name one: in a workflow
log the standard error lines would otherwise be seen by nobody."""
from __future__ import annotations

LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def _data(text: str) -> str:
    # As GitHub's toolkit escapes a command's message (escapeData).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    # A property value also must not contain the separators (escapeProperty).
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report, stream) -> None:
    for f in report.findings:
        stream.write(
            f"::{LEVELS.get(f.severity, 'warning')} file={_property(f.path)},line={f.line},col={f.column},"
            f"endLine={f.end_line},endColumn={f.end_column},title={_property(f.rule)}::{_data(f.message)}\n"
        )

    for error in report.error_list:
        where = []
        if error.path:
            where.append(f"file={_property(_relative(error.path))}")
            if error.line:
                where.append(f"line={error.line}")
        properties = ",".join([*where, "title=newslint"])
        stream.write(f"::error {properties}::{_data(error.message)}\n")


def _relative(path: str) -> str:
    """A rule file's error names it by its absolute path; GitHub places annotations by the path
    from the repository's root, which is where a workflow runs newslint."""
    import os

    if os.path.isabs(path):
        relative = os.path.relpath(path)
        if not relative.startswith(".."):
            return relative
    return path
