#include "audit.h"

#include <glpk.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * How it works (docs/anonymity.md gives the why):
 *
 * A *member* is one publication: a flow of this build (whose numbers can
 * still be withheld) or a flow of an earlier edition (fixed).  A *system*
 * is what one attacker combines: some members, the public facts about
 * each, and relations between them.  Its unknowns are the members' node
 * and edge counts, plus one count per cycle component (the clients who
 * visited it); each is a column of one GLPK problem.
 *
 * A *check* is a withheld number (a column) or a derived group (the
 * difference of two columns whose clients are nested).  A check passes
 * only on evidence: *witnesses*, complete integer assignments of every
 * column that satisfy every fact, verified here in exact integer
 * arithmetic.  A withheld number passes when witnesses give it two
 * different values, one of them at least k; a group when a witness
 * gives it a value of 0 or less or of k or more.  The true counts are
 * the first witness; linear programmes (GLPK's simplex, warm-started)
 * look for more, and an integer programme only when the linear bound
 * says a witness may exist but the vertex found was fractional.  A check
 * fails when the linear (or integer) optimum shows that no witness can
 * exist: floating-point error can then only make it fail wrongly, which
 * withholds more; it can never make it pass.
 *
 * Withholding only ever removes facts, so every witness stays valid and
 * a check that passed stays passed: each round re-examines only what
 * failed and what was newly withheld.
 */

#define NONE ((size_t)-1)
#define EPS 1e-6
#define MAX_WITNESS_SOLVES 4        /* batch solves per round */
#define MILP_NODES 400              /* branch-and-bound nodes per solve */
/* Simplex iterations allowed per audit of one build: far beyond what a
 * flow of 300 services and 5,000 edges needs (make bench), and counted,
 * not timed, so that the same content always gives the same result. */
#define MAX_PIVOTS 200000000UL

enum { ROW_EQ, ROW_LE, ROW_GE };

/* How a check failed, for the warning when a flow is withheld. */
enum { WHY_NONE, WHY_SMALL, WHY_PINNED, WHY_GROUP };

/* One publication. */
struct member {
	struct flow_counts *f;           /* this build's flow, or NULL */
	const struct edition_flow *ed;   /* an earlier edition's, or NULL */
	const char *id;                  /* flow id */
	const char *file;                /* for messages */
	struct pos at;                   /* for warnings */
	size_t flow;                     /* index into the build's flows */
	unsigned k, r;
	int events;                      /* listed services had k clients */
	int64_t merged;                  /* services in other, -1 unknown */
	/* Earlier editions: the checks that held on that edition alone,
	 * the only ones this edition must not break (by canonical index). */
	unsigned char *need_cell;
	unsigned char *need_group;
	size_t ngroups;                  /* canonical groups of the member */
};

static size_t
mem_nn(const struct member *m)
{
	return m->f ? m->f->nnodes : m->ed->nnodes;
}

static size_t
mem_ne(const struct member *m)
{
	return m->f ? m->f->nedges : m->ed->nedges;
}

static const char *
mem_node(const struct member *m, size_t i)
{
	return m->f ? m->f->nodes[i].id : m->ed->node[i];
}

static size_t
mem_from(const struct member *m, size_t j)
{
	return m->f ? m->f->edges[j].from : m->ed->from[j];
}

static size_t
mem_to(const struct member *m, size_t j)
{
	return m->f ? m->f->edges[j].to : m->ed->to[j];
}

/* Cells: nodes 0..nn-1, then edges. */
static int
mem_hidden(const struct member *m, size_t c)
{
	size_t nn = mem_nn(m);

	if (m->f)
		return c < nn ? m->f->nodes[c].suppressed :
		    m->f->edges[c - nn].suppressed;
	return (c < nn ? m->ed->ncount[c] : m->ed->ecount[c - nn]) < 0;
}

static uint64_t
mem_published(const struct member *m, size_t c)
{
	size_t nn = mem_nn(m);

	if (m->f)
		return c < nn ? m->f->nodes[c].count :
		    m->f->edges[c - nn].count;
	return (uint64_t)(c < nn ? m->ed->ncount[c] : m->ed->ecount[c - nn]);
}

/* The true count of a cell of this build's flow; 0 when unknown. */
static int
mem_truth(const struct member *m, size_t c, uint64_t *t)
{
	size_t nn = mem_nn(m);

	if (m->f == NULL)
		return 0;
	if (c < nn) {
		if (!flow_node_known(m->f, c))
			return 0;
		*t = flow_node_true_count(m->f, c);
	} else
		*t = flow_edge_true_count(m->f, c - nn);
	return 1;
}

/*
 * Only the number of clients is published (this build's decision, or
 * an earlier edition's: nodes start and end, no edges).  Nothing but
 * that number can be related to another publication.
 */
static int
mem_withheld(const struct member *m)
{
	size_t i;

	if (m->f)
		return m->f->withheld;
	if (m->ed->nedges > 0 || m->ed->nnodes == 0)
		return 0;
	for (i = 0; i < m->ed->nnodes; i++)
		if (strcmp(m->ed->node[i], "start") != 0 &&
		    strcmp(m->ed->node[i], "end") != 0)
			return 0;
	return 1;
}

static size_t
mem_find_node(const struct member *m, const char *id)
{
	size_t i, nn = mem_nn(m);

	for (i = 0; i < nn; i++)
		if (strcmp(mem_node(m, i), id) == 0)
			return i;
	return NONE;
}

static size_t
mem_find_edge(const struct member *m, const char *a, const char *b)
{
	size_t j, ne = mem_ne(m);

	for (j = 0; j < ne; j++)
		if (strcmp(mem_node(m, mem_from(m, j)), a) == 0 &&
		    strcmp(mem_node(m, mem_to(m, j)), b) == 0)
			return j;
	return NONE;
}

static int
is_reserved(const char *id)
{
	return strcmp(id, "start") == 0 || strcmp(id, "end") == 0 ||
	    strcmp(id, "other") == 0;
}

/* A member inside a system: where its columns are. */
struct sysmem {
	struct member *m;
	size_t col;     /* first column: nodes, then edges */
	size_t scol;    /* first cycle-component column */
	size_t *comp;   /* per node: its component column, or NONE */
	size_t top;     /* column of start (or end), or NONE */
};

struct row {
	size_t start, len; /* terms */
	int type;
	int64_t rhs;
};

struct check {
	int group;        /* 0: a withheld number; 1: a group */
	size_t col[2];    /* group: col[0] - col[1]; cell: col[0] */
	unsigned k;
	int passed;
	int stuck;        /* failed with nothing left to withhold */
	int why;          /* how it failed: WHY_* */
	int64_t lo, hi;   /* what an attacker could narrow it to */
	size_t *cand;     /* columns whose withholding may help */
	size_t ncand, capcand;
};

/* What kind of relation links two members of a system. */
enum rel { REL_SAME, REL_NESTED_ALL, REL_NESTED_NOEND };

struct system {
	struct sysmem *sm;
	size_t nsm;
	/* Columns (0-based here, 1-based in GLPK). */
	size_t ncols;
	int64_t *lo, *hi;     /* bounds as the facts give them */
	size_t *colmem;       /* sysmem index, or NONE for components */
	size_t *colcell;      /* cell of the member */
	unsigned char *fixedhi; /* the upper bound is a fact, not rounding */
	unsigned char *checked; /* a cell check exists */
	/* Rows: coefficients are +1 or -1. */
	struct row *rows;
	size_t nrows, caprows;
	size_t *tcol;
	int *tcoef;
	size_t nterms, capterms;
	glp_prob *lp;
	int fresh;            /* no basis yet */
	/* Witnesses, summarised per column. */
	int64_t *wmin, *wmax;
	size_t nwitness;
	struct check *chk;
	size_t nchk, capchk;
	int64_t *scratch;     /* one assignment */
	size_t *crow_start;   /* per column: its rows, crow[start..] */
	size_t *crow;
	int truth_ok;         /* the true counts were a witness */
	/* A hypothesis of nested data: the members (small, big). */
	int pair;             /* 0: a group of this build's flows */
	int level;            /* pairs: 2 with edges into end, 1 without,
	                       * 0 none consistent (the system is idle) */
	size_t small, big;    /* member indices of the pair */
	int dirty;            /* a member changed since the last test */
};

/* A flow's suppression as flow_aggregate left it. */
struct snapshot {
	unsigned char *nsup, *esup;
	uint64_t *ncount, *ecount;
};

/* Relates the numbers of clients of two publications by type. */
static void relate_totals(struct system *s, size_t ia, size_t ib,
    int type);

struct audit {
	struct snapshot *snap; /* per flow of this build */
	struct member *mem;
	size_t nmem;
	struct system **sys;
	size_t nsys, capsys;
	struct audit_flow *flows;
	size_t nflows;
	struct diag_list *dl;
	struct audit_stats st;
	int64_t cap;           /* no count exceeds it */
	int budget_out;
	int withholding;       /* a flow is withheld whole this round */
	size_t *chosen;        /* this round: (member, cell) pairs */
	size_t nchosen, capchosen;
	int error;
};

/* ---- building a system ---- */

static size_t
sys_col(struct system *s, size_t mi, size_t cell, int64_t lo, int64_t hi)
{
	size_t c = s->ncols++;

	s->lo = xreallocarray(s->lo, s->ncols, sizeof(*s->lo));
	s->hi = xreallocarray(s->hi, s->ncols, sizeof(*s->hi));
	s->colmem = xreallocarray(s->colmem, s->ncols, sizeof(size_t));
	s->colcell = xreallocarray(s->colcell, s->ncols, sizeof(size_t));
	s->fixedhi = xreallocarray(s->fixedhi, s->ncols, 1);
	s->lo[c] = lo;
	s->hi[c] = hi;
	s->colmem[c] = mi;
	s->colcell[c] = cell;
	s->fixedhi[c] = 0;
	return c;
}

/* Starts a row; terms follow with sys_term. */
static void
sys_row(struct system *s, int type, int64_t rhs)
{
	struct row *r = array_push(&s->rows, &s->nrows, &s->caprows,
	    sizeof(*r));

	r->start = s->nterms;
	r->type = type;
	r->rhs = rhs;
}

static void
sys_term(struct system *s, size_t col, int coef)
{
	if (s->nterms == s->capterms) {
		s->capterms = s->capterms ? s->capterms * 2 : 256;
		s->tcol = xreallocarray(s->tcol, s->capterms,
		    sizeof(*s->tcol));
		s->tcoef = xreallocarray(s->tcoef, s->capterms,
		    sizeof(*s->tcoef));
	}
	s->tcol[s->nterms] = col;
	s->tcoef[s->nterms++] = coef;
	s->rows[s->nrows - 1].len++;
}

/* a - b (type) 0 */
static void
sys_pair_row(struct system *s, size_t a, size_t b, int type)
{
	sys_row(s, type, 0);
	sys_term(s, a, 1);
	sys_term(s, b, -1);
}

static struct check *
sys_check(struct system *s, int group, size_t a, size_t b, unsigned k)
{
	struct check *c = array_push(&s->chk, &s->nchk, &s->capchk,
	    sizeof(*c));

	c->group = group;
	c->col[0] = a;
	c->col[1] = b;
	c->k = k;
	return c;
}

/* The bounds of a cell column as the facts and the publication give. */
static void
cell_bounds_as(const struct audit *au, const struct member *m, size_t c,
    int hidden, int64_t *lo, int64_t *hi, int *fixedhi)
{
	size_t nn = mem_nn(m);

	*lo = 1;
	*hi = au->cap;
	*fixedhi = 0;
	if (c < nn && m->events) {
		const char *id = mem_node(m, c);

		if (!is_reserved(id))
			*lo = m->k;
		else if (strcmp(id, "other") == 0 && m->merged > 0 &&
		    (int64_t)(m->k - 1) * m->merged < *hi) {
			*hi = (int64_t)(m->k - 1) * m->merged;
			*fixedhi = 1;
		}
	}
	if (!hidden) {
		uint64_t plo, phi;

		flow_round_interval(mem_published(m, c), m->k, m->r, &plo,
		    &phi);
		if ((int64_t)plo > *lo)
			*lo = (int64_t)plo;
		if ((int64_t)phi < *hi)
			*hi = (int64_t)phi;
	}
}

static void
cell_bounds(const struct audit *au, const struct member *m, size_t c,
    int64_t *lo, int64_t *hi, int *fixedhi)
{
	cell_bounds_as(au, m, c, mem_hidden(m, c), lo, hi, fixedhi);
}

/*
 * Cycle components of a member's listed edges (Tarjan, iterative): a
 * node on no cycle gets NONE, the nodes of one component the same index
 * 0, 1, ...  Returns the number of components with a cycle.
 */
static size_t
components(const struct member *m, size_t *comp)
{
	size_t nn = mem_nn(m), ne = mem_ne(m), i, j, ncomp = 0, top = 0;
	size_t *first = xcalloc(nn + 1, sizeof(size_t));
	size_t *adj = xcalloc(ne + 1, sizeof(size_t));
	size_t *index = xcalloc(nn + 1, sizeof(size_t));
	size_t *low = xcalloc(nn + 1, sizeof(size_t));
	size_t *stack = xcalloc(nn + 1, sizeof(size_t));
	size_t *call = xcalloc(nn + 1, sizeof(size_t));
	size_t *next = xcalloc(nn + 1, sizeof(size_t));
	unsigned char *on = xcalloc(nn + 1, 1);
	size_t counter = 1, depth;

	for (j = 0; j < ne; j++)
		first[mem_from(m, j) + 1]++;
	for (i = 0; i < nn; i++)
		first[i + 1] += first[i];
	for (j = 0; j < ne; j++)
		adj[next[mem_from(m, j)]++ + first[mem_from(m, j)]] =
		    mem_to(m, j);
	for (i = 0; i < nn; i++) {
		next[i] = first[i];
		comp[i] = NONE;
	}
	for (i = 0; i < nn; i++) {
		if (index[i])
			continue;
		depth = 0;
		call[depth++] = i;
		index[i] = low[i] = counter++;
		stack[top++] = i;
		on[i] = 1;
		while (depth > 0) {
			size_t v = call[depth - 1];

			if (next[v] < first[v + 1]) {
				size_t w = adj[next[v]++];

				if (!index[w]) {
					index[w] = low[w] = counter++;
					stack[top++] = w;
					on[w] = 1;
					call[depth++] = w;
				} else if (on[w] && index[w] < low[v])
					low[v] = index[w];
				continue;
			}
			depth--;
			if (depth > 0 && low[v] < low[call[depth - 1]])
				low[call[depth - 1]] = low[v];
			if (low[v] == index[v]) {
				size_t w, size = 0, base = top;

				do {
					w = stack[--base];
					size++;
				} while (w != v);
				while (top > base) {
					w = stack[--top];
					on[w] = 0;
					comp[w] = size > 1 ? ncomp : NONE;
				}
				if (size > 1)
					ncomp++;
			}
		}
	}
	free(first);
	free(adj);
	free(index);
	free(low);
	free(stack);
	free(call);
	free(next);
	free(on);
	return ncomp;
}

/* Columns and facts of one member. */
static void
add_member(struct audit *au, struct system *s, size_t gi)
{
	struct member *m = &au->mem[gi];
	size_t mi = s->nsm, nn = mem_nn(m), ne = mem_ne(m), i, j, c, ncomp;
	struct sysmem *sm;
	size_t start, end;

	s->sm = xreallocarray(s->sm, s->nsm + 1, sizeof(*s->sm));
	sm = &s->sm[s->nsm++];
	memset(sm, 0, sizeof(*sm));
	sm->m = m;
	sm->col = s->ncols;
	for (c = 0; c < nn + ne; c++) {
		int64_t lo, hi;
		int fx;
		size_t col;

		cell_bounds(au, m, c, &lo, &hi, &fx);
		col = sys_col(s, mi, c, lo, hi);
		s->fixedhi[col] = (unsigned char)fx;
	}
	sm->comp = xcalloc(nn + 1, sizeof(size_t));
	ncomp = components(m, sm->comp);
	sm->scol = s->ncols;
	for (i = 0; i < ncomp; i++)
		sys_col(s, NONE, NONE, 1, au->cap);
	for (i = 0; i < nn; i++)
		if (sm->comp[i] != NONE)
			sm->comp[i] += sm->scol;

	start = mem_find_node(m, "start");
	end = mem_find_node(m, "end");
	sm->top = start != NONE ? sm->col + start :
	    end != NONE ? sm->col + end : NONE;
	/* start and end both count all clients. */
	if (start != NONE && end != NONE)
		sys_pair_row(s, sm->col + start, sm->col + end, ROW_EQ);
	/* Nothing exceeds the number of clients. */
	if (sm->top != NONE) {
		for (i = 0; i < nn; i++)
			if (sm->col + i != sm->top)
				sys_pair_row(s, sm->col + i, sm->top, ROW_LE);
		for (i = 0; i < ncomp; i++)
			sys_pair_row(s, sm->scol + i, sm->top, ROW_LE);
	}
	/* An edge never exceeds either of its nodes. */
	for (j = 0; j < ne; j++) {
		sys_pair_row(s, sm->col + nn + j, sm->col + mem_from(m, j),
		    ROW_LE);
		sys_pair_row(s, sm->col + nn + j, sm->col + mem_to(m, j),
		    ROW_LE);
	}
	/*
	 * A node on no cycle is entered once and left once by each of its
	 * clients: its count is the sum of either side.  A component with
	 * a cycle is entered and left once per client; each of its nodes
	 * is entered at least once by each of its clients, and the edges
	 * from outside into one node carry different clients.
	 */
	for (i = 0; i < nn; i++) {
		size_t v = sm->col + i, side;

		for (side = 0; side < 2; side++) {
			int any = 0, ext = 0;

			for (j = 0; j < ne; j++)
				if ((side ? mem_from(m, j) : mem_to(m, j)) == i)
					any = 1;
			if (!any)
				continue;
			sys_row(s, sm->comp[i] == NONE ? ROW_EQ : ROW_GE, 0);
			for (j = 0; j < ne; j++)
				if ((side ? mem_from(m, j) : mem_to(m, j)) == i)
					sys_term(s, sm->col + nn + j, 1);
			sys_term(s, v, -1);
			if (sm->comp[i] == NONE)
				continue;
			for (j = 0; j < ne; j++) {
				size_t o = side ? mem_to(m, j) : mem_from(m, j);

				if ((side ? mem_from(m, j) : mem_to(m, j)) == i &&
				    sm->comp[o] != sm->comp[i])
					ext = 1;
			}
			if (!ext)
				continue;
			sys_row(s, ROW_LE, 0);
			for (j = 0; j < ne; j++) {
				size_t o = side ? mem_to(m, j) : mem_from(m, j);

				if ((side ? mem_from(m, j) : mem_to(m, j)) == i &&
				    sm->comp[o] != sm->comp[i])
					sys_term(s, sm->col + nn + j, 1);
			}
			sys_term(s, v, -1);
		}
	}
	for (c = 0; c < ncomp; c++) {
		size_t sc = sm->scol + c, side;

		for (side = 0; side < 2; side++) {
			int any = 0;

			for (j = 0; j < ne; j++) {
				size_t a = sm->comp[mem_from(m, j)];
				size_t b = sm->comp[mem_to(m, j)];

				if (side ? (a == sc && b != sc) :
				    (b == sc && a != sc))
					any = 1;
			}
			if (!any)
				continue;
			sys_row(s, ROW_EQ, 0);
			for (j = 0; j < ne; j++) {
				size_t a = sm->comp[mem_from(m, j)];
				size_t b = sm->comp[mem_to(m, j)];

				if (side ? (a == sc && b != sc) :
				    (b == sc && a != sc))
					sys_term(s, sm->col + nn + j, 1);
			}
			sys_term(s, sc, -1);
		}
		sys_row(s, ROW_GE, 0);
		for (i = 0; i < nn; i++)
			if (sm->comp[i] == sc)
				sys_term(s, sm->col + i, 1);
		sys_term(s, sc, -1);
		for (i = 0; i < nn; i++)
			if (sm->comp[i] == sc)
				sys_pair_row(s, sm->col + i, sc, ROW_LE);
	}
}

/*
 * The groups of one member, in a fixed order (earlier editions keep a
 * mask by this index): all clients less a node's or an edge's, and a
 * node's clients less those of one of its edges.  When add is 0 only
 * counts them.
 */
static size_t
member_groups(struct system *s, size_t mi, int add)
{
	struct sysmem *sm = &s->sm[mi];
	struct member *m = sm->m;
	size_t nn = mem_nn(m), ne = mem_ne(m), i, j, g = 0, e;

#define GROUP(a, b) do { \
	if (add && (m->need_group == NULL || m->need_group[g])) \
		sys_check(s, 1, (a), (b), m->k); \
	g++; \
} while (0)
	if (sm->top != NONE) {
		for (i = 0; i < nn; i++)
			if (strcmp(mem_node(m, i), "start") != 0 &&
			    strcmp(mem_node(m, i), "end") != 0)
				GROUP(sm->top, sm->col + i);
		for (j = 0; j < ne; j++)
			GROUP(sm->top, sm->col + nn + j);
	}
	for (j = 0; j < ne; j++)
		for (e = 0; e < 2; e++) {
			i = e ? mem_to(m, j) : mem_from(m, j);
			if (strcmp(mem_node(m, i), "start") == 0 ||
			    strcmp(mem_node(m, i), "end") == 0)
				continue;
			GROUP(sm->col + i, sm->col + nn + j);
		}
#undef GROUP
	return g;
}

