/* Glossary terms in a page's text: a tap on the word opens its explanation, another tap,
 * Escape or a tap elsewhere closes it. (Keyboard focus opens it through the style sheet
 * alone.) Works with the theme's instant navigation: it listens on the document. */
(function () {
  "use strict";

  function close(except) {
    Array.prototype.forEach.call(document.querySelectorAll(".og-term__word[aria-expanded='true']"), function (word) {
      if (word !== except) word.setAttribute("aria-expanded", "false");
    });
  }

  document.addEventListener("click", function (event) {
    var word = event.target.closest && event.target.closest(".og-term__word");
    if (!word) {
      if (!(event.target.closest && event.target.closest(".og-term__explanation"))) close(null);
      return;
    }
    var open = word.getAttribute("aria-expanded") === "true";
    close(word);
    word.setAttribute("aria-expanded", open ? "false" : "true");
  });

  /* Escape closes it, also where keyboard focus opened it, until the word is left. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    close(null);
    var word = document.activeElement;
    if (word && word.classList && word.classList.contains("og-term__word")) word.dataset.ogDismissed = "";
  });

  document.addEventListener("focusout", function (event) {
    if (event.target.classList && event.target.classList.contains("og-term__word")) {
      delete event.target.dataset.ogDismissed;
    }
  });
})();
