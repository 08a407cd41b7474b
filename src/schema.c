#include "schema.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lint.h"
#include "md.h"
#include "util.h"

const char *const actor_kind_names[] = { "public", "wellbeing-county",
	"municipality", "state", "third-sector", "private", "team", "role",
	NULL };
const char *const access_names[] = { "self", "referral", "self-or-referral",
	NULL };
const char *const stage_names[] = { "identification", "assessment",
	"planning", "services", "follow-up", NULL };
const char *const layout_names[] = { "dot", "neato", "fdp", "circo",
	"twopi", NULL };
const char *const direction_names[] = { "LR", "TB", NULL };
const char *const paper_names[] = { "A4-portrait", "A4-landscape",
	"A3-portrait", "A3-landscape", "A2-portrait", "A2-landscape",
	"A1-portrait", "A1-landscape", "A0-portrait", "A0-landscape", "A4",
	"A3", "A2", "A1", "A0", NULL };
const char *const flow_format_names[] = { "events", "transitions", NULL };
const char *const service_status_names[] = { "active", "pilot", "planned",
	"ended", NULL };
const char *const area_kind_names[] = { "wellbeing-county",
	"employment-area", "municipality", NULL };
const char *const action_status_names[] = { "planned", "ongoing", "pilot",
	"done", "dropped", NULL };

/* String checks: NULL when fine, else what was expected. */

static const char *
check_url(const char *s)
{
	if (strncmp(s, "https://", 8) == 0 && s[8] != '\0')
		return NULL;
	if (strncmp(s, "http://", 7) == 0 && s[7] != '\0')
		return NULL;
	return "an http:// or https:// URL";
}

static const char *
check_colour(const char *s)
{
	size_t i;

	if (s[0] != '#' || strlen(s) != 7)
		return "a colour written #rrggbb";
	for (i = 1; i < 7; i++)
		if (!isxdigit((unsigned char)s[i]))
			return "a colour written #rrggbb";
	return NULL;
}

static const char *
check_age_band(const char *s)
{
	return lint_age_band_valid(s) ? NULL :
	    "an age band such as 25-35, not an exact age";
}

static const char *
check_first_name(const char *s)
{
	for (; *s; s++)
		if (*s == ' ' || isdigit((unsigned char)*s) || *s == '@')
			return "a first name only";
	return NULL;
}

/* Whether s is a calendar date written YYYY-MM-DD. */
int
schema_date_valid(const char *s, int *y, int *m, int *d)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };
	int i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' :
		    !isdigit((unsigned char)s[i]))
			return 0;
	if (s[10] != '\0')
		return 0;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	if (*m < 1 || *m > 12 || *d < 1 || *d > days[*m - 1])
		return 0;
	/* 29 February only in a leap year. */
	if (*m == 2 && *d == 29 && !(*y % 4 == 0 && (*y % 100 != 0 ||
	    *y % 400 == 0)))
		return 0;
	return 1;
}

static const char *
check_date(const char *s)
{
	int y, m, d;

	return schema_date_valid(s, &y, &m, &d) ? NULL :
	    "a date written YYYY-MM-DD, such as 2026-03-01";
}

/*
 * A month or a day: YYYY-MM or YYYY-MM-DD.  When a service or an action
 * starts or ends is often known only to the month.
 */
int
schema_month_valid(const char *s)
{
	int y, m, d, i;
	char day[11];

	if (strlen(s) == 7) {
		for (i = 0; i < 7; i++)
			if (i == 4 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
				return 0;
		memcpy(day, s, 7);
		memcpy(day + 7, "-01", 4);
		return schema_date_valid(day, &y, &m, &d);
	}
	return schema_date_valid(s, &y, &m, &d);
}

static const char *
check_month(const char *s)
{
	return schema_month_valid(s) ? NULL :
	    "a month or a day written YYYY-MM or YYYY-MM-DD, such as 2026-03";
}

/* 8-4-4-4-12 hexadecimal digits, as Palvelutietovaranto writes its ids. */
static const char *
check_uuid(const char *s)
{
	static const int groups[] = { 8, 4, 4, 4, 12 };
	size_t g, i;

	for (g = 0; g < ARRAY_LEN(groups); g++) {
		for (i = 0; i < (size_t)groups[g]; i++, s++)
			if (!isxdigit((unsigned char)*s))
				goto bad;
		if (*s != (g + 1 < ARRAY_LEN(groups) ? '-' : '\0'))
			goto bad;
		if (*s == '-')
			s++;
	}
	return NULL;
bad:
	return "a Palvelutietovaranto id: a UUID such as "
	    "0b3a1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
}

/* Statistics Finland's municipality codes are three digits, 005-999. */
static const char *
check_municipality_code(const char *s)
{
	if (strlen(s) == 3 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2]) &&
	    strcmp(s, "000") != 0)
		return NULL;
	return "a municipality code of Statistics Finland: three digits, "
	    "such as 423";
}

