#include "page.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "a11y.h"
#include "diagram.h"
#include "resolve.h"
#include "search.h"
#include "util.h"

static const enum ui_key kind_ui_plural[KIND_COUNT] = {
	[KIND_ACTOR] = UI_ACTORS, [KIND_GROUP] = UI_GROUPS,
	[KIND_SERVICE] = UI_SERVICES, [KIND_PATH] = UI_PATHS,
	[KIND_SEGMENT] = UI_SEGMENTS, [KIND_DECISION] = UI_DECISIONS,
	[KIND_MAP] = UI_MAPS, [KIND_FLOW] = UI_FLOWS, [KIND_GUIDE] = UI_GUIDES,
	[KIND_AREA] = UI_AREAS, [KIND_THEME] = UI_THEMES,
	[KIND_MODEL] = UI_MODELS,
};
static const enum ui_key kind_ui_singular[KIND_COUNT] = {
	[KIND_ACTOR] = UI_ACTOR, [KIND_GROUP] = UI_GROUP,
	[KIND_SERVICE] = UI_SERVICE, [KIND_PATH] = UI_PATH,
	[KIND_SEGMENT] = UI_SEGMENT, [KIND_DECISION] = UI_DECISION,
	[KIND_MAP] = UI_MAP, [KIND_FLOW] = UI_FLOW, [KIND_GUIDE] = UI_GUIDE,
	[KIND_AREA] = UI_AREA, [KIND_THEME] = UI_THEME, [KIND_MODEL] = UI_MODEL,
};

void
page_add_script(struct page_ctx *pc, const char *name)
{
	xmlNodePtr js = pc->page.slot[SLOT_JS], n;
	char *src;

	if (js == NULL || js->parent == NULL)
		return;
	n = xmlNewDocNode(js->doc, js->ns, (const xmlChar *)"script", NULL);
	if (n == NULL || xmlAddNextSibling(js, n) == NULL)
		fatal_oom();
	src = xasprintf("%stheme/%s", pc->to_root, name);
	html_attr(n, "src", src);
	html_attr(n, "defer", "defer");
	free(src);
}

/* The order of the site navigation. */
static const enum kind nav_kinds[] = { KIND_GUIDE, KIND_SERVICE,
	KIND_ACTOR, KIND_PATH, KIND_SEGMENT, KIND_DECISION, KIND_MAP,
	KIND_FLOW, KIND_THEME, KIND_MODEL, KIND_AREA };

const char *
kind_label(enum lang lang, enum kind kind, int plural)
{
	return ui(lang, plural ? kind_ui_plural[kind] : kind_ui_singular[kind]);
}

const char *
lang_root(const struct model *m, enum lang lang)
{
	static const char *const roots[LANG_COUNT] = { "fi/", "sv/", "en/" };

	return lang == m->site.langs[0] ? "" : roots[lang];
}

char *
page_path(enum kind kind, const char *id)
{
	if (id == NULL)
		return xasprintf("%s/index.html", kind_dirs[kind]);
	return xasprintf("%s/%s.html", kind_dirs[kind], id);
}

char *
page_url(const struct page_ctx *pc, enum kind kind, const char *id)
{
	char *path = page_path(kind, id), *url;

	url = xasprintf("%s%s", pc->to_lang_root, path);
	free(path);
	return url;
}

/* md_env callbacks for rendering. */

static char *
env_url(void *arg, enum md_ref_kind kind, const char *id, const char *frag)
{
	struct page_ctx *pc = arg;
	enum kind k = kind_of_md_ref(kind);
	char *url, *full;

	if (model_find(pc->m, k, id) == NULL)
		return NULL;
	url = page_url(pc, k, id);
	if (frag == NULL)
		return url;
	full = xasprintf("%s#%s", url, frag);
	free(url);
	return full;
}

static int
env_exists(void *arg, enum md_ref_kind kind, const char *id)
{
	struct page_ctx *pc = arg;

	return model_find(pc->m, kind_of_md_ref(kind), id) != NULL;
}

/* An image of map:, path:, decision: or flow: alone in its paragraph:
 * the diagram itself. */
