/*
 * Print: the only user of cairo.  A laid-out diagram is recorded once
 * (Graphviz's cairo renderer draws on the recording) and then put on
 * pages of a paper, as PDF or PNG.
 */
#include "diagram_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo.h>
#include <cairo-pdf.h>

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


void
diagram_paper_size(int paper, double *w, double *h)
{
	const double a4w = 210 / 25.4 * 72, a4h = 297 / 25.4 * 72;
	const double a3w = 297 / 25.4 * 72, a3h = 420 / 25.4 * 72;

	switch (paper) {
	case PAPER_A4_PORTRAIT:
		*w = a4w, *h = a4h;
		break;
	case PAPER_A4_LANDSCAPE:
		*w = a4h, *h = a4w;
		break;
	case PAPER_A3_PORTRAIT:
		*w = a3w, *h = a3h;
		break;
	default:
		*w = a3h, *h = a3w;
		break;
	}
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

/*
 * Places the drawing (w x h points) on pages of the paper: scaled to
 * fill the space inside the margins, but never so small that FS_MIN
 * type prints under PRINT_MIN_PT; then tiled.  Sets the scale, the
 * number of pages across and down, and the offset of the drawing.
 */
static void
place(double w, double h, double pw, double ph, int legible, double *s,
    int *nx, int *ny, double *ox, double *oy)
{
	double m = MARGIN_MM / 25.4 * 72, cw = pw - 2 * m, ch = ph - 2 * m;

	if (w <= 0)
		w = 1;
	if (h <= 0)
		h = 1;
	*s = fmin(cw / w, ch / h);
	if (legible && *s * FS_MIN < PRINT_MIN_PT)
		*s = PRINT_MIN_PT / FS_MIN;
	*nx = (int)ceil(w * *s / cw - 1e-6);
	*ny = (int)ceil(h * *s / ch - 1e-6);
	if (*nx < 1)
		*nx = 1;
	if (*ny < 1)
		*ny = 1;
	*ox = m + (*nx * cw - w * *s) / 2;
	*oy = m + (*ny * ch - h * *s) / 2;
}

int
print_pdf(const struct print_rec *r, int paper, const char *title,
    struct buf *out, int *pages)
{
	cairo_surface_t *rec = r->surface;
	double w = r->w, h = r->h;
	double pw, ph, s, ox, oy, m = MARGIN_MM / 25.4 * 72;
	double rs, rox, roy;
	cairo_surface_t *sf;
	cairo_t *cr;
	char date[32];
	int nx, ny, rnx, rny, x, y, rc, rot;

	diagram_paper_size(paper, &pw, &ph);
	place(w, h, pw, ph, 1, &s, &nx, &ny, &ox, &oy);
	/* A drawing of the other orientation than the paper's goes on it
	 * sideways when that prints it larger. */
	place(h, w, pw, ph, 1, &rs, &rnx, &rny, &rox, &roy);
	rot = rnx * rny < nx * ny || (rnx * rny == nx * ny && rs > s * 1.1);
	if (rot) {
		s = rs, nx = rnx, ny = rny, ox = rox, oy = roy;
	}
	sf = cairo_pdf_surface_create_for_stream(buf_writer, out, pw, ph);
	pdf_date(date);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATE_DATE,
	    date);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR,
	    "kartta " KARTTA_VERSION);
	cr = cairo_create(sf);
	for (y = 0; y < ny; y++)
		for (x = 0; x < nx; x++) {
			cairo_save(cr);
			cairo_rectangle(cr, m, m, pw - 2 * m, ph - 2 * m);
			cairo_clip(cr);
			cairo_translate(cr, ox - x * (pw - 2 * m),
			    oy - y * (ph - 2 * m));
			if (rot) {
				/* (x, y) -> (h - y, x): a quarter turn. */
				cairo_translate(cr, h * s, 0);
				cairo_rotate(cr, M_PI / 2);
			}
			cairo_scale(cr, s, s);
			cairo_set_source_surface(cr, rec, 0, 0);
			cairo_paint(cr);
			cairo_restore(cr);
			cairo_show_page(cr);
		}
	cairo_destroy(cr);
	cairo_surface_finish(sf);
	rc = cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(sf);
	*pages = nx * ny;
	return rc;
}

int
print_png(const struct print_rec *r, int paper, unsigned dpi,
    struct buf *out)
{
	cairo_surface_t *rec = r->surface;
	double w = r->w, h = r->h;
	double pw, ph, s, ox, oy, k = (dpi ? dpi : 150) / 72.0;
	cairo_surface_t *sf;
	cairo_t *cr;
	int nx, ny, rc;

	diagram_paper_size(paper, &pw, &ph);
	place(w, h, pw, ph, 0, &s, &nx, &ny, &ox, &oy);
	sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)lround(pw * k), (int)lround(ph * k));
	cr = cairo_create(sf);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, k, k);
	cairo_translate(cr, ox, oy);
	cairo_scale(cr, s, s);
	cairo_set_source_surface(cr, rec, 0, 0);
	cairo_paint(cr);
	cairo_destroy(cr);
	rc = cairo_surface_status(sf) == CAIRO_STATUS_SUCCESS &&
	    cairo_surface_write_to_png_stream(sf, buf_writer, out) ==
	    CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(sf);
	return rc;
}
