/*
 * The search index (search-index.js) and the A–Ö index page.  Both walk
 * every entity of the model; the texts of an entity are found through
 * its schema table, so a new text field is searchable without code here.
 */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "morph.h"
#include "pages.h"
#include "schema.h"

#define SNIPPET_MAX 160   /* characters of a result's snippet */
#define TEXT_MAX 20000    /* bytes of an item's text in the index */

/* Display order of kinds in the index. */
static const enum kind search_kinds[] = { KIND_GUIDE, KIND_SERVICE,
	KIND_GROUP, KIND_ACTOR, KIND_PATH, KIND_SEGMENT, KIND_DECISION,
	KIND_MAP, KIND_FLOW, KIND_THEME, KIND_MODEL, KIND_AREA };

/* Length of the UTF-8 sequence starting with byte c (1 if invalid). */
static size_t
u8len(unsigned char c)
{
	if (c >= 0xF0 && c < 0xF8)
		return 4;
	if (c >= 0xE0)
		return c < 0xF0 ? 3 : 1;
	if (c >= 0xC0)
		return 2;
	return 1;
}

/*
 * Whether the character at s (of n bytes) belongs to a word: ASCII
 * letters and digits, Latin letters (but not × and ÷), and anything
 * outside Latin-1 but the General Punctuation block (dashes, quotes)
 * and four-byte characters (emoji).
 */
static int
is_word_char(const unsigned char *s, size_t n)
{
	if (n == 1)
		return (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' &&
		    s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9');
	if (n == 2) {
		if (s[0] == 0xC2)
			return 0;
		if (s[0] == 0xC3 && (s[1] == 0x97 || s[1] == 0xB7))
			return 0;
		return 1;
	}
	if (n == 3)
		return !(s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81));
	return 0;
}

/* Appends the character at s lower-cased (ASCII and Latin-1). */
static void
put_lower(struct buf *b, const unsigned char *s, size_t n)
{
	if (n == 1 && s[0] >= 'A' && s[0] <= 'Z') {
		buf_putc(b, (char)(s[0] + 32));
		return;
	}
	if (n == 2 && s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E &&
	    s[1] != 0x97) {
		buf_putc(b, (char)0xC3);
		buf_putc(b, (char)(s[1] + 0x20));
		return;
	}
	buf_append(b, s, n);
}

/* Writes s as a JSON string (also safe in any JavaScript). */
static void
json_str(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	buf_putc(b, '"');
	for (; *p; p++) {
		if (*p == '"' || *p == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)*p);
		} else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&')
			buf_printf(b, "\\u%04x", *p);
		else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 ||
		    p[2] == 0xA9)) {
			/* U+2028 and U+2029 end lines in older JavaScript. */
			buf_printf(b, "\\u%04x", p[2] == 0xA8 ? 0x2028 : 0x2029);
			p += 2;
		} else
			buf_putc(b, (char)*p);
	}
	buf_putc(b, '"');
}

/* Collects the texts of an entity in one language, for the index. */
struct collect {
	const struct model *m;   /* read only */
	enum lang lang;          /* language wanted */
	const void *skip;        /* the title field: not repeated */
	const void *summary;     /* the summary field, if any */
	struct buf body;         /* all texts, one per line */
	char *snippet;           /* owned; the summary's text */
};

static void
collect_visit(const struct field *f, void *value, unsigned flags, void *arg)
{
	struct collect *c = arg;
	const struct text_part *p;
	char *plain = NULL;
	const char *s;

	(void)flags;
	if ((f->type != FT_TEXT && f->type != FT_MD) || value == c->skip)
		return;
	p = text_part_get(value, &c->m->site, c->lang);
	if (p == NULL || p->s == NULL)
		return;
	s = p->s;
	if (f->type == FT_MD && p->md != NULL)
		s = plain = md_text_plain(p->md);
	if (value == c->summary && c->snippet == NULL)
		c->snippet = xstrdup(s);
	buf_puts(&c->body, s);
	buf_putc(&c->body, '\n');
	free(plain);
}

