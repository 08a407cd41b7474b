/*
 * Unit tests of the shared helpers (util.c) and of diagnostics
 * (diag.c): the string map under growth, "did you mean" and its edit
 * distance, UTF-8 validation and counting, buffers, paths and file
 * reading, and the printing, sorting and escaping of diagnostics.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "util.h"

/* --- strmap ------------------------------------------------------- */

static void
test_strmap_basic(void **state)
{
	struct strmap *m = strmap_new();
	int a = 1, b = 2;
	size_t pos = 0;
	const char *key;
	void *value;

	(void)state;
	assert_int_equal(strmap_count(m), 0);
	assert_null(strmap_get(m, "x"));
	assert_false(strmap_next(m, &pos, &key, &value));
	assert_null(strmap_put(m, "x", &a));
	/* A second put keeps the first value and returns it. */
	assert_ptr_equal(strmap_put(m, "x", &b), &a);
	assert_ptr_equal(strmap_get(m, "x"), &a);
	assert_int_equal(strmap_count(m), 1);
	/* The empty string is a key like any other. */
	assert_null(strmap_put(m, "", &b));
	assert_ptr_equal(strmap_get(m, ""), &b);
	assert_null(strmap_get(m, "X"));
	assert_null(strmap_get(m, "xx"));
	assert_int_equal(strmap_count(m), 2);
	strmap_free(m);
	strmap_free(NULL);
}

static void
test_strmap_grow(void **state)
{
	enum { N = 5000 };
	struct strmap *m = strmap_new();
	char **keys = xcalloc(N, sizeof(*keys));
	unsigned char *seen = xcalloc(N, 1);
	size_t i, pos = 0, n = 0;
	const char *key;
	void *value;

	(void)state;
	for (i = 0; i < N; i++) {
		keys[i] = xasprintf("palvelu-%zu", i);
		assert_null(strmap_put(m, keys[i], keys[i]));
		/* Every earlier key survives each growth. */
		if (i % 1000 == 999) {
			size_t j;

			for (j = 0; j <= i; j++)
				assert_ptr_equal(strmap_get(m, keys[j]),
				    keys[j]);
		}
	}
	assert_int_equal(strmap_count(m), N);
	for (i = 0; i < N; i++) {
		char other[32];

		assert_ptr_equal(strmap_get(m, keys[i]), keys[i]);
		/* A copy of the key finds the same value. */
		snprintf(other, sizeof(other), "palvelu-%zu", i);
		assert_ptr_equal(strmap_get(m, other), keys[i]);
	}
	assert_null(strmap_get(m, "palvelu-5000"));
	assert_null(strmap_get(m, "palvelu-"));
	/* Iteration visits every key exactly once. */
	while (strmap_next(m, &pos, &key, &value)) {
		size_t k = (size_t)strtoul(key + strlen("palvelu-"), NULL, 10);

		assert_true(k < N);
		assert_ptr_equal(value, keys[k]);
		assert_int_equal(seen[k], 0);
		seen[k] = 1;
		n++;
	}
	assert_int_equal(n, N);
	/* Iteration tolerates NULL outputs. */
	pos = 0;
	n = 0;
	while (strmap_next(m, &pos, NULL, NULL))
		n++;
	assert_int_equal(n, N);
	strmap_free(m);
	for (i = 0; i < N; i++)
		free(keys[i]);
	free(keys);
	free(seen);
}

/* --- edit distance and suggestions -------------------------------- */

static void
test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("", ""), 0);
	assert_int_equal(edit_distance("abc", ""), 3);
	assert_int_equal(edit_distance("", "abc"), 3);
	assert_int_equal(edit_distance("name", "name"), 0);
	assert_int_equal(edit_distance("nmae", "name"), 1);   /* swap */
	assert_int_equal(edit_distance("referal", "referral"), 1);
	assert_int_equal(edit_distance("kitten", "sitting"), 3);
	assert_int_equal(edit_distance("ca", "abc"), 3);      /* OSA */
	assert_int_equal(edit_distance("abcd", "badc"), 2);   /* two swaps */
	assert_int_equal(edit_distance("tyokokeilu", "tyokokelu"), 1);
	assert_int_equal(edit_distance("colour", "color"), 1);
	assert_int_equal(edit_distance("LR", "lr"), 2);       /* bytes */
	/* Symmetric. */
	assert_int_equal(edit_distance("sitting", "kitten"), 3);
	assert_int_equal(edit_distance("name", "nmae"), 1);
	/* In bytes: ä is two bytes, one of them changes. */
	assert_int_equal(edit_distance("ryhmä", "ryhma"), 2);
}

