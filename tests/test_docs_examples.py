"""The examples in README.md and docs/*.md are run, so the docs cannot drift from the tool.

Every ```console block is run for real: each `$ ` command in it runs in bash, in a fresh folder,
with this checkout's newslint first on PATH, and what it prints (standard output and standard
error together, in the order written) must be the text that follows it in the block, line for line;
`$ echo $?` prints the status of the command before it. The files the commands read come from
the docs too: a fenced block whose info string has `title="PATH"` (```text title="artikel.txt")
is a file, written at PATH before each console block that follows it on the same page. A console
block that cannot run here says why in its info string (```console skip="...") and is counted
below. docs/testing.md describes the convention; docs/rules.md is generated and not read here.
"""
from __future__ import annotations

import difflib
import doctest
import json
import os
import re
import shlex
import subprocess
import sys
import sysconfig
import venv
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT

PAGES = [ROOT / "README.md"] + sorted(p for p in (ROOT / "docs").glob("*.md") if p.name != "rules.md")

# This venv's newslint (and python, pip, pre-commit) come first on PATH.
VENV_BIN = Path(sys.executable).parent

# What the docs show instead of the test's temporary folders, the only thing normalised in the
# output: the folder the commands run in is shown as /tmp/demo (error messages name config and
# rule files by absolute path) and the private home folder (where the cache lives) as /home/ana.
SHOWN_CWD = "/tmp/demo"
SHOWN_HOME = "/home/ana"

# Console blocks that cannot run here, each marked skip="..." in its page: (page, first command).
# Keep this short: a block that can be made to run should be.
SKIPPED = {
    ("docs/usage.md", "pre-commit run --all-files"),  # run by tests/test_packaging.py instead
}

FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')


@dataclass
class Block:
    page: Path
    line: int  # the line of the opening fence, 1-based
    lang: str
    attrs: dict
    body: str  # the text between the fences, the fence's indentation removed, ending in "\n"
    files: dict = field(default_factory=dict)  # PATH -> text: the file blocks above it on its page

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def id(self) -> str:
        return re.sub(r"[^0-9A-Za-z]+", "_", f"{self.page.stem}_{self.line}")

    @property
    def commands(self) -> list[tuple[str, str]]:
        """(command, the output shown after it) for each `$ ` line; blank lines that end an
        output only separate it from the next command."""
        out: list[tuple[str, list[str]]] = []
        for line in self.body.splitlines():
            if line.startswith("$ "):
                out.append((line[2:], []))
            elif out:
                out[-1][1].append(line)
            else:
                raise AssertionError(f"{self.name}: a console block must start with a `$ ` command")
        result = []
        for command, lines in out:
            while lines and not lines[-1].strip():
                lines.pop()
            result.append((command, "".join(line + "\n" for line in lines)))
        return result


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of a Markdown page, in order, each knowing the file blocks above it."""
    found: list[Block] = []
    files: dict[str, str] = {}
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence = len(m["indent"]), m["fence"]
        words = m["info"].strip().split(None, 1)
        lang = words[0] if words else ""
        attrs = dict(ATTR.findall(words[1])) if len(words) > 1 else {}
        end = i + 1
        closing = re.compile(rf"^ *{re.escape(fence[0])}{{{len(fence)},}} *$")
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        assert end < len(lines), f"{page}:{i + 1}: a fence that is never closed"
        body = "".join(line[indent:] + "\n" if not line[:indent].strip() else line + "\n" for line in lines[i + 1 : end])
        block = Block(page, i + 1, lang, attrs, body, dict(files))
        if "title" in attrs:
            path = attrs["title"]
            assert not Path(path).is_absolute() and ".." not in Path(path).parts, f"{block.name}: {path!r}"
            files[path] = body
        found.append(block)
        i = end + 1
    return found


ALL = [b for page in PAGES for b in blocks(page)]
CONSOLE = [b for b in ALL if b.lang == "console"]
FILES = [b for b in ALL if "title" in b.attrs]


def test_the_pages_hold_the_examples_they_should():
    # A parser that finds nothing would pass every test below.
    assert {b.page.name for b in CONSOLE} >= {"README.md", "usage.md", "fixes.md", "plugins.md", "rules-format.md"}
    assert len(CONSOLE) >= 30 and len(FILES) >= 10
    assert len({b.id for b in ALL}) == len(ALL)


def test_the_configuration_reference_has_every_key():
    """docs/usage.md's table of configuration keys has a row for each key the loader knows."""
    from newslint.config import KEYS

    page = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    table = page[page.index("| key | value | default |"):]
    rows = re.findall(r"^\| `([a-z-]+)` \|", table[: table.index("\n\n")], re.M)
    assert sorted(rows) == sorted(KEYS)


