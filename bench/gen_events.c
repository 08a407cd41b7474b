/*
 * gen_events: writes a seeded, reproducible events CSV for the flow
 * benchmark: client,service,date with pseudonymous client keys spread
 * uniformly through the file, Zipf-like service popularity with a few
 * rare services at the tail (so that "other" is exercised), and dates
 * of 2024.  Every hundredth client key is quoted.  Service ids are s01
 * to s99, or s001 to s999 with more than 99 services.
 *
 *   gen_events [-s seed] [-n events] [-c clients] [-v services] file
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RARE 3 /* services at the tail with tiny probabilities */

static uint64_t
splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static void
usage(void)
{
	fputs("usage: gen_events [-s seed] [-n events] [-c clients] "
	    "[-v services] file\n", stderr);
	exit(2);
}

int
main(int argc, char *argv[])
{
	static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
		31, 30, 31 };
	uint64_t seed = 1, s, events = 10000000, clients = 2000000, i;
	unsigned nsvc = 40, m, d, day = 0, v;
	double *cum, total = 0;
	char dates[366][11], *out, *p;
	size_t cap = 1 << 20;
	FILE *f;
	int ch, k;

	while ((ch = getopt(argc, argv, "c:n:s:v:")) != -1) {
		switch (ch) {
		case 'c':
			clients = strtoull(optarg, NULL, 10);
			break;
		case 'n':
			events = strtoull(optarg, NULL, 10);
			break;
		case 's':
			seed = strtoull(optarg, NULL, 10);
			break;
		case 'v':
			nsvc = (unsigned)strtoul(optarg, NULL, 10);
			break;
		default:
			usage();
		}
	}
	if (optind + 1 != argc || clients == 0 || nsvc <= RARE || nsvc > 999)
		usage();
	if ((f = fopen(argv[optind], "wb")) == NULL) {
		perror(argv[optind]);
		return 1;
	}
	for (m = 0; m < 12; m++)
		for (d = 1; d <= mdays[m]; d++)
			snprintf(dates[day++], sizeof(dates[0]),
			    "2024-%02u-%02u", m + 1, d);
	/* Popular services by 1 / rank^1.2, then a rare tail. */
	cum = calloc(nsvc, sizeof(*cum));
	for (v = 0; v < nsvc - RARE; v++) {
		total += 1.0 / pow(v + 1, 1.2);
		cum[v] = total;
	}
	for (v = nsvc - RARE; v < nsvc; v++) {
		static const double rare[RARE] = { 1e-4, 3e-5, 1e-5 };

		total += cum[0] * rare[v - (nsvc - RARE)];
		cum[v] = total;
	}
	out = malloc(cap + 128);
	p = out;
	p += sprintf(p, "client,service,date\n");
	s = seed;
	for (i = 0; i < events; i++) {
		uint64_t c = splitmix(&s) % clients, key = c ^ (seed << 40);
		double u = (double)(splitmix(&s) >> 11) / 9007199254740992.0 *
		    total;
		unsigned lo = 0, hi = nsvc - 1;
		int quote = c % 100 == 0;

		/* A keyed mix, so keys look random but are fixed per client. */
		key = (key ^ (key >> 31)) * 0x7FB5D329728EA185ULL;
		key = (key ^ (key >> 27)) * 0x81DADEF4BC2DD44DULL;
		key ^= key >> 33;
		while (lo < hi) {
			unsigned mid = (lo + hi) / 2;

			if (cum[mid] < u)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (quote)
			*p++ = '"';
		for (k = 44; k >= 0; k -= 4)
			*p++ = "0123456789abcdef"[(key >> k) & 15];
		if (quote)
			*p++ = '"';
		*p++ = ',';
		*p++ = 's';
		if (nsvc > 99)
			*p++ = (char)('0' + (lo + 1) / 100);
		*p++ = (char)('0' + (lo + 1) / 10 % 10);
		*p++ = (char)('0' + (lo + 1) % 10);
		*p++ = ',';
		memcpy(p, dates[splitmix(&s) % 366], 10);
		p += 10;
		*p++ = '\n';
		if ((size_t)(p - out) >= cap) {
			fwrite(out, 1, (size_t)(p - out), f);
			p = out;
		}
	}
	fwrite(out, 1, (size_t)(p - out), f);
	free(out);
	free(cum);
	if (fclose(f) != 0) {
		perror(argv[optind]);
		return 1;
	}
	return 0;
}
