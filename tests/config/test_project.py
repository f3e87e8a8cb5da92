"""Promises about the project itself: the example is valid, docs and exports are current,
the core stays free of MkDocs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml
from sitebuild import REPO, run

from lmo.config.project import read_mkdocs_yml
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
    config = read_mkdocs_yml(REPO / "mkdocs.yml")
    for hook in config["hooks"]:
        assert Path(hook).name in readme, f"{hook} is not described in README.md"
