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
#include <fcntl.h>

#include "a11y.h"
#include "book.h"
#include "cache.h"
#include "diagram.h"
#include "flow.h"
#include "output.h"
#include "html.h"
#include "jobs.h"
#include "page.h"
#include "pages.h"
#include "schema.h"
#include "search.h"
#include "toc.h"
#include "tree.h"
#include "util.h"

struct builder {
	const struct model *m;          /* what is built */
	struct html_template *tpl;      /* owned; the theme's page */
	const char *stage;              /* the staging folder (output.h) */
	const char *prev;               /* the previous output, or NULL */
	char *tool;                     /* owned: cache_tool_key */
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

/* Non-zero if the regular file old holds exactly len bytes of data. */
static int
same_bytes(const char *old, const char *data, size_t len)
{
	char chunk[65536];
	struct stat st;
	size_t at = 0;
	int fd, same;

	/* O_NONBLOCK: a FIFO put in the old output is not waited on. */
	if ((fd = open(old, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) < 0)
		return 0;
	same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_nlink == 1 && (size_t)st.st_size == len;
	while (same && at < len) {
		ssize_t r = read(fd, chunk, sizeof(chunk));

		if (r <= 0 || (size_t)r > len - at ||
		    memcmp(chunk, data + at, (size_t)r) != 0)
			same = 0;
		else
			at += (size_t)r;
	}
	close(fd);
	return same;
}

/*
 * Links the previous output's file at rel into the stage at path if it
 * holds these very bytes: an unchanged file is not written again (no
 * new inode; its time stays).  The previous output is only read, and
 * only files that have no other link are shared, so nothing outside the
 * output can change through them.  Returns 0 if linked.
 */
static int
link_unchanged(struct builder *b, const char *rel, const char *path,
    const char *data, size_t len)
{
	char *old;
	int rc = -1;

	if (b->prev == NULL)
		return -1;
	old = path_join(b->prev, rel);
	if (same_bytes(old, data, len) && link(old, path) == 0)
		rc = 0;
	free(old);
	return rc;
}

static void
write_file(struct builder *b, const char *rel, const char *data, size_t len)
{
	char *path;
	FILE *f;

	/* A signal asked the build to stop: the staging folder is
	 * removed once the build has unwound (output.h). */
	if (output_interrupted()) {
		b->failed = 1;
		return;
	}
	path = path_join(b->stage, rel);
	if (make_parents(path) != 0) {
		io_error(b, path, "cannot create folder");
		free(path);
		return;
	}
	if (link_unchanged(b, rel, path, data, len) == 0) {
		free(path);
		return;
	}
	/* Never write into a file linked from the previous output. */
	unlink(path);
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

/*
 * Copies the regular files below src to dst (relative to the stage),
 * skipping hidden files, skip (a name to leave out at the top), links
 * to folders, and anything that is not a regular file.  Every file is
 * read through tree_read, so that a link out of the tree root (the
 * content or the theme, named what) is never followed: a link to a file
 * inside the tree is copied as that file.
 */
static void
copy_tree(struct builder *b, const char *root, const char *what,
    const char *src, const char *dst, const char *skip)
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
		struct stat st, target;

		if (lstat(from, &st) != 0)
			io_error(b, from, "cannot read");
		else if (S_ISDIR(st.st_mode))
			copy_tree(b, root, what, from, to, NULL);
		else if (S_ISLNK(st.st_mode) && stat(from, &target) == 0 &&
		    S_ISDIR(target.st_mode))
			diag_warning(b->dl, path_pos(from), "symbolic link to a "
			    "folder not copied: link the files, or copy the "
			    "folder");
		else if (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) {
			size_t len;
			char *why, *data = tree_read(root, what, from,
			    (size_t)1 << 30, &len, &why);

			if (data != NULL)
				write_file(b, to, data, len);
			else if (S_ISLNK(st.st_mode) || strncmp(why, "is ", 3)
			    == 0)
				diag_warning(b->dl, path_pos(from), "not "
				    "copied: %s", why);
			else {
				diag_error(b->dl, path_pos(from), "%s", why);
				b->failed = 1;
			}
			free(why);
			free(data);
		} else
			diag_warning(b->dl, path_pos(from), "not copied: "
			    "kartta copies only regular files");
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

/*
 * The pages and files that are not one entity's: the A–Ö index, the
 * accessibility statement and the search index (search.h, a11y.h).
 */
static void
build_reading_aids(struct builder *b, enum lang lang)
{
	struct page_ctx pc;
	struct buf js = { 0 };
	xmlNodePtr main;
	char *rel;

	main = page_begin(&pc, b->m, b->tpl, lang, SEARCH_ATOZ_PATH,
	    ui(lang, UI_ATOZ), KIND_NONE);
	search_render_atoz(&pc, main);
	emit_page(b, &pc, lang);
	if (search_has_tags(b->m)) {
		main = page_begin(&pc, b->m, b->tpl, lang, SEARCH_TAGS_PATH,
		    ui(lang, UI_TAGS), KIND_NONE);
		search_render_tags(&pc, main);
		toc_permalinks(&pc, main);
		emit_page(b, &pc, lang);
	}
	main = page_begin(&pc, b->m, b->tpl, lang, A11Y_PATH,
	    ui(lang, UI_A11Y), KIND_NONE);
	a11y_render_statement(&pc, main);
	toc_insert(&pc, main);
	emit_page(b, &pc, lang);
	search_index_js(b->m, lang, &js);
	rel = xasprintf("%s%s", lang_root(b->m, lang), SEARCH_INDEX_PATH);
	write_file(b, rel, js.data, js.len);
	free(rel);
	buf_free(&js);
}

static void
build_front(struct builder *b, enum lang lang)
{
	const struct model *m = b->m;
	const struct text_part *d = text_part_get(&m->site.description,
	    &m->site, lang);
	char *plain = d && d->md ? md_text_plain(d->md) : NULL;
	struct page_ctx pc;
	xmlNodePtr main;

	main = page_begin(&pc, m, b->tpl, lang, "index.html", NULL, KIND_NONE);
	page_describe(&pc, plain);
	free(plain);
	pages_render_front(&pc, main);
	emit_page(b, &pc, lang);
}

static void
build_audience(struct builder *b, enum lang lang, size_t i)
{
	const struct model *m = b->m;
	const struct audience *au = &((const struct audience *)
	    m->site.audiences.items)[i];
	char *rel = pages_audience_path(au->id.s);
	struct page_ctx pc;
	xmlNodePtr main;

	main = page_begin(&pc, m, b->tpl, lang, rel,
	    text_get(&au->name, &m->site, lang, NULL), KIND_NONE);
	pages_render_audience(&pc, main, au);
	emit_page(b, &pc, lang);
	free(rel);
}

static void
build_list(struct builder *b, enum lang lang, enum kind k)
{
	char *rel = page_path(k, NULL);
	struct page_ctx pc;
	xmlNodePtr main;

	main = page_begin(&pc, b->m, b->tpl, lang, rel, kind_label(lang, k, 1),
	    KIND_NONE);
	pages_render_list(&pc, main, k);
	emit_page(b, &pc, lang);
	free(rel);
}

static void
build_entity(struct builder *b, enum lang lang, const struct entity *e)
{
	struct page_ctx pc;

	pages_entity_page(&pc, b->m, b->tpl, lang, e);
	emit_page(b, &pc, lang);
}

/* Each flow's published numbers, beside its page, for anyone to check. */
static void
write_flow_json(struct builder *b, enum lang lang)
{
	const struct entity_set *set = &b->m->set[KIND_FLOW];
	size_t i;

	for (i = 0; i < set->len; i++) {
		const struct flow *f = (const struct flow *)set->items[i];
		struct buf json = { 0 };
		char *rel;

		if (f->counts == NULL)
			continue;
		flow_json_write(f->counts, f->e.id, f->period.s, &json);
		rel = xasprintf("%s%s/%s.json", lang_root(b->m, lang),
		    kind_dirs[KIND_FLOW], f->e.id);
		write_file(b, rel, json.data, json.len);
		free(rel);
		buf_free(&json);
	}
}

/* ---- Print: print/<id>.pdf and print.html ---- */

/* For make bench and tests/scale.sh: with KARTTA_BENCH_GV set, how
 * many of a store's files were taken from the previous output. */
static void
bench_taken(const char *store, size_t taken, size_t made)
{
	const char *dir = getenv("KARTTA_BENCH_GV");

	if (dir != NULL && *dir != '\0')
		fprintf(stderr, "kartta: bench: %s: %zu of %zu files taken\n",
		    store, taken, made);
}

/*
 * Each diagram (map, path, decision guide, flow) as print/<id>.pdf
 * below the language root: a map in its paper and with its notes
 * margin if it asks for one; without a paper a map goes on A3 and the
 * others on A4, in their drawing's orientation, or on the smallest
 * larger paper that keeps their type legible on one sheet.  Diagram problems are reported
 * once, for the first language; later languages add only errors.  Ids
 * are unique within a kind only, so the kinds take turns in order and
 * the first to claim a name keeps it; a later one is print/<kind>.<id>.
 */
static void
write_print_pdfs(struct builder *b, enum lang lang)
{
	static const enum kind kinds[] = { KIND_MAP, KIND_PATH,
		KIND_DECISION, KIND_FLOW };
	const struct model *m = b->m;
	struct diag_list *dl = lang == m->site.langs[0] ? b->dl :
	    diag_list_new();
	char *store_name = xasprintf("pdfs-%d", (int)lang);
	struct file_store *store = file_store_open(b->prev, store_name, b->tool);
	size_t i, k, made = 0, taken = 0;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		for (i = 0; i < m->set[kinds[k]].len && !b->failed; i++) {
			const struct entity *e = m->set[kinds[k]].items[i];
			struct diag_list *own = diag_list_new();
			struct diagram_print p;
			struct buf pdf = { 0 };
			char *rel, *name = diagram_print_name(m, e), *kept;
			unsigned long long key;
			int chosen, keyed;
			size_t len;

			memset(&p, 0, sizeof(p));
			p.lang = lang;
			p.paper = diagram_default_paper(e, &p.notes, &chosen);
			p.dpi = 150;
			p.grow = !chosen;
			rel = xasprintf("%sprint/%s.pdf", lang_root(m, lang),
			    name);
			/* What laying it out said goes to dl; own gets what
			 * the sheets say, kept with the PDF. */
			keyed = diagram_pdf_key(m, e, &p, &key, dl);
			made++;
			if (keyed && (kept = file_store_take(store, rel, key,
			    &len, own, e->pos)) != NULL) {
				write_file(b, rel, kept, len);
				free(kept);
				taken++;
			} else if (diagram_render(m, e, DIAGRAM_PDF, &p, &pdf,
			    own) == 0) {
				write_file(b, rel, pdf.data, pdf.len);
				if (keyed && diag_errors(own) == 0)
					file_store_add(store, rel, key, pdf.data,
					    pdf.len, own);
			}
			diag_merge(dl, own);
			diag_list_free(own);
			free(rel);
			free(name);
			buf_free(&pdf);
		}
	if (!b->failed)
		file_store_save(store, b->stage);
	file_store_free(store);
	bench_taken(store_name, taken, made);
	free(store_name);
	if (dl != b->dl) {
		if (diag_errors(dl) > 0)
			diag_merge(b->dl, dl);
		diag_list_free(dl);
	}
}

/* Whether e has a drawing: a map, path, decision guide or flow, or a
 * service with next or previous steps (on its page). */
static int
has_drawing(const struct entity *e)
{
	const struct service *s = (const struct service *)e;

	if (diagram_kind_supported(e->kind))
		return 1;
	return e->kind == KIND_SERVICE &&
	    (s->next.len != 0 || s->previous.len != 0);
}

/*
 * Each drawn diagram too wide for its page whole, at natural size, as
 * <kind>/<id>.svg beside its page (diagram_full_svg): of the maps,
 * paths, decision guides, flows and the services that have next or
 * previous steps, those whose figure scrolls and links there.  From
 * the cache, so drawn once.
 */
static void
write_full_svgs(struct builder *b, enum lang lang)
{
	static const enum kind kinds[] = { KIND_MAP, KIND_PATH,
		KIND_DECISION, KIND_FLOW, KIND_SERVICE };
	const struct model *m = b->m;
	char *store_name = xasprintf("full-%d", (int)lang);
	struct file_store *store = file_store_open(b->prev, store_name,
	    b->tool);
	size_t i, k, len, made = 0, taken = 0;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		for (i = 0; i < m->set[kinds[k]].len && !b->failed; i++) {
			const struct entity *e = m->set[kinds[k]].items[i];
			struct buf svg = { 0 };
			unsigned long long key;
			char *rel, *path, *kept = NULL;
			int keyed;

			if (!has_drawing(e))
				continue;
			path = diagram_full_path(e);
			rel = xasprintf("%s%s", lang_root(m, lang), path);
			keyed = diagram_full_key(m, e, lang, &key);
			if (keyed && (kept = file_store_take(store, rel, key,
			    &len, b->dl, e->pos)) != NULL) {
				write_file(b, rel, kept, len);
				made++;
				taken++;
			} else if (diagram_full_svg(m, e, lang, &svg) == 0) {
				write_file(b, rel, svg.data, svg.len);
				made++;
				if (keyed)
					file_store_add(store, rel, key, svg.data,
					    svg.len, NULL);
			}
			free(kept);
			free(rel);
			free(path);
			buf_free(&svg);
		}
	if (!b->failed)
		file_store_save(store, b->stage);
	file_store_free(store);
	bench_taken(store_name, taken, made);
	free(store_name);
}

/* h1 -> h2 … h5 -> h6 below n: a part of the print page. */
static void
demote_headings(xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (n->name[0] == 'h' && n->name[1] >= '1' &&
		    n->name[1] <= '5' && n->name[2] == '\0') {
			char name[3] = { 'h', (char)(n->name[1] + 1), '\0' };

			xmlNodeSetName(n, (const xmlChar *)name);
		}
		demote_headings(n->children);
	}
}

/*
 * The ids on the print page outside the part being added: the frame,
 * the cover, the chapters' headings and the parts before, as they were
 * finally written.  Kept as the page grows so that each part costs its
 * own size, not the page's.  Keys owned.
 */
struct idset {
	struct strmap *map;     /* id -> itself */
};

static void
idset_add(struct idset *s, const xmlChar *id)
{
	if (strmap_get(s->map, (const char *)id) == NULL) {
		char *k = xstrdup((const char *)id);

		strmap_put(s->map, k, k);
	}
}

/* Adds the ids of n, its siblings after it and everything below. */
static void
idset_add_tree(struct idset *s, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		xmlChar *v;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((v = xmlGetProp(n, (const xmlChar *)"id")) != NULL)
			idset_add(s, v);
		xmlFree(v);
		idset_add_tree(s, n->children);
	}
}

static void
idset_free(struct idset *s)
{
	const char *k;
	void *v;
	size_t pos = 0;

	while (strmap_next(s->map, &pos, &k, &v))
		free(v);
	strmap_free(s->map);
}

/* Points "#old" links (and aria references) below n at their new ids
 * (renames: old id -> new id). */
static void
retarget(xmlNodePtr n, const struct strmap *renames)
{
	static const char *const attrs[] = { "href", "aria-labelledby",
		"aria-describedby" };
	size_t i;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (i = 0; i < ARRAY_LEN(attrs); i++) {
			xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[i]);
			const char *to;

			if (v != NULL && i == 0 && v[0] == '#' &&
			    (to = strmap_get(renames, (char *)v + 1)) != NULL) {
				char *h = xasprintf("#%s", to);

				xmlSetProp(n, (const xmlChar *)"href",
				    (const xmlChar *)h);
				free(h);
			} else if (v != NULL && i > 0 &&
			    (to = strmap_get(renames, (char *)v)) != NULL)
				xmlSetProp(n, (const xmlChar *)attrs[i],
				    (const xmlChar *)to);
			xmlFree(v);
		}
		retarget(n->children, renames);
	}
}

