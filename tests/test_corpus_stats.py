"""--statistics per rule, category and source, and the progress bar (issue 12, item 4). A small
corpus written here, its numbers checked exactly; the bar through a real pseudo-terminal."""
from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest

FIXABLE = ("Jakarta - Kesepakatan yang yang diteken hari ini.\n\nBaca Juga: Harga cabai naik lagi\n\n"
           "Para analis menilai pakta itu penting.")  # DoubledWord (garbled), BacaJuga (boilerplate)
CLEAN = "Menteri menandatangani perjanjian itu kemarin."
SIGNED = "Jakarta - Presiden menekan perjanjian itu."  # Meneken (mistranslation)
AD = "Harga yang yang naik.\nAdvertisement"  # DoubledWord, Advertisement (boilerplate)

# Four articles read (the fifth has no text: skipped, not counted), five findings; two outlets
# and one record without an outlet.
ROWS = [
    {"id": "1", "text": FIXABLE, "outlet": "detik"},
    {"id": "2", "text": CLEAN, "outlet": "detik"},
    {"id": "3", "text": SIGNED, "outlet": "kompas"},
    {"id": "4", "text": AD},
    {"id": "5", "outlet": "kompas"},
]


@pytest.fixture
def corpus(write):
    return write("korpus.jsonl", "".join(json.dumps(r) + "\n" for r in ROWS))


def test_text_statistics_per_rule_category_and_source(newslint, corpus, tmp_path):
    run = newslint("--statistics", "--source-field", "outlet", "korpus.jsonl", cwd=tmp_path)
    assert run.code == 2
    assert run.err == "newslint: error: korpus.jsonl:5: record 5 skipped: no text in the field 'text'\n"
    assert run.out == (
        "2  Indonesian.DoubledWord    2 fixable\n"
        "1  Indonesian.Advertisement  1 fixable\n"
        "1  Indonesian.BacaJuga       1 fixable\n"
        "1  Indonesian.Meneken\n"
        "\n"
        "category        articles  with findings  findings  per 100 articles\n"
        "boilerplate            4              2         2              50.0\n"
        "garbled                4              2         2              50.0\n"
        "mistranslation         4              1         1              25.0\n"
        "\n"
        "source  articles  with findings  findings  per 100 articles\n"
        "detik          2              1         2             100.0\n"
        "kompas         1              1         1             100.0\n"
        "(none)         1              1         2             200.0\n"
        "\n"
        "Found 5 problems (5 warnings) in 3 of 4 records. 1 error reported above.\n"
        "[*] 4 fixable with the --fix option.\n"
    )


def test_json_statistics(newslint, corpus, tmp_path):
    run = newslint("--statistics", "--format", "json", "--source-field", "outlet", "korpus.jsonl", cwd=tmp_path)
    rule = lambda r, n, fixable, articles, per_100: {  # noqa: E731
        "rule": r, "count": n, "fixable": fixable, "articles_with_findings": articles, "findings_per_100_articles": per_100}
    row = lambda key, name, articles, with_findings, findings, per_100: {  # noqa: E731
        key: name, "articles": articles, "articles_with_findings": with_findings, "findings": findings,
        "findings_per_100_articles": per_100}
    assert json.loads(run.out) == {
        "articles": 4,
        "rules": [rule("Indonesian.DoubledWord", 2, 2, 2, 50.0), rule("Indonesian.Advertisement", 1, 1, 1, 25.0),
                  rule("Indonesian.BacaJuga", 1, 1, 1, 25.0), rule("Indonesian.Meneken", 1, 0, 1, 25.0)],
        "categories": [row("category", "boilerplate", 4, 2, 2, 50.0), row("category", "garbled", 4, 2, 2, 50.0),
                       row("category", "mistranslation", 4, 1, 1, 25.0)],
        "sources": [row("source", "detik", 2, 1, 2, 100.0), row("source", "kompas", 1, 1, 1, 100.0),
                    row("source", None, 1, 1, 2, 200.0)],
    }


