/*
 * Print: the only user of cairo.  A laid-out diagram is recorded once
 * (Graphviz's cairo renderer draws on the recording) and then put on
 * sheets of a paper, as PDF or PNG.  A sheet is the drawing (or, tiled,
 * its part) above a title block that says what it is and where it comes
 * from: the diagram's title, the handbook, its region and edition, a
 * legend of the symbols on that page, and the web page's address as
 * text and as a QR code.  Sheet text is set with cairo's own simple
 * text API in the diagram's font: it is short, left to right, and needs
 * no shaping beyond what a font's glyphs give.
 */
#include "diagram_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <cairo-pdf.h>

#include "qr.h"
#include "schema.h"

/* ---- Recordings ---- */

struct print_rec {
	cairo_surface_t *surface; /* owned: the recording */
	cairo_surface_t *sub;     /* owned while drawing: what Graphviz finishes */
	cairo_t *cr;              /* owned while drawing */
	double w, h;              /* size in points */
};

struct print_rec *
print_rec_new(double w, double h)
{
	struct print_rec *r = xcalloc(1, sizeof(*r));
	cairo_rectangle_t ext;

	r->w = w;
	r->h = h;
	ext.x = ext.y = 0;
	ext.width = w > 1 ? w : 1;
	ext.height = h > 1 ? h : 1;
	r->surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA,
	    &ext);
	r->sub = cairo_surface_create_for_rectangle(r->surface, 0, 0,
	    ext.width, ext.height);
	r->cr = cairo_create(r->sub);
	return r;
}

void *
print_rec_cairo(struct print_rec *r)
{
	return r->cr;
}

int
print_rec_end(struct print_rec *r)
{
	int rc = r->cr != NULL &&
	    cairo_status(r->cr) == CAIRO_STATUS_SUCCESS &&
	    cairo_surface_status(r->surface) == CAIRO_STATUS_SUCCESS ? 0 : -1;

	if (r->cr != NULL)
		cairo_destroy(r->cr);
	if (r->sub != NULL)
		cairo_surface_destroy(r->sub);
	r->cr = NULL;
	r->sub = NULL;
	return rc;
}

void
print_rec_free(struct print_rec *r)
{
	if (r == NULL)
		return;
	print_rec_end(r);
	cairo_surface_destroy(r->surface);
	free(r);
}


/* ---- Papers ---- */

#define MM (72 / 25.4)          /* points per millimetre */
#define OVERLAP_MM 10.0         /* tiles repeat this much of their
                                 * neighbour, for glue and alignment */
#define NOTES_MM 76.0           /* the notes margin: one sticky note */
#define GAP_MM 8.0              /* between drawing, notes and block:
                                 * room for the assembly marks */

/* ISO A0…A4 in millimetres, portrait. */
static const double a_mm[5][2] = { { 841, 1189 }, { 594, 841 },
	{ 420, 594 }, { 297, 420 }, { 210, 297 } };

/* The A number of a paper (0 for A0). */
static int
paper_anum(int paper)
{
	return paper < PAPER_A4 ? 4 - paper / 2 : 4 - (paper - PAPER_A4);
}

/* 0: the size alone; 1 portrait; 2 landscape. */
static int
paper_orient(int paper)
{
	return paper < PAPER_A4 ? 1 + paper % 2 : 0;
}

static int
paper_make(int anum, int orient)
{
	return (4 - anum) * 2 + (orient == 2);
}

int
diagram_paper_a(int paper)
{
	return paper_anum(paper);
}

void
diagram_paper_size(int paper, double *w, double *h)
{
	int a = paper >= 0 && paper < PAPER_COUNT ? paper_anum(paper) : 3;
	/* A bare size is measured as landscape, the usual wall sheet. */
	int land = paper < 0 || paper >= PAPER_COUNT ||
	    paper_orient(paper) != 1;

	*w = (land ? a_mm[a][1] : a_mm[a][0]) * MM;
	*h = (land ? a_mm[a][0] : a_mm[a][1]) * MM;
}

static cairo_status_t
buf_writer(void *closure, const unsigned char *data, unsigned int len)
{
	buf_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* The PDF's creation date: SOURCE_DATE_EPOCH if set, else none. */
static void
pdf_date(char out[32])
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;
	time_t t;
	struct tm tm;

	out[0] = '\0';
	if (s == NULL || *s == '\0')
		return;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v < 0)
		return;
	t = (time_t)v;
	if (gmtime_r(&t, &tm) == NULL)
		return;
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- Text ---- */

#define FS_SHEET_TITLE 14.0     /* the diagram's title on the sheet */
#define FS_SHEET 9.0            /* everything else on it: over 8 pt */
#define LINE_K 1.3              /* line height per type size */

