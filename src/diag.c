#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct diag {
	enum diag_severity sev; /* error or warning */
	char *file;             /* owned copy: positions may outlive files */
	unsigned line;          /* 1-based, 0 for the whole file */
	unsigned col;           /* 1-based, 0 when unknown */
	size_t seq;             /* order of discovery, for stable sorting */
	char *msg;              /* owned */
};

struct diag_list {
	struct diag *items; /* owned */
	size_t len;         /* used */
	size_t cap;         /* allocated */
	size_t nerrors;     /* how many are errors */
	size_t seq;         /* next sequence number */
};

struct diag_list *
diag_list_new(void)
{
	return xcalloc(1, sizeof(struct diag_list));
}

void
diag_list_free(struct diag_list *dl)
{
	size_t i;

	if (dl == NULL)
		return;
	for (i = 0; i < dl->len; i++) {
		free(dl->items[i].file);
		free(dl->items[i].msg);
	}
	free(dl->items);
	free(dl);
}

static void
diag_vadd(struct diag_list *dl, enum diag_severity sev, struct pos at,
    const char *fmt, va_list ap)
{
	struct diag *d = array_push(&dl->items, &dl->len, &dl->cap,
	    sizeof(*d));

	d->sev = sev;
	d->file = xstrdup(at.file ? at.file : "kartta");
	d->line = at.line;
	d->col = at.col;
	d->seq = dl->seq++;
	d->msg = xvasprintf(fmt, ap);
	if (sev == DIAG_ERROR)
		dl->nerrors++;
}

void
diag_add(struct diag_list *dl, enum diag_severity sev, struct pos at,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(dl, sev, at, fmt, ap);
	va_end(ap);
}

void
diag_error(struct diag_list *dl, struct pos at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(dl, DIAG_ERROR, at, fmt, ap);
	va_end(ap);
}

void
diag_warning(struct diag_list *dl, struct pos at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(dl, DIAG_WARNING, at, fmt, ap);
	va_end(ap);
}

size_t
diag_errors(const struct diag_list *dl)
{
	return dl->nerrors;
}

size_t
diag_warnings(const struct diag_list *dl)
{
	return dl->len - dl->nerrors;
}

