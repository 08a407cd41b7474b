/*
 * What the diagram modules share, and nothing outside them uses:
 *
 *   diagram.c           the public API (diagram.h): draws an entity once,
 *                       hands out its SVG and its print pages
 *   diagram_gv.c        the only user of Graphviz: context and lock, the
 *                       graph builder (struct gb), layout and rendering
 *   diagram_label.c     text for HTML-like labels and <title>s
 *   diagram_map.c       the graph of a service map
 *   diagram_path.c      the graph of a client path
 *   diagram_decision.c  the graph of a decision guide
 *   diagram_flow.c      the graph of a client flow
 *   diagram_svg.c       Graphviz's SVG made ours, with libxml2
 *   diagram_legend.c    the words of printed sheets: legend entries by
 *                       the classes the kinds give, page labels
 *   diagram_print.c     the only user of cairo: papers, sheets (title
 *                       block, legend, QR code, tiles), PDF and PNG
 *
 * The kinds' builders see graph objects only as the opaque handles
 * below and touch them only through the gb_ functions, so that Graphviz
 * stays behind one file.
 */
#ifndef KARTTA_DIAGRAM_INT_H
#define KARTTA_DIAGRAM_INT_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "diag.h"
#include "diagram.h"
#include "model.h"
#include "util.h"

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

/* Graph objects, opaque outside diagram_gv.c. */
struct gb_graph;   /* the graph or one of its subgraphs */
struct gb_node;
struct gb_edge;

/* What the SVG's elements say, put in after Graphviz is done. */
struct meta {
	char *gid;   /* owned: the element id given to Graphviz */
	char *title; /* owned: plain text for <title> and the link title */
};

/* A node of an entity, so that each entity is drawn once. */
struct enode {
	char *key;          /* owned: "kind:id" */
	struct gb_node *n;  /* owned by the graph */
};

/* A graph being built from the model, then laid out and rendered. */
struct gb {
	const struct model *m;
	enum lang lang;
	const char *link_prefix;  /* NULL: no links */
	const char *here;         /* page path of the diagram, or NULL */
	char *prefix;             /* owned: id prefix */
	struct gb_graph *g;       /* owned: the root graph */
	struct strmap *byref;     /* owned; keys borrowed from enodes */
	struct enode *enodes;     /* owned */
	size_t nenodes, capenodes;
	struct meta *meta;        /* owned */
	size_t nmeta, capmeta;
	size_t seq;               /* for node and subgraph names */
	char *title;              /* owned: what the diagram shows */
	char *desc;               /* owned: a one-line description */
	void *disc;               /* owned: the graph's disciplines */
	int laid_out;             /* a layout is attached to g */
	const char *engine;       /* static; the layout the builder chose,
	                           * or NULL: the entity's own */
};

/* ---- diagram.c ---- */

/* Builds the graph of e into b (which must be initialised). */
void diagram_build(struct gb *b, const struct entity *e);
struct gb;
/* The layout engine of e: the one its builder chose (b->engine), else a
 * map's own, else "dot". */
const char *diagram_engine(const struct gb *b, const struct entity *e);

/*
 * A hash of everything the finished drawing of b (laid out by engine)
 * is made from: the graph, with each node, edge and subgraph in the
 * order it was made and every attribute, and what svg_finish adds (the
 * id prefix, the title, the description, each element's title).  Two
 * graphs of one hash give the same layout and SVG, so a kept drawing
 * can stand for a new one (diagram_cache.c).  Lock held.
 */
unsigned long long gb_fingerprint(const struct gb *b, const char *engine);

/* ---- diagram_cache.c: each diagram laid out once per language ---- */

/*
 * While a build runs: sets *svg to a copy of e's diagram in doc, moved
 * to o's links and id prefix (NULL if e cannot be drawn) and returns 1;
 * returns 0 (nothing set) when nothing is kept or o has no links.
 */
int diagram_cache_svg(const struct model *m, const struct entity *e,
    const struct diagram_opts *o, xmlDocPtr doc, xmlNodePtr *svg);
