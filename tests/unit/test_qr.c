/*
 * Unit tests of qr.c: the matrix has the size of the smallest version
 * that holds the text at level M, begins with its finder patterns (no
 * quiet zone of its own: the printer adds four modules), and decodes
 * back to the text, byte for byte, when drawn as the printer draws it.
 * The decoding is zbarimg's (zbar-tools), on a PGM written here, so
 * that the test does not read back what it wrote with the same library.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "qr.h"
#include "util.h"

/* Modules per side of version v. */
static int
side(int v)
{
	return 17 + 4 * v;
}

/* A text of n bytes, all of one URL's characters. */
static char *
text_of(size_t n)
{
	char *s = xmalloc(n + 1);

	memset(s, 'a', n);
	s[n] = '\0';
	return s;
}

/* The byte capacities of versions 1-4 at level M (ISO/IEC 18004,
 * table 7): the size steps up one version past each. */
static void
test_size(void **state)
{
	static const struct {
		size_t len;
		int version;
	} cases[] = { { 1, 1 }, { 14, 1 }, { 15, 2 }, { 26, 2 }, { 27, 3 },
		{ 42, 3 }, { 43, 4 }, { 62, 4 }, { 63, 5 } };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *t = text_of(cases[i].len);
		struct qr q;

		assert_int_equal(qr_encode(t, &q), 0);
		assert_int_equal(q.size, side(cases[i].version));
		qr_free(&q);
		free(t);
	}
}

/* The largest byte text of version 40 at M is 2331 bytes; one more
 * cannot be encoded, and q is left empty. */
static void
test_too_long(void **state)
{
	char *t = text_of(2331);
	struct qr q;

	(void)state;
	assert_int_equal(qr_encode(t, &q), 0);
	assert_int_equal(q.size, side(40));
	qr_free(&q);
	free(t);
	t = text_of(2332);
	assert_int_equal(qr_encode(t, &q), -1);
	assert_int_equal(q.size, 0);
	assert_null(q.dark);
	qr_free(&q);
	free(t);
	assert_int_equal(qr_encode(NULL, &q), -1);
}

static int
dark(const struct qr *q, int row, int col)
{
	return q->dark[row * q->size + col];
}

/* A finder pattern with its top-left module at (r, c): a dark ring of
 * 7, a light ring of 5, a dark core of 3. */
static void
assert_finder(const struct qr *q, int r, int c)
{
	int i, j;

	for (i = 0; i < 7; i++)
		for (j = 0; j < 7; j++) {
			int ring = i == 0 || i == 6 || j == 0 || j == 6;
			int core = i >= 2 && i <= 4 && j >= 2 && j <= 4;

			assert_int_equal(dark(q, r + i, c + j), ring || core);
		}
}

/* The function patterns lie where a reader looks for them: the matrix
 * starts at the finder's edge (every module is 0 or 1, the corner is
 * dark), the separators are light, the timing patterns alternate. */
static void
test_patterns(void **state)
{
	struct qr q;
	int i, n;

	(void)state;
	assert_int_equal(qr_encode("https://kasikirja.example.fi/tyokyky/"
	    "maps/kokonaisuus.html", &q), 0);
	n = q.size;
	for (i = 0; i < n * n; i++)
		assert_true(q.dark[i] == 0 || q.dark[i] == 1);
	assert_finder(&q, 0, 0);
	assert_finder(&q, 0, n - 7);
	assert_finder(&q, n - 7, 0);
	for (i = 0; i < 8; i++) {
		assert_int_equal(dark(&q, 7, i), 0);
		assert_int_equal(dark(&q, i, 7), 0);
		assert_int_equal(dark(&q, 7, n - 1 - i), 0);
		assert_int_equal(dark(&q, n - 8, i), 0);
	}
	for (i = 8; i < n - 8; i++) {
		assert_int_equal(dark(&q, 6, i), i % 2 == 0);
		assert_int_equal(dark(&q, i, 6), i % 2 == 0);
	}
	/* The dark module beside the lower finder. */
	assert_int_equal(dark(&q, n - 8, 8), 1);
	qr_free(&q);
}

/* Writes q as a binary PGM, px pixels a module, with a quiet zone of
 * quiet modules on each side (white), to path. */
static void
write_pgm(const struct qr *q, int px, int quiet, const char *path)
{
	int w = (q->size + 2 * quiet) * px, x, y;
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	fprintf(f, "P5\n%d %d\n255\n", w, w);
	for (y = 0; y < w; y++)
		for (x = 0; x < w; x++) {
			int r = y / px - quiet, c = x / px - quiet;
			int on = r >= 0 && c >= 0 && r < q->size &&
			    c < q->size && q->dark[r * q->size + c];

			fputc(on ? 0 : 255, f);
		}
	assert_int_equal(fclose(f), 0);
}

/* What zbarimg reads from path ("" if nothing): as bytes (binary), or
 * as text in the charset the code says (without an ECI zbar guesses:
 * UTF-8 came back as if it were Shift JIS).  Caller frees. */
static char *
zbar_read(const char *path, int binary)
{
	char *cmd = xasprintf("zbarimg -q --raw -Sdisable -Sqrcode.enable "
	    "%s '%s' 2>/dev/null", binary ? "-Sqrcode.binary" : "", path);
	FILE *p = popen(cmd, "r");
	char buf[4096];
	size_t n;

	assert_non_null(p);
	n = fread(buf, 1, sizeof(buf) - 1, p);
	pclose(p);
	free(cmd);
	buf[n] = '\0';
	/* zbarimg ends each symbol with a newline. */
	if (n > 0 && buf[n - 1] == '\n')
		buf[n - 1] = '\0';
	return xstrdup(buf);
}

static int
have_zbarimg(void)
{
	return system("command -v zbarimg >/dev/null 2>&1") == 0;
}

/* Drawn with the printer's quiet zone of four modules, each text reads
 * back as it went in: a sheet's address, one with UTF-8 in it, and a
 * long one of a larger version. */
static void
test_decodes(void **state)
{
	static const char *texts[] = {
		"https://kasikirja.example.fi/tyokyky/maps/kokonaisuus.html",
		"https://example.org/handbook/sv/paths/liisan-polku.html",
		"https://esimerkki.fi/työkyky/äö.html",
		"https://example.org/" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
		    "cccccccccccccccccccccccccccccccccccccccccccccccc.html",
	};
	char dir[] = "/tmp/kartta-test-qr-XXXXXX";
	size_t i;

	(void)state;
	if (!have_zbarimg()) {
		skip();
		return;
	}
	assert_non_null(mkdtemp(dir));
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		char *path = xasprintf("%s/%zu.pgm", dir, i), *got;
		struct qr q;

		assert_int_equal(qr_encode(texts[i], &q), 0);
		write_pgm(&q, 4, 4, path);
		got = zbar_read(path, 1);
		assert_string_equal(got, texts[i]);
		free(got);
		/* Read as text too: a non-ASCII one says it is UTF-8. */
		got = zbar_read(path, 0);
		assert_string_equal(got, texts[i]);
		free(got);
		unlink(path);
		free(path);
		qr_free(&q);
	}
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_size),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_decodes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