/* big >= small, and their difference is a group. */
static void
nested(struct system *s, size_t big, size_t small, unsigned k)
{
	sys_pair_row(s, big, small, ROW_GE);
	sys_check(s, 1, big, small, k);
}

static int
same_services(const struct member *a, const struct member *b)
{
	size_t i, na = 0, nb = 0;

	for (i = 0; i < mem_nn(a); i++)
		if (!is_reserved(mem_node(a, i))) {
			na++;
			if (mem_find_node(b, mem_node(a, i)) == NONE)
				return 0;
		}
	for (i = 0; i < mem_nn(b); i++)
		nb += !is_reserved(mem_node(b, i));
	return na == nb;
}

/*
 * Two flows of this build that read the same data file.  A is the one
 * with the smaller k: every service rare in A is rare in B, so B's other
 * holds A's other and the services A lists but B does not (their
 * "image" below), and B's edges to or from other carry A's edges to or
 * from that image.  Everything else is the same number in both.
 */
static void
relate_same(struct system *s, size_t ia, size_t ib)
{
	struct sysmem *A = &s->sm[ia], *B = &s->sm[ib];
	const struct member *ma, *mb;
	size_t i, j, nna, nnb, bo, *img;
	unsigned kk;

	if (A->m->k > B->m->k) {
		struct sysmem *t = A;

		A = B;
		B = t;
	}
	ma = A->m;
	mb = B->m;
	if (mem_withheld(ma) || mem_withheld(mb)) {
		relate_totals(s, ia, ib, ROW_EQ);
		return;
	}
	nna = mem_nn(ma);
	nnb = mem_nn(mb);
	kk = mb->k > ma->k ? mb->k : ma->k;
	if (!ma->events || same_services(ma, mb)) {
		for (i = 0; i < nna; i++)
			if ((j = mem_find_node(mb, mem_node(ma, i))) != NONE)
				sys_pair_row(s, A->col + i, B->col + j, ROW_EQ);
		for (i = 0; i < mem_ne(ma); i++)
			if ((j = mem_find_edge(mb, mem_node(ma, mem_from(ma, i)),
			    mem_node(ma, mem_to(ma, i)))) != NONE)
				sys_pair_row(s, A->col + nna + i,
				    B->col + nnb + j, ROW_EQ);
		return;
	}
	bo = mem_find_node(mb, "other");
	img = xcalloc(nna + 1, sizeof(size_t));
	for (i = 0; i < nna; i++) {
		img[i] = mem_find_node(mb, mem_node(ma, i));
		if (img[i] == NONE || strcmp(mem_node(ma, i), "other") == 0)
			img[i] = bo;
		if (img[i] != NONE && img[i] != bo)
			sys_pair_row(s, A->col + i, B->col + img[i], ROW_EQ);
	}
	if (bo != NONE) {
		sys_row(s, ROW_GE, 0);
		for (i = 0; i < nna; i++)
			if (img[i] == bo)
				sys_term(s, A->col + i, 1);
		sys_term(s, B->col + bo, -1);
		for (i = 0; i < nna; i++)
			if (img[i] == bo)
				nested(s, B->col + bo, A->col + i, kk);
	}
	for (j = 0; j < mem_ne(mb); j++) {
		size_t bf = mem_from(mb, j), bt = mem_to(mb, j), bcol;

		bcol = B->col + nnb + j;
		if (bf != bo && bt != bo) {
			size_t ae = mem_find_edge(ma, mem_node(mb, bf),
			    mem_node(mb, bt));

			if (ae != NONE)
				sys_pair_row(s, bcol, A->col + nna + ae, ROW_EQ);
			continue;
		}
		sys_row(s, ROW_GE, 0);
		for (i = 0; i < mem_ne(ma); i++)
			if (img[mem_from(ma, i)] == bf &&
			    img[mem_to(ma, i)] == bt)
				sys_term(s, A->col + nna + i, 1);
		sys_term(s, bcol, -1);
		for (i = 0; i < mem_ne(ma); i++)
			if (img[mem_from(ma, i)] == bf &&
			    img[mem_to(ma, i)] == bt)
				nested(s, bcol, A->col + nna + i, kk);
	}
	free(img);
}

