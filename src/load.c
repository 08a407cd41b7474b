#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "schema.h"
#include "tree.h"
#include "util.h"
#include "ydoc.h"

struct loader {
	struct model *m;          /* being filled */
	struct diag_list *dl;     /* where problems go */
	struct decode_ctx ctx;    /* for the schema decoder */
};

static struct pos
file_pos(const char *file)
{
	struct pos p = { file, 1, 1 };

	return p;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Ignored by design: hidden files and editor backups. */
static int
name_ignored(const char *name)
{
	size_t len = strlen(name);

	return name[0] == '.' || (len > 0 && name[len - 1] == '~');
}

/*
 * Returns the sorted entry names of a folder (caller frees each and the
 * array), so that loading order, and with it every output, does not
 * depend on the file system.  NULL if the folder does not exist.
 */
static char **
dir_list(const char *path, size_t *n)
{
	DIR *d = opendir(path);
	struct dirent *ent;
	char **names = NULL;
	size_t len = 0, cap = 0;

	*n = 0;
	if (d == NULL)
		return NULL;
	while ((ent = readdir(d)) != NULL) {
		char **slot;

		if (name_ignored(ent->d_name))
			continue;
		slot = array_push(&names, &len, &cap, sizeof(*slot));
		*slot = xstrdup(ent->d_name);
	}
	closedir(d);
	if (len > 0)
		qsort(names, len, sizeof(*names), name_cmp);
	*n = len;
	return names ? names : xcalloc(1, sizeof(char *));
}

static void
dir_list_free(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Reads a content file, only a regular file and never through a link
 * out of the content folder (tree.h); reports and returns NULL on
 * failure. */
static char *
read_content_file(struct loader *ld, const char *path, const char *shown,
    size_t *len)
{
	char *why, *text = tree_read(ld->m->root, "content", path,
	    LOAD_MAX_FILE, len, &why);

	if (text == NULL) {
		diag_error(ld->dl, file_pos(shown), "%s", why);
		free(why);
	}
	return text;
}

static const char *
required_keys(const struct schema *s, struct buf *b)
{
	const struct field *f;

	for (f = s->fields; f->key != NULL; f++)
		if ((f->flags & F_REQUIRED) && !(f->flags & F_KEY))
			buf_printf(b, "%s%s", b->len ? ", " : "", f->key);
	return b->data ? b->data : "";
}

static void
report_empty(struct loader *ld, const char *shown, const struct schema *s)
{
	struct buf b = { 0 };

	diag_error(ld->dl, file_pos(shown), "file is empty; %s %s needs %s",
	    article(s->name), s->name, required_keys(s, &b));
	buf_free(&b);
}

static void
entity_add(struct loader *ld, struct entity *e)
{
	struct entity_set *set = &ld->m->set[e->kind];
	struct entity **slot;

	slot = array_push(&set->items, &set->len, &set->cap, sizeof(*slot));
	*slot = e;
	strmap_put(set->byid, e->id, e);
}

static void
report_bad_id(struct loader *ld, const char *shown, const char *id,
    const char *ext)
{
	diag_error(ld->dl, file_pos(shown), "\"%s\" is not a valid id: a "
	    "file name must be lower-case letters a-z, digits and '-' before "
	    "%s, at most 64 characters (e.g. tyokokeilu%s)", id, ext, ext);
}

/*
 * Non-zero, after an error, for an id that names a page kartta writes
 * for the kind itself: "index" is the list page (services/index.html),
 * and an entity of that id would overwrite it.  shown is the file.
 */
static int
refuse_reserved_id(struct loader *ld, const char *shown, enum kind kind,
    const char *id)
{
	if (strcmp(id, "index") != 0)
		return 0;
	diag_error(ld->dl, file_pos(shown), "\"index\" cannot be an id: "
	    "%s/index.html is the list of all %s; rename the file",
	    kind_dirs[kind], kind_dirs[kind]);
	return 1;
}

static void
load_yaml_entity(struct loader *ld, enum kind kind, const char *dir,
    const char *name)
{
	const struct schema *s = schema_of_kind[kind];
	char *path = path_join(dir, name), *shown = xstrdup(path), *text, *id;
	struct ynode *root;
	struct entity *e;
	size_t len;
	int empty;

	id = xstrndup(name, strlen(name) - strlen(".yaml"));
	if (!id_valid(id)) {
		report_bad_id(ld, shown, id, ".yaml");
		goto out;
	}
	if (refuse_reserved_id(ld, shown, kind, id))
		goto out;
	if ((text = read_content_file(ld, path, shown, &len)) == NULL) {
		model_note_unreadable(ld->m, kind, id);
		goto out;
	}
	root = ydoc_parse(text, len, shown, 0, ld->dl, &empty);
	free(text);
	if (root == NULL) {
		if (empty)
			report_empty(ld, shown, s);
		model_note_unreadable(ld->m, kind, id);
		goto out;
	}
	e = xcalloc(1, s->size);
	e->kind = kind;
	e->id = id;
	e->file = shown;
	e->pos = file_pos(e->file);
	id = shown = NULL;
	decode_struct(&ld->ctx, s, root, e, e->pos);
	ynode_free(root);
	entity_add(ld, e);
out:
	free(id);
	free(shown);
	free(path);
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls > lx && strcmp(s + ls - lx, suffix) == 0;
}

/*
 * Splits a guide file into front matter and body: the file starts with
 * a line "---" and the front matter ends at the next "---" (or "...")
 * line.  Returns 0 if there is no front matter.
 */
static int
split_front_matter(const char *text, size_t len, size_t *fm_start,
    size_t *fm_len, size_t *body_start, unsigned *body_line)
{
	size_t i = 0, line_start;
	unsigned line = 1;

	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if (!(len - i >= 3 && memcmp(text + i, "---", 3) == 0))
		return 0;
	i += 3;
	while (i < len && (text[i] == ' ' || text[i] == '\t' ||
	    text[i] == '\r'))
		i++;
	if (i < len && text[i] != '\n')
		return 0;
	*fm_start = ++i;
	line++;
	while (i < len) {
		size_t e;

		line_start = i;
		while (i < len && text[i] != '\n')
			i++;
		e = i;
		while (e > line_start && (text[e - 1] == '\r' ||
		    text[e - 1] == ' ' || text[e - 1] == '\t'))
			e--;
		if (e - line_start == 3 && (memcmp(text + line_start, "---",
		    3) == 0 || memcmp(text + line_start, "...", 3) == 0)) {
			*fm_len = line_start - *fm_start;
			*body_start = i < len ? i + 1 : i;
			*body_line = line + 1;
			return 1;
		}
		if (i < len)
			i++;
		line++;
	}
	return 0;
}

static struct guide *
guide_get(struct loader *ld, const char *id)
{
	struct guide *g = (struct guide *)model_find(ld->m, KIND_GUIDE, id);

	if (g == NULL) {
		g = xcalloc(1, sizeof(*g));
		g->e.kind = KIND_GUIDE;
		g->e.id = xstrdup(id);
		g->e.file = path_join(ld->m->root, "guides");
		g->e.pos = file_pos(g->e.file);
		entity_add(ld, &g->e);
	}
	return g;
}

static void
load_guide(struct loader *ld, const char *dir, const char *name)
{
	char *path = path_join(dir, name), *text = NULL, *id;
	struct guide_variant v;
	struct ynode *root = NULL;
	size_t len, fm_start, fm_len, body_start;
	unsigned body_line;
	int lang = -1, empty;
	const char *dot;
	struct guide *g;

	memset(&v, 0, sizeof(v));
	id = xstrndup(name, strlen(name) - 3);
	if ((dot = strrchr(id, '.')) != NULL) {
		lang = 0;
		while (lang_names[lang] && strcmp(lang_names[lang], dot + 1))
			lang++;
		if (lang_names[lang] == NULL) {
			report_bad_id(ld, path, id, ".md");
			goto out;
		}
		id[dot - id] = '\0';
	}
	if (!id_valid(id)) {
		report_bad_id(ld, path, id, ".md");
		goto out;
	}
	if (refuse_reserved_id(ld, path, KIND_GUIDE, id))
		goto out;
	/* Until the file is read, references to it are not told about. */
	model_note_unreadable(ld->m, KIND_GUIDE, id);
	if ((text = read_content_file(ld, path, path, &len)) == NULL)
		goto out;
	if (len == 0) {
		diag_error(ld->dl, file_pos(path), "file is empty; a guide "
		    "needs front matter with a title, then Markdown");
		goto out;
	}
	if (!ydoc_check_utf8(text, len, path, 0, ld->dl))
		goto out;
	if (!split_front_matter(text, len, &fm_start, &fm_len, &body_start,
	    &body_line)) {
		diag_error(ld->dl, file_pos(path), "a guide must start with "
		    "YAML front matter between two \"---\" lines, with at least "
		    "a title");
		goto out;
	}
	root = ydoc_parse(text + fm_start, fm_len, path, 1, ld->dl, &empty);
	if (root == NULL && !empty)
		goto out;
	decode_struct(&ld->ctx, &schema_guide_front, root, &v,
	    file_pos(path));
	if (v.lang.pos.line && lang >= 0 && v.lang.v != lang) {
		diag_error(ld->dl, v.lang.pos, "lang \"%s\" contradicts the "
		    "file name, which says \"%s\"", lang_names[v.lang.v],
		    lang_names[lang]);
	}
	if (lang < 0)
		lang = v.lang.pos.line ? v.lang.v : (int)ld->m->site.langs[0];
	g = guide_get(ld, id);
	if (g->variant[lang].file != NULL) {
		diag_error(ld->dl, file_pos(path), "a second \"%s\" version of "
		    "guide \"%s\" (the first is %s)", lang_names[lang], id,
		    g->variant[lang].file);
		schema_release(&schema_guide_front, &v);
		goto out;
	}
	v.file = path;
	v.body = xstrndup(text + body_start, len - body_start);
	v.body_len = len - body_start;
	v.body_pos.file = v.file;
	v.body_pos.line = body_line;
	v.body_pos.col = 1;
	v.lang.v = lang;
	g->variant[lang] = v;
	path = NULL;
out:
	ynode_free(root);
	free(text);
	free(id);
	free(path);
}

/* Loads every file of one kind's folder: <id>.yaml, or <id>.md for
 * guides; anything else there is a warning. */
/*
 * A file past MODEL_MAX_PER_KIND of its kind (the nread-th): not read;
 * the first one is told about.  Its id is noted as unreadable, so that references to it are
 * not reported as well.
 */
static void
refuse_over_limit(struct loader *ld, enum kind kind, const char *path,
    const char *name, const char *ext, size_t nread)
{
	char *id = xstrndup(name, strlen(name) - strlen(ext));

	if (nread == MODEL_MAX_PER_KIND + 1)
		diag_error(ld->dl, file_pos(path), "more than %d files in "
		    "%s/: kartta reads at most %d of one kind; this one and "
		    "those after it are not read (split the handbook, by "
		    "region say)", MODEL_MAX_PER_KIND, kind_dirs[kind],
		    MODEL_MAX_PER_KIND);
	model_note_unreadable(ld->m, kind, id);
	free(id);
}

static void
load_kind(struct loader *ld, enum kind kind)
{
	int guide = kind == KIND_GUIDE;
	const char *ext = guide ? ".md" : ".yaml";
	const char *alt = guide ? ".markdown" : ".yml";
	char *dir = path_join(ld->m->root, kind_dirs[kind]);
	char **names;
	size_t n, i, nread = 0;

	/* A kind's folder that is a link out of the content is not read
	 * at all (its files would each be refused). */
	if (is_dir(dir) && !tree_inside(ld->m->root, dir)) {
		diag_error(ld->dl, file_pos(dir), "is a symbolic link out of "
		    "the content folder (or lies on one): kartta reads only "
		    "files inside it");
		free(dir);
		return;
	}
	names = dir_list(dir, &n);
	for (i = 0; names && i < n; i++) {
		char *path = path_join(dir, names[i]);

		if (is_dir(path))
			diag_warning(ld->dl, file_pos(path), "unexpected "
			    "folder: %s/ holds only %s files", kind_dirs[kind],
			    ext);
		else if (has_suffix(names[i], ext) &&
		    ++nread > MODEL_MAX_PER_KIND)
			refuse_over_limit(ld, kind, path, names[i], ext,
			    nread);
		else if (has_suffix(names[i], ext) && guide)
			load_guide(ld, dir, names[i]);
		else if (has_suffix(names[i], ext))
			load_yaml_entity(ld, kind, dir, names[i]);
		else if (has_suffix(names[i], alt))
			diag_warning(ld->dl, file_pos(path), "ignored: kartta "
			    "reads %s files (rename it to end in %s)", ext, ext);
		else
			diag_warning(ld->dl, file_pos(path), "unexpected file "
			    "in %s/ (ignored)", kind_dirs[kind]);
		free(path);
	}
	dir_list_free(names, n);
	free(dir);
}

/*
 * Plain strings are in the handbook's first language, which site.yaml
 * itself names: read `languages` before decoding the rest.
 */
static void
prescan_languages(struct loader *ld, const struct ynode *root)
{
	struct site *site = &ld->m->site;
	size_t i, j;

	/* Without a readable site.yaml the languages are unknown: accept
	 * them all rather than warn about every translation. */
	ld->ctx.deflang = LANG_FI;
	ld->ctx.langmask = (1u << LANG_COUNT) - 1;
	if (root == NULL || root->type != YNODE_MAP)
		return;
	ld->ctx.langmask = 1u << LANG_FI;
	for (i = 0; i + 1 < root->nitems; i += 2) {
		const struct ynode *k = root->items[i], *v = root->items[i + 1];

		if (k->type != YNODE_SCALAR || strcmp(k->value, "languages"))
			continue;
		if (v->type != YNODE_SEQ || v->nitems == 0)
			return;
		site->nlangs = 0;
		ld->ctx.langmask = 0;
		for (j = 0; j < v->nitems; j++) {
			const struct ynode *l = v->items[j];
			int idx;

			if (l->type != YNODE_SCALAR)
				continue;
			for (idx = 0; lang_names[idx]; idx++)
				if (strcmp(lang_names[idx], l->value) == 0)
					break;
			if (lang_names[idx] == NULL)
				continue;
			if (ld->ctx.langmask & (1u << idx)) {
				diag_error(ld->dl, l->pos, "language \"%s\" "
				    "is listed twice", l->value);
				continue;
			}
			ld->ctx.langmask |= 1u << idx;
			site->langs[site->nlangs++] = (enum lang)idx;
		}
		if (site->nlangs == 0) {
			site->nlangs = 1;
			site->langs[0] = LANG_FI;
			ld->ctx.langmask = 1u << LANG_FI;
		}
		ld->ctx.deflang = site->langs[0];
		return;
	}
}

static void
load_site(struct loader *ld)
{
	struct site *site = &ld->m->site;
	char *text;
	struct ynode *root;
	size_t len, i;
	int empty;

	site->file = path_join(ld->m->root, "site.yaml");
	if (access(site->file, F_OK) != 0) {
		diag_error(ld->dl, file_pos(site->file), "missing site.yaml: "
		    "every content folder needs one, with at least a title");
		prescan_languages(ld, NULL);
		return;
	}
	if ((text = read_content_file(ld, site->file, site->file, &len)) ==
	    NULL) {
		prescan_languages(ld, NULL);
		return;
	}
	root = ydoc_parse(text, len, site->file, 0, ld->dl, &empty);
	free(text);
	prescan_languages(ld, root);
	if (root == NULL) {
		if (empty)
			report_empty(ld, site->file, &schema_site);
		return;
	}
	decode_struct(&ld->ctx, &schema_site, root, site, file_pos(site->file));
	ynode_free(root);
	if (site->anonymity.k.pos.line)
		site->k = site->anonymity.k.v;
	if (site->anonymity.rounding.pos.line)
		site->rounding = site->anonymity.rounding.v;
	if (site->audiences.len > MODEL_MAX_AUDIENCES)
		diag_error(ld->dl, site->audiences.pos, "%zu audiences: "
		    "a handbook has at most %d", site->audiences.len,
		    MODEL_MAX_AUDIENCES);
	for (i = 0; i < site->audiences.len; i++) {
		struct audience *a = &((struct audience *)
		    site->audiences.items)[i];

		strmap_put(ld->m->audiences, a->id.s, a);
	}
}

static int
entity_cmp(const void *a, const void *b)
{
	return strcmp((*(struct entity *const *)a)->id,
	    (*(struct entity *const *)b)->id);
}

/*
 * A folder at the root that is a misspelt kind folder ("service" for
 * services) when that kind's own folder is absent: its files are what
 * the editor meant, so it is an error, and the ids in it are noted as
 * unreadable so that references to them do not each add a false
 * "unknown service".  Returns the kind, or -1.
 */
static int
misnamed_kind(struct loader *ld, const char *path, const char *suggestion)
{
	char **names, *own;
	size_t n, i;
	int kind, guide;

	if (suggestion == NULL || !is_dir(path))
		return -1;
	for (kind = 0; kind_dirs[kind]; kind++)
		if (strcmp(kind_dirs[kind], suggestion) == 0)
			break;
	if (kind_dirs[kind] == NULL)
		return -1;
	own = path_join(ld->m->root, kind_dirs[kind]);
	i = is_dir(own);
	free(own);
	if (i)
		return -1;
	guide = kind == KIND_GUIDE;
	names = dir_list(path, &n);
	for (i = 0; names && i < n; i++) {
		const char *ext = guide ? ".md" : ".yaml";
		char *id;

		if (!has_suffix(names[i], ext))
			continue;
		id = xstrndup(names[i], strlen(names[i]) - strlen(ext));
		if (guide && strchr(id, '.') != NULL)
			*strchr(id, '.') = '\0';
		model_note_unreadable(ld->m, (enum kind)kind, id);
		free(id);
	}
	dir_list_free(names, n);
	return kind;
}

/* Warns about what the content root holds besides the known parts. */
static void
check_root_entries(struct loader *ld)
{
	static const char *const known[] = { "site.yaml", "data", "assets",
		NULL };
	char **names;
	size_t n, i, k;

	names = dir_list(ld->m->root, &n);
	for (i = 0; names && i < n; i++) {
		int found = 0;
		struct suggest sg;

		suggest_init(&sg, names[i]);
		for (k = 0; known[k]; k++) {
			found |= strcmp(names[i], known[k]) == 0;
			suggest_offer(&sg, known[k]);
		}
		for (k = 0; kind_dirs[k]; k++) {
			found |= strcmp(names[i], kind_dirs[k]) == 0;
			suggest_offer(&sg, kind_dirs[k]);
		}
		if (!found) {
			char *path = path_join(ld->m->root, names[i]);
			int kind = misnamed_kind(ld, path, suggest_result(&sg));

			if (kind >= 0)
				diag_error(ld->dl, file_pos(path), "this folder "
				    "is not read (did you mean \"%s\"? rename "
				    "it: kartta reads %s/)", kind_dirs[kind],
				    kind_dirs[kind]);
			else if (suggest_result(&sg))
				diag_warning(ld->dl, file_pos(path), "unexpected "
				    "entry (ignored; did you mean \"%s\"?)",
				    suggest_result(&sg));
			else
				diag_warning(ld->dl, file_pos(path), "unexpected "
				    "entry (ignored)");
			free(path);
		}
	}
	dir_list_free(names, n);
}

struct model *
load_content(const char *root, struct diag_list *dl)
{
	struct loader ld;
	size_t k;

	if (!is_dir(root)) {
		diag_error(dl, file_pos(root), "content folder not found "
		    "(give another with -c)");
		return NULL;
	}
	memset(&ld, 0, sizeof(ld));
	ld.m = model_new(root);
	ld.dl = dl;
	ld.ctx.dl = dl;
	load_site(&ld);
	check_root_entries(&ld);
	for (k = 0; k < KIND_COUNT; k++)
		load_kind(&ld, (enum kind)k);
	for (k = 0; k < KIND_COUNT; k++) {
		struct entity_set *set = &ld.m->set[k];
		size_t i;

		if (set->len > 1)
			qsort(set->items, set->len, sizeof(struct entity *),
			    entity_cmp);
		for (i = 0; i < set->len; i++)
			set->items[i]->index = i;
	}
	return ld.m;
}
