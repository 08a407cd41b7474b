/*
 * Markdown through cmark-gfm into libxml2 nodes.
 *
 * Syntax.  CommonMark with three of GitHub's extensions: tables,
 * strikethrough (~~x~~) and autolinks (www.…, https://…, e-mail
 * addresses written bare).  Raw HTML is parsed as CommonMark says, so
 * that it can be found and shown as text, never passed through: inside
 * table cells too.  The tagfilter extension is not used, as no HTML
 * reaches a page.  The extensions are registered once per process, the
 * first time md_parse runs (cmark-gfm keeps them in a global list that
 * is only read afterwards).
 *
 * Positions.  cmark's block positions (start line, start byte column)
 * are reliable; its inline positions are not: they are byte columns, the
 * leading white space that paragraph continuation lines lose is not
 * counted, and after a link or code span spanning lines, or after link
 * reference definitions, they point at the wrong line.  So md_check
 * looks the destination up in the source instead: within the lines of
 * the paragraph or heading that holds the link, from just after the
 * previous thing found, the first copy of the URL that stands where a
 * destination stands ("](" or "<" before it); failing that, a link
 * reference definition "]: URL" anywhere in the text; failing that, the
 * text after the "](" that follows the link's "[" (or that "[" itself);
 * failing that, the block's start.  A URL written with backslash escapes
 * or entities does not match itself and so is found by its "](".  Byte
 * offsets become columns in characters,
 * then are moved by the text's md_origin.
 */
#include "md.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

struct md_doc {
	cmark_node *root;        /* owned */
	char *src;               /* owned; the text as parsed, sanitised */
	size_t len;              /* bytes in src */
	size_t *line;            /* owned; byte offset of each line's start */
	size_t nlines;           /* entries in line, at least 1 */
	struct md_origin origin; /* where src sits in its file */
	int no_autolink;         /* parsed without the autolink extension */
	int no_table;            /* parsed without the table extension */
	size_t too_deep;         /* offset + 1 where MD_DEPTH_MAX was passed,
	                          * 0 if it was not (then root is empty) */
};

static const char *const ref_names[MD_REF_COUNT] = {
	"service", "actor", "group", "path", "segment", "decision", "map",
	"flow", "guide", "area", "theme", "model",
};

const char *
md_ref_kind_name(enum md_ref_kind kind)
{
	return (unsigned)kind < MD_REF_COUNT ? ref_names[kind] : "?";
}

int
md_ref_kind_parse(const char *name, size_t len, enum md_ref_kind *kind)
{
	size_t i;

	for (i = 0; i < MD_REF_COUNT; i++)
		if (strlen(ref_names[i]) == len &&
		    memcmp(ref_names[i], name, len) == 0) {
			*kind = (enum md_ref_kind)i;
			return 1;
		}
	return 0;
}

static int
ref_embeddable(enum md_ref_kind kind)
{
	return kind == MD_REF_MAP || kind == MD_REF_PATH ||
	    kind == MD_REF_DECISION || kind == MD_REF_FLOW;
}

/* ---- UTF-8 and XML-safe text ---- */

/*
 * Decodes the code point at s[0..len), len > 0.  Returns it and sets *n
 * to its length in bytes; returns -1 with *n = 1 for a byte that does
 * not start a well-formed sequence (overlong, surrogate, too large or
 * truncated).
 */
static long
utf8_decode(const unsigned char *s, size_t len, size_t *n)
{
	long cp, min;
	size_t k, need;

	*n = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		need = 1;
		cp = s[0] & 0x1F;
		min = 0x80;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 2;
		cp = s[0] & 0x0F;
		min = 0x800;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 3;
		cp = s[0] & 0x07;
		min = 0x10000;
	} else
		return -1;
	if (len < need + 1)
		return -1;
	for (k = 1; k <= need; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*n = need + 1;
	return cp;
}

/* Non-zero if XML 1.0 can carry code point cp (line endings aside). */
static int
xml_char_ok(long cp)
{
	return cp == '\t' || cp == '\n' || (cp >= 0x20 && cp <= 0xD7FF) ||
	    (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
}

/*
 * Appends s[0..len) to b with every byte or character XML cannot carry
 * replaced by U+FFFD.  Carriage returns are kept when keep_cr is set (the
 * source keeps its line endings for cmark) and otherwise become "\n", or
 * nothing before a "\n".
 */
static void
clean_append(struct buf *b, const char *str, size_t len, int keep_cr)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, start = 0, n;
	long cp;

	while (i < len) {
		if (s[i] >= 0x20 && s[i] < 0x80) {
			i++;
			continue;
		}
		cp = utf8_decode(s + i, len - i, &n);
		if (cp >= 0 && xml_char_ok(cp)) {
			i += n;
			continue;
		}
		if (cp == '\r' && keep_cr) {
			i++;
			continue;
		}
		buf_append(b, str + start, i - start);
		if (cp == '\r') {
			if (i + 1 >= len || s[i + 1] != '\n')
				buf_putc(b, '\n');
		} else
			buf_puts(b, "\xEF\xBF\xBD");
		i += n;
		start = i;
	}
	buf_append(b, str + start, len - start);
}

/* Returns an XML-safe copy of s (see clean_append); the caller frees. */
static char *
xml_clean(const char *s)
{
	struct buf b = { 0 };

	clean_append(&b, s, strlen(s), 0);
	return buf_detach(&b);
}

/* ---- cmark-gfm ---- */

/* The extensions md_parse attaches, by cmark-gfm's names. */
static const char *const gfm_extensions[] = { "table", "strikethrough",
	"autolink" };

/*
 * Two of the extensions cost more than linear time or memory on some
 * texts, so md_parse leaves them out of a text where they would:
 *
 * - autolink turns each bare e-mail address of a text into a link by
 *   copying the rest of the text, for up to about a thousand addresses
 *   a text: a paragraph of n bytes full of addresses costs 1000 n bytes
 *   (4 GiB for a 4 MiB file).  Bounded from above by counting each run
 *   of non-blank lines (a paragraph, a table) as one text: the number
 *   of "@" in it, at most 1000, times its length.
 * - table parses a row of n cells in time quadratic in n (up to its
 *   limit of 65,535 cells: seconds a row).  Bounded from above by the
 *   sum over the lines of the square of the "|" in each.
 *
 * Above its budget, the extension is not used for that text (it is
 * parsed as plain CommonMark, as before cmark-gfm) and md_check says
 * so.  No table or list of addresses that people write comes near.
 */
#define AUTOLINK_COPIES 1000
#define AUTOLINK_BUDGET ((size_t)64 << 20) /* bytes copied */
#define TABLE_BUDGET ((size_t)1 << 24)     /* sum of pipes squared */

static void
gfm_costs(const char *src, size_t len, size_t *autolink, size_t *table)
{
	size_t i = 0, start = 0, ats = 0, pipes = 0;
	int line_blank = 1, run = 0;

	*autolink = *table = 0;
	for (i = 0; i <= len; i++) {
		char c = i < len ? src[i] : '\n';

		if (c != '\n' && c != '\r') {
			if (c != ' ' && c != '\t') {
				if (!run) {
					run = 1;
					start = i;
				}
				line_blank = 0;
			}
			ats += c == '@';
			pipes += c == '|';
			continue;
		}
		*table += pipes * pipes;
		pipes = 0;
		/* A blank line, or the end, closes the run of lines. */
		if ((line_blank || i == len) && run) {
			*autolink += (ats < AUTOLINK_COPIES ? ats :
			    AUTOLINK_COPIES) * (i - start);
			run = 0;
			ats = 0;
		}
		line_blank = 1;
		if (*autolink > AUTOLINK_BUDGET && *table > TABLE_BUDGET)
			return;
	}
}

