#include "csv.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CSV_BUFSIZE 65536 /* bytes read at a time */

enum csv_state {
	CSV_FIELD_START, /* at the start of a field */
	CSV_UNQUOTED,    /* inside an unquoted field */
	CSV_QUOTED,      /* inside a quoted field */
	CSV_AFTER_QUOTE, /* just after a quote inside a quoted field */
};

struct csv {
	FILE *fp;                 /* owned */
	const char *display;      /* borrowed: path as shown */
	struct diag_list *dl;     /* borrowed */
	unsigned char *in;        /* owned read buffer of CSV_BUFSIZE */
	size_t inpos;             /* next unread byte of in */
	size_t inlen;             /* bytes held in in */
	int eof;                  /* nothing more to read */
	int ioerr;                /* errno of a failed read, or 0 */
	unsigned line;            /* position of the next byte */
	unsigned col;             /* in characters */
	unsigned u8need;          /* UTF-8 continuation bytes expected */
	unsigned char u8lo;       /* range allowed for the next one */
	unsigned char u8hi;
	char *rec;                /* owned: fields of the record, NUL-ended */
	size_t reclen;            /* bytes used in rec */
	size_t reccap;            /* bytes allocated */
	struct csv_field *fields; /* owned */
	size_t nfields;           /* used */
	size_t fieldcap;          /* allocated */
	size_t nerrors;           /* errors found in this file */
	unsigned moreline;        /* where the first unshown error was */
	unsigned morecol;
};

struct csv *
csv_open(const char *path, const char *display, struct diag_list *dl)
{
	struct csv *c;
	FILE *fp = fopen(path, "rb");

	if (fp == NULL) {
		struct pos at = { display, 0, 0 };

		diag_error(dl, at, "cannot open the data file: %s",
		    strerror(errno));
		return NULL;
	}
	c = xcalloc(1, sizeof(*c));
	c->fp = fp;
	c->display = display;
	c->dl = dl;
	c->in = xmalloc(CSV_BUFSIZE);
	c->line = c->col = 1;
	c->u8lo = 0x80;
	c->u8hi = 0xBF;
	return c;
}

void
csv_close(struct csv *c)
{
	if (c == NULL)
		return;
	if (c->nerrors > CSV_MAX_ERRORS) {
		struct pos at = { c->display, c->moreline, c->morecol };

		diag_error(c->dl, at,
		    "%zu more errors in this file, from here on, not shown",
		    c->nerrors - CSV_MAX_ERRORS);
	}
	fclose(c->fp);
	free(c->in);
	free(c->rec);
	free(c->fields);
	free(c);
}

void
csv_error(struct csv *c, unsigned line, unsigned col, const char *fmt, ...)
{
	struct pos at = { c->display, line, col };
	va_list ap;
	char *msg;

	if (++c->nerrors > CSV_MAX_ERRORS) {
		if (c->nerrors == CSV_MAX_ERRORS + 1) {
			c->moreline = line;
			c->morecol = col;
		}
		return;
	}
	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	diag_error(c->dl, at, "%s", msg);
	free(msg);
}

size_t
csv_errors(const struct csv *c)
{
	return c->nerrors;
}

const char *
csv_display(const struct csv *c)
{
	return c->display;
}

/*
 * Refills the read buffer.  Returns 0 at the end of the input or after a
 * read error (kept in ioerr).  The very first fill skips a byte order
 * mark.
 */
static int
csv_fill(struct csv *c)
{
	int first = c->inlen == 0 && c->line == 1 && c->col == 1;
	size_t n;

	if (c->eof)
		return 0;
	n = fread(c->in, 1, CSV_BUFSIZE, c->fp);
	if (n == 0) {
		if (ferror(c->fp))
			c->ioerr = errno ? errno : EIO;
		c->eof = 1;
		return 0;
	}
	c->inpos = 0;
	c->inlen = n;
	if (first && n >= 3 && c->in[0] == 0xEF && c->in[1] == 0xBB &&
	    c->in[2] == 0xBF) {
		c->inpos = 3;
		if (n == 3)
			return csv_fill(c);
	}
	return 1;
}

/* Returns the next byte without taking it, or EOF. */
static int
csv_peek(struct csv *c)
{
	if (c->inpos == c->inlen && !csv_fill(c))
		return EOF;
	return c->in[c->inpos];
}

/*
 * Checks one byte against the UTF-8 decoder state.  Returns 0 when the
 * byte cannot come here (the state is then reset).
 */
static int
csv_utf8_step(struct csv *c, int ch)
{
	if (c->u8need) {
		if (ch < c->u8lo || ch > c->u8hi) {
			c->u8need = 0;
			c->u8lo = 0x80;
			c->u8hi = 0xBF;
			return 0;
		}
		c->u8need--;
		c->u8lo = 0x80;
		c->u8hi = 0xBF;
		return 1;
	}
	if (ch < 0x80)
		return 1;
	if (ch >= 0xC2 && ch <= 0xDF)
		c->u8need = 1;
	else if (ch == 0xE0) {
		c->u8need = 2;
		c->u8lo = 0xA0; /* no overlong forms */
	} else if (ch == 0xED) {
		c->u8need = 2;
		c->u8hi = 0x9F; /* no surrogates */
	} else if (ch >= 0xE1 && ch <= 0xEF)
		c->u8need = 2;
	else if (ch == 0xF0) {
		c->u8need = 3;
		c->u8lo = 0x90;
	} else if (ch >= 0xF1 && ch <= 0xF3)
		c->u8need = 3;
	else if (ch == 0xF4) {
		c->u8need = 3;
		c->u8hi = 0x8F; /* nothing past U+10FFFF */
	} else
		return 0;
	return 1;
}