struct print_rec;
struct legend;
/*
 * While a build runs: sets *rec to the print recording of e in lang
 * (NULL if it could not be drawn; the cache owns it), *title and *lg
 * (its symbols, owned by the cache), hands what drawing it reported to
 * dl (once), and returns 1; otherwise 0.
 */
int diagram_cache_print(const struct model *m, const struct entity *e,
    enum lang lang, const struct print_rec **rec, const char **title,
    const struct legend **lg, struct diag_list *dl);

/*
 * While a build runs and e in lang could be drawn: sets *fp to the
 * fingerprint of its graph and *title to its title (the cache owns it),
 * hands what drawing it reported to dl (once, as diagram_cache_print
 * does), and returns 1; otherwise 0.  Needs no print recording.
 */
int diagram_cache_fingerprint(const struct model *m, const struct entity *e,
    enum lang lang, unsigned long long *fp, const char **title,
    struct diag_list *dl);

/* While a build runs and e in lang could be drawn: whether its figure
 * scrolls (svg_scrolls), 1 or 0; -1 otherwise. */
int diagram_cache_scrolls(const struct model *m, const struct entity *e,
    enum lang lang);

/* ---- diagram.c ---- */

/*
 * Non-zero if the drawing svg, at its natural size in points (its width
 * and height), would take its smallest type under 12 CSS px in the
 * narrowest figure: then its figure scrolls and links to the full-size
 * file.  *wpt and *hpt get the size.
 */
int svg_scrolls(xmlNodePtr svg, double *wpt, double *hpt);

/* ---- diagram_gv.c: the Graphviz context, one per process ---- */

/* Takes the Graphviz lock (and creates the context on first use); every
 * gb_ function below is called between gv_enter and gv_leave. */
void gv_enter(void);
void gv_leave(void);
/* Reports Graphviz's messages of this call, if any, at e. */
void gv_report(struct diag_list *dl, const struct entity *e, int failed);

/* ---- diagram_gv.c: building graphs ---- */

void gb_init(struct gb *b, const struct model *m, enum lang lang,
    const char *link_prefix, const char *here, const char *prefix);
void gb_release(struct gb *b);

/* Sets an attribute of a graph, node or edge (value copied). */
void gb_set(void *obj, const char *key, const char *value);
void gb_setf(void *obj, const char *key, double v);
/* Sets an HTML-like label attribute from its markup. */
void gb_set_html(struct gb *b, void *obj, const char *key,
    const char *markup);
/* The value of an attribute, or NULL if it was never declared. */
const char *gb_get(void *obj, const char *key);
/* The name Graphviz knows obj by. */
const char *gb_name_of(void *obj);

/* Returns a fresh name for a node or subgraph: n1, n2… (caller frees). */
char *gb_name(struct gb *b, const char *stem);
/* Records what element gid says; returns the id given to Graphviz. */
const char *gb_meta(struct gb *b, const char *suffix, const char *title);
/* Links (NULL when the diagram has none); callers free. */
char *gb_url(const struct gb *b, const char *path, const char *frag);
char *entity_url(const struct gb *b, const struct entity *e,
    const char *frag);

/*
 * Creates a node in sub with an HTML label, id prefix_suffix, a class
 * and a link (url may be NULL); title is its plain text.
 */
struct gb_node *gb_node(struct gb *b, struct gb_graph *sub,
    const char *suffix, const char *cls, const char *markup,
    const char *title, const char *url);
/* An unlabelled, invisible node in sub, named after stem. */
struct gb_node *gb_blank(struct gb *b, struct gb_graph *sub,
    const char *stem);
/* The node of an entity, if already drawn; remember it once drawn. */
struct gb_node *gb_find(struct gb *b, const struct entity *e);
void gb_remember(struct gb *b, const struct entity *e, struct gb_node *n);
/* An edge with an id, a class, an optional label and a title. */
struct gb_edge *gb_edge(struct gb *b, struct gb_node *from,
    struct gb_node *to, const char *suffix, const char *cls,
    const char *label, const char *title);
