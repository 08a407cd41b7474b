/*
 * The Graphviz core: the one process-wide Graphviz context behind its
 * lock, the graph builder the kinds use (struct gb, with cgraph), and
 * layout and rendering with gvc.  The only file that calls Graphviz.
 * See diagram.h for the rules on text.
 */
#include "diagram_int.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Graphviz's types.h has a struct path of its own: rename it away from
 * the model's (struct tags are not part of the library's ABI). */
#define path gv_path
#include <gvc.h>
#undef path

#include "page.h"

/* The opaque handles of diagram_int.h are these. */
#define G(x) ((Agraph_t *)(void *)(x))
#define N(x) ((Agnode_t *)(void *)(x))
#define E(x) ((Agedge_t *)(void *)(x))

/* ---- The Graphviz context: one per process, behind one lock ---- */

static pthread_mutex_t gv_lock = PTHREAD_MUTEX_INITIALIZER;
static GVC_t *gv_ctx;          /* guarded by gv_lock */
static struct buf gv_messages; /* Graphviz's messages of the current call */
/* What the last layout drew wrong (lines_through): guarded by gv_lock. */
static struct {
	size_t n;      /* pairs of a line and a node it passes through */
	char *example; /* owned; the first, as "line" through "node" */
} gv_through;

static int
gv_message(char *msg)
{
	buf_puts(&gv_messages, msg);
	return 0;
}

void
gv_enter(void)
{
	pthread_mutex_lock(&gv_lock);
	if (gv_ctx == NULL)
		gv_ctx = gvContext();
	agseterrf(gv_message);
	agseterr(AGWARN);
	buf_free(&gv_messages);
}

void
gv_leave(void)
{
	buf_free(&gv_messages);
	pthread_mutex_unlock(&gv_lock);
}

/*
 * For make bench (bench/handbook.sh) only: with KARTTA_BENCH_GV set to a
 * folder, every graph is also written there as DOT before its layout
 * (<pid>-<n>.<engine>.gv, for timing dot alone over the same graphs),
 * and the layouts' CPU time is printed to standard error when the
 * process is done with diagrams.  Guarded by gv_lock.
 */
static double gv_layout_cpu;
static size_t gv_layouts;

static double
thread_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
bench_dump(Agraph_t *g, const char *engine)
{
	const char *dir = getenv("KARTTA_BENCH_GV");
	char *path;
	FILE *f;

	if (dir == NULL || *dir == '\0')
		return;
	path = xasprintf("%s/%ld-%zu.%s.gv", dir, (long)getpid(), gv_layouts,
	    engine);
	if ((f = fopen(path, "w")) != NULL) {
		agwrite(g, f);
		fclose(f);
	}
	free(path);
}

void
diagram_stats_print(void)
{
	const char *dir = getenv("KARTTA_BENCH_GV");

	if (dir == NULL || *dir == '\0')
		return;
	pthread_mutex_lock(&gv_lock);
	fprintf(stderr, "kartta: bench: %zu layouts in %.3f s CPU\n",
	    gv_layouts, gv_layout_cpu);
	pthread_mutex_unlock(&gv_lock);
}

void
diagram_cleanup(void)
{
	diagram_stats_print();
	pthread_mutex_lock(&gv_lock);
	if (gv_ctx != NULL)
		gvFreeContext(gv_ctx);
	gv_ctx = NULL;
	pthread_mutex_unlock(&gv_lock);
}

static void
through_clear(void)
{
	free(gv_through.example);
	gv_through.example = NULL;
	gv_through.n = 0;
}

