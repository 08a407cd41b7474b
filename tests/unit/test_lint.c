/*
 * Unit tests of the anonymisation lint.  Every scan runs over a copy of
 * the text without its NUL, so that ASan reports any read past len.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lint.h"

#define MAX_FOUND 16

struct found {
	size_t n;                          /* matches reported */
	struct lint_match m[MAX_FOUND];    /* the first MAX_FOUND of them */
};

/* A text and the one match expected in it. */
struct hit {
	const char *text;    /* scanned */
	enum lint_kind kind; /* expected kind */
	const char *what;    /* the matched part; occurs once in text */
};

static const char *const kind_names[] = {
	"HETU", "EMAIL", "PHONE", "DATE", "AGE",
};

static void
collect(const struct lint_match *m, void *arg)
{
	struct found *f = arg;

	if (f->n < MAX_FOUND)
		f->m[f->n] = *m;
	f->n++;
}

/* LINT_PATH while a test of the client path rules runs. */
static unsigned scan_flags;

/* Scans the first len bytes of text from an exactly sized copy. */
static size_t
scan_len(const char *text, size_t len, struct found *f)
{
	char *copy = malloc(len ? len : 1);
	size_t r;

	assert_non_null(copy);
	memcpy(copy, text, len);
	memset(f, 0, sizeof(*f));
	r = lint_scan_opts(copy, len, scan_flags, collect, f);
	free(copy);
	assert_int_equal(r, f->n);
	return r;
}

static size_t
scan(const char *text, struct found *f)
{
	return scan_len(text, strlen(text), f);
}

/* Prints what a scan found, for a failing case. */
static void
dump(const char *text, const struct found *f)
{
	size_t k;

	print_error("in \"%s\" found %zu:\n", text, f->n);
	for (k = 0; k < f->n && k < MAX_FOUND; k++)
		print_error("  %s at %zu, len %zu: \"%.*s\"\n",
		    kind_names[f->m[k].kind], f->m[k].offset, f->m[k].len,
		    (int)f->m[k].len, text + f->m[k].offset);
}

/* Asserts that text holds exactly one match: of kind, spanning what. */
static void
expect_one(const char *text, enum lint_kind kind, const char *what)
{
	const char *p = strstr(text, what);
	struct found f;

	if (p == NULL)
		fail_msg("test bug: \"%s\" is not in \"%s\"", what, text);
	scan(text, &f);
	if (f.n != 1 || f.m[0].kind != kind ||
	    f.m[0].offset != (size_t)(p - text) ||
	    f.m[0].len != strlen(what)) {
		dump(text, &f);
		fail_msg("expected one %s at %zu, len %zu: \"%s\"",
		    kind_names[kind], (size_t)(p - text), strlen(what), what);
	}
}

static void
expect_hits(const struct hit *h, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		expect_one(h[k].text, h[k].kind, h[k].what);
}

static void
expect_none(const char *const *texts, size_t n)
{
	struct found f;
	size_t k;

	for (k = 0; k < n; k++) {
		if (scan(texts[k], &f) != 0) {
			dump(texts[k], &f);
			fail_msg("expected no match in \"%s\"", texts[k]);
		}
	}
}

#define EXPECT_HITS(a) expect_hits((a), sizeof(a) / sizeof((a)[0]))
#define EXPECT_NONE(a) expect_none((a), sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------------ */

