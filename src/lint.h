/*
 * The anonymisation lint: finds personal data in a text so that the
 * texts of client paths can be refused (and other texts warned about).
 * Hand-written scanners, one pass over the bytes, no regular
 * expressions, no locale: every rule looks at a bounded window around
 * its start, so a scan is linear in the text and cannot backtrack.
 *
 * Texts are UTF-8 and are read strictly within their length; they need
 * no terminating NUL.  A "word character" below is an ASCII letter or
 * digit or a non-ASCII letter (approximated by Unicode block, so that ä,
 * ö, å, é are letters and the en dash, no-break space and quotes are
 * not); malformed bytes count as letters.  No match ever starts or ends
 * inside a run of word characters, and a number never starts right
 * after a digit followed by one of . , / : + or (except for dates and
 * hetus) a dash, so "25-35", "2,5" or "1.2.3" are never sliced into a
 * shorter number.
 *
 * The rules, and what they knowingly miss or over-report (those marked
 * "(paths)" apply only with LINT_PATH, to the texts of client paths):
 *
 * LINT_HETU: a henkilötunnus DDMMYYCNNNQ whose date is real (leap years
 *   included), whose individual number is 002-999 and whose check
 *   character Q is right (DDMMYYNNN mod 31 indexing
 *   "0123456789ABCDEFHJKLMNPRSTUVWXY").  Century signs: + (1800s),
 *   - Y X W V U (1900s), A B C D E F (2000s), as in the 2023 reform.
 *   Lower-case century and check letters are accepted too: a code typed
 *   carelessly is still a code.  A code with a wrong check character is
 *   not reported (it may still be reported as a phone number if it is
 *   grouped like one).  A code glued to letters ("hetu131052-308T") is
 *   reported too, as the check character rules out chance; glued to
 *   digits it is part of a longer number.  Codes written with spaces
 *   are missed.
 *
 * LINT_EMAIL: local@domain.tld: the local part is word characters and
 *   . _ % + - and starts with a word character; the domain has at least
 *   two labels of letters, digits and inner hyphens, the last one two or
 *   more ASCII letters (a trailing full stop is not part of it).  The
 *   obfuscations "(at)", "[at]", "{at}", "<at>", "(a)", "(ät)", with or
 *   without one space either side, stand for @, and "(dot)", "[dot]",
 *   "(piste)", "[piste]" for a dot.  " at " (" ät ") spelt out stands
 *   for @ when the domain spells a dot out too, " dot " or " piste "
 *   ("nimi at example dot fi"); a bare " at " before a written domain is
 *   not taken: "look at example.com" is prose.  Quoted local parts and
 *   IP-address domains are missed.
 *
 * LINT_PHONE: a number starting with +, 0 or "(0" (as "(09) 123 4567"),
 *   of digit groups joined by one space, no-break space or hyphen, or
 *   all by full stops ("040.123.4567"), 7 to 15 digits in all;
 *   "+358 (0)40 ..." is understood.  At most one group
 *   may be a single digit (so "0 1 2 3 4 5 6" is not a number), a group
 *   run that passes 15 digits is something else (an account number) and
 *   is not reported, and a first group after a lone leading 0 of more
 *   than four digits must stand alone ("0401234567" is a number,
 *   "010203-1234" and "0123456-7" are not).  Numbers not starting with
 *   + or 0 ("116 117", "1234567") are missed; durations ("2-4 viikkoa",
 *   "0-2 viikkoa"), bands, years, percentages, times ("09:00") and dates
 *   never match.  Four-digit time ranges such as "0800-1600" do match.
 *
 * LINT_DATE: numeric dates with a real day and month (29 February only
 *   in leap years when the year is given in full; four-digit years
 *   start with 1 or 2):
 *     ISO 2024-03-01 (month and day may have one digit; a time may
 *       follow as 2024-03-01T10:00), 2024.03.01 and 2024/03/01;
 *     1.3.2024, 01.03.2024, 1.3.24, 1. 3. 2024 (spaces only with a
 *       four-digit year);
 *     1-3-2024 (hyphens only with a four-digit year);
 *     3/1/2024, 1/3/24, either day/month or month/day;
 *   and written dates:
 *     Finnish "1. maaliskuuta" with or without a year after it;
 *     English and Swedish "1 March 2024", "1st Mar. 2024", "1:a mars
 *       2024", "March 1, 2024", only with a four-digit year.
 *   (paths) Also a day and month "1.3." (two stops: not "1.3", "1.3.5")
 *   and a month and year: "maaliskuussa 2024" (a Finnish month in any
 *   case form), "mars 2024", "March 2024".  Elsewhere they are missed,
 *   as "1.3." is also how sections are numbered and a guide may well
 *   date a law; "1 March" is missed everywhere.  "d.m.yy" cannot be
 *   told from a three-part version number: "1.2.24" is reported, while
 *   "1.2.3" or "2.4.2" (one-digit last part) and "1.2.24.1" are not.
 *
 * LINT_AGE: an age of 0-130 written as a number with a unit or lead:
 *     42 v, 42 v., 42v (lower-case v standing alone, not "42 vko",
 *       "42 V" nor "3 v:n"), 42-vuotias and every form of vuotias
 *       (-vuotiaana, -vuotiaalla, -vuotiaat), 42 vuotta vanha, 42 vuoden
 *       ikäinen / iässä, 42-årig(a), 42-åring, 42 år gammal, 42 års
 *       ålder, 42 years old, 42-year-old, 42 y/o, 42yo;
 *     ikä 42, ikä: 42, iältään 42, age 42, aged 42, ålder 42 (the unit
 *       after the number, if any, is part of the match);
 *     Swedish "42 år", except after a time preposition (i, på, för,
 *       efter, om, inom, sedan, varje, per) or before "sedan",
 *       "senare", "tidigare", "till", "framåt", where it is a duration;
 *     "42 -vuotias" (a space before the hyphen);
 *     (paths) "42 vuotta" from AGE_ADULT (15) up: clients are adults,
 *       and durations that long are rare in a path.
 *   "N v" and "N vuotta" next to a duration word are durations
 *   (fi_duration_before / _after in lint.c): "kestää 2 v.", "3 v
 *   välein", "kesto 2 v".
 *   Not an exact age, so never reported: bands ("25-35-vuotias",
 *   "25–35 v", "25 – 35-vuotiaat", "25 ja 35 vuoden ikäinen", "ikä
 *   25-35", "ikä 60+"), a number after a band or estimate word (yli,
 *   alle, noin, n., vajaa, reilu, lähes, liki, melkein, ainakin,
 *   vähintään, enintään, korkeintaan; över, under, cirka, ca, omkring,
 *   ungefär, drygt, nästan, knappt, runt, minst, högst, kring; over,
 *   above, below, about, around, approximately, approx, nearly, almost,
 *   roughly, circa, c., least, most, than), and durations ("3 vuotta",
 *   "2-4 viikkoa").  Otherwise "42 v" is ambiguous with a duration and
 *   is reported all the same, as the spec asks; so are plural forms
 *   ("18-vuotiaat nuoret").  Ages in words ("nelikymppinen") are missed.
 */
