/*
 * sitecheck: checks a built handbook the way a strict reader would.
 *
 *   sitecheck OUTDIR
 *       Every .html file must be well-formed XML (the output is polyglot
 *       XHTML served as HTML5), with <html lang="…">, a non-empty
 *       <title>, exactly one <h1> and one <main>, and ids unique in the
 *       page.  Every relative href/src must name a file inside OUTDIR
 *       ("../" may not climb out of it) and every #fragment an id of the
 *       target page.  No javascript:, vbscript:, data: or file: URL
 *       (an <img> may have a data:image/ src other than SVG), no
 *       unknown scheme (an entity link such as service:x that leaked
 *       through), no inline <script>, no on* event attribute, no
 *       <iframe>, <object>, <embed> or <base>.  .svg files are checked
 *       for the same URL and script rules.  Each problem is printed as
 *       "FILE: message"; the exit status is 1 if there was any.
 *
 *   sitecheck -x XPATH FILE...
 *       Prints the value of an XPath expression in each file, for tests:
 *       a node set as the string value of each node, one a line (its
 *       whitespace runs collapsed to one space), anything else as its
 *       string value.  The prefix h is bound to the XHTML namespace and
 *       svg to SVG.  Exit status 1 if a file does not parse or the
 *       expression is invalid.
 *
 * Exit status 2 on usage errors, 3 on I/O errors.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "util.h"

#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define SVG_NS "http://www.w3.org/2000/svg"
#define MAX_FILE (64u << 20)

/* A URL found in a page, checked once every page's ids are known. */
struct url_ref {
	char *url;       /* owned; as written */
	unsigned line;   /* of the element */
	int img;         /* the src of an <img>: data:image/ is allowed */
};

struct page {
	char *rel;              /* owned; path below the output folder */
	int html;               /* an .html page (else .svg) */
	int parsed;             /* parsed well */
	char **ids;             /* owned, sorted */
	size_t nids;
	size_t idcap;
	struct url_ref *urls;   /* owned */
	size_t nurls;
	size_t urlcap;
};

struct site {
	const char *root;       /* the output folder as given */
	struct page *pages;     /* owned, sorted by rel */
	size_t npages;
	size_t cap;
	unsigned problems;      /* how many were printed */
};

static void problem(struct site *s, const char *rel, const char *fmt, ...)
    KARTTA_PRINTF(3, 4);

static void
problem(struct site *s, const char *rel, const char *fmt, ...)
{
	va_list ap;

	printf("%s/%s: ", s->root, rel);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	s->problems++;
}

