"""Hostile text in every text field of every data file: the tiny site, with a payload added to
each field the schema says is free text (walked through the JSON Schema the editors get),
to every data translation, and to one catalogue string.

A field the check refuses is put back as it was and reported with its message; the test then
builds what was accepted. Two payloads, because ``{% raw %}`` would hide the others from a
template compiler."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sitebuild import build, check, make_site

from lmo.core.yamlsource import dotted
from lmo.schema_export import json_schemas

# Each builds to a number nobody wrote if it is ever evaluated as a template (7*191, 8*167).
EVALUATED = ("1337", "1336")


def payloads(canary: Path) -> tuple[str, str]:
    command = f"touch {canary}"
    first = (
        "{{ 7*191 }} {{ lipsum.__globals__['os'].popen('" + command + "').read() }}"
        " <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"
        " javascript:alert(4) \\u003cscript\\u003e \\ \" ' ` ${alert(5)} \u202e\u2067x\u2069"
        " </div><svg onload=alert(6)> &lt;b&gt; %(name)s %s {0}"
    )
    second = (
        "{% raw %} {{ 8*167 }} {% endraw %} {%- if true %}x{% endif %} </script><script>"
        "alert(7)</script> --> <!-- ]]> <a href=javascript:alert(8)>x</a> {: onclick=alert(9) }"
    )
    return first, second


@dataclass
class Fuzzed:
    site: Path
    fields: list[tuple[str, str]] = field(default_factory=list)  # (file, dotted path)
    refused: list[str] = field(default_factory=list)  # the check's messages, as printed
    # Everything the check printed while it refused something (for tracebacks), and whether
    # it passed in the end, once the refused fields were put back.
    output: list[str] = field(default_factory=list)
    accepted: bool = False


def _schema_for(name: str, schemas: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    if name.startswith("translations/"):
        return schemas["translations.schema.json"]
    if name.startswith("feedback/"):
        return schemas["feedback_summary.schema.json"]
    return schemas.get(name.removesuffix(".yml") + ".schema.json")


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _free_text(node: dict[str, Any]) -> bool:
    return node.get("type") == "string" and not (
        {"pattern", "format", "enum", "const"} & node.keys()
    )


def text_paths(value: Any, node: dict[str, Any], root: dict[str, Any], path: tuple = ()) -> list:
    """Paths of the free-text strings in ``value``, by the JSON Schema ``node``."""
    node = _resolve(node, root)
    if "anyOf" in node:
        wanted = {dict: "object", list: "array", str: "string"}.get(type(value))
        options = [_resolve(o, root) for o in node["anyOf"]]
        # Text or a standard sentence, inside "or nothing": look through to the choices.
        options = [c for o in options for c in o.get("anyOf", [o])]
        matching = [o for o in options if o.get("type") == wanted or "properties" in o]
        return text_paths(value, matching[0], root, path) if matching else []
    if isinstance(value, dict):
        found = []
        extra = node.get("additionalProperties")
        for key, child in value.items():
            child_node = node.get("properties", {}).get(key)
            if child_node is None and isinstance(extra, dict):
                child_node = extra
            if child_node is not None:
                found += text_paths(child, child_node, root, (*path, key))
        return found
    if isinstance(value, list):
        items = node.get("items", {})
        return [p for i, v in enumerate(value) for p in text_paths(v, items, root, (*path, i))]
    if isinstance(value, str) and _free_text(node):
        return [path]
    return []


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: tuple, value: Any) -> None:
    _get(data, path[:-1])[path[-1]] = value


_PROBLEM = re.compile(r"^(?P<file>\S+?):(?P<line>\d+):(?P<col>\d+): (?:warning: )?(?P<rest>.*)$")


def fuzz_site(tmp: Path, payload: str, catalogue_text: str) -> Fuzzed:
    site = make_site(tmp)
    data_dir = site / "data"
    schemas = json_schemas()
    documents: dict[str, Any] = {}
    originals: dict[tuple[str, tuple], str] = {}
    result = Fuzzed(site)
    for path in sorted(data_dir.rglob("*.yml")):
        name = path.relative_to(data_dir).as_posix()
        schema = _schema_for(name, schemas)
        if schema is None:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text_path in text_paths(data, schema, schema):
            originals[(name, text_path)] = _get(data, text_path)
            _set(data, text_path, f"{_get(data, text_path)} {payload}")
            result.fields.append((f"data/{name}", dotted(text_path)))
        documents[name] = data

    def write() -> None:
        for name, data in documents.items():
            (data_dir / name).write_text(
                yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8"
            )

    po = site / "locales" / "pl" / "LC_MESSAGES" / "messages.po"
    po.write_text(
        po.read_text(encoding="utf-8").replace(
            'msgstr "Centra społeczne"', f'msgstr "Centra społeczne {catalogue_text}"'
        ),
        encoding="utf-8",
    )
    for _ in range(4):
        write()
        checked = check(site)
        if checked.returncode == 0:
            result.accepted = True
            break
        result.output += checked.stderr.splitlines()
        for line in checked.stderr.splitlines():
            found = _PROBLEM.match(line)
            if not found or not found["file"].startswith("data/"):
                continue
            result.refused.append(line)
            name = found["file"].removeprefix("data/")
            subject = found["rest"].split(": ", 1)[0]
            for (file, text_path), original in originals.items():
                shown = dotted(text_path)
                restored = (f"data/{file}", shown) not in result.fields
                if file == name and not restored and shown.startswith(subject):
                    _set(documents[file], text_path, original)
                    result.fields.remove((f"data/{file}", shown))
    return result


def build_fuzzed(fuzzed: Fuzzed, **env: str) -> Any:
    return build(fuzzed.site, **env)
