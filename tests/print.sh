#!/bin/sh
# Print sheets, read back from the PDFs kartta writes: every map, path,
# decision guide and flow has its sheet in print/; each page carries the
# diagram's title, the handbook and region, the edition, a legend and
# (with base_url) the page's address as text and as a QR code that
# decodes to it; every paper has exactly its size and nothing runs
# sideways; a tiled sheet keeps every node's label on some page, inside
# the drawing's area, with "page N/M (row, column)"; --notes leaves its
# margin; and two builds give the same bytes.
#
#   sh tests/print.sh BUILD
#
# Run from the repository root.  Prints "PASS print/name", "FAIL
# print/name" (reasons indented below) or "SKIP print/name: why"; exits 1
# if any failed.  Needs pdfinfo and pdftotext (poppler-utils), xmllint
# (libxml2-utils) and, for the QR codes, pdftoppm and zbarimg
# (zbar-tools).
set -u

suite=print
build=${1:?usage: print.sh BUILD}
. tests/lib.sh

for tool in pdfinfo pdftotext pdftoppm xmllint; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "SKIP print/all: $tool is missing (make test-deps)"
		exit 0
	fi
done

# A content tree with base_url, so that sheets get their address.
base=https://kasikirja.example.fi/tyokyky
cp -R content "$tmp/c"
sed -i "1a base_url: $base/" "$tmp/c/site.yaml"

# The ids of every diagram of a content tree: "kind id" lines.
diagrams() {
	for d in maps paths decisions flows; do
		for y in "$1/$d"/*.yaml; do
			[ -f "$y" ] || continue
			echo "${d%s} $(basename "$y" .yaml)"
		done
	done
}

# The first "title:" of a YAML file, as written (plain or Finnish).
ytitle() {
	sed -n 's/^title: *//p' "$1" | head -n 1 | sed 's/^"\(.*\)"$/\1/;
	    s/^{ *fi: *\([^,}]*\).*/\1/'
}

# The text of page $2 of PDF $1, in drawing order, on one line.
pagetext() {
	pdftotext -raw -f "$2" -l "$2" "$1" - 2>/dev/null | tr '\n' ' ' |
	    tr -s ' '
}

npages() {
	pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'
}

begin build-sheets
# The handbook line of every sheet: the site's title and region.
handbook="$(ytitle content/site.yaml) – $(sed -n 's/^region: *//p' content/site.yaml | head -n 1)"
if k 0 build -c "$tmp/c" -o "$tmp/site"; then
	diagrams content >"$tmp/ids"
	[ "$(grep -c . "$tmp/ids")" -ge 4 ] || fail "content has too few diagrams"
	grep -q '^map ' "$tmp/ids" && grep -q '^path ' "$tmp/ids" &&
	    grep -q '^decision ' "$tmp/ids" && grep -q '^flow ' "$tmp/ids" ||
	    fail "content lacks a kind of diagram"
	while read -r kind id; do
		pdf=$tmp/site/print/$id.pdf
		if ! pdfinfo "$pdf" >/dev/null 2>&1; then
			fail "no readable print/$id.pdf for $kind:$id"
			continue
		fi
		title=$(ytitle "content/${kind}s/$id.yaml")
		n=$(npages "$pdf")
		p=1
		while [ "$p" -le "$n" ]; do
			t=$(pagetext "$pdf" $p)
			for want in "$title" "$handbook" \
			    "Painos 2026.1" "Merkit"; do
				case $t in
				*"$want"*) ;;
				*) fail "print/$id.pdf page $p lacks \"$want\"" ;;
				esac
			done
			# An address wraps at its slashes: compare unspaced.
			case $(echo "$t" | tr -d ' ') in
			*"$base/${kind}s/$id.html"*) ;;
			*) fail "print/$id.pdf page $p lacks its address" ;;
			esac
			p=$((p + 1))
		done
	done <"$tmp/ids"
	# The page links to its sheet.
	grep -q 'href="../print/kuka-koordinoi.pdf"' \
	    "$tmp/site/decisions/kuka-koordinoi.html" ||
	    fail "the decision's page does not link to its sheet"
	grep -q 'href="../print/asiakasvirrat.pdf"' \
	    "$tmp/site/flows/asiakasvirrat.html" ||
	    fail "the flow's page does not link to its sheet"