static int
env_embed(void *arg, enum md_ref_kind kind, const char *id, const char *alt,
    xmlNodePtr parent)
{
	struct page_ctx *pc = arg;
	const struct entity *e = model_find(pc->m, kind_of_md_ref(kind), id);

	(void)alt;
	if (e == NULL || diagram_figure(pc, parent, e) == NULL)
		return 0;
	/* The picture's text alternative lives on the entity's page. */
	page_entity_link(pc, html_el_class(parent, "p", "diagram-page",
	    NULL), e);
	return 1;
}

static char *
env_asset(void *arg, const char *path)
{
	struct page_ctx *pc = arg;

	if (!model_asset_published(pc->m, path))
		return NULL;
	return xasprintf("%s%s", pc->to_root, path);
}

static char *
repeat_up(size_t n)
{
	struct buf b = { 0 };

	while (n-- > 0)
		buf_puts(&b, "../");
	return buf_detach(&b);
}

static void
fill_nav(struct page_ctx *pc, xmlNodePtr nav)
{
	xmlNodePtr ul, li, a;
	char *url;
	size_t i;

	html_attr(nav, "aria-label", ui(pc->lang, UI_NAV));
	ul = html_el(nav, "ul", NULL);
	li = html_el(ul, "li", NULL);
	url = xasprintf("%sindex.html", pc->to_lang_root);
	a = html_link(li, url, ui(pc->lang, UI_HOME));
	if (strcmp(pc->rel, "index.html") == 0)
		html_attr(a, "aria-current", "page");
	free(url);
	for (i = 0; i < ARRAY_LEN(nav_kinds); i++) {
		enum kind k = nav_kinds[i];
		char *path;

		if (pc->m->set[k].len == 0)
			continue;
		li = html_el(ul, "li", NULL);
		url = page_url(pc, k, NULL);
		a = html_link(li, url, kind_label(pc->lang, k, 1));
		path = page_path(k, NULL);
		if (strcmp(pc->rel, path) == 0)
			html_attr(a, "aria-current", "page");
		free(path);
		free(url);
	}
}

static void
fill_langs(struct page_ctx *pc, xmlNodePtr nav)
{
	const struct site *site = &pc->m->site;
	xmlNodePtr ul;
	size_t i;

	if (site->nlangs < 2) {
		xmlUnlinkNode(nav);
		xmlFreeNode(nav);
		return;
	}
	html_attr(nav, "aria-label", ui(pc->lang, UI_LANGS));
	ul = html_el(nav, "ul", NULL);
	for (i = 0; i < site->nlangs; i++) {
		enum lang l = site->langs[i];
		xmlNodePtr li = html_el(ul, "li", NULL), a;
		char *url = xasprintf("%s%s%s", pc->to_root, lang_root(pc->m, l),
		    pc->rel);

		a = html_link(li, url, ui(l, UI_LANGUAGE_NAME));
		html_attr(a, "lang", lang_names[l]);
		html_attr(a, "hreflang", lang_names[l]);
		if (l == pc->lang)
			html_attr(a, "aria-current", "true");
		free(url);
	}
}

static void
fill_breadcrumbs(struct page_ctx *pc, xmlNodePtr nav, const char *title,
    enum kind crumb_kind)
{
	xmlNodePtr ol, li;
	char *url;

	if (strcmp(pc->rel, "index.html") == 0) {
		xmlUnlinkNode(nav);
		xmlFreeNode(nav);
		return;
	}
	html_attr(nav, "aria-label", ui(pc->lang, UI_BREADCRUMBS));
	ol = html_el(nav, "ol", NULL);
	li = html_el(ol, "li", NULL);
	url = xasprintf("%sindex.html", pc->to_lang_root);
	html_link(li, url, ui(pc->lang, UI_HOME));
	free(url);
	if (crumb_kind != KIND_NONE) {
		li = html_el(ol, "li", NULL);
		url = page_url(pc, crumb_kind, NULL);
		html_link(li, url, kind_label(pc->lang, crumb_kind, 1));
		free(url);
	}
	li = html_el(ol, "li", NULL);
	pc->crumb = html_el(li, "span", title);
	html_attr(pc->crumb, "aria-current", "page");
}

