#!/bin/sh
# Writes a content tree with one large service map: G groups of S
# services each (default 10 x 12 = 120), 10 network actors around a
# centre, next steps inside each group and to the next groups, and a few
# labelled relations.  Deterministic: the same arguments give the same
# files.  Used by tests/diagquality.sh.
#
#   sh tests/tools/genmap.sh DIR [GROUPS [SERVICES_PER_GROUP]]
set -eu
dir=${1:?usage: genmap.sh DIR [GROUPS [SERVICES]]}
ng=${2:-10}
ns=${3:-12}
mkdir -p "$dir/groups" "$dir/services" "$dir/actors" "$dir/maps"
cat >"$dir/site.yaml" <<YAML
title: Suuri palvelukartta
languages: [fi]
region: Testialue
publisher: Testialueen hyvinvointialue
description: Luotu sisältö, jolla kartan piirtämistä testataan.
license: CC BY 4.0
YAML
# Words of realistic length, compounds included, to make labels wrap.
awk -v dir="$dir" -v ng="$ng" -v ns="$ns" 'BEGIN {
	split("Ammatillinen Lääkinnällinen Sosiaalinen Monialainen Tuettu " \
	    "Kuntouttava Alueellinen Varhainen Osittainen Yhteinen", adj, " ")
	split("kuntoutusselvitys työkokeilu palveluohjaus työhönvalmennus " \
	    "koulutuskokeilu terveystarkastus työkykyarvio vertaistuki " \
	    "työtoiminta neuvonta asiakasvastaavuus etuusneuvonta", noun, " ")
	split("TE-palvelut Työllisyyspalvelut Kela Työeläkelaitos Järjestöt " \
	    "Palveluntuottajat Työterveyshuolto Rikosseuraamuslaitos " \
	    "Nuorten\\ palvelut Koulutuspalvelut", act, " ")
	seed = 7
	for (g = 1; g <= ng; g++) {
		f = sprintf("%s/groups/g%02d.yaml", dir, g)
		printf "name: Palveluryhmä %d – %s %s\norder: %d\n", g,
		    adj[(g - 1) % 10 + 1], noun[(g * 5) % 12 + 1], g * 10 > f
		printf "summary: Ryhmän %d palvelut.\n", g > f
		close(f)
		for (s = 1; s <= ns; s++) {
			i = (g - 1) * ns + s
			f = sprintf("%s/services/s%03d.yaml", dir, i)
			seed = (seed * 1103515245 + 12345) % 2147483648
			printf "name: %s %s %d\n", adj[seed % 10 + 1],
			    noun[int(seed / 16) % 12 + 1], i > f
			printf "group: g%02d\nproviders: [a01]\n", g > f
			printf "summary: Palvelu %d ryhmässä %d.\n", i, g > f
			printf "access: self-or-referral\n" > f
			nx = ""
			if (s < ns)
				nx = sprintf("s%03d", i + 1)
			if (s % 3 == 0 && g < ng)
				nx = nx (nx != "" ? ", " : "") \
				    sprintf("s%03d", i + ns - 1)
			if (s % 5 == 0 && g + 2 <= ng)
				nx = nx (nx != "" ? ", " : "") \
				    sprintf("s%03d", i + 2 * ns - 2)
			if (nx != "")
				printf "next: [%s]\n", nx > f
			close(f)
		}
	}
	for (a = 0; a <= 10; a++) {
		f = sprintf("%s/actors/a%02d.yaml", dir, a)
		printf "name: %s\nkind: public\n",
		    (a == 0 ? "Työkyvyn tuen tiimi" : act[a]) > f
		printf "summary: Toimija %d.\n", a > f
		close(f)
	}
	f = dir "/maps/suuri.yaml"
	printf "title: Suuri palvelukartta\ncentre: a00\nactors: [" > f
	for (a = 1; a <= 10; a++)
		printf "%sa%02d", (a > 1 ? ", " : ""), a > f
	printf "]\ngroups: all\nedges:\n" > f
	for (a = 1; a <= 10; a += 3)
		printf "  - from: actor:a%02d\n    to: service:s%03d\n" \
		    "    label: ohjaa asiakkaan\n", a, (a - 1) * ns + 1 > f
	printf "paper: A3-landscape\n" > f
	close(f)
}'
