#!/bin/sh
# Diagram tests on whole builds: every SVG in every page is well-formed
# and every node link in it reaches a written page, the maps show every
# service of their groups, exported PDFs have exactly their paper and
# PNGs their pixel size, the same content gives the same bytes, and the
# print page holds every guide.  Unit checks of labels, nodes and edges
# are in tests/unit/test_diagram.c.
#
#   sh tests/diagram.sh BUILD
#
# Run from the repository root.  Prints "PASS diagram/name", "FAIL
# diagram/name" (reasons indented below) or "SKIP diagram/name: why";
# exits 1 if any failed.  Needs xmllint (libxml2-utils) and pdfinfo
# (poppler-utils).
set -u

suite=diagram
build=${1:?usage: diagram.sh BUILD}
. tests/lib.sh

for tool in xmllint pdfinfo; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "SKIP diagram/all: $tool is missing (make test-deps)"
		exit 0
	fi
done

# Pages with diagrams: well-formed, links resolve.  Links are relative
# to the page; the page's folder is where they start.
check_site() {
	site=$1
	find "$site" -name '*.html' | sort >"$tmp/pages"
	nsvg=0
	while read -r page; do
		grep -q '<svg' "$page" || continue
		nsvg=$((nsvg + 1))
		if ! xmllint --noout --nonet "$page" 2>"$tmp/xerr"; then
			fail "$page is not well-formed: $(head -c 200 "$tmp/xerr")"
			continue
		fi
		dir=$(dirname "$page")
		xmllint --nonet --xpath "//*[local-name()='svg']//*[local-name()='a']/@*[local-name()='href']" \
		    "$page" 2>/dev/null | tr ' ' '\n' | sed -n 's/^\(xlink:\)\{0,1\}href="\(.*\)"$/\2/p' \
		    >"$tmp/links"
		while read -r url; do
			case $url in
			'#'*) target=$page ;;
			*) target=$dir/${url%%#*} ;;
			esac
			case $url in
			*[!a-z0-9./#_-]*) fail "$page: link $url is not made of ids" ;;
			esac
			[ -f "$target" ] || fail "$page: diagram link $url goes nowhere"
		done <"$tmp/links"
	done <"$tmp/pages"
	[ $nsvg -gt 0 ] || fail "$site: no page has a diagram"
}

begin site-content
if k 0 build -c content -o "$tmp/site"; then
	check_site "$tmp/site"
	grep -q "the layout draws" "$tmp/err" &&
	    fail "a line of the default content is drawn through a box"
fi
end

# A layout that draws a line through a box not its own is said, never
# published silently; tests/tools/diagcheck, reading the SVG on its
# own, finds it too.
begin layout-through-said
python3 tests/tools/gen_large.py map-crowded "$tmp/crowded"
if k 0 export map:kaikki -c "$tmp/crowded" -f svg -o "$tmp/crowded.svg"; then
	grep -q 'kaikki.yaml:1:1: warning: diagram of map:kaikki: the layout draws the line "' \
	    "$tmp/err" || fail "no warning of a line drawn through a box"
	"$build/tests/diagcheck" "$tmp/crowded.svg" >"$tmp/dc" 2>&1
	grep -q "through-nodes=[1-9]" "$tmp/dc" ||
	    fail "diagcheck finds no line through a node: $(cat "$tmp/dc")"
fi
end

begin site-fixture-full
if k 0 build -c tests/fixtures/full -o "$tmp/full"; then
	check_site "$tmp/full"
	[ -f "$tmp/full/sv/print/verkosto.pdf" ] ||
	    fail "no sv/print/verkosto.pdf for the second language"
fi
end

begin site-fixture-hostile
if k 0 build -c tests/fixtures/hostile -o "$tmp/hostile"; then
	check_site "$tmp/hostile"
fi
end

# A map of all groups shows every service once, linked.
begin map-services
page=$tmp/site/maps/kokonaisuus.html
if [ -f "$page" ] && grep -q '^groups: all' content/maps/kokonaisuus.yaml; then
	want=$(ls content/services/*.yaml | wc -l)
	got=$(grep -o 'id="a_map_kokonaisuus_service_[a-z0-9-]*"' "$page" | wc -l)
	[ "$want" -eq "$got" ] || fail "map shows $got services, content has $want"
	for f in content/services/*.yaml; do
		id=$(basename "$f" .yaml)
		grep -q "xlink:href=\"../services/$id.html\"" "$page" ||
		    fail "no link to services/$id.html in the map"
	done
else
	fail "no map page maps/kokonaisuus.html with groups: all"
fi
end

# make handbook's print/<map>.pdf: one per map, in the map's paper.
pts() {
	case $1 in
	A4-portrait) echo "595.276 x 841.89" ;;
	A4-landscape) echo "841.89 x 595.276" ;;
	A3-portrait) echo "841.89 x 1190.55" ;;
	*) echo "1190.55 x 841.89" ;;
	esac
}
begin print-pdfs
for f in content/maps/*.yaml; do
	id=$(basename "$f" .yaml)
	paper=$(sed -n 's/^paper: *//p' "$f")
	pdf=$tmp/site/print/$id.pdf
	if [ ! -f "$pdf" ]; then
		fail "no print/$id.pdf"
		continue
	fi
	size=$(pdfinfo "$pdf" | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\) pts.*/\1/p' | sort -u)
	[ "$size" = "$(pts "${paper:-A3-landscape}")" ] ||
	    fail "print/$id.pdf is $size pts, not ${paper:-A3-landscape}"
done
end

# kartta export: every paper, exactly; PNG pixels; bad references.
begin export-paper
for paper in A4-portrait A4-landscape A3-portrait A3-landscape; do
	k 0 export map:kokonaisuus -c content -f pdf --paper "$paper" \
	    -o "$tmp/m-$paper.pdf" || continue
	size=$(pdfinfo "$tmp/m-$paper.pdf" | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\) pts.*/\1/p' | sort -u)
	[ "$size" = "$(pts "$paper")" ] || fail "$paper: page size $size"
done
for ref in path:$(basename "$(ls content/paths/*.yaml | head -n 1)" .yaml) \
    decision:$(basename "$(ls content/decisions/*.yaml | head -n 1)" .yaml); do
	# By default on A4, or on A3 where A4 would need tiles, in the
	# drawing's orientation: one sheet (tests/print.sh has the rest).
	k 0 export "$ref" -c content -o "$tmp/x.pdf" || continue
	pdfinfo "$tmp/x.pdf" | grep -q "Page size: *\(595.276 x 841.89\|841.89 x 595.276\|841.89 x 1190.55\|1190.55 x 841.89\)" ||
	    fail "$ref: not on A4 or A3 by default"
	pdfinfo "$tmp/x.pdf" | grep -q "^Pages: *1$" ||
	    fail "$ref: tiled by default"
done
end

# Print-legible type: no word of an exported PDF is set under 8 pt.  A
# word's box is ascent + descent high, 1.164 em in DejaVu Sans: 9.31 at
# 8 pt.  (Drawings put on the paper sideways are not measured here: a
# path's swimlanes stand side by side, so it is measured on landscape.)
# The default flow fits one A4-landscape sheet so: one page, no warning.
begin print-type
if command -v pdftotext >/dev/null 2>&1; then
	path=$(basename "$(ls content/paths/*.yaml | head -n 1)" .yaml)
	for ref in map:kokonaisuus:A3-landscape "path:$path:A3-landscape" \
	    flow:asiakasvirrat:A4-landscape; do
		paper=${ref##*:}
		r=${ref%:*}
		k 0 export "$r" -c content -f pdf --paper "$paper" -o "$tmp/t.pdf" ||
		    continue
		case $r in flow:*)
			[ -s "$tmp/err" ] && fail "$r on $paper: $(cat "$tmp/err")"
			pdfinfo "$tmp/t.pdf" | grep -q "^Pages: *1$" ||
			    fail "$r on $paper: not one page"
		esac
		min=$(pdftotext -bbox "$tmp/t.pdf" - | awk -F'"' '/<word/ {
		    h = $8 - $4; if (min == "" || h < min) min = h }
		    END { print min }')
		awk -v m="$min" 'BEGIN { exit !(m != "" && m >= 9.2) }' ||
		    fail "$r on $paper: a word box only $min pt high"
	done
fi
end

# PNG: the paper at --dpi; bytes 17-24 of a PNG are its width and height.
begin export-png
if k 0 export map:kokonaisuus -c content -f png --paper A4-landscape --dpi 100 \
    -o "$tmp/m.png"; then
	wh=$(od -An -tu1 -j16 -N8 "$tmp/m.png" | awk '{
	    print $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }')
	[ "$wh" = "1169 827" ] || fail "PNG is $wh pixels, not 1169 827"
fi
end

begin export-errors
for args in "export nope:x" "export map:no-such-map" "export service:tyokokeilu"; do
	# shellcheck disable=SC2086
	"$kartta" $args -c content -o "$tmp/e.pdf" >/dev/null 2>"$tmp/err"
	rc=$?
	[ $rc -eq 1 ] || fail "$args: exit $rc, not 1"
	[ -f "$tmp/e.pdf" ] && fail "$args: wrote a file"
	grep -q "$SANITIZER_PATTERN" "$tmp/err" && fail "$args: sanitizer report"
done
"$kartta" export map:kokonaisuus -c content -o "$tmp/e.unknown" >/dev/null 2>&1
[ $? -eq 2 ] || fail "an unknown file extension is not a usage error"
end

# The same content, the same bytes: SVG, PDF and PNG, and whole pages.
begin deterministic
for f in svg pdf png; do
	k 0 export map:kokonaisuus -c content -o "$tmp/d1.$f" &&
	    k 0 export map:kokonaisuus -c content -o "$tmp/d2.$f" &&
	    { cmp -s "$tmp/d1.$f" "$tmp/d2.$f" || fail "two $f exports differ"; }
done
if k 0 build -c content -o "$tmp/site2"; then
	for f in print/kokonaisuus.pdf maps/kokonaisuus.html maps/kokonaisuus.svg \
	    paths/matin-polku.html decisions/kuka-koordinoi.html print.html; do
		[ -f "$tmp/site/$f" ] || continue
		cmp -s "$tmp/site/$f" "$tmp/site2/$f" || fail "$f differs between builds"
	done
fi
grep -q CreationDate "$tmp/d1.pdf" && fail "the PDF carries a creation date"
SOURCE_DATE_EPOCH=1700000000 "$kartta" export map:kokonaisuus -c content \
    -o "$tmp/d3.pdf" 2>/dev/null
pdfinfo "$tmp/d3.pdf" | grep -q "CreationDate: *Tue Nov 14 22:13:20 2023" ||
    fail "SOURCE_DATE_EPOCH is not the PDF's creation date"
end

# The print page holds every guide (by its title) and the diagrams.
begin print-page
page=$tmp/site/print.html
if [ -f "$page" ]; then
	xmllint --noout --nonet "$page" 2>/dev/null || fail "print.html is not well-formed"
	for g in content/guides/*.md; do
		case $g in *.??.md) continue ;; esac
		title=$(sed -n '2,/^---/s/^title: *//p' "$g" | head -n 1 |
		    sed 's/^"\(.*\)"$/\1/; s/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')
		grep -qF -- "$title" "$page" || fail "print.html lacks guide \"$title\""
	done
	n=$(grep -o '<svg' "$page" | wc -l)
	[ "$n" -ge 3 ] || fail "print.html has only $n diagrams"
	[ "$(grep -o '<h1' "$page" | wc -l)" -eq 1 ] || fail "print.html has more than one h1"
	grep -q 'href="print.html"' "$tmp/site/index.html" ||
	    fail "the front page does not link to print.html"
else
	fail "no print.html"
fi
end

exit $anyfail
