"""Loading the rule folders: a broken folder or rule is an error in the report, and every other
rule still loads."""
import newslint

from conftest import rule_file

KORUT = "extends: existence\ncategory: consistency\nmessage: \"{who}: '%s'\"\ntokens: [Korut]\n"
MOSKWA = "extends: existence\ncategory: consistency\nmessage: \"'%s'\"\ntokens: [Moskwa]\n"
ARTICLE = "Pemimpin Korut itu tiba di Moskwa.\n"


def test_a_rule_defined_twice_is_an_error_the_first_wins_and_the_folder_still_loads(write, tmp_path):
    first = rule_file(tmp_path / "gaya", "Redaksi", "Korut", KORUT.format(who="gaya"))
    again = rule_file(tmp_path / "lain", "Redaksi", "Korut", KORUT.format(who="lain"))
    rule_file(tmp_path / "lain", "Redaksi", "Lain", MOSKWA)  # after the duplicate in the same folder
    report = newslint.lint_paths(write("a.txt", ARTICLE), select="Redaksi", rule_paths=[tmp_path / "gaya", tmp_path / "lain"])
    assert [str(e) for e in report.error_list] == [f"{again}: rule Redaksi.Korut is already defined in {first}"]
    assert [(f.rule, f.message) for f in report.findings] == [("Redaksi.Korut", "gaya: 'Korut'"), ("Redaksi.Lain", "'Moskwa'")]
    assert (report.files, report.exit_code) == (1, 2)


def test_a_missing_rule_folder_is_an_error_and_the_folders_after_it_still_load(write, tmp_path):
    rule_file(tmp_path / "gaya", "Redaksi", "Lain", MOSKWA)
    report = newslint.lint_paths(write("a.txt", ARTICLE), select="Redaksi", rule_paths=[tmp_path / "hilang", tmp_path / "gaya"])
    assert [str(e) for e in report.error_list] == [f"{tmp_path / 'hilang'}: rule folder not found"]
    assert [(f.rule, f.match) for f in report.findings] == [("Redaksi.Lain", "Moskwa")]
