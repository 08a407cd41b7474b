/*
 * Unit tests of the reading aids (search.c, a11y.c, toc.c): the search
 * index of a small content tree, the A–Ö order in Finnish and English,
 * the accessibility statement's status, and the "on this page" list and
 * guide pager.  Trees are written to a temporary folder, loaded and
 * resolved like in test_resolve.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "testlib.h"

#include "a11y.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "morph.h"
#include "page.h"
#include "pages.h"
#include "resolve.h"
#include "search.h"
#include "toc.h"
#include "util.h"

static char dir[64];

static int
setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/kartta-test-search-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	test_remove_tree(dir);
	return 0;
}

/* Loads and resolves the tree, which must have no error. */
static struct model *
load(void)
{
	struct diag_list *dl = diag_list_new();
	struct model *m = load_content(dir, dl);

	assert_non_null(m);
	resolve_model(m, dl);
	assert_int_equal(diag_errors(dl), 0);
	diag_list_free(dl);
	return m;
}

#define TEMPLATE "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>" \
	"<title data-k=\"title\"></title></head><body>" \
	"<form data-k=\"search\"></form><main data-k=\"main\"></main>" \
	"<footer data-k=\"footer\"></footer></body></html>\n"

typedef void (*render_fn)(struct page_ctx *pc, xmlNodePtr main,
    const void *arg);

/* Renders one page with fn and returns its HTML; caller frees. */
static char *
render(const struct model *m, enum lang lang, const char *rel,
    render_fn fn, const void *arg)
{
	struct diag_list *dl = diag_list_new();
	char *path = path_join(dir, "page.xhtml");
	struct html_template *tpl;
	struct page_ctx pc;
	struct buf out = { 0 };
	xmlNodePtr main;

	test_put_file(dir, "page.xhtml", TEMPLATE);
	tpl = html_template_load(path, dl);
	assert_non_null(tpl);
	main = page_begin(&pc, m, tpl, lang, rel, "T", KIND_NONE);
	fn(&pc, main, arg);
	page_end(&pc, &out);
	html_template_free(tpl);
	diag_list_free(dl);
	free(path);
	buf_putc(&out, '\0');
	return buf_detach(&out);
}

static void
atoz(struct page_ctx *pc, xmlNodePtr main, const void *arg)
{
	(void)arg;
	search_render_atoz(pc, main);
}

static void
statement(struct page_ctx *pc, xmlNodePtr main, const void *arg)
{
	(void)arg;
	a11y_render_statement(pc, main);
}

static void
guide(struct page_ctx *pc, xmlNodePtr main, const void *arg)
{
	const struct entity *e = arg;

	pages_render_entity(pc, main, e);
	toc_insert(pc, main);
	toc_pager(pc, main, e);
}

/* Asserts that the strings of want occur in s in this order. */
static void
in_order(const char *s, const char *const *want)
{
	const char *at = s, *p;

	for (; *want; want++) {
		p = strstr(at, *want);
		if (p == NULL)
			fail_msg("\"%s\" missing or out of order in:\n%s", *want,
			    s);
		at = p + strlen(*want);
	}
}

