/*
 * Unit tests of the diagram module: a small handbook with hostile names
 * is written to a temporary folder, loaded, and drawn; the SVG is parsed
 * back with libxml2 and its nodes, edges, texts, titles and links are
 * compared with the model.  PDF and PNG are checked for their page and
 * pixel sizes and for being the same bytes twice.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "diag.h"
#include "diagram.h"
#include "diagram_int.h"
#include "html.h"
#include "load.h"
#include "model.h"
#include "resolve.h"
#include "schema.h"
#include "util.h"

/* Names Graphviz would read as something else if they reached it raw. */
#define HOSTILE_1 "Escapes \\N \\G \\L \\n \\E \\H \\T \\\\ \\l \\r end\\"
#define HOSTILE_2 "&amp; &lt;b&gt; &#65; \"q\" 'a' <b>bold</b> <BR/> ]]> äöå"
#define HOSTILE_3 "<<TABLE>> <FONT COLOR=\"red\">x</FONT> & ; <!-- c -->"
#define HOSTILE_SUMMARY "Tip \\N &amp; <i>\" ]]>"

static char root[64];      /* the temporary content tree */
static struct model *M;    /* loaded from it */

static void
put(const char *rel, const char *text)
{
	char *path = xasprintf("%s/%s", root, rel);
	char *dir = xstrdup(path);
	FILE *f;

	*strrchr(dir, '/') = '\0';
	mkdir(dir, 0755);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	free(dir);
	free(path);
}

/* A YAML double-quoted scalar of s. */
static char *
yq(const char *s)
{
	struct buf b = { 0 };

	buf_putc(&b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *s);
	}
	buf_putc(&b, '"');
	return buf_detach(&b);
}

static char *long_name; /* 300 characters without a space */

static int
setup(void **state)
{
	struct diag_list *dl = diag_list_new();
	char *h1 = yq(HOSTILE_1), *h2 = yq(HOSTILE_2), *h3 = yq(HOSTILE_3);
	char *hs = yq(HOSTILE_SUMMARY), *text;
	size_t i;

	(void)state;
	long_name = xmalloc(301);
	for (i = 0; i < 300; i++)
		long_name[i] = (char)('a' + i % 26);
	long_name[300] = '\0';
	snprintf(root, sizeof(root), "/tmp/kartta-diagram-XXXXXX");
	assert_non_null(mkdtemp(root));
	put("site.yaml", "title: Testi\n");
	text = xasprintf("name: %s\nkind: public\nsummary: %s\n", h1, hs);
	put("actors/keskus.yaml", text);
	free(text);
	text = xasprintf("name: %s\nkind: team\n", h2);
	put("actors/tiimi.yaml", text);
	free(text);
	text = xasprintf("name: %s\nkind: role\n", long_name);
	put("actors/pitka.yaml", text);
	free(text);
	text = xasprintf("name: %s\norder: 1\ncolour: \"#003366\"\n", h3);
	put("groups/alku.yaml", text);
	free(text);
	put("groups/tyhja.yaml", "name: Tyhjä ryhmä\norder: 2\n");
	text = xasprintf("name: %s\ngroup: alku\nproviders: [keskus]\n"
	    "summary: %s\nnext: [toinen]\n", h1, hs);
	put("services/eka.yaml", text);
	free(text);
	text = xasprintf("name: %s\ngroup: alku\nproviders: [tiimi]\n"
	    "summary: Toinen.\nnext: [eka, kolmas]\n", h2);
	put("services/toinen.yaml", text);
	free(text);
	text = xasprintf("name: %s\ngroup: alku\nproviders: [tiimi]\n"
	    "summary: Kolmas.\n", long_name);
	put("services/kolmas.yaml", text);
	free(text);
	text = xasprintf("title: %s\ncentre: keskus\nactors: [tiimi, pitka]\n"
	    "groups: all\nedges:\n"
	    "  - { from: \"actor:tiimi\", to: \"service:kolmas\", label: %s }\n"
	    "  - { from: \"actor:pitka\", to: \"group:tyhja\" }\n"
	    "paper: A4-landscape\n", h2, h3);
	put("maps/kartta.yaml", text);
	free(text);
	text = xasprintf("title: %s\npersona: { name: Matti, age: \"25-35\" }\n"
	    "coordinator: tiimi\nsteps:\n"
	    "  - { at: \"service:eka\", title: %s, responsible: keskus,"
	    " quote: %s }\n"
	    "  - { at: \"service:toinen\", title: Toinen, responsible: tiimi,"
	    " handoff: true }\n"
	    "  - { at: \"actor:tiimi\", title: Kolmas, stage: follow-up }\n",
	    h1, h2, h3);
	put("paths/polku.yaml", text);
	free(text);
	text = xasprintf("title: Opas\nstart: q1\nquestions:\n"
	    "  q1:\n    text: %s\n    answers:\n"
	    "      - { label: %s, outcome: o1 }\n"
	    "      - { label: Ei, goto: q2 }\n"
	    "  q2:\n    text: Toinen?\n    answers:\n"
	    "      - { label: Kyllä, outcome: o2 }\n"
	    "      - { label: Ei, outcome: o1 }\n"
	    "outcomes:\n  o1: { text: %s, actor: tiimi }\n"
	    "  o2: { text: Toinen tulos }\n", h1, h3, h2);
	put("decisions/opas.yaml", text);
	free(text);
	free(h1);
	free(h2);
	free(h3);
	free(hs);
	M = load_content(root, dl);
	assert_non_null(M);
	resolve_model(M, dl);
	if (diag_errors(dl) > 0)
		diag_print(dl, stderr, DIAG_FORMAT_PLAIN);
	assert_int_equal(diag_errors(dl), 0);
	diag_list_free(dl);
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", root);

	(void)state;
	model_free(M);
	diagram_cleanup();
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(long_name);
	return 0;
}

