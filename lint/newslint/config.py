"""Configuration: ``.newslint.yaml`` or ``[tool.newslint]`` in ``pyproject.toml``, found by walking
up from each linted file; ``--config`` names one file for every input. Options given on the
command line beat the file (``--ignore`` adds to the file's ignores).

Keys (the same in both files)::

    select: [rule, pack or category, ...]     # default: every rule
    ignore: [...]
    per-file-ignores: {"glob": [selectors]}   # globs relative to the config file's folder
    rule-paths: [folders]                     # extra rule packs, relative to the config file
    min-level: suggestion|warning|error       # report findings at or above this level
    fail-level: suggestion|warning|error      # exit 1 when a finding is at or above this level
    language: id                              # the articles' language (front matter beats it)
    exclude: [globs]                          # files and folders skipped when a folder is linted
    text-field: text                          # corpus records (.jsonl, .csv): the article's field
    id-field: id                              # ... and its id, title, publication date, outlet
    title-field / date-field / source-field: name
"""
from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from newslint.errors import ConfigError
from newslint.findings import LEVELS
from newslint.yamlfile import read_mapping

YAML_NAME = ".newslint.yaml"
PYPROJECT = "pyproject.toml"
FIELD_KEYS = ("text-field", "id-field", "title-field", "date-field", "source-field")
KEYS = ("select", "ignore", "per-file-ignores", "rule-paths", "min-level", "fail-level", "language", "exclude", *FIELD_KEYS)


@dataclass(frozen=True)
class Config:
    root: Path  # folder that relative globs and rule paths start from
    file: str | None = None  # the file it came from, for messages
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rule_paths: tuple[Path, ...] = ()
    min_level: str = "suggestion"
    fail_level: str = "warning"
    language: str | None = None
    exclude: tuple[str, ...] = ()  # globs of files and folders a folder's walk skips
    fields: tuple[tuple[str, str], ...] = ()  # corpus records: ("text", "body"), ... from the *-field keys

    def excluded(self, path) -> bool:
        """Whether ``exclude`` names this file or folder (its path relative to the config's
        folder, or its name)."""
        return bool(self.exclude) and matches_glob(self.exclude, path, self.root)

    def ignored_for(self, path: Path | None) -> tuple[str, ...]:
        """Selectors ignored for this file by ``per-file-ignores``."""
        if path is None or not self.per_file_ignores:
            return ()
        try:
            rel = PurePosixPath(Path(path).resolve().relative_to(self.root).as_posix())
        except ValueError:
            rel = PurePosixPath(Path(path).as_posix())
        out: list[str] = []
        for glob, selectors in self.per_file_ignores:
            if fnmatch.fnmatch(str(rel), glob) or fnmatch.fnmatch(rel.name, glob):
                out.extend(selectors)
        return tuple(out)


def matches_glob(globs, path, root: Path) -> bool:
    """Whether a glob matches ``path`` relative to ``root`` (or, outside it, as given) or its name
    alone, with fnmatch rules (``*`` also matches ``/``)."""
    try:
        rel = Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        rel = Path(path).as_posix()
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, glob) or fnmatch.fnmatch(name, glob) for glob in globs)


def _holds_nul(value) -> bool:
    if isinstance(value, str):
        return "\0" in value
    if isinstance(value, dict):
        return any(_holds_nul(k) or _holds_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_holds_nul(v) for v in value)
    return False


def _line_of(text: str, key: str) -> int | None:
    """The line of ``key`` inside the [tool.newslint] table (another tool's table may have a key
    of the same name above it)."""
    inside = False
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.replace(" ", "") in ("[tool.newslint]", '[tool."newslint"]')
            continue
        if inside and stripped.startswith((key, f'"{key}"')):
            return n
    return None