/* The text field of e named key at the top of its table, or NULL. */
static const void *
top_field(const struct entity *e, const char *key)
{
	const struct schema *s = schema_of_kind[e->kind];
	const struct field *f;

	if (s == NULL)
		return NULL;
	for (f = s->fields; f->key != NULL; f++)
		if (strcmp(f->key, key) == 0 && (f->type == FT_TEXT ||
		    f->type == FT_MD))
			return (const char *)e + f->offset;
	return NULL;
}

/* Cuts s to at most SNIPPET_MAX characters at a space, adding "…". */
static char *
snippet_of(const char *s)
{
	struct buf b = { 0 };
	size_t chars = 0, i = 0, cut = 0, n;

	while (s[i] == ' ' || s[i] == '\n')
		i++;
	s += i;
	for (i = 0; s[i]; i += n) {
		n = u8len((unsigned char)s[i]);
		if (chars == SNIPPET_MAX)
			break;
		if (s[i] == ' ' || s[i] == '\n')
			cut = i;
		chars++;
	}
	if (s[i] == '\0')
		cut = i;
	else if (cut == 0)
		cut = i;
	for (i = 0; i < cut; i++)
		buf_putc(&b, s[i] == '\n' ? ' ' : s[i]);
	while (b.len > 0 && (b.data[b.len - 1] == ' ' ||
	    b.data[b.len - 1] == ',' || b.data[b.len - 1] == ':'))
		b.len--;
	if (s[cut] != '\0')
		buf_puts(&b, "…");
	buf_putc(&b, '\0');
	b.len--;
	return buf_detach(&b);
}

/*
 * The text of an item as the index holds it: white space runs as one
 * space, at most TEXT_MAX bytes, cut at a space.  *rest gets where the
 * cut text stops in s.  Caller frees.
 */
