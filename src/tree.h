/*
 * Reading inside a tree: the content folder or the theme.  A file is
 * read only if the path, every symbolic link on it resolved, stays
 * inside the tree, and only if it is a regular file: a FIFO, device or
 * socket is refused before it is opened, so that nothing hangs and
 * nothing from outside the tree is ever read or published.  Links that
 * stay inside the tree are followed.
 */
#ifndef KARTTA_TREE_H
#define KARTTA_TREE_H

#include <stddef.h>

/*
 * Returns non-zero when path, links resolved, is root or lies below it
 * (root resolved as well).  A path that does not exist is not inside.
 */
int tree_inside(const char *root, const char *path);

/*
 * Reads the regular file path inside the tree root into a
 * NUL-terminated buffer the caller frees, with *len its size; what names
 * the tree in messages ("content", "theme").  Files larger than max are
 * refused.  On failure returns NULL and sets *why to the message to
 * report at the file ("cannot read: …", "is a symbolic link out of the
 * content folder…"), which the caller frees.
 */
char *tree_read(const char *root, const char *what, const char *path,
    size_t max, size_t *len, char **why);

#endif
