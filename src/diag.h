/*
 * Diagnostics: every problem of a run is collected here with its source
 * position, then printed once, sorted by file and position, as
 * "FILE:LINE:COL: error|warning: MESSAGE" or as GitHub annotations.
 */
#ifndef KARTTA_DIAG_H
#define KARTTA_DIAG_H

#include <stdio.h>

#include "util.h"

/* A place in a source file.  file is borrowed from whoever loaded it. */
struct pos {
	const char *file; /* path as shown to the user */
	unsigned line;    /* 1-based; 0 means the file as a whole */
	unsigned col;     /* 1-based, in characters; 0 when unknown */
};

enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING,
};

enum diag_format {
	DIAG_FORMAT_PLAIN,  /* file:line:col: error: message */
	DIAG_FORMAT_GITHUB, /* ::error file=…,line=…,col=…::message */
	DIAG_FORMAT_SARIF,  /* SARIF 2.1.0 JSON: diag_print_sarif */
};

struct diag_list;

struct diag_list *diag_list_new(void);
void diag_list_free(struct diag_list *dl);

/* Records one problem; the message is formatted and copied. */
void diag_add(struct diag_list *dl, enum diag_severity sev, struct pos at,
    const char *fmt, ...) KARTTA_PRINTF(4, 5);
void diag_error(struct diag_list *dl, struct pos at, const char *fmt, ...)
    KARTTA_PRINTF(3, 4);
void diag_warning(struct diag_list *dl, struct pos at, const char *fmt, ...)
    KARTTA_PRINTF(3, 4);

size_t diag_errors(const struct diag_list *dl);
size_t diag_warnings(const struct diag_list *dl);

/* Sorts (file, line, col, then order of discovery) and prints all. */
void diag_print(struct diag_list *dl, FILE *out, enum diag_format fmt);

/*
 * The one-line summary at the end of a run, on out:
 * "kartta: 2 errors, 5 warnings" and "; " tail when tail is not NULL.
 */
void diag_print_summary(const struct diag_list *dl, FILE *out,
    const char *tail);

/*
 * Sorts and prints all as one SARIF 2.1.0 log (JSON) for GitHub code
 * scanning; version is kartta's.
 */
void diag_print_sarif(struct diag_list *dl, FILE *out, const char *version);

/*
 * Returns a copy of the UTF-8 text s safe to print on a terminal or in
 * a log line (caller frees): newline, CR and tab as \n, \r, \t, other
 * C0 controls, DEL, C1 controls and bytes of invalid UTF-8 as \xHH, and
 * the characters that reorder or hide text (U+061C, U+200E, U+200F,
 * U+2028-U+202E, U+2066-U+2069, U+FEFF) as \uHHHH.  Every diagnostic
 * is printed through it; the rest of the text is unchanged.
 */
char *diag_escape(const char *s);

/*
 * dl as bytes (appended to out) and back, appended to dl in the same
 * order: how a worker process sends what it found (jobs.h).  diag_read
 * returns 0, or -1 if data is not what diag_write writes.
 */
void diag_write(const struct diag_list *dl, struct buf *out);
int diag_read(struct diag_list *dl, const char *data, size_t len);

/* Adds a copy of every diagnostic of src to dst, each at at instead of
 * where it was (a drawing kept from an earlier build, whose entity may
 * have moved in its file since). */
void diag_copy_at(struct diag_list *dst, const struct diag_list *src,
    struct pos at);
/* Moves every diagnostic of src into dst; src is left empty. */
void diag_merge(struct diag_list *dst, struct diag_list *src);

#endif
