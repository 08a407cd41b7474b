#!/bin/sh
# The one test loop: unit tests, the bad-input corpus, the limits and
# fault suites
# and the end-to-end tests against one build folder.  `make test` runs
# it twice, on build/ and on build-san/ (ASan + UBSan); nothing here
# differs between the two but the folder.
#
#   sh tests/run.sh BUILD
#
# Prints a line per test ("PASS name", "FAIL name", "SKIP name: why",
# details indented below a failure) and ends with exactly one line
# "N passed, N failed".  Exits 1 if anything failed.
set -u

build=${1:?usage: run.sh BUILD}
cd "$(dirname "$0")/.." || exit 3
case $build in
/*) ;;
*) build=$PWD/$build ;;
esac

export TZ=UTC LC_ALL=C
# Any sanitizer report fails a test: errors halt the program, leaks are
# detected at exit, and every tool's standard error is searched for
# reports as well (a report that does not change the exit status still
# counts).  The same settings are harmless for a plain build.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export SANITIZER_PATTERN='ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error:\|SUMMARY: UndefinedBehaviorSanitizer'

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kartta-run-XXXXXX") || exit 3
trap 'rm -rf "$tmp"' EXIT INT TERM
results=$tmp/results
: >"$results"

# Runs one part; its PASS/FAIL/SKIP lines are shown and kept.  A part
# that fails without saying which test failed counts as one failure.
part() {
	name=$1
	shift
	"$@" >"$tmp/part" 2>&1
	rc=$?
	cat "$tmp/part"
	grep '^\(PASS\|FAIL\|SKIP\) ' "$tmp/part" >>"$results"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$tmp/part"; then
		echo "FAIL $name: exited with status $rc"
		echo "FAIL $name" >>"$results"
	fi
}

# A cmocka binary passes if it exits 0 and no sanitizer spoke.
unit() {
	bin=$1
	name=unit/$(basename "$bin")
	timeout 300 "$bin" >"$tmp/unit" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && ! grep -q "$SANITIZER_PATTERN" "$tmp/unit"; then
		echo "PASS $name"
		# A case skipped because a library is not in this build says
		# why on the line before its SKIPPED.
		awk -v n="$name" '/^skipped: / { why = substr($0, 10) }
		    /^\[  SKIPPED \] [a-z_]+$/ && why != "" {
			print "SKIP " n "/" $NF ": " why; why = "" }' "$tmp/unit"
	else
		echo "FAIL $name (status $rc)"
		grep -v '^\[ \(RUN\|  *OK\) ' "$tmp/unit" | sed 's/^/    /' |
		    head -80
	fi
}

echo "== unit tests ($build)"
found=0
for bin in "$build"/tests/test_*; do
	[ -x "$bin" ] || continue
	case $bin in *.d|*.o) continue ;; esac
	found=1
	part "unit/$(basename "$bin")" unit "$bin"
done
if [ $found = 0 ]; then
	echo "FAIL unit: no unit test binaries in $build/tests"
	echo "FAIL unit" >>"$results"
fi

echo "== corpus"
part corpus sh tests/corpus.sh "$build"

echo "== limits"
part limits sh tests/limits.sh "$build"

echo "== faults"
part fault sh tests/fault.sh "$build"

echo "== end to end"
part e2e sh tests/e2e.sh "$build"

echo "== golden pages"
part golden sh tests/golden.sh "$build"

echo "== diagrams"
part diagram sh tests/diagram.sh "$build"

echo "== diagram quality"
part diagquality sh tests/diagquality.sh "$build"

echo "== print sheets"
part print sh tests/print.sh "$build"

echo "== serve"
part serve sh tests/serve.sh "$build"

echo "== a generated handbook"
part scale sh tests/scale.sh "$build"

echo "== flow audit"
part audit sh tests/audit.sh "$build"

passed=$(grep -c '^PASS ' "$results")
failed=$(grep -c '^FAIL ' "$results")
skipped=$(grep -c '^SKIP ' "$results")
if [ "$skipped" -gt 0 ]; then
	echo "$skipped skipped (known bugs or unfinished parts; see SKIP lines)"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
