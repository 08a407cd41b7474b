/*
 * Unit tests of loading and resolving (load.c, resolve.c, model.c): small
 * content trees are written to a temporary folder, loaded and resolved,
 * and the model's references, back-links and the exact diagnostics are
 * checked.  Diagnostics show the tree's folder as "C".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "testlib.h"

#include "diag.h"
#include "load.h"
#include "model.h"
#include "resolve.h"
#include "util.h"

/* The content tree of the current test. */
struct tree {
	char dir[64];   /* mkdtemp folder */
};

static struct tree *
tree_new(void)
{
	struct tree *t = xcalloc(1, sizeof(*t));

	strcpy(t->dir, "/tmp/kartta-test-resolve-XXXXXX");
	assert_non_null(mkdtemp(t->dir));
	return t;
}

static void
tree_free(struct tree *t)
{
	test_remove_tree(t->dir);
	free(t);
}

/* Replaces every occurrence of the tree's folder in s by "C". */
static char *
shorten(const struct tree *t, const char *s)
{
	struct buf b = { 0 };
	size_t n = strlen(t->dir);
	const char *p;

	while ((p = strstr(s, t->dir)) != NULL) {
		buf_append(&b, s, (size_t)(p - s));
		buf_putc(&b, 'C');
		s = p + n;
	}
	buf_puts(&b, s);
	return buf_detach(&b);
}

/*
 * Loads and resolves the tree; returns the model (caller frees) and in
 * *diags the printed diagnostics with the folder shortened.
 */
static struct model *
load(struct tree *t, char **diags)
{
	struct diag_list *dl = diag_list_new();
	struct model *m = load_content(t->dir, dl);
	char *mem;

	if (m != NULL)
		resolve_model(m, dl);
	mem = test_diag_text(dl, DIAG_FORMAT_PLAIN);
	diag_list_free(dl);
	*diags = shorten(t, mem);
	free(mem);
	return m;
}

#define DIAGS(d, expected) do { \
	assert_string_equal((d), (expected)); \
	free(d); \
} while (0)

#define SITE "title: Käsikirja\n"

/* A small valid network used by several tests. */
static void
put_network(struct tree *t)
{
	test_put_file(t->dir, "site.yaml", SITE);
	test_put_file(t->dir, "groups/alku.yaml", "name: Alku\norder: 1\n");
	test_put_file(t->dir, "groups/tyo.yaml", "name: Työ\norder: 2\n");
	test_put_file(t->dir, "actors/keskus.yaml", "name: Keskus\nkind: wellbeing-county\n");
	test_put_file(t->dir, "actors/tiimi.yaml", "name: Tiimi\nkind: team\n"
	    "part_of: keskus\n");
	test_put_file(t->dir, "actors/koordinaattori.yaml", "name: Koordinaattori\n"
	    "kind: role\npart_of: tiimi\n");
	test_put_file(t->dir, "services/kartoitus.yaml", "name: Kartoitus\ngroup: alku\n"
	    "providers: [tiimi]\nsummary: S.\nnext: [kokeilu, tuki]\n");
	test_put_file(t->dir, "services/kokeilu.yaml", "name: Kokeilu\ngroup: tyo\n"
	    "providers: [keskus, tiimi]\nsummary: S.\nnext: [tuki]\n"
	    "related: [kartoitus]\n");
	test_put_file(t->dir, "services/tuki.yaml", "name: Tuki\ngroup: tyo\n"
	    "providers: [keskus]\nsummary: S.\n");
	test_put_file(t->dir, "segments/vahva.yaml", "name: Vahva\nlevel: 2\nwhen: [W]\n"
	    "coordinator: koordinaattori\nservices: [kokeilu, tuki]\n");
	test_put_file(t->dir, "paths/polku.yaml", "title: Polku\npersona: { name: Aino }\n"
	    "segment: vahva\ncoordinator: koordinaattori\nsteps:\n"
	    "  - { at: service:kartoitus, title: A, responsible: tiimi }\n"
	    "  - { at: actor:keskus, title: B }\n"
	    "  - { at: service:kokeilu, title: C }\n"
	    "  - { at: service:kartoitus, title: D }\n");
	test_put_file(t->dir, "decisions/opas.yaml", "title: Opas\nstart: q\nquestions:\n"
	    "  q:\n    text: Q?\n    answers:\n"
	    "      - { label: K, outcome: o }\n"
	    "outcomes:\n  o: { text: O., segment: vahva, actor: tiimi }\n");
}

