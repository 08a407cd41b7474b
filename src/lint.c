/*
 * The anonymisation lint: one forward pass that, at each place a match
 * could start, tries the scanners in order (e-mail, henkilötunnus, date,
 * phone, age) and skips past the first that matches.  Each scanner takes
 * (t, len, i): the text, its length and where to start, and returns the
 * length of its match or zero.  Nothing reads t[len] or beyond.
 */
#include "lint.h"

#include <string.h>

#include "util.h"

#define CP_BAD (-1L)     /* a malformed byte, decoded alone */
#define AGE_MAX 130      /* oldest age taken for an age */
#define AGE_ADULT 15     /* "N vuotta" from here up is an age in a path */
#define PHONE_MIN 7      /* digits of the shortest phone number */
#define PHONE_MAX 15     /* digits of the longest (E.164) */
#define LOOKBACK_WORD 24 /* bytes of a word looked at before a number */
#define LOOKBACK_SPACE 4 /* spaces skipped looking back */

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Decodes the code point at t[i], i < len, into *cp and returns its
 * length in bytes.  A malformed, overlong or truncated sequence gives
 * CP_BAD and a length of one.
 */
static size_t
cp_decode(const char *t, size_t len, size_t i, long *cp)
{
	const unsigned char *s = (const unsigned char *)t + i;
	size_t n, k;
	long c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		*cp = CP_BAD;
		return 1;
	}
	if (n > len - i) {
		*cp = CP_BAD;
		return 1;
	}
	for (k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			*cp = CP_BAD;
			return 1;
		}
		c = (c << 6) | (s[k] & 0x3F);
	}
	if ((n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) ||
	    (n == 4 && (c < 0x10000 || c > 0x10FFFF))) {
		*cp = CP_BAD;
		return 1;
	}
	*cp = c;
	return n;
}

/*
 * Decodes the code point that ends right before t[i], i > 0, into *cp
 * and returns its length; a malformed one is the last byte alone.
 */
static size_t
cp_decode_before(const char *t, size_t i, long *cp)
{
	size_t k = 1;

	while (k < 4 && k < i && ((unsigned char)t[i - k] & 0xC0) == 0x80)
		k++;
	if (cp_decode(t, i, i - k, cp) != k) {
		*cp = CP_BAD;
		return 1;
	}
	return k;
}

/*
 * Non-zero for a letter or digit.  Outside ASCII this goes by block:
 * Latin-1 letters, everything from Latin Extended up to the General
 * Punctuation block, and the letter blocks above it; punctuation,
 * spaces, symbols, arrows and emoji are not letters.  Malformed bytes
 * count as letters, so that they never make a boundary.
 */
static int
cp_is_word(long cp)
{
	if (cp == CP_BAD)
		return 1;
	if (cp < 0x80)
		return is_digit((int)cp) || is_alpha((int)cp);
	if (cp < 0xC0)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
	if (cp < 0x2000)
		return cp != 0xD7 && cp != 0xF7;
	if (cp < 0x2C00)
		return 0;
	if (cp < 0x2E00)
		return 1;
	if (cp < 0x3040)
		return 0;
	if (cp < 0xFE00)
		return 1;
	if (cp < 0xFF00)
		return cp >= 0xFE70 && cp != 0xFEFF;
	if (cp < 0xFFF0)
		return (cp >= 0xFF10 && cp <= 0xFF19) ||
		    (cp >= 0xFF21 && cp <= 0xFF3A) ||
		    (cp >= 0xFF41 && cp <= 0xFF5A) || cp >= 0xFF66;
	if (cp < 0x10000)
		return 0;
	return cp < 0x1F000 || cp >= 0x20000;
}

static int
cp_is_space(long cp)
{
	return cp == ' ' || cp == 0xA0 || cp == 0x2009 || cp == 0x202F;
}

/* Hyphens, dashes and the minus sign: what joins the ends of a range. */
static int
cp_is_dash(long cp)
{
	return cp == '-' || (cp >= 0x2010 && cp <= 0x2014) || cp == 0x2212;
}

static int
word_at(const char *t, size_t len, size_t i)
{
	long cp;

	if (i >= len)
		return 0;
	cp_decode(t, len, i, &cp);
	return cp_is_word(cp);
}

static int
word_before(const char *t, size_t i)
{
	long cp;

	if (i == 0)
		return 0;
	cp_decode_before(t, i, &cp);
	return cp_is_word(cp);
}

/* Returns the offset where the run of word characters at i ends. */
static size_t
word_end(const char *t, size_t len, size_t i)
{
	size_t n;
	long cp;

	while (i < len) {
		n = cp_decode(t, len, i, &cp);
		if (!cp_is_word(cp))
			break;
		i += n;
	}
	return i;
}

/* Returns the length of a space (plain, no-break, thin) at i, or 0. */
static size_t
space_at(const char *t, size_t len, size_t i)
{
	long cp;
	size_t n;

	if (i >= len)
		return 0;
	n = cp_decode(t, len, i, &cp);
	return cp_is_space(cp) ? n : 0;
}

/* Returns the length of a hyphen, dash or minus sign at i, or 0. */
static size_t
dash_at(const char *t, size_t len, size_t i)
{
	long cp;
	size_t n;

	if (i >= len)
		return 0;
	n = cp_decode(t, len, i, &cp);
	return cp_is_dash(cp) ? n : 0;
}

static int
digit_at(const char *t, size_t len, size_t i)
{
	return i < len && is_digit((unsigned char)t[i]);
}

/* Returns how many ASCII digits run from i. */
static size_t
digits_at(const char *t, size_t len, size_t i)
{
	size_t j = i;

	while (j < len && is_digit((unsigned char)t[j]))
		j++;
	return j - i;
}

