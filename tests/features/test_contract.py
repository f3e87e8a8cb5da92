"""The feature contract (lmo/features/contract.py): every package in lmo/features/ is found,
declares what it needs, and what it declares is there."""

from __future__ import annotations

import ast

import pytest

from lmo.features import discover
from tests.sitebuild import REPO

pytestmark = pytest.mark.unit

FEATURES = sorted(
    path.name for path in (REPO / "lmo" / "features").iterdir() if (path / "__init__.py").exists()
)


def test_every_feature_package_is_found_under_its_own_name() -> None:
    assert [f.name for f in discover()] == FEATURES
    assert {"maps", "changes", "quality", "feedback", "care_plan", "birth_place"} <= set(FEATURES)


@pytest.mark.parametrize("feature", discover(), ids=lambda f: f.name)
def test_what_a_feature_declares_is_there(feature) -> None:  # type: ignore[no-untyped-def]
    if feature.site is not None:
        for folder in (feature.site.templates, feature.site.assets):
            assert folder is None or folder.is_dir(), folder
        for page in feature.site.nav:
            assert page.endswith("index.md"), page
    if feature.data is not None:
        assert feature.data.files or feature.data.folder, "a data part reads something"
        assert feature.data.load is not None
        # Off, it says which file would switch it on; on without data, nothing to say.
        assert feature.why_off().startswith("no data/")
    else:
        assert feature.always_on and feature.why_off() == ""
    if feature.widget is not None:
        assert (REPO / "widgets" / feature.widget.package / feature.widget.package).is_dir()


def test_the_core_names_no_feature() -> None:
    """The core finds features through the contract; only their own packages name them."""
    core = [
        path
        for folder in ("core", "config", "data", "site", "delivery")
        for path in (REPO / "lmo" / folder).rglob("*.py")
    ]
    for path in core:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = [
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        ] + [
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        ]
        assert not [m for m in imported if m.startswith("lmo.features")], path
