/*
 * A streaming RFC 4180 CSV reader for the data files of flows.  It reads
 * through a fixed-size buffer and keeps only the current record, so its
 * memory does not grow with the file.  Input must be UTF-8 (a leading
 * byte order mark is skipped); records end in LF or CRLF, and the last
 * one may lack its line end.  Fields may be quoted, with "" standing for
 * one quote, and quoted fields may hold commas and line ends.  Empty
 * lines are skipped.
 *
 * Problems are reported through diag_error with the file's display
 * path, line and column, at most CSV_MAX_ERRORS per file; csv_close
 * then adds one line saying how many more there were.
 */
#ifndef KARTTA_CSV_H
#define KARTTA_CSV_H

#include <stddef.h>

#include "diag.h"

#define CSV_MAX_RECORD 65536 /* bytes of one record, quotes included */
#define CSV_MAX_ERRORS 50    /* diagnostics shown per file */

struct csv_field {
	const char *s; /* NUL-terminated contents; valid until the next read */
	size_t len;    /* bytes, without the NUL */
	unsigned line; /* where the field starts, 1-based */
	unsigned col;  /* 1-based, in characters */
};

struct csv_row {
	const struct csv_field *fields; /* borrowed from the reader */
	size_t nfields;                 /* at least one */
	unsigned line;                  /* line where the record starts */
	int bad;                        /* a problem was reported: skip it */
};

struct csv;

/*
 * Opens path for reading; display is the path shown in diagnostics and
 * must outlive the reader, as must dl.  Returns NULL after reporting
 * when the file cannot be opened.  Free with csv_close.
 */
struct csv *csv_open(const char *path, const char *display,
    struct diag_list *dl);

/*
 * Reads the next record into row, whose fields stay valid until the next
 * call.  Returns 1 with a record (row->bad set when the record had a
 * problem, already reported: its fields may be incomplete), 0 at the end
 * of the input, or -1 after a reported problem that ends reading (a
 * read error, a quote never closed, a record longer than
 * CSV_MAX_RECORD).
 */
int csv_read(struct csv *c, struct csv_row *row);

/*
 * Reports an error at line and col of this file, counting it; past
 * CSV_MAX_ERRORS errors are only counted.
 */
void csv_error(struct csv *c, unsigned line, unsigned col,
    const char *fmt, ...) KARTTA_PRINTF(4, 5);

/* Returns the number of errors found in this file so far. */
size_t csv_errors(const struct csv *c);

/* Returns the path shown in diagnostics. */
const char *csv_display(const struct csv *c);

/*
 * Closes the file, reporting how many errors were not shown, and frees
 * the reader.  csv_close(NULL) does nothing.
 */
void csv_close(struct csv *c);

#endif
