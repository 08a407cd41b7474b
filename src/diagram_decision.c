/*
 * The graph of a decision guide: a start, its questions as boxes, its
 * outcomes as rounded boxes, and the answers as labelled edges.
 */
#include "diagram_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "i18n.h"

static const struct question *
find_question(const struct decision *d, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < d->questions.len; i++) {
		const struct question *q = &((struct question *)
		    d->questions.items)[i];

		if (q->id.s != NULL && strcmp(q->id.s, id) == 0)
			return q;
	}
	return NULL;
}

void
build_decision(struct gb *b, const struct decision *d)
{
	const struct question *qs = d->questions.items;
	const struct outcome *os = d->outcomes.items;
	size_t nq = d->questions.len, no = d->outcomes.len, i, k;
	struct gb_node **qn = xcalloc(nq + 1, sizeof(*qn));
	struct gb_node **on = xcalloc(no + 1, sizeof(*on));
	char *self = page_path(KIND_DECISION, d->e.id);
	const struct question *start = find_question(d, d->start.s);
	struct gb_node *sn = NULL;

	gb_defaults(b, "TB");
	gb_set(b->g, "ranksep", "0.4");
	if (start != NULL) {
		struct buf mk = { 0 };
		char *frag = xasprintf("q-%s", start->id.s);
		char *url = gb_url(b, self, frag);
		lbl_font(&mk, ui(b->lang, UI_START), 0, FS_NODE, 1, 0);
		sn = gb_node(b, b->g, "start", "start", mk.data,
		    ui(b->lang, UI_START), url);
		gb_set(sn, "shape", "oval");
		gb_set(sn, "fillcolor", C_BRAND);
		gb_set(sn, "color", C_BRAND);
		gb_set(sn, "fontcolor", "white");
		buf_free(&mk);
		free(frag);
		free(url);
	}
	for (i = 0; i < nq; i++) {
		struct buf mk = { 0 };
		const char *text = text_or(b, &qs[i].text, qs[i].id.s);
		char *frag = xasprintf("q-%s", qs[i].id.s);
		char *url = gb_url(b, self, frag);
		char *suffix = xasprintf("question_%s", qs[i].id.s);

		lbl_text(&mk, text, 32);
		qn[i] = gb_node(b, b->g, suffix, "question", mk.data, text,
		    url);
		/* Questions: sharp boxes; outcomes: rounded, double. */
		gb_set(qn[i], "color", C_LINK);
		gb_set(qn[i], "penwidth", &qs[i] == start ? "2.5" : "1.5");
		buf_free(&mk);
		free(frag);
		free(url);
		free(suffix);
	}
	for (i = 0; i < no; i++) {
		struct buf mk = { 0 }, tip = { 0 };
		const char *text = text_or(b, &os[i].text, os[i].id.s);
		const struct entity *to = os[i].segment.target ?
		    os[i].segment.target : os[i].actor.target;
		char *frag = xasprintf("o-%s", os[i].id.s);
		char *url = to ? entity_url(b, to, NULL) :
		    gb_url(b, self, frag);
		char *suffix = xasprintf("outcome_%s", os[i].id.s);

		lbl_text(&mk, text, 32);
		buf_puts(&tip, text);
		if (os[i].segment.target != NULL) {
			buf_puts(&mk, "<BR/>");
			lbl_font(&mk, title_of(b, os[i].segment.target), 32,
			    FS_EDGE, 1, 0);
			buf_printf(&tip, " – %s", title_of(b,
			    os[i].segment.target));
		}
		if (os[i].actor.target != NULL) {
			buf_puts(&mk, "<BR/>");
			lbl_font(&mk, title_of(b, os[i].actor.target), 32,
			    FS_EDGE, 0, 1);
			buf_printf(&tip, " – %s", title_of(b,
			    os[i].actor.target));
		}
		on[i] = gb_node(b, b->g, suffix, "outcome", mk.data, tip.data,
		    url);
		gb_set(on[i], "style", "rounded,filled,bold");
		gb_set(on[i], "fillcolor", C_QUOTE_BG);
		gb_set(on[i], "color", C_QUOTE);
		buf_free(&mk);
		buf_free(&tip);
		free(frag);
		free(url);
		free(suffix);
	}
	if (start != NULL) {
		struct gb_edge *e = gb_edge(b, sn, qn[start - qs], "start_edge", "answer", NULL,
		    ui(b->lang, UI_START));

		gb_set(e, "color", C_BRAND);
	}
	for (i = 0; i < nq; i++)
		for (k = 0; k < qs[i].answers.len; k++) {
			const struct answer *an = &((struct answer *)
			    qs[i].answers.items)[k];
			const char *label = text_or(b, &an->label, "");
			const struct question *q = find_question(d, an->go.s);
			struct gb_node *to = q ? qn[q - qs] : NULL;
			char *suffix, *title;
			size_t j;

			for (j = 0; to == NULL && an->outcome.s && j < no; j++)
				if (os[j].id.s &&
				    strcmp(os[j].id.s, an->outcome.s) == 0)
					to = on[j];
			if (to == NULL)
				continue;
			suffix = xasprintf("answer_%s_%zu", qs[i].id.s, k + 1);
			title = xasprintf("%s → %s", text_or(b, &qs[i].text,
			    ""), label);
			lbl_edge(b, gb_edge(b, qn[i], to, suffix, "answer",
			    NULL, title), label, 24, FS_EDGE, 4.0);
			free(suffix);
			free(title);
		}
	b->title = xstrdup(title_of(b, &d->e));
	b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_DECISION), nq, no);
	free(qn);
	free(on);
	free(self);
}
