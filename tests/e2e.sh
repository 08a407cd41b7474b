#!/bin/sh
# End-to-end tests: whole builds of content/ and of the fixtures, checked
# with sitecheck (tests/tools/sitecheck.c) and XPath facts.
#
#   sh tests/e2e.sh BUILD
#
# Run from the repository root.  Prints "PASS name", "FAIL name" (with
# the reasons indented below) or "SKIP name: why" per test; exits 1 if
# any failed.  Facts about content/ are derived from its YAML, so that
# they hold while the content is edited.
set -u

suite=e2e
build=${1:?usage: e2e.sh BUILD}
. tests/lib.sh
sc=$build/tests/sitecheck

# site DIR: sitecheck must find nothing.
site() {
	if ! "$sc" "$1" >"$tmp/sc" 2>&1; then
		fail "sitecheck $1:"
		head -n 30 "$tmp/sc" | sed 's/^/      /' >>"$tmp/why"
	fi
}

# x XPATH FILE: the XPath value(s), one a line.
x() {
	"$sc" -x "$1" "$2" 2>>"$tmp/why"
}

# eq ACTUAL EXPECTED WHAT
eq() {
	if [ "$1" != "$2" ]; then
		fail "$3: got \"$1\", expected \"$2\""
	fi
}

# has FILE XPATH WHAT: the expression must be true in FILE.
has() {
	if [ ! -f "$1" ]; then
		fail "$3: no file $1"
	elif [ "$(x "boolean($2)" "$1")" != true ]; then
		fail "$3: $2 is false in $1"
	fi
}

# Minimal YAML readers for facts, good for the simple files of a content
# tree: top-level keys, lists in flow ([a, b]) or block (- a) style.

# yscalar FILE KEY: a top-level scalar, quotes removed.
yscalar() {
	sed -n "s/^$2:[[:space:]]*//p" "$1" | head -n 1 |
	    sed 's/^"\(.*\)"$/\1/; s/^'"'"'\(.*\)'"'"'$/\1/; s/[[:space:]]*$//'
}

