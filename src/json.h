/*
 * JSON (RFC 8259) as a small tree that keeps the position of every
 * value, for reading back what kartta published (edition.c).  Strict:
 * no comments, no trailing commas, no NaN; strings are UTF-8; nesting
 * is limited.  Every problem is reported at its line and column.
 *
 * Not through libyaml (ydoc.c): libyaml reads YAML 1.1, which is not a
 * superset of JSON (no "\/" escape, implicit keys limited to 1024
 * characters), and would accept much that is not JSON; a file that is
 * not exactly what kartta wrote should be refused, not guessed at.
 */
#ifndef KARTTA_JSON_H
#define KARTTA_JSON_H

#include <stddef.h>

#include "diag.h"

#define JSON_MAX_DEPTH 64

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json {
	enum json_type type;
	struct pos pos;      /* where the value starts */
	char *s;             /* owned: a string decoded, a number as written */
	size_t len;          /* bytes of s */
	int b;               /* a boolean's value */
	struct json **items; /* owned: elements; objects alternate key, value */
	size_t n;            /* entries in items */
};

/*
 * Parses text[0..len) as one JSON value.  file is the path shown in
 * diagnostics.  Returns the tree (free with json_free) or NULL after
 * reporting the first problem.
 */
struct json *json_parse(const char *text, size_t len, const char *file,
    struct diag_list *dl);
void json_free(struct json *j);

/* "an object", "a string", ... for messages. */
const char *json_describe(const struct json *j);

#endif