static void
test_edit_distance_long(void **state)
{
	char a[300], b[300];

	(void)state;
	memset(a, 'a', sizeof(a) - 1);
	a[sizeof(a) - 1] = '\0';
	memcpy(b, a, sizeof(b));
	/* Over 256 bytes the distance is not computed: "far". */
	assert_true(edit_distance(a, b) >= 1000);
	a[256] = '\0';
	b[256] = '\0';
	b[0] = 'b';
	assert_int_equal(edit_distance(a, b), 1);
}

static const char *
suggest_of(const char *word, const char *const *cands)
{
	struct suggest s;

	suggest_init(&s, word);
	for (; *cands; cands++)
		suggest_offer(&s, *cands);
	return suggest_result(&s);
}

static void
test_suggest(void **state)
{
	static const char *const keys[] = { "name", "kind", "summary",
		"description", "part_of", "url", "contact", NULL };
	static const char *const access[] = { "self", "referral",
		"self-or-referral", NULL };
	static const char *const ties[] = { "abd", "abc", "abe", NULL };
	static const char *const none[] = { NULL };
	static const char *const same[] = { "name", NULL };
	const char *r;

	(void)state;
	assert_string_equal(suggest_of("nmae", keys), "name");
	assert_string_equal(suggest_of("sumary", keys), "summary");
	assert_string_equal(suggest_of("descripton", keys), "description");
	assert_string_equal(suggest_of("partof", keys), "part_of");
	assert_string_equal(suggest_of("referal", access), "referral");
	assert_string_equal(suggest_of("self-or-referal", access),
	    "self-or-referral");
	/* Too far to be a typo. */
	assert_null(suggest_of("colour", keys));
	assert_null(suggest_of("xyz", keys));
	assert_null(suggest_of("lähete", access));
	assert_null(suggest_of("anything", none));
	/* The word itself is not a suggestion. */
	assert_null(suggest_of("name", same));
	/* Ties go to the smallest candidate, whatever the order. */
	assert_string_equal(suggest_of("abx", ties), "abc");
	/* A closer candidate wins over an earlier one. */
	{
		static const char *const c[] = { "tyokokeilut", "tyokokeilu",
			NULL };

		r = suggest_of("tyokokelu", c);
		assert_non_null(r);
		assert_string_equal(r, "tyokokeilu");
	}
	/* The limit: a third of the word, at least one, at most three. */
	{
		static const char *const c[] = { "abcdefghijkl", NULL };

		/* 12 letters: three edits allowed, four not. */
		assert_string_equal(suggest_of("abcdefghixyz", c),
		    "abcdefghijkl");
		assert_null(suggest_of("abcdefghwxyz", c));
	}
	{
		static const char *const c[] = { "ab", NULL };

		assert_string_equal(suggest_of("ac", c), "ab");
		assert_null(suggest_of("cd", c));
	}
}

/* --- UTF-8 -------------------------------------------------------- */

/* Returns the offset utf8_valid reports, or -1 when the text is valid. */
static long
utf8_bad(const char *s, size_t len)
{
	size_t bad = 12345;

	if (utf8_valid(s, len, &bad)) {
		assert_int_equal(bad, 12345); /* untouched */
		return -1;
	}
	return (long)bad;
}

#define UTF8_BAD(lit) utf8_bad(lit, sizeof(lit) - 1)

