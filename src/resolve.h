/*
 * Resolving: after loading, references get their targets, back-links
 * are filled in, Markdown is parsed and its entity links checked, and
 * what spans several values is checked: part_of cycles, decision trees,
 * the anonymisation lint, missing translations, flow sources.
 */
#ifndef KARTTA_RESOLVE_H
#define KARTTA_RESOLVE_H

#include "diag.h"
#include "md.h"
#include "model.h"

/* How missing translations are told (--missing-translations). */
enum resolve_missing {
	RESOLVE_MISSING_SUMMARY, /* one warning per file (the default) */
	RESOLVE_MISSING_EACH,    /* one warning per text and language */
	RESOLVE_MISSING_OFF,     /* none */
};

struct resolve_opts {
	enum resolve_missing missing; /* how missing translations are told */
	size_t nmissing;              /* out: texts lacking a translation */
};

/* Resolves and checks m in place; every problem goes to dl. */
void resolve_model(struct model *m, struct diag_list *dl);
/* The same with options; opts->nmissing is set. */
void resolve_model_opts(struct model *m, struct diag_list *dl,
    struct resolve_opts *opts);

/*
 * The position of byte off of a text part's string: exact for one-line
 * values and literal block scalars, approximate for folded ones.
 */
struct pos text_part_offset_pos(const struct text_part *p, size_t off);

/* The md origin of a text part (see struct md_origin). */
struct md_origin text_part_origin(const struct text_part *p);

/* md_ref_kind <-> model kind. */
enum kind kind_of_md_ref(enum md_ref_kind k);

#endif
