"""Read YAML into plain Python values while remembering where each value was written.

PyYAML's composer keeps the line and column of every node. We walk the node tree
ourselves instead of letting PyYAML construct objects, for three reasons: every value
keeps its position (for ``file:line:col`` messages), dates stay as the text the editor
typed (so "2018-02-30" becomes a clear message rather than a crash), and a key written
twice in one mapping is reported instead of silently keeping the last one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lmo.problems import Problem

# libyaml's loader is several times faster and keeps the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Location = tuple[int, int]
PathKey = tuple[str | int, ...]

_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}


@dataclass
class SourceDocument:
    """One YAML file: its data and where every value and key was written (1-based)."""

    file: str
    data: Any
    value_at: dict[PathKey, Location] = field(default_factory=dict)
    key_at: dict[PathKey, Location] = field(default_factory=dict)

    def locate(self, path: PathKey, *, key: bool = False) -> Location:
        """Best position for a path: the exact node, else the nearest written parent."""
        table = self.key_at if key else self.value_at
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.value_at:
                return self.value_at[probe]
            probe = probe[:-1]
        return self.value_at.get((), (1, 1))


def _scalar(node: yaml.ScalarNode) -> Any:
    tag = node.tag
    text = node.value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        return text.lower() in _TRUE
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(text.replace("_", ""), 0)
        except ValueError:
            return text
    if tag == "tag:yaml.org,2002:float":
        try:
            return float(text.replace("_", ""))
        except ValueError:
            return text
    # Strings and timestamps stay as typed; the schema parses dates strictly.
    return text


class _Walker:
    def __init__(self, doc: SourceDocument) -> None:
        self.doc = doc
        self.problems: list[Problem] = []

    def walk(self, node: yaml.Node, path: PathKey) -> Any:
        mark = node.start_mark
        self.doc.value_at[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(child, (*path, i)) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = str(_scalar(key_node)) if isinstance(key_node, yaml.ScalarNode) else "?"
                kmark = key_node.start_mark
                if key in result:
                    self.problems.append(
                        Problem(
                            self.doc.file,
                            kmark.line + 1,
                            kmark.column + 1,
                            _dotted((*path, key)),
                            "this key is written twice in the same block; keep one",
                        )
                    )
                    continue
                self.doc.key_at[(*path, key)] = (kmark.line + 1, kmark.column + 1)
                result[key] = self.walk(value_node, (*path, key))
            return result
        return None


def _dotted(path: PathKey) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + part
    return text


dotted = _dotted


def load_yaml(path: Path, display_name: str) -> tuple[SourceDocument, list[Problem]]:
    """Load one YAML file. On a syntax error the document is empty and one problem says where."""
    doc = SourceDocument(display_name, None)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return doc, [Problem(display_name, 1, 1, "", f"file is not UTF-8 text ({error.reason})")]
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or "invalid YAML"
        hint = (
            " (check the indentation and that every 'key:' has a space after the colon;"
            " put text containing ': ' or '#' in quotes)"
        )
        return doc, [Problem(display_name, line, col, "", f"YAML syntax error: {what}{hint}")]
    if root is None:
        return doc, []
    walker = _Walker(doc)
    doc.data = walker.walk(root, ())
    return doc, walker.problems
