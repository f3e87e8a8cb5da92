"""Compiled theme templates kept for the whole build, shared by every language's build, and
kept between builds.

mkdocs-static-i18n builds each language with a fresh Jinja environment, so without this
the theme's templates (Material's main.html, its partials and ours) were compiled again for
every language: about 35 templates five times, 2.5 s of a 605-page build. Compiling the 40
once per build still took about 0.15 s of each build, so they are also kept on disk, in the
user's own cache folder (lmo.core.bytecode_cache: the page generator's templates are kept
the same way, in a folder of their own). Jinja's bytecode cache is keyed by template name
and file and checked against the source (and Jinja's and Python's versions), so a changed
template (``mkdocs serve``) is compiled again, and the pages are the same as without it.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2

from lmo.core.bytecode_cache import private_cache_folder


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in this process's memory, in front of ``kept()`` (another
    cache that outlives the process, made when first needed) when one is given."""

    def __init__(self, kept: Callable[[], jinja2.BytecodeCache] | None = None) -> None:
        self.compiled: dict[str, bytes] = {}
        self._make_kept = kept
        self._kept: jinja2.BytecodeCache | None = None

    def _outer(self) -> jinja2.BytecodeCache | None:
        if self._kept is None and self._make_kept is not None:
            self._kept = self._make_kept()
        return self._kept

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
            return
        outer = self._outer()
        if outer is not None:
            outer.load_bytecode(bucket)  # a stale or foreign file leaves the bucket empty
            if bucket.code is not None:
                self.compiled[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
        outer = self._outer()
        if outer is not None:
            outer.dump_bytecode(bucket)


# Only the theme's environments use it: Jinja's cache key does not include an environment's
# options, so environments with other options (the page generator's) must not share it,
# in memory or on disk.
THEME_BYTECODE = MemoryBytecodeCache(
    lambda: jinja2.FileSystemBytecodeCache(private_cache_folder("jinja-theme"))
)


def with_shared_bytecode(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's environment, compiling each template once per process."""
    if env.bytecode_cache is None:
        env.bytecode_cache = THEME_BYTECODE
    return env
