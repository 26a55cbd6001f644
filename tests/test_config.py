"""Configuration: .newslint.yaml or [tool.newslint], found upward from each file; CLI beats it."""
import pytest

from conftest import rule_file

ARTICLE = "Kedua menteri menekan perjanjian itu.\n\nBaca Juga: Harga Beras Naik\n"


def rules_of(run):
    return sorted({(f["path"].rsplit("/", 1)[-1], f["rule"]) for f in run.findings})


def test_yaml_config_found_from_the_files_folder_upward(newslint, write, tmp_path):
    write("proj/.newslint.yaml", "ignore: [boilerplate]\n")
    nested = write("proj/a/b/artikel.txt", ARTICLE)
    outside = write("other/artikel.txt", ARTICLE)
    run = newslint("--format", "json", nested, outside, cwd=tmp_path)
    assert ("artikel.txt", "Indonesian.BacaJuga") in rules_of(run)  # from other/
    assert [f["rule"] for f in run.findings if "proj" in f["path"]] == ["Indonesian.Meneken"]


def test_pyproject_table(newslint, write, tmp_path):
    write("proj/pyproject.toml", "[project]\nname = 'x'\n\n[tool.newslint]\nselect = ['boilerplate']\n")
    run = newslint("--format", "json", write("proj/artikel.txt", ARTICLE))
    assert [f["rule"] for f in run.findings] == ["Indonesian.BacaJuga"]


def test_pyproject_without_table_is_passed_over(newslint, write):
    write("proj/.newslint.yaml", "select: [Indonesian.Meneken]\n")
    write("proj/sub/pyproject.toml", "[project]\nname = 'x'\n")
    run = newslint("--format", "json", write("proj/sub/artikel.txt", ARTICLE))
    assert [f["rule"] for f in run.findings] == ["Indonesian.Meneken"]


def test_cli_beats_config(newslint, write):
    write("proj/.newslint.yaml", "select: [boilerplate]\nfail-level: error\n")
    path = write("proj/artikel.txt", ARTICLE)
    assert newslint(path).code == 0  # only a warning, and the file's fail level is error
    run = newslint("--format", "json", "--select", "mistranslation", "--fail-level", "warning", path)
    assert run.code == 1 and [f["rule"] for f in run.findings] == ["Indonesian.Meneken"]


def test_cli_ignore_adds_to_config_ignore(newslint, write):
    write("proj/.newslint.yaml", "ignore: [boilerplate]\n")
    run = newslint("--format", "json", "--ignore", "Indonesian.Meneken", write("proj/artikel.txt", ARTICLE))
    assert run.findings == []


def test_per_file_ignores_by_glob(newslint, write):
    write("proj/.newslint.yaml", "per-file-ignores:\n  'arsip/*.txt': [boilerplate]\n  'draf-*': [Indonesian.Meneken]\n")
    a = write("proj/arsip/lama.txt", ARTICLE)
    b = write("proj/draf-1.txt", ARTICLE)
    c = write("proj/baru.txt", ARTICLE)
    run = newslint("--format", "json", a, b, c)
    assert rules_of(run) == [
        ("baru.txt", "Indonesian.BacaJuga"), ("baru.txt", "Indonesian.Meneken"),
        ("draf-1.txt", "Indonesian.BacaJuga"), ("lama.txt", "Indonesian.Meneken"),
    ]


def test_min_level_in_config(newslint, write):
    write("proj/.newslint.yaml", "min-level: error\n")
    run = newslint("--format", "json", write("proj/artikel.txt", ARTICLE))
    assert (run.code, run.findings) == (0, [])


def test_extra_rule_paths_relative_to_the_config(newslint, write, tmp_path):
    rule_file(tmp_path / "proj" / "gaya", "Rumah", "Beras", "extends: existence\ncategory: garbled\nmessage: \"'%s'\"\ntokens: [Beras]\n")
    write("proj/.newslint.yaml", "rule-paths: [gaya]\nselect: [Rumah]\n")
    run = newslint("--format", "json", write("proj/artikel.txt", ARTICLE))
    assert [(f["rule"], f["line"], f["column"]) for f in run.findings] == [("Rumah.Beras", 3, 18)]


def test_explicit_config_file(newslint, write, tmp_path):
    cfg = write("elsewhere/newslint.yaml", "select: [boilerplate]\n")
    run = newslint("--format", "json", "--config", cfg, write("proj/artikel.txt", ARTICLE))
    assert [f["rule"] for f in run.findings] == ["Indonesian.BacaJuga"]


