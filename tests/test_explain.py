"""`newslint --explain RULE`: one rule in full, with its examples; and `--list-rules` summaries."""
from conftest import rule_file

KORUT = """extends: substitution
category: garbled
level: suggestion
message: "House style: write '%s', not '%s'."
description: |
  Dr. Ali's style sheet says "Korut. Korsel." are for headlines only. In the body the names are
  written in full.
link: https://example.com/gaya
applicability: safe
swap: {Korut: Korea Utara}
tests:
  flag:
    - "Pemimpin {{Korut}} tiba di Moskwa."
  ok:
    - "Pemimpin Korea Utara tiba di Moskwa.\\n\\nIa disambut."
  fix:
    - text: "Kunjungan ke Korut batal."
      output: "Kunjungan ke Korea Utara batal."
"""

KORUT_EXPLAINED = """\
Redaksi.Korut: Dr. Ali's style sheet says "Korut. Korsel." are for headlines only.

Dr. Ali's style sheet says "Korut. Korsel." are for headlines only. In the body the names are
written in full.

Level: suggestion
Category: garbled
Kind: substitution
Fix: safe
Message: House style: write '%s', not '%s'.
More: https://example.com/gaya

Flagged (what is reported is between » and «):

  - Pemimpin »Korut« tiba di Moskwa.

Left alone:

  - Pemimpin Korea Utara tiba di Moskwa.

    Ia disambut.

Fixed:

  - Kunjungan ke Korut batal.
    safe fix -> Kunjungan ke Korea Utara batal.
"""

BARE = """extends: existence
category: garbled
message: "'%s'"
tokens: [Korut]
"""


def _pack(tmp_path, write, config="rule-paths: [gaya]\n", **rules):
    for name, body in rules.items():
        pack, rule = name.split("_")
        rule_file(tmp_path / "gaya", pack, rule, body)
    write(".newslint.yaml", config)


def test_builtin_rule_with_its_examples_and_no_fix(newslint):
    run = newslint("--explain", "Indonesian.Meneken")
    assert (run.code, run.err) == (0, "")
    lines = run.out.splitlines()
    assert lines[0] == (
        'Indonesian.Meneken: Machine translation (and hurried typing) turns "meneken" (to sign) into '
        '"menekan" (to press) when the object is something one signs: an agreement, a pact, a decree, a law.'
    )
    for line in ("Level: warning", "Category: mistranslation", "Kind: substitution", "Fix: none",
                 "More: https://kbbi.kemdikbud.go.id/entri/teken", "  - Presiden »menekan« dekrit itu pada Senin.",
                 "  - Kim Jong Un meneken perjanjian itu di Pyongyang."):
        assert line in lines
    flagged, left_alone = lines.index("Flagged (what is reported is between » and «):"), lines.index("Left alone:")
    assert flagged < lines.index("  - Presiden »menekan« dekrit itu pada Senin.") < left_alone
    assert "Fixed:" not in lines  # Meneken has two suggestions, so no fix and no fix examples


def test_builtin_rule_with_safe_and_unsafe_fixes(newslint):
    run = newslint("--explain", "Indonesian.DoubledWord")
    assert (run.code, run.err) == (0, "")
    assert "\nFix: safe, unsafe\n" in run.out
    assert "  - Ia tinggal »di di« Jakarta.\n" in run.out
    assert (
        "  - Kapal itu berlayar melewati pulau pulau kecil di timur.\n"
        "    unsafe fix -> Kapal itu berlayar melewati pulau-pulau kecil di timur.\n"
    ) in run.out


def test_rule_from_a_pack_of_rule_paths(newslint, write, tmp_path):
    _pack(tmp_path, write, Redaksi_Korut=KORUT)
    run = newslint("--explain", "Redaksi.Korut", cwd=tmp_path)
    assert (run.code, run.out, run.err) == (0, KORUT_EXPLAINED, "")


def test_rule_id_is_case_insensitive(newslint):
    assert newslint("--explain", "INDONESIAN.meneken").out == newslint("--explain", "Indonesian.Meneken").out


