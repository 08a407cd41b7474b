#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

void
fatal_oom(void)
{
	fputs("kartta: out of memory\n", stderr);
	exit(KARTTA_EXIT_SYSTEM);
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		fatal_oom();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		fatal_oom();
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);

	if (q == NULL)
		fatal_oom();
	return q;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		fatal_oom();
	return xrealloc(p, n * size);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	int n;
	char *p;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		fatal_oom();
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void *
array_push(void *arr, size_t *len, size_t *cap, size_t elem)
{
	char **base = arr;
	char *slot;

	if (*len == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*base = xreallocarray(*base, *cap, elem);
	}
	slot = *base + *len * elem;
	memset(slot, 0, elem);
	(*len)++;
	return slot;
}

void
buf_append(struct buf *b, const void *data, size_t len)
{
	if (b->len + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;

		while (cap < b->len + len + 1) {
			if (cap > SIZE_MAX / 2)
				fatal_oom();
			cap *= 2;
		}
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	if (len)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_append(b, &c, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	buf_puts(b, s);
	free(s);
}

char *
buf_detach(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

struct strmap_slot {
	const char *key; /* borrowed; NULL marks an empty slot */
	void *value;     /* borrowed */
};

struct strmap {
	struct strmap_slot *slots; /* owned; cap entries */
	size_t cap;                /* always a power of two */
	size_t count;              /* used slots */
};

unsigned long long
hash_bytes(unsigned long long h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

unsigned long long
hash_block(unsigned long long h, const void *data, size_t len)
{
	const unsigned char *p = data;
	unsigned long long w;
	size_t i = 0;

	/* Rotated before each word, so that its high bits reach the low
	 * ones too (a multiplication only carries upwards). */
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, sizeof(w));
		h = ((h << 31) | (h >> 33)) ^ w;
		h *= 0x100000001b3ULL;
	}
	return hash_bytes(h, p + i, len - i);
}

unsigned long long
hash_str(unsigned long long h, const char *s)
{
	return s == NULL ? hash_bytes(h, "\1", 1) :
	    hash_bytes(h, s, strlen(s) + 1);
}

unsigned long long
hash_num(unsigned long long h, unsigned long long n)
{
	return hash_bytes(h, &n, sizeof(n));
}

/* FNV-1a: simple, and good enough for short identifiers. */
static uint64_t
strmap_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

struct strmap *
strmap_new(void)
{
	struct strmap *m = xcalloc(1, sizeof(*m));

	m->cap = 16;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	return m;
}

void
strmap_free(struct strmap *m)
{
	if (m == NULL)
		return;
	free(m->slots);
	free(m);
}

static struct strmap_slot *
strmap_find(const struct strmap *m, const char *key)
{
	size_t i = (size_t)strmap_hash(key) & (m->cap - 1);

	while (m->slots[i].key != NULL && strcmp(m->slots[i].key, key) != 0)
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

void *
strmap_get(const struct strmap *m, const char *key)
{
	const struct strmap_slot *s = strmap_find(m, key);

	return s->key ? s->value : NULL;
}

static void
strmap_grow(struct strmap *m)
{
	struct strmap_slot *old = m->slots;
	size_t oldcap = m->cap, i;

	m->cap *= 2;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*strmap_find(m, old[i].key) = old[i];
	free(old);
}

void *
strmap_put(struct strmap *m, const char *key, void *value)
{
	struct strmap_slot *s;

	if ((m->count + 1) * 4 > m->cap * 3)
		strmap_grow(m);
	s = strmap_find(m, key);
	if (s->key != NULL)
		return s->value;
	s->key = key;
	s->value = value;
	m->count++;
	return NULL;
}

size_t
strmap_count(const struct strmap *m)
{
	return m->count;
}

int
strmap_next(const struct strmap *m, size_t *pos, const char **key,
    void **value)
{
	while (*pos < m->cap) {
		const struct strmap_slot *s = &m->slots[(*pos)++];

		if (s->key != NULL) {
			if (key)
				*key = s->key;
			if (value)
				*value = s->value;
			return 1;
		}
	}
	return 0;
}

unsigned
edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	unsigned *prev2, *prev, *cur, *t, d;

	if (la > 256 || lb > 256)
		return 1000;
	prev2 = xcalloc(lb + 1, sizeof(unsigned));
	prev = xcalloc(lb + 1, sizeof(unsigned));
	cur = xcalloc(lb + 1, sizeof(unsigned));
	for (j = 0; j <= lb; j++)
		prev[j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		cur[0] = (unsigned)i;
		for (j = 1; j <= lb; j++) {
			unsigned cost = a[i - 1] != b[j - 1];
			unsigned best = prev[j] + 1;

			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (prev[j - 1] + cost < best)
				best = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
				best = prev2[j - 2] + 1;
			cur[j] = best;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	d = prev[lb];
	free(prev2);
	free(prev);
	free(cur);
	return d;
}

void
suggest_init(struct suggest *s, const char *word)
{
	s->word = word;
	s->best = NULL;
	s->bestdist = 0;
}

void
suggest_offer(struct suggest *s, const char *candidate)
{
	size_t len = strlen(s->word);
	/* A third of the word, at least one edit, at most three; never as
	 * many edits as the word has letters ("x" is no typo of "a"). */
	unsigned limit = len < 3 ? 1 : len / 3 > 3 ? 3 : (unsigned)(len / 3);
	unsigned d;

	if (strcmp(candidate, s->word) == 0)
		return;
	if (strcasecmp(candidate, s->word) == 0)
		d = 0;
	else if ((d = edit_distance(s->word, candidate)) > limit || d >= len)
		return;
	if (s->best == NULL || d < s->bestdist ||
	    (d == s->bestdist && strcmp(candidate, s->best) < 0)) {
		s->best = candidate;
		s->bestdist = d;
	}
}

const char *
suggest_result(const struct suggest *s)
{
	return s->best;
}

const char *
article(const char *noun)
{
	return strchr("aeiouAEIOU", noun[0]) != NULL && noun[0] ? "an" : "a";
}

int
utf8_valid(const char *str, size_t len, size_t *bad)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else
			goto fail;
		for (k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				goto fail;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto fail;
		i += n + 1;
	}
	return 1;
fail:
	if (bad)
		*bad = i;
	return 0;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

char *
file_read_regular(const char *path, size_t max, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct buf b = { 0 };
	char chunk[65536];
	struct stat st;
	ssize_t r;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	while ((r = read(fd, chunk, sizeof(chunk))) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 || b.len + (size_t)r > max) {
			int e = r < 0 ? errno : EFBIG;

			close(fd);
			buf_free(&b);
			errno = e;
			return NULL;
		}
		buf_append(&b, chunk, (size_t)r);
	}
	close(fd);
	*len = b.len;
	return buf_detach(&b);
}

char *
file_read(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char chunk[65536];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (b.len + n > max) {
			fclose(f);
			buf_free(&b);
			errno = EFBIG;
			return NULL;
		}
		buf_append(&b, chunk, n);
	}
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		buf_free(&b);
		errno = e;
		return NULL;
	}
	fclose(f);
	*len = b.len;
	return buf_detach(&b);
}

char *
path_join(const char *a, const char *b)
{
	size_t la = strlen(a);

	if (la == 0)
		return xstrdup(b);
	if (a[la - 1] == '/')
		return xasprintf("%s%s", a, b);
	return xasprintf("%s/%s", a, b);
}
