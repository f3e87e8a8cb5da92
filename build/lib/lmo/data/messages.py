"""Pydantic's validation errors as editor messages: the file, line and column, the field's
path, what was expected with an example, and what was found."""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from lmo.core.problems import Problem, did_you_mean, quote_value
from lmo.core.yamlsource import PathKey, SourceDocument, dotted

_TYPE_WORDS = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list (one line per item, each starting with '- ')",
    "dict_type": "expected a block of 'field: value' lines",
    "model_type": "expected a block of 'field: value' lines",
    "model_attributes_type": "expected a block of 'field: value' lines",
}


# YAML 1.1, which the data files are read with, takes yes, no, on, off, true and false
# without quotes for true or false, so an editor who wrote `yes` would only see "got true".
_BARE_WORDS = "YAML reads yes, no, on, off, true and false without quotes as true or false"
_TEXT_KINDS = ("string_type", "lmo_text")


def found_text(error: Any) -> str:
    """What was found, as the message ends "(got ...)"; for a true or false where words
    were expected, with what to write instead."""
    value = error.get("input")
    found = quote_value(value)
    if not isinstance(value, bool):
        return found
    if error["type"] in _TEXT_KINDS:
        return f"{found}: {_BARE_WORDS}; put the text in quotes"
    if error["type"] == "literal_error":
        options = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        word = "yes" if value else "no"
        if word in options:
            return f'{found}: {_BARE_WORDS}; write "{word}" in quotes'
    return found


def _unwrap(annotation: Any) -> Any:
    """The model class inside Optional[...], list[...] or Annotated[...], if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _unwrap(arg)
    if origin is list:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _message(error: Any, model: type[BaseModel]) -> tuple[str, bool]:
    """The editor's message, and whether it is about a key (not the value)."""
    kind = error["type"]
    loc = tuple(error["loc"])
    found = found_text(error)
    if kind == "missing":
        return f"required field is missing: add '{loc[-1]}:'", False
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        hint = did_you_mean(str(loc[-1]), allowed, key=True)
        return f"unknown field '{loc[-1]}'{hint} Fields allowed here: {', '.join(allowed)}", True
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", "")).replace("'", "")
        return f"expected one of {expected} (got {found})", False
    if kind in _TYPE_WORDS:
        return f"{_TYPE_WORDS[kind]} (got {found})", False
    if kind in ("greater_than_equal", "less_than_equal", "too_short"):
        return f"{error['msg'].lower()} (got {found})", False
    if kind.startswith("lmo_status") or kind in (
        "lmo_setting",
        "lmo_review",
        "lmo_internal",
        "lmo_raw",
        "lmo_action",
    ):
        return error["msg"], False
    if kind.startswith("lmo_"):
        return f"{error['msg']} (got {found})", False
    return f"{error['msg']} (got {found})", False


def problems_from_validation(
    error: ValidationError, doc: SourceDocument, model: type[BaseModel]
) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc: PathKey = tuple(item["loc"])
        text, about_key = _message(item, model)
        at = loc[:-1] if item["type"] == "missing" else loc
        if item["type"] in ("lmo_internal", "lmo_raw"):
            loc = at = (*loc, item["ctx"]["key"])
            about_key = True
        line, col = doc.locate(at, key=about_key)
        problems.append(Problem(doc.file, line, col, dotted(loc), text))
    return problems