/* Check characters computed independently (Python, DDMMYYNNN % 31). */
static void
test_hetu_valid(void **state)
{
	static const char *const good[] = {
		"131052-308T", /* the well-known example */
		"010594Y017F", "311299X1236", "150365W456K", "290296V789J",
		"070770U902A", "010100A002H", "150510B345D", "311219C654N",
		"010121D111E", "280222E222H", "050523F333X", "291100+999T",
		"101085+500K",
		"290200A1239", /* 29.2.2000: a leap year */
		"290204A444N", /* 29.2.2004 */
		"010101A123N",
		"020202-234Y",
		"131052a308t", /* lower case accepted */
	};
	static const char signs[] = "+-YXWVUABCDEF";
	static const char *const bad[] = {
		"131052-308U", /* wrong check character */
		"131052-308S",
		"131052-3081",
		"290200-1239", /* 29.2.1900: not a leap year */
		"300290-1235", /* 30 February */
		"320190-1239", /* day 32 */
		"011390-1239", /* month 13 */
		"001090-1239", /* day 0 */
		"131052-000V", /* individual number 000 */
		"131052-001W", /* individual number 001 */
		"131052G308T", /* no such century sign */
		"131052Z308T",
		"131052*308T",
		"131052 308T",
		"13105-2308T",
		"131052-30AT",
		"1310523308T",
		"131052-308G", /* G is not a check character */
	};
	char code[12];
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(good) / sizeof(good[0]); k++)
		if (!lint_hetu_valid(good[k], 11))
			fail_msg("%s should be valid", good[k]);
	for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
		if (lint_hetu_valid(bad[k], 11))
			fail_msg("%s should be invalid", bad[k]);
	/* 13.10.x52 exists in every century; the check ignores the sign */
	for (k = 0; signs[k] != '\0'; k++) {
		snprintf(code, sizeof(code), "131052%c308T", signs[k]);
		if (!lint_hetu_valid(code, 11))
			fail_msg("%s should be valid", code);
		code[10] = 'U';
		if (lint_hetu_valid(code, 11))
			fail_msg("%s should be invalid", code);
	}
	/* exactly eleven bytes */
	assert_false(lint_hetu_valid("131052-308T", 10));
	assert_false(lint_hetu_valid("131052-308TX", 12));
	assert_false(lint_hetu_valid("", 0));
}

static void
test_hetu_scan(void **state)
{
	static const struct hit hits[] = {
		{ "131052-308T", LINT_HETU, "131052-308T" },
		{ "Asiakkaan hetu on 131052-308T, ks. liite.", LINT_HETU,
		    "131052-308T" },
		{ "Henkilötunnus: 010594Y017F.", LINT_HETU, "010594Y017F" },
		{ "(050523F333X)", LINT_HETU, "050523F333X" },
		{ "ID-291100+999T", LINT_HETU, "291100+999T" },
		{ "hetu 131052-308t", LINT_HETU, "131052-308t" },
		{ "äiti 311219C654N ö", LINT_HETU, "311219C654N" },
		{ "2-131052-308T", LINT_HETU, "131052-308T" },
		{ "1.3.–131052-308T", LINT_HETU, "131052-308T" },
		/* glued to letters: the check character rules out chance */
		{ "X131052-308T", LINT_HETU, "131052-308T" },
		{ "131052-308TX", LINT_HETU, "131052-308T" },
		{ "ä131052-308T", LINT_HETU, "131052-308T" },
		{ "131052-308Tä", LINT_HETU, "131052-308T" },
		{ "hetu131052-308Tkirjattiin", LINT_HETU, "131052-308T" },
	};
	static const char *const none[] = {
		"131052-308U", /* wrong check character */
		"hetu 300290-1235", /* no such date */
		"1131052-308T", /* inside longer numbers */
		"131052-308T5",
		"x1131052-308T",
		"1.131052-308T",
		"131052-308T.5",
	};

	(void)state;
	EXPECT_HITS(hits);
	EXPECT_NONE(none);
}

static void
test_email(void **state)
{
	static const struct hit hits[] = {
		{ "Lähetä osoitteeseen matti.meikalainen@example.fi.",
		    LINT_EMAIL, "matti.meikalainen@example.fi" },
		{ "foo@bar.fi", LINT_EMAIL, "foo@bar.fi" },
		{ "<a.b+c_d%e-f@sub.example.co.uk>", LINT_EMAIL,
		    "a.b+c_d%e-f@sub.example.co.uk" },
		{ "mailto:foo@bar.fi", LINT_EMAIL, "foo@bar.fi" },
		{ "-foo@bar.fi", LINT_EMAIL, "foo@bar.fi" },
		{ "käyttäjä.nimi@hyvä-esimerkki.fi", LINT_EMAIL,
		    "käyttäjä.nimi@hyvä-esimerkki.fi" },
		{ "Kirjoita nimi(at)example.fi", LINT_EMAIL,
		    "nimi(at)example.fi" },
		{ "Kirjoita nimi [at] example.fi", LINT_EMAIL,
		    "nimi [at] example.fi" },
		{ "nimi (AT) example (dot) fi tai", LINT_EMAIL,
		    "nimi (AT) example (dot) fi" },
		{ "nimi(ät)example[piste]fi", LINT_EMAIL,
		    "nimi(ät)example[piste]fi" },
		{ "nimi{a}example.fi", LINT_EMAIL, "nimi{a}example.fi" },
		{ "x@a.fi.123", LINT_EMAIL, "x@a.fi" },
		{ "Osoite: 123@example.com!", LINT_EMAIL, "123@example.com" },
		{ "Posti nimi at example dot fi, kiitos", LINT_EMAIL,
		    "nimi at example dot fi" },
		{ "nimi AT sub dot example dot fi", LINT_EMAIL,
		    "nimi AT sub dot example dot fi" },
		{ "nimi at example piste fi", LINT_EMAIL,
		    "nimi at example piste fi" },
	};
	static const char *const none[] = {
		"@kartta",
		"foo@bar",
		"foo@bar.1",
		"foo@bar.f",
		"foo@-bar.fi",
		"foo@bar-.fi",
		"foo.@bar.fi",
		"foo@ bar.fi",
		"foo@.fi",
		"look at example.com",
		"look at example",
		"meet at noon dot",
		"nimi at example dot 12",
		"nimi (at example.fi",
		"nimi (x) example.fi",
		"a@b@c",
	};

	(void)state;
	EXPECT_HITS(hits);
	EXPECT_NONE(none);
}

