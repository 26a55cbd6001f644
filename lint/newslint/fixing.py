"""``--fix`` and ``--diff``: apply a file's fixes, lint the new text, fix again, then write it back.

One pass applies every fix that overlaps no other (post/fixes.py); the text is then linted again
and the fixes left over are applied in the next pass, as ruff does, at most MAX_PASSES times. A
file that still has fixes after the last pass is told as an error naming the rules whose fixes
kept applying, and the text after the last pass is written (each pass was a correct fix).

The file's bytes outside the fixed spans are never touched: the text is decoded as the readers
decode it (UTF-8, a leading BOM kept aside and written back), line ends are left as they are, and
the new bytes replace the file atomically (a temporary file in the same folder, fsync, rename),
with the file's permission bits. Standard input is never written: its fixed text goes to stdout.
"""
from __future__ import annotations

import difflib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from newslint.errors import NewslintError
from newslint.post.fixes import apply_fixes, fixable
from newslint.readers import decode, make_source, read_bytes

MAX_PASSES = 10
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class FixMode:
    """What the command line asked for: ``--fix`` (write) or ``--diff`` (write nothing)."""

    unsafe: bool = False  # --unsafe-fixes: apply the unsafe fixes too
    write: bool = True  # False: --diff


@dataclass
class Outcome:
    """What fixing did to one input; the Report keeps them in input order."""

    path: str  # as shown
    fixed: int = 0  # findings whose fix was applied, over every pass
    diff: str = ""  # unified diff of the change ("" when nothing changed)
    output: bytes | None = None  # standard input: the bytes to write to stdout (fixed or not)
    records: int | None = None  # a corpus (corpus_fix.py): how many of its records changed; None: a file
    streamed: bool = False  # the diff was written as it came (a run with a corpus): not again at the end


def untouched(item) -> Outcome:
    """An input that could not be linted: nothing fixed; standard input goes back out as it came,
    so that an editor piping its buffer through ``newslint --fix -`` never loses it."""
    return Outcome(item.shown, output=item.data)


def fix_input(linter, item, mode: FixMode):
    """Lint one input and apply its fixes in passes; write the file unless ``mode`` says --diff.
    Returns the FileResult of the final text (its findings are what remains), with ``fixing``
    set. Raises as Linter.lint_source does when the input cannot be read or linted."""
    on_disk = item.data is None
    data = read_bytes(Path(item.name), item.name) if on_disk else item.data
    bom = BOM if data.startswith(BOM) else b""
    readers = linter.registry.readers
    outcome = Outcome(item.shown)
    first = result = linter.lint_source(make_source(item.shown, data, readers, item.location))
    try:
        original = decode(data, item.shown)
    except NewslintError as exc:  # linted with U+FFFD for the bad bytes (told already), or UTF-16
        result.errors = [*result.errors, NewslintError("not fixed: only a file that is all UTF-8 is written back", item.shown)]
        if not any("UTF-8" in str(e) for e in result.errors[:-1]):
            result.errors.insert(0, exc)
        result.fixing = Outcome(item.shown, output=None if on_disk else data)
        return result
    # Findings' offsets point into the file's text: a reader only blanks what it does not lint.
    passes = fix_in_passes(original, result, mode.unsafe, lambda text: linter.lint_source(
        make_source(item.shown, bom + text.encode("utf-8"), readers, item.location)))
    text, result, errors = passes.text, passes.result, passes.errors
    outcome.fixed = len(passes.applied)
    if passes.unsettled:
        errors.append(NewslintError(unsettled_message(passes.unsettled), item.shown))
    new_data = bom + text.encode("utf-8")
    outcome.diff = unified_diff(original, text, item.shown) if text != original else ""
    if not on_disk:
        outcome.output = new_data
    elif mode.write and new_data != data:
        try:
            write_atomic(Path(item.name), new_data, expected=data)
        except NewslintError as exc:
            exc.path = item.shown
            errors.append(exc)
            outcome.fixed, outcome.diff, result = 0, "", first  # nothing written: the file as it is
    result.errors = errors
    result.fixing = outcome
    return result


class Passes(NamedTuple):
    text: str  # after the last pass
    result: object  # the FileResult of that text: its findings are what remains
    errors: list  # every pass's errors, each told once
    applied: list  # the findings whose fix was applied, over every pass
    unsettled: tuple = ()  # the rules still fixing after MAX_PASSES; () when the fixes settled


