"""Property tests (issue 14, item 7): generated texts never make newslint raise; every finding
points at the text it quotes; output is deterministic; fixes settle and touch nothing outside their
spans.

The texts mix news fragments written for these tests (a dateline, "Baca Juga:", doubled words,
"menekan perjanjian", weekday dates, glued words) with generated noise: any characters, Unicode
spaces, combining marks, right-to-left text, emoji, NUL, CR/LF/CRLF, zero-width characters. Pieces
are glued without separators, so the noise lands inside words and lines as well as between them.
Each property also checks that a good share of its examples have findings (and fixes), so that it is
not true of nothing.

Profiles (tests/conftest.py): "ci" (default: fixed examples, about a minute for the file) and
"long" (HYPOTHESIS_PROFILE=long: fresh random examples, 33 times as many). The counts of examples
are recorded as test properties (``record_property``), which benchmarks/robustness.py reads from the
JUnit report for docs/robustness.md.
"""
from __future__ import annotations

import bisect
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import newslint  # noqa: E402
from newslint.api import Linter  # noqa: E402
from newslint.config import Config  # noqa: E402
from newslint.document import line_starts  # noqa: E402
from newslint.errors import NewslintError  # noqa: E402
from newslint.fixing import MAX_PASSES  # noqa: E402
from newslint.post.fixes import apply_fixes, fixable  # noqa: E402
from newslint.readers import Source, decode_for_linting, make_source  # noqa: E402

from conftest import main  # noqa: E402

EXAMPLES = settings.default.max_examples  # the profile's: 30 for "ci", 1000 for "long"


def scaled(fraction: float, least: int = 1) -> int:
    return max(least, int(EXAMPLES * fraction))


# --- the texts ---------------------------------------------------------------------------------

FRAGMENTS = [
    "Jakarta, Selasa (12/11/2024)\n\n",
    "JAKARTA, KOMPAS.com - ",
    "Baca Juga: Pemerintah Umumkan Libur Nasional Tahun Depan\n",
    "\nBaca juga: Harga Cabai Ikut Melonjak\n",
    "\nAdvertisement\n",
    "Scroll untuk melanjutkan",
    "kesepakatan yang yang diteken hari ini",
    "pasokan dari dari Jawa Tengah",
    "Menteri luar negeri kedua negara pada Selasa pagi menekan perjanjian kerja sama pertahanan.",
    "menekan perjanjian",
    "Pada Senin (12/11/2024) pagi menteri tiba.",
    "Kamis (31/6/2025) lalu",
    "Kata dia dariAntara.",
    "KPKtelah menetapkan tersangka",
    "di Gedung Putih.Hal itu",
    "Harga beras di pasar induk naik lagi pekan ini.",
    "Presiden Joko Widodo",
    "Benggala\u200bBarat",
    " di ", " ", ".", ",", "\n", "\n\n", "\r\n", "\r",
]
SPECIAL = [
    # Unicode spaces and line-like characters
    "\t", "\x0b", "\x0c", "\x85", "\xa0", "\u1680", "\u2002", "\u2009", "\u200a", "\u2028", "\u2029", "\u202f",
    "\u3000", "\x1c", "\x1e",
    # combining marks, alone and on a letter
    "\u0301", "\u0308", "e\u0301", "\u0336", "a\u0300\u0301\u0302",
    # right-to-left text and bidi controls
    "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
    "\u202e", "\u2066", "\u2067", "\u2069",
    # emoji: astral, skin tone, joiner sequence, flag, keycap
    "\U0001f600", "\U0001f44d\U0001f3fd", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1ee\U0001f1e9",
    "1\ufe0f\u20e3",
    # NUL and other controls
    "\x00", "\x01", "\x1b", "\x7f",
    # line ends, alone and in odd mixes
    "\r", "\n", "\r\n", "\n\r", "\r\r\n", "\r\n\n",
    # zero-width and invisible characters
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u180e",
    # others: replacement character, private use, a non-character, CJK, an astral letter
    "\ufffd", "\ue000", "\uffff", "\u4e2d\u6587", "\U00010400",
]
NOISE = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)  # any code point but a lone surrogate
PIECE = st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(FRAGMENTS), st.sampled_from(SPECIAL), NOISE)
TEXTS = st.lists(PIECE, max_size=40).map("".join)
# Every fragment once, in a drawn order, with a drawn piece after each: findings in every example.
ARTICLES = st.builds(lambda order, noise: "".join(a + b for a, b in zip(order, noise)),
                     st.permutations(FRAGMENTS), st.lists(PIECE, min_size=len(FRAGMENTS), max_size=len(FRAGMENTS)))


