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
	[UI_MENU] = { "Valikko", "Meny", "Menu" },
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
	[UI_SEARCH_LABEL] = { "Hae käsikirjasta", "Sök i handboken",
		"Search the handbook" },
	[UI_SEARCH_BUTTON] = { "Hae", "Sök", "Search" },
	[UI_SEARCH_NONE] = { "Ei osumia.", "Inga träffar.", "No results." },
	/* {n} is replaced by the number of results. */
	[UI_SEARCH_COUNT] = { "Osumia: {n}", "Träffar: {n}", "Results: {n}" },
	[UI_SEARCH_ALL] = { "Näytä kaikki {n} osumaa", "Visa alla {n} träffar",
		"Show all {n} results" },
	/* {q} is replaced by the query. */
	[UI_SEARCH_RESULTS] = { "Hakutulokset: {q}", "Sökresultat: {q}",
		"Search results: {q}" },
	/* {p} is the page, {n} the number of pages. */
	[UI_SEARCH_PAGE] = { "sivu {p}/{n}", "sida {p}/{n}", "page {p} of {n}" },
	[UI_SEARCH_PAGES] = { "Tulossivut", "Resultatsidor", "Result pages" },
	[UI_ATOZ] = { "Hakemisto A–Ö", "Register A–Ö", "Index A–Z" },
	[UI_ATOZ_LEAD] = { "Kaikki käsikirjan sivut aakkosjärjestyksessä.",
		"Alla sidor i handboken i alfabetisk ordning.",
		"Every page of the handbook in alphabetical order." },
	[UI_ATOZ_LETTERS] = { "Alkukirjaimet", "Begynnelsebokstäver",
		"Initial letters" },
	[UI_ON_THIS_PAGE] = { "Tällä sivulla", "På den här sidan",
		"On this page" },
	[UI_GUIDE_PAGER] = { "Ohjeet järjestyksessä", "Anvisningarna i ordning",
		"Guides in order" },
	[UI_PREVIOUS] = { "Edellinen", "Föregående", "Previous" },
	[UI_FOLLOWING] = { "Seuraava", "Nästa", "Next" },
	[UI_A11Y] = { "Saavutettavuusseloste", "Tillgänglighetsutlåtande",
		"Accessibility statement" },
	[UI_A11Y_INTRO] = { "Tämä seloste kertoo, miten käsikirja täyttää "
		"lain digitaalisten palvelujen tarjoamisesta (306/2019) "
		"saavutettavuusvaatimukset, mitkä sen osat eivät vielä ole "
		"saavutettavia ja miten voit antaa palautetta.",
		"Detta utlåtande beskriver hur handboken uppfyller kraven i "
		"lagen om tillhandahållande av digitala tjänster (306/2019), "
		"vilka delar som ännu inte är tillgängliga och hur du kan ge "
		"respons.",
		"This statement tells how the handbook meets the requirements "
		"of the Finnish Act on the Provision of Digital Services "
		"(306/2019), which parts are not yet accessible and how to give "
		"feedback." },
	[UI_A11Y_SERVICE] = { "Verkkopalvelu", "Webbtjänst", "Website" },
	[UI_A11Y_ASSESSED] = { "Arvioitu", "Bedömd", "Assessed" },
	[UI_A11Y_METHOD] = { "Arviointitapa", "Bedömningsmetod",
		"Method of assessment" },
	[UI_A11Y_STATUS] = { "Saavutettavuuden tila", "Tillgänglighetsstatus",
		"Compliance status" },
	[UI_A11Y_FULL] = { "Käsikirja täyttää WCAG 2.1 -ohjeistuksen A- ja "
		"AA-tason saavutettavuusvaatimukset.",
		"Handboken uppfyller tillgänglighetskraven i WCAG 2.1 på nivå "
		"A och AA.",
		"The handbook meets the WCAG 2.1 level A and AA requirements." },
	[UI_A11Y_PARTIAL] = { "Käsikirja täyttää WCAG 2.1 -ohjeistuksen A- ja "
		"AA-tason saavutettavuusvaatimukset osittain. Tunnetut "
		"puutteet on lueteltu alla.",
		"Handboken uppfyller delvis tillgänglighetskraven i WCAG 2.1 "
		"på nivå A och AA. De kända bristerna finns nedan.",
		"The handbook partially meets the WCAG 2.1 level A and AA "
		"requirements. The known gaps are listed below." },
	[UI_A11Y_NOT_ASSESSED] = { "Käsikirjan saavutettavuutta ei ole vielä "
		"arvioitu. Se on tehty noudattamaan WCAG 2.1 -ohjeistuksen A- "
		"ja AA-tason vaatimuksia.",
		"Handbokens tillgänglighet har ännu inte bedömts. Den är gjord "
		"för att följa kraven i WCAG 2.1 på nivå A och AA.",
		"The handbook's accessibility has not been assessed yet. It is "
		"made to follow the WCAG 2.1 level A and AA requirements." },
	[UI_A11Y_GAPS] = { "Ei-saavutettava sisältö", "Icke tillgängligt "
		"innehåll", "Content that is not accessible" },
	[UI_A11Y_NO_GAPS] = { "Tunnettuja puutteita ei ole.",
		"Inga kända brister.", "There are no known gaps." },
	[UI_A11Y_FEEDBACK] = { "Palaute saavutettavuudesta",
		"Respons om tillgängligheten", "Feedback on accessibility" },
	[UI_A11Y_FEEDBACK_NONE] = { "Jos huomaat saavutettavuuspuutteen, "
		"kerro siitä käsikirjan julkaisijalle.",
		"Om du märker en brist i tillgängligheten, berätta det för "
		"handbokens utgivare.",
		"If you notice an accessibility gap, tell the handbook's "
		"publisher." },
	[UI_A11Y_ENFORCEMENT] = { "Valvontaviranomainen",
		"Tillsynsmyndighet", "Supervisory authority" },
	[UI_A11Y_ENFORCEMENT_TEXT] = { "Jos huomaat saavutettavuusongelmia, "
		"anna ensin palautetta julkaisijalle. Vastauksessa voi mennä "
		"14 päivää. Jos et ole tyytyväinen saamaasi vastaukseen tai et "
		"saa vastausta lainkaan kahden viikon aikana, voit tehdä "
		"ilmoituksen Liikenne- ja viestintävirasto Traficomiin.",
		"Om du märker problem med tillgängligheten, ge först respons "
		"till utgivaren. Det kan ta 14 dagar att få svar. Om du inte "
		"är nöjd med svaret eller inte får något svar inom två veckor, "
		"kan du göra en anmälan till Transport- och "
		"kommunikationsverket Traficom.",
		"If you notice accessibility problems, first give feedback to "
		"the publisher. A reply may take 14 days. If you are not "
		"satisfied with the reply, or you get no reply within two "
		"weeks, you can notify the Finnish Transport and "
		"Communications Agency Traficom." },
	[UI_A11Y_AUTHORITY] = { "Liikenne- ja viestintävirasto Traficom, "
		"Digitaalisen esteettömyyden ja saavutettavuuden "
		"valvontayksikkö",
		"Transport- och kommunikationsverket Traficom, Enheten för "
		"tillsyn över digital tillgänglighet",
		"Finnish Transport and Communications Agency Traficom, "
		"Digital Accessibility Supervision Unit" },
	[UI_A11Y_AUTHORITY_URL] = { "https://www.saavutettavuusvaatimukset.fi",
		"https://www.tillganglighetskrav.fi",
		"https://www.saavutettavuusvaatimukset.fi/en" },
	[UI_A11Y_AUTHORITY_EMAIL] = { "saavutettavuus@traficom.fi",
		"saavutettavuus@traficom.fi", "saavutettavuus@traficom.fi" },
	[UI_A11Y_AUTHORITY_PHONE] = { "029 534 5000", "029 534 5000",
		"+358 29 534 5000" },
	[UI_FLOW_NODES] = { "Asiakkaita palveluittain", "Klienter per tjänst",
		"Clients by service" },
	[UI_FLOW_EDGES] = { "Siirtymät palvelusta toiseen",
		"Övergångar mellan tjänster", "Transitions between services" },
	[UI_FLOW_SERVICE] = { "Palvelu", "Tjänst", "Service" },
	[UI_FLOW_FROM] = { "Mistä", "Från", "From" },
	[UI_FLOW_TO] = { "Mihin", "Till", "To" },
	[UI_FLOW_CLIENTS] = { "Asiakkaita", "Klienter", "Clients" },
	[UI_FLOW_START] = { "Polun alku", "Stigens början", "Start of path" },
	[UI_FLOW_END] = { "Polun loppu", "Stigens slut", "End of path" },
	[UI_FLOW_OTHER] = { "muut palvelut", "övriga tjänster",
		"other services" },
	[UI_FLOW_K] = { "Pienin julkaistava luku", "Minsta publicerade tal",
		"Smallest number published" },
	[UI_FLOW_ROUNDING] = { "Luvut pyöristetty monikertaan",
		"Talen avrundade till multipel av", "Numbers rounded to a multiple of" },
	[UI_FLOW_JSON] = { "Julkaistut luvut JSON-muodossa",
		"De publicerade talen i JSON-format",
		"The published numbers as JSON" },
	[UI_FLOW_NOTE] = { "Luvut ovat eri asiakkaiden määriä. Pienet luvut "
		"ja luvut, joista pienen luvun voisi päätellä, on piilotettu "
		"tai yhdistetty, jotta ketään ei voi tunnistaa.",
		"Talen är antal olika klienter. Små tal, och tal som ett litet "
		"tal kunde härledas ur, har dolts eller slagits samman så att "
		"ingen kan identifieras.",
		"The numbers count distinct clients. Small numbers, and numbers "
		"a small one could be worked out from, are withheld or merged "
		"so that no one can be identified." },
	[UI_FLOW_WITHHELD] = { "piilotettu", "dolt", "withheld" },
	[UI_FLOW_EMPTY] = { "Aineistossa ei ole asiakkaita.",
		"Materialet har inga klienter.", "The data has no clients." },
	[UI_FLOW_ONLY_TOTAL] = {
		"Vain asiakkaiden määrä julkaistaan: muista luvuista voisi "
		"päätellä pienen asiakasryhmän, vaikka osa niistä "
		"piilotettaisiin.",
		"Endast antalet klienter publiceras: av de andra talen skulle "
		"en liten grupp klienter kunna härledas även om en del av dem "
		"doldes.",
		"Only the number of clients is published: the other numbers "
		"would let a small group of clients be worked out, even with "
		"some of them withheld." },
	[UI_DIAGRAM_MAP] = {
		"Palvelukartta: %zu palveluryhmää, %zu palvelua ja %zu "
		"toimijaa. Sama sisältö on luetteloina kartan sivulla.",
		"Tjänstekarta: %zu tjänstegrupper, %zu tjänster och %zu "
		"aktörer. Samma innehåll finns som listor på kartans sida.",
		"Service map: %zu service groups, %zu services and %zu "
		"actors. The same content is on the map's page as lists." },
	[UI_DIAGRAM_PATH] = {
		"Asiakaspolku: %zu vaihetta, joista %zu solmukohtaa. Vaiheet "
		"on kuvattu tekstinä polun sivulla.",
		"Klientstig: %zu steg, varav %zu överlämningar. Stegen "
		"beskrivs som text på stigens sida.",
		"Client path: %zu steps, %zu of them hand-over points. The "
		"steps are described as text on the path's page." },
	[UI_DIAGRAM_DECISION] = {
		"Vuokaavio: %zu kysymystä ja %zu tulosta. Sama opas on "
		"tekstinä oppaan sivulla.",
		"Flödesschema: %zu frågor och %zu resultat. Samma guide "
		"finns som text på guidens sida.",
		"Flowchart: %zu questions and %zu outcomes. The same guide "
		"is on its page as text." },
	[UI_DIAGRAM_FLOW] = {
		"Asiakasvirta: %zu solmua ja %zu julkaistua siirtymää; viivan "
		"paksuus kertoo asiakasmäärän. Luvut ovat taulukkoina "
		"asiakasvirran sivulla.",
		"Klientflöde: %zu noder och %zu publicerade övergångar; "
		"linjens tjocklek visar antalet klienter. Talen finns som "
		"tabeller på flödets sida.",
		"Client flow: %zu nodes and %zu published transitions; a "
		"line's width shows the number of clients. The numbers are "
		"on the flow's page as tables." },
	[UI_DIAGRAM_HANDOFF] = { "Solmukohta", "Överlämning", "Hand-over" },
	[UI_DIAGRAM_FULL] = { "Avaa kuva täysikokoisena",
	    "Öppna bilden i full storlek", "Open the diagram full size" },
	[UI_QUOTE_OPEN] = { "”", "”", "“" },
	[UI_QUOTE_CLOSE] = { "”", "”", "”" },
	[UI_FRONT_TASKS] = { "Mitä etsit?", "Vad söker du?",
		"What are you looking for?" },
	[UI_TASK_SERVICES] = { "Mihin palveluun ohjaan asiakkaan?",
		"Till vilken tjänst hänvisar jag klienten?",
		"Which service do I refer the client to?" },
	[UI_TASK_SERVICES_NOTE] = { "Palvelut palveluryhmittäin",
		"Tjänsterna efter grupp", "The services by group" },
	[UI_TASK_SEGMENTS] = { "Minkä tasoista tukea asiakas tarvitsee?",
		"Vilken nivå av stöd behöver klienten?",
		"What level of support does the client need?" },
	[UI_TASK_SEGMENTS_NOTE] = { "Tuen tasot rinnakkain",
		"Stödnivåerna sida vid sida", "The levels side by side" },
	[UI_TASK_PATHS] = { "Millainen asiakkaan polku voi olla?",
		"Hur kan en klients stig se ut?",
		"What can a client's path look like?" },
	[UI_TASK_PATHS_NOTE] = { "Kuvitteelliset esimerkkipolut",
		"Påhittade exempelstigar", "Fictional example paths" },
	[UI_TASK_MAPS] = { "Miten palvelut liittyvät toisiinsa?",
		"Hur hänger tjänsterna ihop?",
		"How do the services fit together?" },
	[UI_TASK_ACTORS] = { "Kuka tekee mitä?", "Vem gör vad?",
		"Who does what?" },
	[UI_TASK_ACTORS_NOTE] = { "Toimijat ja niiden palvelut",
		"Aktörerna och deras tjänster", "The actors and their services" },
	[UI_TASK_FLOWS] = { "Miten asiakkaat siirtyvät palvelusta toiseen?",
		"Hur rör sig klienterna mellan tjänsterna?",
		"How do clients move between services?" },
	[UI_TASK_GUIDES] = { "Mitä ohjeita käsikirjassa on?",
		"Vilka anvisningar finns i handboken?",
		"Which guides does the handbook have?" },
	[UI_TASK_GUIDES_NOTE] = { "Kaikki ohjeet lukujärjestyksessä",
		"Alla anvisningar i läsordning", "Every guide in reading order" },
	[UI_TASK_ATOZ] = { "Etsitkö tiettyä sivua?", "Söker du en viss sida?",
		"Looking for a particular page?" },
	[UI_TASK_ATOZ_NOTE] = { "Kaikki sivut aakkosjärjestyksessä",
		"Alla sidor i alfabetisk ordning", "Every page from A to Z" },
	[UI_FRONT_AUDIENCES] = { "Lukijaryhmille", "För läsargrupper",
		"For reader groups" },
	[UI_AUDIENCE_ALL] = { "Kaikki tämän lukijaryhmän ohjeet",
		"Alla anvisningar för den här gruppen",
		"All guides for this group" },
	[UI_AUDIENCE_LEAD] = { "Tälle lukijaryhmälle kirjoitetut ohjeet "
		"lukujärjestyksessä.", "Anvisningarna som skrivits för den här "
		"läsargruppen, i läsordning.", "The guides written for this "
		"group of readers, in reading order." },
	[UI_TABLE_SCROLLS] = { "Taulukko vierii sivusuunnassa.",
		"Tabellen rullar i sidled.", "The table scrolls sideways." },
	[UI_REVIEWED] = { "Tarkistettu", "Granskad", "Last reviewed" },
	[UI_EDIT_PAGE] = { "Muokkaa tätä sivua", "Redigera den här sidan",
		"Edit this page" },
	[UI_PERMALINK] = { "Linkki tähän kohtaan:", "Länk hit:",
		"Link to this section:" },
	/* A text shown in another language than the page's: "(suomeksi)". */
	[UI_IN_FINNISH] = { "suomeksi", "på finska", "in Finnish" },
	[UI_IN_SWEDISH] = { "ruotsiksi", "på svenska", "in Swedish" },
	[UI_IN_ENGLISH] = { "englanniksi", "på engelska", "in English" },
	[UI_TAGS_LEAD] = { "Palvelut asiasanoittain.",
		"Tjänsterna efter nyckelord.", "The services by tag." },
	/* %s is a kind's plural name: "Palvelut järjestyksessä". */
	[UI_PAGER_OF] = { "%s järjestyksessä", "%s i ordning", "%s in order" },
	[UI_CALL] = { "Soita", "Ring", "Call" },
	[UI_MAIL] = { "Lähetä sähköpostia", "Skicka e-post", "Send e-mail" },
	[UI_PRINT_EDITION] = { "Painos", "Upplaga", "Edition" },
	/* Before "N / M" at the foot of each printed page. */
	[UI_PRINT_PAGE] = { "sivu", "sida", "page" },
	[UI_CONTENTS] = { "Sisällys", "Innehåll", "Contents" },
	/* Where an answer leads, on paper: %zu is the number. */
	[UI_GOTO_QUESTION] = { "→ kysymys %zu", "→ fråga %zu",
		"→ question %zu" },
	[UI_GOTO_OUTCOME] = { "→ tulos %zu", "→ resultat %zu", "→ outcome %zu" },
	[UI_PRINT_PDF] = { "Tulostettava kartta (PDF)",
		"Karta för utskrift (PDF)", "Printable map (PDF)" },
	[UI_PRINT_SHEET] = { "Tulostettava kaavio (PDF)",
		"Diagram för utskrift (PDF)", "Printable diagram (PDF)" },
	[UI_COMPARE_LEVELS] = { "Vertaa tuen tasoja", "Jämför stödnivåerna",
		"Compare the levels of support" },
	[UI_SEGMENTS_LEAD] = { "Tuen tasot rinnakkain: milloin kukin taso "
		"sopii ja milloin ei, kuka koordinoi ja mitkä palvelut ovat "
		"tyypillisiä.", "Stödnivåerna sida vid sida: när varje nivå "
		"passar och när inte, vem som samordnar och vilka tjänster som "
		"är typiska.", "The levels of support side by side: when each "
		"fits and when not, who coordinates and which services are "
		"typical." },
	[UI_PRINT_HANDBOOK] = { "Koko käsikirja tulostettavana",
		"Hela handboken för utskrift", "The whole handbook for print" },
	[UI_PRINT_LEAD] = {
	"Kaikki ohjeet, asiakaspolut, tuen tasot, päätösoppaat, "
	"palvelukartat, asiakasvirrat, kehittämisteemat, toimintamallit, "
	"palveluryhmät, palvelut, toimijat ja alueet yhdellä sivulla "
	"tulostettaviksi.",
	"Alla anvisningar, klientstigar, stödnivåer, beslutsguider, "
	"tjänstekartor, klientflöden, utvecklingsteman, verksamhetsmodeller, "
	"tjänstegrupper, tjänster, aktörer och områden på en sida för "
	"utskrift.",
	"Every guide, client path, level of support, decision guide, service "
	"map, client flow, development theme, working model, service group, "
	"service, actor and area on one page, for print." },
	[UI_AREAS] = { "Alueet", "Områden", "Areas" },
	[UI_THEMES] = { "Kehittämisteemat", "Utvecklingsteman",
		"Development themes" },
	[UI_MODELS] = { "Toimintamallit", "Verksamhetsmodeller",
		"Working models" },
	[UI_AREA] = { "Alue", "Område", "Area" },
	[UI_THEME] = { "Kehittämisteema", "Utvecklingstema",
		"Development theme" },
	[UI_MODEL] = { "Toimintamalli", "Verksamhetsmodell", "Working model" },
	[UI_APPLY] = { "Näin haet", "Så ansöker du", "How to apply" },
	[UI_COST] = { "Hinta asiakkaalle", "Kostnad för klienten",
		"Cost to the client" },
	[UI_PROCESSING_TIME] = { "Käsittelyaika", "Handläggningstid",
		"Processing time" },
	[UI_STATUS] = { "Tila", "Status", "Status" },
	[UI_VALID_FROM] = { "Tarjolla alkaen", "Erbjuds från",
		"Offered from" },
	[UI_VALID_UNTIL] = { "Tarjolla asti", "Erbjuds till",
		"Offered until" },
	[UI_PTV] = { "Suomi.fi", "Suomi.fi", "Suomi.fi" },
	[UI_PTV_LINK] = { "Palvelun kuvaus Suomi.fi-palvelussa",
		"Tjänstens beskrivning på Suomi.fi",
		"The service's description on Suomi.fi" },
	[UI_OFFERED_IN] = { "Tarjolla alueilla", "Erbjuds i områdena",
		"Offered in" },
	[UI_WORKS_IN] = { "Toimii alueilla", "Verkar i områdena",
		"Works in" },
	[UI_EVERYWHERE] = { "Koko käsikirjan alueella",
		"I hela handbokens område", "Throughout the handbook's region" },
	[UI_STATUS_NOTE_PILOT] = { "Tämä palvelu on kokeilu: se ei "
		"välttämättä jatku kokeilun jälkeen.", "Den här tjänsten är ett "
		"försök: den fortsätter inte nödvändigtvis efter försöket.",
		"This service is a pilot: it may not go on after the pilot." },
	[UI_STATUS_NOTE_PLANNED] = { "Tämä palvelu on suunnitteilla: sitä ei "
		"vielä ole tarjolla.", "Den här tjänsten planeras: den erbjuds "
		"inte ännu.", "This service is planned: it is not offered yet." },
	[UI_STATUS_NOTE_ENDED] = { "Tämä palvelu on päättynyt: siihen ei voi "
		"enää ohjata.", "Den här tjänsten har upphört: ingen kan längre "
		"hänvisas dit.", "This service has ended: no one can be referred "
		"to it any more." },
	[UI_IMPLEMENTS] = { "Toteuttaa toimintamallia",
		"Genomför verksamhetsmodellen", "Implements the working model" },
	[UI_IN_THEMES] = { "Kehittämisteemat, joissa mukana",
		"Utvecklingsteman där detta ingår",
		"Development themes that include this" },
	[UI_AREA_KIND] = { "Aluetyyppi", "Typ av område", "Kind of area" },
	[UI_CODE] = { "Kuntanumero", "Kommunnummer", "Municipality code" },
	[UI_AREA_PART_OF] = { "Kuuluu alueeseen", "Hör till området",
		"Part of" },
	[UI_AREA_PARTS] = { "Alueeseen kuuluvat", "Områden som hör hit",
		"Areas within it" },
	[UI_AREA_SERVICES] = { "Palvelut, jotka ovat tarjolla koko alueella",
		"Tjänster som erbjuds i hela området",
		"Services offered throughout the area" },
	[UI_AREA_SERVICES_PART] = { "Palvelut, jotka ovat tarjolla vain osassa "
		"aluetta", "Tjänster som erbjuds bara i en del av området",
		"Services offered only in part of the area" },
	[UI_AREA_ACTORS] = { "Alueella toimivat", "Aktörer i området",
		"Actors working here" },
	[UI_AREA_NONE] = { "Alueelle ei ole kirjattu palveluja.",
		"Inga tjänster har förts in för området.",
		"No services are recorded for this area." },
	[UI_FILTER_HEADING] = { "Palvelut kunnittain", "Tjänsterna per kommun",
		"Services by municipality" },
	[UI_FILTER_LABEL] = { "Näytä palvelut kunnassa",
		"Visa tjänsterna i kommunen", "Show the services in" },
	[UI_FILTER_ALL] = { "kaikki kunnat", "alla kommuner",
		"every municipality" },
	/* %zu services of %zu are shown. */
	[UI_FILTER_SHOWN] = { "Näytetään %zu palvelua %zu:stä.",
		"%zu av %zu tjänster visas.", "%zu of %zu services shown." },
	[UI_FILTER_LEAD] = { "Kunnan sivulla ovat ne palvelut, jotka ovat "
		"tarjolla kyseisessä kunnassa.", "På kommunens sida finns de "
		"tjänster som erbjuds i kommunen.", "A municipality's page lists "
		"the services offered there." },
	[UI_NOW] = { "Nykytila", "Nuläge", "Current state" },
	[UI_TARGET] = { "Tavoitetila", "Målläge", "Target state" },
	[UI_ACTIONS] = { "Toimenpiteet", "Åtgärder", "Actions" },
	[UI_ACTION] = { "Toimenpide", "Åtgärd", "Action" },
	[UI_OWNER] = { "Vastuutaho", "Ansvarig", "Owner" },
	[UI_PERIOD] = { "Aikataulu", "Tidsplan", "When" },
	[UI_NOTE] = { "Lisätietoa", "Mer information", "Notes" },
	[UI_RELATED_PAGES] = { "Liittyy", "Hänger ihop med", "Concerns" },
	[UI_THEMES_LEAD] = { "Kehittämisteemat rinnakkain: mistä lähdetään, "
		"mihin pyritään ja mitä sen eteen tehdään.",
		"Utvecklingstemana sida vid sida: var vi står, vart vi vill och "
		"vad som görs för det.", "The development themes side by side: "
		"where we are, where we aim and what is being done." },
	[UI_ORIGIN] = { "Alkuperä", "Ursprung", "Origin" },
	[UI_INNOKYLA] = { "Toimintamallin kuvaus Innokylässä",
		"Modellens beskrivning i Innokylä",
		"The model's card on Innokylä" },
	[UI_STARTING_POINT] = { "Lähtötilanne", "Utgångsläge",
		"Starting point" },
	[UI_INTENDED_CHANGE] = { "Tavoiteltu muutos", "Eftersträvad förändring",
		"Intended change" },
	[UI_TARGET_GROUP] = { "Kohderyhmä", "Målgrupp", "Target group" },
	[UI_BASIC_IDEA] = { "Ratkaisun perusidea", "Lösningens grundidé",
		"The basic idea" },
	[UI_TESTING] = { "Ratkaisun testaaminen", "Hur lösningen prövades",
		"How it was tried" },
	[UI_LEARNED] = { "Kokeilussa opittua", "Lärdomar från försöket",
		"What the trial taught" },
	[UI_CONDITIONS] = { "Toimivuuden ja käyttöönoton ehdot",
		"Villkor för att modellen fungerar och tas i bruk",
		"Conditions for it to work" },
	[UI_TIPS] = { "Vinkit soveltajille", "Tips för den som tillämpar "
		"modellen", "Tips for adopters" },
	[UI_IMPLEMENTED_BY] = { "Mallia toteuttavat", "Modellen genomförs av",
		"Implemented by" },
	[UI_FICTIONAL_SHORT] = { "Polku on kuvitteellinen esimerkki, eikä se "
		"kuvaa ketään todellista henkilöä.", "Stigen är ett fiktivt "
		"exempel och beskriver ingen verklig person.", "This path is a "
		"fictional example and does not describe any real person." },
	[UI_TASK_THEMES] = { "Mitä alueella kehitetään?",
		"Vad utvecklas i området?", "What is being developed?" },
	[UI_TASK_THEMES_NOTE] = { "Nykytila ja tavoitetila teemoittain",
		"Nuläge och målläge per tema", "Current and target state by theme" },
	[UI_TASK_MODELS] = { "Mistä toimintamalleista palvelut ovat peräisin?",
		"Vilka verksamhetsmodeller bygger tjänsterna på?",
		"Which working models are the services built on?" },
	[UI_TASK_MODELS_NOTE] = { "Toimintamallien kuvaukset ja niiden "
		"toteuttajat", "Modellerna och vem som genomför dem",
		"The models and who implements them" },
	[UI_TASK_AREAS] = { "Onko palvelu tarjolla asiakkaan kunnassa?",
		"Erbjuds tjänsten i klientens kommun?",
		"Is the service offered where the client lives?" },
	[UI_TASK_AREAS_NOTE] = { "Palvelut kunnittain ja alueittain",
		"Tjänsterna per kommun och område",
		"The services by municipality and area" },
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

