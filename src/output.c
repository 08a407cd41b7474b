/*
 * The output folder: claimed, locked, staged, swapped into place and
 * cleaned up after (output.h).  Every path here is made absolute and
 * link-free first, so that "out/", "./out" and a link to out are one
 * folder, and so that the checks against the content and theme folders
 * cannot be fooled by ".." or a link.
 */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "model.h"
#include "util.h"

/* What the marker file says; a marker is recognised by this start. */
static const char marker_text[] = "kartta output folder: kartta replaces "
    "this whole folder at every build; keep nothing of your own here.\n";
#define MARKER_SIGNATURE "kartta output folder"

struct output {
	char *shown;     /* owned; the folder as the user gave it */
	char *dir;       /* owned; absolute, link-free */
	char *parent;    /* owned; the folder dir is in */
	char *base;      /* owned; dir's last name */
	char *lock;      /* owned; the lock file beside dir */
	int lockfd;      /* the lock, held until output_release; or -1 */
	char *stage;     /* owned; the staging folder, NULL once committed */
};

/* Signals: the handler only records which one came (it is reset to the
 * default by SA_RESETHAND, so a second one stops kartta at once). */
static volatile sig_atomic_t caught;
static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction saved[ARRAY_LEN(stop_signals)];
static int handled[ARRAY_LEN(stop_signals)]; /* handler installed */

static void
on_signal(int sig)
{
	caught = sig;
}

/* A signal ignored when kartta started (nohup, a shell's background
 * job) stays ignored, as it would without the handler. */
static void
handlers_install(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < ARRAY_LEN(stop_signals); i++) {
		if (sigaction(stop_signals[i], NULL, &saved[i]) != 0 ||
		    saved[i].sa_handler == SIG_IGN)
			continue;
		handled[i] = sigaction(stop_signals[i], &sa, NULL) == 0;
	}
}

static void
handlers_restore(void)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(stop_signals); i++)
		if (handled[i]) {
			sigaction(stop_signals[i], &saved[i], NULL);
			handled[i] = 0;
		}
}

int
output_interrupted(void)
{
	return caught;
}

static struct pos
at(const char *path)
{
	struct pos p = { path, 0, 0 };

	return p;
}

/* Removing a tree: nftw gives its callback no argument, so the first
 * failure is kept here; the walk goes on to remove what it can. */
static int remove_errno;

/*
 * The marker at the top goes last, and only when everything else is
 * gone: a folder that could not be removed whole still says it is
 * kartta's, so that the next build tries again.
 */
static int
remove_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	if (ftw->level == 1 && strcmp(path + ftw->base, OUTPUT_MARKER) == 0)
		return 0;
	if (ftw->level == 0 && remove_errno == 0) {
		char *marker = path_join(path, OUTPUT_MARKER);

		unlink(marker);
		free(marker);
	}
	if (remove(path) != 0 && remove_errno == 0)
		remove_errno = errno;
	return 0;
}

/*
 * Removes path and everything below it, never following a link nor
 * crossing into another file system.  Returns 0, or -1 with errno.
 */
static int
remove_tree(const char *path)
{
	remove_errno = 0;
	if (nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS |
	    FTW_MOUNT) != 0 && remove_errno == 0)
		remove_errno = errno;
	if (remove_errno == 0 && access(path, F_OK) == 0)
		remove_errno = ENOTEMPTY;
	errno = remove_errno;
	return remove_errno ? -1 : 0;
}

/*
 * The absolute, link-free form of path, which need not exist, though
 * the folder it would be in must.  Trailing slashes do not count.
 * Returns a string the caller frees, or NULL with errno.
 */