fi
end

# The legend explains what the sheet shows, in its words.
begin legend
pdf=$tmp/site/print/kuka-koordinoi.pdf
if [ -f "$pdf" ]; then
	t=$(pagetext "$pdf" 1)
	for want in Kysymys "Tulos: kuka tai mikä" Vastaus; do
		case $t in *"$want"*) ;; *) fail "decision legend lacks $want" ;; esac
	done
	t=$(pdftotext -raw "$tmp/site/print/kokonaisuus.pdf" - | tr '\n' ' ')
	for want in Palvelu Toimija Palveluryhmä; do
		case $t in *"$want"*) ;; *) fail "map legend lacks $want" ;; esac
	done
	case $t in *"Polun alku"*) fail "map legend explains a flow's symbol" ;; esac
fi
end

# The QR code of every sheet decodes to its page's address, also from a
# greyscale rendering.
begin qr
if ! command -v zbarimg >/dev/null 2>&1; then
	fail "zbarimg (zbar-tools) is missing"
else
	while read -r kind id; do
		pdf=$tmp/site/print/$id.pdf
		[ -f "$pdf" ] || continue
		pdftoppm -r 150 -gray -png -f 1 -l 1 "$pdf" "$tmp/qr" 2>/dev/null
		got=$(zbarimg -q --raw -Sdisable -Sqrcode.enable "$tmp"/qr-*1.png 2>/dev/null)
		[ "$got" = "$base/${kind}s/$id.html" ] ||
		    fail "QR of print/$id.pdf reads \"$got\""
		rm -f "$tmp"/qr-*.png
	done <"$tmp/ids"
fi
end

# Without base_url: no address and no QR code; without an edition the
# date of SOURCE_DATE_EPOCH, never the clock.
begin no-base-url
cp -R content "$tmp/c2"
sed -i '/^edition:/d' "$tmp/c2/site.yaml"
if k 0 export decision:kuka-koordinoi -c "$tmp/c2" -o "$tmp/n1.pdf"; then
	t=$(pagetext "$tmp/n1.pdf" 1)
	case $t in *https://*) fail "an address without base_url" ;; esac
	case $t in *Painos*) fail "an edition without edition or SOURCE_DATE_EPOCH" ;; esac
	if command -v zbarimg >/dev/null 2>&1; then
		pdftoppm -r 100 -png -f 1 -l 1 "$tmp/n1.pdf" "$tmp/nq" 2>/dev/null
		zbarimg -q --raw -Sdisable -Sqrcode.enable "$tmp"/nq-*1.png >/dev/null 2>&1 &&
		    fail "a QR code without base_url"
	fi
fi
if SOURCE_DATE_EPOCH=1700000000 k 0 export decision:kuka-koordinoi \
    -c "$tmp/c2" -o "$tmp/n2.pdf"; then
	case $(pagetext "$tmp/n2.pdf" 1) in
	*"Painos 2023-11-14"*) ;;
	*) fail "no edition from SOURCE_DATE_EPOCH" ;;
	esac
fi
end

