/*
 * Loading: reads every file of a content tree once, parses it and
 * decodes it by the schema tables into a model.  Problems go to dl;
 * loading goes on after them, so one run reports all of them.
 */
#ifndef KARTTA_LOAD_H
#define KARTTA_LOAD_H

#include "diag.h"
#include "model.h"

#define LOAD_MAX_FILE (4u << 20) /* bytes in one YAML or Markdown file */

/*
 * Loads the content tree at root.  Returns the model (caller frees with
 * model_free), possibly incomplete when dl has errors; NULL only when
 * root itself cannot be read (reported to dl).
 */
struct model *load_content(const char *root, struct diag_list *dl);

#endif