/* "id id id" of a back-link list. */
static char *
ids(const struct links *l)
{
	struct buf b = { 0 };
	size_t i;

	for (i = 0; i < l->len; i++)
		buf_printf(&b, "%s%s", i ? " " : "", l->items[i]->id);
	return buf_detach(&b);
}

#define IDS(links, expected) do { \
	char *s_ = ids(links); \
	assert_string_equal(s_, (expected)); \
	free(s_); \
} while (0)

#define FIND(m, kind, id) ((void *)model_find((m), (kind), (id)))

static void
test_back_links(void **state)
{
	struct tree *t = tree_new();
	struct model *m;
	struct actor *keskus, *tiimi, *koord;
	struct service *kart, *kok, *tuki;
	struct group *tyo;
	struct segment *vahva;
	struct path *p;
	char *d;

	(void)state;
	put_network(t);
	m = load(t, &d);
	DIAGS(d, "");
	assert_non_null(m);
	keskus = FIND(m, KIND_ACTOR, "keskus");
	tiimi = FIND(m, KIND_ACTOR, "tiimi");
	koord = FIND(m, KIND_ACTOR, "koordinaattori");
	kart = FIND(m, KIND_SERVICE, "kartoitus");
	kok = FIND(m, KIND_SERVICE, "kokeilu");
	tuki = FIND(m, KIND_SERVICE, "tuki");
	tyo = FIND(m, KIND_GROUP, "tyo");
	vahva = FIND(m, KIND_SEGMENT, "vahva");
	p = FIND(m, KIND_PATH, "polku");
	assert_non_null(keskus);
	assert_non_null(koord);
	assert_non_null(p);
	assert_null(FIND(m, KIND_SERVICE, "keskus")); /* kinds apart */
	assert_null(FIND(m, KIND_ACTOR, "nope"));

	/* References point at their targets. */
	assert_ptr_equal(kok->group.target, &tyo->e);
	assert_ptr_equal(((struct ref *)kok->providers.items)[0].target,
	    &keskus->e);
	assert_int_equal(tiimi->part_of.len, 1);
	assert_ptr_equal(((struct ref *)tiimi->part_of.items)[0].target,
	    &keskus->e);
	assert_ptr_equal(p->segment.target, &vahva->e);
	assert_ptr_equal(((struct step *)p->steps.items)[1].at.target,
	    &keskus->e);

	/* Back-links, in id order of the linking entities. */
	IDS(&keskus->provides, "kokeilu tuki");
	IDS(&tiimi->provides, "kartoitus kokeilu");
	IDS(&koord->provides, "");
	IDS(&tyo->services, "kokeilu tuki");
	IDS(&tuki->previous, "kartoitus kokeilu");
	IDS(&kok->previous, "kartoitus");
	IDS(&kart->previous, "");
	IDS(&keskus->parts, "tiimi");
	IDS(&tiimi->parts, "koordinaattori");
	/* A path is listed once however often it passes. */
	IDS(&kart->paths, "polku");
	IDS(&kok->paths, "polku");
	IDS(&tuki->paths, "");
	IDS(&keskus->paths, "polku");
	IDS(&tiimi->paths, "polku");   /* responsible */
	IDS(&koord->paths, "polku");   /* coordinator */
	IDS(&vahva->paths, "polku");
	IDS(&vahva->outcomes, "opas");
	IDS(&kok->segments, "vahva");
	IDS(&tuki->segments, "vahva");
	IDS(&kart->segments, "");

	/* Entities are sorted by id and know their index. */
	assert_int_equal(m->set[KIND_ACTOR].len, 3);
	assert_string_equal(m->set[KIND_ACTOR].items[0]->id, "keskus");
	assert_string_equal(m->set[KIND_ACTOR].items[1]->id,
	    "koordinaattori");
	assert_string_equal(m->set[KIND_ACTOR].items[2]->id, "tiimi");
	assert_int_equal(koord->e.index, 1);
	assert_int_equal(koord->e.kind, KIND_ACTOR);
	assert_string_equal(entity_title(m, &koord->e, LANG_FI),
	    "Koordinaattori");
	model_free(m);
	model_free(NULL);
	tree_free(t);
}