/*
 * Gives every id below n that is already used elsewhere on the page (in
 * taken) a prefix of the part's own, recording old -> new in renames
 * (keys and values owned by the caller's list, freed with the map).
 */
static void
uniquify_ids(const struct idset *taken, xmlNodePtr n, const char *prefix,
    struct strmap *renames)
{
	for (; n != NULL; n = n->next) {
		xmlChar *v;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		v = xmlGetProp(n, (const xmlChar *)"id");
		if (v != NULL && strmap_get(taken->map, (char *)v) != NULL) {
			char *id = xasprintf("%s-%s", prefix, (char *)v);

			xmlSetProp(n, (const xmlChar *)"id", (const xmlChar *)id);
			if (strmap_get(renames, (char *)v) == NULL)
				strmap_put(renames, xstrdup((char *)v), id);
			else
				free(id);
		}
		xmlFree(v);
		uniquify_ids(taken, n->children, prefix, renames);
	}
}

/* One part of the print page: an entity page (or a list page) in an
 * <article id="kind-id">, its headings two levels down and its ids its
 * own; then its ids join taken, it becomes the book's and it is written
 * out (the page holds one part's tree at a time, not the handbook's). */
static void
print_part(struct page_ctx *pc, struct book *bk, xmlNodePtr main,
    const struct entity *e, enum kind list, struct idset *taken)
{
	xmlNodePtr art = html_el_class(main, "article", "print-part", NULL);
	struct strmap *renames = strmap_new();
	const char *k;
	void *v;
	size_t pos = 0;
	char *prefix;

	if (e != NULL) {
		pages_render_entity(pc, art, e);
		prefix = xasprintf("%s-%s", kind_names[e->kind], e->id);
	} else {
		pages_render_list(pc, art, list);
		prefix = xasprintf("%s-list", kind_names[list]);
	}
	html_attr(art, "id", prefix);
	/* Below the book's title and the chapter's. */
	demote_headings(art->children);
	demote_headings(art->children);
	uniquify_ids(taken, art->children, prefix, renames);
	if (strmap_count(renames) > 0)
		retarget(art, renames);
	while (strmap_next(renames, &pos, &k, &v)) {
		free((char *)k);
		free(v);
	}
	strmap_free(renames);
	idset_add_tree(taken, art);
	free(prefix);
	book_part(bk, art);
	html_page_write_part(&pc->page, art);
}

