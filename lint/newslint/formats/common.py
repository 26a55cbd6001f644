"""What several formats need: a path as a URI, and fingerprints that survive edits elsewhere."""
from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import quote


def uri(path: str) -> str:
    """A relative path as given, as a URI reference ("a b/c.txt" -> "a%20b/c.txt"); an absolute one as file://."""
    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(path.replace("\\", "/"))


def fingerprints(findings) -> list[str]:
    """One hash per finding of its path, rule and matched text (not its line, so that a line inserted
    above leaves it as it was), and how many times the same text was flagged before it in that file
    by that rule, so that two identical slips in one file are two problems."""
    seen: dict[tuple, int] = {}
    out = []
    for f in findings:
        key = (f.path, f.rule, f.match)
        n = seen[key] = seen.get(key, -1) + 1
        out.append(hashlib.sha256("\0".join((f.path, f.rule, f.match, str(n))).encode("utf-8", "surrogatepass")).hexdigest())
    return out
