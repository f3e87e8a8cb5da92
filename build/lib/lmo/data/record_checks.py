"""The checks of the core's records that span files: declared references (one walker,
lmo.data.references), transfers that go to an obstetric unit, ids that are never reused and
never a language's code, and the status notices' standard sentences and translations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterator
from typing import Any

from lmo.core.problems import Problem, quote_value
from lmo.core.yamlsource import PathKey, SourceDocument, dotted
from lmo.data.dataset import COLLECTIONS, DataSet
from lmo.data.notice_check import check_site_notice, check_status
from lmo.data.references import ANY_RECORD, Collection, Target, check_references

# Each collection of records: the core file it is in, and the key of its list there.
COLLECTION_FILES = {
    "mnvps": ("lmns.yml", "mnvps"),
    "organisations": ("organisations.yml", "organisations"),
    "places": ("places.yml", "places"),
    "hubs": ("hubs.yml", "hubs"),
    "birth_settings": ("birth_settings.yml", "birth_settings"),
    "services": ("services.yml", "services"),
    "concerns": ("concerns.yml", "routes"),
}


class RecordRefs(Container[str]):
    """Every record written as collection/id (a site notice's or a change's record), the
    concerns aside (they have no page). A collection whose file failed accepts every id."""

    def __init__(self, indexed: dict[str, dict[str, Any]]) -> None:
        self.indexed = {k: v for k, v in indexed.items() if k != "concerns"}

    def __contains__(self, ref: object) -> bool:
        collection, _, record_id = str(ref).partition("/")
        return record_id in self.indexed.get(collection, {})

    def __iter__(self) -> Iterator[str]:
        for collection, records in self.indexed.items():
            yield from (f"{collection}/{record_id}" for record_id in records)


def reference_targets(indexed: dict[str, dict[str, Any]], prefix: str) -> dict[str, Target]:
    targets = {
        name: Target(records, f"{prefix}{COLLECTION_FILES[name][0]}")
        for name, records in indexed.items()
    }
    targets[ANY_RECORD] = Target(RecordRefs(indexed), prefix)
    return targets


def check_record_references(
    cols: dict[str, Collection], targets: dict[str, Target], problems: list[Problem]
) -> None:
    """Every declared reference in every record (lmo.data.references), and the one rule a
    reference alone cannot say: a transfer goes to an obstetric unit."""
    for name, col in cols.items():
        for i, record in enumerate(col.records):
            at = (col.file_key, i)
            check_references(col.doc, at, record, targets, problems, own_collection=name)
    settings = targets["birth_settings"].ids
    col = cols["birth_settings"]
    for i, setting in enumerate(col.records):
        if setting.transfer is None or not isinstance(settings, dict):
            continue
        unit = settings.get(setting.transfer.unit)
        if unit is not None and unit.type != "obstetric_unit":
            problems.append(
                Problem(
                    *col.at(i, "transfer", "unit"),
                    col.path(i, "transfer", "unit"),
                    "a transfer goes to an obstetric unit; this id is a"
                    f" {unit.type.replace('_', ' ')} (got {quote_value(unit.id)})",
                )
            )


def check_previous_ids(ds: DataSet, problems: list[Problem]) -> None:
    """Renamed records: an old id must not be any record's id, now or before."""
    for name in COLLECTIONS:
        records = getattr(ds, name)
        for record in records.values():
            for old in record.previous_ids:
                if old in records:
                    problems.append(
                        Problem(
                            *ds.where[(name, record.id)],
                            f"{name}[{record.id}].previous_ids",
                            f"{quote_value(old)} is the id of another record: ids are never reused",
                        )
                    )


def check_language_ids(
    cols: dict[str, Collection], languages: set[str], problems: list[Problem]
) -> None:
    """An id that is a language's code: each language is published in a folder of that name,
    so an address such as hubs/pl/ reads as Polish, to people and to anything that finds a
    page's language from its path. Only the site's languages are refused: short ids such as
    "mlu" are real names, and refusing every two- or three-letter word would puzzle editors."""
    for col in cols.values():
        for i, record in enumerate(col.records):
            named: list[tuple[tuple[str | int, ...], str]] = [(("id",), record.id)]
            named += [(("previous_ids", j), old) for j, old in enumerate(record.previous_ids)]
            for where, value in named:
                if value not in languages:
                    continue
                problems.append(
                    Problem(
                        *col.at(i, *where),
                        col.path(i, *where),
                        f"{quote_value(value)} is the code of one of the site's languages, whose"
                        " pages are published in a folder of that name: choose another id, such"
                        " as one with the place's name in it",
                    )
                )


def check_notices(
    cols: dict[str, Collection],
    lmns_doc: SourceDocument,
    ds: DataSet,
    languages: list[str],
    today: dt.date,
    problems: list[Problem],
) -> None:
    """Standard sentences filled in right, and urgent free text translated
    (lmo.data.notice_check)."""
    refs = list(RecordRefs({name: getattr(ds, name) for name in COLLECTIONS}))
    for col in cols.values():
        for i, record in enumerate(col.records):

            def locate(at: PathKey, key: bool, i: int = i, col: Collection = col) -> Any:
                line, c = col.doc.locate((col.file_key, i, *at), key=key)
                return col.doc.file, line, c, col.path(i, *at)

            problems += check_status(record.status, locate, refs, languages, ds.translations)
    if ds.lmns.site_notice is not None:

        def locate_lmns(at: PathKey, key: bool) -> Any:
            return (lmns_doc.file, *lmns_doc.locate(at, key=key), dotted(at))

        def state_of(ref: str) -> str | None:
            record = ds.record(ref)
            return record.status.state if record is not None else None

        problems += check_site_notice(
            ds.lmns.site_notice, locate_lmns, refs, languages, ds.translations, today, state_of
        )
