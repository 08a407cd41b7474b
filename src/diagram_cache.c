/*
 * Each diagram laid out once per language (issue #14).  While a build
 * runs (diagram_cache_begin … diagram_cache_end), the first page that
 * shows a diagram has it drawn the one canonical way: links from the
 * language root, ids that start with "<kind>_<id>", and, for a kind
 * that is printed, the print recording (with the legend's symbols) from
 * the same layout.  The finished SVG, the
 * recording and what Graphviz said are kept; every page, print part and
 * PDF after that copies them, moving the copy's links and ids to where
 * it is shown.  Links and ids never reach the layout (Graphviz places
 * nodes by their labels and edges alone), so a copy is byte for byte
 * what drawing it again would give.
 *
 * Outside a build (kartta export, the tests) nothing is kept and
 * diagram.c draws each time as before.
 */
#include "diagram_int.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

/* One diagram in one language, drawn. */
struct drawn {
	char *key;               /* owned: "<lang>:<kind>:<id>" */
	char *prefix;            /* owned: the canonical id prefix */
	/* The finished SVG as text, not as its tree: a libxml2 tree is
	 * about six times the size, and the parent keeps every drawing
	 * while the workers it forks run (massif: the trees were 42 of
	 * 150 MiB at the peak of a 6-region build). */
	char *svg;               /* owned; NULL if it could not be drawn */
	size_t svg_len;          /* its length */
	struct print_rec *rec;   /* owned; NULL if it failed or the kind
	                          * is never printed (a service) */
	struct legend legend;    /* owned: the symbols of the recording */
	char *title;             /* owned: what the PDF is titled */
	struct diag_list *said;  /* owned: what drawing it reported */
};

/* Guarded by cache_lock, which is taken before the Graphviz lock. */
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct strmap *cache;   /* key -> struct drawn; NULL: none */

void
diagram_cache_begin(void)
{
	pthread_mutex_lock(&cache_lock);
	if (cache == NULL)
		cache = strmap_new();
	pthread_mutex_unlock(&cache_lock);
}

void
diagram_cache_end(void)
{
	const char *k;
	void *v;
	size_t pos = 0;

	pthread_mutex_lock(&cache_lock);
	while (cache != NULL && strmap_next(cache, &pos, &k, &v)) {
		struct drawn *d = v;

		free(d->svg);
		print_rec_free(d->rec);
		legend_free(&d->legend);
		diag_list_free(d->said);
		free(d->title);
		free(d->prefix);
		free(d->key);
		free(d);
	}
	strmap_free(cache);
	cache = NULL;
	pthread_mutex_unlock(&cache_lock);
}

/* Keeps the root of doc, the finished SVG, as text in d; frees doc.
 * Written without formatting, so that parsing it again (with blanks
 * kept) gives the very same tree. */
static void
keep_svg(struct drawn *d, xmlDocPtr doc)
{
	xmlBufferPtr xb = xmlBufferCreate();

	if (xb == NULL || xmlNodeDump(xb, doc, xmlDocGetRootElement(doc), 0,
	    0) < 0)
		fatal_oom();
	d->svg_len = (size_t)xmlBufferLength(xb);
	d->svg = xmalloc(d->svg_len + 1);
	memcpy(d->svg, xmlBufferContent(xb), d->svg_len + 1);
	xmlBufferFree(xb);
	xmlFreeDoc(doc);
}

/*
 * The kept SVG of d as a new <svg> element of doc, not linked yet:
 * parsed straight into doc (its dictionary, no tree to adopt).
 */
static xmlNodePtr
svg_node(const struct drawn *d, xmlDocPtr doc)
{
	xmlNodePtr list = NULL;

	/* kartta wrote the text: only memory can fail. */
	if (xmlParseBalancedChunkMemory(doc, NULL, NULL, 0,
	    (const xmlChar *)d->svg, &list) != 0 || list == NULL ||
	    list->next != NULL)
		fatal_oom();
	return list;
}

