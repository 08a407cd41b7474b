/*
 * kartta init: writes a new handbook's skeleton, one small commented
 * file of each kind in Finnish and Swedish, that checks and builds
 * without a diagnostic.  It only ever creates: the folder must be new or
 * empty, no file is opened that exists already, and no symbolic link is
 * followed; a failure removes what this run created.
 */
#include "init.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

struct skeleton_file {
	const char *path; /* below the new folder; at most one '/' */
	const char *text; /* its contents */
};

static const struct skeleton_file skeleton[] = {
	{ "site.yaml",
	    "# The handbook as a whole.  Every text is a string in the first language\n"
	    "# or a map of languages: { fi: …, sv: … }.  See docs/content-format.md.\n"
	    "title: { fi: Työkyvyn tuen käsikirja, sv: Handbok för stöd för arbetsförmåga }\n"
	    "# The first language is the default; every other one gets its own folder\n"
	    "# in the output (sv/…).  List a language in partial_languages while it is\n"
	    "# still being translated, to silence the missing-translation warnings.\n"
	    "languages: [fi, sv]\n"
	    "region: { fi: Esimerkkialue, sv: Exempelområdet }\n"
	    "publisher: { fi: Esimerkin hyvinvointialue, sv: Exempel välfärdsområde }\n"
	    "description:\n"
	    "  fi: Tämä on uuden käsikirjan runko. Korvaa esimerkit alueesi palveluilla.\n"
	    "  sv: Detta är stommen till en ny handbok. Byt ut exemplen mot ditt områdes tjänster.\n"
	    "license: CC BY 4.0\n"
	    "# Reader groups that guides can be written for (guides' audience).\n"
	    "audiences:\n"
	    "  ammattilaiset: { fi: Ammattilaiset, sv: Yrkesverksamma }\n" },
	{ "actors/esimerkkitoimija.yaml",
	    "# An actor: an organisation, a team or a role.  The file name is its id.\n"
	    "name: { fi: Esimerkkitoimija, sv: Exempelaktör }\n"
	    "# public, wellbeing-county, municipality, state, third-sector, private,\n"
	    "# team or role\n"
	    "kind: wellbeing-county\n"
	    "summary: { fi: Järjestää alueen palveluja., sv: Ordnar områdets tjänster. }\n" },
	{ "data/esimerkki.csv",
	    "client,service,date\n"
	    "asiakas-1,esimerkkipalvelu,2026-01-01\n"
	    "asiakas-2,esimerkkipalvelu,2026-01-02\n"
	    "asiakas-3,esimerkkipalvelu,2026-01-03\n"
	    "asiakas-4,esimerkkipalvelu,2026-01-04\n"
	    "asiakas-5,esimerkkipalvelu,2026-01-05\n"
	    "asiakas-6,esimerkkipalvelu,2026-01-06\n" },
	{ "decisions/kuka-auttaa.yaml",
	    "# A decision guide: questions whose answers lead on (goto) or end in an\n"
	    "# outcome.\n"
	    "title: { fi: Kuka auttaa?, sv: Vem hjälper? }\n"
	    "start: tarve\n"
	    "questions:\n"
	    "  tarve:\n"
	    "    text: { fi: Riittääkö ohjaus?, sv: Räcker handledning? }\n"
	    "    answers:\n"
	    "      - { label: { fi: Kyllä, sv: Ja }, outcome: ohjaus }\n"
	    "      - { label: { fi: Ei, sv: Nej }, outcome: toimija }\n"
	    "outcomes:\n"
	    "  ohjaus:\n"
	    "    text: { fi: Kevyt tuki riittää., sv: Lätt stöd räcker. }\n"
	    "    segment: kevyt-tuki\n"
	    "  toimija:\n"
	    "    text: { fi: Ota yhteys toimijaan., sv: Kontakta aktören. }\n"
	    "    actor: esimerkkitoimija\n" },
	{ "flows/asiakasvirrat.yaml",
	    "# A client flow, aggregated from a CSV file in data/ (never published as\n"
	    "# such).  Counts under k are withheld.  The example data is made up.\n"
	    "title: { fi: Asiakasvirrat, sv: Klientflöden }\n"
	    "source: data/esimerkki.csv\n"
	    "format: events\n"
	    "period: \"2026\"\n" },
	{ "groups/alkuvaihe.yaml",
	    "# A service group: one box of the service map.\n"
	    "name: { fi: Alkuvaihe, sv: Början }\n"
	    "summary: { fi: Palvelut tuen alussa., sv: Tjänster i början av stödet. }\n"
	    "order: 10\n"
	    "# A colour needs quotes: a bare # starts a comment in YAML.\n"
	    "colour: \"#77AADD\"\n" },
	{ "guides/johdanto.md",
	    "---\n"
	    "# A guide: YAML front matter between two --- lines, then Markdown.\n"
	    "# johdanto.md is the Finnish version, johdanto.sv.md the Swedish one.\n"
	    "title: Johdanto\n"
	    "order: 1\n"
	    "audience: [ammattilaiset]\n"
	    "---\n"
	    "Tervetuloa käsikirjaan. Katso [palvelukartta](map:palvelukartta).\n"
	    "\n"
	    "## Miten käsikirjaa päivitetään\n"
	    "\n"
	    "Muokkaa tiedostoja, aja `kartta check` ja sitten `kartta build`.\n" },
	{ "guides/johdanto.sv.md",
	    "---\n"
	    "title: Inledning\n"
	    "order: 1\n"
	    "audience: [ammattilaiset]\n"
	    "---\n"
	    "Välkommen till handboken. Se [tjänstekartan](map:palvelukartta).\n"
	    "\n"
	    "## Hur handboken uppdateras\n"
	    "\n"
	    "Redigera filerna, kör `kartta check` och sedan `kartta build`.\n" },
	{ "maps/palvelukartta.yaml",
	    "# A service map: which groups and actors it shows (or all).\n"
	    "title: { fi: Palvelukartta, sv: Tjänstekarta }\n"
	    "centre: esimerkkitoimija\n"
	    "actors: all\n"
	    "groups: all\n"
	    "paper: A4-landscape\n" },
	{ "paths/esimerkkipolku.yaml",
	    "# A client path: a fictional persona's steps.  Paths must stay anonymous:\n"
	    "# no names but a first name, no phone numbers, dates or exact ages.\n"
	    "title: { fi: Esimerkkipolku, sv: Exempelstig }\n"
	    "persona:\n"
	    "  name: Aino\n"
	    "  age: \"30-40\"\n"
	    "segment: kevyt-tuki\n"
	    "steps:\n"
	    "  # at: service:<id> or actor:<id>\n"
	    "  - at: service:esimerkkipalvelu\n"
	    "    title: { fi: Ensimmäinen käynti, sv: Första besöket }\n"
	    "    stage: assessment\n"
	    "    responsible: esimerkkitoimija\n"
	    "    handoff: true\n" },
	{ "segments/kevyt-tuki.yaml",
	    "# A level of support and when it applies.\n"
	    "name: { fi: Kevyt tuki, sv: Lätt stöd }\n"
	    "level: 1\n"
	    "when:\n"
	    "  - { fi: Asiakas pärjää ohjauksella., sv: Klienten klarar sig med handledning. }\n"
	    "services: [esimerkkipalvelu]\n" },
	{ "services/esimerkkipalvelu.yaml",
	    "# A service.  group and providers are ids of files in groups/ and actors/.\n"
	    "name: { fi: Esimerkkipalvelu, sv: Exempeltjänst }\n"
	    "group: alkuvaihe\n"
	    "providers: [esimerkkitoimija]\n"
	    "summary: { fi: Lyhyt kuvaus palvelusta., sv: En kort beskrivning av tjänsten. }\n"
	    "# self, referral or self-or-referral\n"
	    "access: self-or-referral\n"
	    "# Markdown; link to another page with [text](service:id), guide:id, …\n"
	    "description:\n"
	    "  fi: |\n"
	    "    Pidempi kuvaus. Lue myös [johdanto](guide:johdanto).\n"
	    "  sv: |\n"
	    "    En längre beskrivning. Läs också [inledningen](guide:johdanto).\n" },
};