static int
diag_cmp(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (c != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * Returns the code point of the UTF-8 sequence at s (n bytes of it are
 * valid, set in *n), or -1 with *n = 1 for a byte that starts no valid
 * sequence.
 */
static long
utf8_at(const unsigned char *s, size_t *n)
{
	long cp;
	size_t len, i;

	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	*n = 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		cp = s[0] & 0x07;
	} else
		return -1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and beyond U+10FFFF. */
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return -1;
	*n = len;
	return cp;
}

/*
 * Non-zero for a code point that must not reach a terminal or a log as
 * it is: C0 controls (newline, CR, ESC…), DEL, C1 controls, and the
 * characters that reorder or hide text (bidirectional marks, embeddings,
 * overrides and isolates, line and paragraph separators, BOM).
 */
static int
unsafe_cp(long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C ||
	    cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

char *
diag_escape(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	struct buf b = { 0 };
	size_t n;
	long cp;

	while (*s) {
		cp = utf8_at(s, &n);
		if (cp == '\n')
			buf_puts(&b, "\\n");
		else if (cp == '\r')
			buf_puts(&b, "\\r");
		else if (cp == '\t')
			buf_puts(&b, "\\t");
		else if (cp < 0 || (cp < 0x100 && unsafe_cp(cp)))
			buf_printf(&b, "\\x%02X", cp < 0 ? s[0] : (unsigned)cp);
		else if (unsafe_cp(cp))
			buf_printf(&b, "\\u%04lX", cp);
		else
			buf_append(&b, s, n);
		s += n;
	}
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

/*
 * GitHub workflow commands end at a newline and treat '%', '\r', '\n'
 * (and in properties also ':' and ',') as syntax, so they are escaped.
 */
static void
print_github_escaped(FILE *out, const char *s, int property)
{
	for (; *s; s++) {
		if (*s == '%')
			fputs("%25", out);
		else if (*s == '\r')
			fputs("%0D", out);
		else if (*s == '\n')
			fputs("%0A", out);
		else if (property && *s == ':')
			fputs("%3A", out);
		else if (property && *s == ',')
			fputs("%2C", out);
		else
			fputc(*s, out);
	}
}

/*
 * Sorts, then drops exact repeats (one CSV read by two flows reports its
 * problems twice): each problem is told once.
 */
static void
diag_sort_unique(struct diag_list *dl)
{
	size_t i, kept = 0;

	if (dl->len > 1)
		qsort(dl->items, dl->len, sizeof(*dl->items), diag_cmp);
	dl->nerrors = 0;
	for (i = 0; i < dl->len; i++) {
		struct diag *d = &dl->items[i];

		if (kept > 0) {
			struct diag *p = &dl->items[kept - 1];

			if (p->sev == d->sev && p->line == d->line &&
			    p->col == d->col && strcmp(p->file, d->file) == 0 &&
			    strcmp(p->msg, d->msg) == 0) {
				free(d->file);
				free(d->msg);
				continue;
			}
		}
		if (d->sev == DIAG_ERROR)
			dl->nerrors++;
		dl->items[kept++] = *d;
	}
	dl->len = kept;
}

void
diag_print(struct diag_list *dl, FILE *out, enum diag_format fmt)
{
	size_t i;

	diag_sort_unique(dl);
	for (i = 0; i < dl->len; i++) {
		const struct diag *d = &dl->items[i];
		const char *sev = d->sev == DIAG_ERROR ? "error" : "warning";

		/* The contract is FILE:LINE:COL for every problem: one about
		 * a file as a whole is told at its start. */
		unsigned line = d->line ? d->line : 1;
		unsigned col = d->line && d->col ? d->col : 1;

		/* Names and values come from the content: escaped, so that
		 * none can start a line of its own or drive the terminal. */
		char *file = diag_escape(d->file), *msg = diag_escape(d->msg);

		if (fmt == DIAG_FORMAT_GITHUB) {
			fprintf(out, "::%s file=", sev);
			print_github_escaped(out, file, 1);
			fprintf(out, ",line=%u,col=%u::", line, col);
			print_github_escaped(out, msg, 0);
			fputc('\n', out);
		} else
			fprintf(out, "%s:%u:%u: %s: %s\n", file, line, col,
			    sev, msg);
		free(file);
		free(msg);
	}
}

/* Each diagnostic as "E" or "W", line, column, file and message, each
 * ended by a NUL (no field holds one). */
void
diag_write(const struct diag_list *dl, struct buf *out)
{
	size_t i;

	for (i = 0; i < dl->len; i++) {
		const struct diag *d = &dl->items[i];

		buf_printf(out, "%c%u", d->sev == DIAG_ERROR ? 'E' : 'W',
		    d->line);
		buf_append(out, "", 1);
		buf_printf(out, "%u", d->col);
		buf_append(out, "", 1);
		buf_append(out, d->file, strlen(d->file) + 1);
		buf_append(out, d->msg, strlen(d->msg) + 1);
	}
}

/* The NUL-ended field at *p, moving past it; NULL if there is none. */
static const char *
field(const char **p, const char *end)
{
	const char *s = *p, *nul = memchr(s, '\0', (size_t)(end - s));

	if (nul == NULL)
		return NULL;
	*p = nul + 1;
	return s;
}

int
diag_read(struct diag_list *dl, const char *data, size_t len)
{
	const char *p = data, *end = data + len;

	while (p < end) {
		const char *line, *col, *file, *msg;
		struct pos at;
		char sev = *p++;

		if ((sev != 'E' && sev != 'W') ||
		    (line = field(&p, end)) == NULL ||
		    (col = field(&p, end)) == NULL ||
		    (file = field(&p, end)) == NULL ||
		    (msg = field(&p, end)) == NULL)
			return -1;
		at.file = file;
		at.line = (unsigned)strtoul(line, NULL, 10);
		at.col = (unsigned)strtoul(col, NULL, 10);
		diag_add(dl, sev == 'E' ? DIAG_ERROR : DIAG_WARNING, at, "%s",
		    msg);
	}
	return 0;
}

void
diag_copy_at(struct diag_list *dst, const struct diag_list *src,
    struct pos at)
{
	size_t i;

	for (i = 0; i < src->len; i++)
		diag_add(dst, src->items[i].sev, at, "%s", src->items[i].msg);
}

void
diag_merge(struct diag_list *dst, struct diag_list *src)
{
	size_t i;

	for (i = 0; i < src->len; i++) {
		struct diag *d = array_push(&dst->items, &dst->len, &dst->cap,
		    sizeof(*d));

		*d = src->items[i];
		d->seq = dst->seq++;
		if (d->sev == DIAG_ERROR)
			dst->nerrors++;
	}
	free(src->items);
	src->items = NULL;
	src->len = src->cap = 0;
	src->nerrors = 0;
}

void
diag_print_summary(const struct diag_list *dl, FILE *out, const char *tail)
{
	size_t e = diag_errors(dl), w = diag_warnings(dl);

	fprintf(out, "kartta: %zu error%s, %zu warning%s%s%s\n", e,
	    e == 1 ? "" : "s", w, w == 1 ? "" : "s", tail ? "; " : "",
	    tail ? tail : "");
}

/* A JSON string: quotes, backslashes and control characters escaped. */
static void
print_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c < 0x20 || c == 0x7F)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/* A relative file path as a URI reference: every byte but unreserved
 * characters and '/' percent-encoded. */
static void
print_json_uri(FILE *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";

	fputc('"', out);
	for (; *path; path++) {
		unsigned char c = (unsigned char)*path;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
		    c == '~' || c == '/')
			fputc(c, out);
		else
			fprintf(out, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
	fputc('"', out);
}

/*
 * SARIF 2.1.0, one run, one result per diagnostic in sorted order; for
 * GitHub code scanning, which shows every result (workflow annotations
 * stop at 10 a step).  Columns are Unicode code points, as kartta counts
 * them, and the run says so (columnKind).
 */
void
diag_print_sarif(struct diag_list *dl, FILE *out, const char *version)
{
	size_t i;

	diag_sort_unique(dl);
	fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0."
	    "json\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
	    "      \"tool\": {\n        \"driver\": {\n"
	    "          \"name\": \"kartta\",\n          \"version\": ", out);
	print_json_string(out, version);
	fputs(",\n          \"rules\": [\n"
	    "            {\n              \"id\": \"content\",\n"
	    "              \"shortDescription\": { \"text\": \"A problem in "
	    "the handbook's content\" }\n            }\n          ]\n"
	    "        }\n      },\n"
	    "      \"columnKind\": \"unicodeCodePoints\",\n"
	    "      \"results\": [", out);
	for (i = 0; i < dl->len; i++) {
		const struct diag *d = &dl->items[i];
		unsigned line = d->line ? d->line : 1;
		unsigned col = d->line && d->col ? d->col : 1;

		char *msg = diag_escape(d->msg);

		fputs(i ? ",\n" : "\n", out);
		fprintf(out, "        {\n          \"ruleId\": \"content\",\n"
		    "          \"level\": \"%s\",\n"
		    "          \"message\": { \"text\": ",
		    d->sev == DIAG_ERROR ? "error" : "warning");
		/* Shown as it is by viewers: escaped as in plain text.  The
		 * URI below stays exact (percent-encoding is safe). */
		print_json_string(out, msg);
		free(msg);
		fputs(" },\n          \"locations\": [\n            {\n"
		    "              \"physicalLocation\": {\n"
		    "                \"artifactLocation\": { \"uri\": ", out);
		print_json_uri(out, d->file);
		fprintf(out, " },\n                \"region\": { \"startLine\": "
		    "%u, \"startColumn\": %u }\n              }\n            }\n"
		    "          ]\n        }", line, col);
	}
	fputs(dl->len ? "\n      ]\n    }\n  ]\n}\n" : "]\n    }\n  ]\n}\n",
	    out);
}
