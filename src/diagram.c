/*
 * Diagrams with Graphviz: graphs built with cgraph from the model,
 * laid out and rendered by gvc, SVG post-processed with libxml2, print
 * formats drawn with cairo.  See diagram.h for the rules on text.
 */
#include "diagram.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <libxml/parser.h>

/* Graphviz's types.h has a struct path of its own: rename it away from
 * the model's (struct tags are not part of the library's ABI). */
#define path gv_path
#include <gvc.h>
#undef path

#include "flow.h"
#include "i18n.h"
#include "page.h"
#include "schema.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define XLINK_NS "http://www.w3.org/1999/xlink"

/* Type: Graphviz measures with this font; the SVG asks for it first. */
#define FONT_NAME "DejaVu Sans"
#define FONT_FAMILY "DejaVu Sans, Verdana, Arial, sans-serif"
#define FS_NODE 12.0     /* services, actors, steps, questions */
#define FS_CENTRE 14.0   /* the centre of a map */
#define FS_CLUSTER 13.0  /* group and lane titles */
#define FS_EDGE 12.0     /* edge labels, quotes, small lines (italic) */
#define FS_MIN 12.0      /* the smallest of the above */
#define PRINT_MIN_PT 8.0 /* no text under this at print size */
#define MARGIN_MM 10.0   /* paper margins of PDF and PNG */

/* Colours of the default theme (contrast ratios in style.css). */
#define C_INK "#1b2733"
#define C_LINE "#4d5966"
#define C_BRAND "#0b3a66"
#define C_SOFT "#f3f6f9"
#define C_RULE "#8895a3"
#define C_HANDOFF "#9a4d00"
#define C_HANDOFF_BG "#fff3e0"
#define C_QUOTE "#1e6b5c"
#define C_QUOTE_BG "#eaf4f1"
#define C_LINK "#0a58a8"

/*
 * Group colours when the content gives none: Paul Tol's "light" scheme,
 * distinct for the common kinds of colour blindness.  Colour never
 * carries meaning alone: every group is a titled cluster, and node kinds
 * differ by shape and border.
 */
static const char *const palette[] = { "#77AADD", "#EE8866", "#EEDD88",
	"#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD" };

/* ---- The Graphviz context: one per process, behind one lock ---- */

static pthread_mutex_t gv_lock = PTHREAD_MUTEX_INITIALIZER;
static GVC_t *gv_ctx;          /* guarded by gv_lock */
static struct buf gv_messages; /* Graphviz's messages of the current call */

static int
gv_message(char *msg)
{
	buf_puts(&gv_messages, msg);
	return 0;
}

/* Takes the lock and returns the context, creating it on first use. */
static GVC_t *
gv_enter(void)
{
	pthread_mutex_lock(&gv_lock);
	if (gv_ctx == NULL)
		gv_ctx = gvContext();
	agseterrf(gv_message);
	agseterr(AGWARN);
	buf_free(&gv_messages);
	return gv_ctx;
}

static void
gv_leave(void)
{
	buf_free(&gv_messages);
	pthread_mutex_unlock(&gv_lock);
}

void
diagram_cleanup(void)
{
	pthread_mutex_lock(&gv_lock);
	if (gv_ctx != NULL)
		gvFreeContext(gv_ctx);
	gv_ctx = NULL;
	pthread_mutex_unlock(&gv_lock);
}

/* cgraph takes char * everywhere; these keep the casts in one place. */
static void
set(void *obj, const char *key, const char *value)
{
	agsafeset(obj, (char *)key, (char *)value, (char *)"");
}

static void
setf(void *obj, const char *key, double v)
{
	char num[32];

	snprintf(num, sizeof(num), "%.2f", v);
	set(obj, key, num);
}

/* Sets an HTML-like label from its markup. */
static void
set_html(Agraph_t *g, void *obj, const char *key, const char *markup)
{
	char *h = agstrdup_html(g, (char *)markup);

	agsafeset(obj, (char *)key, h, (char *)"");
	agstrfree(g, h);
}

/*
 * Object ids.  cgraph's default id of a named object is the address of
 * its interned name, and subgraphs are kept in id order, so the order of
 * the clusters in the output would follow malloc.  This discipline
 * numbers names in the order they are first used instead (even ids;
 * anonymous objects get odd ones, as with the default).
 */
struct idstate {
	struct strmap *byname; /* owned; name -> id, keys in names */
	char **names;          /* owned; the name of id 2(k + 1) is names[k] */
	size_t n, cap;
	IDTYPE anon;           /* the next odd id */
};

static void *
id_open(Agraph_t *g, Agdisc_t *disc)
{
	struct idstate *st = xcalloc(1, sizeof(*st));

	(void)g;
	(void)disc;
	st->byname = strmap_new();
	st->anon = 1;
	return st;
}

static long
id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	struct idstate *st = state;
	char **slot;
	void *v;

	(void)objtype;
	if (str == NULL) {
		*id = st->anon;
		st->anon += 2;
		return 1;
	}
	if ((v = strmap_get(st->byname, str)) != NULL) {
		*id = (IDTYPE)(uintptr_t)v;
		return 1;
	}
	if (!createflag)
		return 0;
	slot = array_push(&st->names, &st->n, &st->cap, sizeof(*slot));
	*slot = xstrdup(str);
	*id = 2 * (IDTYPE)st->n;
	strmap_put(st->byname, *slot, (void *)(uintptr_t)*id);
	return 1;
}

static long
id_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 0; /* no ids chosen by the caller */
}

static void
id_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id; /* names live until the graph is closed */
}

static char *
id_print(void *state, int objtype, IDTYPE id)
{
	struct idstate *st = state;

	(void)objtype;
	if (id % 2 == 1 || id == 0 || id / 2 > st->n)
		return NULL;
	return st->names[id / 2 - 1];
}

static void
id_close(void *state)
{
	struct idstate *st = state;
	size_t i;

	strmap_free(st->byname);
	for (i = 0; i < st->n; i++)
		free(st->names[i]);
	free(st->names);
	free(st);
}

static void
id_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t id_disc = { id_open, id_map, id_alloc, id_free, id_print,
	id_close, id_register };

/* ---- Text ---- */

/*
 * Decodes the UTF-8 code point at s; sets *n to its length.  A byte
 * that does not start a well-formed sequence gives U+FFFD, length 1.
 */
static uint32_t
utf8_next(const unsigned char *s, size_t *n)
{
	uint32_t cp;
	size_t len, k;

	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		*n = 1;
		return 0xFFFD;
	}
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			*n = 1;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*n = 1;
		return 0xFFFD;
	}
	*n = len;
	return cp;
}

static void
utf8_put(struct buf *b, uint32_t cp)
{
	char u[4];

	if (cp < 0x80) {
		buf_putc(b, (char)cp);
		return;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		buf_append(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		buf_append(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		buf_append(b, u, 4);
	}
}

/* A code point XML can carry, or U+FFFD; white space other than a
 * newline becomes a space. */
static uint32_t
xml_safe(uint32_t cp)
{
	if (cp == '\n')
		return cp;
	if (cp < 0x20 || cp == 0x7F)
		return ' ';
	if (cp == 0xFFFE || cp == 0xFFFF)
		return 0xFFFD;
	return cp;
}

/*
 * Returns s as plain text that XML can carry: invalid UTF-8 and
 * characters XML forbids become U+FFFD or spaces, runs of white space
 * one space.  For <title>s and tooltips.  Caller frees.
 */
static char *
plain_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	struct buf b = { 0 };
	int space = 0;
	size_t n;

	while (*p) {
		uint32_t cp = xml_safe(utf8_next(p, &n));

		p += n;
		if (cp == ' ' || cp == '\n') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = 0;
		utf8_put(&b, cp);
	}
	return buf_detach(&b);
}

/*
 * Appends one code point as the text of an HTML-like label: XML-escaped,
 * and a backslash doubled, since Graphviz expands \N, \G… in HTML labels
 * too, after decoding entities (so &#92; would not help).
 */
static void
lbl_put(struct buf *b, uint32_t cp)
{
	switch (cp) {
	case '&':
		buf_puts(b, "&amp;");
		break;
	case '<':
		buf_puts(b, "&lt;");
		break;
	case '>':
		buf_puts(b, "&gt;");
		break;
	case '"':
		buf_puts(b, "&quot;");
		break;
	case '\'':
		buf_puts(b, "&#39;");
		break;
	case '\\':
		buf_puts(b, "\\\\");
		break;
	default:
		utf8_put(b, cp);
	}
}

/*
 * Appends s to b as HTML-label text, wrapped at about width code points
 * a line (0: never) with <BR/> between lines.  Words longer than a line
 * are cut.  White space runs become one space; a newline in s breaks
 * the line.  Nothing of s is ever read as markup.
 */
static void
lbl_text(struct buf *b, const char *s, size_t width)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t line = 0, n;
	int lines = 0;

	while (*p) {
		const unsigned char *w;
		size_t wlen = 0, i;
		uint32_t cp = xml_safe(utf8_next(p, &n));

		if (cp == ' ' || cp == '\n') {
			p += n;
			if (cp == '\n' && (line > 0 || lines > 0)) {
				buf_puts(b, "<BR/>");
				lines++;
				line = 0;
			}
			continue;
		}
		/* Measure the word. */
		for (w = p; *w; w += n) {
			cp = xml_safe(utf8_next(w, &n));
			if (cp == ' ' || cp == '\n')
				break;
			wlen++;
		}
		if (line > 0 && width > 0 && line + 1 + wlen > width) {
			buf_puts(b, "<BR/>");
			lines++;
			line = 0;
		} else if (line > 0) {
			buf_putc(b, ' ');
			line++;
		}
		for (i = 0; i < wlen; i++) {
			if (width > 0 && line >= width) {
				buf_puts(b, "<BR/>");
				lines++;
				line = 0;
			}
			lbl_put(b, xml_safe(utf8_next(p, &n)));
			p += n;
			line++;
		}
	}
}

