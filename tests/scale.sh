#!/bin/sh
# A generated handbook of two regions (bench/gen_handbook.py, the same
# generator as make bench's 21) builds correctly: the generator is
# deterministic, kartta check is silent, every entity gets its page,
# no page (print.html above all, where every entity page is a part)
# has an id twice or an in-page link to nowhere, each diagram is laid
# out once, and builds in one process and in two are byte-identical.  Not timed: the figures are make bench's.
#
#   sh tests/scale.sh BUILD
set -u

suite=scale
build=${1:?usage: scale.sh BUILD}
. tests/lib.sh

if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP scale/all: python3 is missing"
	exit 0
fi
gen() {
	python3 bench/gen_handbook.py -r 2 -S 40 "$@"
}

begin generator-deterministic
gen -s 7 "$tmp/a" && gen -s 7 "$tmp/b" && gen -s 8 "$tmp/c" ||
	fail "gen_handbook.py failed"
diff -r "$tmp/a" "$tmp/b" >/dev/null || fail "same seed, different trees"
diff -r "$tmp/a" "$tmp/c" >/dev/null && fail "another seed, the same tree"
n=$(find "$tmp/a" -type f | wc -l)
# site.yaml + 2 x (40 services, 25 actors, 10 groups, 15 paths,
# 4 segments, 1 decision, 1 map, 10 guides).
[ "$n" = 213 ] || fail "$n files, expected 213"
rm -rf "$tmp/b" "$tmp/c"
end

begin check-silent
if k 0 check -c "$tmp/a"; then
	[ -s "$tmp/err" ] && fail "kartta check spoke: $(head -5 "$tmp/err")"
fi
end

