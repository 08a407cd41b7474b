/*
 * Unit tests of the YAML tree (ydoc.c) and of the schema-driven decoder
 * (decode.c over the tables of schema.c): decoded values, positions, and
 * the exact text of every kind of diagnostic.
 */
#include <regex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "testlib.h"

#include "diag.h"
#include "model.h"
#include "schema.h"
#include "util.h"
#include "ydoc.h"

#define FILE_NAME "t.yaml"

/* Prints and frees dl; returns the text (caller frees). */
static char *
diags_of(struct diag_list *dl)
{
	char *mem = test_diag_text(dl, DIAG_FORMAT_PLAIN);

	diag_list_free(dl);
	return mem;
}

/* Parses yaml; *diags gets the diagnostics (caller frees both). */
static struct ynode *
parse(const char *yaml, char **diags, int *empty)
{
	struct diag_list *dl = diag_list_new();
	int e = -1;
	struct ynode *root = ydoc_parse(yaml, strlen(yaml), FILE_NAME, 0, dl,
	    &e);

	assert_true(e == 0 || e == 1);
	if (empty)
		*empty = e;
	*diags = diags_of(dl);
	return root;
}

/*
 * Decodes yaml into obj (s->size bytes, zeroed here) with the site's
 * first language deflang and languages langmask.  Returns the error
 * count; *diags gets every diagnostic, parse ones included.
 */
static size_t
decode_lang(const char *yaml, const struct schema *s, void *obj,
    char **diags, enum lang deflang, unsigned langmask)
{
	struct diag_list *dl = diag_list_new();
	struct decode_ctx ctx;
	struct ynode *root;
	struct pos at = { FILE_NAME, 1, 1 };
	size_t n;
	int empty;

	ctx.dl = dl;
	ctx.deflang = deflang;
	ctx.langmask = langmask;
	memset(obj, 0, s->size);
	root = ydoc_parse(yaml, strlen(yaml), FILE_NAME, 0, dl, &empty);
	n = decode_struct(&ctx, s, root, obj, at);
	/* The count returned is the count of errors reported. */
	if (root != NULL || empty)
		assert_int_equal(n, diag_errors(dl));
	ynode_free(root);
	*diags = diags_of(dl);
	return n;
}

static size_t
decode(const char *yaml, const struct schema *s, void *obj, char **diags)
{
	return decode_lang(yaml, s, obj, diags, LANG_FI, 1u << LANG_FI);
}

/* Asserts the error count, showing the diagnostics when it differs. */
#define COUNT(n, want, d) do { \
	if ((size_t)(n) != (size_t)(want)) \
		print_message("diagnostics:\n%s", (d)); \
	assert_int_equal((n), (want)); \
} while (0)

/* Errors of the last decode. */
static size_t nerr;

#define SCHEMA(kind) (schema_of_kind[(kind)])

/* Asserts the diagnostics and frees them. */
#define DIAGS(d, expected) do { \
	assert_string_equal((d), (expected)); \
	free(d); \
} while (0)

/* --- ydoc --------------------------------------------------------- */

static void
test_ydoc_tree(void **state)
{
	char *d;
	struct ynode *r;
	int empty;

	(void)state;
	r = parse("a: 1\nb: [x, 'y', \"z\"]\nc:\n  - { k: v }\nd: |\n  "
	    "lit\ne: ~\n", &d, &empty);
	DIAGS(d, "");
	assert_non_null(r);
	assert_int_equal(empty, 0);
	assert_int_equal(r->type, YNODE_MAP);
	assert_int_equal(r->nitems, 10);
	assert_string_equal(r->items[0]->value, "a");
	assert_int_equal(r->items[0]->pos.line, 1);
	assert_int_equal(r->items[0]->pos.col, 1);
	assert_string_equal(r->items[1]->value, "1");
	assert_int_equal(r->items[1]->pos.col, 4);
	assert_int_equal(r->items[3]->type, YNODE_SEQ);
	assert_int_equal(r->items[3]->nitems, 3);
	assert_int_equal(r->items[3]->items[0]->style, YSTYLE_PLAIN);
	assert_int_equal(r->items[3]->items[1]->style, YSTYLE_QUOTED);
	assert_int_equal(r->items[3]->items[2]->style, YSTYLE_QUOTED);
	assert_int_equal(r->items[3]->items[2]->pos.line, 2);
	assert_int_equal(r->items[3]->items[2]->pos.col, 14);
	assert_int_equal(r->items[5]->type, YNODE_SEQ);
	assert_int_equal(r->items[5]->items[0]->type, YNODE_MAP);
	assert_int_equal(r->items[5]->items[0]->pos.line, 4);
	assert_int_equal(r->items[5]->items[0]->pos.col, 5);
	/* Block scalar: its text, style and the column of its text. */
	assert_string_equal(r->items[7]->value, "lit\n");
	assert_int_equal(r->items[7]->len, 4);
	assert_int_equal(r->items[7]->style, YSTYLE_BLOCK);
	assert_int_equal(r->items[7]->block_indent, 3);
	assert_int_equal(r->items[7]->pos.line, 5);
	assert_true(ynode_is_null(r->items[9]));
	assert_false(ynode_is_null(r->items[1]));
	assert_string_equal(ynode_describe(r), "a map");
	assert_string_equal(ynode_describe(r->items[3]), "a list");
	assert_string_equal(ynode_describe(r->items[1]), "a scalar");
	assert_string_equal(ynode_describe(r->items[3]->items[1]),
	    "a quoted string");
	assert_string_equal(ynode_describe(r->items[9]), "nothing");
	assert_string_equal(ynode_describe(NULL), "nothing");
	ynode_free(r);
	ynode_free(NULL);
}