void
gv_report(struct diag_list *dl, const struct entity *e, int failed)
{
	char *line, *save = NULL;

	if (dl != NULL && gv_through.n > 0 && !failed)
		diag_warning(dl, e->pos, "diagram of %s:%s: the layout draws "
		    "%s, which the content does not say (lines run through "
		    "boxes not their own %zu times); draw fewer lines or "
		    "boxes on it, or split it", kind_names[e->kind], e->id,
		    gv_through.example, gv_through.n);
	through_clear();
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

/* ---- Attributes: cgraph takes char * everywhere ---- */

void
gb_set(void *obj, const char *key, const char *value)
{
	agsafeset(obj, (char *)key, (char *)value, (char *)"");
}

void
gb_setf(void *obj, const char *key, double v)
{
	char num[32];

	snprintf(num, sizeof(num), "%.2f", v);
	gb_set(obj, key, num);
}

void
gb_set_html(struct gb *b, void *obj, const char *key, const char *markup)
{
	char *h = agstrdup_html(G(b->g), (char *)markup);

	agsafeset(obj, (char *)key, h, (char *)"");
	agstrfree(G(b->g), h);
}

const char *
gb_get(void *obj, const char *key)
{
	return agget(obj, (char *)key);
}

const char *
gb_name_of(void *obj)
{
	return agnameof(obj);
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

/* ---- Building graphs ---- */

void
gb_init(struct gb *b, const struct model *m, enum lang lang,
    const char *link_prefix, const char *here, const char *prefix)
{
	Agdisc_t *disc = xcalloc(1, sizeof(*disc));

	memset(b, 0, sizeof(*b));
	b->m = m;
	b->lang = lang;
	b->link_prefix = link_prefix;
	b->here = here;
	b->prefix = xstrdup(prefix);
	b->byref = strmap_new();
	disc->mem = &AgMemDisc;
	disc->id = &id_disc;
	disc->io = &AgIoDisc;
	b->disc = disc;
	b->g = (struct gb_graph *)(void *)agopen((char *)"diagram",
	    Agdirected, disc);
}

void
gb_release(struct gb *b)
{
	size_t i;

	if (b->laid_out)
		gb_unlayout(b);
	if (b->g != NULL)
		agclose(G(b->g));
	free(b->disc);
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

char *
gb_name(struct gb *b, const char *stem)
{
	return xasprintf("%s%zu", stem, ++b->seq);
}

const char *
gb_meta(struct gb *b, const char *suffix, const char *title)
{
	struct meta *mt = array_push(&b->meta, &b->nmeta, &b->capmeta,
	    sizeof(*mt));

	mt->gid = xasprintf("%s_%s", b->prefix, suffix);
	mt->title = lbl_plain(title);
	return mt->gid;
}

/*
 * A link from the diagram to path (from the language root, [a-z0-9-/.])
 * with an optional fragment; NULL when the diagram has no links.
 * Anything outside the safe set is percent-encoded, so that the URL
 * Graphviz writes unescaped into the SVG stays well-formed.
 */
char *
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

char *
entity_url(const struct gb *b, const struct entity *e, const char *frag)
{
	char *path = page_path(e->kind, e->id), *url;

	url = gb_url(b, path, frag);
	free(path);
	return url;
}

struct gb_node *
gb_node(struct gb *b, struct gb_graph *sub, const char *suffix,
    const char *cls, const char *markup, const char *title, const char *url)
{
	char *name = gb_name(b, "n");
	Agnode_t *n = agnode(G(sub), name, 1);
	const char *gid = gb_meta(b, suffix, title);

	free(name);
	gb_set_html(b, n, "label", markup);
	gb_set(n, "id", gid);
	gb_set(n, "class", cls);
	if (url != NULL) {
		gb_set(n, "URL", url);
		/* The real tooltip is put in afterwards: Graphviz would
		 * unescape a text here twice. */
		gb_set(n, "tooltip", gid);
	}
	return (struct gb_node *)(void *)n;
}

struct gb_node *
gb_blank(struct gb *b, struct gb_graph *sub, const char *stem)
{
	char *name = gb_name(b, stem);
	Agnode_t *n = agnode(G(sub), name, 1);

	free(name);
	gb_set(n, "label", "");
	gb_set(n, "style", "invis");
	return (struct gb_node *)(void *)n;
}

struct gb_node *
gb_find(struct gb *b, const struct entity *e)
{
	char *key = xasprintf("%s:%s", kind_names[e->kind], e->id);
	struct gb_node *n = strmap_get(b->byref, key);

	free(key);
	return n;
}

void
gb_remember(struct gb *b, const struct entity *e, struct gb_node *n)
{
	struct enode *en = array_push(&b->enodes, &b->nenodes, &b->capenodes,
	    sizeof(*en));

	en->key = xasprintf("%s:%s", kind_names[e->kind], e->id);
	en->n = n;
	strmap_put(b->byref, en->key, n);
}

struct gb_edge *
gb_edge(struct gb *b, struct gb_node *from, struct gb_node *to,
    const char *suffix, const char *cls, const char *label,
    const char *title)
{
	char *name = gb_name(b, "e");
	Agedge_t *e = agedge(G(b->g), N(from), N(to), name, 1);
	struct buf mk = { 0 };
	const char *spl = agget(G(b->g), (char *)"splines");

	free(name);
	gb_set(e, "id", gb_meta(b, suffix, title));
	gb_set(e, "class", cls);
	if (label != NULL && *label != '\0') {
		lbl_font(&mk, label, 24, FS_EDGE, 0, 0);
		/* With straight lines dot places only external labels. */
		gb_set_html(b, e, spl != NULL &&
		    strcmp(spl, "line") == 0 ? "xlabel" : "label",
		    mk.data);
		buf_free(&mk);
	}
	return (struct gb_edge *)(void *)e;
}

void
gb_delete_edge(struct gb *b, struct gb_edge *e)
{
	agdelete(G(b->g), E(e));
}

void
gb_rank_after(struct gb *b, struct gb_node *from, struct gb_node *to)
{
	char *nm = gb_name(b, "rank");
	Agedge_t *e = agedge(G(b->g), N(from), N(to), nm, 1);

	free(nm);
	gb_set(e, "style", "invis");
}

struct gb_graph *
gb_cluster(struct gb *b, const char *suffix, const char *cls,
    const char *markup, const char *title, const char *url)
{
	char *name = gb_name(b, "cluster_");
	Agraph_t *c = agsubg(G(b->g), name, 1);
	const char *gid = gb_meta(b, suffix, title);

	free(name);
	gb_set_html(b, c, "label", markup);
	gb_set(c, "id", gid);
	gb_set(c, "class", cls);
	if (url != NULL) {
		gb_set(c, "URL", url);
		gb_set(c, "tooltip", gid);
	}
	return (struct gb_graph *)(void *)c;
}

struct gb_graph *
gb_subgraph(struct gb_graph *parent, const char *name)
{
	return (struct gb_graph *)(void *)agsubg(G(parent), (char *)name, 1);
}

void
gb_subnode(struct gb_graph *sub, struct gb_node *n)
{
	agsubnode(G(sub), N(n), 1);
}

struct gb_node *
gb_first_node(struct gb_graph *sub)
{
	return (struct gb_node *)(void *)agfstnode(G(sub));
}

struct gb_node *
gb_next_node(struct gb_graph *sub, struct gb_node *n)
{
	return (struct gb_node *)(void *)agnxtnode(G(sub), N(n));
}

void
gb_defaults(struct gb *b, const char *rankdir)
{
	Agraph_t *g = G(b->g);
	char *gid = xasprintf("%s_graph", b->prefix);

	gb_set(g, "id", gid);
	free(gid);
	gb_set(g, "fontname", FONT_NAME);
	gb_setf(g, "fontsize", FS_CLUSTER);
	gb_set(g, "fontcolor", C_INK);
	gb_set(g, "bgcolor", "white");
	gb_set(g, "pad", "0.1");
	gb_set(g, "margin", "0");
	gb_set(g, "nodesep", "0.3");
	gb_set(g, "ranksep", "0.45");
	gb_set(g, "rankdir", rankdir);
	gb_set(g, "charset", "UTF-8");
	gb_set(g, "outputorder", "edgesfirst");
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

const char *
text_or(const struct gb *b, const struct text *t, const char *dflt)
{
	const char *s = text_get(t, &b->m->site, b->lang, NULL);

	return s != NULL ? s : dflt;
}

const char *
title_of(const struct gb *b, const struct entity *e)
{
	return entity_title(b->m, e, b->lang);
}

/* ---- Layout and rendering ---- */

/* ---- What a layout must not draw: a line through a node ---- */

/* A line this close inside a node's outline only grazes it (pt), as in
 * tests/tools/diagcheck.c, which checks the SVG the same way. */
#define GRAZE 2.5

struct obstacle {
	Agnode_t *n;
	double cx, cy, rx, ry; /* centre, half width and height, less GRAZE */
	int round;             /* an ellipse (or what holds one), not a box */
};

static int
invisible(void *obj)
{
	const char *st = agget(obj, (char *)"style");

	return st != NULL && strstr(st, "invis") != NULL;
}

static int
inside(const struct obstacle *o, double x, double y)
{
	double dx = (x - o->cx) / o->rx, dy = (y - o->cy) / o->ry;

	if (o->round)
		return dx * dx + dy * dy < 1;
	return fabs(dx) < 1 && fabs(dy) < 1;
}

/* The title of a node or an edge, as its <title> will say. */
static const char *
title_in(const struct gb *b, void *obj)
{
	const char *gid = agget(obj, (char *)"id");
	size_t i;

	for (i = 0; gid != NULL && i < b->nmeta; i++)
		if (strcmp(b->meta[i].gid, gid) == 0)
			return b->meta[i].title;
	return agnameof(obj);
}

/* Non-zero if the curve of e passes through o (sampled every point). */
static int
edge_through(Agedge_t *e, const struct obstacle *o)
{
	splines *spl = ED_spl(e);
	int i, j, k;

	for (i = 0; spl != NULL && i < spl->size; i++) {
		const bezier *bz = &spl->list[i];

		for (j = 0; j + 3 < bz->size; j += 3) {
			const pointf *c = &bz->list[j];
			double len = hypot(c[1].x - c[0].x, c[1].y - c[0].y) +
			    hypot(c[2].x - c[1].x, c[2].y - c[1].y) +
			    hypot(c[3].x - c[2].x, c[3].y - c[2].y);
			int steps = (int)ceil(len) + 1;

			for (k = 0; k <= steps; k++) {
				double t = (double)k / steps, u = 1 - t;
				double x = u * u * u * c[0].x + 3 * u * u * t *
				    c[1].x + 3 * u * t * t * c[2].x + t * t * t *
				    c[3].x;
				double y = u * u * u * c[0].y + 3 * u * u * t *
				    c[1].y + 3 * u * t * t * c[2].y + t * t * t *
				    c[3].y;

				if (inside(o, x, y))
					return 1;
			}
		}
	}
	return 0;
}

/*
 * Counts, after a layout, every line drawn through a visible node that is
 * not one of its ends: the picture would say the line goes there.  The
 * router avoids this; a crowded drawing can defeat it, and then the
 * build must say so instead of publishing it (gv_report).
 */
static void
lines_through(struct gb *b)
{
	Agraph_t *g = G(b->g);
	struct obstacle *ob = NULL;
	size_t nob = 0, cap = 0, i;
	Agnode_t *n;
	Agedge_t *e;

	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		const char *shape = agget(n, (char *)"shape");
		struct obstacle *o;

		if (invisible(n))
			continue;
		o = array_push(&ob, &nob, &cap, sizeof(*ob));
		o->n = n;
		o->cx = ND_coord(n).x;
		o->cy = ND_coord(n).y;
		o->rx = ND_width(n) * 36 - GRAZE;
		o->ry = ND_height(n) * 36 - GRAZE;
		o->round = shape != NULL && (strcmp(shape, "ellipse") == 0 ||
		    strcmp(shape, "oval") == 0 || strcmp(shape, "circle") == 0 ||
		    strcmp(shape, "point") == 0 || strcmp(shape, "octagon") == 0);
		/* The ellipse within an octagon's corners. */
		if (shape != NULL && strcmp(shape, "octagon") == 0) {
			o->rx *= 0.92;
			o->ry *= 0.92;
		}
		if (o->rx <= 0 || o->ry <= 0)
			nob--;
	}
	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n))
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
			if (invisible(e))
				continue;
			for (i = 0; i < nob; i++) {
				if (ob[i].n == agtail(e) || ob[i].n == aghead(e) ||
				    !edge_through(e, &ob[i]))
					continue;
				if (gv_through.n++ == 0)
					gv_through.example = xasprintf("the "
					    "line \"%s\" through \"%s\"",
					    title_in(b, e), title_in(b, ob[i].n));
			}
		}
	free(ob);
}

