/*
 * The handbook model: every entity of a content tree, decoded from YAML
 * by the schema tables (schema.c), then resolved (resolve.c): references
 * point at their targets and back-links are filled in.  The model owns
 * everything in it; renderers only read it.
 */
#ifndef KARTTA_MODEL_H
#define KARTTA_MODEL_H

#include <stddef.h>

#include "diag.h"

struct md_doc;
struct strmap;
struct flow_counts;

/*
 * Limits on what one content tree may hold (docs/content-format.md,
 * "Limits").  Each is far above any real handbook (a national one has
 * about a thousand services) and below what a build can handle in
 * seconds: past them some pass grows faster than linearly (Graphviz's
 * layout of a diagram above all), so content that large is refused
 * with an error instead of building for hours.
 */
#define MODEL_MAX_PER_KIND  10000 /* files of one kind (services/…) */
#define MODEL_MAX_AUDIENCES 1000  /* site.yaml audiences */
#define MODEL_MAX_STEPS     200   /* steps of one path */
#define MODEL_MAX_QUESTIONS 50    /* questions of one decision guide */
#define MODEL_MAX_OUTCOMES  50    /* outcomes of one decision guide */
#define MODEL_MAX_ANSWERS   20    /* answers of one question */
#define MODEL_MAX_MAP_NODES 2500  /* actors, groups and services drawn
                                   * on one map */
#define MODEL_MAX_MAP_BOXES 100   /* actors, groups and edge labels on
                                   * one map: Graphviz routes each line
                                   * around all of them, at a cost
                                   * growing with their cube */

enum lang {
	LANG_FI,
	LANG_SV,
	LANG_EN,
	LANG_COUNT,
};

enum kind {
	KIND_ACTOR,
	KIND_GROUP,
	KIND_SERVICE,
	KIND_PATH,
	KIND_SEGMENT,
	KIND_DECISION,
	KIND_MAP,
	KIND_FLOW,
	KIND_GUIDE,
	KIND_AREA,     /* wellbeing counties, employment areas, municipalities */
	KIND_THEME,    /* development themes: now -> target, with actions */
	KIND_MODEL,    /* model cards of working practices (Innokylä style) */
	KIND_COUNT,
	KIND_AUDIENCE = KIND_COUNT, /* site.yaml audiences: refs only */
	KIND_NONE,
};

/* One language's string of a text value. */
struct text_part {
	char *s;             /* owned; NULL when this language is missing */
	struct pos pos;      /* where the string starts */
	unsigned block;      /* written as a YAML block scalar (| or >) */
	unsigned indent;     /* block scalar: column of its text */
	struct md_doc *md;   /* owned; parsed Markdown of (md) fields */
};

/* A text field: a plain string or a map from language to string. */
struct text {
	struct text_part part[LANG_COUNT]; /* indexed by enum lang */
	struct pos pos;                    /* line 0 when absent */
};

struct str {
	char *s;        /* owned; NULL when absent */
	struct pos pos; /* line 0 when absent */
};

struct num {
	long v;         /* the value */
	struct pos pos; /* line 0 when absent */
};

struct flag {
	int v;          /* 0 or 1 */
	struct pos pos; /* line 0 when absent */
};

struct choice {
	int v;          /* index into the field's enum table */
	struct pos pos; /* line 0 when absent */
};

/* A reference to another entity by id. */
struct ref {
	char *id;              /* owned; NULL when absent */
	enum kind kind;        /* the kind it names */
	struct pos pos;        /* where it was written */
	struct entity *target; /* borrowed; set by resolve */
};

/* A list of decoded values, all of one type. */
struct list {
	void *items;    /* owned array of len elements */
	size_t len;     /* number of elements */
	struct pos pos; /* line 0 when absent */
	int all;        /* the keyword `all` was written instead */
};

/* A list of borrowed pointers, for back-links. */
struct links {
	struct entity **items; /* owned array; pointees borrowed */
	size_t len;            /* used */
	size_t cap;            /* allocated */
};

/* The common head of every entity; always the first member. */
struct entity {
	enum kind kind; /* what it is */
	char *id;       /* owned; from the file name */
	char *file;     /* owned; path as shown in diagnostics */
	struct pos pos; /* file:1:1 */
	size_t index;   /* position in its sorted entity_set */
	struct str reviewed; /* YYYY-MM-DD, as written (guides: per file) */
};

