"""Fonts for scripts phones often lack: the table, the files it names, and a built site whose
Urdu and Bengali pages link their font while its English pages load none."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import REPO, build, make_site

from lmo.delivery.vendor import copy_fonts
from lmo.site.engine_assets import hashed_name
from lmo.site.fonts import (
    FONTS,
    FONTS_FOLDER,
    Font,
    font_files,
    font_for,
    published_font,
    stylesheet,
    unicode_ranges,
)

NODE_MODULES = REPO / "node_modules"


@pytest.mark.parametrize(
    ("code", "family"),
    [
        ("ur", "Noto Nastaliq Urdu"),
        ("ur-PK", "Noto Nastaliq Urdu"),
        ("pa", "Noto Sans Gurmukhi"),
        ("pa-Guru", "Noto Sans Gurmukhi"),
        ("pa-Arab", "Noto Nastaliq Urdu"),
        ("bn_BD", "Noto Sans Bengali"),
        ("ps", "Noto Naskh Arabic"),
        ("en", None),
        ("pl", None),
        ("ar", None),
        # A code that names another script than the font's keeps the phone's fonts.
        ("ur-Latn", None),
        ("../ur", None),
    ],
)
def test_each_language_has_its_scripts_font_or_none(code: str, family: str | None) -> None:
    font = font_for(code)
    assert (font.family if font else None) == family
    assert (published_font(code, NODE_MODULES) is None) == (family is None)


def test_every_font_package_is_pinned_and_its_files_are_installed() -> None:
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    for font in set(FONTS.values()):
        assert re.fullmatch(r"\d+\.\d+\.\d+", pinned[font.package]), font.package
        installed = json.loads((NODE_MODULES / font.package / "package.json").read_text())
        assert installed["version"] == pinned[font.package], "run 'npm ci'"
        for name in font_files(font):
            assert (NODE_MODULES / font.package / name).is_file(), name
        assert "SIL Open Font License" in (NODE_MODULES / font.package / "LICENSE").read_text()


def test_a_font_for_letters_a_phone_may_lack_swaps_in_and_a_font_of_style_waits_for_nothing() -> (
    None
):
    """Bengali, Gurmukhi and Pashto's letters may be missing from a phone's fonts (empty boxes
    until the file arrives), so their faces swap in; every phone draws Urdu's letters in
    Naskh, so Nastaliq never swaps in and moves the page she is reading."""
    for code, font in FONTS.items():
        expected = "optional" if font.family == "Noto Nastaliq Urdu" else "swap"
        assert font.display == expected, code
        css = plain_stylesheet(font)
        assert css.count(f"font-display: {expected};") == css.count("@font-face") > 0


def plain_stylesheet(font: Font) -> str:
    faces = {(s, w): font.file_name(s, w) for s in font.subsets for w in font.weights}
    return stylesheet(
        font, unicode_ranges(NODE_MODULES / font.package), "5.3.0", faces, "LICENSE.txt"
    )


def test_the_stylesheet_swaps_and_limits_each_face_to_its_script() -> None:
    font = FONTS["bn"]
    css = plain_stylesheet(font)
    faces = re.findall(r"@font-face \{(.*?)\}", css, re.S)
    assert len(faces) == len(font.weights)
    for face in faces:
        assert "font-display: swap;" in face
        # Bengali's block (and the marks it shares), so Latin text never fetches the file.
        assert re.search(r"unicode-range: [^;]*U\+0980-09FE[^;]*;", face)
        assert "U+0000" not in face
    assert '--md-text-font: "Noto Sans Bengali"' in css


def test_fonts_of_languages_no_longer_built_are_removed(tmp_path: Path) -> None:
    content = tmp_path / "content"
    assert copy_fonts(NODE_MODULES, content, ["en", "ur", "bn"]) == []
    fonts = content / "assets" / "vendor" / "fonts"
    names = {p.name for p in fonts.iterdir()}
    assert {re.sub(r"\.[0-9a-f]{10}\.", ".", name) for name in names} == {
        "ur.css",
        "bn.css",
        "noto-nastaliq-urdu",
        "noto-sans-bengali",
    }
    assert copy_fonts(NODE_MODULES, content, ["en", "bn"]) == []
    assert {p.name for p in fonts.iterdir()} == {
        n for n in names if n.startswith("bn.") or n == "noto-sans-bengali"
    }
    assert copy_fonts(NODE_MODULES, content, ["en"]) == []
    assert list(fonts.iterdir()) == []


def test_every_font_file_is_published_under_a_hash_of_its_content(tmp_path: Path) -> None:
    """The hosts cache the whole fonts folder for a year (lmo.delivery.headers.IMMUTABLE), so
    no file there may keep its name when its content changes: a new font version, a changed
    face list or a changed stylesheet is a new name, and the pages link the new one."""
    content = tmp_path / "content"
    assert copy_fonts(NODE_MODULES, content, ["ur", "bn", "pa", "ps"]) == []
    assets = content / "assets"
    files = [p for p in (assets / FONTS_FOLDER).rglob("*") if p.is_file()]
    assert len(files) > 10
    for file in files:
        relative = file.relative_to(assets).as_posix()
        plain = re.sub(r"\.[0-9a-f]{10}(\.[a-z0-9]+)$", r"\1", relative)
        assert plain != relative, relative
        folder, _, name = plain.rpartition("/")
        assert hashed_name(folder + "/", name, file.read_bytes()) == relative
    # What the pages link is what was copied.
    for code in ("ur", "bn", "pa", "ps"):
        published = published_font(code, NODE_MODULES)
        assert published is not None
        assert (content / published.stylesheet).is_file(), code
        assert all((content / path).is_file() for path in published.preloads), code


def test_a_changed_font_file_gets_a_new_name_and_so_does_its_stylesheet(tmp_path: Path) -> None:
    modules = tmp_path / "node_modules"
    package = FONTS["bn"].package
    shutil.copytree(NODE_MODULES / package, modules / package)
    before = published_font("bn", modules)
    face = modules / package / font_files(FONTS["bn"])[0]
    face.write_bytes(face.read_bytes() + b"\0")
    after = published_font("bn", modules)
    assert before is not None and after is not None
    assert before.stylesheet != after.stylesheet
    changed = set(after.files) - set(before.files)
    assert len(changed) == 2  # the face and the stylesheet that names it
    assert published_font("bn", modules) == after  # the same bytes, the same names


def test_a_font_missing_from_node_modules_says_to_run_npm_ci(tmp_path: Path) -> None:
    problems = copy_fonts(tmp_path / "node_modules", tmp_path / "content", ["en", "ur"])
    assert problems
    assert all(p.file == "package.json" and "run 'npm ci'" in p.message for p in problems)
    assert any("noto-nastaliq-urdu-arabic-400-normal.woff2" in p.message for p in problems)


@pytest.fixture(scope="module")
def fonts_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny site in English, Urdu and Bengali."""
    # The fixture has no Urdu or Bengali translations: its pages fall back to English.
    site = make_site(tmp_path_factory.mktemp("fonts"), ["en", "ur", "bn"])
    result = build(site)
    assert result.returncode == 0, result.stderr
    return site / "site"


