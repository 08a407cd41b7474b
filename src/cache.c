/*
 * The build cache (cache.h): a key of everything a build reads, and a
 * manifest of everything it wrote.
 *
 * Hashes are 64-bit (util.h: FNV-1a, and hash_block for files' bytes):
 * enough against accidents (a file edited, truncated or replaced), not
 * meant against someone who can write the output folder, who could
 * change the output directly anyway.
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

/* A string and its end, so that "ab" "c" and "a" "bc" differ. */
static void
h_str(uint64_t *h, const char *s)
{
	*h = hash_str(*h, s);
}

static void
h_num(uint64_t *h, uint64_t n)
{
	*h = hash_num(*h, n);
}

#define H_INIT HASH_INIT

/* Hashes the bytes of the open file fd into *h (hash_block, in pieces
 * of a multiple of eight bytes whatever read returns); sets *size.
 * 0 or -1. */
static int
h_fd(uint64_t *h, int fd, uint64_t *size)
{
	char chunk[65536];
	size_t have = 0, whole;
	ssize_t r;

	*size = 0;
	while ((r = read(fd, chunk + have, sizeof(chunk) - have)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		have += (size_t)r;
		*size += (uint64_t)r;
		whole = have & ~(size_t)7;
		*h = hash_block(*h, chunk, whole);
		memmove(chunk, chunk + whole, have - whole);
		have -= whole;
	}
	*h = hash_block(*h, chunk, have);
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
cache_tool_key(void)
{
	uint64_t h = H_INIT;

	h_tool(&h);
	return xasprintf("%016" PRIx64, h);
}

/* Whether the mapped file at path is a font. */
static int
is_font(const char *path)
{
	static const char *const ends[] = { ".ttf", ".otf", ".ttc", ".pfb",
		".pfa", ".woff", ".woff2", ".pcf", ".pcf.gz" };
	size_t len = strlen(path), i, n;

	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		n = strlen(ends[i]);
		if (len > n && strcmp(path + len - n, ends[i]) == 0)
			return 1;
	}
	return 0;
}

static void
state_line(struct buf *out, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		buf_printf(out, "- - - %s\n", path);
	else
		buf_printf(out, "%" PRIu64 " %" PRId64 " %" PRIu64 " %s\n",
		    (uint64_t)st.st_size, (int64_t)st.st_mtime,
		    (uint64_t)st.st_ino, path);
}

/* The path of a line of cache_fonts_state: what follows its third
 * space; NULL if there is none. */
static const char *
state_path(const char *line, const char *nl)
{
	const char *path = line;
	int k;

	for (k = 0; k < 3 && path != NULL; k++) {
		const char *space = memchr(path, ' ', (size_t)(nl - path));

		path = space != NULL ? space + 1 : NULL;
	}
	return path != NULL && path < nl ? path : NULL;
}

void
cache_fonts_state(struct buf *out, const char *also, size_t also_len)
{
	static const char *const dirs[] = { "/etc/fonts", "/etc/fonts/conf.d",
		"/var/cache/fontconfig", "/usr/share/fonts",
		"/usr/local/share/fonts" };
	FILE *f = fopen("/proc/self/maps", "r");
	const char *p, *nl, *path, *end = also + also_len;
	char line[4096], **paths = NULL;
	size_t n = 0, cap = 0, i;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		state_line(out, dirs[i]);
	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		char *mapped = strchr(line, '/');

		if (mapped == NULL)
			continue;
		mapped[strcspn(mapped, "\n")] = '\0';
		if (is_font(mapped))
			*(char **)array_push(&paths, &n, &cap,
			    sizeof(char *)) = xstrdup(mapped);
	}
	if (f != NULL)
		fclose(f);
	for (p = also; also != NULL && p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		if ((path = state_path(p, nl)) != NULL && path[0] == '/') {
			char *font = xstrndup(path, (size_t)(nl - path));

			if (is_font(font))
				*(char **)array_push(&paths, &n, &cap,
				    sizeof(char *)) = font;
			else
				free(font);
		}
	}
	if (n > 1)
		qsort(paths, n, sizeof(*paths), name_cmp);
	for (i = 0; i < n; i++)
		if (i == 0 || strcmp(paths[i], paths[i - 1]) != 0)
			state_line(out, paths[i]);
	for (i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

int
cache_fonts_same(const char *lines, size_t len)
{
	const char *p = lines, *end = lines + len, *nl, *path;
	struct buf now = { 0 };
	char *name;
	int same = 1;

	for (; p < end && same; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		if ((path = state_path(p, nl)) == NULL)
			break;
		name = xstrndup(path, (size_t)(nl - path));
		now.len = 0;
		state_line(&now, name);
		same = now.len == (size_t)(nl + 1 - p) &&
		    memcmp(now.data, p, now.len) == 0;
		free(name);
	}
	buf_free(&now);
	/* Lines that do not parse are not the same. */
	return same && p >= end;
}

#ifdef KARTTA_HAVE_VOIKKO
/*
 * The files below dir (at most depth folders deep) by name, size, time
 * and inode: a dictionary is hundreds of megabytes, and a package that
 * replaces it changes all three.
 */
static void
h_stat_tree(uint64_t *h, const char *dir, int depth)
{
	size_t n, i;
	char **names = list_dir(dir, 1, &n);

	h_str(h, dir);
	if (names == NULL)
		return;
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		struct stat st;

		if (stat(path, &st) == 0) {
			h_str(h, names[i]);
			h_num(h, (uint64_t)st.st_size);
			h_num(h, (uint64_t)st.st_mtime);
			h_num(h, (uint64_t)st.st_ino);
			if (S_ISDIR(st.st_mode) && depth > 0)
				h_stat_tree(h, path, depth - 1);
		}
		free(path);
		free(names[i]);
	}
	free(names);
}

/* Where libvoikko looks for its dictionaries (in its order), which the
 * search index's word forms come from. */
static void
h_voikko(uint64_t *h)
{
	static const char *const dirs[] = { "/etc/voikko", "/usr/lib/voikko",
		"/usr/share/voikko", "/usr/local/lib/voikko",
		"/usr/local/share/voikko" };
	const char *env = getenv("VOIKKO_DICTIONARY_PATH");
	const char *home = getenv("HOME");
	size_t i;

	h_str(h, "voikko-dictionaries");
	if (env != NULL) {
		char *copy = xstrdup(env), *dir, *save = NULL;

		for (dir = strtok_r(copy, ":", &save); dir != NULL;
		    dir = strtok_r(NULL, ":", &save))
			h_stat_tree(h, dir, 4);
		free(copy);
	}
	if (home != NULL) {
		char *dir = path_join(home, ".voikko");

		h_stat_tree(h, dir, 4);
		free(dir);
	}
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		h_stat_tree(h, dirs[i], 4);
}
#endif

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
#ifdef KARTTA_HAVE_VOIKKO
	h_voikko(&h);
#endif
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
	if ((mkdir(dir, 0755) != 0 && errno != EEXIST) ||
	    (f = fopen(path, "wb")) == NULL)
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

	data = file_read_regular(path, MANIFEST_MAX, &len);
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

/* ---- The PDFs kept for the next build ---- */

#define FILES_MAGIC "kartta-files 1"
#define FILES_STORE_MAX ((size_t)16 << 20)

struct file_kept {
	char *rel;               /* owned */
	unsigned long long key, hash;
	size_t size;
	char *said;              /* owned: diag_write of its warnings */
	size_t said_len;
};

struct file_store {
	const char *prev;        /* borrowed: the previous output, or NULL */
	char *name;              /* owned */
	const char *tool;        /* borrowed */
	struct file_kept *old;    /* owned: the previous build's */
	size_t nold;
	struct strmap *byrel;    /* rel -> struct file_kept of old */
	char *fonts;             /* owned: the previous store's fonts */
	size_t fonts_len;
	struct buf now;          /* this build's entries, as written */
};

static void
file_store_read(struct file_store *s, char *data, size_t len)
{
	char *p = data, *end = data + len, *nl;
	size_t flen, cap = 0, i;
	struct file_kept k;
	int at;

	if ((nl = memchr(p, '\n', len)) == NULL ||
	    (size_t)(nl - p) != strlen(FILES_MAGIC) ||
	    memcmp(p, FILES_MAGIC, (size_t)(nl - p)) != 0)
		return;
	p = nl + 1;
	if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL ||
	    (size_t)(nl - p) != 5 + strlen(s->tool) || memcmp(p, "tool ", 5) ||
	    memcmp(p + 5, s->tool, strlen(s->tool)) != 0)
		return;
	p = nl + 1;
	if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL ||
	    sscanf(p, "fonts %zu", &flen) != 1 ||
	    flen > (size_t)(end - (nl + 1)) || !cache_fonts_same(nl + 1, flen))
		return;
	s->fonts = xstrndup(nl + 1, flen);
	s->fonts_len = flen;
	p = nl + 1 + flen;
	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		*nl = '\0';
		memset(&k, 0, sizeof(k));
		if (sscanf(p, "p %llx %llx %zu %zu %n", &k.key, &k.hash,
		    &k.size, &k.said_len, &at) != 4 || at <= 0 ||
		    k.said_len > (size_t)(end - (nl + 1)))
			break;
		k.rel = xstrdup(p + at);
		k.said = xmalloc(k.said_len + 1);
		memcpy(k.said, nl + 1, k.said_len);
		*(struct file_kept *)array_push(&s->old, &s->nold, &cap,
		    sizeof(k)) = k;
		p = nl + 1 + k.said_len;
	}
	s->byrel = strmap_new();
	for (i = 0; i < s->nold; i++)
		strmap_put(s->byrel, s->old[i].rel, &s->old[i]);
}

