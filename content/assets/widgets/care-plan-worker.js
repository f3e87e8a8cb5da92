/* The care-plan drafter's Python, in a Web Worker so the page never freezes while Pyodide
   starts. It loads the self-hosted Pyodide runtime and the widget's wheel from this site,
   and answers calls from the page (assets/widgets/care-plan.js). It makes no other
   requests: her answers arrive by postMessage and leave the same way. */
"use strict";

let drafter = null;

function progress(percent, stage) {
  self.postMessage({ type: "progress", percent: percent, stage: stage });
}

async function start(settings) {
  progress(5, "runtime");
  importScripts(settings.pyodide + "pyodide.js");
  progress(15, "runtime");
  const pyodide = await self.loadPyodide({ indexURL: settings.pyodide });
  progress(75, "widget");
  const [wheel, definition] = await Promise.all([
    fetch(settings.wheel).then(function (r) {
      if (!r.ok) throw new Error("wheel: HTTP " + r.status);
      return r.arrayBuffer();
    }),
    fetch(settings.definition).then(function (r) {
      if (!r.ok) throw new Error("plan definition: HTTP " + r.status);
      return r.text();
    }),
  ]);
  pyodide.unpackArchive(wheel, "wheel");
  progress(90, "widget");
  const api = pyodide.pyimport("careplan.api");
  drafter = api.Drafter(definition);
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
      const result = drafter[message.method].apply(drafter, message.args);
      self.postMessage({ type: "reply", id: message.id, result: result });
    } catch (error) {
      self.postMessage({ type: "reply", id: message.id, error: String(error) });
    }
  }
};