def test_bad_config_names_file_and_line(newslint, write):
    cfg = write("proj/.newslint.yaml", "select: [boilerplate]\ncolour: red\n")
    run = newslint(write("proj/artikel.txt", ARTICLE))
    assert run.code == 2
    assert f"{cfg}:2: unknown key 'colour'" in run.err and "Traceback" not in run.err


def test_bad_toml_and_bad_level(newslint, write):
    write("p1/pyproject.toml", "[tool.newslint]\nselect = [\n")
    r1 = newslint(write("p1/a.txt", ARTICLE))
    assert r1.code == 2 and "malformed TOML" in r1.err
    cfg = write("p2/pyproject.toml", "[tool.newslint]\nselect = ['boilerplate']\nmin-level = 'loud'\n")
    r2 = newslint(write("p2/a.txt", ARTICLE))
    assert r2.code == 2 and f"{cfg}:3: 'min-level' must be one of" in r2.err


def test_unknown_selector_in_config_names_the_file(newslint, write):
    cfg = write("proj/.newslint.yaml", "ignore: [gosip]\n")
    run = newslint(write("proj/artikel.txt", ARTICLE))
    assert run.code == 2 and f"unknown rule, pack or category 'gosip' in {cfg}" in run.err


def test_unknown_cli_selector_is_blamed_on_the_command_line_and_stops_the_run(newslint, write):
    write("proj/.newslint.yaml", "ignore: [boilerplate]\n")
    a = write("proj/a.txt", ARTICLE)
    b = write("proj/b.txt", ARTICLE)
    run = newslint("--select", "Meneken", a, b)
    assert run.code == 2
    assert run.err.strip() == "newslint: error: unknown rule, pack or category 'Meneken' in the command line"
    assert "Indonesian" not in run.out


def test_per_file_ignores_through_a_symlinked_folder(newslint, write, tmp_path):
    import os

    write("proj/.newslint.yaml", "per-file-ignores:\n  'arsip/*': [boilerplate]\n")
    write("proj/arsip/lama.txt", ARTICLE)
    os.symlink(tmp_path / "proj", tmp_path / "tautan")
    run = newslint("--format", "json", tmp_path / "tautan" / "arsip" / "lama.txt")
    assert [f["rule"] for f in run.findings] == ["Indonesian.Meneken"]


# -- what a bad configuration tells the user: the file, the line and the key ------------------------

KNOWN = "select, ignore, per-file-ignores, rule-paths, min-level, fail-level, language, exclude, text-field, id-field, title-field, date-field, source-field"


@pytest.mark.parametrize(
    "name, text, line, message",
    [
        (".newslint.yaml", "colour: red\n", 1, f"unknown key 'colour' (known: {KNOWN})"),
        (".newslint.yaml", "select: 5\n", 1, "'select' must be a list of rule ids, packs or categories"),
        (".newslint.yaml", "fail-level: error\nignore: [boilerplate, 3]\n", 2, "'ignore' must be a list of rule ids, packs or categories"),
        (".newslint.yaml", "min-level: loud\n", 1, "'min-level' must be one of suggestion, warning, error, not 'loud'"),
        (".newslint.yaml", "select: [boilerplate]\nfail-level: 2\n", 2, "'fail-level' must be one of suggestion, warning, error, not 2"),
        (".newslint.yaml", "language: 5\n", 1, "'language' must be a language code such as id or en"),
        (".newslint.yaml", "select: [boilerplate]\nlanguage: '  '\n", 2, "'language' must be a language code such as id or en"),
        (".newslint.yaml", "rule-paths: gaya\n", 1, "'rule-paths' must be a list of folders"),
        (".newslint.yaml", "select: [boilerplate]\nrule-paths: [gaya, 7]\n", 2, "'rule-paths' must be a list of folders"),
        (".newslint.yaml", "per-file-ignores: [boilerplate]\n", 1, "'per-file-ignores' must map globs to lists of selectors"),
        (".newslint.yaml", "select: [boilerplate]\nper-file-ignores:\n  '*.txt': [boilerplate, 5]\n", 2,
         "'per-file-ignores' entry '*.txt' must be a list of selectors"),
        (".newslint.yaml", "per-file-ignores:\n  'arsip/*': 5\n", 1, "'per-file-ignores' entry 'arsip/*' must be a list of selectors"),
        ("pyproject.toml", "[tool.newslint]\nselect = 5\n", 2, "'select' must be a list of rule ids, packs or categories"),
        ("pyproject.toml", "[tool.newslint]\nselect = ['boilerplate']\n  language = 5\n", 3, "'language' must be a language code such as id or en"),
        ("pyproject.toml", "[tool.newslint]\n\"rule-paths\" = 'gaya'\n", 2, "'rule-paths' must be a list of folders"),
        ("pyproject.toml", "[tool.newslint]\nper-file-ignores = ['x']\n", 2, "'per-file-ignores' must map globs to lists of selectors"),
        ("pyproject.toml", "[tool.newslint]\nper-file-ignores = { '*.md' = 5 }\n", 2, "'per-file-ignores' entry '*.md' must be a list of selectors"),
    ],
)
def test_bad_config_value_is_one_line_naming_file_line_and_key(newslint, write, name, text, line, message):
    cfg = write(f"proj/{name}", text)
    run = newslint(write("proj/artikel.txt", ARTICLE))
    assert (run.code, run.out) == (2, "")
    assert run.err == f"newslint: error: {cfg}:{line}: {message}\n"