/*
 * Returns the document tree of src[0..len); the caller frees it with
 * cmark_node_free().  Never CMARK_OPT_UNSAFE: raw HTML stays in the tree
 * as HTML nodes, which md_check reports and md_render shows as text.
 * autolink and table say whether to attach those extensions.
 */
static cmark_node *
parse_gfm(const char *src, size_t len, int autolink, int table)
{
	cmark_parser *p;
	cmark_node *root;
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	if ((p = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8)) == NULL)
		fatal_oom();
	for (i = 0; i < ARRAY_LEN(gfm_extensions); i++) {
		cmark_syntax_extension *ext;

		if ((!autolink && strcmp(gfm_extensions[i], "autolink") == 0) ||
		    (!table && strcmp(gfm_extensions[i], "table") == 0))
			continue;
		ext = cmark_find_syntax_extension(gfm_extensions[i]);
		/* Only a broken installation lacks one: a system error. */
		if (ext == NULL || !cmark_parser_attach_syntax_extension(p,
		    ext)) {
			fprintf(stderr, "kartta: cmark-gfm has no \"%s\" "
			    "extension\n", gfm_extensions[i]);
			exit(KARTTA_EXIT_SYSTEM);
		}
	}
	cmark_parser_feed(p, src, len);
	root = cmark_parser_finish(p);
	cmark_parser_free(p);
	if (root == NULL)
		fatal_oom();
	return root;
}

/*
 * What a node is, core and extension types alike.  The extensions'
 * node types are numbers assigned when they are registered and declared
 * in no installed header, so extension nodes are told apart by the type
 * name their extension gives them.
 */
enum md_node {
	N_OTHER,         /* the core types: use cmark_node_get_type */
	N_TABLE,
	N_TABLE_ROW,     /* a header row or a body row */
	N_TABLE_CELL,
	N_STRIKETHROUGH,
};

static enum md_node
node_ext(cmark_node *n)
{
	const char *name;

	if (cmark_node_get_syntax_extension(n) == NULL)
		return N_OTHER;
	name = cmark_node_get_type_string(n);
	if (strcmp(name, "table") == 0)
		return N_TABLE;
	if (strcmp(name, "table_row") == 0 || strcmp(name, "table_header") == 0)
		return N_TABLE_ROW;
	if (strcmp(name, "table_cell") == 0)
		return N_TABLE_CELL;
	if (strcmp(name, "strikethrough") == 0)
		return N_STRIKETHROUGH;
	return N_OTHER;
}

/* ---- Documents ---- */

/*
 * How deeply elements may nest in one text: block quotes, lists and
 * their items, emphasis, links and images all count.  Every tree walk
 * after the parse (ours over libxml2 pages, libxml2's own, the browser's)
 * may then recurse freely: pages nest a few dozen elements around a
 * text, far below any stack limit, while ">>>>…" of a 4 MiB file nests
 * four million.  No text that people write comes near 32.
 */
#define MD_DEPTH_MAX 32

static size_t doc_offset(const struct md_doc *doc, int line, int col);

/*
 * Returns 0 if no node of the tree under root nests deeper than
 * MD_DEPTH_MAX, else the first node that does.  Iterative (cmark_iter
 * keeps no stack), so that the check itself survives any depth.
 */
static cmark_node *
too_deep(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	cmark_node *deep = NULL;
	unsigned depth = 0;

	if (it == NULL)
		fatal_oom();
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (n == root)
			continue;
		/* Leaves come as one ENTER event and no EXIT. */
		if (ev == CMARK_EVENT_EXIT)
			depth--;
		else if (cmark_node_first_child(n) != NULL &&
		    ++depth > MD_DEPTH_MAX) {
			deep = n;
			break;
		}
	}
	cmark_iter_free(it);
	return deep;
}

struct md_doc *
md_parse(const char *text, size_t len, const struct md_origin *origin)
{
	struct md_doc *doc = xcalloc(1, sizeof(*doc));
	struct buf b = { 0 };
	size_t i, cap = 0, cost_autolink, cost_table;
	cmark_node *deep;

	clean_append(&b, text, len, 1);
	doc->len = b.len;
	doc->src = buf_detach(&b);
	if (origin != NULL)
		doc->origin = *origin;
	else {
		doc->origin.base.line = 1;
		doc->origin.base.col = 1;
	}
	if (doc->origin.base.line == 0)
		doc->origin.base.line = 1;
	if (doc->origin.base.col == 0)
		doc->origin.base.col = 1;

	/* Line starts, with cmark's line endings: "\n", "\r\n" or "\r". */
	*(size_t *)array_push(&doc->line, &doc->nlines, &cap,
	    sizeof(size_t)) = 0;
	for (i = 0; i < doc->len; i++) {
		if (doc->src[i] == '\r' && i + 1 < doc->len &&
		    doc->src[i + 1] == '\n')
			i++;
		if ((doc->src[i] == '\n' || doc->src[i] == '\r') &&
		    i + 1 < doc->len)
			*(size_t *)array_push(&doc->line, &doc->nlines, &cap,
			    sizeof(size_t)) = i + 1;
	}

	gfm_costs(doc->src, doc->len, &cost_autolink, &cost_table);
	doc->no_autolink = cost_autolink > AUTOLINK_BUDGET;
	doc->no_table = cost_table > TABLE_BUDGET;
	doc->root = parse_gfm(doc->src, doc->len, !doc->no_autolink,
	    !doc->no_table);
	if ((deep = too_deep(doc->root)) != NULL) {
		/* md_check reports it; everything else sees an empty text.
		 * cmark_node_free is iterative. */
		doc->too_deep = 1 + doc_offset(doc,
		    cmark_node_get_start_line(deep),
		    cmark_node_get_start_column(deep));
		cmark_node_free(doc->root);
		if ((doc->root = cmark_node_new(CMARK_NODE_DOCUMENT)) == NULL)
			fatal_oom();
	}
	return doc;
}

void
md_doc_free(struct md_doc *doc)
{
	if (doc == NULL)
		return;
	cmark_node_free(doc->root);
	free(doc->src);
	free(doc->line);
	free(doc);
}

int
md_doc_empty(const struct md_doc *doc)
{
	return cmark_node_first_child(doc->root) == NULL;
}

int
md_doc_top_heading(const struct md_doc *doc)
{
	cmark_iter *it = cmark_iter_new(doc->root);
	cmark_event_type ev;
	int top = 0, level;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		level = cmark_node_get_heading_level(n);
		if (top == 0 || level < top)
			top = level;
	}
	cmark_iter_free(it);
	return top;
}

/* Returns the byte offset just past the text of line index l (0-based). */
static size_t
line_end(const struct md_doc *doc, size_t l)
{
	size_t end = l + 1 < doc->nlines ? doc->line[l + 1] : doc->len;

	while (end > doc->line[l] &&
	    (doc->src[end - 1] == '\n' || doc->src[end - 1] == '\r'))
		end--;
	return end;
}