/* ---- Helpers: draw, serialise, parse back, query ---- */

/* Draws kind:id as it would be inlined, serialised by html.c, parsed
 * back as a standalone XML document (so it must be well-formed). */
static xmlDocPtr
draw(enum kind kind, const char *id, const char *link_prefix)
{
	const struct entity *e = model_find(M, kind, id);
	struct diagram_opts o = { LANG_FI, link_prefix, NULL, NULL };
	xmlDocPtr page = xmlNewDoc((const xmlChar *)"1.0"), doc;
	struct diag_list *dl = diag_list_new();
	struct buf out = { 0 };
	xmlNodePtr svg;

	assert_non_null(e);
	svg = diagram_svg_node(M, e, &o, page, dl);
	if (diag_warnings(dl) + diag_errors(dl) > 0)
		diag_print(dl, stderr, DIAG_FORMAT_PLAIN);
	assert_int_equal(diag_errors(dl) + diag_warnings(dl), 0);
	assert_non_null(svg);
	xmlDocSetRootElement(page, svg);
	html_node_serialize(svg, &out);
	doc = xmlReadMemory(out.data, (int)out.len, NULL, "UTF-8",
	    XML_PARSE_NONET);
	assert_non_null(doc);
	buf_free(&out);
	xmlFreeDoc(page);
	diag_list_free(dl);
	return doc;
}

static xmlXPathObjectPtr
xp(xmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r;

	xmlXPathRegisterNs(ctx, (const xmlChar *)"s",
	    (const xmlChar *)"http://www.w3.org/2000/svg");
	xmlXPathRegisterNs(ctx, (const xmlChar *)"x",
	    (const xmlChar *)"http://www.w3.org/1999/xlink");
	r = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	xmlXPathFreeContext(ctx);
	assert_non_null(r);
	return r;
}

static int
count(xmlDocPtr doc, const char *expr)
{
	xmlXPathObjectPtr r = xp(doc, expr);
	int n = r->nodesetval ? r->nodesetval->nodeNr : 0;

	xmlXPathFreeObject(r);
	return n;
}

