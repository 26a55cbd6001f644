"""Output formats. Each takes the run's Report and writes it to a stream.

A formatter may also take keyword arguments for the command line's display options (``show_source``,
``color``, ``statistics``); :func:`call_formatter` passes it those its signature names, the way
pluggy passes a hook only the arguments it asks for, so a plugin's ``formatter(report, stream)``
keeps working.
"""
from __future__ import annotations

import json

# ANSI colours for the text format (only on a terminal, never with NO_COLOR; see the command line).
_COLORS = {"error": "31;1", "warning": "33;1", "suggestion": "36;1", "path": "1", "rule": "1", "gutter": "34;1"}


def call_formatter(formatter, report, stream, **options) -> None:
    formatter(report, stream, **{k: v for k, v in options.items() if k in accepted_options(formatter)})


def accepted_options(formatter) -> set[str]:
    import inspect

    params = inspect.signature(formatter).parameters
    return {name for name in list(params)[2:] if params[name].kind is not inspect.Parameter.VAR_KEYWORD}


def format_text(report, stream, show_source: bool = False, color: bool = False, statistics: bool = False,
                streamed: bool = False) -> None:
    """ruff-style lines: ``path:line:col: level rule message``, then a summary line. ``show_source``
    adds the line under each finding with carets under the match; ``statistics`` writes a count per
    rule instead of the findings; ``streamed``: the findings were written file by file as they were
    found (:func:`write_text_findings`), so only the summary is left."""
    paint = _painter(color)
    if statistics:
        _write_statistics(report, stream, paint)
    elif not streamed:
        write_text_findings(report, report.findings, stream, show_source, color)
    if report.files or report.records or report.findings:  # nothing was read: the errors on stderr say it all
        stream.write(report.summary() + "\n")
        for line in report.fix_summary():  # what --fix fixed, or would fix
            stream.write(line + "\n")


def write_text_findings(report, findings, stream, show_source: bool = False, color: bool = False) -> None:
    """The text format's lines for ``findings`` (``report`` gives the source lines and what --fix
    would fix): the command line writes each file's as soon as it is linted, so that a run
    killed midway has printed everything finished so far."""
    paint = _painter(color)
    for f in findings:
        message = " ".join(f.message.split("\n"))  # one finding, one line
        mark = "[*] " if report.fixable(f) else ""  # as ruff's: --fix fixes it
        stream.write(f"{paint(f.where, 'path')}:{f.line}:{f.column}: {paint(f.severity, f.severity)} {paint(f.rule, 'rule')} {mark}{message}\n")
        if show_source:
            _write_source(report, f, stream, paint)


format_text.stream = write_text_findings


def _painter(color: bool):
    if not color:
        return lambda text, what: text
    return lambda text, what: f"\x1b[{_COLORS[what]}m{text}\x1b[0m"


def _write_statistics(report, stream, paint) -> None:
    rows = report.statistics()
    if rows:
        count_width = max(len(str(n)) for _, n, _ in rows)
        rule_width = max(len(rule) for rule, _, _ in rows)
        for rule, n, fixable in rows:
            line = f"{n:>{count_width}}  {paint(rule.ljust(rule_width), 'rule')}"
            stream.write((f"{line}  {fixable} fixable" if fixable else line.rstrip()) + "\n")
    # Per category, and per source when records named one: articles read, those with findings,
    # the findings and how many per 100 articles.
    categories, sources = report.article_statistics()
    tables = [("category", categories)] if categories else []
    if any(source is not None for source, _ in sources):
        tables.append(("source", [(source or "(none)", counts) for source, counts in sources]))
    for title, table in tables:
        stream.write("\n")
        _write_table(stream, [title, "articles", "with findings", "findings", "per 100 articles"],
                     [[name, str(c.articles), str(c.with_findings), str(c.findings), f"{c.per_100:.1f}"] for name, c in table])
    if tables:
        stream.write("\n")