static void
test_utf8_valid(void **state)
{
	(void)state;
	assert_int_equal(UTF8_BAD(""), -1);
	assert_int_equal(UTF8_BAD("plain ascii"), -1);
	assert_int_equal(UTF8_BAD("Ryhmä Åbo"), -1);
	assert_int_equal(UTF8_BAD("\xE2\x80\x93"), -1);          /* – */
	assert_int_equal(UTF8_BAD("\xF0\x9F\x98\x80"), -1);      /* U+1F600 */
	assert_int_equal(UTF8_BAD("\xF4\x8F\xBF\xBF"), -1);      /* U+10FFFF */
	assert_int_equal(UTF8_BAD("\xEF\xBB\xBF"), -1);          /* BOM */
	assert_int_equal(UTF8_BAD("\xED\x9F\xBF"), -1);          /* U+D7FF */
	assert_int_equal(UTF8_BAD("\xEE\x80\x80"), -1);          /* U+E000 */
	assert_int_equal(UTF8_BAD("\xC2\x80"), -1);              /* U+0080 */
	assert_int_equal(UTF8_BAD("\xE0\xA0\x80"), -1);          /* U+0800 */
	assert_int_equal(UTF8_BAD("\xF0\x90\x80\x80"), -1);      /* U+10000 */
	/* NUL is a valid code point (the loader refuses it elsewhere). */
	assert_int_equal(utf8_bad("a\0b", 3), -1);

	/* Latin-1 bytes. */
	assert_int_equal(UTF8_BAD("Hyv\xE4"), 3);
	assert_int_equal(UTF8_BAD("\xFF"), 0);
	assert_int_equal(UTF8_BAD("ab\xFE"), 2);
	/* Stray continuation bytes. */
	assert_int_equal(UTF8_BAD("\x80"), 0);
	assert_int_equal(UTF8_BAD("a\xBF"), 1);
	/* Overlong forms. */
	assert_int_equal(UTF8_BAD("x\xC0\xAF"), 1);
	assert_int_equal(UTF8_BAD("\xC1\xBF"), 0);
	assert_int_equal(UTF8_BAD("\xE0\x80\xAF"), 0);
	assert_int_equal(UTF8_BAD("\xE0\x9F\xBF"), 0);
	assert_int_equal(UTF8_BAD("\xF0\x80\x80\xAF"), 0);
	assert_int_equal(UTF8_BAD("\xF0\x8F\xBF\xBF"), 0);
	/* Surrogates. */
	assert_int_equal(UTF8_BAD("ok\xED\xA0\x80"), 2);
	assert_int_equal(UTF8_BAD("\xED\xBF\xBF"), 0);
	/* Beyond U+10FFFF. */
	assert_int_equal(UTF8_BAD("\xF4\x90\x80\x80"), 0);
	assert_int_equal(UTF8_BAD("\xF5\x80\x80\x80"), 0);
	assert_int_equal(UTF8_BAD("\xF8\x88\x80\x80\x80"), 0);
	/* Truncated sequences, at the end and before other bytes. */
	assert_int_equal(UTF8_BAD("abc\xC3"), 3);
	assert_int_equal(UTF8_BAD("\xE2\x80"), 0);
	assert_int_equal(UTF8_BAD("\xF0\x9F\x98"), 0);
	assert_int_equal(UTF8_BAD("\xE2\x80x"), 0);
	assert_int_equal(UTF8_BAD("\xC3 "), 0);
	/* The length is respected: a sequence cut by len is invalid even
	 * if the bytes after len would complete it. */
	assert_int_equal(utf8_bad("\xC3\xA4", 1), 0);
	assert_int_equal(utf8_bad("a\xF0\x9F\x98\x80", 4), 1);
	assert_int_equal(utf8_bad("\xFF", 0), -1);
	/* The first bad byte is reported. */
	assert_int_equal(UTF8_BAD("ä\xFFö\xFF"), 2);
	/* NULL for the offset is allowed. */
	assert_false(utf8_valid("\xFF", 1, NULL));
	assert_true(utf8_valid("ok", 2, NULL));
}

static void
test_utf8_count(void **state)
{
	(void)state;
	assert_int_equal(utf8_count("", 0), 0);
	assert_int_equal(utf8_count("abc", 3), 3);
	assert_int_equal(utf8_count("ä", 2), 1);
	assert_int_equal(utf8_count("Ryhmä", strlen("Ryhmä")), 5);
	assert_int_equal(utf8_count("\xF0\x9F\x98\x80x", 5), 2);
	assert_int_equal(utf8_count("a–b", strlen("a–b")), 3);
	/* Only len bytes count. */
	assert_int_equal(utf8_count("abcdef", 2), 2);
	assert_int_equal(utf8_count("äö", 2), 1);
}

