#!/bin/sh
# The browser suite: builds the default handbook (and a copy of it in
# fi, sv and en), then runs the tests in *.test.mjs with node's test
# runner in Debian's chromium: axe-core and the Nu HTML Checker on every
# page, and Playwright tests of what a reader does.
#
#   sh tests/browser/run.sh BUILD
#
# Prints "PASS name", "FAIL name" (the reason indented below) or "SKIP
# name: why" per check and one closing line "N passed, N failed"; exits
# 1 if anything failed or could not run.  Screenshots are left in
# $KARTTA_SHOTS (default BUILD/browser-shots).  Never downloads a
# browser: the Debian packages chromium and default-jre-headless are
# installed by tools/deps.sh test, the npm packages pinned in
# package.json (playwright-core, axe-core, vnu-jar) by npm ci here.
set -u

build=${1:?usage: run.sh BUILD}
cd "$(dirname "$0")/../.." || exit 3
case $build in
/*) ;;
*) build=$PWD/$build ;;
esac
here=tests/browser
export TZ=UTC LC_ALL=C.UTF-8

die() {
	echo "FAIL browser/setup: $*"
	echo "0 passed, 1 failed"
	exit 1
}

for cmd in node npm java chromium; do
	command -v $cmd >/dev/null 2>&1 ||
	    die "$cmd is missing (run: sh tools/deps.sh test, as root)"
done

# The npm packages, exactly as locked; install scripts are not run
# (vnu-jar's would download a Java it does not need).
stamp=$here/node_modules/.kartta-installed
if ! [ -f $stamp ] || [ $here/package-lock.json -nt $stamp ]; then
	(cd $here && npm ci --no-audit --no-fund --ignore-scripts \
	    --loglevel=error >/dev/null 2>&1) ||
	    die "npm ci in $here failed"
	touch $stamp
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kartta-browser-XXXXXX") || exit 3
trap 'rm -rf "$tmp"' EXIT INT TERM

# The default handbook as published, and the same content in three
# languages (texts fall back to Finnish, marked with lang).
"$build/kartta" build -c content -o "$tmp/site" >"$tmp/build.log" 2>&1 ||
    die "kartta build of content/ failed: $(head -5 "$tmp/build.log")"
cp -R content "$tmp/content-multi"
sed -i 's/^languages:.*/languages: [fi, sv, en]/' "$tmp/content-multi/site.yaml"
grep -q '^languages: \[fi, sv, en\]' "$tmp/content-multi/site.yaml" ||
    die "content/site.yaml has no one-line languages: to rewrite"
"$build/kartta" build -c "$tmp/content-multi" -o "$tmp/site-multi" \
    >"$tmp/build-multi.log" 2>&1 ||
    die "kartta build of the three-language copy failed: $(head -5 "$tmp/build-multi.log")"

# The default handbook once more with its Finnish indexed without Voikko
# (Snowball stems, or words as written without libstemmer): the search
# must still find what it can without the analyser.
KARTTA_NO_VOIKKO=1 "$build/kartta" build -c content -o "$tmp/site-fallback" \
    >"$tmp/build-fallback.log" 2>&1 ||
    die "kartta build without Voikko failed: $(head -5 "$tmp/build-fallback.log")"

export KARTTA_SITE="$tmp/site" KARTTA_SITE_MULTI="$tmp/site-multi"
export KARTTA_SITE_FALLBACK="$tmp/site-fallback"
export KARTTA_SHOTS="${KARTTA_SHOTS:-$build/browser-shots}"
export KARTTA_CHROMIUM="${KARTTA_CHROMIUM:-$(command -v chromium)}"
timeout 600 node --test --test-concurrency=2 \
    --test-reporter="./$here/reporter.mjs" $here/*.test.mjs
rc=$?
[ $rc -eq 0 ] || exit 1
