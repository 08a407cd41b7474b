/*
 * The graph of a service map: its groups as clusters of their services
 * in a grid of columns, the centre and the network actors in the middle
 * column, the typical next steps between services and the map's own
 * relations.
 */
#include "diagram_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "schema.h"

#define C_LINK "#0a58a8"

/*
 * Group colours when the content gives none: Paul Tol's "light" scheme,
 * distinct for the common kinds of colour blindness.  Colour never
 * carries meaning alone: every group is a titled cluster, and node kinds
 * differ by shape and border.
 */
static const char *const palette[] = { "#77AADD", "#EE8866", "#EEDD88",
	"#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD" };

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

/* ---- Service maps ---- */

static struct gb_node *
map_service(struct gb *b, struct gb_graph *sub, const struct service *s,
    const char *fill)
{
	struct buf mk = { 0 }, tip = { 0 };
	const char *name = title_of(b, &s->e);
	const char *summary = text_get(&s->summary, &b->m->site, b->lang,
	    NULL);
	char *suffix = xasprintf("service_%s", s->e.id);
	char *url = entity_url(b, &s->e, NULL);
	struct gb_node *n;

	lbl_text(&mk, name, 22);
	buf_puts(&tip, name);
	if (summary != NULL)
		buf_printf(&tip, " – %s", summary);
	n = gb_node(b, sub, suffix, "service", mk.data, tip.data, url);
	gb_set(n, "style", "rounded,filled");
	gb_set(n, "fillcolor", fill);
	gb_remember(b, &s->e, n);
	buf_free(&mk);
	buf_free(&tip);
	free(suffix);
	free(url);
	return n;
}

/* An actor's node: the centre (bold, double octagon) or a network
 * actor (ellipse). */
static struct gb_node *
map_actor(struct gb *b, struct gb_graph *sub, const struct actor *a, int centre)
{
	struct buf mk = { 0 }, tip = { 0 };
	const char *name = title_of(b, &a->e);
	const char *summary = text_get(&a->summary, &b->m->site, b->lang,
	    NULL);
	char *suffix = xasprintf("actor_%s", a->e.id);
	char *url = entity_url(b, &a->e, NULL);
	struct gb_node *n = gb_find(b, &a->e);

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
		/* One periphery: neato routes around the outer line only
		 * when it is the only one. */
		gb_set(n, "shape", "octagon");
		gb_set(n, "fillcolor", C_BRAND);
		gb_set(n, "fontcolor", "white");
		gb_set(n, "color", C_BRAND);
		gb_set(n, "penwidth", "2");
	} else {
		gb_set(n, "shape", "ellipse");
		gb_set(n, "margin", "0.05,0.03");
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
	return diagram_map_groups(b->m, mp, n);
}

