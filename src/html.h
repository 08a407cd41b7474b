/*
 * HTML pages as libxml2 documents: the theme's template (page.xhtml) is
 * parsed once, each page is a copy with its marked slots filled by
 * element builders, and the result is serialised as HTML5.  Text only
 * ever enters a page as a text node, so it is escaped by construction.
 * This module alone talks to libxml2's tree API for pages.
 */
#ifndef KARTTA_HTML_H
#define KARTTA_HTML_H

#include <libxml/tree.h>

#include "diag.h"
#include "util.h"

enum html_slot {
	SLOT_TITLE,
	SLOT_CSS,
	SLOT_SKIP,
	SLOT_HOME,
	SLOT_NAV,
	SLOT_LANGS,
	SLOT_BREADCRUMBS,
	SLOT_MAIN,
	SLOT_FOOTER,
	SLOT_SEARCH,
	SLOT_JS,
	SLOT_MENU,
	SLOT_ICON,
	SLOT_DESCRIPTION,
	SLOT_COUNT,
};

struct html_template;

/*
 * Loads the page template of a theme; reports problems (with position)
 * to dl and returns NULL if it is unusable.  Caller frees.
 */
struct html_template *html_template_load(const char *path,
    struct diag_list *dl);
/* The same from the template's bytes, already read (from path, which
 * is only shown). */
struct html_template *html_template_parse(const char *data, size_t len,
    const char *path, struct diag_list *dl);
void html_template_free(struct html_template *t);

/* A part of a page already written out (html_page_write_part). */
struct html_splice {
	xmlNodePtr at;                  /* borrowed; its placeholder */
	struct buf text;                /* owned; its bytes */
};

/* A page being built. */
struct html_page {
	xmlDocPtr doc;                  /* owned */
	xmlNodePtr slot[SLOT_COUNT];    /* borrowed; NULL if not in theme */
	struct html_splice *parts;      /* owned; in document order */
	size_t nparts, capparts;
};

/* Starts a page from the template with lang on <html>. */
void html_page_init(struct html_page *p, const struct html_template *t,
    const char *lang);
void html_page_release(struct html_page *p);

/*
 * Serialises a finished part of a page (an element in its tree, with
 * everything below it) now, frees it and leaves an empty comment in its
 * place, which html_page_serialize writes as the part's bytes: a page
 * too large to hold as one tree (print.html) is held a part at a time.
 * Nothing outside html.c can make a placeholder, so no text can forge
 * one.  Parts must be written in document order, none inside another.
 */
void html_page_write_part(struct html_page *p, xmlNodePtr part);
/* Serialises a page as HTML5 (doctype, then the tree) into out, each
 * written part in its place (their bytes are freed as they go). */
void html_page_serialize(struct html_page *p, struct buf *out);
/* Serialises one element and its children (polyglot HTML) into out. */
void html_node_serialize(xmlNodePtr node, struct buf *out);

/* Element builders: each returns the new element, a child of parent. */
xmlNodePtr html_el(xmlNodePtr parent, const char *name, const char *text);
xmlNodePtr html_el_class(xmlNodePtr parent, const char *name,
    const char *cls, const char *text);
xmlNodePtr html_link(xmlNodePtr parent, const char *href, const char *text);
void html_attr(xmlNodePtr node, const char *name, const char *value);
/* Sets an attribute and returns the node, for chaining. */
xmlNodePtr html_attr_el(xmlNodePtr node, const char *name, const char *value);
void html_text(xmlNodePtr parent, const char *text);

#endif
