/*
 * The graph of a client path: swimlanes, one per actor responsible,
 * with the steps going down them a row each; the stages as bands named
 * in a column on the left, the coordinator's own lane on the right with
 * a mark on each hand-over row; quotes beside their steps.
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
	struct gb_node **stage_node = xcalloc(n + 1, sizeof(*stage_node));
	const struct actor *coord = (const struct actor *)p->coordinator.target;

	/* Top to bottom: a path reads down a page and scrolls down a
	 * screen; lanes stand side by side. */
	gb_defaults(b, "TB");
	gb_set(b->g, "newrank", "true");
	gb_set(b->g, "ranksep", "0.2");
	gb_set(b->g, "nodesep", "0.12");
	/* The stages' column first, so that it stands on the left: a
	 * stage's name beside its first step. */
	{
		struct gb_graph *stages = NULL;
		struct gb_node *prev_stage = NULL;
		int last_stage = -1;

		for (i = 0; i < n; i++) {
			struct buf mk = { 0 };
			char *suffix;
			const char *name;

			if (!steps[i].stage.pos.line ||
			    (int)steps[i].stage.v == last_stage)
				continue;
			if (stages == NULL) {
				stages = gb_cluster(b, "stages", "stages", "",
				    ui(b->lang, UI_STAGE), NULL);
				gb_set(stages, "peripheries", "0");
			}
			suffix = xasprintf("stage_%zu", i + 1);
			name = ui_stage(b->lang, steps[i].stage.v);
			lbl_font(&mk, name, 16, FS_CLUSTER, 1, 0);
			stage_node[i] = gb_node(b, stages, suffix, "stage",
			    mk.data, name, NULL);
			gb_set(stage_node[i], "shape", "box");
			gb_set(stage_node[i], "style", "filled");
			gb_set(stage_node[i], "fillcolor", C_SOFT);
			gb_set(stage_node[i], "color", C_RULE);
			if (prev_stage != NULL)
				gb_rank_after(b, prev_stage, stage_node[i]);
			prev_stage = stage_node[i];
			last_stage = (int)steps[i].stage.v;
			buf_free(&mk);
			free(suffix);
		}
	}
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
		/* Title, then place, then duration, each its own line and
		 * style. */
		buf_printf(&mk, "<B>%s", num);
		lbl_text(&mk, title, 26);
		buf_puts(&mk, "</B>");
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
		if (quote != NULL) {
			/* The client's words inside the step's box, under
			 * a rule: a note beside it would stand in the way of
			 * the lines to the next lane. */
			struct buf box = { 0 };
			char *qtitle = xasprintf("%s%s%s",
			    ui(b->lang, UI_QUOTE_OPEN), quote,
			    ui(b->lang, UI_QUOTE_CLOSE));

			buf_printf(&box, "<TABLE BORDER=\"0\" CELLSPACING=\"0\" "
			    "CELLPADDING=\"3\"><TR><TD>%s</TD></TR><HR/>"
			    "<TR><TD BGCOLOR=\"%s\">", mk.data, C_QUOTE_BG);
			lbl_font(&box, qtitle, 34, FS_EDGE, 0, 1);
			buf_puts(&box, "</TD></TR></TABLE>");
			buf_free(&mk);
			mk = box;
			buf_printf(&tip, " %s", qtitle);
			free(qtitle);
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
	/*
	 * Rows: each step its own rank, so that the lanes read as columns
	 * and the steps go down them in order.  Beside the lanes, on the
	 * left a column of the stages (a stage's name on the row of its
	 * first step: the bands), on the right the coordinator's own lane,
	 * with a hand-over mark on the row of each hand-over it steers.
	 */
	{
		struct gb_graph *clane = NULL;
		struct gb_node *prev_mark = NULL;

		for (i = 0; i < n; i++) {
			char *rname = gb_name(b, "row");
			struct gb_graph *row = gb_subgraph(b->g, rname);

			gb_set(row, "rank", "same");
			gb_subnode(row, nodes[i]);
			free(rname);
			/* The stages' cluster, made first, stands on the
			 * left; the coordinator's, made last, on the right
			 * (flat edges to order them would cross clusters,
			 * which dot cannot route). */
			if (stage_node[i] != NULL)
				gb_subnode(row, stage_node[i]);
			if (i == 0 || i + 1 == n)
				for (j = 0; j < nlanes; j++) {
					/* Every lane as tall as the path: a
					 * column from the first row to the
					 * last. */
					struct gb_node *end = gb_blank(b,
					    lanes[j], "laneend");

					gb_set(end, "label", " ");
					gb_set(end, "shape", "point");
					gb_set(end, "width", "0.01");
					gb_set(end, "height", "0.01");
					gb_set(end, "fixedsize", "true");
					gb_subnode(row, end);
				}
			if (coord != NULL && (steps[i].handoff.v ||
			    (handoffs == 0 && i == 0))) {
				struct buf mk = { 0 };
				char *suffix = xasprintf("coordinates_%zu",
				    i + 1);
				char *title = xasprintf("%s: %zu",
				    title_of(b, &coord->e), i + 1);
				char *mark = xasprintf("⇄ %zu", i + 1);
				struct gb_node *mn;

				if (clane == NULL) {
					struct buf cl = { 0 };
					char *url = entity_url(b, &coord->e,
					    NULL);
					char *ct = xasprintf("%s: %s",
					    ui(b->lang, UI_COORDINATOR),
					    title_of(b, &coord->e));

					lbl_font(&cl, ui(b->lang,
					    UI_COORDINATOR), 24, FS_CLUSTER, 0,
					    0);
					buf_puts(&cl, "<BR/>");
					lbl_font(&cl, title_of(b, &coord->e), 24,
					    FS_CLUSTER, 1, 0);
					clane = gb_cluster(b, "coordinator",
					    "lane coordinator", cl.data, ct, url);
					gb_set(clane, "style", "filled,dashed");
					gb_set(clane, "fillcolor", "white");
					gb_set(clane, "color", C_BRAND);
					gb_set(clane, "margin", "10");
					buf_free(&cl);
					free(url);
					free(ct);
				}
				lbl_font(&mk, mark, 0, FS_NODE, 1, 0);
				mn = gb_node(b, clane, suffix, "coordinator",
				    mk.data, title, NULL);
				gb_set(mn, "shape", "circle");
				gb_set(mn, "fillcolor", C_BRAND);
				gb_set(mn, "fontcolor", "white");
				gb_set(mn, "color", C_BRAND);
				gb_subnode(row, mn);
				if (prev_mark != NULL)
					gb_rank_after(b, prev_mark, mn);
				prev_mark = mn;
				buf_free(&mk);
				free(suffix);
				free(title);
				free(mark);
			}
		}
	}
	b->title = xstrdup(title_of(b, &p->e));
	b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_PATH), n, handoffs);
	free(keys);
	free(lanes);
	free(lane_of);
	free(nodes);
	free(stage_node);
}
