"""``--write-baseline FILE`` and ``--baseline FILE``: adopt newslint on a repository of old articles.

The baseline records today's findings; a run with it reports only the findings it does not hold,
so CI fails on new problems only. A finding is known by its file, its rule and the text around it
(the match and up to CONTEXT characters either side on its line), never by its line number: an
edit above it does not make it new, and a fix of it simply leaves an unmatched entry behind. The
same finding twice in a file is counted, so a third copy is new.

File paths are kept relative to the baseline's folder (POSIX separators), so the file works from
any working directory and on any machine. The JSON is sorted and indented, one finding per entry:
a change to it reads well in a diff.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newslint.errors import ConfigError

CONTEXT = 20  # characters of the line kept either side of a finding's match
FORMAT = "newslint-baseline"
VERSION = 1


def context(finding, lines: dict[int, str]) -> tuple[str, str]:
    """The text before the match on its first line and after it on its last line, CONTEXT
    characters at most each."""
    first = lines.get(finding.line, "")
    last = lines.get(finding.end_line, "")
    before = first[max(0, finding.column - 1 - CONTEXT): finding.column - 1]
    after = last[finding.end_column - 1: finding.end_column - 1 + CONTEXT]
    return before, after


def key(finding, lines: dict[int, str]) -> tuple[str, str, str, str]:
    before, after = context(finding, lines)
    return (finding.rule, before, finding.match, after)


def path_key(shown: str, root: Path) -> str:
    """A file's name in the baseline: relative to the baseline's folder when inside it, else absolute."""
    resolved = Path(os.path.abspath(shown))
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return resolved.as_posix()


@dataclass
class Baseline:
    root: Path  # the baseline file's folder
    known: dict[str, Counter] = field(default_factory=dict)  # path key -> Counter of finding keys

    def remove_known(self, shown: str, findings: list, lines: dict[int, str]) -> tuple[list, int, int]:
        """The findings not in the baseline, how many were hidden, and how many of the file's
        entries matched nothing (fixed since the baseline was written)."""
        left = Counter(self.known.get(path_key(shown, self.root), ()))
        new = []
        for f in findings:
            k = key(f, lines)
            if left[k] > 0:
                left[k] -= 1
            else:
                new.append(f)
        return new, len(findings) - len(new), sum(left.values())


def load(path: Path) -> Baseline:
    """Read a baseline; a missing, unreadable or malformed file is a ConfigError naming it."""
    shown = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError("baseline file not found (write one with --write-baseline)", shown) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the baseline: {getattr(exc, 'strerror', None) or exc}", shown) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"not valid JSON: {exc.msg} (column {exc.colno})", shown, exc.lineno) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ConfigError(f'not a newslint baseline (no "format": "{FORMAT}")', shown)
    if data.get("version") != VERSION:
        raise ConfigError(f"baseline version {data.get('version')!r} is not supported (expected {VERSION})", shown)
    baseline = Baseline(Path(os.path.abspath(path)).parent)
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise ConfigError('"findings" is not a list', shown)
    for n, e in enumerate(entries, 1):
        fields = ("path", "rule", "before", "match", "after")
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in fields) \
                or not isinstance(e.get("count", 1), int) or isinstance(e.get("count", 1), bool) or e.get("count", 1) < 1:
            raise ConfigError(f"finding {n} is malformed (expected the strings {', '.join(fields)} and a count of 1 or more)", shown)
        counter = baseline.known.setdefault(e["path"], Counter())
        counter[(e["rule"], e["before"], e["match"], e["after"])] += e.get("count", 1)
    return baseline


def render(report, root: Path) -> str:
    """The baseline of a run's findings as JSON text: sorted, one entry per distinct finding."""
    counts: Counter = Counter()
    for f in report.findings:
        lines = report.lines.get(f.where, {})
        counts[(path_key(f.path, root), *key(f, lines))] += 1
    entries = [
        {"path": p, "rule": rule, "before": before, "match": match, "after": after, "count": n}
        for (p, rule, before, match, after), n in sorted(counts.items())
    ]
    data = {"format": FORMAT, "version": VERSION, "findings": entries}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write(report, path: Path) -> int:
    """Write the baseline of ``report`` to ``path`` atomically; return how many findings it holds."""
    import tempfile

    target = Path(os.path.abspath(path))
    text = render(report, target.parent)
    tmp = None
    try:
        try:
            mode = os.stat(target).st_mode & 0o7777  # an existing baseline keeps its mode
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # a new one gets what any new file would (mkstemp's is 0600)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise ConfigError(f"cannot write the baseline: {exc.strerror or exc}", str(path)) from None
    return len(report.findings)