/*
 * print.html: the whole handbook on one page, in reading order, as a
 * book (book.h): a cover, the contents, a chapter per kind; and beside
 * it the stylesheet of its running foot.
 */
static void
build_print_page(struct builder *b, enum lang lang)
{
	static const enum kind order[] = { KIND_GUIDE, KIND_PATH,
		KIND_SEGMENT, KIND_DECISION, KIND_MAP, KIND_FLOW, KIND_THEME,
		KIND_MODEL, KIND_GROUP, KIND_SERVICE, KIND_ACTOR, KIND_AREA };
	const struct model *m = b->m;
	struct page_ctx pc;
	struct idset taken;
	struct book bk;
	struct buf css = { 0 };
	xmlNodePtr main, chapter;
	size_t k, i;
	char *rel;

	main = page_begin(&pc, m, b->tpl, lang, "print.html",
	    ui(lang, UI_PRINT_HANDBOOK), KIND_NONE);
	book_cover(&pc, main);
	book_init(&bk);
	taken.map = strmap_new();
	idset_add_tree(&taken, xmlDocGetRootElement(main->doc));
	for (k = 0; k < ARRAY_LEN(order); k++) {
		struct entity **items;

		if (m->set[order[k]].len == 0)
			continue;
		chapter = book_chapter(&pc, &bk, main, order[k]);
		idset_add_tree(&taken, chapter);
		if (order[k] == KIND_SEGMENT || order[k] == KIND_AREA) {
			/* The segmentation guide, not one page a level; the
			 * list of areas, as each service says where it is
			 * offered. */
			print_part(&pc, &bk, chapter, NULL, order[k],
			    &taken);
			continue;
		}
		items = pages_sorted(m, order[k]);
		for (i = 0; i < m->set[order[k]].len; i++)
			print_part(&pc, &bk, chapter, items[i], KIND_NONE,
			    &taken);
		free(items);
	}
	idset_free(&taken);
	book_finish(&pc, &bk, main);
	emit_page(b, &pc, lang);
	book_foot_css(m, lang, &css);
	rel = xasprintf("%s%s", lang_root(m, lang), BOOK_CSS_PATH);
	write_file(b, rel, css.data, css.len);
	free(rel);
	buf_free(&css);
}