def test_skipped_blocks_are_few_and_named():
    skipped = {(str(b.page.relative_to(ROOT)), b.commands[0][0]) for b in CONSOLE if "skip" in b.attrs}
    assert skipped == SKIPPED
    assert all(b.attrs["skip"].strip() for b in CONSOLE if "skip" in b.attrs)


@pytest.mark.parametrize("block", [b for b in FILES if (ROOT / b.attrs["title"]).is_file()], ids=lambda b: b.id)
def test_a_file_shown_from_the_checkout_is_the_checkouts_file(block):
    """A page that shows examples/artikel.txt shows what is in it."""
    assert block.body == (ROOT / block.attrs["title"]).read_text(encoding="utf-8"), block.name


def overlay_environment(where: Path) -> Path:
    """A virtual environment that sees every package of this venv (newslint as installed, its
    dependencies, pip) and installs into its own folder: `pip install` in a doc installs there, and
    its `newslint` sees what was installed. Returns its bin folder."""
    venv.create(where, with_pip=False, symlinks=True)
    python = where / "bin" / "python"
    own = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                         capture_output=True, text=True, check=True).stdout.strip()
    Path(own, "_newslint_docs.pth").write_text(f"import site; site.addsitedir({sysconfig.get_path('purelib')!r})\n")
    for name, module in (("newslint", "newslint.cli"), ("pip", "pip._internal.cli.main")):
        script = where / "bin" / name
        script.write_text(f"#!{python}\nimport sys\nfrom {module} import main\nsys.exit(main())\n")
        script.chmod(0o755)
    return where / "bin"


def environment(block: Block, tmp_path: Path, pip: bool = False) -> tuple[Path, Path, dict]:
    """A fresh folder holding the files above the block on its page, a private home, and the
    environment the commands run in: (folder, home, env)."""
    cwd, home = tmp_path / "demo", tmp_path / "home"
    cwd.mkdir(parents=True)
    home.mkdir()
    for path, text in block.files.items():
        (cwd / path).parent.mkdir(parents=True, exist_ok=True)
        (cwd / path).write_text(text, encoding="utf-8")
    path = [str(VENV_BIN), os.environ["PATH"]]
    if pip:
        path.insert(0, str(overlay_environment(tmp_path / "env")))
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("NEWSLINT_", "XDG_", "PYTHON", "PIP_REQUIRE")) and k not in ("VIRTUAL_ENV", "COLUMNS")}
    env.update(
        PATH=os.pathsep.join(path), HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), NO_COLOR="1",
        LC_ALL="C.UTF-8",
        # Without a terminal Python buffers standard output but not standard error; unbuffered,
        # the two come out in the order they are written, as on a terminal.
        PYTHONUNBUFFERED="1",
    )
    return cwd, home, env


def run_block(block: Block, tmp_path: Path) -> list[tuple[str, str, str]]:
    """Run a console block's commands; (command, shown output, real output) for each."""
    cwd, home, env = environment(block, tmp_path, pip=any(c.startswith("pip ") for c, _ in block.commands))
    results, status = [], None
    for command, shown in block.commands:
        if command == "echo $?":
            real = f"{status}\n"
        else:
            proc = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
            status = proc.returncode
            real = proc.stdout.decode("utf-8", errors="backslashreplace")
            for folder, shown_as in ((cwd, SHOWN_CWD), (home, SHOWN_HOME)):
                real = real.replace(str(folder.resolve()), shown_as).replace(str(folder), shown_as)
        results.append((command, shown, real))
    return results


def matches(shown: str, real: str) -> bool:
    """The real output is the shown one; a line `...` alone in the shown output stands for any
    number of lines (used only where the output is another program's and not the point, such as
    pip's progress)."""
    if "...\n" not in shown.splitlines(keepends=True):
        return real == shown
    pattern = "".join("(?:.*\n)*?" if line == "...\n" else re.escape(line) for line in shown.splitlines(keepends=True))
    return re.fullmatch(pattern, real) is not None