static int
has_suffix(const char *s, const char *suffix)
{
	size_t ls = strlen(s), lx = strlen(suffix);

	return ls >= lx && strcmp(s + ls - lx, suffix) == 0;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
page_cmp(const void *a, const void *b)
{
	return strcmp(((const struct page *)a)->rel,
	    ((const struct page *)b)->rel);
}

/* Collects every .html and .svg file below dir (rel is its path below
 * the root, "" for the root).  Returns -1 on I/O errors. */
static int
scan(struct site *s, const char *dir, const char *rel)
{
	DIR *d = opendir(dir);
	struct dirent *ent;
	int rc = 0;

	if (d == NULL) {
		fprintf(stderr, "sitecheck: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((ent = readdir(d)) != NULL) {
		char *path, *sub;
		struct stat st;

		if (strcmp(ent->d_name, ".") == 0 ||
		    strcmp(ent->d_name, "..") == 0)
			continue;
		path = path_join(dir, ent->d_name);
		sub = *rel ? path_join(rel, ent->d_name) :
		    xstrdup(ent->d_name);
		if (lstat(path, &st) != 0) {
			fprintf(stderr, "sitecheck: %s: %s\n", path,
			    strerror(errno));
			rc = -1;
		} else if (S_ISDIR(st.st_mode)) {
			if (scan(s, path, sub) != 0)
				rc = -1;
		} else if (S_ISLNK(st.st_mode)) {
			problem(s, sub, "symbolic link in the output");
		} else if (S_ISREG(st.st_mode) && (has_suffix(sub, ".html") ||
		    has_suffix(sub, ".svg"))) {
			struct page *p = array_push(&s->pages, &s->npages,
			    &s->cap, sizeof(*p));

			p->rel = sub;
			p->html = has_suffix(sub, ".html");
			sub = NULL;
		}
		free(sub);
		free(path);
	}
	closedir(d);
	return rc;
}

/* Collapses whitespace runs to one space and trims; caller frees. */
static char *
squeeze(const char *s)
{
	struct buf b = { 0 };
	int space = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = 1;
			continue;
		}
		if (space && b.len > 0)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

/* Parse errors go to the page's problem list through this. */
struct parse_ctx {
	struct site *s;
	const char *rel;
	int errors;
};

/* libxml2 2.12 made the error argument const. */
#if LIBXML_VERSION >= 21200
#define XML_ERROR_ARG const xmlError *
#else
#define XML_ERROR_ARG xmlErrorPtr
#endif

static void
on_xml_error(void *arg, XML_ERROR_ARG e)
{
	struct parse_ctx *pc = arg;
	char *msg;

	if (e->level < XML_ERR_ERROR)
		return;
	msg = squeeze(e->message ? e->message : "parse error");
	problem(pc->s, pc->rel, "not well-formed XML: line %d: %s", e->line,
	    msg);
	free(msg);
	pc->errors++;
}

static xmlDocPtr
parse_file(struct site *s, const char *path, const char *rel)
{
	struct parse_ctx pc = { s, rel, 0 };
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	size_t len;
	char *data = file_read(path, MAX_FILE, &len);

	if (data == NULL) {
		problem(s, rel, "cannot read: %s", strerror(errno));
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL)
		fatal_oom();
	xmlSetStructuredErrorFunc(&pc, on_xml_error);
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlFreeParserCtxt(ctxt);
	free(data);
	if (doc != NULL && pc.errors > 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (doc == NULL && pc.errors == 0)
		problem(s, rel, "not well-formed XML");
	return doc;
}

static int
is_el(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)n->name, name) == 0;
}

static int
is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

struct counts {
	unsigned h1;     /* <h1> elements */
	unsigned main;   /* <main> elements */
};

/* Walks the tree: ids, URLs, forbidden elements and attributes. */
static void
walk(struct site *s, struct page *p, xmlNode *n, struct counts *c)
{
	for (; n != NULL; n = n->next) {
		xmlAttr *a;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (is_el(n, "h1"))
			c->h1++;
		if (is_el(n, "main"))
			c->main++;
		if (is_el(n, "script")) {
			xmlChar *t = xmlNodeGetContent(n);

			if (t != NULL && !is_blank((const char *)t))
				problem(s, p->rel, "line %d: inline <script>",
				    (int)xmlGetLineNo(n));
			xmlFree(t);
		}
		if (is_el(n, "iframe") || is_el(n, "object") ||
		    is_el(n, "embed") || is_el(n, "base") ||
		    is_el(n, "frame") || is_el(n, "applet"))
			problem(s, p->rel, "line %d: <%s> element",
			    (int)xmlGetLineNo(n), (const char *)n->name);
		for (a = n->properties; a != NULL; a = a->next) {
			const char *name = (const char *)a->name;
			xmlChar *v = xmlNodeListGetString(n->doc, a->children,
			    1);
			const char *val = v ? (const char *)v : "";

			if (strncasecmp(name, "on", 2) == 0)
				problem(s, p->rel, "line %d: event attribute "
				    "%s on <%s>", (int)xmlGetLineNo(n), name,
				    (const char *)n->name);
			if (strcmp(name, "id") == 0 && a->ns == NULL) {
				char **slot = array_push(&p->ids, &p->nids,
				    &p->idcap, sizeof(*slot));

				*slot = xstrdup(val);
				if (*val == '\0')
					problem(s, p->rel, "line %d: empty id",
					    (int)xmlGetLineNo(n));
			}
			if (strcmp(name, "href") == 0 ||
			    strcmp(name, "src") == 0 ||
			    (strcmp(name, "data") == 0 && a->ns == NULL &&
			    is_el(n, "object")) ||
			    strcmp(name, "action") == 0 ||
			    strcmp(name, "formaction") == 0) {
				struct url_ref *u = array_push(&p->urls,
				    &p->nurls, &p->urlcap, sizeof(*u));

				u->url = xstrdup(val);
				u->line = (unsigned)xmlGetLineNo(n);
				u->img = is_el(n, "img") &&
				    strcmp(name, "src") == 0;
			}
			xmlFree(v);
		}
		walk(s, p, n->children, c);
	}
}

static void
check_page(struct site *s, struct page *p)
{
	char *path = path_join(s->root, p->rel);
	xmlDocPtr doc = parse_file(s, path, p->rel);
	xmlNode *root, *n, *head = NULL;
	struct counts c = { 0, 0 };
	size_t i;

	free(path);
	if (doc == NULL)
		return;
	p->parsed = 1;
	root = xmlDocGetRootElement(doc);
	if (p->html) {
		xmlChar *lang;

		if (doc->intSubset == NULL || doc->intSubset->name == NULL ||
		    strcmp((const char *)doc->intSubset->name, "html") != 0 ||
		    doc->intSubset->ExternalID != NULL)
			problem(s, p->rel, "no <!DOCTYPE html>");
		if (root == NULL || !is_el(root, "html")) {
			problem(s, p->rel, "the root element is not <html>");
			xmlFreeDoc(doc);
			return;
		}
		if (root->ns == NULL || strcmp((const char *)root->ns->href,
		    XHTML_NS) != 0)
			problem(s, p->rel, "<html> is not in the XHTML "
			    "namespace");
		lang = xmlGetProp(root, (const xmlChar *)"lang");
		if (lang == NULL || *lang == '\0')
			problem(s, p->rel, "<html> has no lang");
		xmlFree(lang);
		for (n = root->children; n != NULL; n = n->next)
			if (is_el(n, "head"))
				head = n;
		if (head == NULL)
			problem(s, p->rel, "no <head>");
		else {
			int titles = 0;

			for (n = head->children; n != NULL; n = n->next)
				if (is_el(n, "title")) {
					xmlChar *t = xmlNodeGetContent(n);

					if (t == NULL || is_blank(
					    (const char *)t))
						problem(s, p->rel, "empty "
						    "<title>");
					xmlFree(t);
					titles++;
				}
			if (titles != 1)
				problem(s, p->rel, "%d <title> elements in "
				    "<head>, expected one", titles);
		}
	}
	walk(s, p, root, &c);
	if (p->html && c.h1 != 1)
		problem(s, p->rel, "%u <h1> elements, expected one", c.h1);
	if (p->html && c.main != 1)
		problem(s, p->rel, "%u <main> elements, expected one", c.main);
	if (p->nids > 1)
		qsort(p->ids, p->nids, sizeof(*p->ids), str_cmp);
	for (i = 1; i < p->nids; i++)
		if (strcmp(p->ids[i - 1], p->ids[i]) == 0 &&
		    (i < 2 || strcmp(p->ids[i - 2], p->ids[i]) != 0))
			problem(s, p->rel, "id \"%s\" used more than once",
			    p->ids[i]);
	xmlFreeDoc(doc);
}

static struct page *
find_page(struct site *s, const char *rel)
{
	struct page key;

	key.rel = (char *)rel;
	return bsearch(&key, s->pages, s->npages, sizeof(*s->pages),
	    page_cmp);
}

static int
has_id(const struct page *p, const char *id)
{
	return p->nids > 0 && bsearch(&id, p->ids, p->nids, sizeof(*p->ids),
	    str_cmp) != NULL;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Percent-decodes s[0..len) into a new string; NULL if malformed. */
static char *
pct_decode(const char *s, size_t len)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '%') {
			int h, l;

			if (i + 2 >= len) {
				buf_free(&b);
				return NULL;
			}
			h = hexval((unsigned char)s[i + 1]);
			l = hexval((unsigned char)s[i + 2]);
			if (h < 0 || l < 0 || (h == 0 && l == 0)) {
				buf_free(&b);
				return NULL;
			}
			buf_putc(&b, (char)(h * 16 + l));
			i += 2;
		} else
			buf_putc(&b, s[i]);
	}
	return buf_detach(&b);
}