/* The string value of an XPath expression; caller frees. */
static char *
str(xmlDocPtr doc, const char *expr)
{
	char *full = xasprintf("string(%s)", expr);
	xmlXPathObjectPtr r = xp(doc, full);
	char *s = xstrdup(r->stringval ? (char *)r->stringval : "");

	xmlXPathFreeObject(r);
	free(full);
	return s;
}

/* s without white space: labels are wrapped at spaces (and long words
 * cut), so the drawn lines joined must give the text back. */
static char *
squeeze(const char *s)
{
	struct buf b = { 0 };

	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t')
			buf_putc(&b, *s);
	return buf_detach(&b);
}

/* All <text> of the element with id gid, joined. */
static char *
texts(xmlDocPtr doc, const char *gid)
{
	char *expr = xasprintf("//*[@id='%s']//s:text", gid);
	xmlXPathObjectPtr r = xp(doc, expr);
	struct buf b = { 0 };
	int i;

	for (i = 0; r->nodesetval && i < r->nodesetval->nodeNr; i++) {
		xmlChar *c = xmlNodeGetContent(r->nodesetval->nodeTab[i]);

		buf_puts(&b, (char *)c);
		buf_putc(&b, ' ');
		xmlFree(c);
	}
	xmlXPathFreeObject(r);
	free(expr);
	return buf_detach(&b);
}

/* Asserts that the node gid shows exactly text (white space aside). */
static void
assert_shows(xmlDocPtr doc, const char *gid, const char *text)
{
	char *got = texts(doc, gid), *a = squeeze(got), *b = squeeze(text);

	if (strstr(a, b) == NULL)
		fail_msg("%s shows \"%s\", expected \"%s\"", gid, got, text);
	free(got);
	free(a);
	free(b);
}

/* ---- Tests ---- */

static void
test_hostile_labels(void **state)
{
	xmlDocPtr doc = draw(KIND_MAP, "kartta", "../");
	char *s, *expect;

	(void)state;
	/* Services are rows of their group's table, each a link. */
	assert_shows(doc, "a_map_kartta_service_eka", HOSTILE_1);
	assert_shows(doc, "a_map_kartta_service_toinen", HOSTILE_2);
	assert_shows(doc, "a_map_kartta_service_kolmas", long_name);
	assert_shows(doc, "map_kartta_actor_keskus", HOSTILE_1);
	assert_shows(doc, "map_kartta_actor_tiimi", HOSTILE_2);
	assert_shows(doc, "map_kartta_group_alku", HOSTILE_3);
	assert_shows(doc, "map_kartta_edgelabel_1", HOSTILE_3);
	/* No markup of a name became an element. */
	assert_int_equal(count(doc, "//s:b | //s:BR | //s:FONT | //s:TABLE |"
	    " //s:i | //*[local-name()='b']"), 0);
	/* Titles and link titles: the exact text, set after Graphviz. */
	expect = xasprintf("%s – %s", HOSTILE_1, HOSTILE_SUMMARY);
	s = str(doc, "//*[@id='a_map_kartta_service_eka']/s:a/@x:title");
	assert_string_equal(s, expect);
	free(expect);
	free(s);
	s = str(doc, "//*[@id='map_kartta_group_alku']/s:title");
	assert_string_equal(s, HOSTILE_3);
	free(s);
	/* The long name is cut into lines, not left as one 300-wide line. */
	assert_true(count(doc, "//*[@id='a_map_kartta_service_kolmas']//s:text")
	    >= 10);
	/* No comments (Graphviz's version) survive. */
	assert_int_equal(count(doc, "//comment()"), 0);
	xmlFreeDoc(doc);
}

