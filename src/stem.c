#include "stem.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#ifdef KARTTA_HAVE_STEMMER
#include <libstemmer.h>

struct stem {
	struct sb_stemmer *sb;  /* owned */
};

struct stem *
stem_new(enum lang lang)
{
	static const char *const algorithms[LANG_COUNT] = { "finnish",
		"swedish", "english" };
	struct sb_stemmer *sb = sb_stemmer_new(algorithms[lang], "UTF_8");
	struct stem *s;

	if (sb == NULL)
		return NULL;
	s = xcalloc(1, sizeof(*s));
	s->sb = sb;
	return s;
}

void
stem_free(struct stem *s)
{
	if (s == NULL)
		return;
	sb_stemmer_delete(s->sb);
	free(s);
}

char *
stem_word(struct stem *s, const char *word)
{
	const sb_symbol *out = sb_stemmer_stem(s->sb,
	    (const sb_symbol *)word, (int)strlen(word));

	/* NULL only when libstemmer is out of memory. */
	if (out == NULL)
		fatal_oom();
	return xstrndup((const char *)out, (size_t)sb_stemmer_length(s->sb));
}

#else /* !KARTTA_HAVE_STEMMER */

struct stem *
stem_new(enum lang lang)
{
	(void)lang;
	return NULL;
}

void
stem_free(struct stem *s)
{
	(void)s;
}

char *
stem_word(struct stem *s, const char *word)
{
	(void)s;
	return xstrdup(word);
}

#endif
