#!/bin/sh
# Golden pages: the <main> of the pages of the content format's
# extensions (areas, themes, model cards, a service with every new
# field, the list with its municipality filter, a joint structure, a
# path with its basis, and the Swedish overview), built from
# tests/fixtures/full and compared exactly with tests/golden/.  The
# e2e suite asserts what must be on these pages; this catches whatever
# else changes on them, so that a change to a page is seen and made on
# purpose.
#
#   sh tests/golden.sh BUILD             compare
#   sh tests/golden.sh BUILD --update    rewrite tests/golden/ from the build
#
# Each file is the page's <main> as `xmllint --format` writes it, in
# UTF-8, with each drawing's <svg> cut down to one line: the drawings are
# tested by tests/diagram.sh and tests/diagquality.sh, and their layout
# changes with Graphviz.  Prints "PASS golden/<page>" or "FAIL golden/<page>" with the
# diff indented below it; exits 1 if any page differs.
set -u

build=${1:?usage: golden.sh BUILD [--update]}
update=0
[ "${2:-}" = --update ] && update=1
suite=golden
. tests/lib.sh
export SOURCE_DATE_EPOCH=1767225600

pages="areas/alakyla.html areas/maakunta.html themes/index.html
themes/koordinointi.html models/koordinaattorimalli.html
services/kylapalvelu.html services/paattynyt.html services/index.html
actors/yhteistiimi.html paths/liisan-polku.html sv/themes/index.html"

if ! command -v xmllint >/dev/null 2>&1; then
	skip pages "no xmllint (sh tools/deps.sh test)"
	exit 0
fi
begin build
k 0 build -c tests/fixtures/full -o "$tmp/site"
end
[ $anyfail = 0 ] || exit 1

for p in $pages; do
	begin "$p"
	want=tests/golden/${p%.html}.main.html
	got=$tmp/got.html
	if ! xmllint --xpath "//*[local-name()='main']" "$tmp/site/$p" \
	    2>"$tmp/xe" | xmllint --format --encode UTF-8 - 2>>"$tmp/xe" |
	    awk '/<svg[ >]/ { sub(/<svg.*/, "<svg/>"); print; cut = !/<\/svg>/; next }
		cut { cut = !/<\/svg>/; next } { print }' >"$got" ||
	    [ -s "$tmp/xe" ]; then
		fail "no <main> in $p: $(head -n 3 "$tmp/xe")"
	elif [ $update = 1 ]; then
		mkdir -p "$(dirname "$want")"
		cp "$got" "$want"
	elif [ ! -f "$want" ]; then
		fail "no $want (sh tests/golden.sh BUILD --update writes it)"
	elif ! diff -u "$want" "$got" >"$tmp/d"; then
		fail "$p differs from $want (if on purpose: sh tests/golden.sh BUILD --update):"
		head -n 60 "$tmp/d" | sed 's/^/      /' >>"$tmp/why"
	fi
	end
done
[ $anyfail = 0 ]