# Every paper, exactly; a bare size in the drawing's orientation (the
# decision guide is wider than tall); no word runs sideways.
pts() {
	awk -v p="$1" 'BEGIN {
		split("841 594 420 297 210", w); split("1189 841 594 420 297", h)
		a = substr(p, 2, 1) + 1; o = substr(p, 4)
		W = w[a] * 72 / 25.4; H = h[a] * 72 / 25.4
		if (o == "portrait") printf "%.0f %.0f\n", W, H
		else printf "%.0f %.0f\n", H, W }'
}
begin papers
for size in A4 A3 A2 A1 A0; do
	for o in -portrait -landscape ""; do
		paper=$size$o
		k 0 export decision:kuka-koordinoi -c content --paper "$paper" \
		    -o "$tmp/p.pdf" || continue
		want=$(pts "$paper")
		pdfinfo -f 1 -l 99 "$tmp/p.pdf" |
		    sed -n 's/^Page *[0-9]* size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p' |
		    awk '{ printf "%.0f %.0f\n", $1, $2 }' | sort -u >"$tmp/sizes"
		[ "$(cat "$tmp/sizes")" = "$want" ] ||
		    fail "$paper: pages of $(tr '\n' ',' <"$tmp/sizes") pt, not $want"
		# A word set sideways is taller than wide.
		pdftotext -bbox "$tmp/p.pdf" - | awk -F'"' -v p="$paper" '
		    /<word/ { w = $6 - $2; h = $8 - $4
			t = $0; sub(/.*">/, "", t); sub(/<.*/, "", t)
			if (length(t) >= 4 && h > w) { print p ": \"" t "\" runs sideways"; exit } }' \
		    >"$tmp/side"
		[ -s "$tmp/side" ] && fail "$(cat "$tmp/side")"
	done
done
# On a bare size the orientation follows the drawing: a path whose
# steps all stay in one lane is a tall column and goes portrait; the
# same path with its lanes (wider than tall) goes landscape.
cp -R content "$tmp/one"
sed -i 's/^    responsible: .*/    responsible: sote-keskus/; /^    handoff: true/d' \
    "$tmp/one/paths/matin-polku.yaml"
if k 0 export path:matin-polku -c "$tmp/one" --paper A2 -o "$tmp/tall.pdf"; then
	pdfinfo "$tmp/tall.pdf" | grep -q 'Page size: *1190.55 x 1683.78' ||
	    fail "a one-lane path:matin-polku on A2 is not portrait"
fi
if k 0 export path:matin-polku -c content --paper A2 -o "$tmp/wide.pdf"; then
	pdfinfo "$tmp/wide.pdf" | grep -q 'Page size: *1683.78 x 1190.55' ||
	    fail "path:matin-polku in its lanes on A2 is not landscape"
fi
# The small map asks for A4 portrait and gets it, upright.
if k 0 export map:alkupalvelu -c content -o "$tmp/a.pdf"; then
	pdfinfo "$tmp/a.pdf" | grep -q 'Page size: *595.276 x 841.89' ||
	    fail "map:alkupalvelu is not on its A4-portrait"
	pdftotext -bbox "$tmp/a.pdf" - | awk -F'"' '/<word/ {
	    t = $0; sub(/.*">/, "", t); sub(/<.*/, "", t)
	    if (length(t) >= 4 && $8 - $4 > $6 - $2) { print t; exit } }' >"$tmp/side"
	[ -s "$tmp/side" ] && fail "alkupalvelu.pdf: \"$(cat "$tmp/side")\" runs sideways"
fi
end

# Every diagram of the default content and of the full fixture, on
# every paper: each page has the paper's size in its orientation, no
# word set sideways, the sheet's title, the handbook and region, the
# edition, the legend and the address, "sivu i/n (rivi r, sarake c)"
# when tiled, and a QR code that decodes to the address; every word of
# every node label lies in the drawing's area of some page.  The QR is
# read from the page's right-hand strip, where the title block puts it,
# so that an A0 page is not rendered whole.
#
# The words a drawing's nodes show, from its SVG: one a line.
nodewords() {
	xmllint --xpath "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' node ')]//*[local-name()='text']/text()" \
	    "$1" 2>/dev/null | tr ' ' '\n' | sed '/^$/d; s/&amp;/\&/g' | sort -u
}
# The words of page $2 of PDF $1 inside the drawing's area: inside the
# 10 mm margins, above the title block, which begins with the sheet's
# title ($3): the lowest word at the left margin that is the title's
# first word.  (Type size tells nothing here: on a large paper the
# drawing's own type is larger than the title's.)
areawords() {
	pdftotext -bbox -f "$2" -l "$2" "$1" - | awk -F'"' -v first="${3%% *}" '
	    /<page/ { pw = $2; ph = $4 }
	    /<word/ { n++; x0[n] = $2; y0[n] = $4; x1[n] = $6; y1[n] = $8
		t = $0; sub(/.*">/, "", t); sub(/<.*/, "", t); w[n] = t
		if (t == first && $2 < 31 && (top == "" || $4 > top)) top = $4 }
	    END { m = 28.3
		# The middle of a word: its box has the font'"'"'s ascent,
		# which on a large paper reaches above the glyphs.
		for (i = 1; i <= n; i++) {
			cx = (x0[i] + x1[i]) / 2; cy = (y0[i] + y1[i]) / 2
			if (cx >= m && cx <= pw - m && cy >= m &&
			    (top == "" || cy < top - 10))
				print w[i] } }' |
	    # Cairo sets fi and fl as ligatures; the reader sees letters.
	    sed 's/&amp;/\&/g; s/\xef\xac\x81/fi/g; s/\xef\xac\x82/fl/g'
}
# sheets TREE BASE HANDBOOK EDITION: every diagram of TREE on every
# paper.  Counts sheets and pages in $tmp/count.
sheets() {
	tree=$1 sbase=$2 hb=$3 ed=$4
	diagrams "$tree" >"$tmp/sids"
	while read -r kind id; do
		title=$(ytitle "$tree/${kind}s/$id.yaml")
		url=$sbase${kind}s/$id.html
		k 0 export "$kind:$id" -c "$tree" -f svg -o "$tmp/s.svg" || continue
		nodewords "$tmp/s.svg" >"$tmp/swords"
		[ -s "$tmp/swords" ] || fail "$kind:$id: no words in the SVG's nodes"
		for size in A4 A3 A2 A1 A0; do
			for o in portrait landscape; do
				paper=$size-$o
				sheet "$kind:$id" "$paper"
			done
		done
	done <"$tmp/sids"
}
sheet() {
	ref=$1 paper=$2
	k 0 export "$ref" -c "$tree" --paper "$paper" -o "$tmp/s.pdf" || return
	echo sheet >>"$tmp/count"
	want=$(pts "$paper")
	pdfinfo -f 1 -l 999 "$tmp/s.pdf" |
	    sed -n 's/^Page *[0-9]* size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p' |
	    awk '{ printf "%.0f %.0f\n", $1, $2 }' | sort -u >"$tmp/sizes"
	[ "$(cat "$tmp/sizes")" = "$want" ] ||
	    fail "$ref on $paper: pages of $(tr '\n' ',' <"$tmp/sizes") pt, not $want"
	pdftotext -bbox "$tmp/s.pdf" - | awk -F'"' '/<word/ {
	    t = $0; sub(/.*">/, "", t); sub(/<.*/, "", t)
	    if (length(t) >= 4 && $8 - $4 > $6 - $2) { print t; exit } }' >"$tmp/side"
	[ -s "$tmp/side" ] && fail "$ref on $paper: \"$(cat "$tmp/side")\" runs sideways"
	n=$(npages "$tmp/s.pdf")
	cols=1
	if [ "${n:-0}" -gt 1 ]; then
		cols=$(sed -n 's/.*(\([0-9]*\) across.*/\1/p' "$tmp/err")
		[ -n "$cols" ] || { fail "$ref on $paper: $n pages without a tiling warning"; cols=1; }
	fi
	# Page size in pixels at 150 dpi, for the QR strip.
	set -- $want
	pw=$(( $1 * 150 / 72 )) ph=$(( $2 * 150 / 72 ))
	: >"$tmp/shown"
	p=1
	while [ "$p" -le "${n:-0}" ]; do
		echo page >>"$tmp/count"
		t=$(pagetext "$tmp/s.pdf" $p)
		for w in "$title" "$hb" "Painos $ed" "Merkit"; do
			case $t in
			*"$w"*) ;;
			*) fail "$ref on $paper: page $p/$n lacks \"$w\"" ;;
			esac
		done
		case $(echo "$t" | tr -d ' ') in
		*"$url"*) ;;
		*) fail "$ref on $paper: page $p/$n lacks its address" ;;
		esac
		if [ "$n" -gt 1 ]; then
			r=$(( (p - 1) / cols + 1 )) c=$(( (p - 1) % cols + 1 ))
			case $t in
			*"sivu $p/$n (rivi $r, sarake $c)"*) ;;
			*) fail "$ref on $paper: page $p is not labelled \"sivu $p/$n (rivi $r, sarake $c)\"" ;;
			esac
		fi
		areawords "$tmp/s.pdf" $p "$title" >>"$tmp/shown"
		if command -v zbarimg >/dev/null 2>&1; then
			pdftoppm -r 150 -gray -png -f $p -l $p -x $((pw - 260)) \
			    -y $((ph / 2)) -W 260 -H $((ph / 2)) "$tmp/s.pdf" "$tmp/sq" 2>/dev/null
			got=$(zbarimg -q --raw -Sdisable -Sqrcode.enable "$tmp"/sq-*.png 2>/dev/null)
			[ "$got" = "$url" ] ||
			    fail "$ref on $paper: QR of page $p reads \"$got\", not $url"
			rm -f "$tmp"/sq-*.png
		fi
		p=$((p + 1))
	done
	sort -u "$tmp/shown" >"$tmp/shown.s"
	comm -23 "$tmp/swords" "$tmp/shown.s" >"$tmp/lost"
	[ -s "$tmp/lost" ] && fail "$ref on $paper: $(grep -c . "$tmp/lost") of $(grep -c . "$tmp/swords") node words on no page: $(head -n 8 "$tmp/lost" | tr '\n' ' ')"
}
begin every-paper
: >"$tmp/count"
sheets "$tmp/c" "$base/" "$handbook" 2026.1
fx=tests/fixtures/full
sheets "$fx" https://example.org/handbook/ \
    "$(ytitle $fx/site.yaml) – $(sed -n 's/^region: *{ *fi: *\([^,}]*\).*/\1/p' $fx/site.yaml)" \
    "$(sed -n 's/^edition: *"\(.*\)"/\1/p' $fx/site.yaml)"
