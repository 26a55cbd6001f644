"""The caches (compiled rules, findings of unchanged files): every run shows what an uncached run
shows, whatever was edited in between; nothing read from the cache folder can run code; every
problem with the cache is one warning line and the right result."""
import datetime
import json
import os
import pickle
import shutil
import stat
import subprocess
import sys
import tempfile
import time

import pytest

from conftest import ROOT, rule_file

from newslint import cache
from newslint.api import Linter, lint_text
from newslint.cache import ResultCache, Store
from newslint.config import Config
from newslint.hookspecs import hookimpl
from newslint.plugins import load_registry
from newslint.readers import Source
from newslint.ruleset import load_ruleset

DATES = (ROOT / "rules" / "Indonesian" / "_dates.yml").read_text(encoding="utf-8")
DATE_RULE = "extends: impossible_date\ncategory: date\nmessage: \"'%s' cannot be: that month has only %s days.\"\ntable: {table}\n"
ARTICLE = "Sidang digelar pada 31 April 2025. Bantuan bagi jika diserang.\n"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def both(newslint, monkeypatch):
    """Run the command line with the cache, then without it; the two must agree."""

    def run(*args, cwd=None):
        cached = newslint("--format", "json", *args, cwd=cwd)
        monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
        try:
            plain = newslint("--format", "json", *args, cwd=cwd)
        finally:
            monkeypatch.delenv("NEWSLINT_NO_CACHE")
        assert (cached.code, cached.out) == (plain.code, plain.out)
        return cached

    return run


def edit(path, old, new):
    """Change a file's content keeping its size and modification time: only the content tells."""
    st = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text and len(old) == len(new)
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def messages(run):
    return sorted(f["message"] for f in run.findings)


def entries(folder, prefix="rules-"):
    return sorted(p.name for p in folder.glob(prefix + "*"))


# -- every edit is seen by the next run -----------------------------------------------------------

def test_an_edited_rule_is_seen_by_the_next_run(both, write, tmp_path, cache_dir):
    rule = rule_file(tmp_path / "rules", "T", "R", "extends: existence\ncategory: garbled\nmessage: first\ntokens: [bagi jika]\n")
    write(".newslint.yaml", "rule-paths: [rules]\nselect: [T]\n")
    article = write("a.txt", ARTICLE)
    assert messages(both(article)) == ["first"]
    assert len(entries(cache_dir)) == 1
    assert messages(both(article)) == ["first"]
    assert len(entries(cache_dir)) == 1  # read, not written again
    edit(rule, "first", "again")
    assert messages(both(article)) == ["again"]


def test_a_second_run_reads_the_compiled_rules_rather_than_compiling_again(newslint, write, tmp_path, cache_dir):
    rule_file(tmp_path / "rules", "T", "R", "extends: existence\ncategory: garbled\nmessage: from the rule file\ntokens: [bagi jika]\n")
    write(".newslint.yaml", "rule-paths: [rules]\nselect: [T]\n")
    assert messages(newslint("--format", "json", write("a.txt", ARTICLE))) == ["from the rule file"]
    (entry,) = cache_dir.glob("rules-*")
    # Change the compiled rule in the entry (not the rule file), signed as newslint signs: a run
    # that reads the entry shows the change.
    store = Store()
    header, _, body = store.read(entry.name).partition(b"\n")
    ruleset = pickle.loads(body)
    (check,) = [c for c in ruleset.checks if c.rule.id == "T.R"]
    check.rule.message = "from the cache"
    store.write(entry.name, header + b"\n" + pickle.dumps(ruleset))
    inode = entry.stat().st_ino
    other = write("b.txt", ARTICLE)  # another file: a.txt's findings may be cached themselves
    assert messages(newslint("--format", "json", other)) == ["from the cache"]
    assert entry.stat().st_ino == inode  # and it did not write the entry again


