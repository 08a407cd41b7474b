#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "schema.h"

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long
days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Today, or the day of SOURCE_DATE_EPOCH, in days from 1970-01-01. */
static long
reference_day(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (s != NULL && *s != '\0') {
		v = strtoll(s, &end, 10);
		if (*end == '\0' && v >= 0)
			return (long)(v / 86400);
	}
	return (long)(time(NULL) / 86400);
}

static void
check_one(const struct str *reviewed, long today, long limit,
    struct diag_list *dl)
{
	int y, m, d;
	long age;

	if (reviewed->s == NULL || !schema_date_valid(reviewed->s, &y, &m, &d))
		return;
	age = today - days_from_civil(y, m, d);
	if (age > limit)
		diag_warning(dl, reviewed->pos, "reviewed on %s, more than "
		    "review_after_days (%ld) days ago: check the page and "
		    "update reviewed", reviewed->s, limit);
}

void
review_check(const struct model *m, struct diag_list *dl)
{
	long today, limit = m->site.review_after_days.v;
	size_t k, i, l;

	if (m->site.review_after_days.pos.line == 0)
		return;
	today = reference_day();
	for (k = 0; k < KIND_COUNT; k++)
		for (i = 0; i < m->set[k].len; i++) {
			const struct entity *e = m->set[k].items[i];

			check_one(&e->reviewed, today, limit, dl);
			if (k != KIND_GUIDE)
				continue;
			for (l = 0; l < LANG_COUNT; l++)
				check_one(&((const struct guide *)e)->variant[l]
				    .reviewed, today, limit, dl);
		}
}

void
review_date_text(const char *iso, enum lang lang, char *out, size_t size)
{
	int y, m, d;

	if (!schema_date_valid(iso, &y, &m, &d)) {
		snprintf(out, size, "%s", iso);
		return;
	}
	if (lang == LANG_FI)
		snprintf(out, size, "%d.%d.%d", d, m, y);
	else
		snprintf(out, size, "%s", iso);
}
