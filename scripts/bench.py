"""Benchmarks: build times, peak memory and the data pipeline's cost over plain MkDocs.

Prints numbers; asserts nothing (tests never assert wall-clock times).

Scenarios, each built five times beside its plain twin (medians are reported; the
ratio to plain MkDocs is the median of the ratios within each back-to-back pair):
- example: the repository's example site;
- large: the example multiplied to about 70 hubs, 40 birth settings and 500 services;
- plain-*: the same pages as each scenario (the Markdown the lmo plugin wrote, in every
  language), built by MkDocs, Material, mkdocs-static-i18n and search without the lmo plugin
  and the site's theme additions, so the ratio shows what our pipeline (checking, rendering,
  page chrome, delivery) adds. The engine skips mkdocs-static-i18n's removal of duplicate
  search entries (hooks/prepare_delivery.keep_every_search_entry); the plain builds keep it
  and time it (scripts/bench_plain_timing.py), and the ratio to a plain build less that
  removal is printed too: what the engine's own work adds. Our builds after the first take
  the first one's check and pages when nothing changed (lmo/remembered_check.py), as a
  rebuild does; each scenario is also built twice more with LMO_CHECK_AFRESH=1, as a fresh
  clone in CI builds, and that ratio is printed beside the goal's;
- feedback: 'make feedback' over a synthetic export of 100,000 responses (60,000 in a Google
  Forms CSV, 40,000 in a Microsoft Forms workbook), from reading to written summaries
  (goal: under 10 s). Each run is a whole `python -m lmo feedback` process, so the time
  includes Python start-up and the check of data/; making the export is not timed.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lmo.config.project import read_mkdocs_yml

REPO = Path(__file__).resolve().parent.parent
RUNS = 3


@dataclass(frozen=True)
class Figure:
    """One measured figure, for a table of every benchmark's results beside its goal."""

    name: str
    value: float
    unit: str
    goal: str = ""


DUPLICATE_REMOVAL_LOG = "duplicate-removal.log"


def timed_build(site: Path, **extra_env: str) -> tuple[float, float, float]:
    """Wall seconds, processor seconds and peak resident memory (MiB) of one `mkdocs build`
    in its own process. Processor seconds vary far less than wall time on a busy machine."""
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        # Read by a plain build's timing hook (plain_copy); ours has no such hook.
        "BENCH_DUPLICATE_REMOVAL_LOG": str(site / DUPLICATE_REMOVAL_LOG),
        **extra_env,
    }
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--quiet"],
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"build failed in {site}: {proc.stderr.read().decode() if proc.stderr else ''}")
    processor = usage.ru_utime + usage.ru_stime
    print(f"  {site.name}: {elapsed:.2f} s, processor {processor:.2f} s")
    return elapsed, processor, usage.ru_maxrss / 1024


def copy_site(target: Path) -> Path:
    for name in ("data", "content", "locales"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("*.pyc"))
    config = read_mkdocs_yml(REPO / "mkdocs.yml")
    # The engine is the lmo plugin now; an older mkdocs.yml listed hook files instead.
    if "hooks" in config:
        config["hooks"] = [str(REPO / h) for h in config["hooks"]]
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    config.pop("watch", None)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


def multiply(records: list[dict[str, Any]], target: int) -> list[dict[str, Any]]:
    """Copies of records with new ids, up to ``target``; references keep pointing at real
    records, so the copies pass every check the originals pass."""
    out: list[dict[str, Any]] = []
    copy_number = 0
    while len(out) < target:
        for record in records[: target - len(out)]:
            clone = copy.deepcopy(record)
            if copy_number:
                clone["id"] = f"{record['id']}-{copy_number}"
                status = clone.get("status", {})
                if status.get("replaced_by"):
                    status["replaced_by"] = f"{status['replaced_by']}-{copy_number}"
            out.append(clone)
        copy_number += 1
    return out