static void
test_ydoc_nulls(void **state)
{
	char *d;
	struct ynode *r;

	(void)state;
	r = parse("- ~\n- null\n- Null\n- NULL\n-\n- ''\n- \"~\"\n- nul\n",
	    &d, NULL);
	DIAGS(d, "");
	assert_non_null(r);
	assert_int_equal(r->nitems, 8);
	assert_true(ynode_is_null(r->items[0]));
	assert_true(ynode_is_null(r->items[1]));
	assert_true(ynode_is_null(r->items[2]));
	assert_true(ynode_is_null(r->items[3]));
	assert_true(ynode_is_null(r->items[4]));
	assert_false(ynode_is_null(r->items[5])); /* quoted empty */
	assert_false(ynode_is_null(r->items[6])); /* quoted ~ */
	assert_false(ynode_is_null(r->items[7]));
	assert_true(ynode_is_null(NULL));
	ynode_free(r);
}

static void
test_ydoc_empty(void **state)
{
	static const char *const empties[] = { "", "\n\n", "# comment\n",
		"~\n", "---\n", "---\n...\n", "null\n" };
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(empties); i++) {
		char *d;
		int empty = 0;
		struct ynode *r = parse(empties[i], &d, &empty);

		assert_null(r);
		assert_int_equal(empty, 1);
		DIAGS(d, "");
	}
}

static void
test_ydoc_refused(void **state)
{
	char *d;
	struct ynode *r;
	int empty;

	(void)state;
	r = parse("a: &x 1\nb: *x\n", &d, &empty);
	assert_null(r);
	assert_int_equal(empty, 0);
	DIAGS(d, "t.yaml:2:4: error: YAML aliases (*x) are not supported; "
	    "write the value out\n");

	r = parse("a: !!str 1\n", &d, &empty);
	assert_null(r);
	DIAGS(d, "t.yaml:1:4: error: YAML tags (tag:yaml.org,2002:str) are "
	    "not supported\n");

	r = parse("a: 1\n---\nb: 2\n", &d, &empty);
	assert_null(r);
	DIAGS(d, "t.yaml:2:1: error: only one YAML document is allowed in a "
	    "file\n");

	r = parse("a: [1, 2\n", &d, &empty);
	assert_null(r);
	assert_int_equal(empty, 0);
	DIAGS(d, "t.yaml:2:1: error: a list written with [ at line 1, column 4 "
	    "is not closed: a \"]\" is missing, or a \",\" between its "
	    "entries\n");

	r = parse("a: 1\nb: \"\xE4\"\n", &d, &empty);
	assert_null(r);
	DIAGS(d, "t.yaml:2:5: error: invalid UTF-8 (byte 0xE4); save the file "
	    "as UTF-8\n");
}

static void
test_ydoc_alias_bomb(void **state)
{
	struct buf b = { 0 };
	char *d;
	struct ynode *r;
	int i, j;

	(void)state;
	buf_puts(&b, "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (i = 1; i < 30; i++) {
		buf_printf(&b, "a%d: &a%d [", i, i);
		for (j = 0; j < 10; j++)
			buf_printf(&b, "%s*a%d", j ? ", " : "", i - 1);
		buf_puts(&b, "]\n");
	}
	r = parse(b.data, &d, NULL);
	assert_null(r);
	DIAGS(d, "t.yaml:2:10: error: YAML aliases (*a0) are not supported; "
	    "write the value out\n");
	buf_free(&b);
}

static char *
nested(int depth)
{
	struct buf b = { 0 };
	int i;

	for (i = 0; i < depth; i++)
		buf_putc(&b, '[');
	buf_putc(&b, 'x');
	for (i = 0; i < depth; i++)
		buf_putc(&b, ']');
	buf_putc(&b, '\n');
	return buf_detach(&b);
}

static void
test_ydoc_depth(void **state)
{
	char *d, *y;
	struct ynode *r, *n;
	int i;

	(void)state;
	/* 64 levels are fine. */
	y = nested(YDOC_MAX_DEPTH);
	r = parse(y, &d, NULL);
	DIAGS(d, "");
	assert_non_null(r);
	for (n = r, i = 1; n->type == YNODE_SEQ; n = n->items[0], i++)
		assert_int_equal(n->nitems, 1);
	assert_int_equal(i, YDOC_MAX_DEPTH + 1);
	assert_string_equal(n->value, "x");
	ynode_free(r);
	free(y);
	/* The 65th is refused where it opens. */
	y = nested(YDOC_MAX_DEPTH + 1);
	r = parse(y, &d, NULL);
	assert_null(r);
	DIAGS(d, "t.yaml:1:65: error: nesting deeper than 64 levels\n");
	free(y);
	/* Far deeper input ends the same way, without blowing the stack. */
	y = nested(100000);
	r = parse(y, &d, NULL);
	assert_null(r);
	DIAGS(d, "t.yaml:1:65: error: nesting deeper than 64 levels\n");
	free(y);
}

static void
test_ydoc_line_offset(void **state)
{
	struct diag_list *dl = diag_list_new();
	int empty;
	struct ynode *r;
	char *d;

	(void)state;
	r = ydoc_parse("title: x\nbad: [\n", 15, "g.md", 1, dl, &empty);
	assert_null(r);
	d = diags_of(dl);
	/* Front matter: lines count from the file's line 2. */
	DIAGS(d, "g.md:4:1: error: YAML syntax error: did not find expected "
	    "node content while parsing a flow node\n");
	dl = diag_list_new();
	r = ydoc_parse("title: x\nz: 1\n", 14, "g.md", 1, dl, &empty);
	assert_non_null(r);
	assert_int_equal(r->items[2]->pos.line, 3);
	ynode_free(r);
	d = diags_of(dl);
	DIAGS(d, "");
	/* len is respected: the text need not be NUL-terminated. */
	dl = diag_list_new();
	r = ydoc_parse("a: 1\nb: [", 4, "g.md", 0, dl, &empty);
	assert_non_null(r);
	assert_int_equal(r->nitems, 2);
	assert_string_equal(r->items[1]->value, "1");
	ynode_free(r);
	d = diags_of(dl);
	DIAGS(d, "");
}

/* --- ids ---------------------------------------------------------- */

