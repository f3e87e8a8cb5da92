// The site's service worker. lmo/delivery/offline.py copies this file into each build as sw.js,
// replacing the CONFIG line below with the build's settings as JSON (and nothing else), so
// what runs is this file as it reads here. Why it works as it does: see lmo/delivery/offline.py.
"use strict";

// Replaced by the build: {"version", "precache", "homes": [{"home", "offline"}], "runtime"}.
const CONFIG = {"version": "source", "precache": [], "homes": [], "runtime": null};

// One store for the whole site, kept from build to build: a page she saved stays readable
// offline after the site is rebuilt, and it can never pass for current, because every copy
// served from here says when it was saved. Only its name's owner, this worker, writes it.
const CACHE = "lmo-site";
// The widgets' runtime, or null on a site without widgets:
// {"path", "cache", "files", "widgetFiles"}.
const RUNTIME = CONFIG.runtime;
// When a copy was saved, kept on the stored copy itself so the notice can say so.
const SAVED_AT = "X-Lmo-Saved-At";
// The hidden notice every page carries (lmo/site/templates/chrome/saved_copy.html.j2).
const NOTICE_HIDDEN = '<div class="app-saved-copy" data-app-saved-copy hidden>';
const NOTICE_SHOWN = '<div class="app-saved-copy" data-app-saved-copy>';
const NOTICE_TIME = '<time class="app-saved-copy__time" datetime=""></time>';
// The offline page's empty list of saved pages (lmo/site/templates/offline.md.j2).
const SAVED_LIST = '<ul class="app-offline__saved" data-app-saved-pages>';
// The theme's files carry a hash of their content in their names (bundle.f55a23d4.min.js),
// as do the widgets' worker (python-worker.0123456789.js), the engine's stylesheet
// (app.0123456789.css), the script that registers this worker, and the fonts and their
// stylesheets (ur.0123456789.css): a changed file has a new name, so a stored copy can
// never be out of date.
const CONTENT_HASHED = /\.[0-9a-f]{8,}(\.min)?\.(js|css|woff2)$/;

function absolute(path) {
  return new URL(path, self.registration.scope).href;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
}

function decodeHtml(text) {
  const named = {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'"};
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X"
        ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return named[name.toLowerCase()] || whole;
  });
}

function isHtml(response) {
  return (response.headers.get("Content-Type") || "").includes("text/html");
}

// Stores a copy of a response from the network with the time it was saved.
function save(cache, request, response) {
  if (!response.ok || response.type !== "basic") {
    return Promise.resolve();
  }
  return response.blob().then((body) => {
    const headers = new Headers(response.headers);
    headers.set(SAVED_AT, new Date().toISOString());
    const copy = new Response(body, {
      status: response.status, statusText: response.statusText, headers: headers,
    });
    return cache.put(request, copy);
  });
}

// Headers for a page the worker rewrote: the original ones (its Content-Security-Policy
// above all), less those that described the original bytes.
function rewrittenHeaders(headers) {
  const result = new Headers(headers);
  result.delete("Content-Length");
  result.delete("Content-Encoding");
  result.delete(SAVED_AT);
  return result;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => Promise.all(CONFIG.precache.map((path) =>
        fetch(new Request(absolute(path), {cache: "no-cache"})).then((response) => {
          if (!response.ok) {
            throw new Error("could not precache " + path + ": " + response.status);
          }
          return save(cache, absolute(path), response);
        })
      )))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k !== CACHE && !(RUNTIME && k === RUNTIME.cache))
          .map((k) => caches.delete(k))
      ))
      .then(() => self.clients.claim())
  );
});

// The language a page is in: the longest home-page prefix of its path (/pl/... is Polish).
function languageOf(url) {
  const path = new URL(url).pathname;
  let best = CONFIG.homes[0];
  for (const entry of CONFIG.homes) {
    const prefix = new URL(entry.home, self.registration.scope).pathname;
    if (path.startsWith(prefix) &&
        prefix.length > new URL(best.home, self.registration.scope).pathname.length) {
      best = entry;
    }
  }
  return best;
}

function savedTime(iso, lang) {
  try {
    const format = new Intl.DateTimeFormat(lang, {dateStyle: "long", timeStyle: "short"});
    return format.format(new Date(iso));
  } catch (error) {
    return iso;  // a language the phone's Intl does not know: the ISO time is still true
  }
}

// A stored page, served because the network failed: its notice is shown, with the time.
function savedCopy(response) {
  const saved = response.headers.get(SAVED_AT);
  if (!saved || !isHtml(response)) {
    return response;
  }
  return response.text().then((html) => {
    const lang = (/<html[^>]*\slang="([^"]+)"/.exec(html) || [])[1] || "en";
    const time = '<time class="app-saved-copy__time" datetime="' + escapeHtml(saved) + '">' +
      escapeHtml(savedTime(saved, lang)) + "</time>";
    const shown = html.replace(NOTICE_HIDDEN, NOTICE_SHOWN).replace(NOTICE_TIME, time);
    return new Response(shown, {status: 200, headers: rewrittenHeaders(response.headers)});
  });
}