/* Takes edge e out of the graph again. */
void gb_delete_edge(struct gb *b, struct gb_edge *e);
/* An invisible edge that only ranks to after from. */
void gb_rank_after(struct gb *b, struct gb_node *from, struct gb_node *to);
/* A cluster with a label, an id, a class and an optional link. */
struct gb_graph *gb_cluster(struct gb *b, const char *suffix,
    const char *cls, const char *markup, const char *title,
    const char *url);
/* The subgraph name of parent, created if new. */
struct gb_graph *gb_subgraph(struct gb_graph *parent, const char *name);
/* Puts n into sub as well. */
void gb_subnode(struct gb_graph *sub, struct gb_node *n);
/* The nodes of sub, in order. */
struct gb_node *gb_first_node(struct gb_graph *sub);
struct gb_node *gb_next_node(struct gb_graph *sub, struct gb_node *n);
/* Graph-wide defaults: type, colours, margins. */
void gb_defaults(struct gb *b, const char *rankdir);

/* The text of t in the diagram's language, or dflt. */
const char *text_or(const struct gb *b, const struct text *t,
    const char *dflt);
const char *title_of(const struct gb *b, const struct entity *e);

/* ---- diagram_gv.c: layout and rendering (lock held) ---- */

/* Lays g out with engine ("dot", "neato"…); 0 or -1. */
int gb_layout(struct gb *b, const char *engine);
/* The laid-out drawing's size in points. */
void gb_size(const struct gb *b, double *w, double *h);
/* Renders the layout as SVG into *svg (free with gb_free_data). */
int gb_render_svg(struct gb *b, char **svg, unsigned *len);
void gb_free_data(char *data);
/* Renders the layout with Graphviz's cairo renderer on cr (a cairo_t *
 * whose origin is the drawing's top left); 0 or -1. */
int gb_render_cairo(struct gb *b, void *cr);
/* A laid-out node's width and height in points. */
void gb_node_size(struct gb_node *n, double *w, double *h);
/* Drops the layout (done by gb_release too). */
void gb_unlayout(struct gb *b);

/* ---- Legends: the symbols a laid-out drawing uses ---- */

enum legend_what { LEGEND_NODE, LEGEND_EDGE, LEGEND_BOX };

/* Where a symbol is drawn: points from the drawing's top left, y down. */
struct legend_box {
	double x0, y0, x1, y1;
};

/* One symbol: all objects of one class, drawn alike. */
struct legend_item {
	enum legend_what what;    /* a node, an edge or a cluster's box */
	char *cls;                /* owned: the class ("service", "next") */
	char *shape;              /* owned: Graphviz shape ("box" for boxes) */
	char *style;              /* owned: "rounded,filled", "dashed"… */
	char *fill;               /* owned: fill colour, "#rrggbb" or a name */
	char *color;              /* owned: line colour */
	double penwidth;          /* line width in points */
	int peripheries;          /* 2: a double border */
	int arrows;               /* edges: 0 none, 1 forward, 2 both ends */
	int varied;               /* its objects differ in colour */
	struct legend_box *boxes; /* owned: every place it is drawn */
	size_t nboxes, capboxes;
};

/* The symbols of one drawing, in the order first met. */
struct legend {
	struct legend_item *items; /* owned */
	size_t n, cap;
};

/* Fills lg (cleared first) from the laid-out graph: its nodes, edges
 * and clusters that have a class.  Lock held. */
void gb_legend(struct gb *b, struct legend *lg);
void legend_free(struct legend *lg);

/* ---- diagram_label.c: text ---- */

/* s as plain text XML can carry, white space runs one space (caller
 * frees). */
char *lbl_plain(const char *s);
/* Appends s as HTML-label text wrapped at about width code points a
 * line (0: never), with <BR/> between lines. */
void lbl_text(struct buf *b, const char *s, size_t width);
/* Appends <FONT POINT-SIZE="size">text</FONT>, optionally bold/italic. */
void lbl_font(struct buf *b, const char *text, size_t width, double size,
    int bold, int italic);

/* Sets e's label to text at size, kept clear pt off the line: dot
 * runs an edge along its label's left side, so a label as drawn would
 * start on the line's middle (on half a thick line). */
void lbl_edge(struct gb *b, void *e, const char *text, size_t width,
    double size, double clear);

