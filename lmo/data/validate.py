"""Load every data file, check it against the schema and against the other files.

The result is either a complete ``DataSet`` or ``None``, and always the full list of
problems, each pointing at the file, line and column an editor has to change.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from lmo.core.problems import Problem, Severity, did_you_mean, quote_value
from lmo.core.yamlsource import PathKey, SourceDocument, dotted, load_yaml
from lmo.data import schema
from lmo.data.translations import Store, assign_keys, load_translations

# The record lists of a data set, each with a page (or, for concerns, an anchor) per record.
COLLECTIONS = (
    "mnvps",
    "organisations",
    "places",
    "hubs",
    "birth_settings",
    "services",
    "concerns",
)


@dataclass
class DataSet:
    lmns: schema.Lmns
    mnvps: dict[str, schema.Mnvp]
    organisations: dict[str, schema.Organisation]
    places: dict[str, schema.Place]
    hubs: dict[str, schema.Hub]
    birth_settings: dict[str, schema.BirthSetting]
    services: dict[str, schema.Service]
    concerns: dict[str, schema.ConcernRoute]
    glossary: schema.GlossaryFile
    # (collection, id) -> (file, line, column) of the record, for later messages.
    where: dict[tuple[str, str], tuple[str, int, int]] = field(default_factory=dict)
    # Every translatable value by key, and the translations of them by language.
    texts: dict[str, schema.LocalText] = field(default_factory=dict)
    translations: Store = field(default_factory=Store)
    changes: list[schema.Change] = field(default_factory=list)
    quality: dict[str, schema.QualityRecord] = field(default_factory=dict)
    feedback_themes: list[schema.FeedbackTheme] = field(default_factory=list)
    # Quarterly summaries, oldest first, and the actions taken on what women said.
    feedback: list[schema.FeedbackSummary] = field(default_factory=list)
    you_said_we_did: schema.YouSaidWeDidFile | None = None
    # The care-plan drafter's questions; None when the LMNS has no drafter.
    care_plan: schema.CarePlanFile | None = None
    # Published outcomes by place of birth, and the area's postcode districts, for the
    # birth-place page; None when the LMNS does not publish one.
    birthplace_figures: schema.BirthplaceFiguresFile | None = None
    postcode_districts: schema.PostcodeDistrictsFile | None = None

    def record(self, ref: str) -> schema.Record | None:
        """A record from a reference such as services/booking."""
        collection, _, record_id = ref.partition("/")
        table = getattr(self, collection, None)
        return table.get(record_id) if isinstance(table, dict) else None

    def text_roots(self) -> Iterable[tuple[str, Any]]:
        yield "lmns", self.lmns
        for collection, record in self.records():
            yield f"{collection}.{record.id}", record
        for term in self.glossary.terms:
            yield f"glossary.{term.id}", term
        for i, change in enumerate(self.changes):
            yield f"changes[{i}]", change
        for theme in self.feedback_themes:
            yield f"feedback_themes.{theme.id}", theme
        for summary in self.feedback:
            yield f"feedback.{summary.quarter}.method", summary.method
        if self.you_said_we_did is not None:
            for action in self.you_said_we_did.actions:
                yield f"you_said_we_did.{action.id}", action
        if self.care_plan is not None:
            # Keyed by section and question id, so reordering the plan keeps translations.
            plan = self.care_plan
            for name in ("intro", "privacy", "not_safe"):
                yield f"care_plan.{name}", getattr(plan, name)
            for section in plan.sections:
                yield f"care_plan.{section.id}.title", section.title
                if section.intro is not None:
                    yield f"care_plan.{section.id}.intro", section.intro
                for question in section.questions:
                    yield f"care_plan.{section.id}.{question.id}", question
        if self.birthplace_figures is not None:
            figures = self.birthplace_figures
            yield "birthplace.study", figures.study
            yield "birthplace.framing", figures.framing
            for finding in figures.findings:
                yield f"birthplace.findings.{finding.id}", finding.text
            for reason in figures.transfer_reasons.reasons:
                yield f"birthplace.transfer_reasons.{reason.id}", reason.label

    def records(self) -> Iterable[tuple[str, schema.Record]]:
        for collection in COLLECTIONS:
            for record in getattr(self, collection).values():
                yield collection, record


# --- turning pydantic's errors into editor messages --------------------------------------

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
    found = quote_value(error.get("input"))
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


# --- loading -----------------------------------------------------------------------------


def _load_file(
    data_dir: Path, name: str, display_prefix: str
) -> tuple[SourceDocument | None, BaseModel | None, list[Problem]]:
    path = data_dir / name
    display = f"{display_prefix}{name}"
    if not path.exists():
        if name in schema.OPTIONAL_DATA_FILES:
            return None, None, []
        return None, None, [Problem(display, 1, 1, "", "this data file is missing")]
    doc, problems = load_yaml(path, display)
    if problems and doc.data is None:
        return doc, None, problems
    model = schema.DATA_FILES.get(name) or schema.OPTIONAL_DATA_FILES[name]
    if not isinstance(doc.data, dict):
        top = ", ".join(model.model_fields)
        problems.append(Problem(display, 1, 1, "", f"expected the file to start with: {top}"))
        return doc, None, problems
    try:
        return doc, model.model_validate(doc.data), problems
    except ValidationError as error:
        return doc, None, problems + problems_from_validation(error, doc, model)


class _AnyId(dict[str, Any]):
    """Stands in for the records of a file that failed the schema: every id "exists"."""

    def __contains__(self, key: object) -> bool:
        return True

    def get(self, key: str, default: Any = None) -> Any:
        return default


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


def _check_refs(
    collection: Collection,
    index: int,
    field_path: tuple[str | int, ...],
    value: str | None,
    target: dict[str, Any],
    target_file: str,
    problems: list[Problem],
) -> None:
    if value is None or value in target:
        return
    file, line, col = collection.at(index, *field_path)
    hint = did_you_mean(value, target)
    problems.append(
        Problem(
            file,
            line,
            col,
            collection.path(index, *field_path),
            f"no record with this id in {target_file}{hint} (got {quote_value(value)})",
        )
    )


def _cross_checks(cols: dict[str, Collection], ds: DataSet, problems: list[Problem]) -> None:
    orgs, places, services = ds.organisations, ds.places, ds.services
    settings = ds.birth_settings
    same_kind: dict[str, dict[str, Any]] = {
        "organisations": orgs,
        "places": places,
        "hubs": ds.hubs,
        "birth_settings": settings,
        "services": services,
        "concerns": ds.concerns,
        "mnvps": ds.mnvps,
    }
    for name, col in cols.items():
        for i, record in enumerate(col.records):
            status = record.status
            _check_refs(
                col,
                i,
                ("status", "replaced_by"),
                status.replaced_by,
                same_kind[name],
                col.doc.file,
                problems,
            )
            _check_refs(
                col,
                i,
                ("status", "fallback_provider"),
                status.fallback_provider,
                orgs,
                "data/organisations.yml",
                problems,
            )
    for i, hub in enumerate(cols["hubs"].records):
        _check_refs(cols["hubs"], i, ("place",), hub.place, places, "data/places.yml", problems)
        _check_refs(
            cols["hubs"], i, ("provider",), hub.provider, orgs, "data/organisations.yml", problems
        )
        for j, sid in enumerate(hub.services):
            _check_refs(
                cols["hubs"], i, ("services", j), sid, services, "data/services.yml", problems
            )
    col = cols["birth_settings"]
    for i, setting in enumerate(col.records):
        _check_refs(col, i, ("place",), setting.place, places, "data/places.yml", problems)
        _check_refs(
            col, i, ("provider",), setting.provider, orgs, "data/organisations.yml", problems
        )
        if setting.transfer is not None:
            _check_refs(
                col,
                i,
                ("transfer", "unit"),
                setting.transfer.unit,
                settings,
                "data/birth_settings.yml",
                problems,
            )
            unit = settings.get(setting.transfer.unit)
            if unit is not None and unit.type != "obstetric_unit":
                file, line, c = col.at(i, "transfer", "unit")
                problems.append(
                    Problem(
                        file,
                        line,
                        c,
                        col.path(i, "transfer", "unit"),
                        "a transfer goes to an obstetric unit; this id is a"
                        f" {unit.type.replace('_', ' ')} (got {quote_value(unit.id)})",
                    )
                )
    col = cols["services"]
    for i, service in enumerate(col.records):
        _check_refs(
            col, i, ("provider",), service.provider, orgs, "data/organisations.yml", problems
        )
        _check_refs(
            col,
            i,
            ("commissioner",),
            service.commissioner,
            orgs,
            "data/organisations.yml",
            problems,
        )
        for j, pid in enumerate(service.delivered_at):
            _check_refs(col, i, ("delivered_at", j), pid, places, "data/places.yml", problems)
    col = cols["concerns"]
    for i, route in enumerate(col.records):
        _check_refs(
            col, i, ("organisation",), route.organisation, orgs, "data/organisations.yml", problems
        )


def unknown_id(
    doc: SourceDocument,
    path: PathKey,
    value: str | None,
    known: Iterable[str],
    target: str,
    problems: list[Problem],
) -> None:
    """One message for every reference outside the record lists (those use _check_refs)."""
    if value is None:
        return
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


def _record_refs(ds: DataSet) -> list[str]:
    return [f"{name}/{record.id}" for name, record in ds.records() if name != "concerns"]


def _lmns_checks(doc: SourceDocument, ds: DataSet, problems: list[Problem]) -> None:
    lmns = ds.lmns
    unknown_id(
        doc,
        ("lmns", "single_point_of_access"),
        lmns.single_point_of_access,
        ds.services,
        "data/services.yml",
        problems,
    )
    if lmns.site_notice is not None:
        unknown_id(
            doc,
            ("lmns", "site_notice", "record"),
            lmns.site_notice.record,
            _record_refs(ds),
            "data/",
            problems,
        )
    for i, service_id in enumerate(lmns.interpreting_services):
        unknown_id(
            doc,
            ("lmns", "interpreting_services", i),
            service_id,
            ds.services,
            "data/services.yml",
            problems,
        )
    for i, triage in enumerate(lmns.triage_lines):
        unknown_id(
            doc,
            ("lmns", "triage_lines", i, "birth_setting"),
            triage.birth_setting,
            ds.birth_settings,
            "data/birth_settings.yml",
            problems,
        )


def _change_and_quality_checks(
    docs: dict[str, SourceDocument], models: dict[str, Any], ds: DataSet, problems: list[Problem]
) -> None:
    ds.changes = sorted(models["changes.yml"].changes, key=lambda c: c.date, reverse=True)
    doc = docs["changes.yml"]
    refs = _record_refs(ds)
    for i, change in enumerate(models["changes.yml"].changes):
        unknown_id(doc, ("changes", i, "record"), change.record, refs, "data/", problems)
    doc = docs["quality.yml"]
    for i, quality in enumerate(models["quality.yml"].providers):
        unknown_id(
            doc,
            ("providers", i, "provider"),
            quality.provider,
            ds.organisations,
            "data/organisations.yml",
            problems,
        )
        unknown_id(
            doc,
            ("providers", i, "raise_concern"),
            quality.raise_concern,
            ds.concerns,
            "data/concerns.yml",
            problems,
        )
        ds.quality[quality.provider] = quality
        ds.where[("quality", quality.provider)] = (
            doc.file,
            *doc.locate(("providers", i, "review_by")),
        )
    # Renamed records: an old id must not be any record's id, now or before.
    for name in COLLECTIONS:
        records = getattr(ds, name)
        current = set(records)
        for record in records.values():
            for old in record.previous_ids:
                if old in current:
                    file, line, c = ds.where[(name, record.id)]
                    problems.append(
                        Problem(
                            file,
                            line,
                            c,
                            f"{name}[{record.id}].previous_ids",
                            f"{quote_value(old)} is the id of another record: ids are never reused",
                        )
                    )


def review_problems(ds: DataSet, today: dt.date) -> list[Problem]:
    """Warnings for records whose review date has passed: the site flags them too."""
    problems = []
    dated: list[tuple[tuple[str, str], dt.date]] = [
        ((collection, record.id), record.review_by) for collection, record in ds.records()
    ]
    dated.append((("lmns", "lmns"), ds.lmns.review_by))
    dated.extend((("quality", q.provider), q.review_by) for q in ds.quality.values())
    dated.append((("glossary", "glossary"), ds.glossary.review_by))
    if ds.you_said_we_did is not None:
        dated.append((("you_said_we_did", "you_said_we_did"), ds.you_said_we_did.review_by))
    # Each optional file is kept in the data set under its own name (care_plan.yml as
    # ds.care_plan), so its review date is found the same way for all of them.
    for file_name in schema.OPTIONAL_DATA_FILES:
        name = file_name.removesuffix(".yml")
        optional = getattr(ds, name)
        if optional is not None:
            dated.append(((name, ""), optional.review_by))
    if ds.feedback:
        # Only the latest summary can be overdue: older quarters are history.
        latest = ds.feedback[-1]
        dated.append((("feedback", latest.quarter), latest.next_summary_by))
    for key, review_by in dated:
        if review_by >= today:
            continue
        file, line, col = ds.where[key]
        if key[0] == "feedback":
            path = "next_summary_by"
            message = (
                f"the next feedback summary was due by {review_by.isoformat()}: run"
                " 'make feedback' with the new exports"
            )
        else:
            # A whole file (data/care_plan.yml) has its date at the top; a record by its id.
            path = f"{key[0]}[{key[1]}].review_by" if key[1] else "review_by"
            message = (
                f"review date {review_by.isoformat()} has passed: check the facts with the"
                " owner, then update 'last_reviewed' and 'review_by'"
            )
        problems.append(Problem(file, line, col, path, message, Severity.WARNING))
    return problems


def _language_id_checks(
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
                file, line, c = col.at(i, *where)
                problems.append(
                    Problem(
                        file,
                        line,
                        c,
                        col.path(i, *where),
                        f"{quote_value(value)} is the code of one of the site's languages, whose"
                        " pages are published in a folder of that name: choose another id, such"
                        " as one with the place's name in it",
                    )
                )


def _notice_checks(
    cols: dict[str, Collection],
    lmns_doc: SourceDocument,
    ds: DataSet,
    languages: list[str],
    today: dt.date,
    problems: list[Problem],
) -> None:
    """Standard sentences filled in right, and urgent free text translated
    (lmo.data.notice_check)."""
    from lmo.data.notice_check import check_site_notice, check_status

    refs = _record_refs(ds)
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


def _dataset(lmns: Any, glossary: Any, indexed: dict[str, dict[str, Any]]) -> DataSet:
    return DataSet(
        lmns=lmns,
        mnvps=indexed["mnvps"],
        organisations=indexed["organisations"],
        places=indexed["places"],
        hubs=indexed["hubs"],
        birth_settings=indexed["birth_settings"],
        services=indexed["services"],
        concerns=indexed["concerns"],
        glossary=glossary,
    )


def load_dataset(
    data_dir: Path,
    *,
    today: dt.date | None = None,
    display_prefix: str = "data/",
    languages: Iterable[str] = (),
) -> tuple[DataSet | None, list[Problem]]:
    """Read and check all data files. Returns the data set only when there are no errors.
    ``languages`` are the site's language codes, which no record may use as its id."""
    problems: list[Problem] = []
    docs: dict[str, SourceDocument] = {}
    models: dict[str, Any] = {}
    for name in (*schema.DATA_FILES, *schema.OPTIONAL_DATA_FILES):
        doc, model, found = _load_file(data_dir, name, display_prefix)
        problems.extend(found)
        if doc is not None:
            docs[name] = doc
        if model is not None:
            models[name] = model
    collections = {
        "mnvps": ("lmns.yml", "mnvps"),
        "organisations": ("organisations.yml", "organisations"),
        "places": ("places.yml", "places"),
        "hubs": ("hubs.yml", "hubs"),
        "birth_settings": ("birth_settings.yml", "birth_settings"),
        "services": ("services.yml", "services"),
        "concerns": ("concerns.yml", "routes"),
    }
    # Files that failed the schema still let the others be cross-checked: references into a
    # failed file are not reported, since its ids are unknown.
    empty = SourceDocument("", None)
    cols = {
        name: Collection(
            name,
            key,
            docs.get(file, empty),
            list(getattr(models[file], key)) if file in models else [],
        )
        for name, (file, key) in collections.items()
    }
    indexed: dict[str, dict[str, Any]] = {
        name: index_ids(col, problems) if collections[name][0] in models else _AnyId()
        for name, col in cols.items()
    }
    codes = {schema.SOURCE_LANGUAGE, *languages}
    codes.update(path.stem for path in (data_dir / "translations").glob("*.yml"))
    _language_id_checks(cols, codes, problems)
    # A required file, or an optional one that is there, that could not be read or is not
    # valid: stop before the checks that would only repeat its problems.
    if not (set(docs) | set(schema.DATA_FILES)) <= models.keys():
        partial = _dataset(None, None, indexed)
        _cross_checks(cols, partial, problems)
        return None, sorted(problems)

    ds = _dataset(models["lmns.yml"].lmns, models["glossary.yml"], indexed)
    for name, col in cols.items():
        for i, record in enumerate(col.records):
            ds.where.setdefault((name, record.id), col.at(i, "review_by"))
    lmns_doc = docs["lmns.yml"]
    ds.where[("lmns", "lmns")] = (lmns_doc.file, *lmns_doc.locate(("lmns", "review_by")))
    glossary_doc = docs["glossary.yml"]
    ds.where[("glossary", "glossary")] = (glossary_doc.file, *glossary_doc.locate(("review_by",)))
    index_ids(Collection("terms", "terms", glossary_doc, list(ds.glossary.terms)), problems)

    _cross_checks(cols, ds, problems)
    _lmns_checks(lmns_doc, ds, problems)
    _change_and_quality_checks(docs, models, ds, problems)
    from lmo.features.feedback.validate import check_feedback  # it builds on this module's helpers

    check_feedback(data_dir, display_prefix, docs, models, ds, problems, today)
    from lmo.features.birth_place.place import check_birthplace, check_postcode_districts
    from lmo.features.care_plan.plan import check_care_plan

    optional_checks: dict[str, Callable[..., None]] = {
        "care_plan.yml": check_care_plan,
        "birthplace_figures.yml": check_birthplace,
        "postcode_districts.yml": check_postcode_districts,
    }
    for name, check in optional_checks.items():
        if name in models:
            check(docs[name], models[name], ds, problems)
            setattr(ds, name.removesuffix(".yml"), models[name])
            ds.where[(name.removesuffix(".yml"), "")] = (
                docs[name].file,
                *docs[name].locate(("review_by",)),
            )
    ds.texts = assign_keys(ds.text_roots())
    ds.translations, found = load_translations(
        data_dir / "translations", f"{display_prefix}translations/", ds.texts
    )
    problems.extend(found)
    _notice_checks(cols, lmns_doc, ds, [*languages], today or dt.date.today(), problems)
    problems.extend(review_problems(ds, today or dt.date.today()))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    return (None if errors else ds), sorted(problems)