/* Lays e out once and keeps what it gives (lock held). */
static struct drawn *
draw(const struct model *m, const struct entity *e, enum lang lang,
    char *key)
{
	struct drawn *d = xcalloc(1, sizeof(*d));
	char *data = NULL;
	unsigned len = 0;
	struct gb b;
	double w, h;
	int failed;

	d->key = key;
	d->said = diag_list_new();
	d->prefix = xasprintf("%s_%s", kind_names[e->kind], e->id);
	gv_enter();
	gb_init(&b, m, lang, "", NULL, d->prefix);
	diagram_build(&b, e);
	failed = gb_layout(&b, diagram_engine(&b, e)) != 0 ||
	    gb_render_svg(&b, &data, &len) != 0;
	/* A service's next steps are never printed as a drawing (the
	 * book lists them; diagram_render draws only the kinds of
	 * diagram_kind_supported): no recording, which would be most of
	 * the cache's memory and a cairo pass each for nothing. */
	if (!failed && diagram_kind_supported(e->kind)) {
		/* As draw_print does: no padding on paper.  Padding is added
		 * when rendering, never by the layout. */
		gb_set(b.g, "pad", "0");
		gb_size(&b, &w, &h);
		gb_legend(&b, &d->legend);
		d->rec = print_rec_new(w, h);
		if (gb_render_cairo(&b, print_rec_cairo(d->rec)) != 0 ||
		    print_rec_end(d->rec) != 0) {
			print_rec_free(d->rec);
			d->rec = NULL;
		}
	}
	gb_unlayout(&b);
	gv_report(d->said, e, failed);
	if (!failed) {
		xmlDocPtr doc = svg_finish(&b, data, len);

		if (doc != NULL)
			keep_svg(d, doc);
		else
			diag_error(d->said, e->pos, "diagram of %s:%s: Graphviz "
			    "wrote SVG that is not well-formed",
			    kind_names[e->kind], e->id);
	}
	d->title = xstrdup(b.title ? b.title : e->id);
	gb_free_data(data);
	gb_release(&b);
	gv_leave();
	strmap_put(cache, d->key, d);
	return d;
}

/* The drawing of e in lang, drawn now if it was not yet; NULL when no
 * build is running.  Locked by the caller. */
static struct drawn *
lookup(const struct model *m, const struct entity *e, enum lang lang)
{
	struct drawn *d;
	char *key;

	if (cache == NULL)
		return NULL;
	key = xasprintf("%d:%s:%s", (int)lang, kind_names[e->kind], e->id);
	if ((d = strmap_get(cache, key)) != NULL) {
		free(key);
		return d;
	}
	return draw(m, e, lang, key);
}

void
diagram_cache_draw(const struct model *m, const struct entity *e,
    enum lang lang)
{
	pthread_mutex_lock(&cache_lock);
	lookup(m, e, lang);
	pthread_mutex_unlock(&cache_lock);
}

/*
 * s with every whole occurrence of the id prefix from (bounded by the
 * start, "#", "_", "(" or a space before it and the end, "_", ")" or a
 * space after it) made to; caller frees.
 */
static char *
swap_prefix(const char *s, const char *from, const char *to)
{
	struct buf out = { 0 };
	size_t n = strlen(from);
	const char *p = s, *hit;

	while ((hit = strstr(p, from)) != NULL) {
		char after = hit[n];
		int start = hit == s || strchr("#_( ", hit[-1]) != NULL;
		int end = after == '\0' || strchr("_) ", after) != NULL;

		buf_append(&out, p, (size_t)(hit - p));
		buf_puts(&out, start && end ? to : from);
		p = hit + n;
	}
	buf_puts(&out, p);
	return buf_detach(&out);
}

/*
 * Moves a copy of the canonical SVG to its page: links from the
 * language root get the page's way up (link_prefix), a link into the
 * page itself becomes its "#fragment" (as gb_url does); ids and the
 * references to them get the page's prefix.
 */
