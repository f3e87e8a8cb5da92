"""The widgets' Pyodide runtime: the copied files, reproducible wheels, and the Node test runner."""

from __future__ import annotations

import base64
import csv
import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from sitebuild import REPO

from lmo.delivery import pyodide_runtime
from lmo.delivery.pyodide_runtime import (
    RUNTIME_FILES,
    PyodideRuntimeMissing,
    copy_runtime,
    runtime_dir,
)
from lmo.delivery.widget_wheel import build_wheel

RUNNER = REPO / "tests" / "pyodide" / "run_widget_tests.mjs"

CORE = '''"""A throwaway widget core: weeks of pregnancy from days."""

from demo.weeks import whole_weeks

__all__ = ["whole_weeks"]
'''
WEEKS = "def whole_weeks(days: int) -> int:\n    return days // 7\n"
PASSING_TESTS = """from demo import whole_weeks


def test_two_weeks():
    assert whole_weeks(14) == 2


def test_rounds_down():
    assert whole_weeks(13) == 1
"""
FAILING_TESTS = """from demo import whole_weeks


def test_two_weeks():
    assert whole_weeks(14) == 2


def test_wrong_on_purpose():
    assert whole_weeks(14) == 3, "14 days is not 3 weeks"
"""


@pytest.fixture(scope="module")
def pyodide_installed() -> Path:
    # Not a skip: make test runs npm ci first, so a missing runtime is a real failure.
    if not (runtime_dir(REPO) / "package.json").is_file():
        pytest.fail("node_modules/pyodide is missing: run `npm ci` (make test does it for you)")
    return runtime_dir(REPO)


def make_widget(root: Path, tests: str) -> Path:
    """widgets/demo with a package, a stray bytecode cache and hidden file, and its tests."""
    widget = root / "widgets" / "demo"
    (widget / "demo" / "__pycache__").mkdir(parents=True)
    (widget / "tests").mkdir()
    (widget / "demo" / "__init__.py").write_text(CORE)
    (widget / "demo" / "weeks.py").write_text(WEEKS)
    (widget / "demo" / "labels.json").write_text('{"weeks": "weeks"}\n')
    (widget / "demo" / "__pycache__" / "weeks.cpython-311.pyc").write_bytes(b"\x00stale")
    (widget / "demo" / ".DS_Store").write_bytes(b"\x00")
    (widget / "tests" / "test_demo.py").write_text(tests)
    return widget


