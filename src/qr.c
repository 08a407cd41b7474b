/*
 * QR codes with libqrencode.  The whole text goes in as 8-bit data
 * rather than in libqrencode's "string" mode, which would switch to
 * kanji or alphanumeric modes on the parts it recognises; a URL stays
 * byte for byte what a reader's phone opens.  A text that is not plain
 * ASCII says it is UTF-8 (an ECI header).
 */
#include "qr.h"

#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "util.h"

/* The ECI number of UTF-8: without it a reader guesses the charset of
 * 8-bit data (ISO 8859-1 by the standard, Shift JIS by some). */
#define ECI_UTF8 26

static int
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* text as 8-bit data, said to be UTF-8 when it is not plain ASCII. */
static QRcode *
encode(const char *text)
{
	QRinput *in;
	QRcode *c = NULL;

	if (is_ascii(text))
		return QRcode_encodeData((int)strlen(text),
		    (const unsigned char *)text, 0, QR_ECLEVEL_M);
	if ((in = QRinput_new2(0, QR_ECLEVEL_M)) == NULL)
		fatal_oom();
	if (QRinput_appendECIheader(in, ECI_UTF8) == 0 &&
	    QRinput_append(in, QR_MODE_8, (int)strlen(text),
	    (const unsigned char *)text) == 0)
		c = QRcode_encodeInput(in);
	QRinput_free(in);
	return c;
}

int
qr_encode(const char *text, struct qr *q)
{
	QRcode *c;
	size_t i, n;

	memset(q, 0, sizeof(*q));
	if (text == NULL || (c = encode(text)) == NULL)
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
