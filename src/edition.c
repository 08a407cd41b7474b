#include "edition.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

#define EDITION_MAX_FILE ((size_t)4 << 20)
#define EDITION_MAX_COUNT 1000000000000000LL

struct reader {
	struct diag_list *dl;
	int errors;
};

static void
bad(struct reader *r, const struct json *at, const char *fmt, const char *a,
    const char *b)
{
	diag_error(r->dl, at->pos, fmt, a, b);
	r->errors++;
}

/* The value of key in object o, or NULL; a second key is an error. */
static const struct json *
get(struct reader *r, const struct json *o, const char *key)
{
	const struct json *v = NULL;
	size_t i;

	for (i = 0; i + 1 < o->n; i += 2)
		if (strcmp(o->items[i]->s, key) == 0) {
			if (v != NULL)
				bad(r, o->items[i], "a second \"%s\" in this "
				    "object%s", key, "");
			else
				v = o->items[i + 1];
		}
	return v;
}

/* Checks that o has only the keys of names. */
static void
only(struct reader *r, const struct json *o, const char *const *names,
    const char *what)
{
	size_t i, j;

	for (i = 0; i + 1 < o->n; i += 2) {
		for (j = 0; names[j] != NULL; j++)
			if (strcmp(o->items[i]->s, names[j]) == 0)
				break;
		if (names[j] == NULL)
			bad(r, o->items[i], "unknown key \"%s\" in %s: not a "
			    "flow's JSON as kartta publishes it",
			    o->items[i]->s, what);
	}
}

static const struct json *
need(struct reader *r, const struct json *o, const char *key,
    enum json_type t, const char *what)
{
	const struct json *v = get(r, o, key);

	if (v == NULL) {
		diag_error(r->dl, o->pos, "missing \"%s\" in %s", key, what);
		r->errors++;
		return NULL;
	}
	if (v->type != t) {
		diag_error(r->dl, v->pos, "\"%s\" must be %s, not %s", key,
		    t == JSON_STRING ? "a string" : t == JSON_ARRAY ? "a list" :
		    "a number", json_describe(v));
		r->errors++;
		return NULL;
	}
	return v;
}

/* A whole number 0..10^15 written in digits; -1 after reporting. */
static int64_t
whole(struct reader *r, const struct json *v, const char *key)
{
	int64_t n = 0;
	size_t i;

	if (v->type != JSON_NUMBER) {
		diag_error(r->dl, v->pos, "\"%s\" must be a whole number%s, "
		    "not %s", key, strcmp(key, "count") == 0 ? " or null" : "",
		    json_describe(v));
		r->errors++;
		return -1;
	}
	for (i = 0; i < v->len; i++) {
		if (v->s[i] < '0' || v->s[i] > '9' ||
		    (n = n * 10 + (v->s[i] - '0')) > EDITION_MAX_COUNT) {
			bad(r, v, "\"%s\" must be a whole number, not %s", key,
			    v->s);
			return -1;
		}
	}
	return n;
}

/* A published count: null (-1), or at least k and a multiple of the
 * rounding, as kartta publishes them. */
static int64_t
count(struct reader *r, const struct json *o, const struct edition_flow *e)
{
	const struct json *v = get(r, o, "count");
	int64_t n;

	if (v == NULL) {
		diag_error(r->dl, o->pos, "missing \"count\"%s%s", "", "");
		r->errors++;
		return -1;
	}
	if (v->type == JSON_NULL)
		return -1;
	if ((n = whole(r, v, "count")) < 0)
		return -1;
	if (e->k > 0 && e->rounding > 0 &&
	    (n < (int64_t)e->k || n % e->rounding != 0)) {
		diag_error(r->dl, v->pos, "a count of %lld with k %u and "
		    "rounding %u: kartta never publishes that", (long long)n,
		    e->k, e->rounding);
		r->errors++;
	}
	return n;
}

static size_t
node_index(const struct edition_flow *e, const char *id)
{
	size_t i;

	for (i = 0; i < e->nnodes; i++)
		if (strcmp(e->node[i], id) == 0)
			return i;
	return (size_t)-1;
}

