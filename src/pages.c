/*
 * One renderer per kind of page.  Each reads the model and fills the
 * <main> of a page_ctx; none keeps state between pages.
 */
#include "pages.h"

#include <stdlib.h>
#include <string.h>

#include "diagram.h"
#include "flow.h"
#include "pages_dev.h"
#include "schema.h"
#include "review.h"
#include "search.h"
#include "toc.h"
#include "util.h"


/* The diagram of e in a <figure class="diagram">; nothing if it cannot
 * be drawn. */
static void
add_diagram(struct page_ctx *pc, xmlNodePtr parent, const struct entity *e)
{
	xmlNodePtr fig = html_el(parent, "figure", NULL);
	char *name, *pdf;

	if (diagram_figure(pc, fig, e) == NULL) {
		xmlUnlinkNode(fig);
		xmlFreeNode(fig);
		return;
	}
	/* build.c writes every drawn diagram as print/<name>.pdf. */
	name = diagram_print_name(pc->m, e);
	pdf = xasprintf("%sprint/%s.pdf", pc->to_lang_root, name);
	html_link(html_el_class(parent, "p", "print-link", NULL), pdf,
	    ui(pc->lang, e->kind == KIND_MAP ? UI_PRINT_PDF : UI_PRINT_SHEET));
	free(pdf);
	free(name);
}

static void
add_lead(struct page_ctx *pc, xmlNodePtr main, const struct text *t)
{
	page_text_el(pc, main, "p", "lead", t);
}

/* A <dl> row: term and a fresh <dd> to fill. */
static xmlNodePtr
fact(xmlNodePtr dl, const char *term)
{
	html_el(dl, "dt", term);
	return html_el(dl, "dd", NULL);
}

static void
md_section(struct page_ctx *pc, xmlNodePtr main, const char *heading,
    const struct text *t)
{
	xmlNodePtr sec;

	if (t->pos.line == 0)
		return;
	sec = heading ? page_section(pc, main, heading, NULL) :
	    html_el(main, "div", NULL);
	page_md(pc, sec, t, heading ? 2 : 1);
}

static void
text_list_section(struct page_ctx *pc, xmlNodePtr main, const char *heading,
    const struct list *l)
{
	xmlNodePtr ul;
	size_t i;

	if (l->len == 0)
		return;
	ul = html_el(page_section(pc, main, heading, NULL), "ul", NULL);
	for (i = 0; i < l->len; i++)
		page_text_el(pc, ul, "li", NULL, &((struct text *)l->items)[i]);
}

static void
render_service(struct page_ctx *pc, xmlNodePtr main, const struct service *s)
{
	enum lang L = pc->lang;
	xmlNodePtr dl, dd, ul;
	size_t i;

	page_entity_h1(pc, main, &s->e);
	dev_service_notice(pc, main, s);
	add_lead(pc, main, &s->summary);
	dl = html_el_class(main, "dl", "facts", NULL);
	if (s->group.target)
		page_entity_link(pc, fact(dl, ui(L, UI_GROUP)), s->group.target);
	dd = fact(dl, ui(L, UI_PROVIDERS));
	for (i = 0; i < s->providers.len; i++) {
		struct ref *r = &((struct ref *)s->providers.items)[i];

		if (i > 0)
			html_text(dd, ", ");
		if (r->target)
			page_entity_link(pc, dd, r->target);
	}
	if (s->access.pos.line)
		html_text(fact(dl, ui(L, UI_ACCESS)), ui_access(L, s->access.v));
	dev_service_facts(pc, dl, s);
	md_section(pc, main, NULL, &s->description);
	md_section(pc, main, ui(L, UI_FOR_WHOM), &s->for_whom);
	md_section(pc, main, ui(L, UI_HOW_TO_ACCESS), &s->how_to_access);
	text_list_section(pc, main, ui(L, UI_CRITERIA), &s->criteria);
	md_section(pc, main, ui(L, UI_APPLY), &s->apply);
	dev_contact_section(pc, main, &s->contact);
	page_ref_list(pc, main, ui(L, UI_NEXT), &s->next);
	page_entity_list(pc, main, ui(L, UI_PREVIOUS_SERVICES),
	    s->previous.items, s->previous.len);
	/* The same two lists drawn: the map shows next steps only between
	 * groups, this page every one of the service's own.  Not in the
	 * printed book, where the lists say it and a drawing per service
	 * would take a page of its own each. */
	if (strcmp(pc->rel, "print.html") != 0) {
		xmlNodePtr fig = html_el(main, "figure", NULL);

		if (diagram_next_figure(pc, fig, &s->e) == NULL) {
			xmlUnlinkNode(fig);
			xmlFreeNode(fig);
		}
	}
	page_ref_list(pc, main, ui(L, UI_RELATED), &s->related);
	page_entity_list(pc, main, ui(L, UI_IN_SEGMENTS), s->segments.items,
	    s->segments.len);
	page_entity_list(pc, main, ui(L, UI_IN_PATHS), s->paths.items,
	    s->paths.len);
	page_entity_list(pc, main, ui(L, UI_IMPLEMENTS), s->models.items,
	    s->models.len);
	page_entity_list(pc, main, ui(L, UI_IN_THEMES), s->themes.items,
	    s->themes.len);
	if (s->links.len > 0 || s->ptv.s) {
		ul = html_el(page_section(pc, main, ui(L, UI_LINKS), NULL), "ul",
		    NULL);
		if (s->ptv.s) {
			/* Suomi.fi redirects an id alone to the service's page
			 * in the language of the path. */
			static const char *const base[LANG_COUNT] = {
				"https://www.suomi.fi/palvelut/",
				"https://www.suomi.fi/service/",
				"https://www.suomi.fi/services/" };
			char *url = xasprintf("%s%s", base[L], s->ptv.s);

			html_attr(html_link(html_el(ul, "li", NULL), url,
			    ui(L, UI_PTV_LINK)), "class", "ptv");
			free(url);
		}
		for (i = 0; i < s->links.len; i++) {
			struct link *lk = &((struct link *)s->links.items)[i];
			xmlNodePtr a = html_link(html_el(ul, "li", NULL),
			    lk->url.s, NULL);

			page_text(pc, a, &lk->title);
		}
	}
	if (s->tags.len > 0) {
		/* Each tag links to its section of the tags' page. */
		char *page = xasprintf("%s%s", pc->to_lang_root,
		    SEARCH_TAGS_PATH);

		ul = html_el_class(page_section(pc, main, ui(L, UI_TAGS), NULL),
		    "ul", "tags", NULL);
		for (i = 0; i < s->tags.len; i++) {
			const char *tag = ((struct str *)s->tags.items)[i].s;
			char *id = search_tag_id(tag), *href;

			href = xasprintf("%s#%s", page, id);
			html_link(html_el(ul, "li", NULL), href, tag);
			free(href);
			free(id);
		}
		free(page);
	}
}