# ylist FILE KEY: the items of a top-level list, one a line.
ylist() {
	awk -v key="$2" '
	function out(s) {
		gsub(/^[[:space:]"'"'"']+|[[:space:]"'"'"']+$/, "", s)
		if (s != "") print s
	}
	$0 ~ "^" key ":" {
		rest = $0
		sub("^" key ":[[:space:]]*", "", rest)
		if (rest ~ /^\[/) {
			gsub(/[\[\]]/, "", rest)
			n = split(rest, a, ",")
			for (i = 1; i <= n; i++) out(a[i])
			exit
		}
		inlist = 1
		next
	}
	inlist && /^[^[:space:]#]/ { exit }
	inlist && /^[[:space:]]*-[[:space:]]/ {
		s = $0
		sub(/^[[:space:]]*-[[:space:]]*/, "", s)
		out(s)
	}' "$1"
}

# ykeys FILE KEY: the keys of a top-level map, in file order.
ykeys() {
	awk -v key="$2" '
	$0 ~ "^" key ":[[:space:]]*$" { inmap = 1; next }
	inmap && /^[^[:space:]#]/ { exit }
	inmap && /^[[:space:]]+[a-z0-9][a-z0-9-]*:/ {
		match($0, /^[[:space:]]+/)
		if (indent == 0) indent = RLENGTH
		if (RLENGTH != indent) next
		s = $0
		sub(/^[[:space:]]+/, "", s)
		sub(/:.*/, "", s)
		print s
	}' "$1"
}

# yanswers FILE: "QUESTION #q-TARGET" or "QUESTION #o-TARGET" per answer,
# in file order.
yanswers() {
	awk '
	/^questions:[[:space:]]*$/ { inq = 1; next }
	inq && /^[^[:space:]#]/ { exit }
	inq && /^[[:space:]]+[a-z0-9][a-z0-9-]*:[[:space:]]*$/ {
		match($0, /^[[:space:]]+/)
		if (indent == 0) indent = RLENGTH
		if (RLENGTH == indent) {
			q = $0
			gsub(/[[:space:]:]/, "", q)
		}
	}
	inq {
		s = $0
		while (match(s, /(goto|outcome):[[:space:]]*["'"'"']?[a-z0-9][a-z0-9-]*/)) {
			t = substr(s, RSTART, RLENGTH)
			s = substr(s, RSTART + RLENGTH)
			kind = t ~ /^goto/ ? "q" : "o"
			sub(/^[a-z]+:[[:space:]]*["'"'"']?/, "", t)
			print q " #" kind "-" t
		}
	}' "$1"
}

idof() {
	basename "$1" | sed 's/\.[a-z]*$//'
}

for tool in "$kartta" "$sc"; do
	if [ ! -x "$tool" ]; then
		echo "FAIL e2e: $tool not built"
		exit 1
	fi
done

# ---------------------------------------------------------------------
# sitecheck itself must find every problem of a broken site.
begin sitecheck-finds-problems
"$sc" tests/fixtures/sitecheck/bad >"$tmp/sc-out" 2>/dev/null
rc=$?
eq "$rc" 1 "sitecheck exit status on a broken site"
if ! diff -u tests/fixtures/sitecheck/expected "$tmp/sc-out" >"$tmp/d"; then
	fail "sitecheck output differs from tests/fixtures/sitecheck/expected:"
	sed 's/^/      /' "$tmp/d" | head -n 40 >>"$tmp/why"
fi
end

# ---------------------------------------------------------------------
# The command line.
begin version-and-help
version=$(sed -n 's/^VERSION = //p' Makefile)
k 0 --version
eq "$(cat "$tmp/out")" "kartta $version" "kartta --version"
[ -s "$tmp/err" ] && fail "--version wrote to standard error"
k 0 --help
grep -q '^usage: kartta build' "$tmp/out" || fail "--help: no usage line"
[ -s "$tmp/err" ] && fail "--help wrote to standard error"
end

# ---------------------------------------------------------------------
# content/: the real handbook.
out=$tmp/content-out
begin content-check-clean
k 0 check -c content
if [ -s "$tmp/err" ] || [ -s "$tmp/out" ]; then
	fail "kartta check -c content is not silent:"
	head -n 20 "$tmp/err" | sed 's/^/      /' >>"$tmp/why"
fi
end

# No run of eight words of content/ is copied from the sources it was
# written from (tests/tools/own_words.py; the sources' fingerprints in
# tests/own-words.txt).  The check must also catch a copied sentence
# written differently: other case, umlauts, punctuation and a link.
if ! command -v python3 >/dev/null 2>&1; then
	skip content-own-words "no python3"
else
	begin content-own-words
	if ! python3 tests/tools/own_words.py check tests/own-words.txt content \
	    >"$tmp/ow" 2>&1; then
		fail "content/ copies eight words or more from a source:"
		head -n 20 "$tmp/ow" | sed 's/^/      /' >>"$tmp/why"
	fi
	printf '%s\n' 'Työkykykoordinaattorin TYÖAJASSA on oltava aikaa –' \
	    '[verkostotyöhön](guide:x), kehittamistyohon ja koulutukseen.' \
	    >"$tmp/ow.md"
	if python3 tests/tools/own_words.py check tests/own-words.txt \
	    "$tmp/ow.md" >"$tmp/ow" 2>&1; then
		fail "own_words.py does not catch a sentence copied from seed 003"
	fi
	end
fi

# The default content uses every kind of the content format (each kind
# that `kartta schema` knows, but site), so that a region starting from
# it sees every kind of page.
begin content-every-kind
if k 0 schema -o "$tmp/kinds"; then
	n=0
	for f in "$tmp"/kinds/*.schema.json; do
		kind=$(basename "$f" .schema.json)
		[ "$kind" = site ] && continue
		n=$((n + 1))
		set -- content/"$kind"s/*.*
		[ -f "$1" ] || fail "content/ has no ${kind}s"
	done
	[ $n -ge 12 ] || fail "kartta schema wrote only $n kinds"
fi
end

begin content-build
k 0 build -c content -o "$out"
site "$out"
eq "$(x 'string(//h:h1)' "$out/index.html")" "$(yscalar content/site.yaml title)" \
    "front page heading is the site title"
end

if [ ! -f "$out/index.html" ]; then
	skip content-facts "content/ did not build"
else
	begin content-paths
	n=0
	for y in content/paths/*.yaml; do
		[ -f "$y" ] || continue
		n=$((n + 1))
		id=$(idof "$y")
		page=$out/paths/$id.html
		if [ ! -f "$page" ]; then
			fail "no page for path $id"
			continue
		fi
		steps=$(grep -cE '^[[:space:]]*(-[[:space:]]+)?(\{[[:space:]]*)?at:[[:space:]]' "$y")
		eq "$(x 'count(//h:main//h:ol[contains(@class,"steps")]/h:li)' "$page")" \
		    "$steps" "steps listed on the page of path $id"
		persona=$(awk '/^persona:/ { p = 1; next }
		    p && /^[^[:space:]]/ { exit }
		    p && /^[[:space:]]+name:/ { sub(/^[[:space:]]+name:[[:space:]]*/, ""); gsub(/"/, ""); print; exit }' "$y")
		grep -qF "$persona" "$page" ||
		    fail "persona name \"$persona\" not on the page of path $id"
		notice=$(x 'string(//h:main//*[contains(@class,"notice")])' "$page")
		[ -n "$notice" ] ||
		    fail "no fictional-persona notice on the page of path $id"
		# Each step links to its service or actor, in order.
		want=$(sed -n 's/^[[:space:]]*\(-[[:space:]]*\)\{0,1\}\({[[:space:]]*\)\{0,1\}at:[[:space:]]*"\{0,1\}\(service\|actor\):\([a-z0-9-]*\).*/\3s\/\4.html/p' "$y")
		i=0
		for t in $want; do
			i=$((i + 1))
			has "$page" "(//h:main//h:ol[contains(@class,'steps')]/h:li)[$i]//h:a[@href='../$t']" \
			    "step $i of path $id links to $t"
		done
		eq "$i" "$steps" "steps with a service: or actor: place in $y"
		# The path is linked from the services and actors it passes.
		for t in $want; do
			has "$out/$t" "//h:a[@href='../paths/$id.html']" \
			    "$t links back to path $id"
		done
	done
	[ $n -gt 0 ] || fail "content/ has no paths"
	end

	begin content-services-and-actors
	for y in content/services/*.yaml; do
		[ -f "$y" ] || continue
		id=$(idof "$y")
		page=$out/services/$id.html
		[ -f "$page" ] || { fail "no page for service $id"; continue; }
		sname=$(yscalar "$y" name)
		case $sname in
		''|'{'*|'|'*|'>'*) ;; # a language map or a block: not read here
		*) eq "$(x 'string(//h:h1)' "$page")" "$sname" "h1 of service $id" ;;
		esac
		for a in $(ylist "$y" providers); do
			has "$page" "//h:main//h:a[@href='../actors/$a.html']" \
			    "service $id links to its provider $a"
			has "$out/actors/$a.html" \
			    "//h:main//h:a[@href='../services/$id.html']" \
			    "actor $a lists the service $id it provides"
		done
		g=$(yscalar "$y" group)
		has "$page" "//h:main//h:a[@href='../groups/$g.html']" \
		    "service $id links to its group $g"
		has "$out/groups/$g.html" \
		    "//h:main//h:a[@href='../services/$id.html']" \
		    "group $g lists its service $id"
		for s in $(ylist "$y" next); do
			has "$page" "//h:main//h:a[@href='../services/$s.html']" \
			    "service $id links to its next service $s"
			has "$out/services/$s.html" \
			    "//h:main//h:a[@href='../services/$id.html']" \
			    "service $s links back to its previous service $id"
		done
	done
	end

	begin content-decisions
	n=0
	for y in content/decisions/*.yaml; do
		[ -f "$y" ] || continue
		n=$((n + 1))
		id=$(idof "$y")
		page=$out/decisions/$id.html
		[ -f "$page" ] || { fail "no page for decision $id"; continue; }
		qs=$(ykeys "$y" questions)
		os=$(ykeys "$y" outcomes)
		[ -n "$qs" ] || fail "no questions found in $y"
		for q in $qs; do
			has "$page" "//h:main//h:section[@id='q-$q']/h:h2" \
			    "question $q of decision $id is a section with a heading"
		done
		for o in $os; do
			has "$page" "//h:main//*[@id='o-$o']" \
			    "outcome $o of decision $id has an anchor"
		done
		eq "$(x 'count(//h:main//h:section[starts-with(@id,"q-")])' "$page")" \
		    "$(echo "$qs" | wc -w | tr -d ' ')" \
		    "question sections of decision $id"
		start=$(yscalar "$y" start)
		eq "$(x 'string((//h:main//h:section[starts-with(@id,"q-")])[1]/@id)' "$page")" \
		    "q-$start" "first question of decision $id"
		yanswers "$y" >"$tmp/ans"
		for q in $qs; do
			want=$(sed -n "s/^$q //p" "$tmp/ans" | tr '\n' ' ')
			got=$(x "//h:section[@id='q-$q']//h:a/@href" "$page" |
			    tr '\n' ' ')
			eq "$got" "$want" "answer links of question $q of decision $id"
		done
	done
	[ $n -gt 0 ] || fail "content/ has no decision guides"
	end

	# The guides in reading order on their list page, each reader
	# group's guides on its page, and the front page's entry points.
	begin content-guide-order
	for g in content/guides/*.md; do
		[ -f "$g" ] || continue
		case $g in *.*.md) continue ;; esac
		id=$(idof "$g")
		order=$(awk 'NR == 1 && !/^---/ { exit }
		    NR > 1 && /^(---|\.\.\.)/ { exit }
		    /^order:/ { print $2; exit }' "$g")
		aud=$(awk 'NR > 1 && /^(---|\.\.\.)/ { exit }
		    /^audience:/ { sub(/^audience:[[:space:]]*/, ""); gsub(/[][,]/, " "); print; exit }' "$g")
		echo "${order:-1000000000} $id $aud"
	done | sort -k1,1n -k2,2 >"$tmp/guide-order"
	awk '{ print "../guides/" $2 ".html" }' "$tmp/guide-order" >"$tmp/want-guides"
	x '//h:main//h:ul[@class="entity-list"]//h:a/@href' \
	    "$out/guides/index.html" >"$tmp/got-guides"
	if ! diff -u "$tmp/want-guides" "$tmp/got-guides" >"$tmp/d"; then
		fail "guides/index.html does not list the guides by order, then id:"
		sed 's/^/      /' "$tmp/d" | head -n 30 >>"$tmp/why"
	fi
	for a in $(awk '/^audiences:/ { on = 1; next } on && /^  [a-z0-9-]+:/ { sub(/^  /, ""); sub(/:.*/, ""); print; next } on && /^[^ ]/ { on = 0 }' content/site.yaml); do
		awk -v a="$a" '{ for (i = 3; i <= NF; i++) if ($i == a) print "../guides/" $2 ".html" }' \
		    "$tmp/guide-order" >"$tmp/want-aud"
		x '//h:main//h:ol[@class="guides"]//h:a/@href' \
		    "$out/audiences/$a.html" >"$tmp/got-aud"
		if ! diff -u "$tmp/want-aud" "$tmp/got-aud" >"$tmp/d"; then
			fail "audiences/$a.html does not list exactly its guides in order:"
			sed 's/^/      /' "$tmp/d" | head -n 30 >>"$tmp/why"
		fi
		has "$out/index.html" "//h:ul[@class='audience-cards']//h:a[@href='audiences/$a.html']" \
		    "front page links reader group $a"
	done
	for g in content/guides/*.md; do
		case $g in *.*.md) continue ;; esac
		[ -f "$g" ] || continue
		id=$(idof "$g")
		title=$(awk 'NR > 1 && /^(---|\.\.\.)/ { exit }
		    /^title:/ { sub(/^title:[[:space:]]*/, ""); sub(/[[:space:]]+$/, "")
		    if ($0 ~ /^".*"$/ || $0 ~ /^'"'"'.*'"'"'$/) $0 = substr($0, 2, length($0) - 2)
		    print; exit }' "$g")
		eq "$(x "string(//h:main//h:a[@href='../guides/$id.html'])" "$out/guides/index.html")" \
		    "$title" "list-page link text of guide $id"
		eq "$(x 'string(//h:h1)' "$out/guides/$id.html")" "$title" \
		    "h1 of guide $id"
	done
	for d in content/decisions/*.yaml; do
		[ -f "$d" ] || continue
		has "$out/index.html" "//h:ul[@class='tasks']//h:a[@href='decisions/$(idof "$d").html']" \
		    "front page task links decision $(idof "$d")"
	done
	has "$out/index.html" "//h:ul[@class='tasks']//h:a[@href='services/index.html']" \
	    "front page task links the services"
	end
fi

# ---------------------------------------------------------------------
# Determinism: two builds of the same content are byte-identical.
begin deterministic
k 0 build -c content -o "$tmp/det1"
k 0 build -c content -o "$tmp/det2"
if ! diff -rq "$tmp/det1" "$tmp/det2" >"$tmp/d" 2>&1; then
	fail "two builds of content/ differ:"
	head -n 20 "$tmp/d" | sed 's/^/      /' >>"$tmp/why"
fi
k 0 build -c tests/fixtures/full -o "$tmp/det3"
k 0 build -c tests/fixtures/full -o "$tmp/det4"
if ! diff -rq "$tmp/det3" "$tmp/det4" >"$tmp/d" 2>&1; then
	fail "two builds of tests/fixtures/full differ:"
	head -n 20 "$tmp/d" | sed 's/^/      /' >>"$tmp/why"
fi
rm -rf "$tmp/det1" "$tmp/det2" "$tmp/det4"
end

# ---------------------------------------------------------------------
# Every flow page of content/ shows exactly the numbers of its JSON:
# the same published counts, and a withheld mark for every null.
for y in content/flows/*.yaml; do
	[ -f "$y" ] || continue
	id=$(basename "$y" .yaml)
	begin "flow-page-$id"
	page=$out/flows/$id.html
	json=$out/flows/$id.json
	if [ ! -f "$json" ] || [ ! -f "$page" ]; then
		fail "flows/$id.html or flows/$id.json was not written"
	else
		# Nodes come first in the JSON, then edges; the page has one
		# table of each, in the same order.
		jn=$(awk '/"edges"/ { exit } { print }' "$json" |
		    grep -o '"count": *[0-9a-z]*' | sed 's/"count": *//' |
		    tr '\n' ' ')
		je=$(sed -n '/"edges"/,$p' "$json" | grep -o '"count": *[0-9a-z]*' |
		    sed 's/"count": *//' | tr '\n' ' ')
		pn=$(x '(//h:table)[1]//h:td' "$page" | sed 's/^[^0-9]*$/null/' | tr '\n' ' ')
		pe=$(x '(//h:table)[2]//h:td[3]' "$page" | sed 's/^[^0-9]*$/null/' | tr '\n' ' ')
		eq "$pn" "$jn" "node counts on flows/$id.html against the JSON"
		eq "$pe" "$je" "edge counts on flows/$id.html against the JSON"
		case " $jn $je " in
		*" null "*) ;;
		*) fail "the sample data shows no suppression at work" ;;
		esac
	fi
	end
