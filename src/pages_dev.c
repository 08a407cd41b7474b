/*
 * Areas, development themes and model cards, and what the service and
 * actor pages show of them (pages_dev.h).  Like pages.c, each function
 * reads the model and fills a page; nothing is kept between pages.
 */
#include "pages_dev.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"
#include "review.h"
#include "schema.h"
#include "util.h"

/* A <dl> row: term and a fresh <dd> to fill. */
static xmlNodePtr
fact(xmlNodePtr dl, const char *term)
{
	html_el(dl, "dt", term);
	return html_el(dl, "dd", NULL);
}

/* A Markdown text under a heading of its own; nothing if absent. */
static void
md_block(struct page_ctx *pc, xmlNodePtr parent, const char *heading,
    const struct text *t)
{
	if (t->pos.line == 0)
		return;
	page_md(pc, page_section(pc, parent, heading, NULL), t, 2);
}

/* Removes an element that was left empty. */
static void
drop_if_empty(xmlNodePtr n)
{
	if (n != NULL && n->children == NULL) {
		xmlUnlinkNode(n);
		xmlFreeNode(n);
	}
}

void
dev_ref_fact(struct page_ctx *pc, xmlNodePtr dl, const char *term,
    const struct list *refs)
{
	xmlNodePtr dd = NULL;
	size_t i, n = 0;

	for (i = 0; i < refs->len; i++) {
		const struct ref *r = &((const struct ref *)refs->items)[i];

		if (r->target == NULL)
			continue;
		if (dd == NULL)
			dd = fact(dl, term);
		if (n++ > 0)
			html_text(dd, ", ");
		page_entity_link(pc, dd, r->target);
	}
}

/* ---- Where things apply ---- */

/* Appends e to out unless it is there already. */
static void
links_add_once(struct links *out, struct entity *e)
{
	size_t i;

	for (i = 0; i < out->len; i++)
		if (out->items[i] == e)
			return;
	links_add(out, e);
}

/*
 * Appends the actor's own areas, else its parents', nearest first, to
 * out; returns how many it found (0: it works throughout the region).
 */
static size_t
actor_areas(const struct actor *a, struct links *out, int depth)
{
	size_t i, found = 0;

	for (i = 0; i < a->areas.len; i++) {
		struct entity *t = ((struct ref *)a->areas.items)[i].target;

		if (t != NULL) {
			links_add_once(out, t);
			found++;
		}
	}
	/* part_of never loops in a model that resolved without errors;
	 * the bound is for one that did not. */
	if (found > 0 || depth >= 32)
		return found;
	for (i = 0; i < a->part_of.len; i++) {
		const struct entity *p = ((struct ref *)a->part_of.items)[i]
		    .target;

		if (p != NULL)
			found += actor_areas((const struct actor *)p, out,
			    depth + 1);
	}
	return found;
}

void
dev_service_areas(const struct model *m, const struct service *s,
    struct links *out)
{
	struct links found = { 0 };
	size_t i;

	(void)m;
	for (i = 0; i < s->areas.len; i++) {
		struct entity *t = ((struct ref *)s->areas.items)[i].target;

		if (t != NULL)
			links_add_once(out, t);
	}
	if (s->areas.len > 0)
		return;
	/* Offered where its providers work: if one of them works
	 * throughout the region, so is the service. */
	for (i = 0; i < s->providers.len; i++) {
		const struct entity *p = ((struct ref *)s->providers.items)[i]
		    .target;

		if (p != NULL && actor_areas((const struct actor *)p, &found,
		    0) == 0) {
			free(found.items);
			return;
		}
	}
	for (i = 0; i < found.len; i++)
		links_add_once(out, found.items[i]);
	free(found.items);
}

/*
 * Marks in mark[] (one byte per area, by index) a and every area it is
 * part of (up: via part_of) or every area within it (down: via parts),
 * with an explicit stack.
 */
