"""Suppression comments in Markdown and HTML articles (<!-- newslint-disable ... -->), the findings
about the comments themselves, and --report-unused-suppressions. Articles written for the tests.

Indonesian.Meneken (mistranslation) flags 'menekan' before an agreement; Indonesian.DoubledWord
(garbled) flags a word written twice."""

import re

RULES = ("--select", "Indonesian.Meneken,Indonesian.DoubledWord")


def shown(run) -> list[str]:
    """Each finding line of the text output ("name.md:3:21: warning Rule message") as '3:21 Rule'."""
    found = [re.match(r"[^:]+:(\d+:\d+): \w+ (\S+)", line) for line in run.out.splitlines()]
    return [f"{m[1]} {m[2]}" for m in found if m]


def lint(newslint, write, name: str, text: str, *options):
    """newslint on a file written for the test, run from its folder so that findings name it alone."""
    path = write(name, text)
    return newslint(*RULES, *options, name, cwd=path.parent)


MARKDOWN = """# Perjanjian pertahanan

Menteri luar negeri menekan perjanjian pertahanan pada Selasa.

<!-- newslint-disable Indonesian.Meneken -->
Kedua negara menekan nota kesepahaman soal latihan bersama.
Kesepakatan yang yang baru itu berlaku pada bulan Januari.
<!-- newslint-enable -->

Presiden menekan kesepakatan dagang di Istana Negara.

<!-- newslint-disable-next-line Indonesian.Meneken -->
Gubernur menekan perjanjian hibah pada Rabu malam.
Wali kota menekan perjanjian kerja sama pada Kamis sore.

```
<!-- newslint-disable -->
```

Bupati menekan perjanjian pinjaman pada Jumat pagi.
"""


def test_markdown_region_and_next_line_silence_the_rule_named(newslint, write):
    run = lint(newslint, write, "berita.md", MARKDOWN)
    assert run.err == ""
    # 6: silenced by the region; 7: DoubledWord is not named; 10: after newslint-enable;
    # 13: the next line; 14: the line after it is not; 20: a comment in a code block is no comment.
    assert shown(run) == [
        "3:21 Indonesian.Meneken",
        "7:13 Indonesian.DoubledWord",
        "10:10 Indonesian.Meneken",
        "14:11 Indonesian.Meneken",
        "20:8 Indonesian.Meneken",
    ]
    assert run.code == 1


def test_markdown_inline_comments_open_and_close_a_region_inside_a_paragraph(newslint, write):
    text = ("Menteri menekan perjanjian itu. <!-- newslint-disable --> Menteri menekan kesepakatan itu.\n"
            "Menteri menekan perjanjian itu <!-- newslint-enable --> lalu menekan perjanjian lain.\n")
    run = lint(newslint, write, "inline.md", text)
    assert shown(run) == ["1:9 Indonesian.Meneken", "2:62 Indonesian.Meneken"]


HTML = """<!DOCTYPE html>
<html lang="id">
<head><title>Perjanjian</title><!-- newslint-disable-next-line --></head>
<body>
<p>Menteri luar negeri menekan perjanjian pertahanan pada Selasa.</p>
<!-- newslint-disable -->
<p>Kedua negara menekan nota kesepahaman soal latihan bersama.</p>
<p>Kesepakatan yang yang baru itu berlaku pada bulan Januari.</p>
<!-- newslint-enable Indonesian.Meneken -->
<p>Presiden menekan kesepakatan dagang, dan dan Istana diam.</p>
<!-- newslint-enable -->
<!-- newslint-disable-next-line -->
<p>Gubernur menekan perjanjian hibah, yang yang baru.</p>
<p>Wali kota menekan perjanjian kerja sama pada Kamis sore.</p>
</body>
</html>
"""


def test_html_disable_every_rule_then_enable_one_then_all(newslint, write):
    run = lint(newslint, write, "berita.html", HTML)
    assert run.err == ""
    # 5: before any region (the next-line comment in <head> is for line 4, which has nothing);
    # 7 and 8: every rule off; 10: Meneken on again, DoubledWord still off; 13: next line, every
    # rule; 14: reported.
    assert shown(run) == [
        "5:24 Indonesian.Meneken",
        "10:13 Indonesian.Meneken",
        "14:14 Indonesian.Meneken",
    ]


def test_a_pack_or_a_category_silences_its_rules(newslint, write):
    text = """<!-- newslint-disable Indonesian -->
Menteri menekan perjanjian, yang yang baru.
<!-- newslint-enable -->
<!-- newslint-disable garbled -->
Menteri menekan kesepakatan, yang yang lama.
<!-- newslint-enable GARBLED -->
Menteri menekan perjanjian baru, dan dan pergi.
"""
    run = lint(newslint, write, "pack.md", text)
    assert shown(run) == [
        "5:9 Indonesian.Meneken",
        "7:9 Indonesian.Meneken",
        "7:34 Indonesian.DoubledWord",
    ]


