/*
 * flowagg: aggregates flow CSV files the way a build does, audits them
 * together (src/audit.c) and prints the published JSON, or with -t the
 * true counts as tab-separated lines for comparison with another
 * implementation (bench/run.sh checks them against sqlite3).  Every
 * well-formed id counts as a service.
 *
 *   flowagg [-tvN] [-r rounding] [-P earlier.json]... [-o DIR]
 *           [[-f events|transitions] [-k k] [-p period] [-i id]
 *            file.csv]...
 *
 * Options before a file apply to it and to the files after it.  With
 * one file the JSON goes to standard output; with -o every flow is
 * written to DIR/<id>.json (ids default to flow, flow2, ...).  Flows of
 * the same file are the same data; -P names an earlier edition's JSON.
 * -N skips the audit (only primary and local suppression: what kartta
 * did before the audit, for tests that show an attack).  -v prints the
 * wall time, the peak resident memory (VmHWM) and the audit's figures
 * to standard error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audit.h"
#include "diag.h"
#include "edition.h"
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
	fputs("usage: flowagg [-tvN] [-r rounding] [-P earlier.json]... "
	    "[-o DIR]\n               [[-f events|transitions] [-k k] "
	    "[-p period] [-i id] file.csv]...\n", stderr);
	exit(2);
}

#define MAXFLOWS 16

struct one {
	struct flow_source src;
	const char *period, *id;
	char *data;
	char *ownid;
	struct flow_counts *f;
};

static double
seconds(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) +
	    (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

int
main(int argc, char *argv[])
{
	struct one fl[MAXFLOWS];
	struct audit_flow af[MAXFLOWS];
	struct audit_edition ae[MAXFLOWS];
	struct edition_flow *ed[MAXFLOWS];
	struct audit_stats ast;
	struct diag_list *dl = diag_list_new();
	struct timespec t0, t1, t2;
	const char *period = NULL, *id = NULL, *outdir = NULL;
	enum flow_format fmt = FLOW_EVENTS;
	unsigned k = 5, rounding = 1;
	int truth = 0, verbose = 0, noaudit = 0, rc = 0, i;
	size_t n = 0, ned = 0, j, m;

	memset(fl, 0, sizeof(fl));
	memset(&ast, 0, sizeof(ast));
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (a[0] == '-' && a[1] != '\0' && a[2] == '\0' &&
		    strchr("tvN", a[1]) != NULL) {
			if (a[1] == 't')
				truth = 1;
			else if (a[1] == 'v')
				verbose = 1;
			else
				noaudit = 1;
			continue;
		}
		if (a[0] == '-' && a[1] != '\0' && a[2] == '\0') {
			const char *v;

			if (i + 1 >= argc)
				usage();
			v = argv[++i];
			switch (a[1]) {
			case 'f':
				if (!flow_format_parse(v, &fmt))
					usage();
				break;
			case 'i':
				id = v;
				break;
			case 'k':
				k = (unsigned)strtoul(v, NULL, 10);
				break;
			case 'p':
				period = v;
				break;
			case 'r':
				rounding = (unsigned)strtoul(v, NULL, 10);
				break;
			case 'o':
				outdir = v;
				break;
			case 'P':
				if (ned == MAXFLOWS)
					usage();
				ed[ned] = edition_read(v, v, dl);
				if (ed[ned] == NULL)
					rc = 1;
				else
					ned++;
				break;
			default:
				usage();
			}
			continue;
		}
		if (n == MAXFLOWS)
			usage();
		fl[n].src.path = fl[n].src.display = a;
		fl[n].src.format = fmt;
		fl[n].src.k = k;
		fl[n].src.service_exists = any_service;
		fl[n].src.keep_clients = 1;
		fl[n].period = period;
		fl[n].id = id;
		if (id == NULL)
			fl[n].id = fl[n].ownid = n == 0 ? xstrdup("flow") :
			    xasprintf("flow%zu", n + 1);
		fl[n].data = xasprintf("%s\n%d", a, (int)fmt);
		n++;
		id = NULL;
	}
	if (n == 0 || (n > 1 && outdir == NULL && !truth))
		usage();

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (j = 0; j < n; j++) {
		fl[j].src.rounding = rounding;
		fl[j].f = flow_aggregate(&fl[j].src, dl);
		if (fl[j].f == NULL)
			rc = 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (rc == 0 && !noaudit && !truth) {
		for (j = 0; j < n; j++) {
			af[j].counts = fl[j].f;
			af[j].id = fl[j].id;
			af[j].data = fl[j].data;
			af[j].at.file = fl[j].src.display;
			af[j].at.line = 0;
			af[j].at.col = 0;
		}
		for (m = 0; m < ned; m++) {
			ae[m].flow = ed[m];
			ae[m].at.file = ed[m]->file;
			ae[m].at.line = 0;
			ae[m].at.col = 0;
		}
		if (audit_flows(af, n, ae, ned, dl, &ast) != 0)
			rc = 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t2);
	diag_print(dl, stderr, DIAG_FORMAT_PLAIN);
	for (j = 0; j < n && rc == 0; j++) {
		struct flow_counts *f = fl[j].f;
		struct buf out = { 0 };
		const char *fid = fl[j].id;

		if (truth) {
			for (m = 0; m < f->nnodes; m++)
				printf("node\t%s\t%llu\n", f->nodes[m].id,
				    (unsigned long long)
				    flow_node_true_count(f, m));
			for (m = 0; m < f->nedges; m++)
				printf("edge\t%s\t%s\t%llu\n",
				    f->nodes[f->edges[m].from].id,
				    f->nodes[f->edges[m].to].id,
				    (unsigned long long)
				    flow_edge_true_count(f, m));
			continue;
		}
		flow_json_write(f, fid, fl[j].period, &out);
		if (outdir == NULL)
			fputs(out.data, stdout);
		else {
			char *path = xasprintf("%s/%s.json", outdir, fid);
			FILE *fp = fopen(path, "w");

			if (fp == NULL || fputs(out.data, fp) == EOF ||
			    fclose(fp) != 0) {
				perror(path);
				rc = 3;
			}
			free(path);
		}
		buf_free(&out);
	}
	if (verbose) {
		fprintf(stderr, "flowagg: %.3f s aggregation, %.3f s audit, "
		    "peak %ld KiB\n", seconds(&t0, &t1), seconds(&t1, &t2),
		    peak_kib());
		fprintf(stderr, "audit: %lu flows, %lu checks, %lu LP, %lu "
		    "MILP, %lu pivots, %lu rounds, %lu more withheld, %lu "
		    "flows withheld, %lu without the truth as witness\n",
		    ast.flows, ast.checks, ast.lp, ast.milp, ast.pivots,
		    ast.rounds, ast.hidden, ast.withheld, ast.no_truth);
	}
	for (j = 0; j < n; j++) {
		flow_free(fl[j].f);
		free(fl[j].data);
		free(fl[j].ownid);
	}
	for (m = 0; m < ned; m++)
		edition_free(ed[m]);
	diag_list_free(dl);
	return rc;
}