/* One entry of this build's store; a path with a newline (none of
 * kartta's) is not kept. */
static void
add_entry(struct file_store *s, const char *rel, unsigned long long key,
    unsigned long long hash, size_t size, const char *said, size_t said_len)
{
	if (strchr(rel, '\n') != NULL)
		return;
	buf_printf(&s->now, "p %016llx %016llx %zu %zu %s\n", key, hash, size,
	    said_len, rel);
	buf_append(&s->now, said ? said : "", said_len);
}

struct file_store *
file_store_open(const char *prev_out, const char *name, const char *tool)
{
	struct file_store *s = xcalloc(1, sizeof(*s));
	char *rel, *path, *data;
	size_t len;

	s->prev = prev_out;
	s->name = xstrdup(name);
	s->tool = tool;
	if (prev_out == NULL)
		return s;
	rel = xasprintf("%s/%s", CACHE_DIR, name);
	path = path_join(prev_out, rel);
	if ((data = file_read_regular(path, FILES_STORE_MAX, &len)) != NULL)
		file_store_read(s, data, len);
	free(data);
	free(path);
	free(rel);
	return s;
}

char *
file_store_take(struct file_store *s, const char *rel, unsigned long long key,
    size_t *len, struct diag_list *dl, struct pos at)
{
	struct file_kept *k;
	struct diag_list *said;
	char *path, *data;

	if (s->byrel == NULL || (k = strmap_get(s->byrel, rel)) == NULL ||
	    k->key != key)
		return NULL;
	path = path_join(s->prev, rel);
	data = file_read_regular(path, k->size + 1, len);
	free(path);
	if (data == NULL || *len != k->size ||
	    hash_block(HASH_INIT, data, *len) != k->hash) {
		free(data);
		return NULL;
	}
	said = diag_list_new();
	if (diag_read(said, k->said, k->said_len) != 0) {
		diag_list_free(said);
		free(data);
		return NULL;
	}
	diag_copy_at(dl, said, at);
	diag_list_free(said);
	add_entry(s, rel, key, k->hash, k->size, k->said, k->said_len);
	return data;
}