/* Appends <FONT POINT-SIZE="size">text</FONT>, optionally bold/italic. */
static void
lbl_font(struct buf *b, const char *text, size_t width, double size,
    int bold, int italic)
{
	buf_printf(b, "<FONT POINT-SIZE=\"%.1f\">", size);
	if (bold)
		buf_puts(b, "<B>");
	if (italic)
		buf_puts(b, "<I>");
	lbl_text(b, text, width);
	if (italic)
		buf_puts(b, "</I>");
	if (bold)
		buf_puts(b, "</B>");
	buf_puts(b, "</FONT>");
}

/* ---- Colours ---- */

static int
hex_colour(const char *s, double rgb[3])
{
	unsigned v[3];
	size_t i;

	if (s == NULL || s[0] != '#' || strlen(s) != 7 ||
	    strspn(s + 1, "0123456789abcdefABCDEF") != 6)
		return 0;
	for (i = 0; i < 3; i++) {
		char two[3] = { s[1 + 2 * i], s[2 + 2 * i], '\0' };

		v[i] = (unsigned)strtoul(two, NULL, 16);
		rgb[i] = v[i] / 255.0;
	}
	return 1;
}

static double
luminance(const double rgb[3])
{
	double l[3];
	size_t i;

	for (i = 0; i < 3; i++)
		l[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 :
		    pow((rgb[i] + 0.055) / 1.055, 2.4);
	return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

/*
 * The fill and border of a group: its own colour (or the palette's),
 * lightened until its luminance is at least 0.6, so that the ink
 * (#1b2733) on it has a contrast of about 9:1; the border is the colour
 * darkened.
 */
static void
group_colours(const char *colour, size_t index, char fill[8],
    char border[8])
{
	double rgb[3], mix[3], t = 0;
	size_t i;

	if (!hex_colour(colour, rgb))
		hex_colour(palette[index % ARRAY_LEN(palette)], rgb);
	for (;;) {
		for (i = 0; i < 3; i++)
			mix[i] = rgb[i] + (1 - rgb[i]) * t;
		if (luminance(mix) >= 0.6 || t >= 1)
			break;
		t += 0.05;
	}
	snprintf(fill, 8, "#%02x%02x%02x", (unsigned)lround(mix[0] * 255),
	    (unsigned)lround(mix[1] * 255), (unsigned)lround(mix[2] * 255));
	snprintf(border, 8, "#%02x%02x%02x", (unsigned)lround(rgb[0] * 180),
	    (unsigned)lround(rgb[1] * 180), (unsigned)lround(rgb[2] * 180));
}

/* ---- Building graphs ---- */

/* What the SVG's elements say, put in after Graphviz is done. */
struct meta {
	char *gid;   /* owned: the element id given to Graphviz */
	char *title; /* owned: plain text for <title> and the link title */
};

/* A node of an entity, so that each entity is drawn once. */
struct enode {
	char *key;   /* owned: "kind:id" */
	Agnode_t *n; /* owned by the graph */
};

struct gb {
	const struct model *m;
	enum lang lang;
	const char *link_prefix;  /* NULL: no links */
	const char *here;         /* page path of the diagram, or NULL */
	char *prefix;             /* owned: id prefix */
	Agraph_t *g;              /* owned */
	struct strmap *byref;     /* owned; keys borrowed from enodes */
	struct enode *enodes;     /* owned */
	size_t nenodes, capenodes;
	struct meta *meta;        /* owned */
	size_t nmeta, capmeta;
	size_t seq;               /* for node and subgraph names */
	char *title;              /* owned: what the diagram shows */
	char *desc;               /* owned: a one-line description */
	Agdisc_t disc;            /* the graph's disciplines (ids ours) */
};

static void
gb_init(struct gb *b, const struct model *m, enum lang lang,
    const char *link_prefix, const char *here, const char *prefix)
{
	memset(b, 0, sizeof(*b));
	b->m = m;
	b->lang = lang;
	b->link_prefix = link_prefix;
	b->here = here;
	b->prefix = xstrdup(prefix);
	b->byref = strmap_new();
	b->disc.mem = &AgMemDisc;
	b->disc.id = &id_disc;
	b->disc.io = &AgIoDisc;
	b->g = agopen((char *)"diagram", Agdirected, &b->disc);
}

static void
gb_release(struct gb *b)
{
	size_t i;

	if (b->g != NULL)
		agclose(b->g);
	strmap_free(b->byref);
	for (i = 0; i < b->nenodes; i++)
		free(b->enodes[i].key);
	free(b->enodes);
	for (i = 0; i < b->nmeta; i++) {
		free(b->meta[i].gid);
		free(b->meta[i].title);
	}
	free(b->meta);
	free(b->prefix);
	free(b->title);
	free(b->desc);
	memset(b, 0, sizeof(*b));
}

/* Returns a fresh name for a node or subgraph: n1, n2… (or cluster_…). */
static char *
gb_name(struct gb *b, const char *stem)
{
	return xasprintf("%s%zu", stem, ++b->seq);
}

/* Records what element gid says; returns the id given to Graphviz. */
static const char *
gb_meta(struct gb *b, const char *suffix, const char *title)
{
	struct meta *mt = array_push(&b->meta, &b->nmeta, &b->capmeta,
	    sizeof(*mt));

	mt->gid = xasprintf("%s_%s", b->prefix, suffix);
	mt->title = plain_text(title);
	return mt->gid;
}

/*
 * A link from the diagram to path (from the language root, [a-z0-9-/.])
 * with an optional fragment; NULL when the diagram has no links.
 * Anything outside the safe set is percent-encoded, so that the URL
 * Graphviz writes unescaped into the SVG stays well-formed.
 */
static char *
gb_url(const struct gb *b, const char *path, const char *frag)
{
	struct buf u = { 0 };
	const char *s;
	int pass;

	if (b->link_prefix == NULL)
		return NULL;
	if (path != NULL && b->here != NULL && frag != NULL &&
	    strcmp(path, b->here) == 0)
		path = NULL;
	for (pass = 0; pass < 2; pass++) {
		s = pass == 0 ? path : frag;
		if (s == NULL)
			continue;
		if (pass == 0)
			buf_puts(&u, b->link_prefix);
		else
			buf_putc(&u, '#');
		for (; *s; s++) {
			unsigned char c = (unsigned char)*s;

			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || strchr("-_./", c))
				buf_putc(&u, (char)c);
			else
				buf_printf(&u, "%%%02X", c);
		}
	}
	return buf_detach(&u);
}

static char *
entity_url(const struct gb *b, const struct entity *e, const char *frag)
{
	char *path = page_path(e->kind, e->id), *url;

	url = gb_url(b, path, frag);
	free(path);
	return url;
}

/*
 * Creates a node in sub with an HTML label, id prefix_suffix, a class
 * and a link (url may be NULL); title is its plain text.
 */
static Agnode_t *
gb_node(struct gb *b, Agraph_t *sub, const char *suffix, const char *cls,
    const char *markup, const char *title, const char *url)
{
	char *name = gb_name(b, "n");
	Agnode_t *n = agnode(sub, name, 1);
	const char *gid = gb_meta(b, suffix, title);

	free(name);
	set_html(b->g, n, "label", markup);
	set(n, "id", gid);
	set(n, "class", cls);
	if (url != NULL) {
		set(n, "URL", url);
		/* The real tooltip is put in afterwards: Graphviz would
		 * unescape a text here twice. */
		set(n, "tooltip", gid);
	}
	return n;
}

/* The node of an entity, if already drawn. */
static Agnode_t *
gb_find(struct gb *b, const struct entity *e)
{
	char *key = xasprintf("%s:%s", kind_names[e->kind], e->id);
	Agnode_t *n = strmap_get(b->byref, key);

	free(key);
	return n;
}

static void
gb_remember(struct gb *b, const struct entity *e, Agnode_t *n)
{
	struct enode *en = array_push(&b->enodes, &b->nenodes, &b->capenodes,
	    sizeof(*en));

	en->key = xasprintf("%s:%s", kind_names[e->kind], e->id);
	en->n = n;
	strmap_put(b->byref, en->key, n);
}

static Agedge_t *
gb_edge(struct gb *b, Agnode_t *from, Agnode_t *to, const char *suffix,
    const char *cls, const char *label, const char *title)
{
	char *name = gb_name(b, "e");
	Agedge_t *e = agedge(b->g, from, to, name, 1);
	struct buf mk = { 0 };

	free(name);
	set(e, "id", gb_meta(b, suffix, title));
	set(e, "class", cls);
	if (label != NULL && *label != '\0') {
		lbl_font(&mk, label, 24, FS_EDGE, 0, 0);
		/* With straight lines dot places only external labels. */
		set_html(b->g, e, agget(b->g, (char *)"splines") != NULL &&
		    strcmp(agget(b->g, (char *)"splines"), "line") == 0 ?
		    "xlabel" : "label", mk.data);
		buf_free(&mk);
	}
	return e;
}

static Agraph_t *
gb_cluster(struct gb *b, const char *suffix, const char *cls,
    const char *markup, const char *title, const char *url)
{
	char *name = gb_name(b, "cluster_");
	Agraph_t *c = agsubg(b->g, name, 1);
	const char *gid = gb_meta(b, suffix, title);

	free(name);
	set_html(b->g, c, "label", markup);
	set(c, "id", gid);
	set(c, "class", cls);
	if (url != NULL) {
		set(c, "URL", url);
		set(c, "tooltip", gid);
	}
	return c;
}

/* Graph-wide defaults: type, colours, margins. */
static void
gb_defaults(struct gb *b, const char *rankdir)
{
	Agraph_t *g = b->g;
	char *gid = xasprintf("%s_graph", b->prefix);

	set(g, "id", gid);
	free(gid);
	set(g, "fontname", FONT_NAME);
	setf(g, "fontsize", FS_CLUSTER);
	set(g, "fontcolor", C_INK);
	set(g, "bgcolor", "white");
	set(g, "pad", "0.1");
	set(g, "margin", "0");
	set(g, "nodesep", "0.3");
	set(g, "ranksep", "0.45");
	set(g, "rankdir", rankdir);
	set(g, "charset", "UTF-8");
	set(g, "outputorder", "edgesfirst");
	agattr(g, AGNODE, (char *)"fontname", (char *)FONT_NAME);
	agattr(g, AGNODE, (char *)"fontsize", (char *)"12");
	agattr(g, AGNODE, (char *)"fontcolor", (char *)C_INK);
	agattr(g, AGNODE, (char *)"color", (char *)C_LINE);
	agattr(g, AGNODE, (char *)"fillcolor", (char *)"white");
	agattr(g, AGNODE, (char *)"style", (char *)"filled");
	agattr(g, AGNODE, (char *)"shape", (char *)"box");
	agattr(g, AGNODE, (char *)"margin", (char *)"0.08,0.05");
	agattr(g, AGEDGE, (char *)"fontname", (char *)FONT_NAME);
	agattr(g, AGEDGE, (char *)"fontsize", (char *)"12");
	agattr(g, AGEDGE, (char *)"fontcolor", (char *)C_INK);
	agattr(g, AGEDGE, (char *)"color", (char *)C_LINE);
	agattr(g, AGEDGE, (char *)"arrowsize", (char *)"0.7");
}

static const char *
text_or(const struct gb *b, const struct text *t, const char *dflt)
{
	const char *s = text_get(t, &b->m->site, b->lang, NULL);

	return s != NULL ? s : dflt;
}

static const char *
title_of(const struct gb *b, const struct entity *e)
{
	return entity_title(b->m, e, b->lang);
}

/* ---- Service maps ---- */

static Agnode_t *
map_service(struct gb *b, Agraph_t *sub, const struct service *s,
    const char *fill)
{
	struct buf mk = { 0 }, tip = { 0 };
	const char *name = title_of(b, &s->e);
	const char *summary = text_get(&s->summary, &b->m->site, b->lang,
	    NULL);
	char *suffix = xasprintf("service_%s", s->e.id);
	char *url = entity_url(b, &s->e, NULL);
	Agnode_t *n;

	lbl_text(&mk, name, 22);
	buf_puts(&tip, name);
	if (summary != NULL)
		buf_printf(&tip, " – %s", summary);
	n = gb_node(b, sub, suffix, "service", mk.data, tip.data, url);
	set(n, "style", "rounded,filled");
	set(n, "fillcolor", fill);
	gb_remember(b, &s->e, n);
	buf_free(&mk);
	buf_free(&tip);
	free(suffix);
	free(url);
	return n;
}

/* An actor's node: the centre (bold, double octagon) or a network
 * actor (ellipse). */
static Agnode_t *
map_actor(struct gb *b, Agraph_t *sub, const struct actor *a, int centre)
{
	struct buf mk = { 0 }, tip = { 0 };
	const char *name = title_of(b, &a->e);
	const char *summary = text_get(&a->summary, &b->m->site, b->lang,
	    NULL);
	char *suffix = xasprintf("actor_%s", a->e.id);
	char *url = entity_url(b, &a->e, NULL);
	Agnode_t *n = gb_find(b, &a->e);

	if (n != NULL) {
		free(suffix);
		free(url);
		return n;
	}
	if (centre)
		lbl_font(&mk, name, 20, FS_CENTRE, 1, 0);
	else
		lbl_text(&mk, name, 18);
	buf_puts(&tip, name);
	if (summary != NULL)
		buf_printf(&tip, " – %s", summary);
	n = gb_node(b, sub, suffix, centre ? "actor centre" : "actor",
	    mk.data, tip.data, url);
	if (centre) {
		set(n, "shape", "doubleoctagon");
		set(n, "fillcolor", C_BRAND);
		set(n, "fontcolor", "white");
		set(n, "color", C_BRAND);
		set(n, "penwidth", "2");
	} else {
		set(n, "shape", "ellipse");
		set(n, "margin", "0.05,0.03");
	}
	gb_remember(b, &a->e, n);
	buf_free(&mk);
	buf_free(&tip);
	free(suffix);
	free(url);
	return n;
}

/* The groups of a map, in display order (order, then id). */
static const struct group **
map_groups(const struct gb *b, const struct map *mp, size_t *n)
{
	const struct entity_set *set = &b->m->set[KIND_GROUP];
	const struct group **out = xcalloc(set->len + mp->groups.len + 1,
	    sizeof(*out));
	size_t i, k = 0;

	if (mp->groups.all) {
		for (i = 0; i < set->len; i++)
			out[k++] = (const struct group *)set->items[i];
	} else {
		for (i = 0; i < mp->groups.len; i++) {
			const struct ref *r = &((struct ref *)
			    mp->groups.items)[i];
			size_t j;

			if (r->target == NULL)
				continue;
			for (j = 0; j < k && &out[j]->e != r->target; j++)
				;
			if (j == k)
				out[k++] = (const struct group *)r->target;
		}
	}
	/* Insertion sort by order keeps it stable and dependency-free. */
	for (i = 1; i < k; i++) {
		const struct group *g = out[i];
		long o = g->order.pos.line ? g->order.v : 1000000000L;
		size_t j = i;

		while (j > 0) {
			const struct group *p = out[j - 1];
			long po = p->order.pos.line ? p->order.v : 1000000000L;

			if (po <= o)
				break;
			out[j] = p;
			j--;
		}
		out[j] = g;
	}
	*n = k;
	return out;
}

/* A node for a map edge's end: drawn already, or added now. */
static Agnode_t *
map_edge_end(struct gb *b, const struct ref *r)
{
	Agnode_t *n;

	if (r->target == NULL)
		return NULL;
	if ((n = gb_find(b, r->target)) != NULL)
		return n;
	switch (r->target->kind) {
	case KIND_ACTOR:
		return map_actor(b, b->g, (const struct actor *)r->target, 0);
	case KIND_SERVICE:
		return map_service(b, b->g, (const struct service *)r->target,
		    "white");
	default:
		return NULL;
	}
}

/* Non-zero if the list of refs l names e. */
static int
lists_ref(const struct list *l, const struct entity *e)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		if (((struct ref *)l->items)[i].target == e)
			return 1;
	return 0;
}

