"""Line ends and encodings (issue 14, item 2): CR, LF and CRLF are line ends everywhere, positions are
what an editor shows, a match never holds a line end, fixes keep the file's line ends; UTF-16 with a
byte-order mark is read; bytes that are not UTF-8 are told and the rest of the file is linted, and
such a file is never written back. Real files on disk, the real command line."""
from __future__ import annotations

import json

import pytest

from newslint.document import Document

SIGNED = "Presiden menekan perjanjian itu."  # Indonesian.Meneken at column 10
READ_ALSO = "Baca Juga: Harga cabai naik"  # Indonesian.BacaJuga, a safe fix that deletes the line


def findings(run) -> list[tuple]:
    return [(f["line"], f["column"], f["end_column"], f["rule"], f["match"]) for f in json.loads(run.out)]


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_every_line_end_gives_the_same_positions_and_matches(newslint, write, tmp_path, eol):
    write("berita.txt", eol.join([SIGNED, READ_ALSO, "Menteri menekan perjanjian."]) + eol)
    run = newslint("--format", "json", "--select", "Indonesian.Meneken,Indonesian.BacaJuga", "berita.txt", cwd=tmp_path)
    assert findings(run) == [
        (1, 10, 17, "Indonesian.Meneken", "menekan"),
        (2, 1, 28, "Indonesian.BacaJuga", READ_ALSO),  # no "\r" in the match
        (3, 9, 16, "Indonesian.Meneken", "menekan"),
    ]


@pytest.mark.parametrize("eol", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_a_fix_that_deletes_a_line_keeps_the_other_line_ends(newslint, write, tmp_path, eol):
    path = write("berita.txt", eol.join([SIGNED, READ_ALSO, "Menteri tiba."]) + eol)
    newslint("--fix", "--select", "Indonesian.BacaJuga", "berita.txt", cwd=tmp_path)
    assert path.read_bytes() == eol.join([SIGNED, "Menteri tiba."]).encode() + eol.encode()


def test_a_lone_cr_ends_a_line_for_the_document():
    doc = Document("x", "satu\rdua\r\ntiga\nempat")
    assert [doc.text[s.start:s.end] for s in doc.lines] == ["satu", "dua", "tiga", "empat"]
    assert doc.position(doc.text.index("tiga")) == (3, 1)
    assert doc.norm == "satu\ndua \ntiga\nempat"  # same length: offsets still point into the text


def test_show_source_of_a_cr_file_shows_the_line(newslint, write, tmp_path):
    write("berita.txt", f"Judul\r{SIGNED}\r")
    run = newslint("--show-source", "--select", "Indonesian.Meneken", "berita.txt", cwd=tmp_path)
    assert "2 | Presiden menekan perjanjian itu.\n  |          ^^^^^^^\n" in run.out


def test_utf16_with_a_byte_order_mark_is_read_and_not_written_back(newslint, write, tmp_path):
    data = (SIGNED + "\n" + READ_ALSO + "\n").encode("utf-16")  # with its BOM
    path = write("berita.txt", data)
    run = newslint("--format", "json", "--select", "Indonesian.Meneken", "berita.txt", cwd=tmp_path)
    assert (run.code, findings(run)) == (1, [(1, 10, 17, "Indonesian.Meneken", "menekan")])
    fixed = newslint("--fix", "--select", "Indonesian.BacaJuga", "berita.txt", cwd=tmp_path)
    assert fixed.code == 2
    assert fixed.err == ("newslint: error: berita.txt: a UTF-16 file (newslint writes UTF-8 only)\n"
                         "newslint: error: berita.txt: not fixed: only a file that is all UTF-8 is written back\n")
    assert path.read_bytes() == data


def test_bytes_that_are_not_utf8_are_told_and_the_file_is_linted_but_not_fixed(newslint, write, tmp_path):
    data = f"{SIGNED}\nDi kaf\xe9 itu.\n{READ_ALSO}\n".encode("latin-1")
    path = write("berita.txt", data)
    run = newslint("--format", "json", "--select", "Indonesian.Meneken,Indonesian.BacaJuga", "berita.txt", cwd=tmp_path)
    assert run.code == 2
    assert run.err == ("newslint: error: berita.txt: not UTF-8: byte 0xe9 at offset 39 (line 2, column 7) cannot be "
                       "decoded (replaced by U+FFFD; the rest is linted)\n")
    assert [f[3] for f in findings(run)] == ["Indonesian.Meneken", "Indonesian.BacaJuga"]
    fixed = newslint("--fix", "berita.txt", cwd=tmp_path)
    assert "not fixed: only a file that is all UTF-8 is written back" in fixed.err
    assert path.read_bytes() == data  # the replacement character is never written back


def test_a_zero_width_space_does_not_hide_an_error_and_is_reported_itself(newslint, write, tmp_path):
    write("berita.txt", "Negara-negara Benggala\u200bBarat menolak usul itu.\nHarga pangan\u200b naik lagi.\n")
    run = newslint("--format", "json", "--select", "Indonesian.BenggalaBarat,Indonesian.InvisibleCharacter",
                   "berita.txt", cwd=tmp_path)
    assert findings(run) == [
        (1, 15, 29, "Indonesian.BenggalaBarat", "Benggala\u200bBarat"),  # the columns of the file's text
        (1, 23, 24, "Indonesian.InvisibleCharacter", "\u200b"),
        (2, 13, 14, "Indonesian.InvisibleCharacter", "\u200b"),
    ]


def test_fix_removes_invisible_characters_and_keeps_an_emoji_sequence(newslint, write, tmp_path):
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    path = write("berita.txt", f"Pemerin\u00adtah menaikkan harga.\nWarga mengunggah {family} di akun\u2060nya.\n")
    newslint("--fix", "--select", "Indonesian.InvisibleCharacter", "berita.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == f"Pemerintah menaikkan harga.\nWarga mengunggah {family} di akunnya.\n"
