/*
 * diagcheck: measures the diagrams kartta writes, from their SVG alone,
 * with its own geometry (Graphviz is not asked anything).
 *
 *   diagcheck [-v] [--assert] [--display PX]... [--max-crossings X] FILE...
 *
 * FILE is a standalone SVG or an XHTML page; every top-level <svg> in it
 * is measured.  For each it prints one line of figures:
 *
 *   edges, nodes      Graphviz's edge and node groups
 *   crossings         pairs of edges whose drawn paths cross (curves
 *                     sampled), away from an end they share
 *   through-nodes     (edge, node) pairs where the edge's path runs
 *                     inside a node that is not one of its ends
 *   through-boxes     (edge, box) pairs where the path runs inside a
 *                     visible cluster (a group box) holding neither end;
 *                     the lanes of a client path (class lane) are not
 *                     boxes here: a hand-over two lanes away crosses the
 *                     one between, as in every swimlane drawing
 *   overlaps          texts of different elements that overlap, edge
 *                     labels on a node or on a box's border, and texts
 *                     that cross the border of their own node or box
 *   midword           line breaks inside a word: two lines of a label
 *                     that the element's own title (the content text)
 *                     has joined without a space
 *   text              the smallest type in CSS px at natural size and,
 *                     for each --display PX, when the figure is shown
 *                     PX wide (never above natural size); "natural" if
 *                     the page shows it at natural size (its figure
 *                     has class diagram-natural)
 *
 * and up to a few examples of each problem (all with -v), named by the
 * titles.  With
 * --assert it exits 1 if any diagram has an edge through a node or box,
 * an overlap, a mid-word break, more crossings per edge than
 * --max-crossings (service maps, ids map_…, only; default 0.5), or text
 * under 12 px at a --display width without a natural-size view.
 *
 * Texts are measured with cairo's toy font API in the font the SVG
 * names first (DejaVu Sans), which is what Graphviz measured with.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#define TOL 2.5      /* pt: a path this close to a border only grazes it
                      * (spline fitting cuts a corner by a point or two) */
#define MAXDISP 8
#define EXAMPLES (verbose ? 100000 : 4)
#define MIN_PX 12.0

struct pt {
	double x, y;
};

struct box {
	double x0, y0, x1, y1;
};

enum shape { SH_BOX, SH_ELLIPSE, SH_POLY };

struct obj {
	int kind;           /* 'n' node, 'c' cluster, 'e' edge */
	char *title;        /* owned: the element's <title> */
	char *ref;          /* owned: every title in it, for mid-word checks */
	char *cls;          /* owned: class attribute */
	struct box bb;      /* node or cluster outline's box */
	enum shape sh;
	struct pt *poly;    /* owned: outline polygon (SH_POLY) */
	size_t npoly;
	struct pt c, r;     /* ellipse centre and radii */
	int visible;        /* clusters: drawn with a border or a fill */
	struct pt *path;    /* owned: edges: the sampled path, tips added */
	size_t npath;
	struct box pbb;     /* box of path */
	int end[2];         /* edges: index of the end objects, or -1 */
};

struct text {
	int owner;          /* index into objs */
	struct box bb;
	double size;        /* font size in user units */
	char *s;            /* owned */
};

struct svg {
	const char *file;
	char *id;
	double px_per_unit; /* CSS px per user unit at natural size */
	double natural_w;   /* CSS px */
	int natural_view;
	struct obj *o;
	size_t no, capo;
	struct text *t;
	size_t nt, capt;
};

static cairo_t *cr;
static int assert_mode;
static int verbose;      /* -v: every example, not the first few */
static double displays[MAXDISP];
static size_t ndisplays;
static double max_cross = 0.5;
static int failures;

static void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL) {
		perror("diagcheck");
		exit(2);
	}
	return p;
}

static char *
xstrdup(const char *s)
{
	char *d = xrealloc(NULL, strlen(s) + 1);

	return strcpy(d, s);
}

static char *
prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v ? xstrdup((char *)v) : NULL;

	xmlFree(v);
	return s;
}

