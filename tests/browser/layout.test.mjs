// The layout a reader meets on a phone (360 px) and on a desktop (1280
// px): a compact header whose menu opens without JavaScript, the key
// facts of a service before "on this page", that list beside the text on
// wide screens, and no page that scrolls sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SITE, SITE_MULTI, SHOTS, serve, launch, readIndex, horizontalOverflow } from './lib.mjs';

const MAX_HEADER = 120;

let server, multi, browser;
const index = readIndex(SITE);
const firstOf = (kind) => index.items.find((i) => i.k === kind);

before(async () => {
	server = await serve(SITE);
	multi = await serve(SITE_MULTI);
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.close();
	await multi?.close();
});

async function newPage(opts) {
	const ctx = await browser.newContext(opts);
	const page = await ctx.newPage();
	page.done = () => ctx.close();
	return page;
}

// One page of each kind and the pages that are no entity's.
function samplePages() {
	const out = ['index.html', 'index/a-o.html', 'accessibility.html'];
	for (const k of Object.keys(index.kinds)) {
		const it = firstOf(k);
		out.push(it.u, it.u.replace(/[^/]*$/, 'index.html'));
	}
	return [...new Set(out)];
}

const headerHeight = (page) => page.evaluate(() =>
	document.querySelector('.site-header').getBoundingClientRect().height);

for (const [width, height] of [[360, 740], [800, 1000], [1280, 900]]) {
	test(`${width} px: header at most ${MAX_HEADER} px high, nothing scrolls sideways`, async () => {
		const bad = [];
		for (const [site, prefix] of [[server, ''], [multi, 'sv/']]) {
			const page = await newPage({ viewport: { width, height } });
			for (const p of samplePages()) {
				await page.goto(site.url + prefix + p);
				const h = await headerHeight(page);
				if (h > MAX_HEADER)
					bad.push(`${prefix}${p}: header ${h} px`);
				const over = await horizontalOverflow(page);
				if (over > 0)
					bad.push(`${prefix}${p}: ${over} px too wide`);
			}
			await page.done();
		}
		assert.deepEqual(bad, []);
	});
}

