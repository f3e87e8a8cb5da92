"""`make postcode-districts`: district centres from an ONSPD-format file, and the shipped
example file the birth-place page reads.

A tiny directory in the real ONSPD column layout stands in for the 1 GB original. Its
positions are chosen so that a terminated or unlocated postcode, if wrongly counted, would
move a district's average visibly."""

from __future__ import annotations

import csv
import datetime as dt
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from sitebuild import REPO, run

from lmo.core.yamlsource import load_yaml
from lmo.features.birth_place.postcode_districts_file import ATTRIBUTION, add_months
from lmo.features.birth_place.postcode_errors import PostcodeImportError
from lmo.features.birth_place.postcode_import import import_districts
from lmo.features.birth_place.postcode_selection import district_sort_key
from lmo.features.birth_place.schema import PostcodeDistrictsFile

TODAY = dt.date(2026, 11, 23)
SCRIPT = REPO / "scripts" / "import_postcode_districts.py"
OWNER = "Example LMNS communications team"

# The header line of the ONSPD's CSV, as in its February 2023 release. The importer must
# find its five columns by name, so every other column is here to be skipped.
ONSPD_HEADER = (
    "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,"
    "osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,"
    "casward,npark,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua11,buasd11,"
    "ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21"
)
ONSPD_COLUMNS = ONSPD_HEADER.split(",")
NO_GRID = (99.999999, 0.0)  # what the ONSPD writes for a postcode it cannot place

# (postcode, lat, long, terminated, local authority)
POSTCODES = [
    ("WR11 4AA", 52.100123, -1.950000, "", "E07000238"),
    ("WR11 4AB", 52.090000, -1.930000, "", "E07000238"),
    ("WR11 9ZZ", 53.500000, -1.000000, "201504", "E07000238"),  # terminated
    ("WR11 8ZZ", *NO_GRID, "", "E07000238"),  # no grid reference
    ("WR2 5AA", 52.180000, -2.260000, "", "E07000237"),
    ("WR10 1AA", 52.110000, -2.080000, "", "E07000238"),
    ("HR8 1AA", 52.036000, -2.424000, "", "E06000019"),
    ("DY10 1AA", 52.390000, -2.230000, "", "E07000239"),
    ("DY14 0AA", 52.380000, -2.480000, "", "E06000051"),
    ("B60 1AA", 52.320000, -2.050000, "", "E07000234"),
    ("B96 6AA", 52.250000, -1.950000, "", "E07000236"),
    ("B98 7AA", 52.300000, -1.920000, "", "E07000236"),
    ("BA1 1AA", 51.380000, -2.360000, "", "E06000022"),  # area BA, not B
    # GL20 straddles Tewkesbury and Wychavon: choosing Wychavon takes the whole district.
    ("GL20 5AA", 51.990000, -2.160000, "", "E07000083"),
    ("GL20 7AA", 52.020000, -2.100000, "", "E07000238"),
    ("SY8 1AA", 52.367000, -2.718000, "", "E06000051"),
]


def onspd_row(postcode: str, lat: float, lon: float, doterm: str, authority: str) -> list[str]:
    values = dict.fromkeys(ONSPD_COLUMNS, "")
    outward, inward = postcode.split()
    values.update(
        pcd=f"{outward:<4}{inward}",
        pcd2=f"{outward:<5}{inward}",
        pcds=postcode,
        dointr="198001",
        doterm=doterm,
        oslaua=authority,
        osgrdind="9" if (lat, lon) == NO_GRID else "1",
        ctry="E92000001",
        lat=f"{lat:.6f}",
        long=f"{lon:.6f}",
    )
    return [values[column] for column in ONSPD_COLUMNS]


def write_onspd(
    path: Path,
    rows: list[tuple[str, float, float, str, str]] = POSTCODES,
    *,
    quote_all: bool = False,
) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
        writer.writerow(ONSPD_COLUMNS)
        writer.writerows(onspd_row(*row) for row in rows)
    return path


