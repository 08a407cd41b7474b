/*
 * Unit tests of the Markdown module: rendering to libxml2 nodes compared
 * as serialised strings, and md_check's diagnostics compared as printed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/tree.h>

#include "diag.h"
#include "md.h"
#include "util.h"

/* ---- A fake handbook ---- */

static const struct {
	enum md_ref_kind kind;
	const char *id;
} known[] = {
	{ MD_REF_SERVICE, "tyokokeilu" },
	{ MD_REF_SERVICE, "kuntoutus" },
	{ MD_REF_ACTOR, "te-palvelut" },
	{ MD_REF_MAP, "alue" },
	{ MD_REF_DECISION, "koordinointi" },
	{ MD_REF_PATH, "matti" },
	{ MD_REF_GUIDE, "aloitus" },
};

struct fake {
	int embeds;       /* calls of embed */
	int assets;       /* calls of asset_url */
	char last_alt[64]; /* alt of the last embed */
};

static int
fake_exists(void *arg, enum md_ref_kind kind, const char *id)
{
	size_t i;

	(void)arg;
	for (i = 0; i < ARRAY_LEN(known); i++)
		if (known[i].kind == kind && strcmp(known[i].id, id) == 0)
			return 1;
	return 0;
}

static char *
fake_url(void *arg, enum md_ref_kind kind, const char *id,
    const char *fragment)
{
	(void)arg;
	if (fragment != NULL)
		return xasprintf("../%s/%s.html#%s", md_ref_kind_name(kind),
		    id, fragment);
	return xasprintf("../%s/%s.html", md_ref_kind_name(kind), id);
}

/* Embeds maps as <svg data-id="…"/>; refuses decisions. */
static int
fake_embed(void *arg, enum md_ref_kind kind, const char *id,
    const char *alt, xmlNodePtr parent)
{
	struct fake *f = arg;
	xmlNodePtr svg;

	f->embeds++;
	snprintf(f->last_alt, sizeof(f->last_alt), "%s", alt);
	if (kind == MD_REF_DECISION)
		return 0;
	svg = xmlNewChild(parent, parent->ns, BAD_CAST "svg", NULL);
	xmlSetProp(svg, BAD_CAST "data-id", BAD_CAST id);
	return 1;
}

/* Assets are under "assets/"; anything else is missing. */
static char *
fake_asset_url(void *arg, const char *path)
{
	struct fake *f = arg;

	f->assets++;
	if (strncmp(path, "assets/", 7) != 0)
		return NULL;
	return xasprintf("../%s", path);
}

static void
fake_suggest(void *arg, enum md_ref_kind kind, struct suggest *s)
{
	size_t i;

	(void)arg;
	for (i = 0; i < ARRAY_LEN(known); i++)
		if (known[i].kind == kind)
			suggest_offer(s, known[i].id);
}

static struct md_env
fake_env(struct fake *f)
{
	struct md_env env = { fake_exists, fake_url, fake_embed,
		fake_asset_url, fake_suggest, NULL, NULL, f, NULL };

	memset(f, 0, sizeof(*f));
	return env;
}

/* ---- Helpers ---- */

/* Returns the serialised element; the caller frees. */
static char *
dump(xmlDocPtr d, xmlNodePtr n)
{
	xmlBufferPtr b = xmlBufferCreate();
	char *s;

	xmlNodeDump(b, d, n, 0, 0);
	s = xstrdup((const char *)xmlBufferContent(b));
	xmlBufferFree(b);
	return s;
}

/*
 * Renders md into a <div> with env and heading_shift, appending headings
 * to *hs / *nhs when hs is not NULL; returns the <div> serialised.
 */
static char *
render_hs(const char *md, const struct md_env *env, int shift,
    struct md_heading **hs, size_t *nhs)
{
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(d, NULL, BAD_CAST "div", NULL);
	struct md_doc *m = md_parse(md, strlen(md), NULL);
	char *s;

	xmlDocSetRootElement(d, root);
	md_render(m, env, root, hs, nhs, shift);
	s = dump(d, root);
	md_doc_free(m);
	xmlFreeDoc(d);
	return s;
}

static char *
render(const char *md, const struct md_env *env)
{
	return render_hs(md, env, 0, NULL, NULL);
}

#define assert_render(md, env, want) do { \
	char *got_ = render((md), (env)); \
	assert_string_equal(got_, (want)); \
	free(got_); \
} while (0)