def test_an_edited_table_in_the_rule_folder_is_seen_by_the_next_run(both, write, tmp_path, cache_dir):
    table = write("rules/T/_dates.yml", DATES)
    rule_file(tmp_path / "rules", "T", "Date", DATE_RULE.format(table="_dates.yml"))
    write(".newslint.yaml", "rule-paths: [rules]\nselect: [T]\n")
    article = write("a.txt", ARTICLE)
    assert messages(both(article)) == ["'31 April 2025' cannot be: that month has only 30 days."]
    edit(table, "  April: 4", "  April: 2")
    assert messages(both(article)) == ["'31 April 2025' cannot be: that month has only 28 days."]
    edit(table, "  April: 2", "  April: 5")  # May has 31 days
    assert messages(both(article)) == []


def test_an_edited_table_outside_the_rule_folder_is_seen_by_the_next_run(both, write, tmp_path, cache_dir):
    table = write("rules/tables/dates.yml", DATES)
    rule_file(tmp_path / "rules", "T", "Date", DATE_RULE.format(table="../tables/dates.yml"))
    write(".newslint.yaml", "rule-paths: [rules/T]\nselect: [T]\n")  # the pack's folder: the table is outside it
    article = write("a.txt", ARTICLE)
    assert messages(both(article)) == ["'31 April 2025' cannot be: that month has only 30 days."]
    assert messages(both(article)) == ["'31 April 2025' cannot be: that month has only 30 days."]
    edit(table, "  April: 4", "  April: 2")
    assert messages(both(article)) == ["'31 April 2025' cannot be: that month has only 28 days."]
    assert len(entries(cache_dir)) == 1  # same key (the rule folder is as it was): the entry was replaced
    edit(table, "  April: 2", "  April: 4")
    assert messages(both(article)) == ["'31 April 2025' cannot be: that month has only 30 days."]


PLUGIN_INIT = '''
from pathlib import Path
from newslint.hookspecs import hookimpl


@hookimpl
def newslint_check_kinds():
    from newslint_cachedemo.kinds import Listed
    return {"listed": Listed}


@hookimpl
def newslint_rule_dirs():
    return [Path(__file__).parent / "rules"]
'''

PLUGIN_KINDS = '''
from pathlib import Path

import regex

from newslint.checks import Check, Hit
from newslint_cachedemo.helper import MESSAGE


class Listed(Check):
    """The words of the package's words.txt, read while compiling (not through a table key)."""

    def compile(self):
        words = (Path(__file__).parent / "words.txt").read_text(encoding="utf-8").split()
        self.regex = regex.compile(r"\\b(?:%s)\\b" % "|".join(map(regex.escape, words)))
        self.template = MESSAGE  # the helper module's code shapes the compiled check

    def find(self, doc):
        for m in self.regex.finditer(doc.norm):
            yield Hit(m.start(), m.end(), message=self.template % m.group())
'''


def install_plugin(site, version="1.0", message="'%s' is listed", words="bagi"):
    pkg = site / "newslint_cachedemo"
    (pkg / "rules" / "Demo").mkdir(parents=True, exist_ok=True)
    (pkg / "__init__.py").write_text(PLUGIN_INIT, encoding="utf-8")
    (pkg / "kinds.py").write_text(PLUGIN_KINDS, encoding="utf-8")
    (pkg / "helper.py").write_text(f"MESSAGE = {message!r}\n", encoding="utf-8")
    (pkg / "words.txt").write_text(words, encoding="utf-8")
    (pkg / "rules" / "Demo" / "Listed.yml").write_text("extends: listed\ncategory: garbled\nmessage: unused\n", encoding="utf-8")
    for old in site.glob("newslint_cachedemo-*.dist-info"):
        shutil.rmtree(old)
    dist = site / f"newslint_cachedemo-{version}.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: newslint-cachedemo\nVersion: {version}\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[newslint]\ncachedemo = newslint_cachedemo\n", encoding="utf-8")


