/*
 * The content format as data: one table of fields per entity kind (and
 * per nested map), read by one generic decoder (decode.c) and one generic
 * walker.  Adding a field is adding a row; the same rows can print docs.
 */
#ifndef KARTTA_SCHEMA_H
#define KARTTA_SCHEMA_H

#include <stddef.h>

#include "model.h"

enum ftype {
	FT_TEXT,   /* struct text: string or language map */
	FT_MD,     /* struct text whose strings are CommonMark */
	FT_STRING, /* struct str */
	FT_INT,    /* struct num */
	FT_BOOL,   /* struct flag */
	FT_ENUM,   /* struct choice over field->enums */
	FT_REF,    /* struct ref to an id of field->refkind */
	FT_KREF,   /* struct ref written "kind:id", kinds in refmask */
	FT_LIST,   /* struct list of field->elem */
	FT_STRUCT, /* nested map decoded with field->sub in place */
	FT_IDMAP,  /* struct list of field->sub keyed by id */
};

#define F_REQUIRED 0x01 /* must be present and not empty */
#define F_NONEMPTY 0x02 /* a list needs at least one element */
#define F_ALL      0x04 /* a list may be the keyword `all` */
#define F_NOLINT   0x08 /* exempt from the anonymisation lint */
#define F_PATHLINT 0x10 /* lint findings are errors, not warnings */
#define F_VALUE    0x20 /* idmap: the value decodes into the 2nd field */
#define F_KEY      0x40 /* filled from the idmap key, not a YAML key */
#define F_ENTRY    0x80 /* set by the decoder on the elements of a list */
#define F_ONE      0x100 /* a list may be written as its one value */

struct schema;

struct field {
	const char *key;                /* YAML key; NULL ends a table */
	enum ftype type;                /* how the value is decoded */
	unsigned flags;                 /* F_* */
	size_t offset;                  /* of the value in its struct */
	const char *const *enums;       /* FT_ENUM: NULL-terminated */
	enum kind refkind;              /* FT_REF */
	unsigned refmask;               /* FT_KREF: 1 << allowed kinds */
	long min;                       /* FT_INT: smallest allowed */
	const struct field *elem;       /* FT_LIST: the element */
	const struct schema *sub;       /* FT_STRUCT, FT_IDMAP */
	/* FT_STRING: returns NULL if s is acceptable, else what is
	 * expected ("an http or https URL"). */
	const char *(*check)(const char *s);
	const char *doc;                /* one line, for documentation */
};

struct schema {
	const char *name;               /* "service", "step", … */
	size_t size;                    /* of the decoded struct */
	const struct field *fields;     /* terminated by a NULL key */
	int has_pos;                    /* the struct records where it was */
	size_t pos_offset;              /* … in a struct pos at this offset */
};

extern const struct schema schema_site;
extern const struct schema schema_guide_front;
/* Indexed by enum kind; guides use schema_guide_front. */
extern const struct schema *const schema_of_kind[KIND_COUNT];

extern const char *const actor_kind_names[];
extern const char *const access_names[];
extern const char *const stage_names[];
extern const char *const layout_names[];
extern const char *const direction_names[];
extern const char *const paper_names[];
extern const char *const flow_format_names[];
extern const char *const service_status_names[];
extern const char *const area_kind_names[];
extern const char *const action_status_names[];

enum service_status { STATUS_ACTIVE, STATUS_PILOT, STATUS_PLANNED,
	STATUS_ENDED };
enum area_kind { AREA_WELLBEING_COUNTY, AREA_EMPLOYMENT_AREA,
	AREA_MUNICIPALITY };

/* Whether s is a calendar date written YYYY-MM-DD; if so, its year,
 * month and day. */
int schema_date_valid(const char *s, int *y, int *m, int *d);
/* Whether s is a month YYYY-MM or a date YYYY-MM-DD. */
int schema_month_valid(const char *s);

enum stage { STAGE_IDENTIFICATION, STAGE_ASSESSMENT, STAGE_PLANNING,
	STAGE_SERVICES, STAGE_FOLLOW_UP };
/*
 * Papers: each ISO A size portrait and landscape, then the sizes alone,
 * whose orientation follows the drawing.  The first four keep their old
 * values.  diagram_print.c knows their sizes.
 */
enum paper { PAPER_A4_PORTRAIT, PAPER_A4_LANDSCAPE, PAPER_A3_PORTRAIT,
	PAPER_A3_LANDSCAPE, PAPER_A2_PORTRAIT, PAPER_A2_LANDSCAPE,
	PAPER_A1_PORTRAIT, PAPER_A1_LANDSCAPE, PAPER_A0_PORTRAIT,
	PAPER_A0_LANDSCAPE, PAPER_A4, PAPER_A3, PAPER_A2, PAPER_A1, PAPER_A0,
	PAPER_COUNT };

/* Decoding context: where diagnostics go and how plain strings are read. */
struct decode_ctx {
	struct diag_list *dl;  /* where problems are reported */
	enum lang deflang;     /* language of plain-string texts */
	unsigned langmask;     /* 1 << lang for each site language */
};

struct ynode;

/*
 * Decodes a YAML map into obj (zeroed, s->size bytes) following table s:
 * unknown, duplicate, missing and mistyped keys are reported.  at is the
 * position used for "missing key" when map is NULL.  Returns the number
 * of errors reported.  Whatever was decoded is owned by obj and released
 * with schema_release even after errors.
 */
size_t decode_struct(const struct decode_ctx *ctx, const struct schema *s,
    const struct ynode *map, void *obj, struct pos at);

/* The JSON Schema pattern of an FT_STRING field's check, or NULL if it has
 * none.  It accepts everything the check accepts. */
const char *schema_string_pattern(const struct field *f);

/* Non-zero if s is a valid id: ^[a-z0-9][a-z0-9-]{0,63}$. */
int id_valid(const char *s);

/* Size in bytes of one decoded value of field f. */
size_t field_size(const struct field *f);

/*
 * Visits every decoded value of a struct decoded with schema s, depth
 * first, in table order; fn gets the field, a pointer to the value and
 * the OR of the flags of all enclosing fields (so F_PATHLINT on an
 * entity reaches its nested texts).
 */
typedef void (*schema_visit_fn)(const struct field *f, void *value,
    unsigned flags, void *arg);
void schema_walk(const struct schema *s, void *obj, unsigned flags,
    schema_visit_fn fn, void *arg);

/* Frees everything a decoded struct owns (not the struct itself). */
void schema_release(const struct schema *s, void *obj);

#endif
