/*
 * Worker processes for independent pieces of work (jobs.h).
 */
#include "jobs.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define JOBS_MAX 8

unsigned
jobs_default(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		return 1;
	return n > JOBS_MAX ? JOBS_MAX : (unsigned)n;
}

/* Writes all of data to fd; 0 or -1. */
static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

/*
 * Reads fd to its end into out; 0 or -1.  Only a signal this process
 * handles interrupts the read, and the build's handlers (output.h) mean
 * "stop": then stop is set, so that the workers start no more pieces.
 */
static int
read_all(int fd, struct buf *out, atomic_int *stop)
{
	char chunk[65536];

	for (;;) {
		ssize_t r = read(fd, chunk, sizeof(chunk));

		if (r < 0 && errno == EINTR) {
			atomic_store(stop, 1);
			continue;
		}
		if (r < 0)
			return -1;
		if (r == 0)
			return 0;
		buf_append(out, chunk, (size_t)r);
	}
}

/*
 * A worker: takes pieces from next until none is left or one stops,
 * sends its diagnostics to fd and ends without running exit handlers
 * (they belong to the parent: its leak checks, its Graphviz context).
 * A worker whose parent died (SIGKILL) stops too: nobody would swap in
 * or remove what it writes, and it would hold the output's lock.
 */
static void
worker(atomic_size_t *next, atomic_int *stop, size_t n, jobs_fn fn,
    void *arg, int fd, pid_t parent)
{
	struct diag_list *dl = diag_list_new();
	struct buf out = { 0 };
	int failed = 0;

	while (!atomic_load(stop)) {
		size_t i;

		if (getppid() != parent) {
			failed = 1;
			break;
		}
		if ((i = atomic_fetch_add(next, 1)) >= n)
			break;
		if (fn(arg, i, dl) != 0) {
			failed = 1;
			atomic_store(stop, 1);
			break;
		}
	}
	diag_write(dl, &out);
	if (write_all(fd, out.data ? out.data : "", out.len) != 0)
		failed = 1;
	close(fd);
	_exit(failed ? 1 : 0);
}

int
jobs_run(size_t n, unsigned workers, jobs_fn fn, void *arg,
    struct diag_list *dl)
{
	struct shared {
		atomic_size_t next;
		atomic_int stop;
	} *sh;
	pid_t pid[JOBS_MAX], self = getpid();
	int fd[JOBS_MAX];
	unsigned w, started = 0;
	size_t i;
	int rc = 0;

	if (workers > JOBS_MAX)
		workers = JOBS_MAX;
	if (workers > n)
		workers = (unsigned)n;
	sh = workers > 1 ? mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0) : MAP_FAILED;
	if (sh == MAP_FAILED) {
		for (i = 0; i < n; i++)
			if (fn(arg, i, dl) != 0)
				return -1;
		return 0;
	}
	atomic_init(&sh->next, 0);
	atomic_init(&sh->stop, 0);
	/* Nothing buffered may be written twice, by parent and child. */
	fflush(stdout);
	fflush(stderr);
	for (w = 0; w < workers; w++) {
		int p[2];

		if (pipe(p) != 0)
			break;
		if ((pid[w] = fork()) < 0) {
			close(p[0]);
			close(p[1]);
			break;
		}
		if (pid[w] == 0) {
			unsigned k;

			close(p[0]);
			for (k = 0; k < w; k++)
				close(fd[k]);
			worker(&sh->next, &sh->stop, n, fn, arg, p[1], self);
		}
		close(p[1]);
		fd[w] = p[0];
		started++;
	}
	/* Whatever no worker could be started for runs here, in order. */
	if (started == 0) {
		munmap(sh, sizeof(*sh));
		for (i = 0; i < n; i++)
			if (fn(arg, i, dl) != 0)
				return -1;
		return 0;
	}
	/* Each worker's report, in worker order: a pipe is read to its end
	 * while the others may still write into theirs. */
	for (w = 0; w < started; w++) {
		struct buf in = { 0 };
		int status;

		if (read_all(fd[w], &in, &sh->stop) != 0 ||
		    diag_read(dl, in.data, in.len) != 0) {
			struct pos at = { NULL, 0, 0 };

			diag_error(dl, at, "worker %u sent no report", w + 1);
			rc = -1;
		}
		buf_free(&in);
		close(fd[w]);
		while (waitpid(pid[w], &status, 0) < 0 && errno == EINTR)
			;
		if (WIFSIGNALED(status)) {
			struct pos at = { NULL, 0, 0 };

			diag_error(dl, at, "worker %u was killed by signal %d",
			    w + 1, WTERMSIG(status));
			rc = -1;
		} else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			rc = -1;
	}
	munmap(sh, sizeof(*sh));
	return rc;
}
