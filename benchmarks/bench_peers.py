"""The peers newslint is compared with, installed on first use.

- textlint 15 + textlint-rule-prh, from npm into benchmarks/peers/node_modules (package.json
  there), with benchmarks/peers/prh.yml as the dictionary;
- proselint, from PyPI into its own venv, benchmarks/peers/.venv (kept out of newslint's venv
  so that its dependencies never change what newslint imports).

A peer that cannot be installed is reported and skipped: ``Peer.problem`` says why.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

PEERS = Path(__file__).resolve().parent / "peers"
PRH_DICTIONARY = PEERS / "prh.yml"


@dataclass
class Peer:
    name: str
    version: str = ""
    problem: str = ""  # "" when the peer is usable
    argv: list[str] = field(default_factory=list)  # the command, paths go at the end

    def command(self, *paths: Path) -> list[str]:
        return self.argv + [str(p) for p in paths]


def _run(cmd: list[str], timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def textlint(workdir: Path, install: bool = True) -> Peer:
    peer = Peer("textlint+prh")
    binary = PEERS / "node_modules" / ".bin" / "textlint"
    try:
        if not binary.exists() and install:
            if not shutil.which("npm"):
                peer.problem = "npm not found (install Node.js 20+)"
                return peer
            print("installing textlint + textlint-rule-prh (npm) ...", file=sys.stderr)
            done = _run(["npm", "install", "--prefix", str(PEERS), "--no-audit", "--no-fund"])
            if done.returncode:
                peer.problem = "npm install failed: " + done.stderr.strip()[-300:]
                return peer
        if not binary.exists():
            peer.problem = f"{binary} missing (run: npm install --prefix {PEERS})"
            return peer
        peer.version = _run([str(binary), "--version"]).stdout.strip()
        rule = json.loads((PEERS / "node_modules/textlint-rule-prh/package.json").read_text())
        peer.version += f", textlint-rule-prh {rule['version']}"
    except (OSError, subprocess.SubprocessError, ValueError) as exc:
        peer.problem = f"{type(exc).__name__}: {exc}"
        return peer
    config = workdir / "textlintrc.json"
    config.write_text(json.dumps({"rules": {"prh": {"rulePaths": [str(PRH_DICTIONARY)]}}}))
    peer.argv = [str(binary), "--config", str(config), "--format", "json"]
    return peer


def proselint(install: bool = True) -> Peer:
    peer = Peer("proselint")
    venv = PEERS / ".venv"
    binary = venv / "bin" / "proselint"
    try:
        if not binary.exists() and install:
            print("installing proselint (pip, into benchmarks/peers/.venv) ...", file=sys.stderr)
            for step in ([sys.executable, "-m", "venv", str(venv)],
                         [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "proselint"]):
                done = _run(step)
                if done.returncode:
                    peer.problem = f"{' '.join(step[:3])} failed: " + done.stderr.strip()[-300:]
                    return peer
        if not binary.exists():
            peer.problem = f"{binary} missing"
            return peer
        peer.version = _run([str(binary), "version"]).stdout.strip() or "?"
    except (OSError, subprocess.SubprocessError) as exc:
        peer.problem = f"{type(exc).__name__}: {exc}"
        return peer
    peer.argv = [str(binary), "check", "--output-format", "compact"]
    return peer
