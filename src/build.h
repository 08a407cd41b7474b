/*
 * Building: renders every page of every language of a resolved model
 * into a staging folder beside the output folder, copies the theme's
 * files and the content's assets, and only when all of it succeeded
 * swaps the staging folder into place.  A failed build leaves the
 * previous output untouched.
 */
#ifndef KARTTA_BUILD_H
#define KARTTA_BUILD_H

#include "diag.h"
#include "model.h"

/*
 * Builds the handbook of m with the theme in theme_dir into out_dir, on
 * up to jobs worker processes (0 or 1: in this one; jobs.h); the output
 * is the same for any number.
 * Returns an exit status: KARTTA_EXIT_OK, KARTTA_EXIT_CONTENT (problems
 * in dl) or KARTTA_EXIT_SYSTEM (I/O, reported in dl).
 */
int build_site(const struct model *m, const char *theme_dir,
    const char *out_dir, unsigned jobs, struct diag_list *dl);

/* The number of .html pages below out_dir (for the summary line). */
size_t build_count_pages(const char *out_dir);

#endif