# The figures, in the test's output.
echo "    $(grep -c '^sheet' "$tmp/count") sheets, $(grep -c '^page' "$tmp/count") pages"
[ "$(grep -c '^sheet' "$tmp/count")" -ge 110 ] || fail "fewer than 11 diagrams on 10 papers"
end

# Tiled: every page is labelled in order, and every word of every node
# label lies inside the drawing's area (above the title block, inside
# the margins) of some page: the tiles together show the whole drawing.
tiles() {
	ref=$1
	paper=$2
	k 0 export "$ref" -c content -f svg -o "$tmp/t.svg" || return
	k 0 export "$ref" -c content --paper "$paper" -o "$tmp/t.pdf" || return
	grep -q "printed at that smallest scale on [0-9]* $paper pages" "$tmp/err" ||
	    fail "$ref on $paper: no warning about tiles: $(cat "$tmp/err")"
	grep -q "fits on one A[0-9]-[a-z]* sheet (\(paper: \|--paper \)A[0-9]-[a-z]*)" "$tmp/err" ||
	    fail "$ref on $paper: the warning names no paper that takes it"
	n=$(npages "$tmp/t.pdf")
	[ "${n:-0}" -ge 2 ] || { fail "$ref on $paper: $n page(s), not tiled"; return; }
	cols=$(sed -n 's/.*(\([0-9]*\) across.*/\1/p' "$tmp/err")
	p=1
	: >"$tmp/shown"
	while [ "$p" -le "$n" ]; do
		r=$(( (p - 1) / cols + 1 ))
		c=$(( (p - 1) % cols + 1 ))
		case $(pagetext "$tmp/t.pdf" $p) in
		*"sivu $p/$n (rivi $r, sarake $c)"*) ;;
		*) fail "$ref on $paper: page $p is not labelled \"sivu $p/$n (rivi $r, sarake $c)\"" ;;
		esac
		# The drawing's area: inside the 10 mm margins, above the
		# title block, whose first word is the sheet's title.
		pdftotext -bbox -f $p -l $p "$tmp/t.pdf" - | awk -F'"' '
		    /<page/ { pw = $2; ph = $4 }
		    /<word/ { n++; x0[n] = $2; y0[n] = $4; x1[n] = $6; y1[n] = $8
			t = $0; sub(/.*">/, "", t); sub(/<.*/, "", t); w[n] = t
			# The sheet title is the only type of 14 pt here.
			if ($8 - $4 > 15 && (top == "" || $4 < top)) top = $4 }
		    END { m = 28.3
			for (i = 1; i <= n; i++)
				if (x0[i] >= m - 1 && x1[i] <= pw - m + 1 && y0[i] >= m - 1 &&
				    (top == "" || y1[i] < top - 10))
					print w[i] }' >>"$tmp/shown"
		p=$((p + 1))
	done
	xmllint --xpath "//*[local-name()='g'][contains(concat(' ', @class, ' '), ' node ')]//*[local-name()='text']/text()" \
	    "$tmp/t.svg" 2>/dev/null | tr ' ' '\n' | sed '/^$/d' | sort -u >"$tmp/words"
	nw=$(grep -c . "$tmp/words")
	[ "$nw" -ge 20 ] || fail "$ref: only $nw words in the SVG's nodes"
	sed 's/&amp;/\&/g' "$tmp/shown" | sort -u >"$tmp/shown.s"
	comm -23 "$tmp/words" "$tmp/shown.s" >"$tmp/lost"
	[ -s "$tmp/lost" ] && fail "$ref on $paper: $(grep -c . "$tmp/lost") of $nw node words on no page: $(head -n 8 "$tmp/lost" | tr '\n' ' ')"
}
begin tiles-flow
tiles flow:asiakasvirrat A4-portrait
end
begin tiles-map
tiles map:kokonaisuus A4-landscape
end