begin build
if k 0 build -q -j 2 -c "$tmp/a" -o "$tmp/out1"; then
	[ -s "$tmp/err" ] && fail "kartta build -q spoke: $(head -5 "$tmp/err")"
	for f in "$tmp"/a/*/*; do
		kind=$(basename "$(dirname "$f")")
		id=$(basename "$f"); id=${id%.*}
		[ -s "$tmp/out1/$kind/$id.html" ] ||
			fail "no page for $kind/$id"
	done
	grep -o 'class="print-part"' "$tmp/out1/print.html" | wc -l >"$tmp/parts"
	# Every entity but the 8 segments, which are one part: the
	# segmentation guide.
	[ "$(cat "$tmp/parts")" -eq 205 ] ||
		fail "print.html has $(cat "$tmp/parts") parts, expected 205"
fi
end

begin ids-unique
if [ -d "$tmp/out1" ]; then
	find "$tmp/out1" -name '*.html' | sort >"$tmp/pages"
	# shellcheck disable=SC2046
	python3 tests/tools/ids_check.py $(cat "$tmp/pages") >"$tmp/ids" ||
		fail "$(head -10 "$tmp/ids")"
else
	fail "no build to check"
fi
end

# Each diagram laid out once per language: 2 x (15 paths, 1 decision),
# 2 x the map twice (its places, then its routes around them:
# diagram_map.c), and every service with next or previous steps (a
# drawing on its page); though each is on its page, in print.html, in
# its PDF and in its full-size file.
begin layouts-once
mkdir -p "$tmp/gv"
if KARTTA_BENCH_GV=$tmp/gv k 0 build -q -c "$tmp/a" -o "$tmp/out3"; then
	n=$(find "$tmp/gv" -name '*.gv' | wc -l)
	svc=$(grep -l '<svg[^>]* id="service_' "$tmp/out3/services"/*.html |
		wc -l)
	want=$((2 * 16 + 2 * 2 + svc))
	[ "$svc" -ge 40 ] || fail "only $svc services drawn"
	[ "$n" = "$want" ] || fail "$n layouts, expected $want"
	grep -q "^kartta: bench: $want layouts in " "$tmp/err" ||
		fail "no layout count: $(head -3 "$tmp/err")"
	diff -r "$tmp/out1" "$tmp/out3" >/dev/null ||
		fail "the build differs with KARTTA_BENCH_GV set"
fi
rm -rf "$tmp/gv" "$tmp/out3"
end

# A full-size <kind>/<id>.svg only for a drawing whose figure scrolls
# and links to it (diagram.c, keep_type_legible): every such file is
# linked from its page, every link has its file, and a service drawing
# narrow enough for a phone has neither.
begin full-size-linked
if [ -d "$tmp/out1" ]; then
	(cd "$tmp/out1" && find . -name '*.svg' ! -path '*/theme/*' |
	    sed 's|^\./||' | sort | while read -r f; do
		rel=${f#sv/}
		grep -qF "<p class=\"diagram-full\"><a href=\"../$rel\"" \
		    "${f%.svg}.html" || echo "$f: not linked from its page"
	done) >"$tmp/unlinked"
	[ -s "$tmp/unlinked" ] && fail "$(head -3 "$tmp/unlinked")"
	(cd "$tmp/out1" && grep -l 'class="diagram-full"' services/*.html |
	    while read -r p; do
		[ -f "${p%.html}.svg" ] || echo "$p links to no file"
	done) >"$tmp/nofile"
	[ -s "$tmp/nofile" ] && fail "$(head -3 "$tmp/nofile")"
	all=$(grep -l '<svg[^>]* id="service_' "$tmp/out1/services"/*.html |
		wc -l)
	files=$(find "$tmp/out1/services" -name '*.svg' | wc -l)
	[ "$files" -lt "$all" ] ||
		fail "$files full-size files for $all service drawings"
else
	fail "no build to check"
fi
end

# In one process or in two workers, the same bytes; and the same
# warnings, once each.
begin deterministic
if k 0 build -j 1 -c "$tmp/a" -o "$tmp/out2"; then
	diff -r "$tmp/out1" "$tmp/out2" >"$tmp/diff" ||
		fail "-j 1 and -j 2 builds differ: $(head -5 "$tmp/diff")"
	sed 's/ in [0-9.]* s$//' "$tmp/err" >"$tmp/err1"
	if k 0 build -j 2 -c "$tmp/a" -o "$tmp/out2"; then
		sed 's/ in [0-9.]* s$//' "$tmp/err" >"$tmp/err2"
		cmp -s "$tmp/err1" "$tmp/err2" ||
			fail "-j 1 and -j 2 say different things"
	fi
fi
end

# Rebuilding over an output: unchanged files are not written again
# (the same inode), changed or damaged ones are, and the result is what
# a cold build gives; a failed rebuild leaves the output as it was.
begin incremental
if [ -d "$tmp/out1" ] && [ -d "$tmp/out2" ]; then
	page=services/r01-palvelu-001.html
	before=$(stat -c %i "$tmp/out1/$page")
	echo damaged >>"$tmp/out1/index.html"
	: >"$tmp/out1/actors/r01-toimija-01.html"
	rm -f "$tmp/out1/groups/r02-ryhma-01.html"
	if k 0 build -q -c "$tmp/a" -o "$tmp/out1"; then
		diff -r "$tmp/out2" "$tmp/out1" >"$tmp/diff" ||
			fail "a rebuild differs from a cold build: $(head -5 "$tmp/diff")"
		[ "$(stat -c %i "$tmp/out1/$page")" = "$before" ] ||
			fail "$page was written again though it did not change"
	fi
	cp -r "$tmp/a" "$tmp/bad"
	sed -i 's/^group: .*/group: no-such-group/' \
		"$tmp/bad/services/r01-palvelu-002.yaml"
	if k 1 build -q -c "$tmp/bad" -o "$tmp/out1"; then
		diff -r "$tmp/out2" "$tmp/out1" >"$tmp/diff" ||
			fail "a failed rebuild changed the output: $(head -5 "$tmp/diff")"
	fi
else
	fail "no earlier builds to rebuild"
fi
end

# The cache (OUTPUT/.kartta-cache): a build with nothing changed lays
# nothing out and keeps every file, says what the first build said
# (here: a map too large for its paper), and gives what a cold build
# gives; a cache that is damaged or stale is not trusted.
begin cache
cp -r "$tmp/a" "$tmp/w"
# The map of all ten groups on A4 landscape needs two sheets: a
# warning for the warm build to say again.
sed -i 's/^groups: .*/groups: [r01-ryhma-01, r01-ryhma-02, r01-ryhma-03, r01-ryhma-04, r01-ryhma-05, r01-ryhma-06, r01-ryhma-07, r01-ryhma-08, r01-ryhma-09, r01-ryhma-10]/' \
	"$tmp/w/maps/r01-kokonaisuus.yaml"
