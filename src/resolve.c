#include "resolve.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "edition.h"
#include "flow.h"
#include "lint.h"
#include "review.h"
#include "schema.h"
#include "util.h"

/* Two fields that bound a period, for check_period. */
struct field_pair {
	const struct str *from;   /* YYYY-MM or YYYY-MM-DD, or absent */
	const struct str *until;
	const char *from_key;     /* their keys, for the message */
	const char *until_key;
};

struct resolver {
	struct model *m;          /* being resolved */
	struct diag_list *dl;     /* where problems go */
	struct md_env env;        /* for md_check */
	struct resolve_opts *opts; /* options; counts missing texts */
	unsigned partial;         /* 1 << lang: partial site languages */
	const char *file;         /* the file being walked */
	const char *base;         /* its pages' folder: "services", "" */
	const struct entity *on;  /* the entity walked, or NULL (site) */
	enum lang lang;           /* the language of the text checked */
	struct pos missing_at[LANG_COUNT]; /* its first text lacking each */
	struct buf missing[LANG_COUNT];    /* the keys of those texts */
	size_t nmissing[LANG_COUNT];       /* how many */
	enum lang shown[LANG_COUNT];       /* the language shown instead */
	int keep_clients;         /* several events flows: tell overlaps */
	struct audit_flow *audit; /* flows aggregated, for the audit */
	size_t naudit;
};

enum kind
kind_of_md_ref(enum md_ref_kind k)
{
	const char *name = md_ref_kind_name(k);

	return kind_from_name(name, strlen(name));
}

struct md_origin
text_part_origin(const struct text_part *p)
{
	struct md_origin o;

	o.base = p->pos;
	o.indent = p->pos.col ? p->pos.col - 1 : 0;
	if (p->block) {
		o.base.line = p->pos.line + 1;
		o.base.col = p->indent;
		o.indent = p->indent ? p->indent - 1 : 0;
	}
	return o;
}

/* Position of byte off in s, which starts at origin o. */
static struct pos
offset_pos(struct md_origin o, const char *s, size_t off)
{
	struct pos p = o.base;
	size_t i, line_start = 0;
	unsigned lines = 0;

	for (i = 0; i < off && s[i]; i++)
		if (s[i] == '\n') {
			lines++;
			line_start = i + 1;
		}
	p.line = o.base.line + lines;
	p.col = (unsigned)utf8_count(s + line_start, off - line_start) +
	    (lines ? o.indent + 1 : o.base.col);
	return p;
}

struct pos
text_part_offset_pos(const struct text_part *p, size_t off)
{
	return offset_pos(text_part_origin(p), p->s, off);
}

/* md_env callbacks for checking. */

static int
env_exists(void *arg, enum md_ref_kind kind, const char *id)
{
	struct resolver *r = arg;

	/* An unreadable file's problem is told at the file. */
	return model_find(r->m, kind_of_md_ref(kind), id) != NULL ||
	    model_is_unreadable(r->m, kind_of_md_ref(kind), id);
}

static void
env_suggest(void *arg, enum md_ref_kind kind, struct suggest *s)
{
	struct resolver *r = arg;
	const struct entity_set *set = &r->m->set[kind_of_md_ref(kind)];
	size_t i;

	for (i = 0; i < set->len; i++)
		suggest_offer(s, set->items[i]->id);
}

static char *
env_asset_check(void *arg, const char *path)
{
	struct resolver *r = arg;

	return model_asset_published(r->m, path) ? xstrdup(path) : NULL;
}

/*
 * A relative link to a built page of an entity that does not exist
 * ("../services/tyokokeiluu.html"): resolved from the folder of the
 * page the text is on (r->base); links that leave the handbook, point
 * elsewhere than an entity's page, or cannot be told are not judged.
 * Returns what is wrong (caller frees) or NULL.
 */
static char *
env_page_check(void *arg, const char *url)
{
	struct resolver *r = arg;
	char *path = xstrndup(url, strcspn(url, "?#")), *seg[64], *p, *tok;
	char *msg = NULL, *save = NULL;
	size_t n = 0, i, len;
	int k = -1;
	struct suggest sg;

	if (r->base != NULL && r->base[0] != '\0')
		seg[n++] = (char *)r->base;
	for (tok = strtok_r(path, "/", &save); tok != NULL;
	    tok = strtok_r(NULL, "/", &save)) {
		if (strcmp(tok, ".") == 0)
			continue;
		if (strcmp(tok, "..") == 0) {
			if (n == 0)
				goto out; /* above the handbook: not judged */
			n--;
		} else if (n < ARRAY_LEN(seg))
			seg[n++] = tok;
		else
			goto out;
	}
	i = 0;
	if (n == 3)
		for (k = 1; k < LANG_COUNT; k++)
			if (strcmp(seg[0], lang_names[k]) == 0)
				i = 1;
	if (n - i != 2)
		goto out;
	for (k = 0; kind_dirs[k]; k++)
		if (strcmp(seg[i], kind_dirs[k]) == 0)
			break;
	len = strlen(seg[i + 1]);
	if (kind_dirs[k] == NULL || len <= 5 ||
	    strcmp(seg[i + 1] + len - 5, ".html") != 0)
		goto out;
	p = seg[i + 1];
	p[len - 5] = '\0';
	if (strcmp(p, "index") == 0 || !id_valid(p) ||
	    model_find(r->m, (enum kind)k, p) != NULL ||
	    model_is_unreadable(r->m, (enum kind)k, p))
		goto out;
	suggest_init(&sg, p);
	for (i = 0; i < r->m->set[k].len; i++)
		suggest_offer(&sg, r->m->set[k].items[i]->id);
	if (suggest_result(&sg))
		msg = xasprintf("link to \"%s\": there is no %s \"%s\" (did "
		    "you mean \"%s\"? an entity link such as %s:%s does not "
		    "depend on folders)", url, kind_names[k], p,
		    suggest_result(&sg), kind_names[k], suggest_result(&sg));
	else
		msg = xasprintf("link to \"%s\": there is no %s \"%s\" "
		    "(no %s/%s%s)", url, kind_names[k], p, kind_dirs[k], p,
		    k == KIND_GUIDE ? ".md" : ".yaml");
out:
	free(path);
	return msg;
}

