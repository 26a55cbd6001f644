"""--fix --output and --diff on a corpus (issue 12, item 3): the cleaned copy of a JSON Lines or CSV
corpus, record for record, with only the text field fixed; the input never rewritten. Real files
on disk, written here; the real command line."""
from __future__ import annotations

import csv
import gzip
import io
import json

import pytest

# Safe fixes: the doubled "yang", the 'read also' line, the ad label; "menekan" has no fix.
FIXABLE = ("Jakarta - Kesepakatan yang yang diteken hari ini.\n\nBaca Juga: Harga cabai naik lagi\n\n"
           "Para analis menilai pakta itu penting.")
FIXED = "Jakarta - Kesepakatan yang diteken hari ini.\n\n\nPara analis menilai pakta itu penting."
CLEAN = "Menteri menandatangani perjanjian itu kemarin."
SIGNED = "Jakarta - Presiden menekan perjanjian itu."

# Written by hand: odd spacing, numbers as written (1.50, 1E5), \u escapes, the text field
# anywhere in the object, a broken record and a blank line. Only two text values may change.
CORPUS = (
    '{"id":"a-1",  "text": "Jakarta - Kesepakatan yang yang diteken hari ini.\\n\\nBaca Juga: Harga cabai naik lagi\\n\\n'
    'Para analis menilai pakta itu penting.", "sumber":"detik","angka":1.50,"e":1E5,"tag":["x", "y"]}\n'
    '{"id": "rusak", "text": "Kesepakatan yang yang diteken"\n'
    '\n'
    '{"text": "Menteri menandatangani perjanjian itu kemarin.", "id": "b-2"}\n'
    '{"id": "c-3", "text": "Caf\\u00e9 itu yang yang terkenal.\\nAdvertisement", "sumber": "kompas"}\n'
    '{"sumber": "tempo", "text": "Jakarta - Presiden menekan perjanjian itu."}\n'
)
CLEANED = (
    '{"id":"a-1",  "text": "Jakarta - Kesepakatan yang diteken hari ini.\\n\\n\\nPara analis menilai pakta itu penting.", '
    '"sumber":"detik","angka":1.50,"e":1E5,"tag":["x", "y"]}\n'
    '{"id": "rusak", "text": "Kesepakatan yang yang diteken"\n'
    '\n'
    '{"text": "Menteri menandatangani perjanjian itu kemarin.", "id": "b-2"}\n'
    '{"id": "c-3", "text": "Caf\\u00e9 itu yang terkenal.", "sumber": "kompas"}\n'
    '{"sumber": "tempo", "text": "Jakarta - Presiden menekan perjanjian itu."}\n'
)
BROKEN_ERROR = "newslint: error: korpus.jsonl:2: record skipped: not valid JSON (Expecting ',' delimiter, column 1)"
PER_RULE = ["Fixes per rule:", "2  Indonesian.DoubledWord", "1  Indonesian.Advertisement", "1  Indonesian.BacaJuga"]


def objects(text: str) -> list:
    """Each non-blank line as JSON (a line that is not, as it is)."""
    out = []
    for line in text.splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            out.append(line)
    return out


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "newslint" in p.name)


