"""`make bench`: every benchmark in one run, then one table of each figure beside its goal.

Runs, in order: the build benchmarks and page weights (bench.py), the widgets' speed
(bench_care_plan.py) and, unless --skip-tests, the whole test suite once (its wall time is a
figure of its own: goal at most 8 minutes on the 2-core machine). The machine's load average
is printed before and after, because every time here depends on it. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import bench
import bench_care_plan
from bench import Figure

REPO = Path(__file__).resolve().parent.parent
SUITE_GOAL_SECONDS = 8 * 60


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f} (1 / 5 / 15 min, {os.cpu_count()} cores)"


def test_suite() -> list[Figure]:
    """The whole suite as `make test` runs it, in two processes (without the installs and
    lint before it)."""
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "no:cacheprovider"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else "no output"
    print(f"test suite: {seconds:.0f} s, {summary}")
    return [
        Figure("test suite (pytest, every tier)", seconds / 60, "min", "<= 8"),
        Figure("test suite failures", float(run.returncode != 0), "", "0"),
    ]


def meets(figure: Figure) -> str:
    """Whether a figure meets its goal ("<= 8", "< 10", "0"); blank when it has none."""
    found = re.fullmatch(r"\s*(<=|<|=)?\s*([0-9.]+).*", figure.goal)
    if not found:
        return ""
    limit = float(found.group(2))
    operator = found.group(1) or "="
    ok = {
        "<=": figure.value <= limit,
        "<": figure.value < limit,
        "=": figure.value == limit,
    }[operator]
    return "yes" if ok else "NO"


def table(figures: list[Figure]) -> str:
    width = max(len("figure"), *(len(f.name) for f in figures))
    lines = [f"{'figure':<{width}}  {'value':>10}  {'unit':<5}  {'goal':<8}  met"]
    lines.append("-" * len(lines[0]))
    for f in figures:
        value = f"{f.value:,.2f}" if f.value % 1 else f"{f.value:,.0f}"
        lines.append(f"{f.name:<{width}}  {value:>10}  {f.unit:<5}  {f.goal:<8}  {meets(f)}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-tests", action="store_true", help="leave out the test suite")
    args = parser.parse_args()
    before = load()
    print(f"load before: {before}")
    figures = bench.run()
    figures += bench_care_plan.main()
    if not args.skip_tests:
        figures += test_suite()
    print()
    print(table(figures))
    print(f"\nload before: {before}\nload after:  {load()}")


if __name__ == "__main__":
    main()
