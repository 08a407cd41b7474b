#include "flow.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"

/*
 * Aggregation works on interned ids: every distinct id of the CSV gets a
 * small index in a service table, where start, other and end come first.
 * A client is only a hash of its key; the key itself is never kept.
 * Events are kept as one 64-bit word each (date << 32 | service index)
 * grouped by client, so memory grows with events and distinct clients
 * but not with the bytes of the file.
 */

#define FLOW_MAX_COUNT 1000000000000000ULL /* larger counts are refused */
#define FLOW_NONE ((size_t)-1)

enum {
	SVC_START, /* the reserved ids come first in the table */
	SVC_OTHER,
	SVC_END,
	SVC_FIRST, /* the first id read from the file */
};

static const char *const flow_reserved[] = { "start", "other", "end" };

struct flow_truth {
	uint64_t *node;       /* true node counts */
	uint64_t *edge;       /* true edge counts */
	unsigned char *known; /* per node: a count was known */
	int events;           /* aggregated from events here */
	uint64_t merged;      /* events: services merged into other */
	uint64_t *clients;    /* events, when asked: sorted key hashes */
	size_t nclients;
};

/* One distinct id of the CSV. */
struct svc {
	char *id;     /* owned */
	int known;    /* a service of the handbook, or reserved */
	char *hint;   /* owned "did you mean" for unknown ids, or NULL */
};

struct svctab {
	struct strmap *map; /* id -> index + 1; keys borrowed from v */
	struct svc *v;      /* owned */
	size_t n;           /* used */
	size_t cap;         /* allocated */
};

/* A node or edge before disclosure control. */
struct gnode {
	const char *id; /* borrowed from the service table */
	uint64_t count; /* true distinct clients */
	int known;      /* the count is known */
};

struct gedge {
	size_t from;    /* index into the gnode array */
	size_t to;
	uint64_t count; /* true distinct clients */
};

/* Open addressing from (from, to) to a count. */
struct etab_entry {
	uint64_t key;   /* from << 32 | to */
	uint64_t count; /* distinct clients, or the count read */
	uint32_t stamp; /* last client + 1 counted, or the line read */
	uint32_t used;  /* non-zero for a used slot */
};

struct etab {
	struct etab_entry *v; /* owned; cap slots */
	size_t cap;           /* a power of two */
	size_t n;             /* used slots */
};

/*
 * Distinct clients, numbered in order of appearance.  A client is known
 * by a 96-bit hash of its key, never by the key itself: two of 10^8
 * clients collide with a chance below 10^-13, and one slot read per row
 * keeps the table fast when it outgrows the caches.
 */
struct client_slot {
	uint64_t h1;  /* 64 bits of the key's hash; picks the slot */
	uint32_t h2;  /* 32 more bits */
	uint32_t idx; /* client index + 1; 0 for an empty slot */
};

struct clients {
	struct client_slot *slot; /* owned; cap slots */
	size_t cap;               /* a power of two */
	size_t n;                 /* clients */
};

/* The events read, in file order. */
struct evlog {
	uint32_t *client; /* per event: client index */
	uint64_t *ev;     /* per event: date << 32 | service index */
	size_t n;         /* events */
	size_t cap;       /* allocated */
};

static uint64_t
rotl64(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static uint64_t
fmix64(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}

/* MurmurHash3_x64_128 (Austin Appleby, public domain) of s[0..len). */
static void
hash128(const char *s, size_t len, uint64_t *h1p, uint64_t *h2p)
{
	const uint64_t c1 = 0x87c37b91114253d5ULL, c2 = 0x4cf5ad432745937fULL;
	const unsigned char *tail = (const unsigned char *)s + len / 16 * 16;
	uint64_t h1 = 0, h2 = 0, k1, k2;
	size_t i, rest = len % 16;

	for (i = 0; i + 16 <= len; i += 16) {
		memcpy(&k1, s + i, 8);
		memcpy(&k2, s + i + 8, 8);
		k1 *= c1;
		k1 = rotl64(k1, 31);
		k1 *= c2;
		h1 ^= k1;
		h1 = rotl64(h1, 27);
		h1 += h2;
		h1 = h1 * 5 + 0x52dce729;
		k2 *= c2;
		k2 = rotl64(k2, 33);
		k2 *= c1;
		h2 ^= k2;
		h2 = rotl64(h2, 31);
		h2 += h1;
		h2 = h2 * 5 + 0x38495ab5;
	}
	k1 = k2 = 0;
	for (i = 0; i < rest && i < 8; i++)
		k1 ^= (uint64_t)tail[i] << (8 * i);
	for (i = 8; i < rest; i++)
		k2 ^= (uint64_t)tail[i] << (8 * (i - 8));
	if (rest > 8) {
		k2 *= c2;
		k2 = rotl64(k2, 33);
		k2 *= c1;
		h2 ^= k2;
	}
	if (rest > 0) {
		k1 *= c1;
		k1 = rotl64(k1, 31);
		k1 *= c2;
		h1 ^= k1;
	}
	h1 ^= (uint64_t)len;
	h2 ^= (uint64_t)len;
	h1 += h2;
	h2 += h1;
	h1 = fmix64(h1);
	h2 = fmix64(h2);
	h1 += h2;
	h2 += h1;
	*h1p = h1;
	*h2p = h2;
}

static void
svctab_init(struct svctab *t)
{
	size_t i;

	memset(t, 0, sizeof(*t));
	t->map = strmap_new();
	for (i = 0; i < ARRAY_LEN(flow_reserved); i++) {
		struct svc *s = array_push(&t->v, &t->n, &t->cap, sizeof(*s));

		s->id = xstrdup(flow_reserved[i]);
		s->known = 1;
		strmap_put(t->map, s->id, (void *)(uintptr_t)t->n);
	}
}

static void
svctab_free(struct svctab *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		free(t->v[i].id);
		free(t->v[i].hint);
	}
	free(t->v);
	strmap_free(t->map);
}

/*
 * Returns the index of id, asking the handbook about ids not seen
 * before.  Unknown ids are kept too, with their suggestion, so each is
 * looked up once however many rows name it.
 */