int
gb_layout(struct gb *b, const char *engine)
{
	double t0;
	int rc;

	bench_dump(G(b->g), engine);
	t0 = thread_cpu();
	rc = gvLayout(gv_ctx, G(b->g), engine);
	gv_layout_cpu += thread_cpu() - t0;
	gv_layouts++;
	through_clear();
	if (rc != 0)
		return -1;
	b->laid_out = 1;
	lines_through(b);
	return 0;
}

/* ---- The fingerprint of a graph ---- */

/* An attribute's value, one of cgraph's own strings, and whether it is
 * HTML-like markup, which Graphviz reads differently (aghtmlstr looks
 * before the string: only for cgraph's strings). */
static unsigned long long
fp_value(unsigned long long h, char *s)
{
	h = hash_str(h, s);
	return s == NULL ? h : hash_bytes(h, aghtmlstr(s) ? "h" : "t", 1);
}

/* The attributes of kind declared in g (name and default), and, for an
 * object, its value of each. */
static unsigned long long
fp_attrs(unsigned long long h, Agraph_t *g, int kind, void *obj)
{
	Agsym_t *sym = NULL;

	while ((sym = agnxtattr(g, kind, sym)) != NULL) {
		h = hash_str(h, sym->name);
		h = fp_value(h, obj != NULL ? agxget(obj, sym) : sym->defval);
	}
	return hash_bytes(h, "\2", 1);
}

