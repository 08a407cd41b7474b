#include "anchors.h"

#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "page.h"
#include "pages.h"
#include "schema.h"
#include "util.h"

/* The ids of one rendered page. */
struct page_ids {
	char **v;    /* owned strings */
	size_t n;
	size_t cap;
};

/* A page a fragment leads to: an entity's page in a language. */
struct target {
	const struct entity *e; /* borrowed */
	enum lang lang;
	struct page_ids *ids;   /* owned once rendered */
};

static void
collect_ids(xmlNodePtr n, struct page_ids *ids)
{
	/* Iterative: a page is as deep as its Markdown, which the content
	 * decides. */
	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			xmlChar *v = xmlGetProp(n, BAD_CAST "id");

			if (v != NULL) {
				*(char **)array_push(&ids->v, &ids->n,
				    &ids->cap, sizeof(char *)) =
				    xstrdup((const char *)v);
				xmlFree(v);
			}
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
		}
		while (n != NULL && n->next == NULL)
			n = n->parent;
		if (n != NULL)
			n = n->next;
	}
}

static struct page_ids *
render_ids(const struct model *m, const struct html_template *tpl,
    const struct entity *e, enum lang lang)
{
	struct page_ids *ids = xcalloc(1, sizeof(*ids));
	struct page_ctx pc;
	struct buf out = { 0 };

	pages_entity_page(&pc, m, tpl, lang, e);
	collect_ids(xmlDocGetRootElement(pc.page.doc), ids);
	page_end(&pc, &out);
	buf_free(&out);
	return ids;
}

static void
page_ids_free(struct page_ids *ids)
{
	size_t i;

	if (ids == NULL)
		return;
	for (i = 0; i < ids->n; i++)
		free(ids->v[i]);
	free(ids->v);
	free(ids);
}

static int
lang_of(const struct model *m, const char *name, enum lang *lang)
{
	size_t i;

	for (i = 0; i < m->site.nlangs; i++)
		if (strcmp(lang_names[m->site.langs[i]], name) == 0) {
			*lang = m->site.langs[i];
			return 1;
		}
	return 0;
}

/*
 * The entity page and language the link f leads to, or 0 when it leads
 * elsewhere (a list page, the front page, out of the handbook), which
 * is not judged here.  *frag gets the fragment (caller frees).
 */
static int
link_target(const struct model *m, const struct fragment_link *f,
    const struct entity **e, enum lang *lang, char **frag)
{
	const char *hash = strchr(f->url, '#');
	char *path, *seg[64], *tok, *save = NULL;
	size_t n = 0, i = 0, len;
	int k, ok = 0;

	*lang = f->lang;
	if (hash == NULL || hash[1] == '\0')
		return 0;
	*frag = xstrdup(hash + 1);
	if (strncmp(f->url, "guide:", 6) == 0) {
		char *id = xstrndup(f->url + 6, (size_t)(hash - f->url - 6));

		*e = model_find(m, KIND_GUIDE, id);
		free(id);
		goto out;
	}
	path = xstrndup(f->url, strcspn(f->url, "?#"));
	if (path[0] == '\0') {
		/* "#osio": the page the text is on, if it is an entity's. */
		*e = f->on;
		free(path);
		goto out;
	}
	if (f->base != NULL && f->base[0] != '\0')
		seg[n++] = (char *)f->base;
	for (tok = strtok_r(path, "/", &save); tok != NULL;
	    tok = strtok_r(NULL, "/", &save)) {
		if (strcmp(tok, ".") == 0)
			continue;
		if (strcmp(tok, "..") == 0) {
			if (n == 0)
				break;
			n--;
		} else if (n < ARRAY_LEN(seg))
			seg[n++] = tok;
	}
	*e = NULL;
	if (tok == NULL) {
		if (n == 3 && lang_of(m, seg[0], lang))
			i = 1;
		if (n - i == 2) {
			for (k = 0; k < KIND_COUNT; k++)
				if (strcmp(seg[i], kind_dirs[k]) == 0)
					break;
			len = strlen(seg[i + 1]);
			if (k < KIND_COUNT && len > 5 &&
			    strcmp(seg[i + 1] + len - 5, ".html") == 0) {
				seg[i + 1][len - 5] = '\0';
				*e = model_find(m, (enum kind)k, seg[i + 1]);
			}
		}
	}
	free(path);
out:
	ok = *e != NULL;
	if (!ok) {
		free(*frag);
		*frag = NULL;
	}
	return ok;
}

size_t
anchors_check(const struct model *m, const char *theme_dir,
    struct diag_list *dl)
{
	struct diag_list *scratch;
	struct html_template *tpl;
	struct target *t = NULL;
	size_t nt = 0, capt = 0, i, j, errors = 0;
	char *path;

	if (m->nfragments == 0)
		return 0;
	path = path_join(theme_dir, "page.xhtml");
	scratch = diag_list_new();
	tpl = html_template_load(path, scratch);
	diag_list_free(scratch);
	free(path);
	if (tpl == NULL)
		return 0;
	for (i = 0; i < m->nfragments; i++) {
		const struct fragment_link *f = &m->fragments[i];
		const struct entity *e;
		struct target *tg = NULL;
		struct suggest sg;
		enum lang lang;
		char *frag = NULL, *page;
		int found = 0;

		if (!link_target(m, f, &e, &lang, &frag))
			continue;
		for (j = 0; j < nt && tg == NULL; j++)
			if (t[j].e == e && t[j].lang == lang)
				tg = &t[j];
		if (tg == NULL) {
			tg = array_push(&t, &nt, &capt, sizeof(*t));
			tg->e = e;
			tg->lang = lang;
			tg->ids = render_ids(m, tpl, e, lang);
		}
		suggest_init(&sg, frag);
		for (j = 0; j < tg->ids->n && !found; j++) {
			found = strcmp(tg->ids->v[j], frag) == 0;
			suggest_offer(&sg, tg->ids->v[j]);
		}
		if (!found) {
			char *rel = page_path(e->kind, e->id);

			page = xasprintf("%s%s", lang_root(m, lang), rel);
			free(rel);
			if (suggest_result(&sg) != NULL)
				diag_error(dl, f->pos, "link to \"%s\": the page "
				    "%s has no \"#%s\" (did you mean \"#%s\"?)",
				    f->url, page, frag, suggest_result(&sg));
			else
				diag_error(dl, f->pos, "link to \"%s\": the page "
				    "%s has no \"#%s\" (a heading's id is its "
				    "text in lower case without accents, words "
				    "joined by '-')",
				    f->url, page, frag);
			free(page);
			errors++;
		}
		free(frag);
	}
	for (i = 0; i < nt; i++)
		page_ids_free(t[i].ids);
	free(t);
	html_template_free(tpl);
	return errors;
}
