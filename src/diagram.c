/*
 * Diagrams: the public side (diagram.h).  An entity's graph is built by
 * its kind's module, laid out and rendered by the Graphviz core, made
 * ours by the SVG module or printed by the print module.
 */
#include "diagram_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "i18n.h"
#include "page.h"
#include "schema.h"

int
diagram_kind_supported(enum kind kind)
{
	return kind == KIND_MAP || kind == KIND_PATH ||
	    kind == KIND_DECISION || kind == KIND_FLOW;
}

void
diagram_build(struct gb *b, const struct entity *e)
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
	case KIND_SERVICE:
		build_service_next(b, (const struct service *)e);
		break;
	default:
		break;
	}
}

const char *
diagram_engine(const struct gb *b, const struct entity *e)
{
	const struct map *mp = (const struct map *)e;

	if (b->engine != NULL)
		return b->engine;
	if (e->kind == KIND_MAP && mp->layout.pos.line)
		return layout_names[mp->layout.v];
	return "dot";
}

/* Draws e as a finished SVG document; NULL after reporting. */
static xmlDocPtr
draw_svg(const struct model *m, const struct entity *e, enum lang lang,
    const char *link_prefix, const char *here, const char *id_prefix,
    struct diag_list *dl)
{
	struct gb b;
	char *prefix, *data = NULL;
	unsigned len = 0;
	xmlDocPtr doc = NULL;
	int failed;

	/* A service has a diagram on its own page only. */
	if (!diagram_kind_supported(e->kind) && e->kind != KIND_SERVICE)
		return NULL;
	prefix = id_prefix ? xstrdup(id_prefix) :
	    xasprintf("%s_%s", kind_names[e->kind], e->id);
	gv_enter();
	gb_init(&b, m, lang, link_prefix, here, prefix);
	diagram_build(&b, e);
	failed = gb_layout(&b, diagram_engine(&b, e)) != 0 ||
	    gb_render_svg(&b, &data, &len) != 0;
	gb_unlayout(&b);
	gv_report(dl, e, failed);
	if (!failed) {
		doc = svg_finish(&b, data, len);
		if (doc == NULL && dl != NULL)
			diag_error(dl, e->pos, "diagram of %s:%s: Graphviz "
			    "wrote SVG that is not well-formed",
			    kind_names[e->kind], e->id);
	}
	gb_free_data(data);
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

/*
 * Lays e out and records it for print (lock taken here), with the
 * symbols it uses (lg, cleared first); NULL after reporting.  Sets
 * *title (caller frees).
 */
static struct print_rec *
draw_print(const struct model *m, const struct entity *e, enum lang lang,
    char **title, struct legend *lg, struct diag_list *dl)
{
	struct print_rec *rec = NULL;
	struct gb b;
	char *prefix = xasprintf("%s_%s", kind_names[e->kind], e->id);
	double w, h;
	int failed;

	memset(lg, 0, sizeof(*lg));
	gv_enter();
	gb_init(&b, m, lang, NULL, NULL, prefix);
	diagram_build(&b, e);
	gb_set(b.g, "pad", "0");
	failed = gb_layout(&b, diagram_engine(&b, e)) != 0;
	if (!failed) {
		gb_size(&b, &w, &h);
		gb_legend(&b, lg);
		rec = print_rec_new(w, h);
		failed = gb_render_cairo(&b, print_rec_cairo(rec)) != 0;
		failed |= print_rec_end(rec) != 0;
		if (failed) {
			print_rec_free(rec);
			rec = NULL;
		}
	}
	gb_unlayout(&b);
	gv_report(dl, e, failed);
	*title = xstrdup(b.title ? b.title : e->id);
	gb_release(&b);
	gv_leave();
	free(prefix);
	return rec;
}

/*
 * Puts rec on sheets sh as fmt into out; for a PDF that would be tiled
 * on a paper nobody chose, on the larger paper that takes it whole
 * instead.  0, or -1 if cairo failed.
 */
static int
print_sheets(const struct print_rec *rec, enum diagram_format fmt,
    const struct diagram_print *p, const struct sheet *sh, struct buf *out,
    struct print_fit *fit)
{
	size_t at = out->len;
	int to;

	if (fmt == DIAGRAM_PNG)
		return print_png(rec, p->paper, sh, p->dpi, out);
	if (print_pdf(rec, p->paper, sh, out, fit) != 0)
		return -1;
	if (fit->pages == 1 || !p->grow || fit->fits_on < 0)
		return 0;
	to = p->paper >= PAPER_A4 ?
	    PAPER_A4 + 4 - diagram_paper_a(fit->fits_on) : fit->fits_on;
	out->len = at;
	if (print_pdf(rec, to, sh, out, fit) != 0)
		return -1;
	fit->grown = 1;
	return 0;
}

char *
diagram_page_url(const struct model *m, const struct entity *e,
    enum lang lang)
{
	const char *base = m->site.base_url.s;
	char *path, *url;