/* How many services deep a group's columns are. */
static size_t
group_rows(size_t ns)
{
	size_t rows = ns <= 4 ? ns : (ns + 1) / 2, cols;

	if (rows > 6) {
		cols = (ns + 5) / 6;
		rows = (ns + cols - 1) / cols;
	}
	return rows ? rows : 1;
}

static size_t
nactors_of(const struct map *mp, const struct model *m)
{
	return mp->actors.all ? m->set[KIND_ACTOR].len : mp->actors.len;
}

/*
 * Picks how many groups go in one column of the grid (one row in TB) so
 * that the picture's aspect comes closest to its paper's, from rough
 * sizes in points: a service 150 x 42, a group's title 30 high.
 */
static size_t
grid_rows(const struct map *mp,
    const struct group **groups, size_t ngroups, size_t nactors, int lr)
{
	double pw, ph, target, best = 1e9;
	size_t per, best_per = 1, i;

	diagram_paper_size(mp->paper.pos.line ? mp->paper.v :
	    PAPER_A3_LANDSCAPE, &pw, &ph);
	/* Dot spreads columns out more than the estimate: aim wider. */
	target = (lr ? pw / ph : ph / pw) * 2.0;
	for (per = 1; per <= ngroups; per++) {
		double across = 170, down = nactors * 48.0 + 60, col = 0,
		    colw = 0;
		size_t k = 0;

		for (i = 0; i < ngroups; i++) {
			size_t ns = groups[i]->services.len;
			size_t rows = group_rows(ns);
			size_t cols = (ns + rows - 1) / rows;

			col += rows * 48.0 + 40;
			if (cols * 160.0 + 20 > colw)
				colw = cols * 160.0 + 20;
			if (++k == per || i + 1 == ngroups) {
				across += colw + 25;
				if (col > down)
					down = col;
				col = colw = 0;
				k = 0;
			}
		}
		if (fabs(log(across / down / target)) < best) {
			best = fabs(log(across / down / target));
			best_per = per;
		}
	}
	return best_per;
}

/* An invisible edge that only ranks to after from. */
static void
rank_after(struct gb *b, Agnode_t *from, Agnode_t *to)
{
	char *nm = gb_name(b, "rank");
	Agedge_t *e = agedge(b->g, from, to, nm, 1);

	free(nm);
	set(e, "style", "invis");
}

/*
 * A service map.  With dot, the picture is a grid: the groups are
 * clusters in columns (in LR; rows in TB), each holding its services in
 * a few short columns, and the centre with the network actors stacked
 * around it is the middle column.  Invisible edges build the grid; the
 * typical next steps are drawn between services without moving them,
 * and the map's own relations are drawn bold with their labels.  Other
 * layouts (neato, fdp, circo, twopi) place the same nodes freely.
 */
