"""Markdown and HTML articles: only the prose is linted, findings point into the file; and which
files a folder's walk skips (``exclude``, ``--exclude``, ``.gitignore``). Articles written for
the tests."""
import pytest

WRONG = "Kedua menteri menekan perjanjian itu."  # Indonesian.Meneken: 'menekan' at offset 14

MARKDOWN = """---
title: Kedua menteri menekan perjanjian itu
date: 2024-11-12
language: id
---
# Rapat di Jakarta

Rapat digelar di Jakarta. Kode `menekan perjanjian` tidak diperiksa, begitu pula
[tautan ini](https://contoh.id/menteri-menekan-perjanjian "menekan perjanjian") dan <https://contoh.id/menekan-perjanjian>.

<!-- Kedua menteri menekan perjanjian itu. -->
<span title="Kedua menteri menekan perjanjian itu.">Teks dalam tag.</span>

```
Kedua menteri menekan perjanjian itu.
```

    Kedua menteri menekan perjanjian itu.

> **Kedua menteri menekan perjanjian itu.**
"""


def meneken(run):
    return [(f["line"], f["column"], f["end_column"], f["match"]) for f in run.findings if f["rule"] == "Indonesian.Meneken"]


def test_markdown_lints_the_prose_only_at_its_place_in_the_file(newslint, write):
    run = newslint("--format", "json", "--select", "Indonesian.Meneken", write("berita.md", MARKDOWN))
    # Front matter, inline code, link target and title, autolink, HTML comment and attribute,
    # fenced and indented code are not linted; the quotation in bold is, at its column.
    assert (run.code, run.err) == (1, "")
    assert meneken(run) == [(20, 19, 26, "menekan")]


def test_markdown_front_matter_and_markup_are_not_boilerplate(newslint, write):
    run = newslint("--select", "boilerplate", write("berita.md", MARKDOWN))
    assert (run.code, run.out, run.err) == (0, "No problems found in 1 file.\n", "")


@pytest.mark.parametrize("date, found", [("2024-11-12", [(6, 15, "Rabu (12/11)")]), ("2025-11-12", [])])
def test_markdown_front_matter_date_is_the_publication_date(newslint, write, date, found):
    path = write("rapat.md", f"---\ntitle: Rapat\ndate: {date}\n---\n\nRapat digelar Rabu (12/11) di Jakarta.\n")
    run = newslint("--format", "json", "--select", "date", path)
    assert [(f["line"], f["column"], f["match"]) for f in run.findings] == found
    assert run.err == ""


def test_a_match_across_blanked_markup_quotes_the_file(newslint, write):
    # DoubledWord sees "yang yang" once the emphasis markers are blanked; the match is the file's.
    run = newslint("--format", "json", "--select", "Indonesian.DoubledWord", write("a.md", "Ini *yang* yang terbaik.\n"))
    assert [(f["line"], f["column"], f["match"]) for f in run.findings] == [(1, 6, "yang* yang")]


HTML = """<!DOCTYPE html>
<html lang="id">
<head><title>Kedua menteri menekan perjanjian itu</title>
<meta property="article:published_time" content="2024-11-12T08:00:00+07:00">
<style>p.menekan::after { content: "Kedua menteri menekan perjanjian itu."; }</style>
</head>
<body>
<script>var judul = "Kedua menteri menekan perjanjian itu.";</script>
<!-- Kedua menteri menekan perjanjian itu. -->
<p class="menekan" data-x="Kedua menteri menekan perjanjian itu.">Rapat digelar Rabu (12/11) di Jakarta &amp; Bogor.</p>
<p>Kedua menteri <b>menekan</b> perjanjian itu.</p>
</body>
</html>
"""


def test_html_lints_the_visible_text_at_its_place_in_the_file(newslint, write):
    run = newslint("--format", "json", "--select", "Indonesian.Meneken,date", write("berita.html", HTML))
    assert run.err == ""
    got = [(f["rule"], f["line"], f["column"], f["match"]) for f in run.findings]
    # The date comes from <meta article:published_time>: 12/11/2024 was a Tuesday.
    assert got == [("Indonesian.WeekdayMismatch", 10, 81, "Rabu (12/11)"), ("Indonesian.Meneken", 11, 21, "menekan")]


