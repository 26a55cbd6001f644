"""`-j N`: files linted in N processes give the same output, in the same order, as one process.

The corpus: 30 articles written for these tests with findings of several rules (and some clean),
a folder whose configuration adds a house rule pack, an undecodable file, a missing path and an
empty folder."""
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import Run, rule_file, run_subprocess

HEAD = "Jakarta, Selasa (12/11/2024)\n\nBerita Nomor {n}\n\n"
PARTS = [
    "Menteri luar negeri kedua negara menekan perjanjian itu di Jakarta.\n\n",  # Indonesian.Meneken
    "Baca Juga: Harga Beras Naik Lagi\n\n",  # Indonesian.BacaJuga
    "Rapat digelar di di gedung parlemen pada pagi hari.\n\n",  # Indonesian.DoubledWord
    "Kata Presiden Korea Utara Kim Jong Un singkat.\n\n",  # Indonesian.TitleOfOffice
    "Advertisement\n\n",  # Indonesian.Advertisement
]
CLEAN = "Para analis menilai kesepakatan tersebut memperkuat posisi kedua negara di kawasan.\n"
RULES = {"Indonesian.Meneken", "Indonesian.BacaJuga", "Indonesian.DoubledWord", "Indonesian.TitleOfOffice", "Indonesian.Advertisement"}


def article(n: int) -> str:
    """Article n has the problems whose bits are set in n % 32 (so some have none)."""
    return HEAD.format(n=n) + "".join(p for bit, p in enumerate(PARTS) if (n % 32) >> bit & 1) + CLEAN


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("parallel")
    berita = root / "berita"
    for n in range(24):
        (berita / f"{n:02d}.txt").parent.mkdir(parents=True, exist_ok=True)
        (berita / f"{n:02d}.txt").write_text(article(n), encoding="utf-8")
    # A folder with its own configuration: a house pack from a rule folder, and a per-file ignore.
    lokal = berita / "lokal"
    lokal.mkdir()
    rule_file(root / "gaya", "Redaksi", "Korut", "extends: existence\ncategory: consistency\nmessage: \"Write 'Korea Utara', not '%s'.\"\ntokens: [Korut]\n")
    (lokal / ".newslint.yaml").write_text("rule-paths: [../../gaya]\nper-file-ignores:\n  '27.txt': [boilerplate]\n", encoding="utf-8")
    for n in range(24, 30):
        (lokal / f"{n}.txt").write_text(article(n) + "Pemimpin Korut itu tiba di Moskwa.\n", encoding="utf-8")
    (berita / "rusak.txt").write_bytes("Harga naik 10\u00a0persen.\n".encode("latin-1"))  # not UTF-8
    (root / "kosong").mkdir()
    return root


def paths(corpus):
    # Input order: a missing path and an empty folder between the folders; one file named again.
    return [corpus / "berita", corpus / "hilang.txt", corpus / "kosong", corpus / "berita" / "03.txt"]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_output_is_the_same_with_one_two_and_three_processes(newslint, corpus, fmt):
    runs = {j: newslint("-j", j, "--format", fmt, *paths(corpus), cwd=corpus) for j in (1, 2, 3)}
    one = runs[1]
    assert one.code == 2  # errors win over findings
    assert one.err.splitlines() == [
        f"newslint: error: {corpus / 'berita' / 'rusak.txt'}: not UTF-8: byte 0xa0 at offset 13 (line 1, column 14) cannot be decoded (replaced by U+FFFD; the rest is linted)",
        f"newslint: error: {corpus / 'hilang.txt'}: no such file or directory",
        f"newslint: error: {corpus / 'kosong'}: no articles found (looked for .htm, .html, .markdown, .md, .text, .txt files)",
    ]
    for j in (2, 3):
        assert (runs[j].code, runs[j].out, runs[j].err) == (one.code, one.out, one.err), f"-j {j}"
    if fmt == "text":
        assert one.out.splitlines()[-2].endswith(" of 32 files. 3 errors reported above.")  # rusak.txt is linted too
        assert one.out.splitlines()[-1].endswith(" fixable with the --fix option.")
        return
    findings = one.findings
    assert {f["rule"] for f in findings} >= RULES | {"Redaksi.Korut"}
    # In input order: the folder's files sorted (subfolder after its parent's files), then 03 again.
    shown = [os.path.relpath(f["path"], corpus) for f in findings]
    runs_of_files = [p for i, p in enumerate(shown) if i == 0 or shown[i - 1] != p]
    assert runs_of_files == [os.path.join("berita", f"{n:02d}.txt") for n in range(1, 24)] + [
        os.path.join("berita", "lokal", f"{n}.txt") for n in range(24, 30)
    ] + [os.path.join("berita", "03.txt")]
    # The configuration found in the subfolder applies in the workers too.
    korut = {p for p, f in zip(shown, findings) if f["rule"] == "Redaksi.Korut"}
    assert korut == {os.path.join("berita", "lokal", f"{n}.txt") for n in range(24, 30)}
    assert not any(f["category"] == "boilerplate" for f in findings if f["path"].endswith("27.txt"))


def test_lint_paths_returns_what_the_command_line_prints(newslint, corpus):
    from newslint import lint_paths

    cli = newslint("-j", 1, "--format", "json", *paths(corpus), cwd=corpus)
    for jobs in (1, 2):
        report = lint_paths(paths(corpus), jobs=jobs)
        assert [f.to_json() for f in report.findings] == cli.findings
        assert [f"newslint: error: {e}" for e in report.error_list] == cli.err.splitlines()
        assert (report.files, report.exit_code) == (32, cli.code)  # rusak.txt too: its bad byte is read as U+FFFD