test('phone: the menu opens by keyboard without JavaScript', async () => {
	const page = await newPage({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
	await page.goto(multi.url + firstOf('service').u);
	const link = page.locator('.site-nav a').nth(1);
	assert.equal(await link.isVisible(), false, 'the menu starts closed');
	let found = false;
	for (let i = 0; i < 10 && !found; i++) {
		await page.keyboard.press('Tab');
		found = await page.evaluate(() => document.activeElement.matches('.site-menu > summary'));
	}
	assert.ok(found, 'Tab reaches the menu button');
	const before = await headerHeight(page);
	await page.keyboard.press('Enter');
	assert.ok(await link.isVisible(), 'Enter opens the menu');
	assert.ok(await page.locator('.lang-nav a').first().isVisible(), 'the languages are in the menu');
	assert.equal(await headerHeight(page), before, 'the open menu floats over the page');
	await page.screenshot({ path: join(SHOTS, 'menu-360.png') });
	await page.keyboard.press('Tab');
	assert.ok(await page.evaluate(() => !!document.activeElement.closest('.site-nav')),
		'the next Tab is in the menu');
	await page.focus('.site-menu > summary');
	await page.keyboard.press('Space');
	assert.equal(await link.isVisible(), false, 'Space closes it again');
	await page.done();
});

test('phone: a service page shows its key facts on the first screen', async () => {
	const page = await newPage({ viewport: { width: 360, height: 740 } });
	const bad = [];
	for (const svc of index.items.filter((i) => i.k === 'service')) {
		await page.goto(server.url + svc.u);
		const r = await page.evaluate(() => {
			const f = document.querySelector('main .facts');
			const toc = document.querySelector('main .toc');
			return {
				bottom: f ? f.getBoundingClientRect().bottom : null,
				beforeToc: !toc || !f || !!(f.compareDocumentPosition(toc) & Node.DOCUMENT_POSITION_FOLLOWING),
				vh: window.innerHeight,
			};
		});
		if (r.bottom === null)
			bad.push(`${svc.u}: no facts`);
		else if (r.bottom > r.vh)
			bad.push(`${svc.u}: facts end at ${Math.round(r.bottom)} px`);
		if (!r.beforeToc)
			bad.push(`${svc.u}: "on this page" comes before the facts`);
	}
	assert.deepEqual(bad, []);
	await page.done();
});

test('1280 px: "on this page" sits beside the text and stays in view', async () => {
	const page = await newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(server.url + firstOf('service').u);
	const r = await page.evaluate(() => {
		const toc = document.querySelector('.toc').getBoundingClientRect();
		const text = document.querySelector('.page-body').getBoundingClientRect();
		return { tocLeft: toc.left, textRight: text.right, tocTop: toc.top };
	});
	assert.ok(r.tocLeft >= r.textRight, `the list (left ${r.tocLeft}) is right of the text (right ${r.textRight})`);
	await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
	const top = await page.evaluate(() => document.querySelector('.toc').getBoundingClientRect().top);
	assert.ok(top >= 0 && top < 100, `the list stays at the top of the window (top ${top})`);
	await page.done();
});

test('phone: the levels of support are cards, one under another', async () => {
	const page = await newPage({ viewport: { width: 360, height: 740 } });
	await page.goto(server.url + 'segments/index.html');
	const r = await page.evaluate(() => [...document.querySelectorAll('table.segments tbody tr')]
		.map((tr) => { const b = tr.getBoundingClientRect(); return [b.left, b.right, b.top]; }));
	assert.ok(r.length > 0, 'the table has levels');
	for (const [l, rt] of r)
		assert.ok(l >= 0 && rt <= 360, `a level fits the screen (${l}…${rt})`);
	for (let i = 1; i < r.length; i++)
		assert.ok(r[i][2] > r[i - 1][2], 'levels are stacked');
	await page.screenshot({ path: join(SHOTS, 'segments-360.png') });
	await page.done();
});

test('headings: a permalink shows when it has focus and leads to its heading', async () => {
	const page = await newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(server.url + firstOf('service').u);
	const link = page.locator('main .heading .permalink').first();
	assert.equal(await link.evaluate((a) => getComputedStyle(a).opacity), '0', 'hidden until wanted');
	let found = false;
	for (let i = 0; i < 80 && !found; i++) {
		await page.keyboard.press('Tab');
		found = await page.evaluate(() => document.activeElement.classList.contains('permalink'));
	}
	assert.ok(found, 'Tab reaches a permalink');
	const r = await page.evaluate(() => {
		const a = document.activeElement;
		const h = a.parentElement.querySelector('h2, h3, h4');
		const b = a.getBoundingClientRect();
		return { href: a.getAttribute('href'), id: h.id, opacity: getComputedStyle(a).opacity,
			name: a.textContent.trim(), heading: h.textContent.trim(), w: b.width, left: b.left };
	});
	assert.equal(r.opacity, '1', 'visible with focus');
	assert.ok(r.w > 0 && r.left >= 0, 'inside the window');
	assert.equal(r.href, '#' + r.id);
	assert.ok(r.name.endsWith(r.heading), `its name "${r.name}" says which heading`);
	await page.keyboard.press('Enter');
	assert.equal(await page.evaluate(() => location.hash), r.href);
	await page.done();
});

test('services: previous and next go through the services group by group', async () => {
	const page = await newPage({ viewport: { width: 1280, height: 900 } });
	await page.goto(server.url + 'services/index.html');
	const order = await page.evaluate(() => [...document.querySelectorAll('main ul.service-list li > a')]
		.map((a) => a.getAttribute('href').replace(/^(\.\.\/)*/, '')));
	assert.ok(order.length >= 3);
	await page.goto(server.url + order[1]);
	assert.equal(await page.getAttribute('a[rel="prev"]', 'href').then((h) => h.replace(/^(\.\.\/)*/, '')), order[0]);
	await page.click('a[rel="next"]');
	await page.waitForURL('**/' + order[2]);
	await page.done();
});