def test_a_plugins_code_and_version_are_part_of_the_key(tmp_path, cache_dir):
    site = tmp_path / "site"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]), "PYTHONDONTWRITEBYTECODE": "1"}

    def run(cached=True):
        extra = {} if cached else {"NEWSLINT_NO_CACHE": "1"}
        proc = subprocess.run(
            [sys.executable, "-m", "newslint", "--format", "json", "--select", "Demo", str(article)],
            capture_output=True, text=True, env={**env, **extra},
        )
        assert proc.returncode == 1, proc.stderr
        return sorted(f["message"] for f in json.loads(proc.stdout))

    def both():
        cached = run()
        assert cached == run(cached=False)
        return cached

    install_plugin(site)
    assert both() == ["'bagi' is listed"]
    assert both() == ["'bagi' is listed"]
    install_plugin(site, message="'%s' is on the list")  # a helper module's code, same version
    assert both() == ["'bagi' is on the list"]
    install_plugin(site, version="1.1", message="'%s' is on the list", words="jika")  # data read by code, new version
    assert both() == ["'jika' is on the list"]


def test_rules_of_a_plugin_registered_in_process_are_not_cached(tmp_path, cache_dir):
    class Local:  # no distribution, no version: what it compiles cannot be keyed
        @hookimpl
        def newslint_categories(self):
            return ["local"]

    ruleset = load_ruleset(load_registry(extra_plugins=(Local(),)), store=Store())
    assert ruleset.checks and ruleset.key is None
    assert not list(cache_dir.glob("rules-*"))
    assert load_ruleset(load_registry(), store=Store()).key
    assert len(list(cache_dir.glob("rules-*"))) == 1


# -- nothing in the cache folder runs; every problem is one warning -------------------------------