# --- linting -----------------------------------------------------------------------------------

_LINTER: list[Linter] = []


def linter() -> Linter:
    """One Linter for the whole file, as newslint.lint_text builds it (built-in rules, no
    configuration file); lint_text itself builds a new one each call, which costs half a second."""
    if not _LINTER:
        _LINTER.append(Linter(config=Config(root=Path.cwd().resolve())))
    return _LINTER[0]


def lint(text: str, path: str = "<text>"):
    result = linter().lint_source(Source(path, text, {}, None))
    errors = [*result.rule_errors, *result.errors]
    assert not errors, [str(e) for e in errors]
    return result.findings


def lint_file(shown: str, data: bytes):
    """As the command line lints a file's bytes: decoded, read by the reader for its suffix."""
    result = linter().lint_source(make_source(shown, data, linter().registry.readers, None))
    assert not result.rule_errors, [str(e) for e in result.rule_errors]
    return result


def check_positions(text: str, findings) -> None:
    """Every finding lies inside the text; its ``match`` is the text at its offsets and at its
    line and column (lines end at LF, CRLF or a lone CR, columns count code points)."""
    starts = line_starts(text)
    for f in findings:
        assert 0 <= f.offset <= f.end_offset <= len(text), f
        assert f.match == text[f.offset:f.end_offset], f
        assert 1 <= f.line <= f.end_line <= len(starts), f
        start = starts[f.line - 1] + f.column - 1
        end = starts[f.end_line - 1] + f.end_column - 1
        assert (start, end) == (f.offset, f.end_offset), f
        # the position is on its line: not past its line end
        assert bisect.bisect_right(starts, start) == f.line, f
        assert bisect.bisect_right(starts, max(start, end - 1)) == f.end_line or end == start, f
        assert not f.match.endswith(("\n", "\r")), f  # a match never ends in a line end


def fingerprint(findings) -> list:
    return [(f.to_json(), f.offset, f.end_offset) for f in findings]


def checked(prop):
    """Run the property ``prop(seen)`` and return its Counter of what the examples held."""
    seen: Counter = Counter()
    prop(seen)
    return seen


def record(record_property, seen: Counter) -> None:
    for key, value in sorted(seen.items()):
        record_property(key, value)


# --- never raises, positions, determinism --------------------------------------------------------

def test_any_text_lints_without_raising_and_positions_point_at_the_match(record_property):
    @settings(max_examples=EXAMPLES * 3)
    @given(TEXTS)
    def prop(seen, text):
        findings = lint(text)
        check_positions(text, findings)
        seen["examples"] += 1
        seen["with findings"] += bool(findings)
        seen["findings"] += len(findings)

    seen = checked(lambda seen: prop(seen))
    record(record_property, seen)
    assert seen["with findings"] >= seen["examples"] * 0.4, seen


def test_only_noise_never_raises(record_property):
    """Any text at all, without the fragments: nothing raises and positions hold."""
    @settings(max_examples=EXAMPLES * 2)
    @given(st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
           | st.lists(st.sampled_from(SPECIAL) | NOISE, max_size=60).map("".join))
    def prop(seen, text):
        check_positions(text, lint(text))
        seen["examples"] += 1

    record(record_property, checked(lambda seen: prop(seen)))