static int
has_class(const char *cls, const char *word)
{
	size_t n = strlen(word);
	const char *p = cls;

	while (p != NULL && (p = strstr(p, word)) != NULL) {
		if ((p == cls || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
		p += n;
	}
	return 0;
}

static void
box_empty(struct box *b)
{
	b->x0 = b->y0 = 1e300;
	b->x1 = b->y1 = -1e300;
}

static void
box_add(struct box *b, double x, double y)
{
	if (x < b->x0)
		b->x0 = x;
	if (x > b->x1)
		b->x1 = x;
	if (y < b->y0)
		b->y0 = y;
	if (y > b->y1)
		b->y1 = y;
}

static int
box_valid(const struct box *b)
{
	return b->x0 <= b->x1;
}

/* Non-zero if a and b overlap by more than m on both axes. */
static int
box_overlap(const struct box *a, const struct box *b, double m)
{
	return a->x0 + m < b->x1 && b->x0 + m < a->x1 &&
	    a->y0 + m < b->y1 && b->y0 + m < a->y1;
}

/* Non-zero if a lies inside b, give or take m. */
static int
box_inside(const struct box *a, const struct box *b, double m)
{
	return a->x0 >= b->x0 - m && a->x1 <= b->x1 + m &&
	    a->y0 >= b->y0 - m && a->y1 <= b->y1 + m;
}

/* ---- Parsing numbers, points and paths ---- */

/* Reads the numbers of s into *v (caller frees); returns how many. */
static size_t
numbers(const char *s, double **v)
{
	size_t n = 0, cap = 0;
	char *end;

	*v = NULL;
	while (s != NULL && *s) {
		if (isdigit((unsigned char)*s) || *s == '-' || *s == '.' ||
		    *s == '+') {
			double d = strtod(s, &end);

			if (end == s) {
				s++;
				continue;
			}
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				*v = xrealloc(*v, cap * sizeof(**v));
			}
			(*v)[n++] = d;
			s = end;
		} else
			s++;
	}
	return n;
}

static void
push_pt(struct pt **p, size_t *n, double x, double y)
{
	if ((*n & (*n - 1)) == 0 || *n == 0)
		*p = xrealloc(*p, (*n ? 2 * *n : 1) * sizeof(**p));
	(*p)[*n].x = x;
	(*p)[*n].y = y;
	(*n)++;
}

/*
 * Samples an SVG path of absolute M, L, C and Z commands (what Graphviz
 * writes) into points: each cubic at 16 steps.
 */
static void
path_sample(const char *d, struct pt **out, size_t *n)
{
	char cmd = 'M';
	double cx = 0, cy = 0, sx = 0, sy = 0;
	const char *s = d;

	while (*s) {
		double a[6];
		int k, need;
		char *end;

		while (*s == ' ' || *s == ',' || *s == '\n' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		if (isalpha((unsigned char)*s)) {
			cmd = *s++;
			if (cmd == 'Z' || cmd == 'z') {
				push_pt(out, n, sx, sy);
				cx = sx;
				cy = sy;
			}
			continue;
		}
		need = cmd == 'C' ? 6 : 2;
		for (k = 0; k < need; k++) {
			while (*s == ' ' || *s == ',')
				s++;
			a[k] = strtod(s, &end);
			if (end == s)
				return;
			s = end;
		}
		if (cmd == 'M') {
			cx = sx = a[0];
			cy = sy = a[1];
			push_pt(out, n, cx, cy);
			cmd = 'L';
		} else if (cmd == 'L') {
			cx = a[0];
			cy = a[1];
			push_pt(out, n, cx, cy);
		} else if (cmd == 'C') {
			int i;

			for (i = 1; i <= 16; i++) {
				double t = i / 16.0, u = 1 - t;

				push_pt(out, n, u * u * u * cx + 3 * u * u * t *
				    a[0] + 3 * u * t * t * a[2] + t * t * t * a[4],
				    u * u * u * cy + 3 * u * u * t * a[1] +
				    3 * u * t * t * a[3] + t * t * t * a[5]);
			}
			cx = a[4];
			cy = a[5];
		} else
			return;
	}
}

/* ---- Geometry ---- */

static double
dist(struct pt a, struct pt b)
{
	return hypot(a.x - b.x, a.y - b.y);
}

static double
seg_dist(struct pt p, struct pt a, struct pt b)
{
	double dx = b.x - a.x, dy = b.y - a.y, l = dx * dx + dy * dy, t;
	struct pt q;

	if (l == 0)
		return dist(p, a);
	t = ((p.x - a.x) * dx + (p.y - a.y) * dy) / l;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	q.x = a.x + t * dx;
	q.y = a.y + t * dy;
	return dist(p, q);
}

static int
in_poly(struct pt p, const struct pt *v, size_t n)
{
	size_t i, j;
	int in = 0;

	for (i = 0, j = n - 1; i < n; j = i++)
		if ((v[i].y > p.y) != (v[j].y > p.y) &&
		    p.x < (v[j].x - v[i].x) * (p.y - v[i].y) /
		    (v[j].y - v[i].y) + v[i].x)
			in = !in;
	return in;
}

static double
poly_border_dist(struct pt p, const struct pt *v, size_t n)
{
	double best = 1e300;
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		double d = seg_dist(p, v[i], v[i + 1]);

		if (d < best)
			best = d;
	}
	if (n > 1) {
		double d = seg_dist(p, v[n - 1], v[0]);

		if (d < best)
			best = d;
	}
	return best;
}

/* Non-zero if p is inside o's outline by more than TOL. */
static int
deep_inside(const struct obj *o, struct pt p)
{
	if (p.x <= o->bb.x0 + TOL || p.x >= o->bb.x1 - TOL ||
	    p.y <= o->bb.y0 + TOL || p.y >= o->bb.y1 - TOL)
		return 0;
	switch (o->sh) {
	case SH_ELLIPSE: {
		double rx = o->r.x - TOL, ry = o->r.y - TOL;
		double dx = (p.x - o->c.x) / rx, dy = (p.y - o->c.y) / ry;

		return rx > 0 && ry > 0 && dx * dx + dy * dy < 1;
	}
	case SH_POLY:
		return in_poly(p, o->poly, o->npoly) &&
		    poly_border_dist(p, o->poly, o->npoly) > TOL;
	default:
		return 1;
	}
}

/* Distance from p to o's outline box (0 inside). */
static double
box_dist(const struct box *b, struct pt p)
{
	double dx = p.x < b->x0 ? b->x0 - p.x : p.x > b->x1 ? p.x - b->x1 : 0;
	double dy = p.y < b->y0 ? b->y0 - p.y : p.y > b->y1 ? p.y - b->y1 : 0;

	return hypot(dx, dy);
}

/* Distance from p to the border of box b. */
static double
border_dist(const struct box *b, struct pt p)
{
	double d = box_dist(b, p), m;

	if (d > 0)
		return d;
	m = p.x - b->x0;
	if (b->x1 - p.x < m)
		m = b->x1 - p.x;
	if (p.y - b->y0 < m)
		m = p.y - b->y0;
	if (b->y1 - p.y < m)
		m = b->y1 - p.y;
	return m;
}

static int
seg_cross(struct pt a, struct pt b, struct pt c, struct pt d, struct pt *x)
{
	double r1 = b.x - a.x, r2 = b.y - a.y, s1 = d.x - c.x, s2 = d.y - c.y;
	double den = r1 * s2 - r2 * s1, t, u;

	if (fabs(den) < 1e-12)
		return 0;
	t = ((c.x - a.x) * s2 - (c.y - a.y) * s1) / den;
	u = ((c.x - a.x) * r2 - (c.y - a.y) * r1) / den;
	if (t < 0 || t > 1 || u < 0 || u > 1)
		return 0;
	x->x = a.x + t * r1;
	x->y = a.y + t * r2;
	return 1;
}

/* ---- Reading an SVG ---- */

static struct obj *
new_obj(struct svg *g, int kind)
{
	struct obj *o;

	if (g->no == g->capo) {
		g->capo = g->capo ? 2 * g->capo : 64;
		g->o = xrealloc(g->o, g->capo * sizeof(*g->o));
	}
	o = &g->o[g->no++];
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	o->end[0] = o->end[1] = -1;
	box_empty(&o->bb);
	box_empty(&o->pbb);
	return o;
}

static void
ref_add(struct obj *o, const char *s)
{
	size_t a = o->ref ? strlen(o->ref) : 0, b = strlen(s);

	o->ref = xrealloc(o->ref, a + b + 4);
	if (a == 0)
		o->ref[0] = '\0';
	else
		strcat(o->ref, " | ");
	strcat(o->ref, s);
}

/* The text of an element, white space runs made one space. */
static char *
text_of(xmlNodePtr n)
{
	xmlChar *c = xmlNodeGetContent(n);
	char *s = xstrdup(c ? (char *)c : ""), *p, *q;
	int sp = 1;

	xmlFree(c);
	for (p = q = s; *p; p++) {
		if (isspace((unsigned char)*p)) {
			if (!sp)
				*q++ = ' ';
			sp = 1;
		} else {
			*q++ = *p;
			sp = 0;
		}
	}
	if (q > s && q[-1] == ' ')
		q--;
	*q = '\0';
	return s;
}

static int
visible_paint(const char *v)
{
	return v != NULL && strcmp(v, "none") != 0 &&
	    strcmp(v, "transparent") != 0;
}

/* Adds a shape of o: its box, and whether it is the outline. */
static void
add_shape(struct svg *g, size_t oi, xmlNodePtr n)
{
	struct obj *o = &g->o[oi];
	const char *name = (const char *)n->name;
	char *fill = prop(n, "fill"), *stroke = prop(n, "stroke");
	struct pt *pts = NULL;
	size_t np = 0, i;
	struct box bb;
	enum shape sh = SH_BOX;
	struct pt c = { 0, 0 }, r = { 0, 0 };

	box_empty(&bb);
	if (strcmp(name, "polygon") == 0 || strcmp(name, "polyline") == 0) {
		char *v = prop(n, "points");
		double *num;
		size_t k = numbers(v, &num);

		for (i = 0; i + 1 < k; i += 2)
			push_pt(&pts, &np, num[i], num[i + 1]);
		free(num);
		free(v);
		sh = SH_POLY;
	} else if (strcmp(name, "path") == 0) {
		char *d = prop(n, "d");

		if (d != NULL)
			path_sample(d, &pts, &np);
		free(d);
	} else if (strcmp(name, "ellipse") == 0) {
		char *v;

		v = prop(n, "cx");
		c.x = v ? atof(v) : 0;
		free(v);
		v = prop(n, "cy");
		c.y = v ? atof(v) : 0;
		free(v);
		v = prop(n, "rx");
		r.x = v ? atof(v) : 0;
		free(v);
		v = prop(n, "ry");
		r.y = v ? atof(v) : 0;
		free(v);
		box_add(&bb, c.x - r.x, c.y - r.y);
		box_add(&bb, c.x + r.x, c.y + r.y);
		sh = SH_ELLIPSE;
	}
	for (i = 0; i < np; i++)
		box_add(&bb, pts[i].x, pts[i].y);
	if (o->kind == 'e') {
		/* Edge paths are kept; arrowheads are added as tips later. */
		if (strcmp(name, "path") == 0 && np > 0) {
			for (i = 0; i < np; i++) {
				push_pt(&o->path, &o->npath, pts[i].x, pts[i].y);
				box_add(&o->pbb, pts[i].x, pts[i].y);
			}
		} else if (sh == SH_POLY && np > 0) {
			/* An arrowhead: its tip is the vertex farthest from
			 * the nearer end of the path. */
			size_t e, best = 0;
			double far = -1;

			if (o->npath > 0) {
				struct pt a = o->path[0], z = o->path[o->npath - 1];
				struct pt mid = { (bb.x0 + bb.x1) / 2,
					(bb.y0 + bb.y1) / 2 };
				int at_end = dist(mid, z) <= dist(mid, a);
				struct pt base = at_end ? z : a;

				for (e = 0; e < np; e++)
					if (dist(pts[e], base) > far) {
						far = dist(pts[e], base);
						best = e;
					}
				if (far < 30) {
					if (at_end)
						push_pt(&o->path, &o->npath,
						    pts[best].x, pts[best].y);
					else {
						push_pt(&o->path, &o->npath, 0, 0);
						memmove(o->path + 1, o->path,
						    (o->npath - 1) *
						    sizeof(*o->path));
						o->path[0] = pts[best];
					}
					box_add(&o->pbb, pts[best].x,
					    pts[best].y);
				}
			}
		}
		free(pts);
		free(fill);
		free(stroke);
		return;
	}
	if (box_valid(&bb)) {
		double area = (bb.x1 - bb.x0) * (bb.y1 - bb.y0);
		double old = box_valid(&o->bb) ?
		    (o->bb.x1 - o->bb.x0) * (o->bb.y1 - o->bb.y0) : -1;

		if (visible_paint(stroke) || (visible_paint(fill) &&
		    strcmp(fill, "white") != 0 && strcmp(fill, "#ffffff") != 0))
			o->visible = 1;
		/* The largest shape is the outline. */
		if (area > old) {
			free(o->poly);
			o->poly = NULL;
			o->npoly = 0;
			o->sh = sh;
			o->c = c;
			o->r = r;
			if (sh == SH_POLY) {
				o->poly = pts;
				o->npoly = np;
				pts = NULL;
			}
		}
		if (o->kind == 'c') {
			if (area > old)
				o->bb = bb;
		} else {
			box_add(&o->bb, bb.x0, bb.y0);
			box_add(&o->bb, bb.x1, bb.y1);
		}
	}
	free(pts);
	free(fill);
	free(stroke);
}

static double
text_width(const char *s, double size, int bold, int italic)
{
	cairo_text_extents_t ex;

	cairo_select_font_face(cr, "DejaVu Sans", italic ?
	    CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL, bold ?
	    CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
	cairo_text_extents(cr, s, &ex);
	return ex.x_advance;
}

static void
add_text(struct svg *g, size_t oi, xmlNodePtr n)
{
	char *x = prop(n, "x"), *y = prop(n, "y"), *anchor = prop(n,
	    "text-anchor"), *fs = prop(n, "font-size"), *fw = prop(n,
	    "font-weight"), *st = prop(n, "font-style");
	char *s = text_of(n);
	double size = fs ? atof(fs) : 14, w, x0;
	struct text *t;

	if (*s == '\0') {
		free(s);
		goto out;
	}
	w = text_width(s, size, fw && strcmp(fw, "bold") == 0,
	    st && strcmp(st, "italic") == 0);
	x0 = x ? atof(x) : 0;
	if (anchor && strcmp(anchor, "middle") == 0)
		x0 -= w / 2;
	else if (anchor && strcmp(anchor, "end") == 0)
		x0 -= w;
	if (g->nt == g->capt) {
		g->capt = g->capt ? 2 * g->capt : 64;
		g->t = xrealloc(g->t, g->capt * sizeof(*g->t));
	}
	t = &g->t[g->nt++];
	t->owner = (int)oi;
	t->size = size;
	t->s = s;
	/* DejaVu Sans: ascent about 0.76, descent 0.24 of the size. */
	t->bb.x0 = x0;
	t->bb.x1 = x0 + w;
	t->bb.y0 = (y ? atof(y) : 0) - 0.76 * size;
	t->bb.y1 = (y ? atof(y) : 0) + 0.24 * size;
out:
	free(x);
	free(y);
	free(anchor);
	free(fs);
	free(fw);
	free(st);
}

/* Walks the children of n, adding what belongs to object oi (or finding
 * new objects when oi is (size_t)-1). */
static void
walk(struct svg *g, xmlNodePtr n, size_t oi)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next) {
		const char *name;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		name = (const char *)c->name;
		if (strcmp(name, "g") == 0) {
			char *cls = prop(c, "class");
			int kind = 0;

			if (has_class(cls, "cluster") && has_class(cls, "lane"))
				kind = 'l';
			else if (has_class(cls, "node"))
				kind = 'n';
			else if (has_class(cls, "edge"))
				kind = 'e';
			else if (has_class(cls, "cluster"))
				kind = 'c';
			if (kind) {
				struct obj *o = new_obj(g, kind);
				size_t k = g->no - 1;

				o->cls = cls ? cls : xstrdup("");
				walk(g, c, k);
			} else {
				free(cls);
				walk(g, c, oi);
			}
		} else if (oi == (size_t)-1)
			continue;
		else if (strcmp(name, "title") == 0) {
			char *s = text_of(c);

			if (g->o[oi].title == NULL)
				g->o[oi].title = xstrdup(s);
			ref_add(&g->o[oi], s);
			free(s);
		} else if (strcmp(name, "a") == 0) {
			xmlChar *v = xmlGetNsProp(c, (const xmlChar *)"title",
			    (const xmlChar *)"http://www.w3.org/1999/xlink");

			if (v != NULL)
				ref_add(&g->o[oi], (char *)v);
			xmlFree(v);
			walk(g, c, oi);
		} else if (strcmp(name, "text") == 0)
			add_text(g, oi, c);
		else if (strcmp(name, "polygon") == 0 ||
		    strcmp(name, "polyline") == 0 ||
		    strcmp(name, "path") == 0 || strcmp(name, "ellipse") == 0)
			add_shape(g, oi, c);
		else
			walk(g, c, oi);
	}
}

