"""JUnit XML, which most CI services show as a test report: a testsuite per file, a failing
testcase per finding, a passing one for a clean file, an erroring one for a file that could not be
linted."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# Characters XML 1.0 cannot hold at all, not even escaped; ElementTree would write them as they are.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)


def format_junit(report, stream) -> None:
    by_path: dict[str, list] = {path: [] for path in report.paths}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    errors: dict[str, list] = {}
    for error in report.error_list:  # unreadable files; configuration and rule errors under "newslint"
        where = "newslint" if _is_config(error) or not error.path else error.path
        errors.setdefault(where, []).append(error)

    root = ET.Element("testsuites", name="newslint", tests="0", failures="0", errors="0")
    for path in [*by_path, *(p for p in errors if p not in by_path)]:
        suite = ET.SubElement(root, "testsuite", name=_xml(path))
        for f in by_path.get(path, []):
            case = ET.SubElement(suite, "testcase", name=_xml(f"{f.line}:{f.column} {f.rule}"), classname=_xml(path), file=_xml(path), line=str(f.line))
            failure = ET.SubElement(case, "failure", message=_xml(f.message), type=_xml(f.rule))
            failure.text = _xml(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")
        for error in errors.get(path, []):
            case = ET.SubElement(suite, "testcase", name="newslint", classname=_xml(path))
            ET.SubElement(case, "error", message=_xml(str(error))).text = _xml(str(error))
        if not len(suite):  # a clean file: one passing test, so that it shows in the report
            ET.SubElement(suite, "testcase", name="no problems", classname=_xml(path))
        _count(suite)
    _count(root)
    ET.indent(root)
    ET.ElementTree(root).write(stream, encoding="unicode", xml_declaration=True)
    stream.write("\n")


def _is_config(error) -> bool:
    from newslint.errors import ConfigError, RuleError

    return isinstance(error, (ConfigError, RuleError))


def _count(element) -> None:
    tests = failures = errors = 0
    for case in element.iter("testcase"):
        tests += 1
        failures += case.find("failure") is not None
        errors += case.find("error") is not None
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", str(errors))
