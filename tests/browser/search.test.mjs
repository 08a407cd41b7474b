// Search as a reader uses it: the recall list (inflected forms, stem
// changes and compounds, each with the pages it must find) through the
// results page, on the handbook as built and once more indexed without
// Voikko; every result reachable with paging; matches highlighted and
// snippets taken from where the match is; the keyboard; and results that
// float over the page instead of moving it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SITE, SITE_FALLBACK, SHOTS, serve, launch, readIndex, readRecall, horizontalOverflow } from './lib.mjs';

const RESULTS = 'index/a-o.html';
const recall = readRecall();

let server, fallback, browser, page;

before(async () => {
	server = await serve(SITE);
	if (SITE_FALLBACK)
		fallback = await serve(SITE_FALLBACK);
	browser = await launch();
	page = await browser.newPage();
	page.errors = [];
	page.on('pageerror', (e) => page.errors.push(String(e)));
});

after(async () => {
	await browser?.close();
	await server?.close();
	await fallback?.close();
});

// Every result of query on the results page, all pages followed by
// their links; also the count the page says.
async function results(base, query) {
	let url = `${base}${RESULTS}?q=${encodeURIComponent(query)}`;
	const found = [];
	let said = null;
	for (let n = 0; url && n < 50; n++) {
		await page.goto(url);
		await page.locator('.search-page').waitFor({ timeout: 5000 });
		const r = await page.evaluate(() => ({
			hrefs: [...document.querySelectorAll('.search-page .search-title')]
				.map((a) => a.getAttribute('href')),
			count: (document.querySelector('.search-page .search-count') || {}).textContent || '',
			next: (document.querySelector('.search-pager a[rel="next"]') || {}).href || null,
		}));
		found.push(...r.hrefs.map((h) => h.replace(/^(\.\.\/)+/, '')));
		said = said ?? ((/\d+/.exec(r.count) || [0])[0] | 0);
		url = r.next;
	}
	return { found, said };
}

for (const [label, site, getServer] of [['', SITE, () => server],
	[' without Voikko', SITE_FALLBACK, () => fallback]]) {
	if (!site)
		continue;
	const index = readIndex(site);
	const tally = { asked: 0, found: 0, skipped: 0 };
	for (const r of recall) {
		test(`recall${label}: ${r.query}`, async (t) => {
			if (r.needs === 'voikko' && index.morph !== 'voikko') {
				tally.skipped++;
				t.skip(`needs Voikko; this index was built with "${index.morph}"`);
				return;
			}
			tally.asked++;
			const { found, said } = await results(getServer().url, r.query);
			assert.equal(found.length, said, `the results page lists all ${said} results`);
			assert.equal(new Set(found).size, found.length, 'no result twice');
			const missing = r.pages.filter((p) => !found.includes(p));
			if (missing.length === 0)
				tally.found++;
			assert.deepEqual(missing, [], `"${r.query}" finds ${r.pages.join(', ')}`);
		});
	}
	test(`recall${label}: the whole list`, (t) => {
		const pct = tally.asked ? (100 * tally.found / tally.asked).toFixed(1) : '0';
		t.diagnostic(`kartta: search recall${label} (index "${index.morph}"): ` +
			`${tally.found}/${tally.asked} queries find all their pages (${pct} %), ` +
			`${tally.skipped} skipped`);
		assert.equal(tally.found, tally.asked);
		assert.ok(tally.asked > 0);
	});
}

test('search: every result is reachable, the list under the box links them all', async () => {
	// The query with the most results on the recall list.
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(server.url + 'index.html');
	await page.fill('#site-search-q', 'kela');
	await page.locator('#site-search-results .search-hit').first().waitFor();
	const shown = await page.locator('#site-search-results .search-hit').count();
	const count = +(/\d+/.exec(await page.textContent('#site-search-results .search-count'))[0]);
	assert.ok(count > shown, `more results (${count}) than the list shows (${shown})`);
	await page.click('#site-search-results a.search-all');
	await page.waitForURL(/a-o\.html\?q=kela/);
	const { found, said } = await results(server.url, 'kela');
	assert.equal(said, count);
	assert.equal(found.length, count, 'all pages of results together list every one');
	assert.deepEqual(page.errors, []);
});

test('search: matches are marked, the snippet is where the match is', async () => {
	const index = readIndex(SITE);
	// A word far into a long text and nowhere in its summary or title.
	let item, word;
	for (const it of index.items.filter((i) => (i.x || '').length > 2000)) {
		const late = (it.x.slice(1500).match(/\p{L}{9,}/gu) || [])
			.find((w) => !it.x.slice(0, 1500).toLowerCase().includes(w.toLowerCase()) &&
				!it.s.toLowerCase().includes(w.toLowerCase()));
		if (late) {
			item = it;
			word = late;
			break;
		}
	}
	assert.ok(item, 'the handbook has a long text');
	await page.goto(`${server.url}${RESULTS}?q=${encodeURIComponent(word)}`);
	const hit = page.locator(`.search-page .search-hit:has(a[href$="${item.u}"])`);
	await hit.waitFor();
	const snippet = await hit.locator('.search-snippet').textContent();
	assert.ok(snippet.toLowerCase().includes(word.toLowerCase()), `the snippet "${snippet}" shows "${word}"`);
	assert.equal((await hit.locator('.search-snippet mark').first().textContent()).toLowerCase(),
		word.toLowerCase(), 'the match is marked');
	// An inflected query marks the forms it matched in the title.
	await page.goto(`${server.url}${RESULTS}?q=työkokeiluun`);
	await page.locator('.search-page .search-title').first().waitFor();
	assert.equal(await page.textContent('.search-page .search-title mark'), 'Työkokeilu');
});

