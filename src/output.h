/*
 * The output folder, and only that: which folder kartta may replace,
 * the lock that keeps two builds out of one output, the staging folder
 * a build writes into, the swap into place, and the cleaning up after
 * an interrupted or killed build.
 *
 * The output folder is kartta's alone.  It is replaced only when it is
 * missing, empty, or carries the marker OUTPUT_MARKER that every build
 * writes into it (an output of an earlier kartta, without the marker,
 * is recognised once by its own files).  It must never be, hold, or lie
 * inside the content or theme folder.  Everything else is refused.
 */
#ifndef KARTTA_OUTPUT_H
#define KARTTA_OUTPUT_H

#include "diag.h"

/* The marker file at the top of every output folder kartta writes. */
#define OUTPUT_MARKER ".kartta-output"

/* A folder kartta reads and so must never write into: the content
 * tree, the theme. */
struct output_tree {
	const char *path;   /* as given */
	const char *what;   /* "content", "theme": for messages */
};

struct output;

/*
 * Claims out_dir for one build: checks it against the trees and what
 * it holds, takes the lock beside it, removes what killed builds left
 * there, and makes a staging folder (with the marker) beside it.  From
 * then on SIGINT, SIGTERM and SIGHUP only set a flag (output_interrupted)
 * until output_release.  Returns KARTTA_EXIT_OK and *op, or
 * KARTTA_EXIT_USAGE (a folder kartta must not replace) or
 * KARTTA_EXIT_SYSTEM (I/O, or another build holds the lock), reported
 * in dl.
 */
int output_claim(const char *out_dir, const struct output_tree *trees,
    size_t ntrees, struct diag_list *dl, struct output **op);

/* The staging folder to write into (absolute); borrowed. */
const char *output_stage(const struct output *o);

/* The output folder being replaced (absolute), or NULL if there is
 * none yet; borrowed.  Only to be read: unchanged files are linked from
 * it into the stage. */
const char *output_previous(const struct output *o);

/* The signal that asked the build to stop, or 0. */
int output_interrupted(void);

/*
 * Swaps the staging folder into place and removes the old output (a
 * warning if it cannot be removed entirely).  Returns an exit status;
 * on failure the old output is back where it was.
 */
int output_commit(struct output *o, struct diag_list *dl);

/*
 * Removes the staging folder unless it was committed, drops the lock
 * and frees o (NULL is allowed).  If a signal asked the build to stop,
 * it is raised again here, after the cleaning up, so that kartta dies
 * of it as it would have.
 */
void output_release(struct output *o);

/*
 * For a single file written by kartta (export -o FILE): refuses a FILE
 * that is a folder, a link, anything but a regular file, or inside one
 * of the trees.  An existing regular file elsewhere is replaced.
 * Returns KARTTA_EXIT_OK or KARTTA_EXIT_USAGE, reported in dl.
 */
int output_check_file(const char *file, const struct output_tree *trees,
    size_t ntrees, struct diag_list *dl);

#endif
