"""Load every data file, check it against its schema and against the other files.

The result is either a complete ``DataSet`` or ``None``, and always the full list of
problems, each pointing at the file, line and column an editor has to change. The core's
files are named in ``lmo.data.schema.DATA_FILES``; each feature's files come with its data
part (``lmo.data.contract``), so this module never names a feature.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from lmo.core.problems import Problem, Severity
from lmo.core.yamlsource import SourceDocument, load_yaml
from lmo.data import schema
from lmo.data.contract import FeatureInput, NamedDataPart
from lmo.data.dataset import DataSet, Reviewed
from lmo.data.messages import problems_from_validation
from lmo.data.record_checks import (
    COLLECTION_FILES,
    check_language_ids,
    check_notices,
    check_previous_ids,
    check_record_references,
    reference_targets,
)
from lmo.data.references import (
    AnyId,
    Collection,
    check_references,
    index_ids,
)
from lmo.data.review import review_problems
from lmo.data.translations import assign_keys, load_translations


def load_file(
    data_dir: Path, name: str, model: type[BaseModel], display_prefix: str, *, required: bool
) -> tuple[SourceDocument | None, BaseModel | None, list[Problem]]:
    """One file read and checked against its model; (None, None, []) for an absent
    optional file."""
    path = data_dir / name
    display = f"{display_prefix}{name}"
    if not path.exists():
        if not required:
            return None, None, []
        return None, None, [Problem(display, 1, 1, "", "this data file is missing")]
    doc, problems = load_yaml(path, display)
    if problems and doc.data is None:
        return doc, None, problems
    if not isinstance(doc.data, dict):
        top = ", ".join(model.model_fields)
        problems.append(Problem(display, 1, 1, "", f"expected the file to start with: {top}"))
        return doc, None, problems
    try:
        return doc, model.model_validate(doc.data), problems
    except ValidationError as error:
        return doc, None, problems + problems_from_validation(error, doc, model)


def core_reviews(ds: DataSet, cols: dict[str, Collection], docs: dict[str, SourceDocument]) -> None:
    """Where each core record and file is, and its review date."""
    for name, col in cols.items():
        for i, record in enumerate(col.records):
            ds.where.setdefault((name, record.id), col.at(i, "review_by"))
    for name, record in ds.records():
        ds.reviews.append(
            Reviewed(
                f"{name}/{record.id}",
                record.owner,
                record.review_by,
                ds.where[(name, record.id)],
                f"{name}[{record.id}].review_by",
            )
        )
    for name, at, value in (
        ("lmns", ("lmns", "review_by"), ds.lmns),
        ("glossary", ("review_by",), ds.glossary),
    ):
        if value is None:
            continue
        doc = docs[f"{name}.yml"]
        ds.where[(name, name)] = (doc.file, *doc.locate(at))
        ds.reviews.append(
            Reviewed(
                name,
                value.owner,
                value.review_by,
                ds.where[(name, name)],
                f"{name}[{name}].review_by",
            )
        )


def read_core_files(
    data_dir: Path, display_prefix: str, problems: list[Problem]
) -> tuple[dict[str, SourceDocument], dict[str, Any]]:
    """The core's files (schema.DATA_FILES) by name: the documents that could be read, and
    the models of those that passed their schema."""
    docs: dict[str, SourceDocument] = {}
    models: dict[str, Any] = {}
    for name, model in schema.DATA_FILES.items():
        required = name in schema.REQUIRED_DATA_FILES
        doc, value, found = load_file(data_dir, name, model, display_prefix, required=required)
        problems.extend(found)
        if doc is not None:
            docs[name] = doc
        if value is not None:
            models[name] = value
    return docs, models


def core_collections(
    docs: dict[str, SourceDocument], models: dict[str, Any]
) -> dict[str, Collection]:
    """Each collection's records with the document they came from; none from a file that
    failed its schema."""
    empty = SourceDocument("", None)
    return {
        name: Collection(
            name,
            key,
            docs.get(file, empty),
            list(getattr(models[file], key)) if file in models else [],
        )
        for name, (file, key) in COLLECTION_FILES.items()
    }


def present(collection: str, models: dict[str, Any], docs: dict[str, SourceDocument]) -> bool:
    """Whether a collection's ids are known: its file passed its schema, or is not there
    at all (no records). A file that failed accepts every id (references.AnyId)."""
    file = COLLECTION_FILES[collection][0]
    return file in models or file not in docs


def core_dataset(models: dict[str, Any], indexed: dict[str, dict[str, Any]]) -> DataSet:
    return DataSet(
        lmns=models["lmns.yml"].lmns,
        glossary=models.get("glossary.yml"),
        mnvps=indexed["mnvps"],
        organisations=indexed["organisations"],
        places=indexed["places"],
        hubs=indexed["hubs"],
        birth_settings=indexed["birth_settings"],
        services=indexed["services"],
        concerns=indexed["concerns"],
    )


def add_place_names(ds: DataSet, parts: Sequence[NamedDataPart], reads: list[PartFiles]) -> None:
    """The place names every part declares, gathered before any part loads: each may need
    all of them (feedback quotes must not name a town another feature knows)."""
    for named, read in zip(parts, reads, strict=True):
        if named.part.place_names is not None and read.models:
            ds.place_names += named.part.place_names(read.models)


def load_features(
    base: FeatureInput,
    parts: Sequence[NamedDataPart],
    reads: list[PartFiles],
    problems: list[Problem],
) -> list[tuple[str, Any]]:
    """Each present part's ``load``, given its own files in ``base``; its value goes into
    ``DataSet.features``. Returns the translatable values of the features."""
    texts: list[tuple[str, Any]] = []
    for named, read in zip(parts, reads, strict=True):
        if named.part.load is None or not read.docs:
            continue
        value = named.part.load(replace(base, docs=read.docs, models=read.models), problems)
        if value is not None:
            base.dataset.features[named.name] = value
            if named.part.texts is not None:
                texts += named.part.texts(value)
    return texts


def load_dataset(
    data_dir: Path,
    *,
    today: dt.date | None = None,
    display_prefix: str = "data/",
    languages: Iterable[str] = (),
    parts: Sequence[NamedDataPart] = (),
) -> tuple[DataSet | None, list[Problem]]:
    """Read and check the core's files and each feature part's. Returns the data set only
    when there are no errors. ``languages`` are the site's language codes, which no record
    may use as its id; ``parts`` are the features' data parts (lmo.features.data_parts)."""
    today = today or dt.date.today()
    languages = list(languages)
    problems: list[Problem] = []
    docs, models = read_core_files(data_dir, display_prefix, problems)
    cols = core_collections(docs, models)
    indexed: dict[str, dict[str, Any]] = {
        name: index_ids(col, problems) if present(name, models, docs) else AnyId()
        for name, col in cols.items()
    }
    codes = {schema.SOURCE_LANGUAGE, *languages}
    codes.update(path.stem for path in (data_dir / "translations").glob("*.yml"))
    check_language_ids(cols, codes, problems)
    # A file that failed its schema still lets the others be checked: references into it
    # are not reported, since its ids are unknown.
    targets = reference_targets(indexed, display_prefix)
    check_record_references(cols, targets, problems)
    if "lmns.yml" in models:
        check_references(docs["lmns.yml"], ("lmns",), models["lmns.yml"].lmns, targets, problems)
    feature_files = [load_part_files(data_dir, part, display_prefix) for part in parts]
    for _, _, found in feature_files:
        problems.extend(found)
    if (
        not docs.keys() <= models.keys()
        or "lmns.yml" not in models
        or any(not complete for complete, _, _ in feature_files)
    ):
        # Stop before the checks that would only repeat the problems found so far.
        return None, sorted(problems)

    ds = core_dataset(models, indexed)
    core_reviews(ds, cols, docs)
    if ds.glossary is not None:
        terms = Collection("terms", "terms", docs["glossary.yml"], list(ds.glossary.terms))
        index_ids(terms, problems)
    check_previous_ids(ds, problems)
    reads = [read for _, read, _ in feature_files]
    add_place_names(ds, parts, reads)
    texts = list(ds.text_roots())
    base = FeatureInput(ds, {}, {}, data_dir, display_prefix, today, languages, targets)
    texts += load_features(base, parts, reads, problems)
    ds.texts = assign_keys(texts)
    ds.translations, found = load_translations(
        data_dir / "translations", f"{display_prefix}translations/", ds.texts
    )
    problems.extend(found)
    check_notices(cols, docs["lmns.yml"], ds, languages, today, problems)
    problems.extend(review_problems(ds, today))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    return (None if errors else ds), sorted(problems)


class PartFiles:
    """A feature part's files as read: their documents and checked models by file name."""

    def __init__(self) -> None:
        self.docs: dict[str, SourceDocument] = {}
        self.models: dict[str, Any] = {}


def load_part_files(
    data_dir: Path, named: NamedDataPart, display_prefix: str
) -> tuple[bool, PartFiles, list[Problem]]:
    """(all present files valid, the files, their problems). A part that reads a folder of
    its own is given it through FeatureInput.data_dir, and counts as present with it."""
    read = PartFiles()
    problems: list[Problem] = []
    for data_file in named.part.files:
        doc, value, found = load_file(
            data_dir, data_file.name, data_file.model, display_prefix, required=False
        )
        problems.extend(found)
        if doc is not None:
            read.docs[data_file.name] = doc
        if value is not None:
            read.models[data_file.name] = value
    if named.part.folder is not None and (data_dir / named.part.folder).is_dir():
        read.docs.setdefault(
            named.part.folder, SourceDocument(f"{display_prefix}{named.part.folder}/", None)
        )
    complete = read.docs.keys() - {named.part.folder} <= read.models.keys()
    return complete, read, problems