/* Returns the line index (0-based) holding byte offset off. */
static size_t
line_of(const struct md_doc *doc, size_t off)
{
	size_t lo = 0, hi = doc->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (doc->line[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Returns the file position of byte offset off of the text. */
static struct pos
doc_pos(const struct md_doc *doc, size_t off)
{
	struct pos p;
	size_t l = line_of(doc, off);
	size_t chars = utf8_count(doc->src + doc->line[l], off - doc->line[l]);

	p.file = doc->origin.base.file;
	p.line = doc->origin.base.line + (unsigned)l;
	p.col = (unsigned)chars + (l == 0 ? doc->origin.base.col :
	    doc->origin.indent + 1);
	return p;
}

/*
 * Returns the byte offset of cmark's (line, byte column) position, both
 * 1-based, clamped into the text.
 */
static size_t
doc_offset(const struct md_doc *doc, int line, int col)
{
	size_t l = line < 1 ? 0 : (size_t)line - 1;
	size_t off, end;

	if (l >= doc->nlines)
		l = doc->nlines - 1;
	end = line_end(doc, l);
	off = doc->line[l] + (col < 1 ? 0 : (size_t)col - 1);
	return off > end ? end : off;
}

/* ---- URLs ---- */

enum url_class {
	URL_RELATIVE,   /* no scheme: a path, query or fragment */
	URL_NETWORK,    /* "//host/…": the page's own scheme */
	URL_WEB,        /* http:, https: */
	URL_CONTACT,    /* mailto:, tel: */
	URL_ENTITY,     /* service: … guide: */
	URL_DATA_IMAGE, /* data:image/png, jpeg, gif or webp */
	URL_OTHER,      /* any other scheme, or one with odd characters */
};

#define SCHEME_MAX 32

static int
is_space_or_control(unsigned char c)
{
	return c <= 0x20 || c == 0x7F;
}

static int
is_scheme_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c == '+' || c == '-' || c == '.';
}

/*
 * Classifies a URL as cmark decoded it (entities and backslash escapes
 * resolved).  Browsers drop white space and control characters in and
 * around a scheme and ignore its case, so a scheme written with any of
 * them is URL_OTHER, whatever it spells.  scheme gets the scheme in lower
 * case without such characters (for messages; other odd bytes as "?"),
 * or "" when there is none; *kind the entity kind for URL_ENTITY.
 */
static enum url_class
url_classify(const char *url, char scheme[SCHEME_MAX + 1],
    enum md_ref_kind *kind)
{
	const unsigned char *u = (const unsigned char *)url;
	size_t i, n = 0;
	int odd = 0, bad = 0;
	static const char *const images[] = { "png", "jpeg", "gif", "webp" };

	scheme[0] = '\0';
	for (i = 0; u[i] != '\0' && u[i] != ':' && u[i] != '/' &&
	    u[i] != '?' && u[i] != '#' && u[i] != '\\'; i++) {
		unsigned char c = u[i];

		if (is_space_or_control(c)) {
			odd = 1;
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (!is_scheme_char(c)) {
			bad = 1;
			c = '?';
		}
		if (n < SCHEME_MAX)
			scheme[n++] = (char)c;
		else
			bad = 1;
	}
	scheme[n] = '\0';
	/* Browsers read ":x" (no scheme name) as a relative path too. */
	if (u[i] != ':' || n == 0) {
		if ((u[0] == '/' || u[0] == '\\') &&
		    (u[1] == '/' || u[1] == '\\'))
			return URL_NETWORK;
		return URL_RELATIVE;
	}
	if (odd || bad)
		return URL_OTHER;
	if (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0)
		return URL_WEB;
	if (strcmp(scheme, "mailto") == 0 || strcmp(scheme, "tel") == 0)
		return URL_CONTACT;
	if (md_ref_kind_parse(scheme, n, kind))
		return URL_ENTITY;
	if (strcmp(scheme, "data") == 0 &&
	    strncasecmp(url + i + 1, "image/", 6) == 0) {
		const char *t = url + i + 7;
		size_t k;

		for (k = 0; k < ARRAY_LEN(images); k++) {
			size_t len = strlen(images[k]);

			if (strncasecmp(t, images[k], len) == 0 &&
			    (t[len] == ';' || t[len] == ','))
				return URL_DATA_IMAGE;
		}
	}
	return URL_OTHER;
}

/* An entity link's destination, split. */
enum ref_status {
	REF_OK,
	REF_NO_ID,     /* "service:" alone */
	REF_BAD_ID,    /* not ^[a-z0-9][a-z0-9-]{0,63}$: cannot exist */
	REF_FRAGMENT,  /* "#…" on a kind other than guide */
	REF_BAD_FRAG,  /* a fragment of odd characters */
};

struct ref {
	enum md_ref_kind kind; /* from the scheme */
	char *id;              /* owned; as written */
	char *frag;            /* owned; without "#", NULL if none */
	enum ref_status status; /* whether the two are well-formed */
};

static int
ref_id_valid(const char *s)
{
	size_t i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return 0;
	for (i = 1; s[i] != '\0'; i++)
		if (i >= 64 || !((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

static int
ref_frag_valid(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (i >= 128 || !((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		    s[i] == '_' || s[i] == '.'))
			return 0;
	return i > 0;
}

/* Splits a URL already classified URL_ENTITY as kind; free with ref_clear. */
static void
ref_split(const char *url, enum md_ref_kind kind, struct ref *r)
{
	const char *rest = strchr(url, ':') + 1;
	const char *hash = strchr(rest, '#');

	r->kind = kind;
	r->id = hash ? xstrndup(rest, (size_t)(hash - rest)) : xstrdup(rest);
	r->frag = hash && hash[1] != '\0' ? xstrdup(hash + 1) : NULL;
	if (r->id[0] == '\0')
		r->status = REF_NO_ID;
	else if (!ref_id_valid(r->id))
		r->status = REF_BAD_ID;
	else if (r->frag != NULL && kind != MD_REF_GUIDE)
		r->status = REF_FRAGMENT;
	else if (r->frag != NULL && !ref_frag_valid(r->frag))
		r->status = REF_BAD_FRAG;
	else
		r->status = REF_OK;
}

static void
ref_clear(struct ref *r)
{
	free(r->id);
	free(r->frag);
}

/*
 * Returns the page URL of an entity destination, or NULL when it does
 * not resolve (bad form, unknown id, no env or no page).  The caller
 * frees it.
 */
static char *
ref_resolve(const struct md_env *env, const char *url, enum md_ref_kind kind,
    struct ref *r)
{
	ref_split(url, kind, r);
	if (r->status != REF_OK || env == NULL || env->exists == NULL ||
	    env->url == NULL || !env->exists(env->arg, kind, r->id))
		return NULL;
	return env->url(env->arg, kind, r->id, r->frag);
}

/* ---- Plain text ---- */

/* Non-zero if the text in b does not end a line (or is empty). */
static int
buf_open_line(const struct buf *b)
{
	return b->len > 0 && b->data[b->len - 1] != '\n';
}

/*
 * Appends the plain text under node to b: literals, breaks as spaces
 * (inline) or newlines between blocks.
 */
static void
plain_append(struct buf *b, cmark_node *node)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;

	if (it == NULL)
		fatal_oom();
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit;

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			lit = cmark_node_get_literal(n);
			buf_puts(b, lit ? lit : "");
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(b, ' ');
			break;
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
			if (buf_open_line(b))
				buf_putc(b, '\n');
			lit = cmark_node_get_literal(n);
			buf_puts(b, lit ? lit : "");
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (buf_open_line(b))
				buf_putc(b, '\n');
			break;
		default:
			/* A table: a line per row, cells apart by a space. */
			if (ev != CMARK_EVENT_ENTER)
				break;
			switch (node_ext(n)) {
			case N_TABLE_ROW:
				if (buf_open_line(b))
					buf_putc(b, '\n');
				break;
			case N_TABLE_CELL:
				if (cmark_node_previous(n) != NULL &&
				    cmark_node_first_child(n) != NULL &&
				    buf_open_line(b) &&
				    b->data[b->len - 1] != ' ')
					buf_putc(b, ' ');
				break;
			default:
				break;
			}
			break;
		}
	}
	cmark_iter_free(it);
}

/* Returns the plain text of an inline container's children; caller frees. */
static char *
plain_inline(cmark_node *node)
{
	struct buf b = { 0 };
	cmark_node *c;

	for (c = cmark_node_first_child(node); c; c = cmark_node_next(c))
		plain_append(&b, c);
	return buf_detach(&b);
}

char *
md_text_plain(const struct md_doc *doc)
{
	struct buf b = { 0 };
	char *s;

	plain_append(&b, doc->root);
	while (b.len > 0 && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	s = xml_clean(b.data ? b.data : "");
	buf_free(&b);
	return s;
}

/* ---- Slugs ---- */

/* Latin letters with accents and their plain spelling, lower case. */
static const struct {
	long cp;           /* code point */
	const char *ascii; /* its spelling in a slug */
} slug_fold[] = {
	{ 0xDF, "ss" }, { 0xE0, "a" }, { 0xE1, "a" }, { 0xE2, "a" },
	{ 0xE3, "a" }, { 0xE4, "a" }, { 0xE5, "a" }, { 0xE6, "ae" },
	{ 0xE7, "c" }, { 0xE8, "e" }, { 0xE9, "e" }, { 0xEA, "e" },
	{ 0xEB, "e" }, { 0xEC, "i" }, { 0xED, "i" }, { 0xEE, "i" },
	{ 0xEF, "i" }, { 0xF0, "d" }, { 0xF1, "n" }, { 0xF2, "o" },
	{ 0xF3, "o" }, { 0xF4, "o" }, { 0xF5, "o" }, { 0xF6, "o" },
	{ 0xF8, "o" }, { 0xF9, "u" }, { 0xFA, "u" }, { 0xFB, "u" },
	{ 0xFC, "u" }, { 0xFD, "y" }, { 0xFE, "th" }, { 0xFF, "y" },
	{ 0x161, "s" }, { 0x17E, "z" },
};

char *
md_slug(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t len = strlen(text), i = 0, n, k;
	struct buf b = { 0 };
	int dash = 0;

	while (i < len) {
		long cp = utf8_decode(s + i, len - i, &n);
		const char *out = NULL;
		char one[2] = { 0, 0 };

		i += n;
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
			cp += 0x20;
		else if (cp == 0x160 || cp == 0x17D)
			cp += 1;
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
			one[0] = (char)cp;
			out = one;
		} else
			for (k = 0; k < ARRAY_LEN(slug_fold); k++)
				if (slug_fold[k].cp == cp)
					out = slug_fold[k].ascii;
		if (out == NULL) {
			dash = 1;
			continue;
		}
		if (dash && b.len > 0)
			buf_putc(&b, '-');
		dash = 0;
		buf_puts(&b, out);
	}
	if (b.len == 0)
		buf_puts(&b, "osio");
	return buf_detach(&b);
}

/* ---- Ids of a page ---- */

struct md_id {
	char *id;       /* owned; the key */
	unsigned next;  /* the next suffix to try after id itself */
};

struct md_ids {
	struct strmap *map; /* id -> struct md_id (owned) */
};

struct md_ids *
md_ids_new(void)
{
	struct md_ids *ids = xcalloc(1, sizeof(*ids));

	ids->map = strmap_new();
	return ids;
}

void
md_ids_free(struct md_ids *ids)
{
	const char *key;
	void *v;
	size_t pos = 0;

	if (ids == NULL)
		return;
	while (strmap_next(ids->map, &pos, &key, &v)) {
		free(((struct md_id *)v)->id);
		free(v);
	}
	strmap_free(ids->map);
	free(ids);
}

static void
ids_take(struct md_ids *ids, char *id)
{
	struct md_id *e = xcalloc(1, sizeof(*e));

	e->id = id;
	e->next = 2;
	strmap_put(ids->map, e->id, e);
}

/*
 * Ids are never given back, so every suffix below base's counter is
 * still taken: starting there finds what trying from 2 would.
 */
char *
md_ids_claim(struct md_ids *ids, const char *base)
{
	struct md_id *b = strmap_get(ids->map, base);
	char *id;

	if (b == NULL) {
		ids_take(ids, xstrdup(base));
		return xstrdup(base);
	}
	for (;;) {
		id = xasprintf("%s-%u", base, b->next++);
		if (strmap_get(ids->map, id) == NULL)
			break;
		free(id);
	}
	ids_take(ids, xstrdup(id));
	return id;
}

void
md_headings_free(struct md_heading *h, size_t n)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(h[i].id);
		free(h[i].text);
	}
	free(h);
}

/* ---- Check ---- */

struct check {
	const struct md_doc *doc;  /* being checked */
	const struct md_env *env;  /* may be NULL */
	struct diag_list *dl;      /* where problems go */
	size_t rstart;             /* current paragraph or heading: start */
	size_t rend;               /* and end of its last line */
	size_t cursor;             /* search for the next inline from here */
	size_t *open;              /* cursor where each open link began */
	size_t nopen;              /* entries in open */
	size_t capopen;            /* allocated */
	size_t budget;             /* bytes find may still scan */
};

/*
 * Returns the offset of the first copy of needle (nlen bytes) in
 * doc->src[from..to), or (size_t)-1.  Every byte looked at is taken
 * from c->budget, so that a text of many links whose destinations
 * cannot be found costs linear time, not quadratic: once it is spent,
 * nothing is found and positions fall back to the block's start.
 */
static size_t
find(struct check *c, size_t from, size_t to, const char *needle,
    size_t nlen)
{
	const char *src = c->doc->src;
	size_t i;

	if (nlen == 0 || to < nlen)
		return (size_t)-1;
	for (i = from; i + nlen <= to; i++) {
		if (c->budget == 0)
			return (size_t)-1;
		c->budget--;
		if (src[i] == needle[0] && memcmp(src + i, needle, nlen) == 0)
			return i;
	}
	return (size_t)-1;
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Non-zero if the copy of a URL at src[at..at+len) stands where a
 * destination does: after "<" (and before ">"), or after "](" (or "]:"
 * when def is set) and blank space, possibly crossing into a block
 * quote's next line, and before blank space, ")" or the end.
 */
static int
dest_context(const struct md_doc *doc, size_t at, size_t len, int def)
{
	const char *s = doc->src;
	size_t p = at, q = at + len;

	while (p > 0 && is_blank(s[p - 1]))
		p--;
	if (p > 0 && s[p - 1] == '<') {
		while (q < doc->len && is_blank(s[q]))
			q++;
		return q < doc->len && s[q] == '>';
	}
	if (q < doc->len && !is_blank(s[q]) && !(s[q] == ')' && !def))
		return 0;
	while (p > 0 && (is_blank(s[p - 1]) || s[p - 1] == '>'))
		p--;
	if (p < 2 || s[p - 2] != ']')
		return 0;
	return s[p - 1] == (def ? ':' : '(');
}

/*
 * Returns the offset of the destination url of a link or image (image
 * set) that opened with the cursor at open, searching as the comment at
 * the top of this file says, and moves the cursor past it when found in
 * the block.  bare is the link's text when it could be an autolink of
 * the extension (see autolink_text), else NULL; *autolink is set when
 * the link was found as such, written with no link syntax at all.
 */
static size_t
check_locate(struct check *c, const char *url, size_t open, int image,
    const char *bare, int *autolink)
{
	const struct md_doc *doc = c->doc;
	size_t len = strlen(url), at, from;

	*autolink = 0;
	for (from = c->cursor;
	    (at = find(c, from, c->rend, url, len)) != (size_t)-1;
	    from = at + 1)
		if (dest_context(doc, at, len, 0)) {
			c->cursor = at + len;
			return at;
		}
	/* An autolink of the extension: its text stands in the source. */
	if (bare != NULL && (at = find(c, c->cursor, c->rend, bare,
	    strlen(bare))) != (size_t)-1) {
		c->cursor = at + strlen(bare);
		*autolink = 1;
		return at;
	}
	for (from = 0;
	    (at = find(c, from, doc->len, url, len)) != (size_t)-1;
	    from = at + 1)
		if (dest_context(doc, at, len, 1))
			return at;
	/* Not there literally (escapes, character references): the text
	 * after this link's "](" is where its destination starts. */
	at = find(c, open, c->rend, image ? "![" : "[", image ? 2 : 1);
	if (at == (size_t)-1)
		return c->rstart;
	from = find(c, at, c->rend, "](", 2);
	if (from == (size_t)-1) {
		c->cursor = at + 1;
		return at;
	}
	c->cursor = from + 2;
	return from + 2;
}

/*
 * Reports what is wrong with an entity destination, if anything; lone
 * says that an image is the only thing in its paragraph.
 */
static void
check_ref(struct check *c, const char *url, enum md_ref_kind kind,
    int image, int lone, struct pos at)
{
	const char *name = md_ref_kind_name(kind);
	struct ref r;
	struct suggest s;
	const char *best;

	ref_split(url, kind, &r);
	if (image && !ref_embeddable(kind)) {
		diag_error(c->dl, at, "an image can only embed map:, path:, "
		    "decision: or flow:; use a link [text](%s:%s) for %s %s",
		    name, r.id, article(name), name);
		goto out;
	}
	switch (r.status) {
	case REF_NO_ID:
		diag_error(c->dl, at, "missing id after \"%s:\"", name);
		goto out;
	case REF_FRAGMENT:
		diag_error(c->dl, at, "only guide: links may have a "
		    "#fragment; write %s:%s", name, r.id);
		goto out;
	case REF_BAD_FRAG:
		diag_error(c->dl, at, "bad #fragment \"%s\": expected "
		    "letters, digits, '-', '_' or '.'", r.frag);
		goto out;
	case REF_OK:
		if (c->env == NULL || c->env->exists == NULL ||
		    c->env->exists(c->env->arg, kind, r.id)) {
			if (image && !lone)
				diag_warning(c->dl, at, "a diagram is embedded "
				    "only when its image stands alone in a "
				    "paragraph; here it is shown as a link");
			if (!image && r.frag != NULL && c->env != NULL &&
			    c->env->fragment != NULL)
				c->env->fragment(c->env->arg, url, at);
			goto out;
		}
		break;
	case REF_BAD_ID:
		break;
	}
	best = NULL;
	if (c->env != NULL && c->env->suggest != NULL) {
		suggest_init(&s, r.id);
		c->env->suggest(c->env->arg, kind, &s);
		best = suggest_result(&s);
	}
	if (best != NULL)
		diag_error(c->dl, at, "unknown %s \"%s\" (did you mean "
		    "\"%s\"?)", name, r.id, best);
	else
		diag_error(c->dl, at, "unknown %s \"%s\"", name, r.id);
out:
	ref_clear(&r);
}

/* Reports a link or image whose URL is not allowed. */
static void
check_refused(struct check *c, const char *scheme, const char *url,
    int image, struct pos at)
{
	static const char *const known[] = { "http", "https", "mailto",
		"tel" };
	struct suggest s;
	const char *best;
	char hint[64] = "";
	size_t i;

	suggest_init(&s, scheme);
	for (i = 0; i < MD_REF_COUNT; i++)
		suggest_offer(&s, ref_names[i]);
	for (i = 0; i < ARRAY_LEN(known); i++)
		suggest_offer(&s, known[i]);
	best = scheme[0] != '\0' ? suggest_result(&s) : NULL;
	for (i = 0; best != NULL && !image && i < MD_REF_COUNT; i++)
		if (strcmp(best, ref_names[i]) == 0) {
			/* servce:tyokokeilu: a misspelt entity link, which
			 * would ship as plain text. */
			const char *rest = strchr(url, ':');

			diag_error(c->dl, at, "unknown link scheme \"%s:\" (did "
			    "you mean \"%s:%s\"?)", scheme, best,
			    rest ? rest + 1 : "");
			return;
		}
	if (best != NULL)
		snprintf(hint, sizeof(hint), " (did you mean \"%s:\"?)", best);
	if (image)
		diag_warning(c->dl, at, "image from %s %s: URL is not allowed; "
		    "its text is shown instead%s", article(scheme), scheme, hint);
	else
		diag_warning(c->dl, at, "link to %s: URL is not allowed; it "
		    "is shown as text%s", scheme, hint);
}

/* Non-zero if node is the only child of a paragraph. */
static int
image_alone(cmark_node *node)
{
	cmark_node *p = cmark_node_parent(node);

	return p != NULL && cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH &&
	    cmark_node_first_child(p) == node &&
	    cmark_node_last_child(p) == node;
}

/*
 * Returns the text of a link that the autolink extension may have made
 * from a bare www.…, http(s)://…, e-mail address or mailto: in the text:
 * its one text child when url is that text, or it after "http://" or
 * "mailto:"; else NULL.  Borrowed from the node.
 */
static const char *
autolink_text(cmark_node *link, const char *url)
{
	cmark_node *t = cmark_node_first_child(link);
	const char *lit;

	if (t == NULL || t != cmark_node_last_child(link) ||
	    cmark_node_get_type(t) != CMARK_NODE_TEXT ||
	    (lit = cmark_node_get_literal(t)) == NULL || *lit == '\0')
		return NULL;
	if (strcmp(url, lit) == 0 ||
	    (strncmp(url, "http://", 7) == 0 && strcmp(url + 7, lit) == 0) ||
	    (strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, lit) == 0))
		return lit;
	return NULL;
}

static void
check_dest(struct check *c, cmark_node *node, size_t open)
{
	int image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
	const char *url = cmark_node_get_url(node);
	char scheme[SCHEME_MAX + 1];
	enum md_ref_kind kind = MD_REF_SERVICE;
	enum url_class cls;
	struct pos at;
	int autolink;
	char *u;

	if (url == NULL)
		url = "";
	cls = url_classify(url, scheme, &kind);
	at = doc_pos(c->doc, check_locate(c, url, open, image,
	    image ? NULL : autolink_text(node, url), &autolink));
	/* A bare ftp://… or xmpp:… was plain text before the extension
	 * and is shown as such: nothing to warn about. */
	if (autolink && cls == URL_OTHER)
		return;
	switch (cls) {
	case URL_ENTITY:
		check_ref(c, url, kind, image, image_alone(node), at);
		break;
	case URL_RELATIVE:
		if (!image && c->env != NULL && c->env->page_check != NULL &&
		    (u = c->env->page_check(c->env->arg, url)) != NULL) {
			diag_error(c->dl, at, "%s", u);
			free(u);
		} else if (!image && c->env != NULL &&
		    c->env->fragment != NULL && strchr(url, '#') != NULL)
			c->env->fragment(c->env->arg, url, at);
		if (!image || c->env == NULL || c->env->asset_url == NULL)
			break;
		if ((u = c->env->asset_url(c->env->arg, url)) == NULL)
			diag_warning(c->dl, at, "image \"%s\" is not among the "
			    "content's assets; its text is shown instead", url);
		free(u);
		break;
	case URL_NETWORK:
	case URL_WEB:
		break;
	case URL_CONTACT:
		if (image)
			check_refused(c, scheme, url, image, at);
		break;
	case URL_DATA_IMAGE:
		if (!image)
			check_refused(c, scheme, url, image, at);
		break;
	case URL_OTHER:
		check_refused(c, scheme, url, image, at);
		break;
	}
}

/* Returns the offset of an inline HTML literal's first line, or a guess. */
static size_t
check_locate_html(struct check *c, const char *lit)
{
	size_t len = strcspn(lit, "\r\n");
	size_t at = find(c, c->cursor, c->rend, lit, len);

	if (at == (size_t)-1)
		at = find(c, c->cursor, c->rend, "<", 1);
	if (at == (size_t)-1)
		return c->rstart;
	c->cursor = at + (len ? len : 1);
	return at;
}

void
md_check(const struct md_doc *doc, const struct md_env *env,
    struct diag_list *dl)
{
	struct check c = { 0 };
	cmark_iter *it = cmark_iter_new(doc->root);
	cmark_event_type ev;
	const char *lit;
	size_t at;

	if (it == NULL)
		fatal_oom();
	c.doc = doc;
	c.env = env;
	c.dl = dl;
	c.rend = doc->len;
	c.budget = 32 * doc->len + (1u << 20);
	if (doc->no_autolink)
		diag_warning(dl, doc_pos(doc, 0), "too many e-mail addresses "
		    "in long paragraphs: bare web and e-mail addresses of this "
		    "text are not made into links (write <https://…> or "
		    "[text](url), or split the paragraphs)");
	if (doc->no_table)
		diag_warning(dl, doc_pos(doc, 0), "too many \"|\" on some "
		    "lines: the tables of this text are shown as text (a "
		    "table row may have at most a few thousand cells)");
	if (doc->too_deep)
		diag_error(dl, doc_pos(doc, doc->too_deep - 1), "Markdown "
		    "nested deeper than %d levels here (block quotes, lists, "
		    "emphasis and links inside each other); flatten the text",
		    MD_DEPTH_MAX);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (ev != CMARK_EVENT_ENTER)
				break;
			c.rstart = doc_offset(doc,
			    cmark_node_get_start_line(n),
			    cmark_node_get_start_column(n));
			at = doc_offset(doc, cmark_node_get_end_line(n), 1);
			c.rend = line_end(doc, line_of(doc,
			    at > c.rstart ? at : c.rstart));
			c.cursor = c.rstart;
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			if (ev == CMARK_EVENT_ENTER) {
				*(size_t *)array_push(&c.open, &c.nopen,
				    &c.capopen, sizeof(size_t)) = c.cursor;
				break;
			}
			check_dest(&c, n, c.open[--c.nopen]);
			break;
		case CMARK_NODE_CODE:
			/* A code span may show a link's syntax: skip it. */
			lit = cmark_node_get_literal(n);
			if (lit != NULL && strstr(lit, "](") != NULL &&
			    (at = find(&c, c.cursor, c.rend, lit,
			    strcspn(lit, "\r\n"))) != (size_t)-1)
				c.cursor = at + strcspn(lit, "\r\n");
			break;
		case CMARK_NODE_HTML_INLINE:
			lit = cmark_node_get_literal(n);
			at = check_locate_html(&c, lit ? lit : "");
			diag_warning(dl, doc_pos(doc, at), "raw HTML is not "
			    "allowed; it is shown as text");
			break;
		case CMARK_NODE_HTML_BLOCK:
			at = doc_offset(doc, cmark_node_get_start_line(n),
			    cmark_node_get_start_column(n));
			diag_warning(dl, doc_pos(doc, at), "raw HTML is not "
			    "allowed; it is shown as text");
			break;
		default:
			/* A table row is one line of the source, like a
			 * paragraph for finding its links. */
			if (ev != CMARK_EVENT_ENTER || node_ext(n) != N_TABLE_ROW)
				break;
			c.rstart = doc_offset(doc,
			    cmark_node_get_start_line(n), 1);
			c.rend = line_end(doc, line_of(doc, c.rstart));
			c.cursor = c.rstart;
			break;
		}
	}
	cmark_iter_free(it);
	free(c.open);
}

/* ---- Render ---- */

struct render {
	const struct md_doc *doc;   /* being rendered */
	const struct md_env *env;   /* may be NULL */
	xmlDocPtr xdoc;             /* the parent's document */
	xmlNsPtr ns;                /* the parent's namespace, or NULL */
	struct md_heading **hs;     /* headings, in and out */
	size_t *nhs;                /* entries in *hs */
	struct md_ids *ids;         /* ids taken: the env's, or owned */
	int own_ids;                /* ids is r's, made from *hs */
	int shift;                  /* added to heading levels */
	int inline_only;            /* md_render_inline */
	int in_link;                /* inside an <a>: no nested links */
	int blocks;                 /* inline_only: blocks rendered so far */
	const uint8_t *align;       /* current table: 'l', 'c', 'r' or 0 */
	unsigned ncols;             /* … entries in align */
	unsigned col;               /* current row: index of the next cell */
	int header_row;             /* current row is the table's head */
};

static xmlNodePtr
el_add(struct render *r, xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = xmlNewDocNode(r->xdoc, r->ns, BAD_CAST name, NULL);

	if (n == NULL || xmlAddChild(parent, n) == NULL)
		fatal_oom();
	return n;
}

static void
text_add(struct render *r, xmlNodePtr parent, const char *s)
{
	char *t;
	xmlNodePtr n;

	if (s == NULL || *s == '\0')
		return;
	t = xml_clean(s);
	n = xmlNewDocText(r->xdoc, BAD_CAST t);
	free(t);
	if (n == NULL || xmlAddChild(parent, n) == NULL)
		fatal_oom();
}

/* Adds a block's literal without its final line ending. */
static void
text_add_line(struct render *r, xmlNodePtr parent, const char *s)
{
	size_t len = s ? strlen(s) : 0;
	char *t;

	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == '\r'))
		len--;
	t = xstrndup(s ? s : "", len);
	text_add(r, parent, t);
	free(t);
}