static void
build_map(struct gb *b, const struct map *mp)
{
	const struct model *m = b->m;
	const struct actor *centre = (const struct actor *)mp->centre.target;
	const struct group **groups;
	Agnode_t *cn = NULL, **first, **last, *ring_first = NULL;
	Agnode_t *ring_last = NULL;
	Agraph_t *half_a, *half_b;
	int split;
	Agraph_t **clusters, *ring;
	size_t ngroups, i, j, nactors, nserv = 0, ncols, percol, mid;
	int layout = mp->layout.pos.line ? mp->layout.v : 0;
	const char *dir = mp->direction.pos.line ?
	    direction_names[mp->direction.v] : "LR";

	gb_defaults(b, dir);
	set(b->g, "compound", "true");
	set(b->g, "nodesep", "0.2");
	set(b->g, "ranksep", "0.25");
	/* Not "curved": Graphviz 2.42 caches the cycles of curved edges
	 * in a static keyed by the graph's address, so a later graph at a
	 * reused address gets the last one's routes.  Straight lines are
	 * drawn fresh each time and stay compact. */
	set(b->g, "splines", "line");
	if (layout != 0) {
		/* Force-directed layouts: a fixed seed, no overlaps. */
		set(b->g, "start", "1");
		set(b->g, "overlap", "prism");
		set(b->g, "splines", "true");
		set(b->g, "sep", "+8");
	}
	groups = map_groups(b, mp, &ngroups);
	/* Columns of groups, the centre's column in the middle: as many
	 * groups a column as makes the picture about as wide as the
	 * paper, from a rough size of each group. */
	percol = grid_rows(mp, groups, ngroups, nactors_of(mp, m),
	    dir[0] == 'L');
	ncols = percol ? (ngroups + percol - 1) / percol : 0;
	mid = (ncols + 1) / 2;
	first = xcalloc(ngroups + 1, sizeof(*first));
	last = xcalloc(ngroups + 1, sizeof(*last));
	clusters = xcalloc(ngroups + 1, sizeof(*clusters));

	/*
	 * The centre and the network actors, half of them before it and
	 * half after, inside a cluster without a border that keeps them
	 * together.  In LR they make one column with the centre in its
	 * middle; in TB a row would be far too wide, so the halves are a
	 * row above the centre and a row below it.
	 */
	nactors = nactors_of(mp, m);
	split = layout == 0 && dir[0] == 'T' && centre != NULL && nactors > 3;
	ring = b->g;
	half_a = half_b = NULL;
	if (layout == 0) {
		Agraph_t *rc = agsubg(b->g, (char *)"cluster_ring", 1);

		/* Subgraphs inherit the graph's id: give it its own. */
		set(rc, "id", gb_meta(b, "ring", ui(b->lang, UI_MAP_ACTORS)));
		set(rc, "class", "ring");
		set(rc, "peripheries", "0");
		set(rc, "label", "");
		ring = agsubg(rc, (char *)"ring", 1);
		set(ring, "rank", "same");
		if (split) {
			half_a = agsubg(rc, (char *)"ring_a", 1);
			set(half_a, "rank", "same");
			half_b = agsubg(rc, (char *)"ring_b", 1);
			set(half_b, "rank", "same");
		}
	}
	for (i = 0; i <= nactors; i++) {
		const struct entity *e;
		Agnode_t *n;

		if (i == nactors / 2 && centre != NULL)
			cn = map_actor(b, ring, centre, 1);
		if (i == nactors)
			break;
		e = mp->actors.all ? m->set[KIND_ACTOR].items[i] :
		    ((struct ref *)mp->actors.items)[i].target;
		if (e == NULL || (centre != NULL && &centre->e == e))
			continue;
		n = map_actor(b, split ? (i < nactors / 2 ? half_a : half_b) :
		    ring, (const struct actor *)e, 0);
		if (ring_first == NULL)
			ring_first = n;
		if (split && i >= nactors / 2 && ring_last == NULL)
			ring_last = n;
	}
	if (split) {
		/* Rows: the first half above the centre, the rest below. */
		Agnode_t *n;

		for (n = agfstnode(half_a); n != NULL; n = agnxtnode(half_a, n))
			rank_after(b, n, cn);
		for (n = agfstnode(half_b); n != NULL; n = agnxtnode(half_b, n))
			rank_after(b, cn, n);
	}
	if (ring_first == NULL)
		ring_first = cn ? cn : ring_last;
	if (ring_last == NULL)
		ring_last = cn ? cn : ring_first;
	if (layout == 4 && cn != NULL)
		set(b->g, "root", agnameof(cn));

	for (i = 0; i < ngroups; i++) {
		const struct group *g = groups[i];
		struct buf mk = { 0 };
		char fill[8], border[8];
		char *suffix = xasprintf("group_%s", g->e.id);
		char *url = entity_url(b, &g->e, NULL);
		const char *name = title_of(b, &g->e);
		size_t ns = g->services.len, rows;
		Agnode_t **sn = xcalloc(ns + 1, sizeof(*sn));
		Agraph_t *c;

		group_colours(g->colour.s, i, fill, border);
		lbl_font(&mk, name, 30, FS_CLUSTER, 1, 0);
		c = gb_cluster(b, suffix, "group", mk.data, name, url);
		clusters[i] = c;
		set(c, "style", "rounded,filled");
		set(c, "fillcolor", fill);
		set(c, "color", border);
		set(c, "penwidth", "2");
		set(c, "margin", "6");
		for (j = 0; j < ns; j++)
			sn[j] = map_service(b, c, (const struct service *)
			    g->services.items[j], "white");
		if (ns == 0) {
			/* An empty group still shows as a titled box. */
			char *nm = gb_name(b, "empty");

			sn[0] = agnode(c, nm, 1);
			free(nm);
			set(sn[0], "label", "");
			set(sn[0], "style", "invis");
			set(sn[0], "width", "1");
			set(sn[0], "height", "0.2");
			ns = 1;
		}
		/* Short columns: at most about six services deep. */
		rows = group_rows(ns);
		if (layout == 0)
			for (j = 0; j + rows < ns; j++)
				rank_after(b, sn[j], sn[j + rows]);
		first[i] = sn[0];
		last[i] = sn[ns - 1];
		free(sn);
		buf_free(&mk);
		free(suffix);
		free(url);
	}
	/* The grid: every group of a column ranks after every group of the
	 * column before; the ring is column mid. */
	if (layout == 0) {
		size_t col, prev_lo = 0, prev_hi = 0;
		int prev_ring = 0, have_prev = 0;

		for (col = 0; col <= ncols; col++) {
			int is_ring = col == mid;
			size_t gcol = col > mid ? col - 1 : col;
			size_t lo = gcol * percol, hi = lo + percol;

			if (is_ring && ring_first == NULL)
				continue;
			if (!is_ring) {
				if (lo >= ngroups)
					continue;
				if (hi > ngroups)
					hi = ngroups;
			}
			if (have_prev) {
				size_t a, z;

				if (is_ring)
					for (a = prev_lo; a < prev_hi; a++)
						rank_after(b, last[a],
						    ring_first);
				else if (prev_ring)
					for (z = lo; z < hi; z++)
						rank_after(b, ring_last,
						    first[z]);
				else
					for (a = prev_lo; a < prev_hi; a++)
						for (z = lo; z < hi; z++)
							rank_after(b, last[a],
							    first[z]);
			}
			have_prev = 1;
			prev_ring = is_ring;
			if (!is_ring) {
				prev_lo = lo;
				prev_hi = hi;
			}
		}
	}
	/* Typical next steps between the services drawn: light, and not
	 * allowed to pull the grid apart. */
	for (i = 0; i < ngroups; i++)
		for (j = 0; j < groups[i]->services.len; j++) {
			const struct service *s = (const struct service *)
			    groups[i]->services.items[j];
			Agnode_t *from = gb_find(b, &s->e);
			size_t k;

			for (k = 0; k < s->next.len; k++) {
				const struct ref *r = &((struct ref *)
				    s->next.items)[k];
				Agnode_t *to;
				Agedge_t *e;
				char *suffix, *title;

				int both;

				if (r->target == NULL ||
				    (to = gb_find(b, r->target)) == NULL)
					continue;
				/* Next steps both ways are one edge with two
				 * heads (dot loses one of a pair of flat
				 * edges in opposite directions). */
				both = r->target != &s->e && lists_ref(
				    &((const struct service *)r->target)->next,
				    &s->e);
				if (both && strcmp(s->e.id, r->target->id) > 0)
					continue;
				suffix = xasprintf("next_%s_%s", s->e.id,
				    r->target->id);
				title = xasprintf("%s %s %s", title_of(b,
				    &s->e), both ? "↔" : "→",
				    title_of(b, r->target));
				e = gb_edge(b, from, to, suffix, both ?
				    "next both" : "next", NULL, title);
				if (both)
					set(e, "dir", "both");
				set(e, "constraint", "false");
				set(e, "weight", "0");
				set(e, "color", C_RULE);
				set(e, "penwidth", "0.7");
				set(e, "arrowsize", "0.5");
				free(suffix);
				free(title);
			}
		}
	/* The map's own relations, bold, with their labels. */
	for (i = 0; i < mp->edges.len; i++) {
		const struct map_edge *me = &((struct map_edge *)
		    mp->edges.items)[i];
		const char *label = text_get(&me->label, &m->site, b->lang,
		    NULL);
		Agraph_t *ltail = NULL, *lhead = NULL;
		Agnode_t *from, *to;
		Agedge_t *e;
		char *suffix, *title;
		size_t gi;

		if (me->from.target == NULL || me->to.target == NULL)
			continue;
		from = map_edge_end(b, &me->from);
		to = map_edge_end(b, &me->to);
		/* A group end: the edge meets its cluster's border. */
		for (gi = 0; gi < ngroups; gi++) {
			if (me->from.target == &groups[gi]->e) {
				from = first[gi];
				ltail = clusters[gi];
			}
			if (me->to.target == &groups[gi]->e) {
				to = first[gi];
				lhead = clusters[gi];
			}
		}
		if (from == NULL || to == NULL)
			continue;
		suffix = xasprintf("edge_%zu", i + 1);
		title = xasprintf("%s → %s%s%s", title_of(b, me->from.target),
		    title_of(b, me->to.target), label ? ": " : "",
		    label ? label : "");
		e = gb_edge(b, from, to, suffix, "relation", label, title);
		set(e, "constraint", "false");
		set(e, "weight", "0");
		set(e, "penwidth", "1.6");
		set(e, "color", C_INK);
		if (ltail != NULL && ltail != lhead)
			set(e, "ltail", agnameof(ltail));
		if (lhead != NULL && ltail != lhead)
			set(e, "lhead", agnameof(lhead));
		free(suffix);
		free(title);
	}
	for (i = 0; i < ngroups; i++)
		nserv += groups[i]->services.len;
	b->title = xstrdup(title_of(b, &mp->e));
	b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_MAP), ngroups, nserv,
	    nactors + (centre != NULL));
	free(first);
	free(last);
	free(clusters);
	free(groups);
}