static void
test_svg_frame(void **state)
{
	xmlDocPtr doc = draw(KIND_MAP, "kartta", "");
	char *s;

	(void)state;
	s = str(doc, "/s:svg/@role");
	assert_string_equal(s, "img");
	free(s);
	s = str(doc, "/s:svg/@aria-labelledby");
	assert_string_equal(s, "map_kartta_title");
	free(s);
	s = str(doc, "/s:svg/s:title[@id='map_kartta_title']");
	assert_string_equal(s, HOSTILE_2);
	free(s);
	assert_int_equal(count(doc, "/s:svg/s:desc[@id='map_kartta_desc']"),
	    1);
	/* Every id is unique and carries the prefix. */
	assert_int_equal(count(doc, "//*[@id][not(starts-with(@id, "
	    "'map_kartta')) and not(starts-with(@id, 'a_map_kartta'))]"), 0);
	xmlFreeDoc(doc);
}

/* Every link is a relative page URL made of ids, to an entity that
 * exists. */
static void
test_links_resolve(void **state)
{
	static const struct {
		enum kind kind;
		const char *id;
	} drawn[] = { { KIND_MAP, "kartta" }, { KIND_PATH, "polku" },
		{ KIND_DECISION, "opas" } };
	size_t d;

	(void)state;
	for (d = 0; d < ARRAY_LEN(drawn); d++) {
		xmlDocPtr doc = draw(drawn[d].kind, drawn[d].id, "../");
		xmlXPathObjectPtr r = xp(doc, "//s:a/@x:href");
		int i, n = r->nodesetval ? r->nodesetval->nodeNr : 0;

		assert_true(n > 0);
		for (i = 0; i < n; i++) {
			xmlChar *v = xmlNodeGetContent(r->nodesetval->nodeTab[i]);
			char folder[32], id[80];
			enum kind k;

			assert_true(strspn((char *)v, "abcdefghijklmnopqrstuvwxyz"
			    "0123456789-_./#") == strlen((char *)v));
			if (sscanf((char *)v, "../%31[a-z]/%79[a-z0-9-].html",
			    folder, id) != 2)
				fail_msg("link %s is not ../kind/id.html", v);
			for (k = 0; k < KIND_COUNT; k++)
				if (strcmp(kind_dirs[k], folder) == 0)
					break;
			assert_true(k < KIND_COUNT);
			if (model_find(M, k, id) == NULL)
				fail_msg("link %s goes nowhere", v);
			xmlFree(v);
		}
		xmlXPathFreeObject(r);
		xmlFreeDoc(doc);
	}
}

static void
test_map_contents(void **state)
{
	xmlDocPtr doc = draw(KIND_MAP, "kartta", "");

	(void)state;
	/* All services of all groups, the centre and both actors. */
	assert_int_equal(count(doc,
	    "//s:g[starts-with(@id,'a_map_kartta_service_')]"), 3);
	assert_int_equal(count(doc, "//s:g[contains(@class,'centre')]"), 1);
	assert_int_equal(count(doc, "//s:g[@class='node actor']"), 2);
	/* Each group one node, a table of its services. */
	assert_int_equal(count(doc, "//s:g[@class='node group']"), 2);
	assert_int_equal(count(doc, "//*[@id='map_kartta_group_alku']"
	    "//*[starts-with(@id,'a_map_kartta_service_')]"), 3);
	/* Next steps inside a group are on the services' pages, not here. */
	assert_int_equal(count(doc, "//s:g[contains(@class,'next')]"), 0);
	/* The map's own relations, one ending at the empty group; the
	 * labelled one runs through its label's node. */
	assert_int_equal(count(doc, "//s:g[@class='edge relation']"), 3);
	assert_int_equal(count(doc, "//s:g[@id='map_kartta_edge_1_to']"), 1);
	assert_int_equal(count(doc, "//s:g[@class='node relation-label']"), 1);
	/* Links: group and service pages. */
	assert_int_equal(count(doc, "//s:a[@x:href='services/eka.html']"), 1);
	assert_int_equal(count(doc, "//s:a[@x:href='groups/alku.html']"), 1);
	assert_int_equal(count(doc, "//s:a[@x:href='actors/keskus.html']"), 1);
	xmlFreeDoc(doc);
}

