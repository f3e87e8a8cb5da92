"""Export the schema for editors: JSON Schema per data file, and the field reference.

Both are generated from ``lmo.data.schema`` so they cannot drift from what the build checks;
a test fails when the committed copies are out of date (run ``make schemas``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from lmo.data import schema
from lmo.data.phrases import phrase_reference
from lmo.features import discover


def json_schemas() -> dict[str, dict[str, Any]]:
    result = {}
    files: dict[str, type[BaseModel]] = {**schema.DATA_FILES}
    titles = {"translations": "data/translations/<language>.yml"}
    for feature in discover():
        if feature.data is None:
            continue
        files.update({f.name: f.model for f in feature.data.files})
        folder = feature.data.folder_files
        if folder is not None:
            files[f"{folder.stem}.yml"] = folder.model
            titles[folder.stem] = f"data/{feature.data.folder}/{folder.pattern}"
    files["translations.yml"] = schema.TranslationsFile
    for name, model in files.items():
        stem = name.removesuffix(".yml")
        js = model.model_json_schema()
        js["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        js["title"] = titles.get(stem, f"data/{name}")
        result[f"{stem}.schema.json"] = js
    return result


def _type_words(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return f"block: [{prop['$ref'].split('/')[-1]}](#{prop['$ref'].split('/')[-1].lower()})"
    if "enum" in prop:
        return "one of: " + ", ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    if prop.get("title") == "NoticeText":
        return "text, or a [standard sentence](#standard-sentences)"
    if "anyOf" in prop:
        options = [p for p in prop["anyOf"] if p.get("type") != "null"]
        if len(options) == 2 and {o.get("type") for o in options} == {"string", "object"}:
            return "text (translatable: plain text, or one line per language)"
        if len(options) == 1:
            return _type_words(options[0])
        return " or ".join(_type_words(o) for o in options)
    kind = prop.get("type")
    if kind == "array":
        return "list of " + _type_words(prop.get("items", {}))
    if kind == "string":
        fmt = prop.get("format")
        if fmt == "date":
            return "date (YYYY-MM-DD)"
        if fmt:
            return {"uri": "web address", "email": "email address"}.get(fmt, fmt)
        if "pattern" in prop:
            return f"text matching `{prop['pattern']}`"
        return "text"
    return {"integer": "whole number", "number": "number", "boolean": "true or false"}.get(
        str(kind), str(kind)
    )


def _table(title: str, js: dict[str, Any]) -> list[str]:
    lines = [f"### {title}", ""]
    if js.get("description"):
        lines += [" ".join(js["description"].split()), ""]
    lines += ["| field | required | what to write | notes |", "| --- | --- | --- | --- |"]
    required = set(js.get("required", []))
    for field, prop in js.get("properties", {}).items():
        notes = " ".join(str(prop.get("description", "")).split()).replace("|", "\\|")
        if "default" in prop and prop["default"] not in (None, [], {}):
            notes = (notes + f" Default: `{json.dumps(prop['default'])}`.").strip()
        needed = "yes" if field in required else "no"
        lines.append(f"| `{field}` | {needed} | {_type_words(prop)} | {notes} |")
    return [*lines, ""]


def reference_markdown() -> str:
    out = [
        "# Data field reference",
        "",
        "Generated from `lmo/data/schema/` and each feature's `schema.py` by `make schemas`:"
        " do not edit by hand.",
        "Every file in `data/` is checked against these fields; unknown fields are errors.",
        "",
        "## Files",
        "",
    ]
    defs: dict[str, Any] = {}
    for _name, js in json_schemas().items():
        out += _table(js["title"], js)
        defs.update(js.get("$defs", {}))
    out += ["## Blocks", ""]
    for def_name in sorted(defs):
        out += _table(def_name, defs[def_name])
    out += phrase_reference()
    return "\n".join(out).rstrip() + "\n"


def write_schema_files(out_dir: Path, reference: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, js in json_schemas().items():
        path = out_dir / file_name
        path.write_text(json.dumps(js, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    reference.parent.mkdir(parents=True, exist_ok=True)
    reference.write_text(reference_markdown(), encoding="utf-8")
    written.append(reference)
    return written