static void
prop_set(xmlNodePtr n, const char *name, const char *value)
{
	char *v = xml_clean(value);

	if (xmlSetProp(n, BAD_CAST name, BAD_CAST v) == NULL)
		fatal_oom();
	free(v);
}

/* Adds an <a> for href (and title, when not empty) to parent. */
static xmlNodePtr
link_add(struct render *r, xmlNodePtr parent, const char *href,
    const char *title)
{
	xmlNodePtr a = el_add(r, parent, "a");

	prop_set(a, "href", href);
	if (title != NULL && *title != '\0')
		prop_set(a, "title", title);
	return a;
}

/*
 * Returns the href for a link node, or NULL when it must be shown as its
 * text only; the caller frees it.
 */
static char *
render_href(struct render *r, const char *url)
{
	char scheme[SCHEME_MAX + 1];
	enum md_ref_kind kind;
	struct ref ref;
	char *u;

	switch (url_classify(url, scheme, &kind)) {
	case URL_RELATIVE:
	case URL_NETWORK:
	case URL_WEB:
	case URL_CONTACT:
		return xstrdup(url);
	case URL_ENTITY:
		u = ref_resolve(r->env, url, kind, &ref);
		ref_clear(&ref);
		return u;
	default:
		return NULL;
	}
}

/*
 * Renders a paragraph that holds only an image of an embeddable entity
 * as a <figure> through env->embed.  Returns non-zero if it did.
 */
