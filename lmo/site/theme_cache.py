"""Compiled theme templates kept for the whole build, shared by every language's build.

mkdocs-static-i18n builds each language with a fresh Jinja environment, so without this
the theme's templates (Material's main.html, its partials and ours) were compiled again for
every language: about 35 templates five times, 2.5 s of a 605-page build. Jinja's bytecode
cache is keyed by template name and file and checked against the source, so a changed
template (``mkdocs serve``) is compiled again, and the pages are the same as without it.
"""

from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in this process's memory."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


# Only the theme's environments use it: Jinja's cache key does not include an environment's
# options, so environments with other options (the page generator's) must not share it.
THEME_BYTECODE = MemoryBytecodeCache()


def with_shared_bytecode(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's environment, compiling each template once per process."""
    if env.bytecode_cache is None:
        env.bytecode_cache = THEME_BYTECODE
    return env