/*
 * The hypothesis that small's clients (or events) are part of big's:
 * each number of small is at most the same number of big, and their
 * difference is a group.  Numbers touching other only when both list
 * the same services; edges into end only at level 2 (a later month can
 * move a client's last service).
 */
static void
relate_nested(struct system *s, size_t is, size_t ib, int level)
{
	struct sysmem *S = &s->sm[is], *B = &s->sm[ib];
	const struct member *ms = S->m, *mb = B->m;
	size_t i, j, nns = mem_nn(ms), nnb = mem_nn(mb);
	unsigned kk = ms->k > mb->k ? ms->k : mb->k;
	int same = same_services(ms, mb);

	if (mem_withheld(ms) || mem_withheld(mb)) {
		relate_totals(s, ib, is, ROW_GE);
		return;
	}
	for (i = 0; i < nns; i++) {
		const char *id = mem_node(ms, i);

		if ((j = mem_find_node(mb, id)) == NONE)
			continue;
		if (strcmp(id, "other") == 0 && !same)
			continue;
		nested(s, B->col + j, S->col + i, kk);
	}
	for (i = 0; i < mem_ne(ms); i++) {
		const char *a = mem_node(ms, mem_from(ms, i));
		const char *b = mem_node(ms, mem_to(ms, i));

		if ((j = mem_find_edge(mb, a, b)) == NONE)
			continue;
		if ((strcmp(a, "other") == 0 || strcmp(b, "other") == 0) &&
		    !same)
			continue;
		if (strcmp(b, "end") == 0 && level < 2)
			continue;
		nested(s, B->col + nnb + j, S->col + nns + i, kk);
	}
}

