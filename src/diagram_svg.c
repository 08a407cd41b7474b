/*
 * Graphviz's SVG made ours with libxml2: the real titles and link
 * titles put in (Graphviz is never given a text it could unescape), no
 * comments or DOCTYPE, role="img" with a <title> and a <desc>, one font
 * family; and standalone SVG files.
 */
#include "diagram_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "html.h"

#define SVG_NS "http://www.w3.org/2000/svg"
#define XLINK_NS "http://www.w3.org/1999/xlink"

static struct meta *
meta_find(struct strmap *byid, const xmlChar *id)
{
	return id ? strmap_get(byid, (const char *)id) : NULL;
}

static void
set_text(xmlNodePtr el, const char *text)
{
	xmlNodePtr c;

	while ((c = el->children) != NULL) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	xmlAddChild(el, xmlNewText((const xmlChar *)text));
}

/*
 * Puts the real titles and tooltips into Graphviz's SVG, drops its
 * comments and sets one font family on its texts.
 */
static void
fix_tree(xmlNodePtr n, struct strmap *byid, const struct gb *b, xmlNsPtr xl)
{
	xmlNodePtr c, next;

	for (c = n->children; c != NULL; c = next) {
		next = c->next;
		if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) {
			xmlUnlinkNode(c);
			xmlFreeNode(c);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrEqual(c->name, (const xmlChar *)"title")) {
			xmlChar *pid = xmlGetProp(n, (const xmlChar *)"id");
			struct meta *mt = meta_find(byid, pid);

			if (mt != NULL)
				set_text(c, mt->title);
			else
				set_text(c, b->title ? b->title : "");
			xmlFree(pid);
		} else if (xmlStrEqual(c->name, (const xmlChar *)"a")) {
			xmlChar *pid = xmlGetProp(n, (const xmlChar *)"id");
			struct meta *mt = NULL;

			if (pid != NULL && strncmp((char *)pid, "a_", 2) == 0)
				mt = meta_find(byid, pid + 2);
			xmlUnsetNsProp(c, xl, (const xmlChar *)"title");
			if (mt != NULL)
				xmlSetNsProp(c, xl, (const xmlChar *)"title",
				    (const xmlChar *)mt->title);
			/* The text alternative beside the figure holds the
			 * same links for the keyboard; role="img" hides
			 * these from assistive technology. */
			xmlSetProp(c, (const xmlChar *)"tabindex",
			    (const xmlChar *)"-1");
			xmlFree(pid);
		} else if (xmlStrEqual(c->name, (const xmlChar *)"text"))
			xmlSetProp(c, (const xmlChar *)"font-family",
			    (const xmlChar *)FONT_FAMILY);
		fix_tree(c, byid, b, xl);
	}
}

xmlDocPtr
svg_finish(const struct gb *b, const char *data, unsigned len)
{
	xmlDocPtr doc = xmlReadMemory(data, (int)len, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	struct strmap *byid;
	xmlNodePtr root, t, d, c;
	xmlNsPtr ns, xl;
	char *id;
	size_t i;

	if (doc == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !xmlStrEqual(root->name, (const xmlChar *)"svg")) {
		xmlFreeDoc(doc);
		return NULL;
	}
	/* No DOCTYPE: the SVG is inlined or stands alone without one. */
	for (c = doc->children; c != NULL; c = c->next)
		if (c->type == XML_DTD_NODE) {
			xmlUnlinkNode(c);
			xmlFreeDtd((xmlDtdPtr)c);
			doc->intSubset = NULL;
			break;
		}
	ns = xmlSearchNsByHref(doc, root, (const xmlChar *)SVG_NS);
	xl = xmlSearchNsByHref(doc, root, (const xmlChar *)XLINK_NS);
	if (xl == NULL)
		xl = xmlNewNs(root, (const xmlChar *)XLINK_NS,
		    (const xmlChar *)"xlink");
	byid = strmap_new();
	for (i = 0; i < b->nmeta; i++)
		strmap_put(byid, b->meta[i].gid, &b->meta[i]);
	fix_tree(root, byid, b, xl);
	strmap_free(byid);

	xmlSetProp(root, (const xmlChar *)"id", (const xmlChar *)b->prefix);
	xmlSetProp(root, (const xmlChar *)"class",
	    (const xmlChar *)"diagram-svg");
	xmlSetProp(root, (const xmlChar *)"role", (const xmlChar *)"img");
	id = xasprintf("%s_title", b->prefix);
	xmlSetProp(root, (const xmlChar *)"aria-labelledby",
	    (const xmlChar *)id);
	t = xmlNewDocNode(doc, ns, (const xmlChar *)"title", NULL);
	xmlSetProp(t, (const xmlChar *)"id", (const xmlChar *)id);
	set_text(t, b->title ? b->title : "");
	free(id);
	id = xasprintf("%s_desc", b->prefix);
	xmlSetProp(root, (const xmlChar *)"aria-describedby",
	    (const xmlChar *)id);
	d = xmlNewDocNode(doc, ns, (const xmlChar *)"desc", NULL);
	xmlSetProp(d, (const xmlChar *)"id", (const xmlChar *)id);
	set_text(d, b->desc ? b->desc : "");
	free(id);
	if (root->children != NULL) {
		xmlAddPrevSibling(root->children, t);
		xmlAddNextSibling(t, d);
	} else {
		xmlAddChild(root, t);
		xmlAddChild(root, d);
	}
	return doc;
}


/* A standalone SVG: an XML declaration, then the svg element. */
void
svg_write(xmlDocPtr doc, const struct diagram_print *p, struct buf *out)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);

	if (p->svg_paper) {
		double pw, ph;
		char num[32];

		diagram_paper_size(p->paper, &pw, &ph);
		snprintf(num, sizeof(num), "%.2fmm", pw / 72 * 25.4);
		xmlSetProp(root, (const xmlChar *)"width", (const xmlChar *)num);
		snprintf(num, sizeof(num), "%.2fmm", ph / 72 * 25.4);
		xmlSetProp(root, (const xmlChar *)"height",
		    (const xmlChar *)num);
	}
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	html_node_serialize(root, out);
	buf_putc(out, '\n');
}
