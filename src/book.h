/*
 * The printed book: what makes print.html a book when a browser prints
 * it.  A cover (the handbook's title, region, publisher and edition), a
 * table of contents of its chapters (one per kind) and their parts,
 * every diagram on a page that fits it (landscape when that draws it
 * larger), and the running foot of every page (the handbook's title,
 * its edition, the page number), written as a small stylesheet beside
 * print.html because it is content and CSS has no other way to print
 * it in every page's margin.  The parts themselves are the pages'
 * renderers, put together by build.c.
 */
#ifndef KARTTA_BOOK_H
#define KARTTA_BOOK_H

#include "page.h"

/* From the language root, beside print.html. */
#define BOOK_CSS_PATH "print-book.css"

struct book_entry;

/* The book being put together, a part at a time: what its table of
 * contents will list. */
struct book {
	struct book_entry *entries;     /* owned */
	size_t nentries, capentries;
	size_t parts;                   /* in the current chapter so far */
};

void book_init(struct book *bk);
/* Appends the cover to main and links the running foot's stylesheet
 * from the page's head. */
void book_cover(struct page_ctx *pc, xmlNodePtr main);
/* Appends a chapter for kind k to main: a <section> whose <h2> is the
 * kind's name; returns it, for the parts. */
xmlNodePtr book_chapter(struct page_ctx *pc, struct book *bk,
    xmlNodePtr main, enum kind k);
/* A part (an <article>) of the current chapter is finished: it becomes
 * the book's (its title, its entry in the contents, each diagram's
 * page); it may be written out after this.  Parts in order. */
void book_part(struct book *bk, xmlNodePtr part);
/* Once the chapters are in: the table of contents, after the cover;
 * releases what bk holds. */
void book_finish(struct page_ctx *pc, struct book *bk, xmlNodePtr main);
/* The running foot's stylesheet of lang into out. */
void book_foot_css(const struct model *m, enum lang lang, struct buf *out);

#endif