def test_the_cleaned_jsonl_has_every_record_with_only_the_text_fixed(newslint, write, tmp_path):
    source = write("korpus.jsonl", CORPUS)
    run = newslint("--fix", "--output", "bersih.jsonl", "korpus.jsonl", cwd=tmp_path)
    assert source.read_text(encoding="utf-8") == CORPUS  # the input is never rewritten
    written = (tmp_path / "bersih.jsonl").read_text(encoding="utf-8")
    assert written == CLEANED  # byte for byte: other fields, key order, spacing, numbers, escapes
    before, after = objects(CORPUS), objects(written)
    assert len(before) == len(after) == 6  # the blank line too
    for old, new in zip(before, after):
        if isinstance(old, dict):
            assert list(old) == list(new)
            assert {k: v for k, v in old.items() if k != "text"} == {k: v for k, v in new.items() if k != "text"}
    assert [r["text"] for r in after if isinstance(r, dict)] == [FIXED, CLEAN, "Café itu yang terkenal.", SIGNED]
    assert run.code == 2  # the broken record
    assert run.out == (
        "korpus.jsonl#line 6:1:20: warning Indonesian.Meneken Write meneken or menandatangani: 'menekan' means 'to press', "
        "but an agreement, a decree or a law is signed (English 'sign').\n"
        "Found 1 problem (1 warning) in 1 of 4 records. 1 error reported above.\n"
        "Fixed 4 problems in 2 records.\n"
    )
    assert run.err.splitlines() == [
        BROKEN_ERROR,
        "Wrote 5 records to bersih.jsonl: 2 fixed, 1 that could not be linted copied as it was.",
        *PER_RULE,
    ]
    assert leftovers(tmp_path) == []  # the temporary file was renamed


def test_a_second_fix_of_the_cleaned_corpus_changes_nothing(newslint, write, tmp_path):
    write("korpus.jsonl", CORPUS)
    newslint("--fix", "--output", "bersih.jsonl", "korpus.jsonl", cwd=tmp_path)
    again = newslint("--fix", "--output", "lagi.jsonl", "bersih.jsonl", cwd=tmp_path)
    assert (tmp_path / "lagi.jsonl").read_bytes() == (tmp_path / "bersih.jsonl").read_bytes()
    assert "Fixed" not in again.out and "per rule" not in again.err
    assert "Wrote 5 records to lagi.jsonl: 0 fixed, 1 that could not be linted copied as it was." in again.err


def test_unsafe_fixes_are_applied_only_when_asked(newslint, write, tmp_path):
    write("korpus.jsonl", json.dumps({"id": "u", "text": "Kapal itu melewati pulau pulau kecil."}) + "\n")
    safe = newslint("--fix", "--output", "aman.jsonl", "korpus.jsonl", cwd=tmp_path)
    assert (tmp_path / "aman.jsonl").read_text() == (tmp_path / "korpus.jsonl").read_text()
    assert safe.err == "Wrote 1 record to aman.jsonl: 0 fixed.\n"
    unsafe = newslint("--fix", "--unsafe-fixes", "--output", "semua.jsonl", "korpus.jsonl", cwd=tmp_path)
    assert objects((tmp_path / "semua.jsonl").read_text()) == [{"id": "u", "text": "Kapal itu melewati pulau-pulau kecil."}]
    assert unsafe.err == "Wrote 1 record to semua.jsonl: 1 fixed.\nFixes per rule:\n1  Indonesian.DoubledWord\n"


@pytest.mark.parametrize("source, output", [("korpus.jsonl.gz", "bersih.jsonl.gz"), ("korpus.jsonl", "bersih.jsonl.gz"),
                                            ("korpus.jsonl.gz", "bersih.jsonl")])
def test_gzip_in_and_out(newslint, write, tmp_path, source, output):
    data = CORPUS.encode("utf-8")
    write(source, gzip.compress(data) if source.endswith(".gz") else data)
    run = newslint("--fix", "--output", output, source, cwd=tmp_path)
    assert run.code == 2 and "Fixed 4 problems in 2 records." in run.out
    raw = (tmp_path / output).read_bytes()
    assert raw.startswith(b"\x1f\x8b") == output.endswith(".gz")  # gzip when the name says so
    assert (gzip.decompress(raw) if output.endswith(".gz") else raw) == CLEANED.encode("utf-8")


