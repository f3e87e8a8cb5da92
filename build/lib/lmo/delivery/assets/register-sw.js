// Registers the service worker that keeps visited pages and the urgent contacts readable
// offline (see sw.js). Without it, or without JavaScript, the site works as before.
(function () {
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script) { return; }
  function register() {
    navigator.serviceWorker.register(script.dataset.worker).catch(function () {});
  }
  // After the page has loaded, and when the phone has a moment to spare: the worker then
  // never competes with the page she is reading.
  window.addEventListener("load", function () {
    if (window.requestIdleCallback) {
      window.requestIdleCallback(register, { timeout: 5000 });
    } else {
      register();
    }
  });
})();
