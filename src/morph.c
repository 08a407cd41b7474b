#include "morph.h"

#include <stdlib.h>
#include <string.h>

#include "stem.h"
#include "util.h"

#ifdef KARTTA_HAVE_VOIKKO
#include <libvoikko/voikko.h>
#endif

#define PARTS_MAX 8      /* compound parts looked at */
#define PART_MIN 3       /* characters a part or run needs to be a term */

struct morph {
	enum morph_engine engine;   /* which one fills the terms */
	struct stem *stem;          /* owned; NULL without libstemmer */
#ifdef KARTTA_HAVE_VOIKKO
	struct VoikkoHandle *voikko; /* owned; Finnish only */
#endif
	struct strmap *cache;       /* owned keys and values: word -> terms */
};

/* A few terms, without repeats, in order of discovery. */
struct terms {
	const char *word;   /* borrowed; never added */
	struct buf bases;   /* space-separated base forms or stems */
	struct buf parts;   /* space-separated compound parts and runs */
};

/* Whether the space-separated list b holds s. */
static int
list_has(const struct buf *b, const char *s, size_t len)
{
	const char *p = b->data, *end;

	if (p == NULL) /* nothing added yet (and NULL + 0 is undefined) */
		return 0;
	end = p + b->len;
	while (p < end) {
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		size_t n = sp ? (size_t)(sp - p) : (size_t)(end - p);

		if (n == len && memcmp(p, s, len) == 0)
			return 1;
		p += n + 1;
	}
	return 0;
}

/* Adds s to the bases (part 0) or the parts (1) unless it is the word
 * or already there. */
static void
terms_add(struct terms *t, int part, const char *s, size_t len)
{
	struct buf *b = part ? &t->parts : &t->bases;

	if (len == 0 || (strlen(t->word) == len && memcmp(s, t->word, len) == 0) ||
	    list_has(&t->bases, s, len) || list_has(&t->parts, s, len))
		return;
	if (b->len > 0)
		buf_putc(b, ' ');
	buf_append(b, s, len);
}

static void
stem_terms(struct morph *m, const char *word, struct terms *t)
{
	char *s;

	if (m->stem == NULL)
		return;
	s = stem_word(m->stem, word);
	if (strlen(s) >= PART_MIN)
		terms_add(t, 0, s, strlen(s));
	free(s);
}

#ifdef KARTTA_HAVE_VOIKKO
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

/* s lower-cased (ASCII and Latin-1 letters); caller frees. */
static char *
lower(const char *s)
{
	char *out = xstrdup(s), *p;

	for (p = out; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 'A' && c <= 'Z')
			*p = (char)(c + 32);
		else if (c == 0xC3 && (unsigned char)p[1] >= 0x80 &&
		    (unsigned char)p[1] <= 0x9E && (unsigned char)p[1] != 0x97) {
			p[1] = (char)(p[1] + 0x20);
			p++;
		}
	}
	return out;
}

/*
 * The parts of word as Voikko's STRUCTURE marks them: '=' starts a part,
 * every other character stands for one character of the word, '-' for a
 * hyphen, which belongs to no part.  Returns the number of parts (0 if
 * the structure does not fit the word); part i is word[start[i]] for
 * len[i] bytes.
 */
static size_t
split_parts(const char *word, const char *structure, size_t *start,
    size_t *len)
{
	size_t n = 0, i = 0;
	const char *s;

	for (s = structure; *s; s++) {
		if (*s == '=') {
			if (n == PARTS_MAX)
				return 0;
			start[n] = i;
			len[n] = 0;
			n++;
			continue;
		}
		if (word[i] == '\0' || n == 0)
			return 0;
		if (*s == '-') {
			/* A hyphen ends the part: the next one starts after. */
			i += u8len((unsigned char)word[i]);
			if (s[1] != '=' && s[1] != '\0') {
				if (n == PARTS_MAX)
					return 0;
				start[n] = i;
				len[n] = 0;
				n++;
			}
			continue;
		}
		i += u8len((unsigned char)word[i]);
		len[n - 1] = i - start[n - 1];
	}
	return word[i] == '\0' ? n : 0;
}

/*
 * The terms of one analysis: its base form, and for a compound every run
 * of its parts (the last one in its base form when the run ends the
 * word).
 */
static void
analysis_terms(const char *word, const char *base, const char *structure,
    struct terms *t)
{
	size_t start[PARTS_MAX], len[PARTS_MAX], n, i, j, k;
	const char *last;
	size_t lastlen;
	struct buf run = { 0 };