static void
test_id_valid(void **state)
{
	char id[80];

	(void)state;
	assert_true(id_valid("a"));
	assert_true(id_valid("0"));
	assert_true(id_valid("tyokokeilu"));
	assert_true(id_valid("a-b-1"));
	assert_true(id_valid("9-lives"));
	assert_true(id_valid("a-"));
	assert_false(id_valid(""));
	assert_false(id_valid("-a"));
	assert_false(id_valid("A"));
	assert_false(id_valid("aB"));
	assert_false(id_valid("a b"));
	assert_false(id_valid("a_b"));
	assert_false(id_valid("a.b"));
	assert_false(id_valid(".."));
	assert_false(id_valid("a/b"));
	assert_false(id_valid("ty\xC3\xB6"));
	memset(id, 'a', 64);
	id[64] = '\0';
	assert_true(id_valid(id));
	id[64] = 'a';
	id[65] = '\0';
	assert_false(id_valid(id));
}

/* --- decoding ----------------------------------------------------- */

static void
test_decode_service(void **state)
{
	struct service s;
	char *d;
	struct ref *r;
	struct text *t;
	struct link *l;

	(void)state;
	nerr = decode(
	    "name: Työkokeilu\n"
	    "group: kuntoutus\n"
	    "providers: [te-palvelut, kela]\n"
	    "summary: { fi: Lyhyt, sv: Kort }\n"
	    "access: self-or-referral\n"
	    "criteria:\n"
	    "  - Ehto yksi\n"
	    "  - { fi: Ehto kaksi }\n"
	    "links:\n"
	    "  - { title: Sivu, url: \"https://example.org/x\" }\n"
	    "tags: [a, \"b c\"]\n"
	    "description: |\n"
	    "  Rivi yksi\n"
	    "  rivi kaksi\n",
	    SCHEMA(KIND_SERVICE), &s, &d);
	COUNT(nerr, 0, d);
	DIAGS(d, "t.yaml:4:23: warning: text in \"sv\" is not published: "
	    "site.yaml languages do not include it\n");
	/* A text in a language the site does not publish is dropped. */
	assert_null(s.summary.part[LANG_SV].s);
	assert_string_equal(s.summary.part[LANG_FI].s, "Lyhyt");
	schema_release(SCHEMA(KIND_SERVICE), &s);
	nerr = decode_lang("name: x\ngroup: g\nproviders: [a]\n"
	    "summary: { fi: Lyhyt, sv: Kort }\n", SCHEMA(KIND_SERVICE), &s,
	    &d, LANG_FI, (1u << LANG_FI) | (1u << LANG_SV));
	COUNT(nerr, 0, d);
	DIAGS(d, "");
	assert_string_equal(s.summary.part[LANG_SV].s, "Kort");
	assert_int_equal(s.summary.part[LANG_SV].pos.line, 4);
	assert_int_equal(s.summary.part[LANG_SV].pos.col, 27);
	schema_release(SCHEMA(KIND_SERVICE), &s);
	nerr = decode(
	    "name: Työkokeilu\n"
	    "group: kuntoutus\n"
	    "providers: [te-palvelut, kela]\n"
	    "summary: Lyhyt\n"
	    "access: self-or-referral\n"
	    "criteria:\n"
	    "  - Ehto yksi\n"
	    "  - { fi: Ehto kaksi }\n"
	    "links:\n"
	    "  - { title: Sivu, url: \"https://example.org/x\" }\n"
	    "tags: [a, \"b c\"]\n"
	    "description: |\n"
	    "  Rivi yksi\n"
	    "  rivi kaksi\n",
	    SCHEMA(KIND_SERVICE), &s, &d);
	COUNT(nerr, 0, d);
	DIAGS(d, "");
	assert_string_equal(s.name.part[LANG_FI].s, "Työkokeilu");
	assert_null(s.name.part[LANG_SV].s);
	assert_int_equal(s.name.pos.line, 1);
	assert_int_equal(s.name.pos.col, 7);
	assert_string_equal(s.group.id, "kuntoutus");
	assert_int_equal(s.group.kind, KIND_GROUP);
	assert_int_equal(s.group.pos.line, 2);
	assert_int_equal(s.group.pos.col, 8);
	assert_null(s.group.target);
	assert_int_equal(s.providers.len, 2);
	r = s.providers.items;
	assert_string_equal(r[0].id, "te-palvelut");
	assert_int_equal(r[0].kind, KIND_ACTOR);
	assert_string_equal(r[1].id, "kela");
	assert_int_equal(r[1].pos.line, 3);
	assert_int_equal(r[1].pos.col, 26);
	assert_string_equal(s.summary.part[LANG_FI].s, "Lyhyt");
	assert_null(s.summary.part[LANG_SV].s);
	assert_int_equal(s.access.v, 2);
	assert_string_equal(access_names[s.access.v], "self-or-referral");
	assert_int_equal(s.criteria.len, 2);
	t = s.criteria.items;
	assert_string_equal(t[0].part[LANG_FI].s, "Ehto yksi");
	assert_string_equal(t[1].part[LANG_FI].s, "Ehto kaksi");
	assert_int_equal(s.links.len, 1);
	l = s.links.items;
	assert_string_equal(l[0].title.part[LANG_FI].s, "Sivu");
	assert_string_equal(l[0].url.s, "https://example.org/x");
	assert_int_equal(s.tags.len, 2);
	assert_string_equal(((struct str *)s.tags.items)[1].s, "b c");
	/* The block scalar: the text, its start and its indentation. */
	assert_string_equal(s.description.part[LANG_FI].s,
	    "Rivi yksi\nrivi kaksi\n");
	assert_int_equal(s.description.part[LANG_FI].block, 1);
	assert_int_equal(s.description.part[LANG_FI].indent, 3);
	assert_int_equal(s.description.part[LANG_FI].pos.line, 12);
	/* Absent fields stay absent. */
	assert_int_equal(s.for_whom.pos.line, 0);
	assert_null(s.for_whom.part[LANG_FI].s);
	assert_int_equal(s.related.len, 0);
	assert_int_equal(s.related.pos.line, 0);
	schema_release(SCHEMA(KIND_SERVICE), &s);
}