done

# ---------------------------------------------------------------------
# tests/fixtures/full: every kind and field, two languages.
full=$tmp/det3
begin full-fixture
k 0 check -c tests/fixtures/full
[ -s "$tmp/err" ] && fail "check on tests/fixtures/full is not silent: $(head -n 3 "$tmp/err")"
site "$full"
for f in index.html sv/index.html services/tyokokeilu.html \
    sv/services/tyokokeilu.html paths/liisan-polku.html \
    decisions/kuka.html maps/verkosto.html flows/kulku.html \
    guides/johdanto.html sv/guides/johdanto.html theme/style.css; do
	[ -f "$full/$f" ] || fail "missing $f"
done
has "$full/index.html" "/h:html[@lang='fi']" "fi front page language"
has "$full/sv/index.html" "/h:html[@lang='sv']" "sv front page language"
eq "$(x 'string(//h:h1)' "$full/services/tyokokeilu.html")" Työkokeilu "fi service h1"
eq "$(x 'string(//h:h1)' "$full/sv/services/tyokokeilu.html")" Arbetsprövning "sv service h1"
has "$full/services/tyokokeilu.html" "//h:a[@href='../sv/services/tyokokeilu.html']" \
    "fi page links to its sv version"
has "$full/sv/services/tyokokeilu.html" "//h:a[@href='../../services/tyokokeilu.html']" \
    "sv page links to its fi version"
