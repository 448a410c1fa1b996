/* OneGoal: checklists that remember, progress, reset, export and import.
 *
 * Ticks live in this browser's localStorage only, under one key:
 *   {"version": 1, "ticks": {"<manual>": {"<step>": {"<item id>": 1}}}, "changed": [...],
 *    "settings": {"share": "hidden"}}
 * keyed by manual id, step slug and item id, so every language shows the same ticks. Her
 * settings (only one: the "Show my Agent" button hidden) are kept with her ticks, so a saved
 * file carries them too.
 * Items that no longer exist are kept but not counted; new items start unticked. Ticks
 * kept under a step's or an item's old name (the manuals' `moved:`) count under the new one.
 *
 * What the reader sees never depends on being able to write: ticks that are stored always
 * show, and Export always saves them. Each change is made to what is stored at that
 * moment (read, change the one tick, write). A change that cannot be written (storage full
 * or blocked) lasts while the page is open, and the page says so.
 *
 * Two tabs: browsers write localStorage for each tab on its own, so two ticks made at the
 * same moment in two tabs can each be written over the other's. Each write therefore names
 * the items it changed ("changed"); a tab that sees, in another tab's write, that one of its
 * own changes is missing and was not changed on purpose over there, makes it again.
 *
 * Data this script cannot read (of another version, or damaged) is set aside under
 * onegoal.progress.unreadable before anything is written over it, and never written over
 * itself. If it cannot be set aside, nothing is written: the ticks last while the page is open.
 */
