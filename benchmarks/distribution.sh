#!/usr/bin/env bash
# Times the built distribution as a whole and prints the figures of docs/benchmarks.md:
# cold boot to health UP, idle heap after a full GC, a module's uninstall to its function's 404 and install to its
# 200 (through the REST API, as the console does it, and through bin/client), stop, and the size.
# Usage: benchmarks/distribution.sh [runs]   (after `mvn -B install -DskipTests`; needs curl)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
archive=$(ls distribution/target/backbone-distribution-*.tar.gz)
work=$(mktemp -d)
. benchmarks/lib/karaf.sh
home=""
trap '[ -n "$home" ] && stop_karaf "$home"; rm -rf "$work"' EXIT
api=http://localhost:8181/api/v1
fn=$api/initiatives/demo-riverbend-reads/shared-measurement

# module_request method: asks the REST API to uninstall (DELETE) or install (PUT) shared measurement; expects 202
module_request() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -u admin:admin -X "$1" "$api/modules/function-shared-measurement")
  [ "$code" = 202 ] || { echo "$1 of the module answered $code, not 202" >&2; exit 1; }
}

# module_state state: until shared measurement's module reports that state (polled every 50 ms, up to 60 s)
module_state() {
  for _ in $(seq 1 1200); do
    curl -s -u admin:admin "$api/modules/function-shared-measurement" | grep -q "\"state\":\"$1\"" && return 0
    sleep 0.05
  done
  echo "the module did not become $1" >&2; exit 1
}

echo "archive: $archive ($(du -h "$archive" | cut -f1))"
for run in $(seq 1 "$runs"); do
  home=$(unpack "$archive" "$work/k")
  [ "$run" = 1 ] && echo "unpacked: $(du -sh "$home" | cut -f1), system/: $(du -sh "$home/system" | cut -f1) in $(find "$home/system" -name '*.jar' | wc -l) jars"
  t=$(now); "$home/bin/start"; wait_for "$api/health" 200; wait_for "$fn" 200 -u admin:admin; boot=$(since "$t")
  sleep 5  # idle: the demo loaded, nothing asked
  jcmd "$(cat "$home/karaf.pid")" GC.run >/dev/null
  heap=$(jcmd "$(cat "$home/karaf.pid")" GC.heap_info | awk '/garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024)}}')
  # through the REST API: the request's answer (202) and then the function's own address, polled every 50 ms
  t=$(now); module_request DELETE
  wait_for "$fn" 404 -u admin:admin; rest_uninstall=$(since "$t")
  module_state available; rest_uninstalled=$(since "$t")
  t=$(now); module_request PUT
  wait_for "$fn" 200 -u admin:admin; rest_install=$(since "$t")
  t=$(now); echo "shell:echo" | "$home/bin/client" -u admin -p admin -b >/dev/null 2>&1; client=$(since "$t")
  t=$(now); echo "feature:uninstall backbone-function-shared-measurement" | "$home/bin/client" -u admin -p admin -b >/dev/null 2>&1
  wait_for "$fn" 404 -u admin:admin; uninstall=$(since "$t")
  t=$(now); echo "feature:install backbone-function-shared-measurement" | "$home/bin/client" -u admin -p admin -b >/dev/null 2>&1
  wait_for "$fn" 200 -u admin:admin; install=$(since "$t")
  t=$(now); stop_karaf "$home"; stop=$(since "$t")
  printf 'run %d: through the REST API: uninstall to 404 %.2f s (target at most 0.5 s; the uninstall done at %.2f s), install to 200 %.2f s (target at most 1 s)\n' \
    "$run" "$rest_uninstall" "$rest_uninstalled" "$rest_install"
  printf 'run %d: cold boot to demo answering %.1f s; idle heap after GC %s MB; bin/client no-op %.2f s; uninstall to 404 %.2f s; install to 200 %.2f s (both through bin/client; less its no-op round trip: %.2f s and %.2f s); stop %.1f s\n' \
    "$run" "$boot" "$heap" "$client" "$uninstall" "$install" "$(echo "$uninstall - $client" | bc -l)" "$(echo "$install - $client" | bc -l)" "$stop"
done