static void
area_closure(const struct model *m, const struct area *a, int up,
    unsigned char *mark)
{
	size_t n = m->set[KIND_AREA].len, top = 0, i;
	const struct area **stack = xcalloc(n + 1, sizeof(*stack));

	mark[a->e.index] = 1;
	stack[top++] = a;
	while (top > 0) {
		const struct area *x = stack[--top];

		if (up) {
			for (i = 0; i < x->part_of.len; i++) {
				const struct entity *p = ((struct ref *)
				    x->part_of.items)[i].target;

				if (p != NULL && !mark[p->index]) {
					mark[p->index] = 1;
					stack[top++] = (const struct area *)p;
				}
			}
		} else
			for (i = 0; i < x->parts.len; i++) {
				const struct entity *p = x->parts.items[i];

				if (!mark[p->index]) {
					mark[p->index] = 1;
					stack[top++] = (const struct area *)p;
				}
			}
	}
	free(stack);
}

/* Whether any of the areas in l is marked. */
static int
any_marked(const struct links *l, const unsigned char *mark)
{
	size_t i;

	for (i = 0; i < l->len; i++)
		if (mark[l->items[i]->index])
			return 1;
	return 0;
}

void
dev_mark_service_item(struct page_ctx *pc, xmlNodePtr li,
    const struct service *s)
{
	struct links areas = { 0 };
	struct buf b = { 0 };
	size_t i;

	if (pc->m->set[KIND_AREA].len == 0)
		return;
	dev_service_areas(pc->m, s, &areas);
	for (i = 0; i < areas.len; i++)
		buf_printf(&b, "%s%s", i ? " " : "", areas.items[i]->id);
	if (b.len > 0)
		html_attr(li, "data-areas", b.data);
	buf_free(&b);
	free(areas.items);
}

void
dev_area_filter(struct page_ctx *pc, xmlNodePtr main)
{
	const struct model *m = pc->m;
	const struct entity_set *set = &m->set[KIND_AREA];
	unsigned char *mark;
	xmlNodePtr nav, ul = NULL, li;
	size_t i, j, n = 0;

	mark = xcalloc(set->len + 1, 1);
	nav = html_el_class(main, "nav", "area-filter", NULL);
	html_attr(nav, "aria-labelledby", "area-filter-heading");
	html_attr(html_el(nav, "h2", ui(pc->lang, UI_FILTER_HEADING)), "id",
	    "area-filter-heading");
	for (i = 0; i < set->len; i++) {
		const struct area *a = (const struct area *)set->items[i];
		struct buf within = { 0 };

		if (a->kind.v != AREA_MUNICIPALITY)
			continue;
		if (ul == NULL) {
			html_el_class(nav, "p", "area-filter-lead",
			    ui(pc->lang, UI_FILTER_LEAD));
			ul = html_el_class(nav, "ul", "area-links", NULL);
		}
		li = html_el(ul, "li", NULL);
		page_entity_link(pc, li, &a->e);
		/* For filter.js: the municipality and every area it is
		 * part of, which a service's areas are matched against. */
		memset(mark, 0, set->len);
		area_closure(m, a, 1, mark);
		for (j = 0; j < set->len; j++)
			if (mark[j])
				buf_printf(&within, "%s%s", within.len ? " " : "",
				    set->items[j]->id);
		html_attr(li, "data-area", a->e.id);
		html_attr(li, "data-within", within.data);
		buf_free(&within);
		n++;
	}
	free(mark);
	if (n == 0) {
		xmlUnlinkNode(nav);
		xmlFreeNode(nav);
		return;
	}
	/* The words filter.js shows, in the page's language. */
	html_attr(nav, "data-label", ui(pc->lang, UI_FILTER_LABEL));
	html_attr(nav, "data-all", ui(pc->lang, UI_FILTER_ALL));
	html_attr(nav, "data-shown", ui(pc->lang, UI_FILTER_SHOWN));
	page_add_script(pc, "filter.js");
}

/*
 * The services offered in area a, grouped as in the list: those offered
 * throughout it (their areas include a or an area a is part of, or they
 * are offered everywhere), then those offered only in some area within
 * it.  A section is made only when it has something, so that "on this
 * page" lists only what is there.
 */
