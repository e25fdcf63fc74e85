// Broadsheet newsroom: enhancements to pages that work fully without script. No libraries, no inline code.
// The editor gets a Markdown toolbar, a picture picker, type-ahead for bylines and topics, autosave with a
// status line, a warning before leaving with unsaved changes, a headline field that grows and stays one line,
// and a live preview (the public page in a frame, its headline, standfirst and body following the form).

// The newsroom menu: a <details> that is a "Menu" button on a phone or tablet. From 64em wide it is always open: by CSS
// without script (where the browser styles ::details-content), and here, as the open state, for everyone.
(function () {
  "use strict";
  var menu = document.querySelector(".nr-menu");
  if (!menu) return;
  var wide = window.matchMedia("(min-width: 64em)");
  function follow() {
    menu.open = wide.matches;
  }
  follow();
  if (wide.addEventListener) wide.addEventListener("change", follow);
  menu.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !menu.open || wide.matches) return;
    menu.open = false;
    menu.querySelector("summary").focus();
  });
})();

// The picture picker: a dialog listing the media library (its search.json), with search and pages. Shared by
// the editor (the lead picture, pictures in the body) and the contributor form (their picture); null without
// a search address or where the browser has no <dialog>. Its one name is global so both can use it.
function makePicturePicker(searchUrl) {
  "use strict";
  if (!searchUrl || typeof HTMLDialogElement !== "function") return null;
  var dialog = document.createElement("dialog");
  dialog.className = "nr-picker";
  dialog.setAttribute("aria-labelledby", "picker-title");
  dialog.innerHTML =
    '<div class="nr-picker-head"><h2 id="picker-title">Choose a picture</h2>' +
    '<button type="button" class="nr-button nr-secondary" data-close>Close</button></div>' +
    '<form class="nr-picker-search" role="search"><label for="picker-q">Search the library</label>' +
    '<div class="nr-picker-row"><input id="picker-q" type="search" name="q" autocomplete="off">' +
    '<button type="submit" class="nr-button nr-secondary">Search</button></div></form>' +
    '<p class="nr-picker-status" role="status"></p>' +
    '<ul class="nr-picker-grid"></ul>' +
    '<div class="nr-picker-pages"><button type="button" class="nr-button nr-secondary" data-step="-1">Previous page</button>' +
    '<button type="button" class="nr-button nr-secondary" data-step="1">Next page</button></div>';
  document.body.appendChild(dialog);
  var input = dialog.querySelector("#picker-q");
  var status = dialog.querySelector(".nr-picker-status");
  var grid = dialog.querySelector(".nr-picker-grid");
  var prev = dialog.querySelector("[data-step='-1']");
  var next = dialog.querySelector("[data-step='1']");
  var state = { q: "", page: 1, lastPage: 1, items: [], onChoose: null, request: 0 };

  dialog.querySelector("[data-close]").addEventListener("click", function () { dialog.close(); });
  dialog.querySelector("form").addEventListener("submit", function (e) {
    e.preventDefault();
    load(input.value.trim(), 1);
  });
  prev.addEventListener("click", function () { load(state.q, state.page - 1); });
  next.addEventListener("click", function () { load(state.q, state.page + 1); });
  grid.addEventListener("click", function (e) {
    var button = e.target.closest("button[data-index]");
    if (!button) return;
    var item = state.items[Number(button.dataset.index)];
    var choose = state.onChoose;
    dialog.close();
    if (choose && item) choose(item);
  });

  function load(q, page) {
    var ticket = ++state.request;
    status.textContent = "Looking…";
    var url = searchUrl + (searchUrl.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(q) + "&page=" + page;
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (json) {
      if (ticket !== state.request) return;
      state.q = q;
      state.page = json.page || page;
      state.lastPage = json.lastPage || 1;
      show(Array.isArray(json.items) ? json.items : []);
    }).catch(function () {
      if (ticket !== state.request) return;
      show([]);
      status.textContent = "The picture library cannot be searched just now. You can type a picture’s number instead.";
    });
  }

  function show(items) {
    state.items = items;
    grid.textContent = "";
    items.forEach(function (item, i) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "nr-picker-item";
      button.dataset.index = String(i);
      var img = document.createElement("img");
      img.src = item.src;
      img.alt = "";
      img.loading = "lazy";
      if (item.width && item.height) { img.width = item.width; img.height = item.height; }
      var words = document.createElement("span");
      words.textContent = "No. " + item.id + (item.caption ? " · " + item.caption : item.alt ? " · " + item.alt : "");
      button.appendChild(img);
      button.appendChild(words);
      li.appendChild(button);
      grid.appendChild(li);
    });
    prev.disabled = state.page <= 1;
    next.disabled = state.page >= state.lastPage;
    if (items.length === 0) {
      status.textContent = state.q ? "No pictures match “" + state.q + "”." : "The library has no pictures yet.";
    } else {
      status.textContent = items.length + (items.length === 1 ? " picture" : " pictures") + " on page " + state.page + " of " + state.lastPage + ".";
    }
  }

  return {
    open: function (onChoose) {
      state.onChoose = onChoose;
      dialog.showModal();
      input.focus();
      load(state.q, state.page);
    }
  };
}