/* Keeps a link with a #fragment for anchors_check. */
static void
env_fragment(void *arg, const char *url, struct pos at)
{
	struct resolver *r = arg;
	struct fragment_link *f = array_push(&r->m->fragments,
	    &r->m->nfragments, &r->m->capfragments, sizeof(*f));

	f->url = xstrdup(url);
	f->pos = at;
	f->on = r->on;
	f->base = r->base;
	f->lang = r->lang;
}

/* The anonymisation lint. */

struct lint_report {
	struct resolver *r;       /* for diagnostics */
	const char *s;            /* the text scanned */
	struct md_origin origin;  /* where it starts */
	int error;                /* errors (paths) or warnings */
	size_t done;              /* bytes of s counted into lines so far */
	unsigned lines;           /* newlines in s[0..done) */
	size_t chars;             /* characters of that line before done */
};

static void
lint_found(const struct lint_match *mt, void *arg)
{
	struct lint_report *lr = arg;
	struct pos at = lr->origin.base;
	char *masked = lint_mask(lr->s + mt->offset, mt->len);

	/* Matches come in order of offset: lines are counted on from the
	 * last one (offset_pos from the start each time made a text of
	 * 100,000 phone numbers quadratic). */
	for (; lr->done < mt->offset; lr->done++) {
		unsigned char c = (unsigned char)lr->s[lr->done];

		if (c == '\n') {
			lr->lines++;
			lr->chars = 0;
		} else if ((c & 0xC0) != 0x80)
			lr->chars++; /* as utf8_count counts */
	}
	at.line = lr->origin.base.line + lr->lines;
	at.col = (unsigned)lr->chars + (lr->lines ? lr->origin.indent + 1 :
	    lr->origin.base.col);

	if (lr->error)
		diag_error(lr->r->dl, at, "%s (\"%s\") in a client path: "
		    "paths must stay anonymous, remove it",
		    lint_kind_describe(mt->kind), masked);
	else
		diag_warning(lr->r->dl, at, "%s (\"%s\"): is this personal "
		    "data? Publish only an organisation's public contact "
		    "details", lint_kind_describe(mt->kind), masked);
	free(masked);
}

static void
lint_text(struct resolver *r, const char *s, struct md_origin o, int error)
{
	struct lint_report lr;

	lr.r = r;
	lr.s = s;
	lr.origin = o;
	lr.error = error;
	lr.done = lr.chars = 0;
	lr.lines = 0;
	lint_scan_opts(s, strlen(s), error ? LINT_PATH : 0, lint_found, &lr);
}

/* Reference resolution and text checks, driven by the schema walk. */

/*
 * A bare id where the field takes "kind:id" (`at: tyokykyarvio`): the
 * error suggests the prefix when exactly one allowed kind has that id.
 */
static void
resolve_bare_ref(struct resolver *r, const struct field *f, struct ref *ref)
{
	const char *each = (f->flags & F_ENTRY) ? "each entry of " : "";
	struct buf kinds = { 0 };
	unsigned k, found = 0;
	enum kind match = KIND_NONE;

	for (k = 0; k < KIND_COUNT; k++) {
		if (!(f->refmask & (1u << k)))
			continue;
		buf_printf(&kinds, "%s%s:<id>", kinds.len ? " or " : "",
		    kind_names[k]);
		if (model_find(r->m, (enum kind)k, ref->id) != NULL ||
		    model_is_unreadable(r->m, (enum kind)k, ref->id)) {
			found++;
			match = (enum kind)k;
		}
	}
	if (found == 1)
		diag_error(r->dl, ref->pos, "%s\"%s\" must be %s, not \"%s\" "
		    "(did you mean \"%s:%s\"?)", each, f->key, kinds.data,
		    ref->id, kind_names[match], ref->id);
	else if (found > 1)
		diag_error(r->dl, ref->pos, "%s\"%s\" must be %s, not \"%s\" "
		    "(several kinds have that id: write which one)", each,
		    f->key, kinds.data, ref->id);
	else
		diag_error(r->dl, ref->pos, "%s\"%s\" must be %s, not \"%s\"",
		    each, f->key, kinds.data, ref->id);
	buf_free(&kinds);
}

static void
resolve_ref(struct resolver *r, struct ref *ref)
{
	struct suggest sg;
	size_t i;

	if (ref->id == NULL || ref->kind == KIND_NONE)
		return;
	if (ref->kind == KIND_AUDIENCE) {
		size_t pos = 0;
		const char *key;

		if (strmap_get(r->m->audiences, ref->id) != NULL)
			return;
		suggest_init(&sg, ref->id);
		while (strmap_next(r->m->audiences, &pos, &key, NULL))
			suggest_offer(&sg, key);
		if (suggest_result(&sg))
			diag_error(r->dl, ref->pos, "unknown audience \"%s\" "
			    "(did you mean \"%s\"?)", ref->id,
			    suggest_result(&sg));
		else
			diag_error(r->dl, ref->pos, "unknown audience \"%s\"; "
			    "audiences are listed in site.yaml", ref->id);
		return;
	}
	ref->target = model_find(r->m, ref->kind, ref->id);
	if (ref->target != NULL || model_is_unreadable(r->m, ref->kind,
	    ref->id))
		return; /* the file's own problem is told at the file */
	suggest_init(&sg, ref->id);
	for (i = 0; i < r->m->set[ref->kind].len; i++)
		suggest_offer(&sg, r->m->set[ref->kind].items[i]->id);
	if (!id_valid(ref->id))
		diag_error(r->dl, ref->pos, "\"%s\" is not a valid %s id "
		    "(lower-case letters a-z, digits and '-')%s%s%s",
		    ref->id, kind_names[ref->kind],
		    suggest_result(&sg) ? " (did you mean \"" : "",
		    suggest_result(&sg) ? suggest_result(&sg) : "",
		    suggest_result(&sg) ? "\"?)" : "");
	else if (suggest_result(&sg))
		diag_error(r->dl, ref->pos, "unknown %s \"%s\" (did you mean "
		    "\"%s\"?)", kind_names[ref->kind], ref->id,
		    suggest_result(&sg));
	else
		diag_error(r->dl, ref->pos, "unknown %s \"%s\": there is no "
		    "%s/%s.yaml", kind_names[ref->kind], ref->id,
		    kind_dirs[ref->kind], ref->id);
}

