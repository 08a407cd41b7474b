/*
 * Snowball stemmers (libstemmer): the stem of a lower-case word in
 * Finnish, Swedish or English.  This module alone uses libstemmer; when
 * kartta is built without it, stem_new returns NULL and callers index
 * words as they are.
 */
#ifndef KARTTA_STEM_H
#define KARTTA_STEM_H

#include "model.h"

struct stem;

/* A stemmer for lang, or NULL if libstemmer is not available.  Caller
 * frees with stem_free. */
struct stem *stem_new(enum lang lang);
void stem_free(struct stem *s);
/* The stem of word (UTF-8, lower case), a fresh string the caller
 * frees. */
char *stem_word(struct stem *s, const char *word);

#endif