def test_an_unknown_name_is_an_error_at_the_comment_and_silences_nothing(newslint, write):
    text = """# Berita

<!-- newslint-disable Indonesian.Menekan, garbled -->
Menteri menekan perjanjian, yang yang baru.
<!-- newslint-disable-nextline Indonesian.Meneken -->
Presiden menekan kesepakatan itu.
"""
    run = lint(newslint, write, "salah.md", text)
    assert run.err == ""
    assert run.out.splitlines()[:5] == [
        "salah.md:3:1: error newslint.InvalidSuppression Unknown rule, pack or category 'Indonesian.Menekan' "
        "in a newslint-disable comment: it silences nothing.",
        "salah.md:4:9: warning Indonesian.Meneken Write meneken or menandatangani: 'menekan' means 'to press', "
        "but an agreement, a decree or a law is signed (English 'sign').",
        "salah.md:5:1: error newslint.InvalidSuppression Unknown suppression comment 'newslint-disable-nextline': "
        "write newslint-disable, newslint-enable or newslint-disable-next-line.",
        "salah.md:6:10: warning Indonesian.Meneken Write meneken or menandatangani: 'menekan' means 'to press', "
        "but an agreement, a decree or a law is signed (English 'sign').",
        "Found 4 problems (2 errors, 2 warnings) in 1 of 1 file.",
    ]  # 'garbled', the known name, still silences the doubled 'yang yang'
    assert run.code == 1


def test_an_unknown_name_alone_does_not_silence_every_rule(newslint, write):
    run = lint(newslint, write, "satu.html", "<!-- newslint-disable Tidak.Ada -->\n<p>Menteri menekan perjanjian.</p>\n")
    assert shown(run) == ["1:1 newslint.InvalidSuppression", "2:12 Indonesian.Meneken"]


UNUSED = """Menteri menekan perjanjian itu.

<!-- newslint-disable-next-line Indonesian.DoubledWord -- tidak perlu lagi -->
Presiden menandatangani kesepakatan dagang.

<!-- newslint-disable-next-line Indonesian.Meneken -->
Gubernur menekan perjanjian hibah.
"""


def test_unused_suppressions_are_reported_only_with_the_flag(newslint, write):
    quiet = lint(newslint, write, "lama.md", UNUSED)  # the results cache is on: the flag must change the key
    assert shown(quiet) == ["1:9 Indonesian.Meneken"]
    loud = lint(newslint, write, "lama.md", UNUSED, "--report-unused-suppressions")
    assert loud.out.splitlines()[1] == (
        "lama.md:3:1: warning newslint.UnusedSuppression Unused suppression: 'newslint-disable-next-line "
        "Indonesian.DoubledWord -- tidak perlu lagi' silenced nothing; delete the comment.")
    assert shown(loud) == ["1:9 Indonesian.Meneken", "3:1 newslint.UnusedSuppression"]  # line 6's was used
    assert "1 hidden fix can be enabled with the --unsafe-fixes option" in loud.out


def test_the_unsafe_fix_deletes_the_unused_comment_and_its_line(newslint, write):
    run = lint(newslint, write, "lama.md", UNUSED, "--report-unused-suppressions", "--diff", "--unsafe-fixes")
    assert "-<!-- newslint-disable-next-line Indonesian.DoubledWord -- tidak perlu lagi -->\n" in run.out
    assert "-<!-- newslint-disable-next-line Indonesian.Meneken -->" not in run.out
    assert run.code == 1


def test_plain_text_has_no_suppression_comments(newslint, write):
    text = """<!-- newslint-disable -->
Menteri menekan perjanjian, yang yang baru.
<!-- newslint-disable-next-line Tidak.Ada -->
Presiden menekan kesepakatan itu.
"""
    run = lint(newslint, write, "berita.txt", text, "--report-unused-suppressions")
    assert run.err == ""
    assert shown(run) == ["2:9 Indonesian.Meneken", "2:29 Indonesian.DoubledWord", "4:10 Indonesian.Meneken"]


def test_an_ordinary_comment_before_a_directive_and_an_enable_are_no_unused_suppressions(newslint, write):
    """An editor's own comment is not a directive and does not hide the ones after it; an enable
    comment silences nothing by design and is never reported as unused."""
    text = (
        "<!-- catatan redaksi: cek lagi -->\n"
        "<!-- newslint-disable Indonesian.Meneken -->\n"
        "Menteri menekan perjanjian itu.\n"
        "<!-- newslint-enable -->\n"
        "Warga menunggu kabar.\n"
    )
    run = lint(newslint, write, "catatan.md", text, "--report-unused-suppressions")
    assert shown(run) == [] and run.code == 0, run.out


def test_a_name_that_silenced_nothing_is_reported_by_name_without_a_fix(newslint, write):
    """As ruff's "Unused noqa directive (unused: E501)": the comment is used, one of its names is not;
    a pack and a category that silenced the finding count as used."""
    text = (
        "<!-- newslint-disable-next-line Indonesian.Meneken, Indonesian.DoubledWord -- kutipan -->\n"
        "Menteri menekan perjanjian itu.\n"
        "<!-- newslint-disable Indonesian, mistranslation -->\n"
        "Presiden menekan perjanjian dagang.\n"
    )
    run = lint(newslint, write, "nama.md", text, "--report-unused-suppressions")
    assert run.out.splitlines()[0] == (
        "nama.md:1:1: warning newslint.UnusedSuppression Unused name in suppression: 'Indonesian.DoubledWord' in "
        "'newslint-disable-next-line Indonesian.Meneken, Indonesian.DoubledWord -- kutipan' silenced nothing; "
        "remove it from the comment.")
    assert shown(run) == ["1:1 newslint.UnusedSuppression"]
    assert "fix" not in run.out  # deleting the comment would bring the used name's finding back
    assert shown(lint(newslint, write, "nama.md", text)) == []  # without the flag: nothing