static void
test_decode_unknown_missing_duplicate(void **state)
{
	struct actor a;
	char *d;

	(void)state;
	nerr = decode(
	    "nmae: Toimija\n"
	    "kind: public\n"
	    "homepage: x\n"
	    "kind: team\n"
	    "contact:\n"
	    "  phone: \"1\"\n"
	    "  phone: \"2\"\n"
	    "  fax: \"3\"\n",
	    SCHEMA(KIND_ACTOR), &a, &d);
	/* The misspelt key is the missing one: one error tells both. */
	COUNT(nerr, 5, d);
	DIAGS(d,
	    "t.yaml:1:1: error: unknown key \"nmae\" in actor (did you mean "
	    "\"name\"? an actor needs it)\n"
	    "t.yaml:3:1: error: unknown key \"homepage\" in actor; expected "
	    "name, kind, summary, description, part_of, url, contact, areas, "
	    "reviewed\n"
	    "t.yaml:4:1: error: duplicate key \"kind\" (first at line 2)\n"
	    "t.yaml:7:3: error: duplicate key \"phone\" (first at line 6)\n"
	    "t.yaml:8:3: error: unknown key \"fax\" in contact; expected "
	    "phone, email, address, hours, web\n");
	/* The first of duplicates is kept. */
	assert_int_equal(a.kind.v, 0);
	assert_string_equal(a.contact.phone.s, "1");
	assert_int_equal(a.contact.pos.line, 6);
	schema_release(SCHEMA(KIND_ACTOR), &a);
}

static void
test_decode_not_a_map(void **state)
{
	struct group g;
	char *d;

	(void)state;
	nerr = decode("- a\n- b\n", SCHEMA(KIND_GROUP), &g, &d);
	COUNT(nerr, 1, d);
	DIAGS(d, "t.yaml:1:1: error: a group must be a map of keys and "
	    "values, not a list\n");
	schema_release(SCHEMA(KIND_GROUP), &g);
	nerr = decode("just text\n", SCHEMA(KIND_GROUP), &g, &d);
	COUNT(nerr, 1, d);
	DIAGS(d, "t.yaml:1:1: error: a group must be a map of keys and "
	    "values, not a scalar\n");
	schema_release(SCHEMA(KIND_GROUP), &g);
	/* A missing map (an empty file) reports the required keys at "at". */
	nerr = decode("", SCHEMA(KIND_GROUP), &g, &d);
	COUNT(nerr, 1, d);
	DIAGS(d, "t.yaml:1:1: error: missing required key \"name\" in "
	    "group\n");
	schema_release(SCHEMA(KIND_GROUP), &g);
	nerr = decode("? [a]\n: b\nname: x\n", SCHEMA(KIND_GROUP),
	    &g, &d);
	COUNT(nerr, 1, d);
	DIAGS(d, "t.yaml:1:3: error: keys must be plain words, not a list\n");
	schema_release(SCHEMA(KIND_GROUP), &g);
}

static void
test_decode_types(void **state)
{
	struct group g;
	struct path p;
	char *d;

	(void)state;
	nerr = decode("name: [a]\norder: \"3\"\ncolour: red\n",
	    SCHEMA(KIND_GROUP), &g, &d);
	COUNT(nerr, 3, d);
	DIAGS(d,
	    "t.yaml:1:7: error: \"name\" must be text (a string, or a map from "
	    "language to string), not a list\n"
	    "t.yaml:2:9: error: \"order\" must be a whole number, not a quoted "
	    "string\n"
	    "t.yaml:3:9: error: \"colour\" must be a colour written #rrggbb\n");
	schema_release(SCHEMA(KIND_GROUP), &g);

	nerr = decode("name: x\norder: 12x\n", SCHEMA(KIND_GROUP),
	    &g, &d);
	COUNT(nerr, 1, d);
	DIAGS(d, "t.yaml:2:8: error: \"order\" must be a whole number, not "
	    "\"12x\"\n");
	schema_release(SCHEMA(KIND_GROUP), &g);

	nerr = decode("name: x\norder: -7\ncolour: \"#A0b1C2\"\n",
	    SCHEMA(KIND_GROUP), &g, &d);
	COUNT(nerr, 0, d);
	DIAGS(d, "");
	assert_int_equal(g.order.v, -7);
	assert_int_equal(g.order.pos.line, 2);
	assert_string_equal(g.colour.s, "#A0b1C2");
	schema_release(SCHEMA(KIND_GROUP), &g);

	nerr = decode("name: x\norder: 9999999999\n",
	    SCHEMA(KIND_GROUP), &g, &d);
	COUNT(nerr, 1, d);
	DIAGS(d, "t.yaml:2:8: error: \"order\" must be a whole number, not "
	    "\"9999999999\"\n");
	schema_release(SCHEMA(KIND_GROUP), &g);

	/* Booleans are exactly true or false. */
	nerr = decode(
	    "title: x\n"
	    "persona: { name: Aino }\n"
	    "steps:\n"
	    "  - { at: service:a, title: t, handoff: true }\n"
	    "  - { at: actor:b, title: t, handoff: yes }\n"
	    "  - { at: service:a, title: t, handoff: \"true\" }\n"
	    "  - { at: group:g, title: t, handoff: false }\n",
	    SCHEMA(KIND_PATH), &p, &d);
	COUNT(nerr, 3, d);
	DIAGS(d,
	    "t.yaml:5:39: error: \"handoff\" must be true or false, not "
	    "\"yes\" (write true)\n"
	    "t.yaml:6:42: error: \"handoff\" must be true or false, not the "
	    "quoted \"true\" (write true without quotes)\n"
	    "t.yaml:7:11: error: \"at\" must be actor:<id> or service:<id>, "
	    "not \"group:g\"\n");
	assert_int_equal(p.steps.len, 4);
	assert_int_equal(((struct step *)p.steps.items)[0].handoff.v, 1);
	assert_int_equal(((struct step *)p.steps.items)[0].at.kind,
	    KIND_SERVICE);
	assert_string_equal(((struct step *)p.steps.items)[0].at.id, "a");
	assert_int_equal(((struct step *)p.steps.items)[1].at.kind,
	    KIND_ACTOR);
	assert_string_equal(((struct step *)p.steps.items)[1].at.id, "b");
	assert_int_equal(((struct step *)p.steps.items)[3].handoff.v, 0);
	assert_int_equal(((struct step *)p.steps.items)[3].handoff.pos.line,
	    7);
	schema_release(SCHEMA(KIND_PATH), &p);
}

