"""Loading every rule from the plugins' rule folders and a configuration's extra folders."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from newslint.errors import NewslintError, RuleError
from newslint.rules import find_rule_files, load_rule


@dataclass
class RuleSet:
    checks: list  # ready Check objects, one per valid rule, in load order
    errors: list[NewslintError] = field(default_factory=list)

    @property
    def rules(self):
        return [c.rule for c in self.checks]

    @property
    def supersedes(self) -> dict[str, frozenset[str]]:
        return {r.id: frozenset(r.supersedes) for r in self.rules if r.supersedes}


def load_ruleset(registry, extra_dirs=()) -> RuleSet:
    """Every rule from the plugins' folders and ``extra_dirs``, compiled (from the cache when
    nothing it depends on has changed)."""
    from newslint import cache

    if not cache.enabled():
        return compile_ruleset(registry, extra_dirs)
    dirs = [*registry.rule_dirs, *extra_dirs]
    key = cache.fingerprint(dirs, registry.kinds)
    ruleset = cache.load(key)
    if isinstance(ruleset, RuleSet):
        return ruleset
    ruleset = compile_ruleset(registry, extra_dirs)
    if not ruleset.errors:  # a broken rule is told on every run until it is fixed
        cache.store(key, ruleset)
    return ruleset


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
    for check in checks:  # a rule may only supersede rules that exist
        rule = check.rule
        for other in rule.supersedes:
            if other not in seen:
                errors.append(rule.error(f"'supersedes' names {other!r}, which is not a rule", "supersedes"))
    return RuleSet(checks, errors)
