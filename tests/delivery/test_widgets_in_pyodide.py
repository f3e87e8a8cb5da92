"""Each widget's own tests, run a second time inside real Pyodide under Node.js, from the
same wheel the site serves: what passes under CPython must pass where it runs."""

from __future__ import annotations

import ast
import shutil
import subprocess
from pathlib import Path

import pytest
from sitebuild import REPO

from lmo.delivery.pyodide_stdlib import widget_imports, write_trimmed_stdlib
from lmo.delivery.widget_wheel import build_wheel
from lmo.features import discover
from lmo.site.widget_paths import Widget

WIDGETS = [f.widget for f in discover() if f.widget is not None]

RUNNER = REPO / "tests" / "pyodide" / "run_widget_tests.mjs"


def portable_test_names(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")
    ]


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda w: w.package)
def test_the_widget_tests_pass_inside_pyodide(widget: Widget, tmp_path: Path) -> None:
    source = REPO / "widgets" / widget.package
    tests = sorted((source / "tests").glob("test_*.py"))
    assert tests, f"widgets/{widget.package}/tests has no tests"
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules" / "pyodide").is_dir():
        pytest.fail("needs Node.js and node_modules/pyodide: run `make test` (it runs npm ci)")
    wheel = build_wheel(source, widget.package, widget.package, widget.version, tmp_path)
    # The standard library the site serves to this widget alone, trimmed to its imports.
    stdlib = write_trimmed_stdlib(
        REPO / "node_modules" / "pyodide" / "python_stdlib.zip",
        widget_imports(source / widget.package),
        tmp_path / "python_stdlib.zip",
    )
    result = subprocess.run(
        [node, str(RUNNER), "--stdlib", str(stdlib), str(wheel), *map(str, tests)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    expected = [f"PASS {path.name}::{name}" for path in tests for name in portable_test_names(path)]
    passed = [line for line in result.stdout.splitlines() if line.startswith("PASS ")]
    assert passed == expected, "every test that runs under CPython ran in Pyodide too"
    assert f"{len(expected)} passed, 0 failed in Pyodide" in result.stdout
