/*
 * Unit tests of the streaming CSV reader: RFC 4180 quoting, line ends,
 * byte order marks, UTF-8 checks, positions of fields and errors, the
 * error cap, and records that straddle the read buffer.
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

#include "testlib.h"

#include "csv.h"
#include "diag.h"
#include "util.h"

static char tmpdir[] = "/tmp/kartta-test-csv-XXXXXX";

/*
 * Reads data as CSV and returns its records, one a line: "LINE:" then
 * the fields as "[text]" with each field's "@line.col", "!" for a bad
 * record, and "FATAL" when reading stopped on an error.  *diags gets the
 * printed diagnostics.  Caller frees both.
 */
static char *
parse_n(const char *data, size_t len, char **diags)
{
	char *path = test_write_file(tmpdir, ".csv", data, len);
	struct diag_list *dl = diag_list_new();
	struct buf out = { 0 };
	struct csv_row row;
	struct csv *c;
	char *mem = NULL;
	size_t memlen = 0, i;
	FILE *ms;
	int r;

	c = csv_open(path, "t.csv", dl);
	assert_non_null(c);
	while ((r = csv_read(c, &row)) == 1) {
		buf_printf(&out, "%u:%s", row.line, row.bad ? "!" : "");
		for (i = 0; i < row.nfields; i++) {
			if (!row.bad)
				assert_int_equal(strlen(row.fields[i].s),
				    row.fields[i].len);
			buf_printf(&out, "[%s]@%u.%u", row.fields[i].s,
			    row.fields[i].line, row.fields[i].col);
		}
		buf_putc(&out, '\n');
	}
	if (r < 0)
		buf_puts(&out, "FATAL\n");
	assert_int_equal(csv_errors(c) > 0, diag_errors(dl) > 0);
	csv_close(c);
	ms = open_memstream(&mem, &memlen);
	assert_non_null(ms);
	/* diag_print(NULL items) trips UBSan in qsort: skip when empty. */
	if (diag_errors(dl) + diag_warnings(dl) > 0)
		diag_print(dl, ms, DIAG_FORMAT_PLAIN);
	fclose(ms);
	*diags = mem;
	diag_list_free(dl);
	unlink(path);
	free(path);
	return buf_detach(&out);
}

static char *
parse(const char *data, char **diags)
{
	return parse_n(data, strlen(data), diags);
}

/* Parses data and checks both the records and the diagnostics. */
static void
check_n(const char *data, size_t len, const char *want, const char *wantd)
{
	char *diags, *got = parse_n(data, len, &diags);

	assert_string_equal(got, want);
	assert_string_equal(diags, wantd);
	free(got);
	free(diags);
}

static void
check(const char *data, const char *want, const char *wantd)
{
	check_n(data, strlen(data), want, wantd);
}

static void
test_simple(void **state)
{
	(void)state;
	check("a,b,c\n1,2,3\n",
	    "1:[a]@1.1[b]@1.3[c]@1.5\n2:[1]@2.1[2]@2.3[3]@2.5\n", "");
}

static void
test_crlf_and_no_final_newline(void **state)
{
	(void)state;
	check("a,b\r\n1,2\r\n3,4", "1:[a]@1.1[b]@1.3\n2:[1]@2.1[2]@2.3\n"
	    "3:[3]@3.1[4]@3.3\n", "");
	check("a,b\n1,2", "1:[a]@1.1[b]@1.3\n2:[1]@2.1[2]@2.3\n", "");
}

static void
test_bom(void **state)
{
	(void)state;
	check("\xEF\xBB\xBF" "a,b\n1,2\n",
	    "1:[a]@1.1[b]@1.3\n2:[1]@2.1[2]@2.3\n", "");
	/* A file holding only a byte order mark is empty. */
	check("\xEF\xBB\xBF", "", "");
	/* Only at the very start. */
	check("a\n\xEF\xBB\xBF" "b\n", "1:[a]@1.1\n2:[\xEF\xBB\xBF" "b]@2.1\n",
	    "");
}