/* ---- Measuring ---- */

static const char *
name_of(const struct svg *g, int i)
{
	if (i < 0)
		return "?";
	return g->o[i].title ? g->o[i].title : "(untitled)";
}

/* The object an edge's end p meets: a node it touches, else the box
 * whose border it touches, else the nearest node. */
static int
end_object(const struct svg *g, struct pt p)
{
	int best = -1, bestc = -1;
	double bd = 1e300, bc = 1e300;
	size_t i;

	for (i = 0; i < g->no; i++) {
		const struct obj *o = &g->o[i];
		double d;

		if (!box_valid(&o->bb))
			continue;
		if (o->kind == 'n') {
			d = box_dist(&o->bb, p);
			if (d < bd) {
				bd = d;
				best = (int)i;
			}
		} else if (o->kind == 'c' && o->visible) {
			d = border_dist(&o->bb, p);
			if (d < bc) {
				bc = d;
				bestc = (int)i;
			}
		}
	}
	if (bd <= 3 || bestc < 0 || bc > 3)
		return best;
	return bestc;
}

/* Non-zero if object k holds object e (a node inside a box). */
static int
holds(const struct svg *g, int k, int e)
{
	if (e < 0)
		return 0;
	if (k == e)
		return 1;
	return box_inside(&g->o[e].bb, &g->o[k].bb, 1);
}

