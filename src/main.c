/*
 * The command line, and only that: parse options, run the pipeline
 * (load -> resolve -> render -> write), print diagnostics, pick the exit
 * status.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "anchors.h"
#include "build.h"
#include "diagram.h"
#include "diag.h"
#include "export.h"
#include "init.h"
#include "jobs.h"
#include "schema_json.h"
#include "load.h"
#include "resolve.h"
#include "serve.h"
#include "util.h"

static const char usage_text[] =
    "usage: kartta build [-c CONTENT] [-t THEME] [-o OUTPUT] [--format=plain|github|sarif]\n"
    "                    [--missing-translations=summary|each|off] [-q] [-j N]\n"
    "       kartta check [-c CONTENT] [-t THEME] [--format=plain|github|sarif]\n"
    "                    [--missing-translations=summary|each|off] [-q]\n"
    "       kartta serve [-c CONTENT] [-t THEME] [-o OUTPUT] [--port N]\n"
    "                    [--missing-translations=summary|each|off] [-q]\n"
    "       kartta init [DIR]\n"
    "       kartta schema [-o DIR]\n"
    "       kartta export REF [-c CONTENT] -f svg|pdf|png -o FILE [--paper PAPER]\n"
    "                    [--notes] [--lang LANG] [--dpi N]\n"
    "       kartta --help | --version\n";

static const char help_text[] =
    "kartta builds a static HTML handbook of work-ability support services\n"
    "from a content tree of YAML and Markdown.\n"
    "\n"
    "commands:\n"
    "  build    check the content, then write the handbook to OUTPUT\n"
    "  check    check the content and report every problem; write nothing\n"
    "  serve    build, serve the handbook on http://127.0.0.1:PORT/ and\n"
    "           build again when the content or theme changes; open\n"
    "           pages reload (into a folder of its own unless -o is given)\n"
    "  init     write a new handbook's skeleton into DIR (default:\n"
    "           content), which must be new or empty\n"
    "  schema   write JSON Schemas of every kind into DIR (default:\n"
    "           schema), for completion in editors\n"
    "  export   draw one diagram (REF: map:ID, path:ID, decision:ID or\n"
    "           flow:ID) into FILE as SVG, PDF or PNG\n"
    "\n"
    "options:\n"
    "  -c, --content DIR   content tree (default: content)\n"
    "  -t, --theme DIR     theme (default: the installed default theme)\n"
    "  -o, --output DIR    output folder (default: output); replaced only\n"
    "                      when the whole build succeeds, and only if it is\n"
    "                      new, empty or kartta's (it holds .kartta-output);\n"
    "                      never the content or theme or a folder holding them\n"
    "  --format=FORMAT     diagnostics as plain FILE:LINE:COL lines, as\n"
    "                      GitHub Actions annotations (github), or as one\n"
    "                      SARIF 2.1.0 log on standard output (sarif)\n"
    "  --missing-translations=MODE\n"
    "                      summary: one warning per file (default); each:\n"
    "                      one per text; off: none\n"
    "  -q, --quiet         no summary line at the end\n"
    "  -j, --jobs N        build with N worker processes (default: one\n"
    "                      per core, at most 8); the output is the same\n"
    "  --port N            serve: the port on 127.0.0.1 (default: 8080;\n"
    "                      0: any free port, printed)\n"
    "\n"
    "export options:\n"
    "  -f, --format FMT    svg, pdf or png (default: from FILE's extension)\n"
    "  -o, --output FILE   where to write; - is standard output\n"
    "  --paper PAPER       A4, A3, A2, A1 or A0, the orientation following\n"
    "                      the drawing, or with -portrait or -landscape\n"
    "                      (default: the map's paper, else A3 for maps and\n"
    "                      A4 for the rest); PDF pages have exactly that size\n"
    "  --notes             keep a blank margin on the sheet for sticky notes\n"
    "  --lang LANG         language of the labels (default: the first)\n"
    "  --dpi N             PNG resolution (default: 150)\n"
    "\n"
    "exit status: 0 success (warnings allowed), 1 content errors,\n"
    "2 usage errors, 3 system errors (I/O, out of memory).\n";

struct options {
	const char *command;  /* build or check */
	const char *content;  /* content tree */
	const char *theme;    /* theme folder, NULL for the default */
	const char *output;   /* output folder (export: the file) */
	int output_set;       /* -o was given */
	enum diag_format format;
	int quiet;            /* -q: no summary line */
	enum resolve_missing missing; /* --missing-translations */
	const char *ref;      /* export: what to draw */
	int has_fmt;          /* export: -f was given */
	enum diagram_format fmt; /* export: the picture format */
	int paper;            /* export: enum paper, or -1 */
	int notes;            /* export: --notes */
	const char *lang;     /* export: label language, or NULL */
	unsigned dpi;         /* export: PNG resolution, or 0 */
	unsigned port;        /* serve: the port */
	unsigned jobs;        /* build: worker processes */
};

