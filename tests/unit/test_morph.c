/*
 * Unit tests of the search's word forms (morph.c, stem.c): Voikko's base
 * forms and compound parts for Finnish, Snowball stems for Swedish and
 * English and for Finnish without Voikko.  A case whose library is not
 * in this build, or whose Finnish dictionary is not installed, is
 * skipped, and says so.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "morph.h"

/* Whether the space-separated list s (of len bytes) holds word. */
static int
has_term(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	const char *p = s, *end = s + len;

	while (p < end) {
		const char *sp = memchr(p, ' ', (size_t)(end - p));
		size_t k = sp ? (size_t)(sp - p) : (size_t)(end - p);

		if (k == n && memcmp(p, word, n) == 0)
			return 1;
		p += k + 1;
	}
	return 0;
}

/* Asserts word's base forms (before "|") hold base, or its parts (after
 * it) hold part, whichever is given. */
static void
expect(struct morph *m, const char *word, const char *base, const char *part)
{
	const char *t = morph_terms(m, word), *bar = strchr(t, '|');
	size_t blen = bar ? (size_t)(bar - t) : strlen(t);

	if (base != NULL && !has_term(t, blen, base))
		fail_msg("%s: no base form %s in \"%s\"", word, base, t);
	if (part != NULL && (bar == NULL || !has_term(bar + 1, strlen(bar + 1),
	    part)))
		fail_msg("%s: no part %s in \"%s\"", word, part, t);
}

static struct morph *
finnish_voikko(void)
{
	struct morph *m;

	unsetenv("KARTTA_NO_VOIKKO");
	m = morph_new(LANG_FI);
	if (morph_engine(m) != MORPH_VOIKKO) {
		morph_free(m);
		return NULL;
	}
	return m;
}

static void
test_voikko_forms(void **state)
{
	struct morph *m = finnish_voikko();

	(void)state;
	if (m == NULL) {
		print_message("skipped: no Voikko or no Finnish dictionary "
		    "in this build\n");
		skip();
	}
	/* Consonant gradation back to the base form. */
	expect(m, "työttömien", "työtön", NULL);
	expect(m, "kuntoutukseen", "kuntoutus", NULL);
	expect(m, "eläkkeelle", "eläke", NULL);
	/* Compounds: the base form, the parts and their runs. */
	expect(m, "mielenterveyspalvelut", "mielenterveyspalvelu", "mielen");
	expect(m, "mielenterveyspalvelut", NULL, "terveys");
	expect(m, "mielenterveyspalvelut", NULL, "palvelu");
	expect(m, "mielenterveyspalvelut", NULL, "mielenterveys");
	expect(m, "mielenterveyspalvelut", NULL, "terveyspalvelu");
	expect(m, "työkyvyn", "työkyky", "kyky");
	expect(m, "työkyvyttömyyseläkkeellä", "työkyvyttömyyseläke", "eläke");
	/* A hyphen belongs to no part. */
	expect(m, "sote-keskukseen", "sote-keskus", "keskus");
	expect(m, "sote-keskukseen", NULL, "sote");
	/* Never the word itself, nothing twice; numbers are left alone. */
	assert_false(has_term(morph_terms(m, "kela"), strlen(morph_terms(m,
	    "kela")), "kela"));
	assert_string_equal(morph_terms(m, "2024"), "");
	assert_string_equal(morph_terms(m, "työkokeilu"), "|työ kokeilu");
	/* Each word is analysed once: the same string comes back. */
	assert_ptr_equal(morph_terms(m, "työttömien"),
	    morph_terms(m, "työttömien"));
	assert_string_equal(morph_engine_name(morph_engine(m)), "voikko");
	morph_free(m);
}

static void
test_without_voikko(void **state)
{
	struct morph *m;
	const char *t;

	(void)state;
	setenv("KARTTA_NO_VOIKKO", "1", 1);
	m = morph_new(LANG_FI);
	unsetenv("KARTTA_NO_VOIKKO");
	assert_int_not_equal(morph_engine(m), MORPH_VOIKKO);
	t = morph_terms(m, "kuntoutukseen");
	if (morph_engine(m) == MORPH_NONE) {
		/* Without libstemmer a word has no other forms. */
		assert_string_equal(t, "");
		assert_string_equal(morph_engine_name(MORPH_NONE), "none");
	} else {
		/* A Snowball stem: a shorter start of the word, no parts. */
		assert_true(strlen(t) >= 3 && strlen(t) < strlen("kuntoutukseen"));
		assert_memory_equal(t, "kuntoutu", 8);
		assert_null(strchr(t, '|'));
	}
	morph_free(m);
}

static void
test_snowball(void **state)
{
	struct morph *sv = morph_new(LANG_SV), *en = morph_new(LANG_EN);

	(void)state;
	if (morph_engine(sv) != MORPH_SNOWBALL) {
		morph_free(sv);
		morph_free(en);
		print_message("skipped: no libstemmer in this build\n");
		skip();
	}
	expect(sv, "arbetsprövningen", "arbetsprövning", NULL);
	expect(sv, "tjänsterna", "tjänst", NULL);
	expect(en, "services", "servic", NULL);
	expect(en, "rehabilitation", "rehabilit", NULL);
	assert_string_equal(morph_terms(en, "work"), "");
	morph_free(sv);
	morph_free(en);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_voikko_forms),
		cmocka_unit_test(test_without_voikko),
		cmocka_unit_test(test_snowball),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