static void
render_actor(struct page_ctx *pc, xmlNodePtr main, const struct actor *a)
{
	enum lang L = pc->lang;
	xmlNodePtr dl;

	page_entity_h1(pc, main, &a->e);
	add_lead(pc, main, &a->summary);
	dl = html_el_class(main, "dl", "facts", NULL);
	html_text(fact(dl, ui(L, UI_KIND)), ui_actor_kind(L, a->kind.v));
	dev_ref_fact(pc, dl, ui(L, UI_PART_OF), &a->part_of);
	dev_ref_fact(pc, dl, ui(L, UI_WORKS_IN), &a->areas);
	if (a->url.s)
		html_link(fact(dl, ui(L, UI_WEBSITE)), a->url.s, a->url.s);
	md_section(pc, main, NULL, &a->description);
	page_entity_list(pc, main, ui(L, UI_PROVIDES), a->provides.items,
	    a->provides.len);
	page_entity_list(pc, main, ui(L, UI_PARTS), a->parts.items,
	    a->parts.len);
	page_entity_list(pc, main, ui(L, UI_IN_PATHS), a->paths.items,
	    a->paths.len);
	page_entity_list(pc, main, ui(L, UI_IMPLEMENTS), a->models.items,
	    a->models.len);
	page_entity_list(pc, main, ui(L, UI_IN_THEMES), a->themes.items,
	    a->themes.len);
	dev_contact_section(pc, main, &a->contact);
}

static void
render_group(struct page_ctx *pc, xmlNodePtr main, const struct group *g)
{
	page_entity_h1(pc, main, &g->e);
	add_lead(pc, main, &g->summary);
	page_entity_list(pc, main, ui(pc->lang, UI_SERVICES_IN_GROUP),
	    g->services.items, g->services.len);
}

static void
render_step(struct page_ctx *pc, xmlNodePtr ol, const struct step *st)
{
	enum lang L = pc->lang;
	xmlNodePtr li = html_el_class(ol, "li", st->handoff.v ?
	    "step handoff" : "step", NULL);
	xmlNodePtr dl;

	page_text_el(pc, li, "h3", NULL, &st->title);
	if (st->handoff.v)
		html_el_class(li, "p", "handoff-mark", ui(L, UI_HANDOFF));
	dl = html_el_class(li, "dl", "facts", NULL);
	if (st->at.target)
		page_entity_link(pc, fact(dl, kind_label(L, st->at.kind, 0)),
		    st->at.target);
	if (st->stage.pos.line)
		html_text(fact(dl, ui(L, UI_STAGE)), ui_stage(L, st->stage.v));
	if (st->responsible.target)
		page_entity_link(pc, fact(dl, ui(L, UI_RESPONSIBLE)),
		    st->responsible.target);
	if (st->duration.s)
		html_text(fact(dl, ui(L, UI_DURATION)), st->duration.s);
	if (st->note.pos.line)
		page_md(pc, li, &st->note, 3);
	if (st->quote.pos.line) {
		xmlNodePtr q = html_el_class(li, "blockquote", "quote", NULL);

		page_text_el(pc, q, "p", NULL, &st->quote);
	}
}

static void
render_path(struct page_ctx *pc, xmlNodePtr main, const struct path *p)
{
	enum lang L = pc->lang;
	xmlNodePtr dl, sec, ol;
	size_t i;

	page_entity_h1(pc, main, &p->e);
	/* How the persona was made: the path's own words, else the
	 * theme's sentence about a composite of several clients. */
	if (p->persona.basis.pos.line) {
		xmlNodePtr note = html_el_class(main, "p", "notice",
		    ui(L, UI_FICTIONAL_SHORT));

		html_text(note, " ");
		page_text(pc, note, &p->persona.basis);
	} else
		html_el_class(main, "p", "notice", ui(L, UI_FICTIONAL));
	sec = page_section(pc, main, ui(L, UI_PERSONA), NULL);
	dl = html_el_class(sec, "dl", "facts", NULL);
	html_text(fact(dl, ui(L, UI_NAME)), p->persona.name.s);
	if (p->persona.age.s)
		html_text(fact(dl, ui(L, UI_AGE)), p->persona.age.s);
	if (p->segment.target)
		page_entity_link(pc, fact(dl, ui(L, UI_SEGMENT)),
		    p->segment.target);
	if (p->coordinator.target)
		page_entity_link(pc, fact(dl, ui(L, UI_COORDINATOR)),
		    p->coordinator.target);
	if (p->persona.situation.pos.line)
		page_md(pc, sec, &p->persona.situation, 2);
	sec = page_section(pc, main, ui(L, UI_STEPS), NULL);
	/* The lanes first; the list below is their text alternative. */
	add_diagram(pc, sec, &p->e);
	ol = html_el_class(sec, "ol", "steps", NULL);
	for (i = 0; i < p->steps.len; i++)
		render_step(pc, ol, &((struct step *)p->steps.items)[i]);
}