/* The value of the n (at most 9) digits at t. */
static unsigned long
num_value(const char *t, size_t n)
{
	unsigned long v = 0;
	size_t k;

	for (k = 0; k < n; k++)
		v = v * 10 + (unsigned long)(t[k] - '0');
	return v;
}

/*
 * If the text at i starts with w, a lower-case UTF-8 word, ignoring the
 * case of ASCII and Latin-1 letters, returns the length of w; else 0.
 */
static size_t
ci_prefix(const char *t, size_t len, size_t i, const char *w)
{
	size_t n = strlen(w), k;
	unsigned char wc, tc;

	if (n > len - i)
		return 0;
	for (k = 0; k < n; k++) {
		wc = (unsigned char)w[k];
		tc = (unsigned char)t[i + k];
		if (tc == wc)
			continue;
		if (wc >= 'a' && wc <= 'z' && tc == wc - 0x20)
			continue;
		/* À-Þ fold to à-þ: the second byte moves by 0x20 */
		if (k > 0 && (unsigned char)w[k - 1] == 0xC3 &&
		    wc >= 0xA0 && wc <= 0xBE && wc != 0xB7 && tc == wc - 0x20)
			continue;
		return 0;
	}
	return n;
}

/* Like ci_prefix, but w must also end where the word of the text does. */
static size_t
ci_word(const char *t, size_t len, size_t i, const char *w)
{
	size_t n = ci_prefix(t, len, i, w);

	return n > 0 && !word_at(t, len, i + n) ? n : 0;
}

/* Non-zero if t[ws..we) is one of the NULL-ended words, ignoring case. */
static int
word_in(const char *t, size_t ws, size_t we, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strlen(*words) == we - ws && ci_prefix(t, we, ws, *words))
			return 1;
	return 0;
}

/*
 * Non-zero if a number may start at i: it is not inside a word, and is
 * not the second part of a decimal, time, date, version or (unless
 * ranges is set) a range or sum, such as the 5 of "2,5", "1.5", "1/5",
 * "1:5", "1+5" or "1-5".  Dates set ranges so that both ends of
 * "1.3.2024-5.3.2024" are found, and so do hetus, whose check
 * character keeps them from matching by accident.
 */
static int
num_start(const char *t, size_t i, int ranges)
{
	size_t n;
	long cp;

	if (i == 0)
		return 1;
	n = cp_decode_before(t, i, &cp);
	if (cp_is_word(cp))
		return 0;
	if (cp == '.' || cp == ',' || cp == '/' || cp == ':' || cp == '+' ||
	    (!ranges && cp_is_dash(cp)))
		return !(i > n && is_digit((unsigned char)t[i - n - 1]));
	return 1;
}

/*
 * Non-zero if a number may end at i: no word character follows, nor a
 * decimal, time, date or version part (". , / :" and a digit).
 */
static int
num_end(const char *t, size_t len, size_t i)
{
	char c;

	if (i >= len)
		return 1;
	if (word_at(t, len, i))
		return 0;
	c = t[i];
	if ((c == '.' || c == ',' || c == '/' || c == ':') &&
	    digit_at(t, len, i + 1))
		return 0;
	return 1;
}

/*
 * Finds the word before t[i] across at least one space, and across one
 * full stop right after the word ("n. 40"): sets [*ws, *we) and returns
 * non-zero, or returns zero if there is none or it is long (no word
 * looked for here is).
 */
static int
word_before_space(const char *t, size_t i, size_t *ws, size_t *we)
{
	size_t k = i, n, spaces = 0;
	long cp;

	while (k > 0 && spaces < LOOKBACK_SPACE) {
		n = cp_decode_before(t, k, &cp);
		if (!cp_is_space(cp))
			break;
		k -= n;
		spaces++;
	}
	if (spaces == 0)
		return 0;
	if (k > 0 && t[k - 1] == '.')
		k--;
	*we = k;
	while (k > 0 && *we - k <= LOOKBACK_WORD) {
		n = cp_decode_before(t, k, &cp);
		if (!cp_is_word(cp))
			break;
		k -= n;
	}
	if (k == *we || *we - k > LOOKBACK_WORD || word_before(t, k))
		return 0;
	*ws = k;
	return 1;
}

/* Skips back over up to LOOKBACK_SPACE spaces ending at i. */
static size_t
space_back(const char *t, size_t i)
{
	size_t n, spaces = 0;
	long cp;

	while (i > 0 && spaces < LOOKBACK_SPACE) {
		n = cp_decode_before(t, i, &cp);
		if (!cp_is_space(cp))
			break;
		i -= n;
		spaces++;
	}
	return i;
}

/* Skips up to LOOKBACK_SPACE spaces from i. */
static size_t
space_skip(const char *t, size_t len, size_t i)
{
	size_t n, spaces = 0;

	while (spaces < LOOKBACK_SPACE && (n = space_at(t, len, i)) > 0) {
		i += n;
		spaces++;
	}
	return i;
}

/* ------------------------------------------------------------------ */
/* henkilötunnus */

