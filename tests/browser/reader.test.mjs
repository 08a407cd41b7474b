// What a reader does: search, follow the service map, answer a decision
// guide with the keyboard, switch language, read on a phone, print, and
// open the handbook straight from the disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SITE, SITE_MULTI, SHOTS, serve, launch, readIndex, horizontalOverflow } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let server, multi, browser;

before(async () => {
	server = await serve(SITE);
	multi = await serve(SITE_MULTI);
	browser = await launch();
	mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
	await browser?.close();
	await server?.close();
	await multi?.close();
});

// A page that records every request and CSP report while it lives.
async function newPage(opts = {}) {
	const ctx = await browser.newContext(opts);
	const page = await ctx.newPage();
	page.requests = [];
	page.problems = [];
	page.on('request', (r) => page.requests.push(r.url()));
	// Failed requests are judged by URL below (Chromium asks for a
	// favicon that the handbook does not have).
	page.on('console', (m) => {
		if (m.type() === 'error' && !/^Failed to load resource/.test(m.text()))
			page.problems.push(m.text());
	});
	page.on('response', (r) => {
		if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
			page.problems.push(`${r.status()} ${r.url()}`);
	});
	page.on('pageerror', (e) => page.problems.push(String(e)));
	page.done = () => ctx.close();
	return page;
}

const index = readIndex(SITE);
const firstOf = (kind) => index.items.find((i) => i.k === kind);

test('search: type a service name and open the result', async () => {
	const svc = firstOf('service');
	assert.ok(svc, 'the handbook has a service');
	const page = await newPage();
	await page.goto(server.url + 'index.html');
	await page.fill('#site-search-q', svc.t);
	const hit = page.locator('#site-search-results a').first();
	await hit.waitFor({ timeout: 5000 });
	assert.equal((await hit.textContent()).trim(), svc.t, 'best result is the exact title');
	const kind = await page.locator('#site-search-results .search-kind').first().textContent();
	assert.equal(kind, index.kinds.service, 'the result shows its kind');
	assert.ok(await page.locator('#site-search-results .search-snippet').count() > 0, 'results have snippets');
	await hit.click();
	await page.waitForURL('**/' + svc.u);
	assert.equal((await page.locator('h1').textContent()).trim(), svc.t);
	assert.deepEqual(page.problems, [], 'no script errors or CSP reports');
	await page.done();
});

test('search: without diacritics, inflected and by keyboard', async () => {
	// Työkokeilu if the handbook has it, else the first title with ä or ö.
	const item = index.items.find((i) => i.t === 'Työkokeilu') ||
		index.items.find((i) => /[äöå]/i.test(i.t)) || index.items[0];
	const plain = item.t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
	const page = await newPage();
	await page.goto(server.url + 'index.html');
	await page.fill('#site-search-q', plain.toLowerCase());
	const titles = page.locator('#site-search-results .search-title');
	await titles.first().waitFor({ timeout: 5000 });
	assert.ok((await titles.allTextContents()).includes(item.t), `"${plain}" finds "${item.t}"`);
	if (item.t === 'Työkokeilu') {
		// Inflected forms: inessive, illative.
		for (const q of ['työkokeilussa', 'työkokeiluun', 'TYÖKOKEILUA']) {
			await page.fill('#site-search-q', q);
			await page.waitForFunction(() => document.querySelector('#site-search-results .search-title')?.textContent === 'Työkokeilu');
		}
	}
	await page.waitForTimeout(200); // past the search's 60 ms debounce
	// The keyboard: arrow down to the first result, Enter opens it.
	await page.focus('#site-search-q');
	await page.keyboard.press('ArrowDown');
	const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
	assert.ok(href, 'ArrowDown focuses a result');
	await page.keyboard.press('Enter');
	await page.waitForURL((u) => u.pathname.endsWith(href.replace(/^(\.\.\/)*/, '')));
	await page.goto(server.url + 'index.html');
	await page.fill('#site-search-q', 'qqqxqqq');
	await page.locator('#site-search-results .search-none').waitFor({ timeout: 5000 });
	await page.done();
});

test('search: without JavaScript the form opens the A–Ö index', async () => {
	const page = await newPage({ javaScriptEnabled: false });
	await page.goto(server.url + 'services/index.html');
	await page.fill('#site-search-q', 'kela');
	await page.press('#site-search-q', 'Enter');
	await page.waitForURL('**/index/a-o.html?q=kela');
	const n = await page.locator('main .atoz-list li').count();
	assert.equal(n, index.items.length, 'the A–Ö page lists every page of the index');
	await page.done();
});