static void
relate_totals(struct system *s, size_t ia, size_t ib, int type)
{
	const struct sysmem *A = &s->sm[ia], *B = &s->sm[ib];
	unsigned kk = A->m->k > B->m->k ? A->m->k : B->m->k;

	if (A->top == NONE || B->top == NONE)
		return;
	if (type == ROW_EQ)
		sys_pair_row(s, A->top, B->top, ROW_EQ);
	else
		nested(s, A->top, B->top, kk);
}

static void
set_bounds(glp_prob *lp, size_t col, int64_t lo, int64_t hi)
{
	if (lo == hi)
		glp_set_col_bnds(lp, (int)col + 1, GLP_FX, (double)lo,
		    (double)hi);
	else
		glp_set_col_bnds(lp, (int)col + 1, GLP_DB, (double)lo,
		    (double)hi);
}

/* Loads the rows and columns into a GLPK problem. */
static void
sys_load(struct system *s)
{
	size_t i, j, maxlen = 1;
	int *ind;
	double *val;

	s->lp = glp_create_prob();
	glp_set_obj_dir(s->lp, GLP_MAX);
	/* GLPK aborts on a call it finds invalid: no empty problem, and no
	 * column twice in a row (build_systems skips empty flows; rows sum
	 * repeated columns below). */
	glp_add_cols(s->lp, (int)s->ncols);
	for (i = 0; i < s->ncols; i++)
		set_bounds(s->lp, i, s->lo[i], s->hi[i]);
	for (i = 0; i < s->nrows; i++)
		if (s->rows[i].len > maxlen)
			maxlen = s->rows[i].len;
	ind = xcalloc(maxlen + 1, sizeof(*ind));
	val = xcalloc(maxlen + 1, sizeof(*val));
	if (s->nrows > 0)
		glp_add_rows(s->lp, (int)s->nrows);
	for (i = 0; i < s->nrows; i++) {
		const struct row *r = &s->rows[i];
		int type = r->type == ROW_EQ ? GLP_FX : r->type == ROW_LE ?
		    GLP_UP : GLP_LO;

		size_t used = 0, u;

		glp_set_row_bnds(s->lp, (int)i + 1, type, (double)r->rhs,
		    (double)r->rhs);
		for (j = 0; j < r->len; j++) {
			int col = (int)s->tcol[r->start + j] + 1;

			for (u = 1; u <= used && ind[u] != col; u++)
				;
			if (u > used) {
				ind[++used] = col;
				val[used] = 0;
			}
			val[u] += s->tcoef[r->start + j];
		}
		glp_set_mat_row(s->lp, (int)i + 1, (int)used, ind, val);
	}
	free(ind);
	free(val);
	s->fresh = 1;
	s->wmin = xcalloc(s->ncols + 1, sizeof(int64_t));
	s->wmax = xcalloc(s->ncols + 1, sizeof(int64_t));
	s->checked = xcalloc(s->ncols + 1, 1);
	s->scratch = xcalloc(s->ncols + 1, sizeof(int64_t));
	s->crow_start = xcalloc(s->ncols + 2, sizeof(size_t));
	s->crow = xcalloc(s->nterms + 1, sizeof(size_t));
	for (i = 0; i < s->nterms; i++)
		s->crow_start[s->tcol[i] + 1]++;
	for (i = 0; i < s->ncols; i++)
		s->crow_start[i + 1] += s->crow_start[i];
	{
		size_t *fill = xcalloc(s->ncols + 1, sizeof(size_t));

		for (i = 0; i < s->nrows; i++)
			for (j = 0; j < s->rows[i].len; j++) {
				size_t col = s->tcol[s->rows[i].start + j];

				s->crow[s->crow_start[col] + fill[col]++] = i;
			}
		free(fill);
	}
}

static void
sys_free(struct system *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->nsm; i++)
		free(s->sm[i].comp);
	free(s->sm);
	free(s->lo);
	free(s->hi);
	free(s->colmem);
	free(s->colcell);
	free(s->fixedhi);
	free(s->checked);
	free(s->rows);
	free(s->tcol);
	free(s->tcoef);
	if (s->lp)
		glp_delete_prob(s->lp);
	free(s->wmin);
	free(s->wmax);
	for (i = 0; i < s->nchk; i++)
		free(s->chk[i].cand);
	free(s->chk);
	free(s->scratch);
	free(s->crow_start);
	free(s->crow);
	free(s);
}

/* ---- witnesses ---- */

static int64_t
group_value(const struct check *c, const int64_t *w)
{
	return w[c->col[0]] - w[c->col[1]];
}

static int
cell_passed(const struct system *s, const struct check *c)
{
	size_t col = c->col[0];

	return s->nwitness > 0 && s->wmax[col] >= (int64_t)c->k &&
	    s->wmax[col] > s->wmin[col];
}

/*
 * Takes w as a witness if it satisfies every bound and row exactly;
 * returns 1 then.  Checks that it passes are marked.
 */
static int
witness(struct system *s, const int64_t *w)
{
	size_t i, j;

	for (i = 0; i < s->ncols; i++)
		if (w[i] < s->lo[i] || w[i] > s->hi[i])
			return 0;
	for (i = 0; i < s->nrows; i++) {
		const struct row *r = &s->rows[i];
		int64_t sum = 0;

		for (j = 0; j < r->len; j++)
			sum += s->tcoef[r->start + j] * w[s->tcol[r->start + j]];
		if ((r->type == ROW_EQ && sum != r->rhs) ||
		    (r->type == ROW_LE && sum > r->rhs) ||
		    (r->type == ROW_GE && sum < r->rhs))
			return 0;
	}
	for (i = 0; i < s->ncols; i++) {
		if (s->nwitness == 0 || w[i] < s->wmin[i])
			s->wmin[i] = w[i];
		if (s->nwitness == 0 || w[i] > s->wmax[i])
			s->wmax[i] = w[i];
	}
	s->nwitness++;
	for (i = 0; i < s->nchk; i++) {
		struct check *c = &s->chk[i];
		int64_t g;

		if (c->passed)
			continue;
		if (!c->group) {
			c->passed = cell_passed(s, c);
			continue;
		}
		g = group_value(c, w);
		if (g <= 0 || g >= (int64_t)c->k)
			c->passed = 1;
	}
	return 1;
}

/* The current LP or MIP point as a witness, if it is integral. */
static int
witness_from(struct system *s, int mip)
{
	size_t i;

	for (i = 0; i < s->ncols; i++) {
		double v = mip ? glp_mip_col_val(s->lp, (int)i + 1) :
		    glp_get_col_prim(s->lp, (int)i + 1);
		double r = floor(v + 0.5);

		if (fabs(v - r) > EPS)
			return 0;
		s->scratch[i] = (int64_t)r;
	}
	return witness(s, s->scratch);
}

/* ---- solving ---- */

static void
set_objective(struct system *s, const size_t *col, const int *coef,
    size_t n, int dir)
{
	size_t i;

	for (i = 0; i < s->ncols; i++)
		glp_set_obj_coef(s->lp, (int)i + 1, 0.0);
	for (i = 0; i < n; i++)
		glp_set_obj_coef(s->lp, (int)col[i] + 1,
		    glp_get_obj_coef(s->lp, (int)col[i] + 1) + coef[i]);
	glp_set_obj_dir(s->lp, dir);
}

