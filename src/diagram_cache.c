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
 * A build also keeps its drawings for the next one, in
 * OUTPUT/.kartta-cache/drawings: each SVG with the fingerprint of the
 * graph it was laid out from (gb_fingerprint) and what laying it out
 * reported.  The next build still builds every graph, but one whose
 * fingerprint is the kept one's takes the kept SVG instead of a layout;
 * its print recording is laid out only if a PDF needs it.  The kept
 * drawings are trusted only from the same kartta and fonts, and each
 * only if its bytes are what was written (a checksum).
 *
 * Outside a build (kartta export, the tests) nothing is kept and
 * diagram.c draws each time as before.
 */
#include "diagram_int.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "schema.h"

#define STORE_FILE CACHE_DIR "/drawings"
#define STORE_MAGIC "kartta-drawings 1"
#define STORE_INDEX_MAX ((size_t)16 << 20)

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
	char *said_bytes;        /* owned: said as diag_write wrote it, kept
	                          * for the next build (said is handed on) */
	size_t said_len;
	unsigned long long fp;   /* the fingerprint of its graph */
	int kept;                /* its SVG came from the previous build:
	                          * rec is laid out when first needed */
	int scrolls;             /* svg_scrolls of its SVG */
};

/* A drawing of the previous build (its store's index). */
struct stored {
	char *key;               /* owned: as struct drawn's */
	unsigned long long fp;
	unsigned long long check; /* hash of its SVG and said bytes */
	off_t off;               /* of its SVG in the store's file */
	size_t svg_len, said_len;
	int scrolls;
};

/* The previous build's drawings, while a build runs.  Guarded by
 * cache_lock. */
static struct {
	int fd;                  /* the store's file, or -1 */
	off_t base;              /* where its blobs begin */
	struct strmap *index;    /* key -> struct stored */
	char *tool;              /* owned: this kartta's cache_tool_key, or
	                          * NULL: nothing kept is read */
	char *fonts;             /* owned: the fonts its drawings were
	                          * measured with, or NULL */
	size_t fonts_len;
} store = { -1, 0, NULL, NULL, NULL, 0 };

/* Guarded by cache_lock, which is taken before the Graphviz lock. */
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct strmap *cache;   /* key -> struct drawn; NULL: none */

/* The next line of [*p, end) without its newline, NUL-ended in place;
 * NULL at the end or if there is no newline. */
static char *
next_line(char **p, char *end)
{
	char *s = *p, *nl;

	if (s >= end || (nl = memchr(s, '\n', (size_t)(end - s))) == NULL)
		return NULL;
	*nl = '\0';
	*p = nl + 1;
	return s;
}

static void
store_close(void)
{
	const char *k;
	void *v;
	size_t pos = 0;

	while (store.index != NULL && strmap_next(store.index, &pos, &k, &v)) {
		struct stored *st = v;

		free(st->key);
		free(st);
	}
	strmap_free(store.index);
	store.index = NULL;
	if (store.fd >= 0)
		close(store.fd);
	store.fd = -1;
}

/* Reads len bytes at off of fd into a new buffer (NUL-ended); NULL if
 * the file has not that many. */
static char *
read_at(int fd, off_t off, size_t len)
{
	char *data = xmalloc(len + 1);
	size_t got = 0;

	while (got < len) {
		ssize_t r = pread(fd, data + got, len - got, off + (off_t)got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			free(data);
			return NULL;
		}
		got += (size_t)r;
	}
	data[len] = '\0';
	return data;
}

/*
 * Opens the store below prev_out and reads its index: the magic line,
 * "head LEN" and that many bytes of "tool KEY", "fonts LEN" and that
 * many bytes of cache_fonts_state, "index LEN" and that many bytes of
 * lines "KEY FP CHECK OFF SVGLEN SAIDLEN SCROLLS"; then the blobs.
 * Anything else, another kartta or other fonts, and nothing is kept.
 */
