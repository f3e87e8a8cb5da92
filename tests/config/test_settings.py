"""extra.lmo in mkdocs.yml is checked like data: a misspelt key or a wrong value is named at
its line, for the command line and the build alike, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebuild import build, check, make_site

from lmo.config.settings import check_settings

CONFIG = """site_name: Test
extra:
  lmo:
    data_dir: data
    map:
      tiles: https://tiles.example.nhs.uk/{z}/{x}/{y}.png
      max_zom: 17
      max_zoom: lots
"""


def test_each_wrong_setting_is_named_at_its_line(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    raw = {"data_dir": "data", "map": {"tiles": "x", "max_zom": 17, "max_zoom": "lots"}}
    settings, problems = check_settings(raw, config)
    shown = sorted(str(p) for p in problems)
    assert shown == [
        "mkdocs.yml:6:14: extra.lmo.map.tiles: expected the tile server's https:// address"
        ' with {z}, {x} and {y}, such as "https://tile.openstreetmap.org/{z}/{x}/{y}.png"',
        "mkdocs.yml:7:7: extra.lmo.map.max_zom: unknown setting; the settings here are tiles,"
        " attribution, max_zoom",
        "mkdocs.yml:8:17: extra.lmo.map.max_zoom: expected a whole number from 1 to 22, such as 19",
    ]
    assert settings.map.max_zoom == 19  # the defaults stand in, so every problem is listed


def test_good_settings_and_a_local_tile_stand_in_pass() -> None:
    raw = {"map": {"tiles": "http://127.0.0.1:8081/{z}/{x}/{y}.png", "max_zoom": 17}}
    settings, problems = check_settings(raw, None)
    assert problems == [] and settings.maps.max_zoom == 17


@pytest.mark.build
def test_check_and_build_stop_with_the_line_not_a_traceback(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  lmo:\n", "  lmo:\n    data_dri: data\n", 1), encoding="utf-8")
    for result in (check(site), build(site)):
        assert result.returncode != 0
        assert "extra.lmo.data_dri: unknown setting" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
