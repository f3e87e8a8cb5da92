// Runs a widget's portable tests inside Pyodide, on the same wheel the browser gets.
//
//   node tests/pyodide/run_widget_tests.mjs [--stdlib <zip>] <wheel> <test_file.py> [...]
//
// With --stdlib, Python's standard library is that zip instead of Pyodide's full one: the
// trimmed library the site serves (lmo/delivery/pyodide_stdlib.py), so a module the widget
// needs and the trimming left out fails a test here.
// The test files are plain Python: functions named test_* that take no arguments and use
// plain assert, so the same files run under pytest on CPython. Prints one line per test
// (PASS name / FAIL name: error, then the traceback indented) and a summary line; exits 1
// when any test failed or none ran, 2 when it could not start.
//
// Pyodide is loaded from node_modules/pyodide only. Any attempt to fetch over the network
// (Pyodide falls back to a CDN for packages it cannot find locally) fails the run, so a
// passing run proves the widget needs nothing beyond the self-hosted runtime.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const USAGE =
  "usage: node tests/pyodide/run_widget_tests.mjs [--stdlib <zip>] <wheel> <test_file.py> [...]";

function die(message) {
  console.error(message);
  process.exit(2);
}

const argv = process.argv.slice(2);
let stdLibURL;
if (argv[0] === "--stdlib") {
  stdLibURL = argv[1];
  argv.splice(0, 2);
  if (!stdLibURL) die(USAGE);
}
const [wheelPath, ...testPaths] = argv;
if (!wheelPath || testPaths.length === 0) die(USAGE);
if (!wheelPath.endsWith(".whl")) die(`not a wheel: ${wheelPath}\n${USAGE}`);

const networkAttempts = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (resource, init) => {
  const url = String(resource instanceof Request ? resource.url : resource);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith("file:")) {
    networkAttempts.push(url);
    throw new Error(`network access refused in widget tests: ${url}`);
  }
  return realFetch(resource, init);
};

const require = createRequire(import.meta.url);
let indexURL;
try {
  indexURL = path.dirname(require.resolve("pyodide/package.json")) + path.sep;
} catch {
  die("node_modules/pyodide is missing: run 'npm ci' (make test does it for you)");
}
// Imported only now, so that a missing package gets the message above, not a stack trace.
const { loadPyodide } = await import("pyodide");

let wheel;
const tests = [];
try {
  // Pyodide takes typed arrays but rejects Node's Buffer subclass.
  wheel = new Uint8Array(readFileSync(wheelPath));
  for (const testPath of testPaths) {
    tests.push({ name: path.basename(testPath), source: readFileSync(testPath, "utf8") });
  }
} catch (error) {
  die(String(error.message));
}

// An error thrown from inside pyodide.asm.js makes Node print the minified source line,
// megabytes of it; print the message alone.
function failToStart(what, error) {
  die(`${what}: ${error?.message ?? error}`);
}

const started = performance.now();
let pyodide;
try {
  pyodide = await loadPyodide({
    indexURL,
    // Package files are looked up next to the runtime, never on the CDN.
    packageBaseUrl: indexURL,
    ...(stdLibURL ? { stdLibURL: path.resolve(stdLibURL) } : {}),
    stdout: (line) => console.log(line),
    stderr: (line) => console.error(line),
  });
} catch (error) {
  failToStart("could not load Pyodide", error);
}
const loadSeconds = (performance.now() - started) / 1000;

try {
  pyodide.unpackArchive(wheel, "wheel");
} catch (error) {
  failToStart(`could not unpack ${wheelPath}`, error);
}

// Each file is written under its own folder so two widgets' test_core.py cannot clash,
// and is imported under its own name, as pytest would import it.
const RUN_FILE = `
import importlib.util, inspect, json, sys, traceback

def run_file(path, module_name, display):
    results = []
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException as error:
        results.append((display, False, repr(error), traceback.format_exc()))
        return json.dumps(results)
    try:
        # Module dictionaries keep definition order, the order tests must run in.
        for name, function in list(vars(module).items()):
            if not (name.startswith("test_") and inspect.isfunction(function)):
                continue
            test_id = f"{display}::{name}"
            required = [
                p.name for p in inspect.signature(function).parameters.values()
                if p.default is inspect.Parameter.empty
                and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
            ]
            if required:
                message = (
                    f"takes {', '.join(required)}: portable tests take no arguments"
                    " (no pytest fixtures)"
                )
                results.append((test_id, False, message, ""))
                continue
            try:
                function()
            except BaseException as error:
                detail = repr(error) if str(error) or not isinstance(error, AssertionError) \\
                    else "AssertionError"
                results.append((test_id, False, detail, traceback.format_exc()))
            else:
                results.append((test_id, True, "", ""))
    finally:
        del sys.modules[module_name]
    return json.dumps(results)
`;
pyodide.runPython(RUN_FILE);
const runFile = pyodide.globals.get("run_file");

let passed = 0;
let failed = 0;
tests.forEach((test, index) => {
  const folder = `/tmp/widget-tests/${index}`;
  pyodide.FS.mkdirTree(folder);
  const file = `${folder}/${test.name}`;
  pyodide.FS.writeFile(file, test.source);
  const moduleName = test.name.replace(/\.py$/, "");
  for (const [testId, ok, message, trace] of JSON.parse(runFile(file, moduleName, test.name))) {
    if (ok) {
      passed += 1;
      console.log(`PASS ${testId}`);
    } else {
      failed += 1;
      console.log(`FAIL ${testId}: ${message}`);
      if (trace) console.log(trace.trimEnd().replace(/^/gm, "    "));
    }
  }
});
runFile.destroy();

if (networkAttempts.length > 0) {
  failed += 1;
  console.log(`FAIL network: tried to fetch ${networkAttempts.join(", ")}`);
}
if (passed + failed === 0) console.log("no tests ran: expected functions named test_*");
const pythonVersion = pyodide.runPython("import sys; sys.version.split()[0]");
console.log(
  `${passed} passed, ${failed} failed in Pyodide ${pyodide.version} (Python ${pythonVersion});` +
    ` runtime loaded in ${loadSeconds.toFixed(2)} s`,
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
