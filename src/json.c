#include "json.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct jp {
	const char *s;      /* the text */
	size_t len, i;      /* its length, the next byte */
	size_t line_start;  /* offset of the current line */
	unsigned line;      /* 1-based */
	const char *file;
	struct diag_list *dl;
	int failed;
	unsigned depth;
};

static struct pos
jp_pos(const struct jp *p, size_t at)
{
	struct pos pos;

	pos.file = p->file;
	pos.line = p->line;
	pos.col = (unsigned)utf8_count(p->s + p->line_start,
	    at - p->line_start) + 1;
	return pos;
}

static void
jp_fail(struct jp *p, size_t at, const char *what)
{
	if (p->failed)
		return;
	p->failed = 1;
	diag_error(p->dl, jp_pos(p, at), "JSON syntax error: %s", what);
}

static void
jp_space(struct jp *p)
{
	while (p->i < p->len) {
		char c = p->s[p->i];

		if (c == '\n') {
			p->line++;
			p->line_start = ++p->i;
		} else if (c == ' ' || c == '\t' || c == '\r')
			p->i++;
		else
			break;
	}
}

static struct json *
jp_new(struct jp *p, enum json_type t)
{
	struct json *j = xcalloc(1, sizeof(*j));

	j->type = t;
	j->pos = jp_pos(p, p->i);
	return j;
}

