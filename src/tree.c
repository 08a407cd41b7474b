/*
 * Reading inside a tree (tree.h).  The check is by resolved path: the
 * file's realpath must lie below the tree's.  Then it is opened without
 * blocking (a FIFO swapped in after the check cannot hang the read
 * either), must still be the regular file that was checked, and the
 * file opened must lie below the tree too (a link swapped in between).
 */
#include "tree.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* Returns non-zero when a is b or lies below it (both resolved). */
static int
under(const char *a, const char *b)
{
	size_t n = strlen(b);

	if (strcmp(b, "/") == 0)
		return 1;
	return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '/');
}

/*
 * Non-zero when the open file fd lies in root: its path as the kernel
 * knows it (/proc/self/fd), so that a link swapped in between a check by
 * name and the open cannot lead out of the tree.  Without /proc, the
 * check by name, which tree_read has made already, stands.
 */
static int
fd_inside(const char *root, int fd)
{
	char proc[64], *r, *p;
	int in;

	snprintf(proc, sizeof(proc), "/proc/self/fd/%d", fd);
	if ((p = realpath(proc, NULL)) == NULL)
		return access("/proc/self/fd", F_OK) != 0;
	r = realpath(root, NULL);
	in = r != NULL && under(p, r);
	free(r);
	free(p);
	return in;
}

int
tree_inside(const char *root, const char *path)
{
	char *r = realpath(root, NULL), *p = realpath(path, NULL);
	int in = r != NULL && p != NULL && under(p, r);

	free(r);
	free(p);
	return in;
}

static const char *
kind_of(mode_t m)
{
	if (S_ISDIR(m))
		return "a folder";
	if (S_ISFIFO(m))
		return "a FIFO (named pipe)";
	if (S_ISSOCK(m))
		return "a socket";
	if (S_ISCHR(m) || S_ISBLK(m))
		return "a device";
	return "not a regular file";
}

char *
tree_read(const char *root, const char *what, const char *path,
    size_t max, size_t *len, char **why)
{
	struct stat st, fst;
	struct buf b = { 0 };
	char chunk[65536];
	ssize_t n;
	int fd;

	*why = NULL;
	if (stat(path, &st) != 0) {
		*why = xasprintf("cannot read: %s", strerror(errno));
		return NULL;
	}
	if (!tree_inside(root, path)) {
		*why = xasprintf("is a symbolic link out of the %s folder (or "
		    "lies on one): kartta reads only files inside it", what);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = xasprintf("is %s: kartta reads only regular files",
		    kind_of(st.st_mode));
		return NULL;
	}
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY |
	    O_CLOEXEC)) < 0) {
		*why = xasprintf("cannot read: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &fst) != 0 || !S_ISREG(fst.st_mode) ||
	    fst.st_dev != st.st_dev || fst.st_ino != st.st_ino) {
		close(fd);
		*why = xasprintf("changed while it was read: read it again");
		return NULL;
	}
	if (!fd_inside(root, fd)) {
		close(fd);
		*why = xasprintf("is a symbolic link out of the %s folder (or "
		    "lies on one): kartta reads only files inside it", what);
		return NULL;
	}
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*why = xasprintf("cannot read: %s", strerror(errno));
			break;
		}
		if (b.len + (size_t)n > max) {
			*why = xasprintf("file is larger than %zu MiB",
			    max >> 20);
			break;
		}
		buf_append(&b, chunk, (size_t)n);
	}
	close(fd);
	if (*why != NULL) {
		buf_free(&b);
		return NULL;
	}
	*len = b.len;
	return buf_detach(&b);
}