def make_large(site: Path) -> dict[str, int]:
    data = site / "data"

    def load(name: str) -> dict[str, Any]:
        return yaml.safe_load((data / name).read_text(encoding="utf-8"))

    def save(name: str, value: dict[str, Any]) -> None:
        (data / name).write_text(yaml.safe_dump(value, sort_keys=False), encoding="utf-8")

    counts = {}
    for name, key, target in (
        ("hubs.yml", "hubs", 70),
        ("birth_settings.yml", "birth_settings", 40),
        ("services.yml", "services", 500),
    ):
        doc = load(name)
        doc[key] = multiply(doc[key], target)
        counts[key] = len(doc[key])
        save(name, doc)
    return counts


def plain_copy(built: Path, target: Path) -> Path:
    """The same pages as a built site, for MkDocs, Material, mkdocs-static-i18n and search
    without the lmo plugin and without the site's theme additions.

    The plugin writes its pages into content/ as Markdown (lmo/site/generate.py), so after
    one build of ``built`` its content/ holds every page in every language: the generated
    ones, the hand-written ones and the assets they use. The menu and the pages kept out of
    it stay as they are, so both builds render the same menu on every page."""
    shutil.copytree(built / "content", target / "content")
    config = read_mkdocs_yml(built / "mkdocs.yml")
    # Only a hook that times mkdocs-static-i18n's removal of duplicate search entries, which
    # the engine skips (see duplicate_removal_seconds).
    config["hooks"] = [str(REPO / "scripts" / "bench_plain_timing.py")]
    config["plugins"] = [p for p in config["plugins"] if plugin_name(p) != "lmo"]
    config["theme"].pop("custom_dir", None)
    config.get("extra", {}).pop("lmo", None)
    default = default_language(config)
    if "nav" in config:
        # The plugin drops the menu entries of features that are off (no data, no page).
        config["nav"] = [
            e for e in config["nav"] if nav_target_exists(e, target / "content" / default)
        ]
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


def plugin_name(entry: str | dict[str, Any]) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def default_language(config: dict[str, Any]) -> str:
    for entry in config["plugins"]:
        if plugin_name(entry) == "i18n":
            for language in entry["i18n"]["languages"]:
                if language.get("default"):
                    return str(language["locale"])
    return "en"


def nav_target_exists(entry: str | dict[str, Any], folder: Path) -> bool:
    value = entry if isinstance(entry, str) else next(iter(entry.values()))
    return not isinstance(value, str) or (folder / value).exists()


# Build pairs (ours, then plain) per scenario. This machine's speed drifts by several per
# cent between one build and the next, so the ratio is taken within each pair.
PAIRS = 5
# Pairs with ours checked afresh, shown beside the goal's figure (fewer: the ten-times set
# takes over a minute a pair).
AFRESH_PAIRS = 2


@dataclass(frozen=True)
class Timing:
    seconds: float  # median wall time
    processor: float  # median processor time
    memory: float  # peak MiB


@dataclass(frozen=True)
class PairRatios:
    """Our build's time over the plain one's, each pair built back to back: the median over
    the pairs, in wall and processor time; and the same over the plain build less its
    removal of duplicate search entries, which ours skips (what the engine's own work adds)."""

    seconds: float
    processor: float
    seconds_less_removal: float
    processor_less_removal: float


def duplicate_removal_seconds(plain: Path) -> tuple[float, float]:
    """Processor and wall seconds the plain build just made spent in mkdocs-static-i18n's
    removal of duplicate search entries (scripts/bench_plain_timing.py); the log is emptied."""
    log = plain / DUPLICATE_REMOVAL_LOG
    if not log.exists():
        return 0.0, 0.0
    lines = [line.split() for line in log.read_text(encoding="utf-8").splitlines() if line]
    log.unlink()
    return sum(float(p) for p, _ in lines), sum(float(w) for _, w in lines)


