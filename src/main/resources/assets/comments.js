// Comments in place: posting, replying, recommending and "show more" without leaving the page. Every one of them
// also works without this script, by form post and redirect; here the same forms are sent with part=1 and the piece
// of page the server answers is put where it belongs.
(function () {
  'use strict';
  var section = document.getElementById('comments');
  if (!section || !window.fetch || !window.URLSearchParams) return;

  function withPart(url) {
    var hash = url.indexOf('#');
    if (hash >= 0) url = url.substring(0, hash);
    return url + (url.indexOf('?') < 0 ? '?' : '&') + 'part=1';
  }

  function nodes(html) {
    var t = document.createElement('template');
    t.innerHTML = html;
    return t.content;
  }

  function send(form) {
    var button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    return fetch(withPart(form.getAttribute('action')), {
      method: 'POST', credentials: 'same-origin', body: new URLSearchParams(new FormData(form))
    }).then(function (r) {
      return r.text().then(function (text) { return { ok: r.ok, status: r.status, html: text }; });
    }).finally(function () {
      if (button) button.disabled = false;
    });
  }

  function showError(form, html) {
    var old = form.querySelector('.comment-error');
    if (old) old.remove();
    var message = nodes(html).querySelector('.comment-error');
    if (!message) {
      message = document.createElement('p');
      message.className = 'comment-error';
      message.setAttribute('role', 'alert');
      message.textContent = 'That did not work. Reload the page and try again.';
    }
    form.insertBefore(message, form.firstChild);
  }

  function list() {
    return section.querySelector('.comment-list');
  }

  function focusOn(item) {
    item.setAttribute('tabindex', '-1');
    item.focus();
  }

  function post(form) {
    send(form).then(function (answer) {
      if (!answer.ok) {
        showError(form, answer.html);
        return;
      }
      var item = nodes(answer.html).querySelector('li.comment');
      var parent = form.querySelector('input[name=parent]');
      if (parent && form.closest('li.comment')) {
        var host = form.closest('li.comment');
        var replies = host.querySelector(':scope > ol.comment-replies');
        if (!replies) {
          replies = document.createElement('ol');
          replies.className = 'comment-replies';
          host.insertBefore(replies, form);
        }
        replies.appendChild(item);
        form.remove();
      } else {
        list().insertBefore(item, list().firstChild);
        form.reset();
        var error = form.querySelector('.comment-error');
        if (error) error.remove();
        var none = section.querySelector('.comments-none');
        if (none) none.remove();
      }
      focusOn(item);
    });
  }

  function recommend(form) {
    send(form).then(function (answer) {
      var fresh = answer.ok && nodes(answer.html).querySelector('form');
      if (fresh) form.replaceWith(fresh);
    });
  }

  function openReply(link) {
    var host = link.closest('li.comment');
    var open = host.querySelector(':scope > form.comment-reply-form');
    if (open) {
      open.querySelector('textarea').focus();
      return;
    }
    var top = section.querySelector('form[data-comment-form]');
    if (!top) {
      window.location.href = link.href;
      return;
    }
    var id = link.getAttribute('data-reply');
    var form = document.createElement('form');
    form.method = 'post';
    form.action = '/comments/' + section.getAttribute('data-article');
    form.className = 'comment-form comment-reply-form';
    form.setAttribute('data-comment-form', 'true');
    var fieldId = 'reply-body-' + id;
    form.innerHTML = '<input type="hidden" name="_csrf"><input type="hidden" name="parent">'
      + '<p><label for="' + fieldId + '"></label><textarea id="' + fieldId + '" name="body" rows="4" required maxlength="5000"></textarea></p>'
      + '<p><button type="submit">Post reply</button> <button type="button" class="link-button" data-cancel="true">Cancel</button></p>';
    form.querySelector('input[name=_csrf]').value = top.querySelector('input[name=_csrf]').value;
    form.querySelector('input[name=parent]').value = id;
    form.querySelector('label').textContent = 'Your reply to ' + link.getAttribute('data-author');
    var more = host.querySelector(':scope > .comment-more-replies');
    host.insertBefore(form, more);
    form.querySelector('textarea').focus();
  }

  function showMore(link) {
    fetch(withPart(link.getAttribute('href')), { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error('status ' + r.status);
      return r.text();
    }).then(function (html) {
      var page = nodes(html);
      var first = null;
      page.querySelectorAll('ol.comment-list > li.comment').forEach(function (item) {
        if (!document.getElementById(item.id)) {
          list().appendChild(item);
          if (!first) first = item;
        }
      });
      var next = page.querySelector('.comment-more');
      var current = link.closest('.comment-more');
      if (next) current.replaceWith(next); else current.remove();
      if (first) focusOn(first);
    }).catch(function () {
      window.location.href = link.href;
    });
  }

  section.addEventListener('submit', function (event) {
    var form = event.target;
    // the page's own reply, edit and report forms (the thread's page without script) go as forms do
    var inPlace = !form.querySelector('input[name=parent]') || form.closest('li.comment');
    if (form.matches('form[data-comment-form]') && inPlace && !form.querySelector('input[name=reason]')
        && form.getAttribute('action').indexOf('/edit') < 0) {
      event.preventDefault();
      post(form);
    } else if (form.matches('form.comment-recommend')) {
      event.preventDefault();
      recommend(form);
    }
  });

  section.addEventListener('click', function (event) {
    var target = event.target.closest('a[data-reply], a[data-more], button[data-cancel]');
    if (!target) return;
    event.preventDefault();
    if (target.matches('[data-cancel]')) target.closest('form').remove();
    else if (target.matches('[data-reply]')) openReply(target);
    else showMore(target);
  });
})();
