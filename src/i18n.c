#include "i18n.h"

#include "schema.h"

/* Indexed by key, then by enum lang: fi, sv, en. */
static const char *const strings[UI_COUNT][LANG_COUNT] = {
	[UI_SKIP] = { "Siirry sisältöön", "Hoppa till innehållet",
		"Skip to content" },
	[UI_NAV] = { "Päävalikko", "Huvudmeny", "Main menu" },
	[UI_LANGS] = { "Kieli", "Språk", "Language" },
	[UI_BREADCRUMBS] = { "Olet tässä", "Du är här", "You are here" },
	[UI_HOME] = { "Etusivu", "Startsida", "Home" },
	[UI_GUIDES] = { "Ohjeet", "Anvisningar", "Guides" },
	[UI_SERVICES] = { "Palvelut", "Tjänster", "Services" },
	[UI_ACTORS] = { "Toimijat", "Aktörer", "Actors" },
	[UI_GROUPS] = { "Palveluryhmät", "Tjänstegrupper", "Service groups" },
	[UI_PATHS] = { "Asiakaspolut", "Klientstigar", "Client paths" },
	[UI_SEGMENTS] = { "Tuen tasot", "Stödnivåer", "Levels of support" },
	[UI_DECISIONS] = { "Päätösoppaat", "Beslutsguider",
		"Decision guides" },
	[UI_MAPS] = { "Palvelukartat", "Tjänstekartor", "Service maps" },
	[UI_FLOWS] = { "Asiakasvirrat", "Klientflöden", "Client flows" },
	[UI_SERVICE] = { "Palvelu", "Tjänst", "Service" },
	[UI_ACTOR] = { "Toimija", "Aktör", "Actor" },
	[UI_GROUP] = { "Palveluryhmä", "Tjänstegrupp", "Service group" },
	[UI_PATH] = { "Asiakaspolku", "Klientstig", "Client path" },
	[UI_SEGMENT] = { "Tuen taso", "Stödnivå", "Level of support" },
	[UI_DECISION] = { "Päätösopas", "Beslutsguide", "Decision guide" },
	[UI_MAP] = { "Palvelukartta", "Tjänstekarta", "Service map" },
	[UI_FLOW] = { "Asiakasvirta", "Klientflöde", "Client flow" },
	[UI_GUIDE] = { "Ohje", "Anvisning", "Guide" },
	[UI_PROVIDERS] = { "Palvelun tarjoajat", "Tjänsten erbjuds av",
		"Provided by" },
	[UI_PROVIDES] = { "Tarjoaa palveluja", "Erbjuder tjänster",
		"Provides" },
	[UI_FOR_WHOM] = { "Kenelle", "För vem", "For whom" },
	[UI_ACCESS] = { "Palveluun pääsy", "Tillgång", "Access" },
	[UI_HOW_TO_ACCESS] = { "Miten palveluun pääsee",
		"Hur man får tjänsten", "How to access" },
	[UI_CRITERIA] = { "Edellytykset", "Villkor", "Criteria" },
	[UI_RELATED] = { "Katso myös", "Se även", "See also" },
	[UI_NEXT] = { "Tyypilliset seuraavat palvelut",
		"Typiska följande tjänster", "Typical next services" },
	[UI_PREVIOUS_SERVICES] = { "Tähän ohjaavat palvelut",
		"Tjänster som leder hit", "Services leading here" },
	[UI_LINKS] = { "Lisätietoa", "Mer information", "More information" },
	[UI_TAGS] = { "Asiasanat", "Nyckelord", "Tags" },
	[UI_IN_PATHS] = { "Asiakaspolut, joilla tämä esiintyy",
		"Klientstigar där detta ingår", "Client paths that include this" },
	[UI_IN_SEGMENTS] = { "Tuen tasot, joilla palvelu on tyypillinen",
		"Stödnivåer där tjänsten är typisk",
		"Levels of support where this is typical" },
	[UI_PART_OF] = { "Osa toimijaa", "Del av", "Part of" },
	[UI_PARTS] = { "Toimijaan kuuluvat", "Delar", "Parts" },
	[UI_CONTACT] = { "Yhteystiedot", "Kontaktuppgifter", "Contact" },
	[UI_PHONE] = { "Puhelin", "Telefon", "Phone" },
	[UI_EMAIL] = { "Sähköposti", "E-post", "E-mail" },
	[UI_ADDRESS] = { "Osoite", "Adress", "Address" },
	[UI_HOURS] = { "Aukioloajat", "Öppettider", "Opening hours" },
	[UI_WEBSITE] = { "Verkkosivut", "Webbplats", "Website" },
	[UI_KIND] = { "Toimijan tyyppi", "Typ av aktör", "Kind of actor" },
	[UI_PERSONA] = { "Henkilö", "Person", "Persona" },
	[UI_NAME] = { "Nimi", "Namn", "Name" },
	[UI_AGE] = { "Ikäryhmä", "Åldersgrupp", "Age group" },
	[UI_SITUATION] = { "Tilanne", "Situation", "Situation" },
	[UI_COORDINATOR] = { "Asiakasvastaava", "Klientansvarig",
		"Coordinator" },
	[UI_STEPS] = { "Polun vaiheet", "Stigens steg", "Steps of the path" },
	[UI_STAGE] = { "Vaihe", "Skede", "Stage" },
	[UI_RESPONSIBLE] = { "Vastuussa", "Ansvarig", "Responsible" },
	[UI_DURATION] = { "Kesto", "Längd", "Duration" },
	[UI_HANDOFF] = { "Solmukohta: vastuu siirtyy",
		"Överlämning: ansvaret flyttas",
		"Hand-over point: responsibility moves on" },
	[UI_FICTIONAL] = { "Polku on kuvitteellinen esimerkki, joka on koottu "
		"useiden asiakkaiden kokemuksista. Se ei kuvaa ketään "
		"todellista henkilöä.",
		"Stigen är ett fiktivt exempel sammanställt av flera klienters "
		"erfarenheter. Den beskriver ingen verklig person.",
		"This path is a fictional composite of many clients' "
		"experiences. It does not describe any real person." },
	[UI_LEVEL] = { "Taso", "Nivå", "Level" },
	[UI_WHEN] = { "Milloin tämä taso sopii", "När nivån passar",
		"When this level fits" },
	[UI_NOT_WHEN] = { "Milloin ei", "När den inte passar",
		"When it does not" },
	[UI_TYPICAL_SERVICES] = { "Tyypillisiä palveluja", "Typiska tjänster",
		"Typical services" },
	[UI_START] = { "Aloita", "Börja", "Start" },
	[UI_QUESTION] = { "Kysymys", "Fråga", "Question" },
	[UI_OUTCOME] = { "Tulos", "Resultat", "Outcome" },
	[UI_OUTCOMES] = { "Mahdolliset tulokset", "Möjliga resultat",
		"Possible outcomes" },
	[UI_RESTART] = { "Aloita alusta", "Börja om", "Start again" },
	[UI_SEE_SEGMENT] = { "Tuen taso", "Stödnivå", "Level of support" },
	[UI_SEE_ACTOR] = { "Kuka vastaa", "Vem ansvarar", "Who is responsible" },
	[UI_DECIDED_BY] = { "Päätösoppaat, jotka johtavat tänne",
		"Beslutsguider som leder hit", "Decision guides leading here" },
	[UI_SERVICES_IN_GROUP] = { "Ryhmän palvelut", "Gruppens tjänster",
		"Services in this group" },
	[UI_ON_MAPS] = { "Palvelukartoilla", "På tjänstekartor",
		"On service maps" },
	[UI_CENTRE] = { "Keskiössä", "I centrum", "At the centre" },
	[UI_MAP_ACTORS] = { "Verkoston toimijat", "Nätverkets aktörer",
		"Network actors" },
	[UI_MAP_GROUPS] = { "Palveluryhmät ja palvelut",
		"Tjänstegrupper och tjänster", "Service groups and services" },
	[UI_MAP_EDGES] = { "Yhteydet", "Förbindelser", "Relations" },
	[UI_SOURCE_PERIOD] = { "Ajanjakso", "Period", "Period" },
	[UI_AUDIENCE] = { "Kohderyhmä", "Målgrupp", "Audience" },
	[UI_PUBLISHER] = { "Julkaisija", "Utgivare", "Publisher" },
	[UI_LICENSE] = { "Lisenssi", "Licens", "Licence" },
	[UI_REGION] = { "Alue", "Område", "Region" },
	[UI_LANGUAGE_NAME] = { "Suomeksi", "På svenska", "In English" },
	[UI_NOT_TRANSLATED] = { "Ei käännetty", "Inte översatt",
		"Not translated" },
};

