/* OneGoal service worker: manuals that open without a network.
 *
 * Pages post {type: "keep", pages: [...], files: [...], home: "..."}: the pages of one
 * manual in one language, the files they need, and the language's home page (kept with its
 * about page), which go into this build's cache. Pages come from the network when there is
 * one (so a new build shows at once) and from the cache when there is not; other files
 * come from the cache first.
 *
 * Only real pages of this build are kept: an address on the build's list (SITE, written in
 * by the build), answered with 200, HTML, and the page saying it is that page (its
 * <meta name="onegoal-page">). A server's error page or directory listing at a kept
 * address never replaces the kept copy. "/step", "/step/" and "/step/index.html" are the
 * same page, kept once.
 *
 * Every build changes this file, so the browser installs it anew the next time the reader
 * is online. The new worker carries over what the older build's cache kept, except pages
 * the new build no longer has, fetches them anew in the background (the old copy stays
 * readable until the new one has arrived), and deletes the old cache.
 */
"use strict";

var BUILD = "{{ build_date_utc.strftime('%Y%m%d%H%M%S%f') }}";
var CACHE = "onegoal-" + BUILD;

/* Every page of this build, from the site's root ("", "en/reader/profile/"), and each
 * language home's pages to keep with any page of that language. Written in by the build
 * (plugins/onegoal/offline.py) once every language is built. */
var SITE = {"pages": [], "start": {}};

/* This file sits at the root of the site. */
var ROOT = new URL("./", self.location.href).href;
var PAGES = {};
SITE.pages.forEach(function (path) { PAGES[new URL(path, ROOT).href] = true; });

/* The address under which a page of this build is kept, or null if the build has no such
 * page: the query and fragment go, "index.html" goes, and "/step" is "/step/". */
function pageAddress(url) {
  var address = new URL(url);
  address.search = "";
  address.hash = "";
  var href = address.href.replace(/\/index\.html$/, "/");
  if (PAGES[href]) return href;
  if (PAGES[href + "/"]) return href + "/";
  return null;
}

/* A page's address or a file's: a file's has a name with a dot that is not a page's. */
function looksLikePage(url) {
  return /(\/|\.html)$/.test(new URL(url).pathname);
}

/* The page of this build at `address`, and nothing else: a 404 or 500 page, a redirect,
 * a login page of a network, or a server's listing of the page's folder all say otherwise. */
function isRealPage(response, address) {
  var type = response.headers.get("Content-Type") || "";
  if (response.status !== 200 || response.redirected || response.type !== "basic" || type.indexOf("text/html") !== 0) {
    return Promise.resolve(false);
  }
  return response.clone().text().then(function (text) {
    var said = /<meta name="onegoal-page" content="([^"]*)">/.exec(text);
    return Boolean(said) && new URL(said[1].replace(/&amp;/g, "&"), ROOT).href === address;
  }).catch(function () { return false; });
}

/* Cache writes one after another, in the order they were asked for: a slower, older
 * answer never lands over a newer one. */
var writing = Promise.resolve();

function inTurn(task) {
  writing = writing.then(task).catch(function () { /* the next visit tries again */ });
  return writing;
}

function keepIfReal(cache, address, response) {
  return inTurn(function () {
    return isRealPage(response, address).then(function (real) {
      if (real) return cache.put(address, response);
    });
  });
}

function savingData() {
  return Boolean(self.navigator.connection && self.navigator.connection.saveData);
}

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("onegoal-") === 0 && name !== CACHE;
      }).map(carryOver));
    }).then(function () { return self.clients.claim(); })
  );
});

/* What an older build's cache kept moves into this one: files, and the pages this build
 * still has. A withdrawn page is dropped, so it no longer opens offline. */
function carryOver(oldName) {
  return Promise.all([caches.open(oldName), caches.open(CACHE)]).then(function (both) {
    var old = both[0];
    var fresh = both[1];
    return old.keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        var address = pageAddress(request.url);
        if (!address && looksLikePage(request.url)) return null;
        var key = address || request.url;
        return old.match(request).then(function (response) {
          if (!response) return null;
          return fresh.put(key, response).then(function () { return { url: key, page: Boolean(address) }; });
        });
      }));
    }).then(function (carried) {
      carried.forEach(function (kept) {
        if (kept) refresh(fresh, kept);
      });
      return caches.delete(oldName);
    });
  });
}