static void
check_translations(struct resolver *r, const struct field *f,
    const struct text *t)
{
	const struct site *site = &r->m->site;
	size_t i;

	if (site->nlangs < 2 || t->pos.line == 0)
		return;
	for (i = 0; i < site->nlangs; i++) {
		enum lang l = site->langs[i], used;

		if (t->part[l].s != NULL)
			continue;
		if (text_get(t, site, l, &used) == NULL)
			return; /* no text at all: nothing to translate */
		if (r->partial & (1u << l))
			continue;
		r->opts->nmissing++;
		if (r->opts->missing == RESOLVE_MISSING_EACH)
			diag_warning(r->dl, t->pos, "no \"%s\" translation; "
			    "the \"%s\" text is shown instead", lang_names[l],
			    lang_names[used]);
		if (r->opts->missing != RESOLVE_MISSING_SUMMARY)
			continue;
		if (r->nmissing[l]++ == 0) {
			r->missing_at[l] = t->pos;
			r->shown[l] = used;
		}
		if (r->nmissing[l] <= 8)
			buf_printf(&r->missing[l], "%s%s",
			    r->nmissing[l] > 1 ? ", " : "",
			    f->key[0] ? f->key : "entry");
		else if (r->nmissing[l] == 9)
			buf_puts(&r->missing[l], ", …");
	}
}

/* Starts the missing-translation summary of a file. */
static void
missing_begin(struct resolver *r, const char *file)
{
	r->file = file;
}

/* One warning per language for the file just walked, at its first
 * text lacking that language, naming the keys. */
static void
missing_end(struct resolver *r)
{
	size_t l;

	for (l = 0; l < LANG_COUNT; l++) {
		if (r->nmissing[l] == 0)
			continue;
		diag_warning(r->dl, r->missing_at[l], "no \"%s\" translation "
		    "of %zu text%s in this file (%s); the \"%s\" text is "
		    "shown instead", lang_names[l], r->nmissing[l],
		    r->nmissing[l] == 1 ? "" : "s", r->missing[l].data,
		    lang_names[r->shown[l]]);
		buf_free(&r->missing[l]);
		r->nmissing[l] = 0;
	}
	r->file = NULL;
}

static void
visit(const struct field *f, void *value, unsigned flags, void *arg)
{
	struct resolver *r = arg;
	struct text *t;
	struct str *s;
	size_t i;

	switch (f->type) {
	case FT_REF:
	case FT_KREF:
		if (((struct ref *)value)->id != NULL &&
		    ((struct ref *)value)->kind == KIND_NONE)
			resolve_bare_ref(r, f, value);
		else
			resolve_ref(r, value);
		break;
	case FT_TEXT:
	case FT_MD:
		t = value;
		check_translations(r, f, t);
		for (i = 0; i < LANG_COUNT; i++) {
			struct text_part *p = &t->part[i];
			struct md_origin o;

			if (p->s == NULL)
				continue;
			o = text_part_origin(p);
			if (!(flags & F_NOLINT))
				lint_text(r, p->s, o, flags & F_PATHLINT);
			if (f->type == FT_MD) {
				r->lang = (enum lang)i;
				p->md = md_parse(p->s, strlen(p->s), &o);
				md_check(p->md, &r->env, r->dl);
			}
		}
		break;
	case FT_STRING:
		s = value;
		if (s->s != NULL && !(flags & (F_NOLINT | F_KEY))) {
			struct md_origin o = { s->pos, 0 };

			lint_text(r, s->s, o, flags & F_PATHLINT);
		}
		break;
	default:
		break;
	}
}

/*
 * A guide is published in the site's languages: a version in another
 * language is not published (a warning, or an error when it is the only
 * version), and with several languages each missing version is one
 * warning, as the first language's version is shown instead.
 */
static void
check_guide_languages(struct resolver *r, const struct guide *g)
{
	const struct site *site = &r->m->site;
	const struct guide_variant *shown = NULL;
	unsigned mask = 0;
	size_t i;

	for (i = 0; i < site->nlangs; i++) {
		mask |= 1u << site->langs[i];
		if (shown == NULL && g->variant[site->langs[i]].file)
			shown = &g->variant[site->langs[i]];
	}
	for (i = 0; i < LANG_COUNT; i++) {
		struct pos at = { g->variant[i].file, 1, 1 };

		if (g->variant[i].file == NULL || (mask & (1u << i)))
			continue;
		if (shown != NULL)
			diag_warning(r->dl, at, "this \"%s\" version is not "
			    "published: site.yaml languages do not include "
			    "\"%s\"", lang_names[i], lang_names[i]);
		else
			diag_error(r->dl, at, "guide \"%s\" exists only in "
			    "\"%s\", which site.yaml does not list: add a "
			    "\"%s\" version (guides/%s.md) or add \"%s\" to "
			    "languages", g->e.id, lang_names[i],
			    lang_names[site->langs[0]], g->e.id, lang_names[i]);
	}
	if (shown == NULL || site->nlangs < 2)
		return;
	for (i = 0; i < site->nlangs; i++) {
		enum lang l = site->langs[i];
		struct pos at = { shown->file, 1, 1 };

		if (g->variant[l].file != NULL || (r->partial & (1u << l)))
			continue;
		r->opts->nmissing++;
		if (r->opts->missing != RESOLVE_MISSING_OFF)
			diag_warning(r->dl, at, "no \"%s\" version of this "
			    "guide (guides/%s.%s.md); the \"%s\" one is shown",
			    lang_names[l], g->e.id, lang_names[l],
			    lang_names[shown->lang.v]);
	}
}

static void
resolve_guides(struct resolver *r)
{
	const struct entity_set *set = &r->m->set[KIND_GUIDE];
	size_t i, l;

	for (i = 0; i < set->len; i++) {
		struct guide *g = (struct guide *)set->items[i];

		for (l = 0; l < LANG_COUNT; l++) {
			struct guide_variant *v = &g->variant[l];
			struct md_origin o;

			if (v->file == NULL)
				continue;
			r->on = &g->e;
			schema_walk(&schema_guide_front, v, 0, visit, r);
			o.base = v->body_pos;
			o.indent = 0;
			lint_text(r, v->body, o, 0);
			r->on = &g->e;
			r->lang = (enum lang)l;
			v->md = md_parse(v->body, v->body_len, &o);
			md_check(v->md, &r->env, r->dl);
		}
		check_guide_languages(r, g);
	}
}

