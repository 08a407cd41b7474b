/*
 * Small helpers shared by the unit tests (static inline, so each test
 * takes only what it uses).  Include after cmocka.h.
 */
#ifndef KARTTA_TESTLIB_H
#define KARTTA_TESTLIB_H

#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "util.h"

/* Writes len bytes to a new numbered file <dir>/<n><ext>; returns its
 * path, which the caller frees. */
static inline char *
test_write_file(const char *dir, const char *ext, const char *data,
    size_t len)
{
	static unsigned seq;
	char *path = xasprintf("%s/%u%s", dir, seq++, ext);
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* Returns dl's diagnostics as printed in fmt ("" if none); caller
 * frees. */
static inline char *
test_diag_text(struct diag_list *dl, enum diag_format fmt)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *ms = open_memstream(&mem, &len);

	assert_non_null(ms);
	diag_print(dl, ms, fmt);
	fclose(ms);
	return mem;
}

/* Writes text to <dir>/<rel> (e.g. "services/a.yaml"), making the
 * folders on the way. */
static inline void
test_put_file(const char *dir, const char *rel, const char *text)
{
	char *path = path_join(dir, rel), *p;
	FILE *f;

	for (p = path + strlen(dir) + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			assert_true(mkdir(path, 0755) == 0 || access(path, F_OK)
			    == 0);
			*p = '/';
		}
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
	free(path);
}

static inline int
test_remove_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Removes a scratch folder and everything below it. */
static inline void
test_remove_tree(const char *dir)
{
	assert_int_equal(nftw(dir, test_remove_entry, 16,
	    FTW_DEPTH | FTW_PHYS), 0);
}

#endif