static void
test_path_contents(void **state)
{
	xmlDocPtr doc = draw(KIND_PATH, "polku", "");
	char *s;

	(void)state;
	assert_int_equal(count(doc, "//s:g[contains(@class,'step')]"), 3);
	assert_int_equal(count(doc, "//s:g[@class='node step handoff']"), 1);
	/* The coordinator's own lane, a mark on the hand-over's row. */
	assert_int_equal(count(doc, "//s:g[@class='cluster lane coordinator']"),
	    1);
	assert_int_equal(count(doc, "//s:g[@id='path_polku_coordinates_2' and"
	    " @class='node coordinator']"), 1);
	/* Lanes: keskus, tiimi, then the stage of the third step; the
	 * stages named in a column of their own. */
	assert_int_equal(count(doc, "//s:g[@class='cluster lane']"), 3);
	assert_int_equal(count(doc, "//s:g[@class='node stage']"), 1);
	/* Steps in order, the hand-over's edge marked. */
	assert_int_equal(count(doc, "//s:g[@id='path_polku_flow_1']"), 1);
	assert_int_equal(count(doc,
	    "//s:g[@id='path_polku_flow_2' and @class='edge flow handoff']"),
	    1);
	assert_shows(doc, "path_polku_step_1", HOSTILE_2);
	/* The quote inside its step's box. */
	assert_shows(doc, "path_polku_step_1", HOSTILE_3);
	s = str(doc, "//*[@id='a_path_polku_step_1']/s:a/@x:href");
	assert_string_equal(s, "services/eka.html");
	free(s);
	xmlFreeDoc(doc);
}

static void
test_decision_contents(void **state)
{
	xmlDocPtr doc = draw(KIND_DECISION, "opas", "../");
	char *s;

	(void)state;
	assert_int_equal(count(doc, "//s:g[@class='node question']"), 2);
	assert_int_equal(count(doc, "//s:g[@class='node outcome']"), 2);
	assert_int_equal(count(doc, "//s:g[@class='edge answer']"), 5);
	assert_shows(doc, "decision_opas_question_q1", HOSTILE_1);
	assert_shows(doc, "decision_opas_answer_q1_1", HOSTILE_3);
	/* Outcomes link to their actor, else to their place in the guide. */
	s = str(doc, "//*[@id='a_decision_opas_outcome_o1']/s:a/@x:href");
	assert_string_equal(s, "../actors/tiimi.html");
	free(s);
	s = str(doc, "//*[@id='a_decision_opas_outcome_o2']/s:a/@x:href");
	assert_string_equal(s, "../decisions/opas.html#o-o2");
	free(s);
	xmlFreeDoc(doc);
}

/* Where needle first occurs in hay[0..len), or NULL (PDFs hold NULs). */
static const char *
find_bytes(const char *hay, size_t len, const char *needle, size_t n)
{
	size_t i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

/* Same model, same bytes: SVG, PDF and PNG. */
static void
test_deterministic(void **state)
{
	const struct entity *e = model_find(M, KIND_MAP, "kartta");
	struct diagram_print p = { .lang = LANG_FI, .paper = PAPER_A4_LANDSCAPE, .dpi = 72, .svg_paper = 0 };
	enum diagram_format f;

	(void)state;
	unsetenv("SOURCE_DATE_EPOCH");
	for (f = DIAGRAM_SVG; f <= DIAGRAM_PNG; f++) {
		struct buf a = { 0 }, b = { 0 };

		assert_int_equal(diagram_render(M, e, f, &p, &a, NULL), 0);
		assert_int_equal(diagram_render(M, e, f, &p, &b, NULL), 0);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.data, b.data, a.len);
		if (f == DIAGRAM_PDF)
			assert_null(find_bytes(a.data, a.len, "CreationDate", 12));
		buf_free(&a);
		buf_free(&b);
	}
}