static void
render_segment(struct page_ctx *pc, xmlNodePtr main, const struct segment *s)
{
	enum lang L = pc->lang;
	xmlNodePtr dl;
	char level[32];

	page_entity_h1(pc, main, &s->e);
	add_lead(pc, main, &s->summary);
	dl = html_el_class(main, "dl", "facts", NULL);
	snprintf(level, sizeof(level), "%ld", s->level.v);
	html_text(fact(dl, ui(L, UI_LEVEL)), level);
	if (s->coordinator.target)
		page_entity_link(pc, fact(dl, ui(L, UI_COORDINATOR)),
		    s->coordinator.target);
	text_list_section(pc, main, ui(L, UI_WHEN), &s->when);
	text_list_section(pc, main, ui(L, UI_NOT_WHEN), &s->not_when);
	page_ref_list(pc, main, ui(L, UI_TYPICAL_SERVICES), &s->services);
	page_entity_list(pc, main, ui(L, UI_IN_PATHS), s->paths.items,
	    s->paths.len);
	page_entity_list(pc, main, ui(L, UI_DECIDED_BY), s->outcomes.items,
	    s->outcomes.len);
	page_entity_list(pc, main, ui(L, UI_IMPLEMENTS), s->models.items,
	    s->models.len);
}

/* The position of question id in the guide's display order (the start
 * question first, then the rest in file order), from 1; 0 if none. */
static size_t
question_number(const struct decision *d, size_t start, const char *id)
{
	const struct question *qs = d->questions.items;
	size_t i;

	if (id == NULL || d->questions.len == 0)
		return 0;
	if (strcmp(qs[start].id.s, id) == 0)
		return 1;
	for (i = 0; i < d->questions.len; i++)
		if (strcmp(qs[i].id.s, id) == 0)
			return i < start ? i + 2 : i + 1;
	return 0;
}

static size_t
outcome_number(const struct decision *d, const char *id)
{
	const struct outcome *os = d->outcomes.items;
	size_t i;

	for (i = 0; id != NULL && i < d->outcomes.len; i++)
		if (strcmp(os[i].id.s, id) == 0)
			return i + 1;
	return 0;
}

/* The label of a numbered question or outcome: "Kysymys 2". */
static void
numbered_kind(xmlNodePtr h, const char *word, size_t n)
{
	char label[64];

	snprintf(label, sizeof(label), "%s %zu", word, n);
	html_el_class(h, "span", "kind", label);
}

/*
 * A decision guide that works without JavaScript: every question and
 * outcome is a section with an id, and each answer links to the next
 * one; the theme's CSS may show only the :target.  Questions and
 * outcomes are numbered, and each answer says where it leads ("→
 * kysymys 3"), shown on paper, where links cannot be followed.
 */
static void
render_decision(struct page_ctx *pc, xmlNodePtr main, const struct decision *d)
{
	enum lang L = pc->lang;
	const struct question *qs = d->questions.items;
	const struct outcome *os = d->outcomes.items;
	xmlNodePtr sec, ul, h, a, li;
	size_t i, j, start = 0;
	char *href, target[64];

	page_entity_h1(pc, main, &d->e);
	md_section(pc, main, NULL, &d->description);
	/* The flowchart, then the same guide as questions to click. */
	add_diagram(pc, main, &d->e);
	for (i = 0; i < d->questions.len; i++)
		if (d->start.s && strcmp(qs[i].id.s, d->start.s) == 0)
			start = i;
	for (j = 0; j < d->questions.len; j++) {
		/* The start question first, the rest in file order. */
		i = j == 0 ? start : (j <= start ? j - 1 : j);
		sec = html_el_class(main, "section", "question", NULL);
		href = xasprintf("q-%s", qs[i].id.s);
		html_attr(sec, "id", href);
		free(href);
		h = html_el(sec, "h2", NULL);
		numbered_kind(h, ui(L, UI_QUESTION), j + 1);
		html_text(h, " ");
		page_text(pc, h, &qs[i].text);
		ul = html_el_class(sec, "ul", "answers", NULL);
		for (size_t k = 0; k < qs[i].answers.len; k++) {
			const struct answer *an =
			    &((struct answer *)qs[i].answers.items)[k];
			size_t n = an->go.s ? question_number(d, start, an->go.s) :
			    outcome_number(d, an->outcome.s);

			href = an->go.s ? xasprintf("#q-%s", an->go.s) :
			    xasprintf("#o-%s", an->outcome.s ? an->outcome.s :
			    "");
			li = html_el(ul, "li", NULL);
			a = html_link(li, href, NULL);
			page_text(pc, a, &an->label);
			if (n > 0) {
				snprintf(target, sizeof(target), ui(L, an->go.s ?
				    UI_GOTO_QUESTION : UI_GOTO_OUTCOME), n);
				html_text(li, " ");
				html_el_class(li, "span", "answer-target print-only",
				    target);
			}
			free(href);
		}
	}
	for (i = 0; i < d->outcomes.len; i++) {
		xmlNodePtr dl;

		sec = html_el_class(main, "section", "outcome", NULL);
		href = xasprintf("o-%s", os[i].id.s);
		html_attr(sec, "id", href);
		free(href);
		h = html_el(sec, "h2", NULL);
		numbered_kind(h, ui(L, UI_OUTCOME), i + 1);
		html_text(h, " ");
		page_text(pc, h, &os[i].text);
		dl = html_el_class(sec, "dl", "facts", NULL);
		if (os[i].segment.target) {
			xmlNodePtr dd = fact(dl, ui(L, UI_SEE_SEGMENT));
			char *url = page_url(pc, KIND_SEGMENT, NULL);

			page_entity_link(pc, dd, os[i].segment.target);
			html_text(dd, " (");
			href = xasprintf("%s#seg-%s", url,
			    os[i].segment.target->id);
			html_link(dd, href, ui(L, UI_COMPARE_LEVELS));
			html_text(dd, ")");
			free(href);
			free(url);
		}
		if (os[i].actor.target)
			page_entity_link(pc, fact(dl, ui(L, UI_SEE_ACTOR)),
			    os[i].actor.target);
		if (dl->children == NULL) {
			xmlUnlinkNode(dl);
			xmlFreeNode(dl);
		}
		if (d->questions.len > 0) {
			href = xasprintf("#q-%s", qs[start].id.s);
			html_link(html_el_class(sec, "p", "restart", NULL), href,
			    ui(L, UI_RESTART));
			free(href);
		}
	}
}

