/*
 * Small helpers shared by the unit tests (static inline, so each test
 * takes only what it uses).  Include after cmocka.h.
 */
#ifndef KARTTA_TESTLIB_H
#define KARTTA_TESTLIB_H

#include <stdio.h>

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

#endif
