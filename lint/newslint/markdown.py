"""Markdown articles (.md, .markdown): the prose is linted, in place.

The file is parsed with markdown-it-py (CommonMark, with GitHub tables and strikethrough) and the
reader returns its text with everything that is not prose blanked to spaces, so that every
finding's line and column point into the .md file. Blanked: the YAML front matter (it gives the
metadata instead), fenced and indented code, inline code, link targets and reference labels,
link reference definitions, images (their alt text too), autolinks (URLs), raw HTML tags,
attributes and comments (the text between tags is prose), thematic breaks, and the markup itself:
heading and list markers, ``>``, emphasis and strikethrough delimiters, table pipes.
Character references (``&amp;``) and backslash escapes are left as written. The HTML comments
are listed in ``meta["comments"]`` as ``(start, end, text)``, for suppressions.

markdown-it gives the lines of each block but no columns inside them, so two things are tracked
here: where each line of a block's inline content sits in the file, and, for the inline markup,
the span each inline rule consumed (the rules are wrapped to record ``state.pos`` before and after).
"""
from __future__ import annotations

import re

from newslint.readers import blank_outside, front_matter_meta

# The inline rules whose whole span is markup, never prose.
WHOLE = {"backticks", "image", "autolink", "html_inline"}
# The rules whose tokens are delimiters: markup when they end up paired (em_open, s_close ...).
DELIMITERS = {"emphasis", "strikethrough"}
# markdown-it reads "\r\n", "\r" and "\n" as line ends.
NEWLINE = re.compile(r"\r\n?|\n")

_parser = None


def parser():
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt
        from mdit_py_plugins.front_matter import front_matter_plugin

        md = MarkdownIt("commonmark").use(front_matter_plugin).enable(["table", "strikethrough"])
        for rule in list(md.inline.ruler.__rules__):
            if rule.name in WHOLE | DELIMITERS | {"link"}:
                md.inline.ruler.at(rule.name, _tracked(rule.name, rule.fn), {"alt": rule.alt})
        md.inline.ruler2.before("fragments_join", "newslint_delimiters", _paired_delimiters)
        _parser = md
    return _parser


def _tracked(name, rule):
    """The inline rule ``rule``, recording in ``env`` what it consumed: spans to blank, in the
    coordinates of the inline content it parses (``state.src``)."""

    def run(state, silent):
        start, before, pending = state.pos, len(state.tokens), bool(state.pending)
        label_end = state.md.helpers.parseLinkLabel(state, start, True) if name == "link" and not silent else -1
        if not rule(state, silent):
            return False
        if silent:
            return True
        # Keyed by the content string parsed (the inline token's ``content``), held in env so that
        # its id is not reused while the parse runs. Equal strings parse the same way.
        _, blanks, delimiters = state.env.setdefault("newslint", {}).setdefault(id(state.src), (state.src, [], []))
        if name in WHOLE:
            blanks.append((start, state.pos))
        elif name == "link":  # "[" and "](target)" or "][label]"; the label is prose
            blanks += [(start, start + 1), (label_end, state.pos)]
        else:  # one text token per delimiter run pushed, in order ("pending" text is flushed first)
            pos = start
            for token in state.tokens[before + pending:]:
                delimiters.append((token, pos, pos + len(token.content)))
                pos += len(token.content)
        return True

    return run


def _paired_delimiters(state) -> None:
    """After emphasis is paired and before text tokens are joined: a delimiter that became
    markup (em_open, or the emptied half of a "**") is blanked; one left unpaired is text."""
    entry = state.env.get("newslint", {}).get(id(state.src))
    if entry is not None:
        _, blanks, delimiters = entry
        blanks += [(a, b) for token, a, b in delimiters if token.type != "text" or not token.content]
        delimiters.clear()


def read_markdown(path: str, text: str) -> tuple[str, dict]:
    env: dict = {}
    tokens = parser().parse(text, env)
    lines = _lines(text)
    recorded = env.get("newslint", {})
    keep: list[tuple[int, int]] = []
    meta: dict = {}
    comments: list[tuple[int, int, str]] = []  # HTML comments: (start, end, text inside "<!--" "-->")
    cursor: dict[int, int] = {}  # per line, where the next table cell is looked for
    for token in tokens:
        if token.type == "front_matter":
            meta = front_matter_meta(token.content)
        elif token.type == "html_block" and token.map:
            from newslint.html import visible

            start, end = lines[token.map[0]][0], lines[token.map[1] - 1][1]
            visible_spans, block_meta = visible(text[start:end])
            keep += [(start + a, start + b) for a, b in visible_spans]
            comments += [(start + a, start + b, body) for a, b, body in block_meta.get("comments", ())]
        elif token.type == "inline" and token.map:
            _, blanks, _ = recorded.get(id(token.content), (None, [], []))
            where = _where(token, text, lines, cursor)
            keep += _prose(token.content, where, blanks)
            comments += _inline_comments(token.content, where, blanks)
    if comments:  # for the suppression comments (newslint.post.suppressions)
        meta["comments"] = comments
    return blank_outside(text, keep), meta


def _lines(text: str) -> list[tuple[int, int]]:
    """Each line's (start, end) without its line end, as markdown-it splits them."""
    out, pos = [], 0
    for m in NEWLINE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _where(token, text: str, lines, cursor: dict) -> list[int]:
    """Where each character of an inline token's content is in the file (-1: not found, not linted)."""
    content = token.content
    where: list[int] = []
    for n, line in enumerate(content.split("\n")):
        number = token.map[0] + n
        if number >= len(lines):
            where += [-1] * (len(line) + 1)
            continue
        start, end = lines[number]
        # The content line is the file's line without the block's prefix ("> ", "- ", "## ",
        # indentation); a table row holds several cells, found left to right.
        at = text.find(line, start + cursor.get(number, 0), end) if line else -1
        if at == -1:
            where += [-1] * (len(line) + 1)
            continue
        cursor[number] = at + len(line) - start
        where += range(at, at + len(line))
        where.append(-1)  # the line end
    return where


def _prose(content: str, where: list[int], blanks) -> list[tuple[int, int]]:
    """The file spans of an inline token's content, less the ``blanks`` (content offsets)."""
    blanked = bytearray(len(content) + 1)
    for a, b in blanks:
        blanked[a:b] = b"\x01" * (min(b, len(content)) - a)
    spans: list[tuple[int, int]] = []
    for i, pos in enumerate(where[: len(content)]):
        if pos == -1 or blanked[i]:
            continue
        if spans and spans[-1][1] == pos:
            spans[-1] = (spans[-1][0], pos + 1)
        else:
            spans.append((pos, pos + 1))
    return spans


def _inline_comments(content: str, where: list[int], blanks) -> list[tuple[int, int, str]]:
    """The HTML comments among an inline token's raw HTML (``blanks``), as file spans."""
    out = []
    for a, b in blanks:
        raw = content[a:b]
        if raw.startswith("<!--") and raw.endswith("-->") and where[a] != -1 and where[b - 1] != -1:
            out.append((where[a], where[b - 1] + 1, raw[4:-3]))
    return out
