/*
 * The one generic validator: decodes YAML trees into model structs by
 * the schema tables, reporting every problem with its position.  There
 * is no per-field code here; what a field is lives in schema.c.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "util.h"
#include "ydoc.h"

int
id_valid(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (i = 1; s[i]; i++) {
		if (i >= 64)
			return 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	}
	return 1;
}

/* "one of a, b or c" for messages; caller frees. */
static char *
enum_list(const char *const *names)
{
	struct buf b = { 0 };
	size_t i, n = 0;

	while (names[n])
		n++;
	buf_puts(&b, n > 1 ? "one of " : "");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&b, i + 1 == n ? " or " : ", ");
		buf_puts(&b, names[i]);
	}
	return buf_detach(&b);
}

static int
enum_index(const char *const *names, const char *s)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* " (did you mean \"x\"?)" or ""; points into a static or s's memory. */
static const char *
enum_suggest(const char *const *names, const char *word, struct buf *b)
{
	struct suggest sg;
	size_t i;

	suggest_init(&sg, word);
	for (i = 0; names[i]; i++)
		suggest_offer(&sg, names[i]);
	if (suggest_result(&sg) == NULL)
		return "";
	buf_printf(b, " (did you mean \"%s\"?)", suggest_result(&sg));
	return b->data;
}

static int
is_scalar(const struct ynode *n)
{
	return n != NULL && n->type == YNODE_SCALAR && !ynode_is_null(n);
}

/*
 * The fix for a boolean written the YAML 1.1 way (yes, on, True) or in
 * quotes: "true" or "false without quotes"; NULL when the value is
 * right or means neither.
 */
static const char *
bool_hint(const struct ynode *n)
{
	static const char *const yes[] = { "yes", "Yes", "YES", "y", "Y",
		"on", "On", "ON", "True", "TRUE", "kyllä", "ja", NULL };
	static const char *const no[] = { "no", "No", "NO", "n", "N", "off",
		"Off", "OFF", "False", "FALSE", "ei", "nej", NULL };

	if (n->style == YSTYLE_QUOTED && strcmp(n->value, "true") == 0)
		return "true without quotes";
	if (n->style == YSTYLE_QUOTED && strcmp(n->value, "false") == 0)
		return "false without quotes";
	if (enum_index(yes, n->value) >= 0)
		return "true";
	if (enum_index(no, n->value) >= 0)
		return "false";
	return NULL;
}

static size_t decode_value(const struct decode_ctx *ctx,
    const struct field *f, const struct ynode *n, void *out);

/*
 * How a value is named in messages: "name", or each entry of "steps"
 * for the elements of a list.  Returns buf.
 */
static const char *
label(const struct field *f, char *buf, size_t size)
{
	snprintf(buf, size, "%s\"%s\"", (f->flags & F_ENTRY) ?
	    "each entry of " : "", f->key);
	return buf;
}

static size_t
expect(const struct decode_ctx *ctx, const struct ynode *n,
    const struct field *f, const char *what)
{
	char lb[96];

	diag_error(ctx->dl, n->pos, "%s must be %s, not %s",
	    label(f, lb, sizeof(lb)), what, ynode_describe(n));
	return 1;
}

/* Blank strings count as absent: "" is no name. */
static int
is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

static void
text_part_set(struct text_part *p, const struct ynode *v)
{
	p->s = xstrndup(v->value, v->len);
	p->pos = v->pos;
	p->block = v->style == YSTYLE_BLOCK;
	p->indent = v->block_indent;
}

/*
 * A text is a string in the first language or a map from language to
 * string.  Blank strings count as absent; a text left with nothing in
 * the handbook's languages is absent too (and an error if required).
 */