	if (base == NULL || !diagram_kind_supported(e->kind))
		return NULL;
	path = page_path(e->kind, e->id);
	url = xasprintf("%s%s%s%s", base, base[0] != '\0' &&
	    base[strlen(base) - 1] == '/' ? "" : "/", lang_root(m, lang), path);
	free(path);
	return url;
}

char *
diagram_print_name(const struct model *m, const struct entity *e)
{
	static const enum kind order[] = { KIND_MAP, KIND_PATH,
		KIND_DECISION, KIND_FLOW };
	size_t i;

	for (i = 0; i < sizeof(order) / sizeof(order[0]) &&
	    order[i] != e->kind; i++)
		if (model_find(m, order[i], e->id) != NULL)
			return xasprintf("%s.%s", kind_names[e->kind], e->id);
	return xstrdup(e->id);
}

int
diagram_default_paper(const struct entity *e, int *notes, int *chosen)
{
	const struct map *mp = (const struct map *)e;

	*notes = 0;
	*chosen = 0;
	if (e->kind != KIND_MAP)
		return PAPER_A4;
	*notes = mp->notes.v;
	*chosen = mp->paper.pos.line != 0;
	return *chosen ? (int)mp->paper.v : PAPER_A3;
}

/*
 * Warns that e was tiled, saying what would print it on one sheet, or
 * that it went on a paper larger than A3 (which few offices print) to
 * keep its type legible.
 */
static void
warn_tiled(struct diag_list *dl, const struct entity *e, int paper,
    const struct print_fit *fit)
{
	int map = e->kind == KIND_MAP;
	char alt[128];

	if (fit->grown) {
		if (diagram_paper_a(fit->paper) < 3)
			diag_warning(dl, e->pos, "diagram of %s:%s does not "
			    "fit on one %s page with type of at least %.0f "
			    "pt: printed on %s instead (a larger paper rather "
			    "than a smaller scale; %s)", kind_names[e->kind],
			    e->id, paper_names[paper], PRINT_MIN_PT,
			    paper_names[fit->paper], map ? "choose the map's "
			    "paper to keep it, or to tile it on a smaller one" :
			    "kartta export --paper tiles it on a smaller one");
		return;
	}
	if (fit->fits_on >= 0)
		snprintf(alt, sizeof(alt), "it fits on one %s sheet (%s%s)",
		    paper_names[fit->fits_on], map ? "paper: " : "--paper ",
		    paper_names[fit->fits_on]);
	else
		snprintf(alt, sizeof(alt), "not even A0 takes it on one sheet; "
		    "a smaller diagram would");
	diag_warning(dl, e->pos, "diagram of %s:%s does not fit on one %s "
	    "page with type of at least %.0f pt: printed at that smallest "
	    "scale on %d %s pages (%d across, %d down) with overlaps and "
	    "assembly marks; %s", kind_names[e->kind], e->id,
	    paper_names[paper], PRINT_MIN_PT, fit->pages,
	    paper_names[fit->paper], fit->nx, fit->ny, alt);
}

int
diagram_render(const struct model *m, const struct entity *e,
    enum diagram_format fmt, const struct diagram_print *p,
    struct buf *out, struct diag_list *dl)
{
	const struct print_rec *cached = NULL;
	const struct legend *clg = NULL;
	struct print_rec *rec = NULL;
	struct legend lg;
	struct sheet sh;
	struct print_fit fit;
	const char *ctitle;
	char *title = NULL, *edition, *url;
	int rc;

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
	memset(&lg, 0, sizeof(lg));
	if (diagram_cache_print(m, e, p->lang, &cached, &ctitle, &clg, dl)) {
		if (cached == NULL)
			return -1;
		title = xstrdup(ctitle);
	} else {
		rec = draw_print(m, e, p->lang, &title, &lg, dl);
		if (rec == NULL) {
			free(title);
			legend_free(&lg);
			return -1;
		}
		cached = rec;
		clg = &lg;
	}
	edition = site_edition(&m->site);
	url = diagram_page_url(m, e, p->lang);
	memset(&sh, 0, sizeof(sh));
	sh.lang = p->lang;
	sh.kind = e->kind;
	sh.title = title;
	sh.handbook = text_get(&m->site.title, &m->site, p->lang, NULL);
	sh.region = text_get(&m->site.region, &m->site, p->lang, NULL);
	sh.edition = edition;
	sh.url = url;
	sh.notes = p->notes;
	sh.legend = clg;
	memset(&fit, 0, sizeof(fit));
	rc = print_sheets(cached, fmt, p, &sh, out, &fit);
	if (rc != 0 && dl != NULL)
		diag_error(dl, e->pos, "diagram of %s:%s: cairo could not "
		    "draw it", kind_names[e->kind], e->id);
	else if ((fit.pages > 1 || fit.grown) && dl != NULL)
		warn_tiled(dl, e, p->paper, &fit);
	print_rec_free(rec);
	legend_free(&lg);
	free(title);
	free(edition);
	free(url);
	return rc;
}

int
diagram_pdf_key(const struct model *m, const struct entity *e,
    const struct diagram_print *p, unsigned long long *key,
    struct diag_list *dl)
{
	unsigned long long fp, h = HASH_INIT;
	const char *title;
	char *edition, *url;