test('service map: follow a node to its page', async (t) => {
	const map = firstOf('map');
	if (!map) {
		t.skip('the handbook has no service map');
		return;
	}
	const page = await newPage();
	await page.goto(server.url + map.u);
	const nodes = page.locator('main svg a');
	if (await nodes.count() === 0) {
		await page.done();
		t.skip('no SVG diagram on the map page yet (diagrams are not drawn); turns on when they are');
		return;
	}
	// Nodes are for the pointer (the SVG is one image to assistive
	// technology, whose route is the text alternative on the same page).
	// A node rather than a group box, whose middle other nodes cover.
	const leaves = page.locator('main svg .node a');
	const node = await leaves.count() > 0 ? leaves.first() : nodes.first();
	const href = await node.getAttribute('href') || await node.getAttribute('xlink:href');
	const want = new URL(href, page.url()).href;
	await node.click();
	await page.waitForURL(want);
	assert.equal(await page.locator('h1').count(), 1, 'the node opens a page with a title');
	assert.equal(await page.locator('main a[href]').count() > 0, true);
	await page.done();
});

test('decision guide: answer to an outcome with the keyboard only', async () => {
	const dec = firstOf('decision');
	assert.ok(dec, 'the handbook has a decision guide');
	const page = await newPage();
	await page.goto(server.url + dec.u);
	// Tab to the first answer of the visible question, then Enter; repeat.
	for (let step = 0; step < 40; step++) {
		const hash = await page.evaluate(() => location.hash);
		if (hash.startsWith('#o-'))
			break;
		let found = false;
		for (let tab = 0; tab < 200 && !found; tab++) {
			await page.keyboard.press('Tab');
			found = await page.evaluate(() => {
				const a = document.activeElement;
				return !!(a && a.closest('.answers') && a.offsetParent !== null);
			});
		}
		assert.ok(found, `an answer can be reached with Tab (step ${step})`);
		const visible = await page.evaluate(() => {
			const r = document.activeElement.getBoundingClientRect();
			return r.width > 0 && r.height > 0;
		});
		assert.ok(visible, 'the focused answer is visible');
		await page.keyboard.press('Enter');
		await page.waitForFunction((h) => location.hash !== h, hash);
	}
	const hash = await page.evaluate(() => location.hash);
	assert.match(hash, /^#o-/, 'an outcome was reached');
	const outcome = page.locator(hash);
	assert.ok(await outcome.isVisible(), 'the outcome is shown');
	await page.done();
});

test('skip link and visible keyboard focus', async () => {
	const page = await newPage();
	await page.goto(server.url + 'index.html');
	await page.keyboard.press('Tab');
	const skip = await page.evaluate(() => {
		const a = document.activeElement;
		const s = getComputedStyle(a);
		const r = a.getBoundingClientRect();
		return { cls: a.className, outline: s.outlineStyle, w: r.width, top: r.top };
	});
	assert.equal(skip.cls, 'skip-link', 'the first Tab reaches the skip link');
	assert.ok(skip.w > 0 && skip.top >= 0, 'the skip link shows when focused');
	assert.notEqual(skip.outline, 'none', 'focus is visible');
	await page.keyboard.press('Enter');
	assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
	await page.done();
});

test('language switcher: each page links to its counterpart', async () => {
	const svc = firstOf('service');
	const page = await newPage({ bypassCSP: true }); // axe is injected inline
	await page.goto(multi.url + svc.u);
	assert.equal(await page.getAttribute('html', 'lang'), 'fi');
	await page.click('.lang-nav a[hreflang="sv"]');
	await page.waitForURL('**/sv/' + svc.u);
	assert.equal(await page.getAttribute('html', 'lang'), 'sv');
	// The Swedish page's frame is Swedish; untranslated texts are marked.
	assert.equal(await page.getAttribute('.skip-link', 'lang'), null);
	assert.equal((await page.textContent('.skip-link')).trim(), 'Hoppa till innehållet');
	assert.ok(await page.locator('main [lang="fi"]').count() > 0, 'Finnish fallback texts carry lang="fi"');
	await page.addScriptTag({ path: AXE });
	const v = await page.evaluate(async () => (await window.axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
	})).violations.map((x) => x.id));
	assert.deepEqual(v, [], 'no axe violation on the Swedish page');
	await page.click('.lang-nav a[hreflang="en"]');
	await page.waitForURL('**/en/' + svc.u);
	assert.equal(await page.getAttribute('html', 'lang'), 'en');
	await page.click('.lang-nav a[hreflang="fi"]');
	await page.waitForURL((u) => u.pathname === '/' + svc.u);
	await page.done();
});