@pytest.mark.parametrize(
    "text",
    [
        "select: boilerplate,Indonesian.Meneken\n",
        "select: 'boilerplate, Indonesian.Meneken'\nignore: ''\n",
        "select: [' boilerplate ', Indonesian.Meneken]\n",
    ],
)
def test_select_as_one_comma_separated_string(newslint, write, text):
    write("proj/.newslint.yaml", text)
    run = newslint("--format", "json", write("proj/artikel.txt", ARTICLE))
    assert (run.code, run.err) == (1, "")
    assert sorted(f["rule"] for f in run.findings) == ["Indonesian.BacaJuga", "Indonesian.Meneken"]


def test_ignore_and_per_file_ignores_as_comma_separated_strings(newslint, write):
    write("proj/.newslint.yaml", "ignore: boilerplate,Indonesian.Meneken\n")
    write("proj2/.newslint.yaml", "per-file-ignores:\n  '*.txt': 'boilerplate, Indonesian.Meneken'\n")
    run = newslint("--format", "json", write("proj/artikel.txt", ARTICLE), write("proj2/artikel.txt", ARTICLE))
    assert (run.code, run.err, run.findings) == (0, "", [])


def test_language_key_decides_which_language_checks_run(newslint, write):
    english = "Harga naik. The government said it would review the policy next week.\n"
    assert len(newslint("--format", "json", "--select", "language", write("a/berita.txt", english)).findings) == 1
    write("proj/.newslint.yaml", "language: ' en '\n")
    run = newslint("--format", "json", "--select", "language", write("proj/berita.txt", english))
    assert (run.code, run.err, run.findings) == (0, "", [])


def test_pyproject_rule_paths_are_relative_to_its_folder(newslint, write, tmp_path):
    rule_file(tmp_path / "proj" / "gaya", "Rumah", "Beras", "extends: existence\ncategory: garbled\nmessage: \"'%s'\"\ntokens: [Beras]\n")
    write("proj/pyproject.toml", "[tool.newslint]\nrule-paths = ['gaya']\nselect = ['Rumah']\n")
    run = newslint("--format", "json", write("proj/artikel.txt", ARTICLE), cwd=tmp_path / "proj" / "gaya")
    assert [(f["rule"], f["line"], f["column"]) for f in run.findings] == [("Rumah.Beras", 3, 18)]


def test_pyproject_that_only_mentions_newslint_is_passed_over(newslint, write):
    write("proj/.newslint.yaml", "select: [Indonesian.Meneken]\n")
    write("proj/sub/pyproject.toml", "[project]\nname = 'newslint-berita'\ndependencies = ['newslint']\n")
    run = newslint("--format", "json", write("proj/sub/artikel.txt", ARTICLE))
    assert (run.err, [f["rule"] for f in run.findings]) == ("", ["Indonesian.Meneken"])


