#!/bin/sh
# make bench: audits a flow of about 300 services and 5,000 edges (the
# disclosure audit, src/audit.c) and fails unless that takes under a
# minute of CPU; then aggregates one flow of 10 million events (about 2
# million clients, 40 services) with kartta and with sqlite3, side by
# side, and fails unless kartta is at least 5 times faster in CPU time
# and peaks below 1 GiB.  A smaller log first checks that both count the
# same.  Not part of the test suite.
#
#   sh bench/run.sh [BUILD]
#
# BENCH_EVENTS and BENCH_CLIENTS change the size; TMPDIR where the data
# (about 700 MB) goes.
set -eu

build=${1:-build}
events=${BENCH_EVENTS:-10000000}
clients=${BENCH_CLIENTS:-2000000}
k=5
cc=${CC:-cc}

fail() {
	echo "bench: $*" >&2
	exit 1
}

command -v sqlite3 >/dev/null 2>&1 ||
	fail "sqlite3 is needed: apt-get install sqlite3"
top=$(pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kartta-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

san=0
case $build in *san*) san=1 ;; esac
make -s BUILD="$build" SAN=$san "$build/tests/flowagg"
flowagg=$top/$build/tests/flowagg
cflags="-O2 -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Wall -Wextra"
$cc $cflags -o "$tmp/gen_events" bench/gen_events.c -lm
$cc $cflags -o "$tmp/runstat" bench/runstat.c
cd "$tmp"

# The same aggregation in SQL: rare services to other, each client's
# events by date then file order (rowid), repeats collapsed, distinct
# clients per node and per transition.  Prints the true counts as
# flowagg -t does.
sql() {
	cat <<SQL
.output /dev/null
PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
PRAGMA cache_size=-262144;
.output stdout
.mode csv
.import $1 ev
CREATE TEMP TABLE svc AS
  SELECT service, COUNT(DISTINCT client) AS n FROM ev GROUP BY service;
CREATE TEMP TABLE v AS
  SELECT client, node, date, seq FROM (
    SELECT e.client AS client,
      CASE WHEN s.n < $2 THEN 'other' ELSE e.service END AS node,
      e.date AS date, e.rowid AS seq,
      LAG(CASE WHEN s.n < $2 THEN 'other' ELSE e.service END)
        OVER (PARTITION BY e.client ORDER BY e.date, e.rowid) AS prev
    FROM ev e JOIN svc s USING (service))
  WHERE prev IS NULL OR prev <> node;
.mode tabs
SELECT 'node', 'start', COUNT(DISTINCT client) FROM v;
SELECT 'node', 'end', COUNT(DISTINCT client) FROM v;
SELECT 'node', node, COUNT(DISTINCT client) FROM v GROUP BY node;
WITH t AS (
  SELECT client, node, LAG(node, 1, 'start') OVER w AS f,
    LEAD(node, 1, 'end') OVER w AS nx
  FROM v WINDOW w AS (PARTITION BY client ORDER BY date, seq))
SELECT 'edge', f, t2, COUNT(DISTINCT client) FROM (
  SELECT client, f, node AS t2 FROM t
  UNION ALL
  SELECT client, node, 'end' FROM t WHERE nx = 'end')
GROUP BY f, t2;
SQL
}

export SQLITE_TMPDIR="$tmp"

# The audit: CPU time (not wall time, which measures the neighbours on
# a shared machine too) for the whole run, aggregation included.
echo "bench: audit of a flow of about 300 services and 5,000 edges"
./gen_events -s 3 -n 22000 -c 4800 -v 320 flow300.csv
./runstat audit.stat "$flowagg" -v -k 5 flow300.csv >flow300.json \
	2>audit.err || fail "flowagg failed: $(cat audit.err)"
nodes=$(grep -c '"id":' flow300.json)
edges=$(grep -c '"from":' flow300.json)
nulls=$(grep -c '"count": null' flow300.json)
read -r awall acpu arss <audit.stat
grep '^audit:' audit.err | sed 's/^/bench: /'
awk -v n="$nodes" -v e="$edges" -v z="$nulls" -v w="$awall" -v c="$acpu" \
    -v r="$arss" 'BEGIN {
	printf "bench: %d nodes, %d edges, %d numbers withheld; audited in " \
	    "%.2f s CPU (%.2f s wall), peak %.0f MiB (target below 60 s CPU)\n",
	    n, e, z, c, w, r / 1024
	exit !(c < 60 && e >= 5000 && n >= 300)
}' || fail "the audit missed its target"
rm -f flow300.csv flow300.json

echo "bench: checking kartta against sqlite3 on 200000 events"
./gen_events -s 2 -n 200000 -c 40000 small.csv
"$flowagg" -t -k 10 small.csv | LC_ALL=C sort >small.kartta
sql small.csv 10 | sqlite3 small.db | LC_ALL=C sort >small.sqlite
diff -u small.sqlite small.kartta >small.diff ||
	fail "kartta and sqlite3 count differently:
$(head -20 small.diff)"
grep -q '	other	' small.kartta ||
	fail "the check log has no rare services"
echo "bench: same $(wc -l <small.kartta) counts, other included"

echo "bench: generating $events events of up to $clients clients"
./gen_events -s 1 -n "$events" -c "$clients" big.csv
rm -f small.*

echo "bench: kartta"
./runstat kartta.stat "$flowagg" -t -k $k big.csv >big.kartta
echo "bench: sqlite3 (import and query; this takes minutes)"
sql big.csv $k | ./runstat sqlite.stat sqlite3 big.db >big.sqlite.raw
LC_ALL=C sort big.kartta >big.kartta.sorted
LC_ALL=C sort big.sqlite.raw >big.sqlite
cmp -s big.sqlite big.kartta.sorted ||
	fail "kartta and sqlite3 count the big log differently"

read -r kwall kcpu krss <kartta.stat
read -r swall scpu srss <sqlite.stat
awk -v n="$events" -v kw="$kwall" -v kc="$kcpu" -v kr="$krss" \
    -v sw="$swall" -v sc="$scpu" -v sr="$srss" 'BEGIN {
	if (kc <= 0) kc = 0.001
	if (kw <= 0) kw = 0.001
	printf "\n%-9s %9s %9s %14s %14s %10s\n", "", "wall s", "CPU s",
	    "events/s wall", "events/s CPU", "peak MiB"
	printf "%-9s %9.2f %9.2f %14.0f %14.0f %10.0f\n", "kartta", kw, kc,
	    n / kw, n / kc, kr / 1024
	printf "%-9s %9.2f %9.2f %14.0f %14.0f %10.0f\n", "sqlite3", sw, sc,
	    n / sw, n / sc, sr / 1024
	cpu = sc / kc
	printf "\nkartta is %.1fx faster in CPU time (target 5x), %.1fx in " \
	    "wall time;\npeak %.0f MiB (target below 1024 MiB).\n", cpu,
	    sw / kw, kr / 1024
	ok = cpu >= 5 && kr < 1024 * 1024
	print ok ? "bench: targets met" : "bench: TARGETS MISSED"
	exit !ok
}'
