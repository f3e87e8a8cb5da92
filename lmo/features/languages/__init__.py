"""Languages: the checks of the interface catalogues (locales/) and of the safety-critical
terms in every language, and the tools translators use (``make translations``). Always on:
every site has at least its source language. Translating data values is part of the core
(lmo.data.translations); these are the checks and reports around it."""

from __future__ import annotations

from lmo.config.project import Project
from lmo.core.problems import Problem
from lmo.data.dataset import DataSet
from lmo.features.contract import Feature
from lmo.features.languages.catalogue_check import check_catalogues
from lmo.features.languages.safety_terms import check_safety_terms


def check(project: Project, dataset: DataSet | None) -> list[Problem]:
    """The catalogues' msgstr (no markup, no new placeholders) and the safety-critical terms
    in every language, in the catalogues and in the data's translations."""
    return check_catalogues(project.locales_dir, project.root) + check_safety_terms(
        project.locales_dir,
        project.root,
        dataset.translations.sources if dataset is not None else None,
        dataset.texts if dataset is not None else None,
    )


FEATURE = Feature(
    name="languages",
    summary="checks of the interface catalogues and safety terms in every language",
    always_on=True,
    check=check,
)
