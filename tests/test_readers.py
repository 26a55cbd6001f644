"""What the plain-text reader takes from an article: its front matter (publication date and
language) and its bytes (UTF-8, not binary), as the user sees it in findings and errors."""
import pytest

DATED = "Rapat digelar Rabu (12/11) di Jakarta.\n"  # a weekday mismatch only when the year is 2024
ENGLISH = "Harga beras naik lagi di pasar tradisional pekan ini. The government said it would review the policy next week.\n"


def date_findings(newslint, path):
    run = newslint("--format", "json", "--select", "date", path)
    assert run.err == ""
    return [(f["line"], f["match"]) for f in run.findings]


@pytest.mark.parametrize(
    "front",
    [
        "published: 2024-11-12",
        "date: 2024-11-12 08:30:00",  # a YAML timestamp
        "date: '2024-11-12T08:30:00+07:00'",  # a string: its first ten characters
        "published: 2024-11-12\ndate: 2019-01-01",  # published wins
    ],
)
def test_front_matter_gives_the_publication_date(newslint, write, front):
    path = write("a.md", f"---\n{front}\n---\n{DATED}")
    assert date_findings(newslint, path) == [(front.count("\n") + 4, "Rabu (12/11)")]


@pytest.mark.parametrize(
    "text",
    [
        "---\ndate: segera\n---\n",  # not a date
        "---\ndate: '2024-11-1'\n---\n",
    ],
)
def test_no_publication_date_without_a_good_front_matter_date(newslint, write, text):
    assert date_findings(newslint, write("a.md", text + DATED)) == []


def test_front_matter_never_closed_is_article_text(newslint, write):
    path = write("a.md", "---\ndate: 2024-11-12\nCatatan: Rapat digelar Rabu (12/11) di Jakarta.")
    assert date_findings(newslint, path) == []


def test_a_rule_line_later_in_the_article_does_not_end_the_front_matter_early_or_late(newslint, write):
    path = write("a.md", f"---\ndate: 2024-11-12\n---\n{DATED}\n---\n\nPenutup.\n")
    assert date_findings(newslint, path) == [(4, "Rabu (12/11)")]


@pytest.mark.parametrize("key", ["language", "lang"])
def test_front_matter_gives_the_language(newslint, write, key):
    path = write("a.md", f"---\n{key}: en\n---\n\n{ENGLISH}")
    run = newslint("--format", "json", "--select", "language", path)
    assert (run.code, run.err, run.findings) == (0, "", [])
    assert len(newslint("--format", "json", "--select", "language", write("b.md", f"---\n{key}: id\n---\n\n{ENGLISH}")).findings) == 1


# -- bytes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, line, column",
    [
        (b"\ncaf\xe9\nx\ny\n", 2, 4),  # a line break first; more lines after
        (b"satu\ndua\ncaf\xe9 itu", 3, 4),
        (b"\xef\xbb\xbfsatu\ncaf\xe9\n", 2, 4),  # the offset counts the byte-order mark
    ],
)
def test_not_utf8_names_line_and_column(newslint, write, data, line, column):
    path = write("a.txt", data)
    offset = data.index(b"\xe9")
    run = newslint(path)
    assert run.code == 2
    assert run.err == (f"newslint: error: {path}: not UTF-8: byte 0xe9 at offset {offset} (line {line}, column {column}) "
                       "cannot be decoded (replaced by U+FFFD; the rest is linted)\n")


def test_nul_byte_in_the_first_8_kib_makes_a_binary_file(newslint, write):
    first = write("a.txt", b"\x00Kedua menteri menekan perjanjian itu.\n")
    last = write("b.txt", b"x" * 8191 + b"\x00\n")
    run = newslint(first, last)
    assert run.err.splitlines() == [
        f"newslint: error: {first}: binary file (NUL byte at offset 0), not linted",
        f"newslint: error: {last}: binary file (NUL byte at offset 8191), not linted",
    ]


def test_nul_byte_after_the_first_8_kib_is_text(newslint, write):
    path = write("a.txt", b"Kedua menteri menekan perjanjian itu.\n" + b"x" * (8192 - 38) + b"\x00\n")
    run = newslint("--format", "json", "--select", "Indonesian.Meneken", path)
    assert (run.code, run.err, [f["line"] for f in run.findings]) == (1, "", [1])


def test_closed_standard_input_is_one_error_and_the_other_files_are_linted(newslint, write, monkeypatch):
    import sys

    monkeypatch.setattr(sys, "stdin", None)  # what Python makes of a closed stdin: `newslint - a.txt <&-`
    path = write("a.txt", "Kedua menteri menekan perjanjian itu.\n")
    run = newslint("--format", "json", "--select", "Indonesian.Meneken", "-", path)
    assert run.code == 2
    assert run.err == "newslint: error: -: internal error: AttributeError: 'NoneType' object has no attribute 'buffer'\n"
    assert [(f["path"], f["line"]) for f in run.findings] == [(str(path), 1)]
