/*
 * Reading aids added to a page after its renderer has run: the "on this
 * page" list of a long page, built from the headings the page collected
 * (pc->headings), and the previous/next links through the guides in
 * their order.
 */
#ifndef KARTTA_TOC_H
#define KARTTA_TOC_H

#include "page.h"

/* The fewest top-level headings that make a page long enough. */
#define TOC_MIN_HEADINGS 3

/*
 * Inserts <nav class="toc"> after the page's <h1> and the key facts
 * below it (lead, audience, notice, facts) when the page has at least
 * TOC_MIN_HEADINGS headings at its top heading level: those headings,
 * each with the headings one level below it.  What comes before the
 * list is then wrapped in <div class="page-head">, what comes after it
 * in <div class="page-body">, and their parent gets class="has-toc".
 */
void toc_insert(struct page_ctx *pc, xmlNodePtr main);

/* Appends the previous/next links of guide g, in the guides' order. */
void toc_guide_pager(struct page_ctx *pc, xmlNodePtr main,
    const struct entity *g);

#endif