def test_a_configuration_error_ends_the_run_at_the_same_file(newslint, write):
    for n in range(20):
        write(f"a/{n:02d}.txt", article(n))
    write("a/z/.newslint.yaml", "select: [NoSuchRule]\n")
    for n in range(20):
        write(f"a/z/{n:02d}.txt", article(n))
    folder = write("a/00.txt", article(0)).parent
    runs = [newslint("-j", j, "--format", "json", folder) for j in (1, 2)]
    assert runs[0].code == 2
    assert runs[0].err.count("\n") == 1 and "unknown rule, pack or category 'NoSuchRule'" in runs[0].err
    assert {os.path.basename(os.path.dirname(f["path"])) for f in runs[0].findings} == {"a"}
    assert (runs[1].code, runs[1].out, runs[1].err) == (runs[0].code, runs[0].out, runs[0].err)


def test_jobs_must_be_a_positive_number(newslint, write):
    path = write("a.txt", CLEAN)
    for bad in ("0", "-1", "dua"):
        run = newslint("-j", bad, path)
        assert run.code == 2 and "not a number of processes" in run.err


# A plugin whose check reports the process that ran it, and one that hangs, to see the workers.
PLUGIN = '''
import os, time
from pathlib import Path

from newslint.checks import Check, Hit
from newslint.hookspecs import hookimpl


class Process(Check):
    def find(self, doc):
        yield Hit(0, 7, (str(os.getpid()),))


class Hang(Check):
    def find(self, doc):
        if "HANG" in doc.text:
            Path(os.environ["HANG_MARK"]).touch()
            time.sleep(60)
        return ()


@hookimpl
def newslint_check_kinds():
    return {"process": Process, "hang": Hang}


@hookimpl
def newslint_rule_dirs():
    return [Path(__file__).parent / "rules"]
'''


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    pkg = site / "newslint_pids"
    (pkg / "rules" / "Pids").mkdir(parents=True)
    (pkg / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    (pkg / "rules" / "Pids" / "Process.yml").write_text("extends: process\ncategory: consistency\nlevel: suggestion\nmessage: \"pid %s\"\n", encoding="utf-8")
    (pkg / "rules" / "Pids" / "Hang.yml").write_text("extends: hang\ncategory: consistency\nmessage: never\n", encoding="utf-8")
    dist = site / "newslint_pids-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: newslint-pids\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[newslint]\npids = newslint_pids\n", encoding="utf-8")
    # Pids.Process reports the process that linted a file: a result served from the results cache
    # would name the process of an earlier run.
    return {
        **os.environ, "NEWSLINT_NO_CACHE": "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")])),
    }


def pids(run: Run) -> list[str]:
    return [f["message"].split()[1] for f in run.findings if f["rule"] == "Pids.Process"]


def test_files_are_linted_in_worker_processes_and_a_short_run_in_one(plugin_env, tmp_path):
    for n in range(32):
        (tmp_path / f"{n:02d}.txt").write_text(article(n), encoding="utf-8")
    many = run_subprocess("-j", "2", "--format", "json", "--select", "Pids.Process", tmp_path, env=plugin_env)
    assert many.code == 0 and len(pids(many)) == 32
    assert len(set(pids(many))) == 2  # two workers, one Linter each
    assert [f["path"] for f in many.findings] == sorted(str(p) for p in tmp_path.iterdir())
    few = run_subprocess("-j", "2", "--format", "json", "--select", "Pids.Process", *sorted(tmp_path.iterdir())[:3], env=plugin_env)
    assert len(set(pids(few))) == 1  # three files are not worth starting workers for


def test_ctrl_c_ends_the_workers_and_exits_130_without_a_traceback(plugin_env, tmp_path):
    for n in range(32):
        (tmp_path / f"{n:02d}.txt").write_text(article(n) + ("HANG\n" if n == 5 else ""), encoding="utf-8")
    mark = tmp_path / "hanging"
    env = {**plugin_env, "HANG_MARK": str(mark)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newslint", "-j", "2", "--select", "Pids.Hang", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
        # A process started in the background by a non-interactive shell (as CI may start the
        # suite) inherits SIGINT ignored; a terminal's newslint has it at its default.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 60
        while not mark.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert mark.exists(), proc.communicate(timeout=5)
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: to every process of the group
        out, err = proc.communicate(timeout=30)  # not the 60 s the hanging check would take
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert (proc.returncode, out, err) == (130, "", "")


def test_an_unusable_cache_is_one_warning_whatever_the_number_of_processes(newslint, tmp_path, monkeypatch):
    for n in range(24):
        (tmp_path / "a" / f"{n:02d}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "a" / f"{n:02d}.txt").write_text(article(n), encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    os.chmod(cache, 0o777)  # others could plant entries: the cache is not used
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    runs = [newslint("-j", j, "--format", "json", tmp_path / "a") for j in (1, 3)]
    assert runs[0].code == 1 and runs[0].findings
    assert runs[0].err.splitlines() == [f"newslint: warning: cache {cache}: other users can write to it (chmod 700 it, or remove it); running without the cache"]
    assert (runs[1].code, runs[1].out, runs[1].err) == (runs[0].code, runs[0].out, runs[0].err)