/* The part_of list of an actor or an area. */
static struct list *
part_of_list(struct entity *e)
{
	if (e->kind == KIND_ACTOR)
		return &((struct actor *)e)->part_of;
	if (e->kind == KIND_AREA)
		return &((struct area *)e)->part_of;
	return NULL;
}

/*
 * part_of may not loop (a -> b -> a), now that an actor or an area may
 * be part of several: a depth-first walk over the graph, with an
 * explicit stack (no recursion however deep the chain).  Colour 1 while
 * on the walk's stack, 2 when done; an edge back to a node on the stack
 * closes a cycle, told once at the reference that closes it.
 */
static void
check_part_of_cycles(struct resolver *r, enum kind kind)
{
	const struct entity_set *set = &r->m->set[kind];
	unsigned char *colour = xcalloc(set->len + 1, 1);
	struct frame { struct entity *e; size_t next; } *stack;
	size_t i, depth;

	stack = xcalloc(set->len + 1, sizeof(*stack));
	for (i = 0; i < set->len; i++) {
		if (colour[i] != 0)
			continue;
		depth = 0;
		stack[depth].e = set->items[i];
		stack[depth++].next = 0;
		colour[i] = 1;
		while (depth > 0) {
			struct frame *fr = &stack[depth - 1];
			struct list *l = part_of_list(fr->e);
			struct ref *ref;
			struct entity *to;

			if (fr->next >= l->len) {
				colour[fr->e->index] = 2;
				depth--;
				continue;
			}
			ref = &((struct ref *)l->items)[fr->next++];
			if ((to = ref->target) == NULL || to->kind != kind)
				continue;
			if (colour[to->index] == 1) {
				struct buf b = { 0 };
				size_t k = depth;

				const struct ref *first;

				while (k > 0 && stack[k - 1].e != to)
					k--;
				/* Told where the cycle's first actor names
				 * the next, as it reads from the top. */
				first = &((struct ref *)part_of_list(
				    stack[k - 1].e)->items)[stack[k - 1].next - 1];
				for (k = k - 1; k < depth; k++)
					buf_printf(&b, "%s -> ", stack[k].e->id);
				buf_puts(&b, to->id);
				diag_error(r->dl, first->pos, "part_of makes a "
				    "cycle: %s", b.data);
				buf_free(&b);
			} else if (colour[to->index] == 0) {
				colour[to->index] = 1;
				stack[depth].e = to;
				stack[depth++].next = 0;
			}
		}
	}
	free(stack);
	free(colour);
}

/*
 * Whether the month or day a ends before b starts: 2025-03 is not before
 * 2025-03-15 (the day is within the month), 2025-02 is.
 */
static int
period_before(const char *a, const char *b)
{
	int c = strncmp(a, b, 7);

	if (c != 0)
		return c < 0;
	return strlen(a) == 10 && strlen(b) == 10 && strcmp(a, b) < 0;
}

/* "from" must not come after "until" (both as written, both valid). */
static void
check_period(struct resolver *r, const struct field_pair *p)
{
	if (p->from->s == NULL || p->until->s == NULL ||
	    !period_before(p->until->s, p->from->s))
		return;
	diag_error(r->dl, p->until->pos, "\"%s\" %s is before \"%s\" %s",
	    p->until_key, p->until->s, p->from_key, p->from->s);
}

static void
check_services(struct resolver *r)
{
	const struct entity_set *set = &r->m->set[KIND_SERVICE];
	size_t i, j;

	for (i = 0; i < set->len; i++) {
		struct service *s = (struct service *)set->items[i];
		struct field_pair p = { &s->valid_from, &s->valid_until,
			"valid_from", "valid_until" };

		check_period(r, &p);
	}
	set = &r->m->set[KIND_THEME];
	for (i = 0; i < set->len; i++) {
		struct theme *th = (struct theme *)set->items[i];

		for (j = 0; j < th->actions.len; j++) {
			struct action *a = &((struct action *)
			    th->actions.items)[j];
			struct field_pair p = { &a->from, &a->until, "from",
				"until" };

			check_period(r, &p);
		}
	}
}

/*
 * Areas: only a municipality has a code, and no two the same; nothing is
 * part of a municipality.
 */
static void
check_areas(struct resolver *r)
{
	const struct entity_set *set = &r->m->set[KIND_AREA];
	struct strmap *codes = strmap_new();
	size_t i, j;

	for (i = 0; i < set->len; i++) {
		struct area *a = (struct area *)set->items[i];
		struct area *other;

		for (j = 0; j < a->part_of.len; j++) {
			struct ref *p = &((struct ref *)a->part_of.items)[j];

			if (p->target != NULL && ((struct area *)p->target)->kind
			    .v == AREA_MUNICIPALITY && ((struct area *)
			    p->target)->kind.pos.line)
				diag_error(r->dl, p->pos, "\"%s\" is a "
				    "municipality: no area is part of a "
				    "municipality", p->id);
		}
		if (a->code.s == NULL)
			continue;
		if (a->kind.pos.line && a->kind.v != AREA_MUNICIPALITY) {
			diag_error(r->dl, a->code.pos, "only a municipality has "
			    "a code; this area is a %s", area_kind_names[
			    a->kind.v]);
			continue;
		}
		if ((other = strmap_put(codes, a->code.s, a)) != NULL)
			diag_error(r->dl, a->code.pos, "code %s is also the "
			    "code of \"%s\" (%s)", a->code.s, other->e.id,
			    other->e.file);
	}
	strmap_free(codes);
}

/* A decision guide's questions and outcomes by id, for its checks. */
struct decision_index {
	const struct decision *d;  /* borrowed */
	struct strmap *questions;  /* owned; id -> struct question */
	struct strmap *outcomes;   /* owned; id -> struct outcome */
};