static char *
resolve_path(const char *path)
{
	char *p = xstrdup(path), *r, *slash, *parent, *base;
	size_t len = strlen(p);

	while (len > 1 && p[len - 1] == '/')
		p[--len] = '\0';
	if ((r = realpath(p, NULL)) != NULL || errno != ENOENT) {
		free(p);
		return r;
	}
	slash = strrchr(p, '/');
	if (slash == NULL) {
		parent = xstrdup(".");
		base = p;
	} else {
		parent = slash == p ? xstrdup("/") : xstrndup(p,
		    (size_t)(slash - p));
		base = slash + 1;
	}
	if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
	    (r = realpath(parent, NULL)) == NULL) {
		free(parent);
		free(p);
		errno = ENOENT;
		return NULL;
	}
	free(parent);
	parent = r;
	r = path_join(parent, base);
	free(parent);
	free(p);
	return r;
}

/* Returns non-zero when a is b or lies below it (both resolved). */
static int
path_under(const char *a, const char *b)
{
	size_t n = strlen(b);

	if (strcmp(b, "/") == 0)
		return 1;
	return strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '/');
}

/*
 * Refuses dir (resolved) when it is, holds or lies inside one of the
 * trees.  Returns 0 when it is clear of them all.
 */
static int
check_trees(const char *dir, const char *shown, const char *noun,
    const struct output_tree *trees, size_t ntrees, struct diag_list *dl)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < ntrees && !bad; i++) {
		char *t = trees[i].path ? realpath(trees[i].path, NULL) : NULL;

		if (t == NULL)
			continue;
		if (strcmp(dir, t) == 0) {
			diag_error(dl, at(shown), "refused: the %s is the %s "
			    "folder %s itself; kartta replaces its %s whole, "
			    "so give another with -o (e.g. -o output)", noun,
			    trees[i].what, trees[i].path, noun);
			bad = 1;
		} else if (path_under(dir, t)) {
			diag_error(dl, at(shown), "refused: the %s is inside "
			    "the %s folder %s; kartta never writes into what "
			    "it reads, so give a folder outside it with -o",
			    noun, trees[i].what, trees[i].path);
			bad = 1;
		} else if (path_under(t, dir)) {
			diag_error(dl, at(shown), "refused: the %s would hold "
			    "the %s folder %s, and kartta replaces its %s "
			    "whole; give a folder of its own with -o (e.g. -o "
			    "output)", noun, trees[i].what, trees[i].path,
			    noun);
			bad = 1;
		}
		free(t);
	}
	return bad ? -1 : 0;
}

/* Returns non-zero when path is a regular file starting as a marker. */
static int
has_marker(const char *dir)
{
	char *path = path_join(dir, OUTPUT_MARKER);
	char head[sizeof(MARKER_SIGNATURE)];
	int fd, ok = 0;
	struct stat st;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	free(path);
	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    read(fd, head, sizeof(head) - 1) == (ssize_t)sizeof(head) - 1)
		ok = memcmp(head, MARKER_SIGNATURE, sizeof(head) - 1) == 0;
	close(fd);
	return ok;
}

/* The names an output of kartta before the marker held at its top (and
 * the build cache, which an output whose marker was lost still has). */