static size_t
decode_text(const struct decode_ctx *ctx, const struct field *f,
    const struct ynode *n, struct text *t)
{
	size_t i, errors = 0, published = 0, any = 0;
	char lb[96];

	if (n->type == YNODE_SCALAR) {
		if (is_blank(n->value))
			goto empty;
		text_part_set(&t->part[ctx->deflang], n);
		t->pos = n->pos;
		return 0;
	}
	if (n->type != YNODE_MAP)
		return expect(ctx, n, f,
		    "text (a string, or a map from language to string)");
	for (i = 0; i + 1 < n->nitems; i += 2) {
		const struct ynode *k = n->items[i], *v = n->items[i + 1];
		int lang;
		struct buf sb = { 0 };

		if (!is_scalar(k)) {
			diag_error(ctx->dl, k->pos, "language keys must be "
			    "plain words: fi, sv or en");
			errors++;
			continue;
		}
		if ((lang = enum_index(lang_names, k->value)) < 0) {
			diag_error(ctx->dl, k->pos, "unknown language \"%s\"; "
			    "expected fi, sv or en%s", k->value,
			    enum_suggest(lang_names, k->value, &sb));
			buf_free(&sb);
			errors++;
			continue;
		}
		if (t->part[lang].s != NULL) {
			diag_error(ctx->dl, k->pos, "language \"%s\" given twice",
			    k->value);
			errors++;
			continue;
		}
		if (!is_scalar(v)) {
			diag_error(ctx->dl, v->pos, "the \"%s\" text of %s must "
			    "be a string, not %s", k->value,
			    label(f, lb, sizeof(lb)), ynode_describe(v));
			errors++;
			continue;
		}
		if (is_blank(v->value))
			continue;
		if (!(ctx->langmask & (1u << lang))) {
			diag_warning(ctx->dl, k->pos, "text in \"%s\" is not "
			    "published: site.yaml languages do not include it",
			    k->value);
			any++;
			continue;
		}
		text_part_set(&t->part[lang], v);
		published++;
	}
	if (published > 0) {
		t->pos = n->pos;
		return errors;
	}
	if (errors > 0)
		return errors;
	(void)any;
empty:
	if (f->flags & F_REQUIRED) {
		diag_error(ctx->dl, n->pos, "%s must not be empty%s",
		    label(f, lb, sizeof(lb)), n->type == YNODE_MAP ?
		    " in the handbook's languages" : "");
		return 1;
	}
	return 0;
}

static size_t
decode_int(const struct decode_ctx *ctx, const struct field *f,
    const struct ynode *n, struct num *out)
{
	char *end, lb[96];
	long v;

	if (!is_scalar(n) || n->style != YSTYLE_PLAIN)
		return expect(ctx, n, f, "a whole number");
	errno = 0;
	v = strtol(n->value, &end, 10);
	if (*end != '\0' || end == n->value || errno == ERANGE ||
	    v > INT_MAX / 2 || v < -(INT_MAX / 2)) {
		diag_error(ctx->dl, n->pos, "%s must be a whole number, "
		    "not \"%s\"", label(f, lb, sizeof(lb)), n->value);
		return 1;
	}
	if (v < f->min) {
		diag_error(ctx->dl, n->pos, "%s must be at least %ld, "
		    "not %ld", label(f, lb, sizeof(lb)), f->min, v);
		return 1;
	}
	out->v = v;
	out->pos = n->pos;
	return 0;
}

static size_t
decode_ref(const struct decode_ctx *ctx, const struct field *f,
    const struct ynode *n, struct ref *r)
{
	const char *id = n->value;
	enum kind kind = f->refkind;

	if (!is_scalar(n))
		return expect(ctx, n, f, f->type == FT_KREF ?
		    "a reference such as service:<id>" : "an id");
	if (f->type == FT_KREF) {
		const char *colon = strchr(n->value, ':');
		struct buf b = { 0 };
		unsigned k;
		char lb[96];

		if (colon == NULL && id_valid(n->value)) {
			/* A bare id: resolve tells which kind has it. */
			r->id = xstrdup(n->value);
			r->kind = KIND_NONE;
			r->pos = n->pos;
			return 0;
		}
		kind = colon ? kind_from_name(n->value,
		    (size_t)(colon - n->value)) : KIND_NONE;
		if (kind == KIND_NONE || !(f->refmask & (1u << kind))) {
			struct suggest sg;
			char *prefix = colon ? xstrndup(n->value,
			    (size_t)(colon - n->value)) : xstrdup("");

			suggest_init(&sg, prefix);
			for (k = 0; k < KIND_COUNT; k++)
				if (f->refmask & (1u << k)) {
					buf_printf(&b, "%s%s:<id>",
					    b.len ? " or " : "", kind_names[k]);
					suggest_offer(&sg, kind_names[k]);
				}
			if (colon && suggest_result(&sg))
				diag_error(ctx->dl, n->pos, "%s must be %s, "
				    "not \"%s\" (did you mean \"%s%s\"?)",
				    label(f, lb, sizeof(lb)), b.data, n->value,
				    suggest_result(&sg), colon);
			else
				diag_error(ctx->dl, n->pos, "%s must be %s, "
				    "not \"%s\"", label(f, lb, sizeof(lb)),
				    b.data, n->value);
			free(prefix);
			buf_free(&b);
			return 1;
		}
		id = colon + 1;
	}
	/* An invalid id is kept: resolve reports it with a suggestion. */
	r->id = xstrdup(id);
	r->kind = kind;
	r->pos = n->pos;
	return 0;
}