/* Checks md from origin o (NULL: "g.md" at 1:1); returns the printout. */
static char *
check_at(const char *md, const struct md_origin *o, const struct md_env *env)
{
	static const struct md_origin guide = { { "g.md", 1, 1 }, 0 };
	struct diag_list *dl = diag_list_new();
	struct md_doc *m = md_parse(md, strlen(md), o ? o : &guide);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	md_check(m, env, dl);
	/* diag_print(empty list) passes NULL to qsort: UBSan objects. */
	if (diag_errors(dl) + diag_warnings(dl) > 0)
		diag_print(dl, f, DIAG_FORMAT_PLAIN);
	fclose(f);
	diag_list_free(dl);
	md_doc_free(m);
	return out;
}

#define assert_check(md, o, env, want) do { \
	char *got_ = check_at((md), (o), (env)); \
	assert_string_equal(got_, (want)); \
	free(got_); \
} while (0)

/* ---- Rendering ---- */

static void
test_paragraphs_emphasis(void **state)
{
	(void)state;
	assert_render("Hello *world* and **strong**\nnext line\n\nSecond "
	    "`a < b` para  \nbreak", NULL,
	    "<div><p>Hello <em>world</em> and <strong>strong</strong>\n"
	    "next line</p><p>Second <code>a &lt; b</code> para<br/>\n"
	    "break</p></div>");
}

static void
test_lists(void **state)
{
	(void)state;
	assert_render("- one\n- two\n  - nested\n\n3. three\n4. four\n",
	    NULL,
	    "<div><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>"
	    "<ol start=\"3\"><li>three</li><li>four</li></ol></div>");
	assert_render("1. loose\n\n2. list\n", NULL,
	    "<div><ol><li><p>loose</p></li><li><p>list</p></li></ol></div>");
}

static void
test_blocks(void **state)
{
	(void)state;
	assert_render("```c extra\nif (a < b && c) x = \"&\";\n```\n\n"
	    "    indented\n\n> quote\n\n---\n", NULL,
	    "<div><pre><code class=\"language-c\">if (a &lt; b &amp;&amp; c) "
	    "x = \"&amp;\";\n</code></pre><pre><code>indented\n</code></pre>"
	    "<blockquote><p>quote</p></blockquote><hr/></div>");
}

static void
test_headings_ids(void **state)
{
	struct md_heading *hs = NULL;
	size_t n = 0;
	char *got;

	(void)state;
	got = render_hs("# Työkokeilu ja Åland\n## Ensimmäinen vaihe\n"
	    "## Ensimmäinen vaihe\n## !!!\n## Café *Été* 2\n"
	    "## Ensimmäinen vaihe\n", NULL, 0, &hs, &n);
	assert_string_equal(got,
	    "<div><h1 id=\"tyokokeilu-ja-aland\">Työkokeilu ja Åland</h1>"
	    "<h2 id=\"ensimmainen-vaihe\">Ensimmäinen vaihe</h2>"
	    "<h2 id=\"ensimmainen-vaihe-2\">Ensimmäinen vaihe</h2>"
	    "<h2 id=\"osio\">!!!</h2>"
	    "<h2 id=\"cafe-ete-2\">Café <em>Été</em> 2</h2>"
	    "<h2 id=\"ensimmainen-vaihe-3\">Ensimmäinen vaihe</h2></div>");
	free(got);
	assert_int_equal(n, 6);
	assert_int_equal(hs[0].level, 1);
	assert_string_equal(hs[0].text, "Työkokeilu ja Åland");
	assert_int_equal(hs[4].level, 2);
	assert_string_equal(hs[4].id, "cafe-ete-2");
	assert_string_equal(hs[4].text, "Café Été 2");
	md_headings_free(hs, n);
}

