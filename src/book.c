#include "book.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A4 inside the theme's print margins (style.css @page), in mm; a
 * diagram's page also holds its title, hence the room left. */
#define PORTRAIT_W 174.0
#define PORTRAIT_H 225.0
#define LANDSCAPE_W 261.0
#define LANDSCAPE_H 115.0

static int
is_el(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static int
has_class(xmlNodePtr n, const char *cls)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)"class");
	const char *p;
	size_t len = strlen(cls);
	int yes = 0;

	for (p = v ? (const char *)v : ""; (p = strstr(p, cls)) != NULL;
	    p += len)
		if ((p == (const char *)v || p[-1] == ' ') &&
		    (p[len] == '\0' || p[len] == ' ')) {
			yes = 1;
			break;
		}
	xmlFree(v);
	return yes;
}

static int
is_heading(xmlNodePtr n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' &&
	    n->name[2] == '\0';
}

static xmlNodePtr
first_element(xmlNodePtr n)
{
	for (n = n ? n->children : NULL; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/* The first heading below n, depth first, or NULL. */
static xmlNodePtr
first_heading(xmlNodePtr n)
{
	xmlNodePtr c, h;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_heading(c))
			return c;
		if ((h = first_heading(c)) != NULL)
			return h;
	}
	return NULL;
}

/* The <head> of the page's document. */
static xmlNodePtr
doc_head(xmlDocPtr doc)
{
	xmlNodePtr n;

	for (n = first_element(xmlDocGetRootElement(doc)); n != NULL;
	    n = n->next)
		if (is_el(n, "head"))
			return n;
	return NULL;
}

static void
cover_line(struct page_ctx *pc, xmlNodePtr cover, const char *label,
    const struct text *t, const char *s)
{
	xmlNodePtr p;

	if (t != NULL && t->pos.line == 0)
		return;
	if (t == NULL && s == NULL)
		return;
	p = html_el(cover, "p", NULL);
	html_el_class(p, "span", "print-cover-label", label);
	html_text(p, " ");
	if (t != NULL)
		page_text(pc, p, t);
	else
		html_text(p, s);
}

void
book_cover(struct page_ctx *pc, xmlNodePtr main)
{
	const struct site *site = &pc->m->site;
	xmlNodePtr cover = html_el_class(main, "section", "print-cover", NULL);
	xmlNodePtr head = doc_head(main->doc), link;
	char *edition = site_edition(site);

	html_attr(cover, "aria-label", ui(pc->lang, UI_PRINT_HANDBOOK));
	page_text_el(pc, cover, "h1", NULL, &site->title);
	cover_line(pc, cover, ui(pc->lang, UI_REGION), &site->region, NULL);
	cover_line(pc, cover, ui(pc->lang, UI_PUBLISHER), &site->publisher,
	    NULL);
	cover_line(pc, cover, ui(pc->lang, UI_PRINT_EDITION), NULL, edition);
	html_el_class(cover, "p", "print-cover-note", ui(pc->lang,
	    UI_PRINT_LEAD));
	free(edition);
	if (head != NULL) {
		link = html_el(head, "link", NULL);
		html_attr(link, "rel", "stylesheet");
		html_attr(link, "href", BOOK_CSS_PATH);
	}
}

/*
 * An entry of the table of contents, taken from the heading it links to
 * while that is still in the page: its text and its language, if it
 * has one of its own.
 */
struct book_entry {
	char *text;     /* owned; NULL: none */
	char *lang;     /* owned; NULL: the page's */
	char *id;       /* owned; what it links to */
	int part;       /* a part's (else a chapter's) */
};

