"""Birth-place information: national figures on how births went in each kind of place
(data/birthplace_figures.yml), beside the area's birth settings, with an in-browser tool
(widgets/birthplace) that finds the nearest from her postcode district
(data/postcode_districts.yml, optional). On when data/birthplace_figures.yml is there."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lmo.core.problems import Problem
from lmo.data.contract import DataFile, DataPart, FeatureInput
from lmo.data.dataset import Reviewed
from lmo.data.references import check_references
from lmo.features.birth_place.checks import check_birthplace, check_postcode_districts
from lmo.features.birth_place.place import (
    DEFINITION_FILE,
    URL,
    WHEEL_VERSION,
    BirthPlaceData,
    birth_place_page,
)
from lmo.features.birth_place.schema import BirthplaceFiguresFile, PostcodeDistrictsFile
from lmo.features.contract import Feature
from lmo.site.contract import SitePart
from lmo.site.widget_paths import Widget

FIGURES = "birthplace_figures.yml"
DISTRICTS = "postcode_districts.yml"


def load(given: FeatureInput, problems: list[Problem]) -> BirthPlaceData | None:
    districts: PostcodeDistrictsFile | None = given.models.get(DISTRICTS)
    if districts is not None:
        check_postcode_districts(given.docs[DISTRICTS], districts, problems)
        review(given, DISTRICTS, "postcode_districts", districts)
    figures: BirthplaceFiguresFile | None = given.models.get(FIGURES)
    if figures is None:
        return None  # districts alone make no page
    check_birthplace(given.docs[FIGURES], figures, problems)
    check_references(given.docs[FIGURES], (), figures, given.targets, problems)
    review(given, FIGURES, "birthplace_figures", figures)
    return BirthPlaceData(figures, districts)


def review(given: FeatureInput, file: str, what: str, model: Any) -> None:
    doc = given.docs[file]
    where = (doc.file, *doc.locate(("review_by",)))
    given.dataset.reviews.append(Reviewed(what, model.owner, model.review_by, where, "review_by"))


def texts(data: BirthPlaceData) -> Iterable[tuple[str, Any]]:
    figures = data.figures
    yield "birthplace.study", figures.study
    yield "birthplace.framing", figures.framing
    for finding in figures.findings:
        yield f"birthplace.findings.{finding.id}", finding.text
    for reason in figures.transfer_reasons.reasons:
        yield f"birthplace.transfer_reasons.{reason.id}", reason.label


def towns(models: dict[str, Any]) -> Iterable[str]:
    districts: PostcodeDistrictsFile | None = models.get(DISTRICTS)
    return [] if districts is None else [t for d in districts.districts for t in d.towns]


FEATURE = Feature(
    name="birth_place",
    summary="birth-place figures beside the area's settings (a page and an in-browser tool)",
    data=DataPart(
        files=(
            DataFile(FIGURES, BirthplaceFiguresFile),
            DataFile(DISTRICTS, PostcodeDistrictsFile),
        ),
        load=load,
        texts=texts,
        place_names=towns,
        key_files=(FIGURES,),
    ),
    site=SitePart(
        templates=Path(__file__).parent / "templates",
        assets=Path(__file__).parent / "assets",
        pages=lambda renderer, data: [birth_place_page(renderer, data)],
        nav=("birth-place/index.md",),
    ),
    widget=Widget("birthplace", WHEEL_VERSION, URL, DEFINITION_FILE),
)