static void
test_unknown_references(void **state)
{
	struct tree *t = tree_new();
	struct model *m;
	char *d;

	(void)state;
	put_network(t);
	test_put_file(t->dir, "services/viite.yaml",
	    "name: V\n"
	    "group: tyot\n"
	    "providers: [keskus, tiimit, olematon]\n"
	    "summary: S.\n"
	    "related: [kokeilu, Kokeilu]\n"
	    "next: [alku]\n");
	test_put_file(t->dir, "paths/viite.yaml",
	    "title: P\npersona: { name: Aino }\n"
	    "segment: vahv\n"
	    "steps:\n"
	    "  - { at: service:kokeilut, title: A, responsible: keskuss }\n"
	    "  - { at: actor:kokeilu, title: B }\n");
	test_put_file(t->dir, "maps/kartta.yaml",
	    "title: K\ncentre: keskuz\nactors: all\ngroups: [alku, tyoo]\n"
	    "edges:\n  - { from: group:alku, to: service:tukii }\n");
	m = load(t, &d);
	DIAGS(d,
	    "C/maps/kartta.yaml:2:9: error: unknown actor \"keskuz\" (did you "
	    "mean \"keskus\"?)\n"
	    "C/maps/kartta.yaml:4:16: error: unknown group \"tyoo\" (did you "
	    "mean \"tyo\"?)\n"
	    "C/maps/kartta.yaml:6:29: error: unknown service \"tukii\" (did you "
	    "mean \"tuki\"?)\n"
	    "C/paths/viite.yaml:3:10: error: unknown segment \"vahv\" (did you "
	    "mean \"vahva\"?)\n"
	    "C/paths/viite.yaml:5:11: error: unknown service \"kokeilut\" (did "
	    "you mean \"kokeilu\"?)\n"
	    "C/paths/viite.yaml:5:52: error: unknown actor \"keskuss\" (did you "
	    "mean \"keskus\"?)\n"
	    "C/paths/viite.yaml:6:11: error: unknown actor \"kokeilu\": there "
	    "is no actors/kokeilu.yaml\n"
	    "C/services/viite.yaml:2:8: error: unknown group \"tyot\" (did you "
	    "mean \"tyo\"?)\n"
	    "C/services/viite.yaml:3:21: error: unknown actor \"tiimit\" (did "
	    "you mean \"tiimi\"?)\n"
	    "C/services/viite.yaml:3:29: error: unknown actor \"olematon\": "
	    "there is no actors/olematon.yaml\n"
	    "C/services/viite.yaml:5:20: error: \"Kokeilu\" is not a valid "
	    "service id (lower-case letters a-z, digits and '-') (did you mean "
	    "\"kokeilu\"?)\n"
	    "C/services/viite.yaml:6:8: error: unknown service \"alku\": there "
	    "is no services/alku.yaml\n");
	/* Unresolved references stay NULL; resolved ones do not. */
	{
		struct service *v = FIND(m, KIND_SERVICE, "viite");

		assert_null(v->group.target);
		assert_non_null(((struct ref *)v->providers.items)[0].target);
		assert_null(((struct ref *)v->providers.items)[1].target);
	}
	model_free(m);
	tree_free(t);
}