def test_per_100_is_rounded_and_an_article_counts_once_per_category(newslint, write, tmp_path):
    rows = [{"id": str(n), "text": AD if n == 0 else CLEAN, "outlet": "x"} for n in range(3)]
    write("korpus.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    data = json.loads(newslint("--statistics", "--format", "json", "--source-field", "outlet", "korpus.jsonl", cwd=tmp_path).out)
    assert [(c["category"], c["articles_with_findings"], c["findings_per_100_articles"]) for c in data["categories"]] == [
        ("boilerplate", 1, 33.33), ("garbled", 1, 33.33)]
    assert data["sources"] == [{"source": "x", "articles": 3, "articles_with_findings": 1, "findings": 2, "findings_per_100_articles": 66.67}]


def test_files_have_categories_but_no_source_table(newslint, write, tmp_path):
    write("a.txt", AD + "\n")
    write("b.txt", CLEAN + "\n")
    run = newslint("--statistics", "a.txt", "b.txt", cwd=tmp_path)
    assert run.out == (
        "1  Indonesian.Advertisement  1 fixable\n"
        "1  Indonesian.DoubledWord    1 fixable\n"
        "\n"
        "category     articles  with findings  findings  per 100 articles\n"
        "boilerplate         2              1         1              50.0\n"
        "garbled             2              1         1              50.0\n"
        "\n"
        "Found 2 problems (2 warnings) in 1 of 2 files.\n"
        "[*] 2 fixable with the --fix option.\n"
    )
    data = json.loads(newslint("--statistics", "--format", "json", "a.txt", "b.txt", cwd=tmp_path).out)
    assert data["sources"] == [{"source": None, "articles": 2, "articles_with_findings": 1, "findings": 2, "findings_per_100_articles": 100.0}]


def test_statistics_are_the_same_from_worker_processes(newslint, write, tmp_path):
    rows = [dict(ROWS[n % 4], id=str(n)) for n in range(60)]
    write("korpus.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    one = newslint("--statistics", "-j", "1", "--source-field", "outlet", "korpus.jsonl", cwd=tmp_path)
    two = newslint("--statistics", "-j", "2", "--source-field", "outlet", "korpus.jsonl", cwd=tmp_path)
    assert one.out == two.out
    assert "detik         30             15        30             100.0\n" in one.out


# -- the progress bar --------------------------------------------------------------------------------
def big_corpus(folder, n=400):
    rows = [{"id": f"r{i}", "text": f"Berita {i}. " + (AD if i % 2 else CLEAN)} for i in range(n)]
    path = folder / "besar.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def on_a_terminal(args, cwd) -> tuple[int, str]:
    """Run newslint with standard error on a pseudo-terminal of 120 columns (standard output to a
    pipe); returns the status and what the terminal received."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 120, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("TERM", "NO_COLOR")}
    proc = subprocess.Popen([sys.executable, "-m", "newslint", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave, env={**env, "TERM": "xterm"})
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(timeout=120), out.decode("utf-8", errors="replace")


def test_a_progress_bar_on_a_terminal(tmp_path):
    big_corpus(tmp_path)
    code, shown = on_a_terminal(["-j", "1", "--format", "jsonl", "besar.jsonl"], tmp_path)
    assert code == 1
    frames = [f for f in shown.split("\r") if f.strip()]
    assert any(f.startswith("besar.jsonl: ") and "%|" in f and "records/s]" in f for f in frames), frames[:5]
    last = [f for f in frames if "records/s" in f][-1]
    assert "100%|" in last and ", 400 records, " in last  # the ETA is computed from the bytes read
    assert "<00:00," in last
    assert shown.rsplit("records/s]", 1)[1].strip("\r ") == "" and shown.endswith(" \r")  # cleared at the end


def test_errors_on_a_terminal_are_written_above_the_bar(tmp_path):
    path = big_corpus(tmp_path, 60)
    path.write_text(path.read_text() + "{rusak\n")
    code, shown = on_a_terminal(["-j", "1", "besar.jsonl"], tmp_path)
    assert code == 2
    line = "newslint: error: besar.jsonl:61: record skipped: not valid JSON (Expecting property name enclosed in double quotes, column 2)"
    (where,) = [part for part in shown.split("\n") if line in part]
    assert where.rstrip("\r").split("\r")[-1] == line  # the bar was cleared first: not written after it


def test_nothing_but_the_report_on_a_pipe(tmp_path):
    big_corpus(tmp_path, 50)
    proc = subprocess.run([sys.executable, "-m", "newslint", "-j", "1", "besar.jsonl"], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ, "TERM": "xterm"})
    assert proc.returncode == 1
    assert proc.stderr == ""
    assert "\r" not in proc.stdout and "records/s" not in proc.stdout


def test_tqdm_is_imported_only_for_a_bar(tmp_path):
    big_corpus(tmp_path, 5)
    code = ("import sys; from newslint.cli import main; main(['-j', '1', 'besar.jsonl']); "
            "sys.stderr.write('tqdm' + str('tqdm' in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert proc.stderr == "tqdmFalse"