static void
test_phone(void **state)
{
	static const struct hit hits[] = {
		{ "Soita +358 40 123 4567 arkisin.", LINT_PHONE,
		    "+358 40 123 4567" },
		{ "+358401234567", LINT_PHONE, "+358401234567" },
		{ "puh. 040 123 4567", LINT_PHONE, "040 123 4567" },
		{ "040-1234567", LINT_PHONE, "040-1234567" },
		{ "(09) 123 4567", LINT_PHONE, "(09) 123 4567" },
		{ "(09)1234567", LINT_PHONE, "(09)1234567" },
		{ "09 1234 5678", LINT_PHONE, "09 1234 5678" },
		{ "0400 123 456", LINT_PHONE, "0400 123 456" },
		{ "00358 40 123 4567", LINT_PHONE, "00358 40 123 4567" },
		{ "+358 (0)40 123 4567", LINT_PHONE, "+358 (0)40 123 4567" },
		{ "+358 9 1234 5678", LINT_PHONE, "+358 9 1234 5678" },
		{ "+46 8 123 456 78", LINT_PHONE, "+46 8 123 456 78" },
		{ "0401234567", LINT_PHONE, "0401234567" },
		{ "tel:0401234567", LINT_PHONE, "0401234567" },
		{ "(040 123 4567)", LINT_PHONE, "040 123 4567" },
		{ "p. 040\xc2\xa0" "123\xc2\xa0" "4567.", LINT_PHONE,
		    "040\xc2\xa0" "123\xc2\xa0" "4567" },
		{ "0800 12345 – maksuton", LINT_PHONE, "0800 12345" },
		{ "Äiti: 050 987 6543", LINT_PHONE, "050 987 6543" },
		{ "0401234567 123", LINT_PHONE, "0401234567" },
		{ "Soita 040.123.4567 heti.", LINT_PHONE, "040.123.4567" },
		{ "09.1234.5678", LINT_PHONE, "09.1234.5678" },
	};
	static const char *const none[] = {
		"25-35",
		"2-4 viikkoa",
		"3-6 kk",
		"0-2 viikkoa",
		"vuonna 2024",
		"10-20 %",
		"klo 09:00-16:00",
		"0,5 %",
		"00100 Helsinki",
		"Y-tunnus 0123456-7",
		"010203-1234",
		"FI49 0000 1234 5600 0007 85",
		"0 1 2 3 4 5 6",
		"+1 2 3 4 5 6 7",
		"1234567890123456789",
		"0123456789012345678",
		"+3584012345678901234",
		"040 123 4567890123456",
		"12 345 678",
		"p. 040 12",
		"040 123 4567.5",
		"040 123 4567a",
		"a040 123 4567",
		"1.040 123 4567",
		"(0912) 3",
		"(9) 123 4567",
		"05/2024",
		"040.123 4567", /* stops and spaces are not mixed */
		"0.1.2",
		"1.040.123.4567",
	};

	(void)state;
	EXPECT_HITS(hits);
	EXPECT_NONE(none);
}