@pytest.mark.parametrize("block", CONSOLE, ids=lambda b: b.id)
def test_console_example(block, tmp_path):
    if "skip" in block.attrs:
        pytest.skip(f"{block.name}: {block.attrs['skip']}")
    for command, shown in block.commands:
        if "...\n" in shown.splitlines(keepends=True):
            assert command.startswith("pip "), f"{block.name}: `...` stands only for pip's progress, not `$ {command}`'s output"
    for command, shown, real in run_block(block, tmp_path):
        diff = "".join(difflib.unified_diff(shown.splitlines(True), real.splitlines(True), "the doc", "the run"))
        assert matches(shown, real), f"{block.name}: `$ {command}` does not print what the doc shows:\n{diff}"


# -- docs/api.md ----------------------------------------------------------------------------------
API = [b for b in ALL if b.page.name == "api.md" and b.lang in ("python", "pycon")]


@pytest.mark.parametrize("block", API, ids=lambda b: b.id)
def test_api_example(block, tmp_path, monkeypatch):
    """A `>>>` session runs through doctest, its output compared as doctest compares it (no
    option flags: no ellipsis, no whitespace folding); a plain Python block must run without an
    error. Both run in a folder holding the page's files above them, as a console block does."""
    import newslint

    for path, text in block.files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    if ">>> " not in block.body:
        exec(compile(block.body, block.name, "exec"), {"newslint": newslint})  # the page's first block imports it
        return
    test = doctest.DocTestParser().get_doctest(block.body, {}, block.id, str(block.page), block.line)
    assert test.examples, block.name
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=0)
    runner.run(test, out=report.append, clear_globs=True)
    assert runner.failures == 0, f"{block.name}:\n" + "".join(report)


def test_api_pages_examples_are_sessions_and_calls():
    assert sum(">>> " in b.body for b in API) >= 4
    assert any("lint_paths(" in b.body and ">>> " in b.body for b in API)
    assert any("lint_text(" in b.body and ">>> " in b.body for b in API)


@pytest.mark.parametrize("name", ["lint_paths", "lint_text"])
def test_api_page_names_every_argument(name):
    """The call that shows a function's arguments on docs/api.md names each of them."""
    import ast
    import inspect

    import newslint

    (call,) = [node for b in API if ">>> " not in b.body for node in ast.walk(ast.parse(b.body))
               if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == name]
    params = list(inspect.signature(getattr(newslint, name)).parameters)
    assert len(call.args) == 1 and [k.arg for k in call.keywords] == params[1:]


# -- docs/ci.md -----------------------------------------------------------------------------------
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
RECIPES = [b for b in ALL if b.lang == "yaml" and b.page.name in ("ci.md", "usage.md") and "newslint --format" in b.body]
CI = {b.attrs["title"]: b for b in RECIPES if b.page.name == "ci.md"}
CLEAN = "Menteri luar negeri kedua negara meneken perjanjian itu di Jakarta.\n"


def commands_in(data) -> list[str]:
    """Every command line under a `run:` or `script:` key of a workflow, a job or a step list."""
    out: list[str] = []

    def walk(node, key=None):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in ("run", "script"):
            out.extend(line.strip() for line in node.splitlines() if line.strip())

    walk(data)
    return out


def run_recipe(block: Block, tmp_path: Path, article: str | None = None) -> tuple[Path, dict]:
    """Run the newslint command lines of a YAML recipe, in a folder holding docs/ci.md's article
    (or another text in its place); {command: (exit status, what it printed)}."""
    (source,) = [b for b in ALL if b.attrs.get("title") == "articles/berita.txt"]
    block = Block(block.page, block.line, block.lang, block.attrs, block.body, {**block.files, **source.files, "articles/berita.txt": article or source.body})
    cwd, _, env = environment(block, tmp_path)
    runs = {}
    for command in commands_in(yaml.safe_load(block.body)):
        if command.startswith("newslint "):
            proc = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
            runs[command] = (proc.returncode, proc.stdout + proc.stderr)
    assert runs, f"{block.name}: no newslint command"
    return cwd, runs