/* Non-zero if p is near (or in) the end object of an edge that the
 * other edge shares. */
static int
near_shared_end(const struct svg *g, const struct obj *a,
    const struct obj *b, struct pt p)
{
	int i, j;

	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++) {
			int k = a->end[i];

			if (k < 0 || k != b->end[j])
				continue;
			if (g->o[k].kind == 'n' ? box_dist(&g->o[k].bb, p) <= 8 :
			    border_dist(&g->o[k].bb, p) <= 8)
				return 1;
		}
	return 0;
}

/* Examples of problems, printed below the diagram's line of figures. */
static char *examples;
static size_t examples_len;
static FILE *examples_f;

static void
example(int *count, const char *what, const char *a, const char *b)
{
	if ((*count)++ < EXAMPLES)
		fprintf(examples_f, "    %s: %s | %s\n", what, a, b);
}

static int
word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Measures one parsed SVG and prints its line. */
static void
measure(struct svg *g)
{
	size_t i, j, nedges = 0, nnodes = 0, nboxes = 0;
	int cross = 0, thr = 0, thrbox = 0, over = 0, mid = 0;
	int ex_c = 0, ex_t = 0, ex_b = 0, ex_o = 0, ex_m = 0;
	double minsize = 1e300, natural_px, per_edge;
	int is_map = strncmp(g->id, "map_", 4) == 0, bad = 0;
	size_t d;

	examples_f = open_memstream(&examples, &examples_len);
	if (examples_f == NULL) {
		perror("diagcheck");
		exit(2);
	}
	for (i = 0; i < g->no; i++) {
		struct obj *o = &g->o[i];

		if (o->kind == 'n')
			nnodes++;
		else if (o->kind == 'c' && o->visible)
			nboxes++;
		else if (o->kind == 'e' && o->npath >= 2) {
			nedges++;
			o->end[0] = end_object(g, o->path[0]);
			o->end[1] = end_object(g, o->path[o->npath - 1]);
		}
	}
	/* Paths through nodes and boxes. */
	for (i = 0; i < g->no; i++) {
		struct obj *e = &g->o[i];

		if (e->kind != 'e' || e->npath < 2)
			continue;
		for (j = 0; j < g->no; j++) {
			struct obj *n = &g->o[j];
			size_t k;
			int hit = 0;

			if ((n->kind != 'n' && !(n->kind == 'c' && n->visible)) ||
			    !box_valid(&n->bb) || !box_overlap(&e->pbb, &n->bb, 0))
				continue;
			if ((int)j == e->end[0] || (int)j == e->end[1])
				continue;
			if (n->kind == 'c' && (holds(g, (int)j, e->end[0]) ||
			    holds(g, (int)j, e->end[1])))
				continue;
			/* Walk the path in steps of at most 1 pt. */
			for (k = 0; k + 1 < e->npath && !hit; k++) {
				struct pt a = e->path[k], b = e->path[k + 1];
				double l = dist(a, b);
				int steps = (int)ceil(l), s;

				for (s = 0; s <= steps && !hit; s++) {
					double t = steps ? (double)s / steps : 0;
					struct pt p = { a.x + t * (b.x - a.x),
						a.y + t * (b.y - a.y) };

					hit = deep_inside(n, p);
				}
			}
			if (!hit)
				continue;
			if (n->kind == 'n') {
				thr++;
				example(&ex_t, "edge through node",
				    name_of(g, (int)i), name_of(g, (int)j));
			} else {
				thrbox++;
				example(&ex_b, "edge through box",
				    name_of(g, (int)i), name_of(g, (int)j));
			}
		}
	}
	/* Crossings: pairs of edges. */
	for (i = 0; i < g->no; i++) {
		struct obj *a = &g->o[i];

		if (a->kind != 'e' || a->npath < 2)
			continue;
		for (j = i + 1; j < g->no; j++) {
			struct obj *b = &g->o[j];
			size_t p, q;
			int hit = 0;

			if (b->kind != 'e' || b->npath < 2 ||
			    !box_overlap(&a->pbb, &b->pbb, -0.5))
				continue;
			for (p = 0; p + 1 < a->npath && !hit; p++)
				for (q = 0; q + 1 < b->npath && !hit; q++) {
					struct pt x;

					if (seg_cross(a->path[p], a->path[p + 1],
					    b->path[q], b->path[q + 1], &x) &&
					    !near_shared_end(g, a, b, x))
						hit = 1;
				}
			if (hit) {
				cross++;
				example(&ex_c, "crossing", name_of(g, (int)i),
				    name_of(g, (int)j));
			}
		}
	}
	/* Texts. */
	for (i = 0; i < g->nt; i++) {
		struct text *t = &g->t[i];
		struct obj *o = &g->o[t->owner];

		if (t->size < minsize)
			minsize = t->size;
		/* A text crosses the border of its own node or box. */
		if ((o->kind == 'n' || (o->kind == 'c' && o->visible)) &&
		    box_valid(&o->bb) && !box_inside(&t->bb, &o->bb, 1)) {
			over++;
			example(&ex_o, "text crosses its border", t->s,
			    name_of(g, t->owner));
		}
		for (j = i + 1; j < g->nt; j++) {
			struct text *u = &g->t[j];

			if (u->owner != t->owner &&
			    box_overlap(&t->bb, &u->bb, 0.5)) {
				over++;
				example(&ex_o, "texts overlap", t->s, u->s);
			}
		}
		if (o->kind != 'e')
			continue;
		for (j = 0; j < g->no; j++) {
			struct obj *n = &g->o[j];

			if (n->kind == 'n' && box_valid(&n->bb) &&
			    box_overlap(&t->bb, &n->bb, 0.5)) {
				over++;
				example(&ex_o, "edge label on a node", t->s,
				    name_of(g, (int)j));
			} else if (n->kind == 'c' && n->visible &&
			    box_overlap(&t->bb, &n->bb, 0.5) &&
			    !box_inside(&t->bb, &n->bb, -0.5)) {
				over++;
				example(&ex_o, "edge label on a box border",
				    t->s, name_of(g, (int)j));
			}
		}
	}
	/* Mid-word breaks: consecutive lines of one element. */
	for (i = 0; i + 1 < g->nt; i++) {
		struct text *t = &g->t[i], *u = &g->t[i + 1];
		const char *ref = g->o[t->owner].ref;
		const char *lw, *fw, *e;
		char *joined, *spaced;
		size_t ll, fl;

		if (u->owner != t->owner || ref == NULL)
			continue;
		lw = strrchr(t->s, ' ');
		lw = lw ? lw + 1 : t->s;
		ll = strlen(lw);
		for (e = u->s; *e && *e != ' '; e++)
			;
		fw = u->s;
		fl = (size_t)(e - fw);
		if (ll == 0 || fl == 0 || !word_char((unsigned char)lw[ll - 1]) ||
		    !word_char((unsigned char)fw[0]))
			continue;
		joined = xrealloc(NULL, ll + fl + 2);
		spaced = xrealloc(NULL, ll + fl + 2);
		snprintf(joined, ll + fl + 1, "%s%.*s", lw, (int)fl, fw);
		snprintf(spaced, ll + fl + 2, "%s %.*s", lw, (int)fl, fw);
		if (strstr(ref, joined) != NULL && strstr(ref, spaced) == NULL) {
			mid++;
			example(&ex_m, "mid-word break", t->s, u->s);
		}
		free(joined);
		free(spaced);
	}
	natural_px = minsize * g->px_per_unit;
	per_edge = nedges ? (double)cross / nedges : 0;
	printf("%s#%s: edges=%zu nodes=%zu boxes=%zu crossings=%d "
	    "(%.2f/edge) through-nodes=%d through-boxes=%d overlaps=%d "
	    "midword=%d text=%.1fpx", g->file, g->id, nedges, nnodes,
	    nboxes, cross, per_edge, thr, thrbox, over, mid,
	    g->nt ? natural_px : 0);
	if (g->natural_view)
		printf(" natural");
	for (d = 0; d < ndisplays; d++) {
		/* At natural size the figure scrolls: no display shrinks it. */
		double s = g->natural_view ? 1 : displays[d] / g->natural_w;

		printf(" %.1fpx@%.0f", g->nt ? natural_px * (s < 1 ? s : 1) :
		    0, displays[d]);
		if (!g->natural_view && g->nt && natural_px *
		    (s < 1 ? s : 1) < MIN_PX - 0.05)
			bad = 1;
	}
	printf("\n");
	fclose(examples_f);
	fputs(examples, stdout);
	free(examples);
	examples = NULL;
	if (g->natural_view && g->nt && natural_px < MIN_PX - 0.05)
		bad = 1;
	if (thr || thrbox || over || mid || (is_map && per_edge > max_cross))
		bad = 1;
	if (bad && assert_mode) {
		printf("    FAILS the limits (0 through nodes and boxes, 0 "
		    "overlaps, 0 mid-word, %.2f crossings/edge on maps, "
		    "text >= %.0f px)\n", max_cross, MIN_PX);
		failures++;
	}
}