static const char *
check_edit_url(const char *s)
{
	if (check_url(s) != NULL || strstr(s, "{path}") == NULL)
		return "an http:// or https:// URL with {path} in it, such as "
		    "https://github.com/org/repo/edit/main/content/{path}";
	return NULL;
}

/* site.yaml base_url: where the handbook is published, so that a
 * printed sheet can name (and QR-code) its diagram's web page. */
static const char *
check_base_url(const char *s)
{
	const char *host = s + 8, *p;

	if (strncmp(s, "https://", 8) != 0 || *host == '\0' || *host == '/' ||
	    *host == ':')
		return "an absolute https:// URL, such as "
		    "https://kasikirja.example.fi/";
	for (p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' ||
		    *p == '>' || *p == '\\' || *p == '?' || *p == '#' ||
		    (unsigned char)*p >= 0x7f)
			return "an absolute https:// URL without spaces, query "
			    "or fragment, such as https://kasikirja.example.fi/";
	return NULL;
}

static const char *
check_data_path(const char *s)
{
	if (strncmp(s, "data/", 5) != 0 || s[5] == '\0')
		return "a path under data/, such as data/events.csv";
	return NULL;
}

static const char *
check_edition_path(const char *s)
{
	if (strncmp(s, "data/", 5) != 0 || s[5] == '\0')
		return "a path under data/, such as data/2024/flow.json";
	return NULL;
}

/*
 * Each check as a regular expression for editors (kartta schema): in the
 * subset that ECMA-262 and POSIX extended expressions share, so the unit
 * test can hold it against the check.  A pattern may be looser than its
 * check (it cannot tell 30 February from a date) but never stricter: an
 * editor must not flag what kartta accepts.
 */
static const struct {
	const char *(*check)(const char *s);
	const char *pattern;
} check_patterns[] = {
	{ check_url, "^https?://." },
	{ check_colour, "^#[0-9A-Fa-f]{6}$" },
	/* Bands have many spellings (yli 55, 25–35, 60+); all have a digit. */
	{ check_age_band, "[0-9]" },
	{ check_first_name, "^[^ 0-9@]*$" },
	{ check_date, "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
	{ check_month, "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$" },
	{ check_uuid, "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-"
	    "[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$" },
	{ check_municipality_code, "^(00[1-9]|0[1-9][0-9]|[1-9][0-9]{2})$" },
	{ check_edit_url, "^https?://.*[{]path[}]" },
	{ check_base_url, "^https://[^/: ?#<>\"][^ ?#<>\"]*$" },
	{ check_data_path, "^data/." },
	{ check_edition_path, "^data/." },
};

const char *
schema_string_pattern(const struct field *f)
{
	size_t i;

	for (i = 0; f->check != NULL && i < ARRAY_LEN(check_patterns); i++)
		if (check_patterns[i].check == f->check)
			return check_patterns[i].pattern;
	return NULL;
}

#define F(st, mem) .offset = offsetof(st, mem)

/* The row every entity's table has: when its page was last reviewed. */
#define REVIEWED(st) { .key = "reviewed", .type = FT_STRING, \
	.flags = F_NOLINT, .check = check_date, F(st, e.reviewed), \
	.doc = "when the page was last reviewed, YYYY-MM-DD" }

static const struct field text_elem = { .key = "", .type = FT_TEXT };
static const struct field string_elem = { .key = "", .type = FT_STRING };
static const struct field actor_elem = { .key = "", .type = FT_REF,
	.refkind = KIND_ACTOR };
static const struct field group_elem = { .key = "", .type = FT_REF,
	.refkind = KIND_GROUP };
static const struct field service_elem = { .key = "", .type = FT_REF,
	.refkind = KIND_SERVICE };
static const struct field audience_elem = { .key = "", .type = FT_REF,
	.refkind = KIND_AUDIENCE };
static const struct field lang_elem = { .key = "", .type = FT_ENUM,
	.enums = lang_names };
static const struct field area_elem = { .key = "", .type = FT_REF,
	.refkind = KIND_AREA };

#define THEME_REF_KINDS ((1u << KIND_SERVICE) | (1u << KIND_ACTOR) | \
	(1u << KIND_MODEL) | (1u << KIND_SEGMENT) | (1u << KIND_GUIDE) | \
	(1u << KIND_AREA) | (1u << KIND_DECISION) | (1u << KIND_PATH))
#define IMPLEMENTER_KINDS ((1u << KIND_SERVICE) | (1u << KIND_SEGMENT) | \
	(1u << KIND_ACTOR))
static const struct field theme_ref_elem = { .key = "", .type = FT_KREF,
	.refmask = THEME_REF_KINDS };
static const struct field implementer_elem = { .key = "", .type = FT_KREF,
	.refmask = IMPLEMENTER_KINDS };

static const struct field audience_fields[] = {
	{ .key = "id", .type = FT_STRING, .flags = F_KEY,
	  F(struct audience, id) },
	{ .key = "name", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct audience, name) },
	{ .key = NULL },
};
static const struct schema schema_audience = { .name = "audience",
	.size = sizeof(struct audience), .fields = audience_fields };

