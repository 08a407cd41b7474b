/*
 * The page renderers: one per kind of entity, the list page of a kind
 * and the front page.  Each fills the <main> of a page begun with
 * page_begin and reads nothing but the model.
 */
#ifndef KARTTA_PAGES_H
#define KARTTA_PAGES_H

#include "page.h"

void pages_render_entity(struct page_ctx *pc, xmlNodePtr main,
    const struct entity *e);

/*
 * An entity's whole page in lang, as a build writes it: begun from tpl
 * at the entity's path, with its title and description, the renderer,
 * the "on this page" list, permalinks, previous/next and the meta line.
 * The page stays open: the caller ends it with page_end.
 */
void pages_entity_page(struct page_ctx *pc, const struct model *m,
    const struct html_template *tpl, enum lang lang,
    const struct entity *e);
void pages_render_list(struct page_ctx *pc, xmlNodePtr main, enum kind kind);
void pages_render_front(struct page_ctx *pc, xmlNodePtr main);

/* The page of a reader group of site.yaml: its guides in reading order,
 * at pages_audience_path(id) from the language root (caller frees). */
#define AUDIENCE_DIR "audiences"
void pages_render_audience(struct page_ctx *pc, xmlNodePtr main,
    const struct audience *au);
char *pages_audience_path(const char *id);

/* The end of an entity's page: when it was last reviewed and a link to
 * edit its source file (site.yaml edit_url), when there are. */
void pages_render_meta(struct page_ctx *pc, xmlNodePtr main,
    const struct entity *e);
/* The plain text that describes e in lang (its summary, else its
 * description or body), or NULL; caller frees. */
char *pages_description(const struct model *m, const struct entity *e,
    enum lang lang);

/* The entities of a kind in display order (order or level, then id);
 * an array of borrowed pointers the caller frees. */
struct entity **pages_sorted(const struct model *m, enum kind kind);

/* The variant of a guide shown in lang (its own, else the default
 * language's, else any); NULL if the guide has none. */
const struct guide_variant *guide_variant_for(const struct model *m,
    const struct guide *g, enum lang lang);

#endif
