"""The matching plan: rules run only where their trigger words occur, and nothing is missed."""
import pytest

from conftest import ROOT, rule_file

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


def _all_checks(monkeypatch):
    """Make the engine run every check on every article, as it did before the plan."""
    from newslint import engine

    class Everything:
        def __init__(self, checks):
            self.checks = list(checks)

        def runnable(self, text):
            return self.checks

    monkeypatch.setattr(engine, "plan_for", Everything)


ARTICLES = sorted((ROOT / "benchmarks" / "articles").glob("*.txt"))  # written for the project


def test_the_plan_changes_no_finding_of_the_built_in_pack(monkeypatch):
    """On the project's own articles (errors, residue and clean text), the built-in pack reports
    exactly what it reports when every rule runs everywhere."""
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    assert len(texts) >= 20
    planned = [lint_text(t, path=p.name) for t, p in zip(texts, ARTICLES)]
    _all_checks(monkeypatch)
    plain = [lint_text(t, path=p.name) for t, p in zip(texts, ARTICLES)]
    assert planned == plain and sum(map(len, plain)) >= 40


def test_a_thousand_more_rules_change_no_built_in_finding(tmp_path):
    """The benchmark's rule-count run, checked: with 1,000 generated rules (two of whose words the
    article has), the built-in findings are those of the built-in pack alone."""
    for i in range(1000):
        rule_file(tmp_path / "gaya", "Banyak", f"R{i:04d}",
                  f"extends: existence\ncategory: garbled\nmessage: \"'%s'\"\ntokens: [katabuatan{i:04d}]\n")
    text = ARTICLES[0].read_text(encoding="utf-8") + "\nAda katabuatan0007 dan katabuatan0999 di sini.\n"
    alone = lint_text(text)
    more = lint_text(text, rule_paths=[tmp_path / "gaya"])
    assert [f for f in more if not f.rule.startswith("Banyak.")] == alone and alone
    assert [f.match for f in more if f.rule.startswith("Banyak.")] == ["katabuatan0007", "katabuatan0999"]
