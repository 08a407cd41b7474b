#!/bin/sh
# Runs the libFuzzer harnesses of a FUZZ=1 build (make fuzz, make
# fuzz-smoke): for each, first its regression inputs (fuzz/regress/NAME/:
# every crash found so far, kept as a test), then SECONDS of fuzzing on
# its corpus BUILD/fuzz/corpus/NAME (kept between runs, never committed)
# and the seeds of fuzz/seed.sh.
#
#   sh fuzz/run.sh BUILD SECONDS [NAME...]      (NAME: entity, guide, …)
#
# FUZZ_LOGS=DIR keeps each harness's whole log as DIR/NAME.log (default:
# BUILD/fuzz/logs).  A crash, leak, sanitizer report or timeout leaves
# its input in BUILD/fuzz/crashes/NAME/ and fails.  Prints one line per
# harness, "PASS fuzz/NAME: …" with the figures or "FAIL fuzz/NAME: …"
# with the start of the report, and exits 1 if any failed.
set -u

build=${1:?usage: run.sh BUILD SECONDS [NAME...]}
seconds=${2:?usage: run.sh BUILD SECONDS [NAME...]}
shift 2
cd "$(dirname "$0")/.." || exit 3
case $build in
/*) ;;
*) build=$PWD/$build ;;
esac
logs=${FUZZ_LOGS:-$build/fuzz/logs}
mkdir -p "$logs" || exit 3

export TZ=UTC LC_ALL=C
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# The harnesses' scratch trees go here and are removed with it, also
# after a crash (fuzz/scratch.c removes its own only at a normal exit).
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kartta-fuzzrun-XXXXXX") || exit 3
trap 'rm -rf "$tmp"' EXIT INT TERM
export TMPDIR=$tmp

sh fuzz/seed.sh "$build/fuzz/seeds" || exit 3
if [ $# -gt 0 ]; then
	names=$*
else
	names=$(cd fuzz && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
fi

failed=0
for name in $names; do
	bin=$build/fuzz/fuzz_$name
	log=$logs/$name.log
	crashes=$build/fuzz/crashes/$name
	corpus=$build/fuzz/corpus/$name
	if [ ! -x "$bin" ]; then
		echo "FAIL fuzz/$name: $bin not built"
		failed=$((failed + 1))
		continue
	fi
	mkdir -p "$crashes" "$corpus"
	# Every layout leaks inside Graphviz (tests/lsan.supp), so with
	# leak detection libFuzzer would stop for a leak check after each
	# rendering, eight times slower; kartta's own leaks on these paths
	# are caught by the regression inputs below and by the test suite.
	opts=""
	[ "$name" = render ] && opts="-detect_leaks=0"
	: >"$log"
	if [ -d "fuzz/regress/$name" ] &&
	    [ -n "$(ls "fuzz/regress/$name")" ]; then
		if ! "$bin" -timeout=25 "fuzz/regress/$name"/* >>"$log" 2>&1
		then
			echo "FAIL fuzz/$name: a regression input fails ($log)"
			grep -m 5 'ERROR\|runtime error\|SUMMARY\|Running:' "$log" |
			    sed 's/^/    /'
			failed=$((failed + 1))
			continue
		fi
	fi
	before=$(ls "$crashes" | wc -l)
	# shellcheck disable=SC2086
	/usr/bin/time -f 'cpu-seconds: %U user %S system' \
	    "$bin" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="$crashes/" $opts "$corpus" \
	    "$build/fuzz/seeds/$name" >>"$log" 2>&1
	rc=$?
	after=$(ls "$crashes" | wc -l)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
	    tail -1)
	cov=$(grep '^#[0-9].*cov: ' "$log" | tail -1 |
	    sed 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/cov \1, ft \2, corpus \3/')
	cpu=$(sed -n 's/^cpu-seconds: \([0-9.]*\) user \([0-9.]*\) system/\1 \2/p' \
	    "$log" | awk '{ printf "%.0f", $1 + $2 }')
	if [ "$rc" -ne 0 ] || [ "$after" -gt "$before" ]; then
		echo "FAIL fuzz/$name: status $rc, $((after - before)) new" \
		    "input(s) in $crashes ($log)"
		grep -m 5 'ERROR\|runtime error\|SUMMARY\|Test unit written' \
		    "$log" | sed 's/^/    /'
		failed=$((failed + 1))
	else
		echo "PASS fuzz/$name: ${execs:-?} execs, ${cov:-no coverage line}," \
		    "${cpu:-?} s of CPU in $seconds s"
	fi
done
[ "$failed" -eq 0 ]
