/*
 * kartta's municipality filter on the list of services.
 *
 * The list page (services/index.html) has a nav.area-filter: a link to
 * each municipality's page, which lists the services offered there, so
 * that the filter works without JavaScript.  Each link's item says its
 * municipality (data-area) and every area the municipality is part of
 * (data-within); each service's item (in ul.service-list) says the
 * areas it is offered in (data-areas), or nothing when it is offered
 * throughout the handbook's region.  The nav carries the words to show
 * (data-label, data-all, data-shown with %zu for the numbers shown and
 * in all).
 *
 * This script puts a <select> of the municipalities in the nav and
 * hides, in place, the services not offered in the one chosen (and a
 * group's heading when none of its services is left).  ?alue=<id> in
 * the address chooses one on load, and choosing one updates it, so a
 * filtered list can be bookmarked.  Text goes in with textContent only;
 * no inline script, no eval.
 */
(function () {
	'use strict';

	var nav = document.querySelector('nav.area-filter');
	if (!nav || !document.addEventListener)
		return;
	var links = nav.querySelectorAll('li[data-area]');
	var lists = document.querySelectorAll('ul.service-list');
	if (links.length === 0 || lists.length === 0)
		return;

	var within = {};
	var wrap = document.createElement('p');
	var label = document.createElement('label');
	var select = document.createElement('select');
	var status = document.createElement('p');
	var all = document.createElement('option');
	var i;

	wrap.className = 'area-filter-control';
	select.id = 'area-filter-select';
	label.htmlFor = select.id;
	label.textContent = nav.getAttribute('data-label') + ' ';
	all.value = '';
	all.textContent = nav.getAttribute('data-all');
	select.appendChild(all);
	for (i = 0; i < links.length; i++) {
		var id = links[i].getAttribute('data-area');
		var opt = document.createElement('option');

		within[id] = (links[i].getAttribute('data-within') || id)
		    .split(' ');
		opt.value = id;
		opt.textContent = links[i].textContent;
		select.appendChild(opt);
	}
	status.className = 'area-filter-status';
	status.setAttribute('role', 'status');
	wrap.appendChild(label);
	wrap.appendChild(select);
	var heading = nav.querySelector('h2');
	nav.insertBefore(wrap, heading ? heading.nextSibling : nav.firstChild);
	nav.insertBefore(status, wrap.nextSibling);

	function offered(li, areas) {
		var mine = li.getAttribute('data-areas');
		var j;

		if (!areas || !mine)
			return true;
		mine = mine.split(' ');
		for (j = 0; j < mine.length; j++)
			if (areas.indexOf(mine[j]) >= 0)
				return true;
		return false;
	}

	function apply() {
		var areas = select.value ? within[select.value] : null;
		var shown = 0, total = 0, j, k;

		for (j = 0; j < lists.length; j++) {
			var items = lists[j].children, any = false;

			for (k = 0; k < items.length; k++) {
				var ok = offered(items[k], areas);

				items[k].hidden = !ok;
				total++;
				if (ok) {
					shown++;
					any = true;
				}
			}
			lists[j].hidden = !any;
			var h = lists[j].previousElementSibling;
			if (h && (h.tagName === 'H2' || h.tagName === 'H3'))
				h.hidden = !any;
		}
		status.textContent = areas ? nav.getAttribute('data-shown')
		    .replace('%zu', String(shown)).replace('%zu', String(total)) :
		    '';
	}

	function fromAddress() {
		var m = /[?&]alue=([a-z0-9-]+)/.exec(window.location.search);

		if (m && within[m[1]])
			select.value = m[1];
	}

	select.addEventListener('change', function () {
		if (window.history && window.history.replaceState) {
			var url = window.location.pathname +
			    (select.value ? '?alue=' + select.value : '') +
			    window.location.hash;
			try {
				window.history.replaceState(null, '', url);
			} catch (e) {
				/* file:// may refuse; the filter works all the same. */
			}
		}
		apply();
	});
	fromAddress();
	apply();
}());
