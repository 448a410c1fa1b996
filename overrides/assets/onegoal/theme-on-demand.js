/* The theme's script and the search index, each fetched only when a reader needs it.
 *
 * The theme's script bundle is most of a page's weight on a phone, and on a phone it serves
 * the search alone: the menu, the language list, tables and details work without it. So a
 * narrow screen loads it when the reader opens the search (focus in the search field, the
 * search button, or a ?q= link); a wide screen, whose side bars it sizes, loads it once
 * the page has loaded; a site that turns on the theme's instant navigation (which the
 * bundle does), at once. The bundle starts on the document's DOMContentLoaded, long past by
 * then: that event is sent again, once, after it has run (theme_assets.py fails the build
 * if a new theme version starts otherwise).
 *
 * The theme's search then downloads the whole search index at once; this holds back that
 * one request until the reader opens the search, on any screen.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var bundle = script && script.getAttribute("data-bundle");
  var request = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (!request || typeof WeakSet !== "function" || !bundle) return;

  var release;
  var opened = new Promise(function (resolve) { release = resolve; });
  var held = new WeakSet();
  var open = request.open;
  var send = request.send;

  request.open = function (method, url) {
    if (/\/search\/search_index\.json(\?|$)/.test(String(url))) held.add(this);
    return open.apply(this, arguments);
  };

  request.send = function () {
    if (!held.has(this)) return send.apply(this, arguments);
    var xhr = this;
    var args = arguments;
    opened.then(function () { send.apply(xhr, args); });
  };

  var loading = false;
  function loadTheme() {
    if (loading) return;
    loading = true;
    var tag = document.createElement("script");
    tag.src = bundle;
    tag.addEventListener("load", function () {
      document.dispatchEvent(new Event("DOMContentLoaded"));
      document.dispatchEvent(new Event("onegoal:theme"));  // the site's scripts follow its pages from now on
    });
    document.body.appendChild(tag);
  }

  function openSearch() {
    release();
    loadTheme();
  }

  function isSearch(element) {
    return Boolean(element && element.closest &&
      element.closest("input.md-search__input, label[for='__search'], #__search"));
  }

  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) openSearch(); });
  document.addEventListener("click", function (event) { if (isSearch(event.target)) openSearch(); }, true);
  document.addEventListener("change", function (event) { if (isSearch(event.target)) openSearch(); }, true);
  if (/[?&]q=/.test(window.location.search)) openSearch();

  function instantNavigation() {
    try {
      var features = JSON.parse(document.getElementById("__config").textContent).features || [];
      return features.indexOf("navigation.instant") >= 0;
    } catch (error) {
      return false;
    }
  }
  if (instantNavigation()) loadTheme();

  var wide = window.matchMedia && window.matchMedia("(min-width: 76.25em)");
  function whenWide() { if (wide && wide.matches) loadTheme(); }
  if (document.readyState === "complete") {
    whenWide();
  } else {
    window.addEventListener("load", whenWide);
  }
  if (wide && wide.addEventListener) wide.addEventListener("change", whenWide);
})();
