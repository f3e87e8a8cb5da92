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
  if (!window.LmoPython) return;
  var storageKey = "lmo-care-plan:" + window.LmoPython.siteRoot(script);

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

  var speaker = window.LmoPython.speaker(root.querySelector(".app-plan__messages"), status);
  var message = speaker.message;
  var say = speaker.say;
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
  var python = window.LmoPython.widget({
    script: script,
    definition: root.dataset.definition,
    factory: "careplan.api.Drafter",
    area: root,
    progressBox: progressBox,
    progressBar: progressBar,
    say: say,
    readyMessage: "ready",
  }).call;

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

  // Notes she chose to add from the birth-place page wait in this browser's storage until
  // this page puts them into the question that receives them (on this device only).
  var handoffKey = "lmo-care-plan-handoff:" + window.LmoPython.siteRoot(script);
  function takeHandoff() {
    var text = null;
    try {
      text = window.localStorage.getItem(handoffKey);
      window.localStorage.removeItem(handoffKey);
    } catch (error) {
      return;
    }
    var field = root.querySelector('[data-receives="birth_place_notes"]');
    if (!text || !field) return;
    field.value = field.value.trim() ? field.value.replace(/\s+$/, "") + "\n\n" + text : text;
    say("notes-added");
  }
  takeHandoff();

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

  window.LmoPython.buttons(tools, actions);
  importInput.addEventListener("change", function () {
    var file = importInput.files && importInput.files[0];
    if (!file) return;
    file.text().then(function (text) {
      return restoreFrom(text, "imported");
    }).catch(function () {});
  });
})();
