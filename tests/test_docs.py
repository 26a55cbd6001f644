"""docs/rules.md is generated from the rules and must not drift from them."""
from newslint.docgen import builtin_page, main

from conftest import ROOT


def test_rules_page_is_up_to_date():
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == builtin_page(), "docs/rules.md is stale: run python -m newslint.docgen docs/rules.md"


def test_every_shipped_rule_has_a_section():
    page = builtin_page()
    for rule_file in sorted(p for p in (ROOT / "rules").glob("*/*.yml") if not p.name.startswith("_")):
        assert f"### {rule_file.parent.name}.{rule_file.stem}\n" in page


def test_check_mode(tmp_path, capsys):
    target = tmp_path / "rules.md"
    target.write_text("old\n", encoding="utf-8")
    assert main(["--check", str(target)]) == 1
    assert "out of date" in capsys.readouterr().err
    assert main([str(target)]) == 0
    assert main(["--check", str(target)]) == 0