static void
store_open(const char *prev_out)
{
	char *path = path_join(prev_out, STORE_FILE), *head = NULL, *p, *end;
	char first[128], *line;
	size_t hlen, flen, ilen, blobs;
	struct stat st;
	ssize_t got;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

	free(path);
	if (fd < 0)
		return;
	/* The magic line and the header's length, then the header. */
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (got = pread(fd, first, sizeof(first) - 1, 0)) <= 0)
		goto refuse;
	first[got] = '\0';
	p = first;
	end = first + got;
	if ((line = next_line(&p, end)) == NULL ||
	    strcmp(line, STORE_MAGIC) != 0 ||
	    (line = next_line(&p, end)) == NULL ||
	    sscanf(line, "head %zu", &hlen) != 1 || hlen > STORE_INDEX_MAX ||
	    (head = read_at(fd, (off_t)(p - first), hlen)) == NULL)
		goto refuse;
	store.base = (off_t)(p - first) + (off_t)hlen;
	p = head;
	end = head + hlen;
	if ((line = next_line(&p, end)) == NULL ||
	    strncmp(line, "tool ", 5) != 0 || strcmp(line + 5, store.tool) != 0 ||
	    (line = next_line(&p, end)) == NULL ||
	    sscanf(line, "fonts %zu", &flen) != 1 ||
	    flen > (size_t)(end - p) || !cache_fonts_same(p, flen))
		goto refuse;
	store.fonts = xstrndup(p, flen);
	store.fonts_len = flen;
	p += flen;
	if ((line = next_line(&p, end)) == NULL ||
	    sscanf(line, "index %zu", &ilen) != 1 || ilen != (size_t)(end - p) ||
	    st.st_size < store.base)
		goto refuse;
	blobs = (size_t)(st.st_size - store.base);
	store.fd = fd;
	store.index = strmap_new();
	while ((line = next_line(&p, end)) != NULL) {
		struct stored *sd = xcalloc(1, sizeof(*sd));
		char key[256];
		unsigned long long off;

		/* An entry must lie inside the file: a damaged length
		 * would otherwise ask for any amount of memory. */
		if (sscanf(line, "%255s %llx %llx %llu %zu %zu %d", key,
		    &sd->fp, &sd->check, &off, &sd->svg_len, &sd->said_len,
		    &sd->scrolls) != 7 || off > blobs ||
		    sd->svg_len > blobs - off ||
		    sd->said_len > blobs - off - sd->svg_len) {
			free(sd);
			continue;
		}
		sd->off = (off_t)off;
		sd->key = xstrdup(key);
		if (strmap_put(store.index, sd->key, sd) != NULL) {
			free(sd->key);
			free(sd);
		}
	}
	free(head);
	return;
refuse:
	free(head);
	close(fd);
}

void
diagram_cache_begin(const char *prev_out, const char *tool)
{
	pthread_mutex_lock(&cache_lock);
	if (cache == NULL)
		cache = strmap_new();
	if (store.tool == NULL && tool != NULL) {
		store.tool = xstrdup(tool);
		if (prev_out != NULL)
			store_open(prev_out);
	}
	pthread_mutex_unlock(&cache_lock);
}

/* The checksum of a kept drawing: its SVG, its said bytes and whether
 * it scrolls. */
static unsigned long long
entry_check(const char *svg, size_t svg_len, const char *said,
    size_t said_len, int scrolls)
{
	unsigned long long h = hash_block(HASH_INIT, svg, svg_len);

	h = hash_block(h, said != NULL ? said : "", said_len);
	return hash_bytes(h, scrolls ? "s" : "-", 1);
}

/*
 * Takes the kept drawing of d->key into d if its fingerprint is fp and
 * its bytes are what was written: then d's SVG and what laying it out
 * reported (at e, where it is now) are set, and 1 is returned.
 */
static int
take_kept(struct drawn *d, const struct entity *e, unsigned long long fp)
{
	struct stored *sd;
	struct diag_list *said;
	char *blob;

	if (store.index == NULL ||
	    (sd = strmap_get(store.index, d->key)) == NULL || sd->fp != fp ||
	    (blob = read_at(store.fd, store.base + sd->off, sd->svg_len +
	    sd->said_len)) == NULL)
		return 0;
	said = diag_list_new();
	if (entry_check(blob, sd->svg_len, blob + sd->svg_len, sd->said_len,
	    sd->scrolls) != sd->check || diag_read(said, blob + sd->svg_len,
	    sd->said_len) != 0) {
		diag_list_free(said);
		free(blob);
		return 0;
	}
	diag_copy_at(d->said, said, e->pos);
	diag_list_free(said);
	d->said_bytes = xmalloc(sd->said_len + 1);
	memcpy(d->said_bytes, blob + sd->svg_len, sd->said_len);
	d->said_len = sd->said_len;
	blob[sd->svg_len] = '\0';
	d->svg = blob;
	d->svg_len = sd->svg_len;
	d->scrolls = sd->scrolls != 0;
	d->kept = 1;
	return 1;
}

