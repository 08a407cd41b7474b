#!/bin/sh
# kartta serve, end to end over HTTP with curl: start on a free port,
# fetch pages, change a file and see the new content, break a file and
# see the error above the old page, traversal and links refused, bounded
# connections, SIGINT and SIGTERM stop cleanly.
#
#   sh tests/serve.sh BUILD
#
# Run from the repository root; PASS/FAIL/SKIP lines as tests/lib.sh.
set -u

suite=serve
build=${1:?usage: serve.sh BUILD}
. tests/lib.sh

if ! command -v curl >/dev/null 2>&1; then
	skip all "curl is not installed"
	exit 0
fi

# A scratch TMPDIR for the server, to see that it cleans up after itself.
mkdir -p "$tmp/t"
content=$tmp/content
"$kartta" init "$content" >/dev/null 2>&1 || {
	echo "FAIL $suite/init: kartta init failed"
	exit 1
}
svc=$content/services/esimerkkipalvelu.yaml
cp "$svc" "$tmp/svc.orig"

pid=""
# start ARGS...: starts kartta serve in the background; sets pid and url
# once it prints its address (within 120 s), else returns 1.
start() {
	: >"$tmp/serve.out"
	: >"$tmp/serve.err"
	TMPDIR=$tmp/t "$kartta" serve -c "$content" -t themes/default \
	    --port 0 "$@" >"$tmp/serve.out" 2>"$tmp/serve.err" &
	pid=$!
	i=0
	while [ $i -lt 1200 ]; do
		url=$(sed -n 's|^kartta: serving .* at \(http://127\.0\.0\.1:[0-9]*/\) .*|\1|p' \
		    "$tmp/serve.out")
		[ -n "$url" ] && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	fail "kartta serve did not print its address:"
	head -n 20 "$tmp/serve.err" | sed 's/^/      /' >>"$tmp/why"
	return 1
}

# stop SIGNAL: stops the server and waits; fails unless it exits 0.
stop() {
	kill "-$1" "$pid" 2>/dev/null
	wait "$pid"
	rc=$?
	pid=""
	[ "$rc" = 0 ] || fail "kartta serve exited $rc after SIG$1"
	if grep -q "$SANITIZER_PATTERN" "$tmp/serve.err"; then
		fail "sanitizer report from kartta serve:"
		grep -A 20 "$SANITIZER_PATTERN" "$tmp/serve.err" | head -n 30 |
		    sed 's/^/      /' >>"$tmp/why"
	fi
}

# get PATH: the body in $tmp/body, the status as the output.
get() {
	curl -s --path-as-is -o "$tmp/body" -w '%{http_code}' "$url${1#/}"
}

version() {
	curl -s "${url}__kartta/version"
}