class Plant:
    """Unpickling this makes a folder: proof that a pickle ran."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


def test_a_planted_entry_does_not_run_and_is_rejected_with_one_warning(both, newslint, write, tmp_path, cache_dir):
    article = write("a.txt", ARTICLE)
    first = both("--select", "Indonesian", article)
    (entry,) = cache_dir.glob("rules-*")
    marker = tmp_path / "ran"
    planted = pickle.dumps(Plant(marker))
    for content in (planted, cache.MAGIC + b"\0" * 32 + planted):  # bare, and with a made-up signature
        entry.write_bytes(content)
        run = newslint("--format", "json", "--select", "Indonesian", article)
        assert not marker.exists()
        assert run.out == first.out
        assert run.err.splitlines() == [f"newslint: warning: cache entry {entry} was not written by newslint for this user (corrupt or planted); ignored"]
    assert newslint("--format", "json", "--select", "Indonesian", article).err == ""  # replaced by a good one


def test_a_corrupt_entry_gives_one_warning_and_the_right_result(both, newslint, write, cache_dir):
    article = write("a.txt", ARTICLE)
    first = both("--select", "Indonesian", article)
    (entry,) = cache_dir.glob("rules-*")
    entry.write_bytes(entry.read_bytes()[:5000])
    run = newslint("--format", "json", "--select", "Indonesian", article)
    assert (run.code, run.out) == (first.code, first.out)
    assert len(run.err.splitlines()) == 1 and "corrupt" in run.err
    assert newslint("--format", "json", "--select", "Indonesian", article).err == ""


def test_a_fifo_under_the_key_is_not_waited_for(both, newslint, write, cache_dir):
    article = write("a.txt", ARTICLE)
    first = both("--select", "Indonesian", article)
    (entry,) = cache_dir.glob("rules-*")
    entry.unlink()
    os.mkfifo(entry)
    run = newslint("--format", "json", "--select", "Indonesian", article)
    assert (run.code, run.out) == (first.code, first.out)
    assert run.err.splitlines() == [f"newslint: warning: cache entry {entry} is not a regular file; ignored"]


def test_a_cache_folder_others_can_write_to_is_refused_with_one_warning(newslint, write, cache_dir):
    article = write("a.txt", ARTICLE)
    cache_dir.mkdir()
    os.chmod(cache_dir, 0o777)
    run = newslint("--format", "json", "--select", "Indonesian", article)
    assert run.code == 1 and run.findings
    assert run.err.splitlines() == [f"newslint: warning: cache {cache_dir}: other users can write to it (chmod 700 it, or remove it); running without the cache"]
    assert list(cache_dir.iterdir()) == []


def test_a_key_file_others_can_read_is_refused(newslint, write, cache_dir):
    article = write("a.txt", ARTICLE)
    assert newslint("--select", "Indonesian", article).err == ""
    os.chmod(cache_dir / "hmac-key", 0o644)
    run = newslint("--select", "Indonesian", article)
    assert run.code == 1
    assert run.err.splitlines() == [f"newslint: warning: cache {cache_dir}: hmac-key can be read by other users; running without the cache"]


def test_a_cache_that_cannot_be_made_is_one_warning(newslint, write, tmp_path, monkeypatch):
    article = write("a.txt", ARTICLE)
    blocker = write("blocker", "a file where the cache folder's parent should be")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
    run = newslint("--select", "Indonesian", article)
    assert run.code == 1 and "Indonesian.BagiJika" in run.out
    assert len(run.err.splitlines()) == 1 and run.err.startswith(f"newslint: warning: cache {blocker / 'cache'}: ")


def test_the_cache_folder_is_made_for_this_user_only(newslint, write, cache_dir):
    umask = os.umask(0o022)  # a usual umask: it must not decide who can read the cache
    try:
        newslint("--select", "Indonesian", write("a.txt", ARTICLE))
    finally:
        os.umask(umask)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((cache_dir / "hmac-key").stat().st_mode) == 0o600
    (shard,) = (cache_dir / "results").iterdir()  # the folder of the file's results
    assert stat.S_IMODE(shard.stat().st_mode) == 0o700


def test_warnings_are_one_line_per_store():
    said = []
    store = Store(warn=said.append)
    store.warn("one")
    store.warn("two")
    assert said == ["one"]


def test_the_python_api_tells_its_warning_on_stderr(cache_dir, capsys):
    """load_ruleset with the default cache: a refused cache folder is one warning line on stderr."""
    cache_dir.mkdir()
    os.chmod(cache_dir, 0o777)
    assert load_ruleset(load_registry()).checks
    assert capsys.readouterr().err == f"newslint: warning: cache {cache_dir}: other users can write to it (chmod 700 it, or remove it); running without the cache\n"


def test_after_a_failed_write_the_run_goes_on_without_the_cache(cache_dir):
    """An entry that cannot be written is one warning naming why; nothing is read or written after
    it, and no temporary file is left behind."""
    said = []
    store = Store(warn=said.append)
    store.write("first", b"written")
    (cache_dir / "second").mkdir()  # a folder where the entry should go
    store.write("second", b"cannot be written")
    store.write("third", b"after the warning")
    assert said == [f"cache {cache_dir}: cannot write: Is a directory; running without the cache"]
    assert sorted(p.name for p in cache_dir.iterdir()) == ["first", "hmac-key", "second"]
    assert store.read("first") is None


def test_the_cache_is_written_inside_its_folder_whatever_the_temporary_folder(newslint, write, cache_dir, tmp_path, monkeypatch):
    """The key and the entries are made in the cache folder and renamed into place: a temporary
    folder that cannot be used (here: missing) does not matter, there is no warning."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-folder"))
    run = newslint("--select", "Indonesian", write("a.txt", ARTICLE))
    assert (run.code, run.err) == (1, "")
    assert (cache_dir / "hmac-key").stat().st_size == 32
    assert len(list(cache_dir.glob("rules-*"))) == 1 and len(list(cache_dir.glob("results/*/*.json"))) == 1


def test_turned_off_nothing_is_written(newslint, write, cache_dir, monkeypatch):
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    assert newslint("--select", "Indonesian", write("a.txt", ARTICLE)).code == 1
    assert not cache_dir.exists()


# -- pruning ---------------------------------------------------------------------------------------