static int
key_cmp(const void *a, const void *b)
{
	const struct drawn *x = *(const struct drawn *const *)a;
	const struct drawn *y = *(const struct drawn *const *)b;

	return strcmp(x->key, y->key);
}

int
diagram_cache_save(const char *stage)
{
	struct buf fonts = { 0 }, index = { 0 }, rest = { 0 }, head = { 0 };
	struct drawn **all = NULL;
	const char *k;
	void *v;
	size_t pos = 0, n = 0, cap = 0, i;
	unsigned long long off = 0;
	char *dir, *path;
	FILE *f = NULL;
	int rc = -1;

	pthread_mutex_lock(&cache_lock);
	while (cache != NULL && strmap_next(cache, &pos, &k, &v))
		if (((struct drawn *)v)->svg != NULL)
			*(struct drawn **)array_push(&all, &n, &cap,
			    sizeof(*all)) = v;
	/* In the order of their keys, so that the same drawings give the
	 * same file. */
	if (n > 1)
		qsort(all, n, sizeof(*all), key_cmp);
	for (i = 0; i < n; i++) {
		const struct drawn *d = all[i];

		buf_printf(&index, "%s %016llx %016llx %llu %zu %zu %d\n",
		    d->key, d->fp, entry_check(d->svg, d->svg_len,
		    d->said_bytes, d->said_len, d->scrolls), off, d->svg_len,
		    d->said_len, d->scrolls);
		off += all[i]->svg_len + all[i]->said_len;
	}
	cache_fonts_state(&fonts, store.fonts, store.fonts_len);
	buf_printf(&rest, "tool %s\nfonts %zu\n", store.tool ? store.tool :
	    "-", fonts.len);
	buf_append(&rest, fonts.data ? fonts.data : "", fonts.len);
	buf_printf(&rest, "index %zu\n", index.len);
	buf_append(&rest, index.data ? index.data : "", index.len);
	buf_printf(&head, "%s\nhead %zu\n", STORE_MAGIC, rest.len);
	buf_append(&head, rest.data, rest.len);
	dir = path_join(stage, CACHE_DIR);
	path = path_join(stage, STORE_FILE);
	if ((mkdir(dir, 0755) == 0 || errno == EEXIST) &&
	    (f = fopen(path, "wbx")) != NULL &&
	    fwrite(head.data, 1, head.len, f) == head.len) {
		rc = 0;
		for (i = 0; i < n && rc == 0; i++)
			if (fwrite(all[i]->svg, 1, all[i]->svg_len, f) !=
			    all[i]->svg_len || (all[i]->said_len > 0 &&
			    fwrite(all[i]->said_bytes, 1, all[i]->said_len,
			    f) != all[i]->said_len))
				rc = -1;
	}
	if (f != NULL && fclose(f) != 0)
		rc = -1;
	if (rc != 0 && f != NULL)
		unlink(path);
	pthread_mutex_unlock(&cache_lock);
	free(all);
	free(dir);
	free(path);
	buf_free(&fonts);
	buf_free(&index);
	buf_free(&rest);
	buf_free(&head);
	return rc;
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
		free(d->said_bytes);
		free(d->title);
		free(d->prefix);
		free(d->key);
		free(d);
	}
	strmap_free(cache);
	cache = NULL;
	store_close();
	free(store.tool);
	store.tool = NULL;
	free(store.fonts);
	store.fonts = NULL;
	store.fonts_len = 0;
	pthread_mutex_unlock(&cache_lock);
}

/* Keeps the root of doc, the finished SVG, as text in d; frees doc.
 * Written without formatting, so that parsing it again (with blanks
 * kept) gives the very same tree. */
