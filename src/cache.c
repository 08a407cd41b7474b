/*
 * The build cache (cache.h): a key of everything a build reads, and a
 * manifest of everything it wrote.
 *
 * Hashes are 64-bit FNV-1a: enough against accidents (a file edited,
 * truncated or replaced), not meant against someone who can write the
 * output folder, who could change the output directly anyway.
 */
#include "cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tree.h"

#define CACHE_FILE CACHE_DIR "/manifest"
#define CACHE_MAGIC "kartta-cache 1"
#define TREE_DEPTH 64          /* folders deep at most */
#define MANIFEST_MAX ((size_t)64 << 20)

/* ---- Hashing ---- */

static void
h_bytes(uint64_t *h, const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t v = *h;
	size_t i;

	for (i = 0; i < len; i++) {
		v ^= p[i];
		v *= 0x100000001b3ULL;
	}
	*h = v;
}

/* A string and its end, so that "ab" "c" and "a" "bc" differ. */
static void
h_str(uint64_t *h, const char *s)
{
	h_bytes(h, s, strlen(s) + 1);
}

static void
h_num(uint64_t *h, uint64_t n)
{
	h_bytes(h, &n, sizeof(n));
}

#define H_INIT 0xcbf29ce484222325ULL

/* Hashes the bytes of the open file fd into *h; sets *size.  0 or -1. */
static int
h_fd(uint64_t *h, int fd, uint64_t *size)
{
	char chunk[65536];
	ssize_t r;

	*size = 0;
	while ((r = read(fd, chunk, sizeof(chunk))) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		h_bytes(h, chunk, (size_t)r);
		*size += (uint64_t)r;
	}
	return 0;
}

/* ---- Walking a tree in sorted order ---- */

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, sorted, without "." and ".." (and, if hidden is
 * zero, without any starting with "."); NULL if dir cannot be read. */
static char **
list_dir(const char *dir, int hidden, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *ent;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((ent = readdir(d)) != NULL) {
		if (strcmp(ent->d_name, ".") == 0 ||
		    strcmp(ent->d_name, "..") == 0 ||
		    (!hidden && ent->d_name[0] == '.'))
			continue;
		*(char **)array_push(&names, n, &cap, sizeof(char *)) =
		    xstrdup(ent->d_name);
	}
	closedir(d);
	if (*n > 1)
		qsort(names, *n, sizeof(*names), name_cmp);
	if (names == NULL)
		names = xcalloc(1, sizeof(*names));
	return names;
}

/*
 * Hashes the tree at dir (inside root) into *h: every entry's name and
 * kind, files' bytes, links' targets and, for a link that stays inside
 * root, what it points to.  Links are followed as the build follows
 * them (load.c, tree.c): a link out of the tree only by its target,
 * since the build never reads through it; a link to a folder only at
 * the top (a kind's folder, assets/), since nothing deeper is read
 * through one, and so no loop of links can make the walk blow up.  A
 * FIFO or device is never opened (O_NONBLOCK, in case one replaces a
 * file as it is walked).
 */
static void
h_tree(uint64_t *h, const char *root, const char *dir, int depth)
{
	size_t n, i;
	char **names = list_dir(dir, 1, &n);

	if (names == NULL) {
		h_str(h, "(unreadable)");
		return;
	}
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		struct stat st;
		uint64_t size;
		int fd, follow = 1;

		h_str(h, names[i]);
		if (lstat(path, &st) != 0)
			h_str(h, "(gone)");
		else if (S_ISLNK(st.st_mode)) {
			char target[4096];
			ssize_t len = readlink(path, target,
			    sizeof(target) - 1);

			target[len > 0 ? len : 0] = '\0';
			h_str(h, "l");
			h_str(h, target);
			if (!tree_inside(root, path)) {
				h_str(h, "(out)");
				follow = 0;
			} else if (stat(path, &st) != 0) {
				h_str(h, "(dangling)");
				follow = 0;
			} else if (S_ISDIR(st.st_mode) && depth > 0)
				follow = 0;
		}
		if (!follow)
			;
		else if (S_ISREG(st.st_mode) && (fd = open(path, O_RDONLY |
		    O_NONBLOCK | O_CLOEXEC)) >= 0) {
			h_str(h, "f");
			if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
			    h_fd(h, fd, &size) != 0)
				h_str(h, "(unreadable)");
			else
				h_num(h, size);
			close(fd);
		} else if (S_ISDIR(st.st_mode) && depth < TREE_DEPTH) {
			h_str(h, "d");
			h_tree(h, root, path, depth + 1);
			h_str(h, "/d");
		} else
			h_str(h, "(special)");
		free(path);
		free(names[i]);
	}
	free(names);
}

/*
 * kartta's executable and every library it has mapped, by path, size,
 * time and inode: a rebuilt kartta or an upgraded Graphviz, cmark,
 * libxml2, cairo or Voikko is another tool.  Linux's /proc; elsewhere
 * the version alone.
 */
static void
h_tool(uint64_t *h)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[4096], **paths = NULL;
	size_t n = 0, cap = 0, i;

	h_str(h, KARTTA_VERSION);
#ifdef KARTTA_HAVE_VOIKKO
	h_str(h, "voikko");
#endif
#ifdef KARTTA_HAVE_STEMMER
	h_str(h, "stemmer");