static struct pos
dir_pos(const char *dir)
{
	struct pos p = { dir, 1, 1 };

	return p;
}

/* Non-zero if the folder open as fd holds any entry. */
static int
dir_has_entries(int fd)
{
	DIR *d = fdopendir(dup(fd));
	struct dirent *ent;
	int found = 0;

	if (d == NULL)
		return 1;
	while (!found && (ent = readdir(d)) != NULL)
		found = strcmp(ent->d_name, ".") != 0 &&
		    strcmp(ent->d_name, "..") != 0;
	closedir(d);
	return found;
}

/* What this run created, to remove after a failure (in reverse). */
struct created {
	char *paths[ARRAY_LEN(skeleton) * 2]; /* owned, relative to dir */
	int is_dir[ARRAY_LEN(skeleton) * 2];  /* rmdir, not unlink */
	size_t len;                           /* used */
};

static void
created_add(struct created *c, const char *path, int is_dir)
{
	c->paths[c->len] = xstrdup(path);
	c->is_dir[c->len++] = is_dir;
}

static void
created_undo(struct created *c, int fd)
{
	while (c->len > 0) {
		c->len--;
		unlinkat(fd, c->paths[c->len], c->is_dir[c->len] ?
		    AT_REMOVEDIR : 0);
		free(c->paths[c->len]);
	}
}