static const char *const service_status_ui[][LANG_COUNT] = {
	{ "Käytössä", "I bruk", "Active" },
	{ "Kokeilu", "Försök", "Pilot" },
	{ "Suunnitteilla", "Planeras", "Planned" },
	{ "Päättynyt", "Upphört", "Ended" },
};

static const char *const area_kind_ui[][LANG_COUNT] = {
	{ "Hyvinvointialue", "Välfärdsområde", "Wellbeing services county" },
	{ "Työllisyysalue", "Sysselsättningsområde", "Employment area" },
	{ "Kunta", "Kommun", "Municipality" },
};

static const char *const action_status_ui[][LANG_COUNT] = {
	{ "Suunniteltu", "Planerad", "Planned" },
	{ "Käynnissä", "Pågår", "Ongoing" },
	{ "Kokeilussa", "I försök", "Being piloted" },
	{ "Valmis", "Klar", "Done" },
	{ "Luovuttu", "Slopad", "Dropped" },
};

const char *
ui_service_status(enum lang lang, int status)
{
	return service_status_ui[status][lang];
}

const char *
ui_area_kind(enum lang lang, int kind)
{
	return area_kind_ui[kind][lang];
}

const char *
ui_action_status(enum lang lang, int status)
{
	return action_status_ui[status][lang];
}

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