#endif
	if (f == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL) {
		char *path = strchr(line, '/');

		if (path == NULL)
			continue;
		path[strcspn(path, "\n")] = '\0';
		*(char **)array_push(&paths, &n, &cap, sizeof(char *)) =
		    xstrdup(path);
	}
	fclose(f);
	/* Sorted: where each is mapped changes from run to run. */
	if (n > 1)
		qsort(paths, n, sizeof(*paths), name_cmp);
	for (i = 0; i < n; i++) {
		struct stat st;

		if (i == 0 || strcmp(paths[i], paths[i - 1]) != 0) {
			h_str(h, paths[i]);
			if (stat(paths[i], &st) == 0) {
				h_num(h, (uint64_t)st.st_size);
				h_num(h, (uint64_t)st.st_mtime);
				h_num(h, (uint64_t)st.st_ino);
			}
		}
	}
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

char *
cache_key(const struct model *m, const char *theme_dir)
{
	/* Every variable of the environment that changes the output. */
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	const char *novoikko = getenv("KARTTA_NO_VOIKKO");
	uint64_t h = H_INIT;

	h_tool(&h);
	h_str(&h, "source-date-epoch");
	h_str(&h, sde ? sde : "");
	h_str(&h, "no-voikko");
	h_str(&h, novoikko ? novoikko : "");
	/* "today" for review dates, when SOURCE_DATE_EPOCH does not say. */
	h_num(&h, (uint64_t)(time(NULL) / 86400));
	h_str(&h, "content");
	h_tree(&h, m->root, m->root, 0);
	h_str(&h, "theme");
	h_tree(&h, theme_dir, theme_dir, 0);
	return xasprintf("%016" PRIx64, h);
}

/* ---- The manifest ---- */

/*
 * Every entry below dir (hidden ones left out, as builds never publish
 * any) as lines "f HASH SIZE REL" or "d - - REL", in sorted order, into
 * out.  Returns 0, or -1 if something is neither file nor folder or
 * cannot be read.
 */
static int
manifest_tree(const char *dir, const char *rel, struct buf *out)
{
	size_t n, i;
	char **names = list_dir(dir, 0, &n);
	int rc = 0;

	if (names == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		char *r = rel[0] ? xasprintf("%s/%s", rel, names[i]) :
		    xstrdup(names[i]);
		struct stat st;
		uint64_t h = H_INIT, size;
		int fd;

		if (rc == 0 && lstat(path, &st) != 0)
			rc = -1;
		else if (rc == 0 && S_ISDIR(st.st_mode)) {
			buf_printf(out, "d - - %s\n", r);
			rc = manifest_tree(path, r, out);
		} else if (rc == 0 && S_ISREG(st.st_mode) &&
		    (fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) >= 0) {
			if (h_fd(&h, fd, &size) != 0)
				rc = -1;
			close(fd);
			buf_printf(out, "f %016" PRIx64 " %" PRIu64 " %s\n", h,
			    size, r);
		} else
			rc = -1;
		free(r);
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int
cache_write(const char *stage, const char *key,
    const struct diag_list *rendered)
{
	struct buf files = { 0 }, diags = { 0 }, out = { 0 };
	char *dir = path_join(stage, CACHE_DIR);
	char *path = path_join(stage, CACHE_FILE);
	FILE *f;
	int rc = -1;

	if (manifest_tree(stage, "", &files) != 0)
		goto out;
	diag_write(rendered, &diags);
	buf_printf(&out, "%s\nkey %s\ndiagnostics %zu\n", CACHE_MAGIC, key,
	    diags.len);
	buf_append(&out, diags.data ? diags.data : "", diags.len);
	buf_append(&out, files.data ? files.data : "", files.len);
	buf_puts(&out, "end\n");
	if (mkdir(dir, 0755) != 0 || (f = fopen(path, "wb")) == NULL)
		goto out;
	if (fwrite(out.data, 1, out.len, f) == out.len && fclose(f) == 0)
		rc = 0;
	else if (f != NULL)
		fclose(f);
out:
	buf_free(&files);
	buf_free(&diags);
	buf_free(&out);
	free(dir);
	free(path);
	return rc;
}

int
cache_reuse(const char *out_dir, const char *key, struct diag_list *dl)
{
	char *path = path_join(out_dir, CACHE_FILE), *data, *p, *end, *nl;
	struct diag_list *said = NULL;
	struct buf now = { 0 };
	size_t len, dlen;
	int ok = 0;

	data = file_read(path, MANIFEST_MAX, &len);
	free(path);
	if (data == NULL)
		return 0;
	p = data;
	end = data + len;
	/* The magic line, the key and the diagnostics' length. */
	if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL ||
	    (size_t)(nl - p) != strlen(CACHE_MAGIC) ||
	    memcmp(p, CACHE_MAGIC, strlen(CACHE_MAGIC)) != 0)
		goto out;
	p = nl + 1;
	if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL ||
	    (size_t)(nl - p) != 4 + strlen(key) || memcmp(p, "key ", 4) != 0 ||
	    memcmp(p + 4, key, strlen(key)) != 0)
		goto out;
	p = nl + 1;
	if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL ||
	    sscanf(p, "diagnostics %zu", &dlen) != 1 ||
	    dlen > (size_t)(end - (nl + 1)))
		goto out;
	p = nl + 1;
	said = diag_list_new();
	if (diag_read(said, p, dlen) != 0)
		goto out;
	p += dlen;
	/* The files as they are now must be the files as written. */
	if (manifest_tree(out_dir, "", &now) != 0)
		goto out;
	buf_puts(&now, "end\n");
	if (now.len == (size_t)(end - p) && memcmp(now.data, p, now.len) == 0)
		ok = 1;
out:
	if (ok)
		diag_merge(dl, said);
	diag_list_free(said);
	buf_free(&now);
	free(data);
	return ok;
}