static const struct field edition_path_elem = { .key = "",
	.type = FT_STRING, .check = check_edition_path };

static const struct field anonymity_fields[] = {
	{ .key = "k", .type = FT_INT, .min = 3, F(struct anonymity, k),
	  .doc = "smallest count ever published (default 5)" },
	{ .key = "rounding", .type = FT_INT, .min = 1,
	  F(struct anonymity, rounding),
	  .doc = "published counts are rounded to a multiple of it" },
	{ .key = "previous", .type = FT_LIST, .elem = &edition_path_elem,
	  F(struct anonymity, previous),
	  .doc = "JSON files an earlier edition published, under data/: "
	    "audited together with this edition" },
	{ .key = NULL },
};
static const struct schema schema_anonymity = { .name = "anonymity",
	.size = sizeof(struct anonymity), .fields = anonymity_fields,
	.has_pos = 1, .pos_offset = offsetof(struct anonymity, pos) };

static const struct field accessibility_fields[] = {
	{ .key = "feedback", .type = FT_MD, .flags = F_NOLINT,
	  F(struct accessibility, feedback),
	  .doc = "how to give feedback: a public contact, not a person's" },
	{ .key = "assessed", .type = FT_STRING, .flags = F_NOLINT,
	  F(struct accessibility, assessed),
	  .doc = "when the accessibility was assessed, e.g. 2026-11-23" },
	{ .key = "method", .type = FT_TEXT, F(struct accessibility, method),
	  .doc = "how it was assessed (self-assessment, audit by …)" },
	{ .key = "known_gaps", .type = FT_LIST, .elem = &text_elem,
	  F(struct accessibility, known_gaps),
	  .doc = "what is not yet accessible, one entry per gap" },
	{ .key = NULL },
};
static const struct schema schema_accessibility = { .name = "accessibility",
	.size = sizeof(struct accessibility), .fields = accessibility_fields,
	.has_pos = 1, .pos_offset = offsetof(struct accessibility, pos) };

static const struct field site_fields[] = {
	{ .key = "title", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct site, title), .doc = "handbook title" },
	{ .key = "languages", .type = FT_LIST, .flags = F_NONEMPTY,
	  .elem = &lang_elem, F(struct site, languages),
	  .doc = "fi, sv, en; the first is the default" },
	{ .key = "partial_languages", .type = FT_LIST, .elem = &lang_elem,
	  F(struct site, partial_languages),
	  .doc = "languages still being translated: a missing translation "
	  "in them is not warned about" },
	{ .key = "region", .type = FT_TEXT, F(struct site, region) },
	{ .key = "publisher", .type = FT_TEXT, F(struct site, publisher) },
	{ .key = "description", .type = FT_MD, F(struct site, description) },
	{ .key = "license", .type = FT_STRING, F(struct site, license) },
	{ .key = "edition", .type = FT_STRING, .flags = F_NOLINT,
	  F(struct site, edition),
	  .doc = "the handbook's edition, e.g. 2026.1 or 2026-03-01" },
	{ .key = "base_url", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_base_url, F(struct site, base_url),
	  .doc = "where the handbook is published, an https:// URL: printed "
	    "sheets give their page's address and a QR code of it" },
	{ .key = "edit_url", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_edit_url, F(struct site, edit_url),
	  .doc = "where to edit a page's file: a URL with {path}" },
	{ .key = "review_after_days", .type = FT_INT, .min = 1,
	  F(struct site, review_after_days),
	  .doc = "a page reviewed longer ago than this gets a warning" },
	{ .key = "audiences", .type = FT_IDMAP, .flags = F_VALUE,
	  .sub = &schema_audience, F(struct site, audiences) },
	{ .key = "anonymity", .type = FT_STRUCT, .sub = &schema_anonymity,
	  F(struct site, anonymity) },
	{ .key = "accessibility", .type = FT_STRUCT,
	  .sub = &schema_accessibility, F(struct site, accessibility) },
	{ .key = NULL },
};
const struct schema schema_site = { .name = "site",
	.size = sizeof(struct site), .fields = site_fields };

static const struct field contact_fields[] = {
	{ .key = "phone", .type = FT_STRING, F(struct contact, phone) },
	{ .key = "email", .type = FT_STRING, F(struct contact, email) },
	{ .key = "address", .type = FT_STRING, F(struct contact, address) },
	{ .key = "hours", .type = FT_STRING, F(struct contact, hours) },
	{ .key = "web", .type = FT_STRING, .check = check_url,
	  F(struct contact, web),
	  .doc = "the service's own web page, an http:// or https:// URL" },
	{ .key = NULL },
};
static const struct schema schema_contact = { .name = "contact",
	.size = sizeof(struct contact), .fields = contact_fields,
	.has_pos = 1, .pos_offset = offsetof(struct contact, pos) };

