/* OneGoal: a reader shows her ticks to the other in her pair, with no server.
 *
 * "Show my Agent" puts her ticks of one manual into a link to that manual's overview, in the
 * link's fragment (after "#"), which browsers never send to a server; a QR code carries the
 * same link to the other phone (share-qr.js, loaded when she asks). Opened there, the
 * overview shows those ticks read-only, beside the reader's own paired steps; nothing is
 * stored unless she chooses "Keep a copy", which goes under its own key, apart from her ticks.
 *
 * The fragment, version 1 (tests/test_browser_share.py writes it too, in Python):
 *   #og-share=1~<manual>~<manual's version>~<minutes since 1970, base 36>~<step>.<step>...
 * and each step, in the manual's order:
 *   <tag of its name><bits><tag of each checklist id, in the order of the ids>
 * Bits: one per item, in the order of the ids, six to a character (first item = lowest bit).
 * Tag: 12 bits of the name's FNV-1a hash as two characters. Characters: base64url. The tags
 * let a phone with another build of the library read the bits: an item it no longer has,
 * or that moved, is found by its tag; a ticked item it does not know is dropped and counted.
 * progress.js loads this file on demand and hands it the reader's ticks (onegoalProgress).
 */
(function () {
  "use strict";

  var FORMAT = "1";
  var PREFIX = "#og-share=";
  /* A manual of 20 steps of 15 items is some 900 characters; anything longer is not a link
     of this library, and reading it would only cost the phone. */
  var MAX_FRAGMENT = 1500;
  var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var SHARED_KEY = "onegoal.shared";
  /* How long the QR encoder may take to arrive before the link is offered alone. */
  var QR_WAIT = 10000;

  function map() {
    return Object.create(null);
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (error) {
      return null;
    }
  }

  function each(selector, root, callback) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), callback);
  }

  /* -- the format ------------------------------------------------------------ */

  function tag(name) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < name.length; i += 1) {
      hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193) >>> 0;
    }
    var bits = hash >>> 20;
    return B64.charAt(bits >> 6) + B64.charAt(bits & 63);
  }

  /* "~" separates the fields, and encodeURIComponent leaves it as it is. */
  function field(text) {
    return encodeURIComponent(text).replace(/~/g, "%7E");
  }

  function bitsOf(ids, ticked) {
    var text = "";
    for (var start = 0; start < ids.length; start += 6) {
      var value = 0;
      for (var n = 0; n < 6 && start + n < ids.length; n += 1) {
        if (ticked[ids[start + n]]) value |= 1 << n;
      }
      text += B64.charAt(value);
    }
    return text;
  }

  /* layout: {"manual", "version", "steps": [[step, [ids]], ...]} (views.share_layout) */
  function encode(layout, ticks, minutes) {
    var steps = layout.steps.map(function (entry) {
      var ticked = isObject(ticks[entry[0]]) ? ticks[entry[0]] : map();
      return tag(entry[0]) + bitsOf(entry[1], ticked) + entry[1].map(tag).join("");
    });
    return [FORMAT, field(layout.manual), field(layout.version), minutes.toString(36), steps.join(".")].join("~");
  }

  function sectionLength(items) {
    return 2 + Math.ceil(items / 6) + 2 * items;
  }

  /* How many items a step's section holds, from its length; -1 if no number fits. */
  function itemCount(length) {
    for (var n = 0; sectionLength(n) <= length; n += 1) {
      if (sectionLength(n) === length) return n;
    }
    return -1;
  }

  function readSection(text) {
    var count = itemCount(text.length);
    if (count < 0) return null;
    var bits = text.slice(2, 2 + Math.ceil(count / 6));
    var items = [];
    for (var n = 0; n < count; n += 1) {
      var on = (B64.indexOf(bits.charAt(Math.floor(n / 6))) >> (n % 6)) & 1;
      var start = 2 + bits.length + 2 * n;
      items.push({ tag: text.slice(start, start + 2), on: Boolean(on) });
    }
    return { tag: text.slice(0, 2), items: items };
  }

  function decodeField(text) {
    try {
      return decodeURIComponent(text);
    } catch (error) {
      return null;
    }
  }

  /* The fragment's fields, or {problem: string key}: never an exception. */
  function decode(fragment) {
    if (fragment.length > MAX_FRAGMENT) return { problem: "shared.too_long" };
    var parts = fragment.split("~");
    var wellFormed = parts.length === 5 && parts[0] === FORMAT && /^[0-9a-z]{1,10}$/.test(parts[3]) &&
      /^[A-Za-z0-9_.-]*$/.test(parts[4]);
    if (!wellFormed) return { problem: "shared.garbage" };
    var minutes = parseInt(parts[3], 36);
    var manual = decodeField(parts[1]);
    var version = decodeField(parts[2]);
    var steps = parts[4] ? parts[4].split(".").map(readSection) : [];
    var date = new Date(minutes * 60000);
    if (!manual || version === null || isNaN(date.getTime()) || steps.indexOf(null) !== -1) {
      return { problem: "shared.garbage" };
    }
    return { manual: manual, version: version, date: date, steps: steps };
  }

  /* -- what the shared ticks are, in this build of the library ------------------ */

  function moves(manual) {
    var element = document.getElementById("og-strings");
    var all = element ? parse(element.getAttribute("data-og-moves")) : null;
    return isObject(all) && isObject(all[manual]) ? all[manual] : {};
  }

  /* Each tag, to the names it may stand for here: [step] for steps, [step, item] for items.
     Old names (the manual's moves) stand for the new ones. */
  function names(layout) {
    var steps = map();
    var items = map();
    var add = function (table, key, value) { (table[key] = table[key] || []).push(value); };
    layout.steps.forEach(function (entry) {
      add(steps, tag(entry[0]), entry[0]);
      entry[1].forEach(function (id) { add(items, entry[0] + " " + tag(id), [entry[0], id]); });
    });
    var moved = moves(layout.manual);
    var stepMoves = isObject(moved.steps) ? moved.steps : {};
    var itemMoves = isObject(moved.items) ? moved.items : {};
    Object.keys(stepMoves).forEach(function (old) { add(steps, tag(old), String(stepMoves[old])); });
    Object.keys(itemMoves).forEach(function (old) {
      var from = old.split("/");
      var to = String(itemMoves[old]).split("/");
      var step = has(stepMoves, from[0]) ? String(stepMoves[from[0]]) : from[0];
      if (from.length === 2 && to.length === 2) add(items, step + " " + tag(from[1]), to);
    });
    return { steps: steps, items: items };
  }

  /* The first name of a tag not yet taken: two names with the same tag are told apart by
     their order, which the link keeps. */
  function claim(candidates, taken) {
    var found = (candidates || []).filter(function (name) { return !taken[String(name)]; })[0];
    if (found) taken[String(found)] = true;
    return found || null;
  }

  /* {ticks: {step: {item: 1}}, dropped: number of ticks of items this build does not have} */
  function resolve(shared, layout) {
    var known = names(layout);
    var takenSteps = map();
    var ticks = map();
    var dropped = 0;
    shared.steps.forEach(function (section) {
      var step = claim(known.steps[section.tag], takenSteps);
      var takenItems = map();
      section.items.forEach(function (item) {
        var found = step ? claim(known.items[step + " " + item.tag], takenItems) : null;
        if (!item.on) return;
        if (!found) {
          dropped += 1;
          return;
        }
        (ticks[found[0]] = ticks[found[0]] || map())[found[1]] = 1;
      });
    });
    return { ticks: ticks, dropped: dropped };
  }

  /* -- the page's words ---------------------------------------------------------- */

  var strings = {};

  function loadStrings() {
    var element = document.querySelector("[data-og-share-strings]");
    var read = element ? parse(element.getAttribute("data-og-share-strings")) : null;
    strings = isObject(read) ? read : {};
  }

  function say(key, values) {
    var text = String(strings[key] || "");
    Object.keys(values || {}).forEach(function (name) {
      text = text.split("{" + name + "}").join(String(values[name]));
    });
    return text;
  }

  function when(date) {
    var options = { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" };
    try {
      return date.toLocaleString(document.documentElement.lang || undefined, options);
    } catch (error) {
      return date.toISOString().slice(0, 16).replace("T", " ");
    }
  }

  function setText(element, text) {
    if (!element) return;
    element.textContent = text;
    element.hidden = !text;
  }

  /* -- her side: the link and its QR code ----------------------------------------- */

  function layoutOf(section) {
    // A template, not a script data block: the theme's instant navigation runs the scripts
    // of a page it swaps in, and a strict policy refuses those.
    var block = section.querySelector("template.og-share-layout");
    var layout = parse(block ? block.content.textContent : "");
    return isObject(layout) && Array.isArray(layout.steps) ? layout : null;
  }

  function linkOf(section) {
    var layout = layoutOf(section);
    var page = new URL(section.getAttribute("data-og-share-page"), window.location.href);
    page.hash = "";
    var ticks = window.onegoalProgress ? window.onegoalProgress.ticks(layout.manual) : map();
    return page.href + PREFIX + encode(layout, ticks, Math.floor(Date.now() / 60000));
  }

  function togglePanel(button) {
    var section = button.closest(".og-share");
    var panel = section.querySelector(".og-share__panel");
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    panel.hidden = !open;
    if (!open) return;
    var link = linkOf(section);
    var anchor = section.querySelector(".og-share__link");
    anchor.href = link;
    anchor.textContent = link;
    setText(section.querySelector(".og-share__status"), "");
    drawQr(section, link);
  }

  var qrScript = null;

  /* A module script: a phone too old for it ignores it, and keeps the link. */
  function withQr(section, callback, failed) {
    if (window.onegoalQr) return callback(window.onegoalQr);
    var timer = window.setTimeout(failed, QR_WAIT);
    document.addEventListener("onegoal:qr", function () {
      window.clearTimeout(timer);
      callback(window.onegoalQr);
    }, { once: true });
    if (qrScript) return;
    qrScript = document.createElement("script");
    qrScript.type = "module";
    qrScript.src = section.getAttribute("data-og-qr-script");
    qrScript.addEventListener("error", function () {
      window.clearTimeout(timer);
      qrScript.remove();
      qrScript = null;
      failed();
    });
    document.head.appendChild(qrScript);
  }

  function drawQr(section, link) {
    var canvas = section.querySelector(".og-share__qr");
    var failed = function () {
      canvas.hidden = true;
      setText(section.querySelector(".og-share__status"), say("share.qr_failed"));
    };
    withQr(section, function (draw) {
      try {
        draw(canvas, link);
        canvas.hidden = false;
      } catch (error) {
        failed();
      }
    }, failed);
  }

  function copyLink(button) {
    var section = button.closest(".og-share");
    var status = section.querySelector(".og-share__status");
    var link = section.querySelector(".og-share__link").href;
    var copied = navigator.clipboard && navigator.clipboard.writeText
      ? navigator.clipboard.writeText(link) : Promise.reject(new Error("no clipboard"));
    copied.then(function () { setText(status, say("share.copied")); },
      function () { setText(status, say("share.copy_failed")); });
  }

  /* -- the other reader's side: her ticks, read-only ------------------------------- */

  function view() {
    return document.querySelector(".og-shared");
  }

  function keptCopies() {
    try {
      var kept = parse(window.localStorage.getItem(SHARED_KEY));
      return isObject(kept) && isObject(kept.copies) ? kept.copies : map();
    } catch (error) {
      return map();
    }
  }

  function keptCopy(manual) {
    var copies = keptCopies();
    var copy = has(copies, manual) ? copies[manual] : null;
    return isObject(copy) && typeof copy.fragment === "string" ? copy : null;
  }

  function fragment() {
    var hash = window.location.hash;
    return hash.indexOf(PREFIX) === 0 ? hash.slice(PREFIX.length) : null;
  }

  function showItems(shared, ticks) {
    each(".og-shared__step", shared, function (row) {
      var step = row.getAttribute("data-og-step");
      var done = 0;
      var items = row.querySelectorAll(".og-shared__item");
      Array.prototype.forEach.call(items, function (item) {
        var on = Boolean(ticks[step] && ticks[step][item.getAttribute("data-og-item")]);
        if (on) done += 1;
        item.setAttribute("data-og-done", String(on));
        item.querySelector(".og-shared__state").textContent = say(on ? "shared.done" : "shared.open");
      });
      row.querySelector(".og-shared__count").textContent = say("shared.count", { n: done, total: items.length });
    });
  }

  /* The language menu keeps the shared ticks: the same view in another language. */
  function languageLinks(hash) {
    each(".md-select__link[href]", null, function (link) {
      link.setAttribute("href", link.getAttribute("href").split("#")[0] + hash);
    });
  }

  function showProblem(key) {
    var problem = document.querySelector(".og-shared-problem");
    setText(problem, key ? say(key) : "");
  }

  function close(shared) {
    shared.hidden = true;
    shared.closest(".og-overview").removeAttribute("data-og-view");
    languageLinks("");
  }

  function describe(shared, decoded, result, copy) {
    var layout = layoutOf(shared);
    var audience = shared.getAttribute("data-og-audience");
    setText(shared.querySelector(".og-shared__whose"), say("shared.whose." + audience, { date: when(decoded.date) }));
    setText(shared.querySelector(".og-shared__version"), decoded.version === layout.version ? "" :
      say("shared.version", { version: decoded.version, current: layout.version }));
    setText(shared.querySelector(".og-shared__dropped"), result.dropped ? say("shared.dropped", { n: result.dropped }) : "");
    setText(shared.querySelector(".og-shared__kept"), copy ? say("shared.kept_on", { date: when(new Date(copy.kept)) }) : "");
    shared.querySelector("[data-og-action='share-keep']").hidden = Boolean(copy);
    shared.querySelector("[data-og-action='share-forget']").hidden = !copy;
  }

  function open(shared, text) {
    var layout = layoutOf(shared);
    var decoded = decode(text);
    if (!decoded.problem && decoded.manual !== layout.manual) decoded = { problem: "shared.other_manual" };
    if (decoded.problem) {
      close(shared);
      showProblem(decoded.problem);
      return;
    }
    showProblem(null);
    var copy = keptCopy(layout.manual);
    var result = resolve(decoded, layout);
    describe(shared, decoded, result, copy && copy.fragment === text ? copy : null);
    showItems(shared, result.ticks);
    setText(shared.querySelector(".og-shared__status"), "");
    shared.closest(".og-overview").setAttribute("data-og-view", "shared");
    shared.hidden = false;
    languageLinks(PREFIX + text);
    if (window.onegoalProgress) window.onegoalProgress.render();
  }

  /* Where she kept a copy, the overview offers it. */
  function offerCopy(shared) {
    var offer = document.querySelector(".og-shared-offer");
    var copy = keptCopy(layoutOf(shared).manual);
    if (!offer) return;
    offer.hidden = !copy || fragment() !== null;
    if (copy) offer.querySelector("a").setAttribute("href", PREFIX + copy.fragment);
  }

  function start() {
    loadStrings();
    var shared = view();
    if (!shared) return;
    var text = fragment();
    if (text === null) {
      close(shared);
      showProblem(null);
    } else {
      open(shared, text);
    }
    offerCopy(shared);
  }

  /* Kept under its own key, never with her ticks; said only once read back. */
  function keep(button) {
    var shared = button.closest(".og-shared");
    var manual = layoutOf(shared).manual;
    var text = fragment();
    var status = shared.querySelector(".og-shared__status");
    try {
      var copies = keptCopies();
      copies[manual] = { fragment: text, kept: new Date().toISOString() };
      window.localStorage.setItem(SHARED_KEY, JSON.stringify({ version: 1, copies: copies }));
    } catch (error) {
      setText(status, say("shared.keep_failed"));
      return;
    }
    var copy = keptCopy(manual);
    if (!copy || copy.fragment !== text) {
      setText(status, say("shared.keep_failed"));
      return;
    }
    start();
    setText(status, say("shared.kept"));
  }

  function forget(button) {
    var shared = button.closest(".og-shared");
    var status = shared.querySelector(".og-shared__status");
    try {
      var copies = keptCopies();
      delete copies[layoutOf(shared).manual];
      window.localStorage.setItem(SHARED_KEY, JSON.stringify({ version: 1, copies: copies }));
    } catch (error) {
      return;
    }
    start();
    setText(status, say("shared.forgotten"));
  }

  function onClick(target) {
    loadStrings();
    var action = target.getAttribute("data-og-action");
    if (action === "share") togglePanel(target);
    if (action === "share-copy") copyLink(target);
    if (action === "share-keep") keep(target);
    if (action === "share-forget") forget(target);
    if (action === "share-print") window.print();
  }

  window.onegoalShare = { start: start, onClick: onClick };
  window.addEventListener("hashchange", start);
})();
