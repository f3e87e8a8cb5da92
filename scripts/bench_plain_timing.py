"""A MkDocs hook for the benchmark's plain builds only (scripts/bench.py): it times
mkdocs-static-i18n's removal of duplicate search entries and appends the processor seconds
and wall seconds to the file named by BENCH_DUPLICATE_REMOVAL_LOG. The engine skips that removal
(hooks/prepare_delivery.keep_every_search_entry), so the benchmark can also say what the
engine's own work adds to a plain build without it. Nothing else in the build changes."""

from __future__ import annotations

import os
import time
from typing import Any

from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n: Any = config.plugins.get("i18n")
    log = os.environ.get("BENCH_DUPLICATE_REMOVAL_LOG")
    removal = getattr(i18n, "reconfigure_search_duplicates", None)
    if log and removal is not None and not getattr(removal, "bench_timed", False):

        def timed(entries: list[dict[str, str]]) -> None:
            processor, wall = time.process_time(), time.perf_counter()
            removal(entries)
            processor, wall = time.process_time() - processor, time.perf_counter() - wall
            with open(log, "a", encoding="utf-8") as out:
                out.write(f"{processor} {wall}\n")

        timed.bench_timed = True  # type: ignore[attr-defined]
        i18n.reconfigure_search_duplicates = timed
    return config