static void
keep_svg(struct drawn *d, xmlDocPtr doc)
{
	xmlBufferPtr xb = xmlBufferCreate();
	double w, h;

	d->scrolls = svg_scrolls(xmlDocGetRootElement(doc), &w, &h) != 0;
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

/* The print recording of b, laid out, into d (with the legend's
 * symbols): as draw_print does, with no padding on paper, which is
 * added when rendering, never by the layout. */
static void
record_print(struct drawn *d, struct gb *b)
{
	double w, h;

	gb_set(b->g, "pad", "0");
	gb_size(b, &w, &h);
	gb_legend(b, &d->legend);
	d->rec = print_rec_new(w, h);
	if (gb_render_cairo(b, print_rec_cairo(d->rec)) != 0 ||
	    print_rec_end(d->rec) != 0) {
		print_rec_free(d->rec);
		d->rec = NULL;
	}
}

/* Lays b (the graph of e) out into d: its SVG, what it reported and,
 * for a kind that is printed, its recording. */
static void
lay_out(struct drawn *d, struct gb *b, const struct entity *e,
    const char *engine)
{
	struct buf said = { 0 };
	char *data = NULL;
	unsigned len = 0;
	int failed;

	failed = gb_layout(b, engine) != 0 ||
	    gb_render_svg(b, &data, &len) != 0;
	/* A service's next steps are never printed as a drawing (the
	 * book lists them; diagram_render draws only the kinds of
	 * diagram_kind_supported): no recording, which would be most of
	 * the cache's memory and a cairo pass each for nothing. */
	if (!failed && diagram_kind_supported(e->kind))
		record_print(d, b);
	gb_unlayout(b);
	gv_report(d->said, e, failed);
	if (!failed) {
		xmlDocPtr doc = svg_finish(b, data, len);

		if (doc != NULL)
			keep_svg(d, doc);
		else
			diag_error(d->said, e->pos, "diagram of %s:%s: Graphviz "
			    "wrote SVG that is not well-formed",
			    kind_names[e->kind], e->id);
	}
	gb_free_data(data);
	diag_write(d->said, &said);
	d->said_len = said.len;
	d->said_bytes = buf_detach(&said);
}

/* Builds the graph of e and lays it out, unless the previous build
 * kept a drawing of the very same graph; keeps what it gives (lock
 * held). */
static struct drawn *
draw(const struct model *m, const struct entity *e, enum lang lang,
    char *key)
{
	struct drawn *d = xcalloc(1, sizeof(*d));
	const char *engine;
	struct gb b;

	d->key = key;
	d->said = diag_list_new();
	d->prefix = xasprintf("%s_%s", kind_names[e->kind], e->id);
	gv_enter();
	gb_init(&b, m, lang, "", NULL, d->prefix);
	diagram_build(&b, e);
	engine = diagram_engine(&b, e);
	d->fp = gb_fingerprint(&b, engine);
	d->title = xstrdup(b.title ? b.title : e->id);
	if (take_kept(d, e, d->fp))
		/* What building the graph said is in the kept report. */
		gv_report(NULL, e, 0);
	else
		lay_out(d, &b, e, engine);
	gb_release(&b);
	gv_leave();
	strmap_put(cache, d->key, d);
	return d;
}

/* The print recording of a drawing kept from the previous build, which
 * only its SVG was taken from: laid out now (lock held).  What that
 * reports was reported when it was kept. */
static void
draw_kept_print(const struct model *m, const struct entity *e,
    enum lang lang, struct drawn *d)
{
	struct gb b;

	d->kept = 0;
	gv_enter();
	gb_init(&b, m, lang, "", NULL, d->prefix);
	diagram_build(&b, e);
	if (gb_layout(&b, diagram_engine(&b, e)) == 0)
		record_print(d, &b);
	gb_unlayout(&b);
	gv_report(NULL, e, 0);
	gb_release(&b);
	gv_leave();
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
	if (d->kept && d->svg != NULL && diagram_kind_supported(e->kind))
		draw_kept_print(m, e, lang, d);
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
diagram_cache_fingerprint(const struct model *m, const struct entity *e,
    enum lang lang, unsigned long long *fp, const char **title,
    struct diag_list *dl)
{
	struct drawn *d;
	int rc = 0;

	pthread_mutex_lock(&cache_lock);
	if ((d = lookup(m, e, lang)) != NULL && d->svg != NULL) {
		*fp = d->fp;
		*title = d->title;
		if (dl != NULL)
			diag_merge(dl, d->said);
		rc = 1;
	}
	pthread_mutex_unlock(&cache_lock);
	return rc;
}

int
diagram_cache_scrolls(const struct model *m, const struct entity *e,
    enum lang lang)
{
	struct drawn *d;
	int rc = -1;

	pthread_mutex_lock(&cache_lock);
	if ((d = lookup(m, e, lang)) != NULL && d->svg != NULL)
		rc = d->scrolls;
	pthread_mutex_unlock(&cache_lock);
	return rc;
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