// One page of each kind, and the pages that are not an entity's.
function samplePages() {
	const out = ['index.html', 'index/a-o.html', 'accessibility.html'];
	for (const k of Object.keys(index.kinds)) {
		const it = firstOf(k);
		out.push(it.u, it.u.replace(/[^/]*$/, 'index.html'));
	}
	return [...new Set(out)];
}

test('360 px: no horizontal scrolling, screenshots', async () => {
	const page = await newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 });
	const wide = [];
	for (const p of samplePages()) {
		await page.goto(server.url + p);
		const over = await horizontalOverflow(page);
		if (over > 0)
			wide.push(`${p}: ${over}px too wide`);
	}
	await page.goto(server.url + firstOf('service').u);
	await page.screenshot({ path: join(SHOTS, 'service-360.png'), fullPage: true });
	await page.goto(server.url + 'index.html');
	await page.fill('#site-search-q', firstOf('service').t.slice(0, 5));
	await page.locator('#site-search-results a').first().waitFor();
	assert.ok(await horizontalOverflow(page) <= 0, 'search results fit at 360 px');
	await page.screenshot({ path: join(SHOTS, 'search-360.png') });
	assert.deepEqual(wide, [], 'pages fit at 360 px');
	await page.done();
});

test('1280 px and print: screenshots', async () => {
	const page = await newPage({ viewport: { width: 1280, height: 900 } });
	for (const [name, p] of [['front', 'index.html'], ['guide', firstOf('guide').u],
		['service', firstOf('service').u]]) {
		await page.goto(server.url + p);
		assert.ok(await horizontalOverflow(page) <= 0, `${p} fits at 1280 px`);
		await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true });
	}
	await page.emulateMedia({ media: 'print' });
	await page.goto(server.url + firstOf('service').u);
	const hidden = await page.evaluate(() => ['.site-nav', '.site-search', '.skip-link']
		.map((s) => document.querySelector(s))
		.filter((e) => e && getComputedStyle(e).display !== 'none').map((e) => e.className));
	assert.deepEqual(hidden, [], 'navigation and search are not printed');
	await page.screenshot({ path: join(SHOTS, 'service-print.png'), fullPage: true });
	await page.done();
});

test('nothing is loaded from another host', async () => {
	const page = await newPage();
	for (const p of samplePages()) {
		await page.goto(server.url + p);
		await page.focus('#site-search-q');
	}
	await page.waitForLoadState('networkidle');
	const foreign = page.requests.filter((u) => !u.startsWith(server.url));
	assert.deepEqual(foreign, []);
	await page.done();
});

test('file://: the handbook works opened from the disk', async () => {
	const front = join(SITE, 'index.html');
	assert.ok(existsSync(front));
	const page = await newPage();
	await page.goto(pathToFileURL(front).href);
	const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor);
	assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'the theme\'s stylesheet applies');
	const svc = firstOf('service');
	await page.fill('#site-search-q', svc.t);
	const hit = page.locator('#site-search-results a').first();
	await hit.waitFor({ timeout: 5000 });
	await hit.click();
	await page.waitForURL((u) => u.protocol === 'file:' && u.pathname.endsWith('/' + svc.u));
	assert.equal((await page.locator('h1').textContent()).trim(), svc.t);
	await page.done();
});

test('guides: previous and next in their order, on this page', async () => {
	const guides = index.items.filter((i) => i.k === 'guide');
	if (guides.length < 2)
		return;
	const page = await newPage();
	await page.goto(server.url + guides[0].u);
	assert.equal(await page.locator('a[rel="prev"]').count(), 0, 'the first guide has no previous');
	await page.click('a[rel="next"]');
	await page.waitForURL('**/' + guides[1].u);
	await page.click('a[rel="prev"]');
	await page.waitForURL('**/' + guides[0].u);
	await page.done();
});