static size_t
svctab_get(struct svctab *t, const struct flow_source *src, const char *id)
{
	void *v = strmap_get(t->map, id);
	struct svc *s;
	size_t i;

	if (v != NULL)
		return (size_t)(uintptr_t)v - 1;
	s = array_push(&t->v, &t->n, &t->cap, sizeof(*s));
	s->id = xstrdup(id);
	s->known = src->service_exists != NULL &&
	    src->service_exists(src->arg, id);
	if (!s->known) {
		struct suggest sg;
		const char *best = NULL;

		suggest_init(&sg, id);
		if (src->service_suggest != NULL &&
		    (best = src->service_suggest(src->arg, id)) != NULL)
			suggest_offer(&sg, best);
		if (src->format == FLOW_TRANSITIONS)
			for (i = 0; i < ARRAY_LEN(flow_reserved); i++)
				suggest_offer(&sg, flow_reserved[i]);
		/* A handbook's own suggestion stands even when far. */
		if (suggest_result(&sg) != NULL)
			best = suggest_result(&sg);
		if (best != NULL)
			s->hint = xstrdup(best);
	}
	strmap_put(t->map, s->id, (void *)(uintptr_t)t->n);
	return t->n - 1;
}

static void
etab_init(struct etab *t)
{
	t->cap = 64;
	t->n = 0;
	t->v = xcalloc(t->cap, sizeof(*t->v));
}

static struct etab_entry *
etab_slot(const struct etab *t, uint64_t key)
{
	size_t i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 20) & (t->cap - 1);

	while (t->v[i].used && t->v[i].key != key)
		i = (i + 1) & (t->cap - 1);
	return &t->v[i];
}

/* Returns the entry of (from, to), adding a zeroed one when missing. */
static struct etab_entry *
etab_get(struct etab *t, size_t from, size_t to)
{
	uint64_t key = (uint64_t)from << 32 | to;
	struct etab_entry *e;

	if ((t->n + 1) * 2 > t->cap) {
		struct etab_entry *old = t->v;
		size_t oldcap = t->cap, i;

		t->cap *= 2;
		t->v = xcalloc(t->cap, sizeof(*t->v));
		for (i = 0; i < oldcap; i++)
			if (old[i].used)
				*etab_slot(t, old[i].key) = old[i];
		free(old);
	}
	e = etab_slot(t, key);
	if (!e->used) {
		e->used = 1;
		e->key = key;
		t->n++;
	}
	return e;
}

static void
clients_init(struct clients *cs)
{
	cs->cap = 1024;
	cs->n = 0;
	cs->slot = xcalloc(cs->cap, sizeof(*cs->slot));
}

static void
clients_free(struct clients *cs)
{
	free(cs->slot);
	memset(cs, 0, sizeof(*cs));
}

static struct client_slot *
clients_find(const struct clients *cs, uint64_t h1, uint32_t h2)
{
	size_t mask = cs->cap - 1, i = (size_t)h1 & mask;

	while (cs->slot[i].idx != 0 &&
	    (cs->slot[i].h1 != h1 || cs->slot[i].h2 != h2))
		i = (i + 1) & mask;
	return &cs->slot[i];
}

/*
 * Returns the index of the client whose key has this hash, adding it
 * when new, or FLOW_NONE when there are too many clients to number.
 */
static size_t
clients_intern(struct clients *cs, uint64_t h1, uint64_t h2)
{
	struct client_slot *s;

	if ((cs->n + 1) * 2 > cs->cap) {
		struct client_slot *old = cs->slot;
		size_t oldcap = cs->cap, i;

		cs->cap *= 2;
		cs->slot = xcalloc(cs->cap, sizeof(*cs->slot));
		for (i = 0; i < oldcap; i++)
			if (old[i].idx != 0)
				*clients_find(cs, old[i].h1, old[i].h2) =
				    old[i];
		free(old);
	}
	s = clients_find(cs, h1, (uint32_t)h2);
	if (s->idx != 0)
		return s->idx - 1;
	if (cs->n >= UINT32_MAX - 1)
		return FLOW_NONE;
	s->h1 = h1;
	s->h2 = (uint32_t)h2;
	s->idx = (uint32_t)++cs->n;
	return cs->n - 1;
}

/* Asks for the slot of a hash to be fetched into the cache. */
static void
clients_prefetch(const struct clients *cs, uint64_t h1)
{
#if defined(__GNUC__)
	__builtin_prefetch(&cs->slot[(size_t)h1 & (cs->cap - 1)]);
#else
	(void)cs;
	(void)h1;
#endif
}

/*
 * Parses an ISO date YYYY-MM-DD that exists in the calendar.  Returns 1
 * with *day counting days from March of the year -400, or 0 with *why
 * saying what is wrong.  The date is never echoed: it may be personal
 * data.
 */
static int
flow_date_parse(const char *s, size_t len, uint32_t *day, const char **why)
{
	static const unsigned mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31,
		30, 31, 30, 31 };
	unsigned y, m, d, i, dim, yoe, doy, era;

	*why = "expected an ISO date YYYY-MM-DD, such as 2024-03-01";
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (unsigned)((s[0] - '0') * 1000 + (s[1] - '0') * 100 +
	    (s[2] - '0') * 10 + (s[3] - '0'));
	m = (unsigned)((s[5] - '0') * 10 + (s[6] - '0'));
	d = (unsigned)((s[8] - '0') * 10 + (s[9] - '0'));
	if (m < 1 || m > 12) {
		*why = "no such month: expected an ISO date YYYY-MM-DD";
		return 0;
	}
	dim = mdays[m - 1];
	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		dim = 29;
	if (d < 1 || d > dim) {
		*why = "no such day in that month";
		return 0;
	}
	/*
	 * Days from civil (H. Hinnant), years counted from March so that
	 * leap days come last; 400 years ahead to stay unsigned.
	 */
	y += 400;
	if (m <= 2)
		y--;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	*day = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return 1;
}

/*
 * Parses a count of clients: decimal digits only.  Returns 1 with *n,
 * or 0 with *why.
 */
static int
flow_count_parse(const char *s, size_t len, uint64_t *n, const char **why)
{
	size_t i;

	*n = 0;
	if (len == 0) {
		*why = "an empty count: expected a whole number of clients";
		return 0;
	}
	if (s[0] == '-' && len > 1) {
		*why = "a negative count: expected a whole number of clients";
		return 0;
	}
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') {
			*why = "expected a whole number of clients, such as 12";
			return 0;
		}
		*n = *n * 10 + (uint64_t)(s[i] - '0');
		if (*n > FLOW_MAX_COUNT) {
			*why = "a count too large to be a number of clients";
			return 0;
		}
	}
	return 1;
}

