/*
 * Unit tests of flows: aggregation of events and transitions, the
 * errors of bad data files with their positions, the JSON, rounding,
 * and property tests on random seeded logs that re-aggregate the raw
 * data independently and check the promise of docs/anonymity.md on
 * every result.
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
#include "flow.h"
#include "util.h"

static char tmpdir[] = "/tmp/kartta-test-flow-XXXXXX";

/* The handbook's services, for the callbacks. */
static const char *const services[] = { "tyokokeilu", "kuntoutus",
	"a", "b", "c", "x", "y", "z", NULL };

/* Property tests make up their own services. */
struct svcset {
	const char *const *ids; /* NULL-terminated */
};

static int
svc_exists(void *arg, const char *id)
{
	const struct svcset *s = arg;
	size_t i;

	for (i = 0; s->ids[i] != NULL; i++)
		if (strcmp(s->ids[i], id) == 0)
			return 1;
	return 0;
}

static const char *
svc_suggest(void *arg, const char *id)
{
	const struct svcset *s = arg;
	struct suggest sg;
	size_t i;

	suggest_init(&sg, id);
	for (i = 0; s->ids[i] != NULL; i++)
		suggest_offer(&sg, s->ids[i]);
	return suggest_result(&sg);
}

/*
 * Aggregates data as data/t.csv.  Returns the flow or NULL; *diags gets
 * the diagnostics.  Caller frees both.
 */
static struct flow_counts *
run_svc(const char *data, size_t len, enum flow_format fmt, unsigned k,
    unsigned rounding, const struct svcset *set, char **diags)
{
	char *path = test_write_file(tmpdir, ".csv", data, len);
	struct diag_list *dl = diag_list_new();
	struct flow_source src;
	struct flow_counts *f;

	memset(&src, 0, sizeof(src));
	src.path = path;
	src.display = "data/t.csv";
	src.format = fmt;
	src.k = k;
	src.rounding = rounding;
	src.service_exists = svc_exists;
	src.service_suggest = svc_suggest;
	src.arg = (void *)set;
	f = flow_aggregate(&src, dl);
	*diags = test_diag_text(dl, DIAG_FORMAT_PLAIN);
	assert_true((f == NULL) == (diag_errors(dl) > 0));
	diag_list_free(dl);
	unlink(path);
	free(path);
	return f;
}

static struct flow_counts *
run(const char *data, enum flow_format fmt, unsigned k, unsigned rounding,
    char **diags)
{
	static const struct svcset set = { services };

	return run_svc(data, strlen(data), fmt, k, rounding, &set, diags);
}

/* Returns the flow's JSON as id "t" with period; caller frees. */
static char *
json(const struct flow_counts *f, const char *period)
{
	struct buf b = { 0 };

	flow_json_write(f, "t", period, &b);
	return buf_detach(&b);
}

/* Aggregates data and checks the JSON and the diagnostics. */
static void
check_json(const char *data, enum flow_format fmt, unsigned k,
    unsigned rounding, const char *want, const char *wantd)
{
	char *diags, *got;
	struct flow_counts *f = run(data, fmt, k, rounding, &diags);

	assert_string_equal(diags, wantd);
	assert_non_null(f);
	got = json(f, "2024");
	assert_string_equal(got, want);
	free(got);
	free(diags);
	flow_free(f);
}

/* Aggregates data, expecting it refused with exactly wantd. */
static void
check_error(const char *data, enum flow_format fmt, const char *wantd)
{
	char *diags;
	struct flow_counts *f = run(data, fmt, 5, 1, &diags);

	assert_null(f);
	assert_string_equal(diags, wantd);
	free(diags);
}

/*
 * Per client: dates order the events, ties keep file order, repeated
 * events at one node are one visit, and every count counts clients.
 */
static void
test_events_basic(void **state)
{
	(void)state;
	check_json("client,service,date\n"
	    "a,x,2024-01-02\n"
	    "a,y,2024-01-01\n"
	    "b,x,2024-01-01\n"
	    "b,x,2024-01-01\n"
	    "c,y,2024-01-05\n"
	    "b,x,2024-01-03\n"
	    "b,y,2024-01-02\n"
	    "c,x,2024-01-05\n"
	    "d,x,2024-03-01\n"
	    "d,y,2024-03-02\n"
	    "d,x,2024-03-03\n"
	    "d,y,2024-03-04\n",
	    FLOW_EVENTS, 1, 1,
	    "{ \"flow\": \"t\", \"period\": \"2024\", \"k\": 1, "
	    "\"rounding\": 1,\n"
	    "  \"nodes\": [ { \"id\": \"start\", \"count\": 4 },\n"
	    "             { \"id\": \"x\", \"count\": 4 },\n"
	    "             { \"id\": \"y\", \"count\": 4 },\n"
	    "             { \"id\": \"end\", \"count\": 4 } ],\n"
	    "  \"edges\": [ { \"from\": \"start\", \"to\": \"x\", "
	    "\"count\": 2 },\n"
	    "             { \"from\": \"start\", \"to\": \"y\", "
	    "\"count\": 2 },\n"
	    "             { \"from\": \"x\", \"to\": \"y\", \"count\": 2 },\n"
	    "             { \"from\": \"x\", \"to\": \"end\", "
	    "\"count\": 3 },\n"
	    "             { \"from\": \"y\", \"to\": \"x\", \"count\": 4 },\n"
	    "             { \"from\": \"y\", \"to\": \"end\", "
	    "\"count\": 1 } ] }\n", "");
}

