/*
 * "Last reviewed": the optional reviewed: YYYY-MM-DD of every entity
 * (and of every file of a guide).  A page reviewed longer ago than
 * site.yaml's review_after_days gets a warning, counted from the date
 * of SOURCE_DATE_EPOCH when it is set, else from today: only the
 * diagnostics depend on the day, never the output, which shows the
 * date as written.
 */
#ifndef KARTTA_REVIEW_H
#define KARTTA_REVIEW_H

#include "diag.h"
#include "model.h"

/* Warns about every review older than review_after_days. */
void review_check(const struct model *m, struct diag_list *dl);
/* The date iso (YYYY-MM-DD, valid) as lang writes it: 5.3.2026 in
 * Finnish, 2026-03-05 in Swedish and English. */
void review_date_text(const char *iso, enum lang lang, char *out,
    size_t size);

#endif
