/* OneGoal offline reading: once a reader has opened a page of a manual, the service
 * worker keeps every page of that manual in her language, and what those pages need,
 * so they open without a network; with any page, it keeps her language's home page (the
 * web app's start page) and its about page. It is fetched after the page has loaded, when
 * the browser is idle, and not at all when the reader has asked to save data. Which of
 * these the site really has is the worker's to know (it carries the build's list of pages).
 */
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;

  var manifest = document.querySelector("link[rel='manifest']");
  var list = document.getElementById("og-offline");
  var offline = {};
  try {
    offline = JSON.parse(list.textContent);
  } catch (error) {
    return;
  }
  var siteRoot = new URL(offline.root.replace(/\/?$/, "/"), window.location.href);

  function savingData() {
    return Boolean(navigator.connection && navigator.connection.saveData);
  }

  /* The manual's pages (listed by the page), the language's home page and the files this
     page has just loaded. */
  function wanted() {
    var pages = (offline.pages || []).map(function (path) { return new URL(path, siteRoot).href; });
    var home = typeof offline.home === "string" ? new URL(offline.home, siteRoot).href : null;
    if (!pages.length && !home) return null;
    var files = [];
    var loaded = document.querySelectorAll("link[rel='stylesheet'][href], script[src], link[rel='icon'][href]");
    Array.prototype.forEach.call(loaded, function (element) {
      files.push(new URL(element.getAttribute("href") || element.getAttribute("src"), window.location.href).href);
    });
    if (manifest) files.push(new URL(manifest.getAttribute("href"), window.location.href).href);
    /* Scripts the page loads only when asked (sharing ticks): kept now, for use offline. */
    (offline.files || []).forEach(function (path) { files.push(new URL(path, siteRoot).href); });
    return { pages: pages, files: files, home: home };
  }

  function keep(worker) {
    var lists = wanted();
    if (!lists || !worker || savingData()) return;
    worker.postMessage({ type: "keep", pages: lists.pages, files: lists.files, home: lists.home });
  }

  function whenIdle(callback) {
    if ("requestIdleCallback" in window) {
      window.requestIdleCallback(callback, { timeout: 5000 });
    } else {
      window.setTimeout(callback, 2000);
    }
  }

  function start() {
    navigator.serviceWorker.register(new URL("sw.js", siteRoot).href, { scope: siteRoot.pathname })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) { whenIdle(function () { keep(registration.active); }); })
      .catch(function () { /* Offline reading is a bonus: the page works without it. */ });
  }

  /* A new build's worker takes over from the old one: it keeps the manual anew. (On a
     first visit there was no worker before, and the first one has been asked already.) */
  var hadWorker = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (hadWorker) whenIdle(function () { keep(navigator.serviceWorker.controller); });
    hadWorker = true;
  });

  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start);
  }
})();