/* ---- Client paths ---- */

/* A step's lane: its responsible actor, else its stage, else "". */
static const char *
lane_key(const struct step *st, char *buf, size_t len)
{
	if (st->responsible.target != NULL)
		snprintf(buf, len, "actor:%s", st->responsible.target->id);
	else if (st->stage.pos.line)
		snprintf(buf, len, "stage:%s", stage_names[st->stage.v]);
	else
		snprintf(buf, len, "none");
	return buf;
}

static void
build_path(struct gb *b, const struct path *p)
{
	const struct step *steps = p->steps.items;
	size_t n = p->steps.len, i, j, nlanes = 0, handoffs = 0;
	char (*keys)[80] = xcalloc(n + 1, sizeof(*keys));
	Agraph_t **lanes = xcalloc(n + 1, sizeof(*lanes));
	size_t *lane_of = xcalloc(n + 1, sizeof(*lane_of));
	Agnode_t **nodes = xcalloc(n + 1, sizeof(*nodes));
	const struct actor *coord = (const struct actor *)p->coordinator.target;

	/* Top to bottom: a path reads down a page and scrolls down a
	 * screen; lanes stand side by side. */
	gb_defaults(b, "TB");
	set(b->g, "newrank", "true");
	set(b->g, "ranksep", "0.3");
	set(b->g, "nodesep", "0.2");
	/* Lanes in order of first appearance. */
	for (i = 0; i < n; i++) {
		char key[80];

		lane_key(&steps[i], key, sizeof(key));
		for (j = 0; j < nlanes && strcmp(keys[j], key) != 0; j++)
			;
		if (j == nlanes) {
			struct buf mk = { 0 };
			const char *name;
			char *suffix, *url = NULL;

			memcpy(keys[j], key, sizeof(key));
			if (steps[i].responsible.target != NULL) {
				name = title_of(b, steps[i].responsible.target);
				url = entity_url(b,
				    steps[i].responsible.target, NULL);
			} else if (steps[i].stage.pos.line)
				name = ui_stage(b->lang, steps[i].stage.v);
			else
				name = ui(b->lang, UI_STEPS);
			suffix = xasprintf("lane_%zu", j + 1);
			lbl_font(&mk, name, 24, FS_CLUSTER, 1, 0);
			lanes[j] = gb_cluster(b, suffix, "lane", mk.data, name,
			    url);
			set(lanes[j], "style", "filled");
			set(lanes[j], "fillcolor", C_SOFT);
			set(lanes[j], "color", C_RULE);
			set(lanes[j], "labeljust", "l");
			set(lanes[j], "margin", "10");
			nlanes++;
			buf_free(&mk);
			free(suffix);
			free(url);
		}
		lane_of[i] = j;
	}
	for (i = 0; i < n; i++) {
		const struct step *st = &steps[i];
		struct buf mk = { 0 }, tip = { 0 };
		const char *title = text_or(b, &st->title, "");
		const char *quote = text_get(&st->quote, &b->m->site, b->lang,
		    NULL);
		char *suffix = xasprintf("step_%zu", i + 1);
		char *url = st->at.target ? entity_url(b, st->at.target, NULL) :
		    NULL;
		char num[32];

		snprintf(num, sizeof(num), "%zu. ", i + 1);
		buf_puts(&tip, num);
		buf_puts(&tip, title);
		if (st->handoff.v) {
			char *mark = xasprintf("⇄ %s",
			    ui(b->lang, UI_DIAGRAM_HANDOFF));

			lbl_font(&mk, mark, 0, FS_EDGE, 1, 0);
			buf_puts(&mk, "<BR/>");
			free(mark);
			buf_printf(&tip, " (%s)", ui(b->lang, UI_DIAGRAM_HANDOFF));
			handoffs++;
		}
		buf_printf(&mk, "<B>%s</B>", num);
		lbl_text(&mk, title, 20);
		if (st->at.target != NULL) {
			buf_puts(&mk, "<BR/>");
			lbl_font(&mk, title_of(b, st->at.target), 22, FS_EDGE,
			    0, 0);
			buf_printf(&tip, " – %s", title_of(b, st->at.target));
		}
		if (st->duration.s != NULL) {
			buf_puts(&mk, "<BR/>");
			lbl_font(&mk, st->duration.s, 30, FS_EDGE, 0, 1);
		}
		nodes[i] = gb_node(b, lanes[lane_of[i]], suffix,
		    st->handoff.v ? "step handoff" : "step", mk.data,
		    tip.data, url);
		set(nodes[i], "style", "rounded,filled");
		if (st->handoff.v) {
			/* Marked by shape, border and words, not colour. */
			set(nodes[i], "style", "filled,bold");
			set(nodes[i], "peripheries", "2");
			set(nodes[i], "fillcolor", C_HANDOFF_BG);
			set(nodes[i], "color", C_HANDOFF);
			set(nodes[i], "penwidth", "2");
		}
		if (quote != NULL) {
			struct buf q = { 0 };
			char *qs = xasprintf("quote_%zu", i + 1);
			char *sub = gb_name(b, "q");
			Agraph_t *same = agsubg(lanes[lane_of[i]], sub, 1);
			Agnode_t *qn;
			char *qtitle = xasprintf("%s%s%s",
			    ui(b->lang, UI_QUOTE_OPEN), quote,
			    ui(b->lang, UI_QUOTE_CLOSE));
			Agedge_t *e;

			lbl_font(&q, qtitle, 20, FS_EDGE, 0, 1);
			set(same, "rank", "same");
			agsubnode(same, nodes[i], 1);
			qn = gb_node(b, same, qs, "quote", q.data, qtitle, NULL);
			set(qn, "shape", "note");
			set(qn, "fillcolor", C_QUOTE_BG);
			set(qn, "color", C_QUOTE);
			set(qn, "fontcolor", C_INK);
			free(qs);
			qs = xasprintf("quote_edge_%zu", i + 1);
			e = gb_edge(b, nodes[i], qn, qs, "quote", NULL, qtitle);
			set(e, "style", "dotted");
			set(e, "arrowhead", "none");
			set(e, "color", C_QUOTE);
			buf_free(&q);
			free(qs);
			free(sub);
			free(qtitle);
		}
		buf_free(&mk);
		buf_free(&tip);
		free(suffix);
		free(url);
	}
	for (i = 0; i + 1 < n; i++) {
		char *suffix = xasprintf("flow_%zu", i + 1);
		char *title = xasprintf("%zu → %zu", i + 1, i + 2);
		Agedge_t *e = gb_edge(b, nodes[i], nodes[i + 1], suffix,
		    steps[i].handoff.v ? "flow handoff" : "flow", NULL, title);

		set(e, "weight", "4");
		if (steps[i].handoff.v) {
			set(e, "style", "bold");
			set(e, "color", C_HANDOFF);
			set(e, "penwidth", "2");
		}
		free(suffix);
		free(title);
	}
	if (coord != NULL) {
		/* The coordinator beside the path, tied to the hand-over
		 * points it steers (or to the first step). */
		struct buf mk = { 0 }, tip = { 0 };
		char *url = entity_url(b, &coord->e, NULL);
		Agnode_t *cn;

		lbl_font(&mk, ui(b->lang, UI_COORDINATOR), 30, FS_EDGE, 0, 0);
		buf_puts(&mk, "<BR/>");
		lbl_font(&mk, title_of(b, &coord->e), 22, FS_NODE, 1, 0);
		buf_printf(&tip, "%s: %s", ui(b->lang, UI_COORDINATOR),
		    title_of(b, &coord->e));
		cn = gb_node(b, b->g, "coordinator", "coordinator", mk.data,
		    tip.data, url);
		set(cn, "shape", "doubleoctagon");
		set(cn, "fillcolor", C_BRAND);
		set(cn, "fontcolor", "white");
		set(cn, "color", C_BRAND);
		for (i = 0; i < n; i++) {
			char *suffix, *title;
			Agedge_t *e;

			if (!steps[i].handoff.v && !(handoffs == 0 && i == 0))
				continue;
			suffix = xasprintf("coordinates_%zu", i + 1);
			title = xasprintf("%s → %zu", title_of(b, &coord->e),
			    i + 1);
			e = gb_edge(b, cn, nodes[i], suffix, "coordinates",
			    NULL, title);
			set(e, "style", "dashed");
			set(e, "constraint", "false");
			set(e, "color", C_BRAND);
			free(suffix);
			free(title);
		}
		buf_free(&mk);
		buf_free(&tip);
		free(url);
	}
	b->title = xstrdup(title_of(b, &p->e));
	b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_PATH), n, handoffs);
	free(keys);
	free(lanes);
	free(lane_of);
	free(nodes);
}

/* ---- Decision guides ---- */