static void
decision_index_init(struct decision_index *ix, const struct decision *d)
{
	size_t i;

	ix->d = d;
	ix->questions = strmap_new();
	ix->outcomes = strmap_new();
	for (i = 0; i < d->questions.len; i++) {
		struct question *q = &((struct question *)d->questions.items)[i];

		strmap_put(ix->questions, q->id.s, q);
	}
	for (i = 0; i < d->outcomes.len; i++) {
		struct outcome *o = &((struct outcome *)d->outcomes.items)[i];

		strmap_put(ix->outcomes, o->id.s, o);
	}
}

static void
decision_index_release(struct decision_index *ix)
{
	strmap_free(ix->questions);
	strmap_free(ix->outcomes);
}

static struct question *
find_question(const struct decision_index *ix, const char *id)
{
	return strmap_get(ix->questions, id);
}

static struct outcome *
find_outcome(const struct decision_index *ix, const char *id)
{
	return strmap_get(ix->outcomes, id);
}

static void
report_unknown_local(struct resolver *r, const struct decision *d,
    const struct str *ref, int question)
{
	struct suggest sg;
	size_t i;

	suggest_init(&sg, ref->s);
	if (question)
		for (i = 0; i < d->questions.len; i++)
			suggest_offer(&sg, ((struct question *)
			    d->questions.items)[i].id.s);
	else
		for (i = 0; i < d->outcomes.len; i++)
			suggest_offer(&sg, ((struct outcome *)
			    d->outcomes.items)[i].id.s);
	if (suggest_result(&sg))
		diag_error(r->dl, ref->pos, "unknown %s \"%s\" (did you mean "
		    "\"%s\"?)", question ? "question" : "outcome", ref->s,
		    suggest_result(&sg));
	else
		diag_error(r->dl, ref->pos, "unknown %s \"%s\" in this "
		    "decision guide", question ? "question" : "outcome", ref->s);
}

/*
 * Depth-first walk from a question: colour 1 while on the walk finds
 * cycles, 2 when done; reached outcomes are marked.  Depth is bounded by
 * the number of questions, each visited once, and so by
 * MODEL_MAX_QUESTIONS (decision_too_large): recursion is safe.
 */
static void
walk_decision(struct resolver *r, const struct decision_index *ix, size_t qi,
    unsigned char *qcolour, unsigned char *oseen)
{
	const struct decision *d = ix->d;
	const struct question *q = &((struct question *)d->questions.items)[qi];
	size_t i;

	qcolour[qi] = 1;
	for (i = 0; i < q->answers.len; i++) {
		const struct answer *a = &((struct answer *)q->answers.items)[i];
		const struct question *next;
		const struct outcome *o;

		if (a->go.s && (next = find_question(ix, a->go.s)) != NULL) {
			size_t ni = (size_t)(next -
			    (struct question *)d->questions.items);

			if (qcolour[ni] == 1)
				diag_error(r->dl, a->go.pos, "goto \"%s\" "
				    "makes a cycle: a decision guide must "
				    "always reach an outcome", a->go.s);
			else if (qcolour[ni] == 0)
				walk_decision(r, ix, ni, qcolour, oseen);
		}
		if (a->outcome.s && (o = find_outcome(ix, a->outcome.s)) != NULL)
			oseen[o - (struct outcome *)d->outcomes.items] = 1;
	}
	qcolour[qi] = 2;
}

/*
 * Non-zero, after an error, when d is larger than MODEL_MAX_QUESTIONS,
 * _OUTCOMES or _ANSWERS allow: Graphviz's layout of a guide's diagram
 * grows steeply with its size (answers that all lead to one outcome
 * from a chain of 100 questions take minutes and gigabytes), so large
 * guides are refused before any walk or drawing.
 */
static int
decision_too_large(struct resolver *r, const struct decision *d)
{
	size_t i;
	int over = 0;

	if (d->questions.len > MODEL_MAX_QUESTIONS) {
		diag_error(r->dl, d->questions.pos, "%zu questions: a decision "
		    "guide has at most %d, which its diagram can show; split "
		    "it into several guides", d->questions.len,
		    MODEL_MAX_QUESTIONS);
		over = 1;
	}
	if (d->outcomes.len > MODEL_MAX_OUTCOMES) {
		diag_error(r->dl, d->outcomes.pos, "%zu outcomes: a decision "
		    "guide has at most %d, which its diagram can show; split "
		    "it into several guides", d->outcomes.len,
		    MODEL_MAX_OUTCOMES);
		over = 1;
	}
	for (i = 0; !over && i < d->questions.len; i++) {
		const struct question *q = &((struct question *)
		    d->questions.items)[i];

		if (q->answers.len > MODEL_MAX_ANSWERS) {
			diag_error(r->dl, q->answers.pos, "%zu answers: a "
			    "question has at most %d", q->answers.len,
			    MODEL_MAX_ANSWERS);
			over = 1;
		}
	}
	return over;
}

static void
check_decision(struct resolver *r, struct decision *d)
{
	unsigned char *qcolour, *oseen;
	struct question *start;
	struct decision_index ix;
	size_t i, j;

	if (decision_too_large(r, d))
		return;
	decision_index_init(&ix, d);
	for (i = 0; i < d->questions.len; i++) {
		struct question *q = &((struct question *)d->questions.items)[i];

		for (j = 0; j < q->answers.len; j++) {
			struct answer *a = &((struct answer *)
			    q->answers.items)[j];

			if (!a->go.s == !a->outcome.s)
				diag_error(r->dl, a->label.pos.line ?
				    a->label.pos : q->id.pos, "an answer "
				    "needs exactly one of goto or outcome");
			if (a->go.s && !find_question(&ix, a->go.s))
				report_unknown_local(r, d, &a->go, 1);
			if (a->outcome.s && !find_outcome(&ix, a->outcome.s))
				report_unknown_local(r, d, &a->outcome, 0);
		}
	}
	if (d->start.s == NULL || d->questions.len == 0) {
		decision_index_release(&ix);
		return;
	}
	if ((start = find_question(&ix, d->start.s)) == NULL) {
		report_unknown_local(r, d, &d->start, 1);
		decision_index_release(&ix);
		return;
	}
	qcolour = xcalloc(d->questions.len, 1);
	oseen = xcalloc(d->outcomes.len + 1, 1);
	walk_decision(r, &ix, (size_t)(start -
	    (struct question *)d->questions.items), qcolour, oseen);
	for (i = 0; i < d->questions.len; i++)
		if (qcolour[i] == 0)
			diag_error(r->dl, ((struct question *)
			    d->questions.items)[i].id.pos, "question \"%s\" "
			    "cannot be reached from start \"%s\"",
			    ((struct question *)d->questions.items)[i].id.s,
			    d->start.s);
	for (i = 0; i < d->outcomes.len; i++)
		if (!oseen[i])
			diag_warning(r->dl, ((struct outcome *)
			    d->outcomes.items)[i].id.pos, "outcome \"%s\" is "
			    "never reached", ((struct outcome *)
			    d->outcomes.items)[i].id.s);
	free(qcolour);
	free(oseen);
	decision_index_release(&ix);
}