static void
fill_footer(struct page_ctx *pc, xmlNodePtr footer)
{
	const struct site *site = &pc->m->site;
	xmlNodePtr p;

	if (site->publisher.pos.line) {
		p = html_el(footer, "p", NULL);
		html_text(p, ui(pc->lang, UI_PUBLISHER));
		html_text(p, ": ");
		page_text(pc, p, &site->publisher);
	}
	if (site->region.pos.line) {
		p = html_el(footer, "p", NULL);
		html_text(p, ui(pc->lang, UI_REGION));
		html_text(p, ": ");
		page_text(pc, p, &site->region);
	}
	if (site->license.s) {
		p = html_el(footer, "p", NULL);
		html_text(p, ui(pc->lang, UI_LICENSE));
		html_text(p, ": ");
		html_text(p, site->license.s);
	}
}

xmlNodePtr
page_begin(struct page_ctx *pc, const struct model *m,
    const struct html_template *tpl, enum lang lang, const char *rel,
    const char *title, enum kind crumb_kind)
{
	struct html_page *hp = &pc->page;
	const char *site_title;
	size_t depth = 0, i;
	char *s;

	memset(pc, 0, sizeof(*pc));
	pc->m = m;
	pc->lang = lang;
	pc->rel = xstrdup(rel);
	for (i = 0; rel[i]; i++)
		depth += rel[i] == '/';
	pc->to_lang_root = repeat_up(depth);
	pc->to_root = repeat_up(depth + (lang_root(m, lang)[0] != '\0'));
	pc->env.exists = env_exists;
	pc->env.url = env_url;
	pc->env.asset_url = env_asset;
	pc->env.embed = env_embed;
	pc->env.arg = pc;
	pc->env.ids = md_ids_new();
	html_page_init(hp, tpl, lang_names[lang]);

	site_title = text_get(&m->site.title, &m->site, lang, NULL);
	if (site_title == NULL)
		site_title = "";
	if (hp->slot[SLOT_TITLE]) {
		if (title != NULL && strcmp(rel, "index.html") != 0) {
			s = xasprintf("%s – %s", title, site_title);
			html_text(hp->slot[SLOT_TITLE], s);
			free(s);
		} else
			html_text(hp->slot[SLOT_TITLE], site_title);
	}
	if (hp->slot[SLOT_CSS]) {
		xmlChar *href = xmlGetProp(hp->slot[SLOT_CSS],
		    (const xmlChar *)"href");

		s = xasprintf("%s%s", pc->to_root, href ? (char *)href :
		    "theme/style.css");
		html_attr(hp->slot[SLOT_CSS], "href", s);
		free(s);
		xmlFree(href);
	}
	if (hp->slot[SLOT_ICON]) {
		xmlChar *href = xmlGetProp(hp->slot[SLOT_ICON],
		    (const xmlChar *)"href");

		s = xasprintf("%s%s", pc->to_root, href ? (char *)href :
		    "theme/favicon.svg");
		html_attr(hp->slot[SLOT_ICON], "href", s);
		free(s);
		xmlFree(href);
	}
	if (hp->slot[SLOT_JS]) {
		xmlChar *src = xmlGetProp(hp->slot[SLOT_JS],
		    (const xmlChar *)"src");

		s = xasprintf("%s%s", pc->to_root, src ? (char *)src :
		    "theme/search.js");
		html_attr(hp->slot[SLOT_JS], "src", s);
		free(s);
		xmlFree(src);
	}
	if (hp->slot[SLOT_SEARCH])
		search_form_fill(pc, hp->slot[SLOT_SEARCH]);
	if (hp->slot[SLOT_SKIP])
		html_text(hp->slot[SLOT_SKIP], ui(lang, UI_SKIP));
	if (hp->slot[SLOT_HOME]) {
		s = xasprintf("%sindex.html", pc->to_lang_root);
		html_attr(hp->slot[SLOT_HOME], "href", s);
		free(s);
		page_text(pc, hp->slot[SLOT_HOME], &m->site.title);
	}
	if (hp->slot[SLOT_MENU])
		html_text(hp->slot[SLOT_MENU], ui(lang, UI_MENU));
	if (hp->slot[SLOT_NAV])
		fill_nav(pc, hp->slot[SLOT_NAV]);
	if (hp->slot[SLOT_LANGS])
		fill_langs(pc, hp->slot[SLOT_LANGS]);
	if (hp->slot[SLOT_BREADCRUMBS])
		fill_breadcrumbs(pc, hp->slot[SLOT_BREADCRUMBS],
		    title ? title : site_title, crumb_kind);
	if (hp->slot[SLOT_FOOTER]) {
		fill_footer(pc, hp->slot[SLOT_FOOTER]);
		a11y_footer_links(pc, hp->slot[SLOT_FOOTER]);
	}
	if (hp->slot[SLOT_MAIN] == NULL)
		hp->slot[SLOT_MAIN] = html_el(xmlDocGetRootElement(hp->doc),
		    "main", NULL);
	return hp->slot[SLOT_MAIN];
}