static void
test_slug(void **state)
{
	static const char *const cases[][2] = {
		{ "Ääliö ÖLJY", "aalio-oljy" },
		{ "  --Hello,   World!--  ", "hello-world" },
		{ "", "osio" },
		{ "€ — ✓", "osio" },
		{ "Straße Šiška Žorž", "strasse-siska-zorz" },
		{ "a\xff" "b", "a-b" },
		{ "Vaihe 2: arviointi", "vaihe-2-arviointi" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(cases); i++) {
		char *s = md_slug(cases[i][0]);

		assert_string_equal(s, cases[i][1]);
		free(s);
	}
}

/* md_ids_claim gives what trying every suffix from 2 up would, also
 * when a later heading's own slug is an earlier one's "-n", and it
 * stays fast for thousands of repeats of one heading. */
static void
test_ids_claim(void **state)
{
	static const char *const seq[][2] = {
		{ "a", "a" }, { "a", "a-2" }, { "a-3", "a-3" }, { "a", "a-4" },
		{ "a-2", "a-2-2" }, { "b", "b" }, { "a", "a-5" },
	};
	struct md_ids *ids = md_ids_new();
	size_t i;
	char *id, want[32];

	(void)state;
	for (i = 0; i < ARRAY_LEN(seq); i++) {
		id = md_ids_claim(ids, seq[i][0]);
		assert_string_equal(id, seq[i][1]);
		free(id);
	}
	for (i = 6; i < 20000; i++) {
		id = md_ids_claim(ids, "a");
		snprintf(want, sizeof(want), "a-%zu", i);
		assert_string_equal(id, want);
		free(id);
	}
	md_ids_free(ids);
	md_ids_free(NULL);
}

static void
test_heading_shift(void **state)
{
	struct md_heading *hs = NULL;
	size_t n = 0;
	char *got;

	(void)state;
	got = render_hs("# Yksi\n### Kolme\n###### Kuusi\n", NULL, 1, &hs, &n);
	assert_string_equal(got, "<div><h2 id=\"yksi\">Yksi</h2>"
	    "<h4 id=\"kolme\">Kolme</h4><h6 id=\"kuusi\">Kuusi</h6></div>");
	free(got);
	/* A second text of the same page: ids stay unique page-wide. */
	got = render_hs("# Yksi\n", NULL, 1, &hs, &n);
	assert_string_equal(got, "<div><h2 id=\"yksi-2\">Yksi</h2></div>");
	free(got);
	assert_int_equal(n, 4);
	assert_int_equal(hs[2].level, 6);
	assert_string_equal(hs[3].id, "yksi-2");
	md_headings_free(hs, n);
}

static void
test_entity_links(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);

	(void)state;
	assert_render("[Työkokeilu](service:tyokokeilu \"T\") ja "
	    "[alku](guide:aloitus#osa-2), [TE](actor:te-palvelut), "
	    "<service:kuntoutus>.", &env,
	    "<div><p><a href=\"../service/tyokokeilu.html\" title=\"T\">"
	    "Työkokeilu</a> ja <a href=\"../guide/aloitus.html#osa-2\">alku"
	    "</a>, <a href=\"../actor/te-palvelut.html\">TE</a>, "
	    "<a href=\"../service/kuntoutus.html\">service:kuntoutus</a>."
	    "</p></div>");
	/* Unknown or malformed: never a broken link, only the text. */
	assert_render("[a](service:nope) [b](service:) [c](service:Tyo) "
	    "[d](service:tyokokeilu#x) [e](guide:aloitus#a%20b) "
	    "[f](servce:tyokokeilu)", &env,
	    "<div><p>a b c d e f</p></div>");
	/* No env: entity links are text. */
	assert_render("[a](service:tyokokeilu)", NULL,
	    "<div><p>a</p></div>");
	/* Scheme case is ignored, as browsers do; ids are exact. */
	assert_render("[a](Service:tyokokeilu)", &env,
	    "<div><p><a href=\"../service/tyokokeilu.html\">a</a></p></div>");
}

static void
test_safe_links(void **state)
{
	(void)state;
	assert_render("[a](https://example.fi/x?a=1&b=2) [b](http://x.fi) "
	    "[c](mailto:neuvonta@example.fi) [d](tel:+358401234567) "
	    "[e](../muu.html) [f](#osio) [g](//example.fi/p) [h]()",
	    NULL,
	    "<div><p><a href=\"https://example.fi/x?a=1&amp;b=2\">a</a> "
	    "<a href=\"http://x.fi\">b</a> "
	    "<a href=\"mailto:neuvonta@example.fi\">c</a> "
	    "<a href=\"tel:+358401234567\">d</a> "
	    "<a href=\"../muu.html\">e</a> <a href=\"#osio\">f</a> "
	    "<a href=\"//example.fi/p\">g</a> <a href=\"\">h</a></p></div>");
}