#ifndef KARTTA_LINT_H
#define KARTTA_LINT_H

#include <stddef.h>

enum lint_kind {
	LINT_HETU,  /* Finnish personal identity code */
	LINT_EMAIL, /* e-mail address */
	LINT_PHONE, /* phone number */
	LINT_DATE,  /* calendar date */
	LINT_AGE,   /* exact age */
};

struct lint_match {
	enum lint_kind kind; /* what was found */
	size_t offset;       /* byte offset of the match in the text */
	size_t len;          /* bytes, at least one */
};

/* Called for each match; m is only valid during the call. */
typedef void (*lint_fn)(const struct lint_match *m, void *arg);

/*
 * Scans the UTF-8 text of len bytes (not necessarily NUL-terminated)
 * and calls fn (unless NULL) for each match, in order of offset.
 * Matches never overlap.  Returns the number of matches.
 */
size_t lint_scan(const char *text, size_t len, lint_fn fn, void *arg);

/* For lint_scan_opts: the text is a client path's, where the rules
 * marked "(paths)" above apply too. */
#define LINT_PATH 1u

/* lint_scan with flags (LINT_PATH or 0). */
size_t lint_scan_opts(const char *text, size_t len, unsigned flags,
    lint_fn fn, void *arg);

/*
 * Returns an English noun phrase with its article for diagnostics,
 * e.g. "an e-mail address"; static, never NULL.
 */
const char *lint_kind_describe(enum lint_kind kind);

/*
 * Returns a newly allocated, NUL-terminated masked form of the matched
 * text (len bytes) for diagnostics: at most its first quarter (and at
 * most four bytes, cut at a character boundary, holding at most a third
 * of its digits) followed by "…".  A henkilötunnus thus shows at most
 * two characters and an age such as "42 v" shows none.  The caller
 * frees it.
 */
char *lint_mask(const char *match, size_t len);

/*
 * Returns non-zero if s[0..len) is exactly a henkilötunnus with a real
 * date, a known century sign, an individual number of 002-999 and the
 * right check character (see LINT_HETU above).
 */
int lint_hetu_valid(const char *s, size_t len);

/*
 * Returns non-zero if the NUL-terminated s is an acceptable persona age
 * band: "25-35" or "25–35" (hyphen, en or em dash, optionally with one
 * space either side) with the first age smaller; "yli 60", "alle 30",
 * "over 60", "under 30", "över 60" (any case); or "30+".  Ages are 0-130
 * with at most three digits.  Returns zero for a single exact age such
 * as "42" and for anything else.
 */
int lint_age_band_valid(const char *s);

#endif