static void
test_decode_enum(void **state)
{
	struct service s;
	struct map m;
	char *d;

	(void)state;
	nerr = decode("name: x\ngroup: g\nproviders: [a]\n"
	    "summary: s\naccess: referal\n", SCHEMA(KIND_SERVICE), &s, &d);
	COUNT(nerr, 1, d);
	DIAGS(d, "t.yaml:5:9: error: \"access\" must be one of self, referral "
	    "or self-or-referral, not \"referal\" (did you mean "
	    "\"referral\"?)\n");
	assert_int_equal(s.access.pos.line, 0);
	schema_release(SCHEMA(KIND_SERVICE), &s);

	nerr = decode("title: m\nlayout: circle\ndirection: [LR]\n"
	    "paper: A3-landscape\n", SCHEMA(KIND_MAP), &m, &d);
	COUNT(nerr, 2, d);
	DIAGS(d,
	    "t.yaml:2:9: error: \"layout\" must be one of dot, neato, fdp, "
	    "circo or twopi, not \"circle\" (did you mean \"circo\"?)\n"
	    "t.yaml:3:12: error: \"direction\" must be one of LR or TB, not a "
	    "list\n");
	assert_int_equal(m.paper.v, PAPER_A3_LANDSCAPE);
	schema_release(SCHEMA(KIND_MAP), &m);
}

static void
test_decode_text_languages(void **state)
{
	struct group g;
	char *d;
	unsigned fisv = (1u << LANG_FI) | (1u << LANG_SV);

	(void)state;
	/* A plain string is in the site's first language. */
	nerr = decode_lang("name: Grupp\n", SCHEMA(KIND_GROUP), &g,
	    &d, LANG_SV, fisv);
	COUNT(nerr, 0, d);
	DIAGS(d, "");
	assert_null(g.name.part[LANG_FI].s);
	assert_string_equal(g.name.part[LANG_SV].s, "Grupp");
	schema_release(SCHEMA(KIND_GROUP), &g);

	nerr = decode_lang(
	    "name: { fi: Ryhmä, sw: x, de: y, fi: z, en: Group, sv: [a] }\n",
	    SCHEMA(KIND_GROUP), &g, &d, LANG_FI, fisv);
	COUNT(nerr, 4, d);
	DIAGS(d,
	    "t.yaml:1:20: error: unknown language \"sw\"; expected fi, sv or "
	    "en (did you mean \"sv\"?)\n"
	    "t.yaml:1:27: error: unknown language \"de\"; expected fi, sv or "
	    "en\n"
	    "t.yaml:1:34: error: language \"fi\" given twice\n"
	    "t.yaml:1:41: warning: text in \"en\" is not published: site.yaml "
	    "languages do not include it\n"
	    "t.yaml:1:56: error: the \"sv\" text of \"name\" must be a string, "
	    "not a list\n");
	assert_string_equal(g.name.part[LANG_FI].s, "Ryhmä");
	assert_null(g.name.part[LANG_EN].s); /* not published: dropped */
	assert_null(g.name.part[LANG_SV].s);
	assert_int_equal(g.name.part[LANG_FI].pos.col, 13);
	schema_release(SCHEMA(KIND_GROUP), &g);
}

static void
test_decode_lists(void **state)
{
	struct service s;
	struct map m;
	char *d;

	(void)state;
	nerr = decode("name: x\ngroup: g\nproviders: []\n"
	    "summary: s\nrelated: [a, ~, B]\nnext: c\ntags:\n",
	    SCHEMA(KIND_SERVICE), &s, &d);
	COUNT(nerr, 3, d);
	DIAGS(d,
	    "t.yaml:3:12: error: \"providers\" needs at least one entry\n"
	    "t.yaml:5:14: error: empty entry in \"related\"\n"
	    "t.yaml:6:7: error: \"next\" must be a list, not a scalar\n");
	/* An invalid id is kept for resolve, which suggests a valid one. */
	assert_int_equal(s.related.len, 2);
	assert_string_equal(((struct ref *)s.related.items)[0].id, "a");
	assert_string_equal(((struct ref *)s.related.items)[1].id, "B");
	assert_int_equal(((struct ref *)s.related.items)[1].pos.col, 17);
	schema_release(SCHEMA(KIND_SERVICE), &s);

	/* F_ALL: the plain word all, not in a list, not quoted. */
	nerr = decode("title: m\nactors: all\ngroups: [all]\n",
	    SCHEMA(KIND_MAP), &m, &d);
	COUNT(nerr, 0, d);
	DIAGS(d, "");
	assert_int_equal(m.actors.all, 1);
	assert_int_equal(m.actors.len, 0);
	assert_int_equal(m.groups.all, 0);
	assert_int_equal(m.groups.len, 1);
	assert_string_equal(((struct ref *)m.groups.items)[0].id, "all");
	schema_release(SCHEMA(KIND_MAP), &m);
	nerr = decode("title: m\nactors: \"all\"\ngroups: every\n",
	    SCHEMA(KIND_MAP), &m, &d);
	COUNT(nerr, 2, d);
	DIAGS(d,
	    "t.yaml:2:10: error: \"actors\" must be a list or the word all, not "
	    "a quoted string\n"
	    "t.yaml:3:9: error: \"groups\" must be a list or the word all, not "
	    "a scalar\n");
	schema_release(SCHEMA(KIND_MAP), &m);
}

