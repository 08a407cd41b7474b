/*
 * Shared by the libFuzzer harnesses (fuzz/fuzz_*.c): a scratch content
 * tree per fuzzer process, made once by `kartta init` (init_run) so that
 * every harness starts from a small handbook that builds clean, and the
 * helpers that put one fuzzed input into it.
 */
#ifndef KARTTA_FUZZ_SCRATCH_H
#define KARTTA_FUZZ_SCRATCH_H

#include <stddef.h>
#include <stdint.h>

/*
 * The root of this process's scratch content tree, made on the first
 * call below $TMPDIR (default /tmp) and removed at exit.  Aborts when it
 * cannot be made: a harness without its tree would test nothing.
 */
const char *fuzz_root(void);

/* The path of rel below fuzz_root(); a static buffer, valid until the
 * next call. */
const char *fuzz_path(const char *rel);

/* Writes len bytes as the file rel below the tree (aborts on failure). */
void fuzz_write(const char *rel, const void *data, size_t len);

/*
 * Reads the file rel below the tree; returns it (caller frees, NUL
 * terminated) with its length in *len, or NULL when there is none.
 */
char *fuzz_read(const char *rel, size_t *len);

/* The first "*.yaml" file of folder dir below the tree, as
 * "dir/name.yaml" (caller frees), or NULL when it has none. */
char *fuzz_first_yaml(const char *dir);

/*
 * A copy of data as a string a YAML or Markdown file could give kartta:
 * valid UTF-8 (each byte of a broken sequence becomes '?'), with no
 * control characters but tab and line feed (others become spaces).
 * Caller frees.
 */
char *fuzz_text(const uint8_t *data, size_t len);

#endif
