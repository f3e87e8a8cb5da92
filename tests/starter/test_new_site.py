"""`python -m lmo new`: a new LMNS's site, built with the installed engine from its own
folder, with nothing of the worked example in it."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lmo.starter import FRONT_END_PACKAGES
from tests.sitebuild import REPO, run
from tests.starter.engine import install_engine

# Words only the worked example has: none may reach another area's site.
EXAMPLE_WORDS = re.compile(r"Herefordshire|Worcestershire|Evesham|Kidderminster|Redditch|WR11")


def new_site(tmp_path: Path, *languages: str) -> Path:
    folder = tmp_path / "northshire"
    result = run(
        [
            sys.executable,
            "-m",
            "lmo",
            "new",
            str(folder),
            "--name",
            "Northshire & Fenland LMNS",
            "--languages",
            ",".join(languages),
        ],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    return folder


def test_a_new_site_builds_at_once_and_lists_what_to_fill_in(tmp_path: Path) -> None:
    folder = new_site(tmp_path, "en", "ur", "pa")
    assert not (folder / "lmo").exists() and not (folder / "hooks").exists()
    check = run([sys.executable, "-m", "lmo", "check"], folder)
    assert check.returncode == 0, check.stderr
    marked = [line for line in check.stderr.splitlines() if "still to fill in" in line]
    assert len(marked) > 20
    assert any(line.startswith("data/lmns.yml:") and "triage line" in line for line in marked)
    assert all(re.match(r"^(data|content)/[^:]+:\d+:\d+: warning: ", line) for line in marked)
    strict = run([sys.executable, "-m", "lmo", "check"], folder, STRICT="1")
    assert strict.returncode == 1, "a site with FILL IN lines must not be published"

    build = run([sys.executable, "-m", "mkdocs", "build", "--strict"], folder)
    assert build.returncode == 0, build.stderr
    assert "feature off: care_plan (no data/care_plan.yml)" in build.stderr
    site = folder / "site"
    for lang, direction in (("en", "ltr"), ("ur", "rtl"), ("pa", "ltr")):
        home = site / ("index.html" if lang == "en" else f"{lang}/index.html")
        soup = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser")
        assert soup.html is not None and soup.html["lang"] == lang
        assert soup.body is not None and soup.body["dir"] == direction, lang
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        found = EXAMPLE_WORDS.search(page.read_text(encoding="utf-8"))
        assert found is None, f"{page.relative_to(site)}: {found and found.group(0)}"
    # The team's name is text, not markup, wherever it appears.
    assert "Northshire &amp; Fenland LMNS" in (site / "index.html").read_text(encoding="utf-8")


def test_filling_every_mark_makes_a_site_that_may_be_published(tmp_path: Path) -> None:
    folder = new_site(tmp_path, "en")
    for path in [
        *folder.joinpath("data").rglob("*.yml"),
        *folder.joinpath("content").rglob("*.md"),
    ]:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'"FILL IN: [^"]*"', '"Given"', text)
        text = re.sub(r"\s*# FILL IN.*", "", text)
        text = text.replace("FILL IN: ", "")
        path.write_text(text, encoding="utf-8")
    strict = run([sys.executable, "-m", "lmo", "check"], folder, STRICT="1")
    assert strict.returncode == 0, strict.stderr


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--languages", "ur,en"], "start with en"),
        (["--languages", "en,xx"], '"xx" is not a language code'),
        (["--name", ""], "give the LMNS's name"),
    ],
)
def test_a_request_it_cannot_meet_is_refused_with_the_reason(
    tmp_path: Path, options: list[str], message: str
) -> None:
    args = ["--name", "Northshire LMNS", "--languages", "en"]
    for i in range(0, len(options), 2):
        args[args.index(options[i]) + 1] = options[i + 1]
    result = run([sys.executable, "-m", "lmo", "new", str(tmp_path / "x"), *args], REPO)
    assert result.returncode == 2 and message in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x").exists()


def test_the_front_end_packages_a_site_gets_are_the_engines_own_versions() -> None:
    engine = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    given = json.loads(FRONT_END_PACKAGES.read_text(encoding="utf-8"))
    assert {"leaflet", "pyodide"} <= given.keys()
    assert all(engine[name] == version for name, version in given.items())


def test_the_installed_engine_alone_builds_another_area(tmp_path: Path) -> None:
    """The engine as a wheel (what `pip install` gives an LMNS), not this checkout: every
    file a site needs from the engine must be in it."""
    installed = install_engine(tmp_path)
    engine = {"PYTHONPATH": str(installed)}
    made_site = run(
        [
            sys.executable,
            "-m",
            "lmo",
            "new",
            "north",
            "--name",
            "North LMNS",
            "--languages",
            "en,ps",
        ],
        tmp_path,
        **engine,
    )
    assert made_site.returncode == 0, made_site.stderr
    folder = tmp_path / "north"
    (folder / "node_modules").symlink_to(REPO / "node_modules")  # what `npm ci` makes
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict"], folder, **engine)
    assert built.returncode == 0, built.stderr
    where = run([sys.executable, "-c", "import lmo; print(lmo.__file__)"], folder, **engine)
    assert where.stdout.startswith(str(installed)), "the build must use the installed wheel"
    page = (folder / "site" / "ps" / "index.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in page and "North LMNS" in page
    assert len(list((folder / "site" / "assets" / "lmo").glob("app.*.css"))) == 1