static void
adapt(xmlNodePtr n, const char *from, const char *to,
    const struct diagram_opts *o)
{
	for (; n != NULL; n = n->next) {
		xmlAttrPtr a;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (a = n->properties; a != NULL; a = a->next) {
			const char *name = (const char *)a->name;
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
			char *nv = NULL;

			if (v == NULL)
				continue;
			if (strcmp(name, "href") == 0 && v[0] != '#') {
				const char *hash = strchr((char *)v, '#');
				size_t plen = hash ? (size_t)(hash - (char *)v) :
				    strlen((char *)v);

				if (hash != NULL && o->here != NULL &&
				    strlen(o->here) == plen &&
				    strncmp(o->here, (char *)v, plen) == 0)
					nv = xstrdup(hash);
				else if (o->link_prefix[0] != '\0')
					nv = xasprintf("%s%s", o->link_prefix,
					    (char *)v);
			} else if (strcmp(from, to) != 0 &&
			    (strcmp(name, "id") == 0 ||
			    strcmp(name, "href") == 0 ||
			    strncmp(name, "aria-", 5) == 0 ||
			    strncmp((char *)v, "url(#", 5) == 0))
				nv = swap_prefix((char *)v, from, to);
			if (nv != NULL && strcmp(nv, (char *)v) != 0)
				xmlSetNsProp(n, a->ns, a->name,
				    (const xmlChar *)nv);
			free(nv);
			xmlFree(v);
		}
		adapt(n->children, from, to, o);
	}
}

int
diagram_cache_svg(const struct model *m, const struct entity *e,
    const struct diagram_opts *o, xmlDocPtr doc, xmlNodePtr *svg)
{
	struct drawn *d;

	if (o->link_prefix == NULL)
		return 0;
	pthread_mutex_lock(&cache_lock);
	if ((d = lookup(m, e, o->lang)) == NULL) {
		pthread_mutex_unlock(&cache_lock);
		return 0;
	}
	*svg = NULL;
	if (d->svg != NULL) {
		*svg = svg_node(d, doc);
		adapt(*svg, d->prefix, o->id_prefix ? o->id_prefix :
		    d->prefix, o);
	}
	pthread_mutex_unlock(&cache_lock);
	return 1;
}

int
diagram_cache_print(const struct model *m, const struct entity *e,
    enum lang lang, const struct print_rec **rec, const char **title,
    const struct legend **lg, struct diag_list *dl)
{
	struct drawn *d;

	pthread_mutex_lock(&cache_lock);
	if ((d = lookup(m, e, lang)) == NULL) {
		pthread_mutex_unlock(&cache_lock);
		return 0;
	}
	if (dl != NULL)
		diag_merge(dl, d->said);
	if (d->svg != NULL && d->rec == NULL && dl != NULL)
		diag_error(dl, e->pos, "cannot draw the diagram of %s:%s",
		    kind_names[e->kind], e->id);
	*rec = d->rec;
	*title = d->title;
	*lg = &d->legend;
	pthread_mutex_unlock(&cache_lock);
	return 1;
}

int
diagram_check(const struct model *m, const struct entity *e, enum lang lang,
    struct diag_list *dl)
{
	struct diagram_print p = { .lang = lang, .paper = PAPER_A4_PORTRAIT };
	struct buf svg = { 0 };
	struct drawn *d;
	int rc;

	pthread_mutex_lock(&cache_lock);
	if ((d = lookup(m, e, lang)) != NULL) {
		rc = d->svg != NULL ? 0 : -1;
		if (dl != NULL)
			diag_merge(dl, d->said);
		pthread_mutex_unlock(&cache_lock);
		return rc;
	}
	pthread_mutex_unlock(&cache_lock);
	/* No build running: draw it to see. */
	rc = diagram_render(m, e, DIAGRAM_SVG, &p, &svg, dl);
	buf_free(&svg);
	return rc;
}
