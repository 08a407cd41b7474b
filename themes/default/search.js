/*
 * kartta's search: searches the handbook as you type, offline, also
 * from file://.
 *
 * The page's search form (form.site-search) says where the index is
 * (data-index, a script that sets window.KARTTA_INDEX, so that it loads
 * from file:// too), where the language root is (data-root) and the
 * words to show (data-none, data-count, data-all, data-results,
 * data-page, data-prev, data-next, data-pages, with {n}, {q}, {p}).  The
 * index is loaded on first use.  Without this script the form opens the
 * A–Ö index page; with it, that page (the form's action) with ?q= is
 * the results page: every result, 20 a page, ?p= for the others.
 *
 * Matching.  The index (written by kartta at build time) holds each
 * page's title and text and a lexicon: for every word of the handbook,
 * its base forms and, for a compound, its parts ("työttömien" → työtön;
 * "mielenterveyspalvelut" → mielenterveyspalvelu | mielen terveys
 * palvelu mielenterveys terveyspalvelu), from Voikko for Finnish and
 * Snowball stems for Swedish and English (see "morph" in the index).  A
 * page's terms are its words with their base forms and parts.  A query
 * word matches a term when it, or one of its base forms (if it occurs
 * in the handbook), equals it; when it starts one (as you type); when
 * one of its stems does (endings taken off by the small stripper below,
 * with the common consonant and vowel alternations: kuntoutukse- →
 * kuntoutus, työttöm- → työtön); then the same without diacritics; then
 * a compound typed that the handbook does not have, by its longest
 * first part that it does ("mielenterveysongelmat" → mielenterveys).
 * Every query word must match; titles rank above the text.  Results are
 * built with textContent only: nothing from the index is ever parsed as
 * HTML.  No inline script, no eval: fine under a strict
 * Content-Security-Policy.
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
	var SHOWN = 8;          /* results in the list under the box */
	var PER_PAGE = 20;      /* results a page on the results page */
	var SNIPPET = 180;      /* characters of a snippet */
	var data = null;
	var loading = false;
	var timer = null;
	var shown = null;
	var onLoad = [];

	function word(attr, fallback) {
		return form.getAttribute(attr) || fallback;
	}
	function lower(s) {
		return s.toLowerCase();
	}
	/* ä → a, ö → o, å → a, é → e …: the folded form. */
	function fold(s) {
		return s.normalize ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : s;
	}
	var WORD = /[\p{L}\p{N}]+/gu;
	function words(s) {
		return lower(s).match(WORD) || [];
	}

	/* ---- The stripper: stems of a word the index may not hold ---- */

	/* Finnish case endings, possessives and plurals; Swedish and
	 * English endings.  Every ending that fits gives a stem. */
	var ENDINGS = {
		fi: ['isseen', 'iseen', 'ineen', 'itten', 'iden', 'ihin', 'issa',
			'issä', 'ista', 'istä', 'illa', 'illä', 'ilta', 'iltä', 'ille',
			'iksi', 'seen', 'ina', 'inä', 'ita', 'itä', 'aan', 'ään', 'een',
			'iin', 'oon', 'uun', 'yyn', 'öön', 'hin', 'ssa', 'ssä', 'sta',
			'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'ksi', 'tta', 'ttä',
			'nsa', 'nsä', 'jen', 'ien', 'ten', 'den', 'en', 'ja', 'jä', 'na',
			'nä', 'ta', 'tä', 'ia', 'iä', 'a', 'ä', 'n', 't', 'i'],
		sv: ['arnas', 'ernas', 'ornas', 'heten', 'andet', 'orna', 'arna',
			'erna', 'ande', 'ens', 'ets', 'en', 'et', 'ar', 'er', 'or', 'na',
			's', 'a', 'e'],
		en: ['ies', 'ing', 'ed', 'es', 's']
	};
	/* Stem alternations after an ending is gone: the base form's stem. */
	var ALTERNATIONS = {
		fi: [[/kse$/, 's'], [/ksi$/, 's'], [/ttöm[äi]?$/, 'tön'],
			[/ttom[ai]?$/, 'ton'], [/(uu|yy)de$/, '$1s'], [/([uy])de$/, '$1s'],
			[/ise$/, 'inen'], [/isi$/, 'inen'], [/yvy$/, 'yky'],
			[/uvu$/, 'uku'], [/ue$/, 'uki'], [/pee$/, 've'], [/ee$/, 'e'],
			[/mme$/, 'n'], [/nne$/, 'n'], [/([kpt])\1ee$/, '$1e'],
			[/([aeiouyäö])do$/, '$1to'],
			/* The stem's last vowel changes: työttömä-, työttömi-. */
			[/([^aeiouyäö])[aeiouyäö]$/, '$1', 6]],
		sv: [],
		en: [[/i$/, 'y']]
	};
	var MIN_STEM = 3;

	function stems(w, lang) {
		var out = [], chars = Array.from(w).length;
		var ends = ENDINGS[lang] || ENDINGS.fi;
		var alts = ALTERNATIONS[lang] || [];
		function add(s) {
			if (s !== w && Array.from(s).length >= MIN_STEM && out.indexOf(s) < 0)
				out.push(s);
		}
		ends.forEach(function (e) {
			var n = Array.from(e).length;
			if (chars - n >= MIN_STEM && w.slice(-e.length) === e)
				add(w.slice(0, -e.length));
		});
		out.slice().forEach(function (s) {
			alts.forEach(function (a) {
				/* a[2]: the fewest characters the stem needs. */
				if (a[0].test(s) && Array.from(s).length >= (a[2] || 0))
					add(s.replace(a[0], a[1]));
			});
		});
		return out;
	}

	/* ---- The index ---- */

	/* "bases|parts" of the lexicon: [bases, parts]. */
	function lexOf(lex, w) {
		var v = lex[w];
		if (!v)
			return [[], []];
		var bar = v.indexOf('|');
		var list = function (x) {
			return x ? x.split(' ') : [];
		};
		return bar < 0 ? [list(v), []] :
		    [list(v.slice(0, bar)), list(v.slice(bar + 1))];
	}

	/* The terms of a list of words: the words, their bases and parts. */
	function termsOf(ws, lex) {
		var set = new Set();
		ws.forEach(function (w) {
			set.add(w);
			var l = lexOf(lex, w);
			l[0].forEach(function (t) { set.add(t); });
			l[1].forEach(function (t) { set.add(t); });
		});
		var list = Array.from(set);
		return { set: set, list: list, folded: list.map(fold) };
	}

	function prepare(index) {
		var kinds = index.kinds || {};
		var lex = index.lex || {};
		var vocab = new Set();
		var items = (index.items || []).map(function (it) {
			var tw = words(it.t);
			var bw = words((it.x || '') + ' ' + (it.w || ''));
			var t = termsOf(tw, lex), b = termsOf(bw, lex);
			b.list.forEach(function (w) { vocab.add(w); });
			t.list.forEach(function (w) { vocab.add(w); });
			return {
				title: it.t,
				kind: kinds[it.k] || it.k,
				url: root + it.u,
				summary: it.s || '',
				text: it.x || '',
				tlow: lower(it.t),
				tfold: fold(lower(it.t)),
				tt: t,
				bt: b
			};
		});
		return { lang: index.lang || 'fi', lex: lex, vocab: vocab,
			vocabList: Array.from(vocab), items: items };
	}

	/* What a query word may stand for. */
	function queryWord(w) {
		var lang = data.lang;
		var bases = lexOf(data.lex, w)[0];
		var ss = stems(w, lang);
		var q = {
			w: w,
			exact: [w].concat(bases),
			stems: ss,
			fw: fold(w),
			fstems: ss.map(fold),
			plain: fold(w) === w,
			head: null,
			headPrefix: false,
			tail: []
		};
		/* A compound the handbook does not hold: its longest first part
		 * that is one of the handbook's terms, else that starts one
		 * ("päihde" of päihdekuntoutus, when no analyser gave the parts). */
		if (!data.vocab.has(w) && bases.length === 0) {
			var cs = Array.from(w), n, head;
			for (n = cs.length - MIN_STEM; n >= 4 && !q.head; n--) {
				head = cs.slice(0, n).join('');
				if (data.vocab.has(head))
					q.head = head;
			}
			for (n = cs.length - MIN_STEM; n >= 5 && !q.head; n--) {
				head = cs.slice(0, n).join('');
				if (startsAny(data.vocabList, head)) {
					q.head = head;
					q.headPrefix = true;
				}
			}
			if (q.head) {
				var tail = cs.slice(Array.from(q.head).length).join('');
				q.tail = [tail].concat(stems(tail, lang));
			}
		}
		return q;
	}

	function startsAny(list, p) {
		for (var i = 0; i < list.length; i++)
			if (list[i].lastIndexOf(p, 0) === 0)
				return true;
		return false;
	}
	function containsAny(list, p) {
		for (var i = 0; i < list.length; i++)
			if (list[i].indexOf(p) > 0)
				return true;
		return false;
	}

	/* The score of query word q against terms t; 0 if it does not match. */
	function termScore(q, t) {
		var i;
		for (i = 0; i < q.exact.length; i++)
			if (t.set.has(q.exact[i]))
				return 4;
		if (startsAny(t.list, q.w))
			return 3;
		for (i = 0; i < q.stems.length; i++)
			if (t.set.has(q.stems[i]))
				return 3;
		for (i = 0; i < q.stems.length; i++)
			if (startsAny(t.list, q.stems[i]))
				return 2.5;
		/* Typed without diacritics: "tyokokeilu" finds työkokeilu (but
		 * "työtö" does not find työtoiminta: ö is a letter of its own). */
		if (q.plain) {
			if (startsAny(t.folded, q.fw))
				return 2;
			for (i = 0; i < q.fstems.length; i++)
				if (startsAny(t.folded, q.fstems[i]))
					return 2;
		}
		if (q.head && (q.headPrefix ? startsAny(t.list, q.head) :
		    t.set.has(q.head))) {
			for (i = 0; i < q.tail.length; i++)
				if (startsAny(t.list, q.tail[i]))
					return 1.75;
			return 1.5;
		}
		if (Array.from(q.w).length >= 5 && containsAny(q.plain ? t.folded :
		    t.list, q.plain ? q.fw : q.w))
			return 1;
		return 0;
	}

	function parse(query) {
		return words(query).map(queryWord);
	}

	function search(query) {
		var qs = parse(query);
		if (qs.length === 0)
			return { qs: qs, hits: [] };
		var ql = lower(query.trim());
		var hits = [];
		data.items.forEach(function (it, order) {
			var total = 0;
			for (var i = 0; i < qs.length; i++) {
				var s = Math.max(3 * termScore(qs[i], it.tt),
				    termScore(qs[i], it.bt));
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
		return { qs: qs, hits: hits };
	}

	/* ---- Highlighting and snippets ---- */

	/* Whether one word of a text is a match of the query. */
	function wordMatches(w, qs) {
		w = lower(w);
		var t = termsOf([w], data.lex);
		for (var i = 0; i < qs.length; i++)
			if (termScore(qs[i], t) > 1)
				return true;
		return false;
	}

	/* The runs of text that match: [start, end] pairs. */
	function matchSpans(text, qs) {
		var spans = [], m;
		WORD.lastIndex = 0;
		while ((m = WORD.exec(text)) !== null)
			if (wordMatches(m[0], qs))
				spans.push([m.index, m.index + m[0].length]);
		return spans;
	}

	/* Appends text to parent with the matching words in <mark>. */
	function highlighted(parent, text, qs) {
		var at = 0;
		matchSpans(text, qs).forEach(function (sp) {
			if (sp[0] > at)
				parent.appendChild(document.createTextNode(text.slice(at, sp[0])));
			parent.appendChild(el('mark', null, text.slice(sp[0], sp[1])));
			at = sp[1];
		});
		if (at < text.length)
			parent.appendChild(document.createTextNode(text.slice(at)));
		return parent;
	}

	/* The part of a page's text around its first match, or its summary. */
	function snippet(it, qs) {
		var spans = matchSpans(it.text, qs);
		if (spans.length === 0)
			return it.summary || cut(it.text, 0);
		var start = Math.max(0, spans[0][0] - 60);
		if (start > 0) {
			var sp = it.text.indexOf(' ', start);
			start = sp >= 0 && sp < spans[0][0] ? sp + 1 : start;
		}
		return (start > 0 ? '…' : '') + cut(it.text, start);
	}
	function cut(text, start) {
		if (text.length - start <= SNIPPET)
			return text.slice(start);
		var end = text.lastIndexOf(' ', start + SNIPPET);
		if (end <= start)
			end = start + SNIPPET;
		return text.slice(start, end) + '…';
	}

	/* ---- Showing results ---- */

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

	function hitItem(h, qs) {
		var li = el('li', 'search-hit');
		var a = highlighted(el('a', 'search-title'), h.it.title, qs);
		a.href = h.it.url;
		li.appendChild(a);
		li.appendChild(document.createTextNode(' '));
		li.appendChild(el('span', 'search-kind', h.it.kind));
		var s = snippet(h.it, qs);
		if (s)
			li.appendChild(highlighted(el('p', 'search-snippet'), s, qs));
		return li;
	}

	function resultsUrl(query, p) {
		return form.getAttribute('action') + '?q=' + encodeURIComponent(query) +
		    (p > 1 ? '&p=' + p : '');
	}

	function countText(n) {
		return word('data-count', '{n}').replace('{n}', String(n));
	}

	/* The list under the search box: the best few, and a link to all. */
	function show() {
		var query = input.value;
		/* Unchanged: keep the list, and the focus if it is in it. */
		if (query === shown && data !== null)
			return;
		shown = query;
		while (box.firstChild)
			box.removeChild(box.firstChild);
		if (query.trim().length < 2 || data === null) {
			if (data === null)
				shown = null;
			box.hidden = true;
			say('');
			return;
		}
		var r = search(query);
		box.hidden = false;
		if (r.hits.length === 0) {
			var none = word('data-none', '0');
			box.appendChild(el('p', 'search-none', none));
			say(none);
			return;
		}
		var count = countText(r.hits.length);
		box.appendChild(el('p', 'search-count', count));
		var ul = el('ul', 'search-list');
		r.hits.slice(0, SHOWN).forEach(function (h) {
			ul.appendChild(hitItem(h, r.qs));
		});
		box.appendChild(ul);
		if (r.hits.length > SHOWN) {
			var all = el('a', 'search-all', word('data-all', '{n}')
			    .replace('{n}', String(r.hits.length)));
			all.href = resultsUrl(query, 1);
			box.appendChild(el('p', 'search-more')).appendChild(all);
		}
		say(count);
	}

	/*
	 * The results page: the A–Ö page opened with ?q=.  Every result, a
	 * page of them at a time, above the index.
	 */
	function showPage(query, page) {
		var main = document.getElementById('main');
		if (!main)
			return;
		var r = search(query);
		var pages = Math.max(1, Math.ceil(r.hits.length / PER_PAGE));
		page = Math.min(Math.max(1, page), pages);
		var sec = el('section', 'search-page');
		var h = el('h2', null, word('data-results', '{q}').replace('{q}', query));
		h.id = 'search-page-title';
		h.tabIndex = -1;
		sec.setAttribute('aria-labelledby', h.id);
		sec.appendChild(h);
		if (r.hits.length === 0) {
			sec.appendChild(el('p', 'search-none', word('data-none', '0')));
		} else {
			var info = countText(r.hits.length);
			if (pages > 1)
				info += ' – ' + word('data-page', '{p}/{n}')
				    .replace('{p}', String(page)).replace('{n}', String(pages));
			sec.appendChild(el('p', 'search-count', info));
			var ol = el('ol', 'search-list');
			ol.start = (page - 1) * PER_PAGE + 1;
			r.hits.slice((page - 1) * PER_PAGE, page * PER_PAGE).forEach(function (x) {
				ol.appendChild(hitItem(x, r.qs));
			});
			sec.appendChild(ol);
			if (pages > 1) {
				var nav = el('nav', 'search-pager');
				nav.setAttribute('aria-label', word('data-pages', ''));
				var ul = el('ul');
				for (var p = 1; p <= pages; p++) {
					var li = el('li');
					var a = el('a', null, String(p));
					a.href = resultsUrl(query, p);
					if (p === page)
						a.setAttribute('aria-current', 'page');
					if (p === page - 1)
						a.rel = 'prev';
					if (p === page + 1)
						a.rel = 'next';
					a.setAttribute('aria-label', word('data-page', '{p}/{n}')
					    .replace('{p}', String(p)).replace('{n}', String(pages)));
					li.appendChild(a);
					ul.appendChild(li);
				}
				nav.appendChild(ul);
				sec.appendChild(nav);
			}
		}
		var h1 = main.querySelector('h1');
		if (h1 && h1.nextSibling)
			main.insertBefore(sec, h1.nextSibling);
		else
			main.appendChild(sec);
		document.title = h.textContent + ' – ' + document.title;
		h.focus();
	}

	function ready(fn) {
		if (data !== null)
			fn();
		else {
			onLoad.push(fn);
			load();
		}
	}

	function loaded() {
		loading = false;
		if (!window.KARTTA_INDEX)
			return;
		data = prepare(window.KARTTA_INDEX);
		onLoad.splice(0).forEach(function (fn) { fn(); });
		show();
	}

	function load() {
		if (data !== null || loading)
			return;
		if (window.KARTTA_INDEX) {
			loaded();
			return;
		}
		if (!indexUrl)
			return;
		loading = true;
		var s = document.createElement('script');
		s.src = indexUrl;
		s.onload = loaded;
		s.onerror = function () {
			loading = false;
		};
		document.head.appendChild(s);
	}

	function links() {
		return Array.prototype.slice.call(box.querySelectorAll('a'));
	}

	function close() {
		box.hidden = true;
		shown = null;
	}

	input.addEventListener('focus', load);
	input.addEventListener('input', function () {
		load();
		clearTimeout(timer);
		timer = setTimeout(show, 60);
	});
	/* Arrow keys go through the results, Escape closes them. */
	form.addEventListener('keydown', function (ev) {
		var ls = links(), i = ls.indexOf(document.activeElement);
		if (ev.key === 'Escape' && !box.hidden) {
			/* Close the list and keep the words; a second Escape
			 * clears the box as browsers do. */
			ev.preventDefault();
			close();
			input.focus();
		} else if (ev.key === 'ArrowDown' && ls.length > 0 && !box.hidden) {
			ev.preventDefault();
			ls[Math.min(i + 1, ls.length - 1)].focus();
		} else if (ev.key === 'ArrowUp' && i >= 0) {
			ev.preventDefault();
			if (i === 0)
				input.focus();
			else
				ls[i - 1].focus();
		} else if ((ev.key === 'Home' || ev.key === 'End') && i >= 0) {
			ev.preventDefault();
			ls[ev.key === 'Home' ? 0 : ls.length - 1].focus();
		}
	});
	document.addEventListener('click', function (ev) {
		if (!form.contains(ev.target))
			close();
	});
	form.addEventListener('focusout', function (ev) {
		if (ev.relatedTarget && !form.contains(ev.relatedTarget))
			close();
	});

	/* The results page: the form's own page opened with ?q=. */
	var q = /[?&]q=([^&]*)/.exec(window.location.search);
	var p = /[?&]p=(\d+)/.exec(window.location.search);
	var action = document.createElement('a');
	action.href = form.getAttribute('action') || '';
	if (q && action.pathname === window.location.pathname) {
		var query = '';
		try {
			query = decodeURIComponent(q[1].replace(/\+/g, ' '));
		} catch (e) {
			query = '';
		}
		if (query.trim()) {
			input.value = query;
			shown = query;
			ready(function () {
				showPage(query, p ? parseInt(p[1], 10) : 1);
			});
		}
	}
})();
