"""newslint's caches: compiled rules and the findings of unchanged files, on disk, and the knowledge
tables in memory.

On disk (``cache_dir()``) every entry is authenticated: it starts with an HMAC-SHA256 of its name
and content under a random key kept in the folder (``hmac-key``, mode 0600), so a file that this
user's newslint did not write (planted, altered, truncated) is rejected before anything in it is
read, and a pickle in it never runs. The folder is created 0700 and refused if it belongs to another
user or others can write to it. Any problem (a refused folder, a rejected entry, a full disk) turns
into ONE warning line per run on stderr, and newslint goes on without the cache.

In memory, a table loader decorated with :func:`by_content` is memoised on the content of the files
it reads, never on their names, so an edit between two runs in one process is always seen. Every
file read while rules compile is recorded (:func:`recording`), so the compiled-rule entry can hold
the content hash of each and be trusted only while they are unchanged.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import sys
import tempfile
import time
from contextlib import contextmanager
from functools import wraps
from pathlib import Path

MAGIC = b"newslint-cache-1\n"
KEY_FILE = "hmac-key"
RULES_KEPT = 8  # compiled rule sets: a few projects' rules, or a few versions of one
RESULTS_PER_SHARD = 40  # per-file results, newest first, in 256 folders by key: about 10,000
_TMP = ".tmp-"
_O_SAFE = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def cache_dir() -> Path:
    """NEWSLINT_CACHE_DIR, else $XDG_CACHE_HOME/newslint, else ~/.cache/newslint."""
    if os.environ.get("NEWSLINT_CACHE_DIR"):
        return Path(os.environ["NEWSLINT_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newslint"


def enabled() -> bool:
    return not os.environ.get("NEWSLINT_NO_CACHE")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- what compiling read ---------------------------------------------------------------------------

_recorders: list[dict] = []  # one {path: content hash} per compile in progress


def file_digest(path) -> str | None:
    """The content hash of a regular file, or None if it cannot be read as one."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO or a device would block or never end
            return None
        h = hashlib.sha256()
        while chunk := os.read(fd, 1 << 20):
            h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None
    finally:
        os.close(fd)


def record(path) -> str | None:
    """Note that compiling reads ``path`` (a rule's table, a plugin's data file) and return its
    content hash. A compiled rule set is reused only while every recorded file is unchanged."""
    value = file_digest(path)
    for deps in _recorders:
        deps[str(path)] = value
    return value


@contextmanager
def recording():
    """``with recording() as deps:`` collects {path: content hash} of every file recorded inside."""
    deps: dict[str, str | None] = {}
    _recorders.append(deps)
    try:
        yield deps
    finally:
        _recorders.remove(deps)


def by_content(loader):
    """Memoise a table loader ``loader(*paths)`` on the content of its files (a few entries): one
    process that lints, sees a table edited and lints again loads the new table, and the compiled
    rules it then caches hold what they were built from. Each call records its files."""
    memo: dict = {}

    @wraps(loader)
    def load(*paths):
        hashes = tuple(record(p) if p else "" for p in paths)
        if None in hashes:  # unreadable: the loader names the problem
            return loader(*paths)
        key = (paths, hashes)
        if key not in memo:
            if len(memo) >= 16:
                memo.pop(next(iter(memo)))
            memo[key] = loader(*paths)
        return memo[key]

    return load


# -- the folder and its entries ----------------------------------------------------------------------

def _warn_stderr(message: str) -> None:
    sys.stderr.write(f"newslint: warning: {message}\n")


