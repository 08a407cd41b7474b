#!/bin/sh
# make bench, the national handbook (issue #14): a seeded content tree of
# 21 wellbeing regions (bench/gen_handbook.py: about 3,900 content
# files) built by kartta cold, again with nothing changed, and again
# after one service summary was edited; Hugo over the same entity pages
# as plain Markdown (no diagrams); cmark-gfm alone over every Markdown
# text; dot alone over every graph kartta lays out.  Prints the figures,
# the ratios and the goals of the issue, and exits 1 if a goal is missed.
# Not part of the test suite (tests/scale.sh checks a small tree builds
# correctly, without timing it).
#
#   sh bench/handbook.sh [BUILD]
#
# BENCH_REGIONS changes the size (21); TMPDIR where the trees go.  CPU is
# user plus system time of the process and the children it waited for;
# memory is the largest peak resident set of any one of them.
set -eu

build=${1:-build}
regions=${BENCH_REGIONS:-21}
cc=${CC:-cc}
pc=${PKG_CONFIG:-pkg-config}

fail() {
	echo "bench: $*" >&2
	exit 1
}

command -v python3 >/dev/null 2>&1 || fail "python3 is needed"
command -v dot >/dev/null 2>&1 || fail "dot is needed: apt-get install graphviz"
top=$(pwd)
kartta=$top/$build/kartta
[ -x "$kartta" ] || fail "$kartta: not built"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kartta-bench-hb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

cflags="-O2 -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Wall -Wextra"
$cc $cflags -o "$tmp/runstat" bench/runstat.c
# shellcheck disable=SC2046
$cc $cflags -o "$tmp/cmark_all" bench/cmark_all.c \
	$($pc --cflags --libs libcmark-gfm) -lcmark-gfm-extensions
python3 bench/gen_handbook.py -r "$regions" --hugo "$tmp/hugo" \
	--markdown "$tmp/md" "$tmp/content"
cd "$tmp"
files=$(find content -type f | wc -l)
echo "bench: handbook of $regions regions, $files content files"

# kartta, cold: no output folder yet.  The layouts' graphs are kept for
# dot alone (KARTTA_BENCH_GV, src/diagram_gv.c).
mkdir gv
KARTTA_BENCH_GV=$tmp/gv ./runstat cold.stat "$kartta" build -c content \
	-o out -q 2>cold.err || fail "kartta build failed: $(tail -5 cold.err)"
pages=$(find out -name '*.html' | wc -l)
outfiles=$(find out -type f | wc -l)
layout_cpu=$(sed -n 's/^kartta: bench: [0-9]* layouts in \([0-9.]*\) s CPU$/\1/p' \
	cold.err | awk '{ s += $1 } END { printf "%.3f", s }')
layouts=$(sed -n 's/^kartta: bench: \([0-9]*\) layouts.*/\1/p' cold.err |
	awk '{ s += $1 } END { print s + 0 }')

# dot alone over each distinct graph once (a graph laid out again for
# another page counts once: the same graph id, "<kind>_<id>" when
# kartta draws it the canonical way), per layout engine.
: >distinct
for f in gv/*.gv; do
	id=$(sed -n 's/^[[:space:]]*id="\(.*\)_graph",*$/\1/p' "$f" | head -1)
	echo "$id $f" >>distinct
done
sort -u -k1,1 distinct >distinct.1
ngraphs=$(wc -l <distinct.1)
: >dot.list
for engine in $(sed 's/.*\.\([a-z]*\)\.gv$/\1/' distinct.1 | sort -u); do
	grep "\.$engine\.gv\$" distinct.1 | cut -d' ' -f2 >"dot.$engine"
	echo "$engine" >>dot.list
done
dot_cpu=0
for engine in $(cat dot.list); do
	# shellcheck disable=SC2046
	./runstat "dot.$engine.stat" dot -K"$engine" -Tsvg \
		$(cat "dot.$engine") >/dev/null
	read -r w c r <"dot.$engine.stat"
	dot_cpu=$(awk -v a="$dot_cpu" -v b="$c" 'BEGIN { print a + b }')
done

# No change at all, then one service summary edited.
./runstat noop.stat "$kartta" build -c content -o out -q 2>noop.err ||
	fail "no-op build failed: $(tail -5 noop.err)"
sed -i 's/^summary: /summary: Muokattu. /' content/services/r01-palvelu-001.yaml
mkdir gv-edit
KARTTA_BENCH_GV=$tmp/gv-edit ./runstat edit.stat "$kartta" build -c content \
	-o out -q 2>edit.err || fail "edited build failed: $(tail -5 edit.err)"
rm -rf gv-edit
edit_layouts=$(sed -n 's/^kartta: bench: \([0-9]*\) layouts.*/\1/p' edit.err |
	awk '{ s += $1 } END { print s + 0 }')