/* Best effort, in the background: an old copy stays until the new one has arrived. */
function refresh(cache, kept) {
  if (savingData()) return;
  fetch(kept.url, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
    if (kept.page) return keepIfReal(cache, kept.url, response);
    /* A file the new build no longer has (an older bundle): no page of it needs it. */
    if (response.status === 404) return cache.delete(kept.url);
    if (response.ok && !response.redirected) return cache.put(kept.url, response);
  }).catch(function () { /* offline now: the next visit tries again */ });
}

function sameSite(url) {
  return new URL(url).origin === self.location.origin;
}

var fetching = {};

/* Each URL once, even when two pages ask at the same time. */
function once(url, work) {
  if (!fetching[url]) {
    fetching[url] = work().catch(function () { /* try again on the next visit */ }).then(function () {
      delete fetching[url];
    });
  }
  return fetching[url];
}

/* Pages are asked of the server: the browser's HTTP cache may hold an older build. */
function keepPage(cache, address) {
  return once(address, function () {
    return cache.match(address).then(function (found) {
      if (found) return null;
      return fetch(address, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
        return keepIfReal(cache, address, response);
      });
    });
  });
}

/* Files are the ones the asking page has just loaded: the HTTP cache has them, as they
 * are now, and the network is not asked again. */
function keepFile(cache, url) {
  return once(url, function () {
    return cache.match(url).then(function (found) {
      return found || cache.add(new Request(url, { cache: "force-cache" }));
    });
  });
}

/* The home page of the language whose home is `home`, and its about page if the site has one. */
function startPages(home) {
  if (typeof home !== "string" || !sameSite(home)) return [];
  var path = new URL(home).href.slice(ROOT.length);
  var pages = Object.prototype.hasOwnProperty.call(SITE.start, path) ? SITE.start[path] : [];
  return pages.map(function (page) { return new URL(page, ROOT).href; });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "keep" || !Array.isArray(data.pages) || !Array.isArray(data.files)) return;
  var addresses = {};
  data.pages.concat(startPages(data.home)).forEach(function (url) {
    var address = typeof url === "string" && sameSite(url) ? pageAddress(url) : null;
    if (address) addresses[address] = true;
  });
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    var pages = Object.keys(addresses).map(function (address) { return keepPage(cache, address); });
    var files = data.files.filter(sameSite).map(function (url) { return keepFile(cache, url); });
    return Promise.all(pages.concat(files));
  }));
});

/* A page from the network; its kept copy, if it has one, is renewed from the answer when the
 * answer is the real page. Without a network, the kept copy. */
function fromNetworkFirst(event) {
  var request = event.request;
  var address = pageAddress(request.url);
  return fetch(request.url, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
    if (response.redirected && request.mode === "navigate") {
      /* "/en" -> "/en/": a page may not be answered with a redirected response. */
      return Response.redirect(response.url, 301);
    }
    if (address) {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) {
        return cache.match(address).then(function (kept) {
          /* Renew a page this reader keeps; do not start keeping others. */
          if (kept) return keepIfReal(cache, address, copy);
        });
      }));
    }
    return response;
  }).catch(function () {
    return fromCopy(request.url, address);
  });
}

function fromCopy(url, address) {
  if (!address) return Response.error();
  return caches.match(address).then(function (kept) {
    if (!kept) return Response.error();
    /* "/step": the page's links are written from "/step/", so the browser goes there. */
    if (!/(\/|\/index\.html)$/.test(new URL(url).pathname)) return Response.redirect(address, 301);
    return kept;
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
  /* Pages are also fetched by script, by the theme's instant navigation: network first too. */
  var page = request.mode === "navigate" || pageAddress(request.url) !== null;
  event.respondWith(page ? fromNetworkFirst(event) : fromCacheFirst(request));
});