/*
 * Resolves the relative path ref against the folder of the page rel and
 * normalises "." and "..".  Returns the path below the root (caller
 * frees), or NULL if it climbs out of the root.
 */
static char *
resolve_rel(const char *rel, const char *ref)
{
	char *joined, *seg, *save = NULL, **parts = NULL, *out;
	size_t n = 0, cap = 0, i;
	const char *slash = strrchr(rel, '/');
	struct buf b = { 0 };
	int trailing;

	if (ref[0] == '/')
		joined = xstrdup(ref + 1);
	else if (slash != NULL)
		joined = xasprintf("%.*s/%s", (int)(slash - rel), rel, ref);
	else
		joined = xstrdup(ref);
	trailing = joined[0] != '\0' && joined[strlen(joined) - 1] == '/';
	for (seg = strtok_r(joined, "/", &save); seg != NULL;
	    seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			if (n == 0) {
				free(parts);
				free(joined);
				return NULL;
			}
			n--;
			continue;
		}
		*(char **)array_push(&parts, &n, &cap, sizeof(char *)) = seg;
	}
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? "/" : "", parts[i]);
	if (trailing)
		buf_putc(&b, '/');
	out = buf_detach(&b);
	free(parts);
	free(joined);
	return out;
}

/* The URL with tabs and newlines removed and C0/space trimmed, as
 * browsers read it; caller frees. */
