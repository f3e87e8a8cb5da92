/* The care-plan drafter's browser layer. The page is a working plain form without this
   file; this adds saving on this device, restoring, deleting, printing, downloads and
   imports. The logic is Python (widgets/careplan), run by Pyodide in a Web Worker that
   starts only when she begins to use the form, never on page load.
   Nothing she writes is sent anywhere: the worker and its files come from this site, and
   answers only move between this page, the worker, this browser's storage and downloads. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = document.querySelector("[data-lmo-care-plan]");
  if (!script || !root || typeof Worker !== "function" || typeof WebAssembly !== "object") {
    return; // the plain page still works: fill in and print
  }
  function absolute(path) {
    return new URL(path, document.baseURI).href;
  }
  var settings = {
    worker: absolute(script.dataset.worker),
    pyodide: absolute(script.dataset.pyodide),
    wheel: absolute(script.dataset.wheel),
    definition: absolute(root.dataset.definition),
  };
  // One plan per site, whatever the language of the page she saved it from.
  var siteRoot = new URL(script.dataset.worker.replace(/assets\/widgets\/[^/]*$/, ""), document.baseURI);
  var storageKey = "lmo-care-plan:" + siteRoot.pathname;

  var tools = root.querySelector(".app-plan__tools");
  var status = root.querySelector(".app-plan__status");
  var warnings = root.querySelector(".app-plan__warnings");
  var progressBox = root.querySelector(".app-plan__progress");
  var progressBar = root.querySelector("#plan-progress");
  var savedBox = root.querySelector(".app-plan__saved");
  var questionsBox = root.querySelector(".app-plan__questions");
  var printBox = root.querySelector(".app-plan-print");
  var importInput = root.querySelector("#plan-import");
  root.querySelector(".app-plan__nojs").hidden = true;
  tools.hidden = false;

  function message(name, values) {
    var item = root.querySelector('.app-plan__messages [data-msg="' + name + '"]');
    var text = item ? item.textContent : name;
    Object.keys(values || {}).forEach(function (key) {
      text = text.replace("{" + key + "}", values[key]);
    });
    return text;
  }
  function say(name, values) {
    status.textContent = "";
    // A fresh text node after a tick, so screen readers announce a repeated message too.
    window.setTimeout(function () {
      status.textContent = message(name, values);
    }, 50);
  }
  function showWarnings(list) {
    warnings.textContent = "";
    if (!list || !list.length) return;
    var ul = document.createElement("ul");
    list.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      ul.appendChild(li);
    });
    warnings.appendChild(ul);
  }

  // --- the worker: started once, on first use ---------------------------------------------
  var worker = null;
  var ready = null;
  var calls = {};
  var nextCall = 1;
  function start() {
    if (ready) return ready;
    progressBox.hidden = false;
    say("loading");
    ready = new Promise(function (resolve, reject) {
      worker = new Worker(settings.worker);
      worker.onmessage = function (event) {
        var data = event.data;
        if (data.type === "progress") {
          progressBar.value = data.percent;
        } else if (data.type === "ready") {
          progressBox.hidden = true;
          say("ready");
          resolve();
        } else if (data.type === "failed") {
          progressBox.hidden = true;
          say("failed");
          ready = null;
          worker.terminate();
          reject(new Error(data.detail));
        } else if (data.type === "reply") {
          var call = calls[data.id];
          delete calls[data.id];
          if (data.error) call.reject(new Error(data.error));
          else call.resolve(JSON.parse(data.result));
        }
      };
      worker.onerror = function (event) {
        progressBox.hidden = true;
        say("failed");
        ready = null;
        reject(new Error(event.message || "worker error"));
      };
      worker.postMessage({
        type: "start",
        pyodide: settings.pyodide,
        wheel: settings.wheel,
        definition: settings.definition,
      });
    });
    return ready;
  }
  function python(method) {
    var args = Array.prototype.slice.call(arguments, 1);
    return start().then(function () {
      return new Promise(function (resolve, reject) {
        var id = nextCall++;
        calls[id] = { resolve: resolve, reject: reject };
        worker.postMessage({ type: "call", id: id, method: method, args: args });
      });
    });
  }
  root.addEventListener("focusin", function () { start().catch(function () {}); }, { once: true });

  // --- the form as plain answers, and back ----------------------------------------------
  function fields(box, id, part) {
    return box.querySelectorAll('[name="' + id + "." + part + '"]');
  }
  function collect() {
    var answers = {};
    root.querySelectorAll("[data-question]").forEach(function (box) {
      var id = box.dataset.question;
      var answer = {};
      fields(box, id, "text").forEach(function (el) {
        if (el.value.trim()) answer.text = el.value;
      });
      fields(box, id, "choice").forEach(function (el) {
        var value = el.tagName === "SELECT" || el.checked ? el.value : "";
        if (value === "not-sure") answer.not_sure = true;
        else if (value) answer.choice = value;
      });
      var choices = [];
      fields(box, id, "choices").forEach(function (el) {
        if (el.checked) choices.push(el.value);
      });
      if (choices.length) answer.choices = choices;
      fields(box, id, "not_sure").forEach(function (el) {
        if (el.checked) answer.not_sure = true;
      });
      if (Object.keys(answer).length) answers[id] = answer;
    });
    return answers;
  }
  function clearForm() {
    root.querySelectorAll("[data-question] textarea").forEach(function (el) { el.value = ""; });
    root.querySelectorAll("[data-question] select").forEach(function (el) { el.value = ""; });
    root.querySelectorAll("[data-question] input").forEach(function (el) { el.checked = false; });
  }
  function fill(answers) {
    clearForm();
    Object.keys(answers).forEach(function (id) {
      var box = root.querySelector('[data-question="' + id + '"]');
      if (!box) return;
      var answer = answers[id];
      fields(box, id, "text").forEach(function (el) { el.value = answer.text || ""; });
      fields(box, id, "choice").forEach(function (el) {
        var wanted = answer.not_sure ? "not-sure" : answer.choice || "";
        if (el.tagName === "SELECT") el.value = wanted;
        else el.checked = el.value === wanted;
      });
      fields(box, id, "choices").forEach(function (el) {
        el.checked = (answer.choices || []).indexOf(el.value) !== -1;
      });
      fields(box, id, "not_sure").forEach(function (el) { el.checked = !!answer.not_sure; });
    });
  }

  // --- this device's storage ----------------------------------------------------------------
  function storedPlan() {
    try {
      return window.localStorage.getItem(storageKey);
    } catch (error) {
      return null;
    }
  }
  function showSaved() {
    var text = storedPlan();
    savedBox.hidden = !text;
    if (!text) return;
    var when = "";
    try {
      when = new Date(JSON.parse(text).saved_at).toLocaleString(document.documentElement.lang);
    } catch (error) {
      when = "";
    }
    savedBox.querySelector(".app-plan__saved-when").textContent = when
      ? message("saved-when", { date: when })
      : "";
  }
  showSaved();

  function download(file) {
    var blob = new Blob([file.content], { type: file.mime });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = file.filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    say("downloaded", { file: file.filename });
  }

  function restoreFrom(text, done) {
    return python("restore", text).then(function (reply) {
      if (reply.error) {
        showWarnings([reply.error]);
        return;
      }
      fill(reply.answers);
      showWarnings(reply.warnings);
      say(done);
    });
  }

  var actions = {
    save: function () {
      return python("save", JSON.stringify(collect()), new Date().toISOString()).then(
        function (reply) {
          try {
            window.localStorage.setItem(storageKey, reply.saved);
          } catch (error) {
            say("storage-blocked");
            return;
          }
          showSaved();
          say("saved");
        }
      );
    },
    restore: function () {
      var text = storedPlan();
      if (!text) {
        say("nothing-saved");
        return Promise.resolve();
      }
      return restoreFrom(text, "restored");
    },
    delete: function () {
      try {
        window.localStorage.removeItem(storageKey);
      } catch (error) {
        /* nothing was stored */
      }
      clearForm();
      showWarnings([]);
      showSaved();
      questionsBox.hidden = true;
      printBox.hidden = true;
      printBox.querySelector(".app-plan-print__body").textContent = "";
      importInput.value = "";
      say("deleted");
      return Promise.resolve();
    },
    questions: function () {
      return python("questions", JSON.stringify(collect())).then(function (reply) {
        var list = questionsBox.querySelector("ul");
        list.textContent = "";
        reply.questions.forEach(function (text) {
          var li = document.createElement("li");
          li.textContent = text;
          list.appendChild(li);
        });
        if (!reply.questions.length) {
          var li = document.createElement("li");
          li.textContent = message("no-questions");
          list.appendChild(li);
        }
        questionsBox.hidden = false;
        questionsBox.querySelector("h3").focus();
      });
    },
    print: function () {
      var now = new Date().toISOString();
      return python("export", JSON.stringify(collect()), "print", now).then(function (reply) {
        // Python escaped her words; this is the only HTML the widget inserts.
        printBox.querySelector(".app-plan-print__body").innerHTML = reply.content;
        printBox.hidden = false;
        printBox.querySelector("h2").focus();
        window.print();
      });
    },
    export: function (button) {
      var now = new Date().toISOString();
      var format = button.dataset.format;
      return python("export", JSON.stringify(collect()), format, now).then(download);
    },
  };

  tools.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button || button.getAttribute("aria-disabled") === "true") return;
    button.setAttribute("aria-disabled", "true");
    Promise.resolve()
      .then(function () { return actions[button.dataset.action](button); })
      .catch(function () { /* the status line already says what went wrong */ })
      .then(function () { button.removeAttribute("aria-disabled"); });
  });
  importInput.addEventListener("change", function () {
    var file = importInput.files && importInput.files[0];
    if (!file) return;
    file.text().then(function (text) {
      return restoreFrom(text, "imported");
    }).catch(function () {});
  });
})();