static int
usage_error(const char *fmt, const char *arg)
{
	/* arg is the user's, perhaps pasted with a control character. */
	char *safe = arg != NULL ? diag_escape(arg) : NULL;

	fputs("kartta: ", stderr);
	fprintf(stderr, fmt, safe);
	fputc('\n', stderr);
	free(safe);
	fputs(usage_text, stderr);
	return KARTTA_EXIT_USAGE;
}

/* Takes an option's value from "--opt=value", "--opt value" or "-o value". */
static const char *
option_value(int argc, char *argv[], int *i, const char *arg)
{
	const char *eq = strchr(arg, '=');

	if (arg[1] == '-' && eq != NULL)
		return eq + 1;
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

static int
parse_options(int argc, char *argv[], struct options *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->content = "content";
	o->output = "output";
	o->format = DIAG_FORMAT_PLAIN;
	o->paper = -1;
	o->port = SERVE_DEFAULT_PORT;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		size_t nlen = strcspn(a, "=");

		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage_text, stdout);
			fputs("\n", stdout);
			fputs(help_text, stdout);
			exit(KARTTA_EXIT_OK);
		} else if (strcmp(a, "--version") == 0) {
			puts("kartta " KARTTA_VERSION);
			exit(KARTTA_EXIT_OK);
		} else if (a[0] != '-' || strcmp(a, "-") == 0) {
			if (o->command != NULL && (strcmp(o->command,
			    "export") == 0 || strcmp(o->command, "init") == 0)
			    && o->ref == NULL) {
				o->ref = a;
				continue;
			}
			if (o->command != NULL)
				return usage_error("unexpected argument \"%s\"",
				    a);
			o->command = a;
			continue;
		}
		if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
			o->quiet = 1;
			continue;
		}
		if (nlen > 2 && strncmp(a, "--missing-translations", nlen) == 0) {
			if ((v = option_value(argc, argv, &i, a)) == NULL)
				return usage_error("%s needs summary, each or off",
				    a);
			if (strcmp(v, "summary") == 0)
				o->missing = RESOLVE_MISSING_SUMMARY;
			else if (strcmp(v, "each") == 0)
				o->missing = RESOLVE_MISSING_EACH;
			else if (strcmp(v, "off") == 0)
				o->missing = RESOLVE_MISSING_OFF;
			else
				return usage_error("unknown mode \"%s\" "
				    "(summary, each or off)", v);
			continue;
		}
		if (strcmp(a, "-c") == 0 ||
		    (nlen > 2 && strncmp(a, "--content", nlen) == 0)) {
			if ((v = option_value(argc, argv, &i, a)) == NULL)
				return usage_error("%s needs a folder", a);
			o->content = v;
		} else if (strcmp(a, "-t") == 0 ||
		    (nlen > 2 && strncmp(a, "--theme", nlen) == 0)) {
			if ((v = option_value(argc, argv, &i, a)) == NULL)
				return usage_error("%s needs a folder", a);
			o->theme = v;
		} else if (strcmp(a, "-o") == 0 ||
		    (nlen > 2 && strncmp(a, "--output", nlen) == 0)) {
			if ((v = option_value(argc, argv, &i, a)) == NULL)
				return usage_error("%s needs a folder", a);
			o->output = v;
			o->output_set = 1;
		} else if (strcmp(a, "-f") == 0 ||
		    (nlen > 2 && strncmp(a, "--format", nlen) == 0)) {
			if ((v = option_value(argc, argv, &i, a)) == NULL)
				return usage_error("%s needs plain, github or sarif "
				    "(diagnostics), or svg, pdf or png (export)",
				    a);
			/* One option, two kinds of value: the picture
			 * format of an export, or how problems print. */
			if (export_format_parse(v, &o->fmt))
				o->has_fmt = 1;
			else if (strcmp(v, "github") == 0)
				o->format = DIAG_FORMAT_GITHUB;
			else if (strcmp(v, "plain") == 0)
				o->format = DIAG_FORMAT_PLAIN;
			else if (strcmp(v, "sarif") == 0)
				o->format = DIAG_FORMAT_SARIF;
			else if (o->command != NULL &&
			    strcmp(o->command, "export") == 0)
				return usage_error("unknown format \"%s\" "
				    "(svg, pdf or png)", v);
			else
				return usage_error("unknown format \"%s\" "
				    "(plain, github or sarif)", v);
		} else if (nlen > 2 && strncmp(a, "--paper", nlen) == 0) {
			if ((v = option_value(argc, argv, &i, a)) == NULL ||
			    (o->paper = export_paper_parse(v)) < 0)
				return usage_error("%s needs A4, A3, A2, A1 or "
				    "A0, alone or with -portrait or -landscape "
				    "(A3-landscape…)", a);
		} else if (strcmp(a, "--notes") == 0) {
			o->notes = 1;
		} else if (nlen > 2 && strncmp(a, "--lang", nlen) == 0) {
			if ((v = option_value(argc, argv, &i, a)) == NULL ||
			    (strcmp(v, "fi") && strcmp(v, "sv") &&
			    strcmp(v, "en")))
				return usage_error("%s needs fi, sv or en", a);
			o->lang = v;
		} else if (strncmp(a, "-j", 2) == 0 ||
		    (nlen > 2 && strncmp(a, "--jobs", nlen) == 0)) {
			char *end;
			unsigned long n;

			/* -j N, -jN, --jobs N, --jobs=N */
			if (a[1] == 'j' && a[2] != '\0')
				v = a + 2;
			else if ((v = option_value(argc, argv, &i, a)) == NULL)
				return usage_error("%s needs a number", a);
			n = strtoul(v, &end, 10);
			if (*end != '\0' || n < 1 || n > 8)
				return usage_error("%s needs a number from 1 "
				    "to 8", a);
			o->jobs = (unsigned)n;
		} else if (nlen > 2 && strncmp(a, "--port", nlen) == 0) {
			char *end;
			unsigned long n;

			if ((v = option_value(argc, argv, &i, a)) == NULL)
				return usage_error("%s needs a number", a);
			n = strtoul(v, &end, 10);
			if (*end != '\0' || *v == '\0' || n > 65535)
				return usage_error("%s needs a number from 0 "
				    "to 65535", a);
			o->port = (unsigned)n;
		} else if (nlen > 2 && strncmp(a, "--dpi", nlen) == 0) {
			char *end;
			unsigned long n;

			if ((v = option_value(argc, argv, &i, a)) == NULL)
				return usage_error("%s needs a number", a);
			n = strtoul(v, &end, 10);
			if (*end != '\0' || n < 36 || n > 1200)
				return usage_error("%s needs a number from 36 "
				    "to 1200", a);
			o->dpi = (unsigned)n;
		} else
			return usage_error("unknown option \"%s\"", a);
	}
	if (o->command == NULL)
		return usage_error("%s", "a command is needed");
	if (strcmp(o->command, "build") != 0 && strcmp(o->command, "check") &&
	    strcmp(o->command, "export") != 0 && strcmp(o->command, "init") &&
	    strcmp(o->command, "schema") != 0 &&
	    strcmp(o->command, "serve") != 0)
		return usage_error("unknown command \"%s\" (build, check, "
		    "serve, export, init or schema)", o->command);
	if (strcmp(o->command, "export") == 0) {
		if (o->ref == NULL)
			return usage_error("%s", "export needs a REF such as "
			    "map:ID");
		if (!o->output_set)
			return usage_error("%s", "export needs -o FILE");
		if (!o->has_fmt && !export_format_from_file(o->output,
		    &o->fmt))
			return usage_error("cannot tell the format of \"%s\": "
			    "give -f svg, pdf or png", o->output);
	}
	if (o->content[0] == '\0' || o->output[0] == '\0')
		return usage_error("%s", "folder names must not be empty");
	return -1;
}