// Every page stored in this build's cache but the offline pages: address and title.
function savedPages(cache) {
  const offline = new Set(CONFIG.homes.map((entry) => absolute(entry.offline)));
  return cache.keys()
    .then((requests) => Promise.all(
      requests.filter((request) => !offline.has(request.url))
        .map((request) => cache.match(request).then((response) => {
          if (!response || !isHtml(response)) {
            return null;
          }
          return response.text().then((html) => {
            const title = (/<title>([^<]*)<\/title>/.exec(html) || [])[1];
            return {url: request.url, title: title ? decodeHtml(title).trim() : request.url};
          });
        }))
    ))
    .then((pages) => pages.filter(Boolean).sort((a, b) => a.title.localeCompare(b.title)));
}

// A page never stored, asked for offline: her language's offline page, at the address she
// asked for. Its <base> is the offline page's own address, so its relative links and
// styles resolve as they do there.
function offlinePage(cache, url) {
  const page = absolute(languageOf(url).offline);
  return Promise.all([cache.match(page), savedPages(cache)]).then(([hit, saved]) => {
    if (!hit) {
      return Response.error();
    }
    return hit.text().then((html) => {
      const items = saved.map((item) =>
        '<li><a href="' + escapeHtml(item.url) + '">' + escapeHtml(item.title) + "</a></li>"
      ).join("");
      const filled = html
        .replace(/<head(\s[^>]*)?>/, (head) => head + '<base href="' + escapeHtml(page) + '">')
        .replace(SAVED_LIST, SAVED_LIST + items);
      return new Response(filled, {status: 200, headers: rewrittenHeaders(hit.headers)});
    });
  });
}

// From the network, storing what comes back; the stored copy only when the network fails.
function networkFirst(event) {
  const request = event.request;
  return fetch(request).then((response) => {
    const copy = response.clone();
    event.waitUntil(caches.open(CACHE).then((cache) => save(cache, request, copy)));
    return response;
  });
}

function fromCacheFirst(event, cacheName) {
  const request = event.request;
  return caches.open(cacheName).then((cache) =>
    cache.match(request).then((hit) => hit || fetch(request).then((response) => {
      const copy = response.clone();
      event.waitUntil(save(cache, request, copy));
      return response;
    }))
  );
}

// A widget page says "keep-runtime" once its Python is ready. On her first visit the
// page was not yet under this worker when the widget started, so the runtime and the
// widgets' own files passed it by; what is missing is stored now, from the browser's own
// cache (a "304 Not Modified" each), so the next visit starts Python from the device and the
// tools work with no signal. Only CONFIG's own lists are stored, never an address a message
// names, and a file stored already is left alone (the widgets' files are kept current by
// networkFirst whenever a page under this worker fetches them).
function keepMissing(cacheName, paths) {
  return caches.open(cacheName).then((cache) => Promise.all(paths.map((path) => {
    const url = absolute(path);
    return cache.match(url).then((hit) => hit || fetch(url).then((response) =>
      save(cache, url, response)
    ));
  })));
}

function keepRuntime() {
  return Promise.all([
    keepMissing(RUNTIME.cache, RUNTIME.files),
    keepMissing(CACHE, RUNTIME.widgetFiles),
  ]);
}

self.addEventListener("message", (event) => {
  if (RUNTIME && event.data && event.data.type === "keep-runtime") {
    event.waitUntil(keepRuntime().catch(() => {
      // No signal now: fromCacheFirst stores each file when a later visit fetches it.
    }));
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;  // map tiles and anything else from elsewhere: the browser's own handling
  }
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(event).catch(() =>
      caches.open(CACHE).then((cache) => cache.match(request).then((hit) =>
        hit ? savedCopy(hit) : offlinePage(cache, request.url)
      ))
    ));
    return;
  }
  if (RUNTIME && url.pathname.includes(RUNTIME.path)) {
    // The runtime never changes within a Pyodide version, and its cache is named after it.
    event.respondWith(fromCacheFirst(event, RUNTIME.cache));
    return;
  }
  if (CONTENT_HASHED.test(url.pathname)) {
    event.respondWith(fromCacheFirst(event, CACHE));
    return;
  }
  // Everything else can carry a service's status under a name that stays the same between
  // builds (widget definitions, maps' data and scripts, the search index): always the
  // network's version when there is one, so a page is never mixed with an older file.
  event.respondWith(networkFirst(event).catch(() =>
    caches.match(request).then((hit) => hit || Response.error())
  ));
});