static void
test_index(void **state)
{
	struct model *m;
	struct buf b = { 0 };

	(void)state;
	test_put_file(dir, "site.yaml", "title: K\nlanguages: [fi, sv]\n");
	test_put_file(dir, "groups/g.yaml", "name: { fi: Ryhmä, sv: Grupp }\n");
	test_put_file(dir, "actors/a.yaml", "name: { fi: Tiimi, sv: Team }\nkind: team\n"
	    "summary: { fi: \"Lyhyt \\\"kuvaus\\\" <b>\", sv: Kort }\n");
	test_put_file(dir, "services/s.yaml", "name: { fi: Työkokeilu, sv: Arbetsprövning }\n"
	    "group: g\nproviders: [a]\n"
	    "summary: { fi: Kokeillaan, sv: Man prövar }\n"
	    "description: { fi: \"Työ **ÄLYKÄS** [linkki](actor:a) työ.\", "
	    "sv: Arbete }\n");
	test_put_file(dir, "guides/o.md", "---\ntitle: Ohje\n---\n"
	    "Alku, joka on pitkä: yksi kaksi kolme neljä viisi kuusi "
	    "seitsemän kahdeksan yhdeksän kymmenen yksitoista kaksitoista "
	    "kolmetoista neljätoista viisitoista kuusitoista seitsemäntoista "
	    "kahdeksantoista yhdeksäntoista kaksikymmentä.\n");
	m = load();
	search_index_js(m, LANG_FI, &b);
	buf_putc(&b, '\0');
	{
		struct morph *mo = morph_new(LANG_FI);
		char *head = xasprintf("/* The search index of this handbook, "
		    "written by kartta; read by theme/search.js. */\n"
		    "window.KARTTA_INDEX = {\"lang\":\"fi\",\"morph\":\"%s\","
		    "\"kinds\":{", morph_engine_name(morph_engine(mo)));

		assert_memory_equal(b.data, head, strlen(head));
		/* The items: title, kind, URL, snippet (the summary, else the
		 * start of the text) and the text, escaped for a script. */
		assert_non_null(strstr(b.data, "\"guide\":\"Ohje\","
		    "\"service\":\"Palvelu\",\"group\":\"Palveluryhmä\","
		    "\"actor\":\"Toimija\"},\"items\":[\n"
		    "{\"t\":\"Ohje\",\"k\":\"guide\",\"u\":\"guides/o.html\","
		    "\"s\":\"Alku, joka on pitkä: yksi kaksi kolme neljä viisi kuusi "
		    "seitsemän kahdeksan yhdeksän kymmenen yksitoista kaksitoista "
		    "kolmetoista neljätoista viisitoista…\","
		    "\"x\":\"Alku, joka on pitkä: yksi kaksi kolme neljä viisi kuusi "
		    "seitsemän kahdeksan yhdeksän kymmenen yksitoista kaksitoista "
		    "kolmetoista neljätoista viisitoista kuusitoista seitsemäntoista "
		    "kahdeksantoista yhdeksäntoista kaksikymmentä.\"},\n"
		    "{\"t\":\"Työkokeilu\",\"k\":\"service\",\"u\":\"services/s.html\","
		    "\"s\":\"Kokeillaan\",\"x\":\"Kokeillaan Työ ÄLYKÄS linkki työ.\"},\n"
		    "{\"t\":\"Ryhmä\",\"k\":\"group\",\"u\":\"groups/g.html\","
		    "\"s\":\"\",\"x\":\"\"},\n"
		    "{\"t\":\"Tiimi\",\"k\":\"actor\",\"u\":\"actors/a.html\","
		    "\"s\":\"Lyhyt \\\"kuvaus\\\" \\u003cb\\u003e\","
		    "\"x\":\"Lyhyt \\\"kuvaus\\\" \\u003cb\\u003e\"}\n],\"lex\":{"));
		/* The lexicon: the words' other forms, from the analyser. */
		if (morph_engine(mo) == MORPH_VOIKKO) {
			/* One of the base forms of "kokeillaan" is kokeilla. */
			const char *k = strstr(b.data, "\n\"kokeillaan\":\"");

			assert_non_null(k);
			k = strstr(k, "kokeilla");
			assert_non_null(k);
			assert_null(memchr(strstr(b.data, "\n\"kokeillaan\":\"") + 1,
			    '\n', (size_t)(k - strstr(b.data, "\n\"kokeillaan\"")) - 1));
			assert_non_null(strstr(b.data, "\n\"työkokeilu\":\"|työ kokeilu\","));
		} else if (morph_engine(mo) == MORPH_NONE)
			assert_non_null(strstr(b.data, "\"lex\":{\n}};\n"));
		assert_null(strstr(b.data, "\"ohje\":"));
		free(head);
		morph_free(mo);
	}
	b.len = 0;
	search_index_js(m, LANG_SV, &b);
	buf_putc(&b, '\0');
	/* Swedish titles and words, the Finnish guide as it falls back. */
	assert_non_null(strstr(b.data, "{\"t\":\"Arbetsprövning\",\"k\":"
	    "\"service\",\"u\":\"services/s.html\",\"s\":\"Man prövar\","
	    "\"x\":\"Man prövar Arbete\"}"));
	assert_non_null(strstr(b.data, "\"guide\":\"Anvisning\""));
	buf_free(&b);
	model_free(m);
}