static const struct field actor_fields[] = {
	{ .key = "name", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct actor, name) },
	{ .key = "kind", .type = FT_ENUM, .flags = F_REQUIRED,
	  .enums = actor_kind_names, F(struct actor, kind) },
	{ .key = "summary", .type = FT_TEXT, F(struct actor, summary) },
	{ .key = "description", .type = FT_MD, F(struct actor, description) },
	{ .key = "part_of", .type = FT_LIST, .flags = F_ONE,
	  .elem = &actor_elem, F(struct actor, part_of),
	  .doc = "the actor or actors it is part of: an id, or a list of "
	  "ids for a joint structure" },
	{ .key = "url", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_url, F(struct actor, url) },
	{ .key = "contact", .type = FT_STRUCT, .flags = F_NOLINT,
	  .sub = &schema_contact, F(struct actor, contact) },
	{ .key = "areas", .type = FT_LIST, .elem = &area_elem,
	  F(struct actor, areas),
	  .doc = "the areas where it works; none: the whole handbook's region" },
	REVIEWED(struct actor),
	{ .key = NULL },
};

static const struct field group_fields[] = {
	{ .key = "name", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct group, name) },
	{ .key = "summary", .type = FT_TEXT, F(struct group, summary) },
	{ .key = "order", .type = FT_INT, .min = -1000000,
	  F(struct group, order) },
	{ .key = "colour", .type = FT_STRING, .check = check_colour,
	  F(struct group, colour) },
	REVIEWED(struct group),
	{ .key = NULL },
};

static const struct field link_fields[] = {
	{ .key = "title", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct link, title) },
	{ .key = "url", .type = FT_STRING, .flags = F_REQUIRED | F_NOLINT,
	  .check = check_url, F(struct link, url) },
	{ .key = NULL },
};
static const struct schema schema_link = { .name = "link",
	.size = sizeof(struct link), .fields = link_fields };
static const struct field link_elem = { .key = "", .type = FT_STRUCT,
	.sub = &schema_link };

static const struct field service_fields[] = {
	{ .key = "name", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct service, name) },
	{ .key = "group", .type = FT_REF, .flags = F_REQUIRED,
	  .refkind = KIND_GROUP, F(struct service, group) },
	{ .key = "providers", .type = FT_LIST,
	  .flags = F_REQUIRED | F_NONEMPTY, .elem = &actor_elem,
	  F(struct service, providers) },
	{ .key = "summary", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct service, summary) },
	{ .key = "description", .type = FT_MD,
	  F(struct service, description) },
	{ .key = "for_whom", .type = FT_MD, F(struct service, for_whom) },
	{ .key = "access", .type = FT_ENUM, .enums = access_names,
	  F(struct service, access) },
	{ .key = "how_to_access", .type = FT_MD,
	  F(struct service, how_to_access) },
	{ .key = "criteria", .type = FT_LIST, .elem = &text_elem,
	  F(struct service, criteria) },
	{ .key = "related", .type = FT_LIST, .elem = &service_elem,
	  F(struct service, related) },
	{ .key = "next", .type = FT_LIST, .elem = &service_elem,
	  F(struct service, next) },
	{ .key = "apply", .type = FT_MD, F(struct service, apply),
	  .doc = "how to apply: forms, what to bring, where to send it" },
	{ .key = "cost", .type = FT_TEXT, F(struct service, cost),
	  .doc = "what the service costs the client" },
	{ .key = "processing_time", .type = FT_TEXT,
	  F(struct service, processing_time),
	  .doc = "how long a decision or the start usually takes" },
	{ .key = "contact", .type = FT_STRUCT, .flags = F_NOLINT,
	  .sub = &schema_contact, F(struct service, contact),
	  .doc = "the service's public contact: phone, email, address, "
	  "hours, web" },
	{ .key = "areas", .type = FT_LIST, .elem = &area_elem,
	  F(struct service, areas),
	  .doc = "the areas where it is offered; none: where its providers "
	  "work" },
	{ .key = "status", .type = FT_ENUM, .enums = service_status_names,
	  F(struct service, status),
	  .doc = "active (the default), pilot, planned or ended" },
	{ .key = "valid_from", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_month, F(struct service, valid_from),
	  .doc = "since when it is offered, YYYY-MM or YYYY-MM-DD" },
	{ .key = "valid_until", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_month, F(struct service, valid_until),
	  .doc = "until when it is offered, YYYY-MM or YYYY-MM-DD" },
	{ .key = "ptv", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_uuid, F(struct service, ptv),
	  .doc = "its id in Suomi.fi Palvelutietovaranto; the page links to "
	  "its Suomi.fi page" },
	{ .key = "links", .type = FT_LIST, .elem = &link_elem,
	  F(struct service, links) },
	{ .key = "tags", .type = FT_LIST, .elem = &string_elem,
	  F(struct service, tags) },
	REVIEWED(struct service),
	{ .key = NULL },
};