static void
svg_free(struct svg *g)
{
	size_t i;

	for (i = 0; i < g->no; i++) {
		free(g->o[i].title);
		free(g->o[i].ref);
		free(g->o[i].cls);
		free(g->o[i].poly);
		free(g->o[i].path);
	}
	for (i = 0; i < g->nt; i++)
		free(g->t[i].s);
	free(g->o);
	free(g->t);
	free(g->id);
}

/* A length attribute in CSS px ("1030pt", "800px", "800"). */
static double
css_px(const char *v)
{
	double n = v ? atof(v) : 0;

	if (v == NULL)
		return 0;
	if (strstr(v, "pt"))
		return n * 4 / 3;
	if (strstr(v, "mm"))
		return n / 25.4 * 96;
	return n;
}

static void
one_svg(const char *file, xmlNodePtr svg)
{
	struct svg g;
	char *w = prop(svg, "width"), *vb = prop(svg, "viewBox");
	double *v = NULL;
	size_t nv = numbers(vb, &v);
	xmlNodePtr a;

	memset(&g, 0, sizeof(g));
	g.file = file;
	g.id = prop(svg, "id");
	if (g.id == NULL)
		g.id = xstrdup("svg");
	g.natural_w = css_px(w);
	if (g.natural_w <= 0 && nv == 4)
		g.natural_w = v[2] * 4 / 3;
	g.px_per_unit = nv == 4 && v[2] > 0 ? g.natural_w / v[2] : 4.0 / 3;
	for (a = svg->parent; a != NULL && a->type == XML_ELEMENT_NODE;
	    a = a->parent) {
		char *cls = prop(a, "class");

		if (has_class(cls, "diagram-natural"))
			g.natural_view = 1;
		free(cls);
	}
	/* Graphviz's scale() on the graph group scales every size. */
	{
		xmlNodePtr c;

		for (c = svg->children; c; c = c->next) {
			char *tr;

			if (c->type != XML_ELEMENT_NODE ||
			    strcmp((const char *)c->name, "g") != 0)
				continue;
			tr = prop(c, "transform");
			if (tr && strncmp(tr, "scale(", 6) == 0)
				g.px_per_unit *= atof(tr + 6);
			free(tr);
			break;
		}
	}
	walk(&g, svg, (size_t)-1);
	measure(&g);
	svg_free(&g);
	free(w);
	free(vb);
	free(v);
}