/* ---- The pieces of a build, for jobs.h ---- */

enum piece_type {
	P_PRINT,     /* print.html and its stylesheet */
	P_FRONT,     /* the front page */
	P_AUDIENCE,  /* a reader group's page (n: its index) */
	P_AIDS,      /* the A-Z index, tags, accessibility, search index */
	P_LIST,      /* the list page of a kind */
	P_ENTITY,    /* an entity's page (n: its index in the kind) */
	P_FLOWS,     /* the flows' published numbers */
	P_PDFS,      /* the maps' PDFs; diagram problems */
	P_FULL,      /* the diagrams' full-size SVGs */
	P_THEME,     /* the theme's files */
	P_ASSETS,    /* the content's assets */
};

/* One piece: it writes its own files and nothing else. */
struct piece {
	enum piece_type type;
	enum lang lang;
	enum kind kind;
	size_t n;
};

struct pieces {
	struct builder *b;
	const char *theme_dir;
	struct piece *items;    /* owned */
	size_t len, cap;
};

static void
piece_add(struct pieces *ps, enum piece_type t, enum lang lang,
    enum kind kind, size_t n)
{
	struct piece *p = array_push(&ps->items, &ps->len, &ps->cap,
	    sizeof(*p));

	p->type = t;
	p->lang = lang;
	p->kind = kind;
	p->n = n;
}