static const struct question *
find_question(const struct decision *d, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < d->questions.len; i++) {
		const struct question *q = &((struct question *)
		    d->questions.items)[i];

		if (q->id.s != NULL && strcmp(q->id.s, id) == 0)
			return q;
	}
	return NULL;
}

static void
build_decision(struct gb *b, const struct decision *d)
{
	const struct question *qs = d->questions.items;
	const struct outcome *os = d->outcomes.items;
	size_t nq = d->questions.len, no = d->outcomes.len, i, k;
	Agnode_t **qn = xcalloc(nq + 1, sizeof(*qn));
	Agnode_t **on = xcalloc(no + 1, sizeof(*on));
	char *self = page_path(KIND_DECISION, d->e.id);
	const struct question *start = find_question(d, d->start.s);
	Agnode_t *sn = NULL;

	gb_defaults(b, "TB");
	set(b->g, "ranksep", "0.4");
	if (start != NULL) {
		struct buf mk = { 0 };
		char *frag = xasprintf("q-%s", start->id.s);
		char *url = gb_url(b, self, frag);
		lbl_font(&mk, ui(b->lang, UI_START), 0, FS_NODE, 1, 0);
		sn = gb_node(b, b->g, "start", "start", mk.data,
		    ui(b->lang, UI_START), url);
		set(sn, "shape", "oval");
		set(sn, "fillcolor", C_BRAND);
		set(sn, "color", C_BRAND);
		set(sn, "fontcolor", "white");
		buf_free(&mk);
		free(frag);
		free(url);
	}
	for (i = 0; i < nq; i++) {
		struct buf mk = { 0 };
		const char *text = text_or(b, &qs[i].text, qs[i].id.s);
		char *frag = xasprintf("q-%s", qs[i].id.s);
		char *url = gb_url(b, self, frag);
		char *suffix = xasprintf("question_%s", qs[i].id.s);

		lbl_text(&mk, text, 32);
		qn[i] = gb_node(b, b->g, suffix, "question", mk.data, text,
		    url);
		/* Questions: sharp boxes; outcomes: rounded, double. */
		set(qn[i], "color", C_LINK);
		set(qn[i], "penwidth", &qs[i] == start ? "2.5" : "1.5");
		buf_free(&mk);
		free(frag);
		free(url);
		free(suffix);
	}
	for (i = 0; i < no; i++) {
		struct buf mk = { 0 }, tip = { 0 };
		const char *text = text_or(b, &os[i].text, os[i].id.s);
		const struct entity *to = os[i].segment.target ?
		    os[i].segment.target : os[i].actor.target;
		char *frag = xasprintf("o-%s", os[i].id.s);
		char *url = to ? entity_url(b, to, NULL) :
		    gb_url(b, self, frag);
		char *suffix = xasprintf("outcome_%s", os[i].id.s);

		lbl_text(&mk, text, 32);
		buf_puts(&tip, text);
		if (os[i].segment.target != NULL) {
			buf_puts(&mk, "<BR/>");
			lbl_font(&mk, title_of(b, os[i].segment.target), 32,
			    FS_EDGE, 1, 0);
			buf_printf(&tip, " – %s", title_of(b,
			    os[i].segment.target));
		}
		if (os[i].actor.target != NULL) {
			buf_puts(&mk, "<BR/>");
			lbl_font(&mk, title_of(b, os[i].actor.target), 32,
			    FS_EDGE, 0, 1);
			buf_printf(&tip, " – %s", title_of(b,
			    os[i].actor.target));
		}
		on[i] = gb_node(b, b->g, suffix, "outcome", mk.data, tip.data,
		    url);
		set(on[i], "style", "rounded,filled,bold");
		set(on[i], "fillcolor", C_QUOTE_BG);
		set(on[i], "color", C_QUOTE);
		buf_free(&mk);
		buf_free(&tip);
		free(frag);
		free(url);
		free(suffix);
	}
	if (start != NULL) {
		Agedge_t *e = gb_edge(b, sn, qn[start - qs], "start_edge", "answer", NULL,
		    ui(b->lang, UI_START));

		set(e, "color", C_BRAND);
	}
	for (i = 0; i < nq; i++)
		for (k = 0; k < qs[i].answers.len; k++) {
			const struct answer *an = &((struct answer *)
			    qs[i].answers.items)[k];
			const char *label = text_or(b, &an->label, "");
			const struct question *q = find_question(d, an->go.s);
			Agnode_t *to = q ? qn[q - qs] : NULL;
			char *suffix, *title;
			size_t j;

			for (j = 0; to == NULL && an->outcome.s && j < no; j++)
				if (os[j].id.s &&
				    strcmp(os[j].id.s, an->outcome.s) == 0)
					to = on[j];
			if (to == NULL)
				continue;
			suffix = xasprintf("answer_%s_%zu", qs[i].id.s, k + 1);
			title = xasprintf("%s → %s", text_or(b, &qs[i].text,
			    ""), label);
			gb_edge(b, qn[i], to, suffix, "answer", label, title);
			free(suffix);
			free(title);
		}
	b->title = xstrdup(title_of(b, &d->e));
	b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_DECISION), nq, no);
	free(qn);
	free(on);
	free(self);
}

/* ---- Client flows ---- */

/*
 * A flow: its published nodes, left to right, and its published edges,
 * as wide as their counts.  Withheld edges are not drawn, and a withheld
 * node count is not shown: the picture says no more than the JSON.
 */
static void
build_flow(struct gb *b, const struct flow *f)
{
	const struct flow_counts *c = f->counts;
	Agnode_t **nodes;
	uint64_t most = 1;
	size_t i, drawn = 0;

	gb_defaults(b, "LR");
	set(b->g, "ranksep", "0.6");
	b->title = xstrdup(title_of(b, &f->e));
	if (c == NULL) {
		b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_FLOW), (size_t)0,
		    (size_t)0);
		return;
	}
	nodes = xcalloc(c->nnodes + 1, sizeof(*nodes));
	for (i = 0; i < c->nedges; i++)
		if (!c->edges[i].suppressed && c->edges[i].count > most)
			most = c->edges[i].count;
	for (i = 0; i < c->nnodes; i++) {
		const struct flow_node *fn = &c->nodes[i];
		const struct entity *svc = model_find(b->m, KIND_SERVICE,
		    fn->id);
		const char *name = strcmp(fn->id, "start") == 0 ?
		    ui(b->lang, UI_FLOW_START) : strcmp(fn->id, "end") == 0 ?
		    ui(b->lang, UI_FLOW_END) : strcmp(fn->id, "other") == 0 ?
		    ui(b->lang, UI_FLOW_OTHER) : svc ? title_of(b, svc) : fn->id;
		struct buf mk = { 0 }, tip = { 0 };
		char *suffix = xasprintf("node_%s", fn->id);
		char *url = svc ? entity_url(b, svc, NULL) : NULL;
		char num[32];

		lbl_text(&mk, name, 22);
		buf_puts(&tip, name);
		if (!fn->suppressed) {
			snprintf(num, sizeof(num), "%llu",
			    (unsigned long long)fn->count);
			buf_puts(&mk, "<BR/>");
			lbl_font(&mk, num, 0, FS_EDGE, 1, 0);
			buf_printf(&tip, ": %s", num);
		}
		nodes[i] = gb_node(b, b->g, suffix, svc ? "service" : "terminal",
		    mk.data, tip.data, url);
		if (svc != NULL)
			set(nodes[i], "style", "rounded,filled");
		else {
			set(nodes[i], "shape", "oval");
			set(nodes[i], "fillcolor", C_BRAND);
			set(nodes[i], "color", C_BRAND);
			set(nodes[i], "fontcolor", "white");
		}
		buf_free(&mk);
		buf_free(&tip);
		free(suffix);
		free(url);
	}
	for (i = 0; i < c->nedges; i++) {
		const struct flow_edge *fe = &c->edges[i];
		char num[32], width[32], *suffix, *title;
		Agedge_t *e;

		if (fe->suppressed)
			continue;
		snprintf(num, sizeof(num), "%llu",
		    (unsigned long long)fe->count);
		snprintf(width, sizeof(width), "%.2f",
		    1.0 + 7.0 * (double)fe->count / (double)most);
		suffix = xasprintf("edge_%s_%s", c->nodes[fe->from].id,
		    c->nodes[fe->to].id);
		title = xasprintf("%s → %s: %s", c->nodes[fe->from].id,
		    c->nodes[fe->to].id, num);
		e = gb_edge(b, nodes[fe->from], nodes[fe->to], suffix, "flow",
		    num, title);
		set(e, "penwidth", width);
		drawn++;
		free(suffix);
		free(title);
	}
	b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_FLOW), c->nnodes, drawn);
	free(nodes);
}

/* ---- From graph to SVG ---- */

int
diagram_kind_supported(enum kind kind)
{
	return kind == KIND_MAP || kind == KIND_PATH ||
	    kind == KIND_DECISION || kind == KIND_FLOW;
}

/* Builds the graph of e into b (which must be initialised). */
static void
gb_build(struct gb *b, const struct entity *e)
{
	switch (e->kind) {
	case KIND_MAP:
		build_map(b, (const struct map *)e);
		break;
	case KIND_PATH:
		build_path(b, (const struct path *)e);
		break;
	case KIND_DECISION:
		build_decision(b, (const struct decision *)e);
		break;
	case KIND_FLOW:
		build_flow(b, (const struct flow *)e);
		break;
	default:
		break;
	}
}

static const char *
layout_engine(const struct entity *e)
{
	const struct map *mp = (const struct map *)e;

	if (e->kind == KIND_MAP && mp->layout.pos.line)
		return layout_names[mp->layout.v];
	return "dot";
}