(function () {
  "use strict";

  var KEY = "onegoal.progress";
  var UNREADABLE_KEY = "onegoal.progress.unreadable";
  var VERSION = 1;
  /* A progress file of every manual of the library is a few kilobytes: anything much bigger
     is not one, and reading it would hold up the page. */
  var MAX_IMPORT_BYTES = 1024 * 1024;

  /* -- data ----------------------------------------------------------------- */

  /* Maps without a prototype: a name such as "__proto__" in a file is just a name. */
  function map() {
    return Object.create(null);
  }

  function emptyData() {
    return { version: VERSION, ticks: map(), settings: map() };
  }

  /* The settings this script knows, at the values it knows: anything else is not read. */
  var SETTINGS = { share: ["hidden"] };

  function setSetting(data, name, value) {
    if (value === null) delete data.settings[name];
    else if (SETTINGS[name] && SETTINGS[name].indexOf(value) !== -1) data.settings[name] = value;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function own(object) {
    return Object.keys(object).filter(function (key) {
      return Object.prototype.hasOwnProperty.call(object, key);
    });
  }

  function tick(data, manual, step, item, on) {
    if (on) {
      var steps = data.ticks[manual] = data.ticks[manual] || map();
      var items = steps[step] = steps[step] || map();
      items[item] = 1;
      return;
    }
    var kept = data.ticks[manual] && data.ticks[manual][step];
    if (!kept) return;
    delete kept[item];
    /* No empty maps left behind: stored data stays as small as the ticks. */
    if (!Object.keys(kept).length) delete data.ticks[manual][step];
    if (!Object.keys(data.ticks[manual]).length) delete data.ticks[manual];
  }

  function isTicked(data, manual, step, item) {
    var steps = data.ticks[manual];
    return Boolean(steps && steps[step] && steps[step][item]);
  }

  /* Every tick as [manual, step, item]. */
  function paths(data) {
    var found = [];
    Object.keys(data.ticks).forEach(function (manual) {
      Object.keys(data.ticks[manual]).forEach(function (step) {
        Object.keys(data.ticks[manual][step]).forEach(function (item) {
          found.push([manual, step, item]);
        });
      });
    });
    return found;
  }

  /* Well-formed ticks of this version, or null: anything else is not read. Only true and 1
     are ticks: "false", "0", [] and {} are not, though JavaScript would call them true. */
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
          if (items[item] === true || items[item] === 1) tick(data, manual, step, item, true);
        });
      });
    });
    if (isObject(raw.settings)) {
      own(raw.settings).forEach(function (name) { setSetting(data, name, raw.settings[name]); });
    }
    return data;
  }

  function parse(text) {
    try {
      return JSON.parse(text);
    } catch (error) {
      return null;
    }
  }

  /* -- what the library says (from the page) --------------------------------- */

  var strings = {};
  /* {"<manual>": {"steps": {"<old>": "<new>"}, "items": {"<step>/<old id>": "<step>/<new id>"}}} */
  var moves = map();

  function loadPageData() {
    var element = document.getElementById("og-strings");
    var read = element ? parse(element.getAttribute("data-og-strings")) : null;
    strings = isObject(read) ? read : {};
    read = element ? parse(element.getAttribute("data-og-moves")) : null;
    moves = isObject(read) ? read : map();
  }

  function say(key, n, total) {
    return String(strings[key] || "").replace("{n}", n).replace("{total}", total);
  }

  /* Where a tick kept under (step, item) belongs now. An item's move may be written with
     the step's old name or its new one. */
  function moved(manual, step, item) {
    var known = Object.prototype.hasOwnProperty.call(moves, manual) ? moves[manual] : null;
    if (!isObject(known)) return [step, item];
    var stepMoves = isObject(known.steps) ? known.steps : {};
    var itemMoves = isObject(known.items) ? known.items : {};
    var lookup = function (name) {
      var to = Object.prototype.hasOwnProperty.call(itemMoves, name) ? itemMoves[name] : null;
      return typeof to === "string" && to.split("/").length === 2 ? to.split("/") : null;
    };
    var newStep = Object.prototype.hasOwnProperty.call(stepMoves, step) && typeof stepMoves[step] === "string"
      ? stepMoves[step] : step;
    return lookup(step + "/" + item) || lookup(newStep + "/" + item) || [newStep, item];
  }

  /* Ticks under old names moved to the new ones; what is ticked under a new name stays. */
  function migrate(data) {
    var result = emptyData();
    result.settings = data.settings;
    paths(data).forEach(function (path) {
      var to = moved(path[0], path[1], path[2]);
      tick(result, path[0], to[0], to[1], true);
    });
    return result;
  }

  /* -- storage ------------------------------------------------------------- */

  /* This page's own changes: {path: [manual, step, item], on: bool, saved: bool}, one per
     item. Unsaved ones could not be written and are shown on top of what is stored; saved
     ones are kept to make them again if another tab's write loses them. */
  var changes = [];
  /* This page's changes of settings not yet written: {name: value or null}. */
  var settingChanges = map();
  /* The browser refuses storage outright (even reading throws): nothing lasts beyond this page. */
  var blocked = false;

  function storage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  /* What is stored now, read anew each time: {data, text, readable}. */
  function stored() {
    var store = storage();
    var text = null;
    try {
      text = store.getItem(KEY);
    } catch (error) {
      blocked = true;
      return { data: emptyData(), text: null, readable: false };
    }
    if (text === null) return { data: emptyData(), text: null, readable: true };
    var data = clean(parse(text));
    return data ? { data: migrate(data), text: text, readable: true } : { data: emptyData(), text: text, readable: false };
  }

  function apply(data, list) {
    list.forEach(function (change) {
      tick(data, change.path[0], change.path[1], change.path[2], change.on);
    });
    Object.keys(settingChanges).forEach(function (name) { setSetting(data, name, settingChanges[name]); });
    return data;
  }

  function unsaved() {
    return changes.filter(function (change) { return !change.saved; });
  }

  /* What the reader's ticks are: the stored ones and this page's changes not yet written. */
  function current() {
    return apply(stored().data, unsaved());
  }

  function samePath(a, b) {
    return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
  }

  /* A new change replaces this page's earlier change of the same item. */
  function remember(path, on) {
    changes = changes.filter(function (change) { return !samePath(change.path, path); });
    changes.push({ path: path, on: on, saved: false });
  }

  /* Unreadable data is copied aside, and the copy read back, before anything is written over
     it. An existing copy is never written over: a different one goes under a new name. */
  function setAside(store, text) {
    try {
      var name = UNREADABLE_KEY;
      var kept = store.getItem(name);
      for (var n = 1; kept !== null && kept !== text; n += 1) {
        name = UNREADABLE_KEY + "." + Date.now() + (n > 1 ? "-" + n : "");
        kept = store.getItem(name);
      }
      if (kept === text) return true;
      store.setItem(name, text);
      return store.getItem(name) === text;
    } catch (error) {
      return false;
    }
  }

  /* Writes this page's unsaved changes onto what is stored now. True when they are stored. */
  function save() {
    var pending = unsaved();
    var now = stored();
    var store = storage();
    if (blocked || !store) {
      showNotice(".og-storage-off");
      return false;
    }
    if (now.text !== null && !now.readable && !setAside(store, now.text)) {
      showNotice(".og-storage-full");
      return false;
    }
    var data = apply(now.data, pending);
    var record = {
      version: VERSION,
      ticks: data.ticks,
      changed: pending.map(function (change) { return change.path; })
    };
    /* Only when there is one: what is stored stays as small as the ticks. */
    if (Object.keys(data.settings).length) record.settings = data.settings;
    var text = JSON.stringify(record);
    try {
      store.setItem(KEY, text);
    } catch (error) {
      /* Full: what is stored stays as it was, and still shows. */
      showNotice(".og-storage-full");
      return false;
    }
    pending.forEach(function (change) { change.saved = true; });
    settingChanges = map();
    hideNotice(".og-storage-full");
    return true;
  }

  function change(list) {
    list.forEach(function (item) { remember(item.path, item.on); });
    save();
    render();
  }

  /* Another tab wrote. Its own changes stand; changes of this page that its write lost
     (it had read the data before this page wrote) are made again. */
  function onStorage(event) {
    if (event.key !== KEY && event.key !== null) return;
    var theirs = event.key === null ? null : parse(event.newValue);
    var changed = theirs && Array.isArray(theirs.changed) ? theirs.changed : [];
    changes = changes.filter(function (mine) {
      /* Storage cleared over there: what this page had written goes with it. */
      if (event.key === null) return !mine.saved;
      /* The same item changed there after here: theirs stands. */
      return !changed.some(function (path) { return Array.isArray(path) && samePath(path, mine.path); });
    });
    var now = stored();
    var lost = false;
    changes.forEach(function (mine) {
      if (mine.saved && now.readable && isTicked(now.data, mine.path[0], mine.path[1], mine.path[2]) !== mine.on) {
        mine.saved = false;
        lost = true;
      }
    });
    if (lost) save();
    render();
  }

  /* -- what the page says --------------------------------------------------- */

  function showNotice(selector) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), function (notice) {
      notice.hidden = false;
    });
  }

  function hideNotice(selector) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), function (notice) {
      notice.hidden = true;
    });
  }

  function setStatus(key) {
    var status = document.querySelector(".og-tools__status");
    if (status) status.textContent = say(key);
  }

  /* items: {"<step>": ["<item id>", ...]} as the page lists them */
  function count(data, manual, items) {
    var done = 0;
    var total = 0;
    Object.keys(items).forEach(function (step) {
      if (!Array.isArray(items[step])) return;
      items[step].forEach(function (item) {
        total += 1;
        if (isTicked(data, manual, step, item)) done += 1;
      });
    });
    return { done: done, total: total };
  }

  function itemsOf(element) {
    var items = parse(element.getAttribute("data-og-items"));
    return isObject(items) ? items : {};
  }

  function stateKey(tally) {
    if (tally.total > 0 && tally.done === tally.total) return "progress.done";
    return tally.done > 0 ? "progress.started" : "progress.not_started";
  }

  /* Every element with data-og-items shows the progress of those items: as text
     (data-og-progress names the string), as a state (data-og-state) or as a bar. */
  function render() {
    var data = current();
    if (blocked) showNotice(".og-storage-off");
    renderShare(data);
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
    change([{ path: [box.dataset.ogManual, box.dataset.ogStep, box.dataset.ogItem], on: box.checked }]);
  }

  /* Every tick of the manual goes, also those of items no longer in it. */
  function onReset(button) {
    var manual = button.dataset.ogManual;
    if (!window.confirm(say("progress.reset_confirm"))) return;
    change(paths(current()).filter(function (path) { return path[0] === manual; }).map(function (path) {
      return { path: path, on: false };
    }));
  }

  function onExport() {
    var data = current();
    var file = { app: "onegoal", version: VERSION, exported: new Date().toISOString(), ticks: data.ticks };
    if (Object.keys(data.settings).length) file.settings = data.settings;
    var blob = new Blob([JSON.stringify(file, null, 1)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "onegoal-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  /* {"<manual>": {"<step>": [ids]}}: the ticks this library has, from the file the tools'
     element names (the service worker keeps it with the page); null if it cannot be read. */
  function checklists(input) {
    var tools = input.closest("[data-og-checklists]");
    if (!tools || !window.fetch) return Promise.resolve(null);
    var asked = { credentials: "same-origin", cache: "no-cache" };  /* this build's, when there is a network */
    return fetch(tools.getAttribute("data-og-checklists"), asked).then(function (response) {
      return response.ok ? response.text() : "";
    }).then(function (text) {
      var known = parse(text);
      return isObject(known) ? known : null;
    }, function () { return null; });
  }

  function isKnown(known, path) {
    var steps = Object.prototype.hasOwnProperty.call(known, path[0]) ? known[path[0]] : null;
    var items = isObject(steps) && Object.prototype.hasOwnProperty.call(steps, path[1]) ? steps[path[1]] : null;
    return Array.isArray(items) && items.indexOf(path[2]) !== -1;
  }

  /* Importing adds the file's ticks to the ones here: nothing ticked is lost. Only ticks of
     this library's manuals, steps and items are taken (under their new names if they have
     moved), and success is said only once they have been read back from storage. */
  function onImport(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      input.value = "";
      setStatus("progress.import_too_large");
      return;
    }
    var known = checklists(input);
    var reader = new FileReader();
    reader.onerror = function () { setStatus("progress.import_failed"); };
    reader.onload = function () {
      var incoming = clean(parse(String(reader.result)));
      known.then(function (found) { take(incoming, found); });
    };
    reader.readAsText(file);
    input.value = "";
  }

  function take(incoming, known) {
    if (!incoming || !known) {
      setStatus("progress.import_failed");
      return;
    }
    var wanted = paths(migrate(incoming)).filter(function (path) { return isKnown(known, path); });
    if (!wanted.length) {
      setStatus("progress.import_empty");
      return;
    }
    var here = current();
    change(wanted.filter(function (path) {
      return !isTicked(here, path[0], path[1], path[2]);
    }).map(function (path) { return { path: path, on: true }; }));
    var back = stored().data;
    var kept = wanted.every(function (path) { return isTicked(back, path[0], path[1], path[2]); });
    setStatus(kept ? "progress.imported" : "progress.import_unsaved");
  }

  function onClick(event) {
    var target = event.target.closest && event.target.closest("[data-og-action]");
    if (!target) return;
    if (target.dataset.ogAction === "reset") onReset(target);
    if (target.dataset.ogAction === "export") onExport();
    if (target.dataset.ogAction === "share-hide") changeSetting("share", "hidden");
    if (SHARE_ACTIONS.indexOf(target.dataset.ogAction) !== -1) {
      withShare(function (share) { share.onClick(target); });
    }
  }

  function onChange(event) {
    var action = event.target.dataset && event.target.dataset.ogAction;
    if (action === "import") {
      onImport(event.target);
    } else if (action === "share-setting") {
      changeSetting("share", event.target.checked ? null : "hidden");
    } else {
      onTick(event);
    }
  }

  /* -- showing her ticks to the other in the pair (share.js, on demand) ------------ */

  function changeSetting(name, value) {
    settingChanges[name] = value;
    save();
    render();
  }

  /* The button shows unless she hid it; the setting's box (in the tools) says which. */
  function renderShare(data) {
    var hidden = data.settings.share === "hidden";
    Array.prototype.forEach.call(document.querySelectorAll(".og-share"), function (section) {
      section.hidden = hidden;
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-og-action='share-setting']"), function (box) {
      box.checked = !hidden;
    });
  }

  /* share.js (and the QR encoder it loads) come only when she asks to show her ticks, or
     when the page is opened with someone's ticks in its address: never on a first visit. */
  var shareScript = null;

  function withShare(callback) {
    if (window.onegoalShare) return callback(window.onegoalShare);
    var source = document.querySelector("[data-og-share-script]");
    if (!source) return;
    if (!shareScript) {
      shareScript = document.createElement("script");
      shareScript.src = source.getAttribute("data-og-share-script");
      document.head.appendChild(shareScript);
    }
    shareScript.addEventListener("load", function () {
      if (window.onegoalShare) callback(window.onegoalShare);
    }, {once: true});
  }

  /* What share.js reads of her ticks: never her storage directly, so that what she shows is
     what her checklists show (moved names followed, unsaved ticks of this page included). */
  window.onegoalProgress = {
    ticks: function (manual) {
      var ticks = current().ticks[manual];
      return isObject(ticks) ? ticks : map();
    },
    moved: moved,
    render: function () { render(); }
  };

  var SHARE_ACTIONS = ["share", "share-copy", "share-keep", "share-forget", "share-print"];
  /* Where "Keep a copy" keeps someone's shared ticks: apart from hers (share.js writes it). */
  var SHARED_KEY = "onegoal.shared";

  function hasKeptCopy() {
    var view = document.querySelector(".og-shared[data-og-manual]");
    if (!view) return false;
    try {
      var kept = parse(storage().getItem(SHARED_KEY));
      return isObject(kept) && isObject(kept.copies) &&
        Object.prototype.hasOwnProperty.call(kept.copies, view.dataset.ogManual);
    } catch (error) {
      return false;
    }
  }

  /* Someone's ticks in the page's address, or a copy kept of them: share.js shows them. */
  function openShared() {
    if (/^#og-share=/.test(window.location.hash) || hasKeptCopy()) {
      withShare(function (share) { share.start(); });
    }
  }

  /* -- start ---------------------------------------------------------------- */

  var listening = false;

  /* Ticks under old names are moved once: written back under the new names (if storage
     can be written; until then they show under the new names all the same). */
  function moveOldNames() {
    var now = stored();
    if (!now.readable || now.text === null) return;
    var old = paths(clean(parse(now.text))).some(function (path) {
      var to = moved(path[0], path[1], path[2]);
      return to[0] !== path[1] || to[1] !== path[2];
    });
    if (old) save();
  }

  function init() {
    loadPageData();
    Array.prototype.forEach.call(document.querySelectorAll(".og-tools"), function (tools) {
      tools.hidden = false;
    });
    moveOldNames();
    render();
    openShared();
    if (listening) return;
    listening = true;
    document.addEventListener("change", onChange);
    document.addEventListener("click", onClick);
    window.addEventListener("storage", onStorage);
    /* Once share.js is here, it follows the address itself. */
    window.addEventListener("hashchange", function () { if (!window.onegoalShare) openShared(); });
    /* A page restored by "back" shows what was ticked meanwhile on other pages. It heard
       nothing while away, so its saved changes are no longer its to make again. */
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      changes = unsaved();
      render();
    });
  }

  /* With the theme's instant navigation, pages are swapped without a reload: once the
     theme's script has come (theme-on-demand.js), follow its pages (init runs again on the
     page it starts on, which changes nothing). */
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init, {once: true});
  } else {
    init();
  }
  document.addEventListener("onegoal:theme", function () {
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  }, {once: true});
})();
