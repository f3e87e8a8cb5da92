"""What a feature adds to the data stage: its files, how it checks them, which of its
values translators see, and which of its dates need review.

The data stage knows this contract, never a feature: ``lmo.data.load.load_dataset`` reads
every file a part names, hands the checked models to the part's ``load``, and keeps what
it returns in ``DataSet.features`` under the feature's name. A part whose files are all
absent is off, and its feature makes no page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from lmo.core.problems import Problem
from lmo.core.yamlsource import SourceDocument
from lmo.data.references import Target

if TYPE_CHECKING:
    from lmo.data.dataset import DataSet


@dataclass(frozen=True)
class DataFile:
    """One YAML file in data/ and the model that checks it."""

    name: str
    model: type[BaseModel]


@dataclass
class FeatureInput:
    """What a feature's ``load`` gets: its own files, read and checked against their
    models, and the core data set (complete: the core's files had no errors)."""

    dataset: DataSet
    docs: dict[str, SourceDocument]
    models: dict[str, Any]
    data_dir: Path
    display_prefix: str
    today: dt.date
    languages: list[str] = field(default_factory=list)
    # What references may name, by collection (lmo.data.references.check_references).
    targets: Mapping[str, Target] = field(default_factory=dict)

    def display(self, name: str) -> str:
        return f"{self.display_prefix}{name}"


@dataclass(frozen=True)
class FolderFiles:
    """The files of a part's folder: each checked against ``model``; ``stem`` names their
    JSON Schema and ``pattern`` their names (data/feedback/<quarter>.yml)."""

    stem: str
    pattern: str
    model: type[BaseModel]


@dataclass(frozen=True)
class DataPart:
    """A feature's part in the data stage.

    ``files`` are read for it (each optional: absent files are simply not given to
    ``load``); ``folder`` is a folder of files it reads itself (data/feedback/). The part
    is on when any of them is there. ``load`` checks the models against each other and the
    core data, appends problems, and returns the feature's value (or None when it has
    nothing to publish). ``texts`` yields (key, value) for each translatable value in it;
    review dates are added to ``DataSet.reviews`` by ``load`` itself.
    """

    files: tuple[DataFile, ...] = ()
    folder: str | None = None
    folder_files: FolderFiles | None = None
    load: Callable[[FeatureInput, list[Problem]], Any] | None = None
    texts: Callable[[Any], Iterable[tuple[str, Any]]] | None = None
    # Names of places in the area that are not records (the towns of its postcode
    # districts), from this part's checked models, for every feature to know before any
    # loads: feedback quotes must not name them.
    place_names: Callable[[dict[str, Any]], Iterable[str]] | None = None
    # The files that switch the feature on, when not all do (postcode districts alone make
    # no birth-place page): for the build's "feature off: ... (no data/...)" line.
    key_files: tuple[str, ...] | None = None

    def present(self, data_dir: Path) -> bool:
        if self.folder is not None and (data_dir / self.folder).is_dir():
            return True
        return any((data_dir / f.name).is_file() for f in self.files)


@dataclass(frozen=True)
class NamedDataPart:
    """A data part with the name of the feature it belongs to (the key of its value)."""

    name: str
    part: DataPart
