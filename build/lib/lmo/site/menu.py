"""The site's menu (mkdocs.yml nav:) without the entries of features that are off, so a
site leaves a feature out by leaving out its data files, with no hand edit of the menu."""

from __future__ import annotations

from typing import Any


def without_entries(nav: list[Any], paths: set[str]) -> list[Any]:
    """``nav`` with every entry that points at one of ``paths`` removed, at any depth, in
    each of the forms nav: takes ("page.md", {"Title": "page.md"}, {"Section": [...]});
    a section left empty is removed too."""
    kept: list[Any] = []
    for entry in nav:
        if isinstance(entry, str):
            if entry not in paths:
                kept.append(entry)
        elif isinstance(entry, dict) and len(entry) == 1:
            (title, value), *_ = entry.items()
            if isinstance(value, list):
                inner = without_entries(value, paths)
                if inner:
                    kept.append({title: inner})
            elif value not in paths:
                kept.append(entry)
        else:
            kept.append(entry)
    return kept