/* Reports Graphviz's messages of this call, if any, at the entity. */
static void
gv_report(struct diag_list *dl, const struct entity *e, int failed)
{
	char *line, *save = NULL;

	if (dl == NULL || (gv_messages.len == 0 && !failed))
		return;
	if (gv_messages.len == 0) {
		diag_error(dl, e->pos, "cannot draw the diagram of %s:%s",
		    kind_names[e->kind], e->id);
		return;
	}
	for (line = strtok_r(gv_messages.data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		diag_add(dl, failed ? DIAG_ERROR : DIAG_WARNING, e->pos,
		    "diagram of %s:%s: Graphviz: %s", kind_names[e->kind],
		    e->id, line);
	buf_free(&gv_messages);
}

/*
 * Lays the graph out and renders it as SVG into *svg (free with
 * gvFreeRenderData).  Called with the lock held.  Returns 0 or -1.
 */
static int
gv_svg(GVC_t *gvc, struct gb *b, const struct entity *e, char **svg,
    unsigned *len)
{
	int rc;

	*svg = NULL;
	if (gvLayout(gvc, b->g, layout_engine(e)) != 0)
		return -1;
	rc = gvRenderData(gvc, b->g, "svg", svg, len);
	gvFreeLayout(gvc, b->g);
	return rc == 0 && *svg != NULL ? 0 : -1;
}

static struct meta *
meta_find(struct strmap *byid, const xmlChar *id)
{
	return id ? strmap_get(byid, (const char *)id) : NULL;
}

static void
set_text(xmlNodePtr el, const char *text)
{
	xmlNodePtr c;

	while ((c = el->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	xmlAddChild(el, xmlNewText((const xmlChar *)text));
}

/*
 * Puts the real titles and tooltips into Graphviz's SVG, drops its
 * comments and sets one font family on its texts.
 */
static void
fix_tree(xmlNodePtr n, struct strmap *byid, const struct gb *b, xmlNsPtr xl)
{
	xmlNodePtr c, next;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, (const xmlChar *)"title")) {
			xmlChar *pid = xmlGetProp(n, (const xmlChar *)"id");
			struct meta *mt = meta_find(byid, pid);

			if (mt != NULL)
				set_text(c, mt->title);
			else
				set_text(c, b->title ? b->title : "");
			xmlFree(pid);
		} else if (xmlStrEqual(c->name, (const xmlChar *)"a")) {
			xmlChar *pid = xmlGetProp(n, (const xmlChar *)"id");
			struct meta *mt = NULL;

			if (pid != NULL && strncmp((char *)pid, "a_", 2) == 0)
				mt = meta_find(byid, pid + 2);
			xmlUnsetNsProp(c, xl, (const xmlChar *)"title");
			if (mt != NULL)
				xmlSetNsProp(c, xl, (const xmlChar *)"title",
				    (const xmlChar *)mt->title);
			/* The text alternative beside the figure holds the
			 * same links for the keyboard; role="img" hides
			 * these from assistive technology. */
			xmlSetProp(c, (const xmlChar *)"tabindex",
			    (const xmlChar *)"-1");
			xmlFree(pid);
		} else if (xmlStrEqual(c->name, (const xmlChar *)"text"))
			xmlSetProp(c, (const xmlChar *)"font-family",
			    (const xmlChar *)FONT_FAMILY);
		fix_tree(c, byid, b, xl);
	}
}

/*
 * Parses Graphviz's SVG and makes it ours: real titles and tooltips,
 * role="img" with a <title> and <desc>, no comments.  Returns the
 * document (caller frees) or NULL.
 */
static xmlDocPtr
svg_finish(const struct gb *b, const char *data, unsigned len)
{
	xmlDocPtr doc = xmlReadMemory(data, (int)len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	struct strmap *byid;
	xmlNodePtr root, t, d, c;
	xmlNsPtr ns, xl;
	char *id;
	size_t i;

	if (doc == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !xmlStrEqual(root->name, (const xmlChar *)"svg")) {
		xmlFreeDoc(doc);
		return NULL;
	}
	/* No DOCTYPE: the SVG is inlined or stands alone without one. */
	for (c = doc->children; c != NULL; c = c->next)
		if (c->type == XML_DTD_NODE) {
			xmlUnlinkNode(c);
			xmlFreeDtd((xmlDtdPtr)c);
			doc->intSubset = NULL;
			break;
		}
	ns = xmlSearchNsByHref(doc, root, (const xmlChar *)SVG_NS);
	xl = xmlSearchNsByHref(doc, root, (const xmlChar *)XLINK_NS);
	if (xl == NULL)
		xl = xmlNewNs(root, (const xmlChar *)XLINK_NS,
		    (const xmlChar *)"xlink");
	byid = strmap_new();
	for (i = 0; i < b->nmeta; i++)
		strmap_put(byid, b->meta[i].gid, &b->meta[i]);
	fix_tree(root, byid, b, xl);
	strmap_free(byid);

	xmlSetProp(root, (const xmlChar *)"id", (const xmlChar *)b->prefix);
	xmlSetProp(root, (const xmlChar *)"class",
	    (const xmlChar *)"diagram-svg");
	xmlSetProp(root, (const xmlChar *)"role", (const xmlChar *)"img");
	id = xasprintf("%s_title", b->prefix);
	xmlSetProp(root, (const xmlChar *)"aria-labelledby",
	    (const xmlChar *)id);
	t = xmlNewDocNode(doc, ns, (const xmlChar *)"title", NULL);
	xmlSetProp(t, (const xmlChar *)"id", (const xmlChar *)id);
	set_text(t, b->title ? b->title : "");
	free(id);
	id = xasprintf("%s_desc", b->prefix);
	xmlSetProp(root, (const xmlChar *)"aria-describedby",
	    (const xmlChar *)id);
	d = xmlNewDocNode(doc, ns, (const xmlChar *)"desc", NULL);
	xmlSetProp(d, (const xmlChar *)"id", (const xmlChar *)id);
	set_text(d, b->desc ? b->desc : "");
	free(id);
	if (root->children != NULL) {
		xmlAddPrevSibling(root->children, t);
		xmlAddNextSibling(t, d);
	} else {
		xmlAddChild(root, t);
		xmlAddChild(root, d);
	}
	return doc;
}

/* Draws e as a finished SVG document; NULL after reporting. */
static xmlDocPtr
draw_svg(const struct model *m, const struct entity *e, enum lang lang,
    const char *link_prefix, const char *here, const char *id_prefix,
    struct diag_list *dl)
{
	GVC_t *gvc;
	struct gb b;
	char *prefix, *data = NULL;
	unsigned len = 0;
	xmlDocPtr doc = NULL;
	int failed;

	if (!diagram_kind_supported(e->kind))
		return NULL;
	prefix = id_prefix ? xstrdup(id_prefix) :
	    xasprintf("%s_%s", kind_names[e->kind], e->id);
	gvc = gv_enter();
	gb_init(&b, m, lang, link_prefix, here, prefix);
	gb_build(&b, e);
	failed = gv_svg(gvc, &b, e, &data, &len) != 0;
	gv_report(dl, e, failed);
	if (!failed) {
		doc = svg_finish(&b, data, len);
		if (doc == NULL && dl != NULL)
			diag_error(dl, e->pos, "diagram of %s:%s: Graphviz "
			    "wrote SVG that is not well-formed",
			    kind_names[e->kind], e->id);
	}
	if (data != NULL)
		gvFreeRenderData(data);
	gb_release(&b);
	gv_leave();
	free(prefix);
	return doc;
}

xmlNodePtr
diagram_svg_node(const struct model *m, const struct entity *e,
    const struct diagram_opts *o, xmlDocPtr doc, struct diag_list *dl)
{
	xmlDocPtr sdoc = draw_svg(m, e, o->lang, o->link_prefix, o->here,
	    o->id_prefix, dl);
	xmlNodePtr svg;

	if (sdoc == NULL)
		return NULL;
	svg = xmlDocCopyNode(xmlDocGetRootElement(sdoc), doc, 1);
	xmlFreeDoc(sdoc);
	if (svg == NULL)
		fatal_oom();
	return svg;
}

/* ---- Print: PDF and PNG through cairo ---- */

void
diagram_paper_size(int paper, double *w, double *h)
{
	const double a4w = 210 / 25.4 * 72, a4h = 297 / 25.4 * 72;
	const double a3w = 297 / 25.4 * 72, a3h = 420 / 25.4 * 72;

	switch (paper) {
	case PAPER_A4_PORTRAIT:
		*w = a4w, *h = a4h;
		break;
	case PAPER_A4_LANDSCAPE:
		*w = a4h, *h = a4w;
		break;
	case PAPER_A3_PORTRAIT:
		*w = a3w, *h = a3h;
		break;
	default:
		*w = a3h, *h = a3w;
		break;
	}
}

static cairo_status_t
buf_writer(void *closure, const unsigned char *data, unsigned int len)
{
	buf_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/*
 * Records the laid-out graph as a cairo recording surface in points,
 * (0,0) at the top left of the drawing, *w x *h in size (caller
 * destroys it).  Graphviz's cairo renderer finishes the surface it
 * draws on, so it draws on a subsurface of the recording, whose finish
 * only lets go of it.  Lock held.  NULL on failure.
 */
static cairo_surface_t *
gv_record(GVC_t *gvc, struct gb *b, const struct entity *e, double *w,
    double *h)
{
	cairo_surface_t *rec, *sub;
	cairo_rectangle_t ext;
	cairo_t *cr;
	boxf bb;
	int rc;

	set(b->g, "pad", "0");
	if (gvLayout(gvc, b->g, layout_engine(e)) != 0)
		return NULL;
	bb = GD_bb(b->g);
	*w = bb.UR.x - bb.LL.x;
	*h = bb.UR.y - bb.LL.y;
	ext.x = ext.y = 0;
	ext.width = *w > 1 ? *w : 1;
	ext.height = *h > 1 ? *h : 1;
	rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
	sub = cairo_surface_create_for_rectangle(rec, 0, 0, ext.width,
	    ext.height);
	cr = cairo_create(sub);
	rc = gvRenderContext(gvc, b->g, "pdf", cr);
	if (rc != 0 || cairo_status(cr) != CAIRO_STATUS_SUCCESS ||
	    cairo_surface_status(rec) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(rec);
		rec = NULL;
	}
	cairo_destroy(cr);
	cairo_surface_destroy(sub);
	gvFreeLayout(gvc, b->g);
	return rec;
}

/* The PDF's creation date: SOURCE_DATE_EPOCH if set, else none. */
static void
pdf_date(char out[32])
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;
	time_t t;
	struct tm tm;

	out[0] = '\0';
	if (s == NULL || *s == '\0')
		return;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v < 0)
		return;
	t = (time_t)v;
	if (gmtime_r(&t, &tm) == NULL)
		return;
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/*
 * Places the drawing (w x h points) on pages of the paper: scaled to
 * fill the space inside the margins, but never so small that FS_MIN
 * type prints under PRINT_MIN_PT; then tiled.  Sets the scale, the
 * number of pages across and down, and the offset of the drawing.
 */
static void
place(double w, double h, double pw, double ph, int legible, double *s,
    int *nx, int *ny, double *ox, double *oy)
{
	double m = MARGIN_MM / 25.4 * 72, cw = pw - 2 * m, ch = ph - 2 * m;

	if (w <= 0)
		w = 1;
	if (h <= 0)
		h = 1;
	*s = fmin(cw / w, ch / h);
	if (legible && *s * FS_MIN < PRINT_MIN_PT)
		*s = PRINT_MIN_PT / FS_MIN;
	*nx = (int)ceil(w * *s / cw - 1e-6);
	*ny = (int)ceil(h * *s / ch - 1e-6);
	if (*nx < 1)
		*nx = 1;
	if (*ny < 1)
		*ny = 1;
	*ox = m + (*nx * cw - w * *s) / 2;
	*oy = m + (*ny * ch - h * *s) / 2;
}

static int
print_pdf(cairo_surface_t *rec, double w, double h, int paper,
    const char *title, struct buf *out, int *pages)
{
	double pw, ph, s, ox, oy, m = MARGIN_MM / 25.4 * 72;
	double rs, rox, roy;
	cairo_surface_t *sf;
	cairo_t *cr;
	char date[32];
	int nx, ny, rnx, rny, x, y, rc, rot;

	diagram_paper_size(paper, &pw, &ph);
	place(w, h, pw, ph, 1, &s, &nx, &ny, &ox, &oy);
	/* A drawing of the other orientation than the paper's goes on it
	 * sideways when that prints it larger. */
	place(h, w, pw, ph, 1, &rs, &rnx, &rny, &rox, &roy);
	rot = rnx * rny < nx * ny || (rnx * rny == nx * ny && rs > s * 1.1);
	if (rot) {
		s = rs, nx = rnx, ny = rny, ox = rox, oy = roy;
	}
	sf = cairo_pdf_surface_create_for_stream(buf_writer, out, pw, ph);
	pdf_date(date);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE,
	    date);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR,
	    "kartta " KARTTA_VERSION);
	cr = cairo_create(sf);
	for (y = 0; y < ny; y++)
		for (x = 0; x < nx; x++) {
			cairo_save(cr);
			cairo_rectangle(cr, m, m, pw - 2 * m, ph - 2 * m);
			cairo_clip(cr);
			cairo_translate(cr, ox - x * (pw - 2 * m),
			    oy - y * (ph - 2 * m));
			if (rot) {
				/* (x, y) -> (h - y, x): a quarter turn. */
				cairo_translate(cr, h * s, 0);
				cairo_rotate(cr, M_PI / 2);
			}
			cairo_scale(cr, s, s);
			cairo_set_source_surface(cr, rec, 0, 0);
			cairo_paint(cr);
			cairo_restore(cr);
			cairo_show_page(cr);
		}
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	rc = cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(sf);
	*pages = nx * ny;
	return rc;
}