def measure_pair(
    site: Path, plain: Path, pairs: int = PAIRS, **extra_env: str
) -> tuple[Timing, Timing, PairRatios]:
    """Medians of both builds, runs interleaved so that drift in the machine's speed
    affects both alike, and the median of the ratios within each pair. One untimed build of
    each warms caches first. ``extra_env``: for our builds only."""
    timed_build(site, **extra_env)
    timed_build(plain)
    duplicate_removal_seconds(plain)
    ours, theirs, removals = [], [], []
    for _ in range(pairs):
        ours.append(timed_build(site, **extra_env))
        theirs.append(timed_build(plain))
        removals.append(duplicate_removal_seconds(plain))
    print(
        "  plain builds' removal of duplicate search entries (skipped in ours), processor s: "
        + ", ".join(f"{processor:.2f}" for processor, _ in removals)
    )

    def summary(results: list[tuple[float, float, float]]) -> Timing:
        return Timing(
            statistics.median(r[0] for r in results),
            statistics.median(r[1] for r in results),
            max(r[2] for r in results),
        )

    measured = list(zip(ours, theirs, removals, strict=True))
    ratios = PairRatios(
        statistics.median(o[0] / t[0] for o, t, _ in measured),
        statistics.median(o[1] / t[1] for o, t, _ in measured),
        statistics.median(o[0] / (t[0] - r[1]) for o, t, r in measured),
        statistics.median(o[1] / (t[1] - r[0]) for o, t, r in measured),
    )
    return summary(ours), summary(theirs), ratios


def count_pages(site: Path) -> int:
    return sum(1 for _ in (site / "site").rglob("index.html"))


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def map_weights(site_dir: Path) -> list[Figure]:
    """What a map adds to a page, compressed: Leaflet's files plus the page's map parts
    (the map container, legend and drawing script; the list of places stays, it is the
    page's content with or without a map). Goal: at most 60 KB."""
    from bs4 import BeautifulSoup

    # Leaflet's script and stylesheet and the engine's two map scripts, under their hashed
    # names; what each map shows is in its page.
    leaflet, engine = site_dir / "assets" / "vendor" / "leaflet", site_dir / "assets" / "lmo"
    library_files = [
        *leaflet.glob("leaflet.*.js"),
        *leaflet.glob("leaflet.*.css"),
        *engine.glob("map.*.js"),
        *engine.glob("map-groups.*.js"),
    ]
    library = sum(gz(file.read_bytes()) for file in library_files)
    print(f"{', '.join(sorted(f.name for f in library_files))}, gzip: {library / 1024:.1f} KB")
    pages = [p for p in site_dir.rglob("index.html") if b"app-map__canvas" in p.read_bytes()]
    added = []
    for path in pages:
        html = path.read_bytes()
        soup = BeautifulSoup(html, "html.parser")
        for element in soup.select(
            ".app-map, script[src*=leaflet], link[href*=leaflet], script[src*='lmo/map']"
        ):
            element.decompose()
        added.append((gz(html) - gz(str(soup).encode()) + library, path))
    added.sort(key=lambda a: a[0])
    heaviest, where = added[-1]
    median = statistics.median(a for a, _ in added)
    print(
        f"map pages: {len(pages)}; added per page, gzip: median {median / 1024:.1f} KB,"
        f" heaviest {heaviest / 1024:.1f} KB ({where.relative_to(site_dir).parent}/)"
        " (goal: at most 60 KB)"
    )
    no_map_code = not any(
        b"vendor/leaflet" in p.read_bytes()
        for p in site_dir.rglob("index.html")
        if b"app-map__canvas" not in p.read_bytes()
    )
    print("pages without a map load no map code:", no_map_code)
    return [
        Figure("map added per page, median (gzip)", median / 1024, "KB", "<= 60"),
        Figure("map added per page, heaviest (gzip)", heaviest / 1024, "KB", "<= 60"),
        Figure("pages without a map that load map code", float(not no_map_code), "", "0"),
    ]


def search_weights(site_dir: Path) -> list[Figure]:
    """What the theme's search fetches on a first visit: its language's index (one per
    language, lmo/delivery/search_split.py), as built and as brotli sends it."""
    figures = []
    for index in sorted(site_dir.rglob("search/search_index.json")):
        # The build writes the .br copy beside every JSON file (lmo/delivery/compress.py).
        compressed = index.with_name(index.name + ".br").stat().st_size
        print(
            f"search index {index.relative_to(site_dir)}: {index.stat().st_size / 1024:.0f} KB,"
            f" brotli {compressed / 1024:.0f} KB"
        )
        figures.append(Figure(f"{index.relative_to(site_dir)} (brotli)", compressed / 1024, "KB"))
    return figures


