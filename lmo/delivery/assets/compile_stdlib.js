// Compiles the widgets' trimmed standard library to bytecode, inside Pyodide itself (its
// Python is 3.13; the build's may be another version, whose bytecode Pyodide cannot read).
// In a browser, Python then imports the library's 180 start-up modules without compiling
// their source first: in Node that took Pyodide's start from 1.0 s to 0.25 s.
//
//   node compile_stdlib.js PYODIDE_DIR IN.zip OUT.zip
//
// Run by lmo/delivery/pyodide_stdlib.py, which keeps the result between builds. Each .py
// becomes a .pyc (unchecked hash-based, so no source is needed beside it); entries are
// stored uncompressed, in name order, with fixed times: the server's brotli copy is smaller
// than a deflated zip, and zipimport need not inflate anything.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const COMPILE = `
import importlib.util, marshal, zipfile
with zipfile.ZipFile("/tmp/in.zip") as source, zipfile.ZipFile("/tmp/out.zip", "w") as target:
    for info in sorted(source.infolist(), key=lambda entry: entry.filename):
        name, data = info.filename, source.read(info.filename)
        if name.endswith(".py"):
            code = compile(data, name, "exec", dont_inherit=True)
            data = (importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little")
                    + importlib.util.source_hash(data) + marshal.dumps(code))
            name = name[:-3] + ".pyc"
        entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        entry.create_system = 3
        entry.external_attr = info.external_attr
        target.writestr(entry, data)
`;

async function main() {
  const [pyodideDir, input, output] = process.argv.slice(2);
  if (!output) throw new Error("usage: node compile_stdlib.js PYODIDE_DIR IN.zip OUT.zip");
  const { loadPyodide } = require(path.join(path.resolve(pyodideDir), "pyodide.js"));
  const pyodide = await loadPyodide({ indexURL: path.resolve(pyodideDir) + path.sep });
  pyodide.FS.writeFile("/tmp/in.zip", new Uint8Array(fs.readFileSync(input)));
  pyodide.runPython(COMPILE);
  fs.writeFileSync(output, pyodide.FS.readFile("/tmp/out.zip"));
}

main().catch((error) => {
  // The message alone: an error from inside pyodide.asm.js would print megabytes of source.
  console.error(String((error && error.message) || error));
  process.exit(1);
});
