/*
 * The build cache (issue #14): OUTPUT/.kartta-cache, written into the
 * staging folder with the rest and swapped into place with it.  It
 * records the key of everything the output was made from and what each
 * file of the output holds, so that a build with nothing changed keeps
 * the output as it is instead of rendering it again.  The cache is only
 * ever trusted when the key matches and every file of the output is
 * still exactly what was written; anything else (no cache, another key,
 * a file changed, added or missing, a cache that does not parse) means
 * a full build, so the cache can never change what a build gives.
 */
#ifndef KARTTA_CACHE_H
#define KARTTA_CACHE_H

#include "diag.h"
#include "model.h"

/* The cache's folder below an output (hidden: never published). */
#define CACHE_DIR ".kartta-cache"

/*
 * The key of building m with the theme in theme_dir: a hash of every
 * file below the content folder and the theme (their paths and bytes;
 * symbolic links followed only as the build follows them, inside the
 * tree), kartta's own executable and the libraries it has loaded, its
 * version, SOURCE_DATE_EPOCH, KARTTA_NO_VOIKKO and today's date.
 * Returns a string of hex digits (caller frees).
 */
char *cache_key(const struct model *m, const char *theme_dir);

/*
 * Non-zero if out_dir was built from key and is intact: then what that
 * build's rendering reported is added to dl again, so that the run
 * says what the build said.
 */
int cache_reuse(const char *out_dir, const char *key, struct diag_list *dl);

/*
 * Writes the cache of the output in stage: key, what rendering reported
 * (rendered), and every file below stage with its size and hash.
 * Returns 0, or -1 (then there is simply no cache).
 */
int cache_write(const char *stage, const char *key,
    const struct diag_list *rendered);

#endif