static void
test_quoting(void **state)
{
	(void)state;
	check("\"a,b\",\"say \"\"hi\"\"\",\"\"\n",
	    "1:[a,b]@1.1[say \"hi\"]@1.7[]@1.20\n", "");
	/* Embedded line ends are kept; the next field starts further on. */
	check("\"x\ny\",z\r\n\"p\r\nq\",r\nlast,1\n",
	    "1:[x\ny]@1.1[z]@2.4\n3:[p\r\nq]@3.1[r]@4.4\n5:[last]@5.1[1]@5.6\n",
	    "");
	/* A quoted empty field is a record; an empty line is not. */
	check("\"\"\n\n\nx\n\n", "1:[]@1.1\n4:[x]@4.1\n", "");
}

static void
test_empty_fields(void **state)
{
	(void)state;
	check(",,\na,\n", "1:[]@1.1[]@1.2[]@1.3\n2:[a]@2.1[]@2.3\n", "");
	check("", "", "");
	check("\n\r\n\n", "", "");
}

static void
test_columns_in_characters(void **state)
{
	(void)state;
	check("ä€𝄞,x\n", "1:[ä€𝄞]@1.1[x]@1.5\n", "");
}

static void
test_bad_utf8(void **state)
{
	(void)state;
	check("a,b\nok,\xFF" "x\nfine,row\n",
	    "1:[a]@1.1[b]@1.3\n2:![ok]@2.1[\xFF" "x]@2.4\n"
	    "3:[fine]@3.1[row]@3.6\n",
	    "t.csv:2:4: error: invalid UTF-8: the data file must be saved "
	    "as UTF-8\n");
	/* Overlong form, surrogate, a sequence cut short by a comma. */
	check("\xC0\x80\n", "1:![\xC0\x80]@1.1\n",
	    "t.csv:1:1: error: invalid UTF-8: the data file must be saved "
	    "as UTF-8\n");
	check("x\xED\xA0\x80\n", "1:![x\xED\xA0\x80]@1.1\n",
	    "t.csv:1:3: error: invalid UTF-8: the data file must be saved "
	    "as UTF-8\n");
	check("\xC3,b\n", "1:![\xC3]@1.1[b]@1.3\n",
	    "t.csv:1:2: error: invalid UTF-8: the data file must be saved "
	    "as UTF-8\n");
	check("ab\xE2\x82", "1:![ab\xE2\x82]@1.1\n",
	    "t.csv:1:4: error: the file ends inside a UTF-8 sequence\n");
}

static void
test_nul(void **state)
{
	(void)state;
	check_n("a\0b,c\n", 6, "1:![a]@1.1[c]@1.5\n",
	    "t.csv:1:2: error: a NUL byte: is this a CSV text file?\n");
}

static void
test_stray_quotes(void **state)
{
	(void)state;
	check("a,b\"c\nd,e\n", "1:![a]@1.1[b\"c]@1.3\n2:[d]@2.1[e]@2.3\n",
	    "t.csv:1:4: error: a quote inside an unquoted field: quote the "
	    "whole field and double the quotes inside it\n");
	check("\"a\"b,c\nd\n", "1:![ab]@1.1[c]@1.6\n2:[d]@2.1\n",
	    "t.csv:1:4: error: expected a comma or the end of the line after "
	    "the closing quote\n");
}

static void
test_unclosed_quote(void **state)
{
	(void)state;
	check("a,b\nc,\"d\ne,f\n", "1:[a]@1.1[b]@1.3\nFATAL\n",
	    "t.csv:2:3: error: this quoted field is never closed: a quote is "
	    "missing\n");
}

static void
test_lone_cr(void **state)
{
	(void)state;
	check("a\rb\n", "1:![a]@1.1\n1:[b]@1.3\n",
	    "t.csv:1:2: error: a carriage return without a line feed: lines "
	    "must end in LF or CRLF\n");
}