test('search: the keyboard goes through the results', async () => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto(server.url + 'index.html');
	await page.focus('#site-search-q');
	await page.keyboard.type('kuntoutus');
	await page.locator('#site-search-results .search-hit').first().waitFor();
	await page.waitForTimeout(200); // past the search's 60 ms debounce
	await page.keyboard.press('ArrowDown');
	const first = await page.evaluate(() => document.activeElement.className);
	assert.equal(first, 'search-title', 'ArrowDown reaches the first result');
	await page.keyboard.press('ArrowDown');
	const second = await page.evaluate(() => [...document.querySelectorAll('#site-search-results a')]
		.indexOf(document.activeElement));
	assert.equal(second, 1, 'ArrowDown again, the second');
	await page.keyboard.press('End');
	assert.equal(await page.evaluate(() => document.activeElement.className), 'search-all',
		'End reaches "show all"');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('Home');
	assert.equal(await page.evaluate(() => [...document.querySelectorAll('#site-search-results a')]
		.indexOf(document.activeElement)), 0, 'Home, the first');
	await page.keyboard.press('ArrowUp');
	assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search-q',
		'ArrowUp from the first goes back to the box');
	await page.keyboard.press('Escape');
	assert.ok(await page.locator('#site-search-results').isHidden(), 'Escape closes the list');
	// Enter in the box opens the results page, focused on its heading.
	await page.keyboard.press('Enter');
	await page.waitForURL(/a-o\.html\?q=kuntoutus/);
	await page.locator('.search-page').waitFor();
	assert.equal(await page.evaluate(() => document.activeElement.id), 'search-page-title');
});

for (const [width, height] of [[360, 740], [1280, 900]]) {
	test(`search at ${width} px: the results float over the page`, async () => {
		await page.setViewportSize({ width, height });
		const svc = readIndex(SITE).items.find((i) => i.k === 'service');
		await page.goto(server.url + svc.u);
		const where = () => page.evaluate(() => ({
			header: document.querySelector('.site-header').getBoundingClientRect().height,
			h1: document.querySelector('main h1').getBoundingClientRect().top,
			height: document.documentElement.scrollHeight,
		}));
		const before = await where();
		await page.fill('#site-search-q', 'palvelu');
		await page.locator('#site-search-results .search-hit').first().waitFor();
		const box = await page.evaluate(() => {
			const r = document.getElementById('site-search-results').getBoundingClientRect();
			return { left: r.left, right: r.right, bottom: r.bottom };
		});
		assert.deepEqual(await where(), before, 'nothing on the page moved');
		assert.ok(box.left >= 0 && box.right <= width, `the list fits the window (${box.left}…${box.right})`);
		assert.ok(box.bottom <= height, 'the list ends inside the window and scrolls itself');
		assert.ok(await horizontalOverflow(page) <= 0, 'no sideways scrolling');
		await page.screenshot({ path: join(SHOTS, `search-${width}.png`) });
	});
}

test('search: the results page works from file://', async () => {
	const url = pathToFileURL(join(SITE, RESULTS)).href + '?q=' + encodeURIComponent('kelan');
	await page.goto(url);
	await page.locator('.search-page .search-title').first().waitFor({ timeout: 5000 });
	const hrefs = await page.evaluate(() => [...document.querySelectorAll('.search-page .search-title')]
		.map((a) => a.href));
	assert.ok(hrefs.some((h) => h.endsWith('/actors/kela.html') && h.startsWith('file:')));
	const next = await page.evaluate(() => (document.querySelector('.search-pager a[rel="next"]') || {}).href);
	if (next) {
		await page.goto(next);
		await page.locator('.search-page .search-title').first().waitFor();
		assert.ok(page.url().startsWith('file:') && /p=2/.test(page.url()));
	}
});

test('search: the list and the results page pass axe, light and dark', async () => {
	const AXE = (await import('node:module')).createRequire(import.meta.url)
		.resolve('axe-core/axe.min.js');
	const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
	const p = await ctx.newPage();
	const bad = [];
	for (const scheme of ['light', 'dark']) {
		await p.emulateMedia({ colorScheme: scheme });
		for (const open of [
			async () => {
				await p.goto(`${server.url}${RESULTS}?q=kuntoutukseen`);
				await p.locator('.search-page .search-hit').first().waitFor();
			},
			async () => {
				await p.goto(server.url + 'index.html');
				await p.fill('#site-search-q', 'työttömille');
				await p.locator('#site-search-results .search-hit mark').first().waitFor();
			}]) {
			await open();
			await p.addScriptTag({ path: AXE });
			const v = await p.evaluate(async () => (await window.axe.run(document, {
				runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
			})).violations.map((x) => `${x.id}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`));
			bad.push(...v.map((x) => `${scheme} ${p.url()}: ${x}`));
		}
	}
	await ctx.close();
	assert.deepEqual(bad, []);
});
