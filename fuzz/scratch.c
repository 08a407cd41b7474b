#include "scratch.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

#include "diag.h"
#include "init.h"
#include "util.h"

static char *root; /* owned; NULL until fuzz_root made it */

static int
remove_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
remove_root(void)
{
	char *top;

	if (root == NULL)
		return;
	/* root is <tmp>/content: remove the folder mkdtemp made. */
	top = xstrdup(root);
	*strrchr(top, '/') = '\0';
	nftw(top, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(top);
	free(root);
	root = NULL;
}

const char *
fuzz_root(void)
{
	const char *tmp = getenv("TMPDIR");
	struct diag_list *dl;
	char *top;

	if (root != NULL)
		return root;
	top = xasprintf("%s/kartta-fuzz-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(top) == NULL) {
		perror(top);
		abort();
	}
	root = path_join(top, "content");
	free(top);
	dl = diag_list_new();
	if (init_run(root, dl) != KARTTA_EXIT_OK) {
		diag_print(dl, stderr, DIAG_FORMAT_PLAIN);
		abort();
	}
	diag_list_free(dl);
	atexit(remove_root);
	return root;
}

const char *
fuzz_path(const char *rel)
{
	static char *path;

	free(path);
	path = path_join(fuzz_root(), rel);
	return path;
}

void
fuzz_write(const char *rel, const void *data, size_t len)
{
	const char *path = fuzz_path(rel);
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		abort();
	}
}

char *
fuzz_read(const char *rel, size_t *len)
{
	return file_read(fuzz_path(rel), (size_t)1 << 30, len);
}

char *
fuzz_first_yaml(const char *dir)
{
	DIR *d = opendir(fuzz_path(dir));
	struct dirent *ent;
	char *best = NULL;

	if (d == NULL)
		return NULL;
	while ((ent = readdir(d)) != NULL) {
		size_t n = strlen(ent->d_name);

		if (n < 6 || strcmp(ent->d_name + n - 5, ".yaml") != 0)
			continue;
		if (best == NULL || strcmp(ent->d_name, best) < 0) {
			free(best);
			best = xstrdup(ent->d_name);
		}
	}
	closedir(d);
	if (best != NULL) {
		char *rel = path_join(dir, best);

		free(best);
		return rel;
	}
	return NULL;
}

/* The length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t
utf8_len(const uint8_t *s, size_t n)
{
	uint32_t c;
	size_t len, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, c = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates, beyond U+10FFFF; and what YAML does
	 * not allow in a stream: C1 controls, U+FEFF, U+FFFE, U+FFFF. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff ||
	    (c >= 0x80 && c <= 0x9f) || c == 0xfeff || c == 0xfffe ||
	    c == 0xffff)
		return 0;
	return len;
}

char *
fuzz_text(const uint8_t *data, size_t len)
{
	char *out = xmalloc(len + 1);
	size_t i = 0, o = 0, n;

	while (i < len) {
		if ((n = utf8_len(data + i, len - i)) == 0) {
			out[o++] = '?';
			i++;
			continue;
		}
		if (n == 1 && ((data[i] < 0x20 && data[i] != '\t' &&
		    data[i] != '\n') || data[i] == 0x7f)) {
			out[o++] = ' ';
			i++;
			continue;
		}
		memcpy(out + o, data + i, n);
		o += n;
		i += n;
	}
	out[o] = '\0';
	return out;
}