static void
area_services(struct page_ctx *pc, xmlNodePtr main, const struct area *a)
{
	const struct model *m = pc->m;
	size_t na = m->set[KIND_AREA].len, ns = m->set[KIND_SERVICE].len;
	unsigned char *up = xcalloc(na + 1, 1), *down = xcalloc(na + 1, 1);
	unsigned char *where = xcalloc(ns + 1, 1); /* 1 whole, 2 part */
	struct entity **groups = pages_sorted(m, KIND_GROUP);
	static const enum ui_key heads[3] = { UI_COUNT, UI_AREA_SERVICES,
		UI_AREA_SERVICES_PART };
	size_t count[3] = { 0, 0, 0 }, i, j;
	unsigned k;

	area_closure(m, a, 1, up);
	area_closure(m, a, 0, down);
	down[a->e.index] = 0;
	for (i = 0; i < ns; i++) {
		const struct service *s = (const struct service *)
		    m->set[KIND_SERVICE].items[i];
		struct links areas = { 0 };

		dev_service_areas(m, s, &areas);
		if (areas.len == 0 || any_marked(&areas, up))
			where[i] = 1;
		else if (any_marked(&areas, down))
			where[i] = 2;
		count[where[i]]++;
		free(areas.items);
	}
	for (k = 1; k <= 2; k++) {
		xmlNodePtr sec;

		if (count[k] == 0)
			continue;
		sec = page_section(pc, main, ui(pc->lang, heads[k]), NULL);
		for (i = 0; i < m->set[KIND_GROUP].len; i++) {
			const struct group *g = (const struct group *)groups[i];
			xmlNodePtr ul = NULL;

			for (j = 0; j < g->services.len; j++) {
				const struct entity *s = g->services.items[j];

				if (where[s->index] != k)
					continue;
				if (ul == NULL) {
					page_entity_link(pc, html_el(sec, "h3",
					    NULL), &g->e);
					ul = html_el_class(sec, "ul",
					    "service-list", NULL);
				}
				page_entity_link(pc, html_el(ul, "li", NULL), s);
			}
		}
	}
	if (count[1] + count[2] == 0)
		html_el(main, "p", ui(pc->lang, UI_AREA_NONE));
	free(groups);
	free(where);
	free(up);
	free(down);
}

void
dev_render_area(struct page_ctx *pc, xmlNodePtr main, const struct area *a)
{
	const struct model *m = pc->m;
	enum lang L = pc->lang;
	size_t na = m->set[KIND_AREA].len, i;
	unsigned char *near = xcalloc(na + 1, 1);
	struct entity **actors;
	xmlNodePtr dl, ul = NULL;

	page_entity_h1(pc, main, &a->e);
	page_text_el(pc, main, "p", "lead", &a->summary);
	dl = html_el_class(main, "dl", "facts", NULL);
	html_text(fact(dl, ui(L, UI_AREA_KIND)), ui_area_kind(L, a->kind.v));
	if (a->code.s)
		html_text(fact(dl, ui(L, UI_CODE)), a->code.s);
	dev_ref_fact(pc, dl, ui(L, UI_AREA_PART_OF), &a->part_of);
	if (a->url.s)
		html_link(fact(dl, ui(L, UI_WEBSITE)), a->url.s, a->url.s);
	if (a->description.pos.line)
		page_md(pc, html_el(main, "div", NULL), &a->description, 1);
	page_entity_list(pc, main, ui(L, UI_AREA_PARTS), a->parts.items,
	    a->parts.len);
	area_services(pc, main, a);
	/* Actors whose own areas overlap this one, up or down. */
	area_closure(m, a, 1, near);
	area_closure(m, a, 0, near);
	actors = pages_sorted(m, KIND_ACTOR);
	for (i = 0; i < m->set[KIND_ACTOR].len; i++) {
		const struct actor *ac = (const struct actor *)actors[i];
		size_t j;

		for (j = 0; j < ac->areas.len; j++) {
			const struct entity *t = ((struct ref *)
			    ac->areas.items)[j].target;

			if (t != NULL && near[t->index])
				break;
		}
		if (j == ac->areas.len)
			continue;
		if (ul == NULL)
			ul = html_el(page_section(pc, main, ui(L, UI_AREA_ACTORS),
			    NULL), "ul", NULL);
		page_entity_link(pc, html_el(ul, "li", NULL), &ac->e);
	}
	free(actors);
	free(near);
}

/* ---- Services: status, period, areas, contact ---- */

