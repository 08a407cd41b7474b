#include "model.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "flow.h"
#include "md.h"
#include "schema.h"
#include "util.h"

const char *const lang_names[] = { "fi", "sv", "en", NULL };
const char *const kind_names[] = { "actor", "group", "service", "path",
	"segment", "decision", "map", "flow", "guide", "area", "theme", "model",
	"audience", NULL };
const char *const kind_dirs[] = { "actors", "groups", "services", "paths",
	"segments", "decisions", "maps", "flows", "guides", "areas", "themes",
	"models", NULL };

struct model *
model_new(const char *root)
{
	struct model *m = xcalloc(1, sizeof(*m));
	size_t k;

	m->root = xstrdup(root);
	for (k = 0; k < KIND_COUNT; k++) {
		m->set[k].byid = strmap_new();
		m->set[k].unreadable = strmap_new();
	}
	m->audiences = strmap_new();
	m->site.langs[0] = LANG_FI;
	m->site.nlangs = 1;
	m->site.k = 5;
	m->site.rounding = 1;
	return m;
}

static void
guide_release(struct guide *g)
{
	size_t i;

	for (i = 0; i < LANG_COUNT; i++) {
		schema_release(&schema_guide_front, &g->variant[i]);
		free(g->variant[i].file);
		free(g->variant[i].body);
		md_doc_free(g->variant[i].md);
	}
}

static void
entity_free(struct entity *e)
{
	switch (e->kind) {
	case KIND_GUIDE:
		guide_release((struct guide *)e);
		break;
	case KIND_ACTOR:
		free(((struct actor *)e)->provides.items);
		free(((struct actor *)e)->paths.items);
		free(((struct actor *)e)->parts.items);
		free(((struct actor *)e)->maps.items);
		free(((struct actor *)e)->models.items);
		free(((struct actor *)e)->themes.items);
		schema_release(schema_of_kind[e->kind], e);
		break;
	case KIND_GROUP:
		free(((struct group *)e)->services.items);
		schema_release(schema_of_kind[e->kind], e);
		break;
	case KIND_SERVICE:
		free(((struct service *)e)->paths.items);
		free(((struct service *)e)->previous.items);
		free(((struct service *)e)->segments.items);
		free(((struct service *)e)->models.items);
		free(((struct service *)e)->themes.items);
		schema_release(schema_of_kind[e->kind], e);
		break;
	case KIND_FLOW:
		flow_free(((struct flow *)e)->counts);
		schema_release(schema_of_kind[e->kind], e);
		break;
	case KIND_SEGMENT:
		free(((struct segment *)e)->paths.items);
		free(((struct segment *)e)->outcomes.items);
		free(((struct segment *)e)->models.items);
		schema_release(schema_of_kind[e->kind], e);
		break;
	case KIND_AREA:
		free(((struct area *)e)->parts.items);
		schema_release(schema_of_kind[e->kind], e);
		break;
	case KIND_MODEL:
		free(((struct model_card *)e)->themes.items);
		schema_release(schema_of_kind[e->kind], e);
		break;
	default:
		schema_release(schema_of_kind[e->kind], e);
		break;
	}
	free(e->id);
	free(e->file);
	free(e);
}

void
model_note_unreadable(struct model *m, enum kind kind, const char *id)
{
	char *key = xstrdup(id);

	if (strmap_put(m->set[kind].unreadable, key, key) != NULL)
		free(key);
}

int
model_is_unreadable(const struct model *m, enum kind kind, const char *id)
{
	return kind < KIND_COUNT &&
	    strmap_get(m->set[kind].unreadable, id) != NULL;
}

static void
unreadable_free(struct strmap *ids)
{
	size_t pos = 0;
	void *key;

	while (strmap_next(ids, &pos, NULL, &key))
		free(key);
	strmap_free(ids);
}

void
model_free(struct model *m)
{
	size_t k, i;

	if (m == NULL)
		return;
	for (k = 0; k < KIND_COUNT; k++) {
		for (i = 0; i < m->set[k].len; i++)
			entity_free(m->set[k].items[i]);
		free(m->set[k].items);
		strmap_free(m->set[k].byid);
		unreadable_free(m->set[k].unreadable);
	}
	schema_release(&schema_site, &m->site);
	free(m->site.file);
	strmap_free(m->audiences);
	for (i = 0; i < m->nfragments; i++)
		free(m->fragments[i].url);
	free(m->fragments);
	free(m->root);
	free(m);
}

struct entity *
model_find(const struct model *m, enum kind kind, const char *id)
{
	if (kind >= KIND_COUNT || id == NULL)
		return NULL;
	return strmap_get(m->set[kind].byid, id);
}

