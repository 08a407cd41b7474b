#!/bin/sh
# The limits suite (issue #13): content taken to an extreme of depth or
# size (tests/tools/gen_large.py writes each tree) must never crash or
# hang kartta.  Each case either builds or is refused with the limit's
# message (docs/content-format.md, "Limits").
#
#   sh tests/limits.sh BUILD
#
# Run from the repository root.  Prints "PASS name" or "FAIL name" (with
# the reasons indented below) per case; exits 1 if any failed.  The
# timeout is generous (a hang check, not a timing test: benchmarks
# belong in `make bench`), and memory is capped so that a regression
# into a blow-up fails here instead of starving the machine.
set -u

suite=limits
build=${1:?usage: limits.sh BUILD}
. tests/lib.sh
gen=tests/tools/gen_large.py
k_timeout=120

if ! command -v python3 >/dev/null 2>&1; then
	skip all "python3 is needed to generate the trees"
	exit 0
fi
# A sanitizer build reserves terabytes of address space, so it is held
# to its resident size instead.
if ldd "$kartta" 2>/dev/null | grep -q libasan; then
	ASAN_OPTIONS="$ASAN_OPTIONS:hard_rss_limit_mb=4096"
	export ASAN_OPTIONS
else
	ulimit -v 4194304 2>/dev/null || :
fi

# case_ NAME CASE N STATUS COMMAND [TEXT]: writes the tree of CASE (of
# size N, or its own size for -), runs `kartta COMMAND` on it (check,
# or build into a folder beside it), wants exit STATUS and, if given,
# TEXT in what kartta said.
case_() {
	begin "$1"
	d=$tmp/$1
	what=$2
	n=$3
	shift 3
	if [ "$n" = - ]; then
		python3 "$gen" "$what" "$d"
	else
		N=$n python3 "$gen" "$what" "$d"
	fi 2>"$tmp/gen"
	if [ $? -ne 0 ]; then
		fail "gen_large.py $what failed:"
		sed 's/^/      /' "$tmp/gen" >>"$tmp/why"
	elif [ "$2" = build ]; then
		k "$1" build -c "$d" -o "$d.out" -t themes/default
	else
		k "$1" check -c "$d"
	fi
	if [ $# -ge 3 ] && [ $bad = 0 ] && ! grep -qF -- "$3" "$tmp/err"; then
		fail "no \"$3\" in what kartta said:"
		head -n 3 "$tmp/err" | cut -c1-200 | sed 's/^/      /' \
		    >>"$tmp/why"
	fi
	rm -rf "$d" "$d.out"
	end
}

nested="Markdown nested deeper than 32 levels"

# Depth: refused at the limit, with no walk meeting the depth.
case_ md-deep-quote md-deep-quote - 1 build "syva.md:4:33: error: $nested"
case_ md-deep-list md-deep-list - 1 build "syva.md:4:33: error: $nested"
case_ md-deep-indent md-deep-indent - 1 build "$nested"
case_ md-deep-emphasis md-deep-emphasis - 1 build "$nested"
case_ md-deep-description md-deep-description - 1 build \
    "services/syva.yaml:6:67: error: $nested"
case_ yaml-deep yaml-deep - 1 check "nesting deeper than 64 levels"

# Keys and ids: every duplicate found by hash, not by a scan back.
case_ yaml-many-keys yaml-many-keys - 1 check \
    'avaimet.yaml:200004:1: error: unknown key "k199999"'
case_ yaml-dup-keys yaml-dup-keys - 1 check \
    'avaimet.yaml:300004:1: error: duplicate key "tags" (first at line 100005)'
case_ yaml-dup-ids yaml-dup-ids - 1 check \
    'site.yaml:200002:3: error: duplicate id "a99999" in "audiences" (first at line 100002)'

# Texts: the lint and heading ids stay linear.
case_ lint-phones lint-phones - 0 check "0 errors, 100000 warnings"
case_ headings headings - 0 build

# Sizes: refused past the documented limits, built up to them.
case_ audiences audiences - 1 check \
    "site.yaml:3:3: error: 200000 audiences: a handbook has at most 1000"
case_ services services - 1 check \
    "error: more than 10000 files in services/"
case_ decision decision - 1 check "error: 5000 questions: a decision guide has at most 50"
case_ decision-50 decision 50 0 build
case_ decision-cycle decision-cycle 49 1 check \
    'keha.yaml:199:28: error: goto "q0" makes a cycle'
case_ path path - 1 check "error: 10000 steps: a path has at most 200"
case_ path-200 path 200 0 build
case_ map-all map-all - 0 build
case_ map-too-large map-all 2500 1 check \
    "kaikki.yaml:3:9: error: this map would draw 2503 actors, groups and services: a map shows at most 2500"
case_ map-edges map-edges - 0 build
case_ map-boxes map-edges 101 1 check \
    "kaikki.yaml:2:9: error: this map would draw 101 boxes (its actors, groups and the labels of its edges): a map shows at most 100"
case_ part-of-chain part-of-chain - 0 check
case_ part-of-cycle part-of-cycle - 1 check "error: part_of makes a cycle: a0 -> a1 -> "

exit $anyfail
