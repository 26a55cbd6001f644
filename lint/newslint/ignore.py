"""What git ignores, for the folders newslint walks: the ``.gitignore`` files from the repository
root down to each file's folder (and ``.git/info/exclude``), as git reads them.

A file's fate is decided by the deepest ``.gitignore`` with a pattern matching it (a deeper file
overrides a shallower one; within a file the last matching pattern wins, and ``!`` re-includes).
Outside a git repository, the ``.gitignore`` files from the walked folder down are read. pathspec
is imported only when a ``.gitignore`` is found.
"""
from __future__ import annotations

import os


def repository_root(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` holding ``.git`` (a folder, or a file in a worktree)."""
    here = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(here, ".git")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


class GitIgnored:
    """``ignored(path, is_dir)`` for the paths below ``top``, a folder being walked."""

    def __init__(self, top: str):
        top = os.path.abspath(top)
        self.root = repository_root(top) or top
        self._specs: dict[str, object] = {}

    def _spec(self, folder: str):
        """The compiled patterns of ``folder``'s ``.gitignore`` (and at the root, of
        ``.git/info/exclude``, which comes first so the .gitignore overrides it), or None."""
        if folder not in self._specs:
            lines: list[str] = []
            names = [os.path.join(".git", "info", "exclude"), ".gitignore"] if folder == self.root else [".gitignore"]
            for name in names:
                try:
                    with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                        lines += f.read().splitlines()
                except OSError:  # none there (or unreadable: git would not read it either)
                    pass
            spec = None
            if any(line.strip() and not line.startswith("#") for line in lines):
                import pathspec

                spec = pathspec.GitIgnoreSpec.from_lines(lines)
            self._specs[folder] = spec
        return self._specs[folder]

    def __call__(self, path: str, is_dir: bool) -> bool:
        path = os.path.abspath(path)
        rel = os.path.relpath(path, self.root)
        if rel.startswith(os.pardir):
            return False
        parts = rel.split(os.sep)
        verdict = None
        folder = self.root
        for depth in range(len(parts)):
            spec = self._spec(folder)
            if spec is not None:
                below = "/".join(parts[depth:]) + ("/" if is_dir else "")
                include = spec.check_file(below).include
                if include is not None:
                    verdict = include
            folder = os.path.join(folder, parts[depth])
        return bool(verdict)
