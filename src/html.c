#include "html.h"

#include <libxml/parser.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XHTML_NS "http://www.w3.org/1999/xhtml"

static const char *const slot_names[SLOT_COUNT] = {
	"title", "css", "skip", "home", "nav", "langs", "breadcrumbs",
	"main", "footer", "search", "js", "menu", "icon", "description",
};

struct html_template {
	xmlDocPtr doc; /* owned; the parsed page.xhtml */
};

/* Checks and keeps a parsed template (doc may be NULL: not parsed). */
static struct html_template *
template_take(xmlDocPtr doc, const char *path, struct diag_list *dl)
{
	struct html_template *t;
	xmlNodePtr root;

	if (doc == NULL) {
		const xmlError *e = xmlGetLastError();
		struct pos at = { path, e ? (unsigned)e->line : 1,
			e ? (unsigned)e->int2 : 1 };

		diag_error(dl, at, "theme template is not well-formed XHTML: "
		    "%s", e && e->message ? e->message : "cannot read it");
		return NULL;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || strcmp((const char *)root->name, "html") != 0) {
		struct pos at = { path, 1, 1 };

		diag_error(dl, at, "theme template must have <html> as its root");
		xmlFreeDoc(doc);
		return NULL;
	}
	t = xcalloc(1, sizeof(*t));
	t->doc = doc;
	return t;
}

struct html_template *
html_template_load(const char *path, struct diag_list *dl)
{
	return template_take(xmlReadFile(path, "UTF-8", XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING), path, dl);
}

struct html_template *
html_template_parse(const char *data, size_t len, const char *path,
    struct diag_list *dl)
{
	if (len > INT_MAX) {
		struct pos at = { path, 1, 1 };

		diag_error(dl, at, "theme template is too large");
		return NULL;
	}
	return template_take(xmlReadMemory(data, (int)len, path, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING), path,
	    dl);
}

void
html_template_free(struct html_template *t)
{
	if (t == NULL)
		return;
	xmlFreeDoc(t->doc);
	free(t);
}

static void
find_slots(struct html_page *p, xmlNodePtr n)
{
	for (; n != NULL; n = n->next) {
		xmlChar *k;
		size_t i;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((k = xmlGetProp(n, (const xmlChar *)"data-k")) != NULL) {
			for (i = 0; i < SLOT_COUNT; i++)
				if (strcmp((const char *)k, slot_names[i]) == 0)
					p->slot[i] = n;
			xmlFree(k);
			xmlUnsetProp(n, (const xmlChar *)"data-k");
		}
		find_slots(p, n->children);
	}
}

void
html_page_init(struct html_page *p, const struct html_template *t,
    const char *lang)
{
	xmlNodePtr root;

	memset(p, 0, sizeof(*p));
	p->doc = xmlCopyDoc(t->doc, 1);
	if (p->doc == NULL)
		fatal_oom();
	root = xmlDocGetRootElement(p->doc);
	xmlSetProp(root, (const xmlChar *)"lang", (const xmlChar *)lang);
	find_slots(p, root);
}

void
html_page_release(struct html_page *p)
{
	size_t i;

	for (i = 0; i < p->nparts; i++)
		buf_free(&p->parts[i].text);
	free(p->parts);
	p->parts = NULL;
	p->nparts = p->capparts = 0;
	xmlFreeDoc(p->doc);
	p->doc = NULL;
}

xmlNodePtr
html_el(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr n = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);

	if (n == NULL)
		fatal_oom();
	if (text != NULL)
		html_text(n, text);
	return n;
}

xmlNodePtr
html_el_class(xmlNodePtr parent, const char *name, const char *cls,
    const char *text)
{
	xmlNodePtr n = html_el(parent, name, text);

	if (cls != NULL)
		html_attr(n, "class", cls);
	return n;
}

xmlNodePtr
html_link(xmlNodePtr parent, const char *href, const char *text)
{
	xmlNodePtr a = html_el(parent, "a", text);

	html_attr(a, "href", href);
	return a;
}

void
html_attr(xmlNodePtr node, const char *name, const char *value)
{
	if (xmlSetProp(node, (const xmlChar *)name,
	    (const xmlChar *)value) == NULL)
		fatal_oom();
}

xmlNodePtr
html_attr_el(xmlNodePtr node, const char *name, const char *value)
{
	html_attr(node, name, value);
	return node;
}

void
html_text(xmlNodePtr parent, const char *text)
{
	xmlNodePtr t = xmlNewText((const xmlChar *)text);

	if (t == NULL)
		fatal_oom();
	xmlAddChild(parent, t);
}

/* Serialisation: HTML5 rules for HTML elements, XML rules inside SVG. */

static int
is_void(const char *name)
{
	static const char *const voids[] = { "area", "base", "br", "col",
		"embed", "hr", "img", "input", "link", "meta", "source",
		"track", "wbr", NULL };
	size_t i;

	for (i = 0; voids[i]; i++)
		if (strcmp(voids[i], name) == 0)
			return 1;
	return 0;
}