	if (!diagram_kind_supported(e->kind) ||
	    !diagram_cache_fingerprint(m, e, p->lang, &fp, &title, dl))
		return 0;
	/* Everything diagram_render gives the sheets, and the drawing. */
	edition = site_edition(&m->site);
	url = diagram_page_url(m, e, p->lang);
	h = hash_str(h, "kartta pdf 1");
	h = hash_num(h, fp);
	h = hash_str(h, title);
	h = hash_str(h, text_get(&m->site.title, &m->site, p->lang, NULL));
	h = hash_str(h, text_get(&m->site.region, &m->site, p->lang, NULL));
	h = hash_str(h, edition);
	h = hash_str(h, url);
	h = hash_num(h, (unsigned long long)e->kind);
	h = hash_num(h, (unsigned long long)p->lang);
	h = hash_num(h, (unsigned long long)p->paper);
	h = hash_num(h, (unsigned long long)p->dpi);
	h = hash_num(h, (unsigned long long)p->svg_paper);
	h = hash_num(h, (unsigned long long)p->notes);
	h = hash_num(h, (unsigned long long)p->grow);
	free(edition);
	free(url);
	*key = h;
	return 1;
}

int
diagram_full_key(const struct model *m, const struct entity *e,
    enum lang lang, unsigned long long *key)
{
	unsigned long long fp, h = HASH_INIT;
	const char *title;
	char *path;

	if (!diagram_cache_fingerprint(m, e, lang, &fp, &title, NULL))
		return 0;
	path = diagram_full_path(e);
	h = hash_str(h, "kartta full-size svg 1");
	h = hash_num(h, fp);
	h = hash_str(h, path);
	h = hash_num(h, (unsigned long long)lang);
	free(path);
	*key = h;
	return 1;
}

/* ---- Diagrams in pages ---- */

char *
diagram_full_path(const struct entity *e)
{
	return xasprintf("%s/%s.svg", kind_dirs[e->kind], e->id);
}

/* The narrowest a figure's drawing gets on a page: a phone's 360 px
 * less the gutters, padding and border (style.css). */
#define NARROWEST_PX 294

/*
 * Non-zero if the drawing svg, at its natural size in points (its width
 * and height), would take its smallest type (FS_MIN points, 4/3 px a
 * point) under 12 CSS px in the narrowest figure: then its figure
 * scrolls and links to the full-size file (keep_type_legible).  *wpt
 * and *hpt get the size.
 */
int
svg_scrolls(xmlNodePtr svg, double *wpt, double *hpt)
{
	xmlChar *w = xmlGetProp(svg, (const xmlChar *)"width");
	xmlChar *h = xmlGetProp(svg, (const xmlChar *)"height");

	*wpt = w ? atof((const char *)w) : 0;
	*hpt = h ? atof((const char *)h) : 0;
	xmlFree(w);
	xmlFree(h);
	return *wpt > 0 && *hpt > 0 && *wpt * 12 / FS_MIN > NARROWEST_PX;
}

int
diagram_full_svg(const struct model *m, const struct entity *e,
    enum lang lang, struct buf *out)
{
	struct diagram_opts o;
	xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr svg;
	double wpt, hpt;