static void
add_entry(struct book *bk, xmlNodePtr heading, const xmlChar *id, int part)
{
	struct book_entry *e = array_push(&bk->entries, &bk->nentries,
	    &bk->capentries, sizeof(*e));
	xmlChar *text = xmlNodeGetContent(heading);
	xmlChar *lang = xmlGetProp(heading, (const xmlChar *)"lang");

	e->text = text ? xstrdup((const char *)text) : NULL;
	e->lang = lang ? xstrdup((const char *)lang) : NULL;
	e->id = xstrdup((const char *)id);
	e->part = part;
	xmlFree(lang);
	xmlFree(text);
}

void
book_init(struct book *bk)
{
	memset(bk, 0, sizeof(*bk));
}

static void
book_free(struct book *bk)
{
	size_t i;

	for (i = 0; i < bk->nentries; i++) {
		free(bk->entries[i].text);
		free(bk->entries[i].lang);
		free(bk->entries[i].id);
	}
	free(bk->entries);
	memset(bk, 0, sizeof(*bk));
}

xmlNodePtr
book_chapter(struct page_ctx *pc, struct book *bk, xmlNodePtr main,
    enum kind k)
{
	xmlNodePtr sec = html_el_class(main, "section", "print-chapter", NULL);
	char *id = xasprintf("chapter-%s", kind_dirs[k]);
	xmlNodePtr h = html_el_class(sec, "h2", "chapter-title",
	    kind_label(pc->lang, k, 1));

	html_attr(h, "id", id);
	html_attr(sec, "aria-labelledby", id);
	add_entry(bk, h, (const xmlChar *)id, 0);
	free(id);
	bk->parts = 0;
	return sec;
}

/* A link in the table of contents to the entry's id, its text the
 * heading's (with its language, if it has one of its own). */
static void
contents_link(xmlNodePtr ol, const struct book_entry *e)
{
	xmlNodePtr li = html_el(ol, "li", NULL), a;
	char *href = xasprintf("#%s", e->id);

	a = html_link(li, href, e->text);
	if (e->lang != NULL)
		html_attr(a, "lang", e->lang);
	free(href);
}

/*
 * The table of contents: each chapter, and in it each part that has a
 * title of its own (the chapter of the segmentation guide is one part,
 * titled as the chapter).  Browsers cannot print the page numbers of
 * links (no target-counter()), so it lists what is in the book, in its
 * order, and links to it on screen and in a PDF.  Made from the entries
 * taken as the book was put together: the parts are written out by
 * now.
 */
static void
contents(struct page_ctx *pc, const struct book *bk, xmlNodePtr main)
{
	xmlNodePtr nav, ol, sub = NULL, c, cover = NULL, title;
	size_t i;

	for (c = main->children; c != NULL && cover == NULL; c = c->next)
		if (is_el(c, "section") && has_class(c, "print-cover"))
			cover = c;
	nav = xmlNewDocNode(main->doc, NULL, (const xmlChar *)"nav", NULL);
	if (nav == NULL)
		fatal_oom();
	if (cover != NULL)
		xmlAddNextSibling(cover, nav);
	else
		xmlAddChild(main, nav);
	html_attr(nav, "class", "print-toc");
	html_attr(nav, "aria-labelledby", "print-toc-title");
	title = html_el(nav, "h2", ui(pc->lang, UI_CONTENTS));
	html_attr(title, "id", "print-toc-title");
	ol = html_el(nav, "ol", NULL);
	for (i = 0; i < bk->nentries; i++) {
		const struct book_entry *e = &bk->entries[i];

		if (!e->part) {
			contents_link(ol, e);
			sub = NULL;
			continue;
		}
		if (sub == NULL)
			sub = html_el(ol->last, "ol", NULL);
		contents_link(sub, e);
	}
}

/* The drawing size of a diagram's <svg> from its viewBox, else its
 * width and height; 0 if unknown. */