static int
seq_cmp(const void *a, const void *b)
{
	unsigned long long x = AGSEQ(*(Agraph_t *const *)a);
	unsigned long long y = AGSEQ(*(Agraph_t *const *)b);

	return x < y ? -1 : x > y;
}

/* g and, recursively, its subgraphs: members in creation order; the
 * nodes' and edges' attributes once, at the root. */
static unsigned long long
fp_graph(unsigned long long h, Agraph_t *g, int root, int depth)
{
	Agraph_t *sub, **subs = NULL;
	size_t nsubs = 0, cap = 0, i;
	Agnode_t *n;
	Agedge_t *e;

	h = hash_str(h, agnameof(g));
	h = fp_attrs(h, g, AGRAPH, g);
	h = fp_attrs(h, g, AGNODE, NULL);
	h = fp_attrs(h, g, AGEDGE, NULL);
	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		h = hash_num(h, (unsigned long long)AGSEQ(n));
		if (root) {
			h = hash_str(h, agnameof(n));
			h = fp_attrs(h, g, AGNODE, n);
		}
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
			h = hash_num(h, (unsigned long long)AGSEQ(e));
			h = hash_num(h, (unsigned long long)AGSEQ(aghead(e)));
			if (root) {
				h = hash_str(h, agnameof(e));
				h = fp_attrs(h, g, AGEDGE, e);
			}
		}
	}
	/* cgraph keeps subgraphs in the order of their ids, which for a
	 * named one is where its name lies in memory: sorted by creation
	 * instead, so that one graph has one fingerprint in every run.
	 * Graphs are no deeper than their builders make them (a map's
	 * groups in its bands): a handful of levels. */
	for (sub = agfstsubg(g); sub != NULL; sub = agnxtsubg(sub))
		*(Agraph_t **)array_push(&subs, &nsubs, &cap,
		    sizeof(*subs)) = sub;
	if (nsubs > 1)
		qsort(subs, nsubs, sizeof(*subs), seq_cmp);
	for (i = 0; i < nsubs && depth < 64; i++)
		h = fp_graph(h, subs[i], 0, depth + 1);
	free(subs);
	return hash_bytes(h, "\3", 1);
}