void
dev_service_notice(struct page_ctx *pc, xmlNodePtr main,
    const struct service *s)
{
	static const enum ui_key notes[] = { UI_COUNT, UI_STATUS_NOTE_PILOT,
		UI_STATUS_NOTE_PLANNED, UI_STATUS_NOTE_ENDED };

	if (s->status.pos.line == 0 || s->status.v == STATUS_ACTIVE)
		return;
	html_el_class(main, "p", "notice status-notice",
	    ui(pc->lang, notes[s->status.v]));
}

/*
 * A month or a day in the page's language, in a <time>: 3/2026 or
 * 1.3.2026 in Finnish, as written (ISO) otherwise.
 */
static void
month_text(xmlNodePtr parent, const char *iso, enum lang lang)
{
	char text[32];
	xmlNodePtr t;

	if (strlen(iso) == 7 && lang == LANG_FI)
		snprintf(text, sizeof(text), "%d/%.4s", atoi(iso + 5), iso);
	else
		review_date_text(iso, lang, text, sizeof(text));
	t = html_el(parent, "time", text);
	html_attr(t, "datetime", iso);
}

static void
dev_period_fact(struct page_ctx *pc, xmlNodePtr dl, enum ui_key term,
    const char *iso)
{
	month_text(fact(dl, ui(pc->lang, term)), iso, pc->lang);
}

void
dev_service_facts(struct page_ctx *pc, xmlNodePtr dl, const struct service *s)
{
	enum lang L = pc->lang;
	struct links areas = { 0 };
	xmlNodePtr dd;
	size_t i;

	if (s->status.pos.line)
		html_el_class(fact(dl, ui(L, UI_STATUS)), "span", s->status.v ==
		    STATUS_ACTIVE ? "status" : "status status-other",
		    ui_service_status(L, s->status.v));
	if (s->valid_from.s)
		dev_period_fact(pc, dl, UI_VALID_FROM, s->valid_from.s);
	if (s->valid_until.s)
		dev_period_fact(pc, dl, UI_VALID_UNTIL, s->valid_until.s);
	if (pc->m->set[KIND_AREA].len > 0) {
		dev_service_areas(pc->m, s, &areas);
		dd = fact(dl, ui(L, UI_OFFERED_IN));
		if (areas.len == 0)
			html_text(dd, ui(L, UI_EVERYWHERE));
		for (i = 0; i < areas.len; i++) {
			if (i > 0)
				html_text(dd, ", ");
			page_entity_link(pc, dd, areas.items[i]);
		}
		free(areas.items);
	}
	if (s->cost.pos.line)
		page_text(pc, fact(dl, ui(L, UI_COST)), &s->cost);
	if (s->processing_time.pos.line)
		page_text(pc, fact(dl, ui(L, UI_PROCESSING_TIME)),
		    &s->processing_time);
}

void
dev_contact_section(struct page_ctx *pc, xmlNodePtr main,
    const struct contact *c)
{
	enum lang L = pc->lang;
	xmlNodePtr dl;

	if (c->pos.line == 0)
		return;
	dl = html_el_class(page_section(pc, main, ui(L, UI_CONTACT), NULL),
	    "dl", "facts", NULL);
	if (c->phone.s)
		page_contact_link(pc, fact(dl, ui(L, UI_PHONE)), c->phone.s, 0);
	if (c->email.s)
		page_contact_link(pc, fact(dl, ui(L, UI_EMAIL)), c->email.s, 1);
	if (c->address.s)
		html_text(fact(dl, ui(L, UI_ADDRESS)), c->address.s);
	if (c->hours.s)
		html_text(fact(dl, ui(L, UI_HOURS)), c->hours.s);
	if (c->web.s)
		html_link(fact(dl, ui(L, UI_WEBSITE)), c->web.s, c->web.s);
}

/* ---- Development themes ---- */

/* "3/2025 – 12/2026", "3/2025 –", "– 12/2026" into parent, each a
 * <time>; nothing when neither is given. */
static void
period_cell(xmlNodePtr parent, const struct str *from,
    const struct str *until, enum lang lang)
{
	if (from->s != NULL)
		month_text(parent, from->s, lang);
	if (from->s != NULL || until->s != NULL)
		html_text(parent, from->s && until->s ? " – " :
		    from->s ? " –" : "– ");
	if (until->s != NULL)
		month_text(parent, until->s, lang);
}