# A tile's legend lists what that tile shows: a path's stage names are
# in its leftmost column, so only the first column of tiles explains
# them.
begin tile-legend
if k 0 export path:matin-polku -c content --paper A4-portrait -o "$tmp/tl.pdf"; then
	n=$(npages "$tmp/tl.pdf")
	[ "${n:-0}" -ge 2 ] || fail "path:matin-polku on A4-portrait is not tiled"
	case $(pagetext "$tmp/tl.pdf" 1) in
	*"Vaihe, josta rivit alkavat"*) ;;
	*) fail "page 1 shows the stages but its legend does not explain them" ;;
	esac
	other=0
	p=2
	while [ "$p" -le "${n:-0}" ]; do
		case $(pagetext "$tmp/tl.pdf" $p) in
		*"(rivi "*", sarake 1)"*) ;;
		*"Vaihe, josta rivit alkavat"*)
			fail "page $p, right of the stages, explains them" ;;
		*) other=1 ;;
		esac
		p=$((p + 1))
	done
	[ "$other" = 1 ] || fail "no tile right of the stages"
fi
end

# --notes: a margin for sticky notes, on the same paper.
begin notes
if k 0 export decision:kuka-koordinoi -c content --paper A3-landscape \
    --notes -o "$tmp/no.pdf"; then
	case $(pagetext "$tmp/no.pdf" 1) in
	*Muistiinpanot*) ;;
	*) fail "no notes margin with --notes" ;;
	esac
	pdfinfo "$tmp/no.pdf" | grep -q 'Page size: *1190.55 x 841.89' ||
	    fail "--notes changed the paper"
