#include "toc.h"

#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "util.h"

/* The first <h1> below n, depth first, or NULL. */
static xmlNodePtr
find_h1(xmlNodePtr n)
{
	xmlNodePtr c, h;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "h1") == 0)
			return c;
		if ((h = find_h1(c)) != NULL)
			return h;
	}
	return NULL;
}

/* Whether cls is one of the words of n's class attribute (a status
 * notice is "notice status-notice"). */
static int
has_class(xmlNodePtr n, const char *cls)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)"class");
	size_t len = strlen(cls);
	const char *p = (const char *)v;
	int yes = 0;

	while (p != NULL && *p != '\0' && !yes) {
		size_t w;

		p += strspn(p, " \t\n");
		w = strcspn(p, " \t\n");
		yes = w == len && strncmp(p, cls, len) == 0;
		p += w;
	}
	xmlFree(v);
	return yes;
}

/* Adds cls to the class attribute of n. */
static void
add_class(xmlNodePtr n, const char *cls)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)"class");
	char *all = v != NULL && v[0] ? xasprintf("%s %s", (char *)v, cls) :
	    xstrdup(cls);

	html_attr(n, "class", all);
	free(all);
	xmlFree(v);
}

/* Whether n or an ancestor below main carries a lang attribute. */
static int
inside_lang(xmlNodePtr n, xmlNodePtr main)
{
	for (; n != NULL && n != main; n = n->parent)
		if (xmlHasProp(n, (const xmlChar *)"lang"))
			return 1;
	return 0;
}

static void
toc_link(xmlNodePtr ul, const struct md_heading *h)
{
	char *href = xasprintf("#%s", h->id);
	xmlNodePtr li = html_el(ul, "li", NULL);

	html_link(li, href, h->text);
	free(href);
}

/* Whether n is an element that belongs to the head of a page: what a
 * reader needs before "on this page" (the lead, the audience line, the
 * notice of a made-up persona, the key facts). */
static int
is_head_part(xmlNodePtr n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    (has_class(n, "lead") || has_class(n, "audience") ||
	    has_class(n, "notice") || has_class(n, "facts"));
}

/* Moves the siblings from first up to (not including) stop into a new
 * <div class="cls"> put where first was. */
