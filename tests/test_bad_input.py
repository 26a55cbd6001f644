"""Bad input gets one clear line, never a traceback, and the other files are still linted."""
import os

import pytest



ARTICLE = "Kedua menteri menekan perjanjian itu.\n"


def lint(newslint, *paths):
    return newslint("--format", "json", "--select", "Indonesian.Meneken", *paths)


def test_not_utf8_names_the_offset_and_the_rest_of_the_file_is_linted(newslint, write):
    bad = write("latin1.txt", "Judul\nKedua menteri menekan perjanjian di caf\xe9 itu.\n".encode("latin-1"))
    good = write("good.txt", ARTICLE)
    run = lint(newslint, bad, good)
    assert run.code == 2
    offset = len("Judul\nKedua menteri menekan perjanjian di caf")
    assert run.err.strip() == (
        f"newslint: error: {bad}: not UTF-8: byte 0xe9 at offset {offset} (line 2, column 40) cannot be decoded "
        "(replaced by U+FFFD; the rest is linted)"
    )
    # The bad file's own finding is still reported, at its place; the byte is read as U+FFFD.
    assert [(f["path"], f["line"], f["column"]) for f in run.findings] == [(str(bad), 2, 15), (str(good), 1, 15)]


def test_binary_file(newslint, write):
    binary = write("foto.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    good = write("good.txt", ARTICLE)
    run = lint(newslint, binary, good)
    assert run.code == 2
    assert run.err.strip() == f"newslint: error: {binary}: binary file (NUL byte at offset 8), not linted"
    assert len(run.findings) == 1


def test_directory_with_no_articles(newslint, write, tmp_path):
    write("kosong/catatan.pdf", b"%PDF-1.4")
    good = write("good.txt", ARTICLE)
    run = lint(newslint, tmp_path / "kosong", good)
    assert run.code == 2
    assert run.err.strip() == f"newslint: error: {tmp_path / 'kosong'}: no articles found (looked for .htm, .html, .markdown, .md, .text, .txt files)"
    assert len(run.findings) == 1


def test_broken_symlink_and_directory_given_as_stdin_name(newslint, write, tmp_path):
    link = tmp_path / "putus.txt"
    os.symlink(tmp_path / "nowhere.txt", link)
    run = lint(newslint, link)
    assert run.code == 2 and run.err.strip() == f"newslint: error: {link}: no such file or directory"


def test_utf8_bom_and_empty_file(newslint, write):
    bom = write("bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())
    empty = write("kosong.txt", b"")
    run = lint(newslint, bom, empty)
    assert run.code == 1
    assert [(f["line"], f["column"], f["match"]) for f in run.findings] == [(1, 15, "menekan")]




def test_broken_symlink_found_in_a_directory(newslint, write, tmp_path):
    write("korpus/b.txt", ARTICLE)
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "korpus" / "a.txt")
    run = lint(newslint, tmp_path / "korpus")
    assert run.code == 2
    assert run.err == f"newslint: error: {tmp_path / 'korpus' / 'a.txt'}: no such file or directory\n"
    assert [f["path"] for f in run.findings] == [str(tmp_path / "korpus" / "b.txt")]


def test_socket_found_in_a_directory_is_skipped_with_one_line(newslint, write, tmp_path, monkeypatch):
    import socket

    write("korpus/b.txt", ARTICLE)
    monkeypatch.chdir(tmp_path / "korpus")  # a socket's path must be short
    sock = socket.socket(socket.AF_UNIX)
    sock.bind("a.txt")
    try:
        run = lint(newslint, tmp_path / "korpus")
    finally:
        sock.close()
    assert run.code == 2
    assert run.err == f"newslint: error: {tmp_path / 'korpus' / 'a.txt'}: a socket, not a regular file: skipped\n"
    assert len(run.findings) == 1


def unreadable(tmp_path):
    """A file this process may not read: a mode-000 file, or for root a write-only sysfs file."""
    if os.geteuid() != 0:
        path = tmp_path / "rahasia.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        path.chmod(0)
        return path
    import glob

    for candidate in sorted(glob.glob("/sys/bus/*/uevent")) + ["/sys/bus/pci/rescan"]:
        try:
            open(candidate, "rb").close()
        except PermissionError:
            link = tmp_path / "rahasia.txt"
            os.symlink(candidate, link)
            return link
        except OSError:
            continue
    pytest.skip("no file here that this user cannot read")


def test_unreadable_file(newslint, write, tmp_path):
    path = unreadable(tmp_path)
    good = write("good.txt", ARTICLE)
    run = lint(newslint, path, good)
    assert run.code == 2
    assert run.err == f"newslint: error: {path}: permission denied\n"
    assert len(run.findings) == 1
