"""The features a site can have, one package each. The core finds them here and knows only
the contract (``lmo.features.contract``): it never imports a feature by name, so adding a
feature is adding a package, and leaving one out is leaving out its data files."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from lmo.features.contract import Feature


@cache
def discover() -> tuple[Feature, ...]:
    """Every feature package's FEATURE, in name order (stable between builds)."""
    found = []
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not module.ispkg:
            continue
        package = importlib.import_module(f"{__name__}.{module.name}")
        feature = getattr(package, "FEATURE", None)
        if not isinstance(feature, Feature):
            raise TypeError(f"{package.__name__} has no FEATURE (lmo.features.contract.Feature)")
        if feature.name != module.name:
            raise ValueError(f"{package.__name__}: FEATURE.name must be {module.name!r}")
        found.append(feature)
    return tuple(found)
