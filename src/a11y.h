/*
 * The accessibility statement (saavutettavuusseloste) that Finnish
 * public-sector sites must publish, built from site.yaml's
 * accessibility map and the theme's words for the law and the
 * supervisory authority.  It is built for every language at
 * accessibility.html below the language root, also when site.yaml says
 * nothing yet: it then states that no assessment has been made.
 */
#ifndef KARTTA_A11Y_H
#define KARTTA_A11Y_H

#include "page.h"

#define A11Y_PATH "accessibility.html"

/* Fills main with the accessibility statement. */
void a11y_render_statement(struct page_ctx *pc, xmlNodePtr main);

/* Adds the footer's links to the statement and to the A–Ö index. */
void a11y_footer_links(struct page_ctx *pc, xmlNodePtr footer);

#endif
