/* OneGoal service worker: manuals that open without a network.
 *
 * Pages post {type: "keep", pages: [...], files: [...]}: the pages of one manual in one
 * language and the files they need, which go into this build's cache. Pages come from the network
 * when there is one (so a new build shows at once) and from the cache when there is
 * not; other files come from the cache first. Every build changes this file, so the
 * browser installs it anew the next time the reader is online; what the older build's
 * cache kept is fetched anew into the new one, and the old cache is deleted.
 */
"use strict";

var BUILD = "{{ build_date_utc.strftime('%Y%m%d%H%M%S%f') }}";
var CACHE = "onegoal-" + BUILD;

self.addEventListener("install", function () {
  self.skipWaiting();
});

/* The new build's copy replaces the old ones: pages kept before are fetched anew, in the
 * background, and until then the old copies stay readable offline. */
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("onegoal-") === 0 && name !== CACHE;
      }).map(function (name) { return carryOver(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function carryOver(oldName) {
  return Promise.all([caches.open(oldName), caches.open(CACHE)]).then(function (both) {
    var old = both[0];
    var fresh = both[1];
    return old.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return old.match(request).then(function (response) { return fresh.put(request, response); });
      })).then(function () {
        requests.forEach(function (request) { refresh(fresh, request.url); });
        return caches.delete(oldName);
      });
    });
  });
}

/* Best effort: an old copy stays until the new one has arrived. */
function refresh(cache, url) {
  fetch(url, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
    if (response.ok && !response.redirected) return cache.put(url, response);
  }).catch(function () { /* offline now: the next visit tries again */ });
}

function sameSite(url) {
  return new URL(url).origin === self.location.origin;
}

var fetching = {};

/* Each URL once, even when two pages ask at the same time. */
function keep(cache, url, mode) {
  if (!fetching[url]) {
    fetching[url] = cache.match(url).then(function (found) {
      return found || cache.add(new Request(url, { cache: mode }));
    }).catch(function () { /* try again on the next visit */ }).then(function () {
      delete fetching[url];
    });
  }
  return fetching[url];
}

/* Pages are asked of the server: the browser's HTTP cache may hold an older build.
 * Files are the ones the asking page has just loaded: the HTTP cache has them, as they
 * are now, and the network is not asked again. */
self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.pages) || !Array.isArray(data.files)) return;
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    var pages = data.pages.filter(sameSite).map(function (url) { return keep(cache, url, "no-cache"); });
    var files = data.files.filter(sameSite).map(function (url) { return keep(cache, url, "force-cache"); });
    return Promise.all(pages.concat(files));
  }));
});

function fromNetworkFirst(event) {
  var request = event.request;
  return fetch(request.url, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
    if (response.redirected) {
      /* "/en" -> "/en/": a page may not be answered with a redirected response. */
      return Response.redirect(response.url, 301);
    }
    if (response.ok) {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) {
        return cache.match(request).then(function (kept) {
          /* Refresh a page this reader keeps; do not start keeping others. */
          if (kept) return cache.put(request, copy);
        });
      }));
    }
    return response;
  }).catch(function () {
    return caches.match(request, { ignoreSearch: true }).then(function (kept) {
      return kept || Response.error();
    });
  });
}

function fromCacheFirst(request) {
  return caches.match(request).then(function (kept) {
    return kept || fetch(request);
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !sameSite(request.url)) return;
  event.respondWith(request.mode === "navigate" ? fromNetworkFirst(event) : fromCacheFirst(request));
});
