"""What a check reports, and the levels it reports at."""
from __future__ import annotations

from dataclasses import dataclass, field

# Ordered from least to most severe; "min level" and "fail level" compare by this order.
LEVELS = ("suggestion", "warning", "error")

CATEGORIES = (
    "mistranslation",
    "garbled",
    "date",
    "title",
    "consistency",
    "language",
    "boilerplate",
    "duplicate",
)


# How far a fix can be trusted, as ruff has it: "safe" is right in every case the rule's tests and
# the corpus show, so `--fix` applies it; "unsafe" is probably right but needs a look.
APPLICABILITIES = ("safe", "unsafe")


def level_rank(level: str) -> int:
    return LEVELS.index(level)


@dataclass(frozen=True)
class Finding:
    """One problem at one place. Lines are 1-based; columns are 1-based Unicode code points and
    ``end_column`` points just past the last character, as in SARIF and LSP."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    message: str
    match: str
    suggestions: tuple[str, ...] = ()
    fix: str | None = None  # replacement text for the span, when one is likely enough to offer
    applicability: str | None = None  # "safe" or "unsafe" when there is a fix (see APPLICABILITIES)
    offset: int = field(default=0, compare=False)  # code-point offsets into the text
    end_offset: int = field(default=0, compare=False)
    record: str | None = None  # a corpus record's id: line and column are inside its text

    @property
    def where(self) -> str:
        """The file, and the record in it for a corpus (``corpus.jsonl#a-17``)."""
        return self.path if self.record is None else f"{self.path}#{self.record}"

    def sort_key(self):
        return (self.line, self.column, self.rule, self.end_line, self.end_column)

    def to_json(self) -> dict:
        out = {
            "path": self.path,
            **({"record": self.record} if self.record is not None else {}),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "match": self.match,
            "suggestions": list(self.suggestions),
        }
        if self.fix is not None:
            out["fix"] = {"replacement": self.fix, "applicability": self.applicability or "unsafe"}
        return out