def onspd_zip(folder: Path) -> Path:
    """The layout of the ONSPD download: the whole-UK CSV in Data/, the same rows split by
    area in Data/multi_csv/, and documents beside them."""
    whole = write_onspd(folder / "whole.csv", quote_all=True)
    wr_only = write_onspd(folder / "wr.csv", [p for p in POSTCODES if p[0].startswith("WR")])
    path = folder / "ONSPD_FEB_2023.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(wr_only, "Data/multi_csv/ONSPD_FEB_2023_UK_WR.csv")
        archive.write(whole, "Data/ONSPD_FEB_2023_UK.csv")
        archive.writestr("Documents/LA_UA names and codes UK as at 04_23.csv", "LAD23CD\n")
        archive.writestr("User Guide/ONSPD User Guide Feb 2023.pdf", b"%PDF-1.4")
    return path


@pytest.fixture
def onspd(tmp_path: Path) -> Path:
    return write_onspd(tmp_path / "ONSPD_FEB_2023_UK.csv")


def districts_in(path: Path) -> dict[str, tuple[float, float, list[str]]]:
    model = read_back(path)
    return {d.code: (d.lat, d.lon, d.towns) for d in model.districts}


def read_back(path: Path) -> PostcodeDistrictsFile:
    """The file as the build reads it (dates left as written, positions remembered)."""
    doc, problems = load_yaml(path, path.name)
    assert not problems, [str(p) for p in problems]
    return PostcodeDistrictsFile.model_validate(doc.data)


