/*
 * A flow as an earlier edition of the handbook published it: the
 * <id>.json that kartta wrote then, read back from data/ (site.yaml
 * anonymity.previous) so that the audit can combine its numbers with
 * this edition's.  Only the published numbers exist here; nothing true.
 */
#ifndef KARTTA_EDITION_H
#define KARTTA_EDITION_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

struct edition_flow {
	char *file;         /* owned display path of the JSON file */
	char *id;           /* owned: the "flow" of the JSON */
	unsigned k;         /* as published */
	unsigned rounding;  /* as published */
	size_t nnodes;
	char **node;        /* owned node ids */
	int64_t *ncount;    /* published node counts, -1 for null */
	size_t nedges;
	size_t *from, *to;  /* owned: edge ends, indices into node */
	int64_t *ecount;    /* published edge counts, -1 for null */
};

/*
 * Reads path (shown as display) as a flow's published JSON.  Returns the
 * edition, which the caller frees with edition_free, or NULL after
 * reporting every problem at its line and column.
 */
struct edition_flow *edition_read(const char *path, const char *display,
    struct diag_list *dl);
void edition_free(struct edition_flow *e);

#endif
