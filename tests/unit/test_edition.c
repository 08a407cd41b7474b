/*
 * Unit tests of reading back published flows: the JSON reader (every
 * syntax error at its line and column) and an earlier edition's flow
 * (what is not a flow as kartta publishes it is refused, positioned).
 * A round trip: what flow_json_write writes reads back as published.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testlib.h"

#include "edition.h"
#include "flow.h"
#include "json.h"

static char tmpdir[] = "/tmp/kartta-test-edition-XXXXXX";

static int
any_service(void *arg, const char *id)
{
	(void)arg;
	return strcmp(id, "x") == 0 || strcmp(id, "y") == 0;
}

/* Parses text; returns the diagnostics (caller frees). */
static char *
parse_diags(const char *text, size_t len)
{
	struct diag_list *dl = diag_list_new();
	struct json *j = json_parse(text, len, "e.json", dl);
	char *d = test_diag_text(dl, DIAG_FORMAT_PLAIN);

	assert_true((j == NULL) == (diag_errors(dl) > 0));
	json_free(j);
	diag_list_free(dl);
	return d;
}

static void
expect_error(const char *text, const char *want)
{
	char *d = parse_diags(text, strlen(text));

	assert_string_equal(d, want);
	free(d);
}

static void
test_json_values(void **state)
{
	struct diag_list *dl = diag_list_new();
	const char *text = "\xEF\xBB\xBF{ \"a\": [1, -2.5e3, true, false, null],"
	    "\n  \"\\u00e4\\ud83d\\ude00\\n\": \"x\\\"y\" }";
	struct json *j = json_parse(text, strlen(text), "e.json", dl);

	(void)state;
	assert_non_null(j);
	assert_int_equal(j->type, JSON_OBJECT);
	assert_int_equal(j->n, 4);
	assert_string_equal(j->items[0]->s, "a");
	assert_int_equal(j->items[1]->type, JSON_ARRAY);
	assert_int_equal(j->items[1]->n, 5);
	assert_string_equal(j->items[1]->items[1]->s, "-2.5e3");
	assert_int_equal(j->items[1]->items[2]->b, 1);
	assert_int_equal(j->items[1]->items[4]->type, JSON_NULL);
	assert_string_equal(j->items[2]->s, "\xC3\xA4\xF0\x9F\x98\x80\n");
	assert_int_equal(j->items[2]->pos.line, 2);
	assert_int_equal(j->items[2]->pos.col, 3);
	assert_string_equal(j->items[3]->s, "x\"y");
	json_free(j);
	assert_int_equal(diag_errors(dl), 0);
	diag_list_free(dl);
}

static void
test_json_errors(void **state)
{
	char *d;
	size_t i;
	struct buf deep = { 0 };

	(void)state;
	expect_error("", "e.json:1:1: error: JSON syntax error: expected a "
	    "value\n");
	expect_error("{\"a\": 1,}", "e.json:1:9: error: JSON syntax error: "
	    "a comma before the end\n");
	expect_error("[1, 2", "e.json:1:6: error: JSON syntax error: expected "
	    "',' or ']'\n");
	expect_error("{\n  \"a\": \"open\n}", "e.json:2:8: error: JSON syntax "
	    "error: a string is not closed\n");
	expect_error("{\"a\": 01}", "e.json:1:8: error: JSON syntax error: "
	    "expected ',' or '}'\n");
	expect_error("{\"ä\": tru}", "e.json:1:7: error: JSON syntax error: "
	    "expected a value (an object, a list, a string, a number, true, "
	    "false or null)\n");
	expect_error("{\"a\" 1}", "e.json:1:6: error: JSON syntax error: "
	    "expected ':' after a key\n");
	expect_error("[\"\\x\"]", "e.json:1:3: error: JSON syntax error: an "
	    "unknown escape in a string\n");
	expect_error("[\"\\ud800\"]", "e.json:1:3: error: JSON syntax error: "
	    "a lone surrogate in \\u escapes\n");
	expect_error("[\"\\u0000\"]", "e.json:1:3: error: JSON syntax error: "
	    "\\u0000 (a NUL) in a string\n");
	expect_error("[\"a\tb\"]", "e.json:1:4: error: JSON syntax error: a "
	    "control character in a string (write it as \\u00XX)\n");
	expect_error("{} {}", "e.json:1:4: error: JSON syntax error: "
	    "something after the value\n");
	expect_error("[-]", "e.json:1:2: error: JSON syntax error: a number "
	    "needs digits\n");
	expect_error("// no\n{}", "e.json:1:1: error: JSON syntax error: "
	    "expected a value (an object, a list, a string, a number, true, "
	    "false or null)\n");
	d = parse_diags("[1,\n \"\xFF\"]", 9);
	assert_string_equal(d, "e.json:2:3: error: invalid UTF-8 (byte 0xFF); "
	    "save the file as UTF-8\n");
	free(d);
	for (i = 0; i < 100; i++)
		buf_putc(&deep, '[');
	expect_error(deep.data, "e.json:1:65: error: JSON syntax error: "
	    "nesting deeper than 64 levels\n");
	buf_free(&deep);
}

