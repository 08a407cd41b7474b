#include "serve.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "util.h"

/* A change is built once nothing more has changed for this long, so that
 * an editor's save (write, rename, chmod) or a checkout is one rebuild. */
#define SERVE_QUIET_MS 150

/* The address of kartta's own answers; no output file can live there, as
 * no id, theme file or asset folder starts with an underscore. */
#define SERVE_PREFIX "/__kartta/"

/* What the server thread reads and the watching thread writes. */
struct state {
	pthread_mutex_t lock; /* guards the two fields below */
	unsigned version;     /* counts builds, good or failed */
	char *failure;        /* owned; the diagnostics of the last build
	                       * when it failed, else NULL */
	const char *site;     /* the output folder served; fixed */
};

static const char reload_js[] =
    "/* kartta serve: reloads the page when the site was built again.\n"
    " * Added by the preview server only; never part of a built site. */\n"
    "(function () {\n"
    "\tvar s = document.currentScript;\n"
    "\tvar v = s ? s.getAttribute('data-version') : null;\n"
    "\tfunction poll() {\n"
    "\t\tfetch('" SERVE_PREFIX "version', { cache: 'no-store' })\n"
    "\t\t\t.then(function (r) { return r.text(); })\n"
    "\t\t\t.then(function (t) {\n"
    "\t\t\t\tif (t.trim() !== v)\n"
    "\t\t\t\t\tlocation.reload();\n"
    "\t\t\t\telse\n"
    "\t\t\t\t\tsetTimeout(poll, 1000);\n"
    "\t\t\t}, function () { setTimeout(poll, 2000); });\n"
    "\t}\n"
    "\tsetTimeout(poll, 1000);\n"
    "})();\n";

/* ---- Files below the output ---- */

static int
name_refused(const char *name, size_t len)
{
	/* ".", ".." and hidden files: the marker, staging folders. */
	return len > 0 && name[0] == '.';
}

int
serve_open(const char *root, const char *url, struct stat *st)
{
	char *path, *p, *slash;
	int dfd, fd = -1, err = 0;

	if (url[0] != '/') {
		errno = EACCES;
		return -1;
	}
	path = url[strlen(url) - 1] == '/' ?
	    xasprintf("%sindex.html", url + 1) : xstrdup(url + 1);
	if ((dfd = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) < 0) {
		free(path);
		return -1;
	}
	for (p = path; err == 0; p = slash + 1) {
		size_t len;
		int next;

		slash = strchr(p, '/');
		len = slash ? (size_t)(slash - p) : strlen(p);
		if (name_refused(p, len)) {
			err = EACCES;
			break;
		}
		if (slash == NULL)
			break;
		*slash = '\0';
		if (len == 0)
			continue; /* "a//b" */
		next = openat(dfd, p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		if (next < 0)
			err = errno == ELOOP || errno == ENOTDIR ?
			    (errno == ELOOP ? EACCES : ENOENT) : errno;
		close(dfd);
		dfd = next;
	}
	if (err == 0 && *p == '\0')
		err = ENOENT;
	if (err == 0) {
		/* O_NONBLOCK: a FIFO must not hang the server. */
		fd = openat(dfd, p, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC);
		if (fd < 0)
			err = errno == ELOOP ? EACCES : errno;
		else if (fstat(fd, st) != 0)
			err = errno;
		else if (S_ISDIR(st->st_mode))
			err = EISDIR;
		else if (!S_ISREG(st->st_mode))
			err = EACCES;
	}
	if (dfd >= 0)
		close(dfd);
	free(path);
	if (err != 0) {
		if (fd >= 0)
			close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

static const char *
content_type(const char *url)
{
	static const char *const types[][2] = {
		{ ".html", "text/html; charset=utf-8" },
		{ ".css", "text/css; charset=utf-8" },
		{ ".js", "text/javascript; charset=utf-8" },
		{ ".json", "application/json" },
		{ ".svg", "image/svg+xml" },
		{ ".png", "image/png" },
		{ ".jpg", "image/jpeg" },
		{ ".jpeg", "image/jpeg" },
		{ ".gif", "image/gif" },
		{ ".webp", "image/webp" },
		{ ".ico", "image/x-icon" },
		{ ".pdf", "application/pdf" },
		{ ".woff2", "font/woff2" },
		{ ".woff", "font/woff" },
		{ ".txt", "text/plain; charset=utf-8" },
		{ ".xml", "application/xml" },
		{ ".csv", "text/csv; charset=utf-8" },
	};
	size_t n = strlen(url), i;

	if (n > 0 && url[n - 1] == '/')
		return types[0][1];
	for (i = 0; i < ARRAY_LEN(types); i++) {
		size_t m = strlen(types[i][0]);

		if (n > m && strcmp(url + n - m, types[i][0]) == 0)
			return types[i][1];
	}
	return "application/octet-stream";
}

/* ---- Pages as served: the script, and the banner of a failure ---- */

static void
html_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '<')
			buf_puts(b, "&lt;");
		else if (*s == '>')
			buf_puts(b, "&gt;");
		else if (*s == '&')
			buf_puts(b, "&amp;");
		else
			buf_putc(b, *s);
	}
}

