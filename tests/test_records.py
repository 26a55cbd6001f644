"""Corpora as records: .jsonl/.ndjson/.csv files (and .gz), one article per record, read as a
stream. Real files on disk, the real command line; the articles are written for the tests."""
from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from conftest import run_subprocess
from newslint.plugins import load_registry
from newslint.records import parse_date

SIGNED = "Jakarta - Presiden menekan perjanjian itu."  # Indonesian.Meneken at 1:20
WEEKDAY = "Pada Rabu (17/6) lalu, rapat berlangsung di Jakarta."  # a Selasa in June 2025
CLEAN = "Menteri menandatangani perjanjian itu kemarin."


def jsonl(*rows) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def found(run) -> list[tuple]:
    return [(f["path"], f.get("record"), f["line"], f["column"], f["rule"]) for f in run.findings]


def test_each_jsonl_record_is_an_article_with_positions_inside_its_text(newslint, write, tmp_path):
    write("korpus.jsonl", jsonl({"id": "a", "text": CLEAN}, {"id": "b", "text": "Judul\n\n" + SIGNED}))
    run = newslint("--format", "json", "korpus.jsonl", cwd=tmp_path)
    assert run.code == 1
    assert found(run) == [("korpus.jsonl", "b", 3, 20, "Indonesian.Meneken")]
    assert run.findings[0]["match"] == "menekan"


def test_text_output_names_path_and_record_and_counts_records(newslint, write, tmp_path):
    write("korpus.ndjson", jsonl({"id": "a", "text": CLEAN}, {"id": "b", "text": SIGNED}))
    run = newslint("korpus.ndjson", cwd=tmp_path)
    assert run.out.splitlines()[0].startswith("korpus.ndjson#b:1:20: warning Indonesian.Meneken ")
    assert run.out.splitlines()[1] == "Found 1 problem (1 warning) in 1 of 2 records."


def test_the_date_field_gives_each_record_its_publication_date(newslint, write, tmp_path):
    write("korpus.jsonl", jsonl(
        {"id": "juni", "text": WEEKDAY, "terbit": "Senin, 16 Jun 2025 12:40 WIB"},
        {"id": "iso", "text": WEEKDAY, "terbit": "2025-06-16T12:40:00+07:00"},
        {"id": "2026", "text": WEEKDAY, "terbit": "16/6/2026"},  # 17 June 2026 is a Rabu: right
        {"id": "kosong", "text": WEEKDAY, "terbit": ""},  # no date: the check has no year to go on
    ))
    run = newslint("--format", "json", "--date-field", "terbit", "korpus.jsonl", cwd=tmp_path)
    assert (run.code, run.err) == (1, "")
    assert found(run) == [("korpus.jsonl", "juni", 1, 6, "Indonesian.WeekdayMismatch"),
                          ("korpus.jsonl", "iso", 1, 6, "Indonesian.WeekdayMismatch")]


def test_broken_records_are_told_with_line_and_id_and_the_others_are_linted(newslint, write, tmp_path):
    write("korpus.jsonl", "\n".join([
        json.dumps({"id": "satu", "text": SIGNED}),
        "{bukan json",
        json.dumps(["daftar"]),
        json.dumps({"id": "tanpa-teks", "isi": SIGNED}),
        "",
        json.dumps({"id": 7, "text": SIGNED, "terbit": "kemarin sore"}),
        json.dumps({"text": 12}),
        json.dumps({"id": "akhir", "text": SIGNED}),
    ]) + "\n")
    run = newslint("--format", "json", "--date-field", "terbit", "korpus.jsonl", cwd=tmp_path)
    assert run.code == 2
    assert [f[1] for f in found(run)] == ["satu", "akhir"]
    assert run.err.splitlines() == [
        "newslint: error: korpus.jsonl:2: record skipped: not valid JSON (Expecting property name enclosed in double quotes, column 2)",
        "newslint: error: korpus.jsonl:3: record skipped: a JSON list, not an object",
        "newslint: error: korpus.jsonl:4: record tanpa-teks skipped: no text in the field 'text'",
        "newslint: error: korpus.jsonl:6: record 7 skipped: the date 'kemarin sore' in the field 'terbit' does not parse",
        "newslint: error: korpus.jsonl:7: record line 7 skipped: the field 'text' is not text",
    ]


def test_a_record_that_is_not_utf8_is_skipped_alone(newslint, write, tmp_path):
    (tmp_path / "korpus.jsonl").write_bytes(
        json.dumps({"id": "a", "text": SIGNED}).encode() + b"\n" + b'{"id": "b", "text": "\xff"}\n'
        + json.dumps({"id": "c", "text": SIGNED}).encode() + b"\n")
    run = newslint("--format", "json", "korpus.jsonl", cwd=tmp_path)
    assert [f[1] for f in found(run)] == ["a", "c"]
    assert run.err == "newslint: error: korpus.jsonl:2: record skipped: not UTF-8 (byte 0xff at column 22)\n"