static void
test_date(void **state)
{
	static const struct hit hits[] = {
		{ "2024-03-01", LINT_DATE, "2024-03-01" },
		{ "Tapaaminen 1.3.2024 klo 10.", LINT_DATE, "1.3.2024" },
		{ "01.03.2024", LINT_DATE, "01.03.2024" },
		{ "syntynyt 1.3.24.", LINT_DATE, "1.3.24" },
		{ "1. 3. 2024", LINT_DATE, "1. 3. 2024" },
		{ "3/1/2024", LINT_DATE, "3/1/2024" },
		{ "13/1/2024", LINT_DATE, "13/1/2024" },
		{ "1/13/2024", LINT_DATE, "1/13/2024" },
		{ "2024/03/01", LINT_DATE, "2024/03/01" },
		{ "2024.3.1", LINT_DATE, "2024.3.1" },
		{ "1-3-2024", LINT_DATE, "1-3-2024" },
		{ "29.2.2024", LINT_DATE, "29.2.2024" },
		{ "29.2.23", LINT_DATE, "29.2.23" },
		{ "31.12.1999", LINT_DATE, "31.12.1999" },
		{ "at 2024-03-01T10:00", LINT_DATE, "2024-03-01" },
		{ "Päätös tehtiin 1. maaliskuuta 2024.", LINT_DATE,
		    "1. maaliskuuta 2024" },
		{ "5. kesäkuuta alkaen", LINT_DATE, "5. kesäkuuta" },
		{ "31. Joulukuuta", LINT_DATE, "31. Joulukuuta" },
		{ "29. helmikuuta 2024", LINT_DATE, "29. helmikuuta 2024" },
		{ "1 maaliskuuta", LINT_DATE, "1 maaliskuuta" },
		{ "on 1 March 2024.", LINT_DATE, "1 March 2024" },
		{ "March 1, 2024", LINT_DATE, "March 1, 2024" },
		{ "Mar. 1st 2024", LINT_DATE, "Mar. 1st 2024" },
		{ "1st Mar. 2024", LINT_DATE, "1st Mar. 2024" },
		{ "den 1 mars 2024", LINT_DATE, "1 mars 2024" },
		{ "1:a maj 2024", LINT_DATE, "1:a maj 2024" },
		{ "ä 1.3.2024 ö", LINT_DATE, "1.3.2024" },
		{ "(2024-03-01)", LINT_DATE, "2024-03-01" },
	};
	static const char *const none[] = {
		"versio 1.2.3",
		"2.4.2",
		"versio 1.2.24.1",
		"v1.2.2024",
		"32.1.2024",
		"1.13.2024",
		"29.2.2023",
		"31.4.2024",
		"0.3.2024",
		"2024-13-01",
		"2024-02-30",
		"2024-00-10",
		"3024-01-01",
		"1.3.3024",
		"1.3.",
		"alkaen 1.3. klo 9",
		"1 March",
		"10.30",
		"klo 10.30-12.00",
		"1-3-24",
		"5.000.000",
		"12.5 %",
		"1.3.202",
		"1.3.2024x",
		"32. maaliskuuta",
		"30. helmikuuta",
		"29. helmikuuta 2023",
		"1 March 24",
		"March 32, 2024",
		"Marching 1, 2024",
		"13/13/2024",
		"1. 3. 24",
		"20240301",
	};

	(void)state;
	EXPECT_HITS(hits);
	EXPECT_NONE(none);
}

