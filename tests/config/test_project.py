"""Promises about the project itself: the example is valid, docs and exports are current,
the core stays free of MkDocs."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import yaml
from sitebuild import REPO, run

from lmo.schema_export import json_schemas, reference_markdown


def test_example_data_and_content_pass_check() -> None:
    result = run([sys.executable, "-m", "lmo", "check"], REPO, LMO_TODAY="2026-11-23")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().endswith("check ok: 0 errors, 0 warnings")


def test_committed_schemas_and_field_reference_are_current() -> None:
    for name, schema in json_schemas().items():
        committed = yaml.safe_load((REPO / "schemas" / name).read_text(encoding="utf-8"))
        assert committed == schema, f"schemas/{name} is out of date: run `make schemas`"
    reference = (REPO / "docs" / "data-reference.md").read_text(encoding="utf-8")
    assert reference == reference_markdown(), "docs/data-reference.md: run `make schemas`"


def test_every_data_file_points_editors_at_its_schema() -> None:
    for path in sorted((REPO / "data").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        expected = f"# yaml-language-server: $schema=../schemas/{path.stem}.schema.json"
        assert first == expected, path.name
        assert (REPO / "schemas" / f"{path.stem}.schema.json").exists()
    for path in sorted((REPO / "data" / "translations").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../schemas/translations.schema.json"


def test_core_does_not_import_mkdocs() -> None:
    modules = sorted(p.stem for p in (REPO / "lmo").glob("*.py") if p.stem != "__main__")
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module('lmo.' + m)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('mkdocs', 'material')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_readme_opens_with_the_two_set_up_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make serve", "make test"]
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_every_make_target_and_hook_is_documented() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = re.findall(r"^([a-z-]+):.*## ", makefile, flags=re.M)
    undocumented = [
        t for t in targets if f"make {t}" not in readme and t not in ("help", "clean", "chromium")
    ]
    assert undocumented == []
    # Every adapter module (one job each) is described, and every event the plugin handles.
    for module in sorted((REPO / "hooks").glob("*.py")):
        if module.name not in ("__init__.py", "plugin.py"):
            assert module.name in readme, f"hooks/{module.name} is not described in README.md"
    plugin = (REPO / "hooks" / "plugin.py").read_text(encoding="utf-8")
    for event in re.findall(r"def (on_[a-z_]+)\(", plugin):
        assert f"`{event}`" in readme, f"{event} is not described in README.md"


def test_every_package_is_installed() -> None:
    """The wheel lists its packages by name (two live outside lmo/): one left out would be
    missing from an LMNS's installed engine, though every test here passes."""
    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(path.parent.relative_to(REPO).parts)
        for path in (REPO / "lmo").rglob("__init__.py")
    }
    assert found <= listed, f"add to pyproject.toml [tool.setuptools] packages: {found - listed}"
    assert {"lmo_mkdocs", "careplan", "birthplace"} <= listed
