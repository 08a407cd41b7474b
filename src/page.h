/*
 * The frame every page shares (title, navigation, language switcher,
 * breadcrumbs, footer), page URLs, and the helpers that put model values
 * (texts, Markdown, references) into a page.  A struct page_ctx is all a
 * renderer touches, so pages can be rendered in parallel.
 *
 * URLs, relative to the language root (the output folder for the first
 * language, <lang>/ below it for the others):
 *   index.html                    front page
 *   <kind-folder>/index.html      list of one kind (services/index.html)
 *   <kind-folder>/<id>.html       one entity (services/tyokokeilu.html)
 *   theme/…, assets/…             shared by all languages, at the root
 */
#ifndef KARTTA_PAGE_H
#define KARTTA_PAGE_H

#include "diag.h"
#include "html.h"
#include "i18n.h"
#include "md.h"
#include "model.h"

struct page_ctx {
	const struct model *m;        /* read only */
	enum lang lang;               /* language of this page */
	char *rel;                    /* owned; path from the language root */
	char *to_lang_root;           /* owned; "../" per folder level */
	char *to_root;                /* owned; up to the output root */
	struct html_page page;        /* the document being built */
	struct md_env env;            /* links and embeds for Markdown */
	xmlNodePtr crumb;             /* borrowed; the current page's crumb */
	struct md_heading *headings;  /* owned; headings met so far */
	size_t nheadings;
};

/*
 * Starts a page at rel (from the language root) with the frame filled:
 * title (the page's own title, then the handbook's), navigation, language
 * links and breadcrumbs (crumb_kind is the kind list the page belongs
 * to, or KIND_NONE).  Returns the <main> element to fill.
 */
xmlNodePtr page_begin(struct page_ctx *pc, const struct model *m,
    const struct html_template *tpl, enum lang lang, const char *rel,
    const char *title, enum kind crumb_kind);
/* Serialises the page into out and releases everything pc owns. */
void page_end(struct page_ctx *pc, struct buf *out);

/* The path of an entity's page, or of a kind's list page (id NULL),
 * from the language root; caller frees. */
char *page_path(enum kind kind, const char *id);
/* The same, relative to the page being built; caller frees. */
char *page_url(const struct page_ctx *pc, enum kind kind, const char *id);
/* The folder of a language below the output root: "" or "sv/". */
const char *lang_root(const struct model *m, enum lang lang);
/* UI name of a kind, singular or plural. */
const char *kind_label(enum lang lang, enum kind kind, int plural);

/* Sets the page's meta description from text (plain, cut to about 160
 * characters); a page never described gets none. */
void page_describe(struct page_ctx *pc, const char *text);
/* The visible cue after a text shown in another language, used:
 * " (suomeksi)", in the page's language; inside an element marked with
 * used's lang, the cue carries the page's (inside non-zero). */
void page_fallback_cue(struct page_ctx *pc, xmlNodePtr parent,
    enum lang used, int inside);
/* A public contact as a link: tel: for a phone number (its digits and a
 * leading +), mailto: for an e-mail address (email non-zero); the value
 * as text, and NULL, when it is not one. */
xmlNodePtr page_contact_link(struct page_ctx *pc, xmlNodePtr parent,
    const char *value, int email);

/* Adds the theme's script name (loaded with defer) to the page's head,
 * after its main script; nothing if the theme has no script slot. */
void page_add_script(struct page_ctx *pc, const char *name);

/* Puts a text in the page's language, marking a fallback with lang= and
 * a visible cue ("(suomeksi)"). */
void page_text(struct page_ctx *pc, xmlNodePtr parent, const struct text *t);
/* Same, as a new element; returns NULL (and adds nothing) if absent. */
xmlNodePtr page_text_el(struct page_ctx *pc, xmlNodePtr parent,
    const char *name, const char *cls, const struct text *t);
/* Renders a Markdown text as blocks, heading levels shifted by shift. */
void page_md(struct page_ctx *pc, xmlNodePtr parent, const struct text *t,
    int shift);
/* A link to an entity with its title as text. */
xmlNodePtr page_entity_link(struct page_ctx *pc, xmlNodePtr parent,
    const struct entity *e);
/* Marks the page's title in the breadcrumbs with the language it is in,
 * when that is not the page's (a fallback). */
void page_title_lang(struct page_ctx *pc, enum lang used);
/* The page's <h1>: the entity's title, marked if in another language. */
xmlNodePtr page_entity_h1(struct page_ctx *pc, xmlNodePtr parent,
    const struct entity *e);
/* <h2>heading</h2><ul> with a link to each entity; nothing if empty. */
xmlNodePtr page_entity_list(struct page_ctx *pc, xmlNodePtr parent,
    const char *heading, struct entity *const *items, size_t n);
/* Same for a list of refs (unresolved ones are skipped). */
xmlNodePtr page_ref_list(struct page_ctx *pc, xmlNodePtr parent,
    const char *heading, const struct list *refs);
/* A <section> with an <h2> and an id made from the heading. */
xmlNodePtr page_section(struct page_ctx *pc, xmlNodePtr parent,
    const char *heading, const char *id);

#endif