/* --- buffers, arrays, strings, paths, files ----------------------- */

static void
test_buf(void **state)
{
	struct buf b = { 0 };
	char *s;
	size_t i;

	(void)state;
	s = buf_detach(&b);
	assert_string_equal(s, "");
	free(s);
	buf_puts(&b, "abc");
	buf_putc(&b, '-');
	buf_printf(&b, "%d/%s", 42, "x");
	buf_append(&b, "zz\0hidden", 2);
	buf_append(&b, NULL, 0);
	assert_int_equal(b.len, 10);
	assert_string_equal(b.data, "abc-42/xzz");
	for (i = 0; i < 10000; i++)
		buf_putc(&b, 'x');
	assert_int_equal(b.len, 10010);
	assert_int_equal(strlen(b.data), 10010);
	assert_true(b.cap > b.len);
	s = buf_detach(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	assert_int_equal(strncmp(s, "abc-42/xzzxxx", 13), 0);
	free(s);
	buf_puts(&b, "again");
	buf_free(&b);
	assert_null(b.data);
	buf_free(&b);
}

static void
test_array_push(void **state)
{
	int *arr = NULL;
	size_t len = 0, cap = 0, i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		int *slot = array_push(&arr, &len, &cap, sizeof(*arr));

		assert_int_equal(*slot, 0); /* zeroed */
		*slot = (int)i * 3;
	}
	assert_int_equal(len, 1000);
	assert_true(cap >= 1000);
	for (i = 0; i < 1000; i++)
		assert_int_equal(arr[i], (int)i * 3);
	free(arr);
}

static void
test_strings(void **state)
{
	char *s;

	(void)state;
	s = xstrndup("abcdef", 3);
	assert_string_equal(s, "abc");
	free(s);
	s = xstrndup("ab", 0);
	assert_string_equal(s, "");
	free(s);
	s = xasprintf("%s:%u:%u", "f.yaml", 3u, 14u);
	assert_string_equal(s, "f.yaml:3:14");
	free(s);
	s = path_join("content", "site.yaml");
	assert_string_equal(s, "content/site.yaml");
	free(s);
	s = path_join("content/", "site.yaml");
	assert_string_equal(s, "content/site.yaml");
	free(s);
	s = path_join("", "site.yaml");
	assert_string_equal(s, "site.yaml");
	free(s);
}

/* hash_block: the same over pieces cut at multiples of eight bytes (as
 * cache.c's h_fd reads a file), and changed by any one bit, the high
 * bits of a word included. */
static void
test_hash_block(void **state)
{
	unsigned char text[1003];
	unsigned long long whole, h;
	size_t i, cut, bit;

	(void)state;
	for (i = 0; i < sizeof(text); i++)
		text[i] = (unsigned char)(i * 7 + 3);
	whole = hash_block(HASH_INIT, text, sizeof(text));
	for (cut = 0; cut <= sizeof(text); cut += 8) {
		h = hash_block(HASH_INIT, text, cut);
		assert_true(hash_block(h, text + cut, sizeof(text) - cut) ==
		    whole);
	}
	for (bit = 0; bit < 8 * 24; bit++) {
		text[bit / 8] ^= (unsigned char)(1u << (bit % 8));
		assert_true(hash_block(HASH_INIT, text, sizeof(text)) != whole);
		text[bit / 8] ^= (unsigned char)(1u << (bit % 8));
	}
	/* The last bytes, beyond the last whole word, count too. */
	text[sizeof(text) - 1] ^= 1;
	assert_true(hash_block(HASH_INIT, text, sizeof(text)) != whole);
	assert_true(hash_block(HASH_INIT, text, 0) == HASH_INIT);
}

