// Shared helpers of the browser suite: the built sites, a tiny static
// server on 127.0.0.1, and Debian's Chromium launched the same way for
// every test file.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, relative, sep } from 'node:path';
import { chromium } from 'playwright-core';

// Set by run.sh: the default handbook and a copy of it in three languages.
export const SITE = process.env.KARTTA_SITE;
export const SITE_MULTI = process.env.KARTTA_SITE_MULTI;
// The default handbook indexed without Voikko (run.sh; may be unset).
export const SITE_FALLBACK = process.env.KARTTA_SITE_FALLBACK;
export const SHOTS = process.env.KARTTA_SHOTS || tmpdir();
export const CHROMIUM = process.env.KARTTA_CHROMIUM || '/usr/bin/chromium';

if (!SITE || !SITE_MULTI)
	throw new Error('KARTTA_SITE and KARTTA_SITE_MULTI must be set (run tests/browser/run.sh)');

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.pdf': 'application/pdf',
};

// Serves dir on 127.0.0.1 at a free port; resolves to { url, close }.
// A strict Content-Security-Policy is sent with every response, so any
// inline script, eval or foreign host would break the page.
export function serve(dir) {
	const server = createServer((req, res) => {
		let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
		if (path.endsWith('/'))
			path += 'index.html';
		const file = normalize(join(dir, path));
		if (file !== dir && !file.startsWith(dir + sep)) {
			res.writeHead(403).end();
			return;
		}
		let body;
		try {
			body = readFileSync(file);
		} catch {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
			return;
		}
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] || 'application/octet-stream',
			'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'",
		});
		res.end(body);
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			resolve({
				url: `http://127.0.0.1:${port}/`,
				close: () => new Promise((r) => server.close(r)),
			});
		});
	});
}

// Launches Debian's headless Chromium; never downloads one.  Playwright
// gives every launch a fresh, temporary profile (--user-data-dir) of its
// own and refuses one passed in args, so none is passed here.
export async function launch() {
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--no-first-run'],
	});
}

// Every .html file below dir, as paths relative to it, sorted.
export function htmlPages(dir) {
	const out = [];
	const walk = (d) => {
		for (const name of readdirSync(d).sort()) {
			const p = join(d, name);
			if (statSync(p).isDirectory())
				walk(p);
			else if (name.endsWith('.html'))
				out.push(relative(dir, p).split(sep).join('/'));
		}
	};
	walk(dir);
	return out;
}

// The search index of a built site, as the page would see it.
export function readIndex(dir) {
	const js = readFileSync(join(dir, 'search-index.js'), 'utf8');
	const json = js.slice(js.indexOf('=') + 1).trim().replace(/;$/, '');
	return JSON.parse(json);
}

// The recall list: [{ query, pages: [URL from the language root], needs }].
export function readRecall() {
	const file = new URL('./recall.tsv', import.meta.url);
	return readFileSync(file, 'utf8').split('\n')
		.filter((l) => l.trim() && !l.startsWith('#'))
		.map((l) => {
			const [query, pages, needs] = l.split('\t');
			return { query, pages: pages.split(' '), needs: needs || '' };
		});
}

// Fails if the page scrolls sideways.
export async function horizontalOverflow(page) {
	return page.evaluate(() => {
		const d = document.documentElement;
		return d.scrollWidth - d.clientWidth;
	});
}