/*
 * Reads the header row and finds the columns of names in it, in any
 * order; other columns are ignored.  Returns 1 with col[i] the index of
 * names[i] and *ncols the header's width, or 0 after reporting.
 */
static int
flow_header(struct csv *c, const char *const names[3], size_t col[3],
    size_t *ncols)
{
	struct csv_row row;
	size_t i, j, found = 0;
	int r, ok = 1;

	r = csv_read(c, &row);
	if (r == 0) {
		csv_error(c, 0, 0, "the data file is empty: expected a header "
		    "row naming the columns %s,%s,%s", names[0], names[1],
		    names[2]);
		return 0;
	}
	if (r < 0 || row.bad)
		return 0;
	for (i = 0; i < 3; i++) {
		col[i] = FLOW_NONE;
		for (j = 0; j < row.nfields; j++) {
			if (strcmp(row.fields[j].s, names[i]) != 0)
				continue;
			if (col[i] == FLOW_NONE) {
				col[i] = j;
				found++;
				continue;
			}
			csv_error(c, row.fields[j].line, row.fields[j].col,
			    "a second column \"%s\" in the header row",
			    names[i]);
			ok = 0;
		}
	}
	if (found == 0) {
		csv_error(c, row.line, 1, "no header row: the first row must "
		    "name the columns %s,%s,%s (in any order)", names[0],
		    names[1], names[2]);
		return 0;
	}
	for (i = 0; i < 3; i++) {
		struct suggest sg;

		if (col[i] != FLOW_NONE)
			continue;
		suggest_init(&sg, names[i]);
		for (j = 0; j < row.nfields; j++)
			suggest_offer(&sg, row.fields[j].s);
		if (suggest_result(&sg) != NULL)
			csv_error(c, row.line, 1, "no column \"%s\" in the "
			    "header row; did you mean \"%s\"?", names[i],
			    suggest_result(&sg));
		else
			csv_error(c, row.line, 1, "no column \"%s\" in the "
			    "header row, which must name the columns "
			    "%s,%s,%s", names[i], names[0], names[1],
			    names[2]);
		ok = 0;
	}
	*ncols = row.nfields;
	return ok;
}

/*
 * Checks the width of a data row.  Returns 1 when it has the header's
 * width, or 0 after reporting.
 */
static int
flow_row_width(struct csv *c, const struct csv_row *row, size_t ncols)
{
	if (row->nfields == ncols)
		return 1;
	if (row->nfields > ncols)
		csv_error(c, row->line, row->fields[ncols].col,
		    "%zu fields where the header has %zu", row->nfields,
		    ncols);
	else
		csv_error(c, row->line, row->fields[0].col,
		    "%zu field%s where the header has %zu", row->nfields,
		    row->nfields == 1 ? "" : "s", ncols);
	return 0;
}

/* Reports an id that is not a service, with a suggestion if any. */
static void
flow_unknown_id(struct csv *c, const struct csv_field *f,
    const struct svc *s, const char *what)
{
	if (s->hint != NULL)
		csv_error(c, f->line, f->col, "unknown %s \"%s\"; did you "
		    "mean \"%s\"?", what, s->id, s->hint);
	else
		csv_error(c, f->line, f->col, "unknown %s \"%s\"", what,
		    s->id);
}

static void
evlog_push(struct evlog *ev, size_t client, uint32_t day, size_t svc)
{
	if (ev->n == ev->cap) {
		ev->cap = ev->cap ? ev->cap * 2 : 4096;
		ev->client = xreallocarray(ev->client, ev->cap,
		    sizeof(*ev->client));
		ev->ev = xreallocarray(ev->ev, ev->cap, sizeof(*ev->ev));
	}
	ev->client[ev->n] = (uint32_t)client;
	ev->ev[ev->n] = (uint64_t)day << 32 | svc;
	ev->n++;
}

static void
evlog_free(struct evlog *ev)
{
	free(ev->client);
	free(ev->ev);
	memset(ev, 0, sizeof(*ev));
}

/*
 * Sorts one client's events by date, keeping file order for equal
 * dates: a merge sort through tmp (room for n / 2), insertion below 16.
 */
static void
flow_sort_events(uint64_t *a, uint64_t *tmp, size_t n)
{
	size_t m, i, j, o;

	if (n <= 16) {
		for (i = 1; i < n; i++) {
			uint64_t x = a[i];

			for (j = i; j > 0 && a[j - 1] >> 32 > x >> 32; j--)
				a[j] = a[j - 1];
			a[j] = x;
		}
		return;
	}
	m = n / 2;
	flow_sort_events(a, tmp, m);
	flow_sort_events(a + m, tmp, n - m);
	if (a[m - 1] >> 32 <= a[m] >> 32)
		return;
	memcpy(tmp, a, m * sizeof(*a));
	for (i = 0, j = m, o = 0; i < m && j < n;)
		a[o++] = a[j] >> 32 < tmp[i] >> 32 ? a[j++] : tmp[i++];
	while (i < m)
		a[o++] = tmp[i++];
}

static int
flow_svc_cmp(const void *pa, const void *pb)
{
	const struct gnode *a = pa, *b = pb;

	return strcmp(a->id, b->id);
}

static int
flow_gedge_cmp(const void *pa, const void *pb)
{
	const struct gedge *a = pa, *b = pb;

	if (a->from != b->from)
		return a->from < b->from ? -1 : 1;
	return a->to < b->to ? -1 : a->to > b->to;
}

static struct flow_counts *flow_build(struct gnode *, size_t, struct gedge *,
    size_t, unsigned, unsigned);

/*
 * Turns the events read into counts of distinct clients and then into a
 * flow.  Consumes ev and cs, whose memory is freed on the way (the
 * client table first).
 */
static int
flow_u64_cmp(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return a < b ? -1 : a > b;
}

