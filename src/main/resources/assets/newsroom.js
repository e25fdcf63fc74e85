// Broadsheet newsroom: small enhancements to pages that work without script.
// The editor warns before leaving with unsaved changes, keeps typed text (autosave), and shows a live preview.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) return;
  var csrf = form.querySelector("input[name=_csrf]").value;
  var dirty = false;
  var submitting = false;
  var timer = null;

  form.addEventListener("input", function (e) {
    dirty = true;
    if (form.dataset.autosave) {
      clearTimeout(timer);
      timer = setTimeout(autosave, 4000);
    }
    if (e.target && e.target.id === "body") schedulePreview();
  });
  form.addEventListener("submit", function () { submitting = true; });
  window.addEventListener("beforeunload", function (e) {
    if (dirty && !submitting) { e.preventDefault(); e.returnValue = ""; }
  });

  function post(url, body) {
    return fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "X-CSRF-Token": csrf } });
  }

  function autosave() {
    var data = new FormData(form);
    post(form.dataset.autosave, new URLSearchParams(data)).then(function (r) {
      var status = document.getElementById("autosave-status");
      if (status && r.ok) status.textContent = "Draft kept " + new Date().toLocaleTimeString();
    }).catch(function () {});
  }

  var previewTimer = null;
  var previewBox = form.querySelector(".nr-preview");
  var previewTarget = form.querySelector("[data-preview-target]");
  function schedulePreview() {
    if (!previewBox) return;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 600);
  }
  function preview() {
    var body = new URLSearchParams();
    body.set("body", document.getElementById("body").value);
    post(form.dataset.preview, body).then(function (r) { return r.ok ? r.json() : null; }).then(function (json) {
      if (!json) return;
      previewTarget.innerHTML = json.html; // rendered and sanitised by the server, as on the public page
      previewBox.hidden = false;
    }).catch(function () {});
  }
  if (previewBox && document.getElementById("body").value) preview();
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