static int
svg_size(xmlNodePtr svg, double *w, double *h)
{
	xmlChar *vb = xmlGetProp(svg, (const xmlChar *)"viewBox");
	double x, y;
	int ok = vb != NULL && sscanf((const char *)vb, "%lf %lf %lf %lf",
	    &x, &y, w, h) == 4;

	xmlFree(vb);
	if (!ok) {
		xmlChar *ws = xmlGetProp(svg, (const xmlChar *)"width");
		xmlChar *hs = xmlGetProp(svg, (const xmlChar *)"height");

		ok = ws != NULL && hs != NULL &&
		    sscanf((const char *)ws, "%lf", w) == 1 &&
		    sscanf((const char *)hs, "%lf", h) == 1;
		xmlFree(ws);
		xmlFree(hs);
	}
	return ok && *w > 0 && *h > 0;
}

/* Wraps the run of siblings from first to last (inclusive) in a new
 * <div class="cls">. */
static void
wrap(xmlNodePtr first, xmlNodePtr last, const char *cls)
{
	xmlNodePtr div = xmlNewDocNode(first->doc, NULL, (const xmlChar *)"div",
	    NULL), n, next, stop = last->next;

	if (div == NULL)
		fatal_oom();
	xmlAddPrevSibling(first, div);
	html_attr(div, "class", cls);
	for (n = first; n != NULL && n != stop; n = next) {
		next = n->next;
		xmlUnlinkNode(n);
		xmlAddChild(div, n);
	}
}

/* Whether n is a few lines of text: it fits on a diagram's page. */
static int
is_short(xmlNodePtr n)
{
	xmlChar *text = xmlNodeGetContent(n);
	int yes = text != NULL && utf8_count((const char *)text,
	    strlen((const char *)text)) <= 240;

	xmlFree(text);
	return yes;
}

static xmlNodePtr
prev_element(xmlNodePtr n)
{
	for (n = n->prev; n != NULL; n = n->prev)
		if (n->type == XML_ELEMENT_NODE)
			return n;
	return NULL;
}

/*
 * A landscape page that opens a chapter (the wrapper starts the
 * chapter's first part) takes the chapter's title along, which would
 * otherwise stand alone on a page of its own.
 */
static void
pull_chapter_title(xmlNodePtr wrapper)
{
	xmlNodePtr art = wrapper->parent, sec, h, first_part;

	if (!is_el(art, "article") || first_element(art) != wrapper)
		return;
	sec = art->parent;
	if (!is_el(sec, "section") || !has_class(sec, "print-chapter") ||
	    (h = first_element(sec)) == NULL || !is_heading(h))
		return;
	for (first_part = h->next; first_part != NULL &&
	    first_part->type != XML_ELEMENT_NODE; first_part = first_part->next)
		;
	if (first_part != art)
		return;
	xmlUnlinkNode(h);
	if (wrapper->children != NULL)
		xmlAddPrevSibling(wrapper->children, h);
	else
		xmlAddChild(wrapper, h);
}

/*
 * A diagram prints on an A4 page turned the way that draws it larger:
 * a landscape one goes on a landscape page of its own (the theme's
 * named page), with the heading and the few lines before it that
 * introduce it, so that no heading is left alone at the foot of a page.
 */
static void
orient(xmlNodePtr fig, int opens_chapter)
{
	xmlNodePtr svg, first = fig, p;
	double w, h, portrait, landscape;
	int i;

	for (svg = first_element(fig); svg != NULL && !is_el(svg, "svg");
	    svg = svg->next)
		;
	if (svg == NULL || !svg_size(svg, &w, &h))
		return;
	portrait = PORTRAIT_W / w < PORTRAIT_H / h ? PORTRAIT_W / w :
	    PORTRAIT_H / h;
	landscape = LANDSCAPE_W / w < LANDSCAPE_H / h ? LANDSCAPE_W / w :
	    LANDSCAPE_H / h;
	if (landscape <= portrait * 1.05)
		return;
	/* The heading right before it, or before one short paragraph. */
	for (p = prev_element(fig), i = 0; p != NULL && i < 2;
	    p = prev_element(p), i++) {
		if (is_heading(p)) {
			first = p;
			break;
		}
		if (!is_short(p))
			break;
	}
	wrap(first, fig, "print-landscape");
	if (opens_chapter)
		pull_chapter_title(first->parent);
}