/* The text alternative of a map: what the diagram shows, as lists. */
static void
render_map(struct page_ctx *pc, xmlNodePtr main, const struct map *mp)
{
	enum lang L = pc->lang;
	const struct model *m = pc->m;
	xmlNodePtr sec, ul, li, sub, dl;
	size_t i, j;

	page_entity_h1(pc, main, &mp->e);
	md_section(pc, main, NULL, &mp->description);
	add_diagram(pc, main, &mp->e);
	if (mp->centre.target) {
		dl = html_el_class(main, "dl", "facts", NULL);
		page_entity_link(pc, fact(dl, ui(L, UI_CENTRE)),
		    mp->centre.target);
	}
	if (mp->actors.all)
		page_entity_list(pc, main, ui(L, UI_MAP_ACTORS),
		    m->set[KIND_ACTOR].items, m->set[KIND_ACTOR].len);
	else
		page_ref_list(pc, main, ui(L, UI_MAP_ACTORS), &mp->actors);
	if (mp->groups.all || mp->groups.len > 0) {
		size_t n;
		/* Numbered as the diagram's badges, in its order: the
		 * legend that tells the groups apart without colour. */
		const struct group **gs = diagram_map_groups(m, mp, &n);

		sec = page_section(pc, main, ui(L, UI_MAP_GROUPS), NULL);
		ul = html_el(sec, "ol", NULL);
		for (i = 0; i < n; i++) {
			const struct group *g = gs[i];

			li = html_el(ul, "li", NULL);
			page_entity_link(pc, li, &g->e);
			if (g->services.len == 0)
				continue;
			sub = html_el(li, "ul", NULL);
			for (j = 0; j < g->services.len; j++)
				page_entity_link(pc, html_el(sub, "li", NULL),
				    g->services.items[j]);
		}
		free(gs);
	}
	if (mp->edges.len > 0) {
		sec = page_section(pc, main, ui(L, UI_MAP_EDGES), NULL);
		ul = html_el(sec, "ul", NULL);
		for (i = 0; i < mp->edges.len; i++) {
			const struct map_edge *e =
			    &((struct map_edge *)mp->edges.items)[i];

			if (!e->from.target || !e->to.target)
				continue;
			li = html_el(ul, "li", NULL);
			page_entity_link(pc, li, e->from.target);
			html_text(li, " → ");
			page_entity_link(pc, li, e->to.target);
			if (e->label.pos.line) {
				html_text(li, ": ");
				page_text(pc, li, &e->label);
			}
		}
	}
}

/* A flow node's name: a service link, or start, end, other. */
static void
flow_node_label(struct page_ctx *pc, xmlNodePtr parent, const char *id)
{
	const struct entity *e;

	if (strcmp(id, "start") == 0)
		html_text(parent, ui(pc->lang, UI_FLOW_START));
	else if (strcmp(id, "end") == 0)
		html_text(parent, ui(pc->lang, UI_FLOW_END));
	else if (strcmp(id, "other") == 0)
		html_text(parent, ui(pc->lang, UI_FLOW_OTHER));
	else if ((e = model_find(pc->m, KIND_SERVICE, id)) != NULL)
		page_entity_link(pc, parent, e);
	else
		html_text(parent, id);
}

/*
 * A published count, or "withheld": not "< k", which would be false
 * for a number hidden only because a small one could be derived from it.
 */
static void
flow_count_cell(struct page_ctx *pc, xmlNodePtr tr, uint64_t count,
    int suppressed)
{
	char num[48];

	if (suppressed) {
		html_el_class(tr, "td", "num withheld",
		    ui(pc->lang, UI_FLOW_WITHHELD));
		return;
	}
	snprintf(num, sizeof(num), "%llu", (unsigned long long)count);
	html_el_class(tr, "td", "num", num);
}

static xmlNodePtr
table_head(xmlNodePtr sec, const char *caption, const char *const *cols,
    size_t ncols)
{
	xmlNodePtr table = html_el_class(sec, "table", "counts", NULL);
	xmlNodePtr tr;
	size_t i;

	html_el(table, "caption", caption);
	tr = html_el(html_el(table, "thead", NULL), "tr", NULL);
	for (i = 0; i < ncols; i++)
		html_attr(html_el(tr, "th", cols[i]), "scope", "col");
	return html_el(table, "tbody", NULL);
}

/*
 * A flow page shows exactly the published numbers, the same ones as
 * the <id>.json beside it; withheld ones are marked, never a value.
 */
static void
render_flow(struct page_ctx *pc, xmlNodePtr main, const struct flow *f)
{
	enum lang L = pc->lang;
	const struct flow_counts *c = f->counts;
	xmlNodePtr dl, sec, tbody, tr;
	const char *cols[3];
	char num[32], *json;
	size_t i;

	page_entity_h1(pc, main, &f->e);
	md_section(pc, main, NULL, &f->description);
	dl = html_el_class(main, "dl", "facts", NULL);
	if (f->period.s)
		html_text(fact(dl, ui(L, UI_SOURCE_PERIOD)), f->period.s);
	if (c == NULL)
		return;
	snprintf(num, sizeof(num), "%u", c->k);
	html_text(fact(dl, ui(L, UI_FLOW_K)), num);
	if (c->rounding > 1) {
		snprintf(num, sizeof(num), "%u", c->rounding);
		html_text(fact(dl, ui(L, UI_FLOW_ROUNDING)), num);
	}
	html_el_class(main, "p", "notice", ui(L, UI_FLOW_NOTE));
	if (c->withheld)
		html_el_class(main, "p", "notice", ui(L, UI_FLOW_ONLY_TOTAL));
	if (c->nnodes == 0) {
		html_el(main, "p", ui(L, UI_FLOW_EMPTY));
		return;
	}
	add_diagram(pc, main, &f->e);
	sec = page_section(pc, main, ui(L, UI_FLOW_NODES), NULL);
	cols[0] = ui(L, UI_FLOW_SERVICE);
	cols[1] = ui(L, UI_FLOW_CLIENTS);
	tbody = table_head(sec, ui(L, UI_FLOW_NODES), cols, 2);
	for (i = 0; i < c->nnodes; i++) {
		tr = html_el(tbody, "tr", NULL);
		flow_node_label(pc, html_attr_el(html_el(tr, "th", NULL),
		    "scope", "row"), c->nodes[i].id);
		flow_count_cell(pc, tr, c->nodes[i].count,
		    c->nodes[i].suppressed);
	}
	if (c->nedges > 0) {
		sec = page_section(pc, main, ui(L, UI_FLOW_EDGES), NULL);
		cols[0] = ui(L, UI_FLOW_FROM);
		cols[1] = ui(L, UI_FLOW_TO);
		cols[2] = ui(L, UI_FLOW_CLIENTS);
		tbody = table_head(sec, ui(L, UI_FLOW_EDGES), cols, 3);
		for (i = 0; i < c->nedges; i++) {
			const struct flow_edge *e = &c->edges[i];

			tr = html_el(tbody, "tr", NULL);
			flow_node_label(pc, html_el(tr, "td", NULL),
			    c->nodes[e->from].id);
			flow_node_label(pc, html_el(tr, "td", NULL),
			    c->nodes[e->to].id);
			flow_count_cell(pc, tr, e->count, e->suppressed);
		}
	}
	/* From the language root, so the link also works on print.html. */
	json = xasprintf("%s%s/%s.json", pc->to_lang_root,
	    kind_dirs[KIND_FLOW], f->e.id);
	html_link(html_el(main, "p", NULL), json, ui(L, UI_FLOW_JSON));
	free(json);
}

