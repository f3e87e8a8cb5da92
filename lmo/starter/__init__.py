"""``python -m lmo new``: a new LMNS's site, from nothing, in a folder of its own.

It writes only what a site holds (mkdocs.yml, data/, content/, theme_overrides/, the
publishing workflows, a Makefile, requirements.txt pinning the engine, package.json for the
self-hosted front-end files, a README for the team): the engine stays installed, so an
upgrade is one changed line. The data files are valid from the start, so the site builds
on the first try; every fact still to give is on a line marked FILL IN, which ``make
check`` lists (as warnings) until it is filled, and a strict build (STRICT=1, used by the
publishing workflow) refuses to publish.

The team's words (the LMNS's name) are written into YAML as quoted strings and into
Markdown as plain text, never into a template: nothing they type is run.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from lmo.config.project import I18N_LANGUAGE_CODE
from lmo.core.i18n import known_locale
from lmo.core.paths import TOOL_ROOT

FILES = Path(__file__).parent / "files"
PLACEHOLDER = "FILL IN"


class StarterError(ValueError):
    """What is wrong with the request, in words for the person who typed it."""


@dataclass(frozen=True)
class Starter:
    name: str
    languages: tuple[str, ...]
    today: dt.date
    engine: str  # the requirements.txt line that installs the engine

    def tokens(self) -> dict[str, str]:
        short = "".join(w[0] for w in self.name.split() if w[:1].isalpha()).upper()[:8]
        return {
            "__LMNS_NAME_YAML__": json.dumps(self.name, ensure_ascii=False),
            "__LMNS_NAME_COMMENT__": " ".join(self.name.split()),
            "__SHORT_NAME_YAML__": json.dumps(short or "LMNS"),
            "__DESCRIPTION_YAML__": json.dumps(
                f"Maternity care: {self.name}, where it is and how to reach it.",
                ensure_ascii=False,
            ),
            "__DEFAULT_LANGUAGE__": self.languages[0],
            "__LANGUAGES_YAML__": languages_yaml(self.languages),
            "__TODAY__": self.today.isoformat(),
            "__REVIEW_BY__": self.today.replace(year=self.today.year + 1).isoformat()
            if not (self.today.month == 2 and self.today.day == 29)
            else (self.today + dt.timedelta(days=365)).isoformat(),
            "__ENGINE_REQUIREMENT__": self.engine,
            "__NPM_DEPENDENCIES__": npm_dependencies(),
        }


def languages_yaml(languages: tuple[str, ...]) -> str:
    lines = []
    for i, code in enumerate(languages):
        lines.append(f"        - locale: {code}")
        if i == 0:
            lines.append("          default: true")
        lines.append(f"          name: {json.dumps(language_name(code), ensure_ascii=False)}")
        lines.append("          build: true")
    return "\n".join(lines)


def language_name(code: str) -> str:
    """The language's name in itself (for the language menu), or its code."""
    from babel import Locale

    try:
        return str(Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_")))
    except (ValueError, TypeError):
        return code


# The engine's pinned versions of the front-end packages a site self-hosts, installed with
# the engine (tests/starter checks they are the versions in the engine's package.json).
FRONT_END_PACKAGES = Path(__file__).parent / "front_end_packages.json"


def npm_dependencies() -> str:
    chosen = json.loads(FRONT_END_PACKAGES.read_text(encoding="utf-8"))
    return json.dumps(dict(sorted(chosen.items())), indent=4).replace("\n}", "\n  }")


def default_engine_requirement() -> str:
    """Install the engine from where this one runs: its checkout when it has one (replace
    with a git tag, `local-maternity-offer @ git+https://...@v0.1.0`, before publishing)."""
    if (TOOL_ROOT / "pyproject.toml").exists():
        return f"local-maternity-offer @ {TOOL_ROOT.as_uri()}"
    from importlib.metadata import version

    return f"local-maternity-offer=={version('local-maternity-offer')}"


def check_request(target: Path, name: str, languages: list[str]) -> list[str]:
    problems = []
    if target.exists() and any(target.iterdir()):
        problems.append(f"{target}: the folder is not empty; choose a new one")
    if not name.strip() or "\n" in name or len(name) > 120:
        problems.append('NAME: give the LMNS\'s name on one line, such as NAME="Northshire LMNS"')
    if not languages:
        problems.append("LANGS: give at least one language code, such as LANGS=en,ur")
    for code in languages:
        if not I18N_LANGUAGE_CODE.fullmatch(code) or not known_locale(code):
            problems.append(f'LANGS: "{code}" is not a language code such as en, ur, pa or pt-BR')
    if languages and languages[0] != "en":
        problems.append(
            "LANGS: start with en: the data is written in English and translated from it"
        )
    return problems


def write_site(
    target: Path,
    name: str,
    languages: list[str],
    today: dt.date,
    engine: str | None = None,
) -> list[Path]:
    """Write the starter site into ``target`` (new or empty); the files written."""
    problems = check_request(target, name, languages)
    if problems:
        raise StarterError("\n".join(problems))
    starter = Starter(name.strip(), tuple(languages), today, engine or default_engine_requirement())
    tokens = starter.tokens()
    written = []
    for source in sorted(FILES.rglob("*")):
        if not source.is_file():
            continue
        relative = source.relative_to(FILES)
        text = source.read_text(encoding="utf-8")
        for token, value in tokens.items():
            text = text.replace(token, value)
        destination = target / relative
        if relative.parts[0] == "content":
            destination = target / "content" / languages[0] / Path(*relative.parts[1:])
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(text, encoding="utf-8")
        written.append(destination)
    for code in languages[1:]:
        path = target / "data" / "translations" / f"{code}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"language: {code}\ntranslations: {{}}\n", encoding="utf-8")
        written.append(path)
    readme = target / "README.md"
    readme.write_text(site_readme(starter), encoding="utf-8")
    written.append(readme)
    return written


def site_readme(starter: Starter) -> str:
    languages = ", ".join(starter.languages)
    return f"""# {" ".join(starter.name.split())}: Local Maternity Offer

This folder is the site: its facts (`data/`), its own pages (`content/`) and its settings
(`mkdocs.yml`). The engine that turns them into the site is installed from
`requirements.txt`; nothing of it is copied here. Languages: {languages}.

## First steps

1. `make serve` installs what the site needs and shows it at http://127.0.0.1:8000/.
   It builds on the first try: every fact still to give reads "FILL IN" on the page.
2. `make check` lists every line marked FILL IN, with its file and line. Fill them in, in
   this order: `data/lmns.yml` (the LMNS, its urgent contacts: the triage line of each
   unit, and when to call 999), `data/services.yml` (the booking service),
   `data/birth_settings.yml`, `data/places.yml`, `data/organisations.yml`, then
   `content/{starter.languages[0]}/about.md`.
3. Add what the area has, one file at a time: more services, `data/hubs.yml`,
   `data/concerns.yml` (feedback and complaints), `data/glossary.yml`. A page appears when
   its file has something in it; the menu follows. The optional features switch on with
   their files: `data/care_plan.yml` (the care-plan drafter),
   `data/birthplace_figures.yml` (birth-place figures), `data/quality.yml`,
   `data/changes.yml`, the MNVP's feedback summaries (`make feedback`). The build says
   which features are on and why the others are off.
4. Translations: `make translations` shows what is translated in each language;
   `data/translations/<code>.yml` holds the translations of your data.

The engine's README explains every field and feature; `docs/data-reference.md` there lists
the fields of every file.

## Publishing

`make site` builds the site into `site/`. The workflows in `.github/workflows/` check every
pull request (problems appear on the changed lines) and publish `main` to GitHub Pages with
`STRICT=1`: nothing marked FILL IN, and nothing overdue for review, is published. To host
elsewhere, upload `site/` with the headers file for your host (`_headers`,
`staticwebapp.config.json` or `nginx-headers.conf`, written by every build).

## Upgrading the engine

Change the one line in `requirements.txt` to the new version, run `make check` and
`make serve`, and read the engine's release notes for anything to add to your data.
Before publishing, replace a local path in that line with the engine's git tag, such as
`local-maternity-offer @ git+https://github.com/<owner>/<repository>@v0.1.0`.
"""