/* Dates order events across months, years and leap days. */
static void
test_events_date_order(void **state)
{
	(void)state;
	check_json("client,service,date\n"
	    "p,z,2024-03-01\n"
	    "p,y,2024-02-29\n"
	    "p,x,2023-12-31\n"
	    "q,x,2000-03-01\n"
	    "q,y,2000-02-29\n"
	    "q,z,1999-12-31\n"
	    "r,y,9999-12-31\n"
	    "r,x,0001-01-01\n",
	    FLOW_EVENTS, 1, 1,
	    "{ \"flow\": \"t\", \"period\": \"2024\", \"k\": 1, "
	    "\"rounding\": 1,\n"
	    "  \"nodes\": [ { \"id\": \"start\", \"count\": 3 },\n"
	    "             { \"id\": \"x\", \"count\": 3 },\n"
	    "             { \"id\": \"y\", \"count\": 3 },\n"
	    "             { \"id\": \"z\", \"count\": 2 },\n"
	    "             { \"id\": \"end\", \"count\": 3 } ],\n"
	    "  \"edges\": [ { \"from\": \"start\", \"to\": \"x\", "
	    "\"count\": 2 },\n"
	    "             { \"from\": \"start\", \"to\": \"z\", "
	    "\"count\": 1 },\n"
	    "             { \"from\": \"x\", \"to\": \"y\", \"count\": 2 },\n"
	    "             { \"from\": \"x\", \"to\": \"end\", "
	    "\"count\": 1 },\n"
	    "             { \"from\": \"y\", \"to\": \"x\", \"count\": 1 },\n"
	    "             { \"from\": \"y\", \"to\": \"z\", \"count\": 1 },\n"
	    "             { \"from\": \"y\", \"to\": \"end\", "
	    "\"count\": 1 },\n"
	    "             { \"from\": \"z\", \"to\": \"y\", \"count\": 1 },\n"
	    "             { \"from\": \"z\", \"to\": \"end\", "
	    "\"count\": 1 } ] }\n", "");
}

/* Rare services become one node other before visits collapse. */
static void
test_events_other(void **state)
{
	char *diags, *got;
	struct flow_counts *f;

	(void)state;
	f = run("client,service,date\n"
	    "p,x,2024-01-01\n"
	    "p,a,2024-01-02\n"
	    "p,b,2024-01-03\n"
	    "q,x,2024-01-01\n"
	    "q,c,2024-01-02\n"
	    "q,x,2024-01-03\n"
	    "r,b,2024-01-01\n",
	    FLOW_EVENTS, 2, 1, &diags);
	assert_non_null(f);
	assert_string_equal(diags, "");
	got = json(f, NULL);
	/* Only the true counts matter here; with k = 2 much is hidden. */
	assert_int_equal(f->nnodes, 5);
	assert_string_equal(f->nodes[1].id, "b");
	assert_string_equal(f->nodes[2].id, "x");
	assert_string_equal(f->nodes[3].id, "other");
	assert_int_equal(flow_node_true_count(f, 0), 3);
	assert_int_equal(flow_node_true_count(f, 1), 2);
	assert_int_equal(flow_node_true_count(f, 2), 2);
	assert_int_equal(flow_node_true_count(f, 3), 2);
	assert_int_equal(flow_node_true_count(f, 4), 3);
	/* start>b, start>x, b>end, x>other, x>end, other>b, other>x */
	assert_int_equal(f->nedges, 7);
	assert_int_equal(f->edges[3].from, 2);
	assert_int_equal(f->edges[3].to, 3);
	assert_int_equal(flow_edge_true_count(f, 3), 2);
	assert_non_null(strstr(got, "\"period\": null"));
	free(got);
	free(diags);
	flow_free(f);
}

/* Columns in any order, extra columns ignored, BOM and CRLF. */
static void
test_events_header(void **state)
{
	(void)state;
	check_json("\xEF\xBB\xBF" "date,note,service,client\r\n"
	    "2024-02-29,\"any, text\",x,\"k1\"\r\n"
	    "2024-03-01,,y,k1",
	    FLOW_EVENTS, 1, 1,
	    "{ \"flow\": \"t\", \"period\": \"2024\", \"k\": 1, "
	    "\"rounding\": 1,\n"
	    "  \"nodes\": [ { \"id\": \"start\", \"count\": 1 },\n"
	    "             { \"id\": \"x\", \"count\": 1 },\n"
	    "             { \"id\": \"y\", \"count\": 1 },\n"
	    "             { \"id\": \"end\", \"count\": 1 } ],\n"
	    "  \"edges\": [ { \"from\": \"start\", \"to\": \"x\", "
	    "\"count\": 1 },\n"
	    "             { \"from\": \"x\", \"to\": \"y\", \"count\": 1 },\n"
	    "             { \"from\": \"y\", \"to\": \"end\", "
	    "\"count\": 1 } ] }\n", "");
	check_error("client,service,client,date\n",
	    FLOW_EVENTS, "data/t.csv:1:16: error: a second column \"client\" "
	    "in the header row\n");
	check_error("k1,x,2024-01-01\nk2,x,2024-01-01\n", FLOW_EVENTS,
	    "data/t.csv:1:1: error: no header row: the first row must name "
	    "the columns client,service,date (in any order)\n");
	check_error("Client,service,Date\n", FLOW_EVENTS,
	    "data/t.csv:1:1: error: no column \"client\" in the header row; "
	    "did you mean \"Client\"?\n"
	    "data/t.csv:1:1: error: no column \"date\" in the header row; "
	    "did you mean \"Date\"?\n");
	check_error("from,to,count\n", FLOW_EVENTS,
	    "data/t.csv:1:1: error: no header row: the first row must name "
	    "the columns client,service,date (in any order)\n");
}