static void
test_age(void **state)
{
	static const struct hit hits[] = {
		{ "Matti, 42 v, asuu yksin.", LINT_AGE, "42 v" },
		{ "Matti, 42 v. asuu yksin.", LINT_AGE, "42 v." },
		{ "Matti 42v", LINT_AGE, "42v" },
		{ "42-vuotias", LINT_AGE, "42-vuotias" },
		{ "Hän oli 42-vuotiaana työtön.", LINT_AGE, "42-vuotiaana" },
		{ "42-vuotiaalla", LINT_AGE, "42-vuotiaalla" },
		{ "18-vuotiaat nuoret", LINT_AGE, "18-vuotiaat" },
		{ "42 vuotiaat", LINT_AGE, "42 vuotiaat" },
		{ "42\xe2\x80\x91vuotias", LINT_AGE, "42\xe2\x80\x91vuotias" },
		{ "42\xc2\xa0v", LINT_AGE, "42\xc2\xa0v" },
		{ "Hän on 42 vuotta vanha.", LINT_AGE, "42 vuotta vanha" },
		{ "42 vuoden iässä", LINT_AGE, "42 vuoden iässä" },
		{ "42 vuoden ikäinen", LINT_AGE, "42 vuoden ikäinen" },
		{ "ikä 42", LINT_AGE, "ikä 42" },
		{ "Ikä: 42.", LINT_AGE, "Ikä: 42" },
		{ "IKÄ 42 v", LINT_AGE, "IKÄ 42 v" },
		{ "iältään 42 vuotta", LINT_AGE, "iältään 42 vuotta" },
		{ "Anna, 42 år, bor i Åbo.", LINT_AGE, "42 år" },
		{ "42-årig", LINT_AGE, "42-årig" },
		{ "en 42-åriga kvinna", LINT_AGE, "42-åriga" },
		{ "en 42-åring", LINT_AGE, "42-åring" },
		{ "42 år gammal", LINT_AGE, "42 år gammal" },
		{ "vid 42 års ålder", LINT_AGE, "42 års ålder" },
		{ "Ålder 42", LINT_AGE, "Ålder 42" },
		{ "aged 42", LINT_AGE, "aged 42" },
		{ "She is 42 years old.", LINT_AGE, "42 years old" },
		{ "a 42-year-old man", LINT_AGE, "42-year-old" },
		{ "42 y/o", LINT_AGE, "42 y/o" },
		{ "42yo", LINT_AGE, "42yo" },
		{ "Hän on 42 -vuotias.", LINT_AGE, "42 -vuotias" },
		{ "– 42-vuotias", LINT_AGE, "42-vuotias" },
		{ "0-vuotias", LINT_AGE, "0-vuotias" },
		{ "130-vuotias", LINT_AGE, "130-vuotias" },
		{ "Matti (42 v)", LINT_AGE, "42 v" },
	};
	static const char *const none[] = {
		"25-35-vuotias",
		"25–35-vuotiaat",
		"25 – 35-vuotiaat",
		"25 - 35 v",
		"25–35 v",
		"yli 60-vuotiaat",
		"Yli 60-vuotiaat",
		"alle 30 v",
		"noin 40-vuotias",
		"n. 40 v",
		"ca. 40 år",
		"över 60 år",
		"over 60 years old",
		"under 30 years old",
		"about 40 years old",
		"25 ja 35 vuoden iässä",
		"from 25 to 35 years old",
		"2-4 viikkoa",
		"3 vuotta",
		"3 vuotta sitten",
		"42 vuotta", /* a duration, except in a client path */
		"kesto 2 v",
		"Kuntoutus kestää 2 v. ja arvio tehdään 3 v välein.",
		"2 v sitten",
		"joka 3 v.",
		"42 vko",
		"42 vrk",
		"12 V",
		"3 v:n ajan",
		"42 vähintään",
		"i 3 år",
		"för 3 år sedan",
		"3 år senare",
		"3 års erfarenhet",
		"ikä 25-35",
		"ikä 25 – 35",
		"ikä: yli 60",
		"ikä 60+",
		"ikä noin 42",
		"age 25 to 35",
		"aged 42.5",
		"131-vuotias",
		"1234-vuotias",
		"42 years",
		"vuonna 2024",
		"v. 2024",
		"40-luvulla",
		"ä42 v",
		"2,5 v",
		"x42-vuotias",
		"42 v2",
		"ikäraja 18",
	};

	(void)state;
	EXPECT_HITS(hits);
	EXPECT_NONE(none);
}

/*
 * The rules only client paths have (LINT_PATH): a day and month, a
 * month and year, "N vuotta" from 15 up; durations are still none.
 */