struct contact {
	struct str phone;   /* public switchboard, not a person's */
	struct str email;   /* public service address */
	struct str address; /* visiting or postal address */
	struct str hours;   /* opening hours */
	struct str web;     /* services only: the service's own web page */
	struct pos pos;     /* line 0 when absent */
};

struct actor {
	struct entity e;
	struct text name;
	struct choice kind;      /* enum actor_kind table */
	struct text summary;
	struct text description; /* md */
	struct list part_of;     /* struct ref, actors: one or several */
	struct str url;
	struct contact contact;
	struct list areas;       /* struct ref, areas where it works */
	/* Back-links, filled by resolve. */
	struct links provides;   /* services it provides */
	struct links paths;      /* paths it appears in */
	struct links parts;      /* actors that are part of it */
	struct links maps;       /* maps it is drawn on */
	struct links models;     /* model cards it implements */
	struct links themes;     /* themes whose actions it owns or that
	                          * name it */
};

struct group {
	struct entity e;
	struct text name;
	struct text summary;
	struct num order;
	struct str colour;       /* #rrggbb */
	struct links services;   /* back-link: its services, by order */
};

struct link {
	struct text title;
	struct str url;
};

struct service {
	struct entity e;
	struct text name;
	struct ref group;        /* group */
	struct list providers;   /* struct ref, actors */
	struct text summary;
	struct text description; /* md */
	struct text for_whom;    /* md */
	struct choice access;
	struct text how_to_access; /* md */
	struct list criteria;    /* struct text */
	struct list related;     /* struct ref, services */
	struct list next;        /* struct ref, services */
	struct text apply;       /* md: how to apply, forms, what to bring */
	struct text cost;        /* what it costs the client */
	struct text processing_time; /* how long a decision or a start takes */
	struct contact contact;  /* the service's public contact */
	struct list areas;       /* struct ref, areas where it is offered */
	struct choice status;    /* service_status_names; absent: active */
	struct str valid_from;   /* YYYY-MM or YYYY-MM-DD */
	struct str valid_until;  /* YYYY-MM or YYYY-MM-DD */
	struct str ptv;          /* Suomi.fi Palvelutietovaranto id, a UUID */
	struct list links;       /* struct link */
	struct list tags;        /* struct str */
	struct links paths;      /* back-link: paths through it */
	struct links previous;   /* back-link: services whose next is this */
	struct links segments;   /* back-link: segments listing it */
	struct links models;     /* back-link: model cards it implements */
	struct links themes;     /* back-link: themes that name it */
};

struct persona {
	struct str name;         /* a first name only */
	struct str age;          /* a band such as 25-35 */
	struct text situation;   /* md */
	struct text basis;       /* how the persona was made; absent: the
	                          * theme's sentence (composite of clients) */
	struct pos pos;
};

struct step {
	struct ref at;           /* service or actor */
	struct text title;
	struct choice stage;
	struct ref responsible;  /* actor */
	struct text note;        /* md */
	struct text quote;
	struct flag handoff;
	struct str duration;
};

struct path {
	struct entity e;
	struct text title;
	struct persona persona;
	struct ref segment;      /* segment */
	struct ref coordinator;  /* actor */
	struct list steps;       /* struct step */
};

struct segment {
	struct entity e;
	struct text name;
	struct num level;
	struct text summary;
	struct list when;        /* struct text */
	struct list not_when;    /* struct text */
	struct ref coordinator;  /* actor */
	struct list services;    /* struct ref, services */
	struct links paths;      /* back-link: paths illustrating it */
	struct links outcomes;   /* back-link: decisions ending here */
	struct links models;     /* back-link: model cards it implements */
};

struct answer {
	struct text label;
	struct str go;           /* question id (`goto`) */
	struct str outcome;      /* outcome id */
};

struct question {
	struct str id;           /* the map key */
	struct text text;
	struct list answers;     /* struct answer */
};

struct outcome {
	struct str id;           /* the map key */
	struct text text;
	struct ref segment;      /* segment */
	struct ref actor;        /* actor */
};