static void
test_file_read(void **state)
{
	char dir[] = "/tmp/kartta-test-util-XXXXXX";
	char *path, *data;
	size_t len = 99;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = path_join(dir, "f.txt");
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite("abc\0def", 1, 7, f), 7);
	assert_int_equal(fclose(f), 0);

	data = file_read(path, 100, &len);
	assert_non_null(data);
	assert_int_equal(len, 7);
	assert_memory_equal(data, "abc\0def", 8); /* NUL-terminated */
	free(data);
	/* Exactly the limit is fine; one byte less is too big. */
	data = file_read(path, 7, &len);
	assert_non_null(data);
	free(data);
	errno = 0;
	assert_null(file_read(path, 6, &len));
	assert_int_equal(errno, EFBIG);
	free(path);

	path = path_join(dir, "missing");
	errno = 0;
	assert_null(file_read(path, 100, &len));
	assert_int_equal(errno, ENOENT);
	free(path);

	path = path_join(dir, "empty");
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fclose(f), 0);
	data = file_read(path, 100, &len);
	assert_non_null(data);
	assert_int_equal(len, 0);
	assert_string_equal(data, "");
	free(data);
	assert_int_equal(unlink(path), 0);
	free(path);

	path = path_join(dir, "f.txt");
	assert_int_equal(unlink(path), 0);
	free(path);
	assert_int_equal(rmdir(dir), 0);
}

/* --- diagnostics -------------------------------------------------- */

/* Prints dl in fmt into a string; the caller frees it. */
static char *
print_diags(struct diag_list *dl, enum diag_format fmt)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&mem, &len);

	assert_non_null(f);
	diag_print(dl, f, fmt);
	assert_int_equal(fclose(f), 0);
	return mem;
}

static struct pos
P(const char *file, unsigned line, unsigned col)
{
	struct pos p;

	p.file = file;
	p.line = line;
	p.col = col;
	return p;
}

static void
test_diag_sorted(void **state)
{
	struct diag_list *dl = diag_list_new();
	char *s;

	(void)state;
	s = print_diags(dl, DIAG_FORMAT_PLAIN);
	assert_string_equal(s, "");
	free(s);

	diag_error(dl, P("b.yaml", 2, 1), "second file");
	diag_warning(dl, P("a.yaml", 10, 2), "line ten");
	diag_error(dl, P("a.yaml", 2, 9), "line two col nine");
	diag_error(dl, P("a.yaml", 2, 3), "line two col three");
	diag_add(dl, DIAG_WARNING, P("a.yaml", 2, 3), "same place, later");
	diag_error(dl, P("a.yaml", 0, 0), "whole file");
	diag_error(dl, P("a.yaml", 5, 0), "no column");
	diag_error(dl, P(NULL, 0, 0), "no file %d", 7);
	assert_int_equal(diag_errors(dl), 6);
	assert_int_equal(diag_warnings(dl), 2);
	s = print_diags(dl, DIAG_FORMAT_PLAIN);
	assert_string_equal(s,
	    "a.yaml:1:1: error: whole file\n"
	    "a.yaml:2:3: error: line two col three\n"
	    "a.yaml:2:3: warning: same place, later\n"
	    "a.yaml:2:9: error: line two col nine\n"
	    "a.yaml:5:1: error: no column\n"
	    "a.yaml:10:2: warning: line ten\n"
	    "b.yaml:2:1: error: second file\n"
	    "kartta:1:1: error: no file 7\n");
	free(s);
	diag_list_free(dl);
	diag_list_free(NULL);
}

static void
test_diag_github(void **state)
{
	struct diag_list *dl = diag_list_new();
	char *s;

	(void)state;
	diag_error(dl, P("dir,x/a:b.yaml", 3, 7), "50%% done\r\nnext: a,b");
	diag_warning(dl, P("c.yaml", 0, 0), "whole");
	diag_warning(dl, P("d.yaml", 4, 0), "no col");
	s = print_diags(dl, DIAG_FORMAT_GITHUB);
	assert_string_equal(s,
	    "::warning file=c.yaml,line=1,col=1::whole\n"
	    "::warning file=d.yaml,line=4,col=1::no col\n"
	    "::error file=dir%2Cx/a%3Ab.yaml,line=3,col=7::"
	    "50%25 done\\r\\nnext: a,b\n");
	free(s);
	diag_list_free(dl);
}

