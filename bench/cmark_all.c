/*
 * cmark_all: the Markdown floor of the handbook benchmark.  Parses each
 * file named on the command line with cmark-gfm and the extensions
 * kartta uses (table, strikethrough, autolink) and renders it as HTML,
 * as a bare Markdown tool would; prints the number of bytes rendered so
 * that nothing is optimised away.
 *
 *   cmark_all FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

static const char *const exts[] = { "table", "strikethrough", "autolink" };

int
main(int argc, char *argv[])
{
	size_t total = 0, i;
	char *src = NULL;
	int a;

	cmark_gfm_core_extensions_ensure_registered();
	for (a = 1; a < argc; a++) {
		cmark_parser *p = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8);
		FILE *f = fopen(argv[a], "rb");
		cmark_node *root;
		char *html;
		long len;

		if (p == NULL || f == NULL || fseek(f, 0, SEEK_END) != 0 ||
		    (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
			perror(argv[a]);
			return 1;
		}
		src = realloc(src, (size_t)len + 1);
		if (src == NULL || fread(src, 1, (size_t)len, f) != (size_t)len) {
			perror(argv[a]);
			return 1;
		}
		fclose(f);
		for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
			cmark_parser_attach_syntax_extension(p,
			    cmark_find_syntax_extension(exts[i]));
		cmark_parser_feed(p, src, (size_t)len);
		root = cmark_parser_finish(p);
		html = cmark_render_html(root, CMARK_OPT_DEFAULT,
		    cmark_parser_get_syntax_extensions(p));
		total += strlen(html);
		free(html);
		cmark_node_free(root);
		cmark_parser_free(p);
	}
	free(src);
	printf("%zu\n", total);
	return 0;
}