static int
render_figure(struct render *r, cmark_node *para, xmlNodePtr parent)
{
	cmark_node *img = cmark_node_first_child(para);
	char scheme[SCHEME_MAX + 1];
	enum md_ref_kind kind;
	const char *url;
	struct ref ref;
	xmlNodePtr fig;
	char *alt;
	int done = 0;

	if (r->inline_only || r->env == NULL || r->env->embed == NULL ||
	    img == NULL || !image_alone(img) ||
	    cmark_node_get_type(img) != CMARK_NODE_IMAGE)
		return 0;
	url = cmark_node_get_url(img);
	if (url == NULL || url_classify(url, scheme, &kind) != URL_ENTITY ||
	    !ref_embeddable(kind))
		return 0;
	ref_split(url, kind, &ref);
	if (ref.status == REF_OK && r->env->exists != NULL &&
	    r->env->exists(r->env->arg, kind, ref.id)) {
		char *clean;

		alt = plain_inline(img);
		clean = xml_clean(alt);
		fig = el_add(r, parent, "figure");
		if (r->env->embed(r->env->arg, kind, ref.id, clean, fig)) {
			if (*alt != '\0')
				text_add(r, el_add(r, fig, "figcaption"), alt);
			done = 1;
		} else {
			xmlUnlinkNode(fig);
			xmlFreeNode(fig);
		}
		free(clean);
		free(alt);
	}
	ref_clear(&ref);
	return done;
}