static char *
url_clean(const char *url)
{
	struct buf b = { 0 };
	const char *s = url;
	char *out;

	while (*s && (unsigned char)*s <= ' ')
		s++;
	for (; *s; s++)
		if (*s != '\t' && *s != '\n' && *s != '\r')
			buf_putc(&b, *s);
	out = buf_detach(&b);
	while (*out && (unsigned char)out[strlen(out) - 1] <= ' ')
		out[strlen(out) - 1] = '\0';
	return out;
}

static void
check_url(struct site *s, struct page *p, const struct url_ref *u)
{
	char *url = url_clean(u->url), *path = NULL, *target = NULL;
	char *frag = NULL, *full = NULL;
	size_t i, plen;
	struct stat st;

	/* A scheme: letters, digits, + - . before the first ':' that comes
	 * before any '/', '?' or '#'. */
	i = 0;
	if ((url[0] >= 'a' && url[0] <= 'z') || (url[0] >= 'A' &&
	    url[0] <= 'Z'))
		while (url[i] && strchr("/?#:", url[i]) == NULL)
			i++;
	if (url[i] == ':') {
		char *scheme = xstrndup(url, i);
		size_t k;

		for (k = 0; scheme[k]; k++)
			if (scheme[k] >= 'A' && scheme[k] <= 'Z')
				scheme[k] = (char)(scheme[k] - 'A' + 'a');
		if (u->img && strcmp(scheme, "data") == 0 &&
		    strncasecmp(url + i, ":image/", 7) == 0 &&
		    strncasecmp(url + i, ":image/svg", 10) != 0)
			; /* an inline raster image is harmless */
		else if (strcmp(scheme, "javascript") == 0 ||
		    strcmp(scheme, "vbscript") == 0 ||
		    strcmp(scheme, "data") == 0 || strcmp(scheme, "file") == 0)
			problem(s, p->rel, "line %u: forbidden %s: URL \"%s\"",
			    u->line, scheme, u->url);
		else if (strcmp(scheme, "http") != 0 &&
		    strcmp(scheme, "https") != 0 &&
		    strcmp(scheme, "mailto") != 0 &&
		    strcmp(scheme, "tel") != 0)
			problem(s, p->rel, "line %u: unexpected URL scheme "
			    "\"%s\" in \"%s\"", u->line, scheme, u->url);
		free(scheme);
		goto out;
	}
	if (url[0] == '/' && url[1] == '/')
		goto out; /* protocol-relative: external */
	if (url[0] == '\0') {
		problem(s, p->rel, "line %u: empty URL", u->line);
		goto out;
	}
	if (url[0] == '/') {
		problem(s, p->rel, "line %u: absolute path \"%s\" breaks when "
		    "the handbook is not at the server's root", u->line,
		    u->url);
		goto out;
	}
	plen = strcspn(url, "?#");
	if (url[plen] == '?' || strchr(url, '#') != NULL) {
		const char *hash = strchr(url, '#');

		if (hash != NULL && (frag = pct_decode(hash + 1,
		    strlen(hash + 1))) == NULL) {
			problem(s, p->rel, "line %u: malformed fragment in "
			    "\"%s\"", u->line, u->url);
			goto out;
		}
	}
	if ((path = pct_decode(url, plen)) == NULL) {
		problem(s, p->rel, "line %u: malformed %%-escape in \"%s\"",
		    u->line, u->url);
		goto out;
	}
	if (path[0] == '\0')
		target = xstrdup(p->rel);
	else if ((target = resolve_rel(p->rel, path)) == NULL) {
		problem(s, p->rel, "line %u: \"%s\" leads out of the output "
		    "folder", u->line, u->url);
		goto out;
	}
	if (target[0] == '\0' || target[strlen(target) - 1] == '/') {
		char *t = xasprintf("%sindex.html", target);

		free(target);
		target = t;
	}
	full = path_join(s->root, target);
	if (stat(full, &st) != 0 || !S_ISREG(st.st_mode)) {
		problem(s, p->rel, "line %u: broken link \"%s\": %s does not "
		    "exist", u->line, u->url, target);
		goto out;
	}
	if (frag != NULL) {
		struct page *t = find_page(s, target);

		if (*frag == '\0')
			problem(s, p->rel, "line %u: empty fragment in \"%s\"",
			    u->line, u->url);
		else if (t != NULL && t->html && t->parsed &&
		    !has_id(t, frag))
			problem(s, p->rel, "line %u: broken link \"%s\": no "
			    "id \"%s\" in %s", u->line, u->url, frag, target);
	}
out:
	free(url);
	free(path);
	free(target);
	free(frag);
	free(full);
}

