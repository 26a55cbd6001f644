"""newslint: a linter for news text.

The public API is small: :func:`lint_paths` lints files and folders the way the command line does
and returns a :class:`Report` (findings and errors); :func:`lint_text` lints a string and returns
its :class:`Finding` list. See docs/api.md.
"""
from newslint.findings import Finding, LEVELS
from newslint.api import lint_paths, lint_text
from newslint.report import Report

__all__ = ["Finding", "LEVELS", "Report", "lint_paths", "lint_text"]
__version__ = "0.1.0"