/* An empty file is an error; a header alone an empty flow. */
static void
test_empty(void **state)
{
	(void)state;
	check_error("", FLOW_EVENTS, "data/t.csv:1:1: error: the data file is "
	    "empty: expected a header row naming the columns "
	    "client,service,date\n");
	check_error("\xEF\xBB\xBF\n\n", FLOW_TRANSITIONS, "data/t.csv:1:1: error: "
	    "the data file is empty: expected a header row naming the "
	    "columns from,to,count\n");
	check_json("client,service,date\n", FLOW_EVENTS, 5, 1,
	    "{ \"flow\": \"t\", \"period\": \"2024\", \"k\": 5, "
	    "\"rounding\": 1,\n  \"nodes\": [],\n  \"edges\": [] }\n",
	    "data/t.csv:1:1: warning: no data rows under the header: the flow is "
	    "empty\n");
	check_json("from,to,count", FLOW_TRANSITIONS, 5, 1,
	    "{ \"flow\": \"t\", \"period\": \"2024\", \"k\": 5, "
	    "\"rounding\": 1,\n  \"nodes\": [],\n  \"edges\": [] }\n",
	    "data/t.csv:1:1: warning: no data rows under the header: the flow is "
	    "empty\n");
}

/*
 * Every bad row is reported at the line where its field is; a quoted
 * line break moves the lines of the rows after it.
 */
static void
test_events_bad_rows(void **state)
{
	(void)state;
	check_error("client,service,date\n"
	    "\"two\nlines\",x,2024-01-01\n"
	    "k2,x,2024-01-01,extra\n"
	    "k3,x\n"
	    "k4,x,2024-02-30\n"
	    "k5,x,2023-02-29\n"
	    "k6,x,1900-02-29\n"
	    "k7,x,2000-02-29\n"
	    "k8,x,2024-13-01\n"
	    "k9,x,2024-1-01\n"
	    "k10,x,01.03.2024\n"
	    "k11,x,2024-03-01T10:00\n"
	    "k12,tyokokelu,2024-03-01\n"
	    "k13,qqqq,2024-03-01\n"
	    "k14,other,2024-03-01\n"
	    ",x,\n"
	    "k16,,2024-03-01\n"
	    "k17,x,2024-04-31\n",
	    FLOW_EVENTS,
	    "data/t.csv:4:17: error: 4 fields where the header has 3\n"
	    "data/t.csv:5:1: error: 2 fields where the header has 3\n"
	    "data/t.csv:6:6: error: no such day in that month\n"
	    "data/t.csv:7:6: error: no such day in that month\n"
	    "data/t.csv:8:6: error: no such day in that month\n"
	    "data/t.csv:10:6: error: no such month: expected an ISO date "
	    "YYYY-MM-DD\n"
	    "data/t.csv:11:6: error: expected an ISO date YYYY-MM-DD, such "
	    "as 2024-03-01\n"
	    "data/t.csv:12:7: error: expected an ISO date YYYY-MM-DD, such "
	    "as 2024-03-01\n"
	    "data/t.csv:13:7: error: expected an ISO date YYYY-MM-DD, such "
	    "as 2024-03-01\n"
	    "data/t.csv:14:5: error: unknown service \"tyokokelu\"; did you "
	    "mean \"tyokokeilu\"?\n"
	    "data/t.csv:15:5: error: unknown service \"qqqq\"\n"
	    "data/t.csv:16:5: error: \"other\" names a node of every flow, "
	    "not a service\n"
	    "data/t.csv:17:1: error: an empty client key\n"
	    "data/t.csv:17:4: error: expected an ISO date YYYY-MM-DD, such "
	    "as 2024-03-01\n"
	    "data/t.csv:18:5: error: an empty service id\n"
	    "data/t.csv:19:7: error: no such day in that month\n");
}

/* Past 50 errors, one more line counts the rest. */
static void
test_error_cap(void **state)
{
	struct buf b = { 0 };
	char *diags;
	struct flow_counts *f;
	unsigned i;

	(void)state;
	buf_puts(&b, "client,service,date\n");
	for (i = 0; i < 70; i++)
		buf_printf(&b, "k%02u,x,2024-02-3%u\n", i, i % 2);
	f = run(b.data, FLOW_EVENTS, 5, 1, &diags);
	assert_null(f);
	assert_non_null(strstr(diags, "data/t.csv:51:7: error: no such day "
	    "in that month\ndata/t.csv:52:7: error: 20 more errors in this "
	    "file, from here on, not shown\n"));
	assert_null(strstr(diags, "data/t.csv:53:"));
	free(diags);
	buf_free(&b);
}

static void
test_transitions_basic(void **state)
{
	(void)state;
	/* Without a node row, a node's count is null; zero rows vanish. */
	check_json("from,to,count\n"
	    "start,,12\n"
	    "start,x,12\n"
	    "x,end,12\n"
	    "x,y,0\n"
	    "end,,12\n",
	    FLOW_TRANSITIONS, 5, 1,
	    "{ \"flow\": \"t\", \"period\": \"2024\", \"k\": 5, "
	    "\"rounding\": 1,\n"
	    "  \"nodes\": [ { \"id\": \"start\", \"count\": 12 },\n"
	    "             { \"id\": \"x\", \"count\": null },\n"
	    "             { \"id\": \"end\", \"count\": 12 } ],\n"
	    "  \"edges\": [ { \"from\": \"start\", \"to\": \"x\", "
	    "\"count\": 12 },\n"
	    "             { \"from\": \"x\", \"to\": \"end\", "
	    "\"count\": 12 } ] }\n", "");
}