struct decision {
	struct entity e;
	struct text title;
	struct text description; /* md */
	struct str start;        /* question id */
	struct list questions;   /* struct question, in file order */
	struct list outcomes;    /* struct outcome, in file order */
};

struct map_edge {
	struct ref from;         /* service, actor or group */
	struct ref to;
	struct text label;
};

struct map {
	struct entity e;
	struct text title;
	struct text description; /* md */
	struct ref centre;       /* actor */
	struct list actors;      /* struct ref, or all */
	struct list groups;      /* struct ref, or all */
	struct list edges;       /* struct map_edge */
	struct choice layout;
	struct choice direction;
	struct choice paper;
	struct flag notes;       /* printed with a margin for sticky notes */
};

struct flow {
	struct entity e;
	struct text title;
	struct text description; /* md */
	struct str source;       /* path under data/ */
	struct choice format;
	struct str period;
	struct num k;
	struct flow_counts *counts; /* owned; aggregated by resolve */
};

/* areas/<id>.yaml: where services and actors work. */
struct area {
	struct entity e;
	struct text name;
	struct choice kind;      /* area_kind_names */
	struct str code;         /* municipality: Statistics Finland code */
	struct list part_of;     /* struct ref, areas: one or several */
	struct text summary;
	struct text description; /* md */
	struct str url;
	struct links parts;      /* back-link: areas that are part of it */
};

/* One action of a development theme. */
struct action {
	struct text title;
	struct choice status;    /* action_status_names */
	struct ref owner;        /* actor */
	struct str from;         /* YYYY-MM or YYYY-MM-DD */
	struct str until;        /* YYYY-MM or YYYY-MM-DD */
	struct text note;        /* md */
};

/* themes/<id>.yaml: a development theme, its current and target state. */
struct theme {
	struct entity e;
	struct text name;
	struct text summary;
	struct num order;        /* position in the overview */
	struct text now;         /* md: nykytila */
	struct text target;      /* md: tavoitetila */
	struct list actions;     /* struct action */
	struct list related;     /* struct ref, kind:id */
};

/* models/<id>.yaml: a model card of a working practice. */
struct model_card {
	struct entity e;
	struct text name;
	struct text summary;
	struct text origin;          /* region or project it comes from */
	struct str innokyla;         /* its card on innokyla.fi */
	struct text starting_point;  /* md: lähtötilanne */
	struct text intended_change; /* md: tavoiteltu muutos */
	struct text target_group;    /* md: kohderyhmä */
	struct text basic_idea;      /* md: ratkaisun perusidea */
	struct text testing;         /* md: ratkaisun testaaminen */
	struct text learned;         /* md: kokeilussa opittua */
	struct text conditions;      /* md: toimivuuden ehdot */
	struct text tips;            /* md: vinkit soveltajille */
	struct list implemented_by;  /* struct ref: service, segment, actor */
	struct links themes;         /* back-link: themes that name it */
};

/* One language's file of a guide: <id>.md or <id>.<lang>.md. */
struct guide_variant {
	char *file;              /* owned; NULL if there is no such file */
	struct str title;
	struct num order;
	struct list audience;    /* struct ref, audiences */
	struct choice lang;
	struct str reviewed;     /* YYYY-MM-DD, as written */
	char *body;              /* owned Markdown after the front matter */
	size_t body_len;
	struct pos body_pos;     /* where the body starts */
	struct md_doc *md;       /* owned; parsed body */
};

struct guide {
	struct entity e;
	struct guide_variant variant[LANG_COUNT]; /* by enum lang */
};

struct audience {
	struct str id;           /* the map key */
	struct text name;
};

struct anonymity {
	struct num k;            /* smallest count ever published */
	struct num rounding;     /* counts rounded to a multiple of it */
	struct list previous;    /* struct str: JSON files an earlier edition
	                          * published, paths under data/ */
	struct pos pos;
};

/* site.yaml accessibility: the accessibility statement's facts. */
struct accessibility {
	struct text feedback;    /* md; how to give feedback, a public contact */
	struct str assessed;     /* when it was assessed, as written */
	struct text method;      /* how it was assessed */
	struct list known_gaps;  /* struct text: what is not accessible */
	struct pos pos;          /* line 0 when absent */
};