/* The guide variant shown in lang: its own, else the default's, else any. */
const struct guide_variant *
guide_variant_for(const struct model *m, const struct guide *g,
    enum lang lang)
{
	size_t i;

	if (g->variant[lang].file)
		return &g->variant[lang];
	for (i = 0; i < m->site.nlangs; i++)
		if (g->variant[m->site.langs[i]].file)
			return &g->variant[m->site.langs[i]];
	return NULL;
}

static void
render_guide(struct page_ctx *pc, xmlNodePtr main, const struct guide *g)
{
	const struct guide_variant *v = guide_variant_for(pc->m, g, pc->lang);
	xmlNodePtr into = main, p;
	size_t i;

	if (v == NULL)
		return;
	if (v->lang.v != (int)pc->lang) {
		into = html_el(main, "div", NULL);
		html_attr(into, "lang", lang_names[v->lang.v]);
	}
	p = html_el(into, "h1", v->title.s);
	if (v->lang.v != (int)pc->lang)
		page_fallback_cue(pc, p, (enum lang)v->lang.v, 1);
	if (v->audience.len > 0) {
		p = html_el_class(into, "p", "audience", NULL);
		html_text(p, ui(pc->lang, UI_AUDIENCE));
		html_text(p, ": ");
		for (i = 0; i < v->audience.len; i++) {
			const struct ref *r = &((struct ref *)
			    v->audience.items)[i];
			const struct audience *au = strmap_get(pc->m->audiences,
			    r->id);

			if (i > 0)
				html_text(p, ", ");
			if (au != NULL) {
				char *path = pages_audience_path(au->id.s);
				char *url = xasprintf("%s%s", pc->to_lang_root,
				    path);

				page_text(pc, html_link(p, url, NULL), &au->name);
				free(url);
				free(path);
			}
		}
	}
	/* The body's top headings are <h2>, whether written # or ##. */
	if (v->md)
		md_render(v->md, &pc->env, into, &pc->headings,
		    &pc->nheadings, md_doc_top_heading(v->md) > 1 ?
		    2 - md_doc_top_heading(v->md) : 1);
}

void
pages_render_entity(struct page_ctx *pc, xmlNodePtr main,
    const struct entity *e)
{
	switch (e->kind) {
	case KIND_ACTOR:
		render_actor(pc, main, (const struct actor *)e);
		break;
	case KIND_GROUP:
		render_group(pc, main, (const struct group *)e);
		break;
	case KIND_SERVICE:
		render_service(pc, main, (const struct service *)e);
		break;
	case KIND_PATH:
		render_path(pc, main, (const struct path *)e);
		break;
	case KIND_SEGMENT:
		render_segment(pc, main, (const struct segment *)e);
		break;
	case KIND_DECISION:
		render_decision(pc, main, (const struct decision *)e);
		break;
	case KIND_MAP:
		render_map(pc, main, (const struct map *)e);
		break;
	case KIND_FLOW:
		render_flow(pc, main, (const struct flow *)e);
		break;
	case KIND_GUIDE:
		render_guide(pc, main, (const struct guide *)e);
		break;
	case KIND_AREA:
		dev_render_area(pc, main, (const struct area *)e);
		break;
	case KIND_THEME:
		dev_render_theme(pc, main, (const struct theme *)e);
		break;
	case KIND_MODEL:
		dev_render_model(pc, main, (const struct model_card *)e);
		break;
	default:
		break;
	}
}

void
pages_entity_page(struct page_ctx *pc, const struct model *m,
    const struct html_template *tpl, enum lang lang,
    const struct entity *e)
{
	enum lang used;
	const char *title = entity_title_in(m, e, lang, &used);
	char *rel = page_path(e->kind, e->id), *desc;
	xmlNodePtr main;

	main = page_begin(pc, m, tpl, lang, rel, title, e->kind);
	page_title_lang(pc, used);
	desc = pages_description(m, e, lang);
	page_describe(pc, desc);
	free(desc);
	pages_render_entity(pc, main, e);
	toc_insert(pc, main);
	toc_permalinks(pc, main);
	toc_pager(pc, main, e);
	pages_render_meta(pc, main, e);
	free(rel);
}

/* Orderings for lists: by order or level, then by id (already sorted). */

static long
entity_rank(const struct model *m, const struct entity *e)
{
	const struct guide_variant *v;

	switch (e->kind) {
	case KIND_GROUP:
		return ((const struct group *)e)->order.pos.line ?
		    ((const struct group *)e)->order.v : 1000000000L;
	case KIND_SEGMENT:
		return ((const struct segment *)e)->level.v;
	case KIND_THEME:
		return ((const struct theme *)e)->order.pos.line ?
		    ((const struct theme *)e)->order.v : 1000000000L;
	case KIND_GUIDE:
		v = guide_variant_for(m, (const struct guide *)e,
		    m->site.langs[0]);
		return v && v->order.pos.line ? v->order.v : 1000000000L;
	default:
		return 0;
	}
}

