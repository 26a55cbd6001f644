"""The pipeline for one source: config -> rules -> Document -> engine -> filtered findings.

The command line and :func:`lint_text` both go through :class:`Linter`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from newslint import engine, selection
from newslint.config import Config, ConfigFinder
from newslint.document import Document
from newslint.errors import ConfigError, NewslintError
from newslint.findings import Finding, level_rank
from newslint.plugins import Registry, load_registry
from newslint.post.overlaps import one_per_problem
from newslint.readers import Source
from newslint.ruleset import RuleSet, load_ruleset


@dataclass
class Overrides:
    """Options from the command line; None means "as the configuration says"."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    min_level: str | None = None
    fail_level: str | None = None
    meta: dict = field(default_factory=dict)  # e.g. {"published": date} from --date


@dataclass
class FileResult:
    findings: list[Finding]
    errors: list[NewslintError] = field(default_factory=list)
    failing: bool = False


class Linter:
    def __init__(self, registry: Registry | None = None, overrides: Overrides | None = None, config: Config | None = None):
        self.registry = registry or load_registry()
        self.overrides = overrides or Overrides()
        self.configs = ConfigFinder(config)
        self._rulesets: dict[tuple, RuleSet] = {}
        self._validated: set = set()

    def effective(self, config: Config) -> Config:
        """The configuration with the command line's options applied over it."""
        o = self.overrides
        return replace(
            config,
            select=o.select if o.select is not None else config.select,
            ignore=config.ignore + o.ignore,
            min_level=o.min_level or config.min_level,
            fail_level=o.fail_level or config.fail_level,
        )

    def _ruleset(self, config: Config, errors: list) -> RuleSet:
        key = config.rule_paths
        if key not in self._rulesets:
            ruleset = self._rulesets[key] = load_ruleset(self.registry, config.rule_paths)
            errors.extend(ruleset.errors)  # told once per run, not once per file
        return self._rulesets[key]

    def _validate(self, file_config: Config, rules) -> None:
        """Unknown selectors are configuration errors, named where they were written."""
        key = (file_config, tuple(r.id for r in rules))
        if key in self._validated:
            return
        cats = self.registry.categories
        where = file_config.file
        selection.validate(file_config.select or (), rules, cats, where)
        selection.validate(file_config.ignore, rules, cats, where)
        for _, selectors in file_config.per_file_ignores:
            selection.validate(selectors, rules, cats, where)
        selection.validate(self.overrides.select or (), rules, cats, None)
        selection.validate(self.overrides.ignore, rules, cats, None)
        self._validated.add(key)

    def checks_for(self, file_config: Config, location: Path | None, errors: list) -> list:
        """The checks to run on a file, given the configuration found for it."""
        config = self.effective(file_config)
        ruleset = self._ruleset(config, errors)
        rules = ruleset.rules
        try:
            self._validate(file_config, rules)
        except ConfigError as exc:
            if not ruleset.errors:
                raise
            # The selector may name a rule that failed to load: say why it failed.
            raise ConfigError(f"{exc}; a rule failed to load: {ruleset.errors[0]}") from None
        ignore = config.ignore + config.ignored_for(location)
        picked = {r.id for r in selection.chosen(rules, config.select, ignore)}
        return [c for c in ruleset.checks if c.rule.id in picked]

    def lint_source(self, source: Source) -> FileResult:
        errors: list[NewslintError] = []
        file_config = self.configs.for_path(source.location)
        config = self.effective(file_config)
        checks = self.checks_for(file_config, source.location, errors)
        # The article's language: --language, else its front matter, else the configuration.
        defaults = {"language": config.language} if config.language else {}
        doc = Document(source.path, source.text, {**defaults, **source.meta, **self.overrides.meta})
        self.registry.document_meta(doc)
        result = engine.run(checks, doc)
        floor = level_rank(config.min_level)
        findings = [f for f in result.findings if level_rank(f.severity) >= floor]
        findings = one_per_problem(findings, self._ruleset(config, errors).supersedes)
        failing = any(level_rank(f.severity) >= level_rank(config.fail_level) for f in findings)
        return FileResult(findings, errors + result.errors, failing)


def lint_text(
    text: str,
    path: str = "<text>",
    select=None,
    ignore=(),
    rule_paths=(),
    meta: dict | None = None,
    registry: Registry | None = None,
) -> list[Finding]:
    """Lint ``text`` with the built-in rules (and ``rule_paths``) and return the findings.
    Raises NewslintError if a rule could not be loaded or a check failed."""
    config = Config(
        root=Path.cwd().resolve(),
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore),
        rule_paths=tuple(Path(p).resolve() for p in rule_paths),
    )
    linter = Linter(registry=registry, config=config)
    result = linter.lint_source(Source(path, text, dict(meta or {}), None))
    if result.errors:
        raise result.errors[0]
    return result.findings
