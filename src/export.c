#include "export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output.h"
#include "schema.h"
#include "util.h"

static const char *const format_names[] = { "svg", "pdf", "png", NULL };

int
export_format_parse(const char *s, enum diagram_format *fmt)
{
	size_t i;

	for (i = 0; s != NULL && format_names[i]; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*fmt = (enum diagram_format)i;
			return 1;
		}
	return 0;
}

int
export_format_from_file(const char *file, enum diagram_format *fmt)
{
	const char *dot = file ? strrchr(file, '.') : NULL;
	char ext[8];
	size_t i;

	if (dot == NULL || strchr(dot, '/') != NULL || strlen(dot + 1) >= 8)
		return 0;
	for (i = 0; dot[1 + i]; i++)
		ext[i] = (char)(dot[1 + i] | 0x20);
	ext[i] = '\0';
	return export_format_parse(ext, fmt);
}

int
export_paper_parse(const char *s)
{
	size_t i;

	for (i = 0; s != NULL && paper_names[i]; i++)
		if (strcmp(s, paper_names[i]) == 0)
			return (int)i;
	return -1;
}

/* Where command-line problems are reported: the content tree. */
static struct pos
root_pos(const struct model *m)
{
	struct pos p = { m->root, 0, 0 };

	return p;
}

/* Finds "kind:id"; reports what is wrong (with a suggestion). */
static const struct entity *
find_ref(const struct model *m, const char *ref, struct diag_list *dl)
{
	const char *colon = strchr(ref, ':');
	enum kind kind;
	const struct entity *e;
	struct suggest sg;
	size_t i;

	kind = colon ? kind_from_name(ref, (size_t)(colon - ref)) : KIND_NONE;
	if (kind == KIND_NONE || kind >= KIND_COUNT) {
		diag_error(dl, root_pos(m), "export: \"%s\" is not a "
		    "reference; expected map:ID, path:ID, decision:ID or flow:ID", ref);
		return NULL;
	}
	if (!diagram_kind_supported(kind)) {
		diag_error(dl, root_pos(m), "export: a %s is not a diagram; "
		    "expected map:ID, path:ID, decision:ID or flow:ID", kind_names[kind]);
		return NULL;
	}
	if ((e = model_find(m, kind, colon + 1)) != NULL)
		return e;
	suggest_init(&sg, colon + 1);
	for (i = 0; i < m->set[kind].len; i++)
		suggest_offer(&sg, m->set[kind].items[i]->id);
	if (suggest_result(&sg) != NULL)
		diag_error(dl, root_pos(m), "export: no %s \"%s\"; did you "
		    "mean %s:%s?", kind_names[kind], colon + 1,
		    kind_names[kind], suggest_result(&sg));
	else
		diag_error(dl, root_pos(m), "export: no %s \"%s\" in the "
		    "content", kind_names[kind], colon + 1);
	return NULL;
}

/* mkstemp makes 0600 files; give the file what a plain fopen would. */
static int
chmod_default(const char *path)
{
	mode_t mask = umask(022);

	umask(mask);
	return chmod(path, 0666 & ~mask);
}

/* Writes data to file through a temporary file beside it. */
static int
write_atomic(const char *file, const struct buf *data, struct diag_list *dl)
{
	struct pos at = { file, 0, 0 };
	char *tmp;
	FILE *f;
	int fd;

	if (strcmp(file, "-") == 0) {
		if (fwrite(data->data, 1, data->len, stdout) != data->len ||
		    fflush(stdout) != 0) {
			diag_error(dl, at, "cannot write: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	tmp = xasprintf("%s.tmp-XXXXXX", file);
	if ((fd = mkstemp(tmp)) < 0 || (f = fdopen(fd, "wb")) == NULL) {
		diag_error(dl, at, "cannot write: %s", strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return -1;
	}
	if (fwrite(data->data, 1, data->len, f) != data->len) {
		diag_error(dl, at, "cannot write: %s", strerror(errno));
		fclose(f);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	if (fclose(f) != 0 || chmod_default(tmp) != 0 || rename(tmp, file) != 0) {
		diag_error(dl, at, "cannot write: %s", strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

int
export_run(const struct model *m, const struct export_opts *o,
    struct diag_list *dl)
{
	const struct output_tree trees[] = { { m->root, "content" } };
	const struct entity *e;
	struct diagram_print p;
	struct buf out = { 0 };
	int rc, chosen;

	/* Never over a folder, a link or a file of the content. */
	if ((rc = output_check_file(o->file, trees, ARRAY_LEN(trees), dl)) !=
	    KARTTA_EXIT_OK)
		return rc;
	if ((e = find_ref(m, o->ref, dl)) == NULL)
		return KARTTA_EXIT_CONTENT;
	memset(&p, 0, sizeof(p));
	p.lang = m->site.langs[0];
	if (o->lang != NULL) {
		size_t i;

		for (i = 0; i < m->site.nlangs; i++)
			if (strcmp(lang_names[m->site.langs[i]], o->lang) == 0)
				break;
		if (i == m->site.nlangs) {
			diag_error(dl, root_pos(m), "export: the handbook "
			    "has no language \"%s\"", o->lang);
			return KARTTA_EXIT_CONTENT;
		}
		p.lang = m->site.langs[i];
	}
	p.dpi = o->dpi ? o->dpi : 150;
	p.paper = diagram_default_paper(e, &p.notes, &chosen);
	p.grow = !chosen && o->paper < 0;
	if (o->paper >= 0)
		p.paper = o->paper;
	p.notes |= o->notes;
	p.svg_paper = o->paper >= 0;
	if (diagram_render(m, e, o->fmt, &p, &out, dl) != 0) {
		buf_free(&out);
		return KARTTA_EXIT_CONTENT;
	}
	rc = write_atomic(o->file, &out, dl) == 0 ? KARTTA_EXIT_OK :
	    KARTTA_EXIT_SYSTEM;
	buf_free(&out);
	return rc;
}
