"""GitLab Code Quality report: a JSON array of issues, shown on merge requests."""
from __future__ import annotations

import json

from newslint.formats.common import fingerprints

SEVERITIES = {"suggestion": "info", "warning": "minor", "error": "major"}


def format_gitlab(report, stream) -> None:
    issues = [
        {
            "description": f"{f.rule}: {f.message}",
            "check_name": f.rule,
            "fingerprint": fingerprint,
            "severity": SEVERITIES.get(f.severity, "minor"),
            "location": {"path": f.path, "lines": {"begin": f.line}},
        }
        for f, fingerprint in zip(report.findings, fingerprints(report.findings))
    ]
    json.dump(issues, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
