/*
 * Markdown: CommonMark text with GitHub's tables, strikethrough and
 * autolinks, parsed by cmark-gfm (this module alone talks to it),
 * checked for entity links, unsafe URLs and raw HTML, and rendered
 * straight into libxml2 nodes, so that everything is escaped by
 * construction.  Raw HTML is never passed through: it is shown as text.
 * Nothing here keeps state of its own; a parsed document is only read
 * after md_parse, so several threads may render documents at once.
 * cmark-gfm registers its extensions in a process-wide list on the
 * first md_parse, so the first call must not race another.
 */
#ifndef KARTTA_MD_H
#define KARTTA_MD_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"
#include "util.h"

/* What a link or image destination of the form "<scheme>:<id>" names. */
enum md_ref_kind {
	MD_REF_SERVICE,
	MD_REF_ACTOR,
	MD_REF_GROUP,
	MD_REF_PATH,
	MD_REF_SEGMENT,
	MD_REF_DECISION,
	MD_REF_MAP,
	MD_REF_FLOW,
	MD_REF_GUIDE,
	MD_REF_AREA,
	MD_REF_THEME,
	MD_REF_MODEL,
	MD_REF_COUNT,
};

/*
 * What the host knows about the handbook.  Every callback gets arg as
 * its first argument.  Ids passed in always match
 * ^[a-z0-9][a-z0-9-]{0,63}$.
 */
struct md_env {
	/* Non-zero if the entity exists.  Required by md_check. */
	int (*exists)(void *arg, enum md_ref_kind kind, const char *id);
	/*
	 * Returns the URL of an existing entity relative to the page being
	 * rendered, with "#fragment" appended when fragment is not NULL
	 * (guides only); malloc'd, freed by md with free().  NULL means
	 * "no page": the link's text is shown without a link.
	 */
	char *(*url)(void *arg, enum md_ref_kind kind, const char *id,
	    const char *fragment);
	/*
	 * For an image of map:, path:, decision: or flow: standing alone in
	 * its paragraph: appends the diagram to parent (a <figure>, whose
	 * <figcaption> md adds from alt when alt is not empty).  Returns
	 * non-zero if it appended something; zero makes md fall back to a
	 * link.  May be NULL (always a link).
	 */
	int (*embed)(void *arg, enum md_ref_kind kind, const char *id,
	    const char *alt, xmlNodePtr parent);
	/*
	 * Rewrites a relative image path as written in the text (e.g.
	 * "assets/x.png") to the URL used in the page; malloc'd.  NULL means
	 * there is no such asset: md_check warns, md_render shows the alt
	 * text.  May be NULL (relative paths are used as written).
	 */
	char *(*asset_url)(void *arg, const char *path);
	/*
	 * For "did you mean": offers every id of kind to s with
	 * suggest_offer().  May be NULL (no suggestions).
	 */
	void (*suggest)(void *arg, enum md_ref_kind kind, struct suggest *s);
	/*
	 * For a relative link (no scheme, not an image): returns NULL if
	 * it is fine, else what is wrong with it (a page the build does not
	 * write), malloc'd; md_check reports it as an error.  May be NULL.
	 */
	char *(*page_check)(void *arg, const char *url);
	/*
	 * For a link with a #fragment to a page of the handbook: a
	 * "guide:id#fragment" of an existing guide, or a relative link
	 * (not an image) whose url has a '#', as written; at is where the
	 * link is.  The host checks the fragments once the pages' ids are
	 * known (anchors.h).  May be NULL.
	 */
	void (*fragment)(void *arg, const char *url, struct pos at);
	void *arg;                 /* passed to every callback */
	/*
	 * The ids taken on the page being rendered (md_ids_new), kept in
	 * step with the headings passed to md_render, or NULL: md_render
	 * then makes its own from the headings each call.
	 */
	struct md_ids *ids;
};

/*
 * The element ids of one page: each id once, and for each slug the next
 * "-n" suffix to try, so that the thousandth "Summary" of a page of the
 * whole handbook costs O(1) rather than a thousand lookups.  md_render
 * and the host's own headings claim ids through the same set.
 */
struct md_ids;

struct md_ids *md_ids_new(void);
void md_ids_free(struct md_ids *ids);
/*
 * Returns base if it is not taken yet, else the first of base-2,
 * base-3… that is not, and marks it taken (caller frees).  The answer
 * is the same as trying every suffix from 2 up.
 */
