"""The example site in every language: every page exists in each, with the right lang/dir."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from bs4 import BeautifulSoup
from harness import REPO

from lmo.config.project import read_mkdocs_yml


def languages() -> list[str]:
    config = read_mkdocs_yml(REPO / "mkdocs.yml")
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return [entry["locale"] for entry in i18n["languages"]]


def test_every_page_exists_in_every_language_with_lang_and_dir(example_site: Path) -> None:
    langs = languages()
    assert langs == ["en", "pl", "lt", "ro", "ur"]
    pages: dict[str, set[str]] = defaultdict(set)
    for path in example_site.rglob("index.html"):
        relative = path.relative_to(example_site).as_posix()
        first = relative.split("/")[0]
        lang = first if first in langs[1:] else "en"
        page = relative.removeprefix(f"{lang}/") if lang != "en" else relative
        pages[lang].add(page)
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").html
        assert html["lang"] == lang, relative
        body = html.find("body")
        # Material puts the direction on <body>.
        assert body["dir"] == ("rtl" if lang == "ur" else "ltr"), relative
    assert len(pages["en"]) > 100
    for lang in langs[1:]:
        assert pages[lang] == pages["en"], f"{lang} is missing pages"