/* A long text is cut in the index; the words past the cut stay
 * searchable in "w", each once, without those the cut text has. */
static void
test_index_long(void **state)
{
	struct model *m;
	struct buf b = { 0 }, body = { 0 };
	const char *x, *w;
	size_t i;

	(void)state;
	test_put_file(dir, "site.yaml", "title: K\n");
	buf_puts(&body, "---\ntitle: Pitkä\n---\n");
	for (i = 0; i < 3000; i++)
		buf_puts(&body, "sana toinen ");
	buf_puts(&body, "loppusana sana loppusana viimeinen.\n");
	buf_putc(&body, '\0');
	test_put_file(dir, "guides/p.md", body.data);
	m = load();
	search_index_js(m, LANG_FI, &b);
	buf_putc(&b, '\0');
	x = strstr(b.data, "\"x\":\"sana toinen");
	assert_non_null(x);
	w = strstr(x, "\",\"w\":\"");
	assert_non_null(w);
	assert_true(w - x < 20100 && w - x > 19000);
	assert_memory_equal(w - 7, " toinen", 7);
	assert_non_null(strstr(w, ",\"w\":\"loppusana viimeinen\"}"));
	buf_free(&b);
	buf_free(&body);
	model_free(m);
}

static void
test_atoz_order(void **state)
{
	static const char *const fi[] = { ">auto<", ">Émile<", ">Zeta<",
		">Åland<", ">Äiti<", ">Öljy<", NULL };
	static const char *const en[] = { ">Äiti<", ">Åland<", ">auto<",
		">Émile<", ">Öljy<", ">Zeta<", NULL };
	static const char *const letters[] = { "href=\"#letter-a\">A<",
		"href=\"#letter-e\">E<", "href=\"#letter-z\">Z<",
		"href=\"#letter-aa\">Å<", "href=\"#letter-ae\">Ä<",
		"href=\"#letter-oe\">Ö<", NULL };
	const char *names[] = { "Öljy", "Äiti", "Åland", "Zeta", "auto",
		"Émile" };
	struct model *m;
	char *html, file[32], yaml[64];
	size_t i;

	(void)state;
	test_put_file(dir, "site.yaml", "title: K\nlanguages: [fi, en]\n");
	for (i = 0; i < ARRAY_LEN(names); i++) {
		snprintf(file, sizeof(file), "actors/a%zu.yaml", i);
		snprintf(yaml, sizeof(yaml), "name: %s\nkind: team\n",
		    names[i]);
		test_put_file(dir, file, yaml);
	}
	m = load();
	html = render(m, LANG_FI, SEARCH_ATOZ_PATH, atoz, NULL);
	in_order(html, letters);
	in_order(strstr(html, "<section"), fi);
	assert_non_null(strstr(html, "<span class=\"kind\">Toimija</span>"));
	assert_non_null(strstr(html, "<a href=\"../actors/a0.html\">Öljy</a>"));
	free(html);
	html = render(m, LANG_EN, SEARCH_ATOZ_PATH, atoz, NULL);
	in_order(strstr(html, "<section"), en);
	free(html);
	model_free(m);
}