static void
read_flow(struct reader *r, const struct json *top, struct edition_flow *e)
{
	static const char *const topkeys[] = { "flow", "period", "k",
		"rounding", "nodes", "edges", NULL };
	static const char *const nodekeys[] = { "id", "count", NULL };
	static const char *const edgekeys[] = { "from", "to", "count", NULL };
	const struct json *v, *nodes, *edges;
	size_t i, j;
	int64_t n;

	if (top->type != JSON_OBJECT) {
		diag_error(r->dl, top->pos, "a flow's JSON is an object, not "
		    "%s", json_describe(top));
		r->errors++;
		return;
	}
	only(r, top, topkeys, "a flow");
	if ((v = need(r, top, "flow", JSON_STRING, "a flow")) != NULL)
		e->id = xstrdup(v->s);
	if ((v = get(r, top, "period")) != NULL && v->type != JSON_NULL &&
	    v->type != JSON_STRING)
		bad(r, v, "\"period\" must be a string or null, not %s%s",
		    json_describe(v), "");
	if ((v = need(r, top, "k", JSON_NUMBER, "a flow")) != NULL &&
	    (n = whole(r, v, "k")) >= 0) {
		if (n < 1 || n > 1000000)
			bad(r, v, "\"k\" must be at least 1, not %s%s", v->s,
			    "");
		else
			e->k = (unsigned)n;
	}
	if ((v = need(r, top, "rounding", JSON_NUMBER, "a flow")) != NULL &&
	    (n = whole(r, v, "rounding")) >= 0) {
		if (n < 1 || n > 1000000)
			bad(r, v, "\"rounding\" must be at least 1, not %s%s",
			    v->s, "");
		else
			e->rounding = (unsigned)n;
	}
	nodes = need(r, top, "nodes", JSON_ARRAY, "a flow");
	edges = need(r, top, "edges", JSON_ARRAY, "a flow");
	if (nodes == NULL || edges == NULL)
		return;
	e->node = xcalloc(nodes->n + 1, sizeof(*e->node));
	e->ncount = xcalloc(nodes->n + 1, sizeof(*e->ncount));
	for (i = 0; i < nodes->n; i++) {
		const struct json *o = nodes->items[i], *id;

		if (o->type != JSON_OBJECT) {
			bad(r, o, "each node is an object, not %s%s",
			    json_describe(o), "");
			continue;
		}
		only(r, o, nodekeys, "a node");
		if ((id = need(r, o, "id", JSON_STRING, "a node")) == NULL)
			continue;
		if (node_index(e, id->s) != (size_t)-1) {
			bad(r, id, "node \"%s\" is listed twice%s", id->s, "");
			continue;
		}
		e->ncount[e->nnodes] = count(r, o, e);
		e->node[e->nnodes++] = xstrdup(id->s);
	}
	e->from = xcalloc(edges->n + 1, sizeof(*e->from));
	e->to = xcalloc(edges->n + 1, sizeof(*e->to));
	e->ecount = xcalloc(edges->n + 1, sizeof(*e->ecount));
	for (i = 0; i < edges->n; i++) {
		const struct json *o = edges->items[i], *a, *b;
		size_t ia, ib;

		if (o->type != JSON_OBJECT) {
			bad(r, o, "each edge is an object, not %s%s",
			    json_describe(o), "");
			continue;
		}
		only(r, o, edgekeys, "an edge");
		a = need(r, o, "from", JSON_STRING, "an edge");
		b = need(r, o, "to", JSON_STRING, "an edge");
		if (a == NULL || b == NULL)
			continue;
		ia = node_index(e, a->s);
		ib = node_index(e, b->s);
		if (ia == (size_t)-1 || ib == (size_t)-1) {
			bad(r, ia == (size_t)-1 ? a : b, "edge names node "
			    "\"%s\", which is not among the nodes%s",
			    ia == (size_t)-1 ? a->s : b->s, "");
			continue;
		}
		if (ia == ib) {
			bad(r, a, "an edge from \"%s\" to itself%s", a->s, "");
			continue;
		}
		for (j = 0; j < e->nedges; j++)
			if (e->from[j] == ia && e->to[j] == ib)
				break;
		if (j < e->nedges) {
			bad(r, a, "edge %s -> %s is listed twice", a->s, b->s);
			continue;
		}
		e->from[e->nedges] = ia;
		e->to[e->nedges] = ib;
		e->ecount[e->nedges++] = count(r, o, e);
	}
}

struct edition_flow *
edition_read(const char *path, const char *display, struct diag_list *dl)
{
	struct pos at = { display, 1, 1 };
	struct reader r;
	struct edition_flow *e;
	struct json *j;
	size_t len;
	char *text;

	errno = 0;
	if ((text = file_read(path, EDITION_MAX_FILE, &len)) == NULL) {
		if (errno == EFBIG)
			diag_error(dl, at, "larger than 4 MiB: not a flow's "
			    "JSON as kartta publishes it");
		else
			diag_error(dl, at, "cannot read: %s", strerror(errno));
		return NULL;
	}
	j = json_parse(text, len, display, dl);
	free(text);
	if (j == NULL)
		return NULL;
	memset(&r, 0, sizeof(r));
	r.dl = dl;
	e = xcalloc(1, sizeof(*e));
	e->file = xstrdup(display);
	read_flow(&r, j, e);
	json_free(j);
	if (r.errors > 0) {
		edition_free(e);
		return NULL;
	}
	return e;
}

void
edition_free(struct edition_flow *e)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < e->nnodes; i++)
		free(e->node[i]);
	free(e->node);
	free(e->ncount);
	free(e->from);
	free(e->to);
	free(e->ecount);
	free(e->id);
	free(e->file);
	free(e);
}
