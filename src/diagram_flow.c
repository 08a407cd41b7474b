/*
 * The graph of a client flow: its published nodes, top to bottom, and
 * its published edges, as wide as their counts; nodes left without a
 * published edge stand together in a box that says why.
 */
#include "diagram_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "i18n.h"


/*
 * A flow: its published nodes, top to bottom (a flow reads down a page,
 * and a landscape sheet holds its few ranks), and its published edges,
 * as wide as their counts, those into the end meeting at one point.
 * Withheld edges are not drawn, and a withheld node count is not shown:
 * the picture says no more than the JSON.  A node none of whose edges
 * is published would float alone as if unconnected: such nodes stand in
 * one box titled "withheld" below the rest.
 */
void
build_flow(struct gb *b, const struct flow *f)
{
	const struct flow_counts *c = f->counts;
	struct gb_node **nodes;
	struct gb_graph *alone = NULL;
	struct gb_node *last_alone = NULL;
	char *linked;
	uint64_t most = 1;
	size_t i, drawn = 0;

	gb_defaults(b, "TB");
	/* Edge labels are ranks of their own in dot, each with 8 pt of
	 * padding: the least space between ranks (dot's minimum) keeps
	 * the default flow's 14 ranks on one A4-landscape sheet at 8 pt. */
	gb_set(b->g, "ranksep", "0.02");
	gb_set(b->g, "nodesep", "0.15");
	gb_set(b->g, "newrank", "true");
	b->title = xstrdup(title_of(b, &f->e));
	if (c == NULL) {
		b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_FLOW), (size_t)0,
		    (size_t)0);
		return;
	}
	nodes = xcalloc(c->nnodes + 1, sizeof(*nodes));
	linked = xcalloc(c->nnodes + 1, sizeof(*linked));
	for (i = 0; i < c->nedges; i++)
		if (!c->edges[i].suppressed) {
			linked[c->edges[i].from] = 1;
			linked[c->edges[i].to] = 1;
		}
	for (i = 0; i < c->nedges; i++)
		if (!c->edges[i].suppressed && c->edges[i].count > most)
			most = c->edges[i].count;
	for (i = 0; i < c->nnodes; i++) {
		const struct flow_node *fn = &c->nodes[i];
		const struct entity *svc = model_find(b->m, KIND_SERVICE,
		    fn->id);
		const char *name = strcmp(fn->id, "start") == 0 ?
		    ui(b->lang, UI_FLOW_START) : strcmp(fn->id, "end") == 0 ?
		    ui(b->lang, UI_FLOW_END) : strcmp(fn->id, "other") == 0 ?
		    ui(b->lang, UI_FLOW_OTHER) : svc ? title_of(b, svc) : fn->id;
		struct buf mk = { 0 }, tip = { 0 };
		char *suffix = xasprintf("node_%s", fn->id);
		char *url = svc ? entity_url(b, svc, NULL) : NULL;
		/* Only the start and the end are terminals: "other" is
		 * services, drawn (and explained in a legend) as one. */
		int term = strcmp(fn->id, "start") == 0 ||
		    strcmp(fn->id, "end") == 0;
		char num[32];

		/* A name on one line where it can be: a rank is as high as
		 * its highest node, and a flow has width to spare. */
		lbl_text(&mk, name, 60);
		buf_puts(&tip, name);
		if (!fn->suppressed) {
			/* The count ends the name's last line: a rank is as
			 * low as it can be. */
			snprintf(num, sizeof(num), "%llu",
			    (unsigned long long)fn->count);
			buf_puts(&mk, " ");
			lbl_font(&mk, num, 0, FS_EDGE, 1, 0);
			buf_printf(&tip, ": %s", num);
		}
		if (!linked[i] && alone == NULL) {
			struct buf lk = { 0 };
			const char *w = ui(b->lang, UI_FLOW_WITHHELD);

			lbl_font(&lk, w, 0, FS_CLUSTER, 1, 0);
			alone = gb_cluster(b, "withheld", "withheld", lk.data, w,
			    NULL);
			gb_set(alone, "style", "dashed");
			gb_set(alone, "color", C_RULE);
			buf_free(&lk);
		}
		nodes[i] = gb_node(b, linked[i] ? b->g : alone, suffix,
		    term ? "terminal" : "service", mk.data, tip.data, url);
		if (!linked[i])
			last_alone = nodes[i];
		/* As low as a line of type allows (dot's default is 36 pt);
		 * the start and end are rounded boxes too, as an ellipse
		 * round the same text is half as high again.  (Open: the
		 * mitred point of a thick arrow's head reaches some 12 pt
		 * into the node, onto its text; the 7 pt of margin that
		 * would keep it off make the flow too tall for A4
		 * landscape at 8 pt.) */
		gb_set(nodes[i], "height", "0.2");
		gb_set(nodes[i], "margin", "0.08,0.03");
		gb_set(nodes[i], "style", "rounded,filled");
		if (term) {
			gb_set(nodes[i], "fillcolor", C_BRAND);
			gb_set(nodes[i], "color", C_BRAND);
			gb_set(nodes[i], "fontcolor", "white");
		}
		buf_free(&mk);
		buf_free(&tip);
		free(suffix);
		free(url);
	}
	for (i = 0; i < c->nedges; i++) {
		const struct flow_edge *fe = &c->edges[i];
		char num[32], width[32], *suffix, *title;
		struct gb_edge *e;

		if (fe->suppressed)
			continue;
		snprintf(num, sizeof(num), "%llu",
		    (unsigned long long)fe->count);
		snprintf(width, sizeof(width), "%.2f",
		    1.0 + 7.0 * (double)fe->count / (double)most);
		suffix = xasprintf("edge_%s_%s", c->nodes[fe->from].id,
		    c->nodes[fe->to].id);
		title = xasprintf("%s → %s: %s", c->nodes[fe->from].id,
		    c->nodes[fe->to].id, num);
		e = gb_edge(b, nodes[fe->from], nodes[fe->to], suffix, "flow",
		    NULL, title);
		gb_set(e, "penwidth", width);
		/* The count clear of its line, however thick: 4 pt and
		 * the line's whole width, half of it for the line and half
		 * for where a curve bends towards its label. */
		lbl_edge(b, e, num, 24, FS_EDGE, 4.0 + 1.0 + 7.0 *
		    (double)fe->count / (double)most);
		if (strcmp(c->nodes[fe->to].id, "end") == 0)
			gb_set(e, "samehead", "end");
		drawn++;
		free(suffix);
		free(title);
	}
	if (last_alone != NULL) {
		/* The withheld box at the bottom, on the end's rank. */
		struct gb_graph *low = gb_subgraph(b->g, "low");

		gb_set(low, "rank", "same");
		for (i = 0; i < c->nnodes; i++)
			if (!linked[i] || strcmp(c->nodes[i].id, "end") == 0)
				gb_subnode(low, nodes[i]);
	}
	b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_FLOW), c->nnodes, drawn);
	free(nodes);
	free(linked);
}
