/*
 * kartta's search: searches the handbook as you type, offline.
 *
 * The page's search form (form.site-search) says where the index is
 * (data-index, a script that sets window.KARTTA_INDEX, so that it loads
 * from file:// too), where the language root is (data-root) and the
 * words to show (data-none, data-count with {n}).  The index is loaded
 * on first use.  Without this script the form opens the A–Ö index page.
 *
 * Matching: lower case; ä, å and ö are letters of their own, but a
 * query typed without them also matches (ranked lower); every query
 * word must match a word of the title or the text as a prefix, after a
 * few Finnish and Swedish endings are taken off the query word; long
 * query words also match inside compound words.  Titles rank above the
 * text.  Results are built with textContent only: nothing from the
 * index is ever parsed as HTML.  No inline script, no eval: fine under
 * a strict Content-Security-Policy.
 */
(function () {
	'use strict';

	var form = document.querySelector('form.site-search');
	if (!form || !document.addEventListener)
		return;
	var input = form.querySelector('input[name="q"]');
	var box = document.getElementById('site-search-results');
	var status = document.getElementById('site-search-status');
	if (!input || !box)
		return;
	var root = form.getAttribute('data-root') || '';
	var indexUrl = form.getAttribute('data-index');
	var MAX_SHOWN = 12;
	var items = null;
	var loading = false;
	var timer = null;
	var shown = null;

	/*
	 * Endings taken off a query word, the first that fits (longer ones
	 * first); at least four letters must stay.  Finnish cases (illative
	 * -Vn and -seen, -ssa, -sta, -lla, -lta, -lle, -ksi, -na, -ta…),
	 * plurals and a few Swedish endings.
	 */
	var ENDINGS = ['isseen', 'iseen', 'ineen', 'itten', 'iden', 'ihin',
		'issa', 'issä', 'ista', 'istä', 'illa', 'illä', 'ilta', 'iltä',
		'ille', 'iksi', 'aan', 'ään', 'een', 'oon', 'uun', 'yyn', 'öön',
		'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle',
		'ksi', 'tta', 'ttä', 'jen', 'iin', 'hin', 'ien', 'na', 'nä', 'ta',
		'tä', 'ja', 'jä', 'en', 'in', 'et', 'ar', 'er', 'a', 'ä', 'n', 't'];

	function lower(s) {
		return s.toLowerCase();
	}
	/* ä → a, ö → o, å → a, é → e …: the folded form. */
	function fold(s) {
		return s.normalize ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : s;
	}
	function words(s) {
		return lower(s).match(/[\p{L}\p{N}]+/gu) || [];
	}
	function strip(w) {
		var chars = Array.from(w);
		for (var i = 0; i < ENDINGS.length; i++) {
			var e = ENDINGS[i];
			if (w.length > e.length && w.slice(-e.length) === e &&
			    chars.length - Array.from(e).length >= 4)
				return w.slice(0, -e.length);
		}
		return w;
	}
	/*
	 * The stems a query word may stand for: the word without its ending,
	 * and for -us/-ys words (kuntoutukseen → kuntoutuk-, kuntoutus) and
	 * plurals in -i- (palveluihin → palvelu-) the other form as well.
	 */
	function stems(w) {
		var s = strip(w), out = [s];
		if (/kse?$/.test(s))
			out = [s.replace(/se?$/, ''), s.replace(/kse?$/, 's')];
		else if (s !== w && /i$/.test(s) && Array.from(s).length > 5)
			out.push(s.slice(0, -1));
		return out;
	}

	function prepare(index) {
		var kinds = index.kinds || {};
		return (index.items || []).map(function (it) {
			var tw = words(it.t);
			var bw = (it.w || '').split(' ');
			return {
				title: it.t,
				kind: kinds[it.k] || it.k,
				url: root + it.u,
				snippet: it.s || '',
				tlow: lower(it.t),
				tfold: fold(lower(it.t)),
				tw: tw,
				twf: tw.map(fold),
				bw: bw,
				bwf: bw.map(fold)
			};
		});
	}

	function startsAny(list, p) {
		for (var i = 0; i < list.length; i++)
			if (list[i].lastIndexOf(p, 0) === 0)
				return true;
		return false;
	}
	function equalsAny(list, p) {
		return list.indexOf(p) >= 0;
	}
	function containsAny(list, p) {
		for (var i = 0; i < list.length; i++)
			if (list[i].indexOf(p) > 0)
				return true;
		return false;
	}

	/* The score of one query word in one field; 0 if it does not match. */
	function fieldScore(q, exact, folded, weight) {
		if (equalsAny(exact, q.w))
			return 4 * weight;
		if (startsAny(exact, q.w))
			return 3 * weight;
		var i;
		for (i = 0; i < q.stems.length; i++)
			if (startsAny(exact, q.stems[i]))
				return 2.5 * weight;
		for (i = 0; i < q.stems.length; i++)
			if (startsAny(folded, q.fstems[i]))
				return 2 * weight;
		if (q.w.length >= 4 && containsAny(folded, q.fstems[0]))
			return 1 * weight;
		return 0;
	}

	function search(query) {
		var qs = words(query).map(function (w) {
			var ss = stems(w);
			return { w: w, stems: ss, fstems: ss.map(fold) };
		});
		if (qs.length === 0)
			return [];
		var ql = lower(query.trim());
		var hits = [];
		items.forEach(function (it, order) {
			var total = 0;
			for (var i = 0; i < qs.length; i++) {
				var s = Math.max(fieldScore(qs[i], it.tw, it.twf, 3),
				    fieldScore(qs[i], it.bw, it.bwf, 1));
				if (s === 0)
					return;
				total += s;
			}
			if (it.tlow === ql)
				total += 20;
			else if (it.tlow.lastIndexOf(ql, 0) === 0)
				total += 10;
			else if (it.tfold.lastIndexOf(fold(ql), 0) === 0)
				total += 6;
			hits.push({ it: it, score: total, order: order });
		});
		hits.sort(function (a, b) {
			return b.score - a.score || a.order - b.order;
		});
		return hits;
	}

	function el(name, cls, text) {
		var e = document.createElement(name);
		if (cls)
			e.className = cls;
		if (text)
			e.textContent = text;
		return e;
	}

	function say(text) {
		if (status)
			status.textContent = text;
	}

	function show() {
		var query = input.value;
		/* Unchanged: keep the list, and the focus if it is in it. */
		if (query === shown && items !== null)
			return;
		shown = query;
		while (box.firstChild)
			box.removeChild(box.firstChild);
		if (query.trim().length < 2 || items === null) {
			if (items === null)
				shown = null;
			box.hidden = true;
			say('');
			return;
		}
		var hits = search(query);
		box.hidden = false;
		if (hits.length === 0) {
			var none = form.getAttribute('data-none') || '0';
			box.appendChild(el('p', 'search-none', none));
			say(none);
			return;
		}
		var count = (form.getAttribute('data-count') || '{n}')
		    .replace('{n}', String(hits.length));
		box.appendChild(el('p', 'search-count', count));
		var ul = el('ul', 'search-list');
		hits.slice(0, MAX_SHOWN).forEach(function (h) {
			var li = el('li', 'search-hit');
			var a = el('a', 'search-title', h.it.title);
			a.href = h.it.url;
			li.appendChild(a);
			li.appendChild(document.createTextNode(' '));
			li.appendChild(el('span', 'search-kind', h.it.kind));
			if (h.it.snippet)
				li.appendChild(el('p', 'search-snippet', h.it.snippet));
			ul.appendChild(li);
		});
		box.appendChild(ul);
		say(count);
	}

	function load() {
		if (items !== null || loading)
			return;
		if (window.KARTTA_INDEX) {
			items = prepare(window.KARTTA_INDEX);
			show();
			return;
		}
		if (!indexUrl)
			return;
		loading = true;
		var s = document.createElement('script');
		s.src = indexUrl;
		s.onload = function () {
			loading = false;
			if (window.KARTTA_INDEX) {
				items = prepare(window.KARTTA_INDEX);
				show();
			}
		};
		s.onerror = function () {
			loading = false;
		};
		document.head.appendChild(s);
	}

	function links() {
		return Array.prototype.slice.call(box.querySelectorAll('a'));
	}

	input.addEventListener('focus', load);
	input.addEventListener('input', function () {
		load();
		clearTimeout(timer);
		timer = setTimeout(show, 60);
	});
	form.addEventListener('keydown', function (ev) {
		var ls = links(), i = ls.indexOf(document.activeElement);
		if (ev.key === 'Escape') {
			box.hidden = true;
			shown = null;
			input.focus();
		} else if (ev.key === 'ArrowDown' && ls.length > 0) {
			ev.preventDefault();
			ls[Math.min(i + 1, ls.length - 1)].focus();
		} else if (ev.key === 'ArrowUp' && i >= 0) {
			ev.preventDefault();
			if (i === 0)
				input.focus();
			else
				ls[i - 1].focus();
		}
	});
	document.addEventListener('click', function (ev) {
		if (!form.contains(ev.target)) {
			box.hidden = true;
			shown = null;
		}
	});

	/* The A–Ö page opened by the form: show the results of its query. */
	var m = /[?&]q=([^&]*)/.exec(window.location.search);
	if (m) {
		try {
			input.value = decodeURIComponent(m[1].replace(/\+/g, ' '));
		} catch (e) {
			input.value = '';
		}
		if (input.value)
			load();
	}
})();
