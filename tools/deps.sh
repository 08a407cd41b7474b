#!/bin/sh
# Checks the Debian packages kartta needs and installs the missing ones
# when run as root; otherwise prints the exact apt-get line and fails.
#   deps.sh build   what building kartta and the handbook needs
#   deps.sh test    what the test suite needs on top of that (the browser
#                   suite's chromium, Java for the Nu checker, node and npm;
#                   its npm packages are installed by tests/browser/run.sh)
#   deps.sh bench   what make bench needs on top of building: sqlite3 for
#                   the flow benchmark, Hugo and Graphviz's dot as the
#                   handbook benchmark's yardsticks, python3 to generate it
set -eu
what=${1:-build}

# package:kind:probe; a probe is a pkg-config module (pc), a command
# (cmd), a file that the package installs (file) or a compiler that can
# link a libFuzzer program (fuzzer: make fuzz, make fuzz-smoke).
build_pkgs="gcc:cmd:cc make:cmd:make pkg-config:cmd:pkg-config
libcmark-gfm-dev:pc:libcmark-gfm
libcmark-gfm-extensions-dev:file:/usr/include/cmark-gfm-core-extensions.h
libxml2-dev:pc:libxml-2.0
libgraphviz-dev:pc:libgvc libyaml-dev:pc:yaml-0.1
libcairo2-dev:pc:cairo libvoikko-dev:pc:libvoikko
voikko-fi:file:/usr/lib/voikko/5/mor-standard/mor.vfst
libstemmer-dev:file:/usr/include/libstemmer.h
libglpk-dev:file:/usr/include/glpk.h libqrencode-dev:pc:libqrencode
libmicrohttpd-dev:pc:libmicrohttpd"
test_pkgs="libcmocka-dev:pc:cmocka poppler-utils:cmd:pdfinfo
python3-jsonschema:file:/usr/lib/python3/dist-packages/jsonschema/__init__.py
python3-yaml:file:/usr/lib/python3/dist-packages/yaml/__init__.py
mandoc:cmd:mandoc libxml2-utils:cmd:xmllint
chromium:cmd:chromium default-jre-headless:cmd:java nodejs:cmd:node
npm:cmd:npm python3:cmd:python3 glpk-utils:cmd:glpsol
clang:cmd:clang libclang-rt-dev:fuzzer:clang zbar-tools:cmd:zbarimg"
bench_pkgs="sqlite3:cmd:sqlite3 hugo:cmd:hugo graphviz:cmd:dot
python3:cmd:python3"

case $what in
build) list=$build_pkgs ;;
bench) list="$build_pkgs $bench_pkgs" ;;
test) list="$build_pkgs $test_pkgs" ;;
*) echo "usage: deps.sh build|test|bench" >&2; exit 2 ;;
esac

missing=""
for entry in $list; do
	pkg=${entry%%:*}
	rest=${entry#*:}
	kind=${rest%%:*}
	probe=${rest#*:}
	case $kind in
	pc) pkg-config --exists "$probe" 2>/dev/null || missing="$missing $pkg" ;;
	cmd) command -v "$probe" >/dev/null 2>&1 || missing="$missing $pkg" ;;
	file) [ -e "$probe" ] || missing="$missing $pkg" ;;
	fuzzer)
		printf 'int LLVMFuzzerTestOneInput(const char *d, long n)\n{ return (int)(d == 0) + (int)(n < 0); }\n' |
		    "$probe" -fsanitize=fuzzer -x c -o /dev/null - >/dev/null 2>&1 ||
		    missing="$missing $pkg" ;;
	esac
done

[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing
	exit 0
fi
echo "deps: missing Debian packages. Install them with:" >&2
echo "  sudo apt-get install$missing" >&2
exit 1
