"""The example site in every language: every page exists in each, with the right lang/dir."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

from harness import REPO

from lmo.config.project import read_mkdocs_yml


def languages() -> list[str]:
    config = read_mkdocs_yml(REPO / "mkdocs.yml")
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return [entry["locale"] for entry in i18n["languages"]]


class OpeningTags(HTMLParser):
    """The attributes of <html> and <body>, read up to <body> only: a whole parse of every
    page took 12 s of the suite for two attributes near the top."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("html", "body") and tag not in self.found:
            self.found[tag] = dict(attrs)


def opening_tags(text: str) -> dict[str, dict[str, str | None]]:
    parser = OpeningTags()
    # The parser reads on past <body>, so only the text before the first page content goes in.
    end = text.find(">", text.find("<body")) + 1
    parser.feed(text[:end] if end > 0 else text)
    parser.close()
    return parser.found


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
        tags = opening_tags(path.read_text(encoding="utf-8"))
        assert tags["html"]["lang"] == lang, relative
        # Material puts the direction on <body>.
        assert tags["body"]["dir"] == ("rtl" if lang == "ur" else "ltr"), relative
    assert len(pages["en"]) > 100
    for lang in langs[1:]:
        assert pages[lang] == pages["en"], f"{lang} is missing pages"