static void
test_unsafe_links(void **state)
{
	static const char *const urls[] = {
		"javascript:alert(1)",
		"JaVaScRiPt:alert(1)",
		"< javascript:alert(1)>",
		"<\tjavascript:alert(1)>",
		"java&#x09;script:alert(1)",
		"java&#x0A;script:alert(1)",
		"&#x6A;avascript:alert(1)",
		"javascript&colon;alert(1)",
		"<java\tscript:alert(1)>",
		"&#1;javascript:alert(1)",
		"vbscript:msgbox(1)",
		"VBScript:msgbox(1)",
		"file:///etc/passwd",
		"data:text/html,<script>alert(1)</script>",
		"data:text/html;base64,PHNjcmlwdD4=",
		"data:image/png;base64,iVBORw0KGgo=",
		"jаvascript:alert(1)", /* Cyrillic а */
		"x-unknown:thing",
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(urls); i++) {
		char *md = xasprintf("[x](%s) [y](%s \"t\")", urls[i], urls[i]);
		char *got = render(md, NULL);

		if (strcmp(got, "<div><p>x y</p></div>") != 0)
			fail_msg("%s rendered as %s", urls[i], got);
		free(got);
		free(md);
	}
	/* Autolinks follow the same policy. */
	assert_render("<javascript:alert(1)> <vbscript:x>", NULL,
	    "<div><p>javascript:alert(1) vbscript:x</p></div>");
}

static void
test_unsafe_links_check(void **state)
{
	(void)state;
	assert_check("[a](javascript:alert(1))\n[b](JaVaScRiPt:x)\n"
	    "[c](< javascript:x>)\n[d](java&#x09;script:x)\n"
	    "[e](vbscript:x) [f](file:///etc/passwd)\n"
	    "[g](data:text/html,x) [h](servce:tyokokeilu)\n", NULL, NULL,
	    "g.md:1:5: warning: link to javascript: URL is not allowed; it "
	    "is shown as text\n"
	    "g.md:2:5: warning: link to javascript: URL is not allowed; it "
	    "is shown as text\n"
	    "g.md:3:7: warning: link to javascript: URL is not allowed; it "
	    "is shown as text\n"
	    "g.md:4:5: warning: link to javascript: URL is not allowed; it "
	    "is shown as text\n"
	    "g.md:5:5: warning: link to vbscript: URL is not allowed; it "
	    "is shown as text\n"
	    "g.md:5:21: warning: link to file: URL is not allowed; it "
	    "is shown as text\n"
	    "g.md:6:5: warning: link to data: URL is not allowed; it "
	    "is shown as text\n"
	    "g.md:6:27: error: unknown link scheme \"servce:\" (did you "
	    "mean \"service:tyokokeilu\"?)\n");
}

static void
test_raw_html(void **state)
{
	(void)state;
	assert_render("<div onclick=\"x()\">\nhi\n</div>\n\n"
	    "Text <b>bold</b> <script>alert(1)</script> &lt;i&gt;\n", NULL,
	    "<div><pre>&lt;div onclick=\"x()\"&gt;\nhi\n&lt;/div&gt;\n</pre>"
	    "<p>Text &lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)"
	    "&lt;/script&gt; &lt;i&gt;</p></div>");
	assert_render("<script>alert(1)</script>\n", NULL,
	    "<div><pre>&lt;script&gt;alert(1)&lt;/script&gt;\n</pre></div>");
	assert_render("a < b & c > d \\<script> &amp;amp; \"q\" 'x'", NULL,
	    "<div><p>a &lt; b &amp; c &gt; d &lt;script&gt; &amp;amp; "
	    "\"q\" 'x'</p></div>");
	assert_check("Intro\n\n<div>\nhi\n</div>\n\nä <b>x</b>\n"
	    "  cont <!-- c -->\n", NULL, NULL,
	    "g.md:3:1: warning: raw HTML is not allowed; it is shown as text\n"
	    "g.md:7:3: warning: raw HTML is not allowed; it is shown as text\n"
	    "g.md:7:7: warning: raw HTML is not allowed; it is shown as text\n"
	    "g.md:8:8: warning: raw HTML is not allowed; it is shown as "
	    "text\n");
}

static void
test_xml_unsafe_chars(void **state)
{
	static const char md[] = "a&#1;b\x01" "c&#xFFFE;d\r\ne\0f";
	char *got;
	struct md_doc *m;
	char *plain;

	(void)state;
	got = render_hs("a&#1;b\x01" "c", NULL, 0, NULL, NULL);
	assert_string_equal(got, "<div><p>a\xEF\xBF\xBD" "b\xEF\xBF\xBD"
	    "c</p></div>");
	free(got);
	m = md_parse(md, sizeof(md) - 1, NULL);
	plain = md_text_plain(m);
	assert_string_equal(plain, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c"
	    "\xEF\xBF\xBD" "d e\xEF\xBF\xBD" "f");
	free(plain);
	md_doc_free(m);
}