def test_gzip_compressed_jsonl_is_read_as_the_plain_file(newslint, write, tmp_path):
    text = jsonl({"id": "a", "text": SIGNED}, {"id": "b", "text": CLEAN})
    write("korpus.jsonl", text)
    (tmp_path / "korpus.jsonl.gz").write_bytes(gzip.compress(text.encode()))
    plain = newslint("--format", "json", "korpus.jsonl", cwd=tmp_path)
    packed = newslint("--format", "json", "korpus.jsonl.gz", cwd=tmp_path)
    assert [{**f, "path": "x"} for f in plain.findings] == [{**f, "path": "x"} for f in packed.findings] != []


def test_a_truncated_gzip_file_is_an_error_after_its_readable_records(newslint, tmp_path):
    whole = gzip.compress(jsonl(*({"id": str(n), "text": SIGNED} for n in range(200))).encode())
    (tmp_path / "korpus.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    run = newslint("--format", "json", "korpus.jsonl.gz", cwd=tmp_path)
    assert run.code == 2
    assert run.err.startswith("newslint: error: korpus.jsonl.gz: cannot read the rest of the file: ")
    assert run.err.count("\n") == 1


def test_csv_with_quoted_line_breaks_and_other_columns(newslint, write, tmp_path):
    write("korpus.csv", (
        "id,judul,text,terbit,media\r\n"
        '1,Satu,"Judul\r\n\r\nJakarta - Presiden menekan perjanjian itu.",2025-06-16,detik\r\n'
        '2,"Dua, ""kutipan""","Pada Rabu (17/6) lalu, rapat berlangsung di Jakarta.",2025-06-16,kompas\r\n'
        "3,Tiga,terlalu,banyak,kolom,di sini\r\n"
    ))
    run = newslint("--format", "json", "--date-field", "terbit", "--title-field", "judul", "korpus.csv", cwd=tmp_path)
    assert run.code == 2
    assert found(run) == [("korpus.csv", "1", 3, 20, "Indonesian.Meneken"), ("korpus.csv", "2", 1, 6, "Indonesian.WeekdayMismatch")]
    # Record 3 starts on line 6: record 1 took lines 2 to 4, record 2 line 5.
    assert run.err == "newslint: error: korpus.csv:6: record skipped: 6 fields where the header has 5\n"


def test_field_names_come_from_the_configuration(newslint, write, tmp_path):
    write(".newslint.yaml", "text-field: isi\nid-field: kode\ndate-field: terbit\n")
    write("korpus.jsonl", jsonl({"kode": "k-1", "isi": WEEKDAY, "terbit": "2025-06-16"}))
    run = newslint("--format", "json", "korpus.jsonl", cwd=tmp_path)
    assert found(run) == [("korpus.jsonl", "k-1", 1, 6, "Indonesian.WeekdayMismatch")]
    # The command line beats the configuration.
    write("lain.jsonl", jsonl({"kode": "k-2", "body": SIGNED}))
    run = newslint("--format", "json", "--text-field", "body", "lain.jsonl", cwd=tmp_path)
    assert found(run) == [("lain.jsonl", "k-2", 1, 20, "Indonesian.Meneken")]


def test_a_bad_field_key_in_the_configuration_is_one_line(newslint, write, tmp_path):
    write(".newslint.yaml", "text-field: [isi]\n")
    write("korpus.jsonl", jsonl({"id": "a", "text": SIGNED}))
    run = newslint("korpus.jsonl", cwd=tmp_path)
    assert run.code == 2
    assert run.err.endswith(".newslint.yaml:1: 'text-field' must be the name of a field\n")


def test_standard_input_with_stdin_format(newslint, tmp_path):
    data = jsonl({"id": "a", "text": CLEAN}, {"id": "b", "text": SIGNED}).encode()
    run = newslint("--format", "json", "--stdin-format", "jsonl", "-", stdin=data, cwd=tmp_path)
    assert found(run) == [("-", "b", 1, 20, "Indonesian.Meneken")]
    csv_data = b'id,text\nc,"' + SIGNED.encode() + b'"\n'
    run = newslint("--format", "json", "--stdin-format", "csv", "--stdin-filename", "masuk.csv", "-", stdin=csv_data, cwd=tmp_path)
    assert found(run) == [("masuk.csv", "c", 1, 20, "Indonesian.Meneken")]


def test_a_folder_walk_reads_articles_not_corpora(newslint, write, tmp_path):
    write("berita/satu.txt", SIGNED + "\n")
    write("berita/data.csv", "id,text\n1,\"" + SIGNED + "\"\n")
    run = newslint("--format", "json", "berita", cwd=tmp_path)
    assert found(run) == [("berita/satu.txt", None, 1, 20, "Indonesian.Meneken")]


def test_parallel_records_give_the_same_output_in_input_order(tmp_path):
    rows = [{"id": f"r{n:03}", "text": (SIGNED if n % 3 == 0 else CLEAN) + f"\n\nParagraf {n}."} for n in range(60)]
    rows.insert(30, {"id": "rusak"})
    (tmp_path / "korpus.jsonl").write_text(jsonl(*rows), encoding="utf-8")
    one = run_subprocess("--format", "jsonl", "-j", "1", "korpus.jsonl", cwd=tmp_path)
    two = run_subprocess("--format", "jsonl", "-j", "2", "korpus.jsonl", cwd=tmp_path)
    assert (one.code, one.out, one.err) == (two.code, two.out, two.err)
    assert [json.loads(line)["record"] for line in one.out.splitlines()] == [f"r{n:03}" for n in range(0, 60, 3)]
    assert one.err == "newslint: error: korpus.jsonl:31: record rusak skipped: no text in the field 'text'\n"


def test_jsonl_output_streams_each_record_and_keeps_no_findings(tmp_path):
    """--format jsonl hands each record's findings to the output as it is linted: the report
    keeps none (a corpus's findings need not fit in memory) but still counts them and fails."""
    from newslint.api import Linter, Overrides

    (tmp_path / "korpus.jsonl").write_text(jsonl(*({"id": str(n), "text": SIGNED} for n in range(5))), encoding="utf-8")
    seen: list = []
    report = Linter(overrides=Overrides(), cache=False).lint_paths(
        [str(tmp_path / "korpus.jsonl")], on_result=lambda result: seen.append([f.record for f in result.findings]),
        keep_findings=False)
    assert seen == [["0"], ["1"], ["2"], ["3"], ["4"]]
    assert (report.findings, report.counted, report.records, report.exit_code) == ([], 5, 5, 1)


def test_records_are_read_lazily_as_they_are_linted(tmp_path):
    """A corpus is a stream: the first record's findings are out before the last record is read."""
    from newslint.api import Linter, Overrides

    class Watched:
        def __init__(self, path):
            self.file, self.lines_read = open(path, "rb"), 0

        def __iter__(self):
            for line in self.file:
                self.lines_read += 1
                yield line

    (tmp_path / "korpus.jsonl").write_text(jsonl(*({"id": str(n), "text": SIGNED} for n in range(50))), encoding="utf-8")
    import newslint.records as records

    watched = []
    real_open = records.open_text

    def open_watched(stream, name):
        watched.append(Watched(stream.name))
        return watched[-1]

    records.open_text = open_watched
    try:
        read_when_first: list = []
        Linter(overrides=Overrides(), cache=False).lint_paths(
            [str(tmp_path / "korpus.jsonl")], jobs=1,
            on_result=lambda result: read_when_first.append(watched[0].lines_read))
    finally:
        records.open_text = real_open
    assert read_when_first[0] == 1 and read_when_first[-1] == 50


@pytest.mark.parametrize("value, expected", [
    ("2025-06-16", dt.date(2025, 6, 16)),
    ("2025-06-16T23:40:00+07:00", dt.date(2025, 6, 16)),
    ("2025-06-16 12:40", dt.date(2025, 6, 16)),
    ("Senin, 16 Jun 2025 12:40 WIB", dt.date(2025, 6, 16)),
    ("16 Juni 2025", dt.date(2025, 6, 16)),
    ("Kamis, 2 Okt 2025", dt.date(2025, 10, 2)),
    ("16/06/2025 12:40", dt.date(2025, 6, 16)),
    ("16-6-2025", dt.date(2025, 6, 16)),
    ("31/6/2025", None),  # no 31 June
    ("2025-13-01", None),
    ("16 Juno 2025", None),  # not a month name
    ("kemarin", None),
    (20250616, None),
    (True, None),
])
def test_publication_dates_as_corpora_store_them(value, expected):
    assert parse_date(value, load_registry().month_names) == expected


def test_records_on_standard_input_are_linted_as_they_arrive(tmp_path):
    """`producer | newslint --stdin-format jsonl --format jsonl -`: a record's findings come out
    while the producer is still writing (standard input is a stream, not read whole first)."""
    import subprocess
    import sys
    import threading

    proc = subprocess.Popen([sys.executable, "-m", "newslint", "--stdin-format", "jsonl", "--format", "jsonl", "-j", "1", "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    timer = threading.Timer(60, proc.kill)  # a run that waits for the end of input fails, it does not hang
    timer.start()
    try:
        proc.stdin.write((json.dumps({"id": "pertama", "text": SIGNED}) + "\n").encode())
        proc.stdin.flush()
        first = json.loads(proc.stdout.readline())  # while standard input is still open
        assert first["record"] == "pertama"
        proc.stdin.write((json.dumps({"id": "kedua", "text": SIGNED}) + "\n").encode())
        proc.stdin.close()
        rest = proc.stdout.read().decode().splitlines()
        assert [json.loads(line)["record"] for line in rest] == ["kedua"]
        assert proc.wait() == 1
    finally:
        timer.cancel()
        proc.kill()