static void
test_path_rules(void **state)
{
	static const struct hit hits[] = {
		{ "Tapaaminen 1.3. klo 10.", LINT_DATE, "1.3." },
		{ "31.12.", LINT_DATE, "31.12." },
		{ "Aloitti maaliskuussa 2024 kuntoutuksen.", LINT_DATE,
		    "maaliskuussa 2024" },
		{ "kesäkuun 2023 lopussa", LINT_DATE, "kesäkuun 2023" },
		{ "i mars 2024", LINT_DATE, "mars 2024" },
		{ "in March 2024", LINT_DATE, "March 2024" },
		{ "Matti on 42 vuotta.", LINT_AGE, "42 vuotta" },
		{ "Matti, 15 vuotta", LINT_AGE, "15 vuotta" },
		{ "Hän on 42 -vuotias.", LINT_AGE, "42 -vuotias" },
		{ "hetu131052-308T", LINT_HETU, "131052-308T" },
		{ "040.123.4567", LINT_PHONE, "040.123.4567" },
		{ "nimi at example dot fi", LINT_EMAIL,
		    "nimi at example dot fi" },
	};
	static const char *const none[] = {
		"1.3", /* a decimal */
		"1.3.5", /* a version */
		"kohta 1.3.5.",
		"32.1.",
		"1.13.",
		"maaliskuussa",
		"maaliskuussa 24",
		"3 vuotta",
		"14 vuotta",
		"2 vuotta sitten",
		"kesti 20 vuotta",
		"20 vuotta työttömänä",
		"Kuntoutus kestää 2 v. ja arvio tehdään 3 v välein.",
	};

	(void)state;
	scan_flags = LINT_PATH;
	EXPECT_HITS(hits);
	EXPECT_NONE(none);
	/* and none of these is taken outside a path */
	scan_flags = 0;
	EXPECT_NONE(((const char *const[]){ "Tapaaminen 1.3. klo 10.",
	    "maaliskuussa 2024", "mars 2024", "Matti on 42 vuotta." }));
}

/* Several matches in one text, in order, none overlapping. */
static void
test_several(void **state)
{
	static const char text[] =
	    "Matti (42 v), puh. 040 123 4567, matti@example.fi, "
	    "syntynyt 13.10.1952, hetu 131052-308T.";
	static const struct {
		enum lint_kind kind;
		const char *what;
	} want[] = {
		{ LINT_AGE, "42 v" },
		{ LINT_PHONE, "040 123 4567" },
		{ LINT_EMAIL, "matti@example.fi" },
		{ LINT_DATE, "13.10.1952" },
		{ LINT_HETU, "131052-308T" },
	};
	struct found f;
	size_t k;

	(void)state;
	assert_int_equal(scan(text, &f), 5);
	for (k = 0; k < 5; k++) {
		assert_int_equal(f.m[k].kind, want[k].kind);
		assert_int_equal(f.m[k].offset,
		    (size_t)(strstr(text, want[k].what) - text));
		assert_int_equal(f.m[k].len, strlen(want[k].what));
	}
}

/* Matches right next to each other are all found. */
static void
test_adjacent(void **state)
{
	struct found f;

	(void)state;
	/* a date range with an en dash, then with a hyphen */
	assert_int_equal(scan("1.3.2024–5.3.2024", &f), 2);
	assert_int_equal(f.m[0].kind, LINT_DATE);
	assert_int_equal(f.m[0].offset, 0);
	assert_int_equal(f.m[0].len, 8);
	assert_int_equal(f.m[1].kind, LINT_DATE);
	assert_int_equal(f.m[1].offset, 11);
	assert_int_equal(f.m[1].len, 8);

	assert_int_equal(scan("1.3.2024-5.3.2024", &f), 2);
	assert_int_equal(f.m[1].offset, 9);
	assert_int_equal(f.m[1].len, 8);

	/* an e-mail address, a comma, a hetu */
	assert_int_equal(scan("foo@bar.fi,131052-308T", &f), 2);
	assert_int_equal(f.m[0].kind, LINT_EMAIL);
	assert_int_equal(f.m[0].len, 10);
	assert_int_equal(f.m[1].kind, LINT_HETU);
	assert_int_equal(f.m[1].offset, 11);

	/* a hetu inside an e-mail address is part of the address */
	assert_int_equal(scan("131052-308T@example.fi", &f), 1);
	assert_int_equal(f.m[0].kind, LINT_EMAIL);
	assert_int_equal(f.m[0].len, 22);

	/* an age lead taking its unit along: one match, not two */
	assert_int_equal(scan("ikä 42-vuotias", &f), 1);
	assert_int_equal(f.m[0].kind, LINT_AGE);
	assert_int_equal(f.m[0].offset, 0);
	assert_int_equal(f.m[0].len, strlen("ikä 42-vuotias"));

	/* two phones separated by a slash and spaces */
	assert_int_equal(scan("040 123 4567 / 050 765 4321", &f), 2);
	assert_int_equal(f.m[0].kind, LINT_PHONE);
	assert_int_equal(f.m[0].len, 12);
	assert_int_equal(f.m[1].kind, LINT_PHONE);
	assert_int_equal(f.m[1].offset, 15);
	assert_int_equal(f.m[1].len, 12);
}

