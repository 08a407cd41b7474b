/*
 * Finding things in the handbook: the client-side search index that the
 * theme's search.js reads, and the A–Ö index page that is the search's
 * fallback without JavaScript.  Both list every entity of the model in
 * one language; both are deterministic.
 *
 * Paths, from the language root (see page.h):
 *   search-index.js     window.KARTTA_INDEX = { … };
 *   index/a-o.html      the A–Ö index page
 */
#ifndef KARTTA_SEARCH_H
#define KARTTA_SEARCH_H

#include "page.h"
#include "util.h"

#define SEARCH_INDEX_PATH "search-index.js"
#define SEARCH_ATOZ_PATH "index/a-o.html"
#define SEARCH_TAGS_PATH "index/tags.html"

/*
 * Writes the search index of lang into out as a script that sets
 * window.KARTTA_INDEX to { "lang", "kinds": {kind: label}, "items": [
 * { "t": title, "k": kind, "u": URL from the language root, "s":
 * snippet, "w": the body's distinct words } ] }.  Snippets and word
 * lists are capped, so the file stays small.
 */
void search_index_js(const struct model *m, enum lang lang, struct buf *out);

/*
 * Fills the template's search form (a <form> marked data-k="search"):
 * a labelled search box and a button.  Without JavaScript the form
 * opens the A–Ö page; search.js reads the form's data- attributes (the
 * index's URL, the language root, the words it shows) and searches as
 * the reader types.
 */
void search_form_fill(struct page_ctx *pc, xmlNodePtr form);

/* Fills main with the A–Ö index page: every entity, by title. */
void search_render_atoz(struct page_ctx *pc, xmlNodePtr main);

/* Whether any service has tags (then the tags' page is built). */
int search_has_tags(const struct model *m);
/* The id of a tag's section on the tags' page: "tag-" and its slug, so
 * tags that differ only in case or accents share one; caller frees. */
char *search_tag_id(const char *tag);
/* Fills main with the tags' page: each tag, in A–Ö order, with the
 * services that carry it. */
void search_render_tags(struct page_ctx *pc, xmlNodePtr main);

#endif