def own_stylesheet(code: str) -> str:
    """The stylesheet a language's pages link, under the site's root (its name carries a hash
    of its content)."""
    published = published_font(code, NODE_MODULES)
    assert published is not None, code
    return published.stylesheet


def font_links(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [
        str(link["href"])
        for link in soup.select("head link[rel=stylesheet]")
        if "/fonts/" in str(link["href"]) or str(link["href"]).startswith("fonts/")
    ]


@pytest.mark.build
def test_only_a_languages_own_pages_link_its_font(fonts_site: Path) -> None:
    pages = sorted(fonts_site.rglob("index.html"))
    english = [p for p in pages if p.relative_to(fonts_site).parts[0] not in ("ur", "bn")]
    assert len(english) > 10
    for page in english:
        assert font_links(page) == [], page
    for lang in ("ur", "bn"):
        own = sorted((fonts_site / lang).rglob("index.html"))
        assert len(own) > 10
        for page in own:
            links = font_links(page)
            assert len(links) == 1, page
            assert (page.parent / links[0]).resolve() == fonts_site / own_stylesheet(lang)


@pytest.mark.build
def test_each_stylesheet_points_at_font_files_in_the_site_with_their_licence(
    fonts_site: Path,
) -> None:
    folder = fonts_site / "assets" / "vendor" / "fonts"
    for lang, family in (("ur", "Noto Nastaliq Urdu"), ("bn", "Noto Sans Bengali")):
        css = (fonts_site / own_stylesheet(lang)).read_text(encoding="utf-8")
        assert css.count(f"font-display: {FONTS[lang].display};") == css.count("@font-face")
        sources = re.findall(r'url\("([^"]+)"\)', css)
        assert sources and all(s.endswith(".woff2") for s in sources)
        for source in sources:
            file = folder / source
            assert file.is_file() and file.read_bytes()[:4] == b"wOF2", source
            [licence] = file.parent.glob("LICENSE.*.txt")
            assert "SIL Open Font License" in licence.read_text()
            assert f"({licence.parent.name}/{licence.name})" in css
        assert f'font-family: "{family}"' in css
    # Only the subsets and weights the table names: nothing for Latin, no woff, no 500/600.
    shipped = sorted(re.sub(r"\.[0-9a-f]{10}\.", ".", p.name) for p in folder.rglob("*.woff*"))
    assert shipped == [
        "noto-nastaliq-urdu-arabic-400-normal.woff2",
        "noto-sans-bengali-bengali-400-normal.woff2",
        "noto-sans-bengali-bengali-700-normal.woff2",
    ]


@pytest.mark.build
def test_a_site_without_such_languages_carries_no_font(tiny_site: Path) -> None:
    assert not (tiny_site / "site" / "assets" / "vendor" / "fonts").exists()
    assert all(font_links(p) == [] for p in (tiny_site / "site").rglob("index.html"))


def font_preloads(page: Path) -> list[dict[str, str]]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [
        {name: str(link.get(name)) for name in ("href", "as", "type", "crossorigin")}
        for link in soup.select("head link[rel=preload]")
        if str(link.get("href", "")).endswith(".woff2")
    ]


@pytest.mark.build
def test_urdu_pages_ask_at_once_for_the_nastaliq_file_their_stylesheet_names(
    fonts_site: Path,
) -> None:
    """Nastaliq draws a page only if it is there for the first layout (it never swaps in), so
    Urdu pages ask for it with the page; Bengali (which swaps in) and English pages do not."""
    folder = fonts_site / "assets" / "vendor" / "fonts"
    named = {
        (folder / source).resolve()
        for source in re.findall(
            r'url\("([^"]+)"\)', (fonts_site / own_stylesheet("ur")).read_text()
        )
    }
    pages = sorted(fonts_site.rglob("index.html"))
    urdu = [p for p in pages if p.relative_to(fonts_site).parts[0] == "ur"]
    assert urdu
    for page in pages:
        preloads = font_preloads(page)
        if page not in urdu:
            assert preloads == [], page
            continue
        assert {(page.parent / p["href"]).resolve() for p in preloads} == named, page
        for preload in preloads:
            # A font is always fetched in CORS mode: without crossorigin the preloaded copy is
            # not the one the stylesheet uses, and the file comes down twice.
            assert (preload["as"], preload["type"], preload["crossorigin"]) == (
                "font",
                "font/woff2",
                "",
            ), page