static void
test_entity_positions(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);
	static const struct md_origin body = { { "guides/g.md", 5, 1 }, 0 };

	(void)state;
	assert_check("Ensimmäinen rivi, jossa [ok](service:tyokokeilu)\n"
	    "Ääliö äö [linkki](service:tyokokeilu2) ja\n"
	    "   sisennetty [x](actor:tuntematon)\n", &body, &env,
	    "guides/g.md:6:19: error: unknown service \"tyokokeilu2\" "
	    "(did you mean \"tyokokeilu\"?)\n"
	    "guides/g.md:7:19: error: unknown actor \"tuntematon\"\n");
	/* After a link spanning lines cmark's own positions are off. */
	assert_check("[multi\nline](service:a1) [b](\nservice:b2 \"t\")\n"
	    "x [c](map:c3) `[no](map:zz)` (map:zz) [d](map:zz)\n"
	    "- > quoted [e](flow:e5)\n", NULL, &env,
	    "g.md:2:7: error: unknown service \"a1\"\n"
	    "g.md:3:1: error: unknown service \"b2\"\n"
	    "g.md:4:7: error: unknown map \"c3\"\n"
	    "g.md:4:43: error: unknown map \"zz\"\n"
	    "g.md:5:16: error: unknown flow \"e5\"\n");
	/* Reference links: at the definition's destination. */
	assert_check("Ks. [tästä][r] ja [tuolta][s].\n\n"
	    "[r]: service:tyokokeilu3\n  [s]:\n   <guide:ei>\n", NULL, &env,
	    "g.md:3:6: error: unknown service \"tyokokeilu3\" (did you mean "
	    "\"tyokokeilu\"?)\n"
	    "g.md:5:5: error: unknown guide \"ei\"\n");
	/* Escaped destinations cannot be found literally: the text after
	 * the link's "](". */
	assert_check("ab [x](service:no\\-pe)\n", NULL, &env,
	    "g.md:1:8: error: unknown service \"no-pe\"\n");
}

static void
test_entity_forms_check(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);

	(void)state;
	assert_check("[a](service:) [b](service:tyokokeilu#x) "
	    "[c](guide:aloitus#ok-1) [d](guide:aloitus#a%20b) "
	    "[e](service:Tyokokeilu)\n", NULL, &env,
	    "g.md:1:5: error: missing id after \"service:\"\n"
	    "g.md:1:19: error: only guide: links may have a #fragment; "
	    "write service:tyokokeilu\n"
	    "g.md:1:69: error: bad #fragment \"a%20b\": expected letters, "
	    "digits, '-', '_' or '.'\n"
	    "g.md:1:94: error: unknown service \"Tyokokeilu\" (did you mean "
	    "\"tyokokeilu\"?)\n");
	/* Without env nothing can be looked up, but forms are checked. */
	assert_check("[a](service:x) [b](map:)\n", NULL, NULL,
	    "g.md:1:20: error: missing id after \"map:\"\n");
}

static void
test_block_scalar_origin(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);
	/*
	 * services/x.yaml:
	 *  9: description: |
	 * 10:     Rivi [a](actor:eka)
	 * 11:     Åäö [b](actor:toka)
	 */
	static const struct md_origin block = {
		{ "services/x.yaml", 10, 5 }, 4
	};
	/* 3: summary: "Katso [c](group:g)" — a quoted scalar at col 10. */
	static const struct md_origin quoted = {
		{ "services/x.yaml", 3, 11 }, 2
	};

	(void)state;
	assert_check("Rivi [a](actor:eka)\nÅäö [b](actor:toka)\n", &block,
	    &env,
	    "services/x.yaml:10:14: error: unknown actor \"eka\"\n"
	    "services/x.yaml:11:13: error: unknown actor \"toka\"\n");
	assert_check("Katso [c](group:g)", &quoted, &env,
	    "services/x.yaml:3:21: error: unknown group \"g\"\n");
}