static size_t
decode_list(const struct decode_ctx *ctx, const struct field *f,
    const struct ynode *n, struct list *l)
{
	size_t i, size = field_size(f->elem), errors = 0;

	l->pos = n->pos;
	if ((f->flags & F_ALL) && is_scalar(n) && n->style == YSTYLE_PLAIN &&
	    strcmp(n->value, "all") == 0) {
		l->all = 1;
		return 0;
	}
	if ((f->flags & F_ONE) && n->type != YNODE_SEQ) {
		/* part_of: b is the list [b]. */
		struct field elem = *f->elem;

		if (!is_scalar(n))
			return expect(ctx, n, f, "a value or a list of values");
		if (is_blank(n->value))
			return 0;
		elem.key = f->key;
		l->items = xcalloc(1, size);
		l->len = 1;
		return decode_value(ctx, &elem, n, l->items);
	}
	if (n->type != YNODE_SEQ)
		return expect(ctx, n, f, (f->flags & F_ALL) ?
		    "a list or the word all" : "a list");
	if (n->nitems == 0 && (f->flags & F_NONEMPTY)) {
		diag_error(ctx->dl, n->pos, "\"%s\" needs at least one entry",
		    f->key);
		return 1;
	}
	l->items = xcalloc(n->nitems, size);
	for (i = 0; i < n->nitems; i++) {
		struct field elem = *f->elem;

		elem.key = f->key;
		elem.flags |= F_ENTRY;
		if (ynode_is_null(n->items[i]) ||
		    (n->items[i]->type == YNODE_SCALAR &&
		    is_blank(n->items[i]->value))) {
			diag_error(ctx->dl, n->items[i]->pos, "empty entry in "
			    "\"%s\"", f->key);
			errors++;
			continue;
		}
		errors += decode_value(ctx, &elem, n->items[i],
		    (char *)l->items + l->len * size);
		l->len++;
	}
	return errors;
}

static size_t
decode_idmap(const struct decode_ctx *ctx, const struct field *f,
    const struct ynode *n, struct list *l)
{
	const struct field *idf = &f->sub->fields[0];
	size_t i, errors = 0, size = f->sub->size;
	struct strmap *seen;
	const struct ynode *first;

	l->pos = n->pos;
	if (n->type != YNODE_MAP)
		return expect(ctx, n, f, "a map from id to entry");
	if (n->nitems == 0 && (f->flags & F_NONEMPTY)) {
		diag_error(ctx->dl, n->pos, "\"%s\" needs at least one entry",
		    f->key);
		return 1;
	}
	l->items = xcalloc(n->nitems / 2 + 1, size);
	/* Ids by hash: 200,000 audiences were quadratic here. */
	seen = strmap_new();
	for (i = 0; i + 1 < n->nitems; i += 2) {
		const struct ynode *k = n->items[i], *v = n->items[i + 1];
		char *obj = (char *)l->items + l->len * size;
		struct str *id = (struct str *)(obj + idf->offset);

		if (!is_scalar(k) || !id_valid(k->value)) {
			diag_error(ctx->dl, k->pos, "\"%s\" is not a valid id "
			    "(lower-case letters a-z, digits and '-')",
			    is_scalar(k) ? k->value : "");
			errors++;
			continue;
		}
		if ((first = strmap_put(seen, k->value, (void *)k)) != NULL) {
			diag_error(ctx->dl, k->pos, "duplicate id \"%s\" in "
			    "\"%s\" (first at line %u)", k->value, f->key,
			    first->pos.line);
			errors++;
			continue;
		}
		id->s = xstrdup(k->value);
		id->pos = k->pos;
		if (f->flags & F_VALUE) {
			const struct field *vf = &f->sub->fields[1];

			if (ynode_is_null(v)) {
				diag_error(ctx->dl, k->pos, "\"%s\" needs a "
				    "value", k->value);
				errors++;
			} else
				errors += decode_value(ctx, vf, v,
				    obj + vf->offset);
		} else
			errors += decode_struct(ctx, f->sub, v, obj, k->pos);
		l->len++;
	}
	strmap_free(seen);
	return errors;
}

