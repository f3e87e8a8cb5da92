"""What a feature adds to the page stage: its pages, other files beside them, its
templates, what it offers core templates, and its entries in the site's menu.

The page stage knows this contract, never a feature: ``lmo.site.render.Renderer`` renders
the core's pages, then asks each feature that is on for its own. Core templates reach a
feature only through a named slot (``slot("record_map", "hub", record)``), which renders
nothing when no feature fills it, so leaving a feature out never breaks a core page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from lmo.site.render import GeneratedPage, Renderer


@dataclass(frozen=True)
class SitePart:
    """A feature's part in the page stage. Every callable gets the language's renderer and
    the feature's checked value (None for a feature without data files)."""

    # Folder of the feature's templates; they may import the core's (components.j2).
    templates: Path | None = None
    # Folder of its scripts and styles, copied into the site's assets/ (same paths below it).
    assets: Path | None = None
    pages: Callable[[Renderer, Any], Iterable[GeneratedPage]] | None = None
    # Files beside the pages (a feed, a widget's definition), by path under the language.
    files: Callable[[Renderer, Any], Mapping[str, str]] | None = None
    # Named pieces of core pages this feature fills: slot name -> renderer, value, *args.
    slots: Mapping[str, Callable[..., Markup]] = field(default_factory=dict)
    # The source paths of its pages that belong in the site's menu (mkdocs.yml nav:):
    # dropped from the menu when the feature is off, so nobody edits mkdocs.yml by hand.
    nav: tuple[str, ...] = ()
    # Pages of this feature that take notes from another page, by the kind of notes:
    # {"birth_place_notes": "care-plan/"}. Other features offer to send notes only when a
    # page on this site takes them.
    receives: Callable[[Any], Mapping[str, str]] | None = None


@dataclass(frozen=True)
class ActiveSitePart:
    """A site part of a feature that is on, with the feature's name and checked value."""

    name: str
    part: SitePart
    value: Any = None
