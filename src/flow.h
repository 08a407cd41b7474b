/*
 * Aggregated client flows (flows/<id>.yaml): reads a flow's CSV, either
 * raw events (client,service,date) or transitions aggregated elsewhere
 * (from,to,count), counts distinct clients per node and per transition,
 * then applies disclosure control so that what is published keeps the
 * promise of the content format.  docs/anonymity.md gives the algorithm
 * and the argument.
 *
 * The result holds only what may be published, plus the true counts
 * behind a private pointer for tests and checks.  Client keys, dates
 * and the CSV never reach it.
 */
#ifndef KARTTA_FLOW_H
#define KARTTA_FLOW_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "util.h"

enum flow_format {
	FLOW_EVENTS,      /* client,service,date */
	FLOW_TRANSITIONS, /* from,to,count */
};

/* What to read and how to check it. */
struct flow_source {
	const char *path;        /* CSV to read, resolved by the caller */
	const char *display;     /* the same path as shown in diagnostics */
	enum flow_format format; /* events or transitions */
	unsigned k;              /* smallest count ever published, >= 1 */
	unsigned rounding;       /* published counts are multiples, >= 1 */
	/* Returns non-zero when id is a service of the handbook. */
	int (*service_exists)(void *arg, const char *id);
	/* Returns the closest service id to id (borrowed), or NULL;
	 * may itself be NULL. */
	const char *(*service_suggest)(void *arg, const char *id);
	void *arg;               /* passed to both callbacks */
	/* events: keep hashes of the client keys (never the keys), so that
	 * the audit can tell whether two data files share clients. */
	int keep_clients;
};

struct flow_node {
	char *id;          /* "start", a service id, "other" or "end"; owned */
	uint64_t count;    /* published count, rounded; 0 when suppressed */
	int suppressed;    /* the count is withheld (JSON null) */
};

struct flow_edge {
	size_t from;       /* index into nodes */
	size_t to;         /* index into nodes */
	uint64_t count;    /* published count, rounded; 0 when suppressed */
	int suppressed;    /* the count is withheld (JSON null) */
};

struct flow_truth;

/*
 * Nodes come in the order start, services by id, other, end; edges by
 * (from, to) in that order.  Nodes and edges without clients are not
 * listed.
 */
struct flow_counts {
	struct flow_node *nodes;  /* owned */
	size_t nnodes;
	struct flow_edge *edges;  /* owned */
	size_t nedges;
	unsigned k;               /* as applied */
	unsigned rounding;        /* as applied */
	struct flow_truth *truth; /* private: true counts, never publish */
	int withheld;             /* only the number of clients is kept:
	                           * nothing else could be protected */
};

/*
 * Reads and aggregates src->path and applies disclosure control.
 * Returns the flow, which the caller frees with flow_free, or NULL
 * after reporting every problem of the file to dl (a header only is a
 * warning and gives an empty flow).
 */
struct flow_counts *flow_aggregate(const struct flow_source *src,
    struct diag_list *dl);

void flow_free(struct flow_counts *f);

/*
 * Parses "events" or "transitions".  Returns 0 when s is neither,
 * leaving *fmt alone.
 */
int flow_format_parse(const char *s, enum flow_format *fmt);

/*
 * Appends the flow's published JSON to out: flow id, period (written as
 * null when NULL), k, rounding, nodes and edges, suppressed counts as
 * null.  Ends with a newline.
 */
void flow_json_write(const struct flow_counts *f, const char *id,
    const char *period, struct buf *out);

/*
 * For tests and checks only, never for output: the true count of node
 * or edge i, and whether a node's count was known at all (a
 * transitions file may give none).
 */
uint64_t flow_node_true_count(const struct flow_counts *f, size_t i);
uint64_t flow_edge_true_count(const struct flow_counts *f, size_t i);
int flow_node_known(const struct flow_counts *f, size_t i);

/*
 * The true counts that are published as p (p >= k): rounding to the
 * nearest multiple of r, halves up, never below the least multiple that
 * is at least k.  What a reader knows of a published number.
 */
void flow_round_interval(uint64_t p, unsigned k, unsigned r, uint64_t *lo,
    uint64_t *hi);

/*
 * For the audit (audit.c), which withholds more than flow_aggregate
 * did: hide node i (and its twin: start and end count the same
 * clients), hide edge i, or keep only start and end (the number of
 * clients) when nothing less keeps the promise.
 */
void flow_hide_node(struct flow_counts *f, size_t i);
void flow_hide_edge(struct flow_counts *f, size_t i);
void flow_withhold(struct flow_counts *f);

/* Public facts of the aggregation: made from events here (so every
 * listed service had k clients), and how many services were merged
 * into other. */
int flow_is_events(const struct flow_counts *f);
uint64_t flow_merged(const struct flow_counts *f);
/* Sorted hashes of the client keys when src->keep_clients was set,
 * else NULL with *n 0.  Never published. */
const uint64_t *flow_client_hashes(const struct flow_counts *f, size_t *n);

#endif
