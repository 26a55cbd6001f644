"""``--fix --output FILE`` and ``--diff`` on a corpus: each record's text fixed in passes, and a
cleaned copy of the corpus written beside the input, never over it.

A record is fixed as a file is (fixing.py): apply the fixes that overlap no other, lint the new
text, fix again, until nothing is left (at most fixing.MAX_PASSES passes). That happens where the
record is linted, in this process or in a worker (``-j N``); what comes back is a
:class:`RecordFix`, in input order.

The copy is written by a :class:`CorpusFixes` that reads the input a second time, raw, in step with
those results: every record is copied byte for byte (blank lines, broken records, the CSV header,
a byte-order mark too), except the text field of a record whose text changed, which is replaced
in place. In a JSON Lines record the other fields keep their bytes, key order and spacing; in a
CSV row the other columns keep theirs, quotes and all. The copy is written to a temporary file in
the output's folder and renamed over FILE at the end, so a killed run leaves no half-written
file; it is left unwritten when the corpus could not be read to its end or the run stopped at a
configuration error.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Iterator

from newslint.errors import ConfigError, InputError, NewslintError
from newslint.fixing import BOM, FixMode, Outcome, _sync_folder, fix_in_passes, unified_diff, unsettled_message
from newslint.records import Fields, kind_of, open_text



# -- one record ------------------------------------------------------------------------------------
@dataclass
class RecordFix:
    """What fixing did to one record (a FileResult's ``fixing``)."""

    path: str  # the corpus, as shown
    record: str  # the record's id
    line: int  # the line of the corpus the record starts on
    fixed: int = 0  # fixes applied, over every pass
    rules: dict = field(default_factory=dict)  # rule -> fixes applied
    text: str | None = None  # the new text; None when it did not change
    diff: str = ""  # --diff: the unified diff of the text, headed path#id
    output = None  # (as fixing.Outcome: nothing for standard output)
    streamed = False

    @property
    def records(self) -> int:
        """How many records changed: this one, or none (as a corpus's Outcome counts them)."""
        return int(self.text is not None)


def fix_record(linter, record, mode: FixMode):
    """Lint one record and fix its text in passes; the FileResult of the final text (its findings
    are what remains) with ``fixing`` set to a RecordFix. Raises as Linter.lint_record does."""
    passes = fix_in_passes(record.text, linter.lint_record(record), mode.unsafe,
                           lambda text: linter.lint_record(replace(record, text=text)))
    text, result, errors = passes.text, passes.result, passes.errors
    rules = Counter(f.rule for f in passes.applied)
    if passes.unsettled:
        errors.append(NewslintError(f"record {record.id}: {unsettled_message(passes.unsettled)}", record.path, record.line))
    changed = text != record.text
    result.errors = errors
    result.fixing = RecordFix(
        record.path, record.id, record.line, sum(rules.values()), dict(rules), text if changed else None,
        unified_diff(record.text, text, f"{record.path}#{record.id}") if changed and not mode.write else "",
    )
    return result


# -- the command line's checks ---------------------------------------------------------------------
def corpus_kind(path: str, stdin_format: str | None) -> str | None:
    """"jsonl" or "csv" when a path of the command line is a corpus, else None."""
    if path == "-":
        return stdin_format
    return None if os.path.isdir(path) else kind_of(path)


def check_options(paths, output: str | None, fix: bool, diff: bool, stdin_format: str | None) -> None:
    """The usage errors of --fix, --diff and --output with corpora; raises ConfigError (one line)."""
    corpora = [p for p in paths if corpus_kind(p, stdin_format)]
    if output is None:
        if fix and not diff and corpora:
            raise ConfigError(f"--fix does not rewrite a corpus: give --output FILE for the cleaned copy of {corpora[0]}")
        return
    if not fix or diff:
        raise ConfigError("--output works with --fix only (--diff writes nothing)" if diff else
                          "--output needs --fix: it is where the cleaned copy of a corpus goes")
    if len(paths) != 1 or not corpora:
        raise ConfigError("--output takes one corpus (.jsonl, .ndjson, .csv, gzipped too, or - with --stdin-format) and nothing else")
    kind, wanted = corpus_kind(paths[0], stdin_format), kind_of(output)
    if wanted is not None and wanted != kind:
        raise ConfigError(f"--output {output} is not {_KIND_NAMES[kind]} like the corpus")
    if output == "-" or os.path.isdir(output):
        raise ConfigError(f"--output {output}: give a file name")
    if paths[0] != "-" and _same_file(paths[0], output):
        raise ConfigError(f"--output {output} is the corpus itself: --fix never rewrites a corpus")


_KIND_NAMES = {"jsonl": "JSON Lines", "csv": "CSV"}


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def for_run(linter, paths, output: str | None, fix: bool, diff: bool, stdin, stdin_filename: str | None = None, write=None):
    """The command line's CorpusFixes for a --fix or --diff run with a corpus (None: no corpus, or
    neither option); raises ConfigError for a usage error and NewslintError when the copy cannot
    be started. With --output and standard input, standard input (``stdin()``, a byte stream) is
    read here, whole, for the second reading (``.stdin`` then holds it for the run)."""
    stdin_format = linter.overrides.stdin_format
    check_options(paths, output, fix, diff, stdin_format)
    if linter.fix is None or not any(corpus_kind(p, stdin_format) for p in paths):
        return None
    if output is None:
        return CorpusFixes(linter.fix, write=write)
    corpus = paths[0]
    data = stdin().read() if corpus == "-" else None
    shown = (stdin_filename or "-") if corpus == "-" else corpus
    location = Path(stdin_filename) if corpus == "-" and stdin_filename else None if corpus == "-" else Path(corpus)
    fixes = CorpusFixes(linter.fix, write=write, output=output, corpus=shown,
                        kind=corpus_kind(corpus, stdin_format), data=data, fields=linter.fields_for(location))
    fixes.stdin = io.BytesIO(data) if data is not None else None
    return fixes


# -- the run's fixes, as they come -----------------------------------------------------------------
class CorpusFixes:
    """Takes a --fix or --diff run's outcomes in input order (``Linter.lint_paths(on_fix=...)``):
    writes each diff as it comes (--diff), or each record into the cleaned copy (--fix --output),
    and keeps one Outcome per corpus, so that a corpus of any size costs the memory of a record."""

    def __init__(self, mode: FixMode, write=None, output: str | None = None, corpus: str | None = None,
                 kind: str | None = None, data: bytes | None = None, fields: Fields | None = None):
        self.mode = mode
        self.write = write  # --diff: writes a diff to standard output
        self.stdin = None  # standard input's bytes, read for --output (for_run)
        self.rules: Counter = Counter()
        self.read = self.changed = 0
        self._current: Outcome | None = None
        self._outcomes: list[Outcome] = []  # one per corpus, as the Report keeps them
        self._copy = None
        if output is not None:
            self._copy = _Copy(Path(output), corpus, kind, data, fields or Fields())

    def __call__(self, fixing):
        """One file's or record's outcome; returns what the Report keeps (None: nothing more)."""
        if not isinstance(fixing, RecordFix):
            self._current = None
            if fixing.diff and not self.mode.write and self.write is not None:
                self.write(fixing.diff)
                fixing.streamed = True
            return fixing
        self.read += 1
        self.changed += fixing.records
        self.rules.update(fixing.rules)
        kept = None
        if self._current is None or self._current.path != fixing.path:
            kept = self._current = Outcome(fixing.path, records=0)
            self._outcomes.append(kept)
        self._current.fixed += fixing.fixed
        self._current.records += fixing.records
        if fixing.diff and self.write is not None:
            self.write(fixing.diff)
        if self._copy is not None and fixing.text is not None:
            self._copy.put(fixing.line, fixing.text)
        return kept

    def finish(self, report) -> NewslintError | None:
        """After the run: put the cleaned copy in place (or remove it), and return the error that
        kept it from being written, if any."""
        if self._copy is None:
            return None
        corpus = self._copy.shown
        unread = [e for e in report.error_list if isinstance(e, (ConfigError, InputError))
                  and (isinstance(e, ConfigError) or e.path == corpus)]
        error = None
        if unread:
            self._copy.abort()
            error = NewslintError(f"not written: {'the run stopped at a configuration error' if isinstance(unread[0], ConfigError) else f'{corpus} could not be read to its end'}",
                                  str(self._copy.path))
        else:
            try:
                self._copy.close()
            except NewslintError as exc:
                error = exc
        if error is not None:  # nothing was fixed after all: the summary must not say otherwise
            for outcome in self._outcomes:
                outcome.fixed = outcome.records = 0
            self.rules.clear()
        return error

    def abort(self) -> None:
        if self._copy is not None:
            self._copy.abort()

    def summary(self) -> list[str]:
        """The lines told on standard error at the end: the copy written, and the fixes per rule."""
        out = []
        if self._copy is not None and self._copy.done:
            c = self._copy
            broken = c.records - self.read
            out.append(f"Wrote {c.records} record{'s' if c.records != 1 else ''} to {c.path}: {self.changed} fixed"
                       + (f", {broken} that could not be linted copied as {'they were' if broken != 1 else 'it was'}" if broken else "")
                       + ".")
        if self.rules:
            rows = sorted(self.rules.items(), key=lambda kv: (-kv[1], kv[0]))
            width = max(len(str(n)) for _, n in rows)
            out.append(("Fixes" if self.mode.write else "Fixes it would make") + " per rule:")
            out.extend(f"{n:>{width}}  {rule}" for rule, n in rows)
        return out


# -- the copy ----------------------------------------------------------------------------------
class _Copy:
    """The cleaned copy being written: the input read again, raw, record by record, each copied
    as it was or with the new text put in place of its text field."""

    def __init__(self, path: Path, corpus: str, kind: str, data: bytes | None, fields: Fields):
        self.path, self.shown, self.kind, self.field = path, corpus, kind, fields.text
        self.records = 0  # records written (blank lines are not records)
        self.done = False
        try:
            self._input = io.BytesIO(data) if data is not None else open(corpus, "rb")
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", corpus) from None
        try:
            self._fd, self._tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".newslint-tmp", dir=path.parent or ".")
        except OSError as exc:
            self._input.close()
            raise NewslintError(f"cannot write: {exc.strerror or exc}", str(path)) from None
        self._file = os.fdopen(self._fd, "wb")
        self._out: IO[bytes] = self._file
        if path.name.lower().endswith(".gz"):
            import gzip

            self._out = gzip.GzipFile(filename="", mode="wb", fileobj=self._file, mtime=0)
        stream = open_text(self._input, corpus)
        self._chunks = _jsonl_chunks(stream, self.field) if kind == "jsonl" else _csv_chunks(stream, self.field)

    def put(self, line: int, text: str) -> None:
        """Copy up to the record that starts on ``line``, and write it with ``text``."""
        for start, raw, splice in self._chunks:
            if start is not None:
                self.records += 1
            if start == line:
                self._out.write(splice(text))
                return
            if start is not None and start > line:
                break
            self._out.write(raw)
        raise NewslintError(f"internal error: no record on line {line} in the second reading", self.shown)

    def close(self) -> None:
        try:
            for start, raw, _ in self._chunks:
                self.records += start is not None
                self._out.write(raw)
        except (OSError, EOFError, UnicodeDecodeError, csv.Error) as exc:
            self.abort()
            raise NewslintError(f"not written: {self.shown} could not be read to its end ({exc})", str(self.path)) from None
        try:
            if self._out is not self._file:
                self._out.close()
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
            self._input.close()
            try:
                mode = os.stat(self.path).st_mode & 0o7777  # an existing copy keeps its permission bits
            except OSError:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o666 & ~umask
            os.chmod(self._tmp, mode)
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self.abort()
            raise NewslintError(f"cannot write: {exc.strerror or exc}", str(self.path)) from None
        _sync_folder(self.path.parent)
        self.done = True

    def abort(self) -> None:
        for f in (self._out, self._file, self._input):
            try:
                f.close()
            except Exception:
                pass
        try:
            os.unlink(self._tmp)
        except OSError:
            pass


