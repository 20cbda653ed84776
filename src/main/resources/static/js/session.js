// Two small helpers for signed-in pages, staff and the person's door alike (issue 13, ADR 90):
// 1. Warns before the idle session ends, with "Stay signed in" (an accessible modal dialog).
// 2. Keeps what is typed into a form in this tab's sessionStorage, so that if the session ends
//    before it is saved, it is offered back on the same page after signing in again.
// The page says where this kind of session is kept alive (data-keep-alive) and which sign-out
// forms are its own (data-sign-out): staff and the door each have theirs.
(function () {
	'use strict';
	var body = document.body;
	var account = body.getAttribute('data-account');
	var DRAFT = 'seamless.draft:';

	// ---- 1. Idle warning ----------------------------------------------------------------
	var timeout = Number(body.getAttribute('data-session-timeout'));
	var warning = Number(body.getAttribute('data-session-warning'));
	// The session's last use is stored in steps (ADR 52), so it may end up to a step before
	// the full timeout: the warning counts from the shorter time, and the page looks again only
	// after the longer, as looking is a use that would keep alive a session not yet ended.
	var ends = Number(body.getAttribute('data-session-ends')) || timeout;
	var modal = document.getElementById('session-warning');
	var warnTimer = null;
	var endTimer = null;
	var returnFocus = null;

	function schedule() {
		if (!modal || !timeout) {
			return;
		}
		clearTimeout(warnTimer);
		clearTimeout(endTimer);
		warnTimer = setTimeout(openWarning, Math.max(0, timeout - warning) * 1000);
		// A little after the server's own end, so the reload finds the session gone.
		endTimer = setTimeout(sessionEnded, (ends + 2) * 1000);
	}

	function outside() {
		return Array.prototype.filter.call(body.children, function (el) {
			return el !== modal && el.tagName !== 'SCRIPT';
		});
	}

	function openWarning() {
		returnFocus = document.activeElement;
		outside().forEach(function (el) { el.setAttribute('inert', ''); });
		modal.hidden = false;
		document.getElementById('session-warning-heading').focus();
	}

	function closeWarning() {
		modal.hidden = true;
		outside().forEach(function (el) { el.removeAttribute('inert'); });
		if (returnFocus && returnFocus.focus) {
			returnFocus.focus();
		}
	}

	function csrfToken() {
		var field = document.querySelector('input[name="_csrf"]');
		return field ? field.value : '';
	}

	function staySignedIn() {
		fetch(body.getAttribute('data-keep-alive'), {
			method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-TOKEN': csrfToken() }
		}).then(function (response) {
			if (response.status === 204) {
				closeWarning();
				schedule();
			} else {
				sessionEnded();
			}
		}, sessionEnded);
	}

	// Loading the page again finds the session gone: the server sends the person to sign in
	// and back here afterwards, and the draft below is offered back.
	function sessionEnded() {
		window.location.reload();
	}

	if (modal) {
		// "Sign out" is a real button of the dialog's own sign-out form: it needs no script.
		document.getElementById('session-stay').addEventListener('click', staySignedIn);
		modal.addEventListener('keydown', function (event) {
			if (event.key === 'Escape') {
				event.preventDefault();
				staySignedIn();
			} else if (event.key === 'Tab') {
				// Keep focus inside the dialog.
				var buttons = modal.querySelectorAll('button');
				var first = buttons[0];
				var last = buttons[buttons.length - 1];
				if (event.shiftKey && (document.activeElement === first || document.activeElement.tagName === 'H2')) {
					event.preventDefault();
					last.focus();
				} else if (!event.shiftKey && document.activeElement === last) {
					event.preventDefault();
					first.focus();
				}
			}
		});
		// Requests made by htmx use the session too.
		document.addEventListener('htmx:afterRequest', schedule);
		schedule();
	}

	// ---- 2. Drafts kept in this tab -----------------------------------------------------
	function each(fn) {
		for (var i = sessionStorage.length - 1; i >= 0; i--) {
			var key = sessionStorage.key(i);
			if (key && key.indexOf(DRAFT) === 0) {
				fn(key);
			}
		}
	}

	function read(key) {
		try {
			return JSON.parse(sessionStorage.getItem(key));
		} catch (e) {
			return null;
		}
	}

	if (!account) {
		// Signed out (the sign-in or session-ended page): a form sent just before this was not
		// saved, so its draft is kept, marked, to offer back after signing in again.
		each(function (key) {
			var draft = read(key);
			if (draft && draft.submitted && !draft.interrupted) {
				draft.interrupted = true;
				try {
					sessionStorage.setItem(key, JSON.stringify(draft));
				} catch (e) {
					// Storage refused: the draft stays as it was.
				}
			}
		});
		return;
	}

	// Someone else signed in on this tab: what the last person typed is theirs alone.
	each(function (key) {
		if (key.indexOf(DRAFT + account + ':') !== 0) {
			sessionStorage.removeItem(key);
		}
	});

	function keepable(form) {
		return (form.getAttribute('method') || '').toLowerCase() === 'post'
			&& !form.hasAttribute('data-no-draft')
			&& !form.hasAttribute('data-sign-out')
			&& !form.querySelector('input[type="password"]')
			&& !/\/(login|logout|sign-in|sign-out)(\?|$)/.test(form.getAttribute('action') || '');
	}

	function keyOf(form) {
		return DRAFT + account + ':' + window.location.pathname + '|' + (form.getAttribute('action') || '');
	}

	function fields(form) {
		return Array.prototype.filter.call(form.elements, function (el) {
			return el.name && el.name !== '_csrf' && el.type !== 'hidden' && el.type !== 'file'
				&& el.type !== 'submit' && el.type !== 'button' && el.type !== 'password';
		});
	}

	function valuesOf(form) {
		return fields(form).map(function (el) {
			return (el.type === 'checkbox' || el.type === 'radio') ? (el.checked ? '1' : '0') : el.value;
		});
	}

	function save(form, submitted) {
		var draft = { values: valuesOf(form), submitted: submitted };
		try {
			sessionStorage.setItem(keyOf(form), JSON.stringify(draft));
		} catch (e) {
			// Storage full or refused: the form still works, it is just not kept.
		}
	}

	function restore(form, values) {
		fields(form).forEach(function (el, i) {
			if (i >= values.length) {
				return;
			}
			if (el.type === 'checkbox' || el.type === 'radio') {
				el.checked = values[i] === '1';
			} else {
				el.value = values[i];
			}
		});
	}

	function same(a, b) {
		return a.length === b.length && a.every(function (v, i) { return v === b[i]; });
	}

	var forms = Array.prototype.filter.call(document.querySelectorAll('form'), keepable);
	var offer = document.getElementById('draft-offer');
	var offered = false;
	var pageKeys = {};
	forms.forEach(function (form) {
		var key = keyOf(form);
		pageKeys[key] = true;
		var draft = read(key);
		if (draft && draft.submitted && !draft.interrupted) {
			// Sent while signed in, and this page came back: saved (or shown again with what was
			// typed and what to fix), so nothing is left to offer.
			sessionStorage.removeItem(key);
			draft = null;
		}
		if (draft && !offered && offer && !same(draft.values, valuesOf(form))) {
			offered = true;
			form.parentNode.insertBefore(offer, form);
			offer.hidden = false;
			document.getElementById('draft-restore').addEventListener('click', function () {
				restore(form, draft.values);
				offer.hidden = true;
				var first = fields(form)[0];
				if (first) {
					first.focus();
				}
			});
			document.getElementById('draft-discard').addEventListener('click', function () {
				sessionStorage.removeItem(key);
				offer.hidden = true;
			});
			offer.focus();
		} else if (draft && same(draft.values, valuesOf(form))) {
			sessionStorage.removeItem(key);
		}
		form.addEventListener('input', function () { save(form, false); });
		form.addEventListener('change', function () { save(form, false); });
		form.addEventListener('submit', function () { save(form, true); });
	});
	// A form sent from another page that is not shown again here was saved: forget it.
	each(function (key) {
		if (!pageKeys[key]) {
			var draft = read(key);
			if (!draft || (draft.submitted && !draft.interrupted)) {
				sessionStorage.removeItem(key);
			}
		}
	});
	// Signing out on purpose (the page's own sign-out or the warning's) forgets the drafts.
	Array.prototype.forEach.call(document.querySelectorAll('form[data-sign-out]'), function (signOut) {
		signOut.addEventListener('submit', function () {
			each(function (key) { sessionStorage.removeItem(key); });
		});
	});
})();
