"""A cache of compiled rules, so that a run does not compile them again.

Compiling ~200 rules' patterns and parsing the knowledge tables takes most of a one-file run;
unpickling the compiled result takes a few milliseconds (the ``regex`` package pickles its
compiled code). The cache is keyed by everything the result depends on: the rule and table
files (path, size, modification time), newslint's own code and the check kinds' code, and the
versions of newslint, ``regex`` and Python. Set NEWSLINT_NO_CACHE=1 to turn it off; any problem reading or
writing it just means compiling as usual.
"""
from __future__ import annotations

import hashlib
import inspect
import os
import pickle
import sys
import tempfile
from pathlib import Path

import regex


def cache_dir() -> Path:
    """NEWSLINT_CACHE_DIR, else $XDG_CACHE_HOME/newslint, else ~/.cache/newslint."""
    if os.environ.get("NEWSLINT_CACHE_DIR"):
        return Path(os.environ["NEWSLINT_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newslint"


def enabled() -> bool:
    return not os.environ.get("NEWSLINT_NO_CACHE")


def fingerprint(rule_dirs, kinds: dict) -> str:
    from newslint import __version__

    h = hashlib.sha256()
    h.update(f"{__version__}|{regex.__version__}|{sys.version}".encode())
    files = []
    for root in rule_dirs:
        root = Path(root)
        if root.is_dir():
            files += [p for p in root.rglob("*") if p.suffix in (".yml", ".yaml")]
    for kind in kinds.values():
        try:
            files.append(Path(inspect.getfile(kind)))
        except (TypeError, OSError):
            pass
    # All of newslint's own code: compiling a rule runs more than its kind (tables, patterns).
    files += list(Path(__file__).parent.rglob("*.py"))
    for path in sorted(set(files)):
        try:
            st = path.stat()
        except OSError:
            continue
        h.update(f"{path}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:32]


def load(key: str):
    try:
        with open(cache_dir() / f"rules-{key}.pickle", "rb") as f:
            return pickle.load(f)
    except Exception:  # missing, stale format, unreadable: compile instead
        return None


def store(key: str, value) -> None:
    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".rules-")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, folder / f"rules-{key}.pickle")  # atomic: parallel runs never see half a file
    except Exception:  # read-only home, unpicklable plugin check: just do without
        pass