(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) return;
  var csrf = form.querySelector("input[name=_csrf]").value;
  var body = document.getElementById("body");
  var announcer = liveRegion();

  function post(url, data) {
    return fetch(url, { method: "POST", body: data, credentials: "same-origin", headers: { "X-CSRF-Token": csrf } });
  }

  function getJson(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function liveRegion() {
    var el = document.createElement("div");
    el.className = "visually-hidden";
    el.setAttribute("aria-live", "polite");
    document.body.appendChild(el);
    return el;
  }

  function announce(text) {
    announcer.textContent = "";
    setTimeout(function () { announcer.textContent = text; }, 50);
  }

  // Replaces part of a textarea the way typing would, so the browser's undo (Ctrl+Z) still works, then
  // selects [selStart, selEnd) counted from the start of the new text.
  function replace(area, start, end, text, selStart, selEnd) {
    area.focus();
    area.setSelectionRange(start, end);
    var typed = false;
    if (text !== "") {
      try { typed = document.execCommand("insertText", false, text); } catch (e) { typed = false; }
    }
    if (!typed) {
      area.setRangeText(text, start, end, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
    area.setSelectionRange(start + selStart, start + selEnd);
  }

  // ---- Unsaved changes: autosave every few seconds after typing, and a warning before leaving.
  var dirty = false;
  var submitting = false;
  var autosaveTimer = null;
  var autosaveStatus = document.getElementById("autosave-status");

  form.addEventListener("input", function () {
    dirty = true;
    if (form.dataset.autosave) {
      clearTimeout(autosaveTimer);
      autosaveTimer = setTimeout(autosave, 3000);
    }
  });
  form.addEventListener("submit", function () {
    submitting = true;
    clearTimeout(autosaveTimer);
  });
  window.addEventListener("beforeunload", function (e) {
    if (dirty && !submitting) { e.preventDefault(); e.returnValue = ""; }
  });

  function autosave() {
    post(form.dataset.autosave, new URLSearchParams(new FormData(form))).then(function (r) {
      if (r.ok) return r.json().then(function (json) { showKept(json.saved); });
      showNotKept(r.status === 403 || r.status === 401
        ? "Not kept: you may have been signed out. Copy your text before leaving this page."
        : "Not kept: the server refused the copy. Your text is still here; save when you can.");
    }).catch(function () {
      showNotKept("Not kept: the server cannot be reached. Your text is still here; save when you can.");
    });
  }

  function showKept(iso) {
    if (!autosaveStatus) return;
    var at = iso ? new Date(iso) : new Date();
    if (isNaN(at.getTime())) at = new Date();
    autosaveStatus.classList.remove("nr-autosave-failed");
    autosaveStatus.textContent = "Draft kept " + at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function showNotKept(text) {
    if (!autosaveStatus) return;
    autosaveStatus.classList.add("nr-autosave-failed");
    autosaveStatus.textContent = text;
  }

  // ---- The headline: one line that wraps, its field as tall as its lines. Enter does not break it, and a line
  // break pasted into it becomes a space (as the server makes it on saving).
  var headline = document.getElementById("headline");
  if (headline) {
    var sizedByCss = window.CSS && CSS.supports && CSS.supports("field-sizing", "content");
    var fit = function () {
      if (sizedByCss) return;
      var style = getComputedStyle(headline);
      headline.style.height = "auto";
      headline.style.height = (headline.scrollHeight + parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth)) + "px";
    };
    headline.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.isComposing) e.preventDefault();
    });
    headline.addEventListener("input", function () {
      if (/[\r\n]/.test(headline.value)) {
        var caret = headline.selectionStart;
        var before = headline.value.slice(0, caret).replace(/\s*[\r\n]+\s*/g, " ");
        headline.value = before + headline.value.slice(caret).replace(/\s*[\r\n]+\s*/g, " ");
        headline.setSelectionRange(before.length, before.length);
      }
      fit();
    });
    window.addEventListener("resize", fit);
    fit();
  }

  // ---- Live preview: the public article page in a frame (the preview page, same origin), whose headline, standfirst
  // and body follow the form; the body is rendered by the server with the public page's code.
  var previewBox = form.querySelector(".nr-preview");
  var previewFrame = previewBox && previewBox.querySelector("iframe");
  var standfirst = document.getElementById("standfirst");
  var previewOn = !!(previewFrame && form.dataset.preview);
  var previewTimer = null;
  var bodyHtml = null;

  function framed() {
    try {
      var doc = previewFrame.contentDocument;
      return doc && doc.querySelector(".article") ? doc : null;
    } catch (e) {
      return null;
    }
  }

  // Puts what the form holds into the framed page: the words as text, the body as the server rendered it.
  function showInFrame() {
    var doc = framed();
    if (!doc) return;
    var h1 = doc.querySelector(".article .headline");
    if (h1 && headline) h1.textContent = headline.value.trim() || "Headline"; // as the server shows a new article's
    var stand = doc.querySelector(".article .standfirst");
    var words = standfirst ? standfirst.value.trim() : "";
    if (words && !stand && h1) {
      stand = doc.createElement("p");
      stand.className = "standfirst";
      h1.insertAdjacentElement("afterend", stand);
    }
    if (stand && words) stand.textContent = words;
    else if (stand) stand.remove();
    var target = doc.querySelector(".article .article-body");
    if (target && bodyHtml !== null) target.innerHTML = bodyHtml; // rendered and sanitised by the server, as on the public page
    previewBox.removeAttribute("aria-busy");
  }

  function preview() {
    if (!previewOn) return;
    var data = new URLSearchParams();
    data.set("body", body.value);
    previewBox.setAttribute("aria-busy", "true");
    post(form.dataset.preview, data).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (json) {
      bodyHtml = json.html || "";
      showInFrame();
    }).catch(function () {
      previewBox.removeAttribute("aria-busy");
      announce("The preview cannot be updated just now. Your text is not affected.");
    });
  }

  function setPreview(on, button) {
    previewOn = on;
    previewBox.hidden = !on;
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
    if (on) preview();
  }

  if (previewOn) {
    body.addEventListener("input", function () {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(preview, 600);
    });
    [headline, standfirst].forEach(function (field) {
      if (field) field.addEventListener("input", showInFrame);
    });
    previewFrame.addEventListener("load", function () {
      if (bodyHtml === null) preview();
      else showInFrame();
    });
    if (framed()) preview();
  }

  // ---- The picture picker (makePicturePicker, at the top of this file).
  var picker = makePicturePicker(form.dataset.pictures);

  // The lead picture: a button beside the number field; choosing fills the number and shows the thumbnail.
  var lead = document.getElementById("leadImageId");
  if (lead && lead.dataset.picker && picker) {
    var chooseLead = document.createElement("button");
    chooseLead.type = "button";
    chooseLead.className = "nr-button nr-secondary nr-choose";
    chooseLead.textContent = "Choose from the library";
    lead.insertAdjacentElement("afterend", chooseLead);
    chooseLead.addEventListener("click", function () {
      picker.open(function (item) {
        lead.value = String(item.id);
        lead.dispatchEvent(new Event("input", { bubbles: true }));
        var fieldset = lead.closest("fieldset");
        var thumb = fieldset.querySelector(".nr-thumb");
        if (!thumb) {
          thumb = document.createElement("img");
          thumb.className = "nr-thumb";
          thumb.alt = "";
          fieldset.querySelector("legend").insertAdjacentElement("afterend", thumb);
        }
        thumb.removeAttribute("srcset"); // the thumbnail of the picture chosen before
        thumb.removeAttribute("sizes");
        thumb.src = item.src;
        if (item.width && item.height) { thumb.width = item.width; thumb.height = item.height; }
        [["leadImageCaption", item.caption], ["leadImageCredit", item.credit], ["leadImageAlt", item.alt]].forEach(function (pair) {
          var field = document.getElementById(pair[0]);
          if (field) field.placeholder = pair[1] || "";
        });
        chooseLead.focus();
        announce("Picture " + item.id + " chosen as the lead picture.");
      });
    });
  }

  // ---- The Markdown toolbar over the body.
  var toolbar = form.querySelector(".nr-toolbar[data-for='body']");
  if (toolbar && body) makeToolbar();

  function makeToolbar() {
    var actions = [
      { label: "Bold", key: "b", run: function () { wrap("**", "**", "bold text"); } },
      { label: "Italic", key: "i", run: function () { wrap("*", "*", "italic text"); } },
      { label: "Subhead", run: function () { prefixLines(function () { return "## "; }, "Subhead"); } },
      { label: "Quote", run: function () { prefixLines(function () { return "> "; }, "Quoted words"); } },
      { label: "Pull quote", run: pullQuote },
      { label: "Bulleted list", run: function () { prefixLines(function () { return "- "; }, "Item"); } },
      { label: "Numbered list", run: function () { prefixLines(function (i) { return (i + 1) + ". "; }, "Item"); } },
      { label: "Link", run: link },
      { label: "Picture", run: insertPicture, hidden: !picker }
    ];
    toolbar.setAttribute("role", "toolbar");
    toolbar.setAttribute("aria-label", "Formatting");
    toolbar.setAttribute("aria-controls", "body");
    var buttons = [];
    actions.forEach(function (a) {
      if (a.hidden) return;
      var b = addButton(a.label, a.run);
      if (a.key) {
        b.setAttribute("aria-keyshortcuts", "Control+" + a.key.toUpperCase() + " Meta+" + a.key.toUpperCase());
        b.title = a.label + " (Ctrl+" + a.key.toUpperCase() + ")";
      }
    });
    if (previewOn) {
      var toggle = addButton("Preview", function () { setPreview(!previewOn, toggle); });
      toggle.setAttribute("aria-pressed", "true");
      toggle.setAttribute("aria-controls", previewBox.id || "");
      toggle.classList.add("nr-toolbar-end");
    }
    buttons.forEach(function (b, i) { b.tabIndex = i === 0 ? 0 : -1; });
    toolbar.hidden = false;

    function addButton(label, run) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", run);
      toolbar.appendChild(b);
      buttons.push(b);
      return b;
    }

    // Arrow keys move between the buttons; Tab leaves the toolbar (one tab stop).
    toolbar.addEventListener("keydown", function (e) {
      var i = buttons.indexOf(document.activeElement);
      if (i < 0) return;
      var to = e.key === "ArrowRight" ? (i + 1) % buttons.length : e.key === "ArrowLeft" ? (i - 1 + buttons.length) % buttons.length
        : e.key === "Home" ? 0 : e.key === "End" ? buttons.length - 1 : -1;
      if (to < 0) return;
      e.preventDefault();
      buttons[i].tabIndex = -1;
      buttons[to].tabIndex = 0;
      buttons[to].focus();
    });

    body.addEventListener("keydown", function (e) {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      var key = e.key.toLowerCase();
      actions.forEach(function (a) {
        if (a.key === key) { e.preventDefault(); a.run(); }
      });
    });
  }

  function wrap(before, after, placeholder) {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    var text = body.value.slice(start, end) || placeholder;
    replace(body, start, end, before + text + after, before.length, before.length + text.length);
  }

  // The whole lines the selection touches.
  function selectedLines() {
    var value = body.value;
    var start = value.lastIndexOf("\n", body.selectionStart - 1) + 1;
    var end = body.selectionEnd;
    if (end > start && value.charAt(end - 1) === "\n") end--;
    var lineEnd = value.indexOf("\n", end);
    if (lineEnd < 0) lineEnd = value.length;
    return { start: start, end: lineEnd, lines: value.slice(start, lineEnd).split("\n") };
  }

  function prefixLines(prefix, placeholder) {
    var sel = selectedLines();
    var text = sel.lines.map(function (line, i) {
      return prefix(i) + (sel.lines.length === 1 && line.trim() === "" ? placeholder : unprefixed(line));
    }).join("\n");
    var first = prefix(0).length;
    replace(body, sel.start, sel.end, text, sel.lines.length === 1 ? first : text.length, text.length);
  }

  // A line without the Markdown that makes it a subhead, quote or list item.
  function unprefixed(line) {
    return line.replace(/^(#+ |> (\[!pullquote\] ?)?|- |\d+\. )/, "");
  }

  function pullQuote() {
    var sel = selectedLines();
    var words = sel.lines.join("\n").trim() === "" ? ["Quoted words"] : sel.lines.map(unprefixed);
    var text = "> [!pullquote]\n" + words.map(function (l) { return "> " + l; }).join("\n");
    var around = blockSpacing(sel.start, sel.end);
    replace(body, sel.start, sel.end, around[0] + text + around[1], around[0].length + 17,
      around[0].length + text.length);
  }

  function link() {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    var url = window.prompt("Address of the link (https://…)", "https://");
    if (url === null || url.trim() === "" || url.trim() === "https://") { body.focus(); return; }
    var text = body.value.slice(start, end) || "link text";
    var markdown = "[" + text + "](" + url.trim().replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/\s/g, "%20") + ")";
    replace(body, start, end, markdown, 1, 1 + text.length);
  }

  function insertPicture() {
    var start = body.selectionStart;
    var end = body.selectionEnd;
    picker.open(function (item) {
      var title = (item.caption || "") + (item.credit ? " | " + item.credit : "");
      var markdown = "![" + escapeText(item.alt || "") + "](image:" + item.id +
        (title ? ' "' + title.replace(/[\\"]/g, "\\$&").replace(/\s+/g, " ") + '"' : "") + ")";
      var around = blockSpacing(start, end);
      replace(body, start, end, around[0] + markdown + around[1], around[0].length + markdown.length,
        around[0].length + markdown.length);
      announce("Picture " + item.id + " inserted.");
    });
  }

  function escapeText(text) {
    return text.replace(/[\\\[\]]/g, "\\$&").replace(/\s+/g, " ");
  }

  // Blank lines to put before and after a block inserted between start and end, so it stands alone.
  function blockSpacing(start, end) {
    var before = body.value.slice(0, start);
    var after = body.value.slice(end);
    var lead = before === "" || /\n\n$/.test(before) ? "" : /\n$/.test(before) ? "\n" : "\n\n";
    var tail = after === "" || /^\n\n/.test(after) ? "" : /^\n/.test(after) ? "\n" : "\n\n";
    return [lead, tail];
  }

  // ---- Type-ahead for the bylines and topics: suggestions for the line being typed.
  Array.prototype.forEach.call(form.querySelectorAll("textarea[data-suggest]"), suggest);

  function suggest(area) {
    var list = document.createElement("ul");
    list.id = area.id + "-suggestions";
    list.className = "nr-suggest";
    list.setAttribute("role", "listbox");
    var label = document.querySelector("label[for='" + area.id + "']");
    list.setAttribute("aria-label", "Suggestions for " + (label ? label.firstChild.textContent.trim() : area.name));
    list.hidden = true;
    area.insertAdjacentElement("afterend", list);
    area.setAttribute("aria-autocomplete", "list");
    area.setAttribute("aria-controls", list.id);
    var names = [];
    var active = -1;
    var timer = null;
    var ticket = 0;
    var choosing = false;

    function line() {
      var v = area.value;
      var caret = area.selectionStart;
      var start = v.lastIndexOf("\n", caret - 1) + 1;
      var end = v.indexOf("\n", caret);
      return { start: start, end: end < 0 ? v.length : end, text: v.slice(start, end < 0 ? v.length : end).trim() };
    }

    function close() {
      ticket++;
      names = [];
      active = -1;
      list.hidden = true;
      list.textContent = "";
      area.removeAttribute("aria-activedescendant");
    }

    function open(found) {
      var current = line();
      var others = area.value.split("\n").map(function (s) { return s.trim().toLowerCase(); });
      names = found.filter(function (n) {
        return n.toLowerCase() !== current.text.toLowerCase() && others.indexOf(n.toLowerCase()) < 0;
      });
      active = -1;
      list.textContent = "";
      area.removeAttribute("aria-activedescendant");
      if (names.length === 0) { close(); return; }
      names.forEach(function (name, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = name;
        li.addEventListener("mousedown", function (e) { e.preventDefault(); });
        li.addEventListener("click", function () { choose(i); });
        list.appendChild(li);
      });
      list.hidden = false;
      announce(names.length + (names.length === 1 ? " suggestion" : " suggestions") +
        ". Up and down arrows to move, Enter to choose, Escape to close.");
    }

    function move(to) {
      var items = list.children;
      if (active >= 0 && items[active]) items[active].setAttribute("aria-selected", "false");
      active = to;
      items[active].setAttribute("aria-selected", "true");
      area.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function choose(i) {
      var name = names[i];
      var current = line();
      close();
      choosing = true;
      replace(area, current.start, current.end, name, name.length, name.length);
      choosing = false;
      announce(name + " added.");
    }

    area.addEventListener("input", function () {
      if (choosing) return;
      clearTimeout(timer);
      var q = line().text;
      if (q.length < 1) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++ticket;
        getJson(area.dataset.suggest + "?q=" + encodeURIComponent(q)).then(function (json) {
          if (mine === ticket && document.activeElement === area) open(json.names || []);
        }).catch(close);
      }, 200);
    });

    area.addEventListener("keydown", function (e) {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); move((active + 1) % names.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); move(active <= 0 ? names.length - 1 : active - 1); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === "Escape") { e.preventDefault(); close(); }
      else if (e.key === "Tab") { close(); }
    });
    area.addEventListener("blur", close);
  }
})();