static void
jp_push(struct json *j, struct json *item)
{
	j->items = xreallocarray(j->items, j->n + 1, sizeof(*j->items));
	j->items[j->n++] = item;
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Four hex digits at p->i; -1 when they are not. */
static long
jp_hex4(struct jp *p)
{
	long v = 0;
	int i, h;

	if (p->len - p->i < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if ((h = hexval(p->s[p->i + (size_t)i])) < 0)
			return -1;
		v = v * 16 + h;
	}
	p->i += 4;
	return v;
}

static void
put_utf8(struct buf *b, unsigned long c)
{
	char u[4];

	if (c < 0x80) {
		buf_putc(b, (char)c);
		return;
	}
	if (c < 0x800) {
		u[0] = (char)(0xC0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3F));
		buf_append(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | c >> 12);
		u[1] = (char)(0x80 | (c >> 6 & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		buf_append(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | c >> 18);
		u[1] = (char)(0x80 | (c >> 12 & 0x3F));
		u[2] = (char)(0x80 | (c >> 6 & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		buf_append(b, u, 4);
	}
}

static struct json *
jp_string(struct jp *p)
{
	struct json *j = jp_new(p, JSON_STRING);
	struct buf b = { 0 };
	size_t open = p->i++;

	for (;;) {
		unsigned char c;

		if (p->i >= p->len || p->s[p->i] == '\n') {
			jp_fail(p, open, "a string is not closed");
			break;
		}
		c = (unsigned char)p->s[p->i];
		if (c == '"') {
			p->i++;
			break;
		}
		if (c < 0x20) {
			jp_fail(p, p->i, "a control character in a string "
			    "(write it as \\u00XX)");
			break;
		}
		if (c != '\\') {
			buf_putc(&b, (char)c);
			p->i++;
			continue;
		}
		if (++p->i >= p->len) {
			jp_fail(p, open, "a string is not closed");
			break;
		}
		switch (p->s[p->i++]) {
		case '"': buf_putc(&b, '"'); break;
		case '\\': buf_putc(&b, '\\'); break;
		case '/': buf_putc(&b, '/'); break;
		case 'b': buf_putc(&b, '\b'); break;
		case 'f': buf_putc(&b, '\f'); break;
		case 'n': buf_putc(&b, '\n'); break;
		case 'r': buf_putc(&b, '\r'); break;
		case 't': buf_putc(&b, '\t'); break;
		case 'u': {
			size_t at = p->i - 2;
			long u = jp_hex4(p), lo;

			if (u < 0) {
				jp_fail(p, at, "\\u needs four hex digits");
				break;
			}
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (p->len - p->i < 2 || p->s[p->i] != '\\' ||
				    p->s[p->i + 1] != 'u') {
					jp_fail(p, at, "a lone surrogate in "
					    "\\u escapes");
					break;
				}
				p->i += 2;
				lo = jp_hex4(p);
				if (lo < 0xDC00 || lo > 0xDFFF) {
					jp_fail(p, at, "a lone surrogate in "
					    "\\u escapes");
					break;
				}
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (lo - 0xDC00);
			} else if (u >= 0xDC00 && u <= 0xDFFF) {
				jp_fail(p, at, "a lone surrogate in \\u "
				    "escapes");
				break;
			} else if (u == 0) {
				jp_fail(p, at, "\\u0000 (a NUL) in a string");
				break;
			}
			put_utf8(&b, (unsigned long)u);
			break;
		}
		default:
			jp_fail(p, p->i - 2, "an unknown escape in a string");
		}
		if (p->failed)
			break;
	}
	j->len = b.len;
	j->s = buf_detach(&b);
	return j;
}

static struct json *
jp_number(struct jp *p)
{
	struct json *j = jp_new(p, JSON_NUMBER);
	size_t start = p->i;
	int digits;

	if (p->s[p->i] == '-')
		p->i++;
	if (p->i < p->len && p->s[p->i] == '0')
		p->i++;
	else {
		for (digits = 0; p->i < p->len && p->s[p->i] >= '0' &&
		    p->s[p->i] <= '9'; digits++)
			p->i++;
		if (digits == 0)
			jp_fail(p, start, "a number needs digits");
	}
	if (!p->failed && p->i < p->len && p->s[p->i] == '.') {
		p->i++;
		for (digits = 0; p->i < p->len && p->s[p->i] >= '0' &&
		    p->s[p->i] <= '9'; digits++)
			p->i++;
		if (digits == 0)
			jp_fail(p, start, "a number needs digits after '.'");
	}
	if (!p->failed && p->i < p->len && (p->s[p->i] == 'e' ||
	    p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->len && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		for (digits = 0; p->i < p->len && p->s[p->i] >= '0' &&
		    p->s[p->i] <= '9'; digits++)
			p->i++;
		if (digits == 0)
			jp_fail(p, start, "a number needs digits in its "
			    "exponent");
	}
	j->s = xstrndup(p->s + start, p->i - start);
	j->len = p->i - start;
	return j;
}

static struct json *jp_value(struct jp *p);

/* An array or object after its opening bracket. */
static struct json *
jp_list(struct jp *p, int object)
{
	struct json *j = jp_new(p, object ? JSON_OBJECT : JSON_ARRAY);
	char close = object ? '}' : ']';

	if (++p->depth > JSON_MAX_DEPTH) {
		jp_fail(p, p->i, "nesting deeper than 64 levels");
		return j;
	}
	p->i++;
	jp_space(p);
	if (p->i < p->len && p->s[p->i] == close) {
		p->i++;
		p->depth--;
		return j;
	}
	while (!p->failed) {
		jp_space(p);
		if (object) {
			if (p->i >= p->len || p->s[p->i] != '"') {
				jp_fail(p, p->i, "expected a key in quotes");
				break;
			}
			jp_push(j, jp_string(p));
			jp_space(p);
			if (p->failed)
				break;
			if (p->i >= p->len || p->s[p->i] != ':') {
				jp_fail(p, p->i, "expected ':' after a key");
				break;
			}
			p->i++;
		}
		jp_push(j, jp_value(p));
		if (p->failed)
			break;
		jp_space(p);
		if (p->i < p->len && p->s[p->i] == ',') {
			p->i++;
			jp_space(p);
			if (p->i < p->len && p->s[p->i] == close)
				jp_fail(p, p->i, "a comma before the end");
			continue;
		}
		if (p->i < p->len && p->s[p->i] == close) {
			p->i++;
			break;
		}
		jp_fail(p, p->i, object ? "expected ',' or '}'" :
		    "expected ',' or ']'");
	}
	p->depth--;
	return j;
}

static int
jp_word(struct jp *p, const char *w)
{
	size_t n = strlen(w);

	if (p->len - p->i >= n && memcmp(p->s + p->i, w, n) == 0) {
		p->i += n;
		return 1;
	}
	return 0;
}

static struct json *
jp_value(struct jp *p)
{
	struct json *j;
	char c;

	jp_space(p);
	if (p->i >= p->len) {
		jp_fail(p, p->i, "expected a value");
		return jp_new(p, JSON_NULL);
	}
	c = p->s[p->i];
	if (c == '{' || c == '[')
		return jp_list(p, c == '{');
	if (c == '"')
		return jp_string(p);
	if (c == '-' || (c >= '0' && c <= '9'))
		return jp_number(p);
	j = jp_new(p, JSON_NULL);
	if (jp_word(p, "null"))
		return j;
	j->type = JSON_BOOL;
	if (jp_word(p, "true")) {
		j->b = 1;
		return j;
	}
	if (jp_word(p, "false"))
		return j;
	jp_fail(p, p->i, "expected a value (an object, a list, a string, a "
	    "number, true, false or null)");
	return j;
}

struct json *
json_parse(const char *text, size_t len, const char *file,
    struct diag_list *dl)
{
	struct jp p;
	struct json *j;
	size_t bad;

	memset(&p, 0, sizeof(p));
	p.s = text;
	p.len = len;
	p.line = 1;
	p.file = file;
	p.dl = dl;
	if (!utf8_valid(text, len, &bad)) {
		/* Position of the bad byte: count lines up to it. */
		size_t i;

		for (i = 0; i < bad; i++)
			if (text[i] == '\n') {
				p.line++;
				p.line_start = i + 1;
			}
		diag_error(dl, jp_pos(&p, bad), "invalid UTF-8 (byte 0x%02X); "
		    "save the file as UTF-8", (unsigned char)text[bad]);
		return NULL;
	}
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		p.i = p.line_start = 3;
	j = jp_value(&p);
	if (!p.failed) {
		jp_space(&p);
		if (p.i < p.len)
			jp_fail(&p, p.i, "something after the value");
	}
	if (p.failed) {
		json_free(j);
		return NULL;
	}
	return j;
}

void
json_free(struct json *j)
{
	size_t i;

	if (j == NULL)
		return;
	for (i = 0; i < j->n; i++)
		json_free(j->items[i]);
	free(j->items);
	free(j->s);
	free(j);
}

const char *
json_describe(const struct json *j)
{
	switch (j->type) {
	case JSON_NULL:
		return "null";
	case JSON_BOOL:
		return "a boolean";
	case JSON_NUMBER:
		return "a number";
	case JSON_STRING:
		return "a string";
	case JSON_ARRAY:
		return "a list";
	case JSON_OBJECT:
		return "an object";
	}
	return "a value";
}