static const struct field persona_fields[] = {
	{ .key = "name", .type = FT_STRING, .flags = F_REQUIRED,
	  .check = check_first_name, F(struct persona, name) },
	{ .key = "age", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_age_band,
	  F(struct persona, age) },
	{ .key = "situation", .type = FT_MD, F(struct persona, situation) },
	{ .key = "basis", .type = FT_TEXT, F(struct persona, basis),
	  .doc = "how the persona was made; shown instead of the default "
	  "sentence (composite of several clients)" },
	{ .key = NULL },
};
static const struct schema schema_persona = { .name = "persona",
	.size = sizeof(struct persona), .fields = persona_fields,
	.has_pos = 1, .pos_offset = offsetof(struct persona, pos) };

#define STEP_AT_KINDS ((1u << KIND_SERVICE) | (1u << KIND_ACTOR))
#define MAP_REF_KINDS ((1u << KIND_SERVICE) | (1u << KIND_ACTOR) | \
	(1u << KIND_GROUP))

static const struct field step_fields[] = {
	{ .key = "at", .type = FT_KREF, .flags = F_REQUIRED,
	  .refmask = STEP_AT_KINDS, F(struct step, at) },
	{ .key = "title", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct step, title) },
	{ .key = "stage", .type = FT_ENUM, .enums = stage_names,
	  F(struct step, stage) },
	{ .key = "responsible", .type = FT_REF, .refkind = KIND_ACTOR,
	  F(struct step, responsible) },
	{ .key = "note", .type = FT_MD, F(struct step, note) },
	{ .key = "quote", .type = FT_TEXT, F(struct step, quote) },
	{ .key = "handoff", .type = FT_BOOL, F(struct step, handoff) },
	{ .key = "duration", .type = FT_STRING, F(struct step, duration) },
	{ .key = NULL },
};
static const struct schema schema_step = { .name = "step",
	.size = sizeof(struct step), .fields = step_fields };
static const struct field step_elem = { .key = "", .type = FT_STRUCT,
	.sub = &schema_step };

static const struct field path_fields[] = {
	{ .key = "title", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct path, title) },
	{ .key = "persona", .type = FT_STRUCT, .flags = F_REQUIRED,
	  .sub = &schema_persona, F(struct path, persona) },
	{ .key = "segment", .type = FT_REF, .refkind = KIND_SEGMENT,
	  F(struct path, segment) },
	{ .key = "coordinator", .type = FT_REF, .refkind = KIND_ACTOR,
	  F(struct path, coordinator) },
	{ .key = "steps", .type = FT_LIST, .flags = F_REQUIRED | F_NONEMPTY,
	  .elem = &step_elem, F(struct path, steps) },
	REVIEWED(struct path),
	{ .key = NULL },
};

static const struct field segment_fields[] = {
	{ .key = "name", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct segment, name) },
	{ .key = "level", .type = FT_INT, .flags = F_REQUIRED, .min = 1,
	  F(struct segment, level) },
	{ .key = "summary", .type = FT_TEXT, F(struct segment, summary) },
	{ .key = "when", .type = FT_LIST, .flags = F_REQUIRED | F_NONEMPTY,
	  .elem = &text_elem, F(struct segment, when) },
	{ .key = "not_when", .type = FT_LIST, .elem = &text_elem,
	  F(struct segment, not_when) },
	{ .key = "coordinator", .type = FT_REF, .refkind = KIND_ACTOR,
	  F(struct segment, coordinator) },
	{ .key = "services", .type = FT_LIST, .elem = &service_elem,
	  F(struct segment, services) },
	REVIEWED(struct segment),
	{ .key = NULL },
};

static const struct field answer_fields[] = {
	{ .key = "label", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct answer, label) },
	{ .key = "goto", .type = FT_STRING, F(struct answer, go) },
	{ .key = "outcome", .type = FT_STRING, F(struct answer, outcome) },
	{ .key = NULL },
};
static const struct schema schema_answer = { .name = "answer",
	.size = sizeof(struct answer), .fields = answer_fields };
static const struct field answer_elem = { .key = "", .type = FT_STRUCT,
	.sub = &schema_answer };

static const struct field question_fields[] = {
	{ .key = "id", .type = FT_STRING, .flags = F_KEY,
	  F(struct question, id) },
	{ .key = "text", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct question, text) },
	{ .key = "answers", .type = FT_LIST, .flags = F_REQUIRED | F_NONEMPTY,
	  .elem = &answer_elem, F(struct question, answers) },
	{ .key = NULL },
};
static const struct schema schema_question = { .name = "question",
	.size = sizeof(struct question), .fields = question_fields };

static const struct field outcome_fields[] = {
	{ .key = "id", .type = FT_STRING, .flags = F_KEY,
	  F(struct outcome, id) },
	{ .key = "text", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct outcome, text) },
	{ .key = "segment", .type = FT_REF, .refkind = KIND_SEGMENT,
	  F(struct outcome, segment) },
	{ .key = "actor", .type = FT_REF, .refkind = KIND_ACTOR,
	  F(struct outcome, actor) },
	{ .key = NULL },
};
static const struct schema schema_outcome = { .name = "outcome",
	.size = sizeof(struct outcome), .fields = outcome_fields };

