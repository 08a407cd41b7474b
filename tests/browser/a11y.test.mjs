// Every page of the default handbook: no axe-core violation of the WCAG
// 2.0/2.1 A and AA rules, no error from the Nu HTML Checker, and no
// horizontal scrolling at 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SITE, SITE_MULTI, serve, launch, htmlPages, horizontalOverflow } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const VNU = join(require.resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const pages = htmlPages(SITE);
// The translated copy: every page in its second and third language,
// where texts fall back to Finnish and are marked with lang.
const multiPages = htmlPages(SITE_MULTI).filter((p) => /^(sv|en)\//.test(p));

// The Nu checker over all pages at once: one Java start-up.
function vnu(dir, files) {
	let out;
	try {
		out = execFileSync('java', ['-Xss4m', '-jar', VNU, '--errors-only',
			'--format', 'json', ...files.map((f) => join(dir, f))],
		{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
	} catch (e) {
		// vnu exits 1 when it found errors; its report is on stderr.
		out = e.stderr || e.stdout;
		if (!out)
			throw e;
	}
	if (out.trim() === '')
		return new Map();
	const byFile = new Map();
	for (const m of JSON.parse(out).messages) {
		const file = decodeURIComponent((m.url || '').replace(/^file:/, ''));
		const rel = file.slice(dir.length + 1);
		if (!byFile.has(rel))
			byFile.set(rel, []);
		byFile.get(rel).push(`${m.lastLine || '?'}:${m.firstColumn || '?'}: ${m.message}`);
	}
	return byFile;
}

let server, browser, page, vnuErrors, vnuMultiErrors;

before(async () => {
	vnuErrors = vnu(SITE, pages);
	vnuMultiErrors = vnu(SITE_MULTI, multiPages);
	server = await serve(SITE);
	browser = await launch();
	// axe is injected as an inline script: the test server's CSP would refuse it.
	page = await browser.newPage({ bypassCSP: true });
});

after(async () => {
	await browser?.close();
	await server?.close();
});

for (const p of pages) {
	test(`vnu ${p}`, () => {
		const errs = vnuErrors.get(p) || [];
		assert.equal(errs.length, 0, errs.join('\n'));
	});
}

for (const lang of ['sv', 'en']) {
	test(`vnu every ${lang}/ page of the three-language copy`, () => {
		const errs = [];
		for (const [p, list] of vnuMultiErrors)
			if (p.startsWith(lang + '/'))
				errs.push(...list.map((e) => `${p}:${e}`));
		assert.equal(errs.length, 0, errs.slice(0, 30).join('\n'));
	});
}

// Loads url at 360 px (returns how many pixels it scrolls sideways),
// then runs axe at 1280 px in the light and the dark colour scheme;
// returns [overflow, violations].
async function check(url) {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(url, { waitUntil: 'load' });
	const over = await horizontalOverflow(page);
	await page.setViewportSize({ width: 1280, height: 800 });
	const light = await axe();
	await page.emulateMedia({ colorScheme: 'dark' });
	const dark = (await axe()).map((v) => `dark: ${v}`);
	return [over, [...light, ...dark]];
}

async function axe() {
	if (!await page.evaluate(() => !!window.axe))
		await page.addScriptTag({ path: AXE });
	return page.evaluate(async (tags) => {
		const r = await window.axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations'],
		});
		return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
			v.nodes.slice(0, 5).map((n) => `      ${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1).join(' ')}`).join('\n'));
	}, TAGS);
}

for (const p of pages) {
	test(`axe (light and dark) and 360 px ${p}`, async () => {
		const [over, v] = await check(server.url + p);
		assert.equal(v.length, 0, v.join('\n'));
		assert.ok(over <= 0, `scrolls sideways by ${over}px at 360 px`);
	});
}