static struct flow_counts *
flow_from_events(struct evlog *ev, struct clients *cs,
    const struct svctab *st, unsigned k, unsigned rounding,
    int keep_clients)
{
	size_t nc = cs->n, ne = ev->n, c, i, j, nn, ng, maxrun = 0;
	size_t *off, *svcnode;
	uint64_t *grouped, *tmp, *svcclients;
	uint32_t *stamp, *nodestamp;
	struct gnode *nodes;
	struct gedge *edges;
	struct etab et;
	struct flow_counts *f;
	uint64_t merged = 0, *keys = NULL;
	int anyrare = 0;

	/* Only hashes of the keys, sorted: enough to tell two files share
	 * clients, and nothing that could be published. */
	if (keep_clients) {
		keys = xreallocarray(NULL, nc + 1, sizeof(*keys));
		for (i = j = 0; i < cs->cap; i++)
			if (cs->slot[i].idx != 0)
				keys[j++] = cs->slot[i].h1;
		qsort(keys, j, sizeof(*keys), flow_u64_cmp);
	}
	clients_free(cs);

	/* Group the events by client, in file order: a counting sort. */
	off = xcalloc(nc + 1, sizeof(*off));
	for (i = 0; i < ne; i++)
		off[ev->client[i] + 1]++;
	for (c = 0; c < nc; c++) {
		if (off[c + 1] > maxrun)
			maxrun = off[c + 1];
		off[c + 1] += off[c];
	}
	grouped = xreallocarray(NULL, ne ? ne : 1, sizeof(*grouped));
	for (i = 0; i < ne; i++)
		grouped[off[ev->client[i]]++] = ev->ev[i];
	for (c = nc; c > 0; c--)
		off[c] = off[c - 1];
	off[0] = 0;
	evlog_free(ev);

	/* Distinct clients per service. */
	svcclients = xcalloc(st->n, sizeof(*svcclients));
	stamp = xcalloc(st->n, sizeof(*stamp));
	for (c = 0; c < nc; c++)
		for (i = off[c]; i < off[c + 1]; i++) {
			size_t s = (size_t)(grouped[i] & 0xFFFFFFFFu);

			if (stamp[s] != c + 1) {
				stamp[s] = (uint32_t)(c + 1);
				svcclients[s]++;
			}
		}
	free(stamp);

	/* Nodes: start, services seen by k clients or more, other, end. */
	nodes = xcalloc(st->n + 3, sizeof(*nodes));
	nn = 0;
	nodes[nn++].id = flow_reserved[SVC_START];
	for (i = SVC_FIRST; i < st->n; i++) {
		if (svcclients[i] >= k) {
			nodes[nn].id = st->v[i].id;
			nodes[nn++].count = i; /* the service, for now */
		} else if (svcclients[i] > 0) {
			anyrare = 1;
			merged++;
		}
	}
	ng = nn;
	qsort(nodes + 1, ng - 1, sizeof(*nodes), flow_svc_cmp);
	svcnode = xcalloc(st->n, sizeof(*svcnode));
	for (i = 1; i < ng; i++) {
		svcnode[nodes[i].count] = i;
		nodes[i].count = 0;
	}
	if (anyrare) {
		for (i = SVC_FIRST; i < st->n; i++)
			if (svcclients[i] > 0 && svcclients[i] < k)
				svcnode[i] = nn;
		nodes[nn++].id = flow_reserved[SVC_OTHER];
	}
	nodes[nn++].id = flow_reserved[SVC_END];
	free(svcclients);
	for (i = 0; i < nn; i++)
		nodes[i].known = 1;
	nodes[0].count = nodes[nn - 1].count = nc;

	/*
	 * Walk each client's visits; stamps make every node and edge count
	 * a client once however often they made it.
	 */
	etab_init(&et);
	nodestamp = xcalloc(nn, sizeof(*nodestamp));
	tmp = xreallocarray(NULL, maxrun / 2 + 1, sizeof(*tmp));
	for (c = 0; c < nc; c++) {
		uint32_t me = (uint32_t)(c + 1);
		size_t prev = 0, node;
		struct etab_entry *e;

		flow_sort_events(grouped + off[c], tmp, off[c + 1] - off[c]);
		for (i = off[c]; i < off[c + 1]; i++) {
			node = svcnode[grouped[i] & 0xFFFFFFFFu];
			if (node == prev)
				continue;
			e = etab_get(&et, prev, node);
			if (e->stamp != me) {
				e->stamp = me;
				e->count++;
			}
			if (nodestamp[node] != me) {
				nodestamp[node] = me;
				nodes[node].count++;
			}
			prev = node;
		}
		e = etab_get(&et, prev, nn - 1);
		if (e->stamp != me) {
			e->stamp = me;
			e->count++;
		}
	}
	free(tmp);
	free(nodestamp);
	free(svcnode);
	free(grouped);
	free(off);

	edges = xcalloc(et.n ? et.n : 1, sizeof(*edges));
	for (i = j = 0; i < et.cap; i++)
		if (et.v[i].used) {
			edges[j].from = (size_t)(et.v[i].key >> 32);
			edges[j].to = (size_t)(et.v[i].key & 0xFFFFFFFFu);
			edges[j++].count = et.v[i].count;
		}
	free(et.v);
	qsort(edges, j, sizeof(*edges), flow_gedge_cmp);
	if (nc == 0)
		nn = 0;
	f = flow_build(nodes, nn, edges, j, k, rounding);
	f->truth->events = 1;
	f->truth->merged = merged;
	f->truth->clients = keys;
	f->truth->nclients = keys != NULL ? nc : 0;
	free(nodes);
	free(edges);
	return f;
}

/*
 * A row waiting for its client: each row's client is looked up while
 * the next row is parsed, after a prefetch, because with millions of
 * clients that lookup is a cache miss and would otherwise dominate.
 */
struct pending {
	uint64_t h1;   /* hash of the client key */
	uint64_t h2;
	uint32_t day;  /* the date */
	size_t svc;    /* the service */
	unsigned line; /* the row's line */
	int set;       /* holds a row */
};

static void
flow_pending_add(struct csv *c, struct clients *cs, struct evlog *ev,
    const struct pending *p)
{
	size_t client = clients_intern(cs, p->h1, p->h2);

	if (client == FLOW_NONE)
		csv_error(c, p->line, 1, "too many clients");
	else
		evlog_push(ev, client, p->day, p->svc);
}

/*
 * Reads an events file after its header.  Returns the flow, or NULL
 * when any row was bad (all reported).
 */