/* Is column col a number this build publishes (so may withhold)? */
static int
col_withholdable(const struct system *s, size_t col)
{
	size_t mi = s->colmem[col];

	if (mi == NONE)
		return 0;
	return s->sm[mi].m->f != NULL &&
	    !mem_hidden(s->sm[mi].m, s->colcell[col]);
}

static void
add_cand(struct check *c, size_t col)
{
	size_t i;

	for (i = 0; i < c->ncand; i++)
		if (c->cand[i] == col)
			return;
	*(size_t *)array_push(&c->cand, &c->ncand, &c->capcand,
	    sizeof(size_t)) = col;
}

/*
 * Solves the LP with the objective; returns 1 with *val at the optimum,
 * 0 when nothing is feasible, -1 when the solver gave up (counted as a
 * failure of the check).  An integral optimum becomes a witness; with
 * chk, the published numbers whose bounds the optimum leans on are
 * collected as candidates to withhold.
 */
static int
lp_solve(struct audit *au, struct system *s, const size_t *col,
    const int *coef, size_t n, int dir, double *val, struct check *chk)
{
	glp_smcp parm;
	int rc, status, it0;
	size_t i;

	if (au->budget_out)
		return -1;
	it0 = glp_get_it_cnt(s->lp);
	set_objective(s, col, coef, n, dir);
	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_OFF;
	parm.meth = GLP_PRIMAL;
	if (s->fresh) {
		glp_adv_basis(s->lp, 0);
		s->fresh = 0;
	}
	rc = glp_simplex(s->lp, &parm);
	if (rc != 0) {
		glp_std_basis(s->lp);
		rc = glp_simplex(s->lp, &parm);
	}
	au->st.lp++;
	au->st.pivots += (unsigned long)(glp_get_it_cnt(s->lp) - it0);
	if (au->st.pivots > MAX_PIVOTS)
		au->budget_out = 1;
	if (rc != 0)
		return -1;
	status = glp_get_status(s->lp);
	if (status == GLP_NOFEAS)
		return 0;
	if (status != GLP_OPT)
		return -1;
	*val = glp_get_obj_val(s->lp);
	witness_from(s, 0);
	if (chk != NULL)
		for (i = 0; i < s->ncols; i++)
			if (col_withholdable(s, i) &&
			    glp_get_col_stat(s->lp, (int)i + 1) != GLP_BS &&
			    fabs(glp_get_col_dual(s->lp, (int)i + 1)) > 1e-9)
				add_cand(chk, i);
	return 1;
}

struct milp_stop {
	int dir;        /* GLP_MAX or GLP_MIN */
	double target;  /* stop once the incumbent reaches it */
	int nodes;
};

static void
milp_callback(glp_tree *tree, void *info)
{
	struct milp_stop *stop = info;

	switch (glp_ios_reason(tree)) {
	case GLP_ISELECT:
		if (++stop->nodes > MILP_NODES)
			glp_ios_terminate(tree);
		break;
	case GLP_IBINGO: {
		double v = glp_mip_obj_val(glp_ios_get_prob(tree));

		if (stop->dir == GLP_MAX ? v >= stop->target - EPS :
		    v <= stop->target + EPS)
			glp_ios_terminate(tree);
		break;
	}
	default:
		break;
	}
}

/*
 * Looks for an integer point whose objective reaches target, on a copy
 * of the problem (the LP keeps its basis).  Any point found is taken as
 * a witness.
 */
static void
milp_solve(struct audit *au, struct system *s, const size_t *col,
    const int *coef, size_t n, int dir, double target)
{
	glp_prob *q;
	glp_iocp parm;
	struct milp_stop stop;
	size_t i;
	int status;

	if (au->budget_out)
		return;
	q = glp_create_prob();
	set_objective(s, col, coef, n, dir);
	glp_copy_prob(q, s->lp, GLP_OFF);
	for (i = 0; i < s->ncols; i++)
		glp_set_col_kind(q, (int)i + 1, GLP_IV);
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_ON;
	stop.dir = dir;
	stop.target = target;
	stop.nodes = 0;
	parm.cb_func = milp_callback;
	parm.cb_info = &stop;
	glp_intopt(q, &parm);
	au->st.milp++;
	status = glp_mip_status(q);
	if (status == GLP_OPT || status == GLP_FEAS) {
		glp_prob *keep = s->lp;
		int got;

		s->lp = q;
		got = witness_from(s, 1);
		s->lp = keep;
		(void)got;
	}
	glp_delete_prob(q);
}

/* Returns 1 if the check passes, 0 if it fails (saying how). */
static int
decide(struct audit *au, struct system *s, struct check *c)
{
	size_t cols[2] = { c->col[0], c->col[1] };
	int coef[2] = { 1, -1 };
	size_t n = c->group ? 2 : 1;
	int64_t below = (int64_t)c->k - 1;
	double hi = 0, lo = 0;
	int rc;

	c->ncand = 0;
	c->why = WHY_NONE;
	if (c->passed)
		return 1;
	rc = lp_solve(au, s, cols, coef, n, GLP_MAX, &hi, c);
	if (rc <= 0)
		return 0;
	c->hi = (int64_t)floor(hi + EPS);
	if (c->hi > below)
		c->hi = below;
	if (!c->group) {
		int64_t seen;

		if (!c->passed && s->wmax[cols[0]] < (int64_t)c->k &&
		    hi >= c->k - EPS)
			milp_solve(au, s, cols, coef, n, GLP_MAX, c->k);
		if (s->nwitness == 0 || s->wmax[cols[0]] < (int64_t)c->k) {
			c->why = WHY_SMALL;
			return 0;
		}
		if (c->passed)
			return 1;
		seen = s->wmax[cols[0]];
		if (hi > seen + 0.5)
			milp_solve(au, s, cols, coef, n, GLP_MAX, seen + 1);
		if (c->passed)
			return 1;
		rc = lp_solve(au, s, cols, coef, n, GLP_MIN, &lo, c);
		if (rc <= 0)
			return 0;
		if (!c->passed && lo < seen - 0.5)
			milp_solve(au, s, cols, coef, n, GLP_MIN, seen - 1);
		c->why = WHY_PINNED;
		c->lo = c->hi = seen;
		return c->passed;
	}
	if (!c->passed && hi >= c->k - EPS)
		milp_solve(au, s, cols, coef, n, GLP_MAX, c->k);
	if (c->passed)
		return 1;
	rc = lp_solve(au, s, cols, coef, n, GLP_MIN, &lo, c);
	if (rc <= 0)
		return 0;
	c->lo = (int64_t)ceil(lo - EPS);
	if (c->lo < 1)
		c->lo = 1;
	if (!c->passed && lo <= EPS)
		milp_solve(au, s, cols, coef, n, GLP_MIN, 0);
	c->why = WHY_GROUP;
	return c->passed;
}

/*
 * Witnesses for many checks at once: the true counts (the other columns
 * solved for), then points that push all open withheld numbers up or
 * down together.
 */
static void
find_witnesses(struct audit *au, struct system *s, int with_truth)
{
	size_t *cols = NULL, n = 0, cap = 0, i, round;
	int *coef = NULL;
	double v;

	if (with_truth) {
		/* The true counts, the columns nobody knows (cycle
		 * components, counts a transitions file lacks) solved for. */
		for (i = 0; i < s->ncols; i++) {
			size_t mi = s->colmem[i];
			uint64_t t;

			if (mi != NONE && mem_truth(s->sm[mi].m, s->colcell[i],
			    &t) && (int64_t)t >= s->lo[i] &&
			    (int64_t)t <= s->hi[i])
				set_bounds(s->lp, i, (int64_t)t, (int64_t)t);
		}
		if (lp_solve(au, s, NULL, NULL, 0, GLP_MAX, &v, NULL) == 1 &&
		    s->nwitness > 0)
			s->truth_ok = 1;
		for (i = 0; i < s->ncols; i++)
			set_bounds(s->lp, i, s->lo[i], s->hi[i]);
		if (!s->truth_ok)
			au->st.no_truth++;
	}
	for (round = 0; round < MAX_WITNESS_SOLVES; round++) {
		n = 0;
		for (i = 0; i < s->nchk; i++) {
			struct check *c = &s->chk[i];

			if (c->passed || c->group)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				cols = xreallocarray(cols, cap, sizeof(*cols));
				coef = xreallocarray(coef, cap, sizeof(*coef));
			}
			cols[n] = c->col[0];
			coef[n++] = 1;
		}
		if (n == 0)
			break;
		if (lp_solve(au, s, cols, coef, n, round % 2 ? GLP_MIN :
		    GLP_MAX, &v, NULL) != 1)
			break;
	}
	free(cols);
	free(coef);
}

