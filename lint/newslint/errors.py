"""Errors that end in a one-line message and exit code 2, never a traceback."""
from __future__ import annotations


class NewslintError(Exception):
    """A problem with input, configuration or a rule, told to the user in one line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return where + self.message


class RuleError(NewslintError):
    """A rule file that cannot be used: malformed YAML, an unknown key, a bad pattern."""


class ConfigError(NewslintError):
    """A configuration file or option that cannot be used."""


class InputError(NewslintError):
    """A file that cannot be linted: missing, unreadable, binary or not UTF-8."""
