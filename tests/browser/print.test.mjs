// The printed book: print.html printed to PDF by Chromium (as a reader's
// "Print" does): a cover with the title and edition, a table of
// contents, page numbers and the edition in every page's foot, no page
// that holds no body text, nothing wider than its page, every diagram
// on one page, decision answers that say where they lead and external
// addresses printed.  The PDF is left in SHOTS (book.pdf).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE, SHOTS, serve, launch } from './lib.mjs';

const PDF = join(SHOTS, 'book.pdf');
const MM = 96 / 25.4;                   // CSS px per mm
const PORTRAIT_W = 174, LANDSCAPE_W = 261; // A4 inside the theme's margins
const FOOT = /sivu (\d+) \/ (\d+)\s*$/;

let server, browser, page, pages;

// site.yaml's title and edition, as the cover must show them.
const site = readFileSync('content/site.yaml', 'utf8');
const title = /^title:\s*(.+)$/m.exec(site)[1].trim();
const edition = (/^edition:\s*"?([^"\n]+)"?$/m.exec(site) || [])[1];

function pageText(n) {
	return execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', PDF, '-'],
		{ encoding: 'utf8' });
}

before(async () => {
	server = await serve(SITE);
	browser = await launch();
	page = await browser.newPage();
	await page.goto(server.url + 'print.html');
	await page.pdf({ path: PDF, preferCSSPageSize: true });
	pages = +(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [PDF], { encoding: 'utf8' }))[1]);
});

after(async () => {
	await browser?.close();
	await server?.close();
});

test('print: a cover, then the contents', () => {
	const cover = pageText(1).replace(/\s+/g, ' ');
	assert.ok(cover.includes(title), `the cover has the title "${title}"`);
	if (edition)
		assert.match(cover, new RegExp(`Painos ${edition.replace('.', '\\.')}`), 'and the edition');
	assert.ok(!FOOT.test(pageText(1)), 'the cover has no page number');
	// The contents run from page 2 to the first chapter's page.
	let toc = '';
	for (let n = 2; n < pages && !/^\s*Ohjeet\s*$/m.test(pageText(n).split('\n')
		.find((l) => l.trim()) || ''); n++)
		toc += pageText(n);
	assert.match(toc, /Sisällys/);
	for (const chapter of ['Ohjeet', 'Palvelut', 'Toimijat'])
		assert.ok(toc.includes(chapter), `the contents list ${chapter}`);
});

test('print: every page but the cover has its number, of all, and the edition', () => {
	const bad = [];
	for (let n = 2; n <= pages; n++) {
		const t = pageText(n).trimEnd();
		const m = FOOT.exec(t);
		if (!m || +m[1] !== n || +m[2] !== pages)
			bad.push(`page ${n}: no "sivu ${n} / ${pages}"`);
		else if (edition && !t.split('\n').pop().includes(edition))
			bad.push(`page ${n}: no edition in the foot`);
	}
	assert.deepEqual(bad.slice(0, 10), []);
});

test('print: no page without body text', () => {
	const bad = [];
	for (let n = 2; n <= pages; n++) {
		const lines = pageText(n).split('\n').filter((l) => l.trim() && !FOOT.test(l));
		const chars = lines.join('').replace(/\s+/g, '').length;
		// A heading alone is a line or two; a page of the book has more.
		if (lines.length < 3 || chars < 60)
			bad.push(`page ${n}: only ${lines.length} lines, ${chars} characters: ${lines.join(' / ').slice(0, 80)}`);
	}
	assert.deepEqual(bad, []);
});

test('print: nothing is wider than its page, every diagram fits one page', async () => {
	const p = await browser.newPage({ viewport: { width: Math.floor(PORTRAIT_W * MM), height: 900 } });
	await p.emulateMedia({ media: 'print' });
	await p.goto(server.url + 'print.html');
	const r = await p.evaluate(({ MM, PORTRAIT_W, LANDSCAPE_W }) => {
		const out = [];
		for (const el of document.querySelectorAll('main *')) {
			const b = el.getBoundingClientRect();
			if (b.width === 0 || el.closest('svg') && el.tagName !== 'svg')
				continue;
			const land = !!el.closest('.print-landscape');
			const max = (land ? LANDSCAPE_W : PORTRAIT_W) * MM + 1;
			if (b.width > max)
				out.push(`${el.tagName.toLowerCase()}.${el.className.baseVal ?? el.className}: ${Math.round(b.width / MM)} mm wide`);
			if (el.tagName === 'svg') {
				const h = b.height / MM;
				if (h > (land ? 115 : 225) + 1)
					out.push(`diagram ${el.id}: ${Math.round(h)} mm high`);
			}
		}
		return out;
	}, { MM, PORTRAIT_W, LANDSCAPE_W });
	assert.deepEqual(r.slice(0, 20), []);
	await p.close();
});

test('print: decision answers say where they lead; external addresses are printed', async () => {
	const p = await browser.newPage();
	await p.emulateMedia({ media: 'print' });
	await p.goto(server.url + 'print.html');
	const r = await p.evaluate(() => {
		const out = [], seen = [];
		for (const li of document.querySelectorAll('.answers li')) {
			const a = li.querySelector('a');
			const target = document.querySelector(a.getAttribute('href'));
			const t = li.querySelector('.answer-target');
			if (!t || getComputedStyle(t).display === 'none') {
				out.push(`${a.textContent}: no target shown`);
				continue;
			}
			// "→ kysymys 3" names the label of the section it links to.
			const want = target.querySelector('.kind').textContent.toLowerCase();
			if (!t.textContent.toLowerCase().endsWith(want))
				out.push(`${a.textContent}: "${t.textContent}" but the target is "${want}"`);
			seen.push(t.textContent);
		}
		const ext = [...document.querySelectorAll('main a[href^="http"]')].slice(0, 20)
			.filter((a) => !getComputedStyle(a, '::after').content.includes(a.getAttribute('href')))
			.map((a) => `${a.href}: address not printed`);
		return { out: out.concat(ext), n: seen.length };
	});
	assert.ok(r.n > 0, 'the book has decision answers');
	assert.deepEqual(r.out, []);
	await p.close();
});
