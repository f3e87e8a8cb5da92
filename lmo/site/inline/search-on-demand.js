// The search index is fetched when she shows she wants to search, not on every page.
//
// Material for MkDocs 9.8 asks for its language's search index as each page starts
// (360-550 KB of JSON for the example), parses it, hands it to its search worker and builds
// the search engine there: on every page view, whether or not she searches, at a cost of
// about a quarter of a processor-second a page here and several times that on a cheap phone.
// The theme has no setting for this, so this script, which runs just before the theme's,
// holds that one request back until she presses or focuses the search, or opens a page whose
// address carries a search (?q=, a shared search) or words to highlight (?h=, a result she
// followed). Until then the theme shows its "initialising search" line, as it did while the
// index loaded; a query she types before the index is ready is run when it is, by the theme.
//
// The theme also starts its search worker as each page starts: a thread of its own with 40 KB
// of search engine script (11 KB to download on her first page), waiting for the index. The
// worker is started at the same moment as the index is asked for: until then the theme is
// given a stand-in that keeps what the theme gives it (its listeners, and any message) and
// hands them to the real worker when it starts. Other workers (the tools' Python) are not
// touched.
//
// If a later theme fetches the index or starts its worker some other way, nothing is held and
// search works as before (tests/browser/test_search_on_demand.py then fails: the index or the
// worker is fetched on load).
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[^\/]*\.js$/;
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) { return; }

  var proto = XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var indexRequests = new WeakSet();
  var held = [];
  var released = false;

  var waitingWorkers = [];

  function pathMatches(url, pattern) {
    try {
      return pattern.test(new URL(String(url), location.href).pathname);
    } catch (error) {
      return false;
    }
  }
  function isIndex(url) { return pathMatches(url, INDEX); }

  proto.open = function (method, url) {
    if (isIndex(url)) { indexRequests.add(this); } else { indexRequests.delete(this); }
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (!released && indexRequests.has(this)) {
      held.push({ request: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  // The theme's search worker, started when she goes to search. The stand-in has what the
  // theme uses of a worker: listeners, on* handlers, postMessage and terminate.
  var RealWorker = window.Worker;
  function searchWorkerLater(url, options) {
    var real = null;
    var stopped = false;
    var listeners = [];
    var posted = [];
    var handlers = {};
    var standIn = {
      addEventListener: function (type, listener, how) {
        if (real) { real.addEventListener(type, listener, how); } else { listeners.push([type, listener, how]); }
      },
      removeEventListener: function (type, listener, how) {
        if (real) { real.removeEventListener(type, listener, how); return; }
        listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
      },
      postMessage: function (message, transfer) {
        if (real) { real.postMessage(message, transfer); } else { posted.push([message, transfer]); }
      },
      terminate: function () {
        stopped = true;
        if (real) { real.terminate(); }
      },
    };
    ["onmessage", "onerror", "onmessageerror"].forEach(function (name) {
      Object.defineProperty(standIn, name, {
        get: function () { return real ? real[name] : handlers[name] || null; },
        set: function (handler) { if (real) { real[name] = handler; } else { handlers[name] = handler; } },
      });
    });
    waitingWorkers.push(function start() {
      if (stopped) { return; }
      real = new RealWorker(url, options);
      listeners.splice(0).forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      Object.keys(handlers).forEach(function (name) { real[name] = handlers[name]; });
      posted.splice(0).forEach(function (p) { real.postMessage(p[0], p[1]); });
    });
    return standIn;
  }
  if (typeof RealWorker === "function") {
    var LaterWorker = function Worker(url, options) {
      if (released || !pathMatches(url, WORKER)) { return new RealWorker(url, options); }
      return searchWorkerLater(url, options);
    };
    LaterWorker.prototype = RealWorker.prototype;
    window.Worker = LaterWorker;
  }

  function release() {
    if (released) { return; }
    released = true;
    // A worker that cannot start (a policy that refuses it) is reported in the console, as
    // the theme's own start would have been; the held requests still go.
    waitingWorkers.splice(0).forEach(function (start) {
      try { start(); } catch (error) { console.error(error); }
    });
    held.splice(0).forEach(function (item) { send.apply(item.request, item.args); });
    ["pointerdown", "focusin", "change"].forEach(function (type) {
      document.removeEventListener(type, onIntent, true);
    });
  }

  // Her first sign of searching: a press on a search button or the search box (before the
  // click, so the index is on its way as the dialog opens), the search box gaining focus
  // (the theme's keyboard shortcuts focus it), or the theme's search toggle turning on.
  function onIntent(event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    if (
      target.closest("label[for='__search'], [data-md-component='search']") ||
      (target.matches("[data-md-toggle='search']") && target.checked)
    ) {
      release();
    }
  }
  ["pointerdown", "focusin", "change"].forEach(function (type) {
    document.addEventListener(type, onIntent, true);
  });
})();
