# Shared by the shell test suites (sourced, from the repository root):
# the build under test, a scratch folder, sanitizer settings, and
# begin / fail / end / skip for one test and k to run kartta.
# Set before sourcing: suite (prefix of test names) and build (folder).

case $build in
/*) ;;
*) build=$PWD/$build ;;
esac
kartta=$build/kartta
export TZ=UTC LC_ALL=C
: "${ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1}"
: "${UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1}"
: "${SANITIZER_PATTERN=ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error:}"
export ASAN_OPTIONS UBSAN_OPTIONS

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kartta-$suite-XXXXXX") || exit 3
trap 'rm -rf "$tmp"' EXIT INT TERM

anyfail=0
name=""
bad=0

# begin NAME / fail MESSAGE / end: one test.
begin() {
	name=$1
	bad=0
	: >"$tmp/why"
}
fail() {
	bad=1
	printf '    %s\n' "$*" >>"$tmp/why"
}
end() {
	if [ $bad = 0 ]; then
		echo "PASS $suite/$name"
	else
		echo "FAIL $suite/$name"
		# Pages are long lines: show only the start of each.
		head -n 40 "$tmp/why" | cut -c1-300
		anyfail=1
	fi
}
skip() {
	echo "SKIP $suite/$1: $2"
}

# k STATUS ARGS...: runs kartta with standard error in $tmp/err and
# standard output in $tmp/out; fails the test on a sanitizer report or
# an exit status other than STATUS, and then returns 1.  It is stopped
# after $k_timeout seconds (default 120) and killed 10 s later: SIGTERM
# only asks kartta to stop soon, which a hang would never do.
k() {
	want=$1
	shift
	timeout -k 10 "${k_timeout:-120}" "$kartta" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if grep -q "$SANITIZER_PATTERN" "$tmp/err"; then
		fail "sanitizer report from kartta $*:"
		head -n 30 "$tmp/err" | sed 's/^/    /' >>"$tmp/why"
		return 1
	fi
	if [ "$got" != "$want" ]; then
		fail "kartta $* exited $got, expected $want"
		head -n 20 "$tmp/err" | sed 's/^/      /' >>"$tmp/why"
		return 1
	fi
	return 0
}