void
page_describe(struct page_ctx *pc, const char *text)
{
	xmlNodePtr meta = pc->page.slot[SLOT_DESCRIPTION];
	struct buf b = { 0 };
	size_t chars = 0, cut = 0;
	const char *s;
	int space = 1;

	if (meta == NULL || text == NULL)
		return;
	/* One line, at most about 160 characters, cut at a space. */
	for (s = text; *s; s++) {
		int ws = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';

		if (ws) {
			if (!space) {
				cut = b.len;
				buf_putc(&b, ' ');
			}
			space = 1;
			continue;
		}
		if (((unsigned char)*s & 0xC0) != 0x80 && ++chars > 160)
			break;
		buf_putc(&b, *s);
		space = 0;
	}
	if (*s != '\0' && cut > 0) {
		b.len = cut;
		buf_puts(&b, "…");
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.len--;
	buf_putc(&b, '\0');
	if (b.data[0] != '\0')
		html_attr(meta, "content", b.data);
	buf_free(&b);
}

void
page_end(struct page_ctx *pc, struct buf *out)
{
	xmlNodePtr meta = pc->page.slot[SLOT_DESCRIPTION];
	xmlChar *content = meta ? xmlGetProp(meta,
	    (const xmlChar *)"content") : NULL;

	/* A page with nothing to say about itself says nothing. */
	if (meta != NULL && (content == NULL || content[0] == '\0')) {
		xmlUnlinkNode(meta);
		xmlFreeNode(meta);
	}
	xmlFree(content);
	html_page_serialize(&pc->page, out);
	html_page_release(&pc->page);
	md_headings_free(pc->headings, pc->nheadings);
	md_ids_free(pc->env.ids);
	free(pc->rel);
	free(pc->to_lang_root);
	free(pc->to_root);
	memset(pc, 0, sizeof(*pc));
}

void
page_fallback_cue(struct page_ctx *pc, xmlNodePtr parent, enum lang used,
    int inside)
{
	static const enum ui_key names[LANG_COUNT] = { UI_IN_FINNISH,
		UI_IN_SWEDISH, UI_IN_ENGLISH };
	char *cue = xasprintf("(%s)", ui(pc->lang, names[used]));
	xmlNodePtr span;

	html_text(parent, " ");
	span = html_el_class(parent, "span", "fallback-cue", cue);
	if (inside)
		html_attr(span, "lang", lang_names[pc->lang]);
	free(cue);
}

void
page_text(struct page_ctx *pc, xmlNodePtr parent, const struct text *t)
{
	enum lang used;
	const char *s = text_get(t, &pc->m->site, pc->lang, &used);

	if (s == NULL)
		return;
	if (used != pc->lang) {
		xmlNodePtr span = html_el(parent, "span", s);

		html_attr(span, "lang", lang_names[used]);
		page_fallback_cue(pc, parent, used, 0);
	} else
		html_text(parent, s);
}

xmlNodePtr
page_text_el(struct page_ctx *pc, xmlNodePtr parent, const char *name,
    const char *cls, const struct text *t)
{
	enum lang used;
	const char *s = text_get(t, &pc->m->site, pc->lang, &used);
	xmlNodePtr el;

	if (s == NULL)
		return NULL;
	el = html_el_class(parent, name, cls, s);
	if (used != pc->lang) {
		html_attr(el, "lang", lang_names[used]);
		page_fallback_cue(pc, el, used, 1);
	}
	return el;
}

void
page_md(struct page_ctx *pc, xmlNodePtr parent, const struct text *t,
    int shift)
{
	const struct text_part *p = text_part_get(t, &pc->m->site, pc->lang);
	xmlNodePtr into = parent;

	if (p == NULL || p->md == NULL)
		return;
	if (p != &t->part[pc->lang]) {
		into = html_el(parent, "div", NULL);
		html_attr(into, "lang", lang_names[p - t->part]);
		page_fallback_cue(pc, html_el_class(into, "p", "fallback-note",
		    NULL), (enum lang)(p - t->part), 1);
	}
	md_render(p->md, &pc->env, into, &pc->headings, &pc->nheadings, shift);
}

xmlNodePtr
page_entity_link(struct page_ctx *pc, xmlNodePtr parent,
    const struct entity *e)
{
	char *url = page_url(pc, e->kind, e->id);
	enum lang used;
	xmlNodePtr a = html_link(parent, url,
	    entity_title_in(pc->m, e, pc->lang, &used));

	if (used != pc->lang) {
		html_attr(a, "lang", lang_names[used]);
		page_fallback_cue(pc, parent, used, 0);
	}
	free(url);
	return a;
}

void
page_title_lang(struct page_ctx *pc, enum lang used)
{
	if (used != pc->lang && pc->crumb != NULL)
		html_attr(pc->crumb, "lang", lang_names[used]);
}

xmlNodePtr
page_entity_h1(struct page_ctx *pc, xmlNodePtr parent,
    const struct entity *e)
{
	enum lang used;
	xmlNodePtr h1 = html_el(parent, "h1",
	    entity_title_in(pc->m, e, pc->lang, &used));

	if (used != pc->lang) {
		html_attr(h1, "lang", lang_names[used]);
		page_fallback_cue(pc, h1, used, 1);
	}
	return h1;
}

xmlNodePtr
page_entity_list(struct page_ctx *pc, xmlNodePtr parent, const char *heading,
    struct entity *const *items, size_t n)
{
	xmlNodePtr sec, ul;
	size_t i;

	if (n == 0)
		return NULL;
	sec = page_section(pc, parent, heading, NULL);
	ul = html_el(sec, "ul", NULL);
	for (i = 0; i < n; i++)
		page_entity_link(pc, html_el(ul, "li", NULL), items[i]);
	return sec;
}

xmlNodePtr
page_ref_list(struct page_ctx *pc, xmlNodePtr parent, const char *heading,
    const struct list *refs)
{
	struct entity **items;
	size_t i, n = 0;
	xmlNodePtr sec;

	if (refs->len == 0)
		return NULL;
	items = xcalloc(refs->len, sizeof(*items));
	for (i = 0; i < refs->len; i++) {
		struct ref *r = &((struct ref *)refs->items)[i];

		if (r->target)
			items[n++] = r->target;
	}
	sec = page_entity_list(pc, parent, heading, items, n);
	free(items);
	return sec;
}

xmlNodePtr
page_section(struct page_ctx *pc, xmlNodePtr parent, const char *heading,
    const char *id)
{
	xmlNodePtr sec = html_el(parent, "section", NULL);
	xmlNodePtr h = html_el(sec, "h2", heading);
	char *slug = id ? xstrdup(id) : md_slug(heading);
	/* Section ids share the namespace of Markdown heading ids. */
	char *unique = md_ids_claim(pc->env.ids, slug);

	html_attr(h, "id", unique);
	pc->headings = xreallocarray(pc->headings, pc->nheadings + 1,
	    sizeof(*pc->headings));
	pc->headings[pc->nheadings].level = 2;
	pc->headings[pc->nheadings].id = unique;
	pc->headings[pc->nheadings].text = xstrdup(heading);
	pc->nheadings++;
	free(slug);
	return sec;
}

/* The digits of a phone number as written, with a leading +: tel:. */
static char *
tel_href(const char *phone)
{
	struct buf b = { 0 };
	const char *s;

	buf_puts(&b, "tel:");
	for (s = phone; *s; s++)
		if ((*s >= '0' && *s <= '9') || (*s == '+' && b.len == 4))
			buf_putc(&b, *s);
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

xmlNodePtr
page_contact_link(struct page_ctx *pc, xmlNodePtr parent, const char *value,
    int email)
{
	char *href;
	xmlNodePtr a;

	(void)pc;
	if (email) {
		/* A public service address; anything odd stays text. */
		if (strchr(value, '@') == NULL || strpbrk(value, " <>\"?&#") != NULL) {
			html_text(parent, value);
			return NULL;
		}
		href = xasprintf("mailto:%s", value);
	} else {
		href = tel_href(value);
		if (strlen(href) < 4 + 3) {
			free(href);
			html_text(parent, value);
			return NULL;
		}
	}
	a = html_link(parent, href, value);
	free(href);
	return a;
}
