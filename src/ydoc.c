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
	size_t cur_char;                         /* a character index … */
	size_t cur_byte;                         /* … and its byte offset */
	size_t key_end;                          /* char index after the
	                                          * last map key, or 0 */
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
	free(n->comment);
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
 * The byte offset of character index ci (libyaml's marks count
 * characters, not bytes).  Marks come in document order, so a cursor
 * makes the walk linear over a whole file; an earlier index restarts it.
 * A leading byte order mark is not counted by libyaml.
 */
static size_t
char_offset(struct ybuilder *b, size_t ci)
{
	if (ci < b->cur_char || b->cur_byte == 0) {
		b->cur_char = 0;
		b->cur_byte = b->len >= 3 &&
		    memcmp(b->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	}
	while (b->cur_char < ci && b->cur_byte < b->len) {
		b->cur_byte++;
		while (b->cur_byte < b->len &&
		    ((unsigned char)b->text[b->cur_byte] & 0xC0) == 0x80)
			b->cur_byte++;
		b->cur_char++;
	}
	return b->cur_byte;
}

/*
 * The column where a block scalar's text starts: the indentation of the
 * first non-blank line after the indicator.  libyaml does not report it,
 * and Markdown positions inside the block need it.  index is libyaml's
 * character index of the indicator.
 */
static unsigned
block_indent(struct ybuilder *b, size_t index)
{
	size_t i = char_offset(b, index);
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
	/*
	 * Room doubles at each power of two (no capacity is kept: it is
	 * the next power of two, at least 4).  Growing by one copied the
	 * whole array each time under allocators that cannot grow in
	 * place (ASan's), quadratic in a map of 300,000 keys.
	 */
	if (parent->nitems == 0 || (parent->nitems >= 4 &&
	    (parent->nitems & (parent->nitems - 1)) == 0))
		parent->items = xreallocarray(parent->items,
		    parent->nitems ? parent->nitems * 2 : 4,
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

/* The position of byte offset off (lines counted from line_offset + 1). */
static struct pos
byte_pos(const struct ybuilder *b, size_t off)
{
	struct pos p;
	size_t i;

	p.file = b->file;
	p.line = 1 + b->line_offset;
	p.col = 1;
	for (i = 0; i < off && i < b->len; i++) {
		if (b->text[i] == '\n') {
			p.line++;
			p.col = 1;
		} else if (((unsigned char)b->text[i] & 0xC0) != 0x80)
			p.col++;
	}
	return p;
}

/* Bounds of the line holding byte off: [*start, *end). */
static void
line_bounds(const struct ybuilder *b, size_t off, size_t *start, size_t *end)
{
	size_t i = off < b->len ? off : b->len;

	while (i > 0 && b->text[i - 1] != '\n')
		i--;
	*start = i;
	for (i = off; i < b->len && b->text[i] != '\n'; i++)
		;
	*end = i;
}

/* Byte offset of the first tab in the leading white space of the line
 * [start, end), or (size_t)-1. */
static size_t
leading_tab(const struct ybuilder *b, size_t start, size_t end)
{
	size_t i;

	for (i = start; i < end && (b->text[i] == ' ' || b->text[i] == '\t');
	    i++)
		if (b->text[i] == '\t')
			return i;
	return (size_t)-1;
}

/* Non-zero if [start, end) holds ": " (or ":" at its end) before off,
 * outside quotes: a key was already written on that line. */
static int
key_before(const struct ybuilder *b, size_t start, size_t off)
{
	size_t i;
	char quote = 0;

	for (i = start; i < off && i < b->len; i++) {
		char c = b->text[i];

		if (quote) {
			if (c == quote)
				quote = 0;
		} else if ((c == '"' || c == '\'') && (i == start ||
		    b->text[i - 1] == ' '))
			quote = c;
		else if (c == ':' && i + 1 < b->len && (b->text[i + 1] == ' ' ||
		    b->text[i + 1] == '\t'))
			return 1;
	}
	return 0;
}

/* Where the text of the line [start, end) begins. */
static struct pos
line_start_pos(const struct ybuilder *b, size_t start, size_t end)
{
	while (start < end && b->text[start] == ' ')
		start++;
	return byte_pos(b, start);
}

static const char indent_hint[] = "the indentation of this line does not "
    "match the lines above: the keys of one map start in the same column, "
    "and so do the \"-\" of one list's entries (indent with spaces)";

/*
 * Reports a libyaml error in plain words, with the fix, for the slips
 * content editors make (a tab, ": " in an unquoted value, a wrong
 * indent, an unclosed quote or list); anything else keeps libyaml's
 * wording.  One diagnostic, at the place the fix is needed.
 */
static void
report_syntax_error(struct ybuilder *b, const yaml_parser_t *parser,
    struct diag_list *dl)
{
	const char *problem = parser->problem ? parser->problem : "unknown";
	const char *context = parser->context ? parser->context : "";
	struct pos at;
	size_t off, ls, le, tab;

	if (parser->error == YAML_READER_ERROR) {
		/* libyaml gives no mark here, only a byte offset. */
		at = byte_pos(b, parser->problem_offset);
		if (parser->problem_value >= 0 && parser->problem_value < 0x20)
			diag_error(dl, at, "a control character (byte 0x%02X) "
			    "is not allowed in YAML; remove it",
			    (unsigned)parser->problem_value);
		else
			diag_error(dl, at, "YAML syntax error: %s", problem);
		return;
	}
	at = mark_pos(b, parser->problem_mark);
	off = char_offset(b, parser->problem_mark.index);
	line_bounds(b, off, &ls, &le);
	if ((tab = leading_tab(b, ls, le)) != (size_t)-1 ||
	    (off < b->len && b->text[off] == '\t')) {
		if (tab == (size_t)-1)
			tab = off;
		diag_error(dl, byte_pos(b, tab), "a tab is used to indent this "
		    "line: YAML indents with spaces only (replace the tab with "
		    "spaces)");
		return;
	}
	if (strcmp(problem, "mapping values are not allowed in this context")
	    == 0) {
		if (key_before(b, ls, off)) {
			size_t k = ls, ke;

			while (k < le && (b->text[k] == ' ' || b->text[k] == '-'))
				k++;
			for (ke = k; ke < off && b->text[ke] != ':'; ke++)
				;
			diag_error(dl, at, "\": \" inside the unquoted value of "
			    "\"%.*s\" would start a new key: put the whole value "
			    "in quotes (%.*s: \"…\")", (int)(ke - k),
			    b->text + k, (int)(ke - k), b->text + k);
		}
		else
			diag_error(dl, line_start_pos(b, ls, le), "%s",
			    indent_hint);
		return;
	}
	if (strncmp(problem, "did not find expected key", 25) == 0 ||
	    strncmp(problem, "did not find expected '-'", 25) == 0) {
		size_t q = off;

		while (q > ls && b->text[q - 1] == ' ')
			q--;
		if (q > ls && (b->text[q - 1] == '"' || b->text[q - 1] == '\''))
			diag_error(dl, at, "text after the closing quote: put "
			    "the whole value in quotes, or remove what follows "
			    "the quote");
		else
			diag_error(dl, line_start_pos(b, ls, le), "%s",
			    indent_hint);
		return;
	}
	if (strcmp(context, "while scanning a quoted scalar") == 0 &&
	    strstr(problem, "end of stream") != NULL) {
		diag_error(dl, mark_pos(b, parser->context_mark), "this quoted "
		    "value has no closing quote: add it where the value ends");
		return;
	}
	if (strcmp(context, "while scanning a quoted scalar") == 0 &&
	    strstr(problem, "unknown escape") != NULL) {
		diag_error(dl, at, "unknown escape with \"\\\" in a "
		    "double-quoted value: write \"\\\\\" for a backslash, or "
		    "put the value in single quotes");
		return;
	}
	if (strncmp(problem, "did not find expected ','", 25) == 0) {
		struct pos start = mark_pos(b, parser->context_mark);

		diag_error(dl, at, "a %s written with %s at line %u, column %u "
		    "is not closed: a \"%s\" is missing, or a \",\" between "
		    "its entries", strstr(context, "mapping") ? "map" : "list",
		    strstr(context, "mapping") ? "{" : "[", start.line,
		    start.col, strstr(context, "mapping") ? "}" : "]");
		return;
	}
	if (strstr(problem, "cannot start any token") != NULL &&
	    off < b->len && (b->text[off] == '@' || b->text[off] == '`')) {
		diag_error(dl, at, "a value cannot start with \"%c\": put the "
		    "whole value in quotes", b->text[off]);
		return;
	}
	diag_error(dl, at, "YAML syntax error: %s%s%s", problem,
	    context[0] ? " " : "", context);
}

/*
 * An empty map value whose line goes on with a comment that starts
 * right after "#" ("colour: #ff8800"): YAML reads it as a comment, but
 * the writer most likely meant a value.  Keeps the word on n for the
 * decoder to tell about.  key_end is the character index after the key.
 */
static void
note_comment_value(struct ybuilder *b, struct ynode *n, size_t key_end)
{
	size_t i = char_offset(b, key_end), start;

	while (i < b->len && (b->text[i] == ' ' || b->text[i] == '\t'))
		i++;
	if (i >= b->len || b->text[i] != ':')
		return;
	i++;
	if (i >= b->len || (b->text[i] != ' ' && b->text[i] != '\t'))
		return;
	while (i < b->len && (b->text[i] == ' ' || b->text[i] == '\t'))
		i++;
	if (i + 1 >= b->len || b->text[i] != '#' || b->text[i + 1] == ' ' ||
	    b->text[i + 1] == '\t' || b->text[i + 1] == '\n' ||
	    b->text[i + 1] == '\r' || b->text[i + 1] == '#')
		return;
	start = i;
	while (i < b->len && b->text[i] != '\n' && b->text[i] != '\r')
		i++;
	while (i > start && (b->text[i - 1] == ' ' || b->text[i - 1] == '\t'))
		i--;
	n->comment = xstrndup(b->text + start, i - start);
	n->comment_pos = byte_pos(b, start);
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
		if (b->depth > 0 && b->stack[b->depth - 1]->type == YNODE_MAP) {
			if (b->stack[b->depth - 1]->nitems % 2 == 0)
				b->key_end = ev->end_mark.index;
			else if (n->len == 0 && n->style == YSTYLE_PLAIN)
				note_comment_value(b, n, b->key_end);
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
			report_syntax_error(&b, &parser, dl);
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
