#include "ydoc.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "util.h"

struct ybuilder {
	struct ynode *stack[YDOC_MAX_DEPTH + 1]; /* open collections */
	size_t depth;                            /* used entries of stack */
	struct ynode *root;                      /* the document's root */
	size_t nnodes;                           /* nodes made so far */
	const char *text;                        /* the source, for indents */
	size_t len;                              /* its length */
	const char *file;                        /* display path */
	unsigned line_offset;                    /* added to every line */
};

void
ynode_free(struct ynode *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nitems; i++)
		ynode_free(n->items[i]);
	free(n->items);
	free(n->value);
	free(n);
}

int
ynode_is_null(const struct ynode *n)
{
	if (n == NULL)
		return 1;
	if (n->type != YNODE_SCALAR || n->style != YSTYLE_PLAIN)
		return 0;
	return n->len == 0 || strcmp(n->value, "~") == 0 ||
	    strcmp(n->value, "null") == 0 || strcmp(n->value, "Null") == 0 ||
	    strcmp(n->value, "NULL") == 0;
}

const char *
ynode_describe(const struct ynode *n)
{
	if (n == NULL || ynode_is_null(n))
		return "nothing";
	switch (n->type) {
	case YNODE_MAP:
		return "a map";
	case YNODE_SEQ:
		return "a list";
	case YNODE_SCALAR:
		break;
	}
	return n->style == YSTYLE_QUOTED ? "a quoted string" : "a scalar";
}

static struct pos
mark_pos(const struct ybuilder *b, yaml_mark_t m)
{
	struct pos p;

	p.file = b->file;
	p.line = (unsigned)m.line + 1 + b->line_offset;
	p.col = (unsigned)m.column + 1;
	return p;
}

/*
 * The column where a block scalar's text starts: the indentation of the
 * first non-blank line after the indicator.  libyaml does not report it,
 * and Markdown positions inside the block need it.
 */
static unsigned
block_indent(const struct ybuilder *b, size_t index)
{
	size_t i = index;
	unsigned indent;

	while (i < b->len && b->text[i] != '\n')
		i++;
	while (i < b->len) {
		i++; /* past the newline */
		indent = 0;
		while (i < b->len && b->text[i] == ' ') {
			i++;
			indent++;
		}
		if (i < b->len && b->text[i] != '\n' && b->text[i] != '\r')
			return indent + 1;
		while (i < b->len && b->text[i] != '\n')
			i++;
	}
	return 1;
}

/* Returns 0 after reporting a limit; the node is owned by the tree. */
static int
builder_add(struct ybuilder *b, struct ynode *n, struct diag_list *dl)
{
	struct ynode *parent;

	if (++b->nnodes > YDOC_MAX_NODES) {
		diag_error(dl, n->pos, "document has more than %d nodes",
		    YDOC_MAX_NODES);
		ynode_free(n);
		return 0;
	}
	if (b->depth == 0) {
		b->root = n;
		return 1;
	}
	parent = b->stack[b->depth - 1];
	parent->items = xreallocarray(parent->items, parent->nitems + 1,
	    sizeof(*parent->items));
	parent->items[parent->nitems++] = n;
	return 1;
}

static struct ynode *
ynode_new(enum ynode_type type, struct pos at)
{
	struct ynode *n = xcalloc(1, sizeof(*n));

	n->type = type;
	n->pos = at;
	return n;
}

int
ydoc_check_utf8(const char *text, size_t len, const char *file,
    unsigned line_offset, struct diag_list *dl)
{
	size_t bad, i;
	struct pos p;

	if (utf8_valid(text, len, &bad))
		return 1;
	p.file = file;
	p.line = 1 + line_offset;
	p.col = 1;
	for (i = 0; i < bad; i++) {
		if (text[i] == '\n') {
			p.line++;
			p.col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80)
			p.col++;
	}
	diag_error(dl, p, "invalid UTF-8 (byte 0x%02X); save the file as UTF-8",
	    (unsigned char)text[bad]);
	return 0;
}

