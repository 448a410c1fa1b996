/* Tables wider than a phone scroll sideways: by themselves, or inside the box the theme's
 * script wraps them in where it has loaded (see theme-on-demand.js). A box that scrolls
 * must be reachable by keyboard (WCAG 2.1.1): make each one focusable and name it, when it
 * does scroll. */
(function () {
  "use strict";

  function label(box) {
    var heading = box.closest("article, .md-content") &&
      box.previousElementSibling && box.previousElementSibling.matches("h1, h2, h3, h4")
      ? box.previousElementSibling : null;
    return heading ? heading.textContent.replace(/\s*¶\s*$/, "") : document.title;
  }

  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset table:not([class])"), function (box) {
      if (box.hasAttribute("tabindex") || box.scrollWidth <= box.clientWidth) return;
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      if (!box.hasAttribute("aria-labelledby")) box.setAttribute("aria-label", label(box));
    });
  }

  if (document.readyState === "complete") {
    mark();
  } else {
    window.addEventListener("load", mark);
  }
  /* The theme's script (theme-on-demand.js) wraps tables, and swaps pages with instant navigation. */
  document.addEventListener("onegoal:theme", function () {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mark);
  }, {once: true});
  window.addEventListener("resize", mark);
})();