static void
put_escaped(struct buf *out, const char *s, int attr)
{
	const char *run = s;

	for (; *s; s++) {
		const char *rep = NULL;

		switch (*s) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = attr ? "&quot;" : NULL;
			break;
		case '\r':
			rep = "&#13;";
			break;
		default:
			break;
		}
		if (rep != NULL) {
			buf_append(out, run, (size_t)(s - run));
			buf_puts(out, rep);
			run = s + 1;
		}
	}
	buf_append(out, run, (size_t)(s - run));
}

static int
in_html_ns(xmlNodePtr n)
{
	return n->ns == NULL || n->ns->href == NULL ||
	    strcmp((const char *)n->ns->href, XHTML_NS) == 0;
}

static void
put_name(struct buf *out, xmlNsPtr ns, const xmlChar *name)
{
	if (ns != NULL && ns->prefix != NULL) {
		buf_puts(out, (const char *)ns->prefix);
		buf_putc(out, ':');
	}
	buf_puts(out, (const char *)name);
}

/* The written parts of the page being serialised, met in order. */
struct splicer {
	struct html_splice *parts;      /* borrowed; NULL: none */
	size_t n, next;
};

static void serialize_node(xmlNodePtr n, struct splicer *sp,
    struct buf *out);

static void
serialize_element(xmlNodePtr n, struct splicer *sp, struct buf *out)
{
	xmlAttrPtr a;
	xmlNsPtr ns;
	xmlNodePtr c;
	int html = in_html_ns(n);

	buf_putc(out, '<');
	put_name(out, html ? NULL : n->ns, n->name);
	for (ns = n->nsDef; ns != NULL; ns = ns->next) {
		buf_puts(out, ns->prefix ? " xmlns:" : " xmlns");
		if (ns->prefix)
			buf_puts(out, (const char *)ns->prefix);
		buf_puts(out, "=\"");
		put_escaped(out, (const char *)ns->href, 1);
		buf_putc(out, '"');
	}
	for (a = n->properties; a != NULL; a = a->next) {
		xmlChar *raw = xmlGetNsProp(n, a->name,
		    a->ns ? a->ns->href : NULL);

		buf_putc(out, ' ');
		put_name(out, a->ns, a->name);
		buf_puts(out, "=\"");
		if (raw != NULL) {
			put_escaped(out, (const char *)raw, 1);
			xmlFree(raw);
		}
		buf_putc(out, '"');
	}
	if (html && is_void((const char *)n->name)) {
		buf_puts(out, "/>");
		return;
	}
	if (!html && n->children == NULL) {
		buf_puts(out, "/>");
		return;
	}
	buf_putc(out, '>');
	for (c = n->children; c != NULL; c = c->next)
		serialize_node(c, sp, out);
	buf_puts(out, "</");
	put_name(out, html ? NULL : n->ns, n->name);
	buf_putc(out, '>');
}

/* The bytes of a written part, if n is its placeholder; they are freed
 * once copied, as the page's bytes grow. */
static int
splice(xmlNodePtr n, struct splicer *sp, struct buf *out)
{
	struct html_splice *part;

	if (sp == NULL || sp->next >= sp->n || sp->parts[sp->next].at != n)
		return 0;
	part = &sp->parts[sp->next++];
	buf_append(out, part->text.data, part->text.len);
	buf_free(&part->text);
	return 1;
}

static void
serialize_node(xmlNodePtr n, struct splicer *sp, struct buf *out)
{
	switch (n->type) {
	case XML_ELEMENT_NODE:
		serialize_element(n, sp, out);
		break;
	case XML_COMMENT_NODE:
		/* Comments are not published; a part's placeholder is its
		 * bytes. */
		splice(n, sp, out);
		break;
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		if (n->content != NULL)
			put_escaped(out, (const char *)n->content, 0);
		break;
	case XML_ENTITY_REF_NODE:
		buf_putc(out, '&');
		buf_puts(out, (const char *)n->name);
		buf_putc(out, ';');
		break;
	default:
		/* Comments and processing instructions are not published. */
		break;
	}
}

void
html_node_serialize(xmlNodePtr node, struct buf *out)
{
	serialize_node(node, NULL, out);
}

void
html_page_write_part(struct html_page *p, xmlNodePtr part)
{
	xmlNodePtr at = xmlNewDocComment(p->doc, NULL);
	struct html_splice *s;

	if (at == NULL || xmlAddPrevSibling(part, at) == NULL)
		fatal_oom();
	s = array_push(&p->parts, &p->nparts, &p->capparts, sizeof(*s));
	s->at = at;
	/* Written while in place: an element's namespace may be declared
	 * on an ancestor. */
	serialize_node(part, NULL, &s->text);
	xmlUnlinkNode(part);
	xmlFreeNode(part);
}

void
html_page_serialize(struct html_page *p, struct buf *out)
{
	struct splicer sp = { p->parts, p->nparts, 0 };

	buf_puts(out, "<!DOCTYPE html>\n");
	serialize_node(xmlDocGetRootElement(p->doc), &sp, out);
	buf_putc(out, '\n');
	if (sp.next != sp.n) {
		/* Its bytes would be missing from the page: a bug. */
		fprintf(stderr, "kartta: html: written part %zu of %zu not "
		    "met in its place (out of document order)\n", sp.next,
		    sp.n);
		abort();
	}
}
