// The municipality filter on the list of services, as a reader uses it:
// without JavaScript a link per municipality leads to that municipality's
// page, which lists what is offered there; with it, a <select> hides in
// place the services not offered in the municipality chosen, says how
// many are shown, keeps the choice in the address (?alue=) and takes it
// from there on load.
//
// What must be shown is worked out from the page's own data (each
// service's data-areas, each municipality's data-within) and from the
// municipality's page, so the test follows the content; the default
// content must have a service offered in one municipality only (Lieto's
// "Sijoita ja valmenna"), or the filter would hide nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { SITE, SHOTS, serve, launch } from './lib.mjs';

const LIST = 'services/index.html';

let server, browser;

before(async () => {
	server = await serve(SITE);
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.close();
});

async function newPage(opts) {
	const ctx = await browser.newContext(opts);
	const page = await ctx.newPage();
	page.errors = [];
	page.on('pageerror', (e) => page.errors.push(String(e)));
	page.done = () => ctx.close();
	return page;
}

// The list's data: the municipalities of the filter ({ id, name, href,
// within }) and every service ({ href, areas }).
function listData(page) {
	return page.evaluate(() => ({
		areas: [...document.querySelectorAll('nav.area-filter li[data-area]')].map((li) => ({
			id: li.dataset.area,
			name: li.textContent.trim(),
			href: li.querySelector('a').getAttribute('href'),
			within: (li.dataset.within || li.dataset.area).split(' '),
		})),
		services: [...document.querySelectorAll('ul.service-list > li')].map((li) => ({
			href: li.querySelector('a').getAttribute('href'),
			areas: li.dataset.areas ? li.dataset.areas.split(' ') : null,
		})),
	}));
}

// The services of the list a reader can see now.
function visibleServices(page) {
	return page.evaluate(() => [...document.querySelectorAll('ul.service-list > li')]
		.filter((li) => li.offsetParent !== null)
		.map((li) => li.querySelector('a').getAttribute('href')));
}

const offeredIn = (svc, area) => !svc.areas || svc.areas.some((a) => area.within.includes(a));

test('without JavaScript: a link per municipality to the page of what is offered there', async () => {
	const page = await newPage({ javaScriptEnabled: false });
	await page.goto(server.url + LIST);
	const data = await listData(page);
	assert.ok(data.areas.length >= 2, `the filter has ${data.areas.length} municipalities`);
	assert.equal(await page.locator('nav.area-filter select').count(), 0, 'no select without JavaScript');
	assert.equal((await visibleServices(page)).length, data.services.length, 'every service is listed');
	const narrow = data.services.filter((s) => s.areas);
	assert.ok(data.areas.some((a) => narrow.some((s) => !offeredIn(s, a))),
		'some service is not offered in some municipality (else the filter is idle)');
	for (const area of data.areas) {
		await page.goto(server.url + LIST);
		await page.click(`nav.area-filter li[data-area="${area.id}"] a`);
		assert.ok(page.url().endsWith(area.href.replace(/^\.\.\//, '')), `${area.id}: ${page.url()}`);
		assert.equal((await page.locator('h1').textContent()).trim(), area.name);
		const links = await page.evaluate(() => [...document.querySelectorAll('main a[href^="../services/"]')]
			.map((a) => a.getAttribute('href')));
		for (const s of narrow)
			assert.equal(links.includes(s.href), offeredIn(s, area),
				`${area.id}'s page ${offeredIn(s, area) ? 'lacks' : 'lists'} ${s.href}`);
	}
	await page.done();
});

test('with JavaScript: choosing a municipality hides in place what is not offered there', async () => {
	const page = await newPage({ viewport: { width: 360, height: 740 } });
	await page.goto(server.url + LIST);
	const data = await listData(page);
	const select = page.locator('nav.area-filter select');
	assert.equal(await select.count(), 1, 'the script adds a select');
	assert.ok((await page.locator('label[for="area-filter-select"]').textContent()).trim().length > 0,
		'the select has a label');
	const options = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
	assert.deepEqual(options, ['', ...data.areas.map((a) => a.id)], 'all, then each municipality');
	for (const area of data.areas) {
		await select.selectOption(area.id);
		const want = data.services.filter((s) => offeredIn(s, area)).map((s) => s.href);
		assert.deepEqual(await visibleServices(page), want, `${area.id}: the services shown`);
		assert.ok(page.url().endsWith(`${LIST}?alue=${area.id}`), `${area.id}: the address ${page.url()}`);
		const said = await page.locator('.area-filter-status').textContent();
		assert.ok(said.includes(String(want.length)) && said.includes(String(data.services.length)),
			`${area.id}: the status says "${said}"`);
		// No heading is left standing over an empty group.
		const orphans = await page.evaluate(() => [...document.querySelectorAll('ul.service-list')]
			.filter((ul) => ul.offsetParent === null && ul.previousElementSibling?.offsetParent !== null)
			.length);
		assert.equal(orphans, 0, `${area.id}: a heading over a group with nothing shown`);
	}
	await page.screenshot({ path: join(SHOTS, 'filter-360.png'), fullPage: false });
	await select.selectOption('');
	assert.equal((await visibleServices(page)).length, data.services.length, 'all again');
	assert.ok(page.url().endsWith(LIST), `no ?alue= for all: ${page.url()}`);
	assert.equal((await page.locator('.area-filter-status').textContent()).trim(), '');
	assert.deepEqual(page.errors, []);
	await page.done();
});

test('with JavaScript: ?alue= in the address chooses the municipality on load', async () => {
	const page = await newPage();
	await page.goto(server.url + LIST);
	const data = await listData(page);
	const area = data.areas.find((a) => data.services.some((s) => !offeredIn(s, a)));
	await page.goto(`${server.url}${LIST}?alue=${area.id}`);
	assert.equal(await page.locator('nav.area-filter select').inputValue(), area.id);
	assert.deepEqual(await visibleServices(page),
		data.services.filter((s) => offeredIn(s, area)).map((s) => s.href));
	// An id that is no municipality's is ignored, not an error.
	await page.goto(`${server.url}${LIST}?alue=ei-kuntaa`);
	assert.equal(await page.locator('nav.area-filter select').inputValue(), '');
	assert.equal((await visibleServices(page)).length, data.services.length);
	assert.deepEqual(page.errors, []);
	await page.done();
});
