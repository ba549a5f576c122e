#!/usr/bin/env bash
# REST reads of the built distribution under load, each beside the HTTP stack's trivial-request ceiling measured in
# the same container in the same run (a minimal JAX-RS application of its own on the same whiteboard,
# benchmarks/rest-ceiling, dropped into deploy/), and the ratio. wrk: 2 threads, 16 connections, every figure after
# a warm-up of everything; each read is measured right after its own measurement of the ceiling.
# With --postgresql the distribution runs on a fresh database on the machine's PostgreSQL (127.0.0.1:5432, user
# postgres, trust), set up as README's PostgreSQL section says.
# Usage: benchmarks/rest.sh [--postgresql] [seconds per figure]   (after `mvn -B install -DskipTests`; installs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
database=h2
if [ "${1:-}" = "--postgresql" ]; then database=postgresql; shift; fi
seconds=${1:-10}
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
mvn -B -q install -DskipTests -pl benchmarks/rest-ceiling
archive=$(ls distribution/target/backbone-distribution-*.tar.gz)
work=$(mktemp -d)
. benchmarks/lib/karaf.sh
home=$(unpack "$archive" "$work/k")
trap 'stop_karaf "$home"; rm -rf "$work"' EXIT
if [ "$database" = postgresql ]; then
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS backbone_rest_bench WITH (FORCE)" \
       -c "CREATE DATABASE backbone_rest_bench"
  sed -e 's|^url = .*|url = jdbc:postgresql://127.0.0.1:5432/backbone_rest_bench?reWriteBatchedInserts=true|' -e 's|^user = .*|user = postgres|' \
      -e 's|^password = .*|password =|' "$home/etc/org.ops4j.datasource-backbone.cfg.postgresql" \
      > "$home/etc/org.ops4j.datasource-backbone.cfg"
fi

root=http://127.0.0.1:8181
api=$root/api/v1
fn=$api/initiatives/demo-riverbend-reads/shared-measurement
admin="Authorization: Basic $(printf admin:admin | base64)"

"$home/bin/start"
wait_for "$api/health" 200
wait_for "$fn" 200 -u admin:admin
cp benchmarks/rest-ceiling/target/backbone-benchmarks-rest-ceiling-*.jar "$home/deploy/"
wait_for "$root/ceiling/ok" 200
indicator=$(curl -s -u admin:admin "$fn/indicators" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')

# load name url [header]: requests per second; fails when any answer was not 2xx/3xx
load() {
  local name=$1 url=$2 out; shift 2
  out=$(wrk -t2 -c16 -d"${seconds}s" "$@" "$url")
  if grep -q "Non-2xx" <<<"$out"; then echo "$name: $(grep Non-2xx <<<"$out")" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), $(date -u +%F); database: $database"
names=(health initiatives overview series)
urls=("$api/health" "$api/initiatives" "$fn" "$fn/indicators/$indicator/series")
auth=("" "$admin" "$admin" "$admin")
# warm-up: the JIT compiles the request path of the stack and of each read before anything is measured
for _ in 1 2; do
  wrk -t2 -c16 -d5s "$root/ceiling/ok" >/dev/null
  for i in "${!names[@]}"; do wrk -t2 -c16 -d5s ${auth[$i]:+-H "${auth[$i]}"} "${urls[$i]}" >/dev/null; done
done
# each figure right after its own measurement of the ceiling: side by side in the same warm JVM
printf '%-12s %10s %14s %8s\n' read "req/s" "ceiling req/s" ratio
for i in "${!names[@]}"; do
  ceiling=$(load ceiling "$root/ceiling/ok")
  rate=$(load "${names[$i]}" "${urls[$i]}" ${auth[$i]:+-H "${auth[$i]}"})
  printf '%-12s %10.0f %14.0f %7.2fx\n' "${names[$i]}" "$rate" "$ceiling" "$(echo "$rate / $ceiling" | bc -l)"
done
echo "(ceiling: GET /ceiling/ok, a trivial JAX-RS application on the same Jetty, CXF and whiteboard; wrk 2 threads, 16 connections, ${seconds} s each)"