/* o's SVG as a page would hold it, drawn afresh or copied from the
 * cache; caller frees. */
static char *
svg_text(const struct entity *e, const struct diagram_opts *o, int cached)
{
	xmlDocPtr page = xmlNewDoc((const xmlChar *)"1.0");
	struct buf out = { 0 };
	xmlNodePtr svg = NULL;

	if (cached)
		assert_int_equal(diagram_cache_svg(M, e, o, page, &svg), 1);
	else
		svg = diagram_svg_node(M, e, o, page, NULL);
	assert_non_null(svg);
	xmlDocSetRootElement(page, svg);
	html_node_serialize(svg, &out);
	xmlFreeDoc(page);
	return buf_detach(&out);
}

/*
 * A diagram laid out once and copied (diagram_cache.c) is byte for byte
 * the one drawn for that page: links from any depth, links into the
 * page itself, another id prefix; and the map's PDF the same.
 */
static void
test_cache_same(void **state)
{
	static const struct {
		enum kind kind;
		const char *id;
		struct diagram_opts o;
	} cases[] = {
		{ KIND_MAP, "kartta", { LANG_FI, "../", "maps/kartta.html",
		    NULL } },
		{ KIND_MAP, "kartta", { LANG_FI, "", "print.html",
		    "map_kartta-2" } },
		{ KIND_PATH, "polku", { LANG_FI, "../../", "guides/a/b.html",
		    "path_polku-3" } },
		{ KIND_DECISION, "opas", { LANG_FI, "../",
		    "decisions/opas.html", NULL } },
		{ KIND_DECISION, "opas", { LANG_FI, "", "print.html",
		    "decision_opas-2" } },
	};
	const struct entity *map = model_find(M, KIND_MAP, "kartta");
	struct diagram_print p = { .lang = LANG_FI, .paper = PAPER_A4_LANDSCAPE };
	struct buf a = { 0 }, b = { 0 };
	struct diagram_opts nolinks = { LANG_FI, NULL, NULL, NULL };
	xmlNodePtr svg;
	size_t i;

	(void)state;
	unsetenv("SOURCE_DATE_EPOCH");
	assert_int_equal(diagram_cache_svg(M, map, &cases[0].o, NULL, &svg),
	    0);
	assert_int_equal(diagram_render(M, map, DIAGRAM_PDF, &p, &a, NULL), 0);
	diagram_cache_begin(NULL, NULL);
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		const struct entity *e = model_find(M, cases[i].kind,
		    cases[i].id);
		char *fresh = svg_text(e, &cases[i].o, 0);
		char *copy = svg_text(e, &cases[i].o, 1);

		assert_string_equal(copy, fresh);
		free(fresh);
		free(copy);
	}
	/* No links: drawn afresh, never copied. */
	assert_int_equal(diagram_cache_svg(M, map, &nolinks, NULL, &svg), 0);
	assert_int_equal(diagram_render(M, map, DIAGRAM_PDF, &p, &b, NULL), 0);
	assert_int_equal(diagram_check(M, map, LANG_FI, NULL), 0);
	diagram_cache_end();
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);
	buf_free(&a);
	buf_free(&b);
}

