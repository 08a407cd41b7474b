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
		gb_set(n, "shape", "doubleoctagon");
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

/*
 * A service map.  With dot, the picture is a grid: the groups are
 * clusters in columns (in LR; rows in TB), each holding its services in
 * a few short columns, and the centre with the network actors stacked
 * around it is the middle column.  Invisible edges build the grid; the
 * typical next steps are drawn between services without moving them,
 * and the map's own relations are drawn bold with their labels.  Other
 * layouts (neato, fdp, circo, twopi) place the same nodes freely.
 */
void
build_map(struct gb *b, const struct map *mp)
{
	const struct model *m = b->m;
	const struct actor *centre = (const struct actor *)mp->centre.target;
	const struct group **groups;
	struct gb_node *cn = NULL, **first, **last, *ring_first = NULL;
	struct gb_node *ring_last = NULL;
	struct gb_graph *half_a, *half_b;
	int split;
	struct gb_graph **clusters, *ring;
	size_t ngroups, i, j, nactors, nserv = 0, ncols, percol, mid;
	int layout = mp->layout.pos.line ? mp->layout.v : 0;
	const char *dir = mp->direction.pos.line ?
	    direction_names[mp->direction.v] : "LR";

	gb_defaults(b, dir);
	gb_set(b->g, "compound", "true");
	gb_set(b->g, "nodesep", "0.2");
	gb_set(b->g, "ranksep", "0.25");
	/* Not "curved": Graphviz 2.42 caches the cycles of curved edges
	 * in a static keyed by the graph's address, so a later graph at a
	 * reused address gets the last one's routes.  Straight lines are
	 * drawn fresh each time and stay compact. */
	gb_set(b->g, "splines", "line");
	if (layout != 0) {
		/* Force-directed layouts: a fixed seed, no overlaps. */
		gb_set(b->g, "start", "1");
		gb_set(b->g, "overlap", "prism");
		gb_set(b->g, "splines", "true");
		gb_set(b->g, "sep", "+8");
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
		struct gb_graph *rc = gb_subgraph(b->g, "cluster_ring");

		/* Subgraphs inherit the graph's id: give it its own. */
		gb_set(rc, "id", gb_meta(b, "ring", ui(b->lang, UI_MAP_ACTORS)));
		gb_set(rc, "class", "ring");
		gb_set(rc, "peripheries", "0");
		gb_set(rc, "label", "");
		ring = gb_subgraph(rc, "ring");
		gb_set(ring, "rank", "same");
		if (split) {
			half_a = gb_subgraph(rc, "ring_a");
			gb_set(half_a, "rank", "same");
			half_b = gb_subgraph(rc, "ring_b");
			gb_set(half_b, "rank", "same");
		}
	}
	for (i = 0; i <= nactors; i++) {
		const struct entity *e;
		struct gb_node *n;

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
		struct gb_node *n;

		for (n = gb_first_node(half_a); n != NULL;
		    n = gb_next_node(half_a, n))
			gb_rank_after(b, n, cn);
		for (n = gb_first_node(half_b); n != NULL;
		    n = gb_next_node(half_b, n))
			gb_rank_after(b, cn, n);
	}
	if (ring_first == NULL)
		ring_first = cn ? cn : ring_last;
	if (ring_last == NULL)
		ring_last = cn ? cn : ring_first;
	if (layout == 4 && cn != NULL)
		gb_set(b->g, "root", gb_name_of(cn));

	for (i = 0; i < ngroups; i++) {
		const struct group *g = groups[i];
		struct buf mk = { 0 };
		char fill[8], border[8];
		char *suffix = xasprintf("group_%s", g->e.id);
		char *url = entity_url(b, &g->e, NULL);
		const char *name = title_of(b, &g->e);
		size_t ns = g->services.len, rows;
		struct gb_node **sn = xcalloc(ns + 1, sizeof(*sn));
		struct gb_graph *c;

		group_colours(g->colour.s, i, fill, border);
		lbl_font(&mk, name, 30, FS_CLUSTER, 1, 0);
		c = gb_cluster(b, suffix, "group", mk.data, name, url);
		clusters[i] = c;
		gb_set(c, "style", "rounded,filled");
		gb_set(c, "fillcolor", fill);
		gb_set(c, "color", border);
		gb_set(c, "penwidth", "2");
		gb_set(c, "margin", "6");
		for (j = 0; j < ns; j++)
			sn[j] = map_service(b, c, (const struct service *)
			    g->services.items[j], "white");
		if (ns == 0) {
			/* An empty group still shows as a titled box. */
			sn[0] = gb_blank(b, c, "empty");
			gb_set(sn[0], "width", "1");
			gb_set(sn[0], "height", "0.2");
			ns = 1;
		}
		/* Short columns: at most about six services deep. */
		rows = group_rows(ns);
		if (layout == 0)
			for (j = 0; j + rows < ns; j++)
				gb_rank_after(b, sn[j], sn[j + rows]);
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
						gb_rank_after(b, last[a],
						    ring_first);
				else if (prev_ring)
					for (z = lo; z < hi; z++)
						gb_rank_after(b, ring_last,
						    first[z]);
				else
					for (a = prev_lo; a < prev_hi; a++)
						for (z = lo; z < hi; z++)
							gb_rank_after(b, last[a],
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
			struct gb_node *from = gb_find(b, &s->e);
			size_t k;

			for (k = 0; k < s->next.len; k++) {
				const struct ref *r = &((struct ref *)
				    s->next.items)[k];
				struct gb_node *to;
				struct gb_edge *e;
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
					gb_set(e, "dir", "both");
				gb_set(e, "constraint", "false");
				gb_set(e, "weight", "0");
				gb_set(e, "color", C_RULE);
				gb_set(e, "penwidth", "0.7");
				gb_set(e, "arrowsize", "0.5");
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
		struct gb_graph *ltail = NULL, *lhead = NULL;
		struct gb_node *from, *to;
		struct gb_edge *e;
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
		gb_set(e, "constraint", "false");
		gb_set(e, "weight", "0");
		gb_set(e, "penwidth", "1.6");
		gb_set(e, "color", C_INK);
		if (ltail != NULL && ltail != lhead)
			gb_set(e, "ltail", gb_name_of(ltail));
		if (lhead != NULL && ltail != lhead)
			gb_set(e, "lhead", gb_name_of(lhead));
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
