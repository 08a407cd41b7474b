/*
 * Diagrams, drawn in-process with Graphviz (cgraph + gvc) and, for
 * print, cairo: the service map of a map, the lanes of a client path and
 * the flowchart of a decision guide.  Only the diagram modules talk to
 * Graphviz (diagram_gv.c) and cairo (diagram_print.c); diagram_int.h
 * says which does what.
 *
 * Graphs are built with the cgraph API, never from DOT source.  Every
 * text of the content reaches Graphviz only inside an HTML-like label
 * made of XML-escaped text with every backslash doubled, which is the
 * one route on which Graphviz shows a text exactly as written (plain
 * labels decode entities and expand \N, \G, \L, \n; tooltips are
 * unescaped twice).  Node names, ids, classes, URLs and tooltips given
 * to Graphviz are made only of ids ([a-z0-9-]) and fixed words; the
 * human titles and tooltips are put into the SVG afterwards, through
 * libxml2, so they are escaped by construction.
 *
 * The same model gives byte-identical SVG, PDF and PNG: graphs are built
 * in model order, layouts that use randomness get a fixed seed, the
 * comments Graphviz writes (its version) are dropped and the PDF carries
 * no date unless SOURCE_DATE_EPOCH asks for one.
 *
 * Graphviz is not thread-safe: calls are serialised on one lock, so
 * renderers may still run in parallel.  diagram_cleanup() releases the
 * Graphviz context when the process is done with diagrams.
 */
#ifndef KARTTA_DIAGRAM_H
#define KARTTA_DIAGRAM_H

#include <libxml/tree.h>

#include "diag.h"
#include "model.h"
#include "util.h"

enum diagram_format {
	DIAGRAM_SVG,
	DIAGRAM_PDF,
	DIAGRAM_PNG,
};

/* How a diagram for a web page is drawn. */
struct diagram_opts {
	enum lang lang;         /* language of the labels */
	/*
	 * Prepended to page paths from the language root
	 * ("services/x.html") to make the links of the nodes: the page's
	 * "../" per folder level, or "" at the language root.  NULL draws
	 * no links.
	 */
	const char *link_prefix;
	/* The path of the page that will hold the diagram, from the
	 * language root, or NULL: links into that page become "#…". */
	const char *here;
	/* Prefix of every id in the SVG, unique within its page; made of
	 * [a-z0-9_-].  NULL: "<kind>_<id>". */
	const char *id_prefix;
};

/* What a printable diagram looks like. */
struct diagram_print {
	enum lang lang;         /* language of the labels */
	int paper;              /* enum paper (schema.h); a bare size
	                         * (PAPER_A3) follows the drawing */
	unsigned dpi;           /* PNG only: pixels per inch, e.g. 150 */
	int svg_paper;          /* SVG only: size the SVG as the paper */
	int notes;              /* PDF, PNG: a blank margin for notes */
	int grow;               /* PDF: nobody chose the paper: a larger
	                         * one rather than tiles */
};

/*
 * While a build runs: sets *key to a hash of everything the PDF that
 * diagram_render would make of e with p depends on (the fingerprint of
 * its drawing's graph, the sheet's texts, edition and URL, the paper),
 * hands what laying e out reported to dl (once; diagram_render then
 * reports only the sheets' own problems) and returns 1; 0 when nothing
 * is kept or e cannot be drawn.  A PDF made earlier under the same key
 * is the PDF diagram_render would make now (build.c reuses it).
 */
int diagram_pdf_key(const struct model *m, const struct entity *e,
    const struct diagram_print *p, unsigned long long *key,
    struct diag_list *dl);

/* The same for the full-size SVG of e in lang (diagram_full_svg): a
 * hash of its drawing's fingerprint and its path. */
int diagram_full_key(const struct model *m, const struct entity *e,
    enum lang lang, unsigned long long *key);

/* Non-zero if entities of kind can be drawn: map, path, decision, flow. */
int diagram_kind_supported(enum kind kind);

/*
 * Draws e for a web page: returns a new <svg> element of doc, not yet
 * linked anywhere (the caller links or frees it), with role="img", a
 * <title> and a <desc> the svg is labelled and described by, links on
 * its nodes built from ids alone, and ids that all start with the id
 * prefix.  Returns NULL, after reporting to dl (which may be NULL) at
 * the entity's position, if e cannot be drawn.
 */
xmlNodePtr diagram_svg_node(const struct model *m, const struct entity *e,
    const struct diagram_opts *o, xmlDocPtr doc, struct diag_list *dl);

/*
 * Draws e as a standalone file of format fmt into out (appended).  PDF:
 * sheets of exactly the chosen paper (a bare size in the orientation
 * that prints the drawing largest), with margins and a title block
 * (the diagram's title, the handbook's title and region, the edition, a
 * legend of the symbols on the page, the web page's address and QR code
 * when site.yaml has base_url), the diagram scaled to fill the rest but
 * never with type under 8 pt at print size: a diagram too large for that
 * is tiled over several pages of the same size, each with its part of
 * the whole, overlaps, "page 2/4 (row 1, column 2)" and assembly marks,
 * and a warning that names a paper that takes it on one sheet.  PNG:
 * one sheet of the paper at p->dpi, the diagram scaled to fit.  SVG:
 * the diagram's own size, or the paper's when p->svg_paper is set; no
 * links (a file has no pages beside it).  Returns 0 on success; -1
 * after reporting to dl.
 */