has "$full/actors/tiimi.html" "//h:main//h:a[@href='../actors/keskus.html']" \
    "part_of links to the whole"
has "$full/actors/keskus.html" "//h:main//h:a[@href='../actors/tiimi.html']" \
    "the whole lists its parts"
has "$full/actors/keskus.html" "//h:main//h:a[@href='tel:+35821234567'][.='+358 2 123 4567']" \
    "actor contact phone as a tel: link"
has "$full/actors/keskus.html" "//h:main//h:a[@href='mailto:neuvonta@example.org']" \
    "actor contact e-mail as a mailto: link"
# Conventions: last reviewed, edit this page, permalinks, tags, the
# fallback cue, meta description and favicon.
has "$full/services/tyokokeilu.html" "//h:p[@class='page-meta']/h:time[@datetime='2026-03-02'][.='2.3.2026']" \
    "reviewed shown, Finnish date"
has "$full/sv/services/tyokokeilu.html" "//h:p[@class='page-meta']/h:time[.='2026-03-02']" \
    "reviewed shown, Swedish date"
has "$full/services/tyokokeilu.html" "//h:p[@class='page-meta']/h:a[@href='https://example.org/handbook/edit/main/content/services/tyokokeilu.yaml']" \
    "edit this page links the service's file"
has "$full/sv/guides/johdanto.html" "//h:p[@class='page-meta']/h:a[@href='https://example.org/handbook/edit/main/content/guides/johdanto.sv.md']" \
    "edit this page links the guide's Swedish file"
has "$full/sv/guides/johdanto.html" "//h:p[@class='page-meta']/h:time[@datetime='2026-04-15']" \
    "a guide's file has its own reviewed"
has "$full/services/tyokokeilu.html" "//h:div[@class='heading']/h:a[@class='permalink'][@href=concat('#', ../h:h2/@id)]" \
    "headings have permalinks"
for tag in kuntoutus työ; do
	id=$(x "string(//h:ul[@class='tags']//h:a[.='$tag']/@href)" "$full/services/tyokokeilu.html")
	case $id in
	../index/tags.html\#tag-*) ;;
	*) fail "tag $tag links $id, not the tags' page" ;;
	esac
	has "$full/index/tags.html" "//h:section[h:div/h:h2[@id='${id#*#}'] or h:h2[@id='${id#*#}']]//h:a[@href='../services/tyokokeilu.html']" \
	    "the tags' page lists the service under $tag"
done
has "$full/services/tyokokeilu.html" "/h:html/h:head/h:meta[@name='description'][string-length(@content) > 10]" \
    "a service has a meta description"
has "$full/services/tyokokeilu.html" "/h:html/h:head/h:link[@rel='icon'][@href='../theme/favicon.svg']" \
    "favicon linked"
[ -f "$full/theme/favicon.svg" ] || fail "no theme/favicon.svg"
has "$full/paths/liisan-polku.html" "//h:main//*[contains(@class,'handoff')]" \
    "hand-over step marked"
has "$full/paths/liisan-polku.html" "//h:main//h:blockquote[contains(., 'Tunsin tulleeni kuulluksi.')]" \
    "step quote shown as a quotation"
has "$full/guides/johdanto.html" "//h:main//h:a[@href='../services/tyokokeilu.html']" \
    "entity link in a guide resolves"
has "$full/guides/johdanto.html" "//h:main//h:img[@src='../assets/logo.png']" \
    "asset image in a guide"
if ! cmp -s tests/fixtures/full/assets/logo.png "$full/assets/logo.png"; then
	fail "assets/logo.png not copied as it is"
fi
# Data never reaches the output: no CSV, no client keys, no dates.
if find "$full" -name '*.csv' | grep -q .; then
	fail "a CSV file was published"
fi
if grep -rl 'salainen-avain\|2024-01-0\|2024-02-1' "$full" >"$tmp/leak"; then
	fail "client keys or event dates published in: $(tr '\n' ' ' <"$tmp/leak")"
fi
end

# Contacts, areas, status, development themes and model cards (the
# extensions of issue 12), on the full fixture.
begin areas-themes-models
s=$full/services/kylapalvelu.html
has "$s" "//h:main//h:p[contains(@class,'status-notice')]" \
    "a pilot service says so before its lead"
has "$s" "//h:dl[@class='facts']/h:dd/h:span[contains(@class,'status-other')][.='Kokeilu']" \
    "its status is a fact"
has "$s" "//h:dl[@class='facts']/h:dt[.='Tarjolla alkaen']/following-sibling::h:dd[1]/h:time[@datetime='2026-01'][.='1/2026']" \
    "valid_from as a month"
has "$s" "//h:dl[@class='facts']/h:dt[.='Tarjolla alueilla']/following-sibling::h:dd[1]/h:a[@href='../areas/alakyla.html']" \
    "where it is offered links the area"
has "$s" "//h:section[.//h:h2[.='Näin haet']]//h:table/h:thead/h:tr/h:th[@scope='col'][.='Liite']" \
    "apply's Markdown table has a head with scope"
has "$s" "//h:section[.//h:h2[.='Näin haet']]//h:table/h:tbody//h:del[.='Vanha todistus']" \
    "strikethrough in a table cell"