fi
if k 0 export decision:kuka-koordinoi -c content --paper A3-landscape \
    -o "$tmp/nn.pdf"; then
	case $(pagetext "$tmp/nn.pdf" 1) in
	*Muistiinpanot*) fail "a notes margin without --notes" ;;
	esac
fi
# A map may ask for the margin itself.
cp -R content "$tmp/c3"
printf 'notes: true\n' >>"$tmp/c3/maps/alkupalvelu.yaml"
if k 0 export map:alkupalvelu -c "$tmp/c3" -o "$tmp/nm.pdf"; then
	case $(pdftotext -raw "$tmp/nm.pdf" - | tr '\n' ' ') in
	*Muistiinpanot*) ;;
	*) fail "a map's notes: true leaves no margin" ;;
	esac
fi
end

# Two builds, the same sheets; the second language's sheets have their
# own address.
begin deterministic
if [ -d "$tmp/site/print" ] && k 0 build -c "$tmp/c" -o "$tmp/site2"; then
	for f in "$tmp/site/print"/*.pdf; do
		cmp -s "$f" "$tmp/site2/print/$(basename "$f")" ||
		    fail "print/$(basename "$f") differs between builds"
	done
fi
if k 0 build -c tests/fixtures/full -o "$tmp/full-out"; then
	[ -f "$tmp/full-out/sv/print/verkosto.pdf" ] || fail "no sv/print/verkosto.pdf"
	case $(pdftotext -raw "$tmp/full-out/sv/print/verkosto.pdf" - | tr '\n' ' ') in
	*"https://example.org/handbook/sv/maps/verkosto.html"*) ;;
	*) fail "the Swedish sheet lacks its address" ;;
	esac
fi
end

exit $anyfail