echo 'paper: A4-landscape' >>"$tmp/w/maps/r01-kokonaisuus.yaml"
if k 0 build -c "$tmp/w" -o "$tmp/cold"; then
	sed 's/ in [0-9.]* s$//' "$tmp/err" >"$tmp/err.cold"
	grep -q 'does not fit' "$tmp/err.cold" ||
		fail "no warning to replay: $(head -3 "$tmp/err.cold")"
	k 0 build -c "$tmp/w" -o "$tmp/warm"
	before=$(stat -c %i "$tmp/warm/print.html")
	mkdir -p "$tmp/gv"
	if KARTTA_BENCH_GV=$tmp/gv k 0 build -c "$tmp/w" -o "$tmp/warm"; then
		grep -q '^kartta: bench: 0 layouts' "$tmp/err" ||
			fail "a no-op build laid out: $(grep bench "$tmp/err")"
		grep -v '^kartta: bench:' "$tmp/err" |
			sed 's/ in [0-9.]* s$//' >"$tmp/err.warm"
		cmp -s "$tmp/err.cold" "$tmp/err.warm" ||
			fail "a no-op build says: $(cat "$tmp/err.warm")"
		[ "$(stat -c %i "$tmp/warm/print.html")" = "$before" ] ||
			fail "a no-op build wrote print.html again"
		diff -r "$tmp/cold" "$tmp/warm" >"$tmp/diff" ||
			fail "a no-op build differs: $(head -5 "$tmp/diff")"
	fi
	for damage in garbage truncate key; do
		m=$tmp/warm/.kartta-cache/manifest
		case $damage in
		garbage) echo garbage >"$m" ;;
		truncate) head -c 200 "$tmp/cold/.kartta-cache/manifest" >"$m" ;;
		key) sed 's/^key .*/key 0000000000000000/' \
			"$tmp/cold/.kartta-cache/manifest" >"$m" ;;
		esac
		if k 0 build -c "$tmp/w" -o "$tmp/warm"; then
			sed 's/ in [0-9.]* s$//' "$tmp/err" >"$tmp/err.warm"
			cmp -s "$tmp/err.cold" "$tmp/err.warm" ||
				fail "$damage cache: says $(cat "$tmp/err.warm")"
			diff -r "$tmp/cold" "$tmp/warm" >"$tmp/diff" ||
				fail "$damage cache: differs: $(head -5 "$tmp/diff")"
		fi
	done
	# The Voikko dictionaries are part of the key: one more file where
	# libvoikko looks for them, and the output is made again.
	if grep -q '"morph":"voikko"' "$tmp/warm/search-index.js"; then
		mkdir -p "$tmp/vd" "$tmp/gv"
		VOIKKO_DICTIONARY_PATH=$tmp/vd k 0 build -q -c "$tmp/w" \
			-o "$tmp/warm"
		VOIKKO_DICTIONARY_PATH=$tmp/vd KARTTA_BENCH_GV=$tmp/gv \
			k 0 build -q -c "$tmp/w" -o "$tmp/warm"
		grep -q '^kartta: bench: 0 layouts' "$tmp/err" ||
			fail "the same dictionaries: not a no-op build"
		echo x >"$tmp/vd/sanakirja"
		VOIKKO_DICTIONARY_PATH=$tmp/vd KARTTA_BENCH_GV=$tmp/gv \
			k 0 build -q -c "$tmp/w" -o "$tmp/warm"
		grep -q '^kartta: bench: 0 layouts' "$tmp/err" &&
			fail "another dictionary, and the output was kept"
		rm -rf "$tmp/gv"
		diff -r -x .kartta-cache "$tmp/cold" "$tmp/warm" >"$tmp/diff" ||
			fail "another dictionary: differs: $(head -5 "$tmp/diff")"
	else
		echo "    (no Voikko: its dictionaries are not part of the key)"
	fi
	# An edit: a stale cache, the new content built in full.
	sed -i 's/^summary: /summary: Muokattu. /' \
		"$tmp/w/services/r01-palvelu-003.yaml"
	k 0 build -q -c "$tmp/w" -o "$tmp/warm"
	k 0 build -q -c "$tmp/w" -o "$tmp/cold2"
	diff -r "$tmp/cold2" "$tmp/warm" >"$tmp/diff" ||
		fail "after an edit: differs: $(head -5 "$tmp/diff")"
	grep -q 'Muokattu' "$tmp/warm/services/r01-palvelu-003.html" ||
		fail "the edit is not in the page"
fi
end