def _from_mapping(data: dict, lines, file: str, root: Path) -> Config:
    def fail(message, key):
        raise ConfigError(message, file, lines(key))

    def selectors(key):
        value = data[key]
        if isinstance(value, str):
            value = [s for s in value.split(",")]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fail(f"'{key}' must be a list of rule ids, packs or categories", key)
        return tuple(v.strip() for v in value if v.strip())

    config = Config(root=root, file=file)
    for key in data:
        if key not in KEYS:
            fail(f"unknown key '{key}' (known: {', '.join(KEYS)})", key)
        if _holds_nul(data[key]):  # no path or glob can hold one; the system calls would refuse it
            fail(f"'{key}' holds a NUL character (\\0)", key)
    if "select" in data:
        chosen = selectors("select")
        if not chosen:  # it would run no rule, and every article would pass
            fail("'select' names no rule, pack or category (leave it out to use every rule)", "select")
        config = replace(config, select=chosen)
    if "ignore" in data:
        config = replace(config, ignore=selectors("ignore"))
    for key in ("min-level", "fail-level"):
        if key in data:
            if data[key] not in LEVELS:
                fail(f"'{key}' must be one of {', '.join(LEVELS)}, not {data[key]!r}", key)
            config = replace(config, **{key.replace("-", "_"): data[key]})
    if "language" in data:
        if not isinstance(data["language"], str) or not data["language"].strip():
            fail("'language' must be a language code such as id or en", "language")
        config = replace(config, language=data["language"].strip())
    if "rule-paths" in data:
        paths = data["rule-paths"]
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            fail("'rule-paths' must be a list of folders", "rule-paths")
        config = replace(config, rule_paths=tuple((root / p).resolve() for p in paths))
    fields = []
    for key in FIELD_KEYS:
        if key in data:
            if not isinstance(data[key], str) or not data[key].strip():
                fail(f"'{key}' must be the name of a field", key)
            fields.append((key.removesuffix("-field"), data[key].strip()))
    if fields:
        config = replace(config, fields=tuple(fields))
    if "exclude" in data:
        globs = data["exclude"]
        if not isinstance(globs, list) or not all(isinstance(g, str) for g in globs):
            fail("'exclude' must be a list of globs", "exclude")
        config = replace(config, exclude=tuple(g.strip().removeprefix("./").rstrip("/") for g in globs if g.strip()))
    if "per-file-ignores" in data:
        pfi = data["per-file-ignores"]
        if not isinstance(pfi, dict):
            fail("'per-file-ignores' must map globs to lists of selectors", "per-file-ignores")
        entries = []
        for glob, sel in pfi.items():
            if isinstance(sel, str):
                sel = sel.split(",")
            if not isinstance(sel, list) or not all(isinstance(s, str) for s in sel):
                fail(f"'per-file-ignores' entry {glob!r} must be a list of selectors", "per-file-ignores")
            entries.append((str(glob), tuple(s.strip() for s in sel if s.strip())))
        config = replace(config, per_file_ignores=tuple(entries))
    return config


def load_yaml_config(path: Path) -> Config:
    data, lines = read_mapping(path, ConfigError)
    return _from_mapping(data, lines.get, str(path), path.parent.resolve())


def _load_toml(text: str, path: Path) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"malformed TOML: {exc}", str(path)) from None


def load_pyproject_config(path: Path) -> Config | None:
    """The ``[tool.newslint]`` table, or None when the file has none."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", str(path)) from None
    if "newslint" not in text:  # most pyproject.toml files are someone else's: skip parsing them
        return None
    tools = _load_toml(text, path).get("tool", {})
    if not isinstance(tools, dict):  # `tool = "newslint"`: no [tool] table, so no [tool.newslint] either
        return None
    table = tools.get("newslint")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError("[tool.newslint] must be a table", str(path))
    return _from_mapping(table, lambda key: _line_of(text, key), str(path), path.parent.resolve())


def load_config_file(path: Path) -> Config:
    """A file named with ``--config``."""
    if not path.is_file():
        raise ConfigError("configuration file not found", str(path))
    if path.name == PYPROJECT or path.suffix == ".toml":
        config = load_pyproject_config(path)
        if config is None:
            raise ConfigError("no [tool.newslint] table", str(path))
        return config
    return load_yaml_config(path)


def _is_file(path: Path) -> bool:
    """Whether a configuration file is there; a folder this user may not look into (a parent of the
    project, on a shared machine) holds none that applies, as for git and ruff."""
    try:
        return path.is_file()
    except OSError:
        return False


class ConfigFinder:
    """Finds the configuration for each file, walking up from its folder; caches per folder."""

    def __init__(self, fixed: Config | None = None):
        self.fixed = fixed
        self._by_dir: dict[Path, Config] = {}

    def for_path(self, location: Path | None) -> Config:
        if self.fixed is not None:
            return self.fixed
        start = (location.parent if location is not None else Path.cwd()).resolve()
        return self._find(start)

    def _find(self, folder: Path) -> Config:
        if folder in self._by_dir:
            return self._by_dir[folder]
        config = None
        yaml_file = folder / YAML_NAME
        if _is_file(yaml_file):
            config = load_yaml_config(yaml_file)
        elif _is_file(folder / PYPROJECT):
            config = load_pyproject_config(folder / PYPROJECT)
        if config is None:
            config = self._find(folder.parent) if folder.parent != folder else Config(root=Path.cwd().resolve())
        self._by_dir[folder] = config
        return config
