/*
 * The pages of where things apply and of what is being developed:
 * areas (with the services offered there), development themes (each
 * theme's current and target state, and the overview of them all side
 * by side) and model cards; and the pieces the service and actor pages
 * take from them: the areas a service is offered in, the municipality
 * filter of the service list, the status of a service.
 */
#ifndef KARTTA_PAGES_DEV_H
#define KARTTA_PAGES_DEV_H

#include "page.h"

void dev_render_area(struct page_ctx *pc, xmlNodePtr main,
    const struct area *a);
void dev_render_theme(struct page_ctx *pc, xmlNodePtr main,
    const struct theme *t);
void dev_render_model(struct page_ctx *pc, xmlNodePtr main,
    const struct model_card *mc);
/* The list page of themes: every theme's now and target side by side. */
void dev_render_theme_overview(struct page_ctx *pc, xmlNodePtr main);

/*
 * The areas where service s is offered: its own areas, else those of
 * its providers (an actor's own, else those of what it is part of,
 * nearest first).  None means throughout the handbook's region.
 * Appends borrowed areas, each once, to out (the caller frees
 * out->items).
 */
void dev_service_areas(const struct model *m, const struct service *s,
    struct links *out);

/*
 * Before the service list: links to each municipality's page (which
 * lists what is offered there), and what filter.js needs to filter the
 * list in place.  Nothing when the handbook has no municipalities.
 */
void dev_area_filter(struct page_ctx *pc, xmlNodePtr main);
/* Marks a service's list item with the areas it is offered in, for
 * filter.js (nothing when it is offered everywhere). */
void dev_mark_service_item(struct page_ctx *pc, xmlNodePtr li,
    const struct service *s);

/* The status of a service, its period and where it is offered, as facts;
 * a notice before them when it is not active. */
void dev_service_notice(struct page_ctx *pc, xmlNodePtr main,
    const struct service *s);
void dev_service_facts(struct page_ctx *pc, xmlNodePtr dl,
    const struct service *s);
/* A public contact (actors and services) as a section of facts. */
void dev_contact_section(struct page_ctx *pc, xmlNodePtr main,
    const struct contact *c);
/* A list of area references as a fact: links, comma-separated. */
void dev_ref_fact(struct page_ctx *pc, xmlNodePtr dl, const char *term,
    const struct list *refs);

#endif
