"""The compiled-rule cache: used when nothing changed, rebuilt when a rule file changes."""
import os

from conftest import rule_file

ARTICLE = "Bantuan bagi jika diserang.\n"


def test_cache_is_written_reused_and_invalidated(newslint, write, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    rule = rule_file(tmp_path / "rules", "T", "R", "extends: existence\ncategory: garbled\nmessage: first\ntokens: [bagi jika]\n")
    write(".newslint.yaml", "rule-paths: [rules]\nselect: [T]\n")
    article = write("a.txt", ARTICLE)
    assert newslint("--format", "json", article).findings[0]["message"] == "first"
    files = sorted(cache.glob("rules-*.pickle"))
    assert len(files) == 1
    assert newslint("--format", "json", article).findings[0]["message"] == "first"
    assert sorted(cache.glob("rules-*.pickle")) == files  # reused, nothing new written
    rule.write_text(rule.read_text().replace("first", "second"), encoding="utf-8")
    os.utime(rule, ns=(rule.stat().st_atime_ns, rule.stat().st_mtime_ns + 10**9))
    assert newslint("--format", "json", article).findings[0]["message"] == "second"
    assert len(list(cache.glob("rules-*.pickle"))) == 2


def test_cache_can_be_turned_off_and_a_broken_cache_is_ignored(newslint, write, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(cache))
    article = write("a.txt", "Kedua menteri menekan perjanjian itu.\n")
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    assert newslint("--select", "Indonesian.Meneken", article).code == 1
    assert not cache.exists()
    monkeypatch.delenv("NEWSLINT_NO_CACHE")
    assert newslint("--select", "Indonesian.Meneken", article).code == 1
    for f in cache.glob("rules-*.pickle"):
        f.write_bytes(b"not a pickle")
    run = newslint("--format", "json", "--select", "Indonesian.Meneken", article)
    assert run.code == 1 and run.findings[0]["rule"] == "Indonesian.Meneken"
