// The share button of a gift link: shown only where the browser has a share sheet (navigator.share); without it,
// or without JavaScript, the link is there to copy.
(function () {
  if (!navigator.share) return;
  document.querySelectorAll('[data-share]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.share({ title: button.dataset.shareTitle, url: button.dataset.share }).catch(function () {});
    });
  });
})();