static char *
text_of(const char *s, const char **rest)
{
	struct buf b = { 0 };
	size_t last_space = 0;
	int space = 1;

	for (; *s; s++) {
		int ws = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';

		if (ws) {
			if (!space) {
				last_space = b.len;
				buf_putc(&b, ' ');
			}
			space = 1;
			continue;
		}
		if (b.len >= TEXT_MAX && space)
			break;
		buf_putc(&b, *s);
		space = 0;
	}
	if (*s != '\0' && last_space > 0)
		b.len = last_space;
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.len--;
	*rest = s;
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

/*
 * Calls fn for each lower-case word of text (two characters or more),
 * in order; word is a scratch string.
 */
static void
each_word(const char *text, void (*fn)(const char *word, void *arg),
    void *arg)
{
	const unsigned char *s = (const unsigned char *)text;
	struct buf w = { 0 };
	size_t i = 0, n, chars = 0;

	for (;;) {
		n = s[i] ? u8len(s[i]) : 0;
		if (n > 0 && is_word_char(s + i, n)) {
			put_lower(&w, s + i, n);
			chars++;
			i += n;
			continue;
		}
		if (chars >= 2) {
			buf_putc(&w, '\0');
			fn(w.data, arg);
		}
		w.len = 0;
		chars = 0;
		if (n == 0)
			break;
		i += n;
	}
	buf_free(&w);
}

/* A set of words: the keys of a strmap, owned by it. */
static void
word_note(const char *word, void *arg)
{
	struct strmap *set = arg;

	if (strmap_get(set, word) == NULL) {
		char *key = xstrdup(word);

		strmap_put(set, key, key);
	}
}

static void
words_free(struct strmap *set)
{
	size_t pos = 0;
	const char *key;
	void *val;

	while (strmap_next(set, &pos, &key, &val))
		free(val);
	strmap_free(set);
}

/* The distinct words of the text beyond an item's cut, that its text
 * does not hold: they stay searchable. */
struct rest_words {
	struct strmap *in_text;  /* words of the kept text */
	struct strmap *seen;     /* words already listed */
	struct buf out;          /* space-separated */
};

static void
rest_note(const char *word, void *arg)
{
	struct rest_words *r = arg;

	if (strmap_get(r->in_text, word) != NULL ||
	    strmap_get(r->seen, word) != NULL)
		return;
	word_note(word, r->seen);
	if (r->out.len > 0)
		buf_putc(&r->out, ' ');
	buf_puts(&r->out, word);
}

static void
index_item(struct buf *b, const struct model *m, const struct entity *e,
    enum lang lang, struct strmap *vocabulary)
{
	struct collect c;
	const char *title = entity_title(m, e, lang), *rest;
	char *path = page_path(e->kind, e->id), *snip, *text;

	memset(&c, 0, sizeof(c));
	c.m = m;
	c.lang = lang;
	if (title == NULL)
		title = e->id;
	if (e->kind == KIND_GUIDE) {
		const struct guide_variant *v = guide_variant_for(m,
		    (const struct guide *)e, lang);

		if (v != NULL && v->md != NULL) {
			char *plain = md_text_plain(v->md);

			buf_puts(&c.body, plain);
			free(plain);
		}
	} else if (schema_of_kind[e->kind] != NULL) {
		c.skip = top_field(e, "name");
		if (c.skip == NULL)
			c.skip = top_field(e, "title");
		c.summary = top_field(e, "summary");
		schema_walk(schema_of_kind[e->kind], (void *)e, 0,
		    collect_visit, &c);
	}
	buf_putc(&c.body, '\0');
	snip = snippet_of(c.snippet ? c.snippet : c.body.data);
	text = text_of(c.body.data, &rest);
	each_word(title, word_note, vocabulary);
	each_word(c.body.data, word_note, vocabulary);
	buf_puts(b, "{\"t\":");
	json_str(b, title);
	buf_printf(b, ",\"k\":\"%s\",\"u\":", kind_names[e->kind]);
	json_str(b, path);
	buf_puts(b, ",\"s\":");
	json_str(b, snip);
	buf_puts(b, ",\"x\":");
	json_str(b, text);
	if (*rest != '\0') {
		struct rest_words r;

		memset(&r, 0, sizeof(r));
		r.in_text = strmap_new();
		r.seen = strmap_new();
		each_word(text, word_note, r.in_text);
		each_word(rest, rest_note, &r);
		buf_putc(&r.out, '\0');
		buf_puts(b, ",\"w\":");
		json_str(b, r.out.data);
		buf_free(&r.out);
		words_free(r.in_text);
		words_free(r.seen);
	}
	buf_puts(b, "}");
	free(snip);
	free(text);
	free(path);
	free(c.snippet);
	buf_free(&c.body);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The lexicon: each word of the index that has other forms (morph.h),
 * in byte order, with those forms.  The query side needs no analyser:
 * a word typed in any form that occurs in the handbook finds every
 * other form of its base form and the parts of its compounds.
 */
static void
write_lexicon(struct buf *out, struct strmap *vocabulary, struct morph *mo)
{
	size_t n = strmap_count(vocabulary), i = 0, pos = 0;
	const char **words = xcalloc(n + 1, sizeof(*words)), *key;
	void *val;
	int first = 1;

	while (strmap_next(vocabulary, &pos, &key, &val))
		words[i++] = key;
	qsort(words, n, sizeof(*words), cmp_str);
	buf_puts(out, "\"lex\":{");
	for (i = 0; i < n; i++) {
		const char *t = morph_terms(mo, words[i]);

		if (*t == '\0')
			continue;
		buf_puts(out, first ? "\n" : ",\n");
		json_str(out, words[i]);
		buf_putc(out, ':');
		json_str(out, t);
		first = 0;
	}
	buf_puts(out, "\n}");
	free(words);
}

void
search_index_js(const struct model *m, enum lang lang, struct buf *out)
{
	struct strmap *vocabulary = strmap_new();
	struct morph *mo = morph_new(lang);
	size_t i, j;
	int first = 1;

	buf_puts(out, "/* The search index of this handbook, written by "
	    "kartta; read by theme/search.js. */\n");
	buf_printf(out, "window.KARTTA_INDEX = {\"lang\":\"%s\",\"morph\":"
	    "\"%s\",\"kinds\":{", lang_names[lang],
	    morph_engine_name(morph_engine(mo)));
	for (i = 0; i < ARRAY_LEN(search_kinds); i++) {
		enum kind k = search_kinds[i];

		if (m->set[k].len == 0)
			continue;
		buf_printf(out, "%s\"%s\":", first ? "" : ",", kind_names[k]);
		json_str(out, kind_label(lang, k, 0));
		first = 0;
	}
	buf_puts(out, "},\"items\":[\n");
	first = 1;
	for (i = 0; i < ARRAY_LEN(search_kinds); i++) {
		enum kind k = search_kinds[i];
		struct entity **items = pages_sorted(m, k);

		for (j = 0; j < m->set[k].len; j++) {
			if (!first)
				buf_puts(out, ",\n");
			index_item(out, m, items[j], lang, vocabulary);
			first = 0;
		}
		free(items);
	}
	buf_puts(out, "\n],");
	write_lexicon(out, vocabulary, mo);
	buf_puts(out, "};\n");
	words_free(vocabulary);
	morph_free(mo);
}

void
search_form_fill(struct page_ctx *pc, xmlNodePtr form)
{
	enum lang L = pc->lang;
	xmlNodePtr el;
	char *s;

	s = xasprintf("%s%s", pc->to_lang_root, SEARCH_ATOZ_PATH);
	html_attr(form, "action", s);
	free(s);
	html_attr(form, "method", "get");
	html_attr(form, "role", "search");
	s = xasprintf("%s%s", pc->to_lang_root, SEARCH_INDEX_PATH);
	html_attr(form, "data-index", s);
	free(s);
	html_attr(form, "data-root", pc->to_lang_root);
	html_attr(form, "data-none", ui(L, UI_SEARCH_NONE));
	html_attr(form, "data-count", ui(L, UI_SEARCH_COUNT));
	html_attr(form, "data-all", ui(L, UI_SEARCH_ALL));
	html_attr(form, "data-results", ui(L, UI_SEARCH_RESULTS));
	html_attr(form, "data-page", ui(L, UI_SEARCH_PAGE));
	html_attr(form, "data-pages", ui(L, UI_SEARCH_PAGES));
	el = html_el_class(form, "label", "visually-hidden",
	    ui(L, UI_SEARCH_LABEL));
	html_attr(el, "for", "site-search-q");
	el = html_el(form, "input", NULL);
	html_attr(el, "type", "search");
	html_attr(el, "id", "site-search-q");
	html_attr(el, "name", "q");
	html_attr(el, "autocomplete", "off");
	html_attr(el, "placeholder", ui(L, UI_SEARCH_LABEL));
	html_attr(el, "spellcheck", "false");
	el = html_el(form, "button", ui(L, UI_SEARCH_BUTTON));
	html_attr(el, "type", "submit");
	el = html_el_class(form, "p", "visually-hidden", NULL);
	html_attr(el, "id", "site-search-status");
	html_attr(el, "role", "status");
	el = html_el_class(form, "div", "search-results", NULL);
	html_attr(el, "id", "site-search-results");
	html_attr(el, "hidden", "hidden");
}

/* The A–Ö page. */

/*
 * Appends the collation weights of the character at s: a–z as
 * themselves, then å ä ö after z in Finnish and Swedish (in English they
 * sort as a and o); other accented letters as their base letter;
 * spaces and dashes as one space; other punctuation not at all.
 */
static void
collate_char(struct buf *b, const unsigned char *s, size_t n,
    enum lang lang)
{
	static const char latin1[] =
	    /* À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï */
	    "aaaa|{|ceeeeiiii"
	    /* Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß */
	    "dnoooo} }uuuuyts";
	int nordic = lang != LANG_EN;
	char c;

	if (n == 1) {
		c = (char)s[0];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf_putc(b, c);
		else if (c == ' ' || c == '-' || c == '\n')
			buf_putc(b, ' ');
		return;
	}
	if (n == 2 && s[0] == 0xC3) {
		unsigned i = (s[1] & 0x3F) % 32;

		c = latin1[i];
		if (c == ' ')
			return;
		if (c == '|' && !nordic)
			c = 'a';
		else if (c == '{' && !nordic)
			c = 'a';
		else if (c == '}' && !nordic)
			c = 'o';
		else if (i == 28 && nordic)     /* ü sorts as y */
			c = 'y';
		else if (i == 24 && nordic)     /* ø sorts as ö */
			c = '}';
		buf_putc(b, c);
		return;
	}
	if (n == 2 && (s[0] == 0xC5 && (s[1] == 0xA0 || s[1] == 0xA1)))
		buf_putc(b, 's');
	else if (n == 2 && (s[0] == 0xC5 && (s[1] == 0xBD || s[1] == 0xBE)))
		buf_putc(b, 'z');
	else if (n == 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x90 &&
	    s[2] <= 0x95)
		buf_putc(b, ' ');
	else if (!(n == 3 && s[0] == 0xE2))
		buf_append(b, s, n);
}

static char *
collate_key(const char *text, enum lang lang)
{
	const unsigned char *s = (const unsigned char *)text;
	struct buf b = { 0 };
	size_t n;

	for (; *s; s += n) {
		n = u8len(*s);
		collate_char(&b, s, n, lang);
	}
	buf_putc(&b, '\0');
	return buf_detach(&b);
}

struct atoz_entry {
	char *key;                /* owned collation key */
	const char *title;        /* borrowed */
	const struct entity *e;   /* borrowed */
};

static int
atoz_cmp(const void *pa, const void *pb)
{
	const struct atoz_entry *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	if (c == 0)
		c = strcmp(a->title, b->title);
	if (c == 0)
		c = (int)a->e->kind - (int)b->e->kind;
	if (c == 0)
		c = strcmp(a->e->id, b->e->id);
	return c;
}

/* The heading letter of a key and the id of its section. */
static void
atoz_letter(const char *key, char *letter, size_t lsize, char *id,
    size_t isize)
{
	unsigned char c = (unsigned char)key[0];

	if (c >= 'a' && c <= 'z') {
		snprintf(letter, lsize, "%c", c - 32);
		snprintf(id, isize, "letter-%c", c);
	} else if (c == '{') {
		snprintf(letter, lsize, "Å");
		snprintf(id, isize, "letter-aa");
	} else if (c == '|') {
		snprintf(letter, lsize, "Ä");
		snprintf(id, isize, "letter-ae");
	} else if (c == '}') {
		snprintf(letter, lsize, "Ö");
		snprintf(id, isize, "letter-oe");
	} else {
		snprintf(letter, lsize, "0–9 …");
		snprintf(id, isize, "letter-other");
	}
}

void
search_render_atoz(struct page_ctx *pc, xmlNodePtr main)
{
	const struct model *m = pc->m;
	struct atoz_entry *ents = NULL;
	size_t n = 0, cap = 0, i, k;
	xmlNodePtr nav, jump, ul = NULL, li;
	char letter[16], id[32], prev[32] = "";

	for (k = 0; k < KIND_COUNT; k++)
		for (i = 0; i < m->set[k].len; i++) {
			struct atoz_entry *en = array_push(&ents, &n, &cap,
			    sizeof(*en));

			en->e = m->set[k].items[i];
			en->title = entity_title(m, en->e, pc->lang);
			if (en->title == NULL)
				en->title = en->e->id;
			en->key = collate_key(en->title, pc->lang);
		}
	if (n > 0)
		qsort(ents, n, sizeof(*ents), atoz_cmp);

	html_el(main, "h1", ui(pc->lang, UI_ATOZ));
	html_el_class(main, "p", "lead", ui(pc->lang, UI_ATOZ_LEAD));
	nav = html_el_class(main, "nav", "atoz-letters", NULL);
	html_attr(nav, "aria-label", ui(pc->lang, UI_ATOZ_LETTERS));
	jump = html_el(nav, "ul", NULL);
	for (i = 0; i < n; i++) {
		atoz_letter(ents[i].key, letter, sizeof(letter), id,
		    sizeof(id));
		if (strcmp(id, prev) != 0) {
			xmlNodePtr sec = html_el_class(main, "section",
			    "atoz-letter", NULL);
			xmlNodePtr h = html_el(sec, "h2", letter);
			char *href = xasprintf("#%s", id);

			html_attr(h, "id", id);
			html_link(html_el(jump, "li", NULL), href, letter);
			free(href);
			ul = html_el_class(sec, "ul", "atoz-list", NULL);
			snprintf(prev, sizeof(prev), "%s", id);
		}
		li = html_el(ul, "li", NULL);
		page_entity_link(pc, li, ents[i].e);
		html_text(li, " ");
		html_el_class(li, "span", "kind",
		    kind_label(pc->lang, ents[i].e->kind, 0));
	}
	for (i = 0; i < n; i++)
		free(ents[i].key);
	free(ents);
}

/* The tags' page. */

int
search_has_tags(const struct model *m)
{
	size_t i;

	for (i = 0; i < m->set[KIND_SERVICE].len; i++)
		if (((const struct service *)m->set[KIND_SERVICE].items[i])
		    ->tags.len > 0)
			return 1;
	return 0;
}

char *
search_tag_id(const char *tag)
{
	char *slug = md_slug(tag), *id = xasprintf("tag-%s", slug);

	free(slug);
	return id;
}

struct tag_entry {
	char *id;                 /* owned; search_tag_id */
	char *key;                /* owned; collation key of the name */
	const char *name;         /* borrowed; the first spelling met */
	const struct entity **services; /* owned array, borrowed entities */
	size_t n, cap;
};

static int
tag_cmp(const void *pa, const void *pb)
{
	const struct tag_entry *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	return c != 0 ? c : strcmp(a->id, b->id);
}

void
search_render_tags(struct page_ctx *pc, xmlNodePtr main)
{
	const struct model *m = pc->m;
	struct entity **svcs = pages_sorted(m, KIND_SERVICE);
	struct tag_entry *tags = NULL;
	size_t ntags = 0, cap = 0, i, j, k;
	xmlNodePtr list;

	for (i = 0; i < m->set[KIND_SERVICE].len; i++) {
		const struct service *s = (const struct service *)svcs[i];

		for (j = 0; j < s->tags.len; j++) {
			const char *name = ((struct str *)s->tags.items)[j].s;
			char *id = search_tag_id(name);
			struct tag_entry *t = NULL;
			const struct entity **slot;

			for (k = 0; k < ntags && t == NULL; k++)
				if (strcmp(tags[k].id, id) == 0)
					t = &tags[k];
			if (t == NULL) {
				t = array_push(&tags, &ntags, &cap, sizeof(*t));
				memset(t, 0, sizeof(*t));
				t->id = id;
				t->name = name;
				t->key = collate_key(name, pc->lang);
			} else
				free(id);
			/* A service that repeats a tag is listed once. */
			if (t->n > 0 && t->services[t->n - 1] == &s->e)
				continue;
			slot = array_push(&t->services, &t->n, &t->cap,
			    sizeof(*slot));
			*slot = &s->e;
		}
	}
	free(svcs);
	if (ntags > 0)
		qsort(tags, ntags, sizeof(*tags), tag_cmp);
	html_el(main, "h1", ui(pc->lang, UI_TAGS));
	html_el_class(main, "p", "lead", ui(pc->lang, UI_TAGS_LEAD));
	list = html_el_class(main, "div", "tag-list", NULL);
	for (i = 0; i < ntags; i++) {
		xmlNodePtr sec = html_el_class(list, "section", "tag", NULL);
		xmlNodePtr h = html_el(sec, "h2", tags[i].name), ul;

		html_attr(h, "id", tags[i].id);
		ul = html_el(sec, "ul", NULL);
		for (j = 0; j < tags[i].n; j++)
			page_entity_link(pc, html_el(ul, "li", NULL),
			    tags[i].services[j]);
		free(tags[i].services);
		free(tags[i].id);
		free(tags[i].key);
	}
	free(tags);
}