/* The PDF's MediaBox is the paper, to the hundredth of a point. */
static void
test_pdf_paper(void **state)
{
	const struct entity *e = model_find(M, KIND_PATH, "polku");
	int paper;

	(void)state;
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	for (paper = PAPER_A4_PORTRAIT; paper <= PAPER_A0_LANDSCAPE;
	    paper++) {
		struct diagram_print p = { .lang = LANG_FI, .paper = paper, .dpi = 0, .svg_paper = 0 };
		struct buf out = { 0 };
		double w, h, bw, bh;
		const char *mb;

		assert_int_equal(diagram_render(M, e, DIAGRAM_PDF, &p, &out,
		    NULL), 0);
		assert_memory_equal(out.data, "%PDF-", 5);
		mb = find_bytes(out.data, out.len, "/MediaBox [ 0 0 ", 16);
		assert_non_null(mb);
		assert_int_equal(sscanf(mb + 16, "%lf %lf", &bw, &bh), 2);
		diagram_paper_size(paper, &w, &h);
		assert_true(bw > w - 0.01 && bw < w + 0.01);
		assert_true(bh > h - 0.01 && bh < h + 0.01);
		/* cairo 1.16 writes the date without its D: prefix. */
		assert_non_null(find_bytes(out.data, out.len, "/CreationDate (",
		    15));
		assert_non_null(find_bytes(out.data, out.len, "20231114221320Z)",
		    16));
		buf_free(&out);
	}
	unsetenv("SOURCE_DATE_EPOCH");
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

/* The PNG is the paper at the resolution asked for. */
static void
test_png_size(void **state)
{
	const struct entity *e = model_find(M, KIND_DECISION, "opas");
	struct diagram_print p = { .lang = LANG_FI, .paper = PAPER_A4_PORTRAIT, .dpi = 100, .svg_paper = 0 };
	struct buf out = { 0 };
	const unsigned char *d;

	(void)state;
	assert_int_equal(diagram_render(M, e, DIAGRAM_PNG, &p, &out, NULL),
	    0);
	d = (const unsigned char *)out.data;
	assert_memory_equal(d, "\x89PNG\r\n\x1a\n", 8);
	assert_memory_equal(d + 12, "IHDR", 4);
	assert_int_equal(be32(d + 16), 827);  /* 210 mm at 100 dpi */
	assert_int_equal(be32(d + 20), 1169); /* 297 mm */
	buf_free(&out);
}

/* A standalone SVG is a well-formed document sized as the paper. */
static void
test_svg_file(void **state)
{
	const struct entity *e = model_find(M, KIND_MAP, "kartta");
	struct diagram_print p = { .lang = LANG_FI, .paper = PAPER_A3_PORTRAIT, .dpi = 0, .svg_paper = 1 };
	struct buf out = { 0 };
	xmlDocPtr doc;
	char *s;

	(void)state;
	assert_int_equal(diagram_render(M, e, DIAGRAM_SVG, &p, &out, NULL),
	    0);
	doc = xmlReadMemory(out.data, (int)out.len, NULL, "UTF-8",
	    XML_PARSE_NONET);
	assert_non_null(doc);
	s = str(doc, "/s:svg/@width");
	assert_string_equal(s, "297.00mm");
	free(s);
	/* No links in a file that has no pages beside it. */
	assert_int_equal(count(doc, "//s:a[@x:href]"), 0);
	xmlFreeDoc(doc);
	buf_free(&out);
}

/* Kinds that are not diagrams are refused with a diagnostic. */
static void
test_not_a_diagram(void **state)
{
	const struct entity *e = model_find(M, KIND_SERVICE, "eka");
	struct diagram_print p = { .lang = LANG_FI, .paper = PAPER_A4_PORTRAIT, .dpi = 0, .svg_paper = 0 };
	struct diag_list *dl = diag_list_new();
	struct buf out = { 0 };

	(void)state;
	assert_false(diagram_kind_supported(KIND_SERVICE));
	assert_int_equal(diagram_render(M, e, DIAGRAM_PDF, &p, &out, dl), -1);
	assert_int_equal(diag_errors(dl), 1);
	assert_int_equal(out.len, 0);
	diag_list_free(dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_labels),
		cmocka_unit_test(test_svg_frame),
		cmocka_unit_test(test_links_resolve),
		cmocka_unit_test(test_map_contents),
		cmocka_unit_test(test_path_contents),
		cmocka_unit_test(test_decision_contents),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_cache_same),
		cmocka_unit_test(test_pdf_paper),
		cmocka_unit_test(test_png_size),
		cmocka_unit_test(test_svg_file),
		cmocka_unit_test(test_not_a_diagram),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
