"""The command line: ``newslint PATH...``.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 a usage, input,
configuration or internal error (the other files are still linted).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newslint.findings import LEVELS

EXIT_USAGE = 2


def _selectors(values) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(s.strip() for v in values for s in v.split(",") if s.strip())


def build_parser() -> argparse.ArgumentParser:
    from newslint import __version__

    p = argparse.ArgumentParser(
        prog="newslint",
        description="Lint news articles for mistranslations, garbled text, contradictory dates, "
        "wrong titles, inconsistent names, untranslated passages and scraping residue.",
        epilog="Exit status: 0 clean, 1 findings at or above the fail level, 2 usage/input/config error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories to lint; - reads standard input")
    p.add_argument("--format", default="text", help="output format: text (default), json, jsonl, sarif, github, gitlab, junit, or one a plugin adds")
    p.add_argument("--select", action="append", metavar="LIST", help="only these rules, packs or categories (comma-separated)")
    p.add_argument("--ignore", action="append", metavar="LIST", help="skip these rules, packs or categories (comma-separated)")
    p.add_argument("--min-level", choices=LEVELS, help="report findings at or above this level (default: suggestion)")
    p.add_argument("--fail-level", choices=LEVELS, help="exit 1 when a finding is at or above this level (default: warning)")
    p.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD", help="publication date of the articles (default: from each dateline or front matter)")
    p.add_argument("--language", metavar="CODE", help="language of the articles, e.g. id or en (default: front matter, config, else id)")
    p.add_argument("--config", metavar="FILE", help="use this .newslint.yaml or pyproject.toml for every file")
    p.add_argument("--stdin-filename", metavar="NAME", help="name to show (and find config from) for standard input")
    p.add_argument("--stdin-format", choices=("jsonl", "csv"), help="standard input holds corpus records, one article each (as .jsonl and .csv files do)")
    for name, default in (("text", "text"), ("id", "id"), ("title", None), ("date", None), ("source", None)):
        p.add_argument(f"--{name}-field", metavar="NAME", help=f"corpus records: the field with the article's {name if name != 'date' else 'publication date'}"
                       + (f" (default: {default})" if default else ""))
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip files and folders matching GLOB when a folder is linted (repeatable)")
    p.add_argument("--fix", action="store_true", help="apply the safe fixes to the files (standard input: the fixed text to stdout)")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply the unsafe fixes too; alone, count them as fixable")
    p.add_argument("--diff", action="store_true", help="print a unified diff of what --fix would change, and write nothing")
    p.add_argument("--output", metavar="FILE", help="with --fix on a corpus: write the cleaned corpus to FILE (the corpus itself is never rewritten)")
    known = p.add_mutually_exclusive_group()
    known.add_argument("--baseline", metavar="FILE", help="report only the findings not recorded in FILE (written by --write-baseline)")
    known.add_argument("--write-baseline", metavar="FILE", help="record every finding in FILE as known, print nothing else, and exit 0")
    p.add_argument("--report-unused-suppressions", action="store_true", help="report the newslint-disable comments that silenced nothing")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the compiled-rule and results caches")
    p.add_argument("-j", "--jobs", type=_jobs, metavar="N", help="lint files in N processes (default: the cores available; 1: this process only)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="lint corpus records on a running Dask cluster, e.g. tcp://host:8786 (needs newslint[dask]; see docs/scale.md)")
    p.add_argument("--show-source", action="store_true", help="text format: show each finding's line with carets under the match")
    p.add_argument("--statistics", action="store_true", help="text or json format: count the findings per rule, category and source instead of listing them")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the text format (auto: on a terminal, unless NO_COLOR is set)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings (errors still exit 2)")
    p.add_argument("--list-rules", action="store_true", help="list the available rules and exit")
    p.add_argument("--explain", metavar="RULE", help="describe a rule, with its examples, and exit")
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    return p


def _iso_date(value: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes (1 or more): {value!r}")
    return jobs


def _error(message) -> None:
    sys.stderr.write(f"newslint: error: {message}\n")


def _warning(message) -> None:
    sys.stderr.write(f"newslint: warning: {message}\n")


def main(argv=None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `newslint ... | head`
        return 0
    except Exception as exc:  # a plugin's formatter or hook: one line, never a traceback
        _error(f"internal error: {type(exc).__name__}: {exc}")
        return EXIT_USAGE


def _main(argv) -> int:
    from newslint import baseline
    from newslint.api import Linter, Overrides
    from newslint.config import load_config_file
    from newslint.errors import NewslintError
    from newslint.fixing import FixMode, finish
    from newslint.formatters import accepted_options, call_formatter

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.select is not None and not _selectors(args.select):  # `--select ''` would run no rule and pass
        _error("--select names no rule, pack or category (leave it out to use every rule)")
        return EXIT_USAGE
    try:
        fixed = load_config_file(Path(args.config)) if args.config else None
        overrides = Overrides(
            _selectors(args.select), _selectors(args.ignore) or (), args.min_level, args.fail_level,
            {**({"published": args.date} if args.date else {}), **({"language": args.language} if args.language else {}),
             **({"report_unused_suppressions": True} if args.report_unused_suppressions else {})},  # read by newslint.post.suppressions
            exclude=tuple(g.strip().removeprefix("./").rstrip("/") for g in args.exclude if g.strip()),
            fields={name: getattr(args, f"{name}_field") for name in ("text", "id", "title", "date", "source")
                    if getattr(args, f"{name}_field") is not None},
            stdin_format=args.stdin_format,
        )
        fix = FixMode(unsafe=args.unsafe_fixes, write=not args.diff) if args.fix or args.diff else None
        if fix is not None and args.write_baseline:
            _error(f"--write-baseline does not work with {'--fix' if args.fix else '--diff'}")
            return EXIT_USAGE
        known = baseline.load(Path(args.baseline)) if args.baseline else None
        linter = Linter(overrides=overrides, config=fixed, cache=not args.no_cache, fix=fix, baseline=known)
        formatters = linter.registry.formatters
        if args.format not in formatters:
            _error(f"unknown format {args.format!r} (available: {', '.join(sorted(formatters))})")
            return EXIT_USAGE
        for option in ("show_source", "statistics"):  # an option the format would silently ignore
            if getattr(args, option) and option not in accepted_options(formatters[args.format]):
                _error(f"--{option.replace('_', '-')} does not work with --format {args.format}")
                return EXIT_USAGE
        if args.list_rules:
            return _list_rules(linter)
        if args.explain is not None:
            return _explain(linter, args.explain)
        if args.scheduler is not None:  # the records on a Dask cluster (newslint.dask)
            from newslint.dask import connect

            linter.scheduler = connect(args.scheduler)
    except NewslintError as exc:
        _error(exc)
        return EXIT_USAGE
    if not args.paths:
        parser.print_usage(sys.stderr)
        _error("no paths given (use - for standard input)")
        return EXIT_USAGE

    from newslint import corpus_fix, progress

    try:  # --fix/--diff on a corpus: the cleaned copy (--output), the diffs as they come
        fixes = corpus_fix.for_run(linter, args.paths, args.output, args.fix, args.diff, lambda: sys.stdin.buffer,
                                   args.stdin_filename, write=lambda diff: sys.stdout.write(diff))
    except NewslintError as exc:
        _error(exc)
        return EXIT_USAGE
    per_file = getattr(formatters[args.format], "per_file", None)
    streaming = per_file is not None and (fix is None or args.output) and not args.statistics and not args.write_baseline
    # The text format writes each file's findings as it is linted and the summary at the end.
    stream_text = getattr(formatters[args.format], "stream", None)
    streaming_text = stream_text is not None and fix is None and not args.statistics and not args.write_baseline
    color = _use_color(args.color, sys.stdout)

    def write_now(result) -> None:
        if streaming:
            per_file(result.findings, sys.stdout)
        else:
            from newslint.report import Report

            shown = Report(lines={result.where: result.lines}, unsafe_fixes=args.unsafe_fixes)
            stream_text(shown, result.findings, sys.stdout, args.show_source, color)
        sys.stdout.flush()

    linter.progress = bar = progress.for_stream(sys.stderr)  # None unless standard error is a terminal
    if fixes is not None:
        fixes.write = progress.quietly(bar, fixes.write)
    try:
        report = linter.lint_paths(args.paths, stdin_filename=args.stdin_filename, jobs=args.jobs, on_error=progress.quietly(bar, _error),
                                   on_warning=progress.quietly(bar, _warning), on_result=progress.quietly(bar, write_now) if streaming or streaming_text else None,
                                   keep_findings=not streaming, on_fix=fixes, stdin=fixes and fixes.stdin)
    except BaseException:
        if fixes is not None:
            fixes.abort()
        raise
    finally:
        if bar is not None:
            bar.close()
    if fixes is not None and (error := fixes.finish(report)) is not None:
        report.error_list.append(error)
        _error(error)
    report.unsafe_fixes = args.unsafe_fixes
    if args.write_baseline:
        return _write_baseline(report, Path(args.write_baseline))

    def show(stream) -> None:
        call_formatter(formatters[args.format], report, stream, show_source=args.show_source,
                       statistics=args.statistics, color=_use_color(args.color, stream), streamed=streaming_text)

    if fix is not None:
        code = finish(report, show, fix, sys.stdout, sys.stderr)
        for line in fixes.summary() if fixes is not None else ():  # the copy written, the fixes per rule
            sys.stderr.write(line + "\n")
        return _exit_code(code, args.exit_zero)
    if not streaming:  # else every finding is out already
        show(sys.stdout)
    sys.stdout.flush()
    return _exit_code(report.exit_code, args.exit_zero)


def _write_baseline(report, path: Path) -> int:
    """Record the run's findings; the errors were told already, and still exit 2."""
    from newslint.baseline import write
    from newslint.errors import NewslintError

    try:
        n = write(report, path)
    except NewslintError as exc:
        _error(exc)
        return EXIT_USAGE
    files = len({f.path for f in report.findings})
    sys.stderr.write(f"Wrote {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''} to the baseline {path}.\n")
    return EXIT_USAGE if report.errors else 0


