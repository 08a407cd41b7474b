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
 *   diagram_print.c     the only user of cairo: papers, PDF and PNG pages
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
};

/* ---- diagram.c ---- */

/* Builds the graph of e into b (which must be initialised). */
void diagram_build(struct gb *b, const struct entity *e);
/* The layout engine of e: a map's own, or "dot". */
const char *diagram_engine(const struct entity *e);

/* ---- diagram_cache.c: each diagram laid out once per language ---- */

/*
 * While a build runs: sets *svg to a copy of e's diagram in doc, moved
 * to o's links and id prefix (NULL if e cannot be drawn) and returns 1;
 * returns 0 (nothing set) when nothing is kept or o has no links.
 */
int diagram_cache_svg(const struct model *m, const struct entity *e,
    const struct diagram_opts *o, xmlDocPtr doc, xmlNodePtr *svg);
struct print_rec;
/*
 * While a build runs: sets *rec to the print recording of map e in lang
 * (NULL if it could not be drawn; the cache owns it) and *title, hands
 * what drawing it reported to dl (once), and returns 1; otherwise 0.
 */
int diagram_cache_print(const struct model *m, const struct entity *e,
    enum lang lang, const struct print_rec **rec, const char **title,
    struct diag_list *dl);

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
/* Drops the layout (done by gb_release too). */
void gb_unlayout(struct gb *b);

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

/* ---- The kinds: each builds its graph into an initialised b ---- */

void build_map(struct gb *b, const struct map *mp);
void build_path(struct gb *b, const struct path *p);
void build_decision(struct gb *b, const struct decision *d);
void build_flow(struct gb *b, const struct flow *f);

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

/*
 * r on pages of the paper as a PDF titled title, into out: scaled to
 * fill the space inside the margins but never with type under
 * PRINT_MIN_PT, tiled if it must be.  Sets *pages.  0 or -1.
 */
int print_pdf(const struct print_rec *r, int paper, const char *title,
    struct buf *out, int *pages);
/* r on one page of the paper as a PNG at dpi; 0 or -1. */
int print_png(const struct print_rec *r, int paper, unsigned dpi,
    struct buf *out);

#endif