static void
test_decode_required_empty(void **state)
{
	struct service s;
	char *d;

	(void)state;
	nerr = decode("name:\ngroup: ~\nproviders: [a]\nsummary: s\n",
	    SCHEMA(KIND_SERVICE), &s, &d);
	COUNT(nerr, 2, d);
	DIAGS(d,
	    "t.yaml:1:1: error: \"name\" must not be empty\n"
	    "t.yaml:2:1: error: \"group\" must not be empty\n");
	schema_release(SCHEMA(KIND_SERVICE), &s);
	/* An optional empty value is simply absent. */
	nerr = decode("name: n\ngroup: g\nproviders: [a]\nsummary: "
	    "s\naccess:\nrelated: ~\n", SCHEMA(KIND_SERVICE), &s, &d);
	COUNT(nerr, 0, d);
	DIAGS(d, "");
	assert_int_equal(s.access.pos.line, 0);
	assert_int_equal(s.related.pos.line, 0);
	schema_release(SCHEMA(KIND_SERVICE), &s);
}

static void
test_decode_idmap(void **state)
{
	struct decision dc;
	struct question *q;
	struct answer *a;
	struct outcome *o;
	char *d;

	(void)state;
	nerr = decode(
	    "title: T\n"
	    "start: b\n"
	    "questions:\n"
	    "  b:\n"
	    "    text: B?\n"
	    "    answers:\n"
	    "      - { label: Kyllä, goto: a }\n"
	    "      - { label: Ei, outcome: x }\n"
	    "  a:\n"
	    "    text: A?\n"
	    "    answers: [{ label: OK, outcome: x }]\n"
	    "  Bad:\n"
	    "    text: c\n"
	    "  b:\n"
	    "    text: again\n"
	    "  c:\n"
	    "    answers: []\n"
	    "outcomes:\n"
	    "  x: { text: X, segment: s1, actor: a1 }\n",
	    SCHEMA(KIND_DECISION), &dc, &d);
	COUNT(nerr, 4, d);
	DIAGS(d,
	    "t.yaml:12:3: error: \"Bad\" is not a valid id (lower-case letters "
	    "a-z, digits and '-')\n"
	    "t.yaml:14:3: error: duplicate id \"b\" in \"questions\" (first at "
	    "line 4)\n"
	    "t.yaml:17:5: error: missing required key \"text\" in question\n"
	    "t.yaml:17:14: error: \"answers\" needs at least one entry\n");
	/* Questions in file order, keyed by their ids. */
	assert_int_equal(dc.questions.len, 3);
	q = dc.questions.items;
	assert_string_equal(q[0].id.s, "b");
	assert_int_equal(q[0].id.pos.line, 4);
	assert_int_equal(q[0].id.pos.col, 3);
	assert_string_equal(q[0].text.part[LANG_FI].s, "B?");
	assert_int_equal(q[0].answers.len, 2);
	a = q[0].answers.items;
	assert_string_equal(a[0].label.part[LANG_FI].s, "Kyllä");
	assert_string_equal(a[0].go.s, "a");
	assert_null(a[0].outcome.s);
	assert_string_equal(a[1].outcome.s, "x");
	assert_string_equal(q[1].id.s, "a");
	assert_string_equal(q[2].id.s, "c");
	assert_int_equal(dc.outcomes.len, 1);
	o = dc.outcomes.items;
	assert_string_equal(o[0].id.s, "x");
	assert_string_equal(o[0].segment.id, "s1");
	assert_int_equal(o[0].segment.kind, KIND_SEGMENT);
	assert_string_equal(o[0].actor.id, "a1");
	assert_string_equal(dc.start.s, "b");
	schema_release(SCHEMA(KIND_DECISION), &dc);
}

static void
test_decode_site(void **state)
{
	struct site s;
	struct audience *au;
	char *d;

	(void)state;
	memset(&s, 0, sizeof(s));
	nerr = decode_lang(
	    "title: Käsikirja\n"
	    "languages: [fi, sv]\n"
	    "audiences:\n"
	    "  paattajat: Päättäjät\n"
	    "  asiakkaat: { fi: Asiakkaat, sv: Klienter }\n"
	    "  tyhja:\n"
	    "anonymity: { k: 7, rounding: 5 }\n",
	    &schema_site, &s, &d, LANG_FI, (1u << LANG_FI) | (1u << LANG_SV));
	COUNT(nerr, 1, d);
	DIAGS(d, "t.yaml:6:3: error: \"tyhja\" needs a value\n");
	assert_int_equal(s.languages.len, 2);
	assert_int_equal(((struct choice *)s.languages.items)[1].v, LANG_SV);
	assert_int_equal(s.audiences.len, 3);
	au = s.audiences.items;
	assert_string_equal(au[2].id.s, "tyhja");
	assert_null(au[2].name.part[LANG_FI].s);
	assert_string_equal(au[0].id.s, "paattajat");
	assert_string_equal(au[0].name.part[LANG_FI].s, "Päättäjät");
	assert_string_equal(au[1].id.s, "asiakkaat");
	assert_string_equal(au[1].name.part[LANG_SV].s, "Klienter");
	assert_int_equal(s.anonymity.k.v, 7);
	assert_int_equal(s.anonymity.rounding.v, 5);
	assert_int_equal(s.anonymity.pos.line, 7);
	schema_release(&schema_site, &s);

	memset(&s, 0, sizeof(s));
	nerr = decode("title: T\nanonymity: { k: 2, rounding: 0 }\n"
	    "languages: []\n", &schema_site, &s, &d);
	COUNT(nerr, 3, d);
	DIAGS(d,
	    "t.yaml:2:17: error: \"k\" must be at least 3, not 2\n"
	    "t.yaml:2:30: error: \"rounding\" must be at least 1, not 0\n"
	    "t.yaml:3:12: error: \"languages\" needs at least one entry\n");
	schema_release(&schema_site, &s);
}