unsigned long long
gb_fingerprint(const struct gb *b, const char *engine)
{
	unsigned long long h = HASH_INIT;
	size_t i;

	h = hash_str(h, "kartta drawing 1");
	h = hash_str(h, engine);
	h = hash_str(h, b->prefix);
	h = hash_str(h, b->link_prefix);
	h = hash_str(h, b->here);
	h = hash_str(h, b->title);
	h = hash_str(h, b->desc);
	h = hash_num(h, (unsigned long long)b->lang);
	for (i = 0; i < b->nmeta; i++) {
		h = hash_str(h, b->meta[i].gid);
		h = hash_str(h, b->meta[i].title);
	}
	return fp_graph(h, G(b->g), 1, 0);
}

void
gb_size(const struct gb *b, double *w, double *h)
{
	boxf bb = GD_bb(G(b->g));

	*w = bb.UR.x - bb.LL.x;
	*h = bb.UR.y - bb.LL.y;
}

int
gb_render_svg(struct gb *b, char **svg, unsigned *len)
{
	*svg = NULL;
	*len = 0;
	if (gvRenderData(gv_ctx, G(b->g), "svg", svg, len) != 0 ||
	    *svg == NULL)
		return -1;
	return 0;
}

void
gb_free_data(char *data)
{
	if (data != NULL)
		gvFreeRenderData(data);
}