/* A theme's actions as a table: what, status, owner, when, notes. */
static void
theme_actions(struct page_ctx *pc, xmlNodePtr parent, const struct theme *t)
{
	enum lang L = pc->lang;
	static const enum ui_key cols[] = { UI_ACTION, UI_STATUS, UI_OWNER,
		UI_PERIOD, UI_NOTE };
	xmlNodePtr sec, table, tr, tbody, td;
	size_t i;

	if (t->actions.len == 0)
		return;
	sec = page_section(pc, parent, ui(L, UI_ACTIONS), NULL);
	table = html_el_class(html_el_class(sec, "div", "table-wrap", NULL),
	    "table", "actions", NULL);
	html_el(table, "caption", ui(L, UI_ACTIONS));
	tr = html_el(html_el(table, "thead", NULL), "tr", NULL);
	for (i = 0; i < ARRAY_LEN(cols); i++)
		html_attr(html_el(tr, "th", ui(L, cols[i])), "scope", "col");
	tbody = html_el(table, "tbody", NULL);
	for (i = 0; i < t->actions.len; i++) {
		const struct action *a = &((const struct action *)
		    t->actions.items)[i];
		tr = html_el(tbody, "tr", NULL);
		page_text(pc, html_attr_el(html_el(tr, "th", NULL), "scope",
		    "row"), &a->title);
		td = html_attr_el(html_el(tr, "td", NULL), "data-label",
		    ui(L, UI_STATUS));
		if (a->status.pos.line)
			html_text(td, ui_action_status(L, a->status.v));
		td = html_attr_el(html_el(tr, "td", NULL), "data-label",
		    ui(L, UI_OWNER));
		if (a->owner.target)
			page_entity_link(pc, td, a->owner.target);
		td = html_attr_el(html_el(tr, "td", NULL), "data-label",
		    ui(L, UI_PERIOD));
		period_cell(td, &a->from, &a->until, L);
		td = html_attr_el(html_el(tr, "td", NULL), "data-label",
		    ui(L, UI_NOTE));
		if (a->note.pos.line)
			page_md(pc, td, &a->note, 3);
	}
}

void
dev_render_theme(struct page_ctx *pc, xmlNodePtr main, const struct theme *t)
{
	enum lang L = pc->lang;
	xmlNodePtr pair, sec, ul;
	size_t i;

	page_entity_h1(pc, main, &t->e);
	page_text_el(pc, main, "p", "lead", &t->summary);
	/* Now and target side by side on a wide screen. */
	pair = html_el_class(main, "div", "now-target", NULL);
	sec = page_section(pc, pair, ui(L, UI_NOW), NULL);
	html_attr(sec, "class", "now");
	if (t->now.pos.line)
		page_md(pc, sec, &t->now, 2);
	sec = page_section(pc, pair, ui(L, UI_TARGET), NULL);
	html_attr(sec, "class", "target");
	if (t->target.pos.line)
		page_md(pc, sec, &t->target, 2);
	theme_actions(pc, main, t);
	if (t->related.len > 0) {
		ul = NULL;
		for (i = 0; i < t->related.len; i++) {
			const struct ref *r = &((const struct ref *)
			    t->related.items)[i];
			xmlNodePtr li;

			if (r->target == NULL)
				continue;
			if (ul == NULL)
				ul = html_el(page_section(pc, main,
				    ui(L, UI_RELATED_PAGES), NULL), "ul", NULL);
			li = html_el(ul, "li", NULL);
			html_el_class(li, "span", "kind", kind_label(L,
			    r->target->kind, 0));
			html_text(li, ": ");
			page_entity_link(pc, li, r->target);
		}
	}
}

