"""Translation memory: English translated under one key is shown, counted as reused, under
every other key with the same English; translations-todo asks for each English text once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from sitebuild import make_site, run

from lmo.config.project import Project
from lmo.data.dataset import DataSet
from lmo.data.schema import source_hash
from lmo.data.translations import Tally, localise
from lmo.features.languages.translation_report import data_coverage, todo
from lmo.pipeline import check

# In the tiny fixture, "Town Hospital" is both the first triage line's name and the place's.
DONOR, TAKER = "lmns.triage_lines[0].name", "places.town-hospital.name"
FEEDING = ("services.feeding.for_whom", "services.old-feeding-clinic.for_whom")


def entry(english: str, text: str, **extra: str) -> dict[str, str]:
    return {"text": text, "method": "machine", "source": source_hash(english), **extra}


def site_with(tmp_path: Path, entries: dict[str, dict[str, str]]) -> Path:
    site = make_site(tmp_path)
    path = site / "data" / "translations" / "pl.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["translations"].update(entries)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return site


def dataset(site: Path) -> DataSet:
    result = check(Project.from_config_file(site / "mkdocs.yml"))
    assert result.dataset is not None, [str(p) for p in result.problems]
    return result.dataset


@pytest.fixture
def reused(tmp_path: Path) -> Path:
    return site_with(tmp_path, {DONOR: entry("Town Hospital", "Szpital Miejski")})


def test_the_same_english_under_another_key_shows_the_translation_as_reused(reused: Path) -> None:
    ds = dataset(reused)
    found = localise(ds.texts[TAKER], "pl", ds.translations)
    assert (found.text, found.lang, found.reused_from) == ("Szpital Miejski", "pl", DONOR)
    # It carries the provenance of the translation it came from: still a machine draft.
    assert (found.method, found.reviewed, found.stale, found.fallback) == (
        "machine",
        False,
        False,
        False,
    )
    own = localise(ds.texts[DONOR], "pl", ds.translations)
    assert own.text == "Szpital Miejski" and own.reused_from is None
    tally = Tally()
    tally.add(found)
    tally.add(own)
    assert tally.as_meta() == {
        "values": 2,
        "fallback": 0,
        "machine_unreviewed": 2,
        "machine_reviewed": 0,
        "stale": 0,
        "reused": 1,
    }


def test_a_reviewed_translation_is_reused_before_a_draft_and_an_old_one_gives_way(
    tmp_path: Path,
) -> None:
    english = "Anyone feeding a baby."
    site = site_with(
        tmp_path,
        {
            FEEDING[0]: {"text": "Stara wersja.", "method": "machine", "source": "000000000000"},
            "services.feeding.name": entry(english, "Szkic maszynowy."),
            "hubs.town-hub.summary": entry(
                english,
                "Każdy, kto karmi dziecko.",
                method="professional",
                reviewed_by="MNVP Polish reviewer",
                reviewed_on="2026-01-10",
            ),
        },
    )
    ds = dataset(site)
    for key in FEEDING:
        found = localise(ds.texts[key], "pl", ds.translations)
        assert found.text == "Każdy, kto karmi dziecko.", key
        assert found.reviewed and not found.stale and found.reused_from == "hubs.town-hub.summary"


def test_report_counts_reused_values_as_translated(tmp_path: Path, reused: Path) -> None:
    before = data_coverage(dataset(make_site(tmp_path / "plain")), "pl")
    after = data_coverage(dataset(reused), "pl")
    # The new entry adds its own key and the place name that reuses it.
    assert (after.translated - before.translated, after.reused - before.reused) == (2, 1)
    assert after.machine_draft - before.machine_draft == 2
    result = run([sys.executable, "-m", "lmo", "translations"], reused)
    header, _, *rows = result.stdout.splitlines()
    columns = [c.strip() for c in header.split("|")]
    data_row = next(r for r in rows if "data fields" in r)
    assert dict(zip(columns, (c.strip() for c in data_row.split("|")), strict=True))[
        "reused"
    ] == str(after.reused)


def test_todo_lists_a_shared_english_text_once_and_one_entry_fills_every_key(
    tmp_path: Path,
) -> None:
    site = make_site(tmp_path)
    listed = todo(dataset(site), "pl", [])
    english = '"Anyone feeding a baby."'
    assert listed.count(f"English: {english}") == 1
    assert f"  # Also shown for {FEEDING[1]} (the same English: translate it once)." in listed
    assert f"  {FEEDING[0]}:" in listed and f"  {FEEDING[1]}:" not in listed
    # The volunteer fills in the one entry as listed: every key with that English is done.
    filled = site_with(
        tmp_path / "filled", {FEEDING[0]: entry("Anyone feeding a baby.", "Każdy, kto karmi.")}
    )
    ds = dataset(filled)
    assert [localise(ds.texts[k], "pl", ds.translations).text for k in FEEDING] == [
        "Każdy, kto karmi.",
        "Każdy, kto karmi.",
    ]
    assert english not in todo(ds, "pl", [])


def test_the_generated_page_shows_and_counts_the_reused_translation(reused: Path) -> None:
    result = run([sys.executable, "-m", "lmo", "generate"], reused)
    assert result.returncode == 0, result.stderr
    page = (reused / "content" / "pl" / "places" / "town-hospital.md").read_text(encoding="utf-8")
    front, body = page.split("\n---\n", 1)[0], page.split("\n---\n", 1)[1]
    meta = yaml.safe_load(front.removeprefix("---\n"))
    assert "Szpital Miejski" in body
    counts = meta["lmo"]["translation"]
    assert counts["reused"] >= 1 and counts["machine_unreviewed"] >= counts["reused"]
    english = (reused / "content" / "en" / "places" / "town-hospital.md").read_text()
    assert "Szpital Miejski" not in english
