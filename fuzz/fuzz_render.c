/*
 * Page rendering of a valid model with fuzzed texts.  The skeleton of
 * `kartta init` is loaded, then every text and Markdown value of it
 * (site.yaml, every entity, every guide's body) is replaced by a piece
 * of the input: the input is cut at NUL bytes, each piece made into a
 * string a YAML file could hold (fuzz_text), and the pieces given out in
 * turn.  The model is resolved; when that finds no error, as a build
 * requires, every page of every language is rendered as build.c renders
 * it (front, audiences, reading aids, lists, entities with their
 * contents and pager) and serialised, in memory.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "a11y.h"
#include "scratch.h"
#include "html.h"
#include "load.h"
#include "page.h"
#include "pages.h"
#include "resolve.h"
#include "schema.h"
#include "search.h"
#include "toc.h"
#include "util.h"

#ifndef FUZZ_THEME
#define FUZZ_THEME "themes/default"
#endif

struct pieces {
	char **v;    /* owned strings */
	size_t n;
	size_t next; /* the piece given out next */
};

static char *
take(struct pieces *p)
{
	return xstrdup(p->v[p->next++ % p->n]);
}

static void
replace(const struct field *f, void *value, unsigned flags, void *arg)
{
	struct text *t = value;
	size_t i;

	(void)flags;
	if (f->type != FT_TEXT && f->type != FT_MD)
		return;
	for (i = 0; i < LANG_COUNT; i++) {
		struct text_part *part = &t->part[i];

		if (part->s == NULL)
			continue;
		free(part->s);
		part->s = take(arg);
	}
}

static void
replace_all(struct model *m, struct pieces *p)
{
	size_t k, i, l;

	schema_walk(&schema_site, &m->site, 0, replace, p);
	for (k = 0; k < KIND_COUNT; k++) {
		for (i = 0; i < m->set[k].len; i++) {
			struct guide *g = (struct guide *)m->set[k].items[i];

			if (k != KIND_GUIDE) {
				schema_walk(schema_of_kind[k], m->set[k].items[i],
				    0, replace, p);
				continue;
			}
			for (l = 0; l < LANG_COUNT; l++) {
				struct guide_variant *v = &g->variant[l];

				if (v->file == NULL)
					continue;
				schema_walk(&schema_guide_front, v, 0, replace,
				    p);
				free(v->body);
				v->body = take(p);
				v->body_len = strlen(v->body);
			}
		}
	}
}

static void
finish(struct page_ctx *pc)
{
	struct buf out = { 0 };

	page_end(pc, &out);
	buf_free(&out);
}

/* Every page of lang, as build_language and build_reading_aids make
 * them. */
static void
render_language(const struct model *m, const struct html_template *tpl,
    enum lang lang)
{
	struct page_ctx pc;
	struct buf js = { 0 };
	xmlNodePtr main;
	size_t k, i;

	main = page_begin(&pc, m, tpl, lang, "index.html", NULL, KIND_NONE);
	pages_render_front(&pc, main);
	finish(&pc);
	for (i = 0; i < m->site.audiences.len; i++) {
		const struct audience *au = &((const struct audience *)
		    m->site.audiences.items)[i];
		char *rel = pages_audience_path(au->id.s);

		main = page_begin(&pc, m, tpl, lang, rel,
		    text_get(&au->name, &m->site, lang, NULL), KIND_NONE);
		pages_render_audience(&pc, main, au);
		finish(&pc);
		free(rel);
	}
	main = page_begin(&pc, m, tpl, lang, SEARCH_ATOZ_PATH,
	    ui(lang, UI_ATOZ), KIND_NONE);
	search_render_atoz(&pc, main);
	finish(&pc);
	if (search_has_tags(m)) {
		main = page_begin(&pc, m, tpl, lang, SEARCH_TAGS_PATH,
		    ui(lang, UI_TAGS), KIND_NONE);
		search_render_tags(&pc, main);
		toc_permalinks(&pc, main);
		finish(&pc);
	}
	main = page_begin(&pc, m, tpl, lang, A11Y_PATH, ui(lang, UI_A11Y),
	    KIND_NONE);
	a11y_render_statement(&pc, main);
	toc_insert(&pc, main);
	finish(&pc);
	search_index_js(m, lang, &js);
	buf_free(&js);
	for (k = 0; k < KIND_COUNT; k++) {
		char *rel;

		if (m->set[k].len == 0)
			continue;
		rel = page_path((enum kind)k, NULL);
		main = page_begin(&pc, m, tpl, lang, rel,
		    kind_label(lang, (enum kind)k, 1), KIND_NONE);
		pages_render_list(&pc, main, (enum kind)k);
		finish(&pc);
		free(rel);
		for (i = 0; i < m->set[k].len; i++) {
			pages_entity_page(&pc, m, tpl, lang, m->set[k].items[i]);
			finish(&pc);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct html_template *tpl;
	struct pieces p = { NULL, 0, 0 };
	size_t start = 0, i, cap = 0;
	struct diag_list *dl = diag_list_new();
	struct model *m;

	if (tpl == NULL) {
		const char *theme = getenv("KARTTA_FUZZ_THEME");
		char *path = path_join(theme ? theme : FUZZ_THEME,
		    "page.xhtml");

		if ((tpl = html_template_load(path, dl)) == NULL) {
			diag_print(dl, stderr, DIAG_FORMAT_PLAIN);
			abort();
		}
		free(path);
	}
	for (i = 0; i <= size; i++) {
		char *s;

		if (i < size && data[i] != '\0')
			continue;
		s = fuzz_text(data + start, i - start);
		start = i + 1;
		/* A blank text is an absent one: the loader never gives
		 * it, so it is not given here either. */
		if (s[strspn(s, " \t\n")] == '\0') {
			free(s);
			continue;
		}
		*(char **)array_push(&p.v, &p.n, &cap, sizeof(*p.v)) = s;
	}
	m = load_content(fuzz_root(), dl);
	if (m == NULL || diag_errors(dl) > 0)
		abort(); /* the skeleton must load clean */
	if (p.n > 0)
		replace_all(m, &p);
	resolve_model(m, dl);
	if (diag_errors(dl) == 0)
		for (i = 0; i < m->site.nlangs; i++)
			render_language(m, tpl, m->site.langs[i]);
	model_free(m);
	diag_list_free(dl);
	for (i = 0; i < p.n; i++)
		free(p.v[i]);
	free(p.v);
	return 0;
}
