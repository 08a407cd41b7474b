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
 * version, the Voikko dictionaries (by name, size, time and inode),
 * SOURCE_DATE_EPOCH, KARTTA_NO_VOIKKO and today's date.
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

/*
 * The key of kartta itself (its executable, the libraries it has mapped,
 * its version): what a drawing kept from an earlier build depends on
 * besides its graph (diagram_cache.c).  Hex digits; caller frees.
 */
char *cache_tool_key(void);

/*
 * The fonts a drawing's text was measured with, as lines "SIZE MTIME
 * INODE PATH" appended to out: fontconfig's folders (whose times change
 * when a font is installed or removed), every font file kartta has
 * mapped now (after its layouts) and those of the lines also (the
 * fonts of drawings kept from an earlier build), once each.  cache_fonts_same says whether lines
 * written so still hold: 1 if every file is as it was, else 0.
 */
void cache_fonts_state(struct buf *out, const char *also,
    size_t also_len);
int cache_fonts_same(const char *lines, size_t len);

/*
 * The files of one piece of a build that are costly to make (the PDFs
 * of print/, the full-size SVGs of one language), kept for the next
 * build in OUTPUT/.kartta-cache/NAME: each file's path, the key it was
 * made under (a hash of all it was made from: diagram_pdf_key, say),
 * its size and hash, and the warnings making it gave.  A later build
 * takes a file of the same path and key from the previous output, if
 * that file is still exactly what was written, instead of making it
 * again.  Trusted only from the same kartta (tool, cache_tool_key) and
 * fonts.
 */
struct file_store;

/* Reads prev_out's store NAME (none if prev_out is NULL or it does not
 * hold). */
struct file_store *file_store_open(const char *prev_out, const char *name,
    const char *tool);
/*
 * The bytes of the file at rel (below prev_out) if it was made under key
 * and is intact: its warnings are added to dl at at; caller frees.
 * NULL otherwise.
 */
char *file_store_take(struct file_store *s, const char *rel,
    unsigned long long key, size_t *len, struct diag_list *dl,
    struct pos at);
/* Records the file written at rel, made under key, with the warnings
 * making it gave (own). */
void file_store_add(struct file_store *s, const char *rel,
    unsigned long long key, const char *data, size_t len,
    const struct diag_list *own);
/* Writes the store into stage (0, or -1: then there is simply none). */
int file_store_save(struct file_store *s, const char *stage);
void file_store_free(struct file_store *s);

#endif
