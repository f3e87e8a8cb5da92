"""Service changes: the page of everything that is not simply available, with the history
kept in data/changes.yml, and its Atom and JSON feeds. Always on: every site has records
whose status can change; data/changes.yml (past changes) is optional."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lmo.core.problems import Problem
from lmo.data.contract import DataFile, DataPart, FeatureInput
from lmo.data.references import check_references
from lmo.features.changes.feeds import change_entries, feeds
from lmo.features.changes.schema import Change, ChangesFile
from lmo.features.contract import Feature
from lmo.site.contract import SitePart
from lmo.site.render import GeneratedPage, Renderer

FILE = "changes.yml"


def load(given: FeatureInput, problems: list[Problem]) -> list[Change]:
    """Past changes, newest first; each names a record that exists."""
    model: ChangesFile = given.models[FILE]
    check_references(given.docs[FILE], (), model, given.targets, problems)
    return sorted(model.changes, key=lambda c: c.date, reverse=True)


def texts(changes: list[Change]) -> Iterable[tuple[str, Any]]:
    for i, change in enumerate(changes):
        yield f"changes[{i}]", change


def pages(renderer: Renderer, changes: list[Change] | None) -> list[GeneratedPage]:
    _ = renderer.ctx.translations.gettext
    ds = renderer.ctx.ds
    return [
        renderer.listing_page(
            "changes/",
            "changes.md.j2",
            _("Service changes"),
            _("Maternity services that have changed, opened, paused or closed, newest first."),
            [r for _, r in ds.records() if r.status.state != "available"],
            "changes",
            entries=change_entries(renderer, changes or []),
        )
    ]


FEATURE = Feature(
    name="changes",
    summary="the service changes page and its feeds",
    always_on=True,
    data=DataPart(files=(DataFile(FILE, ChangesFile),), load=load, texts=texts),
    site=SitePart(
        templates=Path(__file__).parent / "templates",
        pages=pages,
        files=lambda renderer, changes: feeds(renderer, changes or []),
        nav=("changes/index.md",),
    ),
)