static void
page_free(struct page *p)
{
	size_t i;

	for (i = 0; i < p->nids; i++)
		free(p->ids[i]);
	for (i = 0; i < p->nurls; i++)
		free(p->urls[i].url);
	free(p->ids);
	free(p->urls);
	free(p->rel);
}

static int
check_site(const char *root)
{
	struct site s;
	size_t i, j;
	int rc;

	memset(&s, 0, sizeof(s));
	s.root = root;
	if (scan(&s, root, "") != 0) {
		rc = 3;
		goto out;
	}
	if (s.npages > 1)
		qsort(s.pages, s.npages, sizeof(*s.pages), page_cmp);
	if (find_page(&s, "index.html") == NULL)
		problem(&s, "index.html", "missing");
	for (i = 0; i < s.npages; i++)
		check_page(&s, &s.pages[i]);
	for (i = 0; i < s.npages; i++)
		for (j = 0; j < s.pages[i].nurls; j++)
			check_url(&s, &s.pages[i], &s.pages[i].urls[j]);
	rc = s.problems ? 1 : 0;
	if (s.problems)
		fprintf(stderr, "sitecheck: %u problem%s in %zu files\n",
		    s.problems, s.problems == 1 ? "" : "s", s.npages);
out:
	for (i = 0; i < s.npages; i++)
		page_free(&s.pages[i]);
	free(s.pages);
	return rc;
}

/* Prints the XPath value of expr in file; returns 0 on success. */
static int
eval_xpath(const char *expr, const char *file)
{
	struct site s;
	xmlDocPtr doc;
	xmlXPathContextPtr xc;
	xmlXPathObjectPtr obj;
	int i, rc = 0;

	memset(&s, 0, sizeof(s));
	s.root = ".";
	doc = parse_file(&s, file, file);
	if (doc == NULL)
		return 1;
	xc = xmlXPathNewContext(doc);
	if (xc == NULL)
		fatal_oom();
	xmlXPathRegisterNs(xc, (const xmlChar *)"h", (const xmlChar *)XHTML_NS);
	xmlXPathRegisterNs(xc, (const xmlChar *)"svg",
	    (const xmlChar *)SVG_NS);
	obj = xmlXPathEvalExpression((const xmlChar *)expr, xc);
	if (obj == NULL) {
		fprintf(stderr, "sitecheck: invalid XPath: %s\n", expr);
		rc = 1;
	} else if (obj->type == XPATH_NODESET) {
		for (i = 0; obj->nodesetval && i < obj->nodesetval->nodeNr;
		    i++) {
			xmlChar *t = xmlNodeGetContent(
			    obj->nodesetval->nodeTab[i]);
			char *q = squeeze(t ? (const char *)t : "");

			puts(q);
			free(q);
			xmlFree(t);
		}
	} else {
		xmlChar *t = xmlXPathCastToString(obj);

		puts((const char *)t);
		xmlFree(t);
	}
	xmlXPathFreeObject(obj);
	xmlXPathFreeContext(xc);
	xmlFreeDoc(doc);
	return rc;
}

int
main(int argc, char *argv[])
{
	int rc = 0, i;

	if (argc >= 4 && strcmp(argv[1], "-x") == 0) {
		for (i = 3; i < argc; i++)
			if (eval_xpath(argv[2], argv[i]) != 0)
				rc = 1;
	} else if (argc == 2 && argv[1][0] != '-') {
		rc = check_site(argv[1]);
	} else {
		fputs("usage: sitecheck OUTDIR\n"
		    "       sitecheck -x XPATH FILE...\n", stderr);
		return 2;
	}
	xmlCleanupParser();
	return rc;
}