/* ---- systems of a build ---- */

static struct system *
sys_new(void)
{
	return xcalloc(1, sizeof(struct system));
}

/* Adds checks for withheld numbers not yet checked, with the bounds. */
static void
sys_sync(struct audit *au, struct system *s)
{
	size_t i;

	for (i = 0; i < s->ncols; i++) {
		size_t mi = s->colmem[i];
		struct member *m;
		int64_t lo, hi;
		int fx;

		if (mi == NONE)
			continue;
		m = s->sm[mi].m;
		cell_bounds(au, m, s->colcell[i], &lo, &hi, &fx);
		if (lo != s->lo[i] || hi != s->hi[i]) {
			s->lo[i] = lo;
			s->hi[i] = hi;
			set_bounds(s->lp, i, lo, hi);
		}
		if (!s->checked[i] && mem_hidden(m, s->colcell[i]) &&
		    (m->need_cell == NULL || m->need_cell[s->colcell[i]])) {
			struct check *c = sys_check(s, 0, i, i, m->k);

			s->checked[i] = 1;
			c->passed = cell_passed(s, c);
		}
	}
}

/* The group system of some of this build's flows: gi[0..n). */
static struct system *
group_system(struct audit *au, const size_t *gi, size_t n)
{
	struct system *s = sys_new();
	size_t i, j;

	for (i = 0; i < n; i++)
		add_member(au, s, gi[i]);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			relate_same(s, i, j);
	for (i = 0; i < n; i++)
		member_groups(s, i, 1);
	sys_load(s);
	sys_sync(au, s);
	return s;
}

/* A pair system at a level of the nesting hypothesis. */
static struct system *
pair_system(struct audit *au, size_t small, size_t big, int level)
{
	struct system *s = sys_new();

	s->pair = 1;
	s->small = small;
	s->big = big;
	s->level = level;
	add_member(au, s, small);
	add_member(au, s, big);
	if (level > 0)
		relate_nested(s, 0, 1, level);
	member_groups(s, 0, 1);
	member_groups(s, 1, 1);
	sys_load(s);
	sys_sync(au, s);
	return s;
}

/* Does any point satisfy every fact of the system? */
static int
sys_feasible(struct audit *au, struct system *s)
{
	double v;

	return s->nwitness > 0 ||
	    lp_solve(au, s, NULL, NULL, 0, GLP_MAX, &v, NULL) == 1;
}

/*
 * The strongest nesting hypothesis that the published numbers allow:
 * an attacker assumes it, and a weaker one only lets through what the
 * stronger one does.
 */
static struct system *
pair_best(struct audit *au, size_t small, size_t big, int from)
{
	int level;

	if (mem_nn(&au->mem[small]) == 0 || mem_nn(&au->mem[big]) == 0)
		return NULL;
	for (level = 2; level > from; level--) {
		struct system *s = pair_system(au, small, big, level);

		if (sys_feasible(au, s))
			return s;
		sys_free(s);
	}
	return NULL;
}

static void
add_system(struct audit *au, struct system *s)
{
	if (au->nsys == au->capsys) {
		au->capsys = au->capsys ? au->capsys * 2 : 8;
		au->sys = xreallocarray(au->sys, au->capsys,
		    sizeof(*au->sys));
	}
	au->sys[au->nsys++] = s;
}

/* Do two sorted lists of client hashes share one? */
static int
share_clients(const struct flow_counts *a, const struct flow_counts *b)
{
	size_t na, nb, i = 0, j = 0;
	const uint64_t *x = flow_client_hashes(a, &na);
	const uint64_t *y = flow_client_hashes(b, &nb);

	while (i < na && j < nb) {
		if (x[i] == y[j])
			return 1;
		if (x[i] < y[j])
			i++;
		else
			j++;
	}
	return 0;
}

static void
build_systems(struct audit *au)
{
	size_t i, j, *gi = xcalloc(au->nflows + 1, sizeof(size_t));
	unsigned char *done = xcalloc(au->nflows + 1, 1);

	/* Flows of the same data file: one system each group. */
	for (i = 0; i < au->nflows; i++) {
		size_t n = 0;

		if (done[i])
			continue;
		for (j = i; j < au->nflows; j++)
			if (!done[j] && strcmp(au->flows[i].data,
			    au->flows[j].data) == 0) {
				done[j] = 1;
				/* A flow with no clients publishes nothing. */
				if (mem_nn(&au->mem[j]) > 0)
					gi[n++] = j;
			}
		if (n > 0)
			add_system(au, group_system(au, gi, n));
	}
	/* Different files that share clients: either may be part of the
	 * other, pair by pair. */
	for (i = 0; i < au->nflows; i++)
		for (j = i + 1; j < au->nflows; j++) {
			struct flow_counts *a = au->flows[i].counts;
			struct flow_counts *b = au->flows[j].counts;
			struct system *s;

			if (strcmp(au->flows[i].data, au->flows[j].data) == 0 ||
			    !flow_is_events(a) || !flow_is_events(b) ||
			    !share_clients(a, b))
				continue;
			if ((s = pair_best(au, i, j, 0)) != NULL)
				add_system(au, s);
			if ((s = pair_best(au, j, i, 0)) != NULL)
				add_system(au, s);
		}
	/* Earlier editions against the flow of the same id. */
	for (i = au->nflows; i < au->nmem; i++) {
		struct system *s;
		size_t f = au->mem[i].flow;

		if (f == NONE)
			continue;
		if ((s = pair_best(au, i, f, 0)) != NULL)
			add_system(au, s);
		if ((s = pair_best(au, f, i, 0)) != NULL)
			add_system(au, s);
	}
	free(gi);
	free(done);
}

static void
free_systems(struct audit *au)
{
	size_t i;

	for (i = 0; i < au->nsys; i++)
		sys_free(au->sys[i]);
	au->nsys = 0;
}

/* ---- messages ---- */

/* What column col of system s is, in words. */
static char *
col_name(const struct system *s, size_t col)
{
	const struct member *m = s->sm[s->colmem[col]].m;
	size_t c = s->colcell[col], nn = mem_nn(m);

	if (c < nn && (strcmp(mem_node(m, c), "start") == 0 ||
	    strcmp(mem_node(m, c), "end") == 0))
		return xstrdup("the number of clients");
	if (c < nn)
		return xasprintf("the count of %s", mem_node(m, c));
	return xasprintf("%s -> %s", mem_node(m, mem_from(m, c - nn)),
	    mem_node(m, mem_to(m, c - nn)));
}

static char *
check_name(const struct system *s, const struct check *c)
{
	char *a, *b, *r;

	a = col_name(s, c->col[0]);
	if (!c->group)
		return a;
	b = col_name(s, c->col[1]);
	r = xasprintf("%s less %s", a, b);
	free(a);
	free(b);
	return r;
}

/* ---- the rounds ---- */

static int
chosen(struct audit *au, size_t mi, size_t cell)
{
	size_t i;

	for (i = 0; i < au->nchosen; i += 2)
		if (au->chosen[i] == mi && au->chosen[i + 1] == cell)
			return 1;
	return 0;
}

static void
choose(struct audit *au, size_t mi, size_t cell)
{
	*(size_t *)array_push(&au->chosen, &au->nchosen, &au->capchosen,
	    sizeof(size_t)) = mi;
	*(size_t *)array_push(&au->chosen, &au->nchosen, &au->capchosen,
	    sizeof(size_t)) = cell;
}

static size_t
global_member(const struct audit *au, const struct member *m)
{
	return (size_t)(m - au->mem);
}

/* The cost of withholding a published number: its true count. */
static uint64_t
cost(const struct member *m, size_t c)
{
	uint64_t t;

	return mem_truth(m, c, &t) ? t : mem_published(m, c);
}

/*
 * When the optimum named no published number (a degenerate vertex
 * hides which bounds it leans on): the published numbers nearest to the
 * check through the facts, nearest first.  Returns the cheapest of the
 * nearest ones that can be withheld, or NONE.
 */