enum kind
kind_from_name(const char *name, size_t len)
{
	size_t k;

	for (k = 0; k < KIND_COUNT; k++)
		if (strlen(kind_names[k]) == len &&
		    strncmp(kind_names[k], name, len) == 0)
			return (enum kind)k;
	return KIND_NONE;
}

const struct text_part *
text_part_get(const struct text *t, const struct site *site, enum lang lang)
{
	size_t i;

	if (t->part[lang].s != NULL)
		return &t->part[lang];
	for (i = 0; i < site->nlangs; i++)
		if (t->part[site->langs[i]].s != NULL)
			return &t->part[site->langs[i]];
	return NULL;
}

const char *
text_get(const struct text *t, const struct site *site, enum lang lang,
    enum lang *used)
{
	const struct text_part *p = text_part_get(t, site, lang);

	if (p == NULL)
		return NULL;
	if (used)
		*used = (enum lang)(p - t->part);
	return p->s;
}

int
model_asset_published(const struct model *m, const char *path)
{
	char *full, *p;
	struct stat st;
	int ok = 1;

	if (strncmp(path, "assets/", 7) != 0 || path[7] == '\0')
		return 0;
	full = path_join(m->root, path);
	/* Every part below the content folder, as the build copies them:
	 * no "..", no hidden or backup names, no symbolic links. */
	for (p = full + strlen(m->root) + 1; ok; p++) {
		char c = *p;
		const char *name;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		name = strrchr(full, '/') ? strrchr(full, '/') + 1 : full;
		ok = name[0] != '.' && name[0] != '\0' &&
		    name[strlen(name) - 1] != '~' && lstat(full, &st) == 0 &&
		    !S_ISLNK(st.st_mode);
		*p = c;
		if (c == '\0')
			break;
	}
	ok = ok && S_ISREG(st.st_mode);
	free(full);
	return ok;
}

void
links_add(struct links *l, struct entity *e)
{
	struct entity **slot;

	if (l->len > 0 && l->items[l->len - 1] == e)
		return;
	slot = array_push(&l->items, &l->len, &l->cap, sizeof(*slot));
	*slot = e;
}

const char *
entity_title(const struct model *m, const struct entity *e, enum lang lang)
{
	return entity_title_in(m, e, lang, NULL);
}

const char *
entity_title_in(const struct model *m, const struct entity *e,
    enum lang lang, enum lang *used)
{
	const struct text *t = NULL;
	const char *s;

	switch (e->kind) {
	case KIND_ACTOR:
		t = &((const struct actor *)e)->name;
		break;
	case KIND_GROUP:
		t = &((const struct group *)e)->name;
		break;
	case KIND_SERVICE:
		t = &((const struct service *)e)->name;
		break;
	case KIND_PATH:
		t = &((const struct path *)e)->title;
		break;
	case KIND_SEGMENT:
		t = &((const struct segment *)e)->name;
		break;
	case KIND_DECISION:
		t = &((const struct decision *)e)->title;
		break;
	case KIND_MAP:
		t = &((const struct map *)e)->title;
		break;
	case KIND_FLOW:
		t = &((const struct flow *)e)->title;
		break;
	case KIND_AREA:
		t = &((const struct area *)e)->name;
		break;
	case KIND_THEME:
		t = &((const struct theme *)e)->name;
		break;
	case KIND_MODEL:
		t = &((const struct model_card *)e)->name;
		break;
	case KIND_GUIDE: {
		const struct guide *g = (const struct guide *)e;
		size_t i;

		if (used)
			*used = lang;
		if (g->variant[lang].title.s)
			return g->variant[lang].title.s;
		for (i = 0; i < m->site.nlangs; i++)
			if (g->variant[m->site.langs[i]].title.s) {
				if (used)
					*used = m->site.langs[i];
				return g->variant[m->site.langs[i]].title.s;
			}
		return e->id;
	}
	default:
		if (used)
			*used = lang;
		return e->id;
	}
	if (used)
		*used = lang;
	s = text_get(t, &m->site, lang, used);
	return s ? s : e->id;
}

char *
site_edition(const struct site *site)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end, date[16];
	long long v;
	time_t t;
	struct tm tm;

	if (site->edition.s != NULL)
		return xstrdup(site->edition.s);
	if (s == NULL || *s == '\0')
		return NULL;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v < 0)
		return NULL;
	t = (time_t)v;
	if (gmtime_r(&t, &tm) == NULL || strftime(date, sizeof(date),
	    "%Y-%m-%d", &tm) == 0)
		return NULL;
	return xstrdup(date);
}
