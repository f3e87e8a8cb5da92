"""The feature contract: one value per feature package, ``FEATURE``, saying in one place
what the feature reads, checks, makes and ships.

- ``data``: its files in data/ and how they are checked (``lmo.data.contract.DataPart``);
- ``site``: its pages, templates, slots in core pages and menu entries
  (``lmo.site.contract.SitePart``);
- ``widget``: the in-browser tool it ships, if any (``lmo.site.widget_paths.Widget``);
- ``check``: checks of its own files outside data/.

A feature is on when any of its data files is there (or, ``always_on``, whenever the site
is built); a feature that is off makes no page, no file and no menu entry. The core finds
features with ``lmo.features.discover`` and never imports one by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lmo.data.contract import DataPart
from lmo.site.contract import SitePart
from lmo.site.widget_paths import Widget

if TYPE_CHECKING:
    from lmo.config.project import Project
    from lmo.core.problems import Problem
    from lmo.data.dataset import DataSet


@dataclass(frozen=True)
class Feature:
    name: str  # the package's name, and the key of its value in DataSet.features
    summary: str  # what it adds, for the build's "features on" line
    data: DataPart | None = None
    site: SitePart | None = None
    widget: Widget | None = None
    # Checks of files outside data/ (the interface catalogues in locales/), run by `make
    # check` and every build with the checked data set (None when data/ has errors).
    check: Callable[[Project, DataSet | None], list[Problem]] | None = None
    # On without data files of its own (maps draw the core's places).
    always_on: bool = False

    def is_on(self, ds: DataSet) -> bool:
        return self.always_on or self.data is None or self.name in ds.features

    def why_off(self) -> str:
        """For the build log: which files would switch the feature on."""
        if self.data is None:
            return ""
        keys = self.data.key_files
        wanted = [f"data/{f.name}" for f in self.data.files if keys is None or f.name in keys]
        if self.data.folder is not None:
            wanted.append(f"data/{self.data.folder}/")
        return "no " + " or ".join(wanted)