void
file_store_add(struct file_store *s, const char *rel, unsigned long long key,
    const char *data, size_t len, const struct diag_list *own)
{
	struct buf said = { 0 };

	if (own != NULL)
		diag_write(own, &said);
	add_entry(s, rel, key, hash_block(HASH_INIT, data, len), len,
	    said.data, said.len);
	buf_free(&said);
}

int
file_store_save(struct file_store *s, const char *stage)
{
	struct buf fonts = { 0 }, out = { 0 };
	char *dir = path_join(stage, CACHE_DIR), *path;
	FILE *f;
	int rc = -1;

	cache_fonts_state(&fonts, s->fonts, s->fonts_len);
	buf_printf(&out, "%s\ntool %s\nfonts %zu\n", FILES_MAGIC, s->tool,
	    fonts.len);
	buf_append(&out, fonts.data ? fonts.data : "", fonts.len);
	buf_append(&out, s->now.data ? s->now.data : "", s->now.len);
	path = path_join(dir, s->name);
	if ((mkdir(dir, 0755) == 0 || errno == EEXIST) &&
	    (f = fopen(path, "wbx")) != NULL) {
		if (fwrite(out.data, 1, out.len, f) == out.len)
			rc = 0;
		if (fclose(f) != 0)
			rc = -1;
		if (rc != 0)
			unlink(path);
	}
	free(path);
	free(dir);
	buf_free(&fonts);
	buf_free(&out);
	return rc;
}

void
file_store_free(struct file_store *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nold; i++) {
		free(s->old[i].rel);
		free(s->old[i].said);
	}
	free(s->old);
	strmap_free(s->byrel);
	free(s->fonts);
	free(s->name);
	buf_free(&s->now);
	free(s);
}
