"""Where a site's files are and which languages it builds, read from ``mkdocs.yml``.

Both the command line (which must not import MkDocs) and the MkDocs adapter build a
``Project`` through ``Project.from_settings``, so they always agree.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

from lmo.config.settings import MapSettings, check_settings
from lmo.core.i18n import known_locale
from lmo.core.paths import TOOL_ROOT
from lmo.core.problems import Problem, quote_value
from lmo.core.yamlsource import check_limits, dotted, load_yaml, read_utf8
from lmo.data.schema import SOURCE_LANGUAGE


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may use tags such as !ENV or !!python/name; we only need plain keys."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


# MkDocs' own reading of ``!ENV NAME`` and ``!ENV [NAME, ..., default]`` (its dependency
# pyyaml-env-tag, which does not import MkDocs).
_TolerantLoader.add_constructor("!ENV", construct_env_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


class ConfigFileError(Exception):
    """mkdocs.yml cannot be read; ``problems`` say where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def read_mkdocs_yml(path: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data: ``!ENV`` resolved as MkDocs does, other tags ignored.
    Read with the same limits as data files (its ``extra.lmo`` is edited by the same people)."""
    shown = path.name
    text, problems = read_utf8(path, shown)
    if text is None:
        raise ConfigFileError(problems)
    problems = check_limits(text, shown)
    if problems:
        raise ConfigFileError(problems)
    try:
        raw = yaml.load(text, Loader=_TolerantLoader) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = f"YAML syntax error: {error.problem or 'invalid YAML'}"
        raise ConfigFileError([Problem(shown, line, col, "", message)]) from None
    if not isinstance(raw, dict):
        raise ConfigFileError([Problem(shown, 1, 1, "", "expected 'setting: value' lines")])
    return raw


def today_from_environment() -> dt.date:
    """``LMO_TODAY=YYYY-MM-DD`` pins "today" for reproducible builds and tests."""
    pinned = os.environ.get("LMO_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def locales_folder(own: Path) -> Path:
    """The site's own catalogues if it keeps them, else the engine's (installed with it as
    lmo_locales): a new site starts with every language the engine has words for."""
    if own.is_dir():
        return own.resolve()
    spec = importlib.util.find_spec("lmo_locales")
    if spec is None or spec.origin is None:
        return own.resolve()
    return Path(spec.origin).parent


@dataclass(frozen=True)
class Project:
    root: Path
    data_dir: Path
    content_dir: Path
    locales_dir: Path
    languages: tuple[str, ...]
    today: dt.date
    maps: MapSettings = field(default_factory=MapSettings)
    site_url: str = "http://127.0.0.1:8000/"

    @property
    def node_modules(self) -> Path:
        """The site's node_modules, or else the generator's own (a site in another folder
        that has not run npm itself still gets the pinned front-end packages)."""
        own = self.root / "node_modules"
        return own if own.exists() else TOOL_ROOT / "node_modules"

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @classmethod
    def from_settings(
        cls,
        root: Path,
        docs_dir: str,
        extra_lmo: dict[str, Any],
        languages: list[str],
        site_url: str | None = None,
        config_file: Path | None = None,
    ) -> Project:
        """Raises ConfigFileError, with the line in mkdocs.yml, for a wrong ``extra.lmo``."""
        settings, problems = check_settings(extra_lmo, config_file)
        problems += language_problems(languages, config_file)
        if problems:
            raise ConfigFileError(problems)
        langs = tuple(languages) or (SOURCE_LANGUAGE,)
        return cls(
            root=root,
            data_dir=(root / settings.data_dir).resolve(),
            content_dir=(root / docs_dir).resolve(),
            locales_dir=locales_folder(root / settings.locales_dir),
            languages=langs,
            today=today_from_environment(),
            maps=settings.maps,
            site_url=site_url or "http://127.0.0.1:8000/",
        )

    @classmethod
    def from_config_file(cls, config_file: Path) -> Project:
        raw = read_mkdocs_yml(config_file)
        languages: list[str] = []
        for plugin in raw.get("plugins") or []:
            if isinstance(plugin, dict) and "i18n" in plugin:
                options = plugin["i18n"] or {}
                entries = options.get("languages") or []
                default = next((e["locale"] for e in entries if e.get("default")), None)
                languages = [e["locale"] for e in entries if e.get("build", True)]
                if default in languages:
                    languages.remove(default)
                    languages.insert(0, default)
        extra = (raw.get("extra") or {}).get("lmo") or {}
        return cls.from_settings(
            config_file.parent.resolve(),
            raw.get("docs_dir", "docs"),
            extra,
            languages,
            raw.get("site_url"),
            config_file,
        )

    def display(self, path: Path) -> str:
        """A path as an editor sees it in the repository: data/hubs.yml."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)


# The only forms mkdocs-static-i18n 1.3 accepts for a language (its config.RE_LOCALE): two
# lower-case letters, then optionally a script and a region ("pa", "pa-Arab", "pt-BR", "pt_BR").
I18N_LANGUAGE_CODE = re.compile(r"[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?|[a-z]{2}_[A-Z]{2}")
# The plugin's entry for a link in the language menu, which it never builds.
I18N_LINK_ONLY = "null"
_CODE_FORM = 'a language code such as "pa", "pa-Arab" or "pt-BR"'
# Codes an editor is likely to try that the plugin refuses, with the one it takes.
_CODE_HINTS = {
    "ckb": 'for Sorani Kurdish write "ku" (the site writes it right to left)',
    "kmr": 'for Kurmanji Kurdish write "ku-Latn"',
    "fil": 'for Filipino write "tl"',
}


def language_problems(languages: list[str], config_file: Path | None) -> list[Problem]:
    """Language codes that would stop the build: a form mkdocs-static-i18n refuses, or a
    language Babel has no dates and numbers for. Found here so that ``make check`` says so
    at the code's line in mkdocs.yml, instead of the build failing after a clean check."""
    messages = {}
    for code in languages:
        if code == I18N_LINK_ONLY:
            continue
        if not I18N_LANGUAGE_CODE.fullmatch(code):
            hint = _CODE_HINTS.get(code)
            messages[code] = (
                f"expected {_CODE_FORM} (two lower-case letters, then optionally a script and"
                f" a region: the translation plugin takes no other form), got {quote_value(code)}"
                + (f"; {hint}" if hint else "")
            )
        elif not known_locale(code):
            messages[code] = (
                f"expected {_CODE_FORM}: no language has the code {quote_value(code)}"
                " (its dates and numbers cannot be written)"
            )
    if not messages:
        return []
    shown, places = _locale_places(config_file)
    return [
        Problem(shown, *places.get(code, (1, 1, "")), message=message)
        for code, message in messages.items()
    ]


def _locale_places(config_file: Path | None) -> tuple[str, dict[str, tuple[int, int, str]]]:
    """Where each language's ``locale:`` is written in mkdocs.yml: line, column, field path."""
    if config_file is None or not config_file.exists():
        return "mkdocs.yml", {}
    doc, _ = load_yaml(config_file, config_file.name)
    places: dict[str, tuple[int, int, str]] = {}
    plugins = doc.data.get("plugins") if isinstance(doc.data, dict) else None
    for i, plugin in enumerate(plugins if isinstance(plugins, list) else []):
        options = plugin.get("i18n") if isinstance(plugin, dict) else None
        entries = options.get("languages") if isinstance(options, dict) else None
        for j, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict) and isinstance(entry.get("locale"), str):
                path = ("plugins", i, "i18n", "languages", j, "locale")
                places.setdefault(entry["locale"], (*doc.locate(path), dotted(path)))
    return config_file.name, places