static void
test_transitions_bad_rows(void **state)
{
	(void)state;
	check_error("to,count,from\n"
	    "x,5,start\n"
	    "x,5,start\n"
	    ",5,x\n"
	    ",6,x\n"
	    "start,5,x\n"
	    "x,5,x\n"
	    "x,5,end\n"
	    "x,-5,y\n"
	    "x,5.0,y\n"
	    "x,,y\n"
	    "x,99999999999999999999,y\n"
	    "x,5,strat\n"
	    "x,5,\n",
	    FLOW_TRANSITIONS,
	    "data/t.csv:3:5: error: a second row for start -> x; the first "
	    "is on line 2\n"
	    "data/t.csv:5:4: error: a second count for node x; the first is "
	    "on line 4\n"
	    "data/t.csv:6:1: error: no transition leads to start\n"
	    "data/t.csv:7:1: error: a transition from x to itself: "
	    "consecutive visits to one node count as one visit\n"
	    "data/t.csv:8:5: error: no transition leaves end\n"
	    "data/t.csv:9:3: error: a negative count: expected a whole number "
	    "of clients\n"
	    "data/t.csv:10:3: error: expected a whole number of clients, such "
	    "as 12\n"
	    "data/t.csv:11:3: error: an empty count: expected a whole number "
	    "of clients\n"
	    "data/t.csv:12:3: error: a count too large to be a number of "
	    "clients\n"
	    "data/t.csv:13:5: error: unknown node \"strat\"; did you mean "
	    "\"start\"?\n"
	    "data/t.csv:14:5: error: an empty from: expected a service id, "
	    "start or other\n");
	/* What no aggregation could give. */
	check_error("from,to,count\n"
	    "x,,4\n"
	    "start,,9\n"
	    "start,x,5\n"
	    "x,end,3\n"
	    "end,,8\n",
	    FLOW_TRANSITIONS,
	    "data/t.csv:4:1: error: 5 clients made start -> x, more than the "
	    "4 counted for x on line 2\n"
	    "data/t.csv:6:1: error: end counts 8 clients but start, on line "
	    "3, 9: both count all clients\n");
}

/*
 * Secondary suppression, worked by hand (docs/anonymity.md): x -> y is
 * below k; x's out side then hides x -> end too, which leaves end's in
 * side with one hidden edge, and so on until x and y lose their counts.
 */
static void
test_suppress_cascade(void **state)
{
	(void)state;
	check_json("from,to,count\n"
	    "start,,30\nend,,30\nx,,20\ny,,13\n"
	    "start,x,20\nstart,y,10\nx,end,17\nx,y,3\ny,end,13\n",
	    FLOW_TRANSITIONS, 5, 1,
	    "{ \"flow\": \"t\", \"period\": \"2024\", \"k\": 5, "
	    "\"rounding\": 1,\n"
	    "  \"nodes\": [ { \"id\": \"start\", \"count\": 30 },\n"
	    "             { \"id\": \"x\", \"count\": null },\n"
	    "             { \"id\": \"y\", \"count\": null },\n"
	    "             { \"id\": \"end\", \"count\": 30 } ],\n"
	    "  \"edges\": [ { \"from\": \"start\", \"to\": \"x\", "
	    "\"count\": null },\n"
	    "             { \"from\": \"start\", \"to\": \"y\", "
	    "\"count\": null },\n"
	    "             { \"from\": \"x\", \"to\": \"y\", "
	    "\"count\": null },\n"
	    "             { \"from\": \"x\", \"to\": \"end\", "
	    "\"count\": null },\n"
	    "             { \"from\": \"y\", \"to\": \"end\", "
	    "\"count\": null } ] }\n", "");
}

/*
 * Two hidden edges summing to k are not enough when the node's count
 * less its published edges is itself below k (repeat visitors).
 */
static void
test_suppress_difference(void **state)
{
	char *diags;
	struct flow_counts *f;

	(void)state;
	f = run("from,to,count\n"
	    "a,,20\nb,,20\nc,,20\nx,,10\n"
	    "a,x,6\nb,x,3\nc,x,3\n",
	    FLOW_TRANSITIONS, 5, 1, &diags);
	assert_non_null(f);
	assert_string_equal(diags, "");
	assert_string_equal(f->nodes[3].id, "x");
	assert_false(f->nodes[3].suppressed);
	assert_int_equal(f->nodes[3].count, 10);
	assert_true(f->edges[0].suppressed); /* a -> x: 10 - 6 = 4 < k */
	assert_true(f->nodes[0].suppressed); /* its only edge is hidden */
	free(diags);
	flow_free(f);
}

/*
 * start and end count the same clients, so a published start protects
 * end's side even when end has no count of its own.
 */
static void
test_suppress_twin(void **state)
{
	char *diags;
	struct flow_counts *f;

	(void)state;
	f = run("from,to,count\n"
	    "start,,10\nstart,x,7\nstart,y,3\nx,end,7\ny,end,3\n",
	    FLOW_TRANSITIONS, 5, 1, &diags);
	assert_non_null(f);
	assert_string_equal(diags, "");
	assert_int_equal(f->nnodes, 4);
	assert_false(f->nodes[0].suppressed);
	assert_true(f->nodes[3].suppressed);
	assert_true(f->edges[2].suppressed); /* x -> end */
	free(diags);
	flow_free(f);
	/* Suppressing one suppresses the other. */
	f = run("from,to,count\nstart,,3\nend,,3\nstart,x,3\nx,end,3\n",
	    FLOW_TRANSITIONS, 5, 1, &diags);
	assert_non_null(f);
	assert_true(f->nodes[0].suppressed);
	assert_true(f->nodes[2].suppressed);
	free(diags);
	flow_free(f);
}

