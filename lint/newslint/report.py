"""What a run produced, for the formatters, the exit code and callers of the Python API."""
from __future__ import annotations

from dataclasses import dataclass, field

from newslint.errors import NewslintError
from newslint.findings import LEVELS, Finding, level_rank


@dataclass(frozen=True)
class RuleInfo:
    """What a formatter may say about a rule (SARIF's rule metadata), without the engine's Rule."""

    id: str
    category: str
    level: str  # the rule's own level
    description: str = ""
    link: str = ""

    @property
    def summary(self) -> str:
        """The description's first sentence, on one line ("U.S." and "e.g." do not end it)."""
        return first_sentence(self.description)


def first_sentence(text: str) -> str:
    """The text up to the first full stop, "!" or "?" that ends a sentence, on one line. One does
    not when it follows a single letter ("U.S.", "e.g.") or a title ("Dr. Ali"), is not followed
    by a capital, a quotation mark or "(", or sits inside double quotation marks ("Alamat email
    Anda tidak akan dipublikasikan. Ruas ...")."""
    import regex

    flat = " ".join(text.split())
    for m in regex.finditer(r"(?<!\b\p{L}|\b(?:Dr|Mr|Mrs|Ms|Prof|St|Jl|cf|vs))[.!?](?=\s+[\p{Lu}\"“(]|$)", flat):
        before = flat[: m.end()]
        unquoted = regex.sub(r'"[^"]*"', "", before)  # a curly quote inside "..." is quoted, not quoting
        if before.count('"') % 2 == 0 and unquoted.count("“") <= unquoted.count("”"):
            return before
    return flat


