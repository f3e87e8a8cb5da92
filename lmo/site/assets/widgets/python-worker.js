/* The widgets' Python, in a Web Worker so the page never freezes while Pyodide starts.
   One worker script serves every widget: the page says which wheel to unpack and which
   factory to call (for example careplan.api.Drafter). It loads the self-hosted Pyodide
   runtime, the wheel and the page's definition from this site, and answers calls from the
   page. It makes no other requests: what she enters arrives by postMessage and leaves the
   same way. */
"use strict";

let widget = null;

function progress(percent, stage) {
  self.postMessage({ type: "progress", percent: percent, stage: stage });
}

function fetchOk(url, what, read) {
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error(what + ": HTTP " + response.status);
    return read(response);
  });
}

async function start(settings) {
  progress(5, "runtime");
  // The widget's own files are small: asked for at once, they arrive while the runtime
  // downloads instead of after it.
  const files = Promise.all([
    fetchOk(settings.wheel, "wheel", function (r) { return r.arrayBuffer(); }),
    fetchOk(settings.definition, "definition", function (r) { return r.text(); }),
  ]);
  files.catch(function () { /* reported when awaited below */ });
  importScripts(settings.pyodide + "pyodide.js");
  progress(15, "runtime");
  const pyodide = await self.loadPyodide({ indexURL: settings.pyodide });
  progress(75, "widget");
  const [wheel, definition] = await files;
  pyodide.unpackArchive(wheel, "wheel");
  progress(90, "widget");
  const dot = settings.factory.lastIndexOf(".");
  const module = pyodide.pyimport(settings.factory.slice(0, dot));
  widget = module[settings.factory.slice(dot + 1)](definition);
  progress(100, "ready");
}

self.onmessage = async function (event) {
  const message = event.data;
  if (message.type === "start") {
    try {
      await start(message);
      self.postMessage({ type: "ready" });
    } catch (error) {
      self.postMessage({ type: "failed", detail: String(error) });
    }
    return;
  }
  if (message.type === "call") {
    try {
      const result = widget[message.method].apply(widget, message.args);
      self.postMessage({ type: "reply", id: message.id, result: result });
    } catch (error) {
      self.postMessage({ type: "reply", id: message.id, error: String(error) });
    }
  }
};
