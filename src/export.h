/*
 * `kartta export`: one diagram of a content tree written to a file as
 * SVG, PDF or PNG, for workshops and print.  The drawing is the
 * diagram module's; this module resolves the reference, picks the paper
 * and writes the file without ever leaving half of one behind.
 */
#ifndef KARTTA_EXPORT_H
#define KARTTA_EXPORT_H

#include "diag.h"
#include "diagram.h"
#include "model.h"

struct export_opts {
	const char *ref;          /* "map:id", "path:id" or "decision:id" */
	enum diagram_format fmt;  /* what to write */
	int paper;                /* enum paper, or -1: the map's own paper
	                           * (A3, or A4 for the other kinds, in the
	                           * drawing's orientation) */
	int notes;                /* a margin for notes (a map may ask for
	                           * one itself) */
	const char *lang;         /* language code, or NULL: the first */
	unsigned dpi;             /* PNG pixels per inch; 0: 150 */
	const char *file;         /* where to write; "-" is standard output */
};

/* Sets *fmt from "svg", "pdf" or "png"; returns 0 if s is none of them. */
int export_format_parse(const char *s, enum diagram_format *fmt);
/* Sets *fmt from a file name's extension; returns 0 if it has none of
 * them. */
int export_format_from_file(const char *file, enum diagram_format *fmt);
/* Returns the enum paper named s ("A3-landscape", "A2"…), or -1. */
int export_paper_parse(const char *s);

/*
 * Draws o->ref of m and writes it to o->file (through a temporary file
 * renamed into place; never over a folder, a link, a special file or
 * a file inside the content folder: output_check_file).  Problems go
 * to dl.  Returns an exit status:
 * KARTTA_EXIT_OK, KARTTA_EXIT_CONTENT (no such entity, or it cannot be
 * drawn), KARTTA_EXIT_USAGE (a FILE kartta must not replace) or
 * KARTTA_EXIT_SYSTEM (the file cannot be written).
 */
int export_run(const struct model *m, const struct export_opts *o,
    struct diag_list *dl);

#endif
