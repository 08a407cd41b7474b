#include "a11y.h"

#include <stdlib.h>

#include "search.h"
#include "util.h"

static xmlNodePtr
fact(xmlNodePtr dl, const char *term)
{
	html_el(dl, "dt", term);
	return html_el(dl, "dd", NULL);
}

void
a11y_render_statement(struct page_ctx *pc, xmlNodePtr main)
{
	const struct site *site = &pc->m->site;
	const struct accessibility *ac = &site->accessibility;
	enum lang L = pc->lang;
	int assessed = ac->assessed.s != NULL;
	xmlNodePtr dl, sec, ul;
	char *href;
	size_t i;

	html_el(main, "h1", ui(L, UI_A11Y));
	html_el_class(main, "p", "lead", ui(L, UI_A11Y_INTRO));
	dl = html_el_class(main, "dl", "facts", NULL);
	page_text(pc, fact(dl, ui(L, UI_A11Y_SERVICE)), &site->title);
	if (site->publisher.pos.line)
		page_text(pc, fact(dl, ui(L, UI_PUBLISHER)), &site->publisher);
	if (assessed)
		html_text(fact(dl, ui(L, UI_A11Y_ASSESSED)), ac->assessed.s);
	if (ac->method.pos.line)
		page_text(pc, fact(dl, ui(L, UI_A11Y_METHOD)), &ac->method);

	sec = page_section(pc, main, ui(L, UI_A11Y_STATUS), NULL);
	html_el(sec, "p", ui(L, !assessed ? UI_A11Y_NOT_ASSESSED :
	    ac->known_gaps.len > 0 ? UI_A11Y_PARTIAL : UI_A11Y_FULL));

	if (assessed || ac->known_gaps.len > 0) {
		sec = page_section(pc, main, ui(L, UI_A11Y_GAPS), NULL);
		if (ac->known_gaps.len == 0)
			html_el(sec, "p", ui(L, UI_A11Y_NO_GAPS));
		else {
			ul = html_el(sec, "ul", NULL);
			for (i = 0; i < ac->known_gaps.len; i++)
				page_text_el(pc, ul, "li", NULL,
				    &((struct text *)ac->known_gaps.items)[i]);
		}
	}

	sec = page_section(pc, main, ui(L, UI_A11Y_FEEDBACK), NULL);
	if (ac->feedback.pos.line)
		page_md(pc, sec, &ac->feedback, 2);
	else {
		xmlNodePtr p = html_el(sec, "p", ui(L, UI_A11Y_FEEDBACK_NONE));

		if (site->publisher.pos.line) {
			html_text(p, " ");
			page_text(pc, p, &site->publisher);
		}
	}

	sec = page_section(pc, main, ui(L, UI_A11Y_ENFORCEMENT), NULL);
	html_el(sec, "p", ui(L, UI_A11Y_ENFORCEMENT_TEXT));
	html_el(sec, "p", ui(L, UI_A11Y_AUTHORITY));
	dl = html_el_class(sec, "dl", "facts", NULL);
	html_link(fact(dl, ui(L, UI_WEBSITE)), ui(L, UI_A11Y_AUTHORITY_URL),
	    ui(L, UI_A11Y_AUTHORITY_URL) + 8);
	href = xasprintf("mailto:%s", ui(L, UI_A11Y_AUTHORITY_EMAIL));
	html_link(fact(dl, ui(L, UI_EMAIL)), href,
	    ui(L, UI_A11Y_AUTHORITY_EMAIL));
	free(href);
	html_text(fact(dl, ui(L, UI_PHONE)), ui(L, UI_A11Y_AUTHORITY_PHONE));
}

void
a11y_footer_links(struct page_ctx *pc, xmlNodePtr footer)
{
	xmlNodePtr ul = html_el_class(footer, "ul", "footer-links", NULL);
	char *url;

	url = xasprintf("%s%s", pc->to_lang_root, A11Y_PATH);
	html_link(html_el(ul, "li", NULL), url, ui(pc->lang, UI_A11Y));
	free(url);
	url = xasprintf("%s%s", pc->to_lang_root, SEARCH_ATOZ_PATH);
	html_link(html_el(ul, "li", NULL), url, ui(pc->lang, UI_ATOZ));
	free(url);
}
