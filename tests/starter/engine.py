"""The engine as an LMNS gets it: a wheel built from this repository and installed into a
folder of its own, so a site built with it uses nothing of this checkout. And the second,
fictional area (tests/fixtures/second-area/), copied out as an LMNS keeps its own folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.sitebuild import REPO, run

SECOND_AREA = REPO / "tests" / "fixtures" / "second-area"


def engine_source(tmp: Path) -> Path:
    """This checkout's files (committed or not, but not git-ignored) copied into ``tmp``:
    setuptools writes its build/ folder beside the source, and this repository's own folder
    must stay as it was."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    source = tmp / "engine-source"
    for name in filter(None, listed.split("\0")):
        path = REPO / name
        if name.startswith("build/") or not path.is_file():
            continue
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return source


def install_engine(tmp: Path) -> Path:
    """`pip wheel --no-deps .` of this checkout, then `pip install --target` of that wheel;
    returns the folder to put on PYTHONPATH. Fails the test with pip's own words if either
    step fails."""
    wheels = tmp / "wheels"
    made = run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), "."],
        engine_source(tmp),
    )
    assert made.returncode == 0, made.stderr
    installed = tmp / "installed"
    wheel = next(wheels.glob("*.whl"))
    added = run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(installed),
            str(wheel),
        ],
        tmp,
    )
    assert added.returncode == 0, added.stderr
    return installed


def copy_second_area(tmp: Path) -> Path:
    """The second area in its own folder, with the front-end files `npm ci` would put there."""
    folder = tmp / "fenmarsh"
    shutil.copytree(SECOND_AREA, folder)
    (folder / "node_modules").symlink_to(REPO / "node_modules")
    return folder


def engine_files_state() -> str:
    """What git sees changed in this repository, to show a build touched none of it."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return status.stdout
