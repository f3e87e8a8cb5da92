"""References between data files, declared in the schema and checked by one walker.

A field that names another record says so in its type: ``Annotated[Id, Refers("places")]``
(see ``lmo.data.schema``). ``check_references`` walks any checked model, finds every such
field however deep, and reports each id that is not in its collection with the file, line
and column to change, what it expected, and the nearest known id. The same helpers report
ids used twice, so every file's ids are checked the same way.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from lmo.core.problems import Problem, did_you_mean, quote_value
from lmo.core.yamlsource import PathKey, SourceDocument, dotted

# Stand-ins for a collection name in ``Refers``: the record's own collection (a status's
# replaced_by), or any record written as collection/id (a site notice, a change).
SAME_COLLECTION = "<same>"
ANY_RECORD = "<any>"


@dataclass(frozen=True)
class Refers:
    """Type metadata: this field holds the id of a record in ``collection``."""

    collection: str


@dataclass(frozen=True)
class Target:
    """The ids a reference may name, and the file they live in (for the message)."""

    ids: Iterable[str]
    file: str


class AnyId(dict[str, Any]):
    """Stands in for the records of a file that failed the schema: every id "exists", so a
    broken file does not also flood every file that refers to it with messages."""

    def __contains__(self, key: object) -> bool:
        return True

    def get(self, key: str, default: Any = None) -> Any:
        return default


def _refers_in(annotation: Any) -> Refers | None:
    """The Refers marker anywhere in a type such as list[Annotated[str, ..., Refers(...)]]."""
    if typing.get_origin(annotation) is typing.Annotated:
        for extra in annotation.__metadata__:
            if isinstance(extra, Refers):
                return extra
        return _refers_in(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list, tuple):
        for arg in typing.get_args(annotation):
            found = _refers_in(arg)
            if found is not None:
                return found
    return None


def _declared(model: type[BaseModel], name: str) -> Refers | None:
    field = model.model_fields[name]
    for extra in field.metadata:
        if isinstance(extra, Refers):
            return extra
    return _refers_in(field.annotation)


def walk_references(value: Any, at: PathKey = ()) -> Iterator[tuple[PathKey, str, Refers]]:
    """Every (path, id, Refers) in a model and the models inside it, in file order."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            item = getattr(value, name)
            refers = _declared(type(value), name)
            if refers is None:
                yield from walk_references(item, (*at, name))
            elif isinstance(item, str):
                yield (*at, name), item, refers
            elif isinstance(item, list | tuple):
                for i, each in enumerate(item):
                    if isinstance(each, str):
                        yield (*at, name, i), each, refers
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from walk_references(item, (*at, i))


def check_references(
    doc: SourceDocument,
    at: PathKey,
    value: Any,
    targets: Mapping[str, Target],
    problems: list[Problem],
    *,
    own_collection: str | None = None,
) -> None:
    """Report every declared reference in ``value`` (found at ``at`` in ``doc``) that names
    no record. References to a collection the site does not have are reported too."""
    for path, ref, refers in walk_references(value, at):
        name = own_collection if refers.collection == SAME_COLLECTION else refers.collection
        target = targets.get(name or "")
        if target is None:
            target = Target((), f"data/ (no {name} here)")
        unknown_id(doc, path, ref, target.ids, target.file, problems)


def unknown_id(
    doc: SourceDocument,
    path: PathKey,
    value: str | None,
    known: Iterable[str],
    target: str,
    problems: list[Problem],
) -> None:
    """One message for a reference that names no record, with the nearest known id."""
    if value is None:
        return
    if not isinstance(known, Mapping | set | frozenset):
        known = list(known)
    if value in known:
        return
    line, col = doc.locate(path)
    hint = did_you_mean(value, known)
    problems.append(
        Problem(
            doc.file,
            line,
            col,
            dotted(path),
            f"no record with this id in {target}{hint} (got {quote_value(value)})",
        )
    )


def report_repeated_ids(
    doc: SourceDocument,
    ids: Iterable[tuple[PathKey, str]],
    problems: list[Problem],
    why: str = "every record needs its own id",
) -> None:
    """One message for each id used again, at its place, naming the line it was first used."""
    first_line: dict[str, int] = {}
    for path, value in ids:
        line, col = doc.locate(path)
        if value in first_line:
            problems.append(
                Problem(
                    doc.file,
                    line,
                    col,
                    dotted(path),
                    f"id {quote_value(value)} is already used on line {first_line[value]}; {why}",
                )
            )
        else:
            first_line[value] = line


@dataclass
class Collection:
    """One list of records with the document it came from, for cross-file checks."""

    name: str
    file_key: str
    doc: SourceDocument
    records: list[Any]

    def at(self, index: int, *fields: str | int) -> tuple[str, int, int]:
        line, col = self.doc.locate((self.file_key, index, *fields))
        return self.doc.file, line, col

    def path(self, index: int, *fields: str | int) -> str:
        return dotted((self.file_key, index, *fields))


def index_ids(collection: Collection, problems: list[Problem]) -> dict[str, Any]:
    """The records by id; a repeated id is reported and the first record kept."""
    report_repeated_ids(
        collection.doc,
        (((collection.file_key, i, "id"), r.id) for i, r in enumerate(collection.records)),
        problems,
    )
    result: dict[str, Any] = {}
    for record in collection.records:
        result.setdefault(record.id, record)
    return result