def test_old_entries_are_pruned_keeping_the_newest(newslint, write, tmp_path, cache_dir):
    rule = rule_file(tmp_path / "rules", "T", "R", "extends: existence\ncategory: garbled\nmessage: m00\ntokens: [bagi jika]\n")
    write(".newslint.yaml", "rule-paths: [rules]\nselect: [T]\n")
    article = write("a.txt", ARTICLE)
    cache_dir.mkdir(mode=0o700)
    (cache_dir / "rules-0123.pickle").write_bytes(b"an entry of the old format")
    for n in range(cache.RULES_KEPT + 3):
        rule.write_text(rule.read_text().replace(f"m{n - 1:02d}" if n else "m00", f"m{n:02d}"), encoding="utf-8")
        assert messages(newslint("--format", "json", article)) == [f"m{n:02d}"]
        newest = max(cache_dir.glob("rules-*"), key=lambda p: p.stat().st_mtime_ns)
        os.utime(newest, (1_000_000 + n, 1_000_000 + n))  # distinct ages, however coarse the clock
    kept = entries(cache_dir)
    assert len(kept) == cache.RULES_KEPT and newest.name in kept
    assert "rules-0123.pickle" not in kept  # the old format's entry is gone
    assert messages(newslint("--format", "json", article)) == [f"m{cache.RULES_KEPT + 2:02d}"]
    assert entries(cache_dir) == kept  # the newest was read, not compiled again


def test_pruning_removes_only_old_entries_and_old_leftovers(tmp_path, cache_dir):
    """What pruning leaves in the folder: the newest entries, the key, a temporary file of a run in
    progress (under an hour old), files that are not entries and symlinks; a killed run's old
    temporary file and the old format's entries go."""
    store = Store()
    for n, name in enumerate(["rules-a", "rules-b"]):
        store.write(name, name.encode())
        os.utime(cache_dir / name, (1_000_000 * (n + 1),) * 2)

    def plant(name, mtime=None):
        (cache_dir / name).write_bytes(b"x")
        if mtime is not None:
            os.utime(cache_dir / name, (mtime, mtime))

    plant("rules-0123.pickle")  # the old, unauthenticated format
    plant(".tmp-killed", time.time() - 2 * 3600)  # left by a run killed two hours ago
    plant(".tmp-in-progress")  # another run is writing it now
    plant("notes.txt", 500_000)  # not an entry, older than any
    (tmp_path / "elsewhere").write_bytes(b"not in the cache folder")
    os.symlink(tmp_path / "elsewhere", cache_dir / "rules-elsewhere")
    os.utime(cache_dir / "rules-elsewhere", (100_000, 100_000), follow_symlinks=False)
    store.prune("", "rules-", 1)
    assert sorted(p.name for p in cache_dir.iterdir()) == [".tmp-in-progress", "hmac-key", "notes.txt", "rules-b", "rules-elsewhere"]
    assert store.read("rules-b") == b"rules-b"


# -- configuration errors come before the cache ----------------------------------------------------

def test_a_missing_rule_folder_is_an_error_warm_or_cold(newslint, write, tmp_path, cache_dir):
    article = write("a.txt", ARTICLE)
    assert newslint("--select", "Indonesian", article).code == 1  # the built-in rules are cached now
    write(".newslint.yaml", "rule-paths: [missing]\nselect: [Indonesian]\n")
    expected = f"newslint: error: {tmp_path / 'missing'}: rule folder not found"
    for _ in range(2):
        run = newslint("--select", "Indonesian", article, cwd=tmp_path)
        assert run.code == 2 and expected in run.err.splitlines()


# -- the results cache -----------------------------------------------------------------------------

def _ruleset_key(rule_dir):
    return load_ruleset(load_registry(), [rule_dir], store=Store()).key


def test_results_are_found_again_only_for_the_same_text_rules_and_configuration(write, tmp_path, cache_dir):
    rule = rule_file(tmp_path / "rules", "T", "R", "extends: existence\ncategory: garbled\nmessage: first\ntokens: [bagi jika]\n")
    config = Config(root=tmp_path, select=("T",), rule_paths=(tmp_path / "rules",))
    article = write("a.txt", ARTICLE)
    linter = Linter(config=config)
    findings = linter.lint_source(Source(str(article), article.read_text(), {}, article)).findings
    assert [f.message for f in findings] == ["first"]

    def key(text=ARTICLE, config=config):
        return ResultCache.key(text=text, path=str(article), ruleset=_ruleset_key(tmp_path / "rules"), config=config, rules=["T.R"], meta={})

    results = ResultCache(Store())
    results.put(key(), findings)
    assert results.get(key()) == findings
    assert ResultCache(Store()).get(key()) == findings  # another run
    assert [f.offset for f in results.get(key())] == [f.offset for f in findings]
    assert results.get(key(text=ARTICLE.replace("bagi", "bagi "))) is None  # the file edited
    assert results.get(key(config=Config(root=tmp_path, select=("T",), min_level="warning", rule_paths=config.rule_paths))) is None
    edit(rule, "first", "other")  # a rule edited
    assert results.get(key()) is None


