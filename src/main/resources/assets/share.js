// Sharing without anyone else's script. The share button of a gift link: shown only where the browser has a share
// sheet (navigator.share); without it, or without JavaScript, the link is there to copy. The "Copy link" button at an
// article's end: shown only where the browser can write to the clipboard; the plain share links work without it.
(function () {
  if (navigator.share) {
    document.querySelectorAll('[data-share]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        navigator.share({ title: button.dataset.shareTitle, url: button.dataset.share }).catch(function () {});
      });
    });
  }
  if (navigator.clipboard && window.isSecureContext) {
    document.querySelectorAll('[data-copy]').forEach(function (item) {
      var button = item.querySelector('button');
      var said = item.querySelector('[role=status]');
      item.hidden = false;
      button.addEventListener('click', function () {
        navigator.clipboard.writeText(item.dataset.copy).then(function () {
          said.textContent = 'Link copied';
        }, function () {
          said.textContent = 'Could not copy the link';
        });
      });
    });
  }
})();
