#!/usr/bin/env bash
# Cold start of the built distribution beside a bare Apache Karaf of the same version with the `http` feature added
# to its boot features, in the same run: each pair unpacks both afresh (empty data/, first boot), starts the bare
# Karaf until its port answers HTTP, stops it, then starts the platform and times each step: port answering, the demo
# answering, health UP (every module active, the REST runtime settled); ready is the later of the last two. Prints
# each pair, the medians and the ratio of ready to the bare Karaf; and beside it the CPU time each JVM had used at
# that point (from /proc), a steadier figure on a shared VM whose speed moves between runs.
# Usage: benchmarks/cold-start.sh [pairs]   (after `mvn -B install -DskipTests`; fetches apache-karaf once via Maven)
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-5}
karaf_version=$(sed -n "s:.*<karaf.version>\(.*\)</karaf.version>.*:\1:p" pom.xml)
archive=$(ls distribution/target/backbone-distribution-*.tar.gz)
work=$(mktemp -d)
. benchmarks/lib/karaf.sh
homes=()
trap 'for h in "${homes[@]}"; do stop_karaf "$h"; done; rm -rf "$work"' EXIT
mvn -B -q dependency:copy -Dartifact="org.apache.karaf:apache-karaf:$karaf_version:tar.gz" -DoutputDirectory="$work"
bare_archive="$work/apache-karaf-$karaf_version.tar.gz"

root=http://127.0.0.1:8181
: > "$work/bare"; : > "$work/port"; : > "$work/health"; : > "$work/demo"; : > "$work/ready"; : > "$work/ratio"
: > "$work/bare-cpu"; : > "$work/ready-cpu"; : > "$work/cpu-ratio"
demo=$root/api/v1/initiatives/demo-riverbend-reads/shared-measurement
code() { curl -s -m 2 -o /dev/null -w '%{http_code}' "$@"; }
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), Karaf $karaf_version, $(date -u +%F)"
# the bare Karaf with Karaf's own boot features plus http, as a distribution of it would boot
bare_karaf() {
  local home
  home=$(unpack "$bare_archive" "$work/bare-k")
  python3 - "$home/etc/org.apache.karaf.features.cfg" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
text = re.sub(r'(featuresBoot\s*=\s*\\?\n(?:.*\\\n)*.*)', lambda m: m.group(1).rstrip() + ', \\\n    http', text, count=1)
open(path, 'w').write(text)
PY
  echo "$home"
}
# Karaf's archive leaves Pax Web's jars out of system/: the http feature takes them from Maven Central into the local
# Maven repository at its first start. One unmeasured start first, so that no measured start downloads anything.
bare=$(bare_karaf); homes=("$bare"); "$bare/bin/start"; wait_for_any "$root/"; stop_karaf "$bare"
for pair in $(seq 1 "$pairs"); do
  bare=$(bare_karaf); homes=("$bare")
  t=$(now); "$bare/bin/start"; wait_for_any "$root/"; b=$(since "$t"); bc_=$(cpu_seconds "$bare"); stop_karaf "$bare"

  ours=$(unpack "$archive" "$work/ours-k"); homes=("$ours")
  t=$(now); "$ours/bin/start"
  p=""; h=""; d=""
  for _ in $(seq 1 3000); do  # each step's first success, polled together every 50 ms (at most about 3 minutes)
    [ -z "$p" ] && [ "$(code "$root/")" != 000 ] && p=$(since "$t")
    [ -z "$h" ] && [ "$(code "$root/api/v1/health")" = 200 ] && h=$(since "$t")
    [ -z "$d" ] && [ "$(code "$demo" -u admin:admin)" = 200 ] && d=$(since "$t")
    [ -n "$h" ] && [ -n "$d" ] && break
    sleep 0.05
  done
  [ -n "$h" ] && [ -n "$d" ] || { echo "the platform did not become ready" >&2; exit 1; }
  r=$(echo "if ($h > $d) $h else $d" | bc -l)  # ready: health UP and the demo answering
  rc=$(cpu_seconds "$ours")
  stop_karaf "$ours"
  echo "$b" >> "$work/bare"; echo "$p" >> "$work/port"; echo "$h" >> "$work/health"; echo "$d" >> "$work/demo"
  echo "$r" >> "$work/ready"; echo "$r / $b" | bc -l >> "$work/ratio"
  echo "$bc_" >> "$work/bare-cpu"; echo "$rc" >> "$work/ready-cpu"; echo "$rc / $bc_" | bc -l >> "$work/cpu-ratio"
  printf 'pair %d: bare Karaf + http, port answering %.1f s (CPU %.1f s) | platform: port answering %.1f s, demo answering %.1f s, health UP %.1f s, ready %.1f s (CPU %.1f s) | %.2fx (CPU %.2fx)\n' \
    "$pair" "$b" "$bc_" "$p" "$d" "$h" "$r" "$rc" "$(echo "$r / $b" | bc -l)" "$(echo "$rc / $bc_" | bc -l)"
done
printf 'medians: bare Karaf + http %.1f s; platform: port %.1f s, demo answering %.1f s, health UP %.1f s, ready %.1f s; ratio (median of the pairs) %.2fx\n' \
  "$(median < "$work/bare")" "$(median < "$work/port")" "$(median < "$work/demo")" "$(median < "$work/health")" \
  "$(median < "$work/ready")" "$(median < "$work/ratio")"
printf 'CPU time used at those points (medians): bare Karaf + http %.1f s, platform at ready %.1f s; ratio (median of the pairs) %.2fx\n' \
  "$(median < "$work/bare-cpu")" "$(median < "$work/ready-cpu")" "$(median < "$work/cpu-ratio")"
