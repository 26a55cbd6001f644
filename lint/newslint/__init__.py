"""newslint: a linter for news text.

The public API is small: :func:`lint_text` lints a string the way the command line lints a file,
and :class:`Finding` is what it returns.
"""
from newslint.findings import Finding, LEVELS
from newslint.api import lint_text

__all__ = ["Finding", "LEVELS", "lint_text"]
__version__ = "0.1.0"
