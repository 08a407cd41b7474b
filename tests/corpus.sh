#!/bin/sh
# The bad-input corpus: golden diagnostics of `kartta check` (or another
# command line) on small content trees, compared exactly with diff -u.
#
#   sh tests/corpus.sh BUILD [CASE...]            run (all cases by default)
#   sh tests/corpus.sh BUILD --update CASE...     rewrite the expected files
#                                                 of CASE from what it prints
#
# Run from the repository root, so that paths print as
# tests/corpus/<case>/content/...  A case is a folder tests/corpus/<case>/:
#
#   content/          the content tree (may be absent for usage cases)
#   args              the command line, %C standing for the content path;
#                     default: check -c %C
#   expected          exact standard error
#   expected-status   exact exit status
#   expected-stdout   exact standard output (default: nothing)
#   setup             optional: `sh setup` before (cwd: the case folder),
#                     `sh setup clean` after; for files too big for git
#   KNOWN-BUG         the case shows a bug that is not fixed yet: it is
#                     reported as SKIP (only checked not to crash); the
#                     file says what is wrong and what is expected
#
# Besides the exact comparison, every plain diagnostic line must have the
# form FILE:LINE:COL: error|warning: MESSAGE, and the lines must be sorted
# by file, line and column.
#
# Prints one line per case, "PASS name", "FAIL name" (with the diff
# indented below it) or "SKIP name: why"; exits 1 if any case failed.
set -u

build=${1:?usage: corpus.sh BUILD [--update] [CASE...]}
shift
update=0
if [ "${1:-}" = --update ]; then
	update=1
	shift
fi
kartta=$build/kartta
export TZ=UTC LC_ALL=C
# "Today" for the review warnings (review.h): 2026-01-01, so that their
# golden diagnostics stay true on every day.
export SOURCE_DATE_EPOCH=1767225600
# Fail on any sanitizer report (harmless for plain builds).
: "${ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1}"
: "${UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS UBSAN_OPTIONS
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kartta-corpus-XXXXXX") || exit 3
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ ! -x "$kartta" ]; then
	echo "FAIL corpus: $kartta not built"
	exit 1
fi

if [ $# -gt 0 ]; then
	cases=$*
else
	cases=$(cd tests/corpus && for d in */; do printf '%s\n' "${d%/}"; done)
fi

# Checks the shape and order of the plain diagnostics in $1.
check_shape() {
	awk '
	/^kartta: [0-9]+ errors?, [0-9]+ warnings?(; .*)?$/ {
		next
	}
	!/^[^:]+:[0-9]+:[0-9]+: (error|warning): ./ &&
	!/^[^:]+: (error|warning): ./ {
		printf "    not FILE:LINE:COL: error|warning: MESSAGE: %s\n", $0
		bad = 1
		next
	}
	{
		n = split($0, f, ":")
		line = f[2] + 0
		col = f[3] + 0
		if (f[2] !~ /^[0-9]+$/) {
			line = 0
			col = 0
		}
		if (seen && (f[1] < pf || (f[1] == pf && (line < pl ||
		    (line == pl && col < pc))))) {
			printf "    not sorted by file, line, column: %s\n", $0
			bad = 1
		}
		seen = 1
		pf = f[1]
		pl = line
		pc = col
	}
	END { exit bad }' "$1"
}

failed=0
for name in $cases; do
	dir=tests/corpus/$name
	if [ ! -d "$dir" ]; then
		echo "FAIL $name: no such case"
		failed=1
		continue
	fi
	content=$dir/content
	if [ -f "$dir/args" ]; then
		args=$(sed "s|%C|$content|g" "$dir/args")
	else
		args="check -c $content"
	fi
	if [ -f "$dir/setup" ] && ! (cd "$dir" && sh setup); then
		echo "FAIL $name: setup failed"
		failed=1
		continue
	fi
	# shellcheck disable=SC2086
	timeout -k 10 60 "$kartta" $args >"$tmp/out" 2>"$tmp/err"
	status=$?
	[ -f "$dir/setup" ] && (cd "$dir" && sh setup clean)

	if [ $update = 1 ]; then
		cp "$tmp/err" "$dir/expected"
		echo "$status" >"$dir/expected-status"
		if [ -s "$tmp/out" ]; then
			cp "$tmp/out" "$dir/expected-stdout"
		else
			rm -f "$dir/expected-stdout"
		fi
		echo "UPDATED $name (status $status)"
		continue
	fi

	if [ -f "$dir/KNOWN-BUG" ]; then
		if [ $status -ge 124 ] ||
		    grep -q 'Sanitizer\|runtime error:' "$tmp/err"; then
			echo "FAIL $name: known-bug case crashed (status $status)"
			sed 's/^/    /' "$tmp/err" | head -20
			failed=1
		else
			echo "SKIP $name: known bug: $(head -n 1 "$dir/KNOWN-BUG")"
		fi
		continue
	fi

	ok=1
	msg=""
	if [ ! -f "$dir/expected" ] || [ ! -f "$dir/expected-status" ]; then
		ok=0
		msg="missing expected or expected-status"
	else
		if ! diff -u "$dir/expected" "$tmp/err" >"$tmp/diff"; then
			ok=0
			msg="$msg standard error differs;"
		fi
		if [ -f "$dir/expected-stdout" ]; then
			diff -u "$dir/expected-stdout" "$tmp/out" >>"$tmp/diff" ||
			    { ok=0; msg="$msg standard output differs;"; }
		elif [ -s "$tmp/out" ]; then
			ok=0
			msg="$msg unexpected standard output;"
			sed 's/^/+/' "$tmp/out" >>"$tmp/diff"
		fi
		want=$(cat "$dir/expected-status")
		if [ "$status" != "$want" ]; then
			ok=0
			msg="$msg exit status $status, expected $want;"
		fi
		# Content diagnostics (not usage errors, not annotations).
		case $status in
		0|1)
			case $args in
			*--format=github*) ;;
			*)
				check_shape "$tmp/err" >>"$tmp/diff" ||
				    { ok=0; msg="$msg bad diagnostic lines;"; }
				;;
			esac
			;;
		esac
	fi
	if [ $ok = 1 ]; then
		echo "PASS $name"
	else
		echo "FAIL $name:$msg"
		sed 's/^/    /' "$tmp/diff" | head -60 | cut -c1-300
		failed=1
	fi
done
exit $failed