@pytest.mark.parametrize(
    "text, message",
    [
        ("[tool]\nnewslint = 'ya'\n", "[tool.newslint] must be a table"),
        ("[tool.newslint]\nselect = [\n", "malformed TOML: "),
        (b"[tool.newslint]\n# caf\xe9\nselect = ['boilerplate']\n", "cannot read configuration: 'utf-8' codec can't decode byte 0xe9"),
    ],
)
def test_unusable_pyproject_names_the_file(newslint, write, text, message):
    cfg = write("proj/pyproject.toml", text)
    run = newslint(write("proj/artikel.txt", ARTICLE))
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith(f"newslint: error: {cfg}: {message}") and run.err.count("\n") == 1


def test_malformed_yaml_config_skips_the_files_it_governs_and_is_told_once(newslint, write):
    cfg = write("proj/.newslint.yaml", "select: [boilerplate\n")
    other = write("other/artikel.txt", ARTICLE)
    run = newslint("--format", "json", write("proj/artikel.txt", ARTICLE), write("proj/lagi.txt", ARTICLE), other)
    assert run.code == 2
    assert {f["path"] for f in run.findings} == {str(other)}  # the file it does not govern is linted
    assert run.err.startswith(f"newslint: error: {cfg}:") and "malformed YAML" in run.err and run.err.count("\n") == 1


def test_config_option_reads_any_toml_file(newslint, write):
    cfg = write("elsewhere/rumah.toml", "[tool.newslint]\nselect = ['boilerplate']\n")
    run = newslint("--format", "json", "--config", cfg, write("proj/artikel.txt", ARTICLE))
    assert (run.err, [f["rule"] for f in run.findings]) == ("", ["Indonesian.BacaJuga"])


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("pyproject.toml", "[project]\nname = 'x'\n", "no [tool.newslint] table"),
        ("rumah.toml", "[tool.black]\nline-length = 100\n", "no [tool.newslint] table"),
        ("hilang.yaml", None, "configuration file not found"),
    ],
)
def test_unusable_config_option_is_one_line_before_any_file(newslint, write, tmp_path, name, text, message):
    cfg = write(f"elsewhere/{name}", text) if text is not None else tmp_path / name
    run = newslint("--config", cfg, write("proj/artikel.txt", ARTICLE))
    assert (run.code, run.out, run.err) == (2, "", f"newslint: error: {cfg}: {message}\n")


def test_per_file_ignores_of_a_config_elsewhere_match_the_path_as_given_and_stdin(newslint, write, tmp_path):
    cfg = write("elsewhere/c.yaml", "per-file-ignores:\n  '*.txt': [boilerplate]\n")
    run = newslint("--format", "json", "--config", cfg, write("proj/artikel.txt", ARTICLE))
    assert (run.err, [f["rule"] for f in run.findings]) == ("", ["Indonesian.Meneken"])
    write("proj/.newslint.yaml", "per-file-ignores:\n  '*.txt': [boilerplate]\n")
    run = newslint("--format", "json", "-", stdin=ARTICLE.encode(), cwd=tmp_path / "proj")
    assert (run.err, sorted(f["rule"] for f in run.findings)) == ("", ["Indonesian.BacaJuga", "Indonesian.Meneken"])


def test_a_key_error_in_pyproject_names_the_line_in_newslints_table(newslint, write, tmp_path):
    write("pyproject.toml", '[tool.ruff]\nselect = ["E"]\n\n[tool.newslint]\nselect = 5\n')
    run = newslint(write("a.txt", "Isi.\n"), cwd=tmp_path)
    assert run.code == 2
    assert f"{tmp_path / 'pyproject.toml'}:5: 'select'" in run.err


@pytest.mark.parametrize("header", ["[tool.newslint]", "[ tool.newslint ]", '[tool."newslint"]'])
def test_a_key_error_names_its_line_however_the_table_header_is_written(newslint, write, tmp_path, header):
    write("pyproject.toml", f'select = "top-level, not ours"\n[tool.ruff]\nselect = ["E"]\n{header}\nselect = 5\n')
    run = newslint(write("a.txt", "Isi.\n"), cwd=tmp_path)
    assert f"{tmp_path / 'pyproject.toml'}:5: 'select'" in run.err


def test_a_key_error_after_a_newslint_subtable_names_its_line(newslint, write, tmp_path):
    write("pyproject.toml", '[tool.ruff]\nlanguage = "x"\n[tool.newslint.per-file-ignores]\n"*.md" = ["boilerplate"]\n[tool.newslint]\nlanguage = 5\n')
    run = newslint(write("a.txt", "Isi.\n"), cwd=tmp_path)
    assert f"{tmp_path / 'pyproject.toml'}:6: 'language'" in run.err
