/*
 * A guide (Markdown with YAML front matter) through load and resolve:
 * the input replaces the skeleton's guides/johdanto.md, whose Swedish
 * version and the entities around it stay, so links, audiences and
 * language variants are exercised; then, as check does, the fragments
 * of its links against the pages they lead to (anchors.c).
 */
#include <stdint.h>
#include <stdlib.h>

#include "anchors.h"
#include "load.h"
#include "resolve.h"
#include "scratch.h"

#define GUIDE "guides/johdanto.md"

#ifndef FUZZ_THEME
#define FUZZ_THEME "themes/default"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *orig;
	static size_t origlen;
	struct diag_list *dl;
	struct model *m;

	if (orig == NULL && (orig = fuzz_read(GUIDE, &origlen)) == NULL)
		abort(); /* the skeleton changed: fix GUIDE */
	fuzz_write(GUIDE, data, size);
	dl = diag_list_new();
	if ((m = load_content(fuzz_root(), dl)) != NULL)
		resolve_model(m, dl);
	/* As check and build: links' fragments once all else is clean. */
	if (m != NULL && diag_errors(dl) == 0)
		anchors_check(m, FUZZ_THEME, dl);
	model_free(m);
	diag_list_free(dl);
	fuzz_write(GUIDE, orig, origlen);
	return 0;
}
