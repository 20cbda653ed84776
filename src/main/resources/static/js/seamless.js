// Progressive enhancement only: every page works without this file.
import { initAll } from '/webjars/govuk-frontend/5.13.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
// An error that names a group of radios or checkboxes links to the group; point it at the first
// choice instead, so following the link puts the focus where the answer goes.
for (const link of document.querySelectorAll('.govuk-error-summary__list a[href^="#"]')) {
	const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
	if (target && !target.matches('input, select, textarea, button')) {
		const first = target.querySelector('input:not([type=hidden]), select, textarea');
		if (first && first.id) {
			link.hash = first.id;
		}
	}
}

// The error summary takes focus on load and its links move focus to their field.
initAll();

// A text box above a long list of checkboxes hides the choices that do not match what is typed.
for (const list of document.querySelectorAll('[data-seamless-filter]')) {
	const box = document.getElementById(list.dataset.seamlessFilter);
	if (!box) {
		continue;
	}
	box.closest('.seamless-filter').hidden = false;
	box.addEventListener('input', () => {
		const words = box.value.trim().toLowerCase();
		for (const item of list.querySelectorAll('.govuk-checkboxes__item')) {
			item.hidden = words !== '' && !item.textContent.toLowerCase().includes(words);
		}
		for (const group of list.querySelectorAll('.seamless-filter__group')) {
			group.hidden = group.querySelector('.govuk-checkboxes__item:not([hidden])') === null;
		}
	});
}

// Only one navigation menu is open at a time, and Escape closes it.
const menus = document.querySelectorAll('.seamless-nav__menu');
for (const menu of menus) {
	menu.addEventListener('toggle', () => {
		if (menu.open) {
			menus.forEach((other) => other !== menu && (other.open = false));
		}
	});
	menu.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && menu.open) {
			menu.open = false;
			menu.querySelector('summary').focus();
		}
	});
}
