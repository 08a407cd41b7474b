/*
 * YAML documents as a small tree that keeps the source position of every
 * node.  This module alone talks to libyaml.  Hostile input is bounded:
 * aliases are refused (no "billion laughs"), nesting is limited, and so
 * are the number of nodes; each limit ends in a diagnostic.
 */
#ifndef KARTTA_YDOC_H
#define KARTTA_YDOC_H

#include <stddef.h>

#include "diag.h"

#define YDOC_MAX_DEPTH 64       /* nesting of maps and sequences */
#define YDOC_MAX_NODES 1000000  /* nodes in one document */

enum ynode_type {
	YNODE_SCALAR,
	YNODE_MAP,
	YNODE_SEQ,
};

enum yscalar_style {
	YSTYLE_PLAIN,
	YSTYLE_QUOTED,  /* single or double quoted */
	YSTYLE_BLOCK,   /* literal | or folded > */
};

struct ynode {
	enum ynode_type type;     /* scalar, map or sequence */
	struct pos pos;           /* where the node starts */
	char *value;              /* scalar text, owned; NULL otherwise */
	size_t len;               /* scalar length in bytes */
	enum yscalar_style style; /* how the scalar was written */
	unsigned block_indent;    /* block scalar: column of its text */
	char *comment;            /* an empty map value: "#word" written
	                           * right after the key's colon, which YAML
	                           * reads as a comment; owned, or NULL */
	struct pos comment_pos;   /* where that comment starts */
	struct ynode **items;     /* owned; maps alternate key, value */
	size_t nitems;            /* number of entries in items */
};

/*
 * Parses text (len bytes, need not be NUL-terminated) as one YAML
 * document.  Positions are reported as file:line:col with line_offset
 * added to every line (for front matter inside a Markdown file).
 * Returns the root node (caller frees with ynode_free), or NULL after
 * reporting the problem to dl.  An empty document yields NULL without
 * a diagnostic and *empty set to 1.
 */
struct ynode *ydoc_parse(const char *text, size_t len, const char *file,
    unsigned line_offset, struct diag_list *dl, int *empty);
void ynode_free(struct ynode *n);

/* Reports invalid UTF-8 at its line and column (lines counted from
 * line_offset + 1); returns 0 if there was any. */
int ydoc_check_utf8(const char *text, size_t len, const char *file,
    unsigned line_offset, struct diag_list *dl);

/* Non-zero if the scalar is YAML's null: empty, "~" or "null" (plain). */
int ynode_is_null(const struct ynode *n);
/* Short English name of what the node is, for messages: "a map"… */
const char *ynode_describe(const struct ynode *n);

#endif
