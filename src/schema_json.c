#include "schema_json.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model.h"

#define ID_PATTERN "^[a-z0-9][a-z0-9-]{0,63}$"

/* The nested tables met while writing one file's schema, for $defs. */
struct defs {
	const struct schema *items[64]; /* borrowed; unique */
	size_t len;                     /* used */
};

static void
json_string(struct buf *out, const char *s)
{
	buf_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)c);
		} else if (c < 0x20)
			buf_printf(out, "\\u%04x", c);
		else
			buf_putc(out, (char)c);
	}
	buf_putc(out, '"');
}

static void
defs_add(struct defs *d, const struct schema *s)
{
	size_t i;

	for (i = 0; i < d->len; i++)
		if (d->items[i] == s)
			return;
	if (d->len < ARRAY_LEN(d->items))
		d->items[d->len++] = s;
}

/* A description of f for editors' hover text: its doc line, else what
 * its type accepts. */
static void
field_description(const struct field *f, struct buf *out)
{
	struct buf b = { 0 };
	const char *why;
	size_t i;
	unsigned k;

	if (f->doc != NULL)
		buf_puts(&b, f->doc);
	else
		switch (f->type) {
		case FT_TEXT:
			buf_puts(&b, "a text: a string in the first language, "
			    "or a map of languages (fi, sv, en)");
			break;
		case FT_MD:
			buf_puts(&b, "Markdown text: a string in the first "
			    "language, or a map of languages (fi, sv, en); link "
			    "to pages with [text](service:id)");
			break;
		case FT_STRING:
			if (f->check && (why = f->check("")) != NULL)
				buf_puts(&b, why);
			else
				buf_puts(&b, "a string");
			break;
		case FT_INT:
			buf_printf(&b, "a whole number, at least %ld", f->min);
			break;
		case FT_BOOL:
			buf_puts(&b, "true or false");
			break;
		case FT_ENUM:
			buf_puts(&b, "one of");
			for (i = 0; f->enums[i]; i++)
				buf_printf(&b, "%s %s", i ? "," : "",
				    f->enums[i]);
			break;
		case FT_REF:
			if (f->refkind == KIND_AUDIENCE)
				buf_puts(&b, "an audience id from site.yaml");
			else
				buf_printf(&b, "the id of %s %s (a file in %s/)",
				    article(kind_names[f->refkind]),
				    kind_names[f->refkind],
				    kind_dirs[f->refkind]);
			break;
		case FT_KREF:
			for (k = 0; k < KIND_COUNT; k++)
				if (f->refmask & (1u << k))
					buf_printf(&b, "%s%s:<id>", b.len ?
					    " or " : "a reference ", kind_names[k]);
			break;
		case FT_LIST:
			buf_puts(&b, (f->flags & F_ALL) ? "a list, or the word "
			    "all" : "a list");
			break;
		case FT_STRUCT:
			buf_printf(&b, "%s %s", article(f->sub->name),
			    f->sub->name);
			break;
		case FT_IDMAP:
			buf_printf(&b, "a map from id to %s", f->sub->name);
			break;
		}
	if (f->flags & F_REQUIRED)
		buf_puts(&b, " (required)");
	json_string(out, b.data ? b.data : "");
	buf_free(&b);
}

static void write_value(const struct field *f, struct buf *out,
    struct defs *d);

static void
write_object(const struct schema *s, struct buf *out, struct defs *d)
{
	const struct field *f;
	int first = 1;

	buf_puts(out, "{\"type\": \"object\", \"additionalProperties\": false, "
	    "\"properties\": {");
	for (f = s->fields; f->key != NULL; f++) {
		if (f->flags & F_KEY)
			continue;
		buf_puts(out, first ? "\n" : ",\n");
		first = 0;
		buf_puts(out, "    ");
		json_string(out, f->key);
		buf_puts(out, ": ");
		write_value(f, out, d);
	}
	buf_puts(out, "}");
	first = 1;
	for (f = s->fields; f->key != NULL; f++) {
		if (!(f->flags & F_REQUIRED) || (f->flags & F_KEY))
			continue;
		buf_puts(out, first ? ",\n  \"required\": [" : ", ");
		first = 0;
		json_string(out, f->key);
	}
	if (!first)
		buf_puts(out, "]");
	buf_puts(out, "}");
}