def test_a_text_with_a_lone_surrogate_is_linted_and_cached(cache_dir):
    """Text decoded with surrogateescape (an undecodable byte) gets its findings, and they are cached."""
    text = ARTICLE + "\udcff\n"
    first = lint_text(text, select="Indonesian")
    assert first and lint_text(text, select="Indonesian") == first
    assert len(list(cache_dir.glob("results/*/*.json"))) == 1


def test_the_same_metadata_in_another_order_finds_the_same_results(cache_dir):
    """The order the metadata is given in does not matter: one entry in the results cache."""
    published = datetime.date(2025, 5, 1)
    first = lint_text(ARTICLE, select="Indonesian", meta={"language": "id", "published": published})
    assert lint_text(ARTICLE, select="Indonesian", meta={"published": published, "language": "id"}) == first
    assert len(list(cache_dir.glob("results/*/*.json"))) == 1


def test_a_planted_results_entry_is_rejected(write, tmp_path, cache_dir):
    said = []
    results = ResultCache(Store(warn=said.append))
    key = ResultCache.key(text="x", path="a.txt", ruleset="r", config={})
    results.put(key, [])
    assert results.get(key) == []
    entry = cache_dir / "results" / key[:2] / f"{key}.json"
    entry.write_text(json.dumps([{"path": "a.txt", "line": 1}]), encoding="utf-8")
    assert results.get(key) is None
    assert len(said) == 1 and "planted" in said[0]


def test_results_entries_are_pruned(write, cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "RESULTS_PER_SHARD", 3)
    keys = [f"ab{n}" for n in range(5)]  # one shard: the folder named by a key's first two characters
    for n, key in enumerate(keys):
        ResultCache(Store()).put(key, [])
        os.utime(cache_dir / "results" / "ab" / f"{key}.json", (1_000_000 + n, 1_000_000 + n))
    ResultCache(Store()).put("cd0", [])  # another shard: nothing there to prune
    assert sorted(p.stem for p in (cache_dir / "results" / "ab").iterdir()) == keys[-3:]
    assert ResultCache(Store()).get("cd0") == []


# -- the results cache through the command line (--no-cache, Linter(cache=...)) ---------------------

def test_an_unchanged_file_is_served_from_the_results_cache(newslint, write, tmp_path, cache_dir):
    article = write("a.txt", ARTICLE)
    first = newslint("--format", "json", "--select", "Indonesian", article)
    (entry,) = (cache_dir / "results").glob("*/*.json")
    # Change the stored findings, signed as newslint signs: a run that reads them shows it.
    store = Store()
    name = str(entry.relative_to(cache_dir))
    findings = json.loads(store.read(name))
    findings[0]["message"] = "from the results cache"
    store.write(name, json.dumps(findings).encode())
    run = newslint("--format", "json", "--select", "Indonesian", article)
    assert "from the results cache" in messages(run) and run.code == first.code
    assert newslint("--format", "json", "--no-cache", "--select", "Indonesian", article).out == first.out


