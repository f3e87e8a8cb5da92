"""The engine names no place, postcode or date of the worked example: another LMNS that
brings its own data/ must not find Evesham in its pages or its editors' messages. Examples
come from the site's own data (the birth-place page's district and town) or are neutral
("hubs/town-hub", "XY1", "2030-01-31")."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]

# Whole record names of the files that describe places; other names (services, feedback
# themes, national bodies such as the Care Quality Commission) are not places.
PLACE_RECORD_FILES = ("places", "hubs", "birth_settings", "lmns")
PLACE_NAME_KEYS = ("name", "short_name")
PLACE_PART_KEYS = ("town", "county", "towns", "locality")
SUFFIXES = (".py", ".j2", ".js", ".html", ".css")


def _values(node: Any, key: str | None = None) -> Iterator[tuple[str | None, Any]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _values(v, str(k))
    elif isinstance(node, list):
        for item in node:
            yield from _values(item, key)
    else:
        yield key, node


def example_facts(data: Path) -> tuple[set[str], set[str], set[str]]:
    """Place names, postcodes and district codes, and dates in the example's data."""
    places: set[str] = set()
    codes: set[str] = set()
    dates: set[str] = set()
    for path in sorted(data.glob("*.yml")):
        for key, value in _values(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if isinstance(value, datetime.date):
                # Both the form data is written in and the form pages and notes print.
                dates.update({value.isoformat(), f"{value.day} {value:%B %Y}"})
            elif not isinstance(value, str):
                continue
            elif key in PLACE_PART_KEYS or (
                key in PLACE_NAME_KEYS and path.stem in PLACE_RECORD_FILES
            ):
                places.add(value)
            elif key == "code" and path.stem == "postcode_districts":
                codes.add(value)
            elif key == "postcode":
                codes.update({value, value.split()[0]})
    # A name of three letters or fewer would match ordinary words and abbreviations.
    return {p for p in places if len(p) > 3}, codes, dates


def finder(places: set[str], codes: set[str], dates: set[str]) -> re.Pattern[str]:
    """One pattern for them all, matching whole words only. Place names match in any case,
    so an id such as "evesham-hub" or a key such as "hubs.evesham.summary" is found too."""

    def either(words: set[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    # An empty alternative would match everywhere, so a kind of fact the data lacks is left out.
    kinds = [f"(?i:{either(places)})" if places else "", either(codes), either(dates)]
    return re.compile(rf"(?<![\w])(?:{'|'.join(k for k in kinds if k)})(?![\w])")


def engine_files(repo: Path) -> list[Path]:
    """The engine's code and templates: lmo/, hooks/ and the widgets' packages (not their
    tests, which may use any example)."""
    files = [p for folder in ("lmo", "hooks") for p in (repo / folder).rglob("*")]
    files += [p for w in (repo / "widgets").iterdir() for p in (w / w.name).rglob("*.py")]
    return sorted(p for p in files if p.is_file() and p.suffix in SUFFIXES)


def found_in(text: str, pattern: re.Pattern[str]) -> list[tuple[int, str]]:
    return [(text.count("\n", 0, m.start()) + 1, m.group()) for m in pattern.finditer(text)]


def test_the_example_data_gives_facts_to_look_for() -> None:
    places, codes, dates = example_facts(REPO / "data")

    assert {"Evesham", "Worcester", "Kidderminster community hub"} <= places
    assert {"WR11", "HR1"} <= codes
    assert {"2018-02-09", "9 February 2018"} <= dates
    # Ordinary words from data are not place names.
    assert not {"Hub", "Unit", "Home"} & places


def test_the_finder_finds_places_postcodes_and_dates_and_nothing_else() -> None:
    pattern = finder(*example_facts(REPO / "data"))

    assert [m for _, m in found_in('_("For example WR11 or Evesham.")', pattern)] == [
        "WR11",
        "Evesham",
    ]
    assert [m for _, m in found_in('such as "hubs/evesham-hub" on 2018-02-09', pattern)] == [
        "evesham",
        "2018-02-09",
    ]
    assert found_in("a plan dated 9 February 2018", pattern) == [(1, "9 February 2018")]
    # Whole words only: longer codes, words and numbers that contain them are not found.
    assert found_in("WR111 #b60a0a MOWR11 Eveshamshire 2018-02-091 hub unit", pattern) == []


def test_no_module_or_template_names_a_place_postcode_or_date_of_the_example() -> None:
    pattern = finder(*example_facts(REPO / "data"))
    files = engine_files(REPO)
    found = [
        f"{path.relative_to(REPO)}:{line}: {match}"
        for path in files
        for line, match in found_in(path.read_text(encoding="utf-8"), pattern)
    ]

    assert len(files) > 100  # the templates, modules and widget packages were all read
    assert found == []
