/* What every widget page shares: one Web Worker running the widget's Python under the
   self-hosted Pyodide runtime (python-worker.js), started once, when she first uses the
   widget, never on page load. Loaded before the widget's own script, on widget pages only.

     var python = LmoPython.widget({script: document.currentScript, definition: "x.json",
       factory: "package.module.Factory", area: element, progressBox: element,
       progressBar: progressElement, say: speaker.say, readyMessage: "ready" (optional)});
     python.start();                      // begin loading now (idempotent)
     python.call("method", "arg").then(function (reply) {});  // reply is parsed JSON */
(function () {
  "use strict";
  function absolute(path) {
    return new URL(path, document.baseURI).href;
  }
  // Asks the site's service worker (lmo/delivery/assets/sw.js) to keep the runtime on
  // this device: on a first visit the page is not yet under the worker when Python starts,
  // so the runtime's files passed it by. Nothing happens where there is no worker.
  function keepRuntime() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) registration.active.postMessage({ type: "keep-runtime" });
    });
  }
  function connect(script, definition, factory, hooks) {
    var worker = null;
    var ready = null;
    var calls = {};
    var nextCall = 1;
    function fail(reject, detail) {
      hooks.failed();
      ready = null;
      if (worker) worker.terminate();
      reject(new Error(detail));
    }
    function start() {
      if (ready) return ready;
      ready = new Promise(function (resolve, reject) {
        worker = new Worker(absolute(script.dataset.worker));
        worker.onmessage = function (event) {
          var data = event.data;
          if (data.type === "progress") {
            hooks.progress(data.percent);
          } else if (data.type === "ready") {
            hooks.ready();
            resolve();
            keepRuntime();
          } else if (data.type === "failed") {
            fail(reject, data.detail);
          } else if (data.type === "reply") {
            var call = calls[data.id];
            delete calls[data.id];
            if (data.error) call.reject(new Error(data.error));
            else call.resolve(JSON.parse(data.result));
          }
        };
        worker.onerror = function (event) {
          fail(reject, event.message || "worker error");
        };
        worker.postMessage({
          type: "start",
          pyodide: absolute(script.dataset.pyodide),
          wheel: absolute(script.dataset.wheel),
          definition: absolute(definition),
          factory: factory,
        });
      });
      return ready;
    }
    function call(method) {
      var args = Array.prototype.slice.call(arguments, 1);
      return start().then(function () {
        return new Promise(function (resolve, reject) {
          var id = nextCall++;
          calls[id] = { resolve: resolve, reject: reject };
          worker.postMessage({ type: "call", id: id, method: method, args: args });
        });
      });
    }
    return { start: start, call: call };
  }
  // The site's root path, so that what a widget keeps on this device is shared by the
  // pages of every language (assets/widgets/ sits at the site root).
  function siteRoot(script) {
    return new URL(script.dataset.worker.replace(/assets\/widgets\/[^/]*$/, ""), document.baseURI)
      .pathname;
  }
  // The page's own messages (a hidden list of <li data-msg="name">, translated at build
  // time) and a polite status line that announces them.
  function speaker(list, status) {
    function message(name, values) {
      var item = list.querySelector('[data-msg="' + name + '"]');
      var text = item ? item.textContent : name;
      Object.keys(values || {}).forEach(function (key) {
        text = text.replace("{" + key + "}", values[key]);
      });
      return text;
    }
    function announce(text) {
      status.textContent = "";
      // A fresh text node after a tick, so screen readers announce a repeated message too.
      window.setTimeout(function () {
        status.textContent = text;
      }, 50);
    }
    function say(name, values) {
      announce(message(name, values));
    }
    return { message: message, say: say, announce: announce };
  }
  // A widget's worker with the page's progress bar and messages: "loading" when it first
  // starts, "failed" (and a fresh start next time) when it cannot. Starts on her first
  // focus inside ``area``. The page keeps the space of the progress bar and the status line
  // from the first paint (app.css), so starting never moves the control she is pressing.
  // A call made while the tools start waits for them and then runs: the press that starts
  // the tools is the one she meant, and it is never dropped.
  function widget(options) {
    var box = options.progressBox;
    var waiting = 0;
    var connection = connect(options.script, options.definition, options.factory, {
      progress: function (percent) { options.progressBar.value = percent; },
      ready: function () {
        box.hidden = true;
        // With her action about to run, its own message follows at once: "ready" would
        // only be announced and overwritten.
        if (options.readyMessage && !waiting) options.say(options.readyMessage);
      },
      failed: function () {
        box.hidden = true;
        options.say("failed");
      },
    });
    var starting = false;
    function start() {
      if (!starting) {
        starting = true;
        box.hidden = false;
        options.say("loading");
      }
      return connection.start().catch(function (error) {
        starting = false;
        throw error;
      });
    }
    options.area.addEventListener("focusin", function () { start().catch(function () {}); }, {
      once: true,
    });
    return {
      start: start,
      call: function () {
        var args = arguments;
        waiting += 1;
        var started = start();
        function done() { waiting -= 1; }
        started.then(done, done);
        return started.then(function () { return connection.call.apply(null, args); });
      },
    };
  }
  // Buttons with data-action="name" inside ``container`` run actions[name](button); a
  // button is marked busy (not disabled, so focus stays on it) until its action settles.
  function buttons(container, actions) {
    container.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button || button.getAttribute("aria-disabled") === "true") return;
      button.setAttribute("aria-disabled", "true");
      Promise.resolve()
        .then(function () { return actions[button.dataset.action](button); })
        .catch(function () { /* the status line already says what went wrong */ })
        .then(function () { button.removeAttribute("aria-disabled"); });
    });
  }
  window.LmoPython = { siteRoot: siteRoot, speaker: speaker, widget: widget, buttons: buttons };
})();
