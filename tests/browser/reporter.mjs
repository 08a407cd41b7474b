// A node:test reporter in the project's format: one line per test
// ("PASS name", "FAIL name" with the reason indented below, "SKIP name:
// why"), "NOTE …" for a figure a test reports, then exactly one closing
// line "N passed, N failed".
export default async function* reporter(source) {
	let passed = 0, failed = 0, skipped = 0;
	for await (const ev of source) {
		const d = ev.data;
		// A figure a test measured: t.diagnostic('kartta: …').
		if (ev.type === 'test:diagnostic' && /^kartta: /.test(d.message)) {
			yield `NOTE ${d.message.slice(8)}\n`;
			continue;
		}
		if (ev.type !== 'test:pass' && ev.type !== 'test:fail')
			continue;
		if (d.details && d.details.type === 'suite')
			continue;
		const name = `browser/${d.name}`;
		if (ev.type === 'test:pass' && d.skip !== undefined) {
			skipped++;
			yield `SKIP ${name}: ${d.skip === true ? 'skipped' : d.skip}\n`;
		} else if (ev.type === 'test:pass') {
			passed++;
			yield `PASS ${name}\n`;
		} else {
			failed++;
			const err = d.details && d.details.error;
			let why = err ? (err.cause && err.cause.message) || err.message || String(err) : '';
			why = String(why).split('\n').slice(0, 30).map((l) => `    ${l}`).join('\n');
			yield `FAIL ${name}\n${why}\n`;
		}
	}
	if (skipped > 0)
		yield `${skipped} skipped (see SKIP lines)\n`;
	yield `${passed} passed, ${failed} failed\n`;
}