static void
csv_putc(struct csv *c, int ch)
{
	if (c->reclen == c->reccap) {
		c->reccap = c->reccap ? c->reccap * 2 : 256;
		c->rec = xrealloc(c->rec, c->reccap);
	}
	c->rec[c->reclen++] = (char)ch;
}

static void
csv_field_begin(struct csv *c, unsigned line, unsigned col)
{
	struct csv_field *f = array_push(&c->fields, &c->nfields,
	    &c->fieldcap, sizeof(*f));

	f->line = line;
	f->col = col;
	f->len = c->reclen; /* the offset, until the field ends */
}

static void
csv_field_end(struct csv *c)
{
	struct csv_field *f = &c->fields[c->nfields - 1];

	f->len = c->reclen - f->len;
	csv_putc(c, '\0');
}

/*
 * Reads one record into rec and fields.  Returns 1 with a record (*bad
 * set when a problem in it was reported), 0 at the end of the input,
 * -1 after a problem that ends reading.  *blank is set for an empty
 * line.
 */
static int
csv_record(struct csv *c, int *bad, int *blank)
{
	enum csv_state st = CSV_FIELD_START;
	unsigned qline = 0, qcol = 0; /* where the open quote is */
	unsigned line, col;
	int consumed = 0, quoted = 0, ch;

	c->reclen = 0;
	c->nfields = 0;
	*bad = *blank = 0;
	csv_field_begin(c, c->line, c->col);
	for (;;) {
		if (c->inpos == c->inlen && !csv_fill(c)) {
			if (c->ioerr) {
				csv_error(c, c->line, c->col,
				    "cannot read the data file: %s",
				    strerror(c->ioerr));
				return -1;
			}
			if (c->u8need) {
				c->u8need = 0;
				csv_error(c, c->line, c->col,
				    "the file ends inside a UTF-8 sequence");
				*bad = 1;
			}
			if (st == CSV_QUOTED) {
				csv_error(c, qline, qcol, "this quoted field "
				    "is never closed: a quote is missing");
				return -1;
			}
			if (!consumed)
				return 0;
			csv_field_end(c);
			return 1;
		}
		line = c->line;
		col = c->col;
		ch = c->in[c->inpos++];
		consumed = 1;
		if (ch == '\n') {
			c->line++;
			c->col = 1;
		} else if ((ch & 0xC0) != 0x80)
			c->col++;
		if ((ch >= 0x80 || c->u8need) && !csv_utf8_step(c, ch) &&
		    !*bad) {
			csv_error(c, line, col, "invalid UTF-8: the data file "
			    "must be saved as UTF-8");
			*bad = 1;
		}
		if (ch == '\0' && !*bad) {
			csv_error(c, line, col, "a NUL byte: is this a CSV "
			    "text file?");
			*bad = 1;
		}
		if (c->reclen >= CSV_MAX_RECORD) {
			if (st == CSV_QUOTED)
				csv_error(c, qline, qcol, "this quoted field "
				    "runs on for over %d bytes: a quote is "
				    "missing", CSV_MAX_RECORD);
			else
				csv_error(c, c->fields[0].line,
				    c->fields[0].col, "a row longer than %d "
				    "bytes", CSV_MAX_RECORD);
			return -1;
		}
		switch (st) {
		case CSV_QUOTED:
			if (ch == '"')
				st = CSV_AFTER_QUOTE;
			else
				csv_putc(c, ch);
			continue;
		case CSV_AFTER_QUOTE:
			if (ch == '"') {
				csv_putc(c, ch);
				st = CSV_QUOTED;
				continue;
			}
			break;
		case CSV_FIELD_START:
			if (ch == '"') {
				st = CSV_QUOTED;
				quoted = 1;
				qline = line;
				qcol = col;
				continue;
			}
			break;
		case CSV_UNQUOTED:
			break;
		}
		/* Outside quotes. */
		if (ch == ',') {
			csv_field_end(c);
			csv_field_begin(c, c->line, c->col);
			st = CSV_FIELD_START;
			continue;
		}
		if (ch == '\r') {
			if (csv_peek(c) == '\n') {
				c->inpos++;
				c->line++;
				c->col = 1;
			} else if (!*bad) {
				csv_error(c, line, col, "a carriage return "
				    "without a line feed: lines must end in "
				    "LF or CRLF");
				*bad = 1;
			}
			ch = '\n';
		}
		if (ch == '\n') {
			csv_field_end(c);
			*blank = c->nfields == 1 && c->fields[0].len == 0 &&
			    !quoted;
			return 1;
		}
		if (st == CSV_AFTER_QUOTE && !*bad) {
			csv_error(c, line, col, "expected a comma or the end "
			    "of the line after the closing quote");
			*bad = 1;
		} else if (ch == '"' && !*bad) {
			csv_error(c, line, col, "a quote inside an unquoted "
			    "field: quote the whole field and double the "
			    "quotes inside it");
			*bad = 1;
		}
		csv_putc(c, ch);
		st = CSV_UNQUOTED;
	}
}

int
csv_read(struct csv *c, struct csv_row *row)
{
	int r, bad, blank;
	size_t i;
	char *s;

	do
		r = csv_record(c, &bad, &blank);
	while (r == 1 && blank && !bad);
	if (r <= 0)
		return r;
	for (s = c->rec, i = 0; i < c->nfields; i++) {
		c->fields[i].s = s;
		s += c->fields[i].len + 1;
	}
	row->fields = c->fields;
	row->nfields = c->nfields;
	row->line = c->fields[0].line;
	row->bad = bad;
	return 1;
}
