/*
 * QR codes with libqrencode.  The whole text goes in as 8-bit data
 * rather than in libqrencode's "string" mode, which would switch to
 * kanji or alphanumeric modes on the parts it recognises; a URL stays
 * byte for byte what a reader's phone opens.
 */
#include "qr.h"

#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "util.h"

int
qr_encode(const char *text, struct qr *q)
{
	QRcode *c;
	size_t i, n;

	memset(q, 0, sizeof(*q));
	if (text == NULL)
		return -1;
	c = QRcode_encodeData((int)strlen(text), (const unsigned char *)text,
	    0, QR_ECLEVEL_M);
	if (c == NULL)
		return -1;
	q->size = c->width;
	n = (size_t)c->width * (size_t)c->width;
	q->dark = xmalloc(n);
	/* The lowest bit of each byte is the module; the rest is
	 * libqrencode's bookkeeping. */
	for (i = 0; i < n; i++)
		q->dark[i] = c->data[i] & 1;
	QRcode_free(c);
	return 0;
}

void
qr_free(struct qr *q)
{
	if (q == NULL)
		return;
	free(q->dark);
	q->dark = NULL;
	q->size = 0;
}