static void
test_empty_and_plain(void **state)
{
	static const char *const none[] = {
		"",
		" ",
		"äöå ÄÖÅ – — … “” «»",
		"Asiakas ohjataan TYP:iin ja kuntoutukseen.",
		"Polku kestää 2–4 viikkoa, ikä 25–35.",
		"\xff\xfe\xc3",
	};
	struct found f;

	(void)state;
	EXPECT_NONE(none);
	assert_int_equal(lint_scan("", 0, collect, &f), 0);
	/* without a callback the matches are only counted */
	assert_int_equal(lint_scan("42 v ja 43 v", 12, NULL, NULL), 2);
}

/* Nothing at or past len is read or matched. */
static void
test_len_respected(void **state)
{
	struct found f;

	(void)state;
	assert_int_equal(scan_len("131052-308T", 10, &f), 0);
	assert_int_equal(scan_len("131052-308T", 11, &f), 1);
	assert_int_equal(scan_len("foo@bar.fi", 8, &f), 0);
	assert_int_equal(scan_len("foo@bar.fi", 9, &f), 0);
	/* a shorter text may match as something shorter */
	assert_int_equal(scan_len("1.3.2024", 6, &f), 1);
	assert_int_equal(f.m[0].kind, LINT_DATE);
	assert_int_equal(f.m[0].len, 6);
	assert_int_equal(scan_len("1.3.2024", 5, &f), 0);
	/* "42 vä" cut inside the ä: the v is not a word of its own */
	assert_int_equal(scan_len("42 v\xc3\xa4", 5, &f), 0);
	assert_int_equal(scan_len("42 v\xc3\xa4", 4, &f), 1);
	assert_int_equal(f.m[0].len, 4);
	assert_int_equal(scan_len("ikä 42", 3, &f), 0);
	assert_int_equal(scan_len("+358 40 123 4567", 13, &f), 1);
	assert_int_equal(f.m[0].len, 13);
	assert_int_equal(scan_len("+358 40 123 4567", 11, &f), 1);
	assert_int_equal(f.m[0].len, 11);
}

/* Digits inside longer numbers are never sliced into a match. */
static void
test_no_slicing(void **state)
{
	static const char *const none[] = {
		"1234567890123456789",
		"12345678901234567890123456789012345678901234567890",
		"00000000000000000000",
		"1131052-308T",
		"9131052-308T9",
		"12024-03-01",
		"2024-03-011",
		"111.3.2024",
		"1.3.20245",
		"142-vuotias",
		"1042 v",
		"3.42 v",
		"12345-vuotias",
		"ISBN 978-0-123456-78-9",
		"1-0401234567",
	};

	(void)state;
	EXPECT_NONE(none);
}

/* Long repetitive input scans in linear time and stays in bounds. */
static void
test_pathological(void **state)
{
	static const char *const units[] = {
		"a.", "1.", "0 ", "@", "a@b.", "1-", "(0", "+0 ", "ä", "42 ",
		"x@y", "-", "yli ",
	};
	size_t k, j, n = 200000, ulen;
	char *buf = malloc(n);
	struct found f;

	(void)state;
	assert_non_null(buf);
	for (k = 0; k < sizeof(units) / sizeof(units[0]); k++) {
		ulen = strlen(units[k]);
		for (j = 0; j < n; j++)
			buf[j] = units[k][j % ulen];
		memset(&f, 0, sizeof(f));
		if (lint_scan(buf, n, collect, &f) != 0) {
			free(buf);
			fail_msg("unit \"%s\" matched", units[k]);
		}
	}
	free(buf);
}

