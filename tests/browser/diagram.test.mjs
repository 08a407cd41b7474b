// Diagrams as a reader sees them on a phone (360 px) and a desktop (1280
// px): every diagram's smallest type is at least 12 px as shown, a
// diagram too wide for that keeps its size in a figure that scrolls
// sideways (the page itself does not), and the names in a diagram are
// links that are not all underlined.  Screenshots of the big map are
// left in $KARTTA_SHOTS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SITE, SHOTS, serve, launch, htmlPages, horizontalOverflow } from './lib.mjs';
import { readFileSync } from 'node:fs';

let server, browser;

before(async () => {
	server = await serve(SITE);
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.close();
});

// Every page with a diagram on it, but the printed book (print.html is
// made for paper).
const pages = htmlPages(SITE).filter((p) => p !== 'print.html' &&
	readFileSync(join(SITE, p), 'utf8').includes('<figure class="diagram'));

// The smallest type of each diagram on the page in CSS px as shown: a
// text's font size in the drawing's units times the units' shown size.
const smallestType = (page) => page.evaluate(() =>
	[...document.querySelectorAll('figure.diagram svg')].map((svg) => {
		const vb = svg.viewBox.baseVal;
		const scale = svg.getBoundingClientRect().width / vb.width;
		let min = Infinity;
		for (const t of svg.querySelectorAll('text'))
			min = Math.min(min, parseFloat(t.getAttribute('font-size')) * scale);
		const fig = svg.closest('figure');
		return { id: svg.id, min, natural: fig.classList.contains('diagram-natural'),
			scrolls: fig.scrollWidth > fig.clientWidth + 1 };
	}));

for (const [width, height] of [[360, 740], [1280, 900]]) {
	test(`${width} px: every diagram's type is at least 12 px as shown`, async () => {
		const ctx = await browser.newContext({ viewport: { width, height } });
		const page = await ctx.newPage();
		const bad = [];
		assert.ok(pages.length >= 5, `only ${pages.length} pages with diagrams`);
		for (const p of pages) {
			await page.goto(server.url + p);
			for (const d of await smallestType(page))
				if (!(d.min >= 11.95))
					bad.push(`${p}#${d.id}: ${d.min.toFixed(1)} px`);
			const over = await horizontalOverflow(page);
			if (over > 0)
				bad.push(`${p}: the page scrolls sideways by ${over} px`);
		}
		await ctx.close();
		assert.deepEqual(bad, []);
	});

	test(`${width} px: the big map keeps its size and its figure scrolls`, async () => {
		const ctx = await browser.newContext({ viewport: { width, height } });
		const page = await ctx.newPage();
		await page.goto(server.url + 'maps/kokonaisuus.html');
		const [d] = await smallestType(page);
		assert.ok(d.natural, 'the map is not shown at its legible size');
		assert.ok(d.scrolls, 'the map\'s figure does not scroll sideways');
		assert.ok(d.min >= 11.95, `type ${d.min} px`);
		const moved = await page.evaluate(() => {
			const f = document.querySelector('figure.diagram');
			f.scrollLeft = 400;
			return f.scrollLeft;
		});
		assert.ok(moved > 0, 'the figure cannot be scrolled');
		await page.evaluate(() => { document.querySelector('figure.diagram').scrollLeft = 0; });
		await page.screenshot({ path: join(SHOTS, `map-kokonaisuus-${width}.png`) });
		await ctx.close();
	});
}

test('the names in a diagram are links, not underlined until hovered', async () => {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await ctx.newPage();
	await page.goto(server.url + 'maps/kokonaisuus.html');
	const link = page.locator('figure.diagram svg a').first();
	assert.equal(await link.count(), 1);
	const deco = () => link.locator('text').first().evaluate((t) =>
		getComputedStyle(t).textDecorationLine);
	assert.equal(await deco(), 'none');
	await link.locator('text').first().hover();
	assert.equal(await deco(), 'underline');
	await ctx.close();
});

// A figure too wide for its page links first to the whole drawing as a
// file of its own, which works without JavaScript and stays in view
// while the figure scrolls; the file is the drawing at natural size,
// its links leading to pages that exist.
test('every wide figure opens full size, without JavaScript', async () => {
	const ctx = await browser.newContext({ viewport: { width: 360, height: 740 },
		javaScriptEnabled: false });
	const page = await ctx.newPage();
	const bad = [];
	const files = new Set();
	for (const p of pages) {
		await page.goto(server.url + p);
		const figs = await page.evaluate(() =>
			[...document.querySelectorAll('figure.diagram')].map((f) => ({
				natural: f.classList.contains('diagram-natural'),
				href: f.querySelector(':scope > p.diagram-full > a')?.href ?? null,
				id: f.querySelector('svg')?.id,
			})));
		for (const f of figs) {
			if (f.natural && f.href === null)
				bad.push(`${p}#${f.id}: scrolls without a full-size link`);
			if (f.href !== null)
				files.add(f.href);
		}
	}
	assert.ok(files.size >= 5, `only ${files.size} full-size files`);
	for (const href of files) {
		const res = await page.goto(href);
		if (!res.ok()) {
			bad.push(`${href}: HTTP ${res.status()}`);
			continue;
		}
		const svg = await page.evaluate(() => {
			const r = document.documentElement;
			return { name: r.localName, width: r.getAttribute('width'),
				links: [...r.querySelectorAll('a')].map((a) =>
					new URL(a.getAttribute('href') ?? a.getAttribute('xlink:href'),
						location.href).href) };
		});
		if (svg.name !== 'svg' || !/pt$/.test(svg.width ?? ''))
			bad.push(`${href}: not an SVG at its natural size (${svg.name} ${svg.width})`);
		for (const l of new Set(svg.links.map((u) => u.replace(/#.*/, '')))) {
			const r = await ctx.request.get(l);
			if (!r.ok())
				bad.push(`${href}: link to ${l} gives HTTP ${r.status()}`);
		}
	}
	await ctx.close();
	assert.deepEqual(bad, []);
});

test('360 px: the big map\'s full-size link stays in view as it scrolls', async () => {
	const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const page = await ctx.newPage();
	await page.goto(server.url + 'maps/kokonaisuus.html');
	const seen = await page.evaluate(() => {
		const f = document.querySelector('figure.diagram');
		const a = f.querySelector('p.diagram-full a');
		f.scrollLeft = 500;
		const fr = f.getBoundingClientRect(), ar = a.getBoundingClientRect();
		return { scrolled: f.scrollLeft, inside: ar.left >= fr.left - 1 &&
			ar.right <= fr.right + 1 };
	});
	assert.ok(seen.scrolled > 0, 'the figure did not scroll');
	assert.ok(seen.inside, 'the full-size link scrolled out of view');
	await ctx.close();
});