def sent_size(file: Path) -> int:
    """What the host sends for a file: its brotli copy when the build wrote one."""
    compressed = file.with_name(file.name + ".br")
    return (compressed if compressed.exists() else file).stat().st_size


def page_weight(site_dir: Path, page: Path) -> tuple[int, int]:
    """Bytes a first visit to ``page`` fetches, as sent (the page, its stylesheets and
    scripts, and the font files its font stylesheet names), and how many of them are fonts.
    Images and the search index (fetched on first search) are left out."""
    import re

    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    total, fonts = sent_size(page), 0
    for element in soup.select("head link[rel=stylesheet][href], script[src]"):
        address = str(element.get("href") or element.get("src"))
        file = (page.parent / address).resolve()
        if not file.is_relative_to(site_dir.resolve()) or not file.is_file():
            continue
        size = sent_size(file)
        if "/vendor/fonts/" in file.as_posix():
            for source in re.findall(r'url\("([^"]+)"\)', file.read_text(encoding="utf-8")):
                size += (file.parent / source).stat().st_size
            fonts += size
        total += size
    return total, fonts


def font_weights(site_dir: Path) -> list[Figure]:
    """What each language's own font adds to its pages (lmo/site/fonts.py), and the whole
    first-visit weight of its home page; languages without one load no font."""
    figures = []
    for sheet in sorted((site_dir / "assets" / "vendor" / "fonts").glob("*.css")):
        lang = sheet.name.split(".")[0]  # ur.0123456789.css
        total, fonts = page_weight(site_dir, site_dir / lang / "index.html")
        print(
            f"{lang}/ first visit: {total / 1024:.0f} KB as sent, of which its font"
            f" {fonts / 1024:.0f} KB (stylesheet and woff2)"
        )
        figures.append(Figure(f"{lang}/ home page first visit", total / 1024, "KB"))
    total, fonts = page_weight(site_dir, site_dir / "index.html")
    print(f"home page (default language) first visit: {total / 1024:.0f} KB, fonts {fonts} B")
    figures.append(Figure("home page first visit", total / 1024, "KB"))
    return figures


def feedback_bench(root: Path, site: Path) -> list[Figure]:
    """Time 'make feedback' on 100,000 synthetic responses, in a fresh process each run."""
    export = root / "feedback-100k"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "synthetic_feedback.py"), str(export),
         "--rows", "100000", "--data", str(site / "data")],
        check=True, capture_output=True,
    )  # fmt: skip
    times = []
    for run in range(RUNS):
        out = root / f"feedback-out-{run}"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "lmo", "feedback", str(export), "--out", str(out)],
            cwd=site, check=True, capture_output=True,
        )  # fmt: skip
        times.append(time.perf_counter() - start)
    summaries = len(list((root / "feedback-out-0").glob("*.yml")))
    print(
        f"feedback: 100,000 responses -> {summaries} quarterly summaries, median"
        f" {statistics.median(times):.2f} s over {RUNS} runs, including Python start-up and"
        " the data check (goal: under 10 s)"
    )
    return [Figure("feedback, 100,000 responses", statistics.median(times), "s", "< 10")]