const struct group **
diagram_map_groups(const struct model *m, const struct map *mp, size_t *n)
{
	const struct entity_set *set = &m->set[KIND_GROUP];
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

/* A node for a map edge's end: drawn already, or added now (an actor or
 * a service outside the map's groups, placed in the actors' bands). */
static struct gb_node *
map_edge_end(struct gb *b, const struct ref *r)
{
	struct gb_node *n;

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

static size_t
nactors_of(const struct map *mp, const struct model *m)
{
	return mp->actors.all ? m->set[KIND_ACTOR].len : mp->actors.len;
}

/* ---- The poster layout ---- */

/* Gaps in points: between columns of groups (room for arrows to pass),
 * between groups of a column, and between the groups and the bands of
 * actors above and below them. */
#define GAP_X 64.0
#define GAP_Y 34.0
#define GAP_BAND 54.0
#define GAP_ACTOR 18.0
/* Between a label and its actor or box: more than neato's two margins
 * (esep), or it routes no curves at all. */
#define GAP_LABEL 18.0
/* Up to this many next steps between groups are drawn from service to
 * service; more would cross each other, so they are drawn group to
 * group, one arrow a pair, as wide as how many. */
#define SERVICE_EDGES_MAX 10
/* Of the arrows between groups, only the strongest this many are
 * candidates for drawing (prune_arrows leaves out more). */
#define GROUP_ARROWS_MAX 200

/* A group of the map: one node, a table of its services. */
struct mgroup {
	const struct group *g;
	struct gb_node *n;
	double w, h;          /* size, points */
	double x, y;          /* centre, points, y down */
	size_t col;
};

/* Something placed in a band above or below the groups. */
struct mband {
	struct gb_node *n;
	double w, h, x, y;    /* the actor with its labels below it */
	double aw, ah;        /* the actor alone */
	double want;          /* x it would like (its edges' other ends) */
	int have_want;
	size_t order;
};

/* An edge whose ends are ports of group tables, set once placed. */
struct mport {
	struct gb_edge *e;
	struct gb_node *from, *to;
	long from_row, to_row; /* 1-based service row, or 0: the node */
	size_t weight;         /* arrows between groups: how many */
	int off;               /* left out: it would cross too many */
	int dropped;           /* left out: weaker than the strongest
	                        * GROUP_ARROWS_MAX */
};

/*
 * The label of a relation: a node of its own on the relation's line, put
 * where nothing else can be, so that no label covers a node, a box or
 * another label: under (or over) its actor in the band, or beside its
 * group's box on the outside.
 */
struct mlabel {
	struct gb_node *n;
	struct gb_node *owner; /* the band node or table it goes with */
	long row;              /* the owner table's row, or 0 */
	struct gb_node *a, *z; /* the relation's ends */
	double w, h, x, y;
};

/* A map's drawing being built. */
struct mbuild {
	struct mgroup *mg;
	size_t ng;
	struct mband *band;
	size_t nband, capband;
	struct mport *port;
	size_t nport, capport;
	struct mlabel *lab;
	size_t nlab, caplab;
	struct gb_node *centre;
	double cw, ch;        /* the centre's size */
	double cx, cy;
	size_t ncols, mid;    /* columns of groups; the centre's */
	struct mgroup **svc_group; /* by service index: its table, or NULL */
	long *svc_row;        /* by service index: its row there */
	size_t nsvc;
};

static struct mgroup *
group_of(struct mbuild *mb, const struct entity *e)
{
	size_t i;

	for (i = 0; i < mb->ng; i++)
		if (&mb->mg[i].g->e == e)
			return &mb->mg[i];
	return NULL;
}

/* The group whose table is node n, or NULL. */
static struct mgroup *
group_node(struct mbuild *mb, const struct gb_node *n)
{
	size_t i;

	for (i = 0; i < mb->ng; i++)
		if (mb->mg[i].n == n)
			return &mb->mg[i];
	return NULL;
}

/* Which table and row each service of the map is in, for row_of. */
static void
rows_index(struct mbuild *mb, const struct model *m)
{
	size_t i, j;

	mb->nsvc = m->set[KIND_SERVICE].len;
	mb->svc_group = xcalloc(mb->nsvc + 1, sizeof(*mb->svc_group));
	mb->svc_row = xcalloc(mb->nsvc + 1, sizeof(*mb->svc_row));
	for (i = 0; i < mb->ng; i++)
		for (j = 0; j < mb->mg[i].g->services.len; j++) {
			const struct entity *s = mb->mg[i].g->services.items[j];

			if (s->index < mb->nsvc &&
			    mb->svc_group[s->index] == NULL) {
				mb->svc_group[s->index] = &mb->mg[i];
				mb->svc_row[s->index] = (long)j + 1;
			}
		}
}

/* The group table holding service s and its row (1-based), or NULL. */
static struct mgroup *
row_of(struct mbuild *mb, const struct entity *s, long *row)
{
	if (s->kind != KIND_SERVICE || s->index >= mb->nsvc ||
	    mb->svc_group[s->index] == NULL) {
		*row = 0;
		return NULL;
	}
	*row = mb->svc_row[s->index];
	return mb->svc_group[s->index];
}

/*
 * A group as one node: a table with the group's number and title in its
 * head and a row for each service, each row a port (s1, s2…) and a link.
 * The number is a badge (white on ink) that, with the head's lightness,
 * tells the groups apart without colour.
 */
static struct gb_node *
map_group(struct gb *b, const struct group *g, size_t index)
{
	struct buf mk = { 0 };
	char fill[8], border[8];
	const char *name = title_of(b, &g->e);
	char *suffix = xasprintf("group_%s", g->e.id);
	char *hsuffix = xasprintf("grouptitle_%s", g->e.id);
	char *url = entity_url(b, &g->e, NULL);
	const char *hid = gb_meta(b, hsuffix, name);
	struct gb_node *n;
	size_t j;

	group_colours(g->colour.s, index, fill, border);
	buf_printf(&mk, "<TABLE BORDER=\"2\" CELLBORDER=\"0\" "
	    "CELLSPACING=\"0\" CELLPADDING=\"4\" COLOR=\"%s\" "
	    "BGCOLOR=\"white\">", border);
	/* The head: one cell of the group's fill holding the badge and
	 * the title side by side, so that the badge keeps its size. */
	buf_printf(&mk, "<TR><TD BGCOLOR=\"%s\" ALIGN=\"LEFT\" "
	    "CELLPADDING=\"0\"><TABLE BORDER=\"0\" CELLSPACING=\"0\" "
	    "CELLPADDING=\"4\"><TR><TD BGCOLOR=\"%s\" ALIGN=\"CENTER\" "
	    "FIXEDSIZE=\"TRUE\" WIDTH=\"28\" HEIGHT=\"22\">"
	    "<FONT COLOR=\"white\" POINT-SIZE=\"%.1f\"><B>%zu</B></FONT>"
	    "</TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" ID=\"%s\"",
	    fill, C_INK, FS_CLUSTER, index + 1, hid);
	if (url != NULL)
		buf_printf(&mk, " HREF=\"%s\" TOOLTIP=\"%s\"", url, hid);
	buf_puts(&mk, ">");
	lbl_font(&mk, name, 28, FS_CLUSTER, 1, 0);
	buf_puts(&mk, "</TD></TR></TABLE></TD></TR>");
	for (j = 0; j < g->services.len; j++) {
		const struct service *s = (const struct service *)
		    g->services.items[j];
		const char *sname = title_of(b, &s->e);
		const char *summary = text_get(&s->summary, &b->m->site,
		    b->lang, NULL);
		char *ssuffix = xasprintf("service_%s", s->e.id);
		char *surl = entity_url(b, &s->e, NULL);
		char *tip = summary ? xasprintf("%s – %s", sname, summary) :
		    xstrdup(sname);
		const char *sid = gb_meta(b, ssuffix, tip);

		if (j > 0)
			buf_puts(&mk, "<HR/>");
		buf_printf(&mk, "<TR><TD PORT=\"s%zu\" "
		    "ALIGN=\"LEFT\" BALIGN=\"LEFT\" ID=\"%s\"", j + 1, sid);
		if (surl != NULL)
			buf_printf(&mk, " HREF=\"%s\" TOOLTIP=\"%s\"", surl,
			    sid);
		buf_puts(&mk, ">");
		lbl_text(&mk, sname, 30);
		buf_puts(&mk, "</TD></TR>");
		gb_remember(b, &s->e, NULL);
		free(ssuffix);
		free(surl);
		free(tip);
	}
	buf_puts(&mk, "</TABLE>");
	n = gb_node(b, b->g, suffix, "group", mk.data, name, NULL);
	gb_set(n, "shape", "plain");
	gb_set(n, "style", "");
	gb_remember(b, &g->e, n);
	buf_free(&mk);
	free(suffix);
	free(hsuffix);
	free(url);
	return n;
}

static void
band_add(struct mbuild *mb, struct gb_node *n)
{
	struct mband *bd;
	size_t i;

	for (i = 0; i < mb->nband; i++)
		if (mb->band[i].n == n)
			return;
	bd = array_push(&mb->band, &mb->nband, &mb->capband, sizeof(*bd));
	memset(bd, 0, sizeof(*bd));
	bd->n = n;
	bd->order = mb->nband - 1;
}

static void
port_add(struct mbuild *mb, struct gb_edge *e, struct gb_node *from,
    long from_row, struct gb_node *to, long to_row)
{
	struct mport *p = array_push(&mb->port, &mb->nport, &mb->capport,
	    sizeof(*p));

	p->e = e;
	p->from = from;
	p->to = to;
	p->from_row = from_row;
	p->to_row = to_row;
}

/*
 * Splits the groups, in order, into ncols columns, the column mid also
 * holding the centre (ch high; mid may be ncols for none), so that the
 * tallest column is as short as it can be (linear partition).  Sets each
 * group's col; returns the tallest column's height.
 */
static double
split_columns(struct mgroup *mg, size_t n, size_t ncols, size_t mid,
    double ch)
{
	size_t c, i, k;
	double *best = xcalloc((ncols + 1) * (n + 1), sizeof(*best));
	size_t *cut = xcalloc((ncols + 1) * (n + 1), sizeof(*cut));
	double result;

#define BEST(c, i) best[(c) * (n + 1) + (i)]
#define CUT(c, i) cut[(c) * (n + 1) + (i)]
	for (c = 0; c <= ncols; c++)
		for (i = 0; i <= n; i++)
			BEST(c, i) = 1e300;
	BEST(0, 0) = 0;
	for (c = 1; c <= ncols; c++)
		for (i = 0; i <= n; i++)
			for (k = 0; k <= i; k++) {
				double h = 0, m;
				size_t j;

				/* Columns other than the centre's hold at
				 * least one group. */
				if (k == i && c - 1 != mid)
					continue;
				if (BEST(c - 1, k) >= 1e300)
					continue;
				for (j = k; j < i; j++)
					h += mg[j].h + (j > k ? GAP_Y : 0);
				if (c - 1 == mid)
					h += ch + (i > k ? GAP_Y : 0);
				m = h > BEST(c - 1, k) ? h : BEST(c - 1, k);
				if (m < BEST(c, i)) {
					BEST(c, i) = m;
					CUT(c, i) = k;
				}
			}
	result = BEST(ncols, n);
	if (result < 1e300) {
		i = n;
		for (c = ncols; c >= 1; c--) {
			k = CUT(c, i);
			for (; i > k; i--)
				mg[i - 1].col = c - 1;
		}
	}
#undef BEST
#undef CUT
	free(best);
	free(cut);
	return result;
}

/* The drawing's width and height for a split already made. */
static void
grid_size(const struct mbuild *mb, size_t ncols, size_t mid, double *w,
    double *h)
{
	size_t c, i;

	*w = 0;
	*h = 0;
	for (c = 0; c < ncols; c++) {
		double cw = c == mid ? mb->cw : 0, ch = c == mid ? mb->ch : 0;
		int any = c == mid;

		for (i = 0; i < mb->ng; i++) {
			if (mb->mg[i].col != c)
				continue;
			if (mb->mg[i].w > cw)
				cw = mb->mg[i].w;
			ch += mb->mg[i].h + (any ? GAP_Y : 0);
			any = 1;
		}
		*w += cw + (c > 0 ? GAP_X : 0);
		if (ch > *h)
			*h = ch;
	}
}

/*
 * Places the groups in ncols columns around the centre, which is in the
 * middle column between the groups before and after it in order.  Sets
 * the grid's size; 0, or -1 if the groups do not fill ncols columns.
 */
static int
place_groups(struct mbuild *mb, size_t ncols, double *gw, double *gh)
{
	size_t c, i;
	int have_centre = mb->centre != NULL;
	size_t mid = have_centre ? ncols / 2 : ncols;

	if (split_columns(mb->mg, mb->ng, ncols, mid,
	    have_centre ? mb->ch : 0) >= 1e300)
		return -1;
	mb->ncols = ncols;
	mb->mid = mid;
	grid_size(mb, ncols, mid, gw, gh);
	/* x: columns side by side, each item centred in its column. */
	{
		double x = 0;

		for (c = 0; c < ncols; c++) {
			double cw = c == mid ? mb->cw : 0, ch = 0, y;
			size_t k = 0, nin = 0, above;
			int any = 0;

			for (i = 0; i < mb->ng; i++)
				if (mb->mg[i].col == c) {
					if (mb->mg[i].w > cw)
						cw = mb->mg[i].w;
					nin++;
				}
			/* The centre's column: the groups split above and
			 * below it as evenly as their heights allow. */
			above = nin;
			if (c == mid) {
				double tot = 0, run = 0, bestd = 1e300;

				for (i = 0; i < mb->ng; i++)
					if (mb->mg[i].col == c)
						tot += mb->mg[i].h;
				for (k = 0, i = 0; k <= nin; k++) {
					double d = fabs(2 * run - tot);

					if (d < bestd) {
						bestd = d;
						above = k;
					}
					while (i < mb->ng && mb->mg[i].col != c)
						i++;
					if (i < mb->ng)
						run += mb->mg[i++].h;
				}
			}
			for (i = 0; i < mb->ng; i++)
				if (mb->mg[i].col == c) {
					ch += mb->mg[i].h + (any ? GAP_Y : 0);
					any = 1;
				}
			if (c == mid)
				ch += mb->ch + (any ? GAP_Y : 0);
			y = (*gh - ch) / 2;
			k = 0;
			for (i = 0; i <= mb->ng; i++) {
				if (c == mid && k == above && mb->centre != NULL) {
					mb->cx = x + cw / 2;
					mb->cy = y + mb->ch / 2;
					y += mb->ch + GAP_Y;
					k++;
				}
				if (i == mb->ng)
					break;
				if (mb->mg[i].col != c)
					continue;
				mb->mg[i].x = x + cw / 2;
				mb->mg[i].y = y + mb->mg[i].h / 2;
				y += mb->mg[i].h + GAP_Y;
				if (!(c == mid && k == above))
					k += k < above || c != mid ? 1 : 0;
			}
			x += cw + GAP_X;
		}
	}
	return 0;
}

static int node_box(const struct mbuild *mb, const struct gb_node *n,
    double *x, double *y, double *w, double *h);

/* Where the node n is (its centre), if placed: 1, else 0. */
static int
placed_at(const struct mbuild *mb, const struct gb_node *n, long row,
    double *x, double *y)
{
	size_t i;

	if (n == mb->centre) {
		*x = mb->cx;
		*y = mb->cy;
		return 1;
	}
	for (i = 0; i < mb->ng; i++)
		if (mb->mg[i].n == n) {
			*x = mb->mg[i].x;
			*y = mb->mg[i].y;
			if (row > 0)
				*y += mb->mg[i].h *
				    ((double)row / (mb->mg[i].g->services.len +
				    1) - 0.5);
			return 1;
		}
	return 0;
}

/*
 * The labels that go with no actor: beside their group's box, on the
 * side away from the centre (a relation inside one group, or from a
 * group), else halfway between the relation's ends.
 */
static void
place_free_labels(struct mbuild *mb)
{
	size_t i, k;

	for (i = 0; i < mb->nlab; i++) {
		struct mlabel *l = &mb->lab[i];
		int done = 0;

		for (k = 0; k < mb->nband && !done; k++)
			done = mb->band[k].n == l->owner;
		for (k = 0; k < mb->ng && !done; k++) {
			const struct mgroup *g = &mb->mg[k];
			double x, y;
			int left;

			if (g->n != l->owner)
				continue;
			left = mb->centre != NULL ? g->col < mb->mid :
			    mb->ncols > 1 && g->col < mb->ncols / 2;
			(void)placed_at(mb, g->n, l->row, &x, &y);
			l->x = g->x + (left ? -1 : 1) * (g->w / 2 + GAP_LABEL +
			    l->w / 2);
			l->y = y;
			done = 1;
		}
		if (!done) {
			double ax = 0, ay = 0, zx = 0, zy = 0, w, h;

			(void)node_box(mb, l->a, &ax, &ay, &w, &h);
			(void)node_box(mb, l->z, &zx, &zy, &w, &h);
			l->x = (ax + zx) / 2;
			l->y = (ay + zy) / 2;
		}
	}
}

static int
band_cmp(const void *a, const void *b)
{
	const struct mband *x = a, *y = b;

	if (x->want != y->want)
		return x->want < y->want ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * The actors (and services outside the groups) in a band above the
 * groups and one below, each in the band nearer to what it is linked
 * to, ordered by where that is, so that their lines go straight down
 * or up.
 */
static void
place_bands(struct mbuild *mb, const struct map *mp, struct gb *b,
    double gw, double gh)
{
	size_t i, k, side;
	double topw = 0, botw = 0;

	for (i = 0; i < mb->nband; i++) {
		struct mband *bd = &mb->band[i];
		double sx = 0, sy = 0;
		size_t n = 0;

		for (k = 0; k < mp->edges.len; k++) {
			const struct map_edge *me = &((struct map_edge *)
			    mp->edges.items)[k];
			const struct ref *other = NULL;
			struct gb_node *on;
			long row = 0;
			double x, y;

			if (me->from.target && gb_find(b, me->from.target) ==
			    bd->n)
				other = &me->to;
			else if (me->to.target && gb_find(b, me->to.target) ==
			    bd->n)
				other = &me->from;
			if (other == NULL || other->target == NULL)
				continue;
			on = gb_find(b, other->target);
			if (on == NULL) {
				struct mgroup *g = row_of(mb, other->target,
				    &row);

				on = g ? g->n : NULL;
			}
			if (on != NULL && placed_at(mb, on, row, &x, &y)) {
				sx += x;
				sy += y;
				n++;
			}
		}
		if (n > 0) {
			bd->want = sx / n;
			bd->have_want = 1;
			bd->y = sy / n < gh / 2 ? -1 : 1;
		}
	}
	/* Unlinked ones fill the shorter band, spread over its width. */
	for (i = 0; i < mb->nband; i++) {
		struct mband *bd = &mb->band[i];

		if (!bd->have_want) {
			bd->y = topw <= botw ? -1 : 1;
			bd->want = gw * (bd->order + 0.5) / mb->nband;
		}
		if (bd->y < 0)
			topw += bd->w + GAP_ACTOR;
		else
			botw += bd->w + GAP_ACTOR;
	}
	if (mb->nband > 1)
		qsort(mb->band, mb->nband, sizeof(*mb->band), band_cmp);
	for (side = 0; side < 2; side++) {
		double width = side == 0 ? topw : botw, x, ah = 0, lh = 0, gl;

		for (i = 0; i < mb->nband; i++) {
			if ((mb->band[i].y < 0) != (side == 0))
				continue;
			if (mb->band[i].ah > ah)
				ah = mb->band[i].ah;
			for (k = 0; k < mb->nlab; k++)
				if (mb->lab[k].owner == mb->band[i].n &&
				    mb->lab[k].h > lh)
					lh = mb->lab[k].h;
		}
		gl = lh > 0 ? lh + GAP_LABEL : 0;
		x = (gw - (width - GAP_ACTOR)) / 2;
		for (i = 0; i < mb->nband; i++) {
			struct mband *bd = &mb->band[i];
			double tot = 0, lx;

			if ((bd->y < 0) != (side == 0))
				continue;
			bd->x = x + bd->w / 2;
			bd->y = side == 0 ? -GAP_BAND - gl - ah / 2 :
			    gh + GAP_BAND + gl + ah / 2;
			x += bd->w + GAP_ACTOR;
			/* Its labels side by side between it and the
			 * groups. */
			for (k = 0; k < mb->nlab; k++)
				if (mb->lab[k].owner == bd->n)
					tot += mb->lab[k].w + (tot > 0 ? GAP_LABEL : 0);
			lx = bd->x - tot / 2;
			for (k = 0; k < mb->nlab; k++) {
				struct mlabel *l = &mb->lab[k];

				if (l->owner != bd->n)
					continue;
				l->x = lx + l->w / 2;
				l->y = side == 0 ? -GAP_BAND - lh / 2 :
				    gh + GAP_BAND + lh / 2;
				lx += l->w + GAP_LABEL;
			}
		}
	}
	place_free_labels(mb);
}

/* The box of a placed node: centre and size; 0 if n is not placed. */
static int
node_box(const struct mbuild *mb, const struct gb_node *n, double *x,
    double *y, double *w, double *h)
{
	size_t i;

	if (n == mb->centre && n != NULL) {
		*x = mb->cx;
		*y = mb->cy;
		*w = mb->cw;
		*h = mb->ch;
		return 1;
	}
	for (i = 0; i < mb->ng; i++)
		if (mb->mg[i].n == n) {
			*x = mb->mg[i].x;
			*y = mb->mg[i].y;
			*w = mb->mg[i].w;
			*h = mb->mg[i].h;
			return 1;
		}
	for (i = 0; i < mb->nband; i++)
		if (mb->band[i].n == n) {
			*x = mb->band[i].x;
			*y = mb->band[i].y;
			*w = mb->band[i].aw;
			*h = mb->band[i].ah;
			return 1;
		}
	for (i = 0; i < mb->nlab; i++)
		if (mb->lab[i].n == n) {
			*x = mb->lab[i].x;
			*y = mb->lab[i].y;
			*w = mb->lab[i].w;
			*h = mb->lab[i].h;
			return 1;
		}
	return 0;
}

/* The end of edge p at its from (end 0) or to (end 1) side: the row's
 * side facing the other end, or the node's centre. */
static int
edge_end(const struct mbuild *mb, const struct mport *p, int end,
    double *x, double *y)
{
	const struct gb_node *n = end ? p->to : p->from;
	const struct gb_node *o = end ? p->from : p->to;
	long row = end ? p->to_row : p->from_row;
	double w, h, ox, oy, ow, oh;

	if (!node_box(mb, n, x, y, &w, &h) ||
	    !node_box(mb, o, &ox, &oy, &ow, &oh))
		return 0;
	if (row > 0) {
		double cx = *x;

		(void)placed_at(mb, n, row, x, y);
		*x = cx + (ox >= cx ? w / 2 : -w / 2);
	}
	return 1;
}

static int
segs_cross(double ax, double ay, double bx, double by, double cx,
    double cy, double dx, double dy)
{
	double d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx);
	double d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
	double d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
	double d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);

	return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) &&
	    ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/* Non-zero if the segment a-b passes through the box (x, y, w, h). */
static int
seg_box(double ax, double ay, double bx, double by, double x, double y,
    double w, double h)
{
	double x0 = x - w / 2, x1 = x + w / 2, y0 = y - h / 2, y1 = y + h / 2;
	int k;

	for (k = 0; k <= 32; k++) {
		double t = k / 32.0, px = ax + t * (bx - ax),
		    py = ay + t * (by - ay);

		if (px > x0 && px < x1 && py > y0 && py < y1)
			return 1;
	}
	return 0;
}

/* An edge's straight line as placed, for placement_cost. */
struct mseg {
	double ax, ay, bx, by;
	int drawn;             /* on, between two placed nodes */
};

/* Every edge's straight line where the nodes are now placed; owned by
 * the caller. */
static struct mseg *
port_segs(const struct mbuild *mb)
{
	struct mseg *seg = xcalloc(mb->nport + 1, sizeof(*seg));
	size_t i;

	for (i = 0; i < mb->nport; i++) {
		const struct mport *p = &mb->port[i];

		seg[i].drawn = p->from != p->to &&
		    edge_end(mb, p, 0, &seg[i].ax, &seg[i].ay) &&
		    edge_end(mb, p, 1, &seg[i].bx, &seg[i].by);
	}
	return seg;
}

/* Crossings of the straight lines of edges i and j (0 or 1). */
static double
ports_cross(const struct mbuild *mb, const struct mseg *seg, size_t i,
    size_t j)
{
	const struct mport *p = &mb->port[i], *q = &mb->port[j];

	if (i == j || p->off || q->off || !seg[i].drawn || !seg[j].drawn ||
	    q->from == p->from || q->from == p->to || q->to == p->from ||
	    q->to == p->to)
		return 0;
	return segs_cross(seg[i].ax, seg[i].ay, seg[i].bx, seg[i].by,
	    seg[j].ax, seg[j].ay, seg[j].bx, seg[j].by);
}

/* The k-th node of the placement (groups, actors, labels, the centre)
 * and its box; NULL where there is none. */
static const struct gb_node *
placed_node(const struct mbuild *mb, size_t k, double *x, double *y,
    double *w, double *h)
{
	if (k < mb->ng) {
		const struct mgroup *g = &mb->mg[k];

		*x = g->x, *y = g->y, *w = g->w, *h = g->h;
		return g->n;
	}
	k -= mb->ng;
	if (k < mb->nband) {
		const struct mband *bd = &mb->band[k];

		*x = bd->x, *y = bd->y, *w = bd->aw, *h = bd->ah;
		return bd->n;
	}
	k -= mb->nband;
	if (k < mb->nlab) {
		const struct mlabel *l = &mb->lab[k];

		*x = l->x, *y = l->y, *w = l->w, *h = l->h;
		return l->n;
	}
	*x = mb->cx, *y = mb->cy, *w = mb->cw, *h = mb->ch;
	return mb->centre;
}

/* Twice the nodes the straight line of edge i passes through. */
static double
port_through(const struct mbuild *mb, const struct mseg *seg, size_t i)
{
	const struct mport *p = &mb->port[i];
	double cost = 0;
	size_t k;

	if (p->off || !seg[i].drawn)
		return 0;
	for (k = 0; k < mb->ng + mb->nband + mb->nlab + 1; k++) {
		double x, y, w, h;
		const struct gb_node *n = placed_node(mb, k, &x, &y, &w, &h);

		if (n == NULL || n == p->from || n == p->to)
			continue;
		cost += 2 * seg_box(seg[i].ax, seg[i].ay, seg[i].bx,
		    seg[i].by, x, y, w, h);
	}
	return cost;
}

/* What drawing edge i adds to placement_cost. */
static double
port_cost(const struct mbuild *mb, const struct mseg *seg, size_t i)
{
	double cost = port_through(mb, seg, i);
	size_t j;

	for (j = 0; j < mb->nport; j++)
		cost += ports_cross(mb, seg, i, j);
	return cost;
}

/*
 * How bad a placement looks with straight lines for its edges: pairs of
 * edges that cross, and edges through a node (which the router bends
 * around, often across others), weighted double.
 */
static double
placement_cost(const struct mbuild *mb)
{
	struct mseg *seg = port_segs(mb);
	size_t *on = xcalloc(mb->nport + 1, sizeof(*on));
	double cost = 0;
	size_t i, j, n = 0;

	/* Only the edges drawn: most arrows may be left out. */
	for (i = 0; i < mb->nport; i++)
		if (!mb->port[i].off && seg[i].drawn)
			on[n++] = i;
	for (i = 0; i < n; i++) {
		cost += port_through(mb, seg, on[i]);
		for (j = i + 1; j < n; j++)
			cost += ports_cross(mb, seg, on[i], on[j]);
	}
	free(on);
	free(seg);
	return cost;
}

/*
 * Picks the number of columns: the placement whose edges would cross
 * least, with the picture's shape near its paper's as the tie-breaker
 * (a picture twice too wide or tall costs as much as two crossings).
 */
static void
choose_columns(struct mbuild *mb, const struct map *mp, struct gb *b,
    double target, double *gw, double *gh)
{
	size_t ncols, best_cols = 0;
	double best = 1e300;

	for (ncols = 1; ncols <= mb->ng + 1; ncols++) {
		double w, h, cost, band = 0;
		size_t i;

		if (mb->centre != NULL && ncols % 2 == 0)
			continue;
		if (place_groups(mb, ncols, &w, &h) != 0)
			continue;
		place_bands(mb, mp, b, w, h);
		for (i = 0; i < mb->nband; i++)
			if (mb->band[i].h > band)
				band = mb->band[i].h;
		band = mb->nband ? 2 * (band + GAP_BAND) : 0;
		cost = placement_cost(mb) + 2 * fabs(log2((w + 1) /
		    (h + band + 1) / target));
		if (cost < best - 1e-9) {
			best = cost;
			best_cols = ncols;
		}
	}
	if (best_cols == 0)
		best_cols = 1;
	place_groups(mb, best_cols, gw, gh);
	place_bands(mb, mp, b, *gw, *gh);
}

static void
set_pos(struct gb_node *n, double x, double y)
{
	char pos[64];

	/* Inches, y up, pinned. */
	snprintf(pos, sizeof(pos), "%.3f,%.3f!", x / 72, -y / 72);
	gb_set(n, "pos", pos);
}

/* The port of an edge end: the row's side that faces the other end. */
static void
set_port(void *e, const char *key, long row, double x, double ox)
{
	char port[32];

	if (row <= 0)
		return;
	snprintf(port, sizeof(port), "s%ld:%s", row, ox >= x ? "e" : "w");
	gb_set(e, key, port);
}

/* Most crossings per drawn edge the straight-line estimate may show
 * before arrows between groups are left out, weakest first. */
#define CROSS_PER_EDGE 0.45

/* Strongest first; among equals, in the order they were made. */
static const struct mport *port_order_base;

static int
cmp_port_strength(const void *a, const void *b)
{
	const struct mport *p = &port_order_base[*(const size_t *)a];
	const struct mport *q = &port_order_base[*(const size_t *)b];

	if (p->weight != q->weight)
		return p->weight > q->weight ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 :
	    *(const size_t *)a > *(const size_t *)b;
}

/* The arrows between groups, strongest first; returns how many. */
static size_t
arrows_by_strength(const struct mbuild *mb, size_t **idx)
{
	size_t i, n = 0;

	*idx = xcalloc(mb->nport + 1, sizeof(**idx));
	for (i = 0; i < mb->nport; i++)
		if (mb->port[i].weight > 0)
			(*idx)[n++] = i;
	port_order_base = mb->port;
	qsort(*idx, n, sizeof(**idx), cmp_port_strength);
	port_order_base = NULL;
	return n;
}

/*
 * Only the GROUP_ARROWS_MAX strongest arrows between groups can be
 * drawn: the others are left out before the columns are chosen, which
 * costs the square of the arrows for each choice.
 */
static void
drop_weak_arrows(struct mbuild *mb)
{
	size_t i, *idx, n = arrows_by_strength(mb, &idx);

	for (i = GROUP_ARROWS_MAX; i < n; i++) {
		mb->port[idx[i]].off = 1;
		mb->port[idx[i]].dropped = 1;
	}
	free(idx);
}

/*
 * Leaves out the arrows between groups that would cross too much: adds
 * them back strongest first while the estimate stays under
 * CROSS_PER_EDGE a drawn edge.  Every next step stays on the pages of
 * its services.
 */
static void
prune_arrows(struct gb *b, struct mbuild *mb)
{
	size_t i, on = 0, *idx, n = arrows_by_strength(mb, &idx);
	struct mseg *seg = port_segs(mb);
	double cost;

	for (i = 0; i < mb->nport; i++) {
		if (mb->port[i].weight > 0)
			mb->port[i].off = 1;
		else
			on++;
	}
	cost = placement_cost(mb);
	for (i = 0; i < n; i++) {
		struct mport *p = &mb->port[idx[i]];
		double more;

		if (p->dropped)
			continue;
		p->off = 0;
		more = port_cost(mb, seg, idx[i]);
		if (cost + more > CROSS_PER_EDGE * (on + 1))
			p->off = 1;
		else {
			cost += more;
			on++;
		}
	}
	for (i = 0; i < mb->nport; i++)
		if (mb->port[i].off)
			gb_delete_edge(b, mb->port[i].e);
	free(seg);
	free(idx);
}

/*
 * Lays the map out as a facilitator would pin it on a wall: sizes from
 * a first layout, then every node pinned where the poster puts it, for
 * neato to route the edges around the nodes as splines.
 */
static void
place_poster(struct gb *b, const struct map *mp, struct mbuild *mb)
{
	double pw, ph, gw, gh, target;
	size_t i, k;

	gb_set(b->g, "splines", "line");
	if (gb_layout(b, "neato") == 0) {
		for (i = 0; i < mb->ng; i++)
			gb_node_size(mb->mg[i].n, &mb->mg[i].w, &mb->mg[i].h);
		for (i = 0; i < mb->nlab; i++)
			gb_node_size(mb->lab[i].n, &mb->lab[i].w,
			    &mb->lab[i].h);
		for (i = 0; i < mb->nband; i++) {
			double lw = 0;

			gb_node_size(mb->band[i].n, &mb->band[i].aw,
			    &mb->band[i].ah);
			for (k = 0; k < mb->nlab; k++)
				if (mb->lab[k].owner == mb->band[i].n)
					lw += mb->lab[k].w + (lw > 0 ? GAP_LABEL : 0);
			mb->band[i].w = lw > mb->band[i].aw ? lw :
			    mb->band[i].aw;
			mb->band[i].h = mb->band[i].ah;
		}
		if (mb->centre != NULL)
			gb_node_size(mb->centre, &mb->cw, &mb->ch);
	}
	gb_unlayout(b);
	diagram_paper_size(mp->paper.pos.line ? mp->paper.v :
	    PAPER_A3_LANDSCAPE, &pw, &ph);
	target = pw / ph;
	drop_weak_arrows(mb);
	choose_columns(mb, mp, b, target, &gw, &gh);
	prune_arrows(b, mb);
	for (i = 0; i < mb->ng; i++)
		set_pos(mb->mg[i].n, mb->mg[i].x, mb->mg[i].y);
	for (i = 0; i < mb->nband; i++)
		set_pos(mb->band[i].n, mb->band[i].x, mb->band[i].y);
	for (i = 0; i < mb->nlab; i++)
		set_pos(mb->lab[i].n, mb->lab[i].x, mb->lab[i].y);
	if (mb->centre != NULL)
		set_pos(mb->centre, mb->cx, mb->cy);
	for (i = 0; i < mb->nport; i++) {
		struct mport *p = &mb->port[i];
		double fx = 0, fy = 0, tx = 0, ty = 0, w, h;

		if (p->off)
			continue;
		(void)node_box(mb, p->from, &fx, &fy, &w, &h);
		(void)node_box(mb, p->to, &tx, &ty, &w, &h);
		if (p->from == p->to) {
			/* Within one table: both on the outer side. */
			set_port(p->e, "tailport", p->from_row, fx, fx + 1);
			set_port(p->e, "headport", p->to_row, tx, tx + 1);
			continue;
		}
		set_port(p->e, "tailport", p->from_row, fx, tx);
		set_port(p->e, "headport", p->to_row, tx, fx);
	}
	/* Routing builds a visibility graph of every box, at a cost of
	 * their cube, even for no line at all. */
	for (i = 0, k = 0; i < mb->nport; i++)
		k += !mb->port[i].off;
	gb_set(b->g, "splines", k > 0 || mb->nlab > 0 ? "true" : "line");
	gb_set(b->g, "overlap", "true");
	gb_set(b->g, "esep", "+6");
	b->engine = "neato";
}

/* A pair of groups with next steps between them. */
struct gpair {
	size_t a, z;           /* group indexes, a < z */
	size_t az, za;         /* next steps a -> z and z -> a */
};

/*
 * A service map.  Each group is one node, a table of its services; the
 * centre is in the middle of the groups, which stand in columns around
 * it in their order, and the actors are in bands above and below (see
 * place_poster).  Typical next steps between groups are drawn from
 * service row to service row when they are few, else as one arrow per
 * pair of groups, as wide as how many; next steps inside a group are on
 * each service's page.  The map's own relations are drawn bold with
 * their labels.  Other layouts (neato, fdp, circo, twopi) place the same
 * nodes freely.
 */
void
build_map(struct gb *b, const struct map *mp)
{
	const struct model *m = b->m;
	const struct actor *centre = (const struct actor *)mp->centre.target;
	const struct group **groups;
	struct mbuild mb;
	struct gpair *pairs = NULL;
	size_t *pair_at;
	size_t npairs = 0, cappairs = 0, nacross = 0;
	size_t ngroups, i, j, k, nactors, nserv = 0;
	int layout = mp->layout.pos.line ? mp->layout.v : 0;

	memset(&mb, 0, sizeof(mb));
	gb_defaults(b, "LR");
	gb_set(b->g, "outputorder", "edgesfirst");
	if (layout != 0) {
		/* Force-directed layouts: a fixed seed, no overlaps. */
		gb_set(b->g, "start", "1");
		gb_set(b->g, "overlap", "prism");
		gb_set(b->g, "splines", "true");
		gb_set(b->g, "sep", "+8");
	}
	groups = map_groups(b, mp, &ngroups);
	mb.mg = xcalloc(ngroups + 1, sizeof(*mb.mg));
	mb.ng = ngroups;
	nactors = nactors_of(mp, m);
	if (centre != NULL)
		mb.centre = map_actor(b, b->g, centre, 1);
	for (i = 0; i < nactors; i++) {
		const struct entity *e = mp->actors.all ?
		    m->set[KIND_ACTOR].items[i] :
		    ((struct ref *)mp->actors.items)[i].target;

		if (e == NULL || (centre != NULL && &centre->e == e))
			continue;
		band_add(&mb, map_actor(b, b->g, (const struct actor *)e, 0));
	}
	for (i = 0; i < ngroups; i++) {
		mb.mg[i].g = groups[i];
		mb.mg[i].n = map_group(b, groups[i], i);
		nserv += groups[i]->services.len;
	}
	rows_index(&mb, m);
	/* pairs[pair_at[a * ngroups + z] - 1]: groups a < z, 0 for none. */
	pair_at = xcalloc(ngroups * ngroups + 1, sizeof(*pair_at));

	/* Next steps between groups: how many, and between which. */
	for (i = 0; i < ngroups; i++)
		for (j = 0; j < groups[i]->services.len; j++) {
			const struct service *s = (const struct service *)
			    groups[i]->services.items[j];

			for (k = 0; k < s->next.len; k++) {
				const struct ref *r = &((struct ref *)
				    s->next.items)[k];
				long row;
				struct mgroup *to;
				size_t z, a, p;

				if (r->target == NULL ||
				    (to = row_of(&mb, r->target, &row)) == NULL ||
				    to == &mb.mg[i])
					continue;
				nacross++;
				z = (size_t)(to - mb.mg);
				a = i < z ? i : z;
				p = pair_at[a * ngroups + (i < z ? z : i)];
				if (p-- == 0) {
					struct gpair *gp = array_push(&pairs,
					    &npairs, &cappairs, sizeof(*gp));

					memset(gp, 0, sizeof(*gp));
					gp->a = a;
					gp->z = i < z ? z : i;
					p = npairs - 1;
					pair_at[a * ngroups + gp->z] = npairs;
				}
				if (i < z)
					pairs[p].az++;
				else
					pairs[p].za++;
			}
		}
	if (nacross <= SERVICE_EDGES_MAX) {
		/* Few: from row to row, both ways as one edge. */
		for (i = 0; i < ngroups; i++)
			for (j = 0; j < groups[i]->services.len; j++) {
				const struct service *s = (const struct service *)
				    groups[i]->services.items[j];

				for (k = 0; k < s->next.len; k++) {
					const struct ref *r = &((struct ref *)
					    s->next.items)[k];
					struct mgroup *to;
					struct gb_edge *e;
					long row;
					int both;
					char *suffix, *title;

					if (r->target == NULL || (to = row_of(&mb,
					    r->target, &row)) == NULL ||
					    to == &mb.mg[i])
						continue;
					both = lists_ref(&((const struct service *)
					    r->target)->next, &s->e);
					if (both && strcmp(s->e.id,
					    r->target->id) > 0)
						continue;
					suffix = xasprintf("next_%s_%s", s->e.id,
					    r->target->id);
					title = xasprintf("%s %s %s", title_of(b,
					    &s->e), both ? "↔" : "→",
					    title_of(b, r->target));
					e = gb_edge(b, mb.mg[i].n, to->n, suffix,
					    both ? "next both" : "next", NULL,
					    title);
					if (both)
						gb_set(e, "dir", "both");
					gb_set(e, "color", C_LINE);
					gb_set(e, "penwidth", "1.2");
					gb_set(e, "arrowsize", "0.7");
					port_add(&mb, e, mb.mg[i].n, (long)j + 1,
					    to->n, row);
					free(suffix);
					free(title);
				}
			}
	} else {
		for (i = 0; i < npairs; i++) {
			const struct gpair *gp = &pairs[i];
			const struct group *ga = groups[gp->a], *gz = groups[gp->z];
			struct gb_node *from = mb.mg[gp->a].n, *to = mb.mg[gp->z].n;
			size_t n = gp->az + gp->za;
			struct gb_edge *e;
			char *suffix, *title;

			if (gp->az == 0) {
				/* One way only: the arrow points that way. */
				from = mb.mg[gp->z].n;
				to = mb.mg[gp->a].n;
				title = xasprintf("%s → %s (%zu)", title_of(b,
				    &gz->e), title_of(b, &ga->e), gp->za);
			} else if (gp->za == 0)
				title = xasprintf("%s → %s (%zu)", title_of(b,
				    &ga->e), title_of(b, &gz->e), gp->az);
			else
				title = xasprintf("%s → %s (%zu), %s → %s "
				    "(%zu)", title_of(b, &ga->e), title_of(b,
				    &gz->e), gp->az, title_of(b, &gz->e),
				    title_of(b, &ga->e), gp->za);
			suffix = xasprintf("next_%s_%s", ga->e.id, gz->e.id);
			e = gb_edge(b, from, to, suffix, gp->az && gp->za ?
			    "next group both" : "next group", NULL, title);
			if (gp->az && gp->za)
				gb_set(e, "dir", "both");
			gb_set(e, "color", C_LINE);
			gb_setf(e, "penwidth", 1 + 0.9 * log2((double)n));
			gb_set(e, "arrowsize", "0.8");
			port_add(&mb, e, from, 0, to, 0);
			mb.port[mb.nport - 1].weight = n;
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
		struct gb_node *from = NULL, *to = NULL;
		long frow = 0, trow = 0;
		struct mgroup *g;
		struct gb_edge *e;
		char *suffix, *title;

		if (me->from.target == NULL || me->to.target == NULL)
			continue;
		if ((g = row_of(&mb, me->from.target, &frow)) != NULL)
			from = g->n;
		else if ((g = group_of(&mb, me->from.target)) != NULL)
			from = g->n;
		else if ((from = map_edge_end(b, &me->from)) != NULL &&
		    from != mb.centre)
			band_add(&mb, from);
		if ((g = row_of(&mb, me->to.target, &trow)) != NULL)
			to = g->n;
		else if ((g = group_of(&mb, me->to.target)) != NULL)
			to = g->n;
		else if ((to = map_edge_end(b, &me->to)) != NULL &&
		    to != mb.centre)
			band_add(&mb, to);
		if (from == NULL || to == NULL)
			continue;
		suffix = xasprintf("edge_%zu", i + 1);
		title = xasprintf("%s → %s%s%s", title_of(b, me->from.target),
		    title_of(b, me->to.target), label ? ": " : "",
		    label ? label : "");
		if (label != NULL && *label != '\0' && layout == 0) {
			/* The label is a node on the line (struct mlabel):
			 * the line runs from one end to it, then on. */
			struct buf mk = { 0 };
			struct mlabel *l = array_push(&mb.lab, &mb.nlab,
			    &mb.caplab, sizeof(*l));
			char *lsuffix = xasprintf("edgelabel_%zu", i + 1);
			char *tsuffix = xasprintf("edge_%zu_to", i + 1);
			int from_band = from != mb.centre &&
			    group_node(&mb, from) == NULL;
			int to_band = to != mb.centre &&
			    group_node(&mb, to) == NULL;

			memset(l, 0, sizeof(*l));
			lbl_font(&mk, label, 24, FS_EDGE, 0, 0);
			l->n = gb_node(b, b->g, lsuffix, "relation-label",
			    mk.data, title, NULL);
			gb_set(l->n, "shape", "plain");
			gb_set(l->n, "style", "");
			l->a = from;
			l->z = to;
			if (from_band)
				l->owner = from;
			else if (to_band)
				l->owner = to;
			else if (group_node(&mb, from) != NULL) {
				l->owner = from;
				l->row = frow;
			} else if (group_node(&mb, to) != NULL) {
				l->owner = to;
				l->row = trow;
			}
			e = gb_edge(b, from, l->n, suffix, "relation", NULL,
			    title);
			gb_set(e, "arrowhead", "none");
			gb_set(e, "penwidth", "1.8");
			gb_set(e, "color", C_INK);
			port_add(&mb, e, from, frow, l->n, 0);
			e = gb_edge(b, l->n, to, tsuffix, "relation", NULL,
			    title);
			gb_set(e, "penwidth", "1.8");
			gb_set(e, "color", C_INK);
			port_add(&mb, e, l->n, 0, to, trow);
			buf_free(&mk);
			free(lsuffix);
			free(tsuffix);
		} else {
			e = gb_edge(b, from, to, suffix, "relation", label,
			    title);
			gb_set(e, "penwidth", "1.8");
			gb_set(e, "color", C_INK);
			port_add(&mb, e, from, frow, to, trow);
		}
		free(suffix);
		free(title);
	}
	if (layout == 0)
		place_poster(b, mp, &mb);
	else
		for (i = 0; i < mb.nport; i++) {
			char port[32];

			if (mb.port[i].from_row > 0) {
				snprintf(port, sizeof(port), "s%ld",
				    mb.port[i].from_row);
				gb_set(mb.port[i].e, "tailport", port);
			}
			if (mb.port[i].to_row > 0) {
				snprintf(port, sizeof(port), "s%ld",
				    mb.port[i].to_row);
				gb_set(mb.port[i].e, "headport", port);
			}
		}
	b->title = xstrdup(title_of(b, &mp->e));
	b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_MAP), ngroups, nserv,
	    nactors + (centre != NULL));
	free(pairs);
	free(pair_at);
	free(mb.svc_group);
	free(mb.svc_row);
	free(mb.mg);
	free(mb.band);
	free(mb.port);
	free(mb.lab);
	free(groups);
}

