/*
 * The graph of a client flow: its published nodes, left to right, and
 * its published edges, as wide as their counts.
 */
#include "diagram_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "i18n.h"


/*
 * A flow: its published nodes, left to right, and its published edges,
 * as wide as their counts.  Withheld edges are not drawn, and a withheld
 * node count is not shown: the picture says no more than the JSON.
 */
void
build_flow(struct gb *b, const struct flow *f)
{
	const struct flow_counts *c = f->counts;
	struct gb_node **nodes;
	uint64_t most = 1;
	size_t i, drawn = 0;

	gb_defaults(b, "LR");
	gb_set(b->g, "ranksep", "0.6");
	b->title = xstrdup(title_of(b, &f->e));
	if (c == NULL) {
		b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_FLOW), (size_t)0,
		    (size_t)0);
		return;
	}
	nodes = xcalloc(c->nnodes + 1, sizeof(*nodes));
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
		char num[32];

		lbl_text(&mk, name, 22);
		buf_puts(&tip, name);
		if (!fn->suppressed) {
			snprintf(num, sizeof(num), "%llu",
			    (unsigned long long)fn->count);
			buf_puts(&mk, "<BR/>");
			lbl_font(&mk, num, 0, FS_EDGE, 1, 0);
			buf_printf(&tip, ": %s", num);
		}
		nodes[i] = gb_node(b, b->g, suffix, svc ? "service" : "terminal",
		    mk.data, tip.data, url);
		if (svc != NULL)
			gb_set(nodes[i], "style", "rounded,filled");
		else {
			gb_set(nodes[i], "shape", "oval");
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
		    num, title);
		gb_set(e, "penwidth", width);
		drawn++;
		free(suffix);
		free(title);
	}
	b->desc = xasprintf(ui(b->lang, UI_DIAGRAM_FLOW), c->nnodes, drawn);
	free(nodes);
}
