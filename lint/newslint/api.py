"""The pipeline: paths -> sources -> config -> rules -> Document -> engine -> filtered findings -> Report.

The command line, :func:`lint_paths` and :func:`lint_text` all go through :class:`Linter`.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from newslint import engine, selection
from newslint.config import Config, ConfigFinder
from newslint.document import split_lines
from newslint.errors import ConfigError, NewslintError
from newslint.findings import Finding, level_rank
from newslint.plugins import Registry, load_registry
from newslint.readers import Input, Source, inputs
from newslint.report import Report, RuleInfo
from newslint.ruleset import RuleSet, load_ruleset

# A worker process is started for every this many files at most: starting one (it loads the rules
# itself, about 0.25 s) costs more than it saves on fewer files, so a short run stays in this process.
MIN_FILES_PER_WORKER = 8


@dataclass
class Overrides:
    """Options from the command line; None means "as the configuration says"."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    min_level: str | None = None
    fail_level: str | None = None
    meta: dict = field(default_factory=dict)  # e.g. {"published": date} from --date
    rule_paths: tuple[Path, ...] = ()  # rule folders added to the configuration's (Python API)
    exclude: tuple[str, ...] = ()  # --exclude: globs skipped in a folder's walk, relative to the current folder
    fields: dict = field(default_factory=dict)  # corpus records: {"text": "body", ...} from --text-field and the others
    stdin_format: str | None = None  # --stdin-format jsonl/csv: standard input holds records


@dataclass
class FileResult:
    findings: list[Finding]
    errors: list[NewslintError] = field(default_factory=list)  # this file's: unreadable, a check failed
    failing: bool = False
    # The rules' load errors, the same for every file linted with that set of rules: a run tells
    # them once per set (``rules_key``), however many processes loaded it.
    rule_errors: tuple[NewslintError, ...] = ()
    rules_key: tuple | None = None  # None: the file was not linted, no rules were loaded for it
    linted: bool = True  # False when the file could not be read or linted at all
    warnings: list[str] = field(default_factory=list)  # the cache's, while this file was linted
    stop: bool = False  # a configuration error: this file is skipped, the error told once per run
    shown: str = ""  # the file as shown (set by lint_unit)
    record: str | None = None  # a corpus record's id

    @property
    def where(self) -> str:
        """The file, or the record in it (``corpus.jsonl#a-17``), as its findings' ``where``."""
        return self.shown if self.record is None else f"{self.shown}#{self.record}"
    source: str | None = None  # a corpus record's source (--source-field): for --statistics
    fixing: object = None  # --fix/--diff: what fixing did to the file (a fixing.Outcome)
    baselined: int = 0  # --baseline: findings hidden because the baseline holds them
    stale: int = 0  # --baseline: the file's baseline entries that matched no finding
    # For the formatters: the rules that have findings here, and the text of the lines they are on.
    rules: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)