int diagram_render(const struct model *m, const struct entity *e,
    enum diagram_format fmt, const struct diagram_print *p,
    struct buf *out, struct diag_list *dl);

struct page_ctx;

/*
 * The whole drawing of e at its natural size, as a file of its own:
 * <kind's folder>/<id>.svg below the language root, beside e's page,
 * with its links from there.  A figure too wide for its page links to
 * it ("open full size"), which needs no script.  diagram_full_path is
 * that path (caller frees); diagram_full_svg appends the file to out
 * and returns 0; returns 1, appending nothing, if the drawing fits its
 * page (no figure links to a file then), or -1 if e has no drawing
 * (reported by its pages).
 */
char *diagram_full_path(const struct entity *e);
int diagram_full_svg(const struct model *m, const struct entity *e,
    enum lang lang, struct buf *out);

/*
 * Draws e into figure, a <figure> of the page being built in pc: the
 * figure gets class="diagram" and the <svg>, whose links are relative
 * to the page and whose ids are unique in it.  Returns the <svg>, or
 * NULL (figure untouched) if e cannot be drawn.
 */
xmlNodePtr diagram_figure(struct page_ctx *pc, xmlNodePtr figure,
    const struct entity *e);

/*
 * A build draws each diagram once per language: between
 * diagram_cache_begin and diagram_cache_end, the first page, print part
 * or PDF that needs a diagram lays it out, and the others reuse that
 * (diagram_cache.c).  Call both from one thread, around the rendering.
 */
void diagram_cache_begin(const char *prev_out, const char *tool);
void diagram_cache_end(void);
/*
 * With prev_out (the previous output, or NULL) and tool (this kartta's
 * cache_tool_key, or NULL: nothing kept is read) diagram_cache_begin
 * reads the drawings it kept; a graph the same as a kept one's takes
 * that drawing instead of being laid out again.  diagram_cache_save
 * keeps this build's drawings in stage for the next build (0, or -1:
 * then the next one lays everything out).
 */
int diagram_cache_save(const char *stage);
/* Lays e out for lang now, if it was not yet (between begin and end),
 * so that processes forked afterwards share the drawing. */
void diagram_cache_draw(const struct model *m, const struct entity *e,
    enum lang lang);

/*
 * Reports to dl what drawing e in lang gives (errors and Graphviz's
 * warnings; once per build), without drawing it again if a page already
 * did.  Returns 0 if e can be drawn, -1 if not.
 */
int diagram_check(const struct model *m, const struct entity *e,
    enum lang lang, struct diag_list *dl);

/* The absolute URL of e's web page in lang, from site.yaml's base_url;
 * NULL without one (caller frees). */
char *diagram_page_url(const struct model *m, const struct entity *e,
    enum lang lang);

/*
 * The name of e's sheet in print/, without ".pdf": its id, or
 * "<kind>.<id>" when a map, path, decision or flow before it in that
 * order has the same id (ids are unique only within a kind).  Caller
 * frees.
 */
char *diagram_print_name(const struct model *m, const struct entity *e);
/* The paper e is printed on unless the command line chooses: a map's
 * paper (A3 in its drawing's orientation if it has none), else A4 so;
 * *notes gets a map's notes key, *chosen whether the paper is the
 * content's choice. */
int diagram_default_paper(const struct entity *e, int *notes,
    int *chosen);
/* The A number of a paper: 4 for A4… */
int diagram_paper_a(int paper);

/*
 * Draws the "from here" diagram of a service page into figure, as
 * diagram_figure does: the services that lead to service, the service,
 * and its typical next steps, each linked.  Returns the <svg>, or NULL
 * (figure untouched) if service has neither.
 */
xmlNodePtr diagram_next_figure(struct page_ctx *pc, xmlNodePtr figure,
    const struct entity *service);

/*
 * The groups of map mp in the order its diagram numbers them (their
 * order, then as listed): the page's list of groups uses the same
 * numbers, as the legend of the badges.  Sets *n; caller frees the
 * array (not the groups).
 */
const struct group **diagram_map_groups(const struct model *m,
    const struct map *mp, size_t *n);

/* Width and height of a paper (enum paper) in PostScript points; a bare
 * size (PAPER_A3) is measured as landscape. */
void diagram_paper_size(int paper, double *w, double *h);

/*
 * Releases the Graphviz context, for leak checks: call it once, when the
 * process is done with diagrams.  Drawing again afterwards would create
 * a new context, but Graphviz 2.43's pango plugin keeps a pointer into
 * the old one's font table (a use after free), so don't.
 */
void diagram_cleanup(void);

/*
 * make bench only: with KARTTA_BENCH_GV set, prints this process's
 * number of layouts and their CPU time to standard error (diagram_cleanup
 * does it too).  See diagram_gv.c.
 */
void diagram_stats_print(void);

#endif
