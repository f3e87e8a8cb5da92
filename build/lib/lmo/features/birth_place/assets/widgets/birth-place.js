/* The birth-place page's browser layer. The page is complete without this file (every
   figure and every place is in its tables); this adds her own view: the figures for her
   kind of birth as pictures of 1,000 women, and the places nearest where she lives. The
   logic is Python (widgets/birthplace), run by Pyodide in a Web Worker that starts only
   when she begins to use the questions, never on page load.
   Nothing she enters is sent anywhere: where she lives is looked up in a table the page
   already has, and her notes go to her care plan through this browser's storage only. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = document.querySelector("[data-lmo-birth-place]");
  if (!script || !root || !window.LmoPython) return;
  if (typeof Worker !== "function" || typeof WebAssembly !== "object") return;

  var tool = root.querySelector(".app-bp__tool");
  var status = root.querySelector(".app-bp__status");
  var progressBox = root.querySelector(".app-bp__progress");
  var progressBar = root.querySelector("#bp-progress");
  var results = root.querySelector(".app-bp__results");
  var handoff = root.querySelector(".app-bp__handoff");
  var speaker = window.LmoPython.speaker(root.querySelector(".app-bp__messages"), status);
  root.querySelector(".app-bp__nojs").hidden = true;
  tool.hidden = false;

  var python = window.LmoPython.widget({
    script: script,
    definition: root.dataset.definition,
    factory: "birthplace.api.Explorer",
    area: tool,
    progressBox: progressBox,
    progressBar: progressBar,
    say: speaker.say,
  }).call;

  function checked(name) {
    return Array.prototype.map.call(
      root.querySelectorAll('input[name="' + name + '"]:checked'),
      function (el) { return el.value; }
    );
  }
  function choice() {
    var where = root.querySelector("#bp-where");
    var notes = root.querySelector("#bp-notes");
    return JSON.stringify({
      parity: checked("bp-parity")[0] || null,
      complication: checked("bp-complication")[0] === "yes",
      matters: checked("bp-matters"),
      where: where ? where.value : "",
      notes: notes ? notes.value : "",
    });
  }

  var actions = {
    show: function () {
      return python("explore", choice()).then(function (reply) {
        // Python escaped every value; this is the only HTML the widget inserts.
        results.innerHTML = reply.html;
        results.hidden = false;
        if (handoff) handoff.hidden = false;
        speaker.announce(reply.summary);
        results.querySelector("h2").focus();
      });
    },
    handoff: function () {
      var today = new Date().toISOString();
      return python("care_plan_note", choice(), today).then(function (reply) {
        var key = "lmo-care-plan-handoff:" + window.LmoPython.siteRoot(script);
        try {
          var waiting = window.localStorage.getItem(key);
          window.localStorage.setItem(key, waiting ? waiting + "\n\n" + reply.text : reply.text);
        } catch (error) {
          speaker.say("handoff-blocked");
          return;
        }
        var done = handoff.querySelector(".app-bp__handoff-done");
        done.hidden = false;
        done.querySelector("a").focus();
      });
    },
  };

  window.LmoPython.buttons(tool, actions);
  // Enter in the town box shows the results, as a form would, without a form to submit.
  var whereInput = root.querySelector("#bp-where");
  if (whereInput) {
    whereInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        tool.querySelector('button[data-action="show"]').click();
      }
    });
  }
})();
