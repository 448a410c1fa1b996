/* The theme's search downloads the whole search index as soon as a page loads: on a
 * phone that is a large share of the page's weight, paid by readers who may never
 * search. This holds back that one request until the reader opens the search (focus
 * in the search field, the search button, or a ?q= link); the theme then runs the
 * query as usual. Loaded in the page's head, before the theme's script, which asks
 * for the index with XMLHttpRequest.
 */
(function () {
  "use strict";
  var request = window.XMLHttpRequest && window.XMLHttpRequest.prototype;
  if (!request || typeof WeakSet !== "function") return;

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

  function isSearch(element) {
    return Boolean(element && element.closest &&
      element.closest("input.md-search__input, label[for='__search'], #__search"));
  }

  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) release(); });
  document.addEventListener("click", function (event) { if (isSearch(event.target)) release(); }, true);
  document.addEventListener("change", function (event) { if (isSearch(event.target)) release(); }, true);
  if (/[?&]q=/.test(window.location.search)) release();
})();