static void
test_part_of_cycles(void **state)
{
	struct tree *t = tree_new();
	struct model *m;
	char *d;

	(void)state;
	test_put_file(t->dir, "site.yaml", SITE);
	test_put_file(t->dir, "actors/a.yaml", "name: A\nkind: team\npart_of: b\n");
	test_put_file(t->dir, "actors/b.yaml", "name: B\nkind: team\npart_of: c\n");
	test_put_file(t->dir, "actors/c.yaml", "name: C\nkind: team\npart_of: a\n");
	test_put_file(t->dir, "actors/d.yaml", "name: D\nkind: team\npart_of: a\n");
	test_put_file(t->dir, "actors/e.yaml", "name: E\nkind: team\npart_of: d\n");
	test_put_file(t->dir, "actors/itse.yaml", "name: I\nkind: role\npart_of: itse\n");
	test_put_file(t->dir, "actors/juuri.yaml", "name: J\nkind: public\n");
	test_put_file(t->dir, "actors/lehti.yaml", "name: L\nkind: role\npart_of: oksa\n");
	test_put_file(t->dir, "actors/oksa.yaml", "name: O\nkind: team\npart_of: juuri\n");
	m = load(t, &d);
	/* Each cycle once, at the first member in id order; actors that
	 * only lead into a cycle are not reported. */
	DIAGS(d,
	    "C/actors/a.yaml:3:10: error: part_of makes a cycle: a -> b -> c "
	    "-> a\n"
	    "C/actors/itse.yaml:3:10: error: part_of makes a cycle: itse -> "
	    "itse\n");
	IDS(&((struct actor *)FIND(m, KIND_ACTOR, "juuri"))->parts, "oksa");
	model_free(m);
	tree_free(t);
}

static void
test_decisions(void **state)
{
	struct tree *t = tree_new();
	struct model *m;
	char *d;

	(void)state;
	test_put_file(t->dir, "site.yaml", SITE);
	test_put_file(t->dir, "decisions/hyva.yaml",
	    "title: H\nstart: a\nquestions:\n"
	    "  a:\n    text: A?\n    answers:\n"
	    "      - { label: K, goto: b }\n"
	    "      - { label: E, outcome: x }\n"
	    "  b:\n    text: B?\n    answers:\n"
	    "      - { label: K, outcome: x }\n"
	    "      - { label: E, outcome: y }\n"
	    "outcomes:\n  x: { text: X }\n  y: { text: Y }\n");
	test_put_file(t->dir, "decisions/viitteet.yaml",
	    "title: V\nstart: alku\nquestions:\n"
	    "  alku:\n    text: A?\n    answers:\n"
	    "      - { label: K, goto: toinen }\n"
	    "      - { label: E, goto: toine }\n"
	    "      - { label: X, goto: zz }\n"
	    "  toinen:\n    text: T?\n    answers:\n"
	    "      - { label: K, outcome: loppu }\n"
	    "      - { label: E, outcome: lopu }\n"
	    "outcomes:\n  loppu: { text: L }\n");
	test_put_file(t->dir, "decisions/rakenne.yaml",
	    "title: R\nstart: a\nquestions:\n"
	    "  a:\n    text: A?\n    answers:\n"
	    "      - { label: Both, goto: b, outcome: x }\n"
	    "      - { label: Neither }\n"
	    "  b:\n    text: B?\n    answers:\n"
	    "      - { label: Back, goto: a }\n"
	    "      - { label: Self, goto: b }\n"
	    "      - { label: End, outcome: x }\n"
	    "  irti:\n    text: I?\n    answers:\n"
	    "      - { label: K, goto: irti2 }\n"
	    "  irti2:\n    text: I2?\n    answers:\n"
	    "      - { label: K, outcome: y }\n"
	    "outcomes:\n  x: { text: X }\n  y: { text: Y }\n  z: { text: Z }\n");
	test_put_file(t->dir, "decisions/alku.yaml",
	    "title: S\nstart: alkuu\nquestions:\n"
	    "  alku:\n    text: A?\n    answers: [{ label: K, outcome: x }]\n"
	    "outcomes:\n  x: { text: X }\n");
	m = load(t, &d);
	DIAGS(d,
	    "C/decisions/alku.yaml:2:8: error: unknown question \"alkuu\" (did "
	    "you mean \"alku\"?)\n"
	    "C/decisions/rakenne.yaml:7:18: error: an answer needs exactly one "
	    "of goto or outcome\n"
	    "C/decisions/rakenne.yaml:8:18: error: an answer needs exactly one "
	    "of goto or outcome\n"
	    "C/decisions/rakenne.yaml:12:30: error: goto \"a\" makes a cycle: a "
	    "decision guide must always reach an outcome\n"
	    "C/decisions/rakenne.yaml:13:30: error: goto \"b\" makes a cycle: a "
	    "decision guide must always reach an outcome\n"
	    "C/decisions/rakenne.yaml:15:3: error: question \"irti\" cannot be "
	    "reached from start \"a\"\n"
	    "C/decisions/rakenne.yaml:19:3: error: question \"irti2\" cannot be "
	    "reached from start \"a\"\n"
	    "C/decisions/rakenne.yaml:25:3: warning: outcome \"y\" is never "
	    "reached\n"
	    "C/decisions/rakenne.yaml:26:3: warning: outcome \"z\" is never "
	    "reached\n"
	    "C/decisions/viitteet.yaml:8:27: error: unknown question \"toine\" "
	    "(did you mean \"toinen\"?)\n"
	    "C/decisions/viitteet.yaml:9:27: error: unknown question \"zz\" in "
	    "this decision guide\n"
	    "C/decisions/viitteet.yaml:14:30: error: unknown outcome \"lopu\" "
	    "(did you mean \"loppu\"?)\n");
	model_free(m);
	tree_free(t);
}