// The media library in pick mode, opened from the editor: "Use as lead picture" puts the picture's number in
// the editor's field and closes the library. Without script (or without the editor), the number is shown to type.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-use-lead]");
  if (!buttons.length) return;
  var field = null;
  try {
    field = window.opener && window.opener.document.getElementById("leadImageId");
  } catch (e) {
    field = null;
  }
  if (!field) return;
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      field.value = button.getAttribute("data-use-lead");
      field.dispatchEvent(new Event("input", { bubbles: true }));
      window.close();
    });
  });
})();

// A contributor's picture: beside the number field, "Choose from the library" opens the picker and "No picture"
// empties the field; the thumbnail follows. Without script the number is typed, or deleted for no picture.
(function () {
  "use strict";
  var field = document.querySelector(".nr-contributor-form input[name=picture][data-pictures]");
  if (!field) return;
  var picker = makePicturePicker(field.dataset.pictures);
  if (!picker) return;
  var fieldset = field.closest("fieldset");
  var status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  var buttons = document.createElement("p");
  buttons.className = "nr-picture-buttons";
  var choose = document.createElement("button");
  choose.type = "button";
  choose.className = "nr-button nr-secondary";
  choose.textContent = "Choose from the library";
  var remove = document.createElement("button");
  remove.type = "button";
  remove.className = "nr-button nr-secondary";
  remove.textContent = "No picture";
  buttons.appendChild(choose);
  buttons.appendChild(document.createTextNode(" "));
  buttons.appendChild(remove);
  field.closest("p").insertAdjacentElement("afterend", buttons);
  buttons.insertAdjacentElement("afterend", status);

  function thumb() {
    return fieldset.querySelector(".nr-thumb");
  }

  function say(text) {
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 50);
  }

  choose.addEventListener("click", function () {
    picker.open(function (item) {
      field.value = String(item.id);
      var img = thumb();
      if (!img) {
        img = document.createElement("img");
        img.className = "nr-thumb nr-portrait-thumb";
        img.alt = "";
        fieldset.querySelector("legend").insertAdjacentElement("afterend", img);
      }
      img.src = item.src;
      if (item.width && item.height) { img.width = item.width; img.height = item.height; }
      img.hidden = false;
      choose.focus();
      say("Picture " + item.id + " chosen. Save to keep it.");
    });
  });
  remove.addEventListener("click", function () {
    field.value = "";
    var img = thumb();
    if (img) img.hidden = true;
    field.focus();
    say("No picture. Save to keep the change.");
  });
  field.addEventListener("input", function () {
    var img = thumb();
    if (img && field.value.trim() === "") img.hidden = true;
  });
})();
