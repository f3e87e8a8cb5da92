"""A standard library for the widgets' Pyodide holding only what they and Pyodide import.

Pyodide's python_stdlib.zip is 2.4 MB, already deflated, so it was almost half of what a
widget's first use downloads; the widgets import a handful of modules (json, re, html,
dataclasses, ...). The trimmed zip keeps every module reachable by import statements from
Pyodide's own bootstrap (BOOTSTRAP) and from the widgets' packages, following imports at
any depth, inside functions and ``try`` blocks too, so a module imported only on an error
path is kept. The worker passes it to ``loadPyodide({stdLibURL})``.

Imports are found by reading lines, not by parsing: the build may run on an older Python
than Pyodide's (3.11 cannot parse 3.13's ``class X[T]``). Reading lines over-approximates
(a docstring line "import x" keeps x), which costs bytes, never a missing module. Imports
by computed name (importlib.import_module(name)) are invisible to both: codecs are the one
kind the library looks up that way, so every codec whose name (or alias) appears as a
string in a kept module is kept too (zipfile decodes names as "cp437", for instance), with
a few common ones named in BOOTSTRAP.

The trimmed library is then compiled to bytecode inside Pyodide under Node.js
(assets/compile_stdlib.js): Python starts by importing about 180 modules, and compiling
their source was most of its start in a browser. Without Node.js the source is shipped, and
the build says so.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Collection, Iterable
from pathlib import Path

from lmo.core.files import write_atomically
from lmo.delivery.build_cache import BuildCache
from lmo.delivery.widget_wheel import ZIP_EPOCH

STDLIB_NAME = "python_stdlib.zip"

# What Pyodide 0.29 imports from the zip before any widget code runs (its bootstrap, the
# site module and the codecs machinery), found by listing sys.modules after loadPyodide
# under Node. Their own imports are followed from here.
BOOTSTRAP: tuple[str, ...] = (
    "_pyodide",
    "pyodide",
    "pyodide.code",
    "pyodide.ffi",
    "pyodide.webloop",
    "pyodide._package_loader",
    "site",
    "_sitebuiltins",
    "_colorize",
    "zipimport",
    "encodings",
    # Looked up by name by encodings.search_function: the codecs a page or a wheel's text
    # can come in.
    "encodings.aliases",
    "encodings.utf_8",
    "encodings.utf_8_sig",
    "encodings.ascii",
    "encodings.latin_1",
    "encodings.cp1252",
    "encodings.idna",
    "encodings.utf_16",
    "encodings.utf_32",
    "encodings.raw_unicode_escape",
    "encodings.unicode_escape",
)

# Pyodide's own packages, small, kept whole: they import some of their modules from C.
WHOLE_PACKAGES: tuple[str, ...] = ("_pyodide/", "pyodide/")
# Never followed from the library's own imports (a widget importing one still gets it):
# interactive and developer tools, reached only from help(), the REPL, a debugger or a test
# runner, and what needs processes or a listening socket, which a browser tab cannot have.
NOT_FOLLOWED: frozenset[str] = frozenset(
    {
        "_pyrepl",
        "pydoc",
        "pydoc_data",
        "pdb",
        "bdb",
        "doctest",
        "unittest",
        "idlelib",
        "tkinter",
        "turtle",
        "ensurepip",
        "venv",
        "multiprocessing",
        "concurrent.futures.process",
        "http.server",
        "socketserver",
        "xmlrpc",
        "wsgiref",
    }
)

# Files read by path, not imported: the build's sysconfig data, and the marker files
# Python looks for beside the library.
_ALWAYS = re.compile(r"^(_sysconfigdata_[^/]*\.py|[^/]*\.(txt|ini|typed))$")
_STRING = re.compile(r"""['"]([A-Za-z][\w-]{1,30})['"]""")
_IMPORT = re.compile(r"^\s*import\s+([\w., ]+?)\s*(?:#.*)?$")
_FROM = re.compile(r"^\s*from\s+(\.*)([\w.]*)\s+import\s+\(?\s*([\w., ]*)")


def imports_in(source: str, module: str, is_package: bool) -> set[str]:
    """The absolute names a module's source may import, with every parent package."""
    found: set[str] = set()
    # What runs only as a script (a module's self-test) is never imported by anything.
    source = re.split(r"^if __name__ == [\"']__main__[\"']:", source, flags=re.MULTILINE)[0]
    # A parenthesised list of names runs over several lines: join it into one.
    joined = re.sub(
        r"import\s*\(([^)]*)\)", lambda m: "import " + " ".join(m.group(1).split()), source
    )
    for line in joined.splitlines():
        if match := _IMPORT.match(line):
            found.update(part.split(" as ")[0].strip() for part in match.group(1).split(","))
        elif match := _FROM.match(line):
            dots, name, names = match.groups()
            if dots:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (len(dots) - 1)]
                name = ".".join([*base, *([name] if name else [])])
            found.add(name)
            found.update(f"{name}.{part.split(' as ')[0].strip()}" for part in names.split(","))
    with_parents: set[str] = set()
    for name in found:
        parts = [part for part in name.split(".") if part]
        with_parents.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return with_parents


def _module_path(names: set[str], module: str) -> str | None:
    stem = module.replace(".", "/")
    for candidate in (f"{stem}/__init__.py", f"{stem}.py"):
        if candidate in names:
            return candidate
    return None


def _not_followed(module: str) -> bool:
    parts = module.split(".")
    return any(".".join(parts[: i + 1]) in NOT_FOLLOWED for i in range(len(parts)))


