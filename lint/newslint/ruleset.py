"""Loading every rule from the plugins' rule folders and a configuration's extra folders, compiled
once and then read from the cache for as long as nothing it was built from has changed."""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import types
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newslint import cache
from newslint.errors import NewslintError, RuleError
from newslint.rules import find_rule_files, load_rule

# Packages whose behaviour the compiled rules (or the findings) depend on: import name -> distribution.
PACKAGES = {
    "regex": "regex", "yaml": "PyYAML", "pluggy": "pluggy", "wordfreq": "wordfreq", "msgpack": "msgpack",
    "ftfy": "ftfy", "langdetect": "langdetect", "ahocorasick": "pyahocorasick",
}
_DEFAULT = object()


@dataclass
class RuleSet:
    checks: list  # ready Check objects, one per valid rule, in load order
    errors: list[NewslintError] = field(default_factory=list)
    key: str | None = None  # what it was built from (None: not known, so no result is cached)

    @property
    def rules(self):
        return [c.rule for c in self.checks]

    @property
    def supersedes(self) -> dict[str, frozenset[str]]:
        return {r.id: frozenset(r.supersedes) for r in self.rules if r.supersedes}


def load_ruleset(registry, extra_dirs=(), store=_DEFAULT) -> RuleSet:
    """Every rule from the plugins' folders and ``extra_dirs``, compiled, or read from ``store``
    (default: the cache folder's, unless the cache is off; None: no cache) when nothing it was
    built from has changed."""
    if store is _DEFAULT:
        store = cache.open_store()
    dirs = [Path(d) for d in (*registry.rule_dirs, *extra_dirs)]
    if store is None or not all(d.is_dir() for d in dirs) or not _all_installed(registry):
        return compile_ruleset(registry, extra_dirs)  # a missing folder is an error on every run
    key, known = fingerprint(registry, dirs)
    name = f"rules-{key}"
    ruleset = _read(store, name, known)
    if ruleset is not None:
        store.touch(name)
    else:
        with cache.recording() as deps:  # rule files and every table their checks read
            ruleset = compile_ruleset(registry, extra_dirs)
        if ruleset.errors:  # a broken rule is told on every run until it is fixed
            return ruleset
        ruleset.key = _content_key(key, deps)
        try:
            body = pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # a plugin's check that cannot be pickled
            store.warn(f"the compiled rules cannot be cached ({type(exc).__name__}: {exc}); compiling on every run")
            return ruleset
        store.write(name, json.dumps(deps).encode() + b"\n" + body)
        store.prune("", "rules-", cache.RULES_KEPT)
    return ruleset


def _all_installed(registry) -> bool:
    """Every plugin came from an installed distribution. One registered in-process (an object
    handed to ``load_registry``) has no version, and its state is not in its code: no cache."""
    installed = {id(p) for p, _ in registry.pm.list_plugin_distinfo()}
    return all(id(p) in installed for _, p in registry.pm.list_name_plugin())


def _read(store, name: str, known: dict) -> RuleSet | None:
    """The entry under ``name`` if every file it was compiled from still has the same content."""
    payload = store.read(name)
    if payload is None:
        return None
    header, _, body = payload.partition(b"\n")
    try:
        deps = json.loads(header)
        if any((known[p] if p in known else cache.file_digest(p)) != value for p, value in deps.items()):
            return None  # a table outside the rule folders changed
        ruleset = pickle.loads(body)  # authenticated above: written by this user's newslint
        if not isinstance(ruleset, RuleSet):
            raise TypeError(type(ruleset).__name__)
    except Exception as exc:
        store.warn(f"cache entry {store.path(name)} cannot be read ({type(exc).__name__}: {exc}); ignored")
        return None
    return ruleset


def _content_key(key: str, deps: dict) -> str:
    return cache.digest(f"{key}|{json.dumps(deps, sort_keys=True)}".encode())


def _yaml_files(root: Path) -> list[Path]:
    """Every .yml/.yaml file below ``root`` (rule files and the tables beside them)."""
    return sorted(Path(folder, f) for folder, _, files in os.walk(root) for f in files if f.endswith((".yml", ".yaml")))