/* ---- The kinds: each builds its graph into an initialised b ---- */

void build_map(struct gb *b, const struct map *mp);
void build_path(struct gb *b, const struct path *p);
void build_decision(struct gb *b, const struct decision *d);
void build_flow(struct gb *b, const struct flow *f);
/* A service page's diagram of where its clients come from and go. */
void build_service_next(struct gb *b, const struct service *s);

/* ---- diagram_svg.c ---- */

/*
 * Parses Graphviz's SVG and makes it ours: real titles and tooltips,
 * role="img" with a <title> and <desc>, no comments.  Returns the
 * document (caller frees) or NULL.
 */
xmlDocPtr svg_finish(const struct gb *b, const char *data, unsigned len);
/* A standalone SVG file: an XML declaration, then the svg element,
 * sized as the paper if p->svg_paper. */
void svg_write(xmlDocPtr doc, const struct diagram_print *p,
    struct buf *out);

/* ---- diagram_legend.c: the words of sheets ---- */

/*
 * What a symbol means in a legend, in lang, for a diagram of kind:
 * NULL for classes a legend does not explain (helpers, unknown
 * classes).
 */
const char *legend_label(enum lang lang, enum kind kind,
    enum legend_what what, const char *cls);
/* Words of the sheet's frame. */
enum sheet_word { SW_EDITION, SW_PAGE, SW_PAGE_TILE, SW_NOTES,
	SW_LEGEND, SW_WEB };
/* The word in lang; SW_PAGE_TILE is a printf format of four %d: page,
 * pages, row, column. */
const char *sheet_word(enum lang lang, enum sheet_word w);

/* ---- diagram_print.c ---- */

/* A drawing recorded in points, (0,0) at its top left, to be printed. */
struct print_rec;

/* A recording w x h points large (caller frees). */
struct print_rec *print_rec_new(double w, double h);
/*
 * The cairo_t * to draw the recording with.  Graphviz's cairo renderer
 * finishes the surface it draws on, so this draws on a subsurface of
 * the recording, whose finish only lets go of it.
 */
void *print_rec_cairo(struct print_rec *r);
/* Ends the drawing; 0, or -1 if cairo failed. */
int print_rec_end(struct print_rec *r);
void print_rec_free(struct print_rec *r);

/* What every printed page says beside the drawing; borrowed strings. */
struct sheet {
	enum lang lang;          /* of the sheet's words */
	enum kind kind;          /* the diagram's kind, for the legend */
	const char *title;       /* the diagram's title */
	const char *handbook;    /* the handbook's title */
	const char *region;      /* the handbook's region, or NULL */
	const char *edition;     /* the edition, or NULL */
	const char *url;         /* the diagram's web page, or NULL */
	int notes;               /* keep a blank margin for sticky notes */
	const struct legend *legend; /* the drawing's symbols */
};

/* How a drawing was put on paper. */
struct print_fit {
	int paper;               /* the paper used: never a bare size */
	int pages, nx, ny;       /* pages, across and down */
	double scale;            /* of the drawing */
	int fits_on;             /* tiled: the smallest larger paper (in
	                          * the drawing's orientation) where one
	                          * page keeps type legible, or -1 */
	int grown;               /* set by the caller: printed on fits_on
	                          * instead of the paper asked for */
};

/*
 * r on sheets of the paper as a PDF, into out: each page has the
 * title block (title, handbook, region, edition, legend, URL and QR
 * code) and, with notes, a blank margin; the drawing is scaled to fill
 * the rest but never with type under PRINT_MIN_PT, else tiled with
 * overlaps, page labels and assembly marks.  A bare size (PAPER_A3)
 * takes the orientation that prints the drawing best.  Sets *fit.
 * 0 or -1.
 */
int print_pdf(const struct print_rec *r, int paper, const struct sheet *sh,
    struct buf *out, struct print_fit *fit);
/* r on one sheet of the paper (scaled to fit, never tiled) as a PNG at
 * dpi; 0 or -1. */
int print_png(const struct print_rec *r, int paper, const struct sheet *sh,
    unsigned dpi, struct buf *out);

#endif