/* Nothing from the content can start a line or drive the terminal. */
static void
test_diag_escape(void **state)
{
	struct diag_list *dl = diag_list_new();
	char *s;

	(void)state;
	s = diag_escape("a\nb\rc\td\x1b[2J\x7f\x01 \xc2\x85 \xe2\x80\xae"
	    "\xe2\x81\xa6 \xff\xc3 \xc3\xa4\xe2\x80\x93 \\n");
	assert_string_equal(s, "a\\nb\\rc\\td\\x1B[2J\\x7F\\x01 \\x85 "
	    "\\u202E\\u2066 \\xFF\\xC3 \xc3\xa4\xe2\x80\x93 \\n");
	free(s);
	/* Overlong and surrogate forms are bytes, not characters. */
	s = diag_escape("\xc0\x8a\xed\xa0\x80");
	assert_string_equal(s, "\\xC0\\x8A\\xED\\xA0\\x80");
	free(s);
	diag_error(dl, P("x\ny.yaml", 2, 3), "key \"k\n\x1b\"");
	s = print_diags(dl, DIAG_FORMAT_PLAIN);
	assert_string_equal(s, "x\\ny.yaml:2:3: error: key \"k\\n\\x1B\"\n");
	free(s);
	diag_list_free(dl);
}

static void
test_diag_merge(void **state)
{
	struct diag_list *a = diag_list_new(), *b = diag_list_new();
	char file[] = "x.yaml";
	char *s;

	(void)state;
	diag_error(a, P(file, 1, 1), "a1");
	diag_warning(b, P(file, 1, 1), "b1");
	diag_error(b, P(file, 1, 1), "b2");
	diag_merge(a, b);
	assert_int_equal(diag_errors(a), 2);
	assert_int_equal(diag_warnings(a), 1);
	assert_int_equal(diag_errors(b), 0);
	assert_int_equal(diag_warnings(b), 0);
	/* The file name is copied: the caller's buffer may change. */
	file[0] = 'z';
	s = print_diags(a, DIAG_FORMAT_PLAIN);
	assert_string_equal(s,
	    "x.yaml:1:1: error: a1\n"
	    "x.yaml:1:1: warning: b1\n"
	    "x.yaml:1:1: error: b2\n");
	free(s);
	s = print_diags(b, DIAG_FORMAT_PLAIN);
	assert_string_equal(s, "");
	free(s);
	diag_list_free(a);
	diag_list_free(b);
}

/* What a worker sends (diag_write) reads back the same (diag_read), in
 * order, after what the list held; anything else is refused. */
static void
test_diag_wire(void **state)
{
	struct diag_list *a = diag_list_new(), *b = diag_list_new();
	struct buf w = { 0 };
	struct pos none = { NULL, 0, 0 };
	char *s;

	(void)state;
	diag_warning(a, P("b.yaml", 3, 7), "w: 50%% \"quoted\"");
	diag_error(a, none, "no position");
	diag_error(a, P("a.yaml", 12, 1), "e");
	diag_write(a, &w);
	diag_warning(b, P("a.yaml", 1, 1), "first");
	assert_int_equal(diag_read(b, w.data, w.len), 0);
	assert_int_equal(diag_errors(b), 2);
	assert_int_equal(diag_warnings(b), 2);
	s = print_diags(b, DIAG_FORMAT_PLAIN);
	assert_string_equal(s,
	    "a.yaml:1:1: warning: first\n"
	    "a.yaml:12:1: error: e\n"
	    "b.yaml:3:7: warning: w: 50% \"quoted\"\n"
	    "kartta:1:1: error: no position\n");
	free(s);
	assert_int_equal(diag_read(b, "X1", 2), -1);
	assert_int_equal(diag_read(b, w.data, w.len - 1), -1);
	assert_int_equal(diag_read(b, "", 0), 0);
	buf_free(&w);
	diag_list_free(a);
	diag_list_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strmap_basic),
		cmocka_unit_test(test_strmap_grow),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_edit_distance_long),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_count),
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_array_push),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_hash_block),
		cmocka_unit_test(test_file_read),
		cmocka_unit_test(test_diag_sorted),
		cmocka_unit_test(test_diag_github),
		cmocka_unit_test(test_diag_escape),
		cmocka_unit_test(test_diag_merge),
		cmocka_unit_test(test_diag_wire),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
