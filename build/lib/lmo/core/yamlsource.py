"""Read YAML into plain Python values while remembering where each value was written.

PyYAML's composer keeps the line and column of every node. We walk the node tree
ourselves instead of letting PyYAML construct objects, for three reasons: every value
keeps its position (for ``file:line:col`` messages), dates stay as the text the editor
typed (so "2018-02-30" becomes a clear message rather than a crash), and a key written
twice in one mapping is reported instead of silently keeping the last one.

Before composing, the event stream is scanned (iteratively, so nothing here can recurse
without bound) for the two ways a few lines of YAML can exhaust the machine: aliases that
repeat a block that repeats a block ("billion laughs"), and nesting hundreds of levels deep.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lmo.core.problems import Problem

# libyaml's loader is several times faster and keeps the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Location = tuple[int, int]
PathKey = tuple[str | int, ...]

# Real data nests about 7 levels deep; nothing an editor writes needs 50.
MAX_DEPTH = 50
# Copies made by aliases, counted in values: a few shared blocks in a real file add hundreds.
MAX_ALIAS_NODES = 100_000

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
    def __init__(self, doc: SourceDocument, first_line: int = 1) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        # Marks count lines from 0 within the text; the text may start further down a file.
        self.offset = first_line

    def walk(self, node: yaml.Node, path: PathKey) -> Any:
        mark = node.start_mark
        self.doc.value_at[path] = (mark.line + self.offset, mark.column + 1)
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
                            kmark.line + self.offset,
                            kmark.column + 1,
                            _dotted((*path, key)),
                            "this key is written twice in the same block; keep one",
                        )
                    )
                    continue
                self.doc.key_at[(*path, key)] = (kmark.line + self.offset, kmark.column + 1)
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


def _position(data: bytes, offset: int) -> Location:
    """Line and column (1-based, in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def read_utf8(path: Path, display_name: str) -> tuple[str | None, list[Problem]]:
    """A file's text, or a problem at the first byte that is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line, col = _position(data, error.start)
        byte = data[error.start]
        return None, [
            Problem(
                display_name,
                line,
                col,
                "",
                f"this file is not saved as UTF-8 text: the character here (byte 0x{byte:02X})"
                " is in another encoding, such as Windows' Latin-1; save the file as UTF-8"
                " (in most editors: Save As, Encoding: UTF-8)",
            )
        ]


@dataclass
class _Block:
    """A block still open while scanning: its anchor, and its size and height so far
    (counting what its aliases stand for)."""

    anchor: str | None
    size: int = 1
    height: int = 1


class _LimitScan:
    def __init__(self, display_name: str, first_line: int) -> None:
        self.display_name = display_name
        self.first_line = first_line
        self.open: list[_Block] = []
        # Each anchor's block: how many values it stands for and how deep it goes.
        self.anchors: dict[str, tuple[int, int]] = {}
        self.copied = 0

    def _add(self, size: int, height: int) -> None:
        if self.open:
            parent = self.open[-1]
            parent.size += size
            parent.height = max(parent.height, height + 1)

    def problem(self, event: yaml.Event, message: str) -> Problem:
        mark = event.start_mark
        line, col = (mark.line, mark.column) if mark is not None else (0, 0)
        return Problem(self.display_name, line + self.first_line, col + 1, "", message)

    def alias(self, event: yaml.AliasEvent) -> str | None:
        name = event.anchor or ""
        if any(block.anchor == name for block in self.open):
            return (
                f"this block repeats itself (the alias '*{name}' is inside the block"
                f" '&{name}' it names), so it would never end; write the values out instead"
            )
        size, height = self.anchors.get(name, (0, 0))
        self.copied += size
        if self.copied > MAX_ALIAS_NODES:
            return (
                f"this file repeats a block (the alias '*{name}') so many times that it would"
                f" grow to more than {MAX_ALIAS_NODES:,} values; write the values out instead"
                " of using '&' anchors and '*' aliases"
            )
        if len(self.open) + height > MAX_DEPTH:
            return (
                f"this file puts a repeated block (the alias '*{name}') inside others until it is"
                f" more than {MAX_DEPTH} levels deep; write the values out instead"
            )
        self._add(size, height)
        return None

    def event(self, event: yaml.Event) -> str | None:
        """Take one event; the message when the file must be refused."""
        if isinstance(event, yaml.AliasEvent):
            return self.alias(event)
        if isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                self.anchors[event.anchor] = (1, 0)
            self._add(1, 0)
        elif isinstance(event, yaml.CollectionStartEvent):
            if len(self.open) >= MAX_DEPTH:
                return (
                    f"blocks are nested more than {MAX_DEPTH} levels deep here; data never"
                    " needs that many: check the indentation and the '[' and '{' brackets"
                )
            self.open.append(_Block(event.anchor))
        elif isinstance(event, yaml.CollectionEndEvent):
            block = self.open.pop()
            if block.anchor:
                self.anchors[block.anchor] = (block.size, block.height)
            self._add(block.size, block.height)
        return None


def check_limits(text: str, display_name: str, first_line: int = 1) -> list[Problem]:
    """Refuse YAML whose aliases would expand without bound, or that nests too deeply.

    Works on the parser's events, which come one at a time, so the check itself needs
    neither deep recursion nor the memory the expansion would take. Syntax errors are left
    for the composer to report. ``first_line`` is the file line the text starts on.
    """
    scan = _LimitScan(display_name, first_line)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            message = scan.event(event)
            if message is not None:
                return [scan.problem(event, message)]
    except yaml.YAMLError:
        return []
    return []


def compose_text(
    text: str, display_name: str, first_line: int = 1
) -> tuple[SourceDocument, list[Problem]]:
    """Read YAML text that starts on line ``first_line`` of the file ``display_name``."""
    doc = SourceDocument(display_name, None)
    problems = check_limits(text, display_name, first_line)
    if problems:
        return doc, problems
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + first_line, mark.column + 1) if mark else (first_line, 1)
        what = error.problem or "invalid YAML"
        hint = (
            " (check the indentation and that every 'key:' has a space after the colon;"
            " put text containing ': ' or '#' in quotes)"
        )
        return doc, [Problem(display_name, line, col, "", f"YAML syntax error: {what}{hint}")]
    if root is None:
        return doc, []
    walker = _Walker(doc, first_line)
    doc.data = walker.walk(root, ())
    return doc, walker.problems


def load_yaml(path: Path, display_name: str) -> tuple[SourceDocument, list[Problem]]:
    """Load one YAML file. On a syntax error the document is empty and one problem says where."""
    text, problems = read_utf8(path, display_name)
    if text is None:
        return SourceDocument(display_name, None), problems
    return compose_text(text, display_name)