def record_hash(content: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=")
    return "sha256=" + digest.decode()


def test_wheel_is_byte_identical_and_complete(tmp_path: Path) -> None:
    first = make_widget(tmp_path / "one", PASSING_TESTS)
    second = make_widget(tmp_path / "two", PASSING_TESTS)
    # What differs between two checkouts on two machines: mtimes and permission bits.
    os.utime(second / "demo" / "weeks.py", (1_900_000_000, 1_900_000_000))
    (second / "demo" / "weeks.py").chmod(0o755)

    wheel_one = build_wheel(first, "demo", "lmo-demo", "1.0", tmp_path / "out-one")
    wheel_two = build_wheel(second, "demo", "lmo-demo", "1.0", tmp_path / "out-two")

    assert wheel_one.name == wheel_two.name == "lmo_demo-1.0-py3-none-any.whl"
    assert wheel_one.read_bytes() == wheel_two.read_bytes()
    with zipfile.ZipFile(wheel_one) as archive:
        names = archive.namelist()
        assert names == [
            "demo/__init__.py",
            "demo/labels.json",
            "demo/weeks.py",
            "lmo_demo-1.0.dist-info/METADATA",
            "lmo_demo-1.0.dist-info/WHEEL",
            "lmo_demo-1.0.dist-info/RECORD",
        ]
        for info in archive.infolist():
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644
        wheel_file = archive.read("lmo_demo-1.0.dist-info/WHEEL").decode()
        assert "Root-Is-Purelib: true\n" in wheel_file
        assert "Tag: py3-none-any\n" in wheel_file
        metadata = archive.read("lmo_demo-1.0.dist-info/METADATA").decode()
        assert "Name: lmo-demo\n" in metadata
        assert "Version: 1.0\n" in metadata
        record = archive.read("lmo_demo-1.0.dist-info/RECORD").decode()
        rows = list(csv.reader(record.splitlines()))
        assert [row[0] for row in rows] == names
        assert rows[-1] == ["lmo_demo-1.0.dist-info/RECORD", "", ""]
        for name, digest, size in rows[:-1]:
            content = archive.read(name)
            assert digest == record_hash(content), name
            assert int(size) == len(content), name


def test_wheel_is_not_rewritten_when_unchanged(tmp_path: Path) -> None:
    widget = make_widget(tmp_path, PASSING_TESTS)
    wheel = build_wheel(widget, "demo", "lmo-demo", "1.0", tmp_path / "out")
    os.utime(wheel, ns=(1_000_000_000, 1_000_000_000))
    assert build_wheel(widget, "demo", "lmo-demo", "1.0", tmp_path / "out") == wheel
    assert wheel.stat().st_mtime_ns == 1_000_000_000


def test_copy_runtime_copies_exactly_the_runtime_files(
    pyodide_installed: Path, tmp_path: Path
) -> None:
    target = tmp_path / "assets" / "pyodide"
    copied = copy_runtime(REPO, target)

    assert copied == [target / name for name in RUNTIME_FILES]
    assert sorted(path.name for path in target.iterdir()) == sorted(RUNTIME_FILES)
    for name in ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm"):
        assert (target / name).read_bytes() == (pyodide_installed / name).read_bytes()
    # The lock keeps the ABI the runtime checks it against, and lists no package.
    lock = json.loads((target / "pyodide-lock.json").read_text())
    full_lock = json.loads((pyodide_installed / "pyodide-lock.json").read_text())
    assert lock == {"info": full_lock["info"], "packages": {}}
    # The standard library keeps Pyodide's bootstrap and what it imports, and drops what
    # nothing imports (the test runner, the debugger), so it holds far fewer modules; each
    # is compiled (lmo.delivery.pyodide_stdlib), so none is left as source.
    with zipfile.ZipFile(target / "python_stdlib.zip") as trimmed:
        kept = {name.removesuffix(".pyc") for name in trimmed.namelist()}
    with zipfile.ZipFile(pyodide_installed / "python_stdlib.zip") as whole:
        modules = {name.removesuffix(".py") for name in whole.namelist() if name.endswith(".py")}
    assert {"_pyodide/_base", "pyodide/ffi/__init__", "encodings/utf_8"} <= kept
    assert {"doctest", "unittest/__init__", "pdb"}.isdisjoint(kept)
    assert not [name for name in kept if name.endswith(".py")]
    assert len(kept & modules) < len(modules) * 0.6

    # A second copy of unchanged files leaves them alone, so live reload stays quiet.
    for path in copied:
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    copy_runtime(REPO, target)
    assert {path.stat().st_mtime_ns for path in copied} == {1_000_000_000}


def test_copy_runtime_without_node_modules_says_to_run_npm_ci(tmp_path: Path) -> None:
    with pytest.raises(PyodideRuntimeMissing, match="run 'npm ci'") as caught:
        copy_runtime(tmp_path, tmp_path / "out")
    assert "pyodide.asm.wasm" in str(caught.value)
    assert not (tmp_path / "out").exists()


def test_installed_version_is_the_pinned_one(pyodide_installed: Path) -> None:
    pinned = json.loads((REPO / "package.json").read_text())["devDependencies"]["pyodide"]
    assert pinned == pyodide_runtime.PYODIDE_VERSION


def run_in_pyodide(widget: Path, out: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not on PATH: install Node.js 20 (the project's Node version)")
    wheel = build_wheel(widget, "demo", "lmo-demo", "1.0", out)
    return subprocess.run(
        [node, str(RUNNER), str(wheel), str(widget / "tests" / "test_demo.py")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.build  # runs a program, or takes many seconds
def test_node_runner_passes_a_passing_widget(pyodide_installed: Path, tmp_path: Path) -> None:
    result = run_in_pyodide(make_widget(tmp_path, PASSING_TESTS), tmp_path / "out")

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["PASS test_demo.py::test_two_weeks", "PASS test_demo.py::test_rounds_down"]
    assert lines[-1].startswith("2 passed, 0 failed in Pyodide ")
    assert "(Python 3." in lines[-1]


@pytest.mark.build  # runs a program, or takes many seconds
def test_node_runner_fails_a_failing_widget(pyodide_installed: Path, tmp_path: Path) -> None:
    result = run_in_pyodide(make_widget(tmp_path, FAILING_TESTS), tmp_path / "out")

    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "PASS test_demo.py::test_two_weeks"
    assert lines[1].startswith("FAIL test_demo.py::test_wrong_on_purpose: AssertionError(")
    assert "14 days is not 3 weeks" in lines[1]
    assert "assert whole_weeks(14) == 3" in result.stdout  # the traceback
    assert lines[-1].startswith("1 passed, 1 failed in Pyodide ")