static size_t
nearest_published(const struct system *s, const struct check *c)
{
	size_t *queue = xcalloc(s->ncols + 1, sizeof(size_t));
	unsigned char *seen = xcalloc(s->ncols + 1, 1);
	size_t head = 0, tail = 0, level_end, best = NONE, i, j, t;
	uint64_t bestcost = 0;

	for (i = 0; i < (c->group ? 2u : 1u); i++)
		if (!seen[c->col[i]]) {
			seen[c->col[i]] = 1;
			queue[tail++] = c->col[i];
		}
	while (head < tail && best == NONE) {
		level_end = tail;
		for (; head < level_end; head++) {
			size_t col = queue[head];

			for (i = s->crow_start[col]; i < s->crow_start[col + 1];
			    i++) {
				const struct row *r = &s->rows[s->crow[i]];

				for (j = 0; j < r->len; j++) {
					t = s->tcol[r->start + j];
					if (seen[t])
						continue;
					seen[t] = 1;
					queue[tail++] = t;
				}
			}
		}
		for (i = level_end; i < tail; i++) {
			const struct member *m;
			uint64_t x;

			t = queue[i];
			if (!col_withholdable(s, t))
				continue;
			m = s->sm[s->colmem[t]].m;
			x = cost(m, s->colcell[t]);
			if (best == NONE || x < bestcost) {
				best = t;
				bestcost = x;
			}
		}
	}
	free(queue);
	free(seen);
	return best;
}

/*
 * Would the check still fail with every number this build publishes in
 * the system withheld?  Then no withholding can mend it (the linear
 * bound says so; it is an upper bound on what an attacker can do, so
 * "no" here is certain).
 */
static int
fails_relaxed(struct audit *au, struct system *s, const struct check *c,
    int free_other)
{
	size_t cols[2] = { c->col[0], c->col[1] }, i;
	int coef[2] = { 1, -1 }, fails = 0, fx;
	double hi, lo;

	for (i = 0; i < s->ncols; i++)
		if (col_withholdable(s, i)) {
			int64_t a, b;

			cell_bounds_as(au, s->sm[s->colmem[i]].m, s->colcell[i],
			    1, &a, &b, &fx);
			set_bounds(s->lp, i, a, free_other ? au->cap : b);
		} else if (free_other && s->fixedhi[i])
			set_bounds(s->lp, i, s->lo[i], au->cap);
	if (lp_solve(au, s, cols, coef, c->group ? 2 : 1, GLP_MAX, &hi,
	    NULL) == 1) {
		if (hi < c->k - EPS)
			fails = !c->group || (lp_solve(au, s, cols, coef, 2,
			    GLP_MIN, &lo, NULL) == 1 && lo > EPS);
		else if (!c->group && c->why == WHY_PINNED &&
		    lp_solve(au, s, cols, coef, 1, GLP_MIN, &lo, NULL) == 1)
			fails = hi - lo < 0.5;
	}
	for (i = 0; i < s->ncols; i++)
		set_bounds(s->lp, i, s->lo[i], s->hi[i]);
	return fails;
}

/*
 * A failed check: withholds the cheapest published number its bounds
 * leaned on, unless one of them is already being withheld this round.
 * With nothing to withhold, the flows of the check are withheld whole.
 */
static void
repair(struct audit *au, struct system *s, struct check *c,
    unsigned char *withhold)
{
	size_t i, best = NONE;
	uint64_t bestcost = 0;
	int structural = 0, other_bound = 0, any = 0, pass;

	for (i = 0; i < c->ncand; i++) {
		size_t col = c->cand[i];
		const struct member *m = s->sm[s->colmem[col]].m;
		size_t gm = global_member(au, m), cell = s->colcell[col];
		uint64_t x;

		if (chosen(au, gm, cell))
			return;
		x = cost(m, cell);
		if (best == NONE || x < bestcost) {
			best = col;
			bestcost = x;
		}
	}
	if (!c->group && s->fixedhi[c->col[0]] &&
	    s->hi[c->col[0]] < (int64_t)c->k)
		structural = other_bound = 1;
	if (best == NONE && !structural && !au->budget_out &&
	    fails_relaxed(au, s, c, 0)) {
		structural = 1;
		/* Is it other standing for too few services? */
		other_bound = !fails_relaxed(au, s, c, 1);
	}
	if (best == NONE && !structural && !au->budget_out) {
		best = nearest_published(s, c);
		if (best != NONE && chosen(au, global_member(au,
		    s->sm[s->colmem[best]].m), s->colcell[best]))
			return;
	}
	if (best != NONE && !structural && !au->budget_out) {
		choose(au, global_member(au, s->sm[s->colmem[best]].m),
		    s->colcell[best]);
		return;
	}
	/* Nothing to withhold helps: the flows of the check go, or, for a
	 * number of an earlier edition, this build's flows beside it.  One
	 * flow a round: without it, what fails elsewhere may not. */
	if (au->withholding)
		return;
	for (pass = 0; pass < 2 && !any; pass++)
		for (i = 0; i < s->nsm; i++) {
			const struct member *m = s->sm[i].m;
			size_t gm = global_member(au, m);
			char *what;

			if (pass == 0 && m->f != NULL && !m->f->withheld &&
			    (s->colmem[c->col[0]] == i ||
			    s->colmem[c->col[1]] == i) && withhold[gm])
				return; /* already going */
			if (m->f == NULL || m->f->withheld || withhold[gm])
				continue;
			if (pass == 0 && s->colmem[c->col[0]] != i &&
			    s->colmem[c->col[1]] != i)
				continue;
			if (any)
				break;
			any = 1;
			withhold[gm] = 1;
			au->withholding = 1;
			what = check_name(s, c);
			if (au->budget_out)
				diag_warning(au->dl, m->at, "only the number of "
				    "clients of this flow is published: the "
				    "audit did not finish within its limit of "
				    "%lu simplex iterations", MAX_PIVOTS);
			else if (other_bound)
				diag_warning(au->dl, m->at, "only the number of "
				    "clients of this flow is published: other "
				    "stands for %" PRId64 " service%s that fewer "
				    "than %u clients used, so %s would be known "
				    "to lie between 1 and %" PRId64 " whatever "
				    "is withheld", m->merged, m->merged == 1 ?
				    "" : "s", m->k, what, c->hi);
			else if (c->why == WHY_PINNED)
				diag_warning(au->dl, m->at, "only the number of "
				    "clients of this flow is published: %s "
				    "could be worked out exactly whatever else "
				    "is withheld", what);
			else if (c->why == WHY_GROUP)
				diag_warning(au->dl, m->at, "only the number of "
				    "clients of this flow is published: %s "
				    "could be narrowed to between %" PRId64
				    " and %" PRId64 " clients (k is %u) "
				    "whatever else is withheld", what, c->lo,
				    c->hi, c->k);
			else
				diag_warning(au->dl, m->at, "only the number of "
				    "clients of this flow is published: %s "
				    "could be narrowed to at most %" PRId64
				    " clients (k is %u) whatever else is "
				    "withheld", what, c->hi, c->k);
			free(what);
		}
	if (!any)
		c->stuck = 1;
}

static void
snapshot_take(struct snapshot *sn, const struct flow_counts *f)
{
	size_t i;

	sn->nsup = xcalloc(f->nnodes + 1, 1);
	sn->esup = xcalloc(f->nedges + 1, 1);
	sn->ncount = xcalloc(f->nnodes + 1, sizeof(uint64_t));
	sn->ecount = xcalloc(f->nedges + 1, sizeof(uint64_t));
	for (i = 0; i < f->nnodes; i++) {
		sn->nsup[i] = (unsigned char)f->nodes[i].suppressed;
		sn->ncount[i] = f->nodes[i].count;
	}
	for (i = 0; i < f->nedges; i++) {
		sn->esup[i] = (unsigned char)f->edges[i].suppressed;
		sn->ecount[i] = f->edges[i].count;
	}
}

/* Undoes the audit's withholding (not of a flow withheld whole). */
static void
snapshot_restore(const struct snapshot *sn, struct flow_counts *f)
{
	size_t i;

	if (f->withheld)
		return;
	for (i = 0; i < f->nnodes; i++) {
		f->nodes[i].suppressed = sn->nsup[i];
		f->nodes[i].count = sn->ncount[i];
	}
	for (i = 0; i < f->nedges; i++) {
		f->edges[i].suppressed = sn->esup[i];
		f->edges[i].count = sn->ecount[i];
	}
}

static void
snapshot_free(struct snapshot *sn)
{
	free(sn->nsup);
	free(sn->esup);
	free(sn->ncount);
	free(sn->ecount);
}

/* Hides the cells chosen so far in the flow F: all of them, or only
 * those of F (a flow about to be withheld whole).  Each choice applied
 * is marked done, so it is applied once. */
static void
apply_chosen_in(struct audit *au, const struct flow_counts *f)
{
	size_t i;

	for (i = 0; i < au->nchosen; i += 2) {
		struct member *m;
		size_t c = au->chosen[i + 1], nn;

		if (au->chosen[i] == SIZE_MAX)
			continue;
		m = &au->mem[au->chosen[i]];
		if (f != NULL && m->f != f)
			continue;
		au->chosen[i] = SIZE_MAX;
		nn = mem_nn(m);
		if (c < nn)
			flow_hide_node(m->f, c);
		else
			flow_hide_edge(m->f, c - nn);
		au->st.hidden++;
	}
}