/*
 * Every piece of the build of m.  print.html, much the largest, comes
 * first, so that the workers end at about the same time.
 */
static void
pieces_list(struct pieces *ps, const struct model *m)
{
	size_t l, k, i;

	for (l = 0; l < m->site.nlangs; l++)
		piece_add(ps, P_PRINT, m->site.langs[l], KIND_NONE, 0);
	for (l = 0; l < m->site.nlangs; l++) {
		enum lang lang = m->site.langs[l];

		piece_add(ps, P_FRONT, lang, KIND_NONE, 0);
		for (i = 0; i < m->site.audiences.len; i++)
			piece_add(ps, P_AUDIENCE, lang, KIND_NONE, i);
		piece_add(ps, P_AIDS, lang, KIND_NONE, 0);
		for (k = 0; k < KIND_COUNT; k++) {
			if (m->set[k].len == 0)
				continue;
			piece_add(ps, P_LIST, lang, (enum kind)k, 0);
			for (i = 0; i < m->set[k].len; i++)
				piece_add(ps, P_ENTITY, lang, (enum kind)k, i);
		}
		piece_add(ps, P_FLOWS, lang, KIND_NONE, 0);
		piece_add(ps, P_PDFS, lang, KIND_NONE, 0);
		piece_add(ps, P_FULL, lang, KIND_NONE, 0);
	}
	piece_add(ps, P_THEME, LANG_FI, KIND_NONE, 0);
	piece_add(ps, P_ASSETS, LANG_FI, KIND_NONE, 0);
}