static const char *const access_ui[][LANG_COUNT] = {
	{ "Hakeudu itse", "Sök själv", "Apply yourself" },
	{ "Lähetteellä tai ohjauksella", "Med remiss eller hänvisning",
		"By referral" },
	{ "Itse tai lähetteellä", "Själv eller med remiss",
		"Yourself or by referral" },
};

static const char *const stage_ui[][LANG_COUNT] = {
	{ "Tunnistaminen", "Identifiering", "Identification" },
	{ "Arviointi", "Bedömning", "Assessment" },
	{ "Suunnittelu", "Planering", "Planning" },
	{ "Palvelut", "Tjänster", "Services" },
	{ "Seuranta", "Uppföljning", "Follow-up" },
};

static const char *const actor_kind_ui[][LANG_COUNT] = {
	{ "Julkinen toimija", "Offentlig aktör", "Public body" },
	{ "Hyvinvointialue", "Välfärdsområde", "Wellbeing services county" },
	{ "Kunta", "Kommun", "Municipality" },
	{ "Valtio", "Staten", "State" },
	{ "Järjestö", "Organisation", "Third sector" },
	{ "Yksityinen", "Privat", "Private" },
	{ "Tiimi", "Team", "Team" },
	{ "Rooli", "Roll", "Role" },
};

const char *
ui(enum lang lang, enum ui_key key)
{
	const char *s = strings[key][lang];

	return s ? s : strings[key][LANG_FI];
}

const char *
ui_access(enum lang lang, int access)
{
	return access_ui[access][lang];
}

const char *
ui_stage(enum lang lang, int stage)
{
	return stage_ui[stage][lang];
}

const char *
ui_actor_kind(enum lang lang, int kind)
{
	return actor_kind_ui[kind][lang];
}