static const char hetu_check[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";

static int
is_leap(unsigned long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/*
 * Non-zero if day d of month m exists in year y; y == 0 means the year
 * is not known in full, and then 29 February passes.
 */
static int
date_valid(unsigned long y, unsigned long m, unsigned long d)
{
	static const unsigned char mdays[12] = {
		31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && y != 0 && !is_leap(y))
		return 0;
	return 1;
}

/* Returns the first year of the century of a century sign, or 0. */
static unsigned long
hetu_century(char c)
{
	if (c == '+')
		return 1800;
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 0x20);
	if (c == '-' || c == 'Y' || c == 'X' || c == 'W' || c == 'V' ||
	    c == 'U')
		return 1900;
	if (c >= 'A' && c <= 'F')
		return 2000;
	return 0;
}

int
lint_hetu_valid(const char *s, size_t len)
{
	unsigned long century, num;
	size_t k;
	char q;

	if (len != 11)
		return 0;
	for (k = 0; k < 10; k++)
		if (k != 6 && !is_digit((unsigned char)s[k]))
			return 0;
	if ((century = hetu_century(s[6])) == 0)
		return 0;
	if (!date_valid(century + num_value(s + 4, 2), num_value(s + 2, 2),
	    num_value(s, 2)))
		return 0;
	if (num_value(s + 7, 3) < 2)
		return 0;
	num = num_value(s, 6) * 1000 + num_value(s + 7, 3);
	q = s[10];
	if (q >= 'a' && q <= 'z')
		q = (char)(q - 0x20);
	return q == hetu_check[num % 31];
}

/*
 * Non-zero if a henkilötunnus may start at i: as a number may, or right
 * after a letter ("hetu131052-308T"): its check character keeps a code
 * glued to a word from matching by accident, while a digit before it
 * would make it part of a longer number.
 */
static int
hetu_start(const char *t, size_t i)
{
	long cp;

	if (i == 0)
		return 1;
	cp_decode_before(t, i, &cp);
	if (cp_is_word(cp))
		return !(cp < 0x80 && is_digit((int)cp));
	return num_start(t, i, 1);
}

static size_t
scan_hetu(const char *t, size_t len, size_t i)
{
	size_t e = i + 11;

	if (len - i < 11 || !lint_hetu_valid(t + i, 11))
		return 0;
	/* Letters may follow ("131052-308Tx"), a digit or a decimal,
	 * time or date part may not. */
	if (e < len && (is_digit((unsigned char)t[e]) ||
	    ((t[e] == '.' || t[e] == ',' || t[e] == '/' || t[e] == ':') &&
	    digit_at(t, len, e + 1))))
		return 0;
	return 11;
}

/* ------------------------------------------------------------------ */
/* e-mail */

/* Characters of a local part besides word characters. */
static int
is_local_punct(char c)
{
	return c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/*
 * If an obfuscation of word (such as "(at)" for "at") is at i, with
 * or without one space either side, returns its length; else 0.
 */
static size_t
obfuscated(const char *t, size_t len, size_t i, const char *const *words)
{
	static const char open[] = "([{<", close[] = ")]}>";
	const char *o;
	size_t k = i, n = 0;

	k += space_at(t, len, k);
	if (k >= len || t[k] == '\0' || (o = strchr(open, t[k])) == NULL)
		return 0;
	k++;
	for (; *words != NULL; words++)
		if ((n = ci_prefix(t, len, k, *words)) > 0)
			break;
	if (n == 0)
		return 0;
	k += n;
	if (k >= len || t[k] != close[o - open])
		return 0;
	k++;
	k += space_at(t, len, k);
	return k - i;
}

static const char *const obf_at[] = { "at", "a", "ät", NULL };
static const char *const obf_dot[] = { "dot", "piste", NULL };
static const char *const spelt_at[] = { "at", "ät", NULL };

/*
 * If one of the words, between single spaces, is at i (" at ", " dot "),
 * returns the length of the three; else 0.
 */
static size_t
spelt(const char *t, size_t len, size_t i, const char *const *words)
{
	size_t a, n = 0, b;

	if ((a = space_at(t, len, i)) == 0)
		return 0;
	for (; *words != NULL; words++)
		if ((n = ci_word(t, len, i + a, *words)) > 0)
			break;
	if (n == 0 || (b = space_at(t, len, i + a + n)) == 0)
		return 0;
	return a + n + b;
}

/*
 * Tries an e-mail address whose local part starts at i.  Sets *skip to
 * the end of the local part: no address can start before it, since a
 * start further in would end its local part at the same place.
 */
static size_t
scan_email(const char *t, size_t len, size_t i, size_t *skip)
{
	size_t j = i, k, n, labels = 0, best = 0, ls;
	int tld, spelt_at_sign = 0, spelt_dots = 0;
	long cp;

	while (j < len) {
		n = cp_decode(t, len, j, &cp);
		if (!cp_is_word(cp) && !(cp < 0x80 && is_local_punct((char)cp)))
			break;
		j += n;
	}
	*skip = j;
	if (t[j - 1] == '.')
		return 0;
	if (j < len && t[j] == '@')
		k = j + 1;
	else if ((n = obfuscated(t, len, j, obf_at)) > 0)
		k = j + n;
	else if ((n = spelt(t, len, j, spelt_at)) > 0) {
		/* "nimi at example dot fi"; but "look at example.com" is
		 * prose, so a spelt-out @ needs a spelt-out dot too. */
		k = j + n;
		spelt_at_sign = 1;
	} else
		return 0;

	/*
	 * Labels separated by dots; best is the end of the last label
	 * that made a whole domain, so "x@a.fi.123" backs off to a.fi.
	 */
	for (;;) {
		ls = k;
		tld = 1;
		while (k < len) {
			n = cp_decode(t, len, k, &cp);
			if (cp == '-')
				tld = 0;
			else if (cp_is_word(cp))
				tld = tld && cp < 0x80 && is_alpha((int)cp);
			else
				break;
			k += n;
		}
		if (k == ls || t[ls] == '-' || t[k - 1] == '-')
			break;
		labels++;
		if (labels >= 2 && tld && k - ls >= 2 &&
		    (!spelt_at_sign || spelt_dots > 0))
			best = k;
		if (k < len && t[k] == '.' && word_at(t, len, k + 1))
			k++;
		else if ((n = obfuscated(t, len, k, obf_dot)) > 0 &&
		    word_at(t, len, k + n))
			k += n;
		else if ((n = spelt(t, len, k, obf_dot)) > 0 &&
		    word_at(t, len, k + n)) {
			k += n;
			spelt_dots++;
		} else
			break;
	}
	return best > 0 ? best - i : 0;
}

/* ------------------------------------------------------------------ */
/* dates */

static const char *const month_fi[12] = {
	"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta",
	"toukokuuta", "kesäkuuta", "heinäkuuta", "elokuuta",
	"syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta",
};

struct month_name {
	const char *name; /* lower case */
	int month;        /* 1-12 */
	int abbr;         /* may be followed by a full stop */
};

/* English and Swedish month names, whole and abbreviated. */
static const struct month_name month_ensv[] = {
	{ "january", 1, 0 }, { "januari", 1, 0 }, { "jan", 1, 1 },
	{ "february", 2, 0 }, { "februari", 2, 0 }, { "feb", 2, 1 },
	{ "march", 3, 0 }, { "mars", 3, 0 }, { "mar", 3, 1 },
	{ "april", 4, 0 }, { "apr", 4, 1 },
	{ "may", 5, 0 }, { "maj", 5, 0 },
	{ "june", 6, 0 }, { "juni", 6, 0 }, { "jun", 6, 1 },
	{ "july", 7, 0 }, { "juli", 7, 0 }, { "jul", 7, 1 },
	{ "august", 8, 0 }, { "augusti", 8, 0 }, { "aug", 8, 1 },
	{ "september", 9, 0 }, { "sep", 9, 1 }, { "sept", 9, 1 },
	{ "october", 10, 0 }, { "oktober", 10, 0 }, { "oct", 10, 1 },
	{ "okt", 10, 1 },
	{ "november", 11, 0 }, { "nov", 11, 1 },
	{ "december", 12, 0 }, { "dec", 12, 1 },
};

/* If an English or Swedish month name is at i, sets *m, returns its length. */
static size_t
month_ensv_at(const char *t, size_t len, size_t i, int *m)
{
	size_t k, n;

	for (k = 0; k < ARRAY_LEN(month_ensv); k++) {
		if ((n = ci_word(t, len, i, month_ensv[k].name)) == 0)
			continue;
		if (month_ensv[k].abbr && i + n < len && t[i + n] == '.')
			n++;
		*m = month_ensv[k].month;
		return n;
	}
	return 0;
}

/* Length of an ordinal ending after a day: 1st, 2nd, 1:a, 2:e; or 0. */
static size_t
ordinal_at(const char *t, size_t len, size_t i)
{
	static const char *const ends[] = {
		"st", "nd", "rd", "th", ":a", ":e",
	};
	size_t k, n;

	for (k = 0; k < ARRAY_LEN(ends); k++)
		if ((n = ci_word(t, len, i, ends[k])) > 0)
			return n;
	return 0;
}

/* Non-zero if the four digits at i are a year we take: 1000-2999. */
static int
year_at(const char *t, size_t len, size_t i)
{
	return digits_at(t, len, i) == 4 && (t[i] == '1' || t[i] == '2');
}

/* Numeric dates: 2024-03-01, 1.3.2024, 1.3.24, 3/1/2024... */
static size_t
scan_date_numeric(const char *t, size_t len, size_t i)
{
	size_t a, b, c, j, vb_at, spaced = 0;
	unsigned long va, vb, vc;
	char sep;
	int ok;

	a = digits_at(t, len, i);
	if (a == 0 || a == 3 || a > 4)
		return 0;
	j = i + a;
	if (j >= len || (t[j] != '.' && t[j] != '-' && t[j] != '/'))
		return 0;
	sep = t[j++];
	if (sep == '.' && a <= 2 && j < len && t[j] == ' ') {
		j++;
		spaced = 1;
	}
	b = digits_at(t, len, j);
	if (b == 0 || b > 2)
		return 0;
	vb_at = j;
	j += b;
	if (j >= len || t[j] != sep)
		return 0;
	j++;
	if (spaced) {
		if (j >= len || t[j] != ' ')
			return 0;
		j++;
	}
	c = digits_at(t, len, j);
	if (c == 0 || c > 4)
		return 0;
	va = num_value(t + i, a);
	vb = num_value(t + vb_at, b);
	vc = num_value(t + j, c);
	if (a == 4) {
		/* year first */
		ok = (t[i] == '1' || t[i] == '2') && c <= 2 &&
		    date_valid(va, vb, vc);
	} else if (c == 4) {
		ok = year_at(t, len, j) && (date_valid(vc, vb, va) ||
		    (sep == '/' && date_valid(vc, va, vb)));
	} else {
		ok = c == 2 && sep != '-' && !spaced &&
		    (date_valid(0, vb, va) ||
		    (sep == '/' && date_valid(0, va, vb)));
	}
	if (!ok)
		return 0;
	j += c;
	if (a == 4 && sep == '-' && j + 1 < len && t[j] == 'T' &&
	    is_digit((unsigned char)t[j + 1]))
		return j - i;
	return num_end(t, len, j) ? j - i : 0;
}

/*
 * Dates with the day first and the month in words: Finnish "1.
 * maaliskuuta [2024]", English and Swedish "1 March 2024", "1st Mar.
 * 2024", "1:a mars 2024".
 */
static size_t
scan_date_dayfirst(const char *t, size_t len, size_t i)
{
	size_t d, j, k, n, sp;
	unsigned long day, year;
	int m;

	d = digits_at(t, len, i);
	if (d == 0 || d > 2)
		return 0;
	day = num_value(t + i, d);
	j = i + d;

	k = j;
	if (k < len && t[k] == '.')
		k++;
	sp = space_at(t, len, k);
	if (k > j || sp > 0) {
		k += sp;
		for (m = 0; m < 12; m++) {
			if ((n = ci_word(t, len, k, month_fi[m])) == 0)
				continue;
			k += n;
			sp = space_at(t, len, k);
			year = 0;
			if (sp > 0 && year_at(t, len, k + sp) &&
			    num_end(t, len, k + sp + 4))
				year = num_value(t + k + sp, 4);
			if (!date_valid(year, (unsigned long)m + 1, day))
				return 0;
			return (year ? k + sp + 4 : k) - i;
		}
	}

	k = j;
	if ((n = ordinal_at(t, len, k)) > 0)
		k += n;
	else if (k < len && t[k] == '.')
		k++;
	if ((sp = space_at(t, len, k)) == 0)
		return 0;
	k += sp;
	if ((n = month_ensv_at(t, len, k, &m)) == 0)
		return 0;
	k += n;
	if ((sp = space_at(t, len, k)) == 0 || !year_at(t, len, k + sp))
		return 0;
	k += sp;
	year = num_value(t + k, 4);
	k += 4;
	if (!num_end(t, len, k) || !date_valid(year, (unsigned long)m, day))
		return 0;
	return k - i;
}

/*
 * A day and month without a year, "1.3." (client paths only: elsewhere
 * it is how sections are numbered).  The second full stop is needed, so
 * "1.3" (a decimal) is not taken, nor "1.3.5" (a version).
 */
static size_t
scan_date_daymonth(const char *t, size_t len, size_t i)
{
	size_t a, b, j;

	a = digits_at(t, len, i);
	if (a == 0 || a > 2)
		return 0;
	j = i + a;
	if (j >= len || t[j] != '.')
		return 0;
	b = digits_at(t, len, j + 1);
	if (b == 0 || b > 2)
		return 0;
	j += 1 + b;
	if (j >= len || t[j] != '.' || digit_at(t, len, j + 1) ||
	    word_at(t, len, j + 1))
		return 0;
	if (!date_valid(0, num_value(t + j - b, b), num_value(t + i, a)))
		return 0;
	return j + 1 - i;
}

/* Finnish months in any case form: "maaliskuussa", "maaliskuun". */
static const char *const month_fi_stem[12] = {
	"tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu",
	"kesäkuu", "heinäkuu", "elokuu", "syyskuu", "lokakuu", "marraskuu",
	"joulukuu",
};

/*
 * A month and a year, "maaliskuussa 2024", "mars 2024", "March 2024"
 * (client paths only: a guide may well say when a law changed).
 */
static size_t
scan_date_monthyear(const char *t, size_t len, size_t i)
{
	size_t k = 0, n, sp;
	int m;

	for (m = 0; m < 12 && k == 0; m++)
		if ((n = ci_prefix(t, len, i, month_fi_stem[m])) > 0)
			k = word_end(t, len, i + n);
	if (k == 0 && (n = month_ensv_at(t, len, i, &m)) > 0)
		k = i + n;
	if (k == 0 || (sp = space_at(t, len, k)) == 0 ||
	    !year_at(t, len, k + sp) || !num_end(t, len, k + sp + 4))
		return 0;
	return k + sp + 4 - i;
}

/* English dates with the month first: "March 1, 2024", "Mar. 1st 2024". */
static size_t
scan_date_monthfirst(const char *t, size_t len, size_t i)
{
	size_t d, k, n, sp;
	unsigned long day, year;
	int m;

	if ((n = month_ensv_at(t, len, i, &m)) == 0)
		return 0;
	k = i + n;
	if ((sp = space_at(t, len, k)) == 0)
		return 0;
	k += sp;
	d = digits_at(t, len, k);
	if (d == 0 || d > 2)
		return 0;
	day = num_value(t + k, d);
	k += d;
	k += ordinal_at(t, len, k);
	if (k < len && t[k] == ',')
		k++;
	if ((sp = space_at(t, len, k)) == 0 || !year_at(t, len, k + sp))
		return 0;
	k += sp;
	year = num_value(t + k, 4);
	k += 4;
	if (!num_end(t, len, k) || !date_valid(year, (unsigned long)m, day))
		return 0;
	return k - i;
}

/* ------------------------------------------------------------------ */
/* phone numbers */

/*
 * Length of a separator between digit groups at i: a space or hyphen,
 * or a full stop ("040.123.4567") when every separator of the number
 * is one.  *mode keeps which: 0 before the first, 1 stops, 2 others.
 */
static size_t
phone_sep_at(const char *t, size_t len, size_t i, int *mode)
{
	size_t n;
	int m = 2;

	if (i < len && t[i] == '-')
		n = 1;
	else if (i < len && t[i] == '.') {
		n = 1;
		m = 1;
	} else if ((n = space_at(t, len, i)) == 0)
		return 0;
	if (*mode != 0 && *mode != m)
		return 0;
	*mode = m;
	return n;
}

static size_t
scan_phone(const char *t, size_t len, size_t i)
{
	size_t j = i, g, n, digits = 0, singles = 0;
	int intl = 0, paren = 0, alone = 0, mode = 0;

	if (t[j] == '+') {
		intl = 1;
		j++;
	} else if (t[j] == '(') {
		/* (09) 123 4567: trunk prefix and area code in brackets */
		j++;
		g = digits_at(t, len, j);
		if (g < 2 || g > 4 || t[j] != '0' || j + g >= len ||
		    t[j + g] != ')')
			return 0;
		digits = g;
		j += g + 1;
		j += space_at(t, len, j);
		paren = 1;
	} else if (t[j] != '0')
		return 0;

	g = digits_at(t, len, j);
	if (g == 0 || digits + g > PHONE_MAX)
		return 0;
	/* 0401234567 stands alone; 010203-1234 is no phone's grouping */
	if (!intl && !paren)
		alone = g > (g > 1 && t[j + 1] == '0' ? 6u : 4u);
	singles = g == 1;
	digits += g;
	j += g;

	/* +358 (0)40 ...: the trunk prefix kept for domestic callers */
	if (intl) {
		n = space_at(t, len, j);
		if (len - j - n >= 3 && memcmp(t + j + n, "(0)", 3) == 0) {
			j += n + 3;
			j += space_at(t, len, j);
			if ((g = digits_at(t, len, j)) == 0)
				return 0;
			if (digits + g > PHONE_MAX)
				return 0;
			singles += g == 1;
			digits += g;
			j += g;
		}
	}

	while (!alone) {
		n = phone_sep_at(t, len, j, &mode);
		if (n == 0 || (g = digits_at(t, len, j + n)) == 0)
			break;
		if (digits + g > PHONE_MAX)
			return 0;
		if (g == 1 && singles > 0)
			break;
		singles += g == 1;
		digits += g;
		j += n + g;
	}
	if (digits < PHONE_MIN || !num_end(t, len, j))
		return 0;
	if (j < len && t[j] == '-' && digit_at(t, len, j + 1))
		return 0;
	return j - i;
}

/* ------------------------------------------------------------------ */
/* ages */

/* Before a number, these make it a band or an estimate: "yli 60 v". */
static const char *const age_band_words[] = {
	"yli", "alle", "noin", "n", "vajaa", "vajaat", "reilu", "reilut",
	"lähes", "liki", "melkein", "ainakin", "vähintään", "enintään",
	"korkeintaan",
	"över", "under", "cirka", "ca", "omkring", "ungefär", "drygt",
	"nästan", "knappt", "runt", "minst", "högst", "kring",
	"over", "above", "below", "about", "around", "approximately",
	"approx", "nearly", "almost", "roughly", "circa", "c", "least",
	"most", "than",
	NULL,
};

/* Between two numbers, these make a range: "25 ja 35 vuoden iässä". */
static const char *const range_words[] = {
	"ja", "tai", "och", "eller", "till", "to", "and", "or", NULL,
};

/* Around "N år", these make it a duration: "i 3 år", "3 år sedan". */
static const char *const sv_duration_before[] = {
	"i", "på", "för", "efter", "om", "inom", "sedan", "varje", "per",
	NULL,
};
static const char *const sv_duration_after[] = {
	"sedan", "senare", "tidigare", "till", "framåt", NULL,
};

/*
 * Around "N v" or "N vuotta", these make it a duration: "kestää 2 v.",
 * "3 v välein", "2 vuotta sitten".
 */
static const char *const fi_duration_before[] = {
	"kestää", "kesti", "kestänyt", "kestäen", "kesto", "kestoa",
	"kestoltaan", "joka", "jo", "vielä", "enää", "ajaksi", "viimeiset",
	"ensimmäiset", "seuraavat",
	NULL,
};
static const char *const fi_duration_after[] = {
	"välein", "ajan", "ajaksi", "sitten", "kuluttua", "päästä",
	"jälkeen", "aikana", "kuluessa", "sisällä", "mittainen",
	"mittaisen", "kestävä", "kestävän", "kestoinen", "kestoisen",
	"työttömänä", "töissä", "työssä",
	NULL,
};

/* Words leading an age: "ikä 42", "aged 42". */
static const char *const age_leads[] = {
	"ikä", "iältään", "ikää", "age", "aged", "ålder", "åldern",
	NULL,
};

/* What age_unit found, where the caller must tell it from a duration. */
enum age_bare {
	AGE_UNIT,        /* a unit only an age has: "-vuotias", "år gammal" */
	AGE_BARE_AR,     /* Swedish "år" alone */
	AGE_BARE_V,      /* "v" or "v." */
	AGE_BARE_VUOTTA, /* "vuotta" alone: an age only in a client path */
};

/*
 * If an age unit follows a number that ends at j, returns where the
 * unit ends; else 0.  *bare says whether it could be a duration.
 */
static size_t
age_unit(const char *t, size_t len, size_t j, enum age_bare *bare)
{
	static const char *const years[] = { "years", "year", "yrs", "yr" };
	size_t k = j, n, m, e, sp;
	int spaced = 0;

	*bare = AGE_UNIT;
	if ((n = space_at(t, len, k)) > 0) {
		k += n;
		spaced = 1;
		/* "42 -vuotias", as it is sometimes typed */
		if ((m = dash_at(t, len, k)) > 0 &&
		    ci_prefix(t, len, k + m, "vuotia") > 0)
			k += m;
	} else
		k += dash_at(t, len, k);

	if ((n = ci_prefix(t, len, k, "vuotia")) > 0)
		return word_end(t, len, k + n);
	/* lower case only: 12 V is a voltage; 3 v:n is "3 years'" */
	if (k < len && t[k] == 'v' && !word_at(t, len, k + 1)) {
		e = k + 1;
		if (e < len && t[e] == ':' && word_at(t, len, e + 1))
			return 0;
		if (e < len && t[e] == '.')
			e++;
		*bare = AGE_BARE_V;
		return e;
	}
	if ((n = ci_word(t, len, k, "vuotta")) > 0) {
		e = k + n;
		if ((sp = space_at(t, len, e)) > 0 &&
		    (m = ci_prefix(t, len, e + sp, "vanh")) > 0)
			return word_end(t, len, e + sp + m);
		if (!spaced)
			return 0;
		*bare = AGE_BARE_VUOTTA;
		return e;
	}
	if ((n = ci_word(t, len, k, "vuoden")) > 0) {
		e = k + n;
		if ((sp = space_at(t, len, e)) > 0 &&
		    ((m = ci_prefix(t, len, e + sp, "ikä")) > 0 ||
		    (m = ci_prefix(t, len, e + sp, "iä")) > 0))
			return word_end(t, len, e + sp + m);
		return 0;
	}
	if ((n = ci_prefix(t, len, k, "årig")) > 0 ||
	    (n = ci_prefix(t, len, k, "åring")) > 0)
		return word_end(t, len, k + n);
	if ((n = ci_word(t, len, k, "års")) > 0) {
		e = k + n;
		if ((sp = space_at(t, len, e)) > 0 &&
		    (m = ci_word(t, len, e + sp, "ålder")) > 0)
			return e + sp + m;
		return 0;
	}
	if ((n = ci_word(t, len, k, "år")) > 0) {
		e = k + n;
		if ((sp = space_at(t, len, e)) > 0 &&
		    ((m = ci_prefix(t, len, e + sp, "gaml")) > 0 ||
		    (m = ci_prefix(t, len, e + sp, "gamm")) > 0))
			return word_end(t, len, e + sp + m);
		if (!spaced)
			return 0;
		*bare = AGE_BARE_AR;
		return e;
	}
	for (m = 0; m < ARRAY_LEN(years); m++) {
		if ((n = ci_word(t, len, k, years[m])) == 0)
			continue;
		e = k + n;
		if ((sp = space_at(t, len, e)) == 0)
			sp = dash_at(t, len, e);
		if (sp > 0 && (n = ci_word(t, len, e + sp, "old")) > 0)
			return e + sp + n;
		return 0;
	}
	if ((n = ci_prefix(t, len, k, "y/o")) > 0 && !word_at(t, len, k + n))
		return k + n;
	if ((n = ci_word(t, len, k, "yo")) > 0)
		return k + n;
	return 0;
}

/*
 * Non-zero if the number at i is the upper end of a range ("25 - 35",
 * "25 ja 35") or follows a band or estimate word ("yli 60").
 */
static int
age_is_band(const char *t, size_t i)
{
	size_t k, n, ws, we;
	long cp;

	k = space_back(t, i);
	if (k > 0) {
		n = cp_decode_before(t, k, &cp);
		if (cp_is_dash(cp)) {
			k = space_back(t, k - n);
			return k > 0 && is_digit((unsigned char)t[k - 1]);
		}
	}
	if (!word_before_space(t, i, &ws, &we))
		return 0;
	if (word_in(t, ws, we, age_band_words))
		return 1;
	if (word_in(t, ws, we, range_words)) {
		k = space_back(t, ws);
		return k < ws && k > 0 && is_digit((unsigned char)t[k - 1]);
	}
	return 0;
}

/* Non-zero if "N år" ending at e, with the number at i, is a duration. */
static int
sv_duration(const char *t, size_t len, size_t i, size_t e)
{
	size_t ws, we, sp;

	if (word_before_space(t, i, &ws, &we) &&
	    word_in(t, ws, we, sv_duration_before))
		return 1;
	if ((sp = space_at(t, len, e)) == 0)
		return 0;
	we = word_end(t, len, e + sp);
	return word_in(t, e + sp, we, sv_duration_after);
}

/*
 * Non-zero if "N v" or "N vuotta" ending at e, with the number at i, is
 * a duration.  A full stop after "v" may end the sentence, so the word
 * after is looked for past it as well.
 */
static int
fi_duration(const char *t, size_t len, size_t i, size_t e)
{
	size_t ws, we, sp;

	if (word_before_space(t, i, &ws, &we) &&
	    word_in(t, ws, we, fi_duration_before))
		return 1;
	if ((sp = space_at(t, len, e)) == 0)
		return 0;
	we = word_end(t, len, e + sp);
	return word_in(t, e + sp, we, fi_duration_after);
}

/* Non-zero if a number ending at j is followed by a range's other end. */
static int
range_after(const char *t, size_t len, size_t j)
{
	size_t k = space_skip(t, len, j), n;
	const char *const *w;

	if (k < len && t[k] == '+')
		return 1;
	if ((n = dash_at(t, len, k)) > 0)
		return digit_at(t, len, space_skip(t, len, k + n));
	for (w = range_words; *w != NULL; w++)
		if ((n = ci_word(t, len, k, *w)) > 0)
			return digit_at(t, len, space_skip(t, len, k + n));
	return 0;
}

/* Reads an age of at most three digits at i; returns its digits or 0. */
static size_t
age_number(const char *t, size_t len, size_t i)
{
	size_t n = digits_at(t, len, i);

	if (n == 0 || n > 3 || num_value(t + i, n) > AGE_MAX)
		return 0;
	return n;
}

/*
 * An age as a number and a unit: "42 v", "42-vuotias", "42 år"; in a
 * client path (strict) also "42 vuotta" from AGE_ADULT up, which
 * elsewhere is read as a duration.
 */
static size_t
scan_age(const char *t, size_t len, size_t i, int strict)
{
	size_t n, e;
	enum age_bare bare;

	if ((n = age_number(t, len, i)) == 0)
		return 0;
	if ((e = age_unit(t, len, i + n, &bare)) == 0)
		return 0;
	if (bare == AGE_BARE_AR && sv_duration(t, len, i, e))
		return 0;
	if (bare == AGE_BARE_VUOTTA && (!strict ||
	    num_value(t + i, n) < AGE_ADULT))
		return 0;
	if ((bare == AGE_BARE_V || bare == AGE_BARE_VUOTTA) &&
	    fi_duration(t, len, i, e))
		return 0;
	if (age_is_band(t, i))
		return 0;
	return e - i;
}

/* An age after a lead word: "ikä 42", "Ikä: 42 v", "aged 42". */
static size_t
scan_age_lead(const char *t, size_t len, size_t i)
{
	const char *const *w;
	size_t n = 0, k, e, u;
	enum age_bare bare;

	for (w = age_leads; *w != NULL; w++)
		if ((n = ci_word(t, len, i, *w)) > 0)
			break;
	if (n == 0)
		return 0;
	k = i + n;
	if (k < len && t[k] == ':')
		k++;
	k = space_skip(t, len, k);
	if ((n = age_number(t, len, k)) == 0)
		return 0;
	e = k + n;
	if (range_after(t, len, e))
		return 0;
	if ((u = age_unit(t, len, e, &bare)) > 0)
		return u - i;
	return num_end(t, len, e) ? e - i : 0;
}

/* ------------------------------------------------------------------ */

/*
 * Tries every scanner that may start at i; returns the length of the
 * first match and sets *kind, or returns 0.  *email_skip is where the
 * next e-mail attempt may start.
 */
static size_t
scan_at(const char *t, size_t len, size_t i, int strict, size_t *email_skip,
    enum lint_kind *kind)
{
	unsigned char c = (unsigned char)t[i];
	size_t n;

	if (i >= *email_skip && word_at(t, len, i)) {
		*kind = LINT_EMAIL;
		if ((n = scan_email(t, len, i, email_skip)) > 0)
			return n;
	}
	if (is_digit(c)) {
		/* a checksum makes a hetu after "2-" or glued to a word no
		 * accident */
		if (hetu_start(t, i)) {
			*kind = LINT_HETU;
			if ((n = scan_hetu(t, len, i)) > 0)
				return n;
		}
		if (num_start(t, i, 1)) {
			*kind = LINT_DATE;
			if ((n = scan_date_numeric(t, len, i)) > 0 ||
			    (n = scan_date_dayfirst(t, len, i)) > 0 ||
			    (strict &&
			    (n = scan_date_daymonth(t, len, i)) > 0))
				return n;
		}
		if (num_start(t, i, 0)) {
			*kind = LINT_PHONE;
			if ((n = scan_phone(t, len, i)) > 0)
				return n;
			*kind = LINT_AGE;
			if ((n = scan_age(t, len, i, strict)) > 0)
				return n;
		}
	} else if (c == '+' || c == '(') {
		*kind = LINT_PHONE;
		if (num_start(t, i, 0) && (n = scan_phone(t, len, i)) > 0)
			return n;
	} else if (is_alpha(c) && !word_before(t, i)) {
		*kind = LINT_DATE;
		if ((n = scan_date_monthfirst(t, len, i)) > 0 ||
		    (strict && (n = scan_date_monthyear(t, len, i)) > 0))
			return n;
		*kind = LINT_AGE;
		if ((n = scan_age_lead(t, len, i)) > 0)
			return n;
	} else if (c == 0xC3 && !word_before(t, i)) {
		/* Ålder */
		*kind = LINT_AGE;
		if ((n = scan_age_lead(t, len, i)) > 0)
			return n;
	}
	return 0;
}

size_t
lint_scan(const char *text, size_t len, lint_fn fn, void *arg)
{
	return lint_scan_opts(text, len, 0, fn, arg);
}

size_t
lint_scan_opts(const char *text, size_t len, unsigned flags, lint_fn fn,
    void *arg)
{
	int strict = (flags & LINT_PATH) != 0;
	struct lint_match m;
	size_t i = 0, n, count = 0, email_skip = 0;
	unsigned char c;
	long cp;

	while (i < len) {
		c = (unsigned char)text[i];
		if (c < 0x80 && !is_digit(c) && !is_alpha(c) && c != '+' &&
		    c != '(') {
			i++;
			continue;
		}
		if ((n = scan_at(text, len, i, strict, &email_skip,
		    &m.kind)) > 0) {
			m.offset = i;
			m.len = n;
			if (fn != NULL)
				fn(&m, arg);
			count++;
			i += n;
		} else
			i += cp_decode(text, len, i, &cp);
	}
	return count;
}

const char *
lint_kind_describe(enum lint_kind kind)
{
	switch (kind) {
	case LINT_HETU:
		return "a personal identity code (henkilötunnus)";
	case LINT_EMAIL:
		return "an e-mail address";
	case LINT_PHONE:
		return "a phone number";
	case LINT_DATE:
		return "a calendar date";
	case LINT_AGE:
		return "an exact age";
	}
	return "personal data";
}

char *
lint_mask(const char *match, size_t len)
{
	size_t keep = len / 4, digits = 0, shown, k;
	char *p;

	if (keep > 4)
		keep = 4;
	for (k = 0; k < len; k++)
		digits += is_digit((unsigned char)match[k]);
	for (;;) {
		/* never cut a character in two */
		while (keep > 0 &&
		    ((unsigned char)match[keep] & 0xC0) == 0x80)
			keep--;
		for (shown = 0, k = 0; k < keep; k++)
			shown += is_digit((unsigned char)match[k]);
		if (shown * 3 <= digits)
			break;
		keep--;
	}
	p = xmalloc(keep + 4);
	memcpy(p, match, keep);
	memcpy(p + keep, "\xe2\x80\xa6", 4);
	return p;
}

static int
band_age(const char *s, size_t len, size_t i, size_t *n, unsigned long *v)
{
	*n = digits_at(s, len, i);
	if (*n == 0 || *n > 3)
		return 0;
	*v = num_value(s + i, *n);
	return *v <= AGE_MAX;
}

int
lint_age_band_valid(const char *s)
{
	static const char *const leads[] = {
		"yli", "alle", "over", "under", "över",
	};
	size_t len = strlen(s), i, k, n, sp;
	unsigned long a, b;

	for (k = 0; k < ARRAY_LEN(leads); k++) {
		if ((n = ci_prefix(s, len, 0, leads[k])) == 0)
			continue;
		if ((sp = space_at(s, len, n)) == 0)
			return 0;
		i = n + sp;
		return band_age(s, len, i, &n, &a) && i + n == len;
	}
	if (!band_age(s, len, 0, &n, &a))
		return 0;
	i = n;
	if (i < len && s[i] == '+')
		return i + 1 == len;
	i += space_at(s, len, i);
	if ((n = dash_at(s, len, i)) == 0)
		return 0;
	i += n;
	i += space_at(s, len, i);
	if (!band_age(s, len, i, &n, &b))
		return 0;
	return i + n == len && a < b;
}
