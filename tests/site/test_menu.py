"""The menu without the entries of features that are off (lmo.site.menu)."""

from lmo.site.menu import without_entries


def test_entries_of_features_that_are_off_go_in_every_form_nav_takes() -> None:
    nav = [
        "index.md",
        "care-plan/index.md",
        {"Plan your care": "care-plan/index.md"},
        {"Birth": ["birth-place/index.md", {"Figures": "birth-place/index.md"}]},
        {"About": ["about.md", "care-plan/index.md"]},
    ]
    off = {"care-plan/index.md", "birth-place/index.md"}
    assert without_entries(nav, off) == ["index.md", {"About": ["about.md"]}]
    assert without_entries(nav, set()) == nav