static void
test_images(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);

	(void)state;
	assert_render("![Kuva *x*](assets/a.png \"T\") ![puuttuu](muu/b.png) "
	    "![w](https://example.fi/c.jpg) "
	    "![d](data:image/png;base64,iVBO) "
	    "![s](data:image/svg+xml,<svg/>) ![j](javascript:x) "
	    "![m](mailto:a@b.fi)", &env,
	    "<div><p><img src=\"../assets/a.png\" alt=\"Kuva x\" title=\"T\"/>"
	    " puuttuu <img src=\"https://example.fi/c.jpg\" alt=\"w\"/> "
	    "<img src=\"data:image/png;base64,iVBO\" alt=\"d\"/> s j m"
	    "</p></div>");
	assert_int_equal(f.assets, 2);
	/* Without asset_url, relative paths are kept as written. */
	assert_render("![a](kuvat/a.png)", NULL,
	    "<div><p><img src=\"kuvat/a.png\" alt=\"a\"/></p></div>");
	assert_check("![a](assets/a.png) ![b](muu/b.png)\n"
	    "![c](data:image/svg+xml,x) ![d](javascript:x)\n", NULL, &env,
	    "g.md:1:25: warning: image \"muu/b.png\" is not among the "
	    "content's assets; its text is shown instead\n"
	    "g.md:2:6: warning: image from a data: URL is not allowed; its "
	    "text is shown instead\n"
	    "g.md:2:33: warning: image from a javascript: URL is not "
	    "allowed; its text is shown instead\n");
}

static void
test_image_embed(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);

	(void)state;
	assert_render("![Alueen *palvelut*](map:alue)\n", &env,
	    "<div><figure><svg data-id=\"alue\"/><figcaption>Alueen palvelut"
	    "</figcaption></figure></div>");
	assert_int_equal(f.embeds, 1);
	assert_string_equal(f.last_alt, "Alueen palvelut");
	/* Inside running text, or refused by embed: a link instead. */
	assert_render("Katso ![kartta](map:alue).\n\n"
	    "![Kuka koordinoi](decision:koordinointi)\n\n"
	    "![](path:matti)\n\n![x](map:eiole)\n", &env,
	    "<div><p>Katso <a href=\"../map/alue.html\">kartta</a>.</p>"
	    "<p><a href=\"../decision/koordinointi.html\">Kuka koordinoi</a>"
	    "</p><figure><svg data-id=\"matti\"/></figure><p>x</p></div>");
	assert_int_equal(f.embeds, 3);
	/* Image inside a link: no link inside a link. */
	assert_render("[![k](map:alue)](service:kuntoutus)", &env,
	    "<div><p><a href=\"../service/kuntoutus.html\">k</a></p></div>");
}

static void
test_image_of_entity_check(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);

	(void)state;
	assert_check("![x](service:tyokokeilu)\n\n![y](map:alue)\n\n"
	    "Katso ![z](map:alu) ja ![k](map:alue)\n", NULL, &env,
	    "g.md:1:6: error: an image can only embed map:, path:, "
	    "decision: or flow:; use a link [text](service:tyokokeilu) for "
	    "a service\n"
	    "g.md:5:12: error: unknown map \"alu\" (did you mean "
	    "\"alue\"?)\n"
	    "g.md:5:29: warning: a diagram is embedded only when its image "
	    "stands alone in a paragraph; here it is shown as a link\n");
	/* check calls no renderer. */
	assert_int_equal(f.embeds, 0);
}

static void
test_namespace(void **state)
{
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(d, NULL, BAD_CAST "main", NULL);
	xmlNsPtr ns = xmlNewNs(root, BAD_CAST "http://www.w3.org/1999/xhtml",
	    NULL);
	struct md_doc *m = md_parse("Hei *sinä*", strlen("Hei *sinä*"), NULL);
	char *got;

	(void)state;
	xmlSetNs(root, ns);
	xmlDocSetRootElement(d, root);
	md_render(m, NULL, root, NULL, NULL, 0);
	got = dump(d, root);
	assert_string_equal(got, "<main xmlns=\"http://www.w3.org/1999/xhtml\">"
	    "<p>Hei <em>sinä</em></p></main>");
	assert_ptr_equal(root->children->ns, ns);
	free(got);
	md_doc_free(m);
	xmlFreeDoc(d);
}

static void
test_render_inline(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(d, NULL, BAD_CAST "span", NULL);
	static const char md[] = "# Otsikko\n\nTeksti *x* ja "
	    "[palvelu](service:kuntoutus)  \nrivi\n\n- a\n- b\n\n<i>raw</i>\n";
	struct md_doc *m = md_parse(md, sizeof(md) - 1, NULL);
	char *got;

	(void)state;
	xmlDocSetRootElement(d, root);
	md_render_inline(m, &env, root);
	got = dump(d, root);
	assert_string_equal(got, "<span>Otsikko Teksti <em>x</em> ja "
	    "<a href=\"../service/kuntoutus.html\">palvelu</a> rivi a b "
	    "&lt;i&gt;raw&lt;/i&gt;</span>");
	free(got);
	md_doc_free(m);
	xmlFreeDoc(d);
}