struct site {
	char *file;              /* owned display path of site.yaml */
	struct text title;
	struct list languages;   /* struct choice over lang_names */
	struct list partial_languages; /* struct choice: still being
	                                * translated, so no warnings */
	struct text region;
	struct text publisher;
	struct text description; /* md */
	struct str license;
	struct str edition;      /* as written, e.g. 2026.1 */
	struct str base_url;     /* https:// URL of the published handbook */
	struct str edit_url;     /* template with {path} */
	struct num review_after_days; /* reviewed older than this: a warning */
	struct list audiences;   /* struct audience */
	struct anonymity anonymity;
	struct accessibility accessibility;
	/* Derived. */
	enum lang langs[LANG_COUNT]; /* the languages, default first */
	size_t nlangs;               /* how many */
	long k;                      /* effective anonymity.k */
	long rounding;               /* effective anonymity.rounding */
};

/* All entities of one kind, sorted by id once loading is done. */
struct entity_set {
	struct entity **items;   /* owned array of owned entities */
	size_t len;
	size_t cap;
	struct strmap *byid;     /* owned index; keys borrowed from items */
	struct strmap *unreadable; /* owned; ids (owned keys) of files that
	                            * exist but could not be read: their
	                            * problem is told once, at the file, and
	                            * not again by every reference to them */
};

/* A Markdown link with a #fragment to a page of the handbook, kept by
 * resolve for the check of fragments against the built pages' ids
 * (anchors.h). */
struct fragment_link {
	char *url;                 /* owned; as written */
	struct pos pos;            /* where the link is */
	const struct entity *on;   /* borrowed; whose page shows the text,
	                            * or NULL (site.yaml) */
	const char *base;          /* borrowed; that page's folder:
	                            * "services", "" */
	enum lang lang;            /* the language of the text */
};

struct model {
	char *root;              /* owned: the content folder as given */
	struct site site;
	struct entity_set set[KIND_COUNT];
	struct strmap *audiences; /* owned; id -> struct audience */
	struct fragment_link *fragments; /* owned; in order of discovery */
	size_t nfragments;
	size_t capfragments;
};

extern const char *const lang_names[]; /* "fi", "sv", "en", NULL */
extern const char *const kind_names[]; /* "actor", …: ref prefixes */
extern const char *const kind_dirs[];  /* "actors", …: content folders */

struct model *model_new(const char *root);
void model_free(struct model *m);

/* Records that the file of id exists but could not be read. */
void model_note_unreadable(struct model *m, enum kind kind, const char *id);
/* Non-zero if model_note_unreadable was told about id. */
int model_is_unreadable(const struct model *m, enum kind kind,
    const char *id);

/* Returns the entity of that kind and id, or NULL. */
struct entity *model_find(const struct model *m, enum kind kind,
    const char *id);
/* Returns the kind named by a ref prefix ("service"), or KIND_NONE. */
enum kind kind_from_name(const char *name, size_t len);

/* Returns the text in lang, falling back to the default language and
 * then to any language; *used gets the language returned.  NULL when
 * the text is absent. */
const char *text_get(const struct text *t, const struct site *site,
    enum lang lang, enum lang *used);
/* Returns the part text_get would pick, or NULL. */
const struct text_part *text_part_get(const struct text *t,
    const struct site *site, enum lang lang);

void links_add(struct links *l, struct entity *e);

/* Non-zero if path ("assets/…") names a file the build publishes: a
 * regular file below assets/, reached through no symbolic link, hidden
 * or backup name. */
int model_asset_published(const struct model *m, const char *path);

/*
 * The handbook's edition as printed: site.yaml's edition, else the
 * date of SOURCE_DATE_EPOCH (YYYY-MM-DD, UTC), else NULL; never the
 * clock, so builds stay byte-identical.  Caller frees.
 */
char *site_edition(const struct site *site);

/* The name of an entity in lang: its name or title field. */
const char *entity_title(const struct model *m, const struct entity *e,
    enum lang lang);
/* The same; *used (if not NULL) gets the language of the text shown. */
const char *entity_title_in(const struct model *m, const struct entity *e,
    enum lang lang, enum lang *used);

#endif
