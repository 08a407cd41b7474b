/*
 * flowagg: aggregates one flow CSV the way a build does and prints its
 * published JSON, or with -t the true counts as tab-separated lines for
 * comparison with another implementation (bench/run.sh checks them
 * against sqlite3).  Every well-formed id counts as a service.
 *
 *   flowagg [-tv] [-f events|transitions] [-k k] [-r rounding]
 *           [-p period] [-i id] file.csv
 *
 * -v prints the wall time and the peak resident memory (VmHWM) to
 * standard error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "flow.h"

/* Any id of the content format's form is taken for a service. */
static int
any_service(void *arg, const char *id)
{
	size_t i;

	(void)arg;
	if (id[0] == '\0' || id[0] == '-' || strlen(id) > 64)
		return 0;
	for (i = 0; id[i]; i++)
		if (!((id[i] >= 'a' && id[i] <= 'z') ||
		    (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
			return 0;
	return 1;
}

/* Returns the peak resident set in KiB, or 0 when unknown. */
static long
peak_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = 0;

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "VmHWM:", 6) == 0)
			kib = strtol(line + 6, NULL, 10);
	fclose(f);
	return kib;
}

static void
usage(void)
{
	fputs("usage: flowagg [-tv] [-f events|transitions] [-k k] "
	    "[-r rounding] [-p period] [-i id] file.csv\n", stderr);
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct flow_source src;
	struct diag_list *dl = diag_list_new();
	struct timespec t0, t1;
	const char *period = NULL, *id = "flow";
	struct flow_counts *f;
	struct buf out = { 0 };
	int ch, truth = 0, verbose = 0, rc = 0;
	size_t i;

	memset(&src, 0, sizeof(src));
	src.format = FLOW_EVENTS;
	src.k = 5;
	src.rounding = 1;
	src.service_exists = any_service;
	while ((ch = getopt(argc, argv, "f:i:k:p:r:tv")) != -1) {
		switch (ch) {
		case 'f':
			if (!flow_format_parse(optarg, &src.format))
				usage();
			break;
		case 'i':
			id = optarg;
			break;
		case 'k':
			src.k = (unsigned)strtoul(optarg, NULL, 10);
			break;
		case 'p':
			period = optarg;
			break;
		case 'r':
			src.rounding = (unsigned)strtoul(optarg, NULL, 10);
			break;
		case 't':
			truth = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		default:
			usage();
		}
	}
	if (optind + 1 != argc)
		usage();
	src.path = src.display = argv[optind];

	clock_gettime(CLOCK_MONOTONIC, &t0);
	f = flow_aggregate(&src, dl);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	diag_print(dl, stderr, DIAG_FORMAT_PLAIN);
	if (f == NULL) {
		rc = 1;
		goto out;
	}
	if (truth) {
		for (i = 0; i < f->nnodes; i++)
			printf("node\t%s\t%llu\n", f->nodes[i].id,
			    (unsigned long long)flow_node_true_count(f, i));
		for (i = 0; i < f->nedges; i++)
			printf("edge\t%s\t%s\t%llu\n",
			    f->nodes[f->edges[i].from].id,
			    f->nodes[f->edges[i].to].id,
			    (unsigned long long)flow_edge_true_count(f, i));
	} else {
		flow_json_write(f, id, period, &out);
		fputs(out.data, stdout);
	}
	if (verbose)
		fprintf(stderr, "flowagg: %.3f s, peak %ld KiB\n",
		    (double)(t1.tv_sec - t0.tv_sec) +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9, peak_kib());
	flow_free(f);
out:
	buf_free(&out);
	diag_list_free(dl);
	return rc;
}