/* Runs piece i (jobs_fn), reporting into dl. */
static int
piece_run(void *arg, size_t i, struct diag_list *dl)
{
	struct pieces *ps = arg;
	struct builder *b = ps->b;
	const struct piece *p = &ps->items[i];
	char *assets;

	b->dl = dl;
	switch (p->type) {
	case P_PRINT:
		build_print_page(b, p->lang);
		break;
	case P_FRONT:
		build_front(b, p->lang);
		break;
	case P_AUDIENCE:
		build_audience(b, p->lang, p->n);
		break;
	case P_AIDS:
		build_reading_aids(b, p->lang);
		break;
	case P_LIST:
		build_list(b, p->lang, p->kind);
		break;
	case P_ENTITY:
		build_entity(b, p->lang, b->m->set[p->kind].items[p->n]);
		break;
	case P_FLOWS:
		write_flow_json(b, p->lang);
		break;
	case P_PDFS:
		write_print_pdfs(b, p->lang);
		break;
	case P_FULL:
		write_full_svgs(b, p->lang);
		break;
	case P_THEME:
		copy_tree(b, ps->theme_dir, "theme", ps->theme_dir, "theme",
		    "page.xhtml");
		break;
	case P_ASSETS:
		assets = path_join(b->m->root, "assets");
		/* assets/ itself a link out of the content (to /etc, say)
		 * would publish what is behind it. */
		if (access(assets, F_OK) == 0 &&
		    !tree_inside(b->m->root, assets))
			diag_error(dl, path_pos(assets), "refused: assets/ is "
			    "a symbolic link out of the content folder, and "
			    "what is behind it would be published; make it a "
			    "folder inside the content");
		else
			copy_tree(b, b->m->root, "content", assets, "assets",
			    NULL);
		free(assets);
		break;
	}
	return b->failed ? -1 : 0;
}

