"""Benchmarks: build times, peak memory and the data pipeline's cost over plain MkDocs.

Prints numbers; asserts nothing (tests never assert wall-clock times).

Scenarios, each built three times (the median is reported):
- example: the repository's example site;
- large: the example multiplied to about 70 hubs, 40 birth settings and 500 services;
- plain-*: the same Markdown pages as each scenario, built by MkDocs without our hooks, so
  the ratio shows what the data pipeline (checking, rendering, page chrome) adds;
- feedback: 'make feedback' over a synthetic export of 100,000 responses (60,000 in a Google
  Forms CSV, 40,000 in a Microsoft Forms workbook), from reading to written summaries
  (goal: under 10 s). Each run is a whole `python -m lmo feedback` process, so the time
  includes Python start-up and the check of data/; making the export is not timed.
"""

from __future__ import annotations

import copy
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from lmo.config.project import read_mkdocs_yml

REPO = Path(__file__).resolve().parent.parent
RUNS = 3


def timed_build(site: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one `mkdocs build` in its own process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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
    return elapsed, usage.ru_maxrss / 1024


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
    """The built site's Markdown pages, as plain pages for MkDocs without our hooks."""
    shutil.copytree(built / "content", target / "content")
    config = read_mkdocs_yml(built / "mkdocs.yml")
    config.pop("hooks", None)
    config.pop("nav", None)
    config["theme"].pop("custom_dir", None)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


def measure_pair(site: Path, plain: Path) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median seconds and peak MiB of both builds, runs interleaved so that drift in the
    machine's speed affects both alike. One untimed build of each warms caches first."""
    timed_build(site)
    timed_build(plain)
    ours, theirs = [], []
    for _ in range(RUNS):
        ours.append(timed_build(site))
        theirs.append(timed_build(plain))

    def summary(results: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(r[0] for r in results), max(r[1] for r in results)

    return summary(ours), summary(theirs)


def count_pages(site: Path) -> int:
    return sum(1 for _ in (site / "site").rglob("index.html"))


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def map_weights(site_dir: Path) -> None:
    """What a map adds to a page, compressed: Leaflet's files plus the page's map parts
    (the map container, legend and drawing script; the list of places stays, it is the
    page's content with or without a map). Goal: at most 60 KB."""
    from bs4 import BeautifulSoup

    leaflet = site_dir / "assets" / "vendor" / "leaflet"
    library = gz((leaflet / "leaflet.js").read_bytes()) + gz((leaflet / "leaflet.css").read_bytes())
    library += gz((site_dir / "assets" / "map-groups.js").read_bytes())
    print(f"leaflet.js + leaflet.css + map-groups.js, gzip: {library / 1024:.1f} KB")
    # Each map's drawing script is a file of its own (maps/...js), loaded by the page.
    pages = [p for p in site_dir.rglob("index.html") if b"app-map__canvas" in p.read_bytes()]
    added = []
    for path in pages:
        html = path.read_bytes()
        soup = BeautifulSoup(html, "html.parser")
        drawing = 0
        for script in soup.select("script[src*='maps/']"):
            drawing += gz((path.parent / str(script["src"])).resolve().read_bytes())
        for element in soup.select(
            ".app-map, script[src*=leaflet], link[href*=leaflet], script[src*='maps/'],"
            " script[src*=map-groups]"
        ):
            element.decompose()
        added.append((gz(html) - gz(str(soup).encode()) + library + drawing, path))
    added.sort(key=lambda a: a[0])
    heaviest, where = added[-1]
    median = statistics.median(a for a, _ in added)
    print(
        f"map pages: {len(pages)}; added per page, gzip: median {median / 1024:.1f} KB,"
        f" heaviest {heaviest / 1024:.1f} KB ({where.relative_to(site_dir).parent}/)"
        " (goal: at most 60 KB)"
    )
    print(
        "pages without a map load no map code:",
        not any(
            b"vendor/leaflet" in p.read_bytes()
            for p in site_dir.rglob("index.html")
            if b"app-map__canvas" not in p.read_bytes()
        ),
    )


def search_weights(site_dir: Path) -> None:
    """What the theme's search fetches on a first visit: its language's index (one per
    language, lmo/delivery/search_split.py), as built and as brotli sends it."""
    for index in sorted(site_dir.rglob("search/search_index.json")):
        # The build writes the .br copy beside every JSON file (lmo/delivery/compress.py).
        compressed = index.with_name(index.name + ".br").stat().st_size
        print(
            f"search index {index.relative_to(site_dir)}: {index.stat().st_size / 1024:.0f} KB,"
            f" brotli {compressed / 1024:.0f} KB"
        )


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


def font_weights(site_dir: Path) -> None:
    """What each language's own font adds to its pages (lmo/site/fonts.py), and the whole
    first-visit weight of its home page; languages without one load no font."""
    for sheet in sorted((site_dir / "assets" / "vendor" / "fonts").glob("*.css")):
        lang = sheet.stem
        total, fonts = page_weight(site_dir, site_dir / lang / "index.html")
        print(
            f"{lang}/ first visit: {total / 1024:.0f} KB as sent, of which its font"
            f" {fonts / 1024:.0f} KB (stylesheet and woff2)"
        )
    total, fonts = page_weight(site_dir, site_dir / "index.html")
    print(f"home page (default language) first visit: {total / 1024:.0f} KB, fonts {fonts} B")


def feedback_bench(root: Path, site: Path) -> None:
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


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="lmo-bench-") as tmp:
        root = Path(tmp)
        example = copy_site(root / "example")
        (root / "large").mkdir()
        large = copy_site(root / "large")
        counts = make_large(large)
        print(f"large data set: {counts}")
        print(f"{'scenario':<16}{'pages':>7}{'median s':>10}{'peak MiB':>10}")
        rows = {}
        for name, site in (("example", example), ("large", large)):
            timed_build(site)  # writes the generated pages that the plain copy takes
            plain = plain_copy(site, root / f"plain-{name}")
            (seconds, memory), (p_seconds, p_memory) = measure_pair(site, plain)
            rows[name], rows[f"plain-{name}"] = seconds, p_seconds
            print(f"{name:<16}{count_pages(site):>7}{seconds:>10.2f}{memory:>10.0f}")
            plain_pages = count_pages(plain)
            print(f"{'plain-' + name:<16}{plain_pages:>7}{p_seconds:>10.2f}{p_memory:>10.0f}")
        map_weights(example / "site")
        search_weights(example / "site")
        font_weights(example / "site")
        feedback_bench(root, example)
        for name in ("example", "large"):
            ratio = rows[name] / rows[f"plain-{name}"]
            print(
                f"{name}: data pipeline adds {100 * (ratio - 1):.0f}% to plain MkDocs"
                f" (goal: at most 30%)"
            )


if __name__ == "__main__":
    main()
