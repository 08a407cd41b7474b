/*
 * Small shared helpers: allocation that never returns NULL, growable
 * byte buffers, a string-keyed hash table and "did you mean" matching.
 * Out of memory is fatal in a command-line tool: the x* wrappers print
 * one line and exit with status 3 (system error).
 */
#ifndef KARTTA_UTIL_H
#define KARTTA_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#define KARTTA_EXIT_OK 0       /* success, warnings allowed */
#define KARTTA_EXIT_CONTENT 1  /* content errors */
#define KARTTA_EXIT_USAGE 2    /* bad command line */
#define KARTTA_EXIT_SYSTEM 3   /* I/O errors, out of memory */

#if defined(__GNUC__)
#define KARTTA_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define KARTTA_NORETURN __attribute__((noreturn))
#else
#define KARTTA_PRINTF(a, b)
#define KARTTA_NORETURN
#endif

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
/* Grows an array of n elements of size each; overflow is fatal. */
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) KARTTA_PRINTF(1, 2);
char *xvasprintf(const char *fmt, va_list ap);
KARTTA_NORETURN void fatal_oom(void);

/*
 * Appends one element to a growable array of (*len) used and (*cap)
 * allocated elements of size elem; returns a pointer to the new zeroed
 * element.  The array is owned by whoever owns *arr.
 */
void *array_push(void *arr, size_t *len, size_t *cap, size_t elem);

/* A growable byte buffer, always NUL-terminated once anything is added. */
struct buf {
	char *data; /* owned; NULL until the first append */
	size_t len; /* bytes used, not counting the NUL */
	size_t cap; /* bytes allocated */
};

void buf_append(struct buf *b, const void *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) KARTTA_PRINTF(2, 3);
/* Returns the contents (never NULL) and leaves b empty; caller frees. */
char *buf_detach(struct buf *b);
void buf_free(struct buf *b);

/*
 * 64-bit FNV-1a: h is HASH_INIT or the hash so far, to which data is
 * added.  Enough against accidents (a file edited, a cache damaged),
 * not against someone who means it.
 */
#define HASH_INIT 0xcbf29ce484222325ULL
unsigned long long hash_bytes(unsigned long long h, const void *data,
    size_t len);
/*
 * The same kind of hash of a file's bytes, eight at a time (for the
 * hundreds of megabytes a build hashes): not FNV-1a's value, and the same
 * for a text cut into pieces only where each piece but the last is a
 * multiple of eight bytes long.
 */
unsigned long long hash_block(unsigned long long h, const void *data,
    size_t len);
/* A string with its end, so that "ab" "c" and "a" "bc" differ (NULL
 * differs from every string); a number's bytes. */
unsigned long long hash_str(unsigned long long h, const char *s);
unsigned long long hash_num(unsigned long long h, unsigned long long n);

/*
 * A hash table from NUL-terminated string keys to pointers.  Keys are
 * borrowed: they must outlive the table (they usually belong to the
 * entity that is the value).  Open addressing, so lookups stay O(1) for
 * the thousands of ids of a national handbook.
 */
struct strmap;

struct strmap *strmap_new(void);
void strmap_free(struct strmap *m);
/* Returns the value for key, or NULL. */
void *strmap_get(const struct strmap *m, const char *key);
/*
 * Inserts key -> value unless key is present.  Returns NULL when it was
 * inserted, or the value already stored (which is left unchanged).
 */
void *strmap_put(struct strmap *m, const char *key, void *value);
size_t strmap_count(const struct strmap *m);
/* Iterates: start with *pos = 0; returns 0 at the end. */
int strmap_next(const struct strmap *m, size_t *pos, const char **key,
    void **value);

/*
 * "Did you mean": offer candidates one by one, then ask for the best.
 * Only candidates close enough to the word to be a plausible typo are
 * ever suggested: a different case, or a few edits but fewer than the
 * word has letters.  Ties go to the alphabetically first candidate, so
 * the answer does not depend on the order of offering.
 */
struct suggest {
	const char *word;   /* what the user wrote; borrowed */
	const char *best;   /* best candidate so far, or NULL; borrowed */
	unsigned bestdist;  /* its edit distance */
};

void suggest_init(struct suggest *s, const char *word);
void suggest_offer(struct suggest *s, const char *candidate);
/* Returns the suggestion, or NULL when nothing is close enough. */
const char *suggest_result(const struct suggest *s);
/* Damerau-Levenshtein (optimal string alignment) distance in bytes. */
unsigned edit_distance(const char *a, const char *b);

/* "a" or "an" for an English noun: "an actor", "a service". */
const char *article(const char *noun);

/* Returns non-zero when s[0..len) is well-formed UTF-8 (no overlongs,
 * no surrogates); on failure *bad is the byte offset of the bad byte. */
int utf8_valid(const char *s, size_t len, size_t *bad);
/* Number of code points in s[0..len) (for columns). */
size_t utf8_count(const char *s, size_t len);

/* Reads a whole file into a NUL-terminated buffer the caller frees.
 * Returns NULL with errno set on failure; *len gets the size.  Files
 * larger than max are refused with errno EFBIG. */
char *file_read(const char *path, size_t max, size_t *len);
/* The same for a regular file only: no link followed, a FIFO or device
 * never waited on (NULL, errno EINVAL).  For what kartta wrote itself
 * (its previous output), where someone may have put anything since. */
char *file_read_regular(const char *path, size_t max, size_t *len);

/* Joins two path parts with one '/'; caller frees. */
char *path_join(const char *a, const char *b);

#endif