# Drawings, PDFs and full-size SVGs kept for the next build
# (.kartta-cache/drawings, pdfs-N, full-N): after an edit that changes no
# graph, almost nothing is laid out, the files are taken from the
# previous output,
# and the build says and gives what a cold build of the edited content
# does; an edit that changes a drawing, a damaged drawing, PDF or
# full-size SVG and other fonts each give a cold build's result.
begin kept-drawings
if [ -d "$tmp/w" ]; then
	cp -r "$tmp/w" "$tmp/kd"
	cold_of() {	# cold_of NAME: a cold build of $tmp/kd into $tmp/NAME
		rm -rf "${tmp:?}/$1"
		k 0 build -c "$tmp/kd" -o "$tmp/$1" &&
			sed 's/ in [0-9.]* s$//' "$tmp/err" >"$tmp/$1.err"
	}
	edits=0
	warm() {	# warm WHAT: an incremental build, checked against a cold one
		# Each with a summary edited, so that the build is not a no-op
		# (which keeps the whole output, the kept drawings too).
		edits=$((edits + 1))
		sed -i "s/^summary: .*/summary: Muokkaus $edits./" \
			"$tmp/kd/services/r02-palvelu-004.yaml"
		mkdir -p "$tmp/gv"
		KARTTA_BENCH_GV=$tmp/gv k 0 build -c "$tmp/kd" -o "$tmp/kdo" ||
			return 1
		sed -n 's/^kartta: bench: \([0-9]*\) layouts.*/\1/p' "$tmp/err" |
			head -1 >"$tmp/layouts"
		sed -n 's/^kartta: bench: \([a-z]*\)-0: \([0-9]*\) of \([0-9]*\) .*/\1 \2 \3/p' \
			"$tmp/err" >"$tmp/taken"
		grep -v '^kartta: bench:' "$tmp/err" |
			sed 's/ in [0-9.]* s$//' >"$tmp/kdo.err"
		rm -rf "$tmp/gv"
		cold_of kdc || return 1
		diff -r "$tmp/kdc" "$tmp/kdo" >"$tmp/diff" ||
			fail "$1: differs from a cold build: $(head -5 "$tmp/diff")"
		cmp -s "$tmp/kdc.err" "$tmp/kdo.err" ||
			fail "$1: says $(diff "$tmp/kdc.err" "$tmp/kdo.err" | head -5)"
	}
	if cold_of kdo; then
		mkdir -p "$tmp/gv"
		KARTTA_BENCH_GV=$tmp/gv k 0 build -q -c "$tmp/kd" -o "$tmp/kdn"
		all=$(sed -n 's/^kartta: bench: \([0-9]*\) layouts.*/\1/p' \
			"$tmp/err" | head -1)
		rm -rf "$tmp/gv" "$tmp/kdn"
		grep -q 'does not fit' "$tmp/kdo.err" ||
			fail "no warning of a PDF to replay"
		pdf=$(ls "$tmp/kdo/print/"*.pdf | head -1)
		full=$(ls "$tmp/kdo/paths/"*.svg | head -1)
		warm "an edited summary"
		# The maps' first passes, and the service's own next steps.
		[ "$(($(cat "$tmp/layouts") * 10))" -lt "$all" ] ||
			fail "an edited summary laid out $(cat "$tmp/layouts") of $all graphs"
		# Every PDF and full-size drawing but the edited service's own
		# and its region's map (where its summary is its row's title).
		while read -r store taken made; do
			[ "$taken" -ge $((made - 2)) ] && [ "$made" -gt 2 ] ||
				fail "an edited summary: $store: $taken of $made files taken"
		done <"$tmp/taken"
		[ "$(wc -l <"$tmp/taken")" = 2 ] ||
			fail "no figures of files taken: $(cat "$tmp/taken")"
		# A service's title is in its group's map and paths.
		layouts=$(cat "$tmp/layouts")
		sed -i 's/^name: .*/name: Uusi nimi palvelulle/' \
			"$tmp/kd/services/r01-palvelu-001.yaml"
		warm "an edited name"
		[ "$(cat "$tmp/layouts")" -gt "$layouts" ] ||
			fail "an edited name laid nothing out again"
		grep -q 'Uusi nimi palvelulle' "$tmp/kdo/print.html" ||
			fail "the new title is not in print.html"
		# Another edition: every PDF made again, from drawings kept
		# (their print recordings laid out again where needed).
		sed -i 's/^edition: .*/edition: "2026.2"/' "$tmp/kd/site.yaml"
		warm "another edition"
		grep -q '^pdfs 0 ' "$tmp/taken" ||
			fail "another edition: PDFs taken: $(cat "$tmp/taken")"
		# Damage: the kept drawings' SVG text, a kept PDF, the fonts.
		store=$tmp/kdo/.kartta-cache/drawings
		sed -i '0,/<text/s//<tExt/' "$store"
		warm "a damaged drawing"
		printf 'x' >>"$pdf"
		warm "a damaged PDF"
		printf 'x' >>"$full"
		warm "a damaged full-size drawing"
		sed -i 's#^\([0-9]*\) \([0-9]*\) \([0-9]*\) /etc/fonts$#\1 1 \3 /etc/fonts#' \
			"$store"
		warm "other fonts"
		[ "$(cat "$tmp/layouts")" = "$all" ] ||
			fail "drawings measured with other fonts were kept"
		# A length in the index past the end of the file.
		sed -i '0,/^\([0-9]*:[a-z]*:[^ ]* [0-9a-f]* [0-9a-f]* [0-9]*\) [0-9]* /s//\1 999999999999 /' \
			"$store"
		grep -q ' 999999999999 ' "$store" || fail "no index to damage"
		warm "a damaged index"
		# Someone's FIFOs in the old output are never waited on.
		rm -f "$store" "$pdf" "$tmp/kdo/.kartta-cache/pdfs-0"
		mkfifo "$store" "$pdf" "$tmp/kdo/.kartta-cache/pdfs-0"
		k_timeout=60 warm "FIFOs in the old output"
	fi
