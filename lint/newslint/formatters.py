"""Output formats. Each takes the run's Report and writes it to a stream."""
from __future__ import annotations

import json


def format_text(report, stream) -> None:
    """ruff-style lines: ``path:line:col: level rule message``, then a summary line."""
    for f in report.findings:
        message = " ".join(f.message.split("\n"))  # one finding, one line
        stream.write(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {message}\n")
    if report.files or report.findings:  # nothing was read: the errors on stderr say it all
        stream.write(report.summary() + "\n")


def format_json(report, stream) -> None:
    """An array of findings, each with the fields of the JSON contract in DESIGN.md."""
    json.dump([f.to_json() for f in report.findings], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