# A CSV export: a byte-order mark, CRLF line ends, line breaks inside quoted text, quoted and bare
# columns around the text, a row with a field too many, and no line end after the last row.
CSV_IN = (
    '\ufeffid,judul,text,sumber,catatan\r\n'
    '1,"Satu, dua","Jakarta - Kesepakatan yang yang diteken.\r\n\r\nBaca Juga: Harga cabai naik\r\n\r\nPenutup.",detik,"a ""kutip"""\r\n'
    '2,Dua,Menteri menandatangani perjanjian itu.,"kompas",\r\n'
    '3,Tiga,"Kata yang yang rusak",x,y,lebih\r\n'
    '4,"Empat",Harga yang yang naik,"tempo",akhir'  # quotes the csv module would not write
)
CSV_OUT = (
    '\ufeffid,judul,text,sumber,catatan\r\n'
    '1,"Satu, dua","Jakarta - Kesepakatan yang diteken.\r\n\r\n\r\nPenutup.",detik,"a ""kutip"""\r\n'
    '2,Dua,Menteri menandatangani perjanjian itu.,"kompas",\r\n'
    '3,Tiga,"Kata yang yang rusak",x,y,lebih\r\n'
    '4,"Empat",Harga yang naik,"tempo",akhir'
)


def test_the_cleaned_csv_keeps_header_quotes_and_other_columns(newslint, write, tmp_path):
    source = write("korpus.csv", CSV_IN.encode("utf-8"))
    run = newslint("--fix", "--output", "bersih.csv", "korpus.csv", cwd=tmp_path)
    assert source.read_bytes() == CSV_IN.encode("utf-8")
    written = (tmp_path / "bersih.csv").read_bytes()
    assert written == CSV_OUT.encode("utf-8")
    rows = lambda text: list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))  # noqa: E731
    before, after = rows(CSV_IN), rows(CSV_OUT)
    assert [r[:2] + r[3:] for r in before] == [r[:2] + r[3:] for r in after]
    assert [r[2] for r in after[1:]] == ["Jakarta - Kesepakatan yang diteken.\r\n\r\n\r\nPenutup.",
                                         "Menteri menandatangani perjanjian itu.", "Kata yang yang rusak", "Harga yang naik"]
    assert run.code == 2
    assert run.err.splitlines() == [
        "newslint: error: korpus.csv:8: record skipped: 6 fields where the header has 5",
        "Wrote 4 records to bersih.csv: 2 fixed, 1 that could not be linted copied as it was.",
        "Fixes per rule:", "2  Indonesian.DoubledWord", "1  Indonesian.BacaJuga",
    ]
    again = newslint("--fix", "--output", "lagi.csv", "bersih.csv", cwd=tmp_path)
    assert (tmp_path / "lagi.csv").read_bytes() == written and "Fixed" not in again.out