edit_taken=$(sed -n 's/^kartta: bench: [a-z]*-[0-9]*: \([0-9]*\) of \([0-9]*\) .*/\1 \2/p' \
	edit.err | awk '{ t += $1; m += $2 } END { printf "%d of %d", t, m }')
./runstat check.stat "$kartta" check -c content -q 2>check.err ||
	fail "check failed: $(tail -5 check.err)"

# The floors and the yardstick.
# shellcheck disable=SC2046
./runstat cmark.stat ./cmark_all md/*.md >/dev/null
nmd=$(find md -name '*.md' | wc -l)
if command -v hugo >/dev/null 2>&1; then
	./runstat hugo.stat hugo --quiet -s hugo -d "$tmp/hugo-out" \
		>hugo.log 2>&1 || fail "hugo failed: $(tail -5 hugo.log)"
	hugo_pages=$(find hugo-out -name '*.html' | wc -l)
else
	echo "bench: hugo is not installed (apt-get install hugo): no yardstick"
	echo "0 0 0" >hugo.stat
	hugo_pages=0
fi

read -r cw cc_ cr <cold.stat
read -r nw nc nr <noop.stat
read -r ew ec er <edit.stat
read -r kw kc kr <check.stat
read -r mw mc mr <cmark.stat
read -r hw hc hr <hugo.stat
awk -v pages="$pages" -v outfiles="$outfiles" -v layouts="$layouts" \
    -v ngraphs="$ngraphs" -v lcpu="$layout_cpu" -v dcpu="$dot_cpu" \
    -v cw="$cw" -v cc="$cc_" -v cr="$cr" -v nw="$nw" -v nc="$nc" -v nr="$nr" \
    -v ew="$ew" -v ec="$ec" -v er="$er" -v kw="$kw" -v kc="$kc" -v kr="$kr" \
    -v mc="$mc" -v nmd="$nmd" -v hw="$hw" -v hc="$hc" -v hr="$hr" \
    -v hpages="$hugo_pages" -v elayouts="$edit_layouts" \
    -v etaken="$edit_taken" 'BEGIN {
	if (cc <= 0) cc = 0.001
	if (cw <= 0) cw = 0.001
	printf "\n%-22s %9s %9s %10s\n", "", "wall s", "CPU s", "peak MiB"
	printf "%-22s %9.2f %9.2f %10.0f\n", "kartta build, cold", cw, cc, cr / 1024
	printf "%-22s %9.2f %9.2f %10.0f\n", "kartta build, no-op", nw, nc, nr / 1024
	printf "%-22s %9.2f %9.2f %10.0f\n", "kartta build, 1 edit", ew, ec, er / 1024
	printf "%-22s %9.2f %9.2f %10.0f\n", "kartta check", kw, kc, kr / 1024
	if (hc > 0)
		printf "%-22s %9.2f %9.2f %10.0f\n", "hugo (no diagrams)", hw, hc, hr / 1024
	printf "%-22s %9s %9.2f\n", "cmark-gfm alone", "", mc
	printf "%-22s %9s %9.2f\n", "dot alone", "", dcpu
	printf "\n%d pages (%d files) written; hugo wrote %d pages.\n", pages,
	    outfiles, hpages
	printf "%d layouts of %d distinct graphs (%.1f per graph); layout " \
	    "%.2f s CPU = %.0f%% of the cold build, %.2fx the dot floor " \
	    "(goal: 1 per graph, at most 1.2x).\n", layouts, ngraphs,
	    (ngraphs ? layouts / ngraphs : 0), lcpu, 100 * lcpu / cc,
	    (dcpu > 0 ? lcpu / dcpu : 0)
	printf "Markdown: cmark-gfm alone %.2f s CPU over %d texts.\n", mc, nmd
	printf "One edit: %d layouts; PDFs and full-size SVGs taken from " \
	    "the previous output: %s.\n", elayouts, etaken
	ok = 1
	if (hc > 0) {
		printf "Cold CPU / hugo CPU: %.2f (goal at most 1).\n", cc / hc
		rest = cc - lcpu
		printf "Hugo CPU / everything but layout: %.2f (goal at least 3).\n",
		    (rest > 0 ? hc / rest : 0)
		printf "Cold wall / hugo wall: %.2f (goal at most 0.5).\n",
		    (hw > 0 ? cw / hw : 0)
		ok = ok && cc <= hc && hc >= 3 * rest && cw <= hw / 2
	}
	printf "No-op / cold CPU: %.0f%% (goal at most 10%%); one edit / " \
	    "cold: %.0f%% (goal at most 15%%).\n", 100 * nc / cc, 100 * ec / cc
	printf "Peak memory %.0f MiB (goal at most 200 MiB).\n", cr / 1024
	ok = ok && lcpu <= 1.2 * dcpu && nc <= 0.10 * cc && ec <= 0.15 * cc &&
	    cr <= 200 * 1024 && er <= 200 * 1024 && layouts <= ngraphs
	print ok ? "bench: handbook targets met" : "bench: HANDBOOK TARGETS MISSED"
	exit !ok
}'