	terms_add(t, 0, base, strlen(base));
	if (structure == NULL ||
	    (n = split_parts(word, structure, start, len)) < 2)
		return;
	/* The base form of the last part: the base form less the parts
	 * before it, when it starts with them as written. */
	last = word + start[n - 1];
	lastlen = len[n - 1];
	{
		struct buf pre = { 0 };

		for (i = 0; i + 1 < n; i++)
			buf_append(&pre, word + start[i], len[i]);
		if (strlen(base) > pre.len && strncmp(base, pre.data ? pre.data :
		    "", pre.len) == 0) {
			last = base + pre.len;
			lastlen = strlen(last);
			/* "sote-keskus": the hyphen stays in the base form. */
			while (lastlen > 0 && *last == '-') {
				last++;
				lastlen--;
			}
		}
		buf_free(&pre);
	}
	for (i = 0; i < n; i++)
		for (j = i; j < n; j++) {
			if (i == 0 && j == n - 1)
				continue;
			run.len = 0;
			for (k = i; k < j; k++)
				buf_append(&run, word + start[k], len[k]);
			if (j == n - 1)
				buf_append(&run, last, lastlen);
			else
				buf_append(&run, word + start[j], len[j]);
			if (utf8_count(run.data, run.len) >= PART_MIN)
				terms_add(t, 1, run.data, run.len);
		}
	buf_free(&run);
}

static int
voikko_terms(struct morph *m, const char *word, struct terms *t)
{
	struct voikko_mor_analysis **as, **a;
	int found = 0;

	as = voikkoAnalyzeWordCstr(m->voikko, word);
	for (a = as; a != NULL && *a != NULL; a++) {
		char *base = voikko_mor_analysis_value_cstr(*a, "BASEFORM");
		char *structure = voikko_mor_analysis_value_cstr(*a,
		    "STRUCTURE");

		if (base != NULL) {
			char *lb = lower(base);

			analysis_terms(word, lb, structure, t);
			free(lb);
			found = 1;
		}
		voikko_free_mor_analysis_value_cstr(base);
		voikko_free_mor_analysis_value_cstr(structure);
	}
	if (as != NULL)
		voikko_free_mor_analysis(as);
	return found;
}
#endif

struct morph *
morph_new(enum lang lang)
{
	struct morph *m = xcalloc(1, sizeof(*m));
	const char *off = getenv("KARTTA_NO_VOIKKO");

	m->cache = strmap_new();
	m->stem = stem_new(lang);
	m->engine = m->stem ? MORPH_SNOWBALL : MORPH_NONE;
#ifdef KARTTA_HAVE_VOIKKO
	if (lang == LANG_FI && (off == NULL || off[0] == '\0')) {
		const char *err = NULL;

		m->voikko = voikkoInit(&err, "fi", NULL);
		if (m->voikko != NULL)
			m->engine = MORPH_VOIKKO;
	}
#else
	(void)off;
#endif
	return m;
}

void
morph_free(struct morph *m)
{
	size_t pos = 0;
	const char *key;
	void *val;

	if (m == NULL)
		return;
	while (strmap_next(m->cache, &pos, &key, &val)) {
		free((char *)key);
		free(val);
	}
	strmap_free(m->cache);
	stem_free(m->stem);
#ifdef KARTTA_HAVE_VOIKKO
	if (m->voikko != NULL)
		voikkoTerminate(m->voikko);
#endif
	free(m);
}

enum morph_engine
morph_engine(const struct morph *m)
{
	return m->engine;
}

const char *
morph_engine_name(enum morph_engine e)
{
	return e == MORPH_VOIKKO ? "voikko" : e == MORPH_SNOWBALL ?
	    "snowball" : "none";
}

/* Whether word holds a digit: numbers are not analysed. */
static int
has_digit(const char *word)
{
	for (; *word; word++)
		if (*word >= '0' && *word <= '9')
			return 1;
	return 0;
}

const char *
morph_terms(struct morph *m, const char *word)
{
	struct terms t;
	char *key, *val;
	int done = 0;

	if ((val = strmap_get(m->cache, word)) != NULL)
		return val;
	memset(&t, 0, sizeof(t));
	t.word = word;
	if (!has_digit(word) && strlen(word) < 200) {
#ifdef KARTTA_HAVE_VOIKKO
		if (m->voikko != NULL)
			done = voikko_terms(m, word, &t);
#endif
		/* A word Voikko does not know still gets its stem. */
		if (!done)
			stem_terms(m, word, &t);
	}
	if (t.parts.len > 0) {
		buf_putc(&t.bases, '|');
		buf_append(&t.bases, t.parts.data, t.parts.len);
	}
	buf_putc(&t.bases, '\0');
	val = buf_detach(&t.bases);
	buf_free(&t.parts);
	key = xstrdup(word);
	strmap_put(m->cache, key, val);
	return val;
}