def needed_files(archive: zipfile.ZipFile, roots: Collection[str]) -> list[str]:
    """The archive's files that the modules ``roots`` can reach by import, sorted."""
    names = set(archive.namelist())
    files = {
        name
        for name in names
        if _ALWAYS.match(name) or (name.startswith(WHOLE_PACKAGES) and not name.endswith("/"))
    }
    todo = list(roots)
    seen: set[str] = set()
    while todo:
        module = todo.pop()
        if module in seen or (module not in roots and _not_followed(module)):
            continue
        seen.add(module)
        path = _module_path(names, module)
        if path is None:
            continue  # built into the runtime, or not part of this library
        files.add(path)
        source = archive.read(path).decode("utf-8", errors="replace")
        todo.extend(imports_in(source, module, path.endswith("/__init__.py")))
        todo.extend(".".join(module.split(".")[:i]) for i in range(1, module.count(".") + 1))
    return sorted(files | _named_codecs(archive, files))


def _named_codecs(archive: zipfile.ZipFile, files: set[str]) -> set[str]:
    names = set(archive.namelist())
    aliases_file = archive.read("encodings/aliases.py").decode("utf-8")
    aliases = dict(re.findall(r"^\s*'(\w+)'\s*:\s*'(\w+)'", aliases_file, re.MULTILINE))
    codecs = set()
    # Not the codecs' own files: the alias table names every codec there is.
    for path in sorted(p for p in files if not p.startswith("encodings/")):
        for literal in _STRING.findall(archive.read(path).decode("utf-8", errors="replace")):
            key = literal.lower().replace("-", "_")
            codec = f"encodings/{aliases.get(key, key)}.py"
            if codec in names:
                codecs.add(codec)
    return codecs


def widget_imports(package_dir: Path) -> set[str]:
    """What a widget's package imports (its own modules are not in the library: harmless)."""
    found: set[str] = set()
    for path in sorted(package_dir.rglob("*.py")):
        module = ".".join(path.relative_to(package_dir.parent).with_suffix("").parts)
        found |= imports_in(path.read_text(encoding="utf-8"), module, path.name == "__init__.py")
    return found


def trimmed_stdlib(full: Path, roots: Iterable[str]) -> bytes:
    """A deterministic zip of the files of ``full`` that ``roots`` and BOOTSTRAP need.

    Deflated like Pyodide's own (.zip is not among the files the build pre-compresses),
    with fixed timestamps so the bytes change only with the library or the imports.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(full) as source, zipfile.ZipFile(buffer, "w") as target:
        for name in needed_files(source, [*BOOTSTRAP, *roots]):
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = (0o100644 & 0xFFFF) << 16
            target.writestr(info, source.read(name), compresslevel=9)
    return buffer.getvalue()


COMPILER = Path(__file__).resolve().parent / "assets" / "compile_stdlib.js"
log = logging.getLogger("mkdocs.plugins.lmo.pyodide_stdlib")


def compiled_stdlib(source: bytes, pyodide_dir: Path) -> bytes | None:
    """``source`` (a trimmed library) with each module compiled to bytecode by the Pyodide in
    ``pyodide_dir``, or None (with the reason logged) where Node.js is missing or fails."""
    node = shutil.which("node")
    if node is None:
        log.warning(
            "Node.js not found: the widgets' standard library is shipped as source, and Python"
            " starts about a second later in her browser (install Node.js, which npm needs too)"
        )
        return None
    with tempfile.TemporaryDirectory(prefix="lmo-stdlib-") as folder:
        given, made = Path(folder) / "in.zip", Path(folder) / "out.zip"
        given.write_bytes(source)
        try:
            result = subprocess.run(
                [node, str(COMPILER), str(pyodide_dir), str(given), str(made)],
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            result = subprocess.CompletedProcess([], 1, "", str(error))
        if result.returncode != 0 or not made.is_file():
            log.warning(
                "the widgets' standard library could not be compiled, so it is shipped as"
                " source and Python starts about a second later: %s",
                result.stderr.strip()[-500:],
            )
            return None
        return made.read_bytes()


def _trimmed_stdlib_cached(full: Path, roots: list[str], cache: BuildCache) -> bytes:
    """The trimmed library, compiled where Node.js can, kept between builds
    (lmo.delivery.build_cache): trimming took 0.4 s of every build and compiling about 3 s,
    and the result changes only with Pyodide, the widgets' imports or this code. A library
    that could not be compiled is not kept, so the next build tries again."""
    key = hashlib.sha256()
    for part in (
        full.read_bytes(),
        (full.parent / "pyodide.asm.wasm").read_bytes(),
        "\n".join(roots).encode(),
        Path(__file__).read_bytes(),
        COMPILER.read_bytes(),
    ):
        key.update(hashlib.sha256(part).digest())
    name = f"{key.hexdigest()}.stdlib.zip"
    kept = cache.get(name)
    if kept is not None:
        return kept
    source = trimmed_stdlib(full, roots)
    compiled = compiled_stdlib(source, full.parent)
    if compiled is None:
        return source
    cache.put(name, compiled)
    return compiled


def write_trimmed_stdlib(
    full: Path, roots: Iterable[str], target: Path, cache: Path | None = None
) -> Path:
    """Write the trimmed library to ``target`` when its bytes differ (mtimes stay put).
    ``cache``: where it is kept between builds (a private temporary folder unless given)."""
    kept = BuildCache.named("pyodide-stdlib") if cache is None else BuildCache(cache)
    content = _trimmed_stdlib_cached(full, sorted(set(roots)), kept)
    kept.prune()
    if not (target.is_file() and target.read_bytes() == content):
        write_atomically(target, content)
    return target
