/*
 * kartta serve: a live preview.  Builds the handbook, serves the output
 * on 127.0.0.1 over HTTP (libmicrohttpd; this module alone uses it),
 * watches the content and the theme with inotify, rebuilds on a change
 * and has open pages reload.  A failed rebuild keeps the last good site
 * and shows its diagnostics on the terminal and at the top of every
 * page.  The reloading script and the banner are added to pages as they
 * are served, never written into the output.
 *
 * Only files below the output are served: no "..", no hidden names, no
 * symbolic link at any level, only regular files.
 */
#ifndef KARTTA_SERVE_H
#define KARTTA_SERVE_H

#include <stdio.h>
#include <sys/stat.h>

#define SERVE_DEFAULT_PORT 8080
#define SERVE_MAX_CONNECTIONS 32 /* open at once; more wait in the queue */
#define SERVE_TIMEOUT 30         /* seconds an idle connection is kept */

struct serve_opts {
	const char *content;  /* the content tree, watched */
	const char *theme;    /* the theme folder, watched */
	const char *output;   /* where to build, or NULL: a folder of its
	                       * own below $TMPDIR, removed at the end */
	unsigned port;        /* 0: any free port */
	int quiet;            /* fewer lines on the terminal */
	/* Builds into out_dir, printing diagnostics and the summary on
	 * err; returns an exit status (KARTTA_EXIT_*). */
	int (*build)(void *arg, const char *out_dir, FILE *err);
	void *arg;            /* for build */
};

/*
 * Builds, serves and rebuilds until SIGINT or SIGTERM.  Prints the
 * address on standard output.  Returns KARTTA_EXIT_OK after a signal,
 * KARTTA_EXIT_SYSTEM when it cannot listen or watch.
 */
int serve_run(const struct serve_opts *o);

/*
 * Opens the file that the decoded URL path url names below root,
 * following no symbolic link (root included) and refusing "." and ".."
 * and hidden names; a path ending in '/' means its index.html.  Returns
 * a descriptor with *st filled, or -1 with errno: ENOENT (nothing
 * there), EACCES (refused), EISDIR (a folder named without its
 * trailing '/': redirect).
 */
int serve_open(const char *root, const char *url, struct stat *st);

#endif