static int
legacy_name(const char *name)
{
	static const char *const names[] = { "index.html", "print.html",
		"accessibility.html", "print-book.css", "search-index.js",
		"theme", "assets", "index", "print", "audiences", "fi", "sv",
		"en", CACHE_DIR,
		NULL };
	size_t i;

	for (i = 0; names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	for (i = 0; kind_dirs[i]; i++)
		if (strcmp(name, kind_dirs[i]) == 0)
			return 1;
	return 0;
}

/*
 * Decides whether the existing folder dir may be replaced: it is empty,
 * has the marker, or is an output of an earlier kartta (an index.html,
 * a theme/ folder and nothing at its top that kartta does not write).
 * Returns 0, or -1 after reporting why not.
 */
static int
check_replaceable(const char *dir, const char *shown, struct diag_list *dl)
{
	DIR *d;
	struct dirent *ent;
	char *foreign = NULL, *p;
	int any = 0, legacy;
	struct stat st;

	if (has_marker(dir))
		return 0;
	if ((d = opendir(dir)) == NULL) {
		diag_error(dl, at(shown), "cannot read the output folder: %s",
		    strerror(errno));
		return -1;
	}
	while ((ent = readdir(d)) != NULL) {
		if (strcmp(ent->d_name, ".") == 0 ||
		    strcmp(ent->d_name, "..") == 0)
			continue;
		any = 1;
		/* The alphabetically first, so the message is the same on
		 * every file system. */
		if (!legacy_name(ent->d_name) && (foreign == NULL ||
		    strcmp(ent->d_name, foreign) < 0)) {
			free(foreign);
			foreign = xstrdup(ent->d_name);
		}
	}
	closedir(d);
	if (!any)
		return 0;
	p = path_join(dir, "index.html");
	legacy = lstat(p, &st) == 0 && S_ISREG(st.st_mode);
	free(p);
	p = path_join(dir, "theme");
	legacy = legacy && lstat(p, &st) == 0 && S_ISDIR(st.st_mode);
	free(p);
	if (legacy && foreign == NULL)
		return 0;
	if (foreign != NULL)
		diag_error(dl, at(shown), "refused: this folder holds \"%s\", "
		    "which kartta did not write, and no %s marker of an "
		    "earlier build; kartta replaces its output folder whole, "
		    "so give a new or empty folder with -o, or move the "
		    "folder away yourself first", foreign, OUTPUT_MARKER);
	else
		diag_error(dl, at(shown), "refused: this folder has no %s "
		    "marker of an earlier build and is not a handbook kartta "
		    "wrote; give a new or empty folder with -o, or move the "
		    "folder away yourself first", OUTPUT_MARKER);
	free(foreign);
	return -1;
}

/*
 * Takes the lock file beside the output, without waiting: a second
 * build into the same output fails at once.  The file is removed by
 * its holder; a build that locked a file just removed (its inode is no
 * longer the path's) tries again with the new one.
 */
static int
take_lock(struct output *o, struct diag_list *dl)
{
	int tries;

	o->lock = xasprintf("%s/.%s.kartta-lock", o->parent, o->base);
	for (tries = 0; tries < 16; tries++) {
		struct stat a, b;
		int fd = open(o->lock, O_RDWR | O_CREAT | O_NOFOLLOW |
		    O_CLOEXEC, 0644);

		if (fd < 0) {
			diag_error(dl, at(o->lock), "cannot create the lock "
			    "file of %s: %s", o->shown, strerror(errno));
			return -1;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			int e = errno;

			close(fd);
			if (e == EWOULDBLOCK)
				diag_error(dl, at(o->shown), "another kartta "
				    "build is writing this output now; try "
				    "again when it has finished");
			else
				diag_error(dl, at(o->lock), "cannot lock: %s",
				    strerror(e));
			return -1;
		}
		if (fstat(fd, &a) == 0 && stat(o->lock, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
			o->lockfd = fd;
			return 0;
		}
		close(fd);
	}
	diag_error(dl, at(o->shown), "cannot lock this output: other builds "
	    "keep taking it");
	return -1;
}

/* Removes the marker file of dir if it holds only a start of the
 * marker's text (a build killed as it wrote it), so that dir is empty
 * again if nothing else is in it. */
static void
unlink_partial_marker(const char *dir)
{
	char *path = path_join(dir, OUTPUT_MARKER);
	char head[sizeof(marker_text)];
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	ssize_t n;

	if (fd >= 0) {
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    (size_t)st.st_size < sizeof(marker_text) &&
		    (n = read(fd, head, sizeof(head))) >= 0 &&
		    n == st.st_size &&
		    memcmp(head, marker_text, (size_t)n) == 0)
			unlink(path);
		close(fd);
	}
	free(path);
}

/* Returns non-zero for "<base><tag>" and six more characters, the
 * names mkdtemp gives staging and old folders. */
static int
leftover_name(const char *name, const char *base, const char *tag)
{
	size_t lb = strlen(base), lt = strlen(tag);

	return strncmp(name, base, lb) == 0 &&
	    strncmp(name + lb, tag, lt) == 0 && strlen(name + lb + lt) == 6;
}

/*
 * Removes what earlier builds into this output left beside it when
 * they were killed: staging and old folders, each recognised by its
 * name and by the marker inside (or by being empty), so that nothing
 * else is touched.
 * Called with the lock held, so no running build owns them.
 */
static void
remove_leftovers(struct output *o, struct diag_list *dl)
{
	DIR *d = opendir(o->parent);
	struct dirent *ent;

	if (d == NULL)
		return;
	while ((ent = readdir(d)) != NULL) {
		char *path;
		struct stat st;

		if (!leftover_name(ent->d_name, o->base, ".staging-") &&
		    !leftover_name(ent->d_name, o->base, ".old-"))
			continue;
		path = path_join(o->parent, ent->d_name);
		/* Without the marker only if empty but for a part of it: a
		 * build killed between mkdtemp and the end of the marker's
		 * write leaves that, and rmdir cannot remove anything
		 * else. */
		if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode))
			;
		else if (!has_marker(path)) {
			unlink_partial_marker(path);
			rmdir(path);
		}
		else if (remove_tree(path) != 0)
			diag_warning(dl, at(path), "cannot remove this "
			    "folder an earlier build left: %s; remove it "
			    "yourself", strerror(errno));
		free(path);
	}
	closedir(d);
}