static void
created_free(struct created *c)
{
	while (c->len > 0)
		free(c->paths[--c->len]);
}

/* Writes one skeleton file below fd, making its folder if needed;
 * returns 0, or -1 with errno set. */
static int
write_skeleton_file(int fd, const struct skeleton_file *sf,
    struct created *c)
{
	const char *slash = strchr(sf->path, '/');
	int dfd = fd, out;
	size_t len = strlen(sf->text);
	ssize_t n;

	if (slash != NULL) {
		char *sub = xstrndup(sf->path, (size_t)(slash - sf->path));

		if (mkdirat(fd, sub, 0755) == 0)
			created_add(c, sub, 1);
		else if (errno != EEXIST) {
			free(sub);
			return -1;
		}
		dfd = openat(fd, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		free(sub);
		if (dfd < 0)
			return -1;
	}
	out = openat(dfd, slash ? slash + 1 : sf->path, O_WRONLY | O_CREAT |
	    O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (out < 0) {
		if (dfd != fd)
			close(dfd);
		return -1;
	}
	created_add(c, sf->path, 0);
	n = write(out, sf->text, len);
	if (close(out) != 0 || n != (ssize_t)len) {
		if (n >= 0 && n != (ssize_t)len)
			errno = EIO;
		if (dfd != fd)
			close(dfd);
		return -1;
	}
	if (dfd != fd)
		close(dfd);
	return 0;
}

int
init_run(const char *dir, struct diag_list *dl)
{
	struct stat st;
	struct created c;
	int fd, made = 0;
	size_t i;

	memset(&c, 0, sizeof(c));
	if (lstat(dir, &st) == 0) {
		if (S_ISLNK(st.st_mode)) {
			diag_error(dl, dir_pos(dir), "is a symbolic link: kartta "
			    "init writes only into a real folder (give a new "
			    "folder's name)");
			return KARTTA_EXIT_USAGE;
		}
		if (!S_ISDIR(st.st_mode)) {
			diag_error(dl, dir_pos(dir), "exists and is not a "
			    "folder: give a new folder's name");
			return KARTTA_EXIT_USAGE;
		}
	} else if (errno != ENOENT) {
		diag_error(dl, dir_pos(dir), "cannot use: %s", strerror(errno));
		return KARTTA_EXIT_SYSTEM;
	} else if (mkdir(dir, 0755) != 0) {
		diag_error(dl, dir_pos(dir), "cannot create the folder: %s",
		    strerror(errno));
		return KARTTA_EXIT_SYSTEM;
	} else
		made = 1;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		diag_error(dl, dir_pos(dir), "cannot open the folder: %s",
		    strerror(errno));
		if (made)
			rmdir(dir);
		return KARTTA_EXIT_SYSTEM;
	}
	if (!made && dir_has_entries(fd)) {
		diag_error(dl, dir_pos(dir), "is not empty: kartta init never "
		    "overwrites anything (give a new or empty folder)");
		close(fd);
		return KARTTA_EXIT_USAGE;
	}
	for (i = 0; i < ARRAY_LEN(skeleton); i++) {
		if (write_skeleton_file(fd, &skeleton[i], &c) != 0) {
			char *path = path_join(dir, skeleton[i].path);

			diag_error(dl, dir_pos(path), "cannot write: %s; nothing "
			    "was left behind", strerror(errno));
			free(path);
			created_undo(&c, fd);
			close(fd);
			if (made)
				rmdir(dir);
			return KARTTA_EXIT_SYSTEM;
		}
	}
	created_free(&c);
	close(fd);
	return KARTTA_EXIT_OK;
}