# A chunk of the input: (the line a record starts on, or None for what is not a record; its raw
# bytes; a function that gives its bytes with a new text).
Chunk = tuple


def _jsonl_chunks(stream: IO[bytes], key: str) -> Iterator[Chunk]:
    for n, data in enumerate(stream, 1):  # as records.py numbers them
        if not data.strip():
            yield None, data, None
        else:
            yield n, data, (lambda text, data=data, n=n: _jsonl_splice(data, key, text, n == 1))


def _jsonl_splice(data: bytes, key: str, text: str, first: bool) -> bytes:
    """The JSON line with its text field's value replaced, every other byte kept."""
    head = BOM if first and data.startswith(BOM) else b""
    body = data[len(head):]
    ending = b"\r\n" if body.endswith(b"\r\n") else b"\n" if body.endswith(b"\n") else b""
    line = body[: len(body) - len(ending)].decode("utf-8")
    return head + _splice_json(line, key, text).encode("utf-8") + ending


def _splice_json(line: str, key: str, text: str) -> str:
    span = _text_span(line, key)
    if span is None:  # not reached for a record that was linted; re-serialised to be safe
        row = json.loads(line)
        row[key] = text
        return json.dumps(row, ensure_ascii=False)
    start, end = span
    raw = line[start:end]
    old = json.loads(raw)
    # Keep the line's style: \u escapes where the old value had them for what is not ASCII.
    escaped = raw.isascii() and (not old.isascii() or (line.isascii() and "\\u" in line))
    return line[:start] + json.dumps(text, ensure_ascii=escaped) + line[end:]


