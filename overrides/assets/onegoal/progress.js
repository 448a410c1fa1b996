/* OneGoal: checklists that remember, progress, reset, export and import.
 *
 * Ticks live in this browser's localStorage only, under one key:
 *   {"version": 1, "ticks": {"<manual>": {"<step>": {"<item id>": 1}}}}
 * keyed by manual id, step slug and item id, so every language shows the same ticks.
 * Items that no longer exist are kept but not counted; new items start unticked.
 * Data of another version is set aside (onegoal.progress.unreadable), never overwritten.
 * Where storage is blocked or full, ticks last for the visit and the page says so.
 */
(function () {
  "use strict";

  var KEY = "onegoal.progress";
  var UNREADABLE_KEY = "onegoal.progress.unreadable";
  var VERSION = 1;

  /* -- storage ------------------------------------------------------------ */

  /* Used only where storage does not work: then ticks last for the visit. */
  var memory = null;
  var storageWorks = probeStorage();

  function probeStorage() {
    try {
      var probe = KEY + ".probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return true;
    } catch (error) {
      return false;
    }
  }

  /* Maps without a prototype: a name such as "__proto__" in a file is just a name. */
  function map() {
    return Object.create(null);
  }

  function emptyData() {
    return { version: VERSION, ticks: map() };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function own(object) {
    return Object.keys(object).filter(function (key) {
      return Object.prototype.hasOwnProperty.call(object, key);
    });
  }

  /* Well-formed ticks of this version, or null: anything else is not read. */
  function clean(raw) {
    if (!isObject(raw) || raw.version !== VERSION || !isObject(raw.ticks)) return null;
    var data = emptyData();
    own(raw.ticks).forEach(function (manual) {
      var steps = raw.ticks[manual];
      if (!isObject(steps)) return;
      own(steps).forEach(function (step) {
        var items = steps[step];
        if (!isObject(items)) return;
        own(items).forEach(function (item) {
          if (items[item]) tick(data, manual, step, item, true);
        });
      });
    });
    return data;
  }

  /* Read anew each time, so that another tab or a page restored by "back" never writes
     over ticks made elsewhere. */
  function read() {
    if (!storageWorks) return memory || (memory = emptyData());
    var text = null;
    try {
      text = window.localStorage.getItem(KEY);
    } catch (error) {
      storageWorks = false;
      return read();
    }
    if (text === null) return emptyData();
    var parsed = null;
    try {
      parsed = clean(JSON.parse(text));
    } catch (error) {
      parsed = null;
    }
    if (parsed) return parsed;
    /* Unreadable, perhaps from another version: keep it aside rather than lose it. */
    try {
      var aside = window.localStorage.getItem(UNREADABLE_KEY);
      if (aside === null) {
        window.localStorage.setItem(UNREADABLE_KEY, text);
      } else if (aside !== text) {
        window.localStorage.setItem(UNREADABLE_KEY + "." + Date.now(), text);
      }
    } catch (error) { /* nothing more can be done */ }
    return emptyData();
  }

  function write(data) {
    if (storageWorks) {
      try {
        window.localStorage.setItem(KEY, JSON.stringify(data));
        return;
      } catch (error) {
        storageWorks = false;
        showStorageNotice();
      }
    }
    memory = data;
  }

  function tick(data, manual, step, item, on) {
    var steps = data.ticks[manual] = data.ticks[manual] || map();
    var items = steps[step] = steps[step] || map();
    if (on) {
      items[item] = 1;
    } else {
      delete items[item];
    }
  }

  function isTicked(data, manual, step, item) {
    var steps = data.ticks[manual];
    return Boolean(steps && steps[step] && steps[step][item]);
  }

  /* -- what the page says --------------------------------------------------- */

  var strings = {};

  function loadStrings() {
    var element = document.getElementById("og-strings");
    try {
      strings = element ? JSON.parse(element.getAttribute("data-og-strings")) : {};
    } catch (error) {
      strings = {};
    }
  }

  function say(key, n, total) {
    return String(strings[key] || "").replace("{n}", n).replace("{total}", total);
  }

  function showStorageNotice() {
    Array.prototype.forEach.call(document.querySelectorAll(".og-storage-off"), function (notice) {
      notice.hidden = false;
    });
  }

  /* items: {"<step>": ["<item id>", ...]} as the page lists them */
  function count(data, manual, items) {
    var done = 0;
    var total = 0;
    Object.keys(items).forEach(function (step) {
      items[step].forEach(function (item) {
        total += 1;
        if (isTicked(data, manual, step, item)) done += 1;
      });
    });
    return { done: done, total: total };
  }

  function itemsOf(element) {
    try {
      var items = JSON.parse(element.getAttribute("data-og-items"));
      return isObject(items) ? items : {};
    } catch (error) {
      return {};
    }
  }

  function stateKey(tally) {
    if (tally.total > 0 && tally.done === tally.total) return "progress.done";
    return tally.done > 0 ? "progress.started" : "progress.not_started";
  }

  /* Every element with data-og-items shows the progress of those items: as text
     (data-og-progress names the string), as a state (data-og-state) or as a bar. */
  function render() {
    var data = read();
    Array.prototype.forEach.call(document.querySelectorAll(".og-checklist__box"), function (box) {
      box.checked = isTicked(data, box.dataset.ogManual, box.dataset.ogStep, box.dataset.ogItem);
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-og-items]"), function (element) {
      var tally = count(data, element.dataset.ogManual, itemsOf(element));
      var text = null;
      if (element.tagName === "PROGRESS") {
        element.max = tally.total || 1;
        element.value = tally.done;
        return;
      }
      if (element.hasAttribute("data-og-state")) {
        element.dataset.ogState = stateKey(tally).replace("progress.", "");
        text = say(stateKey(tally));
      } else {
        text = say(element.dataset.ogProgress, tally.done, tally.total);
      }
      /* Only real changes, so screen readers announce a live region when it changes. */
      if (element.textContent !== text) element.textContent = text;
    });
  }

  /* -- what the reader does ------------------------------------------------- */

  function onTick(event) {
    var box = event.target;
    if (!box.classList || !box.classList.contains("og-checklist__box")) return;
    var data = read();
    tick(data, box.dataset.ogManual, box.dataset.ogStep, box.dataset.ogItem, box.checked);
    write(data);
    render();
  }

  function onReset(button) {
    var manual = button.dataset.ogManual;
    if (!window.confirm(say("progress.reset_confirm"))) return;
    var data = read();
    delete data.ticks[manual];
    write(data);
    render();
  }

  function onExport() {
    var data = read();
    var file = { app: "onegoal", version: VERSION, exported: new Date().toISOString(), ticks: data.ticks };
    var blob = new Blob([JSON.stringify(file, null, 1)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "onegoal-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  /* Importing adds the file's ticks to the ones here: nothing ticked is lost. */
  function onImport(input) {
    var file = input.files && input.files[0];
    var status = document.querySelector(".og-tools__status");
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var incoming = null;
      try {
        incoming = clean(JSON.parse(String(reader.result)));
      } catch (error) {
        incoming = null;
      }
      if (status) status.textContent = say(incoming ? "progress.imported" : "progress.import_failed");
      if (!incoming) return;
      var data = read();
      Object.keys(incoming.ticks).forEach(function (manual) {
        Object.keys(incoming.ticks[manual]).forEach(function (step) {
          Object.keys(incoming.ticks[manual][step]).forEach(function (item) {
            tick(data, manual, step, item, true);
          });
        });
      });
      /* incoming came through clean(): its maps have no prototype and only its own keys. */
      write(data);
      render();
    };
    reader.readAsText(file);
    input.value = "";
  }

  function onClick(event) {
    var target = event.target.closest && event.target.closest("[data-og-action]");
    if (!target) return;
    if (target.dataset.ogAction === "reset") onReset(target);
    if (target.dataset.ogAction === "export") onExport();
  }

  function onChange(event) {
    if (event.target.dataset && event.target.dataset.ogAction === "import") {
      onImport(event.target);
    } else {
      onTick(event);
    }
  }

  /* -- start ---------------------------------------------------------------- */

  var listening = false;

  function init() {
    loadStrings();
    if (!storageWorks) showStorageNotice();
    Array.prototype.forEach.call(document.querySelectorAll(".og-tools"), function (tools) {
      tools.hidden = false;
    });
    render();
    if (listening) return;
    listening = true;
    document.addEventListener("change", onChange);
    document.addEventListener("click", onClick);
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) render();
    });
    /* A page restored by "back" shows what was ticked meanwhile on other pages. */
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) render();
    });
  }

  /* With the theme's instant navigation, pages are swapped without a reload. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