has "$s" "//h:section[.//h:h2[.='Yhteystiedot']]//h:a[@href='tel:+35821112222']" \
    "a service's contact phone is a tel: link"
has "$s" "//h:section[.//h:h2[.='Yhteystiedot']]//h:a[@href='https://example.org/kylapalvelu']" \
    "a service's contact web page"
has "$s" "//h:a[@class='ptv'][@href='https://www.suomi.fi/palvelut/0b3a1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d']" \
    "ptv links the Suomi.fi page in Finnish"
has "$full/sv/services/kylapalvelu.html" "//h:a[@class='ptv'][@href='https://www.suomi.fi/service/0b3a1c2d-4e5f-4a6b-8c7d-9e0f1a2b3c4d']" \
    "ptv links the Suomi.fi page in Swedish"
has "$s" "//h:section[.//h:h2[.='Toteuttaa toimintamallia']]//h:a[@href='../models/koordinaattorimalli.html']" \
    "a service links the model it implements"
has "$full/models/koordinaattorimalli.html" "//h:section[.//h:h2[.='Mallia toteuttavat']]//h:a[@href='../services/kylapalvelu.html']" \
    "the model links back to the service"
has "$full/models/koordinaattorimalli.html" "//h:section[.//h:h2[.='Mallia toteuttavat']]//h:a[@href='../segments/vahva.html']" \
    "the model links back to the segment"
has "$full/segments/vahva.html" "//h:a[@href='../models/koordinaattorimalli.html']" \
    "the segment links the model"
for sec in Lähtötilanne 'Tavoiteltu muutos' Kohderyhmä 'Ratkaisun perusidea' \
    'Ratkaisun testaaminen' 'Kokeilussa opittua' \
    'Toimivuuden ja käyttöönoton ehdot' 'Vinkit soveltajille'; do
	has "$full/models/koordinaattorimalli.html" "//h:h2[.='$sec']" \
	    "the model card has $sec"
done
has "$full/actors/yhteistiimi.html" "//h:dl[@class='facts']/h:dd[h:a[@href='../actors/keskus.html'] and h:a[@href='../actors/tiimi.html']]" \
    "a joint structure lists both wholes"
has "$full/actors/tiimi.html" "//h:main//h:a[@href='../actors/yhteistiimi.html']" \
    "each whole lists the joint structure as a part"
# The list's municipality filter without JavaScript: a link per
# municipality; the services marked with where they are offered.
l=$full/services/index.html
has "$l" "//h:nav[@class='area-filter']//h:li[@data-area='alakyla'][@data-within='alakyla maakunta tyollisyysalue']/h:a[@href='../areas/alakyla.html']" \
    "the filter links a municipality's page, with what it is part of"
has "$l" "//h:nav[@class='area-filter']//h:li[@data-area='ylakyla']" \
    "every municipality is in the filter"
has "$l" "not(//h:nav[@class='area-filter']//h:li[@data-area='maakunta'])" \
    "a county is not a municipality of the filter"
has "$l" "//h:ul[@class='service-list']/h:li[@data-areas='alakyla'][h:a[@href='../services/kylapalvelu.html']]" \
    "a service offered in one municipality is marked"
has "$l" "//h:ul[@class='service-list']/h:li[not(@data-areas)][h:a[@href='../services/tyokokeilu.html']]" \
    "a service offered everywhere is not"
has "$l" "/h:html/h:head/h:script[@src='../theme/filter.js']" \
    "the list loads filter.js"
[ -f "$full/theme/filter.js" ] || fail "no theme/filter.js"
a=$full/areas/alakyla.html
has "$a" "//h:section[.//h:h2[.='Palvelut, jotka ovat tarjolla koko alueella']]//h:a[@href='../services/kylapalvelu.html']" \
    "the municipality's page lists its own service"
has "$a" "//h:section[.//h:h2[.='Palvelut, jotka ovat tarjolla koko alueella']]//h:a[@href='../services/tyokokeilu.html']" \
    "and the services offered everywhere"
has "$a" "not(//h:a[@href='../services/paattynyt.html'])" \
    "but not another municipality's service"
has "$a" "not(//h:a[@href='#palvelut-jotka-ovat-tarjolla-vain-osassa-aluetta'])" \
    "no empty section in its contents"
has "$full/areas/maakunta.html" "//h:section[.//h:h2[.='Palvelut, jotka ovat tarjolla vain osassa aluetta']]//h:a[@href='../services/kylapalvelu.html']" \
    "the county lists a municipality's service as offered in part of it"
has "$full/areas/maakunta.html" "//h:section[.//h:h2[.='Alueeseen kuuluvat']]//h:a[@href='../areas/alakyla.html']" \
    "the county lists its municipalities"
has "$a" "//h:dd[.='423']" "a municipality shows its code"
# Themes: the overview side by side, a page per theme.
t=$full/themes/index.html
has "$t" "//h:table[@class='themes']/h:thead/h:tr[h:th[@scope='col'][.='Nykytila'] and h:th[@scope='col'][.='Tavoitetila']]" \
    "the overview has now and target side by side"
has "$t" "//h:table[@class='themes']/h:tbody/h:tr[1]/h:th[@scope='row']/h:a[@href='../themes/koordinointi.html']" \
    "themes in their order"
has "$t" "//h:table[@class='themes']/h:tbody/h:tr[2]/h:th/h:a[@href='../themes/tieto.html']" \
    "the second theme second"
has "$full/themes/koordinointi.html" "//h:div[@class='now-target']/h:section[@class='now'] and //h:div[@class='now-target']/h:section[@class='target']" \
    "a theme's page: now and target"
has "$full/themes/koordinointi.html" "//h:table[@class='actions']//h:tr[h:th[.='Koordinaattorimallin kokeilu']]/h:td[.='Kokeilussa']" \
    "an action's status"
has "$full/themes/koordinointi.html" "//h:table[@class='actions']//h:td/h:a[@href='../actors/tiimi.html']" \
    "an action's owner links the actor"
has "$full/actors/tiimi.html" "//h:section[.//h:h2[.='Kehittämisteemat, joissa mukana']]//h:a[@href='../themes/koordinointi.html']" \
    "the owner lists the theme"
# A path says how its persona was made.
has "$full/paths/liisan-polku.html" "//h:p[@class='notice'][contains(., 'kirjoitettu testiä varten')]" \
    "persona.basis replaces the default sentence"