class Store:
    """One cache folder. ``read``/``write`` authenticated entries by name; every problem is one
    warning per Store (one per run), after which the entry, or the whole cache, is done without."""

    def __init__(self, folder: Path | None = None, warn=_warn_stderr):
        self.folder = Path(folder) if folder is not None else cache_dir()
        self._warn = warn
        self.warned = False
        self._secret: bytes | None = None
        self._usable: bool | None = None  # None: not checked yet

    def warn(self, message: str) -> None:
        if not self.warned:
            self.warned = True
            self._warn(message)

    def off(self, message: str) -> bool:
        self._usable = False
        self.warn(f"cache {self.folder}: {message}; running without the cache")
        return False

    # The folder is checked once, when it is first needed.
    def usable(self) -> bool:
        if self._usable is None:
            try:
                self._usable = self._check_folder()
            except OSError as exc:
                return self.off(exc.strerror or str(exc))
        return self._usable

    def _check_folder(self) -> bool:
        folder = self.folder
        if not folder.exists():
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(folder, 0o700)  # not what the umask left
        st = os.stat(folder)
        if not stat.S_ISDIR(st.st_mode):
            return self.off("not a folder")
        if hasattr(os, "getuid") and st.st_uid != os.getuid():
            return self.off("owned by another user")
        if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return self.off("other users can write to it (chmod 700 it, or remove it)")
        secret = self._load_secret()
        if secret is None:
            return False
        self._secret = secret
        return True

    def _load_secret(self) -> bytes | None:
        path = self.folder / KEY_FILE
        try:
            fd = os.open(path, os.O_RDONLY | _O_SAFE)
        except FileNotFoundError:
            self._create_secret(path)
            fd = os.open(path, os.O_RDONLY | _O_SAFE)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or (hasattr(os, "getuid") and st.st_uid != os.getuid()):
                self.off(f"{KEY_FILE} is not this user's file")
                return None
            if st.st_mode & 0o077:
                self.off(f"{KEY_FILE} can be read by other users")
                return None
            secret = os.read(fd, 64)
        finally:
            os.close(fd)
        if len(secret) != 32:
            self.off(f"{KEY_FILE} is damaged (remove it)")
            return None
        return secret

    def _create_secret(self, path: Path) -> None:
        """32 random bytes, mode 0600, appearing whole (a parallel run reads all or nothing)."""
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=_TMP)  # mkstemp: 0600
        try:
            os.write(fd, os.urandom(32))
            os.close(fd)
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass  # another run made it first: use theirs
        finally:
            os.unlink(tmp)

    def _tag(self, name: str, payload: bytes) -> bytes:
        return hmac.new(self._secret, name.encode() + b"\0" + payload, hashlib.sha256).digest()

    def path(self, name: str) -> Path:
        return self.folder / name

    def read(self, name: str) -> bytes | None:
        """The payload written under ``name`` by this user's newslint, or None (missing: quietly;
        anything else: with the warning)."""
        if not self.usable():
            return None
        path = self.path(name)
        try:
            fd = os.open(path, os.O_RDONLY | _O_SAFE)
        except FileNotFoundError:
            return None
        except OSError as exc:
            self.warn(f"cache entry {path}: {exc.strerror or exc}; ignored")
            return None
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                self.warn(f"cache entry {path} is not a regular file; ignored")
                return None
            with os.fdopen(fd, "rb", closefd=False) as f:
                data = f.read()
        except OSError as exc:
            self.warn(f"cache entry {path}: {exc.strerror or exc}; ignored")
            return None
        finally:
            os.close(fd)
        head = len(MAGIC) + 32
        payload = data[head:]
        if not data.startswith(MAGIC) or not hmac.compare_digest(data[len(MAGIC):head], self._tag(name, payload)):
            self.warn(f"cache entry {path} was not written by newslint for this user (corrupt or planted); ignored")
            return None
        return payload

    def touch(self, name: str) -> None:
        """Mark an entry as used, so pruning keeps it."""
        try:
            os.utime(self.path(name))
        except OSError:
            pass

    def write(self, name: str, payload: bytes) -> None:
        if not self.usable():
            return
        path = self.path(name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=_TMP)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(MAGIC + self._tag(name, payload) + payload)
                os.replace(tmp, path)  # atomic: a parallel run sees the old entry or the new one
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError as exc:
            self.off(f"cannot write: {exc.strerror or exc}")

    def prune(self, sub: str, prefix: str, keep: int) -> None:
        """Keep the ``keep`` newest entries in folder ``sub`` whose names start with ``prefix``;
        drop temporary files left by killed runs and entries of the old, unauthenticated format."""
        if not self.usable():
            return
        try:
            entries = []
            now = time.time()
            with os.scandir(self.folder / sub) as it:
                for e in it:
                    if not e.is_file(follow_symlinks=False):
                        continue
                    mtime = e.stat(follow_symlinks=False).st_mtime
                    if e.name.endswith(".pickle") or (e.name.startswith(_TMP) and now - mtime > 3600):
                        os.unlink(e.path)
                    elif e.name.startswith(prefix) and not e.name.startswith(_TMP) and e.name != KEY_FILE:
                        entries.append((mtime, e.path))
            entries.sort(reverse=True)
            for _, old in entries[keep:]:
                os.unlink(old)
        except OSError:
            pass  # a parallel run pruned the same entries


def open_store(enabled_: bool = True, warn=_warn_stderr) -> Store | None:
    """The cache folder's Store, or None when the cache is off (``--no-cache``, NEWSLINT_NO_CACHE).
    ``warn(message)`` tells its one warning (default: a line on stderr)."""
    return Store(warn=warn) if enabled_ and enabled() else None


# -- findings of unchanged files ------------------------------------------------------------------------

class ResultCache:
    """The findings of a file linted before with the same text, rules and configuration, as JSON.

    ``key = ResultCache.key(...)``, then ``get(key)`` -> list of findings or None, and
    ``put(key, findings)`` after linting. Only results without errors should be put."""

    FOLDER = "results"

    def __init__(self, store: Store):
        self.store = store

    @staticmethod
    def key(*, text: str, path: str, ruleset: str, config, rules=(), meta=None) -> str:
        """From the file's text and shown path, the compiled rule set's key, the effective
        configuration (a dataclass or mapping), the ids of the rules that run on it, the document's
        metadata (publication date, language) and newslint's version."""
        from dataclasses import asdict, is_dataclass

        from newslint import __version__

        parts = {
            "version": __version__,
            "ruleset": ruleset,
            "text": digest(text.encode("utf-8", "surrogatepass")),
            "path": path,
            "config": asdict(config) if is_dataclass(config) else config,
            "rules": sorted(rules),
            "meta": meta or {},
        }
        # Typed, so that a date and the string of that date are different keys.
        blob = json.dumps(parts, sort_keys=True, default=lambda o: f"{type(o).__name__}:{o}")
        return digest(blob.encode("utf-8", "surrogatepass"))

    def _name(self, key: str) -> str:
        return f"{self.FOLDER}/{key[:2]}/{key}.json"  # a small folder to prune on each write

    def get(self, key: str):
        from newslint.findings import Finding

        payload = self.store.read(self._name(key))
        if payload is None:
            return None
        try:
            findings = [Finding(**{**d, "suggestions": tuple(d["suggestions"])}) for d in json.loads(payload)]
        except (ValueError, TypeError, KeyError) as exc:  # authentic but from an older layout
            self.store.warn(f"cache entry {self.store.path(self._name(key))} cannot be read ({exc}); ignored")
            return None
        self.store.touch(self._name(key))
        return findings

    def put(self, key: str, findings) -> None:
        from dataclasses import asdict

        payload = json.dumps([asdict(f) for f in findings]).encode()  # ASCII: any string survives
        self.store.write(self._name(key), payload)
        self.store.prune(f"{self.FOLDER}/{key[:2]}", "", RESULTS_PER_SHARD)
