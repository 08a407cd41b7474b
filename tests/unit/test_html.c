/*
 * Unit tests of html.c's written parts (html_page_write_part): a page
 * whose parts were written out and freed as they were finished
 * serialises to the same bytes as the page held whole, and a comment
 * that is not a part's placeholder (the theme's, or an empty one made
 * by anyone else) is still not published.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "html.h"
#include "util.h"

static const char tpl_src[] =
    "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
    "<title data-k=\"title\"></title></head><body>"
    "<!-- the theme's comment -->"
    "<main data-k=\"main\"></main></body></html>";

static struct html_template *
load_template(void)
{
	struct diag_list *dl = diag_list_new();
	struct html_template *t = html_template_parse(tpl_src,
	    sizeof(tpl_src) - 1, "page.xhtml", dl);

	assert_non_null(t);
	diag_list_free(dl);
	return t;
}

/* A part with text to escape, attributes, a nested element and an SVG
 * drawing (a namespace of its own). */
static xmlNodePtr
add_part(xmlNodePtr parent, int n)
{
	xmlNodePtr art = html_el_class(parent, "article", "print-part", NULL);
	xmlNodePtr svg;
	char *id = xasprintf("part-%d", n);
	xmlNsPtr ns;

	html_attr(art, "id", id);
	html_el(art, "h2", "Tom & Jerry <3 \"quotes\"");
	html_attr(html_el(html_el(art, "p", "see "), "a", "there"), "href",
	    "#x?a=1&b=2");
	svg = xmlNewChild(art, NULL, (const xmlChar *)"svg", NULL);
	ns = xmlNewNs(svg, (const xmlChar *)"http://www.w3.org/2000/svg",
	    NULL);
	xmlSetNs(svg, ns);
	html_attr(xmlNewChild(svg, ns, (const xmlChar *)"rect", NULL), "width",
	    "3");
	free(id);
	return art;
}

/* Two chapters of three parts; write: each part written out once
 * finished. */
static char *
book(const struct html_template *t, int write)
{
	struct html_page p;
	struct buf out = { 0 };
	xmlNodePtr main, sec;
	int c, i;

	html_page_init(&p, t, "fi");
	main = p.slot[SLOT_MAIN];
	assert_non_null(main);
	html_el(main, "p", "cover");
	/* An empty comment of anyone else's is no placeholder. */
	xmlAddChild(main, xmlNewDocComment(p.doc, NULL));
	for (c = 0; c < 2; c++) {
		sec = html_el_class(main, "section", "print-chapter", NULL);
		html_el(sec, "h2", "chapter");
		for (i = 0; i < 3; i++) {
			xmlNodePtr art = add_part(sec, c * 3 + i);

			if (write)
				html_page_write_part(&p, art);
		}
	}
	html_el(main, "nav", "made at the end");
	html_page_serialize(&p, &out);
	html_page_release(&p);
	buf_putc(&out, '\0');
	return buf_detach(&out);
}

static void
test_same_bytes(void **state)
{
	struct html_template *t = load_template();
	char *whole = book(t, 0), *parts = book(t, 1);

	(void)state;
	assert_string_equal(parts, whole);
	assert_non_null(strstr(whole, "<h2>Tom &amp; Jerry &lt;3 \"quotes\""
	    "</h2>"));
	assert_non_null(strstr(whole, "<svg xmlns=\"http://www.w3.org/2000/"
	    "svg\"><rect width=\"3\"/></svg>"));
	assert_null(strstr(whole, "<!--"));
	assert_null(strstr(whole, "comment"));
	free(whole);
	free(parts);
	html_template_free(t);
}

/* A page released unserialised frees its parts' bytes (the sanitizer
 * build sees a leak). */
static void
test_release(void **state)
{
	struct html_template *t = load_template();
	struct html_page p;

	(void)state;
	html_page_init(&p, t, "fi");
	html_page_write_part(&p, add_part(p.slot[SLOT_MAIN], 1));
	assert_int_equal(p.nparts, 1);
	assert_true(p.parts[0].text.len > 0);
	html_page_release(&p);
	assert_null(p.parts);
	html_template_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_bytes),
		cmocka_unit_test(test_release),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
