#include "build.h"

#include <errno.h>
#include <ftw.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include "html.h"
#include "page.h"
#include "pages.h"
#include "util.h"

struct builder {
	const struct model *m;          /* what is built */
	struct html_template *tpl;      /* owned; the theme's page */
	char *stage;                    /* owned; the staging folder */
	struct diag_list *dl;           /* problems */
	int failed;                     /* an I/O error happened */
};

static struct pos
path_pos(const char *path)
{
	struct pos p = { path, 0, 0 };

	return p;
}

static void
io_error(struct builder *b, const char *path, const char *what)
{
	diag_error(b->dl, path_pos(path), "%s: %s", what, strerror(errno));
	b->failed = 1;
}

/* mkdir -p for the folders above a file path. */
static int
make_parents(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST) {
			*p = '/';
			return -1;
		}
		*p = '/';
	}
	return 0;
}

static void
write_file(struct builder *b, const char *rel, const char *data, size_t len)
{
	char *path = path_join(b->stage, rel);
	FILE *f;

	if (make_parents(path) != 0) {
		io_error(b, path, "cannot create folder");
		free(path);
		return;
	}
	if ((f = fopen(path, "wb")) == NULL) {
		io_error(b, path, "cannot write");
		free(path);
		return;
	}
	if (fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		io_error(b, path, "cannot write");
		if (f)
			f = NULL;
	}
	free(path);
}

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
remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/*
 * Copies the regular files below src to dst (relative to the stage),
 * skipping hidden files, skip (a name to leave out at the top) and
 * symbolic links, which could reach outside the content tree.
 */
static void
copy_tree(struct builder *b, const char *src, const char *dst,
    const char *skip)
{
	DIR *d = opendir(src);
	struct dirent *ent;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (d == NULL)
		return;
	while ((ent = readdir(d)) != NULL) {
		char **slot;

		size_t len = strlen(ent->d_name);

		/* Hidden files and editor backups are never published. */
		if (ent->d_name[0] == '.' || ent->d_name[len - 1] == '~' ||
		    (skip && strcmp(ent->d_name, skip) == 0))
			continue;
		slot = array_push(&names, &n, &cap, sizeof(*slot));
		*slot = xstrdup(ent->d_name);
	}
	closedir(d);
	for (i = 0; i < n; i++) {
		char *from = path_join(src, names[i]);
		char *to = path_join(dst, names[i]);
		struct stat st;

		if (lstat(from, &st) != 0)
			io_error(b, from, "cannot read");
		else if (S_ISLNK(st.st_mode))
			diag_warning(b->dl, path_pos(from), "symbolic link "
			    "not copied: assets are copied as plain files");
		else if (S_ISDIR(st.st_mode))
			copy_tree(b, from, to, NULL);
		else if (S_ISREG(st.st_mode)) {
			size_t len;
			char *data = file_read(from, (size_t)1 << 30, &len);

			if (data == NULL)
				io_error(b, from, "cannot read");
			else
				write_file(b, to, data, len);
			free(data);
		}
		free(from);
		free(to);
		free(names[i]);
	}
	free(names);
}

static void
emit_page(struct builder *b, struct page_ctx *pc, enum lang lang)
{
	struct buf out = { 0 };
	char *rel = xasprintf("%s%s", lang_root(b->m, lang), pc->rel);

	page_end(pc, &out);
	write_file(b, rel, out.data, out.len);
	buf_free(&out);
	free(rel);
}

static void
build_language(struct builder *b, enum lang lang)
{
	const struct model *m = b->m;
	struct page_ctx pc;
	xmlNodePtr main;
	size_t k, i;

	main = page_begin(&pc, m, b->tpl, lang, "index.html", NULL, KIND_NONE);
	pages_render_front(&pc, main);
	emit_page(b, &pc, lang);
	for (k = 0; k < KIND_COUNT; k++) {
		char *rel;

		if (m->set[k].len == 0)
			continue;
		rel = page_path((enum kind)k, NULL);
		main = page_begin(&pc, m, b->tpl, lang, rel,
		    kind_label(lang, (enum kind)k, 1), KIND_NONE);
		pages_render_list(&pc, main, (enum kind)k);
		emit_page(b, &pc, lang);
		free(rel);
		for (i = 0; i < m->set[k].len && !b->failed; i++) {
			const struct entity *e = m->set[k].items[i];

			rel = page_path(e->kind, e->id);
			main = page_begin(&pc, m, b->tpl, lang, rel,
			    entity_title(m, e, lang), (enum kind)k);
			pages_render_entity(&pc, main, e);
			emit_page(b, &pc, lang);
			free(rel);
		}
	}
}

/* A fresh staging folder beside out_dir, so the final rename stays on
 * one file system. */
static char *
make_stage(struct builder *b, const char *out_dir)
{
	char *tmpl = xasprintf("%s.staging-XXXXXX", out_dir);

	if (mkdtemp(tmpl) == NULL) {
		io_error(b, tmpl, "cannot create the staging folder");
		free(tmpl);
		return NULL;
	}
	chmod(tmpl, 0755);
	return tmpl;
}

static int
swap_into_place(struct builder *b, const char *out_dir)
{
	struct stat st;
	char *old = NULL;

	if (lstat(out_dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			io_error(b, out_dir, "output exists and is not a folder");
			return -1;
		}
		old = xasprintf("%s.old-XXXXXX", out_dir);
		if (mkdtemp(old) == NULL || rename(out_dir, old) != 0) {
			io_error(b, out_dir, "cannot move the old output aside");
			if (old)
				rmdir(old);
			free(old);
			return -1;
		}
	}
	if (rename(b->stage, out_dir) != 0) {
		io_error(b, out_dir, "cannot move the new output into place");
		if (old != NULL)
			rename(old, out_dir);
		free(old);
		return -1;
	}
	if (old != NULL)
		remove_tree(old);
	free(old);
	return 0;
}

int
build_site(const struct model *m, const char *theme_dir, const char *out_dir,
    struct diag_list *dl)
{
	struct builder b;
	char *tpl_path, *assets;
	size_t i;
	int rc = KARTTA_EXIT_OK;

	memset(&b, 0, sizeof(b));
	b.m = m;
	b.dl = dl;
	tpl_path = path_join(theme_dir, "page.xhtml");
	if (access(tpl_path, R_OK) != 0) {
		io_error(&b, tpl_path, "cannot read the theme's page template");
		free(tpl_path);
		return KARTTA_EXIT_SYSTEM;
	}
	b.tpl = html_template_load(tpl_path, dl);
	free(tpl_path);
	if (b.tpl == NULL)
		return KARTTA_EXIT_CONTENT;
	if ((b.stage = make_stage(&b, out_dir)) == NULL) {
		html_template_free(b.tpl);
		return KARTTA_EXIT_SYSTEM;
	}
	for (i = 0; i < m->site.nlangs && !b.failed; i++)
		build_language(&b, m->site.langs[i]);
	copy_tree(&b, theme_dir, "theme", "page.xhtml");
	assets = path_join(m->root, "assets");
	copy_tree(&b, assets, "assets", NULL);
	free(assets);
	if (b.failed || diag_errors(dl) > 0)
		rc = b.failed ? KARTTA_EXIT_SYSTEM : KARTTA_EXIT_CONTENT;
	else if (swap_into_place(&b, out_dir) != 0)
		rc = KARTTA_EXIT_SYSTEM;
	if (rc != KARTTA_EXIT_OK)
		remove_tree(b.stage);
	html_template_free(b.tpl);
	free(b.stage);
	return rc;
}