static void
test_lint_paths_and_elsewhere(void **state)
{
	struct tree *t = tree_new();
	struct model *m;
	char *d;

	(void)state;
	test_put_file(t->dir, "site.yaml", SITE);
	test_put_file(t->dir, "groups/g.yaml", "name: G\nsummary: Soita 040 123 4567.\n");
	test_put_file(t->dir, "actors/a.yaml",
	    "name: A\nkind: public\n"
	    "url: https://example.org/?mail=info@example.org\n"
	    "contact:\n  phone: \"040 123 4567\"\n  email: info@example.org\n"
	    "description: |\n  Postia osoitteeseen liisa@example.org.\n");
	test_put_file(t->dir, "services/s.yaml",
	    "name: S\ngroup: g\nproviders: [a]\nsummary: S.\n");
	test_put_file(t->dir, "paths/p.yaml",
	    "title: P\n"
	    "persona:\n"
	    "  name: Aino\n"
	    "  situation: |\n"
	    "    Aino on 42-vuotias.\n"
	    "steps:\n"
	    "  - at: service:s\n"
	    "    title: Käynti 1.3.2024\n"
	    "    note: |\n"
	    "      Tunnus 131052-308T ja aino@example.org.\n"
	    "    quote: \"Soitin 040 765 4321.\"\n"
	    "    duration: 2-4 viikkoa\n");
	m = load(t, &d);
	DIAGS(d,
	    "C/actors/a.yaml:8:23: warning: an e-mail address (\"liis…\"): is "
	    "this personal data? Publish only an organisation's public "
	    "contact details\n"
	    "C/groups/g.yaml:2:16: warning: a phone number (\"040…\"): is this "
	    "personal data? Publish only an organisation's public contact "
	    "details\n"
	    "C/paths/p.yaml:5:13: error: an exact age (\"…\") in a client "
	    "path: paths must stay anonymous, remove it\n"
	    "C/paths/p.yaml:8:19: error: a calendar date (\"1.…\") in a client "
	    "path: paths must stay anonymous, remove it\n"
	    "C/paths/p.yaml:10:14: error: a personal identity code "
	    "(henkilötunnus) (\"13…\") in a client path: paths must stay "
	    "anonymous, remove it\n"
	    "C/paths/p.yaml:10:29: error: an e-mail address (\"aino…\") in a "
	    "client path: paths must stay anonymous, remove it\n"
	    "C/paths/p.yaml:11:20: error: a phone number (\"040…\") in a "
	    "client path: paths must stay anonymous, remove it\n");
	model_free(m);
	tree_free(t);
}

