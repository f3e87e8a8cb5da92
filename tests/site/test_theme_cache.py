"""The theme compiles each template once per build, however many languages are built, and a
changed template is compiled again (``mkdocs serve``)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from lmo.site.theme_cache import MemoryBytecodeCache, with_shared_bytecode

pytestmark = pytest.mark.unit


def language_env(folder: Path, cache: MemoryBytecodeCache) -> jinja2.Environment:
    """A fresh environment, as mkdocs-static-i18n makes for each language."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), auto_reload=True)
    env.bytecode_cache = cache
    return env


def test_the_second_language_reuses_the_first_ones_compiled_templates(tmp_path: Path) -> None:
    (tmp_path / "main.html").write_text("<html lang={{ lang }}>", encoding="utf-8")
    cache = MemoryBytecodeCache()
    english = language_env(tmp_path, cache).get_template("main.html")
    assert english.render(lang="en") == "<html lang=en>"
    assert len(cache.compiled) == 1

    polish = language_env(tmp_path, cache)
    compiled = []
    original = polish.compile
    polish.compile = lambda *a, **k: compiled.append(a) or original(*a, **k)  # type: ignore[method-assign]
    assert polish.get_template("main.html").render(lang="pl") == "<html lang=pl>"
    assert compiled == []


def test_a_changed_template_is_compiled_again(tmp_path: Path) -> None:
    template = tmp_path / "main.html"
    template.write_text("old {{ lang }}", encoding="utf-8")
    cache = MemoryBytecodeCache()
    assert language_env(tmp_path, cache).get_template("main.html").render(lang="en") == "old en"
    template.write_text("new {{ lang }}", encoding="utf-8")
    assert language_env(tmp_path, cache).get_template("main.html").render(lang="en") == "new en"


def test_an_environment_with_its_own_cache_keeps_it() -> None:
    own = MemoryBytecodeCache()
    env = jinja2.Environment(bytecode_cache=own)
    assert with_shared_bytecode(env).bytecode_cache is own
    assert with_shared_bytecode(jinja2.Environment()).bytecode_cache is not None


def test_the_next_build_reads_the_templates_compiled_by_the_last_one(tmp_path: Path) -> None:
    (tmp_path / "main.html").write_text("<html lang={{ lang }}>", encoding="utf-8")
    kept = tmp_path / "kept"
    kept.mkdir()

    def build(expected: str = "<html lang=ur>") -> list[object]:
        """One build: a process of its own, so its memory starts empty."""
        env = language_env(
            tmp_path, MemoryBytecodeCache(lambda: jinja2.FileSystemBytecodeCache(str(kept)))
        )
        compiled: list[object] = []
        original = env.compile
        env.compile = lambda *a, **k: compiled.append(a) or original(*a, **k)  # type: ignore[method-assign]
        assert env.get_template("main.html").render(lang="ur") == expected
        return compiled

    assert len(build()) == 1
    assert build() == []
    # A changed template is compiled again, and kept for the build after.
    (tmp_path / "main.html").write_text("<html dir=rtl lang={{ lang }}>", encoding="utf-8")
    assert len(build("<html dir=rtl lang=ur>")) == 1
    assert build("<html dir=rtl lang=ur>") == []