static void
test_text_plain(void **state)
{
	static const char md[] = "# Otsikko\n\nTeksti *korostus* ja "
	    "[linkki](service:x)\njatkuu.\n\n- yksi\n- kaksi\n\n"
	    "```\nkoodi\n```\n";
	struct md_doc *m = md_parse(md, sizeof(md) - 1, NULL);
	char *plain = md_text_plain(m);

	(void)state;
	assert_string_equal(plain, "Otsikko\nTeksti korostus ja linkki "
	    "jatkuu.\nyksi\nkaksi\nkoodi");
	assert_false(md_doc_empty(m));
	free(plain);
	md_doc_free(m);
	m = md_parse("\n  \n", 4, NULL);
	assert_true(md_doc_empty(m));
	md_doc_free(m);
}

static void
test_clean_check(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);

	(void)state;
	/* A clean text gives no diagnostics at all. */
	assert_check("# Otsikko\n\n![k](map:alue)\n\n[a](service:tyokokeilu) "
	    "[w](https://x.fi) [m](mailto:a@b.fi) [r](:x)\n"
	    "![i](assets/i.png) [g](guide:aloitus#osa)\n", NULL, &env, "");
	assert_int_equal(f.assets, 1);
}

static void
test_ref_kind_names(void **state)
{
	enum md_ref_kind k;
	int i;

	(void)state;
	for (i = 0; i < MD_REF_COUNT; i++) {
		const char *name = md_ref_kind_name((enum md_ref_kind)i);

		assert_true(md_ref_kind_parse(name, strlen(name), &k));
		assert_int_equal(k, i);
	}
	assert_false(md_ref_kind_parse("servic", 6, &k));
	assert_true(md_ref_kind_parse("flow:x", 4, &k));
	assert_int_equal(k, MD_REF_FLOW);
}

static void
test_tables(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);

	(void)state;
	/* Head in <thead> with scope, alignment as classes, cells escaped,
	 * raw HTML shown as text, links checked as anywhere else. */
	assert_render("| Vaihe | <b>Kuka</b> | Kesto |\n|:--|:-:|--:|\n"
	    "| [Kokeilu](service:tyokokeilu) | a & b \\| c | "
	    "<script>x</script> |\n| [x](javascript:y) |\n", &env,
	    "<div><table><thead><tr>"
	    "<th scope=\"col\" class=\"align-left\">Vaihe</th>"
	    "<th scope=\"col\" class=\"align-center\">&lt;b&gt;Kuka&lt;/b&gt;"
	    "</th><th scope=\"col\" class=\"align-right\">Kesto</th></tr>"
	    "</thead><tbody><tr><td class=\"align-left\">"
	    "<a href=\"../service/tyokokeilu.html\">Kokeilu</a></td>"
	    "<td class=\"align-center\">a &amp; b | c</td>"
	    "<td class=\"align-right\">&lt;script&gt;x&lt;/script&gt;</td>"
	    "</tr><tr><td class=\"align-left\">x</td>"
	    "<td class=\"align-center\"/><td class=\"align-right\"/></tr>"
	    "</tbody></table></div>");
	/* No alignment, no body. */
	assert_render("a | b\n--|--\n", NULL,
	    "<div><table><thead><tr><th scope=\"col\">a</th>"
	    "<th scope=\"col\">b</th></tr></thead></table></div>");
}

static void
test_table_text(void **state)
{
	static const char md[] = "Ennen\n\n| a | b |\n|---|---|\n"
	    "| *c* | |\n| d | e |\n";
	struct md_doc *m = md_parse(md, sizeof(md) - 1, NULL);
	xmlDocPtr d = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewDocNode(d, NULL, BAD_CAST "span", NULL);
	char *got;

	(void)state;
	got = md_text_plain(m);
	assert_string_equal(got, "Ennen\na b\nc\nd e");
	free(got);
	xmlDocSetRootElement(d, root);
	md_render_inline(m, NULL, root);
	got = dump(d, root);
	assert_string_equal(got, "<span>Ennen a b <em>c</em> d e</span>");
	free(got);
	md_doc_free(m);
	xmlFreeDoc(d);
}

static void
test_table_check(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);

	(void)state;
	assert_check("Intro [a](service:tyokokeilu)\n\n"
	    "| Palvelu | Huom |\n|---|---|\n"
	    "| [b](service:tyokokelu) | <i>x</i> |\n"
	    "| ä [c](map:eiole) | [d](vbscript:x) |\n", NULL, &env,
	    "g.md:5:7: error: unknown service \"tyokokelu\" (did you mean "
	    "\"tyokokeilu\"?)\n"
	    "g.md:5:28: warning: raw HTML is not allowed; it is shown as "
	    "text\n"
	    "g.md:5:32: warning: raw HTML is not allowed; it is shown as "
	    "text\n"
	    "g.md:6:9: error: unknown map \"eiole\"\n"
	    "g.md:6:26: warning: link to vbscript: URL is not allowed; it "
	    "is shown as text\n");
}

