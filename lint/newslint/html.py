"""HTML articles (.html, .htm): the visible text is linted, in place.

The reader returns the file's text with everything that is not visible text blanked to spaces
(tags and their attributes, comments, doctype, and the insides of <script>, <style>, <head>,
<template>, <noscript> and <svg>), so that every finding's line and column point into the HTML file.
Character references (``&amp;``, ``&#160;``) are left as written: replacing one by its character
would shift every later column on the line, and blanking it would cut "AT&amp;T" in two.

The metadata comes from the page: ``<html lang>`` (language), ``<title>`` (title) and the
publication date of ``<meta property="article:published_time">`` (or ``name="date"``,
``itemprop="datePublished"``, ``<time pubdate datetime>``). The comments, ``meta["comments"]``
as ``(start, end, text)``, are read for suppressions (``<!-- newslint-disable -->``).
"""
from __future__ import annotations

from html.parser import HTMLParser

from newslint.document import newline_starts
from newslint.readers import blank_outside, publication_date

# Elements whose content is never shown as article text.
HIDDEN = {"script", "style", "head", "template", "noscript", "svg"}
# <meta> names that carry the publication date.
DATE_META = {"article:published_time", "date", "pubdate", "publishdate", "datepublished", "dc.date", "dcterms.created"}


class _Visible(HTMLParser):
    """Collects the (start, end) offsets of the visible text, and the page's metadata."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)  # entities come as events of their own, as written
        self.text = text
        self.starts = newline_starts(text)  # getpos() counts "\n" only
        self.keep: list[tuple[int, int]] = []
        self.hidden: list[str] = []  # open hidden elements, innermost last
        self.meta: dict = {}
        self.title: list[str] | None = None
        self.reference: int | None = None  # start of a visible "&amp;" whose end is not known yet
        self.comments: list[tuple[int, int, str]] = []  # (start, end, text inside "<!--" and "-->")

    def _here(self) -> int:
        line, column = self.getpos()
        return self.starts[line - 1] + column

    def _event(self, visible_length: int | None = 0) -> None:
        """Called at the start of every construct: ends a pending reference there, and keeps
        ``visible_length`` characters from here (None: a reference, whose end is the next event)."""
        here = self._here()
        if self.reference is not None:
            self.keep.append((self.reference, here))
            self.reference = None
        if self.hidden or not visible_length and visible_length is not None:
            return
        if visible_length is None:
            self.reference = here
        else:
            self.keep.append((here, here + visible_length))

    def handle_starttag(self, tag, attrs):
        self._event()
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and attrs.get("lang"):
            self.meta.setdefault("language", attrs["lang"].split("-")[0].lower())
        elif tag == "body" and "head" in self.hidden:  # </head> may be left out
            self.hidden = [t for t in self.hidden if t != "head"]
        elif tag == "title":
            self.title = []
        elif tag == "meta":
            name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if name in DATE_META:
                self._date(attrs.get("content"))
        elif tag == "time" and "pubdate" in attrs:
            self._date(attrs.get("datetime"))
        if tag in HIDDEN:
            self.hidden.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in HIDDEN:  # <svg/>: nothing inside to hide
            self.hidden.pop()

    def handle_endtag(self, tag):
        self._event()
        if tag == "title" and self.title is not None:
            self.meta.setdefault("title", " ".join("".join(self.title).split()))
            self.title = None
        if tag in self.hidden:
            while self.hidden and self.hidden.pop() != tag:
                pass

    def _date(self, value: str | None) -> None:
        date = publication_date(value)
        if date is not None:
            self.meta.setdefault("published", date)

    def handle_data(self, data):
        if self.title is not None:
            self.title.append(data)
        self._event(len(data))

    def handle_entityref(self, name):
        self._event(None)

    def handle_charref(self, name):
        self._event(None)

    def handle_comment(self, data):
        self._event()
        start = self._here()
        if self.text.startswith("<!--", start):  # not a bogus comment ("<!x>")
            end = start + 4 + len(data)
            close = next((c for c in ("-->", "--!>") if self.text.startswith(c, end)), None)
            end = end + len(close) if close else self.text.find(">", end) + 1 or len(self.text)
            self.comments.append((start, end, data))

    def handle_decl(self, decl):
        self._event()

    def handle_pi(self, data):
        self._event()

    def unknown_decl(self, data):
        self._event()

    def close(self):
        super().close()
        if self.reference is not None:  # the text ends with a reference
            self.keep.append((self.reference, len(self.text)))


def visible(text: str) -> tuple[list[tuple[int, int]], dict]:
    """The offsets of the visible text of an HTML document (or fragment), and its metadata."""
    parser = _Visible(text)
    parser.feed(text)
    parser.close()
    if parser.comments:  # for the suppression comments (newslint.post.suppressions)
        parser.meta["comments"] = parser.comments
    return parser.keep, parser.meta


def read_html(path: str, text: str) -> tuple[str, dict]:
    keep, meta = visible(text)
    return blank_outside(text, keep), meta