has "$full/paths/liisan-polku.html" "not(//h:p[@class='notice'][contains(., 'useiden asiakkaiden')])" \
    "and the default sentence is gone"
# Search and the A–Ö index know the new kinds.
for id in alakyla koordinointi koordinaattorimalli; do
	grep -q "\"u\":\"[a-z]*/$id.html\"" "$full/search-index.js" ||
	    fail "$id is not in the search index"
	has "$full/index/a-o.html" "//h:a[contains(@href, '/$id.html')]" \
	    "$id in the A–Ö index"
done
grep -q 'Noin kaksi viikkoa' "$full/search-index.js" ||
    fail "a new text field (processing_time) is not searched"
# print.html: themes and models in their chapters, the areas listed.
for ch in themes models areas; do
	has "$full/print.html" "//h:section[h:h2[@id='chapter-$ch']]" \
	    "print.html has the $ch chapter"
done
has "$full/print.html" "//h:article[@id='theme-koordinointi']" "a theme in print"
has "$full/print.html" "//h:article[@id='model-koordinaattorimalli']" "a model in print"
end

# The printed book's cover and running foot carry the edition: site.yaml's
# edition, else the date of SOURCE_DATE_EPOCH, else none (never the clock).
begin print-book-edition
ed=$(sed -n 's/^edition: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' content/site.yaml)
if [ -n "$ed" ]; then
	grep -q "Painos $ed" "$out/print-book.css" ||
	    fail "print-book.css lacks \"Painos $ed\""
	has "$out/print.html" "//h:section[@class='print-cover']//h:p[contains(., '$ed')]" \
	    "the cover shows the edition"
fi
has "$out/print.html" "//h:nav[@class='print-toc']//h:a[@href='#chapter-guides']" \
    "the contents link the guides' chapter"
cp -R tests/fixtures/full "$tmp/noed"
sed -i '/^edition:/d' "$tmp/noed/site.yaml"
export SOURCE_DATE_EPOCH=86400
k 0 build -c "$tmp/noed" -o "$tmp/noed-out"
unset SOURCE_DATE_EPOCH
grep -q '1970-01-02' "$tmp/noed-out/print-book.css" ||
    fail "without edition, SOURCE_DATE_EPOCH's date is not the edition"
k 0 build -c "$tmp/noed" -o "$tmp/noed-out2"
if grep -q '·' "$tmp/noed-out2/print-book.css"; then
	fail "without edition or SOURCE_DATE_EPOCH the foot has an edition"
fi
end

begin flow-json
if [ -f "$full/flows/kulku.json" ]; then
	j=$full/flows/kulku.json
	grep -q '"flow": *"kulku"' "$j" || fail "flow id missing in kulku.json"
	grep -q '"k": *5' "$j" || fail "k missing in kulku.json"
	grep -q '"rounding": *5' "$j" || fail "rounding missing in kulku.json"
	# No published count between 1 and k-1.
	if grep -o '"count": *[0-9]*' "$j" | awk '{ if ($2 > 0 && $2 < 5) bad = 1 } END { exit !bad }'; then
		fail "a count between 1 and k-1 was published"
	fi
else
	fail "flows/kulku.json was not written"
fi
end

# ---------------------------------------------------------------------
# Printable maps: a PDF per map whose pages all have the map's paper size.
paper_size() {
	case $1 in
	A4-portrait) echo "595.276 x 841.89" ;;
	A4-landscape) echo "841.89 x 595.276" ;;
	A3-portrait) echo "841.89 x 1190.55" ;;
	*) echo "1190.55 x 841.89" ;; # A3-landscape, the default
	esac
}
if ! command -v pdfinfo >/dev/null 2>&1; then
	skip print-pdf "pdfinfo (poppler-utils) is not installed"
elif [ ! -d "$full/print" ]; then
	skip print-pdf "no print/ folder in the output (printable maps not built yet)"
