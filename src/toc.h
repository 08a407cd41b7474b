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

/* Appends the previous/next links of e in its kind's order (guides in
 * reading order, services group by group, paths, levels of support,
 * decision guides); nothing for the other kinds. */
void toc_pager(struct page_ctx *pc, xmlNodePtr main, const struct entity *e);

/* Gives every <h2>–<h4> with an id in main (not in navigation, lists,
 * tables, questions or the A–Ö letters) a permalink: the heading is
 * wrapped in <div class="heading"> and followed by <a class="permalink"
 * href="#id">, named "Linkki tähän kohtaan: heading". */
void toc_permalinks(struct page_ctx *pc, xmlNodePtr main);

#endif
