"""Corpora as records: one article per line of a JSON Lines file, or per row of a CSV file.

A records file (``.jsonl``, ``.ndjson``, ``.csv``, each also gzip-compressed as ``.gz``) is read
as a stream, one record at a time, so a file of any size needs the memory of one record. Which
field holds what is a :class:`Fields` (``--text-field`` and the others): the article's text, its
id, and optionally its title, publication date and source (the outlet).

A record that cannot be used (bad JSON, not an object, no text, a date that does not parse) becomes
a :class:`RecordError` naming the file, the line the record starts on and its id; the reading goes
on with the next record.
"""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import re
from dataclasses import dataclass, field
from typing import IO, Iterator

from newslint.errors import InputError, NewslintError

KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
SUFFIXES = tuple(KINDS) + tuple(s + ".gz" for s in KINDS)


def kind_of(name: str) -> str | None:
    """"jsonl" or "csv" for a records file's name (``.gz`` allowed), else None."""
    lower = name.lower().removesuffix(".gz")
    for suffix, kind in KINDS.items():
        if lower.endswith(suffix):
            return kind
    return None


@dataclass(frozen=True)
class Fields:
    """Which field of a record holds what; None: the record has no such field."""

    text: str = "text"
    id: str | None = "id"
    title: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Record:
    """One article of a corpus."""

    path: str  # the corpus file, as shown
    line: int  # the line of the file the record starts on (1-based)
    id: str  # the id field's value, else "line N"
    text: str
    meta: dict = field(default_factory=dict)  # published (a date), title, source
    raw: dict | None = None  # the record as read (for --output: every other field kept)


class RecordError(NewslintError):
    """A record that cannot be linted: told with its file, line and id, and skipped."""


def parse_date(value, months: dict[str, int]) -> dt.date | None:
    """A publication date as a corpus stores it: an ISO date or timestamp (``2025-06-16``,
    ``2025-06-16T12:40:00+07:00``), ``16/6/2025``, or as the outlet printed it (``Senin, 16 Jun
    2025 12:40 WIB``; ``months`` maps the language's month names, lower case, to 1..12). None
    when it does not parse."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return None  # a number is no date (a Unix time would need a time zone we do not know)
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ])", text)
    if m:
        return _date(int(m[1]), int(m[2]), int(m[3]))
    m = re.search(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)", text)
    if m:
        return _date(int(m[3]), int(m[2]), int(m[1]))
    m = re.search(r"(?<!\d)(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})(?!\d)", text)
    if m and m[2].lower() in months:
        return _date(int(m[3]), months[m[2].lower()], int(m[1]))
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def open_text(stream: IO[bytes], name: str) -> IO[bytes]:
    """The byte stream, decompressed when the name ends in ``.gz``."""
    return gzip.GzipFile(fileobj=stream, mode="rb") if name.lower().endswith(".gz") else stream


def read_records(stream: IO[bytes], shown: str, kind: str, fields: Fields, months: dict[str, int],
                 keep_raw: bool = False) -> Iterator[Record | RecordError]:
    """The records of a stream, in order, a RecordError in place of each one that cannot be used.
    An error that ends the stream (a broken gzip file, bytes that are not UTF-8 in a CSV file)
    is the last item."""
    rows = _jsonl_rows(stream, shown) if kind == "jsonl" else _csv_rows(stream, shown)
    try:
        for line, row in rows:
            if isinstance(row, NewslintError):
                yield row
                continue
            yield _record(row, line, shown, fields, months, keep_raw)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:  # a truncated or corrupt .gz
        yield InputError(f"cannot read the rest of the file: {exc}", shown)


def _jsonl_rows(stream: IO[bytes], shown: str):
    for n, data in enumerate(stream, 1):
        if not data.strip():
            continue  # a blank line (often the last) is no record
        try:
            text = data.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield n, RecordError(f"record skipped: not UTF-8 (byte 0x{data[exc.start]:02x} at column {exc.start + 1})", shown, n)
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            yield n, RecordError(f"record skipped: not valid JSON ({exc.msg}, column {exc.colno})", shown, n)
            continue
        if not isinstance(row, dict):
            yield n, RecordError(f"record skipped: a JSON {type(row).__name__}, not an object", shown, n)
            continue
        yield n, row


def _csv_rows(stream: IO[bytes], shown: str):
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    reader = csv.reader(text)
    try:
        header = next(reader, None)
        if header is None:
            return
        start = reader.line_num + 1
        for values in reader:
            line, start = start, reader.line_num + 1
            if not values:
                continue
            if len(values) != len(header):
                yield line, RecordError(f"record skipped: {len(values)} fields where the header has {len(header)}", shown, line)
                continue
            yield line, dict(zip(header, values))
    except UnicodeDecodeError as exc:
        yield reader.line_num + 1, InputError(f"not UTF-8 after line {reader.line_num} ({exc.reason}); the rest of the file is not read", shown)
    except csv.Error as exc:
        yield reader.line_num, InputError(f"line {reader.line_num}: not valid CSV ({exc}); the rest of the file is not read", shown)


def _record(row: dict, line: int, shown: str, fields: Fields, months: dict[str, int], keep_raw: bool) -> Record | RecordError:
    ident = row.get(fields.id) if fields.id else None
    ident = f"line {line}" if ident is None or ident == "" else str(ident)

    def error(message: str) -> RecordError:
        return RecordError(f"record {ident} skipped: {message}", shown, line)

    text = row.get(fields.text)
    if not isinstance(text, str):
        return error(f"no text in the field {fields.text!r}" if text is None else f"the field {fields.text!r} is not text")
    meta: dict = {}
    if fields.date:
        value = row.get(fields.date)
        if value not in (None, ""):
            date = value if isinstance(value, dt.date) else parse_date(value, months)
            if date is None:
                return error(f"the date {value!r} in the field {fields.date!r} does not parse")
            meta["published"] = date
    for key, name in (("title", fields.title), ("source", fields.source)):
        if name and isinstance(row.get(name), str) and row[name].strip():
            meta[key] = row[name].strip()
    return Record(shown, line, ident, text, meta, row if keep_raw else None)


def from_dicts(rows, fields: Fields, months: dict[str, int], name: str = "<records>") -> Iterator[Record | RecordError]:
    """Records from Python dicts (the Dask and Python APIs): ``line`` is the position, from 1."""
    for n, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            yield RecordError(f"record skipped: a {type(row).__name__}, not a dict", name, n)
        else:
            yield _record(row, n, name, fields, months, False)


def units(item, kind: str, fields: Fields, months: dict[str, int], keep_raw: bool = False,
          stream: IO[bytes] | None = None, opened=None) -> Iterator[Record | NewslintError]:
    """The records of a run's input (a readers.Input: a corpus file, or standard input's bytes;
    or ``stream``, standard input itself, left open), read as they are needed; an InputError
    when the file cannot be opened. ``opened(stream)`` is told the byte stream before it is read
    (a progress bar follows its position)."""
    from newslint.readers import read_error

    if stream is not None:
        if opened is not None:
            opened(stream)
        yield from read_records(open_text(stream, item.shown), item.shown, kind, fields, months, keep_raw)
        return
    if item.data is not None:
        stream: IO[bytes] = io.BytesIO(item.data)
    else:
        try:
            stream = open(item.name, "rb")
        except OSError as exc:
            yield read_error(exc, item.shown)
            return
    if opened is not None:
        opened(stream)
    with stream:
        yield from read_records(open_text(stream, item.shown), item.shown, kind, fields, months, keep_raw)