/* Renders an image (not embedded) into parent. */
static void
render_image(struct render *r, cmark_node *img, xmlNodePtr parent)
{
	const char *url = cmark_node_get_url(img);
	const char *title = cmark_node_get_title(img);
	char *alt = plain_inline(img);
	char scheme[SCHEME_MAX + 1];
	enum md_ref_kind kind;
	struct ref ref;
	char *u = NULL;
	xmlNodePtr n;

	if (url == NULL)
		url = "";
	switch (url_classify(url, scheme, &kind)) {
	case URL_NETWORK:
	case URL_WEB:
	case URL_DATA_IMAGE:
		u = xstrdup(url);
		break;
	case URL_RELATIVE:
		if (r->env != NULL && r->env->asset_url != NULL)
			u = r->env->asset_url(r->env->arg, url);
		else
			u = xstrdup(url);
		break;
	case URL_ENTITY:
		/* Not embedded here: a link to the entity, if it exists. */
		u = ref_resolve(r->env, url, kind, &ref);
		if (u != NULL && !r->in_link)
			text_add(r, link_add(r, parent, u, title),
			    *alt ? alt : ref.id);
		else
			text_add(r, parent, alt);
		ref_clear(&ref);
		free(u);
		free(alt);
		return;
	default:
		break;
	}
	if (u == NULL)
		text_add(r, parent, alt);
	else {
		n = el_add(r, parent, "img");
		prop_set(n, "src", u);
		prop_set(n, "alt", alt);
		if (title != NULL && *title != '\0')
			prop_set(n, "title", title);
	}
	free(u);
	free(alt);
}

