"""From a path (or stdin) to a Source: the decoded text and what the reader learnt about it.

The paths of a run expand into Inputs (one per file) in the order given; reading an Input's bytes
waits until it is linted, so that a worker process reads its own files.

Bad input ends in an InputError with one line: a missing or unreadable file, a binary file, bytes
that are not UTF-8 (with their offset, line and column).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from newslint.errors import InputError, NewslintError

# Folders never worth walking into when a directory is linted.
SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


@dataclass
class Source:
    path: str  # as shown in findings
    text: str
    meta: dict = field(default_factory=dict)
    location: Path | None = None  # where config is searched from; None for stdin


def read_plain_text(path: str, text: str) -> tuple[str, dict]:
    """The text as it is, with what a YAML front matter block says about it (``date`` or
    ``published``, ``language`` or ``lang``). The block stays in the text so that positions
    still point into the file."""
    return text, front_matter(text)


def front_matter(text: str) -> dict:
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---", 4)
    if end == -1:
        return {}
    import datetime as dt

    import yaml

    try:
        data = yaml.safe_load(text[4:end])
    except yaml.YAMLError:
        return {}  # not front matter after all: an article may start with a rule line
    if not isinstance(data, dict):
        return {}
    meta = {}
    date = data.get("published", data.get("date"))
    if isinstance(date, dt.datetime):
        date = date.date()
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date[:10])
        except ValueError:
            date = None
    if isinstance(date, dt.date):
        meta["published"] = date
    language = data.get("language", data.get("lang"))
    if isinstance(language, str):
        meta["language"] = language
    return meta


def decode(data: bytes, path: str) -> str:
    nul = data.find(b"\x00", 0, 8192)
    if nul != -1:
        raise InputError(f"binary file (NUL byte at offset {nul}), not linted", path)
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = bom + exc.start
        line = data.count(b"\n", 0, offset) + 1
        line_start = data.rfind(b"\n", 0, offset) + 1
        column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
        raise InputError(
            f"not UTF-8: byte 0x{data[offset]:02x} at offset {offset} (line {line}, column {column}) cannot be decoded",
            path,
        ) from None


def read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or directory", shown) from None
    except IsADirectoryError:
        raise InputError("is a directory", shown) from None
    except PermissionError:
        raise InputError("permission denied", shown) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", shown) from None


def make_source(shown: str, data: bytes, readers: dict, location: Path | None) -> Source:
    text = decode(data, shown)
    suffix = Path(shown).suffix.lower()
    reader = readers.get(suffix, read_plain_text)
    text, meta = reader(shown, text)
    return Source(shown, text, meta or {}, location)


@dataclass(frozen=True)
class Input:
    """One file of a run: a file on disk, or standard input read up front (``data``)."""

    name: str  # as given or found: a path, or "-"
    shown: str  # as shown in findings (--stdin-filename for "-")
    location: Path | None  # where config is searched from; None for stdin without a name
    data: bytes | None = None  # standard input's bytes; None: read the file when it is linted

    def source(self, readers: dict) -> Source:
        data = self.data if self.data is not None else read_bytes(Path(self.name), self.name)
        return make_source(self.shown, data, readers, self.location)


def inputs(paths, suffixes, read_stdin, stdin_filename: str | None = None) -> list[Input | NewslintError]:
    """Every file the paths name, in order, with an error in place of a path that names none.
    ``read_stdin()`` gives standard input's bytes, once for each "-"."""
    out: list[Input | NewslintError] = []
    for arg in paths:
        try:
            names = expand(arg, suffixes)
        except InputError as exc:
            out.append(exc)
            continue
        for name in names:
            if name == "-":
                try:
                    data = read_stdin()
                except Exception as exc:  # standard input closed or unreadable
                    out.append(NewslintError(f"internal error: {type(exc).__name__}: {exc}", name))
                    continue
                location = Path(stdin_filename) if stdin_filename else None
                out.append(Input(name, stdin_filename or "-", location, data))
            else:
                out.append(Input(name, name, Path(name)))
    return out


def expand(arg: str, suffixes) -> list[str]:
    """The files an argument names: itself, or the article files under a directory (sorted).
    Raises InputError for a path that does not exist or a directory with no articles."""
    if arg == "-":
        return ["-"]
    if os.path.isdir(arg):
        found = []
        for root, dirs, files in os.walk(arg):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and os.path.splitext(name)[1].lower() in suffixes:
                    found.append(os.path.join(root, name))
        if not found:
            raise InputError(f"no articles found (looked for {', '.join(sorted(suffixes))} files)", arg)
        return found
    if not os.path.exists(arg):
        raise InputError("no such file or directory", arg)
    return [arg]
