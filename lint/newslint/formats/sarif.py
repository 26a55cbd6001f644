"""SARIF 2.1.0, the format code-scanning services read (GitHub code scanning, Azure DevOps, IDEs)."""
from __future__ import annotations

import json

from newslint.formats.common import fingerprints, uri

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "suggestion": "note"}


def format_sarif(report, stream) -> None:
    json.dump(sarif_log(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def sarif_log(report) -> dict:
    rules = _rules(report)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results = [_result(f, index[f.rule], fp) for f, fp in zip(report.findings, fingerprints(report.findings))]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": _driver(rules)},
            "invocations": [_invocation(report)],
            "columnKind": "unicodeCodePoints",  # newslint's columns count code points, not UTF-16 units
            "results": results,
        }],
    }


def _driver(rules: list[dict]) -> dict:
    from newslint import __version__

    driver = {"name": "newslint", "version": __version__, "semanticVersion": __version__}
    home = _homepage()
    if home:
        driver["informationUri"] = home
    driver["rules"] = rules
    return driver


def _homepage() -> str | None:
    """The project's home page from the installed package's metadata, if it names one."""
    from importlib import metadata

    try:
        meta = metadata.metadata("newslint")
    except metadata.PackageNotFoundError:
        return None
    for entry in meta.get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return url.strip()
    return meta.get("Home-page") or None


def _rules(report) -> list[dict]:
    """A descriptor for every rule with a finding, sorted by id (results point at them by index)."""
    from newslint.report import RuleInfo

    firsts = {}
    for f in report.findings:
        firsts.setdefault(f.rule, f)
    out = []
    for rule_id in sorted(firsts):
        f = firsts[rule_id]
        # A finding a filter plugin made up may name a rule the run did not load.
        info = report.rules.get(rule_id) or RuleInfo(rule_id, f.category, f.severity)
        full = " ".join(info.description.split())
        descriptor = {
            "id": rule_id,
            "name": rule_id.rpartition(".")[2],
            "shortDescription": {"text": info.summary or rule_id},
            "fullDescription": {"text": full or rule_id},
            "help": {"text": " More: ".join(t for t in (full, info.link) if t) or rule_id},
        }
        if info.link:
            descriptor["helpUri"] = info.link
        descriptor["defaultConfiguration"] = {"level": LEVELS.get(info.level, "warning")}
        descriptor["properties"] = {"category": info.category, "tags": [info.category]}
        out.append(descriptor)
    return out


def _region(f, snippet: bool) -> dict:
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
    if snippet:
        region["snippet"] = {"text": f.match}
    return region


def _result(f, rule_index: int, fingerprint: str) -> dict:
    result = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(f.path)}, "region": _region(f, True)}}],
        "partialFingerprints": {"newslint/v1": fingerprint},
    }
    if f.fix is not None:
        replacement = {"deletedRegion": _region(f, False)}
        if f.fix:  # no insertedContent: the region is deleted
            replacement["insertedContent"] = {"text": f.fix}
        what = f"Replace '{f.match}' with '{f.fix}'" if f.fix else f"Delete '{f.match}'"
        result["fixes"] = [{
            "description": {"text": what},
            "artifactChanges": [{"artifactLocation": {"uri": uri(f.path)}, "replacements": [replacement]}],
            "properties": {"applicability": f.applicability or "unsafe"},
        }]
    if f.suggestions:
        result["properties"] = {"suggestions": list(f.suggestions)}
    if f.record is not None:
        # A corpus record: the region's lines and columns are inside the record's text, which
        # the logical location names (the file holds many records).
        result["locations"][0]["logicalLocations"] = [{"name": f.record, "kind": "record"}]
        result.setdefault("properties", {})["record"] = f.record
    return result


def _invocation(report) -> dict:
    """Whether the run went through, and the errors and warnings it told on standard error."""
    notes = []
    for error in report.error_list:
        note = {"level": "error", "message": {"text": str(error)}}
        if error.path:
            where = {"artifactLocation": {"uri": uri(error.path)}}
            if error.line:
                where["region"] = {"startLine": error.line}
            note["locations"] = [{"physicalLocation": where}]
        notes.append(note)
    notes += [{"level": "warning", "message": {"text": w}} for w in report.warnings]
    invocation = {"executionSuccessful": not report.error_list}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    return invocation