char *md_ids_claim(struct md_ids *ids, const char *base);

/* A heading met while rendering, for "on this page" lists. */
struct md_heading {
	int level;  /* 1-6, after heading_shift */
	char *id;   /* owned; the element's id attribute */
	char *text; /* owned; its plain text */
};

/*
 * Where a Markdown text sits in its source file, so that diagnostics
 * carry file:line:col.  Line k > 1 of the text is on file line
 * base.line + k - 1, and its column c (in characters) is file column
 * indent + c; line 1's column c is file column base.col + c - 1.
 *
 *   guide body:     { { file, line after the closing "---", 1 }, 0 }
 *   block scalar:   { { file, line after the | or > indicator, n + 1 }, n }
 *                   where n is the block's indentation in columns
 *   plain / quoted: { { file, line, col of the first character }, n }
 *                   where n is the indentation of continuation lines
 *
 * Exact for guides and literal (|) scalars.  YAML folds the lines of
 * folded (>), plain and quoted multi-line scalars and decodes the escapes
 * of double-quoted ones, so there positions after the first folded line
 * break or escape are approximate.
 */
struct md_origin {
	struct pos base;  /* the text's line 1, column 1; file borrowed */
	unsigned indent;  /* columns before column 1 on lines 2, 3, … */
};

struct md_doc; /* a parsed Markdown text and its source */

/*
 * Parses len bytes of CommonMark (need not be NUL-terminated).  Invalid
 * UTF-8, NUL and other characters XML cannot carry become U+FFFD.
 * origin may be NULL (positions within the text, no file); origin's
 * file must outlive the document.  Returns a document the caller frees
 * with md_doc_free(); never NULL.
 */
struct md_doc *md_parse(const char *text, size_t len,
    const struct md_origin *origin);
void md_doc_free(struct md_doc *doc);

/* Non-zero if the document has no blocks (empty or only blank lines). */
int md_doc_empty(const struct md_doc *doc);
/* The smallest heading level (1-6) in the document, or 0 if none. */
int md_doc_top_heading(const struct md_doc *doc);

/*
 * Reports to dl, without rendering: entity links and images to ids that
 * do not exist (error, with "did you mean"), malformed entity links
 * (error), images of entities that cannot be embedded (error), links
 * and images whose URL is not allowed (warning), images whose asset is
 * missing (warning) and raw HTML (warning).  Each is reported at the
 * file:line:col of the destination as written (see md.c for limits).
 */
void md_check(const struct md_doc *doc, const struct md_env *env,
    struct diag_list *dl);

/*
 * Appends the document's block-level XHTML elements to parent, in
 * parent's document and namespace.  Entity links go through env (which
 * may be NULL: then they are plain text); links to unknown entities and
 * URLs that are not allowed become their text.  Heading levels are
 * raised by heading_shift (at most h6).  Each heading gets an id, the
 * slug of its text (md_slug), made unique among the headings already in
 * *headings by "-2", "-3"…; the new headings are appended to
 * *headings / *nheadings (which may start as NULL / 0; free with
 * md_headings_free), so a page made of several texts can pass the same
 * array to each.  headings and nheadings may be NULL.
 */
void md_render(const struct md_doc *doc, const struct md_env *env,
    xmlNodePtr parent, struct md_heading **headings, size_t *nheadings,
    int heading_shift);

/*
 * Appends only the inline content of the document's paragraphs and
 * headings to parent (for one-line texts), blocks separated by a space.
 */
void md_render_inline(const struct md_doc *doc, const struct md_env *env,
    xmlNodePtr parent);

void md_headings_free(struct md_heading *headings, size_t n);

/*
 * Returns the document's plain text (for search and snippets): inline
 * text with soft breaks as spaces, one block per line, no markup.  The
 * caller frees it.
 */
char *md_text_plain(const struct md_doc *doc);

/*
 * Returns the heading-id slug of a UTF-8 text: lower case, Finnish and
 * other Latin letters without their accents (ä → a, ö → o, å → a,
 * é → e…), every other run of characters as one "-", none at either
 * end; "osio" if nothing is left.  The caller frees it.
 */
char *md_slug(const char *text);

/* The scheme of a kind, without the colon: "service"… */
const char *md_ref_kind_name(enum md_ref_kind kind);
/* Sets *kind from a scheme name of len bytes; returns 0 if unknown. */
int md_ref_kind_parse(const char *name, size_t len, enum md_ref_kind *kind);

#endif