/* Writes the marker into folder dir.  Returns 0, or -1 with errno. */
static int
write_marker(const char *dir)
{
	char *path = path_join(dir, OUTPUT_MARKER);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
	    O_CLOEXEC, 0644);
	ssize_t n = -1;
	int e;

	free(path);
	if (fd < 0)
		return -1;
	n = write(fd, marker_text, sizeof(marker_text) - 1);
	e = errno;
	if (close(fd) != 0 || n != (ssize_t)sizeof(marker_text) - 1) {
		errno = n < 0 ? e : EIO;
		return -1;
	}
	return 0;
}

static void
output_free(struct output *o)
{
	if (o == NULL)
		return;
	free(o->shown);
	free(o->dir);
	free(o->parent);
	free(o->base);
	free(o->lock);
	free(o->stage);
	free(o);
}

int
output_claim(const char *out_dir, const struct output_tree *trees,
    size_t ntrees, struct diag_list *dl, struct output **op)
{
	struct output *o = xcalloc(1, sizeof(*o));
	struct stat st;
	char *slash;

	*op = NULL;
	o->lockfd = -1;
	o->shown = xstrdup(out_dir);
	if ((o->dir = resolve_path(out_dir)) == NULL) {
		diag_error(dl, at(out_dir), "cannot create the output folder "
		    "here: %s", strerror(errno));
		output_free(o);
		return KARTTA_EXIT_SYSTEM;
	}
	if (check_trees(o->dir, out_dir, "output folder", trees, ntrees,
	    dl) != 0) {
		output_free(o);
		return KARTTA_EXIT_USAGE;
	}
	slash = strrchr(o->dir, '/');
	o->parent = slash == o->dir ? xstrdup("/") : xstrndup(o->dir,
	    (size_t)(slash - o->dir));
	o->base = xstrdup(slash + 1);
	if (take_lock(o, dl) != 0) {
		output_free(o);
		return KARTTA_EXIT_SYSTEM;
	}
	if (lstat(o->dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			diag_error(dl, at(out_dir), "refused: this is a file, "
			    "not a folder; kartta writes a whole folder here, "
			    "so give another with -o");
			output_release(o);
			return KARTTA_EXIT_USAGE;
		}
		if (check_replaceable(o->dir, out_dir, dl) != 0) {
			output_release(o);
			return KARTTA_EXIT_USAGE;
		}
	}
	remove_leftovers(o, dl);
	/* From here on a signal only asks the build to stop, so that the
	 * staging folder is removed. */
	handlers_install();
	o->stage = xasprintf("%s.staging-XXXXXX", o->dir);
	if (mkdtemp(o->stage) == NULL) {
		diag_error(dl, at(out_dir), "cannot create the staging folder "
		    "beside it: %s", strerror(errno));
		free(o->stage);
		o->stage = NULL;
		output_release(o);
		return KARTTA_EXIT_SYSTEM;
	}
	if (chmod(o->stage, 0755) != 0 || write_marker(o->stage) != 0) {
		diag_error(dl, at(o->stage), "cannot write the staging "
		    "folder: %s", strerror(errno));
		output_release(o);
		return KARTTA_EXIT_SYSTEM;
	}
	*op = o;
	return KARTTA_EXIT_OK;
}