static void
banner(struct buf *b, const char *failure)
{
	buf_puts(b, "<div id=\"kartta-serve-failure\" role=\"alert\" "
	    "style=\"position:relative;z-index:1000;margin:0;padding:1rem;"
	    "background:#fff3f3;color:#5c0000;border-bottom:4px solid "
	    "#b00020;font:1rem/1.4 sans-serif\"><p style=\"margin:0 0 "
	    ".5rem\"><strong>kartta serve: the last build failed.</strong> "
	    "This is the last good version of the page; it reloads when "
	    "the content is fixed.</p><pre style=\"margin:0;white-space:"
	    "pre-wrap;font:.9rem/1.4 monospace\">");
	html_escape(b, failure);
	buf_puts(b, "</pre></div>");
}

/*
 * The page in data (len bytes) as served: the reloading script before
 * </head> and, after a failed build, the banner after <body…>.  Returns
 * a malloc'd copy, its length in *outlen.
 */
static char *
inject(const char *data, size_t len, unsigned version, const char *failure,
    size_t *outlen)
{
	struct buf b = { 0 };
	const char *head = NULL, *body = NULL, *p;
	size_t at = 0;

	for (p = data; p + 7 <= data + len && head == NULL; p++)
		if (memcmp(p, "</head>", 7) == 0)
			head = p;
	for (p = head ? head : data; p + 5 <= data + len && body == NULL; p++)
		if (memcmp(p, "<body", 5) == 0 && (p[5] == '>' ||
		    p[5] == ' ' || p[5] == '\n'))
			body = memchr(p, '>', (size_t)(data + len - p));
	if (head != NULL) {
		buf_append(&b, data, (size_t)(head - data));
		at = (size_t)(head - data);
	}
	buf_printf(&b, "<script src=\"" SERVE_PREFIX "reload.js\" "
	    "data-version=\"%u\" defer=\"defer\"></script>", version);
	if (failure != NULL && body != NULL) {
		buf_append(&b, data + at, (size_t)(body + 1 - data) - at);
		at = (size_t)(body + 1 - data);
		banner(&b, failure);
	}
	buf_append(&b, data + at, len - at);
	*outlen = b.len;
	return buf_detach(&b);
}

/* The page shown when no build has succeeded yet. */
static char *
failure_page(unsigned version, const char *failure, size_t *len)
{
	struct buf b = { 0 };
	char *page;

	buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
	    "charset=\"utf-8\"><title>kartta serve: the build failed"
	    "</title></head><body>");
	buf_puts(&b, "<main><p>No build has succeeded yet.</p></main>"
	    "</body></html>\n");
	page = inject(b.data, b.len, version, failure ? failure :
	    "(no build yet)", len);
	buf_free(&b);
	return page;
}

/* ---- The HTTP side ---- */

