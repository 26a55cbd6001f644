"""The progress bar on standard error, shown only when standard error is a terminal.

For a corpus it shows the records linted and the records per second, and, since the corpus
file's size is known, how far into it the run is (by the bytes read: of the compressed file for
a ``.gz``) and the time left; for article files and for standard input from a pipe, how many so
far and how fast. Nothing at all on a pipe, a file or in CI: the bar and its import of tqdm (about
40 ms) cost nothing there. Anything else written while the bar shows goes through
:meth:`Bar.aside`, which clears the bar first and draws it again after.
"""
from __future__ import annotations

import os
import stat
import time
from contextlib import contextmanager


def for_stream(stream) -> Bar | None:
    """A Bar on ``stream`` when it is a terminal (and TERM is not dumb), else None."""
    isatty = getattr(stream, "isatty", None)
    if not (isatty and isatty()) or os.environ.get("TERM") == "dumb":
        return None
    return Bar(stream)


def size_of(stream) -> int | None:
    """The byte size of a corpus's stream when it is known: a regular file, or bytes in memory."""
    getbuffer = getattr(stream, "getbuffer", None)
    if getbuffer is not None:
        return len(getbuffer())
    try:
        st = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return st.st_size if stat.S_ISREG(st.st_mode) and st.st_size else None


# tqdm's own layout; the postfix is "N records, R records/s" (files: "N files, R files/s").
SIZED = "{desc}{percentage:3.0f}%|{bar}| [{elapsed}<{remaining}{postfix}]"
UNSIZED = "{desc}[{elapsed}{postfix}]"


class Bar:
    def __init__(self, stream):
        from tqdm import tqdm  # only here: a run without a terminal never imports it

        self._tqdm_class = tqdm
        self.stream = stream
        self.records = self.files = 0
        self._start = time.monotonic()
        self._corpus = None  # the byte stream of the corpus being read
        try:  # a terminal that tells no width (0 columns) gets 80
            known = os.get_terminal_size(stream.fileno()).columns > 0
        except (OSError, ValueError, AttributeError):
            known = False
        self._bar = tqdm(file=stream, leave=False, mininterval=0.1, bar_format=UNSIZED,
                         **({"dynamic_ncols": True} if known else {"ncols": 80}))

    def opened(self, stream) -> None:
        """A corpus's byte stream is about to be read (records.units calls this)."""
        self._corpus, size = stream, size_of(stream)
        name = getattr(stream, "name", None)
        self._bar.set_description_str(f"{os.path.basename(name)}: " if isinstance(name, str) else "", refresh=False)
        self._bar.bar_format = SIZED if size is not None else UNSIZED
        self._bar.reset(total=size)

    def advance(self, result) -> None:
        """One file or record done (Linter.lint_paths calls this with each result)."""
        elapsed = max(time.monotonic() - self._start, 1e-9)
        if result.record is None:
            self.files += 1
            done, noun = self.files, "file"
        else:
            self.records += 1
            done, noun = self.records, "record"
        self._bar.set_postfix_str(f"{done:,} {noun}{'s' if done != 1 else ''}, {done / elapsed:,.0f} {noun}s/s", refresh=False)
        if result.record is not None and self._corpus is not None and self._bar.total:
            try:  # the bar counts bytes: how far into the corpus file the reading is
                self._bar.update(max(self._corpus.tell() - self._bar.n, 0))
            except (OSError, ValueError):
                pass
        else:
            self._bar.update(1)

    @contextmanager
    def aside(self):
        """Write something else on the terminal: the bar is cleared first and drawn again after."""
        with self._tqdm_class.external_write_mode(file=self.stream):
            yield

    def close(self) -> None:
        self._bar.refresh()  # the last state, whatever the time since the last drawing
        self._bar.close()  # leave=False: the bar's line is cleared


def quietly(bar: Bar | None, write):
    """``write`` with the bar stepping aside while it writes (as it is, without a bar)."""
    if bar is None:
        return write

    def written(*args, **kwargs):
        with bar.aside():
            return write(*args, **kwargs)

    return written