static void
wrap_run(xmlNodePtr first, xmlNodePtr stop, const char *cls)
{
	xmlNodePtr div, n, next;

	if (first == NULL || first == stop)
		return;
	div = xmlNewDocNode(first->doc, NULL, (const xmlChar *)"div", NULL);
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

void
toc_insert(struct page_ctx *pc, xmlNodePtr main)
{
	const struct md_heading *hs = pc->headings;
	xmlNodePtr h1, after, nav, title, ul, sub = NULL, li = NULL, parent;
	int top = 99;
	size_t i, ntop = 0;

	for (i = 0; i < pc->nheadings; i++)
		if (hs[i].level < top)
			top = hs[i].level;
	for (i = 0; i < pc->nheadings; i++)
		ntop += hs[i].level == top;
	if (ntop < TOC_MIN_HEADINGS || (h1 = find_h1(main)) == NULL)
		return;
	/* After the title and the key facts below it. */
	after = h1;
	while (is_head_part(after->next))
		after = after->next;
	nav = xmlNewDocNode(main->doc, NULL, (const xmlChar *)"nav", NULL);
	if (nav == NULL)
		fatal_oom();
	xmlAddNextSibling(after, nav);
	html_attr(nav, "class", "toc");
	html_attr(nav, "aria-labelledby", "toc-title");
	if (inside_lang(h1, main))
		html_attr(nav, "lang", lang_names[pc->lang]);
	title = html_el_class(nav, "p", "toc-title", ui(pc->lang,
	    UI_ON_THIS_PAGE));
	html_attr(title, "id", "toc-title");
	ul = html_el(nav, "ul", NULL);
	for (i = 0; i < pc->nheadings; i++) {
		if (hs[i].level == top) {
			toc_link(ul, &hs[i]);
			li = ul->last;
			sub = NULL;
		} else if (hs[i].level == top + 1 && li != NULL) {
			if (sub == NULL)
				sub = html_el(li, "ul", NULL);
			toc_link(sub, &hs[i]);
		}
	}
	/*
	 * The head and the body on either side of the list, each in a
	 * <div>, so that the theme can put the list in a column of its own
	 * beside them on wide screens; the reading order stays the same.
	 */
	parent = nav->parent;
	wrap_run(parent->children, nav, "page-head");
	wrap_run(nav->next, NULL, "page-body");
	add_class(parent, "has-toc");
}

static void
pager_link(struct page_ctx *pc, xmlNodePtr ul, const char *cls,
    const char *label, const char *rel, const struct entity *e)
{
	xmlNodePtr li = html_el_class(ul, "li", cls, NULL), a;

	html_el_class(li, "span", "pager-label", label);
	html_text(li, " ");
	a = page_entity_link(pc, li, e);
	html_attr(a, "rel", rel);
}

/*
 * The order previous/next go through: the guides in reading order, the
 * services group by group as the services' page lists them, the paths,
 * the levels of support and the decision guides in their list order.
 * Returns how many, the array (borrowed pointers, caller frees) in *out;
 * 0 for a kind that has no such order.
 */
static size_t
pager_order(const struct model *m, enum kind kind, struct entity ***out)
{
	struct entity **order, **groups;
	size_t n = 0, i, j;

	*out = NULL;
	switch (kind) {
	case KIND_GUIDE:
	case KIND_PATH:
	case KIND_SEGMENT:
	case KIND_DECISION:
		*out = pages_sorted(m, kind);
		return m->set[kind].len;
	case KIND_SERVICE:
		order = xcalloc(m->set[KIND_SERVICE].len + 1, sizeof(*order));
		groups = pages_sorted(m, KIND_GROUP);
		for (i = 0; i < m->set[KIND_GROUP].len; i++) {
			const struct group *g = (const struct group *)groups[i];

			for (j = 0; j < g->services.len &&
			    n < m->set[KIND_SERVICE].len; j++)
				order[n++] = g->services.items[j];
		}
		free(groups);
		*out = order;
		return n;
	default:
		return 0;
	}
}

void
toc_pager(struct page_ctx *pc, xmlNodePtr main, const struct entity *e)
{
	struct entity **order;
	size_t n = pager_order(pc->m, e->kind, &order), i;
	xmlNodePtr nav, ul;
	char *label;

	for (i = 0; i < n && order[i] != e; i++)
		;
	if (n >= 2 && i < n) {
		nav = html_el_class(main, "nav", "pager", NULL);
		if (e->kind == KIND_GUIDE)
			html_attr(nav, "aria-label", ui(pc->lang,
			    UI_GUIDE_PAGER));
		else {
			label = xasprintf(ui(pc->lang, UI_PAGER_OF),
			    kind_label(pc->lang, e->kind, 1));
			html_attr(nav, "aria-label", label);
			free(label);
		}
		ul = html_el(nav, "ul", NULL);
		if (i > 0)
			pager_link(pc, ul, "pager-prev", ui(pc->lang,
			    UI_PREVIOUS), "prev", order[i - 1]);
		if (i + 1 < n)
			pager_link(pc, ul, "pager-next", ui(pc->lang,
			    UI_FOLLOWING), "next", order[i + 1]);
	}
	free(order);
}

/* Whether n is inside an element where headings are not sections of
 * the page (navigation, questions, steps, the A–Ö letters). */
static int
in_widget(xmlNodePtr n, xmlNodePtr main)
{
	for (n = n->parent; n != NULL && n != main; n = n->parent) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "nav") == 0 ||
		    strcmp((const char *)n->name, "li") == 0 ||
		    strcmp((const char *)n->name, "table") == 0 ||
		    has_class(n, "question") || has_class(n, "outcome") ||
		    has_class(n, "atoz-letter"))
			return 1;
	}
	return 0;
}

static void
add_permalink(struct page_ctx *pc, xmlNodePtr h, const xmlChar *id,
    xmlNodePtr main)
{
	xmlNodePtr wrap = xmlNewDocNode(h->doc, NULL, (const xmlChar *)"div",
	    NULL), a;
	xmlChar *text = xmlNodeGetContent(h);
	char *href = xasprintf("#%s", (const char *)id);

	if (wrap == NULL)
		fatal_oom();
	xmlAddPrevSibling(h, wrap);
	html_attr(wrap, "class", "heading");
	xmlUnlinkNode(h);
	xmlAddChild(wrap, h);
	a = html_link(wrap, href, NULL);
	html_attr(a, "class", "permalink");
	/* The name says where it leads; the theme draws the "#". */
	html_el_class(a, "span", "visually-hidden", ui(pc->lang,
	    UI_PERMALINK));
	html_text(a, " ");
	html_el_class(a, "span", "visually-hidden", (const char *)text);
	if (inside_lang(h, main))
		html_attr(a, "lang", lang_names[pc->lang]);
	free(href);
	xmlFree(text);
}

static void
permalinks(struct page_ctx *pc, xmlNodePtr n, xmlNodePtr main)
{
	xmlNodePtr c, next;

	for (c = n->children; c != NULL; c = next) {
		xmlChar *id;

		next = c->next;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (c->name[0] == 'h' && c->name[1] >= '2' &&
		    c->name[1] <= '4' && c->name[2] == '\0' &&
		    (id = xmlGetProp(c, (const xmlChar *)"id")) != NULL) {
			if (!in_widget(c, main))
				add_permalink(pc, c, id, main);
			xmlFree(id);
			continue;
		}
		permalinks(pc, c, main);
	}
}

void
toc_permalinks(struct page_ctx *pc, xmlNodePtr main)
{
	permalinks(pc, main, main);
}