static struct flow_counts *
flow_events(struct csv *c, struct svctab *st, const struct flow_source *src,
    unsigned k, unsigned rounding, struct diag_list *dl)
{
	static const char *const names[3] = { "client", "service", "date" };
	struct clients cs;
	struct evlog ev;
	struct csv_row row;
	struct pending prev, cur;
	size_t col[3], ncols, rows = 0;
	int r;

	if (!flow_header(c, names, col, &ncols))
		return NULL;
	memset(&prev, 0, sizeof(prev));
	clients_init(&cs);
	memset(&ev, 0, sizeof(ev));
	while ((r = csv_read(c, &row)) == 1) {
		const struct csv_field *fc, *fs, *fd;
		const char *why;
		size_t svc = 0;
		uint32_t day = 0;
		int ok = 1;

		rows++;
		if (row.bad || !flow_row_width(c, &row, ncols))
			continue;
		fc = &row.fields[col[0]];
		fs = &row.fields[col[1]];
		fd = &row.fields[col[2]];
		if (fc->len == 0) {
			csv_error(c, fc->line, fc->col, "an empty client key");
			ok = 0;
		}
		if (fs->len == 0) {
			csv_error(c, fs->line, fs->col, "an empty service id");
			ok = 0;
		} else if ((svc = svctab_get(st, src, fs->s)) < SVC_FIRST) {
			csv_error(c, fs->line, fs->col, "\"%s\" names a node "
			    "of every flow, not a service", fs->s);
			ok = 0;
		} else if (!st->v[svc].known) {
			flow_unknown_id(c, fs, &st->v[svc], "service");
			ok = 0;
		}
		if (!flow_date_parse(fd->s, fd->len, &day, &why)) {
			csv_error(c, fd->line, fd->col, "%s", why);
			ok = 0;
		}
		/* After the first error, only check. */
		if (!ok || csv_errors(c) > 0)
			continue;
		hash128(fc->s, fc->len, &cur.h1, &cur.h2);
		clients_prefetch(&cs, cur.h1);
		cur.day = day;
		cur.svc = svc;
		cur.line = row.line;
		cur.set = 1;
		if (prev.set)
			flow_pending_add(c, &cs, &ev, &prev);
		prev = cur;
	}
	if (prev.set && csv_errors(c) == 0)
		flow_pending_add(c, &cs, &ev, &prev);
	if (r < 0 || csv_errors(c) > 0) {
		clients_free(&cs);
		evlog_free(&ev);
		return NULL;
	}
	if (rows == 0) {
		struct pos at = { csv_display(c), 0, 0 };

		diag_warning(dl, at, "no data rows under the header: the "
		    "flow is empty");
	}
	return flow_from_events(&ev, &cs, st, k, rounding, src->keep_clients);
}

/* Transitions read, indexed like the service table. */
struct trans {
	uint64_t *count; /* node counts */
	unsigned *line;  /* line of a node's row, 0 for none */
	size_t cap;      /* entries allocated */
	struct etab et;  /* edges; stamp is the line of the row */
};

static void
trans_grow(struct trans *t, size_t n)
{
	size_t old = t->cap;

	if (n <= t->cap)
		return;
	while (t->cap < n)
		t->cap = t->cap ? t->cap * 2 : 64;
	t->count = xreallocarray(t->count, t->cap, sizeof(*t->count));
	t->line = xreallocarray(t->line, t->cap, sizeof(*t->line));
	memset(t->count + old, 0, (t->cap - old) * sizeof(*t->count));
	memset(t->line + old, 0, (t->cap - old) * sizeof(*t->line));
}

static int
flow_line_cmp(const void *pa, const void *pb)
{
	const struct etab_entry *a = pa, *b = pb;

	return a->stamp < b->stamp ? -1 : a->stamp > b->stamp;
}

/*
 * Checks what no aggregation could produce: an edge with more clients
 * than a node it touches, start and end with different totals.
 */
static void
flow_trans_check(struct csv *c, const struct svctab *st,
    const struct trans *t)
{
	struct etab_entry *rows = xcalloc(t->et.n + 1, sizeof(*rows));
	size_t i, n = 0, side;

	for (i = 0; i < t->et.cap; i++)
		if (t->et.v[i].used)
			rows[n++] = t->et.v[i];
	qsort(rows, n, sizeof(*rows), flow_line_cmp);
	for (i = 0; i < n; i++) {
		size_t end[2];

		end[0] = (size_t)(rows[i].key >> 32);
		end[1] = (size_t)(rows[i].key & 0xFFFFFFFFu);
		for (side = 0; side < 2; side++)
			if (t->line[end[side]] != 0 &&
			    rows[i].count > t->count[end[side]])
				csv_error(c, rows[i].stamp, 1,
				    "%" PRIu64 " clients made %s -> %s, more "
				    "than the %" PRIu64 " counted for %s on "
				    "line %u", rows[i].count,
				    st->v[end[0]].id, st->v[end[1]].id,
				    t->count[end[side]], st->v[end[side]].id,
				    t->line[end[side]]);
	}
	free(rows);
	if (t->line[SVC_START] && t->line[SVC_END] &&
	    t->count[SVC_START] != t->count[SVC_END])
		csv_error(c, t->line[SVC_END], 1, "end counts %" PRIu64
		    " clients but start, on line %u, %" PRIu64 ": both count "
		    "all clients", t->count[SVC_END], t->line[SVC_START],
		    t->count[SVC_START]);
}

/*
 * Checks one id of a transitions row: from (to == 0) or to.  Returns
 * its index, or FLOW_NONE after reporting.
 */
static size_t
flow_trans_id(struct csv *c, struct svctab *st,
    const struct flow_source *src, const struct csv_field *f, int to)
{
	size_t i;

	if (f->len == 0) {
		csv_error(c, f->line, f->col, "an empty from: expected a "
		    "service id, start or other");
		return FLOW_NONE;
	}
	i = svctab_get(st, src, f->s);
	if (!st->v[i].known) {
		flow_unknown_id(c, f, &st->v[i], "node");
		return FLOW_NONE;
	}
	if (to && i == SVC_START) {
		csv_error(c, f->line, f->col, "no transition leads to start");
		return FLOW_NONE;
	}
	return i;
}

/*
 * Reads a transitions file after its header.  Returns the flow, or NULL
 * when any row was bad (all reported).
 */