static void
test_too_long(void **state)
{
	struct buf b = { 0 };
	char *got, *diags;
	size_t i;

	(void)state;
	buf_puts(&b, "a\n\"");
	for (i = 0; i < CSV_MAX_RECORD + 10; i++)
		buf_putc(&b, 'x');
	got = parse(b.data, &diags);
	assert_string_equal(got, "1:[a]@1.1\nFATAL\n");
	assert_non_null(strstr(diags, "t.csv:2:1: error: this quoted field "
	    "runs on"));
	free(got);
	free(diags);
	buf_free(&b);
}

/* Records spanning the 64 KiB read buffer come out whole. */
static void
test_buffer_boundaries(void **state)
{
	struct buf b = { 0 }, want = { 0 };
	char *got, *diags;
	unsigned i, line = 1;

	(void)state;
	for (i = 0; i < 30000; i++) {
		if (i % 7 == 3) {
			buf_printf(&b, "\"q\n%u\",\"ä,%u\"\r\n", i, i);
			buf_printf(&want, "%u:[q\n%u]@%u.1[ä,%u]@%u.%u\n",
			    line, i, line, i, line + 1,
			    (unsigned)snprintf(NULL, 0, "%u", i) + 3);
			line += 2;
		} else {
			buf_printf(&b, "row%u,ä%u\n", i, i);
			buf_printf(&want, "%u:[row%u]@%u.1[ä%u]@%u.%u\n",
			    line, i, line, i, line,
			    (unsigned)snprintf(NULL, 0, "%u", i) + 5);
			line++;
		}
	}
	assert_true(b.len > 3 * 65536);
	got = parse(b.data, &diags);
	assert_string_equal(got, want.data);
	assert_string_equal(diags, "");
	free(got);
	free(diags);
	buf_free(&b);
	buf_free(&want);
}

/* Past CSV_MAX_ERRORS, one line tells how many more there were. */
static void
test_error_cap(void **state)
{
	struct buf b = { 0 };
	char *got, *diags, *p;
	size_t n = 0;
	unsigned i;

	(void)state;
	for (i = 0; i < CSV_MAX_ERRORS + 12; i++)
		buf_puts(&b, "x\"y\n");
	got = parse(b.data, &diags);
	for (p = diags; (p = strchr(p, '\n')) != NULL; p++)
		n++;
	assert_int_equal(n, CSV_MAX_ERRORS + 1);
	assert_non_null(strstr(diags, "t.csv:51:2: error: 12 more errors in "
	    "this file, from here on, not shown\n"));
	free(got);
	free(diags);
	buf_free(&b);
}

static void
test_missing_file(void **state)
{
	struct diag_list *dl = diag_list_new();

	(void)state;
	assert_null(csv_open("/nonexistent/x.csv", "data/x.csv", dl));
	assert_int_equal(diag_errors(dl), 1);
	diag_list_free(dl);
	csv_close(NULL);
}

/* Random bytes: whatever happens, no crash and no leak (ASan). */
static void
test_random_bytes(void **state)
{
	static const char alphabet[] = "ab,\"\r\n\xC3\xA4\xFF\xE2\x82\xAC";
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	char data[300];
	unsigned round;
	size_t i, len;

	(void)state;
	for (round = 0; round < 300; round++) {
		char *got, *diags;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		len = (size_t)(x % sizeof(data));
		for (i = 0; i < len; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			data[i] = alphabet[x % (sizeof(alphabet) - 1)];
		}
		got = parse_n(data, len, &diags);
		free(got);
		free(diags);
	}
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	return rmdir(tmpdir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple),
		cmocka_unit_test(test_crlf_and_no_final_newline),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_empty_fields),
		cmocka_unit_test(test_columns_in_characters),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_stray_quotes),
		cmocka_unit_test(test_unclosed_quote),
		cmocka_unit_test(test_lone_cr),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_buffer_boundaries),
		cmocka_unit_test(test_error_cap),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_random_bytes),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
