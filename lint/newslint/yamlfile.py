"""Safe YAML loading that remembers where each key and item was written, so that an error in a
rule or configuration file can name its line."""
from __future__ import annotations

from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, SequenceNode

from newslint.errors import NewslintError

try:  # libyaml's composer is several times faster; both only build plain data.
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pyyaml built without libyaml
    _Loader = yaml.SafeLoader


def decode(data: bytes, path: str, error=NewslintError) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} cannot be decoded", path, line) from None


def read_mapping(path, error=NewslintError) -> tuple[dict, dict]:
    """Read, decode and parse a YAML file that must be a mapping (see ``load_mapping``)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror or exc}", str(path)) from None
    return load_mapping(decode(data, str(path), error), str(path), error)


def load_mapping(text: str, path: str, error=NewslintError) -> tuple[dict, dict]:
    """Parse a YAML document that must be a mapping.

    Returns ``(data, lines)`` where ``lines`` maps each top-level key to its line, and
    ``(key, index)`` / ``(key, subkey)`` to the line of each item of a list or mapping value.
    """
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        context = getattr(exc, "context_mark", None)
        if mark is not None and context is not None and mark.line >= text.count("\n"):
            mark = context  # "end of stream" in an unclosed quote: point at where it opened
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise error(f"malformed YAML: {problem}", path, mark.line + 1 if mark else None) from None
    if root is None:
        return {}, {}
    if not isinstance(root, MappingNode):
        raise error("expected a mapping of keys to values", path, root.start_mark.line + 1)
    construct = SafeConstructor()
    data, lines = {}, {}
    for key_node, value_node in root.value:
        key_line = key_node.start_mark.line + 1
        try:
            key = construct.construct_object(key_node, deep=True)
            value = construct.construct_object(value_node, deep=True)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise error(f"unsupported YAML: {getattr(exc, 'problem', exc)}", path, mark.line + 1 if mark else key_line) from None
        if not isinstance(key, str):
            raise error(f"keys must be strings, not {key!r}", path, key_line)
        if key in data:
            raise error(f"duplicate key {key!r}", path, key_line)
        data[key] = value
        lines[key] = key_line
        if isinstance(value_node, SequenceNode):
            for i, item in enumerate(value_node.value):
                lines[(key, i)] = item.start_mark.line + 1
        elif isinstance(value_node, MappingNode):
            for sub_key, sub_value in value_node.value:
                sub = construct.construct_object(sub_key, deep=True)
                lines[(key, sub)] = sub_key.start_mark.line + 1
                if isinstance(sub_value, SequenceNode):
                    for i, item in enumerate(sub_value.value):
                        lines[(key, sub, i)] = item.start_mark.line + 1
    return data, lines
