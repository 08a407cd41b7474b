/*
 * Word forms for the search index, worked out at build time: for a
 * lower-case word of a handbook text, the other words a reader may type
 * that should find it.
 *
 * Finnish goes through Voikko (libvoikko with the voikko-fi
 * dictionary, the analyser LibreOffice uses): every base form of the
 * word and, for a compound, its parts and every run of them, the last
 * part in its base form: "mielenterveyspalvelut" gives
 * mielenterveyspalvelu, mielen, terveys, palvelu, mielenterveys and
 * terveyspalvelu; "työttömien" gives työtön.  Swedish and English go
 * through Snowball stems (stem.h), and so does Finnish when Voikko or
 * its Finnish dictionary is missing, or KARTTA_NO_VOIKKO is set in the
 * environment; without libstemmer either, a word has no other forms.
 * This module alone uses libvoikko.
 */
#ifndef KARTTA_MORPH_H
#define KARTTA_MORPH_H

#include "model.h"

enum morph_engine {
	MORPH_NONE,      /* words only as they are written */
	MORPH_SNOWBALL,  /* Snowball stems */
	MORPH_VOIKKO,    /* Voikko's base forms and compound parts */
};

struct morph;

/* The analyser for lang: the best one available.  Caller frees. */
struct morph *morph_new(enum lang lang);
void morph_free(struct morph *m);
enum morph_engine morph_engine(const struct morph *m);
/* "voikko", "snowball" or "none". */
const char *morph_engine_name(enum morph_engine e);

/*
 * The other forms of word (lower-case UTF-8, one word): its base forms
 * (or stem) separated by single spaces, then, if it is a compound, "|"
 * and its parts and runs of parts, likewise; "" if there are none.
 * Never word itself, nothing twice.  The string is m's (each word is
 * analysed once) and lives until morph_free.
 */
const char *morph_terms(struct morph *m, const char *word);

#endif
