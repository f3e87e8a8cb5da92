"""The example of what to type comes from the area's own postcode file."""

from __future__ import annotations

from lmo.features.birth_place.place import WhereExample, where_example
from lmo.features.birth_place.schema import PostcodeDistrictsFile


def districts(*rows: tuple[str, list[str]]) -> PostcodeDistrictsFile:
    return PostcodeDistrictsFile.model_validate(
        {
            "districts": [
                {"code": code, "towns": towns, "lat": 52.0, "lon": -2.0} for code, towns in rows
            ],
            "source": {"title": "Drawn up by hand", "confirmed": False},
            "owner": "Northshire LMNS communications team",
            "last_reviewed": "2030-01-01",
            "review_by": "2030-07-01",
        }
    )


def test_the_first_district_that_lists_a_town_gives_both() -> None:
    given = districts(("XY1", []), ("XY2", ["Upton", "Lowton"]), ("XY3", ["Midton"]))

    assert where_example(given) == WhereExample("XY2", "Upton")


def test_without_towns_the_first_district_alone() -> None:
    assert where_example(districts(("XY1", []), ("XY2", []))) == WhereExample("XY1", None)


def test_without_districts_no_example() -> None:
    assert where_example(None) is None
