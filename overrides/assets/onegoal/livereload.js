/* The preview's live reload (make serve), as a file: the page carries the site's
 * Content-Security-Policy in the preview too, which allows no inline script. The preview's
 * server puts this script's tag in every page it serves, with the build it served
 * (data-epoch); the page reloads once the server has a newer build. A real build does not
 * publish this file. */
(function () {
  "use strict";
  var script = document.currentScript;
  var epoch = parseFloat(script.getAttribute("data-epoch"));
  var requestId = script.getAttribute("data-request");
  var request, timeout;

  function poll() {
    request = new XMLHttpRequest();
    request.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    request.open("GET", "/livereload/" + epoch + "/" + requestId);
    request.send();
  }

  function stop() {
    if (request) { request.abort(); }
    if (timeout) { clearTimeout(timeout); }
    request = timeout = undefined;
  }

  window.addEventListener("load", function () {
    if (document.visibilityState === "visible") { poll(); }
  });
  window.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { poll(); } else { stop(); }
  });
  window.addEventListener("beforeunload", stop);
})();
