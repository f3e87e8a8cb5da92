import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Tests import the small build helpers in tests/sitebuild.py directly.
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tiny fixture site, built once for every test that only reads what it built
    (a test that edits or rebuilds a site makes its own with sitebuild.make_site)."""
    from sitebuild import build, make_site

    folder = make_site(tmp_path_factory.mktemp("tiny-built"))
    result = build(folder)
    assert result.returncode == 0, result.stderr
    yield folder
