"""GitHub Actions workflow commands: one ``::error file=...::message`` line per finding, which
GitHub shows as an annotation on the file."""
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
