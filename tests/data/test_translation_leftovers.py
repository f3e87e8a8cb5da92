"""A translation file written for other data (the worked example's, copied with the
repository) is named as left over in one line, before the keys it cannot place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitebuild import copy_data

from lmo.pipeline import load_dataset

TODAY = dt.date(2026, 6, 1)
ENTRY = "    text: Tekst\n    method: machine\n    source: 0123456789ab\n"


def messages(data: Path) -> list[str]:
    _, problems = load_dataset(data, today=TODAY)
    return [str(p) for p in problems]


def write_translations(data: Path, keys: list[str]) -> None:
    body = "".join(f"  {key}:\n{ENTRY}" for key in keys)
    (data / "translations" / "pl.yml").write_text(
        f"language: pl\ntranslations:\n{body}", encoding="utf-8"
    )


def test_a_file_whose_keys_are_mostly_unknown_is_named_as_left_over(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    write_translations(
        data, ["hubs.evesham-hub.name", "hubs.evesham-hub.summary", "hubs.town-hub.name"]
    )

    assert messages(data) == [
        "data/translations/pl.yml:2:1: translations: 2 of the 3 keys name no translatable text"
        " in data/: this file seems to be left over from other data (such as the worked"
        " example's). Delete it, or start it again from your own data with"
        " `make translations-todo LANG=pl`",
        "data/translations/pl.yml:3:3: translations.hubs.evesham-hub.name: no translatable"
        ' text in data/ has this key; did you mean "hubs.village-hub.name"?',
        "data/translations/pl.yml:7:3: translations.hubs.evesham-hub.summary: no translatable"
        ' text in data/ has this key; did you mean "hubs.village-hub.summary"?',
    ]


def test_a_few_unknown_keys_are_only_listed(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    write_translations(data, ["hubs.town-hub.name", "hubs.town-hub.summary", "hubs.twon-hub.name"])

    assert messages(data) == [
        "data/translations/pl.yml:11:3: translations.hubs.twon-hub.name: no translatable text"
        ' in data/ has this key; did you mean "hubs.town-hub.name"?'
    ]