static void
font(cairo_t *cr, double size, int bold)
{
	cairo_select_font_face(cr, FONT_NAME, CAIRO_FONT_SLANT_NORMAL,
	    bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
}

static double
text_width(cairo_t *cr, const char *s, size_t n)
{
	char *t = xstrndup(s, n);
	cairo_text_extents_t te;

	cairo_text_extents(cr, t, &te);
	free(t);
	return te.x_advance;
}

/* Lines of a wrapped text (owned strings). */
struct lines {
	char **v;
	size_t n, cap;
};

static void
lines_free(struct lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static void
lines_add(struct lines *l, const char *s, size_t n)
{
	char **slot = array_push(&l->v, &l->n, &l->cap, sizeof(*slot));

	*slot = xstrndup(s, n);
}

/*
 * The length of s's longest prefix, ending on a character boundary,
 * that fits width in the current font; at least one character.  The
 * characters' advances are summed one by one (cairo's own text has no
 * kerning), so that a long unbroken text costs linear time.
 */
static size_t
fit_prefix(cairo_t *cr, const char *s, size_t n, double width, int url)
{
	size_t k = 0, best = 0, brk = 0;
	double used = 0;

	while (k < n) {
		size_t next = k + 1;
		double cw;

		while (next < n && ((unsigned char)s[next] & 0xc0) == 0x80)
			next++;
		cw = text_width(cr, s + k, next - k);
		if (used + cw > width && best > 0)
			break;
		used += cw;
		best = next;
		/* An address breaks after a slash or a dot where it can. */
		if (url && (s[k] == '/' || s[k] == '.' || s[k] == '-'))
			brk = next;
		k = next;
	}
	if (best < n && url && brk > 0)
		return brk;
	return best;
}

/*
 * Wraps s at spaces into lines of at most width in the current font;
 * a word too long for a line (an address) is broken after a slash, a
 * dot or a hyphen, or else between characters.
 */
static void
wrap(cairo_t *cr, const char *s, double width, int url, struct lines *out)
{
	struct buf line = { 0 };
	const char *p = s;

	while (*p == ' ')
		p++;
	while (*p) {
		const char *w = p;
		size_t wl;

		while (*p && *p != ' ')
			p++;
		wl = (size_t)(p - w);
		while (*p == ' ')
			p++;
		if (line.len > 0) {
			size_t keep = line.len;

			buf_putc(&line, ' ');
			buf_append(&line, w, wl);
			if (text_width(cr, line.data, line.len) <= width)
				continue;
			lines_add(out, line.data, keep);
			line.len = 0;
		}
		while (wl > 0 && text_width(cr, w, wl) > width) {
			size_t k = fit_prefix(cr, w, wl, width, url);

			lines_add(out, w, k);
			w += k;
			wl -= k;
		}
		buf_append(&line, w, wl);
	}
	if (line.len > 0)
		lines_add(out, line.data, line.len);
	buf_free(&line);
}

#define MAX_LINES 3              /* of any one text of the title block */

/*
 * Draws (when draw) lines of s wrapped to width, the first baseline one
 * ascent below y; returns the height used.  A text longer than
 * MAX_LINES lines ends its last one with "…": the block stays a block.
 */
static double
text_block(cairo_t *cr, int draw, double x, double y, double width,
    const char *s, double size, int bold, int url)
{
	struct lines l = { 0 };
	double lh = size * LINE_K;
	size_t i;

	if (s == NULL || *s == '\0')
		return 0;
	font(cr, size, bold);
	wrap(cr, s, width, url, &l);
	if (l.n > MAX_LINES) {
		char *last = l.v[MAX_LINES - 1];
		size_t n = strlen(last);
		char *cut;

		/* Shorten the last line, on a character boundary, until
		 * it and the ellipsis fit. */
		for (;;) {
			cut = xasprintf("%.*s…", (int)n, last);
			if (n == 0 || text_width(cr, cut, strlen(cut)) <= width)
				break;
			free(cut);
			do
				n--;
			while (n > 0 && ((unsigned char)last[n] & 0xc0) == 0x80);
		}
		free(last);
		l.v[MAX_LINES - 1] = cut;
		for (i = MAX_LINES; i < l.n; i++)
			free(l.v[i]);
		l.n = MAX_LINES;
	}
	for (i = 0; draw && i < l.n; i++) {
		cairo_move_to(cr, x, y + size + i * lh);
		cairo_show_text(cr, l.v[i]);
	}
	i = l.n;
	lines_free(&l);
	return (double)i * lh;
}

/* ---- Colours and symbols ---- */

static int
hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ?
	    c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Sets a Graphviz colour ("#rrggbb", "#rrggbbaa", a few names); 0 if
 * it is "none" or "transparent" (nothing to draw). */
static int
set_colour(cairo_t *cr, const char *c)
{
	double v[4] = { 0.5, 0.5, 0.5, 1 };
	int i;

	if (c == NULL || strcmp(c, "none") == 0 ||
	    strcmp(c, "transparent") == 0)
		return 0;
	if (c[0] == '#' && (strlen(c) == 7 || strlen(c) == 9)) {
		for (i = 0; i < (int)(strlen(c) - 1) / 2; i++) {
			int hi = hexval(c[1 + 2 * i]), lo = hexval(c[2 + 2 * i]);

			if (hi < 0 || lo < 0)
				break;
			v[i] = (hi * 16 + lo) / 255.0;
		}
	} else if (strcmp(c, "white") == 0)
		v[0] = v[1] = v[2] = 1;
	else if (strcmp(c, "black") == 0)
		v[0] = v[1] = v[2] = 0;
	cairo_set_source_rgba(cr, v[0], v[1], v[2], v[3]);
	return 1;
}

static int
has_style(const char *style, const char *word)
{
	size_t n = strlen(word);
	const char *p = style;

	while (p != NULL && (p = strstr(p, word)) != NULL) {
		if ((p == style || p[-1] == ',' || p[-1] == ' ') &&
		    (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
			return 1;
		p += n;
	}
	return 0;
}

static void
rounded_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
	cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
	cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
	cairo_close_path(cr);
}

/* The outline of a node's shape in the box (x, y, w, h). */
static void
shape_path(cairo_t *cr, const struct legend_item *it, double x, double y,
    double w, double h)
{
	const char *sh = it->shape;

	if (strcmp(sh, "ellipse") == 0 || strcmp(sh, "oval") == 0 ||
	    strcmp(sh, "circle") == 0) {
		cairo_save(cr);
		cairo_translate(cr, x + w / 2, y + h / 2);
		cairo_scale(cr, w / 2, h / 2);
		cairo_new_sub_path(cr);
		cairo_arc(cr, 0, 0, 1, 0, 2 * M_PI);
		cairo_restore(cr);
	} else if (strstr(sh, "octagon") != NULL) {
		double d = h * 0.3;

		cairo_move_to(cr, x + d, y);
		cairo_line_to(cr, x + w - d, y);
		cairo_line_to(cr, x + w, y + d);
		cairo_line_to(cr, x + w, y + h - d);
		cairo_line_to(cr, x + w - d, y + h);
		cairo_line_to(cr, x + d, y + h);
		cairo_line_to(cr, x, y + h - d);
		cairo_line_to(cr, x, y + d);
		cairo_close_path(cr);
	} else if (strcmp(sh, "diamond") == 0) {
		cairo_move_to(cr, x + w / 2, y);
		cairo_line_to(cr, x + w, y + h / 2);
		cairo_line_to(cr, x + w / 2, y + h);
		cairo_line_to(cr, x, y + h / 2);
		cairo_close_path(cr);
	} else if (strcmp(sh, "note") == 0) {
		double d = h * 0.35;

		cairo_move_to(cr, x, y);
		cairo_line_to(cr, x + w - d, y);
		cairo_line_to(cr, x + w, y + d);
		cairo_line_to(cr, x + w, y + h);
		cairo_line_to(cr, x, y + h);
		cairo_close_path(cr);
	} else if (has_style(it->style, "rounded"))
		rounded_rect(cr, x, y, w, h, h * 0.3);
	else
		cairo_rectangle(cr, x, y, w, h);
}

static void
line_style(cairo_t *cr, const struct legend_item *it, double pw)
{
	double dash[2];

	cairo_set_line_width(cr, pw);
	if (has_style(it->style, "dashed")) {
		dash[0] = 4, dash[1] = 2.5;
		cairo_set_dash(cr, dash, 2, 0);
	} else if (has_style(it->style, "dotted")) {
		dash[0] = 0.01, dash[1] = 2.5;
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		cairo_set_dash(cr, dash, 2, 0);
	} else
		cairo_set_dash(cr, NULL, 0, 0);
}

static void
arrowhead(cairo_t *cr, double x, double y, double dir, double size)
{
	cairo_move_to(cr, x, y);
	cairo_line_to(cr, x - dir * size, y - size * 0.45);
	cairo_line_to(cr, x - dir * size, y + size * 0.45);
	cairo_close_path(cr);
	cairo_fill(cr);
}

#define SWATCH_W 30.0
#define SWATCH_H 14.0

/* Draws the symbol of it in the swatch at (x, y). */
static void
swatch(cairo_t *cr, const struct legend_item *it, double x, double y)
{
	double pw = it->penwidth > 0 ? it->penwidth : 1;

	cairo_save(cr);
	if (has_style(it->style, "bold") && pw < 2)
		pw = 2;
	if (pw > 5)
		pw = 5;
	if (it->what == LEGEND_EDGE) {
		double my = y + SWATCH_H / 2, a = 4 + pw;

		line_style(cr, it, pw);
		set_colour(cr, it->color);
		cairo_move_to(cr, x + (it->arrows == 2 ? a : 0), my);
		cairo_line_to(cr, x + SWATCH_W - (it->arrows ? a : 0), my);
		cairo_stroke(cr);
		if (it->arrows) {
			cairo_set_dash(cr, NULL, 0, 0);
			arrowhead(cr, x + SWATCH_W, my, 1, a);
		}
		if (it->arrows == 2)
			arrowhead(cr, x, my, -1, a);
	} else {
		double inset = pw / 2;

		shape_path(cr, it, x + inset, y + inset, SWATCH_W - 2 * inset,
		    SWATCH_H - 2 * inset);
		/* Objects of one class in different colours (groups)
		 * show as one neutral swatch. */
		if ((it->what == LEGEND_BOX || has_style(it->style, "filled") ||
		    it->style[0] == '\0') &&
		    set_colour(cr, it->varied ? "#e8ebef" : it->fill))
			cairo_fill_preserve(cr);
		line_style(cr, it, pw);
		if (set_colour(cr, it->varied ? C_LINE : it->color))
			cairo_stroke(cr);
		cairo_new_path(cr);
		if (it->peripheries >= 2) {
			shape_path(cr, it, x + inset + 2.5, y + inset + 2.5,
			    SWATCH_W - 2 * inset - 5, SWATCH_H - 2 * inset - 5);
			cairo_set_line_width(cr, 0.8);
			if (set_colour(cr, it->color))
				cairo_stroke(cr);
			cairo_new_path(cr);
		}
	}
	cairo_restore(cr);
}

/* ---- Sheets ---- */

/* Where things go on a page, in points. */
struct geom {
	int paper;                 /* concrete */
	double pw, ph;             /* the paper */
	double cx, cy, cw, ch;     /* the drawing's area */
	double bx, by, bw, bh;     /* the title block */
	double nx, ny, nw, nh;     /* the notes margin (nw 0: none) */
};

/* How the drawing is cut into pages. */
struct tiling {
	double s;                  /* scale */
	int nx, ny;                /* pages across and down */
	double *xs, *ys;           /* owned: where each column's and row's
	                            * window starts, in points of the
	                            * scaled drawing from its top left */
};

static void
tiling_free(struct tiling *t)
{
	free(t->xs);
	free(t->ys);
	t->xs = t->ys = NULL;
}

static void
cinfo_text(cairo_t *cr, double gray)
{
	cairo_set_source_rgb(cr, gray, gray, gray);
}

#define QR_PT 72.0                /* the QR code's side, 25.4 mm */
#define BLOCK_PAD 6.0

/* The legend items of sh that have words, and are drawn (mask[i]). */
static int
legend_shown(const struct sheet *sh, size_t i, const unsigned char *mask)
{
	const struct legend_item *it = &sh->legend->items[i];

	return (mask == NULL || mask[i]) &&
	    legend_label(sh->lang, sh->kind, it->what, it->cls) != NULL;
}

/*
 * The legend in the box at (x, y), width w: items in columns of equal
 * width, read down.  Returns its height; draws when draw.
 */
static double
legend_block(cairo_t *cr, int draw, const struct sheet *sh,
    const unsigned char *mask, double x, double y, double w)
{
	double colw = 0, gap = 12, head, h = 0, lh = FS_SHEET * LINE_K;
	size_t i, n = 0, k, ncols, per, col;
	double *rowh;

	if (sh->legend == NULL)
		return 0;
	font(cr, FS_SHEET, 0);
	for (i = 0; i < sh->legend->n; i++)
		if (legend_shown(sh, i, mask)) {
			const struct legend_item *it = &sh->legend->items[i];
			const char *lbl = legend_label(sh->lang, sh->kind,
			    it->what, it->cls);
			double tw = SWATCH_W + 6 + text_width(cr, lbl,
			    strlen(lbl));

			colw = tw > colw ? tw : colw;
			n++;
		}
	if (n == 0 || w < SWATCH_W + 40)
		return 0;
	if (colw > w)
		colw = w;
	if (colw > 230)
		colw = 230;
	ncols = (size_t)((w + gap) / (colw + gap));
	ncols = ncols < 1 ? 1 : ncols > n ? n : ncols;
	per = (n + ncols - 1) / ncols;
	ncols = (n + per - 1) / per;
	head = FS_SHEET * LINE_K + 2;
	if (draw) {
		font(cr, FS_SHEET, 1);
		cinfo_text(cr, 0.1);
		cairo_move_to(cr, x, y + FS_SHEET);
		cairo_show_text(cr, sheet_word(sh->lang, SW_LEGEND));
	}
	/* Rows are as high as their tallest item across the columns. */
	rowh = xcalloc(per, sizeof(*rowh));
	for (k = 0, i = 0; i < sh->legend->n; i++) {
		const struct legend_item *it = &sh->legend->items[i];
		const char *lbl;
		double th;

		if (!legend_shown(sh, i, mask))
			continue;
		lbl = legend_label(sh->lang, sh->kind, it->what, it->cls);
		th = text_block(cr, 0, 0, 0, colw - SWATCH_W - 6, lbl,
		    FS_SHEET, 0, 0);
		th = th > SWATCH_H + 3 ? th : SWATCH_H + 3;
		if (th > rowh[k % per])
			rowh[k % per] = th;
		k++;
	}
	for (k = 0; k < per; k++)
		h += rowh[k];
	if (draw) {
		double cy = y + head;

		for (k = 0, i = 0; i < sh->legend->n; i++) {
			const struct legend_item *it = &sh->legend->items[i];
			double ix, iy;
			size_t r;

			if (!legend_shown(sh, i, mask))
				continue;
			col = k / per;
			r = k % per;
			if (r == 0)
				cy = y + head;
			ix = x + (double)col * (colw + gap);
			iy = cy;
			swatch(cr, it, ix, iy);
			cinfo_text(cr, 0.1);
			text_block(cr, 1, ix + SWATCH_W + 6, iy + (SWATCH_H -
			    lh) / 2 + 1, colw - SWATCH_W - 6,
			    legend_label(sh->lang, sh->kind, it->what, it->cls),
			    FS_SHEET, 0, 0);
			cy += rowh[r];
			k++;
		}
	}
	free(rowh);
	(void)lh;
	return head + h;
}

/* Draws the QR code of url, side QR_PT with its quiet zone, at (x, y):
 * a vector square per dark module, filled as one path. */
static int
qr_block(cairo_t *cr, const char *url, double x, double y)
{
	struct qr q;
	double mod;
	int i, j;

	if (qr_encode(url, &q) != 0)
		return -1;
	mod = QR_PT / (q.size + 8);
	cairo_save(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, x, y, QR_PT, QR_PT);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (i = 0; i < q.size; i++)
		for (j = 0; j < q.size; j++)
			if (q.dark[i * q.size + j])
				cairo_rectangle(cr, x + (j + 4) * mod,
				    y + (i + 4) * mod, mod, mod);
	cairo_fill(cr);
	cairo_restore(cr);
	qr_free(&q);
	return 0;
}

/* "Handbook – Region", or one of them. */
static char *
handbook_line(const struct sheet *sh)
{
	if (sh->region != NULL && *sh->region != '\0')
		return xasprintf("%s – %s", sh->handbook ? sh->handbook : "",
		    sh->region);
	return xstrdup(sh->handbook ? sh->handbook : "");
}

/*
 * The title block in g's block box: the diagram's title, the handbook
 * and region, the edition, the page (tiled), the address; the legend
 * beside; the QR code at the right.  Returns its height; draws when
 * draw (at g->by).
 */
static double
title_block(cairo_t *cr, int draw, const struct sheet *sh,
    const struct geom *g, const unsigned char *mask, const char *pagelbl)
{
	double x = g->bx, y = g->by + BLOCK_PAD, w = g->bw, qw, iw, lw, ih,
	    lh, h, fs = FS_SHEET;
	char *hb = handbook_line(sh), *ed = NULL;

	qw = sh->url != NULL ? QR_PT + 10 : 0;
	iw = w * 0.42;
	iw = iw < 160 ? (w < 160 ? w : 160) : iw > 300 ? 300 : iw;
	lw = w - iw - qw - 14;
	if (sh->edition != NULL)
		ed = xasprintf("%s %s", sheet_word(sh->lang, SW_EDITION),
		    sh->edition);
	if (draw) {
		cairo_save(cr);
		cairo_set_source_rgb(cr, 0.55, 0.58, 0.62);
		cairo_set_line_width(cr, 0.6);
		cairo_move_to(cr, g->bx, g->by);
		cairo_line_to(cr, g->bx + g->bw, g->by);
		cairo_stroke(cr);
		cinfo_text(cr, 0.1);
	}
	ih = text_block(cr, draw, x, y, iw, sh->title, FS_SHEET_TITLE, 1, 0);
	ih += 2;
	if (draw)
		cinfo_text(cr, 0.15);
	ih += text_block(cr, draw, x, y + ih, iw, hb, fs, 0, 0);
	ih += text_block(cr, draw, x, y + ih, iw, ed, fs, 0, 0);
	ih += text_block(cr, draw, x, y + ih, iw, pagelbl, fs, 0, 0);
	ih += text_block(cr, draw, x, y + ih, iw, sh->url, fs, 0, 1);
	lh = lw > 0 ? legend_block(cr, draw, sh, mask, x + iw + 14, y, lw) :
	    0;
	h = ih > lh ? ih : lh;
	if (sh->url != NULL) {
		if (h < QR_PT)
			h = QR_PT;
		if (draw)
			qr_block(cr, sh->url, x + w - QR_PT, y);
	}
	if (draw)
		cairo_restore(cr);
	free(hb);
	free(ed);
	return h + 2 * BLOCK_PAD;
}

/* The page geometry of a concrete paper for sh. */
static void
geometry(cairo_t *cr, const struct sheet *sh, int paper, struct geom *g)
{
	double m = MARGIN_MM * MM, gap = GAP_MM * MM;

	memset(g, 0, sizeof(*g));
	g->paper = paper;
	diagram_paper_size(paper, &g->pw, &g->ph);
	g->bx = m;
	g->bw = g->pw - 2 * m;
	g->bh = title_block(cr, 0, sh, g, NULL, "0");
	g->by = g->ph - m - g->bh;
	g->cx = m;
	g->cy = m;
	g->cw = g->pw - 2 * m;
	g->ch = g->by - gap - m;
	if (sh->notes) {
		/* A sticky note's width beside a wide sheet, below a tall
		 * one. */
		if (g->pw > g->ph) {
			g->nw = NOTES_MM * MM;
			g->nh = g->ch;
			g->nx = g->cx + g->cw - g->nw;
			g->ny = g->cy;
			g->cw -= g->nw + gap;
		} else {
			g->nw = g->cw;
			g->nh = NOTES_MM * MM;
			g->nx = g->cx;
			g->ny = g->cy + g->ch - g->nh;
			g->ch -= g->nh + gap;
		}
	}
}

/*
 * Where the windows of one axis start: a drawing L long (scaled) seen
 * through windows c long.  One window centres the drawing.  Otherwise
 * each window starts OVERLAP_MM before the end of the one before, or
 * earlier, at the start of a node that the earlier window's end cuts,
 * so that the node is whole on the next page (unless that would move
 * less than half a window).  lo and hi are the nodes' extents on this
 * axis, scaled.  Returns the count; *out is owned by the caller.
 */
static int
starts(double L, double c, const double *lo, const double *hi, size_t n,
    double **out)
{
	double ov = OVERLAP_MM * MM, x = 0;
	size_t cap = (size_t)(2 * L / c) + 4, i;
	int k = 0;

	*out = xcalloc(cap, sizeof(**out));
	if (L <= c + 1e-6) {
		(*out)[0] = -(c - L) / 2;
		return 1;
	}
	for (;;) {
		double edge = x + c, next = edge - ov;

		(*out)[k++] = x;
		if (edge >= L - 1e-6 || (size_t)k == cap)
			break;
		for (i = 0; i < n; i++)
			if (lo[i] < next && hi[i] > edge && lo[i] - 2 >= x + c / 2)
				next = lo[i] - 2;
		x = next;
	}
	return k;
}

/*
 * Cuts a drawing of w x h points for g's area: the scale that fills it,
 * but (when legible) never under PRINT_MIN_PT type, and as many pages
 * as that takes, overlapping, cut between nodes where they can be.
 */
static void
tile(double w, double h, const struct geom *g, const struct legend *lg,
    int legible, struct tiling *t)
{
	double *lx = NULL, *hx = NULL, *ly = NULL, *hy = NULL;
	size_t n = 0, cap = 0, i, j;

	w = w > 1 ? w : 1;
	h = h > 1 ? h : 1;
	t->s = fmin(g->cw / w, g->ch / h);
	if (legible && t->s * FS_MIN < PRINT_MIN_PT)
		t->s = PRINT_MIN_PT / FS_MIN;
	for (i = 0; lg != NULL && i < lg->n; i++) {
		const struct legend_item *it = &lg->items[i];

		if (it->what != LEGEND_NODE)
			continue;
		for (j = 0; j < it->nboxes; j++) {
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				lx = xrealloc(lx, cap * sizeof(*lx));
				hx = xrealloc(hx, cap * sizeof(*hx));
				ly = xrealloc(ly, cap * sizeof(*ly));
				hy = xrealloc(hy, cap * sizeof(*hy));
			}
			lx[n] = it->boxes[j].x0 * t->s;
			hx[n] = it->boxes[j].x1 * t->s;
			ly[n] = it->boxes[j].y0 * t->s;
			hy[n] = it->boxes[j].y1 * t->s;
			n++;
		}
	}
	t->nx = starts(w * t->s, g->cw, lx, hx, n, &t->xs);
	t->ny = starts(h * t->s, g->ch, ly, hy, n, &t->ys);
	free(lx);
	free(hx);
	free(ly);
	free(hy);
}

/* The scale at which the drawing would fill g's area on one page. */
static double
fill_scale(double w, double h, const struct geom *g)
{
	return fmin(g->cw / (w > 1 ? w : 1), g->ch / (h > 1 ? h : 1));
}

/* Geometry and tiling of paper for the drawing.  A bare size takes the
 * orientation the drawing follows: the one whose drawing area its shape
 * fills best, so that it prints largest (landscape when equal). */
static void
choose(cairo_t *cr, const struct sheet *sh, double w, double h, int paper,
    int legible, struct geom *g, struct tiling *t)
{
	int a = paper_anum(paper);

	if (paper_orient(paper) == 0) {
		struct geom g2;
		struct tiling t2;

		geometry(cr, sh, paper_make(a, 2), g);
		tile(w, h, g, sh->legend, legible, t);
		geometry(cr, sh, paper_make(a, 1), &g2);
		tile(w, h, &g2, sh->legend, legible, &t2);
		if (fill_scale(w, h, &g2) > fill_scale(w, h, g) * 1.001) {
			tiling_free(t);
			*g = g2;
			*t = t2;
		} else
			tiling_free(&t2);
		return;
	}
	geometry(cr, sh, paper, g);
	tile(w, h, g, sh->legend, legible, t);
}

/* The smallest paper larger than paper, in the orientation that suits
 * the drawing, that takes it on one legible page; -1 if none. */
static int
fits_on(cairo_t *cr, const struct sheet *sh, double w, double h, int paper)
{
	int a;

	for (a = paper_anum(paper) - 1; a >= 0; a--) {
		struct geom g;
		struct tiling t;
		int p = PAPER_A4 + (4 - a);

		choose(cr, sh, w, h, p, 1, &g, &t);
		tiling_free(&t);
		if (t.nx * t.ny == 1)
			return g.paper;
	}
	return -1;
}

/* Short crop marks at the corners of the box, in the margin. */
static void
crop_marks(cairo_t *cr, double x, double y, double w, double h)
{
	double d = 1.5 * MM, l = 5 * MM;
	int i;

	for (i = 0; i < 4; i++) {
		double cx = i % 2 ? x + w : x, cy = i / 2 ? y + h : y;
		double sx = i % 2 ? 1 : -1, sy = i / 2 ? 1 : -1;

		cairo_move_to(cr, cx + sx * d, cy);
		cairo_line_to(cr, cx + sx * (d + l), cy);
		cairo_move_to(cr, cx, cy + sy * d);
		cairo_line_to(cr, cx, cy + sy * (d + l));
	}
}

/*
 * The assembly marks of the page at (col, row) of t: crop marks at the
 * drawing area's corners (cut there), and ticks in the margin where the
 * neighbour's cut edge goes when the pages are laid over each other.
 */
static void
assembly_marks(cairo_t *cr, const struct geom *g, const struct tiling *t,
    int col, int row)
{
	double l = 4 * MM, d = 1.5 * MM;
	double at[4];
	int i;

	cairo_save(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.4);
	crop_marks(cr, g->cx, g->cy, g->cw, g->ch);
	/* Where the neighbours' cut edges fall on this page, or -1. */
	at[0] = col + 1 < t->nx ? g->cx + t->xs[col + 1] - t->xs[col] : -1;
	at[1] = col > 0 ? g->cx + t->xs[col - 1] + g->cw - t->xs[col] : -1;
	at[2] = row + 1 < t->ny ? g->cy + t->ys[row + 1] - t->ys[row] : -1;
	at[3] = row > 0 ? g->cy + t->ys[row - 1] + g->ch - t->ys[row] : -1;
	for (i = 0; i < 2; i++)
		if (at[i] >= 0) {
			cairo_move_to(cr, at[i], g->cy - d);
			cairo_line_to(cr, at[i], g->cy - d - l);
			cairo_move_to(cr, at[i], g->cy + g->ch + d);
			cairo_line_to(cr, at[i], g->cy + g->ch + d + l * 0.6);
		}
	for (i = 2; i < 4; i++)
		if (at[i] >= 0) {
			cairo_move_to(cr, g->cx - d, at[i]);
			cairo_line_to(cr, g->cx - d - l, at[i]);
			cairo_move_to(cr, g->cx + g->cw + d, at[i]);
			cairo_line_to(cr, g->cx + g->cw + d + l, at[i]);
		}
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* The notes margin: a light frame and its word, otherwise blank. */
static void
notes_box(cairo_t *cr, const struct sheet *sh, const struct geom *g)
{
	double dash[2] = { 3, 3 };

	if (g->nw <= 0)
		return;
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.6, 0.63, 0.67);
	cairo_set_line_width(cr, 0.6);
	cairo_set_dash(cr, dash, 2, 0);
	cairo_rectangle(cr, g->nx, g->ny, g->nw, g->nh);
	cairo_stroke(cr);
	cinfo_text(cr, 0.35);
	text_block(cr, 1, g->nx + 6, g->ny + 5, g->nw - 12,
	    sheet_word(sh->lang, SW_NOTES), FS_SHEET, 0, 0);
	cairo_restore(cr);
}

/*
 * Which legend items are drawn in the window of the drawing that page
 * (col, row) shows; mask gets 1 for each, or NULL (all of them) if
 * none is.  Caller frees.
 */
static unsigned char *
page_mask(const struct sheet *sh, const struct geom *g,
    const struct tiling *t, int col, int row)
{
	const struct legend *lg = sh->legend;
	unsigned char *mask;
	double x0, y0, x1, y1;
	size_t i, j;

	if (lg == NULL || lg->n == 0)
		return NULL;
	mask = xcalloc(lg->n, 1);
	x0 = t->xs[col] / t->s;
	y0 = t->ys[row] / t->s;
	x1 = x0 + g->cw / t->s;
	y1 = y0 + g->ch / t->s;
	for (i = 0; i < lg->n; i++)
		for (j = 0; j < lg->items[i].nboxes && !mask[i]; j++) {
			const struct legend_box *b = &lg->items[i].boxes[j];

			mask[i] = b->x1 >= x0 && b->x0 <= x1 && b->y1 >= y0 &&
			    b->y0 <= y1;
		}
	/* A tile the drawing does not reach (the corner of a grid kept
	 * whole for assembly) would have no legend at all: it gets the
	 * sheet's, so that every page explains the sheet. */
	for (i = 0; i < lg->n && !mask[i]; i++)
		;
	if (i == lg->n) {
		free(mask);
		return NULL;
	}
	return mask;
}

/*
 * Draws page (col, row): the drawing's window, the notes margin, the
 * marks of a tiled sheet and the title block.  The recording is flushed
 * after each page: cairo's PDF surface writes a recording painted on
 * several pages once, keeping only what the first page showed (which
 * left later tiles with nothing but the edges that crossed into them),
 * unless the page's copy of it is detached from it so, and then each
 * page has its own.
 */
static void
draw_page(cairo_t *cr, const struct print_rec *r, const struct sheet *sh,
    const struct geom *g, const struct tiling *t, int col, int row)
{
	unsigned char *mask = page_mask(sh, g, t, col, row);
	char lbl[160];
	int pages = t->nx * t->ny;

	cairo_save(cr);
	cairo_rectangle(cr, g->cx, g->cy, g->cw, g->ch);
	cairo_clip(cr);
	cairo_translate(cr, g->cx - t->xs[col], g->cy - t->ys[row]);
	cairo_scale(cr, t->s, t->s);
	cairo_set_source_surface(cr, r->surface, 0, 0);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_flush(r->surface);
	notes_box(cr, sh, g);
	lbl[0] = '\0';
	if (pages > 1) {
		assembly_marks(cr, g, t, col, row);
		snprintf(lbl, sizeof(lbl), sheet_word(sh->lang, SW_PAGE_TILE),
		    row * t->nx + col + 1, pages, row + 1, col + 1);
	}
	title_block(cr, 1, sh, g, mask, lbl[0] ? lbl : NULL);
	free(mask);
}

static void
sheet_fonts(cairo_t *cr)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	/* The same advances on every surface: no hinting of metrics. */
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_set_font_options(cr, fo);
	cairo_font_options_destroy(fo);
}

int
print_pdf(const struct print_rec *r, int paper, const struct sheet *sh,
    struct buf *out, struct print_fit *fit)
{
	struct geom g;
	struct tiling t;
	cairo_surface_t *sf;
	cairo_t *cr;
	char date[32];
	int x, y, rc;

	sf = cairo_pdf_surface_create_for_stream(buf_writer, out, 595, 842);
	cr = cairo_create(sf);
	sheet_fonts(cr);
	choose(cr, sh, r->w, r->h, paper, 1, &g, &t);
	memset(fit, 0, sizeof(*fit));
	fit->paper = g.paper;
	fit->nx = t.nx;
	fit->ny = t.ny;
	fit->pages = t.nx * t.ny;
	fit->scale = t.s;
	fit->fits_on = fit->pages > 1 ? fits_on(cr, sh, r->w, r->h, paper) :
	    -1;
	cairo_pdf_surface_set_size(sf, g.pw, g.ph);
	pdf_date(date);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE,
	    date);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE,
	    sh->title ? sh->title : "");
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR,
	    "kartta " KARTTA_VERSION);
	for (y = 0; y < t.ny; y++)
		for (x = 0; x < t.nx; x++) {
			draw_page(cr, r, sh, &g, &t, x, y);
			cairo_show_page(cr);
		}
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	rc = cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(sf);
	tiling_free(&t);
	return rc;
}

int
print_png(const struct print_rec *r, int paper, const struct sheet *sh,
    unsigned dpi, struct buf *out)
{
	double k = (dpi ? dpi : 150) / 72.0;
	struct geom g;
	struct tiling t;
	cairo_surface_t *sf, *probe;
	cairo_t *cr;
	int rc;

	/* Measure first, on a surface of no size, to know the paper. */
	probe = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	cr = cairo_create(probe);
	sheet_fonts(cr);
	choose(cr, sh, r->w, r->h, paper, 0, &g, &t);
	cairo_destroy(cr);
	cairo_surface_destroy(probe);
	sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)lround(g.pw * k), (int)lround(g.ph * k));
	cr = cairo_create(sf);
	sheet_fonts(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	draw_page(cr, r, sh, &g, &t, 0, 0);
	cairo_destroy(cr);
	rc = cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS &&
	    cairo_surface_write_to_png_stream(sf, buf_writer, out) ==
	    CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(sf);
	tiling_free(&t);
	return rc;
}
