/*
 * QR codes: the only user of libqrencode.  A text becomes a square of
 * dark and light modules; drawing it is the printer's job.
 */
#ifndef KARTTA_QR_H
#define KARTTA_QR_H

#include <stddef.h>

struct qr {
	int size;              /* modules per side */
	unsigned char *dark;   /* owned: size * size, row by row, 1 = dark */
};

/*
 * Encodes text (UTF-8, as 8-bit data) at error correction level M, in
 * the smallest version that holds it.  Returns 0, or -1 if it cannot
 * (too long for a QR code): q is then empty.  Free with qr_free.
 */
int qr_encode(const char *text, struct qr *q);
void qr_free(struct qr *q);

#endif
