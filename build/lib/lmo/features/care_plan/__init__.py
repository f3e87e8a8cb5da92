"""The care-plan drafter: a form she fills in on her own device (data/care_plan.yml holds
its questions), which works without JavaScript and, with it, saves and exports her plan
through the widget in widgets/careplan/. On when data/care_plan.yml is there."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from lmo.core.problems import Problem
from lmo.data.contract import DataFile, DataPart, FeatureInput
from lmo.data.dataset import Reviewed
from lmo.data.references import check_references
from lmo.features.care_plan.plan import (
    DEFINITION_FILE,
    URL,
    WHEEL_VERSION,
    care_plan_page,
    check_care_plan,
)
from lmo.features.care_plan.schema import CarePlanFile
from lmo.features.contract import Feature
from lmo.site.contract import SitePart
from lmo.site.widget_paths import Widget

FILE = "care_plan.yml"


def load(given: FeatureInput, problems: list[Problem]) -> CarePlanFile:
    doc, plan = given.docs[FILE], given.models[FILE]
    check_care_plan(doc, plan, problems)
    check_references(doc, (), plan, given.targets, problems)
    where = (doc.file, *doc.locate(("review_by",)))
    given.dataset.reviews.append(
        Reviewed("care_plan", plan.owner, plan.review_by, where, "review_by")
    )
    return plan


def texts(plan: CarePlanFile) -> Iterable[tuple[str, Any]]:
    # Keyed by section and question id, so reordering the plan keeps translations.
    for name in ("intro", "privacy", "not_safe"):
        yield f"care_plan.{name}", getattr(plan, name)
    for section in plan.sections:
        yield f"care_plan.{section.id}.title", section.title
        if section.intro is not None:
            yield f"care_plan.{section.id}.intro", section.intro
        for question in section.questions:
            yield f"care_plan.{section.id}.{question.id}", question


def receives(plan: CarePlanFile) -> Mapping[str, str]:
    """The kinds of notes a question of the plan takes from another page."""
    return {q.receives: URL for s in plan.sections for q in s.questions if q.receives}


FEATURE = Feature(
    name="care_plan",
    summary="the care-plan drafter (a page and an in-browser tool)",
    data=DataPart(files=(DataFile(FILE, CarePlanFile),), load=load, texts=texts),
    site=SitePart(
        templates=Path(__file__).parent / "templates",
        assets=Path(__file__).parent / "assets",
        pages=lambda renderer, plan: [care_plan_page(renderer, plan)],
        nav=("care-plan/index.md",),
        receives=receives,
    ),
    widget=Widget("careplan", WHEEL_VERSION, URL, DEFINITION_FILE),
)