else
	fail "no tree of the cache test"
fi
end

# The kept drawings and files damaged at random (bytes changed, cut out
# and put in, seeded): every build still succeeds and gives what a cold
# build gives; a damaged entry is only not taken.
begin cache-damage
if [ -d "$tmp/kd" ]; then
	rm -rf "$tmp/kdd"
	k 0 build -q -c "$tmp/kd" -o "$tmp/kdd"
	for round in 1 2 3 4 5 6; do
		sed -i "s/^summary: .*/summary: Vaurio $round./" \
			"$tmp/kd/services/r02-palvelu-004.yaml"
		for f in drawings pdfs-0 full-0; do
			python3 - "$tmp/kdd/.kartta-cache/$f" "$round" <<'PY'
import random, sys
path, seed = sys.argv[1], int(sys.argv[2])
r = random.Random(seed * 31 + len(path))
b = bytearray(open(path, "rb").read())
for _ in range(r.randint(1, 8)):
    at = r.randrange(len(b))
    op = r.randrange(4)
    if op == 0:
        b[at] = r.randrange(256)
    elif op == 1:
        del b[at]
    elif op == 2:
        b.insert(at, r.randrange(256))
    else:
        b[at] = ord(r.choice("0123456789 \n"))
open(path, "wb").write(bytes(b))
PY
		done
		k 0 build -q -c "$tmp/kd" -o "$tmp/kdd" || continue
		rm -rf "$tmp/kdc"
		k 0 build -q -c "$tmp/kd" -o "$tmp/kdc" || continue
		diff -r -x .kartta-cache "$tmp/kdc" "$tmp/kdd" >"$tmp/diff" ||
			fail "round $round: differs from a cold build: $(head -5 "$tmp/diff")"
	done
else
	fail "no tree of the kept-drawings test"
fi
end

# The cache's key walks the content as the build reads it: a link out
# of the content (here to /) only by its target, a loop of links inside
# it not round and round, a FIFO never opened; so such a tree is keyed
# in no time, and its no-op build is still one.
begin cache-key-links
cp -r tests/fixtures/full "$tmp/links"
mkdir -p "$tmp/links/assets/sub"
ln -s / "$tmp/links/assets/root"
ln -s .. "$tmp/links/assets/sub/up"
ln -s ../.. "$tmp/links/assets/sub/upup"
mkfifo "$tmp/links/assets/pipe"
ln -s pipe "$tmp/links/assets/pipe-link"
if k_timeout=60 k 0 build -q -c "$tmp/links" -o "$tmp/lout"; then
	mkdir -p "$tmp/gv"
	if k_timeout=20 KARTTA_BENCH_GV=$tmp/gv k 0 build -q \
	    -c "$tmp/links" -o "$tmp/lout"; then
		grep -q '^kartta: bench: 0 layouts' "$tmp/err" ||
			fail "not a no-op build: $(grep bench "$tmp/err")"
	fi
	rm -rf "$tmp/gv"
fi
end

exit $anyfail