	if (doc == NULL)
		fatal_oom();
	/* Most drawings (the services' next steps) fit their pages: known
	 * without copying the drawing. */
	if (diagram_cache_scrolls(m, e, lang) == 0) {
		xmlFreeDoc(doc);
		return 1;
	}
	/* A file of a kind's folder: every link goes up to the language
	 * root and down again, none is "#" alone (there is no page). */
	memset(&o, 0, sizeof(o));
	o.lang = lang;
	o.link_prefix = "../";
	if (!diagram_cache_svg(m, e, &o, doc, &svg))
		svg = diagram_svg_node(m, e, &o, doc, NULL);
	if (svg == NULL) {
		xmlFreeDoc(doc);
		return -1;
	}
	/* Only a figure that scrolls links here: a drawing that fits its
	 * page needs no file (most of the services' next steps). */
	if (!svg_scrolls(svg, &wpt, &hpt)) {
		xmlFreeNode(svg);
		xmlFreeDoc(doc);
		return 1;
	}
	xmlDocSetRootElement(doc, svg);
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	html_node_serialize(svg, out);
	buf_putc(out, '\n');
	xmlFreeDoc(doc);
	return 0;
}

/*
 * A figure shrinks its drawing to the page's width (style.css), which
 * must never take its smallest type (FS_MIN points, 4/3 px a point at
 * natural size) under 12 CSS px.  A drawing that would is shown at the
 * width where that type is 12 px, with class diagram-natural on the
 * figure: it keeps that width, and the figure scrolls sideways, with a
 * link first to the whole drawing as a file (diagram_full_path) that
 * the browser shows at natural size.  (The print style still fits it
 * to the paper and leaves the link out.)
 */
static void
keep_type_legible(struct page_ctx *pc, xmlNodePtr figure, xmlNodePtr svg,
    const struct entity *e)
{
	double wpt, hpt;
	char num[32];

	if (!svg_scrolls(svg, &wpt, &hpt))
		return;
	snprintf(num, sizeof(num), "%.0fpx", ceil(wpt * 12 / FS_MIN));
	xmlSetProp(svg, (const xmlChar *)"width", (const xmlChar *)num);
	snprintf(num, sizeof(num), "%.0fpx", ceil(hpt * 12 / FS_MIN));
	xmlSetProp(svg, (const xmlChar *)"height", (const xmlChar *)num);
	{
		xmlChar *cls = xmlGetProp(figure, (const xmlChar *)"class");
		char *both = xasprintf("%s diagram-natural",
		    cls ? (const char *)cls : "diagram");

		xmlSetProp(figure, (const xmlChar *)"class",
		    (const xmlChar *)both);
		free(both);
		xmlFree(cls);
	}
	{
		char *path = diagram_full_path(e);
		char *href = xasprintf("%s%s", pc->to_lang_root, path);

		html_link(html_el_class(figure, "p", "diagram-full", NULL),
		    href, ui(pc->lang, UI_DIAGRAM_FULL));
		free(href);
		free(path);
	}
}

/* diagram_figure for any entity with a builder (see gb_build). */
static xmlNodePtr
figure_draw(struct page_ctx *pc, xmlNodePtr figure, const struct entity *e)
{
	struct diagram_opts o;
	xmlNodePtr svg;
	char *base, *prefix;

	/*
	 * map_x, then map_x-2…: the same diagram may be on a page twice.
	 * Claimed among the page's ids (page.h), where no heading can take
	 * one: slugs have no "_".
	 */
	base = xasprintf("%s_%s", kind_names[e->kind], e->id);
	prefix = md_ids_claim(pc->env.ids, base);
	memset(&o, 0, sizeof(o));
	o.lang = pc->lang;
	o.link_prefix = pc->to_lang_root;
	o.here = pc->rel;
	o.id_prefix = prefix;
	if (!diagram_cache_svg(pc->m, e, &o, figure->doc, &svg))
		svg = diagram_svg_node(pc->m, e, &o, figure->doc, NULL);
	if (svg != NULL) {
		xmlChar *cls = xmlGetProp(figure, (const xmlChar *)"class");

		if (cls == NULL)
			xmlSetProp(figure, (const xmlChar *)"class",
			    (const xmlChar *)"diagram");
		xmlFree(cls);
		keep_type_legible(pc, figure, svg, e);
		xmlAddChild(figure, svg);
	}
	free(base);
	free(prefix);
	return svg;
}

xmlNodePtr
diagram_figure(struct page_ctx *pc, xmlNodePtr figure, const struct entity *e)
{
	if (!diagram_kind_supported(e->kind))
		return NULL;
	return figure_draw(pc, figure, e);
}

xmlNodePtr
diagram_next_figure(struct page_ctx *pc, xmlNodePtr figure,
    const struct entity *service)
{
	const struct service *s = (const struct service *)service;

	if (service->kind != KIND_SERVICE ||
	    (s->next.len == 0 && s->previous.len == 0))
		return NULL;
	return figure_draw(pc, figure, service);
}