/* Order of themes: by order, then id (pages_sorted). */
void
dev_render_theme_overview(struct page_ctx *pc, xmlNodePtr main)
{
	enum lang L = pc->lang;
	const struct model *m = pc->m;
	struct entity **themes = pages_sorted(m, KIND_THEME);
	static const enum ui_key cols[] = { UI_THEME, UI_NOW, UI_TARGET,
		UI_ACTIONS };
	xmlNodePtr table, tr, tbody, th, td, ul;
	size_t i, j;

	html_el_class(main, "p", "lead", ui(L, UI_THEMES_LEAD));
	table = html_el_class(html_el_class(main, "div", "table-wrap", NULL),
	    "table", "themes", NULL);
	html_el(table, "caption", ui(L, UI_THEMES));
	tr = html_el(html_el(table, "thead", NULL), "tr", NULL);
	for (i = 0; i < ARRAY_LEN(cols); i++)
		html_attr(html_el(tr, "th", ui(L, cols[i])), "scope", "col");
	tbody = html_el(table, "tbody", NULL);
	for (i = 0; i < m->set[KIND_THEME].len; i++) {
		const struct theme *t = (const struct theme *)themes[i];

		tr = html_el(tbody, "tr", NULL);
		th = html_attr_el(html_el(tr, "th", NULL), "scope", "row");
		page_entity_link(pc, th, &t->e);
		td = html_attr_el(html_el(tr, "td", NULL), "data-label",
		    ui(L, UI_NOW));
		if (t->now.pos.line)
			page_md(pc, td, &t->now, 3);
		td = html_attr_el(html_el(tr, "td", NULL), "data-label",
		    ui(L, UI_TARGET));
		if (t->target.pos.line)
			page_md(pc, td, &t->target, 3);
		td = html_attr_el(html_el(tr, "td", NULL), "data-label",
		    ui(L, UI_ACTIONS));
		ul = t->actions.len > 0 ? html_el(td, "ul", NULL) : NULL;
		for (j = 0; j < t->actions.len; j++) {
			const struct action *a = &((const struct action *)
			    t->actions.items)[j];
			xmlNodePtr li = html_el(ul, "li", NULL);

			page_text(pc, li, &a->title);
			if (a->status.pos.line) {
				html_text(li, " (");
				html_text(li, ui_action_status(L, a->status.v));
				html_text(li, ")");
			}
		}
	}
	free(themes);
}

/* ---- Model cards ---- */

void
dev_render_model(struct page_ctx *pc, xmlNodePtr main,
    const struct model_card *mc)
{
	enum lang L = pc->lang;
	xmlNodePtr dl, ul = NULL;
	size_t i;

	page_entity_h1(pc, main, &mc->e);
	page_text_el(pc, main, "p", "lead", &mc->summary);
	dl = html_el_class(main, "dl", "facts", NULL);
	if (mc->origin.pos.line)
		page_text(pc, fact(dl, ui(L, UI_ORIGIN)), &mc->origin);
	if (mc->innokyla.s)
		html_link(fact(dl, ui(L, UI_INNOKYLA)), mc->innokyla.s,
		    mc->innokyla.s);
	drop_if_empty(dl);
	/* In the order of an Innokylä model card. */
	md_block(pc, main, ui(L, UI_STARTING_POINT), &mc->starting_point);
	md_block(pc, main, ui(L, UI_INTENDED_CHANGE), &mc->intended_change);
	md_block(pc, main, ui(L, UI_TARGET_GROUP), &mc->target_group);
	md_block(pc, main, ui(L, UI_BASIC_IDEA), &mc->basic_idea);
	md_block(pc, main, ui(L, UI_TESTING), &mc->testing);
	md_block(pc, main, ui(L, UI_LEARNED), &mc->learned);
	md_block(pc, main, ui(L, UI_CONDITIONS), &mc->conditions);
	md_block(pc, main, ui(L, UI_TIPS), &mc->tips);
	for (i = 0; i < mc->implemented_by.len; i++) {
		const struct ref *r = &((const struct ref *)
		    mc->implemented_by.items)[i];
		xmlNodePtr li;

		if (r->target == NULL)
			continue;
		if (ul == NULL)
			ul = html_el(page_section(pc, main,
			    ui(L, UI_IMPLEMENTED_BY), NULL), "ul", NULL);
		li = html_el(ul, "li", NULL);
		html_el_class(li, "span", "kind", kind_label(L, r->target->kind,
		    0));
		html_text(li, ": ");
		page_entity_link(pc, li, r->target);
	}
	page_entity_list(pc, main, ui(L, UI_IN_THEMES), mc->themes.items,
	    mc->themes.len);
}