/*
 * Links every file below from/rel into the stage at rel, hidden ones
 * too (the cache): the previous output, found intact and made from the
 * same inputs, becomes the new one without a byte written.
 */
static void
link_tree(struct builder *b, const char *from, const char *rel)
{
	char *src = rel[0] ? path_join(from, rel) : xstrdup(from);
	char *dst = rel[0] ? path_join(b->stage, rel) : xstrdup(b->stage);
	DIR *d = opendir(src);
	struct dirent *ent;

	if (d == NULL)
		io_error(b, src, "cannot read");
	while (d != NULL && (ent = readdir(d)) != NULL && !b->failed) {
		char *r, *s, *t;
		struct stat st;

		if (strcmp(ent->d_name, ".") == 0 ||
		    strcmp(ent->d_name, "..") == 0)
			continue;
		r = rel[0] ? xasprintf("%s/%s", rel, ent->d_name) :
		    xstrdup(ent->d_name);
		s = path_join(from, r);
		t = path_join(b->stage, r);
		if (lstat(s, &st) != 0)
			io_error(b, s, "cannot read");
		else if (S_ISDIR(st.st_mode)) {
			if (mkdir(t, 0755) != 0 && errno != EEXIST)
				io_error(b, t, "cannot create folder");
			else
				link_tree(b, from, r);
		} else if (S_ISREG(st.st_mode) && link(s, t) != 0 &&
		    errno != EEXIST) {
			/* Not linkable (an immutable file, say): copied. */
			size_t len;
			char *data = file_read(s, (size_t)1 << 30, &len);

			if (data == NULL)
				io_error(b, s, "cannot read");
			else
				write_file(b, r, data, len);
			free(data);
		}
		free(r);
		free(s);
		free(t);
	}
	if (d != NULL)
		closedir(d);
	free(src);
	free(dst);
}

/*
 * Renders and writes everything into the stage, on up to jobs worker
 * processes (jobs.h); or, when the previous output was made from the
 * very same inputs and is intact (cache.h), links it into the stage as
 * it is.  Every diagram is laid out here first, once per language, so
 * that the workers share the drawings instead of each laying out what
 * it needs.
 */