static void
test_mask(void **state)
{
	static const struct {
		const char *match;
		const char *mask;
	} cases[] = {
		{ "131052-308T", "13\xe2\x80\xa6" },
		{ "+358 40 123 4567", "+358\xe2\x80\xa6" },
		{ "040 123 4567", "040\xe2\x80\xa6" },
		{ "matti.meikalainen@example.fi", "matt\xe2\x80\xa6" },
		{ "foo@bar.fi", "fo\xe2\x80\xa6" },
		{ "1.3.2024", "1.\xe2\x80\xa6" },
		{ "2024-03-01", "20\xe2\x80\xa6" },
		{ "42-vuotias", "\xe2\x80\xa6" },
		{ "42 v", "\xe2\x80\xa6" },
		{ "ikä 42", "i\xe2\x80\xa6" },
		{ "äiti@x.fi", "\xc3\xa4\xe2\x80\xa6" },
		{ "aääää", "a\xe2\x80\xa6" },
		{ "", "\xe2\x80\xa6" },
	};
	size_t k;
	char *m;

	(void)state;
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		m = lint_mask(cases[k].match, strlen(cases[k].match));
		if (strcmp(m, cases[k].mask) != 0) {
			print_error("mask of \"%s\" is \"%s\"\n",
			    cases[k].match, m);
			free(m);
			fail_msg("expected \"%s\"", cases[k].mask);
		}
		free(m);
	}
}

/* Over every match of the scan tests: the mask never shows it whole. */
static void
test_mask_never_echoes(void **state)
{
	static const char *const texts[] = {
		"131052-308T", "050523F333X", "foo@bar.fi", "a@b.fi",
		"nimi(at)example.fi", "+358401234567", "040 123 4567",
		"(09) 123 4567", "2024-03-01", "1.3.24", "1 maaliskuuta",
		"March 1, 2024", "42 v", "42v", "0 v", "ikä 42", "42 år",
		"42-vuotias", "42yo",
	};
	struct found f;
	char *m, *match;
	size_t k, len;

	(void)state;
	for (k = 0; k < sizeof(texts) / sizeof(texts[0]); k++) {
		len = strlen(texts[k]);
		if (scan(texts[k], &f) != 1 || f.m[0].len != len)
			fail_msg("\"%s\" should match whole", texts[k]);
		match = malloc(len);
		assert_non_null(match);
		memcpy(match, texts[k], len);
		m = lint_mask(match, len);
		free(match);
		if (strstr(m, texts[k]) != NULL || strlen(m) > len / 4 + 3 ||
		    strcmp(m + strlen(m) - 3, "\xe2\x80\xa6") != 0) {
			print_error("mask of \"%s\" is \"%s\"\n", texts[k], m);
			free(m);
			fail_msg("bad mask for \"%s\"", texts[k]);
		}
		free(m);
	}
}

static void
test_age_band_valid(void **state)
{
	static const char *const good[] = {
		"25-35", "25–35", "25—35", "25 - 35", "25 – 35", "45-55",
		"0-1", "18-130", "yli 60", "Yli 60", "alle 30", "over 60",
		"under 30", "över 60", "Över 60", "30+", "60+",
		"yli\xc2\xa0" "60",
	};
	static const char *const bad[] = {
		"42", "", "35-25", "30-30", "25-", "-35", "25--35", "25-35-45",
		"25-35 v", " 25-35", "25-35 ", "yli60", "yli 60-vuotiaat",
		"yli", "noin 40", "30++", "+30", "131+", "25-131", "1000-2000",
		"kolmekymppinen", "25 35", "yli 25-35", "25-35a", "x",
		"25 -  35", "ylin 60",
	};
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(good) / sizeof(good[0]); k++)
		if (!lint_age_band_valid(good[k]))
			fail_msg("\"%s\" should be a band", good[k]);
	for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
		if (lint_age_band_valid(bad[k]))
			fail_msg("\"%s\" should not be a band", bad[k]);
}

static void
test_describe(void **state)
{
	(void)state;
	assert_string_equal(lint_kind_describe(LINT_HETU),
	    "a personal identity code (henkilötunnus)");
	assert_string_equal(lint_kind_describe(LINT_EMAIL),
	    "an e-mail address");
	assert_string_equal(lint_kind_describe(LINT_PHONE), "a phone number");
	assert_string_equal(lint_kind_describe(LINT_DATE), "a calendar date");
	assert_string_equal(lint_kind_describe(LINT_AGE), "an exact age");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hetu_valid),
		cmocka_unit_test(test_hetu_scan),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_path_rules),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_several),
		cmocka_unit_test(test_adjacent),
		cmocka_unit_test(test_empty_and_plain),
		cmocka_unit_test(test_len_respected),
		cmocka_unit_test(test_no_slicing),
		cmocka_unit_test(test_pathological),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_mask_never_echoes),
		cmocka_unit_test(test_age_band_valid),
		cmocka_unit_test(test_describe),
	};

	return cmocka_run_group_tests_name("lint", tests, NULL, NULL);
}
