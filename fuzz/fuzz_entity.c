/*
 * One YAML file of the content through load and resolve and, as check
 * does, the check of links' fragments (anchors.c).  The first byte
 * of the input picks what it is: byte % KIND_COUNT names a kind (its
 * folder, kind_dirs), and the guide kind's number stands for site.yaml,
 * as guides are Markdown (fuzz_guide.c).  The rest is the file.  It
 * replaces the skeleton's entity of that kind when `kartta init` writes
 * one, so that references to it and back-links are exercised, else it
 * is added as <folder>/fuzz.yaml; the original is put back after each
 * run.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "anchors.h"
#include "load.h"
#include "model.h"
#include "resolve.h"
#include "scratch.h"
#include "util.h"

struct target {
	char *rel;      /* owned; the file the input becomes */
	char *orig;     /* owned; its skeleton contents, or NULL */
	size_t origlen;
};

static struct target targets[KIND_COUNT];

static void
setup(void)
{
	size_t k;

	for (k = 0; k < KIND_COUNT; k++) {
		struct target *t = &targets[k];

		if (k == KIND_GUIDE)
			t->rel = xstrdup("site.yaml");
		else if ((t->rel = fuzz_first_yaml(kind_dirs[k])) == NULL) {
			/* An empty folder changes nothing for the loader. */
			mkdir(fuzz_path(kind_dirs[k]), 0755);
			t->rel = path_join(kind_dirs[k], "fuzz.yaml");
		}
		t->orig = fuzz_read(t->rel, &t->origlen);
	}
}

#ifndef FUZZ_THEME
#define FUZZ_THEME "themes/default"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct target *t;
	struct diag_list *dl;
	struct model *m;

	if (size == 0)
		return 0;
	if (targets[0].rel == NULL)
		setup();
	t = &targets[data[0] % KIND_COUNT];
	fuzz_write(t->rel, data + 1, size - 1);
	dl = diag_list_new();
	if ((m = load_content(fuzz_root(), dl)) != NULL)
		resolve_model(m, dl);
	/* As check and build: links' fragments once all else is clean. */
	if (m != NULL && diag_errors(dl) == 0)
		anchors_check(m, FUZZ_THEME, dl);
	model_free(m);
	diag_list_free(dl);
	if (t->orig != NULL)
		fuzz_write(t->rel, t->orig, t->origlen);
	else
		remove(fuzz_path(t->rel));
	return 0;
}