static int
handle_event(struct ybuilder *b, yaml_event_t *ev, struct diag_list *dl)
{
	struct pos at = mark_pos(b, ev->start_mark);
	struct ynode *n;

	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		diag_error(dl, at, "YAML aliases (*%s) are not supported; "
		    "write the value out", (const char *)ev->data.alias.anchor);
		return 0;
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.tag != NULL && !ev->data.scalar.plain_implicit
		    && !ev->data.scalar.quoted_implicit) {
			diag_error(dl, at, "YAML tags (%s) are not supported",
			    (const char *)ev->data.scalar.tag);
			return 0;
		}
		n = ynode_new(YNODE_SCALAR, at);
		n->value = xstrndup((const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
		n->len = ev->data.scalar.length;
		switch (ev->data.scalar.style) {
		case YAML_SINGLE_QUOTED_SCALAR_STYLE:
		case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
			/* Positions inside the value count from its first
			 * character, not from the quote. */
			n->style = YSTYLE_QUOTED;
			n->pos.col++;
			break;
		case YAML_LITERAL_SCALAR_STYLE:
		case YAML_FOLDED_SCALAR_STYLE:
			n->style = YSTYLE_BLOCK;
			n->block_indent = block_indent(b,
			    ev->start_mark.index);
			break;
		default:
			n->style = YSTYLE_PLAIN;
			break;
		}
		return builder_add(b, n, dl);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (ev->type == YAML_MAPPING_START_EVENT ?
		    (ev->data.mapping_start.tag != NULL &&
		    !ev->data.mapping_start.implicit) :
		    (ev->data.sequence_start.tag != NULL &&
		    !ev->data.sequence_start.implicit)) {
			diag_error(dl, at, "YAML tags (%s) are not supported",
			    (const char *)(ev->type == YAML_MAPPING_START_EVENT ?
			    ev->data.mapping_start.tag :
			    ev->data.sequence_start.tag));
			return 0;
		}
		if (b->depth >= YDOC_MAX_DEPTH) {
			diag_error(dl, at, "nesting deeper than %d levels",
			    YDOC_MAX_DEPTH);
			return 0;
		}
		n = ynode_new(ev->type == YAML_MAPPING_START_EVENT ?
		    YNODE_MAP : YNODE_SEQ, at);
		if (!builder_add(b, n, dl))
			return 0;
		b->stack[b->depth++] = n;
		return 1;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		b->depth--;
		return 1;
	default:
		return 1;
	}
}

struct ynode *
ydoc_parse(const char *text, size_t len, const char *file,
    unsigned line_offset, struct diag_list *dl, int *empty)
{
	struct ybuilder b;
	yaml_parser_t parser;
	yaml_event_t ev;
	int ok = 1, done = 0, ndocs = 0;

	memset(&b, 0, sizeof(b));
	b.text = text;
	b.len = len;
	b.file = file;
	b.line_offset = line_offset;
	*empty = 0;
	if (!ydoc_check_utf8(text, len, file, line_offset, dl))
		return NULL;
	if (!yaml_parser_initialize(&parser))
		fatal_oom();
	yaml_parser_set_input_string(&parser, (const unsigned char *)text,
	    len);
	while (ok && !done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			struct pos at = mark_pos(&b, parser.problem_mark);

			diag_error(dl, at, "YAML syntax error: %s%s%s",
			    parser.problem ? parser.problem : "unknown",
			    parser.context ? " " : "",
			    parser.context ? parser.context : "");
			ok = 0;
			break;
		}
		if (ev.type == YAML_DOCUMENT_START_EVENT && ++ndocs > 1) {
			diag_error(dl, mark_pos(&b, ev.start_mark),
			    "only one YAML document is allowed in a file");
			ok = 0;
		} else if (ev.type == YAML_STREAM_END_EVENT)
			done = 1;
		else if (!handle_event(&b, &ev, dl))
			ok = 0;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (!ok) {
		ynode_free(b.root);
		return NULL;
	}
	if (b.root == NULL || ynode_is_null(b.root)) {
		ynode_free(b.root);
		*empty = 1;
		return NULL;
	}
	return b.root;
}