def test_htm_is_read_as_html(newslint, write):
    run = newslint("--format", "json", "--select", "Indonesian.Meneken", write("a.HTM", f'<p title="{WRONG}">{WRONG}</p>\n'))
    assert meneken(run) == [(1, 64, 71, "menekan")]


# -- which files a folder's walk lints -------------------------------------------------------------


@pytest.fixture
def corpus(write, tmp_path):
    for name in ("berita/a.md", "berita/arsip/lama.txt", "berita/b.draft.md", "berita/sub/c.html"):
        write(name, f"<p>{WRONG}</p>\n" if name.endswith(".html") else WRONG + "\n")
    return tmp_path / "berita"


def linted(run, root):
    return sorted({str(f["path"]).removeprefix(str(root) + "/") for f in run.findings})


def test_exclude_in_the_configuration_is_relative_to_its_folder(newslint, write, corpus, tmp_path):
    write(".newslint.yaml", "exclude: [berita/arsip, '*.draft.md']\n")
    run = newslint("--format", "json", corpus)
    assert (run.code, run.err) == (1, "")
    assert linted(run, tmp_path) == ["berita/a.md", "berita/sub/c.html"]


def test_exclude_option_is_relative_to_the_current_folder_and_repeatable(newslint, corpus, tmp_path):
    run = newslint("--format", "json", "--exclude", "berita/sub", "--exclude", "lama.txt", "berita", cwd=tmp_path)
    assert (run.code, run.err) == (1, "")
    assert linted(run, "berita") == ["a.md", "b.draft.md"]


def test_a_file_named_on_the_command_line_is_linted_even_if_excluded(newslint, corpus, tmp_path):
    run = newslint("--format", "json", "--exclude", "*.md", "berita", "berita/a.md", cwd=tmp_path)
    assert linted(run, "berita") == ["a.md", "arsip/lama.txt", "sub/c.html"]


def test_everything_excluded_is_one_error_line(newslint, corpus, tmp_path):
    run = newslint("--exclude", "*.*", "berita", cwd=tmp_path)
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "newslint: error: berita: no articles found (looked for .htm, .html, .markdown, .md, .text, .txt files; "
        "4 excluded or ignored by .gitignore)\n"
    )


def test_exclude_must_be_a_list_of_globs(newslint, write, corpus, tmp_path):
    config = write(".newslint.yaml", "language: id\nexclude: arsip\n")
    run = newslint(corpus)
    assert (run.code, run.out) == (2, "")
    assert run.err == f"newslint: error: {config}:2: 'exclude' must be a list of globs\n"


def test_gitignore_up_to_the_repository_root_is_respected_in_a_walk_not_for_a_named_file(newslint, write, corpus, tmp_path):
    (tmp_path / ".git").mkdir()  # the repository root, above the folder linted
    write(".gitignore", "# drafts stay out\n*.draft.md\narsip/\n")
    write("berita/sub/.gitignore", "*.html\n")
    run = newslint("--format", "json", "berita", cwd=tmp_path)
    assert linted(run, "berita") == ["a.md"]
    run = newslint("--format", "json", "berita/b.draft.md", "berita/sub/c.html", cwd=tmp_path)
    assert linted(run, "berita") == ["b.draft.md", "sub/c.html"]


def test_a_deeper_gitignore_can_include_again(newslint, write, corpus, tmp_path):
    (tmp_path / ".git").mkdir()
    write(".gitignore", "*.md\n")
    write("berita/.gitignore", "!a.md\n")
    run = newslint("--format", "json", "berita", cwd=tmp_path)
    assert linted(run, "berita") == ["a.md", "arsip/lama.txt", "sub/c.html"]


def test_plain_text_front_matter_is_metadata_not_a_credit_line(newslint, write):
    path = write("a.txt", "---\ntitle: Rapat\ndate: 2024-11-12\n---\nRapat digelar Rabu (12/11) di Jakarta.\n")
    run = newslint("--format", "json", "--select", "boilerplate,date", path)
    assert [(f["rule"], f["line"], f["column"]) for f in run.findings] == [("Indonesian.WeekdayMismatch", 5, 15)]
