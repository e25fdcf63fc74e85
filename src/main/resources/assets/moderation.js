// Broadsheet newsroom: keyboard shortcuts for the comment queues. j / k move between comments, a approves, r goes to
// the reject reason (Enter then rejects), f features or unfeatures, x ticks the comment for a bulk action. Keys typed
// in a field, or with Ctrl, Alt or Meta held, are left alone. Without this script every action is a plain form.
(function () {
  "use strict";
  var list = document.querySelector("[data-moderation]");
  if (!list) return;
  var current = -1;

  function items() {
    return Array.prototype.slice.call(list.querySelectorAll("[data-comment]"));
  }

  function select(index) {
    var all = items();
    if (all.length === 0) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (el, i) { el.classList.toggle("nr-current", i === current); });
    all[current].focus();
    all[current].scrollIntoView({ block: "nearest" });
  }

  function inField(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function press(key) {
    var item = items()[current];
    if (!item) return;
    var control = item.querySelector("[data-key='" + key + "']");
    if (!control) return;
    if (key === "reject") control.focus();
    else control.click();
  }

  list.addEventListener("focusin", function (e) {
    var item = e.target.closest("[data-comment]");
    if (item) current = items().indexOf(item);
  });

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.altKey || e.metaKey || inField(e.target)) return;
    var actions = { a: "approve", r: "reject", f: "feature", x: "tick" };
    if (e.key === "j") select(current + 1);
    else if (e.key === "k") select(current < 0 ? 0 : current - 1);
    else if (actions[e.key]) {
      if (current < 0) select(0);
      press(actions[e.key]);
    } else return;
    e.preventDefault();
  });
})();