# changed OLD: waits (up to 120 s) until the site's version is not OLD.
changed() {
	i=0
	while [ $i -lt 1200 ]; do
		v=$(version)
		[ -n "$v" ] && [ "$v" != "$1" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	fail "no rebuild seen after a change (version still $1)"
	return 1
}

trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

begin start-and-fetch
if start; then
	[ "$(get /)" = 200 ] || fail "/ is not 200"
	grep -q 'Työkyvyn tuen käsikirja' "$tmp/body" ||
	    fail "/ is not the handbook's front page"
	grep -q '<script src="/__kartta/reload.js" data-version="1"' \
	    "$tmp/body" || fail "/ has no reloading script"
	[ "$(get /services/esimerkkipalvelu.html)" = 200 ] ||
	    fail "the service page is not 200"
	[ "$(get /sv/)" = 200 ] || fail "/sv/ is not 200"
	[ "$(get /services)" = 301 ] || fail "/services is not redirected"
	loc=$(curl -s -o /dev/null -w '%{redirect_url}' "${url}services")
	[ "$loc" = "${url}services/" ] ||
	    fail "/services redirects to \"$loc\", not /services/"
	[ "$(get /no-such-page.html)" = 404 ] || fail "a missing page is not 404"
	[ "$(get /__kartta/reload.js)" = 200 ] || fail "no reload.js"
	code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$url")
	[ "$code" = 405 ] || fail "POST answered $code, not 405"
	site=$(ls -d "$tmp"/t/kartta-serve-*/site 2>/dev/null)
	if [ ! -f "$site/index.html" ]; then
		fail "no site built in a folder of its own below TMPDIR"
	elif grep -rlq __kartta "$site"; then
		fail "the built site holds the preview's script"
	fi
	[ -e output ] && [ output -nt "$tmp/svc.orig" ] &&
	    fail "serve wrote into ./output"
fi
end

begin change-rebuilds
if [ -n "$pid" ]; then
	v=$(version)
	sed 's/^summary:.*/summary: Muutettu esimerkki kolmesataa/' \
	    "$tmp/svc.orig" >"$svc"
	if changed "$v"; then
		get /services/esimerkkipalvelu.html >/dev/null
		grep -q 'Muutettu esimerkki kolmesataa' "$tmp/body" ||
		    fail "the changed summary is not served"
		grep -q 'kartta serve: the last build failed' "$tmp/body" &&
		    fail "a good build shows the failure banner"
	fi
fi
end

begin broken-keeps-last-good
if [ -n "$pid" ]; then
	v=$(version)
	printf 'name: [esimerkki\n' >"$svc"
	if changed "$v"; then
		get /services/esimerkkipalvelu.html >/dev/null
		grep -q 'kartta serve: the last build failed' "$tmp/body" ||
		    fail "the page does not say that the build failed"
		grep -q 'services/esimerkkipalvelu.yaml:[0-9]*:[0-9]*: error' \
		    "$tmp/body" || fail "the page does not show the error"
		grep -q 'Muutettu esimerkki kolmesataa' "$tmp/body" ||
		    fail "the last good page is not served"
		grep -q 'services/esimerkkipalvelu.yaml:[0-9]*:[0-9]*: error' \
		    "$tmp/serve.err" || fail "the terminal does not show the error"
		get / >/dev/null
		grep -q 'kartta serve: the last build failed' "$tmp/body" ||
		    fail "the front page does not say that the build failed"
	fi
	v=$(version)
	cp "$tmp/svc.orig" "$svc"
	if changed "$v"; then
		get /services/esimerkkipalvelu.html >/dev/null
		grep -q 'kartta serve: the last build failed' "$tmp/body" &&
		    fail "the banner stays after the fix"
		grep -q 'Muutettu esimerkki kolmesataa' "$tmp/body" &&
		    fail "the fixed page is not served"
	fi
fi
end

begin traversal-refused
if [ -n "$pid" ]; then
	site=$(ls -d "$tmp"/t/kartta-serve-*/site 2>/dev/null)
	# Links planted in the served folder, out of it.
	ln -s /etc/passwd "$site/leak.html"
	ln -s /etc "$site/etc"
	ln -s "$site/services" "$site/inner"
	printf 'secret\n' >"$site/.hidden"
	# Deep enough to reach / from any TMPDIR.
	up=../../../../../../../../../../../../../../../..
	eup=$(printf '%s' "$up" | sed 's|\.\.|%2e%2e|g')
	fup=$(printf '%s' "$up" | sed 's|/|%2f|g')
	for p in "/$up/etc/passwd" "/$eup/etc/passwd" \
	    "/services/$fup%2fetc/passwd" "/$(echo "$eup" | tr e E)/etc/passwd" \
	    "/services/$up/etc/passwd" /./index.html /leak.html \
	    /etc/passwd /inner/index.html /.hidden '/..%00/etc/passwd' \
	    "/services/../index.html" /index.html%00.css /%00; do
		code=$(get "$p")
		case $code in
		403|404|400) ;;
		*) fail "$p answered $code" ;;
		esac
		grep -q 'root:' "$tmp/body" && fail "$p leaked /etc/passwd"
		grep -q 'secret' "$tmp/body" && fail "$p served a hidden file"
	done
	# A FIFO must not hang the server.
	mkfifo "$site/fifo.html" 2>/dev/null &&
	    code=$(curl -s -m 10 -o /dev/null -w '%{http_code}' \
	    "${url}fifo.html") && [ "$code" = 403 ] ||
	    fail "a FIFO in the site answered ${code:-nothing}, not 403"
	rm -f "$site/leak.html" "$site/etc" "$site/inner" "$site/.hidden" \
	    "$site/fifo.html"
fi
end

begin connections-bounded
if [ -n "$pid" ] && command -v python3 >/dev/null 2>&1; then
	port=${url#http://127.0.0.1:}
	port=${port%/}
	# 40 idle connections: the server keeps at most 32, closing the
	# others at once, and still answers once they are gone.
	closed=$(python3 - "$port" <<'EOF'
import socket, sys, time
port = int(sys.argv[1])
socks = []
for _ in range(40):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    socks.append(s)
time.sleep(1.0)
closed = 0
for s in socks:
    s.settimeout(0.2)
    try:
        if s.recv(1) == b"":
            closed += 1
    except socket.timeout:
        pass
    except OSError:
        closed += 1
for s in socks:
    s.close()
print(closed)
EOF
)
	[ "${closed:-0}" -ge 8 ] ||
	    fail "$closed of 40 idle connections closed, expected 8 or more"
	sleep 0.5
	[ "$(get /)" = 200 ] || fail "no answer after many connections"
fi
end

begin sigint-stops
if [ -n "$pid" ]; then
	stop INT
	grep -q '^kartta: stopped' "$tmp/serve.err" ||
	    fail "no \"stopped\" line after SIGINT"
	left=$(ls "$tmp/t")
	[ -z "$left" ] || fail "left behind in TMPDIR: $left"
fi
end

begin output-asked-and-sigterm
out=$tmp/served
if start -o "$out"; then
	[ "$(get /)" = 200 ] || fail "/ is not 200 with -o"
	[ -f "$out/index.html" ] || fail "-o $out was not built"
	grep -q __kartta "$out/index.html" &&
	    fail "the built page holds the preview's script"
	# The same port twice: the second cannot listen.
	port=${url#http://127.0.0.1:}
	port=${port%/}
	TMPDIR=$tmp/t timeout -k 10 120 "$kartta" serve -c "$content" \
	    -t themes/default --port "$port" >/dev/null 2>"$tmp/err2"
	rc=$?
	[ "$rc" = 3 ] || fail "a second server on port $port exited $rc, not 3"
	grep -q "cannot listen on 127.0.0.1:$port" "$tmp/err2" ||
	    fail "no \"cannot listen\" message: $(head -c 200 "$tmp/err2")"
	stop TERM
	[ -f "$out/index.html" ] || fail "-o $out was removed at the end"
fi
end

begin usage
k 2 serve --port 70000 -c "$content" &&
    grep -q 'needs a number from 0 to 65535' "$tmp/err" ||
    fail "--port 70000 is not a usage error"
end

[ "$anyfail" = 0 ]
