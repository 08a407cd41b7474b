/*
 * A flow's data file: the CSV reader to the end, then flow aggregation
 * as events (client,service,date) and as transitions (from,to,count),
 * the published JSON, and the audit (GLPK) of what the events gave.
 * Ids that start with a letter up to 'm' count as services of the
 * handbook, so that both known and unknown services occur.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "csv.h"
#include "flow.h"
#include "scratch.h"
#include "util.h"

#define DATA "data/fuzz.csv"

static int
exists(void *arg, const char *id)
{
	(void)arg;
	return id[0] >= 'a' && id[0] <= 'm';
}

static const char *
suggest(void *arg, const char *id)
{
	(void)arg;
	return id[0] > 'm' ? "esimerkkipalvelu" : NULL;
}

static void
read_all(const char *path)
{
	struct diag_list *dl = diag_list_new();
	struct csv *c = csv_open(path, DATA, dl);
	struct csv_row row;

	while (c != NULL && csv_read(c, &row) == 1)
		;
	csv_close(c);
	diag_list_free(dl);
}

static struct flow_counts *
aggregate(const char *path, enum flow_format fmt, unsigned k,
    unsigned rounding, struct diag_list *dl)
{
	struct flow_source src;
	struct flow_counts *f;

	memset(&src, 0, sizeof(src));
	src.path = path;
	src.display = DATA;
	src.format = fmt;
	src.k = k;
	src.rounding = rounding;
	src.service_exists = exists;
	src.service_suggest = suggest;
	src.keep_clients = fmt == FLOW_EVENTS;
	if ((f = flow_aggregate(&src, dl)) != NULL) {
		struct buf json = { 0 };

		flow_json_write(f, "fuzz", "2026", &json);
		buf_free(&json);
	}
	return f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path;
	struct diag_list *dl = diag_list_new();
	struct flow_counts *ev, *tr;
	char *p;

	fuzz_write(DATA, data, size);
	p = xstrdup(fuzz_path(DATA));
	path = p;
	read_all(path);
	ev = aggregate(path, FLOW_EVENTS, 3, 1, dl);
	tr = aggregate(path, FLOW_TRANSITIONS, 5, 5, dl);
	if (ev != NULL) {
		struct audit_flow af = { ev, "fuzz", DATA, { DATA, 1, 1 } };

		audit_flows(&af, 1, NULL, 0, dl, NULL);
	}
	flow_free(ev);
	flow_free(tr);
	diag_list_free(dl);
	free(p);
	return 0;
}