static void
write_value(const struct field *f, struct buf *out, struct defs *d)
{
	const char *pattern;
	size_t i;
	unsigned k;

	buf_puts(out, "{\"description\": ");
	field_description(f, out);
	buf_puts(out, ", ");
	switch (f->type) {
	case FT_TEXT:
	case FT_MD:
		buf_puts(out, "\"$ref\": \"#/$defs/text\"");
		break;
	case FT_STRING:
		/* Written unquoted, 2024 is a number to YAML; kartta reads
		 * it as the string it is. */
		buf_puts(out, "\"type\": [\"string\", \"number\"]");
		if ((pattern = schema_string_pattern(f)) != NULL) {
			/* A pattern constrains strings only: 423 unquoted
			 * stays a number, as kartta reads it. */
			buf_puts(out, ", \"pattern\": ");
			json_string(out, pattern);
		}
		break;
	case FT_INT:
		buf_printf(out, "\"type\": \"integer\", \"minimum\": %ld",
		    f->min);
		break;
	case FT_BOOL:
		buf_puts(out, "\"type\": \"boolean\"");
		break;
	case FT_ENUM:
		buf_puts(out, "\"enum\": [");
		for (i = 0; f->enums[i]; i++) {
			buf_puts(out, i ? ", " : "");
			json_string(out, f->enums[i]);
		}
		buf_puts(out, "]");
		break;
	case FT_REF:
		buf_puts(out, "\"type\": [\"string\", \"integer\"], "
		    "\"pattern\": \"" ID_PATTERN "\"");
		break;
	case FT_KREF:
		buf_puts(out, "\"type\": \"string\", \"pattern\": \"^(");
		for (k = 0, i = 0; k < KIND_COUNT; k++)
			if (f->refmask & (1u << k))
				buf_printf(out, "%s%s", i++ ? "|" : "",
				    kind_names[k]);
		buf_puts(out, "):[a-z0-9][a-z0-9-]{0,63}$\"");
		break;
	case FT_LIST:
		if (f->flags & F_ALL)
			buf_puts(out, "\"anyOf\": [{\"const\": \"all\"}, {");
		else if (f->flags & F_ONE) {
			/* One value stands for a list of one. */
			buf_puts(out, "\"anyOf\": [");
			write_value(f->elem, out, d);
			buf_puts(out, ", {");
		}
		buf_puts(out, "\"type\": \"array\", ");
		if (f->flags & F_NONEMPTY)
			buf_puts(out, "\"minItems\": 1, ");
		buf_puts(out, "\"items\": ");
		write_value(f->elem, out, d);
		if (f->flags & (F_ALL | F_ONE))
			buf_puts(out, "}]");
		break;
	case FT_STRUCT:
		defs_add(d, f->sub);
		buf_printf(out, "\"$ref\": \"#/$defs/%s\"", f->sub->name);
		break;
	case FT_IDMAP:
		buf_puts(out, "\"type\": \"object\", ");
		if (f->flags & F_NONEMPTY)
			buf_puts(out, "\"minProperties\": 1, ");
		buf_puts(out, "\"propertyNames\": {\"pattern\": \"" ID_PATTERN
		    "\"}, \"additionalProperties\": ");
		if (f->flags & F_VALUE)
			write_value(&f->sub->fields[1], out, d);
		else {
			defs_add(d, f->sub);
			buf_printf(out, "{\"$ref\": \"#/$defs/%s\"}",
			    f->sub->name);
		}
		break;
	}
	buf_puts(out, "}");
}

void
schema_json_write(const struct schema *s, const char *title,
    struct buf *out)
{
	struct defs d;
	struct buf body = { 0 };
	size_t i;

	memset(&d, 0, sizeof(d));
	write_object(s, &body, &d);
	buf_puts(out, "{\n\"$schema\": "
	    "\"https://json-schema.org/draft/2020-12/schema\",\n\"title\": ");
	json_string(out, title);
	buf_puts(out, ",\n\"description\": \"Generated by kartta schema from "
	    "the content format's tables; see docs/content-format.md.\",\n");
	/* The body without its closing brace, then the definitions. */
	buf_append(out, body.data + 1, body.len - 2);
	buf_puts(out, ",\n\"$defs\": {\n  \"text\": {\"anyOf\": [{\"type\": "
	    "[\"string\", \"number\"]}, {\"type\": \"object\", "
	    "\"additionalProperties\": false, \"minProperties\": 1, "
	    "\"properties\": {\"fi\": {\"type\": [\"string\", \"number\"]}, "
	    "\"sv\": {\"type\": [\"string\", \"number\"]}, \"en\": {\"type\": "
	    "[\"string\", \"number\"]}}}]}");
	/* Writing a definition may add more: d.len grows as we go. */
	for (i = 0; i < d.len; i++) {
		buf_puts(out, ",\n  ");
		json_string(out, d.items[i]->name);
		buf_puts(out, ": ");
		write_object(d.items[i], out, &d);
	}
	buf_puts(out, "\n}\n}\n");
	buf_free(&body);
}

static int
write_one(const char *dir, const char *name, const struct schema *s,
    const char *title, struct diag_list *dl)
{
	char *path = xasprintf("%s/%s.schema.json", dir, name);
	char *tmp = xasprintf("%s.tmp", path);
	struct buf out = { 0 };
	struct pos at = { path, 1, 1 };
	FILE *f;
	int rc = 0;

	schema_json_write(s, title, &out);
	if ((f = fopen(tmp, "wx")) == NULL ||
	    fwrite(out.data, 1, out.len, f) != out.len || fclose(f) != 0 ||
	    rename(tmp, path) != 0) {
		diag_error(dl, at, "cannot write: %s", strerror(errno));
		remove(tmp);
		rc = -1;
	}
	buf_free(&out);
	free(tmp);
	free(path);
	return rc;
}

int
schema_json_run(const char *dir, struct diag_list *dl)
{
	struct pos at = { dir, 1, 1 };
	size_t k;
	int rc = 0;

	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		diag_error(dl, at, "cannot create the folder: %s",
		    strerror(errno));
		return KARTTA_EXIT_SYSTEM;
	}
	rc |= write_one(dir, "site", &schema_site, "kartta site.yaml", dl);
	for (k = 0; k < KIND_COUNT; k++) {
		char *title = xasprintf("kartta %s (%s/<id>.%s)",
		    k == KIND_GUIDE ? "guide front matter" : kind_names[k],
		    kind_dirs[k], k == KIND_GUIDE ? "md" : "yaml");

		rc |= write_one(dir, kind_names[k], schema_of_kind[k], title,
		    dl);
		free(title);
	}
	return rc ? KARTTA_EXIT_SYSTEM : KARTTA_EXIT_OK;
}