static int
print_png(cairo_surface_t *rec, double w, double h, int paper,
    unsigned dpi, struct buf *out)
{
	double pw, ph, s, ox, oy, k = (dpi ? dpi : 150) / 72.0;
	cairo_surface_t *sf;
	cairo_t *cr;
	int nx, ny, rc;

	diagram_paper_size(paper, &pw, &ph);
	place(w, h, pw, ph, 0, &s, &nx, &ny, &ox, &oy);
	sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)lround(pw * k), (int)lround(ph * k));
	cr = cairo_create(sf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	cairo_translate(cr, ox, oy);
	cairo_scale(cr, s, s);
	cairo_set_source_surface(cr, rec, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	rc = cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS &&
	    cairo_surface_write_to_png_stream(sf, buf_writer, out) ==
	    CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(sf);
	return rc;
}

/* A standalone SVG: an XML declaration, then the svg element. */
static void
svg_write(xmlDocPtr doc, const struct diagram_print *p, struct buf *out)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);

	if (p->svg_paper) {
		double pw, ph;
		char num[32];

		diagram_paper_size(p->paper, &pw, &ph);
		snprintf(num, sizeof(num), "%.2fmm", pw / 72 * 25.4);
		xmlSetProp(root, (const xmlChar *)"width", (const xmlChar *)num);
		snprintf(num, sizeof(num), "%.2fmm", ph / 72 * 25.4);
		xmlSetProp(root, (const xmlChar *)"height",
		    (const xmlChar *)num);
	}
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	html_node_serialize(root, out);
	buf_putc(out, '\n');
}

int
diagram_render(const struct model *m, const struct entity *e,
    enum diagram_format fmt, const struct diagram_print *p,
    struct buf *out, struct diag_list *dl)
{
	cairo_surface_t *pat;
	GVC_t *gvc;
	struct gb b;
	char *prefix, *title;
	double w = 0, h = 0;
	int rc = -1, pages = 1;

	if (!diagram_kind_supported(e->kind)) {
		if (dl != NULL)
			diag_error(dl, e->pos, "a %s cannot be drawn: only "
			    "maps, paths, decisions and flows are diagrams",
			    kind_names[e->kind]);
		return -1;
	}
	if (fmt == DIAGRAM_SVG) {
		xmlDocPtr doc = draw_svg(m, e, p->lang, NULL, NULL, NULL, dl);

		if (doc == NULL)
			return -1;
		svg_write(doc, p, out);
		xmlFreeDoc(doc);
		return 0;
	}
	prefix = xasprintf("%s_%s", kind_names[e->kind], e->id);
	gvc = gv_enter();
	gb_init(&b, m, p->lang, NULL, NULL, prefix);
	gb_build(&b, e);
	pat = gv_record(gvc, &b, e, &w, &h);
	gv_report(dl, e, pat == NULL);
	title = xstrdup(b.title ? b.title : e->id);
	gb_release(&b);
	gv_leave();
	free(prefix);
	if (pat == NULL) {
		free(title);
		return -1;
	}
	if (fmt == DIAGRAM_PDF)
		rc = print_pdf(pat, w, h, p->paper, title, out, &pages);
	else
		rc = print_png(pat, w, h, p->paper, p->dpi, out);
	cairo_surface_destroy(pat);
	if (rc != 0 && dl != NULL)
		diag_error(dl, e->pos, "diagram of %s:%s: cairo could not "
		    "draw it", kind_names[e->kind], e->id);
	else if (pages > 1 && dl != NULL)
		diag_warning(dl, e->pos, "diagram of %s:%s does not fit on "
		    "one %s page with type of at least %.0f pt: printed on "
		    "%d pages (choose a larger paper or a smaller map)",
		    kind_names[e->kind], e->id, paper_names[p->paper],
		    PRINT_MIN_PT, pages);
	free(title);
	return rc;
}

/* ---- Diagrams in pages ---- */

static int
id_in_tree(xmlNodePtr n, const char *id)
{
	for (; n != NULL; n = n->next) {
		xmlChar *v;
		int hit;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		v = xmlGetProp(n, (const xmlChar *)"id");
		hit = v != NULL && strcmp((char *)v, id) == 0;
		xmlFree(v);
		if (hit || id_in_tree(n->children, id))
			return 1;
	}
	return 0;
}

xmlNodePtr
diagram_figure(struct page_ctx *pc, xmlNodePtr figure, const struct entity *e)
{
	struct diagram_opts o;
	xmlNodePtr svg;
	char *base, *prefix;
	size_t n = 1;

	if (!diagram_kind_supported(e->kind))
		return NULL;
	/* map_x, then map_x-2…: the same diagram may be on a page twice. */
	base = xasprintf("%s_%s", kind_names[e->kind], e->id);
	prefix = xstrdup(base);
	while (id_in_tree(xmlDocGetRootElement(figure->doc), prefix)) {
		free(prefix);
		prefix = xasprintf("%s-%zu", base, ++n);
	}
	memset(&o, 0, sizeof(o));
	o.lang = pc->lang;
	o.link_prefix = pc->to_lang_root;
	o.here = pc->rel;
	o.id_prefix = prefix;
	svg = diagram_svg_node(pc->m, e, &o, figure->doc, NULL);
	if (svg != NULL) {
		xmlChar *cls = xmlGetProp(figure, (const xmlChar *)"class");

		if (cls == NULL)
			xmlSetProp(figure, (const xmlChar *)"class",
			    (const xmlChar *)"diagram");
		xmlFree(cls);
		xmlAddChild(figure, svg);
	}
	free(base);
	free(prefix);
	return svg;
}