/* Adds a heading element with a unique id, and records the heading. */
static xmlNodePtr
render_heading(struct render *r, cmark_node *node, xmlNodePtr parent)
{
	int level = cmark_node_get_heading_level(node) + r->shift;
	char name[3] = { 'h', 0, 0 };
	struct md_heading *h;
	char *text, *base, *id;
	xmlNodePtr e;

	if (level < 1)
		level = 1;
	if (level > 6)
		level = 6;
	name[1] = (char)('0' + level);
	text = plain_inline(node);
	base = md_slug(text);
	id = md_ids_claim(r->ids, base);
	free(base);
	e = el_add(r, parent, name);
	prop_set(e, "id", id);
	*r->hs = xreallocarray(*r->hs, *r->nhs + 1, sizeof(**r->hs));
	h = &(*r->hs)[(*r->nhs)++];
	h->level = level;
	h->id = id;
	h->text = xml_clean(text);
	free(text);
	return e;
}

/* Non-zero if a paragraph is in a tight list item (and gets no <p>). */
static int
render_tight(cmark_node *para)
{
	cmark_node *item = cmark_node_parent(para);
	cmark_node *list = item ? cmark_node_parent(item) : NULL;

	return item != NULL && list != NULL &&
	    cmark_node_get_type(item) == CMARK_NODE_ITEM &&
	    cmark_node_get_list_tight(list);
}

/* Renders a leaf node (no EXIT event) into cur. */
static void
render_leaf(struct render *r, cmark_node *n, xmlNodePtr cur)
{
	const char *lit = cmark_node_get_literal(n);
	const char *info;
	xmlNodePtr e;
	size_t len;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_HTML_INLINE:
		text_add(r, cur, lit);
		break;
	case CMARK_NODE_SOFTBREAK:
		text_add(r, cur, "\n");
		break;
	case CMARK_NODE_LINEBREAK:
		if (r->inline_only)
			text_add(r, cur, " ");
		else {
			el_add(r, cur, "br");
			text_add(r, cur, "\n");
		}
		break;
	case CMARK_NODE_CODE:
		text_add(r, el_add(r, cur, "code"), lit);
		break;
	case CMARK_NODE_CODE_BLOCK:
		if (r->inline_only) {
			if (r->blocks++ > 0)
				text_add(r, cur, " ");
			text_add_line(r, el_add(r, cur, "code"), lit);
			break;
		}
		e = el_add(r, el_add(r, cur, "pre"), "code");
		info = cmark_node_get_fence_info(n);
		if (info != NULL && (len = strcspn(info, " \t")) > 0) {
			char *cls = xasprintf("language-%.*s", (int)len, info);

			prop_set(e, "class", cls);
			free(cls);
		}
		text_add(r, e, lit);
		break;
	case CMARK_NODE_HTML_BLOCK:
		/* Shown as the text it is, never passed through. */
		if (r->inline_only) {
			if (r->blocks++ > 0)
				text_add(r, cur, " ");
			text_add_line(r, cur, lit);
		} else
			text_add(r, el_add(r, cur, "pre"), lit);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		if (!r->inline_only)
			el_add(r, cur, "hr");
		break;
	default:
		break;
	}
}