_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


def _text_span(line: str, key: str) -> tuple[int, int] | None:
    """Where the value of the top-level field ``key`` is in a JSON object's text (the last one, as
    json.loads keeps the last of a key written twice); None when it is not there."""
    i = _WS.match(line, 0).end()
    if line[i:i + 1] != "{":
        return None
    i = _WS.match(line, i + 1).end()
    span = None
    if line[i:i + 1] == "}":
        return None
    while True:
        if line[i:i + 1] != '"':
            return None
        name, i = json.decoder.scanstring(line, i + 1)
        i = _WS.match(line, i).end()
        if line[i:i + 1] != ":":
            return None
        i = _WS.match(line, i + 1).end()
        _, end = _DECODER.raw_decode(line, i)
        if name == key:
            span = (i, end)
        i = _WS.match(line, end).end()
        if line[i:i + 1] == ",":
            i = _WS.match(line, i + 1).end()
        elif line[i:i + 1] == "}":
            return span
        else:
            return None


def _csv_chunks(stream: IO[bytes], text_field: str) -> Iterator[Chunk]:
    """The CSV file's header, then each row, each as the physical lines it was read from (the
    csv module's own reading, so that quoted line breaks and line numbers are as records.py has
    them)."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")  # a BOM stays in the first line, to be copied
    taken: list[str] = []

    def lines():
        for line in text:
            taken.append(line)
            yield line

    reader = csv.reader(lines())
    header = next(reader, None)
    if header is None:
        yield None, "".join(taken).encode("utf-8"), None
        return
    yield None, "".join(taken).encode("utf-8"), None
    header[0] = header[0].removeprefix("\ufeff")
    column = max((i for i, name in enumerate(header) if name == text_field), default=None)
    line = len(taken) + 1
    taken.clear()
    for values in reader:
        raw = "".join(taken)
        start, line = line, line + len(taken)
        taken.clear()
        if not values or column is None or len(values) != len(header):
            yield (start if values else None), raw.encode("utf-8"), None
            continue
        yield start, raw.encode("utf-8"), (lambda new, raw=raw, values=values: _csv_splice(raw, values, column, new).encode("utf-8"))


def _csv_splice(raw: str, values: list[str], column: int, text: str) -> str:
    """The CSV row's physical text with the text column replaced, the other columns as they were
    written (quoted or not); written anew by the csv module if the row cannot be taken apart."""
    ending = next((e for e in ("\r\n", "\n", "\r") if raw.endswith(e)), "")
    body = raw[: len(raw) - len(ending)]
    cells = _csv_cells(body)
    new_values = values[:column] + [text] + values[column + 1:]
    if len(cells) == len(values):
        quoted = cells[column].startswith('"') or any(c in text for c in ',"\r\n')
        cells[column] = '"' + text.replace('"', '""') + '"' if quoted else text
        row = ",".join(cells) + ending
        if list(csv.reader(io.StringIO(row, newline=""))) == [new_values]:
            return row
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=ending or "\r\n").writerow(new_values)
    return out.getvalue() if ending else out.getvalue().removesuffix("\r\n")


def _csv_cells(body: str) -> list[str]:
    """A CSV row's cells as written (quotes kept), split as the csv module's excel dialect reads
    them: a quote opens a quoted cell only at the cell's start, "" inside it is a quote."""
    cells, start, i, quoted = [], 0, 0, False
    while i < len(body):
        ch = body[i]
        if quoted:
            if ch == '"':
                if body[i + 1:i + 2] == '"':
                    i += 1
                else:
                    quoted = False
        elif ch == '"' and i == start:
            quoted = True
        elif ch == ",":
            cells.append(body[start:i])
            start = i + 1
        i += 1
    cells.append(body[start:])
    return cells