const char *
output_stage(const struct output *o)
{
	return o->stage;
}

const char *
output_previous(const struct output *o)
{
	struct stat st;

	return lstat(o->dir, &st) == 0 && S_ISDIR(st.st_mode) ? o->dir :
	    NULL;
}

int
output_commit(struct output *o, struct diag_list *dl)
{
	struct stat st;
	char *old = NULL;

	if (lstat(o->dir, &st) == 0) {
		old = xasprintf("%s.old-XXXXXX", o->dir);
		if (mkdtemp(old) == NULL || rename(o->dir, old) != 0) {
			diag_error(dl, at(o->shown), "cannot move the old "
			    "output aside: %s", strerror(errno));
			rmdir(old);
			free(old);
			return KARTTA_EXIT_SYSTEM;
		}
	}
	if (rename(o->stage, o->dir) != 0) {
		diag_error(dl, at(o->shown), "cannot move the new output into "
		    "place: %s", strerror(errno));
		if (old != NULL && rename(old, o->dir) != 0)
			diag_error(dl, at(old), "the old output is here: %s",
			    strerror(errno));
		free(old);
		return KARTTA_EXIT_SYSTEM;
	}
	free(o->stage);
	o->stage = NULL;
	if (old != NULL && remove_tree(old) != 0)
		diag_warning(dl, at(old), "the old output could not be "
		    "removed entirely (%s); the next build tries again, or "
		    "remove it yourself", strerror(errno));
	free(old);
	return KARTTA_EXIT_OK;
}

void
output_release(struct output *o)
{
	int sig;

	if (o == NULL)
		return;
	if (o->stage != NULL)
		remove_tree(o->stage);
	if (o->lockfd >= 0) {
		/* Removed while held: see take_lock. */
		unlink(o->lock);
		close(o->lockfd);
	}
	output_free(o);
	handlers_restore();
	if ((sig = caught) != 0) {
		fputs("kartta: interrupted; the output was left as it was\n",
		    stderr);
		raise(sig);
	}
}

int
output_check_file(const char *file, const struct output_tree *trees,
    size_t ntrees, struct diag_list *dl)
{
	struct stat st;
	char *real;
	int rc = KARTTA_EXIT_OK;

	if (strcmp(file, "-") == 0)
		return KARTTA_EXIT_OK;
	if (lstat(file, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_error(dl, at(file), "refused: this is %s; kartta replaces "
		    "only a regular file it can write anew, so give a file "
		    "name with -o", S_ISDIR(st.st_mode) ? "a folder" :
		    S_ISLNK(st.st_mode) ? "a symbolic link" :
		    "not a regular file");
		return KARTTA_EXIT_USAGE;
	}
	/* A folder that does not exist is the writer's error to report. */
	if ((real = resolve_path(file)) == NULL)
		return KARTTA_EXIT_OK;
	if (check_trees(real, file, "output file", trees, ntrees, dl) != 0)
		rc = KARTTA_EXIT_USAGE;
	free(real);
	return rc;
}
