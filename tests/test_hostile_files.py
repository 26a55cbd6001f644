"""Files that are not articles: FIFOs, devices, links in loops, huge files, folders that cannot be
read. Real files on disk and a real subprocess with a time limit, so that a hang fails the test
instead of blocking the suite."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "Presiden menekan perjanjian itu kemarin.\n"  # Indonesian.Meneken at 1:10
LIMIT = 60  # seconds: far more than a run on these few files takes


def run(*args, cwd: Path, env: dict | None = None, user: int | None = None, limit: int = LIMIT) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "newslint", "--no-cache", *map(str, args)]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=limit,
                          env={**os.environ, **(env or {})})


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "korpus").mkdir()
    (tmp_path / "korpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_a_fifo_in_a_folder_is_told_and_the_other_files_are_linted(folder):
    os.mkfifo(folder / "korpus" / "b.txt")  # no writer: reading it would block for ever
    proc = run("korpus", cwd=folder)
    assert proc.returncode == 2
    assert proc.stderr == "newslint: error: korpus/b.txt: a FIFO, not a regular file: skipped\n"
    assert proc.stdout.startswith("korpus/a.txt:1:10: warning Indonesian.Meneken ")


def test_a_fifo_named_directly_is_told_too(folder):
    os.mkfifo(folder / "pipa.txt")
    proc = run("pipa.txt", "korpus/a.txt", cwd=folder)
    assert proc.returncode == 2
    assert proc.stderr == "newslint: error: pipa.txt: a FIFO, not a regular file: skipped\n"
    assert "korpus/a.txt:1:10:" in proc.stdout


def test_a_link_to_an_endless_device_is_not_read(folder):
    os.symlink("/dev/zero", folder / "korpus" / "nol.txt")
    proc = run("korpus", cwd=folder)
    assert proc.returncode == 2
    assert proc.stderr == "newslint: error: korpus/nol.txt: a character device, not a regular file: skipped\n"
    assert "korpus/a.txt:1:10:" in proc.stdout


def test_a_symbolic_link_loop_is_named_as_one(folder):
    os.symlink("putaran2.txt", folder / "putaran1.txt")
    os.symlink("putaran1.txt", folder / "putaran2.txt")
    proc = run("putaran1.txt", "korpus/a.txt", cwd=folder)
    assert proc.stderr == "newslint: error: putaran1.txt: a symbolic link loop (the link leads back to itself)\n"
    assert proc.returncode == 2


def test_a_folder_linked_into_itself_is_walked_once(folder):
    os.symlink("..", folder / "korpus" / "atas")  # followed, a walk would never end
    proc = run("korpus", cwd=folder)
    assert (proc.returncode, proc.stderr) == (1, "")
    assert proc.stdout.count("Indonesian.Meneken") == 1


def test_a_file_over_the_size_limit_is_not_read(folder):
    (folder / "korpus" / "besar.txt").write_text(ARTICLE * 100, encoding="utf-8")
    proc = run("korpus", cwd=folder, env={"NEWSLINT_MAX_FILE_SIZE": "1000"})
    assert proc.returncode == 2
    assert proc.stderr == ("newslint: error: korpus/besar.txt: 4,100 bytes, over the 1,000-byte limit for an "
                           "article (NEWSLINT_MAX_FILE_SIZE changes it): skipped\n")
    assert "korpus/a.txt:1:10:" in proc.stdout


def test_an_unreadable_sub_folder_is_told_and_the_rest_is_linted(tmp_path):
    """As root, run as another user (root reads every folder), so that the folder's mode binds. pytest's own
    folder is closed to others, so the configuration search above the project meets folders it may
    not look into: they hold no configuration, as for git and ruff."""
    top = tmp_path / "proyek"
    (top / "korpus" / "rahasia").mkdir(parents=True)
    (top / "korpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (top / "korpus" / "rahasia" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    root = os.geteuid() == 0
    if root:
        for path in [top, *top.rglob("*")]:
            os.chown(path, 65534, 65534)
    (top / "korpus" / "rahasia").chmod(0)
    try:
        proc = run("korpus", cwd=top, user=65534 if root else None)
    finally:
        (top / "korpus" / "rahasia").chmod(0o755)
    assert proc.stderr == ("newslint: error: korpus/rahasia: cannot read this folder (Permission denied): "
                           "its files are not linted\n")
    assert proc.returncode == 2
    assert "korpus/a.txt:1:10:" in proc.stdout


@pytest.mark.parametrize("name", ["berita.md", "berita.txt"])
def test_an_impossible_date_in_front_matter_names_file_line_and_key(folder, name):
    (folder / name).write_text("---\ntitle: Uji\ndate: 2025-06-31\n---\n" + ARTICLE, encoding="utf-8")
    proc = run(name, "korpus/a.txt", cwd=folder)
    assert proc.stderr == (f"newslint: error: {name}:3: front matter: 'date' is a date that does not exist "
                           "(day is out of range for month)\n")
    assert proc.returncode == 2
    assert "korpus/a.txt:1:10:" in proc.stdout  # the other file is still linted


@pytest.mark.parametrize("select", ["", " , "])
def test_an_empty_select_is_a_usage_error_not_a_clean_run(folder, select):
    proc = run("--select", select, "korpus/a.txt", cwd=folder)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "newslint: error: --select names no rule, pack or category (leave it out to use every rule)\n"


def test_an_empty_select_in_the_configuration_names_file_and_line(folder):
    (folder / "korpus" / ".newslint.yaml").write_text("language: id\nselect: []\n", encoding="utf-8")
    proc = run("korpus/a.txt", cwd=folder)
    assert proc.returncode == 2
    assert proc.stderr.endswith("korpus/.newslint.yaml:2: 'select' names no rule, pack or category "
                                "(leave it out to use every rule)\n")


def test_a_two_megabyte_line_of_quotes_and_acronym_glosses_finishes(folder):
    """The language checks were quadratic in a line's length (a 0.5 MB line took 46 s of CPU, a 2 MB
    one would take a quarter of an hour; now seconds); the time limit only makes a hang fail the
    test, it measures nothing (see benchmarks/ for speed)."""
    piece = ('"The quick brown fox said hello to everyone" kata dia, (WHO) Organisasi Kesehatan Dunia '
             "(World Health Organization) menekan perjanjian itu. ")
    copies = 2_000_000 // len(piece)
    (folder / "panjang.txt").write_text(piece * copies + "\n", encoding="utf-8")
    proc = run("--select", "Indonesian", "--format", "json", "panjang.txt", cwd=folder, limit=300)  # raises past it
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.count('"rule": "Indonesian.Meneken"') == copies


def test_text_findings_are_written_as_each_input_is_linted(folder):
    """A run killed midway has printed everything finished so far: the text format writes each
    file's (or record's) findings when it is linted, the summary at the end. Records on standard
    input show it: the first record's finding is out while the input is still open."""
    import json
    import threading

    proc = subprocess.Popen([sys.executable, "-m", "newslint", "--no-cache", "--stdin-format", "jsonl", "-j", "1", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=folder)
    timer = threading.Timer(LIMIT, proc.kill)  # waiting for the end of input fails the test, not hangs it
    timer.start()
    try:
        proc.stdin.write((json.dumps({"id": "a", "text": ARTICLE}) + "\n").encode())
        proc.stdin.flush()
        assert proc.stdout.readline().decode().startswith("-#a:1:10: warning Indonesian.Meneken ")
        proc.kill()  # killed midway: what was printed stays printed
    finally:
        timer.cancel()
        proc.kill()
        proc.wait()


def test_streamed_text_output_is_the_same_as_before_with_show_source(folder):
    (folder / "korpus" / "b.txt").write_text("Judul\r\n" + ARTICLE.replace("\n", "\r\n"), encoding="utf-8")
    proc = run("--show-source", "korpus", cwd=folder)
    assert proc.stdout == (
        "korpus/a.txt:1:10: warning Indonesian.Meneken " + MENEKEN + "\n"
        "1 | Presiden menekan perjanjian itu kemarin.\n"
        "  |          ^^^^^^^\n\n"
        "korpus/b.txt:2:10: warning Indonesian.Meneken " + MENEKEN + "\n"
        "2 | Presiden menekan perjanjian itu kemarin.\n"
        "  |          ^^^^^^^\n\n"
        "Found 2 problems (2 warnings) in 2 of 2 files.\n"
    )


MENEKEN = ("Write meneken or menandatangani: 'menekan' means 'to press', but an agreement, a decree or a law "
           "is signed (English 'sign').")


@pytest.mark.parametrize("config, key", [
    ('rule-paths: ["aturan\\0lain"]\n', "rule-paths"),
    ('per-file-ignores: {"arsip/\\0*": [garbled]}\n', "per-file-ignores"),
    ('exclude: ["draf\\0"]\n', "exclude"),
])
def test_a_nul_character_in_the_configuration_is_one_line(folder, config, key):
    (folder / "korpus" / ".newslint.yaml").write_text(config, encoding="utf-8")
    (folder / "lain.txt").write_text(ARTICLE, encoding="utf-8")
    proc = run("korpus/a.txt", "lain.txt", cwd=folder)
    assert proc.returncode == 2
    assert proc.stderr.endswith(f"korpus/.newslint.yaml:1: '{key}' holds a NUL character (\\0)\n")
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    assert "lain.txt:1:10:" in proc.stdout  # the file another configuration governs is linted


def test_a_tool_key_that_is_not_a_table_in_pyproject_holds_no_configuration(folder):
    """`tool = "newslint"` is no [tool.newslint] table: the file is someone else's, not an error
    blamed on the article (it was an internal error)."""
    (folder / "korpus" / "pyproject.toml").write_text('tool = "newslint"\n', encoding="utf-8")
    proc = run("korpus/a.txt", cwd=folder)
    assert (proc.returncode, proc.stderr) == (1, "")
    assert proc.stdout.startswith("korpus/a.txt:1:10: warning Indonesian.Meneken ")
