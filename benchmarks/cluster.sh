#!/usr/bin/env bash
# Two nodes against one: REST reads and writes with one node serving (node a directly, the anchor; and node a alone
# behind HAProxy) and with two nodes behind HAProxy (cluster/two-nodes.sh), measured one after the other in the same
# run, with the ratios; then the time a module change takes to reach the other node. Everything on this machine's loopback and one PostgreSQL database
# (127.0.0.1:5432, user postgres, trust). wrk: 2 threads, 16 connections; every figure after a warm-up.
# Usage: benchmarks/cluster.sh [seconds per figure]   (after `mvn -B install -DskipTests`; installs wrk and haproxy)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
command -v haproxy >/dev/null || apt-get install -y -q haproxy >/dev/null
archive=$(ls distribution/target/backbone-distribution-*.tar.gz)
work=$(mktemp -d)
. benchmarks/lib/karaf.sh
database=backbone_cluster_bench
trap 'cluster/two-nodes.sh stop "$work"; rm -rf "$work"' EXIT
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" \
     -c "CREATE DATABASE $database"
cluster/two-nodes.sh start "$archive" "$work" "$database"
# node a alone behind a second HAProxy (port 8179): what the balancer's hop costs, apart from the second node
sed -e 's|@BIND@|127.0.0.1:8179|' -e 's|@NODE_A@|127.0.0.1:8181|' -e '/@NODE_B@/d' cluster/haproxy.cfg > "$work/one.cfg"
haproxy -f "$work/one.cfg" -D -p "$work/one.pid"
trap 'kill "$(cat "$work/one.pid")" 2>/dev/null; cluster/two-nodes.sh stop "$work"; rm -rf "$work"' EXIT

one=http://127.0.0.1:8181/api/v1
balanced_one=http://127.0.0.1:8179/api/v1
two=http://127.0.0.1:8180/api/v1
read_path=/initiatives/demo-riverbend-reads/shared-measurement
wait_for "$one$read_path" 200 -u admin:admin
wait_for "http://127.0.0.1:8182/api/v1$read_path" 200 -u admin:admin
# each write figure into an initiative of its own, so that no figure writes into a registry the one before grew
for figure in one lb two; do
  curl -s -o /dev/null -u admin:admin -H 'Content-Type: application/json' -X POST "$one/initiatives" \
       -d '{"id":"bench-writes-'$figure'","name":"Writes","structureModelId":"stand-alone","enabledFunctionIds":[]}'
done
cat > "$work/write.lua" <<'LUA'
-- a new organisation per request, named by thread and counter so that no two requests collide
local counter = 0
local thread_id = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  thread_id = id
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  counter = counter + 1
  local name = string.format("Bench %s %d %d", os.time(), thread_id, counter)
  return wrk.format(nil, nil, nil, '{"name":"' .. name .. '","sectors":["NONPROFIT"]}')
end
LUA
auth="Authorization: Basic $(printf admin:admin | base64)"

# rate BASE PATH [lua]: requests per second (non-2xx counted apart and printed)
rate() {
  local out
  out=$(wrk -t2 -c16 -d"${seconds}s" -H "$auth" ${3:+-s "$3"} "$1$2")
  local errors
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  [ -n "$errors" ] && echo "  ($errors non-2xx answers in $1$2)" >&2
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}

echo "warming up"
wrk -t2 -c16 -d"${seconds}s" -H "$auth" "$two$read_path" >/dev/null
wrk -t2 -c16 -d"${seconds}s" -H "$auth" "$one$read_path" >/dev/null

writes=/initiatives/bench-writes-one/organisations
reads_one=$(rate "$one" "$read_path"); reads_lb=$(rate "$balanced_one" "$read_path"); reads_two=$(rate "$two" "$read_path")
writes_one=$(rate "$one" "$writes" "$work/write.lua"); writes_lb=$(rate "$balanced_one" "${writes/-one/-lb}" "$work/write.lua")
writes_two=$(rate "$two" "${writes/-one/-two}" "$work/write.lua")
printf '%-40s %10s %12s %12s %9s %9s\n' "REST on PostgreSQL, wrk -t2 -c16 ${seconds}s" "one node" "one via LB" \
       "two via LB" "LB/one" "two/LB"
row() { # label direct balanced two
  printf '%-40s %10.0f %12.0f %12.0f %9.2f %9.2f\n' "$1" "$2" "$3" "$4" "$(echo "$3 / $2" | bc -l)" \
         "$(echo "$4 / $3" | bc -l)"
}
row "reads: GET shared measurement (req/s)" "$reads_one" "$reads_lb" "$reads_two"
row "writes: POST organisation (req/s)" "$writes_one" "$writes_lb" "$writes_two"

# module convergence: uninstall and install through node a, timed until node b matches
converge() { # state
  local started
  started=$(now)
  for _ in $(seq 1 1200); do
    [ "$(curl -s -u admin:admin http://127.0.0.1:8182/api/v1/modules/function-policy \
         | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')" = "$1" ] && { since "$started"; return; }
    sleep 0.05
  done
  echo "timeout"
}
for round in 1 2 3; do
  curl -s -o /dev/null -u admin:admin -X DELETE "$one/modules/function-policy"
  out=$(converge available)
  curl -s -o /dev/null -u admin:admin -X PUT "$one/modules/function-policy"
  in=$(converge active)
  printf 'module change through node a reached node b: uninstall %.2f s, install %.2f s (round %d; moduleSetSeconds = 2)\n' \
         "$out" "$in" "$round"
done