static const struct field decision_fields[] = {
	{ .key = "title", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct decision, title) },
	{ .key = "description", .type = FT_MD,
	  F(struct decision, description) },
	{ .key = "start", .type = FT_STRING, .flags = F_REQUIRED,
	  F(struct decision, start) },
	{ .key = "questions", .type = FT_IDMAP,
	  .flags = F_REQUIRED | F_NONEMPTY, .sub = &schema_question,
	  F(struct decision, questions) },
	{ .key = "outcomes", .type = FT_IDMAP,
	  .flags = F_REQUIRED | F_NONEMPTY, .sub = &schema_outcome,
	  F(struct decision, outcomes) },
	REVIEWED(struct decision),
	{ .key = NULL },
};

static const struct field map_edge_fields[] = {
	{ .key = "from", .type = FT_KREF, .flags = F_REQUIRED,
	  .refmask = MAP_REF_KINDS, F(struct map_edge, from) },
	{ .key = "to", .type = FT_KREF, .flags = F_REQUIRED,
	  .refmask = MAP_REF_KINDS, F(struct map_edge, to) },
	{ .key = "label", .type = FT_TEXT, F(struct map_edge, label) },
	{ .key = NULL },
};
static const struct schema schema_map_edge = { .name = "edge",
	.size = sizeof(struct map_edge), .fields = map_edge_fields };
static const struct field map_edge_elem = { .key = "", .type = FT_STRUCT,
	.sub = &schema_map_edge };

static const struct field map_fields[] = {
	{ .key = "title", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct map, title) },
	{ .key = "description", .type = FT_MD, F(struct map, description) },
	{ .key = "centre", .type = FT_REF, .refkind = KIND_ACTOR,
	  F(struct map, centre) },
	{ .key = "actors", .type = FT_LIST, .flags = F_ALL,
	  .elem = &actor_elem, F(struct map, actors) },
	{ .key = "groups", .type = FT_LIST, .flags = F_ALL,
	  .elem = &group_elem, F(struct map, groups) },
	{ .key = "edges", .type = FT_LIST, .elem = &map_edge_elem,
	  F(struct map, edges) },
	{ .key = "layout", .type = FT_ENUM, .enums = layout_names,
	  F(struct map, layout) },
	{ .key = "direction", .type = FT_ENUM, .enums = direction_names,
	  F(struct map, direction) },
	{ .key = "paper", .type = FT_ENUM, .enums = paper_names,
	  F(struct map, paper),
	  .doc = "the printed sheet: A4 … A0, -portrait or -landscape; the "
	    "size alone follows the drawing's orientation (default A3)" },
	{ .key = "notes", .type = FT_BOOL, F(struct map, notes),
	  .doc = "the printed sheet keeps a blank margin for sticky notes" },
	REVIEWED(struct map),
	{ .key = NULL },
};

static const struct field flow_fields[] = {
	{ .key = "title", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct flow, title) },
	{ .key = "description", .type = FT_MD, F(struct flow, description) },
	{ .key = "source", .type = FT_STRING, .flags = F_REQUIRED,
	  .check = check_data_path, F(struct flow, source) },
	{ .key = "format", .type = FT_ENUM, .flags = F_REQUIRED,
	  .enums = flow_format_names, F(struct flow, format) },
	{ .key = "period", .type = FT_STRING, F(struct flow, period) },
	{ .key = "k", .type = FT_INT, .min = 3, F(struct flow, k) },
	REVIEWED(struct flow),
	{ .key = NULL },
};

static const struct field area_fields[] = {
	{ .key = "name", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct area, name) },
	{ .key = "kind", .type = FT_ENUM, .flags = F_REQUIRED,
	  .enums = area_kind_names, F(struct area, kind),
	  .doc = "wellbeing-county, employment-area or municipality" },
	{ .key = "code", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_municipality_code, F(struct area, code),
	  .doc = "a municipality's code of Statistics Finland, e.g. 423" },
	{ .key = "part_of", .type = FT_LIST, .flags = F_ONE,
	  .elem = &area_elem, F(struct area, part_of),
	  .doc = "the larger area or areas it is part of: an id or a list" },
	{ .key = "summary", .type = FT_TEXT, F(struct area, summary) },
	{ .key = "description", .type = FT_MD, F(struct area, description) },
	{ .key = "url", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_url, F(struct area, url) },
	REVIEWED(struct area),
	{ .key = NULL },
};

static const struct field action_fields[] = {
	{ .key = "title", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct action, title) },
	{ .key = "status", .type = FT_ENUM, .enums = action_status_names,
	  F(struct action, status),
	  .doc = "planned, ongoing, pilot, done or dropped" },
	{ .key = "owner", .type = FT_REF, .refkind = KIND_ACTOR,
	  F(struct action, owner), .doc = "the actor responsible for it" },
	{ .key = "from", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_month, F(struct action, from),
	  .doc = "when it starts, YYYY-MM or YYYY-MM-DD" },
	{ .key = "until", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_month, F(struct action, until),
	  .doc = "when it ends, YYYY-MM or YYYY-MM-DD" },
	{ .key = "note", .type = FT_MD, F(struct action, note) },
	{ .key = NULL },
};
static const struct schema schema_action = { .name = "action",
	.size = sizeof(struct action), .fields = action_fields };