def fix_in_passes(text: str, result, unsafe: bool, relint) -> Passes:
    """Apply ``result``'s fixes to ``text``, lint the new text (``relint(text)`` -> FileResult) and
    fix again, until nothing changes or MAX_PASSES is reached (files and corpus records alike)."""
    errors, applied_all = list(result.errors), []
    for _ in range(MAX_PASSES):
        new_text, applied = apply_fixes(text, result.findings, unsafe)
        if new_text == text:
            return Passes(text, result, errors, applied_all)
        text = new_text
        applied_all += applied
        result = relint(text)
        errors.extend(e for e in result.errors if str(e) not in {str(x) for x in errors})
    left = tuple(sorted({f.rule for f in result.findings if fixable(f, unsafe)}))
    return Passes(text, result, errors, applied_all, unsettled=left)


def unsettled_message(rules) -> str:
    return (f"fixes did not settle after {MAX_PASSES} passes (still fixing: {', '.join(rules)}); "
            "the text after the last pass was kept")


def write_atomic(path: Path, data: bytes, expected: bytes) -> None:
    """Replace the file's bytes with ``data``: a whole new file or the old one, never a half-written
    one, even when the run is killed. Keeps the permission bits; writes through a symlink to its
    target. Refuses a read-only file and one that changed since it was read (``expected``).
    Raises NewslintError with one line."""
    target = Path(os.path.realpath(path))
    try:
        st = os.stat(target)
        if not os.access(target, os.W_OK):
            raise PermissionError
        if target.read_bytes() != expected:
            raise NewslintError("changed while it was being fixed; not written")
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint-fix", dir=target.parent)
    except PermissionError:
        raise NewslintError("cannot write the fixes: permission denied") from None
    except OSError as exc:
        raise NewslintError(f"cannot write the fixes: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _keep_owner(tmp, st)  # before chmod: a change of owner clears the set-id bits
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise NewslintError(f"cannot write the fixes: {exc.strerror or exc}") from None
        raise
    _sync_folder(target.parent)


def _keep_owner(path: str, st: os.stat_result) -> None:
    """The new file belongs to whoever runs newslint: give it back to the old file's owner and
    group where this user may (root may; others only to a group of their own)."""
    if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.chown(path, st.st_uid, st.st_gid)
        except OSError:
            pass


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the system allows opening a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _lines(text: str) -> list[str]:
    """Lines with their ends, split at "\\n" only (as `diff` and `patch` do)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    return out + [lines[-1]] if lines[-1] else out


def unified_diff(before: str, after: str, path: str) -> str:
    """``--- a/PATH`` / ``+++ b/PATH``, three lines of context, as `git diff` shows a file."""
    out = []
    for line in difflib.unified_diff(_lines(before), _lines(after), f"a/{path}", f"b/{path}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def places(files: int, records: int) -> str:
    """"2 files", "3 records", "1 file and 3 records": where fixes were made."""
    parts = [f"{n} {noun}{'s' if n != 1 else ''}" for n, noun in ((files, "file"), (records, "record")) if n]
    return " and ".join(parts) or "0 files"


def finish(report, write_report, mode: FixMode, stdout, stderr) -> int:
    """After a --fix or --diff run: write the diffs, or standard input's fixed text and the
    report (``write_report(stream)`` formats it), and return the exit status."""
    if not mode.write:  # --diff: the diffs on stdout, nothing else; what they fix on stderr
        for outcome in report.fixes:
            if not outcome.streamed:
                stdout.write(outcome.diff)
        stdout.flush()
        would = sum(o.fixed for o in report.fixes)
        files = sum(1 for o in report.fixes if o.diff and o.records is None)
        records = sum(o.records or 0 for o in report.fixes)
        line = f"Would fix {would} problem{'s' if would != 1 else ''} in {places(files, records)}."
        stderr.write(line + "".join(f" {s}" for s in report.fix_summary() if not s.startswith("Fixed")) + "\n")
        if report.errors:
            return 2
        return 1 if files or records else 0
    piped = [o.output for o in report.fixes if o.output is not None]
    if not piped:
        write_report(stdout)
        return report.exit_code
    # Standard input: stdout carries the fixed text and nothing else (as ruff's `--fix -`), so
    # that `newslint --fix - < a > b` gives b the whole text; the findings left go to stderr.
    stdout.flush()
    out = getattr(stdout, "buffer", None)
    for data in piped:
        out.write(data) if out is not None else stdout.write(data.decode("utf-8"))
    (out or stdout).flush()
    write_report(stderr)
    return report.exit_code