static void
render_all(struct builder *b, const char *theme_dir, unsigned jobs)
{
	const struct model *m = b->m;
	struct diag_list *dl = b->dl, *rendered = diag_list_new();
	struct pieces ps = { b, theme_dir, NULL, 0, 0 };
	char *key = cache_key(m, theme_dir);
	size_t l, k, i;

	if (b->prev != NULL && cache_reuse(b->prev, key, rendered)) {
		link_tree(b, b->prev, "");
		diag_merge(dl, rendered);
		diag_list_free(rendered);
		free(key);
		return;
	}
	b->dl = rendered;
	b->tool = cache_tool_key();
	diagram_cache_begin(b->prev, b->tool);
	for (l = 0; l < m->site.nlangs; l++)
		for (k = 0; k < KIND_COUNT; k++)
			for (i = 0; i < m->set[k].len &&
			    !output_interrupted(); i++)
				if (has_drawing(m->set[k].items[i]))
					diagram_cache_draw(m, m->set[k].items[i],
					    m->site.langs[l]);
	pieces_list(&ps, m);
	if (jobs_run(ps.len, jobs, piece_run, &ps, rendered) != 0)
		b->failed = 1;
	b->dl = dl;
	free(ps.items);
	/* Only a build that will be swapped into place gets a cache; one
	 * that cannot be written is merely not reused. */
	if (!b->failed && diag_errors(dl) == 0 &&
	    diag_errors(rendered) == 0) {
		diagram_cache_save(b->stage);
		cache_write(b->stage, key, rendered);
	}
	diagram_cache_end();
	free(b->tool);
	b->tool = NULL;
	diag_merge(dl, rendered);
	diag_list_free(rendered);
	free(key);
}

int
build_site(const struct model *m, const char *theme_dir, const char *out_dir,
    unsigned jobs, struct diag_list *dl)
{
	const struct output_tree trees[] = { { m->root, "content" },
		{ theme_dir, "theme" } };
	struct output *out;
	struct builder b;
	char *tpl_path, *tpl, *why;
	size_t tpl_len;
	int rc;

	memset(&b, 0, sizeof(b));
	b.m = m;
	b.dl = dl;
	tpl_path = path_join(theme_dir, "page.xhtml");
	if ((tpl = tree_read(theme_dir, "theme", tpl_path, (size_t)1 << 24,
	    &tpl_len, &why)) == NULL) {
		diag_error(dl, path_pos(tpl_path), "the theme's page "
		    "template: %s", why);
		free(why);
		free(tpl_path);
		return KARTTA_EXIT_SYSTEM;
	}
	b.tpl = html_template_parse(tpl, tpl_len, tpl_path, dl);
	free(tpl);
	free(tpl_path);
	if (b.tpl == NULL)
		return KARTTA_EXIT_CONTENT;
	if ((rc = output_claim(out_dir, trees, ARRAY_LEN(trees), dl,
	    &out)) != KARTTA_EXIT_OK) {
		html_template_free(b.tpl);
		return rc;
	}
	b.stage = output_stage(out);
	b.prev = output_previous(out);
	render_all(&b, theme_dir, jobs);
	if (b.failed || diag_errors(dl) > 0 || output_interrupted())
		rc = b.failed || output_interrupted() ? KARTTA_EXIT_SYSTEM :
		    KARTTA_EXIT_CONTENT;
	else
		rc = output_commit(out, dl);
	html_template_free(b.tpl);
	/* Removes the staging folder unless committed; after a signal,
	 * raises it again and does not return. */
	output_release(out);
	return rc;
}

static size_t pages_counted; /* for count_page: nftw takes no argument */

static int
count_page(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	size_t len = strlen(path);

	(void)st;
	(void)ftw;
	if (flag == FTW_F && len > 5 && strcmp(path + len - 5, ".html") == 0)
		pages_counted++;
	return 0;
}

size_t
build_count_pages(const char *out_dir)
{
	pages_counted = 0;
	nftw(out_dir, count_page, 16, FTW_PHYS);
	return pages_counted;
}
