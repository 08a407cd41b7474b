#!/bin/sh
# The audit of published flows, attacked from outside (tests/audit/):
# one regression case per attack family, then seeded property tests of
# random and adversarial logs.  The attacker is tests/audit/attack.py,
# which solves its own integer programmes with glpsol; none of kartta's
# code is in it.
#
#   sh tests/audit.sh BUILD
#
# Under the sanitizers (a build folder named *san*) the property tests
# run fewer cases: they are there to find memory errors in kartta, and
# the plain run covers the promise.
set -u
build=${1:?usage: audit.sh BUILD}
cd "$(dirname "$0")/.." || exit 3
export TZ=UTC LC_ALL=C

for tool in python3 glpsol; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "FAIL audit: $tool is needed (sh tools/deps.sh test)"
		exit 1
	fi
done
if [ ! -x "$build/tests/flowagg" ]; then
	echo "FAIL audit: $build/tests/flowagg not built"
	exit 1
fi
case $build in
*san*) cases=${AUDIT_CASES:-6} ;;
*) cases=${AUDIT_CASES:-40} ;;
esac
rc=0
python3 tests/audit/regress.py "$build" || rc=1
python3 tests/audit/props.py "$build" -n "$cases" || rc=1
exit $rc
