/*
 * The audit of published flows (docs/anonymity.md, "The audit"): for
 * every withheld number, and every group of clients whose size can be
 * derived, it computes with linear and integer programming (GLPK) the
 * values consistent with everything published and everything public
 * about distinct-client counting, across all flows of the build whose
 * data overlap and against earlier editions.  Where a number could be
 * narrowed into 1..k-1 or to one value, it withholds more, cheapest
 * first, and audits again until nothing can; a flow that nothing short
 * of withholding keeps safe publishes only its number of clients.
 *
 * This module alone uses GLPK.
 */
#ifndef KARTTA_AUDIT_H
#define KARTTA_AUDIT_H

#include <stddef.h>

#include "diag.h"
#include "edition.h"
#include "flow.h"

/* A flow of this build: its numbers are withheld further in place. */
struct audit_flow {
	struct flow_counts *counts; /* aggregated, after primary suppression */
	const char *id;             /* the flow's id, as in its JSON */
	const char *data;           /* identifies the data file and format:
	                             * flows with equal strings read the same
	                             * data */
	struct pos at;              /* the flow's file, for warnings */
};

/* A flow an earlier edition published, and where it was named. */
struct audit_edition {
	const struct edition_flow *flow;
	struct pos at;
};

struct audit_stats {
	unsigned long flows;      /* flows audited */
	unsigned long checks;     /* withheld numbers and groups checked */
	unsigned long lp;         /* linear programmes solved */
	unsigned long milp;       /* integer programmes solved */
	unsigned long pivots;     /* simplex iterations */
	unsigned long rounds;     /* audit, withhold more, audit again */
	unsigned long hidden;     /* numbers withheld by the audit */
	unsigned long withheld;   /* flows reduced to their number of clients */
	unsigned long no_truth;   /* systems whose true counts broke a fact */
};

/*
 * Audits flows[0..n) together with the earlier editions ed[0..ned)
 * (matched to flows by id), withholding more where needed.  Warnings go
 * to dl, at the flow's position.  Returns 0 on success, or -1 after
 * reporting an error (a promise that no withholding could keep), in
 * which case nothing may be published.  st may be NULL.
 */
int audit_flows(struct audit_flow *flows, size_t n,
    const struct audit_edition *ed, size_t ned, struct diag_list *dl,
    struct audit_stats *st);

#endif
