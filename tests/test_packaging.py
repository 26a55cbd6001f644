"""The built-in rules are found from a wheel installed in a fresh virtual environment outside the
checkout, and the pre-commit hook works through real pre-commit."""
import json
import os
import subprocess
import sys
import venv

import pytest

from conftest import ROOT

ARTICLE = "Kedua menteri menekan perjanjian itu.\n\nBaca Juga: Harga Beras Naik\n"
CLEAN = "Menteri luar negeri kedua negara meneken perjanjian itu di Jakarta.\n"


def sh(*cmd, cwd=None, env=None, check=True):
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True)
    if check and proc.returncode != 0:
        raise AssertionError(f"{cmd} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return proc


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, ROOT)
    (wheel,) = out.glob("newslint-*.whl")
    return wheel


def test_wheel_ships_rules_and_works_outside_the_checkout(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    sh(py, "-m", "pip", "install", "-q", wheel)
    article = tmp_path / "artikel.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    clean_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # Run from an unrelated folder so nothing of the checkout can be picked up.
    run = sh(env_dir / "bin" / "newslint", "--format", "json", article, cwd=tmp_path, env=clean_env, check=False)
    assert run.returncode == 1, run.stderr
    assert {f["rule"] for f in json.loads(run.stdout)} == {"Indonesian.Meneken", "Indonesian.BacaJuga"}
    where = sh(py, "-c", "import newslint.builtin as b; print(b.builtin_rules_dir())", cwd=tmp_path, env=clean_env)
    assert str(env_dir) in where.stdout and "site-packages" in where.stdout


def test_editable_install_finds_rules_in_the_checkout():
    from newslint.builtin import builtin_rules_dir

    assert builtin_rules_dir() == ROOT / "rules"


def test_pre_commit_hook(tmp_path):
    repo = tmp_path / "content"
    repo.mkdir()
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@e")
    env.pop("PYTHONPATH", None)
    sh("git", "init", "-q", cwd=repo)
    (repo / "bad.txt").write_text(ARTICLE, encoding="utf-8")
    (repo / "good.txt").write_text(CLEAN, encoding="utf-8")
    sh("git", "add", ".", cwd=repo)
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", ROOT, "newslint"]
    bad = sh(*pre_commit, "--files", "bad.txt", cwd=repo, env=env, check=False)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "bad.txt:1:15: warning Indonesian.Meneken" in bad.stdout
    good = sh(*pre_commit, "--files", "good.txt", cwd=repo, env=env, check=False)
    assert good.returncode == 0, good.stdout + good.stderr


def test_pre_commit_config_from_the_docs(tmp_path):
    """docs/usage.md's .pre-commit-config.yaml, as written (only `repo:` pointed at a clone of this
    checkout, tagged with the page's `rev` in the clone itself: a CI checkout may have no tags),
    through real `pre-commit run --all-files`: it fails on the example article, printing what the
    page's skipped console block shows, and passes once only a clean article is left."""
    import re

    import newslint
    from test_docs_examples import blocks

    page = blocks(ROOT / "docs" / "usage.md")
    (config,) = [b for b in page if b.attrs.get("title") == ".pre-commit-config.yaml"]
    (shown,) = [b for b in page if b.lang == "console" and b.commands[0][0] == "pre-commit run --all-files"]
    rev = re.search(r"^\s*rev: (\S+)", config.body, re.M)[1]
    assert rev == f"v{newslint.__version__}"
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@e", NO_COLOR="1")
    env.pop("PYTHONPATH", None)
    clone = tmp_path / "newslint"
    sh("git", "clone", "-q", ROOT, clone, env=env)
    sh("git", "tag", "-f", rev, "HEAD", cwd=clone, env=env)
    repo = tmp_path / "content"
    repo.mkdir()
    sh("git", "init", "-q", cwd=repo)
    text, n = re.subn(r"^(\s*- repo: )\S+", lambda m: m[1] + str(clone), config.body, flags=re.M)
    assert n == 1
    (repo / ".pre-commit-config.yaml").write_text(text, encoding="utf-8")
    (repo / "artikel.txt").write_text(shown.files["examples/artikel.txt"], encoding="utf-8")
    (repo / "bersih.txt").write_text(CLEAN, encoding="utf-8")
    sh("git", "add", ".", cwd=repo)
    pre_commit = [sys.executable, "-m", "pre_commit"]
    sh(*pre_commit, "install-hooks", cwd=repo, env=env)  # its "[INFO] Installing ..." lines, not shown on the page
    bad = sh(*pre_commit, "run", "--all-files", cwd=repo, env=env, check=False)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    # pre-commit ends its report with a blank line, which a console block cannot show (blank lines
    # at the end of an output there only separate it from the next command).
    assert bad.stderr == "" and bad.stdout.rstrip("\n") + "\n" == shown.commands[0][1]
    sh("git", "rm", "-qf", "artikel.txt", cwd=repo)
    good = sh(*pre_commit, "run", "--all-files", cwd=repo, env=env, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    assert good.stdout.startswith("newslint....") and good.stdout.rstrip().endswith("Passed")
