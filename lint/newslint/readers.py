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

# An article file larger than this is not read (NEWSLINT_MAX_FILE_SIZE, in bytes, changes it): a
# log or a dump named .txt would otherwise fill the memory. A corpus file is read as a stream and
# has no limit.
MAX_FILE_SIZE = 256 * 1024 * 1024


def max_file_size() -> int:
    try:
        return int(os.environ.get("NEWSLINT_MAX_FILE_SIZE", MAX_FILE_SIZE))
    except ValueError:
        return MAX_FILE_SIZE


def _kind(mode: int) -> str | None:
    """What a file that is not a regular file is, for the message; None for a regular file."""
    import stat

    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


@dataclass
class Source:
    path: str  # as shown in findings
    text: str
    meta: dict = field(default_factory=dict)
    location: Path | None = None  # where config is searched from; None for stdin
    # The file's text when the reader blanked parts of ``text`` (markup, front matter): what
    # findings quote and fixes edit. None: ``text`` is the file's text.
    original: str | None = None
    problems: list = field(default_factory=list)  # what was wrong with its bytes (told; the text is still linted)


def read_plain_text(path: str, text: str) -> tuple[str, dict]:
    """The text as it is, with what a YAML front matter block says about it (``title``, ``date``
    or ``published``, ``language`` or ``lang``). The block is metadata, not article text: it is
    blanked, so that positions still point into the file."""
    block, end = front_matter(text)
    if block is None:
        return text, {}
    return blank_outside(text, [(end, len(text))]), front_matter_meta(block)


def front_matter(text: str) -> tuple[str | None, int]:
    """A front matter block ("---" lines around a YAML mapping, at the very start): its YAML and
    the offset where the text after it starts; (None, 0) when there is none."""
    if not text.startswith("---\n"):
        return None, 0
    close = text.find("\n---", 4)
    if close == -1:
        return None, 0
    import yaml

    try:
        data = yaml.safe_load(text[4:close])
    except yaml.YAMLError:
        return None, 0  # not front matter after all: an article may start with a rule line
    except ValueError as exc:
        raise _impossible_date(exc, text[4:close]) from None
    if not isinstance(data, dict):
        return None, 0
    nl = text.find("\n", close + 4)
    return text[4:close], len(text) if nl == -1 else nl + 1


def front_matter_meta(block: str) -> dict:
    """What a YAML front matter block says about the article: ``published``, ``language``, ``title``."""
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    except ValueError as exc:
        raise _impossible_date(exc, block) from None
    if not isinstance(data, dict):
        return {}
    meta = {}
    date = publication_date(data.get("published", data.get("date")))
    if date is not None:
        meta["published"] = date
    language = data.get("language", data.get("lang"))
    if isinstance(language, str):
        meta["language"] = language
    if isinstance(data.get("title"), str):
        meta["title"] = data["title"]
    return meta


def _impossible_date(exc: ValueError, block: str) -> InputError:
    """YAML reads ``date: 2025-06-31`` as a date and fails: the article's metadata is wrong, so the
    file is skipped with the line of the key (the block starts on the file's line 2)."""
    import re

    keys = [n for n, line in enumerate(block.split("\n"), 2) if re.match(r"\s*[\w-]+\s*:\s*\d{4}-\d\d-\d\d", line)
            and not _valid_iso(line.split(":", 1)[1].strip()[:10])]
    line = keys[0] if keys else 2
    key = block.split("\n")[line - 2].split(":", 1)[0].strip() if keys else "date"
    return InputError(f"front matter: '{key}' is a date that does not exist ({exc})", None, line)