class Linter:
    def __init__(
        self, registry: Registry | None = None, overrides: Overrides | None = None, config: Config | None = None,
        cache: bool = True, fix=None, baseline=None, scheduler=None,
    ):
        """``cache=False`` (``--no-cache``; NEWSLINT_NO_CACHE=1 too) neither reads nor writes the
        compiled-rule and results caches; ``baseline`` (a baseline.Baseline) hides the findings it holds;
        ``scheduler`` (a ``distributed.Client``, see newslint.dask.connect) lints the records on its cluster."""
        # A registry given by the caller may hold plugins a worker process could not rebuild:
        # such a Linter lints in this process only.
        self._own_registry = registry is not None
        self.registry = registry or load_registry()
        self.overrides = overrides or Overrides()
        self.configs = ConfigFinder(config)
        self._rulesets: dict[tuple, RuleSet] = {}
        self._validated: set = set()
        # The compiled-rule cache's one warning per run (an unusable cache) is collected here and
        # told by lint_paths in input order, so that worker processes do not each print theirs.
        self.warnings: list[str] = []
        self._cache = cache
        self.fix = fix  # a fixing.FixMode for --fix and --diff; None: lint only
        self.baseline = baseline
        self.progress = None  # the command line's progress bar (progress.py) while it shows one
        self.scheduler = scheduler
        self._store = None
        self._results = None

    def effective(self, config: Config) -> Config:
        """The configuration with the command line's options applied over it."""
        o = self.overrides
        return replace(
            config,
            select=o.select if o.select is not None else config.select,
            ignore=config.ignore + o.ignore,
            min_level=o.min_level or config.min_level,
            fail_level=o.fail_level or config.fail_level,
            rule_paths=config.rule_paths + tuple(p for p in o.rule_paths if p not in config.rule_paths),
        )

    def _ruleset(self, config: Config) -> RuleSet:
        key = config.rule_paths
        if key not in self._rulesets:
            self._rulesets[key] = load_ruleset(self.registry, config.rule_paths, store=self._cache_store())
        return self._rulesets[key]

    def _cache_store(self):
        from newslint import cache

        if self._store is None:
            self._store = cache.open_store(self._cache, warn=self.warnings.append) or False  # False: cache off
            self._results = cache.ResultCache(self._store) if self._store else None
        return self._store or None

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
        """The checks to run on a file, given the configuration found for it; the rules' load
        errors are added to ``errors``."""
        config = self.effective(file_config)
        ruleset = self._ruleset(config)
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
        errors.extend(ruleset.errors)
        return [c for c in ruleset.checks if c.rule.id in picked]

    def lint_source(self, source: Source, cache: bool = True) -> FileResult:
        """Lint one decoded source. Raises ConfigError for a configuration that cannot be used.
        ``cache=False``: not through the results cache (a corpus's records: millions of entries
        that a run over a new corpus would never read again)."""
        rule_errors: list[NewslintError] = []
        file_config = self.configs.for_path(source.location)
        config = self.effective(file_config)
        checks = self.checks_for(file_config, source.location, rule_errors)  # configuration errors first
        ruleset = self._ruleset(config)
        # The article's language: --language, else its front matter, else the configuration.
        defaults = {"language": config.language} if config.language else {}
        meta = {**defaults, **source.meta, **self.overrides.meta}
        key = None
        if cache and self._results is not None and ruleset.key:  # an unchanged file: its findings as they were
            rules = [c.rule.id for c in checks]
            # The sentence splitter's abbreviations come from the plugins: part of what the findings depend on.
            rules_key = [ruleset.key, sorted(self.registry.abbreviations)]
            # A blanked text with the file's text: the findings quote the file.
            text = source.text if source.original is None else f"{source.text}\0{source.original}"
            key = self._results.key(text=text, path=source.path, ruleset=rules_key, config=config, rules=rules, meta=meta)
            findings = self._results.get(key)
            if findings is not None:
                return self._result(findings, list(source.problems), config, rule_errors, checks, source)
        doc = self.registry.document(source.path, source.text, meta)
        result = engine.run(checks, doc)
        floor = level_rank(config.min_level)
        findings = [f for f in result.findings if level_rank(f.severity) >= floor]
        findings = self.registry.filter_findings(findings, doc, ruleset)
        if source.original is not None:  # the reader blanked markup: a finding quotes the file's text
            findings = [replace(f, match=source.original[f.offset:f.end_offset]) for f in findings]
        if key is not None and not result.errors:  # a failed or timed-out check is tried again next time
            self._results.put(key, findings)
        return self._result(findings, [*source.problems, *result.errors], config, rule_errors, checks, source)

    def _result(self, findings, errors, config: Config, rule_errors, checks, source: Source) -> FileResult:
        rules = {f.rule for f in findings}
        info = {c.rule.id: RuleInfo(c.rule.id, c.rule.category, c.rule.level, c.rule.description, c.rule.link)
                for c in checks if c.rule.id in rules}
        wanted = {n for f in findings for n in range(f.line, f.end_line + 1)}
        shown = source.text if source.original is None else source.original  # the file's text, markup and all
        text_lines = split_lines(shown) if wanted else []  # the Document's lines: "\n", "\r\n" or "\r" ends one
        lines = {n: text_lines[n - 1] for n in sorted(wanted) if n <= len(text_lines)}
        baselined = stale = 0
        if self.baseline is not None:  # after the cache: it holds every finding, whatever the baseline
            findings, baselined, stale = self.baseline.remove_known(source.path, findings, lines)
            kept = {n for f in findings for n in range(f.line, f.end_line + 1)}
            lines = {n: line for n, line in lines.items() if n in kept}
            info = {rule: i for rule, i in info.items() if any(f.rule == rule for f in findings)}
        return FileResult(findings, errors, self._failing(findings, config), tuple(rule_errors), config.rule_paths,
                          rules=info, lines=lines, baselined=baselined, stale=stale)

    def excluded(self, path: str, is_dir: bool) -> bool:
        """Whether a folder's walk skips this file or folder: ``--exclude``, or the ``exclude`` of
        the configuration that governs it (a folder's is found from its parent)."""
        from newslint.config import matches_glob

        if self.overrides.exclude and matches_glob(self.overrides.exclude, path, Path.cwd().resolve()):
            return True
        try:
            return self.configs.for_path(Path(path)).excluded(path)
        except ConfigError:  # told when a file governed by it is linted
            return False

    @staticmethod
    def _failing(findings, config: Config) -> bool:
        return any(level_rank(f.severity) >= level_rank(config.fail_level) for f in findings)

    def lint_input(self, item: Input) -> FileResult:
        """Read and lint one file of a run. Nothing is raised: what went wrong is in the result."""
        try:
            if self.fix is not None:
                from newslint import fixing

                result = fixing.fix_input(self, item, self.fix)
            else:
                result = self.lint_source(item.source(self.registry.readers))
        except ConfigError as exc:  # a bad selector or config file
            result = FileResult([], [exc], linted=False, stop=True)
        except NewslintError as exc:  # unreadable input
            result = FileResult([], [exc], linted=False)
        except Exception as exc:  # a plugin's reader or metadata hook failed on this file
            result = FileResult([], [NewslintError(f"internal error: {type(exc).__name__}: {exc}", item.shown)], linted=False)
        if self.fix is not None and result.fixing is None:  # not linted: nothing fixed, stdin echoed
            from newslint import fixing

            result.fixing = fixing.untouched(item)
        result.warnings, self.warnings[:] = list(self.warnings), []
        return result

    def fields_for(self, location: Path | None):
        """Which record fields hold what, for a corpus file: the command line's, else its configuration's."""
        from newslint.records import Fields

        config = self.configs.for_path(location)
        return Fields(**{**dict(config.fields), **self.overrides.fields})

    def lint_record(self, record) -> FileResult:
        """Lint one corpus record (a records.Record); its findings carry the record's id.
        Raises as lint_source does."""
        source = Source(record.path, record.text, dict(record.meta), Path(record.path) if record.path else None)
        result = self.lint_source(source, cache=False)
        result.findings = [replace(f, record=record.id) for f in result.findings]
        return result

    def lint_unit(self, unit) -> FileResult:
        """One unit of a run, whatever it is: a file (an Input), a corpus record, or an error read
        in its place. Nothing is raised."""
        from newslint.records import Record

        if isinstance(unit, Input):
            result = self.lint_input(unit)
            result.shown = unit.shown
            return result
        if isinstance(unit, NewslintError):
            return FileResult([], [unit], linted=False, shown=unit.path or "")
        try:
            if self.fix is None:
                result = self.lint_record(unit)
            else:  # --fix/--diff: the record's text fixed in passes (corpus_fix.py)
                from newslint.corpus_fix import fix_record

                result = fix_record(self, unit, self.fix)
        except ConfigError as exc:
            result = FileResult([], [exc], linted=False, stop=True)
        except NewslintError as exc:
            result = FileResult([], [exc], linted=False)
        except Exception as exc:
            result = FileResult([], [NewslintError(f"internal error: {type(exc).__name__}: {exc}", unit.path, unit.line)], linted=False)
        result.warnings, self.warnings[:] = list(self.warnings), []
        result.shown, result.record, result.source = unit.path, unit.id, unit.meta.get("source")
        return result

    def _units(self, items, stdin_stream):
        """The run's units in order: each file, each record of a corpus file (read as a stream,
        as the units are linted), and the errors read in their place."""
        from newslint import records

        for item in items:
            kind = None
            if isinstance(item, Input):
                kind = self.overrides.stdin_format if item.name == "-" else records.kind_of(item.name)
            if kind is None:
                yield item
                continue
            try:
                fields = self.fields_for(item.location)
            except ConfigError as exc:
                yield exc
                continue
            stream = stdin_stream() if item.name == "-" and item.data is None else None
            yield from records.units(item, kind, fields, self.registry.month_names, stream=stream,
                                     opened=self.progress.opened if self.progress is not None else None)

    def lint_paths(self, paths, stdin_filename: str | None = None, jobs: int | None = 1, on_error=None, on_warning=None, stdin=None,
                   on_result=None, keep_findings: bool = True, on_fix=None) -> Report:
        """Lint files, directories (recursively) and "-" (``stdin``, by default the process's
        standard input) in ``jobs`` processes (None: the cores available). An unreadable path or
        a failed check is an error in the report and the other files are still linted; a
        configuration error is told once and skips the files it governs. ``on_error(error)`` is called as each error is found,
        in input order, and ``on_warning(message)`` for the run's one warning (an unusable
        cache), which does not change the exit code. The report is the same whatever ``jobs`` is.

        Corpus files (``.jsonl``, ``.ndjson``, ``.csv``, gzipped too; standard input with
        ``Overrides.stdin_format``) are linted record by record, as a stream. ``on_result(result)``
        is called with each file's or record's FileResult (``findings``, ``lines``) as they come, in input order;
        ``keep_findings=False`` keeps them out of the report (a corpus's findings need not fit in
        memory), which then counts them only. ``on_fix(outcome)`` (--fix, --diff) is given each
        file's or record's fixing outcome in input order, and returns what the report keeps (see
        corpus_fix.CorpusFixes)."""
        def stdin_stream():
            import sys

            return stdin or sys.stdin.buffer

        def read_stdin() -> bytes | None:
            if self.overrides.stdin_format:  # records: read as a stream, as they are linted
                return None
            return stdin_stream().read()

        items = inputs(paths, set(self.registry.readers), read_stdin, stdin_filename, self.excluded)
        from newslint.records import kind_of

        corpus = any(isinstance(i, Input) and (kind_of(i.name) or (i.name == "-" and self.overrides.stdin_format)) for i in items)
        files = sum(isinstance(item, Input) for item in items)
        report = Report()
        told_rules: set = set()
        told_config: set = set()

        def tell(error: NewslintError) -> None:
            report.error_list.append(error)
            if on_error is not None:
                on_error(error)

        results = self._lint_units(self._units(items, stdin_stream), jobs, None if corpus else files)
        try:
            for result in results:
                if self.progress is not None:
                    self.progress.advance(result)
                if result.warnings and not report.warnings:  # each process warns; the run, once
                    report.warnings.append(result.warnings[0])
                    if on_warning is not None:
                        on_warning(result.warnings[0])
                if result.rules_key is not None and result.rules_key not in told_rules:
                    told_rules.add(result.rules_key)
                    for error in result.rule_errors:
                        tell(error)
                for error in result.errors:
                    if result.stop:  # a configuration error: told once, however many files it governs
                        if str(error) in told_config:
                            continue
                        told_config.add(str(error))
                    tell(error)
                if result.stop:
                    continue  # the files that configuration governs are skipped; the others are linted
                if result.linted:
                    if result.record is None:
                        report.files += 1
                    else:
                        report.records += 1
                    if result.record is None or not report.paths or report.paths[-1] != result.shown:
                        report.paths.append(result.shown)  # a corpus file once, however many records
                    for rule_id, info in result.rules.items():
                        report.rules.setdefault(rule_id, info)
                    if on_result is not None:
                        on_result(result)
                    if keep_findings:
                        if result.lines:
                            report.lines.setdefault(result.where, {}).update(result.lines)
                        report.findings.extend(result.findings)
                    report.counted += len(result.findings)
                    report.tally(result.findings, result.source)
                    report.failing |= result.failing
                    report.baselined += result.baselined
                    report.stale_baseline += result.stale
                if result.fixing is not None and on_fix is not None:  # a corpus's fixes, as they come
                    result.fixing = on_fix(result.fixing)
                if result.fixing is not None:
                    report.fixes.append(result.fixing)
        finally:
            results.close()  # stopped early or interrupted: the workers end now
        return report

    def _lint_units(self, units, jobs: int | None, files: int | None):
        """Each unit's result, in order: in this process, or in worker processes when there are
        enough files to repay starting them (``files``: how many; None: a corpus, records enough)."""
        from newslint import parallel

        if self.scheduler is not None:  # --scheduler: the records on a Dask cluster, in order
            from newslint.dask import map_units

            return map_units(self, units, self.scheduler)
        jobs = parallel.available_cores() if jobs is None else jobs
        if files is not None:
            jobs = min(jobs, files // MIN_FILES_PER_WORKER)
        if jobs <= 1 or self._own_registry:
            return (self.lint_unit(unit) for unit in units)
        options = (self.overrides, self.configs.fixed, self._cache, self.fix, self.baseline)
        return parallel.map_in_order(_lint_in_worker, units, jobs, _start_worker, options)


# One Linter per worker process, built from the options once, used for every file it is given.
_worker_linter: Linter | None = None


def _start_worker(overrides: Overrides, config: Config | None, cache: bool = True, fix=None, baseline=None) -> None:
    global _worker_linter
    _worker_linter = Linter(overrides=overrides, config=config, cache=cache, fix=fix, baseline=baseline)


def _lint_in_worker(unit) -> FileResult:
    return _worker_linter.lint_unit(unit)



def _selectors(value) -> tuple[str, ...]:
    """A list of selectors, or one comma-separated string of them."""
    if isinstance(value, str):
        value = value.split(",")
    return tuple(v.strip() for v in value if v.strip())


def lint_paths(
    paths,
    select=None,
    ignore=(),
    rule_paths=(),
    min_level: str | None = None,
    fail_level: str | None = None,
    meta: dict | None = None,
    config=None,
    stdin_filename: str | None = None,
    jobs: int | None = 1,
    baseline=None,
) -> Report:
    """Lint files and directories (recursively) as the command line does, and return the Report:
    ``findings`` (in input order), ``error_list`` (what the command line tells on standard
    error), ``files``, ``exit_code``. Configuration is found from each file, unless ``config``
    names a file for all of them; the other arguments act as the command line's options, and
    ``rule_paths`` adds rule folders. Bad input never raises: it is in ``error_list``.
    ``jobs`` processes lint the files (None: the cores available); the report is the same.
    ``baseline`` names a file written by ``--write-baseline``: the findings it holds are left out
    (counted in ``baselined``); a baseline that cannot be read raises ConfigError."""
    from newslint import baseline as baselines
    from newslint.config import load_config_file

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    overrides = Overrides(
        select=_selectors(select) if select is not None else None,
        ignore=_selectors(ignore),
        min_level=min_level,
        fail_level=fail_level,
        meta=dict(meta or {}),
        rule_paths=tuple(Path(p).resolve() for p in rule_paths),
    )
    fixed = load_config_file(Path(config)) if config is not None else None
    known = baselines.load(Path(baseline)) if baseline is not None else None
    linter = Linter(overrides=overrides, config=fixed, baseline=known)
    return linter.lint_paths([os.fspath(p) for p in paths], stdin_filename=stdin_filename, jobs=jobs)


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
    No configuration file is read. Raises NewslintError if a rule could not be loaded or a
    check failed."""
    config = Config(
        root=Path.cwd().resolve(),
        select=_selectors(select) if select is not None else None,
        ignore=_selectors(ignore),
        rule_paths=tuple(Path(p).resolve() for p in rule_paths),
    )
    linter = Linter(registry=registry, config=config)
    result = linter.lint_source(Source(path, text, dict(meta or {}), None))
    errors = [*result.rule_errors, *result.errors]
    if errors:
        raise errors[0]
    return result.findings