static struct flow_counts *
flow_transitions(struct csv *c, struct svctab *st,
    const struct flow_source *src, unsigned k, unsigned rounding,
    struct diag_list *dl)
{
	static const char *const names[3] = { "from", "to", "count" };
	struct trans t;
	struct csv_row row;
	struct gnode *nodes;
	struct gedge *edges;
	struct flow_counts *f = NULL;
	size_t col[3], ncols, rows = 0, i, j, nn, ne, *index;
	unsigned char *present;
	int r;

	if (!flow_header(c, names, col, &ncols))
		return NULL;
	memset(&t, 0, sizeof(t));
	etab_init(&t.et);
	while ((r = csv_read(c, &row)) == 1) {
		const struct csv_field *ff, *ft, *fn;
		const char *why;
		size_t from, to = FLOW_NONE;
		uint64_t n;
		int ok;

		rows++;
		if (row.bad || !flow_row_width(c, &row, ncols))
			continue;
		ff = &row.fields[col[0]];
		ft = &row.fields[col[1]];
		fn = &row.fields[col[2]];
		from = flow_trans_id(c, st, src, ff, 0);
		if (ft->len > 0)
			to = flow_trans_id(c, st, src, ft, 1);
		ok = from != FLOW_NONE && (ft->len == 0 || to != FLOW_NONE);
		if (!flow_count_parse(fn->s, fn->len, &n, &why)) {
			csv_error(c, fn->line, fn->col, "%s", why);
			ok = 0;
		}
		if (!ok)
			continue;
		trans_grow(&t, st->n);
		if (ft->len == 0) {
			if (t.line[from] != 0) {
				csv_error(c, row.line, ff->col, "a second "
				    "count for node %s; the first is on line "
				    "%u", st->v[from].id, t.line[from]);
				continue;
			}
			t.line[from] = row.line;
			t.count[from] = n;
		} else if (from == SVC_END) {
			csv_error(c, row.line, ff->col, "no transition leaves "
			    "end");
		} else if (from == to) {
			csv_error(c, row.line, ft->col, "a transition from %s "
			    "to itself: consecutive visits to one node count "
			    "as one visit", st->v[from].id);
		} else {
			struct etab_entry *e = etab_get(&t.et, from, to);

			if (e->stamp != 0) {
				csv_error(c, row.line, ff->col, "a second row "
				    "for %s -> %s; the first is on line %u",
				    st->v[from].id, st->v[to].id, e->stamp);
				continue;
			}
			e->stamp = row.line;
			e->count = n;
		}
	}
	if (r == 0 && csv_errors(c) == 0) {
		trans_grow(&t, st->n);
		flow_trans_check(c, st, &t);
	}
	if (r < 0 || csv_errors(c) > 0)
		goto out;
	if (rows == 0) {
		struct pos at = { csv_display(c), 0, 0 };

		diag_warning(dl, at, "no data rows under the header: the "
		    "flow is empty");
	}

	/* Which ids are nodes: a count above zero or an edge. */
	present = xcalloc(st->n, 1);
	for (i = 0; i < st->n; i++)
		present[i] = t.line[i] != 0 && t.count[i] > 0;
	for (i = 0; i < t.et.cap; i++)
		if (t.et.v[i].used && t.et.v[i].count > 0) {
			present[t.et.v[i].key >> 32] = 1;
			present[t.et.v[i].key & 0xFFFFFFFFu] = 1;
		}
	nodes = xcalloc(st->n, sizeof(*nodes));
	index = xcalloc(st->n, sizeof(*index));
	nn = 0;
	if (present[SVC_START])
		nodes[nn++].count = SVC_START;
	for (i = SVC_FIRST; i < st->n; i++)
		if (present[i])
			nodes[nn++].count = i;
	for (i = 0; i < nn; i++)
		nodes[i].id = st->v[nodes[i].count].id;
	j = present[SVC_START];
	qsort(nodes + j, nn - j, sizeof(*nodes), flow_svc_cmp);
	if (present[SVC_OTHER])
		nodes[nn++].count = SVC_OTHER;
	if (present[SVC_END])
		nodes[nn++].count = SVC_END;
	for (i = 0; i < nn; i++) {
		size_t s = (size_t)nodes[i].count;

		index[s] = i;
		nodes[i].id = st->v[s].id;
		nodes[i].known = t.line[s] != 0;
		nodes[i].count = t.count[s];
	}
	edges = xcalloc(t.et.n + 1, sizeof(*edges));
	for (i = ne = 0; i < t.et.cap; i++)
		if (t.et.v[i].used && t.et.v[i].count > 0) {
			edges[ne].from = index[t.et.v[i].key >> 32];
			edges[ne].to = index[t.et.v[i].key & 0xFFFFFFFFu];
			edges[ne++].count = t.et.v[i].count;
		}
	qsort(edges, ne, sizeof(*edges), flow_gedge_cmp);
	f = flow_build(nodes, nn, edges, ne, k, rounding);
	free(edges);
	free(nodes);
	free(index);
	free(present);
out:
	free(t.count);
	free(t.line);
	free(t.et.v);
	return f;
}

/*
 * Rounds a published count to the nearest multiple of r, halves up, but
 * never below k: rounding must not make a count look smaller than what
 * the rules allow to be shown.
 */
static uint64_t
flow_round(uint64_t x, unsigned k, unsigned r)
{
	uint64_t q = (x + r / 2) / r * r;
	uint64_t least = ((uint64_t)k + r - 1) / r * r;

	return q < least ? least : q;
}

/* Start and end both count all clients: each is the other's twin. */
static size_t
flow_twin(const struct flow_counts *f, size_t n)
{
	size_t last = f->nnodes - 1;

	if (n == 0 && strcmp(f->nodes[0].id, "start") == 0 &&
	    strcmp(f->nodes[last].id, "end") == 0)
		return last;
	if (n == last && strcmp(f->nodes[last].id, "end") == 0 &&
	    strcmp(f->nodes[0].id, "start") == 0)
		return 0;
	return FLOW_NONE;
}

/*
 * Returns the true count that the published data gives for node n:
 * its own, or its twin's, or 0 when neither is published.
 */