def test_files_of_every_reader_and_encoding(record_property):
    """The same texts as files' bytes: .txt, .md and .html, with and without a BOM, with bytes that
    are not UTF-8 spliced in. Positions point into the file's decoded text (what the command line
    quotes), whatever the reader blanked."""
    @settings(max_examples=EXAMPLES * 2)
    @given(TEXTS, st.sampled_from(["a.txt", "a.md", "a.html"]), st.booleans(),
           st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\xa0", b"\xed\xa0\x80"])),
                    max_size=2))
    def prop(seen, text, shown, bom, bad):
        data = text.encode("utf-8")
        for at, junk in bad:
            at %= len(data) + 1
            data = data[:at] + junk + data[at:]
        data = (b"\xef\xbb\xbf" if bom else b"") + data
        try:
            result = lint_file(shown, data)
        except NewslintError as exc:  # an input error, told in one line: fine
            assert "\n" not in str(exc)
            seen["input errors"] += 1
            return
        decoded = decode_for_linting(data, shown)[0]
        check_positions(decoded, result.findings)
        seen["examples"] += 1
        seen["with findings"] += bool(result.findings)

    seen = checked(lambda seen: prop(seen))
    record(record_property, seen)
    assert seen["with findings"] >= seen["examples"] * 0.25, seen


def test_lint_text_twice_gives_the_same_findings(record_property):
    @settings(max_examples=EXAMPLES)
    @given(TEXTS)
    def prop(seen, text):
        first = fingerprint(lint(text))
        assert fingerprint(lint(text)) == first
        seen["examples"] += 1
        seen["with findings"] += bool(first)

    seen = checked(lambda seen: prop(seen))
    record(record_property, seen)
    assert seen["with findings"] >= seen["examples"] * 0.4, seen


def test_runs_in_processes_with_other_hash_seeds_agree(tmp_path, record_property):
    """Determinism across processes (set and dict order depend on PYTHONHASHSEED): the command line
    lints a folder of generated articles twice, with two seeds and one or two worker processes, and
    prints the same JSON."""
    @settings(max_examples=scaled(1 / 100))
    @given(st.lists(ARTICLES, min_size=20, max_size=20))
    def prop(seen, texts):
        folder = tmp_path / f"korpus{seen['examples']}"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:02}.txt").write_bytes(text.replace("\x00", " ").encode("utf-8"))
        outs = []
        for seed, jobs in (("1", "1"), ("2", "2")):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            proc = subprocess.run([sys.executable, "-m", "newslint", "--format", "json", "-j", jobs, str(folder)],
                                  capture_output=True, text=True, env=env, timeout=300)
            assert proc.returncode in (0, 1), proc.stderr
            outs.append(proc.stdout)
        assert outs[0] == outs[1]
        seen["examples"] += 1
        seen["articles"] += len(texts)
        seen["findings"] += len(json.loads(outs[0]))

    seen = checked(lambda seen: prop(seen))
    record(record_property, seen)
    assert seen["findings"] > 0, seen