static const struct field action_elem = { .key = "", .type = FT_STRUCT,
	.sub = &schema_action };

static const struct field theme_fields[] = {
	{ .key = "name", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct theme, name) },
	{ .key = "summary", .type = FT_TEXT, F(struct theme, summary) },
	{ .key = "order", .type = FT_INT, .min = -1000000,
	  F(struct theme, order), .doc = "position in the overview" },
	{ .key = "now", .type = FT_MD, .flags = F_REQUIRED,
	  F(struct theme, now), .doc = "the current state (nykytila)" },
	{ .key = "target", .type = FT_MD, .flags = F_REQUIRED,
	  F(struct theme, target), .doc = "the target state (tavoitetila)" },
	{ .key = "actions", .type = FT_LIST, .elem = &action_elem,
	  F(struct theme, actions),
	  .doc = "what is done to get there: title, status, owner, from, "
	  "until, note" },
	{ .key = "related", .type = FT_LIST, .elem = &theme_ref_elem,
	  F(struct theme, related),
	  .doc = "pages it concerns, written kind:id" },
	REVIEWED(struct theme),
	{ .key = NULL },
};

static const struct field model_fields[] = {
	{ .key = "name", .type = FT_TEXT, .flags = F_REQUIRED,
	  F(struct model_card, name) },
	{ .key = "summary", .type = FT_TEXT, F(struct model_card, summary) },
	{ .key = "origin", .type = FT_TEXT, F(struct model_card, origin),
	  .doc = "the region or project it comes from" },
	{ .key = "innokyla", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_url, F(struct model_card, innokyla),
	  .doc = "its model card on innokyla.fi" },
	{ .key = "starting_point", .type = FT_MD,
	  F(struct model_card, starting_point),
	  .doc = "lähtötilanne: the situation it answers" },
	{ .key = "intended_change", .type = FT_MD,
	  F(struct model_card, intended_change),
	  .doc = "tavoiteltu muutos: what it should change" },
	{ .key = "target_group", .type = FT_MD,
	  F(struct model_card, target_group), .doc = "kohderyhmä" },
	{ .key = "basic_idea", .type = FT_MD,
	  F(struct model_card, basic_idea), .doc = "ratkaisun perusidea" },
	{ .key = "testing", .type = FT_MD, F(struct model_card, testing),
	  .doc = "ratkaisun testaaminen: how it was tried" },
	{ .key = "learned", .type = FT_MD, F(struct model_card, learned),
	  .doc = "kokeilussa opittua" },
	{ .key = "conditions", .type = FT_MD,
	  F(struct model_card, conditions),
	  .doc = "toimivuuden ja käyttöönoton ehdot" },
	{ .key = "tips", .type = FT_MD, F(struct model_card, tips),
	  .doc = "vinkit soveltajille" },
	{ .key = "implemented_by", .type = FT_LIST, .elem = &implementer_elem,
	  F(struct model_card, implemented_by),
	  .doc = "the services, segments and actors that implement it, "
	  "written kind:id" },
	REVIEWED(struct model_card),
	{ .key = NULL },
};

static const struct field guide_front_fields[] = {
	{ .key = "title", .type = FT_STRING, .flags = F_REQUIRED,
	  F(struct guide_variant, title) },
	{ .key = "order", .type = FT_INT, .min = -1000000,
	  F(struct guide_variant, order) },
	{ .key = "audience", .type = FT_LIST, .elem = &audience_elem,
	  F(struct guide_variant, audience) },
	{ .key = "lang", .type = FT_ENUM, .enums = lang_names,
	  F(struct guide_variant, lang) },
	{ .key = "reviewed", .type = FT_STRING, .flags = F_NOLINT,
	  .check = check_date, F(struct guide_variant, reviewed),
	  .doc = "when the page was last reviewed, YYYY-MM-DD" },
	{ .key = NULL },
};
const struct schema schema_guide_front = { .name = "guide",
	.size = sizeof(struct guide_variant), .fields = guide_front_fields };

static const struct schema schema_actor = { .name = "actor",
	.size = sizeof(struct actor), .fields = actor_fields };
static const struct schema schema_group = { .name = "group",
	.size = sizeof(struct group), .fields = group_fields };
static const struct schema schema_service = { .name = "service",
	.size = sizeof(struct service), .fields = service_fields };
static const struct schema schema_path = { .name = "path",
	.size = sizeof(struct path), .fields = path_fields };
static const struct schema schema_segment = { .name = "segment",
	.size = sizeof(struct segment), .fields = segment_fields };
static const struct schema schema_decision = { .name = "decision",
	.size = sizeof(struct decision), .fields = decision_fields };
