"""The layering the design promises: check kinds and the knowledge modules they use never reach
the engine, the API or the command line, directly or through another module (data flows reader
-> Document -> checks -> findings -> formatter)."""
import ast
from pathlib import Path

import newslint

PACKAGE = Path(newslint.__file__).parent
UPPER = {"newslint.engine", "newslint.api", "newslint.cli", "newslint.parallel"}


def module_file(name: str):
    path = PACKAGE.joinpath(*name.split(".")[1:])
    return path.with_suffix(".py") if path.with_suffix(".py").is_file() else path / "__init__.py"


def imports_of(name: str) -> set[str]:
    """The newslint modules ``name`` imports, at the top or inside a function."""
    tree = ast.parse(module_file(name).read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("newslint.")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("newslint"):
            for a in node.names:  # "from newslint import engine" imports a module
                sub = f"{node.module}.{a.name}"
                out.add(sub if module_file(sub).is_file() else node.module)
    return out - {"newslint"}


def reached_from(start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += imports_of(name)
    return seen


def test_check_kinds_never_reach_the_engine_the_api_or_the_command_line():
    kinds = sorted(f"newslint.kinds.{p.stem}" for p in (PACKAGE / "kinds").glob("*.py") if p.stem != "__init__")
    assert len(kinds) >= 10
    for kind in kinds:
        assert not reached_from(kind) & UPPER, kind


def test_knowledge_modules_sit_together_and_never_reach_the_engine():
    knowledge = sorted(f"newslint.knowledge.{p.stem}" for p in (PACKAGE / "knowledge").glob("*.py") if p.stem != "__init__")
    assert {"newslint.knowledge.dates", "newslint.knowledge.langid", "newslint.knowledge.officeholders"} <= set(knowledge)
    for module in knowledge:
        assert not reached_from(module) & (UPPER | {"newslint.checks"}), module


def test_the_walk_sees_an_engine_import():
    """The check above can fail: the API does reach the engine."""
    assert "newslint.engine" in reached_from("newslint.api")