def test_bare_name_when_one_pack_has_it(newslint, write, tmp_path):
    _pack(tmp_path, write, Redaksi_Korut=KORUT)
    run = newslint("--explain", "korut", cwd=tmp_path)
    assert (run.code, run.out, run.err) == (0, KORUT_EXPLAINED, "")


def test_bare_name_in_two_packs_asks_for_the_id(newslint, write, tmp_path):
    _pack(tmp_path, write, Redaksi_Korut=KORUT, Arsip_Korut=BARE)
    run = newslint("--explain", "Korut", cwd=tmp_path)
    assert (run.code, run.out) == (2, "")
    assert run.err == "newslint: error: rule name 'Korut' is in several packs: 'Arsip.Korut' and 'Redaksi.Korut'; give the full id\n"


def test_rule_without_description_or_examples_opt_in(newslint, write, tmp_path):
    _pack(tmp_path, write, Arsip_Korut=BARE + "opt-in: true\n")
    run = newslint("--explain", "arsip.korut", cwd=tmp_path)
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        "Arsip.Korut\n\nLevel: warning\nCategory: garbled\nKind: existence\nFix: none\n"
        "Opt-in: runs only when --select or select names it by its id\nMessage: '%s'\n"
    )


def test_unknown_rule_suggests_the_closest(newslint):
    run = newslint("--explain", "Indonesian.Menekan")
    assert (run.code, run.out, run.err) == (2, "", "newslint: error: no rule 'Indonesian.Menekan' (did you mean 'Indonesian.Meneken'?)\n")
    bare = newslint("--explain", "doubleword")
    assert bare.err == "newslint: error: no rule 'doubleword' (did you mean 'Indonesian.DoubledWord' or 'Indonesian.GluedWords'?)\n"
    wrong_pack = newslint("--explain", "Indonesia.Meneken")
    assert wrong_pack.err == "newslint: error: no rule 'Indonesia.Meneken' (did you mean 'Indonesian.Meneken'?)\n"


def test_unknown_rule_with_nothing_close(newslint):
    run = newslint("--explain", "zzzzzz")
    assert (run.code, run.out, run.err) == (2, "", "newslint: error: no rule 'zzzzzz' (--list-rules lists them)\n")


def test_a_rule_the_configuration_does_not_select_is_still_explained(newslint, write, tmp_path):
    _pack(tmp_path, write, "rule-paths: [gaya]\nselect: [Indonesian]\nignore: [Indonesian.Meneken]\n", Redaksi_Korut=KORUT)
    assert newslint("--explain", "Redaksi.Korut", cwd=tmp_path).out == KORUT_EXPLAINED
    assert newslint("--explain", "Indonesian.Meneken", cwd=tmp_path).code == 0


def test_a_broken_rule_file_is_told_and_the_status_is_2(newslint, write, tmp_path):
    _pack(tmp_path, write, Redaksi_Korut=KORUT, Redaksi_Rusak="extends: nothing\n")
    run = newslint("--explain", "Redaksi.Korut", cwd=tmp_path)
    assert (run.code, run.out) == (2, KORUT_EXPLAINED)
    assert run.err.startswith("newslint: error: ") and "Rusak.yml:1: unknown check kind 'nothing'" in run.err


def test_list_rules_prints_whole_first_sentences(newslint, write, tmp_path):
    _pack(tmp_path, write, Redaksi_Korut=KORUT)
    run = newslint("--list-rules", "--select", "Redaksi,Indonesian.CommentForm", cwd=tmp_path)
    assert (run.code, run.err) == (0, "")
    assert run.out.splitlines() == [
        "Indonesian.CommentForm\tboilerplate\twarning\texistence\tindexed\tWordPress comment forms in Indonesian "
        'and English: "Tinggalkan Balasan", "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *", "Komentar (3)".',
        'Redaksi.Korut\tgarbled\tsuggestion\tsubstitution\tindexed\tDr. Ali\'s style sheet says "Korut. Korsel." are for headlines only.',
    ]