/* Decodes one non-null value n of field f into out. */
static size_t
decode_value(const struct decode_ctx *ctx, const struct field *f,
    const struct ynode *n, void *out)
{
	const char *why;
	int idx;
	struct buf b = { 0 };
	char lb[96];

	switch (f->type) {
	case FT_TEXT:
	case FT_MD:
		return decode_text(ctx, f, n, out);
	case FT_STRING:
		if (!is_scalar(n))
			return expect(ctx, n, f, "a string");
		if (is_blank(n->value)) {
			if (!(f->flags & F_REQUIRED))
				return 0;
			diag_error(ctx->dl, n->pos, "%s must not be empty",
			    label(f, lb, sizeof(lb)));
			return 1;
		}
		if (f->check && (why = f->check(n->value)) != NULL) {
			diag_error(ctx->dl, n->pos, "%s must be %s",
			    label(f, lb, sizeof(lb)), why);
			return 1;
		}
		((struct str *)out)->s = xstrndup(n->value, n->len);
		((struct str *)out)->pos = n->pos;
		return 0;
	case FT_INT:
		return decode_int(ctx, f, n, out);
	case FT_BOOL:
		if (is_scalar(n) && (why = bool_hint(n)) != NULL) {
			diag_error(ctx->dl, n->pos, "%s must be true or false, "
			    "not %s\"%s\" (write %s)", label(f, lb, sizeof(lb)),
			    n->style == YSTYLE_QUOTED ? "the quoted " : "",
			    n->value, why);
			return 1;
		}
		if (!is_scalar(n) || n->style != YSTYLE_PLAIN ||
		    (strcmp(n->value, "true") != 0 &&
		    strcmp(n->value, "false") != 0))
			return expect(ctx, n, f, "true or false");
		((struct flag *)out)->v = n->value[0] == 't';
		((struct flag *)out)->pos = n->pos;
		return 0;
	case FT_ENUM:
		idx = is_scalar(n) ? enum_index(f->enums, n->value) : -1;
		if (idx < 0) {
			char *list = enum_list(f->enums);

			if (is_scalar(n))
				diag_error(ctx->dl, n->pos, "%s must be %s, "
				    "not \"%s\"%s", label(f, lb, sizeof(lb)),
				    list, n->value,
				    enum_suggest(f->enums, n->value, &b));
			else
				expect(ctx, n, f, list);
			free(list);
			buf_free(&b);
			return 1;
		}
		((struct choice *)out)->v = idx;
		((struct choice *)out)->pos = n->pos;
		return 0;
	case FT_REF:
	case FT_KREF:
		return decode_ref(ctx, f, n, out);
	case FT_LIST:
		return decode_list(ctx, f, n, out);
	case FT_IDMAP:
		return decode_idmap(ctx, f, n, out);
	case FT_STRUCT:
		if (n->type != YNODE_MAP)
			return expect(ctx, n, f, "a map");
		return decode_struct(ctx, f->sub, n, out, n->pos);
	}
	return 0;
}

/*
 * "colour: #ff8800": YAML read the value as a comment.  An error when the
 * key is required or the field would take the word as its value (a
 * colour), else a warning: a comment there is valid YAML.
 */
static size_t
report_comment_value(const struct decode_ctx *ctx, const struct field *f,
    const struct ynode *v)
{
	int error = (f->flags & F_REQUIRED) || (f->type == FT_STRING &&
	    f->check != NULL && f->check(v->comment) == NULL);

	diag_add(ctx->dl, error ? DIAG_ERROR : DIAG_WARNING, v->comment_pos,
	    "\"%s\" has no value: \"#\" starts a comment in YAML, so "
	    "\"%s\" is not read; put the value in quotes (\"%s\")", f->key,
	    v->comment, v->comment);
	return error;
}

/*
 * An unknown key, with "did you mean" among the keys of s.  When the
 * suggestion is a required key that the map lacks (seen[] is 0 for it),
 * the one message says so and *explained gets that key's index, so that
 * no second "missing required key" is told about the same slip.
 */
