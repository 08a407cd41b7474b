/*
 * The graph of a client path: its steps in lanes of the actors
 * responsible, the hand-overs marked, quotes beside their steps and the
 * coordinator tied to the hand-over points.
 */
#include "diagram_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "schema.h"

/* A step's lane: its responsible actor, else its stage, else "". */
static const char *
lane_key(const struct step *st, char *buf, size_t len)
{
	if (st->responsible.target != NULL)
		snprintf(buf, len, "actor:%s", st->responsible.target->id);
	else if (st->stage.pos.line)
		snprintf(buf, len, "stage:%s", stage_names[st->stage.v]);
	else
		snprintf(buf, len, "none");
	return buf;
}

void
build_path(struct gb *b, const struct path *p)
{
	const struct step *steps = p->steps.items;
	size_t n = p->steps.len, i, j, nlanes = 0, handoffs = 0;
	char (*keys)[80] = xcalloc(n + 1, sizeof(*keys));
	struct gb_graph **lanes = xcalloc(n + 1, sizeof(*lanes));
	size_t *lane_of = xcalloc(n + 1, sizeof(*lane_of));
	struct gb_node **nodes = xcalloc(n + 1, sizeof(*nodes));
	const struct actor *coord = (const struct actor *)p->coordinator.target;

	/* Top to bottom: a path reads down a page and scrolls down a
	 * screen; lanes stand side by side. */
	gb_defaults(b, "TB");
	gb_set(b->g, "newrank", "true");
	gb_set(b->g, "ranksep", "0.3");
	gb_set(b->g, "nodesep", "0.2");
	/* Lanes in order of first appearance. */
	for (i = 0; i < n; i++) {
		char key[80];

		lane_key(&steps[i], key, sizeof(key));
		for (j = 0; j < nlanes && strcmp(keys[j], key) != 0; j++)
			;
		if (j == nlanes) {
			struct buf mk = { 0 };
			const char *name;
			char *suffix, *url = NULL;

			memcpy(keys[j], key, sizeof(key));
			if (steps[i].responsible.target != NULL) {
				name = title_of(b, steps[i].responsible.target);
				url = entity_url(b,
				    steps[i].responsible.target, NULL);
			} else if (steps[i].stage.pos.line)
				name = ui_stage(b->lang, steps[i].stage.v);
			else
				name = ui(b->lang, UI_STEPS);
			suffix = xasprintf("lane_%zu", j + 1);
			lbl_font(&mk, name, 24, FS_CLUSTER, 1, 0);
			lanes[j] = gb_cluster(b, suffix, "lane", mk.data, name,
			    url);
			gb_set(lanes[j], "style", "filled");
			gb_set(lanes[j], "fillcolor", C_SOFT);
			gb_set(lanes[j], "color", C_RULE);
			gb_set(lanes[j], "labeljust", "l");
			gb_set(lanes[j], "margin", "10");
			nlanes++;
			buf_free(&mk);
			free(suffix);
			free(url);
		}
		lane_of[i] = j;
	}
	for (i = 0; i < n; i++) {
		const struct step *st = &steps[i];
		struct buf mk = { 0 }, tip = { 0 };
		const char *title = text_or(b, &st->title, "");
		const char *quote = text_get(&st->quote, &b->m->site, b->lang,
		    NULL);
		char *suffix = xasprintf("step_%zu", i + 1);
		char *url = st->at.target ? entity_url(b, st->at.target, NULL) :
		    NULL;
		char num[32];

		snprintf(num, sizeof(num), "%zu. ", i + 1);
		buf_puts(&tip, num);
		buf_puts(&tip, title);
		if (st->handoff.v) {
			char *mark = xasprintf("⇄ %s",
			    ui(b->lang, UI_DIAGRAM_HANDOFF));

			lbl_font(&mk, mark, 0, FS_EDGE, 1, 0);
			buf_puts(&mk, "<BR/>");
			free(mark);
			buf_printf(&tip, " (%s)", ui(b->lang, UI_DIAGRAM_HANDOFF));
			handoffs++;
		}
		buf_printf(&mk, "<B>%s</B>", num);
		lbl_text(&mk, title, 20);
		if (st->at.target != NULL) {
			buf_puts(&mk, "<BR/>");
			lbl_font(&mk, title_of(b, st->at.target), 22, FS_EDGE,
			    0, 0);
			buf_printf(&tip, " – %s", title_of(b, st->at.target));
		}
		if (st->duration.s != NULL) {
			buf_puts(&mk, "<BR/>");
			lbl_font(&mk, st->duration.s, 30, FS_EDGE, 0, 1);
		}
		nodes[i] = gb_node(b, lanes[lane_of[i]], suffix,
		    st->handoff.v ? "step handoff" : "step", mk.data,
		    tip.data, url);
		gb_set(nodes[i], "style", "rounded,filled");
		if (st->handoff.v) {
			/* Marked by shape, border and words, not colour. */
			gb_set(nodes[i], "style", "filled,bold");
			gb_set(nodes[i], "peripheries", "2");
			gb_set(nodes[i], "fillcolor", C_HANDOFF_BG);
			gb_set(nodes[i], "color", C_HANDOFF);
			gb_set(nodes[i], "penwidth", "2");
		}
		if (quote != NULL) {
			struct buf q = { 0 };
			char *qs = xasprintf("quote_%zu", i + 1);
			char *sub = gb_name(b, "q");
			struct gb_graph *same = gb_subgraph(lanes[lane_of[i]], sub);
			struct gb_node *qn;
			char *qtitle = xasprintf("%s%s%s",
			    ui(b->lang, UI_QUOTE_OPEN), quote,
			    ui(b->lang, UI_QUOTE_CLOSE));
			struct gb_edge *e;

			lbl_font(&q, qtitle, 20, FS_EDGE, 0, 1);
			gb_set(same, "rank", "same");
			gb_subnode(same, nodes[i]);
			qn = gb_node(b, same, qs, "quote", q.data, qtitle, NULL);
			gb_set(qn, "shape", "note");
			gb_set(qn, "fillcolor", C_QUOTE_BG);
			gb_set(qn, "color", C_QUOTE);
			gb_set(qn, "fontcolor", C_INK);
			free(qs);
			qs = xasprintf("quote_edge_%zu", i + 1);
			e = gb_edge(b, nodes[i], qn, qs, "quote", NULL, qtitle);
			gb_set(e, "style", "dotted");
			gb_set(e, "arrowhead", "none");
			gb_set(e, "color", C_QUOTE);
			buf_free(&q);
			free(qs);
			free(sub);
			free(qtitle);
		}
		buf_free(&mk);
		buf_free(&tip);
		free(suffix);
		free(url);
	}
	for (i = 0; i + 1 < n; i++) {
		char *suffix = xasprintf("flow_%zu", i + 1);
		char *title = xasprintf("%zu → %zu", i + 1, i + 2);
		struct gb_edge *e = gb_edge(b, nodes[i], nodes[i + 1], suffix,
		    steps[i].handoff.v ? "flow handoff" : "flow", NULL, title);

		gb_set(e, "weight", "4");
		if (steps[i].handoff.v) {
			gb_set(e, "style", "bold");
			gb_set(e, "color", C_HANDOFF);
			gb_set(e, "penwidth", "2");
		}
		free(suffix);
		free(title);
	}
	if (coord != NULL) {
		/* The coordinator beside the path, tied to the hand-over
		 * points it steers (or to the first step). */
		struct buf mk = { 0 }, tip = { 0 };
		char *url = entity_url(b, &coord->e, NULL);
		struct gb_node *cn;

		lbl_font(&mk, ui(b->lang, UI_COORDINATOR), 30, FS_EDGE, 0, 0);
		buf_puts(&mk, "<BR/>");
		lbl_font(&mk, title_of(b, &coord->e), 22, FS_NODE, 1, 0);
		buf_printf(&tip, "%s: %s", ui(b->lang, UI_COORDINATOR),
		    title_of(b, &coord->e));
		cn = gb_node(b, b->g, "coordinator", "coordinator", mk.data,
		    tip.data, url);
		gb_set(cn, "shape", "doubleoctagon");
		gb_set(cn, "fillcolor", C_BRAND);
		gb_set(cn, "fontcolor", "white");
		gb_set(cn, "color", C_BRAND);
		for (i = 0; i < n; i++) {
			char *suffix, *title;
			struct gb_edge *e;

			if (!steps[i].handoff.v && !(handoffs == 0 && i == 0))
				continue;
			suffix = xasprintf("coordinates_%zu", i + 1);
			title = xasprintf("%s → %zu", title_of(b, &coord->e),
			    i + 1);
			e = gb_edge(b, cn, nodes[i], suffix, "coordinates",
			    NULL, title);
			gb_set(e, "style", "dashed");
			gb_set(e, "constraint", "false");
			gb_set(e, "color", C_BRAND);
			free(suffix);
			free(title);
		}
		buf_free(&mk);
		buf_free(&tip);
		free(url);
	}
	b->title = xstrdup(title_of(b, &p->e));
	b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_PATH), n, handoffs);
	free(keys);
	free(lanes);
	free(lane_of);
	free(nodes);
}