def build_bench(root: Path) -> tuple[list[Figure], Path]:
    """Both scenarios and their plain twins; returns the figures and the built example."""
    example = copy_site(root / "example")
    (root / "large").mkdir()
    large = copy_site(root / "large")
    counts = make_large(large)
    print(f"large data set: {counts}")
    print(f"{'scenario':<16}{'pages':>7}{'median s':>10}{'peak MiB':>10}")
    rows: dict[str, Timing] = {}
    ratios: dict[str, PairRatios] = {}
    figures = []
    for name, site in (("example", example), ("large", large)):
        timed_build(site)  # writes the generated pages that the plain copy takes
        plain = plain_copy(site, root / f"plain-{name}")
        ours, theirs, ratios[name] = measure_pair(site, plain)
        # As a build that takes nothing from the last one checks and writes its pages (a
        # fresh clone in CI): lmo.remembered_check turned off.
        print(f"{name}, checked afresh (LMO_CHECK_AFRESH=1):")
        _, _, ratios[f"{name}-afresh"] = measure_pair(
            site, plain, AFRESH_PAIRS, LMO_CHECK_AFRESH="1"
        )
        rows[name], rows[f"plain-{name}"] = ours, theirs
        pages, plain_pages = count_pages(site), count_pages(plain)
        print(f"{name:<16}{pages:>7}{ours.seconds:>10.2f}{ours.memory:>10.0f}")
        print(f"{'plain-' + name:<16}{plain_pages:>7}{theirs.seconds:>10.2f}{theirs.memory:>10.0f}")
        if pages != plain_pages:
            print(f"{name}: the plain build has {plain_pages} pages, ours {pages}: not comparable")
        figures += [
            Figure(f"build {name} ({pages} pages)", ours.seconds, "s"),
            Figure(f"build plain-{name} ({plain_pages} pages)", theirs.seconds, "s"),
            Figure(f"build {name} peak memory", ours.memory, "MiB"),
        ]
    for name in ("example", "large"):
        ours, theirs = rows[name], rows[f"plain-{name}"]
        ratio, cpu_ratio = ratios[name].seconds, ratios[name].processor
        print(
            f"{name}: data pipeline adds {100 * (ratio - 1):.0f}% to plain MkDocs"
            f" ({100 * (cpu_ratio - 1):.0f}% in processor time; goal: at most 30%), the"
            f" median of {PAIRS} back-to-back pairs; median over median:"
            f" {100 * (ours.seconds / theirs.seconds - 1):.0f}%"
        )
        afresh = ratios[f"{name}-afresh"]
        print(
            f"{name}, checked afresh: adds {100 * (afresh.seconds - 1):.0f}%"
            f" ({100 * (afresh.processor - 1):.0f}% in processor time), the median of"
            f" {AFRESH_PAIRS} pairs"
        )
        engine_only = ratios[name].seconds_less_removal
        print(
            f"{name}: against plain builds less their removal of duplicate search entries"
            f" (which ours skips): adds {100 * (engine_only - 1):.0f}%"
            f" ({100 * (ratios[name].processor_less_removal - 1):.0f}% in processor time)"
        )
        figures += [
            Figure(f"build {name}: added to plain MkDocs", 100 * (ratio - 1), "%", "<= 30"),
            Figure(
                f"build {name}: added to plain MkDocs less its duplicate search-entry removal",
                100 * (engine_only - 1),
                "%",
            ),
            Figure(
                f"build {name}: added to plain MkDocs, processor time",
                100 * (cpu_ratio - 1),
                "%",
                "<= 30",
            ),
            Figure(
                f"build {name}, checked afresh (LMO_CHECK_AFRESH=1): added to plain MkDocs",
                100 * (afresh.seconds - 1),
                "%",
            ),
        ]
    scale = rows["large"].seconds / rows["example"].seconds
    print(f"large / example build time: {scale:.1f} times (goal: at most 11)")
    figures.append(Figure("build large / build example", scale, "x", "<= 11"))
    return figures, example


def run(only: str | None = None) -> list[Figure]:
    """Every benchmark (or only ``builds``), printed as it goes; returns all the figures."""
    with tempfile.TemporaryDirectory(prefix="lmo-bench-") as tmp:
        root = Path(tmp)
        figures, example = build_bench(root)
        if only == "builds":
            return figures
        figures += map_weights(example / "site")
        figures += search_weights(example / "site")
        figures += font_weights(example / "site")
        figures += feedback_bench(root, example)
        return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["builds"], help="run only these benchmarks")
    run(parser.parse_args().only)


if __name__ == "__main__":
    main()
