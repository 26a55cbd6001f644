"""The matching plan: rules run only where their trigger words occur, and nothing is missed."""
import pytest

from conftest import rule_file

from newslint import lint_text
from newslint.literals import required


@pytest.mark.parametrize("source, words", [
    ("menekan", {"menekan"}),
    ("(?:Bank Barat|Tepi Barat)", {"bank barat", "tepi barat"}),
    (r"\b(?:Sekretaris|Menteri) +Negara\b", {"sekretaris", "menteri"}),  # the more selective part
    (r"(?i)gencatan\s+api", {"gencatan"}),
    (r"Baca ?Juga *:", {"baca"}),
    (r"(?<=\.)Advertisement(?!\w)", {"advertisement"}),
    (r"[Ss]ekretaris (?:luar|dalam) negeri", {"ekretaris "}),
    (r"kata(?:nya)?", {"kata"}),
    (r"colou?r", {"colo"}),
])
def test_required_words_of_a_pattern(source, words):
    assert required(source) == words


@pytest.mark.parametrize("source", [
    r"\p{Lu}{2,}\p{Ll}+",      # classes only
    r"(?:d|k)\w+",              # one letter: too short to be worth indexing
    r"(?:menekan|\d+)",         # one alternative needs no literal
    r"(a)\1",                   # a back-reference: not read
    r"x?y?z?",                  # everything optional
])
def test_patterns_without_required_words_are_unindexed(source):
    assert required(source) is None


def test_many_rules_find_exactly_what_they_should(tmp_path):
    """300 generated rules (the benchmark measures 1,000), each for one made-up word: the article names five of them and gets
    exactly those five findings, one per rule, at the right places."""
    words = [f"katabuatan{i:04d}" for i in range(300)]
    for i, word in enumerate(words):
        rule_file(tmp_path / "gaya", "Banyak", f"R{i:04d}",
                  f"extends: existence\ncategory: garbled\nmessage: \"'%s'\"\ntokens: [{word}]\n")
    picked = [3, 120, 150, 277, 299]
    text = "Berita hari ini. " + " ".join(f"Ada {words[i]} di sini." for i in picked) + "\n"
    found = lint_text(text, select=["Banyak"], rule_paths=[tmp_path / "gaya"])
    assert [(f.rule, f.match, text[f.offset:f.end_offset]) for f in found] == [
        (f"Banyak.R{i:04d}", words[i], words[i]) for i in picked
    ]


def test_unindexed_rules_always_run(tmp_path):
    rule_file(tmp_path / "gaya", "Uji", "Kapital", "extends: existence\ncategory: garbled\nmessage: \"'%s'\"\nraw: ['\\p{Lu}{5,}']\n")
    found = lint_text("Kata TERAKHIR.\n", select=["Uji"], rule_paths=[tmp_path / "gaya"])
    assert [f.match for f in found] == ["TERAKHIR"]