def _exit_code(code: int, exit_zero: bool) -> int:
    """--exit-zero turns "findings" into success; an error (2) stays an error."""
    return 0 if exit_zero and code == 1 else code


def _use_color(choice: str, stream) -> bool:
    """--color always/never as told; auto: only on a terminal, and never with NO_COLOR (no-color.org) or TERM=dumb."""
    import os

    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _list_rules(linter) -> int:
    from newslint.plan import triggers
    from newslint.report import first_sentence

    errors: list = []
    checks = linter.checks_for(linter.configs.for_path(None), None, errors)
    for message in linter.warnings:
        _warning(message)
    for check in sorted(checks, key=lambda c: c.rule.id):
        r = check.rule
        indexed = "indexed" if triggers(check) else "unindexed"  # unindexed rules run on every article
        sys.stdout.write(f"{r.id}\t{r.category}\t{r.level}\t{r.extends}\t{indexed}\t{first_sentence(r.description)}\n")
    for err in errors:
        _error(err)
    return EXIT_USAGE if errors else 0


def _explain(linter, name: str) -> int:
    """--explain RULE: any rule the current directory's configuration loads, selected or not."""
    from newslint.explain import explain, find_check

    config = linter.effective(linter.configs.for_path(None))
    ruleset = linter._ruleset(config)  # every loaded rule: --select and ignore do not hide one
    for message in linter.warnings:
        _warning(message)
    for err in ruleset.errors:
        _error(err)
    sys.stdout.write(explain(find_check(ruleset.checks, name), linter.registry))
    return EXIT_USAGE if ruleset.errors else 0