int
gb_render_cairo(struct gb *b, void *cr)
{
	return gvRenderContext(gv_ctx, G(b->g), "pdf", cr) == 0 ? 0 : -1;
}

void
gb_node_size(struct gb_node *n, double *w, double *h)
{
	*w = ND_width(N(n)) * 72;
	*h = ND_height(N(n)) * 72;
}

void
gb_unlayout(struct gb *b)
{
	if (b->laid_out)
		gvFreeLayout(gv_ctx, G(b->g));
	b->laid_out = 0;
}

/* ---- Legends: which symbols a laid-out graph uses, and where ---- */

/* An attribute of obj, or dflt when unset or empty. */
static const char *
attr_or(void *obj, const char *key, const char *dflt)
{
	const char *v = agget(obj, (char *)key);

	return v != NULL && *v != '\0' ? v : dflt;
}

/* The item of lg for (what, cls), added with obj's looks if new. */
static struct legend_item *
legend_item_of(struct legend *lg, enum legend_what what, const char *cls,
    void *obj)
{
	struct legend_item *it;
	const char *dir;
	size_t i;

	for (i = 0; i < lg->n; i++)
		if (lg->items[i].what == what &&
		    strcmp(lg->items[i].cls, cls) == 0) {
			it = &lg->items[i];
			if (strcmp(it->fill, attr_or(obj, "fillcolor",
			    "white")) != 0 || strcmp(it->color, attr_or(obj,
			    "color", C_LINE)) != 0)
				it->varied = 1;
			return it;
		}
	it = array_push(&lg->items, &lg->n, &lg->cap, sizeof(*it));
	memset(it, 0, sizeof(*it));
	it->what = what;
	it->cls = xstrdup(cls);
	it->shape = xstrdup(what == LEGEND_NODE ? attr_or(obj, "shape", "box") :
	    "box");
	it->style = xstrdup(attr_or(obj, "style", ""));
	it->fill = xstrdup(attr_or(obj, "fillcolor", "white"));
	it->color = xstrdup(attr_or(obj, "color", C_LINE));
	it->penwidth = atof(attr_or(obj, "penwidth", "1"));
	it->peripheries = atoi(attr_or(obj, "peripheries", "1"));
	dir = what == LEGEND_EDGE ? attr_or(obj, "dir", "forward") : "none";
	it->arrows = strcmp(dir, "both") == 0 ? 2 :
	    strcmp(dir, "forward") == 0 ? 1 : 0;
	return it;
}