static uint64_t
flow_shown(const struct flow_counts *f, size_t n)
{
	size_t t;

	if (!f->nodes[n].suppressed)
		return f->truth->node[n];
	t = flow_twin(f, n);
	if (t != FLOW_NONE && !f->nodes[t].suppressed)
		return f->truth->node[t];
	return 0;
}

/*
 * Returns non-zero when one side of a node whose count the reader knows
 * to be shown hides nothing that adding or subtracting could recover:
 * no hidden edge or at least two summing to k or more, and the count
 * less the published edges is not in 1..k-1.  Edges of the side are
 * side[0..len).
 */
static int
flow_side_ok(const struct flow_counts *f, const size_t *side, size_t len,
    uint64_t shown)
{
	uint64_t hidden = 0, published = 0;
	size_t i, nhidden = 0;

	for (i = 0; i < len; i++) {
		if (f->edges[side[i]].suppressed) {
			nhidden++;
			hidden += f->truth->edge[side[i]];
		} else
			published += f->truth->edge[side[i]];
	}
	if (nhidden == 1 || (nhidden > 1 && hidden < f->k))
		return 0;
	if (shown > published && shown - published < f->k)
		return 0;
	return 1;
}

/*
 * Disclosure control; see docs/anonymity.md.  Primary suppression
 * withholds every count below k; then a work list of nodes is checked
 * until no side of a published node fails flow_side_ok, hiding the
 * smallest published edge of a failing side, or the node's count when
 * the side has none left.  Things only ever become hidden, so it ends.
 */
static void
flow_protect(struct flow_counts *f)
{
	size_t nn = f->nnodes, ne = f->nedges, i, s, n;
	size_t *start[2], *list[2], *fill[2], *queue, qhead = 0, qlen = 0;
	unsigned char *inq;

	for (i = 0; i < nn; i++)
		f->nodes[i].suppressed = !f->truth->known[i] ||
		    f->truth->node[i] < f->k;
	for (i = 0; i < ne; i++)
		f->edges[i].suppressed = f->truth->edge[i] < f->k;
	for (i = 0; i < nn; i++) {
		size_t t = flow_twin(f, i);

		if (t != FLOW_NONE && f->truth->known[t] &&
		    f->nodes[t].suppressed)
			f->nodes[i].suppressed = 1;
	}

	/* In-edges (side 0) and out-edges (side 1) of every node. */
	for (s = 0; s < 2; s++) {
		start[s] = xcalloc(nn + 1, sizeof(size_t));
		list[s] = xcalloc(ne + 1, sizeof(size_t));
		fill[s] = xcalloc(nn + 1, sizeof(size_t));
	}
	for (i = 0; i < ne; i++) {
		start[0][f->edges[i].to + 1]++;
		start[1][f->edges[i].from + 1]++;
	}
	for (s = 0; s < 2; s++)
		for (i = 0; i < nn; i++) {
			start[s][i + 1] += start[s][i];
			fill[s][i] = start[s][i];
		}
	for (i = 0; i < ne; i++) {
		list[0][fill[0][f->edges[i].to]++] = i;
		list[1][fill[1][f->edges[i].from]++] = i;
	}

	queue = xcalloc(nn + 1, sizeof(*queue));
	inq = xcalloc(nn + 1, 1);
	for (i = 0; i < nn; i++) {
		queue[qlen++] = i;
		inq[i] = 1;
	}
	while (qlen > 0) {
		n = queue[qhead];
		qhead = (qhead + 1) % nn;
		qlen--;
		inq[n] = 0;
		for (s = 0; s < 2; s++) {
			const size_t *side = list[s] + start[s][n];
			size_t len = start[s][n + 1] - start[s][n];
			uint64_t shown;

			while ((shown = flow_shown(f, n)) > 0 &&
			    !flow_side_ok(f, side, len, shown)) {
				size_t best = FLOW_NONE, m, t;

				for (i = 0; i < len; i++) {
					size_t e = side[i];

					if (!f->edges[e].suppressed &&
					    (best == FLOW_NONE ||
					    f->truth->edge[e] <
					    f->truth->edge[best]))
						best = e;
				}
				if (best == FLOW_NONE) {
					f->nodes[n].suppressed = 1;
					if ((t = flow_twin(f, n)) != FLOW_NONE)
						f->nodes[t].suppressed = 1;
					break;
				}
				f->edges[best].suppressed = 1;
				m = s == 0 ? f->edges[best].from :
				    f->edges[best].to;
				if (!inq[m]) {
					queue[(qhead + qlen) % nn] = m;
					qlen++;
					inq[m] = 1;
				}
			}
		}
	}
	free(queue);
	free(inq);
	for (s = 0; s < 2; s++) {
		free(start[s]);
		free(list[s]);
		free(fill[s]);
	}

	for (i = 0; i < nn; i++)
		f->nodes[i].count = f->nodes[i].suppressed ? 0 :
		    flow_round(f->truth->node[i], f->k, f->rounding);
	for (i = 0; i < ne; i++)
		f->edges[i].count = f->edges[i].suppressed ? 0 :
		    flow_round(f->truth->edge[i], f->k, f->rounding);
}

/*
 * Makes the flow from ordered nodes and edges with their true counts,
 * then applies disclosure control.  Copies what it keeps.
 */
static struct flow_counts *
flow_build(struct gnode *nodes, size_t nn, struct gedge *edges, size_t ne,
    unsigned k, unsigned rounding)
{
	struct flow_counts *f = xcalloc(1, sizeof(*f));
	size_t i;

	f->k = k;
	f->rounding = rounding;
	f->truth = xcalloc(1, sizeof(*f->truth));
	f->nnodes = nn;
	f->nodes = xcalloc(nn + 1, sizeof(*f->nodes));
	f->truth->node = xcalloc(nn + 1, sizeof(uint64_t));
	f->truth->known = xcalloc(nn + 1, 1);
	for (i = 0; i < nn; i++) {
		f->nodes[i].id = xstrdup(nodes[i].id);
		f->truth->node[i] = nodes[i].count;
		f->truth->known[i] = (unsigned char)nodes[i].known;
	}
	f->nedges = nn > 0 ? ne : 0;
	f->edges = xcalloc(f->nedges + 1, sizeof(*f->edges));
	f->truth->edge = xcalloc(f->nedges + 1, sizeof(uint64_t));
	for (i = 0; i < f->nedges; i++) {
		f->edges[i].from = edges[i].from;
		f->edges[i].to = edges[i].to;
		f->truth->edge[i] = edges[i].count;
	}
	if (nn > 0)
		flow_protect(f);
	return f;
}