/*
 * render_enter for the extensions' nodes.  A table becomes <table> with
 * its head row in <thead> (cells <th scope="col">) and the other rows in
 * one <tbody>; a column's alignment is a class (align-left, -center,
 * -right), never a style attribute.  Inline only, cells are separated by
 * spaces.  Strikethrough is <del>.
 */
static xmlNodePtr
render_enter_ext(struct render *r, cmark_node *n, xmlNodePtr cur)
{
	static const char *const align_class[] = { "align-left",
		"align-center", "align-right" };
	xmlNodePtr e, last;
	int a;

	switch (node_ext(n)) {
	case N_TABLE:
		r->align = cmark_gfm_extensions_get_table_alignments(n);
		r->ncols = cmark_gfm_extensions_get_table_columns(n);
		return r->inline_only ? cur : el_add(r, cur, "table");
	case N_TABLE_ROW:
		r->col = 0;
		r->header_row = cmark_gfm_extensions_get_table_row_is_header(n);
		if (r->inline_only)
			return cur;
		if (r->header_row)
			return el_add(r, el_add(r, cur, "thead"), "tr");
		last = xmlGetLastChild(cur);
		if (last == NULL || !xmlStrEqual(last->name, BAD_CAST "tbody"))
			last = el_add(r, cur, "tbody");
		return el_add(r, last, "tr");
	case N_TABLE_CELL:
		a = r->align != NULL && r->col < r->ncols ? r->align[r->col] : 0;
		r->col++;
		if (r->inline_only) {
			if (cmark_node_first_child(n) != NULL &&
			    r->blocks++ > 0)
				text_add(r, cur, " ");
			return cur;
		}
		e = el_add(r, cur, r->header_row ? "th" : "td");
		if (r->header_row)
			prop_set(e, "scope", "col");
		if (a == 'l' || a == 'c' || a == 'r')
			prop_set(e, "class", align_class[a == 'l' ? 0 :
			    a == 'c' ? 1 : 2]);
		return e;
	case N_STRIKETHROUGH:
		return el_add(r, cur, "del");
	default:
		return cur;
	}
}

/*
 * Returns the element that the children of container node n go into,
 * having added it to cur (cur itself when n adds no element).  May move
 * the iterator past n's children.
 */
static xmlNodePtr
render_enter(struct render *r, cmark_iter *it, cmark_node *n,
    xmlNodePtr cur)
{
	const char *url;
	xmlNodePtr e;
	char *href;
	int start;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		if (r->inline_only) {
			if (r->blocks++ > 0)
				text_add(r, cur, " ");
			return cur;
		}
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			return render_heading(r, n, cur);
		if (render_figure(r, n, cur)) {
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			return cur;
		}
		return render_tight(n) ? cur : el_add(r, cur, "p");
	case CMARK_NODE_BLOCK_QUOTE:
		return r->inline_only ? cur : el_add(r, cur, "blockquote");
	case CMARK_NODE_LIST:
		if (r->inline_only)
			return cur;
		if (cmark_node_get_list_type(n) != CMARK_ORDERED_LIST)
			return el_add(r, cur, "ul");
		e = el_add(r, cur, "ol");
		if ((start = cmark_node_get_list_start(n)) != 1) {
			char num[16];

			snprintf(num, sizeof(num), "%d", start);
			prop_set(e, "start", num);
		}
		return e;
	case CMARK_NODE_ITEM:
		return r->inline_only ? cur : el_add(r, cur, "li");
	case CMARK_NODE_EMPH:
		return el_add(r, cur, "em");
	case CMARK_NODE_STRONG:
		return el_add(r, cur, "strong");
	case CMARK_NODE_LINK:
		url = cmark_node_get_url(n);
		if (r->in_link || (href = render_href(r, url ? url : "")) ==
		    NULL)
			return cur;
		e = link_add(r, cur, href, cmark_node_get_title(n));
		free(href);
		r->in_link++;
		return e;
	case CMARK_NODE_IMAGE:
		render_image(r, n, cur);
		cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
		return cur;
	default:
		return render_enter_ext(r, n, cur);
	}
}

/* Renders the whole document under parent as set up in r. */
static void
render_run(struct render *r, xmlNodePtr parent)
{
	cmark_iter *it = cmark_iter_new(r->doc->root);
	cmark_event_type ev;
	xmlNodePtr cur = parent;
	xmlNodePtr *stack = NULL;
	size_t nstack = 0, cap = 0, i;

	if (it == NULL)
		fatal_oom();
	r->xdoc = parent->doc;
	r->ns = parent->ns;
	if (r->env != NULL && r->env->ids != NULL)
		r->ids = r->env->ids;
	else {
		r->ids = md_ids_new();
		r->own_ids = 1;
		for (i = 0; i < *r->nhs; i++)
			free(md_ids_claim(r->ids, (*r->hs)[i].id));
	}
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (n == r->doc->root)
			continue;
		if (ev == CMARK_EVENT_EXIT) {
			if (cmark_node_get_type(n) == CMARK_NODE_LINK &&
			    cur != stack[nstack - 1])
				r->in_link--;
			cur = stack[--nstack];
			continue;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
			render_leaf(r, n, cur);
			break;
		default:
			*(xmlNodePtr *)array_push(&stack, &nstack, &cap,
			    sizeof(xmlNodePtr)) = cur;
			cur = render_enter(r, it, n, cur);
			/* cmark_iter_reset() to skip children eats the EXIT. */
			if (cmark_iter_get_event_type(it) == CMARK_EVENT_EXIT)
				cur = stack[--nstack];
			break;
		}
	}
	cmark_iter_free(it);
	free(stack);
	if (r->own_ids)
		md_ids_free(r->ids);
}

void
md_render(const struct md_doc *doc, const struct md_env *env,
    xmlNodePtr parent, struct md_heading **headings, size_t *nheadings,
    int heading_shift)
{
	struct render r = { 0 };
	struct md_heading *local = NULL;
	size_t nlocal = 0;

	r.doc = doc;
	r.env = env;
	r.shift = heading_shift;
	r.hs = headings && nheadings ? headings : &local;
	r.nhs = headings && nheadings ? nheadings : &nlocal;
	render_run(&r, parent);
	md_headings_free(local, nlocal);
}

void
md_render_inline(const struct md_doc *doc, const struct md_env *env,
    xmlNodePtr parent)
{
	struct render r = { 0 };
	struct md_heading *local = NULL;
	size_t nlocal = 0;

	r.doc = doc;
	r.env = env;
	r.inline_only = 1;
	r.hs = &local;
	r.nhs = &nlocal;
	render_run(&r, parent);
	md_headings_free(local, nlocal);
}