/* Records a box (Graphviz points, y up) where it is drawn, turned into
 * the drawing's points from its top left, y down. */
static void
legend_where(struct legend_item *it, boxf bb, double x0, double x1,
    double y0, double y1)
{
	struct legend_box *lb = array_push(&it->boxes, &it->nboxes,
	    &it->capboxes, sizeof(*lb));

	lb->x0 = x0 - bb.LL.x;
	lb->x1 = x1 - bb.LL.x;
	lb->y0 = bb.UR.y - y1;
	lb->y1 = bb.UR.y - y0;
}

static void
legend_clusters(struct legend *lg, Agraph_t *g, boxf bb)
{
	Agraph_t *sub;

	for (sub = agfstsubg(g); sub != NULL; sub = agnxtsubg(sub)) {
		const char *cls = agget(sub, (char *)"class");

		if (strncmp(agnameof(sub), "cluster", 7) == 0 && cls != NULL &&
		    *cls != '\0') {
			boxf cb = GD_bb(sub);

			legend_where(legend_item_of(lg, LEGEND_BOX, cls, sub),
			    bb, cb.LL.x, cb.UR.x, cb.LL.y, cb.UR.y);
		}
		legend_clusters(lg, sub, bb);
	}
}

void
gb_legend(struct gb *b, struct legend *lg)
{
	Agraph_t *g = G(b->g);
	boxf bb = GD_bb(g);
	Agnode_t *n;
	Agedge_t *e;

	memset(lg, 0, sizeof(*lg));
	if (!b->laid_out)
		return;
	for (n = agfstnode(g); n != NULL; n = agnxtnode(g, n)) {
		const char *cls = agget(n, (char *)"class");
		double hw = ND_width(n) * 36, hh = ND_height(n) * 36;

		if (cls != NULL && *cls != '\0')
			legend_where(legend_item_of(lg, LEGEND_NODE, cls, n),
			    bb, ND_coord(n).x - hw, ND_coord(n).x + hw,
			    ND_coord(n).y - hh, ND_coord(n).y + hh);
		for (e = agfstout(g, n); e != NULL; e = agnxtout(g, e)) {
			const char *ecls = agget(e, (char *)"class");
			splines *spl = ED_spl(e);
			size_t i, j;

			if (ecls == NULL || *ecls == '\0' || spl == NULL)
				continue;
			/* A box per cubic piece: it holds its curve. */
			for (i = 0; i < (size_t)spl->size; i++) {
				bezier *bz = &spl->list[i];

				for (j = 0; j + 3 < (size_t)bz->size; j += 3) {
					pointf *p = &bz->list[j];
					double x0 = p[0].x, x1 = p[0].x,
					    y0 = p[0].y, y1 = p[0].y;
					int k;

					for (k = 1; k < 4; k++) {
						x0 = p[k].x < x0 ? p[k].x : x0;
						x1 = p[k].x > x1 ? p[k].x : x1;
						y0 = p[k].y < y0 ? p[k].y : y0;
						y1 = p[k].y > y1 ? p[k].y : y1;
					}
					legend_where(legend_item_of(lg,
					    LEGEND_EDGE, ecls, e), bb, x0, x1,
					    y0, y1);
				}
			}
		}
	}
	legend_clusters(lg, g, bb);
}

void
legend_free(struct legend *lg)
{
	size_t i;

	for (i = 0; lg != NULL && i < lg->n; i++) {
		struct legend_item *it = &lg->items[i];

		free(it->cls);
		free(it->shape);
		free(it->style);
		free(it->fill);
		free(it->color);
		free(it->boxes);
	}
	if (lg != NULL)
		free(lg->items);
}