def project_from_mkdocs_config(config: Any) -> Project:
    """The Project from a loaded MkDocs config (duck-typed: this module never imports
    MkDocs). Languages come from the mkdocs-static-i18n plugin, default language first.
    ``lmo.session.SiteSession.project`` keeps it between a build's page events."""
    i18n = config.plugins.get("i18n")
    languages: list[str] = []
    if i18n is not None:
        entries = i18n.config.languages
        languages = [e.locale for e in entries if e.default] + [
            e.locale for e in entries if not e.default and e.build
        ]
    root = Path(config.config_file_path).parent
    extra = config.extra.get("lmo") or {}
    return Project.from_settings(
        root, config.docs_dir, extra, languages, config.site_url, Path(config.config_file_path)
    )


def language_and_path(path: str, languages: list[str]) -> tuple[str, str]:
    """A site path's language and its path within that language's part of the site:
    mkdocs-static-i18n publishes the first (default) language at the root and each other in a
    folder of its own ("pl/hubs/x/" -> ("pl", "hubs/x/"); "hubs/x/" -> ("en", "hubs/x/"))."""
    for lang in languages[1:]:
        if path.startswith(f"{lang}/"):
            return lang, path[len(lang) + 1 :]
    return languages[0], path


def current_language(config: Any, project: Project) -> str:
    """The language MkDocs is building now (mkdocs-static-i18n builds one at a time)."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "current_language", None):
        return str(i18n.current_language)
    return project.default_language