def test_a_one_megabyte_line_through_lint_text(record_property):
    """A line of about 1 MB (no line end in it), built from the fragments and the noise, through the
    public newslint.lint_text: no exception, no check timed out (lint_text raises on either), and the
    positions hold."""
    @settings(max_examples=scaled(1 / 30))
    @given(st.lists(st.sampled_from([f for f in FRAGMENTS if "\n" not in f and "\r" not in f])
                    | st.sampled_from([s for s in SPECIAL if s not in "\r\n\x85\u2028\u2029\x0b\x0c\x1c\x1e" or len(s) > 1 and "\r" not in s and "\n" not in s]),
                    min_size=20, max_size=60))
    def prop(seen, pieces):
        unit = "".join(pieces) + " Menteri itu menekan perjanjian yang yang baru, kata dia dariAntara. "
        text = unit * (1_000_000 // len(unit) + 1)
        findings = newslint.lint_text(text)
        check_positions(text, findings)
        seen["examples"] += 1
        seen["characters"] += len(text)
        seen["findings"] += len(findings)

    seen = checked(lambda seen: prop(seen))
    record(record_property, seen)
    assert seen["findings"] > 0, seen


# --- fixes ---------------------------------------------------------------------------------------

LINE_ENDS = ("\r\n", "\n", "\r")


def reference_apply(text: str, applied) -> str:
    """The text with the applied findings' spans replaced, built apart from apply_fixes: the
    findings' spans do not overlap, every character between them is kept, and only a fix that
    deletes a whole line may also take that line's end (the one after it, or for the last line the
    one before it), and nothing more."""
    applied = sorted(applied, key=lambda f: (f.offset, f.end_offset))
    bounds = [0, *(x for f in applied for x in (f.offset, f.end_offset)), len(text)]
    assert bounds == sorted(bounds), "overlapping fixes applied together"
    gaps = [text[bounds[i]:bounds[i + 1]] for i in range(0, len(bounds), 2)]
    for i, f in enumerate(applied):
        if f.fix != "" or f.end_offset == f.offset or not (f.offset == 0 or text[f.offset - 1] in "\r\n"):
            continue
        after = next((e for e in LINE_ENDS if gaps[i + 1].startswith(e)), None)
        if after is not None and text.startswith(after, f.end_offset):
            gaps[i + 1] = gaps[i + 1][len(after):]
        elif f.end_offset == len(text) and f.offset > 0:
            before = next((e for e in LINE_ENDS if gaps[i].endswith(e)), "")
            gaps[i] = gaps[i][: len(gaps[i]) - len(before)]
    return "".join(g + (f.fix if i < len(applied) else "") for i, (g, f) in enumerate(zip(gaps, [*applied, None])))


def fix_in_passes(text: str, unsafe: bool):
    """As fixing.fix_input does: lint, apply, lint again, at most MAX_PASSES times. Checks each pass
    against reference_apply. Returns the final text, the number of fixes applied and of passes."""
    fixed = passes = 0
    findings = lint(text)
    for _ in range(MAX_PASSES):
        new, applied = apply_fixes(text, findings, unsafe)
        if new == text:
            break
        assert new == reference_apply(text, applied)
        text, fixed, passes = new, fixed + len(applied), passes + 1
        findings = lint(text)
        check_positions(text, findings)
    return text, fixed, passes, findings


def test_fixes_settle_and_touch_nothing_outside_their_spans(record_property):
    @settings(max_examples=EXAMPLES * 2)
    @given(TEXTS, st.booleans())
    def prop(seen, text, unsafe):
        final, fixed, passes, findings = fix_in_passes(text, unsafe)
        # applied twice: the second time changes nothing, and nothing fixable is left
        assert apply_fixes(final, findings, unsafe)[0] == final
        assert not [f for f in findings if fixable(f, unsafe)]
        seen["examples"] += 1
        seen["with fixes"] += bool(fixed)
        seen["fixes"] += fixed
        seen["two or more passes"] += passes > 1

    seen = checked(lambda seen: prop(seen))
    record(record_property, seen)
    assert seen["with fixes"] >= seen["examples"] * 0.3, seen


def test_fix_on_a_file_twice(tmp_path, record_property, capsys):
    """The command line's --fix on a real file: the bytes written are the text fixed in passes
    (with its BOM and line ends), and a second --fix changes nothing."""
    @settings(max_examples=scaled(1 / 3))
    @given(TEXTS, st.booleans())
    def prop(seen, text, bom):
        text = text.replace("\x00", " ")  # a NUL makes it a binary file, not linted
        path = tmp_path / "a.txt"
        data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
        path.write_bytes(data)
        code = main(["--fix", str(path)])
        first = path.read_bytes()
        capsys.readouterr()
        assert code in (0, 1)
        expected = fix_in_passes(text, False)[0]
        assert first == (b"\xef\xbb\xbf" if bom else b"") + expected.encode("utf-8")
        assert main(["--fix", str(path)]) in (0, 1)
        err = capsys.readouterr().out
        assert path.read_bytes() == first
        assert "Fixed" not in err
        seen["examples"] += 1
        seen["files changed"] += first != data

    seen = checked(lambda seen: prop(seen))
    record(record_property, seen)
    assert seen["files changed"] >= seen["examples"] * 0.3, seen