static void
test_markdown_links(void **state)
{
	struct tree *t = tree_new();
	struct model *m;
	char *d;

	(void)state;
	put_network(t);
	test_put_file(t->dir, "site.yaml", SITE "audiences:\n  paattajat: Päättäjät\n");
	test_put_file(t->dir, "guides/ohje.md",
	    "---\ntitle: Ohje\naudience: [paattajat, paatajat]\n---\n"
	    "# Otsikko\n\n"
	    "Katso [k](service:kokeilu) ja [x](service:kokeilut).\n"
	    "[o](guide:ohje) [p](path:polku) [q](guide:olematon)\n");
	test_put_file(t->dir, "services/kuvaus.yaml",
	    "name: K\ngroup: tyo\nproviders: [keskus]\nsummary: S.\n"
	    "description: |\n  Rivi.\n\n  Katso [t](actor:tiimii).\n");
	m = load(t, &d);
	DIAGS(d,
	    "C/guides/ohje.md:3:23: error: unknown audience \"paatajat\" (did "
	    "you mean \"paattajat\"?)\n"
	    "C/guides/ohje.md:7:35: error: unknown service \"kokeilut\" (did "
	    "you mean \"kokeilu\"?)\n"
	    "C/guides/ohje.md:8:37: error: unknown guide \"olematon\"\n"
	    "C/services/kuvaus.yaml:8:13: error: unknown actor \"tiimii\" (did "
	    "you mean \"tiimi\"?)\n");
	model_free(m);
	tree_free(t);
}

static void
test_flows(void **state)
{
	struct tree *t = tree_new();
	struct model *m;
	char *d;

	(void)state;
	test_put_file(t->dir, "site.yaml", SITE "anonymity: { k: 10 }\n");
	test_put_file(t->dir, "groups/g.yaml", "name: G\n");
	test_put_file(t->dir, "actors/a.yaml", "name: A\nkind: public\n");
	test_put_file(t->dir, "services/s.yaml", "name: S\ngroup: g\nproviders: [a]\n"
	    "summary: S.\n");
	test_put_file(t->dir, "data/e.csv", "client,service,date\n"
	    "c1,s,2024-01-01\n");
	test_put_file(t->dir, "flows/hyva.yaml", "title: F\nsource: data/e.csv\n"
	    "format: events\nk: 10\n");
	test_put_file(t->dir, "flows/matala.yaml", "title: F\nsource: data/e.csv\n"
	    "format: events\nk: 9\n");
	test_put_file(t->dir, "flows/ulos.yaml", "title: F\nsource: data/../site.yaml\n"
	    "format: events\n");
	test_put_file(t->dir, "flows/puuttuu.yaml", "title: F\nsource: data/x.csv\n"
	    "format: transitions\n");
	m = load(t, &d);
	/* One client of one service: other stands for that service alone,
	 * so the audit publishes only the number of clients. */
	DIAGS(d,
	    "C/flows/hyva.yaml:1:1: warning: only the number of clients of "
	    "this flow is published: other stands for 1 service that fewer "
	    "than 10 clients used, so the number of clients would be known "
	    "to lie between 1 and 9 whatever is withheld\n"
	    "C/flows/matala.yaml:1:1: warning: only the number of clients of "
	    "this flow is published: other stands for 1 service that fewer "
	    "than 10 clients used, so the number of clients would be known "
	    "to lie between 1 and 9 whatever is withheld\n"
	    "C/flows/matala.yaml:4:4: error: k 9 would lower the site's "
	    "anonymity.k 10; a flow may only raise it\n"
	    "C/flows/puuttuu.yaml:2:9: error: source file C/data/x.csv not "
	    "found\n"
	    "C/flows/ulos.yaml:2:9: error: \"source\" must stay inside data/ "
	    "(no \"..\")\n");
	assert_int_equal(m->site.k, 10);
	assert_int_equal(m->site.rounding, 1);
	model_free(m);
	tree_free(t);
}