def run_script(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run([sys.executable, str(SCRIPT), *map(str, args)], cwd, LMO_TODAY=TODAY.isoformat())


# --- centres ------------------------------------------------------------------------------


def test_a_centre_is_the_average_of_live_located_postcodes_only(
    onspd: Path, tmp_path: Path
) -> None:
    result = import_districts(
        onspd, tmp_path / "out.yml", districts=["WR11"], owner=OWNER, today=TODAY
    )

    # Only WR11 4AA and 4AB: the terminated postcode (53.5, -1.0) and the placeholder
    # (99.999999, 0) would each pull the average far away.
    assert districts_in(tmp_path / "out.yml") == {"WR11": (52.095, -1.94, [])}
    assert [(d.code, d.postcodes) for d in result.districts] == [("WR11", 2)]
    assert (result.scan.terminated, result.scan.no_grid_reference) == (1, 1)


def test_areas_and_single_districts_are_chosen_and_written_in_natural_order(
    onspd: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.yml"
    import_districts(onspd, out, districts=["WR, DY10", "B"], owner=OWNER, today=TODAY)

    # "B" is the Birmingham area only (not BA, Bath); DY14, HR8 and SY8 were not asked for.
    assert list(districts_in(out)) == ["B60", "B96", "B98", "DY10", "WR2", "WR10", "WR11"]


def test_an_authority_brings_in_each_of_its_districts_whole(onspd: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.yml"
    import_districts(onspd, out, authorities=["E07000238"], owner=OWNER, today=TODAY)

    found = districts_in(out)
    assert list(found) == ["GL20", "WR10", "WR11"]
    # The centre of the whole of GL20, including its postcode in Tewkesbury.
    assert found["GL20"][:2] == (52.005, -2.13)


def test_the_postcode_lookups_name_for_the_authority_column_is_understood(
    onspd: Path, tmp_path: Path
) -> None:
    # The National Statistics Postcode Lookup, the ONSPD's sister file, calls oslaua "laua".
    nspl = tmp_path / "NSPL_FEB_2023_UK.csv"
    nspl.write_text(onspd.read_text().replace(",oslaua,", ",laua,", 1), encoding="utf-8")
    out = tmp_path / "out.yml"
    import_districts(nspl, out, authorities=["E06000019"], owner=OWNER, today=TODAY)
    assert list(districts_in(out)) == ["HR8"]
    assert read_back(out).source.title.startswith("National Statistics Postcode Lookup")


def test_codes_and_authorities_together_take_both(onspd: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.yml"
    import_districts(
        onspd, out, districts=["HR"], authorities=["E07000239"], owner=OWNER, today=TODAY
    )
    assert list(districts_in(out)) == ["DY10", "HR8"]


def test_natural_order_puts_letters_first_then_numbers() -> None:
    codes = ["WR10", "DY10", "B98", "WR2", "B60", "HR1", "B96", "WR1", "W1A", "W10"]
    assert sorted(codes, key=district_sort_key) == [
        "B60",
        "B96",
        "B98",
        "DY10",
        "HR1",
        "W1A",
        "W10",
        "WR1",
        "WR2",
        "WR10",
    ]


# --- what an editor wrote is kept ---------------------------------------------------------


def test_towns_and_owner_are_kept_and_the_source_becomes_the_onspd(
    onspd: Path, tmp_path: Path
) -> None:
    out = tmp_path / "postcode_districts.yml"
    out.write_text(
        "approximate: true\n"
        "districts:\n"
        "  - {code: WR11, towns: [Evesham, Badsey], lat: 52.1, lon: -1.9}\n"
        "  - {code: WR16, towns: [Nowhere], lat: 52.1, lon: -2.0}\n"
        "source: {title: Drawn up by hand, confirmed: false}\n"
        "owner: Herefordshire and Worcestershire LMNS communications team\n"
        "last_reviewed: 2025-01-01\n"
        "review_by: 2025-07-01\n",
        encoding="utf-8",
    )

    result = import_districts(onspd, out, districts=["WR"], today=TODAY)

    model = read_back(out)
    assert {d.code: d.towns for d in model.districts} == {
        "WR2": [],
        "WR10": [],
        "WR11": ["Evesham", "Badsey"],
    }
    assert model.owner == "Herefordshire and Worcestershire LMNS communications team"
    assert model.source.title == "ONS Postcode Directory (ONSPD), February 2023 release"
    assert model.source.reference == ATTRIBUTION
    assert model.source.confirmed
    assert model.approximate  # a district centre is still approximate for any one home
    assert (model.last_reviewed, model.review_by) == (TODAY, dt.date(2027, 5, 23))
    assert result.dropped == ["WR16"]
    assert any("WR16" in note for note in result.warnings())


def test_without_codes_the_districts_already_in_the_file_are_rebuilt(
    onspd: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.yml"
    import_districts(onspd, out, districts=["HR8", "DY10"], owner=OWNER, today=TODAY)
    import_districts(onspd, out, today=TODAY)
    assert list(districts_in(out)) == ["DY10", "HR8"]


def test_review_is_due_six_months_later_or_at_the_end_of_a_shorter_month() -> None:
    assert add_months(dt.date(2026, 11, 23), 6) == dt.date(2027, 5, 23)
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)


# --- the file written ---------------------------------------------------------------------


def test_the_same_directory_gives_the_same_bytes_whatever_the_row_order_or_packaging(
    tmp_path: Path,
) -> None:
    first = write_onspd(tmp_path / "ONSPD_FEB_2023_UK.csv")
    shuffled_rows = POSTCODES.copy()
    random.Random(7).shuffle(shuffled_rows)
    (tmp_path / "shuffled").mkdir()
    shuffled = write_onspd(tmp_path / "shuffled" / "ONSPD_FEB_2023_UK.csv", shuffled_rows)
    packed = onspd_zip(tmp_path)

    written = []
    for n, source in enumerate([first, first, shuffled, packed]):
        out = tmp_path / f"out{n}.yml"
        import_districts(source, out, districts=["WR", "HR", "B"], owner=OWNER, today=TODAY)
        written.append(out.read_bytes())

    assert len(set(written)) == 1


def test_the_file_written_passes_the_schema_and_carries_the_licence_statement(
    onspd: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.yml"
    import_districts(onspd, out, districts=["WR", "HR", "DY", "B", "GL"], owner=OWNER, today=TODAY)

    read_back(out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/postcode_districts")
    header = " ".join(line.lstrip("# ") for line in text.splitlines() if line.startswith("#"))
    assert ATTRIBUTION in header
    assert "ONSPD_FEB_2023_UK.csv" in header


def test_the_whole_uk_csv_is_read_from_the_onspd_zip(tmp_path: Path) -> None:
    out = tmp_path / "out.yml"
    import_districts(onspd_zip(tmp_path), out, districts=["HR8", "B"], owner=OWNER, today=TODAY)
    # HR8 and the B districts are only in Data/ONSPD_FEB_2023_UK.csv, not the WR part.
    assert list(districts_in(out)) == ["B60", "B96", "B98", "HR8"]


def test_a_zip_with_one_csv_of_any_name_is_read(onspd: Path, tmp_path: Path) -> None:
    packed = tmp_path / "extract.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        archive.write(onspd, "my extract/worcestershire.csv")
        archive.writestr("my extract/notes.txt", "from the ONSPD")
    out = tmp_path / "out.yml"
    import_districts(packed, out, districts=["WR11"], owner=OWNER, today=TODAY)
    assert districts_in(out)["WR11"][:2] == (52.095, -1.94)


def test_a_new_file_needs_an_owner(onspd: Path, tmp_path: Path) -> None:
    with pytest.raises(PostcodeImportError, match="give --owner"):
        import_districts(onspd, tmp_path / "out.yml", districts=["WR"], today=TODAY)


# --- the command line ---------------------------------------------------------------------


@pytest.mark.build  # runs a program, or takes many seconds
def test_the_script_writes_the_file_and_says_what_it_did(onspd: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.yml"
    done = run_script(
        "--onspd", onspd, "--districts", "WR,HR8", "--owner", OWNER, "--out", out, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith(f"wrote {out}: 4 districts from 5 live postcodes")
    assert read_back(out).last_reviewed == TODAY


def _bad_header(tmp_path: Path) -> tuple[list[str], str]:
    path = tmp_path / "postcodes.csv"
    path.write_text("postcode,latitude,longitude\nWR11 4AA,52.1,-1.95\n", encoding="utf-8")
    message = (
        f"{path}:1: expected the ONSPD columns pcds, lat, long (and doterm);"
        " found postcode, latitude, longitude"
    )
    return ["--onspd", str(path), "--districts", "WR"], message


def _no_match(tmp_path: Path) -> tuple[list[str], str]:
    path = write_onspd(tmp_path / "ONSPD_FEB_2023_UK.csv")
    return ["--onspd", str(path), "--districts", "ZE1,TR"], (
        f"{path}: no live postcodes with a grid reference for --districts TR,ZE1;"
        " check the codes against the file"
    )


def _only_terminated(tmp_path: Path) -> tuple[list[str], str]:
    path = write_onspd(tmp_path / "old.csv", [p for p in POSTCODES if p[0].endswith("ZZ")])
    return ["--onspd", str(path), "--districts", "WR11"], (
        f"{path}: no live postcodes with a grid reference for --districts WR11;"
        " check the codes against the file"
    )


def _missing_file(tmp_path: Path) -> tuple[list[str], str]:
    path = tmp_path / "ONSPD_FEB_2023.zip"
    return ["--onspd", str(path), "--districts", "WR"], (
        f"{path}: no such file; download the ONS Postcode Directory (a .zip) from the ONS"
        " Open Geography Portal, https://geoportal.statistics.gov.uk/, and give its path"
    )


def _folder(tmp_path: Path) -> tuple[list[str], str]:
    return ["--onspd", str(tmp_path), "--districts", "WR"], (
        f"{tmp_path}: is a folder; give the ONSPD .zip, or the ONSPD_*_UK.csv in its Data folder"
    )


def _not_a_zip(tmp_path: Path) -> tuple[list[str], str]:
    path = tmp_path / "ONSPD_FEB_2023.zip"
    path.write_text("<html>Sign in to download</html>", encoding="utf-8")
    return ["--onspd", str(path), "--districts", "WR"], (
        f"{path}: cannot read it as a zip file (File is not a zip file); it may be"
        " incomplete: download it again"
    )


def _zip_without_csv(tmp_path: Path) -> tuple[list[str], str]:
    path = tmp_path / "ONSPD_FEB_2023.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("User Guide/ONSPD User Guide Feb 2023.pdf", b"%PDF-1.4")
    return ["--onspd", str(path), "--districts", "WR"], (
        f"{path}: the zip holds no CSV file; expected the ONSPD zip, with"
        " Data/ONSPD_<release>_UK.csv inside"
    )


def _bad_code(tmp_path: Path) -> tuple[list[str], str]:
    path = write_onspd(tmp_path / "ONSPD_FEB_2023_UK.csv")
    return ["--onspd", str(path), "--districts", "WR,WR-11"], (
        "--districts: 'WR-11' is not a postcode area or district; expected codes such as XY, AB"
        " or AB10, separated by commas"
    )


def _bad_authority(tmp_path: Path) -> tuple[list[str], str]:
    path = write_onspd(tmp_path / "ONSPD_FEB_2023_UK.csv")
    return ["--onspd", str(path), "--authorities", "Herefordshire"], (
        "--authorities: 'HEREFORDSHIRE' is not a local authority code; expected codes such as"
        " E06000019, as in the ONSPD's oslaua column"
    )


@pytest.mark.parametrize(
    "case",
    [
        _bad_header,
        _no_match,
        _only_terminated,
        _missing_file,
        _folder,
        _not_a_zip,
        _zip_without_csv,
        _bad_code,
        _bad_authority,
    ],
    ids=lambda case: case.__name__.strip("_").replace("_", "-"),
)
@pytest.mark.build  # runs a program, or takes many seconds
def test_each_bad_input_gives_one_line_and_writes_nothing(case: object, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    args, message = case(work)  # type: ignore[operator]
    out = tmp_path / "out.yml"

    done = run_script(*args, "--owner", OWNER, "--out", out, cwd=tmp_path)

    assert (done.returncode, done.stderr, done.stdout) == (1, message + "\n", "")
    assert not out.exists()


@pytest.mark.build  # runs a program, or takes many seconds
def test_a_broken_existing_file_is_reported_and_left_alone(onspd: Path, tmp_path: Path) -> None:
    out = tmp_path / "postcode_districts.yml"
    broken = "approximate: true\ndistricts:\n  - {code: wr11, towns: [Evesham], lat: 52.1}\n"
    out.write_text(broken, encoding="utf-8")

    done = run_script("--onspd", onspd, "--out", out, cwd=tmp_path)

    assert done.returncode == 1
    assert done.stderr.startswith(f"{out}:3:")
    assert done.stderr.endswith("; put it right first, so that its towns lists are kept\n")
    assert len(done.stderr.splitlines()) == 1
    assert out.read_text(encoding="utf-8") == broken


# --- the shipped example -------------------------------------------------------------------

SHIPPED = REPO / "data" / "postcode_districts.yml"
# The example area, generously: Hay-on-Wye (HR3) in the west to Broadway (WR12) in the east.
AREA_LAT = (51.8, 52.5)
AREA_LON = (-3.2, -1.7)


def test_the_shipped_file_passes_the_schema_in_natural_order_without_repeats() -> None:
    model = read_back(SHIPPED)
    codes = [d.code for d in model.districts]
    assert codes == sorted(set(codes), key=district_sort_key)
    assert model.approximate
    # Drawn up by hand: it must not claim to come from the ONSPD.
    assert not model.source.confirmed


def test_every_shipped_district_lies_in_the_area() -> None:
    outside = [
        d.code
        for d in read_back(SHIPPED).districts
        if not (AREA_LAT[0] <= d.lat <= AREA_LAT[1] and AREA_LON[0] <= d.lon <= AREA_LON[1])
    ]
    assert outside == []


def test_every_town_with_a_place_in_the_area_can_be_typed_instead_of_a_postcode() -> None:
    places = yaml.safe_load((REPO / "data" / "places.yml").read_text(encoding="utf-8"))
    # Places outside the area (Ludlow, Solihull, Llandrindod Wells...) carry another county.
    towns = {
        place["address"]["town"]
        for place in places["places"]
        if place["address"].get("county") in ("Herefordshire", "Worcestershire")
    }
    assert {"Worcester", "Hereford", "Kidderminster", "Redditch"} <= towns
    typed = {town.casefold() for d in read_back(SHIPPED).districts for town in d.towns}
    assert sorted(t for t in towns if t.casefold() not in typed) == []
