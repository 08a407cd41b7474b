/*
 * The theme's user-interface strings in Finnish, Swedish and English.
 * Content comes from the content tree; only the words of the handbook's
 * own frame (headings, labels, navigation) live here.
 */
#ifndef KARTTA_I18N_H
#define KARTTA_I18N_H

#include "model.h"

enum ui_key {
	UI_SKIP,
	UI_NAV,
	UI_LANGS,
	UI_BREADCRUMBS,
	UI_HOME,
	UI_GUIDES,
	UI_SERVICES,
	UI_ACTORS,
	UI_GROUPS,
	UI_PATHS,
	UI_SEGMENTS,
	UI_DECISIONS,
	UI_MAPS,
	UI_FLOWS,
	UI_SERVICE,
	UI_ACTOR,
	UI_GROUP,
	UI_PATH,
	UI_SEGMENT,
	UI_DECISION,
	UI_MAP,
	UI_FLOW,
	UI_GUIDE,
	UI_PROVIDERS,
	UI_PROVIDES,
	UI_FOR_WHOM,
	UI_ACCESS,
	UI_HOW_TO_ACCESS,
	UI_CRITERIA,
	UI_RELATED,
	UI_NEXT,
	UI_PREVIOUS_SERVICES,
	UI_LINKS,
	UI_TAGS,
	UI_IN_PATHS,
	UI_IN_SEGMENTS,
	UI_PART_OF,
	UI_PARTS,
	UI_CONTACT,
	UI_PHONE,
	UI_EMAIL,
	UI_ADDRESS,
	UI_HOURS,
	UI_WEBSITE,
	UI_KIND,
	UI_PERSONA,
	UI_NAME,
	UI_AGE,
	UI_SITUATION,
	UI_COORDINATOR,
	UI_STEPS,
	UI_STAGE,
	UI_RESPONSIBLE,
	UI_DURATION,
	UI_HANDOFF,
	UI_FICTIONAL,
	UI_LEVEL,
	UI_WHEN,
	UI_NOT_WHEN,
	UI_TYPICAL_SERVICES,
	UI_START,
	UI_QUESTION,
	UI_OUTCOME,
	UI_OUTCOMES,
	UI_RESTART,
	UI_SEE_SEGMENT,
	UI_SEE_ACTOR,
	UI_DECIDED_BY,
	UI_SERVICES_IN_GROUP,
	UI_ON_MAPS,
	UI_CENTRE,
	UI_MAP_ACTORS,
	UI_MAP_GROUPS,
	UI_MAP_EDGES,
	UI_SOURCE_PERIOD,
	UI_AUDIENCE,
	UI_PUBLISHER,
	UI_LICENSE,
	UI_REGION,
	UI_LANGUAGE_NAME,
	UI_NOT_TRANSLATED,
	UI_COUNT,
};

/* Returns the string for key in lang; never NULL. */
const char *ui(enum lang lang, enum ui_key key);
/* The display name of an enum value of a field ("referral" -> "lähete…"). */
const char *ui_access(enum lang lang, int access);
const char *ui_stage(enum lang lang, int stage);
const char *ui_actor_kind(enum lang lang, int kind);

#endif