/* ---- A service's own next steps ---- */

/*
 * The small "from here" diagram of a service page: the services that
 * lead to it on the left, the service itself in the middle, its typical
 * next steps on the right, each linked.  The map shows next steps only
 * between groups; this shows every one of a service's own.
 */
void
build_service_next(struct gb *b, const struct service *s)
{
	struct gb_graph *before, *after;
	struct gb_node *self, *n;
	struct buf mk = { 0 };
	char *suffix;
	size_t i;

	gb_defaults(b, "LR");
	gb_set(b->g, "nodesep", "0.15");
	gb_set(b->g, "ranksep", "0.6");
	before = gb_subgraph(b->g, "before");
	gb_set(before, "rank", "same");
	after = gb_subgraph(b->g, "after");
	gb_set(after, "rank", "same");
	lbl_font(&mk, title_of(b, &s->e), 24, FS_NODE, 1, 0);
	self = gb_node(b, b->g, "self", "service self", mk.data,
	    title_of(b, &s->e), NULL);
	gb_set(self, "style", "rounded,filled,bold");
	gb_set(self, "fillcolor", C_SOFT);
	gb_set(self, "color", C_BRAND);
	gb_set(self, "penwidth", "2");
	buf_free(&mk);
	for (i = 0; i < s->previous.len; i++) {
		const struct entity *p = s->previous.items[i];
		struct buf tk = { 0 };
		char *url = entity_url(b, p, NULL);
		char *title = xasprintf("%s → %s", title_of(b, p),
		    title_of(b, &s->e));

		lbl_text(&tk, title_of(b, p), 24);
		suffix = xasprintf("from_%s", p->id);
		n = gb_node(b, before, suffix, "service previous", tk.data,
		    title_of(b, p), url);
		gb_set(n, "style", "rounded,filled");
		free(suffix);
		suffix = xasprintf("edge_from_%s", p->id);
		gb_edge(b, n, self, suffix, "next", NULL, title);
		free(suffix);
		free(title);
		free(url);
		buf_free(&tk);
	}
	for (i = 0; i < s->next.len; i++) {
		const struct ref *r = &((struct ref *)s->next.items)[i];
		struct buf tk = { 0 };
		char *url, *title;

		if (r->target == NULL || r->target == &s->e)
			continue;
		url = entity_url(b, r->target, NULL);
		title = xasprintf("%s → %s", title_of(b, &s->e),
		    title_of(b, r->target));
		lbl_text(&tk, title_of(b, r->target), 24);
		suffix = xasprintf("to_%s", r->target->id);
		n = gb_node(b, after, suffix, "service next", tk.data,
		    title_of(b, r->target), url);
		gb_set(n, "style", "rounded,filled");
		free(suffix);
		suffix = xasprintf("edge_to_%s", r->target->id);
		gb_edge(b, self, n, suffix, "next", NULL, title);
		free(suffix);
		free(title);
		free(url);
		buf_free(&tk);
	}
	b->title = xasprintf("%s – %s", title_of(b, &s->e),
	    ui(b->lang, UI_NEXT));
	b->desc = xasprintf("%s: %zu. %s: %zu.", ui(b->lang,
	    UI_PREVIOUS_SERVICES), s->previous.len, ui(b->lang, UI_NEXT),
	    s->next.len);
}