def _write_table(stream, header: list[str], rows: list[list[str]]) -> None:
    """Columns two spaces apart: the first left-aligned, the numbers right-aligned."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:])]
        stream.write("  ".join(cells) + "\n")


# -- --show-source ---------------------------------------------------------------------------------
WIDE = 100  # a line longer than this (a paragraph on one line) is shown around the match only
CONTEXT = 40  # characters shown either side of the match in a long line


def _write_source(report, f, stream, paint) -> None:
    """The lines of the match, each with carets under the matched part, as ruff shows them."""
    lines = report.lines.get(f.where, {})
    shown = [n for n in range(f.line, f.end_line + 1) if n in lines]
    if not shown:
        return
    gutter = len(str(f.end_line))
    for n in shown:
        text = lines[n]
        start = f.column - 1 if n == f.line else 0
        end = f.end_column - 1 if n == f.end_line else len(text)
        if n != f.line and end == 0:  # a match that ends at a line break shows nothing of this line
            continue
        text, start, end = _window(text, start, end)
        before, marked = _width(text[:start]), max(_width(text[start:end]), 1)
        stream.write(f"{paint(str(n).rjust(gutter) + ' |', 'gutter')} {_display(text)}\n")
        stream.write(f"{paint(' ' * gutter + ' |', 'gutter')} {' ' * before}{paint('^' * marked, f.severity)}\n")
    if f.fix is not None:
        action = f"replace with '{f.fix}'" if f.fix else "delete"
        stream.write(f"{' ' * gutter} = fix ({f.applicability or 'unsafe'}): {action}\n")
    stream.write("\n")


def _window(text: str, start: int, end: int) -> tuple[str, int, int]:
    """A long line cut to the match and some context around it, with "…" where it was cut."""
    if len(text) <= WIDE:
        return text, start, end
    left, right = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    head, tail = ("…" if left else ""), ("…" if right < len(text) else "")
    return head + text[left:right] + tail, start - left + len(head), end - left + len(head)


TAB = 4


def _display(text: str) -> str:
    return text.replace("\t", " " * TAB)


def _width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two, combining marks and zero-width ones none."""
    import unicodedata

    width = 0
    for ch in text:
        if ch == "\t":
            width += TAB
        elif unicodedata.combining(ch) or unicodedata.category(ch) in ("Cf", "Mn", "Me"):
            continue
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 2
        else:
            width += 1
    return width


# -- JSON --------------------------------------------------------------------------------------------
def format_json(report, stream, statistics: bool = False) -> None:
    """An array of findings, each with the fields of the JSON contract in docs/usage.md; with
    ``statistics``, an object of counts instead: the articles read, and per rule, category and
    source (see docs/usage.md)."""
    if statistics:
        data = json_statistics(report)
    else:
        data = [f.to_json() for f in report.findings]
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def json_statistics(report) -> dict:
    """``{"articles", "rules", "categories", "sources"}``: the rules as ``{"rule", "count",
    "fixable", "articles_with_findings", "findings_per_100_articles"}``, each category and source
    with its articles, those with findings, its findings and the findings per 100 articles."""
    total = report.articles

    def per_100(findings: int, articles: int) -> float:
        return round(100 * findings / articles, 2) if articles else 0.0

    categories, sources = report.article_statistics()
    return {
        "articles": total,
        "rules": [{"rule": rule, "count": n, "fixable": fixable, "articles_with_findings": report.rule_articles.get(rule, 0),
                   "findings_per_100_articles": per_100(n, total)} for rule, n, fixable in report.statistics()],
        "categories": [{"category": name, "articles": c.articles, "articles_with_findings": c.with_findings,
                        "findings": c.findings, "findings_per_100_articles": per_100(c.findings, c.articles)} for name, c in categories],
        "sources": [{"source": name, "articles": c.articles, "articles_with_findings": c.with_findings,
                     "findings": c.findings, "findings_per_100_articles": per_100(c.findings, c.articles)} for name, c in sources],
    }


def format_jsonl(report, stream) -> None:
    """JSON Lines: each finding as one JSON object (the fields of ``json``) on a line of its own."""
    write_jsonl(report.findings, stream)


def write_jsonl(findings, stream) -> None:
    for f in findings:
        stream.write(json.dumps(f.to_json(), ensure_ascii=False) + "\n")


# A format whose output for a run is its output for each file in turn, with nothing before or
# after: the command line writes it file by file (or record by record) as they are linted, so
# that a corpus's findings need not fit in memory and a killed run keeps what it wrote.
format_jsonl.per_file = write_jsonl
