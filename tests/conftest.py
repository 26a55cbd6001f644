"""Helpers for the tests. Every article here is written for the tests."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import os
import re
import tempfile

# Compiled-rule caches of the test run go to a folder of their own, not the user's home; the
# subprocesses the tests start inherit this.
os.environ["NEWSLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="newslint-cache-")

from newslint.cli import main  # noqa: E402

# Hypothesis (tests/test_properties.py): "ci", the default, is fixed (derandomized, the same examples
# every run) and small enough for the file to take about a minute; "long" draws fresh examples, many
# more of them, for local runs: HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py.
try:
    from hypothesis import HealthCheck, settings
except ImportError:  # only the property tests need it
    pass
else:
    _slow = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
    settings.register_profile("ci", derandomize=True, max_examples=30, deadline=None, database=None,
                              print_blob=True, suppress_health_check=_slow)
    settings.register_profile("long", max_examples=1000, deadline=None, database=None, print_blob=True,
                              suppress_health_check=_slow)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent


def plain_id(text: str) -> str:
    """A test id of letters, digits and "_" only: ids with line breaks, quotes or brackets cannot
    be passed back to pytest by tools that select tests by id (mutmut does)."""
    return re.sub(r"[^0-9A-Za-z]+", "_", text)[:40].strip("_") or "empty"


def pytest_make_parametrize_id(config, val, argname):
    if isinstance(val, bytes):
        val = val.decode("latin-1")
    return plain_id(val) if isinstance(val, str) else None


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def findings(self) -> list[dict]:
        return json.loads(self.out)


@pytest.fixture
def newslint(capsys, monkeypatch):
    """Run the command line in-process: newslint("--format", "json", path) -> Run."""

    def run(*args, stdin: bytes | None = None, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        if stdin is not None:
            import io

            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse's own usage errors
            code = exc.code
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def run_subprocess(*args, cwd=None, env=None, stdin=None) -> Run:
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=env, input=stdin,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def write(tmp_path):
    """write("name.txt", text) -> Path, creating folders as needed."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return _write


def rule_file(folder: Path, pack: str, name: str, body: str) -> Path:
    path = folder / pack / f"{name}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return path