struct flow_counts *
flow_aggregate(const struct flow_source *src, struct diag_list *dl)
{
	unsigned k = src->k ? src->k : 1;
	unsigned rounding = src->rounding ? src->rounding : 1;
	struct svctab st;
	struct flow_counts *f;
	struct csv *c;

	if ((c = csv_open(src->path, src->display, dl)) == NULL)
		return NULL;
	svctab_init(&st);
	if (src->format == FLOW_EVENTS)
		f = flow_events(c, &st, src, k, rounding, dl);
	else
		f = flow_transitions(c, &st, src, k, rounding, dl);
	svctab_free(&st);
	csv_close(c);
	return f;
}

void
flow_free(struct flow_counts *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nnodes; i++)
		free(f->nodes[i].id);
	free(f->nodes);
	free(f->edges);
	if (f->truth != NULL) {
		free(f->truth->node);
		free(f->truth->edge);
		free(f->truth->known);
		free(f->truth->clients);
		free(f->truth);
	}
	free(f);
}

int
flow_format_parse(const char *s, enum flow_format *fmt)
{
	if (strcmp(s, "events") == 0)
		*fmt = FLOW_EVENTS;
	else if (strcmp(s, "transitions") == 0)
		*fmt = FLOW_TRANSITIONS;
	else
		return 0;
	return 1;
}

uint64_t
flow_node_true_count(const struct flow_counts *f, size_t i)
{
	return f->truth->node[i];
}

uint64_t
flow_edge_true_count(const struct flow_counts *f, size_t i)
{
	return f->truth->edge[i];
}

int
flow_node_known(const struct flow_counts *f, size_t i)
{
	return f->truth->known[i];
}

/*
 * Writes s as a JSON string.  Besides what JSON requires, <, > and &
 * are escaped so that the text can sit inside an HTML script element,
 * and so are U+2028 and U+2029.
 */
static void
flow_json_string(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	buf_putc(out, '"');
	for (; *p; p++) {
		if (*p == '"' || *p == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)*p);
		} else if (*p == '\n')
			buf_puts(out, "\\n");
		else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&')
			buf_printf(out, "\\u%04x", *p);
		else if (p[0] == 0xE2 && p[1] == 0x80 &&
		    (p[2] == 0xA8 || p[2] == 0xA9)) {
			buf_printf(out, "\\u%04x", p[2] == 0xA8 ? 0x2028 :
			    0x2029);
			p += 2;
		} else
			buf_putc(out, (char)*p);
	}
	buf_putc(out, '"');
}

static void
flow_json_count(struct buf *out, int suppressed, uint64_t count)
{
	if (suppressed)
		buf_puts(out, "null");
	else
		buf_printf(out, "%" PRIu64, count);
}

void
flow_json_write(const struct flow_counts *f, const char *id, const char *period,
    struct buf *out)
{
	size_t i;

	buf_puts(out, "{ \"flow\": ");
	flow_json_string(out, id);
	buf_puts(out, ", \"period\": ");
	if (period != NULL)
		flow_json_string(out, period);
	else
		buf_puts(out, "null");
	buf_printf(out, ", \"k\": %u, \"rounding\": %u,\n  \"nodes\": [",
	    f->k, f->rounding);
	for (i = 0; i < f->nnodes; i++) {
		buf_puts(out, i == 0 ? " " : ",\n             ");
		buf_puts(out, "{ \"id\": ");
		flow_json_string(out, f->nodes[i].id);
		buf_puts(out, ", \"count\": ");
		flow_json_count(out, f->nodes[i].suppressed,
		    f->nodes[i].count);
		buf_puts(out, " }");
	}
	buf_puts(out, f->nnodes ? " ],\n  \"edges\": [" : "],\n  \"edges\": [");
	for (i = 0; i < f->nedges; i++) {
		const struct flow_edge *e = &f->edges[i];

		buf_puts(out, i == 0 ? " " : ",\n             ");
		buf_puts(out, "{ \"from\": ");
		flow_json_string(out, f->nodes[e->from].id);
		buf_puts(out, ", \"to\": ");
		flow_json_string(out, f->nodes[e->to].id);
		buf_puts(out, ", \"count\": ");
		flow_json_count(out, e->suppressed, e->count);
		buf_puts(out, " }");
	}
	buf_puts(out, f->nedges ? " ] }\n" : "] }\n");
}

void
flow_round_interval(uint64_t p, unsigned k, unsigned r, uint64_t *lo,
    uint64_t *hi)
{
	uint64_t least = ((uint64_t)k + r - 1) / r * r;

	/* flow_round(x) == p exactly for these x >= k: the nearest
	 * multiple, halves up, lifted to least when below it. */
	*hi = p - r / 2 + r - 1;
	*lo = p == least ? k : p - r / 2;
	if (*lo < k)
		*lo = k;
}

void
flow_hide_node(struct flow_counts *f, size_t i)
{
	size_t t = flow_twin(f, i);

	f->nodes[i].suppressed = 1;
	f->nodes[i].count = 0;
	if (t != FLOW_NONE) {
		f->nodes[t].suppressed = 1;
		f->nodes[t].count = 0;
	}
}

void
flow_hide_edge(struct flow_counts *f, size_t i)
{
	f->edges[i].suppressed = 1;
	f->edges[i].count = 0;
}

void
flow_withhold(struct flow_counts *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->nnodes; i++) {
		if (strcmp(f->nodes[i].id, "start") != 0 &&
		    strcmp(f->nodes[i].id, "end") != 0) {
			free(f->nodes[i].id);
			continue;
		}
		f->nodes[n] = f->nodes[i];
		f->truth->node[n] = f->truth->node[i];
		f->truth->known[n] = f->truth->known[i];
		n++;
	}
	f->nnodes = n;
	f->nedges = 0;
	f->withheld = 1;
}

int
flow_is_events(const struct flow_counts *f)
{
	return f->truth->events;
}

uint64_t
flow_merged(const struct flow_counts *f)
{
	return f->truth->merged;
}

const uint64_t *
flow_client_hashes(const struct flow_counts *f, size_t *n)
{
	*n = f->truth->nclients;
	return f->truth->clients;
}
