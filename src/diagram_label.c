/*
 * Text for diagrams: the HTML-like labels Graphviz draws, wrapped into
 * lines, and the plain text of <title>s.  Every text of the content
 * reaches Graphviz only through lbl_text, as XML-escaped text with
 * every backslash doubled (see diagram.h).
 */
#include "diagram_int.h"

#include <stdint.h>
#include <string.h>

/* ---- Text ---- */

/*
 * Decodes the UTF-8 code point at s; sets *n to its length.  A byte
 * that does not start a well-formed sequence gives U+FFFD, length 1.
 */
static uint32_t
utf8_next(const unsigned char *s, size_t *n)
{
	uint32_t cp;
	size_t len, k;

	if (s[0] < 0x80) {
		*n = 1;
		return s[0];
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		cp = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		cp = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		*n = 1;
		return 0xFFFD;
	}
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			*n = 1;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		*n = 1;
		return 0xFFFD;
	}
	*n = len;
	return cp;
}

static void
utf8_put(struct buf *b, uint32_t cp)
{
	char u[4];

	if (cp < 0x80) {
		buf_putc(b, (char)cp);
		return;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		buf_append(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		buf_append(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		buf_append(b, u, 4);
	}
}

/* A code point XML can carry, or U+FFFD; white space other than a
 * newline becomes a space. */
static uint32_t
xml_safe(uint32_t cp)
{
	if (cp == '\n')
		return cp;
	if (cp < 0x20 || cp == 0x7F)
		return ' ';
	if (cp == 0xFFFE || cp == 0xFFFF)
		return 0xFFFD;
	return cp;
}

/*
 * Returns s as plain text that XML can carry: invalid UTF-8 and
 * characters XML forbids become U+FFFD or spaces, runs of white space
 * one space.  For <title>s and tooltips.  Caller frees.
 */
char *
lbl_plain(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	struct buf b = { 0 };
	int space = 0;
	size_t n;

	while (*p) {
		uint32_t cp = xml_safe(utf8_next(p, &n));

		p += n;
		if (cp == ' ' || cp == '\n') {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = 0;
		utf8_put(&b, cp);
	}
	return buf_detach(&b);
}

/*
 * Appends one code point as the text of an HTML-like label: XML-escaped,
 * and a backslash doubled, since Graphviz expands \N, \G… in HTML labels
 * too, after decoding entities (so &#92; would not help).
 */
static void
lbl_put(struct buf *b, uint32_t cp)
{
	switch (cp) {
	case '&':
		buf_puts(b, "&amp;");
		break;
	case '<':
		buf_puts(b, "&lt;");
		break;
	case '>':
		buf_puts(b, "&gt;");
		break;
	case '"':
		buf_puts(b, "&quot;");
		break;
	case '\'':
		buf_puts(b, "&#39;");
		break;
	case '\\':
		buf_puts(b, "\\\\");
		break;
	default:
		utf8_put(b, cp);
	}
}

/* Words up to this long are never cut, however narrow the line: a
 * word broken inside reads as two wrong words ("Rikosseuraamuslait/os").
 * Only a longer run without a space or a hyphen, which no real name
 * has, is cut to keep its node from growing without end. */
#define WORD_UNCUT 40

/* Non-zero if a line may break after cp inside a word: a hyphen or an
 * en dash. */
static int
breaks_after(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2013;
}

/*
 * Appends s to b as HTML-label text, wrapped at about width code points
 * a line (0: never) with <BR/> between lines.  Lines break only at
 * spaces and after hyphens inside words ("Mielenterveys-"), so a word
 * longer than the line stays whole and makes its line longer; only a
 * run of more than WORD_UNCUT code points is cut.  White space runs
 * become one space; a newline in s breaks the line.  Nothing of s is
 * ever read as markup.
 */
void
lbl_text(struct buf *b, const char *s, size_t width)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t line = 0, n;
	int lines = 0;

	while (*p) {
		const unsigned char *w;
		size_t wlen = 0, i;
		int first = 1, overlong;
		uint32_t cp = xml_safe(utf8_next(p, &n));

		if (cp == ' ' || cp == '\n') {
			p += n;
			if (cp == '\n' && (line > 0 || lines > 0)) {
				buf_puts(b, "<BR/>");
				lines++;
				line = 0;
			}
			continue;
		}
		/* A run too long to keep whole (code, a URL) may also break
		 * after punctuation, before it is cut. */
		for (w = p, wlen = 0; *w; w += n) {
			cp = xml_safe(utf8_next(w, &n));
			if (cp == ' ' || cp == '\n')
				break;
			wlen++;
		}
		overlong = wlen > WORD_UNCUT;
		/* One segment of a word: up to and with a hyphen, or to the
		 * word's end; the segments of a word follow without a space. */
		for (;;) {
			for (w = p, wlen = 0; *w; w += n) {
				cp = xml_safe(utf8_next(w, &n));
				if (cp == ' ' || cp == '\n')
					break;
				wlen++;
				if (breaks_after(cp) || (overlong && cp < 0x80 &&
				    strchr("/\\>)];,._&", (int)cp) != NULL)) {
					w += n;
					break;
				}
			}
			if (line > 0 && width > 0 && line + first + wlen > width) {
				buf_puts(b, "<BR/>");
				lines++;
				line = 0;
			} else if (line > 0 && first) {
				buf_putc(b, ' ');
				line++;
			}
			for (i = 0; i < wlen; i++) {
				if (width > 0 && wlen > WORD_UNCUT && line >= width) {
					buf_puts(b, "<BR/>");
					lines++;
					line = 0;
				}
				lbl_put(b, xml_safe(utf8_next(p, &n)));
				p += n;
				line++;
			}
			first = 0;
			if (*p == '\0')
				break;
			cp = xml_safe(utf8_next(p, &n));
			if (cp == ' ' || cp == '\n')
				break;
		}
	}
}

/* Appends <FONT POINT-SIZE="size">text</FONT>, optionally bold/italic. */
void
lbl_font(struct buf *b, const char *text, size_t width, double size,
    int bold, int italic)
{
	buf_printf(b, "<FONT POINT-SIZE=\"%.1f\">", size);
	if (bold)
		buf_puts(b, "<B>");
	if (italic)
		buf_puts(b, "<I>");
	lbl_text(b, text, width);
	if (italic)
		buf_puts(b, "</I>");
	if (bold)
		buf_puts(b, "</B>");
	buf_puts(b, "</FONT>");
}

/*
 * An edge's label in a borderless table whose first cell is empty and
 * clear pt wide: the text starts that far right of the line that dot
 * draws along the label's left side.  (Chromium sets the text in its
 * own font, a little wider than the widths dot assumed, so the gap is
 * also where that difference goes.)
 */
void
lbl_edge(struct gb *b, void *e, const char *text, size_t width, double size,
    double clear)
{
	struct buf mk = { 0 };

	buf_printf(&mk, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" "
	    "CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD WIDTH=\"%.0f\" HEIGHT=\"1\" "
	    "FIXEDSIZE=\"TRUE\"></TD><TD>", clear);
	lbl_font(&mk, text, width, size, 0, 0);
	buf_puts(&mk, "</TD></TR></TABLE>");
	gb_set_html(b, e, "label", mk.data);
	buf_free(&mk);
}