static void
test_decode_string_checks(void **state)
{
	struct actor a;
	struct path p;
	struct flow f;
	char *d;

	(void)state;
	nerr = decode("name: A\nkind: public\nurl: ftp://x\n",
	    SCHEMA(KIND_ACTOR), &a, &d);
	COUNT(nerr, 1, d);
	DIAGS(d, "t.yaml:3:6: error: \"url\" must be an http:// or https:// "
	    "URL\n");
	schema_release(SCHEMA(KIND_ACTOR), &a);
	nerr = decode("name: A\nkind: public\nurl: \"https://\"\n",
	    SCHEMA(KIND_ACTOR), &a, &d);
	COUNT(nerr, 1, d);
	DIAGS(d, "t.yaml:3:7: error: \"url\" must be an http:// or https:// "
	    "URL\n");
	schema_release(SCHEMA(KIND_ACTOR), &a);
	nerr = decode("name: A\nkind: public\nurl: http://x.fi/\n",
	    SCHEMA(KIND_ACTOR), &a, &d);
	COUNT(nerr, 0, d);
	DIAGS(d, "");
	assert_string_equal(a.url.s, "http://x.fi/");
	schema_release(SCHEMA(KIND_ACTOR), &a);

	nerr = decode("title: t\npersona: { name: Matti Virtanen, "
	    "age: \"42\" }\nsteps: [{ at: service:a, title: t }]\n",
	    SCHEMA(KIND_PATH), &p, &d);
	COUNT(nerr, 2, d);
	DIAGS(d,
	    "t.yaml:2:18: error: \"name\" must be a first name only\n"
	    "t.yaml:2:40: error: \"age\" must be an age band such as 25-35, not "
	    "an exact age\n");
	schema_release(SCHEMA(KIND_PATH), &p);
	nerr = decode("title: t\npersona: { name: Aino, age: 25-35 "
	    "}\nsteps: [{ at: service:a, title: t }]\n",
	    SCHEMA(KIND_PATH), &p, &d);
	COUNT(nerr, 0, d);
	DIAGS(d, "");
	assert_string_equal(p.persona.name.s, "Aino");
	assert_string_equal(p.persona.age.s, "25-35");
	schema_release(SCHEMA(KIND_PATH), &p);

	nerr = decode("title: f\nsource: events.csv\nformat: events\n"
	    "k: 2\n", SCHEMA(KIND_FLOW), &f, &d);
	COUNT(nerr, 2, d);
	DIAGS(d,
	    "t.yaml:2:9: error: \"source\" must be a path under data/, such as "
	    "data/events.csv\n"
	    "t.yaml:4:4: error: \"k\" must be at least 3, not 2\n");
	schema_release(SCHEMA(KIND_FLOW), &f);
}

static void
test_decode_guide_front(void **state)
{
	struct guide_variant v;
	char *d;

	(void)state;
	nerr = decode("title: Ohje\norder: 3\naudience: [a, b]\n"
	    "lang: sv\n", &schema_guide_front, &v, &d);
	COUNT(nerr, 0, d);
	DIAGS(d, "");
	assert_string_equal(v.title.s, "Ohje");
	assert_int_equal(v.order.v, 3);
	assert_int_equal(v.audience.len, 2);
	assert_int_equal(((struct ref *)v.audience.items)[1].kind,
	    KIND_AUDIENCE);
	assert_int_equal(v.lang.v, LANG_SV);
	schema_release(&schema_guide_front, &v);
	/* title is a plain string there, not a text map. */
	nerr = decode("title: { fi: x }\n", &schema_guide_front, &v,
	    &d);
	COUNT(nerr, 1, d);
	DIAGS(d, "t.yaml:1:8: error: \"title\" must be a string, not a map\n");
	schema_release(&schema_guide_front, &v);
}

/* schema_walk: every value once, with the flags of its enclosing fields. */
struct walk_log {
	struct buf b;
};

static void
log_visit(const struct field *f, void *value, unsigned flags, void *arg)
{
	struct walk_log *w = arg;

	(void)value;
	if (f->type == FT_TEXT || f->type == FT_MD || f->type == FT_STRING)
		buf_printf(&w->b, "%s%s%s ", f->key,
		    (flags & F_PATHLINT) ? "+P" : "",
		    (flags & F_NOLINT) ? "+N" : "");
}

static void
test_schema_walk(void **state)
{
	struct actor a;
	struct path p;
	struct walk_log w = { { 0 } };
	char *d;

	(void)state;
	nerr = decode("name: A\nkind: team\ncontact: { phone: \"1\" "
	    "}\n", SCHEMA(KIND_ACTOR), &a, &d);
	COUNT(nerr, 0, d);
	DIAGS(d, "");
	schema_walk(SCHEMA(KIND_ACTOR), &a, 0, log_visit, &w);
	/* reviewed, a date, is exempt from the lint like the contact. */
	assert_string_equal(w.b.data, "name summary description url+N "
	    "phone+N email+N address+N hours+N web+N reviewed+N ");
	buf_free(&w.b);
	schema_release(SCHEMA(KIND_ACTOR), &a);

	nerr = decode("title: t\npersona: { name: Aino }\nsteps:\n"
	    "  - { at: service:a, title: t }\n  - { at: actor:b, title: u }\n",
	    SCHEMA(KIND_PATH), &p, &d);
	COUNT(nerr, 0, d);
	DIAGS(d, "");
	schema_walk(SCHEMA(KIND_PATH), &p, F_PATHLINT, log_visit, &w);
	assert_string_equal(w.b.data, "title+P name+P age+P+N situation+P basis+P "
	    "title+P note+P quote+P duration+P "
	    "title+P note+P quote+P duration+P reviewed+P+N ");
	buf_free(&w.b);
	schema_release(SCHEMA(KIND_PATH), &p);
}

/* Every kind decodes a minimal valid entity without a diagnostic, and
 * reports the same required keys as the spec. */