static void
test_translations(void **state)
{
	struct tree *t = tree_new();
	struct model *m;
	struct group *g;
	enum lang used = LANG_COUNT;
	char *d;

	(void)state;
	test_put_file(t->dir, "site.yaml", "title: { fi: K, sv: H }\nlanguages: [sv, fi]\n");
	test_put_file(t->dir, "groups/g.yaml", "name: { fi: Ryhmä, sv: Grupp }\n"
	    "summary: Bara svenska\n");
	test_put_file(t->dir, "groups/h.yaml", "name: { fi: Vain suomeksi }\n");
	m = load(t, &d);
	DIAGS(d,
	    "C/groups/g.yaml:2:10: warning: no \"fi\" translation of 1 text "
	    "in this file (summary); the \"sv\" text is shown instead\n"
	    "C/groups/h.yaml:1:7: warning: no \"sv\" translation of 1 text "
	    "in this file (name); the \"fi\" "
	    "text is shown instead\n");
	assert_int_equal(m->site.nlangs, 2);
	assert_int_equal(m->site.langs[0], LANG_SV);
	assert_int_equal(m->site.langs[1], LANG_FI);
	g = FIND(m, KIND_GROUP, "g");
	/* A plain string is in the first language, sv here. */
	assert_string_equal(g->summary.part[LANG_SV].s, "Bara svenska");
	assert_string_equal(text_get(&g->summary, &m->site, LANG_FI, &used),
	    "Bara svenska");
	assert_int_equal(used, LANG_SV);
	assert_string_equal(text_get(&g->name, &m->site, LANG_FI, &used),
	    "Ryhmä");
	assert_int_equal(used, LANG_FI);
	/* An absent text has nothing in any language. */
	assert_null(text_get(&((struct group *)FIND(m, KIND_GROUP,
	    "h"))->summary, &m->site, LANG_FI, NULL));
	model_free(m);
	tree_free(t);
}

static void
test_loader_files(void **state)
{
	struct tree *t = tree_new();
	struct model *m;
	char *d;

	(void)state;
	test_put_file(t->dir, "site.yaml", SITE);
	test_put_file(t->dir, "groups/b.yaml", "name: B\n");
	test_put_file(t->dir, "groups/a.yaml", "name: A\n");
	test_put_file(t->dir, "groups/.piilo.yaml", "name: [rikki\n");
	test_put_file(t->dir, "groups/c.yaml~", "name: [rikki\n");
	test_put_file(t->dir, "groups/d.yml", "name: D\n");
	test_put_file(t->dir, "groups/muistio.txt", "x\n");
	test_put_file(t->dir, "groups/Iso.yaml", "name: I\n");
	test_put_file(t->dir, "groups/tyhja.yaml", "");
	test_put_file(t->dir, "groups/alikansio/x.yaml", "name: X\n");
	test_put_file(t->dir, "servises/x.yaml", "name: X\n");
	test_put_file(t->dir, "data/x.csv", "x\n");
	test_put_file(t->dir, "assets/x.png", "x\n");
	m = load(t, &d);
	DIAGS(d,
	    "C/groups/Iso.yaml:1:1: error: \"Iso\" is not a valid id: a file "
	    "name must be lower-case letters a-z, digits and '-' before .yaml, "
	    "at most 64 characters (e.g. tyokokeilu.yaml)\n"
	    "C/groups/alikansio:1:1: warning: unexpected folder: groups/ holds "
	    "only .yaml files\n"
	    "C/groups/d.yml:1:1: warning: ignored: kartta reads .yaml files "
	    "(rename it to end in .yaml)\n"
	    "C/groups/muistio.txt:1:1: warning: unexpected file in groups/ "
	    "(ignored)\n"
	    "C/groups/tyhja.yaml:1:1: error: file is empty; a group needs "
	    "name\n"
	    "C/servises:1:1: error: this folder is not read (did you mean "
	    "\"services\"? rename it: kartta reads services/)\n");
	assert_int_equal(m->set[KIND_GROUP].len, 2);
	assert_string_equal(m->set[KIND_GROUP].items[0]->id, "a");
	assert_string_equal(m->set[KIND_GROUP].items[1]->id, "b");
	assert_int_equal(m->set[KIND_GROUP].items[1]->index, 1);
	model_free(m);
	tree_free(t);
}