else
	begin print-pdf
	for pair in "tests/fixtures/full $full" "content $out"; do
		src=${pair%% *}
		dst=${pair#* }
		for y in "$src"/maps/*.yaml; do
			[ -f "$y" ] || continue
			id=$(idof "$y")
			pdf=$dst/print/$id.pdf
			if ! pdfinfo -f 1 -l 1000 "$pdf" >"$tmp/pdfinfo" 2>&1; then
				fail "$pdf: $(head -n 1 "$tmp/pdfinfo")"
				continue
			fi
			want=$(paper_size "$(yscalar "$y" paper)")
			sed -n 's/^Page *[0-9]* size: *\([0-9.]* x [0-9.]*\) pts.*/\1/p' \
			    "$tmp/pdfinfo" >"$tmp/sizes"
			[ -s "$tmp/sizes" ] || fail "$pdf has no pages"
			while read -r size; do
				eq "$size" "$want" "a page size of $pdf"
			done <"$tmp/sizes"
		done
	done
	[ -f "$full/sv/print/verkosto.pdf" ] ||
	    fail "no sv/print/verkosto.pdf for the second language"
	end
fi

# ---------------------------------------------------------------------
# Hostile text is not an error, and comes out as text, never as markup.
begin hostile
ho=$tmp/hostile
k 0 build -c tests/fixtures/hostile -o "$ho"
grep -q ': error: ' "$tmp/err" && fail "hostile text gave errors: $(grep ': error: ' "$tmp/err" | head -n 3)"
site "$ho"
for f in $(cd "$ho" && find . -name '*.html' | sort); do
	p=$ho/$f
	# Only the theme's own scripts, never inline ones.
	eq "$(x 'count(//h:script[not(@src) or not(contains(@src, "theme/"))])' "$p")" 0 \
	    "<script> elements other than the theme's in $f"
	eq "$(x 'count(//*[local-name()="iframe" or local-name()="style" or local-name()="marquee" or local-name()="foreignObject"])' "$p")" 0 \
	    "iframe/style/marquee/foreignObject elements in $f"
	eq "$(x 'count(//@*[starts-with(name(), "on")])' "$p")" 0 "event attributes in $f"
	eq "$(x 'count(//@href[contains(translate(., "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"), "script:")])' "$p")" 0 \
	    "script: URLs in $f"
	eq "$(x 'count(//@src[starts-with(., "data:")] | //@href[starts-with(., "data:")])' "$p")" 0 \
	    "data: URLs in $f"
	eq "$(x 'count(//h:main//h:b | //h:main//h:p[.="raaka kappale"] | //*[@style])' "$p")" 0 \
	    "elements from raw HTML in $f"
done
# The text survives exactly, as text.
eq "$(x 'string(//h:h1)' "$ho/groups/ryhma.html")" '<b>Ryhmä</b> &amp; muut' \
    "group name as text"
eq "$(x 'string(//h:h1)' "$ho/actors/toimija.html")" '"><img src=x onerror=alert(7)>' \
    "actor name as text"
eq "$(x 'string(//h:h1)' "$ho/services/palvelu.html")" 'Palvelu <img src=x onerror=alert(13)>' \
    "service name as text"
grep -q '&lt;script&gt;alert(15)&lt;/script&gt;' "$ho/services/palvelu.html" ||
    fail "raw HTML block not shown escaped on the service page"
grep -q '&lt;script&gt;alert(14)&lt;/script&gt;' "$ho/services/palvelu.html" ||
    fail "summary not shown escaped"
grep -q '&lt;script&gt;' "$ho/guides/ohje.html" ||
    fail "raw HTML not shown escaped in the guide"
has "$ho/guides/ohje.html" \
    "starts-with(/h:html/h:head/h:title, 'Ohje </title><script>alert(40)</script>')" \
    "guide <title> as text"
has "$ho/guides/ohje.html" "//h:main//h:a[@href='https://example.org/']" \
    "a safe link next to unsafe ones still works"
has "$ho/services/palvelu.html" "//h:main//*[contains(., 'pieni')]" \
    "the text of an unsafe link is kept"
# Generated JavaScript (the search index) carries the same text: no raw
# "<" (so no </script> breaks out of anything), and valid JSON inside.
for j in $(cd "$ho" && find . -name '*.js' ! -path './theme/*' | sort); do
	if grep -q '<' "$ho/$j"; then
		fail "raw < in generated $j"
	fi
	if command -v jq >/dev/null 2>&1; then
		sed -n '/^window\.[A-Z_]* = /,$p' "$ho/$j" |
		    sed '1s/^window\.[A-Z_]* = //; $s/;[[:space:]]*$//' >"$tmp/json"
		if ! jq -e . "$tmp/json" >/dev/null 2>&1; then
			fail "generated $j is not window.X = <JSON>;"
		elif ! jq -r '.. | .t? // empty' "$tmp/json" |
		    grep -qxF '"><img src=x onerror=alert(7)>'; then
			fail "actor name not found as text in $j"
		fi
	fi
done
end

# ---------------------------------------------------------------------
# A failed build leaves the previous output untouched; a good one
# replaces it whole; neither leaves staging folders behind.
begin failed-build-keeps-output
o=$tmp/swap/out
mkdir -p "$tmp/swap"
k 0 build -c tests/fixtures/full -o "$o"
echo stale >"$o/stale.html"
listing() {
	(cd "$1" && find . -type f | sort | xargs cksum)
}
listing "$o" >"$tmp/before"
cp -R tests/fixtures/full "$tmp/broken"
printf 'name: Rikki\ngroup: olematon\nproviders: [keskus]\nsummary: x\n' \
    >"$tmp/broken/services/rikki.yaml"
k 1 build -c "$tmp/broken" -o "$o"
grep -q 'nothing was written' "$tmp/err" || fail "no \"nothing was written\" line"
listing "$o" >"$tmp/after"
if ! diff -u "$tmp/before" "$tmp/after" >"$tmp/d"; then
	fail "a failed build changed the output:"
	sed 's/^/      /' "$tmp/d" | head -n 20 >>"$tmp/why"
fi
left=$(find "$tmp/swap" -mindepth 1 -maxdepth 1 ! -name out | tr '\n' ' ')
eq "$left" "" "folders left beside the output after a failed build"
k 0 build -c tests/fixtures/full -o "$o"
[ -f "$o/stale.html" ] && fail "a good build kept a stale file of the old output"
[ -f "$o/index.html" ] || fail "a good build left no index.html"
left=$(find "$tmp/swap" -mindepth 1 -maxdepth 1 ! -name out | tr '\n' ' ')
eq "$left" "" "folders left beside the output after a good build"
# A system error (the output's parent does not exist) is status 3.
k 3 build -c tests/fixtures/full -o "$tmp/no/such/dir/out"
[ -e "$tmp/no" ] && fail "a failed build created $tmp/no"
end

# ---------------------------------------------------------------------
# Under AddressSanitizer: no leak with full allocation stacks.  The test
# runs record stacks by frame pointers, which stop inside the graphviz
# libraries, so tests/lsan.supp has to suppress all of their leaks there;
# here one build records full stacks and only the precise suppressions
# apply, so a graph or layout kartta forgets to free is found.
if grep -q __asan_init "$kartta" 2>/dev/null; then
	begin no-leaks-full-stacks
	sed '/^# fast-unwind-only/,$d' tests/lsan.supp >"$tmp/precise.supp"
	saved_asan=$ASAN_OPTIONS
	saved_lsan=${LSAN_OPTIONS:-}
	export ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0"
	export LSAN_OPTIONS="suppressions=$tmp/precise.supp:print_suppressions=0"
	k 0 build -c tests/fixtures/full -o "$tmp/leaks"
	export ASAN_OPTIONS="$saved_asan" LSAN_OPTIONS="$saved_lsan"
	end
else
	skip no-leaks-full-stacks "not a sanitizer build"
fi

# ---------------------------------------------------------------------
# --format=github: one workflow command per problem.
# A title only in the first language: the Swedish page shows it marked
# as Finnish, in its heading, its breadcrumbs and the links to it.
begin fallback-marked
fb=$tmp/fallback
mkdir -p "$fb/c/groups" "$fb/c/services" "$fb/c/actors"
printf 'title: { fi: Käsikirja, sv: Handbok }\nlanguages: [fi, sv]\n' >"$fb/c/site.yaml"
printf 'name: { fi: Ryhmä, sv: Grupp }\n' >"$fb/c/groups/r.yaml"
printf 'name: { fi: Kela, sv: FPA }\nkind: state\n' >"$fb/c/actors/kela.yaml"
printf 'name: Työkokeilu\ngroup: r\nproviders: [kela]\nsummary: { fi: Lyhyt, sv: Kort }\n' \
    >"$fb/c/services/tyokokeilu.yaml"
k 0 build -c "$fb/c" -o "$fb/o"
pg=$fb/o/sv/services/tyokokeilu.html
eq "$(x 'string(//h:h1/@lang)' "$pg")" fi "fallback title in the h1"
eq "$(x 'string(//h:nav[contains(@class,"breadcrumbs")]//h:span[@aria-current="page"]/@lang)' "$pg")" fi \
    "fallback title in the breadcrumbs"
eq "$(x 'string(//h:a[contains(@href,"tyokokeilu.html")][@lang="fi"])' "$fb/o/sv/groups/r.html")" \
    "Työkokeilu" "fallback title in a link"
eq "$(x 'string(//h:a[contains(@href,"tyokokeilu.html")][@lang="fi"]/following-sibling::h:span[1][@class="fallback-cue"])' \
    "$fb/o/sv/groups/r.html")" "(på finska)" "a visible cue after the fallback link"
eq "$(x 'string(//h:h1/h:span[@class="fallback-cue"][@lang="sv"])' "$pg")" "(på finska)" \
    "a visible cue in the fallback h1, in the page's language"
eq "$(x 'string(//h:nav[contains(@class,"breadcrumbs")]//h:span[@aria-current="page"]/@lang)' \
    "$fb/o/sv/actors/kela.html")" "" "a translated title is not marked"
end

begin format-github
k 1 check --format=github -c "$tmp/broken"
if [ ! -s "$tmp/err" ]; then
	fail "no annotations"
elif grep -v '^::\(error\|warning\) file=[^,:]*\(,line=[0-9][0-9]*\)\{0,1\}\(,col=[0-9][0-9]*\)\{0,1\}::..*$' "$tmp/err" |
    grep -v '^kartta: [0-9]* errors\{0,1\}, [0-9]* warnings\{0,1\}' >"$tmp/d"; then
	fail "lines that are not GitHub annotations:"
	sed 's/^/      /' "$tmp/d" | head -n 10 >>"$tmp/why"
fi
grep -q '^::error file=.*/services/rikki\.yaml,line=2,col=8::unknown group "olematon"' "$tmp/err" ||
    fail "the unknown group is not annotated at rikki.yaml line 2 col 8"
end

# --format=sarif: one SARIF 2.1.0 log on standard output, validated by
# python3-jsonschema and compared with the plain diagnostics.
begin format-sarif
if k 1 check --format=sarif -c "$tmp/broken"; then
	cp "$tmp/out" "$tmp/log.sarif"
	grep -q '^kartta: 1 error' "$tmp/err" ||
	    fail "no summary line on standard error"
	k 1 check -c "$tmp/broken"
	python3 tests/tools/sarif_check.py "$tmp/log.sarif" "$tmp/err" \
	    >"$tmp/d" 2>&1 || { fail "SARIF check:"; sed 's/^/      /' "$tmp/d" \
	    | head -n 20 >>"$tmp/why"; }
fi
end

# The summary line of a build (its time normalised), and --quiet.
begin summary-line
if k 0 build -c tests/fixtures/full -o "$tmp/sum-out"; then
	sed 's/ in [0-9]*\.[0-9] s$/ in T s/' "$tmp/err" >"$tmp/d"
	n=$(find "$tmp/sum-out" -name '*.html' | wc -l)
	printf 'kartta: 0 errors, 0 warnings; %s pages written in T s\n' \
	    "$n" | diff -u - "$tmp/d" >"$tmp/diff" ||
	    { fail "summary line:"; cat "$tmp/diff" >>"$tmp/why"; }
fi
if k 0 build -q -c tests/fixtures/full -o "$tmp/sum-out"; then
	[ -s "$tmp/err" ] && fail "--quiet printed: $(head -n 1 "$tmp/err")"
fi
end

# kartta init: a skeleton that checks and builds clean; never into a
# folder that holds anything, never through a symbolic link.
begin init
if k 0 init "$tmp/hb"; then
	[ -f "$tmp/hb/site.yaml" ] || fail "no site.yaml"
	for kind in actors groups services paths segments decisions maps \
	    flows guides; do
		ls "$tmp/hb/$kind" 2>/dev/null | grep -q . ||
		    fail "no $kind in the skeleton"
	done
	grep -q 'languages: \[fi, sv\]' "$tmp/hb/site.yaml" ||
	    fail "the skeleton is not bilingual"
	k 0 check -c "$tmp/hb" && [ -s "$tmp/err" ] &&
	    fail "check of the skeleton printed: $(head -n 1 "$tmp/err")"
	if k 0 build -c "$tmp/hb" -o "$tmp/hb-out"; then
		grep -q '^kartta: 0 errors, 0 warnings; [0-9]* pages written' \
		    "$tmp/err" || fail "build of the skeleton: $(cat "$tmp/err")"
		[ -f "$tmp/hb-out/sv/index.html" ] || fail "no Swedish pages"
	fi
fi
mkdir -p "$tmp/full-dir"
echo mine >"$tmp/full-dir/notes.txt"
k 2 init "$tmp/full-dir"
[ "$(ls "$tmp/full-dir")" = notes.txt ] && [ "$(cat "$tmp/full-dir/notes.txt")" = mine ] ||
    fail "init wrote into a folder that was not empty"
grep -q 'is not empty' "$tmp/err" || fail "no reason given: $(cat "$tmp/err")"
mkdir -p "$tmp/link-target"
ln -s "$tmp/link-target" "$tmp/link"
k 2 init "$tmp/link"
[ -z "$(ls "$tmp/link-target")" ] || fail "init wrote through a symbolic link"
ln -s "$tmp/nowhere" "$tmp/dangling"
k 2 init "$tmp/dangling"
[ -e "$tmp/nowhere" ] && fail "init created the target of a dangling link"
end

# kartta schema: JSON Schemas from the tables, checked by
# python3-jsonschema: the default content, the full fixture and a new
# skeleton pass; known bad files are refused.
begin schema
if k 0 schema -o "$tmp/schema" && k 0 init "$tmp/schema-hb"; then
	for kind in site actor group service path segment decision map flow \
	    guide area theme model; do
		[ -s "$tmp/schema/$kind.schema.json" ] ||
		    fail "no $kind.schema.json"
	done
	python3 tests/tools/schema_check.py "$tmp/schema" good content \
	    tests/fixtures/full "$tmp/schema-hb" >"$tmp/d" 2>&1 ||
	    { fail "valid content refused:"; head -n 20 "$tmp/d" >>"$tmp/why"; }
	python3 tests/tools/schema_check.py "$tmp/schema" bad \
	    tests/fixtures/schema-bad/*/*.yaml >"$tmp/d" 2>&1 ||
	    { fail "bad content accepted:"; head -n 20 "$tmp/d" >>"$tmp/why"; }
	k 0 schema -o "$tmp/schema2" &&
	    diff -r "$tmp/schema" "$tmp/schema2" >/dev/null ||
	    fail "two runs of kartta schema differ"
fi
end

exit $anyfail