def _valid_iso(text: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(text)
        return True
    except ValueError:
        return False


def publication_date(value):
    """A date from a YAML date or timestamp, or a string starting YYYY-MM-DD; else None."""
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return value if isinstance(value, dt.date) else None


def blank_outside(text: str, keep) -> str:
    """``text`` with every character outside the ``(start, end)`` spans of ``keep`` replaced by a
    space, except line breaks: the same length and lines, so offsets still point into the file."""
    mask = bytearray(len(text))
    for start, end in keep:
        end = min(end, len(text))
        mask[start:end] = b"\x01" * max(0, end - start)
    out = [ch if mask[i] or ch in "\r\n" else " " for i, ch in enumerate(text)]
    return "".join(out)


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_for_linting(data: bytes, path: str) -> tuple[str, list[InputError]]:
    """The text to lint and what was wrong with its bytes. UTF-16 with a byte-order mark is read;
    bytes that are not UTF-8 are replaced by U+FFFD, one character each, so that the rest of the
    file is linted, and told with their offset (``--fix`` never writes such a file back: see
    :func:`decode`). A binary file still raises InputError."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 (the file starts with a UTF-16 byte-order mark): {exc.reason} "
                             f"at offset {exc.start}", path) from None
    try:
        return decode(data, path), []
    except InputError as exc:
        if not exc.message.startswith("not UTF-8"):
            raise
        bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        exc.message = exc.message.replace("cannot be decoded", "cannot be decoded (replaced by U+FFFD; the rest is linted)")
        return data[bom:].decode("utf-8", "replace"), [exc]


def decode(data: bytes, path: str) -> str:
    """The text of UTF-8 bytes (a leading BOM left out); InputError for a binary file, for UTF-16 and
    for the first byte that is not UTF-8, with its offset, line and column."""
    if data.startswith(UTF16_BOMS):
        raise InputError("a UTF-16 file (newslint writes UTF-8 only)", path)
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
    """A regular file's bytes. The file is opened without blocking and checked before anything is
    read: a FIFO would wait for a writer for ever, /dev/zero would never end, a huge file would
    fill the memory; each is an InputError naming what it is."""
    limit = max_file_size()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        try:
            kind = _kind(os.stat(path).st_mode)  # a socket cannot even be opened
        except OSError:
            kind = None
        if kind is not None and kind != "a directory":
            raise InputError(f"{kind}, not a regular file: skipped", shown) from None
        raise read_error(exc, shown) from None
    try:
        st = os.fstat(fd)
        kind = _kind(st.st_mode)
        if kind is not None:
            raise InputError(f"{kind}, not a regular file: skipped", shown)
        if st.st_size > limit:
            raise InputError(f"{st.st_size:,} bytes, over the {limit:,}-byte limit for an article "
                             "(NEWSLINT_MAX_FILE_SIZE changes it): skipped", shown)
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew while it was read
                raise InputError(f"grew past the {limit:,}-byte limit for an article while it was read: skipped", shown)
        return b"".join(chunks)
    except OSError as exc:
        raise read_error(exc, shown) from None
    finally:
        os.close(fd)


def read_error(exc: OSError, shown: str) -> InputError:
    """The one line that says why a file could not be read."""
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file or directory", shown)
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory", shown)
    if isinstance(exc, PermissionError):
        return InputError("permission denied", shown)
    import errno

    if exc.errno == errno.ELOOP:
        return InputError("a symbolic link loop (the link leads back to itself)", shown)
    return InputError(f"cannot read: {exc.strerror or exc}", shown)


def make_source(shown: str, data: bytes, readers: dict, location: Path | None) -> Source:
    text, problems = decode_for_linting(data, shown)
    suffix = Path(shown).suffix.lower()
    reader = readers.get(suffix, read_plain_text)
    try:
        read, meta = reader(shown, text)
    except InputError as exc:
        exc.path = exc.path or shown
        raise
    if not isinstance(read, str) or len(read) != len(text) or read.count("\n") != text.count("\n"):
        raise InputError(f"the reader for {suffix or 'files without a suffix'} did not keep the text's positions "
                         "(it must return the file's text, with what is not linted blanked to spaces)", shown)
    return Source(shown, read, meta or {}, location, None if read == text else text, problems)


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


def inputs(paths, suffixes, read_stdin, stdin_filename: str | None = None, excluded=None) -> list[Input | NewslintError]:
    """Every file the paths name, in order, with an error in place of a path that names none.
    ``read_stdin()`` gives standard input's bytes, once for each "-". ``excluded(path, is_dir)``
    says which files and folders a directory's walk skips (see :func:`expand`)."""
    out: list[Input | NewslintError] = []
    for arg in paths:
        problems: list[InputError] = []
        try:
            names = expand(arg, suffixes, excluded, problems)
        except InputError as exc:
            out.append(exc)
            continue
        out.extend(problems)  # folders that could not be read: told first, the rest still linted
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


def expand(arg: str, suffixes, excluded=None, problems: list | None = None) -> list[str]:
    """The files an argument names: itself, or the article files under a directory (sorted),
    less what ``excluded(path, is_dir)`` or a ``.gitignore`` names. A file named is always
    linted, as ruff does. Raises InputError for a path that does not exist or a directory with
    no articles; a sub-folder that cannot be read is added to ``problems``. A symbolic link to a
    folder is not followed (no loops); a FIFO, device or socket, found or named, is told when it
    is read (never opened in a way that blocks)."""
    if arg == "-":
        return ["-"]
    if os.path.isdir(arg):
        from newslint.ignore import GitIgnored

        ignored = GitIgnored(arg)

        def skip(path: str, is_dir: bool) -> bool:
            return ignored(path, is_dir) or (excluded is not None and excluded(path, is_dir))

        found, skipped = [], 0

        def unreadable(exc: OSError) -> None:
            if problems is not None and exc.filename != arg:
                problems.append(InputError(f"cannot read this folder ({exc.strerror or exc}): its files are not linted",
                                           exc.filename))

        for root, dirs, files in os.walk(arg, onerror=unreadable):
            walked = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            dirs[:] = [d for d in walked if not skip(os.path.join(root, d), True)]
            skipped += len(walked) - len(dirs)
            for name in sorted(files):
                path = os.path.join(root, name)
                if name.startswith(".") or os.path.splitext(name)[1].lower() not in suffixes:
                    continue
                if skip(path, False):
                    skipped += 1
                else:
                    found.append(path)
        if not found:
            why = f"; {skipped} excluded or ignored by .gitignore" if skipped else ""
            raise InputError(f"no articles found (looked for {', '.join(sorted(suffixes))} files{why})", arg)
        return found
    try:
        os.stat(arg)
    except OSError as exc:
        raise read_error(exc, arg) from None
    return [arg]