static void
test_missing_site_and_root(void **state)
{
	struct tree *t = tree_new();
	struct diag_list *dl;
	struct model *m;
	char *d, *missing;

	(void)state;
	test_put_file(t->dir, "groups/a.yaml", "name: A\n");
	m = load(t, &d);
	DIAGS(d, "C/site.yaml:1:1: error: missing site.yaml: every content "
	    "folder needs one, with at least a title\n");
	assert_non_null(m);
	/* The defaults still hold. */
	assert_int_equal(m->site.nlangs, 1);
	assert_int_equal(m->site.langs[0], LANG_FI);
	assert_int_equal(m->site.k, 5);
	assert_non_null(FIND(m, KIND_GROUP, "a"));
	model_free(m);

	missing = path_join(t->dir, "nope");
	dl = diag_list_new();
	assert_null(load_content(missing, dl));
	assert_int_equal(diag_errors(dl), 1);
	diag_list_free(dl);
	free(missing);
	tree_free(t);
}

static void
test_guides(void **state)
{
	struct tree *t = tree_new();
	struct model *m;
	struct guide *g;
	char *d;

	(void)state;
	test_put_file(t->dir, "site.yaml", "title: { fi: K, sv: H }\nlanguages: [fi, sv]\n");
	test_put_file(t->dir, "guides/ohje.md", "---\ntitle: Ohje\norder: 2\n---\n"
	    "Runko.\n");
	test_put_file(t->dir, "guides/ohje.sv.md", "---\ntitle: Anvisning\n---\nText.\n");
	test_put_file(t->dir, "guides/toinen.md", "---\ntitle: Toinen\n---\nRunko.\n");
	m = load(t, &d);
	DIAGS(d, "C/guides/toinen.md:1:1: warning: no \"sv\" version of this "
	    "guide (guides/toinen.sv.md); the \"fi\" one is shown\n");
	g = FIND(m, KIND_GUIDE, "ohje");
	assert_non_null(g);
	assert_string_equal(g->variant[LANG_FI].title.s, "Ohje");
	assert_int_equal(g->variant[LANG_FI].order.v, 2);
	assert_string_equal(g->variant[LANG_FI].body, "Runko.\n");
	assert_int_equal(g->variant[LANG_FI].body_pos.line, 5);
	assert_string_equal(g->variant[LANG_SV].title.s, "Anvisning");
	assert_int_equal(g->variant[LANG_SV].lang.v, LANG_SV);
	assert_null(g->variant[LANG_EN].file);
	assert_int_equal(m->set[KIND_GUIDE].len, 2);
	model_free(m);
	tree_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_back_links),
		cmocka_unit_test(test_unknown_references),
		cmocka_unit_test(test_part_of_cycles),
		cmocka_unit_test(test_decisions),
		cmocka_unit_test(test_lint_paths_and_elsewhere),
		cmocka_unit_test(test_markdown_links),
		cmocka_unit_test(test_flows),
		cmocka_unit_test(test_translations),
		cmocka_unit_test(test_loader_files),
		cmocka_unit_test(test_missing_site_and_root),
		cmocka_unit_test(test_guides),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