static void
test_statement(void **state)
{
	struct model *m;
	char *html;

	(void)state;
	test_put_file(dir, "site.yaml", "title: K\npublisher: Alue\n");
	m = load();
	html = render(m, LANG_FI, A11Y_PATH, statement, NULL);
	assert_non_null(strstr(html, "<h1>Saavutettavuusseloste</h1>"));
	assert_non_null(strstr(html, "ei ole vielä arvioitu"));
	assert_null(strstr(html, "Ei-saavutettava sisältö"));
	assert_non_null(strstr(html, "kerro siitä käsikirjan julkaisijalle. "
	    "Alue</p>"));
	assert_non_null(strstr(html, "mailto:saavutettavuus@traficom.fi"));
	/* Footer links, relative to the page. */
	assert_non_null(strstr(html, "<a href=\"accessibility.html\">"));
	assert_non_null(strstr(html, "<a href=\"index/a-o.html\">"));
	free(html);
	model_free(m);

	test_put_file(dir, "site.yaml", "title: K\naccessibility:\n  assessed: 2026-11-23\n"
	    "  method: Itsearviointi\n  feedback: \"Palaute: <https://e.fi/>\"\n"
	    "  known_gaps: [Kartat]\n");
	m = load();
	html = render(m, LANG_FI, A11Y_PATH, statement, NULL);
	assert_non_null(strstr(html, "<dd>2026-11-23</dd>"));
	assert_non_null(strstr(html, "<dd>Itsearviointi</dd>"));
	assert_non_null(strstr(html, "vaatimukset osittain"));
	assert_non_null(strstr(html, "<li>Kartat</li>"));
	assert_non_null(strstr(html, "<a href=\"https://e.fi/\">"));
	free(html);
	model_free(m);

	test_put_file(dir, "site.yaml", "title: K\naccessibility:\n  assessed: 2026-11-23\n");
	m = load();
	html = render(m, LANG_FI, A11Y_PATH, statement, NULL);
	assert_non_null(strstr(html, "AA-tason saavutettavuusvaatimukset.<"));
	assert_non_null(strstr(html, "Tunnettuja puutteita ei ole."));
	free(html);
	model_free(m);
}

static void
test_toc_and_pager(void **state)
{
	static const char *const order[] = { "<h1>Kaksi</h1>",
		"<nav class=\"toc\" aria-labelledby=\"toc-title\">",
		"<a href=\"#yksi\">Yksi</a><ul><li><a href=\"#alla\">Alla</a>",
		"<a href=\"#kaksi\">Kaksi</a>", "<a href=\"#kolme\">Kolme</a>",
		"<h2 id=\"yksi\">", "<h3 id=\"alla\">",
		"<nav class=\"pager\"", "rel=\"prev\">Ensin</a>",
		"rel=\"next\">Kolmas</a>", NULL };
	struct model *m;
	char *html;

	(void)state;
	test_put_file(dir, "site.yaml", "title: K\n");
	test_put_file(dir, "guides/a.md", "---\ntitle: Ensin\norder: 1\n---\nA.\n");
	/* Sections written ## become <h2>: no heading level is skipped. */
	test_put_file(dir, "guides/b.md", "---\ntitle: Kaksi\norder: 2\n---\n## Yksi\n\n"
	    "### Alla\n\n## Kaksi\n\n## Kolme\n");
	test_put_file(dir, "guides/c.md", "---\ntitle: Kolmas\norder: 3\n---\n# Vain\n");
	m = load();
	html = render(m, LANG_FI, "guides/b.html", guide,
	    model_find(m, KIND_GUIDE, "b"));
	in_order(html, order);
	free(html);
	html = render(m, LANG_FI, "guides/c.html", guide,
	    model_find(m, KIND_GUIDE, "c"));
	assert_null(strstr(html, "class=\"toc\""));
	assert_null(strstr(html, "rel=\"next\""));
	assert_non_null(strstr(html, "<h2 id=\"vain\">"));
	free(html);
	model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_index, setup, teardown),
		cmocka_unit_test_setup_teardown(test_index_long, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_atoz_order, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_statement, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_toc_and_pager, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