static size_t
report_unknown_key(const struct decode_ctx *ctx, const struct schema *s,
    const struct ynode *k, const unsigned char *seen, size_t *explained)
{
	const struct field *f;
	struct suggest sg;
	struct buf b = { 0 };
	const char *best;

	suggest_init(&sg, k->value);
	for (f = s->fields; f->key != NULL; f++) {
		if (f->flags & F_KEY)
			continue;
		suggest_offer(&sg, f->key);
		buf_printf(&b, "%s%s", b.len ? ", " : "", f->key);
	}
	best = suggest_result(&sg);
	*explained = (size_t)-1;
	for (f = s->fields; best != NULL && f->key != NULL; f++)
		if (f->key == best && (f->flags & F_REQUIRED) &&
		    !(f->flags & F_KEY) && !seen[f - s->fields])
			*explained = (size_t)(f - s->fields);
	if (*explained != (size_t)-1)
		diag_error(ctx->dl, k->pos, "unknown key \"%s\" in %s (did you "
		    "mean \"%s\"? %s %s needs it)", k->value, s->name, best,
		    article(s->name), s->name);
	else if (best)
		diag_error(ctx->dl, k->pos, "unknown key \"%s\" in %s "
		    "(did you mean \"%s\"?)", k->value, s->name, best);
	else
		diag_error(ctx->dl, k->pos, "unknown key \"%s\" in %s; "
		    "expected %s", k->value, s->name, b.data);
	buf_free(&b);
	return 1;
}

size_t
decode_struct(const struct decode_ctx *ctx, const struct schema *s,
    const struct ynode *map, void *obj, struct pos at)
{
	const struct field *f;
	size_t i, errors = 0, nfields = 0, nunknown = 0;
	unsigned char seen[64] = { 0 };
	const struct ynode *firstkey[64];     /* where each was first seen */
	const struct ynode **unknown = NULL; /* keys not in s, in order */

	for (f = s->fields; f->key != NULL; f++)
		nfields++;
	if (map == NULL || map->type != YNODE_MAP) {
		if (map != NULL && !ynode_is_null(map)) {
			diag_error(ctx->dl, map->pos, "%s %s must be a map of "
			    "keys and values, not %s", article(s->name),
			    s->name, ynode_describe(map));
			return 1;
		}
	} else {
		at = map->pos;
		if (s->has_pos)
			*(struct pos *)((char *)obj + s->pos_offset) = at;
		for (i = 0; i + 1 < map->nitems; i += 2) {
			const struct ynode *k = map->items[i];
			const struct ynode *v = map->items[i + 1];
			size_t idx;

			if (!is_scalar(k)) {
				diag_error(ctx->dl, k->pos, "keys must be "
				    "plain words, not %s", ynode_describe(k));
				errors++;
				continue;
			}
			for (idx = 0; idx < nfields; idx++)
				if (!(s->fields[idx].flags & F_KEY) &&
				    strcmp(s->fields[idx].key, k->value) == 0)
					break;
			if (idx == nfields) {
				/* Told after the known keys are all seen.
				 * At most one per key: room for all at once
				 * (growing by one was quadratic under ASan). */
				if (unknown == NULL)
					unknown = xreallocarray(NULL,
					    map->nitems / 2 + 1,
					    sizeof(*unknown));
				unknown[nunknown++] = k;
				continue;
			}
			f = &s->fields[idx];
			if (seen[idx]) {
				/* Not searched for: a scan back per duplicate
				 * was quadratic in a file of them. */
				diag_error(ctx->dl, k->pos, "duplicate key "
				    "\"%s\" (first at line %u)", k->value,
				    firstkey[idx]->pos.line);
				errors++;
				continue;
			}
			seen[idx] = 1;
			firstkey[idx] = k;
			if (ynode_is_null(v)) {
				if (v->comment != NULL)
					errors += report_comment_value(ctx, f,
					    v);
				else if (f->flags & F_REQUIRED) {
					diag_error(ctx->dl, k->pos, "\"%s\" "
					    "must not be empty", f->key);
					errors++;
				}
				seen[idx] = 2;
				continue;
			}
			errors += decode_value(ctx, f, v, (char *)obj +
			    f->offset);
		}
	}
	for (i = 0; i < nunknown; i++) {
		size_t explained;

		errors += report_unknown_key(ctx, s, unknown[i], seen,
		    &explained);
		if (explained != (size_t)-1)
			seen[explained] = 3;
	}
	free(unknown);
	for (i = 0; i < nfields; i++) {
		f = &s->fields[i];
		if ((f->flags & F_REQUIRED) && !(f->flags & F_KEY) &&
		    !seen[i]) {
			diag_error(ctx->dl, at, "missing required key \"%s\" "
			    "in %s", f->key, s->name);
			errors++;
		}
	}
	return errors;
}