static const struct schema schema_map = { .name = "map",
	.size = sizeof(struct map), .fields = map_fields };
static const struct schema schema_flow = { .name = "flow",
	.size = sizeof(struct flow), .fields = flow_fields };
static const struct schema schema_area = { .name = "area",
	.size = sizeof(struct area), .fields = area_fields };
static const struct schema schema_theme = { .name = "theme",
	.size = sizeof(struct theme), .fields = theme_fields };
static const struct schema schema_model = { .name = "model",
	.size = sizeof(struct model_card), .fields = model_fields };

const struct schema *const schema_of_kind[KIND_COUNT] = {
	[KIND_ACTOR] = &schema_actor,
	[KIND_GROUP] = &schema_group,
	[KIND_SERVICE] = &schema_service,
	[KIND_PATH] = &schema_path,
	[KIND_SEGMENT] = &schema_segment,
	[KIND_DECISION] = &schema_decision,
	[KIND_MAP] = &schema_map,
	[KIND_FLOW] = &schema_flow,
	[KIND_GUIDE] = &schema_guide_front,
	[KIND_AREA] = &schema_area,
	[KIND_THEME] = &schema_theme,
	[KIND_MODEL] = &schema_model,
};

size_t
field_size(const struct field *f)
{
	switch (f->type) {
	case FT_TEXT:
	case FT_MD:
		return sizeof(struct text);
	case FT_STRING:
		return sizeof(struct str);
	case FT_INT:
		return sizeof(struct num);
	case FT_BOOL:
		return sizeof(struct flag);
	case FT_ENUM:
		return sizeof(struct choice);
	case FT_REF:
	case FT_KREF:
		return sizeof(struct ref);
	case FT_LIST:
	case FT_IDMAP:
		return sizeof(struct list);
	case FT_STRUCT:
		return f->sub->size;
	}
	return 0;
}

static void walk_value(const struct field *f, void *value, unsigned flags,
    schema_visit_fn fn, void *arg);

static void
walk_list(const struct field *f, struct list *l, unsigned flags,
    schema_visit_fn fn, void *arg)
{
	size_t i, size;
	const struct field *elem = f->elem;
	struct field idmap_elem, named;

	if (f->type == FT_IDMAP) {
		memset(&idmap_elem, 0, sizeof(idmap_elem));
		idmap_elem.key = f->key;
		idmap_elem.type = FT_STRUCT;
		idmap_elem.sub = f->sub;
		elem = &idmap_elem;
	}
	/* A reference in a list is told about as an entry of the list:
	 * `each entry of "related" must be …`. */
	if (elem->type == FT_REF || elem->type == FT_KREF) {
		named = *elem;
		named.key = f->key;
		named.flags |= F_ENTRY;
		elem = &named;
	}
	size = field_size(elem);
	for (i = 0; i < l->len; i++)
		walk_value(elem, (char *)l->items + i * size, flags, fn, arg);
}

static void
walk_value(const struct field *f, void *value, unsigned flags,
    schema_visit_fn fn, void *arg)
{
	flags |= f->flags;
	fn(f, value, flags, arg);
	if (f->type == FT_LIST || f->type == FT_IDMAP)
		walk_list(f, value, flags, fn, arg);
	else if (f->type == FT_STRUCT)
		schema_walk(f->sub, value, flags, fn, arg);
}

void
schema_walk(const struct schema *s, void *obj, unsigned flags,
    schema_visit_fn fn, void *arg)
{
	const struct field *f;

	for (f = s->fields; f->key != NULL; f++)
		walk_value(f, (char *)obj + f->offset, flags, fn, arg);
}

static void release_field(const struct field *f, void *value);

static void
release_struct(const struct schema *s, void *obj)
{
	const struct field *f;

	for (f = s->fields; f->key != NULL; f++)
		release_field(f, (char *)obj + f->offset);
}

static void
release_field(const struct field *f, void *value)
{
	struct text *t;
	struct list *l;
	size_t i, size;

	switch (f->type) {
	case FT_TEXT:
	case FT_MD:
		t = value;
		for (i = 0; i < LANG_COUNT; i++) {
			free(t->part[i].s);
			md_doc_free(t->part[i].md);
		}
		break;
	case FT_STRING:
		free(((struct str *)value)->s);
		break;
	case FT_REF:
	case FT_KREF:
		free(((struct ref *)value)->id);
		break;
	case FT_STRUCT:
		release_struct(f->sub, value);
		break;
	case FT_LIST:
		l = value;
		size = field_size(f->elem);
		for (i = 0; i < l->len; i++)
			release_field(f->elem, (char *)l->items + i * size);
		free(l->items);
		break;
	case FT_IDMAP:
		l = value;
		for (i = 0; i < l->len; i++)
			release_struct(f->sub, (char *)l->items +
			    i * f->sub->size);
		free(l->items);
		break;
	default:
		break;
	}
}

void
schema_release(const struct schema *s, void *obj)
{
	release_struct(s, obj);
}