/* Reads text as an earlier edition; *diags gets the diagnostics. */
static struct edition_flow *
read_edition(const char *text, char **diags)
{
	char *path = test_write_file(tmpdir, ".json", text, strlen(text));
	struct diag_list *dl = diag_list_new();
	struct edition_flow *e = edition_read(path, "data/e.json", dl);

	*diags = test_diag_text(dl, DIAG_FORMAT_PLAIN);
	assert_true((e == NULL) == (diag_errors(dl) > 0));
	diag_list_free(dl);
	unlink(path);
	free(path);
	return e;
}

static void
expect_refused(const char *text, const char *want)
{
	char *d;

	assert_null(read_edition(text, &d));
	assert_string_equal(d, want);
	free(d);
}

/* What kartta writes reads back with the same numbers. */
static void
test_edition_round_trip(void **state)
{
	static const char data[] = "from,to,count\n"
	    "start,,30\nend,,30\nx,,20\nstart,x,20\nstart,y,10\nx,end,20\n"
	    "y,end,10\n";
	char *csv = test_write_file(tmpdir, ".csv", data, strlen(data));
	struct flow_source src;
	struct diag_list *dl = diag_list_new();
	struct flow_counts *f;
	struct edition_flow *e;
	struct buf b = { 0 };
	char *d, *js;
	size_t i;

	(void)state;
	memset(&src, 0, sizeof(src));
	src.path = src.display = csv;
	src.format = FLOW_TRANSITIONS;
	src.k = 5;
	src.rounding = 5;
	src.service_exists = any_service;
	f = flow_aggregate(&src, dl);
	if (f == NULL)
		fail_msg("%s", test_diag_text(dl, DIAG_FORMAT_PLAIN));
	flow_json_write(f, "virta<&>", "2024", &b);
	js = buf_detach(&b);
	e = read_edition(js, &d);
	assert_non_null(e);
	assert_string_equal(d, "");
	assert_string_equal(e->id, "virta<&>");
	assert_int_equal(e->k, 5);
	assert_int_equal(e->rounding, 5);
	assert_int_equal(e->nnodes, f->nnodes);
	assert_int_equal(e->nedges, f->nedges);
	for (i = 0; i < f->nnodes; i++) {
		assert_string_equal(e->node[i], f->nodes[i].id);
		assert_int_equal(e->ncount[i], f->nodes[i].suppressed ? -1 :
		    (int64_t)f->nodes[i].count);
	}
	for (i = 0; i < f->nedges; i++) {
		assert_int_equal(e->from[i], f->edges[i].from);
		assert_int_equal(e->to[i], f->edges[i].to);
		assert_int_equal(e->ecount[i], f->edges[i].suppressed ? -1 :
		    (int64_t)f->edges[i].count);
	}
	edition_free(e);
	free(d);
	free(js);
	flow_free(f);
	diag_list_free(dl);
	unlink(csv);
	free(csv);
}

static void
test_edition_refused(void **state)
{
	(void)state;
	expect_refused("[]", "data/e.json:1:1: error: a flow's JSON is an "
	    "object, not a list\n");
	expect_refused("{ \"flow\": \"f\", \"k\": 5, \"rounding\": 1,\n"
	    "  \"nodes\": [] }",
	    "data/e.json:1:1: error: missing \"edges\" in a flow\n");
	expect_refused("{ \"flow\": 3, \"period\": 2024, \"k\": \"5\", "
	    "\"rounding\": 1, \"nodes\": [], \"edges\": [], \"extra\": 1 }",
	    "data/e.json:1:11: error: \"flow\" must be a string, not a "
	    "number\n"
	    "data/e.json:1:24: error: \"period\" must be a string or null, not "
	    "a number\n"
	    "data/e.json:1:35: error: \"k\" must be a number, not a string\n"
	    "data/e.json:1:81: error: unknown key \"extra\" in a flow: not a "
	    "flow's JSON as kartta publishes it\n");
	expect_refused("{ \"flow\": \"f\", \"period\": null, \"k\": 5, "
	    "\"rounding\": 10,\n"
	    "  \"nodes\": [ { \"id\": \"start\", \"count\": 12 },\n"
	    "             { \"id\": \"x\", \"count\": 1.5 },\n"
	    "             { \"id\": \"x\", \"count\": null },\n"
	    "             { \"id\": \"end\" } ],\n"
	    "  \"edges\": [ { \"from\": \"start\", \"to\": \"y\", "
	    "\"count\": null },\n"
	    "             { \"from\": \"start\", \"to\": \"start\", "
	    "\"count\": null },\n"
	    "             { \"from\": \"start\", \"to\": \"x\", \"count\": -1 } "
	    "] }",
	    "data/e.json:2:40: error: a count of 12 with k 5 and rounding 10: "
	    "kartta never publishes that\n"
	    "data/e.json:3:36: error: \"count\" must be a whole number, not "
	    "1.5\n"
	    "data/e.json:4:22: error: node \"x\" is listed twice\n"
	    "data/e.json:5:14: error: missing \"count\"\n"
	    "data/e.json:6:39: error: edge names node \"y\", which is not among "
	    "the nodes\n"
	    "data/e.json:7:24: error: an edge from \"start\" to itself\n"
	    "data/e.json:8:53: error: \"count\" must be a whole number, not "
	    "-1\n");
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
		cmocka_unit_test(test_json_values),
		cmocka_unit_test(test_json_errors),
		cmocka_unit_test(test_edition_round_trip),
		cmocka_unit_test(test_edition_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