struct ranked {
	long rank;          /* order, level or 0 */
	size_t index;       /* id order, breaks ties */
	struct entity *e;   /* borrowed */
};

static int
ranked_cmp(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

struct entity **
pages_sorted(const struct model *m, enum kind kind)
{
	const struct entity_set *set = &m->set[kind];
	struct ranked *r = xcalloc(set->len + 1, sizeof(*r));
	struct entity **out = xcalloc(set->len + 1, sizeof(*out));
	size_t i;

	for (i = 0; i < set->len; i++) {
		r[i].rank = entity_rank(m, set->items[i]);
		r[i].index = i;
		r[i].e = set->items[i];
	}
	qsort(r, set->len, sizeof(*r), ranked_cmp);
	for (i = 0; i < set->len; i++)
		out[i] = r[i].e;
	free(r);
	return out;
}

/* Services grouped: a heading per group, in group order. */
static void
services_by_group(struct page_ctx *pc, xmlNodePtr parent, int level)
{
	struct entity **groups = pages_sorted(pc->m, KIND_GROUP);
	size_t i, j;

	for (i = 0; i < pc->m->set[KIND_GROUP].len; i++) {
		const struct group *g = (const struct group *)groups[i];
		xmlNodePtr h, ul;

		if (g->services.len == 0)
			continue;
		h = html_el(parent, level == 2 ? "h2" : "h3", NULL);
		page_entity_link(pc, h, &g->e);
		ul = html_el_class(parent, "ul", "service-list", NULL);
		for (j = 0; j < g->services.len; j++) {
			xmlNodePtr li = html_el(ul, "li", NULL);
			const struct service *s = (const struct service *)
			    g->services.items[j];

			page_entity_link(pc, li, &s->e);
			if (s->status.pos.line && s->status.v != STATUS_ACTIVE) {
				html_text(li, " ");
				html_el_class(li, "span", "status status-other",
				    ui_service_status(pc->lang, s->status.v));
			}
			if (s->summary.pos.line) {
				html_text(li, ": ");
				page_text(pc, li, &s->summary);
			}
			dev_mark_service_item(pc, li, s);
		}
	}
	free(groups);
}

/* A cell of the segmentation guide, labelled with its column's heading
 * for the narrow layout, where each level is a card. */
static xmlNodePtr
segment_cell(xmlNodePtr tr, const char *label)
{
	xmlNodePtr td = html_el(tr, "td", NULL);

	html_attr(td, "data-label", label);
	return td;
}

/* A cell holding a list of texts, or of references (refs). */
static void
segment_list_cell(struct page_ctx *pc, xmlNodePtr tr, const char *label,
    const struct list *l, int refs)
{
	xmlNodePtr td = segment_cell(tr, label), ul;
	size_t j;

	if (l->len == 0)
		return;
	ul = html_el(td, "ul", NULL);
	for (j = 0; j < l->len; j++) {
		xmlNodePtr li = html_el(ul, "li", NULL);

		if (refs) {
			const struct ref *r = &((struct ref *)l->items)[j];

			if (r->target != NULL)
				page_entity_link(pc, li, r->target);
		} else
			page_text(pc, li, &((struct text *)l->items)[j]);
	}
}

/*
 * The segmentation guide: the levels of support in one table, a row per
 * level from the lightest, with when and when not, the coordinator and
 * the typical services.  Each level's row head has the id seg-<id>,
 * which the decision guides' outcomes link to.  On a phone the theme
 * shows each row as a card, each cell under its label (data-label).
 */
static void
pages_render_segment_table(struct page_ctx *pc, xmlNodePtr main)
{
	enum lang L = pc->lang;
	struct entity **segs = pages_sorted(pc->m, KIND_SEGMENT);
	size_t n = pc->m->set[KIND_SEGMENT].len, i;
	static const enum ui_key cols[] = { UI_SEGMENT, UI_WHEN, UI_NOT_WHEN,
		UI_COORDINATOR, UI_TYPICAL_SERVICES };
	xmlNodePtr wrap, table, tr, th, tbody, td;
	char level[64];

	html_el_class(main, "p", "lead", ui(L, UI_SEGMENTS_LEAD));
	if (n == 0) {
		free(segs);
		return;
	}
	wrap = html_el_class(main, "div", "table-wrap", NULL);
	table = html_el_class(wrap, "table", "segments", NULL);
	html_el(table, "caption", kind_label(L, KIND_SEGMENT, 1));
	tr = html_el(html_el(table, "thead", NULL), "tr", NULL);
	for (i = 0; i < ARRAY_LEN(cols); i++)
		html_attr(html_el(tr, "th", ui(L, cols[i])), "scope", "col");
	tbody = html_el(table, "tbody", NULL);
	for (i = 0; i < n; i++) {
		const struct segment *s = (const struct segment *)segs[i];
		char *id = xasprintf("seg-%s", s->e.id);

		tr = html_el(tbody, "tr", NULL);
		th = html_el(tr, "th", NULL);
		html_attr(th, "scope", "row");
		html_attr(th, "id", id);
		page_entity_link(pc, th, &s->e);
		snprintf(level, sizeof(level), "%s %ld", ui(L, UI_LEVEL),
		    s->level.v);
		html_el_class(th, "span", "level", level);
		free(id);
		segment_list_cell(pc, tr, ui(L, UI_WHEN), &s->when, 0);
		segment_list_cell(pc, tr, ui(L, UI_NOT_WHEN), &s->not_when, 0);
		td = segment_cell(tr, ui(L, UI_COORDINATOR));
		if (s->coordinator.target != NULL)
			page_entity_link(pc, td, s->coordinator.target);
		segment_list_cell(pc, tr, ui(L, UI_TYPICAL_SERVICES),
		    &s->services, 1);
	}
	free(segs);
}

void
pages_render_list(struct page_ctx *pc, xmlNodePtr main, enum kind kind)
{
	struct entity **items;
	xmlNodePtr ul;
	size_t i;

	html_el(main, "h1", kind_label(pc->lang, kind, 1));
	if (kind == KIND_SERVICE) {
		dev_area_filter(pc, main);
		services_by_group(pc, main, 2);
		return;
	}
	if (kind == KIND_THEME) {
		dev_render_theme_overview(pc, main);
		return;
	}
	if (kind == KIND_SEGMENT) {
		pages_render_segment_table(pc, main);
		return;
	}
	items = pages_sorted(pc->m, kind);
	ul = html_el_class(main, "ul", "entity-list", NULL);
	for (i = 0; i < pc->m->set[kind].len; i++)
		page_entity_link(pc, html_el(ul, "li", NULL), items[i]);
	free(items);
}

/* One entry point of the front page: a link with a line under it. */
static void
task_link(struct page_ctx *pc, xmlNodePtr ul, const char *url,
    const char *label, const char *note)
{
	xmlNodePtr li = html_el(ul, "li", NULL);

	(void)pc;
	html_link(li, url, label);
	if (note != NULL)
		html_el_class(li, "span", "task-note", note);
}

/* The entry point to the list page of kind k, if there is anything. */
static void
task_kind(struct page_ctx *pc, xmlNodePtr ul, enum kind k, enum ui_key label,
    const char *note)
{
	char *url;

	if (pc->m->set[k].len == 0)
		return;
	url = page_url(pc, k, NULL);
	task_link(pc, ul, url, ui(pc->lang, label), note);
	free(url);
}

/* Whether guide g, as shown in lang, is written for audience id. */
static int
guide_for(const struct model *m, const struct entity *g, enum lang lang,
    const char *id)
{
	const struct guide_variant *v = guide_variant_for(m,
	    (const struct guide *)g, lang);
	size_t i;

	for (i = 0; v != NULL && i < v->audience.len; i++)
		if (strcmp(((struct ref *)v->audience.items)[i].id, id) == 0)
			return 1;
	return 0;
}

/* How many audiences guide g is written for (the fewer, the more its
 * own a group's). */
static size_t
guide_audiences(const struct model *m, const struct entity *g,
    enum lang lang)
{
	const struct guide_variant *v = guide_variant_for(m,
	    (const struct guide *)g, lang);

	return v != NULL ? v->audience.len : 0;
}

char *
pages_audience_path(const char *id)
{
	return xasprintf("%s/%s.html", AUDIENCE_DIR, id);
}

/* The guides for audience id, in reading order; returns how many, and
 * the array (borrowed pointers, caller frees) in *out. */
static size_t
audience_guides(const struct model *m, enum lang lang, const char *id,
    struct entity ***out)
{
	struct entity **all = pages_sorted(m, KIND_GUIDE);
	size_t i, n = 0;

	for (i = 0; i < m->set[KIND_GUIDE].len; i++)
		if (guide_for(m, all[i], lang, id))
			all[n++] = all[i];
	*out = all;
	return n;
}

#define FRONT_AUDIENCE_GUIDES 3  /* guides shown per reader group */

/*
 * A card per reader group of site.yaml: its name, linking to its page,
 * and the guides most its own (written for the fewest groups, then in
 * reading order).
 */
static void
front_audiences(struct page_ctx *pc, xmlNodePtr main)
{
	const struct model *m = pc->m;
	const struct audience *aus = m->site.audiences.items;
	xmlNodePtr sec, cards, li, h, ul;
	size_t i, j, k, n, shown;

	if (m->site.audiences.len == 0 || m->set[KIND_GUIDE].len == 0)
		return;
	sec = page_section(pc, main, ui(pc->lang, UI_FRONT_AUDIENCES), NULL);
	cards = html_el_class(sec, "ul", "audience-cards", NULL);
	for (i = 0; i < m->site.audiences.len; i++) {
		struct entity **gs;
		char *path, *url;

		n = audience_guides(m, pc->lang, aus[i].id.s, &gs);
		if (n == 0) {
			free(gs);
			continue;
		}
		li = html_el(cards, "li", NULL);
		h = html_el(li, "h3", NULL);
		path = pages_audience_path(aus[i].id.s);
		url = xasprintf("%s%s", pc->to_lang_root, path);
		page_text(pc, html_link(h, url, NULL), &aus[i].name);
		ul = html_el(li, "ul", NULL);
		/* Fewest audiences first; a stable pass per count keeps the
		 * reading order within one count. */
		shown = 0;
		for (k = 1; shown < FRONT_AUDIENCE_GUIDES && shown < n &&
		    k <= m->site.audiences.len; k++)
			for (j = 0; j < n && shown < FRONT_AUDIENCE_GUIDES; j++)
				if (guide_audiences(m, gs[j], pc->lang) == k) {
					page_entity_link(pc, html_el(ul, "li",
					    NULL), gs[j]);
					shown++;
				}
		html_link(html_el_class(li, "p", "audience-all", NULL), url,
		    ui(pc->lang, UI_AUDIENCE_ALL));
		free(url);
		free(path);
		free(gs);
	}
}

/*
 * The front page: the description, then entry points by task (each
 * decision guide, then the lists a reader starts from) and by reader
 * group.  The long lists live on their own pages.
 */
void
pages_render_front(struct page_ctx *pc, xmlNodePtr main)
{
	const struct model *m = pc->m;
	enum lang L = pc->lang;
	xmlNodePtr sec, ul;
	size_t i;
	char *url;

	html_el(main, "h1", text_get(&m->site.title, &m->site, L, NULL));
	md_section(pc, main, NULL, &m->site.description);
	sec = page_section(pc, main, ui(L, UI_FRONT_TASKS), NULL);
	ul = html_el_class(sec, "ul", "tasks", NULL);
	if (m->set[KIND_DECISION].len > 0) {
		struct entity **ds = pages_sorted(m, KIND_DECISION);

		for (i = 0; i < m->set[KIND_DECISION].len; i++) {
			xmlNodePtr li = html_el(ul, "li", NULL);

			page_entity_link(pc, li, ds[i]);
			html_el_class(li, "span", "task-note",
			    kind_label(L, KIND_DECISION, 0));
		}
		free(ds);
	}
	task_kind(pc, ul, KIND_SERVICE, UI_TASK_SERVICES,
	    ui(L, UI_TASK_SERVICES_NOTE));
	task_kind(pc, ul, KIND_SEGMENT, UI_TASK_SEGMENTS,
	    ui(L, UI_TASK_SEGMENTS_NOTE));
	task_kind(pc, ul, KIND_PATH, UI_TASK_PATHS, ui(L, UI_TASK_PATHS_NOTE));
	task_kind(pc, ul, KIND_MAP, UI_TASK_MAPS, kind_label(L, KIND_MAP, 1));
	task_kind(pc, ul, KIND_ACTOR, UI_TASK_ACTORS,
	    ui(L, UI_TASK_ACTORS_NOTE));
	task_kind(pc, ul, KIND_FLOW, UI_TASK_FLOWS, kind_label(L, KIND_FLOW, 1));
	task_kind(pc, ul, KIND_AREA, UI_TASK_AREAS, ui(L, UI_TASK_AREAS_NOTE));
	task_kind(pc, ul, KIND_THEME, UI_TASK_THEMES,
	    ui(L, UI_TASK_THEMES_NOTE));
	task_kind(pc, ul, KIND_MODEL, UI_TASK_MODELS,
	    ui(L, UI_TASK_MODELS_NOTE));
	task_kind(pc, ul, KIND_GUIDE, UI_TASK_GUIDES,
	    ui(L, UI_TASK_GUIDES_NOTE));
	url = xasprintf("%s%s", pc->to_lang_root, SEARCH_ATOZ_PATH);
	task_link(pc, ul, url, ui(L, UI_TASK_ATOZ), ui(L, UI_TASK_ATOZ_NOTE));
	free(url);
	front_audiences(pc, main);
	html_link(html_el_class(main, "p", "print-link", NULL), "print.html",
	    ui(L, UI_PRINT_HANDBOOK));
}

void
pages_render_audience(struct page_ctx *pc, xmlNodePtr main,
    const struct audience *au)
{
	struct entity **gs;
	size_t i, n = audience_guides(pc->m, pc->lang, au->id.s, &gs);
	xmlNodePtr ol;

	page_text_el(pc, main, "h1", NULL, &au->name);
	html_el_class(main, "p", "lead", ui(pc->lang, UI_AUDIENCE_LEAD));
	ol = n > 0 ? html_el_class(main, "ol", "guides", NULL) : NULL;
	for (i = 0; i < n; i++)
		page_entity_link(pc, html_el(ol, "li", NULL), gs[i]);
	free(gs);
}

/* The path of e's source file inside the content tree. */
static char *
source_path(const struct model *m, const struct entity *e, enum lang lang)
{
	if (e->kind == KIND_GUIDE) {
		const struct guide_variant *v = guide_variant_for(m,
		    (const struct guide *)e, lang);
		const char *base;

		if (v == NULL || v->file == NULL)
			return NULL;
		base = strrchr(v->file, '/');
		return xasprintf("%s/%s", kind_dirs[KIND_GUIDE],
		    base ? base + 1 : v->file);
	}
	return xasprintf("%s/%s.yaml", kind_dirs[e->kind], e->id);
}

/* The template with every {path} replaced by path; caller frees. */
static char *
fill_template(const char *tpl, const char *path)
{
	struct buf b = { 0 };
	const char *s = tpl, *at;

	while ((at = strstr(s, "{path}")) != NULL) {
		buf_append(&b, s, (size_t)(at - s));
		buf_puts(&b, path);
		s = at + 6;
	}
	buf_puts(&b, s);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

void
pages_render_meta(struct page_ctx *pc, xmlNodePtr main,
    const struct entity *e)
{
	const struct model *m = pc->m;
	const struct str *reviewed = &e->reviewed;
	xmlNodePtr p = NULL, t;
	char date[32], *path;

	if (e->kind == KIND_GUIDE) {
		const struct guide_variant *v = guide_variant_for(m,
		    (const struct guide *)e, pc->lang);

		if (v != NULL && v->reviewed.s != NULL)
			reviewed = &v->reviewed;
	}
	if (reviewed->s != NULL) {
		p = html_el_class(main, "p", "page-meta", NULL);
		html_text(p, ui(pc->lang, UI_REVIEWED));
		html_text(p, " ");
		review_date_text(reviewed->s, pc->lang, date, sizeof(date));
		t = html_el(p, "time", date);
		html_attr(t, "datetime", reviewed->s);
	}
	if (m->site.edit_url.s != NULL &&
	    (path = source_path(m, e, pc->lang)) != NULL) {
		char *url = fill_template(m->site.edit_url.s, path);

		if (p == NULL)
			p = html_el_class(main, "p", "page-meta", NULL);
		else
			html_text(p, " · ");
		html_link(p, url, ui(pc->lang, UI_EDIT_PAGE));
		free(url);
		free(path);
	}
}

char *
pages_description(const struct model *m, const struct entity *e,
    enum lang lang)
{
	static const char *const keys[] = { "summary", "description" };
	const struct schema *s = schema_of_kind[e->kind];
	const struct field *f;
	size_t k;

	if (e->kind == KIND_GUIDE) {
		const struct guide_variant *v = guide_variant_for(m,
		    (const struct guide *)e, lang);

		return v != NULL && v->md != NULL ? md_text_plain(v->md) : NULL;
	}
	for (k = 0; s != NULL && k < ARRAY_LEN(keys); k++)
		for (f = s->fields; f->key != NULL; f++) {
			const struct text_part *p;

			if (strcmp(f->key, keys[k]) != 0 || (f->type != FT_TEXT &&
			    f->type != FT_MD))
				continue;
			p = text_part_get((const struct text *)((const char *)e +
			    f->offset), &m->site, lang);
			if (p == NULL || p->s == NULL)
				continue;
			return f->type == FT_MD && p->md != NULL ?
			    md_text_plain(p->md) : xstrdup(p->s);
		}
	return NULL;
}
