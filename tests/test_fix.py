"""--fix, --unsafe-fixes and --diff: what lands on disk (byte for byte), what is printed, the exit
status. Every article here is written for these tests."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import rule_file

# Two safe built-in fixes that delete lines (BacaJuga, Advertisement) and one that drops a word
# (DoubledWord), with a line of its own left alone (trailing blanks and a tab, a no-break space,
# curly quotes, no line end at the end of the file).
KEPT_1 = "Jakarta - Harga beras di pasar induk naik lagi pekan ini.  \t"
KEPT_3 = "Pedagang mengatakan pasokan dari Jawa\u00a0Tengah berkurang \u201csejak Senin\u201d."
KEPT_5 = "Pemerintah berjanji menambah stok, kata Menteri Perdagangan."


def article(eol: str) -> str:
    return eol.join([
        KEPT_1,
        "Baca juga: Harga Cabai Ikut Melonjak",
        KEPT_3.replace("dari", "dari dari"),
        "Advertisement",
        KEPT_5,
    ])


def fixed(eol: str) -> str:
    return eol.join([KEPT_1, KEPT_3, KEPT_5])


# The house's own rules: two safe fixes whose spans overlap ("Mentri Luar" and "Luar Negri"), so
# the second is applied in a second pass; an unsafe one; and one whose fix never stops applying.
MENTERI = """extends: substitution
category: garbled
message: "Write '%s'"
applicability: safe
swap: {Mentri Luar: Menteri Luar}
"""
NEGERI = MENTERI.replace("Mentri Luar: Menteri Luar", "Luar Negri: Luar Negeri")
DINAS = """extends: substitution
category: garbled
level: suggestion
message: "Write '%s'"
swap: {kepala dinas: Kepala Dinas}
"""
ENDLESS = MENTERI.replace("Mentri Luar: Menteri Luar", "kemarin: kemarin dulu")

HOUSE = "Wali kota dan kepala dinas itu bertemu Mentri Luar Negri di Jakarta pada Selasa.\n"


@pytest.fixture
def house(tmp_path):
    """A folder with the house rules and a .newslint.yaml that adds them."""
    for name, body in {"Menteri": MENTERI, "Negeri": NEGERI, "Dinas": DINAS, "Endless": ENDLESS}.items():
        rule_file(tmp_path / "gaya", "Redaksi", name, body)
    (tmp_path / ".newslint.yaml").write_text("rule-paths: [gaya]\n", encoding="utf-8")
    return tmp_path


def test_fix_crlf_file_changes_only_the_fixed_spans(newslint, write, tmp_path):
    path = write("a.txt", article("\r\n").encode("utf-8"))
    run = newslint("--fix", "a.txt", cwd=tmp_path)
    assert path.read_bytes() == fixed("\r\n").encode("utf-8")
    assert (run.code, run.out, run.err) == (0, "No problems found in 1 file.\nFixed 3 problems in 1 file.\n", "")


def test_fix_keeps_a_byte_order_mark_and_mixed_line_ends(newslint, write, tmp_path):
    text = KEPT_1 + "\r\nBaca juga: Harga Cabai Ikut Melonjak\n" + KEPT_3 + "\n"
    path = write("a.txt", b"\xef\xbb\xbf" + text.encode("utf-8"))
    run = newslint("--fix", "a.txt", cwd=tmp_path)
    assert path.read_bytes() == b"\xef\xbb\xbf" + (KEPT_1 + "\r\n" + KEPT_3 + "\n").encode("utf-8")
    assert run.code == 0


def test_fix_without_bom_adds_none(newslint, write, tmp_path):
    path = write("a.txt", article("\n").encode("utf-8"))
    newslint("--fix", "a.txt", cwd=tmp_path)
    assert path.read_bytes() == fixed("\n").encode("utf-8")


@pytest.mark.parametrize("mode", [0o755, 0o640])
def test_fix_keeps_the_permission_bits(newslint, write, tmp_path, mode):
    path = write("a.txt", article("\n"))
    path.chmod(mode)
    newslint("--fix", "a.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == fixed("\n")
    assert stat.S_IMODE(path.stat().st_mode) == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary file left behind


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another user")
def test_fix_by_root_keeps_the_owner(newslint, write, tmp_path):
    path = write("a.txt", article("\n"))
    os.chown(path, 65534, 65534)
    newslint("--fix", "a.txt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == fixed("\n")
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)


def test_second_run_finds_nothing_more_to_fix(newslint, write, tmp_path):
    path = write("a.txt", article("\r\n"))
    newslint("--fix", "a.txt", cwd=tmp_path)
    after = path.read_bytes()
    again = newslint("--fix", "a.txt", cwd=tmp_path)
    assert (again.code, again.out) == (0, "No problems found in 1 file.\n")
    assert path.read_bytes() == after
    assert newslint("--diff", "a.txt", cwd=tmp_path).code == 0


def test_text_output_marks_what_fix_would_fix(newslint, house):
    (house / "a.txt").write_text(HOUSE + "Advertisement\n", encoding="utf-8")
    run = newslint("a.txt", cwd=house)
    assert run.out.splitlines() == [
        "a.txt:1:15: suggestion Redaksi.Dinas Write 'Kepala Dinas'",
        "a.txt:1:40: warning Redaksi.Menteri [*] Write 'Menteri Luar'",
        "a.txt:1:47: warning Redaksi.Negeri [*] Write 'Luar Negeri'",
        "a.txt:2:1: warning Indonesian.Advertisement [*] An ad slot label left by the scraper; remove the line.",
        "Found 4 problems (3 warnings, 1 suggestion) in 1 of 1 file.",
        "[*] 3 fixable with the --fix option (1 hidden fix can be enabled with the --unsafe-fixes option).",
    ]
    assert run.code == 1
    # --unsafe-fixes alone only counts the unsafe fix as fixable; nothing is written.
    unsafe = newslint("--unsafe-fixes", "a.txt", cwd=house)
    assert unsafe.out.splitlines()[0] == "a.txt:1:15: suggestion Redaksi.Dinas [*] Write 'Kepala Dinas'"
    assert unsafe.out.splitlines()[-1] == "[*] 4 fixable with the --fix --unsafe-fixes option."
    assert (house / "a.txt").read_text(encoding="utf-8") == HOUSE + "Advertisement\n"


def test_hidden_fixes_are_counted_in_the_plural(newslint, house):
    (house / "a.txt").write_text("Rombongan kepala dinas tiba, lalu kepala dinas lain menyusul.\n", encoding="utf-8")
    run = newslint("a.txt", cwd=house)
    assert run.out.splitlines()[-1] == "No fixes available (2 hidden fixes can be enabled with the --unsafe-fixes option)."


def test_only_hidden_fixes(newslint, house):
    (house / "a.txt").write_text("Rombongan kepala dinas itu tiba di Jakarta.\n", encoding="utf-8")
    run = newslint("a.txt", cwd=house)
    assert run.out.splitlines()[-1] == "No fixes available (1 hidden fix can be enabled with the --unsafe-fixes option)."
    assert run.code == 0  # a suggestion is below the fail level


def test_overlapping_fixes_are_applied_in_two_passes(newslint, house):
    path = house / "a.txt"
    path.write_text(HOUSE, encoding="utf-8")
    run = newslint("--fix", "a.txt", cwd=house)
    assert path.read_text(encoding="utf-8") == "Wali kota dan kepala dinas itu bertemu Menteri Luar Negeri di Jakarta pada Selasa.\n"
    assert run.out.splitlines() == [
        "a.txt:1:15: suggestion Redaksi.Dinas Write 'Kepala Dinas'",
        "Found 1 problem (1 suggestion) in 1 of 1 file.",
        "Fixed 2 problems in 1 file.",
        "No fixes available (1 hidden fix can be enabled with the --unsafe-fixes option).",
    ]
    assert run.code == 0


def test_unsafe_fixes_with_fix_applies_them(newslint, house):
    path = house / "a.txt"
    path.write_text(HOUSE, encoding="utf-8")
    run = newslint("--fix", "--unsafe-fixes", "a.txt", cwd=house)
    assert path.read_text(encoding="utf-8") == "Wali kota dan Kepala Dinas itu bertemu Menteri Luar Negeri di Jakarta pada Selasa.\n"
    assert (run.code, run.out) == (0, "No problems found in 1 file.\nFixed 3 problems in 1 file.\n")


def test_fix_exit_status_counts_what_remains(newslint, house):
    path = house / "a.txt"
    path.write_text("Menteri itu menekan perjanjian, kata Mentri Luar Negri.\n", encoding="utf-8")
    run = newslint("--fix", "a.txt", cwd=house)
    assert path.read_text(encoding="utf-8") == "Menteri itu menekan perjanjian, kata Menteri Luar Negeri.\n"
    assert run.out.splitlines()[0].startswith("a.txt:1:13: warning Indonesian.Meneken Write meneken")
    assert run.out.splitlines()[1:] == ["Found 1 problem (1 warning) in 1 of 1 file.", "Fixed 2 problems in 1 file."]
    assert run.code == 1  # a warning remains


def test_fixes_that_never_settle_are_reported(newslint, house):
    path = house / "a.txt"
    path.write_text("Ia pulang kemarin.\n", encoding="utf-8")
    run = newslint("--fix", "--select", "Redaksi.Endless", "a.txt", cwd=house)
    assert run.err == (
        "newslint: error: a.txt: fixes did not settle after 10 passes (still fixing: Redaksi.Endless); "
        "the text after the last pass was kept\n"
    )
    assert path.read_text(encoding="utf-8") == "Ia pulang kemarin" + " dulu" * 10 + ".\n"
    assert run.code == 2


def test_diff_prints_the_change_and_writes_nothing(newslint, write, tmp_path):
    before = article("\n") + "\n"
    path = write("a.txt", before)
    run = newslint("--diff", "a.txt", cwd=tmp_path)
    assert run.out == (
        "--- a/a.txt\n"
        "+++ b/a.txt\n"
        "@@ -1,5 +1,3 @@\n"
        f" {KEPT_1}\n"
        "-Baca juga: Harga Cabai Ikut Melonjak\n"
        f"-{KEPT_3.replace('dari', 'dari dari')}\n"
        "-Advertisement\n"
        f"+{KEPT_3}\n"
        f" {KEPT_5}\n"
    )
    assert run.err == "Would fix 3 problems in 1 file.\n"
    assert run.code == 1
    assert path.read_text(encoding="utf-8") == before


def test_diff_of_a_last_line_without_line_end(newslint, write, tmp_path):
    write("a.txt", "Harga naik.\nKata dia dari dari Bogor.")
    run = newslint("--diff", "a.txt", cwd=tmp_path)
    assert run.out == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n Harga naik.\n"
        "-Kata dia dari dari Bogor.\n\\ No newline at end of file\n"
        "+Kata dia dari Bogor.\n\\ No newline at end of file\n"
    )


def test_diff_with_nothing_to_fix_exits_0(newslint, write, tmp_path):
    write("a.txt", "Menteri itu menekan perjanjian.\n")
    run = newslint("--diff", "a.txt", cwd=tmp_path)
    assert (run.code, run.out, run.err) == (0, "", "Would fix 0 problems in 0 files.\n")


def run_bytes(*args, stdin: bytes, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newslint", *args], input=stdin, capture_output=True, cwd=cwd)


def test_fix_on_standard_input_writes_the_fixed_text_to_stdout(tmp_path):
    data = b"\xef\xbb\xbf" + article("\r\n").encode("utf-8") + b"\r\nMenteri itu menekan perjanjian.\r\n"
    proc = run_bytes("--fix", "-", stdin=data, cwd=tmp_path)
    assert proc.stdout == b"\xef\xbb\xbf" + fixed("\r\n").encode("utf-8") + b"\r\nMenteri itu menekan perjanjian.\r\n"
    err = proc.stderr.decode("utf-8").splitlines()
    assert err[0].startswith("-:4:13: warning Indonesian.Meneken Write meneken")
    assert err[1:] == ["Found 1 problem (1 warning) in 1 of 1 file.", "Fixed 3 problems in 1 file."]
    assert proc.returncode == 1


def test_fix_on_standard_input_that_cannot_be_read_echoes_it(tmp_path):
    data = "Harga naik di caf\xe9 itu.\nAdvertisement\n".encode("latin-1")
    proc = run_bytes("--fix", "-", stdin=data, cwd=tmp_path)
    assert proc.stdout == data  # an editor piping its buffer through newslint never loses it
    assert proc.stderr.decode().startswith("newslint: error: -: not UTF-8: byte 0xe9")
    assert proc.returncode == 2


def test_diff_on_standard_input_is_named_by_stdin_filename(tmp_path):
    proc = run_bytes("--diff", "--stdin-filename", "berita/x.txt", "-", stdin=b"Harga naik.\nAdvertisement\n", cwd=tmp_path)
    assert proc.stdout == b"--- a/berita/x.txt\n+++ b/berita/x.txt\n@@ -1,2 +1 @@\n Harga naik.\n-Advertisement\n"
    assert proc.returncode == 1


@pytest.fixture
def unprivileged():
    """run(top, *args): newslint in a folder of its own as a user that file modes bind (root may
    write anywhere, so as root the run is an unprivileged user's and the folder is theirs)."""
    root = os.geteuid() == 0
    with tempfile.TemporaryDirectory() as top:
        top = Path(top)
        top.chmod(0o755)

        def run(*args):
            command = [sys.executable, "-m", "newslint", "--no-cache", *args]
            if root:
                for path in [top, *top.rglob("*")]:
                    os.chown(path, 65534, 65534)
                command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
            return subprocess.run(command, capture_output=True, text=True, cwd=top)

        yield top, run
        for path in [top, *top.rglob("*")]:
            path.chmod(0o755)  # let the folder be removed


def test_a_file_that_cannot_be_written_is_one_line_and_the_others_are_fixed(unprivileged):
    top, run = unprivileged
    (top / "terkunci").mkdir()
    locked = top / "terkunci" / "a.txt"
    locked.write_text(article("\n"), encoding="utf-8")  # writable; its folder cannot take a new file
    other = top / "b.txt"
    other.write_text(article("\n"), encoding="utf-8")
    (top / "terkunci").chmod(0o555)
    proc = run("--fix", "terkunci/a.txt", "b.txt")
    assert proc.stderr == "newslint: error: terkunci/a.txt: cannot write the fixes: permission denied\n"
    assert locked.read_text(encoding="utf-8") == article("\n")
    assert other.read_text(encoding="utf-8") == fixed("\n")
    assert proc.stdout.splitlines()[-3:] == [
        "Found 3 problems (3 warnings) in 1 of 2 files. 1 error reported above.",
        "Fixed 3 problems in 1 file.",
        "[*] 3 fixable with the --fix option.",
    ]
    assert sorted(p.name for p in (top / "terkunci").iterdir()) == ["a.txt"]  # no temporary file left
    assert proc.returncode == 2


def test_a_read_only_file_is_not_replaced(unprivileged):
    top, run = unprivileged
    path = top / "a.txt"
    path.write_text(article("\n"), encoding="utf-8")
    path.chmod(0o444)  # its folder is writable: a rename would replace it, but the user said no
    proc = run("--fix", "a.txt")
    assert proc.stderr == "newslint: error: a.txt: cannot write the fixes: permission denied\n"
    assert path.read_text(encoding="utf-8") == article("\n")
    assert proc.returncode == 2


def test_fix_writes_through_a_symlink(newslint, write, tmp_path):
    target = write("arsip/a.txt", article("\n"))
    (tmp_path / "tautan.txt").symlink_to(target)
    newslint("--fix", "tautan.txt", cwd=tmp_path)
    assert (tmp_path / "tautan.txt").is_symlink()
    assert target.read_text(encoding="utf-8") == fixed("\n")


def test_fix_in_worker_processes_fixes_every_file(newslint, write, tmp_path):
    paths = [write(f"korpus/{i:02}.txt", article("\r\n")) for i in range(16)]
    run = newslint("--fix", "-j", "2", "korpus", cwd=tmp_path)
    assert all(p.read_bytes() == fixed("\r\n").encode("utf-8") for p in paths)
    assert run.out == "No problems found in 16 files.\nFixed 48 problems in 16 files.\n"