static void
test_required_keys(void **state)
{
	static const struct {
		enum kind kind;
		const char *missing;
	} cases[] = {
		{ KIND_ACTOR, "name kind" },
		{ KIND_GROUP, "name" },
		{ KIND_SERVICE, "name group providers summary" },
		{ KIND_PATH, "title persona steps" },
		{ KIND_SEGMENT, "name level when" },
		{ KIND_DECISION, "title start questions outcomes" },
		{ KIND_MAP, "title" },
		{ KIND_FLOW, "title source format" },
		{ KIND_GUIDE, "title" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		const struct schema *s = SCHEMA(cases[i].kind);
		void *obj = xcalloc(1, s->size);
		struct buf want = { 0 };
		char *d, *k, *save = NULL, *list = xstrdup(cases[i].missing);
		size_t n = 0;

		for (k = strtok_r(list, " ", &save); k != NULL;
		    k = strtok_r(NULL, " ", &save), n++)
			buf_printf(&want, "t.yaml:1:1: error: missing required "
			    "key \"%s\" in %s\n", k, s->name);
		nerr = decode("{}\n", s, obj, &d);
		COUNT(nerr, n, d);
		assert_string_equal(d, want.data);
		free(d);
		buf_free(&want);
		free(list);
		schema_release(s, obj);
		free(obj);
	}
}

/*
 * Strings of every shape the checks look at, good and bad.  Each check's
 * editor pattern must accept every one the check accepts, and reject some.
 */
static const char *const pattern_samples[] = {
	"", "https://example.fi/", "http://x", "https://kasikirja.example.fi/",
	"https://github.com/org/repo/edit/main/content/{path}",
	"http://x/{path}", "ftp://x", "https://", "https:///x", "https://:80",
	"https://x.fi/?a=1", "https://x.fi/#a", "https://x y",
	"#1a2B3c", "#12345", "#12345g",
	"25-35", "yli 55", "alle 30", "over 60", "60+", "25\xe2\x80\x93" "35",
	"35-25", "42", "Matti", "Matti Meik\xc3\xa4l\xc3\xa4inen", "m@x",
	"2026-03-01", "2024-02-29", "2025-02-29", "2026-13-01", "26-03-01",
	"2026-03", "2026-13", "2026-3",
	"0b3a1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
	"0B3A1C2D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
	"0b3a1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4", "0b3a1c2d4e5f4a6b8c7d9e0f1a2b3c4d",
	"423", "005", "000", "4230",
	"data/events.csv", "data/2024/flow.json", "data/", "events.csv",
};

struct pattern_audit {
	const struct schema *seen[64];
	size_t nseen, nfields;
};

static void
audit_patterns(const struct schema *s, struct pattern_audit *a);

static void
audit_field(const struct schema *s, const struct field *f,
    struct pattern_audit *a)
{
	const char *pattern;
	regex_t re;
	size_t i, accepted = 0, refused = 0;

	if (f->type == FT_LIST) {
		audit_field(s, f->elem, a);
		return;
	}
	if (f->type == FT_STRUCT || f->type == FT_IDMAP) {
		audit_patterns(f->sub, a);
		return;
	}
	if (f->type != FT_STRING || f->check == NULL)
		return;
	a->nfields++;
	pattern = schema_string_pattern(f);
	if (pattern == NULL)
		fail_msg("%s.%s: a check without an editor pattern", s->name,
		    f->key);
	if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB) != 0)
		fail_msg("%s.%s: pattern %s does not compile", s->name, f->key,
		    pattern);
	for (i = 0; i < ARRAY_LEN(pattern_samples); i++) {
		int matches = regexec(&re, pattern_samples[i], 0, NULL, 0) == 0;

		if (f->check(pattern_samples[i]) == NULL) {
			accepted++;
			if (!matches)
				fail_msg("%s.%s: kartta accepts \"%s\", pattern "
				    "%s refuses it", s->name, f->key,
				    pattern_samples[i], pattern);
		} else if (!matches)
			refused++;
	}
	regfree(&re);
	if (accepted == 0 || refused == 0)
		fail_msg("%s.%s: the samples do not test pattern %s (%zu "
		    "accepted, %zu refused by both)", s->name, f->key, pattern,
		    accepted, refused);
}

static void
audit_patterns(const struct schema *s, struct pattern_audit *a)
{
	size_t i;

	for (i = 0; i < a->nseen; i++)
		if (a->seen[i] == s)
			return;
	assert_true(a->nseen < ARRAY_LEN(a->seen));
	a->seen[a->nseen++] = s;
	for (i = 0; s->fields[i].key != NULL; i++)
		audit_field(s, &s->fields[i], a);
}

/* kartta schema's patterns never flag in an editor what kartta accepts. */
static void
test_string_patterns(void **state)
{
	struct pattern_audit a;
	unsigned k;

	(void)state;
	memset(&a, 0, sizeof(a));
	audit_patterns(&schema_site, &a);
	for (k = 0; k < KIND_COUNT; k++)
		audit_patterns(schema_of_kind[k], &a);
	/* url, colour, dates, months, ptv, code, … are all reached. */
	assert_true(a.nfields >= 15);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ydoc_tree),
		cmocka_unit_test(test_ydoc_nulls),
		cmocka_unit_test(test_ydoc_empty),
		cmocka_unit_test(test_ydoc_refused),
		cmocka_unit_test(test_ydoc_alias_bomb),
		cmocka_unit_test(test_ydoc_depth),
		cmocka_unit_test(test_ydoc_line_offset),
		cmocka_unit_test(test_id_valid),
		cmocka_unit_test(test_decode_service),
		cmocka_unit_test(test_decode_unknown_missing_duplicate),
		cmocka_unit_test(test_decode_not_a_map),
		cmocka_unit_test(test_decode_types),
		cmocka_unit_test(test_decode_enum),
		cmocka_unit_test(test_decode_text_languages),
		cmocka_unit_test(test_decode_lists),
		cmocka_unit_test(test_decode_required_empty),
		cmocka_unit_test(test_decode_idmap),
		cmocka_unit_test(test_decode_site),
		cmocka_unit_test(test_decode_string_checks),
		cmocka_unit_test(test_string_patterns),
		cmocka_unit_test(test_decode_guide_front),
		cmocka_unit_test(test_schema_walk),
		cmocka_unit_test(test_required_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
