"""Configuration: .newslint.yaml or [tool.newslint], found upward from each file; CLI beats it."""
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