/* Each diagram below n; opens_chapter: n is its chapter's first part
 * (the parts before it are written out, their placeholders no elements,
 * so the page's tree cannot tell). */
static void
orient_all(xmlNodePtr n, int opens_chapter)
{
	xmlNodePtr c, next;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(c, "figure") && has_class(c, "diagram"))
			orient(c, opens_chapter);
		else
			orient_all(c, opens_chapter);
	}
}

/* A chapter of one part titled as the chapter: the part's title goes.
 * sec's first part is the only one in it yet. */
static void
drop_repeated_title(xmlNodePtr sec)
{
	xmlNodePtr h = first_element(sec), art, ph;
	xmlChar *a, *b;

	if (!is_el(sec, "section") || !has_class(sec, "print-chapter") ||
	    h == NULL)
		return;
	art = h->next;
	while (art != NULL && art->type != XML_ELEMENT_NODE)
		art = art->next;
	if (!is_el(art, "article") || (ph = first_element(art)) == NULL ||
	    !is_heading(ph))
		return;
	a = xmlNodeGetContent(h);
	b = xmlNodeGetContent(ph);
	if (xmlStrEqual(a, b)) {
		xmlUnlinkNode(ph);
		xmlFreeNode(ph);
	}
	xmlFree(a);
	xmlFree(b);
}

/*
 * What was done over the whole finished page, done as each part is
 * finished, in the same order and with the same effect: a chapter's
 * first part loses a title that repeats the chapter's, then the part's
 * entry in the contents is taken (its title as it is now), then its
 * diagrams are given their pages (which may pull the chapter's title
 * into the first part).
 */
void
book_part(struct book *bk, xmlNodePtr part)
{
	int first = bk->parts++ == 0;
	xmlChar *id;
	xmlNodePtr ph;

	if (first)
		drop_repeated_title(part->parent);
	if (is_el(part, "article") &&
	    (id = xmlGetProp(part, (const xmlChar *)"id")) != NULL) {
		if ((ph = first_heading(part)) != NULL)
			add_entry(bk, ph, id, 1);
		xmlFree(id);
	}
	orient_all(part, first);
}

void
book_finish(struct page_ctx *pc, struct book *bk, xmlNodePtr main)
{
	contents(pc, bk, main);
	book_free(bk);
}

/* s as a CSS string, quotes included. */
static void
css_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\%x ", c);
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

void
book_foot_css(const struct model *m, enum lang lang, struct buf *out)
{
	const char *title = text_get(&m->site.title, &m->site, lang, NULL);
	char *edition = site_edition(&m->site);
	struct buf left = { 0 };

	buf_puts(&left, title ? title : "");
	if (edition != NULL) {
		buf_printf(&left, " · %s %s", ui(lang, UI_PRINT_EDITION),
		    edition);
	}
	buf_putc(&left, '\0');
	buf_puts(out, "@charset \"utf-8\";\n"
	    "/* Written by kartta for print.html: the running foot of every "
	    "printed page\n   but the cover.  The theme's style.css sets how "
	    "it looks. */\n@page {\n\t@bottom-left {\n\t\tcontent: ");
	css_str(out, left.data);
	buf_puts(out, ";\n\t}\n\t@bottom-right {\n\t\tcontent: ");
	css_str(out, ui(lang, UI_PRINT_PAGE));
	buf_puts(out, " \" \" counter(page) \" / \" counter(pages);\n\t}\n}\n"
	    "@page :first {\n\t@bottom-left {\n\t\tcontent: none;\n\t}\n"
	    "\t@bottom-right {\n\t\tcontent: none;\n\t}\n}\n");
	buf_free(&left);
	free(edition);
}