/* Withholds a whole flow: only start and end stay.  The cells chosen in
 * it this round are hidden first, while their indices still hold: a
 * start or end chosen stays hidden, and no index runs past the shrunk
 * arrays (found by fuzz_csv; dropping the choices instead published a
 * start or end the round had withheld). */
static void
withhold_flow(struct audit *au, size_t gm)
{
	struct member *m = &au->mem[gm];

	apply_chosen_in(au, m->f);
	flow_withhold(m->f);
	au->st.withheld++;
}

static void
apply_choices(struct audit *au)
{
	apply_chosen_in(au, NULL);
	au->nchosen = 0;
}

/*
 * One round over every system: returns the number of failed checks,
 * with the repairs chosen.  Sets *rebuild when a flow was withheld
 * whole (the systems then change shape).
 */
static size_t
run_round(struct audit *au, unsigned char *withhold, int *rebuild)
{
	size_t i, j, failed = 0;

	for (i = 0; i < au->nsys; i++) {
		struct system *s = au->sys[i];

		sys_sync(au, s);
		if (s->pair && s->level < 2) {
			/* Withholding may have made a stronger hypothesis
			 * consistent. */
			struct system *t = pair_best(au, s->small, s->big,
			    s->level);

			if (t != NULL) {
				sys_free(s);
				au->sys[i] = s = t;
			}
		}
		if (s->nwitness == 0 || au->st.rounds == 0)
			find_witnesses(au, s, s->nwitness == 0);
		else
			find_witnesses(au, s, 0);
		for (j = 0; j < 2 * s->nchk; j++) {
			struct check *c = &s->chk[j % s->nchk];

			/* Withheld numbers first: their failures say more. */
			if (c->passed || c->group != (j >= s->nchk))
				continue;
			au->st.checks++;
			if (decide(au, s, c))
				continue;
			failed++;
			repair(au, s, c, withhold);
		}
	}
	au->withholding = 0;
	for (i = 0; i < au->nflows; i++)
		if (withhold[i]) {
			withhold_flow(au, i);
			withhold[i] = 0;
			*rebuild = 1;
		}
	return failed;
}

/*
 * An earlier edition alone: which of its withheld numbers and groups it
 * protected by itself.  Only those must stay protected; the others it
 * gave away already, which is said once.
 */
static void
edition_alone(struct audit *au, size_t gm)
{
	struct member *m = &au->mem[gm];
	struct system *s;
	size_t i, cells = mem_nn(m) + mem_ne(m), given = 0, g = 0;
	char *first = NULL;

	if (mem_nn(m) == 0)
		return;
	s = sys_new();
	add_member(au, s, gm);
	m->ngroups = member_groups(s, 0, 1);
	sys_load(s);
	sys_sync(au, s);
	find_witnesses(au, s, 0);
	m->need_cell = xcalloc(cells + 1, 1);
	m->need_group = xcalloc(m->ngroups + 1, 1);
	for (i = 0; i < s->nchk; i++) {
		struct check *c = &s->chk[i];
		int ok = decide(au, s, c);

		if (c->group)
			m->need_group[g++] = (unsigned char)ok;
		else
			m->need_cell[s->colcell[c->col[0]]] =
			    (unsigned char)ok;
		if (!ok && first == NULL)
			first = check_name(s, c);
		given += !ok;
	}
	if (given > 0)
		diag_warning(au->dl, m->at, "%s already gives away %zu "
		    "number%s that it withheld or could be derived (such as "
		    "%s); this edition cannot take that back", m->file, given,
		    given == 1 ? "" : "s", first);
	free(first);
	sys_free(s);
}

int
audit_flows(struct audit_flow *flows, size_t n, const struct audit_edition *ed,
    size_t ned, struct diag_list *dl, struct audit_stats *st)
{
	struct audit au;
	size_t i, j, failed;
	int64_t total = 0;
	unsigned char *withhold;
	int rebuild = 0, rc = 0;

	memset(&au, 0, sizeof(au));
	au.flows = flows;
	au.nflows = n;
	au.dl = dl;
	au.mem = xcalloc(n + ned + 1, sizeof(*au.mem));
	au.snap = xcalloc(n + 1, sizeof(*au.snap));
	for (i = 0; i < n; i++)
		snapshot_take(&au.snap[i], flows[i].counts);
	for (i = 0; i < n; i++) {
		struct member *m = &au.mem[au.nmem++];
		struct flow_counts *f = flows[i].counts;

		m->f = f;
		m->id = flows[i].id;
		m->file = flows[i].at.file;
		m->at = flows[i].at;
		m->flow = NONE;
		m->k = f->k;
		m->r = f->rounding;
		m->events = flow_is_events(f);
		m->merged = m->events ? (int64_t)flow_merged(f) : -1;
		for (j = 0; j < f->nnodes; j++)
			total += (int64_t)flow_node_true_count(f, j);
		for (j = 0; j < f->nedges; j++)
			total += (int64_t)flow_edge_true_count(f, j);
	}
	for (i = 0; i < ned; i++) {
		struct member *m = &au.mem[au.nmem];
		const struct edition_flow *e = ed[i].flow;

		m->ed = e;
		m->id = e->id;
		m->file = e->file;
		m->at = ed[i].at;
		m->flow = NONE;
		m->k = e->k;
		m->r = e->rounding;
		m->merged = -1;
		for (j = 0; j < n; j++)
			if (strcmp(flows[j].id, e->id) == 0)
				m->flow = j;
		if (m->flow == NONE) {
			diag_warning(dl, ed[i].at, "%s is an earlier edition "
			    "of flow \"%s\", which this build does not have: "
			    "it is not audited against anything", e->file,
			    e->id);
			continue;
		}
		m->events = au.mem[m->flow].events;
		for (j = 0; j < e->nnodes; j++)
			total += e->ncount[j] > 0 ? e->ncount[j] : 0;
		for (j = 0; j < e->nedges; j++)
			total += e->ecount[j] > 0 ? e->ecount[j] : 0;
		au.nmem++;
	}
	/* A bound above every count only removes worlds with absurdly many
	 * clients: it can only make the attacker stronger. */
	au.cap = 4 * total + 1024;
	glp_term_out(GLP_OFF);
	for (i = n; i < au.nmem; i++)
		edition_alone(&au, i);
	withhold = xcalloc(n + 1, 1);
	build_systems(&au);
	for (;;) {
		size_t before;

		rebuild = 0;
		failed = run_round(&au, withhold, &rebuild);
		au.st.rounds++;
		if (failed == 0 && !rebuild)
			break;
		before = au.st.hidden;
		apply_choices(&au);
		if (au.st.hidden == before && !rebuild) {
			/* Failures that no withholding can mend. */
			for (i = 0; i < au.nsys && !rc; i++)
				for (j = 0; j < au.sys[i]->nchk; j++) {
					struct system *s = au.sys[i];
					struct check *c = &s->chk[j];
					char *what;

					if (c->passed || !c->stuck)
						continue;
					what = check_name(s, c);
					diag_error(dl, s->sm[s->colmem[
					    c->col[0]]].m->at, "the audit "
					    "cannot protect %s, even with every "
					    "flow withheld: nothing is "
					    "published", what);
					free(what);
					rc = -1;
					break;
				}
			if (!rc) {
				diag_error(dl, flows[0].at, "the audit made "
				    "no progress: nothing is published");
				rc = -1;
			}
			break;
		}
		if (rebuild) {
			/* The flows left start again from their primary
			 * suppression: what was withheld for the flow that is
			 * gone need not stay. */
			for (i = 0; i < n; i++)
				snapshot_restore(&au.snap[i], flows[i].counts);
			free_systems(&au);
			build_systems(&au);
		}
	}
	au.st.hidden = 0;
	for (i = 0; i < n; i++) {
		const struct flow_counts *f = flows[i].counts;

		if (f->withheld)
			continue;
		for (j = 0; j < f->nnodes; j++)
			au.st.hidden += f->nodes[j].suppressed &&
			    !au.snap[i].nsup[j];
		for (j = 0; j < f->nedges; j++)
			au.st.hidden += f->edges[j].suppressed &&
			    !au.snap[i].esup[j];
	}
	for (i = 0; i < n; i++)
		snapshot_free(&au.snap[i]);
	free(au.snap);
	free_systems(&au);
	free(au.sys);
	free(withhold);
	free(au.chosen);
	for (i = 0; i < au.nmem; i++) {
		free(au.mem[i].need_cell);
		free(au.mem[i].need_group);
	}
	free(au.mem);
	glp_free_env();
	au.st.flows = n;
	if (st != NULL)
		*st = au.st;
	return 0;
}
