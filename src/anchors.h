/*
 * The #fragments of links between pages.  Every Markdown link with a
 * fragment to a page of the handbook ("guide:id#fragment", or a
 * relative link such as "../services/x.html#yhteystiedot" or "#osio"),
 * kept by resolve in m->fragments, must name an id that the page it
 * leads to has.  Those pages' ids are only known once they are laid
 * out, so the pages are rendered in memory from the theme's template as
 * a build renders them, once per page and language, and their ids
 * collected; a fragment not among them is an error at the link, with
 * the closest id as "did you mean".
 */
#ifndef KARTTA_ANCHORS_H
#define KARTTA_ANCHORS_H

#include "diag.h"
#include "model.h"

/*
 * Checks m's fragments against the pages rendered with the template of
 * theme_dir.  A theme whose template cannot be read checks nothing
 * here (the build reports it).  Returns the number of errors added.
 */
size_t anchors_check(const struct model *m, const char *theme_dir,
    struct diag_list *dl);

#endif