static enum MHD_Result
respond(struct MHD_Connection *c, unsigned status, char *data, size_t len,
    const char *type)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, data,
	    MHD_RESPMEM_MUST_FREE);
	enum MHD_Result ret;

	if (r == NULL) {
		free(data);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
respond_text(struct MHD_Connection *c, unsigned status, const char *text)
{
	return respond(c, status, xstrdup(text), strlen(text),
	    "text/plain; charset=utf-8");
}

static enum MHD_Result
redirect(struct MHD_Connection *c, const char *url)
{
	char *to = xasprintf("%s/", url);
	struct MHD_Response *r = MHD_create_response_from_buffer(0, NULL,
	    MHD_RESPMEM_PERSISTENT);
	enum MHD_Result ret;

	MHD_add_response_header(r, "Location", to);
	ret = MHD_queue_response(c, MHD_HTTP_MOVED_PERMANENTLY, r);
	MHD_destroy_response(r);
	free(to);
	return ret;
}

static char *
read_fd(int fd, size_t size, size_t *len)
{
	char *data = xmalloc(size + 1);
	size_t got = 0;
	ssize_t n;

	while (got < size && (n = read(fd, data + got, size - got)) > 0)
		got += (size_t)n;
	*len = got;
	return data;
}

static int
hex_value(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/*
 * Decodes %XX in the path and arguments in place, as libmicrohttpd
 * does, except %00: MHD's own decoding would end the C string there,
 * so "/index.html%00.png" would be served as "/index.html".  A %00 is
 * kept as its three characters, a name no file has.
 */
static size_t
unescape(void *cls, struct MHD_Connection *c, char *uri)
{
	char *r = uri, *w = uri;
	int hi, lo;

	(void)cls;
	(void)c;
	while (*r != '\0') {
		if (r[0] == '%' && (hi = hex_value(r[1])) >= 0 &&
		    (lo = hex_value(r[2])) >= 0 && (hi | lo) != 0) {
			*w++ = (char)(hi * 16 + lo);
			r += 3;
		} else
			*w++ = *r++;
	}
	*w = '\0';
	return (size_t)(w - uri);
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct state *s = cls;
	struct MHD_Response *r;
	struct stat st;
	unsigned v;
	char *failure = NULL;
	enum MHD_Result ret;
	int fd;

	(void)version;
	(void)upload;
	(void)upload_size;
	(void)con_cls;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return respond_text(c, MHD_HTTP_METHOD_NOT_ALLOWED,
		    "only GET and HEAD\n");
	pthread_mutex_lock(&s->lock);
	v = s->version;
	if (s->failure != NULL)
		failure = xstrdup(s->failure);
	pthread_mutex_unlock(&s->lock);
	if (strcmp(url, SERVE_PREFIX "reload.js") == 0) {
		free(failure);
		return respond(c, MHD_HTTP_OK, xstrdup(reload_js),
		    strlen(reload_js), "text/javascript; charset=utf-8");
	}
	if (strcmp(url, SERVE_PREFIX "version") == 0) {
		char *text = xasprintf("%u\n", v);

		free(failure);
		return respond(c, MHD_HTTP_OK, text, strlen(text),
		    "text/plain; charset=utf-8");
	}
	fd = serve_open(s->site, url, &st);
	if (fd < 0) {
		int e = errno;
		const char *type = content_type(url);

		if (e == EISDIR) {
			free(failure);
			return redirect(c, url);
		}
		if (e == ENOENT && strncmp(type, "text/html", 9) == 0 &&
		    failure != NULL) {
			size_t len;
			char *page = failure_page(v, failure, &len);

			free(failure);
			return respond(c, MHD_HTTP_SERVICE_UNAVAILABLE, page,
			    len, type);
		}
		free(failure);
		return respond_text(c, e == ENOENT ? MHD_HTTP_NOT_FOUND :
		    MHD_HTTP_FORBIDDEN, e == ENOENT ? "not found\n" :
		    "refused: outside the site, hidden or a link\n");
	}
	if (strncmp(content_type(url), "text/html", 9) == 0) {
		size_t len, outlen;
		char *data = read_fd(fd, (size_t)st.st_size, &len);
		char *page = inject(data, len, v, failure, &outlen);

		close(fd);
		free(data);
		free(failure);
		return respond(c, MHD_HTTP_OK, page, outlen,
		    content_type(url));
	}
	free(failure);
	if ((r = MHD_create_response_from_fd((uint64_t)st.st_size, fd)) ==
	    NULL) {
		close(fd);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", content_type(url));
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	ret = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ret;
}

/* ---- Watching ---- */

/* The folders watched, by inotify watch descriptor. */
struct watches {
	int fd;        /* the inotify instance */
	char **path;   /* owned; indexed by watch descriptor, NULL gaps */
	size_t len;    /* entries in path */
};

#define WATCH_MASK (IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MODIFY | \
	IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF | \
	IN_ONLYDIR)

/* Watches dir and every folder below it (not through links, not hidden
 * ones).  Returns -1 when dir itself cannot be watched. */
static int
watch_tree(struct watches *w, const char *dir)
{
	int wd = inotify_add_watch(w->fd, dir, WATCH_MASK);
	DIR *d;
	struct dirent *ent;

	if (wd < 0)
		return -1;
	if ((size_t)wd >= w->len) {
		size_t n = (size_t)wd + 16;

		w->path = xreallocarray(w->path, n, sizeof(*w->path));
		memset(w->path + w->len, 0, (n - w->len) * sizeof(*w->path));
		w->len = n;
	}
	free(w->path[wd]);
	w->path[wd] = xstrdup(dir);
	if ((d = opendir(dir)) == NULL)
		return 0;
	while ((ent = readdir(d)) != NULL) {
		struct stat st;
		char *sub;

		if (ent->d_name[0] == '.')
			continue;
		sub = path_join(dir, ent->d_name);
		if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
			watch_tree(w, sub);
		free(sub);
	}
	closedir(d);
	return 0;
}

static void
watches_free(struct watches *w)
{
	size_t i;

	for (i = 0; i < w->len; i++)
		free(w->path[i]);
	free(w->path);
	if (w->fd >= 0)
		close(w->fd);
}

/*
 * Reads the events waiting on the inotify descriptor, watching new
 * folders.  Returns the number of events that matter (not about hidden
 * names such as editors' swap files), or -1 on a read error.
 */
static int
watch_drain(struct watches *w)
{
	char ev[16 * (sizeof(struct inotify_event) + 256)]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n;
	int count = 0;

	while ((n = read(w->fd, ev, sizeof(ev))) > 0) {
		char *p;

		for (p = ev; p < ev + n;) {
			struct inotify_event *e = (struct inotify_event *)
			    (void *)p;

			p += sizeof(*e) + e->len;
			if (e->len > 0 && e->name[0] == '.')
				continue;
			count++;
			if ((e->mask & IN_ISDIR) &&
			    (e->mask & (IN_CREATE | IN_MOVED_TO)) &&
			    e->wd >= 0 && (size_t)e->wd < w->len &&
			    w->path[e->wd] != NULL) {
				char *sub = path_join(w->path[e->wd], e->name);

				watch_tree(w, sub);
				free(sub);
			}
		}
	}
	if (n < 0 && errno != EAGAIN && errno != EINTR)
		return -1;
	return count;
}

/* ---- Stopping ---- */

static int stop_pipe[2] = { -1, -1 };

static void
on_signal(int sig)
{
	int saved = errno;
	char c = (char)sig;

	if (write(stop_pipe[1], &c, 1) < 0) {
		/* Nothing to do: the pipe is full, a stop is pending. */
	}
	errno = saved;
}

static int
remove_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* ---- The loop ---- */

/* Builds once into the served folder and tells the terminal and the
 * pages. */
static void
rebuild(const struct serve_opts *o, struct state *s)
{
	char *text = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&text, &len);
	int rc;

	if (err == NULL)
		fatal_oom();
	rc = o->build(o->arg, s->site, err);
	fclose(err);
	fputs(text, stderr);
	if (rc != KARTTA_EXIT_OK)
		fprintf(stderr, "kartta: serving the last good site; the "
		    "pages show the problems\n");
	fflush(stderr);
	pthread_mutex_lock(&s->lock);
	s->version++;
	free(s->failure);
	s->failure = NULL;
	if (rc != KARTTA_EXIT_OK)
		s->failure = text[0] ? xstrdup(text) :
		    xstrdup("the build failed\n");
	pthread_mutex_unlock(&s->lock);
	free(text);
}

int
serve_run(const struct serve_opts *o)
{
	struct state s;
	struct watches w = { -1, NULL, 0 };
	struct MHD_Daemon *d = NULL;
	struct sockaddr_in sin;
	struct sigaction sa, old_int, old_term;
	const union MHD_DaemonInfo *info;
	char *tmp = NULL, *site;
	int rc = KARTTA_EXIT_SYSTEM;

	memset(&s, 0, sizeof(s));
	pthread_mutex_init(&s.lock, NULL);
	if (o->output != NULL)
		site = xstrdup(o->output);
	else {
		const char *t = getenv("TMPDIR");

		tmp = xasprintf("%s/kartta-serve-XXXXXX", t && *t ? t : "/tmp");
		if (mkdtemp(tmp) == NULL) {
			fprintf(stderr, "kartta: %s: cannot make a folder to "
			    "build into: %s\n", tmp, strerror(errno));
			free(tmp);
			return KARTTA_EXIT_SYSTEM;
		}
		site = path_join(tmp, "site");
	}
	s.site = site;
	if (pipe(stop_pipe) != 0 ||
	    fcntl(stop_pipe[1], F_SETFL, O_NONBLOCK) != 0) {
		fprintf(stderr, "kartta: cannot make a pipe: %s\n",
		    strerror(errno));
		goto out;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	signal(SIGPIPE, SIG_IGN);

	if ((w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0 ||
	    watch_tree(&w, o->content) != 0 || watch_tree(&w, o->theme) != 0) {
		fprintf(stderr, "kartta: cannot watch %s and %s for changes: "
		    "%s\n", o->content, o->theme, strerror(errno));
		goto out_signals;
	}
	rebuild(o, &s);

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)o->port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD,
	    (uint16_t)o->port, NULL, NULL, handle, &s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)SERVE_MAX_CONNECTIONS,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SERVE_TIMEOUT,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
	    MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "kartta: cannot listen on 127.0.0.1:%u: %s\n",
		    o->port, errno ? strerror(errno) : "unknown error");
		goto out_signals;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	printf("kartta: serving %s at http://127.0.0.1:%u/ (Ctrl-C stops)\n",
	    o->content, info ? (unsigned)info->port : o->port);
	fflush(stdout);

	for (;;) {
		struct pollfd pfd[2] = { { w.fd, POLLIN, 0 },
			{ stop_pipe[0], POLLIN, 0 } };
		int n, changed;

		if (poll(pfd, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pfd[1].revents)
			break;
		if ((changed = watch_drain(&w)) < 0)
			break;
		/* Wait for the quiet after a burst of changes. */
		while ((n = poll(pfd, 2, SERVE_QUIET_MS)) > 0 &&
		    !pfd[1].revents) {
			int more = watch_drain(&w);

			if (more < 0)
				break;
			changed += more;
		}
		if (pfd[1].revents)
			break;
		if (changed > 0) {
			if (!o->quiet)
				fprintf(stderr, "kartta: a change: building "
				    "again\n");
			rebuild(o, &s);
		}
	}
	rc = KARTTA_EXIT_OK;
	if (!o->quiet)
		fprintf(stderr, "kartta: stopped\n");
out_signals:
	if (d != NULL)
		MHD_stop_daemon(d);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
out:
	watches_free(&w);
	if (stop_pipe[0] >= 0) {
		close(stop_pipe[0]);
		close(stop_pipe[1]);
		stop_pipe[0] = stop_pipe[1] = -1;
	}
	if (tmp != NULL) {
		nftw(tmp, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
		free(tmp);
	}
	free(site);
	free(s.failure);
	pthread_mutex_destroy(&s.lock);
	return rc;
}
