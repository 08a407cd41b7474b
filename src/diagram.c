/*
 * Diagrams: the public side (diagram.h).  An entity's graph is built by
 * its kind's module, laid out and rendered by the Graphviz core, made
 * ours by the SVG module or printed by the print module.
 */
#include "diagram_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	default:
		break;
	}
}

const char *
diagram_engine(const struct entity *e)
{
	const struct map *mp = (const struct map *)e;

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

	if (!diagram_kind_supported(e->kind))
		return NULL;
	prefix = id_prefix ? xstrdup(id_prefix) :
	    xasprintf("%s_%s", kind_names[e->kind], e->id);
	gv_enter();
	gb_init(&b, m, lang, link_prefix, here, prefix);
	diagram_build(&b, e);
	failed = gb_layout(&b, diagram_engine(e)) != 0 ||
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

/* Lays e out and records it for print (lock taken here); NULL after
 * reporting.  Sets *title (caller frees). */
static struct print_rec *
draw_print(const struct model *m, const struct entity *e, enum lang lang,
    char **title, struct diag_list *dl)
{
	struct print_rec *rec = NULL;
	struct gb b;
	char *prefix = xasprintf("%s_%s", kind_names[e->kind], e->id);
	double w, h;
	int failed;

	gv_enter();
	gb_init(&b, m, lang, NULL, NULL, prefix);
	diagram_build(&b, e);
	gb_set(b.g, "pad", "0");
	failed = gb_layout(&b, diagram_engine(e)) != 0;
	if (!failed) {
		gb_size(&b, &w, &h);
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

int
diagram_render(const struct model *m, const struct entity *e,
    enum diagram_format fmt, const struct diagram_print *p,
    struct buf *out, struct diag_list *dl)
{
	const struct print_rec *cached = NULL;
	struct print_rec *rec;
	const char *ctitle;
	char *title;
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
	if (diagram_cache_print(m, e, p->lang, &cached, &ctitle, dl)) {
		if (cached == NULL)
			return -1;
		rec = (struct print_rec *)cached;
		title = xstrdup(ctitle);
	} else
		rec = draw_print(m, e, p->lang, &title, dl);
	if (rec == NULL) {
		free(title);
		return -1;
	}
	if (fmt == DIAGRAM_PDF)
		rc = print_pdf(rec, p->paper, title, out, &pages);
	else
		rc = print_png(rec, p->paper, p->dpi, out);
	if (cached == NULL)
		print_rec_free(rec);
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

xmlNodePtr
diagram_figure(struct page_ctx *pc, xmlNodePtr figure, const struct entity *e)
{
	struct diagram_opts o;
	xmlNodePtr svg;
	char *base, *prefix;

	if (!diagram_kind_supported(e->kind))
		return NULL;
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
		xmlAddChild(figure, svg);
	}
	free(base);
	free(prefix);
	return svg;
}
