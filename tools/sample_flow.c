/*
 * sample_flow: writes the synthetic, clearly fictional events data set
 * of the default handbook's client-flow example (content/data/), so the
 * flow page has something real to aggregate and suppress.  No person is
 * behind any row: clients walk a hand-made Markov chain over the
 * handbook's services, seeded, so the same seed gives the same bytes on
 * every machine.
 *
 *   sample_flow [-s seed] [-n clients] > content/data/asiakasvirrat.csv
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct step {
	const char *from;   /* service id, or "start" */
	const char *to;     /* service id, or "end" */
	unsigned weight;    /* relative probability among from's steps */
};

/*
 * Typical moves of the work-ability path (seed documents 000-003):
 * identification in the health centre, the first-line service, the
 * team, then rehabilitation, work trials and employment support.  The
 * last rows are rare on purpose: a few clients only, so that the
 * disclosure control has something to merge and to hide.
 */
static const struct step chain[] = {
	{ "start", "tyottomien-terveystarkastus", 30 },
	{ "start", "alkupalvelu", 45 },
	{ "start", "ohjaamon-ohjaus", 12 },
	{ "start", "tyonhakijan-palvelut", 13 },
	{ "tyottomien-terveystarkastus", "alkupalvelu", 50 },
	{ "tyottomien-terveystarkastus", "tyokykyarvio", 30 },
	{ "tyottomien-terveystarkastus", "end", 20 },
	{ "ohjaamon-ohjaus", "alkupalvelu", 40 },
	{ "ohjaamon-ohjaus", "valmentava-koulutus", 35 },
	{ "ohjaamon-ohjaus", "end", 25 },
	{ "tyonhakijan-palvelut", "alkupalvelu", 40 },
	{ "tyonhakijan-palvelut", "tyokokeilu", 35 },
	{ "tyonhakijan-palvelut", "end", 25 },
	{ "alkupalvelu", "tyokykytiimin-vastaanotto", 45 },
	{ "alkupalvelu", "konsultaatio", 25 },
	{ "alkupalvelu", "omahoito", 15 },
	{ "alkupalvelu", "end", 15 },
	{ "konsultaatio", "tyokykytiimin-vastaanotto", 40 },
	{ "konsultaatio", "end", 60 },
	{ "omahoito", "end", 97 },
	{ "omahoito", "konsultaatio", 3 },
	{ "tyokykytiimin-vastaanotto", "tyokykyarvio", 50 },
	{ "tyokykytiimin-vastaanotto", "tyokyvyn-tuen-suunnitelma", 50 },
	{ "tyokykyarvio", "tyokyvyn-tuen-suunnitelma", 70 },
	{ "tyokykyarvio", "erikoispoliklinikat", 15 },
	{ "tyokykyarvio", "end", 15 },
	{ "erikoispoliklinikat", "tyokyvyn-tuen-suunnitelma", 60 },
	{ "erikoispoliklinikat", "end", 40 },
	{ "tyokyvyn-tuen-suunnitelma", "kuntouttava-tyotoiminta", 25 },
	{ "tyokyvyn-tuen-suunnitelma", "tyokokeilu", 25 },
	{ "tyokyvyn-tuen-suunnitelma", "ammatillinen-kuntoutus", 20 },
	{ "tyokyvyn-tuen-suunnitelma", "tyohonvalmennus", 20 },
	{ "tyokyvyn-tuen-suunnitelma", "end", 10 },
	{ "kuntouttava-tyotoiminta", "tyokokeilu", 40 },
	{ "kuntouttava-tyotoiminta", "end", 60 },
	{ "ammatillinen-kuntoutus", "tyokokeilu", 45 },
	{ "ammatillinen-kuntoutus", "koulutus-ammatillisena-kuntoutuksena", 25 },
	{ "ammatillinen-kuntoutus", "end", 30 },
	{ "koulutus-ammatillisena-kuntoutuksena", "end", 100 },
	{ "valmentava-koulutus", "end", 94 },
	{ "valmentava-koulutus", "tyokokeilu", 6 },
	{ "tyokokeilu", "tyohonvalmennus", 35 },
	{ "tyokokeilu", "palkkatuki", 25 },
	{ "tyokokeilu", "end", 40 },
	{ "tyohonvalmennus", "palkkatuki", 45 },
	{ "tyohonvalmennus", "end", 55 },
	{ "palkkatuki", "end", 950 },
	/* Rare: a handful of clients in all. */
	{ "palkkatuki", "starttiraha", 25 },
	{ "palkkatuki", "oppisopimus", 25 },
	{ "starttiraha", "end", 100 },
	{ "oppisopimus", "end", 100 },
};

static uint64_t
splitmix(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* The next node after from, drawn by weight. */
static const char *
next_node(const char *from, uint64_t *seed)
{
	unsigned total = 0, pick;
	size_t i;

	for (i = 0; i < sizeof(chain) / sizeof(chain[0]); i++)
		if (strcmp(chain[i].from, from) == 0)
			total += chain[i].weight;
	if (total == 0)
		return "end";
	pick = (unsigned)(splitmix(seed) % total);
	for (i = 0; i < sizeof(chain) / sizeof(chain[0]); i++) {
		if (strcmp(chain[i].from, from) != 0)
			continue;
		if (pick < chain[i].weight)
			return chain[i].to;
		pick -= chain[i].weight;
	}
	return "end";
}

int
main(int argc, char *argv[])
{
	uint64_t seed = 2025;
	unsigned clients = 1200, c;
	int ch;

	while ((ch = getopt(argc, argv, "s:n:")) != -1) {
		if (ch == 's')
			seed = strtoull(optarg, NULL, 10);
		else if (ch == 'n')
			clients = (unsigned)strtoul(optarg, NULL, 10);
		else {
			fputs("usage: sample_flow [-s seed] [-n clients]\n",
			    stderr);
			return 2;
		}
	}
	puts("client,service,date");
	for (c = 1; c <= clients; c++) {
		const char *at = "start";
		/* Day of 2025, 0-based; each step 5-40 days later. */
		unsigned day = (unsigned)(splitmix(&seed) % 200), steps = 0;

		while (steps++ < 12) {
			static const unsigned mdays[] = { 31, 28, 31, 30, 31, 30,
				31, 31, 30, 31, 30, 31 };
			unsigned m = 0, d = day;

			at = next_node(at, &seed);
			if (strcmp(at, "end") == 0 || day >= 365)
				break;
			while (d >= mdays[m]) {
				d -= mdays[m];
				m++;
			}
			printf("asiakas-%05u,%s,2025-%02u-%02u\n", c, at, m + 1,
			    d + 1);
			day += 5 + (unsigned)(splitmix(&seed) % 36);
		}
	}
	return 0;
}