static void
find_svgs(const char *file, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "svg") == 0)
			one_svg(file, n);
		else
			find_svgs(file, n->children);
	}
}

int
main(int argc, char **argv)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	int i, nfiles = 0;

	cr = cairo_create(s);
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--assert") == 0)
			assert_mode = 1;
		else if (strcmp(argv[i], "-v") == 0)
			verbose = 1;
		else if (strcmp(argv[i], "--display") == 0 && i + 1 < argc) {
			if (ndisplays < MAXDISP)
				displays[ndisplays++] = atof(argv[++i]);
		} else if (strcmp(argv[i], "--max-crossings") == 0 &&
		    i + 1 < argc)
			max_cross = atof(argv[++i]);
		else {
			xmlDocPtr doc = xmlReadFile(argv[i], NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR |
			    XML_PARSE_NOWARNING);

			nfiles++;
			if (doc == NULL) {
				printf("%s: not well-formed XML\n", argv[i]);
				failures++;
				continue;
			}
			find_svgs(argv[i], xmlDocGetRootElement(doc));
			xmlFreeDoc(doc);
		}
	}
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	cairo_debug_reset_static_data();
	xmlCleanupParser();
	if (nfiles == 0) {
		fprintf(stderr, "usage: diagcheck [--assert] [--display PX]... "
		    "[--max-crossings X] FILE...\n");
		return 2;
	}
	return failures ? 1 : 0;
}
