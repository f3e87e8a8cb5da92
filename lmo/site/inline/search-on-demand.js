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
// If a later theme fetches the index some other way, nothing is held and search works as
// before (tests/browser/test_search_on_demand.py then fails: the index is fetched on load).
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json$/;
  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) { return; }

  var proto = XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var indexRequests = new WeakSet();
  var held = [];
  var released = false;

  function isIndex(url) {
    try {
      return INDEX.test(new URL(String(url), location.href).pathname);
    } catch (error) {
      return false;
    }
  }

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

  function release() {
    if (released) { return; }
    released = true;
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