def test_diff_shows_each_changed_record_and_writes_nothing(newslint, write, tmp_path):
    write("korpus.jsonl", CORPUS)
    run = newslint("--diff", "korpus.jsonl", cwd=tmp_path)
    assert run.code == 2  # the broken record; 1 without it
    assert run.out == (
        "--- a/korpus.jsonl#a-1\n+++ b/korpus.jsonl#a-1\n@@ -1,5 +1,4 @@\n"
        "-Jakarta - Kesepakatan yang yang diteken hari ini.\n+Jakarta - Kesepakatan yang diteken hari ini.\n \n"
        "-Baca Juga: Harga cabai naik lagi\n \n Para analis menilai pakta itu penting.\n\\ No newline at end of file\n"
        "--- a/korpus.jsonl#c-3\n+++ b/korpus.jsonl#c-3\n@@ -1,2 +1 @@\n"
        "-Café itu yang yang terkenal.\n-Advertisement\n\\ No newline at end of file\n"
        "+Café itu yang terkenal.\n\\ No newline at end of file\n"
    )
    assert run.err.splitlines() == [BROKEN_ERROR, "Would fix 4 problems in 2 records.", "Fixes it would make per rule:", *PER_RULE[1:]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["korpus.jsonl"]
    clean = write("bersih.jsonl", json.dumps({"id": "x", "text": CLEAN}) + "\n")
    assert newslint("--diff", clean, cwd=tmp_path).code == 0


def test_fix_and_diff_of_files_and_a_corpus_together(newslint, write, tmp_path):
    """--diff streams every diff in input order, the article file's too."""
    write("a.txt", "Harga yang yang naik.\n")
    write("korpus.jsonl", json.dumps({"id": "k", "text": "Harga yang yang turun."}) + "\n")
    write("z.txt", "Kata yang yang lain.\n")
    run = newslint("--diff", "a.txt", "korpus.jsonl", "z.txt", cwd=tmp_path)
    assert [line for line in run.out.splitlines() if line.startswith("---")] == ["--- a/a.txt", "--- a/korpus.jsonl#k", "--- a/z.txt"]
    assert run.err.splitlines()[0] == "Would fix 3 problems in 2 files and 1 record."
    assert run.code == 1


def test_records_from_standard_input(newslint, write, tmp_path):
    run = newslint("--fix", "--output", "bersih.jsonl", "--stdin-format", "jsonl", "--stdin-filename", "korpus.jsonl", "-",
                   stdin=CORPUS.encode("utf-8"), cwd=tmp_path)
    assert (tmp_path / "bersih.jsonl").read_text(encoding="utf-8") == CLEANED
    assert run.err.splitlines()[1] == "Wrote 5 records to bersih.jsonl: 2 fixed, 1 that could not be linted copied as it was."


def test_workers_write_the_same_file_as_one_process(newslint, write, tmp_path, monkeypatch):
    from newslint import parallel

    rows = []
    for n in range(120):  # far more than the 2 x 8 records in flight
        text = [FIXABLE, CLEAN, SIGNED, "Harga yang yang naik.\nAdvertisement"][n % 4]
        rows.append(json.dumps({"n": n, "id": f"r{n}", "text": f"Berita {n}. {text}", "sumber": ["a", "b", "c"][n % 3]}, ensure_ascii=False))
    write("korpus.jsonl", "\n".join(rows) + "\n")
    started = []
    real = parallel.map_in_order
    monkeypatch.setattr(parallel, "map_in_order", lambda *a, **k: (started.append(a[2]), real(*a, **k))[1])
    one = newslint("--fix", "-j", "1", "--output", "satu.jsonl", "korpus.jsonl", cwd=tmp_path)
    assert started == []
    two = newslint("--fix", "-j", "2", "--output", "dua.jsonl", "korpus.jsonl", cwd=tmp_path)
    assert started == [2]  # worker processes did the fixing
    assert (tmp_path / "satu.jsonl").read_bytes() == (tmp_path / "dua.jsonl").read_bytes()
    assert (one.code, one.out, one.err.replace("satu", "X")) == (two.code, two.out, two.err.replace("dua", "X"))
    assert one.err.splitlines() == [
        "Wrote 120 records to satu.jsonl: 60 fixed.",
        "Fixes per rule:", "60  Indonesian.DoubledWord", "30  Indonesian.Advertisement", "30  Indonesian.BacaJuga",
    ]
    ids = [json.loads(line)["id"] for line in (tmp_path / "dua.jsonl").read_text().splitlines()]
    assert ids == [f"r{n}" for n in range(120)]


@pytest.mark.parametrize("args, message", [
    (["--fix", "korpus.jsonl"], "--fix does not rewrite a corpus: give --output FILE for the cleaned copy of korpus.jsonl"),
    (["--fix", "a.txt", "korpus.jsonl"], "--fix does not rewrite a corpus: give --output FILE for the cleaned copy of korpus.jsonl"),
    (["--output", "b.jsonl", "korpus.jsonl"], "--output needs --fix: it is where the cleaned copy of a corpus goes"),
    (["--diff", "--output", "b.jsonl", "korpus.jsonl"], "--output works with --fix only (--diff writes nothing)"),
    (["--fix", "--output", "b.jsonl", "korpus.jsonl", "a.txt"],
     "--output takes one corpus (.jsonl, .ndjson, .csv, gzipped too, or - with --stdin-format) and nothing else"),
    (["--fix", "--output", "b.txt", "a.txt"],
     "--output takes one corpus (.jsonl, .ndjson, .csv, gzipped too, or - with --stdin-format) and nothing else"),
    (["--fix", "--output", "b.csv", "korpus.jsonl"], "--output b.csv is not JSON Lines like the corpus"),
    (["--fix", "--output", "./korpus.jsonl", "korpus.jsonl"], "--output ./korpus.jsonl is the corpus itself: --fix never rewrites a corpus"),
    (["--fix", "--output", "tidak/ada/b.jsonl", "korpus.jsonl"], "tidak/ada/b.jsonl: cannot write: No such file or directory"),
])
def test_usage_errors_are_one_line_and_write_nothing(newslint, write, tmp_path, args, message):
    write("korpus.jsonl", CORPUS)
    write("a.txt", "Harga yang yang naik.\n")
    run = newslint(*args, cwd=tmp_path)
    assert (run.code, run.out, run.err) == (2, "", f"newslint: error: {message}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "korpus.jsonl"]
    assert (tmp_path / "korpus.jsonl").read_text() == CORPUS and (tmp_path / "a.txt").read_text() == "Harga yang yang naik.\n"


def test_a_corpus_that_cannot_be_read_to_its_end_is_not_written(newslint, write, tmp_path):
    whole = gzip.compress(CORPUS.encode("utf-8") * 50)
    write("korpus.jsonl.gz", whole[: len(whole) - 30])
    old = write("bersih.jsonl", "lama\n")
    run = newslint("--fix", "--output", "bersih.jsonl", "korpus.jsonl.gz", cwd=tmp_path)
    assert run.code == 2
    assert run.err.splitlines()[-1] == "newslint: error: bersih.jsonl: not written: korpus.jsonl.gz could not be read to its end"
    assert "Fixed" not in run.out and "per rule" not in run.err  # nothing was fixed after all
    assert old.read_text() == "lama\n"  # the file that was there is as it was
    assert leftovers(tmp_path) == []


def test_an_existing_output_is_replaced_whole_and_keeps_its_permission_bits(newslint, write, tmp_path):
    write("korpus.jsonl", CORPUS)
    old = write("bersih.jsonl", "lama\n" * 1000)
    old.chmod(0o640)
    newslint("--fix", "--output", "bersih.jsonl", "korpus.jsonl", cwd=tmp_path)
    assert old.read_text(encoding="utf-8") == CLEANED
    assert old.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_lint_paths_keeps_one_outcome_per_record_without_a_sink(write, tmp_path, monkeypatch):
    """From Python, without on_fix: each record's outcome is in report.fixes, counted as records."""
    from newslint.api import Linter
    from newslint.fixing import FixMode

    monkeypatch.chdir(tmp_path)
    write("korpus.jsonl", CORPUS)
    report = Linter(fix=FixMode(write=False)).lint_paths(["korpus.jsonl"])
    assert [(o.record, o.fixed, o.rules, o.text is not None) for o in report.fixes] == [
        ("a-1", 2, {"Indonesian.DoubledWord": 1, "Indonesian.BacaJuga": 1}, True),
        ("b-2", 0, {}, False),
        ("c-3", 2, {"Indonesian.DoubledWord": 1, "Indonesian.Advertisement": 1}, True),
        ("line 6", 0, {}, False),
    ]
    assert report.fix_summary()[0] == "Fixed 4 problems in 2 records."


def test_fixes_are_applied_in_passes_until_none_is_left(newslint, write, tmp_path):
    """'yang yang yang': the two overlapping findings are fixed in two passes, as in a file."""
    write("korpus.jsonl", json.dumps({"id": "t", "text": "Harga yang yang yang naik."}) + "\n")
    run = newslint("--fix", "--output", "bersih.jsonl", "korpus.jsonl", cwd=tmp_path)
    assert objects((tmp_path / "bersih.jsonl").read_text()) == [{"id": "t", "text": "Harga yang naik."}]
    assert run.out == "No problems found in 1 record.\nFixed 2 problems in 1 record.\n"
    assert run.err == "Wrote 1 record to bersih.jsonl: 1 fixed.\nFixes per rule:\n2  Indonesian.DoubledWord\n"