/*
 * The default theme: beside the binary in a source tree
 * (build/kartta -> themes/default), else the installed one.
 */
static char *
default_theme(void)
{
	char exe[PATH_MAX], *slash, *cand;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			cand = xasprintf("%s/../themes/default/page.xhtml",
			    exe);
			if (access(cand, R_OK) == 0) {
				free(cand);
				return xasprintf("%s/../themes/default", exe);
			}
			free(cand);
		}
	}
	return xstrdup(KARTTA_DATADIR "/themes/default");
}

/*
 * The last line on standard error: counts, and for a build what was
 * written and how long it took.  A clean check says nothing, so that
 * "no output" still means "nothing to fix".
 */
static void
print_summary(const struct options *o, const struct diag_list *dl, int rc,
    size_t nmissing, const struct timespec *t0, FILE *err)
{
	struct timespec t1;
	char *tail = NULL, *missing = NULL;
	double secs;

	if (nmissing > 0 && o->missing != RESOLVE_MISSING_OFF)
		missing = xasprintf("%zu text%s not translated", nmissing,
		    nmissing == 1 ? "" : "s");
	if (strcmp(o->command, "build") == 0 ||
	    strcmp(o->command, "serve") == 0) {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		secs = (double)(t1.tv_sec - t0->tv_sec) +
		    (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
		if (rc == KARTTA_EXIT_OK) {
			size_t pages = build_count_pages(o->output);

			tail = xasprintf("%s%s%zu page%s written in %.1f s",
			    missing ? missing : "", missing ? "; " : "", pages,
			    pages == 1 ? "" : "s", secs);
		} else
			tail = xasprintf("%s%snothing was written",
			    missing ? missing : "", missing ? "; " : "");
		diag_print_summary(dl, err, tail);
	} else if (strcmp(o->command, "check") == 0 &&
	    (diag_errors(dl) > 0 || diag_warnings(dl) > 0))
		diag_print_summary(dl, err, missing);
	free(tail);
	free(missing);
}

/* kartta init [DIR]: the skeleton, then what to do next. */
static int
run_init(const struct options *o)
{
	struct diag_list *dl = diag_list_new();
	const char *dir = o->ref ? o->ref : "content";
	int rc = init_run(dir, dl);

	diag_print(dl, stderr, o->format == DIAG_FORMAT_SARIF ?
	    DIAG_FORMAT_PLAIN : o->format);
	if (rc == KARTTA_EXIT_OK && !o->quiet)
		printf("kartta: a new handbook in %s: check it with\n"
		    "  kartta check -c %s\nand build it with\n"
		    "  kartta build -c %s -o OUTPUT\n", dir, dir, dir);
	diag_list_free(dl);
	return rc;
}

/*
 * check, build, export and each build of serve: load, resolve, then the
 * command's work; the diagnostics and the summary go to err (SARIF to
 * standard output).  Returns the exit status.
 */
static int
run_pipeline(const struct options *o, FILE *err)
{
	struct diag_list *dl;
	struct model *m;
	char *theme;
	int rc;
	size_t nmissing = 0;
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	dl = diag_list_new();
	m = load_content(o->content, dl);
	if (m != NULL) {
		struct resolve_opts ro;

		memset(&ro, 0, sizeof(ro));
		ro.missing = o->missing;
		resolve_model_opts(m, dl, &ro);
		nmissing = ro.nmissing;
	}
	rc = KARTTA_EXIT_OK;
	theme = o->theme ? xstrdup(o->theme) : default_theme();
	/* Links' #fragments need the pages laid out: checked once all
	 * else is clean (anchors.h). */
	if (m != NULL && diag_errors(dl) == 0)
		anchors_check(m, theme, dl);
	if (m == NULL || diag_errors(dl) > 0)
		rc = KARTTA_EXIT_CONTENT;
	else if (strcmp(o->command, "build") == 0)
		rc = build_site(m, theme, o->output, o->jobs ? o->jobs :
		    jobs_default(), dl);
	/* serve builds beside its server's thread, and a process with
	 * threads is forked safely only for what the child then does:
	 * serve's builds stay in one process. */
	else if (strcmp(o->command, "serve") == 0)
		rc = build_site(m, theme, o->output, 1, dl);
	else if (strcmp(o->command, "export") == 0) {
		struct export_opts eo;

		memset(&eo, 0, sizeof(eo));
		eo.ref = o->ref;
		eo.fmt = o->fmt;
		eo.paper = o->paper;
		eo.notes = o->notes;
		eo.lang = o->lang;
		eo.dpi = o->dpi;
		eo.file = o->output;
		rc = export_run(m, &eo, dl);
	}
	free(theme);
	if (o->format == DIAG_FORMAT_SARIF)
		diag_print_sarif(dl, stdout, KARTTA_VERSION);
	else
		diag_print(dl, err, o->format);
	if (!o->quiet)
		print_summary(o, dl, rc, nmissing, &t0, err);
	model_free(m);
	diag_list_free(dl);
	return rc;
}

/* serve's build: the pipeline of build into out_dir. */
static int
serve_build(void *arg, const char *out_dir, FILE *err)
{
	struct options o = *(const struct options *)arg;

	o.output = out_dir;
	return run_pipeline(&o, err);
}

/* kartta serve: see serve.h. */
static int
run_serve(const struct options *o)
{
	struct serve_opts so;
	char *theme = o->theme ? xstrdup(o->theme) : default_theme();
	int rc;

	if (o->format == DIAG_FORMAT_SARIF)
		return usage_error("%s", "serve prints its problems as plain "
		    "lines or GitHub annotations, not SARIF");
	memset(&so, 0, sizeof(so));
	so.content = o->content;
	so.theme = theme;
	so.output = o->output_set ? o->output : NULL;
	so.port = o->port;
	so.quiet = o->quiet;
	so.build = serve_build;
	so.arg = (void *)o;
	rc = serve_run(&so);
	free(theme);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct options o;
	struct diag_list *dl;
	int rc;

	if ((rc = parse_options(argc, argv, &o)) >= 0)
		return rc;
	if (strcmp(o.command, "init") == 0)
		return run_init(&o);
	if (strcmp(o.command, "schema") == 0) {
		dl = diag_list_new();
		rc = schema_json_run(o.output_set ? o.output : "schema", dl);
		diag_print(dl, stderr, DIAG_FORMAT_PLAIN);
		diag_list_free(dl);
		return rc;
	}
	if (strcmp(o.command, "serve") == 0)
		rc = run_serve(&o);
	else
		rc = run_pipeline(&o, stderr);
	diagram_cleanup();
	return rc;
}