static void
test_strikethrough_autolinks(void **state)
{
	struct fake f;
	struct md_env env = fake_env(&f);

	(void)state;
	assert_render("~~vanha~~ uusi: www.kela.fi, https://te-palvelut.fi/x "
	    "ja neuvonta@example.fi; ftp://f.example.fi ja "
	    "xmpp:a@example.fi jäävät tekstiksi.", NULL,
	    "<div><p><del>vanha</del> uusi: <a href=\"http://www.kela.fi\">"
	    "www.kela.fi</a>, <a href=\"https://te-palvelut.fi/x\">"
	    "https://te-palvelut.fi/x</a> ja "
	    "<a href=\"mailto:neuvonta@example.fi\">neuvonta@example.fi</a>; "
	    "ftp://f.example.fi ja xmpp:a@example.fi jäävät tekstiksi."
	    "</p></div>");
	/* A bare address that was text before is not warned about; one
	 * written as a link is.  Positions after autolinks stay right. */
	assert_check("www.x.fi ftp://f.fi a@b.fi [a](service:ei) <ftp://g.fi>\n"
	    "xmpp:q@r.fi [b](servce:tyokokeilu)\n", NULL, &env,
	    "g.md:1:32: error: unknown service \"ei\"\n"
	    "g.md:1:45: warning: link to ftp: URL is not allowed; it is "
	    "shown as text\n"
	    "g.md:2:17: error: unknown link scheme \"servce:\" (did you "
	    "mean \"service:tyokokeilu\"?)\n");
}

static void
test_extension_budgets(void **state)
{
	struct buf b = { 0 };
	char *got, *out;
	size_t i;

	(void)state;
	/* Ten thousand addresses in one paragraph: no autolinks. */
	for (i = 0; i < 10000; i++)
		buf_puts(&b, "a@b.fi ");
	got = render(b.data, NULL);
	assert_null(strstr(got, "<a "));
	free(got);
	out = check_at(b.data, NULL, NULL);
	assert_non_null(strstr(out, "g.md:1:1: warning: too many e-mail "
	    "addresses in long paragraphs"));
	free(out);
	/* The same addresses a paragraph each are links. */
	buf_free(&b);
	for (i = 0; i < 10000; i++)
		buf_puts(&b, "a@b.fi\n\n");
	got = render(b.data, NULL);
	assert_non_null(strstr(got, "<a href=\"mailto:a@b.fi\">"));
	free(got);
	/* A row of 5000 cells: the table is text. */
	buf_free(&b);
	buf_puts(&b, "| a |\n|---|\n");
	for (i = 0; i < 5000; i++)
		buf_puts(&b, "|");
	got = render(b.data, NULL);
	assert_null(strstr(got, "<table>"));
	assert_non_null(strstr(got, "<p>| a |\n|---|\n||||"));
	free(got);
	out = check_at(b.data, NULL, NULL);
	assert_string_equal(out, "g.md:1:1: warning: too many \"|\" on some "
	    "lines: the tables of this text are shown as text (a table row "
	    "may have at most a few thousand cells)\n");
	free(out);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paragraphs_emphasis),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_headings_ids),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_ids_claim),
		cmocka_unit_test(test_heading_shift),
		cmocka_unit_test(test_entity_links),
		cmocka_unit_test(test_safe_links),
		cmocka_unit_test(test_unsafe_links),
		cmocka_unit_test(test_unsafe_links_check),
		cmocka_unit_test(test_raw_html),
		cmocka_unit_test(test_xml_unsafe_chars),
		cmocka_unit_test(test_entity_positions),
		cmocka_unit_test(test_entity_forms_check),
		cmocka_unit_test(test_block_scalar_origin),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_image_embed),
		cmocka_unit_test(test_image_of_entity_check),
		cmocka_unit_test(test_namespace),
		cmocka_unit_test(test_render_inline),
		cmocka_unit_test(test_text_plain),
		cmocka_unit_test(test_clean_check),
		cmocka_unit_test(test_ref_kind_names),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_table_text),
		cmocka_unit_test(test_table_check),
		cmocka_unit_test(test_strikethrough_autolinks),
		cmocka_unit_test(test_extension_budgets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