def fingerprint(registry, dirs) -> tuple[str, dict]:
    """The key of a compiled rule set: the content of every YAML file in the rule folders, every
    plugin's name, distribution and version, the categories, the code of every plugin and check
    kind (newslint's own among them), and the versions of Python and of the packages that compiled
    rules depend on. Tables outside the folders are checked when an entry is read. Returns the key
    and the content hash of each YAML file."""
    from newslint import __version__

    h = hashlib.sha256()
    known = {}
    for root in dirs:
        h.update(f"dir {root.resolve()}\n".encode())
        for path in _yaml_files(root):
            value = known[str(path)] = cache.file_digest(path)
            h.update(f"{path}|{value}\n".encode())
    plugins = registry.pm
    dists = {id(p): f"{d.project_name} {d.version}" for p, d in plugins.list_plugin_distinfo()}
    names = sorted(f"{name}={dists.get(id(p), '-')}" for name, p in plugins.list_name_plugin())
    modules = {_module_of(p) for _, p in plugins.list_name_plugin()} | {_module_of(k) for k in registry.kinds.values()}
    h.update(
        json.dumps({
            "newslint": __version__,
            "python": [sys.version, sys.implementation.cache_tag],
            "packages": _versions(),
            "plugins": names,
            "categories": list(registry.categories),
            "code": _code_digest(tuple(sorted(m for m in modules if m))),
        }).encode()
    )
    return h.hexdigest()[:32], known


def _module_of(obj) -> str | None:
    name = obj.__name__ if isinstance(obj, types.ModuleType) else getattr(obj, "__module__", None) or type(obj).__module__
    return name.partition(".")[0] if name else None


@lru_cache(maxsize=8)
def _code_digest(packages: tuple[str, ...]) -> str:
    """The content of every .py file of these top-level packages (or modules). Once per process:
    the code that runs is the code imported, whatever is edited after."""
    h = hashlib.sha256()
    for top in packages:
        module = sys.modules.get(top)
        if module is None:
            continue
        roots = [Path(p) for p in getattr(module, "__path__", None) or ()]
        files = sorted(f for r in roots for f in r.rglob("*.py")) if roots else [Path(getattr(module, "__file__", "") or "")]
        for f in files:
            h.update(f"{f}|{cache.file_digest(f)}\n".encode())
    return h.hexdigest()


def _versions() -> dict[str, str]:
    """The installed version of each of PACKAGES, from the name of its .dist-info folder beside it
    (importlib.metadata takes ~3 ms a package), without importing it."""
    import importlib.util

    out, listings = {}, {}
    for module, dist in PACKAGES.items():
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.origin:
            out[dist] = "absent"
            continue
        site = Path(spec.origin).parent
        if spec.submodule_search_locations:
            site = site.parent
        if site not in listings:
            try:
                listings[site] = [n for n in os.listdir(site) if n.endswith(".dist-info")]
            except OSError:
                listings[site] = []
        wanted = _normal(dist)
        found = [n[: -len(".dist-info")].rpartition("-") for n in listings[site]]
        version = next((v for name, _, v in found if _normal(name) == wanted), None)
        if version is None:
            from importlib import metadata

            try:
                version = metadata.version(dist)
            except metadata.PackageNotFoundError:
                version = "unknown"
        out[dist] = f"{version} {spec.origin}"
    return out


def _normal(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def compile_ruleset(registry, extra_dirs=()) -> RuleSet:
    kinds, categories = registry.kinds, registry.categories
    checks, errors, seen = [], [], {}
    for root in [*registry.rule_dirs, *extra_dirs]:
        try:
            files = find_rule_files(Path(root))
        except RuleError as exc:
            errors.append(exc)
            continue
        for pack, path in files:
            cache.record(path)
            try:
                rule, check = load_rule(path, pack, kinds, categories)
            except RuleError as exc:
                errors.append(exc)
                continue
            if rule.id in seen:
                errors.append(RuleError(f"rule {rule.id} is already defined in {seen[rule.id]}", str(path)))
                continue
            seen[rule.id] = rule.path
            checks.append(check)
    superseded = {c.rule.id: c.rule.supersedes for c in checks}
    for check in checks:  # a rule may only supersede rules that exist, and never itself through others
        rule = check.rule
        for other in rule.supersedes:
            if other not in seen:
                errors.append(rule.error(f"'supersedes' names {other!r}, which is not a rule", "supersedes"))
        cycle = _supersedes_cycle(rule.id, superseded)
        if cycle:
            errors.append(rule.error(f"'supersedes' goes round in a circle: {' -> '.join(cycle)}", "supersedes"))
    return RuleSet(checks, errors)


def _supersedes_cycle(start: str, superseded: dict) -> list[str] | None:
    """A path of ``supersedes`` from ``start`` back to itself, or None: which of two rules that
    supersede each other is kept would depend on the order of their findings."""
    paths, seen = [[start]], {start}
    while paths:
        path = paths.pop()
        for other in superseded.get(path[-1], ()):
            if other == start:
                return path + [start]
            if other not in seen:
                seen.add(other)
                paths.append(path + [other])
    return None