/* Nearest multiple, halves up, never below k. */
static void
test_rounding(void **state)
{
	static const struct {
		unsigned k, r;
		uint64_t in, out;
	} cases[] = {
		{ 5, 10, 5, 10 }, { 5, 10, 14, 10 }, { 5, 10, 15, 20 },
		{ 5, 10, 24, 20 }, { 5, 10, 25, 30 }, { 7, 5, 7, 10 },
		{ 7, 5, 12, 10 }, { 7, 5, 13, 15 }, { 3, 1, 3, 3 },
		{ 5, 3, 5, 6 }, { 5, 3, 7, 6 }, { 5, 3, 8, 9 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		char *data = xasprintf("from,to,count\nx,,%llu\n",
		    (unsigned long long)cases[i].in);
		char *diags;
		struct flow_counts *f = run(data, FLOW_TRANSITIONS, cases[i].k,
		    cases[i].r, &diags);

		assert_non_null(f);
		assert_false(f->nodes[0].suppressed);
		assert_int_equal(f->nodes[0].count, cases[i].out);
		free(data);
		free(diags);
		flow_free(f);
	}
}

static void
test_json_escape(void **state)
{
	char *diags, *got;
	struct flow_counts *f;
	struct buf b = { 0 };

	(void)state;
	f = run("from,to,count\n", FLOW_TRANSITIONS, 5, 1, &diags);
	assert_non_null(f);
	flow_json_write(f, "a\"b", "</script>\\\n\x01\xE2\x80\xA8", &b);
	got = buf_detach(&b);
	assert_string_equal(got, "{ \"flow\": \"a\\\"b\", \"period\": "
	    "\"\\u003c/script\\u003e\\\\\\n\\u0001\\u2028\", \"k\": 5, "
	    "\"rounding\": 1,\n  \"nodes\": [],\n  \"edges\": [] }\n");
	free(got);
	free(diags);
	flow_free(f);
}

static void
test_format_parse(void **state)
{
	enum flow_format fmt = FLOW_EVENTS;

	(void)state;
	assert_int_equal(flow_format_parse("transitions", &fmt), 1);
	assert_int_equal(fmt, FLOW_TRANSITIONS);
	assert_int_equal(flow_format_parse("events", &fmt), 1);
	assert_int_equal(fmt, FLOW_EVENTS);
	assert_int_equal(flow_format_parse("Events", &fmt), 0);
	assert_int_equal(fmt, FLOW_EVENTS);
}

static void
test_missing_file(void **state)
{
	struct diag_list *dl = diag_list_new();
	struct flow_source src;

	(void)state;
	memset(&src, 0, sizeof(src));
	src.path = "/nonexistent/x.csv";
	src.display = "data/x.csv";
	src.k = 5;
	assert_null(flow_aggregate(&src, dl));
	assert_int_equal(diag_errors(dl), 1);
	diag_list_free(dl);
	flow_free(NULL);
}

/*
 * Property tests.  A small seeded PRNG makes logs of varied sizes with
 * skewed service popularity, so that suppression happens; the raw data
 * is re-aggregated here by simple, independent code.
 */

#define PT_LOGS 300   /* random logs */
#define PT_MAXSVC 24  /* services per log */
#define PT_NODES (PT_MAXSVC + 3)

static uint64_t
pt_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static unsigned
pt_below(uint64_t *s, unsigned n)
{
	return (unsigned)(pt_next(s) % n);
}

struct pt_event {
	unsigned client; /* index */
	unsigned svc;    /* index into the log's services */
	unsigned day;    /* day of 2024, from 0 */
};

struct pt_log {
	unsigned nsvc;
	char svc[PT_MAXSVC][10];       /* random lower-case ids */
	const char *ids[PT_MAXSVC + 1]; /* for the callbacks */
	unsigned nclients;
	struct pt_event *ev;           /* in file order */
	size_t nev;
	unsigned k, rounding;
};

/* True counts: 0 start, 1.. services, nsvc + 1 other, nsvc + 2 end. */
struct pt_ref {
	uint64_t node[PT_NODES];
	uint64_t edge[PT_NODES][PT_NODES];
};

static void
pt_make(struct pt_log *lg, uint64_t *s)
{
	unsigned i, j, c, weight[PT_MAXSVC], total = 0, base, span;

	memset(lg, 0, sizeof(*lg));
	lg->nsvc = 1 + pt_below(s, PT_MAXSVC);
	for (i = 0; i < lg->nsvc; i++) {
		unsigned len;

		do {
			len = 3 + pt_below(s, 6);
			for (j = 0; j < len; j++)
				lg->svc[i][j] = (char)('a' + pt_below(s, 26));
			lg->svc[i][len] = '\0';
			for (j = 0; j < i; j++)
				if (strcmp(lg->svc[i], lg->svc[j]) == 0)
					break;
		} while (j < i || strcmp(lg->svc[i], "end") == 0 ||
		    strcmp(lg->svc[i], "other") == 0 ||
		    strcmp(lg->svc[i], "start") == 0);
		lg->ids[i] = lg->svc[i];
		/* Skewed: a few popular services, a tail of rare ones. */
		weight[i] = 1 + 2000 / ((i + 1) * (i + 1));
		total += weight[i];
	}
	lg->ids[lg->nsvc] = NULL;
	lg->nclients = pt_below(s, 10) == 0 ? 1 + pt_below(s, 10) :
	    10 + pt_below(s, 290);
	lg->k = 3 + pt_below(s, 8);
	lg->rounding = (unsigned[]){ 1, 1, 1, 2, 5, 10 }[pt_below(s, 6)];
	base = pt_below(s, 300);
	span = 1 + pt_below(s, 60);
	for (c = 0; c < lg->nclients; c++) {
		unsigned n = 1 + pt_below(s, 5);

		if (pt_below(s, 20) == 0)
			n = 17 + pt_below(s, 30); /* merge sort */
		for (j = 0; j < n; j++) {
			struct pt_event *e;
			unsigned w = pt_below(s, total);

			lg->ev = xreallocarray(lg->ev, lg->nev + 1,
			    sizeof(*lg->ev));
			e = &lg->ev[lg->nev++];
			e->client = c;
			for (i = 0; w >= weight[i]; i++)
				w -= weight[i];
			e->svc = i;
			e->day = base + pt_below(s, span);
		}
	}
	/* Clients' events scattered through the file. */
	for (i = (unsigned)lg->nev; i > 1; i--) {
		struct pt_event t;

		j = pt_below(s, i);
		t = lg->ev[i - 1];
		lg->ev[i - 1] = lg->ev[j];
		lg->ev[j] = t;
	}
}

/* Writes a field, quoting it when it must or at random. */
static void
pt_field(struct buf *b, const char *v, uint64_t *s)
{
	const char *p;

	if (strpbrk(v, ",\"\r\n") == NULL && pt_below(s, 8) != 0) {
		buf_puts(b, v);
		return;
	}
	buf_putc(b, '"');
	for (p = v; *p; p++) {
		if (*p == '"')
			buf_putc(b, '"');
		buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

/* Writes the log as an events CSV with random but valid formatting. */
static char *
pt_events_csv(const struct pt_log *lg, uint64_t *s, size_t *len)
{
	static const char *const keyfmt[] = { "Q%u", "Q,%u", "Q\"%u\"",
		"Q\n%u", "Qä%u", "Q %u" };
	static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
		31, 30, 31 };
	static const int orders[6][3] = { { 0, 1, 2 }, { 0, 2, 1 },
		{ 1, 0, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };
	static const char *const names[] = { "client", "service", "date" };
	const int *order = orders[pt_below(s, 6)];
	const char *eol = pt_below(s, 3) == 0 ? "\r\n" : "\n";
	int extra = pt_below(s, 4) == 0, keys = (int)pt_below(s, 6);
	struct buf b = { 0 };
	size_t i;
	int j;

	if (pt_below(s, 5) == 0)
		buf_puts(&b, "\xEF\xBB\xBF");
	for (j = 0; j < 3; j++)
		buf_printf(&b, "%s%s", j ? "," : "", names[order[j]]);
	buf_puts(&b, extra ? ",note" : "");
	for (i = 0; i < lg->nev; i++) {
		const struct pt_event *e = &lg->ev[i];
		unsigned m = 0, d = e->day;
		char v[64];

		buf_puts(&b, eol);
		while (d >= mdays[m])
			d -= mdays[m++];
		for (j = 0; j < 3; j++) {
			if (j)
				buf_putc(&b, ',');
			if (order[j] == 0)
				snprintf(v, sizeof(v), keyfmt[keys], e->client);
			else if (order[j] == 1)
				snprintf(v, sizeof(v), "%s", lg->svc[e->svc]);
			else
				snprintf(v, sizeof(v), "2024-%02u-%02u", m + 1,
				    d + 1);
			pt_field(&b, v, s);
		}
		if (extra)
			buf_puts(&b, i % 2 ? ",\"a, b\"" : ",");
	}
	if (pt_below(s, 5) != 0)
		buf_puts(&b, eol);
	*len = b.len;
	return buf_detach(&b);
}

/* The reference aggregation: plain and quadratic where it may be. */
static void
pt_aggregate(const struct pt_log *lg, struct pt_ref *ref)
{
	unsigned other = lg->nsvc + 1, end = lg->nsvc + 2, c, i, j;
	unsigned map[PT_MAXSVC];
	struct pt_event **mine = xcalloc(lg->nev + 1, sizeof(*mine));

	memset(ref, 0, sizeof(*ref));
	for (i = 0; i < lg->nsvc; i++) {
		unsigned n = 0;

		for (c = 0; c < lg->nclients; c++) {
			size_t e;

			for (e = 0; e < lg->nev; e++)
				if (lg->ev[e].client == c &&
				    lg->ev[e].svc == i)
					break;
			n += e < lg->nev;
		}
		map[i] = n >= lg->k ? i + 1 : other;
	}
	for (c = 0; c < lg->nclients; c++) {
		unsigned char seen[PT_NODES] = { 0 };
		unsigned char made[PT_NODES][PT_NODES];
		unsigned seq[64 + 2], nseq = 0, n = 0;
		size_t e;

		memset(made, 0, sizeof(made));
		for (e = 0; e < lg->nev; e++)
			if (lg->ev[e].client == c)
				mine[n++] = &lg->ev[e];
		/* Stable insertion sort by day. */
		for (i = 1; i < n; i++) {
			struct pt_event *t = mine[i];

			for (j = i; j > 0 && mine[j - 1]->day > t->day; j--)
				mine[j] = mine[j - 1];
			mine[j] = t;
		}
		seq[nseq++] = 0;
		for (i = 0; i < n; i++)
			if (map[mine[i]->svc] != seq[nseq - 1])
				seq[nseq++] = map[mine[i]->svc];
		seq[nseq++] = end;
		for (i = 0; i < nseq; i++)
			seen[seq[i]] = 1;
		for (i = 0; i + 1 < nseq; i++)
			made[seq[i]][seq[i + 1]] = 1;
		for (i = 0; i < PT_NODES; i++) {
			ref->node[i] += seen[i];
			for (j = 0; j < PT_NODES; j++)
				ref->edge[i][j] += made[i][j];
		}
	}
	free(mine);
}

/* Rounding as docs/anonymity.md says, written out the long way. */
static uint64_t
pt_round(uint64_t x, unsigned k, unsigned r)
{
	uint64_t lo = x - x % r, hi = lo + r, q, least = r;

	q = x - lo >= hi - x ? hi : lo;
	while (least < k)
		least += r;
	return q < least ? least : q;
}

/* The reference index of a result node. */
static unsigned
pt_index(const struct pt_log *lg, const char *id)
{
	unsigned i;

	if (strcmp(id, "start") == 0)
		return 0;
	if (strcmp(id, "other") == 0)
		return lg->nsvc + 1;
	if (strcmp(id, "end") == 0)
		return lg->nsvc + 2;
	for (i = 0; i < lg->nsvc; i++)
		if (strcmp(id, lg->svc[i]) == 0)
			return i + 1;
	fail_msg("unknown node %s", id);
	return 0;
}

/* Checks the result's true counts and order against the reference. */
static void
pt_compare(const struct pt_log *lg, const struct pt_ref *ref,
    const struct flow_counts *f)
{
	const char *want[PT_NODES];
	unsigned i, j, n = 0, ne = 0;

	if (ref->node[0] > 0)
		want[n++] = "start";
	for (i = 0; i < lg->nsvc; i++)
		if (ref->node[i + 1] > 0) {
			for (j = n; j > 1 && strcmp(want[j - 1],
			    lg->svc[i]) > 0; j--)
				want[j] = want[j - 1];
			want[j] = lg->svc[i];
			n++;
		}
	if (ref->node[lg->nsvc + 1] > 0)
		want[n++] = "other";
	if (ref->node[lg->nsvc + 2] > 0)
		want[n++] = "end";
	assert_int_equal(f->nnodes, n);
	for (i = 0; i < n; i++) {
		assert_string_equal(f->nodes[i].id, want[i]);
		if (flow_node_known(f, i) && flow_node_true_count(f, i) !=
		    ref->node[pt_index(lg, want[i])])
			fail_msg("node %s: %llu, want %llu", want[i],
			    (unsigned long long)flow_node_true_count(f, i),
			    (unsigned long long)
			    ref->node[pt_index(lg, want[i])]);
	}
	for (i = 0; i < PT_NODES; i++)
		for (j = 0; j < PT_NODES; j++)
			ne += ref->edge[i][j] > 0;
	assert_int_equal(f->nedges, ne);
	for (i = 0; i < f->nedges; i++) {
		const struct flow_edge *e = &f->edges[i];

		if (i > 0)
			assert_true(e->from > f->edges[i - 1].from ||
			    (e->from == f->edges[i - 1].from &&
			    e->to > f->edges[i - 1].to));
		assert_int_equal(flow_edge_true_count(f, i),
		    ref->edge[pt_index(lg, f->nodes[e->from].id)]
		    [pt_index(lg, f->nodes[e->to].id)]);
	}
}

struct pt_stats {
	size_t published;  /* edges shown */
	size_t hidden;     /* edges hidden */
	size_t secondary;  /* of those, with counts of k or more */
	size_t nodes_null; /* node counts withheld */
};

/*
 * Checks the promise on a result, from its true counts alone: (1)
 * every published number is the true one rounded; (2) none lies in
 * 1..k-1; (3) where a node's count is known to readers, each side
 * hides no edge or at least two whose true counts sum to k or more;
 * (4) no single hidden edge below k equals the node's count less the
 * published edges of a side.
 */
static void
pt_promise(const struct flow_counts *f, struct pt_stats *st)
{
	unsigned k = f->k, r = f->rounding;
	size_t i, j, last = f->nnodes - 1;
	int twins = f->nnodes > 1 &&
	    strcmp(f->nodes[0].id, "start") == 0 &&
	    strcmp(f->nodes[last].id, "end") == 0;
	struct buf b = { 0 };
	char *js, *p;

	for (i = 0; i < f->nnodes; i++) {
		uint64_t t = flow_node_true_count(f, i);

		if (!flow_node_known(f, i) || t < k)
			assert_true(f->nodes[i].suppressed);
		if (!f->nodes[i].suppressed) {
			assert_int_equal(f->nodes[i].count, pt_round(t, k, r));
			assert_true(f->nodes[i].count >= k);
		} else
			st->nodes_null++;
	}
	for (i = 0; i < f->nedges; i++) {
		uint64_t t = flow_edge_true_count(f, i);

		assert_true(t > 0);
		if (t < k)
			assert_true(f->edges[i].suppressed);
		if (!f->edges[i].suppressed) {
			assert_int_equal(f->edges[i].count, pt_round(t, k, r));
			assert_true(f->edges[i].count >= k);
			st->published++;
		} else {
			st->hidden++;
			st->secondary += t >= k;
		}
	}
	if (twins && flow_node_known(f, 0) && flow_node_known(f, last))
		assert_int_equal(f->nodes[0].suppressed,
		    f->nodes[last].suppressed);
	for (i = 0; i < f->nnodes; i++) {
		uint64_t shown = 0;
		int side;

		if (!f->nodes[i].suppressed)
			shown = flow_node_true_count(f, i);
		else if (twins && (i == 0 || i == last) &&
		    !f->nodes[last - i].suppressed)
			shown = flow_node_true_count(f, last - i);
		if (shown == 0)
			continue;
		for (side = 0; side < 2; side++) {
			uint64_t hsum = 0, psum = 0;
			size_t nh = 0;

			for (j = 0; j < f->nedges; j++) {
				const struct flow_edge *e = &f->edges[j];

				if ((side ? e->from : e->to) != i)
					continue;
				if (e->suppressed) {
					nh++;
					hsum += flow_edge_true_count(f, j);
				} else
					psum += flow_edge_true_count(f, j);
			}
			assert_true(nh == 0 || (nh >= 2 && hsum >= k));
			for (j = 0; j < f->nedges; j++) {
				const struct flow_edge *e = &f->edges[j];
				uint64_t t = flow_edge_true_count(f, j);

				if ((side ? e->from : e->to) != i ||
				    !e->suppressed || t >= k)
					continue;
				assert_false(shown >= psum &&
				    shown - psum == t);
			}
		}
	}
	/* The published file itself: every count null or at least k. */
	flow_json_write(f, "t", NULL, &b);
	js = buf_detach(&b);
	for (p = js; (p = strstr(p, "\"count\": ")) != NULL; p++) {
		p += 9;
		if (strncmp(p, "null", 4) != 0)
			assert_true(strtoull(p, NULL, 10) >= k);
	}
	/* No client key (they all start with Q) and no date. */
	assert_null(strchr(js, 'Q'));
	assert_null(strstr(js, "2024-"));
	free(js);
}

/* Writes the reference counts as a transitions CSV; *all says whether
 * every node got its count row. */
static char *
pt_transitions_csv(const struct pt_log *lg, const struct pt_ref *ref,
    uint64_t *s, int *all, unsigned char *given)
{
	struct buf b = { 0 };
	char **rows = NULL, *name[PT_NODES];
	size_t nrows = 0, i, j;
	int drop = pt_below(s, 3) == 0;

	name[0] = xstrdup("start");
	for (i = 0; i < lg->nsvc; i++)
		name[i + 1] = xstrdup(lg->svc[i]);
	name[lg->nsvc + 1] = xstrdup("other");
	name[lg->nsvc + 2] = xstrdup("end");
	*all = 1;
	for (i = 0; i < lg->nsvc + 3u; i++) {
		given[i] = 0;
		if (ref->node[i] == 0)
			continue;
		if (drop && pt_below(s, 4) == 0) {
			*all = 0;
			continue;
		}
		given[i] = 1;
		rows = xreallocarray(rows, nrows + 1, sizeof(*rows));
		rows[nrows++] = xasprintf("%s,,%llu", name[i],
		    (unsigned long long)ref->node[i]);
	}
	for (i = 0; i < lg->nsvc + 3u; i++)
		for (j = 0; j < lg->nsvc + 3u; j++)
			if (ref->edge[i][j] > 0 || (i != j && j != 0 &&
			    i != lg->nsvc + 2 && pt_below(s, 50) == 0)) {
				rows = xreallocarray(rows, nrows + 1,
				    sizeof(*rows));
				rows[nrows++] = xasprintf("%s,%s,%llu",
				    name[i], name[j],
				    (unsigned long long)ref->edge[i][j]);
			}
	for (i = nrows; i > 1; i--) {
		char *t;

		j = pt_below(s, (unsigned)i);
		t = rows[i - 1];
		rows[i - 1] = rows[j];
		rows[j] = t;
	}
	buf_puts(&b, "from,to,count\n");
	for (i = 0; i < nrows; i++) {
		buf_printf(&b, "%s\n", rows[i]);
		free(rows[i]);
	}
	free(rows);
	for (i = 0; i < lg->nsvc + 3u; i++)
		free(name[i]);
	return buf_detach(&b);
}

/*
 * What a reader knows of a published number is exactly the true counts
 * that round to it: checked against the reference rounding above.
 */
static void
test_round_interval(void **state)
{
	unsigned k, r;
	uint64_t x, lo, hi, p;

	(void)state;
	for (k = 3; k <= 11; k++)
		for (r = 1; r <= 12; r++)
			for (x = k; x < 400; x++) {
				p = pt_round(x, k, r);
				flow_round_interval(p, k, r, &lo, &hi);
				assert_true(lo <= x && x <= hi);
				assert_true(lo >= k);
				assert_int_equal(pt_round(lo, k, r), p);
				assert_int_equal(pt_round(hi, k, r), p);
				assert_true(lo == k || pt_round(lo - 1, k, r) != p);
				assert_true(pt_round(hi + 1, k, r) != p);
			}
}

static void
test_properties(void **state)
{
	struct pt_stats st = { 0 };
	unsigned seed;

	(void)state;
	for (seed = 1; seed <= PT_LOGS; seed++) {
		uint64_t s = seed * 0x2545F4914F6CDD1DULL;
		struct pt_log lg;
		struct pt_ref ref;
		struct svcset set;
		struct flow_counts *f, *g;
		unsigned char given[PT_NODES];
		char *data, *diags, *j1, *j2;
		size_t len, i;
		int all;

		pt_make(&lg, &s);
		set.ids = lg.ids;
		pt_aggregate(&lg, &ref);

		data = pt_events_csv(&lg, &s, &len);
		f = run_svc(data, len, FLOW_EVENTS, lg.k, lg.rounding, &set,
		    &diags);
		if (f == NULL)
			fail_msg("seed %u: %s", seed, diags);
		assert_string_equal(diags, "");
		free(diags);
		free(data);
		pt_compare(&lg, &ref, f);
		pt_promise(f, &st);

		/* The same counts as a transitions file. */
		data = pt_transitions_csv(&lg, &ref, &s, &all, given);
		g = run_svc(data, strlen(data), FLOW_TRANSITIONS, lg.k,
		    lg.rounding, &set, &diags);
		if (g == NULL)
			fail_msg("seed %u: %s", seed, diags);
		free(diags);
		free(data);
		pt_compare(&lg, &ref, g);
		for (i = 0; i < g->nnodes; i++)
			assert_int_equal(flow_node_known(g, i),
			    given[pt_index(&lg, g->nodes[i].id)]);
		pt_promise(g, &st);
		if (all) {
			j1 = json(f, NULL);
			j2 = json(g, NULL);
			assert_string_equal(j1, j2);
			free(j1);
			free(j2);
		}
		flow_free(f);
		flow_free(g);
		free(lg.ev);
	}
	/* The logs did exercise every rule. */
	assert_true(st.published > 500);
	assert_true(st.hidden > 500);
	assert_true(st.secondary > 100);
	assert_true(st.nodes_null > 50);
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
		cmocka_unit_test(test_events_basic),
		cmocka_unit_test(test_events_date_order),
		cmocka_unit_test(test_events_other),
		cmocka_unit_test(test_events_header),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_events_bad_rows),
		cmocka_unit_test(test_error_cap),
		cmocka_unit_test(test_transitions_basic),
		cmocka_unit_test(test_transitions_bad_rows),
		cmocka_unit_test(test_suppress_cascade),
		cmocka_unit_test(test_suppress_difference),
		cmocka_unit_test(test_suppress_twin),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_json_escape),
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_round_interval),
		cmocka_unit_test(test_properties),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
