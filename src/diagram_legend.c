/*
 * The words of printed sheets.  A legend explains the symbols by the
 * classes the kinds' modules give their nodes, edges and clusters, so
 * its words live here beside that list rather than in i18n.c's keys:
 * a class a kind stops using simply drops out of the legend, and a new
 * class has no entry (and no legend line) until it gets words here.
 */
#include "diagram_int.h"

#include <string.h>

struct legend_word {
	int kind;                 /* enum kind, or -1 for any */
	enum legend_what what;
	const char *cls;          /* exactly as given to Graphviz */
	const char *words[LANG_COUNT]; /* fi, sv, en */
};

static const struct legend_word legend_words[] = {
	{ KIND_MAP, LEGEND_NODE, "actor centre", { "Keskus: yhteinen "
	    "vastaanotto", "Centrum: gemensam mottagning",
	    "Centre: the shared front door" } },
	{ KIND_MAP, LEGEND_NODE, "actor", { "Toimija", "Aktör", "Actor" } },
	{ KIND_MAP, LEGEND_NODE, "service", { "Palvelu", "Tjänst",
	    "Service" } },
	{ KIND_MAP, LEGEND_BOX, "group", { "Palveluryhmä", "Tjänstegrupp",
	    "Group of services" } },
	{ KIND_MAP, LEGEND_EDGE, "next", { "Tyypillinen seuraava palvelu",
	    "Typisk följande tjänst", "Typical next service" } },
	{ KIND_MAP, LEGEND_EDGE, "next both", { "Seuraava palvelu "
	    "molempiin suuntiin", "Följande tjänst i båda riktningarna",
	    "Next service both ways" } },
	{ KIND_MAP, LEGEND_NODE, "group", { "Palveluryhmä ja sen palvelut "
	    "(numero kuten sivun luettelossa)", "Tjänstegrupp och dess "
	    "tjänster (nummer som i sidans lista)", "Group and its services "
	    "(numbered as in the page's list)" } },
	{ KIND_MAP, LEGEND_EDGE, "next group", { "Tyypillisiä jatkoja "
	    "ryhmästä toiseen: leveys kertoo määrän", "Typiska följande "
	    "tjänster från grupp till grupp: bredden anger antalet",
	    "Typical next steps from group to group: the width gives how "
	    "many" } },
	{ KIND_MAP, LEGEND_EDGE, "next group both", { "Tyypillisiä jatkoja "
	    "ryhmien välillä molempiin suuntiin", "Typiska följande tjänster "
	    "mellan grupperna åt båda hållen", "Typical next steps between "
	    "groups both ways" } },
	{ KIND_MAP, LEGEND_EDGE, "relation", { "Yhteistyö tai ohjaus",
	    "Samarbete eller hänvisning", "Collaboration or referral" } },
	{ KIND_PATH, LEGEND_BOX, "lane", { "Vastuutoimijan kaista",
	    "Den ansvariga aktörens fil", "Lane of the responsible actor" } },
	{ KIND_PATH, LEGEND_BOX, "lane coordinator", { "Koordinoijan kaista: "
	    "merkki jokaisen siirtymän rivillä", "Samordnarens fil: ett "
	    "märke på varje överlämnings rad", "The coordinator's lane: a mark "
	    "on each hand-over's row" } },
	{ KIND_PATH, LEGEND_NODE, "stage", { "Vaihe, josta rivit alkavat",
	    "Skede där raderna börjar", "Stage the rows begin" } },
	{ KIND_PATH, LEGEND_NODE, "step handoff", { "Siirtymä toiselle "
	    "toimijalle", "Överlämning till en annan aktör",
	    "Hand-over to another actor" } },
	{ KIND_PATH, LEGEND_NODE, "step", { "Polun vaihe", "Steg på vägen",
	    "Step of the path" } },
	{ KIND_PATH, LEGEND_NODE, "quote", { "Asiakkaan sanoin",
	    "Med klientens ord", "In the client's words" } },
	{ KIND_PATH, LEGEND_NODE, "coordinator", { "Koordinoija",
	    "Samordnare", "Coordinator" } },
	{ KIND_PATH, LEGEND_EDGE, "flow handoff", { "Siirtymä",
	    "Överlämning", "Hand-over" } },
	{ KIND_PATH, LEGEND_EDGE, "flow", { "Seuraava vaihe", "Nästa steg",
	    "Next step" } },
	{ KIND_PATH, LEGEND_EDGE, "coordinates", { "Koordinoi vaihetta",
	    "Samordnar steget", "Coordinates the step" } },
	{ KIND_DECISION, LEGEND_NODE, "start", { "Alku", "Start",
	    "Start" } },
	{ KIND_DECISION, LEGEND_NODE, "question", { "Kysymys", "Fråga",
	    "Question" } },
	{ KIND_DECISION, LEGEND_NODE, "outcome", { "Tulos: kuka tai mikä",
	    "Resultat: vem eller vad", "Outcome: who or what" } },
	{ KIND_DECISION, LEGEND_EDGE, "answer", { "Vastaus", "Svar",
	    "Answer" } },
	{ KIND_FLOW, LEGEND_NODE, "service", { "Palvelu ja sen asiakkaat",
	    "Tjänst och dess klienter", "Service and its clients" } },
	{ KIND_FLOW, LEGEND_NODE, "terminal", { "Polun alku tai loppu",
	    "Vägens början eller slut", "Start or end of the paths" } },
	{ KIND_FLOW, LEGEND_BOX, "withheld", { "Palvelut, joiden luvut on "
	    "piilotettu", "Tjänster vars tal är dolda",
	    "Services whose numbers are withheld" } },
	{ KIND_FLOW, LEGEND_EDGE, "flow", { "Asiakasvirta: leveys ja luku "
	    "kertovat määrän", "Klientflöde: bredd och tal anger antalet",
	    "Flow of clients: width and number give the count" } },
};

const char *
legend_label(enum lang lang, enum kind kind, enum legend_what what,
    const char *cls)
{
	size_t i;

	for (i = 0; i < sizeof(legend_words) / sizeof(legend_words[0]); i++) {
		const struct legend_word *w = &legend_words[i];

		if ((w->kind == -1 || w->kind == (int)kind) && w->what == what &&
		    strcmp(w->cls, cls) == 0)
			return w->words[lang];
	}
	return NULL;
}

static const char *const sheet_words[][LANG_COUNT] = {
	[SW_EDITION] = { "Painos", "Upplaga", "Edition" },
	[SW_PAGE] = { "Sivu", "Sida", "Page" },
	[SW_PAGE_TILE] = { "sivu %d/%d (rivi %d, sarake %d)",
	    "sida %d/%d (rad %d, kolumn %d)",
	    "page %d/%d (row %d, column %d)" },
	[SW_NOTES] = { "Muistiinpanot", "Anteckningar", "Notes" },
	[SW_LEGEND] = { "Merkit", "Teckenförklaring", "Legend" },
	[SW_WEB] = { "Verkossa", "På webben", "On the web" },
};

const char *
sheet_word(enum lang lang, enum sheet_word w)
{
	return sheet_words[w][lang];
}
