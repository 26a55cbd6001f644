"""What a run produced, for the formatters, the exit code and callers of the Python API."""
from __future__ import annotations

from dataclasses import dataclass, field

from newslint.errors import NewslintError
from newslint.findings import LEVELS, Finding, level_rank


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)  # in input order, sorted within each file
    files: int = 0  # files linted
    error_list: list[NewslintError] = field(default_factory=list)  # in the order told; str() is the line shown
    failing: bool = False  # a finding at or above its file's fail level
    warnings: list[str] = field(default_factory=list)  # told on stderr; the exit code ignores them

    @property
    def errors(self) -> int:
        """How many errors were told (input, rule, config, check failures); formatters read this."""
        return len(self.error_list)

    def summary(self) -> str:
        files = f"{self.files} file{'s' if self.files != 1 else ''}"
        if not self.findings:
            text = f"No problems found in {files}."
        else:
            counts = {lvl: 0 for lvl in LEVELS}
            for f in self.findings:
                counts[f.severity] += 1
            parts = [f"{n} {lvl}{'s' if n != 1 else ''}" for lvl, n in sorted(counts.items(), key=lambda kv: -level_rank(kv[0])) if n]
            with_findings = len({f.path for f in self.findings})
            text = f"Found {len(self.findings)} problem{'s' if len(self.findings) != 1 else ''} ({', '.join(parts)}) in {with_findings} of {files}."
        if self.errors:
            text += f" {self.errors} error{'s' if self.errors != 1 else ''} reported above."
        return text

    @property
    def exit_code(self) -> int:
        if self.errors:
            return 2
        return 1 if self.failing else 0