@dataclass
class Counts:
    """--statistics for a category or a source: articles read, those with findings, findings."""

    articles: int = 0
    with_findings: int = 0
    findings: int = 0

    def add(self, findings: int) -> None:
        self.articles += 1
        self.with_findings += findings > 0
        self.findings += findings

    @property
    def per_100(self) -> float:
        """Findings per 100 articles read."""
        return 100 * self.findings / self.articles if self.articles else 0.0


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)  # in input order, sorted within each file
    files: int = 0  # files linted (a corpus file's records are counted in ``records``)
    records: int = 0  # corpus records linted
    error_list: list[NewslintError] = field(default_factory=list)  # in the order told; str() is the line shown
    failing: bool = False  # a finding at or above its file's fail level
    warnings: list[str] = field(default_factory=list)  # told on stderr; the exit code ignores them
    paths: list[str] = field(default_factory=list)  # the files linted, as shown, in order
    rules: dict[str, RuleInfo] = field(default_factory=dict)  # every rule with a finding, by id
    # path -> {line number: text} for the lines findings are on (--show-source), without line ends.
    lines: dict[str, dict[int, str]] = field(default_factory=dict)
    fixes: list = field(default_factory=list)  # --fix/--diff: each input's fixing.Outcome, in order
    unsafe_fixes: bool = False  # --unsafe-fixes: unsafe fixes count as fixable
    counted: int = 0  # findings reported, also those not kept (a corpus streamed with keep_findings=False)
    baselined: int = 0  # --baseline: findings left out because the baseline holds them
    stale_baseline: int = 0  # --baseline: entries of the linted files' that matched nothing (fixed since)
    # --statistics: what was counted article by article (files and records), also when the
    # findings are not kept: source (None: a file, or a record without one) -> its counts, and
    # category -> counts and rule -> articles with its findings.
    sources: dict = field(default_factory=dict)
    categories: dict = field(default_factory=dict)
    rule_articles: dict = field(default_factory=dict)

    def tally(self, findings, source: str | None = None) -> None:
        """Count one article that was linted (a file, or a corpus record from ``source``)."""
        counts = self.sources.setdefault(source, Counts())
        counts.add(len(findings))
        per_category: dict[str, int] = {}
        for f in findings:
            per_category[f.category] = per_category.get(f.category, 0) + 1
        for category, n in per_category.items():
            self.categories.setdefault(category, Counts()).add(n)
        for rule in {f.rule for f in findings}:
            self.rule_articles[rule] = self.rule_articles.get(rule, 0) + 1

    @property
    def articles(self) -> int:
        """Articles linted: files and records."""
        return sum(c.articles for c in self.sources.values())

    def article_statistics(self) -> tuple[list, list]:
        """--statistics per category and per source: ([(category, Counts)], [(source, Counts)]),
        categories with the most findings first, sources with the most articles (None, no source,
        last); a category's ``articles`` are all the articles read."""
        total = self.articles
        categories = [(c, Counts(total, n.with_findings, n.findings)) for c, n in self.categories.items()]
        categories.sort(key=lambda row: (-row[1].findings, row[0]))
        sources = sorted(self.sources.items(), key=lambda row: (row[0] is None, -row[1].articles, row[0] or ""))
        return categories, sources

    def statistics(self) -> list[tuple[str, int, int]]:
        """(rule, findings, how many --fix would fix) per rule, most frequent first."""
        counts: dict[str, list[int]] = {}
        for f in self.findings:
            c = counts.setdefault(f.rule, [0, 0])
            c[0] += 1
            c[1] += self.fixable(f)
        return sorted(((rule, n, fixable) for rule, (n, fixable) in counts.items()), key=lambda s: (-s[1], s[0]))

    @property
    def errors(self) -> int:
        """How many errors were told (input, rule, config, check failures); formatters read this."""
        return len(self.error_list)

    def summary(self) -> str:
        total = self.files + self.records
        noun = "file" if not self.records else "record" if not self.files else "files and record"
        files = f"{total} {noun}{'s' if total != 1 else ''}"
        if not self.findings:
            text = f"No problems found in {files}."
        else:
            counts = {lvl: 0 for lvl in LEVELS}
            for f in self.findings:
                counts[f.severity] += 1
            parts = [f"{n} {lvl}{'s' if n != 1 else ''}" for lvl, n in sorted(counts.items(), key=lambda kv: -level_rank(kv[0])) if n]
            with_findings = len({f.where for f in self.findings})
            text = f"Found {len(self.findings)} problem{'s' if len(self.findings) != 1 else ''} ({', '.join(parts)}) in {with_findings} of {files}."
        if self.baselined:
            n = self.baselined
            text += f" {n} known problem{'s' if n != 1 else ''} in the baseline not shown."
        if self.stale_baseline:
            n = self.stale_baseline
            text += (f" {n} baseline entr{'ies' if n != 1 else 'y'} no longer found"
                     " (fixed? --write-baseline updates the file).")
        if self.errors:
            text += f" {self.errors} error{'s' if self.errors != 1 else ''} reported above."
        return text

    def fixable(self, f: Finding) -> bool:
        """Whether --fix (with --unsafe-fixes, when given) would apply this finding's fix."""
        return f.fix is not None and (f.applicability == "safe" or self.unsafe_fixes)

    def fix_summary(self) -> list[str]:
        """ruff's closing lines: what --fix fixed, what it would fix, and the unsafe fixes it hides."""
        out = []
        fixed = sum(o.fixed for o in self.fixes)
        if fixed:
            from newslint.fixing import places

            files = sum(1 for o in self.fixes if o.fixed and o.records is None)
            records = sum(o.records or 0 for o in self.fixes)
            out.append(f"Fixed {fixed} problem{'s' if fixed != 1 else ''} in {places(files, records)}.")
        fixable = sum(1 for f in self.findings if self.fixable(f))
        hidden = sum(1 for f in self.findings if f.fix is not None and not self.fixable(f))
        note = f"{hidden} hidden fix{'es' if hidden != 1 else ''} can be enabled with the --unsafe-fixes option"
        option = "--fix --unsafe-fixes" if self.unsafe_fixes else "--fix"
        if fixable:
            out.append(f"[*] {fixable} fixable with the {option} option" + (f" ({note})." if hidden else "."))
        elif hidden:
            out.append(f"No fixes available ({note}).")
        return out

    @property
    def exit_code(self) -> int:
        if self.errors:
            return 2
        return 1 if self.failing else 0