def test_the_results_cache_follows_every_edit(both, write, tmp_path, cache_dir):
    rule = rule_file(tmp_path / "rules", "T", "R", "extends: existence\ncategory: garbled\nmessage: first\ntokens: [bagi jika]\n")
    config = write(".newslint.yaml", "rule-paths: [rules]\nselect: [T]\n")
    table = write("rules/T/_dates.yml", DATES)
    rule_file(tmp_path / "rules", "T", "Date", DATE_RULE.format(table="_dates.yml"))
    article = write("a.txt", ARTICLE)
    assert len(both(article).findings) == 2
    assert len(both(article).findings) == 2
    edit(article, "bagi jika", "bagi pula")  # the file
    assert messages(both(article)) == ["'31 April 2025' cannot be: that month has only 30 days."]
    edit(article, "bagi pula", "bagi jika")
    edit(rule, "first", "other")  # a rule
    assert messages(both(article))[1] == "other"
    edit(table, "  April: 4", "  April: 5")  # a table
    assert messages(both(article)) == ["other"]
    config.write_text("rule-paths: [rules]\nselect: [T]\nmin-level: error\n", encoding="utf-8")  # the configuration
    assert messages(both(article)) == []
    assert messages(both("--min-level", "warning", article)) == ["other"]  # the command line


def test_no_cache_neither_reads_nor_writes(newslint, write, cache_dir):
    article = write("a.txt", ARTICLE)
    first = newslint("--no-cache", "--format", "json", "--select", "Indonesian", article)
    assert first.code == 1 and not cache_dir.exists()
    newslint("--select", "Indonesian", article)
    for entry in [*cache_dir.glob("rules-*"), *cache_dir.glob("results/*/*")]:
        entry.write_bytes(b"planted")
    run = newslint("--no-cache", "--format", "json", "--select", "Indonesian", article)
    assert (run.out, run.err) == (first.out, "")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_many_bad_entries_are_one_warning(newslint, write, tmp_path, cache_dir, jobs):
    files = [write(f"a{n}.txt", ARTICLE) for n in range(16)]  # enough for two worker processes
    first = newslint("--format", "json", "--select", "Indonesian", *files)
    for entry in [*cache_dir.glob("rules-*"), *cache_dir.glob("results/*/*")]:
        entry.write_bytes(entry.read_bytes()[:-1])
    run = newslint("--format", "json", "--select", "Indonesian", "-j", jobs, *files)
    assert (run.code, run.out) == (first.code, first.out)
    assert len(run.err.splitlines()) == 1 and "corrupt or planted" in run.err


# -- tables loaded in memory -----------------------------------------------------------------------

def test_a_table_loader_reads_the_file_again_only_when_its_content_changed(tmp_path):
    """A loader decorated with by_content returns the table as it is on disk now: an edit that keeps
    the size and modification time is seen; an unchanged file is not read again."""
    table = tmp_path / "table.txt"
    table.write_text("April: 4\n", encoding="utf-8")
    reads = []

    @cache.by_content
    def load(path):
        reads.append(path)
        return path.read_text(encoding="utf-8")

    assert load(table) == "April: 4\n"
    assert load(table) == "April: 4\n"
    assert len(reads) == 1
    edit(table, "April: 4", "April: 5")
    assert load(table) == "April: 5\n"
    assert len(reads) == 2


@pytest.mark.parametrize("xdg", [None, "xdg"])
def test_the_cache_lives_under_xdg_cache_home_else_home(newslint, write, tmp_path, monkeypatch, xdg):
    """Without NEWSLINT_CACHE_DIR: $XDG_CACHE_HOME/newslint, else ~/.cache/newslint."""
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg:
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / xdg))
    else:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    path = write("a.txt", ARTICLE)
    run = newslint("--format", "json", path)
    assert run.code == 1 and run.err == ""
    expected = tmp_path / xdg / "newslint" if xdg else tmp_path / "home" / ".cache" / "newslint"
    assert list(expected.glob("rules-*")) and list(expected.glob("results/*/*.json"))


def test_a_file_where_the_cache_folder_should_be_is_one_warning(newslint, write, tmp_path, monkeypatch):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder\n", encoding="utf-8")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker))
    monkeypatch.delenv("NEWSLINT_NO_CACHE", raising=False)
    path = write("a.txt", ARTICLE)
    run = newslint("--format", "json", path)
    assert run.code == 1 and [f["rule"] for f in run.findings]
    (warning,) = run.err.splitlines()
    assert warning.startswith("newslint: warning: ") and "not a folder" in warning and str(blocker) in warning
    assert blocker.read_text(encoding="utf-8") == "bukan folder\n"