static int
flow_service_exists(void *arg, const char *id)
{
	struct resolver *r = arg;

	return model_find(r->m, KIND_SERVICE, id) != NULL ||
	    model_is_unreadable(r->m, KIND_SERVICE, id);
}

static const char *
flow_service_suggest(void *arg, const char *id)
{
	struct resolver *r = arg;
	const struct entity_set *set = &r->m->set[KIND_SERVICE];
	struct suggest sg;
	size_t i;

	suggest_init(&sg, id);
	for (i = 0; i < set->len; i++)
		suggest_offer(&sg, set->items[i]->id);
	return suggest_result(&sg);
}

/*
 * A file named under data/ (a flow's source, an earlier edition) must
 * stay inside data/: no "..", no absolute path, no symbolic link
 * anywhere on the way, and a regular file at the end.  Returns its path
 * (caller frees) with *st, or NULL after reporting at the value.
 */
static char *
data_file(struct resolver *r, const struct str *v, const char *key,
    struct stat *st)
{
	const char *s = v->s;
	char *full, *p;

	if (strstr(s, "..") != NULL || strstr(s, "//") != NULL ||
	    strchr(s, '\\') != NULL) {
		diag_error(r->dl, v->pos, "\"%s\" must stay inside data/ (no "
		    "\"..\")", key);
		return NULL;
	}
	full = path_join(r->m->root, s);
	/* Walk the path below the content folder: no link may lead out. */
	for (p = full + strlen(r->m->root) + 1; ; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (lstat(full, st) != 0) {
			diag_error(r->dl, v->pos, "%s file %s not found",
			    strcmp(key, "source") == 0 ? "source" :
			    "earlier edition", full);
			free(full);
			return NULL;
		}
		if (S_ISLNK(st->st_mode)) {
			diag_error(r->dl, v->pos, "\"%s\" must stay inside "
			    "data/: %s is a symbolic link", key, full);
			free(full);
			return NULL;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	if (!S_ISREG(st->st_mode)) {
		diag_error(r->dl, v->pos, "%s %s is not a file",
		    strcmp(key, "source") == 0 ? "source" : "earlier edition",
		    full);
		free(full);
		return NULL;
	}
	return full;
}

/* A flow is aggregated here, so that `check` reports the CSV's problems
 * too. */
static void
check_flow(struct resolver *r, struct flow *f)
{
	struct flow_source src;
	struct stat st;
	char *full;

	if (f->k.pos.line && f->k.v < r->m->site.k)
		diag_error(r->dl, f->k.pos, "k %ld would lower the site's "
		    "anonymity.k %ld; a flow may only raise it", f->k.v,
		    r->m->site.k);
	if (f->source.s == NULL)
		return;
	if ((full = data_file(r, &f->source, "source", &st)) == NULL)
		return;
	memset(&src, 0, sizeof(src));
	src.path = full;
	src.display = full;
	src.format = f->format.v == 0 ? FLOW_EVENTS : FLOW_TRANSITIONS;
	src.k = (unsigned)(f->k.pos.line && f->k.v > r->m->site.k ? f->k.v :
	    r->m->site.k);
	src.rounding = (unsigned)r->m->site.rounding;
	src.service_exists = flow_service_exists;
	src.service_suggest = flow_service_suggest;
	src.arg = r;
	src.keep_clients = r->keep_clients;
	if (f->format.pos.line)
		f->counts = flow_aggregate(&src, r->dl);
	if (f->counts != NULL) {
		struct audit_flow *a = &r->audit[r->naudit++];

		/* The same file (whatever path led to it) in the same
		 * format is the same data. */
		a->counts = f->counts;
		a->id = f->e.id;
		a->data = xasprintf("%llu:%llu:%d",
		    (unsigned long long)st.st_dev,
		    (unsigned long long)st.st_ino, (int)src.format);
		a->at = f->e.pos;
	}
	free(full);
}

/*
 * Audits every flow together (audit.c): withholds more where combining
 * published numbers would tell too much.
 */
static void
audit_all_flows(struct resolver *r)
{
	const struct list *prev = &r->m->site.anonymity.previous;
	struct audit_edition *ed = xcalloc(prev->len + 1, sizeof(*ed));
	size_t i, j, ned = 0;
	int bad = 0;

	/* Earlier editions: numbers they published, read back. */
	for (i = 0; i < prev->len; i++) {
		const struct str *v = &((const struct str *)prev->items)[i];
		struct stat st;
		char *full;

		if (v->s == NULL)
			continue;
		if ((full = data_file(r, v, "previous", &st)) == NULL) {
			bad = 1;
			continue;
		}
		for (j = 0; j < ned; j++)
			if (strcmp(ed[j].flow->file, full) == 0)
				break;
		if (j < ned)
			diag_warning(r->dl, v->pos, "%s is named twice",
			    full);
		else if ((ed[ned].flow = edition_read(full, full,
		    r->dl)) != NULL)
			ed[ned++].at = v->pos;
		else
			bad = 1;
		free(full);
	}
	/* Never publish numbers audited without all they combine with:
	 * an edition that could not be read stops the build anyway. */
	if (r->naudit > 0 && !bad)
		audit_flows(r->audit, r->naudit, ed, ned, r->dl, NULL);
	for (i = 0; i < ned; i++)
		edition_free((struct edition_flow *)ed[i].flow);
	free(ed);
	for (i = 0; i < r->naudit; i++)
		free((char *)r->audit[i].data);
	free(r->audit);
}

/* A theme's related page lists the theme, where that kind lists them. */
static void
theme_back_link(struct entity *t, struct theme *th)
{
	if (t == NULL)
		return;
	if (t->kind == KIND_SERVICE)
		links_add(&((struct service *)t)->themes, &th->e);
	else if (t->kind == KIND_ACTOR) {
		struct links *l = &((struct actor *)t)->themes;
		size_t i;

		/* An owner of several actions is listed once. */
		for (i = 0; i < l->len; i++)
			if (l->items[i] == &th->e)
				return;
		links_add(l, &th->e);
	} else if (t->kind == KIND_MODEL)
		links_add(&((struct model_card *)t)->themes, &th->e);
}

/* Back-links: what points at an entity, for pages that link both ways. */
static void
fill_back_links(struct model *m)
{
	size_t i, j;

	for (i = 0; i < m->set[KIND_ACTOR].len; i++) {
		struct actor *a = (struct actor *)m->set[KIND_ACTOR].items[i];

		for (j = 0; j < a->part_of.len; j++) {
			struct ref *p = &((struct ref *)a->part_of.items)[j];

			if (p->target)
				links_add(&((struct actor *)p->target)->parts,
				    &a->e);
		}
	}
	for (i = 0; i < m->set[KIND_AREA].len; i++) {
		struct area *a = (struct area *)m->set[KIND_AREA].items[i];

		for (j = 0; j < a->part_of.len; j++) {
			struct ref *p = &((struct ref *)a->part_of.items)[j];

			if (p->target)
				links_add(&((struct area *)p->target)->parts,
				    &a->e);
		}
	}
	for (i = 0; i < m->set[KIND_MODEL].len; i++) {
		struct model_card *mc = (struct model_card *)
		    m->set[KIND_MODEL].items[i];

		for (j = 0; j < mc->implemented_by.len; j++) {
			struct entity *t = ((struct ref *)
			    mc->implemented_by.items)[j].target;

			if (t && t->kind == KIND_SERVICE)
				links_add(&((struct service *)t)->models,
				    &mc->e);
			else if (t && t->kind == KIND_ACTOR)
				links_add(&((struct actor *)t)->models, &mc->e);
			else if (t && t->kind == KIND_SEGMENT)
				links_add(&((struct segment *)t)->models,
				    &mc->e);
		}
	}
	for (i = 0; i < m->set[KIND_THEME].len; i++) {
		struct theme *th = (struct theme *)m->set[KIND_THEME].items[i];

		for (j = 0; j < th->actions.len; j++) {
			struct entity *o = ((struct action *)
			    th->actions.items)[j].owner.target;

			if (o != NULL)
				links_add(&((struct actor *)o)->themes, &th->e);
		}
		for (j = 0; j < th->related.len; j++)
			theme_back_link(((struct ref *)th->related.items)[j]
			    .target, th);
	}
	for (i = 0; i < m->set[KIND_SERVICE].len; i++) {
		struct service *s = (struct service *)
		    m->set[KIND_SERVICE].items[i];

		if (s->group.target)
			links_add(&((struct group *)s->group.target)->services,
			    &s->e);
		for (j = 0; j < s->providers.len; j++) {
			struct ref *p = &((struct ref *)s->providers.items)[j];

			if (p->target)
				links_add(&((struct actor *)p->target)->provides,
				    &s->e);
		}
		for (j = 0; j < s->next.len; j++) {
			struct ref *n = &((struct ref *)s->next.items)[j];

			if (n->target)
				links_add(&((struct service *)
				    n->target)->previous, &s->e);
		}
	}
	for (i = 0; i < m->set[KIND_PATH].len; i++) {
		struct path *p = (struct path *)m->set[KIND_PATH].items[i];

		if (p->segment.target)
			links_add(&((struct segment *)p->segment.target)->paths,
			    &p->e);
		if (p->coordinator.target)
			links_add(&((struct actor *)
			    p->coordinator.target)->paths, &p->e);
		for (j = 0; j < p->steps.len; j++) {
			struct step *st = &((struct step *)p->steps.items)[j];
			struct entity *at = st->at.target;

			if (at && at->kind == KIND_SERVICE)
				links_add(&((struct service *)at)->paths, &p->e);
			else if (at && at->kind == KIND_ACTOR)
				links_add(&((struct actor *)at)->paths, &p->e);
			if (st->responsible.target)
				links_add(&((struct actor *)
				    st->responsible.target)->paths, &p->e);
		}
	}
	for (i = 0; i < m->set[KIND_SEGMENT].len; i++) {
		struct segment *sg = (struct segment *)
		    m->set[KIND_SEGMENT].items[i];

		for (j = 0; j < sg->services.len; j++) {
			struct ref *s = &((struct ref *)sg->services.items)[j];

			if (s->target)
				links_add(&((struct service *)
				    s->target)->segments, &sg->e);
		}
	}
	for (i = 0; i < m->set[KIND_DECISION].len; i++) {
		struct decision *d = (struct decision *)
		    m->set[KIND_DECISION].items[i];

		for (j = 0; j < d->outcomes.len; j++) {
			struct outcome *o = &((struct outcome *)
			    d->outcomes.items)[j];

			if (o->segment.target)
				links_add(&((struct segment *)
				    o->segment.target)->outcomes, &d->e);
		}
	}
}

/*
 * The boxes a map's lines are routed around, as build_map (diagram_map.c)
 * draws them: its actors (the centre among them), actors at the ends of
 * its edges, its groups, and a box for each edge's label (in any
 * language).  Needs the back-links.
 */
static size_t
map_boxes(const struct model *m, const struct map *mp, size_t groups)
{
	const struct entity_set *as = &m->set[KIND_ACTOR];
	unsigned char *on = xcalloc(as->len + 1, 1);
	size_t i, n = groups;
	int l;

	for (i = 0; i < as->len; i++)
		on[i] = mp->actors.all;
	for (i = 0; !mp->actors.all && i < mp->actors.len; i++) {
		const struct entity *t = ((struct ref *)
		    mp->actors.items)[i].target;

		if (t != NULL && t->kind == KIND_ACTOR)
			on[t->index] = 1;
	}
	if (mp->centre.target != NULL && mp->centre.target->kind == KIND_ACTOR)
		on[mp->centre.target->index] = 1;
	for (i = 0; i < mp->edges.len; i++) {
		const struct map_edge *me = &((struct map_edge *)
		    mp->edges.items)[i];
		const struct entity *ends[2] = { me->from.target,
		    me->to.target };
		int k, labelled = 0;

		for (k = 0; k < 2; k++)
			if (ends[k] != NULL && ends[k]->kind == KIND_ACTOR)
				on[ends[k]->index] = 1;
		for (l = 0; l < LANG_COUNT; l++) {
			const char *t = text_get(&me->label, &m->site,
			    (enum lang)l, NULL);

			labelled |= t != NULL && *t != '\0';
		}
		n += labelled;
	}
	for (i = 0; i < as->len; i++)
		n += on[i];
	free(on);
	return n;
}

/*
 * Paths and maps larger than their diagrams can be drawn in reasonable
 * time (MODEL_MAX_STEPS, MODEL_MAX_MAP_NODES, MODEL_MAX_MAP_BOXES):
 * errors, so that nothing is drawn.  A map's nodes are its actors, its
 * groups and their services, as diagram_map.c draws them; needs the
 * back-links.
 */
static void
check_sizes(struct resolver *r)
{
	const struct model *m = r->m;
	size_t i, j, k, nodes, groups, boxes;

	for (i = 0; i < m->set[KIND_PATH].len; i++) {
		const struct path *p = (struct path *)m->set[KIND_PATH].items[i];

		if (p->steps.len > MODEL_MAX_STEPS)
			diag_error(r->dl, p->steps.pos, "%zu steps: a path "
			    "has at most %d, which its diagram can show; "
			    "split it into several paths", p->steps.len,
			    MODEL_MAX_STEPS);
	}
	for (i = 0; i < m->set[KIND_MAP].len; i++) {
		const struct map *mp = (struct map *)m->set[KIND_MAP].items[i];
		const struct entity_set *gs = &m->set[KIND_GROUP];

		unsigned char *on = xcalloc(gs->len + 1, 1);

		groups = 0;
		nodes = mp->actors.all ? m->set[KIND_ACTOR].len :
		    mp->actors.len;
		for (k = 0; k < mp->groups.len; k++) {
			const struct entity *t = ((struct ref *)
			    mp->groups.items)[k].target;

			if (t != NULL && t->kind == KIND_GROUP)
				on[t->index] = 1;
		}
		for (j = 0; j < gs->len; j++)
			if (mp->groups.all || on[j]) {
				nodes += 1 + ((struct group *)
				    gs->items[j])->services.len;
				groups++;
			}
		free(on);
		boxes = map_boxes(m, mp, groups);
		if (boxes > MODEL_MAX_MAP_BOXES)
			diag_error(r->dl, mp->actors.pos.line ? mp->actors.pos :
			    mp->e.pos, "this map would draw %zu boxes (its "
			    "actors, groups and the labels of its edges): a map "
			    "shows at most %d, because Graphviz routes every "
			    "line around every box; choose fewer actors or "
			    "groups, or split it into several maps", boxes,
			    MODEL_MAX_MAP_BOXES);
		if (nodes > MODEL_MAX_MAP_NODES)
			diag_error(r->dl, mp->groups.pos.line ?
			    mp->groups.pos : mp->e.pos, "this map would "
			    "draw %zu actors, groups and services: a map "
			    "shows at most %d; choose fewer groups or actors, "
			    "or split it into several maps", nodes,
			    MODEL_MAX_MAP_NODES);
	}
}

void
resolve_model(struct model *m, struct diag_list *dl)
{
	struct resolve_opts opts;

	memset(&opts, 0, sizeof(opts));
	resolve_model_opts(m, dl, &opts);
}

void
resolve_model_opts(struct model *m, struct diag_list *dl,
    struct resolve_opts *opts)
{
	struct resolver r;
	size_t k, i;

	memset(&r, 0, sizeof(r));
	r.m = m;
	r.dl = dl;
	r.opts = opts;
	opts->nmissing = 0;
	for (i = 0; i < m->site.partial_languages.len; i++)
		r.partial |= 1u << ((struct choice *)
		    m->site.partial_languages.items)[i].v;
	r.env.exists = env_exists;
	r.env.suggest = env_suggest;
	r.env.asset_url = env_asset_check;
	r.env.page_check = env_page_check;
	r.env.fragment = env_fragment;
	r.env.arg = &r;
	r.base = "";
	missing_begin(&r, m->site.file);
	schema_walk(&schema_site, &m->site, 0, visit, &r);
	missing_end(&r);
	for (k = 0; k < KIND_COUNT; k++) {
		if (k == KIND_GUIDE)
			continue;
		r.base = kind_dirs[k];
		for (i = 0; i < m->set[k].len; i++) {
			missing_begin(&r, m->set[k].items[i]->file);
			r.on = m->set[k].items[i];
			schema_walk(schema_of_kind[k], m->set[k].items[i],
			    k == KIND_PATH ? F_PATHLINT : 0, visit, &r);
			missing_end(&r);
		}
	}
	r.base = kind_dirs[KIND_GUIDE];
	resolve_guides(&r);
	r.base = NULL;
	r.on = NULL;
	check_part_of_cycles(&r, KIND_ACTOR);
	check_part_of_cycles(&r, KIND_AREA);
	check_areas(&r);
	check_services(&r);
	for (i = 0; i < m->set[KIND_DECISION].len; i++)
		check_decision(&r, (struct decision *)
		    m->set[KIND_DECISION].items[i]);
	r.audit = xcalloc(m->set[KIND_FLOW].len + 1, sizeof(*r.audit));
	for (i = 0, k = 0; i < m->set[KIND_FLOW].len; i++)
		k += ((struct flow *)m->set[KIND_FLOW].items[i])->format.v == 0;
	r.keep_clients = k > 1;
	for (i = 0; i < m->set[KIND_FLOW].len; i++)
		check_flow(&r, (struct flow *)m->set[KIND_FLOW].items[i]);
	audit_all_flows(&r);
	review_check(m, dl);
	fill_back_links(m);
	check_sizes(&r);
}