def written_to(command: str) -> str:
    assert command.count(">") == 1, command
    return shlex.split(command.split(">")[1])[0]


def check_report(command: str, path: Path) -> list:
    """The file a --format sarif or gitlab command wrote is valid: the SARIF log against the OASIS
    schema (as tests/test_formats.py checks it), the Code Quality report as GitLab reads it."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if "--format sarif" in command:
        jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(data)
        (run,) = data["runs"]
        return [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in run["results"]]
    assert "--format gitlab" in command, command
    assert isinstance(data, list)
    for issue in data:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert len(issue["fingerprint"]) == 64 and int(issue["fingerprint"], 16) >= 0
        assert isinstance(issue["location"]["lines"]["begin"], int)
    return [(i["check_name"], i["location"]["path"]) for i in data]


FOUND = [("Indonesian.Meneken", "articles/berita.txt"), ("Indonesian.BacaJuga", "articles/berita.txt")]


@pytest.mark.parametrize("block", RECIPES, ids=lambda b: b.id)
def test_ci_recipe_commands_write_valid_reports(block, tmp_path):
    """Each newslint command line of a recipe, run on the article, writes a valid report of its
    two findings; on a clean article, an empty one."""
    cwd, runs = run_recipe(block, tmp_path / "a")
    for command, (status, printed) in runs.items():
        if ">" in command:
            assert printed == "" and status == (0 if "--exit-zero" in command else 1), (command, printed)
            assert check_report(command, cwd / written_to(command)) == FOUND
    cwd, runs = run_recipe(block, tmp_path / "b", article=CLEAN)
    for command, (status, printed) in runs.items():
        assert status == 0, (command, printed)
        if ">" in command:
            assert check_report(command, cwd / written_to(command)) == []


def test_github_actions_workflow():
    import newslint

    workflow = yaml.safe_load(CI[".github/workflows/newslint.yml"].body)
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "push" in on and "pull_request" in on
    assert workflow["permissions"]["security-events"] == "write"
    (job,) = workflow["jobs"].values()
    steps = job["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert uses[0].startswith("actions/checkout@")
    runs = [step.get("run", "") for step in steps]
    (install,) = [i for i, r in enumerate(runs) if r.startswith("pip install")]
    (sarif,) = [i for i, r in enumerate(runs) if r.startswith("newslint --format sarif")]
    (upload,) = [i for i, u in enumerate(uses) if u.startswith("github/codeql-action/upload-sarif@")]
    (annotate,) = [i for i, r in enumerate(runs) if r.startswith("newslint --format github")]
    assert install < sarif < upload < annotate  # the report is uploaded before the failing step
    assert steps[upload]["with"]["sarif_file"] == written_to(runs[sarif])
    assert "--exit-zero" in runs[sarif] and "--exit-zero" not in runs[annotate] and ">" not in runs[annotate]
    assert runs[install].endswith(f'@v{newslint.__version__}"')  # the tag usage.md's pre-commit rev names


def test_github_annotations_name_each_finding(tmp_path):
    _, runs = run_recipe(CI[".github/workflows/newslint.yml"], tmp_path)
    (status, printed), = [v for c, v in runs.items() if "--format github" in c]
    assert status == 1
    assert [line.split(",")[0] for line in printed.splitlines()] == ["::warning file=articles/berita.txt"] * 2
    assert [line.split("title=")[1].split("::")[0] for line in printed.splitlines()] == [rule for rule, _ in FOUND]


def test_gitlab_code_quality_job():
    import newslint

    jobs = yaml.safe_load(CI[".gitlab-ci.yml"].body)
    (job,) = jobs.values()
    (report,) = [written_to(c) for c in job["script"] if c.startswith("newslint --format gitlab")]
    assert job["artifacts"]["reports"]["codequality"] == report
    assert job["artifacts"]["when"] == "always"  # the report is uploaded when newslint fails the job
    (install,) = [c for c in job["script"] if c.startswith("pip install")]
    assert install.endswith(f'@v{newslint.__version__}"')


def test_ci_page_is_linked_from_readme_and_usage():
    for page in ("README.md", "docs/usage.md"):
        assert "ci.md" in (ROOT / page).read_text(encoding="utf-8"), page
