/*
 * Independent pieces of work spread over worker processes, for a build
 * on every core (issue #14).  Processes, not threads: Graphviz and
 * cairo keep state of their own, and a process forked after the model
 * was resolved shares all of it read-only for free.  Each worker takes
 * the next piece from a counter the processes share, reports into a
 * list of its own that it sends back when it is done, and the parent
 * merges the lists in worker order.  What a piece writes must depend on
 * the piece alone (never on which worker ran it, or when), so that the
 * output is byte-identical to running the pieces one by one.
 */
#ifndef KARTTA_JOBS_H
#define KARTTA_JOBS_H

#include <stddef.h>

#include "diag.h"

/*
 * Runs piece i for arg, reporting into dl; returns 0, or non-zero to
 * stop (an I/O error: no further pieces are started).
 */
typedef int (*jobs_fn)(void *arg, size_t i, struct diag_list *dl);

/* The number of workers to use by default: the cores online, 1 to 8. */
unsigned jobs_default(void);

/*
 * Runs pieces 0 … n-1 of fn: in this process, in order, when workers is
 * 0 or 1 (or fork fails); else in up to workers processes.  Returns 0,
 * or -1 if a piece stopped, a worker died or could not report (then
 * reported to dl).  A signal this process handles while it waits for
 * the workers stops them after the piece each is running (the build's
 * handlers ask it to stop: output.h); a worker whose parent is gone
 * stops by itself.
 */
int jobs_run(size_t n, unsigned workers, jobs_fn fn, void *arg,
    struct diag_list *dl);

#endif
